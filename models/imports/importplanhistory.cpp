// The history half of the planner (importplanner.h): customers' contacts and the activities
// (calls, visits, quotes …) of leads and customers.
#include "imports/importplanner.h"

#include "domain/times.h"
#include "io/values.h"

#include <QRegularExpression>
#include <QSqlQuery>

#include <limits>

namespace cockpit::imports::detail {

namespace {
// A code from what files write: the code itself, its English or Chinese words.
QString codeOf(const QString &text, const QList<QPair<QString, QStringList>> &codes)
{
    const QString n = normaliseName(text);
    for (const auto &[code, words] : codes) {
        if (n == normaliseName(code))
            return code;
        for (const QString &w : words)
            if (n == normaliseName(w))
                return code;
    }
    return {};
}

QStringList codesOf(const QList<QPair<QString, QStringList>> &codes)
{
    QStringList out;
    for (const auto &c : codes)
        out << c.first;
    return out;
}

const QList<QPair<QString, QStringList>> &chainRoles()
{
    static const QList<QPair<QString, QStringList>> roles = {
        {QStringLiteral("decision_maker"), {QStringLiteral("decision maker"), QStringLiteral("决策人"), QStringLiteral("决策者")}},
        {QStringLiteral("final_approver"), {QStringLiteral("final approver"), QStringLiteral("approver"), QStringLiteral("最终审批人"),
                                            QStringLiteral("审批人")}},
        {QStringLiteral("influencer"), {QStringLiteral("影响者"), QStringLiteral("影响人")}},
        {QStringLiteral("user"), {QStringLiteral("end user"), QStringLiteral("使用者"), QStringLiteral("用户")}},
        {QStringLiteral("procurement"), {QStringLiteral("purchasing"), QStringLiteral("buyer"), QStringLiteral("采购")}},
    };
    return roles;
}

const QList<QPair<QString, QStringList>> &activityKinds()
{
    static const QList<QPair<QString, QStringList>> kinds = {
        {QStringLiteral("call"), {QStringLiteral("phone"), QStringLiteral("phone call"), QStringLiteral("电话"), QStringLiteral("通话"),
                                  QStringLiteral("打电话")}},
        {QStringLiteral("wechat"), {QStringLiteral("微信"), QStringLiteral("message")}},
        {QStringLiteral("email"), {QStringLiteral("e-mail"), QStringLiteral("mail"), QStringLiteral("邮件")}},
        {QStringLiteral("meeting"), {QStringLiteral("会议"), QStringLiteral("开会")}},
        {QStringLiteral("visit"), {QStringLiteral("拜访"), QStringLiteral("上门"), QStringLiteral("面访")}},
        {QStringLiteral("demo"), {QStringLiteral("演示"), QStringLiteral("产品演示")}},
        {QStringLiteral("quote"), {QStringLiteral("quotation"), QStringLiteral("报价")}},
        {QStringLiteral("doc_opened"), {QStringLiteral("document opened"), QStringLiteral("打开文档")}},
        {QStringLiteral("presales_task"), {QStringLiteral("presales"), QStringLiteral("售前")}},
        {QStringLiteral("delivery_task"), {QStringLiteral("delivery"), QStringLiteral("交付")}},
        {QStringLiteral("review_note"), {QStringLiteral("review"), QStringLiteral("复盘")}},
        {QStringLiteral("request"), {QStringLiteral("请求")}},
    };
    return kinds;
}

const QList<QPair<QString, QStringList>> &directions()
{
    static const QList<QPair<QString, QStringList>> d = {
        {QStringLiteral("sales"), {QStringLiteral("outbound"), QStringLiteral("out"), QStringLiteral("销售"), QStringLiteral("我方")}},
        {QStringLiteral("customer"), {QStringLiteral("inbound"), QStringLiteral("in"), QStringLiteral("客户"), QStringLiteral("客户回复")}},
        {QStringLiteral("cross"), {QStringLiteral("cross-department"), QStringLiteral("internal"), QStringLiteral("跨部门")}},
    };
    return d;
}
} // namespace

std::optional<qint64> Planner::dateTime(Row &row, const QString &field, const QString &text)
{
    const std::optional<qint64> day = date(row, field, text);
    if (!day)
        return day;
    static const QRegularExpression time(QStringLiteral("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?"));
    // The time part, if any, after the date: Beijing (company) time.
    const QString half = io::Values::halfWidth(text);
    const auto m = time.match(half, std::max<qsizetype>(0, half.indexOf(u' ') >= 0 ? half.indexOf(u' ') : half.indexOf(u'T')));
    if (!m.hasMatch() || (half.indexOf(u' ') < 0 && half.indexOf(u'T') < 0))
        return day;
    const int h = m.captured(1).toInt(), min = m.captured(2).toInt(), sec = m.captured(3).toInt();
    if (h > 23 || min > 59 || sec > 59) {
        fail(row, field, text, ImportPlan::tr("not a time of day"));
        return std::nullopt;
    }
    // instantOfDay() is 12:00 Beijing; the day starts 12 hours before.
    return *day - 12 * 3600 + h * 3600 + min * 60 + sec;
}

void Planner::planContactRow(Row &row)
{
    PlannedContact c;
    c.file = row.file;
    c.line = row.line;
    const QString customer = value(row, QStringLiteral("customer"));
    c.customer = findCustomer(customer);
    if (!c.customer.isSet())
        return fail(row, QStringLiteral("customer"), customer,
                    customer.isEmpty() ? ImportPlan::tr("a contact needs a customer")
                                       : ImportPlan::tr("no such customer (import the customers first)"));
    c.name = value(row, QStringLiteral("name"));
    if (c.name.isEmpty())
        return fail(row, QStringLiteral("name"), c.name, ImportPlan::tr("a contact needs a name"));
    c.title = value(row, QStringLiteral("title"));
    const QString role = value(row, QStringLiteral("chain_role"));
    c.chainRole = codeOf(role, chainRoles());
    if (!role.isEmpty() && c.chainRole.isEmpty())
        return fail(row, QStringLiteral("chain_role"), role,
                    ImportPlan::tr("not a decision-chain role (%1)").arg(codesOf(chainRoles()).join(QStringLiteral(", "))));
    if (c.chainRole.isEmpty()) {
        c.chainRole = QStringLiteral("user");
        warn(row, QStringLiteral("chain_role"), QString(), ImportPlan::tr("no decision-chain role: recorded as user"));
    }
    if (const auto s = integer(row, QStringLiteral("seniority"), value(row, QStringLiteral("seniority")), 1, 5))
        c.seniority = *s;
    c.phone = value(row, QStringLiteral("phone"));
    if (!c.phone.isEmpty()) {
        const QString digits = io::Values::halfWidth(c.phone).remove(QRegularExpression(QStringLiteral("[^0-9]")));
        if (digits.size() < 7 || digits.size() > 20)
            return fail(row, QStringLiteral("phone"), c.phone, ImportPlan::tr("a phone number has 7 to 20 digits"));
    }
    if (!row.error.isEmpty())
        return;
    // A contact is its customer and name.
    const QString key = QStringLiteral("%1/%2\n").arg(c.customer.existing).arg(c.customer.planned) + normaliseName(c.name);
    if (const auto line = m_contacts.value(key))
        return fail(row, QStringLiteral("name"), c.name, ImportPlan::tr("the same contact as line %1").arg(*line));
    c.externalId = key;
    c.existing = storedKey(QStringLiteral("contacts"), key);
    if (!c.existing && c.customer.existing > 0) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT id, name FROM contacts WHERE customer_id = ? AND deleted = 0"));
        q.addBindValue(c.customer.existing);
        if (q.exec())
            while (q.next() && !c.existing)
                if (normaliseName(q.value(1).toString()) == normaliseName(c.name))
                    c.existing = q.value(0).toLongLong();
    }
    c.given = row.given;
    m_plan.contacts.push_back(c);
    m_contacts.insert(key, quint32(std::min<qint64>(row.line, std::numeric_limits<quint32>::max())));
}

void Planner::planActivityRow(Row &row)
{
    PlannedActivity a;
    a.file = row.file;
    a.line = row.line;
    a.externalId = externalId(row);
    if (repeatsId(row, a.externalId))
        return;
    const QString kind = value(row, QStringLiteral("kind"));
    a.kind = codeOf(kind, activityKinds());
    if (a.kind.isEmpty())
        return fail(row, QStringLiteral("kind"), kind,
                    ImportPlan::tr("not a kind of activity (%1)").arg(codesOf(activityKinds()).join(QStringLiteral(", "))));
    const QString direction = value(row, QStringLiteral("direction"));
    a.direction = direction.isEmpty() ? QStringLiteral("sales") : codeOf(direction, directions());
    if (a.direction.isEmpty())
        return fail(row, QStringLiteral("direction"), direction, ImportPlan::tr("not a direction (sales, customer, cross)"));
    const auto at = dateTime(row, QStringLiteral("at"), value(row, QStringLiteral("at")));
    if (!row.error.isEmpty())
        return;
    if (!at)
        return fail(row, QStringLiteral("at"), QString(), ImportPlan::tr("an activity needs its date"));
    a.at = *at;
    // Duration: seconds, "m:ss" or "h:mm:ss".
    const QString duration = value(row, QStringLiteral("duration"));
    if (!duration.isEmpty()) {
        static const QRegularExpression clock(QStringLiteral("^(?:(\\d+):)?(\\d+):(\\d{2})$"));
        const QString d = io::Values::halfWidth(duration).trimmed();
        const auto m = clock.match(d);
        bool ok = false;
        const qint64 secs = m.hasMatch() ? m.captured(1).toLongLong() * 3600 + m.captured(2).toLongLong() * 60 + m.captured(3).toLongLong()
                                         : d.toLongLong(&ok);
        if ((!m.hasMatch() && !ok) || secs < 0 || secs > 24 * 3600)
            return fail(row, QStringLiteral("duration"), duration, ImportPlan::tr("not a duration (seconds, m:ss or h:mm:ss, up to a day)"));
        a.durationSeconds = secs;
    }
    a.text = value(row, QStringLiteral("text"));
    a.tags = value(row, QStringLiteral("tags"));
    // The lead, by its id in the leads file (this import's or an earlier one's).
    const QString lead = value(row, QStringLiteral("lead"));
    if (!lead.isEmpty()) {
        if (const auto it = m_leadsByExternalId.value(lead))
            a.lead = m_leadLinks[*it].existing ? RowRef::row(m_leadLinks[*it].existing) : RowRef::plan(int(*it));
        else if (const qint64 key = storedKey(QStringLiteral("leads"), lead))
            a.lead = RowRef::row(key);
        else
            return fail(row, QStringLiteral("lead"), lead, ImportPlan::tr("no lead with this id (import the leads first)"));
    }
    const QString customer = value(row, QStringLiteral("customer"));
    a.customer = findCustomer(customer);
    if (!customer.isEmpty() && !a.customer.isSet())
        return fail(row, QStringLiteral("customer"), customer, ImportPlan::tr("no such customer (import the customers first)"));
    if (!a.customer.isSet() && a.lead.planned >= 0)
        a.customer = m_leadLinks[std::size_t(a.lead.planned)].customer;
    if (!a.customer.isSet() && a.lead.existing > 0) {
        // Every stored lead's customer, read once (a query per row was a third of the check).
        if (!m_leadCustomersLoaded) {
            m_leadCustomersLoaded = true;
            QSqlQuery q(m_db);
            q.setForwardOnly(true);
            if (q.exec(QStringLiteral("SELECT id, customer_id FROM leads")))
                while (q.next())
                    m_leadCustomers.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
        }
        if (const qint64 c = m_leadCustomers.value(a.lead.existing))
            a.customer = RowRef::row(c);
    }
    if (!a.customer.isSet())
        return fail(row, QStringLiteral("customer"), customer, ImportPlan::tr("an activity needs a customer or a lead"));
    const QString actor = value(row, QStringLiteral("actor"));
    a.actor = findUser(row, QStringLiteral("actor"), actor, false);
    if (!actor.isEmpty() && !a.actor.isSet())
        return fail(row, QStringLiteral("actor"), actor, ImportPlan::tr("no such person (import the people first)"));
    if (a.lead.planned >= 0 && a.at < m_leadLinks[std::size_t(a.lead.planned)].createdAt)
        warn(row, QStringLiteral("at"), value(row, QStringLiteral("at")), ImportPlan::tr("before its lead was created"));
    a.existing = storedKey(QStringLiteral("activities"), a.externalId);
    a.given = row.given;
    rememberId(row, a.externalId);
    m_plan.activities.push_back(std::move(a));
}

RowRef Planner::findLead(const QString &externalId) const
{
    if (const auto it = m_leadsByExternalId.value(externalId))
        return m_leadLinks[*it].existing ? RowRef::row(m_leadLinks[*it].existing) : RowRef::plan(int(*it));
    if (const qint64 key = storedKey(QStringLiteral("leads"), externalId))
        return RowRef::row(key);
    return {};
}

void Planner::planOrderRow(Row &row)
{
    PlannedOrder o;
    o.file = row.file;
    o.line = row.line;
    o.externalId = externalId(row);
    if (repeatsId(row, o.externalId))
        return;
    const QString customer = value(row, QStringLiteral("customer"));
    o.customer = findCustomer(customer);
    if (!o.customer.isSet())
        return fail(row, QStringLiteral("customer"), customer,
                    customer.isEmpty() ? ImportPlan::tr("an order needs a customer")
                                       : ImportPlan::tr("no such customer (import the customers first)"));
    const QString lead = value(row, QStringLiteral("lead"));
    o.lead = findLead(lead);
    if (!lead.isEmpty() && !o.lead.isSet())
        return fail(row, QStringLiteral("lead"), lead, ImportPlan::tr("no lead with this id (import the leads first)"));
    const QString rep = value(row, QStringLiteral("rep"));
    o.rep = findUser(row, QStringLiteral("rep"), rep, false);
    if (!rep.isEmpty() && !o.rep.isSet())
        return fail(row, QStringLiteral("rep"), rep, ImportPlan::tr("no such person (import the people first)"));
    const auto on = date(row, QStringLiteral("ordered_on"), value(row, QStringLiteral("ordered_on")));
    const auto amount = money(row, QStringLiteral("amount"), value(row, QStringLiteral("amount")));
    const auto margin = money(row, QStringLiteral("margin"), value(row, QStringLiteral("margin")));
    if (!row.error.isEmpty())
        return;
    if (!on)
        return fail(row, QStringLiteral("ordered_on"), QString(), ImportPlan::tr("an order needs its date"));
    if (!amount)
        return fail(row, QStringLiteral("amount"), QString(), ImportPlan::tr("an order needs its amount"));
    o.orderedOn = times::dayOf(*on);
    o.amountCents = *amount;
    if (margin && *margin > *amount)
        return fail(row, QStringLiteral("margin"), value(row, QStringLiteral("margin")), ImportPlan::tr("a margin above the order's amount"));
    if (!margin)
        warn(row, QStringLiteral("margin"), QString(), ImportPlan::tr("no gross margin: recorded as 0"));
    o.marginCents = margin.value_or(0);
    o.productLine = value(row, QStringLiteral("product_line"));
    o.existing = storedKey(QStringLiteral("orders"), o.externalId);
    o.given = row.given;
    rememberId(row, o.externalId);
    m_ordersByExternalId.insert(o.externalId, int(m_plan.orders.size()));
    m_plan.orders.push_back(std::move(o));
}

void Planner::planPaymentRow(Row &row)
{
    PlannedPayment p;
    p.file = row.file;
    p.line = row.line;
    p.externalId = externalId(row);
    if (repeatsId(row, p.externalId))
        return;
    // The order, by its id in the orders file; the payment's customer and rep are the order's.
    const QString order = value(row, QStringLiteral("order"));
    if (const auto it = m_ordersByExternalId.constFind(order); it != m_ordersByExternalId.cend()) {
        const PlannedOrder &o = m_plan.orders[*it];
        p.order = o.existing ? RowRef::row(o.existing) : RowRef::plan(*it);
        p.customer = o.customer;
        p.rep = o.rep;
    } else if (const qint64 key = storedKey(QStringLiteral("orders"), order)) {
        p.order = RowRef::row(key);
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT customer_id, rep_id FROM orders WHERE id = ?"));
        q.addBindValue(key);
        if (q.exec() && q.next()) {
            p.customer = RowRef::row(q.value(0).toLongLong());
            if (!q.value(1).isNull())
                p.rep = RowRef::row(q.value(1).toLongLong());
        }
    } else {
        return fail(row, QStringLiteral("order"), order,
                    order.isEmpty() ? ImportPlan::tr("a payment needs its order")
                                    : ImportPlan::tr("no order with this id (import the orders first)"));
    }
    const auto amount = money(row, QStringLiteral("amount"), value(row, QStringLiteral("amount")));
    const auto due = date(row, QStringLiteral("due_on"), value(row, QStringLiteral("due_on")));
    const auto paid = date(row, QStringLiteral("paid_on"), value(row, QStringLiteral("paid_on")));
    if (!row.error.isEmpty())
        return;
    if (!amount || *amount <= 0)
        return fail(row, QStringLiteral("amount"), value(row, QStringLiteral("amount")), ImportPlan::tr("a payment needs an amount above 0"));
    if (!due)
        return fail(row, QStringLiteral("due_on"), QString(), ImportPlan::tr("a payment needs its due date"));
    p.amountCents = *amount;
    p.dueOn = times::dayOf(*due);
    if (paid)
        p.paidOn = times::dayOf(*paid);
    p.existing = storedKey(QStringLiteral("payments"), p.externalId);
    p.given = row.given;
    rememberId(row, p.externalId);
    m_plan.payments.push_back(std::move(p));
}

} // namespace cockpit::imports::detail

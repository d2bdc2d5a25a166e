// The columns each planned row writes (importcolumns.h): shared by the planner's comparison
// and the writer.
#include "imports/importwriter.h"

#include "imports/importcolumns.h"
#include "domain/ids.h"
#include "domain/times.h"
#include "pinyin/pinyin.h"
#include "storage/database.h"
#include "storage/exitactions.h"
#include "storage/logchain.h"
#include "storage/outbox.h"
#include "storage/schema.h"
#include "storage/sqlitestatement.h"
#include "storage/transaction.h"
#include "storage/uuidcolumn.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QVarLengthArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <map>

namespace cockpit::imports {

namespace detail {

namespace {
QVariant text(const QString &s) { return QVariant(s.isNull() ? QStringLiteral("") : s); }
QVariant optional(const std::optional<qint64> &v) { return v ? QVariant(*v) : QVariant(); }
ColumnValue val(const char *column, const char *field, QVariant v) { return {column, field, std::move(v), {}, nullptr}; }
ColumnValue ref(const char *column, const char *field, RowRef r, const char *kind)
{
    return {column, field, QVariant(), r, kind};
}
} // namespace

std::vector<ColumnValue> columnsOf(const ImportPlan &plan, const char *table, int index)
{
    std::vector<ColumnValue> c;
    const QString t = QLatin1String(table);
    if (t == QLatin1String("users")) {
        const PlannedUser &u = plan.users.at(index);
        c = {val("name", "name", text(u.name)), val("role", "role", text(u.role)), val("email", "email", text(u.email)),
             val("phone", "phone", text(u.phone)), ref("manager_id", "manager", u.manager, "users"),
             ref("region_id", "region", u.region, "regions"), ref("city_id", "city", u.city, "cities"),
             ref("team_id", "team", u.team, "teams"), val("hire_date", "hire_date", optional(u.hireDay))};
    } else if (t == QLatin1String("products")) {
        const PlannedProduct &p = plan.products.at(index);
        c = {val("name", "name", text(p.name)), val("product_line", "product_line", text(p.productLine)),
             val("list_price_cents", "list_price", QVariant(p.listPriceCents))};
    } else if (t == QLatin1String("customers")) {
        const PlannedCustomer &x = plan.customers.at(index);
        c = {val("name", "name", text(x.name)), val("aliases", "aliases", text(x.aliases)),
             val("pinyin_full", "name", text(pinyin::full(x.name))), val("pinyin_initials", "name", text(pinyin::initials(x.name))),
             val("industry", "industry", text(x.industry)), val("size", "size", text(x.size)),
             ref("region_id", "region", x.region, "regions"), ref("city_id", "city", x.city, "cities"),
             ref("owner_id", "owner", x.owner, "users"), val("source", "source", text(x.source)),
             val("phone", "phone", text(x.phone)), val("core_need", "core_need", text(x.coreNeed)),
             val("close_cycle_days", "close_cycle_days", QVariant(x.closeCycleDays)),
             val("created_at", "created", optional(x.createdAt)), ref("parent_id", "parent", x.parent, "customers"),
             val("location", "location", text(x.location)), val("employees", "employees", optional(x.employees)),
             val("annual_revenue_cents", "annual_revenue", optional(x.revenueCents)),
             val("established_year", "established_year", optional(x.establishedYear))};
    } else if (t == QLatin1String("contacts")) {
        const PlannedContact &x = plan.contacts.at(index);
        c = {ref("customer_id", "customer", x.customer, "customers"), val("name", "name", text(x.name)),
             val("title", "title", text(x.title)), val("chain_role", "chain_role", text(x.chainRole)),
             val("seniority", "seniority", QVariant(x.seniority)), val("phone", "phone", text(x.phone))};
    } else if (t == QLatin1String("orders")) {
        const PlannedOrder &o = plan.orders.at(index);
        c = {ref("customer_id", "customer", o.customer, "customers"), ref("lead_id", "lead", o.lead, "leads"),
             ref("rep_id", "rep", o.rep, "users"), val("ordered_on", "ordered_on", QVariant(o.orderedOn)),
             val("amount_cents", "amount", QVariant(o.amountCents)), val("margin_cents", "margin", QVariant(o.marginCents)),
             val("product_line", "product_line", text(o.productLine))};
    } else if (t == QLatin1String("payments")) {
        const PlannedPayment &p = plan.payments.at(index);
        c = {ref("order_id", "order", p.order, "orders"), ref("customer_id", "order", p.customer, "customers"),
             ref("rep_id", "order", p.rep, "users"), val("amount_cents", "amount", QVariant(p.amountCents)),
             val("due_on", "due_on", QVariant(p.dueOn)), val("paid_on", "paid_on", optional(p.paidOn))};
    } else if (t == QLatin1String("stores")) {
        const PlannedStore &x = plan.stores.at(index);
        c = {val("name", "name", text(x.name)), ref("region_id", "region", x.region, "regions"),
             ref("city_id", "city", x.city, "cities"), ref("manager_id", "manager", x.manager, "users"),
             val("opened_on", "opened_on", QVariant(x.openedOn))};
    } else if (t == QLatin1String("store_days")) {
        const PlannedStoreDay &d = plan.storeDays.at(index);
        c = {ref("store_id", "store", d.store, "stores"), val("day", "day", QVariant(d.day)),
             val("staff", "staff", QVariant(d.staff)), val("receptions", "receptions", QVariant(d.receptions)),
             val("exposure_bp", "exposure", QVariant(d.exposureBp)), val("dwell_seconds", "dwell", QVariant(d.dwellSeconds)),
             val("experiences", "experiences", QVariant(d.experiences)), val("deals_72h", "deals_72h", QVariant(d.deals72h)),
             val("deleted", "", QVariant(qint64(0)))};
    } else if (t == QLatin1String("targets")) {
        const PlannedTarget &x = plan.targets.at(index);
        c = {val("period_kind", "period", text(x.periodKind)), val("period_start", "period", QVariant(x.periodStart)),
             val("org_level", "level", text(x.level)),
             x.orgKind ? ref("org_id", "org", x.org, x.orgKind) : val("org_id", "org", QVariant()),
             val("amount_cents", "amount", QVariant(x.amountCents)), val("tier", "tier", text(x.tier)),
             val("growth_bp", "growth", QVariant(x.growthBp)), val("correction_bp", "correction", QVariant(x.correctionBp)),
             val("correction_reason", "correction_reason", text(x.correctionReason)), val("status", "status", text(x.status))};
    } else if (t == QLatin1String("activities")) {
        const PlannedActivity &a = plan.activities.at(index);
        c = {ref("lead_id", "lead", a.lead, "leads"), ref("customer_id", "customer", a.customer, "customers"),
             ref("actor_id", "actor", a.actor, "users"), val("kind", "kind", text(a.kind)),
             val("direction", "direction", text(a.direction)), val("at", "at", QVariant(a.at)),
             val("duration_seconds", "duration", QVariant(a.durationSeconds)), val("tags", "tags", text(a.tags)),
             val("text", "text", text(a.text))};
    } else {
        const PlannedLead &l = plan.leads.at(index);
        const PlannedStage &st = plan.stages.at(l.stage);
        c = {ref("customer_id", "customer", l.customer, "customers"), ref("owner_id", "owner", l.owner, "users"),
             ref("product_id", "product", l.product, "products"),
             plan.pipelineId ? val("pipeline_id", "", QVariant(plan.pipelineId)) : ref("pipeline_id", "", RowRef::plan(0), "pipelines"),
             st.existing ? val("stage_id", "stage", QVariant(st.existing)) : ref("stage_id", "stage", RowRef::plan(l.stage), "pipeline_stages"),
             val("title", "title", text(l.title)), val("amount_cents", "amount", QVariant(l.amountCents)),
             val("expected_close", "expected_close", optional(l.expectedCloseDay)),
             val("source_campaign", "source_campaign", text(l.campaign)), val("status", "stage", text(l.status)),
             val("lost_reason", "lost_reason", text(l.lostReason)), val("created_at", "created", QVariant(l.createdAt)),
             val("closed_at", "closed", l.closedAt ? QVariant(l.closedAt) : QVariant())};
    }
    return c;
}

bool updatesColumn(Entity entity, const ColumnValue &c, quint32 given)
{
    if (!strcmp(c.field, "name"))
        return false;
    if (given == ~0u || !*c.field)
        return true;
    const QList<FieldDef> &defs = ImportSchema::fields(entity);
    for (int f = 0; f < defs.size(); ++f)
        if (defs.at(f).code == QLatin1String(c.field))
            return given & (1u << f);
    return true;
}

QStringList dropIndexesForBulkLoad(sqlite3 *db, const QStringList &tables, QString *error)
{
    const QRegularExpression index(QStringLiteral("INDEX\\s+IF\\s+NOT\\s+EXISTS\\s+(\\w+)\\s+ON\\s+(%1)\\s*\\(").arg(tables.join(u'|')),
                                   QRegularExpression::CaseInsensitiveOption);
    QStringList rebuild;
    for (const QString &sql : storage::latestSchemaIndexes()) {
        const auto m = index.match(sql);
        if (!m.hasMatch())
            continue;
        sql::Statement drop(db, QString(QStringLiteral("DROP INDEX IF EXISTS ") + m.captured(1)).toStdString());
        if (!drop.isValid() || !drop.run()) {
            *error = drop.error().isEmpty() ? sql::lastError(db) : drop.error();
            return {};
        }
        rebuild << sql;
    }
    return rebuild;
}

} // namespace detail

} // namespace cockpit::imports

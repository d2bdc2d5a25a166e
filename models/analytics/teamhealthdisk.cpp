// Team's facts on disk between runs (TeamHealthCache::setDiskDirectory): the month slabs of
// stage exits and the customers' rows, as raw arrays in a facts file (factsfile.h).
#include "analytics/teamhealthfacts.h"

#include "analytics/factsfile.h"
#include "analytics/query.h"
#include "analytics/scope.h"

#include <QSqlQuery>

namespace cockpit::analytics::detail {

namespace {
constexpr quint32 kTeamMagic = 0x54484643; // "THFC"
constexpr qint32 kTeamFormat = 2;          // bump when the records below change

// One exit group of a month's sums: ids are the rowids the slabs are counted by
// (loadExitDaySlabs).
struct GroupRecord
{
    qint64 rep = 0, stage = 0, mask = 0;
    qint32 exits = 0, pad = 0;
};

enum RowHas : quint32 {
    HasLastAction = 1,
    HasNps = 2,
    HasResponse = 4,
    HasFulfilment = 8,
    HasRenewal = 16,
    HasDays = 32,
    FirstQuarter = 64
};

struct RowRecord
{
    qint64 id = 0, owner = 0;
    double lastActionJd = 0, asOfJd = 0, nps = 0, response = 0, fulfilment = 0, renewal = 0, days = 0;
    qint32 paymentsDue = 0, paymentsOnTime = 0, tickets = 0, complaints = 0, trials = 0, adopted = 0;
    quint32 has = 0, pad = 0;
};

bool number(const QString &text, qint64 *out)
{
    bool ok = false;
    *out = text.toLongLong(&ok);
    return ok;
}

bool toRecords(const QVector<ExitGroup> &groups, QVector<GroupRecord> *out)
{
    out->reserve(groups.size());
    for (const ExitGroup &g : groups) {
        GroupRecord r;
        if (!number(g.rep, &r.rep) || !number(g.stage, &r.stage))
            return false; // ids of another kind: not kept
        r.mask = g.mask;
        r.exits = g.exits;
        out->append(r);
    }
    return true;
}

QVector<ExitGroup> fromRecords(const QVector<GroupRecord> &records, IdTexts &text)
{
    QVector<ExitGroup> out;
    out.reserve(records.size());
    for (const GroupRecord &r : records) {
        ExitGroup g;
        g.rep = text(r.rep);
        g.stage = text(r.stage);
        g.mask = r.mask;
        g.exits = r.exits;
        out.append(g);
    }
    return out;
}

void put(const std::optional<double> &v, quint32 bit, double *to, quint32 *has)
{
    if (v) {
        *to = *v;
        *has |= bit;
    }
}

std::optional<double> get(double v, quint32 bit, quint32 has)
{
    return (has & bit) ? std::optional<double>(v) : std::nullopt;
}
} // namespace

QByteArray teamFactsFingerprint(QSqlDatabase db)
{
    QByteArray f = "team-facts|";
    QString tables;
    int columns = 2; // the log's head, the live leads
    for (const char *t : {"users", "customers", "surveys", "tickets", "contracts", "payments", "product_trials"}) {
        // Two subqueries, so that max() reads the end of idx_<table>_updated (indexes_v6.sql)
        // and count(*) the narrowest index, not every row.
        tables += QStringLiteral(", (SELECT count(*) FROM %1) || ',' || (SELECT max(updated_at) FROM %1)").arg(QLatin1String(t));
        ++columns;
    }
    const QString sql = QStringLiteral(
        "SELECT (SELECT group_concat(value, ',') FROM settings WHERE key IN ('log_head_seq', 'log_head_hash')),"
        " (SELECT count(*) FROM leads %1 WHERE deleted = 0) || ',' || (SELECT max(updated_at) FROM leads WHERE deleted = 0)"
        "%2");
    QSqlQuery q;
    try {
        q = runQuery(db, sql.arg(QStringLiteral("INDEXED BY idx_leads_live_updated"), tables));
    } catch (const QueryError &) {
        q = runQuery(db, sql.arg(QString(), tables)); // a file without the index
    }
    if (q.next())
        for (int i = 0; i < columns; ++i)
            f += '|' + q.value(i).toString().toUtf8();
    return f;
}

bool saveTeamFacts(const QString &file, const QByteArray &fingerprint, const TeamFacts &facts)
{
    factsfile::Writer w;
    QVector<QString> keys;
    QVector<qint64> ends;
    for (auto it = facts.slabs.cbegin(); it != facts.slabs.cend(); ++it) {
        keys << it.key();
        ends << it->end;
    }
    w.add(keys);
    w.add(ends);
    // The month sums alone: what the usual periods (a quarter, a month) count. A period that
    // cuts a month (a week, a custom range) loads that month's days again.
    for (auto it = facts.slabs.cbegin(); it != facts.slabs.cend(); ++it) {
        QVector<GroupRecord> total;
        if (!it->groups || !toRecords(it->groups->total, &total))
            return false;
        w.add(total);
    }
    QVector<qint64> customerEnds;
    for (auto it = facts.customers.cbegin(); it != facts.customers.cend(); ++it)
        if (it.value())
            customerEnds << it.key();
    w.add(customerEnds);
    for (const qint64 end : customerEnds) {
        QVector<RowRecord> rows;
        const QVector<CustomerRow> &from = *facts.customers.value(end);
        rows.reserve(from.size());
        for (const CustomerRow &c : from) {
            RowRecord r;
            if (!number(c.id, &r.id) || !number(c.owner, &r.owner))
                return false;
            put(c.lastActionJd, HasLastAction, &r.lastActionJd, &r.has);
            r.asOfJd = c.asOfJd;
            put(c.facts.npsMean, HasNps, &r.nps, &r.has);
            put(c.facts.responseMinutes, HasResponse, &r.response, &r.has);
            put(c.facts.fulfilmentPct, HasFulfilment, &r.fulfilment, &r.has);
            put(c.facts.renewalIntent, HasRenewal, &r.renewal, &r.has);
            put(c.facts.daysSinceInteraction, HasDays, &r.days, &r.has);
            if (c.firstQuarter)
                r.has |= FirstQuarter;
            r.paymentsDue = c.facts.paymentsDue;
            r.paymentsOnTime = c.facts.paymentsOnTime;
            r.tickets = c.facts.tickets;
            r.complaints = c.facts.complaints;
            r.trials = c.facts.trials;
            r.adopted = c.facts.adopted;
            rows.append(r);
        }
        w.add(rows);
    }
    return factsfile::save(file, kTeamMagic, kTeamFormat, fingerprint, w.bytes());
}

std::optional<TeamFacts> restoreTeamFacts(const QString &file, const QByteArray &fingerprint)
{
    const std::optional<QByteArray> body = factsfile::load(file, kTeamMagic, kTeamFormat, fingerprint);
    if (!body)
        return std::nullopt;
    factsfile::Reader r(*body);
    TeamFacts facts;
    QVector<QString> keys;
    QVector<qint64> ends;
    r.read(keys);
    r.read(ends);
    if (!r.ok() || keys.size() != ends.size())
        return std::nullopt;
    IdTexts text;
    for (qsizetype i = 0; i < keys.size() && r.ok(); ++i) {
        QVector<GroupRecord> total;
        r.read(total);
        auto groups = std::make_shared<ExitSlabGroups>();
        groups->total = fromRecords(total, text);
        groups->hasDays = false;
        facts.slabs.insert(keys.at(i), {ends.at(i), groups});
    }
    QVector<qint64> customerEnds;
    r.read(customerEnds);
    for (qsizetype i = 0; i < customerEnds.size() && r.ok(); ++i) {
        QVector<RowRecord> rows;
        r.read(rows);
        auto out = std::make_shared<QVector<CustomerRow>>();
        out->reserve(rows.size());
        for (const RowRecord &rec : std::as_const(rows)) {
            CustomerRow c;
            c.id = QString::number(rec.id);
            c.owner = text(rec.owner);
            c.firstQuarter = rec.has & FirstQuarter;
            c.lastActionJd = get(rec.lastActionJd, HasLastAction, rec.has);
            c.asOfJd = rec.asOfJd;
            c.facts.npsMean = get(rec.nps, HasNps, rec.has);
            c.facts.responseMinutes = get(rec.response, HasResponse, rec.has);
            c.facts.fulfilmentPct = get(rec.fulfilment, HasFulfilment, rec.has);
            c.facts.renewalIntent = get(rec.renewal, HasRenewal, rec.has);
            c.facts.daysSinceInteraction = get(rec.days, HasDays, rec.has);
            c.facts.paymentsDue = rec.paymentsDue;
            c.facts.paymentsOnTime = rec.paymentsOnTime;
            c.facts.tickets = rec.tickets;
            c.facts.complaints = rec.complaints;
            c.facts.trials = rec.trials;
            c.facts.adopted = rec.adopted;
            out->append(std::move(c));
        }
        facts.customers.insert(customerEnds.at(i), out);
    }
    if (!r.ok() || !r.atEnd())
        return std::nullopt;
    return facts;
}

} // namespace cockpit::analytics::detail

#include "forecast/revisions.h"
#include "forecast/forecastassembly.h"
#include "analytics/query.h"
#include "domain/ids.h"
#include "domain/times.h"
#include "storage/database.h"
#include "storage/outbox.h"
#include "storage/transaction.h"
#include "storage/uuidcolumn.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <map>
#include <optional>

namespace cockpit::forecast {

namespace {
// "level:id" of `org` and of every unit inside it (the company: empty = all).
QSet<QString> unitsInside(const analytics::OrgScope &org, const analytics::OrgUnits &units)
{
    QSet<QString> out;
    if (org.isCompany())
        return out;
    out.insert(orgLevelKey(org.level) + QLatin1Char(':') + org.id);
    for (analytics::GroupBy by : {analytics::GroupBy::City, analytics::GroupBy::Team, analytics::GroupBy::Rep})
        for (const analytics::OrgUnit &u : units.unitsWithin(org, by))
            out.insert(orgLevelKey(u.level) + QLatin1Char(':') + u.id);
    return out;
}

analytics::OrgLevel levelOf(const QString &key)
{
    return key == QLatin1String("region") ? analytics::OrgLevel::Region
           : key == QLatin1String("city") ? analytics::OrgLevel::City
           : key == QLatin1String("team") ? analytics::OrgLevel::Team
           : key == QLatin1String("rep")  ? analytics::OrgLevel::Rep
                                          : analytics::OrgLevel::Company;
}
} // namespace

QStringList defaultRevisionReasons()
{
    return {QStringLiteral("客户CFO出国审批延迟"), QStringLiteral("新增竞争对手低价"), QStringLiteral("预算冻结"),
            QStringLiteral("项目延期"), QStringLiteral("大单提前签约")};
}

std::optional<QStringList> editedRevisionReasons(QSqlDatabase db)
{
    QSqlQuery q = analytics::runQuery(db, QStringLiteral("SELECT value FROM settings WHERE key = ?"),
                                      {QLatin1String(kRevisionReasonsKey)});
    if (!q.next())
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(0).toString().toUtf8());
    if (!doc.isArray())
        return std::nullopt; // unreadable: as if never edited (the defaults and the codes used)
    QStringList out;
    for (const QJsonValue &v : doc.array())
        if (const QString code = v.toString().trimmed(); !code.isEmpty() && !out.contains(code))
            out << code;
    return out.isEmpty() ? std::nullopt : std::optional(out);
}

QStringList cleanRevisionReasons(const QStringList &codes, QString *error)
{
    QStringList out;
    error->clear();
    for (const QString &c : codes) {
        const QString code = c.simplified();
        if (code.isEmpty())
            continue;
        if (code.size() > kMaxReasonLength) {
            *error = QCoreApplication::translate("cockpit::forecast::RevisionRepository",
                                                 "The reason code \"%1…\" is longer than %2 characters.")
                         .arg(code.left(20)).arg(kMaxReasonLength);
            return {};
        }
        if (out.contains(code)) {
            *error = QCoreApplication::translate("cockpit::forecast::RevisionRepository",
                                                 "The reason code \"%1\" is in the list twice.").arg(code);
            return {};
        }
        out << code;
    }
    if (out.isEmpty())
        *error = QCoreApplication::translate("cockpit::forecast::RevisionRepository",
                                             "Keep at least one reason code: a revision needs one.");
    return out;
}

QStringList revisionReasons(QSqlDatabase db)
{
    if (std::optional<QStringList> edited = editedRevisionReasons(db))
        return *edited;
    return uneditedRevisionReasons(db);
}

QStringList uneditedRevisionReasons(QSqlDatabase db)
{
    QStringList out = defaultRevisionReasons();
    QSqlQuery q = analytics::runQuery(db, QStringLiteral("SELECT reason_code, COUNT(*) AS n FROM forecast_revisions WHERE deleted = 0"
                                                         " GROUP BY reason_code ORDER BY n DESC, reason_code"));
    while (q.next())
        if (!out.contains(q.value(0).toString()))
            out << q.value(0).toString();
    return out;
}

RevisionHeat loadRevisionHeat(QSqlDatabase db, qint64 firstDay, qint64 lastDay, const analytics::OrgScope &org,
                              const analytics::OrgUnits &units)
{
    const QSet<QString> inside = unitsInside(org, units);
    QSqlQuery q = analytics::runQuery(db, QStringLiteral(
        "SELECT r.reason_code, s.period_start, s.org_level, s.org_id FROM forecast_revisions r"
        " JOIN forecast_snapshots s ON s.id = r.snapshot_id WHERE r.deleted = 0 AND s.deleted = 0"
        " AND s.period_start >= ? AND s.period_start <= ?"), {firstDay, lastDay});
    std::map<QString, std::map<qint64, std::map<QString, int>>> cells; // reason → month → unit → n
    QHash<QString, int> perReason;
    std::vector<qint64> months;
    RevisionHeat heat;
    while (q.next()) {
        const QString level = q.value(2).toString(), id = q.value(3).toString();
        if (!inside.isEmpty() && !inside.contains(level + QLatin1Char(':') + id))
            continue;
        const QDate start = analytics::dayDate(q.value(1).toLongLong());
        const qint64 month = analytics::dayNumber(QDate(start.year(), start.month(), 1));
        const QString reason = q.value(0).toString();
        ++cells[reason][month][units.name(levelOf(level), id)];
        ++perReason[reason];
        months.push_back(month);
        ++heat.total;
    }
    std::sort(months.begin(), months.end());
    months.erase(std::unique(months.begin(), months.end()), months.end());
    heat.months = months;
    for (auto it = perReason.cbegin(); it != perReason.cend(); ++it)
        heat.reasons << it.key();
    std::sort(heat.reasons.begin(), heat.reasons.end(), [&perReason](const QString &a, const QString &b) {
        return perReason[a] != perReason[b] ? perReason[a] > perReason[b] : a < b;
    });
    for (const QString &reason : heat.reasons) {
        std::vector<int> row(months.size(), 0);
        for (std::size_t m = 0; m < months.size(); ++m) {
            const auto &byUnit = cells[reason][months[m]];
            std::vector<std::pair<int, QString>> split;
            for (const auto &[unit, n] : byUnit) {
                row[m] += n;
                split.emplace_back(-n, unit);
            }
            std::sort(split.begin(), split.end());
            QStringList names;
            for (const auto &[n, unit] : split)
                names << unit + QLatin1Char(' ') + QString::number(-n);
            if (!names.isEmpty())
                heat.units.insert(reason + QLatin1Char('|') + QString::number(months[m]), names);
        }
        heat.counts.push_back(row);
    }
    return heat;
}

RevisionResult RevisionRepository::save(const RevisionRequest &r, qint64 nowSecs)
{
    RevisionResult result;
    const auto fail = [&result](const QString &message) {
        result.error = message;
        return result;
    };
    const QString reason = r.reason.trimmed(), note = r.note.trimmed();
    if (reason.isEmpty())
        return fail(tr("A revision needs a reason code: pick one from the list or type a new one."));
    if (note.isEmpty())
        return fail(tr("A revision needs a note saying what changed."));
    if (r.newValueCents < 0)
        return fail(tr("The revised value cannot be negative."));
    if (r.periodKind != QLatin1String("month") && r.periodKind != QLatin1String("quarter")
        && r.periodKind != QLatin1String("year"))
        return fail(tr("A forecast is revised for a month, quarter or year, not for this period."));
    if (r.org.level == analytics::OrgLevel::Team)
        return fail(tr("Forecasts are kept for the company, regions, cities and reps, not for teams: pick the team's city "
                       "or a rep."));
    const QString level = orgLevelKey(r.org.level);
    const QVariant orgId = r.org.isCompany() ? QVariant() : QVariant(r.org.id);
    const QString now = times::isoFromSecs(nowSecs);
    const QVariant nowAt = times::instantParam(nowSecs);
    QSqlDatabase db = m_db.connection();
    // Finds the snapshot before it writes, beside connections that write.
    storage::Transaction tx(db, storage::Transaction::Begin::Immediate);
    if (!tx.isActive())
        return fail(m_db.describeError(tx.error()));
    QSqlQuery find(db);
    find.prepare(QStringLiteral("SELECT id, value_cents FROM forecast_snapshots WHERE deleted = 0 AND period_kind = ?"
                                " AND period_start = ? AND org_level = ? AND org_id IS ? ORDER BY taken_at DESC, id DESC LIMIT 1"));
    for (const QVariant &v : {QVariant(r.periodKind), QVariant(r.periodStartDay), QVariant(level), orgId})
        find.addBindValue(v);
    if (!find.exec())
        return fail(m_db.describeError(find.lastError()));
    QString error;
    if (find.next()) {
        result.snapshotId = find.value(0).toLongLong();
        result.oldValueCents = find.value(1).toLongLong();
        QSqlQuery last(db);
        last.prepare(QStringLiteral("SELECT new_value_cents FROM forecast_revisions WHERE deleted = 0 AND snapshot_id = ?"
                                    " ORDER BY at DESC, id DESC LIMIT 1"));
        last.addBindValue(result.snapshotId);
        if (!last.exec())
            return fail(m_db.describeError(last.lastError()));
        if (last.next())
            result.oldValueCents = last.value(0).toLongLong();
    } else {
        const QString uuid = newId();
        QSqlQuery ins(db);
        ins.prepare(QStringLiteral("INSERT INTO forecast_snapshots (uuid, period_kind, period_start, org_level, org_id, taken_at,"
                                   " value_cents, low_cents, high_cents, confidence, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                                   " ?, ?, ?)"));
        for (const QVariant &v : {QVariant(storage::uuidColumnValue(uuid)), QVariant(r.periodKind), QVariant(r.periodStartDay),
                                  QVariant(level), orgId, nowAt, QVariant(r.p50Cents), QVariant(r.p10Cents),
                                  QVariant(r.p90Cents), QVariant(r.confidencePct), nowAt})
            ins.addBindValue(v);
        if (!ins.exec())
            return fail(m_db.describeError(ins.lastError()));
        result.snapshotId = ins.lastInsertId().toLongLong();
        result.oldValueCents = r.p50Cents;
        result.snapshotTaken = true;
        const QJsonObject fields{{QStringLiteral("uuid"), uuid},
                                 {QStringLiteral("period_kind"), r.periodKind},
                                 {QStringLiteral("period_start"), times::isoFromDay(r.periodStartDay)},
                                 {QStringLiteral("org_level"), level},
                                 {QStringLiteral("org_id"), r.org.isCompany() ? QJsonValue() : QJsonValue(r.org.id)},
                                 {QStringLiteral("taken_at"), now},
                                 {QStringLiteral("value_cents"), r.p50Cents},
                                 {QStringLiteral("low_cents"), r.p10Cents},
                                 {QStringLiteral("high_cents"), r.p90Cents},
                                 {QStringLiteral("confidence"), r.confidencePct},
                                 {QStringLiteral("updated_at"), now}};
        if (!storage::appendOutbox(db, QStringLiteral("forecast_snapshots"), QString::number(result.snapshotId),
                                   QStringLiteral("insert"), fields, 0, &error))
            return fail(error);
    }
    // A code typed for this revision joins an edited list (an unedited one lists the codes used).
    if (std::optional<QStringList> edited = editedRevisionReasons(db); edited && !edited->contains(reason)) {
        QSqlQuery set(db);
        set.prepare(QStringLiteral("UPDATE settings SET value = ? WHERE key = ?"));
        set.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(*edited << reason)).toJson(QJsonDocument::Compact)));
        set.addBindValue(QLatin1String(kRevisionReasonsKey));
        if (!set.exec())
            return fail(m_db.describeError(set.lastError()));
    }
    const QString uuid = newId();
    const QString user = m_db.currentUserId();
    QSqlQuery ins(db);
    ins.prepare(QStringLiteral("INSERT INTO forecast_revisions (uuid, snapshot_id, old_value_cents, new_value_cents, reason_code,"
                               " note, by_user_id, at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v : {QVariant(storage::uuidColumnValue(uuid)), QVariant(result.snapshotId), QVariant(result.oldValueCents),
                              QVariant(r.newValueCents), QVariant(reason), QVariant(note),
                              user.isEmpty() ? QVariant() : QVariant(user), nowAt, nowAt})
        ins.addBindValue(v);
    if (!ins.exec())
        return fail(m_db.describeError(ins.lastError()));
    result.revisionId = ins.lastInsertId().toLongLong();
    const QJsonObject fields{{QStringLiteral("uuid"), uuid},
                             {QStringLiteral("snapshot_id"), QString::number(result.snapshotId)},
                             {QStringLiteral("old_value_cents"), result.oldValueCents},
                             {QStringLiteral("new_value_cents"), r.newValueCents},
                             {QStringLiteral("reason_code"), reason},
                             {QStringLiteral("note"), note},
                             {QStringLiteral("by_user_id"), user.isEmpty() ? QJsonValue() : QJsonValue(user)},
                             {QStringLiteral("at"), now},
                             {QStringLiteral("updated_at"), now}};
    if (!storage::appendOutbox(db, QStringLiteral("forecast_revisions"), QString::number(result.revisionId),
                               QStringLiteral("insert"), fields, 0, &error))
        return fail(error);
    if (!tx.commit())
        return fail(m_db.describeError(db.lastError()));
    m_db.announceChanges();
    result.ok = true;
    return result;
}

bool RevisionRepository::saveReasons(const QStringList &codes, QString *error)
{
    const QStringList clean = cleanRevisionReasons(codes, error);
    if (!error->isEmpty())
        return false;
    if (!m_db.isWritable()) {
        *error = tr("The reason codes cannot be saved while the file is being checked or is damaged.");
        return false;
    }
    if (!m_db.setSetting(QLatin1String(kRevisionReasonsKey),
                         QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(clean)).toJson(QJsonDocument::Compact)))) {
        *error = tr("The reason codes could not be saved: %1").arg(m_db.connection().lastError().text());
        return false;
    }
    return true;
}

} // namespace cockpit::forecast

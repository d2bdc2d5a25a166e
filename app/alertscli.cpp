// `sales-cockpit alerts --db FILE [--now ISO-8601 [--write]] [--format table|csv|json]`:
// evaluates the rules and prints the open inbox, one row per subject with its reasons and
// priority (alertfold.h). At the real clock the evaluation writes what it raises, resolves
// or escalates; at a --now of one's choosing it is a dry run (what would change is printed,
// nothing written) unless --write. A time before the file's last evaluation is refused: the
// rules never go back in time.
#include "alerts/alertevaluator.h"
#include "alerts/alertfold.h"
#include "alerts/alertinbox.h"
#include "alerts/alertrules.h"
#include "alerts/alertstore.h"
#include "cli.h"
#include "storage/database.h"
#include "storage/keys.h"
#include "domain/ids.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <cstdio>

namespace cockpit::app {

namespace {
QString csvField(const QString &s)
{
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n'))
        return s;
    QString e = s;
    e.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + e + u'"';
}

void out(const QString &text)
{
    std::fprintf(stdout, "%s\n", text.toUtf8().constData());
}

// A readable table; names are CJK (two columns wide each), so pad by display width (cli.h).
QString cell(QString s, int w)
{
    while (displayWidth(s) > w)
        s.chop(1);
    return s + QString(w - displayWidth(s), u' ');
}

QString subjectTable(const QString &kind)
{
    return kind == QLatin1String("lead") ? QStringLiteral("leads")
           : kind == QLatin1String("user") ? QStringLiteral("users")
           : kind == QLatin1String("customer") ? QStringLiteral("customers")
           : kind == QLatin1String("store") ? QStringLiteral("stores") : QString();
}

// Names of a dry run's subjects and people (nothing of it is stored yet).
QString nameOf(QSqlDatabase db, const QString &kind, const QString &id)
{
    if (id.isEmpty())
        return {};
    QSqlQuery q(db);
    if (kind == QLatin1String("lead"))
        q.prepare(QStringLiteral("SELECT c.name || ' · ' || l.title FROM leads l JOIN customers c ON c.id = l.customer_id WHERE l.id = ?"));
    else if (const QString table = subjectTable(kind); !table.isEmpty())
        q.prepare(QStringLiteral("SELECT name FROM %1 WHERE id = ?").arg(table));
    else
        return id;
    q.addBindValue(id);
    return q.exec() && q.next() ? q.value(0).toString() : id;
}

QString actionWord(alerts::PlannedChange::Action a)
{
    switch (a) {
    case alerts::PlannedChange::Raise: return QStringLiteral("raise");
    case alerts::PlannedChange::Adopt: return QStringLiteral("adopt");
    case alerts::PlannedChange::Resolve: return QStringLiteral("resolve");
    case alerts::PlannedChange::Escalate: return QStringLiteral("escalate");
    }
    return {};
}

// A dry run: what the evaluation at --now would change, one line per change.
void printPlan(QSqlDatabase db, const std::vector<alerts::PlannedChange> &planned, const QString &format)
{
    QHash<QString, QString> people;
    auto person = [&](const QString &id) {
        if (id.isEmpty())
            return QString();
        auto it = people.constFind(id);
        if (it == people.cend())
            it = people.insert(id, nameOf(db, QStringLiteral("user"), id));
        return *it;
    };
    QJsonArray rows;
    if (format == QLatin1String("csv"))
        out(QStringLiteral("action,rule,subject_kind,subject,owner,escalate_to,escalation_level"));
    else if (format == QLatin1String("table"))
        out(cell(QStringLiteral("WOULD"), 9) + u' ' + cell(QStringLiteral("RULE"), 24) + u' ' + cell(QStringLiteral("SUBJECT"), 30)
            + u' ' + cell(QStringLiteral("OWNER"), 10) + u' ' + QStringLiteral("ESCALATE TO"));
    for (const alerts::PlannedChange &p : planned) {
        const QString subject = nameOf(db, p.subjectKind, p.subjectId);
        const QString to = person(p.escalateTo);
        if (format == QLatin1String("json"))
            rows.append(QJsonObject{{QStringLiteral("action"), actionWord(p.action)},
                                    {QStringLiteral("rule"), p.rule},
                                    {QStringLiteral("subject_kind"), p.subjectKind},
                                    {QStringLiteral("subject"), subject},
                                    {QStringLiteral("owner"), person(p.ownerId)},
                                    {QStringLiteral("escalate_to"), to},
                                    {QStringLiteral("escalation_level"), p.level}});
        else if (format == QLatin1String("csv"))
            out(QStringList{actionWord(p.action), p.rule, p.subjectKind, csvField(subject), csvField(person(p.ownerId)),
                            csvField(to), p.action == alerts::PlannedChange::Escalate ? QString::number(p.level) : QString()}
                    .join(u','));
        else
            out(cell(actionWord(p.action), 9) + u' ' + cell(p.rule, 24) + u' ' + cell(subject, 30) + u' '
                + cell(person(p.ownerId), 10) + u' '
                + (to.isEmpty() ? QString() : QStringLiteral("%1 (level %2)").arg(to).arg(p.level)));
    }
    if (format == QLatin1String("json"))
        out(QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Indented)).trimmed());
    else if (format == QLatin1String("table"))
        out(QStringLiteral("%1 changes (dry run: nothing written)").arg(planned.size()));
}
} // namespace

int runAlerts(const QCommandLineParser &parser)
{
    const QString path = parser.value(QStringLiteral("db"));
    if (path.isEmpty()) {
        printError(QStringLiteral("alerts: --db FILE is required"));
        return 2;
    }
    const QString format = parser.value(QStringLiteral("format")).isEmpty()
                               ? QStringLiteral("table") : parser.value(QStringLiteral("format"));
    if (format != QLatin1String("table") && format != QLatin1String("csv") && format != QLatin1String("json")) {
        printError(QStringLiteral("alerts: --format must be table, csv or json, not \"%1\"").arg(format));
        return 2;
    }
    const bool atChosenTime = parser.isSet(QStringLiteral("now"));
    if (parser.isSet(QStringLiteral("write")) && !atChosenTime) {
        printError(QStringLiteral("alerts: --write goes with --now (at the real clock the evaluation always writes)"));
        return 2;
    }
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (atChosenTime) {
        const QString text = parser.value(QStringLiteral("now"));
        now = QDateTime::fromString(text, Qt::ISODate);
        if (!now.isValid() || text.size() < 16) {
            printError(QStringLiteral("alerts: --now must be an ISO-8601 time like 2026-11-22T10:00:00Z, not \"%1\"")
                           .arg(text));
            return 2;
        }
        if (now.timeSpec() == Qt::LocalTime) // no zone given: read it as UTC, as stored
            now.setTimeSpec(Qt::UTC);
        now = now.toUTC();
    }
    // A time of one's choosing only shows what would happen, unless --write says to keep it:
    // a run "in 2099" must not leave alerts raised in 2099 behind.
    const bool dryRun = atChosenTime && !parser.isSet(QStringLiteral("write"));
    storage::Database db;
    const storage::OpenResult opened = openForCommand(db, path, CliAccess::Writes);
    if (!opened.ok()) {
        printError(QStringLiteral("alerts: ") + opened.message);
        return 1;
    }
    // The rules never go back in time: an evaluation before the last one would decide on a
    // past that the file has already moved on from.
    if (const qint64 last = alerts::lastEvaluation(db.connection()); last >= 0 && now.toSecsSinceEpoch() < last) {
        printError(QStringLiteral("alerts: %1 is before the last evaluation of this file (%2); the rules never go back "
                                  "in time. Nothing was written.")
                       .arg(toIsoUtc(now), alerts::isoFromSecs(last)));
        return 1;
    }
    ManualClock clock(now);
    alerts::AlertEvaluator evaluator(db, clock);
    evaluator.setDryRun(dryRun);
    const alerts::EvaluationResult r = evaluator.evaluateAll();
    for (const QString &p : r.thresholdProblems)
        printError(QStringLiteral("alerts: ") + p);
    if (!r.ok) {
        printError(QStringLiteral("alerts: evaluation failed, nothing was written: %1").arg(r.error));
        return 1;
    }
    if (dryRun) {
        std::fprintf(stderr, "dry run at %s (nothing written; add --write to write): %d conditions true, would raise %d, "
                             "adopt %d, resolve %d, escalate %d\n",
                     qPrintable(toIsoUtc(now)), r.candidates, r.raised, r.adopted, r.resolved, r.escalated);
        printPlan(db.connection(), r.planned, format);
        return 0;
    }
    std::fprintf(stderr, "evaluated at %s in %lld ms: %d conditions true, %d raised, %d adopted, %d resolved, %d escalated\n",
                 qPrintable(toIsoUtc(now)), r.elapsedMs, r.candidates, r.raised, r.adopted, r.resolved, r.escalated);

    alerts::AlertStore store(db, clock);
    std::vector<alerts::AlertRecord> open = store.list(true);
    const QHash<QString, QString> regions = alerts::regionNames(db.connection());
    for (alerts::AlertRecord &a : open)
        a.regionName = regions.value(a.regionId);
    // The inbox as people work it: one row per subject, its reasons folded in, most at stake first.
    const std::vector<alerts::InboxRow> rows = alerts::foldAlerts(open, now.toSecsSinceEpoch());
    auto ruleKeys = [](const alerts::InboxRow &row) { return row.rules.join(u'+'); };
    auto money = [](qint64 cents) { return QString::number(cents / 100); };
    if (format == QLatin1String("json")) {
        // Ids as the global ids (UUIDs): local keys never leave the file (storage/keys.h).
        QStringList alertKeys, userKeys;
        QHash<QString, QStringList> subjectKeys; // table → keys
        for (const auto &a : open) {
            alertKeys << a.id;
            userKeys << a.ownerId;
            subjectKeys[subjectTable(a.subjectKind)] << a.subjectId;
        }
        const auto alertIds = storage::uuidsForKeys(db, QStringLiteral("alerts"), alertKeys);
        const auto userIds = storage::uuidsForKeys(db, QStringLiteral("users"), userKeys);
        QHash<QString, QHash<QString, QString>> subjectIds;
        for (auto it = subjectKeys.cbegin(); it != subjectKeys.cend(); ++it)
            if (!it.key().isEmpty())
                subjectIds.insert(it.key(), storage::uuidsForKeys(db, it.key(), it.value()));
        QJsonArray out_;
        for (const alerts::InboxRow &row : rows) {
            QJsonArray reasons;
            for (int i : row.alerts) {
                const alerts::AlertRecord &a = open[size_t(i)];
                reasons.append(QJsonObject{{QStringLiteral("id"), alertIds.value(a.id)},
                                           {QStringLiteral("rule"), a.rule},
                                           {QStringLiteral("raised_at"), a.raisedAt},
                                           {QStringLiteral("escalated_to"), a.escalatedToName},
                                           {QStringLiteral("escalation_level"), a.state.escalationLevel},
                                           {QStringLiteral("acknowledged_at"), a.state.acknowledgedAt}});
            }
            out_.append(QJsonObject{
                {QStringLiteral("priority"), alerts::priorityLabel(row.priority.level)},
                {QStringLiteral("points"), row.priority.points},
                {QStringLiteral("subject_kind"), row.subjectKind},
                {QStringLiteral("subject_id"), subjectIds.value(subjectTable(row.subjectKind)).value(row.subjectId)},
                {QStringLiteral("subject"), row.subjectName},
                {QStringLiteral("rules"), QJsonArray::fromStringList(row.rules)},
                {QStringLiteral("owner"), row.ownerName},
                {QStringLiteral("owner_id"), row.ownerId.isEmpty() ? QJsonValue() : QJsonValue(userIds.value(row.ownerId))},
                {QStringLiteral("region"), row.regionName},
                {QStringLiteral("open_since"), row.oldestSince},
                {QStringLiteral("escalated_to"), row.escalatedToName},
                {QStringLiteral("escalation_level"), row.escalationLevel},
                {QStringLiteral("at_stake"), row.subjectKind == QLatin1String("lead") ? QJsonValue(double(row.priority.weightedCents) / 100.0) : QJsonValue()},
                {QStringLiteral("state"), row.status == alerts::AlertStatus::Open ? QStringLiteral("open") : QStringLiteral("acknowledged")},
                {QStringLiteral("alerts"), reasons}});
        }
        out(QString::fromUtf8(QJsonDocument(out_).toJson(QJsonDocument::Indented)).trimmed());
        return 0;
    }
    if (format == QLatin1String("csv")) {
        out(QStringLiteral("priority,points,subject_kind,subject,reasons,owner,region,open_since,escalated_to,escalation_level,"
                           "at_stake,alerts,state"));
        for (const alerts::InboxRow &row : rows)
            out(QStringList{alerts::priorityLabel(row.priority.level), QString::number(row.priority.points), row.subjectKind,
                            csvField(row.subjectName.isEmpty() ? row.subjectId : row.subjectName), ruleKeys(row),
                            csvField(row.ownerName), csvField(row.regionName), row.oldestSince, csvField(row.escalatedToName),
                            QString::number(row.escalationLevel),
                            row.subjectKind == QLatin1String("lead") ? money(row.priority.weightedCents) : QString(),
                            QString::number(row.alerts.size()),
                            row.status == alerts::AlertStatus::Open ? QStringLiteral("open") : QStringLiteral("acknowledged")}
                    .join(u','));
        return 0;
    }
    out(cell(QStringLiteral("PRI"), 4) + cell(QStringLiteral("REASONS"), 28) + u' ' + cell(QStringLiteral("SUBJECT"), 30) + u' '
        + cell(QStringLiteral("OWNER"), 10) + u' ' + cell(QStringLiteral("OPEN SINCE"), 21) + u' '
        + QStringLiteral("ESCALATED TO"));
    for (const alerts::InboxRow &row : rows)
        out(cell(alerts::priorityLabel(row.priority.level), 4) + cell(ruleKeys(row), 28) + u' '
            + cell(row.subjectName.isEmpty() ? row.subjectId : row.subjectName, 30) + u' ' + cell(row.ownerName, 10) + u' '
            + cell(row.oldestSince, 21) + u' '
            + (row.escalatedToName.isEmpty() ? QString()
                                             : QStringLiteral("%1 (level %2)").arg(row.escalatedToName).arg(row.escalationLevel)));
    const auto byLevel = alerts::countByPriority(rows);
    out(QStringLiteral("%1 subjects (P1 %2, P2 %3, P3 %4) from %5 open alerts")
            .arg(rows.size()).arg(byLevel[1]).arg(byLevel[2]).arg(byLevel[3]).arg(open.size()));
    return 0;
}

} // namespace cockpit::app

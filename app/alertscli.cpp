// `sales-cockpit alerts --db FILE [--now ISO-8601] [--format table|csv|json]`: evaluates the
// rules (writing what they raise, resolve or escalate to the file) and prints the open alerts.
#include "alerts/alertevaluator.h"
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
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (parser.isSet(QStringLiteral("now"))) {
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
    storage::Database db;
    const storage::OpenResult opened = openForCommand(db, path, CliAccess::Writes);
    if (!opened.ok()) {
        printError(QStringLiteral("alerts: ") + opened.message);
        return 1;
    }
    ManualClock clock(now);
    alerts::AlertEvaluator evaluator(db, clock);
    const alerts::EvaluationResult r = evaluator.evaluateAll();
    for (const QString &p : r.thresholdProblems)
        printError(QStringLiteral("alerts: ") + p);
    if (!r.ok) {
        printError(QStringLiteral("alerts: evaluation failed, nothing was written: %1").arg(r.error));
        return 1;
    }
    std::fprintf(stderr, "evaluated at %s in %lld ms: %d conditions true, %d raised, %d adopted, %d resolved, %d escalated\n",
                 qPrintable(toIsoUtc(now)), r.elapsedMs, r.candidates, r.raised, r.adopted, r.resolved, r.escalated);

    alerts::AlertStore store(db, clock);
    const std::vector<alerts::AlertRecord> open = store.list(true);
    if (format == QLatin1String("json")) {
        // Ids as the global ids (UUIDs): local keys never leave the file (storage/keys.h).
        QStringList alertKeys, userKeys;
        QHash<QString, QStringList> subjectKeys; // table → keys
        auto subjectTable = [](const QString &kind) {
            return kind == QLatin1String("lead") ? QStringLiteral("leads")
                   : kind == QLatin1String("user") ? QStringLiteral("users")
                   : kind == QLatin1String("customer") ? QStringLiteral("customers")
                   : kind == QLatin1String("store") ? QStringLiteral("stores") : QString();
        };
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
        QJsonArray rows;
        for (const auto &a : open)
            rows.append(QJsonObject{{QStringLiteral("id"), alertIds.value(a.id)},
                                    {QStringLiteral("rule"), a.rule},
                                    {QStringLiteral("subject_kind"), a.subjectKind},
                                    {QStringLiteral("subject_id"), subjectIds.value(subjectTable(a.subjectKind)).value(a.subjectId)},
                                    {QStringLiteral("subject"), a.subjectName},
                                    {QStringLiteral("owner"), a.ownerName},
                                    {QStringLiteral("owner_id"), a.ownerId.isEmpty() ? QJsonValue() : QJsonValue(userIds.value(a.ownerId))},
                                    {QStringLiteral("raised_at"), a.raisedAt},
                                    {QStringLiteral("escalated_to"), a.escalatedToName},
                                    {QStringLiteral("escalation_level"), a.state.escalationLevel},
                                    {QStringLiteral("acknowledged_at"), a.state.acknowledgedAt}});
        out(QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Indented)).trimmed());
        return 0;
    }
    if (format == QLatin1String("csv")) {
        out(QStringLiteral("rule,subject_kind,subject,owner,raised_at,escalated_to,escalation_level,acknowledged_at"));
        for (const auto &a : open)
            out(QStringList{a.rule, a.subjectKind, csvField(a.subjectName), csvField(a.ownerName), a.raisedAt,
                            csvField(a.escalatedToName), QString::number(a.state.escalationLevel),
                            a.state.acknowledgedAt}
                    .join(u','));
        return 0;
    }
    // A readable table; names are CJK (two columns wide each), so pad by display width.
    auto width = [](const QString &s) {
        int w = 0;
        for (const QChar c : s)
            w += c.unicode() >= 0x1100 ? 2 : 1;
        return w;
    };
    auto cell = [&](QString s, int w) -> QString {
        while (width(s) > w)
            s.chop(1);
        return s + QString(w - width(s), u' ');
    };
    out(cell(QStringLiteral("RULE"), 24) + u' ' + cell(QStringLiteral("SUBJECT"), 30) + u' '
        + cell(QStringLiteral("OWNER"), 10) + u' ' + cell(QStringLiteral("RAISED"), 21) + u' '
        + QStringLiteral("ESCALATED TO"));
    for (const auto &a : open)
        out(cell(a.rule, 24) + u' ' + cell(a.subjectName.isEmpty() ? a.subjectId : a.subjectName, 30) + u' '
            + cell(a.ownerName, 10) + u' ' + cell(a.raisedAt, 21) + u' '
            + (a.escalatedToName.isEmpty() ? QString()
                                           : QStringLiteral("%1 (level %2)").arg(a.escalatedToName).arg(a.state.escalationLevel)));
    out(QStringLiteral("%1 open alerts").arg(open.size()));
    return 0;
}

} // namespace cockpit::app

#include "alerts/alerttext.h"

#include "alerts/alertrules.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cockpit::alerts {

namespace {
QJsonObject detailsJson(const AlertRecord &a)
{
    if (!a.details.startsWith(u'{'))
        return {};
    return QJsonDocument::fromJson(a.details.toUtf8()).object();
}

QString when(const QString &iso)
{
    const qint64 s = parseIsoSecs(iso);
    if (s < 0)
        return iso;
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(s).toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"));
}
} // namespace

QString durationText(qint64 minutes)
{
    if (minutes % (24 * 60) == 0 && minutes >= 24 * 60)
        return QCoreApplication::translate("cockpit::alerts", "%1 d").arg(minutes / (24 * 60));
    if (minutes % 60 == 0 && minutes >= 60)
        return QCoreApplication::translate("cockpit::alerts", "%1 h").arg(minutes / 60);
    return QCoreApplication::translate("cockpit::alerts", "%1 min").arg(minutes);
}

QString ruleLabel(const QString &rule)
{
    if (rule == rule::StageSla)
        return QCoreApplication::translate("cockpit::alerts", "Stage SLA");
    if (rule == rule::Silence)
        return QCoreApplication::translate("cockpit::alerts", "Silence");
    if (rule == rule::HandoverSla)
        return QCoreApplication::translate("cockpit::alerts", "Hand-over SLA");
    if (rule == rule::DuplicateTouch)
        return QCoreApplication::translate("cockpit::alerts", "Duplicate touch");
    if (rule == rule::ComplianceStageChurn)
        return QCoreApplication::translate("cockpit::alerts", "Compliance: stage changes");
    if (rule == rule::ComplianceQuotes)
        return QCoreApplication::translate("cockpit::alerts", "Compliance: quotes");
    if (rule == rule::StoreRed)
        return QCoreApplication::translate("cockpit::alerts", "Store below red line");
    return rule;
}

QString statusLabel(AlertStatus status)
{
    switch (status) {
    case AlertStatus::Open: return QCoreApplication::translate("cockpit::alerts", "Open");
    case AlertStatus::Acknowledged: return QCoreApplication::translate("cockpit::alerts", "Acknowledged");
    case AlertStatus::Resolved: return QCoreApplication::translate("cockpit::alerts", "Resolved");
    }
    return {};
}

QString alertSummary(const AlertRecord &a)
{
    const QJsonObject d = detailsJson(a);
    const QString subject = a.subjectName.isEmpty() ? d.value(QStringLiteral("title")).toString() : a.subjectName;
    return QCoreApplication::translate("cockpit::alerts", "%1: %2 — %3").arg(ruleLabel(a.rule), subject, detailsSummary(a.rule, a.details));
}

QString detailsSummary(const QString &rule, const QString &details)
{
    AlertRecord a;
    a.rule = rule;
    a.details = details;
    const QJsonObject d = detailsJson(a);
    QString what;
    if (d.isEmpty()) {
        // A demo alert's plain text; JSON without facts ("{}") has nothing to say.
        what = a.details.startsWith(u'{') ? QString() : a.details;
    } else if (a.rule == rule::StageSla) {
        what = QCoreApplication::translate("cockpit::alerts", "in %1 longer than %2")
                   .arg(d.value(QStringLiteral("stage")).toString(),
                        durationText(d.value(QStringLiteral("sla_minutes")).toInt()));
    } else if (a.rule == rule::Silence) {
        what = QCoreApplication::translate("cockpit::alerts", "no activity since %1").arg(when(d.value(QStringLiteral("last_activity_at")).toString()));
    } else if (a.rule == rule::HandoverSla) {
        what = QCoreApplication::translate("cockpit::alerts", "no sales follow-up %1 after hand-over on %2")
                   .arg(durationText(d.value(QStringLiteral("sla_minutes")).toInt()),
                        when(d.value(QStringLiteral("assigned_at")).toString()));
    } else if (a.rule == rule::DuplicateTouch) {
        what = QCoreApplication::translate("cockpit::alerts", "touched by %1 reps within %2 days")
                   .arg(d.value(QStringLiteral("reps")).toArray().size())
                   .arg(d.value(QStringLiteral("window_days")).toInt());
    } else if (a.rule == rule::ComplianceStageChurn) {
        what = QCoreApplication::translate("cockpit::alerts", "%1 stage changes on \"%2\" on %3")
                   .arg(d.value(QStringLiteral("moves")).toInt())
                   .arg(d.value(QStringLiteral("title")).toString(), d.value(QStringLiteral("day")).toString());
    } else if (a.rule == rule::ComplianceQuotes) {
        what = QCoreApplication::translate("cockpit::alerts", "%1 quotes to %2 between %3 and %4")
                   .arg(d.value(QStringLiteral("quotes")).toInt())
                   .arg(d.value(QStringLiteral("customer")).toString(),
                        when(d.value(QStringLiteral("first_at")).toString()),
                        when(d.value(QStringLiteral("last_at")).toString()));
    }
    return what;
}

QString alertDetailsText(const AlertRecord &a)
{
    QStringList lines;
    lines << alertSummary(a);
    lines << QCoreApplication::translate("cockpit::alerts", "Raised: %1").arg(when(a.raisedAt));
    lines << QCoreApplication::translate("cockpit::alerts", "Addressed to: %1").arg(a.ownerName.isEmpty() ? QCoreApplication::translate("cockpit::alerts", "nobody (no active manager)") : a.ownerName);
    if (!a.recipientNames.isEmpty())
        lines << QCoreApplication::translate("cockpit::alerts", "Copied: %1").arg(a.recipientNames);
    const QJsonObject d = detailsJson(a);
    if (a.rule == rule::StageSla && d.contains(QStringLiteral("entered_at")))
        lines << QCoreApplication::translate("cockpit::alerts", "In %1 since %2 (SLA %3)")
                     .arg(d.value(QStringLiteral("stage")).toString(),
                          when(d.value(QStringLiteral("entered_at")).toString()),
                          durationText(d.value(QStringLiteral("sla_minutes")).toInt()));
    if (d.contains(QStringLiteral("owner_left"))) {
        const QJsonObject left = d.value(QStringLiteral("owner_left")).toObject();
        lines << QCoreApplication::translate("cockpit::alerts", "The lead's owner %1 left on %2; the alert goes to the manager instead.")
                     .arg(left.value(QStringLiteral("name")).toString(),
                          left.value(QStringLiteral("left_at")).toString().left(10));
    }
    if (a.rule == rule::Silence) {
        const QJsonArray quotes = d.value(QStringLiteral("quotes")).toArray();
        lines << QString();
        lines << (quotes.isEmpty() ? QCoreApplication::translate("cockpit::alerts", "The customer has not responded on this lead yet.")
                                   : QCoreApplication::translate("cockpit::alerts", "The customer's last %n response(s):", nullptr, int(quotes.size())));
        for (const QJsonValue &v : quotes) {
            const QJsonObject q = v.toObject();
            lines << QCoreApplication::translate("cockpit::alerts", "  %1  “%2”").arg(when(q.value(QStringLiteral("at")).toString()),
                                          q.value(QStringLiteral("text")).toString());
        }
    }
    if (a.rule == rule::DuplicateTouch) {
        lines << QString() << QCoreApplication::translate("cockpit::alerts", "Reps who touched the customer:");
        for (const QJsonValue &v : d.value(QStringLiteral("reps")).toArray()) {
            const QJsonObject r = v.toObject();
            const int touches = r.value(QStringLiteral("touches")).toInt();
            const QString name = r.value(QStringLiteral("name")).toString();
            lines << QCoreApplication::translate("cockpit::alerts", "  %1 — %n touch(es)", nullptr, touches).arg(name);
        }
    }
    if (a.rule == rule::ComplianceStageChurn || a.rule == rule::ComplianceQuotes)
        lines << QCoreApplication::translate("cockpit::alerts", "Rep: %1").arg(a.subjectName);
    lines << QString();
    if (!a.state.escalatedAt.isEmpty())
        lines << QCoreApplication::translate("cockpit::alerts", "Escalated (level %1) to %2 at %3%4")
                     .arg(a.state.escalationLevel)
                     .arg(a.escalatedToName, when(a.state.escalatedAt),
                          a.escalatedByName.isEmpty() ? QCoreApplication::translate("cockpit::alerts", " (no acknowledgement within the window)")
                                                      : QCoreApplication::translate("cockpit::alerts", " by %1").arg(a.escalatedByName));
    if (!a.state.acknowledgedAt.isEmpty())
        lines << QCoreApplication::translate("cockpit::alerts", "Acknowledged by %1 at %2").arg(a.acknowledgedByName, when(a.state.acknowledgedAt));
    if (!a.state.resolvedAt.isEmpty())
        lines << QCoreApplication::translate("cockpit::alerts", "Resolved by %1 at %2")
                     .arg(a.state.resolvedBy.isEmpty() ? QCoreApplication::translate("cockpit::alerts", "the system (the condition cleared)") : a.resolvedByName,
                          when(a.state.resolvedAt));
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines.join(u'\n');
}

} // namespace cockpit::alerts

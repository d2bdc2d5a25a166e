#include "domain/pipelinevalidation.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace cockpit {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("PipelineValidation", text);
}

QString norm(const QString &s)
{
    return s.trimmed().toCaseFolded();
}

// "Stage 2 “15分钟初筛”" or "Stage 2" while it has no name.
QString stageLabel(const PipelineDef &def, int i)
{
    const QString name = def.stages.at(i).name.trimmed();
    return name.isEmpty() ? tr("Stage %1").arg(i + 1)
                          : tr("Stage %1 “%2”").arg(i + 1).arg(name);
}
} // namespace

QStringList knownGateCodes()
{
    return {QString::fromLatin1(gate::PainKeywords), QString::fromLatin1(gate::BudgetBand),
            QString::fromLatin1(gate::DecisionRole), QString::fromLatin1(gate::RequirementDoc),
            QString::fromLatin1(gate::DemoDone), QString::fromLatin1(gate::ConfirmationSigned)};
}

QStringList knownActivityKinds()
{
    return {QStringLiteral("call"),          QStringLiteral("wechat"),       QStringLiteral("email"),
            QStringLiteral("meeting"),       QStringLiteral("visit"),        QStringLiteral("demo"),
            QStringLiteral("quote"),         QStringLiteral("doc_opened"),   QStringLiteral("presales_task"),
            QStringLiteral("delivery_task"), QStringLiteral("review_note"),  QStringLiteral("request")};
}

QString activityDirectionLabel(const QString &direction)
{
    if (direction == QLatin1String("sales"))
        return QCoreApplication::translate("Activity", "Sales action");
    if (direction == QLatin1String("customer"))
        return QCoreApplication::translate("Activity", "Customer response");
    if (direction == QLatin1String("cross"))
        return QCoreApplication::translate("Activity", "Cross-department");
    return direction;
}

QString activityKindLabel(const QString &kind)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("call"), QT_TRANSLATE_NOOP("Activity", "Call")},
        {QStringLiteral("wechat"), QT_TRANSLATE_NOOP("Activity", "WeChat")},
        {QStringLiteral("email"), QT_TRANSLATE_NOOP("Activity", "Email")},
        {QStringLiteral("meeting"), QT_TRANSLATE_NOOP("Activity", "Meeting")},
        {QStringLiteral("visit"), QT_TRANSLATE_NOOP("Activity", "Visit")},
        {QStringLiteral("demo"), QT_TRANSLATE_NOOP("Activity", "Demo")},
        {QStringLiteral("quote"), QT_TRANSLATE_NOOP("Activity", "Quote")},
        {QStringLiteral("doc_opened"), QT_TRANSLATE_NOOP("Activity", "Document opened")},
        {QStringLiteral("presales_task"), QT_TRANSLATE_NOOP("Activity", "Pre-sales task")},
        {QStringLiteral("delivery_task"), QT_TRANSLATE_NOOP("Activity", "Delivery task")},
        {QStringLiteral("review_note"), QT_TRANSLATE_NOOP("Activity", "Review note")},
        {QStringLiteral("request"), QT_TRANSLATE_NOOP("Activity", "Request")},
    };
    const auto it = labels.constFind(kind);
    return it == labels.cend() ? kind : QCoreApplication::translate("Activity", it.value());
}

QList<PipelineIssue> validatePipeline(const PipelineDef &def, const QStringList &otherNames)
{
    QList<PipelineIssue> out;
    auto add = [&](int stage, const char *field, const QString &message) {
        out.append(PipelineIssue{stage, QString::fromLatin1(field), message});
    };

    if (def.name.trimmed().isEmpty())
        add(-1, "name", tr("The pipeline needs a name."));
    QSet<QString> taken;
    for (const QString &n : otherNames)
        if (!n.trimmed().isEmpty())
            taken.insert(norm(n));
    for (const QString &n : {def.name, def.nameEn}) {
        if (!n.trimmed().isEmpty() && taken.contains(norm(n))) {
            add(-1, n == def.name ? "name" : "name_en",
                tr("Another pipeline is already called “%1”.").arg(n.trimmed()));
        }
    }
    if (def.firstResponseMinutes < 0 || def.handoverSlaMinutes < 0)
        add(-1, "sla", tr("Response and hand-over targets cannot be negative."));

    if (def.stages.isEmpty()) {
        add(-1, "stages", tr("The pipeline has no stages. Add at least one working stage and the closing stage."));
        return out;
    }
    if (def.stages.size() < 2)
        add(-1, "stages", tr("The pipeline needs at least two stages: a working stage and the closing stage."));

    static const QRegularExpression codeRx(QStringLiteral("^[a-z0-9_]{1,40}$"));
    const QStringList gates = knownGateCodes();
    const QStringList kinds = knownActivityKinds();
    QHash<QString, int> names, namesEn, codes;
    for (int i = 0; i < def.stages.size(); ++i) {
        const StageDef &s = def.stages.at(i);
        const QString label = stageLabel(def, i);
        const bool last = i == def.stages.size() - 1;

        if (s.name.trimmed().isEmpty())
            add(i, "name", tr("%1 has no name.").arg(label));
        else if (names.contains(norm(s.name)))
            add(i, "name", tr("%1 has the same name as stage %2.").arg(label).arg(names.value(norm(s.name)) + 1));
        else
            names.insert(norm(s.name), i);
        if (!s.nameEn.trimmed().isEmpty()) {
            if (namesEn.contains(norm(s.nameEn)))
                add(i, "name_en", tr("%1 has the same English name “%2” as stage %3.")
                                      .arg(label, s.nameEn.trimmed()).arg(namesEn.value(norm(s.nameEn)) + 1));
            else
                namesEn.insert(norm(s.nameEn), i);
        }
        if (!codeRx.match(s.code).hasMatch())
            add(i, "code", tr("%1 has an invalid code “%2” (use a-z, 0-9 and _).").arg(label, s.code));
        else if (codes.contains(s.code))
            add(i, "code", tr("%1 has the same code “%2” as stage %3.").arg(label, s.code).arg(codes.value(s.code) + 1));
        else
            codes.insert(s.code, i);

        if (s.slaMinutes < 0 || (s.slaMinutes == 0 && !s.terminal))
            add(i, "sla", tr("%1 needs an SLA of more than 0 (only the closing stage may have none).").arg(label));
        else if (s.slaMinutes > kMaxSlaMinutes)
            add(i, "sla", tr("%1 has an SLA longer than 365 days.").arg(label));

        QSet<QString> seenGate;
        for (const QString &g : s.exitGate) {
            if (!gates.contains(g))
                add(i, "exit_gate", tr("%1 requires an unknown gate field “%2”.").arg(label, g));
            else if (seenGate.contains(g))
                add(i, "exit_gate", tr("%1 lists the gate field “%2” twice.").arg(label, gateFieldLabel(g)));
            seenGate.insert(g);
        }
        for (const QString &a : s.standardActions)
            if (!kinds.contains(a))
                add(i, "standard_actions", tr("%1 lists an unknown standard action “%2”.").arg(label, a));

        if (s.terminal) {
            if (!last)
                add(i, "terminal", tr("%1 is a closing stage but not the last one; only the last stage may close the deal.").arg(label));
            if (!s.exitGate.isEmpty())
                add(i, "exit_gate", tr("%1 is the closing stage; nothing leaves it, so it cannot have an exit gate.").arg(label));
        }
    }
    if (!def.stages.constLast().terminal)
        add(int(def.stages.size()) - 1, "terminal",
            tr("%1 is the last stage and must be the closing stage.").arg(stageLabel(def, int(def.stages.size()) - 1)));
    return out;
}

SlaParts slaParts(int minutes)
{
    if (minutes > 0 && minutes % (24 * 60) == 0)
        return {minutes / (24 * 60), SlaUnit::Days};
    if (minutes > 0 && minutes % 60 == 0)
        return {minutes / 60, SlaUnit::Hours};
    return {minutes, SlaUnit::Minutes};
}

int slaMinutes(int value, SlaUnit unit)
{
    switch (unit) {
    case SlaUnit::Days:
        return value * 24 * 60;
    case SlaUnit::Hours:
        return value * 60;
    case SlaUnit::Minutes:
        break;
    }
    return value;
}

QString formatSla(int minutes)
{
    if (minutes <= 0)
        return tr("no SLA");
    const SlaParts p = slaParts(minutes);
    switch (p.unit) {
    case SlaUnit::Days:
        return tr("%1 d").arg(p.value);
    case SlaUnit::Hours:
        return tr("%1 h").arg(p.value);
    case SlaUnit::Minutes:
        break;
    }
    return tr("%1 min").arg(p.value);
}

QString uniqueStageCode(const PipelineDef &def, const QString &hint)
{
    QString base;
    for (const QChar c : hint.trimmed().toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            base += c;
        else if (!base.isEmpty() && !base.endsWith(QLatin1Char('_')))
            base += QLatin1Char('_');
    }
    while (base.endsWith(QLatin1Char('_')))
        base.chop(1);
    base = base.left(30);
    if (base.isEmpty())
        base = QStringLiteral("stage");
    auto used = [&](const QString &code) {
        for (const StageDef &s : def.stages)
            if (s.code == code)
                return true;
        return false;
    };
    if (!used(base))
        return base;
    for (int n = 2;; ++n) {
        const QString c = base + QLatin1Char('_') + QString::number(n);
        if (!used(c))
            return c;
    }
}

} // namespace cockpit

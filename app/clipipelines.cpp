// `move-stage`: a stage move from the command line, through the same gate as the editor.
#include "cli.h"

#include "storage/database.h"
#include "storage/keys.h"
#include "storage/leadrepository.h"
#include "storage/pipelinerepository.h"

#include <QCommandLineParser>

#include <cstdio>

namespace cockpit::app {

namespace {
void printOut(const QString &text)
{
    std::fprintf(stdout, "%s\n", text.toLocal8Bit().constData());
}
} // namespace

int runMoveStage(const QCommandLineParser &parser)
{
    const QString path = parser.value(QStringLiteral("db"));
    const QString leadId = parser.value(QStringLiteral("lead"));
    const QString to = parser.value(QStringLiteral("to"));
    for (const auto &[name, value] : {std::pair{"--db FILE", path}, std::pair{"--lead ID", leadId},
                                      std::pair{"--to STAGE", to}}) {
        if (value.isEmpty()) {
            printError(QStringLiteral("move-stage: %1 is required").arg(QLatin1String(name)));
            return 2;
        }
    }
    storage::Database db;
    const auto opened = openForCommand(db, path, CliAccess::Writes);
    if (!opened.ok()) {
        printError(QStringLiteral("move-stage: ") + opened.message);
        return 1;
    }
    QString actor, actorName;
    if (const int code = commandActor(db, parser, QStringLiteral("move-stage"), &actor, &actorName))
        return code;
    storage::LeadRepository leads(db);
    storage::PipelineRepository pipelines(db);
    const QString leadKey = storage::keyForUuid(db, QStringLiteral("leads"), leadId);
    const auto lead = leadKey.isEmpty() ? std::nullopt : leads.fetch(leadKey);
    if (!lead) {
        printError(QStringLiteral("move-stage: there is no lead \"%1\"").arg(leadId));
        return 1;
    }
    const QString stageId = pipelines.resolveStage(lead->pipelineId, to);
    if (stageId.isEmpty()) {
        QStringList names;
        if (const auto p = pipelines.load(lead->pipelineId))
            for (const StageDef &s : p->def.stages)
                names << QStringLiteral("%1 (%2, %3)").arg(s.code, s.name, s.nameEn);
        printError(QStringLiteral("move-stage: --to: the lead's pipeline has no stage \"%1\"; its stages are: %2")
                       .arg(to, names.join(QStringLiteral(", "))));
        return 1;
    }
    const QString from = pipelines.stageName(lead->stageId);
    const QString target = pipelines.stageName(stageId);
    const QString reason = parser.value(QStringLiteral("reason"));
    const auto r = leads.moveStage(leadKey, stageId, actor, reason);
    if (!r.ok) {
        QString detail = r.error;
        if (!r.missingGate.isEmpty()) {
            QStringList fields;
            for (const QString &code : r.missingGate)
                fields << QStringLiteral("%1 [%2]").arg(gateFieldLabel(code), code);
            detail = QStringLiteral("the stage gate is not met; missing: %1").arg(fields.join(QStringLiteral(", ")));
        }
        printError(QStringLiteral("move-stage: refused: %1 (%2 — %3) stays in %4, not moved to %5: %6")
                       .arg(leadId, lead->customerName, lead->title, from, target, detail));
        return 1;
    }
    printOut(QStringLiteral("moved %1 (%2 — %3): %4 → %5 by %6%7")
                 .arg(leadId, lead->customerName, lead->title, from, target, actorName,
                      reason.isEmpty() ? QString() : QStringLiteral(", reason: ") + reason));
    return 0;
}

} // namespace cockpit::app

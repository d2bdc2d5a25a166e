#pragma once
// Rules a pipeline must satisfy before it is saved (the editor, import and the command line
// all go through validatePipeline). Pure: no storage, no widgets.
//
// The rules:
//  - the pipeline has a name, and no other current pipeline has the same name (either form);
//  - it has at least two stages: one or more working stages and the closing stage;
//  - every stage has a name; no two stages share a name (or an English name), ignoring case
//    and surrounding spaces; stage codes are present, unique and made of a-z, 0-9, '_';
//  - every working stage has an SLA > 0 and at most a year. Only the closing stage may have
//    no SLA (0): a closed deal waits for nothing;
//  - exactly one closing (terminal) stage, and it is the last one; it has no exit gate,
//    since nothing leaves it;
//  - exit-gate codes are known gate fields (knownGateCodes()), each at most once;
//  - standard actions are known activity kinds (knownActivityKinds()).
#include "domain/pipeline.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cockpit {

struct PipelineIssue
{
    int stage = -1;  // 0-based stage index, -1 = the pipeline as a whole
    QString field;   // "name", "name_en", "code", "sla", "exit_gate", "standard_actions", "terminal", "stages"
    QString message; // translated; names the stage ("Stage 2 “15分钟初筛”: …")
};

// Every gate code missingGateFields() understands, in display order.
QStringList knownGateCodes();
// Activity kinds a stage may list as standard actions (schema: activities.kind).
QStringList knownActivityKinds();
QString activityKindLabel(const QString &kind);
// "Sales action", "Customer response", "Cross-department" for sales / customer / cross.
QString activityDirectionLabel(const QString &direction);

// `otherNames`: names (Chinese and English) of the other current pipelines, for the
// duplicate-name rule; pass the pipeline's own earlier names out of it.
QList<PipelineIssue> validatePipeline(const PipelineDef &def, const QStringList &otherNames = {});

// A stage code not used in `def`, derived from `hint` (e.g. the English name) when possible.
QString uniqueStageCode(const PipelineDef &def, const QString &hint);

// SLA as the editor shows it: the largest unit that divides the minutes evenly.
enum class SlaUnit { Minutes, Hours, Days };
struct SlaParts
{
    int value = 0;
    SlaUnit unit = SlaUnit::Minutes;
};
SlaParts slaParts(int minutes);
int slaMinutes(int value, SlaUnit unit);
// "15 min", "2 h", "5 d", "36 h"; 0 = "no SLA".
QString formatSla(int minutes);

// The longest SLA a stage may have, in minutes (365 days).
inline constexpr int kMaxSlaMinutes = 365 * 24 * 60;

} // namespace cockpit

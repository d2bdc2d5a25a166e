#pragma once
// Pipelines are data (DESIGN.md §3): ordered stages, each with an exit gate (fields a lead
// must carry to leave the stage), an SLA and the standard actions expected in it. The three
// templates the product ships with live here; storage writes them into every new database.
#include <QList>
#include <QString>
#include <QStringList>

namespace cockpit {

// Gate field codes, as stored in pipeline_stages.exit_gate ('|'-separated).
namespace gate {
inline constexpr char PainKeywords[] = "pain_keywords";
inline constexpr char BudgetBand[] = "budget_band";
inline constexpr char DecisionRole[] = "decision_role";
inline constexpr char RequirementDoc[] = "requirement_doc";
inline constexpr char DemoDone[] = "demo_done";
inline constexpr char ConfirmationSigned[] = "confirmation_signed";
} // namespace gate

struct StageDef
{
    QString code;
    QString name;   // Simplified Chinese, as the seeds name it
    QString nameEn; // English
    int slaMinutes = 0; // 0 = no SLA
    QStringList exitGate;
    QStringList standardActions; // activity kinds
    bool terminal = false;       // the closing (won) stage
};

struct PipelineDef
{
    QString code;
    QString name;
    QString nameEn;
    int version = 1;
    int firstResponseMinutes = 0;
    int handoverSlaMinutes = 0;
    QList<StageDef> stages;
};

// lifecycle (线索生命周期), b2b (标准漏斗), key_account (大客户), in that order.
QList<PipelineDef> pipelineTemplates();

// What a lead carries that gates look at.
struct GateFacts
{
    QString painKeywords;
    QString budgetBand;
    QString decisionRole;
    QString requirementDoc;
    int demoCount = 0;
    bool confirmationSigned = false;
};

// The gate codes of `exitGate` that `facts` does not satisfy, in gate order. Empty = may leave.
QStringList missingGateFields(const QStringList &exitGate, const GateFacts &facts);

// The win probability (percent) a lead takes when it enters a stage: the closing stage 100;
// working stage k (0-based) of n spaced evenly below it, 100·(k+1)/(n+1) rounded (four working
// stages: 20, 40, 60, 80). A person may still set another value in the editor afterwards.
// `workingIndex` is -1 for the closing stage.
int defaultStageProbability(int workingIndex, int workingCount, bool terminal);

// Translated, human label of a gate code ("Customer pain keywords" / "客户痛点关键词").
QString gateFieldLabel(const QString &code);

// Budget bands offered by the editor and used for capability matching.
QStringList budgetBands();
// Decision-chain roles (contacts and the lead's gate field).
QStringList decisionRoles();
QString decisionRoleLabel(const QString &code);

// Customer size codes (micro, small, medium, large, enterprise) and their labels.
QString customerSizeLabel(const QString &size);

// Lead statuses and their translated labels.
QString leadStatusLabel(const QString &status);

} // namespace cockpit

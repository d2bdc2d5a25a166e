#pragma once
// Pipelines as data, with versions. A saved change never edits a pipeline in place: it
// writes a new pipelines row (same code, version + 1) with new stage rows, in one
// transaction with their outbox entries. Leads keep pointing at the stage ids of the
// version they are on, so their stage history keeps its meaning; new leads start on the
// newest version (currentPipelineId / firstStageId).
//
// Open leads on an older version stay there by default: their gates and SLAs are the ones
// they were worked under. With MigrateOpenLeads::ByStageCode an open lead moves to the new
// version's stage with the same code (stage codes survive renames and reordering); a lead
// whose stage was removed stays on its version. That re-pointing is not a stage move (the
// stage is the same), so it writes no stage history and checks no gate; stage_entered_at
// is kept. Won and lost leads never move.
#include "domain/pipeline.h"
#include "domain/pipelinevalidation.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace cockpit::storage {

class Database;

struct StoredPipeline
{
    QString id;
    PipelineDef def;
    QStringList stageIds; // parallel to def.stages
};

struct PipelineSummary
{
    QString id, code, name, nameEn;
    int version = 1;
    int stageCount = 0;
};

struct PipelineVersionInfo
{
    QString id;
    int version = 1;
    QString savedAt;  // updated_at of the pipelines row (UTC ISO-8601)
    int leads = 0;    // leads on this version's stages
    int openLeads = 0;
};

enum class MigrateOpenLeads { No, ByStageCode };

struct PipelineSaveResult
{
    bool ok = false;
    QString error;                // translated; the first issue when validation failed
    QList<PipelineIssue> issues;  // every validation issue
    QString pipelineId;           // the new row
    int version = 0;
    int migratedLeads = 0;        // open leads re-pointed to the new version
    int leftOnOldVersion = 0;     // open leads whose stage code is gone in the new version
};

class PipelineRepository
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::storage::PipelineRepository)

public:
    explicit PipelineRepository(Database &db) : m_db(db) {}

    // The current pipelines: the highest version of each code, not deleted, oldest code first.
    QList<PipelineSummary> current() const;
    std::optional<StoredPipeline> load(const QString &pipelineId) const;
    std::optional<StoredPipeline> loadCurrent(const QString &code) const;
    QString currentPipelineId(const QString &code) const;
    // The first stage of the current version of `code`: where a new lead starts.
    QString firstStageId(const QString &code) const;
    // Every version of `code`, newest first, with how many leads are on each.
    QList<PipelineVersionInfo> versions(const QString &code) const;
    // Names (both forms) of the current pipelines other than `exceptCode`.
    QStringList otherNames(const QString &exceptCode) const;

    // Validates and writes version current+1 of def.code (def.version is ignored).
    PipelineSaveResult saveNewVersion(const PipelineDef &def,
                                      MigrateOpenLeads migrate = MigrateOpenLeads::No);
    // Validates and writes version 1 of a new pipeline; an empty def.code gets one derived
    // from the English name. Refused when the code is taken.
    PipelineSaveResult createPipeline(const PipelineDef &def);

    // The stage after `stageId` in its own pipeline version, or empty at the end.
    QString nextStageId(const QString &stageId) const;
    // A stage of pipeline `pipelineId` by code, name or English name (case-insensitive).
    QString resolveStage(const QString &pipelineId, const QString &codeOrName) const;
    // "15分钟初筛" (name_en in English when `english`), for messages.
    QString stageName(const QString &stageId, bool english = false) const;

private:
    PipelineSaveResult write(const PipelineDef &def, int version, const QString &previousId,
                             MigrateOpenLeads migrate);

    Database &m_db;
};

} // namespace cockpit::storage

#pragma once
// Reads one lead in full and writes lead edits and stage moves. Every write is one
// transaction holding the change and its outbox entries; the stage gate is checked here,
// on the one write path every caller (editor, bulk actions, command line, import) uses.
#include "storage/changes.h"

#include <QDate>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace cockpit::storage {

class Database;

struct LeadRecord
{
    QString id, customerId, customerName, ownerId, pipelineId, stageId, title, status, lostReason,
        forecastCategory, painKeywords, budgetBand, decisionRole, requirementDoc, tags,
        sourceCampaign, intentBudgetRange, intentContact, stageEnteredAt, createdAt, updatedAt,
        closedAt; // ISO; null while open
    qint64 amountCents = 0;
    qint64 rowVersion = 0;
    QDate expectedClose, intentNextMeeting;
    int probability = 0;
    int demoCount = 0;
    bool intentSeal = false, confirmationSigned = false, competitorPresent = false,
         technicalValidation = false;
};

struct StageMove
{
    QString at, fromStageId, toStageId, byName, reason;
};

struct ActivityItem
{
    QString at, kind, direction, actorName, text;
    int durationSeconds = 0;
};

// Where a lead stood before a stage move: what undo puts back exactly (the stage, since when,
// the status, when it closed, the probability). The move back is still appended to history.
struct StageRestore
{
    QString stageId, stageEnteredAt, status, closedAt; // ISO times; closedAt null while open
    int probability = 0;
};

// The reason stage history keeps for a move that undid another: stored as this language-neutral
// code and shown translated (stageMoveReasonText()), so each reader sees their own language.
inline QString undoReason() { return QStringLiteral("Undo"); }
// A stored reason as a person reads it: the undo code (and "撤销", which versions before
// this one stored) translated; any other text as written.
QString stageMoveReasonText(const QString &stored);

struct WriteResult
{
    bool ok = false;
    QString error;           // translated, names the field or the problem
    QStringList missingGate; // gate codes when a stage move was refused
};

class LeadRepository
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::storage::LeadRepository)

public:
    explicit LeadRepository(Database &db) : m_db(db) {}

    std::optional<LeadRecord> fetch(const QString &id) const;
    // Current values of some editable columns (for undo); unknown columns are skipped.
    QVariantMap values(const QString &id, const QStringList &fields) const;

    // Columns a user may edit, with their storage names (e.g. "amount_cents", "pain_keywords").
    static QStringList editableFields();
    // Applies `changes` (column → value); values are validated, unknown columns refused.
    WriteResult update(const QString &id, const QVariantMap &changes, const QString &actorId);

    // Moves the lead to `toStageId` of its pipeline. Forward moves must pass the exit gate of
    // every stage left; backward moves need none. Appends stage history. The lead enters the
    // stage now and takes the stage's default probability (defaultStageProbability()).
    WriteResult moveStage(const QString &id, const QString &toStageId, const QString &actorId,
                          const QString &reason);
    // Undo of a move: puts the lead back exactly as `before` (no gate: it stood there), and
    // appends the move back to stage history.
    WriteResult restoreStage(const QString &id, const StageRestore &before, const QString &actorId,
                             const QString &reason);
    static StageRestore restoreOf(const LeadRecord &lead);

    QList<StageMove> stageHistory(const QString &id, int limit = 200) const;
    QList<ActivityItem> recentActivities(const QString &id, int limit = 50) const;

    // Longest text accepted in a free-text field: a 10 MB paste is refused, not stored.
    static constexpr int kMaxTextLength = 4000;

private:
    WriteResult writeStage(const QString &id, const QString &toStageId, const QString &actorId,
                           const QString &reason, const StageRestore *restore);

    Database &m_db;
};

// The leads a set of committed writes touched: the leads written, and the leads of the
// activities, stage moves and tasks written (what the alert rules of a lead read).
QStringList leadsTouchedBy(const Database &db, const ChangeSet &changes);

} // namespace cockpit::storage

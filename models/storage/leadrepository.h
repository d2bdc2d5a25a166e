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
        sourceCampaign, intentBudgetRange, intentContact, stageEnteredAt, createdAt, updatedAt;
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
    // every stage left; backward moves (and undo) need none. Appends stage history.
    WriteResult moveStage(const QString &id, const QString &toStageId, const QString &actorId,
                          const QString &reason);

    QList<StageMove> stageHistory(const QString &id, int limit = 200) const;
    QList<ActivityItem> recentActivities(const QString &id, int limit = 50) const;

    // Longest text accepted in a free-text field: a 10 MB paste is refused, not stored.
    static constexpr int kMaxTextLength = 4000;

private:
    Database &m_db;
};

// The leads a set of committed writes touched: the leads written, and the leads of the
// activities, stage moves and tasks written (what the alert rules of a lead read).
QStringList leadsTouchedBy(const Database &db, const ChangeSet &changes);

} // namespace cockpit::storage

#pragma once
// "Move selected to next stage" from the leads table: each lead goes through
// LeadRepository::moveStage (the one path that checks the gate), leads whose gate is not
// met are skipped and reported, and the moved ones become one undo step.
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace cockpit {

class EditController;
namespace storage {
class Database;
}

struct BulkMoveRefusal
{
    QString leadId;
    QString leadLabel;       // customer — title
    QString error;           // storage's message
    QStringList missingGate; // gate codes when the gate refused
};

struct BulkMoveResult
{
    int moved = 0;
    QList<BulkMoveRefusal> refused;
};

class BulkMove
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::BulkMove)
public:
    // Moves each lead of `leadIds` to the stage after its own (in its pipeline version).
    static BulkMoveResult toNextStage(storage::Database &db, EditController &edits,
                                      const QStringList &leadIds, const QString &reason);
    // "12 moved, 3 refused: 博世 — 质检系统 lacks Budget band, …" — at most `listed`
    // refusals are named, the rest counted.
    static QString summary(const BulkMoveResult &result, int listed = 5);
};

} // namespace cockpit

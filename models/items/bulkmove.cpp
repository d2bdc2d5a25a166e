#include "items/bulkmove.h"

#include "storage/database.h"
#include "items/editcontroller.h"
#include "storage/pipelinerepository.h"

#include <QUndoCommand>
#include <QUndoStack>

namespace cockpit {

namespace {

struct Moved
{
    QString leadId, from, to;
    storage::StageRestore before; // what undo puts back
};

// One undo step for every lead a bulk move moved. Stage history stays append-only: undo
// moves each lead back (recorded as such), in reverse order.
class BulkMoveCommand : public QUndoCommand
{
public:
    BulkMoveCommand(EditController &edits, QList<Moved> moved, QString reason, const QString &text)
        : QUndoCommand(text), m_edits(edits), m_moved(std::move(moved)), m_reason(std::move(reason)),
          m_actor(edits.actorId())
    {
    }
    void redo() override
    {
        if (std::exchange(m_skipRedo, false))
            return;
        for (const Moved &m : m_moved)
            report(m_edits.leads().moveStage(m.leadId, m.to, m_actor, m_reason));
    }
    void undo() override
    {
        for (auto it = m_moved.crbegin(); it != m_moved.crend(); ++it)
            report(m_edits.leads().restoreStage(it->leadId, it->before, m_actor, storage::undoReason()));
    }

private:
    void report(const storage::WriteResult &r)
    {
        if (!r.ok)
            Q_EMIT m_edits.commandFailed(r.error);
    }
    EditController &m_edits;
    QList<Moved> m_moved;
    QString m_reason, m_actor;
    bool m_skipRedo = true;
};

} // namespace

BulkMoveResult BulkMove::toNextStage(storage::Database &db, EditController &edits,
                                     const QStringList &leadIds, const QString &reason)
{
    storage::PipelineRepository pipelines(db);
    BulkMoveResult result;
    QList<Moved> moved;
    for (const QString &id : leadIds) {
        const auto lead = edits.leads().fetch(id);
        if (!lead) {
            result.refused << BulkMoveRefusal{id, id, tr("The lead no longer exists."), {}};
            continue;
        }
        const QString label = lead->customerName + QStringLiteral(" — ") + lead->title;
        const QString next = pipelines.nextStageId(lead->stageId);
        if (next.isEmpty()) {
            result.refused << BulkMoveRefusal{id, label, tr("It is already in the last stage."), {}};
            continue;
        }
        const auto r = edits.leads().moveStage(id, next, edits.actorId(), reason);
        if (!r.ok) {
            result.refused << BulkMoveRefusal{id, label, r.error, r.missingGate};
            continue;
        }
        moved << Moved{id, lead->stageId, next, storage::LeadRepository::restoreOf(*lead)};
    }
    result.moved = int(moved.size());
    if (!moved.isEmpty())
        edits.undoStack().push(new BulkMoveCommand(
            edits, moved, reason, tr("Move %n lead(s) to the next stage", nullptr, int(moved.size()))));
    return result;
}

QString BulkMove::summary(const BulkMoveResult &result, int listed)
{
    const int refused = int(result.refused.size());
    QString text = tr("%n moved", nullptr, result.moved);
    if (refused == 0)
        return text + QLatin1Char('.');
    text += tr(", %n refused", nullptr, refused);
    QStringList parts;
    for (int i = 0; i < refused && i < listed; ++i) {
        const BulkMoveRefusal &r = result.refused.at(i);
        if (!r.missingGate.isEmpty()) {
            QStringList labels;
            for (const QString &code : r.missingGate)
                labels << gateFieldLabel(code);
            parts << tr("%1 lacks %2").arg(r.leadLabel, labels.join(QStringLiteral(", ")));
        } else {
            QString error = r.error;
            if (error.endsWith(QLatin1Char('.')))
                error.chop(1); // the list is joined with "; " and ends with one full stop
            parts << tr("%1: %2").arg(r.leadLabel, error);
        }
    }
    text += QStringLiteral(": ") + parts.join(QStringLiteral("; "));
    if (refused > listed)
        text += tr("; and %n more", nullptr, refused - listed);
    return text + QLatin1Char('.');
}

} // namespace cockpit

#pragma once
// The reference for stage_history.exit_actions (storage/exitactions.h), written as plain SQL
// from the definition: the kinds of the lead's sales actions (direction 'sales', not deleted) with `at` in
// [the lead's latest earlier move, this move), OR-ed as bits of knownActivityKinds().
#include "domain/pipelinevalidation.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace fixture {

// The stage moves whose stored exit_actions differ from the reference; -1 when the query fails.
inline qint64 exitActionsDisagreeing(QSqlDatabase db)
{
    QString bits;
    const QStringList kinds = cockpit::knownActivityKinds();
    for (int i = 0; i < kinds.size(); ++i)
        bits += QStringLiteral("%1('%2', %3)").arg(i ? QStringLiteral(", ") : QString(), kinds[i]).arg(qint64(1) << i);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(
            "WITH bits(kind, bit) AS (VALUES %1)"
            " SELECT COUNT(*) FROM stage_history h WHERE h.exit_actions <> COALESCE(("
            "   SELECT SUM(DISTINCT b.bit) FROM activities a JOIN bits b ON b.kind = a.kind"
            "   WHERE a.lead_id = h.lead_id AND a.direction = 'sales' AND a.deleted = 0 AND a.at < h.at"
            "   AND a.at >= (SELECT MAX(p.at) FROM stage_history p WHERE p.lead_id = h.lead_id AND p.at < h.at)), 0)")
                    .arg(bits))
        || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace fixture

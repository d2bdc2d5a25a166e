#include "targets/targetrepository.h"

#include "analytics/scope.h"
#include "domain/ids.h"
#include "domain/times.h"
#include "storage/database.h"
#include "storage/outbox.h"
#include "storage/transaction.h"
#include "storage/uuidcolumn.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace cockpit::targets {

namespace {
QString kindKey(analytics::PeriodKind k)
{
    return k == analytics::PeriodKind::Month ? QStringLiteral("month")
           : k == analytics::PeriodKind::Year ? QStringLiteral("year") : QStringLiteral("quarter");
}

QString levelKey(analytics::OrgLevel l)
{
    return l == analytics::OrgLevel::Company ? QStringLiteral("company")
           : l == analytics::OrgLevel::Region ? QStringLiteral("region")
           : l == analytics::OrgLevel::City ? QStringLiteral("city") : QStringLiteral("rep");
}
} // namespace

TargetSaveResult TargetRepository::save(const TargetTree &tree, const QString &status, const TargetSettings &s)
{
    TargetSaveResult result;
    auto fail = [&result](const QString &message) {
        result.error = message;
        return result;
    };
    if (status != QLatin1String("draft") && status != QLatin1String("approved"))
        return fail(tr("A target is saved as draft or approved, not \"%1\".").arg(status));
    if (tree.kind != analytics::PeriodKind::Month && tree.kind != analytics::PeriodKind::Quarter
        && tree.kind != analytics::PeriodKind::Year)
        return fail(tr("Targets are saved per month, quarter or year."));
    const QVector<int> wrong = mismatches(tree);
    if (status == QLatin1String("approved") && !wrong.isEmpty())
        return fail(tr("%1's target does not equal the sum of the targets below it; re-balance it before approving.")
                        .arg(tree.nodes[wrong.first()].name));
    for (const TargetNode &n : tree.nodes) {
        if (n.amountCents < 0)
            return fail(tr("%1's target is negative.").arg(n.name));
        if (n.correctionBp > s.maxCorrectionBp || n.correctionBp < -s.maxCorrectionBp)
            return fail(n.name + QStringLiteral(": ") + checkCorrection(n.correctionBp, QStringLiteral("-"), s));
    }
    const qint64 nowSecs = QDateTime::currentSecsSinceEpoch();
    const QString now = times::isoFromSecs(nowSecs); // the outbox's text
    const QVariant nowAt = times::instantParam(nowSecs);
    QSqlDatabase db = m_db.connection();
    // Immediate: an existing node is read before it is written, beside the sync's, the alert
    // rules' and an import's connections (storage/transaction.h says why).
    storage::Transaction tx(db, storage::Transaction::Begin::Immediate);
    if (!tx.isActive())
        return fail(m_db.describeError(tx.error()));
    TargetTree saved = tree;
    for (TargetNode &n : saved.nodes) {
        const QString tier = n.tier ? tierKey(*n.tier) : QStringLiteral(""); // not null: the column is NOT NULL
        // No correction, nothing to explain: its reason is ''. A correction set or changed here
        // needs one; one a v7 file (or an import) held without a reason rides along until changed.
        // (Not a null QString: that binds as NULL, and the column is NOT NULL.)
        n.correctionReason = QStringLiteral("") + (n.correctionBp ? n.correctionReason.trimmed() : QString());
        const auto noReason = [&] { return fail(n.name + QStringLiteral(": ") + checkCorrection(n.correctionBp, {}, s)); };
        QString error;
        if (n.rowId) {
            QSqlQuery cur(db);
            cur.prepare(QStringLiteral("SELECT amount_cents, tier, growth_bp, correction_bp, status, row_version,"
                                       " correction_reason FROM targets WHERE id = ? AND deleted = 0"));
            cur.addBindValue(n.rowId);
            if (!cur.exec() || !cur.next())
                return fail(tr("The target of %1 was deleted meanwhile; reload the targets.").arg(n.name));
            const bool correctionChanged = cur.value(3).toInt() != n.correctionBp || cur.value(6).toString() != n.correctionReason;
            if (correctionChanged && n.correctionBp != 0 && n.correctionReason.isEmpty())
                return noReason();
            QJsonObject fields;
            if (cur.value(0).toLongLong() != n.amountCents)
                fields.insert(QStringLiteral("amount_cents"), n.amountCents);
            if (cur.value(1).toString() != tier)
                fields.insert(QStringLiteral("tier"), tier);
            if (cur.value(2).toInt() != n.growthBp)
                fields.insert(QStringLiteral("growth_bp"), n.growthBp);
            if (cur.value(3).toInt() != n.correctionBp)
                fields.insert(QStringLiteral("correction_bp"), n.correctionBp);
            if (cur.value(6).toString() != n.correctionReason)
                fields.insert(QStringLiteral("correction_reason"), n.correctionReason);
            if (cur.value(4).toString() != status)
                fields.insert(QStringLiteral("status"), status);
            if (fields.isEmpty())
                continue;
            QSqlQuery q(db);
            q.prepare(QStringLiteral("UPDATE targets SET amount_cents = ?, tier = ?, growth_bp = ?, correction_bp = ?,"
                                     " correction_reason = ?, status = ?, updated_at = ? WHERE id = ?"));
            for (const QVariant &v : {QVariant(n.amountCents), QVariant(tier), QVariant(n.growthBp), QVariant(n.correctionBp),
                                      QVariant(n.correctionReason), QVariant(status), nowAt, QVariant(n.rowId)})
                q.addBindValue(v);
            if (!q.exec())
                return fail(m_db.describeError(q.lastError()));
            fields.insert(QStringLiteral("updated_at"), now);
            if (!storage::appendOutbox(db, QStringLiteral("targets"), QString::number(n.rowId), QStringLiteral("update"),
                                       fields, cur.value(5).toLongLong(), &error))
                return fail(error);
        } else {
            if (n.correctionBp != 0 && n.correctionReason.isEmpty())
                return noReason();
            const QString uuid = newId();
            QSqlQuery q(db);
            q.prepare(QStringLiteral("INSERT INTO targets (uuid, period_kind, period_start, org_level, org_id, amount_cents,"
                                     " tier, growth_bp, correction_bp, correction_reason, status, updated_at)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            for (const QVariant &v : {QVariant(storage::uuidColumnValue(uuid)), QVariant(kindKey(tree.kind)),
                                      analytics::dateParam(tree.start), QVariant(levelKey(n.level)),
                                      n.orgId.isEmpty() ? QVariant() : QVariant(n.orgId), QVariant(n.amountCents),
                                      QVariant(tier), QVariant(n.growthBp), QVariant(n.correctionBp),
                                      QVariant(n.correctionReason), QVariant(status), nowAt})
                q.addBindValue(v);
            if (!q.exec())
                return fail(m_db.describeError(q.lastError()));
            n.rowId = q.lastInsertId().toLongLong();
            const QJsonObject fields{{QStringLiteral("uuid"), uuid},
                                     {QStringLiteral("period_kind"), kindKey(tree.kind)},
                                     {QStringLiteral("period_start"), times::isoFromDay(analytics::dayNumber(tree.start))},
                                     {QStringLiteral("org_level"), levelKey(n.level)},
                                     {QStringLiteral("org_id"), n.orgId.isEmpty() ? QJsonValue() : QJsonValue(n.orgId)},
                                     {QStringLiteral("amount_cents"), n.amountCents},
                                     {QStringLiteral("tier"), tier},
                                     {QStringLiteral("growth_bp"), n.growthBp},
                                     {QStringLiteral("correction_bp"), n.correctionBp},
                                     {QStringLiteral("correction_reason"), n.correctionReason},
                                     {QStringLiteral("status"), status},
                                     {QStringLiteral("updated_at"), now}};
            if (!storage::appendOutbox(db, QStringLiteral("targets"), QString::number(n.rowId), QStringLiteral("insert"),
                                       fields, 0, &error))
                return fail(error);
        }
        n.status = status;
        ++result.written;
    }
    if (!tx.commit())
        return fail(m_db.describeError(db.lastError()));
    m_db.announceChanges();
    result.ok = true;
    result.saved = saved;
    return result;
}

} // namespace cockpit::targets

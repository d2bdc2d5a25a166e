#include "storage/leadrepository.h"
#include "storage/uuidcolumn.h"

#include "storage/exitactions.h"

#include "storage/activitylog.h"
#include "storage/database.h"
#include "domain/ids.h"
#include "storage/outbox.h"
#include "domain/pipeline.h"
#include "domain/times.h"
#include "storage/transaction.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace cockpit::storage {

namespace {

WriteResult failed(const QString &error)
{
    return WriteResult{false, error, {}};
}

const QStringList kTextFields = {
    QStringLiteral("title"), QStringLiteral("lost_reason"), QStringLiteral("pain_keywords"),
    QStringLiteral("requirement_doc"), QStringLiteral("tags"), QStringLiteral("source_campaign"),
    QStringLiteral("intent_budget_range"), QStringLiteral("intent_contact"),
    QStringLiteral("budget_band"), QStringLiteral("decision_role"),
    QStringLiteral("forecast_category")};
const QStringList kBoolFields = {QStringLiteral("intent_seal"), QStringLiteral("confirmation_signed"),
                                 QStringLiteral("competitor_present"),
                                 QStringLiteral("technical_validation")};
const QStringList kDateFields = {QStringLiteral("expected_close"), QStringLiteral("intent_next_meeting")};

// A validated date field (ISO text or NULL, what the outbox carries) as bound for its column.
QVariant dateFieldParam(const QVariant &iso)
{
    qint64 day = 0;
    return times::dayOf(iso, &day) ? times::dayParam(day) : QVariant(QMetaType::fromType<QString>());
}

// Validates one edited value; returns the value to store or an error.
QVariant validate(const QString &field, const QVariant &value, QString *error)
{
    if (kTextFields.contains(field)) {
        const QString s = value.toString();
        if (s.size() > LeadRepository::kMaxTextLength) {
            *error = LeadRepository::tr("\"%1\" is too long (%2 characters; at most %3).")
                         .arg(field).arg(s.size()).arg(LeadRepository::kMaxTextLength);
            return {};
        }
        if (field == QLatin1String("title") && s.trimmed().isEmpty()) {
            *error = LeadRepository::tr("The title cannot be empty.");
            return {};
        }
        return s.isNull() ? QStringLiteral("") : s; // text columns are NOT NULL
    }
    if (kBoolFields.contains(field))
        return value.toBool() ? 1 : 0;
    if (kDateFields.contains(field)) {
        if (value.isNull() || value.toString().isEmpty())
            return QVariant(QMetaType::fromType<QString>());
        const QDate d = value.typeId() == QMetaType::QDate ? value.toDate()
                                                           : QDate::fromString(value.toString(), Qt::ISODate);
        if (!d.isValid()) {
            *error = LeadRepository::tr("\"%1\" is not a valid date: %2").arg(field, value.toString());
            return {};
        }
        return d.toString(Qt::ISODate);
    }
    if (field == QLatin1String("amount_cents")) {
        bool ok = false;
        const qint64 v = value.toLongLong(&ok);
        if (!ok || v < 0) {
            *error = LeadRepository::tr("The amount must be zero or more.");
            return {};
        }
        return v;
    }
    if (field == QLatin1String("probability")) {
        bool ok = false;
        const int v = value.toInt(&ok);
        if (!ok || v < 0 || v > 100) {
            *error = LeadRepository::tr("The probability must be between 0 and 100 %.");
            return {};
        }
        return v;
    }
    if (field == QLatin1String("status")) {
        const QString s = value.toString();
        if (s != QLatin1String("open") && s != QLatin1String("won") && s != QLatin1String("lost")) {
            *error = LeadRepository::tr("Unknown status \"%1\".").arg(s);
            return {};
        }
        return s;
    }
    if (field == QLatin1String("owner_id"))
        return value.toString();
    *error = LeadRepository::tr("\"%1\" cannot be edited.").arg(field);
    return {};
}
} // namespace

QStringList LeadRepository::editableFields()
{
    return kTextFields + kBoolFields + kDateFields
           + QStringList{QStringLiteral("amount_cents"), QStringLiteral("probability"),
                         QStringLiteral("status"), QStringLiteral("owner_id")};
}

std::optional<LeadRecord> LeadRepository::fetch(const QString &id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT l.*, c.name AS customer_name,"
        " (SELECT count(*) FROM activities a WHERE a.lead_id = l.id AND a.kind = 'demo'"
        "  AND a.deleted = 0) AS demo_count"
        " FROM leads l JOIN customers c ON c.id = l.customer_id WHERE l.id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    auto v = [&](const char *name) { return q.value(QLatin1String(name)); };
    LeadRecord r;
    r.id = v("id").toString();
    r.customerId = v("customer_id").toString();
    r.customerName = v("customer_name").toString();
    r.ownerId = v("owner_id").toString();
    r.pipelineId = v("pipeline_id").toString();
    r.stageId = v("stage_id").toString();
    r.title = v("title").toString();
    r.status = v("status").toString();
    r.lostReason = v("lost_reason").toString();
    r.forecastCategory = v("forecast_category").toString();
    r.painKeywords = v("pain_keywords").toString();
    r.budgetBand = v("budget_band").toString();
    r.decisionRole = v("decision_role").toString();
    r.requirementDoc = v("requirement_doc").toString();
    r.tags = v("tags").toString();
    r.sourceCampaign = v("source_campaign").toString();
    r.intentBudgetRange = v("intent_budget_range").toString();
    r.intentContact = v("intent_contact").toString();
    r.stageEnteredAt = times::instantIso(v("stage_entered_at"));
    r.createdAt = times::instantIso(v("created_at"));
    r.updatedAt = times::instantIso(v("updated_at"));
    r.closedAt = times::instantIso(v("closed_at"));
    r.amountCents = v("amount_cents").toLongLong();
    r.rowVersion = v("row_version").toLongLong();
    r.expectedClose = times::dateOf(v("expected_close"));
    r.intentNextMeeting = times::dateOf(v("intent_next_meeting"));
    r.probability = v("probability").toInt();
    r.demoCount = v("demo_count").toInt();
    r.intentSeal = v("intent_seal").toBool();
    r.confirmationSigned = v("confirmation_signed").toBool();
    r.competitorPresent = v("competitor_present").toBool();
    r.technicalValidation = v("technical_validation").toBool();
    return r;
}

QVariantMap LeadRepository::values(const QString &id, const QStringList &fields) const
{
    const QStringList allowed = editableFields();
    QStringList columns;
    for (const QString &f : fields)
        if (allowed.contains(f))
            columns << f;
    QVariantMap out;
    if (columns.isEmpty())
        return out;
    QSqlQuery q(m_db.connection());
    // Column names come from the whitelist; the id is bound.
    q.prepare(QStringLiteral("SELECT ") + columns.join(QStringLiteral(", "))
              + QStringLiteral(" FROM leads WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next()) {
        for (int i = 0; i < columns.size(); ++i) {
            // Dates go back to update() as the ISO text it validates.
            qint64 day = 0;
            const bool date = kDateFields.contains(columns.at(i)) && times::dayOf(q.value(i), &day);
            out.insert(columns.at(i), date ? QVariant(times::isoFromDay(day)) : q.value(i));
        }
    }
    return out;
}

WriteResult LeadRepository::update(const QString &id, const QVariantMap &changes,
                                   const QString &actorId)
{
    Q_UNUSED(actorId);
    const auto before = fetch(id);
    if (!before)
        return failed(tr("The lead no longer exists."));
    QVariantMap values;
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        QString error;
        const QVariant v = validate(it.key(), it.value(), &error);
        if (!error.isEmpty())
            return failed(error);
        values.insert(it.key(), v);
    }
    if (values.value(QStringLiteral("status"), before->status).toString() == QLatin1String("lost")
        && values.value(QStringLiteral("lost_reason"), before->lostReason).toString().trimmed().isEmpty())
        return failed(tr("A lost lead needs a lost reason."));
    if (values.isEmpty())
        return WriteResult{true, {}, {}};

    const qint64 nowSecs = QDateTime::currentSecsSinceEpoch();
    const QString now = times::isoFromSecs(nowSecs); // the outbox's text
    const QVariant nowAt = times::instantParam(nowSecs);
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    QStringList sets;
    QVariantList binds;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        sets << it.key() + QStringLiteral(" = ?");
        binds << (kDateFields.contains(it.key()) ? dateFieldParam(it.value()) : it.value());
    }
    // A new owner moves the lead into the owner's org (filters and row-level security).
    if (values.contains(QStringLiteral("owner_id"))) {
        sets << QStringLiteral("region_id = (SELECT region_id FROM users WHERE id = ?)")
             << QStringLiteral("city_id = (SELECT city_id FROM users WHERE id = ?)")
             << QStringLiteral("team_id = (SELECT team_id FROM users WHERE id = ?)")
             << QStringLiteral("assigned_at = ?");
        const QVariant owner = values.value(QStringLiteral("owner_id"));
        binds << owner << owner << owner << nowAt;
    }
    if (values.contains(QStringLiteral("status"))) {
        const bool closed = values.value(QStringLiteral("status")).toString() != QLatin1String("open");
        sets << QStringLiteral("closed_at = ?");
        binds << (closed ? nowAt : QVariant(QMetaType::fromType<QString>()));
    }
    sets << QStringLiteral("updated_at = ?");
    binds << nowAt;
    QSqlQuery q(db);
    // Column names come from the validated whitelist above, never from user text.
    q.prepare(QStringLiteral("UPDATE leads SET ") + sets.join(QStringLiteral(", "))
              + QStringLiteral(" WHERE id = ?"));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    q.addBindValue(id);
    if (!q.exec())
        return failed(m_db.describeError(q.lastError()));
    QJsonObject fields = QJsonObject::fromVariantMap(values);
    fields.insert(QStringLiteral("updated_at"), now);
    QString error;
    if (!appendOutbox(db, QStringLiteral("leads"), id, QStringLiteral("update"), fields,
                      before->rowVersion, &error))
        return failed(error);
    if (!tx.commit())
        return failed(m_db.describeError(db.lastError()));
    m_db.announceChanges();
    return WriteResult{true, {}, {}};
}

QString stageMoveReasonText(const QString &stored)
{
    if (stored == undoReason() || stored == QStringLiteral("撤销"))
        return QCoreApplication::translate("MoveStageCommand", "Undo");
    return stored;
}

StageRestore LeadRepository::restoreOf(const LeadRecord &lead)
{
    return StageRestore{lead.stageId, lead.stageEnteredAt, lead.status, lead.closedAt, lead.probability};
}

WriteResult LeadRepository::moveStage(const QString &id, const QString &toStageId,
                                      const QString &actorId, const QString &reason)
{
    return writeStage(id, toStageId, actorId, reason, nullptr);
}

WriteResult LeadRepository::restoreStage(const QString &id, const StageRestore &before, const QString &actorId,
                                         const QString &reason)
{
    return writeStage(id, before.stageId, actorId, reason, &before);
}

WriteResult LeadRepository::writeStage(const QString &id, const QString &toStageId, const QString &actorId,
                                       const QString &reason, const StageRestore *restore)
{
    const auto lead = fetch(id);
    if (!lead)
        return failed(tr("The lead no longer exists."));
    if (lead->status == QLatin1String("lost"))
        return failed(tr("The lead is lost; reopen it before moving its stage."));
    QSqlDatabase db = m_db.connection();
    QSqlQuery st(db);
    st.prepare(QStringLiteral("SELECT id, position, exit_gate, terminal FROM pipeline_stages"
                              " WHERE pipeline_id = ? AND deleted = 0 ORDER BY position"));
    st.addBindValue(lead->pipelineId);
    if (!st.exec())
        return failed(m_db.describeError(st.lastError()));
    int fromPos = -1, toPos = -1;
    bool toTerminal = false;
    int working = 0, toWorking = -1; // the target's index among the pipeline's working stages
    QList<QStringList> gates;
    while (st.next()) {
        const QString gate = st.value(2).toString();
        gates << (gate.isEmpty() ? QStringList() : gate.split(QLatin1Char('|')));
        const bool terminal = st.value(3).toBool();
        if (st.value(0).toString() == lead->stageId)
            fromPos = gates.size() - 1;
        if (st.value(0).toString() == toStageId) {
            toPos = gates.size() - 1;
            toTerminal = terminal;
            toWorking = terminal ? -1 : working;
        }
        if (!terminal)
            ++working;
    }
    if (toPos < 0)
        return failed(tr("That stage does not belong to the lead's pipeline."));
    if (toPos == fromPos)
        return failed(tr("The lead is already in that stage."));

    if (toPos > fromPos && !restore) {
        const GateFacts facts{lead->painKeywords, lead->budgetBand, lead->decisionRole,
                              lead->requirementDoc, lead->demoCount, lead->confirmationSigned};
        QStringList missing;
        for (int p = std::max(fromPos, 0); p < toPos; ++p) {
            for (const QString &code : missingGateFields(gates.at(p), facts))
                if (!missing.contains(code))
                    missing << code;
        }
        if (!missing.isEmpty()) {
            QStringList labels;
            for (const QString &code : missing)
                labels << gateFieldLabel(code);
            return WriteResult{false, tr("The stage gate is not met. Missing: %1.")
                                          .arg(labels.join(QStringLiteral(", "))), missing};
        }
    }

    const qint64 nowSecs = QDateTime::currentSecsSinceEpoch();
    const QString now = times::isoFromSecs(nowSecs); // the outbox's text
    const QVariant nowAt = times::instantParam(nowSecs);
    QString status = lead->status;
    if (toTerminal && status == QLatin1String("open"))
        status = QStringLiteral("won");
    else if (!toTerminal && status == QLatin1String("won"))
        status = QStringLiteral("open"); // moving out of the closing stage reopens the deal
    bool closed = status != QLatin1String("open");
    QString enteredIso = now, closedIso = closed ? now : QString();
    int probability = defaultStageProbability(toWorking, working, toTerminal);
    if (restore) { // undo: exactly as the lead stood before the move
        const qint64 entered = times::secsFromIso(restore->stageEnteredAt);
        if (entered < 0)
            return failed(tr("The lead's earlier stage time cannot be read."));
        enteredIso = times::isoFromSecs(entered);
        status = restore->status;
        closedIso = restore->closedAt.isEmpty() ? QString() : times::isoFromSecs(times::secsFromIso(restore->closedAt));
        closed = !closedIso.isEmpty();
        probability = restore->probability;
    }
    const QVariant enteredAt = times::instantParam(times::secsFromIso(enteredIso));

    Transaction tx(db);
    QSqlQuery up(db);
    up.prepare(QStringLiteral("UPDATE leads SET stage_id = ?, stage_entered_at = ?, status = ?,"
                              " closed_at = ?, probability = ?, updated_at = ? WHERE id = ?"));
    up.addBindValue(toStageId);
    up.addBindValue(enteredAt);
    up.addBindValue(status);
    up.addBindValue(closed ? times::instantParam(times::secsFromIso(closedIso)) : QVariant(QMetaType::fromType<QString>()));
    up.addBindValue(probability);
    up.addBindValue(nowAt);
    up.addBindValue(id);
    if (!up.exec())
        return failed(m_db.describeError(up.lastError()));
    const QString historyUuid = newId();
    QSqlQuery h(db);
    h.prepare(QStringLiteral("INSERT INTO stage_history (uuid, lead_id, from_stage_id, to_stage_id,"
                             " at, by_user_id, reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v : {QVariant(uuidColumnValue(historyUuid)), QVariant(id), QVariant(lead->stageId),
                              QVariant(toStageId), nowAt,
                              actorId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(actorId),
                              QVariant(reason.isNull() ? QStringLiteral("") : reason), nowAt})
        h.addBindValue(v);
    if (!h.exec())
        return failed(m_db.describeError(h.lastError()));
    const QString historyId = h.lastInsertId().toString(); // the local key (keys.h)
    QString error;
    if (!appendToLog(db, LogRecordKind::StageMove, historyId, &error))
        return failed(error);
    // The move closes the stage's window: its exit actions are kept on write (exitactions.h).
    if (refreshExitActions(sqliteHandle(db), {id}, &error) < 0)
        return failed(error);
    const QJsonObject leadFields{{QStringLiteral("stage_id"), toStageId},
                                 {QStringLiteral("stage_entered_at"), enteredIso},
                                 {QStringLiteral("status"), status},
                                 {QStringLiteral("closed_at"), closed ? QJsonValue(closedIso) : QJsonValue()},
                                 {QStringLiteral("probability"), probability},
                                 {QStringLiteral("updated_at"), now}};
    const QJsonObject historyFields{{QStringLiteral("uuid"), historyUuid},
                                    {QStringLiteral("lead_id"), id},
                                    {QStringLiteral("from_stage_id"), lead->stageId},
                                    {QStringLiteral("to_stage_id"), toStageId},
                                    {QStringLiteral("at"), now},
                                    {QStringLiteral("by_user_id"), actorId},
                                    {QStringLiteral("reason"), reason}};
    if (!appendOutbox(db, QStringLiteral("leads"), id, QStringLiteral("update"), leadFields,
                      lead->rowVersion, &error)
        || !appendOutbox(db, QStringLiteral("stage_history"), historyId, QStringLiteral("insert"),
                         historyFields, 0, &error))
        return failed(error);
    if (!tx.commit())
        return failed(m_db.describeError(db.lastError()));
    m_db.announceChanges();
    return WriteResult{true, {}, {}};
}

QList<StageMove> LeadRepository::stageHistory(const QString &id, int limit) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT h.at, h.from_stage_id, h.to_stage_id, u.name, h.reason FROM stage_history h"
        " LEFT JOIN users u ON u.id = h.by_user_id"
        " WHERE h.lead_id = ? AND h.deleted = 0 ORDER BY h.at DESC, h.rowid DESC LIMIT ?"));
    q.addBindValue(id);
    q.addBindValue(limit);
    QList<StageMove> out;
    if (q.exec()) {
        while (q.next())
            out << StageMove{times::instantIso(q.value(0)), q.value(1).toString(), q.value(2).toString(),
                             q.value(3).toString(), q.value(4).toString()};
    }
    return out;
}

QList<ActivityItem> LeadRepository::recentActivities(const QString &id, int limit) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT a.at, a.kind, a.direction, u.name, a.text, a.duration_seconds FROM activities a"
        " LEFT JOIN users u ON u.id = a.actor_id"
        " WHERE a.lead_id = ? AND a.deleted = 0 ORDER BY a.at DESC LIMIT ?"));
    q.addBindValue(id);
    q.addBindValue(limit);
    QList<ActivityItem> out;
    if (q.exec()) {
        while (q.next())
            out << ActivityItem{times::instantIso(q.value(0)), q.value(1).toString(), q.value(2).toString(),
                                q.value(3).toString(), q.value(4).toString(), q.value(5).toInt()};
    }
    return out;
}

QStringList leadsTouchedBy(const Database &db, const ChangeSet &changes)
{
    QStringList out;
    for (const TableChange &c : changes.changes) {
        if (c.kind == ChangeKind::Deleted)
            continue; // gone: nothing to read its lead from (leads and activities are deleted softly)
        QStringList ids;
        if (c.table == QLatin1String("leads"))
            ids = db.idsOfRows(c.table, c.rows);
        else if (c.table == QLatin1String("activities") || c.table == QLatin1String("stage_history")
                 || c.table == QLatin1String("tasks"))
            ids = db.valuesOfRows(c.table, QStringLiteral("lead_id"), c.rows);
        for (const QString &id : std::as_const(ids))
            if (!out.contains(id))
                out << id;
    }
    return out;
}

} // namespace cockpit::storage

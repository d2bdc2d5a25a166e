#include "storage/pipelinerepository.h"
#include "storage/uuidcolumn.h"

#include "storage/database.h"
#include "domain/ids.h"
#include "domain/times.h"
#include "storage/outbox.h"
#include "storage/transaction.h"

#include <QSqlDatabase>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace cockpit::storage {

namespace {

QStringList splitBars(const QString &s)
{
    return s.isEmpty() ? QStringList() : s.split(QLatin1Char('|'), Qt::SkipEmptyParts);
}

PipelineSaveResult refused(const QString &error, QList<PipelineIssue> issues = {})
{
    PipelineSaveResult r;
    r.error = error;
    r.issues = std::move(issues);
    return r;
}

// Pipeline codes follow stage codes: a-z, 0-9 and '_'.
QString slug(const QString &hint)
{
    PipelineDef empty;
    return uniqueStageCode(empty, hint);
}

} // namespace

QList<PipelineSummary> PipelineRepository::current() const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT p.id, p.code, p.name, p.name_en, p.version,"
        " (SELECT count(*) FROM pipeline_stages s WHERE s.pipeline_id = p.id AND s.deleted = 0)"
        " FROM pipelines p WHERE p.deleted = 0"
        " AND p.version = (SELECT max(q.version) FROM pipelines q WHERE q.code = p.code AND q.deleted = 0)"
        " ORDER BY (SELECT min(r.rowid) FROM pipelines r WHERE r.code = p.code)"));
    QList<PipelineSummary> out;
    if (q.exec()) {
        while (q.next())
            out << PipelineSummary{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                   q.value(3).toString(), q.value(4).toInt(), q.value(5).toInt()};
    }
    return out;
}

std::optional<StoredPipeline> PipelineRepository::load(const QString &pipelineId) const
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery p(db);
    p.prepare(QStringLiteral("SELECT code, name, name_en, version, first_response_minutes,"
                             " handover_sla_minutes FROM pipelines WHERE id = ? AND deleted = 0"));
    p.addBindValue(pipelineId);
    if (!p.exec() || !p.next())
        return std::nullopt;
    StoredPipeline out;
    out.id = pipelineId;
    out.def.code = p.value(0).toString();
    out.def.name = p.value(1).toString();
    out.def.nameEn = p.value(2).toString();
    out.def.version = p.value(3).toInt();
    out.def.firstResponseMinutes = p.value(4).toInt();
    out.def.handoverSlaMinutes = p.value(5).toInt();
    QSqlQuery s(db);
    s.prepare(QStringLiteral("SELECT id, code, name, name_en, sla_minutes, exit_gate, standard_actions,"
                             " terminal FROM pipeline_stages WHERE pipeline_id = ? AND deleted = 0"
                             " ORDER BY position"));
    s.addBindValue(pipelineId);
    if (!s.exec())
        return std::nullopt;
    while (s.next()) {
        out.stageIds << s.value(0).toString();
        out.def.stages << StageDef{s.value(1).toString(), s.value(2).toString(), s.value(3).toString(),
                                   s.value(4).toInt(), splitBars(s.value(5).toString()),
                                   splitBars(s.value(6).toString()), s.value(7).toBool()};
    }
    return out;
}

QString PipelineRepository::currentPipelineId(const QString &code) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id FROM pipelines WHERE code = ? AND deleted = 0"
                             " ORDER BY version DESC LIMIT 1"));
    q.addBindValue(code);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

std::optional<StoredPipeline> PipelineRepository::loadCurrent(const QString &code) const
{
    const QString id = currentPipelineId(code);
    return id.isEmpty() ? std::nullopt : load(id);
}

QString PipelineRepository::firstStageId(const QString &code) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id FROM pipeline_stages WHERE pipeline_id = ? AND deleted = 0"
                             " ORDER BY position LIMIT 1"));
    q.addBindValue(currentPipelineId(code));
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

QList<PipelineVersionInfo> PipelineRepository::versions(const QString &code) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT p.id, p.version, p.updated_at,"
        " (SELECT count(*) FROM pipeline_stages s JOIN leads l ON l.stage_id = s.id"
        "  WHERE s.pipeline_id = p.id AND l.deleted = 0),"
        " (SELECT count(*) FROM pipeline_stages s JOIN leads l ON l.stage_id = s.id"
        "  WHERE s.pipeline_id = p.id AND l.deleted = 0 AND l.status = 'open')"
        " FROM pipelines p WHERE p.code = ? AND p.deleted = 0 ORDER BY p.version DESC"));
    q.addBindValue(code);
    QList<PipelineVersionInfo> out;
    if (q.exec()) {
        while (q.next())
            out << PipelineVersionInfo{q.value(0).toString(), q.value(1).toInt(), times::instantIso(q.value(2)),
                                       q.value(3).toInt(), q.value(4).toInt()};
    }
    return out;
}

QStringList PipelineRepository::otherNames(const QString &exceptCode) const
{
    QStringList out;
    for (const PipelineSummary &p : current()) {
        if (p.code == exceptCode)
            continue;
        out << p.name;
        if (!p.nameEn.isEmpty())
            out << p.nameEn;
    }
    return out;
}

PipelineSaveResult PipelineRepository::saveNewVersion(const PipelineDef &def, MigrateOpenLeads migrate)
{
    const auto cur = loadCurrent(def.code);
    if (!cur)
        return refused(tr("There is no pipeline with the code “%1”.").arg(def.code));
    const auto issues = validatePipeline(def, otherNames(def.code));
    if (!issues.isEmpty())
        return refused(issues.constFirst().message, issues);
    return write(def, cur->def.version + 1, cur->id, migrate);
}

PipelineSaveResult PipelineRepository::createPipeline(const PipelineDef &input)
{
    PipelineDef def = input;
    if (def.code.isEmpty()) {
        const QString base = slug(def.nameEn.isEmpty() ? QStringLiteral("pipeline") : def.nameEn);
        def.code = base;
        for (int n = 2; !currentPipelineId(def.code).isEmpty(); ++n)
            def.code = base + QLatin1Char('_') + QString::number(n);
    } else if (!currentPipelineId(def.code).isEmpty()) {
        return refused(tr("A pipeline with the code “%1” already exists.").arg(def.code));
    }
    const auto issues = validatePipeline(def, otherNames(def.code));
    if (!issues.isEmpty())
        return refused(issues.constFirst().message, issues);
    return write(def, 1, {}, MigrateOpenLeads::No);
}

PipelineSaveResult PipelineRepository::write(const PipelineDef &def, int version,
                                             const QString &previousId, MigrateOpenLeads migrate)
{
    QSqlDatabase db = m_db.connection();
    const qint64 nowSecs = QDateTime::currentSecsSinceEpoch();
    const QString now = times::isoFromSecs(nowSecs); // the outbox's text
    const QVariant nowAt = times::instantParam(nowSecs);
    const QString pipelineUuid = newId();
    PipelineSaveResult result;
    QString error;
    Transaction tx(db);
    if (!tx.isActive())
        return refused(db.lastError().text());

    QSqlQuery p(db);
    p.prepare(QStringLiteral(
        "INSERT INTO pipelines (uuid, code, name, name_en, version, first_response_minutes,"
        " handover_sla_minutes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    // Text columns are NOT NULL: a null QString would bind as NULL.
    const QString name = QStringLiteral("") + def.name.trimmed();
    const QString nameEn = QStringLiteral("") + def.nameEn.trimmed();
    for (const QVariant &v : {QVariant(uuidColumnValue(pipelineUuid)), QVariant(def.code), QVariant(name), QVariant(nameEn),
                              QVariant(version), QVariant(def.firstResponseMinutes),
                              QVariant(def.handoverSlaMinutes), nowAt})
        p.addBindValue(v);
    if (!p.exec())
        return refused(p.lastError().text());
    const QString pid = p.lastInsertId().toString(); // the local key (keys.h)
    const QJsonObject pipelineFields{{QStringLiteral("uuid"), pipelineUuid},
                                     {QStringLiteral("code"), def.code},
                                     {QStringLiteral("name"), name},
                                     {QStringLiteral("name_en"), nameEn},
                                     {QStringLiteral("version"), version},
                                     {QStringLiteral("first_response_minutes"), def.firstResponseMinutes},
                                     {QStringLiteral("handover_sla_minutes"), def.handoverSlaMinutes},
                                     {QStringLiteral("updated_at"), now}};
    if (!appendOutbox(db, QStringLiteral("pipelines"), pid, QStringLiteral("insert"), pipelineFields, 0, &error))
        return refused(error);

    QSqlQuery s(db);
    s.prepare(QStringLiteral(
        "INSERT INTO pipeline_stages (uuid, pipeline_id, position, code, name, name_en,"
        " sla_minutes, exit_gate, standard_actions, terminal, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QHash<QString, QString> stageByCode;
    for (int i = 0; i < def.stages.size(); ++i) {
        const StageDef &st = def.stages.at(i);
        const QString stageUuid = newId();
        const QString stageTitle = QStringLiteral("") + st.name.trimmed();
        const QString stageTitleEn = QStringLiteral("") + st.nameEn.trimmed();
        const QString gate = QStringLiteral("") + st.exitGate.join(QLatin1Char('|'));
        const QString actions = QStringLiteral("") + st.standardActions.join(QLatin1Char('|'));
        for (const QVariant &v : {QVariant(uuidColumnValue(stageUuid)), QVariant(pid), QVariant(i), QVariant(st.code),
                                  QVariant(stageTitle), QVariant(stageTitleEn),
                                  QVariant(st.slaMinutes), QVariant(gate), QVariant(actions),
                                  QVariant(st.terminal ? 1 : 0), nowAt})
            s.addBindValue(v);
        if (!s.exec())
            return refused(s.lastError().text());
        const QString sid = s.lastInsertId().toString();
        stageByCode.insert(st.code, sid);
        const QJsonObject fields{{QStringLiteral("uuid"), stageUuid},
                                 {QStringLiteral("pipeline_id"), pid},
                                 {QStringLiteral("position"), i},
                                 {QStringLiteral("code"), st.code},
                                 {QStringLiteral("name"), stageTitle},
                                 {QStringLiteral("name_en"), stageTitleEn},
                                 {QStringLiteral("sla_minutes"), st.slaMinutes},
                                 {QStringLiteral("exit_gate"), gate},
                                 {QStringLiteral("standard_actions"), actions},
                                 {QStringLiteral("terminal"), st.terminal ? 1 : 0},
                                 {QStringLiteral("updated_at"), now}};
        if (!appendOutbox(db, QStringLiteral("pipeline_stages"), sid, QStringLiteral("insert"), fields, 0, &error))
            return refused(error);
    }

    if (migrate == MigrateOpenLeads::ByStageCode && !previousId.isEmpty()) {
        // Every open lead on any older version of this code.
        QSqlQuery open(db);
        open.prepare(QStringLiteral(
            "SELECT l.id, s.code, l.row_version FROM leads l"
            " JOIN pipeline_stages s ON s.id = l.stage_id JOIN pipelines p ON p.id = s.pipeline_id"
            " WHERE p.code = ? AND p.id <> ? AND l.status = 'open' AND l.deleted = 0"));
        open.addBindValue(def.code);
        open.addBindValue(pid);
        if (!open.exec())
            return refused(open.lastError().text());
        QSqlQuery up(db);
        up.prepare(QStringLiteral("UPDATE leads SET pipeline_id = ?, stage_id = ?, updated_at = ? WHERE id = ?"));
        while (open.next()) {
            const QString stageId = stageByCode.value(open.value(1).toString());
            if (stageId.isEmpty()) {
                ++result.leftOnOldVersion;
                continue;
            }
            const QString leadId = open.value(0).toString();
            for (const QVariant &v : {QVariant(pid), QVariant(stageId), nowAt, QVariant(leadId)})
                up.addBindValue(v);
            if (!up.exec())
                return refused(up.lastError().text());
            const QJsonObject fields{{QStringLiteral("pipeline_id"), pid},
                                     {QStringLiteral("stage_id"), stageId},
                                     {QStringLiteral("updated_at"), now}};
            if (!appendOutbox(db, QStringLiteral("leads"), leadId, QStringLiteral("update"), fields,
                              open.value(2).toLongLong(), &error))
                return refused(error);
            ++result.migratedLeads;
        }
    }

    if (!tx.commit())
        return refused(db.lastError().text());
    result.ok = true;
    result.pipelineId = pid;
    result.version = version;
    m_db.announceChanges();
    return result;
}

QString PipelineRepository::nextStageId(const QString &stageId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT n.id FROM pipeline_stages s JOIN pipeline_stages n"
        " ON n.pipeline_id = s.pipeline_id AND n.position > s.position AND n.deleted = 0"
        " WHERE s.id = ? ORDER BY n.position LIMIT 1"));
    q.addBindValue(stageId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

QString PipelineRepository::resolveStage(const QString &pipelineId, const QString &codeOrName) const
{
    const QString wanted = codeOrName.trimmed().toCaseFolded();
    if (wanted.isEmpty())
        return {};
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, code, name, name_en FROM pipeline_stages"
                             " WHERE pipeline_id = ? AND deleted = 0 ORDER BY position"));
    q.addBindValue(pipelineId);
    if (!q.exec())
        return {};
    while (q.next()) {
        for (int c = 1; c <= 3; ++c)
            if (q.value(c).toString().trimmed().toCaseFolded() == wanted)
                return q.value(0).toString();
    }
    return {};
}

QString PipelineRepository::stageName(const QString &stageId, bool english) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT name, name_en FROM pipeline_stages WHERE id = ?"));
    q.addBindValue(stageId);
    if (!q.exec() || !q.next())
        return {};
    return english && !q.value(1).toString().isEmpty() ? q.value(1).toString() : q.value(0).toString();
}

} // namespace cockpit::storage

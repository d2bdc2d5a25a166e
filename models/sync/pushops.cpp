#include "sync/pushops.h"

#include <QJsonDocument>
#include <QSet>
#include <QUuid>

namespace cockpit::sync::push {

QString OpRunner::cast(const Column &c, int n) const
{
    return QStringLiteral("$%1::%2").arg(n).arg(c.type);
}

QJsonObject OpRunner::mine(const Op &op, const QList<int> &cols) const
{
    QJsonObject out;
    for (const int i : cols)
        out.insert(op.table->cols.at(i).local, op.row.values.at(i));
    return out;
}

QJsonObject OpRunner::conflict(const Op &op, const QString &kind, qint64 serverVersion, const QJsonObject &mine,
                               const QJsonObject &theirs, const QString &error) const
{
    QJsonObject base{{QStringLiteral("kind"), kind},
                     {QStringLiteral("uuid"), op.row.uuid},
                     {QStringLiteral("op"), op.entry.op},
                     {QStringLiteral("row_version"), op.base},
                     {QStringLiteral("server_row_version"), serverVersion}};
    if (kind == QLatin1String("refused"))
        base.insert(QStringLiteral("error"), error);
    return {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("base"), base},
            {QStringLiteral("mine"), mine},
            {QStringLiteral("theirs"), theirs}};
}

void OpRunner::appendStatement(const Op &op, int n, QStringList *ctes, QVariantList *params)
{
    const Table &t = *op.table;
    const int p = int(params->size());
    *params << m_client << op.entry.opId << t.name << op.row.uuid;
    *ctes << QStringLiteral("c%1 AS (SELECT cockpit.claim_op($%2::uuid, $%3::text, $%4::text, $%5::uuid) AS fresh)")
                 .arg(n).arg(p + 1).arg(p + 2).arg(p + 3).arg(p + 4);
    const QString id = QStringLiteral("$%1::uuid").arg(p + 4);
    if (op.entry.op == QLatin1String("insert")) {
        QStringList names{QStringLiteral("id")}, values{id};
        for (const int i : std::as_const(op.cols)) {
            names << t.cols.at(i).server;
            *params << m_keys.serverValue(t, op.row, i);
            values << cast(t.cols.at(i), int(params->size()));
        }
        *ctes << QStringLiteral("w%1 AS (INSERT INTO cockpit.%2 (%3) SELECT %4 WHERE (SELECT fresh FROM c%1) ON CONFLICT (id) DO NOTHING "
                                "RETURNING row_version)")
                     .arg(QString::number(n), t.name, names.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")));
        return;
    }
    const bool del = op.entry.op == QLatin1String("delete");
    QStringList sets;
    QString where = QStringLiteral("id = ") + id;
    if (del) {
        sets << QStringLiteral("deleted = true"); // deletes win: no base
    } else {
        *params << op.base;
        where += QStringLiteral(" AND row_version = $%1::bigint").arg(params->size());
    }
    for (const int i : std::as_const(op.cols)) {
        if (del && t.cols.at(i).server == QLatin1String("deleted"))
            continue;
        *params << m_keys.serverValue(t, op.row, i);
        sets << QStringLiteral("%1 = %2").arg(t.cols.at(i).server, cast(t.cols.at(i), int(params->size())));
    }
    *ctes << QStringLiteral("w%1 AS (UPDATE cockpit.%2 SET %3 WHERE %4 AND (SELECT fresh FROM c%1) RETURNING row_version)")
                 .arg(QString::number(n), t.name, sets.join(QStringLiteral(", ")), where);
}

bool OpRunner::run(const QList<Op *> &ops, QList<Outcome> *outs, PgError *error)
{
    // One statement for the chunk: per operation a claim and a write (distinct rows: one
    // statement cannot write a row twice), one round trip instead of one per operation.
    QStringList ctes, results;
    QVariantList params;
    for (int n = 0; n < ops.size(); ++n) {
        appendStatement(*ops.at(n), n, &ctes, &params);
        results << QStringLiteral("(SELECT fresh FROM c%1)").arg(n) << QStringLiteral("(SELECT row_version FROM w%1)").arg(n);
    }
    PgResult r;
    if (!m_server.exec(QStringLiteral("WITH %1 SELECT %2").arg(ctes.join(QStringLiteral(", ")), results.join(QStringLiteral(", "))),
                       params, &r, error))
        return false;
    outs->clear();
    for (int n = 0; n < ops.size(); ++n) {
        Op &op = *ops.at(n);
        Outcome out;
        if (!r.toBool(0, 2 * n)) {
            if (!alreadyApplied(op, &out, error))
                return false;
        } else if (!r.isNull(0, 2 * n + 1)) {
            out.kind = Outcome::Kind::Pushed;
            out.rowVersion = r.toLongLong(0, 2 * n + 1);
        } else if (op.entry.op == QLatin1String("insert")) {
            out.kind = Outcome::Kind::Pushed; // the row was there already (same uuid)
        } else if (op.entry.op == QLatin1String("delete")) {
            out.kind = Outcome::Kind::Nothing; // gone from this login's sight: nothing to delete
        } else if (!merge(op, &out, error)) {
            return false;
        }
        *outs << out;
    }
    return true;
}

bool OpRunner::merge(Op &op, Outcome *out, PgError *error)
{
    const Table &t = *op.table;
    QStringList select{QStringLiteral("row_version"), QStringLiteral("deleted")};
    QVariantList params{op.row.uuid};
    for (const Column &c : t.cols)
        select << c.server + QStringLiteral("::text");
    for (const int i : std::as_const(op.cols)) {
        params << m_keys.serverValue(t, op.row, i);
        select << QStringLiteral("(%1 IS NOT DISTINCT FROM %2)").arg(t.cols.at(i).server, cast(t.cols.at(i), int(params.size())));
    }
    PgResult row;
    if (!m_server.exec(QStringLiteral("SELECT %1 FROM cockpit.%2 WHERE id = $1::uuid FOR UPDATE").arg(select.join(QStringLiteral(", ")), t.name),
                       params, &row, error))
        return false;
    const int first = 2, flags = 2 + int(t.cols.size());
    if (row.rows() == 0) {
        // FOR UPDATE sees only rows the login may update: one it can read but not change (a
        // company-wide row, for a manager) is a refusal, not a deletion.
        PgResult visible;
        if (!m_server.exec(QStringLiteral("SELECT NOT deleted FROM cockpit.%1 WHERE id = $1::uuid").arg(t.name), {op.row.uuid}, &visible, error))
            return false;
        if (visible.rows() == 1 && visible.toBool(0, 0)) {
            error->kind = PgError::Kind::NoRights;
            error->sqlState = QStringLiteral("42501");
            error->message = Server::tr("The login %1 may read this row of %2 but not change it (it belongs to another "
                                        "region, or to the whole company).")
                                 .arg(m_server.address().user, t.name);
            return false;
        }
    }
    const QString kind = t.kindLocal.isEmpty() || row.rows() == 0 ? QString() : row.text(0, first + t.byLocal.value(t.kindLocal));
    if (row.rows() == 0 || row.toBool(0, 1)) {
        // Deleted on the server (or moved out of this login's sight): deletes win, mine is kept
        // in the conflict.
        const qint64 version = row.rows() ? row.toLongLong(0, 0) : 0;
        out->kind = Outcome::Kind::Conflict;
        out->conflict = conflict(op, QStringLiteral("deleted_on_server"), version, mine(op, op.cols), {}, {});
        if (row.rows() && t.byLocal.contains(QStringLiteral("deleted")) && t.name != QLatin1String("log_deletions"))
            out->writeBack = {{QStringLiteral("deleted"), 1}};
        out->rowVersion = version;
        return storeOutcome(op, *out, error);
    }
    const qint64 current = row.toLongLong(0, 0);
    PgResult history;
    // The watermark of pruned entries (004_history.sql) in the same statement, so one snapshot.
    if (!m_server.exec(QStringLiteral("SELECT coalesce(array_to_string(array_agg(DISTINCT c) FILTER (WHERE h.client_id IS DISTINCT FROM $4::uuid), ','), ''), "
                                      "coalesce(max(h.row_version), 0), "
                                      "coalesce((SELECT below FROM cockpit.column_history_pruned), 0) "
                                      "FROM cockpit.column_history h LEFT JOIN LATERAL unnest(h.columns) c ON true "
                                      "WHERE h.table_name = $1 AND h.row_id = $2::uuid AND h.row_version > $3::bigint"),
                       {t.name, op.row.uuid, op.base, m_client}, &history, error))
        return false;
    const QSet<QString> changed = [&] {
        const QStringList names = history.text(0, 0).split(QLatin1Char(','), Qt::SkipEmptyParts);
        return QSet<QString>(names.cbegin(), names.cend());
    }();
    // A history that does not reach the row's version (changes made before it was kept), or
    // that was pruned above my base (entries between it and the row's version may be gone):
    // every column may have changed.
    const bool complete = op.base == 0 || (history.toLongLong(0, 1) == current && op.base >= history.toLongLong(0, 2));
    QList<int> overlap, apply;
    int updatedAt = -1;
    for (int j = 0; j < op.cols.size(); ++j) {
        const int i = op.cols.at(j);
        if (t.cols.at(i).local == QLatin1String("updated_at")) {
            updatedAt = i;
            continue;
        }
        if (row.toBool(0, flags + j))
            continue; // the server holds my value already
        (complete && !changed.contains(t.cols.at(i).server) ? apply : overlap) << i;
    }
    qint64 version = current;
    if (!apply.isEmpty()) {
        if (updatedAt >= 0)
            apply << updatedAt;
        QStringList sets;
        QVariantList values{op.row.uuid};
        for (const int i : std::as_const(apply)) {
            values << m_keys.serverValue(t, op.row, i);
            sets << QStringLiteral("%1 = %2").arg(t.cols.at(i).server, cast(t.cols.at(i), int(values.size())));
        }
        PgResult updated;
        if (!m_server.exec(QStringLiteral("UPDATE cockpit.%1 SET %2 WHERE id = $1::uuid RETURNING row_version").arg(t.name, sets.join(QStringLiteral(", "))),
                           values, &updated, error))
            return false;
        if (updated.rows() == 1)
            version = updated.toLongLong(0, 0);
    }
    out->rowVersion = version;
    if (overlap.isEmpty()) {
        out->kind = Outcome::Kind::Merged;
        return true;
    }
    QJsonObject theirs;
    for (const int i : std::as_const(overlap))
        theirs.insert(t.cols.at(i).local, m_keys.localValue(t, i, row.text(0, first + i), row.isNull(0, first + i), kind));
    out->kind = Outcome::Kind::Conflict;
    out->conflict = conflict(op, QStringLiteral("update"), version, mine(op, overlap), theirs, {});
    out->writeBack = theirs;
    return storeOutcome(op, *out, error);
}

bool OpRunner::alreadyApplied(const Op &op, Outcome *out, PgError *error)
{
    out->kind = Outcome::Kind::Already;
    PgResult r;
    if (!m_server.exec(QStringLiteral("SELECT outcome::text FROM cockpit.applied_ops WHERE client_id = $1::uuid AND op_id = $2"),
                       {m_client, op.entry.opId}, &r, error))
        return false;
    if (r.rows() == 1 && !r.isNull(0, 0)) {
        const QJsonObject stored = QJsonDocument::fromJson(r.text(0, 0).toUtf8()).object();
        out->conflict = stored.value(QStringLiteral("conflict")).toObject();
        out->writeBack = stored.value(QStringLiteral("writeBack")).toObject();
        out->rowVersion = stored.value(QStringLiteral("rowVersion")).toInteger();
    }
    return true;
}

bool OpRunner::storeOutcome(const Op &op, const Outcome &out, PgError *error)
{
    const QJsonObject stored{{QStringLiteral("conflict"), out.conflict},
                             {QStringLiteral("writeBack"), out.writeBack},
                             {QStringLiteral("rowVersion"), out.rowVersion}};
    return m_server.exec(QStringLiteral("UPDATE cockpit.applied_ops SET outcome = $3::jsonb WHERE client_id = $1::uuid AND op_id = $2"),
                         {m_client, op.entry.opId, QString::fromUtf8(QJsonDocument(stored).toJson(QJsonDocument::Compact))},
                         nullptr, error);
}

void OpRunner::refused(const Op &op, const PgError &error, Outcome *out)
{
    const Table &t = *op.table;
    out->kind = Outcome::Kind::Refused;
    qint64 version = 0;
    // The server's values of the same columns, for the local row to converge (an insert has none).
    if (op.entry.op != QLatin1String("insert") && !op.cols.isEmpty()) {
        QStringList select{QStringLiteral("row_version")};
        for (const Column &c : t.cols)
            select << c.server + QStringLiteral("::text");
        PgResult row;
        PgError ignored;
        if (m_server.exec(QStringLiteral("SELECT %1 FROM cockpit.%2 WHERE id = $1::uuid").arg(select.join(QStringLiteral(", ")), t.name),
                          {op.row.uuid}, &row, &ignored)
            && row.rows() == 1) {
            version = row.toLongLong(0, 0);
            const QString kind = t.kindLocal.isEmpty() ? QString() : row.text(0, 1 + t.byLocal.value(t.kindLocal));
            for (const int i : std::as_const(op.cols))
                out->writeBack.insert(t.cols.at(i).local, m_keys.localValue(t, i, row.text(0, 1 + i), row.isNull(0, 1 + i), kind));
            out->rowVersion = version;
        }
    }
    out->conflict = conflict(op, QStringLiteral("refused"), version, mine(op, op.cols), {}, error.message);
}

} // namespace cockpit::sync::push

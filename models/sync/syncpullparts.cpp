#include "sync/syncpullparts.h"
#include "sync/serverschema.h"

namespace cockpit::sync::pull {

bool fileFail(sqlite3 *db, const QString &what, PgError *error)
{
    if (error) {
        error->kind = PgError::Kind::Other;
        error->message = Server::tr("Writing the pulled rows to the local file failed (%1): %2")
                             .arg(what, QString::fromUtf8(sqlite3_errmsg(db)));
    }
    return false;
}

bool sqlExec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

QString stateValue(sqlite3 *db, const QString &key)
{
    sql::Statement st(db, "SELECT value FROM sync_state WHERE key = ?");
    st.bind(1, key);
    if (sqlite3_step(st.handle()) == SQLITE_ROW)
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st.handle(), 0)));
    return {};
}

bool setState(sqlite3 *db, const QString &key, const QString &value)
{
    sql::Statement st(db, "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)");
    st.bind(1, key);
    st.bind(2, value);
    return sqlite3_step(st.handle()) == SQLITE_DONE;
}

bool loadTables(PgConnection &server, sqlite3 *db, QList<TableMap> *tables, PgError *error)
{
    PgResult names;
    if (!server.exec(QStringLiteral("SELECT name FROM cockpit.synced_tables ORDER BY position"), {}, &names, error))
        return false;
    for (int i = 0; i < names.rows(); ++i) {
        TableMap t;
        t.name = names.text(i, 0);
        t.position = i;
        QSet<QString> local;
        QHash<QString, QString> refs;
        {
            sql::Statement info(db, QStringLiteral("PRAGMA table_info(%1)").arg(t.name).toStdString());
            while (sqlite3_step(info.handle()) == SQLITE_ROW)
                local.insert(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(info.handle(), 1))));
            sql::Statement fks(db, QStringLiteral("PRAGMA foreign_key_list(%1)").arg(t.name).toStdString());
            while (sqlite3_step(fks.handle()) == SQLITE_ROW)
                refs.insert(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(fks.handle(), 3))),
                            QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(fks.handle(), 2))));
        }
        if (local.isEmpty()) {
            error->kind = PgError::Kind::Other;
            error->message = Server::tr("The local file has no table %1: it is older than the server's schema.").arg(t.name);
            return false;
        }
        PgResult cols;
        if (!server.exec(QStringLiteral("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'cockpit' "
                                        "AND table_name = $1 AND column_name NOT IN ('id', 'last_xid', 'deleted') "
                                        "ORDER BY ordinal_position"),
                         {t.name}, &cols, error))
            return false;
        t.hasRowVersion = local.contains(QStringLiteral("row_version"));
        const bool logDeletions = t.name == QLatin1String("log_deletions");
        QStringList select{QStringLiteral("id::text")};
        for (int c = 0; c < cols.rows(); ++c) {
            TableMap::Col col;
            col.name = cols.text(c, 0);
            const QString type = cols.text(c, 1);
            col.local = (logDeletions && col.name == QLatin1String("sets_deleted")) ? QStringLiteral("deleted") : col.name;
            if (!local.contains(col.local))
                continue; // server-only (region_id of a child table …)
            col.integer = type == QLatin1String("bigint") || type == QLatin1String("integer") || type == QLatin1String("boolean");
            col.refTable = refs.value(col.local);
            col.polymorphic = col.name == QLatin1String("org_id") || col.name == QLatin1String("record_id");
            select << (type == QLatin1String("boolean") ? QStringLiteral("%1::int").arg(col.name) : col.name);
            if (col.name == QLatin1String("org_level") || col.name == QLatin1String("record_kind"))
                t.kindCol = int(t.cols.size());
            t.cols << col;
        }
        select << QStringLiteral("deleted::int");
        t.select = select.join(QStringLiteral(", "));
        tables->append(t);
    }
    return true;
}

} // namespace cockpit::sync::pull

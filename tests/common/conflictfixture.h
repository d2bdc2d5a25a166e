#pragma once
// Sync conflicts as the push records them (storage/conflictrepository.h), on the hand-made
// company of fixture.h: the local rows hold the server's values, no outbox entry is left.
//   c-update  (newest): lead 2 华为 数据平台, both changed title, amount and expected close;
//             my base row_version 5, the server's 7.
//   c-deleted: customer 3 重庆长江精工, deleted on the server (tombstoned here) while I changed
//             phone and core need; server row_version 4.
//   c-refused: contact 1 陈静, my new job title refused (no rights); row_version 3.
//   c-gone   (oldest): a lead this file no longer has.
#include "fixture.h"
#include "storage/keys.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace fixture {

inline bool insertConflict(QSqlDatabase db, const QString &id, const QString &table, qint64 rowId,
                           const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs,
                           const char *createdIso)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO conflicts (id, table_name, row_id, base, mine, theirs, created_at)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    const auto json = [](const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); };
    for (const QVariant &v : {QVariant(id), QVariant(table), QVariant(rowId), QVariant(json(base)), QVariant(json(mine)),
                              QVariant(json(theirs)), t(createdIso)})
        q.addBindValue(v);
    if (!q.exec()) {
        qWarning() << q.lastError().text();
        return false;
    }
    return true;
}

inline QJsonObject base(const char *kind, const QString &uuid, qint64 rowVersion, qint64 serverRowVersion,
                        const QString &error = {})
{
    QJsonObject o{{QStringLiteral("kind"), QLatin1String(kind)}, {QStringLiteral("uuid"), uuid},
                  {QStringLiteral("row_version"), rowVersion}, {QStringLiteral("server_row_version"), serverRowVersion}};
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

inline bool addConflicts(cockpit::storage::Database &database)
{
    QSqlDatabase db = database.connection();
    using cockpit::storage::uuidForKey;
    // The rows as the server left them (what recording a conflict writes into them).
    if (!exec(db, QStringLiteral("UPDATE leads SET title = '华为 数据平台', amount_cents = 130000000,"
                                 " expected_close = cockpit_day('2026-12-20'), row_version = 7 WHERE id = 2"))
        || !exec(db, QStringLiteral("UPDATE customers SET deleted = 1, row_version = 4 WHERE id = 3"))
        || !exec(db, QStringLiteral("UPDATE contacts SET row_version = 3 WHERE id = 1")))
        return false;
    const bool ok =
        insertConflict(db, QStringLiteral("c-update"), QStringLiteral("leads"), 2,
                       base("update", uuidForKey(db, QStringLiteral("leads"), QStringLiteral("2")), 5, 7),
                       QJsonObject{{QStringLiteral("title"), QStringLiteral("华为 数据平台 二期")},
                                   {QStringLiteral("amount_cents"), 150000000},
                                   {QStringLiteral("expected_close"), QStringLiteral("2026-12-31")},
                                   {QStringLiteral("status"), QStringLiteral("won")}},
                       QJsonObject{{QStringLiteral("title"), QStringLiteral("华为 数据平台")},
                                   {QStringLiteral("amount_cents"), 130000000},
                                   {QStringLiteral("expected_close"), QStringLiteral("2026-12-20")},
                                   {QStringLiteral("status"), QStringLiteral("open")}},
                       "2026-11-20T09:30:00Z")
        && insertConflict(db, QStringLiteral("c-deleted"), QStringLiteral("customers"), 3,
                          base("deleted_on_server", uuidForKey(db, QStringLiteral("customers"), QStringLiteral("3")), 2, 4),
                          QJsonObject{{QStringLiteral("phone"), QStringLiteral("023 6666 9999")},
                                      {QStringLiteral("core_need"), QStringLiteral("设备联网 二期")}},
                          QJsonObject{}, "2026-11-20T09:20:00Z")
        && insertConflict(db, QStringLiteral("c-refused"), QStringLiteral("contacts"), 1,
                          base("refused", uuidForKey(db, QStringLiteral("contacts"), QStringLiteral("1")), 3, 3,
                               QStringLiteral("没有修改 华东 联系人的权限")),
                          QJsonObject{{QStringLiteral("title"), QStringLiteral("采购总监")},
                                      {QStringLiteral("phone"), QStringLiteral("138 0000 1111")}},
                          QJsonObject{}, "2026-11-20T09:10:00Z")
        && insertConflict(db, QStringLiteral("c-gone"), QStringLiteral("leads"), 999,
                          base("update", QStringLiteral("0b9f3c1e-4a52-4c1d-9a0e-5f2d7c8b6a41"), 1, 2),
                          QJsonObject{{QStringLiteral("title"), QStringLiteral("旧线索 我的标题")}},
                          QJsonObject{{QStringLiteral("title"), QStringLiteral("旧线索 服务器标题")}},
                          "2026-11-19T08:00:00Z");
    database.announceChanges();
    return ok;
}

} // namespace fixture

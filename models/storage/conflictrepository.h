#pragma once
// Reads and resolves the sync conflicts (SYNC.md "Push"; issue 12). The push records one row
// of `conflicts` per local edit the server did not take as it was; this is the one write path
// that settles them, each resolution one transaction: the row's columns, its outbox entry and
// the conflict's resolved_at together, announced through the change notifier.
//
// The contract of a conflict row (written by models/sync's push):
// - table_name: the local table; row_id: the row's local key (its uuid also in `base`);
// - base: {"kind": "update" | "deleted_on_server" | "refused", "uuid", "row_version" (my base),
//   "server_row_version" (the server's current, 0 when unknown), "error" (translated, refused),
//   and optionally "op" ("insert" | "update" | "delete": what was refused)};
// - mine / theirs: column → value as the local row keeps it (references as local keys, money
//   in cents); times as epoch seconds / day numbers or as ISO text (both are read). theirs is
//   empty for deleted_on_server and refused;
// - created_at / resolved_at: UTC epoch seconds (schema v6 stores times as integers; ISO text
//   is read too), resolved NULL while open.
// When a conflict is recorded the local row already holds the server's values and no outbox
// entry is left for it: keeping theirs only marks it resolved.
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace cockpit::storage {

class Database;

enum class ConflictKind { Update, DeletedOnServer, Refused };

struct ConflictRecord
{
    QString id, table;
    qint64 rowId = 0;          // the local key (after a uuid look-up when row_id no longer names it)
    ConflictKind kind = ConflictKind::Update;
    QString uuid, error, op;   // op: what a refused edit was ("insert", "update", "delete")
    qint64 baseRowVersion = 0, serverRowVersion = 0;
    QJsonObject mine, theirs;
    qint64 createdAt = 0;      // UTC seconds
    bool resolved = false;
    bool rowExists = false;    // the row is in this file (tombstoned or not)
    bool rowDeleted = false;   // … and tombstoned (deleted = 1)
    QString rowLabel;          // how people name the row (a lead's title, a customer's name …)
    // The columns of mine and theirs, in the table's column order (any the table lacks last);
    // never id, uuid, row_version (the sync's, not a choice).
    QStringList fields;

    // A refused insert: a row made in this file that the server never took (base "op", or,
    // without it, a mine carrying the row's uuid, which only an insert pushes).
    bool refusedInsert() const;
};

// One resolution as written: what undo puts back and redo writes again.
struct ConflictStep
{
    QString conflictId, table;
    qint64 rowId = 0;
    QVariantMap written;   // column → the local value written (mine)
    QVariantMap before;    // column → the value it replaced
    QString op;            // the outbox entry's op; empty when nothing was queued (keep theirs)
    QByteArray fields;     // its fields (JSON)
    qint64 baseRowVersion = 0;
    QString opId;          // the entry appended (set by resolve and redo)
    qint64 resolvedAt = 0;
};

class ConflictRepository
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::storage::ConflictRepository)

public:
    explicit ConflictRepository(Database &db) : m_db(db) {}

    // Open conflicts, newest first.
    QList<ConflictRecord> openConflicts() const;
    std::optional<ConflictRecord> find(const QString &id) const;
    int openCount() const;
    // Rows of `table` (local keys) whose insert the server refused, the conflict still open:
    // they are in this file only (the lists mark them "not on the team server").
    QSet<qint64> refusedInserts(const QString &table) const;

    // Settles conflict `id`: the columns `mineFields` take my value (written into the row and
    // queued as one outbox entry based on the server's row_version), the others keep the
    // server's (which the row holds). No mineFields = keep theirs (only marked resolved).
    // deleted_on_server with mineFields brings the row back (deleted = 0, queued with it);
    // refused with mineFields queues the edit again; a refused insert without them (Discard)
    // tombstones the row here (deleted = 1, nothing queued: the server never had it), so it
    // leaves every list, and undo brings it back. `step` receives what was written.
    // Refused (false, translated `error`) when the conflict is resolved already, names a
    // column the table lacks, or mine must be written into a row this file no longer has.
    bool resolve(const QString &id, const QStringList &mineFields, ConflictStep *step, QString *error);
    // Undo: the row's columns as they were, the queued entry removed, the conflict open again.
    // Refused when the entry has been pushed meanwhile (the server has it).
    bool undo(const ConflictStep &step, QString *error);
    // Redo: the same columns written, a new entry queued, resolved at the same time again.
    bool redo(ConflictStep &step, QString *error);

    // The name of row `key` of `table` (a lead's title, a stage's name in `english` or
    // Chinese …); empty when there is none. For references in mine and theirs.
    QString referenceName(const QString &table, qint64 key, bool english) const;
    // The table a column of `table` refers to (its foreign key); empty for none.
    QString referencedTable(const QString &table, const QString &column) const;
    // Whether `column` of `table` is a time: 1 an instant, 2 a calendar date, 0 neither.
    static int timeKind(const QString &table, const QString &column);
    // The file's currency (settings "currency"; empty = CNY).
    QString currency() const;

private:
    bool apply(ConflictStep &step, bool first, QString *error);

    Database &m_db;
};

} // namespace cockpit::storage

#pragma once
// One outbox entry's operation on the server, inside the push's server transaction
// (syncpush.h): the claim and the write in one statement, the per-field merge when the base
// is stale, and the outcome the local side then records.
#include "sync/pushtables.h"

#include <QJsonObject>

namespace cockpit::sync::push {

struct Entry
{
    qint64 seq = 0;
    QString opId;
    QString table;
    QString op; // insert | update | delete
    qint64 key = 0;
    QByteArray fields;
    qint64 base = 0;
};

struct Op
{
    Entry entry;
    const Table *table = nullptr;
    LocalRow row;
    QList<int> cols; // indexes into table->cols this entry pushes
    qint64 base = 0; // the entry's base, or the version this run's earlier push of the row made
};

struct Outcome
{
    enum class Kind { Pushed, Merged, Conflict, Refused, Already, Nothing };
    Kind kind = Kind::Nothing;
    qint64 rowVersion = 0;   // the server's row_version after the operation, 0 when unknown
    QJsonObject conflict;    // {id, kind, base, mine, theirs} when one is to be recorded
    QJsonObject writeBack;   // local values of the server's state, written into the row
};

class OpRunner
{
public:
    OpRunner(PgConnection &server, Keys &keys, const QString &clientId) : m_server(server), m_keys(keys), m_client(clientId) {}
    // Applies `ops` (distinct rows), one outcome each; false with `error` when a statement
    // failed (the caller decides whether the failure is an operation's — refused — or the
    // connection's; a chunk of one then tells which operation).
    bool run(const QList<Op *> &ops, QList<Outcome> *outs, PgError *error);
    // The outcome of an operation the server refused with `error` (after the savepoint's
    // rollback): a conflict "refused", and the server's current values to write back.
    void refused(const Op &op, const PgError &error, Outcome *out);

private:
    void appendStatement(const Op &op, int n, QStringList *ctes, QVariantList *params);
    bool merge(Op &op, Outcome *out, PgError *error);
    bool alreadyApplied(const Op &op, Outcome *out, PgError *error);
    bool storeOutcome(const Op &op, const Outcome &out, PgError *error);
    QJsonObject mine(const Op &op, const QList<int> &cols) const;
    QJsonObject conflict(const Op &op, const QString &kind, qint64 serverVersion, const QJsonObject &mine,
                         const QJsonObject &theirs, const QString &error) const;
    QString cast(const Column &c, int n) const;

    PgConnection &m_server;
    Keys &m_keys;
    QString m_client;
};

} // namespace cockpit::sync::push

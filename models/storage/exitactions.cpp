#include "storage/exitactions.h"

#include "domain/pipelinevalidation.h"
#include "domain/times.h"
#include "storage/sqlitestatement.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <sqlite3.h>

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

namespace cockpit::storage {

namespace {
Q_LOGGING_CATEGORY(lcExitActions, "cockpit.storage.exitactions", QtWarningMsg)

const std::vector<QByteArray> &kindNames()
{
    static const std::vector<QByteArray> names = [] {
        std::vector<QByteArray> out;
        for (const QString &k : knownActivityKinds())
            out.push_back(k.toUtf8());
        return out;
    }();
    return names;
}

quint32 bitOf(std::string_view kind)
{
    const auto &names = kindNames();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (kind == std::string_view(names[i].constData(), std::size_t(names[i].size())))
            return quint32(1) << i;
    return 0;
}

struct Move
{
    qint64 at = 0;
    qint64 rowid = 0;
    qint64 stored = 0;
};
using Acts = std::vector<std::pair<qint64, quint32>>;   // (at, kind bit)
using Writes = std::vector<std::pair<qint64, qint64>>;    // (rowid, new mask)

// One lead: its moves sorted by `at`, its activities in any order. Appends the moves whose
// stored mask differs from the computed one.
void settle(const std::vector<Move> &moves, const Acts &acts, Writes &writes)
{
    std::vector<qint64> times; // distinct move times, ascending
    for (const Move &m : moves)
        if (times.empty() || times.back() != m.at)
            times.push_back(m.at);
    std::vector<quint32> byTime(times.size(), 0);
    for (const auto &[at, bit] : acts) {
        if (!bit)
            continue;
        // The moves closing the window that holds `at`: the first move time after it, when
        // some move (the entry) is at or before it.
        const auto it = std::upper_bound(times.begin(), times.end(), at);
        if (it == times.begin() || it == times.end())
            continue;
        byTime[std::size_t(it - times.begin())] |= bit;
    }
    for (const Move &m : moves) {
        const auto it = std::lower_bound(times.begin(), times.end(), m.at);
        const qint64 mask = byTime[std::size_t(it - times.begin())];
        if (mask != m.stored)
            writes.emplace_back(m.rowid, mask);
    }
}

QByteArray bytesOf(const sql::Statement &s, int c)
{
    return QByteArray(s.cstr(c) ? s.cstr(c) : "", s.bytes(c));
}

// An `at` as epoch seconds: an INTEGER (schema v6) or ISO text, also on the v2 files that
// migrateTo(3) refreshes; -1 when it is neither.
qint64 atOf(const sql::Statement &s, int c)
{
    qint64 secs = 0;
    if (s.instant(c, &secs))
        return secs;
    return s.isNull(c) ? -1 : times::secsFromIso(s.text(c));
}

bool fail(const sql::Statement &s, QString *error)
{
    if (error)
        *error = s.error();
    return false;
}

bool collectAll(sqlite3 *db, Writes &writes, QString *error)
{
    // Both in (lead_id, at) order: idx_stage_history_lead and the covering idx_activities_by_lead.
    sql::Statement moves(db, "SELECT lead_id, at, rowid, exit_actions FROM stage_history ORDER BY lead_id, at");
    // Only the sales side's actions (DESIGN §5: a customer's own call is not the rep's call);
    // idx_activities_sales_facts covers it.
    sql::Statement acts(db, "SELECT lead_id, at, kind FROM activities WHERE direction = 'sales' AND deleted = 0"
                            " AND lead_id IS NOT NULL ORDER BY lead_id, at");
    if (moves.hasError())
        return fail(moves, error);
    if (acts.hasError())
        return fail(acts, error);
    bool moreActs = acts.next();
    bool moreMoves = moves.next();
    std::vector<Move> leadMoves;
    Acts leadActs;
    while (moreMoves) {
        const QByteArray lead = bytesOf(moves, 0);
        leadMoves.clear();
        leadActs.clear();
        while (moreMoves && moves.view(0) == std::string_view(lead.constData(), std::size_t(lead.size()))) {
            leadMoves.push_back({atOf(moves, 1), moves.int64(2), moves.int64(3)});
            moreMoves = moves.next();
        }
        const std::string_view leadView(lead.constData(), std::size_t(lead.size()));
        while (moreActs && acts.view(0) < leadView)
            moreActs = acts.next();
        while (moreActs && acts.view(0) == leadView) {
            leadActs.emplace_back(atOf(acts, 1), bitOf(acts.view(2)));
            moreActs = acts.next();
        }
        settle(leadMoves, leadActs, writes);
    }
    if (moves.hasError())
        return fail(moves, error);
    if (acts.hasError())
        return fail(acts, error);
    return true;
}

bool collectLeads(sqlite3 *db, const QStringList &leadIds, Writes &writes, QString *error)
{
    sql::Statement moves(db, "SELECT at, rowid, exit_actions FROM stage_history WHERE lead_id = ? ORDER BY at");
    sql::Statement acts(db, "SELECT at, kind FROM activities WHERE lead_id = ? AND direction = 'sales' AND deleted = 0");
    if (moves.hasError())
        return fail(moves, error);
    if (acts.hasError())
        return fail(acts, error);
    std::vector<Move> leadMoves;
    Acts leadActs;
    for (const QString &lead : leadIds) {
        leadMoves.clear();
        leadActs.clear();
        moves.reset();
        moves.bind(1, lead);
        while (moves.next())
            leadMoves.push_back({atOf(moves, 0), moves.int64(1), moves.int64(2)});
        if (moves.hasError())
            return fail(moves, error);
        if (leadMoves.empty())
            continue;
        acts.reset();
        acts.bind(1, lead);
        while (acts.next())
            leadActs.emplace_back(atOf(acts, 0), bitOf(acts.view(1)));
        if (acts.hasError())
            return fail(acts, error);
        settle(leadMoves, leadActs, writes);
    }
    return true;
}

// The kinds as text, built once: team health asks for a bit per group and stage action.
const QStringList &kindList()
{
    static const QStringList kinds = knownActivityKinds();
    return kinds;
}
} // namespace

quint32 activityKindBit(QStringView kind)
{
    const qsizetype i = kindList().indexOf(kind);
    return i < 0 ? 0 : quint32(1) << i;
}

QStringList activityKindsOfMask(quint32 mask)
{
    QStringList out;
    const QStringList &kinds = kindList();
    for (int i = 0; i < kinds.size(); ++i)
        if ((mask >> i) & 1)
            out.append(kinds.at(i));
    return out;
}

qint64 staleExitActions(sqlite3 *db, QString *error)
{
    Writes writes;
    return collectAll(db, writes, error) ? qint64(writes.size()) : -1;
}

qint64 refreshExitActions(sqlite3 *db, const QStringList &leadIds, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    Writes writes;
    if (!(leadIds.isEmpty() ? collectAll(db, writes, error) : collectLeads(db, leadIds, writes, error)))
        return -1;
    const qint64 readMs = timer.elapsed();
    if (writes.empty())
        return 0;
    // The reads are finished before the first write, so no scan sees its own updates.
    const bool ownTransaction = sqlite3_get_autocommit(db) != 0;
    if (ownTransaction && sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
        if (error)
            *error = sql::lastError(db);
        return -1;
    }
    sql::Statement up(db, "UPDATE stage_history SET exit_actions = ? WHERE rowid = ?");
    bool ok = !up.hasError();
    for (std::size_t i = 0; ok && i < writes.size(); ++i) {
        up.bind(1, writes[i].second);
        up.bind(2, writes[i].first);
        ok = up.run();
    }
    if (!ok) {
        if (error)
            *error = up.error();
        if (ownTransaction)
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return -1;
    }
    if (ownTransaction && sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        if (error)
            *error = sql::lastError(db);
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return -1;
    }
    qCInfo(lcExitActions) << "exit actions of" << (leadIds.isEmpty() ? QStringLiteral("every lead") : QString::number(leadIds.size()) + QStringLiteral(" lead(s)"))
                          << ":" << writes.size() << "moves written; read" << readMs << "ms, total" << timer.elapsed() << "ms";
    return qint64(writes.size());
}

} // namespace cockpit::storage

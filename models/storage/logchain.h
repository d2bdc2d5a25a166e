#pragma once
// The tamper-evident log of DESIGN.md §4 at the sqlite3 level, shared by the app's storage
// (through the Qt SQL connection's handle, see activitylog.h) and the demo generator (raw
// sqlite3), so the canonical form and the hashing exist once.
//
// One chain over every activity, every stage move and every logged deletion: log_seq 0, 1,
// 2, ... is shared by the three tables and
//     hash_i = SHA-256("cockpit-log-v1" || hash_{i-1} || canonical(record_i)),
// hash_{-1} = 32 zero bytes. canonical = a record-type byte ('a' activity, 's' stage move,
// 'd' deletion) then the content fields in a fixed order: text as a 4-byte big-endian length
// and its UTF-8 bytes (NULL as length 0xFFFFFFFF), integers as 8-byte big-endian. Bookkeeping
// columns (row_version, updated_at, deleted, log_*) are not hashed. A soft delete or restore
// of a chained record is a record of its own, a tombstone in `log_deletions` (schema v6):
// verify() requires each chained record's `deleted` to be that of its latest tombstone (0
// without one), so the flag cannot be flipped outside the app unseen.
// The head (log_head_seq, log_head_hash in hex) lives in `settings` and moves in the same
// transaction as each append, so a truncated tail or a record appended outside the app shows.
#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringView>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>

struct sqlite3;

namespace cockpit::storage {

// The translation context of the log's messages (verify's findings, refusals): lupdate files
// every ActivityLog::tr() under the name the running app looks them up by.
class ActivityLog
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::storage::ActivityLog)
};

// In buildChain()'s order for records of the same second (chainedBefore()).
enum class LogRecordKind { Activity, StageMove, Deletion };

// "activity" / "stage move" / "deletion record" (translated)
QString logRecordKindName(LogRecordKind kind);
// A tombstone's record_kind ("activity", "stage_move"); nullptr for Deletion, which no
// tombstone names. And back: false for any other text.
const char *tombstoneKindCode(LogRecordKind kind);
bool tombstoneKindOf(QStringView code, LogRecordKind *kind);

inline constexpr char kLogHeadSeqKey[] = "log_head_seq";
inline constexpr char kLogHeadHashKey[] = "log_head_hash";

struct LogHead
{
    qint64 seq = -1;                          // -1: empty chain
    QByteArray hash = QByteArray(32, '\0');   // raw 32 bytes
};

struct VerifyResult
{
    enum class Problem {
        None,
        HashMismatch,   // the record was edited, or records were reordered
        MissingRecord,  // an index is missing: a record was deleted
        DuplicateIndex, // two records claim one index
        HeadMismatch,   // the tail was truncated, or records were appended outside the app
        Unchained,      // a record is not in the chain at all (written outside the app)
        DeletedOutsideLog, // a chained record marked deleted that its log says is not deleted
        RestoredOutsideLog, // a chained record not marked deleted that its log says is deleted
        Cancelled,
        Error,          // the file could not be read
    };
    bool ok = false;
    Problem problem = Problem::Error;
    qint64 badIndex = -1;                    // log_seq of the first bad record, -1 if none
    LogRecordKind kind = LogRecordKind::Activity;
    QString recordId;                        // of the bad record, when there is one
    QString message;                         // translated: what is wrong, naming the record
    qint64 recordsChecked = 0;
    qint64 elapsedMs = 0;
    // The head the file holds (its last index and hash), for an auditor to record elsewhere:
    // the head lives in the file it protects, so a cut tail with a rolled-back head verifies as
    // intact unless compared with a head recorded before.
    qint64 headSeq = -1;
    QByteArray headHash;
    // The stored hash of record `anchorSeq` (verify()'s argument), empty when there is none.
    QByteArray anchorHash;
};

// done, total (records); called every few thousand records from the verifying thread.
using LogProgress = std::function<void(qint64 done, qint64 total)>;

namespace logchain {

// hash_i from hash_{i-1} and canonical(record_i). Exposed for tests and the benchmark.
QByteArray chainHash(const QByteArray &previous, const QByteArray &canonical);

// The head as stored in settings (or the empty head). false + error if it is malformed.
bool readHead(sqlite3 *db, LogHead *head, QString *error);

// Chains the record `id` (the row's key) of `kind` (which must not be chained yet) after the
// head and moves the head. Reads only the head and the record (and, for a tombstone, the
// record it names): O(1) in the length of the chain. Call it inside the transaction that
// inserted the record.
bool append(sqlite3 *db, LogRecordKind kind, const QString &id, QString *error);

// Chains every record that has no log_seq yet, in (at, kind, id) order, after the head
// (tombstones after the activities and stage moves of the same second).
// Returns the number chained, or -1 on error. `progress` (optional) hears (done, total) every
// few thousand records, for a progress bar over a long chain.
// `linksInMemory`: the links (48 bytes each) held before they go to a temporary file.
constexpr std::size_t kChainLinksInMemory = std::size_t(1) << 18;
qint64 buildChain(sqlite3 *db, QString *error,
                  const std::function<void(qint64 done, qint64 total)> &progress = {},
                  std::size_t linksInMemory = kChainLinksInMemory);

// Chaining records given by value, for a bulk writer that holds every record before it writes
// any (the demo generator): the log_seq and log_hash buildChain() would give each row, without
// reading the rows back and rewriting them (three quarters of buildChain()'s time on a fresh
// file). Latest schema only (v5 and later: rows keyed by integers, times as integers).
//
// A record is its content columns in canonical order - activities: uuid, lead_id, customer_id,
// actor_id, kind, direction, at, duration_seconds, quote_version, reply_to, tags, text; stage
// moves: uuid, lead_id, from_stage_id, to_stage_id, at, by_user_id, reason; deletions: uuid,
// record_kind, record_id, deleted, at, by_user_id, reason - each as the table stores it,
// except that a reference holds the referenced row's 16-byte uuid (what buildChain() reads
// through the key; a deletion's record_id: the deleted activity's or stage move's) and a
// time its epoch seconds. The canonical form is
// still made in one place (logchain.cpp, from the same column specs); a value whose type does
// not fit its column is refused.
struct LogValue
{
    enum class Type : unsigned char { Null, Integer, Text, Uuid };
    Type type = Type::Null;
    qint64 integer = 0;
    const char *data = nullptr; // Text: UTF-8 bytes; Uuid: 16 bytes
    int size = 0;

    static LogValue null() { return {}; }
    static LogValue number(qint64 v)
    {
        LogValue x;
        x.type = Type::Integer;
        x.integer = v;
        return x;
    }
    static LogValue text(const char *utf8) // NUL-terminated; nullptr is the empty text
    {
        LogValue x;
        x.type = Type::Text;
        x.data = utf8 ? utf8 : "";
        x.size = int(std::strlen(x.data));
        return x;
    }
    static LogValue uuid(const unsigned char *bytes16)
    {
        LogValue x;
        x.type = Type::Uuid;
        x.data = reinterpret_cast<const char *>(bytes16);
        x.size = 16;
        return x;
    }
};

// buildChain()'s order (its ORDER BY at, kind, uuid): by time, then activity, stage move,
// deletion within a second, then by the 16 uuid bytes. true when record a is chained before b.
inline bool chainedBefore(qint64 atA, LogRecordKind kindA, const unsigned char *uuidA, qint64 atB,
                          LogRecordKind kindB, const unsigned char *uuidB)
{
    if (atA != atB)
        return atA < atB;
    if (kindA != kindB)
        return int(kindA) < int(kindB);
    return std::memcmp(uuidA, uuidB, 16) < 0;
}

class ValueChain
{
public:
    ValueChain(); // starts after the empty head
    explicit ValueChain(const LogHead &start); // continues a chain (an import appending to a file's log)
    ~ValueChain();
    ValueChain(const ValueChain &) = delete;
    ValueChain &operator=(const ValueChain &) = delete;

    // Chains the next record (`count` columns, see above): returns its log_seq and writes its
    // 32-byte hash to `hash`; -1 (and `error`) when a value does not fit its column.
    qint64 append(LogRecordKind kind, const LogValue *columns, int count, unsigned char *hash,
                  QString *error);
    LogHead head() const; // the last record chained

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Stores `head` in settings, as append() and buildChain() do.
bool storeHead(sqlite3 *db, const LogHead &head, QString *error);

// Checks every link of the chain (records of all three tables by log_seq) against the stored
// hashes and the head, every index 0..head present once, nothing unchained, and each chained
// record's `deleted` equal to that of its latest tombstone; reports the first bad record. A
// file without log_deletions (schema v5 and older) is a log with no deletions.
// `anchorSeq` >= 0: also return that record's stored hash (VerifyResult::anchorHash).
VerifyResult verify(sqlite3 *db, const LogProgress &progress = {},
                    const std::atomic_bool *cancel = nullptr, qint64 anchorSeq = -1);

// Writes, in log_seq order, exactly the bytes verify() hashes ("cockpit-log-v1" ||
// previous hash || canonical record) to `out`. Returns the number of bytes, -1 on error.
qint64 exportHashedStream(sqlite3 *db, const QString &out, qint64 *records, QString *error);

// One link of the chain as the team server anchors it (sync/syncchain.h): the record's index,
// the stored hash of the record before it (32 zero bytes for #0), its own stored hash, and its
// canonical bytes (the hash covers "cockpit-log-v1" || previous || record).
struct LogLink
{
    qint64 seq = -1;
    QByteArray previous;
    QByteArray hash;
    QByteArray record;
};

// Reads links #from to #to (inclusive) in index order and hands each to `visit` (false stops,
// with no error). Only the stored hashes are chained, nothing is checked against them: that
// is verify()'s job, and the server checks each link's hash against its record. Returns false
// with `error` naming the record when an index in the range is missing or taken twice, or a
// stored hash is not 32 bytes; O(to - from) with the log_seq indexes.
bool readLinks(sqlite3 *db, qint64 from, qint64 to, const std::function<bool(const LogLink &)> &visit,
               QString *error);

} // namespace logchain
} // namespace cockpit::storage

// verify() and exportHashedStream(): the log chain read back in log_seq order (logchain.h).
#include "storage/logchain.h"
#include "storage/logchainrecord.h"

namespace cockpit::storage {
using namespace logchain_detail;
namespace logchain {

VerifyResult verify(sqlite3 *db, const LogProgress &progress, const std::atomic_bool *cancel, qint64 anchorSeq)
{
    // Each link is checked on its own: hash_i must equal SHA-256(domain || stored hash_{i-1}
    // || canonical(record_i)), every index 0..head must be there exactly once, and the last
    // stored hash must be the head. All links holding is the same as recomputing the chain
    // from hash_{-1}, but the tables can be read in storage order: on a demo or migrated
    // file the log_seq order jumps around the table and costs 8x more in SQLite than a
    // sequential scan. Pass 1 collects the stored hashes by index (and checks each record's
    // deleted flag against its tombstones), pass 2 hashes records.
    QElapsedTimer timer;
    timer.start();
    VerifyResult res;
    const bool v5 = keyedByInteger(db);
    auto finish = [&](VerifyResult::Problem p, const QString &message) {
        res.problem = p;
        res.ok = p == VerifyResult::Problem::None;
        res.message = message;
        res.elapsedMs = timer.elapsed();
        return res;
    };
    auto unreadable = [&](const QString &why) {
        return finish(VerifyResult::Problem::Error, ActivityLog::tr("The log could not be read: %1").arg(why));
    };
    QString error;
    LogHead head;
    if (!readHead(db, &head, &error))
        return finish(VerifyResult::Problem::Error, error);
    const qint64 n = head.seq + 1;
    const qint64 work = 2 * n;
    qint64 done = 0;

    // The first problem by index; a later find at a lower index replaces it.
    struct Bad
    {
        qint64 index = std::numeric_limits<qint64>::max();
        VerifyResult::Problem problem = VerifyResult::Problem::None;
        LogRecordKind kind = LogRecordKind::Activity;
        QString id;
        // MissingRecord: the last missing index of a run; Deleted/RestoredOutsideLog: the
        // index of the record's latest tombstone (-1: none).
        qint64 other = -1;
    } bad;
    auto note = [&](qint64 index, VerifyResult::Problem p, LogRecordKind kind, sqlite3_stmt *st, int idCol,
                    qint64 other = -1) {
        if (index >= bad.index)
            return;
        bad.index = index;
        bad.other = other;
        bad.problem = p;
        bad.kind = kind;
        bad.id = st ? columnString(st, idCol) : QString();
    };
    const std::vector<LogRecordKind> kinds = chainedKinds(db);
    bool cancelled = cancel && cancel->load();
    auto tick = [&]() {
        ++done;
        if ((done & 0xFFF) == 0) {
            if (cancel && cancel->load(std::memory_order_relaxed))
                cancelled = true;
            if (progress && (done & 0x3FFF) == 0)
                progress(done, work);
        }
        return !cancelled;
    };

    // The deleted state the log gives each record: that of its latest tombstone inside the
    // chain (a handful of rows; none in most files). A record without one is not deleted.
    struct Latest
    {
        qint64 seq = -1;
        bool deleted = false;
    };
    std::array<std::unordered_map<qint64, Latest>, 2> logged; // by record kind, keyed by record_id
    if (kinds.size() > 2) {
        Stmt q;
        if (!q.prepare(db, "SELECT record_kind, record_id, deleted, log_seq FROM log_deletions"
                           " WHERE log_seq IS NOT NULL", &error))
            return unreadable(error);
        int rc;
        while ((rc = sqlite3_step(q.handle())) == SQLITE_ROW) {
            LogRecordKind kind;
            const qint64 seq = sqlite3_column_int64(q.handle(), 3);
            if (!tombstoneKindOf(columnString(q.handle(), 0), &kind) || seq < 0 || seq >= n)
                continue; // a bad link of its own, found below
            Latest &l = logged[std::size_t(kind)][sqlite3_column_int64(q.handle(), 1)];
            if (seq > l.seq)
                l = Latest{seq, sqlite3_column_int64(q.handle(), 2) != 0};
        }
        if (rc != SQLITE_DONE) {
            fail(db, &error);
            return unreadable(error);
        }
    }

    std::vector<std::array<unsigned char, kHashLen>> stored(std::size_t(std::max<qint64>(n, 0)));
    std::vector<std::uint8_t> seen(stored.size(), 0);
    for (const LogRecordKind kind : kinds) {
        if (cancelled)
            break;
        const TableSpec &spec = specOf(kind, v5);
        const bool flagged = kind != LogRecordKind::Deletion; // a tombstone's `deleted` is content
        Stmt q;
        if (!q.prepare(db, QByteArray("SELECT log_seq, log_hash, ") + spec.idColumn
                               + (flagged ? ", deleted, rowid FROM " : ", 0, rowid FROM ") + spec.table
                               + " NOT INDEXED WHERE log_seq IS NOT NULL", &error))
            return unreadable(error);
        const auto &states = flagged ? logged[std::size_t(kind)] : logged[0];
        int rc;
        while ((rc = sqlite3_step(q.handle())) == SQLITE_ROW && tick()) {
            const qint64 seq = sqlite3_column_int64(q.handle(), 0);
            if (seq < 0) {
                note(0, VerifyResult::Problem::HashMismatch, kind, q.handle(), 2);
            } else if (seq >= n) {
                note(n, VerifyResult::Problem::HeadMismatch, kind, q.handle(), 2); // appended behind the app
            } else if (seen[seq]) {
                note(seq, VerifyResult::Problem::DuplicateIndex, kind, q.handle(), 2);
            } else {
                // The flag is bookkeeping, outside the hash: only its tombstones vouch for it.
                // Deleted with no tombstone saying so, or live when the latest one deleted it,
                // means it was flipped behind the app's back.
                if (flagged) {
                    const bool isDeleted = sqlite3_column_int64(q.handle(), 3) != 0;
                    const auto it = states.empty() ? states.end() : states.find(sqlite3_column_int64(q.handle(), 4));
                    const bool loggedDeleted = it != states.end() && it->second.deleted;
                    if (isDeleted != loggedDeleted)
                        note(seq, isDeleted ? VerifyResult::Problem::DeletedOutsideLog
                                            : VerifyResult::Problem::RestoredOutsideLog,
                             kind, q.handle(), 2, it != states.end() ? it->second.seq : -1);
                }
                seen[seq] = 1;
                if (sqlite3_column_bytes(q.handle(), 1) == kHashLen)
                    std::memcpy(stored[seq].data(), sqlite3_column_blob(q.handle(), 1), kHashLen);
                else
                    stored[seq].fill(0);
            }
        }
        if (cancelled)
            break;
        if (rc != SQLITE_DONE) {
            fail(db, &error);
            return unreadable(error);
        }
    }
    if (!cancelled) {
        const auto gap = std::find(seen.begin(), seen.end(), std::uint8_t(0));
        if (gap != seen.end()) {
            const qint64 first = qint64(gap - seen.begin());
            const auto after = std::find_if(gap, seen.end(), [](std::uint8_t v) { return v != 0; });
            if (first < bad.index) {
                bad = Bad{};
                bad.index = first;
                // Nothing after the gap: the end was cut off, which only the head shows.
                bad.problem = after == seen.end() ? VerifyResult::Problem::HeadMismatch
                                                  : VerifyResult::Problem::MissingRecord;
                bad.other = qint64(after - seen.begin()) - 1;
            }
        }
    }

    Sha256 sha;
    Message msg;
    UuidResolver refs(db);
    static const unsigned char zeros[kHashLen] = {};
    for (const LogRecordKind kind : kinds) {
        if (cancelled)
            break;
        const TableSpec &spec = specOf(kind, v5);
        Stmt q;
        if (!q.prepare(db, QByteArray("SELECT log_seq, log_hash, ") + spec.columns + " FROM " + spec.table
                               + " NOT INDEXED WHERE log_seq IS NOT NULL", &error))
            return unreadable(error);
        int rc;
        while ((rc = sqlite3_step(q.handle())) == SQLITE_ROW && tick()) {
            const qint64 seq = sqlite3_column_int64(q.handle(), 0);
            // Links at or past the first known problem cannot change the answer.
            if (seq < 0 || seq >= std::min(n, bad.index))
                continue;
            const unsigned char *previous = seq == 0 ? zeros : stored[seq - 1].data();
            msg.start(previous, spec.tag);
            msg.addRow(q.handle(), 2, spec, &refs);
            unsigned char h[kHashLen];
            if (!sha.digest(msg.data(), msg.size(), h))
                return finish(VerifyResult::Problem::Error, ActivityLog::tr("SHA-256 is not available."));
            if (sqlite3_column_bytes(q.handle(), 1) != kHashLen || std::memcmp(sqlite3_column_blob(q.handle(), 1), h, kHashLen) != 0)
                note(seq, VerifyResult::Problem::HashMismatch, kind, q.handle(), 2);
        }
        if (cancelled)
            break;
        if (rc != SQLITE_DONE) {
            fail(db, &error);
            return unreadable(error);
        }
    }
    if (cancelled)
        return finish(VerifyResult::Problem::Cancelled, ActivityLog::tr("Verification was cancelled."));
    if (bad.problem == VerifyResult::Problem::None && n > 0
        && std::memcmp(stored[n - 1].data(), head.hash.constData(), kHashLen) != 0) {
        bad.index = n - 1;
        bad.problem = VerifyResult::Problem::HeadMismatch;
    }
    if (progress)
        progress(work, work);
    res.headSeq = head.seq;
    res.headHash = head.hash;
    if (anchorSeq >= 0 && anchorSeq < n)
        res.anchorHash = QByteArray(reinterpret_cast<const char *>(stored[std::size_t(anchorSeq)].data()), kHashLen);

    if (bad.problem != VerifyResult::Problem::None) {
        res.badIndex = bad.index;
        res.kind = bad.kind;
        res.recordId = bad.id;
        res.recordsChecked = bad.index;
        const QString record = describe(bad.kind, bad.id);
        switch (bad.problem) {
        case VerifyResult::Problem::HashMismatch:
            return finish(bad.problem,
                          ActivityLog::tr("Record #%1 (%2) was altered: its content does not match its hash (the "
                                          "record was edited, or records were reordered).")
                              .arg(bad.index).arg(record));
        case VerifyResult::Problem::DeletedOutsideLog:
            if (bad.other >= 0)
                return finish(bad.problem,
                              ActivityLog::tr("Record #%1 (%2) is marked deleted, but the log restored it last "
                                              "(record #%3): it was deleted outside the app.")
                                  .arg(bad.index).arg(record).arg(bad.other));
            return finish(bad.problem,
                          ActivityLog::tr("Record #%1 (%2) is marked deleted, but no deletion was logged: it was "
                                          "deleted outside the app.")
                              .arg(bad.index).arg(record));
        case VerifyResult::Problem::RestoredOutsideLog:
            return finish(bad.problem,
                          ActivityLog::tr("Record #%1 (%2) is not marked deleted, but the log deleted it last "
                                          "(record #%3): it was restored outside the app.")
                              .arg(bad.index).arg(record).arg(bad.other));
        case VerifyResult::Problem::DuplicateIndex:
            return finish(bad.problem,
                          ActivityLog::tr("Record #%1 (%2) claims an index already taken: records were copied or "
                                          "inserted outside the app.")
                              .arg(bad.index).arg(record));
        case VerifyResult::Problem::MissingRecord:
            return finish(bad.problem, bad.other > bad.index
                                           ? ActivityLog::tr("Records #%1 to #%2 are missing: they were deleted.")
                                                 .arg(bad.index).arg(bad.other)
                                           : ActivityLog::tr("Record #%1 is missing: it was deleted.").arg(bad.index));
        default:
            break;
        }
        if (bad.index == n)
            return finish(bad.problem,
                          ActivityLog::tr("Records from #%1 on were appended outside the app (%2; the head says the "
                                          "log ends at #%3).")
                              .arg(n).arg(record).arg(head.seq));
        if (bad.other >= bad.index)
            return finish(bad.problem,
                          ActivityLog::tr("Records #%1 to #%2 are missing: the end of the log was cut off (the head "
                                          "says the log has %3 records).")
                              .arg(bad.index).arg(bad.other).arg(n));
        return finish(bad.problem,
                      ActivityLog::tr("The log head does not match record #%1: the last record or the head was "
                                      "replaced.")
                          .arg(bad.index));
    }
    res.recordsChecked = n;
    // Records with no place in the chain were written behind the app's back.
    for (const LogRecordKind kind : kinds) {
        Stmt q;
        const TableSpec &spec = specOf(kind, v5);
        if (!q.prepare(db, QByteArray("SELECT ") + spec.idColumn + " FROM " + spec.table + " WHERE log_seq IS NULL LIMIT 1", &error))
            return unreadable(error);
        if (sqlite3_step(q.handle()) == SQLITE_ROW) {
            res.kind = kind;
            res.recordId = columnString(q.handle(), 0);
            return finish(VerifyResult::Problem::Unchained,
                          ActivityLog::tr("%1 is not in the log: it was written outside the app.")
                              .arg(describe(res.kind, res.recordId)));
        }
    }
    return finish(VerifyResult::Problem::None, ActivityLog::tr("Log intact: %1 records verified.").arg(n));
}

qint64 exportHashedStream(sqlite3 *db, const QString &out, qint64 *records, QString *error)
{
    QFile file(out);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = file.errorString();
        return -1;
    }
    Message msg;
    UuidResolver refs(db);
    QByteArray previous(kHashLen, '\0');
    qint64 bytes = 0, n = 0;
    bool writeOk = true;
    const bool read = mergeScan(db, [&](Cursor &c) {
        msg.start(reinterpret_cast<const unsigned char *>(previous.constData()), c.spec->tag);
        msg.addRow(c.stmt.handle(), 2, *c.spec, &refs);
        writeOk = file.write(msg.data(), qint64(msg.size())) == qint64(msg.size());
        bytes += qint64(msg.size());
        ++n;
        // For an intact chain the stored hash is what verify() feeds into the next record.
        previous = QByteArray(static_cast<const char *>(sqlite3_column_blob(c.stmt.handle(), 1)),
                              sqlite3_column_bytes(c.stmt.handle(), 1));
        if (previous.size() != kHashLen)
            previous = QByteArray(kHashLen, '\0');
        if (!writeOk && error)
            *error = file.errorString();
        return writeOk;
    }, error);
    if (records)
        *records = n;
    return writeOk && read ? bytes : -1;
}

bool readLinks(sqlite3 *db, qint64 from, qint64 to, const std::function<bool(const LogLink &)> &visit,
               QString *error)
{
    from = std::max<qint64>(from, 0);
    if (to < from)
        return true;
    Message msg;
    UuidResolver refs(db);
    QByteArray previous(kHashLen, '\0');
    // The record before `from` is read for its stored hash only.
    qint64 expected = std::max<qint64>(from - 1, 0);
    bool ok = true;
    auto bad = [&](const QString &why) {
        ok = false;
        if (error)
            *error = why;
        return false;
    };
    const bool read = mergeScan(db, [&](Cursor &c) {
        if (c.seq > to)
            return false;
        if (c.seq < expected)
            return bad(ActivityLog::tr("Record #%1 of the log appears twice (%2).").arg(c.seq).arg(
                describe(c.kind, columnString(c.stmt.handle(), 2))));
        if (c.seq > expected)
            return bad(ActivityLog::tr("Record #%1 is missing from the log.").arg(expected));
        if (sqlite3_column_bytes(c.stmt.handle(), 1) != kHashLen)
            return bad(ActivityLog::tr("Record #%1 of the log (%2) has no valid hash.").arg(c.seq).arg(
                describe(c.kind, columnString(c.stmt.handle(), 2))));
        const QByteArray hash(static_cast<const char *>(sqlite3_column_blob(c.stmt.handle(), 1)), kHashLen);
        if (c.seq >= from) {
            msg.start(reinterpret_cast<const unsigned char *>(previous.constData()), c.spec->tag);
            msg.addRow(c.stmt.handle(), 2, *c.spec, &refs);
            const LogLink link{c.seq, previous, hash,
                               QByteArray(msg.data() + kPrefixLen, qsizetype(msg.size()) - kPrefixLen)};
            if (!visit(link)) {
                expected = to + 1; // stopped on purpose: nothing is missing
                return false;
            }
        }
        previous = hash;
        ++expected;
        return true;
    }, error, std::max<qint64>(from - 1, 0));
    if (!read || !ok)
        return false;
    if (expected <= to)
        return bad(ActivityLog::tr("Record #%1 is missing from the log.").arg(expected));
    return true;
}

} // namespace logchain
} // namespace cockpit::storage

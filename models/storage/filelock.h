#pragma once
// The single-writer lock of a database file, keyed by the file's identity rather than its
// name: an exclusive flock(2) on the database file itself. A hard link or a symlink reaches
// the same inode and so the same lock; the kernel drops it when the holding process ends,
// however it ends (kill -9 included), so a lock can never go stale. A small note beside the
// file ("<file>.lock": process, host, program) only names the holder in messages; it is
// never what decides.
#include <QString>

namespace cockpit::storage {

struct LockHolder
{
    qint64 pid = 0;      // 0 when not known
    QString host;        // empty when not known
    QString program;     // e.g. "sales-cockpit"
    bool thisHost = true;
};

class FileLock
{
public:
    enum class Result { Acquired, Busy, Failed };

    FileLock() = default;
    ~FileLock();
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;

    // Locks the regular file at `path`, retrying for up to `waitMs` while another process
    // holds it. On Failed, `error` holds errno (EACCES, ENOSPC, …).
    Result acquire(const QString &path, int waitMs, int *error = nullptr);
    void release();
    bool isLocked() const { return m_fd >= 0; }

    // Who holds the lock on `path` now: the kernel's lock table (/proc/locks) first, which
    // also finds a holder that reached the file through another name, then the note.
    static LockHolder holder(const QString &path);
    static QString notePath(const QString &path);

private:
    int m_fd = -1;
    QString m_note;
};

} // namespace cockpit::storage

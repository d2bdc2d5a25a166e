#include "storage/filelock.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <QThread>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace cockpit::storage {

FileLock::~FileLock()
{
    release();
}

QString FileLock::notePath(const QString &path)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    return (canonical.isEmpty() ? QFileInfo(path).absoluteFilePath() : canonical) + QStringLiteral(".lock");
}

FileLock::Result FileLock::acquire(const QString &path, int waitMs, int *error)
{
    release();
    auto failed = [error](int e) {
        if (error)
            *error = e;
        return Result::Failed;
    };
    // Closing any descriptor of a file drops every POSIX lock this process holds on it, SQLite's
    // included: when this process already holds the file, say so without opening it again.
    if (holder(path).pid == QCoreApplication::applicationPid())
        return Result::Busy;
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the file type is checked next.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return failed(errno);
    struct stat st = {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const int e = errno ? errno : EINVAL;
        ::close(fd);
        return failed(S_ISREG(st.st_mode) ? e : EINVAL);
    }
    const QDeadlineTimer deadline(waitMs);
    for (;;) {
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0)
            break;
        const int e = errno;
        if (e == EINTR)
            continue;
        if (e != EWOULDBLOCK) {
            ::close(fd);
            return failed(e);
        }
        if (deadline.hasExpired()) {
            ::close(fd);
            return Result::Busy;
        }
        QThread::msleep(50);
    }
    m_fd = fd;
    // The note is a courtesy for messages; without it (a full disk, say) the lock still holds.
    m_note = notePath(path);
    QFile note(m_note);
    if (note.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        note.write(QByteArray::number(QCoreApplication::applicationPid()) + '\n'
                   + QCoreApplication::applicationName().toUtf8() + '\n'
                   + QSysInfo::machineHostName().toUtf8() + '\n');
        if (!note.flush())
            note.remove();
    }
    return Result::Acquired;
}

void FileLock::release()
{
    if (m_fd < 0)
        return;
    // The note goes first, while the lock still keeps any other writer of it out.
    QFile note(m_note);
    if (note.open(QIODevice::ReadOnly)
        && note.readLine().trimmed().toLongLong() == QCoreApplication::applicationPid()) {
        note.close();
        note.remove();
    }
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
    m_fd = -1;
}

LockHolder FileLock::holder(const QString &path)
{
    LockHolder h;
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) == 0) {
        // Lines look like "1: FLOCK  ADVISORY  WRITE 4242 fe:01:1311 0 EOF" (device in hex).
        QFile locks(QStringLiteral("/proc/locks"));
        if (locks.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : locks.readAll().split('\n')) {
                const QList<QByteArray> f = line.simplified().split(' ');
                if (f.size() < 6 || f.at(1) != "FLOCK")
                    continue;
                const QList<QByteArray> id = f.at(5).split(':');
                if (id.size() != 3)
                    continue;
                bool ok1 = false, ok2 = false, ok3 = false;
                const uint maj = id.at(0).toUInt(&ok1, 16);
                const uint min = id.at(1).toUInt(&ok2, 16);
                const qulonglong ino = id.at(2).toULongLong(&ok3);
                if (ok1 && ok2 && ok3 && maj == major(st.st_dev) && min == minor(st.st_dev) && ino == st.st_ino) {
                    h.pid = f.at(4).toLongLong();
                    QFile comm(QStringLiteral("/proc/%1/comm").arg(h.pid));
                    if (comm.open(QIODevice::ReadOnly))
                        h.program = QString::fromUtf8(comm.readAll().trimmed());
                    h.host = QSysInfo::machineHostName();
                    return h;
                }
            }
        }
    }
    // Not in this machine's table: a holder on another computer (a shared folder) may have
    // left its note.
    QFile note(notePath(path));
    if (note.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = note.read(4096).split('\n');
        h.pid = lines.value(0).trimmed().toLongLong();
        h.program = QString::fromUtf8(lines.value(1).trimmed());
        h.host = QString::fromUtf8(lines.value(2).trimmed());
        h.thisHost = h.host.isEmpty() || h.host == QSysInfo::machineHostName();
        if (h.thisHost)
            h = LockHolder{}; // a note from this machine without a lock is a leftover
    }
    return h;
}

} // namespace cockpit::storage

#include "storage/filecheck.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace cockpit::storage {

namespace {
quint32 be32(const unsigned char *p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}
} // namespace

FileProblem writeProblem(const QString &path)
{
    const QFileInfo info(path);
    struct statvfs vfs = {};
    const QByteArray folder = QFile::encodeName(info.absolutePath());
    if (::statvfs(folder.constData(), &vfs) == 0) {
        if (vfs.f_flag & ST_RDONLY)
            return FileProblem::ReadOnlyVolume;
        if (qint64(vfs.f_bavail) * qint64(vfs.f_frsize) < kMinFreeBytes)
            return FileProblem::DiskFull;
    }
    // The owner's write bit counts too: a file marked read-only stays untouched even for
    // root, whom access(2) would let write anyway.
    if (info.exists()) {
        const bool ownerMarkedReadOnly = info.ownerId() == ::getuid()
                                         && !(info.permissions() & QFileDevice::WriteOwner);
        if (!info.isWritable() || ownerMarkedReadOnly)
            return FileProblem::ReadOnly;
    }
    // WAL mode and the lock note need to write next to the database as well.
    if (::access(folder.constData(), W_OK | X_OK) != 0)
        return FileProblem::ReadOnlyFolder;
    return FileProblem::None;
}

FileCheck checkFile(const QString &path, bool needWrite)
{
    FileCheck result;
    const QFileInfo info(path);
    // stat(2) before anything opens it: a FIFO would block the open, a device is not ours.
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        result.problem = errno == EACCES ? FileProblem::NotReadable : FileProblem::Missing;
        return result;
    }
    if (S_ISDIR(st.st_mode)) {
        result.problem = FileProblem::IsDirectory;
        return result;
    }
    if (!S_ISREG(st.st_mode)) {
        result.problem = FileProblem::NotRegular;
        return result;
    }
    result.size = info.size();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.problem = FileProblem::NotReadable;
        return result;
    }
    if (result.size == 0) {
        result.problem = FileProblem::Empty;
        return result;
    }

    const QByteArray header = file.read(100);
    static const char magic[] = "SQLite format 3";
    if (header.size() < 16 || header.left(16) != QByteArray(magic, 16)) {
        result.problem = FileProblem::NotSqlite;
        return result;
    }
    if (header.size() < 100) {
        result.problem = FileProblem::Truncated;
        return result;
    }
    const auto *h = reinterpret_cast<const unsigned char *>(header.constData());
    int pageSize = (h[16] << 8) | h[17];
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0) {
        result.problem = FileProblem::NotSqlite;
        return result;
    }
    result.pageSize = pageSize;
    // The in-header page count is valid when "version-valid-for" equals the change counter.
    const quint32 changeCounter = be32(h + 24);
    const quint32 validFor = be32(h + 92);
    if (changeCounter == validFor)
        result.headerPages = be32(h + 28);
    // With frames in the write-ahead log, a file shorter than its header says is a checkpoint
    // that a crash interrupted after copying page 1 and before the pages that grow the file:
    // the WAL still holds them all, and SQLite finishes the checkpoint on the next open (the
    // kill -9 harness met it). Only without a WAL is it a truncated file.
    const bool walHasFrames = QFileInfo(path + QStringLiteral("-wal")).size() > 32;
    if (result.size % pageSize != 0
        || (!walHasFrames && result.headerPages > 0 && result.size < result.headerPages * qint64(pageSize))) {
        result.problem = FileProblem::Truncated;
        return result;
    }
    if (needWrite)
        result.problem = writeProblem(path);
    if (needWrite && result.problem == FileProblem::DiskFull) {
        struct statvfs vfs = {};
        if (::statvfs(QFile::encodeName(info.absolutePath()).constData(), &vfs) == 0)
            result.freeBytes = qint64(vfs.f_bavail) * qint64(vfs.f_frsize);
    }
    return result;
}

} // namespace cockpit::storage

#include "filecheck.h"

#include <QFile>
#include <QFileInfo>

#include <unistd.h>

namespace cockpit::storage {

namespace {
quint32 be32(const unsigned char *p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}
} // namespace

FileCheck checkFile(const QString &path, bool needWrite)
{
    FileCheck result;
    const QFileInfo info(path);
    if (!info.exists()) {
        result.problem = FileProblem::Missing;
        return result;
    }
    if (info.isDir()) {
        result.problem = FileProblem::IsDirectory;
        return result;
    }
    result.size = info.size();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.problem = FileProblem::NotReadable;
        return result;
    }
    if (result.size == 0) // an empty file is a valid, empty SQLite database
        return needWrite && !info.isWritable() ? FileCheck{FileProblem::ReadOnly, 0, 0, 0} : result;

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
    if (result.size % pageSize != 0
        || (result.headerPages > 0 && result.size < result.headerPages * qint64(pageSize))) {
        result.problem = FileProblem::Truncated;
        return result;
    }
    if (needWrite) {
        const QFileInfo dir(info.absolutePath());
        // WAL mode and the lock file need to write next to the database as well.
        // The owner's write bit counts too: a file marked read-only stays untouched even for
        // root, whom access(2) would let write anyway.
        const bool ownerMarkedReadOnly = info.ownerId() == ::getuid()
                                         && !(info.permissions() & QFileDevice::WriteOwner);
        if (!info.isWritable() || ownerMarkedReadOnly || !dir.isWritable()) {
            result.problem = FileProblem::ReadOnly;
            return result;
        }
    }
    return result;
}

} // namespace cockpit::storage

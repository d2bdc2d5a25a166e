#pragma once
// Looks at a database file before SQLite touches it, so a bad file gets a precise message
// and is never modified: a directory, a FIFO or device, empty, not SQLite, truncated,
// unreadable, read-only (the file, its folder or the whole volume), or a full disk.
#include <QString>

namespace cockpit::storage {

enum class FileProblem {
    None,
    Missing,
    IsDirectory,
    NotRegular,     // a FIFO, socket or device: never opened (a FIFO would block)
    Empty,          // 0 bytes: SQLite would take it for a new database
    NotReadable,    // no permission to read
    ReadOnly,       // the file itself has no write permission
    ReadOnlyFolder, // the folder does not let us create the journal or lock note
    ReadOnlyVolume, // mounted read-only
    DiskFull,       // less free space than a commit needs
    NotSqlite,
    Truncated,
};

struct FileCheck
{
    FileProblem problem = FileProblem::None;
    qint64 size = 0;
    int pageSize = 0;
    qint64 headerPages = 0; // page count the header claims (0 when not known)
    qint64 freeBytes = -1;  // free space on the volume, when asked for write
};

// Below this much free space a writer is refused: a commit with its WAL frames and
// checkpoint needs room, and failing half-way is worse than not starting.
constexpr qint64 kMinFreeBytes = 4 * 1024 * 1024;

// Reads only the 100-byte header and the file's metadata; never opens it for writing.
FileCheck checkFile(const QString &path, bool needWrite);
// Whether a writer could work on `path` (existing or about to be created): read-only
// volume, full disk, read-only file, read-only folder, or None.
FileProblem writeProblem(const QString &path);

} // namespace cockpit::storage

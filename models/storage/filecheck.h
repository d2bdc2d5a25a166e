#pragma once
// Looks at a database file before SQLite touches it, so a bad file gets a precise message
// and is never modified: a directory, not SQLite, truncated, unreadable or read-only.
#include <QString>

namespace cockpit::storage {

enum class FileProblem {
    None,
    Missing,
    IsDirectory,
    NotReadable,
    ReadOnly,
    NotSqlite,
    Truncated,
};

struct FileCheck
{
    FileProblem problem = FileProblem::None;
    qint64 size = 0;
    int pageSize = 0;
    qint64 headerPages = 0; // page count the header claims (0 when not known)
};

// Reads only the 100-byte header and the file's metadata; never opens it for writing.
FileCheck checkFile(const QString &path, bool needWrite);

} // namespace cockpit::storage

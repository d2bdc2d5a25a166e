#pragma once
// Helpers shared by the files of the Database class (database.cpp, databasemessages.cpp,
// integrity.cpp, repair.cpp); not part of the storage API.
#include "storage/database.h"
#include "storage/filecheck.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

namespace cockpit::storage::detail {

// The value of `PRAGMA name` (which may set it, e.g. "journal_mode = WAL"); invalid with
// *error on failure.
QVariant pragma(QSqlDatabase db, const QString &name, QString *error = nullptr);
// "Open another file, or create a new demo database." (translated): a refusal's last words.
QString nextSteps();
// The OpenError a file check's finding is reported as.
OpenError openErrorOf(FileProblem problem);
// A QSqlDatabase connection name unique in this process ("prefix-N"); safe from any thread.
QString connectionName(const char *prefix);

} // namespace cockpit::storage::detail

#pragma once
// Helpers shared by the files of the Database class (database.cpp, integrity.cpp,
// repair.cpp); not part of the storage API.
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

namespace cockpit::storage::detail {

// The value of `PRAGMA name` (which may set it, e.g. "journal_mode = WAL"); invalid with
// *error on failure.
QVariant pragma(QSqlDatabase db, const QString &name, QString *error = nullptr);
// A QSqlDatabase connection name unique in this process ("prefix-N"); safe from any thread.
QString connectionName(const char *prefix);

} // namespace cockpit::storage::detail

#pragma once
// Schema creation and the migration ladder (STYLE.md): while (version < current)
// migrateTo(version + 1), each step in one transaction, the version written last, a
// backup copy taken first.
#include <QString>

class QSqlDatabase;

namespace cockpit::storage {

// Creates the newest schema in an empty database, seeds the pipeline templates, sets
// application_id and user_version. One transaction.
bool createSchema(QSqlDatabase db, QString *error);

// Copies the database with VACUUM INTO next to it as "<file>.v<from>.bak" (a numbered
// suffix when that exists). Returns the backup path, empty on failure.
QString backupBeforeMigration(QSqlDatabase db, const QString &path, int fromVersion,
                              QString *error);

// Migrates one step, from version - 1 to version, in one transaction.
bool migrateTo(QSqlDatabase db, int version, QString *error);

// Writes the shipped pipeline templates (cockpit::pipelineTemplates()); `now` in epoch seconds.
bool seedPipelineTemplates(QSqlDatabase db, qint64 now, QString *error);

} // namespace cockpit::storage

#pragma once
// Internal to the importer: a planned row as the columns it writes, shared by the planner
// (which compares them with a row already in the file, to tell updated from unchanged) and the
// writer (which inserts or updates them).
#include "imports/importplan.h"

#include <QStringList>
#include <QVariant>

struct sqlite3;

#include <vector>

namespace cockpit::imports::detail {

struct ColumnValue
{
    const char *column;
    const char *field;      // the mapping field it comes from ("" = always written)
    QVariant value;         // when ref is unset
    RowRef ref;             // a reference to another row
    const char *refKind = nullptr; // "regions", "cities", "teams", "users", "products", "customers"
};

// The columns of a planned row of `table` ("users", "products", "customers", "leads"), without
// the bookkeeping ones (uuid, updated_at, row_version, deleted). `given` lists the fields the
// row's file gave a value (Update writes only those; Replace and Create write all).
std::vector<ColumnValue> columnsOf(const ImportPlan &plan, const char *table, int index);

// Whether an update compares and writes column `c` of a row of `entity` that gave the fields
// in `given` (~0u: every field, Replace). Never a name: it is what the row was matched by
// ("Acme" is "Acme Inc."), so an import never renames.
bool updatesColumn(Entity entity, const ColumnValue &c, quint32 given);

// A bulk load: the indexes of `tables` (as the latest schema creates them) dropped before many
// rows are inserted and built again after, inside the caller's transaction — keeping a dozen
// indexes current row by row is most of such a write. Returns the CREATE statements to run
// after the rows; *error (and an empty list) when a drop fails. No statement may be reading.
QStringList dropIndexesForBulkLoad(sqlite3 *db, const QStringList &tables, QString *error);

} // namespace cockpit::imports::detail

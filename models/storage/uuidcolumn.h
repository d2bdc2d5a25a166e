#pragma once
// A row's global id as the file keeps it (schema v5, storage/keys.h): 16 bytes for a UUID,
// and the canonical text everything outside the file speaks. At the sqlite3 level (no Qt
// SQL), so the log chain and the demo generator share it.
#include <QByteArray>
#include <QString>
#include <QStringView>

struct sqlite3;

namespace cockpit::storage {

// The `uuid` column value for a global id: 16 bytes when `text` is a canonical UUID (either
// case), otherwise the text's UTF-8 bytes, kept as they are.
QByteArray uuidColumnValue(QStringView text);

// The canonical text of a `uuid` column value: 8-4-4-4-12 lowercase hex for 16 bytes, the
// bytes as UTF-8 text otherwise. `out` must hold 36 bytes; returns the length written, or
// -1 when a non-UUID value is longer than 36 bytes (then use uuidText()).
int formatUuid(const unsigned char *data, int size, char *out);
QString uuidText(const QByteArray &columnValue);

// SQL functions on a connection: cockpit_uuid(text) → column value, cockpit_uuid_text(value)
// → canonical text; and for times (domain/times.h, storage/TIMES_V6.md) cockpit_iso(x) /
// cockpit_date(x) (an integer time as ISO text) and cockpit_secs(text) / cockpit_day(text)
// (ISO text in the file's form: unchanged until schema v6 stores integers). Every
// connection openConnection() opens has them.
bool registerKeyFunctions(sqlite3 *db);

} // namespace cockpit::storage

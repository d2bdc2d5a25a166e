#include "storage/uuidcolumn.h"

#include "domain/times.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>

namespace cockpit::storage {

namespace {

int hexValue(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

bool isDashAt(int i) { return i == 8 || i == 13 || i == 18 || i == 23; }

// 16 bytes from canonical UUID text, or false.
bool parseUuid(QStringView t, unsigned char *out)
{
    if (t.size() != 36)
        return false;
    int n = 0;
    for (int i = 0; i < 36; ++i) {
        if (isDashAt(i)) {
            if (t[i] != u'-')
                return false;
            continue;
        }
        const int hi = hexValue(t[i].unicode());
        const int lo = i + 1 < 36 ? hexValue(t[i + 1].unicode()) : -1;
        if (hi < 0 || lo < 0)
            return false;
        out[n++] = static_cast<unsigned char>(hi * 16 + lo);
        ++i;
    }
    return n == 16;
}

void sqlUuid(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    if (sqlite3_value_type(argv[0]) == SQLITE_BLOB) {
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    const int size = sqlite3_value_bytes(argv[0]);
    const QByteArray v = uuidColumnValue(QString::fromUtf8(text, size));
    if (v.size() == 16 && size == 36)
        sqlite3_result_blob(ctx, v.constData(), 16, SQLITE_TRANSIENT);
    else
        sqlite3_result_text(ctx, text, size, SQLITE_TRANSIENT);
}

void sqlUuidText(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    const auto *data = static_cast<const unsigned char *>(sqlite3_value_blob(argv[0]));
    const int size = sqlite3_value_bytes(argv[0]);
    char buf[36];
    const int n = formatUuid(data, size, buf);
    if (n >= 0)
        sqlite3_result_text(ctx, buf, n, SQLITE_TRANSIENT);
    else
        sqlite3_result_text(ctx, reinterpret_cast<const char *>(data), size, SQLITE_TRANSIENT);
}

} // namespace

QByteArray uuidColumnValue(QStringView text)
{
    unsigned char b[16];
    if (parseUuid(text, b))
        return QByteArray(reinterpret_cast<const char *>(b), 16);
    return text.toUtf8();
}

int formatUuid(const unsigned char *data, int size, char *out)
{
    static const char digits[] = "0123456789abcdef";
    if (size == 16 && data) {
        int n = 0;
        for (int i = 0; i < 16; ++i) {
            if (i == 4 || i == 6 || i == 8 || i == 10)
                out[n++] = '-';
            out[n++] = digits[data[i] >> 4];
            out[n++] = digits[data[i] & 15];
        }
        return n;
    }
    if (size > 36)
        return -1;
    if (size > 0 && data)
        std::memcpy(out, data, std::size_t(size));
    return size;
}

QString uuidText(const QByteArray &columnValue)
{
    char buf[36];
    const int n = formatUuid(reinterpret_cast<const unsigned char *>(columnValue.constData()),
                             int(columnValue.size()), buf);
    return n >= 0 ? QString::fromLatin1(buf, n) : QString::fromUtf8(columnValue);
}

namespace {
// cockpit_iso(x) / cockpit_date(x): an integer time as its ISO text; anything else as it is.
void sqlIso(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) != SQLITE_INTEGER) {
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    const bool date = sqlite3_user_data(ctx) != nullptr;
    char buf[20];
    const qint64 v = sqlite3_value_int64(argv[0]);
    const int n = date ? times::formatIsoDate(v, buf) : times::formatIsoTime(v, buf);
    sqlite3_result_text(ctx, buf, n, SQLITE_TRANSIENT);
}

// cockpit_secs(x) / cockpit_day(x): ISO text in the file's form (times::kIntegerTimes):
// unchanged while times are text; epoch seconds / a day number once they are integers
// ('' and NULL give NULL, other text is an error naming it).
void sqlSecs(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const int type = sqlite3_value_type(argv[0]);
    if (!times::kIntegerTimes || type == SQLITE_INTEGER || type == SQLITE_NULL) {
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    const bool date = sqlite3_user_data(ctx) != nullptr;
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    int size = sqlite3_value_bytes(argv[0]);
    if (size == 0) {
        sqlite3_result_null(ctx);
        return;
    }
    qint64 secs = 0;
    if (date && size > 10)
        size = 10;
    if (!times::parseIso(text, size, &secs)) {
        const QByteArray message = "not an ISO time: " + QByteArray(text, std::min(size, 60));
        sqlite3_result_error(ctx, message.constData(), int(message.size()));
        return;
    }
    sqlite3_result_int64(ctx, date ? times::dayOf(secs) : secs);
}
} // namespace

bool registerKeyFunctions(sqlite3 *db)
{
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    static char dateTag = 1; // user data: non-null = the date flavour
    return db
           && sqlite3_create_function_v2(db, "cockpit_uuid", 1, flags, nullptr, sqlUuid, nullptr, nullptr, nullptr) == SQLITE_OK
           && sqlite3_create_function_v2(db, "cockpit_uuid_text", 1, flags, nullptr, sqlUuidText, nullptr, nullptr, nullptr) == SQLITE_OK
           && sqlite3_create_function_v2(db, "cockpit_iso", 1, flags, nullptr, sqlIso, nullptr, nullptr, nullptr) == SQLITE_OK
           && sqlite3_create_function_v2(db, "cockpit_date", 1, flags, &dateTag, sqlIso, nullptr, nullptr, nullptr) == SQLITE_OK
           && sqlite3_create_function_v2(db, "cockpit_secs", 1, flags, nullptr, sqlSecs, nullptr, nullptr, nullptr) == SQLITE_OK
           && sqlite3_create_function_v2(db, "cockpit_day", 1, flags, &dateTag, sqlSecs, nullptr, nullptr, nullptr) == SQLITE_OK;
}

} // namespace cockpit::storage

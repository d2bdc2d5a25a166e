#include "storage/uuidcolumn.h"

#include <sqlite3.h>

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

bool registerKeyFunctions(sqlite3 *db)
{
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    return db
           && sqlite3_create_function_v2(db, "cockpit_uuid", 1, flags, nullptr, sqlUuid, nullptr, nullptr, nullptr) == SQLITE_OK
           && sqlite3_create_function_v2(db, "cockpit_uuid_text", 1, flags, nullptr, sqlUuidText, nullptr, nullptr, nullptr) == SQLITE_OK;
}

} // namespace cockpit::storage

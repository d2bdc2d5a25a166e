// libFuzzer target for the CSV reader (io/csvreader.h), built with clang, ASan and UBSan by
// `tests/fuzz/run-fuzz.sh` (the bench runs it for 1 000 000 inputs). The first byte picks the
// options (given or detected encoding and delimiter, tiny limits so that every path is
// reached); the rest is the file. Besides "no crash, no leak, no undefined behaviour" it checks
// what a caller relies on: records come in line order, a record's lines are its own, progress
// never passes the size, and reading ends.
#include "io/csvreader.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace cockpit::io;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const uint8_t pick = data[0];
    CsvOptions o;
    switch (pick & 7) {
    case 1: o.encoding = TextEncoding::Utf8; break;
    case 2: o.encoding = TextEncoding::Gb18030; break;
    case 3: o.encoding = TextEncoding::Utf16LE; break;
    case 4: o.encoding = TextEncoding::Utf16BE; break;
    default: break; // detected
    }
    if (pick & 8)
        o.delimiter = (pick & 16) ? QChar(u';') : QChar(u',');
    if (pick & 32)
        o.maxCellChars = 7;
    if (pick & 64)
        o.maxQuotedLines = 2;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    CsvReader r;
    if (!r.openData(bytes, o)) {
        if (r.error().isEmpty())
            std::abort(); // a refusal always says why
        return 0;
    }
    CsvRecord rec;
    qint64 lastLine = 0, records = 0;
    while (r.next(rec)) {
        if (rec.line <= lastLine && rec.error.isEmpty())
            std::abort(); // out of order (after an open quote reading resumes at the next line)
        if (rec.lastLine < rec.line)
            std::abort();
        if (rec.error.isEmpty() && rec.fields.isEmpty())
            std::abort(); // a good record has at least one field
        if (r.bytesRead() > r.size())
            std::abort();
        if (rec.fields.size() > 0 && rec.longField >= rec.fields.size())
            std::abort();
        lastLine = rec.line;
        if (++records > qint64(size) + 1)
            std::abort(); // more records than bytes: it would never end
    }
    return 0;
}

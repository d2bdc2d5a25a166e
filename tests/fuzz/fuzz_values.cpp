// libFuzzer target for the date and money parsers of imports (io/values.h); see run-fuzz.sh.
// The input is a cell's text (as UTF-8). Besides "no crash, no undefined behaviour": a date
// given back is a real day between 1900 and 2100, and every refusal says why.
#include "io/values.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace cockpit::io;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    for (DayOrder order : {DayOrder::MonthFirst, DayOrder::DayFirst})
        for (bool date1904 : {false, true}) {
            QString why;
            const std::optional<QDate> d = Values::parseDate(text, order, &why, date1904);
            if (d && (!d->isValid() || d->year() < 1900 || d->year() > 2100))
                std::abort();
            if (!d && why.isEmpty())
                std::abort();
        }
    QString why;
    const std::optional<qint64> cents = Values::parseMoneyCents(text, &why);
    if (!cents && why.isEmpty())
        std::abort();
    (void)Values::halfWidth(text);
    return 0;
}

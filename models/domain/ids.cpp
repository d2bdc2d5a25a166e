#include "domain/ids.h"

#include <QRandomGenerator>
#include <QTimeZone>
#include <QUuid>

namespace cockpit {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

namespace {
void formatUuid(std::uint64_t hi, std::uint64_t lo, char *buf)
{
    static const char hex[] = "0123456789abcdef";
    int p = 0;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20)
            buf[p++] = '-';
        const std::uint64_t word = i < 16 ? hi : lo;
        const int shift = 60 - 4 * (i % 16);
        buf[p++] = hex[(word >> shift) & 0xF];
    }
}

QString formatUuid(std::uint64_t hi, std::uint64_t lo)
{
    char buf[36];
    formatUuid(hi, lo, buf);
    return QString::fromLatin1(buf, 36);
}
} // namespace

QString idFromBits(std::uint64_t hi, std::uint64_t lo)
{
    // Set version 4 and the RFC 4122 variant so the id looks like any other v4 UUID.
    hi = (hi & 0xFFFFFFFFFFFF0FFFull) | 0x0000000000004000ull;
    lo = (lo & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;
    return formatUuid(hi, lo);
}

void newTimeOrderedId(char *out)
{
    // unix_ts_ms (48 bits) | version 7 (4) | rand_a (12) ; variant 10 (2) | rand_b (62).
    const auto ms = std::uint64_t(QDateTime::currentMSecsSinceEpoch()) & 0xFFFFFFFFFFFFull;
    QRandomGenerator *random = QRandomGenerator::global();
    const std::uint64_t hi = (ms << 16) | 0x7000ull | (random->generate64() & 0x0FFFull);
    const std::uint64_t lo = (random->generate64() & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;
    formatUuid(hi, lo, out);
}

QString newTimeOrderedId()
{
    char buf[36];
    newTimeOrderedId(buf);
    return QString::fromLatin1(buf, 36);
}

QString toIsoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QDateTime fromIsoUtc(const QString &s)
{
    QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime && !s.endsWith(QLatin1Char('Z')))
        t.setTimeZone(QTimeZone::utc());
    return t.toUTC();
}

QString nowIsoUtc()
{
    return toIsoUtc(QDateTime::currentDateTimeUtc());
}

} // namespace cockpit

#include "domain/localdates.h"

namespace cockpit {

QString shortDateFormat(const QLocale &locale)
{
    const QString format = locale.dateFormat(QLocale::ShortFormat);
    if (format.contains(QLatin1String("yyyy")))
        return format;
    return QStringLiteral("yyyy-MM-dd");
}

QString shortDate(const QDate &date, const QLocale &locale)
{
    return date.isValid() ? locale.toString(date, shortDateFormat(locale)) : QString();
}

QString shortDateTime(const QDateTime &at, const QLocale &locale)
{
    if (!at.isValid())
        return {};
    return shortDate(at.date(), locale) + QLatin1Char(' ') + locale.toString(at.time(), QLocale::ShortFormat);
}

} // namespace cockpit

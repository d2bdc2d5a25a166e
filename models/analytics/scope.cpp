#include "analytics/scope.h"

#include "analytics/query.h"
#include "domain/localdates.h"
#include "domain/times.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace cockpit::analytics {

namespace {
QDate quarterStart(QDate d) { return QDate(d.year(), ((d.month() - 1) / 3) * 3 + 1, 1); }
} // namespace

Period Period::week(QDate d)
{
    const QDate monday = d.addDays(1 - d.dayOfWeek());
    return {PeriodKind::Week, monday, monday.addDays(6)};
}

Period Period::month(QDate d)
{
    const QDate first(d.year(), d.month(), 1);
    return {PeriodKind::Month, first, first.addMonths(1).addDays(-1)};
}

Period Period::quarter(QDate d)
{
    const QDate first = quarterStart(d);
    return {PeriodKind::Quarter, first, first.addMonths(3).addDays(-1)};
}

Period Period::custom(QDate first, QDate last)
{
    return {PeriodKind::Custom, first, last};
}

Period Period::year(QDate d)
{
    return {PeriodKind::Year, QDate(d.year(), 1, 1), QDate(d.year(), 12, 31)};
}

Period Period::yearToDate(QDate upTo)
{
    return {PeriodKind::YearToDate, QDate(upTo.year(), 1, 1), upTo};
}

namespace {
// The same calendar day `years` later; 29 February becomes 28 February in a common year.
QDate sameDay(QDate d, int years)
{
    const QDate out(d.year() + years, d.month(), d.day());
    return out.isValid() ? out : QDate(d.year() + years, d.month(), 28);
}
} // namespace

Period Period::containing(PeriodKind kind, QDate d)
{
    switch (kind) {
    case PeriodKind::Week: return week(d);
    case PeriodKind::Month: return month(d);
    case PeriodKind::Quarter: return quarter(d);
    case PeriodKind::Year: return year(d);
    case PeriodKind::YearToDate: return yearToDate(d);
    case PeriodKind::Custom: break;
    }
    return custom(d, d);
}

Period Period::previous() const
{
    switch (kind) {
    case PeriodKind::Week: return week(first.addDays(-7));
    case PeriodKind::Month: return month(first.addMonths(-1));
    case PeriodKind::Quarter: return quarter(first.addMonths(-3));
    case PeriodKind::Year: return year(first.addYears(-1));
    case PeriodKind::YearToDate: return yearToDate(sameDay(last, -1));
    case PeriodKind::Custom: break;
    }
    return custom(first.addDays(-days()), first.addDays(-1));
}

Period Period::next() const
{
    switch (kind) {
    case PeriodKind::Week: return week(first.addDays(7));
    case PeriodKind::Month: return month(first.addMonths(1));
    case PeriodKind::Quarter: return quarter(first.addMonths(3));
    case PeriodKind::Year: return year(first.addYears(1));
    case PeriodKind::YearToDate: return yearToDate(sameDay(last, 1));
    case PeriodKind::Custom: break;
    }
    return custom(last.addDays(1), last.addDays(days()));
}

QString companyDayStartUtc(QDate day)
{
    const QDateTime local(day, QTime(0, 0), QTimeZone(kDayOffsetMinutes * 60));
    return local.toUTC().toString(Qt::ISODate);
}

QDate companyDay(const QString &utcIso)
{
    QDateTime t = QDateTime::fromString(utcIso, Qt::ISODate);
    if (!t.isValid())
        return {};
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC); // stored timestamps are UTC
    t = t.toUTC();
    return t.addSecs(qint64(kDayOffsetMinutes) * 60).date();
}

bool utcSecs(const QString &utcIso, qint64 *secs)
{
    QDateTime t = QDateTime::fromString(utcIso, Qt::ISODate);
    if (!t.isValid())
        return false;
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC); // stored timestamps are UTC
    *secs = t.toSecsSinceEpoch();
    return true;
}

QString Period::startUtc() const { return companyDayStartUtc(first); }
QString Period::endUtc() const { return companyDayStartUtc(last.addDays(1)); }
qint64 Period::startSecs() const { return companyDayStart(first); }
qint64 Period::endSecs() const { return companyDayStart(last.addDays(1)); }

qint64 companyDayStart(QDate day)
{
    return dayNumber(day) * times::kDay - qint64(kDayOffsetMinutes) * 60;
}

QVariant dateParam(QDate d)
{
    return d.isValid() ? times::dayParam(dayNumber(d)) : QVariant();
}

qint64 companyDayNumber(qint64 secs)
{
    return times::floorDiv(secs + qint64(kDayOffsetMinutes) * 60, times::kDay);
}

QDate companyDayOf(qint64 secs)
{
    return dayDate(companyDayNumber(secs));
}

QString companyDaySql(const QString &column)
{
    return QStringLiteral("(%1 + %2) / %3").arg(column).arg(qint64(kDayOffsetMinutes) * 60).arg(times::kDay);
}

QString Period::key() const
{
    switch (kind) {
    case PeriodKind::Week:
        return QStringLiteral("%1-W%2").arg(first.addDays(3).year()).arg(first.weekNumber(), 2, 10, QLatin1Char('0'));
    case PeriodKind::Month:
        return first.toString(QStringLiteral("yyyy-MM"));
    case PeriodKind::Quarter:
        return QStringLiteral("%1-Q%2").arg(first.year()).arg((first.month() - 1) / 3 + 1);
    case PeriodKind::Year:
        return QString::number(first.year());
    case PeriodKind::YearToDate:
        return QStringLiteral("%1-ytd-%2").arg(first.year()).arg(last.toString(QStringLiteral("MM-dd")));
    case PeriodKind::Custom: break;
    }
    return first.toString(Qt::ISODate) + QStringLiteral("..") + last.toString(Qt::ISODate);
}

QString Period::label() const
{
    const QLocale locale;
    switch (kind) {
    case PeriodKind::Week:
        return QCoreApplication::translate("cockpit::analytics::Period", "Week %1, %2 (%3 – %4)")
            .arg(first.weekNumber())
            .arg(first.addDays(3).year())
            .arg(locale.toString(first, QStringLiteral("M/d")), locale.toString(last, QStringLiteral("M/d")));
    case PeriodKind::Month:
        return QCoreApplication::translate("cockpit::analytics::Period", "%1 %2")
            .arg(locale.standaloneMonthName(first.month())).arg(first.year());
    case PeriodKind::Quarter:
        return QCoreApplication::translate("cockpit::analytics::Period", "Q%1 %2")
            .arg((first.month() - 1) / 3 + 1).arg(first.year());
    case PeriodKind::Year:
        return QCoreApplication::translate("cockpit::analytics::Period", "Year %1").arg(first.year());
    case PeriodKind::YearToDate:
        return QCoreApplication::translate("cockpit::analytics::Period", "%1 to date (%2 – %3)")
            .arg(first.year())
            .arg(locale.toString(first, QStringLiteral("M/d")), locale.toString(last, QStringLiteral("M/d")));
    case PeriodKind::Custom: break;
    }
    return QCoreApplication::translate("cockpit::analytics::Period", "%1 – %2")
        .arg(shortDate(first, locale), shortDate(last, locale));
}

std::optional<Period> parsePeriod(const QString &text, QDate today, QString *error)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("this-week")) return Period::week(today);
    if (t == QLatin1String("last-week")) return Period::week(today).previous();
    if (t == QLatin1String("this-month")) return Period::month(today);
    if (t == QLatin1String("last-month")) return Period::month(today).previous();
    if (t == QLatin1String("this-quarter")) return Period::quarter(today);
    if (t == QLatin1String("last-quarter")) return Period::quarter(today).previous();
    if (t == QLatin1String("this-year")) return Period::year(today);
    if (t == QLatin1String("last-year")) return Period::year(today).previous();
    if (t == QLatin1String("ytd")) return Period::yearToDate(today);
    if (t == QLatin1String("last-ytd")) return Period::yearToDate(today).previous();
    QRegularExpressionMatch m;
    if ((m = QRegularExpression(QStringLiteral("^(\\d{4})$")).match(t)).hasMatch())
        return Period::year(QDate(m.captured(1).toInt(), 1, 1));
    if ((m = QRegularExpression(QStringLiteral("^(\\d{4})-ytd-(\\d{2})-(\\d{2})$")).match(t)).hasMatch()) {
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (d.isValid())
            return Period::yearToDate(d);
    }
    if ((m = QRegularExpression(QStringLiteral("^(\\d{4})-q([1-4])$")).match(t)).hasMatch())
        return Period::quarter(QDate(m.captured(1).toInt(), (m.captured(2).toInt() - 1) * 3 + 1, 1));
    if ((m = QRegularExpression(QStringLiteral("^(\\d{4})-(\\d{2})$")).match(t)).hasMatch()) {
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), 1);
        if (d.isValid())
            return Period::month(d);
    }
    if ((m = QRegularExpression(QStringLiteral("^(\\d{4})-w(\\d{2})$")).match(t)).hasMatch()) {
        const int year = m.captured(1).toInt(), week = m.captured(2).toInt();
        // ISO week 1 holds January 4th.
        const QDate jan4(year, 1, 4);
        const QDate monday = jan4.addDays(1 - jan4.dayOfWeek()).addDays(7 * (week - 1));
        if (week >= 1 && week <= 53 && monday.addDays(3).year() == year)
            return Period::week(monday);
    }
    if ((m = QRegularExpression(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})$")).match(t)).hasMatch()) {
        const QDate a = QDate::fromString(m.captured(1), Qt::ISODate), b = QDate::fromString(m.captured(2), Qt::ISODate);
        if (a.isValid() && b.isValid() && a <= b)
            return Period::custom(a, b);
    }
    if (error)
        *error = QCoreApplication::translate("cockpit::analytics::Period",
                     "\"%1\" is not a period. Use 2026-Q3, 2026-08, 2026-W34, 2026, 2026-ytd-11-22, "
                     "2026-08-01..2026-08-20, this-week, last-week, this-month, last-month, this-quarter, "
                     "last-quarter, this-year, last-year, ytd or last-ytd.").arg(text);
    return std::nullopt;
}

QString orgCondition(const OrgScope &scope, const OrgColumns &columns, QVariantList &binds)
{
    QString column;
    switch (scope.level) {
    case OrgLevel::Company: return {};
    case OrgLevel::Region: column = columns.region; break;
    case OrgLevel::City: column = columns.city; break;
    case OrgLevel::Team: column = columns.team; break;
    case OrgLevel::Rep: column = columns.rep; break;
    }
    if (column.isEmpty())
        throw QueryError(QStringLiteral("this figure cannot be restricted to that org level"));
    binds << scope.id;
    return QStringLiteral(" AND %1 = ?").arg(column);
}

std::optional<GroupBy> parseGroupBy(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("region")) return GroupBy::Region;
    if (t == QLatin1String("city")) return GroupBy::City;
    if (t == QLatin1String("team")) return GroupBy::Team;
    if (t == QLatin1String("rep")) return GroupBy::Rep;
    return std::nullopt;
}

QString groupByKey(GroupBy by)
{
    switch (by) {
    case GroupBy::Region: return QStringLiteral("region");
    case GroupBy::City: return QStringLiteral("city");
    case GroupBy::Team: return QStringLiteral("team");
    case GroupBy::Rep: break;
    }
    return QStringLiteral("rep");
}

QString groupColumn(GroupBy by, const OrgColumns &columns)
{
    switch (by) {
    case GroupBy::Region: return columns.region;
    case GroupBy::City: return columns.city;
    case GroupBy::Team: return columns.team;
    case GroupBy::Rep: break;
    }
    return columns.rep;
}

GroupBy childGroup(const OrgScope &scope)
{
    switch (scope.level) {
    case OrgLevel::Company: return GroupBy::Region;
    case OrgLevel::Region: return GroupBy::City;
    case OrgLevel::City: return GroupBy::Team;
    case OrgLevel::Team:
    case OrgLevel::Rep: break;
    }
    return GroupBy::Rep;
}

ScopeState::ScopeState(Scope initial, QObject *parent) : QObject(parent), m_scope(std::move(initial)) {}

void ScopeState::setScope(const Scope &scope)
{
    if (scope == m_scope)
        return;
    m_scope = scope;
    Q_EMIT scopeChanged(m_scope);
}

void ScopeState::setPeriod(const Period &period)
{
    Scope s = m_scope;
    s.period = period;
    setScope(s);
}

void ScopeState::setOrg(const OrgScope &org)
{
    Scope s = m_scope;
    s.org = org;
    setScope(s);
}

} // namespace cockpit::analytics

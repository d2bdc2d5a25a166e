#pragma once
// What every cockpit figure is computed over: a period (week, month, quarter, year, year to
// date or custom days)
// and an org node (company → region → city → team → rep). Pure value types; the company's day
// starts at 00:00 UTC+8 (Beijing) like the alert rules, so a period's bounds in UTC are
// [first 00:00 +08:00, last+1 00:00 +08:00).
#include <QDate>
#include <QObject>
#include <QString>
#include <QVariantList>

#include <optional>

namespace cockpit::analytics {

inline constexpr int kDayOffsetMinutes = 480; // UTC+8

// Values are stored in settings and combo boxes: new kinds go at the end.
enum class PeriodKind { Week, Month, Quarter, Custom, Year, YearToDate };

struct Period
{
    PeriodKind kind = PeriodKind::Quarter;
    QDate first; // inclusive, company-local day
    QDate last;  // inclusive

    static Period week(QDate anyDay);    // ISO week, Monday..Sunday
    static Period month(QDate anyDay);
    static Period quarter(QDate anyDay);
    static Period custom(QDate first, QDate last);
    static Period year(QDate anyDay); // 1 January .. 31 December
    // 1 January of `upTo`'s year .. `upTo`: its previous() is the same span a year earlier
    // (1 Jan .. the same day; 29 Feb → 28 Feb), so two years compare like for like.
    static Period yearToDate(QDate upTo);
    static Period containing(PeriodKind kind, QDate anyDay); // custom → that one day; YTD → up to it

    bool isValid() const { return first.isValid() && last.isValid() && first <= last; }
    int days() const { return isValid() ? int(first.daysTo(last)) + 1 : 0; }
    // The same kind of period just before / after (custom: shifted by its length).
    Period previous() const;
    Period next() const;
    // UTC ISO-8601 bounds for comparing with stored timestamps: startUtc() <= at < endUtc().
    QString startUtc() const;
    QString endUtc() const;
    // The same bounds as epoch seconds (UTC): startSecs() <= at < endSecs().
    qint64 startSecs() const;
    qint64 endSecs() const;
    // "2026-Q3", "2026-08", "2026-W34", "2026", "2026-ytd-11-22", "2026-08-01..2026-08-20":
    // what parse() reads back.
    QString key() const;
    // Translated, human: "Q3 2026", "August 2026", "Week 34, 2026", "2026", "2026 to date
    // (1/1 – 11/22)", "1 Aug – 20 Aug 2026".
    QString label() const;

    bool operator==(const Period &) const = default;
};

// Reads a period key (see Period::key) or a relative name: this-week, last-week, this-month,
// last-month, this-quarter, last-quarter, this-year, last-year, ytd (1 January .. today) and
// last-ytd (the same span a year earlier), relative to `today`. nullopt with *error set
// (naming the text and the accepted forms) when it is neither.
std::optional<Period> parsePeriod(const QString &text, QDate today, QString *error = nullptr);

// The company-local calendar day of a UTC timestamp (ISO-8601 text).
QDate companyDay(const QString &utcIso);
// 00:00 company time of `day`, as UTC ISO-8601 ("2026-06-30T16:00:00Z" for 2026-07-01).
QString companyDayStartUtc(QDate day);
// The integer twins: 00:00 company time of `day` as epoch seconds, and the company-local
// calendar day of an instant in epoch seconds.
qint64 companyDayStart(QDate day);
QDate companyDayOf(qint64 secs);
// The same day as its number (days since 1970-01-01).
qint64 companyDayNumber(qint64 secs);
// The same in SQL: the company day number of the instant column `column` (epoch seconds),
// e.g. "(a.at + 28800) / 86400". SQLite's / truncates toward zero: right for every instant
// after 1969-12-31T16:00Z.
QString companyDaySql(const QString &column);
// An ISO-8601 time from a caller (the clock, --now, an as-of) as epoch seconds, read as
// companyDay() reads it (text without an offset is UTC); false when it is not one.
bool utcSecs(const QString &utcIso, qint64 *secs);
// A calendar date as a day number (days since 1970-01-01, civildate.h) and back; invalid
// QDate has none (check validity first).
inline qint64 dayNumber(QDate d) { return d.toJulianDay() - 2440588; }
inline QDate dayDate(qint64 day) { return QDate::fromJulianDay(day + 2440588); }
// A date to bind for a date column, in the file's form (times::dayParam); NULL when invalid.
QVariant dateParam(QDate d);

enum class OrgLevel { Company, Region, City, Team, Rep };

struct OrgScope
{
    OrgLevel level = OrgLevel::Company;
    QString id; // empty for Company

    static OrgScope company() { return {}; }
    bool isCompany() const { return level == OrgLevel::Company; }
    bool operator==(const OrgScope &) const = default;
};

// The columns of a table (or join) that carry the org of a row. Empty = not available.
struct OrgColumns
{
    QString region, city, team, rep;
};

// A SQL fragment restricting rows to `scope`: "" for the company, otherwise " AND <col> = ?"
// with the id appended to `binds`. Throws QueryError if the needed column is not available.
QString orgCondition(const OrgScope &scope, const OrgColumns &columns, QVariantList &binds);

// How a figure is broken down (the heat map's rows, `report --by`).
enum class GroupBy { Region, City, Team, Rep };
std::optional<GroupBy> parseGroupBy(const QString &text);
QString groupByKey(GroupBy by); // "region", "city", "team", "rep"
// The column of `columns` that groups by `by`.
QString groupColumn(GroupBy by, const OrgColumns &columns);
// The finest level below `scope` worth showing: company → region, region → city,
// city → team, team → rep, rep → rep.
GroupBy childGroup(const OrgScope &scope);

struct Scope
{
    Period period;
    OrgScope org;
    bool operator==(const Scope &) const = default;
};

// The one scope the Cockpit, Team and Stores screens share (MainWindow owns it); each
// screen's period and org pickers write it and every screen redraws on scopeChanged.
class ScopeState : public QObject
{
    Q_OBJECT
public:
    explicit ScopeState(Scope initial, QObject *parent = nullptr);
    const Scope &scope() const { return m_scope; }
    void setScope(const Scope &scope);
    void setPeriod(const Period &period);
    void setOrg(const OrgScope &org);

Q_SIGNALS:
    void scopeChanged(const cockpit::analytics::Scope &scope);

private:
    Scope m_scope;
};

} // namespace cockpit::analytics

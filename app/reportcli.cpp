// `sales-cockpit report NAME --db FILE [--period P] [--by region|city|team|rep] [--org ORG]
// [--format csv|json|table] [--now ISO]`: every cockpit figure as a table, for scripts, for
// checking a number against SQL and as the CSV export.
#include "cli.h"

#include "storage/database.h"
#include "analytics/orgunits.h"
#include "analytics/query.h"
#include "analytics/reports.h"
#include "domain/money.h"
#include "forecast/forecastreports.h"
#include "targets/targetreports.h"

#include <QSqlDatabase>
#include <QCommandLineParser>
#include <QDateTime>
#include <QTimeZone>

#include <cmath>
#include <cstdio>

namespace cockpit::app {

namespace {
void out(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

QByteArray toText(const analytics::DataTable &t)
{
    QList<int> widths;
    for (int c = 0; c < t.columns.size(); ++c) {
        int w = displayWidth(t.columns.at(c));
        for (const QVariantList &row : t.rows)
            w = std::max(w, displayWidth(analytics::displayValue(t.columns.at(c), row.value(c))));
        widths << std::min(w, 40);
    }
    QString s = t.title + QLatin1Char('\n');
    for (int c = 0; c < t.columns.size(); ++c)
        s += padded(t.columns.at(c), widths.at(c)) + QLatin1String("  ");
    s += QLatin1Char('\n');
    for (const QVariantList &row : t.rows) {
        for (int c = 0; c < t.columns.size(); ++c)
            s += padded(analytics::displayValue(t.columns.at(c), row.value(c)), widths.at(c)) + QLatin1String("  ");
        s += QLatin1Char('\n');
    }
    return s.toUtf8();
}

QString reportList()
{
    QString s = QStringLiteral("reports:\n");
    for (const auto *list : {&analytics::reports(), &targets::targetReports(), &forecast::forecastReports()})
        for (const analytics::ReportInfo &r : *list)
            s += QStringLiteral("  %1 %2\n").arg(r.name, -12).arg(r.description);
    return s;
}

// The analytics reports, then those of targets/ and forecast/ (libraries above analytics).
const analytics::ReportInfo *findAnyReport(const QString &name)
{
    if (const analytics::ReportInfo *r = analytics::findReport(name))
        return r;
    for (const analytics::ReportInfo &r : targets::targetReports())
        if (r.name == name)
            return &r;
    return forecast::findForecastReport(name);
}
} // namespace

int runReport(const QCommandLineParser &parser)
{
    const QString name = parser.positionalArguments().value(1);
    if (name.isEmpty()) {
        printError(QStringLiteral("report: name a report: report NAME --db FILE [--period P] [--by region|city|team|rep] "
                                  "[--org ORG] [--format csv|json|table]\n") + reportList());
        return 2;
    }
    const analytics::ReportInfo *info = findAnyReport(name);
    if (!info) {
        printError(QStringLiteral("report: unknown report \"%1\"\n").arg(name) + reportList());
        return 2;
    }
    const QString path = parser.value(QStringLiteral("db"));
    if (path.isEmpty()) {
        printError(QStringLiteral("report: --db FILE is required"));
        return 2;
    }
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (parser.isSet(QStringLiteral("now"))) {
        now = QDateTime::fromString(parser.value(QStringLiteral("now")), Qt::ISODate);
        if (!now.isValid()) {
            printError(QStringLiteral("report: --now must be an ISO-8601 time like 2026-11-22T10:00:00Z, not \"%1\"")
                           .arg(parser.value(QStringLiteral("now"))));
            return 2;
        }
        now = now.toUTC();
    }
    const QDate today = analytics::companyDay(now.toString(Qt::ISODate));
    analytics::ReportRequest request;
    request.asOfIso = now.toString(Qt::ISODate);
    QString error;
    const QString periodText = parser.isSet(QStringLiteral("period")) ? parser.value(QStringLiteral("period"))
                                                                      : QStringLiteral("this-quarter");
    // "all" (outcomes): every deal ever closed, for a company's imported history.
    const auto period = name == QLatin1String("outcomes") && periodText == QLatin1String("all")
                            ? std::optional(analytics::Period::custom(QDate(1900, 1, 1), QDate(2100, 12, 31)))
                            : analytics::parsePeriod(periodText, today, &error);
    if (!period) {
        printError(QStringLiteral("report: --period: ") + error);
        return 2;
    }
    request.scope.period = *period;
    request.periodGiven = parser.isSet(QStringLiteral("period"));
    if (parser.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        request.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok) {
            printError(QStringLiteral("report: --seed must be a whole number, not \"%1\"").arg(parser.value(QStringLiteral("seed"))));
            return 2;
        }
    }
    if (parser.isSet(QStringLiteral("target"))) {
        // Read as every amount is (domain/money.h): in cents, no floating point; "82万" too.
        const std::optional<qint64> cents = parseCny(parser.value(QStringLiteral("target")));
        if (!cents) {
            printError(QStringLiteral("report: --target must be an amount like 820000 or 82万, not \"%1\"").arg(parser.value(QStringLiteral("target"))));
            return 2;
        }
        request.targetCents = *cents;
    }
    if (parser.isSet(QStringLiteral("by"))) {
        const QString byText = parser.value(QStringLiteral("by")).trimmed().toLower();
        request.byName = byText;
        const bool outcomesUnit = name == QLatin1String("outcomes")
                                  && (byText == QLatin1String("customer") || byText == QLatin1String("product"));
        const auto by = outcomesUnit ? std::optional(analytics::GroupBy::Rep) : analytics::parseGroupBy(byText);
        if (!by) {
            printError(QStringLiteral("report: --by must be region, city, team or rep, not \"%1\"")
                           .arg(parser.value(QStringLiteral("by"))));
            return 2;
        }
        request.by = *by;
        request.byGiven = true;
    }
    const QString format = parser.isSet(QStringLiteral("format")) ? parser.value(QStringLiteral("format")).toLower()
                                                                   : QStringLiteral("csv");
    if (format != QLatin1String("csv") && format != QLatin1String("json") && format != QLatin1String("table")) {
        printError(QStringLiteral("report: --format must be csv, json or table, not \"%1\"").arg(format));
        return 2;
    }
    storage::Database db;
    const storage::OpenResult opened = openForCommand(db, path, CliAccess::Reads);
    if (!opened.ok()) {
        printError(QStringLiteral("report: ") + opened.message);
        return 1;
    }
    try {
        if (parser.isSet(QStringLiteral("org"))) {
            const auto org = analytics::loadOrgUnits(db.connection()).parse(parser.value(QStringLiteral("org")), &error);
            if (!org) {
                printError(QStringLiteral("report: --org: ") + error);
                return 2;
            }
            request.scope.org = *org;
            if (!request.byGiven)
                request.by = analytics::childGroup(*org);
        }
        analytics::DataTable table = info->run(db.connection(), request);
        analytics::useGlobalIds(table, db.connection(), request.by);
        if (format == QLatin1String("json"))
            out(analytics::toJson(table));
        else if (format == QLatin1String("table"))
            out(toText(table));
        else
            out(analytics::toCsv(table));
    } catch (const analytics::QueryError &e) {
        printError(QStringLiteral("report %1: %2").arg(name, e.message()));
        return 1;
    }
    return 0;
}

} // namespace cockpit::app

#include "analytics/reporttable.h"

#include "alerts/alerttext.h"
#include "analytics/analyticstext.h"
#include "analytics/rag.h"
#include "domain/money.h"

#include <QDate>

#include <algorithm>
#include <cmath>

namespace cockpit::analytics {

namespace {
bool isNumber(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
        return true;
    default: return false;
    }
}

bool hidden(const DataTable &t, int c, const ReportFormat &f)
{
    const QString &name = t.columns.at(c);
    if (c == t.keyColumn || f.hiddenColumns.contains(name))
        return true;
    if (name.endsWith(QLatin1String("_id")) || name.endsWith(QLatin1String("_code")) || name.endsWith(QLatin1String("_key")))
        return true;
    // The KPI key ("followup") says nothing its label does not.
    return name == QLatin1String("kpi") && t.columns.contains(QStringLiteral("label"));
}

bool isRagColumn(const QString &c)
{
    return c == QLatin1String("status") || c == QLatin1String("rag") || c == QLatin1String("code")
           || c.endsWith(QLatin1String("_rag")) || c.endsWith(QLatin1String("_status"));
}

QString percent(const QString &number)
{
    return tr("%1 %").arg(number);
}

// 0/1 columns that say "yes" or nothing (the heat map's flags, funnel.h).
bool isFlagColumn(const QString &column)
{
    return column == QLatin1String("flagged") || column == QLatin1String("too_few") || column == QLatin1String("maturing");
}

QString cell(const QString &column, const QVariant &v, const QString &currency, const QLocale &locale)
{
    if (v.isNull() || !v.isValid() || (v.typeId() == QMetaType::QString && v.toString().isEmpty()))
        return QStringLiteral("—");
    if (column.endsWith(QLatin1String("_cents")))
        return formatMoney(v.toLongLong(), currency, locale);
    if (column.endsWith(QLatin1String("_pct")) && isNumber(v))
        return percent(locale.toString(v.toDouble(), 'f', 1));
    if (column.endsWith(QLatin1String("_days")) && isNumber(v))
        return tr("%1 days").arg(reportNumber(v.toDouble(), locale, 1));
    if (isFlagColumn(column))
        return v.toInt() != 0 ? tr("yes") : QString();
    if (column.endsWith(QLatin1String("_at")))
        return displayValue(column, v);
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return locale.toString(v.toLongLong());
    case QMetaType::Double:
        return reportNumber(v.toDouble(), locale, 2);
    case QMetaType::QDate:
        return v.toDate().toString(Qt::ISODate);
    case QMetaType::Bool:
        return v.toBool() ? tr("yes") : tr("no");
    default: break;
    }
    const QString s = v.toString();
    if (column == QLatin1String("direction"))
        return comparisonLabel(s);
    if (isRagColumn(column))
        return ragKeyLabel(s);
    if (column == QLatin1String("rule") || column.startsWith(QLatin1String("rule_")))
        return alerts::ruleLabel(s);
    return s;
}
} // namespace

QString reportNumber(double value, const QLocale &locale, int maxDecimals)
{
    if (!std::isfinite(value))
        return QStringLiteral("—");
    QString s = locale.toString(value, 'f', std::max(0, maxDecimals));
    const QString point = locale.decimalPoint();
    if (maxDecimals > 0 && s.contains(point)) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(point))
            s.chop(point.size());
    }
    return s;
}

QString valueWithUnit(const QString &number, const QString &unit)
{
    if (unit.isEmpty() || number == QStringLiteral("—"))
        return number;
    if (unit == QLatin1String("%"))
        return percent(number);
    //: A figure and its unit: "11.6 days", "5.0 per rep-day"
    return tr("%1 %2").arg(number, unit);
}

QString comparisonLabel(const QString &op)
{
    if (op == QLatin1String("<="))
        return QStringLiteral("≤");
    if (op == QLatin1String(">="))
        return QStringLiteral("≥");
    if (op == QLatin1String("!=") || op == QLatin1String("<>"))
        return QStringLiteral("≠");
    return op;
}

QString ragKeyLabel(const QString &key)
{
    for (Rag r : {Rag::Grey, Rag::Green, Rag::Yellow, Rag::Orange, Rag::Red})
        if (key == ragKey(r))
            return ragLabel(r);
    return key;
}

ReportTable reportTable(const DataTable &table, const ReportFormat &format)
{
    ReportTable out;
    const QString currency = table.currency.isEmpty() ? format.currency : table.currency;
    QList<int> shown;
    for (int c = 0; c < table.columns.size(); ++c) {
        const QString &name = table.columns.at(c);
        // A flag no row raises says nothing on paper.
        const bool flag = isFlagColumn(name);
        const bool raised = std::any_of(table.rows.cbegin(), table.rows.cend(),
                                        [c](const QVariantList &row) { return row.value(c).toInt() != 0; });
        if (!hidden(table, c, format) && (!flag || raised))
            shown << c;
    }
    for (int c : shown) {
        const QString &name = table.columns.at(c);
        const QString header = table.header(c);
        // Money says its currency in the header too ("Collections (USD)"): "$" alone is not one.
        out.headers << (name.endsWith(QLatin1String("_cents")) ? tr("%1 (%2)").arg(header, currency.isEmpty() ? QStringLiteral("CNY") : currency)
                                                                : header);
        // Figures are right-aligned: columns of numbers, money and ratios (not 0/1 flags).
        bool numbers = true, any = false;
        for (const QVariantList &row : table.rows) {
            const QVariant v = row.value(c);
            if (v.isNull() || !v.isValid())
                continue;
            any = true;
            if (!isNumber(v)) {
                numbers = false;
                break;
            }
        }
        const bool flag = isFlagColumn(name);
        out.numeric << (!flag && ((numbers && any) || name.endsWith(QLatin1String("_cents")) || name.endsWith(QLatin1String("_pct"))));
    }
    const int n = format.maxRows < 0 ? int(table.rows.size()) : std::min(int(table.rows.size()), format.maxRows);
    for (int r = 0; r < n; ++r) {
        QStringList cells;
        for (int c : shown)
            cells << cell(table.columns.at(c), table.rows.at(r).value(c), currency, format.locale);
        out.rows << cells;
    }
    out.moreRows = int(table.rows.size()) - n;
    return out;
}

ReportTable kpiReportTable(const QVector<KpiTile> &tiles, const QLocale &locale)
{
    ReportTable out;
    out.headers = {tr("KPI"), tr("Value"), tr("Status"), tr("Healthy"), tr("Industry mean"), tr("Calculation"),
                   tr("Sample"), tr("Note")};
    out.numeric = {false, true, false, true, true, false, true, false};
    for (const KpiTile &k : tiles) {
        const QString op = comparisonLabel(k.direction == Direction::LowerIsBetter ? QStringLiteral("<=") : QStringLiteral(">="));
        const QString value = k.hasData ? valueWithUnit(locale.toString(k.value, 'f', 1), k.unit) : QStringLiteral("—");
        const QString healthy = op + QLatin1Char(' ') + valueWithUnit(locale.toString(k.healthy, 'f', 1), k.unit);
        const QString industry = valueWithUnit(locale.toString(k.industry, 'f', 1), k.unit);
        // Large sums read as whole numbers; small ones keep a decimal ("183.9").
        auto figure = [&locale](double v) { return reportNumber(v, locale, std::abs(v) >= 1000 ? 0 : 1); };
        //: The calculation behind a KPI: "540,307 gap days ÷ 46,425 gaps"
        const QString calc = k.hasData ? tr("%1 %2 ÷ %3 %4").arg(figure(k.numerator), k.numeratorLabel,
                                                                 figure(k.denominator), k.denominatorLabel)
                                       : QStringLiteral("—");
        const QString sample = valueWithUnit(locale.toString(k.sample), k.sampleLabel);
        out.rows << QStringList{k.label, value, ragLabel(k.rag), healthy, industry, calc, sample,
                                k.note.isEmpty() ? QString() : k.note};
    }
    return out;
}

} // namespace cockpit::analytics

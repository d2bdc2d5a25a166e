#include "targets/correlationview.h"
#include "targets/targetstext.h"

#include <QLocale>

#include <cmath>

namespace cockpit::targets {

// Written "analytics::DataTable" in a return type, lupdate would file the function's strings
// under a context "analytics" that nothing looks up.
using analytics::DataTable;

const QVector<CorrMetric> &corrMetrics()
{
    static const QVector<CorrMetric> all{CorrMetric::Compliance, CorrMetric::CustomerHealth, CorrMetric::CrossSell,
                                         CorrMetric::Collaboration, CorrMetric::Pei, CorrMetric::ResponseMedian,
                                         CorrMetric::NewCustomers, CorrMetric::WinRate};
    return all;
}

QVector<CorrMetric> processMetrics()
{
    QVector<CorrMetric> out = corrMetrics();
    out.removeAll(CorrMetric::WinRate);
    return out;
}

QString corrMetricKey(CorrMetric m)
{
    switch (m) {
    case CorrMetric::Compliance: return QStringLiteral("compliance_pct");
    case CorrMetric::CustomerHealth: return QStringLiteral("customer_health");
    case CorrMetric::CrossSell: return QStringLiteral("cross_sell_pct");
    case CorrMetric::Collaboration: return QStringLiteral("collaboration");
    case CorrMetric::Pei: return QStringLiteral("pei_pct");
    case CorrMetric::ResponseMedian: return QStringLiteral("response_median_min");
    case CorrMetric::NewCustomers: return QStringLiteral("new_customers");
    case CorrMetric::WinRate: return QStringLiteral("win_rate_pct");
    }
    return {};
}

QString corrMetricLabel(CorrMetric m)
{
    switch (m) {
    case CorrMetric::Compliance: return tr("Key-action completion (%)");
    case CorrMetric::CustomerHealth: return tr("Customer health (0–100)");
    case CorrMetric::CrossSell: return tr("Cross-sell (% of won revenue)");
    case CorrMetric::Collaboration: return tr("Collaboration (0–100)");
    case CorrMetric::Pei: return tr("PEI (%)");
    case CorrMetric::ResponseMedian: return tr("Response time (median, min)");
    case CorrMetric::NewCustomers: return tr("New customers (count)");
    case CorrMetric::WinRate: return tr("Win rate (%)");
    }
    return {};
}

QString corrMetricText(CorrMetric m, double v)
{
    const QLocale locale;
    switch (m) {
    case CorrMetric::Compliance:
    case CorrMetric::CrossSell:
    case CorrMetric::Pei:
    case CorrMetric::WinRate: return locale.toString(v, 'f', 1) + QStringLiteral(" %");
    case CorrMetric::ResponseMedian: return tr("%1 min").arg(locale.toString(v, 'f', 1));
    case CorrMetric::NewCustomers: return locale.toString(v, 'f', 0);
    case CorrMetric::CustomerHealth:
    case CorrMetric::Collaboration: break;
    }
    return locale.toString(v, 'f', 1);
}

std::optional<double> corrMetricValue(const RepFigures &f, CorrMetric m)
{
    switch (m) {
    case CorrMetric::Compliance: return f.health.compliancePct;
    case CorrMetric::CustomerHealth: return f.health.customerHealth;
    case CorrMetric::CrossSell: return f.health.crossSellPct;
    case CorrMetric::Collaboration: return f.health.collaboration;
    case CorrMetric::Pei: return f.health.peiPct;
    case CorrMetric::ResponseMedian: return f.health.responseMedianMin;
    case CorrMetric::NewCustomers: return double(f.inputs.newCustomers);
    case CorrMetric::WinRate: return f.winRatePct();
    }
    return std::nullopt;
}

CorrelationPoints correlationPoints(const PerformanceView &v, CorrMetric x, CorrMetric y)
{
    CorrelationPoints p;
    p.x = x;
    p.y = y;
    QVector<std::optional<double>> xs, ys;
    for (const RepFigures &f : v.reps) {
        if (f.rep.standing != analytics::RepStanding::Ranked)
            continue;
        const CorrPoint point{f.rep.unit.id, f.rep.unit.name, corrMetricValue(f, x), corrMetricValue(f, y)};
        (point.x && point.y ? p.points : p.leftOut) << point;
        xs << point.x;
        ys << point.y;
    }
    p.fit = fitLine(xs, ys);
    return p;
}

QString correlationNumber(double v)
{
    const QLocale locale;
    if (v == 0 || !std::isfinite(v))
        return locale.toString(0);
    const int magnitude = int(std::floor(std::log10(std::fabs(v))));
    QString s = locale.toString(v, 'f', std::max(0, 2 - magnitude));
    if (s.contains(locale.decimalPoint())) {
        while (s.endsWith(locale.zeroDigit()))
            s.chop(locale.zeroDigit().size());
        if (s.endsWith(locale.decimalPoint()))
            s.chop(locale.decimalPoint().size());
    }
    return s;
}

QString correlationCaption(const CorrelationPoints &p)
{
    QString text;
    if (p.fit.enoughData) {
        const QString equation = QStringLiteral("%1x %2 %3")
                                     .arg(correlationNumber(p.fit.slope), p.fit.intercept < 0 ? QStringLiteral("−") : QStringLiteral("+"),
                                          correlationNumber(std::fabs(p.fit.intercept)));
        text = tr("n = %1 · R² = %2 · y = %3").arg(p.fit.n).arg(QLocale().toString(p.fit.r2, 'f', 2), equation);
    } else {
        text = p.fit.reason;
    }
    if (!p.leftOut.isEmpty())
        text += QStringLiteral(" · ")
                + tr("%n rep(s) left out for a missing value", nullptr, int(p.leftOut.size()));
    return text;
}

DataTable correlationPointsTable(const CorrelationPoints &p, const analytics::Period &period)
{
    DataTable t;
    t.title = tr("Correlation of %1 and %2, %3").arg(corrMetricLabel(p.x), corrMetricLabel(p.y), period.label());
    const QString lineColumn = QStringLiteral("line_") + corrMetricKey(p.y);
    t.columns = {QStringLiteral("rep_id"), QStringLiteral("name"), QStringLiteral("x_") + corrMetricKey(p.x),
                 QStringLiteral("y_") + corrMetricKey(p.y), lineColumn, QStringLiteral("in_fit")};
    const auto value = [](const std::optional<double> &v) { return v ? QVariant(*v) : QVariant(); };
    for (const QVector<CorrPoint> *list : {&p.points, &p.leftOut})
        for (const CorrPoint &c : *list) {
            const bool inFit = list == &p.points;
            const QVariant line = p.fit.enoughData && c.x ? QVariant(p.fit.slope * *c.x + p.fit.intercept) : QVariant();
            t.rows << QVariantList{c.repId, c.name, value(c.x), value(c.y), line, inFit};
        }
    t.keyColumn = 0;
    t.keyKind = QStringLiteral("user");
    return t;
}

} // namespace cockpit::targets

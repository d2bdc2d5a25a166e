#include "forecast/forecastassembly.h"
#include "forecast/forecasttext.h"
#include "analytics/query.h"
#include "domain/money.h"

#include <QSqlDatabase>

#include <QLocale>
#include <QSqlQuery>

#include <cmath>
#include <limits>

namespace cockpit::forecast {

// (A return type written analytics::DataTable makes lupdate file the strings of the function
// under the context "analytics".)
using DataTable = analytics::DataTable;

QString orgLevelKey(analytics::OrgLevel level)
{
    switch (level) {
    case analytics::OrgLevel::Company: return QStringLiteral("company");
    case analytics::OrgLevel::Region: return QStringLiteral("region");
    case analytics::OrgLevel::City: return QStringLiteral("city");
    case analytics::OrgLevel::Team: return QStringLiteral("team");
    case analytics::OrgLevel::Rep: return QStringLiteral("rep");
    }
    return {};
}

namespace {
struct TargetRowRead
{
    QString kind;
    qint64 start = 0, cents = 0;
};

// The target rows of `org` (a team: its reps') starting in [first, last].
QList<TargetRowRead> targetRows(QSqlDatabase db, qint64 first, qint64 last, const analytics::OrgScope &org,
                                const analytics::OrgUnits &units)
{
    QString sql = QStringLiteral("SELECT period_kind, period_start, amount_cents, org_id FROM targets WHERE deleted = 0"
                                 " AND period_start >= ? AND period_start <= ? AND org_level = ?");
    QVariantList binds{first, last};
    QSet<QString> reps;
    if (org.level == analytics::OrgLevel::Team) {
        binds << QStringLiteral("rep");
        for (const analytics::OrgUnit &u : units.unitsWithin(org, analytics::GroupBy::Rep))
            reps.insert(u.id);
    } else {
        binds << orgLevelKey(org.level);
        if (!org.isCompany()) {
            sql += QStringLiteral(" AND org_id = ?");
            binds << org.id;
        }
    }
    QSqlQuery q = analytics::runQuery(db, sql, binds);
    QList<TargetRowRead> out;
    while (q.next()) {
        if (org.level == analytics::OrgLevel::Team && !reps.contains(q.value(3).toString()))
            continue;
        out << TargetRowRead{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong()};
    }
    return out;
}
} // namespace

qint64 scopeTarget(QSqlDatabase db, qint64 first, qint64 last, const analytics::OrgScope &org,
                   const analytics::OrgUnits &units)
{
    qint64 exact = 0, months = 0;
    bool anyExact = false, anyMonth = false;
    for (const TargetRowRead &r : targetRows(db, first, last, org, units)) {
        const bool month = r.kind == QLatin1String("month");
        if (!month && r.start == first) {
            exact += r.cents; // a team's reps each have one
            anyExact = true;
        }
        if (month) {
            months += r.cents;
            anyMonth = true;
        }
    }
    return anyExact ? exact : anyMonth ? months : -1;
}

QHash<qint64, qint64> monthTargets(QSqlDatabase db, qint64 first, qint64 last, const analytics::OrgScope &org,
                                   const analytics::OrgUnits &units)
{
    QHash<qint64, qint64> out;
    for (const TargetRowRead &r : targetRows(db, first, last, org, units))
        if (r.kind == QLatin1String("month"))
            out[r.start] += r.cents;
    return out;
}

QSet<int> repsWithin(const analytics::OrgScope &org, const analytics::OrgUnits &units)
{
    QSet<int> out;
    if (org.isCompany())
        return out;
    if (org.level == analytics::OrgLevel::Rep) {
        out.insert(org.id.toInt());
        return out;
    }
    for (const analytics::OrgUnit &u : units.unitsWithin(org, analytics::GroupBy::Rep))
        out.insert(u.id.toInt());
    out.insert(std::numeric_limits<int>::min()); // a unit without reps still filters every deal out
    return out;
}

History historyOf(const History &h, const QSet<int> &owners)
{
    if (owners.isEmpty())
        return h;
    History out;
    out.industries = h.industries;
    out.stageNames = h.stageNames;
    out.stageCloses = h.stageCloses;
    out.payments = h.payments;
    out.currency = h.currency;
    out.intentRecorded = h.intentRecorded;
    out.amountLeaks = h.amountLeaks;
    out.outcomeWritten = h.outcomeWritten;
    out.closeDateWritten = h.closeDateWritten;
    for (const DealHistory &d : h.deals)
        if (owners.contains(d.current.owner))
            out.deals.push_back(d);
    return out;
}

std::vector<BacktestMonth> pastYear(const History &h, qint64 asOfDay, quint64 seed, std::shared_ptr<const SettledDeals> settled)
{
    const QDate today = analytics::dayDate(asOfDay), thisMonth(today.year(), today.month(), 1);
    return backtest(h, analytics::dayNumber(thisMonth.addMonths(-12)), analytics::dayNumber(thisMonth) - 1, 2000, seed,
                    std::move(settled));
}

SimOptions withErrors(SimOptions o, const std::vector<BacktestMonth> &past)
{
    if (const std::vector<double> ratios = errorRatios(past); ratios.size() >= std::size_t(kMinRatios))
        o.errorRatios = ratios;
    return o;
}

double meanAccuracy(const std::vector<BacktestMonth> &months)
{
    double sum = 0;
    int n = 0;
    for (const BacktestMonth &m : months)
        if (!std::isnan(m.accuracy)) {
            sum += m.accuracy;
            ++n;
        }
    return n ? sum / n : std::numeric_limits<double>::quiet_NaN();
}

QString shortMoney(qint64 cents, const QString &currency)
{
    const QLocale locale;
    const bool cny = currency.isEmpty() || currency == QLatin1String("CNY");
    if (cny && locale.language() == QLocale::Chinese) {
        const qint64 abs = std::llabs(cents);
        const QString sign = cents < 0 ? QStringLiteral("-¥") : QStringLiteral("¥");
        if (abs >= 10000000000) // 1亿 and more: "¥7.76亿"
            return sign + locale.toString(double(abs) / 1e10, 'f', 2) + QString::fromUtf8("亿");
        if (abs >= 100000000) // 100万 and more: whole 万, "¥776万"
            return sign + locale.toString((abs + 500000) / 1000000) + QString::fromUtf8("万");
        return formatCnyWan(cents, locale);
    }
    if (std::llabs(cents) >= 100000000) // a million and more: "¥776.28M"
        return (cents < 0 ? QStringLiteral("-") : QString()) + currencySymbol(cny ? QStringLiteral("CNY") : currency)
               + locale.toString(double(std::llabs(cents)) / 1e8, 'f', 2) + QLatin1Char('M');
    if (cny)
        return formatCnyWan(cents, locale);
    // Whole units below a million: "$444,048" (a forecast's cents are noise).
    return formatMoney((cents < 0 ? -1 : 1) * ((std::llabs(cents) + 50) / 100 * 100), currency, locale);
}

QString doubtText(const DoubtReason &r, const QString &currency)
{
    const QString amount = shortMoney(r.amountCents, currency);
    switch (r.doubt) {
    case Doubt::ApproverNotMet: return tr("final approver not met on %n deal(s) worth %1", nullptr, r.deals).arg(amount);
    case Doubt::IntentIncomplete: return tr("intent letter incomplete on %n deal(s) worth %1", nullptr, r.deals).arg(amount);
    case Doubt::Competitor: return tr("a competitor on %n deal(s) worth %1", nullptr, r.deals).arg(amount);
    case Doubt::CloseDateEstimated: return tr("no expected close date on %n deal(s) worth %1 (estimated from history)", nullptr, r.deals).arg(amount);
    case Doubt::AmountEstimated: return tr("no usable amount on %n deal(s) (estimated: %1 in all)", nullptr, r.deals).arg(amount);
    case Doubt::LargestDeals: return tr("the %n largest deal(s) worth %1 decide much of the total", nullptr, r.deals).arg(amount);
    }
    return {};
}

QString errorBandText(const ErrorBand &band, int ratios)
{
    if (ratios <= 0)
        return tr("fewer than %1 past months to measure the model's own error by: the band holds only each deal's luck")
            .arg(kMinRatios);
    const QLocale locale;
    const auto times = [&](double x) { return locale.toString(x, 'f', 2).prepend(QChar(0x00D7)); }; // ×0.93
    return tr("from %n past month(s)' actual ÷ forecast: each outcome is scaled by a draw of the next month's ratio, "
              "typically %1, 8 in 10 between %2 and %3 (a Student-t prediction interval, wider with fewer months)",
              nullptr, ratios)
        .arg(times(band.p50), times(band.p10), times(band.p90));
}

QVariant ratioValue(double x) { return std::isnan(x) ? QVariant() : QVariant(std::round(x * 10000.0) / 10000.0); }
QVariant pctValue(double x) { return std::isnan(x) ? QVariant() : QVariant(std::round(x * 1000.0) / 10.0); }

QString factorHeader(const QString &name)
{
    static const QHash<QString, const char *> headers{
        {QStringLiteral("base"), QT_TRANSLATE_NOOP("cockpit::forecast", "Base rate")},
        {QStringLiteral("customer.punctuality"), QT_TRANSLATE_NOOP("cockpit::forecast", "× Payment punctuality")},
        {QStringLiteral("customer.tenure"), QT_TRANSLATE_NOOP("cockpit::forecast", "× Years as customer")},
        {QStringLiteral("customer.budget_share"), QT_TRANSLATE_NOOP("cockpit::forecast", "× Share of budget")},
        {QStringLiteral("deal.contact_seniority"), QT_TRANSLATE_NOOP("cockpit::forecast", "× Contact seniority")},
        {QStringLiteral("deal.competitor"), QT_TRANSLATE_NOOP("cockpit::forecast", "× Competitor")},
        {QStringLiteral("deal.technical_validation"), QT_TRANSLATE_NOOP("cockpit::forecast", "× Technical validation")},
        {QStringLiteral("rep"), QT_TRANSLATE_NOOP("cockpit::forecast", "× Rep")},
        {QStringLiteral("intent_cap"), QT_TRANSLATE_NOOP("cockpit::forecast", "Intent-letter cap")},
    };
    const char *h = headers.value(name);
    return h ? tr(h) : name;
}

DataTable winprobTable(const DealSet &set, const WinRates &rates, const WinModel &model, const QSet<int> &owners)
{
    analytics::DataTable t;
    t.columns = {QStringLiteral("lead_id"), QStringLiteral("title"), QStringLiteral("stage"), QStringLiteral("amount_cents"),
                 QStringLiteral("amount_estimated"), QStringLiteral("win_pct"), QStringLiteral("learned_pct")};
    t.headers = {tr("Lead id"), tr("Lead"), tr("Stage"), tr("Amount"), tr("Amount estimated"), tr("Win probability"),
                 tr("Learned model")};
    bool first = true;
    for (const Deal &d : set.deals) {
        if (d.closed() || (!owners.isEmpty() && !owners.contains(d.owner)))
            continue;
        const WinProbability w = explainWin(d, rates, set);
        if (first) {
            for (const FactorValue &f : w.factors) {
                t.columns << f.name;
                t.headers << factorHeader(f.name);
            }
            t.columns << QStringLiteral("reasons");
            t.headers << tr("Reasons");
            first = false;
        }
        QVariantList row{d.id, set.titles.value(d.id, QStringLiteral("#") + QString::number(d.id)), set.stageName(d.stage), d.amountCents, d.amountEstimated ? 1 : 0, pctValue(w.probability),
                         model.trained() ? pctValue(model.predict(d)) : QVariant()};
        QStringList reasons;
        for (const FactorValue &f : w.factors) {
            row << ratioValue(f.value);
            reasons << f.name + QStringLiteral(": ") + f.reason;
        }
        row << reasons.join(QStringLiteral("; "));
        t.rows << row;
    }
    t.keyColumn = 0;
    t.keyKind = QStringLiteral("lead");
    return t;
}

DataTable backtestTable(const std::vector<BacktestMonth> &months, const QString &currency)
{
    analytics::DataTable t;
    t.currency = currency;
    t.columns = {QStringLiteral("month"), QStringLiteral("open_deals"), QStringLiteral("actual_cents"), QStringLiteral("p10_cents"),
                 QStringLiteral("p50_cents"), QStringLiteral("p90_cents"), QStringLiteral("accuracy_pct"), QStringLiteral("in_band"),
                 QStringLiteral("raw_p50_cents"), QStringLiteral("error_ratios"), QStringLiteral("counted")};
    t.headers = {tr("Month"), tr("Open deals"), tr("Actual"), tr("P10"), tr("P50"), tr("P90"), tr("Accuracy"),
                 tr("In band"), tr("P50 before error ratios"), tr("Error ratios used"), tr("Counted in coverage")};
    for (const BacktestMonth &m : months)
        t.rows << QVariantList{analytics::dayDate(m.firstDay).toString(QStringLiteral("yyyy-MM")), m.openDeals, m.actualCents,
                               m.p10, m.p50, m.p90, pctValue(m.accuracy), m.inBand ? 1 : 0, m.rawP50, m.ratios,
                               m.counted() ? 1 : 0};
    return t;
}

} // namespace cockpit::forecast

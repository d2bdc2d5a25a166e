// The pure formulas of rep and team health (see teamhealth.h for every definition).
#include "analytics/teamhealth.h"

#include <QSqlDatabase>
#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace cockpit::analytics {

QString healthDimKey(HealthDim d)
{
    switch (d) {
    case HealthDim::Nps: return QStringLiteral("nps");
    case HealthDim::ServiceResponse: return QStringLiteral("service_response");
    case HealthDim::Fulfilment: return QStringLiteral("contract_fulfilment");
    case HealthDim::Renewal: return QStringLiteral("renewal_intent");
    case HealthDim::Punctuality: return QStringLiteral("payment_punctuality");
    case HealthDim::Complaints: return QStringLiteral("complaints");
    case HealthDim::Adoption: return QStringLiteral("product_adoption");
    case HealthDim::Recency: return QStringLiteral("interaction_recency");
    }
    return {};
}

QString healthDimLabel(HealthDim d)
{
    switch (d) {
    case HealthDim::Nps: return QCoreApplication::translate("TeamHealth", "NPS");
    case HealthDim::ServiceResponse: return QCoreApplication::translate("TeamHealth", "Service response");
    case HealthDim::Fulfilment: return QCoreApplication::translate("TeamHealth", "Contract fulfilment");
    case HealthDim::Renewal: return QCoreApplication::translate("TeamHealth", "Renewal intent");
    case HealthDim::Punctuality: return QCoreApplication::translate("TeamHealth", "Payment punctuality");
    case HealthDim::Complaints: return QCoreApplication::translate("TeamHealth", "Complaints");
    case HealthDim::Adoption: return QCoreApplication::translate("TeamHealth", "Product adoption");
    case HealthDim::Recency: return QCoreApplication::translate("TeamHealth", "Interaction recency");
    }
    return {};
}

QString radarAxisKey(RadarAxis a)
{
    switch (a) {
    case RadarAxis::Compliance: return QStringLiteral("compliance");
    case RadarAxis::CustomerHealth: return QStringLiteral("customer_health");
    case RadarAxis::CrossSell: return QStringLiteral("cross_sell");
    case RadarAxis::Collaboration: return QStringLiteral("collaboration");
    case RadarAxis::Pei: return QStringLiteral("pei");
    case RadarAxis::ResponseTime: return QStringLiteral("response_time");
    }
    return {};
}

QString radarAxisLabel(RadarAxis a)
{
    switch (a) {
    case RadarAxis::Compliance: return QCoreApplication::translate("TeamHealth", "Process compliance");
    case RadarAxis::CustomerHealth: return QCoreApplication::translate("TeamHealth", "Customer health");
    case RadarAxis::CrossSell: return QCoreApplication::translate("TeamHealth", "Cross-sell");
    case RadarAxis::Collaboration: return QCoreApplication::translate("TeamHealth", "Collaboration");
    case RadarAxis::Pei: return QCoreApplication::translate("TeamHealth", "PEI");
    case RadarAxis::ResponseTime: return QCoreApplication::translate("TeamHealth", "Response time");
    }
    return {};
}

Rag processLight(double completionPct, int expected, const TeamHealthSettings &s)
{
    if (expected <= 0)
        return Rag::Grey;
    if (completionPct > s.greenAbovePct)
        return Rag::Green;
    if (completionPct >= s.yellowFromPct)
        return Rag::Yellow;
    return Rag::Red;
}

std::optional<double> median(QVector<double> values)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

QList<QPair<QString, int>> topMissing(const QHash<QString, int> &missing, int n)
{
    QList<QPair<QString, int>> all;
    for (auto it = missing.cbegin(); it != missing.cend(); ++it)
        if (it.value() > 0)
            all.append({it.key(), it.value()});
    std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    return all.mid(0, n);
}

int requiredTasks(int tasksOfWeek, const TeamHealthSettings &s)
{
    return std::max(s.minTasksPerWeek, tasksOfWeek);
}

double responseScore(double minutes, const TeamHealthSettings &s)
{
    if (minutes <= s.fastResponseMin)
        return 100;
    if (minutes >= s.slowResponseMin)
        return 0;
    return 100.0 * (std::log(s.slowResponseMin) - std::log(minutes))
        / (std::log(s.slowResponseMin) - std::log(s.fastResponseMin));
}

std::optional<double> collaborationScore(int ratings, qint64 ratingSum)
{
    if (ratings <= 0)
        return std::nullopt;
    const double mean = double(ratingSum) / ratings;
    return std::clamp((mean - 1.0) / 4.0 * 100.0, 0.0, 100.0);
}

std::optional<double> compositeScore(std::optional<double> compliancePct, std::optional<double> customerHealth,
                                     std::optional<double> crossSellPct, std::optional<double> collaboration,
                                     double firstQuarterShare, const TeamHealthSettings &s)
{
    const std::array<std::optional<double>, 4> v{compliancePct, customerHealth, crossSellPct, collaboration};
    const double f = std::clamp(firstQuarterShare, 0.0, 1.0);
    double sum = 0, weight = 0;
    for (int i = 0; i < 4; ++i) {
        if (!v[i])
            continue;
        const double w = f * s.weightsFirstQuarter[i] + (1 - f) * s.weightsLater[i];
        sum += w * *v[i];
        weight += w;
    }
    if (weight <= 0)
        return std::nullopt;
    return sum / weight;
}

Rag compositeLight(std::optional<double> composite, const std::array<std::optional<double>, 5> &components,
                   const TeamHealthSettings &s)
{
    if (!composite)
        return Rag::Grey;
    const bool whole = std::all_of(components.cbegin(), components.cend(),
                                   [](const std::optional<double> &c) { return c && *c > 0; });
    if (*composite >= s.compositeGreenFrom && whole)
        return Rag::Green;
    if (*composite >= std::min(s.compositeYellowFrom, s.compositeGreenFrom))
        return Rag::Yellow;
    return Rag::Red;
}

int workingDays(QDate first, QDate last)
{
    if (!first.isValid() || !last.isValid() || last < first)
        return 0;
    const qint64 days = first.daysTo(last) + 1;
    qint64 n = days / 7 * 5;
    // The remaining days, from first's weekday on.
    for (qint64 i = 0, dow = first.dayOfWeek() + days / 7 * 7; i < days % 7; ++i, ++dow)
        n += ((dow - 1) % 7) < 5;
    return int(n);
}

QString repStandingKey(RepStanding st)
{
    switch (st) {
    case RepStanding::Ranked: return QStringLiteral("ranked");
    case RepStanding::Left: return QStringLiteral("left");
    case RepStanding::TooLittleData: return QStringLiteral("too_little_data");
    }
    return {};
}

RepStanding repStanding(QDate hired, QDate left, const Period &period, QDate lastDay, int stageExits,
                        const TeamHealthSettings &s)
{
    const QDate last = lastDay.isValid() ? std::min(lastDay, period.last) : period.last;
    if (left.isValid() && left < last)
        return RepStanding::Left;
    const int all = workingDays(period.first, last);
    const QDate from = hired.isValid() ? std::max(hired, period.first) : period.first;
    const int employed = workingDays(from, left.isValid() ? std::min(left, last) : last);
    if (stageExits < s.minExitsToRank || double(employed) < s.minEmployedShareToRank * all)
        return RepStanding::TooLittleData;
    return RepStanding::Ranked;
}

bool twoDeclines(const QVector<std::optional<double>> &trend)
{
    QVector<double> known;
    for (const auto &v : trend)
        if (v)
            known.append(*v);
    const qsizetype n = known.size();
    return n >= 3 && known[n - 1] < known[n - 2] && known[n - 2] < known[n - 3];
}

CustomerHealth customerHealth(const CustomerFacts &f, const TeamHealthSettings &s)
{
    CustomerHealth h;
    auto set = [&h](HealthDim d, double v) { h.dims[int(d)] = std::clamp(v, 0.0, 100.0); };
    if (f.npsMean)
        set(HealthDim::Nps, *f.npsMean * 10.0);
    if (f.responseMinutes)
        set(HealthDim::ServiceResponse, 100.0 * (1440.0 - *f.responseMinutes) / (1440.0 - 60.0));
    if (f.fulfilmentPct)
        set(HealthDim::Fulfilment, *f.fulfilmentPct);
    if (f.renewalIntent)
        set(HealthDim::Renewal, *f.renewalIntent);
    if (f.paymentsDue > 0)
        set(HealthDim::Punctuality, 100.0 * f.paymentsOnTime / f.paymentsDue);
    set(HealthDim::Complaints, 100.0 - 25.0 * f.complaints);
    if (f.trials > 0)
        set(HealthDim::Adoption, 100.0 * f.adopted / f.trials);
    if (f.daysSinceInteraction)
        set(HealthDim::Recency, 100.0 * (90.0 - *f.daysSinceInteraction) / (90.0 - 7.0));
    double sum = 0, weight = 0;
    for (int i = 0; i < kHealthDims; ++i) {
        if (!h.dims[i] || s.healthWeights[i] <= 0)
            continue;
        sum += s.healthWeights[i] * *h.dims[i];
        weight += s.healthWeights[i];
    }
    if (weight > 0)
        h.score = sum / weight;
    return h;
}

void HealthCounts::add(const HealthCounts &o)
{
    exits += o.exits;
    actionsExpected += o.actionsExpected;
    actionsDone += o.actionsDone;
    for (auto it = o.byKind.cbegin(); it != o.byKind.cend(); ++it) {
        KindCount &k = byKind[it.key()];
        k.expected += it.value().expected;
        k.done += it.value().done;
    }
    tasksRequired += o.tasksRequired;
    tasksDone += o.tasksDone;
    tasksListed += o.tasksListed;
    repWeeks += o.repWeeks;
    responseMinutes += o.responseMinutes;
    leadsAssigned += o.leadsAssigned;
    leadsUnanswered += o.leadsUnanswered;
    customers += o.customers;
    customersScored += o.customersScored;
    customersFirstQuarter += o.customersFirstQuarter;
    healthSum += o.healthSum;
    for (int i = 0; i < kHealthDims; ++i) {
        dimSum[i] += o.dimSum[i];
        dimCount[i] += o.dimCount[i];
    }
    wonCents += o.wonCents;
    crossSellCents += o.crossSellCents;
    orders += o.orders;
    ratings += o.ratings;
    ratingSum += o.ratingSum;
}

HealthFigures healthFigures(const HealthCounts &c, const TeamHealthSettings &s)
{
    HealthFigures f;
    if (c.actionsExpected > 0)
        f.compliancePct = 100.0 * c.actionsDone / c.actionsExpected;
    f.light = processLight(f.compliancePct.value_or(0), c.actionsExpected, s);
    if (f.light == Rag::Red) {
        QHash<QString, int> missing;
        for (auto it = c.byKind.cbegin(); it != c.byKind.cend(); ++it)
            missing.insert(it.key(), it.value().expected - it.value().done);
        f.topMissing = topMissing(missing, 3);
    }
    if (c.customersScored > 0)
        f.customerHealth = c.healthSum / c.customersScored;
    if (c.wonCents > 0)
        f.crossSellPct = 100.0 * double(c.crossSellCents) / double(c.wonCents);
    f.collaboration = collaborationScore(c.ratings, c.ratingSum);
    if (c.tasksRequired > 0)
        f.peiPct = 100.0 * c.tasksDone / c.tasksRequired;
    f.responseMedianMin = median(c.responseMinutes);
    if (c.customers > 0)
        f.firstQuarterShare = double(c.customersFirstQuarter) / c.customers;
    f.composite = compositeScore(f.compliancePct, f.customerHealth, f.crossSellPct, f.collaboration,
                                 f.firstQuarterShare, s);
    f.compositeLight = analytics::compositeLight(
        f.composite, {f.compliancePct, f.customerHealth, f.crossSellPct, f.collaboration, f.peiPct}, s);
    f.radar[int(RadarAxis::Compliance)] = f.compliancePct;
    f.radar[int(RadarAxis::CustomerHealth)] = f.customerHealth;
    f.radar[int(RadarAxis::CrossSell)] = f.crossSellPct;
    f.radar[int(RadarAxis::Collaboration)] = f.collaboration;
    if (f.peiPct)
        f.radar[int(RadarAxis::Pei)] = std::min(100.0, *f.peiPct);
    if (f.responseMedianMin)
        f.radar[int(RadarAxis::ResponseTime)] = responseScore(*f.responseMedianMin, s);
    return f;
}

} // namespace cockpit::analytics

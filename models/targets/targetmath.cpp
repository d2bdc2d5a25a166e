#include "targets/targetmath.h"
#include "targets/targetstext.h"

#include <QLocale>

#include <algorithm>
#include <numeric>

namespace cockpit::targets {

QString tierKey(Tier t)
{
    return t == Tier::A ? QStringLiteral("A") : (t == Tier::B ? QStringLiteral("B") : QStringLiteral("C"));
}

std::optional<Tier> parseTier(const QString &key)
{
    if (key == QLatin1String("A"))
        return Tier::A;
    if (key == QLatin1String("B"))
        return Tier::B;
    if (key == QLatin1String("C"))
        return Tier::C;
    return std::nullopt;
}

QVector<Tier> assignTiers(const QVector<qint64> &collections)
{
    const int n = int(collections.size());
    QVector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return collections[x] > collections[y]; });
    const int nA = (n * 20 + 50) / 100;
    const int nC = (n * 30 + 50) / 100;
    QVector<Tier> out(n, Tier::B);
    for (int k = 0; k < n; ++k)
        out[order[k]] = k < nA ? Tier::A : (k >= n - nC ? Tier::C : Tier::B);
    // A tie takes the better tier of its members (the first of its run in rank order).
    for (int k = 1; k < n; ++k)
        if (collections[order[k]] == collections[order[k - 1]])
            out[order[k]] = std::min(out[order[k]], out[order[k - 1]]);
    for (int i = 0; i < n; ++i)
        if (collections[i] <= 0)
            out[i] = Tier::C;
    return out;
}

QString bpText(int bp)
{
    return QLocale().toString(bp / 100.0, 'f', bp % 100 == 0 ? 0 : (bp % 10 == 0 ? 1 : 2)) + QLatin1String(" %");
}

QString checkGrowth(Tier tier, int growthBp, const TargetSettings &s)
{
    const GrowthBand &b = s.band(tier);
    if (growthBp >= b.lowBp && growthBp <= b.highBp)
        return {};
    return tr("The growth %1 lies outside tier %2's band of %3 to %4.")
        .arg(bpText(growthBp), tierKey(tier), bpText(b.lowBp), bpText(b.highBp));
}

QString checkCorrection(int correctionBp, const QString &reason, const TargetSettings &s)
{
    if (correctionBp > s.maxCorrectionBp || correctionBp < -s.maxCorrectionBp)
        return tr("The external correction %1 lies outside ±%2.").arg(bpText(correctionBp), bpText(s.maxCorrectionBp));
    if (correctionBp != 0 && reason.trimmed().isEmpty())
        return tr("An external correction needs a reason.");
    return {};
}

qint64 proposal(qint64 lastYearCents, int growthBp, int correctionBp)
{
    const __int128 v = __int128(std::max<qint64>(lastYearCents, 0)) * (10000 + growthBp + correctionBp);
    return v <= 0 ? 0 : qint64((v + 5000) / 10000);
}

qint64 ProposalBase::scaled(qint64 windowCents) const
{
    if (months <= 0 || months == periodMonths)
        return windowCents;
    const __int128 v = __int128(windowCents) * periodMonths;
    return qint64(v >= 0 ? (v + months / 2) / months : (v - months / 2) / months);
}

ProposalBase proposalBase(QDate periodFirst, int periodMonths, QDate asOfDay, std::optional<QDate> firstCollectionDay)
{
    auto monthOf = [](QDate d) { return QDate(d.year(), d.month(), 1); };
    auto monthsBetween = [](QDate from, QDate to) { // whole months from `from` to `to` (both day 1)
        return (to.year() - from.year()) * 12 + to.month() - from.month();
    };
    ProposalBase b;
    b.periodMonths = periodMonths;
    b.first = monthOf(periodFirst).addMonths(-12);
    b.months = periodMonths;
    if (!firstCollectionDay || !firstCollectionDay->isValid())
        return b;
    const QDate firstFull = firstCollectionDay->day() == 1 ? *firstCollectionDay : monthOf(*firstCollectionDay).addMonths(1);
    if (firstFull <= b.first)
        return b;
    const QDate cut = std::min(monthOf(periodFirst), monthOf(asOfDay));
    const int k = std::min(periodMonths, monthsBetween(firstFull, cut));
    if (k <= 0)
        return b;
    b.first = cut.addMonths(-k);
    b.months = k;
    b.sameLastYear = false;
    return b;
}

QVector<qint64> splitLargestRemainder(qint64 total, const QVector<qint64> &weights)
{
    const int n = int(weights.size());
    QVector<qint64> parts(n, 0);
    if (n == 0)
        return parts;
    __int128 sum = 0;
    for (qint64 w : weights)
        sum += std::max<qint64>(w, 0);
    QVector<qint64> w(n);
    for (int i = 0; i < n; ++i)
        w[i] = sum > 0 ? std::max<qint64>(weights[i], 0) : 1;
    if (sum <= 0)
        sum = n;
    QVector<__int128> rem(n);
    qint64 given = 0;
    for (int i = 0; i < n; ++i) {
        const __int128 p = __int128(total) * w[i];
        parts[i] = qint64(p / sum);
        rem[i] = p % sum;
        given += parts[i];
    }
    QVector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return rem[x] > rem[y]; });
    for (qint64 k = 0, left = total - given; k < left; ++k)
        ++parts[order[int(k % n)]];
    return parts;
}

std::optional<double> attainmentPct(qint64 collectedCents, qint64 targetCents)
{
    if (targetCents <= 0)
        return std::nullopt;
    return double(collectedCents) * 100.0 / double(targetCents);
}

analytics::Rag attainmentColour(qint64 collectedCents, qint64 targetCents)
{
    if (targetCents <= 0)
        return analytics::Rag::Grey;
    const __int128 c = __int128(collectedCents) * 100;
    if (c >= __int128(targetCents) * 90)
        return analytics::Rag::Green;
    if (c >= __int128(targetCents) * 70)
        return analytics::Rag::Yellow;
    return analytics::Rag::Red;
}

QString moneyText(qint64 cents)
{
    const QLocale locale;
    const qint64 a = cents < 0 ? -cents : cents;
    return (cents < 0 ? QStringLiteral("-¥") : QStringLiteral("¥")) + locale.toString(a / 100) + locale.decimalPoint()
           + QStringLiteral("%1").arg(a % 100, 2, 10, QLatin1Char('0'));
}

} // namespace cockpit::targets

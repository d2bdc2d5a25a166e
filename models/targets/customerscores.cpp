#include "targets/customerscores.h"
#include "targets/targetstext.h"

#include <QLocale>

#include <algorithm>
#include <numeric>

namespace cockpit::targets {

QVector<double> percentileScores(const QVector<qint64> &values)
{
    const int n = int(values.size());
    QVector<double> out(n, 0.0);
    if (n == 0)
        return out;
    QVector<qint64> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    for (int i = 0; i < n; ++i) {
        if (values[i] <= 0)
            continue;
        if (n == 1) {
            out[i] = 100;
            continue;
        }
        const auto lo = std::lower_bound(sorted.begin(), sorted.end(), values[i]);
        const auto hi = std::upper_bound(sorted.begin(), sorted.end(), values[i]);
        const double below = double(lo - sorted.begin());
        const double sameOthers = double(hi - lo - 1);
        out[i] = 100.0 * (below + sameOthers / 2.0) / double(n - 1);
    }
    return out;
}

QVector<ValueScore> valueScores(const QVector<ValueInputs> &customers)
{
    QVector<qint64> purchases, trials;
    for (const ValueInputs &c : customers) {
        purchases << c.purchasesCents;
        trials << c.trials;
    }
    const QVector<double> p = percentileScores(purchases), t = percentileScores(trials);
    QVector<ValueScore> out;
    out.reserve(customers.size());
    for (int i = 0; i < customers.size(); ++i) {
        ValueScore v{customers[i].customerId, p[i], t[i], {}, 0};
        if (customers[i].npsMean)
            v.satisfaction = std::clamp(*customers[i].npsMean * 10.0, 0.0, 100.0);
        const double wSat = v.satisfaction ? 0.3 : 0.0, total = 0.7 + wSat;
        v.score = (0.4 * v.purchases + wSat * v.satisfaction.value_or(0) + 0.3 * v.trials) / total;
        out << v;
    }
    return out;
}

QString valueBreakdownText(const ValueScore &v)
{
    const QLocale locale;
    const double total = v.satisfaction ? 1.0 : 0.7;
    QString text = tr("purchases %1 × %2 %; trials %3 × %4 %")
                          .arg(locale.toString(v.purchases, 'f', 0), locale.toString(40 / total, 'f', 1),
                               locale.toString(v.trials, 'f', 0), locale.toString(30 / total, 'f', 1));
    if (v.satisfaction)
        text += tr("; satisfaction %1 × %2 %").arg(locale.toString(*v.satisfaction, 'f', 0),
                                                    locale.toString(30 / total, 'f', 1));
    else
        text += tr("; satisfaction left out (no survey), the other weights renormalised");
    return text;
}

HealthBreakdown healthBreakdown(const analytics::CustomerFacts &facts, const analytics::TeamHealthSettings &s)
{
    const analytics::CustomerHealth h = analytics::customerHealth(facts, s);
    HealthBreakdown b;
    b.score = h.score;
    double total = 0;
    for (int i = 0; i < analytics::kHealthDims; ++i)
        if (h.dims[i])
            total += s.healthWeights[i];
    b.parts.reserve(analytics::kHealthDims);
    for (int i = 0; i < analytics::kHealthDims; ++i) {
        HealthPart part{analytics::HealthDim(i), h.dims[i], 0, 0};
        if (h.dims[i] && total > 0) {
            part.weightPct = s.healthWeights[i] / total * 100.0;
            part.points = *h.dims[i] * part.weightPct / 100.0;
        }
        b.parts << part;
    }
    return b;
}

QString healthBreakdownText(const HealthBreakdown &b)
{
    const QLocale locale;
    QStringList parts, missing;
    for (const HealthPart &part : b.parts) {
        if (part.value && part.weightPct > 0)
            parts << tr("%1 %2 × %3 %").arg(analytics::healthDimLabel(part.dim), locale.toString(*part.value, 'f', 0),
                                             locale.toString(part.weightPct, 'f', 1));
        else
            missing << analytics::healthDimLabel(part.dim);
    }
    QString text = parts.join(QStringLiteral("; "));
    if (!missing.isEmpty())
        text += tr("; left out (no data): %1, the other weights renormalised").arg(missing.join(QStringLiteral(", ")));
    return text;
}

QVector<Pick> morningPicks(const QVector<PickInput> &customers, int perRep)
{
    QVector<QString> owners;
    QHash<QString, QVector<Pick>> byOwner;
    const QLocale locale;
    for (const PickInput &c : customers) {
        if (!byOwner.contains(c.ownerId))
            owners << c.ownerId;
        const double health = c.health.score.value_or(50.0);
        Pick p{c.customerId, c.name, c.ownerId, 0.6 * c.value + 0.4 * (100.0 - health), {}};
        const HealthPart *weakest = nullptr;
        for (const HealthPart &part : c.health.parts)
            if (part.value && (!weakest || *part.value < *weakest->value))
                weakest = &part;
        if (!c.health.score)
            p.why = tr("value %1; no health data yet").arg(locale.toString(c.value, 'f', 0));
        else
            p.why = tr("value %1, health %2; weakest: %3 %4")
                        .arg(locale.toString(c.value, 'f', 0), locale.toString(*c.health.score, 'f', 0),
                             analytics::healthDimLabel(weakest->dim), locale.toString(*weakest->value, 'f', 0));
        byOwner[c.ownerId] << p;
    }
    QVector<Pick> out;
    for (const QString &owner : owners) {
        QVector<Pick> &list = byOwner[owner];
        std::stable_sort(list.begin(), list.end(), [](const Pick &a, const Pick &b) {
            return a.priority != b.priority ? a.priority > b.priority : a.name < b.name;
        });
        out += list.mid(0, perRep);
    }
    return out;
}

} // namespace cockpit::targets

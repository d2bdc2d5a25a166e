#include "assign/assigner.h"

#include <algorithm>
#include <tuple>

namespace cockpit::assign {

namespace {

std::uint64_t fnv1a(const QString &s)
{
    std::uint64_t h = 1469598103934665603ull;
    for (const QChar c : s) {
        h ^= c.unicode();
        h *= 1099511628211ull;
    }
    return h;
}

std::uint64_t splitmix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

const QString kBands[] = {QStringLiteral("<10万"), QStringLiteral("10-50万"), QStringLiteral("50万+")};

} // namespace

int bandRank(const QString &band)
{
    const QString b = band.trimmed();
    for (int i = 0; i < 3; ++i)
        if (b == kBands[i])
            return i;
    return -1;
}

QString bandName(int rank)
{
    return rank >= 0 && rank < 3 ? kBands[rank] : QString();
}

int winRatePercent(int won, int lost)
{
    const int total = won + lost;
    if (total <= 0 || won < 0 || lost < 0)
        return -1;
    return (won * 200 + total) / (2 * total);
}

Assigner::Assigner(std::vector<Rep> reps, Options options, OrgNames names)
    : m_reps(std::move(reps)), m_options(std::move(options)), m_names(std::move(names))
{
    m_idHash.reserve(m_reps.size());
    m_sequence.assign(m_reps.size(), 0);
    for (int i = 0; i < int(m_reps.size()); ++i) {
        Rep &r = m_reps[size_t(i)];
        r.bandRank = std::clamp(r.bandRank, 0, 2);
        for (QString &industry : r.industries)
            industry = industry.trimmed();
        m_idHash.push_back(fnv1a(r.id));
        m_byId.insert(r.id, i);
        if (!isActive(i))
            continue; // only active sales reps are ever candidates
        m_all.push_back(i);
        if (!r.teamId.isEmpty())
            m_byTeam[r.teamId].push_back(i);
        if (!r.cityId.isEmpty())
            m_byCity[r.cityId].push_back(i);
        if (!r.regionId.isEmpty())
            m_byRegion[r.regionId].push_back(i);
    }
}

bool Assigner::isActive(int rep) const
{
    const Rep &r = m_reps[size_t(rep)];
    if (r.role != QLatin1String("sales"))
        return false;
    return !r.leftDate.isValid() || (m_options.today.isValid() && r.leftDate > m_options.today);
}

bool Assigner::matchesIndustry(int rep, const LeadFacts &lead) const
{
    const QString industry = lead.industry.trimmed();
    return industry.isEmpty() || m_reps[size_t(rep)].industries.contains(industry);
}

bool Assigner::matchesBand(int rep, const LeadFacts &lead) const
{
    const int need = bandRank(lead.budgetBand);
    return need < 0 || m_reps[size_t(rep)].bandRank >= need;
}

bool Assigner::underCap(int rep) const
{
    return m_reps[size_t(rep)].openLoad < m_options.loadCap;
}

bool Assigner::isEligible(int rep, const LeadFacts &lead) const
{
    return rep >= 0 && rep < int(m_reps.size()) && isActive(rep) && m_reps[size_t(rep)].id != lead.ownerId
           && matchesIndustry(rep, lead) && matchesBand(rep, lead) && underCap(rep);
}

Scope Assigner::effectiveScope(const LeadFacts &lead) const
{
    if (m_options.scope != Scope::Auto)
        return m_options.scope;
    if (!lead.teamId.isEmpty())
        return Scope::Team;
    if (!lead.cityId.isEmpty())
        return Scope::City;
    if (!lead.regionId.isEmpty())
        return Scope::Region;
    return Scope::Company;
}

std::vector<int> Assigner::candidates(const LeadFacts &lead) const
{
    const std::vector<int> *pool = &m_all;
    static const std::vector<int> none;
    switch (effectiveScope(lead)) {
    case Scope::Team: {
        const auto it = m_byTeam.constFind(lead.teamId);
        pool = it == m_byTeam.constEnd() ? &none : &it.value();
        break;
    }
    case Scope::City: {
        const auto it = m_byCity.constFind(lead.cityId);
        pool = it == m_byCity.constEnd() ? &none : &it.value();
        break;
    }
    case Scope::Region: {
        const auto it = m_byRegion.constFind(lead.regionId);
        pool = it == m_byRegion.constEnd() ? &none : &it.value();
        break;
    }
    case Scope::Auto:
    case Scope::Company:
        break;
    }
    std::vector<int> out;
    out.reserve(pool->size());
    for (int i : *pool)
        if (m_reps[size_t(i)].id != lead.ownerId)
            out.push_back(i);
    return out;
}

QString Assigner::scopeName(const LeadFacts &lead) const
{
    switch (effectiveScope(lead)) {
    case Scope::Team:
        return m_names.teams.value(lead.teamId, lead.teamId);
    case Scope::City:
        return m_names.cities.value(lead.cityId, lead.cityId);
    case Scope::Region:
        return m_names.regions.value(lead.regionId, lead.regionId);
    case Scope::Auto:
    case Scope::Company:
        break;
    }
    return tr("the company");
}

QString Assigner::teamName(int rep) const
{
    const Rep &r = m_reps[size_t(rep)];
    return r.teamId.isEmpty() ? m_names.cities.value(r.cityId) : m_names.teams.value(r.teamId, r.teamId);
}

std::uint64_t Assigner::tieKey(int rep, const LeadFacts &lead) const
{
    const std::uint64_t leadHash = fnv1a(lead.id);
    return splitmix(m_options.seed ^ splitmix(m_idHash[size_t(rep)] ^ ((leadHash << 29) | (leadHash >> 35))));
}

bool Assigner::before(int a, int b, const LeadFacts &lead) const
{
    const Rep &ra = m_reps[size_t(a)];
    const Rep &rb = m_reps[size_t(b)];
    const auto ka = std::make_tuple(ra.lastAssignedAt, m_sequence[size_t(a)], ra.assigned24h);
    const auto kb = std::make_tuple(rb.lastAssignedAt, m_sequence[size_t(b)], rb.assigned24h);
    if (ka != kb)
        return ka < kb;
    const std::uint64_t ta = tieKey(a, lead), tb = tieKey(b, lead);
    if (ta != tb)
        return ta < tb;
    return ra.id < rb.id; // only on a 64-bit hash collision
}

Decision Assigner::decide(const LeadFacts &lead) const
{
    const std::vector<int> cands = candidates(lead);
    int best = -1;
    for (int i : cands) {
        if (!matchesIndustry(i, lead) || !matchesBand(i, lead) || !underCap(i))
            continue;
        if (best < 0 || before(i, best, lead))
            best = i;
    }
    Decision d;
    if (best >= 0) {
        d.rep = best;
        d.repId = m_reps[size_t(best)].id;
        d.outcome = Outcome::Assigned;
        return d;
    }
    d.message = noneMessage(lead, cands, &d.outcome);
    return d;
}

Decision Assigner::assign(const LeadFacts &lead)
{
    const Decision d = decide(lead);
    if (d.rep >= 0)
        record(d.rep, lead);
    return d;
}

void Assigner::record(int rep, const LeadFacts &lead)
{
    if (rep < 0 || rep >= int(m_reps.size()))
        return;
    Rep &r = m_reps[size_t(rep)];
    if (lead.open) {
        ++r.openLoad;
        const int old = indexOf(lead.ownerId);
        if (old >= 0 && old != rep)
            m_reps[size_t(old)].openLoad = std::max(0, m_reps[size_t(old)].openLoad - 1);
    }
    ++r.assigned24h;
    r.lastAssignedAt = std::max(r.lastAssignedAt, m_options.now);
    m_sequence[size_t(rep)] = m_nextSequence++;
}

QString Assigner::noneMessage(const LeadFacts &lead, const std::vector<int> &cands, Outcome *outcome) const
{
    const QString scope = scopeName(lead);
    if (cands.empty()) {
        *outcome = Outcome::NoRepsInScope;
        return tr("No eligible rep: %1 has no active sales rep to take the lead.").arg(scope);
    }
    const QString industry = lead.industry.trimmed();
    std::vector<int> industryOk, bandOk;
    for (int i : cands)
        if (matchesIndustry(i, lead))
            industryOk.push_back(i);
    if (industryOk.empty()) {
        *outcome = Outcome::NoIndustryMatch;
        return tr("No eligible rep: nobody in %1 has won %2 before.").arg(scope, industry);
    }
    for (int i : industryOk)
        if (matchesBand(i, lead))
            bandOk.push_back(i);
    const QString band = bandName(bandRank(lead.budgetBand));
    if (bandOk.empty()) {
        *outcome = Outcome::NoBandMatch;
        return industry.isEmpty()
                   ? tr("No eligible rep: nobody in %1 handles %2 budgets.").arg(scope, band)
                   : tr("No eligible rep: nobody in %1 who has won %2 handles %3 budgets.")
                         .arg(scope, industry, band);
    }
    *outcome = Outcome::AllAtCap;
    int lowest = bandOk.front();
    for (int i : bandOk)
        if (m_reps[size_t(i)].openLoad < m_reps[size_t(lowest)].openLoad)
            lowest = i;
    const Rep &low = m_reps[size_t(lowest)];
    if (bandOk.size() == 1)
        return tr("No eligible rep: the only matching rep of %1, %2, is at the load cap of %3 (%4 open leads).")
            .arg(scope, low.name).arg(m_options.loadCap).arg(low.openLoad);
    if (bandOk.size() == cands.size())
        return tr("No eligible rep: all %1 reps of %2 are at the load cap of %3 (lowest: %4 with %5).")
            .arg(bandOk.size()).arg(scope).arg(m_options.loadCap).arg(low.name).arg(low.openLoad);
    return tr("No eligible rep: all %1 matching reps of %2 are at the load cap of %3 (lowest: %4 with %5).")
        .arg(bandOk.size()).arg(scope).arg(m_options.loadCap).arg(low.name).arg(low.openLoad);
}

Recommendation Assigner::explain(int rep, const LeadFacts &lead) const
{
    const Rep &r = m_reps[size_t(rep)];
    Recommendation rec;
    rec.rep = rep;
    rec.repId = r.id;
    rec.name = r.name;
    rec.industryMatch = matchesIndustry(rep, lead);
    rec.bandMatch = matchesBand(rep, lead);
    rec.underCap = underCap(rep);
    rec.eligible = isEligible(rep, lead);
    rec.load = r.openLoad;
    rec.cap = m_options.loadCap;
    rec.won = r.won;
    rec.lost = r.lost;
    rec.assigned24h = r.assigned24h;
    rec.winRate = winRatePercent(r.won, r.lost);

    const QString industry = lead.industry.trimmed();
    if (industry.isEmpty())
        rec.reasons << tr("Industry: the customer has none recorded, any rep qualifies");
    else if (rec.industryMatch)
        rec.reasons << tr("Industry: has won %1 before").arg(industry);
    else
        rec.reasons << tr("Industry: has not won %1 before").arg(industry);

    const int need = bandRank(lead.budgetBand);
    const QString handles = bandName(r.bandRank);
    if (need < 0)
        rec.reasons << tr("Budget: no band on the lead; handles up to %1").arg(handles);
    else if (rec.bandMatch)
        rec.reasons << tr("Budget: handles %1 (up to %2)").arg(bandName(need), handles);
    else
        rec.reasons << tr("Budget: handles only up to %1, the lead is %2").arg(handles, bandName(need));

    if (rec.underCap)
        rec.reasons << tr("Load: %1 / %2 open leads").arg(r.openLoad).arg(m_options.loadCap);
    else
        rec.reasons << tr("Load: %1 / %2 open leads, over the load cap").arg(r.openLoad).arg(m_options.loadCap);

    if (rec.winRate < 0)
        rec.reasons << tr("Win rate: no leads closed in the last %1 days").arg(m_options.winRateDays);
    else
        rec.reasons << tr("Win rate: %1 % over the last %2 days (%3 won, %4 lost)")
                           .arg(rec.winRate).arg(m_options.winRateDays).arg(r.won).arg(r.lost);
    rec.reasons << tr("Leads assigned in the last 24 h: %1").arg(r.assigned24h);
    return rec;
}

QList<Recommendation> Assigner::recommend(const LeadFacts &lead, int count) const
{
    std::vector<int> cands = candidates(lead);
    auto misses = [&](int i) {
        return int(!matchesIndustry(i, lead)) + int(!matchesBand(i, lead)) + int(!underCap(i));
    };
    std::sort(cands.begin(), cands.end(), [&](int a, int b) {
        const int ma = misses(a), mb = misses(b);
        if (ma != mb)
            return ma < mb;
        if (ma == 0)
            return before(a, b, lead); // the order assign() picks in
        const auto ka = std::make_tuple(!matchesIndustry(a, lead), !matchesBand(a, lead),
                                        m_reps[size_t(a)].openLoad, m_reps[size_t(a)].assigned24h);
        const auto kb = std::make_tuple(!matchesIndustry(b, lead), !matchesBand(b, lead),
                                        m_reps[size_t(b)].openLoad, m_reps[size_t(b)].assigned24h);
        if (ka != kb)
            return ka < kb;
        const std::uint64_t ta = tieKey(a, lead), tb = tieKey(b, lead);
        return ta != tb ? ta < tb : m_reps[size_t(a)].id < m_reps[size_t(b)].id;
    });
    QList<Recommendation> out;
    for (int i = 0; i < int(cands.size()) && out.size() < count; ++i)
        out << explain(cands[size_t(i)], lead);
    return out;
}

QString Assigner::ownerNote(const LeadFacts &lead) const
{
    const int owner = indexOf(lead.ownerId);
    if (owner < 0)
        return lead.ownerId.isEmpty() ? tr("The lead has no owner yet.") : QString();
    const Rep &r = m_reps[size_t(owner)];
    if (r.leftDate.isValid() && (!m_options.today.isValid() || r.leftDate <= m_options.today))
        return tr("Current owner %1 left on %2.").arg(r.name, r.leftDate.toString(Qt::ISODate));
    return {};
}

} // namespace cockpit::assign

#pragma once
// Fair lead assignment (DESIGN.md §3 "智能轮询+能力标签"): a pure algorithm over plain facts,
// no SQL and no clock of its own, so every rule is unit- and property-tested.
//
// Rules (decided here, documented in README.md):
// - Eligible = an active sales rep (role "sales", no left_date on or before today), in the
//   lead's scope, not the lead's current owner, whose capability tags hold the customer's
//   industry (empty industry: no requirement), who handles the lead's budget band (a rep
//   whose largest band is 50万+ also takes 10-50万 and <10万; an empty or unknown band on the
//   lead is no requirement; a rep with no band handles <10万 only), and whose open load is
//   below the cap, so that after the assignment load ≤ cap.
// - Scope (Scope::Auto): the lead's team when it has one (reassigning within the team),
//   else the customer's city, else its region, else the whole company. Never widened
//   silently: when nobody in scope is eligible the lead stays unassigned with a reason.
// - Choice among the eligible: round robin = the rep whose last assignment is oldest (never
//   assigned first); ties by fewest leads assigned in the last 24 h; then at random from a
//   seeded hash of (seed, rep id, lead id). No id, hire date or input order decides a tie,
//   so a shuffled rep list gives the same answer (tested).
#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace cockpit::assign {

// Budget bands, small to large: 0 "<10万", 1 "10-50万", 2 "50万+"; -1 for empty/unknown.
int bandRank(const QString &band);
QString bandName(int rank);

// Integer percent won / (won + lost), rounded half up; -1 when nothing closed.
int winRatePercent(int won, int lost);

struct Rep
{
    QString id, name, role, teamId, cityId, regionId;
    QDate leftDate;         // invalid = still with the company
    QStringList industries; // capability tags: industries won before
    int bandRank = 0;       // largest budget band handled (-1 stored as 0)
    int openLoad = 0;       // open leads owned now
    int assigned24h = 0;    // leads assigned to the rep in the last 24 h
    qint64 lastAssignedAt = 0; // epoch seconds of the newest assignment; 0 = never
    int won = 0, lost = 0;  // leads closed in the win-rate window
};

struct LeadFacts
{
    QString id, industry, budgetBand, ownerId, teamId, cityId, regionId;
    bool open = true;
};

enum class Scope { Auto, Team, City, Region, Company };

struct Options
{
    int loadCap = 8;
    int winRateDays = 180;
    std::uint64_t seed = 0;
    Scope scope = Scope::Auto;
    QDate today;        // for left_date
    qint64 now = 0;     // epoch seconds, recorded as the assignment time
};

struct OrgNames
{
    QHash<QString, QString> teams, cities, regions;
};

enum class Outcome {
    Assigned,
    NoRepsInScope,   // no active sales rep (other than the current owner) in scope
    NoIndustryMatch, // nobody in scope has won the customer's industry
    NoBandMatch,     // nobody with the industry handles the lead's budget band
    AllAtCap,        // every matching rep is at the load cap
};

struct Decision
{
    int rep = -1;      // index into Assigner::reps(), -1 = stays unassigned
    QString repId;
    Outcome outcome = Outcome::NoRepsInScope;
    QString message;   // translated; why nobody was chosen (empty when assigned)
};

struct Recommendation
{
    int rep = -1;
    QString repId, name;
    bool eligible = false, industryMatch = false, bandMatch = false, underCap = false;
    int load = 0, cap = 0, won = 0, lost = 0, assigned24h = 0;
    int winRate = -1;     // percent, -1 = nothing closed
    QStringList reasons;  // translated, one line per criterion
};

class Assigner
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::assign::Assigner)

public:
    Assigner(std::vector<Rep> reps, Options options, OrgNames names = {});

    const std::vector<Rep> &reps() const { return m_reps; }
    const Options &options() const { return m_options; }
    int indexOf(const QString &repId) const { return m_byId.value(repId, -1); }

    bool isActive(int rep) const;
    bool matchesIndustry(int rep, const LeadFacts &lead) const;
    bool matchesBand(int rep, const LeadFacts &lead) const;
    bool underCap(int rep) const;
    bool isEligible(int rep, const LeadFacts &lead) const;

    // Active sales reps of the lead's scope other than its current owner (any order).
    std::vector<int> candidates(const LeadFacts &lead) const;
    // "成都一组", "成都", "华西" or "the company".
    QString scopeName(const LeadFacts &lead) const;
    // The rep's team name (or city, when the rep has no team).
    QString teamName(int rep) const;

    // Whom the lead would go to; changes nothing.
    Decision decide(const LeadFacts &lead) const;
    // decide() and, when someone is chosen, record it (load, last 24 h, rotation).
    Decision assign(const LeadFacts &lead);
    // Records an assignment made by hand (or by assign()): the new owner's load and
    // rotation advance, the old owner's open load drops.
    void record(int rep, const LeadFacts &lead);

    // The best `count` reps of the scope with their reasons: eligible ones first, in the
    // order assign() would pick them, then the nearest misses (fewest unmet criteria,
    // lowest load). Explains even when nobody is eligible.
    QList<Recommendation> recommend(const LeadFacts &lead, int count = 3) const;

    // "Current owner 王五 left on 2026-10-29." when the owner left; empty otherwise.
    QString ownerNote(const LeadFacts &lead) const;

private:
    Scope effectiveScope(const LeadFacts &lead) const;
    std::uint64_t tieKey(int rep, const LeadFacts &lead) const;
    bool before(int a, int b, const LeadFacts &lead) const; // round-robin order
    QString noneMessage(const LeadFacts &lead, const std::vector<int> &cands, Outcome *outcome) const;
    Recommendation explain(int rep, const LeadFacts &lead) const;

    std::vector<Rep> m_reps;
    std::vector<std::uint64_t> m_idHash;
    std::vector<std::uint64_t> m_sequence; // in-batch rotation: later assignments sort later
    std::uint64_t m_nextSequence = 1;
    Options m_options;
    OrgNames m_names;
    QHash<QString, int> m_byId;
    QHash<QString, std::vector<int>> m_byTeam, m_byCity, m_byRegion;
    std::vector<int> m_all;
};

} // namespace cockpit::assign

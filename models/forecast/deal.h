#pragma once
// One deal as the forecast sees it, at one moment ("as of"): what was known then. Filled by
// dealloader.cpp from the file; built by hand in tests. Days are company day numbers (days
// since 1970-01-01, 00:00 Beijing); money is integer cents.
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <array>
#include <cstdint>
#include <vector>

namespace cockpit::forecast {

enum class Outcome : std::int8_t { Open, Won, Lost };

// The coefficients of DESIGN §5 that are learned as lifts over the org's closed deals. Each
// deal puts each in one bucket (kNotRecorded when the deal has no value for it).
enum Factor : int {
    Punctuality,    // customer: share of its payments paid by the due day (buckets below)
    Tenure,         // customer: years as a customer at the deal's creation
    BudgetShare,    // customer: the deal's amount / the customer's budget
    Seniority,      // deal: seniority of the contact met (decision_role → the contact's seniority)
    Competitor,     // deal: competitor present 0/1
    TechValidation, // deal: 0 none, 1 demo held only, 2 validated only, 3 demo and validated
    FactorCount
};
inline constexpr std::int8_t kNotRecorded = -1;

// Facts a closed deal's outcome writes in some files (the demo fills the intent letter only on
// deals not lost, and the gate fields on every won deal): then the fact tells the outcome and
// is not learned from. Bits of DealSet::outcomeWritten.
enum WrittenFact : int { IntentFact = 1, RoleFact = 2, CompetitorFact = 4, ValidationFact = 8 };
// A fact on no lost deal while on ≥ 20 % of won ones, or on every won deal while on < 90 % of
// lost ones (at least 20 of each).
bool writtenByOutcome(int wonWith, int won, int lostWith, int lost);

struct Deal
{
    qint64 id = 0;
    int pipeline = 0;
    int stage = 0;                 // stage id (the one it was in as of the moment)
    static constexpr int kInlineStages = 4;
    QVarLengthArray<int, kInlineStages> stagesReached; // non-closing stage ids it entered up to that moment
    int industry = -1;             // index into DealSet::industries; -1 = none
    int product = -1;              // product id; -1 = none
    int customer = 0;
    int owner = 0;
    qint64 amountCents = 0;
    bool amountEstimated = false;  // amount not usable (see DealSet::amountLeaks): an estimate
    qint64 createdDay = 0;
    qint64 closedDay = -1;         // -1 while open
    Outcome outcome = Outcome::Open;
    qint64 expectedCloseDay = -1;  // -1 = none
    int recordedProbability = 0;   // the rep's own percent (leads.probability)
    std::array<std::int8_t, FactorCount> bucket{kNotRecorded, kNotRecorded, kNotRecorded,
                                                kNotRecorded, kNotRecorded, kNotRecorded};
    bool finalApproverMet = false; // decision_role = final_approver
    bool decisionRoleKnown = false;
    // Intent letter (意向书) facts.
    bool intentSeal = false, intentBudget = false, intentContact = false, intentNextMeeting = false;
    bool demoHeld = false;
    int salesActions = 0;
    int customerResponses = 0;
    // For each of stagesReached (same order): the activity facts when the deal left that stage
    // (or as of the moment, for the stage it is in), so the learned model sees a closed deal's
    // stage as an open deal in it is seen — not with the activity that came later.
    struct StageFacts
    {
        bool demoHeld = false;
        int salesActions = 0, customerResponses = 0;
    };
    QVarLengthArray<StageFacts, kInlineStages> stageFacts;
    bool closed() const { return outcome != Outcome::Open; }
    bool won() const { return outcome == Outcome::Won; }
    bool intentComplete() const { return intentSeal && intentBudget && intentContact && intentNextMeeting; }
};

struct DealSet
{
    std::vector<Deal> deals;
    QStringList industries;
    // Stage id → display name and whether it closes the deal.
    std::vector<QString> stageNames; // indexed by stage id (empty where none)
    QHash<qint64, QString> titles;   // deal id → title (the deals open now; History::openTitles)
    qint64 asOfDay = 0;
    bool intentRecorded = false; // any deal of the file has any intent-letter fact
    // The file records an amount only for won deals (lost deals at 0, as Maven's close_value):
    // then a deal's own amount tells its outcome, so it is neither a feature nor the forecast's
    // value; the forecast uses the median won amount of its product (else of all won deals).
    bool amountLeaks = false;
    // Facts the outcome writes (History::outcomeWritten): not learned from.
    int outcomeWritten = 0;
    // The file writes expected close dates over at closing (History::closeDateWritten): every
    // open deal is then timed by its age (forecast.cpp), today and in the backtest alike.
    bool closeDateWritten = false;
    QString stageName(int stage) const
    {
        return stage >= 0 && std::size_t(stage) < stageNames.size() ? stageNames[std::size_t(stage)] : QString();
    }
};

} // namespace cockpit::forecast

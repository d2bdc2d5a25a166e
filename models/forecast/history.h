#pragma once
// The file's deals with their history, read once (dealloader.cpp), and the pure
// reconstruction of the pipeline as it stood at any moment (asOf).
//
// What asOf() rebuilds exactly: which deals existed (created before the moment), which were
// open or closed (closed_at), the stage each was in and the stages it had reached
// (stage_history), the demos, sales actions and customer responses before the moment, and the
// customer's payment punctuality over payments due before it.
// What it cannot rebuild (the file keeps only the current value): the amount, the expected
// close date (the demo and most CRMs overwrite it with the real date at closing), the gate
// fields (competitor, technical validation, decision role) and the intent-letter facts, the
// customer's budget and the rep's own probability. Those are read as they stand now.
#include "forecast/deal.h"

#include <QHash>

class QSqlDatabase;

namespace cockpit::forecast {

struct DealHistory
{
    Deal current;                                  // facts as they stand now (status: now)
    qint64 createdAt = 0, closedAt = -1;           // epoch seconds
    std::vector<std::pair<qint64, int>> moves;     // (at, to stage), ascending
    qint64 firstDemoAt = -1;
    std::vector<qint64> salesAt, customerAt;       // ascending
    qint64 customerSinceDay = -1, budgetCents = 0;
    int seniorityBucket = kNotRecorded;            // from decision_role and the contacts
};

struct History
{
    std::vector<DealHistory> deals;
    QStringList industries;
    std::vector<QString> stageNames;               // in the interface's language when loaded
    std::vector<char> stageCloses;
    QHash<qint64, QString> openTitles;             // deal id → title, of the deals open now                 // by stage id: 1 = a closing (won) stage
    QHash<int, std::vector<std::pair<qint64, qint64>>> payments; // customer → (due day, paid day or -1)
    QString currency;
    bool intentRecorded = false, amountLeaks = false;
    bool closeDateWritten = false; // closeDateWrittenAtClose() of the deals as they stand now
    int outcomeWritten = 0; // WrittenFact bits
};

// Reads every live deal (throws analytics::QueryError).
History loadHistory(QSqlDatabase db);
// The newest moment something happened to a deal: a stage move after its creation, its close,
// a sales action or a customer's response (epoch seconds; 0 without any). Creation is left
// out: an import stamps the deals it has no date for (Maven's prospects) with its own time.
qint64 lastEventSecs(const History &h);
// When a forecast "now" is made: `nowSecs`, unless the deals end more than kStaleDays before
// it (an imported history, such as a CRM export of 2017): then 00:00 of the company day after
// the last event, as if the forecast were made then. Open deals of such a file were open when
// it was exported, not today; a forecast of today's months would be of nothing.
inline constexpr int kStaleDays = 60;
qint64 forecastMoment(const History &h, qint64 nowSecs);
// The same from the history's lastEventSecs(), when the caller has it already.
qint64 forecastMoment(qint64 lastEventSecs, qint64 nowSecs);
// The records of the deals that read the same as of any moment after their close: closed,
// with nothing after the close that a record counts (no move, sales action, response or demo).
// Made once for asOf() to copy rather than rebuild, where it is asked for many moments (the
// backtest's months: on the large demo 91 % of the deals, and asOf() 3× faster).
struct SettledDeals
{
    std::vector<Deal> records; // by index in History::deals (a blank Deal where not settled)
    std::vector<char> settled;
};
SettledDeals settledDeals(const History &h);
// The deals created before `asOfSecs`, as they stood then; asOfDay = its company day. With
// `settled` (of this history), the same, faster.
DealSet asOf(const History &h, qint64 asOfSecs, const SettledDeals *settled = nullptr);
// The punctuality bucket of payments (due day, paid day or −1) due before `day`: share paid
// on or before the due day < 70 % → 0, < 95 % → 1, else 2; none due → kNotRecorded.
int punctualityBucket(const std::vector<std::pair<qint64, qint64>> &payments, qint64 day);
// Years as a customer at `day`: < 1 → 0, < 3 → 1, else 2; no date, or a customer only after
// `day` (a prospect then, whose win may have made it one) → kNotRecorded.
int tenureBucket(qint64 sinceDay, qint64 day);
// Amount / budget: ≤ 50 % → 0, ≤ 100 % → 1, else 2; no budget or amount → kNotRecorded.
int budgetShareBucket(qint64 amountCents, qint64 budgetCents);
// Lost deals (nearly) all at 0 while won deals have amounts: the amount tells the outcome.
bool amountLeaksOutcome(const std::vector<Deal> &deals);
// The file writes a deal's expected close date over with the real one when it closes (the demo
// does, as most CRMs do): of at least 20 closed deals with an expected date, ≥ 90 % closed on
// exactly that day. Then no past moment's expected dates are known and no slip can be learned.
bool closeDateWrittenAtClose(const std::vector<Deal> &deals);
// The median amount of won deals of the same product (else all won deals) closed before
// `day`, for deals whose amount cannot be used; 0 when none.
void estimateAmounts(std::vector<Deal> &deals, qint64 day);

} // namespace cockpit::forecast

#pragma once
// Manual forecast revisions (DESIGN.md §5 "Forecast", issue 14): a manager who knows better than
// the simulation ("the customer's CFO is abroad, approval slips") records a revised value with a
// reason code and a note. A revision revises a forecast snapshot (forecast_snapshots: the
// forecast of a period and org unit as it stood when taken) and is a row of its own: neither
// is ever updated or deleted here, so what was forecast and why it was changed stay readable.
// Both are written with their outbox entries (storage/outbox.h) and announced, like targets.
//
// The heat map counts revisions by reason × month (the revised snapshot's period start) for
// an org unit and everything inside it, with each cell's split by unit for its tooltip.
#include "analytics/orgunits.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QSqlDatabase;

namespace cockpit::storage {
class Database;
}

namespace cockpit::forecast {

// The reasons offered first (DESIGN §5's examples); the list grows by the reasons used.
QStringList defaultRevisionReasons();
// The reason codes offered for a new revision. Until a manager edits the list: the defaults
// and every reason used in the file, in that order, without repeats. Once edited (settings
// key kRevisionReasonsKey, a JSON array kept in this file): exactly that list, plus a code
// typed for a revision, which joins it. Revisions keep the code they were saved with; a code
// removed from the list stays in their heat map.
QStringList revisionReasons(QSqlDatabase db);
// The list before any edit: the defaults and every reason used in the file.
QStringList uneditedRevisionReasons(QSqlDatabase db);
// The edited list, or nothing while it was never edited (revisionReasons() is this, else
// the unedited list).
std::optional<QStringList> editedRevisionReasons(QSqlDatabase db);
inline constexpr const char *kRevisionReasonsKey = "forecast.revision_reasons";
// Checks and cleans an edited list (each code trimmed, 1–kMaxReasonLength characters, no
// repeats, at least one code); empty `error` when it can be saved.
QStringList cleanRevisionReasons(const QStringList &codes, QString *error);
inline constexpr int kMaxReasonLength = 60;

struct RevisionHeat
{
    QStringList reasons;        // rows, most used first
    std::vector<qint64> months; // columns: first days, ascending
    std::vector<std::vector<int>> counts; // [reason][month]
    QHash<QString, QStringList> units;    // "reason|month day" → "华东 2" … (largest first)
    int total = 0;
};
// Revisions of snapshots of `org` or a unit inside it whose period starts in [firstDay, lastDay].
RevisionHeat loadRevisionHeat(QSqlDatabase db, qint64 firstDay, qint64 lastDay, const analytics::OrgScope &org,
                              const analytics::OrgUnits &units);

struct RevisionRequest
{
    QString periodKind;    // "month", "quarter" or "year"
    qint64 periodStartDay = 0;
    analytics::OrgScope org;
    // The forecast now: the snapshot taken when the period and unit have none yet.
    qint64 p50Cents = 0, p10Cents = 0, p90Cents = 0;
    int confidencePct = 0;
    qint64 newValueCents = 0;
    QString reason, note;
};

struct RevisionResult
{
    bool ok = false;
    QString error; // translated, names the field
    qint64 snapshotId = 0, revisionId = 0;
    qint64 oldValueCents = 0; // the value revised: the latest revision's, else the snapshot's
    bool snapshotTaken = false;
};

class RevisionRepository
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::forecast::RevisionRepository)
public:
    explicit RevisionRepository(storage::Database &db) : m_db(db) {}
    // Checks the request (a reason, a note, a value ≥ 0, a month/quarter/year, not a team: the
    // schema's org levels), then writes the revision of the latest snapshot of the period and
    // unit (taking one from the request's forecast when there is none) in one transaction.
    RevisionResult save(const RevisionRequest &r, qint64 nowSecs);
    // Saves the edited list of reason codes (cleanRevisionReasons); false with a translated
    // `error` and nothing written when it is refused.
    bool saveReasons(const QStringList &codes, QString *error);

private:
    storage::Database &m_db;
};

} // namespace cockpit::forecast

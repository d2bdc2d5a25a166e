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

#include <vector>

class QSqlDatabase;

namespace cockpit::storage {
class Database;
}

namespace cockpit::forecast {

// The reasons offered first (DESIGN §5's examples); the list grows by the reasons used.
QStringList defaultRevisionReasons();
// The defaults and every reason used in the file, in that order, without repeats.
QStringList revisionReasons(QSqlDatabase db);

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

private:
    storage::Database &m_db;
};

} // namespace cockpit::forecast

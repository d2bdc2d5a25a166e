#pragma once
// The thresholds of the alert rules (DESIGN.md §3). Stage SLAs and the marketing hand-over SLA
// live with the pipelines (pipeline_stages.sla_minutes, pipelines.handover_sla_minutes); the
// rest are settings of the database (`settings` table, keys "rules.*") with these defaults.
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace cockpit::storage {
class Database;
}

namespace cockpit::alerts {

struct Thresholds
{
    int silenceHours = 72;      // no activity on an open lead for this long
    int duplicateReps = 3;      // different reps touching one customer ...
    int duplicateDays = 30;     // ... within this many days
    int churnMoves = 5;         // stage changes by one rep on one lead in one day
    int quoteVersions = 3;      // quote versions by one rep to one customer ...
    int quoteHours = 72;        // ... within this many hours
    int escalationHours = 24;   // unacknowledged this long → one level up the manager chain
    int lookbackDays = 30;      // compliance rules look back this far, no further
    int dayOffsetMinutes = 480; // the company's day starts at 00:00 UTC+8 (Beijing)

    bool operator==(const Thresholds &) const = default;
};

struct ThresholdKey
{
    const char *key;   // settings key, e.g. "rules.silence_hours"
    int Thresholds::*field;
    int min, max;      // accepted range; outside it the default applies and a problem is reported
};

// Every settings key with its field and accepted range.
const std::vector<ThresholdKey> &thresholdKeys();

// Reads the "rules.*" settings; a missing key keeps its default, a bad value (not a whole
// number, or out of range) keeps the default and adds a message naming key and value.
Thresholds loadThresholds(QSqlDatabase db, QStringList *problems = nullptr);
Thresholds loadThresholds(storage::Database &db, QStringList *problems = nullptr);
// Writes every threshold (one transaction). Values are validated first; nothing is written
// when one is out of range.
bool saveThresholds(QSqlDatabase db, const Thresholds &t, QString *error = nullptr);
bool saveThresholds(storage::Database &db, const Thresholds &t, QString *error = nullptr);

} // namespace cockpit::alerts

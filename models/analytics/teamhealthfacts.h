#pragma once
// The facts cache behind computeTeamHealth() (TeamHealthCache): per database file, the stage
// exits by company month and the customers' health facts by effective end, in memory; and,
// with a folder, on disk between runs (teamhealthdisk.cpp). Private to the analytics library.
#include "analytics/teamhealth.h"
#include "analytics/teamhealthsql.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>

#include <future>
#include <memory>
#include <optional>

namespace cockpit::analytics::detail {

using ExitSlab = std::shared_ptr<const ExitSlabGroups>;
using CustomerRows = std::shared_ptr<const QVector<CustomerRow>>;

struct TeamFacts
{
    QString fingerprint; // of the file as it was read (its size and time, the log's head)
    struct Slab
    {
        qint64 end = 0; // the slab holds the exits with `at` in [month start, end), epoch seconds
        ExitSlab groups;
    };
    QHash<QString, Slab> slabs;            // month start + kinds → slab
    QHash<qint64, CustomerRows> customers; // effective end (epoch seconds) → rows of the whole company
    // The customers' last sales actions per company month (cut at `end` in the current one):
    // a new effective end reads only the months of its 90-day window not seen yet (a quarter
    // before the one shown shares two of its three). Memory only.
    struct Actions
    {
        qint64 end = 0; // the actions with `at` in [month start, end)
        std::shared_ptr<const LastActions> latest;
    };
    QHash<QDate, Actions> lastActions; // month start → its customers' last actions
};

// What the facts read, fingerprinted by content (so that a copy of the file, or a write to
// a table they do not read, such as the alerts, keeps them): the log's head (every activity
// and stage move, and their soft deletes), the live leads' count and last edit, and the
// count and last edit of users, customers, surveys, tickets, contracts, payments and trials.
// A hand edit that leaves `updated_at` alone is not seen (as for the cockpit's facts).
QByteArray teamFactsFingerprint(QSqlDatabase db);
// Whole facts or none; the customers' rows come back without their names (Team's figures
// do not read them).
bool saveTeamFacts(const QString &file, const QByteArray &fingerprint, const TeamFacts &facts);
std::optional<TeamFacts> restoreTeamFacts(const QString &file, const QByteArray &fingerprint);

} // namespace cockpit::analytics::detail

namespace cockpit::analytics {

struct TeamHealthCache::Data
{
    QMutex mutex;
    QHash<QString, detail::TeamFacts> files; // database file → facts
    QString diskDir;                         // empty: memory only
    QSet<QByteArray> saved;                  // content fingerprints written by this cache
    std::future<void> saving;
};

} // namespace cockpit::analytics

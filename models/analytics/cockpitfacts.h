#pragma once
// The cockpit's facts in memory (issue 4, performance): the few columns the follow-up tile,
// the effective-actions tile and the funnel read, loaded once per database by plain scans and
// kept in compact arrays, so that a period or org change is arithmetic instead of correlated
// SQL. The SQL functions of kpi.cpp / funnel.cpp stay the reference: with facts they give the
// very same numbers (tests/analytics/tst_cockpitfacts.cpp).
//
// Staleness: `fingerprint()` reads the activity-log head (it moves with every activity and
// stage move), the effective-action settings and the newest change of leads and users; the
// cache (CockpitFactsCache, one per FigureService) reloads when it differs. Timestamps must all be
// "YYYY-MM-DDTHH:MM:SSZ" text or integer epoch seconds (schema v6); when one is neither, the
// facts are not `usable()` and callers use SQL.
#include "analytics/kpi.h"
#include "analytics/query.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QVector>

#include <cstdint>
#include <future>
#include <memory>

class QSqlDatabase;

namespace cockpit::analytics {

class CockpitFacts
{
public:
    // Reads everything (throws QueryError). Usually through a CockpitFactsCache.
    // The activity scan runs in two halves on two connections at once: through `alongside`,
    // or runAlongside() when it is empty.
    static std::shared_ptr<const CockpitFacts> load(QSqlDatabase db, const KpiSettings &settings,
                                                    const Alongside &alongside = {});
    static QByteArray fingerprint(QSqlDatabase db, const KpiSettings &settings);
    // The facts on disk, so the next start of the same data need not scan it again: `save`
    // writes them (atomically, with a SHA-256 of the content); `restore` reads them back only
    // when the file is whole, of this format and of exactly this fingerprint (nullptr else).
    bool save(const QString &file) const;
    static std::shared_ptr<const CockpitFacts> restore(const QString &file, const QByteArray &fingerprint);

    bool usable() const { return m_usable; }
    QByteArray fingerprintValue() const { return m_fingerprint; }
    qint64 bytes() const; // memory held by the arrays
    int leadCount() const { return int(m_leadCreated.size()); }
    int actionCount() const { return int(m_actionTimes.size()); }
    int effectiveCount() const { return int(m_effTime.size()); }
    int historyCount() const { return int(m_histTime.size()); }

    // Bounds are epoch seconds (UTC), as Period::startSecs()/endSecs().
    // Σ over the leads open in [start, end) of the org: gap seconds, gaps (n + 1) and leads,
    // as the follow-up tile's SQL (kpi.cpp) computes them.
    struct FollowUp
    {
        double gapDays = 0;
        qint64 gaps = 0;
        int leads = 0;
    };
    FollowUp followUp(const OrgScope &org, qint64 startSecs, qint64 endSecs) const;
    // Leads of the org per pipeline id (version), as `SELECT pipeline_id, COUNT(*)` would count.
    QHash<QString, int> leadsPerPipeline(const OrgScope &org) const;
    // Effective sales actions in [start, end) by sales reps of the org.
    qint64 effectiveActions(const OrgScope &org, qint64 startSecs, qint64 endSecs) const;
    // The funnel cohort: per (group id of `by`, or "<none>"; stage index) the leads that
    // entered it in [start, end), those that reached the next stage later and those still open
    // in it. `stageIndex`
    // maps stage ids (any version) to the stage index.
    // `open`: not converted, the lead not closed and its latest stage move into stage k (it
    // still sits in k).
    struct CohortCell
    {
        QString group;
        int k = 0, entered = 0, converted = 0, open = 0;
    };
    QVector<CohortCell> funnelCohort(const OrgScope &org, GroupBy by, qint64 startSecs, qint64 endSecs,
                                     const QVector<QPair<QString, int>> &stageIndex) const;

    // "YYYY-MM-DDTHH:MM:SSZ" → seconds since the epoch; false when it is not that form.
    static bool parseUtc(const char *text, int length, qint64 *seconds);

private:
    friend class CockpitFactsCache;
    int poolId(const QString &id) const; // -2 when unknown
    const QVector<int> *leadColumn(OrgLevel level) const;
    // Per pool id: the sales rep belongs to `org`.
    QVector<char> repsIn(const OrgScope &org) const;

    bool m_usable = true;
    QByteArray m_fingerprint;
    QVector<QString> m_pool;          // interned org / user / stage ids
    QHash<QString, int> m_poolIndex;
    // Leads (deleted = 0).
    QVector<qint64> m_leadCreated, m_leadClosed; // closed: INT64_MAX when open
    QVector<int> m_leadRegion, m_leadCity, m_leadTeam, m_leadOwner, m_leadPipeline; // pool ids, -1 = NULL
    // Sales actions per lead, sorted: m_actionTimes[m_actionStart[i] .. m_actionStart[i + 1]).
    QVector<int> m_actionStart;
    QVector<qint64> m_actionTimes;
    // Stage history per lead (deleted = 0), sorted by time.
    QVector<int> m_histStart;
    QVector<qint64> m_histTime;
    QVector<int> m_histStage;
    // Effective actions by sales reps, sorted by time; the actor's org (pool ids).
    QVector<qint64> m_effTime;
    QVector<int> m_effActor;
    QVector<int> m_userRegion, m_userCity, m_userTeam; // by pool id; -3 = not a sales rep
};

// The facts of one file, kept between calls: reloaded when the fingerprint moved (or the
// file is another one). Owned by the FigureService of the open file; tests and the
// benchmark make their own. Thread-safe; a load holds the lock, so a second caller waits
// for it instead of loading twice.
class CockpitFactsCache
{
public:
    CockpitFactsCache() = default;
    ~CockpitFactsCache(); // waits for a write to disk still under way
    // `loaded` tells whether this call (re)loaded them. Throws QueryError.
    std::shared_ptr<const CockpitFacts> get(QSqlDatabase db, const KpiSettings &settings, bool *loaded = nullptr,
                                            const Alongside &alongside = {});
    void clear();
    // A folder (the user's cache) where the facts are kept between runs, keyed by their
    // fingerprint (the log head, lead and user counts and last edits): a start on data
    // that did not change reads them back (~30 ms for the large demo's 21 MB) instead of
    // scanning a million activities (~630 ms). Written once per open file, after the first
    // scan, on a thread of its own (the figures do not wait for it); the newest three files
    // are kept. Empty (the default): memory only.
    void setDiskDirectory(const QString &dir);
    // Returns once the facts being written to disk are (or at once when none are).
    void waitForDisk();

private:
    QMutex m_mutex;
    QString m_path;
    std::shared_ptr<const CockpitFacts> m_facts;
    QString m_diskDir;
    bool m_saved = false;
    std::future<void> m_saving;
};

} // namespace cockpit::analytics

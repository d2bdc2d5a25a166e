// The cockpit's facts kept between calls (CockpitFactsCache): in memory for the open file,
// and on disk between runs (CockpitFacts::save / restore, raw arrays with a SHA-256).
#include "analytics/cockpitfacts.h"
#include "analytics/factsfile.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlDatabase>

namespace cockpit::analytics {

Q_LOGGING_CATEGORY(lcFacts, "cockpit.analytics.facts")

std::shared_ptr<const CockpitFacts> CockpitFactsCache::get(QSqlDatabase db, const KpiSettings &settings, bool *loaded,
                                                           const Alongside &alongside)
{
    if (loaded)
        *loaded = false;
    const QByteArray print = CockpitFacts::fingerprint(db, settings);
    QMutexLocker lock(&m_mutex); // one load at a time; the others wait for it
    if (m_facts && m_path == db.databaseName() && m_facts->m_fingerprint == print)
        return m_facts;
    m_facts.reset(); // the old facts go before the new ones load (~20 MB on large)
    const QString file = m_diskDir.isEmpty() ? QString() : factsfile::fileFor(m_diskDir, QStringLiteral("cockpit-facts"), print);
    QElapsedTimer timer;
    timer.start();
    std::shared_ptr<const CockpitFacts> facts = file.isEmpty() ? nullptr : CockpitFacts::restore(file, print);
    if (facts) {
        qCInfo(lcFacts) << "read the cockpit's facts from" << file << "in" << timer.elapsed() << "ms";
    } else {
        facts = CockpitFacts::load(db, settings, alongside);
        std::const_pointer_cast<CockpitFacts>(facts)->m_fingerprint = print;
        if (!file.isEmpty() && !m_saved && facts->usable()) {
            m_saved = true;
            // Written beside the figures rather than before them (56-105 ms on the large demo).
            m_saving = std::async(std::launch::async, [facts, file, dir = m_diskDir] {
                QElapsedTimer t;
                t.start();
                if (facts->save(file)) {
                    qCInfo(lcFacts) << "kept the cockpit's facts in" << file << "in" << t.elapsed() << "ms";
                    factsfile::prune(dir, QStringLiteral("cockpit-facts"), file);
                }
            });
        }
    }
    m_facts = facts;
    m_path = db.databaseName();
    if (loaded)
        *loaded = true;
    return facts;
}

CockpitFactsCache::~CockpitFactsCache()
{
    waitForDisk();
}

void CockpitFactsCache::waitForDisk()
{
    QMutexLocker lock(&m_mutex);
    if (m_saving.valid())
        m_saving.wait();
}

void CockpitFactsCache::setDiskDirectory(const QString &dir)
{
    QMutexLocker lock(&m_mutex);
    m_diskDir = dir;
}

namespace {
constexpr quint32 kFactsMagic = 0x434b4643; // "CKFC"
constexpr qint32 kFactsFormat = 2;          // bump when the members below change
} // namespace

bool CockpitFacts::save(const QString &file) const
{
    factsfile::Writer w;
    w.add(m_usable);
    w.add(m_pool);
    for (const QVector<qint64> *v : {&m_leadCreated, &m_leadClosed, &m_actionTimes, &m_histTime, &m_effTime})
        w.add(*v);
    for (const QVector<int> *v : {&m_leadRegion, &m_leadCity, &m_leadTeam, &m_leadOwner, &m_leadPipeline, &m_actionStart,
                                  &m_histStart, &m_histStage, &m_effActor, &m_userRegion, &m_userCity, &m_userTeam})
        w.add(*v);
    return factsfile::save(file, kFactsMagic, kFactsFormat, m_fingerprint, w.bytes());
}

std::shared_ptr<const CockpitFacts> CockpitFacts::restore(const QString &file, const QByteArray &fingerprint)
{
    const std::optional<QByteArray> body = factsfile::load(file, kFactsMagic, kFactsFormat, fingerprint);
    if (!body)
        return nullptr; // missing, damaged, cut short or of other data: scanned again
    factsfile::Reader r(*body);
    auto f2 = std::make_shared<CockpitFacts>();
    f2->m_fingerprint = fingerprint;
    r.read(f2->m_usable);
    r.read(f2->m_pool);
    for (QVector<qint64> *v : {&f2->m_leadCreated, &f2->m_leadClosed, &f2->m_actionTimes, &f2->m_histTime, &f2->m_effTime})
        r.read(*v);
    for (QVector<int> *v : {&f2->m_leadRegion, &f2->m_leadCity, &f2->m_leadTeam, &f2->m_leadOwner, &f2->m_leadPipeline,
                            &f2->m_actionStart, &f2->m_histStart, &f2->m_histStage, &f2->m_effActor, &f2->m_userRegion,
                            &f2->m_userCity, &f2->m_userTeam})
        r.read(*v);
    if (!r.ok() || !r.atEnd())
        return nullptr;
    // The arrays must agree with each other before any figure indexes into them.
    const qsizetype leads = f2->m_leadCreated.size(), pool = f2->m_pool.size();
    const bool shaped = f2->m_leadClosed.size() == leads && f2->m_leadRegion.size() == leads
                        && f2->m_leadCity.size() == leads && f2->m_leadTeam.size() == leads
                        && f2->m_leadOwner.size() == leads && f2->m_leadPipeline.size() == leads
                        && f2->m_actionStart.size() == leads + 1 && f2->m_histStart.size() == leads + 1
                        && f2->m_histTime.size() == f2->m_histStage.size() && f2->m_effTime.size() == f2->m_effActor.size()
                        && f2->m_userRegion.size() <= pool && f2->m_userCity.size() == f2->m_userRegion.size()
                        && f2->m_userTeam.size() == f2->m_userRegion.size()
                        && (leads == 0 || (f2->m_actionStart.back() == f2->m_actionTimes.size()
                                           && f2->m_histStart.back() == f2->m_histTime.size()));
    if (!shaped)
        return nullptr;
    for (int i = 0; i < int(pool); ++i)
        f2->m_poolIndex.insert(f2->m_pool.at(i), i);
    return f2;
}

void CockpitFactsCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_facts.reset();
    m_path.clear();
}

} // namespace cockpit::analytics

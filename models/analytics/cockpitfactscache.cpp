// The cockpit's facts kept between calls (CockpitFactsCache): in memory for the open file,
// and on disk between runs (CockpitFacts::save / restore, raw arrays with a SHA-256).
#include "analytics/cockpitfacts.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSqlDatabase>

#include <openssl/evp.h>

#include <algorithm>
#include <cstring>
#include <type_traits>

namespace cockpit::analytics {

Q_LOGGING_CATEGORY(lcFacts, "cockpit.analytics.facts")

namespace {
QString diskFile(const QString &dir, const QByteArray &fingerprint)
{
    const QByteArray key = QCryptographicHash::hash(fingerprint, QCryptographicHash::Sha256).toHex().left(32);
    return QDir(dir).filePath(QStringLiteral("cockpit-facts-%1.bin").arg(QString::fromLatin1(key)));
}

// Keeps the three newest facts files of `dir` (one per recently opened file, about 21 MB for
// the large demo); `keep` is never removed.
void pruneDiskFiles(const QString &dir, const QString &keep)
{
    const QFileInfoList files = QDir(dir).entryInfoList({QStringLiteral("cockpit-facts-*.bin")}, QDir::Files, QDir::Time);
    for (qsizetype i = 3; i < files.size(); ++i)
        if (files.at(i).absoluteFilePath() != QFileInfo(keep).absoluteFilePath())
            QFile::remove(files.at(i).absoluteFilePath());
}
} // namespace

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
    const QString file = m_diskDir.isEmpty() ? QString() : diskFile(m_diskDir, print);
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
                    pruneDiskFiles(dir, file);
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
constexpr int kSumBytes = 32;               // SHA-256 of everything before it

QByteArray sha256(QByteArrayView bytes)
{
    QByteArray out(kSumBytes, '\0');
    unsigned int n = 0;
    if (EVP_Digest(bytes.data(), size_t(bytes.size()), reinterpret_cast<unsigned char *>(out.data()), &n, EVP_sha256(),
                   nullptr)
        != 1)
        return {};
    return out;
}

// The file is read back on the machine that wrote it: arrays go as their raw bytes (a size,
// then the elements as they are in memory), which is what makes reading 21 MB take
// milliseconds; the header's byte-order mark refuses a file from another architecture.
class RawWriter
{
public:
    template<class T>
    void add(const T &value)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        m_out.append(reinterpret_cast<const char *>(&value), sizeof(T));
    }
    template<class T>
    void add(const QVector<T> &values)
    {
        add(qint64(values.size()));
        m_out.append(reinterpret_cast<const char *>(values.constData()), qsizetype(values.size() * sizeof(T)));
    }
    void add(const QByteArray &bytes)
    {
        add(qint64(bytes.size()));
        m_out.append(bytes);
    }
    void add(const QVector<QString> &texts)
    {
        add(qint64(texts.size()));
        for (const QString &t : texts) {
            add(qint64(t.size()));
            m_out.append(reinterpret_cast<const char *>(t.constData()), t.size() * 2);
        }
    }
    QByteArray &bytes() { return m_out; }

private:
    QByteArray m_out;
};

class RawReader
{
public:
    explicit RawReader(QByteArrayView in) : m_in(in) {}
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos == m_in.size(); }
    template<class T>
    void read(T &value)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        if (take(sizeof(T)))
            std::memcpy(&value, m_in.data() + m_pos - qsizetype(sizeof(T)), sizeof(T));
    }
    template<class T>
    void read(QVector<T> &values)
    {
        qint64 n = -1;
        read(n);
        if (!m_ok || n < 0 || n > (m_in.size() - m_pos) / qint64(sizeof(T))) {
            m_ok = false;
            return;
        }
        values.resize(n);
        if (take(qsizetype(n * sizeof(T))))
            std::memcpy(values.data(), m_in.data() + m_pos - qsizetype(n * sizeof(T)), size_t(n * sizeof(T)));
    }
    void read(QByteArray &bytes)
    {
        qint64 n = -1;
        read(n);
        if (!m_ok || n < 0 || n > m_in.size() - m_pos) {
            m_ok = false;
            return;
        }
        bytes = m_in.sliced(m_pos, n).toByteArray();
        m_pos += n;
    }
    void read(QVector<QString> &texts)
    {
        qint64 n = -1;
        read(n);
        if (!m_ok || n < 0 || n > m_in.size() - m_pos) {
            m_ok = false;
            return;
        }
        texts.reserve(n);
        for (qint64 i = 0; i < n && m_ok; ++i) {
            qint64 len = -1;
            read(len);
            if (!m_ok || len < 0 || len > (m_in.size() - m_pos) / 2) {
                m_ok = false;
                return;
            }
            texts.append(QString(reinterpret_cast<const QChar *>(m_in.data() + m_pos), len));
            m_pos += len * 2;
        }
    }

private:
    bool take(qsizetype n)
    {
        if (!m_ok || n > m_in.size() - m_pos) {
            m_ok = false;
            return false;
        }
        m_pos += n;
        return true;
    }
    QByteArrayView m_in;
    qsizetype m_pos = 0;
    bool m_ok = true;
};
} // namespace

bool CockpitFacts::save(const QString &file) const
{
    RawWriter w;
    w.add(kFactsMagic);
    w.add(kFactsFormat);
    w.add(quint16(0x0102)); // byte order
    w.add(m_fingerprint);
    w.add(m_usable);
    w.add(m_pool);
    for (const QVector<qint64> *v : {&m_leadCreated, &m_leadClosed, &m_actionTimes, &m_histTime, &m_effTime})
        w.add(*v);
    for (const QVector<int> *v : {&m_leadRegion, &m_leadCity, &m_leadTeam, &m_leadOwner, &m_leadPipeline, &m_actionStart,
                                  &m_histStart, &m_histStage, &m_effActor, &m_userRegion, &m_userCity, &m_userTeam})
        w.add(*v);
    const QByteArray sum = sha256(w.bytes());
    if (sum.isEmpty())
        return false;
    QDir().mkpath(QFileInfo(file).absolutePath());
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    if (f.write(w.bytes()) != w.bytes().size() || f.write(sum) != sum.size())
        return false;
    return f.commit();
}

std::shared_ptr<const CockpitFacts> CockpitFacts::restore(const QString &file, const QByteArray &fingerprint)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return nullptr;
    const QByteArray bytes = f.readAll();
    if (bytes.size() <= kSumBytes)
        return nullptr;
    const QByteArrayView payload(bytes.constData(), bytes.size() - kSumBytes);
    if (sha256(payload) != QByteArrayView(bytes).last(kSumBytes))
        return nullptr; // damaged or cut short: scanned again
    RawReader r(payload);
    quint32 magic = 0;
    qint32 format = 0;
    quint16 order = 0;
    r.read(magic);
    r.read(format);
    r.read(order);
    if (!r.ok() || magic != kFactsMagic || format != kFactsFormat || order != 0x0102)
        return nullptr;
    auto f2 = std::make_shared<CockpitFacts>();
    r.read(f2->m_fingerprint);
    if (!r.ok() || f2->m_fingerprint != fingerprint)
        return nullptr;
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

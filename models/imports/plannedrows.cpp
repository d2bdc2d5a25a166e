// The scratch file of planned rows (plannedrows.h).
#include "imports/plannedrows.h"

#include <QCoreApplication>
#include <QDir>
#include <QMutex>
#include <QTemporaryFile>

#include <atomic>
#include <cstring>

namespace cockpit::imports {

namespace {
constexpr qsizetype kDefaultThreshold = 50000;
std::atomic<qsizetype> s_threshold{kDefaultThreshold};
} // namespace

qsizetype plannedRowsSpillThreshold()
{
    return s_threshold.load();
}

void setPlannedRowsSpillThreshold(qsizetype rows)
{
    s_threshold.store(rows > 0 ? rows : kDefaultThreshold);
}

void SpillOut::str(const QString &s)
{
    // A null string stays null (a value left out is not an empty one).
    i64(s.isNull() ? -1 : s.size());
    if (!s.isNull())
        m_to.append(reinterpret_cast<const char *>(s.utf16()), s.size() * qsizetype(sizeof(char16_t)));
}

qint64 SpillIn::i64()
{
    qint64 v = 0;
    if (m_end - m_at < qsizetype(sizeof v)) {
        m_failed = true;
        return 0;
    }
    std::memcpy(&v, m_at, sizeof v);
    m_at += sizeof v;
    return v;
}

QString SpillIn::str()
{
    const qint64 n = i64();
    if (n < 0)
        return QString();
    if (n > (m_end - m_at) / qsizetype(sizeof(char16_t))) {
        m_failed = true;
        return QString();
    }
    QString s(reinterpret_cast<const QChar *>(m_at), qsizetype(n));
    m_at += n * qsizetype(sizeof(char16_t));
    return s;
}

bool inlineSpill()
{
    static const bool set = qEnvironmentVariableIsSet("COCKPIT_IMPORT_SPILL_INLINE");
    return set;
}

namespace detail {

struct SpillFile::Impl
{
    QTemporaryFile file{QDir::temp().filePath(QStringLiteral("cockpit-import-XXXXXX.rows"))};
    qint64 end = 0;
    QMutex lock; // copies of a container share the file, each with its own tasks (plannedrows.h)
};

SpillFile::SpillFile() : d(std::make_unique<Impl>())
{
    if (!d->file.open())
        m_error = QCoreApplication::translate("cockpit::imports::ImportPlan", "the import's scratch file cannot be made in %1: %2")
                      .arg(QDir::tempPath(), d->file.errorString());
}

SpillFile::~SpillFile() = default;

QString SpillFile::error() const
{
    const QMutexLocker locked(&d->lock);
    return m_error;
}

qint64 SpillFile::append(const QByteArray &block)
{
    const QMutexLocker locked(&d->lock);
    if (!m_error.isEmpty())
        return -1;
    if (!d->file.seek(d->end) || d->file.write(block) != block.size()) {
        m_error = QCoreApplication::translate("cockpit::imports::ImportPlan", "the import's scratch file %1 cannot be written: %2")
                      .arg(d->file.fileName(), d->file.errorString());
        return -1;
    }
    const qint64 at = d->end;
    d->end += block.size();
    return at;
}

bool SpillFile::read(qint64 offset, qint64 size, QByteArray *out)
{
    out->resize(qsizetype(size));
    const QMutexLocker locked(&d->lock);
    if (!m_error.isEmpty())
        return false;
    if (!d->file.seek(offset) || d->file.read(out->data(), size) != size) {
        m_error = QCoreApplication::translate("cockpit::imports::ImportPlan", "the import's scratch file %1 cannot be read: %2")
                      .arg(d->file.fileName(), d->file.errorString());
        return false;
    }
    return true;
}

} // namespace detail

} // namespace cockpit::imports

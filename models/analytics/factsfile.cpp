#include "analytics/factsfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <algorithm>
#include <cstdio>
#include <memory>

#include <openssl/evp.h>

namespace cockpit::analytics::factsfile {

namespace {
constexpr int kSumBytes = 32;           // SHA-256 of everything before it
constexpr quint16 kByteOrder = 0x0102;

constexpr qsizetype kStep = 1 << 20; // a write asks `stop` every megabyte summed or written

bool stopped(const std::atomic_bool *stop)
{
    return stop && stop->load(std::memory_order_relaxed);
}

// Empty when it fails or `stop` is set between megabytes.
QByteArray sha256(QByteArrayView bytes, const std::atomic_bool *stop = nullptr)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
        return {};
    for (qsizetype at = 0; at < bytes.size(); at += kStep)
        if (stopped(stop) || EVP_DigestUpdate(ctx.get(), bytes.data() + at, size_t(std::min(kStep, bytes.size() - at))) != 1)
            return {};
    QByteArray out(kSumBytes, '\0');
    unsigned int n = 0;
    if (EVP_DigestFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &n) != 1 || n != kSumBytes)
        return {};
    return out;
}
} // namespace

void Writer::add(const QByteArray &bytes)
{
    add(qint64(bytes.size()));
    m_out.append(bytes);
}

void Writer::add(const QVector<QString> &texts)
{
    add(qint64(texts.size()));
    for (const QString &t : texts) {
        add(qint64(t.isNull() ? -1 : t.size())); // -1: a null text (no value), apart from an empty one
        m_out.append(reinterpret_cast<const char *>(t.constData()), t.size() * 2);
    }
}

bool Reader::take(qsizetype n)
{
    if (!m_ok || n < 0 || n > m_in.size() - m_pos) {
        m_ok = false;
        return false;
    }
    m_pos += n;
    return true;
}

void Reader::read(QByteArray &bytes)
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

void Reader::read(QVector<QString> &texts)
{
    qint64 n = -1;
    read(n);
    if (!m_ok || n < 0 || n > m_in.size() - m_pos) {
        m_ok = false;
        return;
    }
    texts.reserve(n);
    for (qint64 i = 0; i < n && m_ok; ++i) {
        qint64 len = -2;
        read(len);
        if (m_ok && len == -1) {
            texts.append(QString());
            continue;
        }
        if (!m_ok || len < 0 || len > (m_in.size() - m_pos) / 2) {
            m_ok = false;
            return;
        }
        texts.append(QString(reinterpret_cast<const QChar *>(m_in.data() + m_pos), len));
        m_pos += len * 2;
    }
}

QString fileFor(const QString &dir, const QString &prefix, const QByteArray &fingerprint)
{
    const QByteArray key = QCryptographicHash::hash(fingerprint, QCryptographicHash::Sha256).toHex().left(32);
    return QDir(dir).filePath(QStringLiteral("%1-%2.bin").arg(prefix, QString::fromLatin1(key)));
}

void prune(const QString &dir, const QString &prefix, const QString &keep)
{
    const QFileInfoList files = QDir(dir).entryInfoList({prefix + QStringLiteral("-*.bin")}, QDir::Files, QDir::Time);
    for (qsizetype i = 3; i < files.size(); ++i)
        if (files.at(i).absoluteFilePath() != QFileInfo(keep).absoluteFilePath())
            QFile::remove(files.at(i).absoluteFilePath());
}

bool save(const QString &file, quint32 magic, qint32 format, const QByteArray &fingerprint, const QByteArray &body,
          const std::atomic_bool *stop)
{
    Writer w;
    w.add(magic);
    w.add(format);
    w.add(kByteOrder);
    w.add(fingerprint);
    w.bytes().append(body);
    const QByteArray &all = w.bytes();
    const QByteArray sum = sha256(all, stop);
    if (sum.isEmpty())
        return false;
    QDir().mkpath(QFileInfo(file).absolutePath());
    // Written beside and renamed over: a reader sees the old file or the whole new one. Not
    // synced to the disk (QSaveFile's fsync cost a first run 100-200 ms at exit): after a crash
    // the file may be cut short or zeroed, which the checksum catches, and it is scanned again.
    QTemporaryFile f(file + QStringLiteral(".XXXXXX"));
    f.setAutoRemove(true);
    if (!f.open())
        return false;
    for (qsizetype at = 0; at < all.size(); at += kStep) {
        const qsizetype n = std::min(kStep, all.size() - at);
        if (stopped(stop) || f.write(all.constData() + at, n) != n)
            return false;
    }
    if (f.write(sum) != sum.size() || !f.flush())
        return false;
    if (std::rename(QFile::encodeName(f.fileName()).constData(), QFile::encodeName(file).constData()) != 0)
        return false;
    f.setAutoRemove(false); // renamed: nothing left to remove
    return true;
}

namespace {
// The body's offset in `bytes` (a whole file) when it is whole and of exactly this kind; -1 if not.
qsizetype bodyAt(QByteArrayView bytes, quint32 magic, qint32 format, const QByteArray &fingerprint)
{
    if (bytes.size() <= kSumBytes)
        return -1;
    const QByteArrayView payload = bytes.first(bytes.size() - kSumBytes);
    if (sha256(payload) != bytes.last(kSumBytes))
        return -1; // damaged or cut short
    Reader r(payload);
    quint32 m = 0;
    qint32 fmt = 0;
    quint16 order = 0;
    QByteArray print;
    r.read(m);
    r.read(fmt);
    r.read(order);
    r.read(print);
    if (!r.ok() || m != magic || fmt != format || order != kByteOrder || print != fingerprint)
        return -1;
    return qsizetype(sizeof(m) + sizeof(fmt) + sizeof(order) + sizeof(qint64)) + print.size();
}
} // namespace

std::optional<QByteArray> load(const QString &file, quint32 magic, qint32 format, const QByteArray &fingerprint)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray bytes = f.readAll();
    const qsizetype at = bodyAt(bytes, magic, format, fingerprint);
    if (at < 0)
        return std::nullopt;
    return bytes.sliced(at, bytes.size() - kSumBytes - at);
}

std::optional<QByteArrayView> map(QFile &file, quint32 magic, qint32 format, const QByteArray &fingerprint)
{
    if (!file.isOpen() && !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const qint64 size = file.size();
    const uchar *p = size > 0 ? file.map(0, size) : nullptr;
    if (!p)
        return std::nullopt;
    const QByteArrayView bytes(reinterpret_cast<const char *>(p), qsizetype(size));
    const qsizetype at = bodyAt(bytes, magic, format, fingerprint);
    if (at < 0)
        return std::nullopt;
    return bytes.sliced(at, bytes.size() - kSumBytes - at);
}

} // namespace cockpit::analytics::factsfile

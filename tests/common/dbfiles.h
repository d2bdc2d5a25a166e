#pragma once
// Byte-level helpers for tests that must prove a file was not written, or that damage it.
#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QString>
#include <QTest>

namespace fixture {

// SHA-256 of the file's bytes (empty when it cannot be read).
inline QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Overwrites the last 4 KiB page: the header and schema stay readable, only a full check
// (quick_check) sees the damage.
inline void damageLastPage(const QString &path)
{
    QFile f(path);
    const qint64 size = f.size();
    QVERIFY(f.open(QIODevice::ReadWrite));
    f.seek(size - 4096);
    f.write(QByteArray(4096, '\x33'));
}

} // namespace fixture

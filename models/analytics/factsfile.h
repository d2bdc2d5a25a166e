#pragma once
// Facts kept on disk between runs (the cockpit's, Team's): a file in the user's cache folder
// named after the data's fingerprint, holding a header (magic, format, byte order, the
// fingerprint), the facts as raw arrays, and a SHA-256 of all of it. A file that is cut
// short, damaged, of another format or of other data is not read (the facts are computed
// again); one is written beside and renamed over the old one, not
// synced (a cache: after a crash the checksum refuses what is left). Private to the models
// libraries (analytics' facts, the forecast's deal history).
#include <QByteArray>
#include <QFile>
#include <QString>
#include <QVector>

#include <atomic>
#include <cstring>
#include <optional>
#include <type_traits>
#include <vector>

namespace cockpit::analytics::factsfile {

// The arrays go as their raw bytes (a size, then the elements as they are in memory), which
// is what makes reading 21 MB take milliseconds; the byte-order mark in the header refuses a
// file from another architecture.
class Writer
{
public:
    template<class T>
    void add(const T &value)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        m_out.append(reinterpret_cast<const char *>(&value), sizeof(T));
    }
    template<class T>
    void add(const QVector<T> &values) { addArray(values.constData(), std::size_t(values.size())); }
    template<class T>
    void add(const std::vector<T> &values) { addArray(values.data(), values.size()); }
    void add(const QByteArray &bytes);
    void add(const QVector<QString> &texts);
    QByteArray &bytes() { return m_out; }

private:
    template<class T>
    void addArray(const T *data, std::size_t n)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        add(qint64(n));
        m_out.append(reinterpret_cast<const char *>(data), qsizetype(n * sizeof(T)));
    }
    QByteArray m_out;
};

class Reader
{
public:
    explicit Reader(QByteArrayView in) : m_in(in) {}
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
    void read(QVector<T> &values) { readArray(values); }
    template<class T>
    void read(std::vector<T> &values) { readArray(values); }
    void read(QByteArray &bytes);
    void read(QVector<QString> &texts);
    // An array as it lies in the bytes, not copied: element i is Array::at(i) (the bytes are
    // not aligned for T, so each is copied out when read).
    template<class T>
    class Array
    {
    public:
        std::size_t size() const { return m_n; }
        T at(std::size_t i) const
        {
            T v;
            std::memcpy(&v, m_data + i * sizeof(T), sizeof(T));
            return v;
        }
        // Elements [from, from + n) appended to `out`.
        template<class Out>
        void appendTo(Out &out, std::size_t from, std::size_t n) const
        {
            const std::size_t old = out.size();
            out.resize(old + n);
            if (n > 0)
                std::memcpy(out.data() + old, m_data + from * sizeof(T), n * sizeof(T));
        }

    private:
        friend class Reader;
        const char *m_data = nullptr;
        std::size_t m_n = 0;
    };
    template<class T>
    void read(Array<T> &values)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        const qint64 n = readCount(sizeof(T));
        if (n < 0)
            return;
        values.m_data = m_in.data() + m_pos;
        values.m_n = std::size_t(n);
        take(qsizetype(n * sizeof(T)));
    }
    void fail() { m_ok = false; }

private:
    // The element count that comes before an array of `size`-byte elements, checked against
    // the bytes left; -1 (and the reader failed) when it is cut or does not fit.
    qint64 readCount(std::size_t size)
    {
        qint64 n = -1;
        read(n);
        if (!m_ok || n < 0 || n > (m_in.size() - m_pos) / qint64(size)) {
            m_ok = false;
            return -1;
        }
        return n;
    }
    template<class C>
    void readArray(C &values)
    {
        using T = typename C::value_type;
        static_assert(std::is_trivially_copyable_v<T>);
        const qint64 n = readCount(sizeof(T));
        if (n < 0)
            return;
        values.resize(n);
        if (take(qsizetype(n * sizeof(T))) && n > 0) // memcpy takes no null pointer, even for 0 bytes
            std::memcpy(values.data(), m_in.data() + m_pos - qsizetype(n * sizeof(T)), size_t(n * sizeof(T)));
    }
    bool take(qsizetype n);
    QByteArrayView m_in;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

// `dir`/`prefix`-<a hash of the fingerprint>.bin
QString fileFor(const QString &dir, const QString &prefix, const QByteArray &fingerprint);
// Keeps the three newest files of `prefix` in `dir`; `keep` is never removed.
void prune(const QString &dir, const QString &prefix, const QString &keep);

// Writes the header, `body`'s bytes and the sum to `file` (its folder made when missing).
// `stop`, when given and set, abandons the write between megabytes (false, nothing left).
bool save(const QString &file, quint32 magic, qint32 format, const QByteArray &fingerprint, const QByteArray &body,
          const std::atomic_bool *stop = nullptr);
// The body of `file` when it is whole, of `magic` and `format` and of exactly `fingerprint`.
std::optional<QByteArray> load(const QString &file, quint32 magic, qint32 format, const QByteArray &fingerprint);
// The same without a copy: `file` (opened here when it is not yet) is mapped into memory, and
// the body returned is a view into it, valid while `file` stays open.
std::optional<QByteArrayView> map(QFile &file, quint32 magic, qint32 format, const QByteArray &fingerprint);

} // namespace cockpit::analytics::factsfile

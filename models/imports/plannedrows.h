#pragma once
// The rows of one kind an import plans, kept so a plan's memory stays flat in the file's size
// (issue 11): the first rows in memory, and past a threshold (plannedRowsSpillThreshold())
// every full block of rows serialised to a scratch file of the plan, read back a block at a
// time. The writer reads them in order; a read of row i keeps its block decoded, so reading
// rows in order reads the file once, and reading one row at random reads one block.
//
// What it costs: a reference from operator[] / at() lives until a row of another block is
// read (the rows of the block being written are always in memory); a const read changes the
// decoded block, so one container is read from one thread at a time (a plan is planned, shown
// and written in turn, never at once). Copies share the scratch file (both only append at its
// end), so a FilePlan copied into a list keeps its rows.
//
// T needs, found by argument-dependent lookup: void spillRow(SpillOut &, const T &) and
// void unspillRow(SpillIn &, T &) (importplan.h declares those of the planned kinds).
#include <QByteArray>
#include <QString>

#include <algorithm>
#include <iterator>
#include <memory>
#include <optional>
#include <vector>

namespace cockpit::imports {

// How many rows of one kind stay in memory before the rest are spilled (default 50 000;
// tests set it small). A container takes the value current when it is made.
qsizetype plannedRowsSpillThreshold();
void setPlannedRowsSpillThreshold(qsizetype rows); // <= 0: the default again

// The serialised form of rows: fixed-width integers and strings as their UTF-16 units.
class SpillOut
{
public:
    explicit SpillOut(QByteArray &to) : m_to(to) {}
    void i64(qint64 v) { m_to.append(reinterpret_cast<const char *>(&v), sizeof v); }
    void str(const QString &s);
    void opt(const std::optional<qint64> &v) { i64(v ? 1 : 0); if (v) i64(*v); }

private:
    QByteArray &m_to;
};

class SpillIn
{
public:
    SpillIn(const char *from, const char *end) : m_at(from), m_end(end) {}
    qint64 i64();
    QString str();
    std::optional<qint64> opt() { return i64() ? std::optional<qint64>(i64()) : std::nullopt; }
    bool atEnd() const { return m_at >= m_end; }
    bool failed() const { return m_failed; }

private:
    const char *m_at, *m_end;
    bool m_failed = false;
};

namespace detail {
// The scratch file a container's blocks go to (removed when the last copy goes).
class SpillFile
{
public:
    SpillFile();
    ~SpillFile();
    qint64 append(const QByteArray &block); // its offset; -1 when it cannot be written
    bool read(qint64 offset, qint64 size, QByteArray *out);
    const QString &error() const { return m_error; }

private:
    struct Impl;
    std::unique_ptr<Impl> d;
    QString m_error;
};
} // namespace detail

template <typename T>
class PlannedRows
{
public:
    static constexpr qsizetype kBlockRows = 512;

    PlannedRows() : m_threshold(std::max(plannedRowsSpillThreshold(), kBlockRows)) {}

    std::size_t size() const { return std::size_t(m_spilled) + m_mem.size(); }
    bool empty() const { return size() == 0; }
    std::size_t capacity() const { return std::size_t(m_spilled) + m_mem.capacity(); }
    bool spilled() const { return m_spilled > 0; }
    // Why a block could not be written or read back (then the plan is not to be written).
    QString error() const { return m_file ? m_file->error() : QString(); }

    void push_back(T row)
    {
        flushFull();
        m_mem.push_back(std::move(row));
    }
    template <typename... Args>
    void emplace_back(Args &&...args) { push_back(T(std::forward<Args>(args)...)); }
    // Room for rows that stay in memory (never more than the threshold).
    void reserve(std::size_t n) { m_mem.reserve(std::min<std::size_t>(n, std::size_t(m_threshold))); }
    // Drops rows from the end; only rows still in memory (those planned since the last push).
    void resize(std::size_t n)
    {
        if (qsizetype(n) >= m_spilled && n < size())
            m_mem.resize(n - std::size_t(m_spilled));
    }
    // The last row, to change: always in memory (blocks are written when the next row comes).
    T &back() { return m_mem.back(); }
    const T &back() const { return at(qsizetype(size()) - 1); }
    const T &front() const { return at(0); }
    const T &operator[](qsizetype i) const { return at(i); }
    const T &at(qsizetype i) const
    {
        if (i >= m_spilled)
            return m_mem.at(std::size_t(i - m_spilled));
        const qsizetype block = i / kBlockRows;
        if (block != m_cachedBlock)
            load(block);
        return m_cache.at(std::size_t(i % kBlockRows));
    }

    class const_iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = T;
        using difference_type = qsizetype;
        using pointer = const T *;
        using reference = const T &;
        const_iterator() = default;
        const_iterator(const PlannedRows *rows, qsizetype i) : m_rows(rows), m_i(i) {}
        const T &operator*() const { return m_rows->at(m_i); }
        const T *operator->() const { return &m_rows->at(m_i); }
        const_iterator &operator++() { ++m_i; return *this; }
        const_iterator operator++(int) { const_iterator old = *this; ++m_i; return old; }
        bool operator==(const const_iterator &o) const { return m_i == o.m_i; }
        bool operator!=(const const_iterator &o) const { return m_i != o.m_i; }

    private:
        const PlannedRows *m_rows = nullptr;
        qsizetype m_i = 0;
    };
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, qsizetype(size())}; }

private:
    // Before a row is added: when the rows in memory reach the threshold (or, once spilling,
    // a block), every full block of them goes to the file.
    void flushFull()
    {
        const qsizetype limit = m_spilled > 0 ? kBlockRows : m_threshold;
        if (qsizetype(m_mem.size()) < limit)
            return;
        if (!m_file)
            m_file = std::make_shared<detail::SpillFile>();
        const qsizetype blocks = qsizetype(m_mem.size()) / kBlockRows;
        QByteArray bytes;
        for (qsizetype b = 0; b < blocks; ++b) {
            bytes.clear();
            SpillOut out(bytes);
            for (qsizetype r = b * kBlockRows; r < (b + 1) * kBlockRows; ++r)
                spillRow(out, m_mem[std::size_t(r)]);
            const qint64 offset = m_file->append(bytes);
            m_offsets.push_back(offset);
            m_ends.push_back(offset < 0 ? offset : offset + bytes.size());
        }
        m_mem.erase(m_mem.begin(), m_mem.begin() + blocks * kBlockRows);
        m_spilled += blocks * kBlockRows;
    }
    void load(qsizetype block) const
    {
        m_cache.assign(std::size_t(kBlockRows), T());
        m_cachedBlock = block;
        QByteArray bytes;
        const qint64 offset = m_offsets.at(std::size_t(block));
        if (offset < 0 || !m_file->read(offset, m_ends.at(std::size_t(block)) - offset, &bytes))
            return; // error() says why
        SpillIn in(bytes.constData(), bytes.constData() + bytes.size());
        for (T &row : m_cache)
            unspillRow(in, row);
    }

    qsizetype m_threshold;
    qsizetype m_spilled = 0;   // rows [0, m_spilled) are in the file, in blocks of kBlockRows
    std::vector<T> m_mem;      // rows [m_spilled, size())
    std::vector<qint64> m_offsets, m_ends; // per block
    std::shared_ptr<detail::SpillFile> m_file;
    mutable std::vector<T> m_cache;
    mutable qsizetype m_cachedBlock = -1;
};

} // namespace cockpit::imports

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
// Off the caller's thread: full blocks are serialised and written by a task of their own while
// the planner goes on (at most one such task at a time, so memory stays bounded), and reading
// block b in order decodes block b + 1 in a task while the caller uses b (a 100 000-lead file
// spills nearly all its rows: writing and reading them back was a fifth of the plan and a
// twentieth of the write). Anything that needs the file's state first waits for the task
// (settle()): a read, error(), a copy, the destructor.
//
// T needs, found by argument-dependent lookup: void spillRow(SpillOut &, const T &) and
// void unspillRow(SpillIn &, T &) (importplan.h declares those of the planned kinds).
#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <algorithm>
#include <future>
#include <iterator>
#include <memory>
#include <optional>
#include <vector>

namespace cockpit::imports {

// How many rows of one kind stay in memory before the rest are spilled (default 50 000;
// tests set it small). A container takes the value current when it is made.
qsizetype plannedRowsSpillThreshold();
// COCKPIT_IMPORT_SPILL_INLINE (set in the environment) writes and reads the blocks on the
// caller's thread, as before the tasks: to measure what the tasks gain (bench_import), or to
// rule them out when a user reports a problem.
bool inlineSpill();
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
    QString error() const;

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
    PlannedRows(const PlannedRows &o) { copyFrom(o); }
    PlannedRows &operator=(const PlannedRows &o)
    {
        if (this != &o) {
            settle();
            copyFrom(o);
        }
        return *this;
    }
    PlannedRows(PlannedRows &&o) noexcept { moveFrom(o); }
    PlannedRows &operator=(PlannedRows &&o) noexcept
    {
        if (this != &o) {
            settle();
            moveFrom(o);
        }
        return *this;
    }
    ~PlannedRows() { settle(); }

    std::size_t size() const { return std::size_t(m_spilled) + m_mem.size(); }
    bool empty() const { return size() == 0; }
    std::size_t capacity() const { return std::size_t(m_spilled) + m_mem.capacity(); }
    bool spilled() const { return m_spilled > 0; }
    // Why a block could not be written or read back (then the plan is not to be written).
    QString error() const
    {
        settle();
        return m_file ? m_file->error() : QString();
    }

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
        if (block != m_cachedBlock) {
            settle();
            load(block);
        }
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
        settle(); // the task before, and what it wrote
        if (!m_file)
            m_file = std::make_shared<detail::SpillFile>();
        const qsizetype blocks = qsizetype(m_mem.size()) / kBlockRows;
        auto rows = std::make_shared<std::vector<T>>(std::make_move_iterator(m_mem.begin()),
                                                     std::make_move_iterator(m_mem.begin() + blocks * kBlockRows));
        m_mem.erase(m_mem.begin(), m_mem.begin() + blocks * kBlockRows);
        m_spilled += blocks * kBlockRows;
        m_writing = std::async(inlineSpill() ? std::launch::deferred : std::launch::async, [rows, file = m_file, blocks] {
            Spans spans;
            QByteArray bytes;
            for (qsizetype b = 0; b < blocks; ++b) {
                bytes.clear();
                SpillOut out(bytes);
                for (qsizetype r = b * kBlockRows; r < (b + 1) * kBlockRows; ++r)
                    spillRow(out, (*rows)[std::size_t(r)]);
                const qint64 offset = file->append(bytes);
                spans.push_back({offset, offset < 0 ? offset : offset + bytes.size()});
            }
            return spans;
        });
    }
    // Waits for the task writing blocks (and takes their places in the file) or reading one
    // ahead (dropping it: the caller may want another block, or the file's state).
    void settle() const
    {
        if (m_writing.valid())
            for (const auto &[offset, end] : m_writing.get()) {
                m_offsets.push_back(offset);
                m_ends.push_back(end);
            }
        if (m_ahead.valid()) {
            m_aheadRows = m_ahead.get();
            m_aheadBlock = m_aheadBlockNext;
        }
    }
    void load(qsizetype block) const
    {
        if (block == m_aheadBlock) {
            m_cache.swap(m_aheadRows);
        } else {
            m_cache.assign(std::size_t(kBlockRows), T());
            decode(m_file.get(), m_offsets.at(std::size_t(block)), m_ends.at(std::size_t(block)), m_cache);
        }
        m_aheadBlock = -1;
        m_aheadRows.clear();
        m_cachedBlock = block;
        // Reading in order: the next block decoded while this one is used.
        if (const qsizetype next = block + 1; next < qsizetype(m_offsets.size())) {
            m_aheadBlockNext = next;
            m_ahead = std::async(inlineSpill() ? std::launch::deferred : std::launch::async, [file = m_file.get(), offset = m_offsets.at(std::size_t(next)),
                                                      end = m_ends.at(std::size_t(next))] {
                std::vector<T> rows(static_cast<std::size_t>(kBlockRows));
                decode(file, offset, end, rows);
                return rows;
            });
        }
    }
    static void decode(detail::SpillFile *file, qint64 offset, qint64 end, std::vector<T> &rows)
    {
        QByteArray bytes;
        if (offset < 0 || !file->read(offset, end - offset, &bytes))
            return; // error() says why
        SpillIn in(bytes.constData(), bytes.constData() + bytes.size());
        for (T &row : rows)
            unspillRow(in, row);
    }
    void copyFrom(const PlannedRows &o)
    {
        o.settle();
        m_threshold = o.m_threshold;
        m_spilled = o.m_spilled;
        m_mem = o.m_mem;
        m_offsets = o.m_offsets;
        m_ends = o.m_ends;
        m_file = o.m_file;
        m_cache = o.m_cache;
        m_cachedBlock = o.m_cachedBlock;
        m_aheadRows.clear();
        m_aheadBlock = -1;
    }
    void moveFrom(PlannedRows &o)
    {
        o.settle();
        m_threshold = o.m_threshold;
        m_spilled = std::exchange(o.m_spilled, 0);
        m_mem = std::move(o.m_mem);
        m_offsets = std::move(o.m_offsets);
        m_ends = std::move(o.m_ends);
        m_file = std::move(o.m_file);
        m_cache = std::move(o.m_cache);
        m_cachedBlock = std::exchange(o.m_cachedBlock, -1);
        m_aheadRows = std::move(o.m_aheadRows);
        m_aheadBlock = std::exchange(o.m_aheadBlock, -1);
        o.m_offsets.clear();
        o.m_ends.clear();
        o.m_mem.clear();
    }

    using Spans = std::vector<std::pair<qint64, qint64>>; // a block's offset and end in the file
    qsizetype m_threshold = 0;
    qsizetype m_spilled = 0;   // rows [0, m_spilled) are in the file (or being written), in blocks of kBlockRows
    std::vector<T> m_mem;      // rows [m_spilled, size())
    mutable std::vector<qint64> m_offsets, m_ends; // per block written (settle() adds the task's)
    std::shared_ptr<detail::SpillFile> m_file;
    mutable std::vector<T> m_cache;
    mutable qsizetype m_cachedBlock = -1;
    mutable std::future<Spans> m_writing;          // the blocks being written
    mutable std::future<std::vector<T>> m_ahead;   // block m_aheadBlockNext being decoded
    mutable qsizetype m_aheadBlockNext = -1;
    mutable std::vector<T> m_aheadRows;            // block m_aheadBlock, decoded ahead
    mutable qsizetype m_aheadBlock = -1;
};

} // namespace cockpit::imports

#pragma once
// Row ids to row numbers for bulk reads (the cockpit's facts, the forecast's deal history).
#include <QtGlobal>

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace cockpit::analytics {

// Integer keys (row ids) → an index: a table while the keys are dense, as INTEGER PRIMARY KEY
// ids mostly are; a hash for the keys far beyond the ones seen so far.
class IdMap
{
public:
    int find(qint64 k) const
    {
        if (k >= 0 && k < qint64(m_dense.size()) && m_dense[std::size_t(k)] >= 0)
            return m_dense[std::size_t(k)];
        if (m_sparse.empty())
            return -1;
        const auto it = m_sparse.find(k);
        return it == m_sparse.end() ? -1 : it->second;
    }
    void insert(qint64 k, int value)
    {
        if (k >= 0 && k < std::max<qint64>(qint64(1) << 16, 16 * (m_count + 1))) {
            if (k >= qint64(m_dense.size()))
                m_dense.resize(std::size_t(k) + 1, -1);
            m_dense[std::size_t(k)] = value;
        } else {
            m_sparse[k] = value;
        }
        ++m_count;
    }

private:
    std::vector<int> m_dense;
    std::unordered_map<qint64, int> m_sparse;
    qint64 m_count = 0;
};

} // namespace cockpit::analytics

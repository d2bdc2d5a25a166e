#include "items/fastproxymodel.h"

#include <algorithm>

namespace cockpit {

FastProxyModel::FastProxyModel(QObject *parent) : QAbstractProxyModel(parent) {}

void FastProxyModel::setSourceModel(QAbstractItemModel *source)
{
    beginResetModel();
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    QAbstractProxyModel::setSourceModel(source);
    if (source) {
        connect(source, &QAbstractItemModel::dataChanged, this, &FastProxyModel::onSourceDataChanged);
        connect(source, &QAbstractItemModel::rowsInserted, this, &FastProxyModel::onSourceRowsInserted);
        connect(source, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
        connect(source, &QAbstractItemModel::modelReset, this, [this] {
            rebuild();
            endResetModel();
        });
        connect(source, &QAbstractItemModel::headerDataChanged, this,
                &QAbstractItemModel::headerDataChanged);
    }
    rebuild();
    endResetModel();
}

void FastProxyModel::rebuild()
{
    m_rows.clear();
    m_inverse.clear();
    if (!sourceModel())
        return;
    const int n = sourceModel()->rowCount();
    m_inverse.assign(size_t(n), -1);
    m_rows.reserve(size_t(n));
    beginFilter();
    for (int r = 0; r < n; ++r) {
        if (acceptsRow(r))
            m_rows.push_back(r);
    }
    applySort();
}

void FastProxyModel::applySort()
{
    if (m_sortColumn >= 0) {
        const int col = m_sortColumn;
        if (m_sortOrder == Qt::AscendingOrder)
            std::stable_sort(m_rows.begin(), m_rows.end(),
                             [&](int a, int b) { return lessThan(col, a, b); });
        else
            std::stable_sort(m_rows.begin(), m_rows.end(),
                             [&](int a, int b) { return lessThan(col, b, a); });
    }
    if (ranked()) {
        std::vector<std::pair<int, int>> keyed; // (rank, source row), the column order kept within a rank
        keyed.reserve(m_rows.size());
        for (int r : m_rows)
            keyed.emplace_back(rank(r), r);
        std::stable_sort(keyed.begin(), keyed.end(), [](const auto &x, const auto &y) { return x.first < y.first; });
        for (size_t i = 0; i < keyed.size(); ++i)
            m_rows[i] = keyed[i].second;
    }
    std::fill(m_inverse.begin(), m_inverse.end(), -1);
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_inverse[size_t(m_rows[i])] = int(i);
}

void FastProxyModel::refilter()
{
    beginResetModel();
    rebuild();
    endResetModel();
}

void FastProxyModel::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    resort(column, order);
}

void FastProxyModel::resort(int column, Qt::SortOrder order)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> sourceRows;
    sourceRows.reserve(size_t(before.size()));
    for (const QModelIndex &i : before)
        sourceRows.push_back(m_rows[size_t(i.row())]);
    m_sortColumn = column;
    m_sortOrder = order;
    if (column < 0) { // back to source order
        std::sort(m_rows.begin(), m_rows.end());
    }
    applySort();
    QModelIndexList after;
    after.reserve(before.size());
    for (int i = 0; i < before.size(); ++i)
        after << index(m_inverse[size_t(sourceRows[size_t(i)])], before.at(i).column());
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

QModelIndex FastProxyModel::mapToSource(const QModelIndex &proxy) const
{
    if (!proxy.isValid() || !sourceModel() || proxy.row() >= int(m_rows.size()))
        return {};
    return sourceModel()->index(m_rows[size_t(proxy.row())], proxy.column());
}

QModelIndex FastProxyModel::mapFromSource(const QModelIndex &source) const
{
    if (!source.isValid() || source.row() >= int(m_inverse.size()))
        return {};
    const int row = m_inverse[size_t(source.row())];
    return row < 0 ? QModelIndex() : index(row, source.column());
}

QModelIndex FastProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= int(m_rows.size())
        || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex FastProxyModel::parent(const QModelIndex &) const
{
    return {};
}

int FastProxyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FastProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool FastProxyModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_rows.empty();
}

QModelIndex FastProxyModel::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

void FastProxyModel::onSourceDataChanged(const QModelIndex &tl, const QModelIndex &br,
                                         const QList<int> &roles)
{
    for (int r = tl.row(); r <= br.row(); ++r) {
        const int proxyRow = r < int(m_inverse.size()) ? m_inverse[size_t(r)] : -1;
        const bool accepted = acceptsRow(r);
        if (proxyRow >= 0 && accepted) {
            Q_EMIT dataChanged(index(proxyRow, tl.column()), index(proxyRow, br.column()), roles);
        } else if (proxyRow >= 0) { // no longer matches the filter
            beginRemoveRows({}, proxyRow, proxyRow);
            m_rows.erase(m_rows.begin() + proxyRow);
            m_inverse[size_t(r)] = -1;
            for (size_t i = size_t(proxyRow); i < m_rows.size(); ++i)
                m_inverse[size_t(m_rows[i])] = int(i);
            endRemoveRows();
        } else if (accepted) { // now matches: shown at the end, rows do not jump under the user
            const int at = int(m_rows.size());
            beginInsertRows({}, at, at);
            m_rows.push_back(r);
            m_inverse[size_t(r)] = at;
            endInsertRows();
        }
    }
}

void FastProxyModel::onSourceRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    // Source rows are only ever appended (new records), so existing indexes stay valid.
    m_inverse.resize(size_t(sourceModel()->rowCount()), -1);
    std::vector<int> added;
    for (int r = first; r <= last; ++r)
        if (acceptsRow(r))
            added.push_back(r);
    if (added.empty())
        return;
    // Sorted by a column (not ranked by a search): each new row goes where the sort puts it,
    // the rows around it keep their order; a burst is appended and sorted once.
    constexpr size_t kOneByOne = 64;
    const bool inPlace = m_sortColumn >= 0 && !ranked() && added.size() <= kOneByOne;
    if (inPlace) {
        const int col = m_sortColumn;
        const bool ascending = m_sortOrder == Qt::AscendingOrder;
        for (int r : added) {
            const auto at = std::upper_bound(m_rows.begin(), m_rows.end(), r, [&](int a, int b) {
                return ascending ? lessThan(col, a, b) : lessThan(col, b, a);
            });
            const int row = int(at - m_rows.begin());
            beginInsertRows({}, row, row);
            m_rows.insert(at, r);
            for (size_t i = size_t(row); i < m_rows.size(); ++i)
                m_inverse[size_t(m_rows[i])] = int(i);
            endInsertRows();
        }
        return;
    }
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at + int(added.size()) - 1);
    for (int r : added) {
        m_inverse[size_t(r)] = int(m_rows.size());
        m_rows.push_back(r);
    }
    endInsertRows();
    if (m_sortColumn >= 0 && !ranked())
        resort(m_sortColumn, m_sortOrder);
}

} // namespace cockpit

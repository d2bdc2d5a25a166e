#pragma once
// A sort/filter proxy for large flat tables whose source keeps its data in column arrays.
// QSortFilterProxyModel walks data() with QVariants for every comparison; this one asks
// the subclass to compare and accept rows on the raw arrays, so filtering or sorting
// 100 000 rows takes milliseconds. Rows are a permutation vector plus its inverse.
#include <QAbstractProxyModel>

#include <vector>

namespace cockpit {

class FastProxyModel : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit FastProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;

    QModelIndex mapToSource(const QModelIndex &proxy) const override;
    QModelIndex mapFromSource(const QModelIndex &source) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    int sourceRow(int proxyRow) const { return m_rows[size_t(proxyRow)]; }

protected:
    virtual bool acceptsRow(int sourceRow) const = 0;
    // Strict weak order of two source rows on `column` (ascending).
    virtual bool lessThan(int column, int left, int right) const = 0;
    // Re-runs the filter over every source row and re-applies the sort: after a filter change.
    void refilter();
    // Lets a subclass prepare per-query state before acceptsRow() is called for all rows.
    virtual void beginFilter() {}
    // Search relevance: while ranked() is true, rows of a lower rank come first and the column
    // sort orders rows within one rank (a search hit on the customer's own name before a hit
    // in some lead title).
    virtual bool ranked() const { return false; }
    virtual int rank(int sourceRow) const { Q_UNUSED(sourceRow); return 0; }

private:
    void rebuild();
    void applySort();
    void onSourceDataChanged(const QModelIndex &tl, const QModelIndex &br, const QList<int> &roles);
    void onSourceRowsInserted(const QModelIndex &parent, int first, int last);
    // Sorts by `column` keeping persistent indexes (selection, current) on their rows.
    void resort(int column, Qt::SortOrder order);

    std::vector<int> m_rows;    // proxy row -> source row
    std::vector<int> m_inverse; // source row -> proxy row, -1 when filtered out
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace cockpit

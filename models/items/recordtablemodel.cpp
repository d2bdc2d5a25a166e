#include "items/recordtablemodel.h"

namespace cockpit {

RecordTableModel::RecordTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void RecordTableModel::setHeaders(const QStringList &headers)
{
    beginResetModel();
    m_headers = headers;
    m_rows.clear();
    m_keys.clear();
    m_values.clear();
    endResetModel();
}

void RecordTableModel::setRows(const QList<QStringList> &rows, const QStringList &keys, const QList<QVariantList> &values)
{
    beginResetModel();
    m_rows = rows;
    m_keys = keys;
    m_values = values;
    endResetModel();
}

void RecordTableModel::clear()
{
    setRows({});
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_headers.size())
        return {};
    if (role == KeyRole)
        return index.row() < m_keys.size() ? m_keys.at(index.row()) : QString();
    if (role == ValueRole) {
        const QVariant v = m_values.value(index.row()).value(index.column());
        if (v.isValid())
            return v;
    }
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == ValueRole) {
        const QStringList &r = m_rows.at(index.row());
        return index.column() < r.size() ? r.at(index.column()) : QString();
    }
    return {};
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_headers.size())
        return m_headers.at(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace cockpit

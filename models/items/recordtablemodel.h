#pragma once
// A small read-only table of text rows (a lead's stage history, its recent activities, a
// customer's contacts and open leads): the detail panels show these.
#include <QAbstractTableModel>
#include <QStringList>

namespace cockpit {

class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        KeyRole = Qt::UserRole + 1, // an id carried by the row (e.g. a lead's)
        ValueRole,                  // the cell as a typed value (exports); else its text
    };

    explicit RecordTableModel(QObject *parent = nullptr);

    void setHeaders(const QStringList &headers);
    // Replaces all rows; `keys` (optional) gives each row's KeyRole value, `values` (optional)
    // the typed values behind some cells (a QDateTime behind a formatted time), by row and
    // column; a cell without one answers ValueRole with its text.
    void setRows(const QList<QStringList> &rows, const QStringList &keys = {}, const QList<QVariantList> &values = {});
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
    QStringList m_keys;
    QList<QVariantList> m_values;
};

} // namespace cockpit

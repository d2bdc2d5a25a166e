#pragma once
// The open sync conflicts as a table (the Conflicts screen's list): when, which record, its
// table, the kind and the fields in conflict, all in words. Kept current from ConflictStore:
// a resolution removes its row, a new conflict inserts one, nothing is reset.
#include "items/conflicttext.h"
#include "storage/conflictrepository.h"

#include <QAbstractTableModel>
#include <QLocale>

#include <memory>

namespace cockpit {

class ConflictStore;

class ConflictListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { When, Record, Table, Kind, Fields, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1 };

    // `englishNames`: pipelines and stages by their English names.
    ConflictListModel(ConflictStore &store, bool englishNames, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const storage::ConflictRecord &conflict(int row) const { return m_rows.at(row); }
    int rowOf(const QString &conflictId) const;
    const ConflictFormatter &formatter() const { return *m_format; }
    // Re-reads the open conflicts and applies the difference as row removals and insertions.
    void refresh();

private:
    ConflictStore &m_store;
    std::unique_ptr<ConflictFormatter> m_format;
    QList<storage::ConflictRecord> m_rows;
    bool m_english;
};

} // namespace cockpit

#include "items/conflictlistmodel.h"

#include "items/conflictstore.h"

#include <QDateTime>
#include <QTimeZone>

namespace cockpit {

ConflictListModel::ConflictListModel(ConflictStore &store, bool englishNames, QObject *parent)
    : QAbstractTableModel(parent), m_store(store), m_english(englishNames)
{
    m_format = std::make_unique<ConflictFormatter>(store.repository(), QLocale(), englishNames);
    m_rows = store.openConflicts();
    connect(&store, &ConflictStore::changed, this, &ConflictListModel::refresh);
}

int ConflictListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConflictListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ConflictListModel::rowOf(const QString &conflictId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == conflictId)
            return i;
    return -1;
}

QVariant ConflictListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const storage::ConflictRecord &c = m_rows.at(index.row());
    if (role == IdRole)
        return c.id;
    if (role == Qt::ToolTipRole && index.column() == Kind)
        return ConflictText::kindExplanation(c);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case When:
        return QLocale().toString(QDateTime::fromSecsSinceEpoch(c.createdAt, Qt::UTC).toLocalTime(),
                                  QLocale::ShortFormat);
    case Record: return ConflictText::rowLabel(c);
    case Table: return ConflictText::tableLabel(c.table);
    case Kind: return ConflictText::kindLabel(c.kind);
    case Fields: return m_format->fieldList(c);
    default: return {};
    }
}

QVariant ConflictListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When: return ConflictText::tr("When");
    case Record: return ConflictText::tr("Record");
    case Table: return ConflictText::tr("Table");
    case Kind: return ConflictText::tr("What happened");
    case Fields: return ConflictText::tr("Fields in conflict");
    default: return {};
    }
}

void ConflictListModel::refresh()
{
    // Names of referenced rows may have changed with the writes: read again.
    m_format = std::make_unique<ConflictFormatter>(m_store.repository(), QLocale(), m_english);
    const QList<storage::ConflictRecord> fresh = m_store.openConflicts();
    auto inFresh = [&](const QString &id) {
        for (const auto &c : fresh)
            if (c.id == id)
                return true;
        return false;
    };
    // Removals, from the end so the rows before keep their numbers.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (inFresh(m_rows.at(i).id))
            continue;
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i);
        endRemoveRows();
    }
    // What is left is in fresh's order (both newest first): insert the new ones where fresh has them.
    for (int i = 0; i < fresh.size(); ++i) {
        if (i < m_rows.size() && m_rows.at(i).id == fresh.at(i).id) {
            m_rows[i] = fresh.at(i);
            continue;
        }
        beginInsertRows({}, i, i);
        m_rows.insert(i, fresh.at(i));
        endInsertRows();
    }
    // The rows kept may show new names or values.
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

} // namespace cockpit

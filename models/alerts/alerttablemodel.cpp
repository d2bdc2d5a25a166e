#include "alerts/alerttablemodel.h"

#include "alerts/alertrules.h"
#include "alerts/alerttext.h"

#include <QDateTime>
#include <QLocale>

namespace cockpit::alerts {

AlertTableModel::AlertTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void AlertTableModel::setAlerts(std::vector<AlertRecord> alerts, const QHash<QString, QString> &regionNames)
{
    beginResetModel();
    m_rows = std::move(alerts);
    m_regionNames = regionNames;
    m_index.clear();
    for (int i = 0; i < int(m_rows.size()); ++i) {
        m_rows[std::size_t(i)].regionName = m_regionNames.value(m_rows[std::size_t(i)].regionId);
        m_index.insert(m_rows[std::size_t(i)].id, i);
    }
    endResetModel();
}

void AlertTableModel::updateAlert(const AlertRecord &alert)
{
    const int row = rowOf(alert.id);
    if (row < 0) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
        m_rows.push_back(alert);
        m_rows.back().regionName = m_regionNames.value(alert.regionId);
        m_index.insert(alert.id, int(m_rows.size()) - 1);
        endInsertRows();
        return;
    }
    m_rows[std::size_t(row)] = alert;
    m_rows[std::size_t(row)].regionName = m_regionNames.value(alert.regionId);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

const AlertRecord *AlertTableModel::alertAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[std::size_t(row)] : nullptr;
}

int AlertTableModel::rowOf(const QString &id) const
{
    return m_index.value(id, -1);
}

void AlertTableModel::setDeliveryStateProvider(DeliveryStateProvider provider)
{
    m_delivery = std::move(provider);
    refreshDeliveryColumn();
}

void AlertTableModel::refreshDeliveryColumn()
{
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, Delivery), index(int(m_rows.size()) - 1, Delivery));
}

int AlertTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertTableModel::data(const QModelIndex &index, int role) const
{
    const AlertRecord *a = alertAt(index.row());
    if (!a || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    switch (role) {
    case IdRole: return a->id;
    case RuleRole: return a->rule;
    case StatusRole: return int(a->status());
    case RegionRole: return a->regionId;
    case AddresseesRole: return a->addressees();
    case LeadRole: return a->leadId;
    case Qt::ToolTipRole: return alertSummary(*a);
    default: break;
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (Column(index.column())) {
    case Rule: return ruleLabel(a->rule);
    case Subject: return a->subjectName.isEmpty() ? a->subjectId : a->subjectName;
    case Owner: return a->ownerName;
    case Region: return a->regionName;
    case Raised: {
        if (role == SortRole)
            return a->raisedAt;
        const qint64 s = parseIsoSecs(a->raisedAt);
        return s < 0 ? a->raisedAt
                     : QLocale().toString(QDateTime::fromSecsSinceEpoch(s).toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    case EscalatedTo:
        if (a->state.escalatedTo.isEmpty())
            return role == SortRole ? QVariant(QString()) : QVariant();
        return role == SortRole ? QVariant(a->state.escalationLevel)
                                : QVariant(tr("%1 (level %2)").arg(a->escalatedToName).arg(a->state.escalationLevel));
    case State: return role == SortRole ? QVariant(int(a->status())) : QVariant(statusLabel(a->status()));
    case Delivery: return m_delivery ? m_delivery(a->id) : QString();
    case ColumnCount: break;
    }
    return {};
}

QVariant AlertTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Rule: return tr("Rule");
    case Subject: return tr("Subject");
    case Owner: return tr("Owner");
    case Region: return tr("Region");
    case Raised: return tr("Raised");
    case EscalatedTo: return tr("Escalated to");
    case State: return tr("State");
    case Delivery: return tr("Delivery");
    case ColumnCount: break;
    }
    return {};
}

bool AlertFilter::accepts(const AlertRecord &a, bool ignoreRule) const
{
    if (!ignoreRule && !rules.isEmpty() && !rules.contains(a.rule))
        return false;
    if (!regionId.isEmpty() && a.regionId != regionId)
        return false;
    if (!personId.isEmpty() && !a.addressees().contains(personId))
        return false;
    const AlertStatus s = a.status();
    switch (state) {
    case StateFilter::Unresolved: return s != AlertStatus::Resolved;
    case StateFilter::Unacknowledged: return s == AlertStatus::Open;
    case StateFilter::Acknowledged: return s == AlertStatus::Acknowledged;
    case StateFilter::Resolved: return s == AlertStatus::Resolved;
    case StateFilter::All: return true;
    }
    return true;
}

QHash<QString, int> countByRule(const std::vector<AlertRecord> &alerts, const AlertFilter &filter)
{
    QHash<QString, int> out;
    for (const AlertRecord &a : alerts)
        if (filter.accepts(a, true))
            ++out[a.rule];
    return out;
}

AlertFilterModel::AlertFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(AlertTableModel::SortRole);
}

void AlertFilterModel::setFilter(const AlertFilter &filter)
{
    m_filter = filter;
    invalidateFilter();
}

bool AlertFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *model = qobject_cast<const AlertTableModel *>(sourceModel());
    const AlertRecord *a = model ? model->alertAt(sourceRow) : nullptr;
    return a && m_filter.accepts(*a);
}

} // namespace cockpit::alerts

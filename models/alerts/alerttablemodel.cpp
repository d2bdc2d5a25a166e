#include "alerts/alerttablemodel.h"

#include "alerts/alertrules.h"
#include "alerts/alerttext.h"

#include <QDateTime>
#include <QLocale>

namespace cockpit::alerts {

AlertTableModel::AlertTableModel(QObject *parent) : QAbstractTableModel(parent) {}

namespace {
QString subjectKey(const QString &kind, const QString &id)
{
    return kind + u':' + id;
}
} // namespace

void AlertTableModel::refold()
{
    m_rows = foldAlerts(m_alerts, m_now);
    m_rowOfAlert.assign(m_alerts.size(), -1);
    for (int r = 0; r < int(m_rows.size()); ++r)
        for (int i : m_rows[std::size_t(r)].alerts)
            m_rowOfAlert[std::size_t(i)] = r;
}

void AlertTableModel::setAlerts(std::vector<AlertRecord> alerts, const QHash<QString, QString> &regionNames, qint64 nowSecs)
{
    beginResetModel();
    m_alerts = std::move(alerts);
    m_regionNames = regionNames;
    m_now = nowSecs;
    m_alertIndex.clear();
    for (int i = 0; i < int(m_alerts.size()); ++i) {
        m_alerts[std::size_t(i)].regionName = m_regionNames.value(m_alerts[std::size_t(i)].regionId);
        m_alertIndex.insert(m_alerts[std::size_t(i)].id, i);
    }
    refold();
    endResetModel();
}

void AlertTableModel::updateAlert(const AlertRecord &alert)
{
    // A change can move the subject's row (its priority, or from open to resolved): the rows
    // are folded again, and views keep their current subject by SubjectKeyRole.
    beginResetModel();
    const auto it = m_alertIndex.constFind(alert.id);
    if (it == m_alertIndex.cend()) {
        m_alerts.push_back(alert);
        m_alertIndex.insert(alert.id, int(m_alerts.size()) - 1);
        m_alerts.back().regionName = m_regionNames.value(alert.regionId);
    } else {
        m_alerts[std::size_t(*it)] = alert;
        m_alerts[std::size_t(*it)].regionName = m_regionNames.value(alert.regionId);
    }
    refold();
    endResetModel();
}

const InboxRow *AlertTableModel::rowAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[std::size_t(row)] : nullptr;
}

const AlertRecord *AlertTableModel::alertAt(int row) const
{
    const InboxRow *r = rowAt(row);
    return r && !r->alerts.empty() ? &m_alerts[std::size_t(r->alerts.front())] : nullptr;
}

std::vector<const AlertRecord *> AlertTableModel::alertsAt(int row) const
{
    std::vector<const AlertRecord *> out;
    if (const InboxRow *r = rowAt(row))
        for (int i : r->alerts)
            out.push_back(&m_alerts[std::size_t(i)]);
    return out;
}

int AlertTableModel::rowOf(const QString &id) const
{
    const int i = m_alertIndex.value(id, -1);
    return i < 0 ? -1 : m_rowOfAlert[std::size_t(i)];
}

int AlertTableModel::rowOfSubject(const QString &key) const
{
    // The open row of the subject, else its resolved one.
    int resolved = -1;
    for (int r = 0; r < int(m_rows.size()); ++r)
        if (subjectKey(m_rows[std::size_t(r)].subjectKind, m_rows[std::size_t(r)].subjectId) == key) {
            if (!m_rows[std::size_t(r)].resolved)
                return r;
            resolved = r;
        }
    return resolved;
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

namespace {
QString money(qint64 cents)
{
    return QLocale().toString(double(cents) / 100.0, 'f', 0);
}
} // namespace

QVariant AlertTableModel::data(const QModelIndex &index, int role) const
{
    const InboxRow *row = rowAt(index.row());
    if (!row || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const AlertRecord &a = m_alerts[std::size_t(row->alerts.front())];
    switch (role) {
    case IdRole: {
        QStringList ids;
        for (int i : row->alerts)
            ids << m_alerts[std::size_t(i)].id;
        return ids;
    }
    case RuleRole: return row->rules;
    case StatusRole: return int(row->status);
    case RegionRole: return row->regionId;
    case AddresseesRole: return row->addressees;
    case LeadRole: return row->leadId;
    case SubjectKeyRole: return subjectKey(row->subjectKind, row->subjectId);
    case PriorityRole: return row->priority.level;
    case Qt::ToolTipRole: {
        if (index.column() == Priority) {
            const cockpit::alerts::Priority &p = row->priority;
            return QString(tr("%1: %2 points (deal %3 + escalation %4 + age %5 + reasons %6)")
                       .arg(priorityLabel(p.level))
                       .arg(p.points)
                       .arg(p.stakePoints)
                       .arg(p.escalationPoints)
                       .arg(p.agePoints)
                       .arg(p.reasonPoints)
                   + QStringLiteral("\n\n") + priorityRuleText());
        }
        if (index.column() == Stake && row->subjectKind == QLatin1String("lead"))
            return tr("Amount %1 × win probability %2 % = %3").arg(money(row->amountCents)).arg(row->probability)
                .arg(money(row->priority.weightedCents));
        QStringList lines;
        for (int i : row->alerts)
            lines << alertSummary(m_alerts[std::size_t(i)]);
        return lines.join(u'\n');
    }
    case Qt::TextAlignmentRole:
        if (index.column() == Stake)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (index.column() == Priority)
            return int(Qt::AlignCenter);
        return {};
    default: break;
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (Column(index.column())) {
    case Priority:
        // Sorted, the column gives the fold's order: level, points, stake, escalation, age.
        return role == SortRole ? QVariant(index.row()) : QVariant(priorityLabel(row->priority.level));
    case Rule: {
        if (role == SortRole)
            return row->rules.join(u' ');
        QStringList labels;
        for (const QString &r : row->rules)
            labels << ruleLabel(r);
        return labels.join(QStringLiteral(" · "));
    }
    case Subject: return row->subjectName.isEmpty() ? row->subjectId : row->subjectName;
    case Stake:
        if (row->subjectKind != QLatin1String("lead"))
            return role == SortRole ? QVariant(qint64(-1)) : QVariant();
        return role == SortRole ? QVariant(row->priority.weightedCents) : QVariant(money(row->priority.weightedCents));
    case Owner: return row->ownerName;
    case Region: return row->regionName;
    case Raised: { // the day (the details say the minute)
        if (role == SortRole)
            return row->oldestSince;
        const qint64 secs = parseIsoSecs(row->oldestSince);
        return secs < 0 ? row->oldestSince
                        : QLocale().toString(QDateTime::fromSecsSinceEpoch(secs).toLocalTime().date(), QStringLiteral("yyyy-MM-dd"));
    }
    case EscalatedTo:
        if (row->escalatedTo.isEmpty())
            return role == SortRole ? QVariant(QString()) : QVariant();
        return role == SortRole ? QVariant(row->escalationLevel)
                                : QVariant(tr("%1 (level %2)").arg(row->escalatedToName).arg(row->escalationLevel));
    case State: return role == SortRole ? QVariant(int(row->status)) : QVariant(statusLabel(row->status));
    case Delivery: return m_delivery ? m_delivery(a.id) : QString();
    case ColumnCount: break;
    }
    return {};
}

QVariant AlertTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == Priority)
        return priorityRuleText();
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Priority: return tr("Priority");
    case Stake: return tr("At stake");
    case Rule: return tr("Reasons");
    case Subject: return tr("Subject");
    case Owner: return tr("Owner");
    case Region: return tr("Region");
    case Raised: return tr("Since");
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

bool AlertFilter::accepts(const InboxRow &row, const std::vector<AlertRecord> &alerts, bool ignoreRule) const
{
    if (!ignoreRule && !rules.isEmpty()) {
        bool any = false;
        for (const QString &r : row.rules)
            any = any || rules.contains(r);
        if (!any)
            return false;
    }
    if (!regionId.isEmpty() && row.regionId != regionId)
        return false;
    if (!personId.isEmpty() && !addressedTo(row, personId, personReports))
        return false;
    if (todaySince >= 0 && !isNewOrEscalatedSince(row, alerts, todaySince))
        return false;
    switch (state) {
    case StateFilter::Unresolved: return !row.resolved;
    case StateFilter::Unacknowledged: return !row.resolved && row.status == AlertStatus::Open;
    case StateFilter::Acknowledged: return !row.resolved && row.status == AlertStatus::Acknowledged;
    case StateFilter::Resolved: return row.resolved;
    case StateFilter::All: return true;
    }
    return true;
}

QHash<QString, int> countRowsByRule(const std::vector<InboxRow> &rows, const std::vector<AlertRecord> &alerts,
                                    const AlertFilter &filter)
{
    QHash<QString, int> out;
    for (const InboxRow &row : rows)
        if (filter.accepts(row, alerts, true))
            for (const QString &r : row.rules)
                ++out[r];
    return out;
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
    const InboxRow *row = model ? model->rowAt(sourceRow) : nullptr;
    return row && m_filter.accepts(*row, model->alerts());
}

} // namespace cockpit::alerts

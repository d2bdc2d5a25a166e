#pragma once
// The alert inbox: one row per alert, and a filter proxy by rule, region, person and state
// with the counts per rule the screen shows as chips.
#include "alerts/alertstore.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QSortFilterProxyModel>

#include <functional>

namespace cockpit::alerts {

class AlertTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Rule, Subject, Owner, Region, Raised, EscalatedTo, State, Delivery, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, RuleRole, StatusRole, RegionRole, AddresseesRole, LeadRole, SortRole };

    explicit AlertTableModel(QObject *parent = nullptr);

    // Replaces every row (after an evaluation).
    void setAlerts(std::vector<AlertRecord> alerts, const QHash<QString, QString> &regionNames);
    // Replaces one row (after acknowledge / resolve / escalate or their undo).
    void updateAlert(const AlertRecord &alert);
    const AlertRecord *alertAt(int row) const;
    int rowOf(const QString &id) const;
    const std::vector<AlertRecord> &alerts() const { return m_rows; }

    // The delivery column is filled by whoever delivers alerts (desktop, group robots):
    // alert id → a short state such as "sent" or "retrying (3)". Empty until one is set.
    using DeliveryStateProvider = std::function<QString(const QString &alertId)>;
    void setDeliveryStateProvider(DeliveryStateProvider provider);
    void refreshDeliveryColumn();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<AlertRecord> m_rows;
    QHash<QString, int> m_index;
    QHash<QString, QString> m_regionNames;
    DeliveryStateProvider m_delivery;
};

// State filter of the inbox.
enum class StateFilter { Unresolved, Unacknowledged, Acknowledged, Resolved, All };

struct AlertFilter
{
    QSet<QString> rules;  // empty = every rule
    QString regionId;     // "" = every region
    QString personId;     // "" = everyone; else alerts addressed to this person
    StateFilter state = StateFilter::Unresolved;
    bool accepts(const AlertRecord &a, bool ignoreRule = false) const;
};

// Alerts per rule among those the filter accepts, ignoring its rule part (the chips show what
// choosing each rule would give).
QHash<QString, int> countByRule(const std::vector<AlertRecord> &alerts, const AlertFilter &filter);

class AlertFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit AlertFilterModel(QObject *parent = nullptr);
    void setFilter(const AlertFilter &filter);
    const AlertFilter &filter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    AlertFilter m_filter;
};

} // namespace cockpit::alerts

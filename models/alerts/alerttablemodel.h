#pragma once
// The alert inbox: one row per subject (lead, rep, customer, store) with its reasons folded
// in and a priority (alertfold.h), most urgent first; and a filter proxy by rule, region,
// person, state and "Today" with the counts per rule the screen shows as chips.
#include "alerts/alertfold.h"
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
    // Rule is the row's reasons ("Stage SLA · Silence"); Raised the oldest reason's time.
    enum Column { Priority, Subject, Rule, Stake, Owner, Region, Raised, EscalatedTo, State, Delivery, ColumnCount };
    // RuleRole: the rules of the row (QStringList); IdRole: the ids of its alerts (QStringList),
    // SubjectKeyRole: "kind:id" of the subject (stays across a reload).
    enum Role { IdRole = Qt::UserRole + 1, RuleRole, StatusRole, RegionRole, AddresseesRole, LeadRole, SortRole,
                SubjectKeyRole, PriorityRole };

    explicit AlertTableModel(QObject *parent = nullptr);

    // Replaces every row (after an evaluation); priorities are computed at `nowSecs`.
    void setAlerts(std::vector<AlertRecord> alerts, const QHash<QString, QString> &regionNames, qint64 nowSecs);
    // Replaces one alert (after acknowledge / resolve / escalate or their undo) and folds again.
    void updateAlert(const AlertRecord &alert);
    // The most urgent alert of a row (the first of its reasons).
    const AlertRecord *alertAt(int row) const;
    // Every alert of a row, most urgent first.
    std::vector<const AlertRecord *> alertsAt(int row) const;
    const InboxRow *rowAt(int row) const;
    // The row holding an alert; -1 when none does.
    int rowOf(const QString &id) const;
    int rowOfSubject(const QString &subjectKey) const;
    const std::vector<AlertRecord> &alerts() const { return m_alerts; }
    const std::vector<InboxRow> &rows() const { return m_rows; }
    qint64 now() const { return m_now; }

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
    void refold();
    std::vector<AlertRecord> m_alerts;
    std::vector<InboxRow> m_rows;
    QHash<QString, int> m_alertIndex; // alert id → index in m_alerts
    std::vector<int> m_rowOfAlert;    // alert index → row
    QHash<QString, QString> m_regionNames;
    DeliveryStateProvider m_delivery;
    qint64 m_now = 0;
};

// State filter of the inbox.
enum class StateFilter { Unresolved, Unacknowledged, Acknowledged, Resolved, All };

struct AlertFilter
{
    QSet<QString> rules;  // empty = every rule
    QString regionId;     // "" = every region
    QString personId;     // "" = everyone; else alerts addressed to this person
    QSet<QString> personReports; // with personId: the people they manage (their P1 digest, alertfold.h)
    StateFilter state = StateFilter::Unresolved;
    qint64 todaySince = -1; // >= 0: only rows new or escalated at or after this time ("Today")
    bool accepts(const AlertRecord &a, bool ignoreRule = false) const;
    // A folded row: any of its reasons among `rules`; the person among its addressees.
    bool accepts(const InboxRow &row, const std::vector<AlertRecord> &alerts, bool ignoreRule = false) const;
};

// Alerts per rule among those the filter accepts, ignoring its rule part.
QHash<QString, int> countByRule(const std::vector<AlertRecord> &alerts, const AlertFilter &filter);
// Rows (subjects) per rule among those the filter accepts, ignoring its rule part (the chips
// show what choosing each rule would give).
QHash<QString, int> countRowsByRule(const std::vector<InboxRow> &rows, const std::vector<AlertRecord> &alerts,
                                    const AlertFilter &filter);

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

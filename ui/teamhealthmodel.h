#pragma once
// The Team screen's table: one row per rep or team with its process-health light, key-action
// completion, PEI, coverage contribution, response time, customer health, cross-sell,
// collaboration and composite score (analytics::HealthRow), and for a rep shown apart why
// (Standing). The name column is checkable: checked rows are overlaid on the radar.
#include "analytics/teamhealth.h"

#include <QAbstractTableModel>
#include <QSet>

namespace cockpit::ui {

class TeamHealthModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Team, Light, Completion, Pei, Coverage, Response, CustomerHealth, CrossSell, Collaboration,
                  Composite, Standing, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit TeamHealthModel(QObject *parent = nullptr);
    void setRows(const QVector<analytics::HealthRow> &rows, bool teams, const analytics::OrgUnits &units);
    const QVector<analytics::HealthRow> &rows() const { return m_rows; }
    bool teams() const { return m_teams; }
    QVector<int> checkedRows() const;
    void setChecked(const QVector<int> &rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void checkedChanged();

private:
    QVector<analytics::HealthRow> m_rows;
    QSet<int> m_checked;
    QStringList m_parent; // team of a rep, city of a team
    bool m_teams = false;
    QString m_currency = QStringLiteral("CNY"); // the company's (OrgUnits::currency)
};

} // namespace cockpit::ui

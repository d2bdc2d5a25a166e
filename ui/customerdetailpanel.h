#pragma once
// The selected customer: key facts, contacts with their decision-chain roles, open leads
// (double-click opens the lead).
#include "analytics/orgunits.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QLabel;
class QTabWidget;
class QTableView;

namespace cockpit {
class Catalog;
class EditController;
class RecordTableModel;
} // namespace cockpit

namespace cockpit::targets {
struct CustomerScoresView;
}

namespace cockpit::ui {

class CustomerDetailPanel : public QWidget
{
    Q_OBJECT
public:
    CustomerDetailPanel(Catalog &catalog, EditController &edits, QWidget *parent = nullptr);
    void setCustomer(const QString &customerId);
    QString customerId() const { return m_customerId; }
    // The value and health scores of every customer (the Scores tab shows the selected one's
    // breakdown and its owner's morning pick).
    void setScores(std::shared_ptr<const targets::CustomerScoresView> scores, const analytics::OrgUnits &units);
    QTableView *scoresView() const { return m_scoresView; }
    QTableView *picksView() const { return m_picksView; }
    void showScoresTab();

Q_SIGNALS:
    void leadActivated(const QString &leadId);
    void customerActivated(const QString &customerId); // a morning pick double-clicked

private:
    Catalog &m_catalog;
    EditController &m_edits;
    QString m_customerId;
    QLabel *m_title, *m_facts;
    void showScores();

    RecordTableModel *m_contacts, *m_leads, *m_scores, *m_picks;
    QTableView *m_contactsView, *m_leadsView, *m_scoresView, *m_picksView;
    QLabel *m_picksTitle;
    QTabWidget *m_tabs = nullptr;
    std::shared_ptr<const targets::CustomerScoresView> m_scoreData;
    QHash<QString, int> m_scoreRow; // customer id → row of m_scoreData
    analytics::OrgUnits m_units;
};

} // namespace cockpit::ui

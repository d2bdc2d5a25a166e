#pragma once
// The selected customer: key facts, contacts with their decision-chain roles, open leads
// (double-click opens the lead).
#include <QWidget>

class QLabel;
class QTableView;

namespace cockpit {
class Catalog;
class EditController;
class RecordTableModel;
} // namespace cockpit

namespace cockpit::ui {

class CustomerDetailPanel : public QWidget
{
    Q_OBJECT
public:
    CustomerDetailPanel(Catalog &catalog, EditController &edits, QWidget *parent = nullptr);
    void setCustomer(const QString &customerId);
    QString customerId() const { return m_customerId; }

Q_SIGNALS:
    void leadActivated(const QString &leadId);

private:
    Catalog &m_catalog;
    EditController &m_edits;
    QString m_customerId;
    QLabel *m_title, *m_facts;
    RecordTableModel *m_contacts, *m_leads;
    QTableView *m_contactsView, *m_leadsView;
};

} // namespace cockpit::ui

#pragma once
// Customers: filters, pinyin/alias search, a sortable table, the selected customer's
// contacts and open leads, and the new-customer form (Ctrl+N).
#include <QWidget>

class QComboBox;
class QLabel;
class QSettings;
class QSplitter;
class QTableView;

namespace cockpit {
class Catalog;
class CustomerFilterModel;
class CustomerTableModel;
class EditController;
} // namespace cockpit

namespace cockpit::ui {

class CustomerDetailPanel;
class FilterBar;

class CustomersPage : public QWidget
{
    Q_OBJECT
public:
    CustomersPage(Catalog &catalog, EditController &edits, QSettings &settings, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    CustomerFilterModel *filterModel() const { return m_filter; }
    void focusSearch();
    void saveState();
    void newCustomer();
    // Export… (Ctrl+E): the customers as filtered and sorted, the columns shown, XLSX or CSV.
    void exportTable();

protected:
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    void leadActivated(const QString &leadId);

private:
    void onCatalogLoaded();
    void refillFilters();
    void applyFilters();
    void updateCount();
    void followFilter();

    Catalog &m_catalog;
    EditController &m_edits;
    QSettings &m_settings;
    CustomerTableModel *m_model;
    CustomerFilterModel *m_filter;
    FilterBar *m_bar;
    QComboBox *m_region, *m_city, *m_owner, *m_industry;
    QStringList m_industries;
    QLabel *m_count;
    QTableView *m_table;
    QSplitter *m_splitter;
    CustomerDetailPanel *m_detail;
};

} // namespace cockpit::ui

#pragma once
// Customers: filters, pinyin/alias search, a sortable table, the selected customer's
// contacts and open leads, and the new-customer form (Ctrl+N).
#include <QDateTime>
#include <QWidget>

#include <functional>

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

namespace cockpit::analytics {
class FigureService;
}

namespace cockpit::ui {

class CustomerDetailPanel;
class FilterBar;

class CustomersPage : public QWidget
{
    Q_OBJECT
public:
    using Now = std::function<QDateTime()>;
    // `figures` computes the value and health columns (off the window's thread) as of now().
    CustomersPage(Catalog &catalog, EditController &edits, QSettings &settings, analytics::FigureService &figures,
                  Now now, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    CustomerFilterModel *filterModel() const { return m_filter; }
    CustomerTableModel *tableModel() const { return m_model; }
    void focusSearch();
    void saveState();
    void newCustomer();
    // Export… (Ctrl+E): the customers as filtered and sorted, the columns shown, XLSX or CSV.
    void exportTable();
    // Computes the value and health scores now (they are computed when the screen is shown and
    // again after the data changed); scoresShown() follows.
    void refreshScores();
    CustomerDetailPanel *detailPanel() const { return m_detail; }
    // The scores are being computed, or were never asked for (the screen was not shown yet).
    bool scoresPending() const { return m_scoresRunning || !m_scoresDone; }

protected:
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    void leadActivated(const QString &leadId);
    void scoresShown(); // the scores (or the error computing them) are shown

private:
    void onCatalogLoaded();
    void refillFilters();
    void applyFilters();
    void updateCount();
    void followFilter();
    void showCustomer(const QString &customerId);

    analytics::FigureService &m_figures;
    Now m_now;
    int m_scoresChannel = 0;
    bool m_scoresStale = true, m_scoresRunning = false, m_scoresDone = false;
    class QTimer *m_scoresTimer = nullptr;
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

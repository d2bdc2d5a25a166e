#pragma once
// The rows behind a number: a non-modal window with a sortable, searchable table of a
// DataTable (leads, activities, store days …), its title naming figure, period and org,
// Export… (Ctrl+E or Ctrl+S: the rows as filtered and sorted, XLSX or CSV), and — when the
// rows are leads — double-click / Enter opens the lead.
#include "analytics/datatable.h"

#include <QDialog>
#include <QFuture>

#include <functional>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace cockpit::ui {

class DrillDownDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DrillDownDialog(QWidget *parent = nullptr);
    void setTable(analytics::DataTable table);
    QTableView *view() const { return m_view; }
    analytics::DataTableModel *model() const { return m_model; }

    // Opens (or reuses) the drill-down window of `parent` showing `table`.
    static DrillDownDialog *show(QWidget *parent, analytics::DataTable table);
    // Opens (or reuses) the window at once under `title`, saying its rows are being read, and
    // fills it when `rows` ends; the GUI thread never waits for the query. A newer request to
    // the same window wins; a failure is said in the window. `retitle` turns the table's own
    // title into the one shown once the rows are there (empty: the table's own title).
    static DrillDownDialog *showWhenReady(QWidget *parent, const QString &title, QFuture<analytics::DataTable> rows,
                                          std::function<QString(const QString &)> retitle = {});
    // Between showWhenReady() and its rows (or its failure).
    bool isLoading() const { return m_loading; }
    // Export…: the rows as filtered and sorted, the columns shown (and the key column's global
    // ids), as an Excel workbook or CSV.
    void exportTable();
    // The table columns an export writes, in order.
    QList<int> exportColumns() const;

Q_SIGNALS:
    // A row whose key is a lead was activated; MainWindow shows it on the Leads screen.
    void leadActivated(const QString &leadId);

private:
    void activate(const QModelIndex &index);

    analytics::DataTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLabel *m_title, *m_count;
    QLineEdit *m_search;
    quint64 m_request = 0; // the newest showWhenReady() request
    bool m_loading = false;
};

} // namespace cockpit::ui

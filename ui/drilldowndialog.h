#pragma once
// The rows behind a number: a non-modal window with a sortable, searchable table of a
// DataTable (leads, activities, store days …), its title naming figure, period and org,
// Export CSV (Ctrl+S), and — when the rows are leads — double-click / Enter opens the lead.
#include "analytics/datatable.h"

#include <QDialog>

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

Q_SIGNALS:
    // A row whose key is a lead was activated; MainWindow shows it on the Leads screen.
    void leadActivated(const QString &leadId);

private:
    void exportCsv();
    void activate(const QModelIndex &index);

    analytics::DataTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLabel *m_title, *m_count;
    QLineEdit *m_search;
};

} // namespace cockpit::ui

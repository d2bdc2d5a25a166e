#pragma once
// Leads: filters, pinyin search, a sortable table of every lead, and the selected lead's
// detail panel. Enter or double-click opens the editor.
#include "domain/clock.h"
#include "io/tablewriter.h"
#include "tableexport.h"

#include <QWidget>

class QLabel;
class QSettings;
class QSplitter;
class QTableView;
class QComboBox;

namespace cockpit::analytics {
class FigureService;
}

namespace cockpit {
class Catalog;
class EditController;
class LeadTableModel;
class LeadFilterModel;
} // namespace cockpit

namespace cockpit::ui {

class FilterBar;
class LeadDetailPanel;

class LeadsPage : public QWidget
{
    Q_OBJECT
public:
    LeadsPage(Catalog &catalog, EditController &edits, analytics::FigureService &figures, QSettings &settings,
              QWidget *parent = nullptr);
    ~LeadsPage() override;

    QTableView *table() const { return m_table; }
    // The columns hidden until a person shows them (header context menu): the rest fit 1366 px.
    static QList<int> defaultHiddenColumns();
    LeadFilterModel *filterModel() const { return m_filter; }
    void focusSearch();
    // Types `text` into the search box (the welcome card's "search bs") and focuses it.
    void setSearchText(const QString &text);
    void saveState();
    void openEditor(const QString &leadId);
    // Selects and shows a lead (used by other screens' drill-downs).
    void showLead(const QString &leadId);
    // Copies the selected row, tab-separated (Ctrl+C).
    void copyCurrentRow();
    QStringList selectedLeadIds() const;
    // Moves every selected lead one stage on through the gate; one undo step (BulkMove).
    void moveSelectedToNextStage();
    // Assignment (DESIGN.md §3): the top three reps for the current lead, and bulk
    // reassignment of the selected leads to one rep or round robin, one undo step.
    void recommendRep();
    void reassignSelected(bool automatic);
    // Export… (Ctrl+E): the leads as filtered and sorted, the columns shown, XLSX or CSV.
    void exportTable();
    // The same without a dialog (tests): what exportTable() writes.
    io::ExportResult exportTo(const QString &path, TableFormat format);

private:
    void onCatalogLoaded();
    void refillFilters();
    void applyFilters();
    void updateCount();
    void onCurrentChanged();
    void followFilter();
    ModelExport exportSpec() const;

    Catalog &m_catalog;
    EditController &m_edits;
    QSettings &m_settings;
    LeadTableModel *m_model;
    LeadFilterModel *m_filter;
    FilterBar *m_bar;
    QComboBox *m_region, *m_city, *m_team, *m_owner, *m_pipeline, *m_stage, *m_status;
    QLabel *m_count;
    QTableView *m_table;
    QSplitter *m_splitter;
    LeadDetailPanel *m_detail;
    SystemClock m_clock;
};

} // namespace cockpit::ui

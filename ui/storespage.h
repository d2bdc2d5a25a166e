#pragma once
// The Stores screen (DESIGN.md §5 四色健康码): every store of the scope with its four-colour
// code per dimension and overall, a 30-day colour strip, filters by region and colour, a
// summary line, the details of the selected store (what to do about each orange/red
// dimension and the nearby high-performing store), drill-down to its store days, export
// (PNG, CSV) and the store-day CSV import with a preview of every refused row (undoable).
#include "analyticspage.h"
#include "analytics/storecodes.h"
#include "analytics/storeimport.h"

#include <memory>

class QComboBox;
class QLabel;
class QTableView;
class QTextBrowser;
class QUndoStack;

namespace cockpit::storage {
class Database;
}

namespace cockpit::ui {

class ScopeBar;
class StoreGridFilter;
class StoreGridModel;

class StoresPage : public AnalyticsPage
{
    Q_OBJECT
public:
    // `undo`: the window's undo stack (an import is one undoable step); may be null.
    StoresPage(analytics::FigureService &figures, storage::Database &db, analytics::ScopeState &scope, QUndoStack *undo,
               QWidget *parent = nullptr);
    ~StoresPage() override;

    // Imports `path`. With `askFirst` the preview dialog (errors, counts, Import / Cancel) and a
    // progress dialog for big files are shown; without, the good rows are imported at once (the
    // tests and scripts). Refreshes the grid after a successful import.
    analytics::StoreImportResult importFile(const QString &path, bool askFirst = true);
    // Ctrl+I: asks for a file, then importFile(path, true).
    void importWithDialog();

    QTableView *grid() const { return m_view; }
    StoreGridFilter *filter() const { return m_filter; }
    QComboBox *colourFilter() const { return m_colour; }
    QComboBox *regionFilter() const { return m_region; }
    QString summaryText() const;
    const analytics::StoreCodes *codes() const { return m_codes.get(); }

Q_SIGNALS:
    void imported(int inserted, int replaced);

protected:
    void requestFigures(const analytics::Scope &scope) override;
    void showResult(const analytics::StoreFigures &figures);
    void showError(const QString &message) override;
    QString busyText() const override;

private:
    void updateDetails();
    void openDrillDown();
    void exportPng();
    void exportCsv();

    storage::Database &m_db; // the import writes through it (models/items/storeimportcommand.h)
    QUndoStack *m_undo;
    ScopeBar *m_scopeBar;
    QComboBox *m_region, *m_colour;
    QLabel *m_summary, *m_note;
    QTableView *m_view;
    StoreGridModel *m_model;
    StoreGridFilter *m_filter;
    QTextBrowser *m_details;
    std::shared_ptr<const analytics::StoreCodes> m_codes;
    bool m_unitsSet = false;
};

} // namespace cockpit::ui

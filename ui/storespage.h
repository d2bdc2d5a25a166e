#pragma once
// The Stores screen (DESIGN.md §5 四色健康码): every store of the scope with its four-colour
// code per dimension and overall, a 30-day colour strip, filters by region and colour, a
// summary line, the details of the selected store (what to do about each orange/red
// dimension and the nearby high-performing store), drill-down to its store days, export
// (PNG; the figures as XLSX or CSV) and the store-day CSV import with a preview of every
// refused row (undoable).
#include "analyticspage.h"
#include "analytics/storecodes.h"

#include <memory>

class QComboBox;
class QLabel;
class QTableView;
class QTextBrowser;
namespace cockpit::ui {

class ScopeBar;
class StoreGridFilter;
class StoreGridModel;

class StoresPage : public AnalyticsPage
{
    Q_OBJECT
public:
    StoresPage(analytics::FigureService &figures, analytics::ScopeState &scope, QWidget *parent = nullptr);
    ~StoresPage() override;

    // Ctrl+I: asks for a CSV or XLSX file of store days, then importRequested(path): the main
    // window opens the import wizard on it (the importer's preview, refused rows, undo), read as
    // store days with a stored day replaced by the file's. The grid follows the import through
    // the change notifier.
    void importWithDialog();

    QTableView *grid() const { return m_view; }
    StoreGridFilter *filter() const { return m_filter; }
    QComboBox *colourFilter() const { return m_colour; }
    QComboBox *regionFilter() const { return m_region; }
    QString summaryText() const;
    const analytics::StoreCodes *codes() const { return m_codes.get(); }

Q_SIGNALS:
    void importRequested(const QStringList &files);

protected:
    void requestFigures(const analytics::Scope &scope) override;
    void showResult(const analytics::StoreFigures &figures);
    void showError(const QString &message) override;
    QString busyText() const override;

private:
    void updateDetails();
    void openDrillDown();
    void exportPng();
    void exportTable(); // Ctrl+E: the stores as filtered and sorted, XLSX or CSV

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

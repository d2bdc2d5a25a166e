#pragma once
// The Team screen (DESIGN.md §5 "Reps and teams", §6): a table of reps or teams with their
// process-health light, key-action completion, PEI, coverage contribution, response time,
// customer health, cross-sell, collaboration and composite score; the checked rows overlaid
// on the health radar; the standard-action coverage trend (6 months, 85 % target, warning
// after two declines); and the selected rep's drill-down (time between the steps of a sale,
// completion of each key action). Double-click a number (or press Enter) for its rows.
#include "analyticspage.h"
#include "analytics/figureservice.h"
#include "analytics/teamhealth.h"

#include <QDateTime>

#include <functional>
#include <optional>
#include <utility>

class QChartView;
class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QTabWidget;

namespace cockpit::analytics {
class DataTableModel;
struct DataTable;
struct StepTimes;
}

namespace cockpit::ui {

class RadarChart;
class ScopeBar;
class TeamHealthModel;

class TouchpointView;

class TeamPage : public AnalyticsPage
{
    Q_OBJECT
public:
    using Now = std::function<QDateTime()>;
    TeamPage(analytics::FigureService &figures, analytics::ScopeState &scope, Now now, QWidget *parent = nullptr);

    // For tests and the screenshot: the pieces of the screen.
    QTableView *table() const { return m_table; }
    TeamHealthModel *model() const { return m_model; }
    // The reps shown apart (left during the period, too little data): never ranked.
    QTableView *apartTable() const { return m_apartTable; }
    TeamHealthModel *apartModel() const { return m_apartModel; }
    QLabel *apartLabel() const { return m_apartLabel; }
    RadarChart *radar() const { return m_radar; }
    QChartView *coverageChart() const { return m_coverage; }
    QLabel *warningBanner() const { return m_warning; }
    const analytics::TeamHealth *result() const { return m_result.get(); }
    void setShowTeams(bool teams);
    // Shows reps and selects this one's row (in the table apart when it is not ranked), now or
    // once the scope's figures are shown (the Correlation tab opens a rep here).
    void selectRep(const QString &repId);
    // The drill-down of a column that needs a query (the rest are made from the figures shown).
    static std::optional<analytics::TeamTable> drillDownQuery(int column);
    analytics::DataTable localDrillDownTable(int row, int column) const;
    // Opens the drill-down of a table cell (source row/column).
    void openDrillDown(int row, int column);

protected:
    void requestFigures(const analytics::Scope &scope) override;
    void showResult(const analytics::TeamHealth &result);
    void showError(const QString &message) override;
    QString busyText() const override;

private:
    void fillTable();
    void fitColumns(QTableView *table);
    void selectWantedRep();
    void updateRadar();
    void updateCoverage();
    void updateSelection();
    void showSteps(const analytics::StepTimes &times, const QString &name, const analytics::Scope &s);
    // Asks for the selected row's step times, once their tab is shown.
    void requestSteps();
    void exportRadar();
    void exportTable();
    analytics::Scope rowScope(int row) const;
    QString asOfIso() const;

    Now m_now;
    ScopeBar *m_scopeBar;
    QComboBox *m_mode;
    QLabel *m_status, *m_warning, *m_selection, *m_stepsTitle;
    TeamHealthModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    TeamHealthModel *m_apartModel;
    QTableView *m_apartTable;
    QLabel *m_apartLabel;
    RadarChart *m_radar;
    QChartView *m_coverage, *m_steps;
    TouchpointView *m_touchpoints = nullptr;
    QTabWidget *m_tabs;
    QTableView *m_keyActions;
    analytics::DataTableModel *m_keyModel;
    std::shared_ptr<analytics::TeamHealth> m_result;
    bool m_orgUnitsSet = false;
    QString m_wantedRep; // selectRep's, until the current scope's figures show it
    analytics::FigureService::Channel m_stepsChannel; // the newest selection's step times win
    QWidget *m_stepsPanel = nullptr;
    // The selection whose step times are not asked for yet: they are computed when the Steps
    // tab shows, so they never hold a worker that the next team health could use.
    std::optional<std::pair<analytics::Scope, QString>> m_stepsWanted;
};

} // namespace cockpit::ui

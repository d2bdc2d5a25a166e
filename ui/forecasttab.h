#pragma once
// The Forecast tab of the Targets & Forecast screen (DESIGN.md §5 "Forecast", issue 14): for
// the scope's period and org unit, the expected won amount with its confidence, range and
// the chance of the target, and why the confidence is lower; the fan chart per month against
// the month targets; the honest backtest with its measured band coverage; every open deal's
// explainable win probability with its factors beside the learned model's; the learned
// model's held-out AUC, Brier, Brier skill and calibration. The figures come from
// forecast/forecastview.h on the FigureService's workers; the slow part (reading the deals,
// training the model) is cached per file version, so a period change is one Monte-Carlo.
#include "planningtab.h"
#include "forecast/forecastview.h"

#include <QDateTime>

#include <functional>
#include <memory>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace cockpit::analytics {
class DataTableModel;
}
namespace cockpit::storage {
class Database;
}

namespace cockpit::ui {

class CalibrationChart;
class FanChart;
class HeatmapWidget;

class ForecastTab : public PlanningTab
{
    Q_OBJECT
public:
    using Now = std::function<QDateTime()>;
    ForecastTab(analytics::FigureService &figures, analytics::ScopeState &scope, Now now, QWidget *parent = nullptr);

    // For tests and the screenshot.
    const forecast::ForecastView *result() const { return m_result.get(); }
    QLabel *headline() const { return m_headline; }
    QLabel *targetLabel() const { return m_target; }
    QLabel *reasonsLabel() const { return m_reasons; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *coverageLabel() const { return m_coverage; }
    QLabel *modelLabel() const { return m_model; }
    QLabel *dealDetail() const { return m_dealDetail; }
    FanChart *fanChart() const { return m_fan; }
    CalibrationChart *calibrationChart() const { return m_calibration; }
    QTableView *backtestView() const { return m_backtestView; }
    QTableView *dealsView() const { return m_dealsView; }
    HeatmapWidget *revisionHeat() const { return m_heat; }
    QPushButton *reviseButton() const { return m_revise; }
    quint64 seed() const { return m_seed; }
    // Where a manual revision is saved (the window's file); without it the tab only reads.
    void setEditPath(storage::Database &db);
    // Opens the revise dialog for the scope shown (modal); true when a revision was saved.
    bool revise();
    // Opens the reason code list (modal); true when an edited list was saved.
    bool editReasons();
    QPushButton *reasonCodesButton() const { return m_reasonCodes; }
    void setSeed(quint64 seed);
    // Exports (the Export menu): the tables as XLSX/CSV with the file dialog.
    void exportBacktest();
    void exportDeals();
    // The figures come first, the learned model (trained once per file version) after them.
    bool modelPending() const { return m_result && m_result->modelPending; }
    // The headline's text for a forecast (also its tests').
    static QString headlineText(const forecast::ForecastView &v);
    static QString confidenceTip(const forecast::ForecastView &v);

Q_SIGNALS:
    void modelShown(); // the learned model's column and evaluation are shown (or why not)

protected:
    void requestFigures(const analytics::Scope &scope) override;
    void showError(const QString &message) override;
    QString busyText() const override;

private:
    void showResult(const forecast::ForecastView &v);
    void requestModel();
    void showModel(const forecast::ForecastView &v);
    void showDealDetail();
    void openLead(const QModelIndex &index);
    void exportTable(analytics::DataTableModel *model, QTableView *view, const QString &title);
    void showRevisions(const forecast::ForecastView &v);
    QTableView *makeTable(analytics::DataTableModel *model, QSortFilterProxyModel *proxy, const QString &name);

    Now m_now;
    quint64 m_seed = 1;
    std::shared_ptr<forecast::ForecastCache> m_cache;
    std::unique_ptr<forecast::ForecastView> m_result;
    QLabel *m_headline = nullptr, *m_target = nullptr, *m_reasons = nullptr, *m_status = nullptr;
    QLabel *m_coverage = nullptr, *m_model = nullptr, *m_dealDetail = nullptr, *m_dealsTitle = nullptr;
    FanChart *m_fan = nullptr;
    CalibrationChart *m_calibration = nullptr;
    analytics::DataTableModel *m_backtestModel = nullptr, *m_dealsModel = nullptr;
    QSortFilterProxyModel *m_backtestProxy = nullptr, *m_dealsProxy = nullptr;
    QTableView *m_backtestView = nullptr, *m_dealsView = nullptr;
    HeatmapWidget *m_heat = nullptr;
    QPushButton *m_revise = nullptr, *m_reasonCodes = nullptr;
    QLabel *m_revisionsTitle = nullptr;
    storage::Database *m_db = nullptr;
};

} // namespace cockpit::ui

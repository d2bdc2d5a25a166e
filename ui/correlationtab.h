#pragma once
// The Correlation tab of the Targets & Forecast screen (DESIGN.md §5 "Process", issue 14):
// pick two metrics of the reps (a process figure, new customers, the win rate: the y axis
// starts on the win rate), see one point per ranked rep of the scope with the least-squares
// line, "n · R² · y = ax + b" (or why there is no line) and how many reps were left out for
// a missing value. Hover a point for the rep and its values; click it, or pick the rep in the
// list beside the chart and press Enter, to open the rep on the Team screen (repActivated).
// Ctrl+E exports the points. A change of metric refits without computing again.
#include "planningtab.h"
#include "targets/correlationview.h"
#include "targets/performancefigures.h"

#include <QDateTime>

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QStandardItemModel;
class QTableView;

namespace cockpit::ui {

class CorrelationChart;

class CorrelationTab : public PlanningTab
{
    Q_OBJECT
public:
    using Now = std::function<QDateTime()>;
    CorrelationTab(analytics::FigureService &figures, analytics::ScopeState &scope, Now now, QWidget *parent = nullptr);

    // For tests and the screenshot: the pieces of the tab and what they show.
    const targets::CorrelationFigures *result() const { return m_data.get(); }
    const targets::CorrelationPoints &points() const { return m_points; }
    QComboBox *xCombo() const { return m_x; }
    QComboBox *yCombo() const { return m_y; }
    QTableView *repTable() const { return m_table; }
    QLabel *fitLabel() const { return m_fit; }
    CorrelationChart *chart() const { return m_chart; }
    void setMetrics(targets::CorrMetric x, targets::CorrMetric y);
    void exportTable();

Q_SIGNALS:
    void repActivated(const QString &repId);

protected:
    void requestFigures(const analytics::Scope &scope) override;
    void showError(const QString &message) override;
    QString busyText() const override;

private:
    void showResult(const targets::CorrelationFigures &f);
    void refit();
    void activateRow(int row);

    Now m_now;
    std::shared_ptr<targets::CorrelationFigures> m_data;
    targets::CorrelationPoints m_points;
    QComboBox *m_x, *m_y;
    QLabel *m_error, *m_fit;
    CorrelationChart *m_chart;
    QStandardItemModel *m_model;
    QTableView *m_table;
};

} // namespace cockpit::ui

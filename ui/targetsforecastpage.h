#pragma once
// The Targets & Forecast screen (Ctrl+5; DESIGN.md §5 "Targets", "Forecast", issue 14): one
// scope bar (period and org unit, shared with the other analytics screens) above tabs that
// each compute their own figures, and only while shown: targets and attainment, the forecast
// with its confidence and backtest. MainWindow and the screenshot talk to the tab shown.
#include "analytics/figureservice.h"
#include "analytics/scope.h"

#include <QDateTime>
#include <QWidget>

#include <functional>

class QTabWidget;

namespace cockpit::ui {

class AnalyticsPage;
class PlanningTab;
class ScopeBar;

class TargetsForecastPage : public QWidget
{
    Q_OBJECT
public:
    using Now = std::function<QDateTime()>;
    TargetsForecastPage(analytics::FigureService &figures, analytics::ScopeState &scope, Now now,
                        QWidget *parent = nullptr);

    // The tab shown (the screenshot waits for its figures; the status bar shows its work).
    AnalyticsPage *currentTab() const;
    QTabWidget *tabs() const { return m_tabs; }
    ScopeBar *scopeBar() const { return m_scopeBar; }
    // Shows the tab whose objectName is `name` ("targetsTab", "forecastTab"); false if none.
    bool showTab(const QString &name);

Q_SIGNALS:
    // Forwarded from every tab (MainWindow connects them like an AnalyticsPage's).
    void leadActivated(const QString &leadId);
    void busy(const QString &message);
    void idle();

private:
    void addTab(PlanningTab *tab, const QString &title);

    ScopeBar *m_scopeBar = nullptr;
    QTabWidget *m_tabs = nullptr;
};

} // namespace cockpit::ui

#include "targetsforecastpage.h"

#include "correlationtab.h"
#include "forecasttab.h"
#include "performancetab.h"
#include "planningtab.h"
#include "scopebar.h"
#include "targetstab.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace cockpit::ui {

TargetsForecastPage::TargetsForecastPage(analytics::FigureService &figures, analytics::ScopeState &scope, Now now,
                                         QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("targetsForecastPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 6);
    layout->setSpacing(6);
    m_scopeBar = new ScopeBar(scope, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("targetsForecastTabs"));
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_scopeBar);
    layout->addWidget(m_tabs, 1);
    // The tabs (each a PlanningTab) are added here, in the order the user works through them.
    addTab(new TargetsTab(figures, scope, now, m_tabs), tr("Targets"));
    addTab(new ForecastTab(figures, scope, now, this), tr("Forecast"));
    addTab(new PerformanceTab(figures, scope, now, m_tabs), tr("Performance"));
    addTab(new CorrelationTab(figures, scope, now, m_tabs), tr("Correlation"));
}

void TargetsForecastPage::addTab(PlanningTab *tab, const QString &title)
{
    m_tabs->addTab(tab, title);
    connect(tab, &PlanningTab::orgUnitsLoaded, m_scopeBar, &ScopeBar::setOrgUnits);
    connect(tab, &AnalyticsPage::leadActivated, this, &TargetsForecastPage::leadActivated);
    connect(tab, &AnalyticsPage::busy, this, &TargetsForecastPage::busy);
    connect(tab, &AnalyticsPage::idle, this, &TargetsForecastPage::idle);
}

AnalyticsPage *TargetsForecastPage::currentTab() const
{
    return qobject_cast<AnalyticsPage *>(m_tabs->currentWidget());
}

bool TargetsForecastPage::showTab(const QString &name)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->objectName() == name) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

} // namespace cockpit::ui

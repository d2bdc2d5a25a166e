#pragma once
// A tab of the Targets & Forecast screen (targetsforecastpage.h): an AnalyticsPage (its own
// channel, computes only while visible, follows the shared ScopeState) that also tells the
// screen the org tree its figures were read with, so the one scope bar above the tabs can
// offer the company's regions, cities and teams.
#include "analyticspage.h"

namespace cockpit::ui {

class PlanningTab : public AnalyticsPage
{
    Q_OBJECT
public:
    using AnalyticsPage::AnalyticsPage;

Q_SIGNALS:
    void orgUnitsLoaded(const analytics::OrgUnits &units);
};

} // namespace cockpit::ui

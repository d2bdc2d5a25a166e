#pragma once
// The navigation rail: one entry per screen of DESIGN.md §6.
#include <QListWidget>

namespace cockpit::ui {

class NavRail : public QListWidget
{
    Q_OBJECT
public:
    enum Screen { Cockpit, Leads, Customers, Team, Targets, Stores, Alerts, ActivityLog, Settings, ScreenCount };

    explicit NavRail(QWidget *parent = nullptr);
    static QString screenName(Screen s);
    // Command-line names: cockpit, leads, customers, team, targets, stores, alerts, activity-log, settings.
    static QString screenKey(Screen s);
    static int screenFromKey(const QString &key); // -1 when unknown
};

} // namespace cockpit::ui

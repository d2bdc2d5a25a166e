#include "navrail.h"

namespace cockpit::ui {

NavRail::NavRail(QWidget *parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("navRail"));
    setFixedWidth(176);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    for (int s = 0; s < ScreenCount; ++s) {
        auto *item = new QListWidgetItem(screenName(Screen(s)), this);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(screenName(Screen(s))).arg(s + 1));
    }
}

QString NavRail::screenName(Screen s)
{
    switch (s) {
    case Cockpit: return tr("Cockpit");
    case Leads: return tr("Leads");
    case Customers: return tr("Customers");
    case Team: return tr("Team");
    case Targets: return tr("Targets & Forecast");
    case Stores: return tr("Stores");
    case Alerts: return tr("Alerts");
    case ActivityLog: return tr("Activity log");
    case Settings: return tr("Settings");
    case ScreenCount: break;
    }
    return {};
}

QString NavRail::screenKey(Screen s)
{
    static const char *keys[] = {"cockpit", "leads", "customers", "team", "targets",
                                 "stores", "alerts", "activity-log", "settings"};
    return s >= 0 && s < ScreenCount ? QString::fromLatin1(keys[s]) : QString();
}

int NavRail::screenFromKey(const QString &key)
{
    for (int s = 0; s < ScreenCount; ++s)
        if (screenKey(Screen(s)) == key)
            return s;
    return -1;
}

} // namespace cockpit::ui

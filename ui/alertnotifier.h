#pragma once
// New alerts for the signed-in user as desktop notifications (QSystemTrayIcon::showMessage),
// and the owner of the webhook sender, so the main window creates and starts one object.
// Without a system tray (some desktops, Xvfb) nothing pops up: the rows are marked 'in_app'
// (the alert inbox shows them) and the status bar says so once — never a crash.
#include "domain/clock.h"

#include <QObject>

class QMainWindow;
class QSystemTrayIcon;

namespace cockpit::storage {
class Database;
}
namespace cockpit::delivery {
class DeliverySender;
}

namespace cockpit::ui {

class AlertNotifier : public QObject
{
    Q_OBJECT
public:
    AlertNotifier(storage::Database &db, QMainWindow *window);
    ~AlertNotifier() override;

    // Recovers interrupted deliveries, then checks every pollMs for new alerts and due posts.
    void start(int pollMs = 15000);
    // start() the first time; false (and nothing done) when already started.
    bool startOnce(int pollMs = 15000);
    // One round now: queue, post, notify (tests call it directly).
    void poll();
    bool trayAvailable() const;
    delivery::DeliverySender &sender() { return *m_sender; }

Q_SIGNALS:
    // After desktop rows were handled: how many, and whether a tray message showed them.
    void notified(int alerts, bool tray);

private:
    void showDue();

    storage::Database &m_db;
    QMainWindow *m_window;
    SystemClock m_clock;
    delivery::DeliverySender *m_sender;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_saidNoTray = false;
    bool m_started = false;
};

} // namespace cockpit::ui

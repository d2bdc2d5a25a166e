#include "alertnotifier.h"

#include "storage/database.h"
#include "delivery/deliverysender.h"

#include <QApplication>
#include <QMainWindow>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>

namespace cockpit::ui {

AlertNotifier::AlertNotifier(storage::Database &db, QMainWindow *window)
    : QObject(window), m_db(db), m_window(window),
      m_sender(new delivery::DeliverySender(db, m_clock, this))
{
    connect(m_sender, &delivery::DeliverySender::enqueued, this, [this](int, int, int desktopRows) {
        if (desktopRows > 0)
            showDue();
    });
}

AlertNotifier::~AlertNotifier() = default;

bool AlertNotifier::startOnce(int pollMs)
{
    if (m_started)
        return false;
    start(pollMs);
    return true;
}

void AlertNotifier::start(int pollMs)
{
    m_started = true;
    m_sender->start(pollMs);
    showDue(); // rows a previous run queued but did not show
}

void AlertNotifier::poll()
{
    m_sender->tick();
    showDue();
}

bool AlertNotifier::trayAvailable() const
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void AlertNotifier::showDue()
{
    if (!m_db.isOpen())
        return;
    delivery::DeliveryQueue &queue = m_sender->queue();
    const QList<delivery::Delivery> rows = queue.dueDesktopRows(200);
    if (rows.isEmpty())
        return;
    const QDateTime now = m_clock.now();
    const bool tray = trayAvailable();
    if (tray) {
        if (!m_tray) {
            QIcon icon = QApplication::windowIcon();
            if (icon.isNull())
                icon = m_window->style()->standardIcon(QStyle::SP_MessageBoxWarning);
            m_tray = new QSystemTrayIcon(icon, this);
            m_tray->setToolTip(tr("Sales Cockpit"));
            connect(m_tray, &QSystemTrayIcon::messageClicked, m_window, [this] {
                m_window->showNormal();
                m_window->raise();
                m_window->activateWindow();
            });
            m_tray->show();
        }
        // One message for one alert; for a burst (a first start on old data) one line per
        // subject with its reasons, as the inbox folds them.
        QList<delivery::AlertMessage> messages;
        for (const auto &row : rows)
            if (const auto m = queue.alertMessage(row.alertId))
                messages << *m;
        const delivery::DesktopNotice notice = delivery::desktopNotice(messages);
        const QString title = notice.title.isEmpty() ? tr("New alert") : notice.title;
        const QString body = notice.body;
        m_tray->showMessage(title, body, QSystemTrayIcon::Warning, 15000);
    } else if (!std::exchange(m_saidNoTray, true)) {
        qCInfo(delivery::lcDelivery) << "no system tray: desktop notifications are shown in the app only";
    }
    for (const auto &row : rows)
        queue.markDelivered(row.id, now, tray ? QStringLiteral("sent") : QStringLiteral("in_app"));
    if (!tray && m_window->statusBar())
        m_window->statusBar()->showMessage(
            tr("%1 new alert(s) for you. This desktop has no system tray, so they are shown in the app only (Alerts).")
                .arg(rows.size()),
            20000);
    Q_EMIT notified(int(rows.size()), tray);
}

} // namespace cockpit::ui

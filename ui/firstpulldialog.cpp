#include "firstpulldialog.h"

#include <QEventLoop>
#include <QLocale>
#include <QPushButton>

namespace cockpit::ui {

FirstPullDialog::FirstPullDialog(sync::SyncService &service, QWidget *parent)
    : QProgressDialog(parent), m_service(service)
{
    setObjectName(QStringLiteral("firstPullDialog"));
    setWindowTitle(tr("Connecting to the team server"));
    setWindowModality(Qt::WindowModal);
    setAutoClose(false);
    setAutoReset(false);
    setMinimumDuration(0);
    setRange(0, 0); // the server does not say how many rows are coming
    setMinimumWidth(520);
    setCancelButtonText(tr("Cancel"));
    setLabelText(textFor(0));
    connect(&service, &sync::SyncService::progress, this, [this](qint64 rows) {
        if (!m_cancelling)
            setLabelText(textFor(rows));
    });
    // Cancel stops after the page being applied; the dialog stays until the sync returns.
    disconnect(this, &QProgressDialog::canceled, this, &QProgressDialog::cancel);
    connect(this, &QProgressDialog::canceled, this, [this] {
        m_cancelling = true;
        m_service.cancel();
        setLabelText(tr("Stopping after the rows being saved… What was pulled stays; the next sync continues "
                        "from there."));
        if (QPushButton *b = findChild<QPushButton *>())
            b->setEnabled(false);
    });
}

QString FirstPullDialog::textFor(qint64 rows) const
{
    return tr("Pulling your data from %1 into a copy on this computer…\n%2 rows so far")
        .arg(m_service.state().server, QLocale().toString(rows));
}

sync::SyncOutcome FirstPullDialog::run()
{
    QEventLoop loop;
    bool done = false;
    connect(&m_service, &sync::SyncService::finished, &loop, [this, &loop, &done](const sync::SyncOutcome &outcome) {
        m_outcome = outcome;
        done = true;
        loop.quit();
    });
    show();
    m_service.syncNow();
    if (!done)
        loop.exec();
    hide();
    return m_outcome;
}

} // namespace cockpit::ui

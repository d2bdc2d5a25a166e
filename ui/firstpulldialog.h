#pragma once
// The first pull into a new local copy (issue 12): a progress dialog with the rows pulled so
// far and Cancel. Cancel stops after the page being applied; what was applied stays and the
// next sync resumes from there. exec() returns once the service's sync has finished.
#include "sync/syncservice.h"

#include <QProgressDialog>

namespace cockpit::ui {

class FirstPullDialog : public QProgressDialog
{
    Q_OBJECT
public:
    FirstPullDialog(sync::SyncService &service, QWidget *parent = nullptr);
    // Starts the sync and waits for it (the window stays responsive).
    sync::SyncOutcome run();
    const sync::SyncOutcome &outcome() const { return m_outcome; }
    // The label for `rows` pulled so far (tests, screenshots).
    QString textFor(qint64 rows) const;

private:
    sync::SyncService &m_service;
    sync::SyncOutcome m_outcome;
    bool m_cancelling = false;
};

} // namespace cockpit::ui

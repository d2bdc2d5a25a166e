#pragma once
// The status bar's sync state in team mode (issue 12): "Synced 2 min ago · 3 edits waiting",
// "Offline since 10:42 · 12 edits waiting", "Syncing…", with "· 2 conflicts" as a link that
// asks for the Conflicts screen. Kept current by the SyncService and, for "2 min ago", a
// timer. The data source badge's text in team mode comes from here too.
#include "sync/syncservice.h"

#include <QLabel>

class QTimer;

namespace cockpit::ui {

class SyncStatusLabel : public QLabel
{
    Q_OBJECT
public:
    explicit SyncStatusLabel(sync::SyncService &service, QWidget *parent = nullptr);

    // The label's rich text for `state` at `now` (UTC seconds).
    static QString textFor(const sync::SyncState &state, qint64 now);
    // "Team server user@host:port/db · last sync 10:42" (the data source badge).
    static QString sourceFor(const sync::SyncState &state);
    // "just now", "2 min ago", "3 h ago", or the date.
    static QString ago(qint64 then, qint64 now);

Q_SIGNALS:
    void conflictsRequested();

private:
    void update(const sync::SyncState &state);

    sync::SyncService &m_service;
    QTimer *m_tick;
};

} // namespace cockpit::ui

#include "syncstatuslabel.h"

#include <QDateTime>
#include <QLocale>
#include <QTimer>

namespace cockpit::ui {

SyncStatusLabel::SyncStatusLabel(sync::SyncService &service, QWidget *parent) : QLabel(parent), m_service(service)
{
    setObjectName(QStringLiteral("syncStatus"));
    setContentsMargins(8, 0, 8, 0);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(this, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == QLatin1String("conflicts"))
            Q_EMIT conflictsRequested();
    });
    connect(&service, &sync::SyncService::stateChanged, this, &SyncStatusLabel::update);
    // "2 min ago" grows old: the text is written again every half minute.
    m_tick = new QTimer(this);
    m_tick->setInterval(30 * 1000);
    connect(m_tick, &QTimer::timeout, this, [this] { update(m_service.state()); });
    m_tick->start();
    update(service.state());
}

QString SyncStatusLabel::ago(qint64 then, qint64 now)
{
    const qint64 secs = qMax<qint64>(0, now - then);
    if (secs < 60)
        return tr("just now");
    if (secs < 3600)
        return tr("%n min ago", nullptr, int(secs / 60));
    if (secs < 24 * 3600)
        return tr("%n h ago", nullptr, int(secs / 3600));
    return tr("on %1").arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(then).date(), QLocale::ShortFormat));
}

namespace {
QString clock(qint64 secs, qint64 now)
{
    const QDateTime at = QDateTime::fromSecsSinceEpoch(secs);
    const QString time = at.time().toString(QStringLiteral("HH:mm"));
    if (at.date() == QDateTime::fromSecsSinceEpoch(now).date())
        return time;
    return QLocale().toString(at.date(), QLocale::ShortFormat) + QLatin1Char(' ') + time;
}
} // namespace

QString SyncStatusLabel::textFor(const sync::SyncState &state, qint64 now)
{
    using Phase = sync::SyncState::Phase;
    QString head;
    switch (state.phase) {
    case Phase::Syncing:
        head = tr("Syncing…");
        break;
    case Phase::Offline:
        head = tr("Offline since %1").arg(clock(state.offlineSince, now));
        break;
    case Phase::Failed:
        head = tr("Not syncing: %1").arg(state.error.message.section(QLatin1Char('.'), 0, 0).toHtmlEscaped());
        break;
    case Phase::Idle:
    case Phase::Synced:
        head = state.lastSync > 0 ? tr("Synced %1").arg(ago(state.lastSync, now)) : tr("Not synced yet");
        break;
    }
    QStringList parts{head};
    if (state.editsWaiting > 0)
        parts << (state.editsWaiting == 1 ? tr("1 edit waiting")
                                          : tr("%1 edits waiting").arg(QLocale().toString(state.editsWaiting)));
    if (state.conflicts > 0)
        parts << QStringLiteral("<a href=\"conflicts\">%1</a>")
                     .arg(state.conflicts == 1 ? tr("1 conflict") : tr("%1 conflicts").arg(QLocale().toString(state.conflicts)));
    if (state.stalled && state.phase == Phase::Synced)
        parts << tr("changes held back on the server");
    if (state.chain.isError())
        parts << tr("activity log refused by the server");
    return parts.join(QStringLiteral(" · "));
}

QString SyncStatusLabel::sourceFor(const sync::SyncState &state)
{
    if (state.lastSync <= 0)
        return tr("Team server %1 · not synced yet").arg(state.server);
    return tr("Team server %1 · last sync %2")
        .arg(state.server, clock(state.lastSync, QDateTime::currentSecsSinceEpoch()));
}

void SyncStatusLabel::update(const sync::SyncState &state)
{
    setText(textFor(state, QDateTime::currentSecsSinceEpoch()));
    using Phase = sync::SyncState::Phase;
    QString tip;
    if (state.phase == Phase::Offline)
        tip = tr("The team server cannot be reached; your edits are kept on this computer and sent when it can. %1")
                  .arg(state.error.message);
    else if (state.phase == Phase::Failed)
        tip = state.error.message;
    else if (state.stalled)
        tip = tr("A transaction left open on the server holds newer changes back; ask the administrator to end it.");
    else
        tip = tr("Syncs in the background; File › Sync now (F9) syncs at once.");
    if (state.chain.isError())
        tip = state.chain.message + QLatin1Char('\n') + tip;
    setToolTip(tip);
}

} // namespace cockpit::ui

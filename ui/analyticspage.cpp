#include "analyticspage.h"

#include "analytics/query.h"

#include <QLoggingCategory>
#include <QTimer>

namespace cockpit::ui {

Q_LOGGING_CATEGORY(lcAnalyticsPage, "cockpit.analytics.page")

AnalyticsPage::AnalyticsPage(analytics::FigureService &figures, analytics::ScopeState &scope, QWidget *parent)
    : QWidget(parent), m_figures(figures), m_scope(scope), m_channel(figures.newChannel())
{
    connect(&m_scope, &analytics::ScopeState::scopeChanged, this, &AnalyticsPage::onScopeChanged);
    // Writes anywhere in the app (an edit, an undo, an import, the alert rules) make the
    // figures stale: a visible page recomputes once the burst is over (a bulk move writes
    // every lead), a hidden one when it is shown next.
    m_dataChanged = new QTimer(this);
    m_dataChanged->setSingleShot(true);
    m_dataChanged->setInterval(300);
    connect(m_dataChanged, &QTimer::timeout, this, &AnalyticsPage::onScopeChanged);
    connect(&m_figures, &analytics::FigureService::dataChanged, this, &AnalyticsPage::markDataChanged);
}

void AnalyticsPage::markDataChanged()
{
    m_stale = true;
    m_dataChanged->start();
}

AnalyticsPage::~AnalyticsPage() = default;

QString AnalyticsPage::busyText() const
{
    return tr("Computing figures…");
}

void AnalyticsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refreshNow();
}

void AnalyticsPage::onScopeChanged()
{
    m_stale = true;
    if (isVisible())
        refreshNow();
}

void AnalyticsPage::refreshNow()
{
    m_stale = false;
    if (!m_running)
        m_timer.start(); // from the first request of a burst to the result shown
    m_running = true;
    Q_EMIT busy(busyText());
    requestFigures(m_scope.scope());
}

void AnalyticsPage::done(const QString &error)
{
    m_running = false;
    Q_EMIT idle();
    if (!error.isEmpty()) {
        qCWarning(lcAnalyticsPage).noquote() << metaObject()->className() << error;
        showError(error);
    } else {
        m_hasResult = true;
    }
    m_lastMs = m_timer.elapsed();
    qCInfo(lcAnalyticsPage).noquote() << metaObject()->className() << "refreshed" << m_scope.scope().period.key()
                                      << "shown after" << m_lastMs << "ms";
    Q_EMIT refreshed();
}

} // namespace cockpit::ui

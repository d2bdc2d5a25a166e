#include "analyticspage.h"

#include "database.h"
#include "query.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>
#include <QLoggingCategory>
#include <QtConcurrent>

namespace cockpit::ui {

Q_LOGGING_CATEGORY(lcAnalyticsPage, "cockpit.analytics.page")

namespace {
struct Outcome
{
    std::shared_ptr<void> result;
    QString error;
    qint64 computeMs = 0;
};
} // namespace

AnalyticsPage::AnalyticsPage(storage::Database &db, analytics::ScopeState &scope, QWidget *parent)
    : QWidget(parent), m_db(db), m_scope(scope)
{
    connect(&m_scope, &analytics::ScopeState::scopeChanged, this, &AnalyticsPage::onScopeChanged);
    // Edits made elsewhere in the app (a lead moved, a customer added, a pipeline saved) make
    // the figures stale: a visible page recomputes once the burst is over (a bulk move
    // announces every lead), a hidden one when it is shown next.
    m_dataChanged = new QTimer(this);
    m_dataChanged->setSingleShot(true);
    m_dataChanged->setInterval(300);
    connect(m_dataChanged, &QTimer::timeout, this, &AnalyticsPage::onScopeChanged);
    connect(&m_db, &storage::Database::leadChanged, this, &AnalyticsPage::markDataChanged);
    connect(&m_db, &storage::Database::customerAdded, this, &AnalyticsPage::markDataChanged);
    connect(&m_db, &storage::Database::customerChanged, this, &AnalyticsPage::markDataChanged);
    connect(&m_db, &storage::Database::pipelinesChanged, this, &AnalyticsPage::markDataChanged);
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
    if (m_running) { // one computation at a time; the newest scope runs when it ends
        m_again = true;
        return;
    }
    m_running = true;
    const quint64 generation = ++m_generation;
    const analytics::Scope scope = m_scope.scope();
    const QString path = m_db.path();
    Q_EMIT busy(busyText());
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    auto *watcher = new QFutureWatcher<Outcome>(this);
    const Computation compute = computation();
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation, timer] {
        const Outcome o = watcher->result();
        watcher->deleteLater();
        m_running = false;
        Q_EMIT idle();
        if (m_again || generation != m_generation) {
            m_again = false;
            refreshNow();
            return;
        }
        if (!o.error.isEmpty()) {
            qCWarning(lcAnalyticsPage).noquote() << metaObject()->className() << o.error;
            showError(o.error);
        } else {
            showResult(o.result);
            m_hasResult = true;
        }
        m_lastMs = timer->elapsed();
        qCInfo(lcAnalyticsPage).noquote() << metaObject()->className() << "refreshed" << m_scope.scope().period.key()
                                          << "compute" << o.computeMs << "ms, shown after" << m_lastMs << "ms";
        Q_EMIT refreshed();
    });
    watcher->setFuture(QtConcurrent::run([compute, path, scope] {
        Outcome o;
        QElapsedTimer t;
        t.start();
        analytics::ReadConnection connection(path);
        if (!connection.isOpen()) {
            o.error = connection.error();
            return o;
        }
        try {
            o.result = compute(connection.db(), scope);
        } catch (const analytics::QueryError &e) {
            o.error = e.message();
        } catch (const std::exception &e) {
            o.error = QString::fromLocal8Bit(e.what());
        }
        o.computeMs = t.elapsed();
        return o;
    }));
}

} // namespace cockpit::ui

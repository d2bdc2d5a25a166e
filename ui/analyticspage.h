#pragma once
// Base of the Cockpit, Team and Stores screens: follows the shared ScopeState, asks the
// FigureService for its figures (computed off the window's thread, so the window never
// freezes on the large database) on a channel of its own, so only the newest scope's result
// is shown, and only asks while visible (a scope change on a hidden screen marks it stale;
// showing it refreshes). Data changes reach it through the service.
#include "analytics/figureservice.h"
#include "analytics/scope.h"

#include "figurewatch.h"

#include <QElapsedTimer>
#include <QWidget>

class QTimer;

#include <functional>

namespace cockpit::ui {

class AnalyticsPage : public QWidget
{
    Q_OBJECT
public:
    AnalyticsPage(analytics::FigureService &figures, analytics::ScopeState &scope, QWidget *parent = nullptr);
    ~AnalyticsPage() override;

    bool isRefreshing() const { return m_running; }
    bool hasResult() const { return m_hasResult; }
    // Asks for the current scope's figures now (visible or not). A request still running
    // finishes, and its result is dropped if the scope changed meanwhile.
    void refreshNow();
    // The data changed (an edit, an undo, the alert rules ran): recompute once the burst is
    // over if visible, else when shown next.
    void markDataChanged();
    // Milliseconds the last refresh took from request to painted result (for the benchmark).
    qint64 lastRefreshMs() const { return m_lastMs; }

Q_SIGNALS:
    void refreshed();                      // the current scope's result (or error) is shown
    void leadActivated(const QString &leadId);
    void busy(const QString &message);     // MainWindow shows it in the status bar
    void idle();

protected:
    // GUI thread: ask figures() for the figures of `scope` on channel() and hand the future
    // to watch() with what shows the result.
    virtual void requestFigures(const analytics::Scope &scope) = 0;
    // GUI thread: the request failed (message names what). Show it on the page.
    virtual void showError(const QString &message) = 0;
    // What the status bar says while computing.
    virtual QString busyText() const;

    template<class T>
    void watch(QFuture<T> future, std::function<void(const T &)> show)
    {
        whenFigure(this, future, [this, show](const analytics::FigureOutcome<T> &o) {
            if (o.superseded())
                return; // a newer request of this page is on its way
            if (!o.failed())
                show(o.value);
            done(o.error);
        });
    }

    analytics::FigureService &figures() const { return m_figures; }
    analytics::FigureService::Channel channel() const { return m_channel; }
    analytics::ScopeState &scopeState() const { return m_scope; }
    const analytics::Scope &scope() const { return m_scope.scope(); }

    void showEvent(QShowEvent *event) override;

private:
    void onScopeChanged();
    void done(const QString &error);

    analytics::FigureService &m_figures;
    analytics::ScopeState &m_scope;
    analytics::FigureService::Channel m_channel;
    QTimer *m_dataChanged = nullptr;
    QElapsedTimer m_timer;
    bool m_running = false, m_hasResult = false, m_stale = true;
    qint64 m_lastMs = 0;
};

} // namespace cockpit::ui

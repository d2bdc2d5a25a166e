#pragma once
// Base of the Cockpit, Team and Stores screens: follows the shared ScopeState, computes its
// figures on a worker thread (own read-only connection, so the window never freezes on the
// large database), drops results of a scope that is no longer current, and only computes
// while visible (a scope change on a hidden screen marks it stale; showing it refreshes).
#include "scope.h"

#include <QSqlDatabase>
#include <QWidget>

class QTimer;

#include <functional>
#include <memory>

namespace cockpit::storage {
class Database;
}

namespace cockpit::ui {

class AnalyticsPage : public QWidget
{
    Q_OBJECT
public:
    AnalyticsPage(storage::Database &db, analytics::ScopeState &scope, QWidget *parent = nullptr);
    ~AnalyticsPage() override;

    bool isRefreshing() const { return m_running; }
    bool hasResult() const { return m_hasResult; }
    // Starts computing the current scope now (visible or not). A computation already running
    // finishes, and its result is dropped if the scope changed meanwhile.
    void refreshNow();
    // The data changed (an edit, an undo, the alert rules ran): recompute once the burst is
    // over if visible, else when shown next.
    void markDataChanged();
    // Milliseconds the last refresh took from request to painted result (for the benchmark).
    qint64 lastRefreshMs() const { return m_lastMs; }

Q_SIGNALS:
    void refreshed();                      // showResult() ran for the current scope
    void leadActivated(const QString &leadId);
    void busy(const QString &message);     // MainWindow shows it in the status bar
    void idle();

protected:
    using Computation = std::function<std::shared_ptr<void>(QSqlDatabase db, const analytics::Scope &scope)>;
    // Called on the GUI thread; the function it returns runs on a worker thread with its own
    // read-only connection: SQL and math only, never widgets, and it must capture values
    // (settings read now), never `this` — the page may close while it runs. It may throw
    // analytics::QueryError; the message reaches showError().
    virtual Computation computation() const = 0;
    // GUI thread: show what compute() returned.
    virtual void showResult(const std::shared_ptr<void> &result) = 0;
    // GUI thread: the computation failed (message names what). Show it on the page.
    virtual void showError(const QString &message) = 0;
    // What the status bar says while computing.
    virtual QString busyText() const;

    storage::Database &database() const { return m_db; }
    analytics::ScopeState &scopeState() const { return m_scope; }
    const analytics::Scope &scope() const { return m_scope.scope(); }

    void showEvent(QShowEvent *event) override;

private:
    void onScopeChanged();

    storage::Database &m_db;
    analytics::ScopeState &m_scope;
    QTimer *m_dataChanged = nullptr;
    bool m_running = false, m_hasResult = false, m_stale = true, m_again = false;
    quint64 m_generation = 0;
    qint64 m_lastMs = 0;
};

} // namespace cockpit::ui

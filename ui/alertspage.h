#pragma once
// The Alerts screen (DESIGN.md §3, §6): the inbox of rule alerts with filters by rule (chips
// with counts), region, person and state; acknowledge / escalate / resolve with undo; the
// details (the silence alert's customer quotes …); double-click opens the lead. Rules are
// evaluated on a worker thread with a connection of its own — at start-up and on demand —
// and incrementally after each lead edit.
#include "alerts/alertevaluator.h"
#include "alerts/alertinbox.h"

#include <QFuture>
#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSettings;
class QSplitter;
class QTableView;
class QTimer;
class QToolButton;

#include <functional>
#include <vector>

namespace cockpit {
class AlertActions;
class Clock;
namespace storage {
class Database;
}
namespace alerts {
class AlertFilterModel;
class AlertTableModel;
struct AlertRecord;
struct AlertChange;
struct InboxSnapshot;
} // namespace alerts
} // namespace cockpit

namespace cockpit::ui {

class AlertsPage : public QWidget
{
    Q_OBJECT
public:
    AlertsPage(storage::Database &db, AlertActions &actions, std::shared_ptr<const Clock> clock,
               QSettings &settings, QWidget *parent = nullptr);
    ~AlertsPage() override;

    // Evaluates every rule on a worker thread, then reloads the inbox.
    void evaluateNow();
    // The stored inbox, read on a worker without evaluating: what the screen shows the first
    // time it is shown while the rules have not finished (the first evaluation of a big file
    // takes seconds). An evaluation's inbox, when it comes, replaces it.
    void loadStored();
    // The same read, started by the caller (before the window was built, when this is the
    // first screen); a later loadStored() waits for it instead of reading again.
    void loadStored(QFuture<alerts::InboxSnapshot> read);
    bool hasInbox() const { return m_haveInbox; }
    bool isEvaluating() const { return m_running; }
    alerts::AlertTableModel *model() const { return m_model; }
    alerts::AlertFilterModel *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }
    void saveState();

    void acknowledgeCurrent();
    void escalateCurrent();
    void resolveCurrent();
    // Export… (Ctrl+Shift+E; Ctrl+E escalates here): the alerts as filtered and sorted.
    void exportTable();

Q_SIGNALS:
    void leadActivated(const QString &leadId);
    void busy(const QString &message);
    void idle();
    // After each evaluation (start-up, Evaluate now): what it raised, e.g. for notifications.
    void evaluationFinished(const cockpit::alerts::EvaluationResult &result);
    void inboxShown(); // an inbox (the stored one, or one after the rules) is on screen

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showInbox(alerts::InboxSnapshot snapshot);
    void onLeadChanged(const QString &leadId);
    void onAlertChanged(const QString &alertId);
    void applyFilter();
    void refillPeople();
    void updateChips();
    void updateDetails();
    void reportFailure(const QString &title, const QString &message);
    const alerts::AlertRecord *currentAlert() const;
    // Every alert of the current row (its reasons), most urgent first.
    std::vector<const alerts::AlertRecord *> currentAlerts() const;
    QString currentSubject() const;
    void selectSubject(const QString &subjectKey, bool scroll);
    // Runs `act` on each of the current row's alerts that `wanted` accepts, as one undo step.
    void actOnCurrent(const QString &title, const std::function<bool(const alerts::AlertRecord &)> &wanted,
                      const std::function<alerts::AlertChange(const QString &)> &act);

    storage::Database &m_db;
    AlertActions &m_actions;
    std::shared_ptr<const Clock> m_clock;
    QSettings &m_settings;
    alerts::AlertTableModel *m_model;
    alerts::AlertFilterModel *m_filter;
    QList<QToolButton *> m_chips;
    QComboBox *m_region, *m_person, *m_state;
    QToolButton *m_today;
    QString m_subjectBeforeReset; // the current subject across a model reset
    QHash<QString, QString> m_managerOf; // user → manager (the "Addressed to me" digest)
    QLabel *m_count;
    QTableView *m_table;
    QPlainTextEdit *m_details;
    QSplitter *m_splitter;
    QPushButton *m_ack, *m_escalate, *m_resolve, *m_evaluate;
    QTimer *m_progressTimer;
    std::shared_ptr<std::atomic_int> m_progress;
    bool m_running = false;
    bool m_haveInbox = false;     // an inbox (stored or evaluated) is shown
    bool m_loadingStored = false;
    bool m_pickedByUser = false;  // the current alert was chosen by the user, not by a reload
    bool m_selecting = false;     // a reload is choosing the current alert
};

} // namespace cockpit::ui

#include "alertspage.h"

#include "items/alertactions.h"
#include "alerts/alertfold.h"
#include "alerts/alertinbox.h"
#include "alerts/alertrules.h"
#include "alerts/alerttablemodel.h"
#include "alerts/alerttext.h"
#include "storage/database.h"
#include "storage/leadrepository.h"
#include "tableexport.h"
#include "widgethelpers.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QScopedValueRollback>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace cockpit::ui {

using alerts::AlertTableModel;

namespace {
QStringList chipRules()
{
    QStringList r = alerts::engineRules();
    r << alerts::rule::StoreRed;
    return r;
}

// The priority column: P1 bold red, P2 amber, P3 as any text.
class PriorityDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const int level = index.data(AlertTableModel::PriorityRole).toInt();
        if (index.data(AlertTableModel::StatusRole).toInt() == int(alerts::AlertStatus::Resolved))
            return;
        if (level == 1) {
            option->font.setBold(true);
            option->palette.setColor(QPalette::Text, QColor(0xb9, 0x1c, 0x1c));
        } else if (level == 2) {
            option->palette.setColor(QPalette::Text, QColor(0xb4, 0x53, 0x09));
        }
    }
};
} // namespace

AlertsPage::AlertsPage(storage::Database &db, AlertActions &actions, std::shared_ptr<const Clock> clock,
                       QSettings &settings, QWidget *parent)
    : QWidget(parent), m_db(db), m_actions(actions), m_clock(std::move(clock)), m_settings(settings),
      m_progress(std::make_shared<std::atomic_int>(0))
{
    setObjectName(QStringLiteral("alertsPage"));
    setStyleSheet(QStringLiteral(
        "QToolButton#ruleChip { border: 1px solid #cbd5e1; border-radius: 11px; padding: 2px 10px;"
        "  background: #f8fafc; }"
        "QToolButton#ruleChip:checked { background: #2f6fed; color: white; border-color: #2f6fed; }"));
    m_model = new AlertTableModel(this);
    m_filter = new alerts::AlertFilterModel(this);
    m_filter->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 6);
    auto *header = new QHBoxLayout;
    auto *title = new QLabel(tr("Alerts"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    header->addWidget(title);
    header->addStretch();
    m_ack = new QPushButton(tr("&Acknowledge"), this);
    m_escalate = new QPushButton(tr("&Escalate"), this);
    m_resolve = new QPushButton(tr("Re&solve"), this);
    m_evaluate = new QPushButton(tr("Evaluate &now"), this);
    m_ack->setObjectName(QStringLiteral("acknowledgeButton"));
    m_escalate->setObjectName(QStringLiteral("escalateButton"));
    m_resolve->setObjectName(QStringLiteral("resolveButton"));
    m_evaluate->setObjectName(QStringLiteral("evaluateButton"));
    m_ack->setToolTip(tr("I have seen it and take care of it; stops escalation (Ctrl+K)"));
    m_escalate->setToolTip(tr("Send it one level up the manager chain now (Ctrl+E)"));
    m_resolve->setToolTip(tr("Close it (Ctrl+R)"));
    m_evaluate->setToolTip(tr("Evaluate every rule now (F5)"));
    for (QPushButton *b : {m_ack, m_escalate, m_resolve, m_evaluate})
        header->addWidget(b);
    // Ctrl+E is Escalate on this screen already; the export takes Ctrl+Shift+E.
    QAction *exportAction = TableExport::addExportAction(this, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)});
    connect(exportAction, &QAction::triggered, this, &AlertsPage::exportTable);
    header->addSpacing(8);
    header->addWidget(TableExport::exportButton(exportAction, this));
    layout->addLayout(header);

    // Named like their buttons, so Help › Keyboard shortcuts can say what they do.
    auto shortcut = [this](const QKeySequence &key, void (AlertsPage::*slot)(), const QPushButton *button) {
        auto *a = new QAction(button->text(), this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        this->addAction(a);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_K), &AlertsPage::acknowledgeCurrent, m_ack);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_E), &AlertsPage::escalateCurrent, m_escalate);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_R), &AlertsPage::resolveCurrent, m_resolve);
    shortcut(QKeySequence(Qt::Key_F5), &AlertsPage::evaluateNow, m_evaluate);
    connect(m_ack, &QPushButton::clicked, this, &AlertsPage::acknowledgeCurrent);
    connect(m_escalate, &QPushButton::clicked, this, &AlertsPage::escalateCurrent);
    connect(m_resolve, &QPushButton::clicked, this, &AlertsPage::resolveCurrent);
    connect(m_evaluate, &QPushButton::clicked, this, &AlertsPage::evaluateNow);

    // Chips: one per rule with its count under the other filters; none checked = every rule.
    // Two rows (lead work, then compliance and stores) so the screen fits a 1200 px window.
    auto *chips = new QHBoxLayout;
    auto *chips2 = new QHBoxLayout;
    chips->setSpacing(6);
    chips2->setSpacing(6);
    for (const QString &rule : chipRules()) {
        auto *chip = new QToolButton(this);
        chip->setObjectName(QStringLiteral("ruleChip"));
        chip->setCheckable(true);
        chip->setProperty("rule", rule);
        chip->setToolButtonStyle(Qt::ToolButtonTextOnly);
        connect(chip, &QToolButton::toggled, this, &AlertsPage::applyFilter);
        (m_chips.size() < 4 ? chips : chips2)->addWidget(chip);
        m_chips << chip;
    }
    chips->addStretch();
    chips2->addStretch();
    layout->addLayout(chips);
    layout->addLayout(chips2);

    auto *filters = new QHBoxLayout;
    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("alertRegionFilter"));
    m_person = new QComboBox(this);
    m_person->setObjectName(QStringLiteral("alertPersonFilter"));
    m_person->setMinimumContentsLength(12);
    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("alertStateFilter"));
    m_state->addItem(tr("Not resolved"), int(alerts::StateFilter::Unresolved));
    m_state->addItem(tr("Not acknowledged"), int(alerts::StateFilter::Unacknowledged));
    m_state->addItem(tr("Acknowledged"), int(alerts::StateFilter::Acknowledged));
    m_state->addItem(tr("Resolved"), int(alerts::StateFilter::Resolved));
    m_state->addItem(tr("All states"), int(alerts::StateFilter::All));
    m_today = new QToolButton(this);
    m_today->setObjectName(QStringLiteral("todayFilter"));
    m_today->setCheckable(true);
    m_today->setText(tr("Today"));
    m_today->setToolTip(tr("Only what is new or escalated since this time yesterday (the last 24 hours)"));
    m_today->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(m_today, &QToolButton::toggled, this, &AlertsPage::applyFilter);
    m_region->addItem(tr("All regions"), QString());
    m_person->addItem(tr("Everyone"), QString());
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("muted"));
    filters->addWidget(m_region);
    filters->addWidget(m_person);
    filters->addWidget(m_state);
    filters->addWidget(m_today);
    filters->addSpacing(12);
    filters->addWidget(m_count, 1);
    layout->addLayout(filters);
    for (QComboBox *c : {m_region, m_person, m_state})
        connect(c, &QComboBox::currentIndexChanged, this, &AlertsPage::applyFilter);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_table = new QTableView(m_splitter);
    m_table->setObjectName(QStringLiteral("alertsTable"));
    m_table->setModel(m_filter);
    configureMainTable(m_table);
    // Most at stake first (the fold's order: priority, points, weighted amount, escalation, age).
    m_table->horizontalHeader()->setSortIndicator(AlertTableModel::Priority, Qt::AscendingOrder);
    m_table->setItemDelegateForColumn(AlertTableModel::Priority, new PriorityDelegate(m_table));
    // Sized to show every column but Delivery in a 1366 px window beside the details.
    const std::pair<int, int> widths[] = {{AlertTableModel::Priority, 58}, {AlertTableModel::Subject, 170},
                                          {AlertTableModel::Rule, 148}, {AlertTableModel::Stake, 72},
                                          {AlertTableModel::Owner, 54}, {AlertTableModel::Region, 52},
                                          {AlertTableModel::Raised, 88}, {AlertTableModel::EscalatedTo, 94},
                                          {AlertTableModel::State, 70}, {AlertTableModel::Delivery, 64}};
    for (const auto &[column, width] : widths)
        m_table->setColumnWidth(column, width);
    m_details = new QPlainTextEdit(m_splitter);
    m_details->setObjectName(QStringLiteral("alertDetails"));
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select an alert to see its details."));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({900, 290});
    layout->addWidget(m_splitter, 1);
    m_splitter->restoreState(m_settings.value(QStringLiteral("alerts/splitter")).toByteArray());
    m_table->horizontalHeader()->restoreState(m_settings.value(QStringLiteral("alerts/inboxHeader")).toByteArray());
    m_table->horizontalHeader()->setSortIndicatorShown(true);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AlertsPage::updateDetails);
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        if (const auto *a = currentAlert(); a && !a->leadId.isEmpty())
            Q_EMIT leadActivated(a->leadId);
    });
    // A reset (a reload, or an action that folded the rows again) keeps the current subject.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_subjectBeforeReset = currentSubject(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        refillPeople();
        if (!m_subjectBeforeReset.isEmpty()) {
            const QScopedValueRollback<bool> selecting(m_selecting, true);
            selectSubject(m_subjectBeforeReset, false);
        }
        updateChips();
        updateDetails();
    });
    connect(&m_actions, &AlertActions::alertChanged, this, &AlertsPage::onAlertChanged);
    // Writes to a lead, its activities, stage moves or tasks re-evaluate that lead's rules.
    connect(&m_db, &storage::Database::changed, this, [this](const storage::ChangeSet &changes) {
        if (m_running)
            return; // the running evaluation reloads everything
        for (const QString &lead : storage::leadsTouchedBy(m_db, changes))
            onLeadChanged(lead);
    });

    connect(&m_db, &storage::Database::writeStateChanged, this,
            [this] { m_evaluate->setEnabled(!m_running && m_db.isWritable()); });
    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(200);
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        Q_EMIT busy(tr("Evaluating alert rules… %1 %").arg(m_progress->load()));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        if (!m_selecting)
            m_pickedByUser = true;
    });
    updateChips();
    updateDetails();
}

AlertsPage::~AlertsPage() = default;

void AlertsPage::saveState()
{
    m_settings.setValue(QStringLiteral("alerts/splitter"), m_splitter->saveState());
    m_settings.setValue(QStringLiteral("alerts/inboxHeader"), m_table->horizontalHeader()->saveState());
}

void AlertsPage::exportTable()
{
    ModelExport spec;
    spec.title = tr("Alerts");
    // The sort role holds the raised time as stored (UTC ISO text).
    spec.columns = {{AlertTableModel::Raised, ColumnExport(io::CellKind::DateTime, {}, 0, AlertTableModel::SortRole)}};
    TableExport::exportViewWithDialog(this, m_table, spec);
}

void AlertsPage::evaluateNow()
{
    if (m_running)
        return;
    m_running = true;
    m_evaluate->setEnabled(false);
    m_progress->store(0);
    Q_EMIT busy(tr("Evaluating alert rules…"));
    m_progressTimer->start();
    auto *watcher = new QFutureWatcher<alerts::InboxSnapshot>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        alerts::InboxSnapshot snapshot = watcher->future().takeResult(); // moved, not copied: 70 000 alerts weigh 50 MB
        watcher->deleteLater();
        m_progressTimer->stop();
        m_running = false;
        m_evaluate->setEnabled(m_db.isWritable());
        Q_EMIT idle();
        if (!snapshot.ok) {
            reportFailure(tr("Alert rules"), tr("The alert rules could not be evaluated: %1").arg(snapshot.error));
            return;
        }
        const alerts::EvaluationResult evaluation = snapshot.evaluation;
        showInbox(std::move(snapshot));
        for (const QString &p : evaluation.thresholdProblems)
            qCWarning(alerts::lcAlerts).noquote() << p;
        Q_EMIT evaluationFinished(evaluation);
    });
    // A file still being checked, or found damaged, is not written: its inbox is only read.
    watcher->setFuture(QtConcurrent::run([path = m_db.path(), clock = m_clock, progress = m_progress,
                                          evaluate = m_db.isWritable(), sink = m_db.changeSink()] {
        return alerts::evaluateAndLoad(path, *clock, evaluate, [progress](int p) { progress->store(p); }, sink);
    }));
}

void AlertsPage::showInbox(alerts::InboxSnapshot snapshot)
{
    m_haveInbox = true;
    QElapsedTimer timer;
    timer.start();
    const QString current = currentSubject();
    m_managerOf = snapshot.managerOf;
    const std::size_t n = snapshot.alerts.size();
    m_model->setAlerts(std::move(snapshot.alerts), snapshot.regionNames, m_clock->now().toSecsSinceEpoch());
    qCInfo(alerts::lcAlerts) << "showed" << n << "alerts in" << timer.elapsed() << "ms";
    // The alert the user chose stays chosen and in view (new alerts come in above it);
    // otherwise the first one.
    const QScopedValueRollback<bool> selecting(m_selecting, true);
    if (const int row = m_pickedByUser ? m_model->rowOfSubject(current) : -1; row >= 0) {
        const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
        m_table->setCurrentIndex(index);
        m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
    } else if (m_filter->rowCount() > 0) {
        m_table->setCurrentIndex(m_filter->index(0, 0));
    }
    Q_EMIT inboxShown();
}

void AlertsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    loadStored(); // once: nothing to do when an inbox is shown or on its way
}

void AlertsPage::loadStored()
{
    if (m_haveInbox || m_loadingStored)
        return;
    loadStored(QtConcurrent::run([path = m_db.path(), clock = m_clock] {
        return alerts::evaluateAndLoad(path, *clock, false, {}, {});
    }));
}

void AlertsPage::loadStored(QFuture<alerts::InboxSnapshot> read)
{
    if (m_haveInbox || m_loadingStored)
        return;
    m_loadingStored = true;
    auto *watcher = new QFutureWatcher<alerts::InboxSnapshot>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        alerts::InboxSnapshot snapshot = watcher->future().takeResult(); // moved, not copied: 70 000 alerts weigh 50 MB
        watcher->deleteLater();
        m_loadingStored = false;
        // An evaluation that finished first has the newer inbox; a failed read leaves the
        // screen to the evaluation, which reports its own failure.
        if (!m_haveInbox && snapshot.ok) {
            qCInfo(alerts::lcAlerts) << "showing the stored inbox while the rules run:" << snapshot.alerts.size() << "alerts";
            showInbox(std::move(snapshot));
        }
    });
    watcher->setFuture(read);
}

void AlertsPage::onLeadChanged(const QString &leadId)
{
    if (m_running)
        return; // the running evaluation reloads everything
    // An edit re-evaluates only what it touched (a few ms) on this thread's connection.
    alerts::AlertEvaluator evaluator(m_db, *m_clock);
    const alerts::EvaluationResult r = evaluator.evaluateLead(leadId);
    if (!r.ok)
        return;
    for (const QString &id : r.changedIds)
        onAlertChanged(id);
}

void AlertsPage::onAlertChanged(const QString &alertId)
{
    if (const auto record = m_actions.store().fetch(alertId)) {
        m_model->updateAlert(*record);
        updateChips();
        updateDetails();
    }
}

const alerts::AlertRecord *AlertsPage::currentAlert() const
{
    const QModelIndex index = m_filter->mapToSource(m_table->currentIndex());
    return index.isValid() ? m_model->alertAt(index.row()) : nullptr;
}

std::vector<const alerts::AlertRecord *> AlertsPage::currentAlerts() const
{
    const QModelIndex index = m_filter->mapToSource(m_table->currentIndex());
    return index.isValid() ? m_model->alertsAt(index.row()) : std::vector<const alerts::AlertRecord *>{};
}

QString AlertsPage::currentSubject() const
{
    return m_table->currentIndex().data(AlertTableModel::SubjectKeyRole).toString();
}

void AlertsPage::selectSubject(const QString &subjectKey, bool scroll)
{
    const int row = m_model->rowOfSubject(subjectKey);
    const QModelIndex index = row < 0 ? QModelIndex() : m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_table->setCurrentIndex(index);
    if (scroll)
        m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void AlertsPage::actOnCurrent(const QString &title, const std::function<bool(const alerts::AlertRecord &)> &wanted,
                              const std::function<alerts::AlertChange(const QString &)> &act)
{
    QStringList ids; // copied first: each change folds the rows again
    for (const alerts::AlertRecord *a : currentAlerts())
        if (wanted(*a))
            ids << a->id;
    if (ids.isEmpty())
        return;
    if (ids.size() > 1)
        m_actions.beginGroup(tr("%1 (%n reason(s))", nullptr, int(ids.size())).arg(title));
    QStringList errors;
    for (const QString &id : std::as_const(ids))
        if (const auto r = act(id); !r.ok)
            errors << r.error;
    if (ids.size() > 1)
        m_actions.endGroup();
    if (!errors.isEmpty())
        reportFailure(title, errors.join(u'\n'));
}

void AlertsPage::reportFailure(const QString &title, const QString &message)
{
    QMessageBox::warning(this, title, message);
}

// Each acts on every reason of the current subject that it applies to, as one undo step.
void AlertsPage::acknowledgeCurrent()
{
    actOnCurrent(tr("Acknowledge"), [](const alerts::AlertRecord &a) { return a.status() == alerts::AlertStatus::Open; },
                 [this](const QString &id) { return m_actions.acknowledge(id); });
}

void AlertsPage::escalateCurrent()
{
    actOnCurrent(tr("Escalate"), [](const alerts::AlertRecord &a) { return a.status() != alerts::AlertStatus::Resolved; },
                 [this](const QString &id) { return m_actions.escalate(id); });
}

void AlertsPage::resolveCurrent()
{
    actOnCurrent(tr("Resolve"), [](const alerts::AlertRecord &a) { return a.status() != alerts::AlertStatus::Resolved; },
                 [this](const QString &id) { return m_actions.resolve(id); });
}

void AlertsPage::applyFilter()
{
    alerts::AlertFilter f;
    for (QToolButton *chip : std::as_const(m_chips))
        if (chip->isChecked())
            f.rules.insert(chip->property("rule").toString());
    f.regionId = m_region->currentData().toString();
    f.personId = m_person->currentData().toString();
    f.personReports = alerts::reportsOf(m_managerOf, f.personId);
    f.state = alerts::StateFilter(m_state->currentData().toInt());
    f.todaySince = m_today->isChecked() ? m_model->now() - alerts::kTodayWindowSecs : -1;
    m_filter->setFilter(f);
    updateChips();
    updateDetails();
}

void AlertsPage::refillPeople()
{
    // Regions and people that occur in the inbox, by name; the current choice is kept.
    const QString region = m_region->currentData().toString();
    const QString person = m_person->currentData().toString();
    QMap<QString, QString> regions, people; // name → id (sorted by name)
    for (const auto &a : m_model->alerts()) {
        if (!a.regionId.isEmpty())
            regions.insert(a.regionName.isEmpty() ? a.regionId : a.regionName, a.regionId);
        if (!a.ownerId.isEmpty())
            people.insert(a.ownerName, a.ownerId);
        if (!a.state.escalatedTo.isEmpty())
            people.insert(a.escalatedToName, a.state.escalatedTo);
    }
    const QSignalBlocker b1(m_region), b2(m_person);
    m_region->clear();
    m_region->addItem(tr("All regions"), QString());
    for (auto it = regions.cbegin(); it != regions.cend(); ++it)
        m_region->addItem(it.key(), it.value());
    m_person->clear();
    m_person->addItem(tr("Everyone"), QString());
    const QString me = m_db.currentUserId();
    if (!me.isEmpty())
        m_person->addItem(tr("Addressed to me"), me);
    for (auto it = people.cbegin(); it != people.cend(); ++it)
        m_person->addItem(it.key(), it.value());
    m_region->setCurrentIndex(std::max(0, m_region->findData(region)));
    m_person->setCurrentIndex(std::max(0, m_person->findData(person)));
    applyFilter();
}

void AlertsPage::updateChips()
{
    const QHash<QString, int> counts = alerts::countRowsByRule(m_model->rows(), m_model->alerts(), m_filter->filter());
    for (QToolButton *chip : std::as_const(m_chips)) {
        const QString rule = chip->property("rule").toString();
        chip->setText(QStringLiteral("%1  %2").arg(alerts::ruleLabel(rule), QLocale().toString(counts.value(rule))));
    }
    // "Today" with what it would show under the other filters.
    alerts::AlertFilter today = m_filter->filter();
    today.todaySince = m_model->now() - alerts::kTodayWindowSecs;
    int newToday = 0;
    for (const auto &row : m_model->rows())
        if (today.accepts(row, m_model->alerts()))
            ++newToday;
    m_today->setText(tr("Today  %1").arg(QLocale().toString(newToday)));
    // Subjects shown, by priority, and the alerts they fold.
    std::array<int, 4> byLevel{0, 0, 0, 0};
    int reasons = 0;
    for (int r = 0; r < m_filter->rowCount(); ++r)
        if (const auto *row = m_model->rowAt(m_filter->mapToSource(m_filter->index(r, 0)).row())) {
            ++byLevel[std::size_t(std::clamp(row->priority.level, 1, 3))];
            reasons += int(row->alerts.size());
        }
    m_count->setText(tr("%Ln subject(s)", nullptr, m_filter->rowCount())
                     + QStringLiteral(" · P1 %1 · P2 %2 · P3 %3 · ")
                           .arg(QLocale().toString(byLevel[1]), QLocale().toString(byLevel[2]), QLocale().toString(byLevel[3]))
                     + tr("%Ln alert(s)", nullptr, reasons));
    m_count->setToolTip(alerts::priorityRuleText());
}

void AlertsPage::updateDetails()
{
    // Every reason of the subject, most urgent first.
    const auto all = currentAlerts();
    QStringList texts;
    bool anyOpen = false, anyUnacknowledged = false;
    for (const alerts::AlertRecord *a : all) {
        texts << alerts::alertDetailsText(*a);
        anyOpen = anyOpen || a->status() != alerts::AlertStatus::Resolved;
        anyUnacknowledged = anyUnacknowledged || a->status() == alerts::AlertStatus::Open;
    }
    QString text;
    if (const QModelIndex index = m_filter->mapToSource(m_table->currentIndex()); index.isValid() && !all.empty()) {
        const auto *row = m_model->rowAt(index.row());
        const auto &p = row->priority;
        text = tr("%1 · %n reason(s)", nullptr, int(all.size())).arg(alerts::priorityLabel(p.level)) + u'\n'
               + tr("%1 points: deal %2 + escalation %3 + age %4 + reasons %5")
                     .arg(p.points).arg(p.stakePoints).arg(p.escalationPoints).arg(p.agePoints).arg(p.reasonPoints)
               + QStringLiteral("\n\n") + texts.join(QStringLiteral("\n\n— — —\n\n"));
    }
    m_details->setPlainText(text);
    m_ack->setEnabled(anyUnacknowledged);
    m_escalate->setEnabled(anyOpen);
    m_resolve->setEnabled(anyOpen);
}

} // namespace cockpit::ui

#include "activitylogpage.h"

#include "storage/activitylog.h"
#include "storage/database.h"
#include "items/recordtablemodel.h"
#include "tableexport.h"
#include "widgethelpers.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTimer>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <climits>

namespace cockpit::ui {

ActivityLogPage::ActivityLogPage(storage::Database &db, QWidget *parent)
    : QWidget(parent), m_db(db)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 12, 24, 12);
    auto *title = new QLabel(tr("Activity log"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    layout->addWidget(title);
    auto *intro = new QLabel(tr("Every activity and stage move is chained with SHA-256: editing, deleting, "
                                "reordering or cutting off any record shows when the log is verified."), this);
    intro->setWordWrap(true);
    intro->setObjectName(QStringLiteral("muted"));
    layout->addWidget(intro);

    auto *bar = new QHBoxLayout;
    m_verify = new QPushButton(tr("Verify"), this);
    m_verify->setObjectName(QStringLiteral("verifyLogButton"));
    m_verify->setToolTip(tr("Recompute the whole chain and compare it with the stored hashes and the head."));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setVisible(false);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(240);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("verifyResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addWidget(m_verify);
    bar->addWidget(m_cancel);
    bar->addWidget(m_progress);
    bar->addWidget(m_result, 1);
    QAction *exportAction = TableExport::addExportAction(this);
    connect(exportAction, &QAction::triggered, this, &ActivityLogPage::exportTable);
    bar->addWidget(TableExport::exportButton(exportAction, this));
    layout->addLayout(bar);

    // Filters over the whole log: each narrows the rows; text waits for a pause in typing.
    auto *filters = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("logSearch"));
    m_search->setPlaceholderText(tr("Search text, reason, lead or person…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(200);
    m_actor = new QComboBox(this);
    m_actor->setObjectName(QStringLiteral("logActor"));
    m_actor->setToolTip(tr("Who did it"));
    m_actor->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_actor->setMinimumContentsLength(8);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("logKind"));
    m_kind->addItem(tr("Every kind"), -1);
    for (auto k : {storage::LogRecordKind::Activity, storage::LogRecordKind::StageMove, storage::LogRecordKind::Deletion})
        m_kind->addItem(kindLabel(k), int(k));
    m_lead = new QLineEdit(this);
    m_lead->setObjectName(QStringLiteral("logLead"));
    m_lead->setPlaceholderText(tr("Lead or customer…"));
    m_lead->setClearButtonEnabled(true);
    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    m_from->setObjectName(QStringLiteral("logFrom"));
    m_to->setObjectName(QStringLiteral("logTo"));
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        // The earliest date means "no bound" and says so.
        e->setMinimumDate(QDate(2000, 1, 1));
        e->setSpecialValueText(tr("any day"));
        e->setDate(e->minimumDate());
    }
    m_from->setToolTip(tr("From this day (your local time)"));
    m_to->setToolTip(tr("Up to and including this day"));
    m_clear = new QPushButton(tr("Clear filters"), this);
    filters->addWidget(m_search, 2);
    filters->addWidget(m_actor);
    filters->addWidget(m_kind);
    filters->addWidget(m_lead, 1);
    filters->addWidget(new QLabel(tr("From"), this));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_to);
    filters->addWidget(m_clear);
    layout->addLayout(filters);
    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(300);
    connect(m_typing, &QTimer::timeout, this, &ActivityLogPage::refresh);
    for (QLineEdit *e : {m_search, m_lead})
        connect(e, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    for (QComboBox *c : {m_actor, m_kind})
        connect(c, &QComboBox::currentIndexChanged, this, &ActivityLogPage::refresh);
    for (QDateEdit *e : {m_from, m_to})
        connect(e, &QDateEdit::dateChanged, this, &ActivityLogPage::refresh);
    connect(m_clear, &QPushButton::clicked, this, &ActivityLogPage::clearFilters);

    auto *summaryRow = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("muted"));
    m_older = new QPushButton(tr("Show older"), this);
    m_older->setObjectName(QStringLiteral("showOlderButton"));
    m_older->setToolTip(tr("List the next %1 older records").arg(kShownRecords));
    connect(m_older, &QPushButton::clicked, this, &ActivityLogPage::showOlder);
    summaryRow->addWidget(m_summary, 1);
    summaryRow->addWidget(m_older);
    layout->addLayout(summaryRow);

    m_model = new RecordTableModel(this);
    m_model->setHeaders({tr("#"), tr("Time"), tr("Type"), tr("Actor"), tr("Lead"), tr("What"),
                         tr("Text / reason")});
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("activityLogTable"));
    m_table->setModel(m_model);
    configureMainTable(m_table);
    m_table->setSortingEnabled(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    connect(m_verify, &QPushButton::clicked, this, &ActivityLogPage::verify);
    connect(m_cancel, &QPushButton::clicked, this, &ActivityLogPage::cancelVerify);
    connect(&m_watcher, &QFutureWatcher<storage::VerifyResult>::finished, this, [this] {
        m_verify->setEnabled(true);
        m_cancel->setVisible(false);
        m_progress->setVisible(false);
        const storage::VerifyResult r = m_watcher.result();
        showResult(r);
        Q_EMIT verifyFinished(r.ok);
    });
    // An activity or a stage move anywhere in the app appends to the log: reload (now if
    // shown, else when shown next).
    connect(&m_db, &storage::Database::changed, this, [this](const storage::ChangeSet &changes) {
        if (!changes.touches(QStringLiteral("activities")) && !changes.touches(QStringLiteral("stage_history")))
            return;
        m_stale = true;
        if (isVisible())
            refresh();
    });
}

ActivityLogPage::~ActivityLogPage()
{
    cancelVerify();
    m_watcher.waitForFinished();
}

void ActivityLogPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

QString ActivityLogPage::kindLabel(storage::LogRecordKind kind)
{
    switch (kind) {
    case storage::LogRecordKind::Activity:
        return tr("Activity");
    case storage::LogRecordKind::StageMove:
        return tr("Stage move");
    case storage::LogRecordKind::Deletion:
        break;
    }
    return tr("Delete/restore");
}

storage::LogQuery ActivityLogPage::query() const
{
    storage::LogQuery q;
    q.limit = kShownRecords;
    // Stage names as the rest of the window shows them (the Leads table: the catalog).
    q.englishStageNames = !QLocale().name().startsWith(QLatin1String("zh"));
    q.search = m_search->text();
    q.lead = m_lead->text();
    q.actorId = m_actor->currentData().toString();
    q.kind = m_kind->currentData().isValid() ? m_kind->currentData().toInt() : -1;
    if (m_from->date() > m_from->minimumDate())
        q.fromSecs = QDateTime(m_from->date(), QTime(0, 0)).toSecsSinceEpoch();
    if (m_to->date() > m_to->minimumDate())
        q.untilSecs = QDateTime(m_to->date().addDays(1), QTime(0, 0)).toSecsSinceEpoch();
    return q;
}

void ActivityLogPage::fillActors()
{
    const QString current = m_actor->currentData().toString();
    const QSignalBlocker block(m_actor);
    m_actor->clear();
    m_actor->addItem(tr("Anyone"), QString());
    for (const auto &[id, name] : storage::logActors(m_db))
        m_actor->addItem(name, id);
    m_actor->setCurrentIndex(std::max(0, m_actor->findData(current)));
}

void ActivityLogPage::clearFilters()
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_search, m_lead, m_actor, m_kind, m_from, m_to})
        w->blockSignals(true);
    m_search->clear();
    m_lead->clear();
    m_actor->setCurrentIndex(0);
    m_kind->setCurrentIndex(0);
    m_from->setDate(m_from->minimumDate());
    m_to->setDate(m_to->minimumDate());
    for (QWidget *w : std::initializer_list<QWidget *>{m_search, m_lead, m_actor, m_kind, m_from, m_to})
        w->blockSignals(false);
    refresh();
}

void ActivityLogPage::refresh()
{
    m_stale = false;
    m_typing->stop();
    if (m_actor->count() == 0)
        fillActors();
    load(false);
}

void ActivityLogPage::showOlder()
{
    if (m_oldestShown > 0)
        load(true);
}

void ActivityLogPage::load(bool append, bool wait)
{
    storage::LogQuery q = query();
    if (append)
        q.beforeSeq = m_oldestShown;
    const int generation = ++m_loadGeneration;
    const QString path = m_db.path();
    if (wait) {
        m_loading = false;
        apply(storage::queryLogFile(path, q), append, q);
        Q_EMIT loaded();
        return;
    }
    m_loading = true;
    m_older->setEnabled(false);
    m_summary->setText(tr("Searching the log…"));
    auto *watcher = new QFutureWatcher<storage::LogPage>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, append, q] {
        watcher->deleteLater();
        if (generation != m_loadGeneration)
            return; // a newer search replaced this one
        m_loading = false;
        m_older->setEnabled(true);
        apply(watcher->result(), append, q);
        Q_EMIT loaded();
    });
    watcher->setFuture(QtConcurrent::run([path, q] { return storage::queryLogFile(path, q); }));
}

void ActivityLogPage::apply(const storage::LogPage &page, bool append, const storage::LogQuery &q)
{
    if (!append) {
        m_rows.clear();
        m_keys.clear();
        m_values.clear();
        m_matching = page.matching;
    }
    const QLocale locale;
    for (const storage::LogEntry &e : page.entries) {
        const QDateTime at = QDateTime::fromString(e.at, Qt::ISODate);
        const QString when = at.isValid() ? locale.toString(at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))
                                          : e.at;
        m_rows << QStringList{locale.toString(e.seq), when, kindLabel(e.kind), e.actor, e.lead, e.what, e.text};
        m_keys << QString::number(e.seq);
        m_values << QVariantList{e.seq, at.isValid() ? QVariant(at) : QVariant()};
        m_oldestShown = e.seq;
    }
    if (page.entries.isEmpty() && !append)
        m_oldestShown = -1;
    // A reload (a write elsewhere, a filter) keeps the record the user had selected.
    const QModelIndexList was = m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList();
    const QString selectedKey = was.isEmpty() ? QString() : was.first().data(RecordTableModel::KeyRole).toString();
    m_model->setRows(m_rows, m_keys, m_values);
    if (!selectedKey.isEmpty()) {
        const QModelIndexList hits = m_model->match(m_model->index(0, 0), RecordTableModel::KeyRole, selectedKey, 1,
                                                    Qt::MatchExactly);
        if (!hits.isEmpty())
            m_table->selectRow(hits.first().row());
    }
    if (!append)
        m_table->resizeColumnsToContents();
    const qint64 shown = m_rows.size();
    m_older->setVisible(shown < m_matching && m_oldestShown > 0);
    if (!page.ok)
        m_summary->setText(page.error);
    else if (q.filtered())
        m_summary->setText(shown < m_matching ? tr("%1 records match; the newest %2 are shown.")
                                                     .arg(locale.toString(m_matching), locale.toString(shown))
                                              : tr("%n record(s) match.", nullptr, int(std::min<qint64>(m_matching, INT_MAX))));
    else
        m_summary->setText(shown < m_matching ? tr("The log holds %1 records; the newest %2 are shown.")
                                                     .arg(locale.toString(m_matching), locale.toString(shown))
                                              : tr("The log holds %1 records.").arg(locale.toString(m_matching)));
}

QString ActivityLogPage::summaryText() const
{
    return m_summary->text();
}

bool ActivityLogPage::isVerifying() const
{
    return m_watcher.isRunning();
}

QString ActivityLogPage::resultText() const
{
    return m_result->text();
}

void ActivityLogPage::verify()
{
    if (isVerifying())
        return;
    m_cancelFlag = std::make_shared<std::atomic_bool>(false);
    m_verify->setEnabled(false);
    m_cancel->setVisible(true);
    m_progress->setVisible(true);
    m_progress->setValue(0);
    m_result->setText(tr("Verifying…"));
    m_result->setProperty("state", QString());
    QPointer<QProgressBar> bar = m_progress;
    const auto cancel = m_cancelFlag;
    const QString path = m_db.path();
    m_watcher.setFuture(QtConcurrent::run([path, cancel, bar] {
        return storage::verifyLogFile(path, [bar](qint64 done, qint64 total) {
            const int value = total > 0 ? int(1000 * done / total) : 1000;
            QMetaObject::invokeMethod(bar, [bar, value] {
                if (bar)
                    bar->setValue(value);
            }, Qt::QueuedConnection);
        }, cancel.get());
    }));
}

void ActivityLogPage::exportTable()
{
    if (m_stale || m_loading) { // the rows of the filters as set, before anything is written
        m_stale = false;
        m_typing->stop();
        if (m_actor->count() == 0)
            fillActors();
        load(false, true);
    }
    ModelExport spec;
    spec.title = tr("Activity log");
    spec.valueRole = RecordTableModel::ValueRole;
    spec.columns = {{0, ColumnExport(io::CellKind::Integer)}, {1, ColumnExport(io::CellKind::DateTime)}};
    TableExport::exportViewWithDialog(this, m_table, spec);
}

void ActivityLogPage::cancelVerify()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
}

void ActivityLogPage::showResult(const storage::VerifyResult &r)
{
    const QLocale locale;
    QString text;
    if (r.ok)
        text = tr("Log intact: %1 records verified in %2 s.")
                   .arg(locale.toString(r.recordsChecked), locale.toString(r.elapsedMs / 1000.0, 'f', 1));
    else
        text = r.message;
    m_result->setText(text);
    m_result->setProperty("state", r.ok ? QStringLiteral("ok") : QStringLiteral("bad"));
    m_result->setStyleSheet(r.ok ? QString() : QStringLiteral("color: #c0392b; font-weight: 600;"));
    if (r.badIndex < 0)
        return;
    // Show the record when it is among the ones listed.
    const QModelIndexList hits = m_model->match(m_model->index(0, 0), RecordTableModel::KeyRole,
                                                QString::number(r.badIndex), 1, Qt::MatchExactly);
    if (!hits.isEmpty()) {
        m_table->selectRow(hits.first().row());
        m_table->scrollTo(hits.first(), QAbstractItemView::PositionAtCenter);
    }
}

} // namespace cockpit::ui

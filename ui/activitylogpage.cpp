#include "activitylogpage.h"

#include "storage/activitylog.h"
#include "storage/database.h"
#include "items/recordtablemodel.h"
#include "tableexport.h"
#include "widgethelpers.h"

#include <QAction>
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

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("muted"));
    layout->addWidget(m_summary);

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

void ActivityLogPage::refresh()
{
    m_stale = false;
    const QList<storage::LogEntry> entries = storage::recentLogEntries(m_db, kShownRecords);
    const QLocale locale;
    QList<QStringList> rows;
    QStringList keys;
    QList<QVariantList> values; // what an export writes: the number and the time as such
    rows.reserve(entries.size());
    values.reserve(entries.size());
    for (const storage::LogEntry &e : entries) {
        const QDateTime at = QDateTime::fromString(e.at, Qt::ISODate);
        const QString when = at.isValid() ? locale.toString(at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))
                                          : e.at;
        rows << QStringList{locale.toString(e.seq), when, kindLabel(e.kind), e.actor, e.lead, e.what, e.text};
        keys << QString::number(e.seq);
        values << QVariantList{e.seq, at.isValid() ? QVariant(at) : QVariant()};
    }
    m_model->setRows(rows, keys, values);
    m_table->resizeColumnsToContents();
    const qint64 total = m_db.setting(QString::fromLatin1(storage::kLogHeadSeqKey), QStringLiteral("-1")).toLongLong() + 1;
    m_summary->setText(total > entries.size()
                           ? tr("The log holds %1 records; the newest %2 are shown.")
                                 .arg(locale.toString(total), locale.toString(entries.size()))
                           : tr("The log holds %1 records.").arg(locale.toString(total)));
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
    if (m_stale)
        refresh();
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

#include "drilldowndialog.h"

#include "figurewatch.h"
#include "tableexport.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace cockpit::ui {

DrillDownDialog::DrillDownDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("drillDownDialog"));
    setWindowTitle(tr("Rows behind the figure"));
    m_model = new analytics::DataTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(analytics::DataTableModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("detailTitle"));
    m_title->setWordWrap(true);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Filter rows…"));
    m_search->setClearButtonEnabled(true);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("muted"));
    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    // Ctrl+E as on every table; Ctrl+S, which saved the CSV before, still does.
    QAction *exportAction = TableExport::addExportAction(this, {QKeySequence(Qt::CTRL | Qt::Key_E), QKeySequence::Save});
    QPushButton *csv = TableExport::exportButton(exportAction, this);
    buttons->addButton(csv, QDialogButtonBox::ActionRole);
    // Enter on a row opens that row; it must not also press a button.
    for (QAbstractButton *b : buttons->buttons())
        if (auto *p = qobject_cast<QPushButton *>(b)) {
            p->setAutoDefault(false);
            p->setDefault(false);
        }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    auto *row = new QHBoxLayout;
    row->addWidget(m_search, 1);
    row->addWidget(m_count);
    layout->addLayout(row);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(exportAction, &QAction::triggered, this, &DrillDownDialog::exportTable);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        m_count->setText(tr("%n row(s)", nullptr, m_proxy->rowCount()));
    });
    connect(m_view, &QTableView::activated, this, &DrillDownDialog::activate);
    resize(900, 520);
}

void DrillDownDialog::setTable(analytics::DataTable table)
{
    setWindowTitle(table.title);
    m_title->setText(table.title);
    m_model->setTable(std::move(table));
    m_search->clear();
    m_count->setText(tr("%n row(s)", nullptr, m_proxy->rowCount()));
    m_view->resizeColumnsToContents();
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_view->setColumnWidth(c, std::min(m_view->columnWidth(c), 320));
    if (m_model->table().keyColumn >= 0)
        m_view->setColumnHidden(m_model->table().keyColumn, true);
    m_view->setToolTip(m_model->table().keyKind == QLatin1String("lead") ? tr("Double-click a row to open the lead.")
                                                                         : QString());
}

DrillDownDialog *DrillDownDialog::show(QWidget *parent, analytics::DataTable table)
{
    auto *dialog = parent->findChild<DrillDownDialog *>(QString(), Qt::FindDirectChildrenOnly);
    if (!dialog)
        dialog = new DrillDownDialog(parent);
    dialog->setTable(std::move(table));
    dialog->QDialog::show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

DrillDownDialog *DrillDownDialog::showWhenReady(QWidget *parent, const QString &title,
                                                QFuture<analytics::DataTable> rows,
                                                std::function<QString(const QString &)> retitle)
{
    analytics::DataTable waiting;
    waiting.title = title;
    DrillDownDialog *dialog = show(parent, std::move(waiting));
    const quint64 request = ++dialog->m_request;
    dialog->m_loading = true;
    dialog->m_search->setEnabled(false);
    dialog->m_count->setText(tr("Reading the rows…"));
    dialog->layout()->activate(); // room for the longer text now, not at the next layout pass
    dialog->setCursor(Qt::BusyCursor);
    whenFigure(dialog, rows, [dialog, request, retitle](analytics::FigureOutcome<analytics::DataTable> outcome) {
        if (request != dialog->m_request || outcome.superseded())
            return; // a newer request to this window, or the service went
        dialog->m_loading = false;
        dialog->m_search->setEnabled(true);
        dialog->unsetCursor();
        if (outcome.failed()) {
            dialog->m_count->setText(tr("The rows could not be read: %1").arg(outcome.error));
            dialog->layout()->activate();
            return;
        }
        analytics::DataTable t = std::move(outcome.value);
        if (retitle)
            t.title = retitle(t.title);
        dialog->setTable(std::move(t));
    });
    return dialog;
}

QList<int> DrillDownDialog::exportColumns() const
{
    QList<int> columns = TableExport::shownColumns(m_view);
    // The key column is hidden because its local keys mean nothing on screen; in a file its
    // global ids are what lets the rows be found again, so it leaves with them (first).
    const analytics::DataTable &t = m_model->table();
    if (t.keyColumn >= 0 && t.exportIds.contains(t.keyColumn) && !columns.contains(t.keyColumn))
        columns.prepend(t.keyColumn);
    return columns;
}

void DrillDownDialog::exportTable()
{
    if (m_loading)
        return;
    TableExport::exportDataTableWithDialog(this, m_model->table(), TableExport::shownSourceRows(m_view, m_model),
                                           exportColumns());
}

void DrillDownDialog::activate(const QModelIndex &index)
{
    if (m_model->table().keyKind != QLatin1String("lead"))
        return;
    const QString id = m_proxy->mapToSource(index).data(analytics::DataTableModel::KeyRole).toString();
    if (!id.isEmpty())
        Q_EMIT leadActivated(id);
}

} // namespace cockpit::ui

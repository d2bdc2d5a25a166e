#include "leadspage.h"

#include "items/bulkmove.h"
#include "items/catalog.h"
#include "filterbar.h"
#include "leaddetailpanel.h"
#include "leadeditordialog.h"
#include "items/leadfiltermodel.h"
#include "items/leadtablemodel.h"
#include "domain/money.h"
#include "items/reassigncommand.h"
#include "reassigndialog.h"
#include "recommenddialog.h"
#include "items/editcontroller.h"
#include "widgethelpers.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QStatusBar>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace cockpit::ui {

using storage::LeadStatus;

LeadsPage::LeadsPage(Catalog &catalog, EditController &edits, analytics::FigureService &figures, QSettings &settings,
                     QWidget *parent)
    : QWidget(parent), m_catalog(catalog), m_edits(edits), m_settings(settings)
{
    m_model = new LeadTableModel(catalog, this);
    m_filter = new LeadFilterModel(catalog, *m_model, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 6);
    auto *title = new QLabel(tr("Leads"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    layout->addWidget(title);

    m_bar = new FilterBar(tr("Search customer, pinyin (bs), alias (bosch), owner or lead…"), this);
    m_bar->search()->setMinimumWidth(200);
    m_region = m_bar->addFilter(tr("All regions"), QStringLiteral("regionFilter"));
    m_city = m_bar->addFilter(tr("All cities"), QStringLiteral("cityFilter"));
    m_team = m_bar->addFilter(tr("All teams"), QStringLiteral("teamFilter"));
    m_owner = m_bar->addFilter(tr("All owners"), QStringLiteral("ownerFilter"));
    m_pipeline = m_bar->addFilter(tr("All pipelines"), QStringLiteral("pipelineFilter"));
    m_stage = m_bar->addFilter(tr("All stages"), QStringLiteral("stageFilter"));
    m_status = m_bar->addFilter(tr("Any status"), QStringLiteral("statusFilter"));
    FilterBar::setItems(m_status, {{tr("Open"), int(LeadStatus::Open)},
                                   {tr("Won"), int(LeadStatus::Won)},
                                   {tr("Lost"), int(LeadStatus::Lost)}});
    layout->addWidget(m_bar);
    connect(m_bar, &FilterBar::filtersChanged, this, [this] {
        refillFilters(); // narrower choices follow the broader ones (region → city → …)
        applyFilters();
    });
    connect(m_bar, &FilterBar::searchChanged, this, &LeadsPage::applyFilters); // per keystroke: filter only

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("muted"));
    QAction *exportAction = TableExport::addExportAction(this);
    connect(exportAction, &QAction::triggered, this, &LeadsPage::exportTable);
    auto *countRow = new QHBoxLayout;
    countRow->addWidget(m_count, 1);
    countRow->addWidget(TableExport::exportButton(exportAction, this));
    layout->addLayout(countRow);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_table = new QTableView(m_splitter);
    m_table->setObjectName(QStringLiteral("leadsTable"));
    m_table->setModel(m_filter);
    // Most recently updated first unless the user chose otherwise (restored below).
    m_table->horizontalHeader()->setSortIndicator(LeadTableModel::UpdatedColumn, Qt::DescendingOrder);
    m_table->setSortingEnabled(true);
    configureMainTable(m_table);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection); // bulk move and reassign
    m_table->horizontalHeader()->setDefaultSectionSize(96);
    m_table->setColumnWidth(LeadTableModel::CustomerColumn, 150);
    m_table->setColumnWidth(LeadTableModel::TitleColumn, 140);
    m_table->setColumnWidth(LeadTableModel::OwnerColumn, 64);
    m_table->setColumnWidth(LeadTableModel::StageColumn, 120);
    m_table->setColumnWidth(LeadTableModel::StatusColumn, 60);
    m_table->setColumnWidth(LeadTableModel::AmountColumn, 105);
    m_table->setColumnWidth(LeadTableModel::DaysInStageColumn, 100);
    // What a 1366-px laptop shows beside the detail panel: who, what, where it stands, how big,
    // how long. The rest is one right-click away on the header (the choice is remembered).
    for (int c : defaultHiddenColumns())
        m_table->setColumnHidden(c, true);
    installColumnChooser(m_table);
    keepTopRowInPlace(m_table);
    m_detail = new LeadDetailPanel(catalog, edits, figures, m_splitter);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({900, 360});
    layout->addWidget(m_splitter, 1);

    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
        openEditor(i.data(LeadTableModel::IdRole).toString());
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &i) {
        openEditor(i.data(LeadTableModel::IdRole).toString());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LeadsPage::onCurrentChanged);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &LeadsPage::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &LeadsPage::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &LeadsPage::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &LeadsPage::followFilter);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &LeadsPage::followFilter);
    connect(m_detail, &LeadDetailPanel::editRequested, this, &LeadsPage::openEditor);
    connect(m_detail, &LeadDetailPanel::recommendRequested, this, [this](const QString &id) {
        showLead(id);
        recommendRep();
    });

    // Right-click and keyboard actions on the selected lead.
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *edit = new QAction(tr("Edit lead…"), m_table);
    edit->setShortcut(QKeySequence(Qt::Key_F2));
    edit->setShortcutContext(Qt::WidgetShortcut);
    connect(edit, &QAction::triggered, this, [this] {
        openEditor(m_table->currentIndex().data(LeadTableModel::IdRole).toString());
    });
    auto *move = new QAction(tr("Move to next stage"), m_table);
    move->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Right));
    move->setShortcutContext(Qt::WidgetShortcut);
    connect(move, &QAction::triggered, m_detail, [this] { m_detail->moveButton()->click(); });
    auto *copy = new QAction(tr("Copy row"), m_table);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] { copyCurrentRow(); });
    auto *bulkMove = new QAction(tr("Move selected to next stage…"), m_table);
    bulkMove->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Right));
    bulkMove->setShortcutContext(Qt::WidgetShortcut);
    connect(bulkMove, &QAction::triggered, this, [this] { moveSelectedToNextStage(); });
    auto *recommend = new QAction(tr("Recommend a rep…"), m_table);
    recommend->setObjectName(QStringLiteral("recommendAction"));
    recommend->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    recommend->setShortcutContext(Qt::WidgetShortcut);
    connect(recommend, &QAction::triggered, this, &LeadsPage::recommendRep);
    auto *reassign = new QAction(tr("Reassign to…"), m_table);
    reassign->setObjectName(QStringLiteral("reassignAction"));
    connect(reassign, &QAction::triggered, this, [this] { reassignSelected(false); });
    auto *autoAssign = new QAction(tr("Auto-assign (round robin)"), m_table);
    autoAssign->setObjectName(QStringLiteral("autoAssignAction"));
    connect(autoAssign, &QAction::triggered, this, [this] { reassignSelected(true); });
    m_table->addActions({edit, move, bulkMove, copy, recommend, reassign, autoAssign});
    connect(&catalog, &Catalog::loaded, this, &LeadsPage::onCatalogLoaded);

    if (m_table->horizontalHeader()->restoreState(m_settings.value(QStringLiteral("leads/header.v2")).toByteArray()))
        m_filter->sort(m_table->horizontalHeader()->sortIndicatorSection(), m_table->horizontalHeader()->sortIndicatorOrder());
    m_splitter->restoreState(m_settings.value(QStringLiteral("leads/splitter")).toByteArray());
    if (catalog.isLoaded())
        onCatalogLoaded();
    else
        m_count->setText(tr("Loading leads…"));
}

LeadsPage::~LeadsPage() = default;

QList<int> LeadsPage::defaultHiddenColumns()
{
    return {LeadTableModel::RegionColumn,   LeadTableModel::CityColumn,          LeadTableModel::TeamColumn,
            LeadTableModel::PipelineColumn, LeadTableModel::ProbabilityColumn,   LeadTableModel::ExpectedCloseColumn,
            LeadTableModel::UpdatedColumn};
}

void LeadsPage::saveState()
{
    m_settings.setValue(QStringLiteral("leads/header.v2"), m_table->horizontalHeader()->saveState());
    m_settings.setValue(QStringLiteral("leads/splitter"), m_splitter->saveState());
}

void LeadsPage::focusSearch()
{
    m_bar->search()->setFocus();
    m_bar->search()->selectAll();
}

void LeadsPage::setSearchText(const QString &text)
{
    m_bar->search()->setText(text);
    m_bar->search()->setFocus();
}

void LeadsPage::onCatalogLoaded()
{
    refillFilters();
    updateCount();
    // After the preview is replaced by all leads, keep the lead the user was looking at.
    const QString keep = m_detail->leadId();
    if (!keep.isEmpty() && m_model->rowOfId(keep) >= 0) {
        const QModelIndex proxy = m_filter->mapFromSource(m_model->index(m_model->rowOfId(keep), 0));
        if (proxy.isValid()) {
            m_table->setCurrentIndex(proxy);
            m_table->scrollTo(proxy);
            return;
        }
    }
    if (m_filter->rowCount() > 0)
        m_table->setCurrentIndex(m_filter->index(0, 0)); // the detail panel shows something useful
}

void LeadsPage::refillFilters()
{
    const auto &d = m_catalog.data();
    const int region = FilterBar::value(m_region);
    const int city = FilterBar::value(m_city);
    const int team = FilterBar::value(m_team);
    const int pipeline = FilterBar::value(m_pipeline);
    FilterBar::setItems(m_region, FilterBar::regionItems(m_catalog));
    FilterBar::setItems(m_city, FilterBar::cityItems(m_catalog, region));
    FilterBar::setItems(m_team, FilterBar::teamItems(m_catalog, region, city));
    FilterBar::setItems(m_owner, FilterBar::salesOwnerItems(m_catalog, region, city, team));
    FilterBar::Items items;
    for (int i = 0; i < int(d.pipelines.size()); ++i)
        items.append({m_catalog.pipelineName(i), i});
    FilterBar::setItems(m_pipeline, items);
    items.clear();
    for (int p = 0; p < int(d.pipelines.size()); ++p) {
        if (pipeline >= 0 && p != pipeline)
            continue;
        for (int s : m_catalog.stagesOf(p))
            items.append({pipeline >= 0 ? m_catalog.stageName(s)
                                        : m_catalog.pipelineName(p) + QStringLiteral(" · ") + m_catalog.stageName(s),
                          s});
    }
    FilterBar::setItems(m_stage, items);
}

void LeadsPage::applyFilters()
{
    LeadFilter f;
    f.region = FilterBar::value(m_region);
    f.city = FilterBar::value(m_city);
    f.team = FilterBar::value(m_team);
    f.owner = FilterBar::value(m_owner);
    f.pipeline = FilterBar::value(m_pipeline);
    f.stage = FilterBar::value(m_stage);
    f.status = FilterBar::value(m_status);
    f.search = m_bar->search()->text();
    m_filter->setFilter(f);
}

void LeadsPage::updateCount()
{
    const QLocale locale;
    if (m_catalog.isLoaded() && !m_catalog.isComplete()) {
        m_count->setText(tr("Showing the %1 most recently updated of %2 leads — loading the rest…")
                             .arg(locale.toString(qlonglong(m_catalog.data().leads.size())),
                                  locale.toString(m_catalog.totalLeads())));
        return;
    }
    const qint64 total = m_catalog.liveLeads();
    m_count->setText(tr("%1 of %2 leads · %3 in total")
                         .arg(locale.toString(m_filter->rowCount()), locale.toString(total),
                              formatMoney(m_filter->sumAmountCents(), m_catalog.data().currency, locale)));
}

ModelExport LeadsPage::exportSpec() const
{
    using io::CellKind;
    ModelExport spec;
    spec.title = tr("Leads");
    spec.valueRole = LeadTableModel::ValueRole;
    spec.columns = {{LeadTableModel::AmountColumn, ColumnExport(CellKind::Money, m_catalog.data().currency)},
                    {LeadTableModel::ProbabilityColumn, ColumnExport(CellKind::Percent, {}, 0)},
                    {LeadTableModel::ExpectedCloseColumn, ColumnExport(CellKind::Date)},
                    {LeadTableModel::DaysInStageColumn, ColumnExport(CellKind::Decimal, {}, 1)},
                    {LeadTableModel::UpdatedColumn, ColumnExport(CellKind::DateTime)}};
    return spec;
}

io::ExportResult LeadsPage::exportTo(const QString &path, TableFormat format)
{
    return TableExport::exportModel(m_table, exportSpec(), path, format);
}

void LeadsPage::exportTable()
{
    if (m_catalog.isLoaded() && !m_catalog.isComplete()) {
        // The table holds only the newest leads until the rest are read: a file of those
        // would look complete and is not.
        QMessageBox::information(this, tr("Export"), tr("The leads are still loading. Export them when all are shown."));
        return;
    }
    TableExport::exportViewWithDialog(this, m_table, exportSpec());
}

void LeadsPage::onCurrentChanged()
{
    const QModelIndex i = m_table->currentIndex();
    m_detail->setLead(i.isValid() ? i.data(LeadTableModel::IdRole).toString() : QString());
}

void LeadsPage::followFilter()
{
    // The panel describes the selected row: when a filter (or an edit) takes that lead out of
    // the table the panel empties; when the lead is still listed its row stays selected.
    const QString shown = m_detail->leadId();
    if (shown.isEmpty())
        return;
    if (!followFilteredRow(m_table, m_filter, m_model->rowOfId(shown)))
        m_detail->setLead(QString());
}

void LeadsPage::copyCurrentRow()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    // Tab-separated in the order the columns are shown, so it pastes into a spreadsheet.
    QStringList cells;
    const QHeaderView *header = m_table->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            cells << m_filter->index(current.row(), logical).data().toString();
    }
    QGuiApplication::clipboard()->setText(cells.join(QLatin1Char('\t')));
}

void LeadsPage::moveSelectedToNextStage()
{
    const QStringList ids = selectedLeadIds();
    if (ids.isEmpty())
        return;
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Move %n lead(s) to the next stage", nullptr, int(ids.size())),
        tr("Reason (optional, kept in each lead's stage history):"), QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    const BulkMoveResult result = BulkMove::toNextStage(m_catalog.database(), m_edits, ids, reason.trimmed());
    QMessageBox box(result.refused.isEmpty() ? QMessageBox::Information : QMessageBox::Warning,
                    tr("Move to next stage"), BulkMove::summary(result), QMessageBox::Ok, this);
    if (result.refused.size() > 5)
        box.setDetailedText(BulkMove::summary(result, int(result.refused.size())));
    if (result.moved > 0)
        box.setInformativeText(tr("Undo (Ctrl+Z) moves them all back."));
    box.exec();
    m_detail->refresh();
}

void LeadsPage::openEditor(const QString &leadId)
{
    if (leadId.isEmpty())
        return;
    LeadEditorDialog dialog(m_catalog, m_edits, leadId, this);
    dialog.exec();
    m_detail->refresh();
}

void LeadsPage::showLead(const QString &leadId)
{
    const int sourceRow = m_model->rowOfId(leadId);
    QModelIndex proxy = m_filter->mapFromSource(m_model->index(sourceRow, 0));
    if (!proxy.isValid()) { // hidden by the filters: clear them so the lead can be shown
        m_bar->search()->clear();
        for (QComboBox *c : {m_region, m_city, m_team, m_owner, m_pipeline, m_stage, m_status})
            c->setCurrentIndex(0);
        applyFilters();
        proxy = m_filter->mapFromSource(m_model->index(sourceRow, 0));
    }
    m_table->setCurrentIndex(proxy);
    m_table->scrollTo(proxy);
}

QStringList LeadsPage::selectedLeadIds() const
{
    QStringList ids;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
        ids << row.data(LeadTableModel::IdRole).toString();
    if (ids.isEmpty() && m_table->currentIndex().isValid())
        ids << m_table->currentIndex().data(LeadTableModel::IdRole).toString();
    return ids;
}

namespace {
void showStatus(QWidget *w, const QString &message)
{
    if (auto *main = qobject_cast<QMainWindow *>(w->window()))
        main->statusBar()->showMessage(message, 8000);
}
} // namespace

void LeadsPage::recommendRep()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const QString id = current.data(LeadTableModel::IdRole).toString();
    const QString title = m_filter->index(current.row(), LeadTableModel::CustomerColumn).data().toString()
                          + QStringLiteral(" · ")
                          + m_filter->index(current.row(), LeadTableModel::TitleColumn).data().toString();
    RecommendDialog dialog(m_catalog.database(), m_edits, m_clock, id, title, this);
    if (dialog.exec() == QDialog::Accepted && !dialog.resultMessage().isEmpty())
        showStatus(this, dialog.resultMessage());
    m_detail->refresh();
}

void LeadsPage::reassignSelected(bool automatic)
{
    const QStringList ids = selectedLeadIds();
    if (ids.isEmpty())
        return;
    QString repId, repName;
    if (!automatic) {
        ReassignDialog dialog(m_catalog, m_catalog.database(), m_clock, int(ids.size()), this);
        if (dialog.exec() != QDialog::Accepted || dialog.chosenRepId().isEmpty())
            return;
        repId = dialog.chosenRepId();
        repName = dialog.chosenRepName();
    }
    const assign::BulkResult r = reassignLeads(m_catalog.database(), m_edits.undoStack(), ids, repId, m_clock,
                                               m_edits.actorId(), 0,
                                               [edits = &m_edits](const QString &e) { Q_EMIT edits->commandFailed(e); });
    QString message;
    if (!r.ok)
        message = r.error;
    else if (automatic)
        message = tr("Auto-assigned %1 of %2 leads.").arg(r.changes.size()).arg(r.requested);
    else
        message = tr("Reassigned %1 of %2 leads to %3.").arg(r.changes.size()).arg(r.requested).arg(repName);
    if (r.ok && !r.reasons.isEmpty())
        message += QLatin1Char(' ') + tr("%1 unchanged: %2").arg(r.notAssigned.size()).arg(r.reasons.first());
    if (r.ok && !r.changes.isEmpty())
        message += QLatin1Char(' ') + tr("Ctrl+Z undoes.");
    showStatus(this, message);
    m_detail->refresh();
}

} // namespace cockpit::ui

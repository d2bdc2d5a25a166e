#include "storespage.h"


#include "chartstyle.h"
#include "analytics/datatable.h"
#include "drilldowndialog.h"
#include "exporting.h"
#include "analytics/orgunits.h"
#include "analytics/query.h"
#include "scopebar.h"
#include "storegrid.h"
#include "tableexport.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace cockpit::ui {

using analytics::Rag;
using analytics::StoreDimension;

StoresPage::StoresPage(analytics::FigureService &figures, analytics::ScopeState &scope, QWidget *parent)
    : AnalyticsPage(figures, scope, parent)
{
    setObjectName(QStringLiteral("storesPage"));
    auto *layout = new QVBoxLayout(this);
    m_scopeBar = new ScopeBar(scope, this);
    layout->addWidget(m_scopeBar);

    auto *filters = new QHBoxLayout;
    auto *regionLabel = new QLabel(tr("&Region:"), this);
    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("storesRegion"));
    m_region->addItem(tr("All regions"), QString());
    regionLabel->setBuddy(m_region);
    auto *colourLabel = new QLabel(tr("C&olour:"), this);
    m_colour = new QComboBox(this);
    m_colour->setObjectName(QStringLiteral("storesColour"));
    colourLabel->setBuddy(m_colour);
    m_colour->addItem(tr("All colours"), -1);
    for (Rag r : {Rag::Red, Rag::Orange, Rag::Yellow, Rag::Green, Rag::Grey})
        m_colour->addItem(analytics::ragLabel(r), int(r));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("storesSummary"));
    m_summary->setTextFormat(Qt::RichText);
    filters->addWidget(regionLabel);
    filters->addWidget(m_region);
    filters->addSpacing(8);
    filters->addWidget(colourLabel);
    filters->addWidget(m_colour);
    filters->addSpacing(12);
    filters->addWidget(m_summary, 1);
    layout->addLayout(filters);

    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(m_note);

    auto *importButton = new QToolButton(this);
    auto *importAction = new QAction(tr("Import store days…"), this);
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    importAction->setToolTip(tr("Import store-day metrics from CSV or XLSX (Ctrl+I)"));
    importButton->setDefaultAction(importAction);
    addAction(importAction);
    connect(importAction, &QAction::triggered, this, &StoresPage::importWithDialog);
    auto *pngButton = new QToolButton(this);
    auto *pngAction = new QAction(tr("PNG"), this);
    pngAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    pngAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    pngAction->setToolTip(tr("Export the grid as PNG (Ctrl+Shift+P)"));
    pngButton->setDefaultAction(pngAction);
    addAction(pngAction);
    connect(pngAction, &QAction::triggered, this, &StoresPage::exportPng);
    auto *csvButton = new QToolButton(this);
    // Ctrl+E as on every table; Ctrl+Shift+S, which exported the CSV before, still does.
    QAction *csvAction = TableExport::addExportAction(
        this, {QKeySequence(Qt::CTRL | Qt::Key_E), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)});
    csvAction->setText(tr("Export table…"));
    csvAction->setToolTip(tr("Export the stores as filtered and sorted, with every figure behind the grid, "
                             "as an Excel workbook or CSV (Ctrl+E)"));
    csvButton->setObjectName(QStringLiteral("exportButton"));
    csvButton->setDefaultAction(csvAction);
    connect(csvAction, &QAction::triggered, this, &StoresPage::exportTable);
    m_scopeBar->addTrailingWidget(importButton);
    m_scopeBar->addTrailingWidget(pngButton);
    m_scopeBar->addTrailingWidget(csvButton);

    m_model = new StoreGridModel(this);
    m_filter = new StoreGridFilter(this);
    m_filter->setSourceModel(m_model);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("storesGrid"));
    m_view->setModel(m_filter);
    m_view->setItemDelegate(new StoreGridDelegate(m_view));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(StoreGridModel::Code, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_view->setAlternatingRowColors(false);
    m_view->setShowGrid(false);
    m_view->setMouseTracking(true);
    QHeaderView *h = m_view->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->resizeSection(StoreGridModel::Store, 136);
    h->resizeSection(StoreGridModel::City, 100);
    for (int c = StoreGridModel::Staff; c <= StoreGridModel::Conversion; ++c)
        h->resizeSection(c, 98);
    h->resizeSection(StoreGridModel::Code, 80);
    h->resizeSection(StoreGridModel::Strip, analytics::kStripDays * 6 + 10);
    h->setStretchLastSection(true);
    auto *drill = new QAction(tr("Open the store days"), m_view);
    drill->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    drill->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(drill);
    connect(drill, &QAction::triggered, this, &StoresPage::openDrillDown);
    connect(m_view, &QTableView::doubleClicked, this, &StoresPage::openDrillDown);

    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("storeDetails"));
    m_details->setOpenLinks(false);
    m_details->setMinimumWidth(220);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(m_details);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    split->setSizes({920, 240});
    layout->addWidget(split, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &StoresPage::updateDetails);
    connect(m_region, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setRegion(m_region->currentData().toString());
        updateDetails();
    });
    connect(m_colour, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setColour(m_colour->currentData().toInt());
        updateDetails();
    });
    updateDetails();
}

StoresPage::~StoresPage() = default;

QString StoresPage::busyText() const
{
    return tr("Computing store health codes…");
}

void StoresPage::requestFigures(const analytics::Scope &scope)
{
    watch<analytics::StoreFigures>(figures().storeCodes(scope, channel()),
                                   [this](const analytics::StoreFigures &f) { showResult(f); });
}

QString StoresPage::summaryText() const
{
    if (!m_codes)
        return {};
    if (!m_codes->asOf.isValid())
        return tr("No store data in %1.").arg(m_codes->scope.period.label());
    QStringList parts;
    parts << tr("%n store(s), judged on %1", nullptr, int(m_codes->stores.size()))
                 .arg(m_codes->asOf.toString(Qt::ISODate));
    for (Rag r : {Rag::Red, Rag::Orange, Rag::Yellow, Rag::Green, Rag::Grey})
        parts << QStringLiteral("%1 %2").arg(analytics::ragLabel(r)).arg(m_codes->countByColour[size_t(r)]);
    return parts.join(QStringLiteral(" · "));
}

void StoresPage::showResult(const analytics::StoreFigures &figures)
{
    if (!m_unitsSet) {
        m_scopeBar->setOrgUnits(figures.units);
        m_unitsSet = true;
    }
    const QString selected = m_view->currentIndex().data(StoreGridModel::StoreIdRole).toString();
    m_codes = figures.codes;
    m_model->setCodes(m_codes);
    // Region filter: the regions present, keeping the choice when it still exists.
    const QString region = m_region->currentData().toString();
    {
        const QSignalBlocker block(m_region);
        m_region->clear();
        m_region->addItem(tr("All regions"), QString());
        QStringList seen;
        for (const analytics::OrgUnit &u : figures.units.regions)
            for (const analytics::StoreCode &s : m_codes->stores)
                if (s.regionId == u.id && !seen.contains(u.id)) {
                    seen << u.id;
                    m_region->addItem(u.name, u.id);
                }
        m_region->setCurrentIndex(std::max(0, m_region->findData(region)));
    }
    m_filter->setRegion(m_region->currentData().toString());
    for (int i = 1; i < m_colour->count(); ++i) {
        const Rag rag = Rag(m_colour->itemData(i).toInt());
        m_colour->setItemText(i, QStringLiteral("%1 (%2)").arg(analytics::ragLabel(rag)).arg(m_codes->countByColour[size_t(rag)]));
        m_colour->setItemData(i, ragColor(rag), Qt::DecorationRole);
    }
    QString html;
    for (Rag rag : {Rag::Red, Rag::Orange, Rag::Yellow, Rag::Green, Rag::Grey})
        html += QStringLiteral("<span style='color:%1'>■</span> %2 <b>%3</b>&nbsp;&nbsp; ")
                    .arg(ragColor(rag).name(), analytics::ragLabel(rag)).arg(m_codes->countByColour[size_t(rag)]);
    m_summary->setText(m_codes->asOf.isValid()
                           ? tr("%n store(s) on %1:", nullptr, int(m_codes->stores.size()))
                                     .arg(m_codes->asOf.toString(Qt::ISODate)) + QStringLiteral("&nbsp;&nbsp; ") + html
                           : tr("No store data in %1.").arg(m_codes->scope.period.label()));
    m_summary->setToolTip(summaryText());
    m_note->setText(m_codes->scopeNote);
    m_note->setVisible(!m_codes->scopeNote.isEmpty());
    // Keep the selected store, else select the first (worst) row.
    int row = 0;
    for (int i = 0; i < m_filter->rowCount(); ++i)
        if (m_filter->index(i, 0).data(StoreGridModel::StoreIdRole).toString() == selected)
            row = i;
    if (m_filter->rowCount() > 0)
        m_view->setCurrentIndex(m_filter->index(row, 0));
    updateDetails();
}

void StoresPage::showError(const QString &message)
{
    m_codes.reset();
    m_model->setCodes(nullptr);
    m_summary->setText(tr("Could not compute the store codes: %1").arg(message.toHtmlEscaped()));
    updateDetails();
}

void StoresPage::updateDetails()
{
    const QModelIndex current = m_view->currentIndex();
    const analytics::StoreCode *s = current.isValid() ? m_model->storeAt(m_filter->mapToSource(current).row()) : nullptr;
    if (!s) {
        m_details->setHtml(QStringLiteral("<p style='color:gray'>%1</p>")
                               .arg(tr("Select a store to see what to do about its orange and red dimensions. "
                                       "Double-click or Enter opens its store days.")));
        return;
    }
    auto chip = [](Rag r) {
        const QColor bg = ragColor(r);
        return QStringLiteral("<span style='background:%1;color:%2'>&nbsp;%3&nbsp;</span>")
            .arg(bg.name(), textOn(bg).name(), analytics::ragLabel(r));
    };
    QString html = QStringLiteral("<h3>%1</h3><p>%2 · %3<br>%4 %5</p>")
                       .arg(s->name.toHtmlEscaped(), s->regionName.toHtmlEscaped(), s->cityName.toHtmlEscaped(),
                            tr("Code:"), chip(s->overall));
    if (s->day)
        html += QStringLiteral("<p>") + tr("On %1: %2 staff, %3 receptions, %4 experiences, %5 deals within 72 h.")
                                          .arg(s->day->day.toString(Qt::ISODate)).arg(s->day->staff).arg(s->day->receptions)
                                          .arg(s->day->experiences).arg(s->day->deals72h)
            + QStringLiteral("<br>") + tr("Red on %n of the last 30 days.", nullptr, s->daysRed) + QStringLiteral("</p>");
    bool any = false;
    for (int d = 0; d < analytics::kStoreDimensions; ++d) {
        if (s->actions[size_t(d)].isEmpty())
            continue;
        any = true;
        html += QStringLiteral("<p>%1 <b>%2</b><br>%3</p>")
                    .arg(chip(s->colours[size_t(d)]), analytics::storeDimensionLabel(StoreDimension(d)),
                         s->actions[size_t(d)].toHtmlEscaped());
    }
    if (!s->peerStoreName.isEmpty())
        html += QStringLiteral("<p>%1 <b>%2</b></p>").arg(tr("Nearby high-performing store:"), s->peerStoreName.toHtmlEscaped());
    if (!any)
        html += QStringLiteral("<p>%1</p>").arg(s->overall == Rag::Grey ? tr("No data on the judged day.")
                                                                         : tr("No dimension below its red line: nothing to push."));
    m_details->setHtml(html);
}

void StoresPage::openDrillDown()
{
    const QModelIndex current = m_view->currentIndex();
    const analytics::StoreCode *s = current.isValid() ? m_model->storeAt(m_filter->mapToSource(current).row()) : nullptr;
    if (!s || !m_codes || !m_codes->asOf.isValid())
        return;
    // The window opens at once; the days follow from a worker.
    const QDate to = m_codes->asOf;
    DrillDownDialog::showWhenReady(this, QStringLiteral("%1 · %2").arg(s->name, tr("Store days")),
                                   figures().storeDays(s->storeId, to.addDays(-(analytics::kStripDays - 1)), to,
                                                       m_codes->thresholds));
}

void StoresPage::exportPng()
{
    exportWidgetPng(m_view, this, safeFileName(tr("Store codes") + QLatin1Char(' ') + scope().period.key()));
}

void StoresPage::exportTable()
{
    // The table's rows are the grid model's stores, one for one: written as the grid filters
    // and sorts them.
    if (const analytics::StoreCodes *codes = m_model->codes())
        TableExport::exportDataTableWithDialog(this, analytics::storeCodesTable(*codes),
                                               TableExport::shownSourceRows(m_view, m_model));
}

void StoresPage::importWithDialog()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("stores/import_dir")).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Import store days"), dir,
                                                      tr("Spreadsheets (*.csv *.txt *.xlsx);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("stores/import_dir"), QFileInfo(path).absolutePath());
    Q_EMIT importRequested({path});
}

} // namespace cockpit::ui

#include "customerspage.h"

#include "items/catalog.h"
#include "analytics/figureservice.h"
#include "targets/customerdata.h"
#include "customerdetailpanel.h"
#include "items/customerfiltermodel.h"
#include "items/customertablemodel.h"
#include "figurewatch.h"
#include "filterbar.h"
#include "newcustomerdialog.h"
#include "tableexport.h"
#include "widgethelpers.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>
#include <set>

namespace cockpit::ui {

CustomersPage::CustomersPage(Catalog &catalog, EditController &edits, QSettings &settings,
                             analytics::FigureService &figures, Now now, QWidget *parent)
    : QWidget(parent), m_figures(figures), m_now(std::move(now)), m_scoresChannel(figures.newChannel()),
      m_catalog(catalog), m_edits(edits), m_settings(settings)
{
    m_model = new CustomerTableModel(catalog, this);
    m_filter = new CustomerFilterModel(catalog, *m_model, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 6);
    auto *header = new QHBoxLayout;
    auto *title = new QLabel(tr("Customers"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    auto *add = new QPushButton(tr("&New customer…"), this);
    add->setObjectName(QStringLiteral("newCustomerButton"));
    add->setToolTip(tr("Create a customer (Ctrl+N)"));
    QAction *exportAction = TableExport::addExportAction(this);
    connect(exportAction, &QAction::triggered, this, &CustomersPage::exportTable);
    header->addWidget(title);
    header->addStretch();
    header->addWidget(TableExport::exportButton(exportAction, this));
    header->addWidget(add);
    layout->addLayout(header);
    connect(add, &QPushButton::clicked, this, &CustomersPage::newCustomer);

    m_bar = new FilterBar(tr("Search name, pinyin (bs), initials or alias (bosch)…"), this);
    m_bar->search()->setMinimumWidth(200);
    m_region = m_bar->addFilter(tr("All regions"), QStringLiteral("regionFilter"));
    m_city = m_bar->addFilter(tr("All cities"), QStringLiteral("cityFilter"));
    m_owner = m_bar->addFilter(tr("All owners"), QStringLiteral("ownerFilter"));
    m_industry = m_bar->addFilter(tr("All industries"), QStringLiteral("industryFilter"));
    layout->addWidget(m_bar);
    connect(m_bar, &FilterBar::filtersChanged, this, [this] {
        refillFilters(); // narrower choices follow the broader ones (region → city → …)
        applyFilters();
    });
    connect(m_bar, &FilterBar::searchChanged, this, &CustomersPage::applyFilters); // per keystroke: filter only

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("muted"));
    layout->addWidget(m_count);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_table = new QTableView(m_splitter);
    m_table->setObjectName(QStringLiteral("customersTable"));
    m_table->setModel(m_filter);
    // Sorted by name (pinyin order); the pinyin keys are computed on the first sort.
    m_table->horizontalHeader()->setSortIndicator(CustomerTableModel::NameColumn, Qt::AscendingOrder);
    configureMainTable(m_table);
    m_table->horizontalHeader()->setDefaultSectionSize(100);
    m_table->setColumnWidth(CustomerTableModel::NameColumn, 220);
    m_table->setColumnWidth(CustomerTableModel::PhoneColumn, 120);
    // At 1366 px beside the detail panel: name, industry, size, city, owner, phone and open
    // leads; aliases (also in the panel), region, source and created are a right-click away.
    for (int c : {CustomerTableModel::AliasesColumn, CustomerTableModel::RegionColumn, CustomerTableModel::SourceColumn,
                  CustomerTableModel::CreatedColumn})
        m_table->setColumnHidden(c, true);
    for (int c : {CustomerTableModel::IndustryColumn, CustomerTableModel::SizeColumn, CustomerTableModel::CityColumn,
                  CustomerTableModel::OwnerColumn})
        m_table->setColumnWidth(c, 84);
    // The scores next to the owner (a saved header state, restored below, keeps the user's order).
    m_table->horizontalHeader()->moveSection(CustomerTableModel::ValueScoreColumn, CustomerTableModel::OwnerColumn + 1);
    m_table->horizontalHeader()->moveSection(CustomerTableModel::HealthScoreColumn, CustomerTableModel::OwnerColumn + 2);
    m_table->setColumnWidth(CustomerTableModel::ValueScoreColumn, 64);
    m_table->setColumnWidth(CustomerTableModel::HealthScoreColumn, 64);
    installColumnChooser(m_table);
    keepTopRowInPlace(m_table);
    m_detail = new CustomerDetailPanel(catalog, edits, m_splitter);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({900, 360});
    layout->addWidget(m_splitter, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        const QModelIndex i = m_table->currentIndex();
        m_detail->setCustomer(i.isValid() ? i.data(CustomerTableModel::IdRole).toString() : QString());
    });
    connect(m_detail, &CustomerDetailPanel::leadActivated, this, &CustomersPage::leadActivated);
    connect(m_detail, &CustomerDetailPanel::customerActivated, this, &CustomersPage::showCustomer);
    // The value and health columns: computed when the screen is first shown, and again once a
    // burst of changes (an edit, an import, a sync) is over while it is shown.
    m_scoresTimer = new QTimer(this);
    m_scoresTimer->setSingleShot(true);
    m_scoresTimer->setInterval(1000);
    connect(m_scoresTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refreshScores();
    });
    connect(&m_figures, &analytics::FigureService::dataChanged, this, [this] {
        m_scoresStale = true;
        m_scoresTimer->start();
    });
    connect(m_filter, &QAbstractItemModel::modelReset, this, &CustomersPage::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &CustomersPage::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &CustomersPage::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &CustomersPage::followFilter);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &CustomersPage::followFilter);
    connect(&catalog, &Catalog::loaded, this, &CustomersPage::onCatalogLoaded);

    // v3: the value and health columns were added (a v2 state has fewer sections).
    m_table->horizontalHeader()->restoreState(m_settings.value(QStringLiteral("customers/header.v3")).toByteArray());
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_splitter->restoreState(m_settings.value(QStringLiteral("customers/splitter")).toByteArray());
    if (catalog.isLoaded())
        onCatalogLoaded();
}

void CustomersPage::showEvent(QShowEvent *event)
{
    // Sorting 50 000 names by pinyin waits until someone looks at this screen.
    if (!m_table->isSortingEnabled())
        m_table->setSortingEnabled(true);
    QWidget::showEvent(event);
    if (m_scoresStale)
        refreshScores();
}

void CustomersPage::refreshScores()
{
    m_scoresStale = false;
    const QString asOf = m_now().toUTC().toString(Qt::ISODate);
    const QString asOfDay = QLocale().toString(m_now().toLocalTime().date(), QLocale::ShortFormat);
    m_scoresRunning = true;
    whenFigure(this, m_figures.compute<targets::CustomerScoresFigures>(m_scoresChannel, targets::customerScoresFigures(asOf)),
               [this, asOfDay](const analytics::FigureOutcome<targets::CustomerScoresFigures> &o) {
                   if (o.superseded())
                       return;
                   m_scoresRunning = false;
                   m_scoresDone = true;
                   if (o.failed()) {
                       m_count->setToolTip(tr("The value and health scores could not be computed: %1").arg(o.error));
                       Q_EMIT scoresShown();
                       return;
                   }
                   QHash<QString, CustomerTableModel::Scores> byId;
                   byId.reserve(o.value.all->rows.size());
                   for (const targets::CustomerScoreRow &r : o.value.all->rows)
                       byId.insert(r.customerId, {r.value.score, r.health.score ? *r.health.score : std::nan("")});
                   m_model->setScores(byId, asOfDay);
                   m_detail->setScores(o.value.all, o.value.units);
                   m_count->setToolTip(QString());
                   Q_EMIT scoresShown();
               });
}

void CustomersPage::showCustomer(const QString &customerId)
{
    const int row = m_catalog.index().customer(customerId);
    QModelIndex proxy = row < 0 ? QModelIndex() : m_filter->mapFromSource(m_model->index(row, 0));
    if (!proxy.isValid() && row >= 0) {
        // Hidden by a filter: clear the filters so the customer can be shown.
        for (QComboBox *combo : {m_region, m_city, m_owner, m_industry})
            combo->setCurrentIndex(0);
        m_bar->search()->clear();
        refillFilters();
        applyFilters();
        proxy = m_filter->mapFromSource(m_model->index(row, 0));
    }
    if (proxy.isValid()) {
        m_table->setCurrentIndex(proxy);
        m_table->scrollTo(proxy);
    }
}

void CustomersPage::saveState()
{
    m_settings.setValue(QStringLiteral("customers/header.v3"), m_table->horizontalHeader()->saveState());
    m_settings.setValue(QStringLiteral("customers/splitter"), m_splitter->saveState());
}

void CustomersPage::focusSearch()
{
    m_bar->search()->setFocus();
    m_bar->search()->selectAll();
}

void CustomersPage::onCatalogLoaded()
{
    std::set<QString> industries;
    for (const auto &c : m_catalog.data().customers)
        if (!c.industry.isEmpty())
            industries.insert(c.industry);
    m_industries = QStringList(industries.begin(), industries.end());
    refillFilters();
    updateCount();
    if (!m_table->currentIndex().isValid() && m_filter->rowCount() > 0)
        m_table->setCurrentIndex(m_filter->index(0, 0));
}

void CustomersPage::refillFilters()
{
    const int region = FilterBar::value(m_region);
    const int city = FilterBar::value(m_city);
    FilterBar::setItems(m_region, FilterBar::regionItems(m_catalog));
    FilterBar::setItems(m_city, FilterBar::cityItems(m_catalog, region));
    FilterBar::setItems(m_owner, FilterBar::salesOwnerItems(m_catalog, region, city, -1));
    FilterBar::Items items;
    for (int i = 0; i < m_industries.size(); ++i)
        items.append({m_industries.at(i), i});
    FilterBar::setItems(m_industry, items);
}

void CustomersPage::applyFilters()
{
    CustomerFilter f;
    f.region = FilterBar::value(m_region);
    f.city = FilterBar::value(m_city);
    f.owner = FilterBar::value(m_owner);
    const int industry = FilterBar::value(m_industry);
    f.industry = industry >= 0 ? m_industries.value(industry) : QString();
    f.search = m_bar->search()->text();
    m_filter->setFilter(f);
}

void CustomersPage::updateCount()
{
    const QLocale locale;
    if (m_catalog.isLoaded() && !m_catalog.isComplete()) {
        m_count->setText(tr("Showing the %1 customers of the newest leads, of %2 — loading the rest…")
                             .arg(locale.toString(qlonglong(m_catalog.data().customers.size())),
                                  locale.toString(m_catalog.totalCustomers())));
        return;
    }
    m_count->setText(tr("%1 of %2 customers")
                         .arg(locale.toString(m_filter->rowCount()),
                              locale.toString(qlonglong(m_catalog.data().customers.size()))));
}

void CustomersPage::followFilter()
{
    // The panel describes the selected row: when a filter hides that customer the panel
    // empties; when the customer is still listed its row stays selected.
    const QString shown = m_detail->customerId();
    if (shown.isEmpty())
        return;
    if (!followFilteredRow(m_table, m_filter, m_catalog.index().customer(shown)))
        m_detail->setCustomer(QString());
}

void CustomersPage::newCustomer()
{
    NewCustomerDialog dialog(m_catalog, m_edits, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Show the new customer: it was appended to the table.
    const int row = m_catalog.index().customer(dialog.createdId());
    const QModelIndex proxy = m_filter->mapFromSource(m_model->index(row, 0));
    if (proxy.isValid()) {
        m_table->setCurrentIndex(proxy);
        m_table->scrollTo(proxy);
    }
}

void CustomersPage::exportTable()
{
    if (m_catalog.isLoaded() && !m_catalog.isComplete()) {
        QMessageBox::information(this, tr("Export"),
                                 tr("The customers are still loading. Export them when all are shown."));
        return;
    }
    using io::CellKind;
    ModelExport spec;
    spec.title = tr("Customers");
    spec.valueRole = CustomerTableModel::ValueRole;
    spec.columns = {{CustomerTableModel::OpenLeadsColumn, ColumnExport(CellKind::Integer)},
                    {CustomerTableModel::ValueScoreColumn, ColumnExport(CellKind::Decimal)},
                    {CustomerTableModel::HealthScoreColumn, ColumnExport(CellKind::Decimal)},
                    {CustomerTableModel::CreatedColumn, ColumnExport(CellKind::Date)}};
    TableExport::exportViewWithDialog(this, m_table, spec);
}

} // namespace cockpit::ui

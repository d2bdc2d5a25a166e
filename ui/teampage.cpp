#include "teampage.h"

#include "charts/radarchart.h"
#include "chartstyle.h"
#include "analytics/datatable.h"
#include "drilldowndialog.h"
#include "exporting.h"
#include "domain/pipelinevalidation.h"
#include "scopebar.h"
#include "touchpointview.h"
#include "tableexport.h"
#include "teamhealthmodel.h"
#include "analytics/query.h"
#include "analytics/teamhealthtables.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QScatterSeries>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cockpit::ui {

using namespace analytics;

namespace {
QChartView *makeChartView(QWidget *parent, const QString &name)
{
    auto *chart = new QChart;
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setFont(chartLabelFont());
    chart->setTitleFont(chartTitleFont());
    auto *view = new QChartView(chart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    return view;
}

void addPngMenu(QWidget *view, QWidget *page, const QString &name)
{
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(view, &QWidget::customContextMenuRequested, page, [view, page, name](const QPoint &pos) {
        QMenu menu(view);
        menu.addAction(TeamPage::tr("Export as PNG…"), page, [view, page, name] { exportWidgetPng(view, page, name); });
        menu.exec(view->mapToGlobal(pos));
    });
}

QString rawPct(const std::optional<double> &v)
{
    return v ? QLocale().toString(*v, 'f', 1) + QStringLiteral(" %") : QString();
}
QString rawNum(const std::optional<double> &v) { return v ? QLocale().toString(*v, 'f', 1) : QString(); }
} // namespace

TeamPage::TeamPage(FigureService &figures, ScopeState &scope, Now now, QWidget *parent)
    : AnalyticsPage(figures, scope, parent), m_now(std::move(now)), m_stepsChannel(figures.newChannel())
{
    setObjectName(QStringLiteral("teamPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(6);

    m_scopeBar = new ScopeBar(scope, this);
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("teamMode"));
    m_mode->addItem(tr("Reps"));
    m_mode->addItem(tr("Teams"));
    m_mode->setToolTip(tr("Compare reps or teams (Ctrl+T)"));
    auto *pngButton = new QToolButton(this);
    pngButton->setText(tr("Radar PNG…"));
    pngButton->setToolTip(tr("Export the radar as PNG (Ctrl+Shift+P)"));
    // Ctrl+E as on every table; Ctrl+Shift+S, which exported the CSV before, still does.
    QAction *tableAction = TableExport::addExportAction(
        this, {QKeySequence(Qt::CTRL | Qt::Key_E), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)});
    tableAction->setText(tr("Export table…"));
    tableAction->setToolTip(tr("Export the table in its sort order, with every figure behind its columns "
                               "(the radar's axes, the missing actions), as an Excel workbook or CSV (Ctrl+E)"));
    auto *csvButton = new QToolButton(this);
    csvButton->setObjectName(QStringLiteral("exportButton"));
    csvButton->setDefaultAction(tableAction);
    m_scopeBar->addTrailingWidget(m_mode);
    m_scopeBar->addTrailingWidget(pngButton);
    m_scopeBar->addTrailingWidget(csvButton);
    layout->addWidget(m_scopeBar);

    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("coverageWarning"));
    m_warning->setWordWrap(true);
    m_warning->setVisible(false);
    {
        const QColor red = ragColor(Rag::Red);
        m_warning->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; padding: 4px 8px; border-radius: 3px; }")
                                     .arg(red.name(), textOn(red).name()));
    }
    layout->addWidget(m_warning);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("teamSplit"));
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel(left);
    m_status->setObjectName(QStringLiteral("teamStatus"));
    m_status->setWordWrap(true);
    leftLayout->addWidget(m_status);
    m_model = new TeamHealthModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(TeamHealthModel::SortRole);
    m_table = new QTableView(left);
    m_table->setObjectName(QStringLiteral("teamTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setMinimumSectionSize(24);
    m_table->horizontalHeader()->setStretchLastSection(false);
    // Fitting the columns measures the first 100 rows (in the sorted order), not 1000: every
    // cell measured is formatted, 25 ms for the 929 reps of the large demo. The numbers are
    // capped at "100.0 %" anyway; a longer name further down is elided, its tooltip whole.
    m_table->horizontalHeader()->setResizeContentsPrecision(100);
    m_table->setToolTip(tr("Check rows to overlay them on the radar (Space). Double-click or Enter: the rows behind a number."));
    leftLayout->addWidget(m_table, 1);
    // Who counts (DESIGN §5): reps who left during the period and reps with too little data
    // are listed here, apart, and never ranked with the active team.
    m_apartLabel = new QLabel(left);
    m_apartLabel->setObjectName(QStringLiteral("teamApartLabel"));
    m_apartLabel->setWordWrap(true);
    m_apartLabel->setToolTip(tr("Reps who left before the period's end, and reps with fewer than 5 stage exits or employed "
                                "on fewer than half of the period's working days, are shown apart and never ranked."));
    leftLayout->addWidget(m_apartLabel);
    m_apartModel = new TeamHealthModel(this);
    auto *apartProxy = new QSortFilterProxyModel(this);
    apartProxy->setSourceModel(m_apartModel);
    apartProxy->setSortRole(TeamHealthModel::SortRole);
    m_apartTable = new QTableView(left);
    m_apartTable->setObjectName(QStringLiteral("teamApartTable"));
    m_apartTable->setModel(apartProxy);
    m_apartTable->setSortingEnabled(true);
    m_apartTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_apartTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_apartTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_apartTable->verticalHeader()->hide();
    m_apartTable->verticalHeader()->setDefaultSectionSize(m_table->verticalHeader()->defaultSectionSize());
    m_apartTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_apartTable->horizontalHeader()->setMinimumSectionSize(24);
    m_apartTable->horizontalHeader()->setStretchLastSection(true);
    // Why each rep is apart comes first, after the name and team.
    m_apartTable->horizontalHeader()->moveSection(TeamHealthModel::Standing, TeamHealthModel::Light);
    leftLayout->addWidget(m_apartTable);
    m_selection = new QLabel(left);
    m_selection->setObjectName(QStringLiteral("teamSelection"));
    m_selection->setWordWrap(true);
    m_selection->setTextFormat(Qt::RichText);
    m_selection->setMinimumHeight(m_selection->fontMetrics().height() * 2 + 6);
    leftLayout->addWidget(m_selection);

    auto *right = new QSplitter(Qt::Vertical, split);
    m_radar = new RadarChart(right);
    QStringList axes;
    for (int a = 0; a < kRadarAxes; ++a)
        axes << radarAxisLabel(RadarAxis(a));
    m_radar->setAxisLabels(axes);
    m_tabs = new QTabWidget(right);
    m_tabs->setObjectName(QStringLiteral("teamTabs"));
    m_coverage = makeChartView(m_tabs, QStringLiteral("coverageChart"));
    m_tabs->addTab(m_coverage, tr("Coverage"));
    m_tabs->setTabToolTip(0, tr("Standard-action coverage: reps above the green threshold, by month"));
    auto *stepsPanel = new QWidget(m_tabs);
    m_stepsPanel = stepsPanel;
    auto *stepsLeft = new QVBoxLayout(stepsPanel);
    stepsLeft->setContentsMargins(0, 0, 0, 0);
    m_stepsTitle = new QLabel(stepsPanel);
    m_stepsTitle->setObjectName(QStringLiteral("stepsTitle"));
    m_stepsTitle->setWordWrap(true);
    stepsLeft->addWidget(m_stepsTitle);
    m_steps = makeChartView(stepsPanel, QStringLiteral("stepsChart"));
    stepsLeft->addWidget(m_steps, 1);
    m_tabs->addTab(stepsPanel, tr("Steps"));
    m_tabs->setTabToolTip(1, tr("Rep drill-down: the time between the steps of a sale"));
    m_keyModel = new DataTableModel(this);
    m_keyActions = new QTableView(m_tabs);
    m_keyActions->setObjectName(QStringLiteral("keyActionTable"));
    m_keyActions->setModel(m_keyModel);
    m_keyActions->verticalHeader()->hide();
    m_keyActions->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_keyActions->setToolTip(tr("Completion of each key action: done / expected over the stage exits of the period"));
    m_tabs->addTab(m_keyActions, tr("Key actions"));
    // The selected rep's (or team's) leads on the touchpoint heat map, with their cold zones.
    m_touchpoints = new TouchpointView(figures, m_tabs);
    m_touchpoints->setObjectName(QStringLiteral("teamTouchpoints"));
    m_tabs->addTab(m_touchpoints, tr("Touchpoints"));
    connect(m_touchpoints, &TouchpointView::leadActivated, this, &AnalyticsPage::leadActivated);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_stepsPanel)
            requestSteps();
    });
    right->addWidget(m_radar);
    right->addWidget(m_tabs);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    right->setSizes({440, 300});
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    // The table's columns all fit at 1366×768; the radar takes the rest.
    split->setSizes({820, 360});
    layout->addWidget(split, 1);

    addPngMenu(m_radar, this, QStringLiteral("radar"));
    addPngMenu(m_coverage, this, QStringLiteral("coverage"));
    addPngMenu(m_steps, this, QStringLiteral("steps"));

    auto *pngAction = new QAction(tr("Export radar as PNG…"), this);
    pngAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    pngAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(pngAction);
    connect(pngAction, &QAction::triggered, this, &TeamPage::exportRadar);
    connect(pngButton, &QToolButton::clicked, this, &TeamPage::exportRadar);
    connect(tableAction, &QAction::triggered, this, &TeamPage::exportTable);
    auto *modeAction = new QAction(tr("Reps / teams"), this);
    modeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    modeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(modeAction);
    connect(modeAction, &QAction::triggered, this, [this] { setShowTeams(m_mode->currentIndex() == 0); });
    auto *drillAction = new QAction(tr("Rows behind this number"), this);
    drillAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    drillAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(drillAction);
    connect(drillAction, &QAction::triggered, this, [this] {
        const QModelIndex i = m_proxy->mapToSource(m_table->currentIndex());
        if (i.isValid())
            openDrillDown(i.row(), i.column());
    });

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] { fillTable(); });
    connect(m_model, &TeamHealthModel::checkedChanged, this, &TeamPage::updateRadar);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QModelIndex i = m_proxy->mapToSource(index);
        if (i.isValid() && i.column() != TeamHealthModel::Name)
            openDrillDown(i.row(), i.column());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TeamPage::updateSelection);
    connect(m_radar, &RadarChart::pointClicked, this, [this](int polygon, int axis) {
        const QVector<int> checked = m_model->checkedRows();
        if (polygon < 0 || polygon >= checked.size())
            return;
        static const int columns[] = {TeamHealthModel::Completion, TeamHealthModel::CustomerHealth,
                                      TeamHealthModel::CrossSell, TeamHealthModel::Collaboration,
                                      TeamHealthModel::Pei, TeamHealthModel::Response};
        if (axis >= 0 && axis < kRadarAxes)
            openDrillDown(checked[polygon], columns[axis]);
    });
    m_status->setText(tr("Computing…"));
}

QString TeamPage::busyText() const { return tr("Computing rep and team health…"); }

QString TeamPage::asOfIso() const
{
    return (m_now ? m_now() : QDateTime::currentDateTimeUtc()).toUTC().toString(Qt::ISODate);
}

void TeamPage::requestFigures(const Scope &scope)
{
    // The defaults of DESIGN.md §5.
    watch<TeamHealth>(figures().teamHealth(scope, asOfIso(), TeamHealthSettings{}, channel()),
                      [this](const TeamHealth &th) { showResult(th); });
}

void TeamPage::showResult(const TeamHealth &result)
{
    m_result = std::make_shared<TeamHealth>(result);
    if (!m_orgUnitsSet) {
        m_scopeBar->setOrgUnits(m_result->units);
        m_orgUnitsSet = true;
    }
    const TeamHealth &th = *m_result;
    const HealthFigures &f = th.total.figures;
    const auto ranked = std::count_if(th.reps.cbegin(), th.reps.cend(),
                                      [](const HealthRow &r) { return r.standing == RepStanding::Ranked; });
    m_status->setText(tr("%1 · %2: %3 reps ranked in %4 teams, %5 shown apart · key actions %6 · PEI %7 · coverage %8 (target 85 %)")
                          .arg(th.scope.period.label(), th.units.name(th.scope.org))
                          .arg(ranked)
                          .arg(th.teams.size())
                          .arg(th.reps.size() - ranked)
                          .arg(rawPct(f.compliancePct).isEmpty() ? QStringLiteral("—") : rawPct(f.compliancePct),
                               rawPct(f.peiPct).isEmpty() ? QStringLiteral("—") : rawPct(f.peiPct),
                               rawPct(th.coveragePct).isEmpty() ? QStringLiteral("—") : rawPct(th.coveragePct)));
    fillTable();
    updateCoverage();
}

void TeamPage::showError(const QString &message)
{
    m_status->setText(tr("Could not compute team health: %1").arg(message));
}

void TeamPage::setShowTeams(bool teams) { m_mode->setCurrentIndex(teams ? 1 : 0); }

void TeamPage::selectRep(const QString &repId)
{
    m_wantedRep = repId;
    setShowTeams(false); // fills the table when it changes the mode
    selectWantedRep();
}

void TeamPage::selectWantedRep()
{
    if (m_wantedRep.isEmpty() || !m_result || m_model->teams())
        return;
    const auto select = [this](TeamHealthModel *model, QTableView *view) {
        for (int r = 0; r < model->rows().size(); ++r) {
            if (model->rows().at(r).unit.id != m_wantedRep)
                continue;
            const QModelIndex source = model->index(r, TeamHealthModel::Name);
            const QModelIndex index = static_cast<QSortFilterProxyModel *>(view->model())->mapFromSource(source);
            view->setCurrentIndex(index);
            view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            view->scrollTo(index);
            view->setFocus();
            return true;
        }
        return false;
    };
    if (!select(m_model, m_table))
        select(m_apartModel, m_apartTable);
    // Figures of an earlier scope: the current one's will come and are selected in again.
    if (m_result->scope == scope())
        m_wantedRep.clear();
}

void TeamPage::fillTable()
{
    if (!m_result)
        return;
    const bool teams = m_mode->currentIndex() == 1;
    // The ranking holds the ranked reps alone; the others go to the table apart.
    QVector<HealthRow> rows, apart;
    if (teams) {
        rows = m_result->teams;
    } else {
        for (const HealthRow &r : m_result->reps)
            (r.standing == RepStanding::Ranked ? rows : apart).append(r);
    }
    m_model->setRows(rows, teams, m_result->units);
    m_apartModel->setRows(apart, false, m_result->units);
    int left = 0;
    for (const HealthRow &r : std::as_const(apart))
        left += r.standing == RepStanding::Left;
    m_apartLabel->setText(tr("<b>Shown apart, not ranked</b>: %1 left during the period, %2 with too little data "
                             "(fewer than 5 stage exits or under half of the working days employed)")
                              .arg(left)
                              .arg(apart.size() - left));
    m_apartLabel->setVisible(!apart.isEmpty());
    m_apartTable->setVisible(!apart.isEmpty());
    m_table->setColumnHidden(TeamHealthModel::Standing, true);
    // Default overlay: the teams of the scope (up to 6), or the best and the weakest rep.
    QVector<int> checked;
    if (teams) {
        for (int i = 0; i < rows.size() && i < 4; ++i)
            checked << i;
    } else {
        int best = -1, worst = -1;
        for (int i = 0; i < rows.size(); ++i) {
            const auto c = rows[i].figures.composite;
            if (!c)
                continue;
            if (best < 0 || *c > *rows[best].figures.composite)
                best = i;
            if (worst < 0 || *c < *rows[worst].figures.composite)
                worst = i;
        }
        if (best >= 0)
            checked << best;
        if (worst >= 0 && worst != best)
            checked << worst;
    }
    m_model->setChecked(checked);
    m_table->sortByColumn(TeamHealthModel::Composite, Qt::DescendingOrder);
    fitColumns(m_table);
    m_apartTable->sortByColumn(TeamHealthModel::Standing, Qt::AscendingOrder);
    fitColumns(m_apartTable);
    // Room for about four rows: the ranking keeps the space.
    const int rowH = m_apartTable->verticalHeader()->defaultSectionSize();
    m_apartTable->setFixedHeight(m_apartTable->horizontalHeader()->sizeHint().height()
                                 + rowH * int(std::min<qsizetype>(apart.size(), 4)) + 2 * m_apartTable->frameWidth()
                                 + m_apartTable->horizontalScrollBar()->sizeHint().height());
    if (!checked.isEmpty()) {
        const QModelIndex current = m_proxy->mapFromSource(m_model->index(checked.first(), TeamHealthModel::Name));
        m_table->setCurrentIndex(current);
        m_table->scrollTo(current);
    }
    selectWantedRep();
}

void TeamPage::fitColumns(QTableView *table)
{
    // The numbers fit their column and so does each header's longest line (the headers are
    // full names on two lines), so that neither is cut at 1366×768 in either language.
    table->resizeColumnsToContents();
    const int numberWidth = table->fontMetrics().horizontalAdvance(QStringLiteral("100.0 %")) + 12;
    // The header's longest line in its bold font, its margins and the sort indicator's room
    // (QHeaderView's own hint measures the two lines as one).
    QFont bold = table->horizontalHeader()->font();
    bold.setBold(true);
    const QFontMetrics fm(bold);
    const int margin = 2 * table->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, table) + 12;
    for (int c = TeamHealthModel::Light; c < TeamHealthModel::Standing; ++c) {
        int header = 0;
        for (const QString &line : table->model()->headerData(c, Qt::Horizontal).toString().split(QLatin1Char('\n')))
            header = std::max(header, fm.horizontalAdvance(line));
        table->setColumnWidth(c, std::min(table->columnWidth(c), std::max(numberWidth, header + margin)));
    }
    // The name sits after a check box and a colour swatch: room for three characters and them.
    const int nameWidth = table->fontMetrics().horizontalAdvance(QStringLiteral("欧阳晓明")) + 40;
    table->setColumnWidth(TeamHealthModel::Name, std::max(table->columnWidth(TeamHealthModel::Name), nameWidth));
}

void TeamPage::updateRadar()
{
    QVector<RadarChart::Polygon> polygons;
    for (int row : m_model->checkedRows()) {
        const HealthRow &r = m_model->rows().at(row);
        const HealthFigures &f = r.figures;
        RadarChart::Polygon p;
        p.name = r.unit.name;
        for (int a = 0; a < kRadarAxes; ++a)
            p.values << f.radar[a];
        const QString response = f.responseMedianMin ? tr("median %1 min").arg(QLocale().toString(*f.responseMedianMin, 'f', 0))
                                                     : QString();
        p.rawText = {tr("%1 (%2 of %3 actions)").arg(rawPct(f.compliancePct)).arg(r.counts.actionsDone).arg(r.counts.actionsExpected),
                     tr("%1 over %2 customers").arg(rawNum(f.customerHealth)).arg(r.counts.customersScored),
                     rawPct(f.crossSellPct),
                     tr("%1 (%2 ratings)").arg(rawNum(f.collaboration)).arg(r.counts.ratings),
                     tr("%1 (%2 of %3 tasks)").arg(rawPct(f.peiPct)).arg(r.counts.tasksDone).arg(r.counts.tasksRequired),
                     response};
        polygons << p;
    }
    m_radar->setPolygons(polygons);
    m_radar->setTitle(polygons.isEmpty() ? tr("Health radar — check rows to compare them") : tr("Health radar (0–100)"));
    m_radar->setToolTip(tr("Each axis 0–100. Response time: a median of 5 min or less scores 100, 8 h or more 0 "
                           "(logarithmic). Click a legend entry to hide or show a polygon; click a point for its rows."));
}

void TeamPage::updateCoverage()
{
    QChart *chart = freshChart(m_coverage);
    const TeamHealth &th = *m_result;
    auto *line = new QLineSeries;
    line->setName(tr("Coverage"));
    line->setPen(QPen(seriesColor(0), 2.5));
    line->setPointsVisible(true);
    line->setPointLabelsVisible(true);
    line->setPointLabelsFormat(QStringLiteral("@yPoint %"));
    line->setPointLabelsClipping(false);
    auto *target = new QLineSeries;
    target->setName(tr("Target 85 %"));
    QPen dashed(ragColor(Rag::Green), 1.5, Qt::DashLine);
    target->setPen(dashed);
    QStringList months;
    for (int i = 0; i < th.coverage.size(); ++i) {
        const CoverageMonth &m = th.coverage[i];
        months << QLocale().toString(m.month, QStringLiteral("MMM"));
        if (m.pct)
            line->append(i, std::round(*m.pct * 10) / 10);
        target->append(i, 85);
    }
    chart->addSeries(target);
    chart->addSeries(line);
    auto *x = new QBarCategoryAxis;
    x->append(months);
    x->setLabelsFont(chartLabelFont());
    auto *y = new QValueAxis;
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d %%")); // a lone "%" made every label "…"
    // Three labelled ticks and minor lines at 25 and 75: with six, the ticks of the short
    // chart at 1366×768 were closer than a label is high and Qt Charts cut every label to "…".
    y->setTickCount(3);
    y->setMinorTickCount(1);
    y->setLabelsFont(chartLabelFont());
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *s : {line, target}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    connect(line, &QLineSeries::hovered, this, [this](const QPointF &p, bool state) {
        if (!state || !m_result)
            return;
        const int i = int(std::lround(p.x()));
        if (i < 0 || i >= m_result->coverage.size())
            return;
        const CoverageMonth &m = m_result->coverage[i];
        m_coverage->setToolTip(tr("%1: %2 of %3 reps executed the standard actions (%4 active)")
                                   .arg(QLocale().toString(m.month, QStringLiteral("yyyy-MM")))
                                   .arg(m.executed)
                                   .arg(m.judged)
                                   .arg(m.activeReps));
    });
    chart->setTitle(tr("Coverage: reps above 90 % key actions"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_warning->setVisible(th.coverageWarning);
    if (th.coverageWarning)
        m_warning->setText(tr("⚠ Standard-action coverage fell two months in a row (%1 → %2 → %3).")
                               .arg(rawPct(th.coverage[3].pct), rawPct(th.coverage[4].pct), rawPct(th.coverage[5].pct)));
}

Scope TeamPage::rowScope(int row) const
{
    Scope s = scope();
    if (m_result)
        s = m_result->scope;
    if (row >= 0 && row < m_model->rows().size()) {
        const OrgUnit &u = m_model->rows().at(row).unit;
        s.org = OrgScope{m_model->teams() ? OrgLevel::Team : OrgLevel::Rep, u.id};
    }
    return s;
}

void TeamPage::updateSelection()
{
    const QModelIndex i = m_proxy->mapToSource(m_table->currentIndex());
    if (!i.isValid() || !m_result) {
        m_selection->clear();
        return;
    }
    const HealthRow &r = m_model->rows().at(i.row());
    const HealthFigures &f = r.figures;
    QString text = QStringLiteral("<b>%1</b> — %2").arg(r.unit.name.toHtmlEscaped(), ragLabel(f.light));
    if (f.light == Rag::Red) {
        QStringList parts;
        for (const auto &m : f.topMissing)
            parts << tr("%1 (missing %2×)").arg(activityKindLabel(m.first)).arg(m.second);
        text += QStringLiteral(" · ") + tr("top missing actions: %1").arg(parts.join(QStringLiteral(", ")));
    } else if (f.compliancePct) {
        text += QStringLiteral(" · ") + tr("key actions %1").arg(rawPct(f.compliancePct));
    }
    m_selection->setText(text);

    // The rep drill-down: key-action completion and the time between the steps of a sale.
    const Scope s = rowScope(i.row());
    DataTable keys = keyActionsTable(r, s);
    for (QVariantList &row : keys.rows) // the kinds as people say them
        row[0] = activityKindLabel(row[0].toString());
    m_keyModel->setTable(keys);
    m_keyActions->hideColumn(keys.columnIndex(QStringLiteral("missing"))); // = expected − done
    m_touchpoints->setNow(asOfIso());
    m_touchpoints->setScope(s);

    // The step times (a grouped pass over the orders' payments, 0.2–0.5 s on the large
    // database): on a worker, and only once their tab is shown.
    m_stepsWanted = std::make_pair(s, r.unit.name);
    m_stepsTitle->setText(tr("<b>%1</b>: computing the time between the steps…").arg(r.unit.name.toHtmlEscaped()));
    if (m_tabs->currentWidget() == m_stepsPanel)
        requestSteps();
}

void TeamPage::requestSteps()
{
    if (!m_stepsWanted)
        return;
    const auto [s, name] = *m_stepsWanted;
    m_stepsWanted.reset();
    // The newest selection wins.
    whenFigure(this, figures().stepTimes(s, asOfIso(), m_stepsChannel), [this, name, s](const FigureOutcome<StepTimes> &o) {
        if (o.superseded())
            return; // another row was selected meanwhile
        if (o.failed())
            m_stepsTitle->setText(o.error);
        else
            showSteps(o.value, name, s);
    });
}

void TeamPage::showSteps(const StepTimes &times, const QString &name, const Scope &s)
{
    QChart *chart = freshChart(m_steps);
    auto *set = new QBarSet(tr("Median hours"));
    set->setColor(seriesColor(0));
    QStringList labels;
    double maxH = 1;
    static const char *const shortLabels[] = {QT_TR_NOOP("→ first touch"), QT_TR_NOOP("→ needs confirmed"),
                                              QT_TR_NOOP("→ demo"), QT_TR_NOOP("→ objection handled"),
                                              QT_TR_NOOP("→ signed"), QT_TR_NOOP("→ paid")};
    QStringList tips;
    for (int k = kSalesSteps - 1; k >= 0; --k) { // first step on top
        const auto m = median(times.hours[k]);
        labels << tr("%1 (n=%2)").arg(tr(shortLabels[k])).arg(times.hours[k].size());
        *set << std::round(m.value_or(0) * 10) / 10;
        maxH = std::max(maxH, m.value_or(0));
        tips.prepend(tr("%1: median %2 h over %3 leads").arg(salesStepLabel(SalesStep(k)),
                                                               QLocale().toString(m.value_or(0), 'f', 1))
                         .arg(times.hours[k].size()));
    }
    m_steps->setToolTip(tips.join(QLatin1Char('\n')));
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value h"));
    series->setLabelsPrecision(7);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(labels);
    y->setLabelsFont(chartLabelFont());
    auto *x = new QValueAxis;
    x->setRange(0, maxH * 1.25);
    x->applyNiceNumbers();
    x->setLabelFormat(QStringLiteral("%.0f"));
    x->setLabelsFont(chartLabelFont());
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    chart->legend()->hide();
    m_stepsTitle->setText(tr("<b>%1</b>: median hours between the steps of a sale (steps ending in %2)")
                              .arg(name.toHtmlEscaped(), s.period.label()));
}

std::optional<TeamTable> TeamPage::drillDownQuery(int column)
{
    switch (column) {
    case TeamHealthModel::Light: return TeamTable::Lights;
    case TeamHealthModel::Completion: return TeamTable::StageExits;
    case TeamHealthModel::Pei: return TeamTable::Tasks;
    case TeamHealthModel::Response: return TeamTable::Responses;
    case TeamHealthModel::CustomerHealth: return TeamTable::CustomerHealth;
    case TeamHealthModel::CrossSell: return TeamTable::Orders;
    case TeamHealthModel::Collaboration: return TeamTable::Ratings;
    default: return std::nullopt;
    }
}

DataTable TeamPage::localDrillDownTable(int row, int column) const
{
    const Scope s = rowScope(row);
    if (column == TeamHealthModel::Coverage)
        return keyActionsTable(m_model->rows().at(row), s);
    // Name, team and composite: the row's figures as in `report radar`.
    TeamHealth one = *m_result;
    one.scope = s;
    one.reps = {m_model->rows().at(row)};
    return radarTable(one, false);
}

void TeamPage::openDrillDown(int row, int column)
{
    if (!m_result || row < 0 || row >= m_model->rows().size())
        return;
    DrillDownDialog *dialog = nullptr;
    if (const std::optional<TeamTable> table = drillDownQuery(column)) {
        // The rows come from a worker; the window opens at once under the row's and column's names.
        const QString title = QStringLiteral("%1 · %2 · %3")
                                  .arg(m_model->rows().at(row).unit.name,
                                       m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString().replace(QLatin1Char('\n'), QLatin1Char(' ')),
                                       scope().period.label());
        dialog = DrillDownDialog::showWhenReady(this, title,
                                                figures().teamTable(*table, rowScope(row), asOfIso(), m_result->units));
    } else {
        dialog = DrillDownDialog::show(this, localDrillDownTable(row, column));
    }
    connect(dialog, &DrillDownDialog::leadActivated, this, &AnalyticsPage::leadActivated, Qt::UniqueConnection);
}

void TeamPage::exportRadar()
{
    exportWidgetPng(m_radar, this, QStringLiteral("team-radar"));
}

void TeamPage::exportTable()
{
    if (!m_result)
        return;
    // The reps as shown: the ranking (in its sort order), then those shown apart.
    TeamHealth shown = *m_result;
    QList<int> order = TableExport::shownSourceRows(m_table, m_model);
    if (!m_model->teams()) {
        shown.reps = m_model->rows() + m_apartModel->rows();
        for (int i = 0; i < m_apartModel->rows().size(); ++i)
            order << int(m_model->rows().size()) + i;
    }
    DataTable t = radarTable(shown, m_model->teams());
    const DataTable h = healthTable(shown, m_model->teams());
    // One export with every column of the table: the radar figures plus the light and missing actions.
    const int light = h.columnIndex(QStringLiteral("light")), missing = h.columnIndex(QStringLiteral("top_missing"));
    t.columns << QStringLiteral("light") << QStringLiteral("top_missing");
    t.headers << h.header(light) << h.header(missing);
    for (int i = 0; i < t.rows.size(); ++i)
        t.rows[i] << h.rows[i][light] << h.rows[i][missing];
    // Its rows are the model's, one for one: written in the order the table is sorted.
    TableExport::exportDataTableWithDialog(this, t, order);
}

} // namespace cockpit::ui

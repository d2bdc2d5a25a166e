#include "forecasttab.h"

#include "charts/forecastcharts.h"
#include "charts/heatmapwidget.h"
#include "chartstyle.h"
#include "reasoncodesdialog.h"
#include "revisiondialog.h"
#include "forecast/forecastassembly.h"
#include "forecast/history.h"
#include "tableexport.h"
#include "widgethelpers.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace cockpit::ui {

using forecast::ForecastView;

namespace {
// Money in the tables as in the headline (万 in Chinese, millions elsewhere); sorting and
// export still read the cents.
class ForecastTableModel : public analytics::DataTableModel
{
public:
    using DataTableModel::DataTableModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DisplayRole && index.isValid() && table().columns.value(index.column()).endsWith(QLatin1String("_cents"))) {
            const QVariant v = table().rows.value(index.row()).value(index.column());
            return v.isNull() ? QVariant() : QVariant(forecast::shortMoney(v.toLongLong(), table().currency));
        }
        return DataTableModel::data(index, role);
    }
};

QString pctText(double share) { return QLocale().toString(std::round(share * 1000) / 10, 'f', 1) + QStringLiteral(" %"); }
QString wholePct(double share) { return QLocale().toString(std::lround(share * 100)) + QStringLiteral(" %"); }
QString num(double x, int decimals) { return std::isnan(x) ? QStringLiteral("–") : QLocale().toString(x, 'f', decimals); }

QLabel *wrapLabel(const QString &name, QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName(name);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QWidget *column(QWidget *parent, std::initializer_list<QWidget *> widgets, int stretchIndex)
{
    auto *w = new QWidget(parent);
    auto *l = new QVBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    l->setSpacing(3);
    int i = 0;
    for (QWidget *x : widgets)
        l->addWidget(x, i++ == stretchIndex ? 1 : 0);
    return w;
}
} // namespace

ForecastTab::ForecastTab(analytics::FigureService &figures, analytics::ScopeState &scope, Now now, QWidget *parent)
    : PlanningTab(figures, scope, parent), m_now(std::move(now)), m_cache(forecast::sharedForecastCache())
{
    setObjectName(QStringLiteral("forecastTab"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(4);

    m_headline = wrapLabel(QStringLiteral("forecastHeadline"), this);
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.45);
    big.setBold(true);
    m_headline->setFont(big);
    auto *exportMenu = new QMenu(this);
    exportMenu->addAction(tr("Open deals table…"), this, &ForecastTab::exportDeals);
    exportMenu->addAction(tr("Backtest table…"), this, &ForecastTab::exportBacktest);
    exportMenu->addSeparator();
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("forecastExport"));
    exportButton->setText(tr("Export"));
    exportButton->setToolTip(tr("Export the open deals or the backtest as an Excel workbook or CSV (Ctrl+E: the open "
                                "deals), or a chart as PNG"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    exportButton->setMenu(exportMenu);
    QAction *exportAction = TableExport::addExportAction(this);
    connect(exportAction, &QAction::triggered, this, &ForecastTab::exportDeals);
    auto *top = new QHBoxLayout;
    top->addWidget(m_headline, 1);
    top->addWidget(exportButton, 0, Qt::AlignTop);
    layout->addLayout(top);
    m_target = wrapLabel(QStringLiteral("forecastTarget"), this);
    m_reasons = wrapLabel(QStringLiteral("forecastReasons"), this);
    m_status = wrapLabel(QStringLiteral("forecastStatus"), this);
    m_status->setStyleSheet(QStringLiteral("color: palette(mid);"));
    layout->addWidget(m_target);
    layout->addWidget(m_reasons);
    layout->addWidget(m_status);

    m_fan = new FanChart(this);
    m_calibration = new CalibrationChart(this);
    exportMenu->addAction(tr("Fan chart as PNG…"), m_fan, &ForecastChartView::exportPng);
    exportMenu->addAction(tr("Calibration plot as PNG…"), m_calibration, &ForecastChartView::exportPng);
    m_backtestModel = new ForecastTableModel(this);
    m_backtestProxy = new QSortFilterProxyModel(this);
    m_backtestView = makeTable(m_backtestModel, m_backtestProxy, QStringLiteral("backtestTable"));
    m_dealsModel = new ForecastTableModel(this);
    m_dealsProxy = new QSortFilterProxyModel(this);
    m_dealsView = makeTable(m_dealsModel, m_dealsProxy, QStringLiteral("openDealsTable"));
    m_dealsView->setToolTip(tr("Double-click a deal to open it on the Leads screen. Its factors and their reasons show "
                               "below the table."));
    connect(m_dealsView, &QTableView::doubleClicked, this, &ForecastTab::openLead);
    connect(m_dealsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ForecastTab::showDealDetail);
    m_coverage = wrapLabel(QStringLiteral("coverageLabel"), this);
    m_model = wrapLabel(QStringLiteral("modelLabel"), this);
    m_dealDetail = wrapLabel(QStringLiteral("dealDetail"), this);
    m_dealsTitle = wrapLabel(QStringLiteral("dealsTitle"), this);

    auto *upper = new QSplitter(Qt::Horizontal, this);
    upper->addWidget(m_fan);
    upper->addWidget(column(upper, {m_coverage, m_backtestView}, 1));
    upper->setStretchFactor(0, 1);
    upper->setStretchFactor(1, 1);
    upper->setSizes({600, 500});
    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(column(lower, {m_dealsTitle, m_dealsView, m_dealDetail}, 1));
    m_heat = new HeatmapWidget(this);
    m_heat->setObjectName(QStringLiteral("revisionHeat"));
    m_heat->setLegend(tr("few revisions"), tr("many"), tr("none"), QString());
    m_heat->setEmptyText(tr("No manual revisions of these months."));
    m_revise = new QPushButton(tr("Revise forecast…"), this);
    m_revise->setObjectName(QStringLiteral("reviseButton"));
    m_revise->setEnabled(false);
    m_revise->setToolTip(tr("Record a revised value for this period and unit, with a reason code and a note"));
    connect(m_revise, &QPushButton::clicked, this, &ForecastTab::revise);
    m_reasonCodes = new QPushButton(tr("Reason codes…"), this);
    m_reasonCodes->setObjectName(QStringLiteral("reasonCodesButton"));
    m_reasonCodes->setEnabled(false);
    m_reasonCodes->setToolTip(tr("Edit the list of reason codes a revision is picked from"));
    connect(m_reasonCodes, &QPushButton::clicked, this, &ForecastTab::editReasons);
    m_revisionsTitle = wrapLabel(QStringLiteral("revisionsTitle"), this);
    auto *revisionsTop = new QWidget(this);
    auto *revisionsTopLayout = new QHBoxLayout(revisionsTop);
    revisionsTopLayout->setContentsMargins(0, 0, 0, 0);
    revisionsTopLayout->addWidget(m_revisionsTitle, 1);
    revisionsTopLayout->addWidget(m_reasonCodes, 0, Qt::AlignTop);
    revisionsTopLayout->addWidget(m_revise, 0, Qt::AlignTop);
    auto *side = new QTabWidget(this);
    side->setObjectName(QStringLiteral("forecastSideTabs"));
    side->setDocumentMode(true);
    side->addTab(column(side, {m_model, m_calibration}, 1), tr("Learned model"));
    side->addTab(column(side, {revisionsTop, m_heat}, 1), tr("Revisions"));
    lower->addWidget(side);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    lower->setSizes({700, 400});
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("forecastSplitter"));
    split->addWidget(upper);
    split->addWidget(lower);
    layout->addWidget(split, 1);
    m_headline->setText(tr("Forecast"));
}

QTableView *ForecastTab::makeTable(analytics::DataTableModel *model, QSortFilterProxyModel *proxy, const QString &name)
{
    proxy->setSourceModel(model);
    proxy->setSortRole(analytics::DataTableModel::SortRole);
    auto *view = new QTableView(this);
    view->setObjectName(name);
    view->setModel(proxy);
    configureMainTable(view);
    view->setSortingEnabled(true);
    view->verticalHeader()->setDefaultSectionSize(22);
    // Column widths from the first 200 rows (Qt reads 1 000): thousands of open deals are
    // formatted once for the screen, not five times over for the widths.
    view->horizontalHeader()->setResizeContentsPrecision(200);
    return view;
}

void ForecastTab::setEditPath(storage::Database &db)
{
    m_db = &db;
    m_revise->setEnabled(m_result != nullptr);
    m_reasonCodes->setEnabled(m_result != nullptr);
}

bool ForecastTab::editReasons()
{
    if (!m_db || !m_result)
        return false;
    ReasonCodesDialog dialog(*m_db, m_result->revisionReasons, m_result->uneditedReasons, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    markDataChanged(); // the next revision offers the new list
    return true;
}

bool ForecastTab::revise()
{
    if (!m_db || !m_result)
        return false;
    RevisionDialog dialog(*m_db, *m_result, m_now().toSecsSinceEpoch(), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    markDataChanged(); // the heat map shows it (the model stays: revisions do not retrain it)
    return true;
}

void ForecastTab::showRevisions(const ForecastView &v)
{
    const forecast::RevisionHeat &h = v.revisions;
    m_revisionsTitle->setText(tr("%n manual revision(s) of %1's forecasts for these months, by reason code and month",
                                 nullptr, h.total).arg(v.orgName));
    QStringList months;
    for (qint64 m : h.months)
        months << QLocale().toString(analytics::dayDate(m), QStringLiteral("yy-MM"));
    int most = 1;
    for (const std::vector<int> &row : h.counts)
        for (int n : row)
            most = std::max(most, n);
    QVector<HeatmapWidget::Cell> cells;
    for (int r = 0; r < h.reasons.size(); ++r)
        for (std::size_t c = 0; c < h.months.size(); ++c) {
            HeatmapWidget::Cell cell;
            const int n = h.counts[std::size_t(r)][c];
            if (n > 0) {
                cell.value = double(n) / most;
                cell.text = QString::number(n);
                cell.toolTip = tr("%1, %2: %n revision(s) — %3", nullptr, n)
                                   .arg(h.reasons[r], months[int(c)],
                                        h.units.value(h.reasons[r] + QLatin1Char('|') + QString::number(h.months[c]))
                                            .join(QStringLiteral(", ")));
            }
            cells << cell;
        }
    m_heat->setData(h.reasons, months, cells);
    m_revise->setEnabled(m_db != nullptr);
    m_reasonCodes->setEnabled(m_db != nullptr);
}

void ForecastTab::setSeed(quint64 seed)
{
    m_seed = seed;
    markDataChanged();
}

QString ForecastTab::busyText() const
{
    return m_cache->warm() ? tr("Computing the forecast…")
                           : tr("Reading the deals and rebuilding the backtest (once per version of the file)…");
}

void ForecastTab::requestFigures(const analytics::Scope &scope)
{
    if (!m_cache->warm())
        m_status->setText(tr("Reading the deals and rebuilding 18 months of forecasts for the backtest — once per "
                             "version of the file; a few seconds on a large file…"));
    // The figures first; the learned model (the longest part, once per file version) follows.
    watch<ForecastView>(forecast::requestForecastView(figures(), channel(), m_cache, scope, m_now().toSecsSinceEpoch(), m_seed,
                                                      forecast::ForecastParts::WithoutModel),
                        [this](const ForecastView &v) {
                            showResult(v);
                            if (v.modelPending)
                                requestModel();
                            else
                                Q_EMIT modelShown();
                        });
}

void ForecastTab::requestModel()
{
    whenFigure(this,
               forecast::requestForecastView(figures(), channel(), m_cache, scope(), m_now().toSecsSinceEpoch(), m_seed,
                                             forecast::ForecastParts::WithModel),
               [this](const analytics::FigureOutcome<ForecastView> &o) {
                   if (o.superseded())
                       return; // the scope changed: its own request asks again
                   if (o.failed())
                       showError(o.error);
                   else
                       showModel(o.value);
                   Q_EMIT modelShown();
               });
}

void ForecastTab::showModel(const ForecastView &v)
{
    // The same figures with the learned column: keep the deal selected and the sort.
    const QModelIndex current = m_dealsProxy->mapToSource(m_dealsView->currentIndex());
    const QVariant selected = current.isValid() ? m_dealsModel->index(current.row(), 0).data(analytics::DataTableModel::SortRole)
                                                : QVariant();
    const int sortColumn = m_dealsView->horizontalHeader()->sortIndicatorSection();
    const Qt::SortOrder order = m_dealsView->horizontalHeader()->sortIndicatorOrder();
    showResult(v);
    m_dealsView->sortByColumn(sortColumn, order);
    if (selected.isValid())
        for (int r = 0; r < m_dealsProxy->rowCount(); ++r) {
            const QModelIndex i = m_dealsProxy->index(r, 0);
            if (i.data(analytics::DataTableModel::SortRole) == selected) {
                m_dealsView->setCurrentIndex(i);
                break;
            }
        }
}

void ForecastTab::showError(const QString &message)
{
    m_status->setText(tr("The forecast could not be computed: %1").arg(message));
}

QString ForecastTab::headlineText(const ForecastView &v)
{
    const auto money = [&v](qint64 c) { return forecast::shortMoney(c, v.currency); };
    return tr("Expected won %1 (confidence %2, range %3–%4)")
        .arg(money(v.sim.p50), wholePct(v.sim.confidence), money(v.sim.p10), money(v.sim.p90));
}

QString ForecastTab::confidenceTip(const ForecastView &v)
{
    return tr("Confidence: the share of the %1 simulated outcomes that fall within ±20 % of the expected (P50) amount. "
              "The range is P10–P90: 8 of 10 simulated outcomes fall inside it.\n"
              "Each outcome adds what is already won in the period, each open deal won with its win probability and "
              "closing in the period %4, and one past period's new business. The model's own error: %3 (a month at the very "
              "start of the file's history, with no closed deal or no month of new business behind it, is left out). "
              "Seed %2: the same file, scope and seed give the same figures.")
        .arg(QLocale().toString(v.sim.draws))
        .arg(v.seed)
        .arg(forecast::errorBandText(v.sim.errorBand, v.errorRatios))
        .arg(v.closeDateWritten
                 ? tr("with the share of past won deals as old as it that closed inside it (this file writes each deal's "
                      "expected close date over with the real one when it closes, so the dates deals had before cannot be "
                      "known, nor how far they slipped: every open deal is timed by its age, today and in the backtest alike)")
                 : tr("with the chance its expected close date (moved by the slips of past won deals) falls inside it"));
}

void ForecastTab::showResult(const ForecastView &v)
{
    m_result = std::make_unique<ForecastView>(v);
    Q_EMIT orgUnitsLoaded(v.units);
    const auto money = [&v](qint64 c) { return forecast::shortMoney(c, v.currency); };
    m_headline->setText(headlineText(v));
    m_headline->setToolTip(confidenceTip(v));
    QString target = tr("%1 · %2 · already won %3 · %n open deal(s) in the period", nullptr, v.sim.dealsInPeriod)
                         .arg(v.scope.period.label(), v.orgName, money(v.alreadyWonCents));
    if (v.targetCents >= 0)
        target += QStringLiteral(" · ") + tr("target %1, probability of reaching it %2")
                                               .arg(money(v.targetCents), wholePct(v.sim.probabilityOfTarget));
    else
        target += QStringLiteral(" · ") + tr("no target set for this period and unit");
    m_target->setText(target);
    QStringList top = v.reasons.mid(0, 3);
    m_reasons->setText(top.isEmpty() ? QString() : tr("Confidence is lower because: %1").arg(top.join(QStringLiteral("; "))));
    m_reasons->setToolTip(v.reasons.join(QLatin1Char('\n')));

    QStringList status;
    if (v.closedDeals == 0)
        status << tr("This file has no closed deals yet: the learned model and the backtest need won and lost deals, so "
                     "they are empty, and each deal's probability is its rep's own percentage.");
    if (v.historical) {
        const QLocale locale;
        status << tr("This file's deals end on %1, more than %n day(s) ago: everything here is forecast as of %2, the day "
                     "after, as if it were then (an imported history's open deals were open when it was exported, not "
                     "today).", nullptr, forecast::kStaleDays)
                      .arg(locale.toString(analytics::dayDate(v.lastEventDay), QLocale::ShortFormat),
                           locale.toString(analytics::dayDate(v.asOfDay), QLocale::ShortFormat));
        if (analytics::dayNumber(v.scope.period.first) > v.asOfDay)
            status << tr("The period chosen starts after that day: choose one up to %1 to see a forecast of it.")
                          .arg(locale.toString(analytics::dayDate(v.asOfDay), QStringLiteral("yyyy-MM")));
    }
    if (v.modelPending)
        status << tr("Training the learned win model on %n closed deal(s); its column and evaluation follow in a moment.",
                     nullptr, v.closedDeals);
    if (v.trainedNow)
        status << tr("Trained the learned win model in %1 s (kept until the file changes).")
                      .arg(QLocale().toString(v.trainMs / 1000.0, 'f', 1));
    m_status->setText(status.join(QLatin1Char(' ')));

    m_fan->setMonths(v.fan, v.currency);
    if (v.coveredMonths == 0) {
        m_coverage->setText(tr("No backtest: no month before this one had deals to forecast from."));
    } else {
        QString text = tr("Backtest, each month forecast at its start from what was known then: the P10–P90 band "
                          "held the actual in %1 of %2 months (%3) — an 80 % band should hold about 80 %. Mean "
                          "accuracy (1 − |actual − P50| ÷ actual): %4.")
                           .arg(int(std::lround(v.coverage * double(v.coveredMonths))))
                           .arg(v.coveredMonths)
                           .arg(pctText(v.coverage), std::isnan(v.meanAccuracy) ? QStringLiteral("–") : pctText(v.meanAccuracy));
        if (const int idle = int(v.backtest.size()) - v.coveredMonths; idle > 0)
            text += QLatin1Char(' ') + tr("%n month(s) left out: nothing to forecast (no open deal, nothing won) or nothing to learn from (no deal "
                                          "closed before it).", nullptr, idle);
        m_coverage->setText(text);
    }
    m_backtestModel->setTable(v.backtestTable);
    for (const char *hidden : {"raw_p50_cents", "error_ratios", "in_band", "counted"})
        m_backtestView->setColumnHidden(v.backtestTable.columnIndex(QLatin1String(hidden)), true);
    m_backtestView->sortByColumn(0, Qt::DescendingOrder);
    m_backtestView->resizeColumnsToContents();

    m_dealsModel->setTable(v.dealsTable);
    m_dealsView->setColumnHidden(v.dealsTable.columnIndex(QStringLiteral("reasons")), true);
    m_dealsView->setColumnHidden(v.dealsTable.columnIndex(QStringLiteral("amount_estimated")), true);
    m_dealsView->setColumnHidden(v.dealsTable.columnIndex(QStringLiteral("lead_id")), true); // the title names it
    m_dealsView->sortByColumn(v.dealsTable.columnIndex(QStringLiteral("amount_cents")), Qt::DescendingOrder);
    m_dealsView->resizeColumnsToContents();
    if (const int title = v.dealsTable.columnIndex(QStringLiteral("title")); m_dealsView->columnWidth(title) > 240)
        m_dealsView->setColumnWidth(title, 240); // long titles are elided; double-click opens the lead
    m_dealsTitle->setText(tr("%n open deal(s) of %1: the explainable probability (the product of the factors) beside "
                             "the learned model's", nullptr, v.openDeals).arg(v.orgName));
    m_dealDetail->setText(tr("Select a deal to see each factor and why."));

    showRevisions(v);
    const forecast::ModelEvaluation &e = v.evaluation;
    if (v.modelPending) {
        m_model->setText(tr("Learned model: training on this file's closed deals…"));
        m_calibration->clearWith(tr("Training…"));
    } else if (!v.modelTrained) {
        m_model->setText(tr("Learned model: not trained (no closed deals before a cut-off to learn from)."));
        m_calibration->clearWith(tr("No held-out deals"));
    } else {
        m_model->setText(tr("Learned model (logistic regression), trained on %1 example(s) from deals closed before %2 and "
                            "tested on %n later deal(s): AUC %3 · Brier %4 · Brier skill %5 against the stage-rate "
                            "baseline (Brier %6). The explainable product on the same deals: AUC %7, skill %8.",
                            nullptr, e.testDeals)
                             .arg(QLocale().toString(e.trainExamples),
                                  QLocale().toString(analytics::dayDate(e.cutoffDay), QLocale::ShortFormat),
                                  num(e.auc, 3), num(e.brier, 3), num(e.brierSkill, 3), num(e.brierBaseline, 3),
                                  num(e.aucExplainable, 3), num(e.skillExplainable, 3)));
        m_model->setToolTip(tr("Measured, not claimed: the model never saw the test deals. AUC: the chance a won deal "
                               "scores above a lost one (0.5 is a coin). Brier: mean squared error of the probability "
                               "(lower is better). Skill: 1 − Brier ÷ the baseline's, where the baseline predicts each "
                               "stage's past win rate (above 0 beats it)."));
        m_calibration->setBins(e.calibration);
    }
}

void ForecastTab::showDealDetail()
{
    const QModelIndex current = m_dealsProxy->mapToSource(m_dealsView->currentIndex());
    const analytics::DataTable &t = m_dealsModel->table();
    if (!current.isValid() || current.row() >= t.rows.size())
        return;
    const QVariantList &row = t.rows.at(current.row());
    const int reasonsCol = t.columnIndex(QStringLiteral("reasons")), firstFactor = t.columnIndex(QStringLiteral("learned_pct")) + 1;
    const QStringList reasons = row.value(reasonsCol).toString().split(QStringLiteral("; "));
    QStringList parts;
    for (int c = firstFactor; c < reasonsCol; ++c) {
        const QString reason = reasons.value(c - firstFactor).section(QStringLiteral(": "), 1);
        parts << QStringLiteral("%1 %2 (%3)").arg(t.header(c), num(row.value(c).toDouble(), 2), reason);
    }
    const QString learned = row.value(firstFactor - 1).isNull() ? QStringLiteral("–") : num(row.value(firstFactor - 1).toDouble(), 1) + QStringLiteral(" %");
    m_dealDetail->setText(tr("Lead %1: %2 % = %3. Learned model: %4.")
                              .arg(row.value(0).toString(), num(row.value(t.columnIndex(QStringLiteral("win_pct"))).toDouble(), 1),
                                   parts.join(QStringLiteral(" · ")), learned));
}

void ForecastTab::openLead(const QModelIndex &index)
{
    const QString id = m_dealsProxy->mapToSource(index).data(analytics::DataTableModel::KeyRole).toString();
    if (!id.isEmpty())
        Q_EMIT leadActivated(id);
}

void ForecastTab::exportTable(analytics::DataTableModel *model, QTableView *view, const QString &title)
{
    if (!m_result)
        return;
    analytics::DataTable t = model->table(); // every column (the hidden ones explain the shown)
    t.title = title + QStringLiteral(" · ") + m_result->scope.period.label() + QStringLiteral(" · ") + m_result->orgName;
    TableExport::exportDataTableWithDialog(this, t, TableExport::shownSourceRows(view, model));
}

void ForecastTab::exportBacktest()
{
    exportTable(m_backtestModel, m_backtestView, tr("Forecast backtest"));
}

void ForecastTab::exportDeals()
{
    exportTable(m_dealsModel, m_dealsView, tr("Win probability of open deals"));
}

} // namespace cockpit::ui

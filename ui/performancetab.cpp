#include "performancetab.h"

#include "domain/money.h"
#include "figurewatch.h"
#include "widgethelpers.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace cockpit::ui {

using namespace targets;

namespace {
QTableView *makeTable(QAbstractItemModel *model, QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QStandardItem *cell(const QVariant &display, bool right = false)
{
    auto *item = new QStandardItem;
    item->setData(display, Qt::DisplayRole);
    item->setEditable(false);
    if (right)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString markLabel(DealMark m)
{
    switch (m) {
    case DealMark::Open: return PerformanceTab::tr("open");
    case DealMark::Won: return PerformanceTab::tr("won");
    case DealMark::Lost: return PerformanceTab::tr("lost");
    }
    return {};
}

// Space or Enter on a deal row cycles its mark (a double-click does the same).
class DealKeys : public QObject
{
public:
    DealKeys(QTableView *view, std::function<void(int)> cycle) : QObject(view), m_view(view), m_cycle(std::move(cycle)) {}
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() != QEvent::KeyPress)
            return false;
        const int key = static_cast<QKeyEvent *>(e)->key();
        if ((key == Qt::Key_Space || key == Qt::Key_Return || key == Qt::Key_Enter) && m_view->currentIndex().isValid()) {
            m_cycle(m_view->currentIndex().row());
            return true;
        }
        return false;
    }

private:
    QTableView *m_view;
    std::function<void(int)> m_cycle;
};
} // namespace

PerformanceTab::PerformanceTab(analytics::FigureService &figures, analytics::ScopeState &scope, Now now, QWidget *parent)
    : PlanningTab(figures, scope, parent), m_now(std::move(now))
{
    setObjectName(QStringLiteral("performanceTab"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    m_error = errorLabel(this);
    layout->addWidget(m_error);

    auto *split = new QSplitter(Qt::Vertical, this);
    // Ranking with the two short lists beside it.
    auto *top = new QWidget(split);
    auto *topLayout = new QHBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto *rankingBox = new QVBoxLayout;
    auto *rankingTitle = new QLabel(tr("<b>Performance ranking</b> (active reps)"), top);
    rankingTitle->setToolTip(tr("Score 0–100 = collections 40 % + gross margin 25 % + new customers 15 % + satisfaction "
                                "10 % + compliance 10 %, each dimension scaled over the ranked reps; a dimension without "
                                "data is left out and the other weights renormalise. Reps who left in the period or were "
                                "employed on too few working days are listed apart, never ranked."));
    m_rankingModel = new QStandardItemModel(this);
    m_ranking = makeTable(m_rankingModel, top, QStringLiteral("performanceRanking"));
    m_ranking->setSortingEnabled(true);
    m_ranking->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_apart = new QLabel(top);
    m_apart->setWordWrap(true);
    rankingBox->addWidget(rankingTitle);
    rankingBox->addWidget(m_ranking, 1);
    rankingBox->addWidget(m_apart);
    auto *lists = new QVBoxLayout;
    m_improved = new QListWidget(top);
    m_improved->setObjectName(QStringLiteral("mostImproved"));
    m_margin = new QListWidget(top);
    m_margin->setObjectName(QStringLiteral("highestMargin"));
    auto *improvedTitle = new QLabel(tr("<b>Most improved</b> (score change from the previous period)"), top);
    improvedTitle->setWordWrap(true);
    auto *marginTitle = new QLabel(tr("<b>Highest gross margin</b>"), top);
    lists->addWidget(improvedTitle);
    lists->addWidget(m_improved, 1);
    lists->addWidget(marginTitle);
    lists->addWidget(m_margin, 1);
    topLayout->addLayout(rankingBox, 3);
    topLayout->addLayout(lists, 1);

    // The bonus simulator.
    auto *bonus = new QGroupBox(tr("Bonus simulator (what-ifs: nothing is saved)"), split);
    bonus->setToolTip(tr("Each rep's bonus range from its target, what it collected and its open deals expected to close "
                         "in the period. Change a target or mark deals; the ranges and the team total follow."));
    auto *bonusLayout = new QVBoxLayout(bonus);
    m_bonusNote = new QLabel(bonus);
    m_bonusNote->setWordWrap(true);
    auto *bonusTables = new QHBoxLayout;
    m_repsModel = new QStandardItemModel(this);
    m_bonusReps = makeTable(m_repsModel, bonus, QStringLiteral("bonusReps"));
    m_bonusReps->setToolTip(tr("Double-click or press F2 on a target to change it (\"82万\", \"820000\"). Bonus: 0 below "
                               "70 % attainment, 50 % of the target bonus at 70 % rising to 100 % at 100 %, 2 points per "
                               "point above, at most 150 %. Low and high: collected + the deals marked won + the P10 "
                               "and P90 of %1 simulations of the other open deals, each won with its chance in the "
                               "period from the forecast (deals marked lost count nothing).")
                                .arg(QLocale().toString(targets::kBonusDraws)));
    m_dealsModel = new QStandardItemModel(this);
    m_bonusDeals = makeTable(m_dealsModel, bonus, QStringLiteral("bonusDeals"));
    m_bonusDeals->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_bonusDeals->setToolTip(tr("Open deals expected to close in the period, with their chance of being won inside it "
                                "(the forecast's win probability × the chance it closes in the period). Double-click, "
                                "Space or Enter: open → won → lost → open."));
    m_bonusDeals->installEventFilter(new DealKeys(m_bonusDeals, [this](int row) { cycleMark(row); }));
    bonusTables->addWidget(m_bonusReps, 3);
    bonusTables->addWidget(m_bonusDeals, 2);
    auto *footer = new QHBoxLayout;
    m_team = new QLabel(bonus);
    m_team->setObjectName(QStringLiteral("bonusTeamTotal"));
    auto *reset = new QPushButton(tr("&Reset"), bonus);
    reset->setToolTip(tr("Back to the targets and deals of the file"));
    footer->addWidget(m_team, 1);
    footer->addWidget(reset);
    bonusLayout->addWidget(m_bonusNote);
    bonusLayout->addLayout(bonusTables, 1);
    bonusLayout->addLayout(footer);
    split->addWidget(top);
    split->addWidget(bonus);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({360, 320});
    layout->addWidget(split, 1);

    connect(reset, &QPushButton::clicked, this, &PerformanceTab::resetSimulation);
    connect(m_bonusDeals, &QTableView::doubleClicked, this, [this](const QModelIndex &i) { cycleMark(i.row()); });
    connect(m_repsModel, &QStandardItemModel::itemChanged, this, [this](QStandardItem *item) {
        if (m_filling || item->column() != 1)
            return;
        if (!setTarget(item->row(), item->text()))
            simulate(); // puts the valid target back
    });
}

QString PerformanceTab::busyText() const
{
    return tr("Scoring the reps…");
}

QString PerformanceTab::money(qint64 cents) const
{
    return formatMoney(cents, m_data ? m_data->currency : QStringLiteral("CNY"), QLocale());
}

void PerformanceTab::requestFigures(const analytics::Scope &scope)
{
    watch<PerformanceFigures>(figures().compute<PerformanceFigures>(
                                  channel(), performanceFigures(scope, m_now().toUTC().toString(Qt::ISODate), figures().teamHealthCache())),
                              [this](const PerformanceFigures &f) { showResult(f); });
}

void PerformanceTab::showError(const QString &message)
{
    m_error->setText(tr("The performance figures could not be computed: %1").arg(message));
    m_error->show();
}

void PerformanceTab::showResult(const PerformanceFigures &f)
{
    m_error->hide();
    m_data = std::make_shared<PerformanceFigures>(f);
    Q_EMIT orgUnitsLoaded(f.units);
    fillRanking();
    resetSimulation();
}

void PerformanceTab::fillRanking()
{
    const QLocale locale;
    const PerformanceFigures &f = *m_data;
    m_ranking->setSortingEnabled(false);
    m_rankingModel->clear();
    QStringList headers{tr("Rank"), tr("Rep"), tr("Score")};
    for (int d = 0; d < kPerfDims; ++d)
        headers << perfDimLabel(PerfDim(d));
    headers << tr("Weakest") << tr("Suggested training");
    m_rankingModel->setHorizontalHeaderLabels(headers);
    const auto num = [](const std::optional<double> &x) { return x ? QVariant(std::round(*x * 10.0) / 10.0) : QVariant(); };
    for (const RepScore &s : f.scores) {
        QList<QStandardItem *> row{cell(s.rank, true), cell(s.name), cell(num(s.score), true)};
        for (int d = 0; d < kPerfDims; ++d)
            row << cell(num(s.dims[d]), true);
        row << cell(s.weakest ? perfDimLabel(*s.weakest) : QString())
            << cell(s.weakest ? suggestedTraining(*s.weakest) : QString());
        row[2]->setToolTip(s.breakdown);
        m_rankingModel->appendRow(row);
    }
    m_ranking->setSortingEnabled(true);
    m_ranking->sortByColumn(0, Qt::AscendingOrder);
    m_ranking->resizeColumnsToContents();
    QStringList apart;
    for (const RepInputs &r : f.inputs) {
        const auto standing = analytics::RepStanding(f.standing.value(r.repId));
        if (standing != analytics::RepStanding::Ranked)
            apart << QStringLiteral("%1 (%2)").arg(r.name, standing == analytics::RepStanding::Left
                                                                ? tr("left") : tr("too little data"));
    }
    m_apart->setText(apart.isEmpty() ? QString() : tr("Shown apart, not ranked: %1").arg(apart.join(QStringLiteral(", "))));
    m_improved->clear();
    for (int i = 0; i < f.improved.size() && i < 10; ++i) {
        const Improvement &m = f.improved[i];
        m_improved->addItem(tr("%1  %2 → %3 (%4)").arg(m.name, locale.toString(m.before, 'f', 1), locale.toString(m.now, 'f', 1),
                                                      (m.delta >= 0 ? QStringLiteral("+") : QString()) + locale.toString(m.delta, 'f', 1)));
    }
    if (f.improved.isEmpty())
        m_improved->addItem(tr("No rep was scored in both periods."));
    m_margin->clear();
    for (int i = 0; i < f.byMargin.size() && i < 10; ++i)
        m_margin->addItem(QStringLiteral("%1  %2").arg(f.byMargin[i].name, money(f.byMargin[i].marginCents)));
}

void PerformanceTab::resetSimulation()
{
    if (!m_data)
        return;
    m_reps = m_data->bonusReps;
    m_deals = m_data->bonusDeals;
    m_bonusNote->setVisible(!m_data->targetPeriod);
    m_bonusNote->setText(m_data->targetPeriod
                             ? QString()
                             : tr("The bonus needs targets, which are set per month, quarter or year: pick one of those "
                                  "periods."));
    simulate();
}

bool PerformanceTab::setTarget(int row, const QString &text)
{
    if (row < 0 || row >= m_reps.size())
        return false;
    const std::optional<qint64> cents = parseCny(text);
    if (!cents) {
        m_bonusNote->show();
        m_bonusNote->setText(tr("\"%1\" is not an amount: type it like 820000, 82万 or ¥820,000.").arg(text));
        return false;
    }
    m_reps[row].targetCents = *cents;
    simulate();
    return true;
}

void PerformanceTab::cycleMark(int dealRow)
{
    if (dealRow < 0 || dealRow >= m_deals.size())
        return;
    DealMark &m = m_deals[dealRow].mark;
    m = m == DealMark::Open ? DealMark::Won : m == DealMark::Won ? DealMark::Lost : DealMark::Open;
    simulate();
    m_bonusDeals->setCurrentIndex(m_dealsModel->index(dealRow, 0));
}

void PerformanceTab::simulate()
{
    m_filling = true;
    const BonusSimulation sim = simulateBonus(m_reps, m_deals);
    QHash<QString, const BonusRange *> ranges;
    for (const BonusRange &r : sim.reps)
        ranges.insert(r.repId, &r);
    QHash<QString, QString> names;
    QHash<QString, qint64> openByRep;
    for (const SimDeal &d : m_deals)
        if (d.mark == DealMark::Open)
            openByRep[d.repId] += d.amountCents;
    m_repsModel->clear();
    m_repsModel->setHorizontalHeaderLabels({tr("Rep"), tr("Target"), tr("Collected"), tr("Open deals"), tr("Bonus low"),
                                            tr("Bonus high")});
    for (const SimRep &r : m_reps) {
        names.insert(r.repId, r.name);
        const BonusRange *b = ranges.value(r.repId);
        auto *target = cell(money(r.targetCents), true);
        target->setEditable(true);
        m_repsModel->appendRow({cell(r.name), target, cell(money(r.collectedCents), true),
                                cell(money(openByRep.value(r.repId)), true), cell(b ? money(b->lowBonusCents) : QString(), true),
                                cell(b ? money(b->highBonusCents) : QString(), true)});
    }
    m_dealsModel->clear();
    m_dealsModel->setHorizontalHeaderLabels({tr("Deal"), tr("Rep"), tr("Amount"), tr("Mark"), tr("Chance in period")});
    for (const SimDeal &d : m_deals) {
        auto *mark = cell(markLabel(d.mark));
        if (d.mark == DealMark::Won)
            mark->setForeground(QColor(0x2e, 0x7d, 0x32));
        else if (d.mark == DealMark::Lost)
            mark->setForeground(QColor(0xc6, 0x28, 0x28));
        m_dealsModel->appendRow({cell(m_data ? m_data->dealTitles.value(d.id, d.id) : d.id), cell(names.value(d.repId)),
                                 cell(money(d.amountCents), true), mark,
                                 cell(d.probability >= 0 ? QLocale().toString(100.0 * d.probability, 'f', 0) + QStringLiteral(" %")
                                                         : QString(),
                                      true)});
    }
    m_bonusReps->resizeColumnsToContents();
    m_bonusDeals->resizeColumnsToContents();
    m_team->setText(tr("Team bonus: %1 – %2 (%n rep(s))", nullptr, int(m_reps.size()))
                        .arg(money(sim.teamLowCents), money(sim.teamHighCents)));
    m_filling = false;
}

} // namespace cockpit::ui

#include "targetstab.h"

#include "chartstyle.h"
#include "charts/gaugewidget.h"
#include "charts/targetforecastchart.h"
#include "exporting.h"
#include "tableexport.h"
#include "targets/targetreports.h"
#include "targettreemodel.h"

#include <QAction>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace cockpit::ui {

using namespace targets;
using analytics::OrgLevel;
using analytics::Rag;

namespace {
constexpr int kChildGauges = 5; // the scope's node and its largest children by target

QLabel *bannerLabel(QWidget *parent, const QString &name)
{
    auto *l = new QLabel(parent);
    l->setObjectName(name);
    l->setWordWrap(true);
    l->setVisible(false);
    return l;
}

void paintBanner(QLabel *label, Rag rag)
{
    const QColor c = ragColor(rag);
    label->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; padding: 4px 8px; border-radius: 3px; }")
                             .arg(c.name(), textOn(c).name()));
}
} // namespace

TargetsTab::TargetsTab(analytics::FigureService &figures, analytics::ScopeState &scope, Now now, QWidget *parent)
    : PlanningTab(figures, scope, parent), m_now(std::move(now))
{
    setObjectName(QStringLiteral("targetsTab"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(6);

    auto *bar = new QHBoxLayout;
    auto *modeLabel = new QLabel(tr("When a child's target is edited:"), this);
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("targetEditMode"));
    m_mode->addItem(tr("Re-balance its siblings"), int(EditMode::Rebalance));
    m_mode->addItem(tr("Flag the parent"), int(EditMode::Flag));
    m_mode->setToolTip(tr("Editing a parent always redistributes it to the units below in proportion to their targets. "
                          "Editing a child either gives its siblings the rest of the parent's target, or keeps the "
                          "parent and flags that the sums differ."));
    modeLabel->setBuddy(m_mode);
    m_adopt = new QPushButton(tr("Adopt proposal"), this);
    m_adopt->setObjectName(QStringLiteral("adoptProposal"));
    m_adopt->setToolTip(tr("The selected unit takes its proposed target, and the units below it theirs (Ctrl+Shift+A)"));
    m_terms = new QPushButton(tr("Terms…"), this);
    m_terms->setObjectName(QStringLiteral("targetTerms"));
    m_terms->setToolTip(tr("Set the selected rep's tier, growth and external correction with its reason, and the "
                           "target they propose; on a region or city, one correction for every rep under it (F4; "
                           "Ctrl+Z undoes it)"));
    m_approve = new QPushButton(tr("Approve"), this);
    m_approve->setObjectName(QStringLiteral("approveTargets"));
    m_approve->setToolTip(tr("Approve the targets of this period: every unit must equal the sum of the units below it "
                             "(Ctrl+Shift+Return; Ctrl+Z undoes it). An edit afterwards makes them a draft again."));
    m_split = new QPushButton(tr("Split into months"), this);
    m_split->setObjectName(QStringLiteral("splitPeriod"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("targetsStatus"));
    QAction *exportAction = TableExport::addExportAction(this);
    exportAction->setText(tr("Export table…"));
    exportAction->setToolTip(tr("Export the targets of the units shown, with every figure behind them, as an Excel "
                                "workbook or CSV (Ctrl+E)"));
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setDefaultAction(exportAction);
    auto *pngButton = new QToolButton(this);
    pngButton->setObjectName(QStringLiteral("chartsPngButton"));
    pngButton->setText(tr("Charts PNG…"));
    pngButton->setToolTip(tr("Save the gauges or the forecast chart as a PNG image"));
    pngButton->setPopupMode(QToolButton::InstantPopup);
    auto *pngMenu = new QMenu(pngButton);
    pngMenu->addAction(tr("Gauges as PNG…"), this, [this] { exportPng(m_gaugeBox, tr("Attainment")); });
    pngMenu->addAction(tr("Forecast chart as PNG…"), this, [this] { exportPng(m_chart, tr("Rolling forecast")); });
    pngButton->setMenu(pngMenu);
    bar->addWidget(modeLabel);
    bar->addWidget(m_mode);
    bar->addWidget(m_adopt);
    bar->addWidget(m_terms);
    bar->addWidget(m_approve);
    bar->addWidget(m_split);
    bar->addWidget(m_status);
    bar->addStretch(1);
    bar->addWidget(exportButton);
    bar->addWidget(pngButton);
    layout->addLayout(bar);

    m_note = bannerLabel(this, QStringLiteral("targetsNote"));
    m_banner = bannerLabel(this, QStringLiteral("capacityGapBanner"));
    m_message = bannerLabel(this, QStringLiteral("targetsMessage"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_note);
    layout->addWidget(m_banner);
    layout->addWidget(m_message);

    // Left: the tree above the forecast chart (the chart needs the width for twelve months);
    // right: the gauges.
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("targetsSplit"));
    auto *left = new QSplitter(Qt::Vertical, split);
    m_model = new TargetTreeModel(this);
    m_tree = new QTreeView(left);
    m_tree->setObjectName(QStringLiteral("targetsTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(TargetTreeModel::Name, QHeaderView::Stretch);
    m_tree->setToolTip(tr("Double-click a target or press F2 to edit it, e.g. 820000 or 82万"));
    m_chart = new TargetForecastChart(left);
    left->addWidget(m_tree);
    left->addWidget(m_chart);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);
    left->setSizes({330, 270});
    m_gaugeBox = new QWidget(split);
    m_gaugeBox->setObjectName(QStringLiteral("targetGauges"));
    m_gaugeGrid = new QGridLayout(m_gaugeBox);
    m_gaugeGrid->setContentsMargins(0, 0, 0, 0);
    m_gaugeGrid->setSpacing(4);
    for (int g = 0; g <= kChildGauges; ++g) {
        auto *gauge = new GaugeWidget(m_gaugeBox);
        gauge->setObjectName(QStringLiteral("targetGauge%1").arg(g));
        gauge->setVisible(false);
        m_gaugeGrid->addWidget(gauge, g / 2, g % 2);
        m_gauges << gauge;
        connect(gauge, &GaugeWidget::clicked, this, [this, gauge] { selectNode(gauge->property("node").toInt()); });
    }
    m_gaugeGrid->setRowStretch(kChildGauges / 2 + 1, 1);
    split->addWidget(left);
    split->addWidget(m_gaugeBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    split->setSizes({900, 300});
    layout->addWidget(split, 1);

    // F2 edits the row's target whichever cell is current (eventFilter).
    m_tree->installEventFilter(this);
    auto *adoptAction = new QAction(m_adopt->text(), this);
    adoptAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    adoptAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(adoptAction);
    connect(adoptAction, &QAction::triggered, this, [this] { adoptProposal(currentNode()); });
    connect(m_adopt, &QPushButton::clicked, this, [this] { adoptProposal(currentNode()); });
    auto *termsAction = new QAction(m_terms->text(), this);
    termsAction->setShortcut(QKeySequence(Qt::Key_F4));
    termsAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(termsAction);
    connect(termsAction, &QAction::triggered, this, [this] { editTerms(currentNode()); });
    connect(m_terms, &QPushButton::clicked, this, [this] { editTerms(currentNode()); });
    auto *approveAction = new QAction(m_approve->text(), this);
    approveAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter)});
    approveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(approveAction);
    connect(approveAction, &QAction::triggered, this, &TargetsTab::approve);
    connect(m_approve, &QPushButton::clicked, this, &TargetsTab::approve);
    auto *splitAction = new QAction(m_split->text(), this);
    splitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    splitAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(splitAction);
    connect(splitAction, &QAction::triggered, this, &TargetsTab::splitPeriod);
    connect(m_split, &QPushButton::clicked, this, &TargetsTab::splitPeriod);
    connect(m_model, &TargetTreeModel::editRequested, this, &TargetsTab::editTarget);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { updateChart(); });
    connect(exportAction, &QAction::triggered, this, &TargetsTab::exportTable);
    // The figures read the whole company: a write anywhere makes them stale (the base class
    // recomputes); without one an org change re-filters what is here.
    connect(&figures, &analytics::FigureService::dataChanged, this, [this] { m_dirty = true; });
}

bool TargetsTab::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_F2) {
        const QModelIndex i = m_tree->currentIndex();
        if (i.isValid())
            m_tree->edit(i.siblingAtColumn(TargetTreeModel::Target));
        return true;
    }
    return PlanningTab::eventFilter(watched, event);
}

void TargetsTab::setEditPath(storage::Database &db, QUndoStack &stack)
{
    m_db = &db;
    m_stack = &stack;
    updateStatus();
}

QString TargetsTab::busyText() const { return tr("Computing targets…"); }

QDate TargetsTab::asOfDay() const
{
    return analytics::companyDay((m_now ? m_now() : QDateTime::currentDateTimeUtc()).toUTC().toString(Qt::ISODate));
}

void TargetsTab::requestFigures(const analytics::Scope &scope)
{
    const QDate asOf = asOfDay();
    const std::optional<analytics::Period> period = targetsPeriod(scope.period, nullptr, nullptr);
    const bool kept = m_fig && !m_dirty && period && m_fig->view.period == *period && m_fig->asOfDay == asOf;
    m_dirty = false; // a new computation reads the file as it is now
    watch<TargetsFiguresPtr>(requestTargetsFigures(figures(), channel(), scope.period, asOf, kept ? m_fig : nullptr),
                             [this](const TargetsFiguresPtr &f) { showFigures(f); });
}

void TargetsTab::showError(const QString &message)
{
    m_model->setView(nullptr, {});
    m_fig.reset();
    for (GaugeWidget *g : std::as_const(m_gauges))
        g->setVisible(false);
    m_chart->clear(QString());
    m_banner->setVisible(false);
    m_note->setVisible(false);
    paintBanner(m_message, Rag::Yellow);
    m_message->setText(message);
    m_message->setVisible(true);
}

void TargetsTab::showFigures(const TargetsFiguresPtr &figures)
{
    // What the user had open and selected survives a recompute of the same period and unit
    // (an edit's, an undo's): nodes are matched by level and id.
    using Key = QPair<int, QString>;
    auto keyOf = [this](int node) {
        const TargetNode &n = m_fig->view.tree.nodes[node];
        return Key(int(n.level), n.orgId);
    };
    const bool samePlace = m_fig && m_fig->view.period == figures->view.period && m_shownOrg == scope().org;
    std::optional<Key> selectedKey;
    QSet<Key> expanded;
    if (samePlace) {
        if (currentNode() >= 0)
            selectedKey = keyOf(currentNode());
        for (int i = 0; i < m_fig->view.tree.nodes.size(); ++i)
            if (m_tree->isExpanded(m_model->indexOfNode(i)))
                expanded.insert(keyOf(i));
    }
    m_fig = figures;
    m_shownOrg = scope().org;
    if (!m_orgUnitsSent) {
        Q_EMIT orgUnitsLoaded(m_fig->units);
        m_orgUnitsSent = true;
    }
    const QVector<int> nodes = shownNodes();
    QVector<int> roots;
    if (scope().org.level == OrgLevel::Team)
        roots = nodes;
    else if (!nodes.isEmpty())
        roots = {nodes.first()};
    m_model->setView(std::shared_ptr<const TargetsView>(m_fig, &m_fig->view), roots);
    if (!samePlace && roots.size() == 1)
        m_tree->expandToDepth(1); // the root and the level below it open
    int selected = roots.value(0, -1);
    for (int i = 0; samePlace && i < m_fig->view.tree.nodes.size(); ++i) {
        const Key k = keyOf(i);
        if (expanded.contains(k))
            m_tree->expand(m_model->indexOfNode(i));
        if (selectedKey && k == *selectedKey)
            selected = i;
    }
    QString note;
    targetsPeriod(scope().period, &note, nullptr);
    if (nodes.isEmpty())
        note = tr("%1 has no targets in this tree (no rep of it is employed in %2).")
                   .arg(m_fig->units.name(scope().org), m_fig->view.period.label());
    m_note->setText(note);
    paintBanner(m_note, Rag::Grey);
    m_note->setVisible(!note.isEmpty());
    if (!m_message->property("sticky").toBool())
        m_message->setVisible(false);
    m_message->setProperty("sticky", false);
    selectNode(selected);
    updateGauges();
    updateBanner();
    updateChart();
    updateStatus();
}

QVector<int> TargetsTab::shownNodes() const
{
    return m_fig ? nodesWithin(m_fig->view.tree, scope().org, m_fig->units) : QVector<int>{};
}

int TargetsTab::currentNode() const { return m_model->nodeOf(m_tree->currentIndex()); }

void TargetsTab::selectNode(int node)
{
    const QModelIndex i = m_model->indexOfNode(node);
    if (!i.isValid())
        return;
    m_tree->setCurrentIndex(i);
    m_tree->scrollTo(i);
}

void TargetsTab::showMessage(const QString &text, bool error)
{
    paintBanner(m_message, error ? Rag::Red : Rag::Green);
    m_message->setText(text);
    m_message->setVisible(true);
    // Kept over the recompute the save causes, so the user sees what happened.
    m_message->setProperty("sticky", true);
}

QVector<GaugeWidget *> TargetsTab::gauges() const
{
    QVector<GaugeWidget *> shown;
    for (GaugeWidget *g : m_gauges)
        if (!g->isHidden())
            shown << g;
    return shown;
}

void TargetsTab::updateGauges()
{
    QVector<int> nodes;
    if (m_fig) {
        const QVector<int> within = shownNodes();
        QVector<int> children;
        if (scope().org.level == OrgLevel::Team) {
            children = within;
        } else if (!within.isEmpty()) {
            nodes << within.first();
            children = m_fig->view.tree.nodes[within.first()].children;
        }
        const TargetsView &v = m_fig->view;
        std::stable_sort(children.begin(), children.end(),
                         [&v](int a, int b) { return v.rows[a].targetCents > v.rows[b].targetCents; });
        nodes << children.mid(0, kChildGauges + 1 - nodes.size());
    }
    for (int g = 0; g < m_gauges.size(); ++g) {
        GaugeWidget *gauge = m_gauges[g];
        gauge->setVisible(g < nodes.size());
        if (g >= nodes.size())
            continue;
        const TargetRow &r = m_fig->view.rows[nodes[g]];
        gauge->setProperty("node", nodes[g]);
        gauge->setValue(m_fig->view.tree.nodes[nodes[g]].name, r.attainmentPct, r.colour);
    }
}

void TargetsTab::updateChart()
{
    const int node = currentNode();
    if (!m_fig || node < 0) {
        m_chart->clear(QString());
        return;
    }
    m_chart->setRow(m_fig->view.tree.nodes[node].name, m_fig->view.rows[node], m_fig->view.forecastMonths);
}

void TargetsTab::updateBanner()
{
    const QVector<int> nodes = shownNodes();
    if (!m_fig || nodes.isEmpty() || scope().org.level == OrgLevel::Team) {
        m_banner->setVisible(false);
        return;
    }
    const CapacityGap &gap = m_fig->view.rows[nodes.first()].gap;
    m_banner->setVisible(gap.enoughData && gap.applies);
    if (!m_banner->isVisibleTo(this))
        return;
    const analytics::Period quarter = analytics::Period::quarter(m_fig->asOfDay);
    m_banner->setText(tr("%1, %2 (days left: %3): %4")
                          .arg(quarter.label(), m_fig->view.tree.nodes[nodes.first()].name)
                          .arg(gap.daysLeft)
                          .arg(gap.text));
    m_banner->setToolTip(gap.arithmetic);
    paintBanner(m_banner, gap.gapCents > 0 ? Rag::Red : Rag::Green);
}

void TargetsTab::exportTable()
{
    if (!m_fig)
        return;
    const analytics::DataTable table = targetsTable(m_fig->view, shownNodes(), OrgLevel::Rep);
    TableExport::exportDataTableWithDialog(this, table);
}

void TargetsTab::exportPng(QWidget *widget, const QString &what)
{
    const QString period = m_fig ? m_fig->view.period.label() : QString();
    exportWidgetPng(widget, this, safeFileName(what + QLatin1Char(' ') + period));
}

} // namespace cockpit::ui

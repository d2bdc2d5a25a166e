#include "correlationtab.h"

#include "charts/correlationchart.h"
#include "tableexport.h"
#include "widgethelpers.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <limits>

namespace cockpit::ui {

using namespace targets;

namespace {
constexpr int kRepIdRole = Qt::UserRole + 1;
constexpr int kSortRole = Qt::UserRole + 2;

QComboBox *metricCombo(QWidget *parent, const QString &name, CorrMetric current)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(name);
    for (const CorrMetric m : corrMetrics())
        combo->addItem(corrMetricLabel(m), int(m));
    combo->setCurrentIndex(combo->findData(int(current)));
    return combo;
}

QStandardItem *valueItem(CorrMetric m, const std::optional<double> &v)
{
    auto *item = new QStandardItem(v ? corrMetricText(m, *v) : QStringLiteral("—"));
    item->setData(v ? *v : -std::numeric_limits<double>::infinity(), kSortRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setEditable(false);
    return item;
}

// A metric's name as a narrow column header: words on lines of about 10 characters.
QString narrowHeader(const QString &label)
{
    QStringList lines;
    for (const QString &word : label.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!lines.isEmpty() && lines.last().size() + 1 + word.size() <= 10)
            lines.last() += QLatin1Char(' ') + word;
        else
            lines << word;
    }
    return lines.join(QLatin1Char('\n'));
}
} // namespace

CorrelationTab::CorrelationTab(analytics::FigureService &figures, analytics::ScopeState &scope, Now now, QWidget *parent)
    : PlanningTab(figures, scope, parent), m_now(std::move(now))
{
    setObjectName(QStringLiteral("correlationTab"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);

    auto *bar = new QHBoxLayout;
    m_x = metricCombo(this, QStringLiteral("correlationX"), CorrMetric::Compliance);
    m_y = metricCombo(this, QStringLiteral("correlationY"), CorrMetric::WinRate);
    auto *xLabel = new QLabel(tr("&X axis:"), this);
    auto *yLabel = new QLabel(tr("&Y axis:"), this);
    xLabel->setBuddy(m_x);
    yLabel->setBuddy(m_y);
    m_x->setToolTip(tr("The metric across: a process figure of team health, new customers or the win rate"));
    m_y->setToolTip(tr("The metric up: the win rate (won / closed deals in the period) unless you pick another"));
    QAction *exportAction = TableExport::addExportAction(this);
    exportAction->setText(tr("Export points…"));
    exportAction->setToolTip(tr("Export each rep's two values, the line's value and whether the rep is in the fit, as "
                                "an Excel workbook or CSV (Ctrl+E)"));
    bar->addWidget(xLabel);
    bar->addWidget(m_x);
    bar->addSpacing(12);
    bar->addWidget(yLabel);
    bar->addWidget(m_y);
    bar->addStretch(1);
    bar->addWidget(TableExport::exportButton(exportAction, this));
    layout->addLayout(bar);

    m_error = errorLabel(this);
    layout->addWidget(m_error);
    m_fit = new QLabel(this);
    m_fit->setObjectName(QStringLiteral("correlationFit"));
    m_fit->setWordWrap(true);
    m_fit->setToolTip(tr("n: reps with both values (ranked reps only: those who left or have too little data are never "
                         "compared). R²: the share of the spread of y that the straight line explains, 0 to 1. The "
                         "line is the least-squares fit; it shows a relation, not a cause."));
    QFont bold = m_fit->font();
    bold.setBold(true);
    m_fit->setFont(bold);
    layout->addWidget(m_fit);

    auto *split = new QSplitter(Qt::Horizontal, this);
    m_chart = new CorrelationChart(split);
    auto *side = new QWidget(split);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    m_model = new QStandardItemModel(this);
    m_model->setSortRole(kSortRole);
    m_table = new QTableView(side);
    m_table->setObjectName(QStringLiteral("correlationReps"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *hint = new QLabel(tr("Click a point, or double-click a rep or press Enter on it, to open the rep on the Team screen."),
                            side);
    hint->setWordWrap(true);
    sideLayout->addWidget(m_table, 1);
    sideLayout->addWidget(hint);
    split->addWidget(m_chart);
    split->addWidget(side);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 2);
    split->setSizes({900, 380});
    layout->addWidget(split, 1);

    auto *open = new QAction(tr("Open the rep"), this);
    open->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    open->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(open);
    connect(open, &QAction::triggered, this, [this] {
        if (m_table->currentIndex().isValid())
            activateRow(m_table->currentIndex().row());
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &i) { activateRow(i.row()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &i) {
        m_chart->setHighlighted(i.isValid() ? m_model->index(i.row(), 0).data(kRepIdRole).toString() : QString());
    });
    connect(m_chart, &CorrelationChart::repClicked, this, &CorrelationTab::repActivated);
    connect(m_x, &QComboBox::currentIndexChanged, this, &CorrelationTab::refit);
    connect(m_y, &QComboBox::currentIndexChanged, this, &CorrelationTab::refit);
    connect(exportAction, &QAction::triggered, this, &CorrelationTab::exportTable);
}

QString CorrelationTab::busyText() const
{
    return tr("Reading the reps' figures…");
}

void CorrelationTab::requestFigures(const analytics::Scope &scope)
{
    watch<CorrelationFigures>(figures().compute<CorrelationFigures>(
                                  channel(), correlationFigures(scope, m_now().toUTC().toString(Qt::ISODate), figures().teamHealthCache())),
                              [this](const CorrelationFigures &f) { showResult(f); });
}

void CorrelationTab::showError(const QString &message)
{
    m_error->setText(tr("The reps' figures could not be read: %1").arg(message));
    m_error->show();
}

void CorrelationTab::showResult(const CorrelationFigures &f)
{
    m_error->hide();
    m_data = std::make_shared<CorrelationFigures>(f);
    Q_EMIT orgUnitsLoaded(f.units);
    refit();
}

void CorrelationTab::setMetrics(CorrMetric x, CorrMetric y)
{
    m_x->setCurrentIndex(m_x->findData(int(x)));
    m_y->setCurrentIndex(m_y->findData(int(y)));
}

void CorrelationTab::refit()
{
    if (!m_data)
        return;
    const auto x = CorrMetric(m_x->currentData().toInt());
    const auto y = CorrMetric(m_y->currentData().toInt());
    m_points = correlationPoints(m_data->view, x, y);
    m_fit->setText(correlationCaption(m_points));
    m_chart->setPoints(m_points);

    const QString current = m_table->currentIndex().isValid()
                                ? m_model->index(m_table->currentIndex().row(), 0).data(kRepIdRole).toString()
                                : QString();
    m_table->setSortingEnabled(false);
    m_model->clear();
    m_model->setHorizontalHeaderLabels({tr("Rep"), narrowHeader(corrMetricLabel(x)), narrowHeader(corrMetricLabel(y))});
    for (const QVector<CorrPoint> *list : {&m_points.points, &m_points.leftOut})
        for (const CorrPoint &p : *list) {
            auto *name = new QStandardItem(p.name);
            name->setData(p.repId, kRepIdRole);
            name->setData(p.name, kSortRole);
            name->setEditable(false);
            QList<QStandardItem *> row{name, valueItem(x, p.x), valueItem(y, p.y)};
            if (list == &m_points.leftOut)
                for (QStandardItem *item : row) {
                    item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
                    item->setToolTip(tr("Left out of the fit: no value for one of the two metrics"));
                }
            m_model->appendRow(row);
        }
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(2, Qt::DescendingOrder);
    m_table->resizeColumnsToContents();
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (!current.isEmpty() && m_model->index(r, 0).data(kRepIdRole).toString() == current)
            m_table->setCurrentIndex(m_model->index(r, 0));
}

void CorrelationTab::activateRow(int row)
{
    const QString id = m_model->index(row, 0).data(kRepIdRole).toString();
    if (!id.isEmpty())
        Q_EMIT repActivated(id);
}

void CorrelationTab::exportTable()
{
    if (!m_data)
        return;
    TableExport::exportDataTableWithDialog(this, correlationPointsTable(m_points, m_data->view.scope.period));
}

} // namespace cockpit::ui

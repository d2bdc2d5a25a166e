#include "leaddetailpanel.h"

#include "domain/localdates.h"

#include "alerts/alertstore.h"
#include "charts/touchpointheatmap.h"
#include "alerts/alerttext.h"
#include "items/catalog.h"
#include "domain/clock.h"
#include "storage/database.h"
#include "drilldowndialog.h"
#include "figurewatch.h"
#include "items/editcontroller.h"
#include "domain/ids.h"
#include "domain/money.h"
#include "domain/pipeline.h"
#include "domain/pipelinevalidation.h"
#include "analytics/query.h"
#include "items/recordtablemodel.h"
#include "items/timeline.h"
#include "widgethelpers.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimeZone>
#include <QTreeView>
#include <QVBoxLayout>

namespace cockpit::ui {

Q_LOGGING_CATEGORY(lcLeadDetail, "cockpit.ui.leaddetail")

namespace {

QString localTime(const QString &iso)
{
    return shortDateTime(fromIsoUtc(iso).toLocalTime());
}

} // namespace

QString gateChecklistHtml(const QStringList &exitGate, const QStringList &missing)
{
    QStringList lines;
    for (const QString &code : exitGate) {
        const bool ok = !missing.contains(code);
        lines << QStringLiteral("<span style='color:%1'>%2</span> %3")
                     .arg(ok ? QStringLiteral("#2e7d32") : QStringLiteral("#c62828"),
                          ok ? QStringLiteral("✓") : QStringLiteral("✗"),
                          gateFieldLabel(code).toHtmlEscaped());
    }
    return lines.join(QStringLiteral("<br>"));
}

LeadDetailPanel::LeadDetailPanel(Catalog &catalog, EditController &edits, analytics::FigureService &figures,
                                 QWidget *parent)
    : QWidget(parent), m_catalog(catalog), m_edits(edits), m_figures(figures), m_touchChannel(figures.newChannel())
{
    setObjectName(QStringLiteral("leadDetail"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("detailTitle"));
    m_title->setWordWrap(true);
    m_facts = new QLabel(this);
    m_facts->setWordWrap(true);
    m_facts->setTextFormat(Qt::RichText);
    m_gate = new QLabel(this);
    m_gate->setWordWrap(true);
    m_gate->setTextFormat(Qt::RichText);
    auto *buttons = new QHBoxLayout;
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setToolTip(tr("Edit the lead's fields (Enter on the table)"));
    m_move = new QPushButton(this);
    m_move->setObjectName(QStringLiteral("moveStageButton"));
    m_recommend = new QPushButton(tr("Recommend a rep…"), this);
    m_recommend->setObjectName(QStringLiteral("recommendButton"));
    m_recommend->setToolTip(tr("The three best reps for this lead, with the reasons (Ctrl+Shift+R)"));
    buttons->addWidget(m_edit);
    buttons->addWidget(m_move);
    buttons->addWidget(m_recommend);
    buttons->addStretch();
    m_timeline = new QStandardItemModel(this);
    m_alerts = new RecordTableModel(this);
    m_alerts->setHeaders({tr("Alert"), tr("Raised"), tr("Addressed to"), tr("Escalated to"), tr("State"), tr("Details")});
    m_tabs = new QTabWidget(this);
    m_timelineView = new QTreeView(m_tabs);
    m_timelineView->setObjectName(QStringLiteral("leadTimeline"));
    m_timelineView->setModel(m_timeline);
    m_timelineView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_timelineView->setUniformRowHeights(true);
    m_timelineView->setAlternatingRowColors(true);
    m_timelineView->header()->setStretchLastSection(true);
    m_alertsView = makeDetailList(m_alerts, m_tabs);
    m_alertsView->setObjectName(QStringLiteral("leadAlerts"));
    // Touchpoints: the lead's life by day (or week) × direction, cold zones hatched.
    m_touchTitle = new QLabel(tr("<b>Touchpoints</b>"), this);
    m_touchTitle->setObjectName(QStringLiteral("touchpointsTitle"));
    m_touchpoints = new TouchpointHeatMap(this);
    m_touchpoints->setObjectName(QStringLiteral("leadTouchpoints"));
    m_touchpoints->setFixedHeight(m_touchpoints->minimumSizeHint().height() + 36);
    m_touchTitle->setBuddy(m_touchpoints);
    connect(m_touchpoints, &TouchpointHeatMap::cellActivated, this, &LeadDetailPanel::openTouchpointCell);
    m_tabs->addTab(m_timelineView, tr("Timeline"));
    m_tabs->addTab(m_alertsView, tr("Open alerts"));
    layout->addWidget(m_title);
    layout->addWidget(m_facts);
    layout->addWidget(m_gate);
    layout->addLayout(buttons);
    layout->addWidget(m_touchTitle);
    layout->addWidget(m_touchpoints);
    layout->addWidget(m_tabs, 1);
    connect(m_edit, &QPushButton::clicked, this, [this] { Q_EMIT editRequested(m_leadId); });
    connect(m_recommend, &QPushButton::clicked, this, [this] { Q_EMIT recommendRequested(m_leadId); });
    connect(m_move, &QPushButton::clicked, this, &LeadDetailPanel::moveToNextStage);
    connect(&catalog, &Catalog::leadRowChanged, this, [this](int row) {
        if (!m_leadId.isEmpty() && m_catalog.data().leads[size_t(row)].id == m_leadId)
            refresh();
    });
    setLead({});
}

void LeadDetailPanel::setLead(const QString &leadId)
{
    m_leadId = leadId;
    refresh();
}

void LeadDetailPanel::refresh()
{
    const auto lead = m_leadId.isEmpty() ? std::nullopt : m_edits.leads().fetch(m_leadId);
    const bool has = lead.has_value();
    m_edit->setEnabled(has);
    m_recommend->setEnabled(has && lead->status == QLatin1String("open"));
    m_move->setVisible(false);
    m_gate->clear();
    if (!has) {
        m_title->setText(tr("Select a lead to see its details."));
        m_facts->clear();
        m_timeline->clear();
        m_alerts->clear();
        m_tabs->setTabText(1, tr("Open alerts"));
        m_touchTitle->setVisible(false);
        m_touchpoints->setVisible(false);
        return;
    }
    refreshTouchpoints();
    const auto &ix = m_catalog.index();
    const int stage = ix.stage(lead->stageId);
    const QLocale locale;
    m_title->setText(lead->customerName + QStringLiteral(" — ") + lead->title);
    m_facts->setText(tr("<b>Owner</b> %1 · <b>Stage</b> %2 · <b>Status</b> %3<br>"
                        "<b>Amount</b> %4 · <b>Probability</b> %5 % · <b>Expected close</b> %6<br>"
                        "<b>In stage since</b> %7")
                         .arg(m_catalog.userName(ix.user(lead->ownerId)).toHtmlEscaped(),
                              m_catalog.stageName(stage).toHtmlEscaped(), leadStatusLabel(lead->status),
                              formatMoney(lead->amountCents, m_catalog.data().currency, locale))
                         .arg(lead->probability)
                         .arg(lead->expectedClose.isValid() ? shortDate(lead->expectedClose, locale)
                                                            : QStringLiteral("—"),
                              localTime(lead->stageEnteredAt)));
    const int next = m_catalog.nextStage(stage);
    m_nextStageId.clear();
    if (lead->status != QLatin1String("lost") && next >= 0 && stage >= 0) {
        const auto &st = m_catalog.data().stages[size_t(stage)];
        m_nextStageId = m_catalog.data().stages[size_t(next)].id;
        m_move->setText(tr("Move to %1").arg(m_catalog.stageName(next)));
        m_move->setVisible(true);
        const GateFacts facts{lead->painKeywords, lead->budgetBand, lead->decisionRole,
                              lead->requirementDoc, lead->demoCount, lead->confirmationSigned};
        if (!st.exitGate.isEmpty())
            m_gate->setText(tr("<b>To move to %1:</b><br>").arg(m_catalog.stageName(next).toHtmlEscaped())
                            + gateChecklistHtml(st.exitGate, missingGateFields(st.exitGate, facts)));
    }
    // Timeline: every stage move and the latest 500 activities, grouped by day.
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const auto days = buildTimeline(
        m_edits.leads().stageHistory(m_leadId, 500), m_edits.leads().recentActivities(m_leadId, 500), zone,
        [&](const QString &stageId) { return m_catalog.stageName(ix.stage(stageId)); },
        [](const QString &kind) { return activityKindLabel(kind); });
    fillTimelineModel(m_timeline, days, QDate::currentDate(), zone);
    for (int r = 0; r < m_timeline->rowCount(); ++r)
        m_timelineView->setFirstColumnSpanned(r, {}, true);
    m_timelineView->expandAll();
    for (int c = 0; c < 3; ++c)
        m_timelineView->resizeColumnToContents(c);
    QList<QStringList> rows;
    QStringList keys;
    const SystemClock clock; // reading only: the store's clock stamps changes, none happen here
    const auto alerts = alerts::AlertStore(m_catalog.database(), clock).openAlertsForLead(m_leadId);
    for (const auto &a : alerts) {
        rows << QStringList{alerts::ruleLabel(a.rule), localTime(a.raisedAt), a.ownerName, a.escalatedToName,
                            a.state.acknowledgedAt.isEmpty() ? tr("Open") : tr("Acknowledged"),
                            alerts::detailsSummary(a.rule, a.details)};
        keys << a.id;
    }
    m_alerts->setRows(rows, keys);
    m_alertsView->resizeColumnsToContents();
    m_tabs->setTabText(1, alerts.empty() ? tr("Open alerts") : tr("Open alerts (%1)").arg(alerts.size()));
}

void LeadDetailPanel::refreshTouchpoints()
{
    // One lead is a few hundred activities at most, read through idx_activities_by_lead: a
    // few milliseconds on the large demo; on a worker all the same, so the list stays live.
    m_touchTitle->setVisible(true);
    m_touchpoints->setVisible(true);
    const QString leadId = m_leadId;
    const SystemClock clock;
    const auto subject = analytics::TouchpointSubject::lead(leadId, clock.now().toString(Qt::ISODate));
    whenFigure(this, m_figures.touchpoints(subject, m_touchChannel),
               [this, leadId](analytics::FigureOutcome<analytics::TouchpointFigures> o) {
        if (o.superseded() || leadId != m_leadId)
            return; // another lead was chosen meanwhile
        if (!o.failed()) {
            analytics::TouchpointGrid grid = std::move(o.value.grid);
            const int zones = int(grid.coldZones.size());
            const QString first = shortDate(grid.first),
                          last = shortDate(grid.last);
            m_touchTitle->setText(zones == 0 ? tr("<b>Touchpoints</b> · %1 – %2").arg(first, last)
                                             : tr("<b>Touchpoints</b> · %1 – %2 · <b>%n cold zone(s)</b>", nullptr, zones)
                                                   .arg(first, last));
            m_touchpoints->setExportName(tr("Touchpoints %1").arg(leadId));
            m_touchpoints->setGrid(std::move(grid));
            qCDebug(lcLeadDetail) << "touchpoints of" << leadId << "in" << o.value.computeMs << "ms";
        } else {
            m_touchTitle->setText(tr("<b>Touchpoints</b>"));
            m_touchpoints->setGrid({});
            m_touchpoints->setMessage(o.error);
        }
        Q_EMIT touchpointsShown();
    });
}

void LeadDetailPanel::openTouchpointCell(int row, int bucket)
{
    const analytics::TouchpointGrid &grid = m_touchpoints->grid();
    if (m_leadId.isEmpty() || bucket < 0 || bucket >= grid.buckets.size())
        return;
    const analytics::TouchBucket &b = grid.buckets.at(bucket);
    const SystemClock clock;
    const auto subject = analytics::TouchpointSubject::lead(m_leadId, clock.now().toString(Qt::ISODate));
    const QString context = m_title->text();
    whenFigure(this, m_figures.touchpointActivities(subject, row, b.first, b.last),
               [this, context](analytics::FigureOutcome<analytics::DataTable> o) {
        if (o.failed()) {
            QMessageBox::warning(this, tr("Touchpoints"), o.error);
            return;
        }
        o.value.title = context + QStringLiteral(" · ") + o.value.title;
        DrillDownDialog::show(this, std::move(o.value));
        Q_EMIT touchpointRowsShown();
    });
}

void LeadDetailPanel::moveToNextStage()
{
    if (m_leadId.isEmpty() || m_nextStageId.isEmpty() || !m_move->isVisible())
        return;
    const auto result = m_edits.moveLead(m_leadId, m_nextStageId);
    if (result.ok)
        return;
    QMessageBox box(QMessageBox::Warning, tr("Stage gate not met"), result.error,
                    QMessageBox::Cancel, this);
    QPushButton *edit = result.missingGate.isEmpty() ? nullptr
                                                     : box.addButton(tr("Fill in the fields…"), QMessageBox::AcceptRole);
    box.exec();
    if (edit && box.clickedButton() == edit)
        Q_EMIT editRequested(m_leadId);
}

} // namespace cockpit::ui

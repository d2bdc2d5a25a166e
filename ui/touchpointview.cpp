#include "touchpointview.h"

#include "charts/touchpointheatmap.h"
#include "chartstyle.h"
#include "drilldowndialog.h"
#include "figurewatch.h"
#include "analytics/orgunits.h"
#include "analytics/query.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QLabel>
#include <QLoggingCategory>
#include <QVBoxLayout>

namespace cockpit::ui {

Q_LOGGING_CATEGORY(lcTouchpointView, "cockpit.ui.touchpoints")


TouchpointView::TouchpointView(analytics::FigureService &figures, QWidget *parent)
    : QWidget(parent), m_figures(figures), m_channel(figures.newChannel())
{
    setObjectName(QStringLiteral("touchpointView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_title = new QLabel(this);
    m_title->setFont(chartTitleFont());
    m_title->setWordWrap(true);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_map = new TouchpointHeatMap(this);
    m_title->setBuddy(m_map);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_map, 1);
    connect(m_map, &TouchpointHeatMap::cellActivated, this, &TouchpointView::openCell);
    m_map->setMessage(tr("Choose a period and a team or rep."));
}

TouchpointView::~TouchpointView() = default;

void TouchpointView::setScope(const analytics::Scope &scope)
{
    m_scope = scope;
    m_hasScope = true;
    start();
}

QString TouchpointView::title() const
{
    return m_title->text();
}

int TouchpointView::coldZoneCount() const
{
    return int(m_map->grid().coldZones.size());
}

void TouchpointView::start()
{
    if (!m_hasScope)
        return;
    const QString now = m_now.isEmpty() ? QDateTime::currentDateTimeUtc().toString(Qt::ISODate) : m_now;
    const analytics::TouchpointSubject subject = analytics::TouchpointSubject::portfolio(m_scope, now);
    m_map->setMessage(tr("Computing touchpoints…"));
    ++m_pending;
    whenFigure(this, m_figures.touchpoints(subject, m_channel),
               [this, subject](const analytics::FigureOutcome<analytics::TouchpointFigures> &outcome) {
        --m_pending;
        if (outcome.superseded())
            return; // the newest scope's request is on its way
        const analytics::TouchpointFigures &o = outcome.value;
        const QString error = outcome.error;
        m_subject = subject;
        if (!error.isEmpty()) {
            qCWarning(lcTouchpointView).noquote() << error;
            m_title->setText(tr("Touchpoints"));
            m_summary->clear();
            m_map->setGrid({});
            m_map->setMessage(tr("Could not compute the touchpoints: %1").arg(error));
            Q_EMIT computed();
            return;
        }
        const QString period = subject.scope.period.label();
        QString title;
        switch (subject.scope.org.level) {
        case analytics::OrgLevel::Company: title = tr("Touchpoints of all leads, %1").arg(period); break;
        case analytics::OrgLevel::Rep: title = tr("Touchpoints of %1's leads, %2").arg(o.orgName, period); break;
        default: title = tr("Touchpoints of the leads of %1, %2").arg(o.orgName, period); break;
        }
        m_title->setText(title);
        const int zones = int(o.grid.coldZones.size());
        int coldDays = 0;
        for (const analytics::ColdZone &z : o.grid.coldZones)
            coldDays += z.days();
        const QString bucket = o.grid.size == analytics::BucketSize::Day ? tr("by day") : tr("by week");
        m_summary->setText(tr("%1 sales actions · %2 customer responses · %3 cross-department · %4 · ")
                               .arg(QLocale().toString(o.grid.total(0)), QLocale().toString(o.grid.total(1)),
                                    QLocale().toString(o.grid.total(2)), bucket)
                           + (zones == 0 ? tr("no cold zone (冷区)")
                                         : tr("%n cold zone(s) (冷区), %1 days in all", nullptr, zones).arg(coldDays)));
        m_map->setExportName(title);
        m_map->setGrid(o.grid);
        qCInfo(lcTouchpointView).noquote() << "touchpoints" << subject.scope.period.key() << "computed in" << o.computeMs << "ms";
        Q_EMIT computed();
    });
}

void TouchpointView::openCell(int row, int bucket)
{
    const analytics::TouchpointGrid &grid = m_map->grid();
    if (bucket < 0 || bucket >= grid.buckets.size() || grid.buckets.at(bucket).future)
        return;
    const analytics::TouchBucket b = grid.buckets.at(bucket);
    const analytics::TouchpointSubject subject = m_subject;
    const QString context = m_title->text();
    whenFigure(this, m_figures.touchpointActivities(subject, row, b.first, b.last),
               [this, context](analytics::FigureOutcome<analytics::DataTable> o) {
        if (o.failed()) {
            m_summary->setText(tr("Could not list the activities: %1").arg(o.error));
            return;
        }
        analytics::DataTable table = std::move(o.value);
        table.title = context + QStringLiteral(" · ") + table.title;
        DrillDownDialog *dialog = DrillDownDialog::show(this, std::move(table));
        connect(dialog, &DrillDownDialog::leadActivated, this, &TouchpointView::leadActivated, Qt::UniqueConnection);
        Q_EMIT drillDownShown();
    });
}

} // namespace cockpit::ui

#include "touchpointview.h"

#include "charts/touchpointheatmap.h"
#include "chartstyle.h"
#include "drilldowndialog.h"
#include "orgunits.h"
#include "query.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QLabel>
#include <QLoggingCategory>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace cockpit::ui {

Q_LOGGING_CATEGORY(lcTouchpointView, "cockpit.ui.touchpoints")

namespace {
struct GridOutcome
{
    analytics::TouchpointGrid grid;
    QString orgName, error;
    analytics::OrgLevel level = analytics::OrgLevel::Company;
    qint64 ms = 0;
};

struct TableOutcome
{
    analytics::DataTable table;
    QString error;
};

template<typename Fn>
auto onReadConnection(const QString &path, Fn fn) -> decltype(fn(QSqlDatabase()))
{
    analytics::ReadConnection connection(path);
    if (!connection.isOpen())
        throw analytics::QueryError(connection.error());
    return fn(connection.db());
}
} // namespace

TouchpointView::TouchpointView(const QString &databasePath, QWidget *parent) : QWidget(parent), m_path(databasePath)
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
    if (m_running) { // one at a time; the newest scope runs when this one ends
        m_again = true;
        return;
    }
    m_running = true;
    const quint64 generation = ++m_generation;
    const QString now = m_now.isEmpty() ? QDateTime::currentDateTimeUtc().toString(Qt::ISODate) : m_now;
    const analytics::TouchpointSubject subject = analytics::TouchpointSubject::portfolio(m_scope, now);
    const QString path = m_path;
    m_map->setMessage(tr("Computing touchpoints…"));
    auto *watcher = new QFutureWatcher<GridOutcome>(this);
    connect(watcher, &QFutureWatcher<GridOutcome>::finished, this, [this, watcher, generation, subject] {
        const GridOutcome o = watcher->result();
        watcher->deleteLater();
        m_running = false;
        if (std::exchange(m_again, false) || generation != m_generation) {
            start();
            return;
        }
        m_subject = subject;
        if (!o.error.isEmpty()) {
            qCWarning(lcTouchpointView).noquote() << o.error;
            m_title->setText(tr("Touchpoints"));
            m_summary->clear();
            m_map->setGrid({});
            m_map->setMessage(tr("Could not compute the touchpoints: %1").arg(o.error));
            Q_EMIT computed();
            return;
        }
        const QString period = subject.scope.period.label();
        QString title;
        switch (o.level) {
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
        qCInfo(lcTouchpointView).noquote() << "touchpoints" << subject.scope.period.key() << "computed in" << o.ms << "ms";
        Q_EMIT computed();
    });
    watcher->setFuture(QtConcurrent::run([path, subject] {
        GridOutcome o;
        QElapsedTimer t;
        t.start();
        try {
            onReadConnection(path, [&](QSqlDatabase db) {
                o.grid = analytics::computeTouchpoints(db, subject);
                o.level = subject.scope.org.level;
                if (!subject.scope.org.isCompany())
                    o.orgName = analytics::loadOrgUnits(db).name(subject.scope.org);
                return 0;
            });
        } catch (const analytics::QueryError &e) {
            o.error = e.message();
        } catch (const std::exception &e) {
            o.error = QString::fromLocal8Bit(e.what());
        }
        o.ms = t.elapsed();
        return o;
    }));
}

void TouchpointView::openCell(int row, int bucket)
{
    const analytics::TouchpointGrid &grid = m_map->grid();
    if (bucket < 0 || bucket >= grid.buckets.size() || grid.buckets.at(bucket).future)
        return;
    const analytics::TouchBucket b = grid.buckets.at(bucket);
    const analytics::TouchpointSubject subject = m_subject;
    const QString path = m_path, context = m_title->text();
    auto *watcher = new QFutureWatcher<TableOutcome>(this);
    connect(watcher, &QFutureWatcher<TableOutcome>::finished, this, [this, watcher, context] {
        TableOutcome o = watcher->result();
        watcher->deleteLater();
        if (!o.error.isEmpty()) {
            m_summary->setText(tr("Could not list the activities: %1").arg(o.error));
            return;
        }
        o.table.title = context + QStringLiteral(" · ") + o.table.title;
        DrillDownDialog *dialog = DrillDownDialog::show(this, std::move(o.table));
        connect(dialog, &DrillDownDialog::leadActivated, this, &TouchpointView::leadActivated, Qt::UniqueConnection);
        Q_EMIT drillDownShown();
    });
    watcher->setFuture(QtConcurrent::run([path, subject, row, b] {
        TableOutcome o;
        try {
            o.table = onReadConnection(
                path, [&](QSqlDatabase db) { return analytics::touchpointActivities(db, subject, row, b.first, b.last); });
        } catch (const analytics::QueryError &e) {
            o.error = e.message();
        } catch (const std::exception &e) {
            o.error = QString::fromLocal8Bit(e.what());
        }
        return o;
    }));
}

} // namespace cockpit::ui

#include "items/timeline.h"

#include "domain/ids.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStandardItemModel>

#include <algorithm>

namespace cockpit {

QList<TimelineDay> buildTimeline(const QList<storage::StageMove> &moves,
                                 const QList<storage::ActivityItem> &activities,
                                 const QTimeZone &zone,
                                 const std::function<QString(const QString &)> &stageName,
                                 const std::function<QString(const QString &)> &kindLabel)
{
    QList<TimelineEntry> all;
    all.reserve(moves.size() + activities.size());
    for (const auto &m : moves) {
        TimelineEntry e;
        e.kind = TimelineEntry::Kind::StageMove;
        e.at = fromIsoUtc(m.at);
        if (!e.at.isValid())
            continue;
        e.what = m.fromStageId.isEmpty()
                     ? QCoreApplication::translate("Timeline", "Created in %1").arg(stageName(m.toStageId))
                     : QCoreApplication::translate("Timeline", "Moved %1 → %2")
                           .arg(stageName(m.fromStageId), stageName(m.toStageId));
        e.by = m.byName;
        e.text = storage::stageMoveReasonText(m.reason);
        all << e;
    }
    for (const auto &a : activities) {
        TimelineEntry e;
        e.at = fromIsoUtc(a.at);
        if (!e.at.isValid())
            continue;
        e.what = kindLabel(a.kind);
        e.by = a.actorName;
        e.direction = a.direction;
        e.text = a.text;
        all << e;
    }
    std::stable_sort(all.begin(), all.end(), [](const TimelineEntry &x, const TimelineEntry &y) {
        if (x.at != y.at)
            return x.at > y.at;
        return x.kind == TimelineEntry::Kind::StageMove && y.kind != TimelineEntry::Kind::StageMove;
    });
    QList<TimelineDay> days;
    for (const auto &e : all) {
        const QDate d = e.at.toTimeZone(zone).date();
        if (days.isEmpty() || days.last().day != d)
            days << TimelineDay{d, {}};
        days.last().entries << e;
    }
    return days;
}

QString timelineDayLabel(QDate day, QDate today)
{
    if (day == today)
        return QCoreApplication::translate("Timeline", "Today");
    if (day == today.addDays(-1))
        return QCoreApplication::translate("Timeline", "Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

void fillTimelineModel(QStandardItemModel *model, const QList<TimelineDay> &days, QDate today,
                       const QTimeZone &zone)
{
    model->clear();
    model->setHorizontalHeaderLabels({QCoreApplication::translate("Timeline", "Time"),
                                      QCoreApplication::translate("Timeline", "What"),
                                      QCoreApplication::translate("Timeline", "By"),
                                      QCoreApplication::translate("Timeline", "Note")});
    const QLocale locale;
    for (const auto &d : days) {
        auto *dayItem = new QStandardItem(
            QCoreApplication::translate("Timeline", "%1 (%2)").arg(timelineDayLabel(d.day, today)).arg(d.entries.size()));
        QFont bold = dayItem->font();
        bold.setBold(true);
        dayItem->setFont(bold);
        for (const auto &e : d.entries) {
            auto *time = new QStandardItem(locale.toString(e.at.toTimeZone(zone).time(), QLocale::ShortFormat));
            auto *what = new QStandardItem(e.what);
            if (e.kind == TimelineEntry::Kind::StageMove) {
                QFont f = what->font();
                f.setBold(true);
                what->setFont(f);
                what->setForeground(QColor(0x1d, 0x4e, 0xd8));
            } else if (e.direction == QLatin1String("customer")) {
                what->setForeground(QColor(0x04, 0x78, 0x57));
            }
            const QString by = e.direction == QLatin1String("customer") && e.by.isEmpty()
                                   ? QCoreApplication::translate("Timeline", "Customer")
                                   : e.by;
            auto *note = new QStandardItem(e.text);
            note->setToolTip(e.text);
            dayItem->appendRow({time, what, new QStandardItem(by), note});
        }
        model->appendRow(dayItem);
    }
}

} // namespace cockpit

#pragma once
// A lead's timeline (issue 3 "Lead detail"): its activities and stage moves merged, newest
// first, grouped by local calendar day. Pure: the grouping is unit-tested without a database.
#include "storage/leadrepository.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QTimeZone>

#include <functional>

class QStandardItemModel;

namespace cockpit {

struct TimelineEntry
{
    enum class Kind { Activity, StageMove };
    Kind kind = Kind::Activity;
    QDateTime at;       // UTC
    QString what;       // "Call", "Moved 需求诊断 → 方案报价"
    QString by;         // actor's name, empty for a customer response without actor
    QString direction;  // activities: sales / customer / cross; empty for moves
    QString text;       // the activity's note, or the move's reason
};

struct TimelineDay
{
    QDate day;                    // in the display time zone
    QList<TimelineEntry> entries; // newest first
};

// Merges and groups. `stageName` turns a stage id into its display name; `kindLabel`
// turns an activity kind into its label. Entries at the same instant keep stage moves
// before activities (a move is what the activities after it are about). Records with an
// unreadable time are dropped, not shown at 1970.
QList<TimelineDay> buildTimeline(const QList<storage::StageMove> &moves,
                                 const QList<storage::ActivityItem> &activities,
                                 const QTimeZone &zone,
                                 const std::function<QString(const QString &)> &stageName,
                                 const std::function<QString(const QString &)> &kindLabel);

// "Today", "Yesterday" or the locale's long date, relative to `today`.
QString timelineDayLabel(QDate day, QDate today);

// Fills a two-level model: one row per day ("Yesterday (5)"; views span it over
// all columns), its entries as children with columns Time · What · By · Note.
void fillTimelineModel(QStandardItemModel *model, const QList<TimelineDay> &days, QDate today,
                       const QTimeZone &zone);

} // namespace cockpit

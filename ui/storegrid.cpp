#include "storegrid.h"

#include "chartstyle.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace cockpit::ui {

using analytics::Rag;
using analytics::StoreCode;
using analytics::StoreDimension;

namespace {
constexpr int kDimColumn0 = StoreGridModel::Staff;

QString valueText(StoreDimension dim, double v)
{
    switch (dim) {
    case StoreDimension::Staff: return QString::number(v, 'f', 1);
    case StoreDimension::Exposure: return QStringLiteral("%1%").arg(v, 0, 'f', 1);
    case StoreDimension::Dwell: return StoreGridModel::tr("%1 min").arg(v, 0, 'f', 1);
    case StoreDimension::Conversion: break;
    }
    return QStringLiteral("%1%").arg(v, 0, 'f', 1);
}

QString ruleText(StoreDimension dim, const analytics::StoreThresholds &t)
{
    const int days = t.days(dim);
    const QString persist = days <= 1 ? StoreGridModel::tr("crossing it once is red")
                                      : StoreGridModel::tr("red after %1 days running (orange before)").arg(days);
    switch (dim) {
    case StoreDimension::Staff:
        return StoreGridModel::tr("Receptions per staff on duty: target ≥ %1, red line < %2; %3.")
            .arg(t.staffTarget).arg(t.staffRed).arg(persist);
    case StoreDimension::Exposure:
        return StoreGridModel::tr("Main-product exposure: target ≥ %1 %, red line < %2 %; %3.")
            .arg(t.exposureTargetPct).arg(t.exposureRedPct).arg(persist);
    case StoreDimension::Dwell:
        return StoreGridModel::tr("Average dwell: target ≥ %1 min, red line < %2 min; %3.")
            .arg(t.dwellTargetMin).arg(t.dwellRedMin).arg(persist);
    case StoreDimension::Conversion: break;
    }
    return StoreGridModel::tr("Deals within 72 h / experiences: target ≥ %1 %; red line: experiences with no deal "
                              "within 72 h that day; %2.").arg(t.conversionTargetPct).arg(persist);
}

QString countsText(StoreDimension dim, const analytics::StoreDay &d)
{
    switch (dim) {
    case StoreDimension::Staff: return StoreGridModel::tr("%1 receptions / %2 staff").arg(d.receptions).arg(d.staff);
    case StoreDimension::Exposure: return StoreGridModel::tr("%1 basis points").arg(d.exposureBp);
    case StoreDimension::Dwell: return StoreGridModel::tr("%1 s").arg(d.dwellSeconds);
    case StoreDimension::Conversion: break;
    }
    return StoreGridModel::tr("%1 deals / %2 experiences").arg(d.deals72h).arg(d.experiences);
}
} // namespace

StoreGridModel::StoreGridModel(QObject *parent) : QAbstractTableModel(parent) {}

void StoreGridModel::setCodes(std::shared_ptr<const analytics::StoreCodes> codes)
{
    beginResetModel(); // a new scope's result: every row may differ
    m_codes = std::move(codes);
    endResetModel();
}

const StoreCode *StoreGridModel::storeAt(int row) const
{
    return m_codes && row >= 0 && row < m_codes->stores.size() ? &m_codes->stores.at(row) : nullptr;
}

int StoreGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_codes ? 0 : int(m_codes->stores.size());
}

int StoreGridModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString StoreGridModel::ragLetter(Rag r)
{
    switch (r) {
    case Rag::Green: return tr("G", "green");
    case Rag::Yellow: return tr("Y", "yellow");
    case Rag::Orange: return tr("O", "orange");
    case Rag::Red: return tr("R", "red");
    case Rag::Grey: break;
    }
    return QStringLiteral("–");
}

QString StoreGridModel::stripTip(int row, int day) const
{
    const StoreCode *s = storeAt(row);
    if (!s || day < 0 || day >= analytics::kStripDays)
        return {};
    const QDate date = m_codes->asOf.addDays(day - (analytics::kStripDays - 1));
    QString tip = QStringLiteral("<b>%1</b> · %2 — %3").arg(s->name.toHtmlEscaped(), date.toString(Qt::ISODate),
                                                        analytics::ragLabel(s->strip[size_t(day)]));
    if (const auto &d = s->stripDays[size_t(day)]) {
        for (int dim = 0; dim < analytics::kStoreDimensions; ++dim) {
            const auto v = analytics::dayValue(*d, StoreDimension(dim));
            tip += QStringLiteral("<br>%1: %2 (%3)").arg(analytics::storeDimensionLabel(StoreDimension(dim)),
                                                       v ? valueText(StoreDimension(dim), *v) : tr("no data"),
                                                       countsText(StoreDimension(dim), *d));
        }
    } else {
        tip += QStringLiteral("<br>") + tr("No data that day.");
    }
    return tip;
}

QVariant StoreGridModel::data(const QModelIndex &index, int role) const
{
    const StoreCode *s = storeAt(index.row());
    if (!s)
        return {};
    const int col = index.column();
    if (role == StoreIdRole)
        return s->storeId;
    if (role == RegionIdRole)
        return s->regionId;
    if (col >= Staff && col <= Conversion) {
        const int dim = col - kDimColumn0;
        const auto &v = s->values[size_t(dim)];
        const Rag r = s->colours[size_t(dim)];
        switch (role) {
        case Qt::DisplayRole:
            return v ? QString(ragLetter(r) + QLatin1Char(' ') + valueText(StoreDimension(dim), *v)) : ragLetter(r);
        case RagRole: return int(r);
        case SortRole: return v ? *v : -1.0;
        case Qt::ToolTipRole: {
            QString tip = QStringLiteral("<b>%1</b> · %2<br>%3: <b>%4</b>")
                              .arg(s->name.toHtmlEscaped(), analytics::storeDimensionLabel(StoreDimension(dim)),
                                   analytics::ragLabel(r), v ? valueText(StoreDimension(dim), *v) : tr("no data"));
            if (s->day)
                tip += QStringLiteral(" (%1)").arg(countsText(StoreDimension(dim), *s->day));
            tip += QStringLiteral("<br>") + ruleText(StoreDimension(dim), m_codes->thresholds);
            if (!s->actions[size_t(dim)].isEmpty())
                tip += QStringLiteral("<br><i>%1</i>").arg(s->actions[size_t(dim)].toHtmlEscaped());
            return tip;
        }
        default: return {};
        }
    }
    switch (col) {
    case Store:
        if (role == Qt::DisplayRole || role == SortRole)
            return s->name;
        if (role == Qt::ToolTipRole)
            return QStringLiteral("%1 · %2 · %3\n%4").arg(s->name, s->regionName, s->cityName, s->storeId);
        break;
    case City:
        if (role == Qt::DisplayRole || role == SortRole)
            return QString(s->regionName + QStringLiteral(" · ") + s->cityName);
        break;
    case Code:
        if (role == Qt::DisplayRole)
            return analytics::ragLabel(s->overall);
        if (role == RagRole || role == SortRole)
            return int(s->overall);
        if (role == Qt::ToolTipRole)
            return tr("%1: worst of the four dimensions on %2; red on %n of the last 30 days.", nullptr, s->daysRed)
                .arg(analytics::ragLabel(s->overall), m_codes->asOf.toString(Qt::ISODate));
        break;
    case Strip:
        if (role == SortRole)
            return s->daysRed;
        if (role == Qt::AccessibleTextRole || role == Qt::DisplayRole)
            return role == Qt::DisplayRole ? QVariant() : QVariant(tr("red on %n of the last 30 days", nullptr, s->daysRed));
        break;
    default: break;
    }
    return {};
}

QVariant StoreGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Store: return tr("Store");
        case City: return tr("Region · city");
        case Staff: return tr("Staff 人效");
        case Exposure: return tr("Exposure 货效");
        case Dwell: return tr("Dwell 场效");
        case Conversion: return tr("Conv. 转化");
        case Code: return tr("Code");
        case Strip: return tr("Last 30 days");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        const analytics::StoreThresholds t = m_codes ? m_codes->thresholds : analytics::StoreThresholds{};
        if (section >= Staff && section <= Conversion)
            return QString(ruleText(StoreDimension(section - kDimColumn0), t)
                + tr("\nGreen = meets the target, yellow = below it, orange = below the red line, red = below it "
                     "for the rule's days. Thresholds and day counts are settings (stores.*)."));
        if (section == Code)
            return tr("A store's code is its worst dimension; grey = no data on the judged day.");
        if (section == Strip)
            return tr("The store's code on each of the 30 days up to the judged day, oldest left.");
    }
    return {};
}

StoreGridFilter::StoreGridFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(StoreGridModel::SortRole);
}

void StoreGridFilter::setRegion(const QString &regionId)
{
    m_region = regionId;
    invalidateFilter();
}

void StoreGridFilter::setColour(int rag)
{
    m_colour = rag;
    invalidateFilter();
}

bool StoreGridFilter::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *model = static_cast<const StoreGridModel *>(sourceModel());
    const StoreCode *s = model->storeAt(sourceRow);
    if (!s)
        return false;
    if (!m_region.isEmpty() && s->regionId != m_region)
        return false;
    return m_colour < 0 || int(s->overall) == m_colour;
}

int StoreGridDelegate::stripDayAt(const QRect &cell, int x)
{
    const int w = std::max(3, (cell.width() - 8) / analytics::kStripDays);
    const int day = (x - cell.left() - 4) / w;
    return x >= cell.left() + 4 && day >= 0 && day < analytics::kStripDays ? day : -1;
}

void StoreGridDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant rag = index.data(StoreGridModel::RagRole);
    const bool strip = index.column() == StoreGridModel::Strip;
    if (!rag.isValid() && !strip) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    painter->fillRect(option.rect, selected ? option.palette.highlight().color().lighter(170) : option.palette.base().color());
    if (strip) {
        const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(index.model());
        const auto *model = qobject_cast<const StoreGridModel *>(proxy ? proxy->sourceModel() : index.model());
        const StoreCode *s = model ? model->storeAt(proxy ? proxy->mapToSource(index).row() : index.row()) : nullptr;
        if (s) {
            const int w = std::max(3, (option.rect.width() - 8) / analytics::kStripDays);
            const int h = std::min(option.rect.height() - 8, 16);
            const int y = option.rect.center().y() - h / 2;
            for (int d = 0; d < analytics::kStripDays; ++d) {
                const QRect sq(option.rect.left() + 4 + d * w, y, w - 1, h);
                painter->fillRect(sq, ragColor(s->strip[size_t(d)]));
            }
        }
    } else {
        const QColor bg = ragColor(Rag(rag.toInt()));
        const QRect r = option.rect.adjusted(2, 2, -2, -2);
        painter->fillRect(r, bg);
        painter->setPen(textOn(bg));
        QFont f = option.font;
        if (index.column() == StoreGridModel::Code)
            f.setBold(true);
        painter->setFont(f);
        painter->drawText(r.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft,
                          option.fontMetrics.elidedText(index.data().toString(), Qt::ElideRight, r.width() - 8));
    }
    if (option.state & QStyle::State_HasFocus) {
        painter->setPen(QPen(option.palette.highlight().color(), 2));
        painter->drawRect(option.rect.adjusted(1, 1, -1, -1));
    }
    painter->restore();
}

QSize StoreGridDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == StoreGridModel::Strip)
        s.setWidth(analytics::kStripDays * 6 + 8);
    s.setHeight(std::max(s.height(), option.fontMetrics.height() + 10));
    return s;
}

bool StoreGridDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                                  const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && index.column() == StoreGridModel::Strip) {
        const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(index.model());
        const auto *model = qobject_cast<const StoreGridModel *>(proxy ? proxy->sourceModel() : index.model());
        const int day = stripDayAt(option.rect, event->pos().x());
        if (model && day >= 0) {
            QToolTip::showText(event->globalPos(), model->stripTip(proxy ? proxy->mapToSource(index).row() : index.row(), day),
                               view, option.rect);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace cockpit::ui

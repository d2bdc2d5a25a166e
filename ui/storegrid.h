#pragma once
// The Stores screen's grid: stores × the four dimensions + the overall code + a 30-day colour
// strip. The model reads a StoreCodes result (models/analytics/storecodes.h); the filter keeps
// a region and/or a colour; the delegate paints coloured cells that always carry a letter and
// the value (never colour alone) and the strip as 30 small squares with a tooltip per day.
#include "analytics/storecodes.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>

#include <memory>

namespace cockpit::ui {

class StoreGridModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Store, City, Staff, Exposure, Dwell, Conversion, Code, Strip, ColumnCount };
    enum Role { RagRole = Qt::UserRole + 1, SortRole, StoreIdRole, RegionIdRole };
    explicit StoreGridModel(QObject *parent = nullptr);
    void setCodes(std::shared_ptr<const analytics::StoreCodes> codes);
    const analytics::StoreCodes *codes() const { return m_codes.get(); }
    const analytics::StoreCode *storeAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "R 7.8" style text of one dimension, and the tooltip of a strip day (for the delegate).
    static QString ragLetter(analytics::Rag r);
    QString stripTip(int row, int day) const;

private:
    std::shared_ptr<const analytics::StoreCodes> m_codes;
};

class StoreGridFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit StoreGridFilter(QObject *parent = nullptr);
    void setRegion(const QString &regionId); // "" = all
    void setColour(int rag);                 // -1 = all, else int(Rag)

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_region;
    int m_colour = -1;
};

class StoreGridDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
    // Which of the 30 strip squares is under x (within the cell rect), -1 for none.
    static int stripDayAt(const QRect &cell, int x);
};

} // namespace cockpit::ui

#include "widgethelpers.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QCoreApplication>
#include <QHeaderView>
#include <QMenu>
#include <QStyle>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPersistentModelIndex>
#include <QTableView>

#include <memory>

namespace cockpit::ui {

void configureMainTable(QTableView *table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setDefaultSectionSize(26);
    table->horizontalHeader()->setSectionsMovable(true);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setSortIndicatorShown(true);
}

void keepTopRowInPlace(QTableView *table)
{
    QAbstractItemModel *model = table->model();
    auto anchor = std::make_shared<QPersistentModelIndex>();
    const auto remember = [table, anchor] {
        const QModelIndex top = table->indexAt(QPoint(0, 0));
        *anchor = top.row() > 0 ? QPersistentModelIndex(top) : QPersistentModelIndex();
    };
    const auto restore = [table, anchor] {
        if (!anchor->isValid() || table->indexAt(QPoint(0, 0)).row() == anchor->row())
            return;
        // The column now at the left edge, so only the vertical position moves.
        const int column = qMax(0, table->horizontalHeader()->logicalIndexAt(0));
        table->scrollTo(table->model()->index(anchor->row(), column), QAbstractItemView::PositionAtTop);
    };
    QObject::connect(model, &QAbstractItemModel::rowsAboutToBeInserted, table, remember);
    QObject::connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, table, remember);
    QObject::connect(model, &QAbstractItemModel::layoutAboutToBeChanged, table, remember);
    QObject::connect(model, &QAbstractItemModel::rowsInserted, table, restore);
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, table, restore);
    QObject::connect(model, &QAbstractItemModel::layoutChanged, table, restore);
}

QMenu *columnChooserMenu(QTableView *table, QWidget *parent)
{
    QHeaderView *header = table->horizontalHeader();
    QAbstractItemModel *model = table->model();
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("columnChooser"));
    int shown = 0;
    for (int visual = 0; visual < header->count(); ++visual)
        shown += header->isSectionHidden(header->logicalIndex(visual)) ? 0 : 1;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        QAction *a = menu->addAction(model->headerData(logical, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(logical));
        a->setData(logical);
        a->setEnabled(!(a->isChecked() && shown == 1)); // the last shown column stays
        QObject::connect(a, &QAction::toggled, table, [table, logical](bool on) {
            table->setColumnHidden(logical, !on);
            if (on && table->columnWidth(logical) < 40) // hidden since the start: give it a width
                table->setColumnWidth(logical, table->horizontalHeader()->defaultSectionSize());
        });
    }
    return menu;
}

void installColumnChooser(QTableView *table)
{
    QHeaderView *header = table->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setToolTip(QCoreApplication::translate("ColumnChooser", "Right-click to choose the columns shown"));
    QObject::connect(header, &QWidget::customContextMenuRequested, table, [table](const QPoint &at) {
        QMenu *menu = columnChooserMenu(table, table);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(table->horizontalHeader()->mapToGlobal(at));
    });
}

QTableView *makeDetailList(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->verticalHeader()->setVisible(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
    return view;
}

QLabel *errorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c62828; font-weight: 600;"));
    label->hide();
    return label;
}

void setInvalid(QWidget *field, bool invalid)
{
    field->setProperty("invalid", invalid);
    field->style()->unpolish(field);
    field->style()->polish(field);
}

bool followFilteredRow(QTableView *table, QAbstractProxyModel *filter, int sourceRow)
{
    const QModelIndex proxy = sourceRow < 0 ? QModelIndex() : filter->mapFromSource(filter->sourceModel()->index(sourceRow, 0));
    if (proxy.isValid()) {
        if (table->currentIndex().row() != proxy.row())
            table->setCurrentIndex(proxy);
        return true;
    }
    table->selectionModel()->clear();
    return false;
}

} // namespace cockpit::ui

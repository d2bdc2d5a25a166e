#pragma once
// Small pieces the screens share, so every table and form looks and behaves the same.
class QAbstractItemModel;
class QAbstractProxyModel;
class QLabel;
class QMenu;
class QTableView;
class QWidget;

namespace cockpit::ui {

// The big sortable tables (leads, customers): row selection, alternating rows, movable columns.
void configureMainTable(QTableView *table);
// The header's context menu lists every column with a check box: a person shows or hides
// columns there (at least one stays shown). The header's saveState() keeps the choice.
void installColumnChooser(QTableView *table);
// The menu installColumnChooser() pops up (tests and the page's own menus).
QMenu *columnChooserMenu(QTableView *table, QWidget *parent);
// A read-only list in a detail panel (history, activities, contacts, open leads).
QTableView *makeDetailList(QAbstractItemModel *model, QWidget *parent);
// A detail panel follows its table's filter: when `sourceRow` (of the proxy's source; -1 for
// none) is still listed its row stays current and this returns true; when the filter hid it the
// selection is cleared and this returns false (the caller empties its panel).
bool followFilteredRow(QTableView *table, QAbstractProxyModel *filter, int sourceRow);
// Rows inserted or removed above the rows shown (a background pull, an edit elsewhere) do not
// move what the user is reading: the row at the top of the scrolled view stays at the top
// while it is still listed. At the very top the view stays at the top (new rows show).
void keepTopRowInPlace(QTableView *table);
// A hidden, word-wrapped label in bold red where a screen says its figures could not be had.
QLabel *errorLabel(QWidget *parent);
// Marks a form field red (the "invalid" property the stylesheet knows) or clears it.
void setInvalid(QWidget *field, bool invalid);

} // namespace cockpit::ui

#pragma once
// Export of what a table view shows (issue 11), as an XLSX workbook or CSV through
// io::TableWriter: the rows in the view's order (its proxies' filter and sort), the columns
// not hidden in its header in their visual order, the headers as displayed. Numbers are
// written as numbers, dates as dates and money in cents as money with its unit in the header
// ("Amount (CNY)"); text goes through the writer's formula guard.
//
// Two sources: a view over any model, given the kind of its typed columns and the role their
// values come from (exportModel), and an analytics::DataTable, typed by its column names and
// values (exportDataTable). exportWithDialog is what a page's "Export…" runs: the file dialog,
// a progress dialog with Cancel for large tables, and the messages.
#include "analytics/datatable.h"
#include "io/tablewriter.h"

#include <QCoreApplication>
#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class QAbstractItemModel;
class QAction;
class QPushButton;
class QTableView;
class QWidget;

namespace cockpit::ui {

enum class TableFormat { Xlsx, Csv };

// How one model column is written. A column without one is text, as displayed.
struct ColumnExport
{
    ColumnExport() = default;
    ColumnExport(io::CellKind kind, const QString &unit = {}, int decimals = 2, int role = -1)
        : kind(kind), unit(unit), decimals(decimals), role(role)
    {
    }

    io::CellKind kind = io::CellKind::Text;
    QString unit;     // the currency code of a Money column: "Amount (CNY)"
    int decimals = 2; // Decimal and Percent
    // The role holding the typed value: qint64 cents for Money, a fraction for Percent, a
    // QDate / QDateTime (or ISO-8601 text; without an offset it is UTC, as stored) for Date
    // and DateTime. -1: ModelExport::valueRole (text columns: Qt::DisplayRole).
    int role = -1;
};

struct ModelExport
{
    QString title;                    // the workbook's title and sheet name
    QHash<int, ColumnExport> columns; // by the view's model column (a sort/filter proxy's = its source's)
    int valueRole = Qt::DisplayRole;  // where the typed columns' values are, unless they say
};

class TableExport
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::ui::TableExport)

public:
    // The logical columns `view` shows, in visual order (those hidden in its header left out).
    static QList<int> shownColumns(const QTableView *view);
    // The rows `view` shows, in its order (rows hidden in the view left out).
    static QList<int> shownRows(const QTableView *view);
    // The same rows as rows of `source`, a model under the view's proxies (-1 where one does
    // not map to it).
    static QList<int> shownSourceRows(const QTableView *view, const QAbstractItemModel *source);

    // The header row exportModel writes for `view`.
    static io::ExportTable viewTable(const QTableView *view, const ModelExport &spec);
    // Writes what `view` shows to `path`. The model must stay as it is while the rows are
    // written: when it changes (a progress callback that lets events run), the export stops,
    // the file is left untouched and the result says so.
    static io::ExportResult exportModel(const QTableView *view, const ModelExport &spec, const QString &path,
                                        TableFormat format, io::ExportOptions options = {});

    // A DataTable's columns typed by name and values: *_cents money in table.currency, *_pct
    // percent (the table holds percent, the writer fractions), *_at date-times (UTC ISO text),
    // QDate and "yyyy-MM-dd" text dates, whole numbers integers, other numbers decimals, id
    // columns written as their global ids (DataTable::exportIds) text.
    static QList<io::ExportColumn> dataTableColumns(const analytics::DataTable &table, const QList<int> &columns);
    // Writes `rows` (table rows, in this order; none given: all) and `columns` (none given:
    // all) of `table`.
    static io::ExportResult exportDataTable(const analytics::DataTable &table, const QString &path, TableFormat format,
                                            std::optional<QList<int>> rows = std::nullopt,
                                            std::optional<QList<int>> columns = std::nullopt,
                                            io::ExportOptions options = {});

    // The interactive export: asks for a file ("Excel workbook (*.xlsx)" or "CSV (*.csv)"; the
    // filter chosen decides the format, XLSX the first time, then the last one used), starting
    // from `suggestedName` in the last export folder; runs `write` with a progress dialog
    // that can cancel (shown when it takes more than half a second); reports a failure, or
    // cells cut to fit, in a message box and a success in the main window's status bar.
    // False when cancelled or failed.
    using Write = std::function<io::ExportResult(const QString &path, TableFormat format, const io::ExportOptions &options)>;
    static bool exportWithDialog(QWidget *parent, const QString &suggestedName, qsizetype rows, const Write &write);
    // exportModel / exportDataTable with the dialog; the file name is the title and today's date.
    static bool exportViewWithDialog(QWidget *parent, const QTableView *view, const ModelExport &spec);
    static bool exportDataTableWithDialog(QWidget *parent, const analytics::DataTable &table,
                                          std::optional<QList<int>> rows = std::nullopt,
                                          std::optional<QList<int>> columns = std::nullopt);

    // A page's "Export…" action: `keys` (Ctrl+E unless given) work anywhere on `page`, and
    // the tooltip says what is written. Connect its triggered() to the page's export.
    static QAction *addExportAction(QWidget *page, const QList<QKeySequence> &keys = {});
    // A push button that triggers `action`, with its text and tooltip ("exportButton").
    static QPushButton *exportButton(QAction *action, QWidget *parent);

    // The format a file dialog's filter names, and the file name with that format's suffix
    // (replacing the other format's).
    static TableFormat formatOfFilter(const QString &filter);
    static QString withSuffix(const QString &path, TableFormat format);
};

} // namespace cockpit::ui

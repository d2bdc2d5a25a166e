#include "tableexport.h"

#include "exporting.h" // safeFileName

#include <QAbstractProxyModel>
#include <QAction>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>

#include <algorithm>
#include <limits>
#include <numeric>

namespace cockpit::ui {

using io::CellKind;

namespace {

// Shared with the chart and report exports (exporting.cpp), so every export starts where the last one went.
constexpr auto kLastDirKey = "export/last_dir";
constexpr auto kFormatKey = "export/table_format";
// Set on the window while an export runs: a second Ctrl+E (say from a window the modal
// progress dialog does not block) does not start another one.
constexpr auto kRunningProperty = "cockpitTableExportRunning";

bool isNumberType(int type)
{
    return type == QMetaType::Int || type == QMetaType::UInt || type == QMetaType::LongLong || type == QMetaType::ULongLong
           || type == QMetaType::Long || type == QMetaType::ULong || type == QMetaType::Short || type == QMetaType::UShort
           || type == QMetaType::Double || type == QMetaType::Float;
}

bool isIsoDay(const QString &s)
{
    return s.size() == 10 && s.at(4) == u'-' && s.at(7) == u'-' && QDate::fromString(s, Qt::ISODate).isValid();
}

// The value a Date or DateTime column gets from ISO-8601 text (storage keeps instants as UTC
// text; one without an offset is UTC); anything else as it is.
QVariant typedValue(const QVariant &v, CellKind kind)
{
    if ((kind != CellKind::Date && kind != CellKind::DateTime) || v.typeId() != QMetaType::QString)
        return v;
    const QString s = v.toString().trimmed();
    if (s.isEmpty())
        return {};
    if (kind == CellKind::Date && isIsoDay(s))
        return QDate::fromString(s, Qt::ISODate);
    QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid())
        return v; // written as text, through the guard
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return t;
}

io::ExportResult write(TableFormat format, const QString &path, const io::ExportTable &table, const io::RowSource &rows,
                       const io::ExportOptions &options)
{
    return format == TableFormat::Xlsx ? io::TableWriter::writeXlsx(path, table, rows, options)
                                       : io::TableWriter::writeCsv(path, table, rows, options);
}

// The kind a DataTable column's values have: text unless every value is of one kind.
io::ExportColumn kindOfValues(const analytics::DataTable &table, int column, io::ExportColumn col)
{
    bool integers = false, decimals = false, dates = false, times = false, other = false;
    for (const QVariantList &row : table.rows) {
        const QVariant v = row.value(column);
        if (!v.isValid() || v.isNull())
            continue;
        const int type = v.typeId();
        if (type == QMetaType::Double || type == QMetaType::Float)
            decimals = true;
        else if (isNumberType(type))
            integers = true;
        else if (type == QMetaType::QDate || (type == QMetaType::QString && isIsoDay(v.toString())))
            dates = true;
        else if (type == QMetaType::QDateTime)
            times = true;
        else
            other = true;
        if (other)
            break;
    }
    const int kinds = int(integers || decimals) + int(dates) + int(times);
    if (other || kinds != 1)
        return col; // text (also a column with no value at all)
    if (dates)
        col.kind = CellKind::Date;
    else if (times)
        col.kind = CellKind::DateTime;
    else
        col.kind = decimals ? CellKind::Decimal : CellKind::Integer;
    const QString name = table.columns.value(column);
    if (name == QLatin1String("id") || name.endsWith(QLatin1String("_id")) || name == QLatin1String("seq"))
        col.groupDigits = false; // a key reads "10234", not "10,234"
    return col;
}

QList<int> upTo(qsizetype n)
{
    QList<int> out(n);
    std::iota(out.begin(), out.end(), 0);
    return out;
}

void showStatus(QWidget *from, const QString &message)
{
    // A dialog's own window has no status bar: the main window under it has.
    for (QWidget *w = from; w; w = w->window()->parentWidget()) {
        if (auto *main = qobject_cast<QMainWindow *>(w->window())) {
            main->statusBar()->showMessage(message, 10000);
            return;
        }
    }
}

} // namespace

QList<int> TableExport::shownColumns(const QTableView *view)
{
    QList<int> out;
    const QAbstractItemModel *model = view->model();
    if (!model)
        return out;
    const QHeaderView *header = view->horizontalHeader();
    const int count = model->columnCount(view->rootIndex());
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (logical >= 0 && logical < count && !header->isSectionHidden(logical))
            out << logical;
    }
    return out;
}

QList<int> TableExport::shownRows(const QTableView *view)
{
    QList<int> out;
    const QAbstractItemModel *model = view->model();
    if (!model)
        return out;
    const int count = model->rowCount(view->rootIndex());
    const bool someHidden = view->verticalHeader()->hiddenSectionCount() > 0;
    out.reserve(count);
    for (int row = 0; row < count; ++row)
        if (!someHidden || !view->isRowHidden(row))
            out << row;
    return out;
}

QList<int> TableExport::shownSourceRows(const QTableView *view, const QAbstractItemModel *source)
{
    QList<int> out;
    const QList<int> rows = shownRows(view);
    out.reserve(rows.size());
    for (int row : rows) {
        QModelIndex i = view->model()->index(row, 0, view->rootIndex());
        while (i.isValid() && i.model() != source) {
            const auto *proxy = qobject_cast<const QAbstractProxyModel *>(i.model());
            i = proxy ? proxy->mapToSource(i) : QModelIndex();
        }
        out << (i.isValid() ? i.row() : -1);
    }
    return out;
}

io::ExportTable TableExport::viewTable(const QTableView *view, const ModelExport &spec)
{
    io::ExportTable table;
    table.title = spec.title;
    const QAbstractItemModel *model = view->model();
    for (int c : shownColumns(view)) {
        const ColumnExport k = spec.columns.value(c);
        const QString header = model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString().simplified();
        table.columns << io::ExportColumn(header, k.kind, k.unit, k.decimals);
    }
    return table;
}

io::ExportResult TableExport::exportModel(const QTableView *view, const ModelExport &spec, const QString &path,
                                          TableFormat format, io::ExportOptions options)
{
    QAbstractItemModel *model = view->model();
    if (!model) {
        io::ExportResult r;
        r.error = tr("There is no table to export.");
        return r;
    }
    const io::ExportTable table = viewTable(view, spec);
    const QList<int> columns = shownColumns(view);
    const QList<int> rows = shownRows(view);
    QList<int> roles;
    QList<CellKind> kinds;
    for (int c : columns) {
        const ColumnExport k = spec.columns.value(c);
        kinds << k.kind;
        roles << (k.role >= 0 ? k.role : k.kind == CellKind::Text ? int(Qt::DisplayRole) : spec.valueRole);
    }
    const QModelIndex root = view->rootIndex();

    // Rows are read while they are written; a progress callback that lets events run could
    // let the model change under the export. Any change of its shape stops the export rather
    // than write a file mixing two tables.
    bool changed = false, cancelled = false;
    const auto mark = [&changed] { changed = true; };
    const QList<QMetaObject::Connection> watching{
        QObject::connect(model, &QAbstractItemModel::modelAboutToBeReset, mark),
        QObject::connect(model, &QAbstractItemModel::layoutAboutToBeChanged, mark),
        QObject::connect(model, &QAbstractItemModel::rowsAboutToBeInserted, mark),
        QObject::connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, mark),
        QObject::connect(model, &QAbstractItemModel::rowsAboutToBeMoved, mark),
        QObject::connect(model, &QAbstractItemModel::columnsAboutToBeInserted, mark),
        QObject::connect(model, &QAbstractItemModel::columnsAboutToBeRemoved, mark),
        QObject::connect(model, &QAbstractItemModel::columnsAboutToBeMoved, mark),
        QObject::connect(model, &QObject::destroyed, mark),
    };
    const auto outer = options.progress;
    options.progress = [&](qsizetype done, qsizetype total) {
        if (outer && !outer(done, total))
            cancelled = true;
        return !cancelled && !changed; // no row is read after a change: this stops first
    };
    options.totalRows = rows.size();
    const io::RowSource source = [&](qsizetype i, QVariantList &cells) {
        if (i >= rows.size() || changed)
            return false;
        const int row = rows.at(i);
        for (qsizetype k = 0; k < columns.size(); ++k)
            cells << typedValue(model->index(row, columns.at(k), root).data(roles.at(k)), kinds.at(k));
        return true;
    };
    io::ExportResult result = write(format, path, table, source, options);
    for (const QMetaObject::Connection &c : watching)
        QObject::disconnect(c);
    if (changed && !cancelled) {
        result = {};
        result.error = tr("The table changed while it was being exported, so %1 was not written. Export it again.")
                           .arg(QDir::toNativeSeparators(path));
    }
    return result;
}

QList<io::ExportColumn> TableExport::dataTableColumns(const analytics::DataTable &table, const QList<int> &columns)
{
    QList<io::ExportColumn> out;
    for (int c : columns) {
        const QString name = table.columns.value(c);
        io::ExportColumn col(table.header(c));
        if (table.exportIds.contains(c)) {
            // global ids: text
        } else if (name.endsWith(QLatin1String("_cents"))) {
            col.kind = CellKind::Money;
            col.unit = table.currency;
        } else if (name.endsWith(QLatin1String("_pct"))) {
            col.kind = CellKind::Percent;
            col.decimals = 1; // as the screen shows them
        } else if (name.endsWith(QLatin1String("_at"))) {
            col.kind = CellKind::DateTime;
        } else {
            col = kindOfValues(table, c, col);
        }
        out << col;
    }
    return out;
}

io::ExportResult TableExport::exportDataTable(const analytics::DataTable &table, const QString &path, TableFormat format,
                                              std::optional<QList<int>> rows, std::optional<QList<int>> columns,
                                              io::ExportOptions options)
{
    const QList<int> rowList = rows ? *rows : upTo(table.rows.size());
    const QList<int> columnList = columns ? *columns : upTo(table.columns.size());
    io::ExportTable out;
    out.title = table.title;
    out.columns = dataTableColumns(table, columnList);
    options.totalRows = rowList.size();
    const io::RowSource source = [&](qsizetype i, QVariantList &cells) {
        if (i >= rowList.size())
            return false;
        const int row = rowList.at(i);
        for (qsizetype k = 0; k < columnList.size(); ++k) {
            const int c = columnList.at(k);
            QVariant v = row >= 0 && row < table.rows.size() ? table.exportValue(row, c) : QVariant();
            switch (out.columns.at(k).kind) {
            case CellKind::Percent:
                if (isNumberType(v.typeId()))
                    v = v.toDouble() / 100.0; // the table holds percent, the writer fractions
                break;
            case CellKind::Date:
            case CellKind::DateTime:
                v = typedValue(v, out.columns.at(k).kind);
                break;
            case CellKind::Text:
                if (v.typeId() == QMetaType::Bool)
                    v = analytics::displayValue(table.columns.value(c), v); // yes / no, as shown
                break;
            default:
                break;
            }
            cells << v;
        }
        return true;
    };
    return write(format, path, out, source, options);
}

TableFormat TableExport::formatOfFilter(const QString &filter)
{
    return filter.contains(QLatin1String("*.csv"), Qt::CaseInsensitive) ? TableFormat::Csv : TableFormat::Xlsx;
}

QString TableExport::withSuffix(const QString &path, TableFormat format)
{
    const QLatin1String want(format == TableFormat::Csv ? ".csv" : ".xlsx");
    const QLatin1String other(format == TableFormat::Csv ? ".xlsx" : ".csv");
    if (path.endsWith(want, Qt::CaseInsensitive))
        return path;
    if (path.endsWith(other, Qt::CaseInsensitive))
        return path.left(path.size() - other.size()) + want;
    return path + want;
}

bool TableExport::exportWithDialog(QWidget *parent, const QString &suggestedName, qsizetype rows, const Write &writeRows)
{
    QPointer<QWidget> window = parent ? parent->window() : nullptr;
    if (window && window->property(kRunningProperty).toBool())
        return false;
    QSettings settings;
    const QString xlsxFilter = tr("Excel workbook (*.xlsx)");
    const QString csvFilter = tr("CSV (*.csv)");
    const TableFormat last = settings.value(QLatin1String(kFormatKey)).toString() == QLatin1String("csv") ? TableFormat::Csv
                                                                                                       : TableFormat::Xlsx;
    QString filter = last == TableFormat::Csv ? csvFilter : xlsxFilter;
    const QString folder = settings.value(QLatin1String(kLastDirKey),
                                          QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    QString path = QFileDialog::getSaveFileName(parent, tr("Export table"),
                                                QDir(folder).filePath(withSuffix(safeFileName(suggestedName), last)),
                                                xlsxFilter + QStringLiteral(";;") + csvFilter, &filter);
    if (path.isEmpty())
        return false;
    const TableFormat format = formatOfFilter(filter);
    const QString chosen = path;
    path = withSuffix(path, format);
    // The dialog asked before replacing the name typed; not the one with its suffix changed.
    if (path != chosen && QFileInfo::exists(path)
        && QMessageBox::question(parent, tr("Export table"),
                                 tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(path)))
               != QMessageBox::Yes)
        return false;
    settings.setValue(QLatin1String(kLastDirKey), QFileInfo(path).absolutePath());
    settings.setValue(QLatin1String(kFormatKey), format == TableFormat::Csv ? QStringLiteral("csv") : QStringLiteral("xlsx"));

    if (window)
        window->setProperty(kRunningProperty, true);
    const int count = int(std::min<qsizetype>(rows, std::numeric_limits<int>::max()));
    QProgressDialog progress(tr("Exporting %n row(s)…", nullptr, count), tr("Cancel"), 0, std::max(count, 1), parent);
    progress.setWindowTitle(tr("Export table"));
    progress.setWindowModality(Qt::WindowModal); // the table cannot be changed under the export
    progress.setMinimumDuration(500);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.setValue(0);
    io::ExportOptions options;
    options.progress = [&progress](qsizetype done, qsizetype) {
        progress.setValue(int(std::min<qsizetype>(done, progress.maximum()))); // lets events run once it shows
        return !progress.wasCanceled();
    };
    QGuiApplication::setOverrideCursor(Qt::BusyCursor);
    const io::ExportResult result = writeRows(path, format, options);
    QGuiApplication::restoreOverrideCursor();
    progress.close();
    if (window)
        window->setProperty(kRunningProperty, QVariant());

    if (result.cancelled)
        return false;
    if (!result.ok) {
        QMessageBox::warning(parent, tr("Export failed"), result.error);
        return false;
    }
    if (!result.warning.isEmpty())
        QMessageBox::warning(parent, tr("Export table"), result.warning);
    const int written = int(std::min<qsizetype>(result.rows, std::numeric_limits<int>::max()));
    showStatus(parent, tr("Exported %n row(s) to %1.", nullptr, written).arg(QDir::toNativeSeparators(path)));
    return true;
}

bool TableExport::exportViewWithDialog(QWidget *parent, const QTableView *view, const ModelExport &spec)
{
    const QString name = spec.title + QLatin1Char(' ') + QDate::currentDate().toString(Qt::ISODate);
    QPointer<const QTableView> guard(view);
    return exportWithDialog(parent, name, shownRows(view).size(),
                            [guard, &spec](const QString &path, TableFormat format, const io::ExportOptions &options) {
                                if (!guard) {
                                    io::ExportResult r;
                                    r.error = tr("There is no table to export.");
                                    return r;
                                }
                                return exportModel(guard, spec, path, format, options);
                            });
}

bool TableExport::exportDataTableWithDialog(QWidget *parent, const analytics::DataTable &table,
                                            std::optional<QList<int>> rows, std::optional<QList<int>> columns)
{
    const qsizetype count = rows ? rows->size() : table.rows.size();
    return exportWithDialog(parent, table.title, count,
                            [&](const QString &path, TableFormat format, const io::ExportOptions &options) {
                                return exportDataTable(table, path, format, rows, columns, options);
                            });
}

QAction *TableExport::addExportAction(QWidget *page, const QList<QKeySequence> &keys)
{
    const QList<QKeySequence> shortcuts = keys.isEmpty() ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_E)} : keys;
    auto *action = new QAction(tr("Export…"), page);
    action->setObjectName(QStringLiteral("exportTableAction"));
    action->setShortcuts(shortcuts);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(tr("Export the rows as filtered and sorted, with the columns shown, "
                          "as an Excel workbook or CSV (%1)")
                           .arg(shortcuts.first().toString(QKeySequence::NativeText)));
    page->addAction(action);
    return action;
}

QPushButton *TableExport::exportButton(QAction *action, QWidget *parent)
{
    auto *button = new QPushButton(action->text(), parent);
    button->setObjectName(QStringLiteral("exportButton"));
    button->setToolTip(action->toolTip());
    button->setAutoDefault(false);
    button->setEnabled(action->isEnabled());
    QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
    QObject::connect(action, &QAction::enabledChanged, button, &QWidget::setEnabled);
    return button;
}

} // namespace cockpit::ui

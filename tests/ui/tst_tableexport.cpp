// The table export of every view (ui/tableexport.h, issue 11): what a view shows — its
// proxy's filter and sort, the columns not hidden in their visual order, the headers as
// displayed — written as XLSX and CSV and read back: numbers as numbers (not "¥1,054"),
// money in its currency's unit, dates as dates, the formula guard on text; a DataTable typed
// by its column names; the export stopped when the model changes under it; and the Leads
// screen of a tiny demo exporting its filtered, sorted rows.
#include "activitylogpage.h"
#include "alertspage.h"
#include "analytics/figureservice.h"
#include "customerspage.h"
#include "demowindow.h"
#include "drilldowndialog.h"
#include "io/csvreader.h"
#include "items/catalog.h"
#include "items/editcontroller.h"
#include "items/leadfiltermodel.h"
#include "items/leadtablemodel.h"
#include "leadspage.h"
#include "storage/database.h"
#include "storespage.h"
#include "tableexport.h"
#include "teampage.h"
#include "tinydemo.h"
#include "xlsxreadback.h"

#include <QAction>
#include <QComboBox>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUndoStack>

#include <cmath>
#include <memory>

using namespace cockpit;
using namespace cockpit::ui;
using io::CellKind;
using namespace xlsxreadback;

namespace {

constexpr int kValueRole = Qt::UserRole + 1;
enum { Name, Amount, Due, Delta, Note, Secret, Updated, Columns };

// Excel's serial day of `d` (the writer's 1900 date system).
double serial(QDate d)
{
    return double(QDate(1899, 12, 30).daysTo(d));
}

QList<QStringList> readCsv(const QString &path)
{
    QList<QStringList> out;
    io::CsvReader reader;
    if (!reader.open(path))
        return out;
    io::CsvRecord record;
    while (reader.next(record))
        out << record.fields;
    return out;
}

// A small model behind a filter and sort proxy, in a view with a hidden and a moved column.
struct Fixture
{
    QStandardItemModel model{0, Columns};
    QSortFilterProxyModel proxy;
    QTableView view;

    Fixture()
    {
        model.setHorizontalHeaderLabels({QStringLiteral("Name"), QStringLiteral("Amount"), QStringLiteral("Due"),
                                         QStringLiteral("Delta"), QStringLiteral("Note"), QStringLiteral("Secret"),
                                         QStringLiteral("Updated")});
        const QDateTime at(QDate(2026, 3, 5), QTime(6, 30), Qt::UTC);
        add(QStringLiteral("alpha"), 105400, QDate(2026, 3, 5), -7, QStringLiteral("=HYPERLINK(\"x\")"), at);
        add(QStringLiteral("skip me"), 999999, QDate(2026, 1, 1), 1, QStringLiteral("filtered out"), at);
        add(QStringLiteral("beta"), 250, QDate(2026, 1, 31), 12, QStringLiteral("plain"),
            QStringLiteral("2026-03-05T06:30:00Z")); // stored instants are UTC ISO text
        add(QStringLiteral("gamma"), -1999, QDate(), 0, QStringLiteral("@SUM(A1)"), QVariant());
        add(QStringLiteral("delta"), 5000000, QDate(2025, 12, 24), -1, QStringLiteral("+1"), at);
        proxy.setSourceModel(&model);
        proxy.setSortRole(kValueRole);
        proxy.setFilterKeyColumn(Name);
        proxy.setFilterRegularExpression(QStringLiteral("^(?!skip)"));
        view.setModel(&proxy);
        view.setSortingEnabled(true);
        view.sortByColumn(Amount, Qt::DescendingOrder); // delta, alpha, beta, gamma
        view.setColumnHidden(Secret, true);
        view.horizontalHeader()->moveSection(view.horizontalHeader()->visualIndex(Note), 0);
        // Visual order now: Note, Name, Amount, Due, Delta, Updated.
    }

    void add(const QString &name, qint64 cents, QDate due, qint64 delta, const QString &note, const QVariant &updated)
    {
        QList<QStandardItem *> row;
        auto item = [&](const QString &display, const QVariant &value) {
            auto *i = new QStandardItem(display);
            i->setData(value, kValueRole);
            row << i;
        };
        item(name, name);
        item(QStringLiteral("¥%L1").arg(cents / 100), cents); // what the screen shows: not a number
        item(due.isValid() ? due.toString(QStringLiteral("d MMM")) : QString(), due.isValid() ? QVariant(due) : QVariant());
        item(QString::number(delta), delta);
        item(note, note);
        item(QString(QStringLiteral("secret ") + name), QString(QStringLiteral("secret ") + name));
        item(QStringLiteral("shown time"), updated);
        model.appendRow(row);
    }

    static ModelExport spec(const QString &currency)
    {
        ModelExport s;
        s.title = QStringLiteral("Test table");
        s.valueRole = kValueRole;
        s.columns = {{Amount, ColumnExport(CellKind::Money, currency)},
                     {Due, ColumnExport(CellKind::Date)},
                     {Delta, ColumnExport(CellKind::Integer)},
                     {Updated, ColumnExport(CellKind::DateTime)}};
        return s;
    }

    static io::ExportOptions shanghai()
    {
        io::ExportOptions o;
        o.timeZone = QTimeZone("Asia/Shanghai");
        return o;
    }
};

} // namespace

class TestTableExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shownRowsAndColumns();
    void xlsxOfAView();
    void csvOfAView();
    void stopsWhenTheModelChanges();
    void cancelLeavesNoFile();
    void dataTableKinds();
    void dataTableXlsx();
    void suffixes_data();
    void suffixes();
    void leadsPage();
    void drillDown();
    void interactive();
    void everyTableHasExport();
};

void TestTableExport::shownRowsAndColumns()
{
    Fixture f;
    QCOMPARE(TableExport::shownColumns(&f.view), (QList<int>{Note, Name, Amount, Due, Delta, Updated}));
    QCOMPARE(TableExport::shownRows(&f.view), (QList<int>{0, 1, 2, 3}));
    QCOMPARE(TableExport::shownSourceRows(&f.view, &f.model), (QList<int>{4, 0, 2, 3}));
    f.view.setRowHidden(1, true);
    QCOMPARE(TableExport::shownSourceRows(&f.view, &f.model), (QList<int>{4, 2, 3}));
    const io::ExportTable t = TableExport::viewTable(&f.view, Fixture::spec(QStringLiteral("CNY")));
    QCOMPARE(t.columns.size(), 6);
    QCOMPARE(t.columns.at(2).header, QStringLiteral("Amount"));
    QCOMPARE(io::TableWriter::headerText(t.columns.at(2)), QStringLiteral("Amount (CNY)"));
}

void TestTableExport::xlsxOfAView()
{
    QTemporaryDir dir;
    Fixture f;
    const QString path = dir.filePath(QStringLiteral("view.xlsx"));
    const io::ExportResult r =
        TableExport::exportModel(&f.view, Fixture::spec(QStringLiteral("CNY")), path, TableFormat::Xlsx, Fixture::shanghai());
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.rows, 4);
    const Workbook w = readWorkbook(path);
    const XSheet &s = w.sheet;
    QVERIFY2(s.xmlError.isEmpty(), qPrintable(s.xmlError));
    QVERIFY(!s.formula); // no <f> anywhere

    // Only the shown columns, in their visual order, headers as displayed, money with its unit.
    const QStringList headers{QStringLiteral("Note"), QStringLiteral("Name"), QStringLiteral("Amount (CNY)"),
                              QStringLiteral("Due"), QStringLiteral("Delta"), QStringLiteral("Updated")};
    for (int c = 0; c < headers.size(); ++c)
        QCOMPARE(s.cells.value(QString(QChar(u'A' + c)) + u'1').text, headers.at(c));
    QVERIFY(!s.cells.contains(QStringLiteral("G1")));
    for (const XCell &c : s.cells)
        QVERIFY2(!c.text.startsWith(QLatin1String("secret")) && !c.text.contains(u'¥'), qPrintable(c.text));

    // The proxy's rows in its order: the filtered row left out, sorted by amount descending.
    QCOMPARE(s.cells.value(QStringLiteral("B2")).text, QStringLiteral("delta"));
    QCOMPARE(s.cells.value(QStringLiteral("B3")).text, QStringLiteral("alpha"));
    QCOMPARE(s.cells.value(QStringLiteral("B4")).text, QStringLiteral("beta"));
    QCOMPARE(s.cells.value(QStringLiteral("B5")).text, QStringLiteral("gamma"));
    QVERIFY(!s.cells.contains(QStringLiteral("A6")));

    auto number = [&](const char *ref, double value, const QString &format) {
        const XCell c = s.cells.value(QLatin1String(ref));
        QVERIFY2(c.type.isEmpty(), ref); // not t="s" / "str" / "inlineStr": a number
        bool ok = false;
        const double v = c.value.toDouble(&ok);
        QVERIFY2(ok && std::abs(v - value) < 1e-9, qPrintable(QLatin1String(ref) + u' ' + c.value));
        QCOMPARE(w.style(QLatin1String(ref)).numberFormat, format);
    };
    number("C2", 50000, QStringLiteral("#,##0.00"));
    number("C3", 1054, QStringLiteral("#,##0.00"));
    number("C5", -19.99, QStringLiteral("#,##0.00"));
    number("D2", serial(QDate(2025, 12, 24)), QStringLiteral("yyyy-mm-dd"));
    number("D3", serial(QDate(2026, 3, 5)), QStringLiteral("yyyy-mm-dd"));
    QVERIFY(s.cells.value(QStringLiteral("D5")).value.isEmpty()); // no date: an empty cell
    number("E2", -1, QStringLiteral("#,##0")); // a negative integer stays a number
    number("E3", -7, QStringLiteral("#,##0"));
    // 06:30 UTC is 14:30 in Shanghai; the ISO text of "beta" becomes the same instant.
    const double at = serial(QDate(2026, 3, 5)) + 14.5 / 24;
    number("F3", at, QStringLiteral("yyyy-mm-dd hh:mm"));
    number("F4", at, QStringLiteral("yyyy-mm-dd hh:mm"));

    // Text that a spreadsheet would run is written as text, quoted.
    QCOMPARE(s.cells.value(QStringLiteral("A3")).text, QStringLiteral("'=HYPERLINK(\"x\")"));
    QVERIFY(!s.cells.value(QStringLiteral("A3")).type.isEmpty());
    QVERIFY(!s.cells.value(QStringLiteral("A3")).formula);
    QCOMPARE(s.cells.value(QStringLiteral("A2")).text, QStringLiteral("'+1"));
    QCOMPARE(s.cells.value(QStringLiteral("A5")).text, QStringLiteral("'@SUM(A1)"));
    QCOMPARE(s.cells.value(QStringLiteral("A4")).text, QStringLiteral("plain"));
}

void TestTableExport::csvOfAView()
{
    QTemporaryDir dir;
    Fixture f;
    const QString path = dir.filePath(QStringLiteral("view.csv"));
    const io::ExportResult r =
        TableExport::exportModel(&f.view, Fixture::spec(QStringLiteral("USD")), path, TableFormat::Csv, Fixture::shanghai());
    QVERIFY2(r.ok, qPrintable(r.error));
    const QList<QStringList> rows = readCsv(path);
    QCOMPARE(rows.size(), 5);
    QCOMPARE(rows.at(0), (QStringList{QStringLiteral("Note"), QStringLiteral("Name"), QStringLiteral("Amount (USD)"),
                                      QStringLiteral("Due"), QStringLiteral("Delta"), QStringLiteral("Updated")}));
    QCOMPARE(rows.at(1), (QStringList{QStringLiteral("'+1"), QStringLiteral("delta"), QStringLiteral("50000.00"),
                                      QStringLiteral("2025-12-24"), QStringLiteral("-1"),
                                      QStringLiteral("2026-03-05 14:30:00")}));
    QCOMPARE(rows.at(2), (QStringList{QStringLiteral("'=HYPERLINK(\"x\")"), QStringLiteral("alpha"),
                                      QStringLiteral("1054.00"), QStringLiteral("2026-03-05"), QStringLiteral("-7"),
                                      QStringLiteral("2026-03-05 14:30:00")}));
    QCOMPARE(rows.at(3).at(5), QStringLiteral("2026-03-05 14:30:00"));
    QCOMPARE(rows.at(4), (QStringList{QStringLiteral("'@SUM(A1)"), QStringLiteral("gamma"), QStringLiteral("-19.99"),
                                      QString(), QStringLiteral("0"), QString()}));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.contains("secret"));
    QVERIFY(!bytes.contains("\xC2\xA5")); // no "¥": numbers, not what the cells display
}

void TestTableExport::stopsWhenTheModelChanges()
{
    QTemporaryDir dir;
    Fixture f;
    const QString path = dir.filePath(QStringLiteral("changed.xlsx"));
    io::ExportOptions o;
    o.progress = [&f](qsizetype, qsizetype) {
        f.model.removeRow(0); // what an event handled during the export could do
        return true;
    };
    const io::ExportResult r = TableExport::exportModel(&f.view, Fixture::spec(QStringLiteral("CNY")), path,
                                                        TableFormat::Xlsx, o);
    QVERIFY(!r.ok);
    QVERIFY(!r.cancelled);
    QVERIFY2(r.error.contains(QStringLiteral("changed")), qPrintable(r.error));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden), QStringList());
}

void TestTableExport::cancelLeavesNoFile()
{
    QTemporaryDir dir;
    Fixture f;
    for (TableFormat format : {TableFormat::Xlsx, TableFormat::Csv}) {
        const QString path = dir.filePath(format == TableFormat::Xlsx ? QStringLiteral("c.xlsx") : QStringLiteral("c.csv"));
        io::ExportOptions o;
        o.progress = [](qsizetype, qsizetype) { return false; };
        const io::ExportResult r = TableExport::exportModel(&f.view, Fixture::spec(QStringLiteral("CNY")), path, format, o);
        QVERIFY(r.cancelled);
        QVERIFY(r.error.isEmpty());
        QVERIFY(!QFile::exists(path));
    }
}

namespace {
analytics::DataTable sampleTable()
{
    analytics::DataTable t;
    t.title = QStringLiteral("Rows behind a figure");
    t.columns = {QStringLiteral("lead_id"), QStringLiteral("amount_cents"), QStringLiteral("win_rate_pct"),
                 QStringLiteral("raised_at"), QStringLiteral("day"),       QStringLiteral("count"),
                 QStringLiteral("ratio"),     QStringLiteral("signed"),    QStringLiteral("month"),
                 QStringLiteral("title"),     QStringLiteral("store_id")};
    t.headers = {QStringLiteral("Lead"), QStringLiteral("Amount"), QStringLiteral("Win rate"), QStringLiteral("Raised"),
                 QStringLiteral("Day"),  QStringLiteral("Count"),  QStringLiteral("Ratio"),    QStringLiteral("Signed"),
                 QStringLiteral("Month"), QStringLiteral("Title"), QStringLiteral("Store")};
    t.currency = QStringLiteral("USD");
    t.keyColumn = 0;
    t.keyKind = QStringLiteral("lead");
    t.rows = {
        {QStringLiteral("17"), qint64(123456), 87.5, QStringLiteral("2026-03-05T06:30:00Z"), QDate(2026, 3, 5), 3, 1.25,
         true, QStringLiteral("2026-03"), QStringLiteral("=cmd|' /C calc'!A0"), 12},
        {QStringLiteral("18"), qint64(-50), 0.0, QVariant(), QStringLiteral("2026-03-06"), -4, 2, false,
         QStringLiteral("2026-04"), QStringLiteral("Plain"), 13},
        {QStringLiteral("19"), QVariant(), QVariant(), QStringLiteral("2026-03-07T00:00:00Z"), QVariant(), 0, 0.5, true,
         QStringLiteral("2026-05"), QString(), 14},
    };
    t.exportIds[0] = {{QStringLiteral("17"), QStringLiteral("0b6f4a6e-uuid-17")},
                      {QStringLiteral("18"), QStringLiteral("0b6f4a6e-uuid-18")}};
    return t;
}
} // namespace

void TestTableExport::dataTableKinds()
{
    const analytics::DataTable t = sampleTable();
    QList<int> all;
    for (int c = 0; c < t.columns.size(); ++c)
        all << c;
    const QList<io::ExportColumn> cols = TableExport::dataTableColumns(t, all);
    const QList<CellKind> kinds{CellKind::Text,    CellKind::Money,   CellKind::Percent, CellKind::DateTime,
                                CellKind::Date,    CellKind::Integer, CellKind::Decimal, CellKind::Text,
                                CellKind::Text,    CellKind::Text,    CellKind::Integer};
    for (int c = 0; c < kinds.size(); ++c)
        QVERIFY2(cols.at(c).kind == kinds.at(c), qPrintable(t.columns.at(c)));
    QCOMPARE(cols.at(1).unit, QStringLiteral("USD"));
    QCOMPARE(io::TableWriter::headerText(cols.at(1)), QStringLiteral("Amount (USD)"));
    QVERIFY(!cols.at(10).groupDigits); // an id: 10234, not 10,234
    QVERIFY(cols.at(5).groupDigits);
}

void TestTableExport::dataTableXlsx()
{
    QTemporaryDir dir;
    const analytics::DataTable t = sampleTable();
    const QString path = dir.filePath(QStringLiteral("table.xlsx"));
    io::ExportOptions o = Fixture::shanghai();
    // Rows as a view sorted them (the third, then the first), the key column and five others.
    const io::ExportResult r = TableExport::exportDataTable(t, path, TableFormat::Xlsx, QList<int>{2, 0},
                                                            QList<int>{0, 1, 2, 3, 4, 7, 9}, o);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.rows, 2);
    const Workbook w = readWorkbook(path);
    const XSheet &s = w.sheet;
    QVERIFY(!s.formula);
    QCOMPARE(s.cells.value(QStringLiteral("B1")).text, QStringLiteral("Amount (USD)"));
    QCOMPARE(s.cells.value(QStringLiteral("A2")).text, QString()); // no global id for key 19: empty
    QCOMPARE(s.cells.value(QStringLiteral("A3")).text, QStringLiteral("0b6f4a6e-uuid-17"));
    QCOMPARE(s.cells.value(QStringLiteral("B3")).value, QStringLiteral("1234.56"));
    QCOMPARE(w.style(QStringLiteral("B3")).numberFormat, QStringLiteral("#,##0.00"));
    QCOMPARE(s.cells.value(QStringLiteral("C3")).value, QStringLiteral("0.875"));
    QCOMPARE(w.style(QStringLiteral("C3")).numberFormat, QStringLiteral("0.0%"));
    QCOMPARE(s.cells.value(QStringLiteral("D3")).value.toDouble(), serial(QDate(2026, 3, 5)) + 14.5 / 24);
    QCOMPARE(w.style(QStringLiteral("D3")).numberFormat, QStringLiteral("yyyy-mm-dd hh:mm"));
    QCOMPARE(s.cells.value(QStringLiteral("E3")).value.toDouble(), serial(QDate(2026, 3, 5)));
    QCOMPARE(w.style(QStringLiteral("E3")).numberFormat, QStringLiteral("yyyy-mm-dd"));
    QCOMPARE(s.cells.value(QStringLiteral("F3")).text, QStringLiteral("yes"));
    QCOMPARE(s.cells.value(QStringLiteral("G3")).text, QStringLiteral("'=cmd|' /C calc'!A0"));

    const QString csv = dir.filePath(QStringLiteral("table.csv"));
    QVERIFY(TableExport::exportDataTable(t, csv, TableFormat::Csv, QList<int>{1}, std::nullopt, o).ok);
    const QList<QStringList> rows = readCsv(csv);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).at(1), QStringLiteral("Amount (USD)"));
    QCOMPARE(rows.at(0).at(2), QStringLiteral("Win rate (%)"));
    QCOMPARE(rows.at(1).mid(0, 8),
             (QStringList{QStringLiteral("0b6f4a6e-uuid-18"), QStringLiteral("-0.50"), QStringLiteral("0.0"), QString(),
                          QStringLiteral("2026-03-06"), QStringLiteral("-4"), QStringLiteral("2.00"), QStringLiteral("no")}));

    // No rows chosen (a filter that matches nothing): a header and no rows, not every row.
    QVERIFY(TableExport::exportDataTable(t, csv, TableFormat::Csv, QList<int>{}).ok);
    QCOMPARE(readCsv(csv).size(), 1);
}

void TestTableExport::suffixes_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("path");
    QTest::newRow("xlsx filter, no suffix") << "Excel workbook (*.xlsx)" << "/t/leads" << "/t/leads.xlsx";
    QTest::newRow("xlsx filter, xlsx typed") << "Excel workbook (*.xlsx)" << "/t/leads.XLSX" << "/t/leads.XLSX";
    QTest::newRow("xlsx filter, csv typed") << "Excel workbook (*.xlsx)" << "/t/leads.csv" << "/t/leads.xlsx";
    QTest::newRow("csv filter, no suffix") << "CSV (*.csv)" << "/t/leads.2026" << "/t/leads.2026.csv";
    QTest::newRow("csv filter, xlsx typed") << "CSV (*.csv)" << "/t/leads.xlsx" << "/t/leads.csv";
    QTest::newRow("translated csv filter") << "CSV 文件 (*.csv)" << "/t/线索" << "/t/线索.csv";
}

void TestTableExport::suffixes()
{
    QFETCH(QString, filter);
    QFETCH(QString, typed);
    QFETCH(QString, path);
    QCOMPARE(TableExport::withSuffix(typed, TableExport::formatOfFilter(filter)), path);
}

void TestTableExport::leadsPage()
{
    QTemporaryDir dir;
    const QString dbPath = dir.filePath(QStringLiteral("demo.db"));
    const QString error = fixture::generateTinyDemo(dbPath, 7, QDate(2026, 11, 20));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    storage::Database db;
    QVERIFY(db.open(dbPath).ok());
    analytics::FigureService figures(db);
    Catalog catalog(db);
    catalog.setEnglishNames(true);
    QString loadError;
    QVERIFY2(catalog.load(&loadError), qPrintable(loadError));
    QUndoStack undo;
    EditController edits(db, undo);
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    {
        LeadsPage page(catalog, edits, figures, settings);
        page.resize(1366, 700);

        // The page's Export…: a button and Ctrl+E on the page.
        auto *button = page.findChild<QPushButton *>(QStringLiteral("exportButton"));
        QVERIFY(button);
        QVERIFY(button->toolTip().contains(QStringLiteral("filtered and sorted")));
        auto *action = page.findChild<QAction *>(QStringLiteral("exportTableAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        QCOMPARE(action->shortcutContext(), Qt::WidgetWithChildrenShortcut);

        // Won leads only, biggest first, Owner hidden and Amount moved to the front.
        auto *status = page.findChild<QComboBox *>(QStringLiteral("statusFilter"));
        QVERIFY(status);
        status->setCurrentIndex(status->findData(int(storage::LeadStatus::Won)));
        QTableView *table = page.table();
        LeadFilterModel *filter = page.filterModel();
        const int total = int(catalog.data().leads.size());
        QVERIFY(filter->rowCount() > 2 && filter->rowCount() < total);
        table->sortByColumn(LeadTableModel::AmountColumn, Qt::DescendingOrder);
        // Every column shown (the 1366-px default hides some; the header's chooser shows them).
        for (int c = 0; c < LeadTableModel::ColumnCount; ++c)
            table->setColumnHidden(c, false);
        table->setColumnHidden(LeadTableModel::OwnerColumn, true);
        QHeaderView *header = table->horizontalHeader();
        header->moveSection(header->visualIndex(LeadTableModel::AmountColumn), 0);

        const QString xlsx = dir.filePath(QStringLiteral("leads.xlsx"));
        const io::ExportResult r = page.exportTo(xlsx, TableFormat::Xlsx);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.rows, filter->rowCount());
        const Workbook w = readWorkbook(xlsx);
        const XSheet &s = w.sheet;
        QVERIFY(!s.formula);
        const QString currency = catalog.data().currency;
        QCOMPARE(s.cells.value(QStringLiteral("A1")).text, QStringLiteral("Amount (%1)").arg(currency));
        QCOMPARE(s.cells.value(QStringLiteral("B1")).text, QStringLiteral("Customer"));
        for (const XCell &c : s.cells)
            QVERIFY(c.text != QLatin1String("Owner"));
        // Row by row the filtered, sorted rows; amounts as numbers, descending.
        double previous = 1e18;
        for (int row = 0; row < filter->rowCount(); ++row) {
            const QString n = QString::number(row + 2);
            const XCell amount = s.cells.value(u'A' + n);
            QVERIFY(amount.type.isEmpty());
            const qint64 cents = filter->index(row, LeadTableModel::AmountColumn).data(LeadTableModel::ValueRole).toLongLong();
            QCOMPARE(amount.value.toDouble(), cents / 100.0);
            QVERIFY(amount.value.toDouble() <= previous);
            previous = amount.value.toDouble();
            QCOMPARE(s.cells.value(u'B' + n).text,
                     io::TableWriter::neutraliseFormula(filter->index(row, LeadTableModel::CustomerColumn).data().toString()));
        }
        QVERIFY(!s.cells.contains(QStringLiteral("A%1").arg(filter->rowCount() + 2)));

        const QString csv = dir.filePath(QStringLiteral("leads.csv"));
        QVERIFY(page.exportTo(csv, TableFormat::Csv).ok);
        const QList<QStringList> rows = readCsv(csv);
        QCOMPARE(rows.size(), filter->rowCount() + 1);
        QCOMPARE(rows.at(0).size(), LeadTableModel::ColumnCount - 1);
        QVERIFY(rows.at(0).contains(QStringLiteral("Probability (%)")));
        const int updated = int(rows.at(0).indexOf(QStringLiteral("Updated")));
        QVERIFY(updated > 0);
        QVERIFY(QDateTime::fromString(rows.at(1).at(updated), QStringLiteral("yyyy-MM-dd HH:mm:ss")).isValid());
        QCOMPARE(rows.at(1).at(0), QString::number(
            filter->index(0, LeadTableModel::AmountColumn).data(LeadTableModel::ValueRole).toLongLong() / 100.0, 'f', 2));
    }
}

void TestTableExport::drillDown()
{
    QTemporaryDir dir;
    DrillDownDialog dialog;
    dialog.setTable(sampleTable());
    QVERIFY(dialog.view()->isColumnHidden(0)); // the key column
    dialog.findChild<QLineEdit *>()->setText(QStringLiteral("yes")); // signed: rows 0 and 2
    dialog.view()->sortByColumn(5, Qt::AscendingOrder);                // by count: 0, then 3
    QCOMPARE(TableExport::shownSourceRows(dialog.view(), dialog.model()), (QList<int>{2, 0}));
    dialog.view()->setColumnHidden(6, true);
    // The hidden key leaves with its global ids, first; the column hidden by hand does not.
    const QList<int> columns = dialog.exportColumns();
    QCOMPARE(columns, (QList<int>{0, 1, 2, 3, 4, 5, 7, 8, 9, 10}));
    const QString path = dir.filePath(QStringLiteral("drill.xlsx"));
    const io::ExportResult r = TableExport::exportDataTable(
        dialog.model()->table(), path, TableFormat::Xlsx, TableExport::shownSourceRows(dialog.view(), dialog.model()), columns);
    QVERIFY2(r.ok, qPrintable(r.error));
    const Workbook w = readWorkbook(path);
    QCOMPARE(r.rows, 2);
    QCOMPARE(w.sheet.cells.value(QStringLiteral("A2")).text, QString()); // key 19 has no global id
    QCOMPARE(w.sheet.cells.value(QStringLiteral("F2")).value, QStringLiteral("0"));
    QCOMPARE(w.sheet.cells.value(QStringLiteral("A3")).text, QStringLiteral("0b6f4a6e-uuid-17"));
    QCOMPARE(w.sheet.cells.value(QStringLiteral("F3")).value, QStringLiteral("3"));
    QVERIFY(!w.sheet.formula);
    // Its Export… button and keys: Ctrl+E, and Ctrl+S as before.
    auto *action = dialog.findChild<QAction *>(QStringLiteral("exportTableAction"));
    QVERIFY(action);
    QCOMPARE(action->shortcuts(), (QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_E), QKeySequence(QKeySequence::Save)}));
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("exportButton")));
}

namespace {
// Answers the next file dialog: notes the filter it offers first, picks `filter` and `file`.
void answerFileDialog(const QString &filter, const QString &file, QString *offered)
{
    QTimer::singleShot(20, [=] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            answerFileDialog(filter, file, offered);
            return;
        }
        *offered = dialog->selectedNameFilter();
        dialog->selectNameFilter(filter);
        dialog->setDirectory(QFileInfo(file).path());
        // Typed, as a person would (selectFile() of another folder lands after the folder loads).
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        name->setText(QFileInfo(file).fileName());
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept(), which checks the name
    });
}
} // namespace

// The whole interactive path: the dialog's filter decides the format and the suffix, the
// folder and the format are remembered for the next export.
void TestTableExport::interactive()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(QStringLiteral("export"));
    QTemporaryDir dir;
    Fixture f;
    const ModelExport spec = Fixture::spec(QStringLiteral("CNY"));
    QString offered;
    answerFileDialog(QStringLiteral("CSV (*.csv)"), dir.filePath(QStringLiteral("picked")), &offered);
    QVERIFY(TableExport::exportViewWithDialog(&f.view, &f.view, spec));
    QCOMPARE(offered, QStringLiteral("Excel workbook (*.xlsx)")); // XLSX the first time
    QCOMPARE(readCsv(dir.filePath(QStringLiteral("picked.csv"))).size(), 5);
    QCOMPARE(QSettings().value(QStringLiteral("export/table_format")).toString(), QStringLiteral("csv"));
    QCOMPARE(QSettings().value(QStringLiteral("export/last_dir")).toString(), QFileInfo(dir.path()).absoluteFilePath());

    // Next time CSV is offered first; a ".csv" typed under the XLSX filter becomes ".xlsx".
    answerFileDialog(QStringLiteral("Excel workbook (*.xlsx)"), dir.filePath(QStringLiteral("again.csv")), &offered);
    QVERIFY(TableExport::exportViewWithDialog(&f.view, &f.view, spec));
    QCOMPARE(offered, QStringLiteral("CSV (*.csv)"));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("again.csv"))));
    QCOMPARE(readWorkbook(dir.filePath(QStringLiteral("again.xlsx"))).sheet.cells.value(QStringLiteral("B2")).text,
             QStringLiteral("delta"));
    QSettings().remove(QStringLiteral("export"));
}

// Every table screen has Export… with a key that no other action of the screen uses.
void TestTableExport::everyTableHasExport()
{
    fixture::DemoWindow w;
    const QString error = w.open();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<QWidget *> pages{w.window->findChild<LeadsPage *>(),  w.window->findChild<CustomersPage *>(),
                                 w.window->findChild<AlertsPage *>(), w.window->findChild<TeamPage *>(),
                                 w.window->findChild<StoresPage *>(), w.window->findChild<ActivityLogPage *>()};
    for (QWidget *page : pages) {
        QVERIFY(page);
        const QString name = QString::fromLatin1(page->metaObject()->className());
        QAction *action = nullptr;
        for (QAction *a : page->actions())
            if (a->objectName() == QLatin1String("exportTableAction"))
                action = a;
        QVERIFY2(action, qPrintable(name));
        QCOMPARE(action->shortcutContext(), Qt::WidgetWithChildrenShortcut);
        QVERIFY2(action->toolTip().contains(QStringLiteral("filtered and sorted")) || action->toolTip().contains(QStringLiteral("sort order")),
                 qPrintable(action->toolTip()));
        const QKeySequence key = action->shortcut();
        QCOMPARE(key, page == pages.at(2) ? QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E) : QKeySequence(Qt::CTRL | Qt::Key_E));
        for (const QAction *other : page->findChildren<QAction *>())
            if (other != action)
                QVERIFY2(!other->shortcuts().contains(key), qPrintable(name + u' ' + other->text()));
        for (const QAction *other : w.window->actions())
            QVERIFY2(!other->shortcuts().contains(key), qPrintable(other->text()));
        QVERIFY2(page->findChild<QAbstractButton *>(QStringLiteral("exportButton")), qPrintable(name));
    }
}

QTEST_MAIN(TestTableExport)
#include "tst_tableexport.moc"

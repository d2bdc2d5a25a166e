// The report's page layout (ui/reportdocument.h): a chart stays on the page of its table, a
// table-only section follows on the page when its first rows fit, a long table repeats its
// header and leaves its last page more than a couple of rows, and no page holds a heading
// alone. The PDF writer and a printer (PDF output here, no print server needed) lay out the
// same pages.
#include "reportdocument.h"

#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPrinter>
#include <QTemporaryDir>
#include <QtTest>

using namespace cockpit;
using cockpit::analytics::ReportTable;
using cockpit::ui::ReportDocument;

namespace {
ReportTable table(int rows, int columns = 5, const QString &longText = {})
{
    ReportTable t;
    for (int c = 0; c < columns; ++c) {
        t.headers << QStringLiteral("Column %1").arg(c);
        t.numeric << (c > 0);
    }
    for (int r = 0; r < rows; ++r) {
        QStringList row;
        row << (longText.isEmpty() ? QStringLiteral("Row %1").arg(r) : longText);
        for (int c = 1; c < columns; ++c)
            row << QLocale().toString(1000 * r + c);
        t.rows << row;
    }
    return t;
}

// A chart of `w` × `h` pixels at 96 dpi, drawn at 2×.
QPixmap chart(int w, int h)
{
    QPixmap p(QSize(w, h) * 2);
    p.setDevicePixelRatio(2);
    p.fill(QColor(0x44, 0x77, 0xaa));
    return p;
}

void setA4Landscape(QPagedPaintDevice &device)
{
    device.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(12, 12, 12, 12),
                                     QPageLayout::Millimeter));
}

// Every page shows something besides headings: a chart, or more than a couple of rows.
void verifyNoNearEmptyPage(const QVector<ReportDocument::PageSummary> &pages)
{
    for (int i = 0; i < pages.size(); ++i) {
        const ReportDocument::PageSummary &p = pages[i];
        QVERIFY2(p.charts > 0 || p.tableRows >= 4 || pages.size() == 1,
                 qPrintable(QStringLiteral("page %1 of %2: %3 charts, %4 rows (%5)")
                                .arg(i + 1).arg(pages.size()).arg(p.charts).arg(p.tableRows).arg(p.headings.join(QStringLiteral(" | ")))));
        QVERIFY2(p.filled > 0.1 && p.filled <= 1.0 + 1e-9, qPrintable(QStringLiteral("page %1 filled %2").arg(i + 1).arg(p.filled)));
    }
}
} // namespace

class TestReportDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void chartKeepsItsTable();
    void tableFollowsOnThePage();
    void longTableRepeatsItsHeaderAndLeavesNoWidow();
    void longTextWraps();
    void emptyTable();
    void pdfAndPrinterAgree();
};

void TestReportDocument::chartKeepsItsTable()
{
    QTemporaryDir dir;
    QPdfWriter writer(dir.filePath(QStringLiteral("a.pdf")));
    writer.setResolution(300);
    setA4Landscape(writer);
    ReportDocument doc(QStringLiteral("Sales cockpit"), QStringLiteral("Q4 2026 · Whole company · generated 2026-12-05 09:00"));
    // Wide charts (stacked over their table); the second's table runs a little over a page
    // under the chart at full size: the chart gives way and the table stays with it.
    doc.addSection(QStringLiteral("KPI baseline"), chart(1300, 110), table(5));
    doc.addSection(QStringLiteral("Stage conversion"), chart(900, 330), table(22));
    // A narrow chart: its table beside it.
    doc.addSection(QStringLiteral("Funnel"), chart(500, 280), table(6, 4));
    const auto pages = doc.layout(&writer);
    verifyNoNearEmptyPage(pages);
    QCOMPARE(pages.size(), 3);
    // Each chart on the page of its whole table.
    QCOMPARE(pages[0].headings, QStringList{QStringLiteral("KPI baseline")});
    QCOMPARE(pages[0].tableRows, 5);
    QCOMPARE(pages[1].headings, QStringList{QStringLiteral("Stage conversion")});
    QCOMPARE(pages[1].charts, 1);
    QCOMPARE(pages[1].tableRows, 22);
    QCOMPARE(pages[2].tableRows, 6);
}

void TestReportDocument::tableFollowsOnThePage()
{
    QTemporaryDir dir;
    QPdfWriter writer(dir.filePath(QStringLiteral("b.pdf")));
    writer.setResolution(300);
    setA4Landscape(writer);
    ReportDocument doc(QStringLiteral("Report"), QStringLiteral("subtitle"));
    doc.addSection(QStringLiteral("Funnel"), chart(500, 200), table(5, 4));
    doc.addSection(QStringLiteral("Open alerts"), {}, table(6));
    const auto pages = doc.layout(&writer);
    QCOMPARE(pages.size(), 1);
    QCOMPARE(pages[0].headings, (QStringList{QStringLiteral("Funnel"), QStringLiteral("Open alerts")}));
    QCOMPARE(pages[0].tableRows, 11);
}

void TestReportDocument::longTableRepeatsItsHeaderAndLeavesNoWidow()
{
    QTemporaryDir dir;
    QPdfWriter writer(dir.filePath(QStringLiteral("c.pdf")));
    writer.setResolution(300);
    setA4Landscape(writer);
    // Find the rows of one page, then ask for one more: the last page gets more than one.
    int perPage = 0;
    {
        ReportDocument probe(QStringLiteral("Report"), QStringLiteral("subtitle"));
        probe.addSection(QStringLiteral("Alerts"), {}, table(200));
        perPage = probe.layout(&writer).first().tableRows;
    }
    QVERIFY(perPage > 10);
    ReportDocument doc(QStringLiteral("Report"), QStringLiteral("subtitle"));
    doc.addSection(QStringLiteral("Alerts"), {}, table(perPage + 1));
    const auto pages = doc.layout(&writer);
    QCOMPARE(pages.size(), 2);
    verifyNoNearEmptyPage(pages);
    QCOMPARE(pages[0].tableRows + pages[1].tableRows, perPage + 1);
    QCOMPARE(pages[1].headings, QStringList{QStringLiteral("Alerts (continued)")});
    // A table-only section whose first rows do not fit under the one before starts overleaf.
    ReportDocument two(QStringLiteral("Report"), QStringLiteral("subtitle"));
    two.addSection(QStringLiteral("First"), {}, table(perPage - 2));
    two.addSection(QStringLiteral("Second"), {}, table(8));
    const auto twoPages = two.layout(&writer);
    QCOMPARE(twoPages.size(), 2);
    QCOMPARE(twoPages[1].headings, QStringList{QStringLiteral("Second")});
    verifyNoNearEmptyPage(twoPages);
}

void TestReportDocument::longTextWraps()
{
    QTemporaryDir dir;
    QPdfWriter writer(dir.filePath(QStringLiteral("d.pdf")));
    writer.setResolution(300);
    setA4Landscape(writer);
    // Long text is wrapped in its cell, never cut: the same rows need more height.
    const QString longText = QStringLiteral("同一线索一天内阶段变更 7 次：智能门店项目，") .repeated(12);
    ReportDocument shortDoc(QStringLiteral("Report"), QStringLiteral("subtitle"));
    shortDoc.addSection(QStringLiteral("Alerts"), {}, table(60, 5));
    ReportDocument longDoc(QStringLiteral("Report"), QStringLiteral("subtitle"));
    longDoc.addSection(QStringLiteral("Alerts"), {}, table(60, 5, longText));
    QVERIFY(longDoc.layout(&writer).size() > shortDoc.layout(&writer).size());
    verifyNoNearEmptyPage(longDoc.layout(&writer));
}

void TestReportDocument::emptyTable()
{
    QTemporaryDir dir;
    QPdfWriter writer(dir.filePath(QStringLiteral("e.pdf")));
    setA4Landscape(writer);
    ReportDocument doc(QStringLiteral("Report"), QStringLiteral("subtitle"));
    doc.addSection(QStringLiteral("Funnel"), chart(500, 200), table(3, 4));
    ReportTable none = table(0);
    doc.addSection(QStringLiteral("Open alerts · 0"), {}, none, QStringLiteral("No open alert in this scope."));
    const auto pages = doc.layout(&writer);
    QCOMPARE(pages.size(), 1);
    QCOMPARE(pages[0].headings.size(), 2);
}

void TestReportDocument::pdfAndPrinterAgree()
{
    QTemporaryDir dir;
    ReportDocument doc(QStringLiteral("销售驾驶舱"), QStringLiteral("2026 年第 4 季度 · 全公司 · 生成于 2026-12-05 09:00"));
    doc.addSection(QStringLiteral("效能基线"), chart(1300, 110), table(5));
    doc.addSection(QStringLiteral("阶段转化率"), chart(900, 330), table(40));
    doc.addSection(QStringLiteral("待处理预警"), {}, table(30));
    const QString pdf = dir.filePath(QStringLiteral("r.pdf"));
    int written = 0;
    QString error;
    QVERIFY2(doc.writePdf(pdf, &error, &written), qPrintable(error));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("%PDF"));
    QPdfWriter writer(dir.filePath(QStringLiteral("x.pdf")));
    writer.setResolution(300);
    setA4Landscape(writer);
    const auto pages = doc.layout(&writer);
    QCOMPARE(written, int(pages.size()));
    verifyNoNearEmptyPage(pages);

    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(dir.filePath(QStringLiteral("printed.pdf")));
    ReportDocument::preparePrinter(&printer);
    QCOMPARE(printer.pageLayout().orientation(), QPageLayout::Landscape);
    int printed = 0;
    QVERIFY2(doc.paint(&printer, &error, &printed), qPrintable(error));
    QCOMPARE(printed, written);
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("printed.pdf"))).size() > 1000);
}

QTEST_MAIN(TestReportDocument)
#include "tst_reportdocument.moc"

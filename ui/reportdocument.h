#pragma once
// A multi-page report (the cockpit's PDF and its print-out): sections of a heading, a chart
// and a table of display strings (analytics/reporttable.h), laid out for any paged device, a
// QPdfWriter or the QPrinter of the print dialog, so the PDF and the paper are the same.
//
// Every page carries the title and the subtitle (period · org · generated) in its header and
// "Page N of M" in its footer. Table columns are as wide as their content, long text wraps in
// its cell (nothing is elided); a table longer than a page repeats its header on the next.
// A section with a chart keeps the chart and its table on one page (the chart shrinks, down
// to half its size, rather than push a few rows over), and starts a new page only when it
// does not fit on the current one; a table continued over pages leaves at least a few rows
// for its last page, so no page holds a heading or a couple of rows alone.
#include "analytics/reporttable.h"

#include <QCoreApplication>
#include <QPixmap>
#include <QString>
#include <QVector>

class QPagedPaintDevice;
class QPrinter;

namespace cockpit::ui {

class ReportDocument
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::ui::ReportDocument)

public:
    ReportDocument(const QString &title, const QString &subtitle);
    // `chart` may be null (a table alone). A table without rows shows `emptyText` instead.
    void addSection(const QString &heading, const QPixmap &chart, const analytics::ReportTable &table,
                    const QString &emptyText = {});

    // What one laid-out page holds (tests and the log).
    struct PageSummary
    {
        QStringList headings; // the sections begun or continued on it
        int charts = 0;
        int tableRows = 0;
        qreal filled = 0; // share of the body height used, 0..1
    };
    // The pages of the report on `device` (its page size and resolution), without painting.
    QVector<PageSummary> layout(QPagedPaintDevice *device) const;

    // Paints on `device` (a painter must not be active on it). false with *error when the
    // device could not be painted on; *pages = the number of pages.
    bool paint(QPagedPaintDevice *device, QString *error = nullptr, int *pages = nullptr) const;
    // A4 landscape PDF at `path`.
    bool writePdf(const QString &path, QString *error = nullptr, int *pages = nullptr) const;
    // Sets A4 landscape with 12 mm margins on `printer` (before its dialog: the reader may change them).
    static void preparePrinter(QPrinter *printer);

private:
    struct Section
    {
        QString heading;
        QPixmap chart;
        analytics::ReportTable table;
        QString emptyText;
    };
    struct Plan;
    Plan plan(QPagedPaintDevice *device) const;

    QString m_title, m_subtitle;
    QVector<Section> m_sections;
};

} // namespace cockpit::ui

#pragma once
// Export of what a screen shows: a chart as PNG (rendered at 2× for print and high-DPI),
// figures as CSV, and a multi-page PDF report (QPdfWriter, A4 landscape) whose every page
// carries the title, period and org in its header and a page number in its footer.
#include "analytics/datatable.h"

#include <QPixmap>
#include <QString>

#include <memory>

class QPdfWriter;
class QPainter;
class QWidget;

namespace cockpit::ui {

// Renders `widget` at `scale` × its size and saves a PNG. false with *error naming the file.
bool saveWidgetPng(QWidget *widget, const QString &path, QString *error = nullptr, qreal scale = 2.0);
// The interactive versions: ask for a file name (starting from `suggestedName` in the last
// export folder), write, and report failure in a message box. false when cancelled or failed.
bool exportWidgetPng(QWidget *widget, QWidget *dialogParent, const QString &suggestedName);
bool exportTableCsv(const analytics::DataTable &table, QWidget *dialogParent, const QString &suggestedName = {});
// A file name safe on every OS from a title ("Funnel · Q3 2026 · 华东" → "Funnel-Q3-2026-华东").
QString safeFileName(const QString &title);

class PdfReport
{
public:
    // `subtitle` e.g. "Q3 2026 · 华东 · generated 2026-11-22 09:14".
    PdfReport(const QString &path, const QString &title, const QString &subtitle);
    ~PdfReport();
    // A heading and an image scaled to the page width (a new page when it does not fit).
    void addImage(const QString &heading, const QPixmap &image);
    void addWidget(const QString &heading, QWidget *widget); // rendered at 2×
    // A table, continued over pages as needed; at most `maxRows` rows (then "… N more").
    void addTable(const QString &heading, const analytics::DataTable &table, int maxRows = 60);
    void newPage();
    // Ends the document. false with *error when the file could not be written.
    bool finish(QString *error = nullptr);
    int pageCount() const { return m_pages; }

private:
    void startPage();
    void ensureSpace(int height);
    void heading(const QString &text);

    QString m_path, m_title, m_subtitle;
    std::unique_ptr<QPdfWriter> m_writer;
    std::unique_ptr<QPainter> m_painter;
    int m_y = 0, m_pages = 0;
    bool m_failed = false;
};

} // namespace cockpit::ui

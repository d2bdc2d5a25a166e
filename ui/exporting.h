#pragma once
// Export of what a screen shows: a chart as PNG (rendered at 2× for print and high-DPI) and
// figures as CSV. A multi-page report, printed or as PDF, is a ReportDocument (reportdocument.h).
#include "analytics/datatable.h"

#include <QPixmap>
#include <QString>

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

} // namespace cockpit::ui

#include "exporting.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QWidget>

namespace cockpit::ui {

namespace {
QString lastDir()
{
    const QString fallback = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QSettings().value(QStringLiteral("export/last_dir"), fallback).toString();
}

void rememberDir(const QString &file)
{
    QSettings().setValue(QStringLiteral("export/last_dir"), QFileInfo(file).absolutePath());
}
} // namespace

QString safeFileName(const QString &title)
{
    QString s = title;
    s.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|·,\\s]+")), QStringLiteral("-"));
    s.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    return s.isEmpty() ? QStringLiteral("export") : s.left(120);
}

bool saveWidgetPng(QWidget *widget, const QString &path, QString *error, qreal scale)
{
    QPixmap pixmap(widget->size() * scale);
    pixmap.setDevicePixelRatio(scale);
    pixmap.fill(widget->palette().color(QPalette::Window));
    widget->render(&pixmap);
    if (!pixmap.save(path, "PNG")) {
        if (error)
            *error = QApplication::translate("cockpit::ui::Export", "Could not write the image \"%1\".")
                         .arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

bool exportWidgetPng(QWidget *widget, QWidget *dialogParent, const QString &suggestedName)
{
    QString path = QFileDialog::getSaveFileName(dialogParent, QApplication::translate("cockpit::ui::Export", "Export chart as PNG"),
                                                QDir(lastDir()).filePath(safeFileName(suggestedName) + QStringLiteral(".png")),
                                                QApplication::translate("cockpit::ui::Export", "PNG images (*.png)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        path += QStringLiteral(".png");
    rememberDir(path);
    QString error;
    if (!saveWidgetPng(widget, path, &error)) {
        QMessageBox::warning(dialogParent, QApplication::translate("cockpit::ui::Export", "Export failed"), error);
        return false;
    }
    return true;
}

bool exportTableCsv(const analytics::DataTable &table, QWidget *dialogParent, const QString &suggestedName)
{
    const QString name = suggestedName.isEmpty() ? table.title : suggestedName;
    QString path = QFileDialog::getSaveFileName(dialogParent, QApplication::translate("cockpit::ui::Export", "Export as CSV"),
                                                QDir(lastDir()).filePath(safeFileName(name) + QStringLiteral(".csv")),
                                                QApplication::translate("cockpit::ui::Export", "CSV files (*.csv)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        path += QStringLiteral(".csv");
    rememberDir(path);
    QString error;
    if (!analytics::writeCsv(table, path, &error)) {
        QMessageBox::warning(dialogParent, QApplication::translate("cockpit::ui::Export", "Export failed"), error);
        return false;
    }
    return true;
}

// --- PDF ---------------------------------------------------------------------------------
// Coordinates are in the writer's device units at 150 dpi: A4 landscape ≈ 1754 × 1240.

PdfReport::PdfReport(const QString &path, const QString &title, const QString &subtitle)
    : m_path(path), m_title(title), m_subtitle(subtitle)
{
    m_writer = std::make_unique<QPdfWriter>(path);
    m_writer->setResolution(150);
    m_writer->setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(12, 12, 12, 12),
                                        QPageLayout::Millimeter));
    m_writer->setTitle(title);
    m_writer->setCreator(QStringLiteral("Sales Cockpit"));
    m_painter = std::make_unique<QPainter>();
    if (!m_painter->begin(m_writer.get())) {
        m_failed = true;
        return;
    }
    startPage();
}

PdfReport::~PdfReport()
{
    if (m_painter && m_painter->isActive())
        m_painter->end();
}

void PdfReport::startPage()
{
    ++m_pages;
    QPainter &p = *m_painter;
    const QRect page = p.viewport();
    QFont f = QApplication::font();
    f.setPointSizeF(14);
    f.setWeight(QFont::DemiBold);
    p.setFont(f);
    p.setPen(QColor(0x1f, 0x2a, 0x44));
    p.drawText(QRect(0, 0, page.width(), 40), Qt::AlignLeft | Qt::AlignVCenter, m_title);
    f.setPointSizeF(9);
    f.setWeight(QFont::Normal);
    p.setFont(f);
    p.setPen(QColor(0x6b, 0x72, 0x80));
    p.drawText(QRect(0, 0, page.width(), 40), Qt::AlignRight | Qt::AlignVCenter, m_subtitle);
    p.drawLine(0, 46, page.width(), 46);
    p.drawText(QRect(0, page.height() - 28, page.width(), 28), Qt::AlignCenter,
               QApplication::translate("cockpit::ui::Export", "Page %1").arg(m_pages));
    m_y = 60;
}

void PdfReport::newPage()
{
    if (m_failed)
        return;
    m_writer->newPage();
    startPage();
}

void PdfReport::ensureSpace(int height)
{
    if (m_y + height > m_painter->viewport().height() - 36 && m_y > 60)
        newPage();
}

void PdfReport::heading(const QString &text)
{
    if (text.isEmpty())
        return;
    QPainter &p = *m_painter;
    QFont f = QApplication::font();
    f.setPointSizeF(11);
    f.setWeight(QFont::DemiBold);
    p.setFont(f);
    p.setPen(Qt::black);
    p.drawText(QRect(0, m_y, p.viewport().width(), 30), Qt::AlignLeft | Qt::AlignVCenter, text);
    m_y += 34;
}

void PdfReport::addImage(const QString &title, const QPixmap &image)
{
    if (m_failed || image.isNull())
        return;
    QPainter &p = *m_painter;
    const int width = p.viewport().width();
    const int maxHeight = p.viewport().height() - 60 - 36 - 34;
    // The chart's size on screen (96 dpi) at the page's resolution, shrunk to fit the page:
    // a small chart stays small instead of filling a page.
    QSizeF size = QSizeF(image.size()) / image.devicePixelRatio() * (m_writer->resolution() / 96.0);
    if (size.width() > width || size.height() > maxHeight)
        size.scale(QSizeF(width, maxHeight), Qt::KeepAspectRatio);
    ensureSpace(int(size.height()) + 34);
    heading(title);
    p.drawPixmap(QRectF(QPointF(0, m_y), size), image, QRectF(image.rect()));
    m_y += int(size.height()) + 16;
}

void PdfReport::addWidget(const QString &title, QWidget *widget)
{
    QPixmap pixmap(widget->size() * 2);
    pixmap.setDevicePixelRatio(2);
    pixmap.fill(Qt::white);
    widget->render(&pixmap);
    addImage(title, pixmap);
}

void PdfReport::addTable(const QString &title, const analytics::DataTable &table, int maxRows)
{
    if (m_failed)
        return;
    QPainter &p = *m_painter;
    QFont f = QApplication::font();
    f.setPointSizeF(8);
    p.setFont(f);
    const int rowH = 24;
    const int width = p.viewport().width();
    // Ids mean nothing on paper: the key column and *_id columns are left out.
    QList<int> shownCols;
    for (int c = 0; c < table.columns.size(); ++c)
        if (c != table.keyColumn && !table.columns.at(c).endsWith(QLatin1String("_id")))
            shownCols << c;
    const int cols = std::max<int>(1, int(shownCols.size()));
    const int colW = width / cols;
    ensureSpace(34 + rowH * 3);
    heading(title);
    auto drawHeader = [&] {
        QFont b = f;
        b.setWeight(QFont::DemiBold);
        p.setFont(b);
        p.fillRect(QRect(0, m_y, width, rowH), QColor(0xf1, 0xf5, 0xf9));
        p.setPen(Qt::black);
        for (int i = 0; i < shownCols.size(); ++i)
            p.drawText(QRect(i * colW + 4, m_y, colW - 8, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                       p.fontMetrics().elidedText(table.header(shownCols.at(i)), Qt::ElideRight, colW - 8));
        p.setFont(f);
        m_y += rowH;
    };
    p.setFont(f);
    drawHeader();
    const int shown = int(std::min<qsizetype>(table.rows.size(), maxRows));
    for (int r = 0; r < shown; ++r) {
        if (m_y + rowH > p.viewport().height() - 36) {
            newPage();
            p.setFont(f);
            drawHeader();
        }
        p.setPen(Qt::black);
        for (int i = 0; i < shownCols.size(); ++i) {
            const int c = shownCols.at(i);
            const QString text = analytics::displayValue(table.columns.value(c), table.rows.at(r).value(c));
            p.drawText(QRect(i * colW + 4, m_y, colW - 8, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                       p.fontMetrics().elidedText(text, Qt::ElideRight, colW - 8));
        }
        p.setPen(QColor(0xe5, 0xe7, 0xeb));
        p.drawLine(0, m_y + rowH, width, m_y + rowH);
        m_y += rowH;
    }
    if (table.rows.size() > shown) {
        p.setPen(QColor(0x6b, 0x72, 0x80));
        p.drawText(QRect(0, m_y, width, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                   QApplication::translate("cockpit::ui::Export", "… %1 more rows (see the CSV export)")
                       .arg(table.rows.size() - shown));
        m_y += rowH;
    }
    m_y += 16;
}

bool PdfReport::finish(QString *error)
{
    if (!m_failed && m_painter->isActive())
        m_failed = !m_painter->end();
    if (m_failed || !QFileInfo(m_path).exists() || QFileInfo(m_path).size() == 0) {
        if (error)
            *error = QApplication::translate("cockpit::ui::Export", "Could not write the PDF \"%1\".")
                         .arg(QDir::toNativeSeparators(m_path));
        return false;
    }
    return true;
}

} // namespace cockpit::ui

#include "exporting.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
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

} // namespace cockpit::ui

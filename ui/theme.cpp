#include "theme.h"

#include <QApplication>
#include <QFont>
#include <QStyleFactory>

namespace cockpit::ui {

const Palette &palette()
{
    static const Palette p;
    return p;
}

void applyTheme(QApplication &app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    // Noto Sans CJK SC renders Chinese and Latin evenly; fontconfig falls back if absent.
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPointSize(10);
    app.setFont(font);
    const Palette &p = palette();
    app.setStyleSheet(QStringLiteral(
        "QListWidget#navRail { background: %1; color: %2; border: none; font-size: 11pt;"
        "  outline: 0; padding-top: 8px; }"
        "QListWidget#navRail::item { padding: 10px 14px; border-left: 3px solid transparent; }"
        "QListWidget#navRail::item:selected { background: #2a3a5e; color: white;"
        "  border-left: 3px solid %3; }"
        "QListWidget#navRail::item:hover:!selected { background: #27355a; }"
        "QLabel#demoBadge { background: %4; color: white; border-radius: 3px; padding: 1px 8px;"
        "  font-weight: bold; }"
        "QLabel#pageTitle { font-size: 15pt; font-weight: 600; }"
        "QLabel#muted { color: %5; }"
        "QLabel#detailTitle { font-size: 12pt; font-weight: 600; }"
        "QTableView { gridline-color: #e5e7eb; selection-background-color: #dbe7ff;"
        "  selection-color: black; alternate-background-color: #f8fafc; }"
        "QHeaderView::section { background: #f1f5f9; padding: 4px 6px; border: none;"
        "  border-right: 1px solid #e2e8f0; border-bottom: 1px solid #e2e8f0; font-weight: 600; }"
        "QLineEdit[invalid=\"true\"], QComboBox[invalid=\"true\"], QPlainTextEdit[invalid=\"true\"],"
        " QSpinBox[invalid=\"true\"] { border: 1px solid %6; }"
        // A refused gate marks its missing check box and the demo count too (not by colour
        // alone: the error line names the fields).
        "QCheckBox[invalid=\"true\"], QLabel[invalid=\"true\"] { color: %6; font-weight: bold; }")
                        .arg(QLatin1String(p.rail), QLatin1String(p.railText),
                             QLatin1String(p.railSelected), QLatin1String(p.demoBadge),
                             QLatin1String(p.muted), QLatin1String(p.bad)));
}

} // namespace cockpit::ui

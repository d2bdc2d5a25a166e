#include "chartstyle.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QSettings>

#include <cmath>

namespace cockpit::ui {

namespace {
bool &flag()
{
    static bool on = QSettings().value(QStringLiteral("view/colour_blind_safe"), false).toBool();
    return on;
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}
} // namespace

bool colourBlindSafe() { return flag(); }

void setColourBlindSafe(bool on)
{
    flag() = on;
    QSettings().setValue(QStringLiteral("view/colour_blind_safe"), on);
}

QColor ragColor(analytics::Rag r)
{
    using analytics::Rag;
    const bool cb = colourBlindSafe();
    switch (r) {
    case Rag::Green: return cb ? QColor(0x00, 0x72, 0xB2) : QColor(0x2e, 0x9d, 0x4f);   // blue / green
    case Rag::Yellow: return cb ? QColor(0xF0, 0xE4, 0x42) : QColor(0xf2, 0xc0, 0x37);  // yellow
    case Rag::Orange: return cb ? QColor(0xE6, 0x9F, 0x00) : QColor(0xef, 0x7d, 0x22);  // orange
    case Rag::Red: return cb ? QColor(0xD5, 0x5E, 0x00) : QColor(0xd3, 0x2f, 0x2f);     // vermillion / red
    case Rag::Grey: break;
    }
    return QColor(0xc4, 0xc9, 0xd1);
}

QColor textOn(const QColor &background)
{
    const double l = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return l > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

QColor heatColor(double t)
{
    if (std::isnan(t))
        return QColor(0xee, 0xf0, 0xf3);
    t = std::clamp(t, 0.0, 1.0);
    // Default: pale cream → mid blue → deep blue (more = darker; callers decide what t
    // means). Colour-blind-safe: viridis, dark purple → teal → yellow.
    const QColor a = colourBlindSafe() ? QColor(0x44, 0x01, 0x54) : QColor(0xfd, 0xf3, 0xe1);
    const QColor b = colourBlindSafe() ? QColor(0x21, 0x91, 0x8c) : QColor(0x6b, 0xae, 0xd6);
    const QColor c = colourBlindSafe() ? QColor(0xfd, 0xe7, 0x25) : QColor(0x08, 0x3d, 0x8c);
    return t < 0.5 ? mix(a, b, t * 2) : mix(b, c, (t - 0.5) * 2);
}

QColor seriesColor(int i)
{
    static const QColor normal[] = {QColor(0x2f, 0x6f, 0xed), QColor(0xe8, 0x6a, 0x1a), QColor(0x2e, 0x9d, 0x4f),
                                    QColor(0xa8, 0x3c, 0xc8), QColor(0xd3, 0x2f, 0x2f), QColor(0x00, 0x9c, 0xa6),
                                    QColor(0x8c, 0x6d, 0x31), QColor(0x6b, 0x72, 0x80)};
    static const QColor safe[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                                  QColor(0xCC, 0x79, 0xA7), QColor(0xD5, 0x5E, 0x00), QColor(0x56, 0xB4, 0xE9),
                                  QColor(0xF0, 0xE4, 0x42), QColor(0x00, 0x00, 0x00)};
    const int n = int(std::size(normal));
    return (colourBlindSafe() ? safe : normal)[((i % n) + n) % n];
}

QFont chartTitleFont()
{
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    f.setWeight(QFont::DemiBold);
    return f;
}

QFont chartLabelFont()
{
    QFont f = QApplication::font();
    f.setPointSizeF(std::max(8.0, f.pointSizeF() * 0.9));
    return f;
}

QChart *freshChart(QChartView *view)
{
    auto *chart = new QChart;
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setFont(chartLabelFont());
    chart->setTitleFont(chartTitleFont());
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
    return chart;
}

} // namespace cockpit::ui

#pragma once
// Colours and fonts of every chart, tile and grid, from one place. Two palettes: the default
// and a colour-blind-safe one (Okabe–Ito hues, View › Colour-blind-safe palette); charts
// also print the value or a word next to a colour so nothing is told by colour alone.
#include "analytics/rag.h"

#include <QColor>
#include <QFont>

class QChart;
class QChartView;

namespace cockpit::ui {

bool colourBlindSafe();
void setColourBlindSafe(bool on); // stored in QSettings ("view/colour_blind_safe")

// Status colour of a tile, light or store code (Grey: no data).
QColor ragColor(analytics::Rag r);
// Readable text colour on top of `background` (black or white).
QColor textOn(const QColor &background);
// Sequential scale for heat maps: t = 0 (cold/low) … 1 (hot/high); NaN → light grey.
QColor heatColor(double t);
// The i-th series colour (radar polygons, lines), distinct for the first 8.
QColor seriesColor(int i);
// Title and axis fonts, scaled from the application font.
QFont chartTitleFont();
QFont chartLabelFont();
// A new, empty chart in our style for `view`, the old one deleted (Qt Charts leaves stale axis
// labels behind when axes are swapped on a live chart, so each redraw starts from a fresh one).
QChart *freshChart(QChartView *view);

} // namespace cockpit::ui

#pragma once
// One palette for the whole app (and a colour-blind-safe variant for later charts).
class QApplication;

namespace cockpit::ui {

struct Palette
{
    const char *rail = "#1f2a44";
    const char *railText = "#c9d3e6";
    const char *railSelected = "#2f6fed";
    const char *accent = "#2f6fed";
    const char *good = "#2e7d32";
    const char *warn = "#f9a825";
    const char *bad = "#c62828";
    const char *muted = "#6b7280";
    const char *demoBadge = "#b45309";
};

const Palette &palette();
void applyTheme(QApplication &app);

} // namespace cockpit::ui

#pragma once
// The touchpoint heat map of a portfolio (a rep's leads, or any org unit's) over a period:
// a title ("Touchpoints of 王芳's leads, Q4 2026"), the heat map and the count of cold zones.
// Computed on a worker thread with its own read-only connection, so the large database never
// freezes the window; a newer scope drops the result of an older one. Clicking a cell opens
// the drill-down of its activities (computed on a worker too); activating a row there emits
// leadActivated. Self-contained: the Team screen embeds it and calls setScope().
#include "analytics/figureservice.h"
#include "analytics/scope.h"
#include "analytics/touchpoints.h"

#include <QWidget>

class QLabel;

namespace cockpit::ui {

class TouchpointHeatMap;

class TouchpointView : public QWidget
{
    Q_OBJECT
public:
    explicit TouchpointView(analytics::FigureService &figures, QWidget *parent = nullptr);
    ~TouchpointView() override;

    void setScope(const analytics::Scope &scope);
    const analytics::Scope &scope() const { return m_scope; }
    // "Now" as UTC ISO-8601 (what is past and what is future); default: the wall clock at
    // each setScope(). Tests and screenshots of the demo pin it.
    void setNow(const QString &utcIso) { m_now = utcIso; }

    TouchpointHeatMap *heatMap() const { return m_map; }
    bool isComputing() const { return m_pending > 0; }
    QString title() const;
    int coldZoneCount() const;
    // The subject the grid on screen was computed for (for drill-downs and tests).
    const analytics::TouchpointSubject &subject() const { return m_subject; }

Q_SIGNALS:
    void computed();                     // the grid for the current scope is shown (or its error)
    void drillDownShown();               // a cell's activities are in the drill-down window
    void leadActivated(const QString &leadId);

private:
    void start();
    void openCell(int row, int bucket);

    analytics::FigureService &m_figures;
    analytics::FigureService::Channel m_channel;
    QString m_now;
    analytics::Scope m_scope;
    analytics::TouchpointSubject m_subject;
    QLabel *m_title, *m_summary;
    TouchpointHeatMap *m_map;
    int m_pending = 0; // requests not answered yet
    bool m_hasScope = false;
};

} // namespace cockpit::ui

#pragma once
// The selected lead: key facts, the gate checklist for the next stage, a button to move it
// on, its touchpoint heat map (activities by day or week and direction, cold zones), its
// timeline (activities and stage moves by day) and its open alerts.
#include "analytics/figureservice.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QTreeView;

namespace cockpit {
class Catalog;
class EditController;
class RecordTableModel;
} // namespace cockpit

namespace cockpit::ui {

class TouchpointHeatMap;

class LeadDetailPanel : public QWidget
{
    Q_OBJECT
public:
    LeadDetailPanel(Catalog &catalog, EditController &edits, analytics::FigureService &figures,
                    QWidget *parent = nullptr);

    void setLead(const QString &leadId);
    QString leadId() const { return m_leadId; }
    void refresh();
    QPushButton *moveButton() const { return m_move; }
    TouchpointHeatMap *touchpoints() const { return m_touchpoints; }

Q_SIGNALS:
    void editRequested(const QString &leadId);
    // "Recommend a rep…": the page opens the recommendation dialog for this lead.
    void recommendRequested(const QString &leadId);
    // The touchpoints of the current lead are on screen (or their error).
    void touchpointsShown();
    // A touchpoint cell's activities are in the drill-down window.
    void touchpointRowsShown();

private:
    void moveToNextStage();
    void refreshTouchpoints();
    void openTouchpointCell(int row, int bucket);

    Catalog &m_catalog;
    EditController &m_edits;
    analytics::FigureService &m_figures;
    analytics::FigureService::Channel m_touchChannel; // the newest lead's touchpoints win
    QString m_leadId;
    QString m_nextStageId;
    QLabel *m_title, *m_facts, *m_gate;
    QPushButton *m_edit, *m_move, *m_recommend;
    QTabWidget *m_tabs;
    QStandardItemModel *m_timeline;
    RecordTableModel *m_alerts;
    QTreeView *m_timelineView;
    QTableView *m_alertsView;
    QLabel *m_touchTitle;
    TouchpointHeatMap *m_touchpoints;
};

// "✓ Budget band" / "✗ Budget band" lines for a gate, as rich text.
QString gateChecklistHtml(const QStringList &exitGate, const QStringList &missing);

} // namespace cockpit::ui

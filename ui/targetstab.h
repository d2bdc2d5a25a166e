#pragma once
// The Targets tab of the Targets & Forecast screen (DESIGN.md §5 "Targets", issue 14): the
// tree company → region → city → rep of the scope's period with target, tier, growth,
// correction, proposal, collected, attainment and whether the sums match; editing a target
// (typed "820000" or "82万") onto the window's undo stack, saved as a draft; adopting the
// proposal; attainment gauges; the rolling 6-month forecast against the month targets; the
// capacity gap banner in the last 45 days of a quarter; CSV/XLSX export and a PNG of the
// charts. The figures are computed for the whole company (targets/targetsfigures.h), so an
// org change only re-filters them.
#include "planningtab.h"

#include "targets/targetsfigures.h"

#include <QDateTime>

#include <functional>

class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QTreeView;
class QUndoStack;

namespace cockpit::storage {
class Database;
}

namespace cockpit::ui {

class GaugeWidget;
class TargetForecastChart;
class TargetTreeModel;

class TargetsTab : public PlanningTab
{
    Q_OBJECT
public:
    using Now = std::function<QDateTime()>;
    TargetsTab(analytics::FigureService &figures, analytics::ScopeState &scope, Now now, QWidget *parent = nullptr);

    // Where edits are saved and undone (MainWindow gives the file and its undo stack). Without
    // it the tab shows figures only and says so when asked to edit.
    void setEditPath(storage::Database &db, QUndoStack &stack);

    // The user typed `text` as `node`'s target: parsed, checked, saved and pushed, or a message
    // naming the node and what is wrong (nothing changes). true when saved (or unchanged).
    bool editTarget(int node, const QString &text);
    // The selected node takes its proposal (the nodes below it theirs, with the tiers and
    // growths the proposals were made with).
    bool adoptProposal(int node);
    // Opens the terms dialog (targettermsdialog.h) for the selected row (F4). On a rep's row
    // setTerms saves what it gives: tier, growth, correction and reason, and with `adopt` the
    // target the proposal they make; one undo step. On a unit's row (company, region, city) the dialog is in unit mode and setUnitCorrection
    // saves what it gives: one correction and reason for every rep under the unit, each keeping
    // its tier and growth, and with `adopt` their proposals as targets; one undo step.
    void editTerms(int node);
    bool setTerms(int node, const targets::TargetTerms &terms, bool adopt);
    bool setUnitCorrection(int node, int correctionBp, const QString &reason, bool adopt);
    // Approves the period's targets (every unit must equal the sum below it); undoable.
    bool approve();
    // A quarter's targets saved down to its three months, a year's to its four quarters
    // (targets/periodsplit.h); one undo step.
    bool splitPeriod();
    QPushButton *splitButton() const { return m_split; }
    QPushButton *termsButton() const { return m_terms; }
    QLabel *statusLabel() const { return m_status; }
    // The node of the selected row (-1: none).
    int currentNode() const;
    void selectNode(int node);

    const targets::TargetsFigures *result() const { return m_fig.get(); }
    QVector<int> shownNodes() const;
    QTreeView *tree() const { return m_tree; }
    TargetTreeModel *model() const { return m_model; }
    QLabel *banner() const { return m_banner; }
    QLabel *message() const { return m_message; }
    QLabel *note() const { return m_note; }
    QComboBox *editMode() const { return m_mode; }
    QVector<GaugeWidget *> gauges() const;
    TargetForecastChart *forecastChart() const { return m_chart; }
    QWidget *gaugePanel() const { return m_gaugeBox; }

protected:
    void requestFigures(const analytics::Scope &scope) override;
    void showError(const QString &message) override;
    QString busyText() const override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showFigures(const targets::TargetsFiguresPtr &figures);
    void showMessage(const QString &text, bool error);
    bool push(const targets::TargetCommand &command, const QString &status = QStringLiteral("draft"));
    // An edit's command pushed; nullopt: `refused` shown; empty: `unchanged` shown (true).
    bool pushOrSay(const std::optional<targets::TargetCommand> &command, const QString &refused,
                   const QString &unchanged);
    void updateStatus();
    void treeSaved(const targets::TargetTree &tree);
    void updateGauges();
    void updateChart();
    void updateBanner();
    void exportTable();
    void exportPng(QWidget *widget, const QString &what);
    QDate asOfDay() const;

    Now m_now;
    storage::Database *m_db = nullptr;
    QUndoStack *m_stack = nullptr;
    targets::TargetsFiguresPtr m_fig;
    bool m_dirty = true, m_orgUnitsSent = false;
    analytics::OrgScope m_shownOrg; // the unit m_fig was last shown for
    QLabel *m_note, *m_banner, *m_message, *m_status;
    QComboBox *m_mode;
    QPushButton *m_adopt, *m_terms, *m_approve, *m_split;
    QTreeView *m_tree;
    TargetTreeModel *m_model;
    QWidget *m_gaugeBox;
    QGridLayout *m_gaugeGrid;
    QVector<GaugeWidget *> m_gauges;
    TargetForecastChart *m_chart;
};

} // namespace cockpit::ui

#pragma once
// The Performance tab of the Targets & Forecast screen (DESIGN.md §5 "Reps and teams", issue
// 14): the active reps ranked by the performance score (collections 40 %, gross margin 25 %,
// new customers 15 %, satisfaction 10 %, compliance 10 %) with each dimension and the weakest
// one's suggested training, reps who left or have too little data listed apart, "most
// improved" and "highest margin"; and the bonus simulator: change a rep's target or mark an
// open deal won or lost, and every rep's bonus range and the team total follow at once
// (what-ifs only: nothing is saved; Reset starts again from the file).
#include "planningtab.h"
#include "targets/performancefigures.h"

#include <QDateTime>

#include <functional>
#include <memory>

class QLabel;
class QListWidget;
class QStandardItem;
class QStandardItemModel;
class QTableView;

namespace cockpit::ui {

class PerformanceTab : public PlanningTab
{
    Q_OBJECT
public:
    using Now = std::function<QDateTime()>;
    PerformanceTab(analytics::FigureService &figures, analytics::ScopeState &scope, Now now, QWidget *parent = nullptr);

    const targets::PerformanceFigures *result() const { return m_data.get(); }
    QTableView *ranking() const { return m_ranking; }
    QTableView *bonusReps() const { return m_bonusReps; }
    QTableView *bonusDeals() const { return m_bonusDeals; }
    QLabel *teamTotal() const { return m_team; }
    // The simulator's what-ifs (what the table edits do).
    bool setTarget(int row, const QString &text);
    void cycleMark(int dealRow);
    void resetSimulation();

protected:
    void requestFigures(const analytics::Scope &scope) override;
    void showError(const QString &message) override;
    QString busyText() const override;

private:
    void showResult(const targets::PerformanceFigures &f);
    void fillRanking();
    void simulate();
    QString money(qint64 cents) const;

    Now m_now;
    std::shared_ptr<targets::PerformanceFigures> m_data;
    QVector<targets::SimRep> m_reps;
    QVector<targets::SimDeal> m_deals;
    QStandardItemModel *m_rankingModel, *m_repsModel, *m_dealsModel;
    QTableView *m_ranking, *m_bonusReps, *m_bonusDeals;
    QListWidget *m_improved, *m_margin;
    QLabel *m_error, *m_team, *m_apart, *m_bonusNote;
    bool m_filling = false;
};

} // namespace cockpit::ui

#pragma once
// The period picker (week, month, quarter, custom; ‹ › steps to the previous / next one) and
// the org picker (company → region → city → team) above the Cockpit, Team and Stores screens.
// Every bar writes the one ScopeState MainWindow owns, so all three screens follow.
#include "analytics/orgunits.h"
#include "analytics/scope.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QToolButton;

namespace cockpit::ui {

class ScopeBar : public QWidget
{
    Q_OBJECT
public:
    ScopeBar(analytics::ScopeState &state, QWidget *parent = nullptr);
    // Fills the org picker (call after the database opened or the org changed).
    void setOrgUnits(const analytics::OrgUnits &units);
    // Extra widgets (export buttons …) go to the right end of the bar.
    void addTrailingWidget(QWidget *widget);

private:
    void syncFromState();
    void applyKind();
    void applyCustom();
    void applyOrg();

    analytics::ScopeState &m_state;
    QComboBox *m_kind;
    QToolButton *m_prev, *m_next;
    QLabel *m_label;
    QDateEdit *m_from, *m_to;
    QComboBox *m_org;
    bool m_syncing = false;
};

} // namespace cockpit::ui

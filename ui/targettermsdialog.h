#pragma once
// The terms of one rep's target (DESIGN.md §5 "Targets", issue 14): its A/B/C tier, its growth
// inside the tier's band and an external correction within ±5 % with a reason, the proposal
// they give shown as the numbers change (base × (1 + growth + correction)), and whether the
// target takes that proposal. OK stays disabled while the terms are out of bounds, with the
// reason said (targetmath.h checkGrowth/checkCorrection); the tab saves them as one undo step.
// On a unit (a node with units below it) the dialog is in unit mode: no tier or growth (those
// stay each rep's), one correction with its reason for every rep under the unit
// (targettree.h setUnitCorrection), the unit's proposal before → after and the reps it touches.
#include "targets/targetdata.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;

namespace cockpit::ui {

class TargetTermsDialog : public QDialog
{
    Q_OBJECT
public:
    // `node`: a node of view.tree (a unit: unit mode). `view` must outlive the dialog.
    TargetTermsDialog(const targets::TargetsView &view, int node, QWidget *parent = nullptr);

    bool unitMode() const { return m_unit; }
    // Unit mode: no tier, growth 0; only the correction and its reason count.
    targets::TargetTerms terms() const;
    bool adopt() const;

    QComboBox *tierBox() const { return m_tier; } // null in unit mode, as growthBox()
    QDoubleSpinBox *growthBox() const { return m_growth; }
    QDoubleSpinBox *correctionBox() const { return m_correction; }
    QComboBox *reasonBox() const { return m_reason; }
    QCheckBox *adoptBox() const { return m_adopt; }
    QLabel *resultLabel() const { return m_result; }
    QLabel *errorLabel() const { return m_error; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void tierChanged();
    void update();

    const targets::TargetsView &m_view;
    int m_node;
    bool m_unit;
    QVector<qint64> m_bases; // unit mode: each node's proposal base
    int m_reps = 0;          // unit mode: the reps under the unit
    targets::TargetSettings m_settings;
    QComboBox *m_tier = nullptr, *m_reason;
    QDoubleSpinBox *m_growth = nullptr, *m_correction;
    QCheckBox *m_adopt;
    QLabel *m_result, *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace cockpit::ui

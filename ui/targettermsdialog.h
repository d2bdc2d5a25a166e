#pragma once
// The terms of one rep's target (DESIGN.md §5 "Targets", issue 14): its A/B/C tier, its growth
// inside the tier's band and an external correction within ±5 % with a reason, the proposal
// they give shown as the numbers change (base × (1 + growth + correction)), and whether the
// target takes that proposal. OK stays disabled while the terms are out of bounds, with the
// reason said (targetmath.h checkGrowth/checkCorrection); the tab saves them as one undo step.
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
    // `node` must be a leaf of view.tree.
    TargetTermsDialog(const targets::TargetsView &view, int node, QWidget *parent = nullptr);

    targets::TargetTerms terms() const;
    bool adopt() const;

    QComboBox *tierBox() const { return m_tier; }
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
    targets::TargetSettings m_settings;
    QComboBox *m_tier, *m_reason;
    QDoubleSpinBox *m_growth, *m_correction;
    QCheckBox *m_adopt;
    QLabel *m_result, *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace cockpit::ui

#pragma once
// Edits one lead: its fields, the gate fields of its current stage with a live checklist,
// and "Save and move to <next stage>", refused with the missing fields named.
#include "storage/leadrepository.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace cockpit {
class Catalog;
class EditController;
} // namespace cockpit

namespace cockpit::ui {

class LeadEditorDialog : public QDialog
{
    Q_OBJECT
public:
    LeadEditorDialog(Catalog &catalog, EditController &edits, const QString &leadId, QWidget *parent = nullptr);

    // Every editable column as the form shows it; unchanged ones are dropped by EditController.
    QVariantMap formValues() const;
    QLineEdit *painKeywordsEdit() const { return m_pain; }
    QCheckBox *confirmationCheck() const { return m_confirmation; }
    QComboBox *budgetBandCombo() const { return m_budgetBand; }
    QComboBox *decisionRoleCombo() const { return m_decisionRole; }
    QPushButton *saveAndMoveButton() const { return m_saveMove; }
    QLineEdit *moveReasonEdit() const { return m_moveReason; }
    QString lastError() const { return m_lastError; }

public Q_SLOTS:
    bool save();
    bool saveAndMove();

private:
    void updateChecklist();
    void markMissing(const QStringList &codes);
    // The form's values; false (with the error shown) when one cannot be read.
    bool checkForm(QVariantMap *values);

    Catalog &m_catalog;
    EditController &m_edits;
    storage::LeadRecord m_lead;
    QString m_nextStageId;
    QStringList m_exitGate;
    QString m_lastError;

    QLineEdit *m_title, *m_amount, *m_lostReason, *m_pain, *m_requirement, *m_tags,
        *m_intentBudget, *m_intentContact, *m_moveReason;
    QSpinBox *m_probability;
    QComboBox *m_status, *m_forecast, *m_owner, *m_budgetBand, *m_decisionRole;
    QDateEdit *m_expectedClose, *m_nextMeeting;
    QCheckBox *m_confirmation, *m_intentSeal, *m_competitor, *m_validation;
    QLabel *m_checklist, *m_demos, *m_error;
    QPushButton *m_saveMove;
};

} // namespace cockpit::ui

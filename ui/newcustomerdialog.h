#pragma once
// The new-customer form: exactly the six required fields of DESIGN.md §2 up front (name,
// phone, core need, expected close cycle, owner, source); the optional rest collapsed.
#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QToolButton;

namespace cockpit {
class Catalog;
class EditController;
} // namespace cockpit

namespace cockpit::ui {

class NewCustomerDialog : public QDialog
{
    Q_OBJECT
public:
    NewCustomerDialog(Catalog &catalog, EditController &edits, QWidget *parent = nullptr);

    QString createdId() const { return m_createdId; }
    QString lastError() const { return m_lastError; }
    QWidget *optionalSection() const { return m_more; }

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *phoneEdit() const { return m_phone; }
    QPlainTextEdit *coreNeedEdit() const { return m_coreNeed; }
    QSpinBox *closeCycleSpin() const { return m_cycle; }
    QComboBox *ownerCombo() const { return m_owner; }
    QComboBox *sourceCombo() const { return m_source; }

public Q_SLOTS:
    bool create();

private:
    Catalog &m_catalog;
    EditController &m_edits;
    QString m_createdId, m_lastError;
    QLineEdit *m_name, *m_phone, *m_aliases;
    QPlainTextEdit *m_coreNeed;
    QSpinBox *m_cycle;
    QComboBox *m_owner, *m_source, *m_industry, *m_size, *m_city;
    QToolButton *m_toggle;
    QWidget *m_more;
    QLabel *m_error;
};

} // namespace cockpit::ui

#pragma once
// "Revise forecast…" on the Forecast tab: a revised value for the scope's period and org unit
// with a reason code (from the list, or typed: a new code joins the list once used) and a note.
// Saved through forecast::RevisionRepository (snapshot + revision + outbox, announced); a saved
// revision is never changed, which the dialog says before saving. Bad input keeps the dialog
// open with a message naming the field.
#include "analytics/scope.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace cockpit::storage {
class Database;
}
namespace cockpit::forecast {
struct ForecastView;
}

namespace cockpit::ui {

class RevisionDialog : public QDialog
{
    Q_OBJECT
public:
    RevisionDialog(storage::Database &db, const forecast::ForecastView &view, qint64 nowSecs, QWidget *parent = nullptr);

    QLineEdit *valueEdit() const { return m_value; }
    QComboBox *reasonBox() const { return m_reason; }
    QPlainTextEdit *noteEdit() const { return m_note; }
    QLabel *errorLabel() const { return m_error; }
    // Validates and saves; false (the message shown) when refused.
    bool save();

private:
    storage::Database &m_db;
    analytics::Scope m_scope;
    qint64 m_p50 = 0, m_p10 = 0, m_p90 = 0;
    int m_confidence = 0;
    qint64 m_now = 0;
    QLineEdit *m_value = nullptr;
    QComboBox *m_reason = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace cockpit::ui

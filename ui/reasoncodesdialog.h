#pragma once
// The editable list of forecast revision reason codes (DESIGN.md §5 "Forecast": "a reason code
// from a list"): add, rename (double-click or F2), remove, reorder; OK saves it in the file
// (forecast/revisions.h), Cancel leaves it as it was. Revisions keep the code they were saved
// with, so removing a code changes only what a new revision is offered.
#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace cockpit::storage {
class Database;
}

namespace cockpit::ui {

class ReasonCodesDialog : public QDialog
{
    Q_OBJECT
public:
    // `codes`: the list now; `defaults`: what Restore defaults gives (forecast/revisions.h).
    ReasonCodesDialog(storage::Database &db, const QStringList &codes, const QStringList &defaults,
                      QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QLabel *errorLabel() const { return m_error; }
    QStringList codes() const;
    // Adds a code at the end and starts editing it.
    void addCode();
    void removeCurrent();
    void moveCurrent(int by);
    void restoreDefaults();
    void accept() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateButtons();

    storage::Database &m_db;
    QStringList m_defaults;
    QListWidget *m_list = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_remove = nullptr, *m_up = nullptr, *m_down = nullptr;
};

} // namespace cockpit::ui

#pragma once
// "Recommend a rep…" for one lead: the top three reps of the lead's scope with the reasons
// (capability match, load against the cap, recent win rate, leads in the last 24 h) and an
// "Assign to …" button per row. Explains itself when nobody is eligible (e.g. everyone is
// over the load cap, as in the demo company); the cap is a setting changed here.
#include <QDialog>

class QLabel;
class QSpinBox;
class QVBoxLayout;

namespace cockpit {
class Clock;
class EditController;
namespace storage {
class Database;
}
} // namespace cockpit

namespace cockpit::ui {

class RecommendDialog : public QDialog
{
    Q_OBJECT
public:
    RecommendDialog(storage::Database &db, EditController &edits, const Clock &clock, const QString &leadId,
                    const QString &leadTitle, QWidget *parent = nullptr);

    // After an assignment: "Lead assigned to 李强." for the status bar.
    QString resultMessage() const { return m_result; }
    // The names shown, best first (tests).
    QStringList shownNames() const { return m_names; }

private:
    void refresh();
    void assignTo(const QString &repId, const QString &name);

    storage::Database &m_db;
    EditController &m_edits;
    const Clock &m_clock;
    QString m_leadId;
    QLabel *m_note;
    QLabel *m_verdict;
    QVBoxLayout *m_rows;
    QSpinBox *m_cap;
    QString m_result;
    QStringList m_names;
};

} // namespace cockpit::ui

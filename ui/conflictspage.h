#pragma once
// The Conflicts screen (issue 12, SYNC.md "Push"): the edits the team server did not take as
// they were. A list (when, which record, table, what happened, fields in conflict) and, for
// the selected conflict, field by field: mine | the server's | which to keep; Keep mine,
// Keep theirs and Merge (per field), each one undo step. Keyboard: the list and the field
// table take the arrows; in the field table M keeps mine, T the server's, Space switches.
// An empty state says every edit reached the server.
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTableWidget;

namespace cockpit {
class ConflictListModel;
class ConflictStore;
} // namespace cockpit

namespace cockpit::ui {

class ConflictsPage : public QWidget
{
    Q_OBJECT
public:
    ConflictsPage(ConflictStore &store, bool englishNames, QWidget *parent = nullptr);

    ConflictListModel *model() const { return m_model; }
    QTableView *list() const { return m_list; }
    QTableWidget *fieldTable() const { return m_fields; }
    QPushButton *keepMineButton() const { return m_keepMine; }
    QPushButton *keepTheirsButton() const { return m_keepTheirs; }
    QPushButton *mergeButton() const { return m_merge; }
    bool isEmptyStateShown() const;
    // The conflict shown in the detail; empty when none.
    QString currentConflictId() const;
    bool selectConflict(const QString &conflictId);
    // Field row `row` of the detail keeps mine (true) or the server's value.
    void setChoice(int row, bool mine);
    bool choice(int row) const;
    // The fields the detail's choices keep mine of (column names).
    QStringList mineChoices() const;
    // The last refusal or failure, as shown under the buttons.
    QString message() const;

public Q_SLOTS:
    void keepMine();
    void keepTheirs();
    void merge();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showDetail();
    void afterModelChange();
    void report(bool ok, const QString &error, int row);

    ConflictStore &m_store;
    ConflictListModel *m_model;
    QStackedWidget *m_states;
    QTableView *m_list;
    QLabel *m_heading, *m_explain, *m_count, *m_message;
    QTableWidget *m_fields;
    QPushButton *m_keepMine, *m_keepTheirs, *m_merge;
    QStringList m_fieldNames; // the detail's rows, as columns
};

} // namespace cockpit::ui

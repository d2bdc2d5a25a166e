#pragma once
// The progress of an import's undo or redo (Edit › Undo after File › Import…): a large import
// takes seconds to take back or bring again, so a modal dialog shows the rows done of the rows
// to do, with Cancel. Cancel rolls the step back: the import stays as it was and the undo
// stack too (EditController::cancelLongStep). The dialog keeps the other windows (and a second
// undo) away while the step runs.
#include <QObject>
#include <QPointer>

class QProgressDialog;
class QWidget;

namespace cockpit {
class EditController;
}

namespace cockpit::ui {

class LongStepProgress : public QObject
{
    Q_OBJECT

public:
    LongStepProgress(EditController &edits, QWidget *parent);
    ~LongStepProgress() override;

    // For tests: the dialog while a step runs, else null.
    QProgressDialog *dialog() const;

private:
    void start(const QString &what);
    void advance(qint64 done, qint64 total);
    void finish();

    EditController &m_edits;
    QWidget *m_parent = nullptr;
    QPointer<QProgressDialog> m_dialog;
    QString m_what;
};

} // namespace cockpit::ui

#include "longstepprogress.h"

#include "items/editcontroller.h"

#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>

namespace cockpit::ui {

LongStepProgress::LongStepProgress(EditController &edits, QWidget *parent)
    : QObject(parent), m_edits(edits), m_parent(parent)
{
    m_edits.setLongStepsTakeInput(true); // the dialog's Cancel takes input; it blocks the rest
    connect(&m_edits, &EditController::busy, this, &LongStepProgress::start);
    connect(&m_edits, &EditController::progress, this, &LongStepProgress::advance);
    connect(&m_edits, &EditController::idle, this, &LongStepProgress::finish);
}

QProgressDialog *LongStepProgress::dialog() const
{
    return m_dialog.data();
}

LongStepProgress::~LongStepProgress()
{
    m_edits.setLongStepsTakeInput(false);
    delete m_dialog;
}

void LongStepProgress::start(const QString &what)
{
    delete m_dialog;
    m_what = what;
    m_dialog = new QProgressDialog(what, tr("Cancel"), 0, 0, m_parent); // busy until the first count
    m_dialog->setWindowTitle(tr("Import"));
    m_dialog->setWindowModality(Qt::ApplicationModal);
    m_dialog->setMinimumDuration(0);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    m_dialog->setMinimumWidth(420);
    connect(m_dialog, &QProgressDialog::canceled, this, [this] {
        m_edits.cancelLongStep();
        if (m_dialog) {
            m_dialog->setLabelText(tr("Cancelling: the import stays as it was…"));
            m_dialog->show(); // QProgressDialog hides itself on cancel; it stays until the step ends
        }
    });
    m_dialog->show();
}

void LongStepProgress::advance(qint64 done, qint64 total)
{
    if (!m_dialog || m_dialog->wasCanceled())
        return;
    m_dialog->setLabelText(tr("%1\n%2 of %3 rows").arg(m_what, QLocale().toString(done), QLocale().toString(total)));
    // Every row done: what is left is the commit, which a cancel can no longer stop.
    if (auto *cancel = m_dialog->findChild<QPushButton *>(); cancel && done >= total)
        cancel->setEnabled(false);
    // QProgressDialog counts in int: a count past that is shown in thousands.
    const int scale = total > 1'000'000'000 ? 1000 : 1;
    m_dialog->setMaximum(int(total / scale));
    m_dialog->setValue(int(done / scale)); // last: a modal dialog's setValue runs the event loop once
}

void LongStepProgress::finish()
{
    if (m_dialog) {
        m_dialog->hide();
        m_dialog->deleteLater();
    }
    m_dialog = nullptr;
}

} // namespace cockpit::ui

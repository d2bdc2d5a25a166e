#pragma once
// The first window of a first start (and of File › New demo database…): while the demo
// company is generated it says what is happening, with the generator's real percentage and
// its phase in words, at the geometry the main window will have; the main window replaces it
// when ready. A failure is shown in the same window with Try again and Quit (or Back).
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace cockpit::ui {

class FirstRunWindow : public QWidget
{
    Q_OBJECT
public:
    explicit FirstRunWindow(QWidget *parent = nullptr);

    // `phase` is the generator's English log word ("activities", "indexes"…).
    void setProgress(int percent, const QString &phase);
    // Back to the progress view (after Try again).
    void showWorking();
    // `message` says what failed and what to do; `details` (may be empty) is the technical
    // text. `canGoBack`: the second button is "Back" (a main window exists) instead of "Quit".
    void showFailure(const QString &message, const QString &details, bool canGoBack);
    bool isShowingFailure() const { return m_failed; }

    int percent() const;
    QString phaseShown() const;
    QString failureShown() const;
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *giveUpButton() const { return m_giveUp; }

    // The generator's phase in the user's words; phaseKnown() is false for a phase this
    // window does not know (it then shows a general "Working…").
    static QString phaseText(const QString &phase);
    static bool phaseKnown(const QString &phase);

Q_SIGNALS:
    void retryRequested();
    void giveUpRequested(); // Quit or Back after a failure
    void closeRequested();  // closed while working: stop and go back (or quit)

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QLabel *m_heading, *m_phase, *m_note, *m_error, *m_details;
    QProgressBar *m_bar;
    QPushButton *m_retry, *m_giveUp;
    bool m_failed = false;
};

} // namespace cockpit::ui

#pragma once
// The welcome card of a demo database: what this company is (generated, nothing leaves the
// computer), who you are signed in as, and three things to try, each a link that does it.
// It floats over the bottom-right corner of its parent; the close button and Esc dismiss it.
#include <QFrame>

class QLabel;
class QShortcut;
class QToolButton;

namespace cockpit::ui {

class Identity;

class WelcomeCard : public QFrame
{
    Q_OBJECT
public:
    explicit WelcomeCard(QWidget *parent);

    void setIdentity(const Identity &who);
    QString identityText() const;
    // The link targets of the three things to try (what linkActivated carries).
    static constexpr const char *kRedKpi = "red-kpi";
    static constexpr const char *kSearch = "search-bs";
    static constexpr const char *kAlerts = "alerts";
    QLabel *tryLabel(int i) const; // 0..2, in the order above
    QToolButton *closeButton() const { return m_close; }
    QShortcut *escapeShortcut() const { return m_escape; }
    // Re-anchors to the bottom-right corner of the parent (also on every parent resize).
    void place();

Q_SIGNALS:
    void dismissed(); // the close button or Esc: the user does not want it back
    void redKpiRequested();
    void searchRequested(const QString &text);
    void alertsRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void dismiss();
    void follow(const QString &link);

    QLabel *m_identity;
    QLabel *m_try[3];
    QToolButton *m_close;
    QShortcut *m_escape;
};

} // namespace cockpit::ui

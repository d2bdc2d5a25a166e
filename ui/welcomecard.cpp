#include "welcomecard.h"

#include "identity.h"
#include "theme.h"

#include <QEvent>
#include <QGraphicsDropShadowEffect>
#include <QHBoxLayout>
#include <QLabel>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace cockpit::ui {

namespace {
constexpr int kWidth = 460;
constexpr int kMargin = 18;
} // namespace

WelcomeCard::WelcomeCard(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("welcomeCard"));
    setProperty("shortcutGroup", tr("Welcome card"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("QFrame#welcomeCard { background: white; border: 1px solid #cfd6e4;"
                                 "  border-top: 4px solid %1; border-radius: 8px; }"
                                 "QFrame#welcomeCard QLabel { background: transparent; border: none; }"
                                 "QLabel#welcomeTitle { font-size: 13pt; font-weight: 600; }"
                                 "QToolButton#welcomeClose { border: none; font-size: 14pt; padding: 0 4px; }"
                                 "QToolButton#welcomeClose:hover { background: #eef2f8; border-radius: 4px; }")
                      .arg(QLatin1String(ui::palette().demoBadge)));
    auto *shadow = new QGraphicsDropShadowEffect(this);
    shadow->setBlurRadius(24);
    shadow->setOffset(0, 4);
    shadow->setColor(QColor(15, 23, 42, 70));
    setGraphicsEffect(shadow);

    auto *title = new QLabel(tr("Welcome to the demo company"), this);
    title->setObjectName(QStringLiteral("welcomeTitle"));
    m_close = new QToolButton(this);
    m_close->setObjectName(QStringLiteral("welcomeClose"));
    m_close->setText(QStringLiteral("×"));
    m_close->setToolTip(tr("Close the welcome card (Esc); Help › Welcome card shows it again"));
    m_close->setAccessibleName(tr("Close the welcome card"));
    connect(m_close, &QToolButton::clicked, this, &WelcomeCard::dismiss);
    m_escape = new QShortcut(QKeySequence(Qt::Key_Escape), this, this, &WelcomeCard::dismiss, Qt::WindowShortcut);
    m_escape->setWhatsThis(tr("Close the welcome card"));

    auto *what = new QLabel(tr("Everything here is a generated company: its regions, reps, customers and a year "
                               "of leads are made up on this computer, and nothing you do leaves it."), this);
    what->setWordWrap(true);
    m_identity = new QLabel(this);
    m_identity->setObjectName(QStringLiteral("welcomeIdentity"));
    m_identity->setWordWrap(true);
    auto *tryTitle = new QLabel(tr("Three things to try:"), this);
    const QString link = QStringLiteral("<a href=\"%1\">%2</a> — %3");
    const QString items[3] = {
        link.arg(QLatin1String(kRedKpi), tr("Open a red KPI"),
                 tr("the rows behind a figure that is worse than the industry mean")),
        link.arg(QLatin1String(kSearch), tr("Search \"bs\" in Leads"),
                 tr("pinyin initials find 博世 (Bosch)")),
        link.arg(QLatin1String(kAlerts), tr("Open Alerts"), tr("what needs someone today")),
    };

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 12, 12, 16);
    layout->setSpacing(8);
    auto *head = new QHBoxLayout;
    head->addWidget(title, 1);
    head->addWidget(m_close, 0, Qt::AlignTop);
    layout->addLayout(head);
    layout->addWidget(what);
    layout->addWidget(m_identity);
    layout->addSpacing(2);
    layout->addWidget(tryTitle);
    for (int i = 0; i < 3; ++i) {
        m_try[i] = new QLabel(QStringLiteral("%1. %2").arg(i + 1).arg(items[i]), this);
        m_try[i]->setObjectName(QStringLiteral("welcomeTry%1").arg(i + 1));
        m_try[i]->setWordWrap(true);
        m_try[i]->setTextFormat(Qt::RichText);
        m_try[i]->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
        m_try[i]->setContentsMargins(8, 0, 0, 0);
        connect(m_try[i], &QLabel::linkActivated, this, &WelcomeCard::follow);
        layout->addWidget(m_try[i]);
    }
    setFixedWidth(kWidth);
    setIdentity(Identity());
    parent->installEventFilter(this);
}

void WelcomeCard::setIdentity(const Identity &who)
{
    m_identity->setText(who.isKnown() ? tr("You are signed in as <b>%1</b> (%2).").arg(who.name.toHtmlEscaped(), who.role.toHtmlEscaped())
                                      : QString());
    m_identity->setVisible(who.isKnown());
    place();
}

QString WelcomeCard::identityText() const
{
    return m_identity->text();
}

QLabel *WelcomeCard::tryLabel(int i) const
{
    return i >= 0 && i < 3 ? m_try[i] : nullptr;
}

void WelcomeCard::place()
{
    const QWidget *p = parentWidget();
    const int height = heightForWidth(kWidth) > 0 ? heightForWidth(kWidth) : sizeHint().height();
    setGeometry(p->width() - kWidth - kMargin, p->height() - height - kMargin, kWidth, height);
    raise();
}

bool WelcomeCard::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        place();
    return QFrame::eventFilter(watched, event);
}

void WelcomeCard::dismiss()
{
    hide();
    Q_EMIT dismissed();
}

void WelcomeCard::follow(const QString &link)
{
    if (link == QLatin1String(kRedKpi))
        Q_EMIT redKpiRequested();
    else if (link == QLatin1String(kSearch))
        Q_EMIT searchRequested(QStringLiteral("bs"));
    else if (link == QLatin1String(kAlerts))
        Q_EMIT alertsRequested();
}

} // namespace cockpit::ui

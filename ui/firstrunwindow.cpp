#include "firstrunwindow.h"

#include "theme.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace cockpit::ui {

namespace {
// The generator's phases (models/demo/demogenerator.cpp, Ctx::report) in the user's words.
struct Phase
{
    const char *key;
    const char *text;
};
constexpr Phase kPhases[] = {
    {"schema", QT_TRANSLATE_NOOP("cockpit::ui::FirstRunWindow", "Creating the tables")},
    {"organisation", QT_TRANSLATE_NOOP("cockpit::ui::FirstRunWindow", "Building the organisation: regions, cities, teams and people")},
    {"customers", QT_TRANSLATE_NOOP("cockpit::ui::FirstRunWindow", "Inventing customers and their contacts")},
    {"leads", QT_TRANSLATE_NOOP("cockpit::ui::FirstRunWindow", "Taking leads through the pipelines")},
    {"activities", QT_TRANSLATE_NOOP("cockpit::ui::FirstRunWindow", "Writing a year of calls, visits, messages and replies")},
    {"orders", QT_TRANSLATE_NOOP("cockpit::ui::FirstRunWindow", "Recording orders and payments")},
    {"tasks", QT_TRANSLATE_NOOP("cockpit::ui::FirstRunWindow", "Planning the weekly must-do tasks")},
    {"targets", QT_TRANSLATE_NOOP("cockpit::ui::FirstRunWindow", "Setting targets and forecasts")},
    {"stores", QT_TRANSLATE_NOOP("cockpit::ui::FirstRunWindow", "Opening stores and their daily figures")},
    {"alerts", QT_TRANSLATE_NOOP("cockpit::ui::FirstRunWindow", "Raising a year of alerts")},
    {"log", QT_TRANSLATE_NOOP("cockpit::ui::FirstRunWindow", "Sealing the tamper-evident activity log")},
    {"writing", QT_TRANSLATE_NOOP("cockpit::ui::FirstRunWindow", "Writing the database file")},
    {"indexes", QT_TRANSLATE_NOOP("cockpit::ui::FirstRunWindow", "Building the indexes")},
    {"analyze", QT_TRANSLATE_NOOP("cockpit::ui::FirstRunWindow", "Optimising the database")},
    {"done", QT_TRANSLATE_NOOP("cockpit::ui::FirstRunWindow", "Opening the demo company")},
};
} // namespace

FirstRunWindow::FirstRunWindow(QWidget *parent) : QWidget(parent, Qt::Window)
{
    setObjectName(QStringLiteral("firstRunWindow"));
    setWindowTitle(tr("Sales Cockpit"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("QWidget#firstRunWindow { background: #eef2f8; }"
                                 "QFrame#firstRunPanel { background: white; border: 1px solid #d6dce8; border-radius: 10px; }"
                                 "QLabel#firstRunTitle { color: %1; font-size: 20pt; font-weight: 600; }"
                                 "QLabel#firstRunHeading { font-size: 14pt; font-weight: 600; }"
                                 "QLabel#firstRunError { color: %2; font-size: 11pt; font-weight: 600; }")
                      .arg(QLatin1String(ui::palette().rail), QLatin1String(ui::palette().bad)));

    auto *panel = new QFrame(this);
    panel->setObjectName(QStringLiteral("firstRunPanel"));
    panel->setFixedWidth(600);
    auto *title = new QLabel(tr("Sales Cockpit"), panel);
    title->setObjectName(QStringLiteral("firstRunTitle"));
    m_heading = new QLabel(tr("Preparing the demo company"), panel);
    m_heading->setObjectName(QStringLiteral("firstRunHeading"));
    auto *what = new QLabel(tr("A realistic sales organisation generated on this computer: regions, teams and "
                               "reps, customers and their contacts, a year of leads and activities, stores and "
                               "targets. Nothing is downloaded and nothing leaves this computer."), panel);
    what->setWordWrap(true);
    m_bar = new QProgressBar(panel);
    m_bar->setObjectName(QStringLiteral("firstRunProgress"));
    m_bar->setRange(0, 100);
    m_bar->setValue(0);
    m_bar->setFormat(QStringLiteral("%p %"));
    m_phase = new QLabel(panel);
    m_phase->setObjectName(QStringLiteral("firstRunPhase"));
    m_note = new QLabel(tr("This happens once and takes a few seconds; the Cockpit opens by itself when the "
                           "company is ready."), panel);
    m_note->setObjectName(QStringLiteral("muted"));
    m_note->setWordWrap(true);
    m_error = new QLabel(panel);
    m_error->setObjectName(QStringLiteral("firstRunError"));
    m_error->setWordWrap(true);
    m_details = new QLabel(panel);
    m_details->setObjectName(QStringLiteral("muted"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(tr("Try again"), panel);
    m_giveUp = new QPushButton(tr("Quit"), panel);
    connect(m_retry, &QPushButton::clicked, this, &FirstRunWindow::retryRequested);
    connect(m_giveUp, &QPushButton::clicked, this, &FirstRunWindow::giveUpRequested);

    auto *inner = new QVBoxLayout(panel);
    inner->setContentsMargins(36, 28, 36, 28);
    inner->setSpacing(10);
    inner->addWidget(title);
    inner->addSpacing(6);
    inner->addWidget(m_heading);
    inner->addWidget(what);
    inner->addSpacing(8);
    inner->addWidget(m_bar);
    inner->addWidget(m_phase);
    inner->addWidget(m_error);
    inner->addWidget(m_details);
    inner->addSpacing(4);
    inner->addWidget(m_note);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_retry);
    buttons->addWidget(m_giveUp);
    inner->addLayout(buttons);

    // Centred by stretches, not by an alignment flag: an aligned item gets its size hint's
    // height, which cuts the wrapped paragraphs short.
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(panel);
    row->addStretch();
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(2);
    outer->addLayout(row);
    outer->addStretch(3);
    showWorking();
    setProgress(0, QStringLiteral("schema"));
}

bool FirstRunWindow::phaseKnown(const QString &phase)
{
    for (const Phase &p : kPhases)
        if (phase == QLatin1String(p.key))
            return true;
    return false;
}

QString FirstRunWindow::phaseText(const QString &phase)
{
    for (const Phase &p : kPhases)
        if (phase == QLatin1String(p.key))
            return tr(p.text);
    return tr("Working");
}

void FirstRunWindow::setProgress(int percent, const QString &phase)
{
    m_bar->setValue(std::clamp(percent, 0, 100));
    m_phase->setText(phaseText(phase) + QStringLiteral("…"));
}

void FirstRunWindow::showWorking()
{
    m_failed = false;
    m_heading->setText(tr("Preparing the demo company"));
    m_bar->show();
    m_phase->show();
    m_note->show();
    m_error->hide();
    m_details->hide();
    m_retry->hide();
    m_giveUp->hide();
}

void FirstRunWindow::showFailure(const QString &message, const QString &details, bool canGoBack)
{
    m_failed = true;
    m_heading->setText(tr("The demo company could not be created"));
    m_bar->hide();
    m_phase->hide();
    m_note->hide();
    m_error->setText(message);
    m_error->show();
    m_details->setText(details.isEmpty() ? QString() : tr("Details: %1").arg(details));
    m_details->setVisible(!details.isEmpty());
    m_giveUp->setText(canGoBack ? tr("Back") : tr("Quit"));
    m_retry->show();
    m_giveUp->show();
    m_retry->setDefault(true);
    m_retry->setFocus();
}

int FirstRunWindow::percent() const
{
    return m_bar->value();
}

QString FirstRunWindow::phaseShown() const
{
    return m_phase->text();
}

QString FirstRunWindow::failureShown() const
{
    return m_failed ? m_error->text() : QString();
}

void FirstRunWindow::closeEvent(QCloseEvent *event)
{
    if (m_failed)
        Q_EMIT giveUpRequested();
    else
        Q_EMIT closeRequested();
    event->accept();
}

} // namespace cockpit::ui

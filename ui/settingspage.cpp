#include "settingspage.h"

#include "database.h"
#include "language.h"
#include "outbox.h"
#include "pipelineeditor.h"
#include "webhooksettings.h"

#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cockpit::ui {

SettingsPage::SettingsPage(storage::Database &db, QSettings &settings, QWidget *parent)
    : QWidget(parent), m_db(db), m_settings(settings)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(24, 12, 24, 12);
    auto *title = new QLabel(tr("Settings"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    outer->addWidget(title);
    // One tab per section; showSection("pipelines") picks one (screenshots, drill-downs).
    m_tabs = new QTabWidget(this);
    outer->addWidget(m_tabs, 1);
    auto *generalTab = new QWidget(m_tabs);
    generalTab->setObjectName(QStringLiteral("generalSection"));
    m_tabs->addTab(generalTab, tr("General"));
    auto *layout = new QVBoxLayout(generalTab);

    auto *language = new QGroupBox(tr("Language"), this);
    auto *languageForm = new QFormLayout(language);
    m_language = new QComboBox(language);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(languageSetting(settings))));
    m_languageNote = new QLabel(language);
    m_languageNote->setObjectName(QStringLiteral("muted"));
    auto *restart = new QPushButton(tr("Restart now"), language);
    restart->setVisible(false);
    languageForm->addRow(tr("Interface language"), m_language);
    languageForm->addRow(m_languageNote, restart);
    connect(m_language, &QComboBox::currentIndexChanged, this, [this, restart] {
        m_settings.setValue(QStringLiteral("ui/language"), m_language->currentData());
        m_languageNote->setText(tr("The new language applies when Sales Cockpit restarts."));
        restart->setVisible(true);
    });
    connect(restart, &QPushButton::clicked, this, &SettingsPage::restartRequested);
    layout->addWidget(language);

    auto *database = new QGroupBox(tr("Database"), this);
    auto *dbLayout = new QVBoxLayout(database);
    m_dbInfo = new QLabel(database);
    m_dbInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dbInfo->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    auto *open = new QPushButton(tr("Open another database…"), database);
    auto *demo = new QPushButton(tr("Create a new demo database…"), database);
    buttons->addWidget(open);
    buttons->addWidget(demo);
    buttons->addStretch();
    dbLayout->addWidget(m_dbInfo);
    dbLayout->addLayout(buttons);
    connect(open, &QPushButton::clicked, this, &SettingsPage::openDatabaseRequested);
    connect(demo, &QPushButton::clicked, this, &SettingsPage::newDemoRequested);
    layout->addWidget(database);

    auto *later = new QGroupBox(tr("Coming in later releases"), this);
    auto *laterLayout = new QVBoxLayout(later);
    auto *note = new QLabel(tr("Team server and sync and alert thresholds "
                               "are not built yet. They will appear here."), later);
    note->setWordWrap(true);
    note->setObjectName(QStringLiteral("muted"));
    laterLayout->addWidget(note);
    layout->addWidget(later);
    layout->addStretch();

    auto *pipelinesTab = new QWidget(m_tabs);
    pipelinesTab->setObjectName(QStringLiteral("pipelinesSection"));
    auto *pipelinesLayout = new QVBoxLayout(pipelinesTab);
    m_pipelines = new PipelineEditor(db, pipelinesTab);
    pipelinesLayout->addWidget(m_pipelines);
    m_tabs->addTab(pipelinesTab, tr("Pipelines"));

    auto *deliveryTab = new QWidget(m_tabs);
    deliveryTab->setObjectName(QStringLiteral("deliverySection"));
    auto *deliveryLayout = new QVBoxLayout(deliveryTab);
    m_webhooks = new WebhookSettings(db.connection(), deliveryTab);
    deliveryLayout->addWidget(m_webhooks, 1);
    m_tabs->addTab(deliveryTab, tr("Alert delivery"));
    refresh();
}

bool SettingsPage::showSection(const QString &key)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->objectName() == key + QStringLiteral("Section")) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void SettingsPage::refresh()
{
    m_pipelines->reload();
    m_webhooks->refresh();
    if (!m_db.isOpen()) {
        m_dbInfo->setText(tr("No database is open."));
        return;
    }
    m_dbInfo->setText(tr("File: %1\nSchema version: %2\nStorage: %3\nData: %4\nLocal edits waiting to sync: %5")
                          .arg(QDir::toNativeSeparators(m_db.path()))
                          .arg(m_db.schemaVersion())
                          .arg(m_db.pragmaSummary(),
                               m_db.isDemo() ? tr("demo company (generated)") : tr("your own data"))
                          .arg(storage::pendingOutboxCount(m_db.connection())));
}

} // namespace cockpit::ui

#include "settingspage.h"

#include "rulessettings.h"

#include "storage/database.h"
#include "teamserversettings.h"
#include "language.h"
#include "pipelineeditor.h"
#include "webhooksettings.h"

#include <QComboBox>
#include <QLocale>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLocale>
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
    languageForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint); // no 1 000-px combo
    m_language = new QComboBox(language);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_language->setCurrentIndex(std::max(0, m_language->findData(languageSetting(settings))));
    m_languageNote = new QLabel(language);
    m_languageNote->setObjectName(QStringLiteral("muted"));
    auto *restart = new QPushButton(tr("Restart now"), language);
    restart->setObjectName(QStringLiteral("restartButton"));
    restart->setVisible(false);
    languageForm->addRow(tr("Interface language"), m_language);
    // The button keeps its own width: a form field would stretch it across the window.
    auto *restartRow = new QHBoxLayout;
    restartRow->addWidget(m_languageNote);
    restartRow->addWidget(restart);
    restartRow->addStretch(1);
    languageForm->addRow(restartRow);
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

    layout->addStretch();

    // The other tabs are built when first shown: reading pipeline versions, the delivery
    // queue and the thresholds costs ~0.2 s on a large database, which start-up need not pay.
    // Issue 12: the team server (QSettings and the keychain only: nothing to read from the file).
    addLazyTab(QStringLiteral("server"), tr("Team server"), [this](QWidget *tab) {
        m_server = new TeamServerSettings(m_settings, tab);
        connect(m_server, &TeamServerSettings::connectRequested, this, &SettingsPage::serverConnectRequested);
        connect(m_server, &TeamServerSettings::disconnectRequested, this, &SettingsPage::serverDisconnectRequested);
        connect(m_server, &TeamServerSettings::intervalChanged, this, &SettingsPage::syncIntervalChanged);
        return m_server;
    });
    addLazyTab(QStringLiteral("pipelines"), tr("Pipelines"), [this](QWidget *tab) {
        m_pipelines = new PipelineEditor(m_db, tab);
        return m_pipelines;
    });
    addLazyTab(QStringLiteral("delivery"), tr("Alert delivery"), [this](QWidget *tab) {
        m_webhooks = new WebhookSettings(m_db, tab);
        return m_webhooks;
    });
    addLazyTab(QStringLiteral("rules"), tr("Rules"), [this](QWidget *tab) {
        m_rules = new RulesSettings(m_db, tab);
        connect(m_rules, &RulesSettings::thresholdsChanged, this, &SettingsPage::thresholdsChanged);
        return m_rules;
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &SettingsPage::ensureTab);
    refresh();
}

void SettingsPage::addLazyTab(const QString &key, const QString &title, std::function<QWidget *(QWidget *)> make)
{
    auto *tab = new QWidget(m_tabs);
    tab->setObjectName(key + QStringLiteral("Section"));
    new QVBoxLayout(tab);
    m_lazy.insert(m_tabs->addTab(tab, title), std::move(make));
}

void SettingsPage::ensureTab(int index)
{
    auto it = m_lazy.find(index);
    if (it == m_lazy.end())
        return;
    const auto make = std::move(it.value());
    m_lazy.erase(it);
    QWidget *tab = m_tabs->widget(index);
    tab->layout()->addWidget(make(tab));
}

PipelineEditor *SettingsPage::pipelineEditor()
{
    ensureTab(indexOf(QStringLiteral("pipelines")));
    return m_pipelines;
}

WebhookSettings *SettingsPage::webhookSettings()
{
    ensureTab(indexOf(QStringLiteral("delivery")));
    return m_webhooks;
}

TeamServerSettings *SettingsPage::teamServerSettings()
{
    ensureTab(indexOf(QStringLiteral("server")));
    return m_server;
}

RulesSettings *SettingsPage::rulesSettings()
{
    ensureTab(indexOf(QStringLiteral("rules")));
    return m_rules;
}

int SettingsPage::indexOf(const QString &key) const
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (m_tabs->widget(i)->objectName() == key + QStringLiteral("Section"))
            return i;
    return -1;
}

bool SettingsPage::showSection(const QString &key)
{
    const int i = indexOf(key);
    if (i < 0)
        return false;
    m_tabs->setCurrentIndex(i);
    ensureTab(i);
    return true;
}

QString SettingsPage::storageInWords(const QString &pragmaSummary)
{
    // "journal_mode=wal synchronous=2 foreign_keys=1 busy_timeout=5000" as a person reads it.
    QHash<QString, QString> p;
    bool readOnly = false;
    for (const QString &part : pragmaSummary.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq < 0)
            readOnly = readOnly || part == QLatin1String("read-only");
        else
            p.insert(part.left(eq), part.mid(eq + 1).toLower());
    }
    QStringList words;
    if (readOnly)
        words << tr("Read-only");
    const QString journal = p.value(QStringLiteral("journal_mode"));
    if (journal == QLatin1String("wal"))
        words << tr("Write-ahead log");
    else if (!journal.isEmpty())
        words << tr("Rollback journal");
    if (p.contains(QStringLiteral("synchronous"))) {
        const QString s = p.value(QStringLiteral("synchronous"));
        const int level = s == QLatin1String("off") ? 0 : s == QLatin1String("normal") ? 1
                        : s == QLatin1String("full") ? 2 : s == QLatin1String("extra") ? 3 : s.toInt();
        const QString names[] = {tr("off"), tr("normal"), tr("full"), tr("extra")};
        words << tr("Safe writes: %1").arg(names[std::clamp(level, 0, 3)]);
    }
    if (p.value(QStringLiteral("foreign_keys")) == QLatin1String("1"))
        words << tr("Links between records checked");
    bool ok = false;
    const int waitMs = p.value(QStringLiteral("busy_timeout")).toInt(&ok);
    if (ok && waitMs > 0)
        words << tr("Waits up to %1 s when the file is busy").arg(QLocale().toString(waitMs / 1000.0, 'g', 3));
    return words.join(QStringLiteral(" · "));
}

void SettingsPage::refresh()
{
    // Tabs not built yet read their data when they are.
    if (m_pipelines)
        m_pipelines->reload();
    if (m_webhooks)
        m_webhooks->refresh();
    if (m_rules)
        m_rules->reload();
    if (m_server)
        m_server->reload();
    if (!m_db.isOpen()) {
        m_dbInfo->setText(tr("No database is open."));
        return;
    }
    m_dbInfo->setText(tr("File: %1\nSchema version: %2\nStorage: %3\nData: %4")
                          .arg(QDir::toNativeSeparators(m_db.path()))
                          .arg(m_db.schemaVersion())
                          .arg(storageInWords(m_db.pragmaSummary()),
                               m_db.isDemo() ? tr("demo company (generated)") : tr("your own data")));
}

} // namespace cockpit::ui

#pragma once
// Settings: interface language (applied on restart), the database in use, and a tab per
// section: the team server, pipelines, alert delivery, rules.
#include "sync/pgconnection.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QSettings;
class QTabWidget;

namespace cockpit::storage {
class Database;
}


namespace cockpit::ui {

class PipelineEditor;
class RulesSettings;
class TeamServerSettings;
class WebhookSettings;

class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    SettingsPage(storage::Database &db, QSettings &settings, QWidget *parent = nullptr);
    void refresh();
    QComboBox *languageCombo() const { return m_language; }
    // The tabs below are built on first use (shown, or asked for here).
    PipelineEditor *pipelineEditor();
    WebhookSettings *webhookSettings();
    RulesSettings *rulesSettings();
    TeamServerSettings *teamServerSettings();
    // Shows one tab: "general", "server", "pipelines", "delivery" or "rules". False for an unknown key.
    bool showSection(const QString &key);
    // Storage's pragma summary ("journal_mode=wal synchronous=2 …") in words: "Write-ahead
    // log · Safe writes: full · Links between records checked · Waits up to 5 s …".
    static QString storageInWords(const QString &pragmaSummary);

Q_SIGNALS:
    void openDatabaseRequested();
    void newDemoRequested();
    void restartRequested();
    // Settings › Rules saved new thresholds.
    void thresholdsChanged();
    // Settings › Team server (TeamServerSettings' signals, for the app).
    void serverConnectRequested(const cockpit::sync::ServerAddress &address, int intervalMinutes);
    void serverDisconnectRequested();
    void syncIntervalChanged(int minutes);

private:
    void addLazyTab(const QString &key, const QString &title, std::function<QWidget *(QWidget *)> make);
    void ensureTab(int index);
    int indexOf(const QString &key) const;

    storage::Database &m_db;
    QSettings &m_settings;
    QComboBox *m_language;
    QLabel *m_languageNote, *m_dbInfo;
    PipelineEditor *m_pipelines = nullptr;
    WebhookSettings *m_webhooks = nullptr;
    RulesSettings *m_rules = nullptr;
    TeamServerSettings *m_server = nullptr;
    QHash<int, std::function<QWidget *(QWidget *)>> m_lazy; // tab index → builder, until built
    QTabWidget *m_tabs;
};

} // namespace cockpit::ui

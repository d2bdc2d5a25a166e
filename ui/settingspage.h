#pragma once
// Settings: interface language (applied on restart), the database in use, and the parts
// of settings that later releases add (server & sync, pipelines, thresholds) named as such.
#include <QWidget>

class QComboBox;
class QLabel;
class QSettings;
class QTabWidget;

namespace cockpit::storage {
class Database;
}

namespace cockpit::ui {

class PipelineEditor;
class WebhookSettings;

class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    SettingsPage(storage::Database &db, QSettings &settings, QWidget *parent = nullptr);
    void refresh();
    QComboBox *languageCombo() const { return m_language; }
    PipelineEditor *pipelineEditor() const { return m_pipelines; }
    WebhookSettings *webhookSettings() const { return m_webhooks; }
    // Shows one tab: "general", "pipelines" or "delivery". False for an unknown key.
    bool showSection(const QString &key);

Q_SIGNALS:
    void openDatabaseRequested();
    void newDemoRequested();
    void restartRequested();

private:
    storage::Database &m_db;
    QSettings &m_settings;
    QComboBox *m_language;
    QLabel *m_languageNote, *m_dbInfo;
    PipelineEditor *m_pipelines;
    WebhookSettings *m_webhooks;
    QTabWidget *m_tabs;
};

} // namespace cockpit::ui

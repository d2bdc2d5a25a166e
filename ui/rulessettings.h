#pragma once
// Settings › Rules: the alert thresholds of DESIGN.md §3 (silence, duplicate touch,
// compliance, escalation window, look-back) and the assignment load cap, with their
// defaults. Stage SLAs and the hand-over SLA belong to the pipelines (Settings › Pipelines).
#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;

namespace cockpit::storage {
class Database;
}

namespace cockpit::ui {

class RulesSettings : public QWidget
{
    Q_OBJECT
public:
    explicit RulesSettings(storage::Database &db, QWidget *parent = nullptr);

    // Re-reads the saved values (discarding unsaved changes).
    void reload();
    // Validates and writes every value in one go; false (and a message shown) on failure.
    bool save();
    void restoreDefaults();
    QSpinBox *field(const QString &settingsKey) const;
    QSpinBox *loadCapField() const { return m_loadCap; }

Q_SIGNALS:
    // After a successful save: the rules should be evaluated again.
    void thresholdsChanged();

private:
    void updateButtons();

    storage::Database &m_db;
    QList<QPair<QString, QSpinBox *>> m_fields; // settings key → editor
    QSpinBox *m_loadCap;
    QLabel *m_status;
    QPushButton *m_save, *m_revert;
};

} // namespace cockpit::ui

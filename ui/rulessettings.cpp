#include "rulessettings.h"

#include "alerts/alertthresholds.h"
#include "assign/assignstore.h"
#include "storage/database.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cockpit::ui {

namespace {
struct FieldText
{
    const char *key;
    const char *label;
    const char *suffix;
};

// Labels for the settings keys of alerts::thresholdKeys(); keys not listed are not shown.
const FieldText kFields[] = {
    {"rules.silence_hours", QT_TRANSLATE_NOOP("cockpit::ui::RulesSettings", "Silence: no activity on an open lead for"),
     QT_TRANSLATE_NOOP("cockpit::ui::RulesSettings", " h")},
    {"rules.duplicate_reps", QT_TRANSLATE_NOOP("cockpit::ui::RulesSettings", "Duplicate touch: different reps on one customer"),
     QT_TRANSLATE_NOOP("cockpit::ui::RulesSettings", " reps")},
    {"rules.duplicate_days", QT_TRANSLATE_NOOP("cockpit::ui::RulesSettings", "… within"),
     QT_TRANSLATE_NOOP("cockpit::ui::RulesSettings", " days")},
    {"rules.churn_moves", QT_TRANSLATE_NOOP("cockpit::ui::RulesSettings", "Compliance: stage changes by one rep on one lead in a day"),
     QT_TRANSLATE_NOOP("cockpit::ui::RulesSettings", " changes")},
    {"rules.quote_versions", QT_TRANSLATE_NOOP("cockpit::ui::RulesSettings", "Compliance: quote versions to one customer"),
     QT_TRANSLATE_NOOP("cockpit::ui::RulesSettings", " versions")},
    {"rules.quote_hours", QT_TRANSLATE_NOOP("cockpit::ui::RulesSettings", "… within"),
     QT_TRANSLATE_NOOP("cockpit::ui::RulesSettings", " h")},
    {"rules.escalation_hours", QT_TRANSLATE_NOOP("cockpit::ui::RulesSettings", "Escalate an unacknowledged alert after"),
     QT_TRANSLATE_NOOP("cockpit::ui::RulesSettings", " h")},
    {"rules.lookback_days", QT_TRANSLATE_NOOP("cockpit::ui::RulesSettings", "Compliance rules look back"),
     QT_TRANSLATE_NOOP("cockpit::ui::RulesSettings", " days")},
};

int alerts::Thresholds::*fieldOf(const QString &key)
{
    for (const auto &k : alerts::thresholdKeys())
        if (key == QLatin1String(k.key))
            return k.field;
    return nullptr;
}
} // namespace

RulesSettings::RulesSettings(storage::Database &db, QWidget *parent) : QWidget(parent), m_db(db)
{
    setObjectName(QStringLiteral("rulesSettings"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Thresholds of the alert rules and of lead assignment, saved in this database. "
                                "Stage SLAs and the marketing hand-over SLA are set per pipeline, under Pipelines."),
                             this);
    intro->setWordWrap(true);
    intro->setObjectName(QStringLiteral("muted"));
    layout->addWidget(intro);

    auto *alertsBox = new QGroupBox(tr("Alert rules"), this);
    auto *form = new QFormLayout(alertsBox);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    for (const FieldText &f : kFields) {
        const auto &keys = alerts::thresholdKeys();
        const auto it = std::find_if(keys.begin(), keys.end(),
                                     [&](const alerts::ThresholdKey &k) { return qstrcmp(k.key, f.key) == 0; });
        if (it == keys.end())
            continue;
        auto *spin = new QSpinBox(alertsBox);
        spin->setObjectName(QString::fromLatin1(f.key));
        spin->setRange(it->min, it->max);
        spin->setSuffix(tr(f.suffix));
        spin->setAccelerated(true);
        spin->setMinimumWidth(140);
        form->addRow(tr(f.label), spin);
        m_fields << qMakePair(QString::fromLatin1(f.key), spin);
        connect(spin, &QSpinBox::valueChanged, this, &RulesSettings::updateButtons);
    }
    layout->addWidget(alertsBox);

    auto *assignBox = new QGroupBox(tr("Lead assignment"), this);
    auto *assignForm = new QFormLayout(assignBox);
    assignForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_loadCap = new QSpinBox(assignBox);
    m_loadCap->setObjectName(QStringLiteral("assign_load_cap"));
    m_loadCap->setRange(1, 100000);
    m_loadCap->setSuffix(tr(" open leads"));
    m_loadCap->setMinimumWidth(140);
    assignForm->addRow(tr("Load cap: a rep takes new leads only below"), m_loadCap);
    connect(m_loadCap, &QSpinBox::valueChanged, this, &RulesSettings::updateButtons);
    layout->addWidget(assignBox);

    auto *buttons = new QHBoxLayout;
    auto *defaults = new QPushButton(tr("Restore &defaults"), this);
    m_revert = new QPushButton(tr("&Revert"), this);
    m_save = new QPushButton(tr("&Save rules"), this);
    m_save->setDefault(true);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(defaults);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    layout->addStretch();
    connect(defaults, &QPushButton::clicked, this, &RulesSettings::restoreDefaults);
    connect(m_revert, &QPushButton::clicked, this, &RulesSettings::reload);
    connect(m_save, &QPushButton::clicked, this, &RulesSettings::save);
    reload();
}

QSpinBox *RulesSettings::field(const QString &settingsKey) const
{
    for (const auto &f : m_fields)
        if (f.first == settingsKey)
            return f.second;
    return nullptr;
}

void RulesSettings::reload()
{
    QStringList problems;
    const alerts::Thresholds t = alerts::loadThresholds(m_db, &problems);
    for (const auto &f : m_fields) {
        const QSignalBlocker block(f.second);
        f.second->setValue(t.*fieldOf(f.first));
    }
    const QSignalBlocker block(m_loadCap);
    m_loadCap->setValue(assign::AssignStore(m_db).loadCap());
    m_status->setText(problems.isEmpty() ? QString() : problems.join(QLatin1Char('\n')));
    updateButtons();
}

void RulesSettings::restoreDefaults()
{
    const alerts::Thresholds defaults;
    for (const auto &f : m_fields)
        f.second->setValue(defaults.*fieldOf(f.first));
    m_loadCap->setValue(8);
}

bool RulesSettings::save()
{
    alerts::Thresholds t = alerts::loadThresholds(m_db);
    for (const auto &f : m_fields)
        t.*fieldOf(f.first) = f.second->value();
    QString error;
    if (!alerts::saveThresholds(m_db, t, &error)
        || !assign::AssignStore(m_db).setLoadCap(m_loadCap->value(), &error)) {
        m_status->setText(tr("Not saved: %1").arg(error));
        return false;
    }
    updateButtons();
    m_status->setText(tr("Saved. The alert rules are evaluated again with these thresholds."));
    Q_EMIT thresholdsChanged();
    return true;
}

void RulesSettings::updateButtons()
{
    const alerts::Thresholds saved = alerts::loadThresholds(m_db);
    bool changed = m_loadCap->value() != assign::AssignStore(m_db).loadCap();
    for (const auto &f : m_fields)
        changed = changed || f.second->value() != saved.*fieldOf(f.first);
    m_save->setEnabled(changed);
    m_revert->setEnabled(changed);
    if (changed)
        m_status->clear();
}

} // namespace cockpit::ui

#include "leadeditordialog.h"

#include "items/catalog.h"
#include "items/editcontroller.h"
#include "leaddetailpanel.h"
#include "domain/money.h"
#include "domain/pipeline.h"
#include "widgethelpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

namespace cockpit::ui {

namespace {
const QDate kNoDate(2000, 1, 1); // shown as "—" through the special value text

QDateEdit *dateEdit(const QDate &value, QWidget *parent)
{
    auto *e = new QDateEdit(parent);
    e->setCalendarPopup(true);
    e->setMinimumDate(kNoDate);
    e->setSpecialValueText(QStringLiteral("—"));
    e->setDate(value.isValid() ? value : kNoDate);
    return e;
}

QVariant dateValue(const QDateEdit *e)
{
    return e->date() == kNoDate ? QVariant(QString()) : QVariant(e->date().toString(Qt::ISODate));
}

} // namespace

LeadEditorDialog::LeadEditorDialog(Catalog &catalog, EditController &edits, const QString &leadId,
                                   QWidget *parent)
    : QDialog(parent), m_catalog(catalog), m_edits(edits)
{
    setObjectName(QStringLiteral("leadEditor"));
    m_lead = edits.leads().fetch(leadId).value_or(storage::LeadRecord{});
    setWindowTitle(tr("Lead — %1").arg(m_lead.customerName));
    const QLocale locale;
    const auto &ix = catalog.index();
    const int stage = ix.stage(m_lead.stageId);
    const int next = catalog.nextStage(stage);
    if (stage >= 0)
        m_exitGate = catalog.data().stages[size_t(stage)].exitGate;
    if (next >= 0 && m_lead.status != QLatin1String("lost"))
        m_nextStageId = catalog.data().stages[size_t(next)].id;

    m_title = new QLineEdit(m_lead.title, this);
    m_amount = new QLineEdit(formatMoney(m_lead.amountCents, catalog.data().currency, locale, false), this);
    m_amount->setToolTip(catalog.data().currency == QLatin1String("CNY")
                             ? tr("In yuan, e.g. 120000, 12.5万 or ¥1,200.50")
                             : tr("In %1, the company's currency, e.g. 120000 or 1,200.50").arg(catalog.data().currency));
    m_probability = new QSpinBox(this);
    m_probability->setRange(0, 100);
    m_probability->setSuffix(QStringLiteral(" %"));
    m_probability->setValue(m_lead.probability);
    m_expectedClose = dateEdit(m_lead.expectedClose, this);
    m_status = new QComboBox(this);
    for (const char *s : {"open", "won", "lost"})
        m_status->addItem(leadStatusLabel(QLatin1String(s)), QLatin1String(s));
    m_status->setCurrentIndex(m_status->findData(m_lead.status));
    m_lostReason = new QLineEdit(m_lead.lostReason, this);
    m_forecast = new QComboBox(this);
    const std::pair<const char *, QString> categories[] = {
        {"pipeline", tr("Pipeline")}, {"best_case", tr("Best case")}, {"commit", tr("Commit")}, {"omitted", tr("Omitted")}};
    for (const auto &[code, label] : categories)
        m_forecast->addItem(label, QLatin1String(code));
    m_forecast->setCurrentIndex(std::max(0, m_forecast->findData(m_lead.forecastCategory)));
    m_owner = new QComboBox(this);
    for (int i = 0; i < int(catalog.data().users.size()); ++i) {
        const auto &u = catalog.data().users[size_t(i)];
        if ((u.role == QLatin1String("sales") && !u.left) || u.id == m_lead.ownerId)
            m_owner->addItem(u.left ? tr("%1 (left)").arg(u.name) : u.name, u.id);
    }
    m_owner->setCurrentIndex(m_owner->findData(m_lead.ownerId));
    m_tags = new QLineEdit(m_lead.tags, this);

    m_pain = new QLineEdit(m_lead.painKeywords, this);
    m_pain->setPlaceholderText(tr("e.g. 交付周期长, 质检成本高"));
    m_budgetBand = new QComboBox(this);
    m_budgetBand->addItem(QStringLiteral("—"), QString());
    for (const QString &b : budgetBands())
        m_budgetBand->addItem(b, b);
    m_budgetBand->setCurrentIndex(std::max(0, m_budgetBand->findData(m_lead.budgetBand)));
    m_decisionRole = new QComboBox(this);
    m_decisionRole->addItem(QStringLiteral("—"), QString());
    for (const QString &r : decisionRoles())
        m_decisionRole->addItem(decisionRoleLabel(r), r);
    m_decisionRole->setCurrentIndex(std::max(0, m_decisionRole->findData(m_lead.decisionRole)));
    m_requirement = new QLineEdit(m_lead.requirementDoc, this);
    m_requirement->setPlaceholderText(tr("Requirement list or meeting minutes (file name or link)"));
    m_confirmation = new QCheckBox(tr("Requirement-confirmation form signed"), this);
    m_confirmation->setChecked(m_lead.confirmationSigned);
    m_demos = new QLabel(QString::number(m_lead.demoCount), this);

    m_intentSeal = new QCheckBox(tr("Customer seal"), this);
    m_intentSeal->setChecked(m_lead.intentSeal);
    m_intentBudget = new QLineEdit(m_lead.intentBudgetRange, this);
    m_intentContact = new QLineEdit(m_lead.intentContact, this);
    m_nextMeeting = dateEdit(m_lead.intentNextMeeting, this);
    m_competitor = new QCheckBox(tr("Competitor present"), this);
    m_competitor->setChecked(m_lead.competitorPresent);
    m_validation = new QCheckBox(tr("Technical validation done"), this);
    m_validation->setChecked(m_lead.technicalValidation);

    auto *deal = new QGroupBox(tr("Deal"), this);
    auto *dealForm = new QFormLayout(deal);
    dealForm->addRow(tr("&Title"), m_title);
    dealForm->addRow(tr("&Amount"), m_amount);
    dealForm->addRow(tr("&Probability"), m_probability);
    dealForm->addRow(tr("E&xpected close"), m_expectedClose);
    dealForm->addRow(tr("&Status"), m_status);
    dealForm->addRow(tr("&Lost reason"), m_lostReason);
    dealForm->addRow(tr("&Forecast category"), m_forecast);
    dealForm->addRow(tr("&Owner"), m_owner);
    dealForm->addRow(tr("Ta&gs"), m_tags);
    dealForm->addRow(QString(), m_competitor);
    dealForm->addRow(QString(), m_validation);

    auto *gate = new QGroupBox(tr("Stage gate fields"), this);
    auto *gateForm = new QFormLayout(gate);
    gateForm->addRow(gateFieldLabel(QLatin1String(cockpit::gate::PainKeywords)), m_pain);
    gateForm->addRow(gateFieldLabel(QLatin1String(cockpit::gate::BudgetBand)), m_budgetBand);
    gateForm->addRow(gateFieldLabel(QLatin1String(cockpit::gate::DecisionRole)), m_decisionRole);
    gateForm->addRow(gateFieldLabel(QLatin1String(cockpit::gate::RequirementDoc)), m_requirement);
    gateForm->addRow(QString(), m_confirmation);
    gateForm->addRow(tr("Demos recorded"), m_demos);
    m_checklist = new QLabel(this);
    m_checklist->setTextFormat(Qt::RichText);
    m_checklist->setWordWrap(true);
    gateForm->addRow(m_checklist);
    // Optional; stored in stage history with the move ("Save and move").
    m_moveReason = new QLineEdit(gate);
    m_moveReason->setObjectName(QStringLiteral("moveReasonEdit"));
    m_moveReason->setPlaceholderText(tr("Optional, kept in the stage history"));
    m_moveReason->setMaxLength(500);
    m_moveReason->setEnabled(!m_nextStageId.isEmpty());
    gateForm->addRow(tr("Move &reason"), m_moveReason);

    auto *intent = new QGroupBox(tr("Intent letter"), this);
    auto *intentForm = new QFormLayout(intent);
    intentForm->addRow(QString(), m_intentSeal);
    intentForm->addRow(tr("Budget range"), m_intentBudget);
    intentForm->addRow(tr("Named contact"), m_intentContact);
    intentForm->addRow(tr("Next meeting"), m_nextMeeting);

    auto *right = new QVBoxLayout;
    right->addWidget(gate);
    right->addWidget(intent);
    right->addStretch();
    auto *columns = new QHBoxLayout;
    columns->addWidget(deal, 1);
    columns->addLayout(right, 1);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_saveMove = buttons->addButton(next >= 0 ? tr("Save and move to %1").arg(catalog.stageName(next))
                                              : tr("Save and move"),
                                    QDialogButtonBox::ActionRole);
    m_saveMove->setObjectName(QStringLiteral("saveAndMoveButton"));
    m_saveMove->setEnabled(!m_nextStageId.isEmpty());
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, [this] {
        if (save())
            accept();
    });
    connect(m_saveMove, &QPushButton::clicked, this, [this] {
        if (saveAndMove())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Which lead this is and where it stands, above the fields.
    auto *heading = new QLabel(this);
    heading->setObjectName(QStringLiteral("detailTitle"));
    heading->setText(m_lead.customerName + QStringLiteral(" — ") + m_lead.title);
    auto *where = new QLabel(this);
    where->setObjectName(QStringLiteral("muted"));
    where->setText(next >= 0 && !m_nextStageId.isEmpty()
                       ? tr("%1: %2 → next: %3").arg(catalog.pipelineName(catalog.pipelineOfStage(stage)),
                                                    catalog.stageName(stage), catalog.stageName(next))
                       : tr("%1: %2").arg(catalog.pipelineName(catalog.pipelineOfStage(stage)), catalog.stageName(stage)));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(where);
    layout->addLayout(columns);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    const auto update = [this] { updateChecklist(); };
    connect(m_pain, &QLineEdit::textChanged, this, update);
    connect(m_requirement, &QLineEdit::textChanged, this, update);
    connect(m_budgetBand, &QComboBox::currentIndexChanged, this, update);
    connect(m_decisionRole, &QComboBox::currentIndexChanged, this, update);
    connect(m_confirmation, &QCheckBox::toggled, this, update);
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        m_lostReason->setEnabled(m_status->currentData().toString() == QLatin1String("lost"));
    });
    m_lostReason->setEnabled(m_lead.status == QLatin1String("lost"));
    updateChecklist();
}

void LeadEditorDialog::updateChecklist()
{
    if (m_exitGate.isEmpty() || m_nextStageId.isEmpty()) {
        m_checklist->setText(tr("No fields are required to leave this stage."));
        return;
    }
    const GateFacts facts{m_pain->text(), m_budgetBand->currentData().toString(),
                          m_decisionRole->currentData().toString(), m_requirement->text(),
                          m_lead.demoCount, m_confirmation->isChecked()};
    const int next = m_catalog.index().stage(m_nextStageId);
    m_checklist->setText(tr("<b>To move to %1:</b><br>").arg(m_catalog.stageName(next).toHtmlEscaped())
                         + gateChecklistHtml(m_exitGate, missingGateFields(m_exitGate, facts)));
}

QVariantMap LeadEditorDialog::formValues() const
{
    QVariantMap all;
    all.insert(QStringLiteral("title"), m_title->text().trimmed());
    if (const auto cents = parseCny(m_amount->text()))
        all.insert(QStringLiteral("amount_cents"), *cents);
    else
        all.insert(QStringLiteral("amount_cents"), QStringLiteral("invalid"));
    all.insert(QStringLiteral("probability"), m_probability->value());
    all.insert(QStringLiteral("expected_close"), dateValue(m_expectedClose));
    all.insert(QStringLiteral("status"), m_status->currentData());
    all.insert(QStringLiteral("lost_reason"), m_lostReason->text().trimmed());
    all.insert(QStringLiteral("forecast_category"), m_forecast->currentData());
    all.insert(QStringLiteral("owner_id"), m_owner->currentData());
    all.insert(QStringLiteral("tags"), m_tags->text().trimmed());
    all.insert(QStringLiteral("pain_keywords"), m_pain->text().trimmed());
    all.insert(QStringLiteral("budget_band"), m_budgetBand->currentData());
    all.insert(QStringLiteral("decision_role"), m_decisionRole->currentData());
    all.insert(QStringLiteral("requirement_doc"), m_requirement->text().trimmed());
    all.insert(QStringLiteral("confirmation_signed"), m_confirmation->isChecked() ? 1 : 0);
    all.insert(QStringLiteral("intent_seal"), m_intentSeal->isChecked() ? 1 : 0);
    all.insert(QStringLiteral("intent_budget_range"), m_intentBudget->text().trimmed());
    all.insert(QStringLiteral("intent_contact"), m_intentContact->text().trimmed());
    all.insert(QStringLiteral("intent_next_meeting"), dateValue(m_nextMeeting));
    all.insert(QStringLiteral("competitor_present"), m_competitor->isChecked() ? 1 : 0);
    all.insert(QStringLiteral("technical_validation"), m_validation->isChecked() ? 1 : 0);
    return all; // EditController keeps only what differs from storage
}

bool LeadEditorDialog::checkForm(QVariantMap *values)
{
    m_error->hide();
    setInvalid(m_amount, false);
    *values = formValues();
    if (values->value(QStringLiteral("amount_cents")).toString() == QLatin1String("invalid")) {
        m_lastError = tr("The amount \"%1\" is not a number of yuan.").arg(m_amount->text());
        m_error->setText(m_lastError);
        m_error->show();
        setInvalid(m_amount, true);
        return false;
    }
    return true;
}

bool LeadEditorDialog::save()
{
    QVariantMap c;
    if (!checkForm(&c))
        return false;
    const auto result = m_edits.editLead(m_lead.id, c);
    if (!result.ok) {
        m_lastError = result.error;
        m_error->setText(result.error);
        m_error->show();
        return false;
    }
    return true;
}

bool LeadEditorDialog::saveAndMove()
{
    markMissing({}); // the marks of an earlier refusal, until this one says otherwise
    QVariantMap c;
    if (!checkForm(&c))
        return false;
    if (m_probability->value() == m_lead.probability)
        c.remove(QStringLiteral("probability")); // untouched: the next stage's default applies
    // One undo step for both (EditController::editAndMoveLead).
    const auto result = m_edits.editAndMoveLead(m_lead.id, c, m_nextStageId, m_moveReason->text().trimmed());
    if (!result.ok) {
        m_lastError = result.error;
        m_error->setText(result.error);
        m_error->show();
        markMissing(result.missingGate);
        // The fields were saved; reload so a second attempt compares against what is stored.
        m_lead = m_edits.leads().fetch(m_lead.id).value_or(m_lead);
        return false;
    }
    return true;
}

void LeadEditorDialog::markMissing(const QStringList &codes)
{
    setInvalid(m_pain, codes.contains(QLatin1String(cockpit::gate::PainKeywords)));
    setInvalid(m_budgetBand, codes.contains(QLatin1String(cockpit::gate::BudgetBand)));
    setInvalid(m_decisionRole, codes.contains(QLatin1String(cockpit::gate::DecisionRole)));
    setInvalid(m_requirement, codes.contains(QLatin1String(cockpit::gate::RequirementDoc)));
    setInvalid(m_confirmation, codes.contains(QLatin1String(cockpit::gate::ConfirmationSigned)));
    setInvalid(m_demos, codes.contains(QLatin1String(cockpit::gate::DemoDone)));
}

} // namespace cockpit::ui

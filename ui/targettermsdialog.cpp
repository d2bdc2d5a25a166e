#include "targettermsdialog.h"

#include "domain/money.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace cockpit::ui {

using namespace targets;

namespace {
constexpr int kMaxReason = 200;

int toBp(double pct) { return int(std::lround(pct * 100)); }
} // namespace

TargetTermsDialog::TargetTermsDialog(const TargetsView &view, int node, QWidget *parent)
    : QDialog(parent), m_view(view), m_node(node), m_unit(!view.tree.nodes[node].children.isEmpty())
{
    const TargetNode &n = view.tree.nodes[node];
    const TargetRow &r = view.rows[node];
    const QString name = n.name.toHtmlEscaped();
    setObjectName(QStringLiteral("targetTermsDialog"));
    setMinimumWidth(480);
    auto *layout = new QVBoxLayout(this);
    QString intro;
    UnitCorrection shared; // unit mode: what its reps share now
    if (m_unit) {
        m_bases = proposalBases(view);
        shared = unitCorrection(view.tree, node);
        m_reps = shared.reps;
        setWindowTitle(tr("Correction for every rep under %1").arg(n.name));
        intro = tr("<b>%1</b>, %2: one external correction for each of its %n rep(s); their tiers and growths stay "
                   "their own. Each rep's proposal is its base × (1 + growth + correction), %1's the sum of theirs.",
                   nullptr, shared.reps)
                    .arg(name, view.period.label());
        if (shared.mixed)
            intro += tr(" Their corrections differ now: this sets one for all.");
    } else {
        setWindowTitle(tr("Target terms of %1").arg(n.name));
        intro = tr("<b>%1</b>, %2. The proposal is the base × (1 + growth + correction); the base is "
                   "%3, the collections of %4%5.")
                    .arg(name, view.period.label(), formatCny(r.baseCents, QLocale()), baseWindowText(view.base),
                         view.base.months != view.base.periodMonths ? tr(" scaled to the period's length") : QString());
    }
    auto *introLabel = new QLabel(intro, this);
    introLabel->setWordWrap(true);
    layout->addWidget(introLabel);

    auto *form = new QFormLayout;
    if (!m_unit) {
        m_tier = new QComboBox(this);
        m_tier->setObjectName(QStringLiteral("termsTier"));
        for (Tier t : {Tier::A, Tier::B, Tier::C}) {
            const GrowthBand &b = m_settings.band(t);
            m_tier->addItem(tr("%1 (growth %2–%3)").arg(tierKey(t), bpText(b.lowBp), bpText(b.highBp)), int(t));
        }
        if (r.rankedTier)
            m_tier->setToolTip(tr("By trailing-12-month collections (%1) this unit ranks %2.")
                                   .arg(formatCny(r.trailing12Cents, QLocale()), tierKey(*r.rankedTier)));
        m_growth = new QDoubleSpinBox(this);
        m_growth->setObjectName(QStringLiteral("termsGrowth"));
        m_growth->setDecimals(2);
        m_growth->setSingleStep(0.5);
        m_growth->setSuffix(QStringLiteral(" %"));
        m_growth->setToolTip(tr("Growth over the base, inside the tier's band"));
        form->addRow(tr("&Tier:"), m_tier);
        form->addRow(tr("&Growth:"), m_growth);
    }
    m_correction = new QDoubleSpinBox(this);
    m_correction->setObjectName(QStringLiteral("termsCorrection"));
    m_correction->setDecimals(2);
    m_correction->setSingleStep(0.5);
    m_correction->setSuffix(QStringLiteral(" %"));
    m_correction->setRange(-m_settings.maxCorrectionBp / 100.0, m_settings.maxCorrectionBp / 100.0);
    m_correction->setToolTip(tr("An external correction (a market change the tiers cannot see), within ±%1; "
                                "it needs a reason")
                                 .arg(bpText(m_settings.maxCorrectionBp)));
    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("termsReason"));
    m_reason->setEditable(true);
    m_reason->setInsertPolicy(QComboBox::NoInsert);
    m_reason->lineEdit()->setMaxLength(kMaxReason);
    m_reason->lineEdit()->setPlaceholderText(tr("Why the correction, e.g. 新品上市 or a key customer's budget freeze"));
    QStringList used; // the reasons this period's tree already has, to pick again
    for (const TargetNode &o : view.tree.nodes)
        if (!o.correctionReason.isEmpty() && !used.contains(o.correctionReason))
            used << o.correctionReason;
    used.sort(Qt::CaseInsensitive);
    m_reason->addItems(used);
    m_adopt = new QCheckBox(m_unit ? tr("Set the targets to these proposals") : tr("Set the target to this proposal"),
                            this);
    m_adopt->setObjectName(QStringLiteral("termsAdopt"));
    m_adopt->setChecked(true);
    m_adopt->setToolTip(m_unit ? tr("Unchecked, only the corrections are saved and the targets stay as they are")
                               : tr("Unchecked, only the terms are saved and the target stays as it is"));
    form->addRow(m_unit ? tr("&Correction for every rep under «%1»:").arg(n.name) : tr("&Correction:"), m_correction);
    form->addRow(tr("&Reason:"), m_reason);
    layout->addLayout(form);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("termsResult"));
    m_result->setWordWrap(true);
    layout->addWidget(m_result);
    layout->addWidget(m_adopt);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("termsError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (m_unit) {
        // Start from the correction its reps share (none when it is mixed).
        m_correction->setValue(shared.mixed ? 0.0 : shared.correctionBp / 100.0);
        m_reason->setCurrentText(shared.mixed ? QString() : shared.reason);
    } else {
        // Start from the saved terms, or the proposal's (the tier by rank, its default growth).
        const TargetNode &p = view.proposal.nodes[node];
        const bool saved = n.rowId && n.tier;
        const Tier tier = saved ? *n.tier : p.tier.value_or(Tier::B);
        m_tier->setCurrentIndex(m_tier->findData(int(tier)));
        tierChanged();
        m_growth->setValue(
            (saved && checkGrowth(tier, n.growthBp, m_settings).isEmpty() ? n.growthBp : p.growthBp) / 100.0);
        m_correction->setValue(n.correctionBp / 100.0);
        m_reason->setCurrentText(n.correctionReason);
        connect(m_tier, &QComboBox::currentIndexChanged, this, [this] {
            tierChanged();
            update();
        });
        connect(m_growth, &QDoubleSpinBox::valueChanged, this, &TargetTermsDialog::update);
    }
    connect(m_correction, &QDoubleSpinBox::valueChanged, this, &TargetTermsDialog::update);
    connect(m_reason, &QComboBox::currentTextChanged, this, &TargetTermsDialog::update);
    connect(m_adopt, &QCheckBox::toggled, this, &TargetTermsDialog::update);
    update();
    if (m_unit)
        m_correction->setFocus();
    else
        m_tier->setFocus();
}

void TargetTermsDialog::tierChanged()
{
    const GrowthBand &b = m_settings.band(Tier(m_tier->currentData().toInt()));
    const double keep = m_growth->value();
    m_growth->setRange(b.lowBp / 100.0, b.highBp / 100.0);
    // A growth from another tier's band becomes this tier's default.
    if (keep * 100 < b.lowBp || keep * 100 > b.highBp || m_growth->property("set").isNull())
        m_growth->setValue(b.defaultBp() / 100.0);
    m_growth->setProperty("set", true);
}

TargetTerms TargetTermsDialog::terms() const
{
    TargetTerms t;
    if (!m_unit) {
        t.tier = Tier(m_tier->currentData().toInt());
        t.growthBp = toBp(m_growth->value());
    }
    t.correctionBp = toBp(m_correction->value());
    t.correctionReason = t.correctionBp ? m_reason->currentText().trimmed() : QString();
    return t;
}

bool TargetTermsDialog::adopt() const { return m_adopt->isChecked(); }

void TargetTermsDialog::update()
{
    const TargetTerms t = terms();
    m_reason->setEnabled(t.correctionBp != 0);
    QString error = m_unit ? QString() : checkGrowth(*t.tier, t.growthBp, m_settings);
    if (error.isEmpty())
        error = checkCorrection(t.correctionBp, m_reason->currentText(), m_settings);
    const TargetRow &r = m_view.rows[m_node];
    if (m_unit) {
        // The reps' proposals with this correction, summed as the save will make them.
        const TargetTree corrected =
            withUnitCorrection(m_view.proposal, m_bases, m_node, t.correctionBp, t.correctionReason);
        m_result->setText(tr("Proposal of %1: %2 → <b>%3</b>, the sum of its %n rep(s)' proposals; the target is %4 now.",
                             nullptr, m_reps)
                              .arg(m_view.tree.nodes[m_node].name.toHtmlEscaped(),
                                   formatCny(m_view.proposal.nodes[m_node].amountCents, QLocale()),
                                   formatCny(corrected.nodes[m_node].amountCents, QLocale()),
                                   formatCny(r.targetCents, QLocale())));
    } else {
        const qint64 proposed = proposal(r.baseCents, t.growthBp, t.correctionBp);
        m_result->setText(tr("Proposal: %1 × (1 + %2 + %3) = <b>%4</b>; the target is %5 now.")
                              .arg(formatCny(r.baseCents, QLocale()), bpText(t.growthBp), bpText(t.correctionBp),
                                   formatCny(proposed, QLocale()), formatCny(r.targetCents, QLocale())));
    }
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

} // namespace cockpit::ui

// The Targets tab's edits (targetstab.h): a typed target, an adopted proposal, each saved and
// put on the undo stack (targetcommand.h), and the saved tree shown without a reload.
#include "targetstab.h"

#include "domain/money.h"
#include "targetcommand.h"
#include "targettermsdialog.h"
#include "targets/periodsplit.h"
#include "analytics/query.h"
#include "targettreemodel.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QLocale>
#include <QPointer>
#include <QUndoStack>

namespace cockpit::ui {

using namespace targets;

bool TargetsTab::editTarget(int node, const QString &text)
{
    if (!m_fig || node < 0 || node >= m_fig->view.tree.nodes.size())
        return false;
    const TargetTree &tree = m_fig->view.tree;
    const QString name = tree.nodes[node].name;
    const std::optional<qint64> cents = parseCny(text);
    if (!cents) {
        showMessage(tr("\"%1\" is not an amount for the target of %2: type yuan, e.g. 820000, 82万 or ¥820,000. "
                       "Nothing was changed.")
                        .arg(text.trimmed(), name),
                    true);
        return false;
    }
    QString error;
    const auto command = setAmount(tree, node, *cents, EditMode(m_mode->currentData().toInt()), &error);
    return pushOrSay(command, tr("The target of %1 was not changed: %2").arg(name, error),
                     tr("The target of %1 is already %2.").arg(name, formatCny(*cents, QLocale())));
}

bool TargetsTab::adoptProposal(int node)
{
    if (!m_fig || node < 0 || node >= m_fig->view.tree.nodes.size()) {
        showMessage(tr("Select the unit whose proposal to adopt."), true);
        return false;
    }
    const TargetsView &v = m_fig->view;
    const QString name = v.tree.nodes[node].name;
    QString error;
    auto amounts = adoptAmounts(v.tree, v.proposal, node, EditMode(m_mode->currentData().toInt()), &error);
    if (!amounts) {
        showMessage(tr("The proposal for %1 was not adopted: %2").arg(name, error), true);
        return false;
    }
    TargetCommand &command = *amounts;
    // The terms the proposals were made with are saved with them, so the tier and growth shown
    // are the ones the targets came from.
    QVector<int> stack{node};
    while (!stack.isEmpty()) {
        const int i = stack.takeLast();
        if (termsOf(v.proposal.nodes[i]) != termsOf(v.tree.nodes[i]))
            command.terms.append({i, termsOf(v.tree.nodes[i]), termsOf(v.proposal.nodes[i])});
        stack << v.tree.nodes[i].children;
    }
    command.text = tr("Adopt the proposal for %1 (%2)").arg(name, moneyText(v.rows[node].proposalCents));
    if (command.isEmpty()) {
        showMessage(tr("%1 already has its proposed targets.").arg(name), false);
        return true;
    }
    return push(command);
}

void TargetsTab::editTerms(int node)
{
    if (!m_fig || node < 0 || node >= m_fig->view.tree.nodes.size()) {
        showMessage(tr("Select the rep whose terms to set, or the unit whose reps to correct."), true);
        return;
    }
    TargetTermsDialog dialog(m_fig->view, node, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.unitMode())
        setUnitCorrection(node, dialog.terms().correctionBp, dialog.terms().correctionReason, dialog.adopt());
    else
        setTerms(node, dialog.terms(), dialog.adopt());
}

bool TargetsTab::setTerms(int node, const TargetTerms &terms, bool adopt)
{
    if (!m_fig || node < 0 || node >= m_fig->view.tree.nodes.size())
        return false;
    const TargetsView &v = m_fig->view;
    QString error;
    const auto command = targets::setTerms(v.tree, node, terms, v.rows[node].baseCents, adopt,
                                           EditMode(m_mode->currentData().toInt()), {}, &error);
    return pushOrSay(command, tr("The terms of %1 were not changed: %2").arg(v.tree.nodes[node].name, error),
                     tr("%1 already has these terms.").arg(v.tree.nodes[node].name));
}

bool TargetsTab::setUnitCorrection(int node, int correctionBp, const QString &reason, bool adopt)
{
    if (!m_fig || node < 0 || node >= m_fig->view.tree.nodes.size())
        return false;
    const TargetsView &v = m_fig->view;
    QString error;
    const auto command = targets::setUnitCorrection(v.tree, v.proposal, proposalBases(v), node, correctionBp, reason, adopt,
                                                    EditMode(m_mode->currentData().toInt()), {}, &error);
    return pushOrSay(command, tr("The reps under %1 were not corrected: %2").arg(v.tree.nodes[node].name, error),
                     tr("The reps under %1 already have this correction.").arg(v.tree.nodes[node].name));
}

bool TargetsTab::approve()
{
    if (!m_fig)
        return false;
    const TargetTree &tree = m_fig->view.tree;
    const QVector<int> wrong = mismatches(tree);
    if (!wrong.isEmpty()) {
        showMessage(tr("Not approved: %n unit(s) do not equal the sum of the units below them, first %1 (no ✓ in the "
                       "table). Edit them or adopt the proposal, then approve.",
                       nullptr, int(wrong.size()))
                        .arg(tree.nodes[wrong.first()].name),
                    true);
        return false;
    }
    if (!tree.nodes.isEmpty() && tree.nodes.first().rowId && tree.nodes.first().status == QLatin1String("approved")) {
        showMessage(tr("These targets are already approved."), false);
        return true;
    }
    TargetCommand command;
    command.text = tr("Approve the targets of %1").arg(m_fig->view.period.label());
    return push(command, QStringLiteral("approved"));
}

bool TargetsTab::splitPeriod()
{
    if (!m_fig || !m_db || !m_stack)
        return false;
    const bool quarter = m_fig->view.period.kind == analytics::PeriodKind::Quarter;
    PeriodSplitPlan plan;
    try {
        plan = planPeriodSplit(*m_db, m_fig->view, m_fig->units);
    } catch (const analytics::QueryError &e) {
        plan.error = e.message();
    }
    if (!plan.error.isEmpty()) {
        showMessage((quarter ? tr("Not split into months: %1") : tr("Not split: %1")).arg(plan.error), true);
        return false;
    }
    const QString label = m_fig->view.period.label();
    if (plan.changed() == 0) {
        showMessage((quarter ? tr("The months of %1 already hold this split.") : tr("The quarters of %1 already hold this split."))
                        .arg(label),
                    false);
        return true;
    }
    // One undo step for all the parts; a part refused stops there (the parts before it are
    // saved and stay on the stack, so Ctrl+Z still undoes them).
    const QPointer<TargetsTab> self(this);
    m_stack->beginMacro(quarter ? tr("Split %1 into months").arg(label) : tr("Split %1 into quarters").arg(label));
    QString error;
    int saved = 0;
    for (int p = 0; p < plan.commands.size() && error.isEmpty(); ++p) {
        if (plan.commands[p].isEmpty())
            continue;
        TargetEditCommand *c = TargetEditCommand::make(
            *m_db, plan.before[p], plan.commands[p], [self](const TargetTree &t) { if (self) self->treeSaved(t); },
            [self](const QString &message) { if (self) self->showMessage(message, true); }, &error);
        if (c) {
            m_stack->push(c);
            ++saved;
        }
    }
    m_stack->endMacro();
    if (!error.isEmpty()) {
        showMessage((quarter ? tr("%n month(s) of %1 saved, then: %2", nullptr, saved)
                             : tr("%n quarter(s) of %1 saved, then: %2", nullptr, saved))
                        .arg(label, error),
                    true);
        return false;
    }
    showMessage((quarter ? tr("%1 split into its months as drafts (Ctrl+Z undoes it).")
                         : tr("%1 split into its quarters as drafts (Ctrl+Z undoes it)."))
                    .arg(label),
                false);
    return true;
}

void TargetsTab::updateStatus()
{
    if (!m_fig || m_fig->view.tree.nodes.isEmpty()) {
        m_status->clear();
        m_approve->setEnabled(false);
        m_split->setEnabled(false);
        return;
    }
    const TargetNode &company = m_fig->view.tree.nodes.first();
    const bool approved = company.rowId && company.status == QLatin1String("approved");
    m_status->setText(approved ? tr("Status: approved") : tr("Status: draft"));
    m_status->setToolTip(approved ? tr("Approved: every unit equals the sum of the units below it. An edit makes them a "
                                       "draft again.")
                                  : tr("A draft: edits are saved as they are made. Approve when every unit sums."));
    m_approve->setEnabled(m_db && !approved);
    const analytics::PeriodKind kind = m_fig->view.period.kind;
    m_split->setEnabled(m_db && kind != analytics::PeriodKind::Month);
    m_split->setText(kind == analytics::PeriodKind::Year ? tr("Split into quarters") : tr("Split into months"));
    m_split->setToolTip(kind == analytics::PeriodKind::Year
                            ? tr("Save this year's targets down to its four quarters: each rep's year shared by what "
                                 "it collected in the same quarters last year (equal quarters when nothing), the units "
                                 "above as sums (Ctrl+Shift+M; Ctrl+Z undoes it)")
                            : tr("Save this quarter's targets down to its three months: each rep's quarter shared by "
                                 "what it collected in the same months last year (thirds when nothing), the units "
                                 "above as sums (Ctrl+Shift+M; Ctrl+Z undoes it)"));
}

bool TargetsTab::pushOrSay(const std::optional<TargetCommand> &command, const QString &refused,
                           const QString &unchanged)
{
    if (!command) {
        showMessage(refused, true);
        return false;
    }
    if (command->isEmpty()) {
        showMessage(unchanged, false);
        return true;
    }
    return push(*command);
}

bool TargetsTab::push(const TargetCommand &command, const QString &status)
{
    if (!m_db || !m_stack) {
        showMessage(tr("Targets cannot be edited in this window."), true);
        return false;
    }
    const QPointer<TargetsTab> self(this);
    QString error;
    TargetEditCommand *c = TargetEditCommand::make(
        *m_db, m_fig->view.tree, command, [self](const TargetTree &t) { if (self) self->treeSaved(t); },
        [self](const QString &message) { if (self) self->showMessage(message, true); }, &error, status);
    if (!c) {
        showMessage(tr("The targets were not saved: %1").arg(error), true);
        return false;
    }
    m_stack->push(c);
    showMessage(status == QLatin1String("approved") ? tr("%1: approved (Ctrl+Z undoes it).").arg(command.text)
                                                    : tr("%1: saved as a draft (Ctrl+Z undoes it).").arg(command.text),
                false);
    return true;
}

void TargetsTab::treeSaved(const TargetTree &tree)
{
    if (!m_fig || m_fig->view.tree.kind != tree.kind || m_fig->view.tree.start != tree.start
        || m_fig->view.tree.nodes.size() != tree.nodes.size())
        return; // another period is shown: it reads the saved rows when shown again
    TargetsView &v = m_fig->view;
    const TargetTree before = std::exchange(v.tree, tree);
    QVector<bool> wrong(tree.nodes.size(), false);
    for (int i : mismatches(tree))
        wrong[i] = true;
    QVector<int> changed;
    for (int i = 0; i < tree.nodes.size(); ++i) {
        TargetRow &r = v.rows[i];
        if (r.targetCents == tree.nodes[i].amountCents && r.mismatch == wrong[i]
            && termsOf(before.nodes[i]) == termsOf(tree.nodes[i]))
            continue;
        r.targetCents = tree.nodes[i].amountCents;
        r.mismatch = wrong[i];
        r.attainmentPct = attainmentPct(r.collectedCents, r.targetCents);
        r.colour = attainmentColour(r.collectedCents, r.targetCents);
        changed << i;
    }
    // A unit's Correction tooltip reads its reps' terms: it changes with theirs.
    QVector<bool> listed(tree.nodes.size(), false);
    for (int i : std::as_const(changed))
        listed[i] = true;
    for (int i = 0; i < tree.nodes.size(); ++i) {
        if (termsOf(before.nodes[i]) == termsOf(tree.nodes[i]))
            continue;
        for (int p = tree.nodes[i].parent; p >= 0; p = tree.nodes[p].parent)
            if (!std::exchange(listed[p], true))
                changed << p;
    }
    m_model->nodesChanged(changed);
    updateGauges();
    updateStatus();
}

} // namespace cockpit::ui

#include "recommenddialog.h"

#include "assign/assignstore.h"
#include "storage/database.h"
#include "items/editcontroller.h"
#include "items/reassigncommand.h"
#include "theme.h"

#include <QDialogButtonBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cockpit::ui {

namespace {
// The random tie-break is a hash of (seed, rep, lead): fixed here so the dialog's first
// name is the one "Auto-assign" picks for the same lead.
constexpr std::uint64_t kSeed = 0;
} // namespace

RecommendDialog::RecommendDialog(storage::Database &db, EditController &edits, const Clock &clock,
                                 const QString &leadId, const QString &leadTitle, QWidget *parent)
    : QDialog(parent), m_db(db), m_edits(edits), m_clock(clock), m_leadId(leadId)
{
    setObjectName(QStringLiteral("recommendDialog"));
    setWindowTitle(tr("Recommend a rep"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Who should take %1?").arg(leadTitle.toHtmlEscaped()), this);
    title->setObjectName(QStringLiteral("detailTitle"));
    title->setWordWrap(true);
    layout->addWidget(title);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("muted"));
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setWordWrap(true);
    layout->addWidget(m_verdict);
    m_rows = new QVBoxLayout;
    layout->addLayout(m_rows);
    layout->addStretch(1);

    auto *capRow = new QHBoxLayout;
    auto *capLabel = new QLabel(tr("Load cap (open leads per rep):"), this);
    m_cap = new QSpinBox(this);
    m_cap->setObjectName(QStringLiteral("loadCap"));
    m_cap->setRange(1, 100000);
    m_cap->setValue(assign::AssignStore(db).loadCap());
    capLabel->setBuddy(m_cap);
    auto *capNote = new QLabel(tr("saved for this database"), this);
    capNote->setObjectName(QStringLiteral("muted"));
    capRow->addWidget(capLabel);
    capRow->addWidget(m_cap);
    capRow->addWidget(capNote, 1);
    layout->addLayout(capRow);
    connect(m_cap, &QSpinBox::editingFinished, this, [this] {
        QString error;
        if (m_cap->value() != assign::AssignStore(m_db).loadCap()) {
            if (!assign::AssignStore(m_db).setLoadCap(m_cap->value(), &error))
                m_verdict->setText(error);
            refresh();
        }
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    refresh();
}

void RecommendDialog::refresh()
{
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_names.clear();
    assign::AssignStore store(m_db);
    std::optional<assign::Assigner> assigner;
    assign::StoredLead lead;
    QString error;
    if (!store.prepare(m_leadId, m_clock, kSeed, &assigner, &lead, &error)) {
        m_verdict->setText(error);
        return;
    }
    QString note = assigner->ownerNote(lead.facts);
    const int owner = assigner->indexOf(lead.facts.ownerId);
    if (note.isEmpty() && owner >= 0)
        note = tr("Current owner: %1.").arg(assigner->reps()[size_t(owner)].name);
    note += QLatin1Char(' ')
            + tr("Choosing among the sales reps of %1; customer industry: %2; budget band: %3.")
                  .arg(assigner->scopeName(lead.facts),
                       lead.facts.industry.isEmpty() ? tr("none recorded") : lead.facts.industry,
                       lead.facts.budgetBand.isEmpty() ? tr("none recorded") : lead.facts.budgetBand);
    m_note->setText(note.trimmed());
    const assign::Decision decision = assigner->decide(lead.facts);
    const Palette &p = ui::palette();
    if (decision.rep >= 0) {
        m_verdict->setText(tr("Auto-assign would choose %1 (round robin among eligible reps).")
                               .arg(assigner->reps()[size_t(decision.rep)].name));
        m_verdict->setStyleSheet(QStringLiteral("color: %1;").arg(QLatin1String(p.good)));
    } else {
        m_verdict->setText(decision.message + QLatin1Char(' ')
                           + tr("The lead stays with its owner unless you choose someone below."));
        m_verdict->setStyleSheet(QStringLiteral("color: %1;").arg(QLatin1String(p.bad)));
    }

    const QList<assign::Recommendation> top = assigner->recommend(lead.facts, 3);
    if (top.isEmpty()) {
        auto *none = new QLabel(tr("Nobody else in %1 can take leads.").arg(assigner->scopeName(lead.facts)), this);
        m_rows->addWidget(none);
    }
    int rank = 0;
    for (const assign::Recommendation &rec : top) {
        ++rank;
        m_names << rec.name;
        auto *card = new QFrame(this);
        card->setObjectName(QStringLiteral("recommendation%1").arg(rank));
        card->setFrameShape(QFrame::StyledPanel);
        auto *row = new QHBoxLayout(card);
        QStringList lines;
        for (const QString &reason : rec.reasons)
            lines << QStringLiteral("• ") + reason.toHtmlEscaped();
        const QString status = rec.eligible
                                   ? QStringLiteral("<span style='color:%1'>%2</span>").arg(QLatin1String(p.good), tr("eligible"))
                                   : QStringLiteral("<span style='color:%1'>%2</span>").arg(QLatin1String(p.bad), tr("not eligible"));
        auto *text = new QLabel(QStringLiteral("<b>%1. %2</b> · %3 · %4<br>%5")
                                    .arg(rank)
                                    .arg(rec.name.toHtmlEscaped(), assigner->teamName(rec.rep).toHtmlEscaped(),
                                         status, lines.join(QStringLiteral("<br>"))),
                                card);
        text->setTextFormat(Qt::RichText);
        text->setWordWrap(true);
        row->addWidget(text, 1);
        auto *assign = new QPushButton(tr("Assign to %1").arg(rec.name), card);
        assign->setObjectName(QStringLiteral("assignButton%1").arg(rank));
        const QString repId = rec.repId, name = rec.name;
        connect(assign, &QPushButton::clicked, this, [this, repId, name] { assignTo(repId, name); });
        row->addWidget(assign, 0, Qt::AlignTop);
        m_rows->addWidget(card);
        card->show(); // rows rebuilt while the dialog is open (cap changed) show at once
    }
}

void RecommendDialog::assignTo(const QString &repId, const QString &name)
{
    const assign::BulkResult r = reassignLeads(m_db, m_edits.undoStack(), {m_leadId}, repId, m_clock,
                                               m_edits.actorId(), kSeed,
                                               [edits = &m_edits](const QString &e) { Q_EMIT edits->commandFailed(e); });
    if (!r.ok) {
        m_verdict->setText(r.error);
        return;
    }
    m_result = r.changes.isEmpty() ? r.reasons.value(0) : tr("Lead assigned to %1 (Ctrl+Z undoes).").arg(name);
    accept();
}

} // namespace cockpit::ui

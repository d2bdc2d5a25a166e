#include "conflictspage.h"

#include "items/conflictlistmodel.h"
#include "items/conflictstore.h"
#include "items/conflicttext.h"

#include <QComboBox>
#include <QHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace cockpit::ui {

namespace {
enum FieldColumn { FieldName, Mine, Theirs, Choice, FieldColumnCount };
}

ConflictsPage::ConflictsPage(ConflictStore &store, bool englishNames, QWidget *parent)
    : QWidget(parent), m_store(store), m_model(new ConflictListModel(store, englishNames, this))
{
    setObjectName(QStringLiteral("conflictsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    auto *header = new QHBoxLayout;
    auto *title = new QLabel(tr("Conflicts"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("muted"));
    header->addWidget(title);
    header->addSpacing(12);
    header->addWidget(m_count);
    header->addStretch();
    layout->addLayout(header);
    auto *intro = new QLabel(tr("Edits of yours the team server did not take as they were. Nothing is lost: choose "
                                "what to keep. Every choice can be undone (Ctrl+Z)."), this);
    intro->setObjectName(QStringLiteral("muted"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_states = new QStackedWidget(this);
    auto *empty = new QLabel(tr("No conflicts: every edit reached the server."), m_states);
    empty->setObjectName(QStringLiteral("conflictsEmpty"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    auto *splitter = new QSplitter(Qt::Vertical, m_states);
    m_list = new QTableView(splitter);
    m_list->setObjectName(QStringLiteral("conflictList"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAlternatingRowColors(true);
    m_list->setTabKeyNavigation(false);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    const std::pair<int, int> widths[] = {{ConflictListModel::When, 140}, {ConflictListModel::Record, 260},
                                          {ConflictListModel::Table, 110}, {ConflictListModel::Kind, 170}};
    for (const auto &[column, width] : widths)
        m_list->setColumnWidth(column, width);

    auto *detail = new QWidget(splitter);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 8, 0, 0);
    m_heading = new QLabel(detail);
    m_heading->setObjectName(QStringLiteral("conflictHeading"));
    m_heading->setTextFormat(Qt::PlainText);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_explain = new QLabel(detail);
    m_explain->setWordWrap(true);
    m_explain->setTextFormat(Qt::PlainText);
    m_fields = new QTableWidget(0, FieldColumnCount, detail);
    m_fields->setObjectName(QStringLiteral("conflictFields"));
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Mine"), tr("Server's"), tr("Keep")});
    m_fields->verticalHeader()->hide();
    m_fields->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_fields->setSelectionMode(QAbstractItemView::SingleSelection);
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->setTabKeyNavigation(false);
    m_fields->horizontalHeader()->setSectionResizeMode(FieldName, QHeaderView::Interactive);
    m_fields->horizontalHeader()->setSectionResizeMode(Mine, QHeaderView::Stretch);
    m_fields->horizontalHeader()->setSectionResizeMode(Theirs, QHeaderView::Stretch);
    m_fields->setColumnWidth(FieldName, 200);
    m_fields->setColumnWidth(Choice, 150);
    m_fields->setToolTip(tr("M keeps your value of the selected field, T the server's, Space switches."));
    m_fields->installEventFilter(this);

    auto *buttons = new QHBoxLayout;
    m_keepMine = new QPushButton(detail);
    m_keepMine->setObjectName(QStringLiteral("keepMineButton"));
    m_keepTheirs = new QPushButton(detail);
    m_keepTheirs->setObjectName(QStringLiteral("keepTheirsButton"));
    m_merge = new QPushButton(tr("Mer&ge as chosen"), detail);
    m_merge->setObjectName(QStringLiteral("mergeButton"));
    m_merge->setToolTip(tr("Keep your value of the fields marked \"Mine\" and the server's of the others."));
    buttons->addWidget(m_keepMine);
    buttons->addWidget(m_keepTheirs);
    buttons->addWidget(m_merge);
    buttons->addStretch();
    m_message = new QLabel(detail);
    m_message->setObjectName(QStringLiteral("conflictMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->hide();
    detailLayout->addWidget(m_heading);
    detailLayout->addWidget(m_explain);
    detailLayout->addWidget(m_fields, 1);
    auto *keys = new QLabel(tr("Keys: M keeps your value of the selected field, T the server's, Space switches."), detail);
    keys->setObjectName(QStringLiteral("muted"));
    detailLayout->addWidget(keys);
    detailLayout->addLayout(buttons);
    detailLayout->addWidget(m_message);
    splitter->addWidget(m_list);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    m_states->addWidget(empty);
    m_states->addWidget(splitter);
    layout->addWidget(m_states, 1);

    connect(m_keepMine, &QPushButton::clicked, this, &ConflictsPage::keepMine);
    connect(m_keepTheirs, &QPushButton::clicked, this, &ConflictsPage::keepTheirs);
    connect(m_merge, &QPushButton::clicked, this, &ConflictsPage::merge);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ConflictsPage::showDetail);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &ConflictsPage::afterModelChange);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ConflictsPage::afterModelChange);
    afterModelChange();
}

bool ConflictsPage::isEmptyStateShown() const
{
    return m_states->currentIndex() == 0;
}

QString ConflictsPage::currentConflictId() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? m_model->conflict(current.row()).id : QString();
}

bool ConflictsPage::selectConflict(const QString &conflictId)
{
    const int row = m_model->rowOf(conflictId);
    if (row < 0)
        return false;
    m_list->setCurrentIndex(m_model->index(row, 0));
    return true;
}

void ConflictsPage::afterModelChange()
{
    const int n = m_model->rowCount();
    m_count->setText(n ? tr("%n open conflict(s)", nullptr, n) : QString());
    m_states->setCurrentIndex(n ? 1 : 0);
    if (n && !m_list->currentIndex().isValid())
        m_list->setCurrentIndex(m_model->index(0, 0));
    else
        showDetail(); // the shown conflict's values may have changed
}

void ConflictsPage::showDetail()
{
    const QModelIndex current = m_list->currentIndex();
    const bool any = current.isValid();
    // The choices made for the conflict shown stay when it is shown again after a change.
    const QString shownId = m_fields->property("conflictId").toString();
    QHash<QString, bool> kept;
    if (any && shownId == m_model->conflict(current.row()).id)
        for (int r = 0; r < m_fieldNames.size(); ++r)
            kept.insert(m_fieldNames.at(r), choice(r));
    m_fields->setRowCount(0);
    m_fieldNames.clear();
    m_fields->setProperty("conflictId", QString());
    for (QWidget *w : {static_cast<QWidget *>(m_keepMine), static_cast<QWidget *>(m_keepTheirs),
                       static_cast<QWidget *>(m_merge)})
        w->setEnabled(any);
    if (!any) {
        m_heading->clear();
        m_explain->clear();
        return;
    }
    const storage::ConflictRecord &c = m_model->conflict(current.row());
    m_fields->setProperty("conflictId", c.id);
    const ConflictFormatter &format = m_model->formatter();
    const bool update = c.kind == storage::ConflictKind::Update;
    m_heading->setText(tr("%1 · %2 · %3")
                           .arg(ConflictText::rowLabel(c), ConflictText::tableLabel(c.table), ConflictText::kindLabel(c.kind)));
    QString explain = ConflictText::kindExplanation(c);
    if (!c.rowExists)
        explain += QLatin1Char(' ')
                   + tr("The record is no longer in this file (deleted, or moved out of what you may see): only the "
                        "server's version can be kept.");
    const bool newHere = c.refusedInsert() && c.rowExists && !c.rowDeleted; // never on the server
    if (newHere)
        explain += QLatin1Char(' ') + tr("It was made on this computer and is not on the team server.");
    m_explain->setText(explain);
    switch (c.kind) {
    case storage::ConflictKind::Update:
        m_keepMine->setText(tr("Keep &mine"));
        m_keepTheirs->setText(tr("Keep &theirs"));
        break;
    case storage::ConflictKind::DeletedOnServer:
        m_keepMine->setText(tr("Re-create with &mine"));
        m_keepTheirs->setText(tr("Accept the &deletion"));
        break;
    case storage::ConflictKind::Refused:
        m_keepMine->setText(tr("Send &again"));
        m_keepTheirs->setText(tr("&Discard mine"));
        break;
    }
    m_keepMine->setToolTip(ConflictText::keepMineMeaning(c.kind));
    m_keepTheirs->setToolTip(ConflictText::keepTheirsMeaning(c.kind));
    if (newHere) {
        m_keepTheirs->setText(tr("&Discard the new record"));
        m_keepTheirs->setToolTip(tr("Remove it from this computer (the server never had it); Edit › Undo brings it back."));
    }
    m_keepMine->setEnabled(c.rowExists && !c.mine.isEmpty());
    m_merge->setVisible(update);
    m_merge->setEnabled(update && c.rowExists);
    m_fields->setColumnHidden(Choice, !update);
    const QString noTheirs = c.kind == storage::ConflictKind::DeletedOnServer ? tr("(deleted on the server)")
                                                                                : tr("(unchanged)");
    for (const QString &f : c.fields) {
        if (!c.mine.contains(f))
            continue; // the server's other changes merged already: nothing to choose
        const int r = m_fields->rowCount();
        m_fields->insertRow(r);
        m_fieldNames << f;
        const QString mine = format.value(c.table, f, c.mine.value(f));
        const QString theirs = c.theirs.contains(f) ? format.value(c.table, f, c.theirs.value(f)) : noTheirs;
        const QString texts[] = {ConflictText::fieldLabel(c.table, f), mine, theirs};
        for (int col = 0; col < 3; ++col) {
            auto *item = new QTableWidgetItem(texts[col]);
            item->setToolTip(texts[col]);
            m_fields->setItem(r, col, item);
        }
        if (!update)
            continue;
        auto *combo = new QComboBox(m_fields);
        combo->addItems({tr("Mine"), tr("Server's")});
        combo->setFocusPolicy(Qt::ClickFocus); // the keyboard chooses with M, T and Space on the table
        combo->setCurrentIndex(kept.value(f, true) ? 0 : 1);
        connect(combo, &QComboBox::currentIndexChanged, this, [this, combo] {
            for (int row = 0; row < m_fields->rowCount(); ++row)
                if (m_fields->cellWidget(row, Choice) == combo)
                    setChoice(row, combo->currentIndex() == 0);
        });
        m_fields->setCellWidget(r, Choice, combo);
        setChoice(r, combo->currentIndex() == 0);
    }
    if (m_fields->rowCount())
        m_fields->setCurrentCell(0, FieldName);
}

void ConflictsPage::setChoice(int row, bool mine)
{
    if (row < 0 || row >= m_fields->rowCount())
        return;
    if (auto *combo = qobject_cast<QComboBox *>(m_fields->cellWidget(row, Choice)))
        if (combo->currentIndex() != (mine ? 0 : 1))
            combo->setCurrentIndex(mine ? 0 : 1); // comes back here through its signal
    // The kept value in bold.
    for (int col : {int(Mine), int(Theirs)}) {
        if (QTableWidgetItem *item = m_fields->item(row, col)) {
            QFont f = item->font();
            f.setBold((col == Mine) == mine);
            item->setFont(f);
        }
    }
}

bool ConflictsPage::choice(int row) const
{
    auto *combo = qobject_cast<QComboBox *>(m_fields->cellWidget(row, Choice));
    return !combo || combo->currentIndex() == 0;
}

QStringList ConflictsPage::mineChoices() const
{
    QStringList out;
    for (int r = 0; r < m_fieldNames.size(); ++r)
        if (choice(r))
            out << m_fieldNames.at(r);
    return out;
}

QString ConflictsPage::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

bool ConflictsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_fields && event->type() == QEvent::KeyPress && !m_fields->isColumnHidden(Choice)) {
        const int row = m_fields->currentRow();
        switch (static_cast<QKeyEvent *>(event)->key()) {
        case Qt::Key_M: setChoice(row, true); return true;
        case Qt::Key_T: setChoice(row, false); return true;
        case Qt::Key_Space: setChoice(row, !choice(row)); return true;
        default: break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ConflictsPage::report(bool ok, const QString &error, int row)
{
    m_message->setVisible(!ok);
    m_message->setText(ok ? QString() : error);
    if (ok && row >= 0 && m_model->rowCount()) // the next conflict where the settled one was
        m_list->setCurrentIndex(m_model->index(std::min(row, m_model->rowCount() - 1), 0));
}

void ConflictsPage::keepMine()
{
    const QString id = currentConflictId();
    if (id.isEmpty())
        return;
    const int row = m_list->currentIndex().row();
    const ResolveResult r = m_store.keepMine(id);
    report(r.ok, r.error, row);
}

void ConflictsPage::keepTheirs()
{
    const QString id = currentConflictId();
    if (id.isEmpty())
        return;
    const int row = m_list->currentIndex().row();
    const ResolveResult r = m_store.keepTheirs(id);
    report(r.ok, r.error, row);
}

void ConflictsPage::merge()
{
    const QString id = currentConflictId();
    if (id.isEmpty())
        return;
    const int row = m_list->currentIndex().row();
    const ResolveResult r = m_store.merge(id, mineChoices());
    report(r.ok, r.error, row);
}

} // namespace cockpit::ui

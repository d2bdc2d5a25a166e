#include "pipelineeditor.h"

#include "storage/database.h"
#include "domain/ids.h"
#include "domain/pipelinevalidation.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QSet>
#include <QVBoxLayout>

#include <functional>

namespace cockpit::ui {

namespace {

bool sameStage(const StageDef &a, const StageDef &b)
{
    return a.code == b.code && a.name == b.name && a.nameEn == b.nameEn && a.slaMinutes == b.slaMinutes
           && a.exitGate == b.exitGate && a.standardActions == b.standardActions && a.terminal == b.terminal;
}

bool samePipeline(const PipelineDef &a, const PipelineDef &b)
{
    if (a.name != b.name || a.nameEn != b.nameEn || a.stages.size() != b.stages.size())
        return false;
    for (int i = 0; i < a.stages.size(); ++i)
        if (!sameStage(a.stages.at(i), b.stages.at(i)))
            return false;
    return true;
}

QAction *shortcut(QWidget *owner, const QKeySequence &keys, const QString &text, std::function<void()> f)
{
    auto *a = new QAction(text, owner); // the text is what Help › Keyboard shortcuts lists
    a->setShortcut(keys);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(a, &QAction::triggered, owner, std::move(f));
    owner->addAction(a);
    return a;
}

} // namespace

PipelineEditor::PipelineEditor(storage::Database &db, QWidget *parent)
    : QWidget(parent), m_db(db), m_repo(db)
{
    setObjectName(QStringLiteral("pipelineEditor"));

    // Which pipeline, and its names.
    m_pick = new QComboBox(this);
    m_pick->setObjectName(QStringLiteral("pipelinePick"));
    m_pick->setMinimumContentsLength(24);
    m_new = new QPushButton(tr("New pipeline…"), this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("pipelineName"));
    m_nameEn = new QLineEdit(this);
    m_nameEn->setObjectName(QStringLiteral("pipelineNameEn"));
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("&Pipeline"), this));
    static_cast<QLabel *>(top->itemAt(0)->widget())->setBuddy(m_pick);
    top->addWidget(m_pick);
    top->addWidget(m_new);
    top->addSpacing(16);
    top->addWidget(new QLabel(tr("Name"), this));
    top->addWidget(m_name, 1);
    top->addWidget(new QLabel(tr("English name"), this));
    top->addWidget(m_nameEn, 1);

    // The stages, in order.
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("stageTable"));
    m_table->setHorizontalHeaderLabels({tr("Stage"), tr("English name"), tr("SLA"), tr("Exit gate"),
                                        tr("Standard actions")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->verticalHeader()->setDefaultSectionSize(24);
    m_table->setColumnWidth(NameColumn, 96);
    m_table->setColumnWidth(NameEnColumn, 140);
    m_table->setColumnWidth(SlaColumn, 46);
    m_table->setColumnWidth(ActionsColumn, 110);
    m_table->horizontalHeader()->setSectionResizeMode(GateColumn, QHeaderView::Stretch);
    m_add = new QPushButton(tr("Add stage"), this);
    m_add->setToolTip(tr("Insert"));
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setToolTip(tr("Delete"));
    m_up = new QPushButton(tr("Move up"), this);
    m_up->setToolTip(tr("Alt+Up"));
    m_down = new QPushButton(tr("Move down"), this);
    m_down->setToolTip(tr("Alt+Down"));
    auto *stageButtons = new QHBoxLayout;
    for (QPushButton *b : {m_add, m_remove, m_up, m_down})
        stageButtons->addWidget(b);
    stageButtons->addStretch();
    auto *left = new QVBoxLayout;
    left->addWidget(m_table, 1);
    left->addLayout(stageButtons);

    // The selected stage's rules.
    auto *stageBox = new QGroupBox(this);
    m_stageTitle = new QLabel(stageBox);
    m_stageTitle->setObjectName(QStringLiteral("detailTitle"));
    m_sla = new QSpinBox(stageBox);
    m_sla->setRange(0, kMaxSlaMinutes);
    m_slaUnit = new QComboBox(stageBox);
    m_slaUnit->addItem(tr("minutes"), int(SlaUnit::Minutes));
    m_slaUnit->addItem(tr("hours"), int(SlaUnit::Hours));
    m_slaUnit->addItem(tr("days"), int(SlaUnit::Days));
    auto *slaRow = new QHBoxLayout;
    slaRow->addWidget(m_sla);
    slaRow->addWidget(m_slaUnit);
    slaRow->addSpacing(12);
    m_terminal = new QCheckBox(tr("Closing stage (the deal is won here)"), stageBox);
    slaRow->addWidget(m_terminal);
    slaRow->addStretch();
    // Every known gate field and activity kind as a checkbox: all visible at once.
    auto *gateBox = new QWidget(stageBox);
    gateBox->setObjectName(QStringLiteral("gateChecks"));
    auto *gateGrid = new QGridLayout(gateBox);
    gateGrid->setContentsMargins(0, 0, 0, 0);
    const QStringList gateCodes = knownGateCodes();
    for (int i = 0; i < gateCodes.size(); ++i) {
        auto *box = new QCheckBox(gateFieldLabel(gateCodes.at(i)), gateBox);
        box->setProperty("code", gateCodes.at(i));
        gateGrid->addWidget(box, i, 0);
        m_gates << box;
    }
    auto *actionBox = new QWidget(stageBox);
    auto *actionGrid = new QGridLayout(actionBox);
    actionGrid->setContentsMargins(0, 0, 0, 0);
    const QStringList kinds = knownActivityKinds();
    for (int i = 0; i < kinds.size(); ++i) {
        auto *box = new QCheckBox(activityKindLabel(kinds.at(i)), actionBox);
        box->setProperty("code", kinds.at(i));
        actionGrid->addWidget(box, i / 3, i % 3);
        m_actions << box;
    }
    auto *stageForm = new QFormLayout(stageBox);
    stageForm->addRow(m_stageTitle);
    stageForm->addRow(tr("SLA (time in stage)"), slaRow);
    stageForm->addRow(tr("Exit gate:\nrequired to leave"), gateBox);
    stageForm->addRow(tr("Standard actions"), actionBox);

    // Versions of this pipeline and the leads on each.
    m_versions = new QTableWidget(0, 4, this);
    m_versions->setObjectName(QStringLiteral("versionTable"));
    m_versions->setHorizontalHeaderLabels({tr("Version"), tr("Saved"), tr("Leads"), tr("Open")});
    m_versions->verticalHeader()->setVisible(false);
    m_versions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_versions->horizontalHeader()->setStretchLastSection(true);
    m_versions->verticalHeader()->setDefaultSectionSize(22);
    m_versions->setMaximumHeight(100);
    auto *right = new QVBoxLayout;
    right->addWidget(stageBox);
    right->addWidget(new QLabel(tr("Version history"), this));
    right->addWidget(m_versions);

    auto *middle = new QHBoxLayout;
    middle->addLayout(left, 3);
    middle->addLayout(right, 2);

    // What is wrong, and saving.
    m_issues = new QLabel(this);
    m_issues->setObjectName(QStringLiteral("pipelineIssues"));
    m_issues->setWordWrap(true);
    m_issues->setTextFormat(Qt::PlainText);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("muted"));
    m_status->setWordWrap(true);
    m_migrate = new QCheckBox(tr("Move open leads to the new version (matched by stage)"), this);
    m_migrate->setToolTip(tr("Unticked, open leads stay on the version they are on; new leads always start on the newest version."));
    m_undoButton = new QPushButton(tr("Undo change"), this);
    m_revert = new QPushButton(tr("Revert"), this);
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("savePipelineButton"));
    m_save->setDefault(true);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_migrate);
    bottom->addStretch();
    bottom->addWidget(m_undoButton);
    bottom->addWidget(m_revert);
    bottom->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(middle, 1);
    layout->addWidget(m_issues);
    layout->addWidget(m_status);
    layout->addLayout(bottom);

    connect(m_pick, &QComboBox::currentIndexChanged, this, [this] { loadSelected(); });
    connect(m_new, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("New pipeline"), tr("Name of the new pipeline:"),
                                                   QLineEdit::Normal, {}, &ok);
        if (ok)
            newPipeline(name);
    });
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &t) {
        remember();
        m_draft.name = t;
        revalidate();
    });
    connect(m_nameEn, &QLineEdit::textEdited, this, [this](const QString &t) {
        remember();
        m_draft.nameEn = t;
        revalidate();
    });
    connect(m_table, &QTableWidget::cellChanged, this, &PipelineEditor::onCellChanged);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { showStage(row); });
    connect(m_add, &QPushButton::clicked, this, &PipelineEditor::addStage);
    connect(m_remove, &QPushButton::clicked, this, &PipelineEditor::removeStage);
    connect(m_up, &QPushButton::clicked, this, [this] { moveStage(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveStage(+1); });
    connect(m_sla, &QSpinBox::valueChanged, this, &PipelineEditor::onStageFieldsEdited);
    connect(m_slaUnit, &QComboBox::currentIndexChanged, this, &PipelineEditor::onStageFieldsEdited);
    connect(m_terminal, &QCheckBox::toggled, this, &PipelineEditor::onStageFieldsEdited);
    for (QCheckBox *box : m_gates + m_actions)
        connect(box, &QCheckBox::toggled, this, &PipelineEditor::onStageFieldsEdited);
    connect(m_undoButton, &QPushButton::clicked, this, &PipelineEditor::undoChange);
    connect(m_revert, &QPushButton::clicked, this, &PipelineEditor::revert);
    connect(m_save, &QPushButton::clicked, this, &PipelineEditor::save);

    // Keys work while focus is anywhere inside the editor.
    shortcut(m_table, QKeySequence(Qt::Key_Insert), tr("Add a stage"), [this] { addStage(); });
    shortcut(m_table, QKeySequence(Qt::Key_Delete), tr("Remove the stage"), [this] { removeStage(); });
    shortcut(this, QKeySequence(Qt::ALT | Qt::Key_Up), tr("Move the stage up"), [this] { moveStage(-1); });
    shortcut(this, QKeySequence(Qt::ALT | Qt::Key_Down), tr("Move the stage down"), [this] { moveStage(+1); });
    shortcut(this, QKeySequence(Qt::CTRL | Qt::Key_S), tr("Save as a new version"), [this] { if (m_save->isEnabled()) save(); });

    reload();
}

PipelineEditor::~PipelineEditor()
{
    // Children are destroyed after our members; an open cell editor commits on the way
    // out, and that must not reach the slots of a half-destroyed editor.
    for (QObject *child : findChildren<QObject *>())
        QObject::disconnect(child, nullptr, this, nullptr);
}

QCheckBox *PipelineEditor::gateCheck(const QString &code) const
{
    for (QCheckBox *box : m_gates)
        if (box->property("code").toString() == code)
            return box;
    return nullptr;
}

void PipelineEditor::reload()
{
    const QString keep = m_pick->currentData().toString();
    m_updating = true;
    m_pick->clear();
    if (m_db.isOpen()) {
        for (const storage::PipelineSummary &p : m_repo.current())
            m_pick->addItem(tr("%1 · %2 (version %3)").arg(p.name, p.nameEn).arg(p.version), p.code);
    }
    m_updating = false;
    const int at = m_pick->findData(keep);
    m_pick->setCurrentIndex(std::max(0, at));
    loadSelected();
}

void PipelineEditor::selectPipeline(const QString &code)
{
    const int at = m_pick->findData(code);
    if (at >= 0)
        m_pick->setCurrentIndex(at);
}

void PipelineEditor::loadSelected()
{
    if (m_updating)
        return;
    const auto stored = m_repo.loadCurrent(m_pick->currentData().toString());
    setDraft(stored ? stored->def : PipelineDef{}, false);
}

void PipelineEditor::setDraft(const PipelineDef &def, bool isNew)
{
    m_loaded = def;
    m_draft = def;
    m_isNew = isNew;
    m_undo.clear();
    m_pick->setEnabled(!isNew);
    m_new->setEnabled(!isNew);
    m_updating = true;
    m_name->setText(def.name);
    m_nameEn->setText(def.nameEn);
    m_updating = false;
    rebuildTable(def.stages.isEmpty() ? -1 : 0);
    refreshVersions();
    revalidate();
}

void PipelineEditor::rebuildTable(int selectRow)
{
    m_updating = true;
    m_table->setRowCount(int(m_draft.stages.size()));
    for (int row = 0; row < m_draft.stages.size(); ++row)
        fillRow(row);
    m_updating = false;
    if (selectRow >= 0 && selectRow < m_table->rowCount())
        m_table->setCurrentCell(selectRow, NameColumn);
    showStage(currentRow());
}

void PipelineEditor::fillRow(int row)
{
    const StageDef &s = m_draft.stages.at(row);
    QStringList gates, actions;
    for (const QString &g : s.exitGate)
        gates << gateFieldLabel(g);
    for (const QString &a : s.standardActions)
        actions << activityKindLabel(a);
    const bool was = std::exchange(m_updating, true);
    auto set = [&](int column, const QString &text, bool editable) {
        auto *item = m_table->item(row, column);
        if (!item) {
            item = new QTableWidgetItem;
            m_table->setItem(row, column, item);
        }
        item->setText(text);
        item->setToolTip(text);
        item->setFlags(editable ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable
                                : Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    };
    set(NameColumn, s.name, true);
    set(NameEnColumn, s.nameEn, true);
    set(SlaColumn, s.terminal && s.slaMinutes == 0 ? QStringLiteral("—") : formatSla(s.slaMinutes), false);
    set(GateColumn, gates.join(QStringLiteral(", ")), false);
    set(ActionsColumn, actions.join(QStringLiteral(", ")), false);
    m_table->setVerticalHeaderItem(row, new QTableWidgetItem(QString::number(row + 1)));
    m_updating = was;
}

int PipelineEditor::currentRow() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_draft.stages.size() ? row : -1;
}

void PipelineEditor::showStage(int row)
{
    const bool valid = row >= 0 && row < m_draft.stages.size();
    for (QWidget *w : std::initializer_list<QWidget *>{m_sla, m_slaUnit, m_terminal, m_remove})
        w->setEnabled(valid);
    for (QCheckBox *box : m_gates + m_actions)
        box->setEnabled(valid);
    m_up->setEnabled(valid && row > 0);
    m_down->setEnabled(valid && row + 1 < m_draft.stages.size());
    if (!valid) {
        m_stageTitle->setText(tr("No stage selected"));
        return;
    }
    const StageDef &s = m_draft.stages.at(row);
    const bool was = std::exchange(m_updating, true);
    m_stageTitle->setText(tr("Stage %1: %2").arg(row + 1).arg(s.name));
    const SlaParts parts = slaParts(s.slaMinutes);
    m_slaUnit->setCurrentIndex(m_slaUnit->findData(int(parts.unit)));
    m_sla->setValue(parts.value);
    m_terminal->setChecked(s.terminal);
    for (QCheckBox *box : m_gates)
        box->setChecked(s.exitGate.contains(box->property("code").toString()));
    for (QCheckBox *box : m_actions)
        box->setChecked(s.standardActions.contains(box->property("code").toString()));
    m_updating = was;
}

void PipelineEditor::onStageFieldsEdited()
{
    const int row = currentRow();
    if (m_updating || row < 0)
        return;
    remember();
    StageDef &s = m_draft.stages[row];
    s.slaMinutes = slaMinutes(m_sla->value(), SlaUnit(m_slaUnit->currentData().toInt()));
    s.terminal = m_terminal->isChecked();
    s.exitGate.clear();
    for (QCheckBox *box : m_gates)
        if (box->isChecked())
            s.exitGate << box->property("code").toString();
    s.standardActions.clear();
    for (QCheckBox *box : m_actions)
        if (box->isChecked())
            s.standardActions << box->property("code").toString();
    fillRow(row);
    revalidate();
}

void PipelineEditor::onCellChanged(int row, int column)
{
    if (m_updating || row < 0 || row >= m_draft.stages.size())
        return;
    remember();
    const QString text = m_table->item(row, column)->text();
    if (column == NameColumn)
        m_draft.stages[row].name = text;
    else if (column == NameEnColumn)
        m_draft.stages[row].nameEn = text;
    if (row == currentRow())
        m_stageTitle->setText(tr("Stage %1: %2").arg(row + 1).arg(m_draft.stages.at(row).name));
    revalidate();
}

void PipelineEditor::addStage()
{
    remember();
    // A new working stage goes after the selected one, never after the closing stage.
    int at = currentRow() < 0 ? int(m_draft.stages.size()) : currentRow() + 1;
    if (!m_draft.stages.isEmpty() && m_draft.stages.constLast().terminal)
        at = std::min(at, int(m_draft.stages.size()) - 1);
    StageDef s;
    s.name = tr("New stage %1").arg(m_draft.stages.size() + 1);
    s.code = uniqueStageCode(m_draft, QStringLiteral("stage_%1").arg(m_draft.stages.size() + 1));
    s.slaMinutes = 2 * 24 * 60;
    m_draft.stages.insert(at, s);
    rebuildTable(at);
    revalidate();
    m_table->setFocus();
    m_table->editItem(m_table->item(at, NameColumn));
}

void PipelineEditor::removeStage()
{
    const int row = currentRow();
    if (row < 0)
        return;
    remember();
    m_draft.stages.removeAt(row);
    rebuildTable(std::min(row, int(m_draft.stages.size()) - 1));
    revalidate();
}

void PipelineEditor::moveStage(int delta)
{
    const int row = currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_draft.stages.size())
        return;
    remember();
    m_draft.stages.swapItemsAt(row, to);
    rebuildTable(to);
    revalidate();
}

void PipelineEditor::remember()
{
    if (!m_updating)
        m_undo.append(m_draft);
}

void PipelineEditor::undoChange()
{
    if (m_undo.isEmpty())
        return;
    const int row = currentRow();
    m_draft = m_undo.takeLast();
    const bool was = std::exchange(m_updating, true);
    m_name->setText(m_draft.name);
    m_nameEn->setText(m_draft.nameEn);
    m_updating = was;
    rebuildTable(std::min(row, int(m_draft.stages.size()) - 1));
    revalidate();
}

void PipelineEditor::revert()
{
    if (m_isNew) {
        loadSelected(); // a new pipeline not yet saved: back to the one picked
        return;
    }
    remember();
    m_draft = m_loaded;
    const bool was = std::exchange(m_updating, true);
    m_name->setText(m_draft.name);
    m_nameEn->setText(m_draft.nameEn);
    m_updating = was;
    rebuildTable(std::min(currentRow(), int(m_draft.stages.size()) - 1));
    revalidate();
}

void PipelineEditor::newPipeline(const QString &name)
{
    PipelineDef def;
    def.name = name.trimmed();
    def.version = 0;
    StageDef first;
    first.code = QStringLiteral("first_contact");
    first.name = tr("First contact");
    first.nameEn = QStringLiteral("First contact");
    first.slaMinutes = 2 * 24 * 60;
    StageDef won;
    won.code = QStringLiteral("won");
    won.name = tr("Won");
    won.nameEn = QStringLiteral("Won");
    won.terminal = true;
    def.stages = {first, won};
    setDraft(def, true);
    m_status->setText(tr("A new pipeline: add its stages, then Create pipeline."));
}

QStringList PipelineEditor::issues() const
{
    QStringList out;
    for (const PipelineIssue &i : validatePipeline(m_draft, m_repo.otherNames(m_isNew ? QString() : m_draft.code)))
        out << i.message;
    return out;
}

void PipelineEditor::revalidate()
{
    const auto found = validatePipeline(m_draft, m_repo.otherNames(m_isNew ? QString() : m_draft.code));
    QStringList lines;
    QSet<int> badRows;
    for (const PipelineIssue &i : found) {
        lines << QStringLiteral("• ") + i.message;
        badRows.insert(i.stage);
    }
    m_issues->setText(lines.join(QLatin1Char('\n')));
    m_issues->setStyleSheet(QStringLiteral("color: #c62828"));
    m_issues->setVisible(!lines.isEmpty());
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (auto *h = m_table->verticalHeaderItem(row))
            h->setText(badRows.contains(row) ? QStringLiteral("%1 ⚠").arg(row + 1) : QString::number(row + 1));
    }
    const bool changed = m_isNew || !samePipeline(m_draft, m_loaded);
    m_save->setText(m_isNew ? tr("Create pipeline") : tr("Save as version %1").arg(m_loaded.version + 1));
    m_save->setEnabled(found.isEmpty() && changed && !m_draft.stages.isEmpty());
    m_revert->setEnabled(changed);
    m_undoButton->setEnabled(!m_undo.isEmpty());
    m_migrate->setEnabled(!m_isNew);
    if (found.isEmpty() && changed && !m_isNew)
        m_status->setText(tr("Unsaved changes. Leads keep the version they are on; new leads start on version %1.")
                              .arg(m_loaded.version + 1));
    else if (!changed)
        m_status->setText(m_lastMessage);
}

void PipelineEditor::refreshVersions()
{
    m_versions->setRowCount(0);
    if (m_isNew || m_draft.code.isEmpty())
        return;
    const auto versions = m_repo.versions(m_draft.code);
    m_versions->setRowCount(int(versions.size()));
    const QLocale locale;
    for (int r = 0; r < versions.size(); ++r) {
        const storage::PipelineVersionInfo &v = versions.at(r);
        const QDateTime saved = fromIsoUtc(v.savedAt).toLocalTime();
        const QStringList cells = {QString::number(v.version), saved.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                   locale.toString(v.leads), locale.toString(v.openLeads)};
        for (int c = 0; c < cells.size(); ++c)
            m_versions->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    m_versions->resizeColumnsToContents();
}

bool PipelineEditor::save()
{
    const storage::PipelineSaveResult r =
        m_isNew ? m_repo.createPipeline(m_draft)
                : m_repo.saveNewVersion(m_draft, m_migrate->isChecked() ? storage::MigrateOpenLeads::ByStageCode
                                                                        : storage::MigrateOpenLeads::No);
    if (!r.ok) {
        m_lastMessage = r.error;
        m_status->setText(r.error);
        return false;
    }
    QString message = tr("Saved “%1” as version %2.").arg(m_draft.name.trimmed()).arg(r.version);
    if (m_migrate->isChecked() && !m_isNew)
        message += QLatin1Char(' ')
                   + tr("%n open lead(s) moved to it", nullptr, r.migratedLeads)
                   + (r.leftOnOldVersion > 0
                          ? tr("; %n stay on older versions (their stage was removed).", nullptr, r.leftOnOldVersion)
                          : QStringLiteral("."));
    const QString code = m_repo.load(r.pipelineId).value_or(storage::StoredPipeline{}).def.code;
    m_isNew = false;
    m_migrate->setChecked(false);
    reload();
    selectPipeline(code);
    m_lastMessage = message;
    m_status->setText(message);
    return true;
}

} // namespace cockpit::ui

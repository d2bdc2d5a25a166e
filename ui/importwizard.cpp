#include "importwizard_p.h"

#include "importpipelinedialog.h"
#include "importvaluesdialog.h"

#include "imports/importschema.h"
#include "imports/tablesource.h"
#include "io/values.h"
#include "items/editcontroller.h"
#include "storage/database.h"
#include "storage/pipelinerepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace cockpit::ui {

using imports::Entity;

using detail::lastImportDir;

namespace {
// The field code of a stage date, as the planner names it: "stage:" and the stage's name.
const QString kStagePrefix = QStringLiteral("stage:");
} // namespace

ImportWizard::ImportWizard(storage::Database &db, EditController &edits, const QStringList &files, QWidget *parent)
    : QDialog(parent), m_db(db), m_edits(edits), m_job(db)
{
    setWindowTitle(tr("Import"));
    resize(980, 620);
    auto *layout = new QVBoxLayout(this);
    m_stepLabel = new QLabel(this);
    m_stepLabel->setStyleSheet(QStringLiteral("font-weight: 600;"));
    layout->addWidget(m_stepLabel);
    m_pages = new QStackedWidget(this);
    layout->addWidget(m_pages, 1);
    buildFilesPage();
    buildColumnsPage();
    buildCheckPage();

    auto *buttons = new QHBoxLayout;
    m_back = new QPushButton(tr("&Back"), this);
    m_next = new QPushButton(tr("&Next"), this);
    m_import = new QPushButton(tr("&Import"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_next->setDefault(true);
    buttons->addStretch(1);
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    buttons->addWidget(m_import);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);
    connect(m_back, &QPushButton::clicked, this, [this] { goTo(page() - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { goTo(page() + 1); });
    connect(m_import, &QPushButton::clicked, this, &ImportWizard::startImport);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job.isRunning())
            m_job.cancel();
        else
            reject();
    });
    connect(&m_job, &imports::ImportJob::progress, this, [this](int percent, const QString &phase) {
        m_progress->setValue(percent);
        m_phase->setText(phase);
    });
    connect(&m_job, &imports::ImportJob::planned, this, [this](std::shared_ptr<imports::ImportPlan> plan) {
        m_plan = std::move(plan);
        showPlan();
    });
    connect(&m_job, &imports::ImportJob::written, this, [this](const imports::ImportWriteResult &r) {
        m_writing = false;
        m_progress->setVisible(false);
        if (r.cancelled) {
            m_phase->setText(tr("Cancelled: nothing was imported."));
        } else if (!r.ok) {
            m_phase->setText(tr("Nothing was imported: %1").arg(r.error));
            QMessageBox::warning(this, tr("Import"), tr("Nothing was imported.\n\n%1").arg(r.error));
        } else {
            m_db.announceChanges();
            m_edits.pushImport(r.runId, tr("Import of %n row(s)", nullptr, int(r.created + r.updated)));
            m_phase->setText(tr("Imported: %1 rows created, %2 updated, %3 stage moves recorded. Edit › Undo (Ctrl+Z) "
                                "takes the whole import back.").arg(r.created).arg(r.updated).arg(r.stageMoves));
            rememberMappings(); // the next file with these headers starts from these columns
            m_plan.reset(); // written: a second click must not write it again
            Q_EMIT imported(r.runId);
        }
        m_cancel->setText(r.ok ? tr("Close") : tr("Cancel"));
        updateButtons();
    });
    addFiles(files);
    goTo(FilesPage);
}

ImportWizard::~ImportWizard() = default;

void ImportWizard::buildColumnsPage()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    auto *intro = new QLabel(tr("Which column is which field? The suggestions come from the headers and the values; "
                                "a field marked * is needed in every row. A column can feed several fields (+ Field); "
                                "a field comes from one column only."), page);
    intro->setWordWrap(true);
    v->addWidget(intro);
    m_columnsOrigin = new QLabel(page);
    m_columnsOrigin->setWordWrap(true);
    m_columnsOrigin->setStyleSheet(QStringLiteral("color: #1f6f43;"));
    v->addWidget(m_columnsOrigin);
    m_columns = new QTabWidget(page);
    v->addWidget(m_columns, 1);
    auto *row = new QHBoxLayout;
    m_columnsNote = new QLabel(page);
    m_columnsNote->setWordWrap(true);
    m_columnsNote->setStyleSheet(QStringLiteral("color: #b3261e;"));
    row->addWidget(m_columnsNote, 1);
    m_saveMapping = new QPushButton(tr("&Save mapping…"), page);
    m_saveMapping->setToolTip(tr("The columns, how each file is read and the options, as a mapping (JSON) to use again: "
                                 "“Use a mapping” here, or sales-cockpit import --mapping."));
    row->addWidget(m_saveMapping, 0, Qt::AlignTop);
    v->addLayout(row);
    m_pages->addWidget(page);
    connect(m_columns, &QTabWidget::currentChanged, this, &ImportWizard::updateColumnsOrigin);
    connect(m_saveMapping, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save mapping"),
                                                          QDir(lastImportDir()).filePath(tr("mapping") + QStringLiteral(".json")),
                                                          tr("Mappings (*.json)"));
        QString error;
        if (!path.isEmpty() && !saveMapping(path, &error))
            QMessageBox::warning(this, tr("Save mapping"), error);
    });
}

void ImportWizard::buildCheckPage()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    m_progress = new QProgressBar(page);
    m_progress->setRange(0, 100);
    m_phase = new QLabel(page);
    m_phase->setWordWrap(true);
    v->addWidget(m_phase);
    v->addWidget(m_progress);
    m_summary = new QPlainTextEdit(page);
    m_summary->setReadOnly(true);
    m_summary->setMaximumBlockCount(2000);
    v->addWidget(m_summary, 1);
    auto *refusedLabel = new QLabel(tr("Refused rows (nothing of them is written):"), page);
    v->addWidget(refusedLabel);
    m_refused = new QTableWidget(0, 5, page);
    m_refused->setHorizontalHeaderLabels({tr("File"), tr("Line"), tr("Column"), tr("Value"), tr("Reason")});
    m_refused->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_refused->verticalHeader()->hide();
    m_refused->setEditTriggers(QAbstractItemView::NoEditTriggers);
    v->addWidget(m_refused, 1);
    auto *row = new QHBoxLayout;
    m_skipRefused = new QCheckBox(tr("Import the other rows and skip the refused ones"), page);
    m_saveRefused = new QPushButton(tr("&Save refused rows…"), page);
    m_saveRefused->setToolTip(tr("The refused rows as they were, with a reason column: fix them in Excel and import that "
                                 "file again."));
    m_matchValues = new QPushButton(tr("&Match values…"), page);
    m_matchValues->setToolTip(tr("Stage names and people the company does not have: choose what each one is, and the "
                                 "files are checked again."));
    m_pipelineButton = new QPushButton(tr("Create a &pipeline from the stages…"), page);
    m_pipelineButton->setToolTip(tr("The leads go into a pipeline made of the stages the file names (a new pipeline, or a "
                                    "new version of one the company has); the files are checked again."));
    row->addWidget(m_skipRefused);
    row->addStretch(1);
    row->addWidget(m_pipelineButton);
    row->addWidget(m_matchValues);
    row->addWidget(m_saveRefused);
    v->addLayout(row);
    m_pages->addWidget(page);
    connect(m_skipRefused, &QCheckBox::toggled, this, &ImportWizard::updateButtons);
    connect(m_matchValues, &QPushButton::clicked, this, [this] {
        if (!m_plan || m_plan->unmatched.empty())
            return;
        ImportValuesDialog dialog(*m_plan, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        QList<ValueMatch> matches;
        for (const ImportValuesDialog::Match &m : dialog.matches())
            matches << ValueMatch{m.file, m.field, m.value, m.readAs};
        applyValueMatches(matches);
    });
    connect(m_pipelineButton, &QPushButton::clicked, this, [this] {
        QString error;
        const QList<imports::ValueCount> stages = fileStages(&error);
        if (!error.isEmpty()) {
            QMessageBox::warning(this, tr("Create a pipeline from the stages"), error);
            return;
        }
        ImportPipelineDialog dialog(stages, existingPipelines(), existingStages(), m_mapping.pipeline, this);
        if (dialog.exec() == QDialog::Accepted)
            createPipeline(dialog.pipeline());
    });
    connect(m_saveRefused, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save refused rows"),
                                                          QDir(lastImportDir()).filePath(tr("refused rows") + QStringLiteral(".xlsx")),
                                                          tr("Excel workbook (*.xlsx);;CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !saveRefused(path, &error))
            QMessageBox::warning(this, tr("Save refused rows"), error);
    });
}

void ImportWizard::refreshColumns()
{
    updateDatedStages();
    const int shown = m_columns->currentIndex();
    m_columns->clear();
    m_columnsNote->clear();
    for (int i = 0; i < int(m_entries.size()); ++i) {
        Entry &e = *m_entries[i];
        auto *table = new QTableWidget(int(e.header.size()), 3, m_columns);
        table->setHorizontalHeaderLabels({tr("Column"), tr("First values"), tr("Fields")});
        table->horizontalHeaderItem(2)->setToolTip(tr("What the column is. A column can feed several fields (+ Field): "
                                                      "a manager's name can also name the team."));
        table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
        table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents); // every box whole
        table->verticalHeader()->hide();
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        const QString label = QFileInfo(e.path).fileName() + (e.sheet.isEmpty() ? QString() : QStringLiteral(" › ") + e.sheet);
        m_columns->addTab(table, QStringLiteral("%1 (%2)").arg(label, imports::ImportSchema::entityLabel(e.entity)));
        for (int c = 0; c < e.header.size(); ++c) {
            table->setItem(c, 0, new QTableWidgetItem(e.header.at(c)));
            QStringList values;
            for (const QStringList &row : std::as_const(e.samples))
                if (!row.value(c).trimmed().isEmpty() && values.size() < 4)
                    values << row.value(c).trimmed().left(40);
            table->setItem(c, 1, new QTableWidgetItem(values.join(QStringLiteral(" · "))));
            fillFieldCell(i, c);
        }
    }
    m_columns->setCurrentIndex(std::max(0, shown));
    updateColumnsOrigin();
    updateButtons();
}

void ImportWizard::fillFieldCell(int file, int column)
{
    auto *table = qobject_cast<QTableWidget *>(m_columns->widget(file));
    if (!table || file >= int(m_entries.size()))
        return;
    const Entry &e = *m_entries[file];
    const QStringList fields = columnFields(file, column);
    auto *cell = new QWidget(table);
    auto *h = new QHBoxLayout(cell);
    h->setContentsMargins(0, 0, 2, 0);
    h->setSpacing(4);
    const QList<FieldChoice> choices = fieldChoices(e);
    // One box per field the column feeds (one "(not imported)" box when none): choosing
    // another field replaces that one, "(not imported)" takes it off the column.
    for (int k = 0; k < std::max<qsizetype>(1, fields.size()); ++k) {
        auto *combo = new QComboBox(cell);
        combo->addItem(tr("(not imported)"), QString());
        for (const FieldChoice &f : choices)
            combo->addItem(f.label, f.code);
        combo->setCurrentIndex(std::max(0, combo->findData(fields.value(k))));
        connect(combo, &QComboBox::activated, this, [this, file, column, k, combo] {
            QStringList now = columnFields(file, column);
            const QString chosen = combo->currentData().toString();
            if (k < now.size())
                now.removeAt(k);
            if (!chosen.isEmpty())
                now.insert(std::min<qsizetype>(k, now.size()), chosen);
            setColumnFields(file, column, now);
        });
        h->addWidget(combo);
    }
    if (!fields.isEmpty()) {
        auto *more = new QToolButton(cell);
        more->setText(tr("+ Field"));
        more->setToolTip(tr("This column feeds another field too (a manager's name can also name the team)."));
        more->setPopupMode(QToolButton::InstantPopup);
        auto *menu = new QMenu(more);
        for (const FieldChoice &f : choices) {
            if (fields.contains(f.code))
                continue;
            const QString from = fieldSource(e, f.code);
            QAction *a = menu->addAction(from.isEmpty() ? f.label : tr("%1 (from “%2”)").arg(f.label, from));
            a->setEnabled(from.isEmpty()); // a field comes from one column
            connect(a, &QAction::triggered, this, [this, file, column, code = f.code] { addColumnField(file, column, code); });
        }
        more->setMenu(menu);
        h->addWidget(more);
    }
    h->addStretch(1);
    table->setCellWidget(column, 2, cell);
}

QList<ImportWizard::FieldChoice> ImportWizard::fieldChoices(const Entry &e) const
{
    QList<FieldChoice> out;
    for (const imports::FieldDef &f : imports::ImportSchema::fields(e.entity))
        out << FieldChoice{f.code, imports::ImportSchema::fieldLabel(e.entity, f.code) + (f.required ? QStringLiteral(" *") : QString())};
    if (e.entity == Entity::Leads) {
        QStringList stages = m_datedStages;
        if (e.mapping.entity == e.entity) // dates of stages not offered now (a mapping's) still show
            for (const auto &sd : e.mapping.stageDates)
                if (!stages.contains(sd.first))
                    stages << sd.first;
        for (const QString &stage : std::as_const(stages))
            out << FieldChoice{kStagePrefix + stage, tr("Entered stage: %1").arg(stage)};
    }
    return out;
}

QString ImportWizard::fieldSource(const Entry &e, const QString &code) const
{
    if (!code.startsWith(kStagePrefix))
        return e.columns.value(code);
    if (e.mapping.entity == e.entity)
        for (const auto &sd : e.mapping.stageDates)
            if (kStagePrefix + sd.first == code)
                return sd.second;
    return {};
}

void ImportWizard::updateDatedStages()
{
    QList<QList<imports::MappedStage>> pipelines;
    if (m_mapping.pipeline.isSet()) {
        pipelines << m_mapping.pipeline.stages;
    } else {
        const QHash<QString, QList<imports::MappedStage>> stored = existingStages();
        if (stored.contains(m_checkedPipeline))
            pipelines << stored.value(m_checkedPipeline);
        else
            for (const storage::PipelineSummary &p : existingPipelines())
                pipelines << stored.value(p.code);
    }
    m_datedStages.clear();
    for (const QList<imports::MappedStage> &stages : std::as_const(pipelines))
        for (int i = 1; i < stages.size(); ++i) // the first is entered at creation
            if (stages.at(i).closing.isEmpty() && !m_datedStages.contains(stages.at(i).name))
                m_datedStages << stages.at(i).name;
}

QString ImportWizard::columnsNote() const
{
    return m_columnsNote->text();
}

QString ImportWizard::columnsOrigin() const
{
    return m_columnsOrigin->text();
}

void ImportWizard::updateColumnsOrigin()
{
    const int i = m_columns->currentIndex();
    const Entry *e = i >= 0 && i < int(m_entries.size()) ? m_entries[i].get() : nullptr;
    m_columnsOrigin->setText(e && e->fromSaved ? tr("Columns as in your last import of this layout (the same headers): "
                                                    "check them, and change any that differ this time.")
                                               : QString());
    m_columnsOrigin->setVisible(!m_columnsOrigin->text().isEmpty());
}

bool ImportWizard::saveMapping(const QString &path, QString *error) const
{
    const imports::ImportRequest r = request(error);
    if (r.paths.isEmpty())
        return false;
    imports::ImportMapping m = r.mapping;
    if (m.name.isEmpty())
        m.name = QFileInfo(path).completeBaseName();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(m.toJson()) < 0 || !f.commit()) {
        *error = tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(path), f.errorString());
        return false;
    }
    return true;
}

QStringList ImportWizard::columnFields(int file, int column) const
{
    QStringList out;
    if (file < 0 || file >= int(m_entries.size()))
        return out;
    const Entry &e = *m_entries[file];
    const QString header = imports::ImportSchema::normaliseHeader(e.header.value(column));
    if (header.isEmpty())
        return out;
    for (const imports::FieldDef &f : imports::ImportSchema::fields(e.entity))
        if (e.columns.contains(f.code) && imports::ImportSchema::normaliseHeader(e.columns.value(f.code)) == header)
            out << f.code;
    if (e.mapping.entity == e.entity)
        for (const auto &sd : e.mapping.stageDates)
            if (imports::ImportSchema::normaliseHeader(sd.second) == header)
                out << kStagePrefix + sd.first;
    return out;
}

bool ImportWizard::setColumnFields(int file, int column, const QStringList &wanted)
{
    if (file < 0 || file >= int(m_entries.size()) || column < 0 || column >= m_entries[file]->header.size())
        return false;
    Entry &e = *m_entries[file];
    const QString header = e.header.at(column);
    const QString norm = imports::ImportSchema::normaliseHeader(header);
    const QStringList before = columnFields(file, column);
    const auto offered = [&](const QString &f) {
        return imports::ImportSchema::field(e.entity, f)
               || (f.startsWith(kStagePrefix) && e.entity == Entity::Leads
                   && (m_datedStages.contains(f.mid(kStagePrefix.size())) || before.contains(f)));
    };
    QStringList fields;
    for (const QString &f : wanted)
        if (!f.isEmpty() && !fields.contains(f) && offered(f))
            fields << f;
    for (const QString &f : std::as_const(fields)) {
        const QString from = fieldSource(e, f);
        if (!from.isEmpty() && imports::ImportSchema::normaliseHeader(from) != norm) {
            const QString label = f.startsWith(kStagePrefix) ? tr("Entered stage: %1").arg(f.mid(kStagePrefix.size()))
                                                             : imports::ImportSchema::fieldLabel(e.entity, f);
            m_columnsNote->setText(tr("“%1” already comes from the column “%2”: a field comes from one column only. "
                                      "Take it off that column first.")
                                       .arg(label, from));
            fillFieldCell(file, column); // the boxes show what the column still feeds
            return false;
        }
    }
    if (e.mapping.entity != e.entity) { // a mapping of another entity: nothing of it applies
        e.mapping = {};
        e.mapping.entity = e.entity;
    }
    for (const QString &f : before) {
        e.columns.remove(f);
        e.mapping.stageDates.removeIf([&](const QPair<QString, QString> &sd) { return kStagePrefix + sd.first == f; });
    }
    for (const QString &f : std::as_const(fields)) {
        if (f.startsWith(kStagePrefix))
            e.mapping.stageDates.append({f.mid(kStagePrefix.size()), header});
        else
            e.columns.insert(f, header);
    }
    fillFieldCell(file, column);
    if (auto *table = qobject_cast<QTableWidget *>(m_columns->widget(file)))
        table->resizeColumnToContents(2);
    m_columnsNote->clear();
    m_plan.reset();
    updateButtons();
    return true;
}

bool ImportWizard::setColumnField(int file, int column, const QString &field)
{
    return setColumnFields(file, column, field.isEmpty() ? QStringList() : QStringList{field});
}

bool ImportWizard::addColumnField(int file, int column, const QString &field)
{
    return setColumnFields(file, column, columnFields(file, column) << field);
}

QString ImportWizard::checkMessage() const
{
    return m_phase->text();
}

int ImportWizard::page() const
{
    return m_pages->currentIndex();
}

void ImportWizard::goTo(int target)
{
    target = std::clamp(target, int(FilesPage), int(CheckPage));
    if (target == ColumnsPage && page() != ColumnsPage) // from the check too: its pipeline names the stages
        refreshColumns();
    m_pages->setCurrentIndex(target);
    const QStringList steps = {tr("Step 1 of 3 · Files"), tr("Step 2 of 3 · Columns"), tr("Step 3 of 3 · Check and import")};
    m_stepLabel->setText(steps.value(target));
    if (target == CheckPage && !m_writing)
        startCheck();
    updateButtons();
}

imports::ImportRequest ImportWizard::request(QString *error) const
{
    imports::ImportRequest r;
    r.mapping = m_mapping;
    r.mapping.files.clear();
    r.mapping.dayOrder = io::DayOrder(m_dayOrder->currentData().toInt());
    r.mapping.dayOrderGiven = true;
    r.mapping.createOrg = m_createOrg->isChecked();
    r.onDuplicate = imports::OnDuplicate(m_duplicates->currentData().toInt());
    r.mapping.onDuplicate = r.onDuplicate;
    r.now = QDateTime::currentSecsSinceEpoch();
    r.actorKey = m_db.currentUserId().toLongLong();
    // In dependency order: people, products, customers, leads.
    for (const Entity en : imports::allEntities())
        for (const auto &e : m_entries) {
            if (e->entity != en)
                continue;
            r.mapping.files << fileMapping(*e);
            r.paths << e->path;
        }
    if (r.paths.isEmpty() && error)
        *error = tr("Add the files to import first.");
    return r;
}

void ImportWizard::startCheck()
{
    QString error;
    const imports::ImportRequest r = request(&error);
    m_summary->clear();
    m_refused->setRowCount(0);
    m_plan.reset();
    if (!error.isEmpty()) {
        m_phase->setText(error);
        return;
    }
    m_progress->setVisible(true);
    m_progress->setValue(0);
    m_phase->setText(tr("Reading and checking the files…"));
    m_cancel->setText(tr("Cancel"));
    m_job.plan(r);
    updateButtons();
}

void ImportWizard::showPlan()
{
    m_progress->setVisible(false);
    const imports::ImportPlan &p = *m_plan;
    if (p.cancelled) {
        m_phase->setText(tr("Cancelled. Nothing was written."));
        m_plan.reset();
        updateButtons();
        return;
    }
    if (!p.pipelineCode.isEmpty())
        m_checkedPipeline = p.pipelineCode;
    if (!p.ok()) {
        m_phase->setText(tr("The files cannot be imported: %1").arg(p.fatal));
        m_summary->setPlainText(p.fatal);
        m_plan.reset();
        updateButtons();
        return;
    }
    const bool unknownStages = std::any_of(p.unmatched.begin(), p.unmatched.end(), [](const imports::UnmatchedValue &u) {
        return u.field == QLatin1String("stage");
    });
    m_phase->setText(unknownStages
                         ? tr("%n row(s) are refused: see why below. Some name stages or people the company does not have: "
                              "Match values… reads them as ones it has; Create a pipeline from the stages… makes a "
                              "pipeline of the file's own stages.", nullptr, int(p.refusedRows()))
                     : !p.unmatched.empty()
                         ? tr("%n row(s) are refused: see why below. Some name stages or people the company does not have: "
                              "Match values… reads them as ones it has.", nullptr, int(p.refusedRows()))
                     : p.refusedRows() > 0
                         ? tr("%n row(s) are refused: see why below. Fix them, or import the other rows.", nullptr,
                              int(p.refusedRows()))
                         : tr("Every row can be imported. Nothing has been written yet."));
    QStringList lines = p.summaryLines();
    const QStringList warnings = p.warningLines();
    if (!warnings.isEmpty()) {
        lines << QString() << tr("Warnings (these rows import):");
        for (const QString &w : warnings)
            lines << QStringLiteral("  ") + w;
    }
    m_summary->setPlainText(lines.join(QLatin1Char('\n')));
    int shown = 0;
    for (const imports::ImportIssue &i : p.issues)
        shown += i.error;
    m_refused->setRowCount(std::min(shown, 5000));
    int r = 0;
    for (const imports::ImportIssue &i : p.issues) {
        if (!i.error || r >= m_refused->rowCount())
            continue;
        const QStringList cells = {QFileInfo(p.files.value(i.file).path).fileName(), QString::number(i.line), i.column, i.value,
                                   i.reason};
        for (int c = 0; c < cells.size(); ++c)
            m_refused->setItem(r, c, new QTableWidgetItem(cells.at(c)));
        ++r;
    }
    m_cancel->setText(tr("Cancel"));
    updateButtons();
}

bool ImportWizard::saveRefused(const QString &path, QString *error)
{
    if (!m_plan)
        return false;
    const QStringList written = imports::writeErrorFiles(*m_plan, path, error);
    return error->isEmpty() && !written.isEmpty();
}

void ImportWizard::startImport()
{
    if (!m_plan || m_job.isRunning())
        return;
    if (!m_db.isWritable()) {
        QMessageBox::information(this, tr("Import"), tr("The file cannot be written now (it is being checked, or read-only)."));
        return;
    }
    QString error;
    const imports::ImportRequest r = request(&error);
    QStringList sources;
    for (const QString &p : r.paths)
        if (!sources.contains(p))
            sources << p;
    m_writing = true;
    m_progress->setVisible(true);
    m_progress->setValue(0);
    m_phase->setText(tr("Writing…"));
    m_job.write(m_plan, sources.join(QStringLiteral("; ")), r.mapping.toJson());
    updateButtons();
}

void ImportWizard::updateButtons()
{
    const bool busy = m_job.isRunning();
    const int p = page();
    m_back->setEnabled(!busy && p > FilesPage);
    m_next->setVisible(p < CheckPage);
    bool requiredMissing = false;
    if (p == ColumnsPage) {
        QStringList missing;
        for (const auto &e : m_entries)
            for (const imports::FieldDef &f : imports::ImportSchema::fields(e->entity))
                if (f.required && !e->columns.contains(f.code) && !e->mapping.defaults.contains(f.code))
                    missing << tr("%1: %2").arg(QFileInfo(e->path).fileName(), imports::ImportSchema::fieldLabel(e->entity, f.code));
        requiredMissing = !missing.isEmpty();
        if (requiredMissing && m_columnsNote->text().isEmpty())
            m_columnsNote->setText(tr("Still needed: %1").arg(missing.join(QStringLiteral(", "))));
        else if (!requiredMissing && m_columnsNote->text().startsWith(tr("Still needed: %1").section(u'%', 0, 0)))
            m_columnsNote->clear();
    }
    m_next->setEnabled(!busy && !m_entries.empty() && !requiredMissing);
    m_saveMapping->setEnabled(!m_entries.empty());
    m_import->setVisible(p == CheckPage);
    const bool refused = m_plan && m_plan->refusedRows() > 0;
    m_import->setEnabled(!busy && m_plan && m_plan->ok() && (!refused || m_skipRefused->isChecked()));
    m_skipRefused->setEnabled(refused);
    m_saveRefused->setEnabled(refused && !busy);
    m_matchValues->setVisible(m_plan && !m_plan->unmatched.empty());
    const bool leads = std::any_of(m_entries.begin(), m_entries.end(), [](const std::unique_ptr<Entry> &e) {
        return e->entity == Entity::Leads && e->columns.contains(QStringLiteral("stage"));
    });
    m_pipelineButton->setVisible(leads);
    m_pipelineButton->setEnabled(!busy);
    m_matchValues->setEnabled(!busy);
}

void ImportWizard::applyValueMatches(const QList<ValueMatch> &matches)
{
    if (!m_plan || matches.isEmpty())
        return;
    for (const ValueMatch &m : matches) {
        const imports::FilePlan &f = m_plan->files.value(m.file);
        for (auto &e : m_entries) {
            if (e->path != f.path || e->sheet != f.mapping.sheet)
                continue;
            if (e->mapping.entity != e->entity) // a mapping of another entity: its values do not apply
                e->mapping = {};
            e->mapping.entity = e->entity;
            e->mapping.values[m.field].insert(m.value, m.readAs);
        }
    }
    startCheck();
}

QList<imports::ValueCount> ImportWizard::fileStages(QString *error) const
{
    QList<imports::ValueCount> out;
    QHash<QString, int> index;
    for (const auto &e : m_entries) {
        if (e->entity != Entity::Leads || !e->columns.contains(QStringLiteral("stage")))
            continue;
        const auto counted = imports::countValues(e->path, fileMapping(*e), QStringLiteral("stage"), error);
        if (!counted) {
            *error = tr("%1: %2").arg(QFileInfo(e->path).fileName(), *error);
            return {};
        }
        for (const imports::ValueCount &v : *counted) {
            const auto it = index.constFind(v.value);
            if (it != index.cend()) {
                out[*it].rows += v.rows;
            } else {
                index.insert(v.value, int(out.size()));
                out << v;
            }
        }
    }
    return out;
}

QList<storage::PipelineSummary> ImportWizard::existingPipelines() const
{
    return storage::PipelineRepository(m_db).current();
}

QHash<QString, QList<imports::MappedStage>> ImportWizard::existingStages() const
{
    QHash<QString, QList<imports::MappedStage>> out;
    storage::PipelineRepository repo(m_db);
    for (const storage::PipelineSummary &p : repo.current())
        if (const auto stored = repo.loadCurrent(p.code))
            for (const StageDef &st : stored->def.stages)
                out[p.code] << imports::MappedStage{st.name, st.terminal ? QStringLiteral("won") : QString()};
    return out;
}

void ImportWizard::createPipeline(const imports::MappedPipeline &pipeline)
{
    m_mapping.pipeline = pipeline;
    // Stage dates name stages of the mapping's pipeline: those the new one lacks are dropped.
    for (auto &e : m_entries) {
        QList<QPair<QString, QString>> kept;
        for (const auto &sd : std::as_const(e->mapping.stageDates))
            if (std::any_of(pipeline.stages.begin(), pipeline.stages.end(), [&](const imports::MappedStage &s) { return s.name == sd.first; }))
                kept << sd;
        e->mapping.stageDates = kept;
    }
    startCheck();
}

void ImportWizard::preset(Entity entity, imports::OnDuplicate mode)
{
    for (auto &e : m_entries) {
        e->entity = entity;
        e->fromMapping = false;
        if (!applySavedMapping(*e, entity)) // the columns of the last import of this layout, else suggested
            e->columns = imports::suggestColumns(entity, e->header, e->samples);
    }
    m_duplicates->setCurrentIndex(m_duplicates->findData(int(mode)));
    refreshFiles();
}

} // namespace cockpit::ui

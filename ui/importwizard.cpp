#include "importwizard.h"

#include "imports/importschema.h"
#include "imports/tablesource.h"
#include "io/values.h"
#include "items/editcontroller.h"
#include "storage/database.h"

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
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cockpit::ui {

using imports::Entity;

struct ImportWizard::Entry
{
    QString path, sheet, description;
    Entity entity = Entity::Customers;
    QStringList header;
    QList<QStringList> samples;
    imports::FileMapping mapping; // values, defaults and stage dates of a loaded mapping
    QHash<QString, QString> columns; // field → header
};

namespace {
QString lastImportDir()
{
    return QSettings().value(QStringLiteral("import/last_dir"), QDir::homePath()).toString();
}

// The entity whose fields the header names best (required fields weigh double).
Entity guessEntity(const QStringList &header, const QList<QStringList> &samples)
{
    Entity best = Entity::Customers;
    int bestScore = -1;
    for (const Entity e : imports::allEntities()) {
        const QHash<QString, QString> s = imports::suggestColumns(e, header, samples);
        int score = 0;
        for (auto it = s.cbegin(); it != s.cend(); ++it) {
            const imports::FieldDef *f = imports::ImportSchema::field(e, it.key());
            score += f && f->required ? 2 : 1;
        }
        // A leads file names a stage; an org file names people and a manager or region.
        if (e == Entity::Leads && !s.contains(QStringLiteral("stage")))
            score = 0;
        if (score > bestScore) {
            best = e;
            bestScore = score;
        }
    }
    return best;
}

// "3/5/2026" written day first or month first: the samples decide when a number above 12
// shows which is the day.
std::optional<io::DayOrder> guessDayOrder(const QList<QStringList> &samples)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,2})[/.-](\\d{1,2})[/.-]\\d{4}"));
    for (const QStringList &row : samples)
        for (const QString &cell : row) {
            const auto m = re.match(cell.trimmed());
            if (!m.hasMatch())
                continue;
            if (m.captured(1).toInt() > 12)
                return io::DayOrder::DayFirst;
            if (m.captured(2).toInt() > 12)
                return io::DayOrder::MonthFirst;
        }
    return std::nullopt;
}
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

void ImportWizard::buildFilesPage()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    auto *intro = new QLabel(tr("Bring your company's own spreadsheets in: people and org, products, customers and leads "
                                "(CSV or Excel). Nothing is written until you press Import, and the whole import can be "
                                "undone as one step."), page);
    intro->setWordWrap(true);
    v->addWidget(intro);
    m_files = new QTableWidget(0, 4, page);
    m_files->setHorizontalHeaderLabels({tr("File"), tr("Sheet"), tr("Read as"), tr("Holds")});
    m_files->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_files->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_files->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_files->verticalHeader()->hide();
    m_files->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_files->setEditTriggers(QAbstractItemView::NoEditTriggers);
    v->addWidget(m_files, 1);
    auto *row = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add files…"), page);
    auto *remove = new QPushButton(tr("&Remove"), page);
    auto *mapping = new QPushButton(tr("Use a &mapping…"), page);
    mapping->setToolTip(tr("A mapping (JSON) says which column is which field, how values are translated and, for "
                           "leads, the pipeline; the app ships one for the Maven CRM sample data."));
    row->addWidget(add);
    row->addWidget(remove);
    row->addWidget(mapping);
    row->addStretch(1);
    v->addLayout(row);
    m_mappingLabel = new QLabel(page);
    m_mappingLabel->setWordWrap(true);
    v->addWidget(m_mappingLabel);
    auto *form = new QFormLayout;
    m_dayOrder = new QComboBox(page);
    m_dayOrder->addItem(tr("Day first: 3/5/2026 is 3 May"), int(io::DayOrder::DayFirst));
    m_dayOrder->addItem(tr("Month first: 3/5/2026 is March 5"), int(io::DayOrder::MonthFirst));
    form->addRow(tr("Dates like 3/5/2026:"), m_dayOrder);
    m_duplicates = new QComboBox(page);
    m_duplicates->addItem(tr("Keep what is there (skip the row)"), int(imports::OnDuplicate::Skip));
    m_duplicates->addItem(tr("Update the fields the file gives"), int(imports::OnDuplicate::Update));
    m_duplicates->addItem(tr("Replace with the file's row"), int(imports::OnDuplicate::Replace));
    form->addRow(tr("Rows already in the database:"), m_duplicates);
    m_createOrg = new QCheckBox(tr("Create the people, regions, cities and teams the files name that the company does not have "
                                   "yet (listed in the check before anything is written)"), page);
    form->addRow(QString(), m_createOrg);
    v->addLayout(form);
    m_pages->addWidget(page);

    connect(add, &QPushButton::clicked, this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Import"), lastImportDir(),
                                                                tr("Spreadsheets (*.csv *.txt *.xlsx);;All files (*)"));
        if (!paths.isEmpty())
            QSettings().setValue(QStringLiteral("import/last_dir"), QFileInfo(paths.first()).absolutePath());
        addFiles(paths);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int r = m_files->currentRow();
        if (r >= 0 && r < int(m_entries.size())) {
            m_entries.erase(m_entries.begin() + r);
            refreshFiles();
        }
    });
    connect(mapping, &QPushButton::clicked, this, [this] {
        // The mappings the app ships (the Maven CRM sample's), next to its translations.
        const QString shipped = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../share/sales-cockpit/import-mappings"));
        const QString path = QFileDialog::getOpenFileName(this, tr("Use a mapping"),
                                                          QDir(shipped).exists() ? QDir(shipped).canonicalPath() : lastImportDir(),
                                                          tr("Mappings (*.json)"));
        QString error;
        if (!path.isEmpty() && !loadMapping(path, &error))
            QMessageBox::warning(this, tr("Use a mapping"), error);
    });
}

void ImportWizard::buildColumnsPage()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    auto *intro = new QLabel(tr("Which column is which field? The suggestions come from the headers and the values; "
                                "a field marked * is needed in every row. One column per field."), page);
    intro->setWordWrap(true);
    v->addWidget(intro);
    m_columns = new QTabWidget(page);
    v->addWidget(m_columns, 1);
    m_columnsNote = new QLabel(page);
    m_columnsNote->setWordWrap(true);
    m_columnsNote->setStyleSheet(QStringLiteral("color: #b3261e;"));
    v->addWidget(m_columnsNote);
    m_pages->addWidget(page);
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
    row->addWidget(m_skipRefused);
    row->addStretch(1);
    row->addWidget(m_saveRefused);
    v->addLayout(row);
    m_pages->addWidget(page);
    connect(m_skipRefused, &QCheckBox::toggled, this, &ImportWizard::updateButtons);
    connect(m_saveRefused, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save refused rows"),
                                                          QDir(lastImportDir()).filePath(tr("refused rows") + QStringLiteral(".xlsx")),
                                                          tr("Excel workbook (*.xlsx);;CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !saveRefused(path, &error))
            QMessageBox::warning(this, tr("Save refused rows"), error);
    });
}

void ImportWizard::addFiles(const QStringList &paths)
{
    QStringList problems;
    for (const QString &path : paths) {
        imports::TableSource first;
        if (!first.open(path)) {
            problems << first.error();
            continue;
        }
        // A workbook: one entry per sheet that holds a table.
        const QStringList sheets = first.isWorkbook() ? first.sheets() : QStringList{QString()};
        for (const QString &sheet : sheets) {
            imports::TableSource src;
            imports::SourceOptions so;
            so.sheet = sheet;
            if (!src.open(path, so)) {
                if (!first.isWorkbook())
                    problems << src.error();
                continue;
            }
            auto e = std::make_unique<Entry>();
            e->path = path;
            e->sheet = sheet;
            e->description = src.describe();
            e->header = src.header();
            io::CsvRecord rec;
            while (e->samples.size() < 8 && src.next(rec))
                if (rec.error.isEmpty())
                    e->samples << rec.fields;
            e->entity = guessEntity(e->header, e->samples);
            e->columns = imports::suggestColumns(e->entity, e->header, e->samples);
            if (const auto order = guessDayOrder(e->samples))
                m_dayOrder->setCurrentIndex(m_dayOrder->findData(int(*order)));
            m_entries.push_back(std::move(e));
        }
    }
    refreshFiles();
    if (!problems.isEmpty())
        QMessageBox::warning(this, tr("Import"), tr("These files cannot be imported:\n\n%1").arg(problems.join(QStringLiteral("\n\n"))));
}

bool ImportWizard::loadMapping(const QString &path, QString *error)
{
    auto m = imports::ImportMapping::fromFile(path, error);
    if (!m)
        return false;
    m_mapping = *m;
    int matched = 0;
    for (const imports::FileMapping &fm : m_mapping.files) {
        for (auto &e : m_entries) {
            const bool same = (!fm.file.isEmpty() && QFileInfo(e->path).fileName().compare(fm.file, Qt::CaseInsensitive) == 0
                               && (fm.sheet.isEmpty() || fm.sheet == e->sheet))
                              || (fm.file.isEmpty() && fm.sheet == e->sheet);
            if (!same)
                continue;
            e->entity = fm.entity;
            e->mapping = fm;
            e->columns = fm.columns;
            ++matched;
        }
    }
    if (m_mapping.dayOrderGiven)
        m_dayOrder->setCurrentIndex(m_dayOrder->findData(int(m_mapping.dayOrder)));
    if (m_mapping.onDuplicate)
        m_duplicates->setCurrentIndex(m_duplicates->findData(int(*m_mapping.onDuplicate)));
    m_createOrg->setChecked(m_mapping.createOrg);
    m_mappingLabel->setText(tr("Mapping “%1”: %2 of its %3 files matched the files listed.")
                                .arg(m_mapping.name.isEmpty() ? QFileInfo(path).fileName() : m_mapping.name)
                                .arg(matched).arg(m_mapping.files.size()));
    refreshFiles();
    return true;
}

void ImportWizard::refreshFiles()
{
    m_files->setRowCount(int(m_entries.size()));
    for (int r = 0; r < int(m_entries.size()); ++r) {
        Entry &e = *m_entries[r];
        m_files->setItem(r, 0, new QTableWidgetItem(QFileInfo(e.path).fileName()));
        m_files->item(r, 0)->setToolTip(e.path);
        m_files->setItem(r, 1, new QTableWidgetItem(e.sheet.isEmpty() ? QStringLiteral("—") : e.sheet));
        m_files->setItem(r, 2, new QTableWidgetItem(e.description));
        // One combo per row, kept across refreshes (a replaced cell widget lingers until the
        // event loop deletes it).
        auto *combo = qobject_cast<QComboBox *>(m_files->cellWidget(r, 3));
        if (!combo) {
            combo = new QComboBox(m_files);
            for (const Entity en : imports::allEntities())
                combo->addItem(imports::ImportSchema::entityLabel(en), int(en));
            connect(combo, &QComboBox::activated, this, [this, r, combo] {
                if (r >= int(m_entries.size()))
                    return;
                Entry &x = *m_entries[r];
                x.entity = Entity(combo->currentData().toInt());
                x.columns = imports::suggestColumns(x.entity, x.header, x.samples);
                m_plan.reset();
                updateButtons();
            });
            m_files->setCellWidget(r, 3, combo);
        }
        combo->setCurrentIndex(combo->findData(int(e.entity)));
    }
    m_plan.reset();
    updateButtons();
}

void ImportWizard::refreshColumns()
{
    m_columns->clear();
    m_columnsNote->clear();
    for (int i = 0; i < int(m_entries.size()); ++i) {
        Entry &e = *m_entries[i];
        auto *table = new QTableWidget(int(e.header.size()), 3, m_columns);
        table->setHorizontalHeaderLabels({tr("Column"), tr("First values"), tr("Field")});
        table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
        table->verticalHeader()->hide();
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        for (int c = 0; c < e.header.size(); ++c) {
            table->setItem(c, 0, new QTableWidgetItem(e.header.at(c)));
            QStringList values;
            for (const QStringList &row : std::as_const(e.samples))
                if (!row.value(c).trimmed().isEmpty() && values.size() < 4)
                    values << row.value(c).trimmed().left(40);
            table->setItem(c, 1, new QTableWidgetItem(values.join(QStringLiteral(" · "))));
            auto *combo = new QComboBox(table);
            combo->addItem(tr("(not imported)"), QString());
            for (const imports::FieldDef &f : imports::ImportSchema::fields(e.entity))
                combo->addItem(imports::ImportSchema::fieldLabel(e.entity, f.code) + (f.required ? QStringLiteral(" *") : QString()),
                               f.code);
            QString current;
            for (auto it = e.columns.cbegin(); it != e.columns.cend(); ++it)
                if (imports::ImportSchema::normaliseHeader(it.value()) == imports::ImportSchema::normaliseHeader(e.header.at(c)))
                    current = it.key();
            combo->setCurrentIndex(std::max(0, combo->findData(current)));
            connect(combo, &QComboBox::activated, this, [this, i, c, combo] {
                setColumnField(i, c, combo->currentData().toString());
            });
            table->setCellWidget(c, 2, combo);
        }
        const QString label = QFileInfo(e.path).fileName() + (e.sheet.isEmpty() ? QString() : QStringLiteral(" › ") + e.sheet);
        m_columns->addTab(table, QStringLiteral("%1 (%2)").arg(label, imports::ImportSchema::entityLabel(e.entity)));
    }
    updateButtons();
}

bool ImportWizard::setColumnField(int file, int column, const QString &field)
{
    if (file < 0 || file >= int(m_entries.size()))
        return false;
    Entry &e = *m_entries[file];
    const QString header = e.header.value(column);
    auto *table = qobject_cast<QTableWidget *>(m_columns->widget(file));
    auto *combo = table ? qobject_cast<QComboBox *>(table->cellWidget(column, 2)) : nullptr;
    // The field this column has now.
    QString had;
    for (auto it = e.columns.cbegin(); it != e.columns.cend(); ++it)
        if (imports::ImportSchema::normaliseHeader(it.value()) == imports::ImportSchema::normaliseHeader(header))
            had = it.key();
    if (!field.isEmpty() && e.columns.contains(field) && field != had) {
        m_columnsNote->setText(tr("“%1” is already the column “%2”: one column per field. Set that column to "
                                  "“(not imported)” first.")
                                   .arg(imports::ImportSchema::fieldLabel(e.entity, field), e.columns.value(field)));
        if (combo)
            combo->setCurrentIndex(std::max(0, combo->findData(had)));
        return false;
    }
    if (!had.isEmpty())
        e.columns.remove(had);
    if (!field.isEmpty())
        e.columns.insert(field, header);
    if (combo && combo->currentData().toString() != field)
        combo->setCurrentIndex(std::max(0, combo->findData(field)));
    m_columnsNote->clear();
    m_plan.reset();
    updateButtons();
    return true;
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
    if (target == ColumnsPage && page() == FilesPage)
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
            imports::FileMapping fm = e->mapping;
            if (fm.entity != en) // no mapping for it, or another entity chosen since
                fm = {};
            fm.entity = en;
            fm.file = QFileInfo(e->path).fileName();
            fm.sheet = e->sheet;
            fm.columns = e->columns;
            r.mapping.files << fm;
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
    if (!p.ok()) {
        m_phase->setText(tr("The files cannot be imported: %1").arg(p.fatal));
        m_summary->setPlainText(p.fatal);
        m_plan.reset();
        updateButtons();
        return;
    }
    m_phase->setText(p.refusedRows() > 0
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
    m_import->setVisible(p == CheckPage);
    const bool refused = m_plan && m_plan->refusedRows() > 0;
    m_import->setEnabled(!busy && m_plan && m_plan->ok() && (!refused || m_skipRefused->isChecked()));
    m_skipRefused->setEnabled(refused);
    m_saveRefused->setEnabled(refused && !busy);
}

void ImportWizard::preset(Entity entity, imports::OnDuplicate mode)
{
    for (auto &e : m_entries) {
        e->entity = entity;
        e->columns = imports::suggestColumns(entity, e->header, e->samples);
    }
    m_duplicates->setCurrentIndex(m_duplicates->findData(int(mode)));
    refreshFiles();
}

} // namespace cockpit::ui

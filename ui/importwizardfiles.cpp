// The import wizard's files page (importwizard.h): the files and sheets listed, how each CSV
// is read (its encoding and delimiter, detected and overridable: the header and the columns
// are read again at once), what each holds, a mapping loaded; and the mapping of each header
// set remembered after an import, so the next file with the same headers starts from it.
#include "importwizard_p.h"

#include "imports/importschema.h"
#include "imports/tablesource.h"
#include "io/values.h"
#include "storage/database.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cockpit::ui {

using imports::Entity;

namespace detail {
QString lastImportDir()
{
    return QSettings().value(QStringLiteral("import/last_dir"), QDir::homePath()).toString();
}

QString savedMappingKey(Entity entity, const QStringList &header)
{
    return QStringLiteral("import_mapping:") + imports::headerSetKey(entity, header);
}
} // namespace detail

using detail::lastImportDir;

namespace {
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

const QList<io::TextEncoding> kEncodings = {io::TextEncoding::Utf8, io::TextEncoding::Gb18030, io::TextEncoding::Utf16LE,
                                            io::TextEncoding::Utf16BE};

// The delimiters offered by name; any other character is offered as itself.
QList<QPair<QChar, QString>> delimiterChoices()
{
    return {{QLatin1Char(','), ImportWizard::tr("Comma ,")},
            {QLatin1Char(';'), ImportWizard::tr("Semicolon ;")},
            {QLatin1Char('\t'), ImportWizard::tr("Tab")},
            {QLatin1Char('|'), ImportWizard::tr("Vertical bar |")}};
}
} // namespace

void ImportWizard::buildFilesPage()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    auto *intro = new QLabel(tr("Bring your company's own spreadsheets in: people and org, products, customers and leads "
                                "(CSV or Excel). Nothing is written until you press Import, and the whole import can be "
                                "undone as one step."), page);
    intro->setWordWrap(true);
    v->addWidget(intro);
    m_files = new QTableWidget(0, 6, page);
    m_files->setHorizontalHeaderLabels({tr("File"), tr("Sheet"), tr("Read as"), tr("Encoding"), tr("Delimiter"), tr("Holds")});
    m_files->horizontalHeaderItem(3)->setToolTip(tr("A CSV's encoding: detected from its bytes; choose another when the "
                                                    "headers or values look garbled."));
    m_files->horizontalHeaderItem(4)->setToolTip(tr("What separates a CSV's columns: detected; choose another when the "
                                                    "columns are split wrong."));
    m_files->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 2; c < 6; ++c)
        m_files->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
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

bool ImportWizard::readEntry(Entry &e, QString *error) const
{
    imports::TableSource src;
    imports::SourceOptions so;
    so.sheet = e.sheet;
    so.encoding = e.encoding;
    so.delimiter = e.delimiter;
    if (!src.open(e.path, so)) {
        *error = src.error();
        return false;
    }
    e.workbook = src.isWorkbook();
    e.description = src.describe();
    e.header = src.header();
    e.readEncoding = src.encoding();
    e.readDelimiter = src.delimiter();
    e.samples.clear();
    io::CsvRecord rec;
    while (e.samples.size() < 8 && src.next(rec))
        if (rec.error.isEmpty())
            e.samples << rec.fields;
    return true;
}

void ImportWizard::chooseColumns(Entry &e)
{
    e.fromMapping = false;
    if (applySavedMapping(e, std::nullopt))
        return;
    e.entity = guessEntity(e.header, e.samples);
    e.columns = imports::suggestColumns(e.entity, e.header, e.samples);
    if (const auto order = guessDayOrder(e.samples))
        m_dayOrder->setCurrentIndex(m_dayOrder->findData(int(*order)));
}

bool ImportWizard::applySavedMapping(Entry &e, std::optional<Entity> only)
{
    e.fromSaved = false;
    // The entity the header suggests first: a header set saved as two entities is rare.
    QList<Entity> order;
    if (only) {
        order << *only;
    } else {
        order << guessEntity(e.header, e.samples);
        for (const Entity en : imports::allEntities())
            if (en != order.first())
                order << en;
    }
    QStringList header;
    for (const QString &h : std::as_const(e.header))
        header << imports::ImportSchema::normaliseHeader(h);
    for (const Entity en : std::as_const(order)) {
        const QString json = m_db.setting(detail::savedMappingKey(en, e.header));
        if (json.isEmpty())
            continue;
        QString error;
        const auto saved = imports::ImportMapping::fromJson(json.toUtf8(), &error);
        if (!saved || saved->files.isEmpty() || saved->files.first().entity != en)
            continue;
        imports::FileMapping fm = saved->files.first();
        bool present = true;
        for (const QString &column : std::as_const(fm.columns))
            present = present && header.contains(imports::ImportSchema::normaliseHeader(column));
        if (!present)
            continue;
        fm.file.clear();
        fm.sheet.clear();
        fm.encoding.reset();
        fm.delimiter.reset();
        if (!fm.stageDates.isEmpty() && !m_mapping.pipeline.isSet())
            m_mapping.pipeline = saved->pipeline; // the stages its dates name
        e.entity = en;
        e.mapping = fm;
        e.columns = fm.columns;
        e.fromSaved = true;
        if (saved->dayOrderGiven)
            m_dayOrder->setCurrentIndex(m_dayOrder->findData(int(saved->dayOrder)));
        return true;
    }
    return false;
}

void ImportWizard::rememberMappings()
{
    for (const auto &e : m_entries) {
        imports::ImportMapping saved;
        saved.files = {fileMapping(*e)};
        saved.files.first().sheet.clear(); // any file or sheet with this header set
        if (!saved.files.first().stageDates.isEmpty() && m_mapping.pipeline.isSet())
            saved.pipeline = m_mapping.pipeline; // the stages its dates name (else the company's)
        saved.dayOrder = io::DayOrder(m_dayOrder->currentData().toInt());
        saved.dayOrderGiven = true;
        m_db.setSetting(detail::savedMappingKey(e->entity, e->header), QString::fromUtf8(saved.toJson()));
    }
}

imports::FileMapping ImportWizard::fileMapping(const Entry &e) const
{
    imports::FileMapping fm = e.mapping;
    if (fm.entity != e.entity) // no mapping for it, or another entity chosen since
        fm = {};
    fm.entity = e.entity;
    fm.file = QFileInfo(e.path).fileName();
    fm.sheet = e.sheet;
    fm.columns = e.columns;
    fm.encoding = e.workbook ? std::nullopt : e.encoding;
    fm.delimiter = e.workbook ? std::nullopt : e.delimiter;
    return fm;
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
            auto e = std::make_unique<Entry>();
            e->path = path;
            e->sheet = sheet;
            QString error;
            if (!readEntry(*e, &error)) {
                if (!first.isWorkbook())
                    problems << error;
                continue;
            }
            chooseColumns(*e);
            m_entries.push_back(std::move(e));
        }
    }
    refreshFiles();
    if (!problems.isEmpty())
        QMessageBox::warning(this, tr("Import"), tr("These files cannot be imported:\n\n%1").arg(problems.join(QStringLiteral("\n\n"))));
}

bool ImportWizard::setReadAs(int file, std::optional<io::TextEncoding> encoding, std::optional<QChar> delimiter, QString *error)
{
    if (file < 0 || file >= int(m_entries.size()))
        return false;
    Entry &e = *m_entries[file];
    if (e.workbook) {
        *error = tr("%1 is a workbook: its sheets are read without an encoding or a delimiter.").arg(QFileInfo(e.path).fileName());
        return false;
    }
    Entry read = e;
    read.encoding = encoding;
    read.delimiter = delimiter;
    if (!readEntry(read, error)) {
        *error = tr("%1 cannot be read that way: %2").arg(QFileInfo(e.path).fileName(), *error);
        return false;
    }
    const bool sameHeader = read.header == e.header;
    e = std::move(read);
    // Read anew: the columns follow the new header, unless a loaded mapping names them.
    if (!sameHeader && !e.fromMapping)
        chooseColumns(e);
    refreshFiles();
    return true;
}

bool ImportWizard::loadMapping(const QString &path, QString *error)
{
    auto m = imports::ImportMapping::fromFile(path, error);
    if (!m)
        return false;
    m_mapping = *m;
    int matched = 0;
    QStringList problems;
    for (const imports::FileMapping &fm : m_mapping.files) {
        for (auto &e : m_entries) {
            const bool same = (!fm.file.isEmpty() && QFileInfo(e->path).fileName().compare(fm.file, Qt::CaseInsensitive) == 0
                               && (fm.sheet.isEmpty() || fm.sheet == e->sheet))
                              || (fm.file.isEmpty() && fm.sheet == e->sheet);
            if (!same)
                continue;
            // The mapping's encoding and delimiter, when it gives them: read again that way.
            if (!e->workbook && (fm.encoding != e->encoding || fm.delimiter != e->delimiter)) {
                Entry read = *e;
                read.encoding = fm.encoding;
                read.delimiter = fm.delimiter;
                QString why;
                if (readEntry(read, &why))
                    *e = std::move(read);
                else
                    problems << why;
            }
            e->entity = fm.entity;
            e->mapping = fm;
            e->columns = fm.columns;
            e->fromMapping = true;
            e->fromSaved = false;
            ++matched;
        }
    }
    if (m_mapping.dayOrderGiven)
        m_dayOrder->setCurrentIndex(m_dayOrder->findData(int(m_mapping.dayOrder)));
    if (m_mapping.onDuplicate)
        m_duplicates->setCurrentIndex(m_duplicates->findData(int(*m_mapping.onDuplicate)));
    m_createOrg->setChecked(m_mapping.createOrg);
    QString text = tr("Mapping “%1”: %2 of its %3 files matched the files listed.")
                       .arg(m_mapping.name.isEmpty() ? QFileInfo(path).fileName() : m_mapping.name)
                       .arg(matched).arg(m_mapping.files.size());
    if (!problems.isEmpty())
        text += QLatin1Char(' ') + tr("Not read as it says: %1").arg(problems.join(QStringLiteral("; ")));
    m_mappingLabel->setText(text);
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
        // One combo per row and column, kept across refreshes (a replaced cell widget lingers
        // until the event loop deletes it); their items follow the row's file.
        auto *encoding = qobject_cast<QComboBox *>(m_files->cellWidget(r, 3));
        auto *delimiter = qobject_cast<QComboBox *>(m_files->cellWidget(r, 4));
        auto *combo = qobject_cast<QComboBox *>(m_files->cellWidget(r, 5));
        if (!combo) {
            encoding = new QComboBox(m_files);
            // Wide enough for what they may show, whatever they hold when the table is laid out.
            encoding->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            encoding->setMinimumContentsLength(9);
            connect(encoding, &QComboBox::activated, this, [this, r, encoding] {
                if (r >= int(m_entries.size()) || !encoding->currentData().isValid())
                    return;
                QString error;
                if (!setReadAs(r, io::TextEncoding(encoding->currentData().toInt()), m_entries[r]->delimiter, &error)) {
                    QMessageBox::warning(this, tr("Import"), error);
                    refreshFiles();
                }
            });
            m_files->setCellWidget(r, 3, encoding);
            delimiter = new QComboBox(m_files);
            delimiter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            delimiter->setMinimumContentsLength(13);
            connect(delimiter, &QComboBox::activated, this, [this, r, delimiter] {
                if (r >= int(m_entries.size()) || !delimiter->currentData().isValid())
                    return;
                QString text = delimiter->currentData().toString();
                if (text.isEmpty()) { // Other…
                    bool ok = false;
                    text = QInputDialog::getText(this, tr("Delimiter"), tr("The character between the columns of %1:")
                                                                            .arg(QFileInfo(m_entries[r]->path).fileName()),
                                                 QLineEdit::Normal, QString(), &ok);
                    if (!ok) {
                        refreshFiles();
                        return;
                    }
                }
                const std::optional<QChar> c = imports::delimiterFromName(text);
                QString error = tr("“%1” cannot separate columns: give one character that is not a letter, a digit or a "
                                   "quote.").arg(text);
                if (!c || !setReadAs(r, m_entries[r]->encoding, c, &error)) {
                    QMessageBox::warning(this, tr("Import"), error);
                    refreshFiles();
                }
            });
            m_files->setCellWidget(r, 4, delimiter);
            combo = new QComboBox(m_files);
            for (const Entity en : imports::allEntities())
                combo->addItem(imports::ImportSchema::entityLabel(en), int(en));
            connect(combo, &QComboBox::activated, this, [this, r, combo] {
                if (r >= int(m_entries.size()))
                    return;
                Entry &x = *m_entries[r];
                x.entity = Entity(combo->currentData().toInt());
                if (!applySavedMapping(x, x.entity))
                    x.columns = imports::suggestColumns(x.entity, x.header, x.samples);
                x.fromMapping = false;
                m_plan.reset();
                updateButtons();
            });
            m_files->setCellWidget(r, 5, combo);
        }
        encoding->clear();
        delimiter->clear();
        if (e.workbook) {
            encoding->addItem(QStringLiteral("—"));
            delimiter->addItem(QStringLiteral("—"));
        } else {
            for (const io::TextEncoding en : kEncodings)
                encoding->addItem(io::encodingName(en), int(en));
            encoding->setCurrentIndex(encoding->findData(int(e.readEncoding)));
            for (const auto &d : delimiterChoices())
                delimiter->addItem(d.second, QString(d.first));
            if (delimiter->findData(QString(e.readDelimiter)) < 0)
                delimiter->addItem(QStringLiteral("“%1”").arg(e.readDelimiter), QString(e.readDelimiter));
            delimiter->addItem(tr("Other…"), QString());
            delimiter->setCurrentIndex(delimiter->findData(QString(e.readDelimiter)));
        }
        encoding->setEnabled(!e.workbook);
        delimiter->setEnabled(!e.workbook);
        const QString how = e.encoding || e.delimiter ? tr("Read as you chose.") : tr("Detected from the file.");
        encoding->setToolTip(how);
        delimiter->setToolTip(how);
        combo->setCurrentIndex(combo->findData(int(e.entity)));
    }
    m_plan.reset();
    updateButtons();
}

} // namespace cockpit::ui

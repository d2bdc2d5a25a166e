#include "importpipelinedialog.h"

#include "pinyin/pinyin.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace cockpit::ui {

namespace {
// A code for a new pipeline: its name in lower-case ASCII (Chinese by its pinyin), not the
// code of a pipeline the company has (that would make a new version of it).
QString codeFor(const QString &name, const QList<storage::PipelineSummary> &existing)
{
    QString base;
    for (const QChar c : pinyin::full(name).toLower())
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            base += c;
        else if (!base.isEmpty() && !base.endsWith(u'-'))
            base += u'-';
    while (base.endsWith(u'-'))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("imported");
    base = base.left(40);
    auto taken = [&](const QString &code) {
        return std::any_of(existing.begin(), existing.end(), [&](const storage::PipelineSummary &p) { return p.code == code; });
    };
    QString code = base;
    for (int n = 2; taken(code); ++n)
        code = base + QLatin1Char('-') + QString::number(n);
    return code;
}
} // namespace

ImportPipelineDialog::ImportPipelineDialog(const QList<imports::ValueCount> &stages,
                                           const QList<storage::PipelineSummary> &existing,
                                           const QHash<QString, QList<imports::MappedStage>> &existingStages,
                                           const imports::MappedPipeline &current, QWidget *parent)
    : QDialog(parent), m_existing(existing), m_existingStages(existingStages), m_current(current), m_fileStages(stages)
{
    setWindowTitle(tr("Create a pipeline from the stages"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The leads go into a pipeline made of the stages the file names. Put them in the order a "
                                "lead goes through them and mark the one won leads end in. Lost is not a stage: a lost "
                                "lead keeps the stage it was lost in, with the status lost."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_new = new QRadioButton(tr("A new pipeline"), this);
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("its name"));
    auto *newRow = new QHBoxLayout;
    newRow->addWidget(m_new);
    newRow->addWidget(m_name, 1);
    m_version = new QRadioButton(tr("A new version of"), this);
    m_of = new QComboBox(this);
    for (const storage::PipelineSummary &p : existing)
        m_of->addItem(tr("%1 (now version %2, %n stage(s))", nullptr, p.stageCount).arg(p.name).arg(p.version), p.code);
    auto *versionRow = new QHBoxLayout;
    versionRow->addWidget(m_version);
    versionRow->addWidget(m_of, 1);
    form->addRow(tr("Create:"), newRow);
    form->addRow(QString(), versionRow);
    layout->addLayout(form);
    m_version->setEnabled(!existing.isEmpty());
    m_of->setEnabled(false);
    m_version->setToolTip(tr("Leads already in that pipeline stay on the version they are on; the imported leads go "
                             "into the new version."));

    auto *middle = new QHBoxLayout;
    m_table = new QTableWidget(0, 3, this);
    m_table->setHorizontalHeaderLabels({tr("Stage"), tr("Rows in the file"), tr("Is")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    middle->addWidget(m_table, 1);
    auto *side = new QVBoxLayout;
    m_up = new QPushButton(tr("Move &up"), this);
    m_down = new QPushButton(tr("Move &down"), this);
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setToolTip(tr("Leaves out a stage no row of the file is in."));
    side->addWidget(m_up);
    side->addWidget(m_down);
    side->addWidget(m_remove);
    side->addStretch(1);
    middle->addLayout(side);
    layout->addLayout(middle, 1);

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(tr("Create and check again"), QDialogButtonBox::AcceptRole);
    m_ok->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_up, &QPushButton::clicked, this, [this] { moveStage(m_table->currentRow(), -1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveStage(m_table->currentRow(), +1); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeStage(m_table->currentRow()); });
    connect(m_table, &QTableWidget::currentCellChanged, this, &ImportPipelineDialog::check);
    connect(m_name, &QLineEdit::textChanged, this, &ImportPipelineDialog::check);
    connect(m_new, &QRadioButton::toggled, this, [this](bool on) {
        m_name->setEnabled(on);
        m_of->setEnabled(!on);
        if (!on)
            rebuild(m_existingStages.value(m_of->currentData().toString()));
        check();
    });
    connect(m_of, &QComboBox::currentIndexChanged, this, [this] {
        if (m_version->isChecked())
            rebuild(m_existingStages.value(m_of->currentData().toString()));
        check();
    });

    // A mapping's pipeline the company has: a new version of it; else a new one, named as
    // the mapping names it.
    const int had = current.isSet() ? m_of->findData(current.code) : -1;
    rebuild(current.stages);
    if (had >= 0) {
        m_of->setCurrentIndex(had);
        m_version->setChecked(true);
        rebuild(current.stages); // the mapping's order, not the stored version's
    } else {
        m_new->setChecked(true);
        m_name->setText(current.name);
    }
    m_name->setEnabled(m_new->isChecked());
    m_of->setEnabled(m_version->isChecked());
    if (m_table->rowCount() > 0)
        m_table->setCurrentCell(0, 0);
    m_table->resizeColumnsToContents();
    check();
    resize(720, 480);
}

void ImportPipelineDialog::rebuild(const QList<imports::MappedStage> &base)
{
    // `base`'s stages in its order, with the file's rows (0: no row is in it yet); the file's
    // other open stages before the first closing one, its closing ones last.
    QList<imports::ValueCount> ordered;
    QList<QString> closing;
    auto rowsOf = [&](const QString &name) {
        const auto v = std::find_if(m_fileStages.begin(), m_fileStages.end(), [&](const imports::ValueCount &x) { return x.value == name; });
        return v != m_fileStages.end() ? v->rows : 0;
    };
    for (const imports::MappedStage &st : base) {
        ordered << imports::ValueCount{st.name, rowsOf(st.name)};
        closing << st.closing;
    }
    auto has = [&](const QString &name) {
        return std::any_of(ordered.begin(), ordered.end(), [&](const imports::ValueCount &x) { return x.value == name; });
    };
    for (const imports::ValueCount &v : std::as_const(m_fileStages)) {
        if (has(v.value) || !imports::closingOfStage(v.value).isEmpty())
            continue;
        const qsizetype at = std::find_if(closing.begin(), closing.end(), [](const QString &c) { return !c.isEmpty(); }) - closing.begin();
        ordered.insert(at, v);
        closing.insert(at, QString());
    }
    for (const imports::ValueCount &v : std::as_const(m_fileStages)) {
        if (has(v.value))
            continue;
        ordered << v;
        closing << imports::closingOfStage(v.value);
    }
    m_table->setRowCount(0);
    m_stages.clear();
    for (int i = 0; i < ordered.size(); ++i) {
        m_table->insertRow(i);
        m_stages << ordered.at(i);
        fillRow(i, ordered.at(i), closing.at(i));
    }
    if (m_table->rowCount() > 0)
        m_table->setCurrentCell(0, 0);
    check();
}

bool ImportPipelineDialog::removeStage(int row)
{
    if (row < 0 || row >= m_table->rowCount() || m_stages.at(row).rows > 0)
        return false;
    m_stages.removeAt(row);
    m_table->removeRow(row);
    check();
    return true;
}

void ImportPipelineDialog::fillRow(int row, const imports::ValueCount &stage, const QString &closing)
{
    m_table->setItem(row, 0, new QTableWidgetItem(stage.value));
    auto *rows = new QTableWidgetItem(QLocale().toString(stage.rows));
    rows->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->setItem(row, 1, rows);
    auto *combo = new QComboBox(m_table);
    combo->addItem(tr("An open stage"), QString());
    combo->addItem(tr("Won: where won leads end"), QStringLiteral("won"));
    combo->addItem(tr("Lost: the status lost"), QStringLiteral("lost"));
    combo->setCurrentIndex(std::max(0, combo->findData(closing)));
    connect(combo, &QComboBox::currentIndexChanged, this, &ImportPipelineDialog::check);
    m_table->setCellWidget(row, 2, combo);
}

QString ImportPipelineDialog::closingAt(int row) const
{
    const auto *combo = qobject_cast<QComboBox *>(m_table->cellWidget(row, 2));
    return combo ? combo->currentData().toString() : QString();
}

bool ImportPipelineDialog::moveStage(int row, int by)
{
    const int to = row + by;
    if (row < 0 || to < 0 || row >= m_table->rowCount() || to >= m_table->rowCount())
        return false;
    const QString a = closingAt(row), b = closingAt(to);
    m_stages.swapItemsAt(row, to);
    fillRow(row, m_stages.at(row), b);
    fillRow(to, m_stages.at(to), a);
    m_table->setCurrentCell(to, 0);
    check();
    return true;
}

bool ImportPipelineDialog::setClosing(int row, const QString &closing)
{
    auto *combo = qobject_cast<QComboBox *>(m_table->cellWidget(row, 2));
    const int i = combo ? combo->findData(closing) : -1;
    if (i < 0)
        return false;
    combo->setCurrentIndex(i);
    return true;
}

void ImportPipelineDialog::setNewPipeline(const QString &name)
{
    m_new->setChecked(true);
    m_name->setText(name);
}

bool ImportPipelineDialog::setNewVersionOf(const QString &code)
{
    const int i = m_of->findData(code);
    if (i < 0)
        return false;
    m_version->setChecked(true);
    m_of->setCurrentIndex(i);
    return true;
}

imports::MappedPipeline ImportPipelineDialog::pipeline() const
{
    imports::MappedPipeline p;
    if (m_version->isChecked() && m_of->currentIndex() >= 0) {
        const storage::PipelineSummary &s = m_existing.at(m_of->currentIndex());
        p.code = s.code;
        p.name = s.name;
    } else {
        p.name = m_name->text().trimmed();
        // The loaded mapping's code while its name stands (the company has no such pipeline).
        p.code = m_current.isSet() && p.name == m_current.name && !m_current.code.isEmpty() ? m_current.code
                                                                                            : codeFor(p.name, m_existing);
    }
    for (int r = 0; r < m_table->rowCount(); ++r)
        p.stages << imports::MappedStage{m_stages.at(r).value, closingAt(r)};
    return p;
}

QString ImportPipelineDialog::problem() const
{
    int won = 0, open = 0;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        won += closingAt(r) == QLatin1String("won");
        open += closingAt(r).isEmpty();
    }
    if (m_new->isChecked() && m_name->text().trimmed().isEmpty())
        return tr("Give the new pipeline a name.");
    if (won != 1)
        return tr("Mark one stage as the won one (now %1).").arg(won);
    if (open == 0)
        return tr("A pipeline needs at least one open stage.");
    return {};
}

void ImportPipelineDialog::check()
{
    const QString why = problem();
    m_problem->setText(why);
    m_ok->setEnabled(why.isEmpty());
    const int row = m_table->currentRow();
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_table->rowCount());
    m_remove->setEnabled(row >= 0 && row < m_stages.size() && m_stages.at(row).rows == 0);
}

} // namespace cockpit::ui

#include "importvaluesdialog.h"

#include "imports/importschema.h"
#include "pinyin/pinyin.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cockpit::ui {

namespace {
// A first guess: the choice whose name or pinyin holds the value, or the value theirs, when
// only one does ("Zhang San" → 张三, "初步接触" stays unguessed). `folded`: the choices lower
// case without spaces, `readings` their pinyin (worked out once per field).
int guess(const QString &value, const QStringList &folded, const QStringList &readings)
{
    const QString v = value.toLower().remove(u' ');
    int found = -1;
    for (int i = 0; i < folded.size(); ++i) {
        const QString &c = folded.at(i);
        const QString &py = readings.at(i);
        if (v.isEmpty() || !(c.contains(v) || v.contains(c) || (!py.isEmpty() && py == v)))
            continue;
        if (found >= 0)
            return -1;
        found = i;
    }
    return found;
}
} // namespace

ImportValuesDialog::ImportValuesDialog(const imports::ImportPlan &plan, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Match values"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("These values are not stages of the pipeline or people the company has. Choose what "
                                "each one is; rows with a value left unmatched stay refused."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table = new QTableWidget(int(plan.unmatched.size()), 5, this);
    m_table->setHorizontalHeaderLabels({tr("File"), tr("Field"), tr("Value in the file"), tr("Rows"), tr("Read as")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    QHash<QString, std::pair<QStringList, QStringList>> folded; // field → choices folded, their pinyin
    for (auto it = plan.choices.cbegin(); it != plan.choices.cend(); ++it) {
        auto &[names, readings] = folded[it.key()];
        for (const QString &c : *it) {
            names << QString(c).toLower().remove(u' ');
            readings << pinyin::full(c);
        }
    }
    for (int r = 0; r < int(plan.unmatched.size()); ++r) {
        const imports::UnmatchedValue &u = plan.unmatched[r];
        const imports::FilePlan &f = plan.files.at(u.file);
        m_rows << Match{u.file, u.field, u.value, {}};
        m_table->setItem(r, 0, new QTableWidgetItem(QFileInfo(f.path).fileName() + (f.mapping.sheet.isEmpty() ? QString() : QStringLiteral(" · ") + f.mapping.sheet)));
        m_table->setItem(r, 1, new QTableWidgetItem(imports::ImportSchema::fieldLabel(f.mapping.entity, u.field)));
        m_table->setItem(r, 2, new QTableWidgetItem(u.value));
        auto *rows = new QTableWidgetItem(QLocale().toString(u.rows));
        rows->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(r, 3, rows);
        auto *combo = new QComboBox(m_table);
        combo->addItem(tr("(leave unmatched)"), QString());
        const QStringList choices = plan.choices.value(u.field);
        for (const QString &c : choices)
            combo->addItem(c, c);
        const auto &[names, readings] = folded[u.field];
        if (const int g = guess(u.value, names, readings); g >= 0)
            combo->setCurrentIndex(g + 1);
        m_table->setCellWidget(r, 4, combo);
    }
    m_table->resizeColumnsToContents();
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *ok = buttons->addButton(tr("Match and check again"), QDialogButtonBox::AcceptRole);
    ok->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, 420);
}

QList<ImportValuesDialog::Match> ImportValuesDialog::matches() const
{
    QList<Match> out;
    for (int r = 0; r < m_rows.size(); ++r) {
        const auto *combo = qobject_cast<QComboBox *>(m_table->cellWidget(r, 4));
        const QString choice = combo ? combo->currentData().toString() : QString();
        if (choice.isEmpty())
            continue;
        Match m = m_rows.at(r);
        m.readAs = choice;
        out << m;
    }
    return out;
}

bool ImportValuesDialog::choose(int row, const QString &choice)
{
    auto *combo = qobject_cast<QComboBox *>(m_table->cellWidget(row, 4));
    const int i = combo ? combo->findText(choice) : -1;
    if (i < 0)
        return false;
    combo->setCurrentIndex(i);
    return true;
}

} // namespace cockpit::ui

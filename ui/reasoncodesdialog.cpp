#include "reasoncodesdialog.h"

#include "forecast/revisions.h"
#include "widgethelpers.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QKeyEvent>
#include <QVBoxLayout>

namespace cockpit::ui {

ReasonCodesDialog::ReasonCodesDialog(storage::Database &db, const QStringList &codes, const QStringList &defaults,
                                     QWidget *parent)
    : QDialog(parent), m_db(db), m_defaults(defaults)
{
    setObjectName(QStringLiteral("reasonCodesDialog"));
    setWindowTitle(tr("Forecast revision reason codes"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The codes a manager picks from when revising a forecast, in the order offered. Double-click "
                                "or press F2 to rename one. Revisions already saved keep their code."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("reasonCodes"));
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    for (const QString &c : codes) {
        auto *item = new QListWidgetItem(c, m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    auto *buttons = new QVBoxLayout;
    auto *add = new QPushButton(tr("&Add"), this);
    add->setToolTip(tr("Add a reason code (Ins)"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setToolTip(tr("Remove the selected code from the list (Del)"));
    m_up = new QPushButton(tr("Move &up"), this);
    m_up->setToolTip(tr("Offer it earlier (Alt+Up)"));
    m_down = new QPushButton(tr("Move &down"), this);
    m_down->setToolTip(tr("Offer it later (Alt+Down)"));
    auto *restore = new QPushButton(tr("Restore &defaults"), this);
    restore->setToolTip(tr("The list the product starts with and every code used in this file"));
    for (QPushButton *b : {add, m_remove, m_up, m_down, restore})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *middle = new QHBoxLayout;
    middle->addWidget(m_list, 1);
    middle->addLayout(buttons);
    layout->addLayout(middle, 1);
    m_error = ui::errorLabel(this);
    m_error->setObjectName(QStringLiteral("reasonCodesError"));
    layout->addWidget(m_error);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(box);

    connect(add, &QPushButton::clicked, this, &ReasonCodesDialog::addCode);
    connect(m_remove, &QPushButton::clicked, this, &ReasonCodesDialog::removeCurrent);
    connect(m_up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(restore, &QPushButton::clicked, this, &ReasonCodesDialog::restoreDefaults);
    connect(box, &QDialogButtonBox::accepted, this, &ReasonCodesDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &ReasonCodesDialog::updateButtons);
    m_list->installEventFilter(this); // Ins, Del, Alt+Up, Alt+Down on the list
    m_list->setCurrentRow(0);
    updateButtons();
    resize(520, 420);
}

bool ReasonCodesDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) { // (an open editor gets its own keys)
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool alt = key->modifiers() & Qt::AltModifier;
        if (key->key() == Qt::Key_Insert) {
            addCode();
            return true;
        }
        if (key->key() == Qt::Key_Delete) {
            removeCurrent();
            return true;
        }
        if (alt && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            moveCurrent(key->key() == Qt::Key_Up ? -1 : 1);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

QStringList ReasonCodesDialog::codes() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

void ReasonCodesDialog::addCode()
{
    auto *item = new QListWidgetItem(QString(), m_list);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    m_list->setCurrentItem(item);
    m_list->editItem(item);
    updateButtons();
}

void ReasonCodesDialog::removeCurrent()
{
    delete m_list->takeItem(m_list->currentRow());
    updateButtons();
}

void ReasonCodesDialog::moveCurrent(int by)
{
    const int row = m_list->currentRow(), to = row + by;
    if (row < 0 || to < 0 || to >= m_list->count())
        return;
    QListWidgetItem *item = m_list->takeItem(row);
    m_list->insertItem(to, item);
    m_list->setCurrentRow(to);
}

void ReasonCodesDialog::restoreDefaults()
{
    m_list->clear();
    for (const QString &c : std::as_const(m_defaults)) {
        auto *item = new QListWidgetItem(c, m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    m_list->setCurrentRow(0);
    updateButtons();
}

void ReasonCodesDialog::accept()
{
    QString error;
    if (!forecast::RevisionRepository(m_db).saveReasons(codes(), &error)) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    QDialog::accept();
}

void ReasonCodesDialog::updateButtons()
{
    const int row = m_list->currentRow();
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_list->count());
}

} // namespace cockpit::ui

#include "shortcutsdialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace cockpit::ui {

namespace {

QString keysText(const QList<QKeySequence> &keys)
{
    QStringList parts;
    for (const QKeySequence &k : keys)
        if (!k.isEmpty())
            parts << k.toString(QKeySequence::NativeText);
    return parts.join(QStringLiteral(", "));
}

// Where an object belongs: its menu (for a menu action), else the nearest ancestor marked
// with "shortcutGroup", else the nearest window other than `root` by its title.
std::pair<QString, int> groupOf(const QObject *object, const QWidget *root)
{
    if (const auto *action = qobject_cast<const QAction *>(object)) {
        for (QObject *o : action->associatedObjects()) {
            const auto *menu = qobject_cast<const QMenu *>(o);
            if (!menu)
                continue;
            int order = 50;
            for (QObject *owner : menu->menuAction()->associatedObjects())
                if (const auto *bar = qobject_cast<const QMenuBar *>(owner))
                    order = int(bar->actions().indexOf(menu->menuAction()));
            return {ShortcutsDialog::plainText(menu->title()), order};
        }
    }
    for (const QObject *p = object; p; p = p->parent()) {
        const auto *w = qobject_cast<const QWidget *>(p);
        if (!w)
            continue;
        const QVariant group = w->property("shortcutGroup");
        if (group.isValid())
            return {group.toString(), 100 + w->property("shortcutOrder").toInt()};
        if (w->isWindow() && w != root)
            return {ShortcutsDialog::plainText(w->windowTitle()), 1000};
    }
    return {ShortcutsDialog::tr("Main window"), 900};
}

bool insideShortcutsDialog(const QObject *object)
{
    for (const QObject *p = object; p; p = p->parent())
        if (qobject_cast<const ShortcutsDialog *>(p))
            return true;
    return false;
}

} // namespace

QString ShortcutsDialog::plainText(QString text)
{
    static const QRegularExpression cjkMnemonic(QStringLiteral("\\(&[^&]\\)"));
    text.remove(cjkMnemonic);
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('&'))
                out += text.at(++i);
            continue;
        }
        out += text.at(i);
    }
    if (out.endsWith(QStringLiteral("…")))
        out.chop(1);
    else if (out.endsWith(QLatin1String("...")))
        out.chop(3);
    return out.section(QLatin1Char('\t'), 0, 0).trimmed();
}

QVector<ShortcutEntry> ShortcutsDialog::collect(const QWidget *root)
{
    QVector<ShortcutEntry> out;
    auto add = [&](const QObject *object, const QString &keys, const QString &text) {
        if (keys.isEmpty() || insideShortcutsDialog(object))
            return;
        const auto [group, order] = groupOf(object, root);
        out.push_back({group, keys, text, order});
    };
    for (const QAction *a : root->findChildren<QAction *>()) {
        if (a->isSeparator() || a->menu())
            continue;
        add(a, keysText(a->shortcuts()), plainText(a->text().isEmpty() ? a->toolTip() : a->text()));
    }
    for (const QShortcut *s : root->findChildren<QShortcut *>())
        add(s, keysText(s->keys()), plainText(s->whatsThis()));
    // Buttons with a shortcut of their own (not the Alt+letter a "&" in their text gives).
    static const QRegularExpression keysInTip(QStringLiteral("\\s*[(（][^()（）]*[)）]$"));
    for (const QAbstractButton *b : root->findChildren<QAbstractButton *>()) {
        const QKeySequence k = b->shortcut();
        if (k.isEmpty() || k == QKeySequence::mnemonic(b->text()))
            continue;
        QString text = b->toolTip();
        text.remove(keysInTip); // "Previous period (Alt+Left)" says its keys already
        add(b, keysText({k}), plainText(text.isEmpty() ? b->text() : text));
    }
    std::stable_sort(out.begin(), out.end(), [](const ShortcutEntry &a, const ShortcutEntry &b) {
        return a.groupOrder < b.groupOrder || (a.groupOrder == b.groupOrder && a.group < b.group);
    });
    return out;
}

ShortcutsDialog::ShortcutsDialog(const QWidget *root, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    m_entries = collect(root);
    auto *intro = new QLabel(tr("Every shortcut of this window, read from the window itself. Most of them work "
                                "on the screen they are listed under."), this);
    intro->setWordWrap(true);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter shortcuts…"));
    m_filter->setClearButtonEnabled(true);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("shortcutsTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Keys"), tr("Does")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutsDialog::setFilter);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(620, 640);
    fill();
}

void ShortcutsDialog::fill()
{
    m_tree->clear();
    QTreeWidgetItem *group = nullptr;
    QFont bold = font();
    bold.setWeight(QFont::DemiBold);
    for (const ShortcutEntry &e : std::as_const(m_entries)) {
        if (!group || group->text(0) != e.group) {
            group = new QTreeWidgetItem(m_tree, {e.group});
            group->setFirstColumnSpanned(true);
            group->setFont(0, bold);
            group->setFlags(Qt::ItemIsEnabled);
        }
        new QTreeWidgetItem(group, {e.keys, e.text});
    }
    m_tree->expandAll();
}

void ShortcutsDialog::setFilter(const QString &text)
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        const bool groupMatches = group->text(0).contains(text, Qt::CaseInsensitive);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const bool match = groupMatches || item->text(0).contains(text, Qt::CaseInsensitive)
                               || item->text(1).contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
            shown += match;
        }
        group->setHidden(shown == 0);
    }
}

} // namespace cockpit::ui

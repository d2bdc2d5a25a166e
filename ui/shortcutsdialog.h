#pragma once
// Help › Keyboard shortcuts: every shortcut that exists in a window, read from its QActions,
// QShortcuts and buttons with a shortcut of their own, grouped by menu or screen. Generated
// each time it opens, so it cannot go stale.
#include <QDialog>
#include <QVector>

class QLineEdit;
class QTreeWidget;

namespace cockpit::ui {

struct ShortcutEntry
{
    QString group; // the menu title or the screen ("View", "Leads")
    QString keys;  // "Ctrl+Shift+Z, Ctrl+Y" as the platform writes them
    QString text;  // what it does, without mnemonics ("Undo")
    int groupOrder = 0;
};

class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    ShortcutsDialog(const QWidget *root, QWidget *parent = nullptr);
    // What `root` and its children define, groups in order: the menu bar's menus left to
    // right, then the widgets marked with the dynamic properties "shortcutGroup" (a title)
    // and "shortcutOrder" (an int, 0–799), then other windows by title.
    static QVector<ShortcutEntry> collect(const QWidget *root);
    // A menu or action text as read: "&Undo" → "Undo", "文件(&F)" → "文件", "Open…" → "Open".
    static QString plainText(QString text);

    const QVector<ShortcutEntry> &entries() const { return m_entries; }
    QTreeWidget *tree() const { return m_tree; }
    void setFilter(const QString &text);

private:
    void fill();

    QVector<ShortcutEntry> m_entries;
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
};

} // namespace cockpit::ui

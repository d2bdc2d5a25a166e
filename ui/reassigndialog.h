#pragma once
// "Reassign to…" for the selected leads: pick one active sales rep from a list searchable
// by name, full pinyin and initials (lq → 李强), each shown with team and open load.
#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QListWidget;

namespace cockpit {
class Catalog;
class Clock;
namespace storage {
class Database;
}
} // namespace cockpit

namespace cockpit::ui {

class ReassignDialog : public QDialog
{
    Q_OBJECT
public:
    ReassignDialog(Catalog &catalog, storage::Database &db, const Clock &clock, int leadCount,
                   QWidget *parent = nullptr);

    QString chosenRepId() const;
    QString chosenRepName() const;
    QLineEdit *search() const { return m_search; }
    QListWidget *list() const { return m_list; }

private:
    void filter();

    Catalog &m_catalog;
    QLineEdit *m_search;
    QListWidget *m_list;
    QDialogButtonBox *m_buttons;
};

} // namespace cockpit::ui

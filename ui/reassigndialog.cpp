#include "reassigndialog.h"

#include "assign/assignstore.h"
#include "items/catalog.h"
#include "domain/clock.h"
#include "pinyin/pinyinindex.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace cockpit::ui {

namespace {
constexpr int kRepIdRole = Qt::UserRole + 1;
constexpr int kCatalogUserRole = Qt::UserRole + 2;
constexpr int kNameRole = Qt::UserRole + 3;
} // namespace

ReassignDialog::ReassignDialog(Catalog &catalog, storage::Database &db, const Clock &clock, int leadCount,
                               QWidget *parent)
    : QDialog(parent), m_catalog(catalog)
{
    setObjectName(QStringLiteral("reassignDialog"));
    setWindowTitle(tr("Reassign leads"));
    setMinimumSize(420, 460);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Reassign %n selected lead(s) to:", nullptr, leadCount), this));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("repSearch"));
    m_search->setPlaceholderText(tr("Search name or pinyin (lq → 李强)…"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("repList"));
    layout->addWidget(m_list, 1);
    auto *hint = new QLabel(tr("Active sales reps only. The load cap does not apply to a rep you choose."), this);
    hint->setObjectName(QStringLiteral("muted"));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Reassign"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Reps with their team and open load, in pinyin order.
    assign::AssignStore store(db);
    std::vector<assign::Rep> reps;
    assign::OrgNames names;
    QString error;
    if (!store.loadReps(clock.now(), 180, &reps, &names, &error)) {
        m_list->addItem(error);
        return;
    }
    const assign::Assigner assigner(reps, store.options(clock.now(), 0), names);
    const std::vector<int> &rank = catalog.userSortRank();
    std::vector<int> order;
    for (int i = 0; i < int(reps.size()); ++i)
        if (assigner.isActive(i))
            order.push_back(i);
    auto rankOf = [&](int i) {
        const int u = catalog.index().user(reps[size_t(i)].id);
        return u >= 0 && u < int(rank.size()) ? rank[size_t(u)] : int(rank.size());
    };
    std::sort(order.begin(), order.end(), [&](int a, int b) { return rankOf(a) < rankOf(b); });
    for (int i : order) {
        const assign::Rep &r = reps[size_t(i)];
        auto *item = new QListWidgetItem(tr("%1 · %2 · %3 open").arg(r.name, assigner.teamName(i)).arg(r.openLoad), m_list);
        item->setData(kRepIdRole, r.id);
        item->setData(kNameRole, r.name);
        item->setData(kCatalogUserRole, catalog.index().user(r.id));
    }
    connect(m_search, &QLineEdit::textChanged, this, &ReassignDialog::filter);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(row >= 0 && !m_list->item(row)->isHidden());
    });
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    m_search->setFocus();
}

void ReassignDialog::filter()
{
    const PinyinQuery query(m_search->text());
    const PinyinIndex &index = m_catalog.userSearch();
    int first = -1;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const int u = item->data(kCatalogUserRole).toInt();
        const bool show = query.isEmpty() || (u >= 0 && u < index.size() && index.matches(u, query));
        item->setHidden(!show);
        if (show && first < 0)
            first = row;
    }
    // The first match is ready for Enter.
    m_list->setCurrentRow(first);
}

QString ReassignDialog::chosenRepId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item && !item->isHidden() ? item->data(kRepIdRole).toString() : QString();
}

QString ReassignDialog::chosenRepName() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(kNameRole).toString() : QString();
}

} // namespace cockpit::ui

#include "filterbar.h"

#include "items/catalog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSignalBlocker>

namespace cockpit::ui {

FilterBar::FilterBar(const QString &searchHint, QWidget *parent) : QWidget(parent)
{
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setPlaceholderText(searchHint);
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    m_layout->addWidget(m_search, 2);
    connect(m_search, &QLineEdit::textChanged, this, &FilterBar::searchChanged);
}

QComboBox *FilterBar::addFilter(const QString &allText, const QString &objectName)
{
    auto *combo = new QComboBox(this);
    combo->setObjectName(objectName);
    combo->addItem(allText, -1);
    // Long entries ("Standard B2B funnel · Quote and negotiation") must not widen the window
    // past 1366 px; the popup still shows them whole.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(6);
    combo->setMaxVisibleItems(20);
    m_layout->addWidget(combo, 1);
    connect(combo, &QComboBox::currentIndexChanged, this, &FilterBar::filtersChanged);
    return combo;
}

void FilterBar::setItems(QComboBox *combo, const QList<std::pair<QString, int>> &items)
{
    const QSignalBlocker block(combo);
    const int current = value(combo);
    const QString allText = combo->itemText(0);
    combo->clear();
    combo->addItem(allText, -1);
    int keep = 0;
    for (const auto &[text, v] : items) {
        combo->addItem(text, v);
        if (v == current)
            keep = combo->count() - 1;
    }
    combo->setCurrentIndex(keep);
}

int FilterBar::value(const QComboBox *combo)
{
    return combo->currentData().isValid() ? combo->currentData().toInt() : -1;
}

FilterBar::Items FilterBar::regionItems(const Catalog &catalog)
{
    Items items;
    const auto &regions = catalog.data().regions;
    for (int i = 0; i < int(regions.size()); ++i)
        items.append({regions[size_t(i)].name, i});
    return items;
}

FilterBar::Items FilterBar::cityItems(const Catalog &catalog, int region)
{
    Items items;
    const auto &cities = catalog.data().cities;
    for (int i = 0; i < int(cities.size()); ++i)
        if (region < 0 || cities[size_t(i)].region == region)
            items.append({cities[size_t(i)].name, i});
    return items;
}

FilterBar::Items FilterBar::teamItems(const Catalog &catalog, int region, int city)
{
    Items items;
    const auto &teams = catalog.data().teams;
    for (int i = 0; i < int(teams.size()); ++i) {
        const auto &t = teams[size_t(i)];
        if ((region < 0 || t.region == region) && (city < 0 || t.city == city))
            items.append({t.name, i});
    }
    return items;
}

FilterBar::Items FilterBar::salesOwnerItems(const Catalog &catalog, int region, int city, int team)
{
    Items items;
    const auto &users = catalog.data().users;
    for (int i = 0; i < int(users.size()); ++i) {
        const auto &u = users[size_t(i)];
        if (u.role != QLatin1String("sales"))
            continue;
        if ((region < 0 || u.region == region) && (city < 0 || u.city == city) && (team < 0 || u.team == team))
            items.append({u.left ? tr("%1 (left)").arg(u.name) : u.name, i});
    }
    return items;
}

} // namespace cockpit::ui

#include "filterbar.h"

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
    connect(m_search, &QLineEdit::textChanged, this, &FilterBar::changed);
}

QComboBox *FilterBar::addFilter(const QString &allText, const QString &objectName)
{
    auto *combo = new QComboBox(this);
    combo->setObjectName(objectName);
    combo->addItem(allText, -1);
    // Long entries ("Standard B2B funnel · Quote and negotiation") must not widen the window
    // past 1366 px; the popup still shows them whole.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(9);
    combo->setMaxVisibleItems(20);
    m_layout->addWidget(combo, 1);
    connect(combo, &QComboBox::currentIndexChanged, this, &FilterBar::changed);
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

} // namespace cockpit::ui

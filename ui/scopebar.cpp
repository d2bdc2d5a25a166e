#include "scopebar.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace cockpit::ui {

using analytics::OrgLevel;
using analytics::OrgScope;
using analytics::Period;
using analytics::PeriodKind;

ScopeBar::ScopeBar(analytics::ScopeState &state, QWidget *parent) : QWidget(parent), m_state(state)
{
    setObjectName(QStringLiteral("scopeBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("periodKind"));
    m_kind->addItem(tr("Week"), int(PeriodKind::Week));
    m_kind->addItem(tr("Month"), int(PeriodKind::Month));
    m_kind->addItem(tr("Quarter"), int(PeriodKind::Quarter));
    m_kind->addItem(tr("Year"), int(PeriodKind::Year));
    m_kind->addItem(tr("Year to date"), int(PeriodKind::YearToDate));
    m_kind->addItem(tr("Custom"), int(PeriodKind::Custom));
    m_kind->setToolTip(tr("Period"));
    m_prev = new QToolButton(this);
    m_prev->setText(QStringLiteral("‹"));
    m_prev->setToolTip(tr("Previous period (Alt+Left)"));
    m_prev->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_next = new QToolButton(this);
    m_next->setText(QStringLiteral("›"));
    m_next->setToolTip(tr("Next period (Alt+Right)"));
    m_next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("periodLabel"));
    m_label->setMinimumWidth(150);
    m_label->setAlignment(Qt::AlignCenter);
    QFont bold = m_label->font();
    bold.setWeight(QFont::DemiBold);
    m_label->setFont(bold);
    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_from->setToolTip(tr("First day"));
    m_to->setToolTip(tr("Last day"));
    m_org = new QComboBox(this);
    m_org->setObjectName(QStringLiteral("orgPicker"));
    m_org->setToolTip(tr("Org: whole company, a region, a city or a team"));
    m_org->setMinimumContentsLength(14);
    m_org->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto *orgLabel = new QLabel(tr("&Org:"), this);
    orgLabel->setBuddy(m_org);
    auto *periodLabel = new QLabel(tr("&Period:"), this);
    periodLabel->setBuddy(m_kind);
    layout->addWidget(periodLabel);
    layout->addWidget(m_kind);
    layout->addWidget(m_prev);
    layout->addWidget(m_label);
    layout->addWidget(m_next);
    layout->addWidget(m_from);
    layout->addWidget(m_to);
    layout->addSpacing(12);
    layout->addWidget(orgLabel);
    layout->addWidget(m_org);
    layout->addStretch(1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ScopeBar::applyKind);
    connect(m_prev, &QToolButton::clicked, this, [this] { m_state.setPeriod(m_state.scope().period.previous()); });
    connect(m_next, &QToolButton::clicked, this, [this] { m_state.setPeriod(m_state.scope().period.next()); });
    connect(m_from, &QDateEdit::dateChanged, this, &ScopeBar::applyCustom);
    connect(m_to, &QDateEdit::dateChanged, this, &ScopeBar::applyCustom);
    connect(m_org, &QComboBox::currentIndexChanged, this, &ScopeBar::applyOrg);
    connect(&m_state, &analytics::ScopeState::scopeChanged, this, &ScopeBar::syncFromState);
    m_org->addItem(tr("Whole company"));
    syncFromState();
}

void ScopeBar::addTrailingWidget(QWidget *widget)
{
    static_cast<QHBoxLayout *>(layout())->addWidget(widget);
}

void ScopeBar::setOrgUnits(const analytics::OrgUnits &units)
{
    m_syncing = true;
    m_org->clear();
    m_org->addItem(tr("Whole company"), QVariantList{int(OrgLevel::Company), QString()});
    const QString indent = QStringLiteral("    ");
    for (const analytics::OrgUnit &region : units.regions) {
        m_org->addItem(region.name, QVariantList{int(OrgLevel::Region), region.id});
        for (const analytics::OrgUnit &city : units.cities) {
            if (city.regionId != region.id)
                continue;
            m_org->addItem(indent + city.name, QVariantList{int(OrgLevel::City), city.id});
            for (const analytics::OrgUnit &team : units.teams)
                if (team.cityId == city.id)
                    m_org->addItem(indent + indent + team.name, QVariantList{int(OrgLevel::Team), team.id});
        }
    }
    m_syncing = false;
    syncFromState();
}

void ScopeBar::syncFromState()
{
    m_syncing = true;
    const analytics::Scope &s = m_state.scope();
    m_kind->setCurrentIndex(m_kind->findData(int(s.period.kind)));
    const bool custom = s.period.kind == PeriodKind::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    m_label->setText(s.period.label());
    m_from->setDate(s.period.first);
    m_to->setDate(s.period.last);
    for (int i = 0; i < m_org->count(); ++i) {
        const QVariantList d = m_org->itemData(i).toList();
        if (d.size() == 2 && d.at(0).toInt() == int(s.org.level) && d.at(1).toString() == s.org.id) {
            m_org->setCurrentIndex(i);
            break;
        }
    }
    m_syncing = false;
}

void ScopeBar::applyKind()
{
    if (m_syncing)
        return;
    const auto kind = PeriodKind(m_kind->currentData().toInt());
    const Period current = m_state.scope().period;
    // Keep the period's last day in view: a quarter → its last month, a month → its last week,
    // year to date → up to that day (today at the latest).
    const QDate anchor = std::min(current.last, QDate::currentDate());
    m_state.setPeriod(kind == PeriodKind::Custom ? Period::custom(current.first, current.last)
                                                 : Period::containing(kind, anchor));
}

void ScopeBar::applyCustom()
{
    if (m_syncing)
        return;
    QDate a = m_from->date(), b = m_to->date();
    if (b < a)
        std::swap(a, b);
    m_state.setPeriod(Period::custom(a, b));
}

void ScopeBar::applyOrg()
{
    if (m_syncing)
        return;
    const QVariantList d = m_org->currentData().toList();
    if (d.size() != 2)
        return;
    m_state.setOrg(OrgScope{OrgLevel(d.at(0).toInt()), d.at(1).toString()});
}

} // namespace cockpit::ui

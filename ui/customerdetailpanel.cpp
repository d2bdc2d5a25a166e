#include "customerdetailpanel.h"

#include "items/catalog.h"
#include "items/editcontroller.h"
#include "domain/money.h"
#include "domain/pipeline.h"
#include "items/recordtablemodel.h"
#include "targets/customerdata.h"
#include "widgethelpers.h"

#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace cockpit::ui {

CustomerDetailPanel::CustomerDetailPanel(Catalog &catalog, EditController &edits, QWidget *parent)
    : QWidget(parent), m_catalog(catalog), m_edits(edits)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("detailTitle"));
    m_title->setWordWrap(true);
    m_facts = new QLabel(this);
    m_facts->setWordWrap(true);
    m_contacts = new RecordTableModel(this);
    m_contacts->setHeaders({tr("Contact"), tr("Title"), tr("Decision-chain role"), tr("Phone")});
    m_leads = new RecordTableModel(this);
    m_leads->setHeaders({tr("Lead"), tr("Stage"), tr("Owner"), tr("Amount")});
    auto *tabs = m_tabs = new QTabWidget(this);
    m_contactsView = makeDetailList(m_contacts, tabs);
    m_leadsView = makeDetailList(m_leads, tabs);
    tabs->addTab(m_contactsView, tr("Contacts"));
    tabs->addTab(m_leadsView, tr("Open leads"));
    // Scores: the value and health breakdown, and the owner's morning pick (DESIGN §5).
    auto *scoresPage = new QWidget(tabs);
    auto *scoresLayout = new QVBoxLayout(scoresPage);
    scoresLayout->setContentsMargins(0, 4, 0, 0);
    m_scores = new RecordTableModel(this);
    m_scores->setHeaders({tr("Part"), tr("Score"), tr("Weight"), tr("Points")});
    m_picks = new RecordTableModel(this);
    m_picks->setHeaders({tr("Customer"), tr("Priority"), tr("Why")});
    m_scoresView = makeDetailList(m_scores, scoresPage);
    m_scoresView->setObjectName(QStringLiteral("customerScores"));
    m_scoresView->setToolTip(tr("Value = 40 % purchases of the last 3 months + 30 % new-product trials of 12 months "
                                "(both as percentile ranks over all customers) + 30 % satisfaction (mean NPS × 10); "
                                "without a survey the other two weights renormalise. Health: 8 dimensions, equal "
                                "weights; \"—\" = no data, left out and the other weights renormalise. Points = score × "
                                "weight."));
    m_picksTitle = new QLabel(scoresPage);
    m_picksTitle->setWordWrap(true);
    m_picksTitle->setToolTip(tr("Each morning, the 3 customers of a rep with the highest priority = 0.6 × value + "
                                "0.4 × (100 − health) (no health: 50)."));
    m_picksView = makeDetailList(m_picks, scoresPage);
    m_picksView->setObjectName(QStringLiteral("morningPicks"));
    scoresLayout->addWidget(m_scoresView, 3);
    scoresLayout->addWidget(m_picksTitle);
    scoresLayout->addWidget(m_picksView, 2);
    tabs->addTab(scoresPage, tr("Scores"));
    layout->addWidget(m_title);
    layout->addWidget(m_facts);
    layout->addWidget(tabs, 1);
    connect(m_leadsView, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
        Q_EMIT leadActivated(i.data(RecordTableModel::KeyRole).toString());
    });
    connect(m_picksView, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
        Q_EMIT customerActivated(i.data(RecordTableModel::KeyRole).toString());
    });
    setCustomer({});
}

void CustomerDetailPanel::showScoresTab()
{
    m_tabs->setCurrentIndex(m_tabs->count() - 1);
}

void CustomerDetailPanel::setScores(std::shared_ptr<const targets::CustomerScoresView> scores,
                                    const analytics::OrgUnits &units)
{
    m_scoreData = std::move(scores);
    m_units = units;
    m_scoreRow.clear();
    if (m_scoreData)
        for (int i = 0; i < m_scoreData->rows.size(); ++i)
            m_scoreRow.insert(m_scoreData->rows[i].customerId, i);
    showScores();
}

void CustomerDetailPanel::showScores()
{
    m_scores->clear();
    m_picks->clear();
    const int at = m_scoreRow.value(m_customerId, -1);
    if (m_customerId.isEmpty() || !m_scoreData) {
        m_picksTitle->setText(m_customerId.isEmpty() ? QString() : tr("Computing the scores…"));
        return;
    }
    if (at < 0) {
        m_picksTitle->setText(tr("No scores for this customer yet (it is new, or was not in the file when they were computed)."));
        return;
    }
    const QLocale locale;
    const auto num = [&locale](double x) { return locale.toString(x, 'f', 1); };
    const targets::CustomerScoreRow &r = m_scoreData->rows[at];
    QList<QStringList> rows;
    // Value: purchases 40, trials 30, satisfaction 30; without surveys the two renormalise.
    const double total = r.value.satisfaction ? 1.0 : 0.7;
    rows << QStringList{tr("Value score"), num(r.value.score), QString(), QString()};
    rows << QStringList{tr("  Purchases, 3 months"), num(r.value.purchases),
                        num(40 / total) + QStringLiteral(" %"), num(r.value.purchases * 0.4 / total)};
    rows << QStringList{tr("  Trials, 12 months"), num(r.value.trials),
                        num(30 / total) + QStringLiteral(" %"), num(r.value.trials * 0.3 / total)};
    if (r.value.satisfaction)
        rows << QStringList{tr("  Satisfaction"), num(*r.value.satisfaction), QStringLiteral("30.0 %"),
                            num(*r.value.satisfaction * 0.3)};
    else
        rows << QStringList{tr("  Satisfaction: no survey"), QString(), QString(), QString()};
    rows << QStringList{tr("Health score"), r.health.score ? num(*r.health.score) : tr("no data"), QString(), QString()};
    for (const targets::HealthPart &p : r.health.parts)
        rows << QStringList{QStringLiteral("  ") + analytics::healthDimLabel(p.dim),
                            p.value ? num(*p.value) : QStringLiteral("—"),
                            p.value ? num(p.weightPct) + QStringLiteral(" %") : QString(),
                            p.value ? num(p.points) : QString()};
    m_scores->setRows(rows);
    rows.clear();
    QStringList keys;
    const QVector<targets::Pick> picks = r.ownerId.isEmpty() ? QVector<targets::Pick>()
                                                             : targets::picksOf(*m_scoreData, r.ownerId, m_units);
    for (const targets::Pick &p : picks) {
        rows << QStringList{p.name, num(p.priority), p.why};
        keys << p.customerId;
    }
    m_picks->setRows(rows, keys);
    const analytics::OrgUnit *owner = m_units.find(analytics::OrgLevel::Rep, r.ownerId);
    m_picksTitle->setText(owner ? tr("Morning pick of %1: the 3 customers to call first").arg(owner->name)
                                : tr("No owner: no morning pick."));
    m_scoresView->resizeColumnsToContents();
    m_picksView->resizeColumnsToContents();
}

void CustomerDetailPanel::setCustomer(const QString &customerId)
{
    const int row = customerId.isEmpty() ? -1 : m_catalog.index().customer(customerId);
    m_customerId = row < 0 ? QString() : customerId;
    if (row < 0) {
        m_title->setText(tr("Select a customer to see contacts and open leads."));
        m_facts->clear();
        m_contacts->clear();
        m_leads->clear();
        showScores();
        return;
    }
    const auto &c = m_catalog.data().customers[size_t(row)];
    m_title->setText(c.name);
    QStringList facts;
    if (!c.aliases.isEmpty())
        facts << tr("Also known as %1").arg(c.aliases.split(QLatin1Char('|')).join(QStringLiteral(", ")));
    facts << QStringList{c.industry, customerSizeLabel(c.size), m_catalog.cityName(c.city)}.filter(QRegularExpression(QStringLiteral(".+"))).join(QStringLiteral(" · "));
    facts << tr("Owner %1 · Source %2 · %3").arg(m_catalog.userName(c.owner), c.source, c.phone);
    m_facts->setText(facts.join(QLatin1Char('\n')));
    QList<QStringList> rows;
    for (const auto &ct : m_edits.customers().contacts(customerId))
        rows << QStringList{ct.name, ct.title, decisionRoleLabel(ct.chainRole), ct.phone};
    m_contacts->setRows(rows);
    rows.clear();
    QStringList keys;
    const QLocale locale;
    for (const auto &l : m_edits.customers().openLeads(customerId)) {
        rows << QStringList{l.title, l.stage, l.ownerName, formatMoney(l.amountCents, m_catalog.data().currency, locale)};
        keys << l.id;
    }
    m_leads->setRows(rows, keys);
    m_contactsView->resizeColumnsToContents();
    m_leadsView->resizeColumnsToContents();
    showScores();
}

} // namespace cockpit::ui

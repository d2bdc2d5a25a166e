#include "customerdetailpanel.h"

#include "items/catalog.h"
#include "items/editcontroller.h"
#include "domain/money.h"
#include "domain/pipeline.h"
#include "items/recordtablemodel.h"
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
    auto *tabs = new QTabWidget(this);
    m_contactsView = makeDetailList(m_contacts, tabs);
    m_leadsView = makeDetailList(m_leads, tabs);
    tabs->addTab(m_contactsView, tr("Contacts"));
    tabs->addTab(m_leadsView, tr("Open leads"));
    layout->addWidget(m_title);
    layout->addWidget(m_facts);
    layout->addWidget(tabs, 1);
    connect(m_leadsView, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
        Q_EMIT leadActivated(i.data(RecordTableModel::KeyRole).toString());
    });
    setCustomer({});
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
}

} // namespace cockpit::ui

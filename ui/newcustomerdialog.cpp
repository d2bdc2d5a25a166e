#include "newcustomerdialog.h"

#include "items/catalog.h"
#include "storage/customerrepository.h"
#include "items/editcontroller.h"
#include "domain/pipeline.h"
#include "widgethelpers.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <set>

namespace cockpit::ui {

NewCustomerDialog::NewCustomerDialog(Catalog &catalog, EditController &edits, QWidget *parent)
    : QDialog(parent), m_catalog(catalog), m_edits(edits)
{
    setObjectName(QStringLiteral("newCustomerDialog"));
    setWindowTitle(tr("New customer"));
    const auto &d = catalog.data();

    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. 苏州恒瑞精密机械有限公司"));
    m_phone = new QLineEdit(this);
    m_phone->setPlaceholderText(tr("e.g. 138 1234 5678"));
    m_coreNeed = new QPlainTextEdit(this);
    m_coreNeed->setPlaceholderText(tr("What the customer most needs solved"));
    m_coreNeed->setFixedHeight(64);
    m_cycle = new QSpinBox(this);
    m_cycle->setRange(0, 3650);
    m_cycle->setSuffix(tr(" days"));
    m_cycle->setSpecialValueText(tr("—"));
    m_owner = new QComboBox(this);
    m_owner->addItem(QStringLiteral("—"), QString());
    for (const auto &u : d.users)
        if (u.role == QLatin1String("sales") && !u.left)
            m_owner->addItem(u.name, u.id);
    const int me = catalog.index().user(d.currentUserId);
    if (me >= 0 && d.users[size_t(me)].role == QLatin1String("sales"))
        m_owner->setCurrentIndex(m_owner->findData(d.currentUserId));
    m_source = new QComboBox(this);
    m_source->setEditable(true);
    m_source->addItem(QString());
    std::set<QString> sources;
    for (const auto &c : d.customers)
        sources.insert(c.source);
    for (const QString &s : {tr("Website form"), tr("Trade show"), tr("Referral")})
        sources.insert(s);
    for (const QString &s : sources)
        if (!s.isEmpty())
            m_source->addItem(s);

    auto *required = new QFormLayout;
    required->addRow(tr("&Name *"), m_name);
    required->addRow(tr("&Phone *"), m_phone);
    required->addRow(tr("&Core need *"), m_coreNeed);
    required->addRow(tr("Expected close &cycle *"), m_cycle);
    required->addRow(tr("&Owner *"), m_owner);
    required->addRow(tr("&Source *"), m_source);

    m_toggle = new QToolButton(this);
    m_toggle->setText(tr("More details (optional)"));
    m_toggle->setCheckable(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::RightArrow);
    m_toggle->setAutoRaise(true);
    m_more = new QWidget(this);
    m_aliases = new QLineEdit(m_more);
    m_aliases->setPlaceholderText(tr("Other names, separated by |, e.g. BOSCH|Bosch"));
    m_industry = new QComboBox(m_more);
    m_industry->setEditable(true);
    std::set<QString> industries;
    for (const auto &c : d.customers)
        industries.insert(c.industry);
    m_industry->addItem(QString());
    for (const QString &s : industries)
        if (!s.isEmpty())
            m_industry->addItem(s);
    m_size = new QComboBox(m_more);
    m_size->addItem(QString(), QString());
    for (const char *code : {"micro", "small", "medium", "large", "enterprise"})
        m_size->addItem(customerSizeLabel(QLatin1String(code)), QLatin1String(code));
    m_city = new QComboBox(m_more);
    m_city->addItem(tr("(the owner's city)"), QString());
    for (const auto &c : d.cities)
        m_city->addItem(c.name, c.id);
    auto *optional = new QFormLayout(m_more);
    optional->setContentsMargins(0, 0, 0, 0);
    optional->addRow(tr("&Aliases"), m_aliases);
    optional->addRow(tr("&Industry"), m_industry);
    optional->addRow(tr("Si&ze"), m_size);
    optional->addRow(tr("Cit&y"), m_city);
    m_more->setVisible(false);
    connect(m_toggle, &QToolButton::toggled, this, [this](bool on) {
        m_more->setVisible(on);
        m_toggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        adjustSize();
    });

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (create())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(required);
    layout->addWidget(m_toggle);
    layout->addWidget(m_more);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
}

bool NewCustomerDialog::create()
{
    storage::NewCustomer c;
    c.name = m_name->text();
    c.phone = m_phone->text();
    c.coreNeed = m_coreNeed->toPlainText();
    c.closeCycleDays = m_cycle->value();
    c.ownerId = m_owner->currentData().toString();
    c.source = m_source->currentText();
    c.aliases = m_aliases->text();
    c.industry = m_industry->currentText();
    c.size = m_size->currentData().toString();
    c.cityId = m_city->currentData().toString();
    if (!c.cityId.isEmpty()) {
        for (const auto &city : m_catalog.data().cities)
            if (city.id == c.cityId)
                c.regionId = city.regionId;
    }
    const auto result = m_edits.createCustomer(c);
    setInvalid(m_name, result.missing.contains(QLatin1String("name")));
    setInvalid(m_phone, result.missing.contains(QLatin1String("phone")));
    setInvalid(m_coreNeed, result.missing.contains(QLatin1String("core_need")));
    setInvalid(m_cycle, result.missing.contains(QLatin1String("close_cycle_days")));
    setInvalid(m_owner, result.missing.contains(QLatin1String("owner_id")));
    setInvalid(m_source, result.missing.contains(QLatin1String("source")));
    if (!result.ok) {
        m_lastError = result.error;
        m_error->setText(result.error);
        m_error->show();
        return false;
    }
    m_createdId = result.id;
    return true;
}

} // namespace cockpit::ui

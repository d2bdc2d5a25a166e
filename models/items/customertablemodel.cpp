#include "items/customertablemodel.h"

#include "items/catalog.h"
#include "domain/localdates.h"
#include "domain/pipeline.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cockpit {

CustomerTableModel::CustomerTableModel(Catalog &catalog, QObject *parent)
    : QAbstractTableModel(parent), m_catalog(catalog)
{
    m_rows = int(catalog.data().customers.size());
    countOpenLeads();
    connect(&catalog, &Catalog::loaded, this, [this] {
        beginResetModel();
        m_rows = int(m_catalog.data().customers.size());
        countOpenLeads();
        mapScores(0);
        endResetModel();
    });
    connect(&catalog, &Catalog::customerRowsInserted, this, [this](int first, int last) {
        beginInsertRows({}, first, last);
        m_rows = int(m_catalog.data().customers.size());
        m_openLeads.resize(size_t(m_rows), 0);
        mapScores(first);
        endInsertRows();
    });
    connect(&catalog, &Catalog::customerRowChanged, this, [this](int row) {
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
    connect(&catalog, &Catalog::leadRowChanged, this, [this](int leadRow) {
        recountOpenLeads(m_catalog.data().leads[size_t(leadRow)].customer);
    });
    connect(&catalog, &Catalog::leadRowsInserted, this, [this](int first, int last) {
        for (int r = first; r <= last; ++r) { // each new open lead adds one
            const storage::LeadRow &l = m_catalog.data().leads[size_t(r)];
            if (l.customer < 0 || l.customer >= int(m_openLeads.size()) || l.status != storage::LeadStatus::Open
                || l.deleted)
                continue;
            ++m_openLeads[size_t(l.customer)];
            const QModelIndex i = index(l.customer, OpenLeadsColumn);
            Q_EMIT dataChanged(i, i);
        }
    });
}

void CustomerTableModel::recountOpenLeads(int customer)
{
    if (customer < 0 || customer >= int(m_openLeads.size()))
        return;
    int open = 0;
    for (const auto &l : m_catalog.data().leads) // a status change moves one count
        open += l.customer == customer && l.status == storage::LeadStatus::Open && !l.deleted;
    if (open != m_openLeads[size_t(customer)]) {
        m_openLeads[size_t(customer)] = open;
        const QModelIndex i = index(customer, OpenLeadsColumn);
        Q_EMIT dataChanged(i, i);
    }
}

void CustomerTableModel::countOpenLeads()
{
    m_openLeads.assign(m_catalog.data().customers.size(), 0);
    for (const auto &l : m_catalog.data().leads)
        if (l.customer >= 0 && l.status == storage::LeadStatus::Open && !l.deleted)
            ++m_openLeads[size_t(l.customer)];
}

int CustomerTableModel::openLeads(int row) const
{
    return row >= 0 && row < int(m_openLeads.size()) ? m_openLeads[size_t(row)] : 0;
}

void CustomerTableModel::mapScores(int fromRow)
{
    // The catalog's rows change (a preview, then everything; a new customer): the scores are
    // kept by id and laid on the rows again.
    const auto &customers = m_catalog.data().customers;
    const float none = std::numeric_limits<float>::quiet_NaN();
    m_value.resize(customers.size(), none);
    m_health.resize(customers.size(), none);
    for (size_t i = size_t(std::max(fromRow, 0)); i < customers.size(); ++i) {
        const auto it = m_byId.constFind(customers[i].id);
        m_value[i] = it == m_byId.cend() ? none : float(it->value);
        m_health[i] = it == m_byId.cend() ? none : float(it->health);
    }
}

void CustomerTableModel::setScores(const QHash<QString, Scores> &byId, const QString &asOf)
{
    m_byId = byId;
    mapScores(0);
    m_scoresSet = true;
    m_scoresAsOf = asOf;
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, ValueScoreColumn), index(m_rows - 1, HealthScoreColumn));
    Q_EMIT headerDataChanged(Qt::Horizontal, ValueScoreColumn, HealthScoreColumn);
}

double CustomerTableModel::valueScore(int row) const
{
    return row >= 0 && size_t(row) < m_value.size() ? double(m_value[size_t(row)]) : std::nan("");
}

double CustomerTableModel::healthScore(int row) const
{
    return row >= 0 && size_t(row) < m_health.size() ? double(m_health[size_t(row)]) : std::nan("");
}

int CustomerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int CustomerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows)
        return {};
    const storage::CustomerRow &c = m_catalog.data().customers[size_t(index.row())];
    if (role == IdRole)
        return c.id;
    if (m_catalog.customerNotOnServer(index.row())) {
        if (role == NotOnServerRole)
            return true;
        if (role == Qt::ForegroundRole)
            return QBrush(QColor(0xA0, 0x52, 0x00));
        if (role == Qt::FontRole) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        if (role == Qt::ToolTipRole)
            return tr("Not on the team server: it refused this new customer. Send it again or discard it in "
                      "View › Conflicts.");
    }
    if (role == NotOnServerRole)
        return false;
    if (role == Qt::TextAlignmentRole
        && (index.column() == OpenLeadsColumn || index.column() == ValueScoreColumn || index.column() == HealthScoreColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (index.column() == ValueScoreColumn || index.column() == HealthScoreColumn) {
        const double score = index.column() == ValueScoreColumn ? valueScore(index.row()) : healthScore(index.row());
        if (role == Qt::ToolTipRole)
            return !m_scoresSet          ? tr("Computing the scores…")
                   : std::isnan(score) ? tr("No data for this score as of %1").arg(m_scoresAsOf)
                                       : tr("As of %1; the customer's detail panel (Scores) shows how it is made up")
                                             .arg(m_scoresAsOf);
        if (role == ValueRole)
            return std::isnan(score) ? QVariant() : QVariant(std::round(score * 10.0) / 10.0);
        if (role == Qt::DisplayRole)
            return std::isnan(score) ? QString() : m_locale.toString(score, 'f', 1);
        return {};
    }
    if (role == ValueRole && index.column() == CreatedColumn)
        return QDateTime::fromSecsSinceEpoch(c.createdAt, Qt::UTC);
    if (role != Qt::DisplayRole && role != ValueRole)
        return {};
    switch (index.column()) {
    case NameColumn: return c.name;
    case AliasesColumn: return c.aliases.isEmpty() ? QString() : c.aliases.split(QLatin1Char('|')).join(QStringLiteral(", "));
    case IndustryColumn: return c.industry;
    case SizeColumn: return customerSizeLabel(c.size);
    case RegionColumn: return m_catalog.regionName(c.region);
    case CityColumn: return m_catalog.cityName(c.city);
    case OwnerColumn: return m_catalog.userName(c.owner);
    case SourceColumn: return c.source;
    case PhoneColumn: return c.phone;
    case OpenLeadsColumn: return openLeads(index.row());
    case CreatedColumn:
        return shortDate(QDateTime::fromSecsSinceEpoch(c.createdAt).toLocalTime().date(), m_locale);
    default: return {};
    }
}

QVariant CustomerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        if (section == ValueScoreColumn)
            return tr("Value score 0–100 = 40 % purchases of the last 3 months + 30 % satisfaction (mean NPS of "
                      "12 months × 10) + 30 % new-product trials of 12 months; purchases and trials as percentile "
                      "ranks over all customers. Without surveys the other two weights renormalise.");
        if (section == HealthScoreColumn)
            return tr("Health score 0–100: the 8 dimensions of customer health (DESIGN §5), equal weights; a "
                      "dimension without data is left out and the others renormalise. Empty: no data at all.");
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Customer");
    case AliasesColumn: return tr("Aliases");
    case IndustryColumn: return tr("Industry");
    case SizeColumn: return tr("Size");
    case RegionColumn: return tr("Region");
    case CityColumn: return tr("City");
    case OwnerColumn: return tr("Owner");
    case SourceColumn: return tr("Source");
    case PhoneColumn: return tr("Phone");
    case OpenLeadsColumn: return tr("Open leads");
    case CreatedColumn: return tr("Created");
    case ValueScoreColumn: return tr("Value");
    case HealthScoreColumn: return tr("Health");
    default: return {};
    }
}

} // namespace cockpit

#include "items/leadtablemodel.h"

#include "items/catalog.h"
#include "domain/localdates.h"
#include "domain/money.h"
#include "domain/pipeline.h"

#include <QBrush>
#include <QColor>
#include <QDate>
#include <QDateTime>
#include <QFont>

#include <cmath>

namespace cockpit {

using storage::LeadStatus;

LeadTableModel::LeadTableModel(Catalog &catalog, QObject *parent)
    : QAbstractTableModel(parent), m_catalog(catalog)
{
    m_rows = int(catalog.data().leads.size());
    connect(&catalog, &Catalog::loaded, this, [this] {
        beginResetModel();
        m_rows = int(m_catalog.data().leads.size());
        endResetModel();
    });
    connect(&catalog, &Catalog::leadRowsInserted, this, [this](int first, int last) {
        beginInsertRows({}, first, last);
        m_rows = int(m_catalog.data().leads.size());
        endInsertRows();
    });
    connect(&catalog, &Catalog::leadRowChanged, this, [this](int row) {
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
}

int LeadTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int LeadTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 LeadTableModel::now() const
{
    return m_now > 0 ? m_now : QDateTime::currentSecsSinceEpoch();
}

int LeadTableModel::rowOfId(const QString &id) const
{
    return m_catalog.index().lead(id);
}

namespace {
QString statusCode(LeadStatus s)
{
    switch (s) {
    case LeadStatus::Open: return QStringLiteral("open");
    case LeadStatus::Won: return QStringLiteral("won");
    case LeadStatus::Lost: return QStringLiteral("lost");
    }
    return {};
}
} // namespace

QVariant LeadTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows)
        return {};
    const auto &d = m_catalog.data();
    const storage::LeadRow &l = d.leads[size_t(index.row())];
    const auto overdue = [&] {
        if (l.status != LeadStatus::Open || l.stage < 0)
            return false;
        const int sla = d.stages[size_t(l.stage)].slaMinutes;
        return sla > 0 && now() - l.stageEnteredAt > qint64(sla) * 60;
    };
    switch (role) {
    case IdRole:
        return l.id;
    case StatusRole:
        return statusCode(l.status);
    case OverdueRole:
        return overdue();
    case NotOnServerRole:
        return m_catalog.leadNotOnServer(index.row());
    case Qt::FontRole:
        if (m_catalog.leadNotOnServer(index.row())) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == AmountColumn || index.column() == ProbabilityColumn
            || index.column() == DaysInStageColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == DaysInStageColumn && overdue())
            return QBrush(QColor(0xC6, 0x28, 0x28));
        if (index.column() == StatusColumn && l.status == LeadStatus::Lost)
            return QBrush(QColor(0x75, 0x75, 0x75));
        if (m_catalog.leadNotOnServer(index.row()))
            return QBrush(QColor(0xA0, 0x52, 0x00));
        return {};
    case Qt::ToolTipRole:
        if (m_catalog.leadNotOnServer(index.row()))
            return tr("Not on the team server: it refused this new lead. Send it again or discard it in "
                      "View › Conflicts.");
        if (index.column() == DaysInStageColumn && overdue())
            return tr("Over the stage's time limit (SLA %1 h)")
                .arg(d.stages[size_t(l.stage)].slaMinutes / 60.0, 0, 'f', 1);
        if (index.column() == CustomerColumn && l.customer >= 0)
            return d.customers[size_t(l.customer)].aliases.isEmpty()
                       ? QVariant()
                       : QVariant(d.customers[size_t(l.customer)].aliases.split(QLatin1Char('|')).join(QStringLiteral(", ")));
        return {};
    case ValueRole:
        switch (index.column()) {
        case AmountColumn: return l.amountCents;
        case ProbabilityColumn: return l.probability / 100.0;
        case ExpectedCloseColumn: return l.expectedClose ? QVariant(QDate(1970, 1, 1).addDays(l.expectedClose)) : QVariant();
        case DaysInStageColumn:
            return l.status == LeadStatus::Open ? QVariant(std::round((now() - l.stageEnteredAt) / 8640.0) / 10.0)
                                                : QVariant();
        case UpdatedColumn: return QDateTime::fromSecsSinceEpoch(l.updatedAt, Qt::UTC);
        default: break; // the text columns: as shown
        }
        break;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case CustomerColumn:
        return l.customer >= 0 ? d.customers[size_t(l.customer)].name : QString();
    case TitleColumn:
        return l.title;
    case OwnerColumn:
        return m_catalog.userName(l.owner);
    case RegionColumn:
        return m_catalog.regionName(l.region);
    case CityColumn:
        return m_catalog.cityName(l.city);
    case TeamColumn:
        return m_catalog.teamName(l.team);
    case PipelineColumn:
        return m_catalog.pipelineName(m_catalog.pipelineOfStage(l.stage));
    case StageColumn:
        return m_catalog.stageName(l.stage);
    case StatusColumn:
        return leadStatusLabel(statusCode(l.status));
    case AmountColumn:
        return formatMoney(l.amountCents, m_catalog.data().currency, m_locale);
    case ProbabilityColumn:
        return QStringLiteral("%1 %").arg(int(l.probability));
    case ExpectedCloseColumn:
        return l.expectedClose ? shortDate(QDate(1970, 1, 1).addDays(l.expectedClose), m_locale)
                               : QString();
    case DaysInStageColumn:
        if (l.status != LeadStatus::Open)
            return QString();
        return m_locale.toString((now() - l.stageEnteredAt) / 86400.0, 'f', 1);
    case UpdatedColumn:
        return shortDateTime(QDateTime::fromSecsSinceEpoch(l.updatedAt).toLocalTime(), m_locale);
    default:
        return {};
    }
}

QVariant LeadTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CustomerColumn: return tr("Customer");
    case TitleColumn: return tr("Lead");
    case OwnerColumn: return tr("Owner");
    case RegionColumn: return tr("Region");
    case CityColumn: return tr("City");
    case TeamColumn: return tr("Team");
    case PipelineColumn: return tr("Pipeline");
    case StageColumn: return tr("Stage");
    case StatusColumn: return tr("Status");
    case AmountColumn: return tr("Amount");
    case ProbabilityColumn: return tr("Probability");
    case ExpectedCloseColumn: return tr("Expected close");
    case DaysInStageColumn: return tr("Days in stage");
    case UpdatedColumn: return tr("Updated");
    default: return {};
    }
}

} // namespace cockpit

#include "teamhealthmodel.h"

#include "chartstyle.h"
#include "domain/localdates.h"
#include "domain/money.h"

#include <QHash>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

namespace cockpit::ui {

using namespace analytics;

TeamHealthModel::TeamHealthModel(QObject *parent) : QAbstractTableModel(parent) {}

void TeamHealthModel::setRows(const QVector<HealthRow> &rows, bool teams, const OrgUnits &units)
{
    beginResetModel();
    m_rows = rows;
    m_currency = units.currency;
    m_parent.clear();
    for (const HealthRow &r : rows)
        m_parent << (teams ? units.name(OrgLevel::City, r.unit.cityId) : units.name(OrgLevel::Team, r.unit.teamId));
    m_teams = teams;
    m_checked.clear();
    endResetModel();
    Q_EMIT checkedChanged();
}

QVector<int> TeamHealthModel::checkedRows() const
{
    QVector<int> out(m_checked.cbegin(), m_checked.cend());
    std::sort(out.begin(), out.end());
    return out;
}

void TeamHealthModel::setChecked(const QVector<int> &rows)
{
    m_checked = QSet<int>(rows.cbegin(), rows.cend());
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Name), index(int(m_rows.size()) - 1, Name), {Qt::CheckStateRole});
    Q_EMIT checkedChanged();
}

int TeamHealthModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int TeamHealthModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

namespace {
QString pct(const std::optional<double> &v) { return v ? QLocale().toString(*v, 'f', 1) + QStringLiteral(" %") : QStringLiteral("—"); }
QString num(const std::optional<double> &v) { return v ? QLocale().toString(*v, 'f', 1) : QStringLiteral("—"); }
// A round status dot (the light), sized to the text.
// The light's dot, painted once per colour (data() asks for it on every repaint of a row).
QIcon dot(const QColor &colour)
{
    static QHash<QRgb, QIcon> cache;
    const auto hit = cache.constFind(colour.rgba());
    if (hit != cache.constEnd())
        return *hit;
    QPixmap pm(24, 24);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(colour.darker(130));
    p.setBrush(colour);
    p.drawEllipse(QRectF(3, 3, 18, 18));
    p.end();
    return *cache.insert(colour.rgba(), QIcon(pm));
}
QVariant sortValue(const std::optional<double> &v) { return v ? QVariant(*v) : QVariant(-1.0); }
// Why a rep is shown apart (empty for a ranked one).
QString standingText(const HealthRow &r)
{
    switch (r.standing) {
    case RepStanding::Ranked: return QString();
    case RepStanding::Left:
        return TeamHealthModel::tr("Left on %1").arg(shortDate(r.left));
    case RepStanding::TooLittleData:
        return TeamHealthModel::tr("Too little data: %1 stage exits, %2 of %3 working days")
            .arg(r.counts.exits)
            .arg(r.workingDaysEmployed)
            .arg(r.workingDaysInPeriod);
    }
    return QString();
}
QString minutesText(const std::optional<double> &v)
{
    if (!v)
        return QStringLiteral("—");
    if (*v < 120)
        return TeamHealthModel::tr("%1 min").arg(QLocale().toString(*v, 'f', 0));
    return TeamHealthModel::tr("%1 h").arg(QLocale().toString(*v / 60.0, 'f', 1));
}
} // namespace

QVariant TeamHealthModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const HealthRow &r = m_rows[index.row()];
    const HealthFigures &f = r.figures;
    const HealthCounts &c = r.counts;
    const bool executed = f.light == Rag::Green;
    if (role == Qt::CheckStateRole && index.column() == Name)
        return m_checked.contains(index.row()) ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::DecorationRole && index.column() == Light)
        return dot(ragColor(f.light));
    if (role == Qt::DecorationRole && index.column() == Composite && f.composite)
        return dot(ragColor(f.compositeLight));
    if (role == Qt::DecorationRole && index.column() == Name && m_checked.contains(index.row())) {
        const QVector<int> checked = checkedRows();
        return seriesColor(int(checked.indexOf(index.row())));
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Completion)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name: return r.unit.name;
        case Team: return m_parent.value(index.row());
        // The light is its dot (the colour's name in the tooltip and for a screen reader),
        // so that every column fits beside the radar at 1366×768.
        case Light: return QString();
        case Completion: return pct(f.compliancePct);
        case Pei: return pct(f.peiPct);
        case Coverage: return f.light == Rag::Grey ? QStringLiteral("—") : executed ? QStringLiteral("✓") : QStringLiteral("✗");
        case Response: return minutesText(f.responseMedianMin);
        case CustomerHealth: return num(f.customerHealth);
        case CrossSell: return pct(f.crossSellPct);
        case Collaboration: return num(f.collaboration);
        case Composite: return num(f.composite);
        case Standing: return standingText(r);
        default: break;
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Name: return r.unit.name;
        case Team: return data(index, Qt::DisplayRole);
        case Light: return int(f.light);
        case Completion: return sortValue(f.compliancePct);
        case Pei: return sortValue(f.peiPct);
        case Coverage: return f.light == Rag::Grey ? -1 : int(executed);
        case Response: return f.responseMedianMin ? QVariant(*f.responseMedianMin) : QVariant(1e12);
        case CustomerHealth: return sortValue(f.customerHealth);
        case CrossSell: return sortValue(f.crossSellPct);
        case Collaboration: return sortValue(f.collaboration);
        case Composite: return sortValue(f.composite);
        case Standing: return int(r.standing);
        default: break;
        }
    }
    if (role == Qt::AccessibleTextRole && index.column() == Light)
        return ragLabel(f.light);
    if (role == Qt::ToolTipRole && index.column() == Light)
        return c.actionsExpected == 0
                   ? ragLabel(f.light)
                   : tr("%1: %2 of %3 standard actions done over %4 stage exits (green > 90 %, yellow 70–90 %, red < 70 %)")
                         .arg(ragLabel(f.light))
                         .arg(c.actionsDone)
                         .arg(c.actionsExpected)
                         .arg(c.exits);
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Completion:
            if (c.actionsExpected == 0)
                return tr("No stage exits in the period");
            return tr("%1 of %2 standard actions done over %3 stage exits (green > 90 %, yellow 70–90 %, red < 70 %)")
                .arg(c.actionsDone).arg(c.actionsExpected).arg(c.exits);
        case Pei:
            return tr("%1 must-do tasks done of %2 required (%3 listed) over %4 rep-weeks; at least 12 per rep-week. "
                      "A week counts in the period that holds its Monday, for reps employed all of its working days.")
                .arg(c.tasksDone).arg(c.tasksRequired).arg(c.tasksListed).arg(c.repWeeks);
        case Coverage:
            return tr("Executed the standard actions = key-action completion above 90 % (a green light)");
        case Response:
            return tr("Median of %1 answered leads assigned in the period; %2 not answered yet")
                .arg(c.responseMinutes.size()).arg(c.leadsUnanswered);
        case CustomerHealth:
            return tr("Mean health score (0–100, 8 dimensions) of %1 scored customers of %2")
                .arg(c.customersScored).arg(c.customers);
        case CrossSell:
            return tr("%1 outside the main product line of %2 won (%3 orders)")
                .arg(formatMoney(c.crossSellCents, m_currency, QLocale()), formatMoney(c.wonCents, m_currency, QLocale()))
                .arg(c.orders);
        case Collaboration:
            return c.ratings ? tr("%1 presales/delivery ratings, mean %2 of 5")
                                   .arg(c.ratings)
                                   .arg(QLocale().toString(double(c.ratingSum) / c.ratings, 'f', 2))
                             : tr("No ratings in the period");
        case Composite:
            return tr("%1 % of the customers are in their first quarter (compliance 40 % / customer health 20 %; "
                      "later 10 % / 50 %; cross-sell and collaboration 20 % each). Green from 80, yellow from 60, "
                      "red below; never green while a component or the PEI is missing or zero.")
                .arg(QLocale().toString(100.0 * f.firstQuarterShare, 'f', 0));
        case Standing:
            return tr("Reps who left before the period's end, and reps with fewer than 5 stage exits or employed on "
                      "fewer than half of the period's working days, are shown apart and never ranked.");
        default: break;
        }
        return tr("Double-click for the rows behind this number");
    }
    return {};
}

bool TeamHealthModel::setData(const QModelIndex &idx, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || idx.column() != Name)
        return false;
    if (value.toInt() == Qt::Checked)
        m_checked.insert(idx.row());
    else
        m_checked.remove(idx.row());
    // The colour swatch of every checked row follows its polygon's place in the overlay.
    Q_EMIT dataChanged(index(0, Name), index(int(m_rows.size()) - 1, Name), {Qt::CheckStateRole, Qt::DecorationRole});
    Q_EMIT checkedChanged();
    return true;
}

Qt::ItemFlags TeamHealthModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == Name)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant TeamHealthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Light: return tr("Process-health light: key-action completion > 90 % green, 70–90 % yellow, < 70 % red");
        case Completion: return tr("Key-action completion: standard actions done by the sales side before the lead left "
                                   "the stage (a customer's own call or message does not count)");
        case Pei: return tr("Process execution index: must-do tasks done within their week / required (at least 12 per "
                            "rep-week). A week counts in the period that holds its Monday, once it has ended, for the "
                            "reps employed on all five of its working days.");
        case Coverage: return tr("Executed the standard actions (counts towards standard-action coverage)");
        case Response: return tr("Median time from a lead's assignment to its first sales action");
        case CustomerHealth: return tr("Customer health (0–100): NPS, service response, contract fulfilment, renewal intent, "
                                       "payment punctuality, complaints, product adoption, interaction recency");
        case CrossSell: return tr("Share of won revenue outside the rep's main product line");
        case Collaboration: return tr("Presales/delivery ratings of the rep (1–5) scaled to 0–100");
        case Composite: return tr("Sales-health score with the dynamic weights of the customers' age; green from 80, "
                                  "yellow from 60, never green while a component or the PEI is missing or zero");
        case Standing: return tr("Why the rep is shown apart and not ranked: left before the period's end, or too little "
                                 "data (fewer than 5 stage exits, or employed on fewer than half of the working days)");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    // Full names, on two lines where they are long, so that no header needs guessing.
    switch (section) {
    case Name: return m_teams ? tr("Team") : tr("Rep");
    case Team: return m_teams ? tr("City") : tr("Team");
    case Light: return tr("Light");
    case Completion: return tr("Key\nactions");
    case Pei: return tr("PEI");
    case Coverage: return tr("Standard\nactions");
    case Response: return tr("Response\ntime");
    case CustomerHealth: return tr("Customer\nhealth");
    case CrossSell: return tr("Cross-\nsell");
    case Collaboration: return tr("Collabo-\nration");
    case Composite: return tr("Health\nscore");
    case Standing: return tr("Shown apart\nbecause");
    default: break;
    }
    return {};
}

} // namespace cockpit::ui

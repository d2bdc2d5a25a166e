// The targets part of the planner (importplanner.h): a company's sales targets (DESIGN §5
// "Targets": a period × an org node, amount, tier, growth, correction, status).
//
// A row's values:
//   period       "2026" / "2026年" (a year), "2026-Q1" / "2026Q1" / "Q1 2026" / "2026年第1季度" /
//                "2026年一季度" (a quarter), "2026-03" / "2026/3" / "202603" / "2026年3月" (a month);
//                a date with a period kind column is the period holding it; a bare date on the
//                first of a month is that month (warned);
//   period_kind  month, quarter, year (月, 季度, 年) — when given it must agree with the period;
//   level        company, region, city, team, rep (公司, 大区, 城市, 团队, 销售) — when left out,
//                the org cell names the node: empty = the company, else the one region, city,
//                team or person of that name (a name two of them share needs the level);
//   amount       money, >= 0; tier A, B or C; growth a percentage; the external correction a
//                percentage within ±5 % (DESIGN); status approved or draft (草稿), approved when
//                the file has no status (these are targets a company already set).
// A target already stored for the same period and node is that target (updated or skipped as
// the duplicate mode says). Where a file gives a node and the nodes below it for the same
// period and the lower ones do not add up to it, the preview warns (DESIGN: lower levels sum
// to the level above); nothing is changed.
#include "imports/importplanner.h"

#include "domain/money.h"
#include "domain/times.h"
#include "io/values.h"
#include "storage/database.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <map>

namespace cockpit::imports::detail {

namespace {
struct Period
{
    QString kind; // month, quarter, year
    QDate start;
};

struct Words
{
    const char *code;
    QStringList words; // normalised
};

// The code whose words include `text` (normalised), "" when none.
QString codeFor(const QString &text, const QList<Words> &table)
{
    const QString t = normaliseName(text);
    for (const Words &w : table)
        if (w.words.contains(t))
            return QString::fromLatin1(w.code);
    return {};
}

QStringList normalised(std::initializer_list<const char *> words)
{
    QStringList out;
    for (const char *w : words)
        out << normaliseName(QString::fromUtf8(w));
    return out;
}

std::optional<QString> kindOf(const QString &text)
{
    static const QList<Words> kinds{{"month", normalised({"month", "monthly", "m", "月", "月度", "月份"})},
                                    {"quarter", normalised({"quarter", "quarterly", "q", "季", "季度"})},
                                    {"year", normalised({"year", "yearly", "annual", "y", "年", "年度"})}};
    if (normaliseName(text).isEmpty())
        return QString();
    const QString code = codeFor(text, kinds);
    return code.isEmpty() ? std::nullopt : std::optional<QString>(code);
}

int chineseDigit(const QString &s)
{
    static const QString digits = QStringLiteral("一二三四");
    const int i = digits.indexOf(s);
    return i >= 0 ? i + 1 : s.toInt();
}

// A period from its text, or nullopt with *why.
std::optional<Period> parsePeriod(const QString &raw, const QString &kindHint, io::DayOrder order, bool date1904, QString *why)
{
    const QString t = io::Values::halfWidth(raw).trimmed();
    static const QRegularExpression year(QStringLiteral("^(?:FY)?\\s*(\\d{4})\\s*年?(?:度)?$"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression quarter(
        QStringLiteral("^(\\d{4})\\s*(?:年)?\\s*[-/ ]?\\s*(?:Q|第)?\\s*([1-4一二三四])\\s*(?:季度|季|Q)?$|^Q([1-4])\\s*[-/ ]?\\s*(\\d{4})$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression month(QStringLiteral("^(\\d{4})\\s*(?:[-/.]\\s*(\\d{1,2})|年\\s*(\\d{1,2})\\s*月(?:份)?|(\\d{2}))$"));
    if (const auto m = year.match(t); m.hasMatch() && (kindHint.isEmpty() || kindHint == QLatin1String("year")))
        return Period{QStringLiteral("year"), QDate(m.captured(1).toInt(), 1, 1)};
    const bool quarterWords = t.contains(u'Q', Qt::CaseInsensitive) || t.contains(QStringLiteral("季"));
    if (const auto m = quarter.match(t); m.hasMatch() && (quarterWords || kindHint == QLatin1String("quarter"))) {
        const int y = m.captured(1).isEmpty() ? m.captured(4).toInt() : m.captured(1).toInt();
        const int q = m.captured(1).isEmpty() ? m.captured(3).toInt() : chineseDigit(m.captured(2));
        if (!kindHint.isEmpty() && kindHint != QLatin1String("quarter")) {
            *why = ImportPlan::tr("is a quarter, but the period kind says %1").arg(kindHint);
            return std::nullopt;
        }
        return Period{QStringLiteral("quarter"), QDate(y, (q - 1) * 3 + 1, 1)};
    }
    if (const auto m = month.match(t); m.hasMatch()) {
        const int y = m.captured(1).toInt();
        const int mo = QString(m.captured(2) + m.captured(3) + m.captured(4)).toInt();
        if (mo >= 1 && mo <= 12) {
            if (!kindHint.isEmpty() && kindHint != QLatin1String("month")) {
                *why = ImportPlan::tr("is a month, but the period kind says %1").arg(kindHint);
                return std::nullopt;
            }
            return Period{QStringLiteral("month"), QDate(y, mo, 1)};
        }
    }
    // A date (what Excel makes of "2026-03"): the period of the kind given that holds it.
    QString dateWhy;
    if (const auto d = io::Values::parseDate(t, order, &dateWhy, date1904)) {
        const QString kind = kindHint.isEmpty() && d->day() == 1 ? QStringLiteral("month") : kindHint;
        if (kind == QLatin1String("month"))
            return Period{kind, QDate(d->year(), d->month(), 1)};
        if (kind == QLatin1String("quarter"))
            return Period{kind, QDate(d->year(), (d->month() - 1) / 3 * 3 + 1, 1)};
        if (kind == QLatin1String("year"))
            return Period{kind, QDate(d->year(), 1, 1)};
        *why = ImportPlan::tr("is a date: say whether the target is for its month, quarter or year (a period kind column)");
        return std::nullopt;
    }
    *why = ImportPlan::tr("is not a period (write 2026, 2026-Q1 or 2026-03)");
    return std::nullopt;
}

QString levelOf(const QString &text)
{
    static const QList<Words> levels{
        {"company", normalised({"company", "whole company", "all", "公司", "全公司", "集团", "总部"})},
        {"region", normalised({"region", "regional office", "office", "大区", "区域"})},
        {"city", normalised({"city", "branch", "城市", "分公司"})},
        {"team", normalised({"team", "团队", "小组", "组"})},
        {"rep", normalised({"rep", "sales rep", "person", "user", "agent", "salesperson", "销售", "个人", "销售代表", "业务员"})}};
    return codeFor(text, levels);
}
} // namespace

bool Planner::loadTargets()
{
    if (m_targetsLoaded)
        return true;
    m_targetsLoaded = true;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM targets WHERE deleted = 0)")) || !q.next()) {
        m_plan.fatal = ImportPlan::tr("the database cannot be read: %1").arg(q.lastError().text());
        return false;
    }
    if (q.value(0).toBool()
        && !m_targetLookup.prepare(storage::sqliteHandle(m_db),
                                   "SELECT id FROM targets WHERE period_start = ? AND org_level = ? AND COALESCE(org_id, 0) = ? "
                                   "AND period_kind = ? AND deleted = 0 ORDER BY id DESC LIMIT 1")) {
        m_plan.fatal = ImportPlan::tr("the database cannot be read: %1").arg(m_targetLookup.error());
        return false;
    }
    return true;
}

RowRef Planner::findOrgNode(Row &row, QString *level, const QString &name, const char **kind)
{
    // Cities and teams by name alone (the file names no region): the one of that name.
    const auto byName = [&](const QHash<QString, qint64> &stored, const std::vector<PlannedUnit> &planned,
                            bool *ambiguous) -> RowRef {
        const QString n = normaliseName(name);
        RowRef found;
        int hits = 0;
        for (auto it = stored.cbegin(); it != stored.cend(); ++it)
            if (it.key().section(QLatin1Char('\n'), 1) == n) {
                found = RowRef::row(it.value());
                ++hits;
            }
        for (int i = 0; i < int(planned.size()); ++i)
            if (normaliseName(planned[i].name) == n) {
                found = RowRef::plan(i);
                ++hits;
            }
        *ambiguous = hits > 1;
        return hits == 1 ? found : RowRef();
    };
    bool ambiguous = false;
    const auto find = [&](const QString &lvl, bool *amb) -> RowRef {
        if (lvl == QLatin1String("region"))
            return findRegion(name, false);
        if (lvl == QLatin1String("city"))
            return byName(m_dbCities, m_plan.cities, amb);
        if (lvl == QLatin1String("team"))
            return byName(m_dbTeams, m_plan.teams, amb);
        return findUser(row, QStringLiteral("org"), name, false);
    };
    static const QStringList levels{QStringLiteral("region"), QStringLiteral("city"), QStringLiteral("team"), QStringLiteral("rep")};
    static const char *const kinds[] = {"regions", "cities", "teams", "users"};
    if (!level->isEmpty()) {
        const RowRef r = find(*level, &ambiguous);
        *kind = kinds[levels.indexOf(*level)];
        if (ambiguous)
            fail(row, QStringLiteral("org"), name, ImportPlan::tr("two units of this level have this name"));
        return r;
    }
    RowRef only;
    int hits = 0;
    for (int i = 0; i < levels.size(); ++i) {
        bool amb = false;
        const RowRef r = find(levels.at(i), &amb);
        if (r.isSet() || amb) {
            hits += amb ? 2 : 1;
            only = r;
            *level = levels.at(i);
            *kind = kinds[i];
        }
    }
    if (hits > 1) {
        fail(row, QStringLiteral("org"), name, ImportPlan::tr("more than one unit or person has this name: add a level column"));
        return {};
    }
    return only;
}

void Planner::planTargetRow(Row &row)
{
    if (!loadTargets())
        return;
    PlannedTarget t;
    t.file = row.file;
    t.line = row.line;
    const QString kindText = value(row, QStringLiteral("period_kind"));
    const auto kind = kindOf(kindText);
    if (!kind)
        return fail(row, QStringLiteral("period_kind"), kindText, ImportPlan::tr("not month, quarter or year"));
    const QString periodText = value(row, QStringLiteral("period"));
    if (periodText.isEmpty())
        return fail(row, QStringLiteral("period"), QString(), ImportPlan::tr("a target needs its period"));
    QString why;
    const auto period = parsePeriod(periodText, *kind, m_request.mapping.dayOrder, m_source && m_source->date1904(), &why);
    if (!period)
        return fail(row, QStringLiteral("period"), periodText, why);
    if (kind->isEmpty() && QRegularExpression(QStringLiteral("^\\d{4}\\D\\d{1,2}\\D\\d{1,2}|^\\d{5}$")).match(io::Values::halfWidth(periodText).trimmed()).hasMatch())
        warn(row, QStringLiteral("period"), periodText, ImportPlan::tr("a date on the first of a month: read as that month"));
    if (period->start.year() < 1990 || period->start.year() > 2100)
        return fail(row, QStringLiteral("period"), periodText, ImportPlan::tr("a year from 1990 to 2100"));
    t.periodKind = period->kind;
    t.periodStart = times::dayOf(instantOfDay(period->start));
    const QString levelText = value(row, QStringLiteral("level"));
    t.level = levelOf(levelText);
    if (!levelText.isEmpty() && t.level.isEmpty())
        return fail(row, QStringLiteral("level"), levelText, ImportPlan::tr("not company, region, city, team or rep"));
    const QString org = value(row, QStringLiteral("org"));
    if (t.level == QLatin1String("company") || (t.level.isEmpty() && org.isEmpty())) {
        t.level = QStringLiteral("company");
    } else {
        if (org.isEmpty())
            return fail(row, QStringLiteral("org"), QString(), ImportPlan::tr("a %1 target needs the unit or person it is for").arg(t.level));
        t.org = findOrgNode(row, &t.level, org, &t.orgKind);
        if (!row.error.isEmpty())
            return;
        if (!t.org.isSet())
            return fail(row, QStringLiteral("org"), org, ImportPlan::tr("no such unit or person (import the people and org first)"));
    }
    const QString amountText = value(row, QStringLiteral("amount"));
    const auto amount = money(row, QStringLiteral("amount"), amountText);
    if (!row.error.isEmpty())
        return;
    if (!amount)
        return fail(row, QStringLiteral("amount"), QString(), ImportPlan::tr("a target needs its amount"));
    if (*amount < 0)
        return fail(row, QStringLiteral("amount"), amountText, ImportPlan::tr("a target below zero"));
    t.amountCents = *amount;
    const QString tier = value(row, QStringLiteral("tier")).toUpper();
    if (!tier.isEmpty() && tier != QLatin1String("A") && tier != QLatin1String("B") && tier != QLatin1String("C"))
        return fail(row, QStringLiteral("tier"), tier, ImportPlan::tr("not A, B or C"));
    t.tier = tier;
    const auto percent = [&](const char *field, qint64 min, qint64 max, const QString &range) -> qint64 {
        const QString f = QLatin1String(field);
        const QString text = value(row, f);
        if (text.isEmpty())
            return 0;
        QString reason;
        const auto bp = io::Values::parsePercentBp(text, &reason);
        if (!bp)
            fail(row, f, text, reason);
        else if (*bp < min || *bp > max)
            fail(row, f, text, range);
        return bp.value_or(0);
    };
    t.growthBp = percent("growth", -10000, 100000, ImportPlan::tr("a growth rate from -100 % to 1000 %"));
    t.correctionBp = percent("correction", -500, 500, ImportPlan::tr("an external correction is within ±5 %"));
    if (!row.error.isEmpty())
        return;
    // The reason is kept as the file says; a correction without one is imported (the file is the
    // company's record) and said, so someone can give it on the Targets tab.
    t.correctionReason = value(row, QStringLiteral("correction_reason"));
    if (t.correctionBp != 0 && t.correctionReason.isEmpty())
        warn(row, QStringLiteral("correction"), value(row, QStringLiteral("correction")),
             ImportPlan::tr("a correction without a reason: imported; its reason can be given on the Targets tab"));
    const QString status = value(row, QStringLiteral("status"));
    const QString s = normaliseName(status);
    if (s.isEmpty()) {
        t.status = QStringLiteral("approved");
    } else if (s == QLatin1String("approved") || s == QStringLiteral("已批准") || s == QStringLiteral("已审批") || s == QStringLiteral("批准")
               || s == QStringLiteral("生效")) {
        t.status = QStringLiteral("approved");
    } else if (s == QLatin1String("draft") || s == QStringLiteral("草稿") || s == QStringLiteral("待审批")) {
        t.status = QStringLiteral("draft");
    } else {
        return fail(row, QStringLiteral("status"), status, ImportPlan::tr("not approved or draft"));
    }
    // The target's identity: its period and node (an id column is kept for re-import too).
    const QString natural = QStringList{t.periodKind, QString::number(t.periodStart), t.level,
                                        QStringLiteral("%1/%2").arg(t.org.existing).arg(t.org.planned)}
                                .join(QLatin1Char('\n'));
    if (const auto it = m_seenIds[row.file].value(natural))
        return fail(row, QStringLiteral("period"), periodText, ImportPlan::tr("the same period and unit as line %1").arg(*it));
    const QString id = value(row, QStringLiteral("external_id"));
    t.externalId = id.isEmpty() ? natural : id;
    if (!id.isEmpty() && repeatsId(row, id))
        return;
    rememberId(row, natural);
    t.existing = storedKey(QStringLiteral("targets"), t.externalId);
    if (!t.existing && (t.org.existing || t.level == QLatin1String("company")) && m_targetLookup.isValid()) {
        m_targetLookup.bind(1, t.periodStart);
        m_targetLookup.bind(2, t.level);
        m_targetLookup.bind(3, t.org.existing);
        m_targetLookup.bind(4, t.periodKind);
        if (m_targetLookup.next())
            t.existing = m_targetLookup.int64(0);
        m_targetLookup.reset();
    }
    t.given = row.given;
    if (!id.isEmpty())
        rememberId(row, id);
    m_plan.targets.push_back(std::move(t));
}

void Planner::checkTargetSums()
{
    if (m_plan.targets.empty())
        return;
    // Each node's parent: a region's is the company, a city's its region, a rep's their city.
    QHash<qint64, qint64> cityRegion, userCity;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT id, region_id FROM cities WHERE deleted = 0")))
        while (q.next())
            cityRegion.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    if (q.exec(QStringLiteral("SELECT id, COALESCE(city_id, 0) FROM users WHERE deleted = 0")))
        while (q.next())
            userCity.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    const auto refText = [](const char *kind, const RowRef &r) {
        return QStringLiteral("%1:%2/%3").arg(QLatin1String(kind)).arg(r.existing).arg(r.planned);
    };
    const auto parentOf = [&](const PlannedTarget &t) -> QString {
        if (t.level == QLatin1String("region"))
            return QStringLiteral("company");
        if (t.level == QLatin1String("city")) {
            const RowRef region = t.org.existing ? RowRef::row(cityRegion.value(t.org.existing)) : m_plan.cities.at(t.org.planned).region;
            return refText("regions", region);
        }
        if (t.level == QLatin1String("rep")) {
            const RowRef city = t.org.existing ? RowRef::row(userCity.value(t.org.existing)) : m_plan.users.at(t.org.planned).city;
            return city.isSet() ? refText("cities", city) : QString();
        }
        return {};
    };
    struct Node
    {
        int target = -1;      // the import's target for this node, if any
        qint64 childSum = 0;  // its children's targets in the import
        int children = 0;
    };
    std::map<QString, std::map<QString, Node>> nodes; // period → node → what the file gives
    for (int i = 0; i < int(m_plan.targets.size()); ++i) {
        const PlannedTarget &t = m_plan.targets[i];
        auto &period = nodes[t.periodKind + QString::number(t.periodStart)];
        const QString self = t.level == QLatin1String("company") ? QStringLiteral("company") : refText(t.orgKind, t.org);
        period[self].target = i;
        const QString parent = t.level == QLatin1String("team") || t.level == QLatin1String("company") ? QString() : parentOf(t);
        if (!parent.isEmpty()) {
            Node &p = period[parent];
            p.childSum += t.amountCents;
            ++p.children;
        }
    }
    for (const auto &[period, byNode] : nodes)
        for (const auto &[node, n] : byNode) {
            if (n.target < 0 || n.children == 0)
                continue;
            const PlannedTarget &t = m_plan.targets[n.target];
            if (n.childSum == t.amountCents)
                continue;
            ImportIssue issue;
            issue.error = false;
            issue.file = t.file;
            issue.line = t.line;
            issue.column = m_plan.files.value(t.file).mapping.columns.value(QStringLiteral("amount"));
            issue.value = formatMoney(t.amountCents, m_plan.currency, QLocale());
            issue.reason = ImportPlan::tr("the targets of the level below in the file (%1) add up to %2, not this amount")
                               .arg(n.children)
                               .arg(formatMoney(n.childSum, m_plan.currency, QLocale()));
            m_plan.issues.push_back(issue);
        }
}

} // namespace cockpit::imports::detail

// The stores half of the planner (importplanner.h): stores, and their daily metrics (DESIGN §2
// "store-day metrics"), the file the Stores screen always imported, now read as any other
// entity (CSV or XLSX, a mapping, the preview, undo).
//
// A store-day row's values:
//   store       the store's id in the stores file, its global id (the UUID exports show) or its
//               name (a name two stores share must use an id);
//   day         any date the importer reads;
//   counts      whole numbers >= 0 (staff, receptions, experiences, deals within 72 h);
//   exposure    a percentage 0..100: "85", "85%", "0.85" (io::Values::parsePercentBp);
//   dwell       minutes with decimals ("3.5" = 210 s), up to a day.
// Refused: deals above experiences, receptions without staff on duty, the same store and day
// twice in the file. A stored day the file brings again is the same row (matched by store and
// day), updated or skipped as the import's duplicate mode says.
#include "imports/importplanner.h"

#include "domain/times.h"
#include "io/values.h"
#include "storage/database.h"
#include "storage/uuidcolumn.h"

#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace cockpit::imports::detail {

namespace {
QString dayKey(const RowRef &store, qint64 day)
{
    return QStringLiteral("%1/%2\n%3").arg(store.existing).arg(store.planned).arg(day);
}
} // namespace

bool Planner::loadStores()
{
    if (m_storesLoaded)
        return true;
    m_storesLoaded = true;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, name, uuid FROM stores WHERE deleted = 0"))) {
        m_plan.fatal = ImportPlan::tr("the database cannot be read: %1").arg(q.lastError().text());
        return false;
    }
    while (q.next()) {
        m_dbStoresByUuid.insert(storage::uuidText(q.value(2).toByteArray()), q.value(0).toLongLong());
        m_dbStoresByName[normaliseName(q.value(1).toString())] << q.value(0).toLongLong();
    }
    // Every stored day counts, tombstones too: the table holds one row per store and day, so a
    // day an undo removed is revived rather than inserted again.
    if (!q.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM store_days)")) || !q.next()) {
        m_plan.fatal = ImportPlan::tr("the database cannot be read: %1").arg(q.lastError().text());
        return false;
    }
    if (q.value(0).toBool()
        && !m_storeDayLookup.prepare(storage::sqliteHandle(m_db), "SELECT id, deleted FROM store_days WHERE store_id = ? AND day = ?")) {
        m_plan.fatal = ImportPlan::tr("the database cannot be read: %1").arg(m_storeDayLookup.error());
        return false;
    }
    return true;
}

void Planner::planStoreRow(Row &row)
{
    if (!loadStores())
        return;
    PlannedStore s;
    s.file = row.file;
    s.line = row.line;
    s.name = value(row, QStringLiteral("name"));
    if (s.name.isEmpty())
        return fail(row, QStringLiteral("name"), QString(), ImportPlan::tr("a store needs its name"));
    const QString n = normaliseName(s.name);
    // A store without an id column is recognised by its name.
    if (m_stores.contains(n))
        return fail(row, QStringLiteral("name"), s.name, ImportPlan::tr("the same store as line %1").arg(m_plan.stores.at(m_stores.value(n)).line));
    const QString id = value(row, QStringLiteral("external_id"));
    s.externalId = id.isEmpty() ? QStringLiteral("name:") + n : id;
    if (repeatsId(row, s.externalId))
        return;
    const bool create = m_request.mapping.createOrg;
    const QString region = value(row, QStringLiteral("region"));
    s.region = findRegion(region, create);
    if (!region.isEmpty() && !s.region.isSet())
        return fail(row, QStringLiteral("region"), region, ImportPlan::tr("no such region; the import creates regions only when asked to create the org"));
    const QString city = value(row, QStringLiteral("city"));
    s.city = findCity(city, s.region, create);
    if (!city.isEmpty() && !s.city.isSet())
        return fail(row, QStringLiteral("city"), city,
                    s.region.isSet() ? ImportPlan::tr("no such city in that region; the import creates cities only when asked to create the org")
                                     : ImportPlan::tr("a city needs its region"));
    const QString manager = value(row, QStringLiteral("manager"));
    s.manager = findUser(row, QStringLiteral("manager"), manager, false);
    if (!manager.isEmpty() && !s.manager.isSet())
        return fail(row, QStringLiteral("manager"), manager, ImportPlan::tr("no such person (import the people first)"));
    const auto opened = date(row, QStringLiteral("opened_on"), value(row, QStringLiteral("opened_on")));
    if (!row.error.isEmpty())
        return;
    s.openedOn = opened ? times::dayOf(*opened) : 0; // unset: its first day in the import, else today (finish)
    s.existing = storedKey(QStringLiteral("stores"), s.externalId);
    if (!s.existing) {
        const QList<qint64> named = m_dbStoresByName.value(n);
        if (named.size() > 1)
            return fail(row, QStringLiteral("name"), s.name, ImportPlan::tr("two stores have this name: give the file an id column"));
        s.existing = named.value(0);
    }
    s.given = row.given;
    rememberId(row, s.externalId);
    m_stores.insert(n, int(m_plan.stores.size()));
    m_plan.stores.push_back(std::move(s));
}

void Planner::planStoreDayRow(Row &row)
{
    if (!loadStores())
        return;
    PlannedStoreDay d;
    d.file = row.file;
    d.line = row.line;
    // The store: this import's (by its id or name), an earlier import's id, the global id, or
    // the one stored store of that name.
    const QString store = value(row, QStringLiteral("store"));
    const QString n = normaliseName(store);
    for (int i = 0; i < int(m_plan.stores.size()) && !d.store.isSet(); ++i) {
        const PlannedStore &s = m_plan.stores[i];
        if (s.externalId == store || normaliseName(s.name) == n)
            d.store = s.existing ? RowRef::row(s.existing) : RowRef::plan(i);
    }
    if (!d.store.isSet())
        if (const qint64 key = storedKey(QStringLiteral("stores"), store))
            d.store = RowRef::row(key);
    if (!d.store.isSet())
        if (const qint64 key = m_dbStoresByUuid.value(store.toLower()))
            d.store = RowRef::row(key);
    if (!d.store.isSet()) {
        const QList<qint64> named = m_dbStoresByName.value(n);
        if (named.size() > 1)
            return fail(row, QStringLiteral("store"), store, ImportPlan::tr("two stores have this name: use the store's id"));
        if (named.isEmpty())
            return fail(row, QStringLiteral("store"), store,
                        store.isEmpty() ? ImportPlan::tr("a store day needs its store") : ImportPlan::tr("no such store (import the stores first)"));
        d.store = RowRef::row(named.first());
    }
    const QString dayText = value(row, QStringLiteral("day"));
    const auto at = date(row, QStringLiteral("day"), dayText);
    if (!row.error.isEmpty())
        return;
    if (!at)
        return fail(row, QStringLiteral("day"), QString(), ImportPlan::tr("a store day needs its date"));
    d.day = times::dayOf(*at);
    const auto count = [&](const char *field) -> qint64 {
        const QString f = QLatin1String(field);
        const QString text = value(row, f);
        if (text.isEmpty()) {
            fail(row, f, QString(), ImportPlan::tr("is empty"));
            return 0;
        }
        return integer(row, f, text, 0, 1000000000).value_or(0);
    };
    d.staff = count("staff");
    d.receptions = count("receptions");
    d.experiences = count("experiences");
    d.deals72h = count("deals_72h");
    if (!row.error.isEmpty())
        return;
    const QString exposure = value(row, QStringLiteral("exposure"));
    QString why;
    const auto bp = io::Values::parsePercentBp(exposure, &why);
    if (!bp)
        return fail(row, QStringLiteral("exposure"), exposure, why);
    if (*bp < 0 || *bp > 10000)
        return fail(row, QStringLiteral("exposure"), exposure, ImportPlan::tr("an exposure is from 0 to 100 %"));
    d.exposureBp = *bp;
    const QString dwell = value(row, QStringLiteral("dwell"));
    bool ok = false;
    const double minutes = io::Values::halfWidth(dwell).toDouble(&ok);
    if (!ok || !std::isfinite(minutes) || minutes < 0 || minutes > 24 * 60)
        return fail(row, QStringLiteral("dwell"), dwell, ImportPlan::tr("not a number of minutes from 0 to 1440"));
    d.dwellSeconds = qint64(std::llround(minutes * 60));
    if (d.deals72h > d.experiences)
        return fail(row, QStringLiteral("deals_72h"), value(row, QStringLiteral("deals_72h")),
                    ImportPlan::tr("more deals than experiences given (%1)").arg(d.experiences));
    if (d.receptions > 0 && d.staff == 0)
        return fail(row, QStringLiteral("receptions"), value(row, QStringLiteral("receptions")),
                    ImportPlan::tr("customer groups received with no staff on duty"));
    // One row per store and day: that is the row's identity, with an id column or without.
    const QString natural = dayKey(d.store, d.day);
    if (const auto it = m_seenIds[row.file].value(natural))
        return fail(row, QStringLiteral("day"), dayText, ImportPlan::tr("the same store and day as line %1").arg(*it));
    const QString id = value(row, QStringLiteral("external_id"));
    d.externalId = id.isEmpty() ? natural : id;
    if (!id.isEmpty() && repeatsId(row, id))
        return;
    rememberId(row, natural);
    if (d.store.existing && m_storeDayLookup.isValid()) { // a planned store has no stored days
        m_storeDayLookup.bind(1, d.store.existing);
        m_storeDayLookup.bind(2, d.day);
        if (m_storeDayLookup.next()) {
            d.existing = m_storeDayLookup.int64(0);
            d.revive = m_storeDayLookup.int64(1) != 0;
        }
        m_storeDayLookup.reset();
    }
    if (!d.existing)
        d.existing = storedKey(QStringLiteral("store_days"), d.externalId);
    d.given = row.given;
    rememberId(row, d.externalId);
    m_plan.storeDays.push_back(std::move(d));
}

// Stores the files gave no opening date: their first day in the import, else the import's day.
void Planner::finishStores()
{
    QHash<int, qint64> firstDay;
    for (const PlannedStoreDay &d : m_plan.storeDays)
        if (d.store.planned >= 0 && (!firstDay.contains(d.store.planned) || d.day < firstDay.value(d.store.planned)))
            firstDay.insert(d.store.planned, d.day);
    bool warned = false;
    QSqlQuery stored(m_db);
    stored.prepare(QStringLiteral("SELECT opened_on FROM stores WHERE id = ?"));
    for (int i = 0; i < int(m_plan.stores.size()); ++i) {
        PlannedStore &s = m_plan.stores[i];
        if (s.openedOn)
            continue;
        if (s.existing) { // a stored store keeps its date
            stored.addBindValue(s.existing);
            if (stored.exec() && stored.next())
                s.openedOn = stored.value(0).toLongLong();
            stored.finish();
            continue;
        }
        s.openedOn = firstDay.value(i, times::dayOf(m_plan.now));
        if (!warned) {
            ImportIssue issue;
            issue.error = false;
            issue.file = s.file;
            issue.line = s.line;
            issue.reason = ImportPlan::tr("no opening date: a store opened on its first day in the import, else today");
            m_plan.issues.push_back(issue);
            warned = true;
        }
    }
}

} // namespace cockpit::imports::detail

#include "analytics/storecodes.h"
#include "storage/uuidcolumn.h"

#include "analytics/analyticstext.h"
#include "analytics/query.h"
#include "domain/times.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace cockpit::analytics {

namespace {
// Where the cities are (degrees, city centre): the demo company's cities and the other large
// cities of the mainland, so "nearby" can mean near without a schema change. A city not in
// the list has no distance (the nearby store then falls back to the same region).
struct CityPlace
{
    const char *name;
    double lat, lon;
};
constexpr CityPlace kCityPlaces[] = {
    {"上海", 31.230, 121.474}, {"杭州", 30.274, 120.155}, {"苏州", 31.299, 120.585}, {"南京", 32.060, 118.797},
    {"宁波", 29.868, 121.544}, {"合肥", 31.821, 117.227}, {"成都", 30.573, 104.066}, {"重庆", 29.563, 106.551},
    {"昆明", 25.038, 102.718}, {"广州", 23.129, 113.264}, {"深圳", 22.543, 114.058}, {"厦门", 24.480, 118.089},
    {"福州", 26.074, 119.296}, {"北京", 39.904, 116.407}, {"天津", 39.343, 117.362}, {"济南", 36.651, 117.120},
    {"青岛", 36.067, 120.383}, {"武汉", 30.593, 114.305}, {"长沙", 28.228, 112.939}, {"郑州", 34.747, 113.625},
    {"南昌", 28.683, 115.858}, {"西安", 34.342, 108.940}, {"兰州", 36.061, 103.834}, {"银川", 38.487, 106.231},
    {"东莞", 23.021, 113.752}, {"佛山", 23.022, 113.122}, {"无锡", 31.491, 120.312}, {"沈阳", 41.806, 123.432},
    {"大连", 38.914, 121.615}, {"哈尔滨", 45.803, 126.535}, {"长春", 43.817, 125.324}, {"石家庄", 38.042, 114.515},
    {"太原", 37.871, 112.549}, {"南宁", 22.817, 108.367}, {"贵阳", 26.647, 106.630}, {"海口", 20.044, 110.199},
    {"乌鲁木齐", 43.826, 87.617}, {"呼和浩特", 40.842, 111.749}, {"西宁", 36.617, 101.778}, {"拉萨", 29.650, 91.100},
};
// A "nearby" store is at most this far (a half day's trip by high-speed rail).
constexpr double kNearbyKm = 800;

const CityPlace *placeOf(const QString &city)
{
    const QString name = city.trimmed();
    for (const CityPlace &p : kCityPlaces) {
        const QString n = QString::fromUtf8(p.name);
        // "广州" also matches "广州市".
        if (name == n || (name.startsWith(n) && name.size() == n.size() + 1 && name.endsWith(QChar(0x5E02))))
            return &p;
    }
    return nullptr;
}
} // namespace

std::optional<double> cityDistanceKm(const QString &a, const QString &b)
{
    const CityPlace *pa = placeOf(a), *pb = placeOf(b);
    if (!pa || !pb)
        return std::nullopt;
    // Great-circle distance (haversine) on a sphere of the Earth's mean radius.
    constexpr double kRad = 3.14159265358979323846 / 180.0;
    const double dLat = (pb->lat - pa->lat) * kRad, dLon = (pb->lon - pa->lon) * kRad;
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2) +
        std::cos(pa->lat * kRad) * std::cos(pb->lat * kRad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

namespace {
// Thresholds in integer units so "exactly at the target" is exact: hundredths of a group per
// staff, basis points of exposure, seconds of dwell, basis points of conversion.
struct Units
{
    qint64 staffTarget, staffRed, exposureTarget, exposureRed, dwellTarget, dwellRed, conversionTarget;
    explicit Units(const StoreThresholds &t)
        : staffTarget(std::llround(t.staffTarget * 100)), staffRed(std::llround(t.staffRed * 100)),
          exposureTarget(std::llround(t.exposureTargetPct * 100)), exposureRed(std::llround(t.exposureRedPct * 100)),
          dwellTarget(std::llround(t.dwellTargetMin * 60)), dwellRed(std::llround(t.dwellRedMin * 60)),
          conversionTarget(std::llround(t.conversionTargetPct * 100))
    {
    }
};

struct SettingKey
{
    const char *key;
    double StoreThresholds::*real = nullptr;
    int StoreThresholds::*whole = nullptr;
    double min, max;
};

const std::vector<SettingKey> &settingKeys()
{
    static const std::vector<SettingKey> keys = {
        {"stores.staff_target", &StoreThresholds::staffTarget, nullptr, 0, 1000},
        {"stores.staff_red", &StoreThresholds::staffRed, nullptr, 0, 1000},
        {"stores.staff_days", nullptr, &StoreThresholds::staffDays, 1, 30},
        {"stores.exposure_target_pct", &StoreThresholds::exposureTargetPct, nullptr, 0, 100},
        {"stores.exposure_red_pct", &StoreThresholds::exposureRedPct, nullptr, 0, 100},
        {"stores.exposure_days", nullptr, &StoreThresholds::exposureDays, 1, 30},
        {"stores.dwell_target_min", &StoreThresholds::dwellTargetMin, nullptr, 0, 600},
        {"stores.dwell_red_min", &StoreThresholds::dwellRedMin, nullptr, 0, 600},
        {"stores.dwell_days", nullptr, &StoreThresholds::dwellDays, 1, 30},
        {"stores.conversion_target_pct", &StoreThresholds::conversionTargetPct, nullptr, 0, 100},
        {"stores.conversion_days", nullptr, &StoreThresholds::conversionDays, 1, 30},
    };
    return keys;
}

} // namespace

QString storeDimensionKey(StoreDimension d)
{
    switch (d) {
    case StoreDimension::Staff: return QStringLiteral("staff");
    case StoreDimension::Exposure: return QStringLiteral("exposure");
    case StoreDimension::Dwell: return QStringLiteral("dwell");
    case StoreDimension::Conversion: break;
    }
    return QStringLiteral("conversion");
}

QString storeDimensionLabel(StoreDimension d)
{
    switch (d) {
    case StoreDimension::Staff: return tr("Staff efficiency");
    case StoreDimension::Exposure: return tr("Product exposure");
    case StoreDimension::Dwell: return tr("Dwell");
    case StoreDimension::Conversion: break;
    }
    return tr("Conversion");
}

int StoreThresholds::days(StoreDimension d) const
{
    switch (d) {
    case StoreDimension::Staff: return staffDays;
    case StoreDimension::Exposure: return exposureDays;
    case StoreDimension::Dwell: return dwellDays;
    case StoreDimension::Conversion: break;
    }
    return conversionDays;
}

int StoreThresholds::maxDays() const
{
    return std::max({staffDays, exposureDays, dwellDays, conversionDays, 1});
}

QStringList storeThresholdKeys()
{
    QStringList out;
    for (const SettingKey &k : settingKeys())
        out << QLatin1String(k.key);
    return out;
}

StoreThresholds loadStoreThresholds(QSqlDatabase db, QStringList *problems)
{
    StoreThresholds t;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT key, value FROM settings WHERE key >= 'stores.' AND key < 'stores/'")))
        return t;
    while (q.next()) {
        const QString key = q.value(0).toString();
        const QString value = q.value(1).toString().trimmed();
        for (const SettingKey &k : settingKeys()) {
            if (key != QLatin1String(k.key))
                continue;
            bool ok = false;
            const double v = value.toDouble(&ok);
            const bool whole = k.whole != nullptr;
            if (ok && v >= k.min && v <= k.max && (!whole || v == std::floor(v))) {
                if (whole)
                    t.*k.whole = int(v);
                else
                    t.*k.real = v;
            } else if (problems) {
                problems->append(QCoreApplication::translate("cockpit::analytics::StoreCodes",
                    "Setting %1 = \"%2\" is not a number from %3 to %4; the default applies.")
                    .arg(key, value).arg(k.min).arg(k.max));
            }
        }
    }
    return t;
}

std::optional<double> dayValue(const StoreDay &d, StoreDimension dim)
{
    switch (dim) {
    case StoreDimension::Staff:
        if (d.staff <= 0)
            return std::nullopt;
        return double(d.receptions) / d.staff;
    case StoreDimension::Exposure: return d.exposureBp / 100.0;
    case StoreDimension::Dwell: return d.dwellSeconds / 60.0;
    case StoreDimension::Conversion: break;
    }
    if (d.experiences <= 0)
        return std::nullopt;
    return 100.0 * d.deals72h / d.experiences;
}

DayLevel dayLevel(const StoreDay &d, StoreDimension dim, const StoreThresholds &t)
{
    const Units u(t);
    switch (dim) {
    case StoreDimension::Staff: {
        if (d.staff <= 0)
            return DayLevel::NoData;
        const qint64 perStaff100 = qint64(d.receptions) * 100; // compare receptions*100 with target*100*staff
        if (perStaff100 >= u.staffTarget * d.staff)
            return DayLevel::MeetsTarget;
        return perStaff100 < u.staffRed * d.staff ? DayLevel::BelowRedLine : DayLevel::BelowTarget;
    }
    case StoreDimension::Exposure:
        if (d.exposureBp >= u.exposureTarget)
            return DayLevel::MeetsTarget;
        return d.exposureBp < u.exposureRed ? DayLevel::BelowRedLine : DayLevel::BelowTarget;
    case StoreDimension::Dwell:
        if (d.dwellSeconds >= u.dwellTarget)
            return DayLevel::MeetsTarget;
        return d.dwellSeconds < u.dwellRed ? DayLevel::BelowRedLine : DayLevel::BelowTarget;
    case StoreDimension::Conversion: break;
    }
    if (d.experiences <= 0)
        return DayLevel::NoData;
    if (d.deals72h == 0)
        return DayLevel::BelowRedLine; // an experience with no deal within 72 h
    return qint64(d.deals72h) * 10000 >= u.conversionTarget * d.experiences ? DayLevel::MeetsTarget
                                                                            : DayLevel::BelowTarget;
}

namespace {
// Days sorted by date: colour of `dim` as of index i (days[i].day), walking back over
// consecutive calendar days.
Rag colourAt(const QVector<StoreDay> &sorted, int i, StoreDimension dim, const StoreThresholds &t)
{
    const DayLevel level = dayLevel(sorted.at(i), dim, t);
    switch (level) {
    case DayLevel::NoData: return Rag::Grey;
    case DayLevel::MeetsTarget: return Rag::Green;
    case DayLevel::BelowTarget: return Rag::Yellow;
    case DayLevel::BelowRedLine: break;
    }
    const int need = t.days(dim);
    int run = 1;
    for (int j = i - 1; j >= 0 && run < need; --j) {
        if (sorted.at(j).day.daysTo(sorted.at(j + 1).day) != 1
            || dayLevel(sorted.at(j), dim, t) != DayLevel::BelowRedLine)
            break;
        ++run;
    }
    return run >= need ? Rag::Red : Rag::Orange;
}

QVector<StoreDay> sortedDays(QVector<StoreDay> days)
{
    std::sort(days.begin(), days.end(), [](const StoreDay &a, const StoreDay &b) { return a.day < b.day; });
    return days;
}

int indexOf(const QVector<StoreDay> &sorted, QDate day)
{
    const auto it = std::lower_bound(sorted.begin(), sorted.end(), day,
                                     [](const StoreDay &d, QDate x) { return d.day < x; });
    return it != sorted.end() && it->day == day ? int(it - sorted.begin()) : -1;
}
} // namespace

Rag dimensionColour(const QVector<StoreDay> &days, QDate asOf, StoreDimension dim, const StoreThresholds &t)
{
    const QVector<StoreDay> sorted = sortedDays(days);
    const int i = indexOf(sorted, asOf);
    return i < 0 ? Rag::Grey : colourAt(sorted, i, dim, t);
}

Rag storeColour(const QVector<StoreDay> &days, QDate asOf, const StoreThresholds &t)
{
    Rag r = Rag::Grey;
    for (int d = 0; d < kStoreDimensions; ++d)
        r = worse(r, dimensionColour(days, asOf, StoreDimension(d), t));
    return r;
}

QString storeAction(StoreDimension dim, const QString &peer)
{
    switch (dim) {
    case StoreDimension::Staff:
        if (peer.isEmpty())
            return tr("Send the invitation script pack (邀约话术包) to the store team; no green store in the same "
                      "city or region to learn from yet.");
        return tr("Send the invitation script pack (邀约话术包) to the store team and arrange a visit to %1, "
                  "a high-performing store nearby.").arg(peer);
    case StoreDimension::Exposure:
        return tr("Run the rectification check-list (整改清单): main product at the entrance and eye level, "
                  "demo unit switched on, price tags and posters in place; photo back to the region.");
    case StoreDimension::Dwell:
        return tr("Store-flow suggestions (动线建议): open the experience zone first, add seating and a "
                  "demo station on the main path, greet within 30 s and offer a trial.");
    case StoreDimension::Conversion: break;
    }
    return tr("Send the care-message template (关怀短信) with a coupon to every customer who had an "
              "experience without a deal within 72 h.");
}

const StoreCode *StoreCodes::find(const QString &storeId) const
{
    for (const StoreCode &s : stores)
        if (s.storeId == storeId)
            return &s;
    return nullptr;
}

StoreCodes computeStoreCodes(QSqlDatabase db, const Scope &scope, const StoreThresholds &t)
{
    StoreCodes out;
    out.scope = scope;
    out.thresholds = t;
    // Which stores: by region or city directly; a team or a rep by its city.
    QString where = QStringLiteral(" WHERE s.deleted = 0");
    QVariantList binds;
    switch (scope.org.level) {
    case OrgLevel::Company: break;
    case OrgLevel::Region: where += QStringLiteral(" AND s.region_id = ?"); binds << scope.org.id; break;
    case OrgLevel::City: where += QStringLiteral(" AND s.city_id = ?"); binds << scope.org.id; break;
    case OrgLevel::Team:
        where += QStringLiteral(" AND s.city_id = (SELECT city_id FROM teams WHERE id = ?)");
        binds << scope.org.id;
        break;
    case OrgLevel::Rep:
        where += QStringLiteral(" AND s.city_id = (SELECT city_id FROM users WHERE id = ?)");
        binds << scope.org.id;
        break;
    }
    if (scope.org.level == OrgLevel::Team || scope.org.level == OrgLevel::Rep) {
        const bool team = scope.org.level == OrgLevel::Team;
        QSqlQuery n = runQuery(db, team ? QStringLiteral("SELECT t.name, c.name FROM teams t LEFT JOIN cities c ON c.id = t.city_id WHERE t.id = ?")
                                        : QStringLiteral("SELECT u.name, c.name FROM users u LEFT JOIN cities c ON c.id = u.city_id WHERE u.id = ?"),
                               {scope.org.id});
        if (n.next()) {
            const QString city = n.value(1).toString();
            out.scopeNote = city.isEmpty()
                ? (team ? tr("Team %1 has no city, so it has no stores.") : tr("%1 has no city, so no stores."))
                      .arg(n.value(0).toString())
                : (team ? tr("Stores of %1, the city of team %2 (teams do not own stores).")
                        : tr("Stores of %1, the city of %2 (reps do not own stores)."))
                      .arg(city, n.value(0).toString());
        }
    }
    QHash<QString, int> at;
    {
        QSqlQuery q = runQuery(db, QStringLiteral("SELECT s.id, s.name, s.region_id, r.name, s.city_id, c.name, s.uuid"
                                                  " FROM stores s LEFT JOIN regions r ON r.id = s.region_id"
                                                  " LEFT JOIN cities c ON c.id = s.city_id") + where,
                               binds);
        while (q.next()) {
            StoreCode s;
            s.storeId = q.value(0).toString();
            s.globalId = storage::uuidText(q.value(6).toByteArray());
            s.name = q.value(1).toString();
            s.regionId = q.value(2).toString();
            s.regionName = q.value(3).toString();
            s.cityId = q.value(4).toString();
            s.cityName = q.value(5).toString();
            at.insert(s.storeId, int(out.stores.size()));
            out.stores << s;
        }
    }
    const QString join = QStringLiteral(" FROM store_days d JOIN stores s ON s.id = d.store_id");
    out.asOf = times::dateOf(scalar(db, QStringLiteral("SELECT max(d.day)") + join + where
                                            + QStringLiteral(" AND d.deleted = 0 AND d.day >= ? AND d.day <= ?"),
                                        binds + QVariantList{dateParam(scope.period.first), dateParam(scope.period.last)}));
    if (out.asOf.isValid()) {
        const QDate from = out.asOf.addDays(-(kStripDays - 1) - (t.maxDays() - 1));
        QHash<QString, QVector<StoreDay>> days;
        QSqlQuery q = runQuery(db, QStringLiteral("SELECT d.store_id, d.day, d.staff, d.receptions, d.exposure_bp,"
                                                  " d.dwell_seconds, d.experiences, d.deals_72h")
                                       + join + where + QStringLiteral(" AND d.deleted = 0 AND d.day >= ? AND d.day <= ?"),
                               binds + QVariantList{dateParam(from), dateParam(out.asOf)});
        while (q.next()) {
            StoreDay d;
            d.day = times::dateOf(q.value(1));
            d.staff = q.value(2).toInt();
            d.receptions = q.value(3).toInt();
            d.exposureBp = q.value(4).toInt();
            d.dwellSeconds = q.value(5).toInt();
            d.experiences = q.value(6).toInt();
            d.deals72h = q.value(7).toInt();
            days[q.value(0).toString()] << d;
        }
        for (StoreCode &s : out.stores) {
            const QVector<StoreDay> sorted = sortedDays(days.value(s.storeId));
            for (int k = 0; k < kStripDays; ++k) {
                const QDate day = out.asOf.addDays(k - (kStripDays - 1));
                const int i = indexOf(sorted, day);
                Rag overall = Rag::Grey;
                if (i >= 0) {
                    s.stripDays[k] = sorted.at(i);
                    for (int dim = 0; dim < kStoreDimensions; ++dim) {
                        const Rag c = colourAt(sorted, i, StoreDimension(dim), t);
                        overall = worse(overall, c);
                        if (k == kStripDays - 1) {
                            s.colours[dim] = c;
                            s.values[dim] = dayValue(sorted.at(i), StoreDimension(dim));
                        }
                    }
                    if (k == kStripDays - 1)
                        s.day = sorted.at(i);
                }
                s.strip[k] = overall;
                if (overall == Rag::Red)
                    ++s.daysRed;
            }
            s.overall = s.strip[kStripDays - 1];
        }
    }
    // The nearby high-performing store for staff efficiency: the green store of the same city
    // with the most receptions per staff; else the green store nearest by city distance
    // (kNearbyKm at most; ties by receptions per staff, then name); for a city without known
    // coordinates, the best green store of its region as before.
    auto best = [&](const StoreCode &self) -> const StoreCode * {
        const StoreCode *pick = nullptr;
        double pickKm = 0;
        const bool located = cityDistanceKm(self.cityName, self.cityName).has_value();
        for (int pass = 0; pass < 2 && !pick; ++pass) {
            for (const StoreCode &o : out.stores) {
                if (o.storeId == self.storeId || o.overall != Rag::Green || !o.values[0])
                    continue;
                double km = 0;
                if (pass == 0) {
                    if (o.cityId != self.cityId)
                        continue;
                } else if (located) {
                    const std::optional<double> d = cityDistanceKm(self.cityName, o.cityName);
                    if (!d || *d > kNearbyKm)
                        continue;
                    km = *d;
                } else if (o.regionId != self.regionId) {
                    continue;
                }
                const bool better = !pick || km < pickKm - 0.5 ||
                    (std::abs(km - pickKm) <= 0.5 &&
                     (*o.values[0] > *pick->values[0] || (*o.values[0] == *pick->values[0] && o.name < pick->name)));
                if (better) {
                    pick = &o;
                    pickKm = km;
                }
            }
        }
        return pick;
    };
    for (StoreCode &s : out.stores) {
        for (int dim = 0; dim < kStoreDimensions; ++dim) {
            if (s.colours[dim] != Rag::Red && s.colours[dim] != Rag::Orange)
                continue;
            if (dim == int(StoreDimension::Staff)) {
                if (const StoreCode *peer = best(s)) {
                    s.peerStoreId = peer->storeId;
                    s.peerStoreName = peer->name;
                }
            }
            s.actions[dim] = storeAction(StoreDimension(dim), s.peerStoreName);
        }
    }
    std::sort(out.stores.begin(), out.stores.end(), [](const StoreCode &a, const StoreCode &b) {
        if (a.overall != b.overall)
            return int(a.overall) > int(b.overall);
        if (a.regionName != b.regionName)
            return a.regionName < b.regionName;
        if (a.cityName != b.cityName)
            return a.cityName < b.cityName;
        return a.name < b.name;
    });
    for (const StoreCode &s : out.stores)
        ++out.countByColour[size_t(s.overall)];
    return out;
}

DataTable storeCodesTable(const StoreCodes &codes)
{
    DataTable t;
    t.title = codes.asOf.isValid()
        ? tr("Store health codes as of %1 (%2)").arg(codes.asOf.toString(Qt::ISODate), codes.scope.period.label())
        : tr("Store health codes: no store data in %1").arg(codes.scope.period.label());
    t.columns = QStringList{QStringLiteral("store_id"), QStringLiteral("store"), QStringLiteral("region"),
                            QStringLiteral("city"), QStringLiteral("as_of"),
                            QStringLiteral("staff"), QStringLiteral("receptions"), QStringLiteral("receptions_per_staff"),
                            QStringLiteral("staff_code"), QStringLiteral("exposure_pct"), QStringLiteral("exposure_code"),
                            QStringLiteral("dwell_min"), QStringLiteral("dwell_code"), QStringLiteral("experiences"),
                            QStringLiteral("deals_72h"), QStringLiteral("conversion_pct"), QStringLiteral("conversion_code"),
                            QStringLiteral("code"), QStringLiteral("days_red_30"), QStringLiteral("nearby_store"),
                            QStringLiteral("action")};
    t.headers = QStringList{tr("Store id"), tr("Store"), tr("Region"), tr("City"), tr("As of"), tr("Staff"),
                            tr("Receptions"), tr("Groups per staff"), tr("Staff efficiency"), tr("Exposure %"),
                            tr("Product exposure"), tr("Dwell (min)"), tr("Dwell"), tr("Experiences"),
                            tr("Deals within 72 h"), tr("Conversion %"), tr("Conversion"), tr("Code"),
                            tr("Red days (last 30)"), tr("Nearby high-performing store"), tr("Action")};
    t.keyColumn = 0;
    t.keyKind = QStringLiteral("store");
    auto val = [](const std::optional<double> &v, int decimals) {
        return v ? QVariant(std::round(*v * std::pow(10, decimals)) / std::pow(10, decimals)) : QVariant();
    };
    for (const StoreCode &s : codes.stores) {
        t.exportIds[0].insert(s.storeId, s.globalId);
        QStringList actions;
        for (int dim = 0; dim < kStoreDimensions; ++dim)
            if (!s.actions[dim].isEmpty())
                actions << storeDimensionLabel(StoreDimension(dim)) + QStringLiteral(": ") + s.actions[dim];
        QVariantList row{s.storeId, s.name, s.regionName, s.cityName,
                         s.day ? QVariant(s.day->day) : QVariant(),
                         s.day ? QVariant(s.day->staff) : QVariant(), s.day ? QVariant(s.day->receptions) : QVariant(),
                         val(s.values[0], 2), ragKey(s.colours[0]), val(s.values[1], 2), ragKey(s.colours[1]),
                         val(s.values[2], 2), ragKey(s.colours[2]),
                         s.day ? QVariant(s.day->experiences) : QVariant(), s.day ? QVariant(s.day->deals72h) : QVariant(),
                         val(s.values[3], 2), ragKey(s.colours[3]), ragKey(s.overall), s.daysRed, s.peerStoreName,
                         actions.join(QStringLiteral(" | "))};
        t.rows << row;
    }
    return t;
}

DataTable storeDaysTable(QSqlDatabase db, const QString &storeId, QDate from, QDate to, const StoreThresholds &t)
{
    DataTable out;
    const QString name = scalar(db, QStringLiteral("SELECT name FROM stores WHERE id = ?"), {storeId}, storeId).toString();
    out.title = tr("Store days of %1, %2 – %3").arg(name, from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    out.columns = QStringList{QStringLiteral("store_id"), QStringLiteral("day"), QStringLiteral("staff"),
                              QStringLiteral("receptions"), QStringLiteral("receptions_per_staff"),
                              QStringLiteral("staff_code"), QStringLiteral("exposure_pct"), QStringLiteral("exposure_code"),
                              QStringLiteral("dwell_min"), QStringLiteral("dwell_code"), QStringLiteral("experiences"),
                              QStringLiteral("deals_72h"), QStringLiteral("conversion_pct"),
                              QStringLiteral("conversion_code"), QStringLiteral("code")};
    out.headers = QStringList{tr("Store id"), tr("Day"), tr("Staff"), tr("Receptions"), tr("Groups per staff"),
                              tr("Staff efficiency"), tr("Exposure %"), tr("Product exposure"), tr("Dwell (min)"),
                              tr("Dwell"), tr("Experiences"), tr("Deals within 72 h"), tr("Conversion %"),
                              tr("Conversion"), tr("Code")};
    out.keyColumn = 0;
    out.keyKind = QStringLiteral("store");
    // Read the days before `from` too, so the first rows' persistence is judged correctly.
    QSqlQuery q = runQuery(db, QStringLiteral("SELECT day, staff, receptions, exposure_bp, dwell_seconds, experiences,"
                                              " deals_72h FROM store_days WHERE store_id = ? AND deleted = 0"
                                              " AND day >= ? AND day <= ? ORDER BY day"),
                           {storeId, dateParam(from.addDays(-(t.maxDays() - 1))), dateParam(to)});
    QVector<StoreDay> days;
    while (q.next()) {
        StoreDay d;
        d.day = times::dateOf(q.value(0));
        d.staff = q.value(1).toInt();
        d.receptions = q.value(2).toInt();
        d.exposureBp = q.value(3).toInt();
        d.dwellSeconds = q.value(4).toInt();
        d.experiences = q.value(5).toInt();
        d.deals72h = q.value(6).toInt();
        days << d;
    }
    for (int i = int(days.size()) - 1; i >= 0; --i) { // newest first
        const StoreDay &d = days.at(i);
        if (d.day < from)
            break;
        QVariantList row{storeId, d.day, d.staff, d.receptions};
        Rag overall = Rag::Grey;
        for (int dim = 0; dim < kStoreDimensions; ++dim) {
            const Rag c = colourAt(days, i, StoreDimension(dim), t);
            overall = worse(overall, c);
            const auto v = dayValue(d, StoreDimension(dim));
            if (dim == int(StoreDimension::Conversion))
                row << d.experiences << d.deals72h;
            row << (v ? QVariant(std::round(*v * 100) / 100) : QVariant()) << ragKey(c);
        }
        row << ragKey(overall);
        out.rows << row;
    }
    return out;
}

} // namespace cockpit::analytics

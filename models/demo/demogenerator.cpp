// The demo company generator: API and orchestration. The phases live in demoorg.cpp,
// democustomers.cpp, demoleads.cpp, demoleadwrite.cpp, demoactivities.cpp, demosales.cpp,
// demotasks.cpp, demotargets.cpp and demostores.cpp.
//
// ---------------------------------------------------------------------------------------
// The signal in the data (true by construction; tests/demo/tst_demogenerator.cpp checks each)
//
// 1. Reps differ. Each sales rep has a hidden skill (normal around 1.0, sd 0.25) that
//    multiplies the win probability of their deals; responsiveness (median minutes from a
//    lead's assignment to the first sales action, ~2 min .. 1 day) and diligence (number of
//    actions per lead, hence the gaps between actions; weekly task completion; share of
//    < 30 s calls) are correlated with skill. So the fastest-responding quartile of reps wins
//    clearly more than the slowest quartile, and activity gaps differ per rep.
// 2. Deals with >= 1 demo and with customer responses win more: the win probability is
//    multiplied by 1.35 with a demo (0.6 without) and by 1.3 when the customer engages
//    (responds at all; 0.55 when they never answer). Customer responses reply_to the sales
//    action they answer.
// 3. Open leads: ~12 % + 60 % x (1 - diligence) of a rep's open leads have had no activity
//    for 76 h .. 20 days before "now" (silence > 72 h); leads of reps who left are silent
//    too. Many open leads sit in their stage longer than its SLA (lifecycle 2 h, 触达 5 d ...).
// 4. Duplicate touch: spec.dupTouchCustomers customers (5 / 50 / 300) are touched by their
//    owner and two colleagues (>= 3 distinct reps) within the last 30 days.
// 5. Compliance: spec.complianceReps reps (1 / 4 / 12) each have one open lead moved back
//    and forth 6 extra times within 90 minutes of one day (>= 5 stage changes in a day) and
//    one lead with 4 quote versions within ~42 h (>= 3 quote versions in 72 h).
// 6. Stores: ~8 % (>= 1) are weak in exactly one dimension on every one of their last
//    14..40 days: receptions/staff < 8, or exposure_bp < 7000, or dwell < 150 s, or
//    experiences with 0 deals_72h; the kind cycles staff, exposure, dwell, conversion.
//    Healthy stores stay above every red line and mostly meet the targets (>= 12 receptions
//    per staff, >= 90 % exposure, >= 3.2 min dwell, >= 18 % conversion).
// 7. Targets: rep tiers from trailing-12-month collections (the 12 calendar months up to
//    and including asOf's month): A top 20 %, B middle 50 %, C bottom 30 %, growth A 8-12 %,
//    B 12-18 %, C 18-25 %, correction within +-5 % (basis points); rep amount = collections x
//    (1 + growth + correction) (reps with no collections use half the median); month targets
//    sum to quarters and the year; rep -> city -> region -> company sums are exact. Payments
//    are late or unpaid depending on the customer's punctuality. ~12 % of reps were hired in
//    the last 12 months and each gets ~5 deals closed within their first month; ~3 % have
//    left (users.left_date) and still own open leads. Forecast snapshots of past months are
//    50-80 % accurate against actual collections; revisions carry reason codes.
// 8. Process health: for every stage a lead left, each standard action of that stage
//    (pipeline_stages.standard_actions) happens inside the stage with a chance from the
//    owner's hidden keyRate (0.875 + 1.1 x (diligence - 0.8) + 0.08 x (skill - 1) + noise)
//    - higher for the kinds the rep does well, 0.4 lower for the one or two kinds a rep
//    below the top tends to skip (mostly meeting, visit, call); a skipped call, message,
//    visit or meeting in that stage becomes an e-mail. Demos (B2B) follow the same chance,
//    key-account quotes and presales work are placed in 方案/谈判 and 意向/方案 accordingly;
//    inbound first calls and the quotes before a won B2B/inbound deal always happen. So
//    key-action completion per rep spreads: ~30 % green (> 90 %), ~50 % yellow, ~15-20 %
//    red, the reds missing mostly their one or two kinds. Each month moves everyone by a
//    little (sd 2 points), so the monthly standard-action coverage varies, and the second
//    region slips by 4 points more in each of the last three months (asOf's included).
//
// Time: "now" is the evening before asOf, 10:00 UTC (18:00 Beijing), so a demo made "as of
// today" (the default) never holds a timestamp later than the real clock, whatever the
// hour it is made; the data looks like yesterday's close. Nothing reads the wall clock, so the
// same (scale, seed, asOf) gives the same content hash. Random numbers come from Rng
// (demorng.h) with one derived stream per phase and per lead.
// ---------------------------------------------------------------------------------------
#include "demo/demogenerator.h"

#include "demo/demomodel.h"
#include "storage/exitactions.h"
#include "storage/schema.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>

namespace cockpit::demo {

// Phase timings are debug messages, off unless QT_LOGGING_RULES="cockpit.demo.debug=true".
Q_LOGGING_CATEGORY(lcDemo, "cockpit.demo", QtInfoMsg)

namespace detail {
void Ctx::report(int percent, const char *phase)
{
    if (this->phase != phase && (!this->phase || qstrcmp(this->phase, phase) != 0)) {
        if (this->phase)
            qCDebug(lcDemo, "phase %s: %lld ms", this->phase, phaseClock.restart());
        else
            phaseClock.start();
        this->phase = phase;
    }
    if (progress)
        progress(percent, QString::fromLatin1(phase));
}
} // namespace detail

std::optional<Scale> scaleFromString(const QString &s)
{
    const QString v = s.trimmed().toLower();
    if (v == QLatin1String("micro"))
        return Scale::Micro;
    if (v == QLatin1String("tiny"))
        return Scale::Tiny;
    if (v == QLatin1String("small"))
        return Scale::Small;
    if (v == QLatin1String("large"))
        return Scale::Large;
    return std::nullopt;
}

QString scaleToString(Scale scale)
{
    return QString::fromLatin1(detail::specFor(scale).name);
}

QString contentHash(const QString &path)
{
    return hashDatabase(path);
}

namespace {
void removePartial(const QString &partial)
{
    QFile::remove(partial);
    QFile::remove(partial + QStringLiteral("-wal"));
    QFile::remove(partial + QStringLiteral("-shm"));
    QFile::remove(partial + QStringLiteral("-journal"));
}
} // namespace

Result generate(const QString &path, const Options &options, const Progress &progress)
{
    using namespace detail;
    QElapsedTimer timer;
    timer.start();
    Result res;
    if (path.isEmpty()) {
        res.error = QStringLiteral("no path given for the demo database");
        return res;
    }
    if (QFileInfo::exists(path)) {
        res.error = QStringLiteral("refusing to overwrite existing file %1").arg(path);
        return res;
    }
    const QFileInfo fi(path);
    if (!fi.absoluteDir().exists()) {
        res.error = QStringLiteral("folder of %1 does not exist").arg(path);
        return res;
    }
    const QString partial = path + QStringLiteral(".partial");
    removePartial(partial);

    Ctx c;
    c.opt = options;
    if (!c.opt.asOf.isValid())
        c.opt.asOf = QDateTime::currentDateTimeUtc().date();
    c.spec = specFor(c.opt.scale);
    // The last working day in the data is the day before asOf (see "Time" above).
    c.today = daysFromCivil(c.opt.asOf.year(), unsigned(c.opt.asOf.month()), unsigned(c.opt.asOf.day())) - 1;
    c.now = c.today * kDay + 10 * kHour;
    c.progress = progress;
    const quint64 seed = c.opt.seed;

    try {
        Db db(partial);
        c.db = &db;
        db.exec("PRAGMA journal_mode=OFF");
        db.exec("PRAGMA synchronous=OFF");
        db.exec("PRAGMA cache_size=-262144");
        // No temp_store=MEMORY: with it SQLite's sorter mallocs every record on its own and
        // CREATE INDEX takes a quarter longer; sorts of this size stay in memory regardless
        // (up to cache_size), so nothing is written to a temporary file.
        // The percentages follow where the time goes (small demo, measured): a sixth to make
        // the rows, a twelfth to chain the log, a quarter to write activities and stage moves,
        // the rest to index and analyze the file.
        constexpr int kAlertsAt = 15, kLogAt = 15, kWriteAt = 23, kIndexAt = 50, kAnalyzeAt = 93;
        c.report(0, "schema");
        for (const QString &sql : cockpit::storage::latestSchemaTables())
            db.exec(sql.toUtf8());
        db.exec("BEGIN");

        Rng orgR = Rng::derive(seed, 1), custR = Rng::derive(seed, 2), leadR = Rng::derive(seed, 3);
        c.report(0, "organisation");
        buildOrg(c, orgR);
        writeOrg(c, orgR);
        c.report(1, "customers");
        buildCustomers(c, custR);
        c.report(1, "leads");
        planLeads(c, leadR);
        c.report(1, "activities"); // to 4
        writeActivities(c);
        c.report(4, "customers");
        {
            Rng r = Rng::derive(seed, 4);
            writeCustomersAndContacts(c, r);
        }
        c.report(6, "leads");
        {
            Rng r = Rng::derive(seed, 5);
            writeLeads(c, r);
        }
        c.report(9, "orders");
        {
            Rng r = Rng::derive(seed, 6);
            writeSales(c, r);
        }
        c.report(12, "tasks");
        {
            Rng r = Rng::derive(seed, 7);
            writeTasks(c, r);
        }
        c.report(13, "targets");
        {
            Rng r = Rng::derive(seed, 8);
            writeTargetsAndForecasts(c, r);
        }
        c.report(13, "stores");
        {
            Rng r = Rng::derive(seed, 9);
            writeStores(c, r);
        }
        c.report(kAlertsAt, "alerts");
        {
            Rng r = Rng::derive(seed, 10);
            writeAlerts(c, r);
        }
        {
            Insert s(db, "settings", "key, value");
            s.row("demo", "1");
            s.row("demo_scale", c.spec.name);
            s.row("demo_seed", QByteArray::number(seed));
            s.row("demo_as_of", isoDate(c.today + 1));
            s.row("current_user_id", c.users[c.director].id);
            s.row("created_at", isoTime(c.now));
        }
        // Every activity and stage move into the tamper-evident log, in time order, then
        // written with their place in it.
        c.report(kLogAt, "log");
        writeLog(c, kLogAt, kWriteAt, kIndexAt);
        db.exec("COMMIT");

        c.report(kIndexAt, "indexes");
        // Every stage move's exit actions (schema v3), read in (lead, at) order through the
        // v1/v2 indexes and written before the v3 index that covers them exists (writing
        // them under it costs twice as long).
        const QStringList indexes = cockpit::storage::latestSchemaIndexes();
        const QStringList lateIndexes = cockpit::storage::schemaV3Indexes();
        // A report per index: the first-start window can stop the generator between two.
        qsizetype built = 0;
        const auto build = [&](const QString &sql) {
            db.exec(sql.toUtf8());
            c.report(kIndexAt + int((kAnalyzeAt - kIndexAt) * ++built / std::max<qsizetype>(1, indexes.size())),
                     "indexes");
        };
        for (const QString &sql : indexes)
            if (!lateIndexes.contains(sql))
                build(sql);
        QString exitError;
        if (cockpit::storage::refreshExitActions(db.handle(), {}, &exitError) < 0)
            throw DemoError("exit actions: " + exitError.toStdString());
        for (const QString &sql : lateIndexes)
            build(sql);
        db.exec("PRAGMA application_id = " + QByteArray::number(cockpit::storage::kApplicationId));
        db.exec("PRAGMA user_version = " + QByteArray::number(cockpit::storage::kSchemaVersion));
        c.report(kAnalyzeAt, "analyze");
        db.exec("ANALYZE");
        db.exec("PRAGMA journal_mode=WAL");

        static const QRegularExpression nameRe(QStringLiteral("CREATE TABLE\\s+(\\w+)"));
        for (const QString &sql : cockpit::storage::latestSchemaTables()) {
            const auto m = nameRe.match(sql);
            if (m.hasMatch())
                res.rowCounts.insert(m.captured(1), db.queryInt("SELECT COUNT(*) FROM " + m.captured(1).toUtf8()));
        }
        db.close();
    } catch (const std::exception &e) {
        removePartial(partial);
        res.error = QStringLiteral("cannot write demo database %1: %2").arg(path, QString::fromUtf8(e.what()));
        return res;
    }
    if (!QFile::rename(partial, path)) {
        removePartial(partial);
        res.error = QStringLiteral("cannot move %1 to %2").arg(partial, path);
        return res;
    }
    c.report(100, "done");
    res.ok = true;
    res.elapsedMs = timer.elapsed();
    return res;
}

} // namespace cockpit::demo

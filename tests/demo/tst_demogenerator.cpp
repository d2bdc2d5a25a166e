// The demo company generator: determinism, sizes, consistency and the signal the data
// carries on purpose (see the comment block at the top of models/demo/demogenerator.cpp).
#include "demo/demogenerator.h"

#include "domain/ids.h"
#include "storage/database.h"
#include "storage/schema.h"
#include "analytics/teamhealth.h"
#include "timescan.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <stdexcept>

using namespace cockpit::demo;

class TestDemoGenerator : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_small;
    Result m_smallResult;
    QSqlDatabase m_db;
    const QDate m_asOf{2025, 6, 30};
    QString m_now;      // the evening before asOf, 10:00 UTC
    QString m_minus72h; // now - 72 h

    QVariant value(const QString &sql)
    {
        QSqlQuery q(m_db);
        if (!q.exec(sql)) {
            qWarning() << q.lastError().text() << sql;
            return {};
        }
        return q.next() ? q.value(0) : QVariant();
    }
    qint64 count(const QString &sql) { return value(sql).toLongLong(); }
    double real(const QString &sql) { return value(sql).toDouble(); }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void scaleNames();
    void determinism();
    void refusesExistingPath();
    void progressMayStopIt();

    void sizes();
    void schemaIntegrity();
    void settings();
    void brandsAndNames();
    void stageHistoryConsistent();
    void leadsConsistent();
    void activitiesConsistent();
    void tasksPerWeek();
    void targetsSum();
    void ordersAndPayments();

    void signalRepsDiffer();
    void signalDemoAndResponses();
    void signalSilenceAndSla();
    void signalDuplicateTouch();
    void signalCompliance();
    void signalStores();
    void signalTargetsAndPeople();
    void signalKeyActions();
    void workingHours();
    void forecastsAsATeamMakesThem();
    void weakFunnelCells();
};

void TestDemoGenerator::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The data ends the evening before asOf, so a demo made today holds nothing in the future.
    const QDateTime now(m_asOf.addDays(-1), QTime(10, 0), QTimeZone::utc());
    m_now = cockpit::toIsoUtc(now);
    m_minus72h = cockpit::toIsoUtc(now.addSecs(-72 * 3600));
    m_small = m_dir.filePath(QStringLiteral("small.db"));
    Options o;
    o.scale = Scale::Small;
    o.seed = 42;
    o.asOf = m_asOf;
    int calls = 0, last = -1;
    bool monotonic = true;
    m_smallResult = generate(m_small, o, [&](int pct, const QString &) {
        ++calls;
        monotonic = monotonic && pct >= last;
        last = pct;
    });
    QVERIFY2(m_smallResult.ok, qPrintable(m_smallResult.error));
    QVERIFY(calls > 5);
    QVERIFY(monotonic);
    QCOMPARE(last, 100);
    qInfo("Small generated in %lld ms", m_smallResult.elapsedMs);
    QVERIFY(!QFile::exists(m_small + QStringLiteral(".partial")));
    // A connection as the app opens one: with the time functions cockpit_secs() and friends.
    QString error;
    m_db = cockpit::storage::openConnection(m_small, QStringLiteral("demo-test"), cockpit::storage::Access::ReadWrite, &error);
    QVERIFY2(m_db.isOpen(), qPrintable(error));
}

void TestDemoGenerator::cleanupTestCase()
{
    m_db = QSqlDatabase();
    cockpit::storage::closeConnection(QStringLiteral("demo-test"));
}

void TestDemoGenerator::scaleNames()
{
    QCOMPARE(scaleFromString(QStringLiteral("micro")), std::optional<Scale>(Scale::Micro));
    QCOMPARE(scaleFromString(QStringLiteral("tiny")), std::optional<Scale>(Scale::Tiny));
    QCOMPARE(scaleFromString(QStringLiteral("Small")), std::optional<Scale>(Scale::Small));
    QCOMPARE(scaleFromString(QStringLiteral("large")), std::optional<Scale>(Scale::Large));
    QVERIFY(!scaleFromString(QStringLiteral("huge")));
    QVERIFY(!scaleFromString(QString()));
}

void TestDemoGenerator::determinism()
{
    Options o;
    o.scale = Scale::Tiny;
    o.seed = 7;
    o.asOf = QDate(2025, 3, 14);
    const QString a = m_dir.filePath(QStringLiteral("a.db")), b = m_dir.filePath(QStringLiteral("b.db"));
    QVERIFY(generate(a, o).ok);
    QVERIFY(generate(b, o).ok);
    const QString ha = contentHash(a);
    QCOMPARE(ha.size(), 64);
    QCOMPARE(contentHash(b), ha);

    Options other = o;
    other.seed = 8;
    const QString c = m_dir.filePath(QStringLiteral("c.db"));
    QVERIFY(generate(c, other).ok);
    QVERIFY(contentHash(c) != ha);

    other = o;
    other.asOf = QDate(2025, 3, 15);
    const QString d = m_dir.filePath(QStringLiteral("d.db"));
    QVERIFY(generate(d, other).ok);
    QVERIFY(contentHash(d) != ha);

    QVERIFY(contentHash(m_dir.filePath(QStringLiteral("missing.db"))).isEmpty());
}

void TestDemoGenerator::refusesExistingPath()
{
    const QString p = m_dir.filePath(QStringLiteral("exists.db"));
    {
        QFile f(p);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a database");
    }
    Options o;
    o.scale = Scale::Tiny;
    const Result r = generate(p, o);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(p), qPrintable(r.error));
    QFile f(p);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("not a database"));
    QVERIFY(!QFile::exists(p + QStringLiteral(".partial")));
}

// The first-start window stops the generator by throwing from the progress callback when it
// is closed: no file is left behind, neither the demo nor its partial file.
void TestDemoGenerator::progressMayStopIt()
{
    const QString p = m_dir.filePath(QStringLiteral("stopped.db"));
    Options o;
    o.scale = Scale::Tiny;
    QStringList phases;
    const Result r = generate(p, o, [&](int, const QString &phase) {
        phases << phase;
        if (phase == QLatin1String("activities"))
            throw std::runtime_error("stopped by the test");
    });
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QLatin1String("stopped by the test")), qPrintable(r.error));
    QCOMPARE(phases.last(), QStringLiteral("activities"));
    QVERIFY(!QFile::exists(p));
    QVERIFY(!QFile::exists(p + QStringLiteral(".partial")));
    // The same path works afterwards.
    QVERIFY(generate(p, o).ok);
}

void TestDemoGenerator::sizes()
{
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM regions")), 4);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM cities")), 12);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM users WHERE role = 'sales'")), 120);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM customers")), 5000);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM leads")), 20000);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM activities")), 200000);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM stores")), 60);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM store_days")), 21900);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM pipelines")), 3);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM pipeline_stages")), 15);
    for (const char *role : {"director", "regional_manager", "team_lead", "presales", "legal", "delivery", "csm",
                             "marketing", "store_manager"})
        QVERIFY2(count(QStringLiteral("SELECT COUNT(*) FROM users WHERE role = '%1'").arg(QLatin1String(role))) > 0, role);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM users WHERE role = 'director'")), 1);

    const QStringList empty{QStringLiteral("outbox"), QStringLiteral("sync_state"), QStringLiteral("conflicts"),
                             QStringLiteral("webhooks"), QStringLiteral("deliveries"), QStringLiteral("log_deletions"),
                             // Products and import bookkeeping came with imports (schema v7): the demo
                             // names product lines on orders and imports nothing.
                             QStringLiteral("products"), QStringLiteral("import_runs"),
                             QStringLiteral("import_keys"), QStringLiteral("import_changes")};
    static const QRegularExpression nameRe(QStringLiteral("CREATE TABLE\\s+(\\w+)"));
    int tables = 0;
    for (const QString &sql : cockpit::storage::latestSchemaTables()) {
        const QString t = nameRe.match(sql).captured(1);
        if (!sql.startsWith(QLatin1String("CREATE TABLE")))
            continue; // later versions add columns to tables counted already, or drop an index
        QVERIFY2(!t.isEmpty(), qPrintable(sql.left(60)));
        ++tables;
        const qint64 n = count(QStringLiteral("SELECT COUNT(*) FROM ") + t);
        QCOMPARE(m_smallResult.rowCounts.value(t, -1), n);
        if (empty.contains(t))
            QCOMPARE(n, 0);
        else
            QVERIFY2(n > 0, qPrintable(t));
    }
    QCOMPARE(m_smallResult.rowCounts.size(), tables);
}

void TestDemoGenerator::schemaIntegrity()
{
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_key_check")));
    const bool violation = q.next();
    const QString where = violation ? q.value(0).toString() + QLatin1Char(' ') + q.value(2).toString() : QString();
    QVERIFY2(!violation, qPrintable(where));
    QCOMPARE(value(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    QCOMPARE(count(QStringLiteral("PRAGMA user_version")), cockpit::storage::kSchemaVersion);
    QCOMPARE(count(QStringLiteral("PRAGMA application_id")), cockpit::storage::kApplicationId);
    QCOMPARE(value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    // Indexes were created.
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'idx_%'"))
            >= cockpit::storage::latestSchemaIndexes().size());
    // Schema v6: every time an integer of its kind (timescan.h).
    const QStringList timeProblems = fixture::timeColumnProblems(m_db);
    QVERIFY2(timeProblems.isEmpty(), qPrintable(timeProblems.join(QLatin1Char('\n'))));
    // Synced rows: never synced, not deleted, timestamps that read as ISO text.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM leads WHERE row_version <> 0 OR deleted <> 0")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM activities WHERE cockpit_iso(at) NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM activities WHERE at > cockpit_secs('%1')").arg(m_now)), 0);
    // Schema v5 keys: every row an integer key and a 16-byte version-4 UUID (storage/keys.h).
    for (const QString &table : cockpit::storage::syncedTables()) {
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE typeof(id) <> 'integer' OR typeof(uuid) <> 'blob'"
                                      " OR length(uuid) <> 16 OR substr(hex(uuid), 13, 1) <> '4'").arg(table)), 0);
    }
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM activities a WHERE typeof(a.lead_id) NOT IN ('integer', 'null')"
                                  " OR NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = a.customer_id)")), 0);
}

void TestDemoGenerator::settings()
{
    auto setting = [&](const char *key) {
        return value(QStringLiteral("SELECT value FROM settings WHERE key = '%1'").arg(QLatin1String(key))).toString();
    };
    QCOMPARE(setting("demo"), QStringLiteral("1"));
    QCOMPARE(setting("demo_scale"), QStringLiteral("small"));
    QCOMPARE(setting("demo_seed"), QStringLiteral("42"));
    QCOMPARE(setting("demo_as_of"), QStringLiteral("2025-06-30"));
    QCOMPARE(setting("created_at"), m_now); // same text as cockpit::toIsoUtc
    QCOMPARE(value(QStringLiteral("SELECT role FROM users WHERE id = '%1'").arg(setting("current_user_id"))).toString(),
             QStringLiteral("director"));
}

void TestDemoGenerator::brandsAndNames()
{
    const QList<QPair<const char *, const char *>> brands{
        {"博世", "BOSCH"}, {"华为", "Huawei"}, {"西门子", "Siemens"}, {"海尔", "Haier"}, {"美的", "Midea"},
        {"格力", "Gree"}, {"联想", "Lenovo"}, {"小米", "Xiaomi"}, {"比亚迪", "BYD"}, {"宁德时代", "CATL"},
        {"施耐德", "Schneider"}, {"三一重工", "SANY"}, {"海康威视", "Hikvision"}, {"大疆", "DJI"}, {"顺丰", "SF Express"}};
    QSqlQuery q(m_db);
    for (const auto &b : brands) {
        q.prepare(QStringLiteral("SELECT aliases, pinyin_initials FROM customers WHERE name = ?"));
        q.addBindValue(QString::fromUtf8(b.first));
        QVERIFY(q.exec());
        QVERIFY2(q.next(), b.first);
        QVERIFY2(q.value(0).toString().split(QLatin1Char('|')).contains(QLatin1String(b.second)), b.first);
    }
    QCOMPARE(value(QStringLiteral("SELECT aliases FROM customers WHERE name = '博世'")).toString(),
             QStringLiteral("BOSCH|Bosch"));
    QCOMPARE(value(QStringLiteral("SELECT pinyin_initials FROM customers WHERE name = '博世'")).toString(),
             QStringLiteral("bs"));
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM customers c JOIN cities ci ON ci.id = c.city_id"
                                 " WHERE ci.name = '重庆' AND c.name LIKE '重庆%'")) >= 1);
    // Company names: city + 字号 + industry word + 有限公司; names are unique.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) - COUNT(DISTINCT name) FROM customers")), 0);
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM customers WHERE name LIKE '%有限公司'")) > 4900);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM customers WHERE pinyin_full = '' OR phone NOT GLOB '1[0-9][0-9] [0-9][0-9][0-9][0-9] [0-9][0-9][0-9][0-9]'")), 0);
    // Customers are in their owner's city; 2-5 contacts each with a decision maker.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM customers c JOIN users u ON u.id = c.owner_id WHERE u.city_id <> c.city_id")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM (SELECT customer_id, COUNT(*) n, SUM(chain_role = 'decision_maker') dm"
                                  " FROM contacts GROUP BY customer_id) WHERE n < 2 OR n > 5 OR dm <> 1")), 0);
}

void TestDemoGenerator::stageHistoryConsistent()
{
    // Every lead has exactly one creation row, first.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM leads l WHERE (SELECT COUNT(*) FROM stage_history h"
                                  " WHERE h.lead_id = l.id AND h.from_stage_id IS NULL) <> 1")), 0);
    // The last move lands on leads.stage_id at leads.stage_entered_at.
    QCOMPARE(count(QStringLiteral(
                 "SELECT COUNT(*) FROM leads l WHERE (SELECT h.to_stage_id FROM stage_history h WHERE h.lead_id = l.id"
                 " ORDER BY h.at DESC LIMIT 1) <> l.stage_id OR (SELECT MAX(h.at) FROM stage_history h"
                 " WHERE h.lead_id = l.id) <> l.stage_entered_at")), 0);
    // Moves chain: each from_stage is the previous to_stage.
    QCOMPARE(count(QStringLiteral(
                 "SELECT COUNT(*) FROM (SELECT from_stage_id f, LAG(to_stage_id) OVER (PARTITION BY lead_id ORDER BY at) p"
                 " FROM stage_history) WHERE f IS NOT p")), 0);
}

void TestDemoGenerator::leadsConsistent()
{
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM leads l JOIN users u ON u.id = l.owner_id"
                                  " WHERE l.region_id IS NOT u.region_id OR l.city_id IS NOT u.city_id OR l.team_id IS NOT u.team_id")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id"
                                  " WHERE s.pipeline_id <> l.pipeline_id")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM leads WHERE amount_cents < 1000000 OR amount_cents > 500000000")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM leads WHERE (status = 'open') <> (closed_at IS NULL)")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'lost' AND lost_reason = ''")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM leads WHERE created_at > cockpit_secs('%1')"
                                  " OR stage_entered_at > cockpit_secs('%1')").arg(m_now)), 0);
    const double open = real(QStringLiteral("SELECT AVG(status = 'open') FROM leads"));
    // Teams close what goes nowhere (issue 13 §3: a manager's inbox of tens, not thousands):
    // about 15 open leads per rep, 5–20 % of the history.
    QVERIFY2(open >= 0.05 && open <= 0.20, qPrintable(QString::number(open)));
    for (const char *p : {"lifecycle", "b2b", "key_account"})
        QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM leads l JOIN pipelines p ON p.id = l.pipeline_id WHERE p.code = '%1'")
                          .arg(QLatin1String(p))) > 1000);
    // Gates: past 15分钟初筛 -> pain keywords, budget band, decision role.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM leads l JOIN pipelines p ON p.id = l.pipeline_id"
                                  " JOIN pipeline_stages s ON s.id = l.stage_id WHERE p.code = 'lifecycle' AND s.position >= 2"
                                  " AND (pain_keywords = '' OR budget_band = '' OR decision_role = '')")), 0);
    // Past 触达 -> requirement list or minutes.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM leads l JOIN pipelines p ON p.id = l.pipeline_id"
                                  " JOIN pipeline_stages s ON s.id = l.stage_id WHERE p.code = 'b2b' AND s.position >= 1"
                                  " AND requirement_doc = ''")), 0);
    // Past 线索 in key_account -> confirmation signed and at least one demo.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM leads l JOIN pipelines p ON p.id = l.pipeline_id"
                                  " JOIN pipeline_stages s ON s.id = l.stage_id WHERE p.code = 'key_account' AND s.position >= 1"
                                  " AND (confirmation_signed <> 1 OR NOT EXISTS (SELECT 1 FROM activities a"
                                  " WHERE a.lead_id = l.id AND a.kind = 'demo'))")), 0);
    // Intent letters: some complete, some missing a piece; incomplete ones capped at 35 %.
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM leads WHERE intent_seal = 1 AND intent_budget_range <> ''"
                                 " AND intent_contact <> '' AND intent_next_meeting IS NOT NULL")) > 100);
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM leads WHERE (intent_seal = 1 OR intent_contact <> '')"
                                 " AND (intent_seal = 0 OR intent_budget_range = '' OR intent_contact = '' OR intent_next_meeting IS NULL)")) > 50);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'open' AND (intent_seal = 1 OR intent_contact <> '')"
                                  " AND (intent_seal = 0 OR intent_budget_range = '' OR intent_contact = '' OR intent_next_meeting IS NULL)"
                                  " AND probability > 35")), 0);
}

void TestDemoGenerator::activitiesConsistent()
{
    // Customer responses answer an earlier sales action of the same lead.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM activities a LEFT JOIN activities s ON s.id = a.reply_to"
                                  " WHERE a.direction = 'customer' AND (s.id IS NULL OR s.direction <> 'sales'"
                                  " OR s.lead_id IS NOT a.lead_id OR s.at > a.at)")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM activities WHERE direction NOT IN ('sales', 'customer', 'cross')")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM activities WHERE (kind = 'quote') <> (quote_version > 0)")), 0);
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM activities WHERE kind = 'call' AND direction = 'sales' AND duration_seconds < 30")) > 1000);
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM activities WHERE kind = 'call' AND duration_seconds >= 30")) > 10000);
    for (const char *k : {"call", "wechat", "email", "meeting", "visit", "demo", "quote", "doc_opened", "presales_task",
                          "delivery_task", "review_note", "request"})
        QVERIFY2(count(QStringLiteral("SELECT COUNT(*) FROM activities WHERE kind = '%1'").arg(QLatin1String(k))) > 0, k);
    // No activity before its lead was created.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM activities a JOIN leads l ON l.id = a.lead_id WHERE a.at < l.created_at")), 0);
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM collaboration_ratings WHERE score BETWEEN 1 AND 5")) > 1000);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM collaboration_ratings WHERE score NOT BETWEEN 1 AND 5")), 0);
}

void TestDemoGenerator::tasksPerWeek()
{
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM (SELECT user_id, week_start, COUNT(*) n FROM tasks"
                                  " GROUP BY user_id, week_start) WHERE n < 12")), 0);
    // Every week of the company's history has must-do tasks: from the week of the first lead
    // to asOf's week (PEI means something for any past quarter), and every rep employed in a
    // week has them.
    const qint64 firstMonday = count(QStringLiteral(
        "SELECT MIN(created_at) / 86400 - ((MIN(created_at) / 86400 + 3) % 7) FROM leads"));
    const qint64 asOfDay = QDate(1970, 1, 1).daysTo(m_asOf) - 1; // the data's last day
    const qint64 weeks = (asOfDay - (asOfDay + 3) % 7 - firstMonday) / 7 + 1;
    QVERIFY2(weeks > 60, qPrintable(QString::number(weeks)));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(DISTINCT week_start) FROM tasks")), weeks);
    QCOMPARE(count(QStringLiteral("SELECT MIN(cockpit_day(week_start)) FROM tasks")), firstMonday);
    QCOMPARE(count(QStringLiteral(
                 "SELECT COUNT(*) FROM users u, (SELECT DISTINCT week_start w FROM tasks) k WHERE u.role = 'sales'"
                 " AND cockpit_day(u.hire_date) <= cockpit_day(k.w) AND (u.left_date IS NULL OR cockpit_day(u.left_date) > cockpit_day(k.w) + 6)"
                 " AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.user_id = u.id AND t.week_start = k.w)")), 0);
    // Completion differs by rep.
    const double lo = real(QStringLiteral("SELECT MIN(r) FROM (SELECT AVG(completed_at IS NOT NULL) r FROM tasks GROUP BY user_id HAVING COUNT(*) > 100)"));
    const double hi = real(QStringLiteral("SELECT MAX(r) FROM (SELECT AVG(completed_at IS NOT NULL) r FROM tasks GROUP BY user_id HAVING COUNT(*) > 100)"));
    QVERIFY2(hi - lo > 0.25, qPrintable(QStringLiteral("%1 %2").arg(lo).arg(hi)));
}

void TestDemoGenerator::targetsSum()
{
    QCOMPARE(count(QStringLiteral("SELECT COUNT(DISTINCT org_level) FROM targets")), 4);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(DISTINCT period_kind) FROM targets")), 3);
    // company = sum of regions, region = sum of its cities, city = sum of its reps.
    QCOMPARE(count(QStringLiteral(
                 "SELECT COUNT(*) FROM targets t WHERE t.org_level = 'company' AND t.amount_cents <>"
                 " (SELECT SUM(x.amount_cents) FROM targets x WHERE x.org_level = 'region' AND x.period_kind = t.period_kind"
                 " AND x.period_start = t.period_start)")), 0);
    QCOMPARE(count(QStringLiteral(
                 "SELECT COUNT(*) FROM targets t WHERE t.org_level = 'region' AND t.amount_cents <>"
                 " (SELECT SUM(x.amount_cents) FROM targets x JOIN cities c ON c.id = x.org_id WHERE x.org_level = 'city'"
                 " AND c.region_id = t.org_id AND x.period_kind = t.period_kind AND x.period_start = t.period_start)")), 0);
    QCOMPARE(count(QStringLiteral(
                 "SELECT COUNT(*) FROM targets t WHERE t.org_level = 'city' AND t.amount_cents <>"
                 " (SELECT SUM(x.amount_cents) FROM targets x JOIN users u ON u.id = x.org_id WHERE x.org_level = 'rep'"
                 " AND u.city_id = t.org_id AND x.period_kind = t.period_kind AND x.period_start = t.period_start)")), 0);
    // Months sum to the year for every node.
    QCOMPARE(count(QStringLiteral(
                 "SELECT COUNT(*) FROM targets t WHERE t.period_kind = 'year' AND t.amount_cents <>"
                 " (SELECT SUM(x.amount_cents) FROM targets x WHERE x.period_kind = 'month' AND x.org_level = t.org_level"
                 " AND x.org_id IS t.org_id)")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM targets WHERE org_level = 'company' AND org_id IS NOT NULL")), 0);
}

void TestDemoGenerator::ordersAndPayments()
{
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM leads l WHERE l.status = 'won' AND NOT EXISTS"
                                  " (SELECT 1 FROM orders o WHERE o.lead_id = l.id)")), 0);
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM orders WHERE lead_id IS NULL")) > 100); // repeat orders
    // Cross-sell: some orders outside the rep's main product line.
    const double cross = real(QStringLiteral("SELECT AVG(o.product_line <> u.main_product_line) FROM orders o JOIN users u ON u.id = o.rep_id"));
    QVERIFY2(cross > 0.1 && cross < 0.5, qPrintable(QString::number(cross)));
    // Every order is paid in full installments; some late, some unpaid overdue.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM orders o WHERE o.amount_cents <> (SELECT SUM(p.amount_cents) FROM payments p WHERE p.order_id = o.id)")), 0);
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM payments WHERE paid_on > due_on")) > 100);
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM payments WHERE paid_on IS NULL AND due_on < cockpit_day('2025-06-30')")) > 100);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM payments WHERE paid_on > cockpit_day('2025-06-30')")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM surveys WHERE nps NOT BETWEEN 0 AND 10")), 0);
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM surveys WHERE keywords LIKE '%价格敏感%'")) > 10);
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM surveys WHERE keywords LIKE '%实施拖延%'")) > 10);
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM surveys WHERE keywords LIKE '%功能不符%'")) > 10);
}

void TestDemoGenerator::signalRepsDiffer()
{
    // Quartiles of reps by mean minutes from assignment to first sales action.
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral(
        "WITH fr AS (SELECT l.owner_id u, ((SELECT MIN(at) FROM activities a WHERE a.lead_id = l.id"
        "   AND a.direction = 'sales') - l.assigned_at) / 60.0 m FROM leads l),"
        " rep AS (SELECT u.id, (SELECT AVG(m) FROM fr WHERE fr.u = u.id) resp,"
        "   (SELECT AVG(status = 'won') FROM leads WHERE owner_id = u.id AND status <> 'open') wr"
        "   FROM users u WHERE role = 'sales'),"
        " q AS (SELECT resp, wr, NTILE(4) OVER (ORDER BY resp) qt FROM rep)"
        " SELECT qt, AVG(resp), AVG(wr) FROM q GROUP BY qt ORDER BY qt")));
    QList<double> resp, win;
    while (q.next()) {
        resp << q.value(1).toDouble();
        win << q.value(2).toDouble();
    }
    QCOMPARE(resp.size(), 4);
    QVERIFY2(resp.last() > 4 * resp.first(), qPrintable(QStringLiteral("%1 %2").arg(resp.first()).arg(resp.last())));
    QVERIFY2(win.first() > win.last() + 0.1, qPrintable(QStringLiteral("%1 %2").arg(win.first()).arg(win.last())));
    // Win rates themselves spread widely.
    const double spread = real(QStringLiteral(
        "SELECT MAX(w) - MIN(w) FROM (SELECT AVG(status = 'won') w FROM leads WHERE status <> 'open' GROUP BY owner_id HAVING COUNT(*) > 30)"));
    QVERIFY2(spread > 0.3, qPrintable(QString::number(spread)));
}

void TestDemoGenerator::signalDemoAndResponses()
{
    auto rate = [&](const char *cond) {
        return real(QStringLiteral("SELECT AVG(status = 'won') FROM leads l WHERE status <> 'open' AND %1").arg(QLatin1String(cond)));
    };
    const double withDemo = rate("EXISTS (SELECT 1 FROM activities a WHERE a.lead_id = l.id AND a.kind = 'demo')");
    const double noDemo = rate("NOT EXISTS (SELECT 1 FROM activities a WHERE a.lead_id = l.id AND a.kind = 'demo')");
    QVERIFY2(withDemo > noDemo + 0.2, qPrintable(QStringLiteral("%1 %2").arg(withDemo).arg(noDemo)));
    const double withResp = rate("EXISTS (SELECT 1 FROM activities a WHERE a.lead_id = l.id AND a.direction = 'customer')");
    const double noResp = rate("NOT EXISTS (SELECT 1 FROM activities a WHERE a.lead_id = l.id AND a.direction = 'customer')");
    QVERIFY2(withResp > noResp + 0.15, qPrintable(QStringLiteral("%1 %2").arg(withResp).arg(noResp)));
}

void TestDemoGenerator::signalSilenceAndSla()
{
    const qint64 open = count(QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'open'"));
    const qint64 silent = count(QStringLiteral(
        "SELECT COUNT(*) FROM leads l WHERE status = 'open' AND COALESCE((SELECT MAX(at) FROM activities a"
        " WHERE a.lead_id = l.id), l.created_at) < cockpit_secs('%1')").arg(m_minus72h));
    QVERIFY2(silent > open / 10 && silent < open * 6 / 10, qPrintable(QStringLiteral("%1 of %2").arg(silent).arg(open)));
    const qint64 overSla = count(QStringLiteral(
        "SELECT COUNT(*) FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id WHERE l.status = 'open'"
        " AND s.sla_minutes > 0 AND l.stage_entered_at < cockpit_secs('%1') - s.sla_minutes * 60")
                                       .arg(m_now));
    QVERIFY2(overSla > open / 10, qPrintable(QString::number(overSla)));
    // ... while other open leads are fresh.
    QVERIFY(open - overSla > 100);
}

void TestDemoGenerator::signalDuplicateTouch()
{
    const QString since = cockpit::toIsoUtc(QDateTime(m_asOf.addDays(-1), QTime(10, 0), QTimeZone::utc()).addDays(-30));
    const qint64 n = count(QStringLiteral("SELECT COUNT(*) FROM (SELECT customer_id FROM activities WHERE direction = 'sales'"
                                          " AND at >= cockpit_secs('%1') GROUP BY customer_id HAVING COUNT(DISTINCT actor_id) >= 3)").arg(since));
    QVERIFY2(n >= 24 && n <= 250, qPrintable(QString::number(n))); // dozens
}

void TestDemoGenerator::signalCompliance()
{
    const qint64 churnReps = count(QStringLiteral(
        "SELECT COUNT(DISTINCT by_user_id) FROM (SELECT lead_id, by_user_id, at / 86400 d, COUNT(*) n"
        " FROM stage_history WHERE from_stage_id IS NOT NULL GROUP BY lead_id, by_user_id, d HAVING n >= 5)"));
    QVERIFY2(churnReps >= 1 && churnReps <= 12, qPrintable(QString::number(churnReps)));
    const qint64 quoteReps = count(QStringLiteral(
        "SELECT COUNT(DISTINCT a.actor_id) FROM activities a WHERE a.kind = 'quote' AND (SELECT COUNT(DISTINCT b.quote_version)"
        " FROM activities b WHERE b.customer_id = a.customer_id AND b.kind = 'quote' AND b.at >= a.at"
        " AND b.at <= a.at + 72 * 3600) >= 3"));
    QVERIFY2(quoteReps >= 1 && quoteReps <= 12, qPrintable(QString::number(quoteReps)));
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM alerts WHERE rule = 'compliance_stage_churn'")) >= 1);
}

void TestDemoGenerator::signalStores()
{
    // Per store and dimension: breached the red line on every one of the last 14 days?
    const QString from = m_asOf.addDays(-14).toString(Qt::ISODate); // the last 14 store days end the day before asOf
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral(
        "SELECT store_id, SUM(receptions < 8 * staff), SUM(exposure_bp < 7000), SUM(dwell_seconds < 150),"
        " SUM(experiences > 0 AND deals_72h = 0), COUNT(*) FROM store_days WHERE day >= cockpit_day('%1') GROUP BY store_id").arg(from)));
    int weak = 0, stores = 0;
    while (q.next()) {
        ++stores;
        QCOMPARE(q.value(5).toInt(), 14);
        int persistent = 0, any = 0;
        for (int d = 1; d <= 4; ++d) {
            persistent += q.value(d).toInt() == 14 ? 1 : 0;
            any += q.value(d).toInt() > 0 ? 1 : 0;
        }
        QVERIFY2(persistent == any, "a store crosses a red line only in its persistent dimension");
        QVERIFY2(persistent <= 1, "weak in exactly one dimension");
        weak += persistent;
    }
    QCOMPARE(stores, 60);
    QVERIFY2(weak >= 3 && weak <= 6, qPrintable(QString::number(weak)));
    // Each of the four dimensions has a weak store.
    for (const char *cond : {"receptions < 8 * staff", "exposure_bp < 7000", "dwell_seconds < 150", "experiences > 0 AND deals_72h = 0"})
        QVERIFY2(count(QStringLiteral("SELECT COUNT(DISTINCT store_id) FROM store_days WHERE day >= cockpit_day('%1') AND %2")
                           .arg(from, QLatin1String(cond))) >= 1, cond);
    // Healthy days mostly meet the targets.
    const double meets = real(QStringLiteral(
        "SELECT AVG(receptions >= 12 * staff AND exposure_bp >= 9000 AND dwell_seconds >= 192"
        " AND deals_72h * 100 >= 18 * experiences) FROM store_days WHERE receptions >= 8 * staff AND exposure_bp >= 7000"
        " AND dwell_seconds >= 150 AND deals_72h > 0"));
    QVERIFY2(meets > 0.6, qPrintable(QString::number(meets)));
}

void TestDemoGenerator::signalTargetsAndPeople()
{
    const qint64 reps = count(QStringLiteral("SELECT COUNT(*) FROM targets WHERE org_level = 'rep' AND period_kind = 'year'"));
    auto tierCount = [&](char t) {
        return count(QStringLiteral("SELECT COUNT(*) FROM targets WHERE org_level = 'rep' AND period_kind = 'year' AND tier = '%1'").arg(QLatin1Char(t)));
    };
    QCOMPARE(tierCount('A'), qRound(reps * 0.2));
    QCOMPARE(tierCount('C'), qRound(reps * 0.3));
    QCOMPARE(tierCount('A') + tierCount('B') + tierCount('C'), reps);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM targets WHERE org_level = 'rep' AND NOT ("
                                  " (tier = 'A' AND growth_bp BETWEEN 800 AND 1200) OR (tier = 'B' AND growth_bp BETWEEN 1200 AND 1800)"
                                  " OR (tier = 'C' AND growth_bp BETWEEN 1800 AND 2500))")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM targets WHERE correction_bp NOT BETWEEN -500 AND 500")), 0);
    // Every correction has its reason (schema v8), none without one; a raise never gives a
    // reason to lower, and some reps' targets are corrected each way.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM targets WHERE (correction_bp <> 0) <> (correction_reason <> '')")), 0);
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM targets WHERE correction_bp > 0")) > 0);
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM targets WHERE correction_bp < 0")) > 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM targets WHERE correction_bp > 0 AND correction_reason IN"
                                  " ('重点客户预算冻结', '竞品低价冲击', '大客户合同到期未续', '区域市场收缩', '产品线换代停售')")), 0);
    QVERIFY(count(QStringLiteral("SELECT COUNT(DISTINCT correction_reason) FROM targets WHERE correction_bp <> 0")) >= 4);
    // Tiers follow trailing-12-month collections (calendar months up to asOf's month).
    const QString t12 = QStringLiteral(
        "(SELECT COALESCE(SUM(p.amount_cents), 0) FROM payments p WHERE p.rep_id = t.org_id AND p.paid_on >= cockpit_day('2024-07-01'))");
    const qint64 minA = count(QStringLiteral("SELECT MIN(%1) FROM targets t WHERE org_level = 'rep' AND period_kind = 'year' AND tier = 'A'").arg(t12));
    const qint64 maxC = count(QStringLiteral("SELECT MAX(%1) FROM targets t WHERE org_level = 'rep' AND period_kind = 'year' AND tier = 'C'").arg(t12));
    QVERIFY2(minA >= maxC, qPrintable(QStringLiteral("%1 %2").arg(minA).arg(maxC)));

    // New hires with closed deals in their first month; leavers still owning open leads.
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM users WHERE role = 'sales' AND hire_date >= cockpit_day('2024-06-30')")) >= 10);
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM leads l JOIN users u ON u.id = l.owner_id WHERE u.hire_date >= cockpit_day('2024-06-30')"
                                 " AND l.status = 'won' AND l.closed_at <= (u.hire_date + 30) * 86400")) >= 10);
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM leads l JOIN users u ON u.id = l.owner_id WHERE u.left_date IS NOT NULL"
                                 " AND l.status = 'open'")) >= 1);

    // Forecast snapshots: past 12 months + next 6; company accuracy 50-80 % on average.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(DISTINCT period_start) FROM forecast_snapshots")), 19);
    const double acc = real(QStringLiteral(
        "SELECT AVG(1.0 - ABS(a - f) * 1.0 / a) FROM (SELECT s.value_cents f, (SELECT SUM(p.amount_cents) FROM payments p"
        " WHERE substr(cockpit_date(p.paid_on), 1, 7) = substr(cockpit_date(s.period_start), 1, 7)) a FROM forecast_snapshots s"
        " WHERE s.org_level = 'company' AND s.period_start < cockpit_day('2025-06-01'))"));
    QVERIFY2(acc >= 0.5 && acc <= 0.8, qPrintable(QString::number(acc)));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM forecast_snapshots WHERE NOT (low_cents <= value_cents AND value_cents <= high_cents)"
                                  " OR confidence NOT BETWEEN 0 AND 100")), 0);
    QVERIFY(count(QStringLiteral("SELECT COUNT(DISTINCT reason_code) FROM forecast_revisions")) >= 4);
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM forecast_revisions WHERE reason_code = '客户CFO出国审批延迟'")) >= 1);
    // Historic alerts were handled.
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM alerts WHERE resolved_at IS NOT NULL AND acknowledged_at IS NOT NULL")) > 50);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM alerts WHERE acknowledged_at IS NULL")), 0);
}

void TestDemoGenerator::signalKeyActions()
{
    // Key-action completion per rep (DESIGN.md §5, computed by the Team screen's function)
    // over the half year before asOf: spread over the lights, reds missing particular kinds.
    using namespace cockpit::analytics;
    const Scope scope{Period::custom(m_asOf.addMonths(-6), m_asOf.addDays(-1)), OrgScope{}};
    const TeamHealth th = computeTeamHealth(m_db, scope, m_now);
    int green = 0, yellow = 0, red = 0, judged = 0, redWithTop = 0;
    for (const HealthRow &row : th.reps) {
        if (row.counts.actionsExpected < 100)
            continue; // too few exits to judge fairly
        ++judged;
        switch (row.figures.light) {
        case cockpit::analytics::Rag::Green: ++green; break;
        case cockpit::analytics::Rag::Yellow: ++yellow; break;
        case cockpit::analytics::Rag::Red: ++red; break;
        default: break;
        }
        if (row.figures.light == cockpit::analytics::Rag::Red && !row.figures.topMissing.isEmpty()) {
            // The most-missed kind is missed clearly more often than the third.
            const auto &top = row.figures.topMissing;
            if (top.size() < 3 || top.first().second >= 2 * top.last().second)
                ++redWithTop;
        }
    }
    const QString spread = QStringLiteral("green %1 yellow %2 red %3 of %4").arg(green).arg(yellow).arg(red).arg(judged);
    qInfo("key actions: %s, red with a clear top miss %d", qPrintable(spread), redWithTop);
    QVERIFY2(judged >= 80, qPrintable(spread));
    QVERIFY2(green >= judged * 15 / 100 && green <= judged * 45 / 100, qPrintable(spread));
    QVERIFY2(yellow >= judged * 30 / 100, qPrintable(spread));
    QVERIFY2(red >= judged * 5 / 100 && red <= judged * 35 / 100, qPrintable(spread));
    QVERIFY2(redWithTop * 2 >= red, qPrintable(QString::number(redWithTop)));
    // Standard-action coverage (share of green reps) differs between months.
    double lo = 101, hi = -1;
    for (const CoverageMonth &m : th.coverage) {
        if (m.pct) {
            lo = std::min(lo, *m.pct);
            hi = std::max(hi, *m.pct);
        }
    }
    QVERIFY2(hi - lo >= 5, qPrintable(QStringLiteral("%1 .. %2").arg(lo).arg(hi)));
}

// Beijing hour and weekday (0 = Monday) of an integer `at` in SQL.
#define BJ_HOUR "(((%1 + 28800) % 86400) / 3600)"
#define BJ_DOW "((((%1 + 28800) / 86400) + 3) % 7)"

void TestDemoGenerator::workingHours()
{
    // Sales actions in a team's hours: mostly Monday–Friday 08:30–19:00 Beijing, almost never
    // 00:00–06:00, a little Saturday, rare Sunday; visits, meetings and demos in business
    // hours; customers answer a bit wider.
    const QString hour = QStringLiteral(BJ_HOUR).arg(QStringLiteral("at"));
    const QString dow = QStringLiteral(BJ_DOW).arg(QStringLiteral("at"));
    const qint64 sales = count(QStringLiteral("SELECT COUNT(*) FROM activities WHERE direction = 'sales'"));
    QVERIFY(sales > 100000);
    const qint64 night = count(QStringLiteral("SELECT COUNT(*) FROM activities WHERE direction = 'sales' AND %1 < 6").arg(hour));
    QVERIFY2(night * 100 < sales * 2, qPrintable(QStringLiteral("%1 of %2").arg(night).arg(sales)));
    auto onDay = [&](int d) {
        return count(QStringLiteral("SELECT COUNT(*) FROM activities WHERE direction = 'sales' AND %1 = %2").arg(dow).arg(d));
    };
    const qint64 friday = onDay(4), saturday = onDay(5), sunday = onDay(6);
    QVERIFY2(sunday * 100 < sales * 2 && sunday * 10 < friday, qPrintable(QStringLiteral("%1 %2").arg(sunday).arg(friday)));
    QVERIFY2(saturday * 100 < sales * 6 && saturday > sunday, qPrintable(QStringLiteral("%1 %2").arg(saturday).arg(sunday)));
    // Office hours hold most of them.
    const qint64 office = count(QStringLiteral(
        "SELECT COUNT(*) FROM activities WHERE direction = 'sales' AND %1 < 5 AND (at + 28800) % 86400 >= 30600"
        " AND (at + 28800) % 86400 < 68400").arg(dow));
    QVERIFY2(office * 100 > sales * 90, qPrintable(QStringLiteral("%1 of %2").arg(office).arg(sales)));
    // Visits, meetings and demos: Monday–Friday 09:00–18:00 (a few squeezed into a stage
    // window that holds no business hours may fall outside).
    const qint64 field = count(QStringLiteral("SELECT COUNT(*) FROM activities WHERE kind IN ('visit', 'meeting', 'demo')"));
    const qint64 fieldOut = count(QStringLiteral(
        "SELECT COUNT(*) FROM activities WHERE kind IN ('visit', 'meeting', 'demo') AND (%1 >= 5 OR %2 < 9 OR %2 >= 18)")
                                      .arg(dow, hour));
    QVERIFY(field > 10000);
    QVERIFY2(fieldOut * 100 < field * 2, qPrintable(QStringLiteral("%1 of %2").arg(fieldOut).arg(field)));
    // Customers: some evenings and weekends, but not the small hours.
    const qint64 cust = count(QStringLiteral("SELECT COUNT(*) FROM activities WHERE direction = 'customer'"));
    const qint64 custNight = count(QStringLiteral("SELECT COUNT(*) FROM activities WHERE direction = 'customer' AND %1 < 6").arg(hour));
    QVERIFY2(custNight * 100 < cust * 3, qPrintable(QStringLiteral("%1 of %2").arg(custNight).arg(cust)));
    // Stage moves too.
    const qint64 moves = count(QStringLiteral("SELECT COUNT(*) FROM stage_history"));
    const qint64 moveNight = count(QStringLiteral("SELECT COUNT(*) FROM stage_history WHERE %1 < 6").arg(hour));
    QVERIFY2(moveNight * 100 < moves * 3, qPrintable(QStringLiteral("%1 of %2").arg(moveNight).arg(moves)));
}

void TestDemoGenerator::forecastsAsATeamMakesThem()
{
    // A snapshot is taken at the start of its month and never changed (DESIGN §5): its
    // updated_at is its taken_at, and every revision is a row of its own.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM forecast_snapshots WHERE updated_at <> taken_at")), 0);
    const qint64 revisions = count(QStringLiteral("SELECT COUNT(*) FROM forecast_revisions"));
    QVERIFY2(revisions > 100, qPrintable(QString::number(revisions)));
    // No revision's value is the snapshot's own; the first revision starts from the snapshot's
    // value and each next one from the one before; revisions fall inside the month.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM forecast_revisions r JOIN forecast_snapshots s ON s.id = r.snapshot_id"
                                  " WHERE r.new_value_cents = s.value_cents OR r.new_value_cents = r.old_value_cents")), 0);
    QCOMPARE(count(QStringLiteral(
                 "SELECT COUNT(*) FROM forecast_revisions r JOIN forecast_snapshots s ON s.id = r.snapshot_id"
                 " WHERE r.at = (SELECT MIN(x.at) FROM forecast_revisions x WHERE x.snapshot_id = s.id)"
                 " AND r.old_value_cents <> s.value_cents")), 0);
    QCOMPARE(count(QStringLiteral(
                 "SELECT COUNT(*) FROM forecast_revisions r WHERE r.at > (SELECT MIN(x.at) FROM forecast_revisions x"
                 " WHERE x.snapshot_id = r.snapshot_id) AND NOT EXISTS (SELECT 1 FROM forecast_revisions p"
                 " WHERE p.snapshot_id = r.snapshot_id AND p.at < r.at AND p.new_value_cents = r.old_value_cents)")), 0);
    QCOMPARE(count(QStringLiteral(
                 "SELECT COUNT(*) FROM forecast_revisions r JOIN forecast_snapshots s ON s.id = r.snapshot_id"
                 " WHERE r.at <= s.taken_at OR cockpit_date(r.at / 86400) >= date(cockpit_date(s.period_start), '+1 month')")), 0);
    // The reason says which way: "提前" (early) moves up, the others down.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM forecast_revisions WHERE (reason_code LIKE '%提前%')"
                                  " <> (new_value_cents > old_value_cents)")), 0);
    // The snapshot is the weighted pipeline: at most 90 % of the amount of the deals open at
    // the moment it was taken (no stage weighs more), and not a fixed share of the month's
    // collections.
    QCOMPARE(count(QStringLiteral(
                 "SELECT COUNT(*) FROM forecast_snapshots s WHERE s.org_level = 'company' AND s.period_start <= cockpit_day('2025-06-01')"
                 " AND s.value_cents * 10 > 9 * (SELECT SUM(l.amount_cents) FROM leads l WHERE l.created_at <= s.taken_at"
                 " AND (l.closed_at IS NULL OR l.closed_at > s.taken_at))")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM forecast_snapshots WHERE org_level = 'company' AND value_cents <= 0")), 0);
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral(
        "SELECT s.value_cents * 1.0 / (SELECT SUM(p.amount_cents) FROM payments p WHERE substr(cockpit_date(p.paid_on), 1, 7)"
        " = substr(cockpit_date(s.period_start), 1, 7)) FROM forecast_snapshots s WHERE s.org_level = 'region'"
        " AND s.period_start < cockpit_day('2025-06-01')")));
    int inBand = 0, n = 0;
    while (q.next()) {
        const double ratio = q.value(0).toDouble();
        ++n;
        // The old construction: collections × (1 ± 20–50 %), every one inside these bands.
        inBand += (ratio >= 0.5 && ratio <= 0.8) || (ratio >= 1.2 && ratio <= 1.5);
    }
    QVERIFY(n >= 40);
    QVERIFY2(inBand < n * 9 / 10, qPrintable(QStringLiteral("%1 of %2").arg(inBand).arg(n)));
}

void TestDemoGenerator::weakFunnelCells()
{
    // Stage conversion per team and transition (DESIGN §5): the share of a cohort of leads
    // that entered stage k (here: in the 365 days before asOf's last 60, so the cohort has
    // matured) that later entered stage k+1. A few real weak cells below 30 %, while most
    // cells are healthy.
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral(
        "WITH e AS (SELECT h.lead_id, s.pipeline_id p, s.position k, MIN(h.at) at FROM stage_history h"
        "   JOIN pipeline_stages s ON s.id = h.to_stage_id GROUP BY h.lead_id, s.pipeline_id, s.position),"
        " c AS (SELECT u.team_id t, e.p, e.k, COUNT(*) n,"
        "   SUM(EXISTS (SELECT 1 FROM e x WHERE x.lead_id = e.lead_id AND x.k = e.k + 1)) conv,"
        "   SUM(l.status = 'open' AND (SELECT position FROM pipeline_stages WHERE id = l.stage_id) = e.k) still"
        "   FROM e JOIN leads l ON l.id = e.lead_id JOIN users u ON u.id = l.owner_id"
        "   WHERE e.k < 3 AND e.at >= cockpit_secs('%1') AND e.at < cockpit_secs('%2') GROUP BY u.team_id, e.p, e.k)"
        " SELECT SUM(conv * 1.0 / n < 0.3), COUNT(*) FROM c WHERE n >= 20 AND still * 3 <= n")
                       .arg(cockpit::toIsoUtc(QDateTime(m_asOf.addDays(-425), QTime(0, 0), QTimeZone::utc())),
                            cockpit::toIsoUtc(QDateTime(m_asOf.addDays(-60), QTime(0, 0), QTimeZone::utc())))));
    QVERIFY(q.next());
    const qint64 weak = q.value(0).toLongLong(), cells = q.value(1).toLongLong();
    QVERIFY2(weak >= 1 && weak * 10 <= cells, qPrintable(QStringLiteral("%1 of %2").arg(weak).arg(cells)));
}

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"

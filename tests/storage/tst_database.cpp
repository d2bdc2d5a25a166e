// Storage: opening with the chosen pragmas, the lock, schema creation, and every bad-file
// case, each leaving the file byte-for-byte as it was.
#include "storage/database.h"
#include "storage/keys.h"
#include "storage/migrations.h"
#include "storage/schema.h"

#include "domain/ids.h"
#include "domain/pipeline.h"
#include "domain/times.h"

#include "dbfiles.h"
#include "fixture.h"
#include "storage/outbox.h"
#include "storage/transaction.h"
#include "timescan.h"

#include <QSqlDatabase>
#include <QJsonDocument>
#include <QJsonObject>
#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>
#include <QSqlError>
#include <QCryptographicHash>
#include <QDir>
#include <QHash>
#include <QFile>
#include <QSqlQuery>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace cockpit::storage;

namespace {
using fixture::fileHash;

using fixture::makeDatabase;
} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createsSchemaWithPragmas();
    void reopensExisting();
    void lockKeepsSecondInstanceOut();
    void badFiles_data();
    void badFiles();
    void checkReportsSoundAndCorrupt();
    void backupBeforeMigration();
    void migratesVersion1File();
    void deferredQuickCheck();
    void settingsRoundTrip();
    void timeColumnsAreAllListed();
    void timeFunctions();
    void migrationTurnsTimesIntoIntegers();
    void migrationNamesAnUnreadableTime();
    void outboxFieldsWriteWhatQtWrites();
    void immediateTransactionWritesAfterAnotherWriter();
};

void TestDatabase::createsSchemaWithPragmas()
{
    QTemporaryDir dir;
    Database db;
    const OpenResult r = db.open(dir.filePath(QStringLiteral("new.db")), Database::Mode::CreateIfMissing);
    QVERIFY2(r.ok(), qPrintable(r.message + r.detail));
    QCOMPARE(db.schemaVersion(), kSchemaVersion);
    QCOMPARE(db.journalMode(), QStringLiteral("wal"));
    QVERIFY2(db.pragmaSummary().contains(QLatin1String("synchronous=2")), qPrintable(db.pragmaSummary()));
    QVERIFY(db.pragmaSummary().contains(QLatin1String("foreign_keys=1")));
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA application_id")) && q.next());
    QCOMPARE(q.value(0).toInt(), kApplicationId);
    QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
    QCOMPARE(q.value(0).toInt(), kSchemaVersion);
    // Every synced table carries the sync columns and its global id.
    for (const QString &table : syncedTables()) {
        QVERIFY(q.exec(QStringLiteral("SELECT id, uuid, row_version, updated_at, deleted FROM %1 LIMIT 0").arg(table)));
    }
    for (const QString &table : localTables())
        QVERIFY2(q.exec(QStringLiteral("SELECT * FROM %1 LIMIT 0").arg(table)), qPrintable(table));
    // The three pipeline templates with five stages each.
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM pipelines")) && q.next());
    QCOMPARE(q.value(0).toInt(), 3);
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM pipeline_stages")) && q.next());
    QCOMPARE(q.value(0).toInt(), 15);
    QVERIFY(q.exec(QStringLiteral("SELECT exit_gate FROM pipeline_stages WHERE code = 'screen'")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("pain_keywords|budget_band|decision_role"));
    // Foreign keys are enforced: a city in a region that does not exist is refused.
    QVERIFY(!q.exec(QStringLiteral("INSERT INTO cities (id, region_id, name, updated_at) VALUES (1, 999, 'x',"
                                   " cockpit_secs('2026-11-01T00:00:00Z'))")));
    QVERIFY2(q.lastError().text().contains(QLatin1String("FOREIGN KEY")), qPrintable(q.lastError().text()));
}

void TestDatabase::reopensExisting()
{
    QTemporaryDir dir;
    const QString path = makeDatabase(dir.path());
    QVERIFY(!path.isEmpty());
    Database db;
    const OpenResult r = db.open(path);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(db.setting(QStringLiteral("current_user_id")), QStringLiteral("100")); // u0
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM leads")) && q.next());
    QCOMPARE(q.value(0).toInt(), 3);
}

void TestDatabase::lockKeepsSecondInstanceOut()
{
    QTemporaryDir dir;
    const QString path = makeDatabase(dir.path());
    Database first;
    QVERIFY(first.open(path).ok());
    Database second;
    const OpenResult r = second.open(path);
    QCOMPARE(r.error, OpenError::Locked);
    // The lock is this process's: the message names it.
    QVERIFY2(r.message.contains(QStringLiteral("process %1").arg(QCoreApplication::applicationPid())), qPrintable(r.message));
    first.close();
    QVERIFY(second.open(path).ok());
}

void TestDatabase::badFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("expected");
    QTest::newRow("missing file") << "missing" << int(OpenError::NotFound);
    QTest::newRow("a directory") << "directory" << int(OpenError::IsDirectory);
    QTest::newRow("a text file") << "text" << int(OpenError::NotSqlite);
    QTest::newRow("truncated to half") << "truncated" << int(OpenError::Truncated);
    QTest::newRow("pages overwritten") << "corrupt" << int(OpenError::Corrupt);
    QTest::newRow("read-only file") << "readonly" << int(OpenError::ReadOnly);
    QTest::newRow("newer schema") << "newer" << int(OpenError::NewerSchema);
    QTest::newRow("another program's database") << "foreign" << int(OpenError::NotCockpit);
}

void TestDatabase::badFiles()
{
    QFETCH(QString, kind);
    QFETCH(int, expected);
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("bad.db"));
    if (kind == QLatin1String("directory")) {
        QVERIFY(QDir().mkpath(path));
    } else if (kind == QLatin1String("text")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("name,phone\n博世,123\n");
    } else if (kind != QLatin1String("missing")) {
        path = makeDatabase(dir.path(), QStringLiteral("bad.db"));
        QVERIFY(!path.isEmpty());
        QFile f(path);
        const qint64 size = f.size();
        if (kind == QLatin1String("truncated")) {
            QVERIFY(f.resize(size / 2 + 100));
        } else if (kind == QLatin1String("corrupt")) {
            // Overwrite every page but the first with garbage of the right size.
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(4096);
            QByteArray junk(int(size - 4096), '\xA5');
            f.write(junk);
            f.close();
        } else if (kind == QLatin1String("readonly")) {
            QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::ReadGroup));
        } else if (kind == QLatin1String("newer") || kind == QLatin1String("foreign")) {
            const QString name = QStringLiteral("raw-") + kind;
            {
                QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                raw.setDatabaseName(path);
                QVERIFY(raw.open());
                QSqlQuery q(raw);
                QVERIFY(q.exec(kind == QLatin1String("newer") ? QStringLiteral("PRAGMA user_version = 99")
                                                              : QStringLiteral("PRAGMA application_id = 7")));
                raw.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
    const QByteArray before = QFileInfo(path).isFile() ? fileHash(path) : QByteArray();
    Database db;
    const OpenResult r = db.open(path);
    QCOMPARE(int(r.error), expected);
    QVERIFY2(r.message.contains(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())),
             qPrintable(r.message)); // names the file
    QVERIFY(!db.isOpen());
    if (!before.isEmpty())
        QCOMPARE(fileHash(path), before); // never modified
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")) || kind == QLatin1String("readonly"));
    if (kind == QLatin1String("readonly"))
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestDatabase::checkReportsSoundAndCorrupt()
{
    QTemporaryDir dir;
    const QString path = makeDatabase(dir.path());
    const QByteArray before = fileHash(path);
    CheckReport r = Database::check(path);
    QVERIFY2(r.ok, qPrintable(r.message + r.integrity));
    QCOMPARE(r.schemaVersion, kSchemaVersion);
    QCOMPARE(r.integrity, QStringLiteral("ok"));
    QCOMPARE(fileHash(path), before);

    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    QVERIFY(size > 8192);
    f.seek(4096);
    f.write(QByteArray(int(size - 4096), '\x5A'));
    f.close();
    r = Database::check(path);
    QVERIFY(!r.ok);
    QVERIFY(!Database::check(dir.filePath(QStringLiteral("absent.db"))).ok);
}

void TestDatabase::backupBeforeMigration()
{
    QTemporaryDir dir;
    const QString path = makeDatabase(dir.path());
    Database db;
    QVERIFY(db.open(path).ok());
    QString error;
    const QString backup = cockpit::storage::backupBeforeMigration(db.connection(), path, 1, &error);
    QVERIFY2(!backup.isEmpty(), qPrintable(error));
    QCOMPARE(backup, path + QStringLiteral(".v1.bak"));
    const QString second = cockpit::storage::backupBeforeMigration(db.connection(), path, 1, &error);
    QCOMPARE(second, path + QStringLiteral(".v1.2.bak")); // an earlier backup is never overwritten
    const CheckReport r = Database::check(backup);
    QVERIFY(r.ok);
    // No step exists beyond the current version: asking for one fails without changing anything.
    QVERIFY(!migrateTo(db.connection(), kSchemaVersion + 1, &error));
    QVERIFY(!error.isEmpty());
}

void TestDatabase::migratesVersion1File()
{
    // A file as issue 2's build wrote it: schema version 1 only.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.db"));
    QHash<QString, QString> pipelineIds; // code -> the v1 text id
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        for (const QString &sql : schemaV1Tables() + schemaV1Indexes())
            QVERIFY2(q.exec(sql), qPrintable(sql.left(60)));
        // The pipeline templates as a v1 build seeded them: text UUID ids, references by them.
        QSqlQuery p(raw), s(raw);
        QVERIFY(p.prepare(QStringLiteral(
            "INSERT INTO pipelines (id, code, name, name_en, version, first_response_minutes,"
            " handover_sla_minutes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '2026-11-01T00:00:00Z')")));
        QVERIFY(s.prepare(QStringLiteral(
            "INSERT INTO pipeline_stages (id, pipeline_id, position, code, name, name_en,"
            " sla_minutes, exit_gate, standard_actions, terminal, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-11-01T00:00:00Z')")));
        for (const cockpit::PipelineDef &def : cockpit::pipelineTemplates()) {
            const QString pid = cockpit::newId();
            pipelineIds.insert(def.code, pid);
            for (const QVariant &v : {QVariant(pid), QVariant(def.code), QVariant(def.name),
                                      QVariant(def.nameEn), QVariant(def.version),
                                      QVariant(def.firstResponseMinutes), QVariant(def.handoverSlaMinutes)})
                p.addBindValue(v);
            QVERIFY2(p.exec(), qPrintable(p.lastError().text()));
            for (int i = 0; i < def.stages.size(); ++i) {
                const cockpit::StageDef &st = def.stages.at(i);
                for (const QVariant &v : {QVariant(cockpit::newId()), QVariant(pid), QVariant(i),
                                          QVariant(st.code), QVariant(st.name), QVariant(st.nameEn),
                                          QVariant(st.slaMinutes),
                                          QVariant(QStringLiteral("") + st.exitGate.join(QLatin1Char('|'))),
                                          QVariant(QStringLiteral("") + st.standardActions.join(QLatin1Char('|'))),
                                          QVariant(st.terminal ? 1 : 0)})
                    s.addBindValue(v);
                QVERIFY2(s.exec(), qPrintable(s.lastError().text()));
            }
        }
        p.finish();
        s.finish();
        QVERIFY(q.exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId)));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
        q.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));
    {
        Database db;
        const auto r = db.open(path);
        QVERIFY2(r.ok(), qPrintable(r.message + r.detail));
        QCOMPARE(db.schemaVersion(), kSchemaVersion);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), kSchemaVersion);
        // The v2 and v3 columns and tables are there and usable.
        QVERIFY(q.exec(QStringLiteral("SELECT exit_actions FROM stage_history")));
        QVERIFY(q.exec(QStringLiteral("SELECT log_seq, log_hash FROM activities")));
        QVERIFY(q.exec(QStringLiteral("SELECT dedupe_key, escalation_level, lead_id, recipients FROM alerts")));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM webhooks")));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM deliveries")));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM pipelines")) && q.next());
        QCOMPARE(q.value(0).toInt(), 3);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM pipeline_stages")) && q.next());
        QCOMPARE(q.value(0).toInt(), 15);
        // Each pipeline got an integer key and keeps its v1 id as its global id.
        for (auto it = pipelineIds.cbegin(); it != pipelineIds.cend(); ++it) {
            QSqlQuery k(db.connection());
            k.prepare(QStringLiteral("SELECT id, typeof(id) FROM pipelines WHERE code = ?"));
            k.addBindValue(it.key());
            QVERIFY(k.exec() && k.next());
            QCOMPARE(k.value(1).toString(), QStringLiteral("integer"));
            QCOMPARE(uuidForKey(db.connection(), QStringLiteral("pipelines"), k.value(0).toString()), it.value());
        }
        // The stages still belong to their pipelines.
        QCOMPARE(fixture::stageId(db.connection(), "lifecycle", "screen").isEmpty(), false);
    }
    // The backup holds the version-1 file, untouched.
    const CheckReport backup = Database::check(path + QStringLiteral(".v1.bak"));
    QVERIFY(backup.ok);
    QCOMPARE(backup.schemaVersion, 1);
    // Reopening does not migrate again (no second backup).
    Database again;
    QVERIFY(again.open(path).ok());
    QVERIFY(!QFile::exists(path + QStringLiteral(".v1.2.bak")));
}

void TestDatabase::deferredQuickCheck()
{
    QTemporaryDir dir;
    const QString path = makeDatabase(dir.path());
    QCOMPARE(Database::quickCheck(path), QStringLiteral("ok"));
    {
        Database db;
        QVERIFY(db.open(path, Database::Mode::OpenExisting, Database::Check::Deferred).ok());
    }
    // Damage a page in the middle: header and schema stay readable, so only the check sees it.
    QFile f(path);
    const qint64 size = f.size();
    QVERIFY(f.open(QIODevice::ReadWrite));
    f.seek(size - 4096);
    f.write(QByteArray(4096, '\x33'));
    f.close();
    const QByteArray before = fileHash(path);
    const QString findings = Database::quickCheck(path);
    QVERIFY2(findings != QLatin1String("ok") && !findings.isEmpty(), qPrintable(findings));
    QCOMPARE(fileHash(path), before);
    Database db;
    QCOMPARE(db.open(path).error, OpenError::Corrupt); // the synchronous check refuses it
}

// storage::timeColumns() is the one list the schema v6 step reads (TIMES_V6.md): every
// column it names exists, and every column that holds a time is on it.
void TestDatabase::timeColumnsAreAllListed()
{
    QTemporaryDir dir;
    Database db;
    QVERIFY(db.open(dir.filePath(QStringLiteral("t.db")), Database::Mode::CreateIfMissing).ok());
    QSet<QString> listed;
    for (const TimeColumn &c : timeColumns())
        listed.insert(QLatin1String(c.table) + u'.' + QLatin1String(c.column));
    QCOMPARE(listed.size(), timeColumns().size()); // no column twice
    QCOMPARE(listed.size(), 72);
    static const QRegularExpression timeLike(QStringLiteral("(_at|_on|_date|^at|^day|_start|^expected_close|"
                                                            "^customer_since|^intent_next_meeting)$"));
    QSet<QString> found;
    for (const QString &table : syncedTables() + localTables()) {
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)));
        while (q.next()) {
            const QString column = q.value(1).toString();
            const QString name = table + u'.' + column;
            if (listed.contains(name))
                found.insert(name);
            else
                QVERIFY2(!timeLike.match(column).hasMatch(), qPrintable(name + QStringLiteral(" holds a time and is not listed")));
        }
    }
    QCOMPARE(found, listed);
}

// The SQL time functions every connection has (uuidcolumn.h), in the file's form.
void TestDatabase::timeFunctions()
{
    QTemporaryDir dir;
    Database db;
    QVERIFY(db.open(dir.filePath(QStringLiteral("f.db")), Database::Mode::CreateIfMissing).ok());
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT cockpit_iso(1795325676), cockpit_date(20414), cockpit_iso('x'),"
                                  " cockpit_iso(NULL), cockpit_secs('2026-11-22T05:34:36Z'), cockpit_day('2026-11-22'),"
                                  " cockpit_secs(NULL)")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("2026-11-22T05:34:36Z"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("2025-11-22"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("x"));
    QVERIFY(q.value(3).isNull());
    if constexpr (cockpit::times::kIntegerTimes) {
        QCOMPARE(q.value(4).toLongLong(), 1795325676);
        QCOMPARE(q.value(5).toLongLong(), 20414 + 365);
    } else { // schema v5 keeps ISO text: the functions leave it as it is
        QCOMPARE(q.value(4).toString(), QStringLiteral("2026-11-22T05:34:36Z"));
        QCOMPARE(q.value(5).toString(), QStringLiteral("2026-11-22"));
    }
    QVERIFY(q.value(6).isNull());
    // The C++ side agrees with the SQL side.
    QCOMPARE(cockpit::times::instantIso(QVariant(qint64(1795325676))), QStringLiteral("2026-11-22T05:34:36Z"));
    QCOMPARE(cockpit::times::instantIso(QVariant(QStringLiteral("2026-11-22T05:34:36Z"))), QStringLiteral("2026-11-22T05:34:36Z"));
    QVERIFY(cockpit::times::instantIso(QVariant(QStringLiteral(""))).isNull());
    QCOMPARE(cockpit::times::dateOf(QVariant(qint64(20414))), QDate(2025, 11, 22));
    QCOMPARE(cockpit::times::dateOf(QVariant(QStringLiteral("2025-11-22"))), QDate(2025, 11, 22));
    QCOMPARE(cockpit::times::instantParam(0), cockpit::times::kIntegerTimes ? QVariant(qint64(0))
                                                                           : QVariant(QStringLiteral("1970-01-01T00:00:00Z")));
}

namespace {
// A schema v1 file with one region and one user, the region's updated_at as given.
void makeVersion1File(const QString &path, const QString &regionUpdatedAt)
{
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1-times"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        for (const QString &sql : schemaV1Tables() + schemaV1Indexes())
            QVERIFY2(q.exec(sql), qPrintable(sql.left(60)));
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO regions (id, code, name, updated_at) VALUES ('r1', 'e', 'E', ?)")));
        q.addBindValue(regionUpdatedAt);
        QVERIFY(q.exec());
        // left_date '' meant "has not left" to the v1-v5 readers; hire_date a plain date.
        QVERIFY(q.exec(QStringLiteral("INSERT INTO users (id, name, role, hire_date, left_date, updated_at) VALUES"
                                      " ('u1', 'U', 'sales', '2020-01-31', '', '2026-11-01T08:30:00Z')")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId)));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
        q.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1-times"));
}
} // namespace

// Schema v6: an old file's text times become epoch seconds and day numbers; '' becomes NULL.
void TestDatabase::migrationTurnsTimesIntoIntegers()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.db"));
    makeVersion1File(path, QStringLiteral("2026-11-01T00:00:00Z"));
    Database db;
    const auto r = db.open(path);
    QVERIFY2(r.ok(), qPrintable(r.message + r.detail));
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT hire_date, left_date, updated_at, typeof(hire_date) FROM users")) && q.next());
    QCOMPARE(q.value(0).toLongLong(), QDate(1970, 1, 1).daysTo(QDate(2020, 1, 31)));
    QVERIFY(q.value(1).isNull());
    QCOMPARE(q.value(2).toLongLong(), QDateTime(QDate(2026, 11, 1), QTime(8, 30), QTimeZone::utc()).toSecsSinceEpoch());
    QCOMPARE(q.value(3).toString(), QStringLiteral("integer"));
    const QStringList problems = fixture::timeColumnProblems(db.connection());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    // An ISO string can no longer be written into a time column.
    QVERIFY(!q.exec(QStringLiteral("UPDATE users SET updated_at = '2026-11-02T00:00:00Z'")));
}

// A time no reader understands stops the step and is named; the steps before it are kept and
// the original is in the backup.
void TestDatabase::migrationNamesAnUnreadableTime()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.db"));
    makeVersion1File(path, QStringLiteral("soon"));
    {
        Database db;
        const auto r = db.open(path);
        QVERIFY(!r.ok());
        QVERIFY2(r.detail.contains(QLatin1String("regions.updated_at")) && r.detail.contains(QLatin1String("\"soon\"")),
                 qPrintable(r.detail));
        QVERIFY2(r.message.contains(QLatin1String("stopped at version 5")), qPrintable(r.message));
    }
    QCOMPARE(Database::peekSchemaVersion(path), 5);
    const CheckReport backup = Database::check(path + QStringLiteral(".v1.bak"));
    QVERIFY(backup.ok);
    QCOMPARE(backup.schemaVersion, 1);
}

// The bulk writers' JSON (OutboxFields) is byte for byte what QJsonDocument writes.
void TestDatabase::outboxFieldsWriteWhatQtWrites()
{
    const QStringList texts{QString(), QStringLiteral("plain"), QStringLiteral("say \"hi\" \\ back/slash"),
                            QStringLiteral("tab\tnew\nline\rcr\bbs\fff"), QString(QChar(1)) + QChar(0x1f) + QChar(0x7f),
                            QStringLiteral("客户CFO出国审批延迟 · 价格敏感"), QStringLiteral("emoji \U0001F600 end"),
                            QStringLiteral("{\"details\":{\"quotes\":[\"a\",\"b\"]}}")};
    for (const QString &text : texts) {
        cockpit::storage::OutboxFields mine;
        mine.add("zeta", text).add("alpha", qint64(-5)).addNull("middle").addOrNull("empty", QString()).add("b_2", text);
        const QJsonObject qt{{QStringLiteral("zeta"), text}, {QStringLiteral("alpha"), -5}, {QStringLiteral("middle"), QJsonValue()},
                             {QStringLiteral("empty"), QJsonValue()}, {QStringLiteral("b_2"), text}};
        QCOMPARE(mine.toJson(), QJsonDocument(qt).toJson(QJsonDocument::Compact));
    }
    QCOMPARE(cockpit::storage::OutboxFields().add("n", qint64(1795325676)).toJson(),
             QJsonDocument(QJsonObject{{QStringLiteral("n"), qint64(1795325676)}}).toJson(QJsonDocument::Compact));
}

void TestDatabase::settingsRoundTrip()
{
    QTemporaryDir dir;
    Database db;
    QVERIFY(db.open(dir.filePath(QStringLiteral("s.db")), Database::Mode::CreateIfMissing).ok());
    QVERIFY(!db.isDemo());
    QVERIFY(db.setSetting(QStringLiteral("demo"), QStringLiteral("1")));
    QVERIFY(db.isDemo());
    QVERIFY(db.setSetting(QStringLiteral("demo"), QStringLiteral("0")));
    QCOMPARE(db.setting(QStringLiteral("demo")), QStringLiteral("0"));
    QCOMPARE(db.setting(QStringLiteral("absent"), QStringLiteral("fallback")), QStringLiteral("fallback"));
}

QTEST_GUILESS_MAIN(TestDatabase)
void TestDatabase::immediateTransactionWritesAfterAnotherWriter()
{
    // Two connections to one file, as the app and a worker. A deferred transaction that read
    // before another connection committed cannot write afterwards: SQLite answers "database
    // is locked" at once (SQLITE_BUSY_SNAPSHOT, the busy timeout does not apply). An
    // immediate one holds the write lock from BEGIN: the other writer waits for it (here, with
    // no timeout, is refused), and its own read-then-write goes through.
    QTemporaryDir dir;
    Database db;
    const QString path = dir.filePath(QStringLiteral("tx.db"));
    QVERIFY(db.open(path, Database::Mode::CreateIfMissing).ok());
    QSqlDatabase app = db.connection();
    QVERIFY(QSqlQuery(app).exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('tx_test', '0')")));
    QString error;
    QSqlDatabase worker = openConnection(path, QStringLiteral("tx-worker"), Access::ReadWrite, &error);
    QVERIFY2(worker.isOpen(), qPrintable(error));
    const auto read = [](QSqlDatabase on) {
        QSqlQuery q(on);
        return q.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'tx_test'")) && q.next() ? q.value(0).toString() : QString();
    };
    const auto write = [](QSqlDatabase on, const QString &v) {
        QSqlQuery q(on);
        q.prepare(QStringLiteral("UPDATE settings SET value = ? WHERE key = 'tx_test'"));
        q.addBindValue(v);
        return q.exec() ? QString() : q.lastError().text();
    };
    {
        Transaction tx(worker); // deferred
        QVERIFY(tx.isActive());
        QCOMPARE(read(worker), QStringLiteral("0"));
        QCOMPARE(write(app, QStringLiteral("1")), QString()); // the app commits in between
        const QString refused = write(worker, QStringLiteral("2"));
        QVERIFY2(refused.contains(QLatin1String("locked")), qPrintable(refused));
    }
    {
        Transaction tx(worker, Transaction::Begin::Immediate);
        QVERIFY2(tx.isActive(), qPrintable(tx.errorText()));
        QCOMPARE(read(worker), QStringLiteral("1"));
        sqlite3_busy_timeout(sqliteHandle(app), 0);
        QVERIFY(!write(app, QStringLiteral("3")).isEmpty()); // the worker holds the write lock
        sqlite3_busy_timeout(sqliteHandle(app), 5000);
        QCOMPARE(write(worker, QStringLiteral("2")), QString());
        QVERIFY(tx.commit());
    }
    QCOMPARE(read(app), QStringLiteral("2"));
    // A connection that may not write fails at BEGIN IMMEDIATE and says why.
    QVERIFY(QSqlQuery(worker).exec(QStringLiteral("PRAGMA query_only = 1")));
    {
        Transaction tx(worker, Transaction::Begin::Immediate);
        QVERIFY(!tx.isActive());
        QVERIFY2(tx.errorText().contains(QLatin1String("readonly")), qPrintable(tx.errorText()));
    }
    worker = QSqlDatabase();
    closeConnection(QStringLiteral("tx-worker"));
}

#include "tst_database.moc"

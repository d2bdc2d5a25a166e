// Files of every older schema, frozen as the build of their time wrote them (tests/data,
// make-frozen-schemas.sh), open in this build: migrated after a backup, every table keeps its
// rows, the log chain verifies with the head recorded here, and rows read back equal through
// the repositories. Opening again changes nothing. Schema v3's first step (stage exit actions)
// is checked against its definition; the counts and chain heads stay those of v2. Schema v8
// adds a target's correction reason: every older file's targets keep their corrections, with
// the reason '' (the v7 fixture has non-zero corrections that had nowhere to keep one).
#include "exitactionsref.h"
#include "timescan.h"
#include "storage/database.h"
#include "storage/keys.h"
#include "storage/activitylog.h"
#include "storage/leadrepository.h"
#include "storage/logchain.h"
#include "storage/schema.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::storage;

namespace {
// The head of the chain (log_seq, hash) each fixture has after opening in this build.
struct Expected
{
    const char *file;
    int version;
    qint64 headSeq;
    const char *headHash;
};

// What a file holds, read with plain SQL: rows per table, and a few leads as stored.
struct Snapshot
{
    QMap<QString, qint64> rows;
    // global id, title, amount_cents, stage's global id, owner's global id, status: the
    // same text before and after schema v5 turned the keys into integers (storage/keys.h)
    QList<QStringList> leads;
    QString currentUser; // the current user's global id
    QMap<QString, QByteArray> times; // every time column's values as ISO text, digested
    QString corrections; // targets: count, non-zero corrections, their sum, weighted by amount
};

Snapshot snapshot(const QString &path)
{
    Snapshot s;
    const QString name = QStringLiteral("frozen-snapshot");
    {
        QString error;
        QSqlDatabase db = openConnection(path, name, Access::ReadOnly, &error);
        QSqlQuery tables(db);
        tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"));
        while (tables.next()) {
            QSqlQuery n(db);
            if (n.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(tables.value(0).toString())) && n.next())
                s.rows.insert(tables.value(0).toString(), n.value(0).toLongLong());
        }
        QSqlQuery leads(db);
        QSqlQuery shape(db);
        const bool v5 = shape.exec(QStringLiteral("SELECT 1 FROM pragma_table_info('leads') WHERE name = 'uuid'"))
                        && shape.next();
        // A v5 uuid blob sorts as the lowercase text id sorted before it.
        leads.exec(v5 ? QStringLiteral("SELECT cockpit_uuid_text(l.uuid), l.title, l.amount_cents,"
                                       " cockpit_uuid_text(s.uuid), cockpit_uuid_text(u.uuid), l.status FROM leads l"
                                       " JOIN pipeline_stages s ON s.id = l.stage_id LEFT JOIN users u ON u.id = l.owner_id"
                                       " ORDER BY l.uuid LIMIT 12")
                      : QStringLiteral("SELECT id, title, amount_cents, stage_id, owner_id, status FROM leads"
                                       " ORDER BY id LIMIT 12"));
        QSqlQuery user(db);
        user.exec(v5 ? QStringLiteral("SELECT cockpit_uuid_text(u.uuid) FROM settings s JOIN users u"
                                      " ON u.id = s.value WHERE s.key = 'current_user_id'")
                     : QStringLiteral("SELECT value FROM settings WHERE key = 'current_user_id'"));
        if (user.next())
            s.currentUser = user.value(0).toString();
        while (leads.next()) {
            QStringList row;
            for (int i = 0; i < 6; ++i)
                row << leads.value(i).toString();
            s.leads << row;
        }
        s.times = fixture::timeDigests(db);
        QSqlQuery t(db);
        if (t.exec(QStringLiteral("SELECT COUNT(*), SUM(correction_bp <> 0), SUM(correction_bp),"
                                  " SUM(ABS(correction_bp) * (amount_cents % 1000003)) FROM targets"))
            && t.next())
            s.corrections = QStringList{t.value(0).toString(), t.value(1).toString(), t.value(2).toString(),
                                        t.value(3).toString()}
                                .join(QLatin1Char('/'));
    }
    closeConnection(name);
    return s;
}

bool extract(const QString &fixture, const QString &to)
{
    QFile in(QStringLiteral(COCKPIT_TEST_DATA_DIR "/") + fixture);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = qUncompress(in.readAll());
    QFile out(to);
    return !bytes.isEmpty() && out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size();
}
} // namespace

class TestFrozenSchemas : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void opensAndKeepsEverything_data();
    void opensAndKeepsEverything();
};

void TestFrozenSchemas::opensAndKeepsEverything_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("version");
    QTest::addColumn<qint64>("headSeq");
    QTest::addColumn<QString>("headHash");
    // v2: the chain the demo generator wrote. v1 had no chain: the v1 → v2 step builds it
    // over the same records, and arrives at the very head the v2 build wrote.
    const Expected cases[] = {
        {"schema-v1-micro.db.qz", 1, 1892, "70327dc2da91baced4cc523dcedd219bfeee1fd51d2ff290b26c6a2fcd1802e6"},
        {"schema-v2-micro.db.qz", 2, 1892, "70327dc2da91baced4cc523dcedd219bfeee1fd51d2ff290b26c6a2fcd1802e6"},
        // v3 as its own build wrote it: the exit actions are not in the chain's record, so
        // the head is the same.
        {"schema-v3-micro.db.qz", 3, 1892, "70327dc2da91baced4cc523dcedd219bfeee1fd51d2ff290b26c6a2fcd1802e6"},
        // v4 changed indexes only: the same rows, the same head. v5 (integer keys) keeps the
        // chain's record byte for byte, so every fixture arrives at the same head.
        {"schema-v4-micro.db.qz", 4, 1892, "70327dc2da91baced4cc523dcedd219bfeee1fd51d2ff290b26c6a2fcd1802e6"},
        // v5 as its own build wrote it (integer keys), kept for the step that changes times.
        {"schema-v5-micro.db.qz", 5, 1892, "70327dc2da91baced4cc523dcedd219bfeee1fd51d2ff290b26c6a2fcd1802e6"},
        // v6 (integer times) before v7 added products and the import tables: the same chain.
        {"schema-v6-micro.db.qz", 6, 1892, "70327dc2da91baced4cc523dcedd219bfeee1fd51d2ff290b26c6a2fcd1802e6"},
        // v7 as its own build wrote it (a7be3eb, make-frozen-schema-v7.sh), before v8 added the
        // correction reason; that build's demo wrote a shorter log than the one above.
        {"schema-v7-micro.db.qz", 7, 1858, "9ce27a3ddec0c1e24483855c7e23df2e63c9e25b781c9d6d44ffc481db0b6fed"},
    };
    for (const Expected &e : cases)
        QTest::newRow(e.file) << QString::fromLatin1(e.file) << e.version << e.headSeq << QString::fromLatin1(e.headHash);
}

void TestFrozenSchemas::opensAndKeepsEverything()
{
    QFETCH(QString, file);
    QFETCH(int, version);
    QFETCH(qint64, headSeq);
    QFETCH(QString, headHash);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.db"));
    QVERIFY2(extract(file, path), qPrintable(file));
    const Snapshot before = snapshot(path);
    // What the GUI reads before it opens, to say that it will update the file.
    QCOMPARE(Database::peekSchemaVersion(path), version);
    QVERIFY(before.rows.value(QStringLiteral("leads")) > 100);
    QCOMPARE(before.leads.size(), 12);

    for (int round = 0; round < 2; ++round) { // the second open finds nothing to do
        Database db;
        const OpenResult r = db.open(path);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(db.schemaVersion(), kSchemaVersion);
        QCOMPARE(Database::peekSchemaVersion(path), kSchemaVersion);
        // A migration kept the file as it was next to it; a current file needs none.
        const QStringList backups = QDir(dir.path()).entryList({QStringLiteral("old.db.v*.bak")});
        QCOMPARE(backups.size(), version < kSchemaVersion ? 1 : 0);
        if (!backups.isEmpty())
            QCOMPARE(snapshot(dir.filePath(backups.first())).rows, before.rows);

        // Every table of the old file keeps its rows. The v1 → v2 step adds the chain's head
        // (two settings), the first open the rule its exit actions follow (exitactions.h, one
        // setting); tables a migration adds are empty.
        const Snapshot after = snapshot(path);
        for (auto it = before.rows.cbegin(); it != before.rows.cend(); ++it)
            QVERIFY2(after.rows.value(it.key(), -1)
                         == it.value() + (it.key() == QLatin1String("settings") ? (version < 2 ? 2 : 0) + 1 : 0),
                     qPrintable(QStringLiteral("%1: %2 rows, was %3").arg(it.key()).arg(after.rows.value(it.key(), -1)).arg(it.value())));
        for (auto it = after.rows.cbegin(); it != after.rows.cend(); ++it)
            if (!before.rows.contains(it.key()))
                QCOMPARE(it.value(), 0);
        QCOMPARE(after.leads, before.leads);
        // v8: the targets and their corrections as they were, every reason '' (none was kept).
        QVERIFY(!before.corrections.isEmpty());
        if (version == 7)
            QVERIFY2(before.corrections.section(QLatin1Char('/'), 1, 1).toInt() > 0, qPrintable(before.corrections));
        QCOMPARE(after.corrections, before.corrections);
        QSqlQuery reasons(db.connection());
        QVERIFY(reasons.exec(QStringLiteral("SELECT COUNT(*), SUM(correction_reason = '') FROM targets")) && reasons.next());
        QCOMPARE(reasons.value(1).toLongLong(), reasons.value(0).toLongLong());
        // v6 keeps every time as it was, now as integers of the right kind and range.
        QVERIFY(!before.times.isEmpty());
        for (auto it = before.times.cbegin(); it != before.times.cend(); ++it)
            QVERIFY2(after.times.value(it.key()) == it.value(), qPrintable(it.key()));
        const QStringList problems = fixture::timeColumnProblems(db.connection());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        // v5 maps the ids written inside settings too: the current user is the same person.
        QVERIFY(!before.currentUser.isEmpty());
        QCOMPARE(after.currentUser, before.currentUser);

        // Rows read back equal through the repository.
        LeadRepository leads(db);
        for (const QStringList &row : before.leads) {
            const QString key = keyForUuid(db, QStringLiteral("leads"), row[0]);
            QVERIFY2(!key.isEmpty(), qPrintable(row[0]));
            const auto lead = leads.fetch(key);
            QVERIFY2(lead, qPrintable(row[0]));
            QCOMPARE(lead->title, row[1]);
            QCOMPARE(QString::number(lead->amountCents), row[2]);
            QCOMPARE(uuidForKey(db, QStringLiteral("pipeline_stages"), lead->stageId), row[3]);
            QCOMPARE(uuidForKey(db, QStringLiteral("users"), lead->ownerId), row[4]);
            QCOMPARE(lead->status, row[5]);
        }

        // v3: every stage move's exit actions were computed, as their definition says.
        QCOMPARE(fixture::exitActionsDisagreeing(db.connection()), 0);

        // The chain verifies, with the head recorded for this fixture.
        const VerifyResult v = verifyLog(db.connection());
        QVERIFY2(v.ok, qPrintable(v.message));
        QCOMPARE(db.setting(QString::fromLatin1(kLogHeadSeqKey)).toLongLong(), headSeq);
        QCOMPARE(db.setting(QString::fromLatin1(kLogHeadHashKey)), headHash);
        QCOMPARE(v.recordsChecked, headSeq + 1);
    }
}

QTEST_GUILESS_MAIN(TestFrozenSchemas)
#include "tst_frozenschemas.moc"

// The change notifier (storage/changes.h): every committed write on the app's connections is
// announced once, after the commit, with its table, kind and rows; a rollback announces
// nothing, a read nothing; a worker connection opened with the notifier is heard too.
#include "storage/changes.h"
#include "storage/database.h"
#include "storage/leadrepository.h"

#include "fixture.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace cockpit;
using namespace cockpit::storage;

class TestChanges : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void editAnnouncedAfterCommit();
    void transactionIsOneSet();
    void rollbackAndReadsAnnounceNothing();
    void writesThatChangeNothingAnnounceNothing();
    void workerConnectionHeard();
    void mergeAndTouches();
    void aWorkerMayOutliveTheDatabase();

private:
    ChangeSet waitForOne(QSignalSpy &spy);
    qint64 rowidOf(const QString &table, const QString &id);

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

void TestChanges::init()
{
    m_db = std::make_unique<Database>();
    QVERIFY(m_db->open(m_dir.filePath(QStringLiteral("c.db")), Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(*m_db));
    QCoreApplication::processEvents(); // the fixture's own writes are announced and gone
}

void TestChanges::cleanup()
{
    m_db.reset();
    QFile::remove(m_dir.filePath(QStringLiteral("c.db")));
}

ChangeSet TestChanges::waitForOne(QSignalSpy &spy)
{
    if (spy.isEmpty())
        spy.wait(5000);
    QCoreApplication::processEvents();
    if (spy.size() != 1) {
        qWarning() << "announcements:" << spy.size();
        return {};
    }
    return spy.takeFirst().at(0).value<ChangeSet>();
}

qint64 TestChanges::rowidOf(const QString &table, const QString &id)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT rowid FROM %1 WHERE id = ?").arg(table));
    q.addBindValue(id);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

void TestChanges::editAnnouncedAfterCommit()
{
    QSignalSpy spy(m_db.get(), &Database::changed);
    QVERIFY(fixture::exec(m_db->connection(), QStringLiteral("UPDATE leads SET title = 'x' WHERE id = 2")));
    QCOMPARE(spy.size(), 0); // announced from the event loop, after the statement returned
    const ChangeSet set = waitForOne(spy);
    QVERIFY(set.touches(QStringLiteral("leads")));
    QVERIFY(!set.unknownRows);
    QCOMPARE(set.changes.size(), 1);
    QCOMPARE(set.changes[0].kind, ChangeKind::Updated);
    QCOMPARE(set.changes[0].rows, QVector<qint64>{rowidOf(QStringLiteral("leads"), QStringLiteral("2"))});
    QVERIFY(!set.touches(QStringLiteral("customers")));
}

void TestChanges::transactionIsOneSet()
{
    QSignalSpy spy(m_db.get(), &Database::changed);
    QSqlDatabase db = m_db->connection();
    QVERIFY(db.transaction());
    QVERIFY(fixture::exec(db, QStringLiteral("UPDATE leads SET title = 'a' WHERE id = 1")));
    QVERIFY(fixture::exec(db, QStringLiteral("UPDATE leads SET title = 'b' WHERE id = 1")));
    QVERIFY(fixture::exec(db, QStringLiteral("UPDATE leads SET title = 'c' WHERE id = 3")));
    QVERIFY(fixture::exec(db, QStringLiteral("INSERT INTO settings (key, value) VALUES ('t.k', '1')")));
    QVERIFY(fixture::exec(db, QStringLiteral("DELETE FROM settings WHERE key = 't.k'")));
    QCoreApplication::processEvents();
    QCOMPARE(spy.size(), 0); // nothing before the commit
    QVERIFY(db.commit());
    const ChangeSet set = waitForOne(spy);
    QCOMPARE(set.tables(), (QStringList{QStringLiteral("leads"), QStringLiteral("settings")}));
    QCOMPARE(set.changes.size(), 3);
    QCOMPARE(set.changes[0].rows, (QVector<qint64>{rowidOf(QStringLiteral("leads"), QStringLiteral("1")),
                                                   rowidOf(QStringLiteral("leads"), QStringLiteral("3"))}));
    QCOMPARE(set.changes[1].kind, ChangeKind::Inserted);
    QCOMPARE(set.changes[2].kind, ChangeKind::Deleted);
    QCOMPARE(set.changes[1].rows, set.changes[2].rows);
}

void TestChanges::rollbackAndReadsAnnounceNothing()
{
    QSignalSpy spy(m_db.get(), &Database::changed);
    QSqlDatabase db = m_db->connection();
    QVERIFY(db.transaction());
    QVERIFY(fixture::exec(db, QStringLiteral("UPDATE leads SET title = 'gone' WHERE id = 1")));
    QVERIFY(db.rollback());
    QVERIFY(db.transaction());
    QVERIFY(fixture::exec(db, QStringLiteral("SELECT COUNT(*) FROM leads")));
    QVERIFY(db.commit());
    QVERIFY(fixture::exec(db, QStringLiteral("SELECT COUNT(*) FROM activities")));
    QTest::qWait(50);
    QCOMPARE(spy.size(), 0);
    // The next write announces only itself, not the rolled-back one.
    QVERIFY(fixture::exec(db, QStringLiteral("UPDATE leads SET title = 'kept' WHERE id = 3")));
    const ChangeSet set = waitForOne(spy);
    QCOMPARE(set.changes.size(), 1);
    QCOMPARE(set.changes[0].rows, QVector<qint64>{rowidOf(QStringLiteral("leads"), QStringLiteral("3"))});
}

void TestChanges::writesThatChangeNothingAnnounceNothing()
{
    // An UPDATE that matches no row still opens and commits a write transaction (the delivery
    // queue's start-up recovery does, on every start). Announced as "unknown rows", it made
    // every screen and the catalog reload everything; nothing changed, so nothing is said.
    QSignalSpy spy(m_db.get(), &Database::changed);
    QSqlDatabase db = m_db->connection();
    // No lead has key 999 (the fixture's leads are 1-3).
    QVERIFY(fixture::exec(db, QStringLiteral("UPDATE leads SET title = 'x' WHERE id = 999")));
    QVERIFY(db.transaction());
    QVERIFY(fixture::exec(db, QStringLiteral("UPDATE leads SET title = 'y' WHERE id = 999")));
    QVERIFY(fixture::exec(db, QStringLiteral("INSERT OR IGNORE INTO settings (key, value)"
                                             " SELECT key, value FROM settings LIMIT 1")));
    QVERIFY(db.commit());
    QTest::qWait(50);
    QCOMPARE(spy.size(), 0);
    // The next write announces itself, by row.
    QVERIFY(fixture::exec(db, QStringLiteral("UPDATE leads SET title = 'kept' WHERE id = 3")));
    const ChangeSet set = waitForOne(spy);
    QVERIFY(!set.unknownRows);
    QCOMPARE(set.changes.size(), 1);
    QCOMPARE(set.changes[0].rows, QVector<qint64>{rowidOf(QStringLiteral("leads"), QStringLiteral("3"))});
}

void TestChanges::workerConnectionHeard()
{
    QSignalSpy spy(m_db.get(), &Database::changed);
    const QString name = QStringLiteral("tst-changes-worker");
    std::thread worker([&] {
        QString error;
        {
            QSqlDatabase w = openConnection(m_db->path(), name, Access::ReadWrite, &error, m_db->changeSink());
            QSqlQuery q(w);
            q.exec(QStringLiteral("UPDATE customers SET name = name || '!' WHERE id IN (SELECT id FROM customers LIMIT 2)"));
        }
        closeConnection(name, m_db->changeSink());
    });
    worker.join();
    const ChangeSet set = waitForOne(spy);
    QCOMPARE(set.tables(), QStringList{QStringLiteral("customers")});
    QCOMPARE(set.changes[0].rows.size(), 2);
    // A read-only worker, or one opened without the notifier, is not heard (and never writes).
    {
        QString error;
        QSqlDatabase r = openConnection(m_db->path(), name, Access::ReadOnly, &error, m_db->changeSink());
        QVERIFY(error.isEmpty());
        QVERIFY(!QSqlQuery(r).exec(QStringLiteral("UPDATE customers SET name = 'no'")));
    }
    closeConnection(name, m_db->changeSink());
    QTest::qWait(50);
    QCOMPARE(spy.size(), 0);
}

void TestChanges::mergeAndTouches()
{
    ChangeSet a;
    a.changes.append({QStringLiteral("leads"), ChangeKind::Updated, {1, 2}});
    ChangeSet b;
    b.changes.append({QStringLiteral("leads"), ChangeKind::Updated, {2, 3}});
    b.changes.append({QStringLiteral("alerts"), ChangeKind::Inserted, {9}});
    a.merge(b);
    QCOMPARE(a.changes.size(), 2);
    QCOMPARE(a.changes[0].rows, (QVector<qint64>{1, 2, 3}));
    QVERIFY(a.touches(QStringLiteral("alerts")));
    QVERIFY(!a.touches(QStringLiteral("customers")));
    // A bulk write's next rows, all above the ones listed, are appended as they are.
    ChangeSet next;
    next.changes.append({QStringLiteral("leads"), ChangeKind::Updated, {7, 4}});
    a.merge(next);
    QCOMPARE(a.changes[0].rows, (QVector<qint64>{1, 2, 3, 7, 4}));
    // Rows among the listed ones (a reserved key below the latest): only the new ones, in order.
    ChangeSet among;
    among.changes.append({QStringLiteral("leads"), ChangeKind::Updated, {9, 4, 5, 1, 8}});
    a.merge(among);
    QCOMPARE(a.changes[0].rows, (QVector<qint64>{1, 2, 3, 7, 4, 9, 5, 8}));
    ChangeSet none;
    none.changes.append({QStringLiteral("leads"), ChangeKind::Updated, {}});
    a.merge(none);
    QCOMPARE(a.changes[0].rows.size(), 8);
    ChangeSet unknown;
    unknown.unknownRows = true;
    QVERIFY(unknown.touches(QStringLiteral("customers")));
    QVERIFY(!unknown.isEmpty());
    QVERIFY(ChangeSet{}.isEmpty());
}

// The app may close while a worker still writes (the alert rules on a large file): the worker
// holds the sink, so its hooks and its close never reach the notifier that is gone.
void TestChanges::aWorkerMayOutliveTheDatabase()
{
    const QString path = m_db->path(), name = QStringLiteral("tst-changes-late-worker");
    const ChangeSink sink = m_db->changeSink();
    QString error;
    QSqlDatabase w = openConnection(path, name, Access::ReadWrite, &error, sink);
    QVERIFY(error.isEmpty());
    m_db.reset(); // the app closes its file
    QVERIFY(QSqlQuery(w).exec(QStringLiteral("UPDATE customers SET name = name || '.'")));
    w = QSqlDatabase();
    closeConnection(name, sink);
    QCoreApplication::processEvents();
    QVERIFY(sink.use_count() == 1); // only ours is left: nothing else holds it
}

QTEST_GUILESS_MAIN(TestChanges)
#include "tst_changes.moc"

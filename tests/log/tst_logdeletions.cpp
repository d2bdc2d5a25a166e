// Logged soft deletes (issue 10 §1): a delete or a restore of a chained record is a record of
// the chain itself (a tombstone in log_deletions), so verify accepts exactly the deleted flags
// the log vouches for; a flag flipped by hand, or a tombstone edited or removed, is caught.
#include "logfixture.h"

class TestLogDeletions : public LogFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { openFilled(); }
    void cleanup() { m_db.reset(); }

    // Logged soft deletes (issue 10 §1): a delete or a restore is a record of the chain itself
    // (a tombstone in log_deletions), so verify accepts exactly the deleted flags the log
    // vouches for. Appended activity a-xI has key 100 + I and sits at index 3 + I.
    void loggedDeleteVerifies()
    {
        QSqlDatabase db = m_db->connection();
        QSignalSpy changed(m_db.get(), &Database::changed);
        const LoggedDeletion d = setLoggedDeleted(*m_db, LogRecordKind::Activity, QStringLiteral("103"), true,
                                                  QStringLiteral("102"), QStringLiteral("重复录入"));
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.seq, m_total);
        QCOMPARE(d.tombstoneId.size(), 36);
        QCOMPARE(m_db->setting(QStringLiteral("log_head_seq")), QString::number(m_total));
        QCOMPARE(scalar(db, QStringLiteral("SELECT deleted FROM activities WHERE id = 103")), 1);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM log_deletions WHERE record_kind = 'activity' AND"
                                           " record_id = 103 AND deleted = 1 AND by_user_id = 102 AND reason ="
                                           " '重复录入' AND log_seq = %1").arg(m_total)), 1);
        const QString tombstoneKey = QString::number(scalar(db, QStringLiteral("SELECT id FROM log_deletions")));
        QCOMPARE(uuidForKey(db, QStringLiteral("log_deletions"), tombstoneKey), d.tombstoneId);
        // The row's change goes to the sync outbox and is announced, like every other edit.
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM outbox WHERE table_name = 'activities' AND row_id = 103"
                                           " AND op = 'delete'")), 1);
        QVERIFY(!changed.isEmpty());
        const auto set = changed.last().at(0).value<ChangeSet>();
        QVERIFY(set.touches(QStringLiteral("activities")) && set.touches(QStringLiteral("log_deletions")));

        const VerifyResult r = verifyLog(db);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.recordsChecked, m_total + 1);
        // The Activity log screen's rows: the deletion names the record by its index.
        const QList<LogEntry> recent = recentLogEntries(db, 2);
        QCOMPARE(recent.size(), 2);
        QCOMPARE(recent.at(0).seq, m_total);
        QCOMPARE(int(recent.at(0).kind), int(LogRecordKind::Deletion));
        QCOMPARE(recent.at(0).what, QStringLiteral("Deleted activity #6"));
        QCOMPARE(recent.at(0).text, QStringLiteral("重复录入"));
        QCOMPARE(recent.at(0).actor, QStringLiteral("李强"));
        QCOMPARE(recent.at(0).lead, QStringLiteral("华为 数据平台"));
        QCOMPARE(recent.at(1).seq, m_total - 1);
        // And through verify-log's own read-only connection.
        const QString path = m_db->path();
        db = QSqlDatabase(); // the last handle on the connection, before it closes
        m_db.reset();
        const VerifyResult file = verifyLogFile(path);
        QVERIFY2(file.ok, qPrintable(file.message));
        QCOMPARE(file.recordsChecked, m_total + 1);
    }

    void loggedDeleteAndRestoreVerify()
    {
        QSqlDatabase db = m_db->connection();
        // Stage move h-x2 (key 102, index 5) and activity a-x3 (key 103, index 6).
        for (const auto &[kind, key] : {std::pair{LogRecordKind::StageMove, "102"}, std::pair{LogRecordKind::Activity, "103"}}) {
            LoggedDeletion d = setLoggedDeleted(*m_db, kind, QLatin1String(key), true, QStringLiteral("101"), QString());
            QVERIFY2(d.ok, qPrintable(d.error));
            d = setLoggedDeleted(*m_db, kind, QLatin1String(key), false, QStringLiteral("101"), QStringLiteral("误删"));
            QVERIFY2(d.ok, qPrintable(d.error));
        }
        QCOMPARE(scalar(db, QStringLiteral("SELECT deleted FROM stage_history WHERE id = 102")), 0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT deleted FROM activities WHERE id = 103")), 0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM log_deletions WHERE log_seq >= %1").arg(m_total)), 4);
        for (const char *op : {"delete", "update"})
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM outbox WHERE table_name = 'stage_history' AND"
                                               " row_id = 102 AND op = '%1'").arg(QLatin1String(op))), 1);
        const VerifyResult r = verifyLog(db);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.recordsChecked, m_total + 4);
        const QList<LogEntry> recent = recentLogEntries(db, 1);
        QCOMPARE(recent.at(0).what, QStringLiteral("Restored activity #6"));
        QCOMPARE(recentLogEntries(db, 3).at(2).what, QStringLiteral("Restored stage move #5"));
    }

    void loggedDeleteRefuses()
    {
        QSqlDatabase db = m_db->connection();
        QVERIFY(setLoggedDeleted(*m_db, LogRecordKind::Activity, QStringLiteral("104"), true, {}, {}).ok);
        const QString head = m_db->setting(QStringLiteral("log_head_hash"));
        const qint64 outbox = scalar(db, QStringLiteral("SELECT count(*) FROM outbox"));
        // a-sneaky = 400: written outside the app, so not in the log.
        QVERIFY(run(db, QStringLiteral("INSERT INTO activities (id, lead_id, customer_id, kind, direction, at, updated_at)"
                                       " VALUES (400, 1, 1, 'call', 'sales', cockpit_secs('2026-11-04T00:00:00Z'),"
                                       " cockpit_secs('2026-11-04T00:00:00Z'))")));
        const QString a104 = uuidForKey(db, QStringLiteral("activities"), QStringLiteral("104"));
        const QString a106 = uuidForKey(db, QStringLiteral("activities"), QStringLiteral("106"));
        struct Case { LogRecordKind kind; const char *key; bool deleted; QString says; };
        const Case cases[] = {
            {LogRecordKind::Activity, "999", true, QStringLiteral("no activity with the key 999")},
            {LogRecordKind::StageMove, "103", true, QStringLiteral("no stage move with the key 103")},
            {LogRecordKind::Activity, "104", true, QStringLiteral("activity %1 is already deleted").arg(a104)},
            {LogRecordKind::Activity, "106", false, QStringLiteral("activity %1 is not deleted").arg(a106)},
            {LogRecordKind::Activity, "400", true, QStringLiteral("is not in the log")},
            {LogRecordKind::Deletion, "1", true, QStringLiteral("deletion record cannot itself be deleted")},
        };
        for (const Case &c : cases) {
            const LoggedDeletion d = setLoggedDeleted(*m_db, c.kind, QLatin1String(c.key), c.deleted, {}, {});
            QVERIFY(!d.ok);
            QVERIFY2(d.error.contains(c.says), qPrintable(d.error));
        }
        // Nothing was written by a refusal.
        QCOMPARE(m_db->setting(QStringLiteral("log_head_hash")), head);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM log_deletions")), 1);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM outbox")), outbox);
        QCOMPARE(scalar(db, QStringLiteral("SELECT deleted FROM activities WHERE id = 400")), 0);
    }

    // The flag flipped by hand around logged deletes: each direction is caught at the record.
    void handFlipAroundLoggedDeletes_data()
    {
        QTest::addColumn<QString>("steps"); // d: logged delete of 103, r: logged restore of 103
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("problem");
        QTest::addColumn<qint64>("index");
        QTest::addColumn<QString>("says");
        const int deleted = int(VerifyResult::Problem::DeletedOutsideLog);
        const int restored = int(VerifyResult::Problem::RestoredOutsideLog);
        QTest::newRow("restored by hand after a logged delete")
            << "d" << "UPDATE activities SET deleted = 0 WHERE id = 103" << restored << qint64(6)
            << QStringLiteral("restored outside the app");
        QTest::newRow("deleted by hand after a logged restore")
            << "dr" << "UPDATE activities SET deleted = 1 WHERE id = 103" << deleted << qint64(6)
            << QStringLiteral("the log restored it last (record #%1)").arg(3 + kExtra + 1);
        QTest::newRow("another record deleted by hand")
            << "d" << "UPDATE activities SET deleted = 1 WHERE id = 110" << deleted << qint64(13)
            << QStringLiteral("no deletion was logged");
        QTest::newRow("a stage move deleted by hand")
            << "d" << "UPDATE stage_history SET deleted = 1 WHERE id = 102" << deleted << qint64(5)
            << QStringLiteral("stage move");
    }
    void handFlipAroundLoggedDeletes()
    {
        QFETCH(QString, steps);
        QFETCH(QString, sql);
        QFETCH(int, problem);
        QFETCH(qint64, index);
        QFETCH(QString, says);
        for (const QChar step : steps) {
            const LoggedDeletion d = setLoggedDeleted(*m_db, LogRecordKind::Activity, QStringLiteral("103"),
                                                      step == u'd', QStringLiteral("102"), QString());
            QVERIFY2(d.ok, qPrintable(d.error));
        }
        QVERIFY(verifyLog(m_db->connection()).ok);
        QVERIFY(run(m_db->connection(), sql));
        expectBad(VerifyResult::Problem(problem), index);
        const VerifyResult r = verifyLog(m_db->connection());
        QVERIFY2(r.message.contains(says), qPrintable(r.message));
        QVERIFY2(r.message.contains(r.recordId) && r.recordId.size() == 36, qPrintable(r.message));
    }

    // A tombstone is a record like any other: editing it breaks its link.
    void tamperedTombstoneIsReported_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("problem");
        QTest::addColumn<qint64>("index");
        const int hash = int(VerifyResult::Problem::HashMismatch);
        const qint64 tomb = 3 + kExtra; // the first tombstone, deleting a-x3 (key 103, index 6)
        QTest::newRow("reason") << "UPDATE log_deletions SET reason = '' WHERE log_seq = %1" << hash << tomb;
        QTest::newRow("time") << "UPDATE log_deletions SET at = at + 1 WHERE log_seq = %1" << hash << tomb;
        QTest::newRow("by") << "UPDATE log_deletions SET by_user_id = 101 WHERE log_seq = %1" << hash << tomb;
        QTest::newRow("by to NULL") << "UPDATE log_deletions SET by_user_id = NULL WHERE log_seq = %1" << hash << tomb;
        // (with the flag put back: no stage move 103 exists, so only the hash can tell)
        QTest::newRow("kind") << "UPDATE activities SET deleted = 0 WHERE id = 103;"
                                 " UPDATE log_deletions SET record_kind = 'stage_move' WHERE log_seq = %1" << hash << tomb;
        QTest::newRow("stored hash") << "UPDATE log_deletions SET log_hash = zeroblob(32) WHERE log_seq = %1" << hash << tomb;
        // Pointing it at another record leaves 103 deleted with no tombstone: caught there first.
        QTest::newRow("record") << "UPDATE log_deletions SET record_id = 106 WHERE log_seq = %1"
                                << int(VerifyResult::Problem::DeletedOutsideLog) << qint64(6);
        QTest::newRow("record's other copy") << "UPDATE activities SET deleted = 1 WHERE id = 106;"
                                                " UPDATE log_deletions SET record_id = 106 WHERE log_seq = %1"
                                             << int(VerifyResult::Problem::DeletedOutsideLog) << qint64(6);
        QTest::newRow("deleted to restored") << "UPDATE log_deletions SET deleted = 0 WHERE log_seq = %1"
                                             << int(VerifyResult::Problem::DeletedOutsideLog) << qint64(6);
        QTest::newRow("deleted to restored, flag too")
            << "UPDATE activities SET deleted = 0 WHERE id = 103; UPDATE log_deletions SET deleted = 0 WHERE log_seq = %1"
            << hash << tomb;
    }
    void tamperedTombstoneIsReported()
    {
        QFETCH(QString, sql);
        QFETCH(int, problem);
        QFETCH(qint64, index);
        QVERIFY(setLoggedDeleted(*m_db, LogRecordKind::Activity, QStringLiteral("103"), true, QStringLiteral("102"),
                                 QStringLiteral("重复录入")).ok);
        QVERIFY(setLoggedDeleted(*m_db, LogRecordKind::Activity, QStringLiteral("104"), true, {}, {}).ok);
        QVERIFY(verifyLog(m_db->connection()).ok);
        QVERIFY(run(m_db->connection(), QStringLiteral("PRAGMA foreign_keys = OFF")));
        for (const QString &statement : sql.arg(3 + kExtra).split(QLatin1Char(';')))
            QVERIFY(run(m_db->connection(), statement));
        expectBad(VerifyResult::Problem(problem), index);
    }

    // Removing a tombstone (and putting the flag back, to hide the delete) leaves a hole in
    // the chain; removing it alone leaves a deleted record that no tombstone vouches for.
    void tombstoneDeletedByHand()
    {
        QSqlDatabase db = m_db->connection();
        for (const char *key : {"103", "104"})
            QVERIFY(setLoggedDeleted(*m_db, LogRecordKind::Activity, QLatin1String(key), true, {}, {}).ok);
        QVERIFY(run(db, QStringLiteral("DELETE FROM log_deletions WHERE log_seq = %1").arg(m_total)));
        expectBad(VerifyResult::Problem::DeletedOutsideLog, 6);
        QVERIFY(run(db, QStringLiteral("UPDATE activities SET deleted = 0 WHERE id = 103")));
        expectBad(VerifyResult::Problem::MissingRecord, m_total);
        // The last one gone too, with its flag: the end was cut off, which the head shows.
        QVERIFY(run(db, QStringLiteral("DELETE FROM log_deletions")));
        QVERIFY(run(db, QStringLiteral("UPDATE activities SET deleted = 0 WHERE id = 104")));
        expectBad(VerifyResult::Problem::HeadMismatch, m_total);
    }

    void unchainedTombstoneIsReported()
    {
        QVERIFY(run(m_db->connection(), QStringLiteral(
            "INSERT INTO log_deletions (record_kind, record_id, deleted, at) VALUES"
            " ('activity', 103, 0, cockpit_secs('2026-11-04T00:00:00Z'))")));
        const VerifyResult r = verifyLog(m_db->connection());
        QCOMPARE(int(r.problem), int(VerifyResult::Problem::Unchained));
        QCOMPARE(int(r.kind), int(LogRecordKind::Deletion));
        QVERIFY2(r.message.contains(QLatin1String("deletion record")), qPrintable(r.message));
    }

    // The tombstone's canonical form, pinned independently: 'd', its uuid, the kind, the
    // deleted record's global id, deleted, at (ISO text), the user's global id, the reason.
    void tombstoneCanonicalFormIsPinned()
    {
        QSqlDatabase db = m_db->connection();
        const QByteArray previous = QByteArray::fromHex(m_db->setting(QStringLiteral("log_head_hash")).toLatin1());
        QCOMPARE(previous.size(), 32);
        const LoggedDeletion d = setLoggedDeleted(*m_db, LogRecordKind::Activity, QStringLiteral("1"), true,
                                                  QStringLiteral("101"), QStringLiteral("重复"));
        QVERIFY2(d.ok, qPrintable(d.error));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT cockpit_iso(at), log_hash FROM log_deletions")) && q.next());
        const QByteArray at = q.value(0).toString().toLatin1();
        const QByteArray stored = q.value(1).toByteArray();
        QCOMPARE(at.size(), 20);
        QByteArray canonical("d");
        auto text = [&](const QByteArray &v) {
            const quint32 n = quint32(v.size());
            for (int i = 0; i < 4; ++i)
                canonical.append(char((n >> (24 - 8 * i)) & 0xFF));
            canonical.append(v);
        };
        text(d.tombstoneId.toLatin1());
        text("activity");
        text(kUuidA1);
        for (int i = 0; i < 7; ++i)
            canonical.append('\0');
        canonical.append('\1'); // deleted = 1, 8 bytes big-endian
        text(at);
        text(kUuidU1);
        text(QByteArray("重复"));
        QCOMPARE(logchain::chainHash(previous, canonical), stored);
        // The value API (the demo generator's) encodes the same columns the same way.
        const QByteArray tomb = uuidColumnValue(d.tombstoneId);
        const QByteArray a1 = uuidColumnValue(QString::fromLatin1(kUuidA1));
        const QByteArray u1 = uuidColumnValue(QString::fromLatin1(kUuidU1));
        using logchain::LogValue;
        const LogValue values[] = {
            LogValue::uuid(reinterpret_cast<const unsigned char *>(tomb.constData())), LogValue::text("activity"),
            LogValue::uuid(reinterpret_cast<const unsigned char *>(a1.constData())), LogValue::number(1),
            LogValue::number(scalar(db, QStringLiteral("SELECT at FROM log_deletions"))),
            LogValue::uuid(reinterpret_cast<const unsigned char *>(u1.constData())), LogValue::text("重复")};
        logchain::ValueChain chain;
        unsigned char hash[32];
        QString error;
        QCOMPARE(chain.append(LogRecordKind::Deletion, values, 7, hash, &error), qint64(0));
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(hash), 32), logchain::chainHash(QByteArray(32, '\0'), canonical));
    }

    // buildChain() (old files, a sync pull) chains unchained tombstones too, after the
    // activities and stage moves of the same second; exportHashedStream() includes them.
    void buildChainOrdersTombstonesLast()
    {
        QSqlDatabase db = m_db->connection();
        QVERIFY(setLoggedDeleted(*m_db, LogRecordKind::Activity, QStringLiteral("103"), true, {}, {}).ok);
        // The tombstone in a-x3's second (08:03), then the whole chain built again.
        QVERIFY(run(db, QStringLiteral("UPDATE log_deletions SET at = (SELECT at FROM activities WHERE id = 103)")));
        for (const char *table : {"activities", "stage_history", "log_deletions"})
            QVERIFY(run(db, QStringLiteral("UPDATE %1 SET log_seq = NULL, log_hash = NULL").arg(QLatin1String(table))));
        QVERIFY(run(db, QStringLiteral("DELETE FROM settings WHERE key IN ('log_head_seq', 'log_head_hash')")));
        QString error;
        QVERIFY2(buildLogChain(db, &error), qPrintable(error));
        QCOMPARE(scalar(db, QStringLiteral("SELECT log_seq FROM activities WHERE id = 103")), 6);
        QCOMPARE(scalar(db, QStringLiteral("SELECT log_seq FROM log_deletions")), 7);
        QCOMPARE(scalar(db, QStringLiteral("SELECT log_seq FROM activities WHERE id = 104")), 8);
        const VerifyResult r = verifyLog(db);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.recordsChecked, m_total + 1);
        qint64 records = 0;
        QVERIFY(logchain::exportHashedStream(handleOf(db), m_dir.filePath(QStringLiteral("stream.bin")), &records, &error) > 0);
        QCOMPARE(records, m_total + 1);
    }

    // buildChain() merges one sorted stream per table: with every record in one of two
    // seconds (ties between activities, stage moves and tombstones everywhere), the chain
    // is in chainedBefore()'s order, record after record, and verifies.
    void buildChainMergesTablesInChainOrder()
    {
        QSqlDatabase db = m_db->connection();
        QVERIFY(setLoggedDeleted(*m_db, LogRecordKind::Activity, QStringLiteral("103"), true, {}, {}).ok);
        QVERIFY(setLoggedDeleted(*m_db, LogRecordKind::StageMove, QStringLiteral("102"), true, {}, {}).ok);
        for (const char *table : {"activities", "stage_history", "log_deletions"})
            QVERIFY(run(db, QStringLiteral("UPDATE %1 SET log_seq = NULL, log_hash = NULL, at = 1767225600 + rowid % 2")
                                .arg(QLatin1String(table))));
        QVERIFY(run(db, QStringLiteral("DELETE FROM settings WHERE key IN ('log_head_seq', 'log_head_hash')")));
        QString error;
        QCOMPARE(logchain::buildChain(handleOf(db), &error), qint64(m_total + 2));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT log_seq, at, k, uuid FROM (SELECT log_seq, at, 0 AS k, uuid FROM activities "
                                      "UNION ALL SELECT log_seq, at, 1, uuid FROM stage_history "
                                      "UNION ALL SELECT log_seq, at, 2, uuid FROM log_deletions) ORDER BY log_seq")));
        QCOMPARE(int(LogRecordKind::Activity), 0);
        QCOMPARE(int(LogRecordKind::StageMove), 1);
        QCOMPARE(int(LogRecordKind::Deletion), 2);
        qint64 seq = 0, at = 0;
        LogRecordKind kind{};
        QByteArray uuid;
        int ties = 0;
        while (q.next()) {
            QCOMPARE(q.value(0).toLongLong(), seq);
            const qint64 nextAt = q.value(1).toLongLong();
            const auto nextKind = LogRecordKind(q.value(2).toInt());
            const QByteArray nextUuid = q.value(3).toByteArray();
            QCOMPARE(nextUuid.size(), 16);
            if (seq > 0) {
                QVERIFY2(logchain::chainedBefore(at, kind, reinterpret_cast<const unsigned char *>(uuid.constData()), nextAt, nextKind,
                                                 reinterpret_cast<const unsigned char *>(nextUuid.constData())),
                         qPrintable(QStringLiteral("record %1").arg(seq)));
                ties += at == nextAt && kind != nextKind;
            }
            at = nextAt;
            kind = nextKind;
            uuid = nextUuid;
            ++seq;
        }
        QCOMPARE(seq, m_total + 2);
        QVERIFY(ties >= 2); // both seconds hold more than one kind
        const VerifyResult r = verifyLog(db);
        QVERIFY2(r.ok, qPrintable(r.message));
    }
};

QTEST_GUILESS_MAIN(TestLogDeletions)
#include "tst_logdeletions.moc"

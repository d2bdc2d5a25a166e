// The tamper-evident activity log (DESIGN.md §4): the chain verifies when intact and every
// kind of tampering is caught at the right index; appending is O(1); the v1 -> v2 migration
// and moveStage put records into the chain. Logged soft deletes: tst_logdeletions.cpp.
#include "logfixture.h"

class TestActivityLog : public LogFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { openFilled(); }
    void cleanup() { m_db.reset(); }

    // The Activity log screen's query (issue 13): filters run over the whole log, not only
    // the newest page, and say how many records match; paging goes back by index.
    void queryFiltersAndPages()
    {
        QSqlDatabase db = m_db->connection();
        LogQuery q;
        q.limit = 10;
        LogPage page = queryLog(db, q);
        QVERIFY2(page.ok, qPrintable(page.error));
        QCOMPARE(page.entries.size(), 10);
        QCOMPARE(page.matching, m_total);
        QCOMPARE(page.entries.first().seq, m_total - 1);
        // Older: the next ten below the last shown, down to #0.
        q.beforeSeq = page.entries.last().seq;
        page = queryLog(db, q);
        QCOMPARE(page.entries.first().seq, m_total - 11);
        QCOMPARE(page.matching, m_total - 10);
        q.beforeSeq = 3;
        QCOMPARE(queryLog(db, q).entries.size(), 3);

        // Kind: the 13 appended stage moves and the fixture's one, found past the first page.
        q = LogQuery();
        q.limit = 5;
        q.kind = int(LogRecordKind::StageMove);
        page = queryLog(db, q);
        QCOMPARE(page.matching, 14);
        QCOMPARE(page.entries.size(), 5);
        for (const LogEntry &e : page.entries)
            QCOMPARE(int(e.kind), int(LogRecordKind::StageMove));
        q.beforeSeq = page.entries.last().seq;
        q.limit = 100;
        QCOMPARE(queryLog(db, q).entries.size(), 9);
        QCOMPARE(queryLog(db, q).entries.last().seq, 2); // the fixture's move, the oldest
        // A move's stages by their English names for an English window, as the Leads table shows them.
        {
            QSqlQuery names(db);
            QVERIFY(names.exec(QStringLiteral(
                "SELECT h.log_seq, f.name, t.name, f.name_en, t.name_en FROM stage_history h"
                " JOIN pipeline_stages f ON f.id = h.from_stage_id JOIN pipeline_stages t ON t.id = h.to_stage_id"
                " WHERE f.name_en <> '' AND f.name_en <> f.name ORDER BY h.log_seq DESC LIMIT 1")) && names.next());
            LogQuery one;
            one.kind = int(LogRecordKind::StageMove);
            one.beforeSeq = names.value(0).toLongLong() + 1;
            one.limit = 1;
            QCOMPARE(queryLog(db, one).entries.value(0).what, names.value(1).toString() + QStringLiteral(" → ") + names.value(2).toString());
            one.englishStageNames = true;
            QCOMPARE(queryLog(db, one).entries.value(0).what, names.value(3).toString() + QStringLiteral(" → ") + names.value(4).toString());
        }

        // Search in the text (any case, literal % and _), the lead, the actor, dates.
        q = LogQuery();
        q.search = QStringLiteral("跟进 1");
        page = queryLog(db, q); // 跟进 1 and 10..19 but the moves 11, 14, 17 (理由 …)
        QStringList texts;
        for (const LogEntry &e : page.entries)
            texts << e.text;
        QCOMPARE(texts, (QStringList{QStringLiteral("跟进 19"), QStringLiteral("跟进 18"), QStringLiteral("跟进 16"),
                                     QStringLiteral("跟进 15"), QStringLiteral("跟进 13"), QStringLiteral("跟进 12"),
                                     QStringLiteral("跟进 10"), QStringLiteral("跟进 1")}));
        QCOMPARE(page.matching, 8);
        q.search = QStringLiteral("100%");
        QCOMPARE(queryLog(db, q).matching, 0);
        q.search = QStringLiteral("王芳"); // the actor's name
        QVERIFY(queryLog(db, q).matching > 0);
        q = LogQuery();
        q.actorId = QStringLiteral("102");
        const qint64 byLi = scalar(db, QStringLiteral("SELECT (SELECT count(*) FROM activities WHERE actor_id = 102 AND log_seq IS NOT NULL)"
                                                      " + (SELECT count(*) FROM stage_history WHERE by_user_id = 102 AND log_seq IS NOT NULL)"));
        QCOMPARE(queryLog(db, q).matching, byLi);
        for (const LogEntry &e : queryLog(db, q).entries)
            QCOMPARE(e.actor, QStringLiteral("李强"));
        q = LogQuery();
        q.lead = QStringLiteral("华为");
        // The lead's title or its customer's name (an activity without a lead: its customer's).
        const qint64 huawei = scalar(db, QStringLiteral(
            "SELECT (SELECT count(*) FROM activities a LEFT JOIN leads l ON l.id = a.lead_id LEFT JOIN customers c"
            " ON c.id = COALESCE(l.customer_id, a.customer_id) WHERE (l.title LIKE '%华为%' OR c.name LIKE '%华为%')"
            " AND a.log_seq IS NOT NULL) + (SELECT count(*) FROM stage_history h JOIN leads l ON l.id = h.lead_id"
            " JOIN customers c ON c.id = l.customer_id WHERE (l.title LIKE '%华为%' OR c.name LIKE '%华为%')"
            " AND h.log_seq IS NOT NULL)"));
        QVERIFY(huawei > 0);
        QCOMPARE(queryLog(db, q).matching, huawei);
        q = LogQuery();
        q.fromSecs = QDateTime(QDate(2026, 11, 2), QTime(8, 10), Qt::UTC).toSecsSinceEpoch();
        q.untilSecs = QDateTime(QDate(2026, 11, 2), QTime(8, 20), Qt::UTC).toSecsSinceEpoch();
        page = queryLog(db, q);
        QCOMPARE(page.matching, 10); // 08:10 .. 08:19
        QCOMPARE(page.entries.size(), 10);
        // The undo reason is stored as a code and read in the reader's language.
        QCOMPARE(stageMoveReasonText(undoReason()), QStringLiteral("Undo"));
        QCOMPARE(stageMoveReasonText(QStringLiteral("客户要求")), QStringLiteral("客户要求"));
    }


    void intactChainVerifies()
    {
        const VerifyResult r = verifyLog(m_db->connection());
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(int(r.problem), int(VerifyResult::Problem::None));
        QCOMPARE(r.recordsChecked, m_total);
        QCOMPARE(m_db->setting(QStringLiteral("log_head_seq")), QString::number(m_total - 1));
        // One index per record, 0..n-1, over both tables.
        QCOMPARE(scalar(m_db->connection(), QStringLiteral("SELECT count(*) + sum(log_seq) FROM (SELECT log_seq FROM"
                                                           " activities UNION ALL SELECT log_seq FROM stage_history)")),
                 m_total + m_total * (m_total - 1) / 2);
    }

    // Pins the canonical form: record #0 (activity a1: the fixture's records share one time,
    // so (at, kind, global id) puts a1, a2, then h1) hashed independently with
    // QCryptographicHash. Ids in the record are global ids (the uuid's canonical text), not
    // the file's integer keys.
    void canonicalFormIsPinned()
    {
        // Explicit appends: the bytes hold NULs, which QStringBuilder's char path stops at.
        QByteArray canonical("a");
        auto text = [&](const QByteArray &v) {
            const quint32 n = quint32(v.size());
            for (int i = 0; i < 4; ++i)
                canonical.append(char((n >> (24 - 8 * i)) & 0xFF));
            canonical.append(v);
        };
        auto int64 = [&](qint64 v) {
            for (int i = 0; i < 8; ++i)
                canonical.append(char((quint64(v) >> (56 - 8 * i)) & 0xFF));
        };
        text(kUuidA1);
        text(kUuidLead1);
        text(kUuidK1);
        text(kUuidU1);
        text("call");
        text("sales");
        text("2026-11-01T00:00:00Z");
        int64(95);
        int64(0);
        canonical.append(QByteArray("\xFF\xFF\xFF\xFF", 4)); // reply_to NULL
        text("");
        text(QByteArray("首次电话"));
        QByteArray message("cockpit-log-v1");
        message.append(QByteArray(32, '\0')).append(canonical);
        const QByteArray expected = QCryptographicHash::hash(message, QCryptographicHash::Sha256);
        QCOMPARE(logchain::chainHash(QByteArray(32, '\0'), canonical), expected);
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT log_seq, log_hash FROM activities WHERE id = 1")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), 0);
        QCOMPARE(q.value(1).toByteArray(), expected);
    }

    // The demo generator chains its records by value (logchain::ValueChain) before it writes
    // them: fed the fixture's records, in chainedBefore() order, it must give every stored
    // hash and the head that buildChain() and append() wrote.
    void valueChainMatchesTheStoredChain()
    {
        using logchain::LogValue;
        struct Column
        {
            LogValue::Type type = LogValue::Type::Null;
            qint64 integer = 0;
            QByteArray bytes;
        };
        struct Record
        {
            LogRecordKind kind;
            qint64 seq;
            QByteArray hash;
            std::vector<Column> columns;
            qint64 at() const { return columns[kind == LogRecordKind::Activity ? 6 : 4].integer; }
            const unsigned char *uuid() const { return reinterpret_cast<const unsigned char *>(columns[0].bytes.constData()); }
        };
        sqlite3 *h = cockpit::storage::sqliteHandle(m_db->connection());
        // Each column as the value API takes it: references as the named row's uuid.
        const struct { LogRecordKind kind; const char *sql; const char *types; } reads[] = {
            {LogRecordKind::Activity,
             "SELECT log_seq, log_hash, uuid, (SELECT uuid FROM leads WHERE id = a.lead_id),"
             " (SELECT uuid FROM customers WHERE id = a.customer_id), (SELECT uuid FROM users WHERE id = a.actor_id),"
             " kind, direction, at, duration_seconds, quote_version, (SELECT uuid FROM activities WHERE id = a.reply_to),"
             " tags, text FROM activities a WHERE log_seq IS NOT NULL",
             "UUUUTTIIIUTT"},
            {LogRecordKind::StageMove,
             "SELECT log_seq, log_hash, uuid, (SELECT uuid FROM leads WHERE id = s.lead_id),"
             " (SELECT uuid FROM pipeline_stages WHERE id = s.from_stage_id),"
             " (SELECT uuid FROM pipeline_stages WHERE id = s.to_stage_id), at,"
             " (SELECT uuid FROM users WHERE id = s.by_user_id), reason FROM stage_history s WHERE log_seq IS NOT NULL",
             "UUUUIUT"},
        };
        std::vector<Record> records;
        int nulls = 0;
        for (const auto &read : reads) {
            sqlite3_stmt *st = nullptr;
            QCOMPARE(sqlite3_prepare_v2(h, read.sql, -1, &st, nullptr), SQLITE_OK);
            while (sqlite3_step(st) == SQLITE_ROW) {
                Record r{read.kind, sqlite3_column_int64(st, 0),
                         QByteArray(static_cast<const char *>(sqlite3_column_blob(st, 1)), sqlite3_column_bytes(st, 1)), {}};
                for (int i = 0; read.types[i]; ++i) {
                    const int c = 2 + i;
                    Column col;
                    if (sqlite3_column_type(st, c) == SQLITE_NULL) {
                        ++nulls;
                    } else if (read.types[i] == 'I') {
                        col.type = LogValue::Type::Integer;
                        col.integer = sqlite3_column_int64(st, c);
                    } else {
                        col.type = read.types[i] == 'U' ? LogValue::Type::Uuid : LogValue::Type::Text;
                        const void *p = read.types[i] == 'U' ? sqlite3_column_blob(st, c)
                                                             : static_cast<const void *>(sqlite3_column_text(st, c));
                        col.bytes = QByteArray(static_cast<const char *>(p), sqlite3_column_bytes(st, c));
                        if (col.type == LogValue::Type::Uuid)
                            QCOMPARE(col.bytes.size(), 16);
                    }
                    r.columns.push_back(col);
                }
                records.push_back(std::move(r));
            }
            sqlite3_finalize(st);
        }
        QCOMPARE(qint64(records.size()), m_total);
        QVERIFY(nulls > 0); // NULL references (reply_to, from_stage_id) are covered
        std::sort(records.begin(), records.end(), [](const Record &a, const Record &b) {
            return logchain::chainedBefore(a.at(), a.kind, a.uuid(), b.at(), b.kind, b.uuid());
        });
        logchain::ValueChain chain;
        for (std::size_t i = 0; i < records.size(); ++i) {
            const Record &r = records[i];
            QCOMPARE(r.seq, qint64(i)); // chainedBefore() is buildChain()'s order
            std::vector<LogValue> values;
            for (const Column &col : r.columns) {
                LogValue v;
                v.type = col.type;
                v.integer = col.integer;
                v.data = col.bytes.constData();
                v.size = int(col.bytes.size());
                values.push_back(v);
            }
            unsigned char hash[32];
            QString error;
            QCOMPARE(chain.append(r.kind, values.data(), int(values.size()), hash, &error), qint64(i));
            QCOMPARE(QByteArray(reinterpret_cast<const char *>(hash), 32), r.hash);
        }
        LogHead head;
        QString error;
        QVERIFY(logchain::readHead(h, &head, &error));
        QCOMPARE(chain.head().seq, head.seq);
        QCOMPARE(chain.head().hash, head.hash);

        // A value that does not fit its column is refused, not hashed some other way.
        std::vector<LogValue> bad(7, LogValue::text("x"));
        unsigned char hash[32];
        QCOMPARE(chain.append(LogRecordKind::StageMove, bad.data(), 7, hash, &error), qint64(-1));
        QVERIFY(!error.isEmpty());
        QCOMPARE(chain.append(LogRecordKind::StageMove, bad.data(), 6, hash, &error), qint64(-1));
        QCOMPARE(chain.head().seq, head.seq);
    }

    void editOneField_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<qint64>("index");
        const QString a = QStringLiteral("UPDATE activities SET %1 WHERE log_seq = %2");
        const QString s = QStringLiteral("UPDATE stage_history SET %1 WHERE log_seq = %2");
        // Records 3.. are the appended ones: 3 a-x0, 4 a-x1, 5 h-x2, 6 a-x3, ... (keys 100, 101, ...)
        QTest::newRow("activity text") << a.arg(QStringLiteral("text = '跟进 已改'")).arg(6) << qint64(6);
        QTest::newRow("activity duration") << a.arg(QStringLiteral("duration_seconds = 61")).arg(3) << qint64(3);
        QTest::newRow("activity actor to NULL") << a.arg(QStringLiteral("actor_id = NULL")).arg(4) << qint64(4);
        // reply_to is an integer reference now (NULL and '' no longer both fit): NULL to a1.
        QTest::newRow("activity reply_to NULL to a record") << a.arg(QStringLiteral("reply_to = 1")).arg(7) << qint64(7);
        QTest::newRow("activity time") << a.arg(QStringLiteral("at = cockpit_secs('2026-11-02T09:00:00Z')")).arg(1) << qint64(1);
        QTest::newRow("activity kind") << a.arg(QStringLiteral("kind = 'visit'")).arg(9) << qint64(9);
        QTest::newRow("activity stored hash") << a.arg(QStringLiteral("log_hash = zeroblob(32)")).arg(10) << qint64(10);
        QTest::newRow("stage move reason") << s.arg(QStringLiteral("reason = ''")).arg(5) << qint64(5);
        QTest::newRow("stage move by") << s.arg(QStringLiteral("by_user_id = 101")).arg(8) << qint64(8);
        QTest::newRow("stage move first record") << s.arg(QStringLiteral("at = cockpit_secs('2026-10-01T00:00:00Z')")).arg(2)
                                                 << qint64(2);
        QTest::newRow("last record") << s.arg(QStringLiteral("reason = 'x'")).arg(41) << qint64(41);
    }
    void editOneField()
    {
        QFETCH(QString, sql);
        QFETCH(qint64, index);
        QVERIFY(run(m_db->connection(), sql));
        expectBad(VerifyResult::Problem::HashMismatch, index);
    }

    // Schema v5's record names each reference by its row's uuid; a reference pointed at no row
    // (only possible with foreign keys off) must still break the link, not hash as NULL.
    void referenceToNoRowIsCaught_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<qint64>("index");
        QTest::newRow("activity reply_to NULL to no row")
            << QStringLiteral("UPDATE activities SET reply_to = 999 WHERE log_seq = 7") << qint64(7);
        QTest::newRow("activity lead to no row")
            << QStringLiteral("UPDATE activities SET lead_id = 999 WHERE log_seq = 3") << qint64(3);
        QTest::newRow("stage move by to no row")
            << QStringLiteral("UPDATE stage_history SET by_user_id = 999 WHERE log_seq = 8") << qint64(8);
    }
    void referenceToNoRowIsCaught()
    {
        QFETCH(QString, sql);
        QFETCH(qint64, index);
        QVERIFY(run(m_db->connection(), QStringLiteral("PRAGMA foreign_keys = OFF")));
        QVERIFY(run(m_db->connection(), sql));
        QVERIFY(run(m_db->connection(), QStringLiteral("PRAGMA foreign_keys = ON")));
        expectBad(VerifyResult::Problem::HashMismatch, index);
    }

    // Schema v6 will keep times as epoch seconds (storage/TIMES_V6.md): the record hashes an
    // integer time as the ISO text it stands for, so one chain verifies before and after that
    // change. Two scratch files with the v5 shape, one with `at` as TEXT and one as INTEGER,
    // chain the same two records to the same head; one second off is another head.
    void integerTimesHashAsTheirText()
    {
        auto headOf = [](const QString &path, const char *atType, const QString &at, const QString &at2) {
            const QString name = QStringLiteral("scratch-") + QLatin1String(atType);
            QByteArray head;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(path);
                if (!db.open())
                    return head;
                const QString type = QLatin1String(atType);
                const QStringList sql = {
                    QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)"),
                    QStringLiteral("CREATE TABLE leads (id INTEGER PRIMARY KEY, uuid BLOB)"),
                    QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, uuid BLOB)"),
                    QStringLiteral("CREATE TABLE users (id INTEGER PRIMARY KEY, uuid BLOB)"),
                    QStringLiteral("CREATE TABLE pipeline_stages (id INTEGER PRIMARY KEY, uuid BLOB)"),
                    QStringLiteral("CREATE TABLE activities (id INTEGER PRIMARY KEY, uuid BLOB, lead_id INTEGER,"
                                   " customer_id INTEGER, actor_id INTEGER, kind TEXT, direction TEXT, at %1,"
                                   " duration_seconds INTEGER, quote_version INTEGER, reply_to INTEGER, tags TEXT,"
                                   " text TEXT, log_seq INTEGER, log_hash BLOB)").arg(type),
                    QStringLiteral("CREATE TABLE stage_history (id INTEGER PRIMARY KEY, uuid BLOB, lead_id INTEGER,"
                                   " from_stage_id INTEGER, to_stage_id INTEGER, at %1, by_user_id INTEGER, reason TEXT,"
                                   " log_seq INTEGER, log_hash BLOB)").arg(type),
                    QStringLiteral("INSERT INTO leads VALUES (1, x'11111111111141118111111111111111')"),
                    QStringLiteral("INSERT INTO customers VALUES (1, x'22222222222242228222222222222222')"),
                    QStringLiteral("INSERT INTO users VALUES (1, x'33333333333343338333333333333333')"),
                    QStringLiteral("INSERT INTO pipeline_stages VALUES (1, x'44444444444444448444444444444444')"),
                    QStringLiteral("INSERT INTO activities VALUES (1, x'55555555555545558555555555555555', 1, 1, 1,"
                                   " 'call', 'sales', %1, 95, 0, NULL, '', '首次电话', NULL, NULL)").arg(at),
                    QStringLiteral("INSERT INTO stage_history VALUES (1, x'66666666666646668666666666666666', 1, NULL, 1,"
                                   " %1, 1, '', NULL, NULL)").arg(at2),
                };
                for (const QString &q : sql)
                    if (!QSqlQuery(db).exec(q))
                        return head;
                QString error;
                if (logchain::buildChain(cockpit::storage::sqliteHandle(db), &error) != 2)
                    return head;
                LogHead h;
                if (logchain::readHead(cockpit::storage::sqliteHandle(db), &h, &error))
                    head = h.hash;
                QSqlQuery check(db);
                if (!check.exec(QStringLiteral("SELECT typeof(at) FROM activities")) || !check.next()
                    || check.value(0).toString() != (type == QLatin1String("TEXT") ? QLatin1String("text") : QLatin1String("integer")))
                    head.clear();
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
            return head;
        };
        QTemporaryDir dir;
        const QByteArray text = headOf(dir.filePath(QStringLiteral("t.db")), "TEXT", QStringLiteral("'2026-11-01T09:00:00Z'"),
                                       QStringLiteral("'2026-11-01T10:00:00Z'"));
        const QByteArray integer = headOf(dir.filePath(QStringLiteral("i.db")), "INTEGER", QStringLiteral("1793523600"),
                                          QStringLiteral("1793527200"));
        const QByteArray offByOne = headOf(dir.filePath(QStringLiteral("o.db")), "INTEGER", QStringLiteral("1793523601"),
                                           QStringLiteral("1793527200"));
        QCOMPARE(text.size(), 32);
        QCOMPARE(integer, text);
        QCOMPARE(offByOne.size(), 32);
        QVERIFY(offByOne != text);
    }

    void bookkeepingColumnsAreNotCovered()
    {
        QVERIFY(run(m_db->connection(), QStringLiteral("UPDATE activities SET row_version = 7,"
                                                       " updated_at = cockpit_secs('2026-12-01T00:00:00Z')")));
        QVERIFY(verifyLog(m_db->connection()).ok);
    }

    void deleteRecord_data()
    {
        QTest::addColumn<qint64>("index");
        QTest::newRow("first") << qint64(0);
        QTest::newRow("middle activity") << qint64(20);
        QTest::newRow("middle stage move") << qint64(23);
    }
    void deleteRecord()
    {
        QFETCH(qint64, index);
        QSqlDatabase db = m_db->connection();
        const QString table = tableAt(db, index);
        QVERIFY(run(db, QStringLiteral("PRAGMA foreign_keys = OFF")));
        QVERIFY(run(db, QStringLiteral("DELETE FROM %1 WHERE log_seq = %2").arg(table).arg(index)));
        expectBad(VerifyResult::Problem::MissingRecord, index);
    }

    void swapIndexes_data()
    {
        QTest::addColumn<qint64>("i");
        QTest::addColumn<qint64>("j");
        QTest::newRow("two activities") << qint64(12) << qint64(30);
        QTest::newRow("activity and stage move") << qint64(9) << qint64(11);
        QTest::newRow("neighbours") << qint64(33) << qint64(34);
    }
    void swapIndexes()
    {
        QFETCH(qint64, i);
        QFETCH(qint64, j);
        QSqlDatabase db = m_db->connection();
        const QString ti = tableAt(db, i), tj = tableAt(db, j);
        // Move record i aside, j into i's place, i into j's: hashes travel with the rows.
        QVERIFY(run(db, QStringLiteral("UPDATE %1 SET log_seq = -1 WHERE log_seq = %2").arg(ti).arg(i)));
        QVERIFY(run(db, QStringLiteral("UPDATE %1 SET log_seq = %2 WHERE log_seq = %3").arg(tj).arg(i).arg(j)));
        QVERIFY(run(db, QStringLiteral("UPDATE %1 SET log_seq = %2 WHERE log_seq = -1").arg(ti).arg(j)));
        expectBad(VerifyResult::Problem::HashMismatch, i);
    }

    void swapContents()
    {
        // Records 12 (跟进 9) and 30 (跟进 27) are activities; swap what they say and when,
        // keep their places.
        QSqlDatabase db = m_db->connection();
        QSqlQuery read(db);
        QVERIFY(read.exec(QStringLiteral("SELECT log_seq, text, at FROM activities WHERE log_seq IN (12, 30)"
                                         " ORDER BY log_seq")));
        QStringList text;
        QVariantList at; // as stored, whatever the file's form of a time
        while (read.next()) {
            text << read.value(1).toString();
            at << read.value(2);
        }
        QCOMPARE(text.size(), 2);
        for (int k = 0; k < 2; ++k) {
            QSqlQuery w(db);
            w.prepare(QStringLiteral("UPDATE activities SET text = ?, at = ? WHERE log_seq = ?"));
            w.addBindValue(text.at(1 - k));
            w.addBindValue(at.at(1 - k));
            w.addBindValue(k == 0 ? 12 : 30);
            QVERIFY(w.exec());
        }
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM activities WHERE log_seq = 30 AND text = '跟进 9'")), 1);
        expectBad(VerifyResult::Problem::HashMismatch, 12);
    }

    void truncateTail_data()
    {
        QTest::addColumn<int>("k");
        QTest::newRow("last record") << 1;
        QTest::newRow("last five") << 5;
        QTest::newRow("all but one") << int(3 + kExtra - 1);
    }
    void truncateTail()
    {
        QFETCH(int, k);
        QSqlDatabase db = m_db->connection();
        const qint64 keep = m_total - k;
        QVERIFY(run(db, QStringLiteral("PRAGMA foreign_keys = OFF")));
        QVERIFY(run(db, QStringLiteral("DELETE FROM activities WHERE log_seq >= %1").arg(keep)));
        QVERIFY(run(db, QStringLiteral("DELETE FROM stage_history WHERE log_seq >= %1").arg(keep)));
        expectBad(VerifyResult::Problem::HeadMismatch, keep);
    }

    void appendedOutsideTheApp()
    {
        // A correctly hashed record whose head update was not made (another program).
        QSqlDatabase db = m_db->connection();
        const QString headSeq = m_db->setting(QStringLiteral("log_head_seq"));
        const QString headHash = m_db->setting(QStringLiteral("log_head_hash"));
        QVERIFY(addActivity(db, QStringLiteral("200") /* a-late */, QStringLiteral("2026-11-03T00:00:00Z"), QStringLiteral("后补")));
        QVERIFY(verifyLog(db).ok);
        QVERIFY(m_db->setSetting(QStringLiteral("log_head_seq"), headSeq));
        QVERIFY(m_db->setSetting(QStringLiteral("log_head_hash"), headHash));
        expectBad(VerifyResult::Problem::HeadMismatch, m_total);
    }

    void headHashReplaced()
    {
        QVERIFY(m_db->setSetting(QStringLiteral("log_head_hash"), QString(64, QLatin1Char('a'))));
        expectBad(VerifyResult::Problem::HeadMismatch, m_total - 1);
        QVERIFY(m_db->setSetting(QStringLiteral("log_head_hash"), QStringLiteral("zz")));
        const VerifyResult r = verifyLog(m_db->connection());
        QCOMPARE(int(r.problem), int(VerifyResult::Problem::Error));
        QVERIFY2(r.message.contains(QStringLiteral("log_head_hash")), qPrintable(r.message));
    }

    void deletedByHandIsReported_data()
    {
        QTest::addColumn<QString>("table");
        QTest::newRow("one activity") << "activities";
        QTest::newRow("one stage move") << "stage_history";
        QTest::newRow("every activity") << "all activities";
    }
    void deletedByHandIsReported()
    {
        // The deleted flag is bookkeeping, outside the hash: flipping it by hand used to leave
        // the log intact while the figures lost the records. The first such record is named.
        QFETCH(QString, table);
        QSqlDatabase db = m_db->connection();
        const bool all = table.startsWith(QLatin1String("all "));
        const QString name = all ? table.mid(4) : table;
        const qint64 seq = scalar(db, QStringLiteral("SELECT min(log_seq) FROM %1 WHERE log_seq > 3").arg(name));
        QVERIFY(run(db, all ? QStringLiteral("UPDATE %1 SET deleted = 1").arg(name)
                            : QStringLiteral("UPDATE %1 SET deleted = 1 WHERE log_seq = %2").arg(name).arg(seq)));
        const qint64 first = all ? scalar(db, QStringLiteral("SELECT min(log_seq) FROM %1").arg(name)) : seq;
        expectBad(VerifyResult::Problem::DeletedOutsideLog, first);
        const VerifyResult r = verifyLog(db);
        QVERIFY2(r.message.contains(QLatin1String("deleted outside the app")), qPrintable(r.message));
    }

    void unchainedRecordIsReported()
    {
        // a-sneaky = 400, for lead-1 of k1; the record is named by its global id.
        QVERIFY(run(m_db->connection(), QStringLiteral(
            "INSERT INTO activities (id, lead_id, customer_id, kind, direction, at, updated_at) VALUES"
            " (400, 1, 1, 'call', 'sales', cockpit_secs('2026-11-04T00:00:00Z'), cockpit_secs('2026-11-04T00:00:00Z'))")));
        const QString sneaky = uuidForKey(m_db->connection(), QStringLiteral("activities"), QStringLiteral("400"));
        QCOMPARE(sneaky.size(), 36);
        const VerifyResult r = verifyLog(m_db->connection());
        QVERIFY(!r.ok);
        QCOMPARE(int(r.problem), int(VerifyResult::Problem::Unchained));
        QCOMPARE(r.recordId, sneaky);
        QVERIFY2(r.message.contains(sneaky), qPrintable(r.message));
    }

    void appendRejectsBadInput()
    {
        QString error;
        QVERIFY(!appendToLog(m_db->connection(), LogRecordKind::Activity, QStringLiteral("999"), &error)); // no such key
        QVERIFY2(error.contains(QStringLiteral("999")), qPrintable(error));
        QVERIFY(!appendToLog(m_db->connection(), LogRecordKind::Activity, QStringLiteral("1"), &error)); // a1
        QVERIFY2(error.contains(QStringLiteral("already")), qPrintable(error));
        QVERIFY(verifyLog(m_db->connection()).ok);
    }

    // O(1): appending touches the head and the new record only. The number of SQLite VM
    // instructions an append runs is the same after 43 records as after 1 000 more, and an
    // append still works when every earlier record is unreadable garbage.
    void appendIsConstantCost()
    {
        QSqlDatabase db = m_db->connection();
        sqlite3 *h = handleOf(db);
        auto insert = [&](const QString &id) {
            return run(db, QStringLiteral("INSERT INTO activities (id, lead_id, customer_id, kind, direction, at,"
                                          " updated_at) VALUES (%1, 2, 2, 'call', 'sales'," // lead-2, k2
                                          " cockpit_secs('2026-11-05T00:00:00Z'), cockpit_secs('2026-11-05T00:00:00Z'))").arg(id));
        };
        auto opsForOneAppend = [&](const QString &id, qint64 *ops) {
            *ops = 0;
            sqlite3_progress_handler(h, 1, countOps, ops);
            QString error;
            const bool ok = appendToLog(db, LogRecordKind::Activity, id, &error);
            sqlite3_progress_handler(h, 0, nullptr, nullptr);
            if (!ok)
                qWarning() << error;
            return ok;
        };
        // a-o1, a-o2, a-o3 = 300, 301, 302; a-bulkI = 1000 + I.
        qint64 small = 0, large = 0;
        QVERIFY(insert(QStringLiteral("300")));
        QVERIFY(opsForOneAppend(QStringLiteral("300"), &small));
        QVERIFY(db.transaction());
        for (int i = 0; i < 1000; ++i) {
            const QString id = QString::number(1000 + i);
            QString error;
            QVERIFY(insert(id));
            QVERIFY2(appendToLog(db, LogRecordKind::Activity, id, &error), qPrintable(error));
        }
        QVERIFY(db.commit());
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM activities WHERE log_seq IS NOT NULL")), 1000 + 30);
        QVERIFY(insert(QStringLiteral("301")));
        QVERIFY(opsForOneAppend(QStringLiteral("301"), &large));
        QVERIFY(small > 0);
        QCOMPARE(large, small);
        QVERIFY(verifyLog(db).ok);

        // Garbage everywhere before the head: the append neither notices nor cares.
        QVERIFY(run(db, QStringLiteral("UPDATE activities SET log_hash = zeroblob(32), text = 'garbage'"
                                       " WHERE id <> 301")));
        const QByteArray head = QByteArray::fromHex(m_db->setting(QStringLiteral("log_head_hash")).toLatin1());
        QVERIFY(addActivity(db, QStringLiteral("302"), QStringLiteral("2026-11-06T00:00:00Z"), QStringLiteral("ok")));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT log_hash FROM activities WHERE id = 302")) && q.next());
        QCOMPARE(q.value(0).toByteArray().size(), 32);
        QVERIFY(q.value(0).toByteArray() != head);
        QCOMPARE(m_db->setting(QStringLiteral("log_head_hash")), QString::fromLatin1(q.value(0).toByteArray().toHex()));
    }

    void moveStageAppends()
    {
        LeadRepository leads(*m_db);
        QSqlDatabase db = m_db->connection();
        const QString qualify = fixture::stageId(db, "lifecycle", "qualify");
        const QString screen = fixture::stageId(db, "lifecycle", "screen");
        QVERIFY(!qualify.isEmpty() || !screen.isEmpty());
        // lead-2 sits in 需求诊断: moving it back never meets a gate.
        const WriteResult w = leads.moveStage(QStringLiteral("2"), screen, QStringLiteral("102"), QStringLiteral("客户要求重新评估"));
        QVERIFY2(w.ok, qPrintable(w.error));
        QCOMPARE(m_db->setting(QStringLiteral("log_head_seq")), QString::number(m_total));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM stage_history WHERE log_seq = %1 AND reason ="
                                           " '客户要求重新评估'").arg(m_total)), 1);
        const VerifyResult r = verifyLog(db);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.recordsChecked, m_total + 1);
        const QList<LogEntry> recent = recentLogEntries(db, 3);
        QCOMPARE(recent.size(), 3);
        QCOMPARE(recent.at(0).seq, m_total);
        QCOMPARE(int(recent.at(0).kind), int(LogRecordKind::StageMove));
        QCOMPARE(recent.at(0).text, QStringLiteral("客户要求重新评估"));
        QCOMPARE(recent.at(1).seq, m_total - 1);
        QCOMPARE(recent.at(2).seq, m_total - 2);
        QCOMPARE(recent.at(1).actor, QStringLiteral("李强"));
    }

    void cancelStops()
    {
        std::atomic_bool cancel{true};
        const VerifyResult r = verifyLog(m_db->connection(), {}, &cancel);
        QCOMPARE(int(r.problem), int(VerifyResult::Problem::Cancelled));
        QVERIFY(!r.ok);
    }

    void progressIsReported()
    {
        qint64 lastDone = -1, lastTotal = -1;
        const VerifyResult r = verifyLog(m_db->connection(), [&](qint64 done, qint64 total) {
            lastDone = done;
            lastTotal = total;
        });
        QVERIFY(r.ok);
        QVERIFY(lastTotal >= m_total);
        QCOMPARE(lastDone, lastTotal);
    }

    void verifyFile()
    {
        const QString path = m_db->path();
        m_db.reset();
        const VerifyResult r = verifyLogFile(path);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.recordsChecked, m_total);
        const VerifyResult missing = verifyLogFile(m_dir.filePath(QStringLiteral("none.db")));
        QCOMPARE(int(missing.problem), int(VerifyResult::Problem::Error));
        QVERIFY(missing.message.contains(QStringLiteral("none.db")));
        QVERIFY(missing.message.contains(QStringLiteral("does not exist")));
        const VerifyResult folder = verifyLogFile(m_dir.path());
        QCOMPARE(int(folder.problem), int(VerifyResult::Problem::Error));
    }

    // buildChain() holds at most linksInMemory links and writes the rest to sorted runs in a
    // temporary file, merged back in rowid order (a first pull of 1.3 M records took 63 MB
    // for them). The fixture's 43 records chained again with room for 1, 2, 5 and all: the
    // same log_seq and log_hash for every row, and the same head, as the chain it had.
    void chainFromRunsOnDiskIsTheSame()
    {
        sqlite3 *h = cockpit::storage::sqliteHandle(m_db->connection());
        QVERIFY(h);
        auto text = [&](const QString &sql) {
            QSqlQuery q(m_db->connection());
            return q.exec(sql) && q.next() ? q.value(0).toString() : QString();
        };
        const QString links = QStringLiteral("SELECT group_concat(k || ':' || log_seq || ':' || hex(log_hash), ',') FROM ("
                                             "SELECT 'a' || id AS k, log_seq, log_hash FROM activities UNION ALL "
                                             "SELECT 's' || id, log_seq, log_hash FROM stage_history ORDER BY 1)");
        const QString before = text(links);
        const QString headBefore = m_db->setting(QStringLiteral("log_head_hash"));
        QVERIFY(before.count(QLatin1Char(',')) == int(m_total) - 1);
        for (const std::size_t room : {std::size_t(1), std::size_t(2), std::size_t(5), logchain::kChainLinksInMemory}) {
            QVERIFY(run(m_db->connection(), QStringLiteral("UPDATE activities SET log_seq = NULL, log_hash = NULL")));
            QVERIFY(run(m_db->connection(), QStringLiteral("UPDATE stage_history SET log_seq = NULL, log_hash = NULL")));
            QVERIFY(run(m_db->connection(), QStringLiteral("DELETE FROM settings WHERE key IN ('log_head_seq', 'log_head_hash')")));
            QString error;
            QCOMPARE(logchain::buildChain(h, &error, {}, room), m_total);
            QCOMPARE(text(links), before);
            QCOMPARE(m_db->setting(QStringLiteral("log_head_hash")), headBefore);
        }
        QVERIFY(verifyLog(m_db->connection()).ok);
    }

    // A schema-v1 file with activities and stage moves: opening it migrates and chains them
    // in (at, kind, id) order.
    void migrationBuildsChain()
    {
        m_db.reset();
        const QString path = m_dir.filePath(QStringLiteral("v1.db"));
        {
            sqlite3 *h = nullptr;
            QCOMPARE(sqlite3_open(path.toUtf8().constData(), &h), SQLITE_OK);
            auto ex = [&](const QString &sql) {
                char *msg = nullptr;
                const int rc = sqlite3_exec(h, sql.toUtf8().constData(), nullptr, nullptr, &msg);
                if (rc != SQLITE_OK)
                    qWarning() << msg << sql.left(100);
                sqlite3_free(msg);
                return rc == SQLITE_OK;
            };
            for (const QString &sql : schemaV1Tables() + schemaV1Indexes())
                QVERIFY(ex(sql));
            QVERIFY(ex(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId)));
            QVERIFY(ex(QStringLiteral("PRAGMA user_version = 1")));
            sqlite3_close(h);
        }
        {
            // Fill it through a v1-only connection: the fixture needs the pipelines, so
            // seed them the way createSchema does.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(run(db, QStringLiteral("INSERT INTO pipelines (id, code, name, name_en, version,"
                                           " first_response_minutes, handover_sla_minutes, updated_at) VALUES"
                                           " ('p1', 'lifecycle', 'L', 'L', 1, 120, 2880, '2026-01-01T00:00:00Z')")));
            QVERIFY(run(db, QStringLiteral("INSERT INTO pipeline_stages (id, pipeline_id, position, code, name,"
                                           " name_en, sla_minutes, exit_gate, standard_actions, terminal,"
                                           " updated_at) VALUES ('s1', 'p1', 0, 'screen', 'S', 'S', 60, '', '',"
                                           " 0, '2026-01-01T00:00:00Z'), ('s2', 'p1', 1, 'diagnose', 'D', 'D', 60, '', '', 0, '2026-01-01T00:00:00Z')")));
            QVERIFY(run(db, QStringLiteral("INSERT INTO regions (id, code, name, updated_at) VALUES ('r1', 'e', 'E', '2026-01-01T00:00:00Z')")));
            QVERIFY(run(db, QStringLiteral("INSERT INTO users (id, name, role, hire_date, updated_at) VALUES"
                                           " ('u1', 'U', 'sales', '2020-01-01', '2026-01-01T00:00:00Z')")));
            QVERIFY(run(db, QStringLiteral("INSERT INTO customers (id, name, owner_id, region_id, source, phone,"
                                           " core_need, close_cycle_days, created_at, updated_at) VALUES"
                                           " ('k1', 'C', 'u1', 'r1', 's', 'p', 'n', 30, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")));
            QVERIFY(run(db, QStringLiteral("INSERT INTO leads (id, customer_id, region_id, pipeline_id, stage_id,"
                                           " stage_entered_at, title, created_at, updated_at) VALUES"
                                           " ('L1', 'k1', 'r1', 'p1', 's2', '2026-01-01T00:00:00Z', 'T', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")));
            // Out of time order on purpose; equal times sort activity before stage move, then id.
            QVERIFY(run(db, QStringLiteral(
                "INSERT INTO activities (id, lead_id, customer_id, kind, direction, at, updated_at) VALUES"
                " ('b', 'L1', 'k1', 'call', 'sales', '2026-01-03T00:00:00Z', '2026-01-01T00:00:00Z'),"
                " ('z', 'L1', 'k1', 'call', 'sales', '2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z'),"
                " ('a', 'L1', 'k1', 'call', 'sales', '2026-01-03T00:00:00Z', '2026-01-01T00:00:00Z')")));
            QVERIFY(run(db, QStringLiteral(
                "INSERT INTO stage_history (id, lead_id, from_stage_id, to_stage_id, at, updated_at) VALUES"
                " ('h', 'L1', 's1', 's2', '2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z'),"
                " ('0', 'L1', NULL, 's1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        QCOMPARE(int(verifyLogFile(path).problem), int(VerifyResult::Problem::Error)); // v1: no log yet
        m_db = std::make_unique<Database>();
        const OpenResult o = m_db->open(path);
        QVERIFY2(o.ok(), qPrintable(o.message + o.detail));
        QCOMPARE(m_db->schemaVersion(), cockpit::storage::kSchemaVersion);
        QSqlDatabase db = m_db->connection();
        QStringList order;
        QSqlQuery q(db);
        // The v1 text ids are the rows' global ids now (kept as their text: not UUIDs).
        QVERIFY(q.exec(QStringLiteral("SELECT cockpit_uuid_text(uuid) FROM (SELECT uuid, log_seq FROM activities UNION ALL"
                                      " SELECT uuid, log_seq FROM stage_history) ORDER BY log_seq")));
        while (q.next())
            order << q.value(0).toString();
        QCOMPARE(order, (QStringList{"0", "z", "h", "a", "b"}));
        const VerifyResult r = verifyLog(db);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.recordsChecked, 5);
        // Re-running the chain step is harmless: nothing left to chain.
        QString error;
        QVERIFY(buildLogChain(db, &error));
        QVERIFY(verifyLog(db).ok);
    }
};

QTEST_GUILESS_MAIN(TestActivityLog)
#include "tst_activitylog.moc"

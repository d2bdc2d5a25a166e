// A plan's memory flat in the file's size (issue 11): the planned rows past a threshold go to
// a scratch file (PlannedRows) and come back as they were, in order and at random; a plan
// whose rows were spilled writes exactly what one held in memory writes (the same rows, stage
// moves, activities, keys and outbox entries), refuses and warns the same, and its error file
// is the same; the issues past the first ones are counted, not kept.
#include "imports/importplan.h"
#include "imports/importplanner.h"
#include "imports/importwriter.h"
#include "storage/database.h"
#include "storage/logchain.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

using namespace cockpit;
using namespace cockpit::imports;

class TestImportSpill : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { setPlannedRowsSpillThreshold(0); }
    void rowsRoundTripPastTheThreshold();
    void rowsSurviveTheTasksInFlight();
    void rejectedRowsRoundTrip();
    void issuesAreCountedPastTheFirst();
    void idDigestsFindEveryIdAndNoOther();
    void spilledPlanWritesWhatAnInMemoryOneWrites();
};

namespace {
PlannedLead leadNo(int i)
{
    PlannedLead l;
    l.file = i % 3;
    l.line = 2 + i;
    l.externalId = QStringLiteral("L%1").arg(i);
    l.title = i % 5 ? QStringLiteral("客户%1 · 产品").arg(i) : QString(); // null stays null
    l.lostReason = i % 7 ? QString() : QStringLiteral("");               // empty stays empty
    l.campaign = QString(i % 40, QChar(u'春'));
    l.customer = i % 2 ? RowRef::row(i) : RowRef::plan(i / 2);
    l.owner = RowRef::row(7);
    l.stage = i % 4;
    l.status = i % 4 == 3 ? QStringLiteral("won") : QStringLiteral("open");
    l.amountCents = qint64(i) * 100001;
    l.createdAt = 1700000000 + i;
    l.closedAt = i % 4 == 3 ? 1700100000 + i : 0;
    if (i % 6)
        l.expectedCloseDay = 20000 + i;
    for (int m = 0; m < i % 5; ++m)
        l.moves.push_back({m - 1, m, 1700000000 + i + m});
    l.action = RowAction(i % 4);
    l.existing = i % 4 ? i : 0;
    l.given = quint32(i) * 2654435761u;
    return l;
}

QByteArray bytesOf(const PlannedLead &l)
{
    QByteArray b;
    SpillOut out(b);
    spillRow(out, l);
    return b;
}
} // namespace

void TestImportSpill::rowsRoundTripPastTheThreshold()
{
    setPlannedRowsSpillThreshold(600); // spilled in blocks of PlannedRows::kBlockRows (512)
    PlannedRows<PlannedLead> rows;
    const int n = 2000;
    for (int i = 0; i < n; ++i)
        rows.push_back(leadNo(i));
    QVERIFY(rows.spilled());
    QVERIFY2(rows.error().isEmpty(), qPrintable(rows.error()));
    QCOMPARE(rows.size(), std::size_t(n));
    // In order: every field back (a row written again is the same bytes), null and empty
    // strings apart.
    int i = 0;
    for (const PlannedLead &l : rows) {
        QCOMPARE(bytesOf(l), bytesOf(leadNo(i)));
        ++i;
    }
    QCOMPARE(i, n);
    QVERIFY(rows[5].title.isNull());
    QVERIFY(!rows[7].lostReason.isNull() && rows[7].lostReason.isEmpty());
    QCOMPARE(rows[1234].moves.size(), std::size_t(4));
    QCOMPARE(rows[1234].moves[3].at, qint64(1700000000 + 1234 + 3));
    QVERIFY(!rows[1236].expectedCloseDay);
    QCOMPARE(*rows[1237].expectedCloseDay, qint64(21237));
    // At random, across blocks and the rows still in memory.
    for (const int at : {1999, 3, 1500, 511, 512, 0, 1024, 1998})
        QCOMPARE(bytesOf(rows.at(at)), bytesOf(leadNo(at)));
    // The last row can be changed and dropped (a refused row leaves nothing planned).
    rows.back().action = RowAction::Skip;
    QCOMPARE(rows[n - 1].action, RowAction::Skip);
    rows.resize(std::size_t(n - 1));
    QCOMPARE(rows.size(), std::size_t(n - 1));
    QCOMPARE(bytesOf(rows.back()), bytesOf(leadNo(n - 2)));
    // A copy shares the file: each goes on on its own.
    PlannedRows<PlannedLead> copy = rows;
    for (int j = n - 1; j < n + 1100; ++j)
        copy.push_back(leadNo(j));
    QCOMPARE(rows.size(), std::size_t(n - 1));
    QCOMPARE(bytesOf(rows[n - 2]), bytesOf(leadNo(n - 2)));
    QCOMPARE(bytesOf(copy[n + 1099]), bytesOf(leadNo(n + 1099)));
    QCOMPARE(bytesOf(copy[n + 3]), bytesOf(leadNo(n + 3)));
    QCOMPARE(bytesOf(copy[17]), bytesOf(leadNo(17)));
    for (int j = n - 1; j < n + 700; ++j) // the original appends after the copy's blocks
        rows.push_back(leadNo(j));
    for (int j = 0; j < n + 700; ++j)
        QCOMPARE(bytesOf(rows[j]), bytesOf(leadNo(j)));
    for (int j = 0; j < n + 1100; ++j)
        QCOMPARE(bytesOf(copy[j]), bytesOf(leadNo(j)));

    // Under the threshold nothing is spilled.
    setPlannedRowsSpillThreshold(0);
    PlannedRows<PlannedLead> small;
    for (int j = 0; j < 1000; ++j)
        small.push_back(leadNo(j));
    QVERIFY(!small.spilled());
    QCOMPARE(bytesOf(small[999]), bytesOf(leadNo(999)));
}

// Blocks are written and read ahead by tasks (plannedrows.h): a copy, a move, a read and two
// copies read in turn over their shared file, each while a task may be running, see every row.
void TestImportSpill::rowsSurviveTheTasksInFlight()
{
    setPlannedRowsSpillThreshold(600);
    for (int round = 0; round < 3; ++round) {
        PlannedRows<PlannedLead> rows;
        const int n = 6000 + round * 700;
        for (int i = 0; i < n; ++i)
            rows.push_back(leadNo(i)); // the last full block's task may still run
        PlannedRows<PlannedLead> copy = rows;
        PlannedRows<PlannedLead> moved = std::move(rows);
        QCOMPARE(moved.size(), std::size_t(n));
        QCOMPARE(copy.size(), std::size_t(n));
        QVERIFY2(moved.error().isEmpty(), qPrintable(moved.error()));
        // In order, both at once: each reads ahead from the one file.
        for (int i = 0; i < n; ++i) {
            QCOMPARE(bytesOf(moved[i]), bytesOf(leadNo(i)));
            QCOMPARE(bytesOf(copy[i]), bytesOf(leadNo(i)));
        }
        // Backwards: a block read ahead and not wanted is dropped, not returned.
        for (int i = n - 1; i >= 0; i -= 97)
            QCOMPARE(bytesOf(copy[i]), bytesOf(leadNo(i)));
        // Rows pushed after a read of a block ahead go to the file after it.
        for (int i = n; i < n + 1500; ++i)
            moved.push_back(leadNo(i));
        for (int i = 0; i < n + 1500; i += 3)
            QCOMPARE(bytesOf(moved[i]), bytesOf(leadNo(i)));
        QVERIFY(copy.error().isEmpty() && moved.error().isEmpty());
    }
}

void TestImportSpill::rejectedRowsRoundTrip()
{
    setPlannedRowsSpillThreshold(1);
    PlannedRows<RejectedRow> rows;
    auto cells = [](int i) {
        QStringList c{QStringLiteral("L%1").arg(i), QString(), QStringLiteral("¥%1,000").arg(i), QString(i % 70000, QChar(u'x'))};
        return c;
    };
    for (int i = 0; i < 1500; ++i)
        rows.emplace_back(qint64(i + 2), cells(i), QStringLiteral("reason %1").arg(i));
    QVERIFY(rows.spilled());
    int i = 0;
    for (const RejectedRow &r : rows) {
        QCOMPARE(r.line, qint64(i + 2));
        QCOMPARE(r.reason, QStringLiteral("reason %1").arg(i));
        QCOMPARE(r.fields(), cells(i));
        ++i;
    }
    QCOMPARE(i, 1500);
}

void TestImportSpill::issuesAreCountedPastTheFirst()
{
    ImportIssues issues;
    const qint64 n = ImportIssues::kKept + 500;
    for (qint64 i = 0; i < n; ++i) {
        ImportIssue w;
        w.error = false;
        w.file = 0;
        w.line = i + 2;
        w.column = QStringLiteral("stage");
        w.reason = i % 2 ? QStringLiteral("odd") : QStringLiteral("even");
        issues.push_back(w);
        ImportIssue e;
        e.file = 0;
        e.line = i + 2;
        e.reason = QStringLiteral("the same id as line %1").arg(i); // every reason its own
        issues.push_back(e);
    }
    QCOMPARE(issues.errors(), n);
    QCOMPARE(issues.warnings(), n);
    QCOMPARE(qint64(issues.size()), qint64(2 * ImportIssues::kKept));
    QCOMPARE(issues.omitted(), qint64(2 * (n - ImportIssues::kKept)));
    // The kept ones are the first of each, in order.
    QCOMPARE(issues.front().line, qint64(2));
    QCOMPARE(qint64(std::count_if(issues.begin(), issues.end(), [](const ImportIssue &i) { return i.error; })), qint64(ImportIssues::kKept));
    // Warnings grouped with every one counted.
    QCOMPARE(issues.warningGroups().size(), std::size_t(2));
    QCOMPARE(issues.warningGroups()[0].reason, QStringLiteral("even"));
    QCOMPARE(issues.warningGroups()[0].count, n / 2);
    QCOMPARE(issues.warningGroups()[1].count, n - n / 2);
    QCOMPARE(issues.warningGroups()[1].lines.front(), qint64(3));
    QCOMPARE(issues.warningGroups()[1].lines.size(), std::size_t(ImportIssues::kGroupLines));
}

void TestImportSpill::idDigestsFindEveryIdAndNoOther()
{
    // The ids a planner has seen (a line each) and the keys earlier imports stored: 200 000
    // inserted (the tables grow many times), each found with its value, a replaced one with
    // the new value, ids never inserted (and near misses) not found.
    detail::Digests<quint32> lines;
    detail::Digests<qint64> keys;
    const int n = 200000;
    for (int i = 0; i < n; ++i) {
        lines.insert(QStringLiteral("L%1").arg(i), quint32(i + 2));
        keys.insert(QStringLiteral("#%1").arg(i, 24, 16, QChar(u'0')), qint64(i) << 33);
    }
    lines.insert(QStringLiteral("L7"), 99); // replaces
    QCOMPARE(lines.size(), qsizetype(n));
    for (int i = 0; i < n; ++i) {
        QCOMPARE(lines.value(QStringLiteral("L%1").arg(i)).value_or(0), i == 7 ? 99u : quint32(i + 2));
        QCOMPARE(keys.value(QStringLiteral("#%1").arg(i, 24, 16, QChar(u'0'))).value_or(-1), qint64(i) << 33);
    }
    for (int i = n; i < n + 20000; ++i)
        QVERIFY(!lines.value(QStringLiteral("L%1").arg(i)));
    QVERIFY(!lines.value(QStringLiteral("l1")));
    QVERIFY(!lines.value(QStringLiteral("L1 ")));
    QVERIFY(!lines.value(QString()));
    QVERIFY(!detail::Digests<quint32>().value(QStringLiteral("L1")));
}

namespace {
struct Company
{
    std::unique_ptr<storage::Database> db;
    qint64 me = 0;
};

Company openCompany(const QString &path)
{
    Company c;
    c.db = std::make_unique<storage::Database>();
    if (!c.db->open(path, storage::Database::Mode::CreateHere).ok())
        return c;
    QString error;
    if (!ImportWriter::initCompany(c.db->connection(), QStringLiteral("CNY"), QStringLiteral("王总"), &error))
        return c;
    c.me = c.db->currentUserId().toLongLong();
    QSqlQuery q(c.db->connection());
    q.exec(QStringLiteral("INSERT INTO users (name, role, hire_date, updated_at) VALUES ('张伟', 'sales', 20000, 0)"));
    return c;
}

// What a write leaves, without what differs between two writes of the same rows: random
// uuids and operation ids, the time of writing, and hashes that cover them.
QStringList dump(QSqlDatabase db)
{
    static const QRegularExpression uuid(QStringLiteral("\"(uuid|[a-z_]*_uuid|updated_at|op_id)\":(\"[^\"]*\"|[0-9]+)"));
    QStringList out;
    for (const QString &table : {QStringLiteral("customers"), QStringLiteral("leads"), QStringLiteral("stage_history"),
                                 QStringLiteral("activities"), QStringLiteral("import_keys"), QStringLiteral("outbox")}) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(table))) {
            out << table + QStringLiteral(": cannot be read");
            continue;
        }
        while (q.next()) {
            QStringList cells;
            const QSqlRecord rec = q.record();
            for (int c = 0; c < rec.count(); ++c) {
                const QString name = rec.fieldName(c);
                if (name.contains(QLatin1String("uuid")) || name == QLatin1String("updated_at") || name == QLatin1String("op_id")
                    || name == QLatin1String("log_hash") || (table == QLatin1String("outbox") && name == QLatin1String("created_at"))
                    || name == QLatin1String("imported_at") || name == QLatin1String("run_id"))
                    continue;
                cells << name + u'=' + q.value(c).toString().replace(uuid, QStringLiteral("\"\\1\":…"));
            }
            out << table + QStringLiteral(": ") + cells.join(u'|');
        }
    }
    return out;
}
} // namespace

void TestImportSpill::spilledPlanWritesWhatAnInMemoryOneWrites()
{
    // Customers, 1 600 leads (warnings on some, refusals on others) and 1 400 activities that
    // name them: planned and written into two new companies, one with every row in memory and
    // one with rows spilled past 512 (the smallest threshold: one block).
    QTemporaryDir dir;
    QByteArray customers = "客户名称\n";
    for (int c = 0; c < 40; ++c)
        customers += "客户" + QByteArray::number(c) + "\n";
    QByteArray leads = "编号,客户,负责人,阶段,金额,创建日期,关闭日期\n";
    const char *stages[] = {"15分钟初筛", "需求诊断", "赢单", "输单", "阶段外"};
    for (int i = 0; i < 1600; ++i) {
        const char *stage = stages[i % 97 == 5 ? 4 : i % 4]; // some not a stage: refused
        const bool closed = i % 4 >= 2;
        leads += "L" + QByteArray::number(i) + ",客户" + QByteArray::number(i % 40) + "," + (i % 11 ? "张伟" : "") + "," + stage
                 + ",\"¥" + QByteArray::number(1 + i % 900) + ",000\"," + (i % 13 ? QByteArray("2026-03-") + QByteArray::number(1 + i % 28) : QByteArray())
                 + "," + (closed && i % 3 ? QByteArray("2026-04-") + QByteArray::number(1 + i % 28) : QByteArray()) + "\n";
    }
    QByteArray activities = "商机编号,跟进人,方式,跟进时间,内容\n";
    for (int i = 0; i < 1400; ++i)
        activities += "L" + QByteArray::number((i * 7) % 1700) + ",张伟,电话,2026-05-" + QByteArray::number(1 + i % 28) // each at its own minute
                      + " " + QByteArray::number(8 + (i / 28) % 10) + ":" + QByteArray::number(10 + i / 280) + ",第" + QByteArray::number(i) + "次\n";
    auto write = [&](const QString &name, const QByteArray &content) {
        QFile f(dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return f.fileName();
    };
    auto file = [](Entity e, const QString &path, QHash<QString, QString> cols) {
        FileMapping fm;
        fm.entity = e;
        fm.file = path;
        fm.columns = std::move(cols);
        return fm;
    };
    ImportRequest r;
    r.mapping.files = {file(Entity::Customers, write(QStringLiteral("c.csv"), customers), {{QStringLiteral("name"), QStringLiteral("客户名称")}}),
                       file(Entity::Leads, write(QStringLiteral("l.csv"), leads),
                            {{QStringLiteral("external_id"), QStringLiteral("编号")}, {QStringLiteral("customer"), QStringLiteral("客户")},
                             {QStringLiteral("owner"), QStringLiteral("负责人")}, {QStringLiteral("stage"), QStringLiteral("阶段")},
                             {QStringLiteral("amount"), QStringLiteral("金额")}, {QStringLiteral("created"), QStringLiteral("创建日期")},
                             {QStringLiteral("closed"), QStringLiteral("关闭日期")}}),
                       file(Entity::Activities, write(QStringLiteral("a.csv"), activities),
                            {{QStringLiteral("lead"), QStringLiteral("商机编号")}, {QStringLiteral("actor"), QStringLiteral("跟进人")},
                             {QStringLiteral("kind"), QStringLiteral("方式")}, {QStringLiteral("at"), QStringLiteral("跟进时间")},
                             {QStringLiteral("text"), QStringLiteral("内容")}})};
    for (const FileMapping &f : std::as_const(r.mapping.files))
        r.paths << f.file;
    r.now = 1764547200;

    QStringList dumps[2], summaries[2], warnings[2], again[2];
    QByteArray errorFiles[2];
    for (int run = 0; run < 2; ++run) {
        setPlannedRowsSpillThreshold(run == 0 ? 0 : 1);
        Company c = openCompany(dir.filePath(QStringLiteral("company%1.db").arg(run)));
        QVERIFY(c.me > 0);
        r.actorKey = c.me;
        const ImportPlan p = planImport(c.db->connection(), r);
        QVERIFY2(p.ok(), qPrintable(p.fatal));
        QCOMPARE(p.leads.spilled(), run == 1);
        QCOMPARE(p.activities.spilled(), run == 1);
        QVERIFY(p.refusedRows() > 10);
        QVERIFY(p.warningCount() > 100);
        summaries[run] = p.summaryLines();
        warnings[run] = p.warningLines();
        QString error;
        const QStringList written = writeErrorFiles(p, dir.filePath(QStringLiteral("refused%1.csv").arg(run)), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const QString &path : written) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            errorFiles[run] += f.readAll();
        }
        const ImportWriteResult w = ImportWriter::write(c.db->connection(), p, QStringLiteral("l.csv"), {});
        QVERIFY2(w.ok, qPrintable(w.error));
        QVERIFY(w.stageMoves > 1000);
        QCOMPARE(qint64(w.activities), qint64(p.activities.size()));
        const storage::VerifyResult v = storage::logchain::verify(storage::sqliteHandle(c.db->connection()));
        QVERIFY2(v.ok, qPrintable(v.message));
        dumps[run] = dump(c.db->connection());
        // Again: every row recognised (decided while spilled too).
        const ImportPlan next = planImport(c.db->connection(), r);
        for (const FilePlan &f : next.files)
            again[run] << QStringLiteral("%1 %2 %3 %4").arg(f.counts.created).arg(f.counts.updated).arg(f.counts.unchanged).arg(f.counts.refused);
    }
    QCOMPARE(summaries[1], summaries[0]);
    QCOMPARE(warnings[1], warnings[0]);
    QVERIFY(!errorFiles[0].isEmpty());
    QCOMPARE(errorFiles[1], errorFiles[0]);
    QVERIFY(dumps[0].size() > 5000);
    QCOMPARE(dumps[1].size(), dumps[0].size());
    for (int i = 0; i < dumps[0].size(); ++i)
        QCOMPARE(dumps[1].at(i), dumps[0].at(i));
    QCOMPARE(again[1], again[0]);
    QVERIFY2(again[0].at(1).startsWith(QLatin1String("0 0 ")), qPrintable(again[0].join(u';')));
}

QTEST_GUILESS_MAIN(TestImportSpill)
#include "tst_importspill.moc"

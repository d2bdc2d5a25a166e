// A target's external-correction reason (schema v8, targets.correction_reason) on the tiny
// demo: it loads with the tree, saves with its correction and travels in the outbox; a
// correction set, changed or left without a reason is refused naming the node, with nothing
// written; one an older file held without a reason stays as it was while the rest of the tree
// is edited; a node without a correction keeps no reason; `report targets` shows it.
#include "targets/targetdata.h"
#include "targets/targetrepository.h"
#include "targets/targetreports.h"

#include "analytics/orgunits.h"
#include "storage/database.h"
#include "storage/outbox.h"

#include "tinydemo.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::targets;
using analytics::OrgLevel;
using analytics::Period;

namespace {
const QDate kAsOf(2026, 11, 21);
} // namespace

class TstTargetReason : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("tiny-%1.db").arg(++m_n));
        QCOMPARE(fixture::generateTinyDemo(m_path, 7, kAsOf.addDays(1)), QString());
        QVERIFY(m_db.open(m_path, storage::Database::Mode::OpenExisting).ok());
    }
    void cleanup() { m_db.close(); }

    // The demo's reasons load with the tree; a new reason saves, reloads, and is in the outbox.
    void reasonRoundTrips()
    {
        TargetTree tree = load();
        const int rep = corrected(tree);
        QVERIFY(rep > 0);
        QVERIFY2(!tree.nodes[rep].correctionReason.isEmpty(), qPrintable(tree.nodes[rep].name)); // the demo's
        QCOMPARE(tree.nodes[rep].correctionReason, text(QStringLiteral("SELECT correction_reason FROM targets WHERE id = %1")
                                                            .arg(tree.nodes[rep].rowId)));
        tree.nodes[rep].correctionBp = -250;
        tree.nodes[rep].correctionReason = QStringLiteral("  重点客户预算冻结（第四季度） ");
        const TargetSaveResult r = TargetRepository(m_db).save(tree, QStringLiteral("approved"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.written, 1);
        const TargetTree again = load();
        QCOMPARE(again.nodes[rep].correctionBp, -250);
        QCOMPARE(again.nodes[rep].correctionReason, QStringLiteral("重点客户预算冻结（第四季度）")); // trimmed
        // The outbox entry carries the reason with the correction, for the push.
        const QJsonObject fields = lastOutboxFields();
        QCOMPARE(fields.value(QStringLiteral("correction_bp")).toInt(), -250);
        QCOMPARE(fields.value(QStringLiteral("correction_reason")).toString(), QStringLiteral("重点客户预算冻结（第四季度）"));

        // Only the reason changed: one row, the reason alone in its outbox entry.
        TargetTree reworded = again;
        reworded.nodes[rep].correctionReason = QStringLiteral("Key account's budget frozen");
        QCOMPARE(TargetRepository(m_db).save(reworded, QStringLiteral("approved")).written, 1);
        const QJsonObject only = lastOutboxFields();
        QVERIFY(!only.contains(QStringLiteral("correction_bp")));
        QCOMPARE(only.value(QStringLiteral("correction_reason")).toString(), QStringLiteral("Key account's budget frozen"));
        QCOMPARE(load().nodes[rep].correctionReason, QStringLiteral("Key account's budget frozen"));

        // A new period's rows are inserted with their reasons.
        TargetTree fresh = nextQuarterProposal();
        const int newRep = firstRep(fresh);
        QVERIFY(newRep > 0);
        fresh.nodes[newRep].correctionBp = 100;
        fresh.nodes[newRep].correctionReason = QStringLiteral("新品上市");
        const TargetSaveResult inserted = TargetRepository(m_db).save(fresh, QStringLiteral("draft"));
        QVERIFY2(inserted.ok, qPrintable(inserted.error));
        const qint64 row = inserted.saved.nodes[newRep].rowId;
        QCOMPARE(text(QStringLiteral("SELECT correction_reason FROM targets WHERE id = %1").arg(row)), QStringLiteral("新品上市"));
        QCOMPARE(text(QStringLiteral("SELECT json_extract(fields, '$.correction_reason') FROM outbox WHERE table_name = 'targets'"
                                     " AND op = 'insert' AND row_id = '%1'").arg(row)),
                 QStringLiteral("新品上市"));
        // The other new rows: no correction, reason ''.
        QCOMPARE(text(QStringLiteral("SELECT COUNT(*) FROM targets WHERE period_start = %1 AND correction_reason <> ''")
                          .arg(analytics::dateParam(QDate(2027, 1, 1)).toString())),
                 QStringLiteral("1"));
    }

    void refusedWithoutAReason_data()
    {
        QTest::addColumn<int>("correction");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("newPeriod");
        QTest::newRow("correction changed, reason cleared") << 300 << QString() << false;
        QTest::newRow("reason blanked, correction kept") << 0 << QStringLiteral("   ") << false;
        QTest::newRow("new row with a correction, no reason") << -100 << QString() << true;
    }
    // Refused naming the node, with the translated rule; nothing written, no outbox entry.
    void refusedWithoutAReason()
    {
        QFETCH(int, correction);
        QFETCH(QString, reason);
        QFETCH(bool, newPeriod);
        TargetTree tree = newPeriod ? nextQuarterProposal() : load();
        const int rep = newPeriod ? firstRep(tree) : corrected(tree);
        QVERIFY(rep > 0);
        TargetNode &n = tree.nodes[rep];
        if (correction)
            n.correctionBp = correction;
        n.correctionReason = reason;
        // An edit elsewhere in the same save is not written either.
        tree.nodes[0].growthBp += 7;
        const QString before = snapshot();
        const TargetSaveResult r = TargetRepository(m_db).save(tree, QStringLiteral("approved"));
        QVERIFY(!r.ok);
        QCOMPARE(r.error, n.name + QStringLiteral(": An external correction needs a reason."));
        QCOMPARE(snapshot(), before);
    }

    // A correction a v7 file held without a reason (none could be kept) does not block edits
    // of the tree, approving included; changing that correction needs a reason.
    void olderCorrectionWithoutReasonStays()
    {
        QSqlQuery q(m_db.connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE targets SET correction_reason = ''")));
        TargetTree tree = load();
        const int rep = corrected(tree);
        QVERIFY(rep > 0);
        const int bp = tree.nodes[rep].correctionBp;
        const qint64 amount = tree.nodes[rep].amountCents;
        for (int i : {0, rep}) // the company and, so the tree stays balanced, the rep
            tree.nodes[i].amountCents += 10000;
        for (int p = tree.nodes[rep].parent; p > 0; p = tree.nodes[p].parent)
            tree.nodes[p].amountCents += 10000;
        TargetSaveResult r = TargetRepository(m_db).save(tree, QStringLiteral("approved"));
        QVERIFY2(r.ok, qPrintable(r.error));
        TargetTree stored = load();
        QCOMPARE(stored.nodes[rep].amountCents, amount + 10000);
        QCOMPARE(stored.nodes[rep].correctionBp, bp);
        QCOMPARE(stored.nodes[rep].correctionReason, QString());
        stored.nodes[rep].correctionBp = bp == 500 ? 499 : bp + 1;
        r = TargetRepository(m_db).save(stored, QStringLiteral("approved"));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.startsWith(stored.nodes[rep].name + QStringLiteral(": ")), qPrintable(r.error));
    }

    // No correction, nothing to explain: a reason typed for a zero correction is not kept.
    void noCorrectionKeepsNoReason()
    {
        TargetTree tree = load();
        const int rep = corrected(tree);
        QVERIFY(rep > 0);
        tree.nodes[rep].correctionBp = 0;
        tree.nodes[rep].correctionReason = QStringLiteral("新品上市");
        const TargetSaveResult r = TargetRepository(m_db).save(tree, QStringLiteral("approved"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(text(QStringLiteral("SELECT correction_reason FROM targets WHERE id = %1").arg(tree.nodes[rep].rowId)), QString());
        QCOMPARE(text(QStringLiteral("SELECT typeof(correction_reason) FROM targets WHERE id = %1").arg(tree.nodes[rep].rowId)),
                 QStringLiteral("text"));
        QCOMPARE(lastOutboxFields().value(QStringLiteral("correction_reason")).toString(QStringLiteral("absent")), QString());
    }

    // `report targets`: correction_reason next to correction_bp, as stored.
    void reportShowsTheReason()
    {
        const TargetsView v = view(Period::quarter(kAsOf));
        QVector<int> all;
        for (int i = 0; i < v.tree.nodes.size(); ++i)
            all << i;
        const analytics::DataTable t = targetsTable(v, all, OrgLevel::Rep);
        const int bp = int(t.columns.indexOf(QStringLiteral("correction_bp")));
        QCOMPARE(t.columns.value(bp + 1), QStringLiteral("correction_reason"));
        const int rep = corrected(v.tree);
        QVERIFY(rep > 0);
        bool seen = false;
        for (const QVariantList &row : t.rows)
            if (row.value(4).toString() == v.tree.nodes[rep].name) {
                seen = true;
                QCOMPARE(row.value(bp + 1).toString(), text(QStringLiteral("SELECT correction_reason FROM targets WHERE id = %1")
                                                                 .arg(v.tree.nodes[rep].rowId)));
                QVERIFY(!row.value(bp + 1).toString().isEmpty());
            }
        QVERIFY(seen);
    }

private:
    TargetsView view(const Period &p)
    {
        const QSqlDatabase db = m_db.connection();
        return computeTargets(db, p, kAsOf, analytics::loadOrgUnits(db));
    }
    TargetTree load() { return view(Period::quarter(kAsOf)).tree; }
    // 2027-Q1 has no targets yet: the proposal's nodes have no rows.
    TargetTree nextQuarterProposal() { return view(Period::quarter(QDate(2027, 1, 1))).proposal; }
    static int firstRep(const TargetTree &tree)
    {
        for (int i = 0; i < tree.nodes.size(); ++i)
            if (tree.nodes[i].level == OrgLevel::Rep)
                return i;
        return -1;
    }
    // The first rep whose stored target has a correction (-1: none).
    static int corrected(const TargetTree &tree)
    {
        for (int i = 0; i < tree.nodes.size(); ++i)
            if (tree.nodes[i].level == OrgLevel::Rep && tree.nodes[i].correctionBp != 0)
                return i;
        return -1;
    }
    QString text(const QString &sql)
    {
        QSqlQuery q(m_db.connection());
        if (!q.exec(sql) || !q.next())
            return QStringLiteral("(no row: %1)").arg(sql);
        return q.value(0).toString();
    }
    QJsonObject lastOutboxFields()
    {
        return QJsonDocument::fromJson(text(QStringLiteral("SELECT fields FROM outbox ORDER BY rowid DESC LIMIT 1")).toUtf8()).object();
    }
    // Every target row and the outbox, as text.
    QString snapshot()
    {
        return text(QStringLiteral("SELECT (SELECT group_concat(id || ':' || amount_cents || ':' || growth_bp || ':' || correction_bp"
                                   " || ':' || correction_reason || ':' || status, ',') FROM targets) || '|'"
                                   " || (SELECT COUNT(*) FROM outbox)"));
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_n = 0;
    storage::Database m_db;
};

QTEST_GUILESS_MAIN(TstTargetReason)
#include "tst_targetreason.moc"

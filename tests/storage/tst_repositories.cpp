// Repositories: every edit writes its outbox entry in the same transaction, a refused edit
// writes nothing, the stage gate holds, and the bulk loader reads what was written.
#include "storage/bulkload.h"
#include "storage/customerrepository.h"
#include "storage/database.h"
#include "storage/keys.h"
#include "storage/leadrepository.h"
#include "storage/outbox.h"

#include "fixture.h"

#include <QSqlDatabase>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit::storage;

class TestRepositories : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void editWritesOutboxInSameTransaction();
    void refusedEditWritesNothing_data();
    void refusedEditWritesNothing();
    void gateRefusesWithMissingFields();
    void gatePassesOnceFieldsFilled();
    void backwardMoveNeedsNoGate();
    void createCustomerValidatesSixFields_data();
    void createCustomerValidatesSixFields();
    void createRemoveRestoreCustomer();
    void bulkLoadReadsCatalog();
    void previewHoldsNewestLeads();
    void parsesIsoTimes_data();
    void parsesIsoTimes();

private:
    int outboxCount() { return pendingOutboxCount(m_db->connection()); }
    QString value(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        return q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
    }

    QTemporaryDir *m_dir = nullptr;
    Database *m_db = nullptr;
};

void TestRepositories::init()
{
    m_dir = new QTemporaryDir;
    m_db = new Database;
    QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("r.db")), Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(*m_db));
}

void TestRepositories::cleanup()
{
    delete m_db;
    delete m_dir;
}

void TestRepositories::editWritesOutboxInSameTransaction()
{
    LeadRepository leads(*m_db);
    m_db->announceChanges(); // the fixture's own writes, not part of what is checked
    QSignalSpy changed(m_db, &Database::changed);
    QCOMPARE(outboxCount(), 0);
    const auto r = leads.update(QStringLiteral("2"), {{QStringLiteral("amount_cents"), 150000000},
                                                           {QStringLiteral("pain_keywords"), QStringLiteral("报表慢")}},
                                QStringLiteral("100"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(outboxCount(), 1);
    QCOMPARE(changed.count(), 1); // announced before update() returned: the lead and its outbox entry
    const ChangeSet set = changed.at(0).at(0).value<ChangeSet>();
    QVERIFY(set.touches(QStringLiteral("leads")) && set.touches(QStringLiteral("outbox")));
    for (const TableChange &c : set.changes)
        if (c.table == QLatin1String("leads"))
            QCOMPARE(m_db->idsOfRows(c.table, c.rows), QStringList{QStringLiteral("2")});
    QCOMPARE(value(QStringLiteral("SELECT amount_cents FROM leads WHERE id = 2")), QStringLiteral("150000000"));
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT table_name, row_id, op, fields, base_row_version FROM outbox")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("leads"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("2"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("update"));
    const QJsonObject fields = QJsonDocument::fromJson(q.value(3).toByteArray()).object();
    QCOMPARE(fields.value(QStringLiteral("amount_cents")).toInteger(), 150000000);
    QCOMPARE(fields.value(QStringLiteral("pain_keywords")).toString(), QStringLiteral("报表慢"));
    QVERIFY(fields.contains(QStringLiteral("updated_at")));
    QCOMPARE(q.value(4).toInt(), 0);

    // A stage move writes the lead and its history row: two entries, one transaction.
    const QString quote = fixture::stageId(m_db->connection(), "lifecycle", "quote");
    QVERIFY(leads.moveStage(QStringLiteral("2"), quote, QStringLiteral("100"), QStringLiteral("方案确认")).ok);
    QCOMPARE(outboxCount(), 3);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM outbox WHERE table_name = 'stage_history' AND op = 'insert'")),
             QStringLiteral("1"));
}

void TestRepositories::refusedEditWritesNothing_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("negative amount") << "amount_cents" << QVariant(-5);
    QTest::newRow("probability over 100") << "probability" << QVariant(130);
    QTest::newRow("unknown status") << "status" << QVariant(QStringLiteral("maybe"));
    QTest::newRow("lost without reason") << "status" << QVariant(QStringLiteral("lost"));
    QTest::newRow("empty title") << "title" << QVariant(QStringLiteral("  "));
    QTest::newRow("not a date") << "expected_close" << QVariant(QStringLiteral("31/02/2026"));
    QTest::newRow("10 MB of text") << "tags" << QVariant(QString(10 * 1024 * 1024, QLatin1Char('x')));
    QTest::newRow("a column that is not editable") << "row_version" << QVariant(5);
    QTest::newRow("SQL in the column name") << "title = 'x'; DROP TABLE leads; --" << QVariant(1);
}

void TestRepositories::refusedEditWritesNothing()
{
    QFETCH(QString, field);
    QFETCH(QVariant, value);
    LeadRepository leads(*m_db);
    const QString before = this->value(QStringLiteral("SELECT cockpit_iso(updated_at) || title || amount_cents FROM leads WHERE id = 1"));
    const auto r = leads.update(QStringLiteral("1"), {{field, value}}, QStringLiteral("100"));
    QVERIFY(!r.ok);
    QVERIFY(!r.error.isEmpty());
    QVERIFY(r.error.size() < 300); // a message, not the 10 MB echoed back
    QCOMPARE(outboxCount(), 0);
    QCOMPARE(this->value(QStringLiteral("SELECT cockpit_iso(updated_at) || title || amount_cents FROM leads WHERE id = 1")), before);
    QCOMPARE(this->value(QStringLiteral("SELECT count(*) FROM leads")), QStringLiteral("3"));
}

void TestRepositories::gateRefusesWithMissingFields()
{
    LeadRepository leads(*m_db);
    const QString diagnose = fixture::stageId(m_db->connection(), "lifecycle", "diagnose");
    // lead-1 sits in 15分钟初筛, whose exit gate needs three fields; it has only a budget band.
    QVERIFY(leads.update(QStringLiteral("1"), {{QStringLiteral("budget_band"), QStringLiteral("50万+")}},
                         QStringLiteral("100")).ok);
    const int outboxBefore = outboxCount();
    const auto r = leads.moveStage(QStringLiteral("1"), diagnose, QStringLiteral("100"), {});
    QVERIFY(!r.ok);
    QCOMPARE(r.missingGate, (QStringList{QStringLiteral("pain_keywords"), QStringLiteral("decision_role")}));
    QVERIFY2(r.error.contains(QLatin1String("Customer pain keywords")), qPrintable(r.error));
    QVERIFY(r.error.contains(QLatin1String("Decision-chain role")));
    QVERIFY(!r.error.contains(QLatin1String("Budget band")));
    QCOMPARE(outboxCount(), outboxBefore);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM stage_history WHERE lead_id = 1")), QStringLiteral("1"));
    // Jumping two stages ahead must pass every gate on the way, not only the last.
    const QString quote = fixture::stageId(m_db->connection(), "lifecycle", "quote");
    QVERIFY(!leads.moveStage(QStringLiteral("1"), quote, QStringLiteral("100"), {}).ok);
}

void TestRepositories::gatePassesOnceFieldsFilled()
{
    LeadRepository leads(*m_db);
    QVERIFY(leads.update(QStringLiteral("1"),
                         {{QStringLiteral("pain_keywords"), QStringLiteral("质检漏检")},
                          {QStringLiteral("budget_band"), QStringLiteral("50万+")},
                          {QStringLiteral("decision_role"), QStringLiteral("decision_maker")}},
                         QStringLiteral("100")).ok);
    const QString diagnose = fixture::stageId(m_db->connection(), "lifecycle", "diagnose");
    const auto r = leads.moveStage(QStringLiteral("1"), diagnose, QStringLiteral("100"), QStringLiteral("初筛完成"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(value(QStringLiteral("SELECT stage_id FROM leads WHERE id = 1")), diagnose);
    const auto history = leads.stageHistory(QStringLiteral("1"));
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.first().fromStageId, fixture::stageId(m_db->connection(), "lifecycle", "screen"));
    QCOMPARE(history.first().toStageId, diagnose);
    QCOMPARE(history.first().byName, QStringLiteral("赵总"));
    QCOMPARE(history.first().reason, QStringLiteral("初筛完成"));
    // Moving into the closing stage wins the deal.
    const QString sign = fixture::stageId(m_db->connection(), "lifecycle", "sign");
    const auto won = leads.moveStage(QStringLiteral("1"), sign, QStringLiteral("100"), {});
    QVERIFY2(won.ok, qPrintable(won.error));
    QCOMPARE(value(QStringLiteral("SELECT status FROM leads WHERE id = 1")), QStringLiteral("won"));
    QVERIFY(value(QStringLiteral("SELECT closed_at FROM leads WHERE id = 1")) != QLatin1String(""));
}

void TestRepositories::backwardMoveNeedsNoGate()
{
    LeadRepository leads(*m_db);
    const QString registerStage = fixture::stageId(m_db->connection(), "lifecycle", "register");
    const auto back = leads.moveStage(QStringLiteral("1"), registerStage, QStringLiteral("100"), {});
    QVERIFY2(back.ok, qPrintable(back.error));
    // A stage of another pipeline is refused.
    const QString b2b = fixture::stageId(m_db->connection(), "b2b", "confirm");
    QVERIFY(!leads.moveStage(QStringLiteral("1"), b2b, QStringLiteral("100"), {}).ok);
}

void TestRepositories::createCustomerValidatesSixFields_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("name") << "name";
    QTest::newRow("phone") << "phone";
    QTest::newRow("core_need") << "core_need";
    QTest::newRow("close_cycle_days") << "close_cycle_days";
    QTest::newRow("owner_id") << "owner_id";
    QTest::newRow("source") << "source";
}

void TestRepositories::createCustomerValidatesSixFields()
{
    QFETCH(QString, field);
    NewCustomer c{QStringLiteral("西门子"), QStringLiteral("010 6476 8888"), QStringLiteral("能耗管理"),
                  QStringLiteral("101"), QStringLiteral("展会"), 90, QStringLiteral("Siemens"), {}, {}, {}, {}};
    QVERIFY(CustomerRepository::validate(c).isEmpty());
    if (field == QLatin1String("name")) c.name.clear();
    if (field == QLatin1String("phone")) c.phone = QStringLiteral("12ab");
    if (field == QLatin1String("core_need")) c.coreNeed = QStringLiteral("  ");
    if (field == QLatin1String("close_cycle_days")) c.closeCycleDays = 0;
    if (field == QLatin1String("owner_id")) c.ownerId.clear();
    if (field == QLatin1String("source")) c.source.clear();
    CustomerRepository repo(*m_db);
    const auto r = repo.create(c, QStringLiteral("100"));
    QVERIFY(!r.ok);
    QCOMPARE(r.missing, QStringList{field});
    QVERIFY(r.error.contains(CustomerRepository::fieldLabel(field)));
    QCOMPARE(outboxCount(), 0);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM customers")), QStringLiteral("3"));
}

void TestRepositories::createRemoveRestoreCustomer()
{
    CustomerRepository repo(*m_db);
    m_db->announceChanges(); // the fixture's own writes, not part of what is checked
    QSignalSpy added(m_db, &Database::changed);
    const NewCustomer c{QStringLiteral("西门子"), QStringLiteral("010 6476 8888"), QStringLiteral("能耗管理"),
                        QStringLiteral("101"), QStringLiteral("展会"), 90, QStringLiteral("Siemens"), {}, {}, {}, {}};
    const auto r = repo.create(c, QStringLiteral("100"));
    QVERIFY2(r.ok, qPrintable(r.error));
    // The new row's key comes from SQLite, its global id is a fresh UUID.
    QVERIFY2(r.id.toLongLong() > 0, qPrintable(r.id));
    const QString uuid = uuidForKey(m_db->connection(), QStringLiteral("customers"), r.id);
    QCOMPARE(uuid.size(), 36);
    QCOMPARE(uuid.count(QLatin1Char('-')), 4);
    QCOMPARE(added.count(), 1);
    const ChangeSet set = added.at(0).at(0).value<ChangeSet>();
    bool inserted = false;
    for (const TableChange &c : set.changes)
        if (c.table == QLatin1String("customers") && c.kind == ChangeKind::Inserted)
            inserted = m_db->idsOfRows(c.table, c.rows) == QStringList{r.id};
    QVERIFY(inserted);
    QCOMPARE(value(QStringLiteral("SELECT pinyin_full || '/' || pinyin_initials || '/' || region_id FROM customers WHERE name = '西门子'")),
             QStringLiteral("ximenzi/xmz/1")); // r1, the owner's region when none was given
    QCOMPARE(outboxCount(), 1);
    QString error;
    QVERIFY(repo.remove(r.id, &error));
    QCOMPARE(value(QStringLiteral("SELECT deleted FROM customers WHERE id = %1").arg(r.id)), QStringLiteral("1"));
    QVERIFY(repo.restore(r.id, &error));
    QCOMPARE(value(QStringLiteral("SELECT deleted FROM customers WHERE id = %1").arg(r.id)), QStringLiteral("0"));
    QCOMPARE(outboxCount(), 3);
    QCOMPARE(repo.contacts(QStringLiteral("1")).size(), 1);
    QCOMPARE(repo.openLeads(QStringLiteral("2")).size(), 1);
    QCOMPARE(repo.openLeads(QStringLiteral("3")).size(), 0); // won, not open
}

void TestRepositories::bulkLoadReadsCatalog()
{
    CatalogData data;
    QString error;
    QVERIFY2(loadCatalog(m_db->path(), data, &error), qPrintable(error));
    QCOMPARE(int(data.regions.size()), 1);
    QCOMPARE(int(data.users.size()), 3);
    QCOMPARE(int(data.customers.size()), 3);
    QCOMPARE(int(data.leads.size()), 3);
    QCOMPARE(int(data.stages.size()), 15);
    QCOMPARE(data.currentUserId, QStringLiteral("100"));
    CatalogIndex ix;
    ix.build(data);
    const LeadRow &l2 = data.leads[size_t(ix.lead(QStringLiteral("2")))];
    QCOMPARE(l2.amountCents, qint64(120000000));
    QCOMPARE(data.customers[size_t(l2.customer)].name, QStringLiteral("华为"));
    QCOMPARE(data.users[size_t(l2.owner)].name, QStringLiteral("李强"));
    QCOMPARE(data.stages[size_t(l2.stage)].name, QStringLiteral("需求诊断"));
    QCOMPARE(l2.status, LeadStatus::Open);
    QCOMPARE(data.leads[size_t(ix.lead(QStringLiteral("3")))].status, LeadStatus::Won);
    QCOMPARE(l2.stageEnteredAt, QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
    // After an edit, one row reads back on its own.
    LeadRepository(*m_db).update(QStringLiteral("2"), {{QStringLiteral("title"), QStringLiteral("新标题")}}, {});
    LeadRow fresh;
    QVERIFY(loadLeadRow(m_db->handle(), QStringLiteral("2"), ix, fresh));
    QCOMPARE(fresh.title, QStringLiteral("新标题"));
}

void TestRepositories::previewHoldsNewestLeads()
{
    QVERIFY(fixture::exec(m_db->connection(), QStringLiteral("UPDATE leads SET updated_at = cockpit_secs('2026-11-20T00:00:00Z') WHERE id = 3")));
    QVERIFY(fixture::exec(m_db->connection(), QStringLiteral("UPDATE leads SET updated_at = cockpit_secs('2026-11-10T00:00:00Z') WHERE id = 1")));
    qint64 leads = 0, customers = 0;
    QString error;
    QVERIFY(countCatalog(m_db->path(), &leads, &customers, &error));
    QCOMPARE(leads, qint64(3));
    QCOMPARE(customers, qint64(3));
    CatalogData preview;
    QVERIFY2(loadCatalogPreview(m_db->path(), 2, preview, &error), qPrintable(error));
    QVERIFY(!preview.complete);
    QCOMPARE(preview.totalLeads, qint64(3));
    QCOMPARE(int(preview.leads.size()), 2);
    QCOMPARE(preview.leads[0].id, QStringLiteral("3")); // newest first
    QCOMPARE(preview.leads[1].id, QStringLiteral("1"));
    QCOMPARE(int(preview.customers.size()), 2); // only the customers those leads need
    for (const LeadRow &l : preview.leads)
        QVERIFY(l.customer >= 0 && l.owner >= 0 && l.stage >= 0);
    QCOMPARE(preview.index.lead(QStringLiteral("2")), -1);
    // A cancelled full load stops and says so.
    std::atomic_bool cancel{true};
    CatalogData full;
    QVERIFY(!loadCatalog(m_db->path(), full, &error, &cancel));
    QCOMPARE(error, QStringLiteral("cancelled"));
}

void TestRepositories::parsesIsoTimes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("epoch") << QByteArray("1970-01-01T00:00:00Z") << qint64(0);
    QTest::newRow("date and time") << QByteArray("2026-11-22T05:34:36Z")
                                   << QDateTime(QDate(2026, 11, 22), QTime(5, 34, 36), Qt::UTC).toSecsSinceEpoch();
    QTest::newRow("leap day") << QByteArray("2024-02-29") << QDateTime(QDate(2024, 2, 29), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    QTest::newRow("empty") << QByteArray("") << qint64(0);
    QTest::newRow("garbage") << QByteArray("yesterday-ish") << qint64(0);
    QTest::newRow("month 13") << QByteArray("2026-13-01") << qint64(0);
}

void TestRepositories::parsesIsoTimes()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, expected);
    QCOMPARE(parseIsoSeconds(text.constData(), int(text.size())), expected);
}

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"

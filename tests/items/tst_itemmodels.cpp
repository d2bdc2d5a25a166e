// Item models under QAbstractItemModelTester (alive for the whole test, created before
// the models change): loading, filters, pinyin search, sorting, precise updates after edits.
#include "items/catalog.h"
#include "items/customerfiltermodel.h"
#include "items/customertablemodel.h"
#include "storage/database.h"
#include "items/leadfiltermodel.h"
#include "storage/leadrepository.h"
#include "storage/customerrepository.h"
#include "items/leadtablemodel.h"
#include "items/recordtablemodel.h"
#include "items/timeline.h"

#include "fixture.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTimeZone>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;

class TestItemModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void leadTableShowsCatalog();
    void leadSearch_data();
    void leadSearch();
    void leadFilters();
    void leadSortByAmount();
    void leadEditUpdatesOneRow();
    void leadsWrittenByAnotherConnection();
    void customerSearch_data();
    void customerSearch();
    void customerAddedAndRemoved();
    void recordTable();
    void previewThenFullKeepsEdits();
    void timelineGroupsByDayNewestFirst();
    void timelineModelTree();

private:
    QStringList customersShown(QAbstractItemModel *m, int column)
    {
        QStringList out;
        for (int r = 0; r < m->rowCount(); ++r)
            out << m->index(r, column).data().toString();
        return out;
    }

    QTemporaryDir *m_dir = nullptr;
    storage::Database *m_db = nullptr;
    Catalog *m_catalog = nullptr;
    LeadTableModel *m_leads = nullptr;
    LeadFilterModel *m_leadFilter = nullptr;
    CustomerTableModel *m_customers = nullptr;
    CustomerFilterModel *m_customerFilter = nullptr;
    QList<QAbstractItemModelTester *> m_testers;
};

void TestItemModels::init()
{
    m_dir = new QTemporaryDir;
    m_db = new storage::Database;
    QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("m.db")), storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(*m_db));
    m_catalog = new Catalog(*m_db);
    m_leads = new LeadTableModel(*m_catalog);
    m_leadFilter = new LeadFilterModel(*m_catalog, *m_leads);
    m_customers = new CustomerTableModel(*m_catalog);
    m_customerFilter = new CustomerFilterModel(*m_catalog, *m_customers);
    for (QAbstractItemModel *m : std::initializer_list<QAbstractItemModel *>{m_leads, m_leadFilter, m_customers, m_customerFilter})
        m_testers << new QAbstractItemModelTester(m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(m_catalog->load(&error), qPrintable(error)); // the models reset under the testers
}

void TestItemModels::cleanup()
{
    qDeleteAll(m_testers);
    m_testers.clear();
    delete m_customerFilter;
    delete m_customers;
    delete m_leadFilter;
    delete m_leads;
    delete m_catalog;
    delete m_db;
    delete m_dir;
}

void TestItemModels::leadTableShowsCatalog()
{
    QCOMPARE(m_leads->rowCount(), 3);
    QCOMPARE(m_leads->columnCount(), int(LeadTableModel::ColumnCount));
    QCOMPARE(m_leadFilter->rowCount(), 3);
    const int row = m_leads->rowOfId(QStringLiteral("2"));
    QCOMPARE(m_leads->index(row, LeadTableModel::CustomerColumn).data().toString(), QStringLiteral("华为"));
    QCOMPARE(m_leads->index(row, LeadTableModel::OwnerColumn).data().toString(), QStringLiteral("李强"));
    QCOMPARE(m_leads->index(row, LeadTableModel::StageColumn).data().toString(), QStringLiteral("需求诊断"));
    QCOMPARE(m_leads->index(row, LeadTableModel::RegionColumn).data().toString(), QStringLiteral("华东"));
    QVERIFY(m_leads->index(row, LeadTableModel::AmountColumn).data().toString().contains(QLatin1String("1,200,000")));
    QCOMPARE(m_leads->index(row, 0).data(LeadTableModel::IdRole).toString(), QStringLiteral("2"));
    // Two hours of SLA: a lead entered on 1 November is overdue on the 2nd.
    m_leads->setNow(QDateTime(QDate(2026, 11, 2), QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
    QVERIFY(m_leads->index(row, 0).data(LeadTableModel::OverdueRole).toBool());
    QCOMPARE(m_leads->index(row, LeadTableModel::DaysInStageColumn).data().toString(), QStringLiteral("1.0"));
    const int won = m_leads->rowOfId(QStringLiteral("3"));
    QVERIFY(!m_leads->index(won, 0).data(LeadTableModel::OverdueRole).toBool());
    QCOMPARE(m_leadFilter->sumAmountCents(), qint64(30000000 + 120000000 + 5000000));
}

void TestItemModels::leadSearch_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("customers");
    QTest::newRow("Chinese name") << "博世" << QStringList{QStringLiteral("博世")};
    QTest::newRow("alias lower case") << "bosch" << QStringList{QStringLiteral("博世")};
    QTest::newRow("alias mixed case") << "BoScH" << QStringList{QStringLiteral("博世")};
    QTest::newRow("pinyin initials") << "bsz" << QStringList{QStringLiteral("博世")}; // 博世 质检系统
    QTest::newRow("full pinyin") << "huawei" << QStringList{QStringLiteral("华为")};
    QTest::newRow("initials hw") << "hw" << QStringList{QStringLiteral("华为")};
    QTest::newRow("polyphone chongqing") << "chongqing" << QStringList{QStringLiteral("重庆长江精工机械有限公司")};
    QTest::newRow("owner by pinyin") << "lq" << QStringList{QStringLiteral("华为")};
    QTest::newRow("lead title") << "数据平台" << QStringList{QStringLiteral("华为")};
    QTest::newRow("lead title by pinyin") << "lwgz" << QStringList{QStringLiteral("重庆长江精工机械有限公司")}; // 联网改造
    QTest::newRow("empty shows all") << "" << QStringList{QStringLiteral("博世"), QStringLiteral("华为"), QStringLiteral("重庆长江精工机械有限公司")};
    QTest::newRow("nothing matches") << "xyzzy" << QStringList{};
}

void TestItemModels::leadSearch()
{
    QFETCH(QString, query);
    QFETCH(QStringList, customers);
    m_leadFilter->setSearch(query);
    QStringList shown = customersShown(m_leadFilter, LeadTableModel::CustomerColumn);
    shown.sort();
    customers.sort();
    QCOMPARE(shown, customers);
}

void TestItemModels::leadFilters()
{
    const auto &ix = m_catalog->index();
    LeadFilter f;
    f.owner = ix.user(QStringLiteral("101"));
    m_leadFilter->setFilter(f);
    QCOMPARE(m_leadFilter->rowCount(), 2);
    f.status = int(storage::LeadStatus::Won);
    m_leadFilter->setFilter(f);
    QCOMPARE(m_leadFilter->rowCount(), 1);
    QCOMPARE(m_leadFilter->index(0, LeadTableModel::TitleColumn).data().toString(), QStringLiteral("长江精工 联网改造"));
    f = LeadFilter();
    f.stage = m_catalog->index().stage(fixture::stageId(m_db->connection(), "lifecycle", "screen"));
    m_leadFilter->setFilter(f);
    QCOMPARE(m_leadFilter->rowCount(), 1);
    f = LeadFilter();
    f.pipeline = m_catalog->pipelineOfStage(f.stage >= 0 ? f.stage : m_catalog->data().leads[0].stage);
    m_leadFilter->setFilter(f);
    QCOMPARE(m_leadFilter->rowCount(), 3);
    f.region = 0;
    f.city = 0;
    f.team = 0;
    m_leadFilter->setFilter(f);
    QCOMPARE(m_leadFilter->rowCount(), 3);
}

void TestItemModels::leadSortByAmount()
{
    m_leadFilter->sort(LeadTableModel::AmountColumn, Qt::DescendingOrder);
    QCOMPARE(customersShown(m_leadFilter, LeadTableModel::CustomerColumn),
             (QStringList{QStringLiteral("华为"), QStringLiteral("博世"), QStringLiteral("重庆长江精工机械有限公司")}));
    // Customer names sort by pinyin: bo < hua < zhong.
    m_leadFilter->sort(LeadTableModel::CustomerColumn, Qt::AscendingOrder);
    QCOMPARE(customersShown(m_leadFilter, LeadTableModel::CustomerColumn),
             (QStringList{QStringLiteral("博世"), QStringLiteral("华为"), QStringLiteral("重庆长江精工机械有限公司")}));
    // A persistent index follows its row through a sort.
    const QPersistentModelIndex p = m_leadFilter->index(0, 0);
    m_leadFilter->sort(LeadTableModel::CustomerColumn, Qt::DescendingOrder);
    QCOMPARE(p.row(), 2);
    QCOMPARE(p.data().toString(), QStringLiteral("博世"));
}

void TestItemModels::leadEditUpdatesOneRow()
{
    QSignalSpy changed(m_leads, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_leads, &QAbstractItemModel::modelReset);
    storage::LeadRepository repo(*m_db);
    QVERIFY(repo.update(QStringLiteral("1"), {{QStringLiteral("amount_cents"), 99900}}, {}).ok);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    const int row = m_leads->rowOfId(QStringLiteral("1"));
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), row);
    QVERIFY(m_leads->index(row, LeadTableModel::AmountColumn).data().toString().contains(QLatin1String("999")));
    // A filtered view drops a row that no longer matches, and shows one that now does.
    LeadFilter open;
    open.status = int(storage::LeadStatus::Open);
    m_leadFilter->setFilter(open);
    QCOMPARE(m_leadFilter->rowCount(), 2);
    QVERIFY(repo.update(QStringLiteral("1"), {{QStringLiteral("status"), QStringLiteral("lost")},
                                                   {QStringLiteral("lost_reason"), QStringLiteral("预算取消")}}, {}).ok);
    QCOMPARE(m_leadFilter->rowCount(), 1);
    QVERIFY(repo.update(QStringLiteral("3"), {{QStringLiteral("status"), QStringLiteral("open")}}, {}).ok);
    QCOMPARE(m_leadFilter->rowCount(), 2);
}

// A background pull writes on a connection of its own, opened with the file's change sink
// (sync::SyncService's worker): the open Leads screen hears its commits as it hears an edit.
// New leads appear where the sort puts them, tombstoned or removed ones disappear, with no
// reset: the selection stays on its row.
void TestItemModels::leadsWrittenByAnotherConnection()
{
    m_leadFilter->sort(LeadTableModel::AmountColumn, Qt::DescendingOrder);
    const QPersistentModelIndex selected = m_leadFilter->index(1, LeadTableModel::CustomerColumn);
    QCOMPARE(selected.data().toString(), QStringLiteral("博世"));
    const int huawei = m_catalog->index().customer(QStringLiteral("2"));
    const int huaweiOpen = m_customers->openLeads(huawei);
    QSignalSpy inserted(m_leads, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_leadFilter, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(m_leadFilter, &QAbstractItemModel::modelReset);
    const QString name = QStringLiteral("like-a-pull");
    QString error;
    auto exec = [&](const QString &sql) {
        QSqlQuery q(QSqlDatabase::database(name, false));
        if (!q.exec(sql))
            error = q.lastError().text();
        return error.isEmpty();
    };
    QSqlDatabase other = storage::openConnection(m_db->path(), name, storage::Access::ReadWrite, &error,
                                                 m_db->changeSink());
    QVERIFY2(other.isOpen(), qPrintable(error));
    // Two copies of 华为's lead 2 under new keys (as a pull inserts them): 800 000 and 600 000 yuan.
    QStringList columns;
    QSqlQuery info(other);
    QVERIFY(info.exec(QStringLiteral("PRAGMA table_info(leads)")));
    while (info.next())
        if (info.value(1).toString() != QLatin1String("id") && info.value(1).toString() != QLatin1String("uuid"))
            columns << info.value(1).toString();
    auto copyOfLead2 = [&](int key, qint64 cents, const QString &title) {
        QStringList select = columns;
        select.replace(columns.indexOf(QStringLiteral("amount_cents")), QString::number(cents));
        select.replace(columns.indexOf(QStringLiteral("title")), QStringLiteral("'%1'").arg(title));
        return QStringLiteral("INSERT INTO leads (id, %1) SELECT %2, %3 FROM leads WHERE id = 2")
            .arg(columns.join(QStringLiteral(", ")))
            .arg(key)
            .arg(select.join(QStringLiteral(", ")));
    };
    QVERIFY2(exec(QStringLiteral("BEGIN")) && exec(copyOfLead2(100, 80000000, QStringLiteral("拉取的线索")))
                 && exec(copyOfLead2(101, 60000000, QStringLiteral("另一条"))) && exec(QStringLiteral("COMMIT")),
             qPrintable(error));
    QVERIFY(inserted.wait());
    QCOMPARE(m_leads->rowCount(), 5);
    QCOMPARE(m_leadFilter->rowCount(), 5);
    QCOMPARE(customersShown(m_leadFilter, LeadTableModel::TitleColumn).mid(1, 2),
             (QStringList{QStringLiteral("拉取的线索"), QStringLiteral("另一条")})); // by amount, descending
    QCOMPARE(selected.row(), 3);
    QCOMPARE(selected.data().toString(), QStringLiteral("博世"));
    QCOMPARE(m_customers->openLeads(huawei), huaweiOpen + 2);
    QCOMPARE(m_catalog->liveLeads(), qint64(5));
    // A server tombstone (a deletion, or the lead moved to another region) hides the row.
    QVERIFY2(exec(QStringLiteral("UPDATE leads SET deleted = 1 WHERE id = 100")), qPrintable(error));
    QVERIFY(removed.wait());
    QCOMPARE(m_leadFilter->rowCount(), 4);
    QVERIFY(!customersShown(m_leadFilter, LeadTableModel::TitleColumn).contains(QStringLiteral("拉取的线索")));
    QCOMPARE(m_customers->openLeads(huawei), huaweiOpen + 1);
    // A row removed outright (a pull's clean-up of a never-finished copy) goes too.
    QVERIFY2(exec(QStringLiteral("DELETE FROM leads WHERE id = 101")), qPrintable(error));
    QVERIFY(removed.wait());
    QCOMPARE(m_leadFilter->rowCount(), 3);
    QCOMPARE(m_customers->openLeads(huawei), huaweiOpen);
    QCOMPARE(m_catalog->liveLeads(), qint64(3));
    QCOMPARE(selected.data().toString(), QStringLiteral("博世"));
    QCOMPARE(reset.count(), 0);
    other = QSqlDatabase();
    storage::closeConnection(name, m_db->changeSink());
}

void TestItemModels::customerSearch_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("rows");
    QTest::newRow("bs") << "bs" << 1;
    QTest::newRow("bosch") << "bosch" << 1;
    QTest::newRow("博世") << "博世" << 1;
    QTest::newRow("hw") << "hw" << 1;
    QTest::newRow("cq") << "cq" << 1;
    QTest::newRow("zhongqing (first reading)") << "zhongqing" << 1;
    QTest::newRow("spaces ignored") << "bo shi" << 1;
    QTest::newRow("empty") << "" << 3;
    QTest::newRow("no match") << "qqqq" << 0;
}

void TestItemModels::customerSearch()
{
    QFETCH(QString, query);
    QFETCH(int, rows);
    m_customerFilter->setSearch(query);
    QCOMPARE(m_customerFilter->rowCount(), rows);
}

void TestItemModels::customerAddedAndRemoved()
{
    QSignalSpy inserted(m_customers, &QAbstractItemModel::rowsInserted);
    m_customerFilter->setSearch(QStringLiteral("xmz"));
    QCOMPARE(m_customerFilter->rowCount(), 0);
    storage::CustomerRepository repo(*m_db);
    const auto r = repo.create({QStringLiteral("西门子"), QStringLiteral("010 6476 8888"), QStringLiteral("能耗管理"),
                                QStringLiteral("101"), QStringLiteral("展会"), 90, QStringLiteral("Siemens"), {}, {}, {}, {}},
                               {});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(m_customers->rowCount(), 4);
    QCOMPARE(m_customerFilter->rowCount(), 1); // the new row matches the live search
    QString error;
    QVERIFY(repo.remove(r.id, &error));
    QCOMPARE(m_customerFilter->rowCount(), 0); // a tombstoned customer is hidden
    QCOMPARE(m_customers->openLeads(m_catalog->index().customer(QStringLiteral("1"))), 1);
}

void TestItemModels::recordTable()
{
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setHeaders({QStringLiteral("A"), QStringLiteral("B")});
    model.setRows({{QStringLiteral("1"), QStringLiteral("2")}, {QStringLiteral("3")}}, {QStringLiteral("k1"), QStringLiteral("k2")});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, 0).data(RecordTableModel::KeyRole).toString(), QStringLiteral("k2"));
    QCOMPARE(model.index(1, 1).data().toString(), QString()); // short rows are padded
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("B"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestItemModels::previewThenFullKeepsEdits()
{
    QString error;
    storage::CatalogData preview;
    QVERIFY(storage::loadCatalogPreview(m_db->path(), 1, preview, &error));
    m_catalog->adopt(std::move(preview)); // the models reset under their testers
    QVERIFY(!m_catalog->isComplete());
    QCOMPARE(m_leads->rowCount(), 1);
    QCOMPARE(m_catalog->totalLeads(), qint64(3));
    // Load the full data, then edit a lead that is not in the preview before adopting it:
    // the edit must survive the swap even though the full snapshot predates it.
    storage::CatalogData full;
    QVERIFY(storage::loadCatalog(m_db->path(), full, &error));
    const QString notShown = m_catalog->data().leads[0].id == QLatin1String("2") ? QStringLiteral("1")
                                                                                 : QStringLiteral("2"); // lead-1 / lead-2
    QVERIFY(storage::LeadRepository(*m_db).update(notShown, {{QStringLiteral("title"), QStringLiteral("预览期间的修改")}}, {}).ok);
    m_catalog->adopt(std::move(full));
    QVERIFY(m_catalog->isComplete());
    QCOMPARE(m_leads->rowCount(), 3);
    QCOMPARE(m_leads->index(m_leads->rowOfId(notShown), LeadTableModel::TitleColumn).data().toString(),
             QStringLiteral("预览期间的修改"));
}

void TestItemModels::timelineGroupsByDayNewestFirst()
{
    using cockpit::storage::ActivityItem;
    using cockpit::storage::StageMove;
    // Beijing (UTC+8): 2026-11-20T17:30Z is already 21 Nov locally.
    const QTimeZone bj("Asia/Shanghai");
    const QList<StageMove> moves{
        {QStringLiteral("2026-11-19T02:00:00Z"), QString(), QStringLiteral("s1"), QStringLiteral("王"), QString()},
        {QStringLiteral("2026-11-20T17:30:00Z"), QStringLiteral("s1"), QStringLiteral("s2"), QStringLiteral("王"),
         QStringLiteral("预算确认")},
    };
    const QList<ActivityItem> acts{
        {QStringLiteral("2026-11-20T17:30:00Z"), QStringLiteral("call"), QStringLiteral("sales"), QStringLiteral("王"),
         QStringLiteral("电话"), 60},
        {QStringLiteral("2026-11-20T09:00:00Z"), QStringLiteral("wechat"), QStringLiteral("customer"), QString(),
         QStringLiteral("好的"), 0},
        {QStringLiteral("not a time"), QStringLiteral("call"), QStringLiteral("sales"), QString(), QString(), 0},
    };
    auto stage = [](const QString &id) -> QString { return id.toUpper(); };
    auto kind = [](const QString &k) -> QString { return QStringLiteral("K:") + k; };
    const auto days = cockpit::buildTimeline(moves, acts, bj, stage, kind);
    QCOMPARE(days.size(), 3);
    QCOMPARE(days[0].day, QDate(2026, 11, 21));
    QCOMPARE(days[0].entries.size(), 2);
    // Same instant: the move comes before the call.
    QCOMPARE(days[0].entries[0].kind, cockpit::TimelineEntry::Kind::StageMove);
    QVERIFY(days[0].entries[0].what.contains(QLatin1String("S1")) && days[0].entries[0].what.contains(QLatin1String("S2")));
    QCOMPARE(days[0].entries[0].text, QStringLiteral("预算确认"));
    QCOMPARE(days[0].entries[1].what, QStringLiteral("K:call"));
    QCOMPARE(days[1].day, QDate(2026, 11, 20));
    QCOMPARE(days[1].entries[0].direction, QStringLiteral("customer"));
    QCOMPARE(days[2].day, QDate(2026, 11, 19));
    QVERIFY(days[2].entries[0].what.contains(QLatin1String("S1")));
    // The unreadable time was dropped: 4 of 5 records shown.
    int n = 0;
    for (const auto &d : days)
        n += int(d.entries.size());
    QCOMPARE(n, 4);
    // In UTC the late move falls on the 20th: two days only.
    QCOMPARE(cockpit::buildTimeline(moves, acts, QTimeZone::utc(), stage, kind).size(), 2);
}

void TestItemModels::timelineModelTree()
{
    const QList<cockpit::storage::ActivityItem> acts{
        {QStringLiteral("2026-11-21T09:00:00Z"), QStringLiteral("call"), QStringLiteral("sales"), QStringLiteral("李"), QStringLiteral("a"), 0},
        {QStringLiteral("2026-11-21T08:00:00Z"), QStringLiteral("wechat"), QStringLiteral("customer"), QString(), QStringLiteral("b"), 0},
        {QStringLiteral("2026-11-10T08:00:00Z"), QStringLiteral("visit"), QStringLiteral("sales"), QStringLiteral("李"), QStringLiteral("c"), 0},
    };
    const auto days = cockpit::buildTimeline({}, acts, QTimeZone::utc(), [](const QString &s) { return s; },
                                             [](const QString &k) { return k; });
    QStandardItemModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    cockpit::fillTimelineModel(&model, days, QDate(2026, 11, 22), QTimeZone::utc());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Yesterday (2)"));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("%1 (1)").arg(QLocale().toString(QDate(2026, 11, 10), QLocale::LongFormat)));
    QCOMPARE(model.rowCount(model.index(0, 0)), 2);
    QCOMPARE(model.rowCount(model.index(1, 0)), 1);
    // A customer response without an actor is shown as from the customer.
    QCOMPARE(model.index(1, 2, model.index(0, 0)).data().toString(), QStringLiteral("Customer"));
    QCOMPARE(model.index(0, 3, model.index(0, 0)).data().toString(), QStringLiteral("a"));
    QCOMPARE(cockpit::timelineDayLabel(QDate(2026, 11, 22), QDate(2026, 11, 22)), QStringLiteral("Today"));
}

QTEST_GUILESS_MAIN(TestItemModels)
#include "tst_itemmodels.moc"

// The Activity log screen: lists the newest records newest first; Verify runs on a worker
// thread and reports an intact log, or names and selects the altered record.
#include "storage/activitylog.h"
#include "activitylogpage.h"
#include "storage/database.h"
#include "fixture.h"

#include <QSqlDatabase>
#include <QAbstractItemModel>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;

class TestActivityLogPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsAndVerifies()
    {
        QTemporaryDir dir;
        storage::Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("page.db")), storage::Database::Mode::CreateIfMissing).ok());
        QVERIFY(fixture::populate(db));
        // Known global ids for a1 and a2 (the fixture's are random): the chain orders records
        // of one time by kind, then global id, so a1 is #0 and a2 #1.
        const QString a2 = QStringLiteral("aaaaaaaa-0000-4000-8000-000000000002");
        QVERIFY(fixture::exec(db.connection(), QStringLiteral("UPDATE activities SET uuid ="
                                                              " cockpit_uuid('aaaaaaaa-0000-4000-8000-000000000001') WHERE id = 1")));
        QVERIFY(fixture::exec(db.connection(), QStringLiteral("UPDATE activities SET uuid = cockpit_uuid('%1') WHERE id = 2").arg(a2)));
        QString error;
        QVERIFY2(storage::buildLogChain(db.connection(), &error), qPrintable(error));

        ui::ActivityLogPage page(db);
        // The search runs on a worker thread: wait for its rows after each change.
        QSignalSpy loaded(&page, &ui::ActivityLogPage::loaded);
        const auto settle = [&] {
            if (page.isLoading())
                QVERIFY(loaded.wait(10000));
        };
        page.resize(900, 500);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        settle();
        QAbstractItemModel *model = page.table()->model();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("2")); // newest first
        QCOMPARE(model->index(2, 0).data().toString(), QStringLiteral("0"));

        // Filters: each narrows the rows over the whole log and the count line says how many.
        page.searchBox()->setText(QStringLiteral("请发"));
        page.refresh(); // what the pause after typing does
        settle();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("1"));
        QVERIFY2(page.summaryText().contains(QStringLiteral("1 record")), qPrintable(page.summaryText()));
        page.clearFilters();
        settle();
        QCOMPARE(model->rowCount(), 3);
        page.actorFilter()->setCurrentIndex(page.actorFilter()->findText(QStringLiteral("王芳")));
        settle();
        QCOMPARE(model->rowCount(), 2); // her call and her stage move
        page.kindFilter()->setCurrentIndex(page.kindFilter()->findData(int(storage::LogRecordKind::StageMove)));
        settle();
        QCOMPARE(model->rowCount(), 1);
        page.clearFilters();
        settle();
        page.leadBox()->setText(QStringLiteral("华为"));
        page.refresh();
        settle();
        QCOMPARE(model->rowCount(), 0);
        page.leadBox()->setText(QStringLiteral("博世"));
        page.refresh();
        settle();
        QCOMPARE(model->rowCount(), 3);
        page.clearFilters();
        settle();
        page.fromDate()->setDate(QDate(2026, 11, 3));
        settle();
        QCOMPARE(model->rowCount(), 0);
        page.fromDate()->setDate(QDate(2026, 10, 31));
        settle();
        page.toDate()->setDate(QDate(2026, 11, 2));
        settle();
        QCOMPARE(model->rowCount(), 3);
        page.clearFilters();
        settle();
        QCOMPARE(model->rowCount(), 3);

        auto *verify = page.findChild<QPushButton *>(QStringLiteral("verifyLogButton"));
        QVERIFY(verify);
        QSignalSpy done(&page, &ui::ActivityLogPage::verifyFinished);
        QTest::mouseClick(verify, Qt::LeftButton);
        QVERIFY(done.wait(10000));
        QCOMPARE(done.takeFirst().at(0).toBool(), true);
        QVERIFY2(page.resultText().startsWith(QStringLiteral("Log intact: 3 records verified in")),
                 qPrintable(page.resultText()));

        // Alter record #1 (activity a2): Verify names it and selects its row.
        QVERIFY(fixture::exec(db.connection(), QStringLiteral("UPDATE activities SET text = '改过' WHERE log_seq = 1")));
        QTest::mouseClick(verify, Qt::LeftButton);
        QVERIFY(done.wait(10000));
        QCOMPARE(done.takeFirst().at(0).toBool(), false);
        QVERIFY2(page.resultText().contains(QStringLiteral("#1")) && page.resultText().contains(a2),
                 qPrintable(page.resultText()));
        const QModelIndexList selected = page.table()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data().toString(), QStringLiteral("1"));
    }
};

QTEST_MAIN(TestActivityLogPage)
#include "tst_activitylogpage.moc"

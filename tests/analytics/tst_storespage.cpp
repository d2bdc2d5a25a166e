// The Stores screen driven as a user would: the grid shows the stores of the scope, the colour
// filter keeps one colour, an import of store days (the import wizard the page opens) refreshes
// the grid, and Ctrl+Z (the window's undo stack) takes the import back.
#include "storage/database.h"
#include "storage/keys.h"
#include "items/editcontroller.h"
#include "fixture.h"
#include "analytics/scope.h"
#include "storegrid.h"
#include "storespage.h"
#include "importwizard.h"
#include "imports/importplan.h"

#include <QSqlDatabase>
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QPushButton>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace cockpit;
using namespace cockpit::analytics;

class TestStoresPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void gridFilterImportUndo();
};

void TestStoresPage::gridFilterImportUndo()
{
    QTemporaryDir dir;
    storage::Database database;
    QVERIFY(database.open(dir.filePath(QStringLiteral("t.db")), storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(database));
    // 上海 (c1): s1 green on 2026-11-21, s2 exposure red (60 %); 杭州 (c2): s3 with no data.
    // Keys: c2 = 2, stores sN = N, store days d1 = 1, d2 = 2.
    QVERIFY(fixture::exec(database.connection(), QStringLiteral(
        "INSERT INTO cities (id, region_id, name, updated_at) VALUES (2, 1, '杭州', cockpit_secs('2026-01-01T00:00:00Z'))")));
    QVERIFY(fixture::exec(database.connection(), QStringLiteral(
        "INSERT INTO stores (id, name, region_id, city_id, opened_on, updated_at) VALUES"
        " (1, '上海徐汇体验店', 1, 1, cockpit_day('2024-01-01'), cockpit_secs('2026-01-01T00:00:00Z')),"
        " (2, '上海浦东体验店', 1, 1, cockpit_day('2024-01-01'), cockpit_secs('2026-01-01T00:00:00Z')),"
        " (3, '杭州西湖体验店', 1, 2, cockpit_day('2024-01-01'), cockpit_secs('2026-01-01T00:00:00Z'))")));
    QVERIFY(fixture::exec(database.connection(), QStringLiteral(
        "INSERT INTO store_days (id, store_id, day, staff, receptions, exposure_bp, dwell_seconds, experiences,"
        " deals_72h, updated_at) VALUES"
        " (1, 1, cockpit_day('2026-11-21'), 5, 70, 9500, 220, 20, 5, cockpit_secs('2026-11-21T00:00:00Z')),"
        " (2, 2, cockpit_day('2026-11-21'), 5, 70, 6000, 220, 20, 5, cockpit_secs('2026-11-21T00:00:00Z'))")));
    ScopeState scope({Period::quarter(QDate(2026, 11, 21)), OrgScope::company()});
    QUndoStack undo;
    EditController edits(database, undo);
    analytics::FigureService figures(database);
    ui::StoresPage page(figures, scope);
    QAbstractItemModelTester tester(page.grid()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy refreshed(&page, &ui::AnalyticsPage::refreshed);
    page.resize(1200, 700);
    page.show();
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(page.grid()->model()->rowCount(), 3);
    QCOMPARE(page.codes()->countByColour[size_t(Rag::Red)], 1);
    QCOMPARE(page.codes()->countByColour[size_t(Rag::Grey)], 1);
    // Worst first, the letter and value in the cell.
    QCOMPARE(page.grid()->model()->index(0, ui::StoreGridModel::Store).data().toString(), QStringLiteral("上海浦东体验店"));
    QCOMPARE(page.grid()->model()->index(0, ui::StoreGridModel::Exposure).data().toString(), QStringLiteral("R 60.0%"));

    // Colour filter: only the green one.
    page.colourFilter()->setCurrentIndex(page.colourFilter()->findData(int(Rag::Green)));
    QCOMPARE(page.grid()->model()->rowCount(), 1);
    QCOMPARE(page.grid()->model()->index(0, 0).data(ui::StoreGridModel::StoreIdRole).toString(), QStringLiteral("1"));
    page.colourFilter()->setCurrentIndex(0);
    QCOMPARE(page.grid()->model()->rowCount(), 3);

    // Scope: the city 杭州 has one store.
    scope.setOrg({OrgLevel::City, QStringLiteral("2")});
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(page.grid()->model()->rowCount(), 1);
    scope.setOrg(OrgScope::company());
    QVERIFY(refreshed.wait(10000));

    // Import through the page: s3 gets a green day, s2 (named by its UUID) is fixed; the grid
    // refreshes.
    const QByteArray s2 = storage::uuidForKey(database.connection(), QStringLiteral("stores"), QStringLiteral("2")).toUtf8();
    QCOMPARE(s2.size(), 36);
    const QString csv = dir.filePath(QStringLiteral("days.csv"));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("日期,门店,在岗人数,接待组数,主推品曝光率,停留时长,体验人数,72小时成交\n"
            "2026-11-21,杭州西湖体验店,4,60,95%,3.5,20,5\n"
            "2026-11-21," + s2 + ",5,70,92,3.7,20,5\n"
            "2026-11-21,南京店,5,70,92,3.7,20,5\n");
    f.close();
    const int before = int(refreshed.size());
    // What the page's Import (Ctrl+I) opens: the import wizard on the file, read as store days,
    // a stored day replaced by the file's.
    ui::ImportWizard wizard(database, edits, {csv});
    wizard.preset(imports::Entity::StoreDays, imports::OnDuplicate::Update);
    QSignalSpy imported(&wizard, &ui::ImportWizard::imported);
    wizard.goTo(ui::ImportWizard::ColumnsPage);
    wizard.goTo(ui::ImportWizard::CheckPage);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.plan() != nullptr, 10000);
    QCOMPARE(wizard.plan()->storeDays.size(), std::size_t(2));
    QCOMPARE(wizard.plan()->refusedRows(), 1); // 南京店 is not a store
    QCOMPARE(wizard.plan()->files.first().counts.created, 1);
    QCOMPARE(wizard.plan()->files.first().counts.updated, 1);
    wizard.skipRefusedBox()->setChecked(true);
    QTest::mouseClick(wizard.importButton(), Qt::LeftButton);
    QVERIFY(imported.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() > before, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(page.codes()->countByColour[size_t(Rag::Green)], 3, 10000);
    QCOMPARE(page.codes()->countByColour[size_t(Rag::Red)], 0);
    QCOMPARE(undo.count(), 1);

    // Undo: back to one red, one grey.
    const int beforeUndo = int(refreshed.size());
    undo.undo();
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() > beforeUndo, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(page.codes()->countByColour[size_t(Rag::Red)], 1, 10000);
    QCOMPARE(page.codes()->countByColour[size_t(Rag::Grey)], 1);
    const int beforeRedo = int(refreshed.size());
    undo.redo();
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() > beforeRedo, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(page.codes()->countByColour[size_t(Rag::Green)], 3, 10000);
}

QTEST_MAIN(TestStoresPage)
#include "tst_storespage.moc"

// The Alerts screen driven with keys and clicks: the worker evaluation fills the inbox, chips
// count per rule and filter, Ctrl+K acknowledges (undo restores), Ctrl+R resolves, a
// double-click asks to open the lead. A screenshot goes to <build>/screenshots.
#include "items/alertactions.h"
#include "alertspage.h"
#include "alerts/alerttablemodel.h"
#include "storage/database.h"
#include "domain/ids.h"
#include "orgfixture.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QApplication>
#include <QDir>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUndoStack>

using namespace cockpit;

class TestAlertsPage : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<AlertActions> m_actions;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ui::AlertsPage> m_page;

    QToolButton *chip(const QString &rule)
    {
        for (auto *b : m_page->findChildren<QToolButton *>(QStringLiteral("ruleChip")))
            if (b->property("rule").toString() == rule)
                return b;
        return nullptr;
    }
    QString storedAck(const QString &lead)
    {
        QSqlQuery q(m_db->connection());
        q.exec(QStringLiteral("SELECT COALESCE(acknowledged_by, '') FROM alerts WHERE lead_id = '%1'").arg(lead));
        return q.next() ? q.value(0).toString() : QStringLiteral("?");
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = std::make_unique<storage::Database>();
        QVERIFY(m_db->open(m_dir.filePath(QStringLiteral("page.db")), storage::Database::Mode::CreateIfMissing).ok());
        QVERIFY(fixture::populateWithChain(*m_db));
        m_clock = std::make_shared<ManualClock>(fromIsoUtc(QStringLiteral("2026-11-04T01:00:00Z")));
        m_stack = std::make_unique<QUndoStack>();
        m_actions = std::make_unique<AlertActions>(*m_db, *m_stack, *m_clock);
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        m_page = std::make_unique<ui::AlertsPage>(*m_db, *m_actions, m_clock, *m_settings);
        m_page->resize(1200, 600);
        m_page->show();
        QSignalSpy finished(m_page.get(), &ui::AlertsPage::evaluationFinished);
        m_page->evaluateNow();
        QVERIFY(m_page->isEvaluating());
        QVERIFY(finished.wait(20000));
    }
    void cleanupTestCase()
    {
        m_page.reset();
        m_actions.reset();
        m_db.reset();
    }

    void inboxFilledWithCounts()
    {
        // 2 stage SLA (lead-1, lead-2) and 2 silence (72 h since 2026-11-01): one row per lead
        // with both reasons; the chips count subjects.
        QCOMPARE(m_page->table()->model()->rowCount(), 2);
        QCOMPARE(m_page->model()->alerts().size(), std::size_t(4));
        for (int r = 0; r < 2; ++r) {
            const QModelIndex reasons = m_page->table()->model()->index(r, alerts::AlertTableModel::Rule);
            QCOMPARE(reasons.data().toString(), QStringLiteral("Stage SLA · Silence"));
            QVERIFY(m_page->table()->model()->index(r, alerts::AlertTableModel::Priority).data().toString().startsWith(u'P'));
        }
        QVERIFY(m_page->table()->model()->headerData(alerts::AlertTableModel::Priority, Qt::Horizontal, Qt::ToolTipRole)
                    .toString().contains(QStringLiteral("P1 at 5 points")));
        QVERIFY(chip(QStringLiteral("stage_sla"))->text().endsWith(QStringLiteral(" 2")));
        QVERIFY(chip(QStringLiteral("silence"))->text().endsWith(QStringLiteral(" 2")));
        QVERIFY(chip(QStringLiteral("duplicate_touch"))->text().endsWith(QStringLiteral(" 0")));
        QTest::mouseClick(chip(QStringLiteral("silence")), Qt::LeftButton);
        QCOMPARE(m_page->table()->model()->rowCount(), 2);
        QVERIFY(chip(QStringLiteral("stage_sla"))->text().endsWith(QStringLiteral(" 2"))); // counts ignore the chip
        m_page->table()->setCurrentIndex(m_page->table()->model()->index(0, 0));
        auto *details = m_page->findChild<QPlainTextEdit *>(QStringLiteral("alertDetails"));
        QVERIFY(details->toPlainText().contains(QStringLiteral("Silence")));
        QVERIFY(details->toPlainText().contains(QStringLiteral("Stage SLA"))); // every reason of the lead
        QTest::mouseClick(chip(QStringLiteral("silence")), Qt::LeftButton);
        QCOMPARE(m_page->table()->model()->rowCount(), 2);
    }

    void todayShowsWhatCameInTheLast24Hours()
    {
        // Raised at 2026-11-04T01:00, the clock's now: both leads are new today; a day and a
        // second later they are not (the page folds at the time it loads).
        auto *today = m_page->findChild<QToolButton *>(QStringLiteral("todayFilter"));
        QVERIFY(today);
        today->click();
        QCOMPARE(m_page->table()->model()->rowCount(), 2);
        today->click();
        std::vector<alerts::AlertRecord> copy = m_page->model()->alerts();
        m_page->model()->setAlerts(copy, {}, m_clock->now().toSecsSinceEpoch() + 24 * 3600 + 1);
        today->click();
        QCOMPARE(m_page->table()->model()->rowCount(), 0);
        today->click();
        QCOMPARE(m_page->table()->model()->rowCount(), 2);
        m_page->model()->setAlerts(copy, {}, m_clock->now().toSecsSinceEpoch());
    }

    void acknowledgeWithKeyAndUndo()
    {
        QTableView *table = m_page->table();
        m_page->setFocus();
        table->setFocus();
        int row = -1;
        for (int r = 0; r < table->model()->rowCount(); ++r)
            if (table->model()->index(r, 0).data(alerts::AlertTableModel::LeadRole).toString() == QLatin1String("2") /* lead-2 */
                && table->model()->index(r, 0).data(alerts::AlertTableModel::RuleRole).toStringList().contains(QStringLiteral("stage_sla")))
                row = r;
        QVERIFY(row >= 0);
        table->setCurrentIndex(table->model()->index(row, 0));
        // Both reasons of the lead acknowledged at once, as one undo step.
        QTest::keyClick(table, Qt::Key_K, Qt::ControlModifier);
        QCOMPARE(m_stack->count(), 1);
        QCOMPARE(storedAck(QStringLiteral("2")), QStringLiteral("100"));
        QCOMPARE(table->model()->index(row, alerts::AlertTableModel::State).data().toString(), QStringLiteral("Acknowledged"));
        m_stack->undo();
        QCOMPARE(table->model()->index(row, alerts::AlertTableModel::State).data().toString(), QStringLiteral("Open"));
        m_stack->redo();
        // Resolving hides it from the default "not resolved" view.
        QTest::keyClick(table, Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(table->model()->rowCount(), 1);
        m_stack->undo();
        QCOMPARE(table->model()->rowCount(), 2);
    }

    void doubleClickOpensTheLead()
    {
        QSignalSpy opened(m_page.get(), &ui::AlertsPage::leadActivated);
        QTableView *table = m_page->table();
        const QModelIndex index = table->model()->index(0, 1);
        table->setCurrentIndex(index);
        const QPoint at = table->visualRect(index).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at); // the view wants a press first
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(opened.count(), 1);
        // The alerts' leads: lead-1 (1) or lead-2 (2).
        QVERIFY2((QStringList{QStringLiteral("1"), QStringLiteral("2")}.contains(opened.first().first().toString())),
                 qPrintable(opened.first().first().toString()));
    }

    void screenshot()
    {
        QDir().mkpath(QStringLiteral(COCKPIT_SCREENSHOT_DIR));
        QVERIFY(m_page->grab().save(QStringLiteral(COCKPIT_SCREENSHOT_DIR "/alerts-page.png")));
    }

    void storedInboxShowsBeforeTheRules()
    {
        // A second window on the same file: shown, it reads the stored inbox (the 4 alerts the
        // first evaluation wrote, 2 leads) without evaluating and without writing.
        QSqlQuery count(m_db->connection());
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*), MAX(updated_at) FROM alerts")) && count.next());
        const QString before = count.value(0).toString() + count.value(1).toString();
        ui::AlertsPage other(*m_db, *m_actions, m_clock, *m_settings);
        QVERIFY(!other.hasInbox());
        other.resize(1000, 500);
        other.show();
        QTRY_VERIFY_WITH_TIMEOUT(other.hasInbox(), 10000);
        QVERIFY(!other.isEvaluating());
        QCOMPARE(other.table()->model()->rowCount(), 2);
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*), MAX(updated_at) FROM alerts")) && count.next());
        QCOMPARE(count.value(0).toString() + count.value(1).toString(), before);

        // The alert the user chooses stays chosen when the evaluation's inbox replaces this one.
        QAbstractItemModel *rows = other.table()->model();
        other.table()->setCurrentIndex(rows->index(1, 0));
        const QString chosen = rows->index(1, 1).data().toString() + rows->index(1, 0).data().toString();
        QSignalSpy finished(&other, &ui::AlertsPage::evaluationFinished);
        other.evaluateNow();
        QVERIFY(finished.wait(20000));
        const QModelIndex now = other.table()->currentIndex();
        QCOMPARE(rows->index(now.row(), 1).data().toString() + rows->index(now.row(), 0).data().toString(), chosen);
    }
};

QTEST_MAIN(TestAlertsPage)
#include "tst_alertspage.moc"

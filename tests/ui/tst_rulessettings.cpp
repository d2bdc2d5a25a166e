// Settings › Rules: thresholds and the load cap round-trip through the database, a save
// re-arms the rules (signal), revert and defaults behave, and a bad stored value is reported.
#include "alerts/alertthresholds.h"
#include "assign/assignstore.h"
#include "storage/database.h"
#include "rulessettings.h"

#include "fixture.h"

#include <QSqlDatabase>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;

class TestRulesSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::make_unique<storage::Database>();
        QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("r.db")), storage::Database::Mode::CreateIfMissing).ok());
        QVERIFY(fixture::populate(*m_db));
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void showsDefaultsAndSaves()
    {
        ui::RulesSettings page(*m_db);
        QSpinBox *silence = page.field(QStringLiteral("rules.silence_hours"));
        QVERIFY(silence);
        QCOMPARE(silence->value(), 72);
        QCOMPARE(page.field(QStringLiteral("rules.duplicate_reps"))->value(), 3);
        QCOMPARE(page.loadCapField()->value(), 8);
        QSignalSpy changed(&page, &ui::RulesSettings::thresholdsChanged);
        silence->setValue(48);
        page.loadCapField()->setValue(12);
        QVERIFY(page.save());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(alerts::loadThresholds(m_db->connection()).silenceHours, 48);
        QCOMPARE(assign::AssignStore(*m_db).loadCap(), 12);
        // A new page reads what was saved.
        ui::RulesSettings again(*m_db);
        QCOMPARE(again.field(QStringLiteral("rules.silence_hours"))->value(), 48);
        QCOMPARE(again.loadCapField()->value(), 12);
    }

    void revertAndDefaults()
    {
        ui::RulesSettings page(*m_db);
        QSpinBox *quotes = page.field(QStringLiteral("rules.quote_versions"));
        quotes->setValue(7);
        page.reload();
        QCOMPARE(quotes->value(), 3); // unsaved change discarded
        quotes->setValue(9);
        QVERIFY(page.save());
        page.restoreDefaults();
        QCOMPARE(quotes->value(), 3);
        QCOMPARE(alerts::loadThresholds(m_db->connection()).quoteVersions, 9); // not saved yet
        QVERIFY(page.save());
        QCOMPARE(alerts::loadThresholds(m_db->connection()).quoteVersions, 3);
    }

    void badStoredValueIsReported()
    {
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES ('rules.silence_hours', 'soon')")));
        ui::RulesSettings page(*m_db);
        QCOMPARE(page.field(QStringLiteral("rules.silence_hours"))->value(), 72); // the default applies
        const auto labels = page.findChildren<QLabel *>();
        bool named = false;
        for (QLabel *l : labels)
            named = named || l->text().contains(QLatin1String("rules.silence_hours"));
        QVERIFY(named);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
};

QTEST_MAIN(TestRulesSettings)
#include "tst_rulessettings.moc"

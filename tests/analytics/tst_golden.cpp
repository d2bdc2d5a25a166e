// Every report's figures on the tiny demo, as the schema-v5 build computed them: the SHA-256 of
// each report's CSV (useGlobalIds, as `report` prints it) for four periods and two orgs. A net
// for changes that must not move any figure, first of all the switch to integer times
// (storage/TIMES_V6.md, step 3): a figure that moves there is a bug of the switch.
// The values were printed by the build that added this file; whether each figure is right is
// tested against SQL written by hand elsewhere (tst_kpi, tst_funnel, tst_teamhealth, ...).
// A change that moves figures on purpose reprints the table: COCKPIT_GOLDEN_PRINT=1.
#include "tinydemo.h"
#include "analytics/orgunits.h"
#include "analytics/reports.h"
#include "analytics/scope.h"
#include "storage/database.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::analytics;

namespace {
const char *const kNow = "2026-11-20T10:00:00Z";
const QDate kToday(2026, 11, 20);

// name → first 16 hex digits of the CSV's SHA-256.
const QHash<QString, QString> &expected()
{
    static const QHash<QString, QString> table = {
#include "golden_v5.inc"
    };
    return table;
}
} // namespace

class TestGolden : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("golden.db"));
        const QString error = fixture::generateTinyDemo(path, 7, kToday);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_db.open(path, storage::Database::Mode::OpenExisting).ok());
    }

    void everyReportAsBefore()
    {
        const OrgUnits units = loadOrgUnits(m_db.connection());
        QVERIFY(!units.regions.isEmpty());
        const OrgScope region{OrgLevel::Region, units.regions.first().id};
        const QStringList periods = {QStringLiteral("2026-Q4"), QStringLiteral("2026-Q3"), QStringLiteral("2026-11"),
                                     QStringLiteral("2026-W46")};
        const bool print = qEnvironmentVariableIsSet("COCKPIT_GOLDEN_PRINT");
        QStringList lines, moved;
        int checked = 0;
        for (const ReportInfo &info : reports()) {
            for (const QString &p : periods) {
                for (const OrgScope &org : {OrgScope::company(), region}) {
                    const QString name = QStringLiteral("%1 %2 %3").arg(info.name, p,
                        org.level == OrgLevel::Company ? QStringLiteral("company") : QStringLiteral("region"));
                    ReportRequest request;
                    request.asOfIso = QLatin1String(kNow);
                    request.scope.period = *parsePeriod(p, kToday);
                    request.scope.org = org;
                    request.by = childGroup(org);
                    DataTable table = info.run(m_db.connection(), request);
                    useGlobalIds(table, m_db.connection(), request.by);
                    const QByteArray csv = toCsv(table);
                    const QString hash = QString::fromLatin1(
                        QCryptographicHash::hash(csv, QCryptographicHash::Sha256).toHex().left(16));
                    lines << QStringLiteral("        {QStringLiteral(\"%1\"), QStringLiteral(\"%2\")},").arg(name, hash);
                    if (expected().value(name) != hash)
                        moved << QStringLiteral("%1: %2 rows, hash %3, was %4")
                                     .arg(name).arg(table.rows.size()).arg(hash, expected().value(name));
                    ++checked;
                }
            }
        }
        if (print)
            qInfo().noquote() << "\n" + lines.join(u'\n');
        QCOMPARE(checked, expected().size());
        QVERIFY2(moved.isEmpty(), qPrintable(moved.join(u'\n')));
    }

private:
    QTemporaryDir m_dir;
    storage::Database m_db;
};

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"

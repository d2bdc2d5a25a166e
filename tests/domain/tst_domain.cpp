// Domain: money parsing/formatting without floating point, gate checks, ids.
#include "domain/ids.h"
#include "domain/localdates.h"
#include "domain/money.h"
#include "domain/pipeline.h"
#include "domain/times.h"

#include <QDateTime>

#include <QRegularExpression>
#include <QTest>

using namespace cockpit;

class TestDomain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseCny_data();
    void parseCny();
    void formatMoneyShort_data();
    void formatMoneyShort();
    void formatCny_data();
    void formatCny();
    void formatCnyWan_data();
    void formatCnyWan();
    void formatMoney_data();
    void formatMoney();
    void gate_data();
    void gate();
    void templatesAreWellFormed();
    void stageProbability();
    void localDates();
    void idsAreUuids();
    void isoTimes_data();
    void isoTimes();
    void isoTimesAgreeWithQt();
};

void TestDomain::parseCny_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("cents"); // -1 = refused
    QTest::newRow("whole yuan") << "1234" << qint64(123400);
    QTest::newRow("grouped with decimals") << "1,234.5" << qint64(123450);
    QTest::newRow("yen sign and spaces") << "¥ 1 234.56" << qint64(123456);
    QTest::newRow("full-width sign") << "￥88" << qint64(8800);
    QTest::newRow("wan") << "12.3万" << qint64(12300000);
    QTest::newRow("yuan suffix") << "500元" << qint64(50000);
    QTest::newRow("finer than fen is cut") << "1.239" << qint64(123);
    QTest::newRow("zero") << "0" << qint64(0);
    QTest::newRow("empty") << "" << qint64(-1);
    QTest::newRow("negative") << "-5" << qint64(-1);
    QTest::newRow("two points") << "1.2.3" << qint64(-1);
    QTest::newRow("letters") << "12abc" << qint64(-1);
    QTest::newRow("absurdly large") << "99999999999999999999" << qint64(-1);
}

void TestDomain::parseCny()
{
    QFETCH(QString, text);
    QFETCH(qint64, cents);
    const auto r = cockpit::parseCny(text);
    if (cents < 0)
        QVERIFY(!r.has_value());
    else
        QCOMPARE(r.value_or(-1), cents);
}

void TestDomain::formatMoneyShort_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zh 0") << qint64(0) << "zh_CN" << QStringLiteral("¥0");
    QTest::newRow("zh 9 500") << qint64(950000) << "zh_CN" << QStringLiteral("¥9,500");
    QTest::newRow("zh 1万 edge") << qint64(999960) << "zh_CN" << QStringLiteral("¥1万");
    QTest::newRow("zh 8.2万") << qint64(8200000) << "zh_CN" << QStringLiteral("¥8.2万");
    QTest::newRow("zh 82万") << qint64(82000000) << "zh_CN" << QStringLiteral("¥82万");
    QTest::newRow("zh 820万") << qint64(820000000) << "zh_CN" << QStringLiteral("¥820万");
    QTest::newRow("zh 3.1亿") << qint64(30730000000) << "zh_CN" << QStringLiteral("¥3.1亿");
    QTest::newRow("zh negative") << qint64(-8200000) << "zh_CN" << QStringLiteral("-¥8.2万");
    QTest::newRow("en 950") << qint64(95000) << "en_US" << QStringLiteral("¥950");
    QTest::newRow("en 820K") << qint64(82000000) << "en_US" << QStringLiteral("¥820K");
    QTest::newRow("en 8.2M") << qint64(820000000) << "en_US" << QStringLiteral("¥8.2M");
    QTest::newRow("en 3.1B") << qint64(307300000000) << "en_US" << QStringLiteral("¥3.1B");
    QTest::newRow("en 999,900 rounds to 1M") << qint64(99990000) << "en_US" << QStringLiteral("¥1M");
    QTest::newRow("en 999K") << qint64(99900000) << "en_US" << QStringLiteral("¥999K");
}

void TestDomain::formatMoneyShort()
{
    QFETCH(qint64, cents);
    QFETCH(QString, lang);
    QFETCH(QString, expected);
    QCOMPARE(cockpit::formatMoneyShort(cents, QStringLiteral("CNY"), QLocale(lang)), expected);
}

void TestDomain::formatCny_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<bool>("whole");
    QTest::addColumn<QString>("expected");
    QTest::newRow("whole yuan") << qint64(123456700) << true << "¥1,234,567";
    QTest::newRow("with fen") << qint64(123456789) << true << "¥1,234,567.89";
    QTest::newRow("always decimals") << qint64(100) << false << "¥1.00";
    QTest::newRow("negative") << qint64(-250) << true << "-¥2.50";
    QTest::newRow("zero") << qint64(0) << true << "¥0";
}

void TestDomain::formatCny()
{
    QFETCH(qint64, cents);
    QFETCH(bool, whole);
    QFETCH(QString, expected);
    QCOMPARE(cockpit::formatCny(cents, QLocale(QLocale::English, QLocale::UnitedStates), whole), expected);
    // What we format, we parse back.
    if (cents >= 0)
        QCOMPARE(cockpit::parseCny(expected).value_or(-1), cents);
}

void TestDomain::formatCnyWan_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<bool>("chinese");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zh 82万") << qint64(82000000) << true << QString::fromUtf8("¥82万");
    QTest::newRow("zh two decimals") << qint64(82354900) << true << QString::fromUtf8("¥82.35万");
    QTest::newRow("zh half up to ¥100") << qint64(82355000) << true << QString::fromUtf8("¥82.36万");
    QTest::newRow("zh trailing zero dropped") << qint64(82500000) << true << QString::fromUtf8("¥82.5万");
    QTest::newRow("zh grouping") << qint64(1234500000000) << true << QString::fromUtf8("¥1,234,500万");
    QTest::newRow("zh below 万") << qint64(999949) << true << QString::fromUtf8("¥9,999");
    QTest::newRow("zh negative") << qint64(-12000000) << true << QString::fromUtf8("-¥12万");
    QTest::newRow("en whole yuan") << qint64(82354950) << false << QStringLiteral("¥823,550");
    QTest::newRow("en zero") << qint64(0) << false << QStringLiteral("¥0");
}

void TestDomain::formatCnyWan()
{
    QFETCH(qint64, cents);
    QFETCH(bool, chinese);
    QFETCH(QString, expected);
    const QLocale locale = chinese ? QLocale(QLocale::Chinese, QLocale::China) : QLocale(QLocale::English, QLocale::UnitedStates);
    QCOMPARE(cockpit::formatCnyWan(cents, locale), expected);
}

void TestDomain::formatMoney_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("expected");
    QTest::newRow("CNY") << qint64(105400) << QStringLiteral("CNY") << QStringLiteral("¥1,054");
    QTest::newRow("none is CNY") << qint64(105400) << QString() << QStringLiteral("¥1,054");
    QTest::newRow("USD") << qint64(105450) << QStringLiteral("USD") << QStringLiteral("$1,054.50");
    QTest::newRow("USD negative") << qint64(-105400) << QStringLiteral("USD") << QStringLiteral("-$1,054");
    QTest::newRow("EUR") << qint64(1250) << QStringLiteral("EUR") << QStringLiteral("€12.50");
    QTest::newRow("HKD") << qint64(300) << QStringLiteral("HKD") << QStringLiteral("HK$3");
    QTest::newRow("a code without a symbol") << qint64(700) << QStringLiteral("CHF") << QStringLiteral("CHF 7");
}

void TestDomain::formatMoney()
{
    QFETCH(qint64, cents);
    QFETCH(QString, currency);
    QFETCH(QString, expected);
    QCOMPARE(cockpit::formatMoney(cents, currency, QLocale(QLocale::English, QLocale::UnitedStates)), expected);
    // The lead editor shows it and reads it back.
    if (cents >= 0)
        QCOMPARE(cockpit::parseCny(expected).value_or(-1), cents);
}

void TestDomain::gate_data()
{
    QTest::addColumn<QStringList>("exitGate");
    QTest::addColumn<QString>("pain");
    QTest::addColumn<QString>("budget");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("doc");
    QTest::addColumn<int>("demos");
    QTest::addColumn<bool>("signed_");
    QTest::addColumn<QStringList>("missing");
    const QStringList screen{QStringLiteral("pain_keywords"), QStringLiteral("budget_band"), QStringLiteral("decision_role")};
    QTest::newRow("screening, all empty") << screen << "" << "" << "" << "" << 0 << false << screen;
    QTest::newRow("screening, whitespace is empty") << screen << "  " << "50万+" << "user" << "" << 0 << false
                                                    << QStringList{QStringLiteral("pain_keywords")};
    QTest::newRow("screening, complete") << screen << "交付慢" << "50万+" << "user" << "" << 0 << false << QStringList{};
    QTest::newRow("reach needs minutes") << QStringList{QStringLiteral("requirement_doc")} << "" << "" << "" << "" << 0
                                         << false << QStringList{QStringLiteral("requirement_doc")};
    const QStringList key{QStringLiteral("demo_done"), QStringLiteral("confirmation_signed")};
    QTest::newRow("key account, no demo") << key << "" << "" << "" << "" << 0 << true << QStringList{QStringLiteral("demo_done")};
    QTest::newRow("key account, unsigned") << key << "" << "" << "" << "" << 2 << false
                                           << QStringList{QStringLiteral("confirmation_signed")};
    QTest::newRow("key account, complete") << key << "" << "" << "" << "" << 1 << true << QStringList{};
    QTest::newRow("no gate") << QStringList{} << "" << "" << "" << "" << 0 << false << QStringList{};
    QTest::newRow("unknown requirement never passes") << QStringList{QStringLiteral("moon_landing")} << "x" << "x" << "x"
                                                      << "x" << 9 << true << QStringList{QStringLiteral("moon_landing")};
}

void TestDomain::gate()
{
    QFETCH(QStringList, exitGate);
    QFETCH(QString, pain);
    QFETCH(QString, budget);
    QFETCH(QString, role);
    QFETCH(QString, doc);
    QFETCH(int, demos);
    QFETCH(bool, signed_);
    QFETCH(QStringList, missing);
    QCOMPARE(missingGateFields(exitGate, GateFacts{pain, budget, role, doc, demos, signed_}), missing);
}

void TestDomain::stageProbability()
{
    // Four working stages and the closing one: 20, 40, 60, 80, 100.
    QCOMPARE(cockpit::defaultStageProbability(0, 4, false), 20);
    QCOMPARE(cockpit::defaultStageProbability(3, 4, false), 80);
    QCOMPARE(cockpit::defaultStageProbability(-1, 4, true), 100);
    // Three: 25, 50, 75; six: 14, 29, 43 (rounded) …
    QCOMPARE(cockpit::defaultStageProbability(0, 3, false), 25);
    QCOMPARE(cockpit::defaultStageProbability(2, 3, false), 75);
    QCOMPARE(cockpit::defaultStageProbability(1, 6, false), 29);
    QCOMPARE(cockpit::defaultStageProbability(2, 6, false), 43);
    QCOMPARE(cockpit::defaultStageProbability(0, 0, false), 0);
}

// Dates never show a two-digit year (issue 13: en_US showed 1/10/27).
void TestDomain::localDates()
{
    const QDate d(2027, 1, 10);
    const QLocale us(QLocale::English, QLocale::UnitedStates), cn(QLocale::Chinese, QLocale::China);
    QCOMPARE(cockpit::shortDate(d, us), QStringLiteral("2027-01-10"));
    QCOMPARE(cockpit::shortDate(d, cn), QStringLiteral("2027/1/10"));
    QCOMPARE(cockpit::shortDate(QDate(), us), QString());
    const QDateTime at(d, QTime(15, 5));
    QCOMPARE(cockpit::shortDateTime(at, cn), QStringLiteral("2027/1/10 15:05"));
    QVERIFY(cockpit::shortDateTime(at, us).startsWith(QStringLiteral("2027-01-10 3:05")));
}

void TestDomain::templatesAreWellFormed()
{
    const auto templates = pipelineTemplates();
    QCOMPARE(templates.size(), 3);
    QCOMPARE(templates.at(0).stages.at(1).name, QStringLiteral("15分钟初筛"));
    QCOMPARE(templates.at(0).stages.at(1).slaMinutes, 120);
    QCOMPARE(templates.at(0).firstResponseMinutes, 15);
    QCOMPARE(templates.at(1).stages.at(0).slaMinutes, 5 * 24 * 60);
    QCOMPARE(templates.at(1).handoverSlaMinutes, 48 * 60);
    for (const PipelineDef &p : templates) {
        QCOMPARE(p.stages.size(), 5);
        QVERIFY(p.stages.last().terminal);
        for (const StageDef &s : p.stages) {
            QVERIFY(!s.name.isEmpty() && !s.nameEn.isEmpty());
            for (const QString &g : s.exitGate)
                QVERIFY2(!gateFieldLabel(g).contains(QLatin1String("Unknown")), qPrintable(g));
        }
    }
}

void TestDomain::idsAreUuids()
{
    static const QRegularExpression uuid(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    QVERIFY(uuid.match(newId()).hasMatch());
    QVERIFY(uuid.match(idFromBits(0, 0)).hasMatch());
    QVERIFY(uuid.match(idFromBits(~0ull, ~0ull)).hasMatch());
    QCOMPARE(idFromBits(1, 2), idFromBits(1, 2));
    QVERIFY(idFromBits(1, 2) != idFromBits(1, 3));
    // Version 7: the creation time leads, so later ids sort after earlier ones (a millisecond
    // apart), and the 48-bit time reads back.
    static const QRegularExpression v7(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const QString first = newTimeOrderedId();
    QVERIFY2(v7.match(first).hasMatch(), qPrintable(first));
    const qint64 stamped = QString(first).remove(QLatin1Char('-')).left(12).toLongLong(nullptr, 16);
    QVERIFY(stamped >= before && stamped <= QDateTime::currentMSecsSinceEpoch());
    QTest::qWait(2);
    const QString second = newTimeOrderedId();
    QVERIFY2(first < second, qPrintable(first + QLatin1Char(' ') + second));
    QVERIFY(newTimeOrderedId() != newTimeOrderedId());
    QCOMPARE(fromIsoUtc(QStringLiteral("2026-11-22T05:34:36Z")),
             QDateTime(QDate(2026, 11, 22), QTime(5, 34, 36), Qt::UTC));
    QCOMPARE(toIsoUtc(QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC)), QStringLiteral("2026-01-02T03:04:05Z"));
}

QTEST_GUILESS_MAIN(TestDomain)
// domain/times.h: the two ISO spellings the file keeps, nothing else, both ways.
void TestDomain::isoTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("secs");
    QTest::newRow("instant") << "2026-11-22T05:34:36Z" << true << qint64(1795325676);
    QTest::newRow("epoch") << "1970-01-01T00:00:00Z" << true << qint64(0);
    QTest::newRow("before the epoch") << "1969-12-31T23:59:59Z" << true << qint64(-1);
    QTest::newRow("bare date = midnight UTC") << "2026-11-22" << true << qint64(1795305600);
    QTest::newRow("leap day") << "2024-02-29T12:00:00Z" << true << qint64(1709208000);
    QTest::newRow("no Z") << "2026-11-22T05:34:36" << false << qint64(0);
    QTest::newRow("offset") << "2026-11-22T05:34:36+08:00" << false << qint64(0);
    QTest::newRow("month 13") << "2026-13-01T00:00:00Z" << false << qint64(0);
    QTest::newRow("hour 24") << "2026-11-22T24:00:00Z" << false << qint64(0);
    QTest::newRow("letters") << "2026-1x-22T05:34:36Z" << false << qint64(0);
    QTest::newRow("digits only (a v6 integer as text)") << "1795325676" << false << qint64(0);
    QTest::newRow("empty") << "" << false << qint64(0);
}

void TestDomain::isoTimes()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qint64, secs);
    qint64 got = 0;
    QCOMPARE(times::parseIso(QStringView(text), &got), ok);
    const QByteArray latin = text.toLatin1();
    qint64 got8 = 0;
    QCOMPARE(times::parseIso(latin.constData(), latin.size(), &got8), ok);
    if (!ok)
        return;
    QCOMPARE(got, secs);
    QCOMPARE(got8, secs);
    QCOMPARE(times::secsFromIso(text), secs);
    if (text.size() == 20)
        QCOMPARE(times::isoFromSecs(secs), text);
    else
        QCOMPARE(times::isoFromDay(times::dayOf(secs)), text);
}

// The hand-written formatter writes what Qt::ISODate writes, across centuries and signs.
void TestDomain::isoTimesAgreeWithQt()
{
    for (qint64 secs = -4102444800LL; secs < 7258118400LL; secs += 86399 * 37 + 12345) {
        const QString qt = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
        QCOMPARE(times::isoFromSecs(secs), qt);
        qint64 back = 0;
        QVERIFY(times::parseIso(QStringView(qt), &back));
        QCOMPARE(back, secs);
    }
    // Outside four-digit years the text is Qt's own.
    QCOMPARE(times::secsFromIso(QStringLiteral("2026-11-22T13:34:36+08:00")), qint64(1795325676));
}

#include "tst_domain.moc"

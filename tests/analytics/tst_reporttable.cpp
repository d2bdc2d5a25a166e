// What the printed report shows of a table (analytics/reporttable.h): display strings, never
// the codes the CSV keeps. Run in English and in Chinese (the app's zh_CN translation loaded):
// no "followup", "red", "<=", "duplicate_touch", no machine column name, no raw number.
#include "analytics/reporttable.h"
#include "alerts/alertrules.h"
#include "alerts/alerttext.h"
#include "analytics/rag.h"

#include <QTranslator>
#include <QtTest>

using namespace cockpit;
using namespace cockpit::analytics;

namespace {
KpiTile tile(const QString &key, const QString &label, const QString &unit, double value, Direction direction, Rag rag)
{
    KpiTile t;
    t.key = key;
    t.label = label;
    t.unit = unit;
    t.hasData = true;
    t.value = value;
    t.direction = direction;
    t.healthy = direction == Direction::LowerIsBetter ? 7.2 : 38.0;
    t.industry = direction == Direction::LowerIsBetter ? 11.3 : 22.0;
    t.rag = rag;
    t.numerator = 542678.3;
    t.denominator = 46425;
    t.numeratorLabel = QStringLiteral("gap days");
    t.denominatorLabel = QStringLiteral("gaps");
    t.sample = 8829;
    t.sampleLabel = QStringLiteral("leads");
    return t;
}

QVector<KpiTile> tiles()
{
    KpiTile none = tile(QStringLiteral("newhire"), QStringLiteral("New-hire first-month win rate"), QStringLiteral("%"), 0,
                        Direction::HigherIsBetter, Rag::Grey);
    none.hasData = false;
    none.note = QStringLiteral("No rep was hired in the 12 months.");
    return {tile(QStringLiteral("followup"), QStringLiteral("Lead follow-up time"), QStringLiteral("days"), 11.64,
                 Direction::LowerIsBetter, Rag::Red),
            tile(QStringLiteral("forecast"), QStringLiteral("Monthly forecast accuracy"), QStringLiteral("%"), 61.31,
                 Direction::HigherIsBetter, Rag::Yellow),
            none};
}

// Every cell and header of `t` as one list.
QStringList allText(const ReportTable &t)
{
    QStringList out = t.headers;
    for (const QStringList &row : t.rows)
        out += row;
    return out;
}

// Codes a cell must not be (KPI keys, RAG keys) or contain (operators, rule codes, machine
// column names, a raw number).
const QStringList kKeys = {QStringLiteral("followup"), QStringLiteral("forecast"), QStringLiteral("newhire"),
                           QStringLiteral("red"), QStringLiteral("yellow"), QStringLiteral("grey")};
const QStringList kCodes = {QStringLiteral("<="), QStringLiteral(">="), QStringLiteral("duplicate_touch"),
                            QStringLiteral("rule_key"), QStringLiteral("lead_id"), QStringLiteral("industry_mean"),
                            QStringLiteral("amount_cents"), QStringLiteral("542678.3"), QStringLiteral("542,678.30")};

void verifyNoCodes(const ReportTable &t)
{
    for (const QString &text : allText(t)) {
        QVERIFY2(!kKeys.contains(text), qPrintable(text));
        for (const QString &code : kCodes)
            QVERIFY2(!text.contains(code), qPrintable(QStringLiteral("\"%1\" shows \"%2\"").arg(text, code)));
    }
}
} // namespace

class TestReportTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void kpiReport_data();
    void kpiReport();
    void kpiTableThroughTheGenericPath_data() { kpiReport_data(); }
    void kpiTableThroughTheGenericPath();
    void alerts_data() { kpiReport_data(); }
    void alerts();
    void money_data();
    void money();
    void units();
    void flagsAndRows();
    void numbers_data();
    void numbers();

private:
    void useLanguage(const QString &language);
    QTranslator m_translator;
    bool m_installed = false;
};

void TestReportTable::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestReportTable::cleanup()
{
    if (m_installed)
        QCoreApplication::removeTranslator(&m_translator);
    m_installed = false;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestReportTable::useLanguage(const QString &language)
{
    if (language != QLatin1String("zh_CN"))
        return;
    QVERIFY2(m_translator.load(QStringLiteral(COCKPIT_QM_FILE)), COCKPIT_QM_FILE);
    m_installed = QCoreApplication::installTranslator(&m_translator);
    QVERIFY(m_installed);
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
}

void TestReportTable::kpiReport_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("red");
    QTest::newRow("English") << "en" << "Red";
    QTest::newRow("Chinese") << "zh_CN" << "红色";
}

void TestReportTable::kpiReport()
{
    QFETCH(QString, language);
    QFETCH(QString, red);
    useLanguage(language);
    const ReportTable t = kpiReportTable(tiles(), QLocale());
    QCOMPARE(t.headers.size(), 8);
    QCOMPARE(t.numeric.size(), 8);
    QCOMPARE(t.rows.size(), 3);
    verifyNoCodes(t);
    const QStringList &followUp = t.rows[0];
    QCOMPARE(followUp[0], QStringLiteral("Lead follow-up time")); // the label, not "followup"
    // The value and the thresholds in the tile's unit (valueWithUnit: "11.6 days").
    QCOMPARE(followUp[1], valueWithUnit(QStringLiteral("11.6"), QStringLiteral("days")));
    QCOMPARE(followUp[2], red); // the state, translated
    QCOMPARE(followUp[3], QStringLiteral("≤ ") + valueWithUnit(QStringLiteral("7.2"), QStringLiteral("days")));
    QCOMPARE(followUp[4], valueWithUnit(QStringLiteral("11.3"), QStringLiteral("days")));
    // The calculation: whole numbers in the locale's grouping, with what they count.
    QVERIFY2(followUp[5].contains(QStringLiteral("542,678")) && followUp[5].contains(QStringLiteral("46,425"))
                 && followUp[5].contains(QStringLiteral("gap days")) && followUp[5].contains(QStringLiteral("÷")),
             qPrintable(followUp[5]));
    QCOMPARE(followUp[6], valueWithUnit(QStringLiteral("8,829"), QStringLiteral("leads")));
    QVERIFY(t.rows[1][1].startsWith(QStringLiteral("61.3")) && t.rows[1][1].endsWith(QStringLiteral("%")));
    QVERIFY(t.rows[1][3].startsWith(QStringLiteral("≥ 72")) || t.rows[1][3].startsWith(QStringLiteral("≥ 38")));
    QCOMPARE(t.rows[2][1], QStringLiteral("—")); // no data
    QCOMPARE(t.rows[2][2], ragLabel(Rag::Grey));
    QCOMPARE(t.rows[2][7], QStringLiteral("No rep was hired in the 12 months."));
}

void TestReportTable::kpiTableThroughTheGenericPath()
{
    QFETCH(QString, language);
    QFETCH(QString, red);
    useLanguage(language);
    // The CSV's table (codes and all) through the generic formatter: labels, not codes.
    const DataTable csv = kpiTable(tiles(), QStringLiteral("KPI baseline"));
    QVERIFY(csv.rows[0].contains(QStringLiteral("followup")) && csv.rows[0].contains(QStringLiteral("<=")));
    const ReportTable t = reportTable(csv);
    verifyNoCodes(t);
    QVERIFY(!t.headers.contains(QStringLiteral("kpi"))); // the key column is left out beside the label
    const int status = int(t.headers.indexOf(csv.header(csv.columnIndex(QStringLiteral("status")))));
    const int direction = int(t.headers.indexOf(csv.header(csv.columnIndex(QStringLiteral("direction")))));
    QVERIFY(status >= 0 && direction >= 0);
    QCOMPARE(t.rows[0][status], red);
    QCOMPARE(t.rows[0][direction], QStringLiteral("≤"));
    QCOMPARE(t.rows[1][direction], QStringLiteral("≥"));
}

void TestReportTable::alerts()
{
    QFETCH(QString, language);
    useLanguage(language);
    // The shape of openAlertsFeed(): the key, the rule's code beside its label.
    DataTable a;
    a.columns = {QStringLiteral("lead_id"), QStringLiteral("raised_at"), QStringLiteral("rule"), QStringLiteral("subject"),
                 QStringLiteral("summary"), QStringLiteral("owner"), QStringLiteral("state"), QStringLiteral("rule_key")};
    a.headers = {QStringLiteral("Lead"), QStringLiteral("Raised"), QStringLiteral("Rule"), QStringLiteral("About"),
                 QStringLiteral("What"), QStringLiteral("Owner"), QStringLiteral("State"), QStringLiteral("Rule key")};
    a.keyColumn = 0;
    a.rows << QVariantList{QStringLiteral("17"), QStringLiteral("2026-11-03T02:00:00Z"), alerts::ruleLabel(alerts::rule::DuplicateTouch),
                           QStringLiteral("博世 · 质检系统"), QStringLiteral("2 reps"), QStringLiteral("王芳"), QStringLiteral("open"),
                           alerts::rule::DuplicateTouch};
    // A rule code where a label belongs (an older feed): named all the same.
    a.rows << QVariantList{QStringLiteral("18"), QStringLiteral("2026-11-04T02:00:00Z"), alerts::rule::DuplicateTouch,
                           QStringLiteral("x"), QString(), QStringLiteral("李雷"), QStringLiteral("open"), alerts::rule::DuplicateTouch};
    const ReportTable t = reportTable(a);
    verifyNoCodes(t);
    QCOMPARE(t.headers, (QStringList{QStringLiteral("Raised"), QStringLiteral("Rule"), QStringLiteral("About"), QStringLiteral("What"),
                                     QStringLiteral("Owner"), QStringLiteral("State")}));
    QCOMPARE(t.rows[0][1], alerts::ruleLabel(alerts::rule::DuplicateTouch));
    QCOMPARE(t.rows[1][1], alerts::ruleLabel(alerts::rule::DuplicateTouch));
    if (language == QLatin1String("zh_CN"))
        QCOMPARE(t.rows[1][1], QStringLiteral("重复跟进"));
    QVERIFY(t.rows[0][0].startsWith(QStringLiteral("2026-11-0"))); // local time, "yyyy-MM-dd HH:mm"
    QCOMPARE(t.rows[0][0].size(), 16);
    QCOMPARE(t.rows[1][3], QStringLiteral("—")); // an empty cell
}

void TestReportTable::money_data()
{
    QTest::addColumn<QString>("tableCurrency");
    QTest::addColumn<QString>("companyCurrency");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("header");
    QTest::newRow("USD company") << "" << "USD" << QLocale(QLocale::English, QLocale::UnitedStates) << "$542,678.30" << "Collections (USD)";
    QTest::newRow("USD table, CNY default") << "USD" << "CNY" << QLocale(QLocale::English, QLocale::UnitedStates) << "$542,678.30" << "Collections (USD)";
    QTest::newRow("CNY in Chinese") << "" << "CNY" << QLocale(QLocale::Chinese, QLocale::China) << "¥542,678.30" << "Collections (CNY)";
    QTest::newRow("EUR in German") << "EUR" << "CNY" << QLocale(QLocale::German, QLocale::Germany) << "€542.678,30" << "Collections (EUR)";
}

void TestReportTable::money()
{
    QFETCH(QString, tableCurrency);
    QFETCH(QString, companyCurrency);
    QFETCH(QLocale, locale);
    QFETCH(QString, amount);
    QFETCH(QString, header);
    DataTable t;
    t.columns = {QStringLiteral("month"), QStringLiteral("actual_cents"), QStringLiteral("accuracy_pct")};
    t.headers = {QStringLiteral("Month"), QStringLiteral("Collections"), QStringLiteral("Accuracy")};
    t.currency = tableCurrency;
    t.rows << QVariantList{QStringLiteral("2017-04"), qint64(54267830), 87.25};
    ReportFormat f;
    f.locale = locale;
    f.currency = companyCurrency;
    const ReportTable r = reportTable(t, f);
    QCOMPARE(r.headers[1], header);
    QCOMPARE(r.rows[0][1], amount);
    QVERIFY2(!r.rows[0][1].contains(QStringLiteral("¥")) || amount.contains(QStringLiteral("¥")), qPrintable(r.rows[0][1]));
    QVERIFY2(r.rows[0][2].startsWith(locale.toString(87.3, 'f', 1)) && r.rows[0][2].endsWith(QLatin1Char('%')), qPrintable(r.rows[0][2]));
    QCOMPARE(r.numeric, (QList<bool>{false, true, true}));
}

void TestReportTable::units()
{
    DataTable t;
    t.columns = {QStringLiteral("rep"), QStringLiteral("gap_days"), QStringLiteral("direction"), QStringLiteral("status")};
    t.rows << QVariantList{QStringLiteral("王芳"), 3.25, QStringLiteral("<="), QStringLiteral("green")};
    t.rows << QVariantList{QStringLiteral("李雷"), QVariant(), QStringLiteral(">="), QStringLiteral("orange")};
    const ReportTable r = reportTable(t);
    QCOMPARE(r.rows[0], (QStringList{QStringLiteral("王芳"), QStringLiteral("3.3 days"), QStringLiteral("≤"), ragLabel(Rag::Green)}));
    QCOMPARE(r.rows[1], (QStringList{QStringLiteral("李雷"), QStringLiteral("—"), QStringLiteral("≥"), ragLabel(Rag::Orange)}));
    // Without headers, the machine names stand in (DataTable::header).
    QCOMPARE(r.headers[0], QStringLiteral("rep"));
}

void TestReportTable::flagsAndRows()
{
    // conversionTable(): org_id and too_few (raised nowhere) are left out; flagged says "yes".
    DataTable t;
    t.columns = {QStringLiteral("org_id"), QStringLiteral("org"), QStringLiteral("from_stage"), QStringLiteral("entered"),
                 QStringLiteral("rate_pct"), QStringLiteral("flagged"), QStringLiteral("too_few")};
    for (int i = 0; i < 10; ++i)
        t.rows << QVariantList{QString::number(i), QStringLiteral("华东"), QStringLiteral("触达"), 1000 + i,
                               i == 3 ? QVariant() : QVariant(20.0 + i), i == 2 ? 1 : 0, 0};
    ReportFormat f;
    f.maxRows = 6;
    const ReportTable r = reportTable(t, f);
    QCOMPARE(r.headers, (QStringList{QStringLiteral("org"), QStringLiteral("from_stage"), QStringLiteral("entered"),
                                     QStringLiteral("rate_pct"), QStringLiteral("flagged")}));
    QCOMPARE(r.numeric, (QList<bool>{false, false, true, true, false}));
    QCOMPARE(r.rows.size(), 6);
    QCOMPARE(r.moreRows, 4);
    QCOMPARE(r.rows[0][2], QStringLiteral("1,000"));
    QCOMPARE(r.rows[2][4], QStringLiteral("yes"));
    QCOMPARE(r.rows[0][4], QString());
    QCOMPARE(r.rows[3][3], QStringLiteral("—"));
    QCOMPARE(r.rows[1][3], QStringLiteral("21.0 %"));
    f.hiddenColumns = {QStringLiteral("from_stage")};
    QVERIFY(!reportTable(t, f).headers.contains(QStringLiteral("from_stage")));
}

void TestReportTable::numbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("text");
    QTest::newRow("trailing zeros dropped") << 7.20 << 2 << "7.2";
    QTest::newRow("whole") << 46425.0 << 2 << "46,425";
    QTest::newRow("rounded") << 542678.3 << 0 << "542,678";
    QTest::newRow("one decimal") << 183.92 << 1 << "183.9";
    QTest::newRow("zero") << 0.0 << 2 << "0";
    QTest::newRow("not a number") << qQNaN() << 2 << "—";
}

void TestReportTable::numbers()
{
    QFETCH(double, value);
    QFETCH(int, decimals);
    QFETCH(QString, text);
    QCOMPARE(reportNumber(value, QLocale(QLocale::English, QLocale::UnitedStates), decimals), text);
    QCOMPARE(valueWithUnit(QStringLiteral("3"), QString()), QStringLiteral("3"));
    QCOMPARE(valueWithUnit(QStringLiteral("—"), QStringLiteral("days")), QStringLiteral("—"));
    QCOMPARE(comparisonLabel(QStringLiteral("<=")), QStringLiteral("≤"));
    QCOMPARE(ragKeyLabel(QStringLiteral("not a colour")), QStringLiteral("not a colour"));
}

QTEST_GUILESS_MAIN(TestReportTable)
#include "tst_reporttable.moc"

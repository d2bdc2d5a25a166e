// Pinyin table (generated from Unihan), full/initials/sortKey, and PinyinIndex matching.
#include "pinyin/pinyin.h"
#include "pinyin/pinyinindex.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace cockpit;

namespace {

QStringList syllables(char32_t cp)
{
    QStringList out;
    for (std::uint16_t id : pinyin::readings(cp))
        out << QString(pinyin::syllable(id));
    return out;
}

bool matchOne(const QString &name, const QStringList &aliases, const QString &query)
{
    PinyinIndex index;
    index.add(name, aliases);
    return index.matches(0, PinyinQuery(query));
}

} // namespace

class TestPinyin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readings_data();
    void readings();
    void coverage();
    void syllablesAreToneless();
    void fullAndInitials_data();
    void fullAndInitials();
    void sortKeyOrder_data();
    void sortKeyOrder();
    void match_data();
    void match();
    void queryBasics();
    void matchKind_data();
    void matchKind();
    void indexConsistency();
    void setReplacesText();
    void manyEditsStayCompact();
    void matchSpeed50k();
};

void TestPinyin::readings_data()
{
    QTest::addColumn<uint>("cp");
    QTest::addColumn<QString>("first");    // expected first reading, empty = no readings
    QTest::addColumn<QString>("contains"); // must also be among the readings
    QTest::newRow("世: shi") << uint(U'世') << "shi" << "shi";
    QTest::newRow("重: kMandarin zhong first, chong too") << uint(U'重') << "zhong" << "chong";
    QTest::newRow("庆: qing") << uint(U'庆') << "qing" << "qing";
    QTest::newRow("绿: lv (ü as v), lu too") << uint(U'绿') << "lv" << "lu";
    QTest::newRow("女: nv") << uint(U'女') << "nv" << "nv";
    QTest::newRow("行: xing first, hang too") << uint(U'行') << "xing" << "hang";
    QTest::newRow("Ext A 㐀 has a reading") << uint(0x3400) << "qiu" << "qiu";
    QTest::newRow("ASCII A: none") << uint('A') << "" << "";
    QTest::newRow("Hiragana あ: none") << uint(U'あ') << "" << "";
    QTest::newRow("Ext B U+20000: none (not covered)") << uint(0x20000) << "" << "";
}

void TestPinyin::readings()
{
    QFETCH(uint, cp);
    QFETCH(QString, first);
    QFETCH(QString, contains);
    const QStringList got = syllables(char32_t(cp));
    if (first.isEmpty()) {
        QVERIFY2(got.isEmpty(), qPrintable(got.join(u',')));
        return;
    }
    QVERIFY(!got.isEmpty());
    QCOMPARE(got.front(), first);
    QVERIFY2(got.contains(contains), qPrintable(got.join(u',')));
    QVERIFY(got.size() <= 6);
    QCOMPARE(QSet<QString>(got.begin(), got.end()).size(), got.size()); // deduplicated
}

void TestPinyin::coverage()
{
    // Measured with Unicode 15.0 (Debian 12 unicode-data): 91 of U+4E00..U+9FFF and
    // 908 of all 27 584 covered code points have no Mandarin reading in any field.
    // The bounds leave room for newer data but catch a broken generator or parser.
    int missing = 0;
    for (char32_t cp = 0x4E00; cp <= 0x9FFF; ++cp)
        missing += pinyin::readings(cp).empty();
    int missingAll = missing;
    for (char32_t cp = 0x3400; cp <= 0x4DBF; ++cp)
        missingAll += pinyin::readings(cp).empty();
    qInfo("code points without reading: %d in U+4E00..U+9FFF, %d in all", missing, missingAll);
    QVERIFY2(missing < 150, qPrintable(QString::number(missing)));
    QVERIFY2(missingAll < 1200, qPrintable(QString::number(missingAll)));
    QVERIFY(pinyin::readings(0x4DC0).empty()); // Yijing hexagrams between the two blocks
}

void TestPinyin::syllablesAreToneless()
{
    // Tone marks, ü and the syllabic m/n/ê spellings must all have become [a-z].
    QVERIFY(pinyin::syllableCount() > 400 && pinyin::syllableCount() < 500);
    for (int i = 0; i < pinyin::syllableCount(); ++i) {
        const QLatin1String s = pinyin::syllable(std::uint16_t(i));
        QVERIFY(!s.isEmpty());
        for (char c : s)
            QVERIFY2(c >= 'a' && c <= 'z', s.data());
    }
    QVERIFY(pinyin::syllable(std::uint16_t(pinyin::syllableCount())).isEmpty());
}

void TestPinyin::fullAndInitials_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("full");
    QTest::addColumn<QString>("initials");
    QTest::newRow("博世") << u"博世"_qs << "boshi" << "bs";
    QTest::newRow("华为") << u"华为"_qs << "huawei" << "hw";
    QTest::newRow("重庆 uses the first reading") << u"重庆"_qs << "zhongqing" << "zq";
    QTest::newRow("ASCII kept lower-cased") << u"ABC科技"_qs << "abckeji" << "abckj";
    QTest::newRow("spaces and punctuation dropped") << u"Ab-1 (绿)"_qs << "ab1lv" << "ab1l";
    QTest::newRow("empty") << QString() << "" << "";
}

void TestPinyin::fullAndInitials()
{
    QFETCH(QString, text);
    QFETCH(QString, full);
    QFETCH(QString, initials);
    QCOMPARE(pinyin::full(text), full);
    QCOMPARE(pinyin::initials(text), initials);
}

void TestPinyin::sortKeyOrder_data()
{
    QTest::addColumn<QString>("lower");
    QTest::addColumn<QString>("higher");
    QTest::newRow("西安 'xi an' before 先 'xian'") << u"西安"_qs << u"先"_qs;
    QTest::newRow("阿里 before 博世") << u"阿里"_qs << u"博世"_qs;
    QTest::newRow("博世 before 华为") << u"博世"_qs << u"华为"_qs;
    QTest::newRow("case-insensitive: abc before Abd") << u"abc"_qs << u"Abd"_qs;
    QTest::newRow("prefix first: 博 before 博世") << u"博"_qs << u"博世"_qs;
    QTest::newRow("same pinyin still ordered: 世 vs 是") << u"世"_qs << u"是"_qs;
}

void TestPinyin::sortKeyOrder()
{
    QFETCH(QString, lower);
    QFETCH(QString, higher);
    QVERIFY2(pinyin::sortKey(lower) < pinyin::sortKey(higher),
             qPrintable(pinyin::sortKey(lower) + u" / " + pinyin::sortKey(higher)));
}

void TestPinyin::match_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("aliases");
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("expected");
    const QStringList bosch{u"BOSCH"_qs, u"Bosch"_qs};
    QTest::newRow("博世 / bs initials") << u"博世"_qs << bosch << "bs" << true;
    QTest::newRow("博世 / bosh prefixes") << u"博世"_qs << bosch << "bosh" << true;
    QTest::newRow("博世 / boshi full") << u"博世"_qs << bosch << "boshi" << true;
    QTest::newRow("博世 / bshi initial+full") << u"博世"_qs << bosch << "bshi" << true;
    QTest::newRow("博世 / bosch alias") << u"博世"_qs << bosch << "bosch" << true;
    QTest::newRow("博世 / BoSCh mixed-case alias") << u"博世"_qs << bosch << "BoSCh" << true;
    QTest::newRow("博世 / bosch without aliases") << u"博世"_qs << QStringList() << "bosch" << false;
    QTest::newRow("博世 / 博世 literal") << u"博世"_qs << bosch << u"博世"_qs << true;
    QTest::newRow("博世 / 博shi mixed") << u"博世"_qs << bosch << u"博shi"_qs << true;
    QTest::newRow("博世 / bo shi with space") << u"博世"_qs << bosch << "bo shi" << true;
    QTest::newRow("博世 / padded query") << u"博世"_qs << bosch << "  BS " << true;
    QTest::newRow("博世 / hw no") << u"博世"_qs << bosch << "hw" << false;
    QTest::newRow("博世 / bsx too long no") << u"博世"_qs << bosch << "bsx" << false;
    QTest::newRow("博世 / boshh no") << u"博世"_qs << bosch << "boshh" << false;
    QTest::newRow("华为 / hw") << u"华为"_qs << QStringList() << "hw" << true;
    QTest::newRow("华为 / huawei") << u"华为"_qs << QStringList() << "huawei" << true;
    QTest::newRow("华为 / bs no") << u"华为"_qs << QStringList() << "bs" << false;
    QTest::newRow("重庆 / chongqing second reading") << u"重庆"_qs << QStringList() << "chongqing" << true;
    QTest::newRow("重庆 / cq") << u"重庆"_qs << QStringList() << "cq" << true;
    QTest::newRow("重庆 / zhongqing") << u"重庆"_qs << QStringList() << "zhongqing" << true;
    QTest::newRow("重庆 / xyz no") << u"重庆"_qs << QStringList() << "xyz" << false;
    QTest::newRow("empty query matches") << u"重庆"_qs << QStringList() << "" << true;
    QTest::newRow("blank query matches") << u"重庆"_qs << QStringList() << "   " << true;
    QTest::newRow("middle: 苏州博世汽车 / bs") << u"苏州博世汽车"_qs << QStringList() << "bs" << true;
    QTest::newRow("middle: 苏州博世汽车 / boshiqiche") << u"苏州博世汽车"_qs << QStringList() << "boshiqiche" << true;
    QTest::newRow("not consecutive: 苏州博世汽车 / szqc no") << u"苏州博世汽车"_qs << QStringList() << "szqc" << false;
    QTest::newRow("西门子 alias Siemens / siem") << u"西门子"_qs << QStringList{u"Siemens"_qs} << "siem" << true;
    QTest::newRow("西门子 / xmz") << u"西门子"_qs << QStringList{u"Siemens"_qs} << "xmz" << true;
    QTest::newRow("no run across name and alias") << u"西门子"_qs << QStringList{u"Siemens"_qs} << "zisie" << false;
    QTest::newRow("ABC科技 / abck literal+pinyin") << u"ABC科技"_qs << QStringList() << "abck" << true;
    QTest::newRow("ABC科技 / ABCKJ") << u"ABC科技"_qs << QStringList() << "ABCKJ" << true;
    QTest::newRow("spaces in name skipped: Bosch GmbH / boschg") << u"Bosch GmbH"_qs << QStringList() << "boschg" << true;
    QTest::newRow("punctuation skipped: 博世(中国) / bszg") << u"博世(中国)"_qs << QStringList() << "bszg" << true;
    QTest::newRow("full-width parentheses skipped") << u"博世（中国）"_qs << QStringList() << "boshizhongguo" << true;
    QTest::newRow("literal punctuation: A-1 / a-1") << u"A-1 Handel"_qs << QStringList() << "a-1" << true;
    QTest::newRow("ü typed as v: 绿地 / lvdi") << u"绿地"_qs << QStringList() << "lvdi" << true;
    QTest::newRow("ü typed as ü: 绿地 / lü") << u"绿地"_qs << QStringList() << u"lü"_qs << true;
    const QString longName = QString(70, u'x') + u"博世"_qs;
    QTest::newRow("long query: substring only, hit") << longName << QStringList() << QString(70, u'x') << true;
    QTest::newRow("long query: no pinyin") << longName << QStringList() << (QString(69, u'x') + u"bs") << false;
}

void TestPinyin::match()
{
    QFETCH(QString, name);
    QFETCH(QStringList, aliases);
    QFETCH(QString, query);
    QFETCH(bool, expected);
    QCOMPARE(matchOne(name, aliases, query), expected);
}

// Ranking a search's hits (issue 13: "bs" lists every "BI数据分析" title before 博世): the
// whole name or an alias, the start of one, or anywhere.
void TestPinyin::matchKind_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("aliases");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("kind");
    using M = PinyinIndex::Match;
    const QStringList bosch{QStringLiteral("BOSCH"), QStringLiteral("博世中国")};
    QTest::newRow("bs: initials of the whole name") << "博世" << bosch << "bs" << int(M::Whole);
    QTest::newRow("boshi: full pinyin") << "博世" << bosch << "boshi" << int(M::Whole);
    QTest::newRow("bo shi: spaces ignored") << "博世" << bosch << "bo shi" << int(M::Whole);
    QTest::newRow("博世: the name") << "博世" << bosch << "博世" << int(M::Whole);
    QTest::newRow("bosch: an alias, any case") << "博世" << bosch << "Bosch" << int(M::Whole);
    QTest::newRow("bszg: the second alias") << "博世" << bosch << "bszg" << int(M::Whole);
    QTest::newRow("b: the start") << "博世" << bosch << "b" << int(M::Prefix);
    QTest::newRow("bos: start of BOSCH") << "博世" << QStringList{QStringLiteral("BOSCH")} << "bosc" << int(M::Prefix);
    QTest::newRow("trailing punctuation skipped") << "博世(中国)" << QStringList() << "bszg" << int(M::Whole);
    QTest::newRow("bs inside a longer name: prefix") << "博世汽车部件" << QStringList() << "bs" << int(M::Prefix);
    QTest::newRow("bs in the middle: anywhere") << "上海博世" << QStringList() << "bs" << int(M::Anywhere);
    QTest::newRow("BI数据分析 by bs: anywhere") << "BI数据分析" << QStringList() << "bs" << int(M::Anywhere);
    QTest::newRow("no match") << "华为" << QStringList() << "bs" << int(M::None);
}

void TestPinyin::matchKind()
{
    QFETCH(QString, name);
    QFETCH(QStringList, aliases);
    QFETCH(QString, query);
    QFETCH(int, kind);
    PinyinIndex index;
    index.add(QStringLiteral("华为"));
    const int i = index.add(name, aliases);
    QCOMPARE(int(index.matchKind(i, PinyinQuery(query))), kind);
    QCOMPARE(index.matches(i, PinyinQuery(query)), kind != int(PinyinIndex::Match::None));
}

void TestPinyin::queryBasics()
{
    QVERIFY(PinyinQuery(u"").isEmpty());
    QVERIFY(PinyinQuery(u"  \t").isEmpty());
    QVERIFY(!PinyinQuery(u" x ").isEmpty());
    QCOMPARE(PinyinQuery(u"  BoSch GmbH ").text(), u"bosch gmbh"_qs);
}

void TestPinyin::indexConsistency()
{
    const QStringList names{u"博世"_qs, u"华为"_qs, u"重庆钢铁"_qs, u"苏州博世汽车"_qs,
                            u"西门子"_qs, u"ABC科技"_qs, QString(), u"Huawei Deutschland"_qs};
    PinyinIndex index;
    index.reserve(int(names.size()), 64);
    for (int i = 0; i < names.size(); ++i)
        QCOMPARE(index.add(names[i], i == 4 ? QStringList{u"Siemens"_qs} : QStringList()), i);
    QCOMPARE(index.size(), int(names.size()));
    QVERIFY(index.memoryBytes() > 0);

    const QStringList queries{u""_qs, u"bs"_qs, u"hw"_qs, u"huawei"_qs, u"cq"_qs, u"siem"_qs, u"zz"_qs};
    const QList<QList<int>> expected{{0, 1, 2, 3, 4, 5, 6, 7}, {0, 3}, {1}, {1, 7}, {2}, {4}, {}};
    for (int k = 0; k < queries.size(); ++k) {
        const PinyinQuery q(queries[k]);
        std::vector<char> out{42};
        index.matchAll(q, out);
        QCOMPARE(int(out.size()), index.size());
        QList<int> hits;
        for (int i = 0; i < index.size(); ++i) {
            QCOMPARE(out[std::size_t(i)] == 1, index.matches(i, q));
            QVERIFY(out[std::size_t(i)] == 0 || out[std::size_t(i)] == 1);
            if (out[std::size_t(i)])
                hits << i;
        }
        QCOMPARE(hits, expected[k]);
    }
    index.clear();
    QCOMPARE(index.size(), 0);
}

void TestPinyin::setReplacesText()
{
    PinyinIndex index;
    index.add(u"华为"_qs);
    index.add(u"博世"_qs, {u"Bosch"_qs});
    index.add(u"西门子"_qs);
    const PinyinQuery bs(u"bs"), bosch(u"bosch"), hw(u"hw"), xmz(u"xmz");
    QVERIFY(index.matches(1, bs) && index.matches(1, bosch));

    index.set(1, u"华"_qs); // shorter: rewritten in place
    QVERIFY(!index.matches(1, bs) && !index.matches(1, bosch));
    QVERIFY(index.matches(1, PinyinQuery(u"hua")));
    QVERIFY(!index.matches(1, hw));

    index.set(1, u"苏州博世汽车有限公司"_qs, {u"Bosch Suzhou"_qs}); // longer: appended
    QVERIFY(index.matches(1, bs) && index.matches(1, bosch));
    QCOMPARE(index.size(), 3);
    // Neighbours untouched.
    QVERIFY(index.matches(0, hw) && !index.matches(0, bs));
    QVERIFY(index.matches(2, xmz) && !index.matches(2, bs));
}

void TestPinyin::manyEditsStayCompact()
{
    PinyinIndex index;
    for (int i = 0; i < 100; ++i)
        index.add(u"华为"_qs);
    for (int round = 0; round < 2000; ++round)
        index.set(round % 100, round % 2 ? u"博世汽车零部件有限公司"_qs : u"西门子股份有限公司"_qs);
    QVERIFY2(index.memoryBytes() < 64 * 1024, qPrintable(QString::number(index.memoryBytes())));
    std::vector<char> out;
    index.matchAll(PinyinQuery(u"xmz"), out);
    QCOMPARE(std::count(out.begin(), out.end(), 1), 50); // last round wrote even rounds' text
    index.matchAll(PinyinQuery(u"bosh"), out);
    QCOMPARE(std::count(out.begin(), out.end(), 1), 50);
}

void TestPinyin::matchSpeed50k()
{
    // Budget: well under 10 ms per query for 50 000 names on one core. Printed, not asserted.
    static const QString pool = u"北京上海广州深圳重庆天津苏州杭州南京武汉成都西安长沙青岛宁波"
                                u"华为博世西门子中兴海尔美的格力联想腾讯阿里巴巴百度京东小米"
                                u"科技电子机械汽车零部件化工材料能源贸易物流医药食品服装建筑"
                                u"国际集团实业发展控股投资新东方明光辉宏达鑫隆昌盛泰丰源通"_qs;
    const QString suffixes[] = {u"有限公司"_qs, u"股份有限公司"_qs, u"集团"_qs, u"GmbH"_qs, QString()};
    QRandomGenerator rng(20261122);
    PinyinIndex index;
    index.reserve(50000, 50000 * 12);
    for (int i = 0; i < 50000; ++i) {
        QString name;
        const int len = 2 + int(rng.bounded(6));
        for (int k = 0; k < len; ++k)
            name += pool[qsizetype(rng.bounded(int(pool.size())))];
        name += suffixes[rng.bounded(5)];
        index.add(name, i % 10 == 0 ? QStringList{u"Alias Name %1"_qs.arg(i)} : QStringList());
    }
    qInfo("index of 50000 names: %.1f MB", index.memoryBytes() / 1e6);

    std::vector<char> out;
    for (const char16_t *text : {u"b", u"bs", u"boshi", u"zhongqing", u"cq", u"hwkj", u"huaweikeji",
                                 u"博世", u"youxiangongsi", u"alias name 4", u"xyzq"}) {
        QElapsedTimer t;
        t.start();
        const PinyinQuery q{QStringView(text)};
        index.matchAll(q, out);
        const double ms = t.nsecsElapsed() / 1e6;
        qInfo("query %-16s %6.2f ms  %5d hits", qPrintable(QString::fromUtf16(text)), ms,
              int(std::count(out.begin(), out.end(), 1)));
    }
}

QTEST_GUILESS_MAIN(TestPinyin)
#include "tst_pinyin.moc"

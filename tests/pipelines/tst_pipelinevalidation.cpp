// Pipeline validation: each rule gives its own message naming the stage, the shipped
// templates pass, and SLA formatting round-trips.
#include "domain/pipeline.h"
#include "domain/pipelinevalidation.h"

#include <QTest>

using namespace cockpit;

Q_DECLARE_METATYPE(cockpit::PipelineDef)

class TestPipelineValidation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void templatesAreValid();
    void issues_data();
    void issues();
    void everyIssueIsReported();
    void sla_data();
    void sla();
    void stageCodes();
};

namespace {
PipelineDef base()
{
    return pipelineTemplates().at(0); // 线索生命周期: 5 stages, closing stage last
}
} // namespace

void TestPipelineValidation::templatesAreValid()
{
    const auto all = pipelineTemplates();
    for (const PipelineDef &p : all) {
        QStringList others;
        for (const PipelineDef &o : all)
            if (o.code != p.code)
                others << o.name << o.nameEn;
        const auto issues = validatePipeline(p, others);
        QVERIFY2(issues.isEmpty(), qPrintable(p.code + QStringLiteral(": ") + (issues.isEmpty() ? QString() : issues.first().message)));
    }
}

void TestPipelineValidation::issues_data()
{
    QTest::addColumn<PipelineDef>("def");
    QTest::addColumn<QStringList>("others");
    QTest::addColumn<int>("stage");      // the stage the first issue names (-1 = whole pipeline)
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message"); // the first issue's exact text

    PipelineDef d = base();
    d.stages.clear();
    QTest::newRow("no stages") << d << QStringList() << -1 << "stages"
                               << "The pipeline has no stages. Add at least one working stage and the closing stage.";
    d = base();
    d.stages = {d.stages.last()};
    QTest::newRow("only the closing stage") << d << QStringList() << -1 << "stages"
        << "The pipeline needs at least two stages: a working stage and the closing stage.";
    d = base();
    d.name = QStringLiteral("  ");
    QTest::newRow("no pipeline name") << d << QStringList() << -1 << "name" << "The pipeline needs a name.";
    d = base();
    QTest::newRow("duplicate pipeline name") << d << QStringList{QStringLiteral("线索生命周期")} << -1 << "name"
                                             << "Another pipeline is already called “线索生命周期”.";
    QTest::newRow("duplicate English pipeline name, other case")
        << d << QStringList{QStringLiteral("LEAD LIFECYCLE")} << -1 << "name_en"
        << "Another pipeline is already called “Lead lifecycle”.";
    d = base();
    d.stages[2].name = QString();
    QTest::newRow("empty stage name") << d << QStringList() << 2 << "name" << "Stage 3 has no name.";
    d = base();
    d.stages[3].name = QStringLiteral(" 来源登记 ");
    QTest::newRow("duplicate stage name") << d << QStringList() << 3 << "name"
                                          << "Stage 4 “来源登记” has the same name as stage 1.";
    d = base();
    d.stages[1].nameEn = QStringLiteral("source REGISTERED");
    QTest::newRow("duplicate English stage name") << d << QStringList() << 1 << "name_en"
        << "Stage 2 “15分钟初筛” has the same English name “source REGISTERED” as stage 1.";
    d = base();
    d.stages[1].slaMinutes = 0;
    QTest::newRow("working stage without SLA") << d << QStringList() << 1 << "sla"
        << "Stage 2 “15分钟初筛” needs an SLA of more than 0 (only the closing stage may have none).";
    d = base();
    d.stages[0].slaMinutes = -5;
    QTest::newRow("negative SLA") << d << QStringList() << 0 << "sla"
        << "Stage 1 “来源登记” needs an SLA of more than 0 (only the closing stage may have none).";
    d = base();
    d.stages[2].slaMinutes = kMaxSlaMinutes + 1;
    QTest::newRow("SLA over a year") << d << QStringList() << 2 << "sla" << "Stage 3 “需求诊断” has an SLA longer than 365 days.";
    d = base();
    d.stages[1].exitGate << QStringLiteral("credit_score");
    QTest::newRow("unknown gate code") << d << QStringList() << 1 << "exit_gate"
                                       << "Stage 2 “15分钟初筛” requires an unknown gate field “credit_score”.";
    d = base();
    d.stages[1].exitGate << QString::fromLatin1(gate::BudgetBand);
    QTest::newRow("gate field twice") << d << QStringList() << 1 << "exit_gate"
                                      << "Stage 2 “15分钟初筛” lists the gate field “Budget band” twice.";
    d = base();
    d.stages[3].standardActions << QStringLiteral("fax");
    QTest::newRow("unknown standard action") << d << QStringList() << 3 << "standard_actions"
                                             << "Stage 4 “方案报价” lists an unknown standard action “fax”.";
    d = base();
    d.stages[4].terminal = false;
    d.stages[4].slaMinutes = 60;
    QTest::newRow("last stage is not closing") << d << QStringList() << 4 << "terminal"
                                               << "Stage 5 “签约交付” is the last stage and must be the closing stage.";
    d = base();
    d.stages[2].terminal = true;
    QTest::newRow("closing stage in the middle") << d << QStringList() << 2 << "terminal"
        << "Stage 3 “需求诊断” is a closing stage but not the last one; only the last stage may close the deal.";
    d = base();
    d.stages[4].exitGate = {QString::fromLatin1(gate::DemoDone)};
    QTest::newRow("closing stage with an exit gate") << d << QStringList() << 4 << "exit_gate"
        << "Stage 5 “签约交付” is the closing stage; nothing leaves it, so it cannot have an exit gate.";
    d = base();
    d.stages[2].code = QStringLiteral("screen");
    QTest::newRow("duplicate stage code") << d << QStringList() << 2 << "code"
                                          << "Stage 3 “需求诊断” has the same code “screen” as stage 2.";
    d = base();
    d.stages[0].code = QStringLiteral("Bad Code");
    QTest::newRow("invalid stage code") << d << QStringList() << 0 << "code"
                                        << "Stage 1 “来源登记” has an invalid code “Bad Code” (use a-z, 0-9 and _).";
    d = base();
    d.handoverSlaMinutes = -1;
    QTest::newRow("negative hand-over target") << d << QStringList() << -1 << "sla"
                                               << "Response and hand-over targets cannot be negative.";
}

void TestPipelineValidation::issues()
{
    QFETCH(PipelineDef, def);
    QFETCH(QStringList, others);
    QFETCH(int, stage);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const auto found = validatePipeline(def, others);
    QVERIFY(!found.isEmpty());
    QCOMPARE(found.first().message, message);
    QCOMPARE(found.first().stage, stage);
    QCOMPARE(found.first().field, field);
}

void TestPipelineValidation::everyIssueIsReported()
{
    PipelineDef d = base();
    d.stages[0].name.clear();
    d.stages[1].slaMinutes = 0;
    d.stages[4].terminal = false;
    const auto found = validatePipeline(d);
    // Stage 5 loses its closing flag, so its 0 SLA is wrong too.
    QCOMPARE(found.size(), 4);
    QCOMPARE(found.at(0).stage, 0);
    QCOMPARE(found.at(1).stage, 1);
    QCOMPARE(found.at(2).field, QStringLiteral("sla"));
    QCOMPARE(found.at(3).field, QStringLiteral("terminal"));
}

void TestPipelineValidation::sla_data()
{
    QTest::addColumn<int>("minutes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("value");
    QTest::addColumn<int>("unit");
    QTest::newRow("none") << 0 << "no SLA" << 0 << int(SlaUnit::Minutes);
    QTest::newRow("15 minutes") << 15 << "15 min" << 15 << int(SlaUnit::Minutes);
    QTest::newRow("2 hours") << 120 << "2 h" << 2 << int(SlaUnit::Hours);
    QTest::newRow("90 minutes") << 90 << "90 min" << 90 << int(SlaUnit::Minutes);
    QTest::newRow("48 hours are 2 days") << 2880 << "2 d" << 2 << int(SlaUnit::Days);
    QTest::newRow("36 hours") << 2160 << "36 h" << 36 << int(SlaUnit::Hours);
    QTest::newRow("5 days") << 7200 << "5 d" << 5 << int(SlaUnit::Days);
}

void TestPipelineValidation::sla()
{
    QFETCH(int, minutes);
    QFETCH(QString, text);
    QFETCH(int, value);
    QFETCH(int, unit);
    QCOMPARE(formatSla(minutes), text);
    const SlaParts p = slaParts(minutes);
    QCOMPARE(p.value, value);
    QCOMPARE(int(p.unit), unit);
    QCOMPARE(slaMinutes(p.value, p.unit), minutes);
}

void TestPipelineValidation::stageCodes()
{
    const PipelineDef d = base();
    QCOMPARE(uniqueStageCode(d, QStringLiteral("Site visit!")), QStringLiteral("site_visit"));
    QCOMPARE(uniqueStageCode(d, QStringLiteral("screen")), QStringLiteral("screen_2"));
    QCOMPARE(uniqueStageCode(d, QStringLiteral("需求")), QStringLiteral("stage"));
    PipelineDef e = d;
    e.stages.append(StageDef{QStringLiteral("screen_2"), QStringLiteral("x"), {}, 1, {}, {}, false});
    QCOMPARE(uniqueStageCode(e, QStringLiteral("Screen")), QStringLiteral("screen_3"));
}

QTEST_GUILESS_MAIN(TestPipelineValidation)
#include "tst_pipelinevalidation.moc"

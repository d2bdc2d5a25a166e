// Pipelines as versioned data: a saved change is a new version written in one transaction
// with its outbox rows; leads on the old version keep its stage ids and history; new leads
// and the editor see the new version. Bulk "move to next stage" goes through the gate.
#include "items/bulkmove.h"
#include "items/catalog.h"
#include "storage/database.h"
#include "items/editcontroller.h"
#include "domain/ids.h"
#include "storage/leadrepository.h"
#include "storage/pipelinerepository.h"

#include "fixture.h"

#include <QSqlDatabase>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace cockpit;
using storage::PipelineRepository;

class TestPipelineRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void currentListsTemplates();
    void loadRoundTrips();
    void saveNewVersionKeepsOldLeads();
    void saveWritesOutboxInOneTransaction();
    void invalidSaveWritesNothing();
    void migrateOpenLeadsByStageCode();
    void createPipeline();
    void resolveAndNext();
    void moveStageRecordsWhoWhenReason();
    void bulkMovePartialRefusalAndUndo();
    void bulkSummary();
    void catalogReloadsOnSave();

private:
    QString value(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        return q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
    }
    int count(const QString &sql) { return value(sql).toInt(); }
    QTemporaryDir *m_dir = nullptr;
    storage::Database *m_db = nullptr;
};

void TestPipelineRepository::init()
{
    m_dir = new QTemporaryDir;
    m_db = new storage::Database;
    QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("p.db")), storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(*m_db));
}

void TestPipelineRepository::cleanup()
{
    delete m_db;
    delete m_dir;
}

void TestPipelineRepository::currentListsTemplates()
{
    PipelineRepository repo(*m_db);
    const auto cur = repo.current();
    QCOMPARE(cur.size(), 3);
    QCOMPARE(cur.at(0).code, QStringLiteral("lifecycle"));
    QCOMPARE(cur.at(1).code, QStringLiteral("b2b"));
    QCOMPARE(cur.at(2).code, QStringLiteral("key_account"));
    QCOMPARE(cur.at(0).version, 1);
    QCOMPARE(cur.at(0).stageCount, 5);
}

void TestPipelineRepository::loadRoundTrips()
{
    PipelineRepository repo(*m_db);
    const auto p = repo.loadCurrent(QStringLiteral("lifecycle"));
    QVERIFY(p);
    const PipelineDef t = pipelineTemplates().at(0);
    QCOMPARE(p->def.name, t.name);
    QCOMPARE(p->def.stages.size(), t.stages.size());
    QCOMPARE(p->stageIds.size(), t.stages.size());
    for (int i = 0; i < t.stages.size(); ++i) {
        QCOMPARE(p->def.stages.at(i).code, t.stages.at(i).code);
        QCOMPARE(p->def.stages.at(i).exitGate, t.stages.at(i).exitGate);
        QCOMPARE(p->def.stages.at(i).standardActions, t.stages.at(i).standardActions);
        QCOMPARE(p->def.stages.at(i).slaMinutes, t.stages.at(i).slaMinutes);
        QCOMPARE(p->def.stages.at(i).terminal, t.stages.at(i).terminal);
    }
}

void TestPipelineRepository::saveNewVersionKeepsOldLeads()
{
    PipelineRepository repo(*m_db);
    const auto v1 = repo.loadCurrent(QStringLiteral("lifecycle"));
    const QString oldScreen = fixture::stageId(m_db->connection(), "lifecycle", "screen");
    QCOMPARE(value(QStringLiteral("SELECT stage_id FROM leads WHERE id = 1")), oldScreen);

    PipelineDef def = v1->def;
    def.stages[1].name = QStringLiteral("30分钟初筛"); // rename
    def.stages[1].slaMinutes = 30;
    StageDef visit{QStringLiteral("visit"), QStringLiteral("上门拜访"), QStringLiteral("Site visit"), 3 * 24 * 60,
                   {}, {QStringLiteral("visit")}, false};
    def.stages.insert(3, visit);
    std::swap(def.stages[3], def.stages[2]); // reorder: visit before 需求诊断
    const auto r = repo.saveNewVersion(def);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.version, 2);
    QCOMPARE(r.migratedLeads, 0);

    // The new version is current; the old one is still there for its leads.
    const auto cur = repo.current();
    QCOMPARE(cur.at(0).id, r.pipelineId);
    QCOMPARE(cur.at(0).version, 2);
    QCOMPARE(cur.at(0).stageCount, 6);
    QCOMPARE(repo.currentPipelineId(QStringLiteral("lifecycle")), r.pipelineId);
    QCOMPARE(repo.firstStageId(QStringLiteral("lifecycle")), repo.load(r.pipelineId)->stageIds.at(0));
    QVERIFY(repo.load(v1->id));
    QCOMPARE(repo.load(v1->id)->def.stages.at(1).name, QStringLiteral("15分钟初筛"));

    // Leads and their history still point at version 1's stages.
    QCOMPARE(value(QStringLiteral("SELECT stage_id FROM leads WHERE id = 1")), oldScreen);
    QCOMPARE(value(QStringLiteral("SELECT to_stage_id FROM stage_history WHERE id = 1")), oldScreen); // h1
    QCOMPARE(value(QStringLiteral("SELECT name FROM pipeline_stages WHERE id = %1").arg(oldScreen)),
             QStringLiteral("15分钟初筛"));
    // …and a lead on version 1 moves within version 1, through version 1's gate.
    storage::LeadRepository leads(*m_db);
    QCOMPARE(repo.nextStageId(oldScreen), v1->stageIds.at(2));
    QVERIFY(!leads.moveStage(QStringLiteral("1"), v1->stageIds.at(2), QStringLiteral("101"), {}).ok);
    QVERIFY(!leads.moveStage(QStringLiteral("1"), repo.load(r.pipelineId)->stageIds.at(2), QStringLiteral("101"), {}).ok);

    // The version history counts the leads on each version.
    const auto versions = repo.versions(QStringLiteral("lifecycle"));
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions.at(0).version, 2);
    QCOMPARE(versions.at(0).leads, 0);
    QCOMPARE(versions.at(1).version, 1);
    QCOMPARE(versions.at(1).leads, 3);
    QCOMPARE(versions.at(1).openLeads, 2);

    // A third version counts from the current one.
    def.stages[0].slaMinutes = 45;
    const auto r3 = repo.saveNewVersion(def);
    QVERIFY2(r3.ok, qPrintable(r3.error));
    QCOMPARE(r3.version, 3);
}

void TestPipelineRepository::saveWritesOutboxInOneTransaction()
{
    PipelineRepository repo(*m_db);
    const int outboxBefore = count(QStringLiteral("SELECT count(*) FROM outbox"));
    PipelineDef def = repo.loadCurrent(QStringLiteral("b2b"))->def;
    def.stages[0].slaMinutes = 3 * 24 * 60;
    const auto r = repo.saveNewVersion(def);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), outboxBefore + 1 + 5);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE table_name = 'pipelines' AND op = 'insert'"
                                  " AND row_id = %1").arg(r.pipelineId)), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox o JOIN pipeline_stages s ON s.id = o.row_id"
                                  " WHERE o.table_name = 'pipeline_stages' AND s.pipeline_id = %1").arg(r.pipelineId)), 5);
    QVERIFY(value(QStringLiteral("SELECT fields FROM outbox WHERE table_name = 'pipelines' AND row_id = %1").arg(r.pipelineId))
                .contains(QLatin1String("\"version\":2")));

    // A failure half-way (a stage row that cannot be written) leaves nothing behind.
    QVERIFY(fixture::exec(m_db->connection(),
                          QStringLiteral("CREATE TRIGGER no_third BEFORE INSERT ON pipeline_stages"
                                         " WHEN NEW.position = 2 BEGIN SELECT RAISE(ABORT, 'disk full'); END")));
    const int pipelines = count(QStringLiteral("SELECT count(*) FROM pipelines"));
    const int stages = count(QStringLiteral("SELECT count(*) FROM pipeline_stages"));
    const int outbox = count(QStringLiteral("SELECT count(*) FROM outbox"));
    def.stages[0].slaMinutes = 4 * 24 * 60;
    const auto failed = repo.saveNewVersion(def);
    QVERIFY(!failed.ok);
    QVERIFY(failed.error.contains(QLatin1String("disk full")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM pipelines")), pipelines);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM pipeline_stages")), stages);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), outbox);
    QCOMPARE(repo.loadCurrent(QStringLiteral("b2b"))->def.version, 2);
}

void TestPipelineRepository::invalidSaveWritesNothing()
{
    PipelineRepository repo(*m_db);
    const int outbox = count(QStringLiteral("SELECT count(*) FROM outbox"));
    PipelineDef def = repo.loadCurrent(QStringLiteral("lifecycle"))->def;
    def.stages[2].name = def.stages[1].name;
    def.stages[3].slaMinutes = 0;
    const auto r = repo.saveNewVersion(def);
    QVERIFY(!r.ok);
    QCOMPARE(r.issues.size(), 2);
    QCOMPARE(r.error, QStringLiteral("Stage 3 “15分钟初筛” has the same name as stage 2."));
    // Renaming to another pipeline's name is refused as well.
    def = repo.loadCurrent(QStringLiteral("lifecycle"))->def;
    def.nameEn = QStringLiteral("Key account");
    QVERIFY(!repo.saveNewVersion(def).ok);
    def.code = QStringLiteral("nope");
    QVERIFY(repo.saveNewVersion(def).error.contains(QLatin1String("nope")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), outbox);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM pipelines")), 3);
}

void TestPipelineRepository::migrateOpenLeadsByStageCode()
{
    PipelineRepository repo(*m_db);
    const QString diagnose = fixture::stageId(m_db->connection(), "lifecycle", "diagnose");
    const QString sign = fixture::stageId(m_db->connection(), "lifecycle", "sign");
    PipelineDef def = repo.loadCurrent(QStringLiteral("lifecycle"))->def;
    def.stages.removeAt(2); // 需求诊断 is gone: lead-2 has nowhere to go and stays
    def.stages[1].name = QStringLiteral("初筛");
    const QString enteredBefore = value(QStringLiteral("SELECT cockpit_iso(stage_entered_at) FROM leads WHERE id = 1"));
    const int historyBefore = count(QStringLiteral("SELECT count(*) FROM stage_history"));
    const auto r = repo.saveNewVersion(def, storage::MigrateOpenLeads::ByStageCode);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.migratedLeads, 1);
    QCOMPARE(r.leftOnOldVersion, 1);
    const auto v2 = repo.load(r.pipelineId);
    QCOMPARE(value(QStringLiteral("SELECT stage_id FROM leads WHERE id = 1")), v2->stageIds.at(1));
    QCOMPARE(value(QStringLiteral("SELECT pipeline_id FROM leads WHERE id = 1")), r.pipelineId);
    QCOMPARE(value(QStringLiteral("SELECT cockpit_iso(stage_entered_at) FROM leads WHERE id = 1")), enteredBefore);
    QCOMPARE(value(QStringLiteral("SELECT stage_id FROM leads WHERE id = 2")), diagnose);
    // The won lead never moves; no stage history is invented; the lead update is in the outbox.
    QCOMPARE(value(QStringLiteral("SELECT stage_id FROM leads WHERE id = 3")), sign);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM stage_history")), historyBefore);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE table_name = 'leads' AND row_id = 1")), 1);
    // The migrated lead now meets version 2's gate.
    storage::LeadRepository leads(*m_db);
    const auto refused = leads.moveStage(QStringLiteral("1"), v2->stageIds.at(2), QStringLiteral("101"), {});
    QCOMPARE(refused.missingGate.size(), 3);
    const auto versions = repo.versions(QStringLiteral("lifecycle"));
    QCOMPARE(versions.at(0).openLeads, 1);
    QCOMPARE(versions.at(1).openLeads, 1);
}

void TestPipelineRepository::createPipeline()
{
    PipelineRepository repo(*m_db);
    PipelineDef def;
    def.name = QStringLiteral("渠道合作");
    def.nameEn = QStringLiteral("Channel partners");
    def.stages = {StageDef{QStringLiteral("recruit"), QStringLiteral("招募"), QStringLiteral("Recruit"), 7 * 24 * 60,
                           {QString::fromLatin1(gate::RequirementDoc)}, {QStringLiteral("meeting")}, false},
                  StageDef{QStringLiteral("signed"), QStringLiteral("签约"), QStringLiteral("Signed"), 0, {}, {}, true}};
    const auto r = repo.createPipeline(def);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.version, 1);
    const auto cur = repo.current();
    QCOMPARE(cur.size(), 4);
    QCOMPARE(cur.at(3).code, QStringLiteral("channel_partners"));
    // The same name again is refused, naming it.
    const auto again = repo.createPipeline(def);
    QVERIFY(!again.ok);
    QCOMPARE(again.error, QStringLiteral("Another pipeline is already called “渠道合作”."));
    def.name = QStringLiteral("x");
    def.nameEn = QStringLiteral("y");
    def.code = QStringLiteral("b2b");
    QVERIFY(repo.createPipeline(def).error.contains(QLatin1String("b2b")));
}

void TestPipelineRepository::resolveAndNext()
{
    PipelineRepository repo(*m_db);
    const auto p = repo.loadCurrent(QStringLiteral("lifecycle"));
    QCOMPARE(repo.resolveStage(p->id, QStringLiteral("diagnose")), p->stageIds.at(2));
    QCOMPARE(repo.resolveStage(p->id, QStringLiteral("需求诊断")), p->stageIds.at(2));
    QCOMPARE(repo.resolveStage(p->id, QStringLiteral("  needs DIAGNOSIS ")), p->stageIds.at(2));
    QCOMPARE(repo.resolveStage(p->id, QStringLiteral("Reach")), QString()); // another pipeline's stage
    QCOMPARE(repo.nextStageId(p->stageIds.at(3)), p->stageIds.at(4));
    QCOMPARE(repo.nextStageId(p->stageIds.at(4)), QString());
    QCOMPARE(repo.stageName(p->stageIds.at(1)), QStringLiteral("15分钟初筛"));
    QCOMPARE(repo.stageName(p->stageIds.at(1), true), QStringLiteral("15-minute screening"));
}

void TestPipelineRepository::moveStageRecordsWhoWhenReason()
{
    storage::LeadRepository leads(*m_db);
    const QString from = fixture::stageId(m_db->connection(), "lifecycle", "diagnose");
    const QString to = fixture::stageId(m_db->connection(), "lifecycle", "quote");
    const auto r = leads.moveStage(QStringLiteral("2"), to, QStringLiteral("102"), QStringLiteral("客户要求报价"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT from_stage_id, to_stage_id, by_user_id, reason, cockpit_iso(at) FROM stage_history"
                                  " WHERE lead_id = 2")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), from);
    QCOMPARE(q.value(1).toString(), to);
    QCOMPARE(q.value(2).toString(), QStringLiteral("102"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("客户要求报价"));
    QVERIFY(fromIsoUtc(q.value(4).toString()).isValid());
    QVERIFY(!q.next());
}

void TestPipelineRepository::bulkMovePartialRefusalAndUndo()
{
    // lead-1 lacks its gate fields, lead-2 may move on, lead-3 is in the closing stage.
    QUndoStack stack;
    EditController edits(*m_db, stack);
    const QString diagnose = fixture::stageId(m_db->connection(), "lifecycle", "diagnose");
    const QString quote = fixture::stageId(m_db->connection(), "lifecycle", "quote");
    const int historyBefore = count(QStringLiteral("SELECT count(*) FROM stage_history"));
    const auto result = BulkMove::toNextStage(*m_db, edits,
                                              {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")},
                                              QStringLiteral("周会清理"));
    QCOMPARE(result.moved, 1);
    QCOMPARE(result.refused.size(), 2);
    QCOMPARE(result.refused.at(0).leadId, QStringLiteral("1"));
    QCOMPARE(result.refused.at(0).missingGate,
             (QStringList{QString::fromLatin1(gate::PainKeywords), QString::fromLatin1(gate::BudgetBand),
                          QString::fromLatin1(gate::DecisionRole)}));
    QCOMPARE(result.refused.at(1).leadId, QStringLiteral("3"));
    QCOMPARE(result.refused.at(1).error, QStringLiteral("It is already in the last stage."));
    QCOMPARE(value(QStringLiteral("SELECT stage_id FROM leads WHERE id = 2")), quote);
    QCOMPARE(value(QStringLiteral("SELECT reason FROM stage_history WHERE lead_id = 2 ORDER BY rowid DESC")),
             QStringLiteral("周会清理"));
    QCOMPARE(value(QStringLiteral("SELECT by_user_id FROM stage_history WHERE lead_id = 2 ORDER BY rowid DESC")),
             QStringLiteral("100"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM stage_history")), historyBefore + 1);
    QCOMPARE(value(QStringLiteral("SELECT stage_id FROM leads WHERE id = 1")),
             fixture::stageId(m_db->connection(), "lifecycle", "screen"));

    // One undo step moves the moved ones back (recorded as a move back), redo moves them again.
    QCOMPARE(stack.count(), 1);
    stack.undo();
    QCOMPARE(value(QStringLiteral("SELECT stage_id FROM leads WHERE id = 2")), diagnose);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM stage_history")), historyBefore + 2);
    stack.redo();
    QCOMPARE(value(QStringLiteral("SELECT stage_id FROM leads WHERE id = 2")), quote);

    // Nothing moved: no undo step.
    const auto none = BulkMove::toNextStage(*m_db, edits, {QStringLiteral("1")}, {});
    QCOMPARE(none.moved, 0);
    QCOMPARE(stack.count(), 1);
}

void TestPipelineRepository::bulkSummary()
{
    BulkMoveResult r;
    r.moved = 12;
    QCOMPARE(BulkMove::summary(r), QStringLiteral("12 moved."));
    r.refused << BulkMoveRefusal{QStringLiteral("1"), QStringLiteral("博世 — 质检系统"), QStringLiteral("gate"),
                                 {QString::fromLatin1(gate::BudgetBand), QString::fromLatin1(gate::DecisionRole)}}
              << BulkMoveRefusal{QStringLiteral("2"), QStringLiteral("华为 — 数据平台"),
                                 QStringLiteral("It is already in the last stage."), {}}
              << BulkMoveRefusal{QStringLiteral("3"), QStringLiteral("C"), QStringLiteral("x"), {}};
    QCOMPARE(BulkMove::summary(r),
             QStringLiteral("12 moved, 3 refused: 博世 — 质检系统 lacks Budget band, Decision-chain role; "
                            "华为 — 数据平台: It is already in the last stage; C: x."));
    QCOMPARE(BulkMove::summary(r, 1),
             QStringLiteral("12 moved, 3 refused: 博世 — 质检系统 lacks Budget band, Decision-chain role; and 2 more."));
}

void TestPipelineRepository::catalogReloadsOnSave()
{
    Catalog catalog(*m_db);
    QString error;
    QVERIFY2(catalog.load(&error), qPrintable(error));
    const int stagesBefore = int(catalog.data().stages.size());
    QSignalSpy loaded(&catalog, &Catalog::loaded);
    PipelineRepository repo(*m_db);
    PipelineDef def = repo.loadCurrent(QStringLiteral("key_account"))->def;
    def.stages[0].slaMinutes = 7 * 24 * 60;
    QVERIFY(repo.saveNewVersion(def).ok);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(int(catalog.data().stages.size()), stagesBefore + 5);
    bool sawV2 = false;
    for (int i = 0; i < int(catalog.data().pipelines.size()); ++i)
        sawV2 = sawV2 || catalog.pipelineName(i) == QStringLiteral("大客户 v2");
    QVERIFY(sawV2);
}

QTEST_GUILESS_MAIN(TestPipelineRepository)
#include "tst_pipelinerepository.moc"

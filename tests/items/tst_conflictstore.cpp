// Sync conflicts read and resolved through the one write path (storage/conflictrepository.h,
// items/conflictstore.h): the list and count in words, what each resolution writes (the row's
// columns, one outbox entry with the server's row_version as base, resolved_at), undo and redo
// exactly, a conflict whose row is gone, and the list model kept current without a reset.
#include "items/conflictlistmodel.h"
#include "items/conflictstore.h"
#include "items/catalog.h"
#include "items/conflicttext.h"
#include "items/leadfiltermodel.h"
#include "items/leadtablemodel.h"
#include "domain/money.h"
#include "storage/database.h"

#include "conflictfixture.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace cockpit;

class TestConflictStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listsOpenConflictsInWords();
    void formatsValuesForTheLocale();
    void keepTheirsOnlyMarksResolved();
    void keepMineWritesRowAndOneEntry();
    void undoRedoRestoreExactly();
    void mergeWritesOnlyTheChosenFields();
    void deletedOnServerKeepMineRecreates();
    void deletedOnServerKeepTheirsAcceptsDeletion();
    void refusedKeepMineQueuesAgain();
    void refusedNewRowQueuesAnInsert();
    void refusedNewLeadIsMarkedAndDiscardRemovesIt();
    void goneRowIsShownAndResolvable();
    void unknownColumnIsRefused();
    void undoAfterPushIsRefused();
    void resolutionIsAnnounced();
    void listModelFollowsWithoutReset();

private:
    QString value(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        return q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
    }
    // Every column of a row, as text: what "restored exactly" compares.
    QStringList row(const QString &table, qint64 id)
    {
        QSqlQuery q(m_db->connection());
        q.exec(QStringLiteral("SELECT * FROM %1 WHERE id = %2").arg(table).arg(id));
        QStringList out;
        if (q.next())
            for (int i = 0; i < q.record().count(); ++i)
                out << (q.isNull(i) ? QStringLiteral("NULL") : q.value(i).toString());
        return out;
    }
    struct Entry
    {
        QString table, rowId, op;
        QJsonObject fields;
        QByteArray rawFields;
        qint64 base = -1;
    };
    QList<Entry> outbox()
    {
        QSqlQuery q(m_db->connection());
        q.exec(QStringLiteral("SELECT table_name, row_id, op, fields, base_row_version FROM outbox ORDER BY seq"));
        QList<Entry> out;
        while (q.next())
            out << Entry{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         QJsonDocument::fromJson(q.value(3).toByteArray()).object(), q.value(3).toByteArray(),
                         q.value(4).toLongLong()};
        return out;
    }
    QString resolvedAt(const char *id)
    {
        return value(QStringLiteral("SELECT coalesce(resolved_at, 'open') FROM conflicts WHERE id = '%1'").arg(QLatin1String(id)));
    }

    QTemporaryDir *m_dir = nullptr;
    storage::Database *m_db = nullptr;
    QUndoStack *m_stack = nullptr;
    ConflictStore *m_store = nullptr;
};

void TestConflictStore::init()
{
    m_dir = new QTemporaryDir;
    m_db = new storage::Database;
    QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("c.db")), storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(*m_db));
    QVERIFY(fixture::addConflicts(*m_db));
    QVERIFY(fixture::exec(m_db->connection(), QStringLiteral("DELETE FROM outbox")));
    m_stack = new QUndoStack;
    m_store = new ConflictStore(*m_db, *m_stack);
}

void TestConflictStore::cleanup()
{
    delete m_store;
    delete m_stack;
    delete m_db;
    delete m_dir;
}

void TestConflictStore::listsOpenConflictsInWords()
{
    QCOMPARE(m_store->openCount(), 4);
    const auto list = m_store->openConflicts();
    QCOMPARE(list.size(), 4);
    QCOMPARE(list.at(0).id, QStringLiteral("c-update")); // newest first
    QCOMPARE(list.at(3).id, QStringLiteral("c-gone"));
    const auto &u = list.at(0);
    QCOMPARE(u.kind, storage::ConflictKind::Update);
    QCOMPARE(u.rowId, qint64(2));
    QVERIFY(u.rowExists);
    QCOMPARE(u.baseRowVersion, qint64(5));
    QCOMPARE(u.serverRowVersion, qint64(7));
    QCOMPARE(ConflictText::rowLabel(u), QStringLiteral("华为 数据平台"));
    QCOMPARE(ConflictText::tableLabel(u.table), QStringLiteral("Lead"));
    // The table's column order: title, amount, expected close, status.
    QCOMPARE(u.fields, (QStringList{QStringLiteral("title"), QStringLiteral("amount_cents"),
                                    QStringLiteral("expected_close"), QStringLiteral("status")}));
    QCOMPARE(ConflictText::fieldLabel(u.table, QStringLiteral("amount_cents")), QStringLiteral("Amount"));
    QCOMPARE(ConflictText::fieldLabel(QStringLiteral("contacts"), QStringLiteral("title")), QStringLiteral("Job title"));
    QCOMPARE(list.at(1).kind, storage::ConflictKind::DeletedOnServer);
    QVERIFY(list.at(1).rowDeleted);
    QCOMPARE(ConflictText::rowLabel(list.at(1)), QStringLiteral("重庆长江精工机械有限公司"));
    QCOMPARE(list.at(2).kind, storage::ConflictKind::Refused);
    QCOMPARE(list.at(2).error, QStringLiteral("没有修改 华东 联系人的权限"));
    QVERIFY(ConflictText::kindExplanation(list.at(2)).contains(list.at(2).error));
    QCOMPARE(ConflictText::rowLabel(list.at(2)), QStringLiteral("陈静"));
    QVERIFY(!list.at(3).rowExists);
    QCOMPARE(ConflictText::rowLabel(list.at(3)), QStringLiteral("Lead (no longer in this file)"));
}

void TestConflictStore::formatsValuesForTheLocale()
{
    const ConflictFormatter f(m_store->repository(), QLocale(QLocale::English, QLocale::UnitedStates), true);
    const QLocale us(QLocale::English, QLocale::UnitedStates);
    QCOMPARE(f.value(QStringLiteral("leads"), QStringLiteral("amount_cents"), 150000000),
             formatMoney(150000000, QString(), us, false));
    QVERIFY(f.value(QStringLiteral("leads"), QStringLiteral("amount_cents"), 150000000).contains(QStringLiteral("1,500,000")));
    QCOMPARE(f.value(QStringLiteral("leads"), QStringLiteral("expected_close"), QStringLiteral("2026-12-31")),
             us.toString(QDate(2026, 12, 31), QLocale::ShortFormat));
    // The same date as the file keeps it (a day number) reads the same.
    QCOMPARE(f.value(QStringLiteral("leads"), QStringLiteral("expected_close"), double(QDate(1970, 1, 1).daysTo(QDate(2026, 12, 31)))),
             us.toString(QDate(2026, 12, 31), QLocale::ShortFormat));
    QCOMPARE(f.value(QStringLiteral("leads"), QStringLiteral("owner_id"), 101), QStringLiteral("王芳"));
    QCOMPARE(f.value(QStringLiteral("leads"), QStringLiteral("customer_id"), 2), QStringLiteral("华为"));
    QCOMPARE(f.value(QStringLiteral("leads"), QStringLiteral("owner_id"), 4242), QStringLiteral("Person not in this file"));
    QCOMPARE(f.value(QStringLiteral("leads"), QStringLiteral("status"), QStringLiteral("won")), QStringLiteral("Won"));
    QCOMPARE(f.value(QStringLiteral("contacts"), QStringLiteral("chain_role"), QStringLiteral("procurement")),
             QStringLiteral("Procurement"));
    QCOMPARE(f.value(QStringLiteral("leads"), QStringLiteral("intent_seal"), true), QStringLiteral("Yes"));
    QCOMPARE(f.value(QStringLiteral("leads"), QStringLiteral("lost_reason"), QString()), QStringLiteral("(empty)"));
    const QString stage = fixture::stageId(m_db->connection(), "lifecycle", "diagnose");
    QVERIFY(!f.value(QStringLiteral("leads"), QStringLiteral("stage_id"), stage.toLongLong()).contains(QLatin1Char('_')));
    const auto u = m_store->repository().find(QStringLiteral("c-update"));
    QCOMPARE(f.fieldList(*u), QStringLiteral("Title, Amount, Expected close, Status"));
}

void TestConflictStore::keepTheirsOnlyMarksResolved()
{
    const QStringList before = row(QStringLiteral("leads"), 2);
    QVERIFY(m_store->keepTheirs(QStringLiteral("c-update")).ok);
    QCOMPARE(row(QStringLiteral("leads"), 2), before);
    QVERIFY(outbox().isEmpty());
    QVERIFY(resolvedAt("c-update") != QLatin1String("open"));
    QCOMPARE(m_store->openCount(), 3);
    // Twice is refused: it is resolved.
    const auto again = m_store->keepTheirs(QStringLiteral("c-update"));
    QVERIFY(!again.ok);
    QVERIFY(!again.error.isEmpty());
    QCOMPARE(m_stack->count(), 1);
    m_stack->undo();
    QCOMPARE(resolvedAt("c-update"), QStringLiteral("open"));
    QCOMPARE(m_store->openCount(), 4);
}

void TestConflictStore::keepMineWritesRowAndOneEntry()
{
    QVERIFY(m_store->keepMine(QStringLiteral("c-update")).ok);
    QCOMPARE(value(QStringLiteral("SELECT title FROM leads WHERE id = 2")), QStringLiteral("华为 数据平台 二期"));
    QCOMPARE(value(QStringLiteral("SELECT amount_cents FROM leads WHERE id = 2")), QStringLiteral("150000000"));
    // Stored in the file's form: a day number, not the text.
    QCOMPARE(value(QStringLiteral("SELECT typeof(expected_close) || ' ' || cockpit_date(expected_close) FROM leads WHERE id = 2")),
             QStringLiteral("integer 2026-12-31"));
    QCOMPARE(value(QStringLiteral("SELECT status FROM leads WHERE id = 2")), QStringLiteral("won"));
    QCOMPARE(value(QStringLiteral("SELECT row_version FROM leads WHERE id = 2")), QStringLiteral("7"));
    const auto entries = outbox();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).table, QStringLiteral("leads"));
    QCOMPARE(entries.at(0).rowId, QStringLiteral("2"));
    QCOMPARE(entries.at(0).op, QStringLiteral("update"));
    QCOMPARE(entries.at(0).base, qint64(7)); // the server's row_version: the push is based on what it has now
    const auto mine = m_store->repository().find(QStringLiteral("c-update"))->mine;
    QCOMPARE(entries.at(0).fields, mine);
    QVERIFY(resolvedAt("c-update") != QLatin1String("open"));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->text(0), QStringLiteral("Keep my values for 华为 数据平台"));
}

void TestConflictStore::undoRedoRestoreExactly()
{
    const QStringList before = row(QStringLiteral("leads"), 2);
    QVERIFY(m_store->keepMine(QStringLiteral("c-update")).ok);
    const QStringList after = row(QStringLiteral("leads"), 2);
    const QByteArray fields = outbox().at(0).rawFields;
    const QString resolved = resolvedAt("c-update");
    QVERIFY(after != before);

    m_stack->undo();
    QCOMPARE(row(QStringLiteral("leads"), 2), before);
    QVERIFY(outbox().isEmpty());
    QCOMPARE(resolvedAt("c-update"), QStringLiteral("open"));
    QCOMPARE(m_store->openCount(), 4);

    m_stack->redo();
    QCOMPARE(row(QStringLiteral("leads"), 2), after);
    QCOMPARE(outbox().size(), 1);
    QCOMPARE(outbox().at(0).rawFields, fields);
    QCOMPARE(outbox().at(0).base, qint64(7));
    QCOMPARE(resolvedAt("c-update"), resolved);

    m_stack->undo();
    QCOMPARE(row(QStringLiteral("leads"), 2), before);
    QVERIFY(outbox().isEmpty());
    QCOMPARE(resolvedAt("c-update"), QStringLiteral("open"));
}

void TestConflictStore::mergeWritesOnlyTheChosenFields()
{
    const QStringList before = row(QStringLiteral("leads"), 2);
    QVERIFY(m_store->merge(QStringLiteral("c-update"), {QStringLiteral("amount_cents")}).ok);
    QCOMPARE(value(QStringLiteral("SELECT amount_cents FROM leads WHERE id = 2")), QStringLiteral("150000000"));
    QCOMPARE(value(QStringLiteral("SELECT title FROM leads WHERE id = 2")), QStringLiteral("华为 数据平台"));
    QCOMPARE(value(QStringLiteral("SELECT cockpit_date(expected_close) FROM leads WHERE id = 2")), QStringLiteral("2026-12-20"));
    QCOMPARE(value(QStringLiteral("SELECT status FROM leads WHERE id = 2")), QStringLiteral("open"));
    const auto entries = outbox();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).fields, (QJsonObject{{QStringLiteral("amount_cents"), 150000000}}));
    QCOMPARE(entries.at(0).base, qint64(7));
    m_stack->undo();
    QCOMPARE(row(QStringLiteral("leads"), 2), before);
    QVERIFY(outbox().isEmpty());
}

void TestConflictStore::deletedOnServerKeepMineRecreates()
{
    const QStringList before = row(QStringLiteral("customers"), 3);
    QVERIFY(m_store->keepMine(QStringLiteral("c-deleted")).ok);
    QCOMPARE(value(QStringLiteral("SELECT deleted || ' ' || phone || ' ' || core_need FROM customers WHERE id = 3")),
             QStringLiteral("0 023 6666 9999 设备联网 二期"));
    const auto entries = outbox();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).op, QStringLiteral("update"));
    QCOMPARE(entries.at(0).base, qint64(4));
    QCOMPARE(entries.at(0).fields, (QJsonObject{{QStringLiteral("phone"), QStringLiteral("023 6666 9999")},
                                                {QStringLiteral("core_need"), QStringLiteral("设备联网 二期")},
                                                {QStringLiteral("deleted"), false}}));
    m_stack->undo();
    QCOMPARE(row(QStringLiteral("customers"), 3), before); // tombstoned again, the server's values
    QVERIFY(outbox().isEmpty());
    QCOMPARE(resolvedAt("c-deleted"), QStringLiteral("open"));
}

void TestConflictStore::deletedOnServerKeepTheirsAcceptsDeletion()
{
    QVERIFY(m_store->keepTheirs(QStringLiteral("c-deleted")).ok);
    QCOMPARE(value(QStringLiteral("SELECT deleted FROM customers WHERE id = 3")), QStringLiteral("1"));
    QVERIFY(outbox().isEmpty());
    QVERIFY(resolvedAt("c-deleted") != QLatin1String("open"));
}

void TestConflictStore::refusedKeepMineQueuesAgain()
{
    QVERIFY(m_store->keepMine(QStringLiteral("c-refused")).ok);
    QCOMPARE(value(QStringLiteral("SELECT title || ' / ' || phone FROM contacts WHERE id = 1")),
             QStringLiteral("采购总监 / 138 0000 1111"));
    const auto entries = outbox();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).op, QStringLiteral("update"));
    QCOMPARE(entries.at(0).base, qint64(3));
    QCOMPARE(entries.at(0).fields, (QJsonObject{{QStringLiteral("title"), QStringLiteral("采购总监")},
                                                {QStringLiteral("phone"), QStringLiteral("138 0000 1111")}}));
    m_stack->undo();
    // Discard instead: nothing written, nothing queued.
    const QStringList before = row(QStringLiteral("contacts"), 1);
    QVERIFY(m_store->keepTheirs(QStringLiteral("c-refused")).ok);
    QCOMPARE(row(QStringLiteral("contacts"), 1), before);
    QVERIFY(outbox().isEmpty());
}

void TestConflictStore::refusedNewRowQueuesAnInsert()
{
    // A contact made here, never on the server (row_version 0), whose insert was refused.
    QSqlDatabase db = m_db->connection();
    QVERIFY(fixture::exec(db, QStringLiteral("INSERT INTO contacts (id, customer_id, name, chain_role, updated_at)"
                                             " VALUES (7, 1, '周磊', 'user', cockpit_secs('2026-11-20T08:00:00Z'))")));
    QVERIFY(fixture::insertConflict(db, QStringLiteral("c-new"), QStringLiteral("contacts"), 7,
                                    fixture::base("refused", storage::uuidForKey(db, QStringLiteral("contacts"), QStringLiteral("7")), 0, 0,
                                                  QStringLiteral("no rights")),
                                    // Every column the insert pushed, as the push records it.
                                    QJsonObject{{QStringLiteral("uuid"), storage::uuidForKey(db, QStringLiteral("contacts"), QStringLiteral("7"))},
                                                {QStringLiteral("name"), QStringLiteral("周磊")},
                                                {QStringLiteral("row_version"), 0}, {QStringLiteral("deleted"), 0}},
                                    {}, "2026-11-21T08:00:00Z"));
    const auto c = m_store->repository().find(QStringLiteral("c-new"));
    QCOMPARE(c->fields, (QStringList{QStringLiteral("name"), QStringLiteral("deleted")})); // not its identity
    QVERIFY(m_store->keepMine(QStringLiteral("c-new")).ok);
    const auto entries = outbox();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).op, QStringLiteral("insert"));
    QCOMPARE(entries.at(0).rawFields, QByteArray("null")); // the row as it stands (outbox.h)
    QCOMPARE(entries.at(0).base, qint64(0));
}

// A lead made here whose insert the server refused is only in this file: the Leads list marks
// it, Discard takes it out of the file's lists in one undoable step (tombstoned, nothing
// queued: the server never had it), Send again queues the insert.
void TestConflictStore::refusedNewLeadIsMarkedAndDiscardRemovesIt()
{
    QSqlDatabase db = m_db->connection();
    QVERIFY(fixture::exec(db, QStringLiteral(
        "INSERT INTO leads (id, customer_id, owner_id, region_id, city_id, team_id, pipeline_id, stage_id,"
        " stage_entered_at, title, amount_cents, status, created_at, updated_at)"
        " SELECT 9, customer_id, owner_id, region_id, city_id, team_id, pipeline_id, stage_id, stage_entered_at,"
        " '华为 新线索', 7000000, 'open', created_at, updated_at FROM leads WHERE id = 2")));
    const QString uuid = storage::uuidForKey(db, QStringLiteral("leads"), QStringLiteral("9"));
    QJsonObject base = fixture::base("refused", uuid, 0, 0, QStringLiteral("another region"));
    base.insert(QStringLiteral("op"), QStringLiteral("insert"));
    QVERIFY(fixture::insertConflict(db, QStringLiteral("c-lead"), QStringLiteral("leads"), 9, base,
                                    QJsonObject{{QStringLiteral("uuid"), uuid}, {QStringLiteral("title"), QStringLiteral("华为 新线索")}},
                                    {}, "2026-11-22T08:00:00Z"));
    Catalog catalog(*m_db);
    LeadTableModel leads(catalog);
    LeadFilterModel shown(catalog, leads);
    QAbstractItemModelTester tester(&shown, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(catalog.load(&error), qPrintable(error));
    const int row = leads.rowOfId(QStringLiteral("9"));
    QVERIFY(row >= 0);
    QVERIFY(leads.index(row, 0).data(LeadTableModel::NotOnServerRole).toBool());
    QVERIFY(leads.index(row, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Not on the team server")));
    QVERIFY(!leads.index(leads.rowOfId(QStringLiteral("2")), 0).data(LeadTableModel::NotOnServerRole).toBool());
    QCOMPARE(shown.rowCount(), 4);

    QVERIFY(m_store->keepTheirs(QStringLiteral("c-lead")).ok);
    QCOMPARE(value(QStringLiteral("SELECT deleted FROM leads WHERE id = 9")), QStringLiteral("1"));
    QVERIFY(outbox().isEmpty());
    QVERIFY(resolvedAt("c-lead") != QStringLiteral("open"));
    QCOMPARE(shown.rowCount(), 3); // gone from the list at once
    QVERIFY(!leads.index(row, 0).data(LeadTableModel::NotOnServerRole).toBool());
    QCOMPARE(m_stack->count(), 1);

    m_stack->undo(); // back, marked again, the conflict open
    QCOMPARE(value(QStringLiteral("SELECT deleted FROM leads WHERE id = 9")), QStringLiteral("0"));
    QCOMPARE(resolvedAt("c-lead"), QStringLiteral("open"));
    QCOMPARE(shown.rowCount(), 4);
    QVERIFY(leads.index(row, 0).data(LeadTableModel::NotOnServerRole).toBool());
    QVERIFY(outbox().isEmpty());

    // Send again instead: the insert is queued and the row stays.
    QVERIFY(m_store->keepMine(QStringLiteral("c-lead")).ok);
    const auto entries = outbox();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).op, QStringLiteral("insert"));
    QCOMPARE(value(QStringLiteral("SELECT deleted FROM leads WHERE id = 9")), QStringLiteral("0"));
    QCOMPARE(shown.rowCount(), 4);
    QVERIFY(!leads.index(row, 0).data(LeadTableModel::NotOnServerRole).toBool()); // on its way
}

void TestConflictStore::goneRowIsShownAndResolvable()
{
    const auto gone = m_store->repository().find(QStringLiteral("c-gone"));
    QVERIFY(gone);
    QVERIFY(!gone->rowExists);
    const int entries = int(outbox().size());
    const auto mine = m_store->keepMine(QStringLiteral("c-gone"));
    QVERIFY(!mine.ok);
    QVERIFY(mine.error.contains(QStringLiteral("no longer in this file")));
    QVERIFY(!m_store->merge(QStringLiteral("c-gone"), {QStringLiteral("title")}).ok);
    QCOMPARE(outbox().size(), entries);
    QCOMPARE(resolvedAt("c-gone"), QStringLiteral("open"));
    QCOMPARE(m_stack->count(), 0);
    QVERIFY(m_store->keepTheirs(QStringLiteral("c-gone")).ok);
    QCOMPARE(m_store->openCount(), 3);
    m_stack->undo();
    QCOMPARE(resolvedAt("c-gone"), QStringLiteral("open"));
}

void TestConflictStore::unknownColumnIsRefused()
{
    QSqlDatabase db = m_db->connection();
    QVERIFY(fixture::insertConflict(db, QStringLiteral("c-bad"), QStringLiteral("leads"), 1,
                                    fixture::base("update", {}, 0, 1),
                                    QJsonObject{{QStringLiteral("title; DROP TABLE leads"), QStringLiteral("x")}},
                                    QJsonObject{}, "2026-11-21T08:00:00Z"));
    const QStringList before = row(QStringLiteral("leads"), 1);
    const auto r = m_store->keepMine(QStringLiteral("c-bad"));
    QVERIFY(!r.ok);
    QVERIFY(r.error.contains(QStringLiteral("title; DROP TABLE leads")));
    QCOMPARE(row(QStringLiteral("leads"), 1), before);
    QVERIFY(outbox().isEmpty());
    QVERIFY(m_store->keepTheirs(QStringLiteral("c-bad")).ok);
}

void TestConflictStore::undoAfterPushIsRefused()
{
    QSignalSpy failed(m_store, &ConflictStore::commandFailed);
    QVERIFY(m_store->keepMine(QStringLiteral("c-update")).ok);
    const QStringList after = row(QStringLiteral("leads"), 2);
    // The push sent the entry meanwhile.
    QVERIFY(fixture::exec(m_db->connection(), QStringLiteral("DELETE FROM outbox")));
    m_stack->undo();
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("reached the team server")));
    QCOMPARE(row(QStringLiteral("leads"), 2), after); // nothing half-undone
    QVERIFY(resolvedAt("c-update") != QLatin1String("open"));
    QCOMPARE(m_stack->count(), 0); // nothing left to undo
}

void TestConflictStore::resolutionIsAnnounced()
{
    QSignalSpy changed(m_db, &storage::Database::changed);
    QSignalSpy storeChanged(m_store, &ConflictStore::changed);
    QVERIFY(m_store->keepMine(QStringLiteral("c-update")).ok);
    QCOMPARE(changed.count(), 1); // before the call returned, one commit
    const auto set = changed.at(0).at(0).value<storage::ChangeSet>();
    QVERIFY(set.touches(QStringLiteral("leads")));
    QVERIFY(set.touches(QStringLiteral("outbox")));
    QVERIFY(set.touches(QStringLiteral("conflicts")));
    QCOMPARE(storeChanged.count(), 1);
    m_stack->undo();
    QCOMPARE(changed.count(), 2);
    QCOMPARE(storeChanged.count(), 2);
}

void TestConflictStore::listModelFollowsWithoutReset()
{
    ConflictListModel model(*m_store, true);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.data(model.index(0, ConflictListModel::Record)).toString(), QStringLiteral("华为 数据平台"));
    QCOMPARE(model.data(model.index(1, ConflictListModel::Kind)).toString(), QStringLiteral("Deleted on the server"));
    QCOMPARE(model.data(model.index(2, ConflictListModel::Table)).toString(), QStringLiteral("Contact"));
    QCOMPARE(model.data(model.index(2, ConflictListModel::Fields)).toString(), QStringLiteral("Job title, Phone"));
    QVERIFY(m_store->keepTheirs(QStringLiteral("c-deleted")).ok);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowOf(QStringLiteral("c-deleted")), -1);
    m_stack->undo();
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowOf(QStringLiteral("c-deleted")), 1); // back where it was
    QCOMPARE(reset.count(), 0);
}

QTEST_GUILESS_MAIN(TestConflictStore)
#include "tst_conflictstore.moc"

// The Targets tab of the Targets & Forecast screen on the tiny demo: the values shown are
// computeTargets()'s, an edit (typed in the tree like a user, "82万") is saved and undone
// through the undo stack, bad input leaves a message naming the unit and changes nothing,
// and the period and org changes behave (a week maps to its month, a custom range is refused).
#include "charts/gaugewidget.h"
#include "charts/targetforecastchart.h"
#include "domain/money.h"
#include "storage/database.h"
#include "targets/targetdata.h"
#include "targets/targetsfigures.h"
#include "targetstab.h"
#include "targettermsdialog.h"
#include "targettreemodel.h"
#include "tinydemo.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QPushButton>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTimer>
#include <QUndoStack>

#include <memory>

using namespace cockpit;
using namespace cockpit::analytics;
using namespace cockpit::targets;
using namespace cockpit::ui;

namespace {
// 41 days before the end of Q4: the capacity gap banner shows.
const QDate kAsOf(2026, 11, 20);
const QString kNow = QStringLiteral("2026-11-20T04:00:00Z");
} // namespace

class TestTargetsTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void valuesAreComputeTargets();
    void editTypedThenUndoRedo();
    void badInputChangesNothing();
    void childEditRebalancesOrFlags();
    void adoptProposal();
    void termsSaveAsOneUndoStep();
    void termsDialogChecksAsYouType();
    void unitCorrectionForEveryRep();
    void approveNeedsSumsAndIsUndoable();
    void quarterSplitsIntoMonthsUndoably();
    void yearSplitsIntoQuarters();
    void periodsAndOrg();
    void targetsPeriodMapping();

private:
    TargetsView fromFile();
    bool waitRefreshed();
    QVector<qint64> amounts(const TargetsView &v) const;

    QTemporaryDir m_dir;
    storage::Database m_db;
    std::unique_ptr<FigureService> m_figures;
    std::unique_ptr<ScopeState> m_scope;
    QUndoStack m_stack;
    std::unique_ptr<TargetsTab> m_tab;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestTargetsTab::initTestCase()
{
    const QString path = m_dir.filePath(QStringLiteral("tiny.db"));
    const QString error = fixture::generateTinyDemo(path, 7, kAsOf);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_db.open(path, storage::Database::Mode::OpenExisting).ok());
    m_figures = std::make_unique<FigureService>(m_db);
    m_scope = std::make_unique<ScopeState>(Scope{Period::quarter(kAsOf), OrgScope::company()});
    m_tab = std::make_unique<TargetsTab>(*m_figures, *m_scope,
                                         [] { return QDateTime::fromString(kNow, Qt::ISODate); });
    m_tab->setEditPath(m_db, m_stack);
    m_tester = std::make_unique<QAbstractItemModelTester>(m_tab->model(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_tab->resize(1366, 700);
    QSignalSpy refreshed(m_tab.get(), &AnalyticsPage::refreshed);
    m_tab->show();
    QVERIFY(refreshed.count() > 0 || refreshed.wait(20000));
    QVERIFY2(m_tab->result(), qPrintable(m_tab->message()->text()));
}

TargetsView TestTargetsTab::fromFile()
{
    QSqlDatabase c = m_db.connection();
    const OrgUnits units = loadOrgUnits(c);
    QString note;
    return computeTargets(c, *targetsPeriod(m_scope->scope().period, &note, nullptr), kAsOf, units);
}

bool TestTargetsTab::waitRefreshed()
{
    QSignalSpy refreshed(m_tab.get(), &AnalyticsPage::refreshed);
    return refreshed.wait(20000);
}

QVector<qint64> TestTargetsTab::amounts(const TargetsView &v) const
{
    QVector<qint64> out;
    for (const TargetNode &n : v.tree.nodes)
        out << n.amountCents;
    return out;
}

void TestTargetsTab::valuesAreComputeTargets()
{
    const TargetsView expected = fromFile();
    TargetTreeModel *model = m_tab->model();
    QCOMPARE(model->rowCount(), 1); // the company is the root
    QVERIFY(!expected.tree.nodes.isEmpty() && expected.tree.nodes.size() == m_tab->result()->view.tree.nodes.size());
    int checked = 0;
    for (int i = 0; i < expected.tree.nodes.size(); ++i) {
        const QModelIndex idx = model->indexOfNode(i);
        QVERIFY2(idx.isValid(), qPrintable(expected.tree.nodes[i].name));
        const TargetRow &r = expected.rows[i];
        QCOMPARE(idx.siblingAtColumn(TargetTreeModel::Name).data().toString(), expected.tree.nodes[i].name);
        QCOMPARE(idx.siblingAtColumn(TargetTreeModel::Target).data(TargetTreeModel::CentsRole).toLongLong(), r.targetCents);
        QCOMPARE(idx.siblingAtColumn(TargetTreeModel::Proposal).data(TargetTreeModel::CentsRole).toLongLong(), r.proposalCents);
        QCOMPARE(idx.siblingAtColumn(TargetTreeModel::Collected).data(TargetTreeModel::CentsRole).toLongLong(), r.collectedCents);
        QCOMPARE(idx.siblingAtColumn(TargetTreeModel::Attainment).data(TargetTreeModel::RagRole).toInt(), int(r.colour));
        const QString pct = idx.siblingAtColumn(TargetTreeModel::Attainment).data().toString();
        QCOMPARE(pct, r.attainmentPct ? QLocale().toString(*r.attainmentPct, 'f', 1) + QStringLiteral(" %") : QStringLiteral("—"));
        QCOMPARE(idx.siblingAtColumn(TargetTreeModel::Mismatch).data().toString().contains(QStringLiteral("differs")), r.mismatch);
        ++checked;
    }
    QVERIFY(checked > 4);
    // Gauges: the company and its largest regions, coloured by the same rule.
    const QVector<GaugeWidget *> gauges = m_tab->gauges();
    QVERIFY(!gauges.isEmpty());
    QCOMPARE(gauges.first()->caption(), expected.tree.nodes[0].name);
    QCOMPARE(gauges.first()->colour(), expected.rows[0].colour);
    QCOMPARE(gauges.size(), 1 + std::min<int>(5, expected.tree.nodes[0].children.size()));
    // The banner: the company's capacity gap, 41 days before the quarter ends.
    const CapacityGap &gap = expected.rows[0].gap;
    QCOMPARE(m_tab->banner()->isVisibleTo(m_tab.get()), gap.enoughData && gap.applies);
    QVERIFY(gap.applies);
    QVERIFY2(m_tab->banner()->text().contains(gap.text), qPrintable(m_tab->banner()->text()));
    QCOMPARE(m_tab->banner()->toolTip(), gap.arithmetic);
    // The chart shows the selected node's forecast; its smoothed months are the model's.
    QCOMPARE(m_tab->currentNode(), 0);
    QVector<double> window;
    for (qint64 v : expected.rows[0].history6)
        window << double(v);
    const QVector<double> clipped = winsorise(window, 3.0);
    int smoothed = 0;
    for (int h = 0; h < clipped.size(); ++h)
        smoothed += std::llround(clipped[h]) != expected.rows[0].history6[h];
    QCOMPARE(m_tab->forecastChart()->smoothed().size(), smoothed);
    QVERIFY(m_tab->forecastChart()->toolTip().contains(QStringLiteral("1, 2, 3, 4, 5, 6")));
    QCOMPARE(expected.rows[0].forecastByMonth.size(), 6);
}

void TestTargetsTab::editTypedThenUndoRedo()
{
    const TargetsView before = fromFile();
    const int region = before.tree.nodes[0].children.first();
    const QString name = before.tree.nodes[region].name;
    m_tab->selectNode(region);
    // Typed like a user: F2 on the row, "82万", Enter.
    m_tab->tree()->setFocus();
    QTest::keyClick(m_tab->tree(), Qt::Key_F2);
    auto *editor = m_tab->tree()->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("82"));
    editor->insert(QString::fromUtf8("万")); // QTest types Latin-1 only
    QTest::keyClick(editor, Qt::Key_Return); // the delegate commits on the next turn of the event loop
    QTRY_VERIFY2_WITH_TIMEOUT(m_stack.count() == 1, qPrintable(m_tab->message()->text()), 5000);
    // Shown at once, and in the file: the region 82万, the company holds (re-balanced), every
    // level sums to the one above.
    const QModelIndex shown = m_tab->model()->indexOfNode(region, TargetTreeModel::Target);
    QCOMPARE(shown.data(TargetTreeModel::CentsRole).toLongLong(), qint64(82000000));
    const TargetsView after = fromFile();
    QCOMPARE(after.tree.nodes[region].amountCents, qint64(82000000));
    QCOMPARE(after.tree.nodes[0].amountCents, before.tree.nodes[0].amountCents);
    QVERIFY(mismatches(after.tree).isEmpty() || mismatches(after.tree) == mismatches(before.tree));
    QVERIFY(m_stack.undoText().contains(name));
    // Undo restores every amount; redo sets them again.
    m_stack.undo();
    QCOMPARE(amounts(fromFile()), amounts(before));
    QCOMPARE(m_tab->model()->indexOfNode(region, TargetTreeModel::Target).data(TargetTreeModel::CentsRole).toLongLong(),
             before.tree.nodes[region].amountCents);
    m_stack.redo();
    QCOMPARE(amounts(fromFile()), amounts(after));
    m_stack.undo();
    QCOMPARE(amounts(fromFile()), amounts(before));
    // The recompute the writes cause shows the file's figures again.
    QVERIFY(waitRefreshed());
    QCOMPARE(amounts(m_tab->result()->view), amounts(before));
    // The recompute keeps the edited row selected and the rows opened as they were.
    QCOMPARE(m_tab->currentNode(), region);
    QVERIFY(m_tab->tree()->isExpanded(m_tab->model()->indexOfNode(region)));
}

void TestTargetsTab::badInputChangesNothing()
{
    const TargetsView before = fromFile();
    const int stackBefore = m_stack.count();
    const int region = before.tree.nodes[0].children.first();
    QVERIFY(!m_tab->editTarget(region, QStringLiteral("82x")));
    QVERIFY(m_tab->message()->isVisibleTo(m_tab.get()));
    QVERIFY2(m_tab->message()->text().contains(QStringLiteral("\"82x\"")), qPrintable(m_tab->message()->text()));
    QVERIFY(m_tab->message()->text().contains(before.tree.nodes[region].name));
    QVERIFY(!m_tab->editTarget(region, QStringLiteral("-5")));
    QCOMPARE(m_stack.count(), stackBefore);
    QCOMPARE(amounts(fromFile()), amounts(before));
}

void TestTargetsTab::childEditRebalancesOrFlags()
{
    const TargetsView before = fromFile();
    const int region = before.tree.nodes[0].children.first();
    const qint64 company = before.tree.nodes[0].amountCents;
    // Re-balance: more than the parent is refused, with the parent named.
    m_tab->editMode()->setCurrentIndex(m_tab->editMode()->findData(int(EditMode::Rebalance)));
    QVERIFY(!m_tab->editTarget(region, QString::number(company / 100 + 1)));
    QVERIFY2(m_tab->message()->text().contains(before.tree.nodes[0].name), qPrintable(m_tab->message()->text()));
    // Flag: the company keeps its amount and shows as not matching, until undone.
    m_tab->editMode()->setCurrentIndex(m_tab->editMode()->findData(int(EditMode::Flag)));
    QVERIFY(m_tab->editTarget(region, QStringLiteral("1万")));
    QVERIFY(m_tab->result()->view.rows[0].mismatch);
    QVERIFY(m_tab->model()->indexOfNode(0, TargetTreeModel::Mismatch).data().toString().contains(QStringLiteral("differs")));
    const TargetsView flagged = fromFile();
    QCOMPARE(flagged.tree.nodes[0].amountCents, company);
    QVERIFY(mismatches(flagged.tree).contains(0));
    m_stack.undo();
    QCOMPARE(amounts(fromFile()), amounts(before));
    m_tab->editMode()->setCurrentIndex(0);
    QVERIFY(waitRefreshed());
}

void TestTargetsTab::adoptProposal()
{
    const TargetsView before = fromFile();
    const int region = before.tree.nodes[0].children.first();
    m_tab->editMode()->setCurrentIndex(m_tab->editMode()->findData(int(EditMode::Flag)));
    QVERIFY2(m_tab->adoptProposal(region), qPrintable(m_tab->message()->text()));
    const TargetsView after = fromFile();
    // The region and every unit below it take their proposals.
    QVector<int> stack{region};
    while (!stack.isEmpty()) {
        const int i = stack.takeLast();
        QCOMPARE(after.tree.nodes[i].amountCents, before.proposal.nodes[i].amountCents);
        stack << after.tree.nodes[i].children;
    }
    m_stack.undo();
    QCOMPARE(amounts(fromFile()), amounts(before));
    m_tab->editMode()->setCurrentIndex(0);
    QVERIFY(waitRefreshed());
}

void TestTargetsTab::approveNeedsSumsAndIsUndoable()
{
    const TargetsView before = fromFile();
    const int stackBefore = m_stack.index(); // earlier cases leave undone commands above it
    QSqlDatabase c = m_db.connection();
    const auto statuses = [&c, &before](const QString &status) {
        QSqlQuery q(c);
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM targets WHERE deleted = 0 AND period_kind = 'quarter' AND period_start = ?"
                                 " AND status = ?"));
        q.addBindValue(dayNumber(before.period.first));
        q.addBindValue(status);
        return q.exec() && q.next() ? q.value(0).toInt() : -1;
    };
    // A unit that does not sum: refused, named, nothing written.
    const int region = before.tree.nodes[0].children.first();
    m_tab->editMode()->setCurrentIndex(m_tab->editMode()->findData(int(EditMode::Flag)));
    QVERIFY(m_tab->editTarget(region, QStringLiteral("1万")));
    QVERIFY(!m_tab->approve());
    QVERIFY2(m_tab->message()->text().contains(before.tree.nodes[0].name), qPrintable(m_tab->message()->text()));
    QCOMPARE(statuses(QStringLiteral("approved")), 0);
    m_stack.undo();
    // Every unit at its proposal (which sums), then approved: every row of the period.
    QVERIFY2(m_tab->adoptProposal(0), qPrintable(m_tab->message()->text()));
    QVERIFY(mismatches(fromFile().tree).isEmpty());
    QVERIFY2(m_tab->approve(), qPrintable(m_tab->message()->text()));
    QCOMPARE(statuses(QStringLiteral("draft")), 0);
    QCOMPARE(statuses(QStringLiteral("approved")), fromFile().tree.nodes.size());
    QVERIFY(m_tab->statusLabel()->text().contains(QStringLiteral("approved")));
    QVERIFY(m_stack.undoText().contains(QStringLiteral("Approve")));
    // Undo: drafts again, the amounts as adopted; an edit after approval makes a draft too.
    m_stack.undo();
    QCOMPARE(statuses(QStringLiteral("approved")), 0);
    QVERIFY(m_tab->statusLabel()->text().contains(QStringLiteral("draft")));
    m_stack.redo();
    QCOMPARE(statuses(QStringLiteral("draft")), 0);
    m_tab->editMode()->setCurrentIndex(m_tab->editMode()->findData(int(EditMode::Rebalance)));
    QVERIFY(m_tab->editTarget(region, QStringLiteral("1万")));
    QCOMPARE(statuses(QStringLiteral("approved")), 0);
    // Undoing that edit restores the approval it replaced.
    m_stack.undo();
    QCOMPARE(statuses(QStringLiteral("draft")), 0);
    while (m_stack.index() > stackBefore) // back to the file as it was
        m_stack.undo();
    QCOMPARE(amounts(fromFile()), amounts(before));
    m_tab->editMode()->setCurrentIndex(0);
    QVERIFY(waitRefreshed());
}

namespace {
int firstRep(const TargetTree &t)
{
    for (int i = 0; i < t.nodes.size(); ++i)
        if (t.nodes[i].level == OrgLevel::Rep)
            return i;
    return -1;
}
} // namespace

void TestTargetsTab::termsSaveAsOneUndoStep()
{
    const TargetsView before = fromFile();
    const int rep = firstRep(before.tree);
    QVERIFY(rep > 0);
    const int index = m_stack.index();
    // A unit with units below it, and a correction without a reason: refused, named, nothing saved.
    QVERIFY(!m_tab->setTerms(0, {Tier::B, 1500, 0, {}}, true));
    QVERIFY(m_tab->message()->text().contains(before.tree.nodes[0].name));
    QVERIFY(!m_tab->setTerms(rep, {Tier::B, 1500, 200, {}}, true));
    QVERIFY2(m_tab->message()->text().contains(QStringLiteral("needs a reason")), qPrintable(m_tab->message()->text()));
    QCOMPARE(m_stack.index(), index);
    // Terms only (the target stays): one undo step, the file holds them.
    const TargetTerms terms{Tier::C, 2000, -300, QStringLiteral("重点客户预算冻结")};
    QVERIFY2(m_tab->setTerms(rep, terms, false), qPrintable(m_tab->message()->text()));
    QCOMPARE(m_stack.index(), index + 1);
    TargetsView after = fromFile();
    QCOMPARE(after.tree.nodes[rep].tier, std::optional<Tier>(Tier::C));
    QCOMPARE(after.tree.nodes[rep].growthBp, 2000);
    QCOMPARE(after.tree.nodes[rep].correctionBp, -300);
    QCOMPARE(after.tree.nodes[rep].correctionReason, terms.correctionReason);
    QCOMPARE(amounts(after), amounts(before));
    // The correction column's tooltip gives the reason.
    const QModelIndex cell = m_tab->model()->indexOfNode(rep).siblingAtColumn(TargetTreeModel::Correction);
    QVERIFY2(cell.data(Qt::ToolTipRole).toString().contains(terms.correctionReason),
             qPrintable(cell.data(Qt::ToolTipRole).toString()));
    // The proposal follows the saved terms.
    QCOMPARE(after.proposal.nodes[rep].amountCents, proposal(after.rows[rep].baseCents, 2000, -300));
    // With the proposal adopted (flagging the parent, so the siblings keep theirs).
    m_tab->editMode()->setCurrentIndex(m_tab->editMode()->findData(int(EditMode::Flag)));
    QVERIFY(waitRefreshed());
    QVERIFY2(m_tab->setTerms(rep, {Tier::C, 1900, -300, terms.correctionReason}, true), qPrintable(m_tab->message()->text()));
    after = fromFile();
    QCOMPARE(after.tree.nodes[rep].amountCents, proposal(after.rows[rep].baseCents, 1900, -300));
    QCOMPARE(m_stack.index(), index + 2);
    m_stack.undo();
    m_stack.undo();
    after = fromFile();
    QCOMPARE(amounts(after), amounts(before));
    QCOMPARE(termsOf(after.tree.nodes[rep]), termsOf(before.tree.nodes[rep]));
    m_tab->editMode()->setCurrentIndex(0);
    QVERIFY(waitRefreshed());
}

void TestTargetsTab::termsDialogChecksAsYouType()
{
    const TargetsView &v = m_tab->result()->view;
    const int rep = firstRep(v.tree);
    TargetTermsDialog d(v, rep);
    QPushButton *ok = d.buttons()->button(QDialogButtonBox::Ok);
    // Tier A: the growth is held inside 8–12 %.
    d.tierBox()->setCurrentIndex(d.tierBox()->findData(int(Tier::A)));
    QCOMPARE(d.growthBox()->minimum(), 8.0);
    QCOMPARE(d.growthBox()->maximum(), 12.0);
    QCOMPARE(d.terms().growthBp, 1000); // A's default
    d.growthBox()->setValue(11.5);
    d.correctionBox()->setValue(0);
    d.reasonBox()->setCurrentText(QString()); // the demo's reason for this rep, if any, cleared
    QVERIFY2(ok->isEnabled(), qPrintable(d.errorLabel()->text()));
    // A correction needs a reason: OK waits for it, the error says so.
    d.correctionBox()->setValue(2);
    QVERIFY(!ok->isEnabled());
    QVERIFY(d.errorLabel()->text().contains(QStringLiteral("reason")));
    d.reasonBox()->setCurrentText(QStringLiteral("新品上市"));
    QVERIFY(ok->isEnabled());
    QCOMPARE(d.terms(), (TargetTerms{Tier::A, 1150, 200, QStringLiteral("新品上市")}));
    // The proposal is shown as it would be saved.
    const QString shown = d.resultLabel()->text();
    QVERIFY2(shown.contains(formatCny(proposal(v.rows[rep].baseCents, 1150, 200), QLocale())), qPrintable(shown));
    QVERIFY(d.adopt());
    d.correctionBox()->setValue(9); // clamped to the ±5 % limit
    QCOMPARE(d.terms().correctionBp, 500);
}

void TestTargetsTab::unitCorrectionForEveryRep()
{
    const TargetsView before = fromFile();
    const int region = before.tree.nodes[0].children.first();
    const QString name = before.tree.nodes[region].name;
    const QVector<int> reps = repsUnder(before.tree, region);
    QVERIFY(reps.size() > 1);
    const int index = m_stack.index();
    // Refused, naming the region: no reason, out of bounds; nothing saved.
    QVERIFY(!m_tab->setUnitCorrection(region, 200, QStringLiteral(" "), true));
    QVERIFY2(m_tab->message()->text().contains(name) && m_tab->message()->text().contains(QStringLiteral("reason")),
             qPrintable(m_tab->message()->text()));
    QVERIFY(!m_tab->setUnitCorrection(region, 600, QStringLiteral("x"), true));
    QCOMPARE(m_stack.index(), index);

    // F4 on the region's row opens the dialog in unit mode; typed like a user, OK saves.
    const QString reason = QStringLiteral("新增竞争对手低价");
    const TargetsView &shown = m_tab->result()->view;
    const qint64 expected = withUnitCorrection(shown.proposal, proposalBases(shown), region, -200, reason)
                                .nodes[region].amountCents;
    QString seen;
    bool wasUnit = false;
    QTimer::singleShot(0, this, [&] {
        auto *d = qobject_cast<TargetTermsDialog *>(QApplication::activeModalWidget());
        if (!d)
            return;
        wasUnit = d->unitMode() && !d->tierBox() && !d->growthBox();
        QPushButton *ok = d->buttons()->button(QDialogButtonBox::Ok);
        d->correctionBox()->setValue(-2);
        d->reasonBox()->setCurrentText(QString());
        const bool waitsForReason = !ok->isEnabled();
        d->reasonBox()->setCurrentText(reason); // QTest types Latin-1 only
        seen = d->resultLabel()->text();
        if (waitsForReason && ok->isEnabled() && d->adopt())
            ok->click();
        else
            d->reject();
    });
    m_tab->selectNode(region);
    m_tab->editTerms(region);
    QVERIFY(wasUnit);
    QVERIFY2(seen.contains(formatCny(expected, QLocale())) && seen.contains(name), qPrintable(seen));
    QVERIFY2(m_stack.index() == index + 1, qPrintable(m_tab->message()->text()));

    // The file: every rep of the region has −2 % with the reason, its tier and growth as its
    // proposal had them, its target its new proposal; the region is their sum.
    TargetsView after = fromFile();
    QSqlDatabase c = m_db.connection();
    const auto saved = [&c](qint64 rowId) {
        QSqlQuery q(c);
        q.prepare(QStringLiteral("SELECT correction_bp, correction_reason FROM targets WHERE id = ? AND deleted = 0"));
        q.addBindValue(rowId);
        return q.exec() && q.next() ? qMakePair(q.value(0).toInt(), q.value(1).toString()) : qMakePair(-1, QString());
    };
    qint64 sum = 0;
    for (int r : reps) {
        QVERIFY(after.tree.nodes[r].rowId > 0);
        QCOMPARE(saved(after.tree.nodes[r].rowId), qMakePair(-200, reason));
        QCOMPARE(after.tree.nodes[r].tier, before.proposal.nodes[r].tier);
        QCOMPARE(after.tree.nodes[r].growthBp, before.proposal.nodes[r].growthBp);
        QCOMPARE(after.tree.nodes[r].amountCents,
                 proposal(before.rows[r].baseCents, before.proposal.nodes[r].growthBp, -200));
        sum += after.tree.nodes[r].amountCents;
    }
    QCOMPARE(after.tree.nodes[region].amountCents, sum);
    QCOMPARE(sum, expected);
    // The region row's Correction tooltip says what all its reps share.
    const QString tip = m_tab->model()->indexOfNode(region).siblingAtColumn(TargetTreeModel::Correction)
                            .data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(reason) && tip.contains(QString::number(reps.size())), qPrintable(tip));
    // One undo step restores every rep's terms and every amount.
    m_stack.undo();
    after = fromFile();
    QCOMPARE(amounts(after), amounts(before));
    for (int r : reps) {
        QCOMPARE(termsOf(after.tree.nodes[r]), termsOf(before.tree.nodes[r]));
        if (before.tree.nodes[r].rowId)
            QCOMPARE(saved(before.tree.nodes[r].rowId),
                     qMakePair(before.tree.nodes[r].correctionBp, before.tree.nodes[r].correctionReason));
    }
    QVERIFY(waitRefreshed());
}

void TestTargetsTab::quarterSplitsIntoMonthsUndoably()
{
    const TargetsView quarter = fromFile();
    QCOMPARE(quarter.period.kind, PeriodKind::Quarter);
    QVERIFY(mismatches(quarter.tree).isEmpty());
    QSqlDatabase c = m_db.connection();
    const OrgUnits units = loadOrgUnits(c);
    const auto months = [&] {
        QVector<TargetTree> out;
        for (int m = 0; m < 3; ++m)
            out << loadTargetTree(c, PeriodKind::Month, quarter.period.first.addMonths(m), units, quarter.reps);
        return out;
    };
    const QVector<TargetTree> before = months();
    const int index = m_stack.index();
    QVERIFY(m_tab->splitButton()->isEnabled());
    QVERIFY2(m_tab->splitPeriod(), qPrintable(m_tab->message()->text()));
    QCOMPARE(m_stack.index(), index + 1); // one undo step
    QVERIFY(m_stack.undoText().contains(QStringLiteral("Split")));
    const QVector<TargetTree> after = months();
    for (int i = 0; i < quarter.tree.nodes.size(); ++i)
        QCOMPARE(after[0].nodes[i].amountCents + after[1].nodes[i].amountCents + after[2].nodes[i].amountCents,
                 quarter.tree.nodes[i].amountCents);
    for (const TargetTree &t : after)
        QVERIFY(mismatches(t).isEmpty());
    // Split again: nothing to do, nothing pushed.
    QVERIFY(m_tab->splitPeriod());
    QCOMPARE(m_stack.index(), index + 1);
    m_stack.undo();
    const QVector<TargetTree> undone = months();
    for (int m = 0; m < 3; ++m)
        for (int i = 0; i < before[m].nodes.size(); ++i)
            QCOMPARE(undone[m].nodes[i].amountCents, before[m].nodes[i].amountCents);
    // A quarter that does not sum is refused, named.
    m_tab->editMode()->setCurrentIndex(m_tab->editMode()->findData(int(EditMode::Flag)));
    QVERIFY(m_tab->editTarget(quarter.tree.nodes[0].children.first(), QStringLiteral("1万")));
    QVERIFY(!m_tab->splitPeriod());
    QVERIFY2(m_tab->message()->text().contains(quarter.tree.nodes[0].name), qPrintable(m_tab->message()->text()));
    m_stack.undo();
    m_tab->editMode()->setCurrentIndex(0);
    QVERIFY(waitRefreshed());
}

void TestTargetsTab::yearSplitsIntoQuarters()
{
    m_scope->setPeriod(Period::year(kAsOf));
    QVERIFY(waitRefreshed());
    const TargetsView year = fromFile();
    QCOMPARE(year.period.kind, PeriodKind::Year);
    QCOMPARE(m_tab->splitButton()->text(), QStringLiteral("Split into quarters"));
    QVERIFY(m_tab->splitButton()->isEnabled());
    QSqlDatabase c = m_db.connection();
    const OrgUnits units = loadOrgUnits(c);
    const auto quarters = [&] {
        QVector<TargetTree> out;
        for (int q = 0; q < 4; ++q)
            out << loadTargetTree(c, PeriodKind::Quarter, year.period.first.addMonths(3 * q), units, year.reps);
        return out;
    };
    const QVector<TargetTree> before = quarters();
    const int index = m_stack.index();
    QVERIFY2(m_tab->splitPeriod(), qPrintable(m_tab->message()->text()));
    QCOMPARE(m_stack.index(), index + 1);
    QVERIFY2(m_stack.undoText().contains(QStringLiteral("quarters")), qPrintable(m_stack.undoText()));
    const QVector<TargetTree> after = quarters();
    for (int i = 0; i < year.tree.nodes.size(); ++i) {
        qint64 sum = 0;
        for (const TargetTree &t : after)
            sum += t.nodes[i].amountCents;
        QCOMPARE(sum, year.tree.nodes[i].amountCents);
    }
    for (const TargetTree &t : after)
        QVERIFY(mismatches(t).isEmpty());
    m_stack.undo();
    const QVector<TargetTree> undone = quarters();
    for (int q = 0; q < 4; ++q)
        for (int i = 0; i < before[q].nodes.size(); ++i)
            QCOMPARE(undone[q].nodes[i].amountCents, before[q].nodes[i].amountCents);
    // A month has nothing to split into.
    m_scope->setPeriod(Period::month(kAsOf));
    QVERIFY(waitRefreshed());
    QVERIFY(!m_tab->splitButton()->isEnabled());
    QVERIFY(!m_tab->splitPeriod());
    m_scope->setPeriod(Period::quarter(kAsOf));
    QVERIFY(waitRefreshed());
}

void TestTargetsTab::periodsAndOrg()
{
    const TargetsView company = m_tab->result()->view;
    const int region = company.tree.nodes[0].children.first();
    // An org change re-filters: the region is the root, the figures are the same object.
    const TargetsFigures *shown = m_tab->result();
    m_scope->setOrg({OrgLevel::Region, company.tree.nodes[region].orgId});
    QVERIFY(waitRefreshed());
    QCOMPARE(m_tab->result(), shown);
    QCOMPARE(m_tab->model()->rowCount(), 1);
    QCOMPARE(m_tab->model()->index(0, TargetTreeModel::Name).data().toString(), company.tree.nodes[region].name);
    QCOMPARE(m_tab->gauges().first()->caption(), company.tree.nodes[region].name);
    // A week shows its month's targets and says so.
    m_scope->setPeriod(Period::week(kAsOf));
    QVERIFY(waitRefreshed());
    QCOMPARE(m_tab->result()->view.period, Period::month(kAsOf));
    QVERIFY(m_tab->note()->isVisibleTo(m_tab.get()));
    QVERIFY2(m_tab->note()->text().contains(Period::month(kAsOf).label()), qPrintable(m_tab->note()->text()));
    // A custom range has no targets: a message, no table.
    m_scope->setPeriod(Period::custom(QDate(2026, 11, 3), QDate(2026, 11, 17)));
    QVERIFY(waitRefreshed());
    QVERIFY(!m_tab->result());
    QCOMPARE(m_tab->model()->rowCount(), 0);
    QVERIFY2(m_tab->message()->text().contains(QStringLiteral("custom range")), qPrintable(m_tab->message()->text()));
    QVERIFY(!m_tab->editTarget(0, QStringLiteral("1万")));
    m_scope->setScope({Period::quarter(kAsOf), OrgScope::company()});
    QVERIFY(waitRefreshed());
    QVERIFY(m_tab->result());
    QVERIFY(!m_tab->message()->isVisibleTo(m_tab.get()));
}

void TestTargetsTab::targetsPeriodMapping()
{
    QString note, error;
    QCOMPARE(targetsPeriod(Period::quarter(kAsOf), &note, &error), std::optional(Period::quarter(kAsOf)));
    QVERIFY(note.isEmpty());
    QCOMPARE(targetsPeriod(Period::week(QDate(2026, 9, 30)), &note, &error), std::optional(Period::month(QDate(2026, 9, 28))));
    QVERIFY(!note.isEmpty());
    QCOMPARE(targetsPeriod(Period::yearToDate(kAsOf), &note, &error), std::optional(Period::year(kAsOf)));
    QVERIFY(!targetsPeriod(Period::custom(kAsOf, kAsOf), &note, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(TestTargetsTab)
#include "tst_targetstab.moc"

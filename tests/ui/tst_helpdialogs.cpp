// The Help menu: Keyboard shortcuts lists what the window really defines (an action added
// later appears; every entry says what it does), the user guide is bundled in English and
// Chinese with a section for every screen and follows the UI language, and About names the
// version, the build, the data file (copyable) and the licences.
#include "buildinfo/buildinfo.h"
#include "demowindow.h"
#include "helpdialogs.h"
#include "leadspage.h"
#include "navrail.h"
#include "shortcutsdialog.h"

#include <QAction>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace cockpit;

class TestHelpDialogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void plainText_data();
    void plainText();
    void shortcutsListWhatExists();
    void shortcutsFollowNewActions();
    void f1OpensTheShortcuts();
    void guideHasEveryScreenInBothLanguages_data();
    void guideHasEveryScreenInBothLanguages();
    void guideFollowsTheUiLanguage();
    void aboutNamesVersionFileAndLicences();

private:
    static const ui::ShortcutEntry *find(const QVector<ui::ShortcutEntry> &all, const QString &group,
                                         const QString &keys)
    {
        for (const ui::ShortcutEntry &e : all)
            if (e.group == group && e.keys == keys)
                return &e;
        return nullptr;
    }
    static QString native(const QKeySequence &k) { return k.toString(QKeySequence::NativeText); }

    fixture::DemoWindow m_w;
};

void TestHelpDialogs::initTestCase()
{
    const QString error = m_w.open(/*welcomeCard=*/true);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestHelpDialogs::plainText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("plain");
    QTest::newRow("mnemonic") << "&Undo" << "Undo";
    QTest::newRow("Chinese mnemonic") << "文件(&F)" << "文件";
    QTest::newRow("Chinese mnemonic and ellipsis") << "新建客户(&N)…" << "新建客户";
    QTest::newRow("escaped ampersand") << "Fish && &Chips" << "Fish & Chips";
    QTest::newRow("ellipsis") << "Open database…" << "Open database";
    QTest::newRow("three dots") << "Open..." << "Open";
}

void TestHelpDialogs::plainText()
{
    QFETCH(QString, text);
    QFETCH(QString, plain);
    QCOMPARE(ui::ShortcutsDialog::plainText(text), plain);
}

void TestHelpDialogs::shortcutsListWhatExists()
{
    const QVector<ui::ShortcutEntry> all = ui::ShortcutsDialog::collect(m_w.window.get());
    // The View menu's screens, the Edit menu, a page's own keys, a button's, a QShortcut's.
    const ui::ShortcutEntry *cockpit = find(all, QStringLiteral("View"), native(QKeySequence(Qt::CTRL | Qt::Key_1)));
    QVERIFY(cockpit);
    QCOMPARE(cockpit->text, QStringLiteral("Cockpit"));
    const ui::ShortcutEntry *targets = find(all, QStringLiteral("View"), native(QKeySequence(Qt::CTRL | Qt::Key_5)));
    QVERIFY(targets);
    QCOMPARE(targets->text, QStringLiteral("Targets & Forecast")); // not a mnemonic on the space
    const ui::ShortcutEntry *redo = find(all, QStringLiteral("Edit"),
                                         native(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)) + QStringLiteral(", ")
                                             + native(QKeySequence(Qt::CTRL | Qt::Key_Y)));
    QVERIFY(redo);
    const ui::ShortcutEntry *ack = find(all, QStringLiteral("Alerts"), native(QKeySequence(Qt::CTRL | Qt::Key_K)));
    QVERIFY(ack);
    QCOMPARE(ack->text, QStringLiteral("Acknowledge"));
    const ui::ShortcutEntry *edit = find(all, QStringLiteral("Leads"), native(QKeySequence(Qt::Key_F2)));
    QVERIFY(edit);
    QCOMPARE(edit->text, QStringLiteral("Edit lead"));
    const ui::ShortcutEntry *previous = find(all, QStringLiteral("Cockpit"), native(QKeySequence(Qt::ALT | Qt::Key_Left)));
    QVERIFY(previous);
    QCOMPARE(previous->text, QStringLiteral("Previous period"));
    const ui::ShortcutEntry *escape = find(all, QStringLiteral("Welcome card"), native(QKeySequence(Qt::Key_Escape)));
    QVERIFY(escape);
    QCOMPARE(escape->text, QStringLiteral("Close the welcome card"));
    QVERIFY(find(all, QStringLiteral("Help"), native(QKeySequence(Qt::Key_F1))));
    // Menus come first, left to right.
    QCOMPARE(all.first().group, QStringLiteral("File"));
    // Every entry says what it does; a button's "&" mnemonic is not a shortcut to list.
    for (const ui::ShortcutEntry &e : all) {
        QVERIFY2(!e.text.isEmpty(), qPrintable(e.group + QLatin1Char(' ') + e.keys));
        QVERIFY2(!e.text.contains(QRegularExpression(QStringLiteral("&\\w"))), qPrintable(e.text)); // no mnemonic left
        QVERIFY2(!e.keys.startsWith(QLatin1String("Alt+")) || e.keys.size() > 5, qPrintable(e.keys));
    }
}

void TestHelpDialogs::shortcutsFollowNewActions()
{
    const QString keys = native(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_J));
    QVERIFY(!find(ui::ShortcutsDialog::collect(m_w.window.get()), QStringLiteral("Leads"), keys));
    auto *action = new QAction(QStringLiteral("&Frobnicate the leads…"), m_w.window->leadsPage());
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_J));
    m_w.window->leadsPage()->addAction(action);
    const ui::ShortcutEntry *added = find(ui::ShortcutsDialog::collect(m_w.window.get()), QStringLiteral("Leads"), keys);
    QVERIFY(added);
    QCOMPARE(added->text, QStringLiteral("Frobnicate the leads"));
    // The dialog shows it under its screen, and the filter finds it.
    ui::ShortcutsDialog dialog(m_w.window.get());
    dialog.setFilter(QStringLiteral("frobnicate"));
    int shown = 0;
    for (int g = 0; g < dialog.tree()->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = dialog.tree()->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i)
            if (!group->isHidden() && !group->child(i)->isHidden()) {
                ++shown;
                QCOMPARE(group->text(0), QStringLiteral("Leads"));
                QCOMPARE(group->child(i)->text(0), keys);
            }
    }
    QCOMPARE(shown, 1);
    delete action;
    QVERIFY(!find(ui::ShortcutsDialog::collect(m_w.window.get()), QStringLiteral("Leads"), keys));
}

void TestHelpDialogs::f1OpensTheShortcuts()
{
    m_w.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_w.window.get()));
    QTest::keyClick(m_w.window.get(), Qt::Key_F1);
    auto *dialog = m_w.window->findChild<ui::ShortcutsDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    // The pipeline editor is built on demand, and its keys are listed all the same.
    QVERIFY(find(dialog->entries(), QStringLiteral("Settings › Pipelines"), native(QKeySequence(Qt::Key_Insert))));
    QVERIFY(dialog->tree()->topLevelItemCount() >= 8);
    dialog->close();
}

void TestHelpDialogs::guideHasEveryScreenInBothLanguages_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("notBuilt");
    QTest::newRow("en") << "en" << "Not built yet";
    QTest::newRow("zh_CN") << "zh_CN" << "尚未开发";
}

void TestHelpDialogs::guideHasEveryScreenInBothLanguages()
{
    QFETCH(QString, language);
    QFETCH(QString, notBuilt);
    QFile file(ui::GuideDialog::guideFile(language));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QString html = QString::fromUtf8(file.readAll());
    for (int s = 0; s < ui::NavRail::ScreenCount; ++s) {
        const QString key = ui::NavRail::screenKey(ui::NavRail::Screen(s));
        QVERIFY2(html.contains(QStringLiteral("<a name=\"%1\">").arg(key)), qPrintable(key));
        QVERIFY2(html.contains(QStringLiteral("href=\"#%1\"").arg(key)), qPrintable(key));
        QVERIFY2(html.contains(QStringLiteral("Ctrl+%1").arg(s + 1)), qPrintable(key));
    }
    // Targets & Forecast says plainly that it is not built.
    const qsizetype targets = html.indexOf(QLatin1String("<a name=\"targets\">"));
    const qsizetype next = html.indexOf(QLatin1String("<h2>"), targets);
    QVERIFY(html.mid(targets, next - targets).contains(notBuilt));
}

void TestHelpDialogs::guideFollowsTheUiLanguage()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    QCOMPARE(ui::GuideDialog::uiLanguage(), QStringLiteral("zh_CN"));
    {
        ui::GuideDialog guide;
        QCOMPARE(guide.browser()->source(), QUrl(QStringLiteral("qrc:/guide/guide.zh_CN.html")));
        QVERIFY(guide.browser()->toPlainText().contains(QStringLiteral("销售驾驶舱 — 使用指南")));
    }
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    {
        ui::GuideDialog guide;
        QCOMPARE(guide.browser()->source(), QUrl(QStringLiteral("qrc:/guide/guide.en.html")));
        QVERIFY(guide.browser()->toPlainText().contains(QStringLiteral("Sales Cockpit — user guide")));
    }
    QLocale::setDefault(before);
    // From the Help menu, as a dialog of the window.
    QDialog *shown = m_w.window->showGuide();
    QVERIFY(qobject_cast<ui::GuideDialog *>(shown));
    QVERIFY(shown->isVisible());
    shown->close();
}

void TestHelpDialogs::aboutNamesVersionFileAndLicences()
{
    ui::AboutDialog about(m_w.db->path());
    const QString text = about.text();
    QVERIFY2(text.contains(build::fullVersion()), qPrintable(text));
    const build::Facts facts = build::facts();
    for (const QString &fact : {facts.qtRuntime, facts.compiler, facts.buildType})
        QVERIFY2(!fact.isEmpty() && text.contains(fact), qPrintable(fact));
    QVERIFY(text.contains(QDir::toNativeSeparators(m_w.db->path())));
    for (const char *licence : {"MIT", "LGPL-3.0", "public domain", "Apache-2.0", "SIL OFL 1.1", "Unicode License v3"})
        QVERIFY2(text.contains(QLatin1String(licence)), licence);
    for (const char *part : {"Qt 6", "SQLite", "OpenSSL 3", "Noto Sans CJK", "Unihan"})
        QVERIFY2(text.contains(QLatin1String(part)), part);
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(about.copyPathButton(), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QDir::toNativeSeparators(m_w.db->path()));
}

QTEST_MAIN(TestHelpDialogs)
#include "tst_helpdialogs.moc"

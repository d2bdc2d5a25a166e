#pragma once
// The main window on a tiny generated demo company (seed 7, as of 2026-11-20), for UI tests
// that drive the real window: database, catalog, undo stack, edit controller, settings and
// window, torn down in the right order.
#include "analytics/figureservice.h"
#include "items/catalog.h"
#include "storage/database.h"
#include "tinydemo.h"
#include "items/editcontroller.h"
#include "mainwindow.h"
#include "navrail.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

namespace fixture {

struct DemoWindow
{
    QTemporaryDir dir;
    std::unique_ptr<cockpit::storage::Database> db;
    std::unique_ptr<cockpit::analytics::FigureService> figures;
    std::unique_ptr<cockpit::Catalog> catalog;
    std::unique_ptr<QUndoStack> undo;
    std::unique_ptr<cockpit::EditController> edits;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<cockpit::ui::MainWindow> window;

    // Generates the demo, loads it and shows the window on Leads; an error message or "".
    // `welcomeCard`: leave the demo's welcome card to show as on a first start.
    QString open(bool welcomeCard = false)
    {
        using namespace cockpit;
        const QString path = dir.filePath(QStringLiteral("demo.db"));
        if (const QString error = fixture::generateTinyDemo(path, 7, QDate(2026, 11, 20)); !error.isEmpty())
            return error;
        db = std::make_unique<storage::Database>();
        if (const auto opened = db->open(path); !opened.ok())
            return opened.message;
        figures = std::make_unique<analytics::FigureService>(*db);
        catalog = std::make_unique<Catalog>(*db);
        catalog->setEnglishNames(true);
        QString error;
        if (!catalog->load(&error))
            return error;
        undo = std::make_unique<QUndoStack>();
        edits = std::make_unique<EditController>(*db, *undo);
        settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        // The welcome card would float over the screens under test (tst_welcome tests it).
        if (!welcomeCard)
            settings->setValue(QLatin1String(ui::MainWindow::kWelcomeDismissedKey), true);
        window = std::make_unique<ui::MainWindow>(*db, *figures, *catalog, *edits, *settings);
        window->resize(1366, 768);
        window->showScreen(ui::NavRail::Leads);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return QStringLiteral("the window was not exposed");
        return {};
    }

    void close()
    {
        window.reset();
        edits.reset();
        undo.reset();
        catalog.reset();
        figures.reset(); // its workers end before the file closes
        db.reset();
    }
    ~DemoWindow() { close(); }
};

} // namespace fixture

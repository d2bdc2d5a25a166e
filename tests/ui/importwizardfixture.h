#pragma once
// What the import wizard's tests share (tst_importwizard.cpp: files and columns;
// tst_importwizardcheck.cpp: the check page, undo and the screenshots): a new company file
// with its undo stack, files written into a folder of the test's own, and a few reads.
#include "importwizard.h"
#include "importpipelinedialog.h"
#include "importvaluesdialog.h"
#include "longstepprogress.h"

#include "imports/importmapping.h"
#include "imports/tablesource.h"
#include "io/tablewriter.h"
#include "imports/importwriter.h"
#include "items/editcontroller.h"
#include "storage/database.h"
#include "storage/pipelinerepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringEncoder>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QMenu>
#include <QUndoStack>
#include <QtTest>

namespace cockpit::testing {

class ImportWizardFixture
{
protected:
    void setUp()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::make_unique<storage::Database>();
        QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("w.db")), storage::Database::Mode::CreateHere).ok());
        QString error;
        QVERIFY2(imports::ImportWriter::initCompany(m_db->connection(), QStringLiteral("CNY"), QStringLiteral("王总"), &error),
                 qPrintable(error));
        m_stack = std::make_unique<QUndoStack>();
        m_edits = std::make_unique<EditController>(*m_db, *m_stack);
    }
    void tearDown()
    {
        m_edits.reset();
        m_stack.reset();
        m_db.reset();
        m_dir.reset();
    }
    // The fields the boxes of a columns table's row show ("" for "(not imported)").
    static QStringList shownFields(QTableWidget *table, int row)
    {
        QStringList out;
        if (QWidget *cell = table->cellWidget(row, 2))
            for (const QComboBox *box : cell->findChildren<QComboBox *>())
                out << box->currentData().toString();
        return out;
    }
    qint64 count(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }
    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir->filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(content);
        return path;
    }
    // 甲公司, through the wizard
    void importCustomer()
    {
        write(QStringLiteral("c.csv"), QStringLiteral("客户名称\n甲公司\n").toUtf8());
        ui::ImportWizard w(*m_db, *m_edits, {m_dir->filePath(QStringLiteral("c.csv"))});
        w.goTo(ui::ImportWizard::ColumnsPage);
        w.goTo(ui::ImportWizard::CheckPage);
        QTRY_VERIFY_WITH_TIMEOUT(w.plan() != nullptr, 10000);
        QSignalSpy imported(&w, &ui::ImportWizard::imported);
        QTest::mouseClick(w.importButton(), Qt::LeftButton);
        QVERIFY(imported.wait(10000));
    }
    // Every customer and lead, as stored.
    QString dump()
    {
        QStringList out;
        QSqlQuery q(m_db->connection());
        for (const char *sql : {"SELECT id, name, deleted, row_version FROM customers ORDER BY id",
                                "SELECT id, stage_id, status, deleted, row_version FROM leads ORDER BY id",
                                "SELECT count(*) FROM stage_history", "SELECT count(*) FROM log_deletions",
                                "SELECT id, undone_at IS NULL FROM import_runs ORDER BY id"}) {
            if (!q.exec(QLatin1String(sql)))
                return q.lastError().text();
            while (q.next()) {
                QStringList cells;
                for (int c = 0; c < q.record().count(); ++c)
                    cells << q.value(c).toString();
                out << cells.join(u'|');
            }
        }
        return out.join(u'\n');
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<EditController> m_edits;
};

} // namespace cockpit::testing

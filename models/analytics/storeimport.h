#pragma once
// Import of store-day metrics from CSV (DESIGN.md §2 "store-day metrics", issue 4).
//
// The file: read by io::CsvReader — UTF-8 (a BOM is fine), GB18030 (Chinese Excel) or UTF-16,
// comma, semicolon or tab, LF or CRLF, RFC 4180 quotes — with one header row naming the eight
// columns in any order, in English or Chinese:
//   date 日期 · store 门店 · staff 在岗人数 · receptions 接待组数 · exposure % 主推品曝光率 ·
//   dwell minutes 停留时长 · experiences 体验人数 · deals within 72 h 72小时成交
// Values:
//   date        YYYY-MM-DD or YYYY/M/D;
//   store       the store's id or its exact name (a name shared by two stores must use the id);
//   counts      whole numbers >= 0 (staff, receptions, experiences, deals);
//   exposure    a percentage 0..100: "85", "85%", "85.5 %"; a number with a decimal point
//               that is <= 1 ("0.85", "1.0") is read as a fraction (85 %, 100 %); a whole
//               number is always a percentage ("1" = 1 %). Stored in basis points.
//   dwell       minutes with decimals ("3.5" = 210 s), >= 0; stored in whole seconds.
// A row is refused (with line, column, value and reason) for: a wrong number of fields, an
// unknown or ambiguous store, a bad date, a value that is not a number or is negative,
// exposure above 100 %, deals above experiences, receptions without staff, a cell longer than
// 1 000 characters, the same store and date as an earlier row of the file, a quote left open
// or a line that is not text in the file's encoding. A file that is empty, not text or lacks
// a column is refused as a whole. Good rows are upserted by
// (store, day) in one transaction with one outbox row each; nothing is written on cancel.
#include <QDate>
#include <QString>
#include <QVector>

#include <functional>

class QSqlDatabase;

namespace cockpit::analytics {

struct StoreDayRecord
{
    QString storeId;
    QDate day;
    int staff = 0, receptions = 0, exposureBp = 0, dwellSeconds = 0, experiences = 0, deals72h = 0;
    bool operator==(const StoreDayRecord &) const = default;
};

struct ImportIssue
{
    int line = 0;     // 1-based physical line of the file (the header is line 1); 0 = the file
    QString column;   // the header as written in the file ("" for the whole row or file)
    QString value;    // the offending value (shortened to 60 characters)
    QString reason;   // translated
    QString text() const; // "line 3, column 门店, value \"X\": unknown store"
};

// done/total in bytes or rows; return false to cancel.
using ImportProgress = std::function<bool(qint64 done, qint64 total)>;

struct StoreImportPlan
{
    QString fatal;                    // the file as a whole is unusable (then nothing else is set)
    QVector<StoreDayRecord> rows;     // valid rows, in file order
    QVector<int> rowLines;            // their line numbers
    QVector<ImportIssue> errors;      // one per refused row (the first problem found)
    int dataRows = 0;                 // rows in the file (without the header)
    int newDays = 0, replacedDays = 0;
    bool cancelled = false;
    bool ok() const { return fatal.isEmpty() && !cancelled; }
    // "N new days, M replaced, K rows with errors (not imported)"
    QString summary() const;
};

// Reads and validates; classifies valid rows as new or replacing a stored day. Never writes.
StoreImportPlan planStoreImport(QSqlDatabase db, const QByteArray &content, const ImportProgress &progress = {});
StoreImportPlan planStoreImportFile(QSqlDatabase db, const QString &path, const ImportProgress &progress = {});

// A stored day as it was before an import wrote it: for undo.
struct StoreDayBefore
{
    QString id;              // the store_days row id (new rows: the id the import gave them)
    bool existed = false;    // false: the import inserted it
    bool wasDeleted = false; // a tombstoned row the import revived
    StoreDayRecord record;   // the values before (existed) — unused otherwise
};

struct StoreImportResult
{
    bool ok = false;
    bool cancelled = false;
    QString error;
    int inserted = 0, replaced = 0;
    QVector<StoreDayBefore> before; // what undo restores
};

// Upserts `rows` by (store_id, day) in ONE transaction, each with its outbox row. On cancel
// (progress returns false) or any failure it rolls back: nothing is written.
StoreImportResult writeStoreDays(QSqlDatabase db, const QVector<StoreDayRecord> &rows,
                                 const ImportProgress &progress = {});
// Undo of writeStoreDays: puts every row back as it was (inserted rows become tombstones so
// sync carries the removal), in one transaction with outbox rows. false with *error otherwise.
bool restoreStoreDays(QSqlDatabase db, const QVector<StoreDayBefore> &before, QString *error = nullptr);

} // namespace cockpit::analytics

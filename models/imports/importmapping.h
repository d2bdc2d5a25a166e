#pragma once
// A mapping says how a company's files become rows (issue 11): for each file (or workbook
// sheet) its entity, which column holds which field, how values are translated (a misspelt
// sector, a product named two ways, stage names → the pipeline's), defaults for what a file
// leaves out, and for leads the pipeline and the columns that date each stage (the stages of
// the mapping's pipeline, or, when it brings none, of the company's pipeline the leads go
// into: the planner refuses a stage that pipeline does not have). It is JSON, so
// it can be written by hand, shipped with the app (the Maven CRM data's mapping) and saved by
// the wizard to be reused when the same header set comes again:
//
//   { "format": "sales-cockpit-import-mapping", "version": 1, "name": "…",
//     "currency": "USD", "day_order": "month_first", "create_org": true,
//     "on_duplicate": "skip",
//     "pipeline": { "code": "maven", "name": "Maven", "stages": [ {"name": "Prospecting"},
//                   {"name": "Engaging"}, {"name": "Won", "closing": "won"},
//                   {"name": "Lost", "closing": "lost"} ] },
//     "files": [ { "file": "accounts.csv", "sheet": "", "entity": "customers",
//                  "columns": { "name": "account", "industry": "sector" },
//                  "values": { "industry": { "technolgy": "technology" } },
//                  "defaults": { "source": "import" },
//                  "stage_dates": { "Engaging": "engage_date" },
//                  "encoding": "GB18030", "delimiter": ";" } ] }
//
// "encoding" and "delimiter" (a CSV's; both optional, detected when absent) are what the
// user chose where detection got it wrong: an encoding name encodingFromName knows (UTF-8,
// GB18030, UTF-16LE, UTF-16BE and their aliases) and one character, or its name (comma,
// semicolon, tab, pipe).
//
// Files are listed in dependency order (people, products, customers, leads); the planner
// imports them in that order in one transaction.
#include "imports/importschema.h"
#include "imports/tablesource.h"
#include "io/values.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cockpit::imports {

enum class OnDuplicate { Skip, Update, Replace };
QString onDuplicateCode(OnDuplicate mode);
std::optional<OnDuplicate> onDuplicateFromCode(const QString &code);

// A stage of the pipeline a mapping brings. closing: "" (an open stage), "won" (the stage a
// won lead ends in) or "lost" (not a stage of its own: a lost lead stays in the stage it was
// lost from, with status lost, as everywhere in the app).
struct MappedStage
{
    QString name;
    QString closing;
};

struct MappedPipeline
{
    QString code, name;
    QList<MappedStage> stages;
    bool isSet() const { return !stages.isEmpty(); }
};

struct FileMapping
{
    QString file;  // relative to the mapping's folder (--dir) or a sheet's workbook
    QString sheet; // a workbook's sheet; "" = the first visible one
    Entity entity = Entity::Customers;
    QHash<QString, QString> columns;                  // field → header as written in the file
    QHash<QString, QHash<QString, QString>> values;   // field → (value as written → value)
    QHash<QString, QString> defaults;                 // field → value when the cell is empty
    QList<QPair<QString, QString>> stageDates;        // leads: stage name → header, in pipeline order
    std::optional<io::TextEncoding> encoding;         // a CSV's, when not the detected one
    std::optional<QChar> delimiter;                   // a CSV's, when not the detected one

    // How the planner (and the wizard) open the file: the sheet, and the encoding and
    // delimiter when given.
    SourceOptions sourceOptions() const;
};

// A CSV delimiter from what a user or a mapping writes: one character (not a quote, a line
// break, a letter or a digit), or comma, semicolon, tab, pipe (a tab also as the text \\t).
std::optional<QChar> delimiterFromName(const QString &name);
// The name a mapping writes for a delimiter: the character itself.
QString delimiterCode(QChar delimiter);

struct ImportMapping
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::imports::ImportMapping)

public:
    QString name;
    QString currency;                 // ISO 4217 of every money column; "" = the company's
    io::DayOrder dayOrder = io::DayOrder::DayFirst;
    bool dayOrderGiven = false;
    bool createOrg = false;           // people, regions, cities and teams the database lacks are created
    std::optional<OnDuplicate> onDuplicate;
    MappedPipeline pipeline;
    QList<FileMapping> files;

    // false with *error naming the JSON key that is wrong.
    static std::optional<ImportMapping> fromJson(const QByteArray &json, QString *error);
    static std::optional<ImportMapping> fromFile(const QString &path, QString *error);
    QByteArray toJson() const;
};

// The columns of `header` that suggest each field of `entity`: exact header matches first,
// then headers that contain a field's name; each column used once, each field once. Date and
// money suggestions are kept only when most sample values parse as such.
QHash<QString, QString> suggestColumns(Entity entity, const QStringList &header,
                                       const QList<QStringList> &sampleRows = {});

// A value of a file's column and how many rows hold it.
struct ValueCount
{
    QString value;
    qint64 rows = 0;
};

// The distinct values of `field` in the file at `path` as `mapping` reads it (its column, its
// values translated), each with its rows, in the order first seen; empty cells are not
// counted. At most `maxValues` distinct values (the rest are counted in *others when given).
// nullopt with *error when the file cannot be read or the mapping gives the field no column.
std::optional<QList<ValueCount>> countValues(const QString &path, const FileMapping &mapping, const QString &field,
                                             QString *error, int maxValues = 200, qint64 *others = nullptr);

// The closing a stage name says, as the planner reads a leads file's stage: "won" (won, 赢单,
// 成交 …), "lost" (lost, 输单 …), else "" (importplanleads.cpp).
QString closingOfStage(const QString &name);

// The key a mapping of this header set is saved under (settings "import_mapping:<key>"): the
// entity and the normalised headers, sorted, hashed.
QString headerSetKey(Entity entity, const QStringList &header);

} // namespace cockpit::imports

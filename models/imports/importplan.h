#pragma once
// The plan of an import (issue 11): every file of a mapping read and every row checked against
// the file's own rows and the database, without writing anything. What the preview shows
// (counts of new, updated, unchanged, skipped and refused rows per file; warnings grouped by
// what they say; the people, regions and pipeline the import would create) is this plan, and
// writeImport() (importwriter.h) writes exactly it.
//
// Choices where a company file leaves something out, each reported as a warning on the row:
// - A date without a time is an instant on that day, the same calendar day in the company's
//   periods (Beijing time) and in UTC: a creation at 08:00 Beijing (00:00 UTC), anything else
//   (a stage entered, a close) at 12:00 Beijing (04:00 UTC). So a lead created and moved on the
//   same day was created first, and the funnel sees the move as coming after the creation.
// - A lead's creation: its "created" column; else the earliest date its row gives (a stage
//   date or the close date); else the time of the import.
// - A customer's creation: its "created" column; else its earliest lead's creation in the
//   import; else the time of the import. A person's hire date: the "hire_date" column; else the
//   earliest date in the whole import.
// - A customer's owner: the "owner" column; else the person importing.
// - Stage history: a lead's creation into the pipeline's first stage, then a move into each
//   stage its row dates (stage_dates), then, for a won lead, the move into the won stage at its
//   close date. Imported moves are recorded as they were, not re-gated (gates hold for moves
//   made in the app), and marked "imported" in their reason, which the hash chain covers.
#include "imports/importmapping.h"
#include "imports/plannedrows.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

class QSqlDatabase;

namespace cockpit::imports {

struct ImportIssue
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::imports::ImportIssue)

public:
    bool error = true; // false: a warning, the row still imports
    int file = -1;     // index into ImportPlan::files
    qint64 line = 0;   // 1-based line (a sheet's row); 0 = the file as a whole
    QString column;    // the header as written
    QString value;     // shortened to 60 characters
    QString reason;    // translated
    QString text(const QString &fileName) const; // "accounts.csv, line 3, column sector, value "x": …"
};

// A plan's issues: every one counted, the first kKept errors and the first kKept warnings kept
// whole (in file order: what the preview and the command line list), and the warnings grouped
// by file, column and reason with their count and first lines (warningLines()). A file with a
// warning on each of a million rows holds a few thousand issues, not a million; every refused
// row is still in its file's FilePlan::rejected, for the error file.
class ImportIssues
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::imports::ImportPlan)

public:
    static constexpr qsizetype kKept = 10000;   // per severity
    static constexpr int kGroupLines = 10;      // first lines kept per warning group
    static constexpr qsizetype kGroups = 10000; // then further reasons count as "other warnings"
    struct Group
    {
        int file = -1;
        QString column, reason;
        qint64 count = 0;
        std::vector<qint64> lines; // the first kGroupLines
    };

    void push_back(const ImportIssue &issue);
    // The kept issues.
    using const_iterator = std::vector<ImportIssue>::const_iterator;
    const_iterator begin() const { return m_kept.begin(); }
    const_iterator end() const { return m_kept.end(); }
    std::size_t size() const { return m_kept.size(); }
    bool empty() const { return m_kept.empty(); }
    const ImportIssue &front() const { return m_kept.front(); }
    const ImportIssue &operator[](std::size_t i) const { return m_kept[i]; }
    // Every issue, kept or only counted.
    qint64 errors() const { return m_errors; }
    qint64 warnings() const { return m_warnings; }
    qint64 omitted() const { return m_errors + m_warnings - qint64(m_kept.size()); }
    const std::vector<Group> &warningGroups() const { return m_groups; } // in the order first seen

private:
    std::vector<ImportIssue> m_kept;
    qint64 m_errors = 0, m_warnings = 0, m_keptErrors = 0, m_keptWarnings = 0;
    std::vector<Group> m_groups;
    QHash<QString, int> m_groupOf; // "<file>\n<column>\n<reason>" → index
};

// A row the import refers to: one already in the database (its key) or one this plan creates
// (its index in the plan's vector of that kind).
struct RowRef
{
    qint64 existing = 0;
    int planned = -1;
    bool isSet() const { return existing > 0 || planned >= 0; }
    static RowRef row(qint64 key) { RowRef r; r.existing = key; return r; }
    static RowRef plan(int index) { RowRef r; r.planned = index; return r; }
    bool operator==(const RowRef &) const = default;
};

enum class RowAction { Create, Update, Unchanged, Skip };

struct EntityCounts
{
    qint64 rows = 0, created = 0, updated = 0, unchanged = 0, skipped = 0, refused = 0;
};

// A refused row, for the error file: its cells as read, kept in one string (a refused row
// held a list and a string per cell; a file of refusals can be a million rows).
struct RejectedRow
{
    qint64 line = 0;
    QString reason;

    RejectedRow() = default;
    RejectedRow(qint64 line, const QStringList &fields, const QString &reason);
    QStringList fields() const; // as read
    qsizetype fieldCount() const;

private:
    friend void spillRow(SpillOut &, const RejectedRow &);
    friend void unspillRow(SpillIn &, RejectedRow &);
    QString m_cells; // each cell: its length in two QChars (high, low 16 bits), then its text
};

struct FilePlan
{
    QString path;
    FileMapping mapping;
    QString description;   // TableSource::describe()
    QStringList header;
    QString keyNote;       // how rows are recognised on re-import (translated)
    EntityCounts counts;
    PlannedRows<RejectedRow> rejected; // in memory up to a threshold, then spilled (plannedrows.h)
};

struct PlannedUnit // a region, city or team the import creates
{
    QString name;
    RowRef region, city; // a city's region; a team's city and region
};

struct PlannedUser
{
    int file = -1;
    qint64 line = 0;
    QString externalId, name, role, email, phone;
    RowRef manager, region, city, team;
    std::optional<qint64> hireDay;
    RowAction action = RowAction::Create;
    qint64 existing = 0;
    quint32 given = 0; // bit i: the row gave field i of ImportSchema::fields() (Update writes only these)
};

struct PlannedProduct
{
    int file = -1;
    qint64 line = 0;
    QString externalId, name, productLine;
    qint64 listPriceCents = 0;
    RowAction action = RowAction::Create;
    qint64 existing = 0;
    quint32 given = 0; // bit i: the row gave field i of ImportSchema::fields() (Update writes only these)
};

struct PlannedCustomer
{
    int file = -1;
    qint64 line = 0;
    QString externalId, name, aliases, industry, size, source, phone, coreNeed, location;
    qint64 closeCycleDays = 0;
    std::optional<qint64> employees, revenueCents, establishedYear;
    RowRef region, city, owner, parent;
    QString parentName;              // resolved when every file is read (the parent may come later)
    std::optional<qint64> createdAt; // unset: filled from its leads, or the import's time
    RowAction action = RowAction::Create;
    qint64 existing = 0;
    quint32 given = 0; // bit i: the row gave field i of ImportSchema::fields() (Update writes only these)
    bool standIn = false; // made from a leads file's default customer, not a customers row
};

struct PlannedContact
{
    int file = -1;
    qint64 line = 0;
    QString externalId, name, title, chainRole, phone;
    RowRef customer;
    qint64 seniority = 1;
    RowAction action = RowAction::Create;
    qint64 existing = 0;
    quint32 given = 0; // bit i: the row gave field i of ImportSchema::fields() (Update writes only these)
};

// An activity from a company's history: recorded as it happened, chained into the activity
// log after the import's stage moves (a record of the log, like one made in the app).
struct PlannedActivity
{
    int file = -1;
    qint64 line = 0;
    QString externalId, kind, direction, text, tags;
    RowRef lead, customer, actor;
    qint64 at = 0;
    qint64 durationSeconds = 0;
    RowAction action = RowAction::Create;
    qint64 existing = 0;
    quint32 given = 0;
};

struct PlannedOrder
{
    int file = -1;
    qint64 line = 0;
    QString externalId, productLine;
    RowRef customer, lead, rep;
    qint64 orderedOn = 0; // day number
    qint64 amountCents = 0, marginCents = 0;
    RowAction action = RowAction::Create;
    qint64 existing = 0;
    quint32 given = 0;
};

// A collection (回款) of an order: paid_on unset = not paid yet.
struct PlannedPayment
{
    int file = -1;
    qint64 line = 0;
    QString externalId;
    RowRef order, customer, rep;
    qint64 amountCents = 0;
    qint64 dueOn = 0;
    std::optional<qint64> paidOn;
    RowAction action = RowAction::Create;
    qint64 existing = 0;
    quint32 given = 0;
};

struct PlannedStore
{
    int file = -1;
    qint64 line = 0;
    QString externalId, name;
    RowRef region, city, manager;
    qint64 openedOn = 0; // day number
    RowAction action = RowAction::Create;
    qint64 existing = 0;
    quint32 given = 0;
};

// A store's day (DESIGN §2 "store-day metrics"): one per store and day; a stored day the file
// brings again is matched by (store, day), also one an undo removed (revived, as the table
// allows one row per store and day).
struct PlannedStoreDay
{
    int file = -1;
    qint64 line = 0;
    QString externalId;
    RowRef store;
    qint64 day = 0;
    qint64 staff = 0, receptions = 0, exposureBp = 0, dwellSeconds = 0, experiences = 0, deals72h = 0;
    bool revive = false; // the stored row is a tombstone
    RowAction action = RowAction::Create;
    qint64 existing = 0;
    quint32 given = 0;
};

// A target (DESIGN §5 "Targets"): a period (month, quarter, year: its first day) × an org node
// (the company, a region, city, team or rep). Matched on re-import by period and node.
struct PlannedTarget
{
    int file = -1;
    qint64 line = 0;
    QString externalId, periodKind, level, tier, status;
    QString correctionReason; // why the external correction (targets.correction_reason)
    RowRef org;
    const char *orgKind = nullptr; // "regions", "cities", "teams", "users"; nullptr: the company
    qint64 periodStart = 0;        // day number
    qint64 amountCents = 0, growthBp = 0, correctionBp = 0;
    RowAction action = RowAction::Create;
    qint64 existing = 0;
    quint32 given = 0;
};

struct StageMove
{
    int from = -1; // index into ImportPlan::stages; -1 = the lead's creation
    int to = 0;
    qint64 at = 0;
};

struct PlannedLead
{
    int file = -1;
    qint64 line = 0;
    QString externalId, title, lostReason, campaign;
    RowRef customer, owner, product;
    int stage = 0;        // index into ImportPlan::stages
    QString status;       // open, won, lost
    qint64 amountCents = 0;
    qint64 createdAt = 0, closedAt = 0; // closedAt 0 = open
    std::optional<qint64> expectedCloseDay;
    std::vector<StageMove> moves;
    RowAction action = RowAction::Create;
    qint64 existing = 0;
    quint32 given = 0; // bit i: the row gave field i of ImportSchema::fields() (Update writes only these)
};

// The pipeline leads are imported into: an existing one (its stage keys) or one the mapping
// creates (a new pipeline, or a new version of one whose stages differ).
struct PlannedStage
{
    QString name;
    qint64 existing = 0;
    bool won = false;
};

// A cell the import could not match to what its field names — a stage the pipeline lacks, a
// person the database does not know — counted per file, field and value: the wizard offers to
// read it as one that exists (a value of the mapping, FileMapping::values) and checks again.
struct UnmatchedValue
{
    int file = -1;
    QString field; // "stage", "owner", "actor", "rep", "manager"
    QString value; // as the file writes it
    qint64 rows = 0;
};

struct ImportRequest
{
    ImportMapping mapping;
    QStringList paths;                 // one per mapping file, resolved (the same workbook may repeat)
    OnDuplicate onDuplicate = OnDuplicate::Skip;
    qint64 now = 0;                    // epoch seconds: "the time of the import"
    qint64 actorKey = 0;               // the person importing (a user's key), 0 if none
    std::function<bool(qint64 done, qint64 total)> progress; // bytes over all files; false cancels
};

struct ImportPlan
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::imports::ImportPlan)

public:
    QString fatal;      // the import cannot run (then nothing else is meaningful)
    bool cancelled = false;
    QString currency;   // of the money columns (the mapping's, else the company's)
    bool setCurrency = false; // the company had none yet: writing sets it
    qint64 now = 0;
    qint64 actorKey = 0;
    OnDuplicate onDuplicate = OnDuplicate::Skip;
    QList<FilePlan> files;
    ImportIssues issues; // errors (refused rows) and warnings, in file order (the first ones kept)
    std::vector<UnmatchedValue> unmatched;
    QHash<QString, QStringList> choices; // field of an unmatched value → what it can be read as

    std::vector<PlannedUnit> regions, cities, teams;
    std::vector<PlannedUser> users;
    std::vector<PlannedProduct> products;
    std::vector<PlannedCustomer> customers;
    // The rows nothing else in the plan refers to by index once planned, kept in memory up to
    // a threshold and then spilled to a scratch file (plannedrows.h): what a million-row file
    // brings. The rest stay in memory: other rows refer to them (people, customers, products,
    // orders, stores) or the planner revisits them when every file is read (targets' sums).
    PlannedRows<PlannedLead> leads;
    PlannedRows<PlannedContact> contacts;
    PlannedRows<PlannedActivity> activities;
    std::vector<PlannedOrder> orders;
    PlannedRows<PlannedPayment> payments;
    std::vector<PlannedStore> stores;
    PlannedRows<PlannedStoreDay> storeDays;
    std::vector<PlannedTarget> targets;
    // Leads' pipeline.
    qint64 pipelineId = 0;     // existing pipeline, 0 = created by the write
    QString pipelineCode, pipelineName;
    int pipelineVersion = 1;
    std::vector<PlannedStage> stages;

    bool ok() const { return fatal.isEmpty() && !cancelled; }
    // Why the spilled rows could not be written or read back (empty: they were); a plan with
    // one is not written.
    QString spillError() const;
    qint64 refusedRows() const;
    qint64 warningCount() const;
    // Lines for the preview and the command line: per file its counts; what the import creates
    // (people, regions, pipeline); warnings grouped by reason with a count and the first lines.
    QStringList summaryLines() const;
    QStringList warningLines(int firstLines = 3) const;
};

// The serialised form of the planned rows that may be spilled (plannedrows.h).
void spillRow(SpillOut &out, const RejectedRow &r);
void unspillRow(SpillIn &in, RejectedRow &r);
void spillRow(SpillOut &out, const PlannedLead &l);
void unspillRow(SpillIn &in, PlannedLead &l);
void spillRow(SpillOut &out, const PlannedContact &c);
void unspillRow(SpillIn &in, PlannedContact &c);
void spillRow(SpillOut &out, const PlannedActivity &a);
void unspillRow(SpillIn &in, PlannedActivity &a);
void spillRow(SpillOut &out, const PlannedPayment &p);
void unspillRow(SpillIn &in, PlannedPayment &p);
void spillRow(SpillOut &out, const PlannedStoreDay &d);
void unspillRow(SpillIn &in, PlannedStoreDay &d);

// Reads and checks every file of `request` against `db` (its main connection, read only).
ImportPlan planImport(QSqlDatabase db, const ImportRequest &request);

// Writes each file's refused rows, as they were, with a last column "reason" (翻译: 原因), as CSV
// (UTF-8 with BOM, so Excel opens it) to `path`, or to "<base>-<file>.csv" per file when the
// plan has several files with refusals. Returns the paths written; *error when one fails.
QStringList writeErrorFiles(const ImportPlan &plan, const QString &path, QString *error);

// A date cell as an instant: 12:00 Beijing time (04:00 UTC) of the day; a creation date the
// same day at 08:00 Beijing (00:00 UTC): creationOfDay(instantOfDay(d)).
qint64 instantOfDay(const QDate &day);
inline qint64 creationOfDay(qint64 instant) { return instant - 4 * 3600; }

} // namespace cockpit::imports

#include "analytics/storeimport.h"
#include "storage/uuidcolumn.h"

#include "analytics/analyticstext.h"
#include "storage/database.h"
#include "domain/ids.h"
#include "domain/times.h"
#include "analytics/scope.h"
#include "io/csvreader.h"
#include "storage/outbox.h"
#include "storage/transaction.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace cockpit::analytics {

namespace {
constexpr int kMaxCell = 1000;

enum Col { CDate, CStore, CStaff, CReceptions, CExposure, CDwell, CExperiences, CDeals, CCount };

QString normalizeHeader(QString h)
{
    h = h.trimmed().toLower();
    static const QRegularExpression drop(QStringLiteral("[\\s_\\-%()（）/.:：]"));
    h.remove(drop);
    return h;
}

int headerColumn(const QString &header)
{
    static const QHash<QString, int> names = [] {
        QHash<QString, int> m;
        auto add = [&m](int c, std::initializer_list<const char *> list) {
            for (const char *n : list)
                m.insert(normalizeHeader(QString::fromUtf8(n)), c);
        };
        add(CDate, {"date", "day", "日期"});
        add(CStore, {"store", "store id", "store name", "门店", "门店名称", "门店id", "门店编号"});
        add(CStaff, {"staff", "staff on duty", "在岗人数"});
        add(CReceptions, {"receptions", "customer groups", "接待组数"});
        add(CExposure, {"exposure", "exposure %", "exposure_pct", "main-product exposure", "main product exposure %",
                        "主推品曝光率", "曝光率"});
        add(CDwell, {"dwell", "dwell minutes", "dwell_min", "average dwell minutes", "停留时长", "停留时长(分钟)",
                     "平均停留时长"});
        add(CExperiences, {"experiences", "体验人数"});
        add(CDeals, {"deals within 72 h", "deals_72h", "deals 72h", "deals", "72小时成交", "72小时成交数"});
        return m;
    }();
    return names.value(normalizeHeader(header), -1);
}

QString shortValue(const QString &v)
{
    return v.size() > 60 ? v.left(57) + QStringLiteral("…") : v;
}

struct Record
{
    int line = 0;
    QStringList fields;
    QString error; // the reader's: a quote left open, a line that is not text
    int longField = -1; // a cell over kMaxCell (cut there in `fields`), and its length
    qsizetype longLength = 0;
};

// Whole number >= 0; nullopt with *reason otherwise.
std::optional<int> wholeNumber(const QString &text, QString *reason)
{
    const QString t = text.trimmed();
    bool ok = false;
    const qlonglong v = t.toLongLong(&ok);
    if (!ok) {
        const double d = t.toDouble(&ok);
        *reason = ok && d < 0 ? tr("must not be negative") : ok ? tr("must be a whole number") : tr("is not a number");
        return std::nullopt;
    }
    if (v < 0) {
        *reason = tr("must not be negative");
        return std::nullopt;
    }
    if (v > 1000000000) {
        *reason = tr("is too large");
        return std::nullopt;
    }
    return int(v);
}

std::optional<int> exposureBp(const QString &text, QString *reason)
{
    QString t = text.trimmed();
    bool percent = false;
    if (t.endsWith(QLatin1Char('%')) || t.endsWith(QChar(0xFF05))) {
        percent = true;
        t.chop(1);
        t = t.trimmed();
    }
    bool ok = false;
    double v = t.toDouble(&ok);
    if (!ok || !std::isfinite(v)) {
        *reason = tr("is not a percentage (write 85, 85% or 0.85)");
        return std::nullopt;
    }
    if (v < 0) {
        *reason = tr("must not be negative");
        return std::nullopt;
    }
    if (!percent && t.contains(QLatin1Char('.')) && v <= 1.0)
        v *= 100; // "0.85" is a fraction
    if (v > 100) {
        *reason = tr("is above 100 %");
        return std::nullopt;
    }
    return int(std::lround(v * 100));
}

std::optional<int> dwellSeconds(const QString &text, QString *reason)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v)) {
        *reason = tr("is not a number of minutes");
        return std::nullopt;
    }
    if (v < 0) {
        *reason = tr("must not be negative");
        return std::nullopt;
    }
    if (v > 24 * 60) {
        *reason = tr("is longer than a day");
        return std::nullopt;
    }
    return int(std::lround(v * 60));
}

QDate parseDate(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
}

QString dayKey(const QString &storeId, QDate day)
{
    return storeId + QLatin1Char('|') + day.toString(Qt::ISODate);
}

QJsonObject fieldsOf(const StoreDayRecord &r, const QString &now, bool deleted)
{
    return QJsonObject{{QStringLiteral("store_id"), r.storeId},
                       {QStringLiteral("day"), r.day.toString(Qt::ISODate)},
                       {QStringLiteral("staff"), r.staff},
                       {QStringLiteral("receptions"), r.receptions},
                       {QStringLiteral("exposure_bp"), r.exposureBp},
                       {QStringLiteral("dwell_seconds"), r.dwellSeconds},
                       {QStringLiteral("experiences"), r.experiences},
                       {QStringLiteral("deals_72h"), r.deals72h},
                       {QStringLiteral("deleted"), deleted},
                       {QStringLiteral("updated_at"), now}};
}

struct Stored
{
    QString id;
    qint64 rowVersion = 0;
    bool deleted = false;
    StoreDayRecord record;
};

std::optional<Stored> readStored(QSqlQuery &q, const QString &storeId, QDate day)
{
    q.addBindValue(storeId);
    q.addBindValue(dateParam(day));
    if (!q.exec() || !q.next())
        return std::nullopt;
    Stored s;
    s.id = q.value(0).toString();
    s.rowVersion = q.value(1).toLongLong();
    s.deleted = q.value(2).toInt() != 0;
    s.record = StoreDayRecord{storeId, day, q.value(3).toInt(), q.value(4).toInt(), q.value(5).toInt(),
                              q.value(6).toInt(), q.value(7).toInt(), q.value(8).toInt()};
    q.finish();
    return s;
}

const char *kSelectStored = "SELECT id, row_version, deleted, staff, receptions, exposure_bp, dwell_seconds,"
                            " experiences, deals_72h FROM store_days WHERE store_id = ? AND day = ?";
} // namespace

QString ImportIssue::text() const
{
    if (line == 0)
        return reason;
    if (column.isEmpty())
        return QCoreApplication::translate("cockpit::analytics", "line %1: %2").arg(line).arg(reason);
    return QCoreApplication::translate("cockpit::analytics", "line %1, column %2, value \"%3\": %4").arg(line).arg(column, value, reason);
}

QString StoreImportPlan::summary() const
{
    if (!fatal.isEmpty())
        return fatal;
    return QCoreApplication::translate("cockpit::analytics", "%1 new days, %2 replaced, %3 rows with errors (not imported)")
        .arg(newDays).arg(replacedDays).arg(errors.size());
}

StoreImportPlan planStoreImportFile(QSqlDatabase db, const QString &path, const ImportProgress &progress)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        StoreImportPlan p;
        p.fatal = tr("Cannot read \"%1\": %2").arg(QFileInfo(path).fileName(), f.errorString());
        return p;
    }
    return planStoreImport(db, f.readAll(), progress);
}

StoreImportPlan planStoreImport(QSqlDatabase db, const QByteArray &content, const ImportProgress &progress)
{
    StoreImportPlan plan;
    QByteArray bytes = content;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    if (bytes.trimmed().isEmpty()) {
        plan.fatal = tr("The file is empty: expected a header row (date, store, staff, receptions, exposure %, "
                        "dwell minutes, experiences, deals within 72 h) and one row per store and day.");
        return plan;
    }
    // The import framework's reader (io/csvreader.h): UTF-8, GB18030 (Chinese Excel's "CSV")
    // or UTF-16, comma or semicolon or tab, an open quote reported at its line.
    io::CsvReader reader;
    io::CsvOptions options;
    options.maxCellChars = kMaxCell;
    if (!reader.openData(content, options)) {
        plan.fatal = tr("The file cannot be read: %1").arg(reader.error());
        return plan;
    }
    QVector<Record> records;
    io::CsvRecord rec;
    while (reader.next(rec)) {
        const bool blank = rec.error.isEmpty()
                           && std::all_of(rec.fields.cbegin(), rec.fields.cend(), [](const QString &f) { return f.trimmed().isEmpty(); });
        if (!blank)
            records.append({int(rec.line), std::move(rec.fields), rec.error, rec.longField, rec.longLength});
        if (progress && (records.size() % 2000) == 0 && !progress(reader.bytesRead(), reader.size())) {
            plan.cancelled = true;
            return plan;
        }
    }
    if (!reader.error().isEmpty()) {
        plan.fatal = tr("The file cannot be read: %1").arg(reader.error());
        return plan;
    }
    if (records.isEmpty()) {
        plan.fatal = tr("The file is empty: expected a header row and one row per store and day.");
        return plan;
    }
    if (!records.first().error.isEmpty()) {
        plan.fatal = tr("Line %1: %2").arg(records.first().line).arg(records.first().error);
        return plan;
    }
    // Header.
    const Record &head = records.first();
    QVector<int> colOf(CCount, -1);
    QStringList headerText;
    for (int i = 0; i < head.fields.size(); ++i) {
        const QString h = head.fields.at(i).trimmed();
        headerText << h;
        const int c = headerColumn(h);
        if (c < 0) {
            plan.fatal = tr("Line %1: unknown column \"%2\". The columns are: date, store, staff, receptions, "
                            "exposure %, dwell minutes, experiences, deals within 72 h (or 日期, 门店, 在岗人数, 接待组数, "
                            "主推品曝光率, 停留时长, 体验人数, 72小时成交).").arg(head.line).arg(shortValue(h));
            return plan;
        }
        if (colOf[c] >= 0) {
            plan.fatal = tr("Line %1: column \"%2\" appears twice.").arg(head.line).arg(h);
            return plan;
        }
        colOf[c] = i;
    }
    static const char *const english[CCount] = {"date", "store", "staff", "receptions", "exposure %",
                                                 "dwell minutes", "experiences", "deals within 72 h"};
    QStringList missing;
    for (int c = 0; c < CCount; ++c)
        if (colOf[c] < 0)
            missing << QLatin1String(english[c]);
    if (!missing.isEmpty()) {
        plan.fatal = tr("Line %1: missing column(s): %2.").arg(head.line).arg(missing.join(QStringLiteral(", ")));
        return plan;
    }
    // Stores by global id (the UUID exports and the command line show) and exact name.
    QHash<QString, QString> byId;
    QHash<QString, QStringList> byName;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT id, name, uuid FROM stores WHERE deleted = 0"))) {
            plan.fatal = tr("Cannot read the stores: %1").arg(q.lastError().text());
            return plan;
        }
        while (q.next()) {
            byId.insert(storage::uuidText(q.value(2).toByteArray()), q.value(0).toString());
            byName[q.value(1).toString()] << q.value(0).toString();
        }
    }
    QHash<QString, int> seen; // store|day → line
    plan.dataRows = int(records.size()) - 1;
    for (int r = 1; r < records.size(); ++r) {
        const Record &rec = records.at(r);
        auto fail = [&](int c, const QString &reason) {
            ImportIssue issue;
            issue.line = rec.line;
            if (c >= 0) {
                issue.column = headerText.value(colOf[c]);
                issue.value = shortValue(rec.fields.value(colOf[c]).trimmed());
            }
            issue.reason = reason;
            plan.errors << issue;
        };
        if (!rec.error.isEmpty() && rec.longField < 0) {
            fail(-1, rec.error);
            continue;
        }
        if (rec.fields.size() != head.fields.size()) {
            fail(-1, tr("%1 fields, the header has %2").arg(rec.fields.size()).arg(head.fields.size()));
            continue;
        }
        if (rec.longField >= 0) {
            const int c = int(colOf.indexOf(rec.longField));
            fail(c, tr("the cell is %1 characters long (at most %2)").arg(rec.longLength).arg(kMaxCell));
            continue;
        }
        auto cell = [&](int c) { return rec.fields.at(colOf[c]).trimmed(); };
        StoreDayRecord out;
        out.day = parseDate(cell(CDate));
        if (!out.day.isValid()) {
            fail(CDate, tr("not a date (write YYYY-MM-DD)"));
            continue;
        }
        const QString store = cell(CStore);
        if (const QString key = byId.value(store.size() == 36 ? store.toLower() : store); !key.isEmpty()) {
            out.storeId = key;
        } else {
            const QStringList ids = byName.value(store);
            if (ids.isEmpty()) {
                fail(CStore, tr("unknown store (give its id or exact name)"));
                continue;
            }
            if (ids.size() > 1) {
                fail(CStore, tr("%1 stores have this name; give the store's id").arg(ids.size()));
                continue;
            }
            out.storeId = ids.first();
        }
        QString reason;
        bool bad = false;
        const int counts[] = {CStaff, CReceptions, CExperiences, CDeals};
        int *targets[] = {&out.staff, &out.receptions, &out.experiences, &out.deals72h};
        for (int k = 0; k < 4 && !bad; ++k) {
            const auto v = wholeNumber(cell(counts[k]), &reason);
            if (!v) {
                fail(counts[k], reason);
                bad = true;
            } else {
                *targets[k] = *v;
            }
        }
        if (bad)
            continue;
        const auto exp = exposureBp(cell(CExposure), &reason);
        if (!exp) {
            fail(CExposure, reason);
            continue;
        }
        out.exposureBp = *exp;
        const auto dwell = dwellSeconds(cell(CDwell), &reason);
        if (!dwell) {
            fail(CDwell, reason);
            continue;
        }
        out.dwellSeconds = *dwell;
        if (out.deals72h > out.experiences) {
            fail(CDeals, tr("more deals than experiences (%1)").arg(out.experiences));
            continue;
        }
        if (out.receptions > 0 && out.staff == 0) {
            fail(CReceptions, tr("receptions without staff on duty"));
            continue;
        }
        const QString key = dayKey(out.storeId, out.day);
        if (seen.contains(key)) {
            fail(CDate, tr("the same store and date as line %1").arg(seen.value(key)));
            continue;
        }
        seen.insert(key, rec.line);
        plan.rows << out;
        plan.rowLines << rec.line;
    }
    // New or replacing a stored day.
    QSqlQuery q(db);
    q.prepare(QString::fromLatin1(kSelectStored));
    for (const StoreDayRecord &r : std::as_const(plan.rows)) {
        const auto stored = readStored(q, r.storeId, r.day);
        if (stored && !stored->deleted)
            ++plan.replacedDays;
        else
            ++plan.newDays;
    }
    if (progress)
        progress(1, 1);
    return plan;
}

StoreImportResult writeStoreDays(QSqlDatabase db, const QVector<StoreDayRecord> &rows, const ImportProgress &progress)
{
    StoreImportResult result;
    storage::Transaction tx(db);
    if (!tx.isActive()) {
        result.error = storage::describeSqlError(db.lastError(), db.databaseName());
        return result;
    }
    QSqlQuery select(db), insert(db), update(db);
    select.prepare(QString::fromLatin1(kSelectStored));
    insert.prepare(QStringLiteral("INSERT INTO store_days (uuid, store_id, day, staff, receptions, exposure_bp,"
                                  " dwell_seconds, experiences, deals_72h, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    update.prepare(QStringLiteral("UPDATE store_days SET staff = ?, receptions = ?, exposure_bp = ?, dwell_seconds = ?,"
                                  " experiences = ?, deals_72h = ?, deleted = 0, updated_at = ? WHERE id = ?"));
    storage::OutboxWriter outbox(db);
    const qint64 nowSecs = QDateTime::currentSecsSinceEpoch();
    const QString now = times::isoFromSecs(nowSecs); // the outbox speaks ISO
    const QVariant nowParam = times::instantParam(nowSecs);
    int done = 0;
    for (const StoreDayRecord &r : rows) {
        if (progress && (done % 500) == 0 && !progress(done, rows.size())) {
            result.cancelled = true;
            result.before.clear();
            return result; // the transaction rolls back
        }
        ++done;
        const auto stored = readStored(select, r.storeId, r.day);
        StoreDayBefore before;
        QString error;
        if (stored) {
            before.id = stored->id;
            before.existed = true;
            before.wasDeleted = stored->deleted;
            before.record = stored->record;
            for (const QVariant &v : {QVariant(r.staff), QVariant(r.receptions), QVariant(r.exposureBp),
                                      QVariant(r.dwellSeconds), QVariant(r.experiences), QVariant(r.deals72h),
                                      nowParam, QVariant(stored->id)})
                update.addBindValue(v);
            if (!update.exec()) {
                result.error = storage::describeSqlError(update.lastError(), db.databaseName());
                return result;
            }
            if (!outbox.append(QStringLiteral("store_days"), stored->id, QStringLiteral("update"),
                               fieldsOf(r, now, false), stored->rowVersion, &error)) {
                result.error = error;
                return result;
            }
            ++result.replaced;
        } else {
            const QString uuid = newId();
            for (const QVariant &v : {QVariant(storage::uuidColumnValue(uuid)), QVariant(r.storeId), dateParam(r.day),
                                      QVariant(r.staff), QVariant(r.receptions), QVariant(r.exposureBp),
                                      QVariant(r.dwellSeconds), QVariant(r.experiences), QVariant(r.deals72h),
                                      nowParam})
                insert.addBindValue(v);
            if (!insert.exec()) {
                result.error = storage::describeSqlError(insert.lastError(), db.databaseName());
                return result;
            }
            before.id = insert.lastInsertId().toString(); // the local key (storage/keys.h)
            QJsonObject fields = fieldsOf(r, now, false);
            fields.insert(QStringLiteral("uuid"), uuid);
            if (!outbox.append(QStringLiteral("store_days"), before.id, QStringLiteral("insert"),
                               fields, 0, &error)) {
                result.error = error;
                return result;
            }
            ++result.inserted;
        }
        result.before << before;
    }
    if (progress && !progress(rows.size(), rows.size())) {
        result.cancelled = true;
        result.before.clear();
        return result;
    }
    if (!tx.commit()) {
        result.error = storage::describeSqlError(db.lastError(), db.databaseName());
        result.before.clear();
        return result;
    }
    result.ok = true;
    return result;
}

bool restoreStoreDays(QSqlDatabase db, const QVector<StoreDayBefore> &before, QString *error)
{
    storage::Transaction tx(db);
    QSqlQuery rv(db), update(db), remove(db);
    rv.prepare(QStringLiteral("SELECT row_version, store_id, day FROM store_days WHERE id = ?"));
    update.prepare(QStringLiteral("UPDATE store_days SET staff = ?, receptions = ?, exposure_bp = ?, dwell_seconds = ?,"
                                  " experiences = ?, deals_72h = ?, deleted = ?, updated_at = ? WHERE id = ?"));
    remove.prepare(QStringLiteral("UPDATE store_days SET deleted = 1, updated_at = ? WHERE id = ?"));
    storage::OutboxWriter outbox(db);
    const qint64 nowSecs = QDateTime::currentSecsSinceEpoch();
    const QString now = times::isoFromSecs(nowSecs); // the outbox speaks ISO
    const QVariant nowParam = times::instantParam(nowSecs);
    for (const StoreDayBefore &b : before) {
        rv.addBindValue(b.id);
        if (!rv.exec() || !rv.next()) {
            if (error)
                *error = tr("A store day written by the import no longer exists.");
            return false;
        }
        const qint64 base = rv.value(0).toLongLong();
        rv.finish();
        QString e;
        if (b.existed) {
            const StoreDayRecord &r = b.record;
            for (const QVariant &v : {QVariant(r.staff), QVariant(r.receptions), QVariant(r.exposureBp),
                                      QVariant(r.dwellSeconds), QVariant(r.experiences), QVariant(r.deals72h),
                                      QVariant(b.wasDeleted ? 1 : 0), nowParam, QVariant(b.id)})
                update.addBindValue(v);
            if (!update.exec() || !outbox.append(QStringLiteral("store_days"), b.id, QStringLiteral("update"),
                                                 fieldsOf(r, now, b.wasDeleted), base, &e)) {
                if (error)
                    *error = e.isEmpty() ? storage::describeSqlError(update.lastError(), db.databaseName()) : e;
                return false;
            }
        } else {
            remove.addBindValue(nowParam);
            remove.addBindValue(b.id);
            if (!remove.exec() || !outbox.append(QStringLiteral("store_days"), b.id, QStringLiteral("delete"),
                                                 QJsonObject{{QStringLiteral("deleted"), true},
                                                             {QStringLiteral("updated_at"), now}},
                                                 base, &e)) {
                if (error)
                    *error = e.isEmpty() ? storage::describeSqlError(remove.lastError(), db.databaseName()) : e;
                return false;
            }
        }
    }
    if (!tx.commit()) {
        if (error)
            *error = storage::describeSqlError(db.lastError(), db.databaseName());
        return false;
    }
    return true;
}

} // namespace cockpit::analytics

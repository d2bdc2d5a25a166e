#include "imports/importplan.h"

#include "imports/importcolumns.h"
#include "imports/importplanner.h"
#include "domain/times.h"
#include "io/tablewriter.h"
#include "io/values.h"
#include "pinyin/pinyin.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <limits>

namespace cockpit::imports {

qint64 instantOfDay(const QDate &day)
{
    return qint64(day.toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * times::kDay + 4 * 3600;
}

namespace detail {

namespace {
// Planned rows made room for once the file's first part is read: the rows it likely holds,
// with a margin. Doubling a 100 000-lead vector held the old and the new one at once (the
// peak of a dry run); capacity that is never filled is never touched, so costs no memory.
template <typename Rows>
void reserveAhead(Rows &rows, const TableSource &source)
{
    const qint64 read = source.bytesRead(), size = source.size();
    if (rows.size() < rows.capacity() || rows.size() < 1024 || read <= 0 || read < size / 32)
        return;
    const double expected = double(rows.size()) * double(size) / double(read) * 1.25;
    if (expected > double(rows.size()) * 1.2)
        rows.reserve(std::size_t(expected));
}
} // namespace

QString normaliseName(const QString &name)
{
    const QString half = io::Values::halfWidth(name).toCaseFolded();
    QString out;
    out.reserve(half.size());
    for (const QChar c : half)
        if (c.isLetterOrNumber())
            out += c;
    return out;
}

QString normaliseCompany(const QString &name)
{
    QString n = normaliseName(name);
    // Made once: every lead row's customer is normalised (16 conversions a call were a
    // fifth of planning a lead).
    static const QStringList suffixes = [] {
        QStringList out;
        for (const char *s : {"股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "corporation", "incorporated",
                              "limited", "company", "gmbh", "corp", "inc", "ltd", "llc", "plc", "co"})
            out << QString::fromUtf8(s);
        return out;
    }();
    for (bool again = true; again;) {
        again = false;
        for (const QString &suffix : suffixes) {
            if (n.size() > suffix.size() + 1 && n.endsWith(suffix)) {
                n.chop(suffix.size());
                again = true;
            }
        }
    }
    return n;
}

Planner::Planner(QSqlDatabase db, const ImportRequest &request, ImportPlan &plan)
    : m_db(db), m_request(request), m_plan(plan)
{
}

bool Planner::loadExisting()
{
    QSqlQuery q(m_db);
    auto run = [&](const QString &sql) {
        if (q.exec(sql))
            return true;
        m_plan.fatal = ImportPlan::tr("the database cannot be read: %1").arg(q.lastError().text());
        return false;
    };
    if (!run(QStringLiteral("SELECT id, name FROM users WHERE deleted = 0 ORDER BY id")))
        return false;
    while (q.next()) {
        const QString n = normaliseName(q.value(1).toString());
        m_dbUsers.insert(n, q.value(0).toLongLong());
        const QString py = pinyin::full(q.value(1).toString());
        m_dbUsersByPinyin.insert(py, m_dbUsersByPinyin.contains(py) ? -1 : q.value(0).toLongLong());
    }
    if (!run(QStringLiteral("SELECT id, name FROM regions WHERE deleted = 0")))
        return false;
    while (q.next())
        m_dbRegions.insert(normaliseName(q.value(1).toString()), q.value(0).toLongLong());
    if (!run(QStringLiteral("SELECT id, region_id, name FROM cities WHERE deleted = 0")))
        return false;
    while (q.next())
        m_dbCities.insert(q.value(1).toString() + QLatin1Char('\n') + normaliseName(q.value(2).toString()), q.value(0).toLongLong());
    if (!run(QStringLiteral("SELECT id, city_id, name FROM teams WHERE deleted = 0")))
        return false;
    while (q.next())
        m_dbTeams.insert(q.value(1).toString() + QLatin1Char('\n') + normaliseName(q.value(2).toString()), q.value(0).toLongLong());
    if (!run(QStringLiteral("SELECT id, name FROM products WHERE deleted = 0")))
        return false;
    while (q.next())
        m_dbProducts.insert(normaliseName(q.value(1).toString()), q.value(0).toLongLong());
    if (!run(QStringLiteral("SELECT id, name, aliases, pinyin_full FROM customers WHERE deleted = 0")))
        return false;
    while (q.next()) {
        const qint64 key = q.value(0).toLongLong();
        const QString name = q.value(1).toString();
        m_dbCustomers.insert(normaliseCompany(name), key);
        m_dbCustomerNames.insert(normaliseCompany(name), name);
        for (const QString &alias : q.value(2).toString().split(QRegularExpression(QStringLiteral("[|,，;；/]")), Qt::SkipEmptyParts)) {
            const QString a = normaliseCompany(alias);
            if (!a.isEmpty() && !m_dbCustomers.contains(a)) {
                m_dbCustomers.insert(a, key);
                m_dbCustomerNames.insert(a, name);
            }
        }
        const QString py = q.value(3).toString();
        if (!py.isEmpty())
            m_dbCustomersByPinyin.insert(py, key);
    }
    // The rows earlier imports made, while they stand (undone or deleted rows are not found).
    for (const char *table : {"users", "products", "customers", "leads", "contacts", "activities", "orders", "payments", "stores",
                              "store_days", "targets"}) {
        if (!run(QStringLiteral("SELECT k.external_id, k.row_id FROM import_keys k JOIN %1 t ON t.id = k.row_id AND t.deleted = 0 "
                                "WHERE k.entity = '%1'").arg(QLatin1String(table))))
            return false;
        Digests<qint64> &keys = m_keys[QLatin1String(table)];
        while (q.next())
            keys.insert(q.value(0).toString(), q.value(1).toLongLong());
    }
    if (!run(QStringLiteral("SELECT value FROM settings WHERE key = 'currency'")))
        return false;
    m_companyCurrency = q.next() ? q.value(0).toString() : QString();
    return true;
}

QString Planner::columnName(const Row &row, const QString &field) const
{
    // A field no column holds (a date the row lacks, a stage's own date) by its translated
    // name, never its code.
    if (const auto it = row.mapping->columns.constFind(field); it != row.mapping->columns.cend())
        return *it;
    if (field.startsWith(QLatin1String("stage:")))
        for (const auto &sd : row.mapping->stageDates)
            if (sd.first == field.mid(6))
                return sd.second;
    return ImportSchema::fieldLabel(row.mapping->entity, field);
}

QString Planner::value(Row &row, const QString &field)
{
    QString v;
    const auto col = row.columnOf->constFind(field);
    if (col != row.columnOf->cend())
        v = row.fields->value(*col).trimmed();
    // A cell the error file (or any export) neutralised as '=… reads as it was written.
    if (v.size() > 1 && v.front() == u'\'' && QStringView(v).mid(1).trimmed().size() > 0
        && QStringLiteral("=+-@\t\r＝＋－＠").contains(QStringView(v).mid(1).trimmed().front()))
        v.remove(0, 1);
    if (!v.isEmpty()) {
        const QList<FieldDef> &defs = ImportSchema::fields(row.mapping->entity);
        for (int i = 0; i < defs.size(); ++i)
            if (defs.at(i).code == field)
                row.given |= 1u << i;
    } else {
        v = row.mapping->defaults.value(field);
    }
    const auto map = row.mapping->values.constFind(field);
    if (map != row.mapping->values.cend() && !v.isEmpty()) {
        auto it = map->constFind(v);
        if (it == map->cend())
            for (auto j = map->cbegin(); j != map->cend(); ++j)
                if (j.key().compare(v, Qt::CaseInsensitive) == 0) {
                    it = j;
                    break;
                }
        if (it != map->cend() && it.value() != v) {
            // Said, not hidden: a misspelling the mapping corrects is still the file's.
            const QList<FieldDef> &defs = ImportSchema::fields(row.mapping->entity);
            for (int i = 0; i < defs.size(); ++i)
                if (defs.at(i).code == field && !(row.translated & (1u << i))) {
                    row.translated |= 1u << i;
                    warn(row, field, v, ImportPlan::tr("read as “%1” (the mapping's values)").arg(it.value()));
                }
            v = it.value();
        }
    }
    return v;
}

void Planner::fail(Row &row, const QString &field, const QString &value, const QString &reason)
{
    if (!row.error.isEmpty())
        return;
    row.error = shared(reason); // kept with the refused row too
    ImportIssue i;
    i.file = row.file;
    i.line = row.line;
    i.column = field.isEmpty() ? QString() : columnName(row, field);
    i.value = value.isNull() ? QString() : value.left(60);
    i.reason = row.error;
    m_plan.issues.push_back(i);
}

QString Planner::shared(const QString &text)
{
    // The same warning on 50 000 rows is one text, not 50 000 copies of it.
    const auto it = m_texts.constFind(text);
    if (it != m_texts.cend())
        return *it;
    if (m_texts.size() < 4096) // texts that name a value may all differ: no need to keep those
        m_texts.insert(text);
    return text;
}

void Planner::warn(const Row &row, const QString &field, const QString &value, const QString &reason)
{
    ImportIssue i;
    i.error = false;
    i.file = row.file;
    i.line = row.line;
    i.column = field.isEmpty() ? QString() : columnName(row, field);
    i.value = value.isNull() ? QString() : value.left(60);
    i.reason = shared(reason);
    m_plan.issues.push_back(i);
}

std::optional<qint64> Planner::date(Row &row, const QString &field, const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    QString why;
    const auto d = io::Values::parseDate(text, m_request.mapping.dayOrder, &why, m_source && m_source->date1904());
    if (!d) {
        fail(row, field, text, why);
        return std::nullopt;
    }
    const qint64 at = instantOfDay(*d);
    if (at > m_request.now + 366 * times::kDay && field != QLatin1String("expected_close")) {
        fail(row, field, text, ImportPlan::tr("a date more than a year after today is not plausible here"));
        return std::nullopt;
    }
    if (field != QLatin1String("expected_close") && (m_earliest == 0 || at < m_earliest))
        m_earliest = at;
    return at;
}

std::optional<qint64> Planner::money(Row &row, const QString &field, const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    QString why;
    const auto cents = io::Values::parseMoneyCents(text, &why);
    if (!cents) {
        fail(row, field, text, why);
        return std::nullopt;
    }
    return cents;
}

std::optional<qint64> Planner::integer(Row &row, const QString &field, const QString &text, qint64 min, qint64 max)
{
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 v = io::Values::halfWidth(text).remove(u',').toLongLong(&ok);
    if (!ok || v < min || v > max) {
        fail(row, field, text, ImportPlan::tr("not a whole number from %1 to %2").arg(min).arg(max));
        return std::nullopt;
    }
    return v;
}

QString Planner::externalId(Row &row)
{
    const QString id = value(row, QStringLiteral("external_id"));
    if (!id.isEmpty())
        return id;
    // No id column: the row's cells, so the same row of the same file is found again.
    QCryptographicHash h(QCryptographicHash::Sha1);
    for (const QString &f : *row.fields) {
        h.addData(f.trimmed().toUtf8());
        h.addData(QByteArrayView("\x1f", 1));
    }
    return QStringLiteral("#") + QString::fromLatin1(h.result().toHex().left(24));
}

bool Planner::repeatsId(Row &row, const QString &id)
{
    const auto line = m_seenIds[row.file].value(id);
    if (!line)
        return false;
    fail(row, QStringLiteral("external_id"), id,
         id.startsWith(u'#') ? ImportPlan::tr("the same row as line %1").arg(*line) : ImportPlan::tr("the same id as line %1").arg(*line));
    return true;
}

void Planner::rememberId(const Row &row, const QString &id)
{
    m_seenIds[row.file].insert(id, quint32(std::min<qint64>(row.line, std::numeric_limits<quint32>::max())));
}

std::pair<quint64, quint32> idDigest(const QString &id)
{
    // Two seeds of Qt's string hash: independent digests of the same text.
    quint64 a = quint64(qHash(QStringView(id), size_t(0x9E3779B97F4A7C15ull)));
    const auto b = quint32(qHash(QStringView(id), size_t(0xC2B2AE3D27D4EB4Full)));
    if (a == 0)
        a = 1; // 0 marks an empty slot
    return {a, b};
}

qint64 Planner::storedKey(const QString &entity, const QString &externalId) const
{
    const auto keys = m_keys.constFind(entity);
    return keys == m_keys.cend() ? 0 : keys->value(externalId).value_or(0);
}

bool Planner::sameAsStored(const char *table, int index, qint64 key, quint32 given, QString *differs)
{
    const std::vector<ColumnValue> cols = columnsOf(m_plan, table, index);
    QStringList names;
    for (const ColumnValue &c : cols)
        names << QString::fromLatin1(c.column);
    // One prepared statement per table (a re-import compares every row).
    const QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(names.join(QStringLiteral(", ")), QLatin1String(table));
    auto &cached = m_compare[sql];
    if (!cached) {
        cached = std::make_unique<QSqlQuery>(m_db);
        cached->setForwardOnly(true);
        if (!cached->prepare(sql))
            return false;
    }
    QSqlQuery &q = *cached;
    q.bindValue(0, key);
    struct Finish
    {
        QSqlQuery &q;
        ~Finish() { q.finish(); } // no read left open for the write that follows
    } finish{q};
    if (!q.exec() || !q.next())
        return false;
    const Entity entity = QLatin1String(table) == QLatin1String("users") ? Entity::Org
                          : QLatin1String(table) == QLatin1String("products") ? Entity::Products
                          : QLatin1String(table) == QLatin1String("customers") ? Entity::Customers
                          : QLatin1String(table) == QLatin1String("contacts") ? Entity::Contacts
                          : QLatin1String(table) == QLatin1String("activities") ? Entity::Activities
                          : QLatin1String(table) == QLatin1String("orders") ? Entity::Orders
                          : QLatin1String(table) == QLatin1String("payments") ? Entity::Payments
                          : QLatin1String(table) == QLatin1String("stores") ? Entity::Stores
                          : QLatin1String(table) == QLatin1String("store_days") ? Entity::StoreDays
                          : QLatin1String(table) == QLatin1String("targets") ? Entity::Targets : Entity::Leads;
    for (int i = 0; i < int(cols.size()); ++i) {
        const ColumnValue &c = cols.at(i);
        if (!updatesColumn(entity, c, given)) // only what the row gave (Replace: everything), never a name
            continue;
        if (c.ref.isSet() && c.ref.existing == 0) { // a row this import creates
            *differs = QString::fromLatin1(c.column);
            return false;
        }
        const QVariant mine = c.ref.isSet() ? QVariant(c.ref.existing) : c.value;
        const QVariant stored = q.value(i);
        const bool same = (mine.isNull() || (mine.typeId() == QMetaType::QString && mine.toString().isEmpty()))
                              ? (stored.isNull() || stored.toString().isEmpty())
                              : mine.toString() == stored.toString();
        if (!same) {
            *differs = QString::fromLatin1(c.column);
            return false;
        }
    }
    return true;
}

RowAction Planner::decide(const char *table, int index, qint64 existing, quint32 given)
{
    if (existing <= 0)
        return RowAction::Create;
    // A row matches what is stored when every field it gives does; Replace also clears the
    // fields it leaves empty, so there every column counts.
    QString differs;
    if (sameAsStored(table, index, existing, m_request.onDuplicate == OnDuplicate::Replace ? ~0u : given, &differs))
        return RowAction::Unchanged;
    return m_request.onDuplicate == OnDuplicate::Skip ? RowAction::Skip : RowAction::Update;
}

void Planner::planFile(int index)
{
    FilePlan &fp = m_plan.files[index];
    TableSource source;
    m_source = &source;
    if (!source.open(fp.path, fp.mapping.sourceOptions())) {
        m_plan.fatal = source.error();
        return;
    }
    fp.description = source.describe();
    fp.header = source.header();
    // field → column index, by the header as written (compared normalised).
    QHash<QString, int> columnOf;
    const auto headerIndex = [&fp](const QString &name) {
        const QString want = ImportSchema::normaliseHeader(name);
        for (int c = 0; c < fp.header.size(); ++c)
            if (ImportSchema::normaliseHeader(fp.header.at(c)) == want)
                return c;
        return -1;
    };
    for (auto it = fp.mapping.columns.cbegin(); it != fp.mapping.columns.cend(); ++it) {
        const int found = headerIndex(it.value());
        if (found < 0) {
            m_plan.fatal = ImportPlan::tr("%1: the mapping's column \"%2\" (for %3) is not in the file's header (%4)")
                               .arg(fp.path, it.value(), ImportSchema::fieldLabel(fp.mapping.entity, it.key()),
                                    fp.header.join(QStringLiteral(", ")));
            return;
        }
        columnOf.insert(it.key(), found);
    }
    for (const auto &sd : fp.mapping.stageDates) {
        const int found = headerIndex(sd.second);
        if (found < 0) {
            m_plan.fatal = ImportPlan::tr("%1: the mapping's column \"%2\" (the date of stage %3) is not in the file's header")
                               .arg(fp.path, sd.second, sd.first);
            return;
        }
        columnOf.insert(QStringLiteral("stage:") + sd.first, found);
    }
    for (const FieldDef &f : ImportSchema::fields(fp.mapping.entity))
        if (f.required && !columnOf.contains(f.code) && !fp.mapping.defaults.contains(f.code)) {
            m_plan.fatal = ImportPlan::tr("%1: no column is mapped to %2, which every %3 row needs")
                               .arg(fp.path, ImportSchema::fieldLabel(fp.mapping.entity, f.code),
                                    ImportSchema::entityLabel(fp.mapping.entity));
            return;
        }
    fp.keyNote = columnOf.contains(QStringLiteral("external_id"))
                     ? ImportPlan::tr("rows are recognised on re-import by the column “%1”").arg(fp.mapping.columns.value(QStringLiteral("external_id")))
                 : fp.mapping.entity == Entity::Leads
                     ? ImportPlan::tr("no id column: a lead is recognised on re-import by its cells, so an edited row imports as a new lead")
                 : fp.mapping.entity == Entity::StoreDays
                     ? ImportPlan::tr("a store's day is recognised by its store and date")
                 : fp.mapping.entity == Entity::Targets
                     ? ImportPlan::tr("a target is recognised by its period and unit")
                     : ImportPlan::tr("rows are recognised on re-import by their names");
    // Leads are kept findable by id (and their customer and creation at hand) only for a later
    // file that names them.
    m_linkLeads = false;
    for (int f = index + 1; f < m_plan.files.size(); ++f)
        m_linkLeads = m_linkLeads || m_plan.files.at(f).mapping.entity == Entity::Activities
                      || m_plan.files.at(f).mapping.entity == Entity::Orders;
    io::CsvRecord rec;
    qint64 lastProgress = 0;
    const qint64 base = m_doneBytes;
    while (source.next(rec)) {
        Row row;
        row.file = index;
        row.line = rec.line;
        row.fields = &rec.fields;
        row.mapping = &fp.mapping;
        row.columnOf = &columnOf;
        bool any = false;
        for (const QString &f : std::as_const(rec.fields))
            any = any || !f.trimmed().isEmpty();
        if (!any && rec.error.isEmpty())
            continue;
        ++fp.counts.rows;
        const std::size_t users = m_plan.users.size(), products = m_plan.products.size(),
                          customers = m_plan.customers.size(), leads = m_plan.leads.size(),
                          contacts = m_plan.contacts.size(), activities = m_plan.activities.size(),
                          orders = m_plan.orders.size(), payments = m_plan.payments.size(),
                          stores = m_plan.stores.size(), storeDays = m_plan.storeDays.size(), targets = m_plan.targets.size();
        if (!rec.error.isEmpty()) {
            fail(row, rec.longField >= 0 ? QString() : QString(), QString(), rec.error);
        } else if (rec.fields.size() > fp.header.size() && !rec.fields.mid(fp.header.size()).join(QString()).trimmed().isEmpty()) {
            fail(row, QString(), QString(), ImportPlan::tr("%1 cells, but the header has %2").arg(rec.fields.size()).arg(fp.header.size()));
        } else {
            noteUnmatched(row, unmatchedFields(fp.mapping.entity));
            if (fp.mapping.entity == Entity::Leads)
                reserveAhead(m_plan.leads, source);
            else if (fp.mapping.entity == Entity::Activities)
                reserveAhead(m_plan.activities, source);
            switch (fp.mapping.entity) {
            case Entity::Org: planOrgRow(row); break;
            case Entity::Products: planProductRow(row); break;
            case Entity::Customers: planCustomerRow(row); break;
            case Entity::Contacts: planContactRow(row); break;
            case Entity::Leads: planLeadRow(row); break;
            case Entity::Activities: planActivityRow(row); break;
            case Entity::Orders: planOrderRow(row); break;
            case Entity::Payments: planPaymentRow(row); break;
            case Entity::Stores: planStoreRow(row); break;
            case Entity::StoreDays: planStoreDayRow(row); break;
            case Entity::Targets: planTargetRow(row); break;
            }
        }
        if (!row.error.isEmpty()) {
            ++fp.counts.refused;
            fp.rejected.emplace_back(rec.line, rec.fields, row.error);
            // A refused row leaves nothing planned (a manager a refused row named stays, as
            // the rows that name them may be good).
            if (fp.mapping.entity == Entity::Products) m_plan.products.resize(products);
            if (fp.mapping.entity == Entity::Customers) m_plan.customers.resize(customers);
            if (fp.mapping.entity == Entity::Leads) m_plan.leads.resize(leads);
            if (fp.mapping.entity == Entity::Contacts) m_plan.contacts.resize(contacts);
            if (fp.mapping.entity == Entity::Activities) m_plan.activities.resize(activities);
            if (fp.mapping.entity == Entity::Orders) m_plan.orders.resize(orders);
            if (fp.mapping.entity == Entity::Payments) m_plan.payments.resize(payments);
            if (fp.mapping.entity == Entity::Stores) m_plan.stores.resize(stores);
            if (fp.mapping.entity == Entity::StoreDays) m_plan.storeDays.resize(storeDays);
            if (fp.mapping.entity == Entity::Targets) m_plan.targets.resize(targets);
            Q_UNUSED(users);
        } else {
            // The kinds that may be spilled are decided now, while the row is in memory.
            switch (fp.mapping.entity) {
            case Entity::Leads:
                if (m_plan.leads.size() > leads) {
                    decideLast("leads", m_plan.leads);
                    const PlannedLead &l = m_plan.leads.back();
                    if (l.customer.planned >= 0) {
                        auto first = m_firstLead.find(l.customer.planned);
                        if (first == m_firstLead.end())
                            m_firstLead.insert(l.customer.planned, l.createdAt);
                        else if (l.createdAt < *first)
                            *first = l.createdAt;
                    }
                }
                break;
            case Entity::Contacts:
                if (m_plan.contacts.size() > contacts)
                    decideLast("contacts", m_plan.contacts);
                break;
            case Entity::Activities:
                if (m_plan.activities.size() > activities)
                    decideLast("activities", m_plan.activities);
                break;
            case Entity::Payments:
                if (m_plan.payments.size() > payments)
                    decideLast("payments", m_plan.payments);
                break;
            case Entity::StoreDays:
                if (m_plan.storeDays.size() > storeDays)
                    decideLast("store_days", m_plan.storeDays);
                break;
            default:
                break;
            }
        }
        if (m_request.progress && source.bytesRead() - lastProgress > 256 * 1024) {
            lastProgress = source.bytesRead();
            // A workbook's reader counts its sheet's unpacked bytes: scaled to the file's size.
            const qint64 size = QFileInfo(fp.path).size();
            const qint64 done = source.size() > 0 ? std::min(size, lastProgress * size / source.size()) : 0;
            if (!m_request.progress(base + done, m_totalBytes)) {
                m_plan.cancelled = true;
                return;
            }
        }
    }
    if (!source.error().isEmpty()) {
        m_plan.fatal = source.error();
        return;
    }
    m_doneBytes = base + QFileInfo(fp.path).size();
}

void Planner::finish()
{
    // Parent companies, now that every customer of the import is known.
    for (PlannedCustomer &c : m_plan.customers) {
        if (c.parentName.isEmpty())
            continue;
        c.parent = findCustomer(c.parentName);
        if (!c.parent.isSet()) {
            ImportIssue i;
            i.error = false;
            i.file = c.file;
            i.line = c.line;
            i.column = m_plan.files.value(c.file).mapping.columns.value(QStringLiteral("parent"));
            i.value = c.parentName.left(60);
            i.reason = ImportPlan::tr("no such customer: the parent company is left empty");
            m_plan.issues.push_back(i);
        }
    }
    // Hire dates the files did not give: the earliest date of the import.
    const qint64 earliestDay = m_earliest ? times::dayOf(m_earliest) : times::dayOf(m_plan.now);
    bool warned = false;
    for (PlannedUser &u : m_plan.users) {
        if (u.hireDay || u.existing)
            continue;
        u.hireDay = earliestDay;
        if (!warned) {
            ImportIssue i;
            i.error = false;
            i.file = u.file;
            i.line = u.line;
            i.column = QString();
            i.reason = ImportPlan::tr("no hire date: set to %1, the earliest date in the import").arg(times::isoFromDay(earliestDay));
            m_plan.issues.push_back(i);
            warned = true;
        }
    }
    // Customers' creation: their earliest lead in the import (noted as the leads were
    // planned), else the import's time.
    for (int i = 0; i < int(m_plan.customers.size()); ++i) {
        PlannedCustomer &c = m_plan.customers[i];
        if (c.createdAt)
            continue;
        c.createdAt = m_firstLead.value(i, m_plan.now);
    }
    // Actions: compare what each matched row would write with what is stored.
    auto count = [&](int file, RowAction a) {
        if (file < 0 || file >= m_plan.files.size())
            return;
        EntityCounts &n = m_plan.files[file].counts;
        (a == RowAction::Create ? n.created : a == RowAction::Update ? n.updated : a == RowAction::Unchanged ? n.unchanged : n.skipped) += 1;
    };
    // The file's counts: each planned row once, except the people known only as somebody's
    // manager and the stand-in customer of leads without one (no row of their file).
    const auto decideAll = [&](const char *table, auto &rows, const auto &isRow) {
        for (int i = 0; i < int(rows.size()); ++i) {
            auto &r = rows[i];
            r.action = decide(table, i, r.existing, r.given);
            if (isRow(r))
                count(r.file, r.action);
        }
    };
    const auto always = [](const auto &) { return true; };
    decideAll("users", m_plan.users, [&](const PlannedUser &u) {
        return u.file >= 0 && m_plan.files.at(u.file).mapping.entity == Entity::Org && !u.externalId.isEmpty();
    });
    decideAll("products", m_plan.products, always);
    decideAll("customers", m_plan.customers, [](const PlannedCustomer &c) { return !c.standIn; });
    // (Leads, contacts, activities, payments and store days were decided as they were
    // planned: decideLast().)
    decideAll("orders", m_plan.orders, always);
    finishStores();
    decideAll("stores", m_plan.stores, always);
    decideAll("targets", m_plan.targets, always);
    checkTargetSums();
}

template <typename Rows>
void Planner::decideLast(const char *table, Rows &rows)
{
    auto &r = rows.back();
    r.action = decide(table, int(rows.size() - 1), r.existing, r.given);
    if constexpr (std::is_same_v<std::decay_t<decltype(r)>, PlannedStoreDay>) {
        // A day an undo removed is a tombstone in the one row the table has for it: written
        // again whatever the duplicate mode, as it is new to the user.
        if (r.revive && r.action != RowAction::Update) {
            r.action = RowAction::Update;
            r.given = ~0u;
        }
    }
    if (r.file < 0 || r.file >= m_plan.files.size())
        return;
    EntityCounts &n = m_plan.files[r.file].counts;
    (r.action == RowAction::Create ? n.created : r.action == RowAction::Update ? n.updated
                                             : r.action == RowAction::Unchanged ? n.unchanged : n.skipped) += 1;
}

void Planner::run()
{
    m_plan.now = m_request.now;
    m_plan.actorKey = m_request.actorKey;
    m_plan.onDuplicate = m_request.onDuplicate;
    if (m_request.paths.size() != m_request.mapping.files.size()) {
        m_plan.fatal = ImportPlan::tr("the mapping names %1 file(s) but %2 were given").arg(m_request.mapping.files.size()).arg(m_request.paths.size());
        return;
    }
    if (!loadExisting())
        return;
    m_plan.currency = m_request.mapping.currency.isEmpty() ? m_companyCurrency : m_request.mapping.currency;
    if (!m_companyCurrency.isEmpty() && !m_request.mapping.currency.isEmpty() && m_companyCurrency != m_request.mapping.currency) {
        m_plan.fatal = ImportPlan::tr("the files' money is in %1 but the company's is in %2; the import does not convert currencies")
                           .arg(m_request.mapping.currency, m_companyCurrency);
        return;
    }
    m_plan.setCurrency = m_companyCurrency.isEmpty() && !m_plan.currency.isEmpty();
    if (m_plan.currency.isEmpty()) {
        m_plan.currency = QStringLiteral("CNY");
        m_plan.setCurrency = true;
    }
    if (!m_plan.actorKey) {
        bool needsActor = false;
        for (const FileMapping &f : m_request.mapping.files)
            needsActor = needsActor || f.entity == Entity::Customers || f.entity == Entity::Leads || f.entity == Entity::Activities;
        if (needsActor) {
            m_plan.fatal = ImportPlan::tr("the database names no current user to own what the files leave unowned; "
                                          "pick who you are first (or pass --as)");
            return;
        }
    }
    for (int i = 0; i < m_request.mapping.files.size(); ++i) {
        FilePlan fp;
        fp.path = m_request.paths.at(i);
        fp.mapping = m_request.mapping.files.at(i);
        m_plan.files << fp;
        m_totalBytes += QFileInfo(fp.path).size();
    }
    bool leads = false;
    for (const FileMapping &f : m_request.mapping.files)
        leads = leads || f.entity == Entity::Leads;
    if (leads && !planPipeline())
        return;
    for (int i = 0; i < m_plan.files.size() && m_plan.ok(); ++i)
        planFile(i);
    if (m_plan.ok())
        finish();
    if (m_plan.ok() && !m_plan.spillError().isEmpty())
        m_plan.fatal = m_plan.spillError();
}

} // namespace detail

ImportPlan planImport(QSqlDatabase db, const ImportRequest &request)
{
    ImportPlan plan;
    detail::Planner(db, request, plan).run();
    return plan;
}

} // namespace cockpit::imports

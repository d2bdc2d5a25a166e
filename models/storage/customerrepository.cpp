#include "storage/customerrepository.h"
#include "storage/uuidcolumn.h"

#include "storage/database.h"
#include "domain/ids.h"
#include "domain/times.h"
#include "storage/outbox.h"
#include "pinyin/pinyin.h"
#include "storage/transaction.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace cockpit::storage {

namespace {
// Optional text columns are NOT NULL DEFAULT '': an absent value is stored as ''.
QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}
QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}
} // namespace

QStringList CustomerRepository::requiredFields()
{
    return {QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("core_need"),
            QStringLiteral("close_cycle_days"), QStringLiteral("owner_id"), QStringLiteral("source")};
}

QString CustomerRepository::fieldLabel(const QString &code)
{
    if (code == QLatin1String("name"))
        return tr("Name");
    if (code == QLatin1String("phone"))
        return tr("Phone");
    if (code == QLatin1String("core_need"))
        return tr("Core need");
    if (code == QLatin1String("close_cycle_days"))
        return tr("Expected close cycle");
    if (code == QLatin1String("owner_id"))
        return tr("Owner");
    if (code == QLatin1String("source"))
        return tr("Source");
    return code;
}

QStringList CustomerRepository::validate(const NewCustomer &c)
{
    QStringList missing;
    const int maxText = 4000;
    if (c.name.trimmed().isEmpty() || c.name.size() > 200)
        missing << QStringLiteral("name");
    int digitCount = 0;
    bool phoneChars = true;
    for (const QChar ch : c.phone) {
        if (ch.isDigit())
            ++digitCount;
        else if (!QStringLiteral("+-() ").contains(ch))
            phoneChars = false;
    }
    if (!phoneChars || digitCount < 7 || digitCount > 20)
        missing << QStringLiteral("phone");
    if (c.coreNeed.trimmed().isEmpty() || c.coreNeed.size() > maxText)
        missing << QStringLiteral("core_need");
    if (c.closeCycleDays <= 0 || c.closeCycleDays > 3650)
        missing << QStringLiteral("close_cycle_days");
    if (c.ownerId.isEmpty())
        missing << QStringLiteral("owner_id");
    if (c.source.trimmed().isEmpty() || c.source.size() > 200)
        missing << QStringLiteral("source");
    return missing;
}

CreateResult CustomerRepository::create(const NewCustomer &c, const QString &actorId)
{
    Q_UNUSED(actorId);
    CreateResult result;
    result.missing = validate(c);
    if (!result.missing.isEmpty()) {
        QStringList labels;
        for (const QString &code : result.missing)
            labels << fieldLabel(code);
        result.error = tr("Please fill in: %1.").arg(labels.join(QStringLiteral(", ")));
        return result;
    }
    if (c.aliases.size() > 1000 || c.industry.size() > 200) {
        result.error = tr("Aliases or industry are too long.");
        return result;
    }
    const QString uuid = newId();
    const qint64 nowSecs = QDateTime::currentSecsSinceEpoch();
    const QString now = times::isoFromSecs(nowSecs); // the outbox's text
    const QVariant nowAt = times::instantParam(nowSecs);
    const QString name = c.name.trimmed();
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO customers (uuid, name, aliases, pinyin_full, pinyin_initials, industry, size,"
        " region_id, city_id, owner_id, source, phone, core_need, close_cycle_days, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
        " coalesce(?, (SELECT region_id FROM users WHERE id = ?)),"
        " coalesce(?, (SELECT city_id FROM users WHERE id = ?)), ?, ?, ?, ?, ?, ?, ?)"));
    const QString full = pinyin::full(name);
    const QString initials = pinyin::initials(name);
    for (const QVariant &v :
         {QVariant(uuidColumnValue(uuid)), QVariant(name), text(c.aliases.trimmed()), text(full),
          text(initials), text(c.industry.trimmed()), text(c.size), nullable(c.regionId),
          QVariant(c.ownerId), nullable(c.cityId), QVariant(c.ownerId), QVariant(c.ownerId),
          QVariant(c.source.trimmed()), QVariant(c.phone.trimmed()), QVariant(c.coreNeed.trimmed()),
          QVariant(c.closeCycleDays), nowAt, nowAt})
        q.addBindValue(v);
    if (!q.exec()) {
        result.error = m_db.describeError(q.lastError());
        return result;
    }
    const QString id = q.lastInsertId().toString(); // the local key (keys.h)
    const QJsonObject fields{{QStringLiteral("uuid"), uuid},
                             {QStringLiteral("name"), name},
                             {QStringLiteral("aliases"), c.aliases.trimmed()},
                             {QStringLiteral("pinyin_full"), full},
                             {QStringLiteral("pinyin_initials"), initials},
                             {QStringLiteral("industry"), c.industry},
                             {QStringLiteral("size"), c.size},
                             {QStringLiteral("owner_id"), c.ownerId},
                             {QStringLiteral("source"), c.source.trimmed()},
                             {QStringLiteral("phone"), c.phone.trimmed()},
                             {QStringLiteral("core_need"), c.coreNeed.trimmed()},
                             {QStringLiteral("close_cycle_days"), c.closeCycleDays},
                             {QStringLiteral("created_at"), now}};
    if (!appendOutbox(db, QStringLiteral("customers"), id, QStringLiteral("insert"), fields, 0,
                      &result.error))
        return result;
    if (!tx.commit()) {
        result.error = m_db.describeError(db.lastError());
        return result;
    }
    result.ok = true;
    result.id = id;
    m_db.announceChanges();
    return result;
}

bool CustomerRepository::remove(const QString &id, QString *error)
{
    return setDeleted(id, true, error);
}

bool CustomerRepository::restore(const QString &id, QString *error)
{
    return setDeleted(id, false, error);
}

bool CustomerRepository::setDeleted(const QString &id, bool deleted, QString *error)
{
    QSqlDatabase db = m_db.connection();
    // Reads the base row_version before it writes, beside connections that write.
    Transaction tx(db, Transaction::Begin::Immediate);
    if (!tx.isActive()) {
        if (error)
            *error = m_db.describeError(tx.error());
        return false;
    }
    QSqlQuery rv(db);
    rv.prepare(QStringLiteral("SELECT row_version FROM customers WHERE id = ?"));
    rv.addBindValue(id);
    if (!rv.exec() || !rv.next()) {
        if (error)
            *error = tr("The customer no longer exists.");
        return false;
    }
    const qint64 base = rv.value(0).toLongLong();
    const qint64 nowSecs = QDateTime::currentSecsSinceEpoch();
    const QString now = times::isoFromSecs(nowSecs); // the outbox's text
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE customers SET deleted = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(deleted ? 1 : 0);
    q.addBindValue(times::instantParam(nowSecs));
    q.addBindValue(id);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    const QJsonObject fields{{QStringLiteral("deleted"), deleted}, {QStringLiteral("updated_at"), now}};
    if (!appendOutbox(db, QStringLiteral("customers"), id,
                      deleted ? QStringLiteral("delete") : QStringLiteral("update"), fields, base, error))
        return false;
    if (!tx.commit())
        return false;
    m_db.announceChanges();
    return true;
}

QList<ContactItem> CustomerRepository::contacts(const QString &customerId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT name, title, chain_role, phone FROM contacts"
                             " WHERE customer_id = ? AND deleted = 0 ORDER BY seniority DESC, name"));
    q.addBindValue(customerId);
    QList<ContactItem> out;
    if (q.exec()) {
        while (q.next())
            out << ContactItem{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                               q.value(3).toString()};
    }
    return out;
}

QList<OpenLeadItem> CustomerRepository::openLeads(const QString &customerId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT l.id, l.title, s.name, u.name, l.amount_cents FROM leads l"
        " JOIN pipeline_stages s ON s.id = l.stage_id LEFT JOIN users u ON u.id = l.owner_id"
        " WHERE l.customer_id = ? AND l.status = 'open' AND l.deleted = 0"
        " ORDER BY l.amount_cents DESC"));
    q.addBindValue(customerId);
    QList<OpenLeadItem> out;
    if (q.exec()) {
        while (q.next())
            out << OpenLeadItem{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                q.value(3).toString(), q.value(4).toLongLong()};
    }
    return out;
}

} // namespace cockpit::storage

#pragma once
// Creates customers (the six required fields of DESIGN.md §2, the rest optional) and reads
// a customer's contacts and open leads for the detail panel.
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace cockpit::storage {

class Database;

struct NewCustomer
{
    // Required.
    QString name, phone, coreNeed, ownerId, source;
    int closeCycleDays = 0;
    // Optional.
    QString aliases, industry, size, regionId, cityId;
};

struct CreateResult
{
    bool ok = false;
    QString id;
    QStringList missing; // required field codes that are empty or invalid
    QString error;       // translated
};

struct ContactItem { QString name, title, chainRole, phone; };
struct OpenLeadItem { QString id, title, stage, ownerName; qint64 amountCents = 0; };

class CustomerRepository
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::storage::CustomerRepository)

public:
    explicit CustomerRepository(Database &db) : m_db(db) {}

    // Field codes: name, phone, core_need, close_cycle_days, owner_id, source.
    static QStringList requiredFields();
    static QString fieldLabel(const QString &code);
    // Which required fields `c` lacks or has invalid (a phone needs 7–20 digits).
    static QStringList validate(const NewCustomer &c);

    CreateResult create(const NewCustomer &c, const QString &actorId);
    // Tombstones a customer (deleted = 1), e.g. to undo its creation.
    bool remove(const QString &id, QString *error);
    // Brings a tombstoned customer back (redo of its creation).
    bool restore(const QString &id, QString *error);

    QList<ContactItem> contacts(const QString &customerId) const;
    QList<OpenLeadItem> openLeads(const QString &customerId) const;

private:
    bool setDeleted(const QString &id, bool deleted, QString *error);

    Database &m_db;
};

} // namespace cockpit::storage

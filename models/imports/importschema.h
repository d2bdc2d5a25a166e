#pragma once
// What an import can bring in (issue 11): the entities, and for each the fields a file's
// columns map to, with their type, whether a row needs them, and the headers (English and
// Chinese, as people and other CRMs write them) that suggest a column for them.
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cockpit::imports {

// In dependency order: a file of a later entity may refer to rows of an earlier one.
enum class Entity { Org, Products, Customers, Contacts, Leads, Orders, Payments, Activities, Stores, StoreDays, Targets };

// "org", "products", "customers", "contacts", "leads", "orders", "payments", "activities",
// "stores", "store_days", "targets"
QString entityCode(Entity entity);
std::optional<Entity> entityFromCode(const QString &code); // also "users", "accounts", "opportunities", "deals"
QList<Entity> allEntities();

enum class FieldType { Text, Date, Money, Integer, Reference, Choice };

struct FieldDef
{
    QString code;     // the mapping's key: "name", "owner", "amount" …
    FieldType type = FieldType::Text;
    bool required = false; // a row without it is refused
    QStringList headers;   // normalised headers that suggest this field (see normaliseHeader)
};

class ImportSchema
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::imports::ImportSchema)

public:
    static const QList<FieldDef> &fields(Entity entity);
    static const FieldDef *field(Entity entity, const QString &code);
    // Translated names, for the preview and the error file.
    static QString entityLabel(Entity entity);
    static QString fieldLabel(Entity entity, const QString &code);
    // Lower case, full-width folded, spaces, underscores, dashes and brackets dropped: how
    // headers are compared ("Close Value" = "close_value" = "CLOSE-VALUE").
    static QString normaliseHeader(const QString &header);
};

} // namespace cockpit::imports

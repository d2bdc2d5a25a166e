#pragma once
// Who the app acts as (DESIGN.md §6: "the app always says who you are"): the database's
// current user, by name, with the role in words. Standalone, that is the demo's director.
#include <QCoreApplication>
#include <QString>

namespace cockpit::storage {
struct CatalogData;
}

namespace cockpit::ui {

class Identity
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::ui::Identity)
public:
    QString name; // empty: the file names no current user (or the user is not in it)
    QString role; // translated ("Sales director"); the stored code for an unknown role

    bool isKnown() const { return !name.isEmpty(); }
    // The catalog's current user (CatalogData::currentUserId) looked up in its users.
    static Identity of(const storage::CatalogData &data);
    // The role codes of the users table (director, regional_manager, …) in words.
    static QString roleName(const QString &code);
    // "Signed in as 王芳 · Sales director", or what is missing.
    QString statusText() const;
};

} // namespace cockpit::ui

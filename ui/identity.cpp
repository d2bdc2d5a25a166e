#include "identity.h"

#include "storage/bulkload.h"

namespace cockpit::ui {

Identity Identity::of(const storage::CatalogData &data)
{
    Identity who;
    if (data.currentUserId.isEmpty())
        return who;
    const int row = data.index.user(data.currentUserId);
    if (row < 0 || size_t(row) >= data.users.size())
        return who;
    const storage::UserRow &user = data.users[size_t(row)];
    who.name = user.name;
    who.role = roleName(user.role);
    return who;
}

QString Identity::roleName(const QString &code)
{
    static const struct
    {
        const char *code;
        const char *name;
    } roles[] = {
        {"director", QT_TR_NOOP("Sales director")},
        {"regional_manager", QT_TR_NOOP("Regional manager")},
        {"team_lead", QT_TR_NOOP("Team lead")},
        {"sales", QT_TR_NOOP("Sales rep")},
        {"presales", QT_TR_NOOP("Presales engineer")},
        {"legal", QT_TR_NOOP("Legal")},
        {"delivery", QT_TR_NOOP("Delivery")},
        {"csm", QT_TR_NOOP("Customer success manager")},
        {"marketing", QT_TR_NOOP("Marketing")},
        {"store_manager", QT_TR_NOOP("Store manager")},
    };
    for (const auto &r : roles)
        if (code == QLatin1String(r.code))
            return tr(r.name);
    return code; // a role this build does not know: the stored word rather than nothing
}

QString Identity::statusText() const
{
    if (!isKnown())
        return tr("No signed-in user: this file names no current user");
    return role.isEmpty() ? tr("Signed in as %1").arg(name) : tr("Signed in as %1 · %2").arg(name, role);
}

} // namespace cockpit::ui

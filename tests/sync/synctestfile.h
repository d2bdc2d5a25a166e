#pragma once
// The pull tests' names for reading a synced SQLite file (each query on its own short-lived
// connection: the CLI locks the file while it runs): the push tests' helpers, synctestutil.h.
#include "synctestutil.h"

namespace cockpit::tests {

// One query's first value.
inline QVariant scalar(const QString &file, const QString &sql, const QVariantList &binds = {})
{
    return fileScalar(file, sql, binds);
}

inline QStringList column(const QString &file, const QString &sql)
{
    return fileColumn(file, sql);
}

} // namespace cockpit::tests

#include "buildinfo/buildinfo.h"

#include "buildinfo_values.h" // generated: COCKPIT_VERSION, COCKPIT_GIT_DESCRIBE, COCKPIT_BUILD_TYPE

#include <QtGlobal>

namespace cockpit::build {

QString version()
{
    return QStringLiteral(COCKPIT_VERSION);
}

QString gitDescribe()
{
    return QStringLiteral(COCKPIT_GIT_DESCRIBE);
}

QString fullVersion()
{
    const QString git = gitDescribe();
    return git.isEmpty() ? version() : QStringLiteral("%1 (git %2)").arg(version(), git);
}

Facts facts()
{
    Facts f;
    f.qtRuntime = QString::fromLatin1(qVersion());
    f.qtCompiled = QStringLiteral(QT_VERSION_STR);
#if defined(__clang__)
    f.compiler = QStringLiteral("Clang %1.%2.%3").arg(__clang_major__).arg(__clang_minor__).arg(__clang_patchlevel__);
#elif defined(__GNUC__)
    f.compiler = QStringLiteral("GCC %1.%2.%3").arg(__GNUC__).arg(__GNUC_MINOR__).arg(__GNUC_PATCHLEVEL__);
#endif
    f.buildType = QStringLiteral(COCKPIT_BUILD_TYPE);
    return f;
}

} // namespace cockpit::build

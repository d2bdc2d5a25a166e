#pragma once
// What this binary is: the version from CMake's project() and, when it was built from a git
// checkout, `git describe` of that checkout. Written at build time (gitdescribe.cmake), so
// --version, the About box and the man page always name the commit that was built.
#include <QString>

namespace cockpit::build {

// "0.1.0": the project version.
QString version();
// "058e19b-dirty", "v0.1.0-3-g058e19b": `git describe --tags --always --dirty`; empty when
// the sources were not a git checkout (a tarball) or git was not installed.
QString gitDescribe();
// "0.1.0 (git 058e19b)": what --version prints after the program name.
QString fullVersion();
// What the About box shows of the build; it words them in the interface language.
struct Facts
{
    QString qtRuntime;  // "6.4.2": the Qt libraries loaded now
    QString qtCompiled; // "6.4.2": the Qt headers this was compiled against
    QString compiler;   // "GCC 12.2.0"
    QString buildType;  // "RelWithDebInfo"
};
Facts facts();

} // namespace cockpit::build

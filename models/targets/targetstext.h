#pragma once
// tr() for the free functions of namespace cockpit::targets: lupdate records their strings
// under the context "cockpit::targets" (see analytics/analyticstext.h for why).
#include <QCoreApplication>
#include <QString>

namespace cockpit::targets {

inline QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("cockpit::targets", text, disambiguation, n);
}

} // namespace cockpit::targets

#pragma once
// tr() for the free functions of namespace cockpit::analytics: lupdate records their strings
// under the context "cockpit::analytics", so they are looked up there. Inside a member
// function of a struct lupdate would record the struct's name instead: there, call
// QCoreApplication::translate("cockpit::analytics", …) directly.
#include <QCoreApplication>
#include <QString>

namespace cockpit::analytics {

inline QString tr(const char *text)
{
    return QCoreApplication::translate("cockpit::analytics", text);
}

} // namespace cockpit::analytics

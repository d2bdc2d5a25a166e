#pragma once
// tr() for the free functions of namespace cockpit::forecast (lupdate context
// "cockpit::forecast").
#include <QCoreApplication>
#include <QString>

namespace cockpit::forecast {

inline QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("cockpit::forecast", text, disambiguation, n);
}

} // namespace cockpit::forecast

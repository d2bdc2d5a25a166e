#include "analytics/rag.h"

#include <QCoreApplication>

namespace cockpit::analytics {

QString ragKey(Rag r)
{
    switch (r) {
    case Rag::Green: return QStringLiteral("green");
    case Rag::Yellow: return QStringLiteral("yellow");
    case Rag::Orange: return QStringLiteral("orange");
    case Rag::Red: return QStringLiteral("red");
    case Rag::Grey: break;
    }
    return QStringLiteral("grey");
}

QString ragLabel(Rag r)
{
    switch (r) {
    case Rag::Green: return QCoreApplication::translate("cockpit::analytics::Rag", "Green");
    case Rag::Yellow: return QCoreApplication::translate("cockpit::analytics::Rag", "Yellow");
    case Rag::Orange: return QCoreApplication::translate("cockpit::analytics::Rag", "Orange");
    case Rag::Red: return QCoreApplication::translate("cockpit::analytics::Rag", "Red");
    case Rag::Grey: break;
    }
    return QCoreApplication::translate("cockpit::analytics::Rag", "No data");
}

Rag worse(Rag a, Rag b)
{
    return int(a) >= int(b) ? a : b;
}

} // namespace cockpit::analytics

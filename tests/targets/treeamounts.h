#pragma once
// The amounts of a target tree's nodes, in node order: what the target tests compare.
#include "targets/targettree.h"

namespace fixture {

inline QVector<qint64> amounts(const cockpit::targets::TargetTree &t)
{
    QVector<qint64> out;
    for (const cockpit::targets::TargetNode &n : t.nodes)
        out << n.amountCents;
    return out;
}

} // namespace fixture

#pragma once
// The tiny demo company written to `path` for a test: "" or the generator's error.
#include "demo/demogenerator.h"

#include <QDate>
#include <QString>

namespace fixture {

inline QString generateTinyDemo(const QString &path, int seed, QDate asOf)
{
    cockpit::demo::Options options;
    options.scale = cockpit::demo::Scale::Tiny;
    options.seed = seed;
    options.asOf = asOf;
    const cockpit::demo::Result r = cockpit::demo::generate(path, options);
    return r.ok ? QString() : r.error;
}

} // namespace fixture

#pragma once
// The demo company (DESIGN.md §1: "first start opens a realistic demo company"). Writes a
// complete schema-v1 database whose content depends only on (scale, seed, asOf), so the
// same inputs give a byte-identical content hash. See demogenerator.cpp for the signal the
// data carries on purpose.
#include <QDate>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>

namespace cockpit::demo {

// Micro: a few dozen leads with every kind of record (the frozen schema fixtures of the
// migration tests); Tiny: tests; Small: the demo a new user gets; Large: the benchmarks.
enum class Scale { Tiny, Small, Large, Micro };

struct Options
{
    Scale scale = Scale::Small;
    quint64 seed = 42;
    QDate asOf; // invalid = today (UTC)
};

struct Result
{
    bool ok = false;
    QString error;
    QMap<QString, qint64> rowCounts;
    qint64 elapsedMs = 0;
};

// `phase` is an English log word ("schema", "activities", "indexes"…). The callback may throw
// a std::exception to stop early (the user closed the window): generate() then removes its
// partial file and returns ok = false with the exception's text. It must not throw at 100,
// which is reported once the file is in place.
using Progress = std::function<void(int percent, const QString &phase)>;

// Writes a new demo database at `path`. Refuses (ok=false, error names the path) if `path`
// exists. Writes to path + ".partial" first and renames at the end, so a crash never leaves
// a half file at `path`.
Result generate(const QString &path, const Options &options, const Progress &progress = {});

std::optional<Scale> scaleFromString(const QString &s); // "micro" | "tiny" | "small" | "large"
QString scaleToString(Scale scale);

// SHA-256 (hex) over the content of every table of the schema, rows ordered by primary key,
// every column: the determinism check. Empty if the file cannot be read.
QString contentHash(const QString &path);

} // namespace cockpit::demo

#pragma once
// Identifiers and timestamps shared by every layer: UUID text keys and UTC ISO-8601 times.
#include <QDateTime>
#include <QString>
#include <cstdint>

namespace cockpit {

// A fresh random UUID (v4) without braces, as stored in every synced table's id column.
QString newId();

// A UUID version 7 (RFC 9562): the Unix time in milliseconds, then 74 random bits. Ids made
// one after another sort in creation order, so a unique index on them grows at its end
// instead of scattering inserts (the outbox's op ids).
QString newTimeOrderedId();
// The same as its 36 ASCII characters written to `out` (no terminator), for the bulk writers
// that bind it as bytes (an import appends an outbox entry per row).
void newTimeOrderedId(char *out);

// A UUID (v4 layout) built from 128 caller-supplied bits: the demo generator derives ids
// from its seeded random stream so the same seed gives the same ids.
QString idFromBits(std::uint64_t hi, std::uint64_t lo);

// UTC ISO-8601 with seconds, e.g. "2026-11-22T05:34:36Z": sorts as text, parses back.
QString toIsoUtc(const QDateTime &t);
QDateTime fromIsoUtc(const QString &s);
QString nowIsoUtc();

} // namespace cockpit

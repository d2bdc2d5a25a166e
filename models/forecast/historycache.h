#pragma once
// The file's deal history (history.h) kept between figures: loading it reads every deal, its
// stage moves, activities and payments (large demo: several seconds), while a period or org
// change needs none of that again. One cache per process, keyed by the database file; an
// entry is reloaded when the file's fingerprint moved: the activity-log head (every activity
// and stage move), the live leads' count and newest change, and the payments' count and
// newest change, the customers' count and newest change, the newest activity, stage move,
// contact and stage, the currency, and the interface's language (the stage names are in it).
// Thread-safe: the figure workers share it; a load runs outside the lock and the newest load
// wins.
//
// With a disk folder set (the app gives the user's cache folder), each history read from a
// file is also kept there (a facts file: analytics/factsfile.h, written in the background),
// and the next run maps it back while the fingerprint is the same: on the large demo
// 0.11-0.17 s instead of 0.6-0.9 s for the 1.4 M rows.
#include "forecast/history.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

class QSqlDatabase;

namespace cockpit::forecast {

QByteArray historyFingerprint(QSqlDatabase db);

enum class HistoryOrigin { Memory, Disk, File };

// The history of `db`'s file: the cached one when its fingerprint is current (in memory, or
// on disk), else loaded from the file (throws analytics::QueryError). `origin`: where it came from.
std::shared_ptr<const History> cachedHistory(QSqlDatabase db, HistoryOrigin *origin = nullptr);

// Forgets every history cached in memory (the benchmark's cold run); the disk keeps its copies.
void clearHistoryCache();

// Where histories are kept between runs; empty (the default): in memory only. A history read
// from a file is written there `delay` after (the app: 2 s, so that the figures asking for it
// are computed first), at nice 19.
void setHistoryDiskDirectory(const QString &dir, std::chrono::milliseconds delay = std::chrono::milliseconds(0));
// Waits for a history being written to the disk folder (tests), or with `abandon` tells it to
// give up first (the app closing: on a busy machine the low-priority write could take long;
// the next run then reads the file).
void waitForHistoryDisk(bool abandon = false);

// Every member of `h` as bytes, and back: nullopt when `bytes` are not a whole history of this
// format (a count that runs past the end, bytes left over).
// `stop`, when given and set, abandons it (an empty result).
QByteArray historyToBytes(const History &h, const std::atomic_bool *stop = nullptr);
std::optional<History> historyFromBytes(QByteArrayView bytes);

} // namespace cockpit::forecast

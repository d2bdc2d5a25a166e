#pragma once
// The file's deal history (history.h) kept between figures: loading it reads every deal, its
// stage moves, activities and payments (large demo: several seconds), while a period or org
// change needs none of that again. One cache per process, keyed by the database file; an
// entry is reloaded when the file's fingerprint moved: the activity-log head (every activity
// and stage move), the live leads' count and newest change, and the payments' count and
// newest change. Thread-safe: the figure workers share it; a load runs outside the lock and
// the newest load wins.
#include "forecast/history.h"

#include <QByteArray>
#include <QString>

#include <memory>

class QSqlDatabase;

namespace cockpit::forecast {

QByteArray historyFingerprint(QSqlDatabase db);

// The history of `db`'s file: the cached one when its fingerprint is current, else loaded
// (throws analytics::QueryError).
std::shared_ptr<const History> cachedHistory(QSqlDatabase db);

// Forgets every cached history (the benchmark's cold run).
void clearHistoryCache();

} // namespace cockpit::forecast

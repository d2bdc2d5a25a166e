#pragma once
// Another connection that holds a file's write lock for a while and then commits, as the sync,
// the alert rules or an import do beside the app: a transaction that reads before it writes
// must wait for it and go through, not fail with "database is locked" (storage/transaction.h).
#include <QByteArray>
#include <QString>

#include <sqlite3.h>

#include <chrono>
#include <future>
#include <thread>

namespace fixture {

class OtherWriter
{
public:
    // Starts at once: opens `path`, takes the write lock with a write of its own, holds it for
    // `hold`, then commits.
    explicit OtherWriter(const QString &path, std::chrono::milliseconds hold = std::chrono::milliseconds(400))
        : m_locked(m_lockedPromise.get_future())
    {
        m_thread = std::thread([this, path = path.toUtf8(), hold] {
            sqlite3 *h = nullptr;
            const bool ok = sqlite3_open(path.constData(), &h) == SQLITE_OK
                && sqlite3_exec(h, "BEGIN IMMEDIATE; INSERT INTO settings (key, value) VALUES ('other_writer', '1') "
                                   "ON CONFLICT(key) DO UPDATE SET value = value + 1", nullptr, nullptr, nullptr) == SQLITE_OK;
            m_lockedPromise.set_value(ok);
            std::this_thread::sleep_for(hold);
            sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr);
            sqlite3_close(h);
        });
    }
    ~OtherWriter() { finish(); }
    OtherWriter(const OtherWriter &) = delete;
    OtherWriter &operator=(const OtherWriter &) = delete;

    // Waits until the other connection holds the lock; false when it could not take it.
    bool holdsLock() { return m_locked.get(); }
    // Waits until it has committed and closed.
    void finish()
    {
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    std::promise<bool> m_lockedPromise;
    std::future<bool> m_locked;
    std::thread m_thread;
};

} // namespace fixture

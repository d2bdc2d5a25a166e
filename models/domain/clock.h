#pragma once
// An injectable clock (DESIGN.md §3: rules are evaluated "now"; tests move time).
// Production code takes a Clock& and never calls QDateTime::currentDateTimeUtc() itself
// where a rule, a retry or an assignment depends on the time.
#include <QDateTime>

namespace cockpit {

class Clock
{
public:
    virtual ~Clock() = default;
    // The current time, UTC.
    virtual QDateTime now() const = 0;
};

// The wall clock.
class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// A clock tests (and the `alerts --now` command) set and move by hand.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime t) : m_now(t.toUTC()) {}
    QDateTime now() const override { return m_now; }
    void set(const QDateTime &t) { m_now = t.toUTC(); }
    void advanceSecs(qint64 s) { m_now = m_now.addSecs(s); }

private:
    QDateTime m_now;
};

} // namespace cockpit

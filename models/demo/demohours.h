#pragma once
// Internal: when people work (Beijing time), so the demo's activities fall in a real team's
// hours and weekdays. A profile is a weekly density over Beijing local time: a set of
// intra-day segments per weekday, each with an integer weight per second. Times are drawn
// uniformly over the weighted measure (W(t), the cumulative weight since a Monday, and its
// inverse), all in integer arithmetic so the same seed gives the same times everywhere.
#include "demo/demorng.h"
#include "demo/demotime.h"

#include <algorithm>
#include <array>

namespace cockpit::demo::detail {

struct HoursSegment
{
    int weekday;     // 0 = Monday .. 6 = Sunday
    int from, to;    // minutes after 00:00 Beijing
    int weight;      // per second
};

class WorkHours
{
public:
    // Segments must be in time order within the week and must not overlap.
    // `fallback`: the hours draw() uses for a window that holds none of these (a visit in a
    // stage that lasted one evening is done at the desk's hours, not at random).
    template <std::size_t N>
    constexpr explicit WorkHours(const HoursSegment (&segs)[N], const WorkHours *fallback = nullptr)
        : m_fallback(fallback)
    {
        static_assert(N <= kMax);
        for (std::size_t i = 0; i < N; ++i) {
            m_start[i] = qint64(segs[i].weekday) * kDay + qint64(segs[i].from) * kMinute;
            m_end[i] = qint64(segs[i].weekday) * kDay + qint64(segs[i].to) * kMinute;
            m_weight[i] = segs[i].weight;
            m_week += (m_end[i] - m_start[i]) * m_weight[i];
        }
        m_n = int(N);
    }

    // Cumulative weight from the epoch Monday to t (monotone, flat outside working time).
    qint64 cumulative(qint64 t) const
    {
        const qint64 u = t + kBeijingOffset - kEpochMonday;
        const qint64 week = floorDiv(u, 7 * kDay);
        const qint64 off = u - week * 7 * kDay;
        qint64 w = week * m_week;
        for (int i = 0; i < m_n; ++i) {
            if (off <= m_start[i])
                break;
            w += (std::min(off, m_end[i]) - m_start[i]) * m_weight[i];
        }
        return w;
    }
    // The first time whose cumulative weight reaches w.
    qint64 inverse(qint64 w) const
    {
        const qint64 week = floorDiv(w, m_week);
        qint64 rem = w - week * m_week;
        qint64 off = 0;
        for (int i = 0; i < m_n; ++i) {
            const qint64 len = (m_end[i] - m_start[i]) * m_weight[i];
            if (rem < len || i == m_n - 1) {
                off = m_start[i] + (rem + m_weight[i] - 1) / m_weight[i];
                break;
            }
            rem -= len;
        }
        return week * 7 * kDay + off + kEpochMonday - kBeijingOffset;
    }
    bool working(qint64 t) const
    {
        const qint64 u = t + kBeijingOffset - kEpochMonday;
        const qint64 off = u - floorDiv(u, 7 * kDay) * 7 * kDay;
        for (int i = 0; i < m_n; ++i) {
            if (off >= m_start[i] && off < m_end[i])
                return true;
        }
        return false;
    }
    // t if it falls in the core hours (segments of weight >= kCore: the thin evening and
    // weekend segments are not where a postponed action lands), else the start of the next
    // core stretch.
    qint64 forward(qint64 t) const
    {
        const qint64 u = t + kBeijingOffset - kEpochMonday;
        const qint64 week = floorDiv(u, 7 * kDay);
        const qint64 off = u - week * 7 * kDay;
        for (int w = 0; w < 2; ++w) {
            for (int i = 0; i < m_n; ++i) {
                if (m_weight[i] < kCore)
                    continue;
                const qint64 s = m_start[i] + w * 7 * kDay, e = m_end[i] + w * 7 * kDay;
                if (off < e)
                    return off >= s ? t : t + (s - off);
            }
        }
        return t;
    }
    // forward(t), unless that passes `limit`: then t unchanged.
    qint64 forward(qint64 t, qint64 limit) const
    {
        const qint64 f = forward(t);
        return f <= limit ? f : t;
    }
    // t if it falls in the core hours, else the last second of the core stretch before it
    // (not before `floor`; t unchanged when there is none after floor).
    qint64 backward(qint64 t, qint64 floor) const
    {
        const qint64 u = t + kBeijingOffset - kEpochMonday;
        const qint64 week = floorDiv(u, 7 * kDay);
        const qint64 off = u - week * 7 * kDay;
        for (int w = 0; w < 2; ++w) {
            for (int i = m_n - 1; i >= 0; --i) {
                if (m_weight[i] < kCore)
                    continue;
                const qint64 s = m_start[i] - w * 7 * kDay, e = m_end[i] - w * 7 * kDay;
                if (off >= s) {
                    const qint64 b = off < e ? t : t - (off - (e - 1));
                    return b >= floor ? b : t;
                }
            }
        }
        return t;
    }
    // A time in [lo, hi] drawn uniformly over the working measure; when [lo, hi] holds no
    // working time, uniformly over [lo, hi].
    qint64 draw(Rng &r, qint64 lo, qint64 hi) const
    {
        if (hi <= lo)
            return lo;
        const qint64 a = cumulative(lo), b = cumulative(hi);
        if (b <= a)
            return m_fallback ? m_fallback->draw(r, lo, hi) : r.range(lo, hi);
        return std::clamp(inverse(r.range(a, b - 1) + 1), lo, hi);
    }

private:
    static constexpr int kMax = 24;
    static constexpr qint64 kCore = 50;
    // 1970-01-05 was a Monday.
    static constexpr qint64 kEpochMonday = 4 * kDay;
    std::array<qint64, kMax> m_start{}, m_end{};
    std::array<qint64, kMax> m_weight{};
    qint64 m_week = 0;
    const WorkHours *m_fallback = nullptr;
    int m_n = 0;
};

// Sales actions at the desk (calls, messages, e-mails, quotes, requests, stage moves):
// Monday–Friday 08:30–19:00, a thin evening until 21:00, a little Saturday, rare Sunday.
inline constexpr HoursSegment kDeskSegs[] = {
    {0, 510, 1140, 100}, {0, 1140, 1260, 6}, {1, 510, 1140, 100}, {1, 1140, 1260, 6},
    {2, 510, 1140, 100}, {2, 1140, 1260, 6}, {3, 510, 1140, 100}, {3, 1140, 1260, 6},
    {4, 510, 1140, 100}, {4, 1140, 1260, 4}, {5, 570, 1020, 16}, {6, 600, 960, 3},
};
// Visits, meetings and demos: business hours, Monday–Friday 09:00–12:00 and 13:30–18:00.
inline constexpr HoursSegment kFieldSegs[] = {
    {0, 540, 720, 100}, {0, 810, 1080, 100}, {1, 540, 720, 100}, {1, 810, 1080, 100},
    {2, 540, 720, 100}, {2, 810, 1080, 100}, {3, 540, 720, 100}, {3, 810, 1080, 100},
    {4, 540, 720, 100}, {4, 810, 1080, 100},
};
// Customers answer a bit wider: 08:00–22:00 on weekdays (thinner after 19:00), some weekend.
inline constexpr HoursSegment kCustomerSegs[] = {
    {0, 480, 1140, 100}, {0, 1140, 1320, 30}, {1, 480, 1140, 100}, {1, 1140, 1320, 30},
    {2, 480, 1140, 100}, {2, 1140, 1320, 30}, {3, 480, 1140, 100}, {3, 1140, 1320, 30},
    {4, 480, 1140, 100}, {4, 1140, 1320, 30}, {5, 540, 1260, 18}, {6, 600, 1260, 10},
};

inline const WorkHours &deskHours()
{
    static const WorkHours h(kDeskSegs);
    return h;
}
inline const WorkHours &fieldHours()
{
    static const WorkHours h(kFieldSegs, &deskHours());
    return h;
}
inline const WorkHours &customerHours()
{
    static const WorkHours h(kCustomerSegs);
    return h;
}
// The hours an activity kind is done in, by direction ('s' sales, 'c' customer, 'x' cross).
inline const WorkHours &hoursFor(const char *kind, char dir)
{
    if (dir == 'c')
        return customerHours();
    if (qstrcmp(kind, "visit") == 0 || qstrcmp(kind, "meeting") == 0 || qstrcmp(kind, "demo") == 0)
        return fieldHours();
    return deskHours();
}

} // namespace cockpit::demo::detail

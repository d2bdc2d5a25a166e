#pragma once
// A tiny deterministic random source for the demo generator: xoshiro256** seeded through
// splitmix64, with our own uniform / normal / lognormal / pick helpers. The standard
// <random> distributions are implementation-defined, so the same seed could give different
// companies on different standard libraries; these helpers give the same stream everywhere
// (up to libm's log/exp, which only touch the continuous helpers).
#include <QtGlobal>

#include <cmath>
#include <cstdint>
#include <vector>

namespace cockpit::demo {

class Rng
{
public:
    explicit Rng(quint64 seed = 0) { reseed(seed); }

    // A sub-stream that depends only on (seed, stream, index): lets a phase (or one lead)
    // draw its own numbers without shifting every later phase.
    static Rng derive(quint64 seed, quint64 stream, quint64 index = 0)
    {
        quint64 x = seed ^ (stream * 0x9E3779B97F4A7C15ull);
        quint64 a = splitmix(x);
        x ^= index * 0xD1B54A32D192ED03ull;
        quint64 b = splitmix(x);
        return Rng(a ^ (b << 1) ^ index);
    }

    void reseed(quint64 seed)
    {
        quint64 x = seed;
        for (auto &w : m_s)
            w = splitmix(x);
        m_haveSpare = false;
    }

    static quint64 splitmix(quint64 &x)
    {
        quint64 z = (x += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    quint64 operator()() { return next(); }

    quint64 next()
    {
        const quint64 result = rotl(m_s[1] * 5, 7) * 9;
        const quint64 t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    // [0, 1) with 53 random bits.
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    double uniform(double a, double b) { return a + (b - a) * uniform(); }

    // Integer in [lo, hi] (inclusive), by multiply-shift (no modulo bias worth speaking of).
    qint64 range(qint64 lo, qint64 hi)
    {
        if (hi <= lo)
            return lo;
        const unsigned __int128 span = (unsigned __int128)(quint64)(hi - lo) + 1;
        return lo + qint64(((unsigned __int128)next() * span) >> 64);
    }
    int index(std::size_t n) { return n == 0 ? 0 : int(range(0, qint64(n) - 1)); }

    bool chance(double p) { return uniform() < p; }

    // Standard normal by Marsaglia's polar method (needs only log and sqrt).
    double normal()
    {
        if (m_haveSpare) {
            m_haveSpare = false;
            return m_spare;
        }
        double u, v, s;
        do {
            u = uniform() * 2.0 - 1.0;
            v = uniform() * 2.0 - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        const double f = std::sqrt(-2.0 * std::log(s) / s);
        m_spare = v * f;
        m_haveSpare = true;
        return u * f;
    }
    double normal(double mean, double sd) { return mean + sd * normal(); }
    // Lognormal given its median and the sigma of its log.
    double lognormal(double median, double sigma) { return median * std::exp(sigma * normal()); }

    template <typename C>
    const auto &pick(const C &c)
    {
        return c[index(std::size(c))];
    }

    // Index drawn with the given non-negative weights.
    int weighted(const std::vector<double> &w)
    {
        double total = 0;
        for (double x : w)
            total += x;
        double r = uniform() * total;
        for (std::size_t i = 0; i < w.size(); ++i) {
            r -= w[i];
            if (r < 0)
                return int(i);
        }
        return int(w.size()) - 1;
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    quint64 m_s[4];
    double m_spare = 0;
    bool m_haveSpare = false;
};

} // namespace cockpit::demo

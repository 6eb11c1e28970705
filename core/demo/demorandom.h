// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <array>
#include <vector>

namespace Vitrine {

/**
 * The demo generator's random numbers: xoshiro256** seeded through splitmix64. The standard
 * library's distributions differ between implementations, so every distribution is written out
 * here and only uses IEEE arithmetic with log/exp/pow/sqrt; the same seed gives the same numbers
 * on every platform.
 */
class DemoRandom
{
public:
    /** The parts of the catalog that each draw from their own generators. */
    enum Stream : quint64
    {
        Vocabulary = 1, ///< which brands lead, brand price tiers, the order of article titles
        Items = 2,
        People = 3, ///< one generator per person
        Events = 4, ///< one generator per person
    };

    explicit DemoRandom(quint64 seed);

    /** An independent generator for one part of the catalog, e.g. (People, person 17). */
    static DemoRandom stream(quint64 seed, quint64 stream, quint64 index);

    quint64 next()
    {
        const quint64 result = rotl(m_state[1] * 5, 7) * 9;
        const quint64 t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    double uniform() { return double(next() >> 11) * 0x1.0p-53; } // [0, 1)
    double uniformOpen() { return (double(next() >> 11) + 0.5) * 0x1.0p-53; } // (0, 1)
    bool chance(double p) { return uniform() < p; }
    /** [0, n) for 0 < n < 2^31. */
    int below(int n) { return int(((next() >> 32) * quint64(n)) >> 32); }
    /** [low, high], both included. */
    qint64 between(qint64 low, qint64 high)
    {
        return high <= low ? low : low + qint64(next() % quint64(high - low + 1));
    }

    /** Standard normal, by Marsaglia's polar method; every second call returns the spare. */
    double normal();
    double logNormal(double mu, double sigma);
    double exponential(double mean);
    /** Marsaglia and Tsang's method; shapes below 1 are boosted and scaled back. */
    double gamma(double shape);

    /** An index with probability proportional to its weight; -1 when all are zero. */
    int pick(const double *weights, int count);
    int pick(const std::vector<double> &weights) { return pick(weights.data(), int(weights.size())); }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }

    std::array<quint64, 4> m_state {};
    double m_spare = 0;
    bool m_hasSpare = false;
};

} // namespace Vitrine

// SPDX-License-Identifier: GPL-3.0-or-later
#include "demorandom.h"

#include <cmath>

namespace Vitrine {

namespace {

quint64 splitMix(quint64 &x)
{
    quint64 z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

} // namespace

DemoRandom::DemoRandom(quint64 seed)
{
    for (quint64 &word : m_state)
        word = splitMix(seed);
}

DemoRandom DemoRandom::stream(quint64 seed, quint64 stream, quint64 index)
{
    quint64 key = seed ^ 0x5654524E44454D4FULL;
    key = splitMix(key) ^ (stream * 0xD1B54A32D192ED03ULL);
    key = splitMix(key) ^ (index * 0x9E3779B97F4A7C15ULL);
    return DemoRandom(splitMix(key));
}

double DemoRandom::normal()
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spare;
    }
    double u, v, s;
    do {
        u = 2 * uniform() - 1;
        v = 2 * uniform() - 1;
        s = u * u + v * v;
    } while (s >= 1 || s == 0);
    const double factor = std::sqrt(-2 * std::log(s) / s);
    m_spare = v * factor;
    m_hasSpare = true;
    return u * factor;
}

double DemoRandom::logNormal(double mu, double sigma)
{
    return std::exp(mu + sigma * normal());
}

double DemoRandom::exponential(double mean)
{
    return -mean * std::log(uniformOpen());
}

double DemoRandom::gamma(double shape)
{
    if (shape < 1) {
        // Two statements: the order of the draws must not be left to the compiler.
        const double boosted = gamma(shape + 1);
        return boosted * std::pow(uniformOpen(), 1 / shape);
    }
    const double d = shape - 1.0 / 3, c = 1 / std::sqrt(9 * d);
    for (;;) {
        double x, v;
        do {
            x = normal();
            v = 1 + c * x;
        } while (v <= 0);
        v = v * v * v;
        const double u = uniformOpen();
        if (u < 1 - 0.0331 * x * x * x * x || std::log(u) < 0.5 * x * x + d * (1 - v + std::log(v)))
            return d * v;
    }
}

int DemoRandom::pick(const double *weights, int count)
{
    double total = 0;
    for (int i = 0; i < count; ++i)
        total += weights[i];
    if (total <= 0)
        return -1;
    double x = uniform() * total;
    int last = -1;
    for (int i = 0; i < count; ++i) {
        if (weights[i] <= 0)
            continue;
        last = i;
        x -= weights[i];
        if (x < 0)
            return i;
    }
    return last;
}

} // namespace Vitrine

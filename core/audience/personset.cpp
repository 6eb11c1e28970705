// SPDX-License-Identifier: GPL-3.0-or-later
#include "personset.h"

#include <algorithm>

namespace Vitrine {

PersonSet::PersonSet(int size, bool filled)
    : m_size(std::max(0, size))
    , m_words((size_t(m_size) + 63) / 64, filled ? ~quint64(0) : quint64(0))
{
    clearTail();
}

PersonSet PersonSet::fromList(int size, const std::vector<int> &people)
{
    PersonSet set(size);
    for (int person : people) {
        if (person >= 0 && person < size)
            set.insert(person);
    }
    return set;
}

void PersonSet::clearTail()
{
    if (m_size % 64 && !m_words.empty())
        m_words.back() &= (quint64(1) << (m_size % 64)) - 1;
}

int PersonSet::count() const
{
    int total = 0;
    for (quint64 word : m_words)
        total += std::popcount(word);
    return total;
}

PersonSet &PersonSet::operator&=(const PersonSet &other)
{
    const size_t n = std::min(m_words.size(), other.m_words.size());
    for (size_t i = 0; i < n; ++i)
        m_words[i] &= other.m_words[i];
    std::fill(m_words.begin() + qsizetype(n), m_words.end(), 0);
    return *this;
}

PersonSet &PersonSet::operator|=(const PersonSet &other)
{
    const size_t n = std::min(m_words.size(), other.m_words.size());
    for (size_t i = 0; i < n; ++i)
        m_words[i] |= other.m_words[i];
    return *this;
}

PersonSet &PersonSet::operator-=(const PersonSet &other)
{
    const size_t n = std::min(m_words.size(), other.m_words.size());
    for (size_t i = 0; i < n; ++i)
        m_words[i] &= ~other.m_words[i];
    return *this;
}

PersonSet PersonSet::complement() const
{
    PersonSet result(*this);
    for (quint64 &word : result.m_words)
        word = ~word;
    result.clearTail();
    return result;
}

int PersonSet::intersectionCount(const PersonSet &other) const
{
    int total = 0;
    const size_t n = std::min(m_words.size(), other.m_words.size());
    for (size_t i = 0; i < n; ++i)
        total += std::popcount(m_words[i] & other.m_words[i]);
    return total;
}

std::vector<int> PersonSet::toList() const
{
    std::vector<int> list;
    list.reserve(size_t(count()));
    forEach([&list](int person) { list.push_back(person); });
    return list;
}

} // namespace Vitrine

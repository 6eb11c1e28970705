// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <bit>
#include <vector>

namespace Vitrine {

/**
 * A set of people of one snapshot, as a bitset over their dense indexes (0..size-1). Segments
 * are evaluated into these: a million people take 125 KB, and and/or/not run a word at a time.
 *
 * Bits past size() are always zero, so count() and comparisons need no masking.
 */
class PersonSet
{
public:
    PersonSet() = default;
    explicit PersonSet(int size, bool filled = false);
    static PersonSet fromList(int size, const std::vector<int> &people);

    int size() const { return m_size; }
    bool contains(int person) const { return (m_words[size_t(person) >> 6] >> (person & 63)) & 1u; }
    void insert(int person) { m_words[size_t(person) >> 6] |= quint64(1) << (person & 63); }
    void remove(int person) { m_words[size_t(person) >> 6] &= ~(quint64(1) << (person & 63)); }
    int count() const;
    bool isEmpty() const { return count() == 0; }

    PersonSet &operator&=(const PersonSet &other);
    PersonSet &operator|=(const PersonSet &other);
    /** Removes the people of `other`. */
    PersonSet &operator-=(const PersonSet &other);
    /** Everybody of the snapshot who is not in this set. */
    PersonSet complement() const;
    /** |this ∩ other| without building the intersection. */
    int intersectionCount(const PersonSet &other) const;
    bool operator==(const PersonSet &other) const = default;

    /** The members' indexes in increasing order. */
    std::vector<int> toList() const;

    /** Calls f(person) for each member in increasing order. */
    template<typename F> void forEach(F &&f) const
    {
        for (size_t w = 0; w < m_words.size(); ++w) {
            for (quint64 bits = m_words[w]; bits; bits &= bits - 1)
                f(int(w * 64 + size_t(std::countr_zero(bits))));
        }
    }

    /** The words, 64 people each: for passes that write whole words from several threads. */
    size_t wordCount() const { return m_words.size(); }
    quint64 word(size_t index) const { return m_words[index]; }
    void setWord(size_t index, quint64 bits) { m_words[index] = bits; }

private:
    void clearTail();

    int m_size = 0;
    std::vector<quint64> m_words;
};

} // namespace Vitrine

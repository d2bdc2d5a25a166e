#pragma once
// Fast "does this name match what the user typed" for large customer tables: a query is
// compiled once per keystroke, then each stored text is checked in one linear pass.
#include <QString>
#include <QStringList>
#include <QStringView>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cockpit {

// A compiled query, built once per keystroke.
class PinyinQuery
{
public:
    explicit PinyinQuery(QStringView query); // trims, case-folds, ignores spaces for pinyin matching
    bool isEmpty() const;
    QString text() const; // the trimmed, case-folded query

private:
    friend class PinyinIndex;
    std::uint64_t literalMask(char32_t c) const;

    QString m_text;
    std::vector<char32_t> m_literal; // folded code points of m_text (rule 1: substring)
    int m_len = 0;                   // pinyin query length (spaces removed); 0 = substring only
    // m_sylMasks[p * syllableCount + s]: bit e set when query[p, e) is a non-empty prefix of s.
    std::vector<std::uint64_t> m_sylMasks;
    // Bit p set when query[p] equals the character (literal matching, shift-and style).
    std::array<std::uint64_t, 128> m_asciiMasks{};
    std::vector<std::pair<char32_t, std::uint64_t>> m_otherMasks; // non-ASCII query chars
};

// Many texts (a name plus optional aliases each) stored compactly: one contiguous array of
// case-folded code points plus one [begin, end) pair per text; no per-text heap objects.
class PinyinIndex
{
public:
    int add(QStringView name, const QStringList &aliases = {}); // returns index 0,1,2,...
    void set(int i, QStringView name, const QStringList &aliases = {}); // replace (edits); may append internally
    int size() const;
    void reserve(int texts, int totalChars);
    void clear();
    bool matches(int i, const PinyinQuery &q) const;
    // How well text i matches, for ranking hits: the whole name or an alias (博世 by "bs",
    // "boshi", "bosch" or "博世"), the start of one ("bo" or "博"), anywhere, or not at all.
    enum class Match { None, Anywhere, Prefix, Whole };
    Match matchKind(int i, const PinyinQuery &q) const;
    void matchAll(const PinyinQuery &q, std::vector<char> &out) const; // out.size()==size(), 1 = match
    std::size_t memoryBytes() const;

private:
    struct Span
    {
        std::uint32_t begin, end;
    };
    Span append(QStringView name, const QStringList &aliases);
    void compact();
    bool matchPinyin(const char32_t *b, const char32_t *e, const PinyinQuery &q) const;
    Match anchoredMatch(const char32_t *b, const char32_t *e, const PinyinQuery &q) const;

    std::vector<char32_t> m_chars; // name, separator, alias, separator, alias ...
    std::vector<Span> m_spans;
    std::size_t m_garbage = 0; // chars no span refers to any more (left behind by set())
};

} // namespace cockpit

#include "pinyin/pinyinindex.h"

#include "pinyin/pinyin.h"
#include "pinyin_table.h"

#include <algorithm>
#include <bit>

namespace cockpit {

namespace {

// Between a name and its aliases: not a code point, so no query can match across it.
constexpr char32_t kSeparator = 0x110000;

// One folding for stored texts and queries alike: case-folded, full-width ASCII (common in
// Chinese input) to ASCII, and ü to v as pinyin is typed on a keyboard.
char32_t fold(char32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    if (c >= 0xFF01 && c <= 0xFF5E)
        return fold(c - 0xFEE0);
    if (c == 0x3000)
        return ' ';
    if (c == U'ü' || c == U'Ü')
        return 'v';
    return QChar::toCaseFolded(c);
}

template<typename F>
void forEachFolded(QStringView text, F &&f)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < n && text[i + 1].isLowSurrogate())
            c = QChar::surrogateToUcs4(char16_t(c), text[++i].unicode());
        f(fold(c));
    }
}

bool isAsciiAlnum(char32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); // text is already folded
}

} // namespace

// ---------------------------------------------------------------------------------------

PinyinQuery::PinyinQuery(QStringView query)
    : m_text(query.trimmed().toString().toCaseFolded())
{
    std::vector<char32_t> chars; // pinyin query: spaces removed
    forEachFolded(m_text, [&](char32_t c) {
        m_literal.push_back(c);
        if (!QChar::isSpace(c))
            chars.push_back(c);
    });
    // Bit positions 0..m must fit a uint64; longer queries only do substring matching.
    if (chars.empty() || chars.size() > 63)
        return;
    m_len = int(chars.size());

    for (int p = 0; p < m_len; ++p) {
        const std::uint64_t bit = std::uint64_t(1) << p;
        if (chars[p] < 0x80) {
            m_asciiMasks[chars[p]] |= bit;
            continue;
        }
        auto it = std::find_if(m_otherMasks.begin(), m_otherMasks.end(),
                               [&](const auto &e) { return e.first == chars[p]; });
        if (it == m_otherMasks.end())
            m_otherMasks.emplace_back(chars[p], bit);
        else
            it->second |= bit;
    }

    const int sylCount = pinyin::syllableCount();
    m_sylMasks.assign(std::size_t(m_len) * sylCount, 0);
    for (int s = 0; s < sylCount; ++s) {
        const QLatin1String syl = pinyin::syllable(std::uint16_t(s));
        for (int p = 0; p < m_len; ++p) {
            std::uint64_t mask = 0;
            for (int k = 0; k < syl.size() && p + k < m_len
                 && chars[p + k] == char32_t(uchar(syl[k].toLatin1()));
                 ++k)
                mask |= std::uint64_t(1) << (p + k + 1);
            m_sylMasks[std::size_t(p) * sylCount + s] = mask;
        }
    }
}

bool PinyinQuery::isEmpty() const
{
    return m_literal.empty();
}

QString PinyinQuery::text() const
{
    return m_text;
}

std::uint64_t PinyinQuery::literalMask(char32_t c) const
{
    if (c < 0x80)
        return m_asciiMasks[c];
    for (const auto &[qc, mask] : m_otherMasks) {
        if (qc == c)
            return mask;
    }
    return 0;
}

// ---------------------------------------------------------------------------------------

PinyinIndex::Span PinyinIndex::append(QStringView name, const QStringList &aliases)
{
    const auto begin = std::uint32_t(m_chars.size());
    forEachFolded(name, [&](char32_t c) { m_chars.push_back(c); });
    for (const QString &alias : aliases) {
        if (alias.isEmpty())
            continue;
        m_chars.push_back(kSeparator);
        forEachFolded(alias, [&](char32_t c) { m_chars.push_back(c); });
    }
    return {begin, std::uint32_t(m_chars.size())};
}

int PinyinIndex::add(QStringView name, const QStringList &aliases)
{
    m_spans.push_back(append(name, aliases));
    return int(m_spans.size()) - 1;
}

void PinyinIndex::set(int i, QStringView name, const QStringList &aliases)
{
    Q_ASSERT(i >= 0 && i < size());
    const Span old = m_spans[std::size_t(i)];
    const Span fresh = append(name, aliases);
    const std::uint32_t len = fresh.end - fresh.begin;
    if (len <= old.end - old.begin) {
        // Fits where the old text was: move it back and drop the appended copy.
        std::copy(m_chars.begin() + fresh.begin, m_chars.end(), m_chars.begin() + old.begin);
        m_chars.resize(fresh.begin);
        m_spans[std::size_t(i)] = {old.begin, old.begin + len};
        m_garbage += (old.end - old.begin) - len;
    } else {
        m_spans[std::size_t(i)] = fresh;
        m_garbage += old.end - old.begin;
    }
    // Many edits would otherwise grow the array without bound.
    if (m_garbage > 4096 && m_garbage > m_chars.size() / 2)
        compact();
}

void PinyinIndex::compact()
{
    std::vector<char32_t> chars;
    chars.reserve(m_chars.size() - m_garbage);
    for (Span &s : m_spans) {
        const auto begin = std::uint32_t(chars.size());
        chars.insert(chars.end(), m_chars.begin() + s.begin, m_chars.begin() + s.end);
        s = {begin, std::uint32_t(chars.size())};
    }
    m_chars = std::move(chars);
    m_garbage = 0;
}

int PinyinIndex::size() const
{
    return int(m_spans.size());
}

void PinyinIndex::reserve(int texts, int totalChars)
{
    m_spans.reserve(std::size_t(std::max(texts, 0)));
    m_chars.reserve(std::size_t(std::max(totalChars, 0)));
}

void PinyinIndex::clear()
{
    m_chars.clear();
    m_spans.clear();
    m_garbage = 0;
}

// One pass over the text with a bitset of query positions reachable by a run of consecutive
// characters ending here (bit 0 always: a run may start anywhere). A CJK character advances
// by any prefix of any of its readings, any character by itself literally; spaces and
// punctuation may also be skipped, so "bosch gmbh" and "博世(中国)" match without them.
namespace {
// One step of the walk below: the query positions reachable after character c.
inline std::uint64_t advance(std::uint64_t state, char32_t c, std::uint64_t literal, const std::uint64_t *sylMasks,
                             std::uint64_t rows)
{
    const std::size_t stride = std::size_t(pinyin::detail::kSyllableCount);
    std::uint64_t next = (state & literal) << 1;
    if (const int idx = pinyin::detail::tableIndex(c); idx >= 0) {
        const std::uint16_t *ids = pinyin::detail::kReadingIds;
        const std::uint32_t rb = pinyin::detail::kReadingOffsets[idx];
        const std::uint32_t re = pinyin::detail::kReadingOffsets[idx + 1];
        // Only positions inside the query start a syllable (the goal bit, which the anchored
        // walk carries along, has no row).
        for (std::uint64_t bits = state & rows; bits; bits &= bits - 1) {
            const std::uint64_t *row = sylMasks + std::size_t(std::countr_zero(bits)) * stride;
            for (std::uint32_t r = rb; r < re; ++r)
                next |= row[ids[r]];
        }
    } else if (c < 0x80 ? !isAsciiAlnum(c) : !QChar::isLetterOrNumber(c)) {
        next |= state;
    }
    return next;
}
} // namespace

bool PinyinIndex::matchPinyin(const char32_t *b, const char32_t *e, const PinyinQuery &q) const
{
    const std::uint64_t goal = std::uint64_t(1) << q.m_len;
    const std::uint64_t *sylMasks = q.m_sylMasks.data();
    std::uint64_t state = 1;
    for (; b != e; ++b) {
        const char32_t c = *b;
        if (c == kSeparator) {
            state = 1;
            continue;
        }
        const std::uint64_t next = advance(state, c, q.literalMask(c), sylMasks, goal - 1);
        if (next & goal)
            return true;
        state = next | 1;
    }
    return false;
}

// As matchPinyin, but every run starts at the beginning of the name or of an alias: Whole
// when the query ends where that text ends (trailing punctuation skipped), Prefix when it
// ends earlier.
PinyinIndex::Match PinyinIndex::anchoredMatch(const char32_t *b, const char32_t *e, const PinyinQuery &q) const
{
    const std::uint64_t goal = std::uint64_t(1) << q.m_len;
    const std::uint64_t *sylMasks = q.m_sylMasks.data();
    Match best = Match::None;
    std::uint64_t state = 1;
    bool prefix = false;
    auto endOfText = [&] {
        if (state & goal)
            best = Match::Whole;
        else if (prefix && best == Match::None)
            best = Match::Prefix;
        state = 1;
        prefix = false;
    };
    for (; b != e && best != Match::Whole; ++b) {
        const char32_t c = *b;
        if (c == kSeparator) {
            endOfText();
            continue;
        }
        if (!state)
            continue; // this text cannot match from its start any more
        state = advance(state, c, q.literalMask(c), sylMasks, goal - 1);
        prefix = prefix || (state & goal);
    }
    if (best != Match::Whole)
        endOfText();
    return best;
}

PinyinIndex::Match PinyinIndex::matchKind(int i, const PinyinQuery &q) const
{
    if (q.isEmpty() || !matches(i, q))
        return Match::None;
    if (q.m_len == 0)
        return Match::Anywhere; // substring-only queries (over 63 characters) are not ranked
    const Span s = m_spans[std::size_t(i)];
    const Match anchored = anchoredMatch(m_chars.data() + s.begin, m_chars.data() + s.end, q);
    return anchored == Match::None ? Match::Anywhere : anchored;
}

bool PinyinIndex::matches(int i, const PinyinQuery &q) const
{
    Q_ASSERT(i >= 0 && i < size());
    if (q.isEmpty())
        return true;
    const Span s = m_spans[std::size_t(i)];
    const char32_t *b = m_chars.data() + s.begin, *e = m_chars.data() + s.end;
    // Skipping spaces/punctuation and literal steps make rule 2 a superset of plain
    // substring matching, so the substring search is only needed when rule 2 is off.
    if (q.m_len > 0)
        return matchPinyin(b, e, q);
    return std::search(b, e, q.m_literal.begin(), q.m_literal.end()) != e;
}

void PinyinIndex::matchAll(const PinyinQuery &q, std::vector<char> &out) const
{
    out.resize(m_spans.size());
    for (std::size_t i = 0; i < m_spans.size(); ++i)
        out[i] = matches(int(i), q) ? 1 : 0;
}

std::size_t PinyinIndex::memoryBytes() const
{
    return sizeof(*this) + m_chars.capacity() * sizeof(char32_t)
        + m_spans.capacity() * sizeof(Span);
}

} // namespace cockpit

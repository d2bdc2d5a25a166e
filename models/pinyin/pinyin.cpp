#include "pinyin/pinyin.h"

#include "pinyin_table.h"

namespace cockpit::pinyin {

namespace {

// Iterates the code points of UTF-16 text; lone surrogates come out as themselves.
template<typename F>
void forEachCodePoint(QStringView text, F &&f)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < n && text[i + 1].isLowSurrogate())
            c = QChar::surrogateToUcs4(char16_t(c), text[++i].unicode());
        f(c);
    }
}

void appendCodePoint(QString &out, char32_t c)
{
    if (QChar::requiresSurrogates(c)) {
        out += QChar(QChar::highSurrogate(c));
        out += QChar(QChar::lowSurrogate(c));
    } else {
        out += QChar(char16_t(c));
    }
}

// Lower-cased letter or digit to keep, or 0 to drop (spaces, punctuation, symbols).
char32_t keptChar(char32_t c)
{
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            return c;
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : 0;
    }
    return QChar::isLetterOrNumber(c) ? QChar::toLower(c) : 0;
}

} // namespace

std::span<const std::uint16_t> readings(char32_t cp)
{
    const int idx = detail::tableIndex(cp);
    if (idx < 0)
        return {};
    const std::uint32_t b = detail::kReadingOffsets[idx], e = detail::kReadingOffsets[idx + 1];
    return {detail::kReadingIds + b, detail::kReadingIds + e};
}

QLatin1String syllable(std::uint16_t id)
{
    if (id >= detail::kSyllableCount)
        return {};
    const std::uint16_t b = detail::kSyllableOffsets[id], e = detail::kSyllableOffsets[id + 1];
    return QLatin1String(detail::kSyllableChars + b, qsizetype(e - b));
}

int syllableCount()
{
    return detail::kSyllableCount;
}

QString full(QStringView text)
{
    QString out;
    out.reserve(text.size() * 4);
    forEachCodePoint(text, [&](char32_t c) {
        if (const auto r = readings(c); !r.empty())
            out += syllable(r.front());
        else if (const char32_t k = keptChar(c))
            appendCodePoint(out, k);
    });
    return out;
}

QString initials(QStringView text)
{
    QString out;
    out.reserve(text.size());
    forEachCodePoint(text, [&](char32_t c) {
        if (const auto r = readings(c); !r.empty())
            out += syllable(r.front()).front();
        else if (const char32_t k = keptChar(c))
            appendCodePoint(out, k);
    });
    return out;
}

QString sortKey(QStringView text)
{
    constexpr QChar kTokenEnd(0x0002), kTieBreak(0x0001);
    QString out;
    out.reserve(text.size() * 5 + 1);
    bool inRun = false; // inside a run of non-CJK letters/digits
    forEachCodePoint(text, [&](char32_t c) {
        const auto r = readings(c);
        const char32_t k = r.empty() ? keptChar(c) : 0;
        if (inRun && !k) {
            out += kTokenEnd;
            inRun = false;
        }
        if (!r.empty()) {
            out += syllable(r.front());
            out += kTokenEnd;
        } else if (k) {
            appendCodePoint(out, k);
            inRun = true;
        }
    });
    if (inRun)
        out += kTokenEnd;
    out += kTieBreak;
    out += text;
    return out;
}

} // namespace cockpit::pinyin

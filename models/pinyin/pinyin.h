#pragma once
// Pinyin readings of Chinese characters, from a table generated at build time out of
// Unihan_Readings.txt (unicode-data). Covers the BMP CJK Unified Ideographs
// U+3400..U+4DBF and U+4E00..U+9FFF; syllables are toneless ASCII with ü written "v".
#include <QLatin1String>
#include <QString>
#include <QStringView>
#include <cstdint>
#include <span>

namespace cockpit::pinyin {

// Toneless syllable ids of a code point, most common (kMandarin) first; empty for non-CJK / unknown.
std::span<const std::uint16_t> readings(char32_t cp);
QLatin1String syllable(std::uint16_t id); // e.g. "zhong"; empty for an out-of-range id
int syllableCount();

// 博世 → "boshi"; 重庆 → "zhongqing" (first reading); letters/digits kept lower-cased;
// spaces/punctuation dropped. CJK characters without a reading are kept as they are.
QString full(QStringView text);
// 博世 → "bs"; ASCII letters/digits kept lower-cased ("ABC科技" → "abckj").
QString initials(QStringView text);
// Key for ordering names by pinyin with plain QString comparison. Each CJK character and
// each run of other letters/digits becomes one lower-case token followed by U+0002 (which
// sorts below every letter, so 西安 "xi an" < 先 "xian"), then U+0001 and the original
// text, so names with the same pinyin still get a stable, distinct order.
QString sortKey(QStringView text);

} // namespace cockpit::pinyin

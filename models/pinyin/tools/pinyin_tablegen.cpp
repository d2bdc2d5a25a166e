// Build-time generator: reads the decompressed Unihan_Readings.txt and writes a compact
// pinyin table (pinyin_table.h / pinyin_table.cpp) for the BMP CJK Unified Ideographs.
// Plain C++ on purpose: it runs on the build host before any Qt library exists.
//
// Usage: pinyin_tablegen <Unihan_Readings.txt> <out.h> <out.cpp>
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

// The two BMP blocks we cover; table index = position in the concatenation of both.
constexpr char32_t kExtABegin = 0x3400, kExtAEnd = 0x4DBF;
constexpr char32_t kUrBegin = 0x4E00, kUrEnd = 0x9FFF;
constexpr std::size_t kExtASize = kExtAEnd - kExtABegin + 1;
constexpr std::size_t kTableSize = kExtASize + (kUrEnd - kUrBegin + 1);
constexpr std::size_t kMaxReadings = 6;

int tableIndex(char32_t cp)
{
    if (cp >= kExtABegin && cp <= kExtAEnd)
        return int(cp - kExtABegin);
    if (cp >= kUrBegin && cp <= kUrEnd)
        return int(kExtASize + (cp - kUrBegin));
    return -1;
}

// Source fields in the order their readings are appended after kMandarin. kHanyuPinlu is
// frequency-ordered and the two modern dictionaries list current readings, so they come
// before kHanyuPinyin, which also lists rare classical readings; this matters for the cap.
enum Field { Mandarin, Pinlu, Tghz, Xhc, HanyuPinyin, FieldCount };

std::vector<char32_t> decodeUtf8(const std::string &s, bool &ok)
{
    std::vector<char32_t> out;
    ok = true;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = s[i];
        int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
        if (n < 0 || i + n >= s.size()) {
            ok = false;
            return out;
        }
        char32_t cp = n == 0 ? c : (c & (0x3F >> n));
        for (int k = 1; k <= n; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += n + 1;
    }
    return out;
}

// Toneless ASCII spelling of one pinyin reading: tone marks go, ü becomes v, and the
// rare syllabic consonants (ḿ, ń, ň, ǹ, m̀) and ê (with or without a tone) map to m/n/e.
// Returns false for any character we do not know, so a new Unicode release with new
// spellings fails the build loudly instead of producing silently wrong syllables.
bool toneless(const std::string &reading, std::string &out, char32_t &bad)
{
    static const std::map<char32_t, char> kMap = [] {
        std::map<char32_t, char> m;
        auto add = [&](const char32_t *cps, char to) {
            for (; *cps; ++cps)
                m[*cps] = to;
        };
        add(U"āáǎà", 'a');
        add(U"ēéěèêếềḗḕ", 'e');
        add(U"īíǐì", 'i');
        add(U"ōóǒò", 'o');
        add(U"ūúǔù", 'u');
        add(U"üǖǘǚǜ", 'v');
        add(U"ḿ", 'm');
        add(U"ńňǹ", 'n');
        return m;
    }();
    out.clear();
    bool ok = true;
    const std::vector<char32_t> cps = decodeUtf8(reading, ok);
    if (!ok) {
        bad = 0xFFFD;
        return false;
    }
    for (char32_t cp : cps) {
        if (cp >= 'a' && cp <= 'z') {
            out += char(cp);
        } else if (cp >= 'A' && cp <= 'Z') {
            out += char(cp - 'A' + 'a');
        } else if (cp >= 0x300 && cp <= 0x36F) {
            continue; // combining tone mark (e.g. ê̄ = ê + U+0304, m̀ = m + U+0300)
        } else if (auto it = kMap.find(cp); it != kMap.end()) {
            out += it->second;
        } else {
            bad = cp;
            return false;
        }
    }
    return !out.empty();
}

// Splits a field value into bare readings: drops "location:" prefixes (kHanyuPinyin,
// kXHC1983, kTGHZ2013) and "(frequency)" suffixes (kHanyuPinlu), splits on ',' and ' '.
std::vector<std::string> splitReadings(const std::string &value)
{
    std::vector<std::string> out;
    std::istringstream words(value);
    std::string word;
    while (words >> word) {
        if (auto colon = word.rfind(':'); colon != std::string::npos)
            word.erase(0, colon + 1);
        if (auto paren = word.find('('); paren != std::string::npos)
            word.erase(paren);
        std::size_t start = 0;
        while (start <= word.size()) {
            std::size_t comma = word.find(',', start);
            if (comma == std::string::npos)
                comma = word.size();
            if (comma > start)
                out.push_back(word.substr(start, comma - start));
            start = comma + 1;
        }
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 4) {
        std::cerr << "usage: pinyin_tablegen <Unihan_Readings.txt> <out.h> <out.cpp>\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << "pinyin_tablegen: cannot read " << argv[1] << '\n';
        return 1;
    }
    const std::map<std::string, Field> kFields = {{"kMandarin", Mandarin},
        {"kHanyuPinlu", Pinlu}, {"kTGHZ2013", Tghz}, {"kXHC1983", Xhc},
        {"kHanyuPinyin", HanyuPinyin}};

    // raw[index][field] = toneless readings in source order
    std::vector<std::array<std::vector<std::string>, FieldCount>> raw(kTableSize);
    std::string line, unicodeVersion = "?";
    int badCount = 0;
    while (std::getline(in, line)) {
        if (line.rfind("# Unicode version:", 0) == 0)
            unicodeVersion = line.substr(19);
        if (line.empty() || line[0] == '#')
            continue;
        const auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
        if (line.rfind("U+", 0) != 0 || t1 == std::string::npos || t2 == std::string::npos)
            continue;
        const auto field = kFields.find(line.substr(t1 + 1, t2 - t1 - 1));
        if (field == kFields.end())
            continue;
        const int idx = tableIndex(char32_t(std::stoul(line.substr(2, t1 - 2), nullptr, 16)));
        if (idx < 0)
            continue;
        for (const std::string &r : splitReadings(line.substr(t2 + 1))) {
            std::string plain;
            char32_t bad = 0;
            if (!toneless(r, plain, bad)) {
                std::cerr << "pinyin_tablegen: unknown letter U+" << std::hex << unsigned(bad)
                          << std::dec << " in reading '" << r << "' (" << line << ")\n";
                ++badCount;
                continue;
            }
            raw[idx][field->second].push_back(plain);
        }
    }
    if (badCount) {
        std::cerr << "pinyin_tablegen: " << badCount << " unconvertible readings; extend toneless()\n";
        return 1;
    }

    // Merge per character: kMandarin first, then the others, deduplicated, capped.
    std::vector<std::vector<std::string>> merged(kTableSize);
    std::set<std::string> syllables;
    std::size_t unread = 0, unreadUrBlock = 0, capped = 0;
    for (std::size_t i = 0; i < kTableSize; ++i) {
        auto &list = merged[i];
        std::size_t total = 0;
        for (const auto &fieldReadings : raw[i]) {
            for (const std::string &r : fieldReadings) {
                if (std::find(list.begin(), list.end(), r) != list.end())
                    continue;
                ++total;
                if (list.size() < kMaxReadings)
                    list.push_back(r);
            }
        }
        capped += total > kMaxReadings;
        if (list.empty()) {
            ++unread;
            unreadUrBlock += i >= kExtASize;
        }
        syllables.insert(list.begin(), list.end());
    }
    const std::vector<std::string> sylList(syllables.begin(), syllables.end());
    std::map<std::string, std::uint16_t> sylId;
    for (std::size_t i = 0; i < sylList.size(); ++i)
        sylId[sylList[i]] = std::uint16_t(i);

    std::ofstream h(argv[2]), cpp(argv[3]);
    if (!h || !cpp) {
        std::cerr << "pinyin_tablegen: cannot write output\n";
        return 1;
    }
    const char *banner = "// Generated by pinyin_tablegen from Unihan_Readings.txt. Do not edit.\n";
    h << banner << "#pragma once\n#include <cstdint>\n\nnamespace cockpit::pinyin::detail {\n\n"
      << "inline constexpr int kSyllableCount = " << sylList.size() << ";\n"
      << "inline constexpr int kTableSize = " << kTableSize << ";\n"
      << "inline constexpr int kUnreadCodePoints = " << unread << ";\n\n"
      << "extern const char kSyllableChars[];               // all syllables back to back\n"
      << "extern const std::uint16_t kSyllableOffsets[];    // kSyllableCount + 1\n"
      << "extern const std::uint32_t kReadingOffsets[];     // kTableSize + 1\n"
      << "extern const std::uint16_t kReadingIds[];\n\n"
      << "// U+3400..U+4DBF then U+4E00..U+9FFF; -1 for anything else.\n"
      << "inline int tableIndex(char32_t cp)\n{\n"
      << "    if (cp >= 0x4E00 && cp <= 0x9FFF)\n        return int(cp - 0x4E00) + " << kExtASize
      << ";\n    if (cp >= 0x3400 && cp <= 0x4DBF)\n        return int(cp - 0x3400);\n"
      << "    return -1;\n}\n\n} // namespace cockpit::pinyin::detail\n";

    cpp << banner << "// Unicode " << unicodeVersion << ": " << sylList.size() << " toneless syllables; "
        << kTableSize << " code points (U+3400-U+4DBF, U+4E00-U+9FFF).\n"
        << "// " << unread << " code points have no reading (" << unreadUrBlock
        << " of them in U+4E00-U+9FFF); " << capped << " had more than " << kMaxReadings
        << " readings and were capped.\n"
        << "#include \"pinyin_table.h\"\n\nnamespace cockpit::pinyin::detail {\n\n"
        << "extern const char kSyllableChars[] =";
    std::vector<std::uint32_t> sylOffsets{0};
    std::string lineBuf;
    for (const std::string &s : sylList) {
        lineBuf += s;
        sylOffsets.push_back(sylOffsets.back() + std::uint32_t(s.size()));
        if (lineBuf.size() > 90) {
            cpp << "\n    \"" << lineBuf << '"';
            lineBuf.clear();
        }
    }
    cpp << "\n    \"" << lineBuf << "\";\n\n";

    auto writeInts = [&](const char *decl, const auto &values) {
        cpp << decl << " = {";
        for (std::size_t i = 0; i < values.size(); ++i)
            cpp << (i % 16 == 0 ? "\n    " : " ") << values[i] << ',';
        cpp << "\n};\n\n";
    };
    writeInts("extern const std::uint16_t kSyllableOffsets[]", sylOffsets);
    std::vector<std::uint32_t> offsets{0};
    std::vector<std::uint16_t> ids;
    for (const auto &list : merged) {
        for (const std::string &r : list)
            ids.push_back(sylId[r]);
        offsets.push_back(std::uint32_t(ids.size()));
    }
    writeInts("extern const std::uint32_t kReadingOffsets[]", offsets);
    writeInts("extern const std::uint16_t kReadingIds[]", ids);
    cpp << "} // namespace cockpit::pinyin::detail\n";
    std::cout << "pinyin_tablegen: " << sylList.size() << " syllables, " << ids.size()
              << " readings, " << unread << " code points without reading\n";
    return cpp.good() && h.good() ? 0 : 1;
}

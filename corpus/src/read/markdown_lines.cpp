// Markdown and text-export lines -> plain text (see markdown_lines.hpp).
// Every pass is linear in the line length: hostile input must not take quadratic time.
#include "read/markdown_lines.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <vector>

#include "quorum/corpus/text.hpp"
#include "quorum/text/utf8.hpp"

namespace quorum::corpus {
namespace {

using text::append_utf8;

// ---- Markdown inline ----------------------------------------------------------------

bool is_space_or_punct(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= ' ' || (u < 0x80 && std::ispunct(u) && c != '*' && c != '_');
}

// Removes paired emphasis markers ("**bold**", "*em*", "__x__", "_x_"); unpaired ones
// stay ("Councillor Fagan*" marks virtual attendance in minutes).
std::string strip_emphasis(const std::string& s, std::string_view marker, bool intraword_ok) {
    if (s.find(marker) == std::string::npos) return s;
    const std::size_t m = marker.size();
    std::vector<std::size_t> remove;  // start positions of paired markers
    std::size_t opener = std::string::npos;
    for (std::size_t i = 0; i + m <= s.size();) {
        if (s.compare(i, m, marker) != 0) {
            ++i;
            continue;
        }
        // Skip longer runs ("***") for the single marker.
        std::size_t run = i;
        while (run < s.size() && s[run] == marker[0]) ++run;
        if (run - i != m) {
            i = run;
            continue;
        }
        // A no-break space (C2 A0) counts as a space on either side.
        const bool nbsp_before = i >= 2 && s.compare(i - 2, 2, "\xC2\xA0") == 0;
        const bool nbsp_after = s.compare(i + m, 2, "\xC2\xA0") == 0;
        const char before = i == 0 || nbsp_before ? ' ' : s[i - 1];
        const char after = i + m >= s.size() || nbsp_after ? ' ' : s[i + m];
        const bool can_open = after != ' ' && after != '\t' && (intraword_ok || is_space_or_punct(before));
        const bool can_close = before != ' ' && before != '\t' && (intraword_ok || is_space_or_punct(after));
        if (can_close && opener != std::string::npos) {
            remove.push_back(opener);
            remove.push_back(i);
            opener = std::string::npos;
        } else if (can_open) {
            opener = i;
        }
        i += m;
    }
    if (remove.empty()) return s;
    std::sort(remove.begin(), remove.end());
    std::string out;
    out.reserve(s.size());
    std::size_t from = 0;
    for (const std::size_t r : remove) {
        out.append(s, from, r - from);
        from = r + m;
    }
    out.append(s, from, std::string::npos);
    return out;
}

// Backslash-escaped punctuation is parked in the private use area so emphasis and link
// passes leave it alone, then restored.
constexpr std::uint32_t kEscapeBase = 0xE000;

std::string park_escapes(std::string_view s) {
    if (s.find('\\') == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0x80 &&
            std::ispunct(static_cast<unsigned char>(s[i + 1]))) {
            append_utf8(out, kEscapeBase + static_cast<unsigned char>(s[i + 1]));
            ++i;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

std::string restore_escapes(std::string_view s) {
    if (s.find('\xEE') == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        // U+E000..U+E07F is EE 80 80 .. EE 81 BF
        if (static_cast<unsigned char>(s[i]) == 0xEE && i + 2 < s.size() &&
            (static_cast<unsigned char>(s[i + 1]) == 0x80 || static_cast<unsigned char>(s[i + 1]) == 0x81)) {
            const std::uint32_t c =
                ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) | (static_cast<unsigned char>(s[i + 2]) & 0x3F);
            out.push_back(static_cast<char>(c));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

// [text](url) -> text, ![alt](url) -> alt, <http://x> -> http://x. Bounded look-ahead.
std::string strip_links(const std::string& s) {
    if (s.find('[') == std::string::npos && s.find("<http") == std::string::npos &&
        s.find("<mailto:") == std::string::npos)
        return s;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '<' && (s.compare(i + 1, 4, "http") == 0 || s.compare(i + 1, 7, "mailto:") == 0)) {
            const std::size_t gt = s.find('>', i);
            if (gt != std::string::npos && gt - i < 2000 && s.find(' ', i) > gt) {
                out.append(s, i + 1, gt - i - 1);
                i = gt + 1;
                continue;
            }
        }
        const bool image = s[i] == '!' && i + 1 < s.size() && s[i + 1] == '[';
        if (s[i] == '[' || image) {
            const std::size_t open = image ? i + 1 : i;
            const std::size_t close = s.find(']', open);
            if (close != std::string::npos && close - open < 500 && close + 1 < s.size() && s[close + 1] == '(') {
                const std::size_t paren = s.find(')', close);
                if (paren != std::string::npos && paren - close < 2000) {
                    out.append(s, open + 1, close - open - 1);
                    i = paren + 1;
                    continue;
                }
            }
        }
        out.push_back(s[i]);
        ++i;
    }
    return out;
}

// A bold run that spans two lines leaves one "**" on each: a lone "**" touching a word
// is such a half pair and is dropped ("Place: **Plough Lane," / "HR4 0LE**").
std::string drop_lone_bold(std::string s) {
    std::size_t pos = 0;
    while ((pos = s.find("**", pos)) != std::string::npos) {
        std::size_t end = pos;
        while (end < s.size() && s[end] == '*') ++end;
        const bool word_before = pos > 0 && s[pos - 1] != ' ' && s[pos - 1] != '\t';
        const bool word_after = end < s.size() && s[end] != ' ' && s[end] != '\t';
        if (end - pos == 2 && word_before != word_after) {
            s.erase(pos, 2);
        } else {
            pos = end;
        }
    }
    return s;
}

}  // namespace

bool is_rule_line(std::string_view s) {
    // "---", "***", "___" (optionally spaced): a Markdown thematic break.
    char mark = 0;
    int count = 0;
    for (const char c : s) {
        if (c == ' ') continue;
        if (c != '-' && c != '*' && c != '_') return false;
        if (mark != 0 && c != mark) return false;
        mark = c;
        ++count;
    }
    return count >= 3;
}

bool is_pipe_alignment_row(std::string_view s) {
    // "| --- | :---: |"
    const std::string t = trim(s);
    if (t.empty() || t.find('-') == std::string::npos || t.find('|') == std::string::npos) return false;
    return std::all_of(t.begin(), t.end(), [](char c) { return c == '|' || c == '-' || c == ':' || c == ' '; });
}

std::string pipe_row_to_tabs(std::string_view s) {
    std::string t = trim(s);
    std::string_view v = t;
    if (!v.empty() && v.front() == '|') v.remove_prefix(1);
    if (!v.empty() && v.back() == '|') v.remove_suffix(1);
    std::string out;
    std::size_t start = 0;
    while (true) {
        const std::size_t bar = v.find('|', start);
        out += trim(v.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
        if (bar == std::string_view::npos) break;
        out.push_back('\t');
        start = bar + 1;
    }
    return out;
}

// Strips emphasis only (plain text exports carry "**bold**" from their Markdown origin).
std::string text_line(std::string_view line) {
    std::string s(line);
    s = strip_emphasis(s, "**", false);
    s = strip_emphasis(s, "__", false);
    return drop_lone_bold(std::move(s));
}

std::string markdown_line(std::string_view line) {
    std::string s = park_escapes(line);
    // ATX heading "## Title" and block quote "> text".
    std::size_t lead = 0;
    while (lead < s.size() && s[lead] == ' ') ++lead;
    std::size_t hashes = lead;
    while (hashes < s.size() && s[hashes] == '#') ++hashes;
    if (hashes > lead && hashes - lead <= 6 && (hashes == s.size() || s[hashes] == ' ')) {
        s.erase(0, std::min(s.size(), hashes + 1));
        while (!s.empty() && (s.back() == '#' || s.back() == ' ')) s.pop_back();
    } else if (lead < s.size() && s[lead] == '>' && (lead + 1 == s.size() || s[lead + 1] == ' ')) {
        s.erase(0, std::min(s.size(), lead + 2));
    } else if (lead + 1 < s.size() && (s[lead] == '*' || s[lead] == '+') && s[lead + 1] == ' ') {
        s.replace(lead, 1, "\xE2\x80\xA2");  // "* item" bullet -> "• item"
    }
    s = strip_links(s);
    s = strip_emphasis(s, "**", false);
    s = strip_emphasis(s, "__", false);
    s = drop_lone_bold(std::move(s));
    s = strip_emphasis(s, "*", false);
    s = strip_emphasis(s, "_", false);
    return restore_escapes(s);
}

}  // namespace quorum::corpus

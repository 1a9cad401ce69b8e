// Dates and times as UK councils print them. Pure ASCII scanning: month names and
// digits are ASCII, and anything else (NBSP, curly quotes) only separates tokens.
#include "quorum/corpus/dates.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include "quorum/text/ascii.hpp"

namespace quorum::corpus {
namespace {

struct Token {
    std::string_view text;
    std::size_t begin = 0, end = 0;  // byte offsets in the scanned text
    bool digits = false;
};

using text::is_alpha;
using text::is_digit;
using text::to_lower;

// Words and digit runs; everything else separates. "22nd" -> "22" + "nd".
std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (is_digit(s[i])) {
            std::size_t j = i;
            while (j < s.size() && is_digit(s[j])) ++j;
            out.push_back({s.substr(i, j - i), i, j, true});
            i = j;
        } else if (is_alpha(s[i])) {
            std::size_t j = i;
            while (j < s.size() && is_alpha(s[j])) ++j;
            out.push_back({s.substr(i, j - i), i, j, false});
            i = j;
        } else {
            ++i;
        }
    }
    return out;
}

// 1..12 for a month name or its usual abbreviation ("Sept", "Feb"), else 0.
int month_number(std::string_view word) {
    static constexpr std::array<const char*, 12> names = {"january",   "february", "march",    "april",
                                                          "may",       "june",     "july",     "august",
                                                          "september", "october",  "november", "december"};
    const std::string w = to_lower(word);
    if (w.size() < 3) return 0;
    for (int m = 0; m < 12; ++m) {
        const std::string_view name = names[static_cast<std::size_t>(m)];
        if (w == name) return m + 1;
        // Abbreviations: "Jan", "Sept"; three letters at least, a prefix of the name.
        if (w.size() <= 4 && name.substr(0, w.size()) == w) return m + 1;
    }
    return 0;
}

bool is_ordinal_suffix(std::string_view word) {
    const std::string w = to_lower(word);
    return w == "st" || w == "nd" || w == "rd" || w == "th";
}

int to_int(std::string_view digits) {
    int v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return v;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr std::array<int, 12> d = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[static_cast<std::size_t>(m - 1)];
}

bool valid(int y, int m, int d) {
    return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

std::string format_date(int y, int m, int d) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

int expand_year(int y, std::size_t digits) {
    if (digits == 2) return y + 2000 > 2069 ? y + 1900 : y + 2000;
    return y;
}

// Day number for comparisons (days since a fixed epoch; exact enough for distances).
long day_number(int y, int m, int d) {
    // Howard Hinnant's days_from_civil.
    y -= m <= 2 ? 1 : 0;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// A numeric date "22/02/2022", "22/03/22", "22.02.2022", "2022-02-22" starting at s[i].
// Returns the length consumed, 0 when none.
std::size_t numeric_at(std::string_view s, std::size_t i, std::string& out) {
    auto run = [&](std::size_t p) {
        std::size_t j = p;
        while (j < s.size() && is_digit(s[j])) ++j;
        return j - p;
    };
    const std::size_t a = run(i);
    if (a == 0 || i + a >= s.size()) return 0;
    const char sep = s[i + a];
    if (sep != '/' && sep != '-' && sep != '.') return 0;
    const std::size_t b_at = i + a + 1;
    const std::size_t b = run(b_at);
    if (b == 0 || b > 2 || b_at + b >= s.size() || s[b_at + b] != sep) return 0;
    const std::size_t c_at = b_at + b + 1;
    const std::size_t c = run(c_at);
    if (c == 0) return 0;
    const std::size_t end = c_at + c;
    // Not part of a longer number ("1.2.3.4" section numbers, phone numbers).
    if (end < s.size() && (is_digit(s[end]) || ((s[end] == sep) && end + 1 < s.size() && is_digit(s[end + 1]))))
        return 0;
    const int x = to_int(s.substr(i, a)), y = to_int(s.substr(b_at, b)), z = to_int(s.substr(c_at, c));
    if (a == 4 && sep == '-' && c <= 2) {  // ISO
        if (!valid(x, y, z)) return 0;
        out = format_date(x, y, z);
        return end - i;
    }
    if (a > 2 || (c != 2 && c != 4)) return 0;
    // "3.6.1" style numbering uses dots with short parts: require a 4-digit year for dots.
    if (sep == '.' && c != 4) return 0;
    const int year = expand_year(z, c);
    if (!valid(year, y, x)) return 0;
    out = format_date(year, y, x);
    return end - i;
}

struct Found {
    std::size_t begin = std::string_view::npos;
    std::string date;
};

// Earliest textual date with a year ("22 February 2022", "February 22, 2022").
Found find_textual(std::string_view text) {
    const auto toks = tokenize(text);
    for (std::size_t i = 0; i < toks.size(); ++i) {
        // Day Month Year: "22", ["nd"], ["of"], Month, Year
        if (toks[i].digits && toks[i].text.size() <= 2) {
            std::size_t j = i + 1;
            if (j < toks.size() && is_ordinal_suffix(toks[j].text) && toks[j].begin == toks[i].end) ++j;
            if (j < toks.size() && to_lower(toks[j].text) == "of") ++j;
            if (j < toks.size() && !toks[j].digits) {
                const int m = month_number(toks[j].text);
                if (m && j + 1 < toks.size() && toks[j + 1].digits && toks[j + 1].text.size() == 4) {
                    const int d = to_int(toks[i].text), y = to_int(toks[j + 1].text);
                    if (valid(y, m, d)) return {toks[i].begin, format_date(y, m, d)};
                }
            }
        }
        // Month Day, Year (US style, seen in Cleveland): "March 3, 2021"
        if (!toks[i].digits) {
            const int m = month_number(toks[i].text);
            if (m && i + 2 < toks.size() && toks[i + 1].digits && toks[i + 1].text.size() <= 2) {
                std::size_t j = i + 2;
                if (j < toks.size() && is_ordinal_suffix(toks[j].text)) ++j;
                if (j < toks.size() && toks[j].digits && toks[j].text.size() == 4) {
                    const int d = to_int(toks[i + 1].text), y = to_int(toks[j].text);
                    if (valid(y, m, d)) return {toks[i].begin, format_date(y, m, d)};
                }
            }
        }
    }
    return {};
}

Found find_numeric(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_digit(text[i]) || (i > 0 && (is_digit(text[i - 1]) || text[i - 1] == '.' || text[i - 1] == '/')))
            continue;
        std::string out;
        if (numeric_at(text, i, out)) return {i, out};
    }
    return {};
}

}  // namespace

std::optional<DateMatch> find_date_match(std::string_view text) {
    Found t = find_textual(text);
    Found n = find_numeric(text);
    if (t.date.empty() && n.date.empty()) return std::nullopt;
    if (n.date.empty() || (!t.date.empty() && t.begin <= n.begin)) return DateMatch{t.begin, std::move(t.date)};
    return DateMatch{n.begin, std::move(n.date)};
}

std::optional<std::string> find_date(std::string_view text) {
    auto match = find_date_match(text);
    if (!match) return std::nullopt;
    return std::move(match->date);
}

std::optional<std::string> parse_numeric_date(std::string_view text) {
    std::size_t b = 0, e = text.size();
    while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    const std::string_view s = text.substr(b, e - b);
    if (s.empty() || !is_digit(s[0])) return std::nullopt;
    std::string out;
    if (numeric_at(s, 0, out) == s.size()) return out;
    return std::nullopt;
}

std::optional<std::string> find_time(std::string_view text) {
    const auto toks = tokenize(text);
    for (std::size_t i = 0; i < toks.size(); ++i) {
        if (!toks[i].digits || toks[i].text.size() > 2) continue;
        int h = to_int(toks[i].text), m = 0;
        std::size_t j = i + 1;
        bool has_minutes = false;
        // "2.30", "2:30" (separator exactly one char between the digit runs)
        if (j < toks.size() && toks[j].digits && toks[j].text.size() == 2 && toks[j].begin == toks[i].end + 1 &&
            (text[toks[i].end] == '.' || text[toks[i].end] == ':')) {
            m = to_int(toks[j].text);
            has_minutes = true;
            ++j;
        }
        // Not a date or a section number: "22.02.2022", "3.6.1"
        if (has_minutes && toks[j - 1].end < text.size() &&
            (text[toks[j - 1].end] == '.' || text[toks[j - 1].end] == '/') && toks[j - 1].end + 1 < text.size() &&
            is_digit(text[toks[j - 1].end + 1]))
            continue;
        if (i > 0 && toks[i].begin > 0 && (text[toks[i].begin - 1] == '.' || text[toks[i].begin - 1] == '/') &&
            toks[i - 1].digits && toks[i - 1].end == toks[i].begin - 1)
            continue;
        // am / pm: "pm", "p.m.", "PM"
        int meridian = 0;  // 1 am, 2 pm
        if (j < toks.size() && !toks[j].digits && toks[j].begin - toks[j - 1].end <= 1) {
            const std::string w = to_lower(toks[j].text);
            if (w == "am")
                meridian = 1;
            else if (w == "pm")
                meridian = 2;
            else if ((w == "a" || w == "p") && j + 1 < toks.size() && to_lower(toks[j + 1].text) == "m" &&
                     toks[j + 1].begin == toks[j].end + 1 && text[toks[j].end] == '.')
                meridian = w == "a" ? 1 : 2;
        }
        if (!has_minutes && !meridian) continue;  // a bare number is not a time
        if (meridian) {
            if (h < 1 || h > 12 || m > 59) continue;
            if (meridian == 2 && h != 12) h += 12;
            if (meridian == 1 && h == 12) h = 0;
        } else {
            // 24-hour clock "14:00" needs a colon (a dot is too often a number) or hours >= 13
            if (h > 23 || m > 59) continue;
            if (text[toks[i].end] != ':') continue;
        }
        char buf[32];
        std::snprintf(buf, sizeof buf, "%02d:%02d", h, m);
        return std::string(buf);
    }
    return std::nullopt;
}

std::optional<std::string> find_date_near(std::string_view text, std::string_view reference) {
    if (auto full = find_date(text)) return full;
    if (reference.size() < 10) return std::nullopt;
    const int ry = std::atoi(std::string(reference.substr(0, 4)).c_str());
    const int rm = std::atoi(std::string(reference.substr(5, 2)).c_str());
    const int rd = std::atoi(std::string(reference.substr(8, 2)).c_str());
    if (!valid(ry, rm, rd)) return std::nullopt;
    const long ref = day_number(ry, rm, rd);
    const auto toks = tokenize(text);
    for (std::size_t i = 0; i < toks.size(); ++i) {
        int d = 0, m = 0;
        if (toks[i].digits && toks[i].text.size() <= 2) {
            std::size_t j = i + 1;
            if (j < toks.size() && is_ordinal_suffix(toks[j].text) && toks[j].begin == toks[i].end) ++j;
            if (j < toks.size() && to_lower(toks[j].text) == "of") ++j;
            if (j < toks.size() && !toks[j].digits) m = month_number(toks[j].text);
            d = to_int(toks[i].text);
        } else if (!toks[i].digits && i + 1 < toks.size() && toks[i + 1].digits && toks[i + 1].text.size() <= 2) {
            // "March 3"; only with a full month name to avoid "May 3" false hits being short words
            m = month_number(toks[i].text);
            if (m && toks[i].text.size() < 3) m = 0;
            d = to_int(toks[i + 1].text);
        }
        if (!m || d < 1) continue;
        // Nearest of the candidate years around the reference.
        std::optional<std::string> best;
        long best_dist = 0;
        for (int y = ry - 1; y <= ry + 1; ++y) {
            if (!valid(y, m, d)) continue;
            const long dist = std::labs(day_number(y, m, d) - ref);
            if (dist <= 335 && (!best || dist < best_dist)) {
                best = format_date(y, m, d);
                best_dist = dist;
            }
        }
        if (best) return best;
    }
    return std::nullopt;
}

}  // namespace quorum::corpus

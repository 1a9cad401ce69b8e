#include "quorum/text/amounts.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace quorum::text {
namespace {

struct Sign {
    std::string_view bytes, currency;
};
constexpr Sign kSigns[] = {{"\xC2\xA3", "GBP"}, {"\xE2\x82\xAC", "EUR"}, {"$", "USD"}};

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// The number at `at` ("1,250,000.50", "3.5"): its value and where it ends; commas group
// thousands only when three digits follow.
std::optional<double> number_at(std::string_view s, std::size_t& at) {
    const auto digit = [&](std::size_t k) { return k < s.size() && std::isdigit(static_cast<unsigned char>(s[k])); };
    // "€1.000.000" (two or more dot groups of three): the dots group thousands, a comma is
    // the decimal point, as Irish and continental papers print them.
    std::size_t groups = 0, k = at;
    while (digit(k)) ++k;
    while (k < s.size() && s[k] == '.' && digit(k + 1) && digit(k + 2) && digit(k + 3) && !digit(k + 4)) k += 4, ++groups;
    if (groups >= 2 && k - at <= 3 + 4 * groups) {
        std::string digits;
        for (std::size_t i = at; i < k; ++i)
            if (s[i] != '.') digits += s[i];
        if (k < s.size() && s[k] == ',' && digit(k + 1)) {
            digits += '.';
            for (++k; digit(k); ++k) digits += s[k];
        }
        at = k;
        return std::strtod(digits.c_str(), nullptr);
    }
    std::string digits;
    std::size_t i = at;
    bool point = false;
    std::size_t run = 0;  // digits since the last separator
    bool spaced = false;  // thousands grouped by spaces so far
    // "£1 000 000": a space (or a no-break or thin space) groups thousands when the first group
    // has at most three digits and every group after it exactly three.
    const auto space_at = [&](std::size_t k) -> std::size_t {
        if (k < s.size() && s[k] == ' ') return 1;
        if (s.substr(k, 2) == "\xC2\xA0") return 2;
        if (s.substr(k, 3) == "\xE2\x80\x89" || s.substr(k, 3) == "\xE2\x80\xAF") return 3;
        return 0;
    };
    while (i < s.size()) {
        const std::size_t space = point ? 0 : space_at(i);
        if (digit(i)) {
            digits += s[i++];
            ++run;
        } else if (space > 0 && !digits.empty() && (spaced ? run == 3 : run <= 3) && digit(i + space) &&
                   digit(i + space + 1) && digit(i + space + 2) && !digit(i + space + 3)) {
            i += space;  // a thousands separator
            run = 0;
            spaced = true;
        } else if (s[i] == ',' && !point && !digits.empty() && digit(i + 1) && digit(i + 2) && digit(i + 3) &&
                   !digit(i + 4)) {
            ++i;  // a thousands separator
            run = 0;
        } else if (s[i] == '.' && !point && digit(i + 1)) {
            point = true;
            digits += s[i++];
        } else {
            break;
        }
    }
    if (digits.empty() || digits.size() > 18) return std::nullopt;
    at = i;
    return std::strtod(digits.c_str(), nullptr);
}

// A multiplier after a number, attached or after one space: "m", "mn", "bn", "k", "million",
// "billion", "thousand"; a letter after it makes it a word ("£5 more"). Returns the factor and
// moves `at` past it.
double multiplier_at(std::string_view s, std::size_t& at) {
    struct Word {
        std::string_view word;
        double factor;
    };
    static constexpr Word words[] = {{"billion", 1e9}, {"million", 1e6}, {"thousand", 1e3}, {"bn", 1e9},
                                     {"mn", 1e6},      {"m", 1e6},       {"k", 1e3}};
    for (const Word& w : words) {
        for (std::size_t gap = 0; gap <= 1; ++gap) {
            const std::size_t from = at + gap;
            if (gap == 1 && (at >= s.size() || s[at] != ' ')) continue;
            if (from + w.word.size() > s.size()) continue;
            bool same = true;
            for (std::size_t k = 0; k < w.word.size() && same; ++k)
                same = std::tolower(static_cast<unsigned char>(s[from + k])) == w.word[k];
            if (!same) continue;
            const std::size_t end = from + w.word.size();
            if (end < s.size() && is_letter(s[end])) continue;  // "£5 more", "£3 mill"
            at = end;
            return w.factor;
        }
    }
    return 1;
}

}  // namespace

std::vector<Amount> read_amounts(std::string_view text) {
    std::vector<Amount> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        for (const Sign& sign : kSigns) {
            if (text.compare(i, sign.bytes.size(), sign.bytes) != 0) continue;
            std::size_t at = i + sign.bytes.size();
            if (at < text.size() && text[at] == ' ') ++at;
            const auto n = number_at(text, at);
            if (!n) break;
            const double factor = multiplier_at(text, at);
            std::string printed(text.substr(i, at - i));
            while (!printed.empty() && (printed.back() == '.' || printed.back() == ',')) printed.pop_back();
            out.push_back({std::move(printed), std::round(*n * factor * 100) / 100, std::string(sign.currency)});
            i = at - 1;
            break;
        }
    }
    return out;
}

std::optional<double> amount_value(std::string_view typed) {
    std::size_t at = 0;
    for (const Sign& sign : kSigns)
        if (typed.substr(0, sign.bytes.size()) == sign.bytes) at = sign.bytes.size();
    const auto n = number_at(typed, at);
    if (!n) return std::nullopt;
    const double factor = multiplier_at(typed, at);
    if (at != typed.size()) return std::nullopt;
    return *n * factor;
}

}  // namespace quorum::text

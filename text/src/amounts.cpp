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
    std::string digits;
    std::size_t i = at;
    bool point = false;
    while (i < s.size()) {
        if (digit(i)) {
            digits += s[i++];
        } else if (s[i] == ',' && !point && !digits.empty() && digit(i + 1) && digit(i + 2) && digit(i + 3) &&
                   !digit(i + 4)) {
            ++i;  // a thousands separator
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

// A multiplier after a number: "m", "mn", "bn", "k" attached; "million", "billion",
// "thousand" attached or after one space. Returns the factor and moves `at` past it.
double multiplier_at(std::string_view s, std::size_t& at) {
    struct Word {
        std::string_view word;
        double factor;
        bool attached_only;
    };
    static constexpr Word words[] = {{"billion", 1e9, false}, {"million", 1e6, false}, {"thousand", 1e3, false},
                                     {"bn", 1e9, true},       {"mn", 1e6, true},       {"m", 1e6, true},
                                     {"k", 1e3, true}};
    for (const Word& w : words) {
        for (std::size_t gap = 0; gap <= (w.attached_only ? 0u : 1u); ++gap) {
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

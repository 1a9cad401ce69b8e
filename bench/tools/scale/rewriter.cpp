#include "rewriter.hpp"

#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <regex>
#include <string_view>

namespace quorum::bench {
namespace {

bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// Case-insensitive match of a phrase whose words may be split by any run of whitespace
// (PDF text breaks "scrutiny\ncommittee"). Returns the length matched, 0 if none.
std::size_t match_phrase(const std::string& text, std::size_t at, std::string_view phrase) {
    std::size_t i = at;
    for (std::size_t p = 0; p < phrase.size(); ++p) {
        if (phrase[p] == ' ') {
            if (i >= text.size() || !is_space(text[i])) return 0;
            while (i < text.size() && is_space(text[i])) ++i;
            continue;
        }
        if (i >= text.size() || lower(text[i]) != phrase[p]) return 0;
        ++i;
    }
    if (i < text.size() && is_alpha(text[i])) return 0;
    return i - at;
}

// Keep the case style of what is replaced: CAPITALS, lowercase (e-mail addresses) or as given.
std::string styled(std::string_view original, const std::string& replacement) {
    bool has_lower = false, has_upper = false;
    for (char c : original) {
        has_lower |= std::islower(static_cast<unsigned char>(c)) != 0;
        has_upper |= std::isupper(static_cast<unsigned char>(c)) != 0;
    }
    if (has_upper && !has_lower) return upper(replacement);
    if (has_lower && !has_upper) {
        std::string s;
        for (char c : replacement)
            if (!is_space(c)) s += lower(c);
        return s;
    }
    return replacement;
}

int month_number(const std::string& name) {
    static const std::array<const char*, 12> months{"january",   "february", "march",    "april",
                                                    "may",       "june",     "july",     "august",
                                                    "september", "october",  "november", "december"};
    std::string l;
    for (char c : name) l += lower(c);
    for (std::size_t i = 0; i < months.size(); ++i)
        if (l == months[i]) return static_cast<int>(i) + 1;
    return 0;
}

// "£1,234.50" scaled by factor, keeping thousands separators and decimals.
std::string scale_figure(std::string_view number, double factor) {
    std::string digits;
    bool commas = false;
    int decimals = -1;
    for (char c : number) {
        if (c == ',')
            commas = true;
        else if (c == '.')
            decimals = 0;
        else {
            digits += c;
            if (decimals >= 0) ++decimals;
        }
    }
    double value = std::stod(digits) / std::pow(10.0, decimals > 0 ? decimals : 0);
    value *= factor;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals > 0 ? decimals : 0, value);
    std::string s = buf;
    if (!commas) return s;
    const auto dot = s.find('.');
    std::string whole = s.substr(0, dot), out;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) out += ',';
        out += whole[i];
    }
    return dot == std::string::npos ? out : out + s.substr(dot);
}

constexpr std::array<std::string_view, 8> person_prefixes{"Councillors: ", "Councillor ", "Cllr ", "Cllr. ",
                                                          "Mrs ",          "Mr ",         "Ms ",   "Dr "};

}  // namespace

Seed analyse_seed(const std::filesystem::path& path, std::string text, bool bundled_sample) {
    Seed s;
    s.path = path;
    s.ext = path.extension().string();
    s.herefordshire = bundled_sample;
    const std::string name = path.filename().string();
    if (bundled_sample && name.rfind("001_", 0) == 0)
        s.kind = "agenda-pack";
    else if (bundled_sample && name.rfind("003_", 0) == 0)
        s.kind = "web-page";
    else if (path.string().find("agenda") != std::string::npos || path.string().find("Agenda") != std::string::npos)
        s.kind = "agenda";
    else
        s.kind = "minutes";

    std::map<int, int> years;
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
        if ((i > 0 && is_alnum(text[i - 1])) || !is_digit(text[i])) continue;
        if (i + 4 < text.size() && is_alnum(text[i + 4])) continue;
        if (!is_digit(text[i + 1]) || !is_digit(text[i + 2]) || !is_digit(text[i + 3])) continue;
        const int y = std::stoi(text.substr(i, 4));
        if (y >= 1990 && y <= 2035) ++years[y];
    }
    int best = 0;
    for (auto [y, n] : years)
        if (n > best) best = n, s.main_year = y;

    static const std::regex full_date(R"((\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]+)\s+((?:19|20)\d\d))");
    static const std::regex iso_date(R"(((?:19|20)\d\d)-(\d\d)-(\d\d))");
    const std::string head = text.substr(0, 3000);
    std::smatch m;
    char buf[16];
    if (std::regex_search(head, m, full_date) && month_number(m[2]) > 0) {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", std::stoi(m[3]), month_number(m[2]), std::stoi(m[1]));
        s.main_date = buf;
    } else if (std::regex_search(head, m, iso_date)) {
        s.main_date = m[0];
    }
    if (s.main_year == 0 && !s.main_date.empty()) s.main_year = std::stoi(s.main_date.substr(0, 4));
    s.text = std::move(text);
    return s;
}

std::string Rewriter::rewrite(const Seed& seed, const DocPlan& plan, std::uint64_t tokens) {
    std::string text = seed.herefordshire ? replace_known_phrases(seed.text, plan) : seed.text;
    text = rewrite_tokens(text, plan);
    text = inject_vocabulary(text, plan, tokens);
    if (!text.empty() && text.back() != '\n') text += '\n';
    text += "\nDocument reference: " + plan.reference + "\n";
    return text;
}

std::string Rewriter::replace_known_phrases(const std::string& text, const DocPlan& plan) const {
    // Longest first: "herefordshire council" before "herefordshire" before "hereford".
    std::vector<std::pair<std::string_view, std::string>> table{
        {"children and young people scrutiny committee", plan.committee}};
    if (!plan.council->identity) {
        table.emplace_back("herefordshire council", plan.council->name);
        table.emplace_back("herefordshire", plan.council->place);
        table.emplace_back("hereford", plan.council->town);
    }
    std::string out;
    out.reserve(text.size() + 1024);
    for (std::size_t i = 0; i < text.size();) {
        bool done = false;
        if (i == 0 || !is_alpha(text[i - 1])) {
            for (const auto& [phrase, replacement] : table) {
                if (lower(text[i]) != phrase[0]) continue;
                if (const auto n = match_phrase(text, i, phrase)) {
                    out += styled(std::string_view(text).substr(i, n), replacement);
                    i += n;
                    done = true;
                    break;
                }
            }
        }
        if (!done) out += text[i++];
    }
    return out;
}

std::string Rewriter::rewrite_tokens(const std::string& text, const DocPlan& plan) {
    const auto& people = plan.council->people;
    std::string out;
    out.reserve(text.size() + 1024);
    for (std::size_t i = 0; i < text.size();) {
        const bool word_start = i == 0 || !is_alnum(text[i - 1]);
        // People: "Councillor Jennie Hewitt" -> a person of the new council, the same one
        // for the same surname, so people recur across the council's documents.
        if (word_start && !plan.council->identity && std::isupper(static_cast<unsigned char>(text[i]))) {
            bool replaced = false;
            for (auto prefix : person_prefixes) {
                if (text.compare(i, prefix.size(), prefix) != 0) continue;
                std::size_t j = i + prefix.size();
                std::vector<std::pair<std::size_t, std::size_t>> words;
                while (words.size() < 2 && j < text.size() && std::isupper(static_cast<unsigned char>(text[j]))) {
                    std::size_t k = j;
                    while (k < text.size() && (is_alpha(text[k]) || text[k] == '\'' || text[k] == '-')) ++k;
                    words.emplace_back(j, k - j);
                    if (k < text.size() && text[k] == ' ' && k + 1 < text.size() &&
                        std::isupper(static_cast<unsigned char>(text[k + 1])))
                        j = k + 1;
                    else {
                        j = k;
                        break;
                    }
                }
                if (words.empty()) break;
                const auto [s, n] = words.back();
                const std::string& person = people[stable_hash(text.substr(s, n)) % people.size()];
                const auto space = person.find(' ');
                out += prefix;
                out += words.size() == 2 ? person : person.substr(space + 1);
                i = s + n;
                replaced = true;
                break;
            }
            if (replaced) continue;
        }
        if (word_start && is_digit(text[i])) {
            std::size_t j = i;
            while (j < text.size() && (is_digit(text[j]) || ((text[j] == ',' || text[j] == '.') &&
                                                             j + 1 < text.size() && is_digit(text[j + 1]))))
                ++j;
            const std::string_view number = std::string_view(text).substr(i, j - i);
            const bool pounds = i >= 2 && static_cast<unsigned char>(text[i - 2]) == 0xC2 &&
                                static_cast<unsigned char>(text[i - 1]) == 0xA3;
            const bool percent = j < text.size() && text[j] == '%';
            const bool next_alpha = j < text.size() && is_alpha(text[j]);
            if (pounds) {
                out += scale_figure(number, plan.figure_factor);
            } else if (percent && number.find(',') == std::string_view::npos) {
                const double v = std::min(100.0, std::stod(std::string(number)) * (0.5 + plan.figure_factor / 2));
                char buf[32];
                std::snprintf(buf, sizeof buf, number.find('.') != std::string_view::npos ? "%.1f" : "%.0f", v);
                out += buf;
            } else if (number.size() == 4 && !next_alpha) {
                const int y = std::stoi(std::string(number));
                out += (y >= 1990 && y <= 2035) ? std::to_string(y + plan.year_delta) : std::string(number);
            } else {
                out += number;
            }
            i = j;
            continue;
        }
        out += text[i++];
    }
    return out;
}

std::string Rewriter::inject_vocabulary(const std::string& text, const DocPlan& plan, std::uint64_t tokens) {
    static constexpr std::array nouns{"scheme",    "project", "ward", "estate", "partnership", "review",
                                      "programme", "site",    "road", "centre", "framework",   "contract"};
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string_view line = std::string_view(text).substr(start, end - start);
        out += line;
        // Only prose lines: long, ending a sentence, not a numbered heading.
        if (line.size() > 60 && line.back() == '.' && !is_digit(line.front()) && rng_.chance(injection_rate_)) {
            const std::string a = lexicon_.draw(tokens);  // copies: a second draw may grow the lexicon
            const std::string b = lexicon_.draw(tokens + 1);
            const std::string& person = plan.council->people[rng_.below(plan.council->people.size())];
            const char* noun = rng_.pick(nouns);
            tokens += 8;
            switch (rng_.below(5)) {
                case 0:
                    out += " Members noted progress on the " + a + " " + noun + ".";
                    break;
                case 1:
                    out += " The " + a + " " + noun + " and the " + b + " " + noun + " were discussed.";
                    break;
                case 2:
                    out += " Councillor " + person + " asked about " + a + " and " + b + ".";
                    break;
                case 3:
                    out += " Officers would report back on the " + a + " " + noun + " in due course.";
                    break;
                default:
                    out += " It was noted that " + a + " " + b + " remained under review.";
                    break;
            }
        }
        if (end < text.size()) out += '\n';
        start = end + 1;
    }
    return out;
}

std::uint64_t count_words(const std::string& text) {
    std::uint64_t n = 0;
    bool in = false;
    for (char c : text) {
        const bool a = is_alnum(c);
        if (a && !in) ++n;
        in = a;
    }
    return n;
}

}  // namespace quorum::bench

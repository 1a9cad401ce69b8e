// Attendance: who was present, in attendance or an officer, from the labelled blocks
// ("Present:", "Committee Members:", "In attendance", "Officers:") before the first item.
#include <algorithm>
#include <array>

#include "quorum/corpus/text.hpp"
#include "segment/attendee_lists.hpp"
#include "segment/structure.hpp"

namespace quorum::corpus::structure {
namespace {

enum class Block { none, present, chair, in_attendance, officers, apologies, ignore };

// Label at the start of a line and the text after it.
Block label_of(const std::string& p, std::string& rest) {
    static const std::array<std::pair<const char*, Block>, 22> labels = {{
        {"committee members", Block::present},
        {"members present", Block::present},
        {"councillors present", Block::present},
        {"present in the chair", Block::chair},
        {"in the chair", Block::chair},
        {"present", Block::present},
        {"members", Block::present},
        {"also in attendance", Block::in_attendance},
        {"also, in attendance", Block::in_attendance},
        {"also present", Block::in_attendance},
        {"in attendance", Block::in_attendance},
        {"officials in attendance", Block::officers},
        {"officers in attendance", Block::officers},
        {"officers present", Block::officers},
        {"officers", Block::officers},
        {"officials", Block::officers},
        {"apologies for absence", Block::apologies},
        {"apologies", Block::apologies},
        {"unrestricted items", Block::ignore},
        {"exempt items", Block::ignore},
        {"public", Block::ignore},
        {"press", Block::ignore},
    }};
    const std::string l = to_lower(p);
    for (const auto& [label, block] : labels) {
        const std::size_t n = std::string_view(label).size();
        if (l.rfind(label, 0) != 0) continue;
        std::string_view r = std::string_view(p).substr(n);
        while (!r.empty() && r.front() == ' ') r.remove_prefix(1);
        const bool colon = !r.empty() && r.front() == ':';
        if (colon) r.remove_prefix(1);
        // "In attendance Councillor X" has no colon; "Present" alone ends the line
        if (!colon && !r.empty() && !(block == Block::in_attendance || block == Block::officers)) continue;
        if (!colon && !r.empty() && !honorific_word(split_words(r)[0]) && !name_token(split_words(r)[0])) continue;
        rest = trim(r);
        return block;
    }
    return Block::none;
}

// People of one block: run-on lists are split by commas; one-per-line lists are first
// joined where the PDF wrapped a line ("Matthew Sampson, Interim ... Quality and" / "Improvement").
std::vector<Attendee> read_block(const std::vector<std::string>& lines, Block block) {
    std::vector<Attendee> out;
    const bool members = block == Block::present || block == Block::chair;
    if (members) {
        std::string joined;
        for (const auto& l : lines) joined += (joined.empty() ? "" : " ") + l;
        out = split_people(joined, true);
    } else {
        std::vector<std::string> entries;
        {
            std::string all;
            for (const auto& l : lines) all += (all.empty() ? "" : " ") + l;
            if (titles_then_names(all).size() >= 2) {
                out = titles_then_names(all);
                for (auto& a : out)
                    if (a.role.empty()) a.role = block == Block::officers ? "officer" : "";
                return out;
            }
        }
        for (const auto& l : lines) {
            if (!entries.empty() && !starts_person(pieces_of(l).empty() ? l : pieces_of(l).front().text, false))
                entries.back() += " " + l;
            else
                entries.push_back(l);
        }
        for (const auto& e : entries) {
            auto people = titles_then_names(e);
            if (people.empty()) people = split_people(e, false);
            // titles only, when nothing in the entry names anyone ("(Mr. C. Murray" wrapped is not that)
            if (people.empty() && block == Block::officers && e.find('(') == std::string::npos &&
                e.find(')') == std::string::npos) {
                bool named = false;
                for (const auto& w : split_words(e)) named = named || honorific_word(w);
                if (!named) people = titles_only(e);
            }
            out.insert(out.end(), people.begin(), people.end());
        }
    }
    for (auto& a : out) {
        if (members) {
            if (block == Block::chair && a.role.empty()) a.role = "chairperson";
            if (a.role.empty()) {
                const std::string r = role_of(a.title);
                a.role = r.empty() ? "member" : r;
                if (!r.empty()) a.title.clear();
            }
        } else if (block == Block::officers) {
            if (a.role.empty()) a.role = "officer";
        } else if (block == Block::in_attendance) {
            if (a.role.empty()) {
                const std::string l = to_lower(a.title);
                if (l.find("cabinet member") != std::string::npos)
                    a.role = "cabinet member";
                else if (a.honorific == "Councillor")
                    a.role = "councillor";
                else
                    a.role = a.title.empty() ? "guest" : "officer";
            }
        }
    }
    return out;
}

}  // namespace

bool attendance_label(std::string_view plain_line) {
    std::string rest;
    const Block b = label_of(std::string(plain_line), rest);
    return b != Block::none && b != Block::ignore;
}

bool label_prefix(const Lines& lines, std::size_t i, std::size_t end) {
    const std::string word = plain(lines[i].text);
    if (split_words(word).size() != 1 || attendance_label(word)) return false;
    const std::size_t next = next_content(lines, i + 1, end);
    // joined, the two lines are a label ("Committee Members:"); "Smith" / "In attendance:" are not
    return next < end && attendance_label(word + " " + plain(lines[next].text));
}

// Names and titles are capitalised ("Director, Service Operations (Mr. G. Daly)"); prose
// is mostly small words ("At the outset of the Meeting the Cathaoirleach welcomed").
bool prose_line(std::string_view plain_line) {
    const auto words = split_words(plain_line);
    if (words.size() < 6) return false;
    std::size_t lower = 0, lettered = 0;
    for (const auto& w : words) {
        const Case c = letter_case(w);
        if (c.upper + c.lower == 0) continue;
        ++lettered;
        if (c.upper == 0) ++lower;
    }
    return lettered >= 6 && lower * 5 >= lettered * 2;
}

Attendance read_attendance(const Lines& lines, std::size_t begin, std::size_t end) {
    Attendance att;
    Block block = Block::none;
    std::vector<std::string> block_lines;
    auto flush = [&] {
        if (block != Block::none && block != Block::ignore && !block_lines.empty()) {
            auto people = read_block(block_lines, block);
            auto& target = block == Block::present || block == Block::chair ? att.present
                           : block == Block::in_attendance                  ? att.in_attendance
                           : block == Block::officers                       ? att.officers
                                                                            : att.apologies;
            target.insert(target.end(), people.begin(), people.end());
        }
        block_lines.clear();
    };
    for (std::size_t i = begin; i < end; ++i) {
        std::string p = plain(lines[i].text);
        if (p.empty()) continue;
        const std::string l = to_lower(p);
        if (l.find("denotes") != std::string::npos || l.rfind("* ", 0) == 0) continue;  // "*Denotes virtual attendance"
        if (label_prefix(lines, i, end)) continue;
        std::string rest;
        const Block b = label_of(p, rest);
        if (b != Block::none) {
            flush();
            block = b;
            if (!rest.empty()) block_lines.push_back(rest);
            continue;
        }
        // Regression (Limerick minutes): a list ran on into the welcome that follows it,
        // and its sentences became attendees. Prose ends a list.
        if (block != Block::none && prose_line(p)) {
            flush();
            block = Block::none;
        }
        if (block != Block::none) block_lines.push_back(p);
    }
    flush();
    // Parish minutes list members under "In attendance": the chair shows who they are.
    if (att.present.empty()) {
        const bool chaired = std::any_of(att.in_attendance.begin(), att.in_attendance.end(),
                                         [](const Attendee& a) { return a.role == "chairperson"; });
        if (chaired) {
            std::vector<Attendee> rest;
            for (auto& a : att.in_attendance) {
                if (a.honorific == "Councillor" || a.role == "chairperson" || a.role == "vice-chairperson") {
                    if (a.role.empty() || a.role == "councillor") a.role = "member";
                    att.present.push_back(a);
                } else {
                    rest.push_back(a);
                }
            }
            att.in_attendance = std::move(rest);
        }
    }
    // Chair and vice first.
    std::stable_sort(att.present.begin(), att.present.end(), [](const Attendee& a, const Attendee& b) {
        auto rank = [](const Attendee& x) {
            return x.role == "chairperson" ? 0 : x.role == "vice-chairperson" ? 1 : 2;
        };
        return rank(a) < rank(b);
    });
    return att;
}

}  // namespace quorum::corpus::structure

// extract_units: one body (an item's lines or a report section) -> units.
// Blocks and tables come from split_pieces; this file decides what each becomes:
// decisions (resolutions.cpp), trackers (tracker.cpp), question tables (questions.cpp),
// other tables (tables.cpp) and paragraphs. Numbered report paragraphs keep their
// lettered sub-points; every other bullet or paragraph is a unit of its own.
// Work programme tables stay whole tables: their rows are short, and a table unit with
// its caption ("To be scheduled and prioritised or removed (1/4)") searches well.
#include "units/units.hpp"

#include <cstdio>

#include "units/blocks.hpp"
#include "units/lead_ins.hpp"
#include "units/long_paragraphs.hpp"
#include "units/people.hpp"
#include "units/questions.hpp"
#include "quorum/corpus/text.hpp"
#include "units/resolutions.hpp"
#include "units/table_pages.hpp"
#include "units/tables.hpp"
#include "units/tracker.hpp"

namespace quorum::corpus {
namespace {

bool has_text(std::string_view s) {
    for (const char c : s) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80) return true;
    }
    return false;
}

class Builder {
public:
    Builder(const BodyContext& context, Document& doc) : context_(context), doc_(doc) {}

    Unit& add(UnitType type, int page, std::string text) {
        Unit u;
        char ordinal[16];
        std::snprintf(ordinal, sizeof ordinal, "%04zu", doc_.units.size());
        u.id = doc_.id + "-u" + ordinal;
        u.type = type;
        u.title = context_.title;
        u.text = std::move(text);
        u.page = page;
        u.item_index = context_.item_index;
        u.section = context_.section;
        u.procedural = context_.procedural;
        doc_.units.push_back(std::move(u));
        return doc_.units.back();
    }

private:
    const BodyContext& context_;
    Document& doc_;
};

std::string labelled(const std::string& label, const std::string& text) {
    return label.empty() ? text : label + " " + text;
}

void emit_resolution(Builder& b, const ResolutionBlock& r) {
    for (const ResolutionPart& part : r.parts) {
        Unit& u = b.add(UnitType::resolution, part.page, labelled(part.label, part.text));
        if (!part.heading.empty()) u.section = u.section.empty() ? part.heading : u.section + " — " + part.heading;
        u.number = label_value(part.label);
        u.resolution = ResolutionInfo{r.kind, part.label, r.preamble, r.outcome};
    }
}

// A table, a tracker (one action per row) or a question table (one question per row).
std::size_t emit_table(Builder& b, const std::vector<Piece>& pieces, std::size_t i, std::string caption,
                       const BodyContext& context) {
    const TableRun& run = pieces[i].table;
    TableInfo table = shape_table(run, std::move(caption));
    if (table.header.empty()) return i + 1;
    if (is_tracker_header(table.header)) {
        for (const ActionInfo& a : read_tracker(table)) {
            Unit& u = b.add(UnitType::action, run.page, action_text(a));
            u.number = a.number;
            u.action = a;
        }
        return i + 1;
    }
    if (is_question_header(table.header)) {
        std::vector<QuestionInfo> questions = read_questions(table, context.title);
        // "Response:" after the table answers the questions still without a response.
        std::size_t j = i + 1;
        while (j < pieces.size() && !pieces[j].is_table) {
            bool is_response = false;
            std::string response = response_text(pieces[j].block.text, &is_response);
            if (!is_response) break;
            ++j;
            while (j < pieces.size() && !pieces[j].is_table && !heading_like(pieces[j].block) &&
                   !match_resolution_keyword(pieces[j].block.text)) {
                bool next_is_response = false;
                (void)response_text(pieces[j].block.text, &next_is_response);
                if (next_is_response) break;
                response += response.empty() ? pieces[j].block.text : "\n" + pieces[j].block.text;
                ++j;
            }
            for (QuestionInfo& q : questions) {
                if (q.response.empty()) {
                    q.response = response;
                    break;
                }
            }
        }
        for (const QuestionInfo& q : questions) {
            Unit& u = b.add(UnitType::question, run.page, question_text(q));
            u.number = q.number;
            u.question = q;
        }
        return j;
    }
    const std::string text = table_text(table);
    Unit& u = b.add(UnitType::table, run.page, text);
    if (!table.caption.empty()) u.title = table.caption;
    u.table = std::move(table);
    return i + 1;
}

// A paragraph with what belongs to it: the list its lead-in opens (lead_ins.cpp), or the
// lettered sub-points of a numbered report paragraph. Returns the index of the next piece.
std::size_t emit_paragraph(Builder& b, const std::vector<Piece>& pieces, std::size_t i) {
    const Block& block = pieces[i].block;
    std::string text = labelled(block.label, block.text);
    ++i;
    if (opens_list(block.text)) {
        const LeadInList list = read_lead_in_list(pieces, i - 1);
        if (!list.text.empty()) {
            for (std::string& piece : split_long_list(list.text, list.item_starts, list.lead_in)) {
                Unit& u = b.add(UnitType::paragraph, block.page, std::move(piece));
                u.number = label_value(block.label);
            }
            return list.end;
        }
    }
    if (block.label_kind == LabelKind::number) {
        while (i < pieces.size() && !pieces[i].is_table &&
               (pieces[i].block.label_kind == LabelKind::letter || pieces[i].block.label_kind == LabelKind::roman) &&
               !match_resolution_keyword(pieces[i].block.text)) {
            text += '\n';
            text += labelled(pieces[i].block.label, pieces[i].block.text);
            ++i;
        }
    }
    // a paragraph longer than a reader would cite becomes several, cut at sentence ends
    for (std::string& piece : split_long_paragraph(text)) {
        Unit& u = b.add(UnitType::paragraph, block.page, std::move(piece));
        u.number = label_value(block.label);
    }
    return i;
}

bool is_section_keyword(std::string_view section) {
    const std::string f = fold_key(section);
    return f == "recommendation(s)" || f == "recommendations" || f == "recommendation" || f == "resolved" ||
           f == "resolutions" || f == "decision" || f == "decisions" || f == "recommendations:";
}

}  // namespace

void extract_units(std::span<const SourceLine> lines, const BodyContext& context, Document& doc,
                   const PeopleLinker& people, const TopicRules& topics) {
    const std::size_t first_new = doc.units.size();
    std::vector<Piece> pieces = split_pieces(lines);
    join_page_continued_tables(pieces, context.section);
    Builder builder(context, doc);
    std::size_t i = 0;
    // A report's "Recommendation(s)" section is itself a decision block.
    if (is_section_keyword(context.section)) {
        const ResolutionBlock r = read_resolution(pieces, 0, ResolutionKeyword{"recommendations", ""}, true);
        emit_resolution(builder, r);
        i = r.end;
    }
    while (i < pieces.size()) {
        const Piece& piece = pieces[i];
        if (piece.is_table) {
            i = emit_table(builder, pieces, i, "", context);
            continue;
        }
        const Block& block = piece.block;
        if (!has_text(block.text)) {
            ++i;
            continue;
        }
        // A title line right above a table is its caption.
        if (i + 1 < pieces.size() && pieces[i + 1].is_table && is_caption_block(block)) {
            i = emit_table(builder, pieces, i + 1, block.text, context);
            continue;
        }
        if (const auto keyword = match_resolution_keyword(block.text)) {
            const ResolutionBlock r = read_resolution(pieces, i, *keyword, false);
            if (!r.parts.empty()) {
                emit_resolution(builder, r);
                i = r.end;
                continue;
            }
        } else if (has_inline_resolution(block.text)) {
            // "It was proposed by Cllr X, seconded by Cllr Y and resolved that ...".
            Unit& u = builder.add(UnitType::resolution, block.page, labelled(block.label, block.text));
            u.number = label_value(block.label);
            u.resolution = ResolutionInfo{"resolved", "", "", find_outcome(block.text, false)};
            ++i;
            continue;
        }
        i = emit_paragraph(builder, pieces, i);
    }
    for (std::size_t k = first_new; k < doc.units.size(); ++k) {
        Unit& u = doc.units[k];
        u.people = people.mentions(u.text);
        u.topics = topics.assign(u.title, u.text);
    }
}

}  // namespace quorum::corpus

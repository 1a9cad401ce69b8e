#include "quorum/index/document_builder.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "quorum/index/collapse_key.hpp"
#include "quorum/index/schema.hpp"
#include "quorum/index/text_fold.hpp"
#include "quorum/text/amounts.hpp"

namespace quorum::index {

namespace s = schema;

DocumentBuilder::DocumentBuilder(NameTable topic_names) : topic_names_(std::move(topic_names)), stem_("en") {
    termgen_.set_stemmer(stem_);
    termgen_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

namespace {

bool valid_date(const std::string& d) {
    return d.size() == 10 && d[4] == '-' && d[7] == '-' &&
           std::all_of(d.begin(), d.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
}

void add_boolean(Xapian::Document& doc, std::string_view prefix, const std::string& value) {
    if (!value.empty()) doc.add_boolean_term(s::term(prefix, bounded_term_value(value)));
}

// Words every paper's title or file name has ("minutes of the meeting of the committee",
// "agenda pack", month names): as context they would tie each question about minutes or
// meetings to every unit of every set of minutes.
bool generic_context_word(const std::string& w) {
    static const std::set<std::string> generic{
        "the",       "and",        "for",      "with",     "from",          "held",       "meeting",   "meetings",
        "minutes",   "minute",     "agenda",   "agendas",  "report",        "reports",    "appendix",  "annex",
        "originals", "original",   "pack",     "public",   "document",      "documents",  "item",      "items",
        "committee", "committees", "council",  "councils", "county",        "city",       "parish",    "district",
        "borough",   "draft",      "final",    "version",  "supplementary", "frontsheet", "printed",   "plan",
        "january",   "february",   "march",    "april",    "may",           "june",       "july",      "august",
        "september", "october",    "november", "december", "monday",        "tuesday",    "wednesday", "thursday",
        "friday",    "saturday",   "sunday",   "pdf",      "doc",           "docx",       "html",      "htm",
        "txt",       "md",         "meetings", "monthly",  "special",       "annual",     "ordinary"};
    return generic.count(w) > 0;
}

// The council, committee and title of a unit's document and the words of its file's
// name and folder ("boughton-pc-meeting-may-13.md"), each distinct word once. Numbers and
// opaque ids in file names are left out.
std::string context_words(const corpus::Document& document, const std::string& file_key) {
    std::filesystem::path path(file_key);
    std::string material = document.council + ' ' + (document.committee ? document.committee->name : std::string()) +
                           ' ' + document.title + ' ' + path.stem().string() + ' ' +
                           path.parent_path().filename().string();
    std::set<std::string> seen;
    std::string out;
    for (const auto& word : fold_words(material)) {
        if (word.size() < 3 || word.size() > 30) continue;
        if (!std::all_of(word.begin(), word.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '\''; }))
            continue;
        if (generic_context_word(word) || !seen.insert(word).second) continue;
        out += word;
        out.push_back(' ');
    }
    return out;
}

// Whether a unit's title is its item's heading or its paper's title, shared with the
// other passages, rather than a heading of its own.
bool is_shared_heading(const corpus::Unit& unit, const corpus::Document& document) {
    if (unit.title == document.title) return true;
    if (unit.item_index < 0 || static_cast<std::size_t>(unit.item_index) >= document.items.size()) return false;
    return unit.title == document.items[static_cast<std::size_t>(unit.item_index)].title;
}

}  // namespace

std::vector<std::string> spelling_words(const Xapian::Document& doc) {
    std::vector<std::string> words;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string& t = *it;
        if (t.size() < 3 || t.size() > 40) continue;
        unsigned char first = static_cast<unsigned char>(t[0]);
        if (first >= 'A' && first <= 'Z') continue;  // prefixed (incl. Z stems)
        if (std::any_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
        words.push_back(t);
    }
    return words;
}

BuiltUnit DocumentBuilder::build_unit(const corpus::Unit& unit, const corpus::Document& document,
                                      const std::string& council, const NameTable& people, const std::string& file_key,
                                      BuiltFile& out) {
    BuiltUnit built;
    built.id = unit.id;
    Xapian::Document& doc = built.doc;
    const std::string type = type_name(unit.type);
    const std::string kind = kind_name(document.kind);
    const std::string date = valid_date(document.date) ? document.date : std::string();
    const std::string committee = document.committee ? document.committee->id : std::string();

    doc.set_data(dump(unit_record(unit, document, people, topic_names_)));

    // Boolean terms: identity, facets and filters.
    doc.add_boolean_term(s::term(s::id_prefix, unit.id));
    doc.add_boolean_term(std::string(s::unit_marker));
    add_boolean(doc, s::type_prefix, type);
    add_boolean(doc, s::kind_prefix, kind);
    add_boolean(doc, s::committee_prefix, committee);
    add_boolean(doc, s::council_prefix, council);
    add_boolean(doc, s::meeting_prefix, document.meeting_id);
    add_boolean(doc, s::file_prefix, file_key);
    add_boolean(doc, s::document_prefix, document.id);
    if (!date.empty()) {
        add_boolean(doc, s::year_prefix, date.substr(0, 4));
        add_boolean(doc, s::month_prefix, date.substr(0, 7));
        add_boolean(doc, s::date_prefix, date);
    }
    for (const auto& p : unit.people) add_boolean(doc, s::person_prefix, p);
    for (const auto& t : unit.topics) add_boolean(doc, s::topic_prefix, t);
    if (unit.procedural) doc.add_boolean_term(std::string(s::procedural_marker));
    std::string outcome, status;
    if (unit.resolution) {
        outcome = slug(unit.resolution->outcome);
        add_boolean(doc, s::outcome_prefix, outcome);
        add_boolean(doc, s::resolution_kind_prefix, slug(unit.resolution->kind));
    }
    if (unit.action) {
        status = slug(unit.action->status);
        add_boolean(doc, s::status_prefix, status);
    }
    const std::string collapse =
        collapse_key(unit, CollapseScope{document.kind, date, committee, document.meeting_id, document.id});
    doc.add_boolean_term(s::term(s::duplicate_prefix, collapse));

    // Values: sorting, ranges, collapsing and facet counting.
    if (!date.empty()) {
        doc.add_value(s::date_slot, date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2));
        doc.add_value(s::year_slot, date.substr(0, 4));
    }
    if (!committee.empty()) doc.add_value(s::committee_slot, committee);
    if (!council.empty()) doc.add_value(s::council_slot, council);
    doc.add_value(s::type_slot, type);
    doc.add_value(s::kind_slot, kind);
    doc.add_value(s::collapse_slot, collapse);
    if (!outcome.empty()) doc.add_value(s::outcome_slot, outcome);
    if (!status.empty()) doc.add_value(s::status_slot, status);
    // The largest sum the passage prints: what "amount:1m.." and sorting by amount compare.
    double largest = -1;
    for (const auto& a : text::read_amounts(unit.text)) largest = std::max(largest, a.value);
    if (largest >= 0) doc.add_value(s::amount_slot, Xapian::sortable_serialise(largest));
    // Multi-valued facets: one id per slot, each distinct id once, so a unit naming three
    // people counts once for each of them.
    auto fill_slots = [&doc](const std::vector<std::string>& ids, unsigned first, unsigned max, unsigned& used) {
        std::set<std::string> seen;
        unsigned n = 0;
        for (const auto& id : ids) {
            if (id.empty() || !seen.insert(id).second) continue;
            if (n == max) break;
            doc.add_value(first + n, id);
            ++n;
        }
        used = std::max(used, n);
    };
    fill_slots(unit.people, s::person_slot_first, s::max_person_slots, out.person_slots_used);
    fill_slots(unit.topics, s::topic_slot_first, s::max_topic_slots, out.topic_slots_used);

    termgen_.set_document(doc);
    index_free_text(unit, document, file_key);

    built.spelling = spelling_words(doc);
    return built;
}

// Free text, folded (case is left to Xapian), with positions for phrases and NEAR, into the
// document termgen_ is set to.
void DocumentBuilder::index_free_text(const corpus::Unit& unit, const corpus::Document& document,
                                      const std::string& file_key) {
    std::string title = fold_for_search(unit.title);
    if (!title.empty()) {
        // Every passage of an item repeats the item's heading (or its paper's title). Its
        // plain words keep positions: "what was resolved about the multi agency safeguarding
        // hub" is a phrase of the heading, asked of the resolution. The title field's copy
        // keeps them only where the heading is the unit's own (the item, a table's caption),
        // so a title:"..." phrase finds the item, and the position table does not hold each
        // heading twice per passage (bench/LIMITS.md).
        const bool shared_heading = unit.type != corpus::UnitType::item && is_shared_heading(unit, document);
        if (shared_heading)
            termgen_.index_text_without_positions(title, 1, std::string(s::title_prefix));
        else
            termgen_.index_text(title, 1, std::string(s::title_prefix));
        termgen_.increase_termpos(10);
        termgen_.index_text(title, s::title_wdf_inc);
        termgen_.increase_termpos(100);
    }
    if (!unit.section.empty() && unit.section != unit.title) {
        std::string section = fold_for_search(unit.section);
        termgen_.index_text(section, 1, std::string(s::title_prefix));
        termgen_.increase_termpos(10);
        termgen_.index_text(section, 2);
        termgen_.increase_termpos(100);
    }
    unsigned body_inc = unit.type == corpus::UnitType::resolution ? s::resolution_wdf_inc : s::body_wdf_inc;
    // An item unit repeats the text of its paragraphs, which carry the positions: the item
    // keeps word frequencies for ranking but no positions, so phrase and NEAR searches
    // match the paragraph, and the position table (the largest) is not written twice.
    if (unit.type == corpus::UnitType::item)
        termgen_.index_text_without_positions(fold_for_search(unit.text), body_inc);
    else
        termgen_.index_text(fold_for_search(unit.text), body_inc);
    // The lettered parts of a decision do not repeat their preamble ("The Committee ...
    // recommended that:"), but a search for what was recommended about the subject should
    // find each part: the preamble counts once, after a gap so phrases do not run into it.
    if (unit.resolution && !unit.resolution->preamble.empty()) {
        termgen_.increase_termpos(100);
        termgen_.index_text(fold_for_search(unit.resolution->preamble), s::preamble_wdf_inc);
    }

    // Where the unit was printed: a question often names the council, the parish, the
    // committee or the report ("Boughton wishing well"), which the passage itself rarely
    // repeats. Each word once, without positions, so it finds the passage without
    // outranking its own text (docs/RELEVANCE.md measured it).
    termgen_.index_text_without_positions(context_words(document, file_key), 1);
}

BuiltFile DocumentBuilder::build(const corpus::FileResult& file, const std::string& file_key) {
    BuiltFile out;
    NameTable people;
    for (const auto& p : file.people) {
        people.set(p.id, p.name);
        if (!p.id.empty() && !p.name.empty()) out.person_names[p.id] = p.name;
    }
    for (const auto& doc : file.documents) {
        if (doc.committee && !doc.committee->id.empty()) out.committee_names[doc.committee->id] = doc.committee->name;
        const std::string council = corpus::council_id(doc.council);
        if (!council.empty()) out.council_names[council] = doc.council;
        if (!doc.units.empty()) out.documents[doc.id] = document_record(doc);
        for (const auto& unit : doc.units) {
            if (unit.id.empty()) continue;
            out.units.push_back(build_unit(unit, doc, council, people, file_key, out));
            ++out.units_by_type[type_name(unit.type)];
            for (const auto& t : unit.topics) out.topic_names[t] = topic_names_.name(t);
        }
    }
    // Meeting parts: every meeting this file records, and every meeting its documents name.
    std::set<std::string> ids;
    for (const auto& m : file.meetings) {
        if (m.id.empty()) continue;
        ids.insert(m.id);
        if (m.committee && !m.committee->id.empty()) out.committee_names[m.committee->id] = m.committee->name;
    }
    for (const auto& d : file.documents)
        if (!d.meeting_id.empty()) ids.insert(d.meeting_id);
    for (const auto& id : ids) {
        auto it = std::find_if(file.meetings.begin(), file.meetings.end(), [&](const auto& m) { return m.id == id; });
        out.meetings[id] = meeting_part(id, it == file.meetings.end() ? nullptr : &*it, file);
    }
    out.acronyms = file.acronyms;
    return out;
}

}  // namespace quorum::index

// Tables continued over page breaks, joined back into one (see table_pages.hpp).
#include "units/table_pages.hpp"

#include <string>

#include "quorum/corpus/text.hpp"
#include "units/tables.hpp"

namespace quorum::corpus {
namespace {

using Row = std::vector<std::string>;

std::size_t filled(const Row& row) {
    std::size_t n = 0;
    for (const std::string& cell : row) n += cell.empty() ? 0 : 1;
    return n;
}

// The same row, whatever the trailing empty cells.
bool same_row(const Row& a, const Row& b) {
    std::size_t na = a.size(), nb = b.size();
    while (na > 0 && a[na - 1].empty()) --na;
    while (nb > 0 && b[nb - 1].empty()) --nb;
    if (na != nb || na == 0) return false;
    for (std::size_t k = 0; k < na; ++k) {
        if (fold_key(a[k]) != fold_key(b[k])) return false;
    }
    return true;
}

// A first row that is a caption over a wider table (as shape_table reads it).
bool caption_row(const TableRun& run) {
    return run.rows.size() > 2 && run.rows[0].size() > 1 && filled(run.rows[0]) == 1 && !run.rows[0][0].empty();
}

// "Award Holders", "Award Holders (continued)", "Award Holders cont'd" against "Award Holders".
bool repeats_title(std::string_view text, std::string_view title) {
    if (title.empty()) return false;
    const std::string t = fold_key(text), want = fold_key(title);
    if (t.rfind(want, 0) != 0) return false;
    const std::string rest = t.substr(want.size());
    return rest.empty() || rest.find("cont") != std::string::npos;
}

class Joiner {
public:
    Joiner(std::vector<Piece>& pieces, std::string_view section) : pieces_(pieces), section_(section) {}

    void run() {
        for (std::size_t i = 0; i < pieces_.size(); ++i) {
            if (!pieces_[i].is_table) continue;
            while (join_next(i)) {}
        }
    }

private:
    // Joins the table after pieces[i] into it; false when there is none to join.
    bool join_next(std::size_t i) {
        TableRun& first = pieces_[i].table;
        const std::string caption = caption_of(i);
        std::size_t next = i + 1;
        const bool title_between =
            next < pieces_.size() && !pieces_[next].is_table &&
            (repeats_title(pieces_[next].block.text, caption) || repeats_title(pieces_[next].block.text, section_));
        if (title_between) ++next;
        if (next >= pieces_.size() || !pieces_[next].is_table) return false;
        TableRun& more = pieces_[next].table;
        if (first.rows.empty() || more.rows.empty() || more.page <= first.last_page) return false;
        const Row& header = first.rows[caption_row(first) ? 1 : 0];
        std::size_t from = 0;
        if (caption_row(more) && caption_row(first) && same_row(more.rows[0], first.rows[0])) from = 1;
        const bool repeated_header = same_row(more.rows[from], header);
        if (!repeated_header && more.rows[from].size() != header.size()) return false;
        if (repeated_header) ++from;  // kept once: the first page's
        for (std::size_t k = from; k < more.rows.size(); ++k) first.rows.push_back(std::move(more.rows[k]));
        first.last_page = more.last_page;
        pieces_.erase(pieces_.begin() + static_cast<std::ptrdiff_t>(i + 1),
                      pieces_.begin() + static_cast<std::ptrdiff_t>(next + 1));
        return true;
    }

    // The title of pieces[i]: a caption block right above it, or its own caption row.
    std::string caption_of(std::size_t i) const {
        if (i > 0 && !pieces_[i - 1].is_table && is_caption_block(pieces_[i - 1].block))
            return pieces_[i - 1].block.text;
        const TableRun& run = pieces_[i].table;
        return caption_row(run) ? run.rows[0][0] : std::string();
    }

    std::vector<Piece>& pieces_;
    std::string_view section_;
};

}  // namespace

void join_page_continued_tables(std::vector<Piece>& pieces, std::string_view section) { Joiner(pieces, section).run(); }

}  // namespace quorum::corpus

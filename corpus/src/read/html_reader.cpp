// HTML -> SourceText with gumbo. Block elements become lines, data tables become
// tab-separated rows, page furniture (scripts, menus, headers, footers) is dropped.
// ModernGov agenda/minutes pages lay items out as table rows ("54." | heading + minutes);
// such layout rows become "54. Heading" followed by the body lines, so the text
// segmenter sees items exactly as in a text export.
// The tree is walked with an explicit stack: a 100,000-deep page must not overflow.
#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>

#include "quorum/corpus/text.hpp"
#include "read/source_readers.hpp"

namespace quorum::corpus {
namespace {

constexpr int kMaxOpenElements = 2000;  // deeper content is cut (and reported)
constexpr int kMaxTableNesting = 16;    // deeper tables are read as plain blocks
constexpr int kMaxPrescanDepth = 3000;  // gumbo frees its tree recursively: bound it

bool is_block(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_BR:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_FIELDSET:
            return true;
        default:
            return false;
    }
}

// Paragraph-like blocks get a blank line after them, as in text exports.
bool ends_paragraph(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_DL:
            return true;
        default:
            return false;
    }
}

bool is_dropped_tag(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_MATH:
            return true;
        default:
            return false;
    }
}

std::string_view attribute(const GumboElement& e, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
    return a == nullptr || a->value == nullptr ? std::string_view{} : std::string_view{a->value};
}

// Site furniture marked by class or id: menus, breadcrumbs, hidden helpers, and
// ModernGov's file-size badges, hidden table headers and document link lists.
bool is_furniture(const GumboElement& e) {
    static const std::unordered_set<std::string_view> classes = {
        "menu",      "menu-list",  "dropdown", "breadcrumb", "sr-only", "is-hidden", "visually-hidden",
        "skip-link", "mgFileSize", "mgHide",   "mgHelpLine", "mgLinks", "mgFooter",  "cookie-banner"};
    std::string_view cls = attribute(e, "class");
    while (!cls.empty()) {
        const std::size_t sp = cls.find_first_of(" \t\n");
        const std::string_view token = cls.substr(0, sp);
        if (classes.contains(token)) return true;
        if (sp == std::string_view::npos) break;
        cls.remove_prefix(sp + 1);
    }
    const std::string_view id = attribute(e, "id");
    for (const char* bad : {"menu", "nav", "breadcrumb", "cookie"})
        if (id.find(bad) != std::string_view::npos) return true;
    const std::string_view role = attribute(e, "role");
    if (role == "navigation" || role == "banner" || role == "contentinfo") return true;
    return attribute(e, "hidden").data() != nullptr || attribute(e, "aria-hidden") == "true";
}

// Lines being built: text accumulates in `current` until a block boundary.
struct LineBuffer {
    std::vector<std::string> lines;
    std::string current;

    void text(std::string_view t) { current.append(t); }
    void space() { current.push_back(' '); }
    void break_line() {
        std::string line = collapse_spaces(current);
        current.clear();
        if (!line.empty()) lines.push_back(std::move(line));
    }
    void blank_line() {
        break_line();
        if (!lines.empty() && !lines.back().empty()) lines.emplace_back();
    }
    void finish() {
        break_line();
        while (!lines.empty() && lines.back().empty()) lines.pop_back();
    }
};

class Renderer {
public:
    explicit Renderer(bool& cut) : cut_(cut) {}

    void render(const GumboNode* root, LineBuffer& out, int table_depth) {
        struct Frame {
            const GumboNode* node;
            bool exit;
        };
        std::vector<Frame> stack{{root, false}};
        int open = 0;  // open elements on this stack
        while (!stack.empty()) {
            const Frame f = stack.back();
            stack.pop_back();
            const GumboNode* n = f.node;
            if (f.exit) {
                --open;
                const GumboTag tag = n->v.element.tag;
                if (tag == GUMBO_TAG_PRE) --pre_;
                if (ends_paragraph(tag))
                    out.blank_line();
                else if (is_block(tag))
                    out.break_line();
                continue;
            }
            switch (n->type) {
                case GUMBO_NODE_TEXT:
                case GUMBO_NODE_CDATA:
                case GUMBO_NODE_WHITESPACE:
                    append_text(n->v.text.text, out);
                    continue;
                case GUMBO_NODE_ELEMENT:
                case GUMBO_NODE_TEMPLATE:
                case GUMBO_NODE_DOCUMENT:
                    break;
                default:
                    continue;  // comments
            }
            if (n->type == GUMBO_NODE_DOCUMENT) {
                push_children(n->v.document.children, stack);
                continue;
            }
            const GumboElement& e = n->v.element;
            if (is_dropped_tag(e.tag) || is_furniture(e)) continue;
            if (e.tag == GUMBO_TAG_TR && table_depth < kMaxTableNesting) {
                render_row(n, out, table_depth + 1);
                continue;
            }
            if (e.tag == GUMBO_TAG_BR) {
                out.break_line();
                continue;
            }
            if (e.tag == GUMBO_TAG_IMG) {
                const std::string_view alt = attribute(e, "alt");
                if (!alt.empty()) out.text(alt);
                continue;
            }
            if (is_block(e.tag)) out.break_line();
            if (e.tag == GUMBO_TAG_LI) out.text("\xE2\x80\xA2 ");  // "• "
            if (e.tag == GUMBO_TAG_PRE) ++pre_;
            if (open >= kMaxOpenElements) {
                cut_ = true;  // children dropped; the element still closes normally
            }
            stack.push_back({n, true});
            ++open;
            if (open <= kMaxOpenElements) push_children(e.children, stack);
        }
    }

private:
    template <class S>
    static void push_children(const GumboVector& children, S& stack) {
        for (unsigned i = children.length; i > 0; --i)
            stack.push_back({static_cast<const GumboNode*>(children.data[i - 1]), false});
    }

    void append_text(const char* text, LineBuffer& out) {
        if (pre_ == 0) {
            out.text(text);
            return;
        }
        std::string_view t(text);
        std::size_t nl;
        while ((nl = t.find('\n')) != std::string_view::npos) {
            out.text(t.substr(0, nl));
            out.break_line();
            t.remove_prefix(nl + 1);
        }
        out.text(t);
    }

    // A table row: data rows (every cell one line) become one tab-separated line;
    // layout rows (cells holding paragraphs) become their cells' lines, with a short
    // leading cell ("54.") joined to the next cell's first line ("54. Heading").
    void render_row(const GumboNode* tr, LineBuffer& out, int table_depth) {
        out.break_line();
        std::vector<std::vector<std::string>> cells;
        const GumboVector& children = tr->v.element.children;
        for (unsigned i = 0; i < children.length; ++i) {
            const auto* c = static_cast<const GumboNode*>(children.data[i]);
            if (c->type != GUMBO_NODE_ELEMENT) continue;
            if (c->v.element.tag != GUMBO_TAG_TD && c->v.element.tag != GUMBO_TAG_TH) continue;
            if (is_furniture(c->v.element)) continue;
            LineBuffer cell;
            render(c, cell, table_depth);
            cell.finish();
            cells.push_back(std::move(cell.lines));
        }
        std::size_t nonblank_cells = 0;
        bool layout = false;
        for (const auto& c : cells) {
            const auto n = std::count_if(c.begin(), c.end(), [](const std::string& l) { return !l.empty(); });
            if (n > 0) ++nonblank_cells;
            if (n > 1) layout = true;
        }
        if (nonblank_cells == 0) return;
        if (!layout) {
            std::string row;
            for (std::size_t i = 0; i < cells.size(); ++i) {
                if (i > 0) row.push_back('\t');
                for (const auto& l : cells[i]) row += l;
            }
            std::replace(row.begin(), row.end(), '\n', ' ');
            out.lines.push_back(std::move(row));
            return;
        }
        std::string carry;  // a short first cell waiting to prefix the next line
        for (auto& c : cells) {
            for (auto& l : c) {
                if (l.empty()) {
                    if (carry.empty() && !out.lines.empty() && !out.lines.back().empty()) out.lines.emplace_back();
                    continue;
                }
                if (!carry.empty()) {
                    l = carry + " " + l;
                    carry.clear();
                } else if (&c == &cells.front() && c.size() == 1 && l.size() <= 8 && cells.size() > 1) {
                    carry = l;
                    continue;
                }
                out.lines.push_back(std::move(l));
            }
        }
        if (!carry.empty()) out.lines.push_back(std::move(carry));
        out.blank_line();
    }

    bool& cut_;
    int pre_ = 0;
};

// Finds where naive tag nesting first exceeds kMaxPrescanDepth (npos when never).
// Elements HTML closes implicitly (p, li, td, ...) and void elements are not counted.
std::size_t nesting_cut_position(std::string_view html) {
    static const std::unordered_set<std::string_view> uncounted = {
        "p",     "li",       "dt",     "dd",    "tr",  "td",  "th",    "option", "optgroup", "thead", "tbody",
        "tfoot", "colgroup", "area",   "base",  "br",  "col", "embed", "hr",     "img",      "input", "link",
        "meta",  "param",    "source", "track", "wbr", "rb",  "rt",    "rp",     "html",     "head",  "body"};
    int depth = 0;
    std::size_t gt_cache = 0;
    bool gt_known = false;
    for (std::size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
        if (html.compare(i, 4, "<!--") == 0) {
            const std::size_t end = html.find("-->", i + 4);
            if (end == std::string_view::npos) return std::string_view::npos;
            i = end + 2;
            continue;
        }
        const bool closing = i + 1 < html.size() && html[i + 1] == '/';
        std::size_t s = i + (closing ? 2 : 1);
        std::size_t e = s;
        while (e < html.size() && std::isalnum(static_cast<unsigned char>(html[e]))) ++e;
        if (e == s || e - s > 16) continue;
        std::string name(html.substr(s, e - s));
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        if (!gt_known || gt_cache < e) {
            gt_cache = html.find('>', e);
            gt_known = true;
        }
        if (gt_cache == std::string_view::npos) return std::string_view::npos;
        if (name == "script" || name == "style") {
            if (!closing) {
                const std::size_t end = html.find("</" + name, gt_cache);
                if (end == std::string_view::npos) return std::string_view::npos;
                i = end;
            }
            continue;
        }
        if (uncounted.contains(name) || html[gt_cache - 1] == '/') continue;
        if (closing) {
            depth = std::max(0, depth - 1);
        } else if (++depth > kMaxPrescanDepth) {
            return i;
        }
    }
    return std::string_view::npos;
}

}  // namespace

SourceText read_html_source(std::string_view bytes, const std::string& file, std::vector<Diagnostic>& diagnostics) {
    SourceText out;
    out.format = "html";
    std::string html = decode_to_utf8(bytes, file, diagnostics);
    bool cut = false;
    if (const std::size_t pos = nesting_cut_position(html); pos != std::string_view::npos) {
        html.resize(pos);
        cut = true;
    }
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // parse errors are not used; do not collect them
    GumboOutput* parsed = gumbo_parse_with_options(&options, html.data(), html.size());
    if (parsed == nullptr) {
        diagnostics.push_back({Diagnostic::Severity::error, file, 0, "html-damaged",
                               "the HTML could not be parsed; check that the file is a web page"});
        return out;
    }
    // <title> lives in <head>, which the renderer drops.
    std::vector<const GumboNode*> stack{parsed->root};
    while (!stack.empty() && out.title.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (n->type != GUMBO_NODE_ELEMENT) continue;
        if (n->v.element.tag == GUMBO_TAG_TITLE) {
            std::string t;
            const GumboVector& ch = n->v.element.children;
            for (unsigned i = 0; i < ch.length; ++i) {
                const auto* c = static_cast<const GumboNode*>(ch.data[i]);
                if (c->type == GUMBO_NODE_TEXT) t += c->v.text.text;
            }
            out.title = to_nfc(collapse_spaces(t));
            break;
        }
        if (n->v.element.tag == GUMBO_TAG_HTML || n->v.element.tag == GUMBO_TAG_HEAD) {
            const GumboVector& ch = n->v.element.children;
            for (unsigned i = 0; i < ch.length; ++i) stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
        }
    }
    LineBuffer lines;
    Renderer renderer(cut);
    renderer.render(parsed->document, lines, 0);
    lines.finish();
    gumbo_destroy_output(&options, parsed);
    if (cut)
        diagnostics.push_back({Diagnostic::Severity::warning, file, 0, "deeply-nested",
                               "the page nests elements more than " + std::to_string(kMaxOpenElements) +
                                   " deep; the deepest content was not read"});
    out.lines.reserve(lines.lines.size());
    for (auto& l : lines.lines) out.lines.push_back({to_nfc(l), 0});
    return out;
}

}  // namespace quorum::corpus

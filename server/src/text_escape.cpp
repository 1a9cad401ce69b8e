#include "text_escape.hpp"

#include "params.hpp"
#include "quorum/text/utf8.hpp"

#include <array>
#include <cstdio>
#include <utility>

namespace quorum::server {


std::string xml_escape(std::string_view raw) {
    const std::string text = text::repair_utf8(raw);
    std::string out;
    out.reserve(text.size() + 16);
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                if (c < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') break;  // not allowed in XML 1.0
                out += ch;
        }
    }
    return out;
}

std::string csv_cell(std::string_view raw) {
    const std::string text = text::repair_utf8(raw);
    std::string out = "\"";
    if (!text.empty() &&
        (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' || text[0] == '\r'))
        out += '\'';
    for (char ch : text) {
        if (ch == '"') out += '"';
        out += ch;
    }
    out += '"';
    return out;
}

std::string snippet_text(std::string_view snippet) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kReplace{{
        {"<mark>", ""},
        {"</mark>", ""},
        {"&lt;", "<"},
        {"&gt;", ">"},
        {"&quot;", "\""},
        {"&#39;", "'"},
        {"&#x27;", "'"},
        {"&amp;", "&"},
    }};
    std::string out;
    out.reserve(snippet.size());
    for (std::size_t i = 0; i < snippet.size();) {
        bool replaced = false;
        if (snippet[i] == '<' || snippet[i] == '&') {
            for (const auto& [from, to] : kReplace) {
                if (snippet.substr(i, from.size()) == from) {
                    out += to;
                    i += from.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) out += snippet[i++];
    }
    return out;
}

std::string log_escape(std::string_view text, std::size_t max) {
    std::string out;
    out.reserve(std::min(text.size(), max) + 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (out.size() >= max) {
            out += "...";
            break;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c >= 0x7F || c == '\\' || c == '"') {
            char buf[5];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string csv_record(std::initializer_list<std::string_view> cells) {
    std::string out;
    bool first = true;
    for (const auto cell : cells) {
        if (!first) out += ',';
        out += csv_cell(cell);
        first = false;
    }
    out += "\r\n";
    return out;
}

}  // namespace quorum::server

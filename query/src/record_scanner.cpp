#include "record_scanner.hpp"

#include "quorum/text/utf8.hpp"

namespace quorum::query {

RecordFields RecordScanner::read(bool want_text) {
    RecordFields out;
    if (!consume('{')) return {};
    if (consume('}')) return out;
    for (;;) {
        ws();
        const std::size_t member_begin = i_;
        std::string key;
        if (!string_value(&key) || !consume(':')) return {};
        std::string* target = key == "id"                  ? &out.id
                              : key == "doc"               ? &out.doc
                              : key == "text" && want_text ? &out.text
                                                           : nullptr;
        ws();
        if (target != nullptr && peek() == '"') {
            if (!string_value(target)) return {};
        } else if (!skip_value()) {
            return {};
        }
        if (key == "doc") {
            out.doc_begin = member_begin;
            out.doc_end = i_;
        }
        if (consume(',')) continue;
        if (consume('}')) return out;
        return {};
    }
}

void RecordScanner::ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
}

bool RecordScanner::consume(char c) {
    ws();
    if (peek() != c) return false;
    ++i_;
    return true;
}

bool RecordScanner::hex4(std::uint32_t& v) {
    if (i_ + 4 > s_.size()) return false;
    v = 0;
    for (int k = 0; k < 4; ++k) {
        char c = s_[i_++];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= std::uint32_t(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= std::uint32_t(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= std::uint32_t(c - 'A' + 10);
        else
            return false;
    }
    return true;
}

bool RecordScanner::string_value(std::string* out) {
    ws();
    if (peek() != '"') return false;
    ++i_;
    for (;;) {
        std::size_t run = i_;
        while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\\') ++i_;
        if (out != nullptr) out->append(s_.data() + run, i_ - run);
        if (i_ >= s_.size()) return false;
        if (s_[i_++] == '"') return true;
        if (i_ >= s_.size()) return false;
        char e = s_[i_++];
        if (out == nullptr) {
            continue;  // skipping: the escaped character cannot end the string
        }
        switch (e) {
            case '"':
                out->push_back('"');
                break;
            case '\\':
                out->push_back('\\');
                break;
            case '/':
                out->push_back('/');
                break;
            case 'b':
                out->push_back('\b');
                break;
            case 'f':
                out->push_back('\f');
                break;
            case 'n':
                out->push_back('\n');
                break;
            case 'r':
                out->push_back('\r');
                break;
            case 't':
                out->push_back('\t');
                break;
            case 'u': {
                std::uint32_t cp = 0;
                if (!hex4(cp)) return false;
                if (cp >= 0xD800 && cp < 0xDC00 && i_ + 1 < s_.size() && s_[i_] == '\\' && s_[i_ + 1] == 'u') {
                    i_ += 2;
                    std::uint32_t low = 0;
                    if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                text::append_utf8(*out, cp);
                break;
            }
            default:
                return false;
        }
    }
}

bool RecordScanner::skip_value() {
    ws();
    char c = peek();
    if (c == '"') return string_value(nullptr);
    if (c == '{' || c == '[') {
        int depth = 0;
        while (i_ < s_.size()) {
            char d = s_[i_];
            if (d == '"') {
                if (!string_value(nullptr)) return false;
                continue;
            }
            ++i_;
            if (d == '{' || d == '[') ++depth;
            if ((d == '}' || d == ']') && --depth == 0) return true;
        }
        return false;
    }
    std::size_t start = i_;  // number, true, false, null
    while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}' && s_[i_] != ']' && s_[i_] != ' ' && s_[i_] != '\n') ++i_;
    return i_ > start;
}

RecordFields record_fields(const std::string& json, bool want_text) { return RecordScanner(json).read(want_text); }

}  // namespace quorum::query

// Dates and times as councils print them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace quorum::corpus {

// Finds the first full date in text: "Tuesday 22 February 2022", "22nd March 2022",
// "31st March 2022", "22/02/2022", "2022-02-22". Returns YYYY-MM-DD.
[[nodiscard]] std::optional<std::string> find_date(std::string_view text);

// The same date and the byte offset in `text` where it begins (its day, or its month in
// "March 3, 2021"), in one pass.
struct DateMatch {
    std::size_t begin = 0;
    std::string date;  // YYYY-MM-DD
};
[[nodiscard]] std::optional<DateMatch> find_date_match(std::string_view text);

// Parses a numeric date as a whole: "22/03/22", "01/09/21", "22/03/2022" (UK day first).
[[nodiscard]] std::optional<std::string> parse_numeric_date(std::string_view text);

// Finds a clock time: "2.30 pm", "2:30pm", "10.15 a.m.", "14:00" -> "14:30".
[[nodiscard]] std::optional<std::string> find_time(std::string_view text);

// Date with a year missing ("17 September", "Tuesday 26 April") resolved against a
// reference date YYYY-MM-DD (the nearest such date not more than ~11 months away).
[[nodiscard]] std::optional<std::string> find_date_near(std::string_view text, std::string_view reference);

}  // namespace quorum::corpus

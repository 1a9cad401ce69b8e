// Sums of money as printed in council papers: "£1.2m", "£250,000", "£3.5 million", "€40k",
// "£1.4bn". One rule for the decisions' amounts, the index's amount value and the query's
// "amount:" ranges.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::text {

struct Amount {
    std::string text;      // as printed: "£3.5 million"
    double value = 0;      // 3500000
    std::string currency;  // GBP | EUR | USD
    bool operator==(const Amount&) const = default;
};

// Every amount with a currency sign in `text`, in order.
[[nodiscard]] std::vector<Amount> read_amounts(std::string_view text);

// One amount typed by a user, the sign optional: "1m", "£250,000", "3.5million", "40k" ->
// its value; nullopt when it is not a number.
[[nodiscard]] std::optional<double> amount_value(std::string_view typed);

}  // namespace quorum::text

#include "summary_spill.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "decision_records_json.hpp"
#include "quorum/index/unit_record.hpp"

namespace quorum::index {
namespace {

// `error`: an errno value, or 0 for a short read or write (the disk is full, or the file
// is shorter than what was written to it).
std::runtime_error spill_error(const std::string& what, const std::string& where, int error) {
    return std::runtime_error(what + " (" + where + "): " + (error ? std::strerror(error) : "short read or write") +
                              "; set TMPDIR to a folder with free space that quorum-index can write");
}

}  // namespace

SummarySpill::SummarySpill() {
    std::error_code ec;
    const std::filesystem::path dir = std::filesystem::temp_directory_path(ec);  // $TMPDIR, else /tmp
    if (ec)
        throw std::runtime_error("no folder for a temporary file (" + ec.message() +
                                 "); set TMPDIR to a folder with free space that quorum-index can write");
    // O_TMPFILE: the file has no name, so it goes with the process whatever ends it.
    fd_ = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd_ < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
        std::string name = (dir / "quorum-summaries-XXXXXX").string();  // a filesystem without O_TMPFILE
        fd_ = ::mkostemp(name.data(), O_CLOEXEC);
        if (fd_ >= 0) ::unlink(name.c_str());
    }
    if (fd_ < 0) throw spill_error("cannot create a temporary file for the people and committee summaries", dir, errno);
}

SummarySpill::~SummarySpill() {
    if (fd_ >= 0) ::close(fd_);
}

SummarySpill::Part SummarySpill::append(const std::string& text) {
    Part part{end_, text.size()};
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::pwrite(fd_, text.data() + done, text.size() - done, static_cast<off_t>(end_ + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            throw spill_error("cannot write the people and committee summaries", "temporary file", n < 0 ? errno : 0);
        done += static_cast<std::size_t>(n);
    }
    end_ += text.size();
    return part;
}

std::string SummarySpill::read(const Part& part) const {
    std::string text(part.size, '\0');
    std::size_t done = 0;
    while (done < part.size) {
        const ssize_t n = ::pread(fd_, text.data() + done, part.size - done, static_cast<off_t>(part.offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            throw spill_error("cannot read back the people and committee summaries", "temporary file",
                              n < 0 ? errno : 0);
        done += static_cast<std::size_t>(n);
    }
    return text;
}

void SummarySpill::add(const std::vector<decisions::PersonSummary>& people,
                       const std::vector<decisions::CommitteeSummary>& committees) {
    // dump(): invalid UTF-8 is replaced, as in the stored records, rather than thrown on.
    for (const auto& p : people) people_[p.id].push_back(append(dump(to_json(p))));
    for (const auto& c : committees) committees_[c.id].push_back(append(dump(to_json(c))));
}

template <typename T, typename Parse>
void SummarySpill::take(std::map<std::string, std::vector<Part>>& parts, std::size_t batch, Parse parse,
                        const std::function<void(std::vector<T>&&)>& give) {
    std::vector<T> out;
    for (auto it = parts.begin(); it != parts.end(); it = parts.erase(it)) {
        T merged = parse(nlohmann::json::parse(read(it->second.front())));
        for (std::size_t i = 1; i < it->second.size(); ++i)
            decisions::merge_summary(merged, parse(nlohmann::json::parse(read(it->second[i]))));
        out.push_back(std::move(merged));
        if (out.size() >= batch) {
            give(std::move(out));
            out.clear();
        }
    }
    if (!out.empty()) give(std::move(out));
}

void SummarySpill::take_people(std::size_t batch,
                               const std::function<void(std::vector<decisions::PersonSummary>&&)>& give) {
    take<decisions::PersonSummary>(people_, batch, person_from_json, give);
}

void SummarySpill::take_committees(std::size_t batch,
                                   const std::function<void(std::vector<decisions::CommitteeSummary>&&)>& give) {
    take<decisions::CommitteeSummary>(committees_, batch, committee_from_json, give);
}

}  // namespace quorum::index

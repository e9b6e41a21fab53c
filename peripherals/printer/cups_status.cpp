#include "printer/cups_status.hpp"

#include <algorithm>

namespace onestop::peripherals::printer {
namespace {

bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

StateReason parseReason(std::string_view r) {
  for (const auto& [suffix, severity] : {std::pair{std::string_view("-error"), ReasonSeverity::Error},
                                         std::pair{std::string_view("-warning"), ReasonSeverity::Warning},
                                         std::pair{std::string_view("-report"), ReasonSeverity::Report}})
    if (endsWith(r, suffix)) return {std::string(r.substr(0, r.size() - suffix.size())), severity};
  return {std::string(r), ReasonSeverity::Error};
}

DeviceStatus deviceStatusOf(const CupsQueueState& q) {
  DeviceStatus d;
  d.device = DeviceState::Online;
  d.details[std::string(status::kPaper)] = "full";
  std::string why;
  const auto worse = [&](DeviceState state, std::string text) {
    // The first reason of the highest rank wins: userError and hardwareError over offline.
    auto rank = [](DeviceState s) {
      return s == DeviceState::Online ? 0 : s == DeviceState::Offline ? 1 : 2;
    };
    if (rank(state) > rank(d.device)) {
      d.device = state;
      why = std::move(text);
    }
  };

  for (const auto& raw : q.reasons) {
    if (raw == "none") continue;
    const auto r = parseReason(raw);
    const bool error = r.severity == ReasonSeverity::Error;
    const auto& k = r.keyword;
    if (k == "media-empty" || k == "media-needed") {
      d.details[std::string(status::kPaper)] = error ? "out" : "low";
      if (error) worse(DeviceState::UserError, "paper out");
    } else if (k == "media-low") {
      d.details[std::string(status::kPaper)] = "low";
    } else if (k == "media-jam") {
      d.details[std::string(status::kPaper)] = "jammed";
      worse(DeviceState::UserError, "paper jam");
    } else if (startsWith(k, "toner") || startsWith(k, "marker-supply")) {
      const bool empty = endsWith(k, "-empty");
      d.details["toner"] = empty ? "out" : "low";
      if (empty && error) worse(DeviceState::UserError, "toner empty");
    } else if (k == "door-open" || k == "cover-open" || k == "interlock-open") {
      d.details["door"] = "open";
      if (error) worse(DeviceState::UserError, k == "door-open" ? "door open" : "cover open");
    } else if (k == "offline" || k == "shutdown" || k == "paused" || k == "moving-to-paused") {
      worse(DeviceState::Offline, k == "paused" ? "queue paused" : "printer offline");
    } else if (error && k != "connecting-to-device" && k != "cups-waiting-for-job-completed" &&
               k != "other" && !startsWith(k, "cups-")) {
      worse(DeviceState::HardwareError, "printer reports " + raw);
    }
  }
  if (q.state == 5) worse(DeviceState::Offline, "queue stopped");
  if (!q.accepting) worse(DeviceState::Offline, "queue not accepting jobs");
  if (d.device != DeviceState::Online || !q.message.empty()) {
    d.description = why;
    if (!q.message.empty()) d.description += (d.description.empty() ? "" : ": ") + q.message;
  }
  return d;
}

}  // namespace onestop::peripherals::printer

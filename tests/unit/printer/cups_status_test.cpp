// What a CUPS queue's state means for the device model (no scheduler needed).
#include <doctest/doctest.h>

#include "printer/cups_status.hpp"

using namespace onestop::peripherals;
using namespace onestop::peripherals::printer;

TEST_CASE("printer-state-reasons keywords and their severity suffixes") {
  CHECK(parseReason("media-empty-error").keyword == "media-empty");
  CHECK(parseReason("media-empty-error").severity == ReasonSeverity::Error);
  CHECK(parseReason("toner-low-report").severity == ReasonSeverity::Report);
  CHECK(parseReason("media-needed-warning").severity == ReasonSeverity::Warning);
  CHECK(parseReason("media-jam").severity == ReasonSeverity::Error);   // no suffix: an error
}

TEST_CASE("a CUPS queue's state maps to the device model") {
  CHECK(deviceStatusOf({3, true, {"none"}, ""}).device == DeviceState::Online);
  CHECK(deviceStatusOf({4, true, {}, ""}).device == DeviceState::Online);

  auto s = deviceStatusOf({3, true, {"media-empty-error"}, "out of paper"});
  CHECK(s.device == DeviceState::UserError);
  CHECK(s.details.at("paper") == "out");
  CHECK(s.description == "paper out: out of paper");
  s = deviceStatusOf({3, true, {"media-needed"}, ""});
  CHECK(s.device == DeviceState::UserError);
  s = deviceStatusOf({3, true, {"media-jam-error"}, ""});
  CHECK(s.device == DeviceState::UserError);
  CHECK(s.details.at("paper") == "jammed");
  s = deviceStatusOf({3, true, {"toner-low-report"}, ""});
  CHECK(s.device == DeviceState::Online);
  CHECK(s.details.at("toner") == "low");
  s = deviceStatusOf({3, true, {"toner-empty-error"}, ""});
  CHECK(s.device == DeviceState::UserError);
  CHECK(s.details.at("toner") == "out");
  s = deviceStatusOf({3, true, {"door-open-error"}, ""});
  CHECK(s.device == DeviceState::UserError);
  CHECK(s.details.at("door") == "open");
  CHECK(deviceStatusOf({3, true, {"offline-report"}, ""}).device == DeviceState::Offline);
  s = deviceStatusOf({5, true, {"paused"}, "disabled by staff"});
  CHECK(s.device == DeviceState::Offline);
  CHECK(s.description == "queue paused: disabled by staff");
  CHECK(deviceStatusOf({3, false, {}, ""}).device == DeviceState::Offline);
  // A user error outranks an offline queue; an unknown error keyword is a hardware error.
  CHECK(deviceStatusOf({5, true, {"paused", "media-empty-error"}, ""}).device == DeviceState::UserError);
  CHECK(deviceStatusOf({3, true, {"fuser-over-temp-error"}, ""}).device == DeviceState::HardwareError);
  CHECK(deviceStatusOf({3, true, {"connecting-to-device"}, ""}).device == DeviceState::Online);
}

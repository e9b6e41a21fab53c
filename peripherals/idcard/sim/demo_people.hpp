#pragma once
// Synthetic demo citizens from assets/demo/people.json (the one source the simulator,
// UI scenarios and the central server share). Only the printed-card part is read here.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "device/device.hpp"

namespace onestop::peripherals::idcard::sim {

/// The fields printed on (and stored in the chip of) a demo card, as in people.json.
struct DemoCard {
  std::string type = "mainland";   ///< mainland | hmtPermit | foreign2017 | foreign2023
  std::string name;
  std::string englishName;
  int gender = 0;
  int ethnicity = 0;
  std::string nationality;
  std::string birthDate;           ///< YYYY-MM-DD
  std::string address;
  std::string idNumber;
  std::string passNumber;
  int issueCount = 0;
  std::string issuingAuthority;
  std::string validFrom;           ///< YYYY-MM-DD
  std::string validTo;             ///< YYYY-MM-DD or "long-term"
};

struct DemoPerson {
  std::string key;                 ///< stable, e.g. "worker", "rare-name"
  std::string scenario;            ///< what the person demonstrates
  bool inSystem = true;
  DemoCard card;
};

/// Where people.json lives: $ONESTOP_DEMO_PEOPLE, else the source tree's copy.
std::string defaultPeoplePath();

Expected<std::vector<DemoPerson>> loadDemoPeople(const std::string& path);
Expected<std::vector<DemoPerson>> parseDemoPeople(std::string_view json);

const DemoPerson* findPerson(const std::vector<DemoPerson>& people, std::string_view key);

}  // namespace onestop::peripherals::idcard::sim

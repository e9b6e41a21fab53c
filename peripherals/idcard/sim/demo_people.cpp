#include "idcard/sim/demo_people.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace onestop::peripherals::idcard::sim {

std::string defaultPeoplePath() {
  if (const char* env = std::getenv("ONESTOP_DEMO_PEOPLE"); env && *env) return env;
  return ONESTOP_DEMO_PEOPLE_PATH;
}

Expected<std::vector<DemoPerson>> loadDemoPeople(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Completion{CompletionCode::DeviceNotReady, -1, fmt::format("cannot read {}", path)};
  std::stringstream ss;
  ss << in.rdbuf();
  return parseDemoPeople(ss.str());
}

Expected<std::vector<DemoPerson>> parseDemoPeople(std::string_view text) {
  // nlohmann throws; errors stop here and become values.
  try {
    const auto doc = nlohmann::json::parse(text);
    std::vector<DemoPerson> people;
    for (const auto& p : doc.at("people")) {
      DemoPerson person;
      person.key = p.at("key").get<std::string>();
      person.scenario = p.value("scenario", "");
      person.inSystem = p.value("inSystem", true);
      const auto& c = p.at("card");
      DemoCard& card = person.card;
      card.type = c.value("type", "mainland");
      card.name = c.value("name", "");
      card.englishName = c.value("englishName", "");
      card.gender = c.value("gender", 0);
      card.ethnicity = c.value("ethnicity", 0);
      card.nationality = c.value("nationality", "");
      card.birthDate = c.at("birthDate").get<std::string>();
      card.address = c.value("address", "");
      card.idNumber = c.at("idNumber").get<std::string>();
      card.passNumber = c.value("passNumber", "");
      card.issueCount = c.value("issueCount", 0);
      card.issuingAuthority = c.value("issuingAuthority", "");
      card.validFrom = c.at("validFrom").get<std::string>();
      card.validTo = c.at("validTo").get<std::string>();
      people.push_back(std::move(person));
    }
    return people;
  } catch (const nlohmann::json::exception& e) {
    return Completion{CompletionCode::InvalidData, -1, fmt::format("people.json: {}", e.what())};
  }
}

const DemoPerson* findPerson(const std::vector<DemoPerson>& people, std::string_view key) {
  for (const auto& p : people)
    if (p.key == key) return &p;
  return nullptr;
}

}  // namespace onestop::peripherals::idcard::sim

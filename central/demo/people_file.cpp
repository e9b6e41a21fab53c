#include "demo/people_file.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace onestop::central::demo {
namespace {

DemoInsurance parseInsurance(const nlohmann::json& j) {
  DemoInsurance ins;
  for (const auto& p : j.value("participations", nlohmann::json::array()))
    ins.participations.push_back({p.at("type").get<std::string>(), p.at("status").get<std::string>()});
  ins.paidMonths = j.value("paidMonths", 0);
  ins.arrearsMonths = j.value("arrearsMonths", 0);
  ins.contributionBase = j.value("contributionBase", 0.0);
  ins.personalAccountBalance = j.value("personalAccountBalance", 0.0);
  ins.employer = j.value("employer", "");
  for (const auto& g : j.value("gaps", nlohmann::json::array()))
    ins.gaps.push_back({g.at("from").get<std::string>(), g.at("to").get<std::string>()});
  for (const auto& b : j.value("benefits", nlohmann::json::array()))
    ins.benefits.push_back({b.at("type").get<std::string>(), b.at("since").get<std::string>(),
                            b.at("monthlyAmount").get<double>()});
  ins.flexibleEmployment = j.value("flexibleEmployment", false);
  return ins;
}

}  // namespace

std::string defaultDemoPeoplePath() {
  if (const char* env = std::getenv("ONESTOP_DEMO_PEOPLE"); env && *env) return env;
  return ONESTOP_DEMO_PEOPLE_PATH;
}

core::Result<std::vector<DemoPerson>> loadDemoPeople(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Error{"cannot read demo people file " + path};
  std::stringstream text;
  text << in.rdbuf();
  return parseDemoPeople(text.str());
}

core::Result<std::vector<DemoPerson>> parseDemoPeople(std::string_view json) {
  // nlohmann throws; errors stop here and become values.
  try {
    const auto doc = nlohmann::json::parse(json);
    std::vector<DemoPerson> people;
    for (const auto& p : doc.at("people")) {
      DemoPerson person;
      person.key = p.at("key").get<std::string>();
      person.scenario = p.value("scenario", "");
      person.inSystem = p.value("inSystem", true);
      person.phone = p.value("phone", "");
      const auto& c = p.at("card");
      person.card.type = c.value("type", "mainland");
      person.card.name = c.value("name", "");
      person.card.englishName = c.value("englishName", "");
      person.card.gender = c.value("gender", 0);
      person.card.birthDate = c.at("birthDate").get<std::string>();
      person.card.address = c.value("address", "");
      person.card.idNumber = c.at("idNumber").get<std::string>();
      if (p.contains("insurance")) person.insurance = parseInsurance(p.at("insurance"));
      people.push_back(std::move(person));
    }
    return people;
  } catch (const nlohmann::json::exception& e) {
    return core::Error{std::string("demo people file: ") + e.what()};
  }
}

}  // namespace onestop::central::demo

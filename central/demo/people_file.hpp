#pragma once
// The named demo people of assets/demo/people.json: the card the ID card simulator
// presents and the insurance facts the central server expands into records. One file,
// so that the card a kiosk reads and the record the server finds always agree.
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace onestop::central::demo {

struct DemoCard {
  std::string type = "mainland";  ///< mainland | hmtPermit | foreign2017 | foreign2023
  std::string name;
  std::string englishName;        ///< foreign cards only
  int gender = 0;                 ///< GB/T 2261.1
  std::string birthDate;          ///< YYYY-MM-DD
  std::string address;
  std::string idNumber;
};

struct DemoParticipation {
  std::string type;    ///< pension | medical | unemployment | workInjury | maternity
  std::string status;  ///< active | suspended | terminated
};

struct DemoGap {
  std::string from;  ///< YYYY-MM, inclusive
  std::string to;    ///< YYYY-MM, inclusive
};

struct DemoBenefit {
  std::string type;      ///< e.g. pension
  std::string since;     ///< YYYY-MM
  double monthlyAmount = 0;  ///< yuan
};

struct DemoInsurance {
  std::vector<DemoParticipation> participations;
  int paidMonths = 0;
  int arrearsMonths = 0;
  double contributionBase = 0;        ///< yuan a month; 0 when no longer contributing
  double personalAccountBalance = 0;  ///< yuan, the pension personal account today
  std::string employer;
  std::vector<DemoGap> gaps;
  std::vector<DemoBenefit> benefits;
  bool flexibleEmployment = false;
};

struct DemoPerson {
  std::string key;       ///< stable, e.g. "worker", "rare-name"
  std::string scenario;  ///< what the person demonstrates
  bool inSystem = true;  ///< false: the server must answer "not in the system"
  std::string phone;
  DemoCard card;
  DemoInsurance insurance;
};

/// Where people.json lives: $ONESTOP_DEMO_PEOPLE, else the source tree's copy.
std::string defaultDemoPeoplePath();

core::Result<std::vector<DemoPerson>> loadDemoPeople(const std::string& path);
core::Result<std::vector<DemoPerson>> parseDemoPeople(std::string_view json);

}  // namespace onestop::central::demo

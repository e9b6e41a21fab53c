#include <doctest/doctest.h>

#include <set>

#include "core/service_catalogue.hpp"

using namespace onestop::core;

TEST_CASE("every service carries a complete one-time notification") {
  std::set<std::string_view> ids;
  for (const auto& s : serviceCatalogue()) {
    CAPTURE(s.id);
    CHECK(ids.insert(s.id).second);          // ids are unique
    CHECK_FALSE(s.materials.empty());        // materials listed up front
    CHECK_FALSE(s.legalBasis.empty());
    CHECK(s.timeLimitWorkingDays >= 0);
    CHECK(s.feeFen == 0);                    // social-insurance services are free
  }
  CHECK(ids.size() >= 15);
}

TEST_CASE("every group on the home screen has services") {
  for (auto g : {ServiceGroup::Query, ServiceGroup::Certificate, ServiceGroup::Filing, ServiceGroup::Counter})
    CHECK_FALSE(servicesInGroup(g).empty());
}

TEST_CASE("back-office filings promise a time limit, counter services need the counter") {
  const auto* bank = findService("change_bank_account");
  REQUIRE(bank);
  CHECK(bank->handling == Handling::KioskBackOffice);
  CHECK(bank->timeLimitWorkingDays > 0);
  const auto* retire = findService("retirement_claim");
  REQUIRE(retire);
  CHECK(retire->handling == Handling::Counter);
  CHECK(findService("nonexistent") == nullptr);
}

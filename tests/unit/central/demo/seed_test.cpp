#include <memory>
#include <string>

#include <doctest/doctest.h>

#include "api/schema.hpp"
#include "demo/essc_token.hpp"
#include "demo/seed.hpp"
#include "demo_people_fixture.hpp"
#include "store/database.hpp"
#include "support/test_db.hpp"

using namespace onestop::central;
using namespace onestop::central::demo;

namespace {

std::unique_ptr<store::Database> openMigrated(const std::string& url) {
  auto opened = store::Database::open(url);
  REQUIRE_MESSAGE(opened.ok(), opened.error().message);
  auto migrated = store::migrate(*opened.value(), api::centralMigrations());
  REQUIRE_MESSAGE(migrated.ok(), migrated.error().message);
  return std::move(opened.value());
}

std::int64_t countRows(store::Connection& c, const std::string& table) {
  auto rows = c.query("SELECT COUNT(*) FROM " + table);
  REQUIRE_MESSAGE(rows.ok(), rows.error().message);
  return rows->rows.at(0).integer(0);
}

void seedDemoAndLookUp(store::Database& db) {
  auto lease = db.acquire();
  REQUIRE(lease.ok());
  store::Connection& c = *lease.value();

  const auto& expected = demo_test::records();
  std::int64_t contributions = 0;
  std::int64_t history = 0;
  for (const auto& r : expected) {
    contributions += static_cast<std::int64_t>(r.contributions.size());
    history += static_cast<std::int64_t>(r.history.size());
  }

  auto first = seedDemoCitizens(c, demo_test::people(), demo_test::kReference);
  REQUIRE_MESSAGE(first.ok(), first.error().message);
  CHECK(first->alreadyPresent == 0);
  CHECK(first->citizens == static_cast<std::int64_t>(expected.size()));
  CHECK(first->contributions == contributions);
  CHECK(first->participationHistory == history);
  CHECK(first->esscTokens == first->citizens);
  CHECK(countRows(c, "citizens") == first->citizens);
  CHECK(countRows(c, "contributions") == contributions);
  CHECK(countRows(c, "benefit_payments") == first->benefitPayments);
  CHECK(countRows(c, "pension_accounts") == first->pensionAccounts);

  auto again = seedDemoCitizens(c, demo_test::people(), demo_test::kReference);
  REQUIRE(again.ok());
  CHECK(again->alreadyPresent == first->citizens);
  CHECK(again->citizens == 0);
  CHECK(countRows(c, "contributions") == contributions);

  const std::vector<store::Value> worker{std::string(demo_test::person("worker").card.idNumber)};
  auto found = c.query("SELECT id, name FROM citizens WHERE id_number = ?", worker);
  REQUIRE(found.ok());
  REQUIRE(found->size() == 1);
  CHECK(found->rows[0].text(0) == demoCitizenId("worker"));
  CHECK(found->rows[0].text(1) == demo_test::person("worker").card.name);

  const std::vector<store::Value> rare{demoCitizenId("rare-name")};
  auto name = c.query("SELECT name FROM citizens WHERE id = ?", rare);
  REQUIRE(name.ok());
  CHECK(name->rows.at(0).text(0) == "测试䶮𠈌");

  for (const char* key : {"not-in-system", "bad-check"}) {
    const std::vector<store::Value> idNumber{demo_test::person(key).card.idNumber};
    auto none = c.query("SELECT id FROM citizens WHERE id_number = ?", idNumber);
    REQUIRE(none.ok());
    CHECK(none->empty());
  }

  const std::vector<store::Value> token{esscTokenHash(demoEsscToken("retiree"))};
  auto holder = c.query("SELECT citizen_id, expires_at FROM essc_tokens WHERE token_hash = ?", token);
  REQUIRE(holder.ok());
  REQUIRE(holder->size() == 1);
  CHECK(holder->rows[0].text(0) == demoCitizenId("retiree"));
  CHECK(holder->rows[0].integer(1) == kDemoEsscExpiresAt);
}

void seedSyntheticBesideDemo(store::Database& db) {
  auto lease = db.acquire();
  REQUIRE(lease.ok());
  store::Connection& c = *lease.value();
  REQUIRE(seedDemoCitizens(c, demo_test::people(), demo_test::kReference).ok());
  const std::int64_t demoCount = countRows(c, "citizens");

  auto seeded = seedSynthetic(c, 200, 7, demo_test::kReference);
  REQUIRE_MESSAGE(seeded.ok(), seeded.error().message);
  CHECK(seeded->citizens == 200);
  CHECK(countRows(c, "citizens") == demoCount + 200);
  CHECK(countRows(c, "contributions") > 200 * 12);
  CHECK(countRows(c, "essc_tokens") == demoCount + 200);

  auto again = seedSynthetic(c, 200, 7, demo_test::kReference);
  REQUIRE(again.ok());
  CHECK(again->citizens == 0);
  CHECK(again->alreadyPresent == 200);
  CHECK(countRows(c, "citizens") == demoCount + 200);
}

}  // namespace

TEST_CASE("SQLite: demo citizens are seeded once, in full, and found by ID number and e-SSC token") {
  auto db = openMigrated("sqlite:" + onestop::test::freshSqlitePath("demo-seed"));
  seedDemoAndLookUp(*db);
}

TEST_CASE("SQLite: synthetic citizens are seeded in batches next to the demo people") {
  auto db = openMigrated("sqlite:" + onestop::test::freshSqlitePath("demo-synthetic"));
  seedSyntheticBesideDemo(*db);
}

TEST_CASE("PostgreSQL: demo citizens are seeded once, in full, and found by ID number and e-SSC token") {
  const std::string url = onestop::test::freshPostgresUrl("demo_seed");
  if (url.empty()) return;  // started by hand, without the ctest fixture
  auto db = openMigrated(url);
  seedDemoAndLookUp(*db);
}

TEST_CASE("PostgreSQL: synthetic citizens are seeded in batches next to the demo people") {
  const std::string url = onestop::test::freshPostgresUrl("demo_synthetic");
  if (url.empty()) return;
  auto db = openMigrated(url);
  seedSyntheticBesideDemo(*db);
}

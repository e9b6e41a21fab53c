// The certificate model: every fixture the demo server issued parses; anything that would
// print wrongly is refused with a message that names the member, never its value.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "document_checks.hpp"
#include "documents/certificate.hpp"
#include "documents/wording.hpp"

using namespace onestop::documents;
using namespace onestop::documents::test;
using nlohmann::json;

namespace {

std::string mutated(const std::string& fixture, const std::function<void(json&)>& change) {
  json j = json::parse(readFile(fixturePath(fixture)));
  change(j);
  return j.dump();
}

}  // namespace

TEST_CASE("certificate fixtures from the demo server parse into the model") {
  const auto p = loadFixture("participation-worker");
  CHECK(p.type == CertificateType::Participation);
  CHECK(p.holder.name == "测试张伟");
  CHECK(p.holder.idNumberMasked == "110105********0312");
  CHECK(p.participations.size() == 5);
  CHECK(p.seal.rfind("OSS1.", 0) == 0);
  CHECK(p.verificationCodePrinted.size() == 14);
  CHECK(p.validUntil > p.issuedAt);
  CHECK(p.period.from.year >= 1900);   // the whole record: from the first month on record
  CHECK(p.period.to.year * 12 + static_cast<int>(p.period.to.month) >
        p.period.from.year * 12 + static_cast<int>(p.period.from.month));

  const auto r = loadFixture("rights-record-retiree");
  CHECK(r.type == CertificateType::RightsRecord);
  CHECK(r.contributionsByYear.size() > 30);
  REQUIRE(r.pensionAccount.has_value());

  const auto b = loadFixture("benefit-retiree");
  CHECK(b.type == CertificateType::Benefit);
  REQUIRE(b.benefits.size() == 1);
  CHECK(b.benefits[0].type == InsuranceType::Pension);
  CHECK(b.benefits[0].monthlyFen == 423680);

  CHECK(loadFixture("participation-rare-name").holder.name == "测试䶮𠈌");
}

TEST_CASE("a certificate that would print wrongly is refused, naming the member and not the value") {
  struct Case {
    const char* what;
    std::function<void(json&)> change;
    const char* message;
  };
  const Case cases[] = {
      {"full ID number", [](json& j) { j["document"]["holder"]["idNumberMasked"] = "110105198503140312"; },
       "document.holder.idNumberMasked"},
      {"unknown insurance type", [](json& j) { j["document"]["participations"][0]["type"] = "lottery"; },
       "document.participations[0].type: unknown value"},
      {"seal that is not a seal", [](json& j) { j["seal"] = "https://example.com/"; }, "seal: not an OSS1"},
      {"serial differs from the document's", [](json& j) { j["document"]["serial"] = "ZM0000"; }, "document.serial"},
      {"no holder", [](json& j) { j["document"].erase("holder"); }, "document.holder: missing"},
      {"negative months", [](json& j) { j["document"]["participations"][1]["paidMonths"] = -1; }, "paidMonths"},
      {"bad month", [](json& j) { j["document"]["participations"][0]["since"] = "2009-13"; }, "since: must be YYYY-MM"},
      {"bad time", [](json& j) { j["issuedAt"] = "yesterday"; }, "issuedAt"},
      {"amount as text", [](json& j) { j["verificationCode"] = 1234; }, "verificationCode: wrong type"},
      {"no period", [](json& j) { j["document"].erase("period"); }, "document.period: missing"},
      {"bad period month", [](json& j) { j["document"]["period"]["to"] = "2025-00"; }, "document.period.to: must be YYYY-MM"},
      {"period ends before it starts",
       [](json& j) {
         j["document"]["period"]["from"] = "2025-02";
         j["document"]["period"]["to"] = "2025-01";
       },
       "document.period.to: before document.period.from"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    auto parsed = parseIssuedCertificate(mutated("participation-worker", c.change));
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().find(c.message) != std::string::npos);
    CHECK(parsed.error().find("测试张伟") == std::string::npos);
    CHECK(parsed.error().find("110105198503140312") == std::string::npos);
  }
  CHECK_FALSE(parseIssuedCertificate("").ok());
  CHECK_FALSE(parseIssuedCertificate("[1,2]").ok());
  CHECK_FALSE(parseIssuedCertificate(R"({"type":"participation"})").ok());
}

TEST_CASE("each type needs its own section") {
  auto noYears = mutated("rights-record-worker", [](json& j) { j["document"]["contributionsByYear"] = json::array(); });
  CHECK(parseIssuedCertificate(noYears).error().find("contributionsByYear: empty") != std::string::npos);
  auto unsorted = mutated("rights-record-worker", [](json& j) {
    auto& years = j["document"]["contributionsByYear"];
    std::swap(years[0], years[1]);
  });
  CHECK(parseIssuedCertificate(unsorted).error().find("not ascending") != std::string::npos);
  auto noBenefits = mutated("benefit-retiree", [](json& j) { j["document"].erase("benefits"); });
  CHECK(parseIssuedCertificate(noBenefits).error().find("document.benefits: missing") != std::string::npos);
}

TEST_CASE("figures are written the Chinese way") {
  CHECK(yuan(8642055) == "86,420.55");
  CHECK(yuan(5) == "0.05");
  CHECK(yuan(100000000) == "1,000,000.00");
  CHECK(chineseMonth({2009, 4}) == "2009年04月");
  CHECK(periodLine({{2021, 1}, {2025, 12}}) == "证明期间：2021年01月 至 2025年12月");
  CHECK(yearsAndMonths(212) == "17年8个月");
  CHECK(yearsAndMonths(24) == "2年");
  CHECK(yearsAndMonths(5) == "5个月");
  // 16:58 UTC is already the next day in China.
  const auto t = parseUtcTimestamp("2026-11-23T16:58:57Z").value();
  CHECK(chineseDate(localDay(t, 480)) == "2026年11月24日");
  CHECK(localDateTime(t, 480) == "2026-11-24 00:58");
  CHECK_FALSE(parseUtcTimestamp("2026-02-30T00:00:00Z"));
  CHECK_FALSE(parseMonth("209-04"));
}

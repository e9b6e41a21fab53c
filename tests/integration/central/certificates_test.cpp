// Certificates: issued with a seal that verifies with the published key, fails when any
// byte changes, can be checked by code, and stops verifying once revoked; a period
// narrows what they count.
#include <algorithm>
#include <cstdio>
#include <string>

#include "api/clock.hpp"
#include "central_fixture.hpp"
#include "seal/seal.hpp"

using namespace onestop::central::test;
using nlohmann::json;
namespace seal = onestop::central::seal;

TEST_CASE("a certificate's seal verifies with GET /v1/keys and fails when any byte changes") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    TestCentral central(backend);
    const auto session = TestCentral::bearer(central.sessionFor("rare-name"));
    auto r = central.post("/v1/me/certificates", R"({"type":"participation"})", session);
    REQUIRE_MESSAGE(r.status == 201, r.body);
    const auto cert = r.json();
    const auto text = cert["seal"].get<std::string>();
    CHECK(cert["document"]["holder"]["name"] == "测试䶮𠈌");
    CHECK(cert["document"]["holder"]["idNumberMasked"] == "330106********0469");
    CHECK(cert["acceptanceNumber"].get<std::string>().size() == 16);
    CHECK(seal::verification_code::isWellFormed(cert["verificationCode"].get<std::string>()));
    // The seal never carries the full ID number.
    CHECK(text.find("330106199506180469") == std::string::npos);

    // Offline, as a verifier with only the published keys would.
    const auto published = central.get("/v1/keys");
    REQUIRE(published.status == 200);
    auto keys = seal::publicKeysFromJson(published.body);
    REQUIRE(keys.ok());
    CHECK(seal::verifySeal(text, keys.value(), central.now()).valid());
    for (std::size_t i = 0; i < text.size(); ++i) {
      auto altered = text;
      altered[i] = altered[i] == 'A' ? 'B' : 'A';
      CHECK_FALSE(seal::verifySeal(altered, keys.value(), central.now()).valid());
    }

    // Online: the server checks the signature and its own records.
    r = central.post("/v1/certificates/verify", json{{"seal", text}}.dump());
    REQUIRE(r.status == 200);
    CHECK(r.json()["status"] == "valid");
    CHECK(r.json()["serial"] == cert["serial"]);
    CHECK(r.json()["holderNameMasked"] == "测**𠈌");
    auto altered = text;
    altered[text.size() / 2] = altered[text.size() / 2] == 'x' ? 'y' : 'x';
    r = central.post("/v1/certificates/verify", json{{"seal", altered}}.dump());
    CHECK(r.json()["status"] != "valid");

    auto typed = cert["verificationCodePrinted"].get<std::string>();   // "4831 0297 5516", typed with dashes
    std::replace(typed.begin(), typed.end(), ' ', '-');
    r = central.get("/v1/certificates/by-code/" + typed);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    CHECK(r.json()["status"] == "valid");
    auto code = cert["verificationCode"].get<std::string>();
    code[3] = code[3] == '0' ? '1' : '0';
    CHECK(central.get("/v1/certificates/by-code/" + code).status == 400);   // check digit catches it

    // Revocation by serial (staff only) makes it fail, online and by code.
    const auto serial = cert["serial"].get<std::string>();
    r = central.post("/v1/staff/certificates/" + serial + "/revocation", R"({"reason":"issued in error"})", {},
                     "staff/STAFF-DEMO-01");
    REQUIRE_MESSAGE(r.status == 200, r.body);
    r = central.post("/v1/certificates/verify", json{{"seal", text}}.dump());
    CHECK(r.json()["status"] == "revoked");
    r = central.get("/v1/certificates/by-code/" + cert["verificationCode"].get<std::string>());
    CHECK(r.json()["status"] == "revoked");
    r = central.post("/v1/staff/certificates/" + serial + "/revocation", R"({"reason":"again"})", {}, "staff/STAFF-DEMO-01");
    CHECK(r.status == 409);
    r = central.post("/v1/staff/certificates/ZM2020010100000000/revocation", R"({"reason":"x"})", {}, "staff/STAFF-DEMO-01");
    CHECK(r.status == 404);
  }
}

TEST_CASE("every certificate type, and the ones a person cannot have") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    TestCentral central(backend);
    const auto worker = TestCentral::bearer(central.sessionFor("worker"));
    auto r = central.post("/v1/me/certificates", R"({"type":"rights_record"})", worker);
    REQUIRE_MESSAGE(r.status == 201, r.body);
    CHECK(!r.json()["document"]["contributionsByYear"].empty());
    CHECK(r.json()["document"]["pensionAccount"]["balanceFen"] == 8642055);
    r = central.post("/v1/me/certificates", R"({"type":"benefit"})", worker);
    CHECK(r.status == 422);
    CHECK(r.code() == "certificate-unavailable");
    const auto retiree = TestCentral::bearer(central.sessionFor("retiree"));
    r = central.post("/v1/me/certificates", R"({"type":"benefit"})", retiree);
    REQUIRE_MESSAGE(r.status == 201, r.body);
    CHECK(r.json()["document"]["benefits"][0]["monthlyFen"] == 423680);
    r = central.post("/v1/me/certificates", R"({"type":"diploma"})", worker);
    CHECK(r.status == 400);
    CHECK(central.count("SELECT COUNT(*) FROM certificates") == 2);
    // With an Idempotency-Key, a retry returns the certificate already issued.
    const auto once = central.post("/v1/me/certificates", R"({"type":"participation"})",
                                   {{"Authorization", worker.begin()->second}, {"Idempotency-Key", "cert-key-0001"}});
    REQUIRE(once.status == 201);
    const auto twice = central.post("/v1/me/certificates", R"({"type":"participation"})",
                                    {{"Authorization", worker.begin()->second}, {"Idempotency-Key", "cert-key-0001"}});
    CHECK(twice.json()["serial"] == once.json()["serial"]);
    CHECK(central.count("SELECT COUNT(*) FROM certificates") == 3);
    // Each issued certificate is a completed transaction with its own acceptance number.
    CHECK(central.count("SELECT COUNT(*) FROM applications WHERE state = 'completed'") == 3);
  }
}

TEST_CASE("a certificate the kiosk could not print is void: revoked for it and no longer an application") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    TestCentral central(backend);
    const auto worker = TestCentral::bearer(central.sessionFor("worker"));
    auto issue = [&] {
      auto r = central.post("/v1/me/certificates", R"({"type":"participation"})", worker);
      REQUIRE_MESSAGE(r.status == 201, r.body);
      return r.json();
    };
    auto report = [&](const std::string& serial, const std::string& outcome, const std::string& kiosk = "kiosks/KIOSK-TEST-01") {
      return central.post("/v1/certificates/" + serial + "/print-outcome", json{{"outcome", outcome}}.dump(), {}, kiosk);
    };
    const auto lost = issue();
    const auto lostSerial = lost["serial"].get<std::string>();
    CHECK(report(lostSerial, "not_printed", "kiosks/KIOSK-DEMO-02").status == 404);   // not that kiosk's
    auto r = report(lostSerial, "not_printed");
    REQUIRE_MESSAGE(r.status == 200, r.body);
    CHECK(report(lostSerial, "not_printed").status == 200);   // the outbox may send it twice
    CHECK(report(lostSerial, "printed").code() == "conflict");
    r = central.get("/v1/certificates/by-code/" + lost["verificationCode"].get<std::string>());
    CHECK(r.json()["status"] == "revoked");   // a half-printed page does not pass as genuine
    CHECK(r.json()["revokeReason"] == "not printed at the kiosk (void)");
    CHECK(central.count("SELECT COUNT(*) FROM applications WHERE acceptance_number = '" +
                        lost["acceptanceNumber"].get<std::string>() + "'") == 0);

    const auto taken = issue();
    const auto takenSerial = taken["serial"].get<std::string>();
    CHECK(report(takenSerial, "printed").status == 200);
    CHECK(report(takenSerial, "printed").status == 200);
    CHECK(report(takenSerial, "not_printed").code() == "conflict");
    CHECK(central.count("SELECT COUNT(*) FROM certificates WHERE printed_at IS NOT NULL") == 1);
    r = central.get("/v1/me/applications", worker);
    REQUIRE(r.json()["applications"].size() == 1);   // only the one that came out
    CHECK(r.json()["applications"][0]["acceptanceNumber"] == taken["acceptanceNumber"]);

    CHECK(report(takenSerial, "maybe").status == 400);
    CHECK(report("ZM2020010100000000", "printed").status == 404);
    CHECK(central.count("SELECT COUNT(*) FROM audit_log WHERE action IN ('certificate.printed', 'certificate.not_printed')") == 2);
  }
}

namespace {
// The hall's current month, as the server reckons it (the fixture's hall is UTC+8).
std::string currentMonth(const TestCentral& central) {
  return onestop::central::api::isoMonth(onestop::central::api::localDay(central.now(), 480));
}
std::string monthsBefore(const std::string& month, int n) {
  int index = std::stoi(month.substr(0, 4)) * 12 + std::stoi(month.substr(5, 2)) - 1 - n;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", index / 12, index % 12 + 1);
  return buf;
}
const json& pensionOf(const json& participations) {
  for (const auto& p : participations)
    if (p["type"] == "pension") return p;
  FAIL("no pension participation");
  return participations;
}
json withPeriod(const std::string& type, const std::string& from, const std::string& to) {
  return {{"type", type}, {"period", {{"from", from}, {"to", to}}}};
}
}  // namespace

TEST_CASE("a period narrows every count, and without one the certificate covers the whole record") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    TestCentral central(backend);
    const auto now = currentMonth(central);
    const auto worker = TestCentral::bearer(central.sessionFor("worker"));

    // No period: the whole record, from the first month on record to this month.
    auto r = central.post("/v1/me/certificates", R"({"type":"participation"})", worker);
    REQUIRE_MESSAGE(r.status == 201, r.body);
    auto doc = r.json()["document"];
    CHECK(doc["period"]["to"] == now);
    for (const auto& p : doc["participations"]) CHECK(doc["period"]["from"] <= p["since"]);
    CHECK(pensionOf(doc["participations"])["paidMonths"] == 212);

    // The last twelve months.
    r = central.post("/v1/me/certificates", withPeriod("participation", monthsBefore(now, 11), now).dump(), worker);
    REQUIRE_MESSAGE(r.status == 201, r.body);
    doc = r.json()["document"];
    CHECK(doc["period"] == json{{"from", monthsBefore(now, 11)}, {"to", now}});
    CHECK(pensionOf(doc["participations"])["paidMonths"] == 12);

    // Last calendar year: one year of contributions, the account as of that year.
    const auto lastYear = std::to_string(std::stoi(now.substr(0, 4)) - 1);
    r = central.post("/v1/me/certificates", withPeriod("rights_record", lastYear + "-01", lastYear + "-12").dump(),
                     worker);
    REQUIRE_MESSAGE(r.status == 201, r.body);
    doc = r.json()["document"];
    REQUIRE(doc["contributionsByYear"].size() == 1);
    CHECK(doc["contributionsByYear"][0]["year"] == std::stoi(lastYear));
    CHECK(doc["contributionsByYear"][0]["paidMonths"] == 12);
    CHECK(doc["pensionAccount"]["asOfYear"] == std::stoi(lastYear));

    // Benefits: only the payments inside the period.
    const auto retiree = TestCentral::bearer(central.sessionFor("retiree"));
    r = central.post("/v1/me/certificates", withPeriod("benefit", monthsBefore(now, 2), now).dump(), retiree);
    REQUIRE_MESSAGE(r.status == 201, r.body);
    CHECK(r.json()["document"]["benefits"][0]["payments"] == 3);
    CHECK(r.json()["document"]["benefits"][0]["since"] == monthsBefore(now, 2));
  }
}

TEST_CASE("a malformed period is refused naming the field, and an empty one as unavailable") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    TestCentral central(backend);
    const auto now = currentMonth(central);
    const auto worker = TestCentral::bearer(central.sessionFor("worker"));
    const auto refused = [&](const json& body, const std::string& field) {
      CAPTURE(body.dump());
      const auto r = central.post("/v1/me/certificates", body.dump(), worker);
      CHECK(r.status == 400);
      CHECK(r.code() == "invalid-field");
      CHECK(r.json()["detail"].get<std::string>().rfind(field + ":", 0) == 0);
    };
    refused({{"type", "participation"}, {"period", "2025"}}, "period");
    refused(withPeriod("participation", "2025-13", "2025-12"), "period.from");
    refused(withPeriod("participation", "2025-1", "2025-12"), "period.from");
    refused(withPeriod("participation", "2025-01", "2025/12"), "period.to");
    refused({{"type", "participation"}, {"period", {{"from", "2025-01"}}}}, "period.to");
    refused(withPeriod("participation", "2025-06", "2025-05"), "period.to");
    refused(withPeriod("participation", monthsBefore(now, 1), monthsBefore(now, -1)), "period.to");
    refused(withPeriod("participation", monthsBefore(now, 600), now), "period.from");
    CHECK(central.count("SELECT COUNT(*) FROM certificates") == 0);

    // Well-formed, but the worker paid nothing then; the retiree drew no pension then.
    auto r = central.post("/v1/me/certificates", withPeriod("participation", "2001-01", "2001-12").dump(), worker);
    CHECK(r.status == 422);
    CHECK(r.code() == "certificate-unavailable");
    CHECK(r.json()["detail"] == "no participation between 2001-01 and 2001-12");
    r = central.post("/v1/me/certificates", withPeriod("rights_record", "2001-01", "2001-12").dump(), worker);
    CHECK(r.json()["detail"] == "no contributions between 2001-01 and 2001-12");
    const auto retiree = TestCentral::bearer(central.sessionFor("retiree"));
    r = central.post("/v1/me/certificates", withPeriod("benefit", "2010-01", "2010-12").dump(), retiree);
    CHECK(r.status == 422);
    CHECK(r.json()["detail"] == "no benefit payments between 2010-01 and 2010-12");
    CHECK(central.count("SELECT COUNT(*) FROM certificates") == 0);
    // The longest period allowed still issues.
    r = central.post("/v1/me/certificates", withPeriod("participation", monthsBefore(now, 599), now).dump(), worker);
    CHECK(r.status == 201);
  }
}

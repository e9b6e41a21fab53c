// The typed client against the real server, and against answers it must not trust.
#include <algorithm>
#include <functional>
#include <future>

#include "central_fixture.hpp"
#include "demo/essc_token.hpp"
#include "sync/api_client.hpp"
#include "sync/network.hpp"

using namespace onestop::central::test;
using namespace onestop::sync;
namespace api = onestop::sync::api;
using nlohmann::json;
using Kind = api::ApiFailure::Kind;

namespace {

HttpResult send(Network& net, HttpRequest request) {
  std::promise<HttpResult> promise;
  auto future = promise.get_future();
  net.submit(std::move(request), [&](std::uint64_t, HttpResult r) { promise.set_value(std::move(r)); });
  return future.get();
}

HttpResult answer(long status, std::string body) {
  HttpResult r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

TrustConfig kioskTrust(const TestCentral& central) {
  TrustConfig trust;
  trust.serverUrl = "https://127.0.0.1:" + std::to_string(central.port());
  trust.caCert = pkiDir() + "/ca.crt";
  trust.clientCert = pkiDir() + "/kiosks/KIOSK-TEST-01.crt";
  trust.clientKey = pkiDir() + "/kiosks/KIOSK-TEST-01.key";
  return trust;
}

std::string sessionOf(Network& net, const std::string& person) {
  auto session = api::parseSession(send(net, api::identifyByEssc(onestop::central::demo::demoEsscToken(person))));
  REQUIRE_MESSAGE(session.ok(), session.error().what);
  return session->token;
}

/// Rows of `table` the server keeps for the citizen with `idNumber`.
std::int64_t rowsOf(TestCentral& central, const std::string& table, const std::string& idNumber) {
  return central.count("SELECT COUNT(*) FROM " + table + " t JOIN citizens c ON t.citizen_id = c.id WHERE c.id_number = ?",
                       {idNumber});
}

/// Why `parse` refuses `valid` after `mutate` ("accepted" if it does not; the kind if it is
/// not Malformed). The unmutated answer is checked to parse first, so a refusal is the
/// mutation's doing.
template <class Parse>
std::string refusal(Parse parse, long status, json valid, const std::function<void(json&)>& mutate) {
  const auto base = parse(answer(status, valid.dump()));
  REQUIRE_MESSAGE(base.ok(), base.error().what);
  mutate(valid);
  const auto refused = parse(answer(status, valid.dump()));
  if (refused.ok()) return "accepted";
  return refused.error().kind == Kind::Malformed ? refused.error().what : "not malformed: " + refused.error().what;
}

onestop::core::Identity worker() {
  using namespace std::chrono;
  onestop::core::Identity id;
  id.name = "测试张伟";
  id.idNumber = "110105198503140312";
  id.genderCode = 1;
  id.birthDate = year{1985} / 3 / 14;
  id.validFrom = year{2016} / 5 / 20;
  id.validTo = year{2036} / 5 / 20;
  return id;
}

}  // namespace

TEST_CASE("the typed client walks a citizen's visit against the real server") {
  TestCentral central(Backend::Sqlite);
  Network net(kioskTrust(central));

  auto byCard = api::parseSession(send(net, api::identifyByCard(worker())));
  REQUIRE_MESSAGE(byCard.ok(), byCard.error().what);
  CHECK(byCard->name == "测试张伟");
  CHECK(byCard->idNumberMasked == "110105********0312");
  auto session = api::parseSession(send(net, api::identifyByEssc(onestop::central::demo::demoEsscToken("worker"))));
  REQUIRE(session.ok());
  const auto token = session->token;

  auto participation = api::parseParticipation(send(net, api::participation(token)));
  REQUIRE_MESSAGE(participation.ok(), participation.error().what);
  CHECK(participation->size() == 5);
  auto contributions = api::parseContributions(send(net, api::contributions(token, std::nullopt)));
  REQUIRE_MESSAGE(contributions.ok(), contributions.error().what);
  CHECK(contributions->pensionPaidMonthsAllYears == 212);
  CHECK(!contributions->months.empty());

  auto certificate = api::parseCertificate(send(net, api::issueCertificate(token, "participation")));
  REQUIRE_MESSAGE(certificate.ok(), certificate.error().what);
  CHECK(certificate->period.from < certificate->period.to);   // the whole record
  auto verdict = api::parseSealVerdict(send(net, api::verifySeal(certificate->seal)));
  REQUIRE(verdict.ok());
  CHECK(verdict->status == "valid");

  // Over one year: the request carries it, the answer says it and counts only its months.
  const auto request = api::issueCertificate(token, "participation", onestop::core::MonthPeriod{"2020-01", "2020-12"});
  CHECK(json::parse(request.body)["period"] == json{{"from", "2020-01"}, {"to", "2020-12"}});
  const auto reply = send(net, request);
  auto year = api::parseCertificate(reply);
  REQUIRE_MESSAGE(year.ok(), year.error().what);
  CHECK(year->period == onestop::core::MonthPeriod{"2020-01", "2020-12"});
  for (const auto& p : year->document["participations"])
    if (p["type"] == "pension") CHECK(p["paidMonths"] == 12);
  // The period is read as strictly as the rest of the answer.
  const auto issued = [&](const std::function<void(json&)>& m) { return refusal(api::parseCertificate, 201, json::parse(reply.body), m); };
  CHECK(issued([](json& j) { j["document"].erase("period"); }) == "document.period: not an object");
  CHECK(issued([](json& j) { j["document"]["period"]["from"] = "2020-13"; }) == "document.period.from: not in the API's format");
  CHECK(issued([](json& j) { j["document"]["period"]["to"] = 202012; }) == "document.period.to: not a string");
  CHECK(issued([](json& j) { j["document"]["period"]["to"] = "2019-12"; }) == "document.period.to: before from");

  auto filing = api::file(token, "change_phone", {{"phone", "13912345678"}});
  filing.headers["Idempotency-Key"] = "client-test-0001";
  auto receipt = api::parseFilingReceipt(send(net, filing));
  REQUIRE_MESSAGE(receipt.ok(), receipt.error().what);
  CHECK(receipt->timeLimitWorkingDays == 1);
  auto progress = api::parseProgress(send(net, api::progress(receipt->acceptanceNumber)));
  REQUIRE(progress.ok());
  CHECK(progress->state == "accepted");
  CHECK(api::parseSuccess(send(net, api::rate(receipt->acceptanceNumber, 5, ""))).ok());
  auto ticket = api::parseQueueTicket(send(net, api::queueTicket("retirement_claim")));
  REQUIRE(ticket.ok());
  CHECK(ticket->number == "A001");

  auto refused = api::parseSession(send(net, api::identifyByEssc("ESSC1.NOSUCHTOKEN000000000000000000000")));
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == api::ApiFailure::Kind::Problem);
  CHECK(refused.error().code == "essc-token-invalid");
  CHECK(api::parseSuccess(send(net, api::endSession(token))).ok());
  CHECK(api::parseParticipation(send(net, api::participation(token))).error().code == "session-invalid");
}

TEST_CASE("answers the kiosk must not trust become errors, never half-filled records") {
  CHECK(api::parseSession(answer(201, "not json")).error().kind == Kind::Malformed);
  CHECK(api::parseSession(answer(201, "[]")).error().kind == Kind::Malformed);
  CHECK(api::parseSession(answer(201, R"({"sessionToken":"t","expiresAt":"x"})")).error().what == "citizen: not an object");
  const auto unmasked = api::parseSession(answer(
      201, R"({"sessionToken":"t","expiresAt":"x","citizen":{"name":"a","nameMasked":"a","idNumberMasked":"110105198503140312","socialSecurityCardStatus":"normal"}})"));
  CHECK(unmasked.error().what == "citizen.idNumberMasked: not masked");
  const auto badItem = api::parseContributions(answer(
      200, R"({"years":[2024],"year":2024,"months":[{"month":"2024-01","items":[{"type":"pension","status":"paid","baseFen":-5,"employerFen":1,"personalFen":1}]}],"yearTotals":{"employerFen":1,"personalFen":1,"paidMonths":1,"arrearsMonths":0},"pensionPaidMonthsAllYears":1})"));
  CHECK(badItem.error().what == "months[0].items[0].baseFen: out of range");
  CHECK(api::parseParticipation(answer(200, R"({"participations":[{"type":"lottery","status":"active","since":"2020-01","history":[]}]})"))
            .error()
            .what == "participations[0].type: unexpected value");
  CHECK(api::parseQueueTicket(answer(201, R"({"number":"A001","service":"x","issuedAt":"t","peopleAhead":1e99})"))
            .error()
            .kind == Kind::Malformed);
  const auto noCode = api::parseProgress(answer(500, "<html>oops</html>"));
  CHECK(noCode.error().kind == Kind::Malformed);
  CHECK(noCode.error().status == 500);
  const auto problem = api::parseProgress(answer(404, R"({"code":"acceptance-number-unknown","status":404})"));
  CHECK(problem.error().kind == Kind::Problem);
  CHECK(problem.error().code == "acceptance-number-unknown");
  HttpResult down;
  down.error = NetError::Connect;
  CHECK(api::parseProgress(down).error().kind == Kind::Network);
  CHECK(api::parseSuccess(answer(204, "")).ok());
  CHECK_FALSE(api::parseSuccess(answer(409, R"({"code":"already-rated"})")).ok());
}

TEST_CASE("the typed client reads the pension account, benefits and applications the server keeps") {
  for (auto backend : backends()) {
    const std::string db = backendName(backend);
    CAPTURE(db);
    TestCentral central(backend);
    Network net(kioskTrust(central));
    const auto token = sessionOf(net, "worker");

    // people.json: the worker's personal account holds 86,420.55 yuan.
    auto account = api::parsePensionAccount(send(net, api::pensionAccount(token)));
    REQUIRE_MESSAGE(account.ok(), account.error().what);
    CHECK(account->balanceFen == 8642055);
    REQUIRE(!account->years.empty());
    CHECK(static_cast<std::int64_t>(account->years.size()) == rowsOf(central, "pension_accounts", "110105198503140312"));
    std::int64_t carried = 0;
    for (const auto& y : account->years) {
      CAPTURE(y.year);
      CHECK(y.openingFen == carried);
      CHECK(y.closingFen == y.openingFen + y.contributedFen + y.interestFen);
      CHECK(y.interestRate > 0);
      CHECK(y.interestRate < 0.2);
      carried = y.closingFen;
    }
    CHECK(carried == account->balanceFen);

    auto none = api::parseBenefits(send(net, api::benefits(token)));
    REQUIRE_MESSAGE(none.ok(), none.error().what);
    CHECK(none->empty());   // the worker draws no benefit

    // people.json: the retiree's pension of 4,236.80 yuan a month since 2018-11, paid on the 15th.
    const auto retiree = sessionOf(net, "retiree");
    auto payments = api::parseBenefits(send(net, api::benefits(retiree)));
    REQUIRE_MESSAGE(payments.ok(), payments.error().what);
    REQUIRE(!payments->empty());
    CHECK(static_cast<std::int64_t>(payments->size()) ==
          std::min<std::int64_t>(120, rowsOf(central, "benefit_payments", "440106195810010170")));
    for (std::size_t i = 0; i < payments->size(); ++i) {
      const auto& p = payments.value()[i];
      CAPTURE(p.month);
      CHECK(p.type == "pension");
      CHECK(p.amountFen == 423680);
      CHECK(p.paidOn == p.month + "-15");
      if (i > 0) CHECK(p.month < payments.value()[i - 1].month);
    }
    CHECK(payments->back().month >= "2018-11");
    CHECK(api::parseSuccess(send(net, api::endSession(retiree))).ok());

    // A two-level filing half reviewed, then (a minute later) a certificate: newest first.
    auto filing = api::file(token, "change_bank_account", {{"bankName", "测试银行"}, {"accountNumber", "6222000000000009"}});
    filing.headers["Idempotency-Key"] = "client-apps-0001";
    auto receipt = api::parseFilingReceipt(send(net, filing));
    REQUIRE_MESSAGE(receipt.ok(), receipt.error().what);
    for (const char* to : {"in_review", "first_review_done"}) {
      const auto moved = central.post("/v1/staff/applications/" + receipt->acceptanceNumber + "/transitions",
                                      json{{"to", to}}.dump(), {}, "staff/STAFF-DEMO-01");
      REQUIRE_MESSAGE(moved.status == 200, moved.body);
    }
    central.advanceClock(60);
    auto certificate = api::parseCertificate(send(net, api::issueCertificate(token, "participation")));
    REQUIRE_MESSAGE(certificate.ok(), certificate.error().what);

    auto apps = api::parseApplications(send(net, api::applications(token)));
    REQUIRE_MESSAGE(apps.ok(), apps.error().what);
    REQUIRE(apps->size() == 2);
    const auto& cert = apps.value()[0];
    CHECK(cert.acceptanceNumber == certificate->acceptanceNumber);
    CHECK(cert.service == "cert_participation");
    CHECK(cert.state == "completed");
    CHECK(cert.reason.empty());
    const auto& bank = apps.value()[1];
    CHECK(bank.acceptanceNumber == receipt->acceptanceNumber);
    CHECK(bank.service == "change_bank_account");
    CHECK(bank.state == "first_review_done");
    CHECK(bank.acceptedAt == receipt->acceptedAt);
    CHECK(bank.dueOn == receipt->dueOn);
    CHECK(bank.acceptedAt < cert.acceptedAt);
    auto progress = api::parseProgress(send(net, api::progress(receipt->acceptanceNumber)));
    REQUIRE_MESSAGE(progress.ok(), progress.error().what);
    CHECK(progress->state == "first_review_done");

    auto profile = api::parseProfile(send(net, api::profile(token)));
    REQUIRE_MESSAGE(profile.ok(), profile.error().what);
    REQUIRE(profile->phoneMasked);
    CHECK(profile->phoneMasked->find("****") == 3);
    REQUIRE(profile->bankAccountMasked);
    CHECK(profile->bankAccountMasked->rfind("****", 0) == 0);
    CHECK(profile->cardStatus == "normal");
    REQUIRE(profile->pending.size() == 1);   // the certificate is completed; the bank change is not
    CHECK(profile->pending[0].acceptanceNumber == receipt->acceptanceNumber);
    CHECK(profile->pending[0].service == "change_bank_account");
    CHECK(profile->pending[0].state == "first_review_done");

    CHECK(api::parseSuccess(send(net, api::endSession(token))).ok());
    CHECK(api::parsePensionAccount(send(net, api::pensionAccount(token))).error().code == "session-invalid");
  }
}

TEST_CASE("the typed client verifies a typed code, takes ratings and complaints and reads the key set") {
  for (auto backend : backends()) {
    const std::string db = backendName(backend);
    CAPTURE(db);
    TestCentral central(backend);
    Network net(kioskTrust(central));
    const auto token = sessionOf(net, "worker");
    auto certificate = api::parseCertificate(send(net, api::issueCertificate(token, "participation")));
    REQUIRE_MESSAGE(certificate.ok(), certificate.error().what);

    // As printed, with its spaces: the builder encodes them, the server ignores them.
    auto byCode = api::parseCodeVerdict(send(net, api::certificateByCode(certificate->verificationCodePrinted)));
    REQUIRE_MESSAGE(byCode.ok(), byCode.error().what);
    CHECK(byCode->status == "valid");
    CHECK(byCode->serial == certificate->serial);
    CHECK(byCode->type == "participation");
    CHECK(byCode->validUntil == certificate->validUntil);
    CHECK(byCode->holderNameMasked == "测**伟");
    CHECK(byCode->holderIdNumberMasked == "110105********0312");
    auto mistyped = certificate->verificationCode;
    mistyped.back() = mistyped.back() == '0' ? '1' : '0';   // a Damm check digit catches any one wrong digit
    auto refused = api::parseCodeVerdict(send(net, api::certificateByCode(mistyped)));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Kind::Problem);
    CHECK(refused.error().code == "invalid-field");
    const auto revoked = central.post("/v1/staff/certificates/" + certificate->serial + "/revocation",
                                      R"({"reason":"issued in error"})", {}, "staff/STAFF-DEMO-01");
    REQUIRE(revoked.status == 200);
    byCode = api::parseCodeVerdict(send(net, api::certificateByCode(certificate->verificationCode)));
    REQUIRE_MESSAGE(byCode.ok(), byCode.error().what);
    CHECK(byCode->status == "revoked");
    CHECK(byCode->revokeReason == "issued in error");

    // Levels 1 and 2 need a reason; one rating per transaction.
    const auto number = certificate->acceptanceNumber;
    auto noReason = api::parseRating(send(net, api::rate(number, 1, "")));
    CHECK(noReason.error().code == "rating-reason-required");
    auto rating = api::parseRating(send(net, api::rate(number, 2, "等候时间太长")));
    REQUIRE_MESSAGE(rating.ok(), rating.error().what);
    CHECK(rating->acceptanceNumber == number);
    CHECK(rating->level == 2);
    CHECK(api::parseRating(send(net, api::rate(number, 5, ""))).error().code == "already-rated");

    auto anonymous = api::parseComplaintReceipt(send(net, api::complain("suggestion", "请在大厅增加一台自助终端")));
    REQUIRE_MESSAGE(anonymous.ok(), anonymous.error().what);
    CHECK(anonymous->category == "suggestion");
    CHECK(central.count("SELECT COUNT(*) FROM complaints WHERE id = ? AND citizen_id IS NULL AND category = 'suggestion'",
                        {anonymous->id}) == 1);
    auto linked = api::parseComplaintReceipt(send(net, api::complain("complaint", "打印不清楚", number, token)));
    REQUIRE_MESSAGE(linked.ok(), linked.error().what);
    CHECK(linked->category == "complaint");
    CHECK(linked->id != anonymous->id);
    CHECK(central.count("SELECT COUNT(*) FROM complaints WHERE id = ? AND citizen_id IS NOT NULL AND text = ?",
                        {linked->id, "[" + number + "] 打印不清楚"}) == 1);
    CHECK(api::parseComplaintReceipt(send(net, api::complain("praise", "很好"))).error().code == "invalid-field");

    auto keys = api::parsePublicKeys(send(net, api::publicKeys()));
    REQUIRE_MESSAGE(keys.ok(), keys.error().what);
    REQUIRE(!keys->empty());
    const auto signer = std::find_if(keys->begin(), keys->end(), [&](const api::PublicKey& k) { return k.kid == certificate->keyId; });
    REQUIRE(signer != keys->end());
    CHECK(signer->alg == "Ed25519");
    CHECK(signer->notBefore <= central.now());
    CHECK(signer->verifyUntil > central.now());
    CHECK(api::parseSuccess(send(net, api::endSession(token))).ok());
  }
}

TEST_CASE("the new requests follow the spec and keep typed text inside its path segment") {
  const auto byCode = api::certificateByCode("7589 7155-2535");
  CHECK(byCode.method == "GET");
  CHECK(byCode.path == "/v1/certificates/by-code/7589%207155-2535");
  CHECK(api::certificateByCode("../../keys?x=1#").path == "/v1/certificates/by-code/%2E%2E%2F%2E%2E%2Fkeys%3Fx%3D1%23");
  const auto anonymous = api::complain("suggestion", "请增加座椅");
  CHECK(anonymous.path == "/v1/complaints");
  CHECK(anonymous.headers.count("Authorization") == 0);
  CHECK(json::parse(anonymous.body) == json{{"category", "suggestion"}, {"text", "请增加座椅"}});
  const auto linked = api::complain("complaint", "x", "2026112488406611", "tok");
  CHECK(linked.headers.at("Authorization") == "Bearer tok");
  CHECK(json::parse(linked.body)["acceptanceNumber"] == "2026112488406611");
  CHECK(api::pensionAccount("tok").path == "/v1/me/pension-account");
  CHECK(api::benefits("tok").path == "/v1/me/benefits");
  CHECK(api::applications("tok").headers.at("Authorization") == "Bearer tok");
  CHECK(api::publicKeys().path == "/v1/keys");
}

TEST_CASE("each flaw in an otherwise valid answer of the new endpoints is refused with its path") {
  const json account = json::parse(R"({"balanceFen":1384900,"years":[
      {"year":2015,"openingFen":0,"contributedFen":1000000,"interestFen":51729,"closingFen":1051729,"interestRate":0.0516},
      {"year":2016,"openingFen":1051729,"contributedFen":235968,"interestFen":97203,"closingFen":1384900,"interestRate":0.0831}]})");
  const auto pension = [&](const std::function<void(json&)>& m) { return refusal(api::parsePensionAccount, 200, account, m); };
  CHECK(pension([](json& j) { j["balanceFen"] = "1384900"; }) == "balanceFen: not an integer");
  CHECK(pension([](json& j) { j["years"][0]["openingFen"] = -1; }) == "years[0].openingFen: out of range");
  CHECK(pension([](json& j) { j["years"][1]["interestFen"] = -97203; }) == "years[1].interestFen: out of range");
  CHECK(pension([](json& j) { j["years"][1]["interestRate"] = "0.0831"; }) == "years[1].interestRate: not a number");
  CHECK(pension([](json& j) { j["years"][1]["interestRate"] = 8.31; }) == "years[1].interestRate: out of range");
  CHECK(pension([](json& j) { j["years"][0].erase("closingFen"); }) == "years[0].closingFen: missing");
  CHECK(pension([](json& j) { j["years"][1]["year"] = 2015; }) == "years[1].year: not after the row before");
  CHECK(pension([](json& j) { j["balanceFen"] = 1384901; }) == "balanceFen: not the last year's closing");
  CHECK(pension([](json& j) { j["years"] = json::array(); }) == "balanceFen: not the last year's closing");
  CHECK(pension([](json& j) { j["years"] = json(101, j["years"][0]); }) == "years: too many items");
  CHECK(pension([](json& j) { j["years"][1]["interestRate"] = 0; }) == "accepted");   // an integer is a number too

  const json benefits = json::parse(R"({"payments":[
      {"amountFen":423680,"month":"2026-11","paidOn":"2026-11-15","type":"pension"},
      {"amountFen":423680,"month":"2026-10","paidOn":"2026-10-15","type":"pension"}]})");
  const auto benefit = [&](const std::function<void(json&)>& m) { return refusal(api::parseBenefits, 200, benefits, m); };
  CHECK(benefit([](json& j) { j["payments"][0]["amountFen"] = -423680; }) == "payments[0].amountFen: out of range");
  CHECK(benefit([](json& j) { j["payments"][0]["amountFen"] = 4236.8; }) == "payments[0].amountFen: not an integer");
  CHECK(benefit([](json& j) { j["payments"][1]["month"] = "2026-13"; }) == "payments[1].month: not in the API's format");
  CHECK(benefit([](json& j) { j["payments"][1]["paidOn"] = "2026-10-32"; }) == "payments[1].paidOn: not in the API's format");
  CHECK(benefit([](json& j) { j["payments"][0].erase("paidOn"); }) == "payments[0].paidOn: missing");
  CHECK(benefit([](json& j) { j["payments"][0]["type"] = std::string(65, 'p'); }) == "payments[0].type: too long");
  CHECK(benefit([](json& j) { j["payments"][0]["type"] = 5; }) == "payments[0].type: not a string");
  CHECK(benefit([](json& j) { std::swap(j["payments"][0], j["payments"][1]); }) == "payments[1].month: not newest first");
  CHECK(benefit([](json& j) { j["payments"] = json::object(); }) == "payments: not an array");

  const json applications = json::parse(R"({"applications":[
      {"acceptanceNumber":"2026112400950779","acceptedAt":"2026-11-23T16:33:14Z","dueOn":"2026-11-24","reason":"","service":"cert_benefit","state":"completed","updatedAt":"2026-11-23T16:33:14Z"},
      {"acceptanceNumber":"2026112488406611","acceptedAt":"2026-11-23T09:00:00Z","dueOn":"2026-12-01","reason":"","service":"change_bank_account","state":"first_review_done","updatedAt":"2026-11-23T10:00:00Z"}]})");
  const auto app = [&](const std::function<void(json&)>& m) { return refusal(api::parseApplications, 200, applications, m); };
  CHECK(app([](json& j) { j["applications"][0]["state"] = "lost"; }) == "applications[0].state: unexpected value");
  CHECK(app([](json& j) { j["applications"][1].erase("reason"); }) == "applications[1].reason: missing");
  CHECK(app([](json& j) { j["applications"][1]["reason"] = std::string(801, 'r'); }) == "applications[1].reason: too long");
  CHECK(app([](json& j) { j["applications"][0]["acceptanceNumber"] = "2026112400950770"; }) ==
        "applications[0].acceptanceNumber: not an acceptance number");
  CHECK(app([](json& j) { j["applications"][0]["acceptedAt"] = "2026-11-23 16:33:14"; }) ==
        "applications[0].acceptedAt: not in the API's format");
  CHECK(app([](json& j) { j["applications"][0]["updatedAt"] = "2026-11-23T24:33:14Z"; }) ==
        "applications[0].updatedAt: not in the API's format");
  CHECK(app([](json& j) { j["applications"][1]["dueOn"] = "01/12/2026"; }) == "applications[1].dueOn: not in the API's format");
  CHECK(app([](json& j) { j["applications"][0]["service"] = "cert benefit"; }) == "applications[0].service: not in the API's format");
  CHECK(app([](json& j) { std::swap(j["applications"][0], j["applications"][1]); }) ==
        "applications[1].acceptedAt: not newest first");
  CHECK(app([](json& j) { j["applications"] = json(51, j["applications"][0]); }) == "applications: too many items");

  const json profile = json::parse(R"({"addressMasked":"北京市东城区景山****","bankAccountMasked":null,
      "pendingChanges":[{"acceptanceNumber":"2026112400950779","service":"change_phone","state":"in_review"}],
      "phoneMasked":"138****0000","socialSecurityCardStatus":"normal"})");
  REQUIRE(api::parseProfile(answer(200, profile.dump())).ok());
  CHECK(!api::parseProfile(answer(200, profile.dump()))->bankAccountMasked);
  const auto prof = [&](const std::function<void(json&)>& m) { return refusal(api::parseProfile, 200, profile, m); };
  CHECK(prof([](json& j) { j["phoneMasked"] = "13800000000"; }) == "phoneMasked: not masked");
  CHECK(prof([](json& j) { j.erase("addressMasked"); }) == "addressMasked: missing");
  CHECK(prof([](json& j) { j["bankAccountMasked"] = 1234; }) == "bankAccountMasked: not a string");
  CHECK(prof([](json& j) { j["socialSecurityCardStatus"] = "frozen"; }) == "socialSecurityCardStatus: unexpected value");
  CHECK(prof([](json& j) { j["pendingChanges"][0]["state"] = "completed"; }) == "pendingChanges[0].state: unexpected value");
  CHECK(prof([](json& j) { j["pendingChanges"][0]["acceptanceNumber"] = "2026112400950770"; }) ==
        "pendingChanges[0].acceptanceNumber: not an acceptance number");

  const json valid = json::parse(R"({"holderIdNumberMasked":"110105********0312","holderNameMasked":"测**伟","issuedAt":"2026-11-23T16:32:46Z",
      "serial":"ZM2026112429954627","status":"valid","type":"participation","validUntil":"2027-02-21T16:32:46Z"})");
  const auto code = [&](const std::function<void(json&)>& m) { return refusal(api::parseCodeVerdict, 200, valid, m); };
  CHECK(code([](json& j) { j = {{"status", "malformed"}}; }) == "status: unexpected value");   // never from by-code
  CHECK(code([](json& j) { j.erase("serial"); }) == "serial: missing");
  CHECK(code([](json& j) { j["type"] = "diploma"; }) == "type: unexpected value");
  CHECK(code([](json& j) { j["validUntil"] = "soon"; }) == "validUntil: not in the API's format");
  const auto unmasked = code([](json& j) { j["holderIdNumberMasked"] = "110105198503140312"; });
  CHECK(unmasked == "holderIdNumberMasked: not masked");
  CHECK(unmasked.find("110105198503140312") == std::string::npos);   // the log never gets it
  CHECK(refusal(api::parseSealVerdict, 200, valid, [](json& j) { j["holderIdNumberMasked"] = "110105198503140312"; }) ==
        "holderIdNumberMasked: not masked");
  CHECK(refusal(api::parseSealVerdict, 200, valid, [](json& j) { j = {{"status", "bad_signature"}}; }) == "accepted");

  const json received = json::parse(R"({"category":"suggestion","id":"FB20264592824061","receivedAt":"2026-11-23T16:33:04Z"})");
  const auto complaint = [&](const std::function<void(json&)>& m) { return refusal(api::parseComplaintReceipt, 201, received, m); };
  CHECK(complaint([](json& j) { j["id"] = "FB2026"; }) == "id: not in the API's format");
  CHECK(complaint([](json& j) { j["id"] = "BF20264592824061"; }) == "id: not in the API's format");
  CHECK(complaint([](json& j) { j["category"] = "praise"; }) == "category: unexpected value");
  CHECK(complaint([](json& j) { j.erase("receivedAt"); }) == "receivedAt: missing");

  const json recorded = {{"acceptanceNumber", "2026112488406611"}, {"level", 5}};
  CHECK(refusal(api::parseRating, 201, recorded, [](json& j) { j["level"] = 6; }) == "level: out of range");
  CHECK(refusal(api::parseRating, 201, recorded, [](json& j) { j["level"] = "5"; }) == "level: not an integer");

  const json keySet = json::parse(R"({"keys":[{"alg":"Ed25519","kid":"31dd058b","notBefore":1795451540,
      "publicKey":"eqHKuEPE40sqCmqlwNooh7sw3I6kUQ4Dw1gnfQ9G6Zs","verifyUntil":1858609940}]})");
  const auto key = [&](const std::function<void(json&)>& m) { return refusal(api::parsePublicKeys, 200, keySet, m); };
  CHECK(key([](json& j) { j["keys"][0]["alg"] = "RSA"; }) == "keys[0].alg: unexpected value");
  CHECK(key([](json& j) { j["keys"][0]["kid"] = "Key_1"; }) == "keys[0].kid: not in the API's format");
  CHECK(key([](json& j) { j["keys"][0]["publicKey"] = "eqHKuEPE40sqCmqlwNooh7sw3I6kUQ4Dw1gnfQ9G6Z"; }) ==
        "keys[0].publicKey: not in the API's format");
  CHECK(key([](json& j) { j["keys"][0]["notBefore"] = -1; }) == "keys[0].notBefore: out of range");
  CHECK(key([](json& j) { j["keys"][0]["verifyUntil"] = 1795451540; }) == "keys[0].verifyUntil: not after notBefore");

  // The wrong status without a problem code is not trusted either; a problem stays a problem.
  const auto wrongStatus = api::parsePensionAccount(answer(201, account.dump()));
  CHECK(wrongStatus.error().kind == Kind::Malformed);
  CHECK(wrongStatus.error().what == "HTTP 201 without a problem code");
  const auto expired = api::parseBenefits(answer(401, R"({"code":"session-expired","status":401})"));
  CHECK(expired.error().kind == Kind::Problem);
  CHECK(expired.error().code == "session-expired");
  CHECK(api::parseApplications(answer(200, "[]")).error().what == "answer: not an object");
}

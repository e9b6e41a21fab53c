// The typed client against the real server, and against answers it must not trust.
#include <future>

#include "central_fixture.hpp"
#include "demo/essc_token.hpp"
#include "sync/api_client.hpp"
#include "sync/network.hpp"

using namespace onestop::central::test;
using namespace onestop::sync;
namespace api = onestop::sync::api;

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
  TrustConfig trust;
  trust.serverUrl = "https://127.0.0.1:" + std::to_string(central.port());
  trust.caCert = pkiDir() + "/ca.crt";
  trust.clientCert = pkiDir() + "/kiosks/KIOSK-TEST-01.crt";
  trust.clientKey = pkiDir() + "/kiosks/KIOSK-TEST-01.key";
  Network net(trust);

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
  auto verdict = api::parseSealVerdict(send(net, api::verifySeal(certificate->seal)));
  REQUIRE(verdict.ok());
  CHECK(verdict->status == "valid");

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
  using Kind = api::ApiFailure::Kind;
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

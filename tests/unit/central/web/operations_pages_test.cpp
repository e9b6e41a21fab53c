// The fleet, service quality and audit pages: what kiosks, citizens and staff did, as the
// back office reads it.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "web_harness.hpp"

namespace onestop::central::web::test {
namespace {

bool contains(const WebResponse& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

api::ApiResponse heartbeat(WebHarness& h, const std::string& kiosk, const nlohmann::json& body) {
  return h.api("POST", "/v1/fleet/heartbeat", body, {}, api::Caller::Kind::Kiosk, kiosk);
}

std::string fileAs(WebHarness& h, const std::string& key, const std::string& service, const nlohmann::json& details) {
  static int n = 0;
  const auto token = h.sessionFor(key);
  const auto r = h.api("POST", "/v1/me/filings", {{"service", service}, {"details", details}},
                       {{"authorization", "Bearer " + token}, {"idempotency-key", "ops-test-" + std::to_string(++n)}});
  REQUIRE_MESSAGE(r.status == 201, r.body);
  return nlohmann::json::parse(r.body)["acceptanceNumber"].get<std::string>();
}

void rate(WebHarness& h, const std::string& number, int level, const std::string& reason = "") {
  const auto r = h.api("POST", "/v1/ratings", {{"acceptanceNumber", number}, {"level", level}, {"reason", reason}});
  REQUIRE_MESSAGE(r.status == 201, r.body);
}

}  // namespace

TEST_CASE("the fleet page shows each kiosk's heartbeat, devices and backlog, and flags silent kiosks") {
  WebHarness h;
  seedDemoConsole(h);
  REQUIRE(heartbeat(h, "KIOSK-DEMO-02", {{"softwareVersion", "1.0.0"}, {"devices", nlohmann::json::array()}}).status ==
          200);
  h.advanceClock(3600);
  const auto fresh = heartbeat(h, "KIOSK-DEMO-01",
                               {{"softwareVersion", "1.2.0-rc1"},
                                {"queuedItems", 3},
                                {"devices",
                                 {{{"name", "receipt_printer"}, {"status", "hardwareError"}, {"detail", "纸将用完<b>"}},
                                  {{"name", "id_reader"}, {"status", "online"}, {"detail", ""}}}}});
  REQUIRE_MESSAGE(fresh.status == 200, fresh.body);
  CHECK(heartbeat(h, "KIOSK-TEST-01", {{"softwareVersion", "1.0.0"}, {"devices", nlohmann::json::array()},
                                       {"queuedItems", -1}})
            .status == 400);

  const auto auditor = logIn(h, "auditor");
  const auto page = h.get("/fleet", auditor.cookies);
  REQUIRE(page.status == 200);
  CHECK(contains(page, "共 2 台终端；1 台失联；1 台有设备异常。"));
  CHECK(contains(page, "1.2.0-rc1"));
  CHECK(contains(page, "硬件故障"));
  CHECK(contains(page, "纸将用完&lt;b&gt;"));
  CHECK(contains(page, "<td class=\"num\">3</td>"));
  const auto demo02 = page.body.find("data-kiosk=\"KIOSK-DEMO-02\"");
  REQUIRE(demo02 != std::string::npos);
  CHECK(page.body.substr(demo02, 200).find("class=\"overdue\"") != std::string::npos);
  CHECK(page.body.find("失联", demo02) != std::string::npos);
  CHECK(h.count("SELECT COUNT(*) FROM audit_log WHERE action = 'console.fleet_viewed'") == 1);
}

TEST_CASE("the quality page counts ratings per service and kiosk, lists negative reasons and complaints") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    WebHarness h(backend);
    seedDemoConsole(h);
    const auto a = fileAs(h, "worker", "change_phone", {{"phone", "13800002222"}});
    const auto b = fileAs(h, "arrears", "change_phone", {{"phone", "13800003333"}});
    const auto c = fileAs(h, "retiree", "change_address", {{"address", "测试省测试市测试路1号"}});
    rate(h, a, 5);
    rate(h, b, 3);
    rate(h, c, 1, "等了太久<script>");
    const auto complaint = h.api("POST", "/v1/complaints", {{"category", "complaint"}, {"text", "打印机没纸了"}});
    REQUIRE(complaint.status == 201);

    const auto staff = logIn(h, "supervisor");
    const auto page = h.get("/quality", staff.cookies);
    REQUIRE(page.status == 200);
    const auto byService = page.body.substr(page.body.find("id=\"ratings-by-service\""));
    CHECK(byService.find("联系电话变更</th><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">1</td>"
                         "<td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">2</td><td class=\"num\">"
                         "100.0%</td>") != std::string::npos);
    CHECK(byService.find("0.0%") != std::string::npos);  // the address change: one very dissatisfied
    CHECK(contains(page, "KIOSK-TEST-01</th>"));
    CHECK(contains(page, "等了太久&lt;script&gt;"));
    CHECK(contains(page, "打印机没纸了"));
    CHECK(contains(page, "待处理"));
    const auto volume = page.body.substr(page.body.find("id=\"volume\""));
    CHECK(volume.find("联系电话变更") != std::string::npos);
    CHECK(volume.find("待遇领取账户变更") != std::string::npos);  // the demo's filings
  }
}

TEST_CASE("a bad period on the quality page says so and shows the default") {
  WebHarness h;
  seedDemoConsole(h);
  const auto staff = logIn(h, "auditor");
  for (const char* query : {"?from=2026-13-01&to=2026-12-01", "?from=2026-02-01&to=2026-01-01",
                            "?from=2020-01-01&to=2026-01-01", "?from=<b>&to=x"}) {
    CAPTURE(query);
    const auto page = h.get(std::string("/quality") + query, staff.cookies);
    CHECK(page.status == 200);
    CHECK(contains(page, "日期无效"));
    CHECK_FALSE(contains(page, "<b>"));
  }
  CHECK_FALSE(contains(h.get("/quality?from=2026-01-01&to=2026-01-31", staff.cookies), "日期无效"));
}

TEST_CASE("the audit page searches by acceptance number, staff member and kiosk, and checks the chain") {
  WebHarness h;
  seedDemoConsole(h);
  const auto number = fileAs(h, "worker", "change_phone", {{"phone", "13800004444"}});
  const auto reviewer = logIn(h, "reviewer1");
  REQUIRE(h.post("/filings/" + number + "/decision",
                 {{"csrf", reviewer.csrf}, {"action", "approve"}, {"state", "accepted"}}, reviewer.cookies)
              .status == 303);
  CHECK(h.get("/audit", reviewer.cookies).status == 403);

  const auto auditor = logIn(h, "auditor");
  const auto bySubject = h.get("/audit?subject=" + number, auditor.cookies);
  REQUIRE(bySubject.status == 200);
  for (const char* action : {"filing.change_phone.accepted", "filing.in_review", "filing.approved", "filing.completed"})
    CHECK(contains(bySubject, action));
  CHECK(contains(bySubject, "找到 4 条记录"));
  const auto byStaff = h.get("/audit?staff=reviewer1", auditor.cookies);
  CHECK(contains(byStaff, "staff.login"));
  CHECK_FALSE(contains(byStaff, "filing.change_phone.accepted"));
  const auto byKiosk = h.get("/audit?kiosk=KIOSK-TEST-01", auditor.cookies);
  CHECK(contains(byKiosk, "filing.change_phone.accepted"));
  CHECK_FALSE(contains(byKiosk, "staff.login"));

  const auto verified = h.get("/audit?verify=1", auditor.cookies);
  CHECK(contains(verified, "data-chain=\"intact\""));
  h.execute("UPDATE audit_log SET detail = 'edited' WHERE seq = 3");
  const auto broken = h.get("/audit?verify=1", auditor.cookies);
  CHECK(contains(broken, "data-chain=\"broken\""));
  CHECK(contains(broken, "从第 3 条起校验失败"));
}

TEST_CASE("odd audit searches get a clear page and are logged without personal data") {
  WebHarness h;
  seedDemoConsole(h);
  const auto auditor = logIn(h, "auditor");
  const auto spaced = h.get("/audit?subject=a%20b", auditor.cookies);
  CHECK(spaced.status == 200);
  CHECK(contains(spaced, "查询条件只能是"));
  const auto idNumber = h.get("/audit?subject=110105198503140312", auditor.cookies);
  CHECK(idNumber.status == 200);
  CHECK(contains(idNumber, "没有符合条件的记录"));
  CHECK(h.count("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%110105198503140312%'") == 0);
  CHECK(h.count("SELECT COUNT(*) FROM audit_log WHERE detail = 'subject=(withheld) '") == 1);
  CHECK(h.get("/audit?subject=" + std::string(65, 'a'), auditor.cookies).status == 200);
}

}  // namespace onestop::central::web::test

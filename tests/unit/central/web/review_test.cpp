// The review queue and decisions: oldest first with time left, approve and reject as the
// citizen then sees them through the API, two-level review by two different people, and
// forged or stale forms that change nothing.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "demo/demo_citizens.hpp"
#include "web_harness.hpp"

namespace onestop::central::web::test {
namespace {

bool contains(const WebResponse& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

std::string stateOf(WebHarness& h, const std::string& number) {
  return h.text("SELECT state FROM applications WHERE acceptance_number = ?", {number});
}

// The filing's state and reason as the kiosk's progress query shows them.
nlohmann::json progress(WebHarness& h, const std::string& number) {
  const auto r = h.api("GET", "/v1/progress/" + number);
  REQUIRE_MESSAGE(r.status == 200, r.body);
  return nlohmann::json::parse(r.body);
}

WebResponse decide(WebHarness& h, const Browser& b, const std::string& number, const std::string& action,
                   const std::string& reason = "", std::string seenState = "") {
  if (seenState.empty()) seenState = stateOf(h, number);
  std::map<std::string, std::string> form = {{"csrf", b.csrf}, {"action", action}, {"state", seenState}};
  if (!reason.empty()) form["reason"] = reason;
  return h.post("/filings/" + number + "/decision", form, b.cookies);
}

std::string fileAs(WebHarness& h, const std::string& key, const std::string& service, const nlohmann::json& details) {
  static int n = 0;
  const auto token = h.sessionFor(key);
  const auto r = h.api("POST", "/v1/me/filings", {{"service", service}, {"details", details}},
                       {{"authorization", "Bearer " + token}, {"idempotency-key", "review-test-" + std::to_string(++n)}});
  REQUIRE_MESSAGE(r.status == 201, r.body);
  return nlohmann::json::parse(r.body)["acceptanceNumber"].get<std::string>();
}

}  // namespace

TEST_CASE("the queue lists waiting filings oldest first, overdue ones marked in words") {
  WebHarness h;
  seedDemoConsole(h);
  const auto b = logIn(h, "reviewer1");
  const auto viewsBefore = h.count("SELECT COUNT(*) FROM audit_log WHERE action = 'console.queue_viewed'");
  const auto page = h.get("/queue", b.cookies);
  REQUIRE(page.status == 200);
  const auto numbers = waitingFilings(h);
  REQUIRE(numbers.size() == 5);
  std::size_t last = 0;
  for (const auto& n : numbers) {
    const auto at = page.body.find("data-number=\"" + n + "\"");
    REQUIRE(at != std::string::npos);
    CHECK(at > last);
    last = at;
  }
  CHECK(contains(page, "共有 5 件业务等待审核"));
  CHECK(contains(page, "已超期"));                  // the phone change filed 3 days ago (1 working day limit)
  CHECK(contains(page, "class=\"overdue\""));
  CHECK(contains(page, "您已初审，须由其他人复核"));  // reviewer1 did the demo's first review
  CHECK(contains(page, "测**伟"));                  // masked in the list
  CHECK_FALSE(contains(page, "测试张伟"));
  CHECK(h.count("SELECT COUNT(*) FROM audit_log WHERE action = 'console.queue_viewed'") == viewsBefore + 1);
}

TEST_CASE("opening a filing shows old and new values and is audited as a read of personal data") {
  WebHarness h;
  seedDemoConsole(h);
  const auto b = logIn(h, "reviewer1");
  const auto number = waitingFilings(h, "change_phone").at(0);
  const auto page = h.get("/filings/" + number, b.cookies);
  REQUIRE(page.status == 200);
  CHECK(contains(page, "13800001234"));                     // requested
  CHECK(contains(page, h.text("SELECT phone FROM citizens WHERE id = 'C019159'")));  // on record now
  CHECK(contains(page, "110105********0312"));
  CHECK_FALSE(contains(page, "110105198503140312"));
  CHECK(contains(page, "name=\"csrf\" value=\"" + b.csrf + "\""));
  CHECK(h.count("SELECT COUNT(*) FROM audit_log WHERE action = 'filing.viewed' AND subject = ? AND actor_id = "
                "'reviewer1'",
                {number}) == 1);
  CHECK(h.get("/filings/1234", b.cookies).status == 404);
  CHECK(h.get("/filings/" + number.substr(0, 15) + (number[15] == '0' ? "1" : "0"), b.cookies).status == 404);
}

TEST_CASE("approving a one-level filing completes it and applies the change, as the API then reports") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    WebHarness h(backend);
    seedDemoConsole(h);
    const auto b = logIn(h, "reviewer2");
    const auto number = waitingFilings(h, "change_phone").at(0);
    const auto r = decide(h, b, number, "approve");
    REQUIRE_MESSAGE(r.status == 303, r.body);
    CHECK(headerOf(r, "Location") == "/filings/" + number + "?done=completed");
    CHECK(progress(h, number)["state"] == "completed");
    CHECK(h.text("SELECT phone FROM citizens WHERE id = 'C019159'") == "13800001234");
    for (const char* action : {"filing.in_review", "filing.approved", "filing.completed"})
      CHECK(h.count("SELECT COUNT(*) FROM audit_log WHERE action = ? AND subject = ? AND actor_kind = 'staff' AND "
                    "actor_id = 'reviewer2'",
                    {std::string(action), number}) == 1);
    CHECK(contains(h.get("/filings/" + number + "?done=completed", b.cookies), "变更已记入档案"));
    CHECK(decide(h, b, number, "approve", "", "accepted").status == 409);  // a stale second click
  }
}

TEST_CASE("rejecting needs a reason, which the citizen then reads") {
  WebHarness h;
  seedDemoConsole(h);
  const auto b = logIn(h, "reviewer1");
  const auto number = waitingFilings(h, "change_address").at(0);
  const auto missing = decide(h, b, number, "reject", "   ");
  CHECK(missing.status == 400);
  CHECK(contains(missing, "请填写原因"));
  CHECK(decide(h, b, number, "reject", std::string(201, 'x')).status == 400);
  CHECK(stateOf(h, number) == "accepted");
  const std::string reason = "地址不完整，请补充门牌号后重新申请。<b>";
  CHECK(decide(h, b, number, "reject", reason).status == 303);
  const auto p = progress(h, number);
  CHECK(p["state"] == "rejected");
  CHECK(p["reason"] == reason);
  const auto page = h.get("/filings/" + number, b.cookies);
  CHECK(contains(page, "重新申请。&lt;b&gt;"));   // escaped on the page
  CHECK_FALSE(contains(page, "id=\"approve-form\""));
}

TEST_CASE("a decision without the CSRF token, with a forged one or a malformed form changes nothing") {
  WebHarness h;
  seedDemoConsole(h);
  const auto b = logIn(h, "reviewer1");
  const auto number = waitingFilings(h, "change_phone").at(0);
  const auto audited = h.count("SELECT COUNT(*) FROM audit_log");
  CHECK(h.post("/filings/" + number + "/decision", {{"action", "approve"}, {"state", "accepted"}}, b.cookies).status ==
        403);
  CHECK(h.post("/filings/" + number + "/decision", {{"action", "approve"}, {"state", "accepted"}, {"csrf", "x"}},
               b.cookies)
            .status == 403);
  WebRequest malformed;
  malformed.method = "POST";
  malformed.path = "/filings/" + number + "/decision";
  malformed.cookies = b.cookies;
  malformed.formMalformed = true;
  CHECK(h.console().handle(malformed).status == 400);
  CHECK(h.post("/filings/" + number + "/decision", {{"action", "approve"}, {"state", "accepted"}, {"csrf", b.csrf}})
            .status == 303);  // no session: to the log-in page
  CHECK(stateOf(h, number) == "accepted");
  CHECK(h.count("SELECT COUNT(*) FROM audit_log") == audited);
  CHECK(decide(h, b, number, "destroy").status == 400);
  CHECK(stateOf(h, number) == "accepted");
}

TEST_CASE("two-level review: a first approval, then the final one by a different reviewer") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    WebHarness h(backend);
    seedDemoConsole(h);
    const auto first = logIn(h, "reviewer2");
    const auto second = logIn(h, "supervisor");
    const auto retiree = demo::demoCitizenId("retiree");
    const auto number = h.text("SELECT acceptance_number FROM applications WHERE citizen_id = ? AND service_id = "
                               "'change_bank_account'",
                               {retiree});
    const auto before = h.text("SELECT bank_account FROM citizens WHERE id = ?", {retiree});
    CHECK(contains(h.get("/filings/" + number, first.cookies), "初审通过，提交复核"));
    REQUIRE(decide(h, first, number, "approve").status == 303);
    CHECK(progress(h, number)["state"] == "first_review_done");
    CHECK(h.text("SELECT bank_account FROM citizens WHERE id = ?", {retiree}) == before);  // not yet

    // The first reviewer cannot also give the final approval.
    const auto own = h.get("/filings/" + number, first.cookies);
    CHECK(contains(own, "您已完成初审"));
    CHECK_FALSE(contains(own, "id=\"approve-form\""));
    const auto refused = decide(h, first, number, "approve");
    CHECK(refused.status == 409);
    CHECK(contains(refused, "初审和复核不能是同一个人"));
    CHECK(progress(h, number)["state"] == "first_review_done");

    const auto page = h.get("/filings/" + number, second.cookies);
    CHECK(contains(page, "复核通过，最终批准"));
    CHECK(contains(page, "初审人：测试审核员乙"));
    REQUIRE(decide(h, second, number, "approve").status == 303);
    CHECK(progress(h, number)["state"] == "completed");
    CHECK(h.text("SELECT bank_account FROM citizens WHERE id = ?", {retiree}).rfind("62220000", 0) == 0);
    CHECK(h.text("SELECT bank_account FROM citizens WHERE id = ?", {retiree}) != before);
  }
}

TEST_CASE("the API transition endpoint keeps working and enforces two-level review too") {
  WebHarness h;
  const auto phone = fileAs(h, "worker", "change_phone", {{"phone", "13800005678"}});
  auto staff = [&](const std::string& number, const std::string& to, const std::string& who = "STAFF-DEMO-01") {
    return h.api("POST", "/v1/staff/applications/" + number + "/transitions", {{"to", to}, {"reason", ""}}, {},
                 api::Caller::Kind::Staff, who);
  };
  CHECK(staff(phone, "in_review").status == 200);
  CHECK(staff(phone, "first_review_done").status == 409);  // one-level: no first review step
  CHECK(staff(phone, "approved").status == 200);
  CHECK(staff(phone, "completed").status == 200);

  const auto bank = fileAs(h, "arrears", "change_bank_account",
                           {{"bankName", "测试银行"}, {"accountNumber", "6222000012345673"}});
  CHECK(staff(bank, "in_review").status == 200);
  const auto direct = staff(bank, "approved");
  CHECK(direct.status == 409);
  CHECK(direct.body.find("first_review_done") != std::string::npos);
  CHECK(staff(bank, "first_review_done").status == 200);
  const auto same = staff(bank, "approved");
  CHECK(same.status == 409);
  CHECK(same.body.find("reviewer other than the first") != std::string::npos);
  CHECK(staff(bank, "approved", "STAFF-DEMO-02").status == 200);
  CHECK(staff(bank, "completed", "STAFF-DEMO-02").status == 200);
  CHECK(progress(h, bank)["history"].size() == 5);
}

TEST_CASE("what a citizen typed is escaped everywhere it is shown") {
  WebHarness h;
  seedDemoConsole(h);
  const auto number = fileAs(h, "worker", "change_address", {{"address", "测试路<script>alert(1)</script>"}});
  const auto b = logIn(h, "reviewer1");
  const auto page = h.get("/filings/" + number, b.cookies);
  CHECK(contains(page, "测试路&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_FALSE(contains(page, "<script>"));
}

TEST_CASE("the demo console data is written once: four accounts and five filings waiting") {
  WebHarness h;
  seedDemoConsole(h);
  seedDemoConsole(h);
  CHECK(h.count("SELECT COUNT(*) FROM staff_accounts") == 4);
  CHECK(waitingFilings(h).size() == 5);
  CHECK(h.count("SELECT COUNT(*) FROM applications WHERE state = 'first_review_done'") == 1);
  CHECK(h.count("SELECT COUNT(*) FROM application_events WHERE actor = 'reviewer1' AND state = 'first_review_done'") ==
        1);
  const auto chain = h.api("GET", "/v1/keys");  // the server still answers after seeding
  CHECK(chain.status == 200);
}

}  // namespace onestop::central::web::test

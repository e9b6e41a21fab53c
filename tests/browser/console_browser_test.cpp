// The staff console and the verification page in a real browser (headless Chromium through
// chromedriver) against the real server: log in, approve, reject, two-level review, a form
// without its CSRF token, certificate checks, lockout, and every page's screenshot.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "browser_fixture.hpp"

namespace onestop::test::browser {
namespace {

using nlohmann::json;

nlohmann::json progress(ConsoleInBrowser& c, const std::string& number) {
  const auto r = c.central().api("GET", "/v1/progress/" + number);
  REQUIRE_MESSAGE(r.status == 200, r.body);
  return r.json();
}

}  // namespace

TEST_CASE("a reviewer logs in and sees the review queue") {
  ConsoleInBrowser c("login");
  c.browser().open(c.url("/"));
  CHECK(c.browser().url().find("/login") != std::string::npos);
  CHECK(c.shows("工作人员登录"));
  c.shot("01-login");
  c.logIn("reviewer1");
  CHECK(c.browser().url().find("/queue") != std::string::npos);
  CHECK(c.shows("共有 5 件业务等待审核"));
  CHECK(c.shows("测试审核员甲"));
  // The session cookie is HttpOnly: page scripts cannot read it.
  CHECK(c.browser().run("return document.cookie;").get<std::string>().find("onestop_staff") == std::string::npos);
  c.shot("02-queue");
}

TEST_CASE("approving a filing in the browser changes its state as the API reports it") {
  ConsoleInBrowser c("approve");
  const auto number = c.central().file("worker", "change_phone", {{"phone", "13800007777"}});
  CHECK(progress(c, number)["state"] == "accepted");
  c.logIn("reviewer2");
  c.openFiling(number);
  CHECK(c.shows("13800007777"));
  c.shot("03-filing");
  c.browser().clickAndWait(c.browser().find("#approve-button"));
  CHECK(c.shows("变更已记入档案"));
  CHECK(progress(c, number)["state"] == "completed");
  CHECK(c.browser().textOf(c.browser().find("#filing-state")) == "已办结");
  c.shot("04-approved");
}

TEST_CASE("rejecting a filing in the browser with the reason the citizen reads") {
  ConsoleInBrowser c("reject");
  const auto number = c.central().file("arrears", "change_address", {{"address", "测试省测试市测试路2号"}});
  c.logIn("reviewer1");
  c.openFiling(number);
  const std::string reason = "地址缺少门牌号，请补充后重新申请。";
  c.browser().type(c.browser().find("#reason"), reason);
  c.browser().clickAndWait(c.browser().find("#reject-button"));
  CHECK(c.shows("原因已告知申请人"));
  const auto p = progress(c, number);
  CHECK(p["state"] == "rejected");
  CHECK(p["reason"] == reason);
  c.shot("05-rejected");
}

TEST_CASE("two-level review of a bank account change in the browser") {
  ConsoleInBrowser c("two-level");
  const auto number = c.central().file("retiree", "change_bank_account",
                                       {{"bankName", "测试银行"}, {"accountNumber", "6222000012345673"}});
  c.logIn("reviewer1");
  c.openFiling(number);
  CHECK(c.shows("须经两级审核"));
  c.browser().clickAndWait(c.browser().find("#approve-button"));
  CHECK(progress(c, number)["state"] == "first_review_done");
  CHECK(c.shows("您已完成初审"));
  CHECK_FALSE(c.browser().exists("#approve-form"));
  c.shot("06-first-review-done");
  c.logOut();

  c.logIn("reviewer2");
  c.openFiling(number);
  CHECK(c.shows("初审人：测试审核员甲"));
  c.shot("07-second-review");
  c.browser().clickAndWait(c.browser().find("#approve-button"));
  CHECK(progress(c, number)["state"] == "completed");
  CHECK(c.shows("变更已记入档案"));
  c.shot("08-final-approval");
}

TEST_CASE("a form sent without its CSRF token is refused and nothing changes") {
  ConsoleInBrowser c("csrf");
  const auto number = c.central().file("worker", "change_phone", {{"phone", "13800006666"}});
  c.logIn("reviewer1");
  c.openFiling(number);
  c.browser().run("document.querySelector('#approve-form input[name=csrf]').remove();");
  c.browser().clickAndWait(c.browser().find("#approve-button"));
  CHECK(c.shows("表单已失效"));
  CHECK(progress(c, number)["state"] == "accepted");
  c.shot("09-csrf-refused");
  // A forged token is no better.
  c.openFiling(number);
  c.browser().run("document.querySelector('#approve-form input[name=csrf]').value = 'forged';");
  c.browser().clickAndWait(c.browser().find("#approve-button"));
  CHECK(c.shows("表单已失效"));
  CHECK(progress(c, number)["state"] == "accepted");
}

TEST_CASE("the verification page says genuine for a real certificate and not genuine for an altered one") {
  ConsoleInBrowser c("verify");
  const auto cert = c.central().issueCertificate("worker");
  c.browser().open(c.url("/verify"));
  c.shot("10-verify-form");
  c.browser().type(c.browser().find("#code"), cert.code.substr(0, 4) + " " + cert.code.substr(4, 4) + " " +
                                                  cert.code.substr(8));
  c.browser().clickAndWait(c.browser().find("form[action='/verify'] button"));
  CHECK(c.shows("真实有效"));
  CHECK(c.shows("110105********0312"));
  CHECK_FALSE(c.shows("110105198503140312"));
  c.shot("11-verify-genuine");

  c.browser().open(c.url("/v/" + cert.seal));
  CHECK(c.shows("真实有效"));
  std::string altered = cert.seal;
  const auto at = altered.find("110105");
  altered[at + 5] = '6';  // the masked ID number in the seal, as if the paper had been changed
  c.browser().open(c.url("/v/" + altered));
  CHECK(c.shows("不是真证明"));
  CHECK_FALSE(c.browser().textOf(c.browser().find("#verdict")).find("110106") != std::string::npos);
  c.shot("12-verify-altered");

  c.browser().open(c.url("/verify?code=1234"));
  CHECK(c.shows("这不是有效的验证码"));
  c.browser().clickAndWait(c.browser().find("a.lang"));
  CHECK(c.shows("Check a certificate"));
  c.shot("13-verify-bad-code-en");
}

TEST_CASE("wrong passwords are refused and then lock the name") {
  ConsoleInBrowser c("lockout");
  c.tryLogIn("reviewer1", "wrong-password");
  CHECK(c.shows("用户名或密码不正确"));
  c.shot("14-wrong-password");
  for (int i = 0; i < 4; ++i) c.tryLogIn("reviewer1", "wrong-password");
  CHECK(c.shows("已暂时锁定"));
  c.tryLogIn("reviewer1", "onestop-demo");
  CHECK(c.shows("已暂时锁定"));
  CHECK(c.browser().url().find("/login") != std::string::npos);
  c.shot("15-locked");
}

TEST_CASE("fleet, service quality and audit pages, and the queue in English") {
  ConsoleInBrowser c("pages");
  auto& central = c.central();
  const auto beat = central.api(
      "POST", "/v1/fleet/heartbeat",
      json{{"softwareVersion", "1.0.0"},
           {"queuedItems", 2},
           {"devices",
            {{{"name", "receipt_printer"}, {"status", "userError"}, {"detail", "纸将用完"}},
             {{"name", "id_reader"}, {"status", "online"}},
             {{"name", "camera"}, {"status", "online"}}}}}
          .dump(),
      {}, "kiosks/KIOSK-DEMO-01");
  REQUIRE_MESSAGE(beat.status == 200, beat.body);
  for (const auto& [key, level] : std::vector<std::pair<std::string, int>>{{"worker", 5}, {"arrears", 4}, {"flexible", 2}}) {
    const auto number = central.file(key, "change_phone", {{"phone", "13800005555"}});
    json rating = {{"acceptanceNumber", number}, {"level", level}};
    if (level <= 2) rating["reason"] = "排队时间太长";
    REQUIRE(central.api("POST", "/v1/ratings", rating.dump()).status == 201);
  }
  REQUIRE(central.api("POST", "/v1/complaints", json{{"category", "suggestion"}, {"text", "希望增加老年人专用窗口"}}.dump())
              .status == 201);

  c.logIn("supervisor");
  c.browser().open(c.url("/fleet"));
  CHECK(c.shows("需人工处理"));
  c.shot("16-fleet");
  c.browser().open(c.url("/quality"));
  CHECK(c.shows("排队时间太长"));
  CHECK(c.shows("希望增加老年人专用窗口"));
  c.shot("17-quality");
  c.browser().open(c.url("/audit"));
  c.browser().clickAndWait(c.browser().find("#verify-chain"));
  CHECK(c.shows("日志完整"));
  c.shot("18-audit");
  c.browser().open(c.url("/queue?lang=en"));
  CHECK(c.shows("Review queue"));
  CHECK(c.shows("Overdue by"));
  c.shot("19-queue-en");
}

TEST_CASE("a reviewer and a second reviewer clear the demo queue end to end") {
  ConsoleInBrowser c("demo-queue");
  // Approves every filing this reviewer may approve; returns how many were approved.
  auto approveAll = [&] {
    c.browser().open(c.url("/queue"));
    const auto numbers = c.browser().run(
        "return Array.from(document.querySelectorAll('#queue tr[data-number]')).map(r => r.dataset.number);");
    int approved = 0;
    for (const auto& n : numbers) {
      const auto number = n.get<std::string>();
      c.openFiling(number);
      if (!c.browser().exists("#approve-button")) continue;  // this reviewer did the first review
      c.browser().clickAndWait(c.browser().find("#approve-button"));
      ++approved;
    }
    return approved;
  };
  c.logIn("reviewer1");
  CHECK(approveAll() == 4);  // three one-level filings and one first review
  c.logOut();
  c.logIn("reviewer2");
  CHECK(approveAll() == 2);  // the two final approvals of the bank account changes
  c.browser().open(c.url("/queue"));
  CHECK(c.shows("没有等待审核的业务"));
  CHECK(c.central().count("SELECT COUNT(*) FROM applications WHERE state <> 'completed'") == 0);
  c.shot("20-demo-queue-cleared");
}

}  // namespace onestop::test::browser

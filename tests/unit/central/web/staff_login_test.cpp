// Logging in and out of the console: cookies, CSRF on the log-in form, lockout, expiry,
// roles; wrong input gets a clear page and changes nothing.
#include <doctest/doctest.h>

#include "web_harness.hpp"

namespace onestop::central::web::test {
namespace {

bool contains(const WebResponse& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

std::int64_t sessions(WebHarness& h) { return h.count("SELECT COUNT(*) FROM staff_sessions"); }

}  // namespace

TEST_CASE("a reviewer logs in: an HttpOnly, Secure, SameSite=Strict session cookie, audited") {
  for (auto backend : backends()) {
    CAPTURE(backendName(backend));
    WebHarness h(backend);
    seedDemoConsole(h);
    const auto r = postLogin(h, "reviewer1", "onestop-demo");
    REQUIRE(r.status == 303);
    CHECK(headerOf(r, "Location") == "/queue");
    const auto cookie = setCookieLine(r, "__Host-onestop_staff");
    CHECK(cookie.find("; Secure") != std::string::npos);
    CHECK(cookie.find("; HttpOnly") != std::string::npos);
    CHECK(cookie.find("; SameSite=Strict") != std::string::npos);
    CHECK(cookie.find("; Path=/") != std::string::npos);
    CHECK(sessions(h) == 1);
    // Only the token's hash is stored.
    CHECK(h.count("SELECT COUNT(*) FROM staff_sessions WHERE token_hash = ?",
                  {setCookie(r, "__Host-onestop_staff")}) == 0);
    CHECK(h.count("SELECT COUNT(*) FROM audit_log WHERE action = 'staff.login' AND actor_kind = 'staff' AND "
                  "actor_id = 'reviewer1'") == 1);
    const auto queue = h.get("/queue", {{"__Host-onestop_staff", setCookie(r, "__Host-onestop_staff")}});
    CHECK(queue.status == 200);
    CHECK(contains(queue, "测试审核员甲"));
  }
}

TEST_CASE("a wrong password and an unknown name get the same answer and no session") {
  WebHarness h;
  seedDemoConsole(h);
  const auto wrong = postLogin(h, "reviewer1", "not-the-password");
  const auto unknown = postLogin(h, "nobody", "not-the-password");
  CHECK(wrong.status == 403);
  CHECK(unknown.status == 403);
  CHECK(contains(wrong, "用户名或密码不正确"));
  CHECK(contains(unknown, "用户名或密码不正确"));
  CHECK(sessions(h) == 0);
  CHECK_FALSE(contains(wrong, "not-the-password"));
  CHECK(h.count("SELECT COUNT(*) FROM audit_log WHERE action = 'staff.login_failed' AND subject = 'reviewer1'") == 1);
  CHECK(h.count("SELECT COUNT(*) FROM audit_log WHERE action = 'staff.login_failed' AND subject = '-'") == 1);
  // Garbage in every field: the same clear page.
  CHECK(postLogin(h, "<script>", std::string(5000, 'x')).status == 403);
  CHECK(postLogin(h, "", "").status == 403);
}

TEST_CASE("repeated failures lock the name, even against the right password, until the lockout ends") {
  ConsoleOptions options;
  options.maxFailedLogins = 3;
  options.lockoutSeconds = 600;
  WebHarness h(Backend::Sqlite, options);
  seedDemoConsole(h);
  for (int i = 0; i < 2; ++i) CHECK(contains(postLogin(h, "reviewer2", "wrong-password"), "用户名或密码不正确"));
  const auto third = postLogin(h, "reviewer2", "wrong-password");
  CHECK(contains(third, "已暂时锁定"));
  const auto right = postLogin(h, "reviewer2", "onestop-demo");
  CHECK(right.status == 403);
  CHECK(contains(right, "已暂时锁定"));
  CHECK(sessions(h) == 0);
  CHECK(h.count("SELECT COUNT(*) FROM audit_log WHERE action = 'staff.login_locked'") == 1);
  // Another account is not affected.
  CHECK(postLogin(h, "reviewer1", "onestop-demo").status == 303);
  h.advanceClock(601);
  CHECK(postLogin(h, "reviewer2", "onestop-demo").status == 303);
  // An unknown name locks the same way, so locking tells nothing about which names exist.
  for (int i = 0; i < 3; ++i) postLogin(h, "nosuchname", "wrong-password");
  CHECK(contains(postLogin(h, "nosuchname", "wrong-password"), "已暂时锁定"));
}

TEST_CASE("the log-in form without its CSRF token, or from another site, is refused") {
  WebHarness h;
  seedDemoConsole(h);
  const auto form = h.get("/login");
  const auto cookie = setCookie(form, "__Host-onestop_login");
  const auto token = hiddenField(form.body, "csrf");
  CHECK(setCookieLine(form, "__Host-onestop_login").find("HttpOnly") != std::string::npos);
  const std::map<std::string, std::string> creds = {{"login", "reviewer1"}, {"password", "onestop-demo"}};
  CHECK(h.post("/login", creds, {{"__Host-onestop_login", cookie}}).status == 403);            // no token
  auto withToken = creds;
  withToken["csrf"] = token;
  CHECK(h.post("/login", withToken, {}).status == 403);                                        // no cookie
  withToken["csrf"] = std::string(token.size(), 'A');
  CHECK(h.post("/login", withToken, {{"__Host-onestop_login", cookie}}).status == 403);        // wrong token
  CHECK(sessions(h) == 0);

  WebRequest crossSite;
  crossSite.method = "POST";
  crossSite.path = "/login";
  crossSite.form = {{"login", "reviewer1"}, {"password", "onestop-demo"}, {"csrf", token}};
  crossSite.cookies = {{"__Host-onestop_login", cookie}};
  crossSite.headers = {{"host", "127.0.0.1"}, {"origin", "https://evil.example"}};
  CHECK(h.console().handle(crossSite).status == 403);
  CHECK(sessions(h) == 0);
  crossSite.headers["origin"] = "https://127.0.0.1";
  CHECK(h.console().handle(crossSite).status == 303);
}

TEST_CASE("log-in attempts from one address are rate-limited") {
  ConsoleOptions options;
  options.loginsPerMinutePerAddress = 2;
  WebHarness h(Backend::Sqlite, options);
  seedDemoConsole(h);
  postLogin(h, "reviewer1", "wrong-password");
  postLogin(h, "reviewer1", "wrong-password");
  CHECK(postLogin(h, "reviewer1", "onestop-demo").status == 429);
  CHECK(postLogin(h, "reviewer1", "onestop-demo", "192.0.2.77").status == 303);
}

TEST_CASE("a session ends after the idle time and after the absolute limit") {
  ConsoleOptions options;
  options.sessionIdleSeconds = 600;
  options.sessionMaxSeconds = 1800;
  WebHarness h(Backend::Sqlite, options);
  seedDemoConsole(h);
  auto b = logIn(h, "reviewer1");
  h.advanceClock(500);
  CHECK(h.get("/queue", b.cookies).status == 200);
  h.advanceClock(500);
  CHECK(h.get("/queue", b.cookies).status == 200);  // still in use: not idle
  h.advanceClock(601);
  const auto idle = h.get("/queue", b.cookies);
  CHECK(idle.status == 303);
  CHECK(headerOf(idle, "Location") == "/login?expired=1");
  CHECK(contains(h.get("/login?expired=1"), "登录已超时"));

  b = logIn(h, "reviewer1");
  for (int i = 0; i < 4; ++i) {
    h.advanceClock(450);
    h.get("/queue", b.cookies);
  }
  CHECK(h.get("/queue", b.cookies).status == 303);  // 1800 s after log-in, used or not

  // Sessions left behind (a browser closed without logging out) go at the next log-in.
  logIn(h, "reviewer2");
  h.advanceClock(601);
  logIn(h, "supervisor");
  CHECK(h.count("SELECT COUNT(*) FROM staff_sessions") == 1);
}

TEST_CASE("logging out needs the CSRF token and ends the session") {
  WebHarness h;
  seedDemoConsole(h);
  const auto b = logIn(h, "reviewer1");
  CHECK(h.post("/logout", {}, b.cookies).status == 403);
  CHECK(h.post("/logout", {{"csrf", "forged"}}, b.cookies).status == 403);
  CHECK(h.get("/queue", b.cookies).status == 200);
  const auto out = h.post("/logout", {{"csrf", b.csrf}}, b.cookies);
  CHECK(out.status == 303);
  CHECK(headerOf(out, "Location") == "/login?bye=1");
  CHECK(setCookieLine(out, "__Host-onestop_staff").find("Max-Age=0") != std::string::npos);
  CHECK(h.get("/queue", b.cookies).status == 303);
  CHECK(sessions(h) == 0);
  CHECK(h.count("SELECT COUNT(*) FROM audit_log WHERE action = 'staff.logout'") == 1);
}

TEST_CASE("each role sees its own pages") {
  WebHarness h;
  seedDemoConsole(h);
  const auto auditor = logIn(h, "auditor");
  CHECK(h.get("/queue", auditor.cookies).status == 403);
  CHECK(contains(h.get("/queue", auditor.cookies), "无权访问"));
  CHECK(h.get("/", auditor.cookies).status == 303);
  const auto reviewer = logIn(h, "reviewer1");
  CHECK(headerOf(h.get("/", reviewer.cookies), "Location") == "/queue");
  CHECK(headerOf(h.get("/"), "Location") == "/login");
  CHECK(headerOf(h.get("/login", reviewer.cookies), "Location") == "/queue");  // already logged in
}

TEST_CASE("a disabled account cannot log in, and its open sessions end") {
  WebHarness h;
  seedDemoConsole(h);
  const auto b = logIn(h, "reviewer1");
  h.execute("UPDATE staff_accounts SET disabled = 1 WHERE login = 'reviewer1'");
  CHECK(h.get("/queue", b.cookies).status == 303);
  CHECK(postLogin(h, "reviewer1", "onestop-demo").status == 403);
}

}  // namespace onestop::central::web::test

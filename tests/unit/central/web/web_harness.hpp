#pragma once
// The console without a network: a fresh database (SQLite or PostgreSQL) with the demo
// citizens, a fresh key ring, the /v1 API (to issue certificates and file changes as a
// kiosk would) and the StaffConsole, both called directly, with a clock the test moves.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/central_api.hpp"
#include "seal/key_ring.hpp"
#include "store/database.hpp"
#include "web/console.hpp"

namespace onestop::central::web::test {

enum class Backend { Sqlite, Postgres };
/// SQLite always; PostgreSQL when the ctest fixture provides a server.
std::vector<Backend> backends();
const char* backendName(Backend b);

struct IssuedCertificate {
  std::string serial, seal, code;
};

class WebHarness {
 public:
  explicit WebHarness(Backend backend = Backend::Sqlite, ConsoleOptions options = {});
  ~WebHarness();

  std::int64_t now() const { return base_ + offset_; }
  void advanceClock(std::int64_t seconds) { offset_ += seconds; }

  /// The API as kiosk KIOSK-TEST-01 (or staff, for the transition endpoint).
  api::ApiResponse api(const std::string& method, const std::string& path, const nlohmann::json& body = {},
                       const std::map<std::string, std::string>& headers = {},
                       api::Caller::Kind kind = api::Caller::Kind::Kiosk, const std::string& id = "KIOSK-TEST-01");
  /// A session for the demo person `key` (by e-SSC token).
  std::string sessionFor(const std::string& key);
  IssuedCertificate issueCertificate(const std::string& key, const std::string& type = "participation");

  /// A browser request to the console: `cookies` are sent, the form is the POST body.
  WebResponse get(const std::string& pathAndQuery, const std::map<std::string, std::string>& cookies = {},
                  const std::string& clientAddress = "192.0.2.10");
  WebResponse post(const std::string& path, const std::map<std::string, std::string>& form,
                   const std::map<std::string, std::string>& cookies = {},
                   const std::string& clientAddress = "192.0.2.10");

  std::int64_t count(const std::string& sql, const std::vector<store::Value>& params = {});
  std::string text(const std::string& sql, const std::vector<store::Value>& params = {});
  void execute(const std::string& sql, const std::vector<store::Value>& params = {});
  store::Database& database() { return *db_; }
  StaffConsole& console() { return *console_; }
  seal::KeyRing& keys() { return *keys_; }

 private:
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<seal::KeyRing> keys_;
  std::unique_ptr<api::CentralApi> api_;
  std::unique_ptr<StaffConsole> console_;
  std::int64_t base_ = 0;
  std::int64_t offset_ = 0;
};

/// A logged-in browser: its cookies and the session's CSRF token.
struct Browser {
  std::map<std::string, std::string> cookies;
  std::string csrf;
};

/// Writes the demo staff accounts and filings (web/demo_console.hpp) into the harness.
void seedDemoConsole(WebHarness& h);
/// Logs in through the log-in page as a real browser would; REQUIREs success.
Browser logIn(WebHarness& h, const std::string& login, const std::string& password = "onestop-demo");
/// The log-in form's POST with the form's own CSRF token (from GET /login).
WebResponse postLogin(WebHarness& h, const std::string& login, const std::string& password,
                      const std::string& clientAddress = "192.0.2.10");
/// The acceptance numbers of the filings waiting for review, oldest first (from the database).
std::vector<std::string> waitingFilings(WebHarness& h, const std::string& service = "");

/// The value of `name` in the response's Set-Cookie headers, or "".
std::string setCookie(const WebResponse& r, const std::string& name);
/// The response header's value, or "".
std::string headerOf(const WebResponse& r, const std::string& name);
/// The whole Set-Cookie header that sets `name`, or "".
std::string setCookieLine(const WebResponse& r, const std::string& name);
/// The value attribute of the hidden input named `name` in an HTML page, or "".
std::string hiddenField(const std::string& html, const std::string& name);

}  // namespace onestop::central::web::test

#include "webdriver.hpp"

#include <chrono>
#include <csignal>
#include <fstream>
#include <thread>

#include <fcntl.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <doctest/doctest.h>
#include <sodium.h>

#include "http/httplib.hpp"

extern char** environ;

namespace onestop::test::browser {
namespace {

using nlohmann::json;
constexpr const char* kElementKey = "element-6066-11e4-a52e-4f735466cecf";
constexpr const char* kChromeDriver = "/usr/bin/chromedriver";
constexpr const char* kChromium = "/usr/bin/chromium";

int freeLoopbackPort() {
  const int sock = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(sock >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(sock, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
  socklen_t length = sizeof address;
  REQUIRE(::getsockname(sock, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  ::close(sock);
  return ntohs(address.sin_port);
}

std::unique_ptr<httplib::Client> clientFor(int port) {
  auto c = std::make_unique<httplib::Client>("127.0.0.1", port);
  c->set_connection_timeout(5, 0);
  c->set_read_timeout(60, 0);  // a page load may take a while under the sanitizers
  return c;
}

void stop(pid_t pid) {
  if (pid <= 0) return;
  ::kill(pid, SIGTERM);
  for (int i = 0; i < 50; ++i) {
    if (::waitpid(pid, nullptr, WNOHANG) == pid) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
}

}  // namespace

ChromeDriver::ChromeDriver(const std::string& logFile) {
  REQUIRE_MESSAGE(::access(kChromeDriver, X_OK) == 0, "install chromium-driver (deploy/debian-packages.txt)");
  REQUIRE_MESSAGE(::access(kChromium, X_OK) == 0, "install chromium (deploy/debian-packages.txt)");
  port_ = freeLoopbackPort();
  const std::string portArg = "--port=" + std::to_string(port_);
  const std::string logArg = "--log-path=" + logFile;
  std::vector<char*> argv = {const_cast<char*>(kChromeDriver), const_cast<char*>(portArg.c_str()),
                             const_cast<char*>(logArg.c_str()), const_cast<char*>("--allowed-ips=127.0.0.1"),
                             nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  const int spawned = posix_spawn(&pid_, kChromeDriver, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE_MESSAGE(spawned == 0, "cannot start " << kChromeDriver);
  auto client = clientFor(port_);
  for (int i = 0; i < 100; ++i) {
    auto r = client->Get("/status");
    if (r && r->status == 200 && json::parse(r->body, nullptr, false).value("value", json::object()).value("ready", false))
      return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  FAIL("chromedriver did not become ready on port " << port_ << " (log: " << logFile << ")");
}

ChromeDriver::~ChromeDriver() { stop(pid_); }

Browser::Browser(const ChromeDriver& driver) : http_(clientFor(driver.port())) {
  // --no-sandbox: the tests may run as root in a container, where Chromium's sandbox cannot
  // start. Only the console on loopback is ever opened.
  const json options = {
      {"binary", kChromium},
      {"args",
       {"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-crash-reporter",
        "--disable-breakpad", "--no-first-run", "--lang=zh-CN", "--window-size=1280,900",
        "--force-device-scale-factor=1"}}};
  const json capabilities = {{"capabilities",
                              {{"alwaysMatch",
                                {{"browserName", "chrome"},
                                 // The dev PKI's CA is not in Chromium's store; the server's
                                 // identity is not what these tests are about.
                                 {"acceptInsecureCerts", true},
                                 {"goog:chromeOptions", options}}}}}};
  const auto created = call("POST", "/session", capabilities);
  session_ = created.value("sessionId", "");
  REQUIRE_MESSAGE(!session_.empty(), created.dump());
  browserPid_ = created["capabilities"].value("goog:processID", -1);
  call("POST", "/session/" + session_ + "/timeouts", {{"implicit", 5000}, {"pageLoad", 60000}});
}

Browser::~Browser() {
  if (session_.empty()) return;
  auto r = http_->Delete(("/session/" + session_).c_str());
  // Never leave a browser behind, even when chromedriver could not close it.
  if ((!r || r->status != 200) && browserPid_ > 0) ::kill(browserPid_, SIGKILL);
}

json Browser::call(const std::string& method, const std::string& path, const json& body) {
  httplib::Result r = method == "GET"    ? http_->Get(path.c_str())
                      : method == "POST" ? http_->Post(path.c_str(), body.is_null() ? "{}" : body.dump(),
                                                        "application/json")
                                         : http_->Delete(path.c_str());
  REQUIRE_MESSAGE(r, "WebDriver " << method << " " << path << ": " << httplib::to_string(r.error()));
  const auto answer = json::parse(r->body, nullptr, false);
  REQUIRE_MESSAGE(answer.is_object(), "WebDriver " << method << " " << path << ": " << r->body.substr(0, 300));
  if (r->status != 200)
    FAIL("WebDriver " << method << " " << path << " -> " << r->status << ": "
                      << answer.value("value", json::object()).value("message", r->body).substr(0, 500));
  return answer.value("value", json());
}

void Browser::open(const std::string& url) { call("POST", "/session/" + session_ + "/url", {{"url", url}}); }
std::string Browser::url() { return call("GET", "/session/" + session_ + "/url").get<std::string>(); }
std::string Browser::title() { return call("GET", "/session/" + session_ + "/title").get<std::string>(); }
std::string Browser::source() { return call("GET", "/session/" + session_ + "/source").get<std::string>(); }
std::string Browser::text() { return run("return document.body.innerText;").get<std::string>(); }

Element Browser::find(const std::string& css) {
  const auto found = call("POST", "/session/" + session_ + "/element", {{"using", "css selector"}, {"value", css}});
  const auto id = found.value(kElementKey, std::string());
  REQUIRE_MESSAGE(!id.empty(), "no element " << css << ": " << found.dump());
  return Element{id};
}

bool Browser::exists(const std::string& css) {
  return run("return document.querySelector(arguments[0]) !== null;", {css}).get<bool>();
}

std::string Browser::textOf(const Element& e) {
  return call("GET", "/session/" + session_ + "/element/" + e.id + "/text").get<std::string>();
}

std::string Browser::attribute(const Element& e, const std::string& name) {
  const auto v = call("GET", "/session/" + session_ + "/element/" + e.id + "/attribute/" + name);
  return v.is_string() ? v.get<std::string>() : "";
}

void Browser::type(const Element& e, const std::string& text) {
  call("POST", "/session/" + session_ + "/element/" + e.id + "/clear", json::object());
  call("POST", "/session/" + session_ + "/element/" + e.id + "/value", {{"text", text}});
}

void Browser::click(const Element& e) {
  call("POST", "/session/" + session_ + "/element/" + e.id + "/click", json::object());
}

void Browser::clickAndWait(const Element& e) {
  run("window.__onestopOldPage = true;");
  click(e);
  for (int i = 0; i < 300; ++i) {
    if (run("return window.__onestopOldPage === undefined && document.readyState === 'complete';").get<bool>()) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  FAIL("no new page within 30 s after a click on " << url());
}

json Browser::run(const std::string& script, const json& args) {
  return call("POST", "/session/" + session_ + "/execute/sync", {{"script", script}, {"args", args}});
}

json Browser::cookies() { return call("GET", "/session/" + session_ + "/cookie"); }

void Browser::screenshot(const std::string& path) {
  // Chromium's DevTools capture beyond the viewport gives the whole page in one image.
  const auto shot = call("POST", "/session/" + session_ + "/goog/cdp/execute",
                         {{"cmd", "Page.captureScreenshot"},
                          {"params", {{"format", "png"}, {"captureBeyondViewport", true}}}});
  const auto base64 = shot.value("data", "");
  REQUIRE_FALSE(base64.empty());
  std::string png(base64.size(), '\0');
  std::size_t length = 0;
  REQUIRE(sodium_base642bin(reinterpret_cast<unsigned char*>(png.data()), png.size(), base64.data(), base64.size(),
                            nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL) == 0);
  png.resize(length);
  std::ofstream out(path, std::ios::binary);
  out << png;
  REQUIRE_MESSAGE(out.good(), "cannot write " << path);
}

}  // namespace onestop::test::browser

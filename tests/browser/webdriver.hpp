#pragma once
// A small W3C WebDriver client for the browser tests: starts Debian's chromedriver on a free
// loopback port, opens a headless Chromium session, and offers what the tests need
// (navigate, find, type, click, run a script, screenshot). Failures are doctest failures.
#include <memory>
#include <string>
#include <vector>

#include <sys/types.h>

#include <nlohmann/json.hpp>

namespace httplib {
class Client;
}

namespace onestop::test::browser {

/// The chromedriver process; killed (by its own pid) when this object goes.
class ChromeDriver {
 public:
  /// Starts /usr/bin/chromedriver; its log goes to `logFile`.
  explicit ChromeDriver(const std::string& logFile);
  ~ChromeDriver();
  ChromeDriver(const ChromeDriver&) = delete;
  ChromeDriver& operator=(const ChromeDriver&) = delete;
  int port() const { return port_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

struct Element {
  std::string id;
};

/// One headless Chromium session (its own fresh profile: no cookies from other tests).
class Browser {
 public:
  explicit Browser(const ChromeDriver& driver);
  ~Browser();
  Browser(const Browser&) = delete;
  Browser& operator=(const Browser&) = delete;

  void open(const std::string& url);
  std::string url();
  std::string title();
  /// The page's visible text.
  std::string text();
  std::string source();

  /// The first element matching `css`, waiting up to 5 s; fails the test when there is none.
  Element find(const std::string& css);
  bool exists(const std::string& css);
  std::string textOf(const Element& e);
  std::string attribute(const Element& e, const std::string& name);
  void type(const Element& e, const std::string& text);
  void click(const Element& e);
  /// Clicks a link or a submit button and waits until the next page has loaded (chromedriver
  /// does not always wait for a form submission's navigation).
  void clickAndWait(const Element& e);
  /// Runs `script` in the page (arguments[0…] = args) and returns its result.
  nlohmann::json run(const std::string& script, const nlohmann::json& args = nlohmann::json::array());

  /// The cookies the browser holds for the current page (name, value, httpOnly, secure, sameSite…).
  nlohmann::json cookies();
  /// A PNG of the whole page (not just the window) written to `path`.
  void screenshot(const std::string& path);

 private:
  nlohmann::json call(const std::string& method, const std::string& path, const nlohmann::json& body = nullptr);

  std::unique_ptr<httplib::Client> http_;
  std::string session_;
  pid_t browserPid_ = -1;
};

}  // namespace onestop::test::browser

#pragma once
// One browser test's world: the real server on loopback (fresh SQLite database with the demo
// citizens, demo staff accounts and filings), chromedriver, and a headless Chromium with a
// fresh profile. Screenshots go to the build tree's browser/ directory (the test output).
#include <string>

#include "web_central.hpp"
#include "webdriver.hpp"

namespace onestop::test::browser {

class ConsoleInBrowser {
 public:
  /// `name` names the chromedriver log (<output>/chromedriver-<name>.log).
  explicit ConsoleInBrowser(const std::string& name);
  ~ConsoleInBrowser();

  central::webtest::WebCentral& central() { return central_; }
  Browser& browser() { return *browser_; }

  /// The console's address of `path`.
  std::string url(const std::string& path) const;
  /// Saves the whole page as <output>/<name>.png.
  void shot(const std::string& name);

  /// Logs in with the log-in form; REQUIREs landing on a console page.
  void logIn(const std::string& login, const std::string& password = "onestop-demo");
  /// Submits the log-in form once, whatever happens.
  void tryLogIn(const std::string& login, const std::string& password);
  void logOut();
  /// Opens the filing page, as from the queue.
  void openFiling(const std::string& acceptanceNumber);
  /// True when the page's visible text contains `text`.
  bool shows(const std::string& text);

 private:
  central::webtest::WebCentral central_;
  std::unique_ptr<ChromeDriver> driver_;
  std::unique_ptr<Browser> browser_;
};

/// The directory screenshots and logs are written to (made when missing).
const std::string& outputDir();

}  // namespace onestop::test::browser

#include "browser_fixture.hpp"

#include <filesystem>

#include <doctest/doctest.h>

namespace onestop::test::browser {

const std::string& outputDir() {
  static const std::string dir = [] {
    std::filesystem::create_directories(ONESTOP_BROWSER_OUTPUT_DIR);
    return std::string(ONESTOP_BROWSER_OUTPUT_DIR);
  }();
  return dir;
}

ConsoleInBrowser::ConsoleInBrowser(const std::string& name) {
  central_.seedDemoConsole();
  driver_ = std::make_unique<ChromeDriver>(outputDir() + "/chromedriver-" + name + ".log");
  browser_ = std::make_unique<Browser>(*driver_);
}

ConsoleInBrowser::~ConsoleInBrowser() {
  browser_.reset();  // the session ends before chromedriver does
  driver_.reset();
}

std::string ConsoleInBrowser::url(const std::string& path) const { return central_.consoleUrl() + path; }

void ConsoleInBrowser::shot(const std::string& name) { browser_->screenshot(outputDir() + "/" + name + ".png"); }

void ConsoleInBrowser::tryLogIn(const std::string& login, const std::string& password) {
  browser_->open(url("/login"));
  browser_->type(browser_->find("#login"), login);
  browser_->type(browser_->find("#password"), password);
  browser_->clickAndWait(browser_->find("#login-form button[type=submit]"));
}

void ConsoleInBrowser::logIn(const std::string& login, const std::string& password) {
  tryLogIn(login, password);
  const auto now = browser_->url();
  REQUIRE_MESSAGE(now.find("/login") == std::string::npos, "still on " << now << ": " << browser_->text());
}

void ConsoleInBrowser::logOut() {
  browser_->clickAndWait(browser_->find("header form[action='/logout'] button"));
  REQUIRE(browser_->url().find("/login?bye=1") != std::string::npos);
}

void ConsoleInBrowser::openFiling(const std::string& acceptanceNumber) {
  browser_->open(url("/queue"));
  browser_->clickAndWait(browser_->find("a[href='/filings/" + acceptanceNumber + "']"));
  REQUIRE(browser_->url().find("/filings/" + acceptanceNumber) != std::string::npos);
}

bool ConsoleInBrowser::shows(const std::string& text) { return browser_->text().find(text) != std::string::npos; }

}  // namespace onestop::test::browser

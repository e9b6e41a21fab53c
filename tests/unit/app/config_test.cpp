#include <doctest/doctest.h>

#include "app/config.hpp"
#include "app/options.hpp"

using namespace onestop::app;

TEST_CASE("defaults apply when the file is empty") {
  auto c = parseConfig("", "kiosk.toml");
  REQUIRE(c.ok());
  CHECK(c->language == "zh-CN");
  CHECK(c->inactivitySeconds == 60);
  CHECK(c->width == 1920);
}

TEST_CASE("a valid file is read") {
  auto c = parseConfig("[kiosk]\nhall_name = \"测试大厅\"\nlarge_text = true\ninactivity_seconds = 90\n"
                       "[display]\nrenderer = \"software\"\nwidth = 1280\nheight = 720\n",
                       "kiosk.toml");
  REQUIRE_MESSAGE(c.ok(), c.error());
  CHECK(c->hallName == "测试大厅");
  CHECK(c->largeText);
  CHECK(c->inactivitySeconds == 90);
  CHECK(c->softwareRenderer);
  CHECK(c->width == 1280);
}

TEST_CASE("bad values name the key and the problem") {
  auto wrongType = parseConfig("[kiosk]\ninactivity_seconds = \"long\"\n", "k.toml");
  REQUIRE_FALSE(wrongType.ok());
  CHECK(wrongType.error().find("inactivity_seconds") != std::string::npos);
  auto range = parseConfig("[kiosk]\ninactivity_seconds = 5\n", "k.toml");
  REQUIRE_FALSE(range.ok());
  CHECK(range.error().find("out of range") != std::string::npos);
  auto typo = parseConfig("[kiosk]\nlanguge = \"en\"\n", "k.toml");
  REQUIRE_FALSE(typo.ok());
  CHECK(typo.error().find("languge") != std::string::npos);
  auto syntax = parseConfig("[kiosk\n", "k.toml");
  REQUIRE_FALSE(syntax.ok());
  CHECK(syntax.error().find("k.toml:1") != std::string::npos);
  auto renderer = parseConfig("[display]\nrenderer = \"vulkan\"\n", "k.toml");
  REQUIRE_FALSE(renderer.ok());
  CHECK(renderer.error().find("renderer") != std::string::npos);
  auto boolAsInt = parseConfig("[kiosk]\nlarge_text = 1\n", "k.toml");
  REQUIRE_FALSE(boolAsInt.ok());
}

TEST_CASE("command-line options: sizes, languages and mistakes") {
  auto o = parseOptions({"--headless", "--window", "1280x720", "--lang", "en", "--large"});
  REQUIRE(o.ok());
  CHECK(o->headless);
  CHECK(*o->width == 1280);
  CHECK(*o->height == 720);
  CHECK(*o->language == "en");
  CHECK(*o->largeText);
  CHECK_FALSE(parseOptions({"--window", "big"}).ok());
  CHECK_FALSE(parseOptions({"--window", "10x10"}).ok());
  CHECK_FALSE(parseOptions({"--lang"}).ok());
  auto unknown = parseOptions({"--frobnicate"});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().find("--frobnicate") != std::string::npos);
}

TEST_CASE("the example configuration in deploy/ (also in the operator guide) is valid") {
  auto c = loadConfig(std::string(ONESTOP_SOURCE_ROOT) + "/deploy/kiosk.example.toml");
  REQUIRE_MESSAGE(c.ok(), c.error());
  CHECK(c->fullscreen);
  CHECK(c->logFile == "/var/log/onestop/kiosk.log");
}

TEST_CASE("the scanner section: camera, formats and seal keys") {
  auto c = parseConfig("[scanner]\ncamera = \"/dev/video2\"\nformats = \"qr,pdf417\"\nseal_keys = \"/var/lib/k.json\"\n",
                       "k.toml");
  REQUIRE_MESSAGE(c.ok(), c.error());
  CHECK(c->scannerCamera == "/dev/video2");
  CHECK(c->scannerFormats == "qr,pdf417");
  CHECK(c->sealKeysFile == "/var/lib/k.json");
  CHECK(parseConfig("", "k.toml")->scannerCamera.empty());   // no camera unless configured
  auto bad = parseConfig("[scanner]\nformats = \"qr,ean13\"\n", "k.toml");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().find("[scanner] formats") != std::string::npos);
}

TEST_CASE("central server, printer and documents sections") {
  auto c = parseConfig("[central]\nurl = \"https://c.example:8443\"\nca = \"/p/ca.crt\"\ncert = \"/p/k.crt\"\n"
                       "key = \"/p/k.key\"\npins = \"sha256//a,sha256//b\"\n[printer]\nqueue = \"A4\"\n"
                       "[documents]\nverify_url = \"https://verify.example.gov.cn\"\nagency = \"某市社保中心\"\n",
                       "k.toml");
  REQUIRE_MESSAGE(c.ok(), c.error());
  CHECK(c->centralUrl == "https://c.example:8443");
  CHECK(c->centralPins == "sha256//a,sha256//b");
  CHECK(c->printerQueue == "A4");
  CHECK(c->verifyUrl == "https://verify.example.gov.cn");
  CHECK(c->agencyName == "某市社保中心");
  auto plain = parseConfig("[central]\nurl = \"http://c.example\"\nca = \"a\"\ncert = \"b\"\nkey = \"c\"\n", "k.toml");
  REQUIRE_FALSE(plain.ok());
  CHECK(plain.error().find("https://") != std::string::npos);
  auto noKey = parseConfig("[central]\nurl = \"https://c.example\"\n", "k.toml");
  REQUIRE_FALSE(noKey.ok());
  CHECK(noKey.error().find("ca, cert and key") != std::string::npos);
  auto badVerify = parseConfig("[documents]\nverify_url = \"https://v.example/?q=1\"\n", "k.toml");
  REQUIRE_FALSE(badVerify.ok());
  CHECK(badVerify.error().find("[documents] verify_url") != std::string::npos);
}

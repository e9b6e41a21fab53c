// Logging in with an e-SSC code: only on the Identify (or scan) screen, one check at a time
// however often the camera sees the code, offline refused at once, the server's answer
// decides; the token is a credential that leaves with the session.
#include <doctest/doctest.h>

#include "core/session.hpp"
#include "session_support.hpp"

using namespace onestop::core;
using onestop::core::test::effect;

namespace {

ev::CodeScanned esscCode(const std::string& token = "ESSC1.3ACF773780EB26D414D5ACE483B32EED") {
  ScanResult r;
  r.kind = CodeKind::EsscToken;
  r.value = token;
  r.esscToken = token;
  return {r};
}

Session onIdentify(LinkStatus link = LinkStatus::Online) {
  Session s;
  s.handle(ev::LinkChanged{link, 0});
  s.handle(ev::StartIdentify{"query_participation"});
  REQUIRE(s.state().screen == Screen::Identify);
  CHECK(s.wantsScanning());
  return s;
}

}  // namespace

TEST_CASE("an e-SSC code on the Identify screen is checked once by the server, then the citizen is identified") {
  Session s = onIdentify();
  const auto ask = effect<fx::IdentifyEssc>(s.handle(esscCode()));
  REQUIRE(ask);
  CHECK(ask->token == "ESSC1.3ACF773780EB26D414D5ACE483B32EED");
  CHECK_FALSE(effect<fx::IdentifyEssc>(s.handle(esscCode())).has_value());   // seen again while asking
  CHECK(s.holdsPersonalData());
  s.handle(ev::EsscIdentified{ask->request + 100, "测试张伟", "110105********0312"});   // not ours
  CHECK(s.state().screen == Screen::Identify);
  s.handle(ev::EsscIdentified{ask->request, "测试张伟", "110105********0312"});
  CHECK(s.state().screen == Screen::Identified);
  CHECK(s.state().citizen->name == "测试张伟");
  CHECK(s.state().citizen->idNumber == "110105********0312");
  CHECK_FALSE(s.wantsScanning());
  CHECK(s.handle(esscCode()).empty());   // identified: another code changes nothing

  s.handle(ev::Finish{});
  CHECK(s.state().esscToken.empty());
  CHECK_FALSE(s.state().citizen.has_value());
  CHECK_FALSE(s.holdsPersonalData());
}

TEST_CASE("a refused e-SSC code says why and forgets the token, offline refuses at once") {
  Session s = onIdentify();
  const auto ask = effect<fx::IdentifyEssc>(s.handle(esscCode("ESSC1.0123456789ABCDEF0123456789ABCDEF")));
  REQUIRE(ask);
  s.handle(ev::EsscRejected{ask->request, "identify.essc.invalid"});
  CHECK(s.state().screen == Screen::Identify);
  CHECK(s.state().cardProblemKey == "identify.essc.invalid");
  CHECK(s.state().esscToken.empty());
  CHECK(effect<fx::IdentifyEssc>(s.handle(esscCode())).has_value());   // may try again

  Session offline = onIdentify(LinkStatus::Offline);
  CHECK_FALSE(effect<fx::IdentifyEssc>(offline.handle(esscCode())).has_value());
  CHECK(offline.state().cardProblemKey == "identify.essc.offline");
  CHECK(offline.state().esscToken.empty());
}

TEST_CASE("from the scan screen an e-SSC code logs in too, elsewhere it is ignored") {
  Session s;
  s.handle(ev::LinkChanged{LinkStatus::Online, 0});
  s.handle(ev::OpenScan{});
  const auto ask = effect<fx::IdentifyEssc>(s.handle(esscCode()));
  REQUIRE(ask);
  CHECK(s.state().screen == Screen::Identify);
  s.handle(ev::EsscIdentified{ask->request, "测试张伟", "110105********0312"});
  CHECK(s.state().screen == Screen::Identified);

  Session home;
  CHECK(home.handle(esscCode()).empty());
  CHECK(home.state().esscToken.empty());
}

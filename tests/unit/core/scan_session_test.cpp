#include <doctest/doctest.h>

#include "core/session.hpp"

using namespace onestop::core;

namespace {

ScanResult receipt() {
  ScanResult r;
  r.kind = CodeKind::Receipt;
  r.value = "2025011500000124";
  return r;
}

ScanResult token() {
  ScanResult r;
  r.kind = CodeKind::EsscToken;
  r.esscToken = "ESSC1.0123456789ABCDEF0123456789ABCDEF";
  return r;
}

}  // namespace

TEST_CASE("the scan screen asks for scanning and a code leads to its result") {
  Session s;
  CHECK_FALSE(s.wantsScanning());
  s.handle(ev::OpenScan{});
  CHECK(s.state().screen == Screen::Scan);
  CHECK(s.wantsScanning());
  s.handle(ev::CodeScanned{receipt()});
  CHECK(s.state().screen == Screen::ScanResult);
  CHECK_FALSE(s.wantsScanning());
  REQUIRE(s.state().scan);
  CHECK(s.state().scan->value == "2025011500000124");
  CHECK(s.mainPromptKey() == "scan.result.receipt");
  s.handle(ev::Back{});   // back to where scanning began; the result is not kept
  CHECK(s.state().screen == Screen::Home);
  CHECK_FALSE(s.state().scan);
  CHECK_FALSE(s.holdsPersonalData());
}

TEST_CASE("codes count only on the scan screen") {
  Session s;
  s.handle(ev::CodeScanned{receipt()});
  CHECK(s.state().screen == Screen::Home);
  CHECK_FALSE(s.state().scan);
  s.handle(ev::OpenGuide{});
  s.handle(ev::CodeScanned{token()});
  CHECK(s.state().screen == Screen::ServiceGuide);
}

TEST_CASE("scan another clears the last result and scans again") {
  Session s;
  s.handle(ev::OpenScan{});
  s.handle(ev::CodeScanned{token()});
  CHECK(s.holdsPersonalData());   // an e-SSC token is a credential
  s.handle(ev::OpenScan{});
  CHECK(s.state().screen == Screen::Scan);
  CHECK_FALSE(s.state().scan);
  CHECK_FALSE(s.holdsPersonalData());
}

TEST_CASE("a scanned token is wiped when the session ends") {
  Session s;
  s.handle(ev::OpenScan{});
  s.handle(ev::CodeScanned{token()});
  s.handle(ev::InactivityTimeout{});
  CHECK(s.state().screen == Screen::Home);
  CHECK_FALSE(s.state().scan);
  ScanResult r = token();
  r.wipe();
  CHECK(r.esscToken.empty());
  CHECK(r.kind == CodeKind::Unusable);
}

TEST_CASE("the scanner's state survives the end of a session") {
  Session s;
  s.handle(ev::ScannerChanged{false});
  CHECK(s.state().scanner == ScannerState::Unavailable);
  s.handle(ev::OpenScan{});
  s.handle(ev::Finish{});
  CHECK(s.state().scanner == ScannerState::Unavailable);
  s.handle(ev::ScannerChanged{true});
  CHECK(s.state().scanner == ScannerState::Ready);
}

TEST_CASE("seal outcomes and certificate types have keys") {
  CHECK(sealCheckKey(SealCheck::Valid) == "scan.seal.valid");
  CHECK(sealCheckKey(SealCheck::NotGenuine) == "scan.seal.not_genuine");
  CHECK(certificateTypeKey('R') == "scan.certificate.R");
  CHECK(certificateTypeKey('x') == "scan.certificate.unknown");
  CHECK(scanResultTitleKey(CodeKind::Unusable) == "scan.result.unusable");
}

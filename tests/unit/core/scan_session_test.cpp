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

TEST_CASE("an e-SSC code on the scan screen is a log-in: going back drops the token") {
  Session s;
  s.handle(ev::OpenScan{});
  s.handle(ev::CodeScanned{token()});
  CHECK(s.state().screen == Screen::Identify);   // being checked by the server
  CHECK(s.holdsPersonalData());                  // an e-SSC token is a credential
  s.handle(ev::Back{});
  CHECK(s.state().esscToken.empty());
  CHECK(s.state().esscRequest == 0);
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

TEST_CASE("a scanned receipt asks for its progress, and shows what comes back for it only") {
  Session s;
  s.handle(ev::OpenScan{});
  ScanResult r;
  r.kind = CodeKind::Receipt;
  r.value = "2025011500000124";
  const auto fx = s.handle(ev::CodeScanned{r});
  const fx::QueryProgress* q = nullptr;
  for (const auto& e : fx)
    if (const auto* x = std::get_if<fx::QueryProgress>(&e)) q = x;
  REQUIRE(q);
  CHECK(q->acceptanceNumber == "2025011500000124");
  REQUIRE(s.state().progress.has_value());
  CHECK(s.state().progress->phase == ProgressView::Phase::Loading);
  s.handle(ev::ProgressLoaded{q->request + 1, "completed", "change_phone", "2025-01-15", "2025-01-16", "2025-01-16", ""});
  CHECK(s.state().progress->phase == ProgressView::Phase::Loading);   // an answer to another query
  s.handle(ev::ProgressLoaded{q->request, "rejected", "change_phone", "2025-01-15", "2025-01-16", "2025-01-16", "号码有误"});
  CHECK(s.state().progress->phase == ProgressView::Phase::Shown);
  CHECK(s.state().progress->reason == "号码有误");
  s.handle(ev::Back{});
  CHECK_FALSE(s.state().progress.has_value());

  Session offline;   // offline: nothing is asked, the screen says why at once
  offline.handle(ev::LinkChanged{LinkStatus::Offline, 0});
  offline.handle(ev::OpenScan{});
  const auto none = offline.handle(ev::CodeScanned{r});
  for (const auto& e : none) CHECK_FALSE(std::holds_alternative<fx::QueryProgress>(e));
  CHECK(offline.state().progress->phase == ProgressView::Phase::Failed);
  CHECK(offline.state().progress->problemKey == "progress.problem.offline");
}

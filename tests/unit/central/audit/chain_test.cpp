#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "audit/chain.hpp"

using namespace onestop::central::audit;

namespace {

// A log of `n` linked entries, seq 1..n.
std::vector<AuditEntry> makeLog(int n) {
  std::vector<AuditEntry> log;
  for (int i = 0; i < n; ++i) {
    AuditEntry draft;
    draft.at = 1'736'900'000 + i * 60;
    draft.actorKind = i % 2 == 0 ? ActorKind::Kiosk : ActorKind::Staff;
    draft.actorId = i % 2 == 0 ? "kiosk-01" : "staff-wang";
    draft.action = i % 2 == 0 ? "records.read" : "filing.accepted";
    draft.subject = "c-" + std::to_string(100 + i);
    draft.detail = "{}";
    log.push_back(chainAfter(log.empty() ? nullptr : &log.back(), std::move(draft)));
  }
  return log;
}

}  // namespace

TEST_CASE("an intact chain verifies") {
  const auto log = makeLog(10);
  const ChainCheck check = verifyChain(log);
  CHECK(check.ok);
  CHECK(check.reason == ChainBreak::None);
  CHECK(check.checked == 10);
  CHECK(verifyChain({}).ok);  // an empty log is intact
}

TEST_CASE("an edited entry is found") {
  auto log = makeLog(10);
  log[4].detail = R"({"approved":true})";
  const ChainCheck check = verifyChain(log);
  CHECK_FALSE(check.ok);
  CHECK(check.reason == ChainBreak::EditedEntry);
  CHECK(check.seq == 5);
  CHECK(check.checked == 4);
  CHECK(check.message.find("seq 5") != std::string::npos);
}

TEST_CASE("an edited and re-hashed entry breaks the link to the next") {
  auto log = makeLog(10);
  log[4].actorId = "staff-li";
  log[4].hash = computeHash(log[4], log[4].prevHash);
  const ChainCheck check = verifyChain(log);
  CHECK(check.reason == ChainBreak::BrokenLink);
  CHECK(check.seq == 6);
}

TEST_CASE("a deleted entry is found") {
  auto log = makeLog(10);
  log.erase(log.begin() + 4);
  const ChainCheck check = verifyChain(log);
  CHECK(check.reason == ChainBreak::MissingEntry);
  CHECK(check.seq == 5);
}

TEST_CASE("a deleted entry with the rest renumbered is found") {
  auto log = makeLog(10);
  log.erase(log.begin() + 4);
  for (std::size_t i = 4; i < log.size(); ++i) {
    log[i].seq -= 1;
    log[i].hash = computeHash(log[i], log[i].prevHash);
  }
  const ChainCheck check = verifyChain(log);
  CHECK(check.reason == ChainBreak::BrokenLink);
  CHECK(check.seq == 5);
}

TEST_CASE("a reordered pair is found") {
  auto log = makeLog(10);
  std::swap(log[3], log[4]);
  const ChainCheck check = verifyChain(log);
  CHECK(check.reason == ChainBreak::OutOfOrder);
  CHECK(check.seq == 4);
}

TEST_CASE("a reordered pair with swapped seq numbers is found") {
  auto log = makeLog(10);
  std::swap(log[3], log[4]);
  std::swap(log[3].seq, log[4].seq);
  const ChainCheck check = verifyChain(log);
  CHECK(check.reason == ChainBreak::EditedEntry);
  CHECK(check.seq == 4);
}

TEST_CASE("a copied entry is found") {
  auto log = makeLog(10);
  log.insert(log.begin() + 5, log[2]);
  const ChainCheck check = verifyChain(log);
  CHECK(check.reason == ChainBreak::OutOfOrder);
  CHECK(check.seq == 3);
}

TEST_CASE("the first entry must link to the genesis hash") {
  auto log = makeLog(3);
  log[0].prevHash = std::string(63, '0') + "1";
  log[0].hash = computeHash(log[0], log[0].prevHash);
  CHECK(verifyChain(log).reason == ChainBreak::BrokenLink);
  CHECK(verifyChain(log).seq == 1);
  auto fromTwo = makeLog(3);
  fromTwo.erase(fromTwo.begin());
  CHECK(verifyChain(fromTwo).reason == ChainBreak::MissingEntry);
  CHECK(verifyChain(fromTwo).seq == 1);
}

TEST_CASE("a recorded head catches a cut-off or rewritten log") {
  const auto log = makeLog(10);
  const ChainAnchor head{8, log[7].hash};
  CHECK(verifyChain(log, {}, head).ok);  // the log may have grown since

  SUBCASE("newest entries deleted") {
    const std::vector<AuditEntry> cut(log.begin(), log.begin() + 6);
    CHECK(verifyChain(cut).ok);  // undetectable from the chain alone
    const ChainCheck check = verifyChain(cut, {}, head);
    CHECK(check.reason == ChainBreak::Truncated);
    CHECK(check.seq == 7);
  }
  SUBCASE("log rebuilt with an entry left out") {
    auto rebuilt = makeLog(10);
    rebuilt.erase(rebuilt.begin() + 2);
    for (std::size_t i = 2; i < rebuilt.size(); ++i) {
      AuditEntry draft = rebuilt[i];
      rebuilt[i] = chainAfter(&rebuilt[i - 1], draft);
    }
    rebuilt.push_back(chainAfter(&rebuilt.back(), rebuilt.back()));
    CHECK(verifyChain(rebuilt).ok);
    const ChainCheck check = verifyChain(rebuilt, {}, head);
    CHECK(check.reason == ChainBreak::Rewritten);
    CHECK(check.seq == 8);
  }
}

TEST_CASE("a log can be checked page by page") {
  auto log = makeLog(25);
  ChainVerifier verifier;
  for (std::size_t page = 0; page < log.size(); page += 10) {
    for (std::size_t i = page; i < std::min(page + 10, log.size()); ++i) {
      CHECK(verifier.add(log[i]));
    }
  }
  CHECK(verifier.finish().ok);
  CHECK(verifier.finish().checked == 25);
  CHECK(verifier.head().seq == 25);
  CHECK(verifier.head().hash == log.back().hash);

  // The second half alone, from an anchor at the end of the first.
  const ChainAnchor anchor{12, log[11].hash};
  const std::vector<AuditEntry> tail(log.begin() + 12, log.end());
  CHECK(verifyChain(tail, anchor).ok);
  CHECK_FALSE(verifyChain(tail).ok);

  // Once broken, later entries are not looked at.
  log[3].detail = "x";
  ChainVerifier broken;
  for (const auto& e : log) broken.add(e);
  CHECK(broken.finish().reason == ChainBreak::EditedEntry);
  CHECK(broken.finish().seq == 4);
  CHECK(broken.head().seq == 3);
}

TEST_CASE("break reasons have stable names") {
  CHECK(chainBreakName(ChainBreak::EditedEntry) == "edited_entry");
  CHECK(chainBreakName(ChainBreak::MissingEntry) == "missing_entry");
  CHECK(chainBreakName(ChainBreak::OutOfOrder) == "out_of_order");
  CHECK(chainBreakName(ChainBreak::BrokenLink) == "broken_link");
  CHECK(chainBreakName(ChainBreak::Truncated) == "truncated");
  CHECK(chainBreakName(ChainBreak::Rewritten) == "rewritten");
}

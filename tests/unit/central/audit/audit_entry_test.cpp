#include <doctest/doctest.h>

#include "audit/audit_entry.hpp"

using namespace onestop::central::audit;

namespace {

AuditEntry sample() {
  AuditEntry e;
  e.seq = 7;
  e.at = 1'736'900'000;
  e.actorKind = ActorKind::Kiosk;
  e.actorId = "kiosk-hall3-02";
  e.action = "records.read";
  e.subject = "c-000123";
  e.detail = R"({"years":"2020-2024"})";
  return e;
}

}  // namespace

TEST_CASE("the canonical form is exact") {
  CHECK(canonicalEntry(sample(), genesisHash()) ==
        "onestop-audit-v1\n"
        "seq:1:7\n"
        "at:10:1736900000\n"
        "actorKind:5:kiosk\n"
        "actorId:14:kiosk-hall3-02\n"
        "action:12:records.read\n"
        "subject:8:c-000123\n"
        "detail:21:{\"years\":\"2020-2024\"}\n"
        "prevHash:64:" + std::string(64, '0') + "\n");
}

TEST_CASE("the hash is SHA-256 of the canonical form in lowercase hex") {
  // Computed independently (Python hashlib) from the canonical form above.
  CHECK(computeHash(sample(), genesisHash()) ==
        "97893c85184160d459c74a5c8f92be3e19ac604fb4548c29efcbf7f0aa78eff7");
  CHECK(genesisHash() == std::string(64, '0'));
}

TEST_CASE("every field is covered by the hash") {
  const AuditEntry base = sample();
  const std::string reference = computeHash(base, genesisHash());
  auto differs = [&](AuditEntry e) { return computeHash(e, genesisHash()) != reference; };
  AuditEntry e = base;
  e.seq = 8;
  CHECK(differs(e));
  e = base;
  e.at += 1;
  CHECK(differs(e));
  e = base;
  e.actorKind = ActorKind::Staff;
  CHECK(differs(e));
  e = base;
  e.actorId += "x";
  CHECK(differs(e));
  e = base;
  e.action = "records.exported";
  CHECK(differs(e));
  e = base;
  e.subject = "c-000124";
  CHECK(differs(e));
  e = base;
  e.detail = "{}";
  CHECK(differs(e));
  CHECK(computeHash(base, std::string(63, '0') + "1") != reference);
  // Moving bytes from one field to the next changes the hash too (length prefixes).
  e = base;
  e.subject = "c-000123\ndetail:0:";
  e.detail = "";
  CHECK(differs(e));
  // prevHash and hash stored in the entry are not part of its own hash input.
  e = base;
  e.prevHash = "anything";
  e.hash = "anything";
  CHECK_FALSE(differs(e));
}

TEST_CASE("chainAfter numbers and links entries") {
  const AuditEntry first = chainAfter(nullptr, sample());
  CHECK(first.seq == 1);
  CHECK(first.prevHash == genesisHash());
  CHECK(first.hash == computeHash(first, genesisHash()));
  const AuditEntry second = chainAfter(&first, sample());
  CHECK(second.seq == 2);
  CHECK(second.prevHash == first.hash);
  CHECK(second.hash != first.hash);
  CHECK(second.hash.size() == 64);
}

TEST_CASE("actor kinds have stable names") {
  for (auto kind : {ActorKind::Kiosk, ActorKind::Staff, ActorKind::System, ActorKind::Public}) {
    CHECK(actorKindFromName(actorKindName(kind)) == kind);
  }
  CHECK(actorKindName(ActorKind::Public) == "public");
  CHECK_FALSE(actorKindFromName("Kiosk").has_value());
}

TEST_CASE("checkEntry keeps personal data and junk out of the log") {
  AuditEntry e = sample();
  CHECK_FALSE(checkEntry(e).has_value());
  e.subject = "";
  CHECK_FALSE(checkEntry(e).has_value());  // an action without a subject

  auto problem = [](auto change) {
    AuditEntry entry = sample();
    change(entry);
    return checkEntry(entry).value_or("");
  };
  CHECK(problem([](AuditEntry& x) { x.subject = "11010519491231002X"; }).find("ID or phone") !=
        std::string::npos);
  CHECK(problem([](AuditEntry& x) { x.subject = "110105194912310"; }) != "");
  CHECK(problem([](AuditEntry& x) { x.subject = "tel:13800000000"; }) != "");
  CHECK(problem([](AuditEntry& x) { x.subject = "张三"; }).find("ASCII") != std::string::npos);
  CHECK(problem([](AuditEntry& x) { x.detail = R"({"id":"11010519491231002x"})"; })
            .find("detail") != std::string::npos);
  CHECK(problem([](AuditEntry& x) { x.detail = "phone 13800000000 changed"; }) != "");
  CHECK(problem([](AuditEntry& x) { x.detail = std::string(4097, 'a'); }) != "");
  CHECK(problem([](AuditEntry& x) { x.action = "read"; }).find("area.verb") != std::string::npos);
  CHECK(problem([](AuditEntry& x) { x.action = "Records.Read"; }) != "");
  CHECK(problem([](AuditEntry& x) { x.action = "records."; }) != "");
  CHECK(problem([](AuditEntry& x) { x.actorId = ""; }) != "");
  CHECK(problem([](AuditEntry& x) { x.actorId = "staff 01"; }) != "");
  CHECK(problem([](AuditEntry& x) { x.seq = 0; }) != "");
  // Numbers of other lengths are fine: times, amounts, acceptance numbers.
  CHECK(problem([](AuditEntry& x) { x.detail = R"({"at":1736900000123,"fen":2500000})"; }) == "");
  CHECK(problem([](AuditEntry& x) { x.subject = "A20250115-000123"; }) == "");
  CHECK(problem([](AuditEntry& x) { x.detail = "from 23800000000"; }) == "");
}

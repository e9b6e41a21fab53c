// The filing flow of the session: keypad, confirm, submit once; accepted or kept (provisional);
// the number keyed in is wiped once filed and with the session; stale answers change nothing.
#include <doctest/doctest.h>

#include "core/session.hpp"

using namespace onestop::core;

namespace {

const fx::SubmitFiling* submitted(const Effects& fx) {
  for (const auto& e : fx)
    if (const auto* x = std::get_if<fx::SubmitFiling>(&e)) return x;
  return nullptr;
}

Session identifiedForPhone() {
  Session s;
  s.handle(ev::StartIdentify{"change_phone"});
  Identity id;
  id.name = "测试王𠈌";
  id.idNumber = "11010519491231002X";
  s.handle(ev::CardRead{id, ""});
  s.handle(ev::StartFiling{});
  REQUIRE(s.state().screen == Screen::Filing);
  return s;
}

void key(Session& s, const std::string& keys) {
  for (char k : keys) s.handle(ev::FilingKey{k});
}

}  // namespace

TEST_CASE("the keypad takes 11 digits, deletes and clears, and goes on only with a well-formed number") {
  Session s = identifiedForPhone();
  key(s, "2391234567");
  CHECK(s.state().filing->value == "2391234567");
  s.handle(ev::FilingNext{});
  CHECK(s.state().filing->phase == FilingPhase::Entering);   // 10 digits
  key(s, "89");   // the 12th digit is not taken
  CHECK(s.state().filing->value == "23912345678");
  s.handle(ev::FilingNext{});
  CHECK(s.state().filing->phase == FilingPhase::Entering);   // does not start with 1
  key(s, "C");
  CHECK(s.state().filing->value.empty());
  key(s, "139123456799<8");
  CHECK(s.state().filing->value == "13912345678");
  CHECK(isWellFormedPhone(s.state().filing->value));
  s.handle(ev::FilingNext{});
  CHECK(s.state().filing->phase == FilingPhase::Confirming);
  key(s, "1");   // no typing while confirming
  CHECK(s.state().filing->value == "13912345678");
  s.handle(ev::Back{});   // back corrects the number
  CHECK(s.state().filing->phase == FilingPhase::Entering);
  CHECK(s.state().screen == Screen::Filing);
}

TEST_CASE("a confirmed filing is submitted once, then accepted with its number, the value wiped") {
  Session s = identifiedForPhone();
  key(s, "13912345678");
  s.handle(ev::FilingNext{});
  const auto fx = s.handle(ev::FilingNext{});
  const auto* f = submitted(fx);
  REQUIRE(f);
  CHECK(f->service == "change_phone");
  CHECK(f->value == "13912345678");
  CHECK(s.state().filing->phase == FilingPhase::Submitting);
  CHECK(submitted(s.handle(ev::FilingNext{})) == nullptr);   // once
  s.handle(ev::Back{});   // cannot leave while it is being filed
  CHECK(s.state().screen == Screen::Filing);
  s.handle(ev::FilingAccepted{f->request + 7, "2026112400000011", "2026-11-25", 1, true});   // not ours
  CHECK(s.state().filing->phase == FilingPhase::Submitting);
  s.handle(ev::FilingAccepted{f->request, "2026112400000011", "2026-11-25", 1, true});
  CHECK(s.state().filing->phase == FilingPhase::Accepted);
  CHECK(s.state().filing->acceptanceNumber == "2026112400000011");
  CHECK(s.state().filing->value.empty());
  s.handle(ev::Finish{});
  CHECK_FALSE(s.state().filing.has_value());
  CHECK_FALSE(s.holdsPersonalData());
}

TEST_CASE("offline the filing is kept with a reference, or fails plainly when it cannot be kept") {
  Session s = identifiedForPhone();
  key(s, "13800005678");
  s.handle(ev::FilingNext{});
  const auto request = submitted(s.handle(ev::FilingNext{}))->request;
  s.handle(ev::FilingKept{request, "3FA9-C21B", false});
  CHECK(s.state().filing->phase == FilingPhase::Provisional);
  CHECK(s.state().filing->reference == "3FA9-C21B");
  CHECK_FALSE(s.state().filing->receiptPrinted);

  Session t = identifiedForPhone();
  key(t, "13800005678");
  t.handle(ev::FilingNext{});
  const auto r2 = submitted(t.handle(ev::FilingNext{}))->request;
  t.handle(ev::FilingFailed{r2, "filing.problem.disk_full"});
  CHECK(t.state().filing->phase == FilingPhase::Failed);
  CHECK(t.mainPromptKey() == "filing.failed");

  Session u;   // a service the kiosk does not file, or nobody identified: no filing
  u.handle(ev::StartFiling{});
  CHECK(u.state().screen == Screen::Home);
}

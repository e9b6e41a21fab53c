// The filing flow of the session: keypad, confirm, submit once; accepted or kept (provisional);
// the number keyed in is wiped once filed and with the session; stale answers change nothing.
#include <doctest/doctest.h>

#include "core/code_payload.hpp"
#include "core/session.hpp"
#include "session_support.hpp"

using namespace onestop::core;

namespace {

const fx::SubmitFiling* submitted(const Effects& fx) {
  for (const auto& e : fx)
    if (const auto* x = std::get_if<fx::SubmitFiling>(&e)) return x;
  return nullptr;
}

Session identifiedFor(const std::string& service) {
  Session s = test::identified(service);
  s.handle(ev::StartFiling{});
  REQUIRE(s.state().screen == Screen::Filing);
  return s;
}

Session identifiedForPhone() { return identifiedFor("change_phone"); }

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
  REQUIRE(f->details.size() == 1);
  CHECK(f->details[0].key == "phone");
  CHECK(f->details[0].text == "13912345678");
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

TEST_CASE("a card loss report has nothing to enter: confirm, then submitted with no details") {
  Session s = identifiedFor("report_card_loss");
  CHECK(s.state().filing->phase == FilingPhase::Confirming);
  CHECK(s.mainPromptKey() == "filing.card_loss.confirm");
  const auto effects = s.handle(ev::FilingNext{});
  const auto* f = submitted(effects);
  REQUIRE(f);
  CHECK(f->service == "report_card_loss");
  CHECK(f->details.empty());

  Session t = identifiedFor("report_card_loss");
  t.handle(ev::Back{});   // back from its confirmation leaves the filing
  CHECK(t.state().screen == Screen::Identified);
  CHECK_FALSE(t.state().filing.has_value());
}

TEST_CASE("a bank account: a bank from the list, then a number that must pass its check digit") {
  Session s = identifiedFor("change_bank_account");
  CHECK(s.mainPromptKey() == "filing.bank.prompt");
  s.handle(ev::FilingChoose{"no-such-bank"});
  CHECK(s.state().filing->currentStep() == FilingStep::Bank);
  s.handle(ev::FilingChoose{"icbc"});   // a choice goes on by itself
  CHECK(s.state().filing->currentStep() == FilingStep::Account);
  CHECK(s.mainPromptKey() == "filing.account.prompt");
  key(s, "62220200123");
  s.handle(ev::FilingNext{});
  CHECK(s.state().filing->entryProblemKey == "filing.account.too_short");
  key(s, "45670");   // 16 digits, wrong check digit
  CHECK(s.state().filing->entryProblemKey.empty());   // any key clears the message
  s.handle(ev::FilingNext{});
  CHECK(s.state().filing->phase == FilingPhase::Entering);
  CHECK(s.state().filing->entryProblemKey == "filing.account.check_failed");
  key(s, "<");
  key(s, std::string(1, luhnCheckDigit("622202001234567")));
  key(s, "99999");   // at most 19 digits
  CHECK(s.state().filing->value.size() == kMaxAccountDigits);
  key(s, "<<<");
  s.handle(ev::FilingNext{});
  CHECK(s.state().filing->phase == FilingPhase::Confirming);
  s.handle(ev::Back{});   // correct the number
  CHECK(s.state().filing->currentStep() == FilingStep::Account);
  s.handle(ev::Back{});   // and the bank
  CHECK(s.state().filing->currentStep() == FilingStep::Bank);
  s.handle(ev::FilingChoose{"ccb"});
  s.handle(ev::FilingNext{});
  const auto effects = s.handle(ev::FilingNext{});
  const auto* f = submitted(effects);
  REQUIRE(f);
  REQUIRE(f->details.size() == 2);
  CHECK(f->details[0].key == "bankName");
  CHECK(f->details[0].text == "中国建设银行");
  CHECK(f->details[1].key == "accountNumber");
  CHECK(checkAccountNumber(f->details[1].text) == AccountCheck::Ok);
  s.handle(ev::FilingKept{f->request, "3FA9C21B", true});
  CHECK(s.state().filing->value.empty());
  CHECK(s.state().filing->bank.empty());
}

TEST_CASE("flexible employment: a start month and a base from the offered choices only") {
  Session s = identifiedFor("flexible_employment");
  CHECK(s.mainPromptKey() == "filing.flex.month_prompt");
  s.handle(ev::FilingChoose{"2026-13"});
  CHECK(s.state().filing->currentStep() == FilingStep::StartMonth);
  s.handle(ev::FilingChoose{"2026-12"});
  CHECK(s.state().filing->currentStep() == FilingStep::Base);
  s.handle(ev::FilingChoose{"123456"});   // not an offered base
  CHECK(s.state().filing->phase == FilingPhase::Entering);
  s.handle(ev::FilingChoose{std::to_string(baseFenFor(150))});
  CHECK(s.state().filing->phase == FilingPhase::Confirming);
  const auto effects = s.handle(ev::FilingNext{});
  const auto* f = submitted(effects);
  REQUIRE(f);
  REQUIRE(f->details.size() == 2);
  CHECK(f->details[0].text == "2026-12");
  CHECK(f->details[1].isNumber);
  CHECK(f->details[1].number == 1200000);
}

TEST_CASE("an address: regions level by level (back goes up a level), then the street typed") {
  Session s = identifiedFor("change_address");
  CHECK(s.mainPromptKey() == "filing.address.region_prompt");
  s.handle(ev::TypedText{"景山", 0});   // no typing before the region
  CHECK(s.state().filing->street.empty());
  s.handle(ev::FilingRegion{"440000", "广东省", false});
  s.handle(ev::FilingRegion{"440100", "广州市", false});
  s.handle(ev::Back{});   // a level up, still in the filing
  REQUIRE(s.state().filing.has_value());
  CHECK(s.state().filing->region.size() == 1);
  s.handle(ev::FilingRegion{"440300", "深圳市", false});
  s.handle(ev::FilingRegion{"440305", "南山区", true});
  CHECK(s.state().filing->currentStep() == FilingStep::Street);
  CHECK(s.mainPromptKey() == "filing.address.street_prompt");
  s.handle(ev::TypedText{"深", 0});
  s.handle(ev::FilingNext{});
  CHECK(s.state().filing->entryProblemKey == "filing.address.street_short");
  s.handle(ev::TypedText{"南大道\x01", 0});   // control characters never enter
  s.handle(ev::TypedText{"", 1});
  s.handle(ev::TypedText{"道A座1001", 0});
  CHECK(s.state().filing->street == "深南大道A座1001");
  s.handle(ev::TypedText{std::string(200, 'X'), 0});
  CHECK(s.state().filing->street.size() == 5 * 3 + (kMaxStreetChars - 5));   // 60 characters at most (5 of them CJK)
  s.handle(ev::TypedText{"", 50});
  s.handle(ev::FilingNext{});
  CHECK(s.state().filing->phase == FilingPhase::Confirming);
  CHECK(s.state().filing->address() == "广东省深圳市南山区深南大道A座1001");
  s.handle(ev::Back{});   // correct the street
  CHECK(s.state().filing->currentStep() == FilingStep::Street);
  s.handle(ev::FilingNext{});
  const auto effects = s.handle(ev::FilingNext{});
  const auto* f = submitted(effects);
  REQUIRE(f);
  REQUIRE(f->details.size() == 1);
  CHECK(f->details[0].key == "address");
  CHECK(f->details[0].text == "广东省深圳市南山区深南大道A座1001");
  CHECK(f->details[0].regionChars == 9);
  s.handle(ev::Finish{});   // the session ends: all of it wiped
  CHECK_FALSE(s.state().filing.has_value());

  Session t = identifiedFor("change_address");
  t.handle(ev::FilingRegion{"110000", "北京市", false});
  t.handle(ev::FilingRegion{"110101", "东城区", true});   // a municipality: two levels
  CHECK(t.state().filing->currentStep() == FilingStep::Street);
  t.handle(ev::Back{});   // from the street: the district list again
  CHECK(t.state().filing->currentStep() == FilingStep::Region);
  CHECK(t.state().filing->region.size() == 1);
  t.handle(ev::Back{});
  t.handle(ev::Back{});   // past the first level: out of the filing
  CHECK(t.state().screen == Screen::Identified);
  CHECK_FALSE(t.state().filing.has_value());
}

TEST_CASE("filing fields: steps, banks, Luhn, months and bases") {
  CHECK(isWellFormedPhone("13912345678"));
  CHECK(isWellFormedPhone("19912345678"));
  CHECK_FALSE(isWellFormedPhone("12912345678"));   // the server refuses 10x–12x
  CHECK_FALSE(isWellFormedPhone("1391234567"));
  CHECK(isKioskFiling("change_address"));
  CHECK_FALSE(isKioskFiling("pension_transfer"));
  CHECK(filingSteps("report_card_loss").empty());
  CHECK(filingSteps("change_bank_account").size() == 2);
  CHECK(kioskBanks().size() >= 4);
  for (const auto& b : kioskBanks()) CHECK(findBank(b.id) == &b);
  CHECK(checkAccountNumber("6222020012345678") != AccountCheck::Incomplete);
  CHECK(checkAccountNumber("62220200123") == AccountCheck::Incomplete);
  CHECK(checkAccountNumber("4111111111111111") == AccountCheck::Ok);   // the well-known test number
  CHECK(checkAccountNumber("4111111111111112") == AccountCheck::CheckDigitWrong);
  CHECK(groupedInFours("6222020012345678903") == "6222 0200 1234 5678 903");
  CHECK(offeredStartMonths(2026, 1) == std::vector<std::string>{"2025-12", "2026-01", "2026-02", "2026-03", "2026-04"});
  CHECK(offeredStartMonths(2026, 11).back() == "2027-02");
  CHECK(isMonthText("2026-05"));
  CHECK_FALSE(isMonthText("2026-5"));
  CHECK_FALSE(isMonthText("2026-00"));
  for (int p : basePercents()) {
    CHECK(isOfferedBase(baseFenFor(p)));
    CHECK(baseFenFor(p) >= 300000);    // the server's range
    CHECK(baseFenFor(p) <= 3000000);
  }
  CHECK_FALSE(isOfferedBase(800001));
}

TEST_CASE("the current record is fetched as the filing starts and shown masked as old, stale answers ignored") {
  Session s = test::identified("change_phone");
  const auto load = test::effect<fx::LoadProfile>(s.handle(ev::StartFiling{}));
  REQUIRE(load);
  const auto& current = s.state().filing->current;
  CHECK(current.state == CurrentRecord::State::Loading);
  ProfileView profile;
  profile.phoneMasked = "138****0001";
  profile.addressMasked = "北京市朝阳区测试****";
  profile.pending = {{"change_address", "2026112400950779"}, {"change_phone", "2026112488406611"}};
  s.handle(ev::ProfileLoaded{load->request + 1, profile});   // an answer to something else
  CHECK(current.state == CurrentRecord::State::Loading);
  s.handle(ev::ProfileLoaded{load->request, profile});
  CHECK(current.state == CurrentRecord::State::Known);
  CHECK(current.oldValueMasked == "138****0001");   // this service's field only
  CHECK(current.pendingNumber == "2026112488406611");   // the same kind of change under way
  s.handle(ev::ProfileFailed{load->request});       // a late failure does not undo it
  CHECK(current.state == CurrentRecord::State::Known);

  key(s, "13912345678");
  s.handle(ev::FilingNext{});
  CHECK(s.state().filing->phase == FilingPhase::Confirming);
  CHECK(test::effect<fx::SubmitFiling>(s.handle(ev::FilingNext{})));   // a pending one does not block
  s.handle(ev::Finish{});
  CHECK(!s.state().filing);
}

TEST_CASE("no current record to be had: offline it is not asked for, a failure says unavailable") {
  Session offline = test::identified("change_address", LinkStatus::Offline);
  CHECK(!test::effect<fx::LoadProfile>(offline.handle(ev::StartFiling{})));
  CHECK(offline.state().filing->current.state == CurrentRecord::State::Unavailable);

  Session s = test::identified("change_bank_account");
  const auto load = test::effect<fx::LoadProfile>(s.handle(ev::StartFiling{}));
  REQUIRE(load);
  s.handle(ev::ProfileFailed{load->request});
  CHECK(s.state().filing->current.state == CurrentRecord::State::Unavailable);
  ProfileView late;
  late.bankAccountMasked = "****1234";
  s.handle(ev::ProfileLoaded{load->request, late});   // too late: the screen already said so
  CHECK(s.state().filing->current.oldValueMasked.empty());
}

TEST_CASE("a card already reported lost is not reported again") {
  Session s = test::identified("report_card_loss");
  const auto load = test::effect<fx::LoadProfile>(s.handle(ev::StartFiling{}));
  REQUIRE(load);
  CHECK(s.state().filing->phase == FilingPhase::Confirming);
  ProfileView profile;
  profile.cardLost = true;
  s.handle(ev::ProfileLoaded{load->request, profile});
  CHECK(!test::effect<fx::SubmitFiling>(s.handle(ev::FilingNext{})));
  CHECK(s.state().filing->phase == FilingPhase::Confirming);
  CHECK(s.state().filing->entryProblemKey == "filing.card_loss.already_lost");
  CHECK(s.mainPromptKey() == "filing.card_loss.already_lost");   // what voice guidance reads
}

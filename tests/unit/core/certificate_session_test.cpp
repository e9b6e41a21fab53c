// The certificate flow of the session: ask (only online, only identified), choose the period,
// preview, print,
// "take it" only on a completed job; answers to an ended session or an older request are
// ignored; a failed print may be tried again with the same document.
#include <doctest/doctest.h>

#include "core/session.hpp"
#include "session_support.hpp"

using namespace onestop::core;

namespace {

template <class T> const T* find(const Effects& fx) {
  for (const auto& e : fx)
    if (const auto* x = std::get_if<T>(&e)) return x;
  return nullptr;
}

Session identifiedFor(const std::string& service) {
  Session s = test::identified(service);
  REQUIRE(s.state().screen == Screen::Identified);
  return s;
}

ev::CertificateIssued issued(std::uint64_t request) {
  return {request, "ZM1", "1234 5678 9012", "2027-02-22", "2026112400000011", 2, {"2009-04", "2026-11"}};
}

// The kiosk's today in these tests: November 2026.
ev::ChooseCertificatePeriod choose(PeriodChoice::Kind kind, int value = 0) { return {{kind, value}, 2026, 11}; }

// "Issue" on the Identified screen, then the whole record on the period screen.
Effects ask(Session& s) {
  s.handle(ev::RequestCertificate{});
  return s.handle(choose(PeriodChoice::Kind::WholeRecord));
}

}  // namespace

TEST_CASE("a certificate is asked for, previewed, printed and only then taken") {
  Session s = identifiedFor("cert_rights_record");
  const auto fx = ask(s);
  const auto* asked = find<fx::IssueCertificate>(fx);
  REQUIRE(asked);
  CHECK(asked->type == "rights_record");
  CHECK_FALSE(asked->period.has_value());   // the whole record
  CHECK(s.state().screen == Screen::Certificate);
  CHECK(s.state().certificate->phase == CertificatePhase::Requesting);
  CHECK(s.handle(ev::RequestCertificate{}).empty());   // a second tap asks nothing more

  s.handle(issued(asked->request));
  REQUIRE(s.state().certificate->phase == CertificatePhase::Preview);
  CHECK(s.state().certificate->pages == 2);
  CHECK(s.state().certificate->period == MonthPeriod{"2009-04", "2026-11"});   // as the server settled it
  const auto printFx = s.handle(ev::PrintCertificate{});
  REQUIRE(find<fx::PrintCertificate>(printFx));
  CHECK(find<fx::PrintCertificate>(printFx)->request == asked->request);
  CHECK(s.state().certificate->phase == CertificatePhase::Printing);
  s.handle(ev::Back{});   // the paper is on its way: the citizen stays
  CHECK(s.state().screen == Screen::Certificate);
  s.handle(ev::PrintFinished{asked->request, true, ""});
  CHECK(s.state().certificate->phase == CertificatePhase::Done);
  const auto end = s.handle(ev::Finish{});
  CHECK(find<fx::SessionEnded>(end));
  CHECK_FALSE(s.state().certificate.has_value());
  CHECK_FALSE(s.holdsPersonalData());
}

TEST_CASE("a failed print says why and may be tried again, a failed issue may be asked again") {
  Session s = identifiedFor("cert_participation");
  const auto request = find<fx::IssueCertificate>(ask(s))->request;
  s.handle(ev::CertificateFailed{request, "certificate.problem.server"});
  CHECK(s.state().certificate->phase == CertificatePhase::Failed);
  CHECK_FALSE(s.state().certificate->printFailed);
  CHECK(s.handle(ev::PrintCertificate{}).empty());   // nothing to print
  const auto againFx = s.handle(ev::RequestCertificate{});
  const auto* again = find<fx::IssueCertificate>(againFx);
  REQUIRE(again);
  CHECK(again->request != request);
  s.handle(issued(again->request));
  s.handle(ev::PrintCertificate{});
  s.handle(ev::PrintFinished{again->request, false, "print.problem.paper"});
  CHECK(s.state().certificate->phase == CertificatePhase::Failed);
  CHECK(s.state().certificate->printFailed);
  CHECK(s.state().certificate->problemKey == "print.problem.paper");
  CHECK(s.mainPromptKey() == "print.problem.paper");
  CHECK(find<fx::PrintCertificate>(s.handle(ev::PrintCertificate{})));   // same document again
  CHECK(s.state().certificate->phase == CertificatePhase::Printing);
}

TEST_CASE("answers to an older request or an ended session change nothing") {
  Session s = identifiedFor("cert_benefit");
  const auto first = find<fx::IssueCertificate>(ask(s))->request;
  s.handle(ev::Finish{});
  s.handle(issued(first));   // the citizen left: the late certificate is not shown to the next one
  CHECK(s.state().screen == Screen::Home);
  CHECK_FALSE(s.state().certificate.has_value());

  Session t = identifiedFor("cert_benefit");
  const auto mine = find<fx::IssueCertificate>(ask(t))->request;
  t.handle(issued(mine + 1000));
  CHECK(t.state().certificate->phase == CertificatePhase::Requesting);
  t.handle(issued(mine));
  t.handle(ev::PrintFinished{mine, true, ""});   // no print was asked for
  CHECK(t.state().certificate->phase == CertificatePhase::Preview);
}

TEST_CASE("offline nothing is asked of the server, and services without a certificate ask nothing") {
  Session s = identifiedFor("cert_participation");
  s.handle(ev::LinkChanged{LinkStatus::Offline, 3});
  CHECK(s.handle(ev::RequestCertificate{}).empty());
  CHECK(s.state().screen == Screen::Identified);
  s.handle(ev::Finish{});
  CHECK(s.state().link == LinkStatus::Offline);   // a fact about the kiosk, kept across sessions
  CHECK(s.state().queuedItems == 3);

  Session t = identifiedFor("change_phone");
  CHECK(t.handle(ev::RequestCertificate{}).empty());
  Session u;   // not identified
  u.handle(ev::OpenService{"cert_participation"});
  CHECK(u.handle(ev::RequestCertificate{}).empty());
}

TEST_CASE("after the paper came out the citizen rates once, and hears whether it was kept") {
  Session s = identifiedFor("cert_participation");
  const auto request = find<fx::IssueCertificate>(ask(s))->request;
  CHECK(s.handle(ev::Rate{5}).empty());   // nothing to rate before the transaction is done
  s.handle(issued(request));
  s.handle(ev::PrintCertificate{});
  s.handle(ev::PrintFinished{request, true, "", true});
  CHECK(s.state().certificate->receiptPrinted);
  CHECK(s.handle(ev::Rate{0}).empty());   // out of range
  const auto fx = s.handle(ev::Rate{4});
  const auto* submit = find<fx::SubmitRating>(fx);
  REQUIRE(submit);
  CHECK(submit->level == 4);
  CHECK(submit->acceptanceNumber == "2026112400000011");
  CHECK(submit->serviceId == "cert_participation");
  CHECK(s.handle(ev::Rate{1}).empty());   // once
  using Phase = RatingFlow::Phase;
  CHECK(s.state().rating->phase == Phase::Saving);
  s.handle(ev::RatingSaved{submit->request + 1, true, false});   // not this one
  CHECK(s.state().rating->phase == Phase::Saving);
  s.handle(ev::RatingSaved{submit->request, true, true});
  CHECK(s.state().rating->phase == Phase::SavedOffline);
  s.handle(ev::QueueChanged{2});
  CHECK(s.state().queuedItems == 2);
  s.handle(ev::LinkChanged{LinkStatus::Online, -1});   // -1: the count is unchanged
  CHECK(s.state().queuedItems == 2);
}

TEST_CASE("a dissatisfied rating asks what went wrong and is kept only with a reason") {
  Session s = identifiedFor("cert_participation");
  const auto request = find<fx::IssueCertificate>(ask(s))->request;
  s.handle(issued(request));
  s.handle(ev::PrintCertificate{});
  s.handle(ev::PrintFinished{request, true, "", true});
  CHECK(s.handle(ev::Rate{2}).empty());   // not kept yet: why?
  using Phase = RatingFlow::Phase;
  REQUIRE(s.state().rating->phase == Phase::Reason);
  CHECK(s.handle(ev::SendRating{}).empty());   // no reason chosen yet
  s.handle(ev::RateReason{RatingReason::LongWait});
  s.handle(ev::RateReason{RatingReason::Other});
  s.handle(ev::RateReason{RatingReason::Other});   // chosen, then unchosen
  CHECK(s.state().rating->has(RatingReason::LongWait));
  CHECK_FALSE(s.state().rating->has(RatingReason::Other));
  const auto fx = s.handle(ev::SendRating{});
  const auto* submit = find<fx::SubmitRating>(fx);
  REQUIRE(submit);
  CHECK(submit->level == 2);
  CHECK(submit->reasons == 1u << static_cast<int>(RatingReason::LongWait));
  CHECK(s.state().rating->phase == Phase::Saving);
  s.handle(ev::Back{});   // leaving the screen: nothing more to rate here
  CHECK_FALSE(s.state().rating.has_value());
}

TEST_CASE("a dissatisfied citizen may add a few words of their own, typed on the on-screen keyboard") {
  Session s = identifiedFor("cert_participation");
  const auto request = find<fx::IssueCertificate>(ask(s))->request;
  s.handle(issued(request));
  s.handle(ev::PrintCertificate{});
  s.handle(ev::PrintFinished{request, true, "", true});
  using Phase = RatingFlow::Phase;
  s.handle(ev::Rate{1});
  s.handle(ev::TypedText{"不算"});   // no typing before the keyboard is opened
  CHECK(s.state().rating->comment.empty());
  CHECK(s.mainPromptKey() == "rating.reason.prompt");   // what voice guidance reads
  s.handle(ev::WriteRatingComment{});
  REQUIRE(s.state().rating->phase == Phase::Comment);
  CHECK(s.mainPromptKey() == "rating.comment.prompt");
  s.handle(ev::TypedText{"打印太慢"});
  s.handle(ev::TypedText{"了了", 1});   // deletes one, appends two
  CHECK(s.state().rating->comment == "打印太了了");
  s.handle(ev::SendRating{});           // not while typing
  CHECK(s.state().rating->phase == Phase::Comment);
  s.handle(ev::TypedText{std::string(300, 'x')});   // cut at the limit
  CHECK(s.state().rating->commentChars() == RatingFlow::kMaxCommentChars);
  s.handle(ev::TypedText{"", 200});
  s.handle(ev::TypedText{"打印太慢"});
  s.handle(ev::Back{});                 // closes the keyboard, keeps the words
  CHECK(s.state().rating->phase == Phase::Reason);
  CHECK(s.state().screen == Screen::Certificate);
  s.handle(ev::WriteRatingComment{});
  s.handle(ev::RatingCommentDone{});
  CHECK(s.state().rating->phase == Phase::Reason);
  // The words alone are reason enough.
  const auto submit = test::effect<fx::SubmitRating>(s.handle(ev::SendRating{}));
  REQUIRE(submit);
  CHECK(submit->reasons == 0);
  CHECK(submit->comment == "打印太慢");
  CHECK(s.state().rating->comment.empty());   // handed over, not kept in the state

  Session t = identifiedFor("cert_participation");
  const auto r2 = find<fx::IssueCertificate>(ask(t))->request;
  t.handle(issued(r2));
  t.handle(ev::PrintCertificate{});
  t.handle(ev::PrintFinished{r2, true, "", true});
  t.handle(ev::Rate{2});
  t.handle(ev::WriteRatingComment{});
  t.handle(ev::TypedText{"慢  "});   // one character (and spaces) is not a reason
  CHECK(t.state().rating->commentChars() == 3);   // the counter counts as the limit does
  t.handle(ev::RatingCommentDone{});
  CHECK(t.handle(ev::SendRating{}).empty());
  t.handle(ev::Finish{});
  CHECK_FALSE(t.state().rating.has_value());
}

TEST_CASE("the period is chosen with one tap before anything is asked of the server") {
  Session s = identifiedFor("cert_participation");
  CHECK_FALSE(find<fx::IssueCertificate>(s.handle(ev::RequestCertificate{})));
  CHECK(s.state().screen == Screen::Certificate);
  REQUIRE(s.state().certificate->phase == CertificatePhase::ChoosingPeriod);
  CHECK(s.mainPromptKey() == "certificate.period.prompt");
  CHECK_FALSE(s.busy());   // choosing: the idle clock runs
  CHECK(s.handle(ev::PrintCertificate{}).empty());

  // A year not offered (only this year and the four before) asks nothing.
  CHECK(s.handle(choose(PeriodChoice::Kind::Year, 2019)).empty());
  CHECK(s.handle(choose(PeriodChoice::Kind::LastMonths, 7)).empty());
  CHECK(s.state().certificate->phase == CertificatePhase::ChoosingPeriod);

  const auto fx = s.handle(choose(PeriodChoice::Kind::Year, 2024));
  const auto* asked = find<fx::IssueCertificate>(fx);
  REQUIRE(asked);
  CHECK(asked->type == "participation");
  CHECK(asked->period == MonthPeriod{"2024-01", "2024-12"});
  CHECK(s.state().certificate->phase == CertificatePhase::Requesting);
  CHECK(s.state().certificate->choice == PeriodChoice{PeriodChoice::Kind::Year, 2024});
  CHECK(s.handle(choose(PeriodChoice::Kind::LastMonths, 12)).empty());   // a second tap asks nothing more

  // A failed issue asked again covers the same months.
  s.handle(ev::CertificateFailed{asked->request, "certificate.problem.unavailable"});
  const auto again = test::effect<fx::IssueCertificate>(s.handle(ev::RequestCertificate{}));
  REQUIRE(again);
  CHECK(again->request != asked->request);
  CHECK(again->period == MonthPeriod{"2024-01", "2024-12"});
}

TEST_CASE("the last 12 or 36 months and calendar years count back from the kiosk's today") {
  using Kind = PeriodChoice::Kind;
  CHECK(periodOf({Kind::LastMonths, 12}, 2026, 11) == MonthPeriod{"2025-12", "2026-11"});
  CHECK(periodOf({Kind::LastMonths, 36}, 2026, 11) == MonthPeriod{"2023-12", "2026-11"});
  CHECK(periodOf({Kind::LastMonths, 12}, 2026, 1) == MonthPeriod{"2025-02", "2026-01"});
  CHECK(periodOf({Kind::Year, 2026}, 2026, 11) == MonthPeriod{"2026-01", "2026-11"});   // not months to come
  CHECK(periodOf({Kind::Year, 2022}, 2026, 11) == MonthPeriod{"2022-01", "2022-12"});
  CHECK_FALSE(periodOf({Kind::Year, 2021}, 2026, 11));
  CHECK_FALSE(periodOf({Kind::Year, 2027}, 2026, 11));
  CHECK_FALSE(periodOf({Kind::LastMonths, 24}, 2026, 11));
  CHECK_FALSE(periodOf({Kind::WholeRecord, 0}, 2026, 11));   // the server settles its start
  CHECK_FALSE(periodOf({Kind::LastMonths, 12}, 2026, 13));   // no such today
  CHECK(offeredPeriodYears(2026) == std::vector<int>{2026, 2025, 2024, 2023, 2022});
}

TEST_CASE("back from the preview or a failed issue returns to the period, from the period leaves") {
  Session s = identifiedFor("cert_benefit");
  s.handle(ev::RequestCertificate{});
  const auto first = test::effect<fx::IssueCertificate>(s.handle(choose(PeriodChoice::Kind::LastMonths, 36)));
  REQUIRE(first);
  CHECK(first->period == MonthPeriod{"2023-12", "2026-11"});
  s.handle(issued(first->request));
  REQUIRE(s.state().certificate->phase == CertificatePhase::Preview);
  s.handle(ev::Back{});
  CHECK(s.state().screen == Screen::Certificate);
  REQUIRE(s.state().certificate->phase == CertificatePhase::ChoosingPeriod);
  CHECK_FALSE(s.state().certificate->choice.has_value());
  CHECK(s.state().certificate->serial.empty());
  s.handle(issued(first->request));   // the abandoned document is not shown again
  CHECK(s.state().certificate->phase == CertificatePhase::ChoosingPeriod);

  const auto second = test::effect<fx::IssueCertificate>(s.handle(choose(PeriodChoice::Kind::WholeRecord)));
  REQUIRE(second);
  CHECK(second->request != first->request);
  s.handle(ev::CertificateFailed{second->request, "certificate.problem.unavailable"});
  s.handle(ev::Back{});
  CHECK(s.state().certificate->phase == CertificatePhase::ChoosingPeriod);
  s.handle(ev::Back{});
  CHECK(s.state().screen == Screen::Identified);
  CHECK_FALSE(s.state().certificate.has_value());

  // A failed print keeps its document: back leaves rather than asking for another.
  const auto third = test::effect<fx::IssueCertificate>(ask(s));
  REQUIRE(third);
  s.handle(issued(third->request));
  s.handle(ev::PrintCertificate{});
  s.handle(ev::PrintFinished{third->request, false, "print.problem.paper"});
  s.handle(ev::Back{});
  CHECK(s.state().screen == Screen::Identified);
}

// The real driver, termios included, against the simulator through a pseudo terminal:
// every card type and every injected fault.
#include "sim_rig.hpp"

#include "core/utf8.hpp"
#include "idcard/sim/card_image.hpp"

using namespace rig;
using onestop::core::CardType;
using per::CardReadOutcome;
using per::CompletionCode;
using per::DeviceState;
using namespace std::chrono;

TEST_CASE("every demo card type reads into a checked identity") {
  Rig r;
  auto people = idc::sim::loadDemoPeople(peoplePath());
  REQUIRE(people.ok());
  struct Expect {
    const char* key;
    CardType type;
  };
  for (const Expect e : {Expect{"worker", CardType::Mainland}, Expect{"retiree", CardType::Mainland},
                         Expect{"rare-name", CardType::Mainland}, Expect{"long-address", CardType::Mainland},
                         Expect{"not-in-system", CardType::Mainland}, Expect{"hmt-permit", CardType::HmtPermit},
                         Expect{"foreign-2017", CardType::Foreign2017},
                         Expect{"foreign-2023", CardType::Foreign2023}}) {
    CAPTURE(e.key);
    const auto* person = idc::sim::findPerson(people.value(), e.key);
    REQUIRE(person);
    auto read = r.presentAndRead(e.key);
    REQUIRE(read.outcome == CardReadOutcome::Ok);
    REQUIRE(read.identity.has_value());
    const auto& id = *read.identity;
    CHECK(id.cardType == e.type);
    CHECK(id.name == person->card.name);
    CHECK(id.idNumber == person->card.idNumber);
    CHECK(id.genderCode == person->card.gender);
    CHECK(id.englishName == person->card.englishName);
    CHECK(id.photo == idc::sim::placeholderPhotoBmp());
    if (e.type == CardType::Mainland) {
      CHECK(id.address == person->card.address);
      CHECK(id.ethnicityCode == person->card.ethnicity);
    }
    r.removeAndWait();
  }
}

TEST_CASE("rare characters and the longest address survive the wire") {
  Rig r;
  auto read = r.presentAndRead("rare-name");
  REQUIRE(read.identity);
  CHECK(read.identity->name == "测试䶮𠈌");
  r.removeAndWait();
  read = r.presentAndRead("long-address");
  REQUIRE(read.identity);
  CHECK(onestop::core::decodeUtf8(read.identity->address).size() == 35);
  r.removeAndWait();
  read = r.presentAndRead("retiree");
  REQUIRE(read.identity);
  CHECK(read.identity->longTerm());
}

TEST_CASE("an expired card and a failing check digit are distinct outcomes without identity") {
  Rig r;
  auto expired = r.presentAndRead("expired");
  CHECK(expired.outcome == CardReadOutcome::Expired);
  CHECK_FALSE(expired.identity.has_value());
  CHECK(expired.expiredOn == year_month_day{year{2025}, month{8}, day{1}});
  CHECK(expired.reasonKey() == "identity_check.expired");
  r.removeAndWait();

  auto bad = r.presentAndRead("bad-check");
  CHECK(bad.outcome == CardReadOutcome::CheckFailed);
  CHECK_FALSE(bad.identity.has_value());
  CHECK(bad.check.idNumber == onestop::core::IdNumberCheck::BadCheckDigit);
  CHECK(bad.reasonKey() == "id_check.bad_check_digit");
}

TEST_CASE("a card is read once per presentation, again after removal") {
  Rig r;
  REQUIRE(r.presentAndRead("worker").outcome == CardReadOutcome::Ok);
  const auto served = r.sim->stats().readsServed;
  // Let the reader poll the card that stays on it for a while.
  const auto until = r.sim->stats().requests + 15;
  for (int i = 0; i < 500 && r.sim->stats().requests < until; ++i) std::this_thread::sleep_for(10ms);
  CHECK(r.sim->stats().readsServed == served);
  CHECK(r.events.count<per::CardRead>() == 1);
  CHECK(r.events.count<per::MediaInserted>() == 1);
  r.removeAndWait();
  CHECK(r.presentAndRead("worker").outcome == CardReadOutcome::Ok);
  CHECK(r.events.count<per::MediaInserted>() == 2);
}

TEST_CASE("one-off transmission faults are retried into a good read") {
  for (auto fault : {idc::sim::Fault::BadChecksum, idc::sim::Fault::Truncated, idc::sim::Fault::Garbage,
                     idc::sim::Fault::FlakyRead}) {
    CAPTURE(idc::sim::nameOf(fault));
    Rig r;
    r.sim->setFault(fault, 1);
    auto read = r.presentAndRead("worker");
    CHECK(read.outcome == CardReadOutcome::Ok);
    CHECK(read.identity.has_value());
    CHECK(r.sim->stats().readsServed >= 3);   // the spoilt read plus two that agree
  }
}

TEST_CASE("persistent corruption ends in an unreadable outcome, never an identity") {
  for (auto fault : {idc::sim::Fault::BadChecksum, idc::sim::Fault::FlakyRead}) {
    CAPTURE(idc::sim::nameOf(fault));
    Rig r;
    r.sim->setFault(fault, 0);
    auto read = r.presentAndRead("worker");
    CHECK(read.outcome == CardReadOutcome::Unreadable);
    CHECK_FALSE(read.identity.has_value());
    CHECK(read.completion.code == CompletionCode::InvalidData);
    // Fixed: the next presentation reads.
    r.sim->clearFaults();
    r.removeAndWait();
    CHECK(r.presentAndRead("worker").outcome == CardReadOutcome::Ok);
  }
}

TEST_CASE("a card pulled away mid-read is reported, then the reader carries on") {
  Rig r;
  r.sim->setFault(idc::sim::Fault::PullMidRead);
  auto read = r.presentAndRead("worker");
  CHECK(read.outcome == CardReadOutcome::Unreadable);
  CHECK_FALSE(read.identity.has_value());
  CHECK(read.completion.code == CompletionCode::UserError);
  CHECK(r.events.waitCount<per::MediaRemoved>(1));
  CHECK(r.presentAndRead("worker").outcome == CardReadOutcome::Ok);
}

TEST_CASE("a silent reader goes offline and comes back") {
  Rig r;
  r.sim->setFault(idc::sim::Fault::Silence);
  CHECK(r.events.waitState(DeviceState::Offline));
  CHECK(r.reader->status().device == DeviceState::Offline);
  r.sim->clearFaults();
  CHECK(r.events.waitState(DeviceState::Online));
  CHECK(r.presentAndRead("worker").outcome == CardReadOutcome::Ok);
}

TEST_CASE("SAM faults 0x60 and 0x66 are hardware errors with the SW3 code") {
  for (auto [fault, code] : {std::pair{idc::sim::Fault::SamSelfTest, "0x60"},
                             std::pair{idc::sim::Fault::SamNotAuthorised, "0x66"}}) {
    CAPTURE(code);
    Rig r(false);
    r.sim->setFault(fault);   // already broken at start-up
    r.reader->start(r.events.sink());
    REQUIRE(r.events.waitState(DeviceState::HardwareError));
    const auto st = r.reader->status();
    CHECK(st.description.find(code) != std::string::npos);
    CHECK(st.details.at("security") == "notReady");
    r.sim->clearFaults();
    REQUIRE(r.events.waitState(DeviceState::Online));
    // Breaking while running is noticed by the polling loop too.
    r.sim->setFault(fault);
    CHECK(r.events.waitState(DeviceState::HardwareError));
  }
}

TEST_CASE("a missing port is reported as noDevice") {
  idc::ReaderConfig rc = readerConfig("/nonexistent/ttyIDCARD");
  idc::IdCardReader reader(rc);
  Events events;
  reader.start(events.sink());
  CHECK(events.waitState(DeviceState::NoDevice));
  CHECK(reader.status().description.find("/nonexistent/ttyIDCARD") != std::string::npos);
  reader.stop();
}

TEST_CASE("a reader that halts the card after reading does not cause a re-read loop") {
  Rig r;
  r.sim->setHaltAfterRead(true);
  REQUIRE(r.presentAndRead("worker").outcome == CardReadOutcome::Ok);
  // find card now answers 0x80 although the card lies there: reported as removed…
  CHECK(r.events.waitCount<per::MediaRemoved>(1));
  const auto until = r.sim->stats().requests + 15;
  for (int i = 0; i < 500 && r.sim->stats().requests < until; ++i) std::this_thread::sleep_for(10ms);
  // …and never read again until it really comes back.
  CHECK(r.events.count<per::CardRead>() == 1);
  CHECK(r.events.count<per::MediaInserted>() == 1);
  r.sim->remove();
  CHECK(r.presentAndRead("worker").outcome == CardReadOutcome::Ok);
}

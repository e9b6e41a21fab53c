// Commands, the simulator's control channel, baud probing and wire timing.
#include "sim_rig.hpp"

#include <unistd.h>

#include "idcard/card_session.hpp"
#include "idcard/sim/control_server.hpp"

using namespace rig;
using per::CardReadOutcome;
using per::CompletionCode;
using namespace std::chrono;

namespace {
std::string tempPath(const char* what) {
  static int n = 0;
  return "/tmp/onestop-test-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + "-" + what;
}
}  // namespace

TEST_CASE("ReadRawData re-reads a card already read and completes with success") {
  Rig r;
  REQUIRE(r.presentAndRead("worker").outcome == CardReadOutcome::Ok);
  auto handle = r.reader->execute({"CardReader.ReadRawData", 10s});
  auto read = r.events.nextCardRead();
  REQUIRE(read);
  CHECK(read->outcome == CardReadOutcome::Ok);
  CHECK(read->requestId == handle.id);
  REQUIRE(handle.completion.wait_for(kWait) == std::future_status::ready);
  CHECK(handle.completion.get().ok());
}

TEST_CASE("ReadRawData without a card can be cancelled or time out") {
  Rig r;
  auto cancelled = r.reader->execute({"CardReader.ReadRawData", 0ms});
  CHECK(r.reader->cancel(cancelled.id));
  CHECK(cancelled.completion.get().code == CompletionCode::Canceled);
  CHECK_FALSE(r.reader->cancel(cancelled.id));

  auto timed = r.reader->execute({"CardReader.ReadRawData", 100ms});
  REQUIRE(timed.completion.wait_for(kWait) == std::future_status::ready);
  CHECK(timed.completion.get().code == CompletionCode::TimeOut);

  auto unknown = r.reader->execute({"Printer.Print", 0ms});
  CHECK(unknown.completion.get().code == CompletionCode::UnsupportedCommand);

  auto status = r.reader->execute({"Common.Status", 1s});
  REQUIRE(status.completion.wait_for(kWait) == std::future_status::ready);
  CHECK(status.completion.get().ok());

  auto reset = r.reader->execute({"Common.Reset", 5s});
  REQUIRE(reset.completion.wait_for(kWait) == std::future_status::ready);
  CHECK(reset.completion.get().ok());
}

TEST_CASE("stop() ends the reader promptly and cancels open commands") {
  Rig r;
  auto pending = r.reader->execute({"CardReader.ReadRawData", 0ms});
  r.sim->setFault(idc::sim::Fault::Silence);   // the thread is likely blocked waiting for bytes
  std::this_thread::sleep_for(50ms);
  const auto t0 = steady_clock::now();
  r.reader->stop();
  CHECK(steady_clock::now() - t0 < 3s);
  CHECK(pending.completion.get().code == CompletionCode::Canceled);
}

TEST_CASE("the control socket presents, removes and injects faults") {
  auto sim = makeSim();
  const std::string path = tempPath("ctl.sock");
  auto server = idc::sim::ControlServer::start(*sim, path);
  REQUIRE(server.ok());
  auto say = [&](const std::string& line) {
    auto reply = idc::sim::sendControlLine(path, line);
    REQUIRE(reply.ok());
    return reply.value();
  };
  CHECK(say("present worker") == "ok present worker");
  CHECK(sim->cardPresent());
  CHECK(say("status").find("card=present") != std::string::npos);
  CHECK(say("remove") == "ok removed");
  CHECK_FALSE(sim->cardPresent());
  CHECK(say("present nobody").rfind("error", 0) == 0);
  CHECK(say("fault bad-checksum 2") == "ok fault bad-checksum");
  CHECK(say("status").find("fault=bad-checksum") != std::string::npos);
  CHECK(say("fault sam-0x66") == "ok fault sam-0x66");
  CHECK(say("fault none") == "ok fault none");
  CHECK(say("fault melting").rfind("error", 0) == 0);
  CHECK(say("people").find("rare-name") != std::string::npos);
  CHECK(say("dance").rfind("error", 0) == 0);
}

TEST_CASE("the simulator answers malformed requests with SW3 0x10, and the driver is unaffected") {
  auto sim = makeSim();
  idc::SerialConfig sc;
  sc.port = sim->devicePath();
  idc::SerialTransport t(sc);
  REQUIRE(t.open().ok());
  idc::Bytes bad = idc::encodeRequest(idc::kFindCard);
  bad.back() ^= 0xFF;
  REQUIRE(t.write(bad, 1s).ok());
  idc::FrameDecoder d(4);
  std::array<std::uint8_t, 64> buf{};
  idc::FrameDecoder::Status st = idc::FrameDecoder::Status::NeedMore;
  for (int i = 0; i < 50 && st == idc::FrameDecoder::Status::NeedMore; ++i) {
    auto n = t.read(buf, 200ms);
    if (n) d.feed(std::span(buf).first(n.value()));
    st = d.next();
  }
  REQUIRE(st == idc::FrameDecoder::Status::Frame);
  CHECK(idc::parseResponseBody(d.body())->sw3 == idc::sw3::kChecksumError);
  CHECK(sim->stats().badRequests == 1);
}

TEST_CASE("baud probing finds a reader set to another rate") {
  auto sim = makeSim(57600);
  idc::SerialConfig sc;
  sc.port = sim->devicePath();
  sc.baud = 115200;
  idc::SessionOptions opts;
  opts.timings.command = 300ms;
  opts.timings.probe = 300ms;

  idc::SerialTransport wrong(sc);
  idc::CardSession noProbe(wrong, opts);
  CHECK(noProbe.connect().code == CompletionCode::TimeOut);
  wrong.close();

  opts.probeBaud = true;
  idc::SerialTransport t(sc);
  idc::CardSession probing(t, opts);
  CHECK(probing.connect().ok());
  CHECK(t.baud() == 57600);
}

TEST_CASE("wire delay makes a base-info read take its honest time at 115200") {
  auto sim = makeSim(115200, true);
  idc::SerialConfig sc;
  sc.port = sim->devicePath();
  idc::SerialTransport t(sc);
  idc::SessionOptions opts;
  opts.readsToAgree = 1;
  idc::CardSession s(t, opts);
  REQUIRE(s.connect().ok());
  REQUIRE(sim->present("worker").ok());
  const auto t0 = steady_clock::now();
  auto read = s.readCard(kToday);
  const auto took = steady_clock::now() - t0;
  CHECK(read.outcome == CardReadOutcome::Ok);
  // 1295 + 22 bytes at 10 bits each ≈ 114 ms: a lower bound only (no upper bound on a
  // loaded machine).
  CHECK(took >= 100ms);
}

TEST_CASE("the event sink may call back into the reader without deadlock") {
  auto sim = makeSim();
  auto rc = readerConfig(sim->devicePath());
  idc::IdCardReader reader(rc, std::make_unique<idc::SerialTransport>(rc.serial), nullptr);
  Events events;
  auto forward = events.sink();
  reader.start([&](per::DeviceEvent e) {
    (void)reader.status();
    (void)reader.execute({"Common.Status", 1s});
    forward(std::move(e));
  });
  REQUIRE(events.waitState(per::DeviceState::Online));
  REQUIRE(sim->present("worker").ok());
  auto read = events.nextCardRead();
  REQUIRE(read);
  CHECK(read->outcome == CardReadOutcome::Ok);
  CHECK(read->identity->photo.empty());   // no photo decoder configured
  reader.stop();
}

// onestop-sync-crash-child: a stand-in for the kiosk process in the kill -9 test. It accepts
// filings into the outbox as fast as the kiosk would, printing "RECEIPT <key>" only after
// the commit returned (the moment a real kiosk prints the receipt), while the relay drains
// the outbox to the server. The test kills it at random moments.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>

#include "sync/relay.hpp"

using namespace onestop::sync;

int main(int argc, char** argv) {
  if (argc != 8) {
    std::fprintf(stderr, "usage: %s OUTBOX KEYFILE URL PKI_DIR IDENTIFY_JSON_FILE SEED COUNT\n", argv[0]);
    return 2;
  }
  initNetworking();
  auto box = Outbox::open(argv[1], argv[2]);
  if (!box) return std::fprintf(stderr, "%s\n", box.error().c_str()), 1;
  TrustConfig trust;
  trust.serverUrl = argv[3];
  const std::string pki = argv[4];
  trust.caCert = pki + "/ca.crt";
  trust.clientCert = pki + "/kiosks/KIOSK-TEST-01.crt";
  trust.clientKey = pki + "/kiosks/KIOSK-TEST-01.key";
  std::ifstream in(argv[5]);
  std::stringstream identify;
  identify << in.rdbuf();
  std::mt19937 random(static_cast<unsigned>(std::stoul(argv[6])));
  const int count = std::stoi(argv[7]);
  auto now = [] {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  };

  Network net(trust);
  Relay relay(net, *box.value(), {}, now);
  for (int i = 0; i < count; ++i) {
    HttpRequest r;
    r.method = "POST";
    r.path = "/v1/me/filings";
    char phone[16];
    std::snprintf(phone, sizeof phone, "139%08u", static_cast<unsigned>(random() % 100000000u));
    r.body = std::string(R"({"service":"change_phone","details":{"phone":")") + phone + "\"}}";
    r.headers[Relay::kIdentifyHeader] = identify.str();
    auto item = box.value()->enqueue("filing", "crash-test", r, now());
    if (!item) return std::fprintf(stderr, "%s\n", item.error().c_str()), 1;
    std::printf("RECEIPT %s\n", item->idempotencyKey.c_str());
    std::fflush(stdout);
    relay.kick();
    std::this_thread::sleep_for(std::chrono::milliseconds(random() % 100));
  }
  // Give the relay time to drain, as a kiosk idling after the citizen left would.
  std::this_thread::sleep_for(std::chrono::seconds(5));
  return 0;
}

// Trust refused in the handshake against the real server over real TLS on loopback: a
// server certificate that does not name the host the kiosk connects to, an expired kiosk
// certificate, an expired server certificate. Each time a control with everything else the
// same gets through, and the refused request never reaches a handler (a heartbeat that did
// would leave a row in the fleet store).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <ctime>

#include "api/clock.hpp"
#include "app/central_server.hpp"
#include "support/test_db.hpp"
#include "sync_support.hpp"

using namespace onestop::central::test;
using namespace onestop::sync;
using namespace synctest;

namespace {

// A plain TCP relay from `listenHost`:any-port to 127.0.0.1:`target`: the kiosk reaches the
// real server under an address its certificate does not name.
class Forwarder {
 public:
  Forwarder(const std::string& listenHost, int target) : target_(target) {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    REQUIRE(::inet_pton(AF_INET, listenHost.c_str(), &a.sin_addr) == 1);
    REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    REQUIRE(::listen(listener_, 8) == 0);
    socklen_t len = sizeof a;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] { run(); });
  }
  ~Forwarder() {
    stop_ = true;
    thread_.join();
    ::close(listener_);
  }
  int port() const { return port_; }
  std::atomic<long> fromServer{0};
  std::atomic<int> connections{0};

 private:
  void run() {
    while (!stop_) {
      pollfd p{listener_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
      if (client < 0) continue;
      ++connections;
      const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
      sockaddr_in a{};
      a.sin_family = AF_INET;
      a.sin_port = htons(static_cast<std::uint16_t>(target_));
      a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      if (::connect(server, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0) pump(client, server);
      ::close(server);
      ::close(client);
    }
  }
  void pump(int client, int server) {
    char buf[16384];
    while (!stop_) {
      pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
      if (::poll(fds, 2, 50) < 0) return;
      for (int i = 0; i < 2; ++i) {
        if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        const auto n = ::recv(fds[i].fd, buf, sizeof buf, 0);
        if (n <= 0) return;
        if (i == 1) fromServer += n;
        if (::send(i == 0 ? server : client, buf, static_cast<size_t>(n), MSG_NOSIGNAL) != n) return;
      }
    }
  }

  int listener_ = -1, port_ = 0, target_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

std::int64_t kiosksSeen(onestop::central::store::Database& db) {
  auto lease = db.acquire();
  REQUIRE(lease.ok());
  auto rows = lease.value()->query("SELECT COUNT(*) FROM kiosks");
  REQUIRE(rows.ok());
  return rows.value()[0].integer(0);
}

// Certificates signed by the test PKI's agency CA with the validity a test wants, through
// `openssl ca` on a state of its own (the dev PKI's index is left alone).
class Issuer {
 public:
  explicit Issuer(const TempDir& dir) : dir_(dir.path()) {
    writeAll(dir_ + "/index.txt", "");
    writeAll(dir_ + "/ca.cnf", "[ ca ]\ndefault_ca = test\n[ test ]\ndir = " + dir_ + "\ndatabase = " + dir_ +
                                   "/index.txt\nnew_certs_dir = " + dir_ + "\ncertificate = " + pkiDir() +
                                   "/ca.crt\nprivate_key = " + pkiDir() +
                                   "/ca.key\nrand_serial = yes\nunique_subject = no\ndefault_md = sha256\n"
                                   "policy = any\ncopy_extensions = none\n"
                                   "[ any ]\norganizationName = optional\norganizationalUnitName = optional\n"
                                   "commonName = supplied\n"
                                   "[ client_ext ]\nbasicConstraints = critical,CA:FALSE\n"
                                   "keyUsage = critical,digitalSignature\nextendedKeyUsage = clientAuth\n"
                                   "[ server_ext ]\nbasicConstraints = critical,CA:FALSE\n"
                                   "keyUsage = critical,digitalSignature\nextendedKeyUsage = serverAuth\n"
                                   "subjectAltName = DNS:localhost,IP:127.0.0.1\n");
  }
  /// Issues <dir>/<name>.crt and .key valid from `start` to `end` (YYYYMMDDHHMMSSZ).
  void issue(const std::string& name, const std::string& subject, const std::string& ext, const std::string& start,
             const std::string& end) {
    const auto base = dir_ + "/" + name;
    std::string out;
    const auto command = "set -e; cd '" + dir_ + "'; openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:prime256v1 -out '" +
                         base + ".key'; openssl req -new -key '" + base + ".key' -subj '" + subject + "' -out '" + base +
                         ".csr'; openssl ca -batch -notext -config ca.cnf -extensions " + ext + " -startdate " + start +
                         " -enddate " + end + " -in '" + base + ".csr' -out '" + base + ".crt'";
    REQUIRE_MESSAGE(shell(command, &out) == 0, out);
  }

 private:
  std::string dir_;
};

const std::string kKioskSubject = "/O=OneStop Dev Agency/OU=kiosk/CN=KIOSK-TEST-01";

}  // namespace

TEST_CASE("a server certificate that does not name the host the kiosk connects to is refused") {
  TestCentral central(Backend::Sqlite);
  Forwarder forwarder("127.0.0.2", central.port());

  // Control: by the name in its certificate (localhost) the server answers.
  {
    Network net(trustFor(central.port(), "kiosks/KIOSK-TEST-01", "localhost"));
    HttpRequest keys;
    keys.path = "/v1/keys";
    const auto r = exchange(net, keys);
    REQUIRE_MESSAGE(r.answered(), r.errorText);
    CHECK(r.status == 200);
  }
  // Control: the relay reaches the same server (name not checked by this client).
  {
    auto client = std::make_unique<httplib::SSLClient>("127.0.0.2", forwarder.port(), pkiDir() + "/kiosks/KIOSK-TEST-01.crt",
                                                       pkiDir() + "/kiosks/KIOSK-TEST-01.key");
    client->enable_server_certificate_verification(false);
    client->set_connection_timeout(5, 0);
    client->set_read_timeout(10, 0);
    const auto r = client->Get("/v1/keys");
    REQUIRE(r);
    CHECK(r->status == 200);
  }
  const int before = forwarder.connections.load();
  const long bytesBefore = forwarder.fromServer.load();
  Network net(trustFor(forwarder.port(), "kiosks/KIOSK-TEST-01", "127.0.0.2"));
  const auto r = exchange(net, heartbeatProbe());
  CHECK_FALSE(r.answered());
  CHECK(r.error == NetError::Tls);
  CHECK_MESSAGE(r.errorText.find("127.0.0.2") != std::string::npos, r.errorText);
  // The exchange did reach the server and got its certificate; the kiosk refused it.
  CHECK(forwarder.connections.load() == before + 1);
  CHECK(forwarder.fromServer.load() > bytesBefore);
  CHECK(kiosksSeen(central.database()) == 0);
}

TEST_CASE("an expired kiosk certificate is refused in the handshake") {
  TestCentral central(Backend::Sqlite);
  TempDir dir("expired-client");
  Issuer issuer(dir);
  issuer.issue("expired", kKioskSubject, "client_ext", "20200101000000Z", "20210101000000Z");
  issuer.issue("current", kKioskSubject, "client_ext", "20200101000000Z", "20990101000000Z");

  auto trust = trustFor(central.port());
  trust.clientCert = dir / "current.crt";
  trust.clientKey = dir / "current.key";
  {
    Network net(trust);   // control: the same kiosk, a current certificate from the same issuer
    const auto r = exchange(net, heartbeatProbe());
    REQUIRE_MESSAGE(r.answered(), r.errorText);
    CHECK(r.status == 200);
  }
  CHECK(kiosksSeen(central.database()) == 1);
  {
    auto lease = central.database().acquire();
    REQUIRE(lease.ok());
    REQUIRE(lease.value()->execute("DELETE FROM kiosks").ok());
  }
  REQUIRE(kiosksSeen(central.database()) == 0);

  trust.clientCert = dir / "expired.crt";
  trust.clientKey = dir / "expired.key";
  Network net(trust);
  const auto r = exchange(net, heartbeatProbe());
  CHECK_FALSE(r.answered());
  // TLS 1.3 sends the refusal of our certificate after the handshake, as an alert.
  CHECK_MESSAGE((r.error == NetError::Tls || r.error == NetError::Interrupted), netErrorName(r.error), ": ", r.errorText);
  CHECK(kiosksSeen(central.database()) == 0);
}

TEST_CASE("an expired server certificate is refused in the handshake") {
  // The central server refuses to start with an expired certificate, so it gets one that
  // expires a few seconds after it started: the kiosk meets it once that time has passed.
  TempDir dir("expired-server");
  Issuer issuer(dir);
  auto utc = [](std::int64_t t) {
    const std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    ::gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d%H%M%SZ", &tm);
    return std::string(buf);
  };
  auto start = [&](const std::string& name, const std::string& crt, const std::string& key)
      -> onestop::core::Result<std::unique_ptr<onestop::central::CentralServer>> {
    const auto tls = dir / ("tls-" + name);
    fs::create_directories(tls);
    fs::copy_file(pkiDir() + "/ca.crt", tls + "/ca.crt");
    fs::copy_file(pkiDir() + "/crl.pem", tls + "/crl.pem");
    fs::copy_file(crt, tls + "/server.crt");
    fs::copy_file(key, tls + "/server.key");
    onestop::central::ServerConfig config;
    config.host = "127.0.0.1";
    config.port = 0;
    config.dbUrl = onestop::test::freshSqlitePath("expired-server-" + name);
    config.tlsDir = tls;
    config.keysDir = dir / ("keys-" + name);
    config.http.threads = 2;
    return onestop::central::CentralServer::start(config);
  };
  // Control: a server alike but for a current certificate (the dev PKI's) answers.
  auto current = start("current", pkiDir() + "/server.crt", pkiDir() + "/server.key");
  REQUIRE_MESSAGE(current.ok(), current.error());
  {
    Network net(trustFor(current.value()->port()));
    const auto r = exchange(net, heartbeatProbe());
    REQUIRE_MESSAGE(r.answered(), r.errorText);
    CHECK(r.status == 200);
    CHECK(kiosksSeen(current.value()->database()) == 1);
  }

  std::unique_ptr<onestop::central::CentralServer> expiring;
  std::int64_t expiresAt = 0;
  for (const int lifetime : {5, 20, 60}) {   // longer only when this box was too slow to start it in time
    const auto name = "server-" + std::to_string(lifetime);
    expiresAt = onestop::central::api::systemNow() + lifetime;
    issuer.issue(name, "/O=OneStop Dev Agency/OU=server/CN=localhost", "server_ext", "20200101000000Z", utc(expiresAt));
    auto started = start(name, dir / (name + ".crt"), dir / (name + ".key"));
    if (started.ok()) {
      expiring = std::move(started.value());
      break;
    }
    REQUIRE_MESSAGE(started.error().find("expired") != std::string::npos, started.error());
  }
  REQUIRE(expiring);
  REQUIRE(eventually([&] { return onestop::central::api::systemNow() > expiresAt + 1; }, 70));

  Network net(trustFor(expiring->port()));
  const auto r = exchange(net, heartbeatProbe());
  CHECK_FALSE(r.answered());
  CHECK(r.error == NetError::Tls);
  CHECK_MESSAGE(r.errorText.find("expired") != std::string::npos, r.errorText);
  CHECK(kiosksSeen(expiring->database()) == 0);
  expiring->stop();
  current.value()->stop();
}

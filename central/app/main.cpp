// onestop-central: the reference central server.
//   onestop-central --listen 127.0.0.1:8443 --db PATH|postgresql://… --tls-dir DIR [--keys-dir DIR]
//                   [--console-listen ADDR [--console-cert FILE --console-key FILE]]
//   onestop-central --demo [--listen ADDR] [--console-listen ADDR] [--out DIR]
//   onestop-central audit-verify --db URL
//   onestop-central staff-add --db URL --login NAME --role ROLE --name NAME  (password on stdin)
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "api/audit_trail.hpp"
#include "api/schema.hpp"
#include "app/central_server.hpp"
#include "web/demo_console.hpp"
#include "web/staff_accounts.hpp"

namespace {

using namespace onestop::central;

constexpr const char* kUsage =
    "usage:\n"
    "  onestop-central --listen HOST:PORT --db PATH|postgresql://... --tls-dir DIR [--keys-dir DIR]\n"
    "                  [--console-listen HOST:PORT [--console-cert FILE --console-key FILE]]\n"
    "  onestop-central --demo [--listen HOST:PORT] [--console-listen HOST:PORT] [--out DIR]\n"
    "  onestop-central audit-verify --db PATH|postgresql://...\n"
    "  onestop-central staff-add --db PATH|postgresql://... --login NAME --role reviewer|supervisor|auditor\n"
    "                  --name DISPLAY-NAME   (reads the password from the first line of stdin)\n"
    "options: --log-level trace|debug|info|warn|error\n";

int usage(const std::string& problem) {
  std::fprintf(stderr, "onestop-central: %s\n%s", problem.c_str(), kUsage);
  return 2;
}

bool splitListen(const std::string& listen, std::string& host, int& port) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const auto p = listen.substr(colon + 1);
  if (p.empty() || p.size() > 5 || p.find_first_not_of("0123456789") != std::string::npos) return false;
  port = std::stoi(p);
  return port <= 65535;
}

std::string demoAccountList() {
  std::string list;
  for (const auto& a : web::demoStaffAccounts())
    list += (list.empty() ? "" : ", ") + a.login + " (" + std::string(web::roleName(a.role)) + ")";
  return list;
}

int auditVerify(const std::string& dbUrl) {
  auto db = onestop::central::store::Database::open(dbUrl);
  if (!db) return std::fprintf(stderr, "onestop-central: %s\n", db.error().message.c_str()), 1;
  auto lease = db.value()->acquire();
  if (!lease) return std::fprintf(stderr, "onestop-central: %s\n", lease.error().message.c_str()), 1;
  auto report = api::verifyAuditChain(*lease.value());
  if (!report) return std::fprintf(stderr, "onestop-central: %s\n", report.error().message.c_str()), 1;
  if (report->intact) {
    std::printf("audit log intact: %lld entries\n", static_cast<long long>(report->entries));
    return 0;
  }
  std::printf("audit log BROKEN at seq %lld: %s\n", static_cast<long long>(report->brokenAtSeq), report->reason.c_str());
  return 3;
}

// A console account; the password is read from stdin so it appears in no process list or
// shell history.
int staffAdd(const std::string& dbUrl, const std::string& login, const std::string& roleText,
             const std::string& displayName) {
  const auto role = web::roleFromName(roleText);
  if (!role) return usage("--role must be reviewer, supervisor or auditor");
  std::string password;
  if (!std::getline(std::cin, password)) return usage("staff-add reads the password from stdin");
  if (!password.empty() && password.back() == '\r') password.pop_back();
  auto db = onestop::central::store::Database::open(dbUrl);
  if (!db) return std::fprintf(stderr, "onestop-central: %s\n", db.error().message.c_str()), 1;
  auto version = store::migrate(*db.value(), api::centralMigrations());
  if (!version) return std::fprintf(stderr, "onestop-central: %s\n", version.error().message.c_str()), 1;
  auto lease = db.value()->acquire();
  if (!lease) return std::fprintf(stderr, "onestop-central: %s\n", lease.error().message.c_str()), 1;
  auto& c = *lease.value();
  store::Transaction tx(c);
  if (!tx.started()) return std::fprintf(stderr, "onestop-central: %s\n", tx.started().error().message.c_str()), 1;
  const auto now = api::systemNow();
  auto created = web::createStaffAccount(c, {login, displayName, *role, password}, now);
  if (!created) return std::fprintf(stderr, "onestop-central: staff-add: %s\n", created.error().c_str()), 1;
  auto audited = api::appendAudit(c, now, {"system", "staff-add", "staff.account_created", login, roleText});
  if (!audited) return std::fprintf(stderr, "onestop-central: %s\n", audited.error().message.c_str()), 1;
  auto committed = tx.commit();
  if (!committed) return std::fprintf(stderr, "onestop-central: %s\n", committed.error().message.c_str()), 1;
  std::printf("staff account %s (%s) created\n", login.c_str(), roleText.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  bool demo = false;
  std::string listen, dbUrl, tlsDir, keysDir, outDir = "out", logLevel = "info";
  std::string consoleListen, consoleCert, consoleKey;
  std::string staffLogin, staffRole, staffName;
  std::string command;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto& a = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) return false;
      into = args[++i];
      return true;
    };
    if (a == "--demo") demo = true;
    else if (a == "--listen") { if (!value(listen)) return usage("--listen needs HOST:PORT"); }
    else if (a == "--db") { if (!value(dbUrl)) return usage("--db needs a path or URL"); }
    else if (a == "--tls-dir") { if (!value(tlsDir)) return usage("--tls-dir needs a directory"); }
    else if (a == "--keys-dir") { if (!value(keysDir)) return usage("--keys-dir needs a directory"); }
    else if (a == "--out") { if (!value(outDir)) return usage("--out needs a directory"); }
    else if (a == "--console-listen") { if (!value(consoleListen)) return usage("--console-listen needs HOST:PORT"); }
    else if (a == "--console-cert") { if (!value(consoleCert)) return usage("--console-cert needs a file"); }
    else if (a == "--console-key") { if (!value(consoleKey)) return usage("--console-key needs a file"); }
    else if (a == "--log-level") { if (!value(logLevel)) return usage("--log-level needs a level"); }
    else if (a == "--help" || a == "-h") return std::printf("%s", kUsage), 0;
    else if (a == "--login") { if (!value(staffLogin)) return usage("--login needs a name"); }
    else if (a == "--role") { if (!value(staffRole)) return usage("--role needs a role"); }
    else if (a == "--name") { if (!value(staffName)) return usage("--name needs a display name"); }
    else if ((a == "audit-verify" || a == "staff-add") && command.empty()) command = a;
    else return usage("unknown argument '" + a + "'");
  }
  const auto level = spdlog::level::from_str(logLevel);
  if (level == spdlog::level::off && logLevel != "off") return usage("unknown --log-level '" + logLevel + "'");
  spdlog::set_level(level);

  if (command == "audit-verify") {
    if (dbUrl.empty()) return usage("audit-verify needs --db");
    return auditVerify(dbUrl);
  }
  if (command == "staff-add") {
    if (dbUrl.empty() || staffLogin.empty() || staffRole.empty() || staffName.empty())
      return usage("staff-add needs --db, --login, --role and --name");
    return staffAdd(dbUrl, staffLogin, staffRole, staffName);
  }

  std::string host = "127.0.0.1";
  int port = 8443;
  if (!listen.empty() && !splitListen(listen, host, port)) return usage("--listen must be HOST:PORT, e.g. 127.0.0.1:8443");

  ConsoleConfig console;
  console.host = host;
  if (!consoleListen.empty() && !splitListen(consoleListen, console.host, console.port))
    return usage("--console-listen must be HOST:PORT, e.g. 127.0.0.1:8444");
  if (consoleCert.empty() != consoleKey.empty()) return usage("--console-cert and --console-key go together");
  console.enabled = demo || !consoleListen.empty();
  console.certFile = consoleCert;
  console.keyFile = consoleKey;

  ServerConfig config;
  if (demo) {
    auto prepared = prepareDemo(outDir, host, port);
    if (!prepared) return std::fprintf(stderr, "onestop-central: demo set-up failed: %s\n", prepared.error().c_str()), 1;
    config = prepared.value();
  } else {
    if (dbUrl.empty() || tlsDir.empty()) return usage("--db and --tls-dir are required (or use --demo)");
    config.host = host;
    config.port = port;
    config.dbUrl = dbUrl;
    config.tlsDir = tlsDir;
    config.keysDir = keysDir.empty() ? std::filesystem::path(tlsDir) / "seal-keys" : std::filesystem::path(keysDir);
  }
  config.console = console;

  // Signals are taken by a waiting thread, so shutdown runs outside any signal handler.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto server = CentralServer::start(config);
  if (!server) return std::fprintf(stderr, "onestop-central: %s\n", server.error().c_str()), 1;
  if (demo) {
    const auto pki = std::filesystem::absolute(std::filesystem::path(outDir) / "pki");
    std::printf(
        "OneStop central server (demo) at %s\n"
        "  CA certificate:     %s\n"
        "  kiosk certificate:  %s\n"
        "  kiosk key:          %s\n"
        "  database:           %s\n"
        "try:\n"
        "  curl --cacert %s --cert %s --key %s %s/v1/keys\n"
        "demo people and their ID numbers: docs/demo-data.md\n"
        "staff console:        %s/  (the browser must trust %s)\n"
        "  demo staff accounts (password %s): %s\n"
        "verification page:    %s/verify\n",
        server.value()->url().c_str(), (pki / "ca.crt").c_str(), (pki / "kiosks/KIOSK-DEMO-01.crt").c_str(),
        (pki / "kiosks/KIOSK-DEMO-01.key").c_str(), config.dbUrl.c_str(), (pki / "ca.crt").c_str(),
        (pki / "kiosks/KIOSK-DEMO-01.crt").c_str(), (pki / "kiosks/KIOSK-DEMO-01.key").c_str(),
        server.value()->url().c_str(), server.value()->consoleUrl().c_str(), (pki / "ca.crt").c_str(),
        web::kDemoStaffPassword, demoAccountList().c_str(), server.value()->consoleUrl().c_str());
    std::fflush(stdout);
  }
  int sig = 0;
  sigwait(&signals, &sig);
  spdlog::info("central: signal {}, stopping", sig);
  server.value()->stop();
  return 0;
}

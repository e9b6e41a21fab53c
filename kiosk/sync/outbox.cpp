#include "sync/outbox.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <filesystem>

#include <nlohmann/json.hpp>
#include <sodium.h>
#include <sqlite3.h>

#include "core/secure_wipe.hpp"
#include "sync/sqlite_statement.hpp"

namespace onestop::sync {
namespace {

using nlohmann::json;

core::Result<std::string> loadOrCreateKey(const std::string& keyFile) {
  struct stat st {};
  if (::stat(keyFile.c_str(), &st) != 0) {
    std::string key(crypto_secretbox_KEYBYTES, '\0');
    randombytes_buf(key.data(), key.size());
    const int fd = ::open(keyFile.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) return core::Error{"outbox key " + keyFile + ": cannot create it"};
    const bool written = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written) return core::Error{"outbox key " + keyFile + ": cannot write it"};
    return key;
  }
  if ((st.st_mode & 077) != 0)
    return core::Error{"outbox key " + keyFile + ": readable by group or others; chmod 600 it"};
  if (st.st_size != static_cast<off_t>(crypto_secretbox_KEYBYTES))
    return core::Error{"outbox key " + keyFile + ": must be exactly 32 bytes"};
  std::string key(crypto_secretbox_KEYBYTES, '\0');
  const int fd = ::open(keyFile.c_str(), O_RDONLY);
  if (fd < 0 || ::read(fd, key.data(), key.size()) != static_cast<ssize_t>(key.size())) {
    if (fd >= 0) ::close(fd);
    return core::Error{"outbox key " + keyFile + ": cannot read it"};
  }
  ::close(fd);
  return key;
}

std::string seal(const std::string& key, const std::string& plain) {
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plain.data()),
                        plain.size(), nonce, reinterpret_cast<const unsigned char*>(key.data()));
  return out;
}

std::optional<std::string> unseal(const std::string& key, const std::string& sealed) {
  if (sealed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return std::nullopt;
  std::string plain(sealed.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.data());
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), nonce + crypto_secretbox_NONCEBYTES,
                                 sealed.size() - crypto_secretbox_NONCEBYTES, nonce,
                                 reinterpret_cast<const unsigned char*>(key.data())) != 0)
    return std::nullopt;
  return plain;
}

std::string newIdempotencyKey() {
  std::array<unsigned char, 16> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string hex(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  hex.pop_back();
  return "kiosk-" + hex;
}

std::string lastError(sqlite3* db) { return sqlite3_errmsg(db); }

}  // namespace

core::Result<std::unique_ptr<Outbox>> Outbox::open(const std::string& path, const std::string& keyFile,
                                                   OutboxPolicy policy) {
  if (sodium_init() < 0) return core::Error{"libsodium cannot initialise"};
  auto key = loadOrCreateKey(keyFile);
  if (!key) return core::Error{key.error()};
  std::unique_ptr<Outbox> box(new Outbox());
  box->key_ = std::move(key.value());
  box->policy_ = policy;
  if (sqlite3_open_v2(path.c_str(), &box->db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK)
    return core::Error{"outbox " + path + ": " + (box->db_ ? lastError(box->db_) : "cannot open")};
  ::chmod(path.c_str(), 0600);
  const char* setup =
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON; PRAGMA busy_timeout=5000;"
      "CREATE TABLE IF NOT EXISTS outbox ("
      " id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, idempotency_key TEXT NOT NULL UNIQUE,"
      " citizen_ref TEXT NOT NULL, sealed BLOB NOT NULL, created_at INTEGER NOT NULL,"
      " attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL, last_error TEXT NOT NULL DEFAULT '',"
      " flagged INTEGER NOT NULL DEFAULT 0);";
  char* message = nullptr;
  if (sqlite3_exec(box->db_, setup, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string why = message ? message : "unknown";
    sqlite3_free(message);
    return core::Error{"outbox " + path + ": " + why};
  }
  return box;
}

Outbox::~Outbox() {
  core::secureWipe(key_);
  if (db_) sqlite3_close_v2(db_);
}

core::Result<OutboxItem> Outbox::enqueue(const std::string& kind, const std::string& citizenRef, HttpRequest request,
                                         std::int64_t now) {
  OutboxItem item;
  item.kind = kind;
  item.citizenRef = citizenRef;
  item.idempotencyKey = newIdempotencyKey();
  item.createdAt = now;
  request.headers["Idempotency-Key"] = item.idempotencyKey;
  json plain = {{"method", request.method}, {"path", request.path}, {"headers", request.headers}, {"body", request.body}};
  std::string text = plain.dump();
  const auto sealed = seal(key_, text);
  core::secureWipe(text);
  Statement s(db_,
              "INSERT INTO outbox (kind, idempotency_key, citizen_ref, sealed, created_at, next_attempt_at) "
              "VALUES (?, ?, ?, ?, ?, ?)");
  if (!s.ok()) return core::Error{"outbox enqueue: " + lastError(db_)};
  s.bind(1, kind);
  s.bind(2, item.idempotencyKey);
  s.bind(3, citizenRef);
  s.bindBlob(4, sealed);
  s.bind(5, now);
  s.bind(6, now);
  if (const int rc = sqlite3_step(s.get()); rc != SQLITE_DONE) {
    if (rc == SQLITE_FULL || sqlite3_extended_errcode(db_) == SQLITE_FULL ||
        sqlite3_system_errno(db_) == ENOSPC)
      return core::Error{std::string(kDiskFull) + ": no room left for the outbox (" + lastError(db_) + ")"};
    return core::Error{"outbox enqueue: " + lastError(db_)};
  }
  item.id = sqlite3_last_insert_rowid(db_);
  item.request = std::move(request);
  return item;
}

core::Result<std::vector<OutboxItem>> Outbox::due(std::int64_t now, std::size_t max) {
  // One citizen's items in order: only the oldest of each citizen_ref may go.
  Statement s(db_,
              "SELECT id, kind, idempotency_key, citizen_ref, sealed, attempts, created_at, flagged FROM outbox o "
              "WHERE next_attempt_at <= ? AND (citizen_ref = '' OR id = "
              "(SELECT MIN(id) FROM outbox p WHERE p.citizen_ref = o.citizen_ref)) ORDER BY id LIMIT ?");
  if (!s.ok()) return core::Error{"outbox due: " + lastError(db_)};
  s.bind(1, now);
  s.bind(2, static_cast<std::int64_t>(max));
  std::vector<OutboxItem> items;
  int rc = 0;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    OutboxItem item;
    item.id = sqlite3_column_int64(s.get(), 0);
    item.kind = s.text(1);
    item.idempotencyKey = s.text(2);
    item.citizenRef = s.text(3);
    item.attempts = sqlite3_column_int(s.get(), 5);
    item.createdAt = sqlite3_column_int64(s.get(), 6);
    item.flagged = sqlite3_column_int(s.get(), 7) != 0;
    auto plain = unseal(key_, s.blob(4));
    const auto j = plain ? json::parse(*plain, nullptr, false) : json();
    if (plain) core::secureWipe(*plain);
    if (!j.is_object()) return core::Error{"outbox item " + std::to_string(item.id) + " cannot be unsealed (wrong key?)"};
    item.request.method = j.value("method", "POST");
    item.request.path = j.value("path", "");
    item.request.body = j.value("body", "");
    if (j.contains("headers") && j["headers"].is_object())
      for (const auto& header : j["headers"].items())
        if (header.value().is_string()) item.request.headers[header.key()] = header.value().get<std::string>();
    items.push_back(std::move(item));
  }
  if (rc != SQLITE_DONE) return core::Error{"outbox due: " + lastError(db_)};
  return items;
}

core::Result<bool> Outbox::remove(std::int64_t id) {
  Statement s(db_, "DELETE FROM outbox WHERE id = ?");
  if (!s.ok()) return core::Error{"outbox remove: " + lastError(db_)};
  s.bind(1, id);
  if (sqlite3_step(s.get()) != SQLITE_DONE) return core::Error{"outbox remove: " + lastError(db_)};
  return sqlite3_changes(db_) == 1;
}

core::Result<bool> Outbox::retryLater(std::int64_t id, std::int64_t now, int retryAfterSeconds, const std::string& why) {
  Statement q(db_, "SELECT attempts, created_at FROM outbox WHERE id = ?");
  if (!q.ok()) return core::Error{"outbox retry: " + lastError(db_)};
  q.bind(1, id);
  if (sqlite3_step(q.get()) != SQLITE_ROW) return false;
  const int attempts = sqlite3_column_int(q.get(), 0) + 1;
  const std::int64_t created = sqlite3_column_int64(q.get(), 1);
  const auto wait = std::max<std::int64_t>(retryAfterSeconds,
                                           static_cast<std::int64_t>(policy_.backoff.delay(attempts - 1, randomUnit())));
  const bool flag = attempts >= policy_.flagAfterAttempts || now - created >= policy_.flagAfterSeconds;
  Statement s(db_,
              "UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, flagged = MAX(flagged, ?) WHERE id = ?");
  if (!s.ok()) return core::Error{"outbox retry: " + lastError(db_)};
  s.bind(1, static_cast<std::int64_t>(attempts));
  s.bind(2, now + std::max<std::int64_t>(wait, 1));
  s.bind(3, why.substr(0, 200));
  s.bind(4, static_cast<std::int64_t>(flag ? 1 : 0));
  s.bind(5, id);
  if (sqlite3_step(s.get()) != SQLITE_DONE) return core::Error{"outbox retry: " + lastError(db_)};
  return true;
}

core::Result<bool> Outbox::flag(std::int64_t id, std::int64_t now, const std::string& why) {
  Statement s(db_, "UPDATE outbox SET flagged = 1, attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?");
  if (!s.ok()) return core::Error{"outbox flag: " + lastError(db_)};
  s.bind(1, now + 24 * 3600);
  s.bind(2, why.substr(0, 200));
  s.bind(3, id);
  if (sqlite3_step(s.get()) != SQLITE_DONE) return core::Error{"outbox flag: " + lastError(db_)};
  return sqlite3_changes(db_) == 1;
}

core::Result<Outbox::Counts> Outbox::counts() {
  Statement s(db_, "SELECT COUNT(*), COALESCE(SUM(flagged), 0) FROM outbox");
  if (!s.ok() || sqlite3_step(s.get()) != SQLITE_ROW) return core::Error{"outbox counts: " + lastError(db_)};
  return Counts{sqlite3_column_int64(s.get(), 0), sqlite3_column_int64(s.get(), 1)};
}

bool Outbox::intact() {
  Statement s(db_, "PRAGMA integrity_check");
  return s.ok() && sqlite3_step(s.get()) == SQLITE_ROW && s.text(0) == "ok";
}

}  // namespace onestop::sync

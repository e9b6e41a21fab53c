#pragma once
// The connection pool both backends share: a backend says how to open a connection, how to
// tell that one still works and how to tidy one up for the next user.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "store/database.hpp"

namespace onestop::central::store {

class PooledConnection : public Connection {
 public:
  /// False when the connection is broken and must be replaced (checked on acquire).
  virtual bool healthy() = 0;
  /// Called on release: rolls back a transaction the last user left open.
  virtual void tidy() = 0;
};

class ConnectionPool : public Database {
 public:
  explicit ConnectionPool(int size);
  DbResult<Lease> acquire() override;
  /// Opens the first connection now, so that Database::open reports a bad URL or an
  /// unreachable server instead of the first request.
  DbResult<Done> prime();

 protected:
  void release(std::unique_ptr<Connection> c) override;
  /// Opens one more connection; called without the pool's lock held.
  virtual DbResult<std::unique_ptr<PooledConnection>> connect() = 0;

 private:
  const int size_;
  std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<PooledConnection>> idle_;
  int open_ = 0;  // idle + leased
};

}  // namespace onestop::central::store

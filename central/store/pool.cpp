#include "store/pool.hpp"

#include <algorithm>
#include <utility>

namespace onestop::central::store {

ConnectionPool::ConnectionPool(int size) : size_(std::max(1, size)) {}

DbResult<Database::Lease> ConnectionPool::acquire() {
  std::unique_lock lock(mutex_);
  freed_.wait(lock, [this] { return !idle_.empty() || open_ < size_; });
  if (!idle_.empty()) {
    auto c = std::move(idle_.back());  // the most recently used: warm caches
    idle_.pop_back();
    lock.unlock();
    if (c->healthy()) return Lease(this, std::move(c));
    c.reset();  // broken (server restarted, network dropped): replace it below
    lock.lock();
    --open_;
  }
  ++open_;
  lock.unlock();
  auto fresh = connect();
  if (!fresh) {
    lock.lock();
    --open_;
    freed_.notify_one();
    return fresh.error();
  }
  return Lease(this, std::move(fresh.value()));
}

void ConnectionPool::release(std::unique_ptr<Connection> c) {
  if (!c) return;
  // Only this pool's connect() made it, so it is a PooledConnection.
  std::unique_ptr<PooledConnection> pooled(static_cast<PooledConnection*>(c.release()));
  pooled->tidy();
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(pooled));
  }
  freed_.notify_one();
}

DbResult<Done> ConnectionPool::prime() {
  auto lease = acquire();
  if (!lease) return lease.error();
  return Done{};
}

}  // namespace onestop::central::store

#pragma once
// A value or an error of type E (std::expected is C++23). Modules name their own error
// type: peripherals::Expected<T> carries a device Completion, store::DbResult<T> a DbError.
#include <utility>
#include <variant>

namespace onestop::core {

template <class T, class E>
class Expected {
 public:
  Expected(T value) : v_(std::move(value)) {}   // NOLINT: implicit by design
  Expected(E error) : v_(std::move(error)) {}   // NOLINT: implicit by design
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const E& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, E> v_;
};

}  // namespace onestop::core

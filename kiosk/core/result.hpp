#pragma once
// Errors are values at module boundaries: a Result holds either a value or an error
// message meant for the log (and, where marked, an i18n key for the person at the kiosk).
#include <optional>
#include <string>
#include <utility>

namespace onestop::core {

struct Error {
  std::string message;   ///< precise, for the log and the operator; never personal data
};

template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : error_(std::move(error)) {}      // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  const std::string& error() const { return error_.message; }

 private:
  std::optional<T> value_;
  Error error_;
};

}  // namespace onestop::core

#pragma once
// Errors are values: a Result holds either a value or a message that names the problem.
// (The same shape as core::Result; this library stands alone so the kiosk can link it.)
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace onestop::central::seal {

struct Error {
  std::string message;  ///< precise, for the log and the operator; never personal data
};

template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design

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

struct Done {};  ///< the value of a Result that carries nothing

/// Epoch seconds (UTC). Every time in a seal, key and audit entry is one of these.
using Timestamp = std::int64_t;

}  // namespace onestop::central::seal

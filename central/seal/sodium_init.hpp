#pragma once
// libsodium must be initialised once before its random generator is used.

namespace onestop::central::seal {

/// Calls sodium_init() (thread-safe, idempotent); aborts if libsodium cannot start,
/// because no seal may be made with an unseeded generator.
void ensureSodium();

}  // namespace onestop::central::seal

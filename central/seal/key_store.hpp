#pragma once
// The key ring on disk, in a directory of its own (mode 0700):
//   ring.json     {"format":"onestop-keyring-v1","keys":[{"kid","publicKey","created",
//                  "signUntil","verifyUntil"}]}  (public data only)
//   <kid>.seed    the 32-byte Ed25519 seed, raw, mode 0600
// Every file is written to a temporary name, synced and renamed, so a crash leaves either
// the old or the new file. Loading refuses a seed file that group or others can read,
// and a seed that does not give the public key recorded in ring.json.
#include <filesystem>

#include "seal/key_ring.hpp"
#include "seal/result.hpp"

namespace onestop::central::seal {

/// Loads the ring saved in `dir`. A directory without ring.json is an error.
Result<KeyRing> loadKeyRing(const std::filesystem::path& dir, KeyPolicy policy = {});

/// Saves every key of `ring` (creating `dir` if needed) and removes seed files of keys
/// that are no longer in it.
Result<Done> saveKeyRing(const KeyRing& ring, const std::filesystem::path& dir);

/// What a server does at start: load the ring from `dir` (an empty one if `dir` has no
/// ring.json yet), rotate if no key can sign at `now`, and save when it changed.
Result<KeyRing> openKeyRing(const std::filesystem::path& dir, KeyPolicy policy, Timestamp now);

}  // namespace onestop::central::seal

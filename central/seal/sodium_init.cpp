#include "seal/sodium_init.hpp"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace onestop::central::seal {

void ensureSodium() {
  // 0 = initialised now, 1 = already initialised, -1 = failure.
  if (sodium_init() < 0) {
    std::fputs("libsodium failed to initialise\n", stderr);
    std::abort();
  }
}

}  // namespace onestop::central::seal

#include "core/secure_wipe.hpp"

namespace onestop::core {

void secureZero(void* data, std::size_t size) noexcept {
  volatile auto* p = static_cast<volatile unsigned char*>(data);
  for (std::size_t i = 0; i < size; ++i) p[i] = 0;
}

void secureWipe(std::string& s) noexcept {
  // Growing to the capacity never reallocates, and exposes the bytes past size() that
  // may still hold an older, longer value (or a moved-from inline buffer).
  s.resize(s.capacity());
  secureZero(s.data(), s.size());
  s.clear();
}

void secureWipe(std::vector<std::uint8_t>& v) noexcept {
  v.resize(v.capacity());
  secureZero(v.data(), v.size());
  v.clear();
}

}  // namespace onestop::core

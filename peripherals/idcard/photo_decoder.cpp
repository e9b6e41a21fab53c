#include "idcard/photo_decoder.hpp"

#include <cstring>

#include <dlfcn.h>

#include <fmt/format.h>

namespace onestop::peripherals::idcard {
namespace {

using DecodeFn = int (*)(const unsigned char*, int, unsigned char*, int*);

class VendorPhotoDecoder final : public PhotoDecoder {
 public:
  VendorPhotoDecoder(void* handle, DecodeFn fn, std::string path)
      : handle_(handle), fn_(fn), path_(std::move(path)) {}
  ~VendorPhotoDecoder() override { ::dlclose(handle_); }
  VendorPhotoDecoder(const VendorPhotoDecoder&) = delete;
  VendorPhotoDecoder& operator=(const VendorPhotoDecoder&) = delete;

  Expected<std::vector<std::uint8_t>> decode(std::span<const std::uint8_t> wlt) override {
    // 102x126x3 pixel bytes with 2-byte row padding plus the 54-byte header is 38,862.
    std::vector<std::uint8_t> out(64 * 1024);
    int len = static_cast<int>(out.size());
    if (fn_(wlt.data(), static_cast<int>(wlt.size()), out.data(), &len) != 1 || len <= 0 ||
        static_cast<std::size_t>(len) > out.size()) {
      return Completion{CompletionCode::InvalidData, -1, fmt::format("{} could not decode the photo", path_)};
    }
    out.resize(static_cast<std::size_t>(len));
    return out;
  }
  std::string name() const override { return path_; }

 private:
  void* handle_;
  DecodeFn fn_;
  std::string path_;
};

}  // namespace

Expected<std::unique_ptr<PhotoDecoder>> loadVendorPhotoDecoder(const std::string& libraryPath,
                                                               const std::string& symbol) {
  void* handle = ::dlopen(libraryPath.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* err = ::dlerror();
    return Completion{CompletionCode::DeviceNotReady, -1, fmt::format("dlopen {}: {}", libraryPath, err ? err : "?")};
  }
  void* sym = ::dlsym(handle, symbol.c_str());
  if (!sym) {
    ::dlclose(handle);
    return Completion{CompletionCode::UnsupportedCommand, -1, fmt::format("{} has no symbol {}", libraryPath, symbol)};
  }
  // POSIX guarantees object/function pointer round-trips through dlsym.
  DecodeFn fn;
  static_assert(sizeof fn == sizeof sym);
  std::memcpy(&fn, &sym, sizeof fn);
  return std::unique_ptr<PhotoDecoder>(std::make_unique<VendorPhotoDecoder>(handle, fn, libraryPath));
}

}  // namespace onestop::peripherals::idcard

#pragma once
// WLT portrait decoding is a vendor secret (WltRS/libwlt/CV_Decode, often licensed per
// reader), so none is bundled: this is the plug-in point. A decoder turns the card's
// 1024-byte WLT blob into a 102x126 24-bit BMP.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "device/device.hpp"

namespace onestop::peripherals::idcard {

class PhotoDecoder {
 public:
  virtual ~PhotoDecoder() = default;
  virtual Expected<std::vector<std::uint8_t>> decode(std::span<const std::uint8_t> wlt) = 0;
  virtual std::string name() const = 0;
};

/// Loads a vendor decoder with dlopen. The library (or a thin shim around the vendor's)
/// must export, under `symbol`:
///   int fn(const unsigned char* wlt, int wltLen, unsigned char* bmp, int* bmpLen);
/// returning 1 on success, with *bmpLen in = capacity, out = bytes written.
Expected<std::unique_ptr<PhotoDecoder>> loadVendorPhotoDecoder(const std::string& libraryPath,
                                                               const std::string& symbol = "onestop_wlt_to_bmp");

}  // namespace onestop::peripherals::idcard

#include <doctest/doctest.h>

#include <vector>

#include "idcard/photo_decoder.hpp"

using namespace onestop::peripherals;

TEST_CASE("a vendor WLT decoder is loaded with dlopen and called through the plug-in interface") {
  auto dec = idcard::loadVendorPhotoDecoder(ONESTOP_FAKE_WLT_DECODER);
  REQUIRE_MESSAGE(dec.ok(), (dec.ok() ? "" : dec.error().description));
  std::vector<std::uint8_t> wlt(1024, 0x11);
  wlt.back() = 0x22;
  auto bmp = dec.value()->decode(wlt);
  REQUIRE(bmp.ok());
  CHECK(bmp.value() == std::vector<std::uint8_t>{'B', 'M', 0x11, 0x22});
  wlt[0] = 0xFF;   // the fake refuses this one
  CHECK(dec.value()->decode(wlt).error().code == CompletionCode::InvalidData);
}

TEST_CASE("a missing vendor library or symbol is an error value") {
  auto missing = idcard::loadVendorPhotoDecoder("/nonexistent/libwlt.so");
  CHECK_FALSE(missing.ok());
  CHECK(missing.error().code == CompletionCode::DeviceNotReady);
  auto nosym = idcard::loadVendorPhotoDecoder(ONESTOP_FAKE_WLT_DECODER, "no_such_symbol");
  CHECK_FALSE(nosym.ok());
  CHECK(nosym.error().code == CompletionCode::UnsupportedCommand);
}

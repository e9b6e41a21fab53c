#include "scanner/zbar_stage.hpp"

#include <zbar.h>

namespace onestop::peripherals::scanner {

std::vector<DecodedCode> readQrWithZbar(const cv::Mat& gray, const char* stage) {
  std::vector<DecodedCode> out;
  if (gray.empty() || gray.type() != CV_8UC1) return out;
  const cv::Mat image = gray.isContinuous() ? gray : gray.clone();
  zbar::zbar_image_scanner_t* scanner = zbar::zbar_image_scanner_create();
  zbar::zbar_image_scanner_set_config(scanner, zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
  zbar::zbar_image_scanner_set_config(scanner, zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
  zbar::zbar_image_t* zimage = zbar::zbar_image_create();
  zbar::zbar_image_set_format(zimage, zbar_fourcc('Y', '8', '0', '0'));
  zbar::zbar_image_set_size(zimage, static_cast<unsigned>(image.cols), static_cast<unsigned>(image.rows));
  zbar::zbar_image_set_data(zimage, image.data, image.total(), nullptr);   // borrowed, not freed by zbar
  if (zbar::zbar_scan_image(scanner, zimage) > 0) {
    for (const zbar::zbar_symbol_t* s = zbar::zbar_image_first_symbol(zimage); s; s = zbar::zbar_symbol_next(s)) {
      if (zbar::zbar_symbol_get_type(s) != zbar::ZBAR_QRCODE) continue;
      std::string data(zbar::zbar_symbol_get_data(s), zbar::zbar_symbol_get_data_length(s));
      out.push_back({"QRCode", data, data, stage});
    }
  }
  zbar::zbar_image_destroy(zimage);
  zbar::zbar_image_scanner_destroy(scanner);
  return out;
}

}  // namespace onestop::peripherals::scanner

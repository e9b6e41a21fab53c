#include "app/png_writer.hpp"

#include <png.h>

#include <cstdio>
#include <filesystem>
#include <memory>

namespace onestop::app {

core::Result<bool> writePng(const std::string& path, const uint8_t* rgba, int width, int height, int pitch) {
  std::error_code ec;
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!f) return core::Error{"cannot write " + path};
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) {
    png_destroy_write_struct(&png, &info);
    return core::Error{"libpng could not start"};
  }
  if (setjmp(png_jmpbuf(png))) {   // libpng reports errors by longjmp
    png_destroy_write_struct(&png, &info);
    return core::Error{"libpng failed writing " + path};
  }
  png_init_io(png, f.get());
  png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
               PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level(png, 3);
  png_write_info(png, info);
  for (int y = 0; y < height; ++y)
    png_write_row(png, const_cast<png_bytep>(rgba + static_cast<ptrdiff_t>(y) * pitch));
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return true;
}

}  // namespace onestop::app

#include "printer/escpos/gb18030.hpp"

#include <iconv.h>

#include <cerrno>
#include <vector>

#include "core/utf8.hpp"

namespace onestop::peripherals::escpos {
namespace {

// One iconv conversion of a whole buffer; false on invalid or incomplete input.
bool convert(const char* to, const char* from, std::string_view in, std::string& out) {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  std::vector<char> buf(in.size() * 4 + 16);
  char* src = const_cast<char*>(in.data());   // iconv's interface is not const-correct
  std::size_t srcLeft = in.size();
  char* dst = buf.data();
  std::size_t dstLeft = buf.size();
  const std::size_t r = iconv(cd, &src, &srcLeft, &dst, &dstLeft);
  iconv_close(cd);
  if (r == static_cast<std::size_t>(-1) || srcLeft != 0) return false;
  out.assign(buf.data(), buf.size() - dstLeft);
  return true;
}

}  // namespace

core::Result<Gb18030Text> toGb18030(std::string_view utf8, bool twoByteOnly, std::string_view replacement) {
  if (!core::isValidUtf8(utf8)) return core::Error{"text is not valid UTF-8"};
  Gb18030Text out;
  if (!twoByteOnly) {
    if (!convert("GB18030", "UTF-8", utf8, out.bytes)) return core::Error{"iconv cannot convert to GB18030"};
    return out;
  }
  std::string rep;
  if (!convert("GB18030", "UTF-8", replacement, rep)) return core::Error{"replacement is not convertible"};
  // Character by character: only then is each one's encoded length known.
  std::string one;
  for (char32_t cp : core::decodeUtf8(utf8)) {
    std::string ch;
    core::appendUtf8(ch, cp);
    if (!convert("GB18030", "UTF-8", ch, one)) return core::Error{"iconv cannot convert to GB18030"};
    if (one.size() == 4) {
      out.bytes += rep;
      ++out.replaced;
    } else {
      out.bytes += one;
    }
  }
  return out;
}

core::Result<std::string> fromGb18030(std::string_view bytes) {
  std::string out;
  if (!convert("UTF-8", "GB18030", bytes, out)) return core::Error{"malformed GB18030 text"};
  return out;
}

}  // namespace onestop::peripherals::escpos

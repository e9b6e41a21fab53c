#include "printer/escpos/gb18030.hpp"

#include <iconv.h>

#include <cerrno>
#include <vector>

#include "core/utf8.hpp"

namespace onestop::peripherals::escpos {
namespace {

// One iconv descriptor for a whole conversion (opening one costs more than converting).
class Converter {
 public:
  Converter(const char* to, const char* from) : cd_(iconv_open(to, from)) {}
  ~Converter() {
    if (ok()) iconv_close(cd_);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }

  // Converts all of `in`; false on invalid or incomplete input.
  bool convert(std::string_view in, std::string& out) {
    buf_.resize(in.size() * 4 + 16);
    char* src = const_cast<char*>(in.data());   // iconv's interface is not const-correct
    std::size_t srcLeft = in.size();
    char* dst = buf_.data();
    std::size_t dstLeft = buf_.size();
    iconv(cd_, nullptr, nullptr, nullptr, nullptr);   // initial state
    const std::size_t r = iconv(cd_, &src, &srcLeft, &dst, &dstLeft);
    if (r == static_cast<std::size_t>(-1) || srcLeft != 0) return false;
    out.assign(buf_.data(), buf_.size() - dstLeft);
    return true;
  }

 private:
  iconv_t cd_;
  std::vector<char> buf_;
};

}  // namespace

core::Result<Gb18030Text> toGb18030(std::string_view utf8, bool twoByteOnly, std::string_view replacement) {
  if (!core::isValidUtf8(utf8)) return core::Error{"text is not valid UTF-8"};
  Converter gb("GB18030", "UTF-8");
  if (!gb.ok()) return core::Error{"iconv has no GB18030 converter"};
  Gb18030Text out;
  if (!twoByteOnly) {
    if (!gb.convert(utf8, out.bytes)) return core::Error{"iconv cannot convert to GB18030"};
    return out;
  }
  std::string rep;
  if (!gb.convert(replacement, rep)) return core::Error{"replacement is not convertible"};
  // Character by character: only then is each one's encoded length known.
  std::string ch, one;
  for (char32_t cp : core::decodeUtf8(utf8)) {
    if (cp < 0x80) {   // ASCII is itself in GB18030
      out.bytes += static_cast<char>(cp);
      continue;
    }
    ch.clear();
    core::appendUtf8(ch, cp);
    if (!gb.convert(ch, one)) return core::Error{"iconv cannot convert to GB18030"};
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
  Converter utf8("UTF-8", "GB18030");
  std::string out;
  if (!utf8.ok() || !utf8.convert(bytes, out)) return core::Error{"malformed GB18030 text"};
  return out;
}

}  // namespace onestop::peripherals::escpos

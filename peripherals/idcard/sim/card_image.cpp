#include "idcard/sim/card_image.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

namespace onestop::peripherals::idcard::sim {
namespace {

constexpr std::string_view kWltMarker = "ONESTOP-SIM-WLT1";

// "1985-03-14" → "19850314"; "long-term" → "长期".
std::optional<std::string> cardDate(const std::string& iso, bool allowLongTerm) {
  if (allowLongTerm && iso == "long-term") return std::string("长期");
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

class Writer {
 public:
  explicit Writer(TextBlock& block) : block_(block) {}
  bool put(std::size_t offset, std::size_t size, std::string_view utf8, std::string_view field) {
    auto enc = encodeUtf16leField(utf8, size);
    if (!enc) {
      error_ = fmt::format("field {} does not fit in {} bytes", field, size);
      return false;
    }
    std::memcpy(block_.data() + offset, enc->data(), size);
    return true;
  }
  bool date(std::size_t offset, const std::string& iso, std::string_view field, bool longTerm = false) {
    auto d = cardDate(iso, longTerm);
    if (!d) {
      error_ = fmt::format("field {} is not a date", field);
      return false;
    }
    return put(offset, 16, *d, field);
  }
  const std::string& error() const { return error_; }

 private:
  TextBlock& block_;
  std::string error_;
};

std::string twoDigits(int v) { return fmt::format("{:02d}", v); }

// The first `n` code points of UTF-8 text, and the rest.
std::pair<std::string, std::string> splitAt(const std::string& s, std::size_t n) {
  std::size_t pos = 0, count = 0;
  while (pos < s.size() && count < n) {
    const auto b = static_cast<unsigned char>(s[pos]);
    pos += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    ++count;
  }
  pos = std::min(pos, s.size());
  return {s.substr(0, pos), s.substr(pos)};
}

}  // namespace

Expected<TextBlock> encodeTextBlock(const DemoCard& c) {
  TextBlock block{};
  Writer w(block);
  // Start from an all-spaces block: unused and reserved fields read as padding.
  for (std::size_t i = 0; i < block.size(); i += 2) {
    block[i] = ' ';
    block[i + 1] = 0;
  }
  bool ok = true;
  const std::string gender = std::to_string(c.gender);
  if (c.type == "mainland" || c.type == "hmtPermit") {
    const bool hmt = c.type == "hmtPermit";
    ok = w.put(0, 30, c.name, "name") && w.put(30, 2, gender, "gender") &&
         (hmt || w.put(32, 4, twoDigits(c.ethnicity), "ethnicity")) && w.date(36, c.birthDate, "birthDate") &&
         w.put(52, 70, c.address, "address") && w.put(122, 36, c.idNumber, "idNumber") &&
         w.put(158, 30, c.issuingAuthority, "issuingAuthority") && w.date(188, c.validFrom, "validFrom") &&
         w.date(204, c.validTo, "validTo", true);
    if (ok && hmt) {
      ok = w.put(220, 18, c.passNumber, "passNumber") && w.put(238, 4, twoDigits(c.issueCount), "issueCount") &&
           w.put(kTypeFlagOffset, 2, "J", "type");
    }
  } else if (c.type == "foreign2017") {
    ok = w.put(0, 120, c.englishName, "englishName") && w.put(120, 2, gender, "gender") &&
         w.put(122, 30, c.idNumber, "cardNumber") && w.put(152, 6, c.nationality, "nationality") &&
         w.put(158, 30, c.name, "chineseName") && w.date(188, c.validFrom, "validFrom") &&
         w.date(204, c.validTo, "validTo", true) && w.date(220, c.birthDate, "birthDate") &&
         w.put(236, 4, "01", "cardVersion") && w.put(240, 8, c.issuingAuthority, "authorityCode") &&
         w.put(kTypeFlagOffset, 2, "I", "type");
  } else if (c.type == "foreign2023") {
    const auto [english1, english2] = splitAt(c.englishName, 35);
    ok = w.put(0, 30, c.name, "chineseName") && w.put(30, 2, gender, "gender") && w.put(32, 4, "00", "renewals") &&
         w.date(36, c.birthDate, "birthDate") && w.put(52, 70, english1, "englishName") &&
         w.put(122, 36, c.idNumber, "cardNumber") && w.date(188, c.validFrom, "validFrom") &&
         w.date(204, c.validTo, "validTo", true) && w.put(220, 22, english2, "englishName2") &&
         w.put(242, 6, c.nationality, "nationality") && w.put(kTypeFlagOffset, 2, "Y", "type");
  } else {
    return Completion{CompletionCode::InvalidData, -1, fmt::format("unknown card type {}", c.type)};
  }
  if (!ok) return Completion{CompletionCode::InvalidData, -1, w.error()};
  return block;
}

WltBlob dummyWlt(const DemoCard& card) {
  WltBlob blob{};
  std::memcpy(blob.data(), kWltMarker.data(), kWltMarker.size());
  // A deterministic per-card pattern, so two cards' blobs differ like real ones.
  std::uint32_t h = 2166136261u;
  for (char ch : card.idNumber) h = (h ^ static_cast<unsigned char>(ch)) * 16777619u;
  for (std::size_t i = kWltMarker.size(); i < blob.size(); ++i) {
    h = h * 1103515245u + 12345u;
    blob[i] = static_cast<std::uint8_t>(h >> 16);
  }
  return blob;
}

const std::vector<std::uint8_t>& placeholderPhotoBmp() {
  static const std::vector<std::uint8_t> bmp = [] {
    constexpr int kW = 102, kH = 126;
    constexpr int kRow = (kW * 3 + 3) / 4 * 4;
    constexpr int kPixels = kRow * kH;
    std::vector<std::uint8_t> out(54 + kPixels, 0);
    auto u16 = [&](std::size_t at, unsigned v) {
      out[at] = static_cast<std::uint8_t>(v & 0xFF);
      out[at + 1] = static_cast<std::uint8_t>((v >> 8) & 0xFF);
    };
    auto u32 = [&](std::size_t at, std::uint32_t v) {
      u16(at, v & 0xFFFF);
      u16(at + 2, v >> 16);
    };
    out[0] = 'B';
    out[1] = 'M';
    u32(2, static_cast<std::uint32_t>(out.size()));
    u32(10, 54);
    u32(14, 40);
    u32(18, kW);
    u32(22, kH);
    u16(26, 1);
    u16(28, 24);
    u32(34, kPixels);
    // Light blue-grey ID-photo background with a grey head-and-shoulders silhouette.
    for (int y = 0; y < kH; ++y) {
      const int top = kH - 1 - y;   // BMP rows run bottom-up
      for (int x = 0; x < kW; ++x) {
        const int dx = x - kW / 2, dyHead = top - 45;
        const bool head = dx * dx * 100 / (22 * 22) + dyHead * dyHead * 100 / (28 * 28) <= 100;
        const int dyBody = top - 126;
        const bool body = top > 75 && dx * dx * 100 / (48 * 48) + dyBody * dyBody * 100 / (50 * 50) <= 100;
        const std::uint8_t v = head || body ? 0x80 : 0xF0;
        const std::size_t at = 54 + static_cast<std::size_t>(y * kRow + x * 3);
        out[at] = head || body ? v : 0xF5;   // B
        out[at + 1] = v;                      // G
        out[at + 2] = head || body ? v : 0xE8; // R
      }
    }
    return out;
  }();
  return bmp;
}

namespace {

class SamplePhotoDecoder final : public PhotoDecoder {
 public:
  Expected<std::vector<std::uint8_t>> decode(std::span<const std::uint8_t> wlt) override {
    if (wlt.size() != kPhotoSize || !std::equal(kWltMarker.begin(), kWltMarker.end(), wlt.begin()))
      return Completion{CompletionCode::UnsupportedCommand, -1, "not a simulator photo; needs the vendor decoder"};
    return placeholderPhotoBmp();
  }
  std::string name() const override { return "simulator sample"; }
};

}  // namespace

std::unique_ptr<PhotoDecoder> makeSamplePhotoDecoder() { return std::make_unique<SamplePhotoDecoder>(); }

}  // namespace onestop::peripherals::idcard::sim

#include "printer/sim/escpos_interpreter.hpp"

#include <fmt/format.h>

#include "printer/escpos/gb18030.hpp"

namespace onestop::peripherals::printer::sim {
namespace {

constexpr std::uint8_t DLE = 0x10, EOT = 0x04, LF = 0x0A, CR = 0x0D, ESC = 0x1B, FS = 0x1C, GS = 0x1D;

}  // namespace

std::string PrintedReceipt::plainText() const {
  std::string out;
  for (const auto& e : elements) {
    if (const auto* l = std::get_if<PrintedLine>(&e)) {
      for (const auto& r : l->runs) out += r.text;
      out += '\n';
    } else {
      out += "[QR " + std::get<PrintedQr>(e).data + "]\n";
    }
  }
  return out;
}

void EscPosInterpreter::feed(std::span<const std::uint8_t> bytes) {
  buf_.insert(buf_.end(), bytes.begin(), bytes.end());
  received_ += bytes.size();
  std::size_t before = buf_.size();
  while (!buf_.empty() && step()) {
    consumed_ += before - buf_.size();
    before = buf_.size();
  }
}

std::vector<PrintedReceipt> EscPosInterpreter::takeReceipts() { return std::exchange(done_, {}); }

void EscPosInterpreter::finding(std::string what) {
  if (findings_.size() < 100) findings_.push_back(fmt::format("{} at byte {}", what, consumed_));
}

void EscPosInterpreter::reset() {
  chinese_ = false;
  alignment_ = escpos::Alignment::Left;
  width_ = height_ = 1;
  bold_ = false;
}

// Text collected in the current run is converted when the print mode changes or the line ends.
void EscPosInterpreter::addText(std::string utf8) {
  if (utf8.empty()) return;
  if (!lineStarted_) {
    line_.alignment = alignment_;
    lineStarted_ = true;
  }
  auto& runs = line_.runs;
  if (!runs.empty() && runs.back().width == width_ && runs.back().height == height_ && runs.back().bold == bold_) {
    runs.back().text += utf8;
  } else {
    runs.push_back({std::move(utf8), width_, height_, bold_});
  }
  line_.height = std::max(line_.height, height_);
}

void EscPosInterpreter::endLine() {
  if (!lineStarted_) line_.alignment = alignment_;
  current_.elements.emplace_back(std::move(line_));
  line_ = {};
  lineStarted_ = false;
}

bool EscPosInterpreter::step() {
  const auto need = [&](std::size_t n) { return buf_.size() >= n; };
  const auto drop = [&](std::size_t n) { buf_.erase(buf_.begin(), buf_.begin() + static_cast<std::ptrdiff_t>(n)); };
  // Flushes collected text bytes before a command changes the mode.
  const auto flushText = [&] {
    if (textBytes_.empty()) return;
    const std::string raw(textBytes_.begin(), textBytes_.end());
    textBytes_.clear();
    if (!chinese_) {
      addText(raw);   // single-byte mode: OneStop sends only ASCII there
      return;
    }
    auto utf8 = escpos::fromGb18030(raw);
    if (!utf8) {
      finding("malformed GB18030 text");
      addText("?");
      return;
    }
    addText(std::move(utf8.value()));
  };

  const std::uint8_t b = buf_[0];
  if (b >= 0x20 && b != 0x7F) {
    // Text. In Chinese mode a lead byte takes one more byte, or three for a four-byte form.
    std::size_t n = 1;
    if (chinese_ && b >= 0x81 && b <= 0xFE) {
      if (!need(2)) return false;
      n = (buf_[1] >= 0x30 && buf_[1] <= 0x39) ? 4 : 2;
      if (!need(n)) return false;
    }
    textBytes_.insert(textBytes_.end(), buf_.begin(), buf_.begin() + static_cast<std::ptrdiff_t>(n));
    drop(n);
    return true;
  }
  flushText();
  switch (b) {
    case LF: endLine(); drop(1); return true;
    case CR: drop(1); return true;
    case DLE:
      if (!need(3)) return false;
      if (buf_[1] == EOT && buf_[2] >= 1 && buf_[2] <= 4) {
        if (onStatusQuery_) onStatusQuery_(static_cast<escpos::StatusRequest>(buf_[2]));
      } else {
        finding(fmt::format("unknown DLE {:#04x} {:#04x}", buf_[1], buf_[2]));
      }
      drop(3);
      return true;
    case ESC: {
      if (!need(2)) return false;
      const std::uint8_t c = buf_[1];
      if (c == '@') {
        reset();
        drop(2);
        return true;
      }
      if (c == 'a' || c == 'E' || c == 'd' || c == 't') {
        if (!need(3)) return false;
        const std::uint8_t n = buf_[2];
        if (c == 'a') {
          if (n <= 2 || (n >= '0' && n <= '2')) alignment_ = static_cast<escpos::Alignment>(n % 48);
          else finding(fmt::format("ESC a with {}", n));
        } else if (c == 'E') {
          bold_ = n & 1;
        } else if (c == 'd') {   // print what is buffered, then feed: n lines in all
          int lines = n;
          if (lineStarted_) {
            endLine();
            --lines;
          }
          for (int i = 0; i < lines; ++i) endLine();
        }
        drop(3);
        return true;
      }
      finding(fmt::format("unknown ESC {:#04x}", c));
      drop(2);
      return true;
    }
    case FS:
      if (!need(2)) return false;
      if (buf_[1] == '&') chinese_ = true;
      else if (buf_[1] == '.') chinese_ = false;
      else finding(fmt::format("unknown FS {:#04x}", buf_[1]));
      drop(2);
      return true;
    case GS: {
      if (!need(2)) return false;
      const std::uint8_t c = buf_[1];
      if (c == '!') {
        if (!need(3)) return false;
        width_ = ((buf_[2] >> 4) & 7) + 1;
        height_ = (buf_[2] & 7) + 1;
        drop(3);
        return true;
      }
      if (c == 'V') {
        if (!need(3)) return false;
        const std::uint8_t m = buf_[2];
        const bool withFeed = m == 'A' || m == 'B';
        if (withFeed && !need(4)) return false;
        if (lineStarted_) endLine();   // GS V A n feeds n motion units (dots) more: not a line
        current_.cut = true;
        done_.push_back(std::move(current_));
        current_ = {};
        drop(withFeed ? 4 : 3);
        return true;
      }
      if (c == '(') {
        if (!need(5)) return false;
        if (buf_[2] != 'k') {
          finding(fmt::format("unknown GS ( {:#04x}", buf_[2]));
          drop(2);
          return true;
        }
        const std::size_t len = buf_[3] | (buf_[4] << 8);
        if (!need(5 + len)) return false;
        const std::uint8_t* p = buf_.data() + 5;
        if (len < 2 || p[0] != '1') {
          finding("GS ( k: not a QR code function");
        } else if (p[1] == 'A') {
          // model: 2 is what we send; nothing to keep
        } else if (p[1] == 'C' && len == 3) {
          qrModule_ = std::clamp<int>(p[2], 1, 16);
        } else if (p[1] == 'E' && len == 3) {
          qrEcc_ = static_cast<escpos::QrErrorCorrection>(std::clamp<int>(p[2], 0x30, 0x33));
        } else if (p[1] == 'P' && len >= 3) {
          qrData_.assign(reinterpret_cast<const char*>(p + 3), len - 3);
        } else if (p[1] == 'Q') {
          if (lineStarted_) endLine();
          current_.elements.emplace_back(PrintedQr{qrData_, qrModule_, qrEcc_, alignment_});
        } else {
          finding(fmt::format("GS ( k: unknown function {:#04x}", p[1]));
        }
        drop(5 + len);
        return true;
      }
      finding(fmt::format("unknown GS {:#04x}", c));
      drop(2);
      return true;
    }
    default:
      finding(fmt::format("unexpected control byte {:#04x}", b));
      drop(1);
      return true;
  }
}

}  // namespace onestop::peripherals::printer::sim

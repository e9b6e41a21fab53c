#include "idcard/card_session.hpp"

#include <array>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "core/identity_check.hpp"
#include "core/secure_wipe.hpp"
#include "idcard/text_block.hpp"

namespace onestop::peripherals::idcard {

Completion sw3Completion(std::string_view step, std::uint8_t code) {
  CompletionCode cc = CompletionCode::HardwareError;
  switch (code) {
    case sw3::kNoCard:
    case sw3::kSelectFailed:
    case sw3::kReadFailed:
      cc = CompletionCode::UserError;   // the card moved or is not there
      break;
    case sw3::kUnknownCardType:
      cc = CompletionCode::InvalidData;
      break;
    case sw3::kChecksumError:
    case sw3::kLengthError:
    case sw3::kCommandError:
      cc = CompletionCode::InternalError;   // the reader rejected our frame
      break;
    default:
      break;
  }
  return {cc, code, fmt::format("{}: SW3 0x{:02X} ({})", step, code, sw3Name(code))};
}

CardSession::CardSession(Transport& transport, SessionOptions options, PhotoDecoder* photoDecoder)
    : channel_(transport), options_(options), photoDecoder_(photoDecoder) {}

Completion CardSession::samStatus(std::chrono::milliseconds timeout) {
  auto r = channel_.transact(kSamStatus, {}, timeout);
  if (!r) return r.error();
  if (r->sw3 != sw3::kSuccess) {
    auto c = sw3Completion("SAM status", r->sw3);
    c.code = CompletionCode::HardwareError;   // any SAM answer but 0x90 means it cannot work
    return c;
  }
  return Completion::success();
}

Completion CardSession::probe() {
  Transport& t = channel_.transport();
  Completion last;
  for (int rate : t.probeRates()) {
    if (auto c = t.setRate(rate); !c.ok()) {
      last = c;
      continue;
    }
    last = samStatus(options_.timings.probe);
    // Any well-formed answer (even a SAM error) proves the rate is right.
    if (last.ok() || last.vendorCode >= 0) {
      spdlog::info("idcard: reader answers at {} baud", rate);
      return last;
    }
  }
  return last;
}

Completion CardSession::connect() {
  Transport& t = channel_.transport();
  t.clearInterrupt();
  if (auto c = t.open(); !c.ok()) return c;
  Completion c = samStatus(options_.timings.command);
  if (!c.ok() && c.vendorCode < 0 && options_.probeBaud && !t.probeRates().empty()) c = probe();
  if (!c.ok()) return c;
  if (options_.setRfFrameSize) {
    const std::array<std::uint8_t, 1> maxBytes{0x50};
    auto r = channel_.transact(kSetMaxRfBytes, maxBytes, options_.timings.command);
    if (!r || r->sw3 != sw3::kSuccess) spdlog::debug("idcard: 61 FF 50 not accepted; continuing");
  }
  return Completion::success();
}

Completion CardSession::resetSam() {
  auto r = channel_.transact(kResetSam, {}, options_.timings.command);
  if (!r) return r.error();
  if (r->sw3 != sw3::kSuccess) return sw3Completion("reset SAM", r->sw3);
  return samStatus(options_.timings.command);
}

Expected<CardPresence> CardSession::findCard() {
  auto r = channel_.transact(kFindCard, {}, options_.timings.command);
  if (!r) return r.error();
  if (r->sw3 == sw3::kFindOk) return CardPresence::Present;
  if (r->sw3 == sw3::kNoCard) return CardPresence::Absent;
  return sw3Completion("find card", r->sw3);
}

Expected<Bytes> CardSession::readBaseInfo() {
  auto sel = channel_.transact(kSelectCard, {}, options_.timings.command);
  if (!sel) return sel.error();
  if (sel->sw3 != sw3::kSuccess) return sw3Completion("select card", sel->sw3);
  auto r = channel_.transact(kReadBaseInfo, {}, options_.timings.readInfo);
  if (!r) return r.error();
  if (r->sw3 != sw3::kSuccess) return sw3Completion("read base info", r->sw3);
  const Bytes& d = r->data;
  if (d.size() < 4) return Completion{CompletionCode::InvalidData, -1, "read base info: response too short"};
  const std::size_t textLen = (static_cast<std::size_t>(d[0]) << 8) | d[1];
  const std::size_t photoLen = (static_cast<std::size_t>(d[2]) << 8) | d[3];
  if (textLen != kTextBlockSize || (photoLen != kPhotoSize && photoLen != 0) || d.size() != 4 + textLen + photoLen) {
    return Completion{CompletionCode::InvalidData, -1,
                      fmt::format("read base info: text {} / photo {} bytes in {} data bytes", textLen, photoLen,
                                  d.size())};
  }
  return std::move(r->data);
}

CardRead CardSession::readCard(std::chrono::year_month_day today) {
  CardRead out;
  Bytes first;
  // The raw frames hold personal data: zero them whichever way we leave.
  struct Scrub {
    Bytes& bytes;
    ~Scrub() { core::secureWipe(bytes); }
  } scrub{first};
  struct ScrubChannel {
    Channel& channel;
    ~ScrubChannel() { channel.scrub(); }
  } scrubChannel{channel_};
  for (int i = 0; i < std::max(1, options_.readsToAgree); ++i) {
    auto data = readBaseInfo();
    if (!data) {
      out.outcome = CardReadOutcome::Unreadable;
      out.completion = data.error();
      return out;
    }
    if (i == 0) {
      first = std::move(data.value());
    } else if (Scrub again{data.value()}; data.value() != first) {
      out.outcome = CardReadOutcome::Unreadable;
      out.completion = {CompletionCode::InvalidData, -1, "two reads of the card differ"};
      return out;
    }
  }

  const auto text = std::span(first).subspan(4).first<kTextBlockSize>();
  TextBlockResult decoded = decodeTextBlock(text);
  if (decoded.error != TextBlockError::None) {
    out.outcome = decoded.error == TextBlockError::UnknownCardType ? CardReadOutcome::Unsupported
                                                                   : CardReadOutcome::Unreadable;
    out.completion = {CompletionCode::InvalidData, -1,
                      fmt::format("text block: {} in field {}", nameOf(decoded.error), decoded.field)};
    return out;
  }
  core::Identity& id = decoded.identity;

  out.check = core::checkIdentity(id, today);
  switch (out.check.outcome) {
    case core::IdentityCheck::Ok:
      break;
    case core::IdentityCheck::Expired:
      out.outcome = CardReadOutcome::Expired;
      out.expiredOn = id.validTo;
      break;
    case core::IdentityCheck::NotYetValid:
      out.outcome = CardReadOutcome::NotYetValid;
      break;
    default:
      out.outcome = CardReadOutcome::CheckFailed;
      break;
  }
  if (!out.check.ok()) {
    spdlog::info("idcard: card refused: {}", core::identityCheckKey(out.check));
    out.completion = {CompletionCode::InvalidData, -1, std::string(core::identityCheckKey(out.check))};
    return out;   // `decoded` (and the identity in it) is wiped on destruction
  }

  const std::size_t photoLen = first.size() - 4 - kTextBlockSize;
  if (photoDecoder_ && photoLen == kPhotoSize) {
    auto bmp = photoDecoder_->decode(std::span(first).subspan(4 + kTextBlockSize));
    if (bmp) id.photo = std::move(bmp.value());
    else spdlog::warn("idcard: photo not decoded: {}", bmp.error().description);
  }
  out.outcome = CardReadOutcome::Ok;
  out.identity = std::move(id);
  return out;
}

}  // namespace onestop::peripherals::idcard

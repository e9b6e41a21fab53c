#include "device/device.hpp"

namespace onestop::peripherals {

std::string_view nameOf(DeviceState state) {
  switch (state) {
    case DeviceState::Online: return "online";
    case DeviceState::Offline: return "offline";
    case DeviceState::PowerOff: return "powerOff";
    case DeviceState::NoDevice: return "noDevice";
    case DeviceState::HardwareError: return "hardwareError";
    case DeviceState::UserError: return "userError";
    case DeviceState::Busy: return "deviceBusy";
  }
  return "noDevice";
}

std::string_view nameOf(DeviceClass deviceClass) {
  switch (deviceClass) {
    case DeviceClass::CardReader: return "CardReader";
    case DeviceClass::Printer: return "Printer";
    case DeviceClass::Scanner: return "BarcodeReader";
  }
  return "CardReader";
}

std::string_view nameOf(CompletionCode code) {
  switch (code) {
    case CompletionCode::Success: return "success";
    case CompletionCode::Canceled: return "canceled";
    case CompletionCode::TimeOut: return "timeOut";
    case CompletionCode::HardwareError: return "hardwareError";
    case CompletionCode::DeviceNotReady: return "deviceNotReady";
    case CompletionCode::InvalidData: return "invalidData";
    case CompletionCode::UserError: return "userError";
    case CompletionCode::UnsupportedCommand: return "unsupportedCommand";
    case CompletionCode::InternalError: return "internalError";
    case CompletionCode::SequenceError: return "sequenceError";
  }
  return "internalError";
}

std::string_view nameOf(CardReadOutcome outcome) {
  switch (outcome) {
    case CardReadOutcome::Ok: return "ok";
    case CardReadOutcome::Expired: return "expired";
    case CardReadOutcome::NotYetValid: return "notYetValid";
    case CardReadOutcome::CheckFailed: return "checkFailed";
    case CardReadOutcome::Unreadable: return "unreadable";
    case CardReadOutcome::Unsupported: return "unsupported";
  }
  return "unreadable";
}

std::string_view CardRead::reasonKey() const {
  switch (outcome) {
    case CardReadOutcome::Ok: return "card_read.ok";
    case CardReadOutcome::Expired:
    case CardReadOutcome::NotYetValid:
    case CardReadOutcome::CheckFailed: return core::identityCheckKey(check);
    case CardReadOutcome::Unreadable: return "card_read.unreadable";
    case CardReadOutcome::Unsupported: return "card_read.unsupported";
  }
  return "card_read.unreadable";
}

}  // namespace onestop::peripherals

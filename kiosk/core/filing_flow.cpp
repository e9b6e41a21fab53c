#include "core/filing_flow.hpp"

#include <algorithm>
#include <charconv>

#include "core/i18n_key.hpp"
#include "core/secure_wipe.hpp"
#include "core/text_edit.hpp"
#include "core/utf8.hpp"

namespace onestop::core {
namespace {

void wipeString(std::string& s) {
  secureWipe(s);
  s.clear();
}

}  // namespace

FilingFlow::~FilingFlow() { wipe(); }

void FilingFlow::wipe() {
  wipeString(value);
  wipeString(bank);
  wipeString(startMonth);
  wipeString(street);
  for (auto& r : region) {
    wipeString(r.code);
    wipeString(r.name);
  }
  region.clear();
  regionComplete = false;
  baseFen = 0;
  wipeString(current.oldValueMasked);
}

FilingFlow FilingFlow::start(std::string service) {
  FilingFlow f;
  f.service = std::move(service);
  if (filingSteps(f.service).empty()) f.phase = FilingPhase::Confirming;   // nothing to enter
  return f;
}

bool FilingFlow::hasStep() const { return step < filingSteps(service).size(); }

FilingStep FilingFlow::currentStep() const {
  const auto steps = filingSteps(service);
  return step < steps.size() ? steps[step] : FilingStep::Phone;
}

void FilingFlow::key(char k) {
  if (phase != FilingPhase::Entering || !hasStep()) return;
  const FilingStep s = currentStep();
  if (s != FilingStep::Phone && s != FilingStep::Account) return;
  const std::size_t max = s == FilingStep::Phone ? kPhoneDigits : kMaxAccountDigits;
  entryProblemKey.clear();
  if (k == '<') {
    if (!value.empty()) value.pop_back();
  } else if (k == 'C') {
    wipeString(value);
  } else if (k >= '0' && k <= '9' && value.size() < max) {
    value.push_back(k);
  }
}

void FilingFlow::choose(std::string_view v) {
  if (phase != FilingPhase::Entering || !hasStep()) return;
  switch (currentStep()) {
    case FilingStep::Bank:
      if (!findBank(v)) return;
      bank = std::string(v);
      break;
    case FilingStep::StartMonth:
      if (!isMonthText(v)) return;
      startMonth = std::string(v);
      break;
    case FilingStep::Base: {
      std::int64_t fen = 0;
      const auto r = std::from_chars(v.data(), v.data() + v.size(), fen);
      if (r.ec != std::errc{} || r.ptr != v.data() + v.size() || !isOfferedBase(fen)) return;
      baseFen = fen;
      break;
    }
    default: return;
  }
  entryProblemKey.clear();
  next();   // one choice, one screen: on to the next
}

void FilingFlow::pickRegion(RegionPick pick, bool leaf) {
  if (phase != FilingPhase::Entering || !hasStep() || currentStep() != FilingStep::Region || regionComplete) return;
  if (pick.code.empty() || pick.name.empty() || region.size() >= kMaxRegionLevels) return;
  region.push_back(std::move(pick));
  entryProblemKey.clear();
  if (leaf || region.size() == kMaxRegionLevels) {
    regionComplete = true;
    next();
  }
}

void FilingFlow::text(std::string_view committed, int deleteLast) {
  if (phase != FilingPhase::Entering || !hasStep() || currentStep() != FilingStep::Street) return;
  applyTyping(street, committed, deleteLast, kMaxStreetChars);
  entryProblemKey.clear();
}

void FilingFlow::profileLoaded(const ProfileView& profile) {
  current.state = CurrentRecord::State::Known;
  if (service == "change_phone") current.oldValueMasked = profile.phoneMasked;
  else if (service == "change_address") current.oldValueMasked = profile.addressMasked;
  else if (service == "change_bank_account") current.oldValueMasked = profile.bankAccountMasked;
  current.cardLost = profile.cardLost;
  for (const auto& [pendingService, number] : profile.pending)
    if (pendingService == service) current.pendingNumber = number;   // the latest, if several
}

FilingFlow::Next FilingFlow::next() {
  // A card already reported lost cannot be reported again (the server would refuse it).
  if (phase == FilingPhase::Confirming && service == "report_card_loss" && current.cardLost) {
    entryProblemKey = "filing.card_loss.already_lost"_k;
    return Next::Stay;
  }
  if (phase == FilingPhase::Confirming) {
    phase = FilingPhase::Submitting;
    return Next::Submit;
  }
  if (phase != FilingPhase::Entering || !hasStep()) return Next::Stay;
  std::string_view problem;
  switch (currentStep()) {
    case FilingStep::Phone:
      if (!isWellFormedPhone(value)) problem = "filing.phone.invalid"_k;
      break;
    case FilingStep::Bank:
      if (!findBank(bank)) problem = "filing.bank.prompt"_k;
      break;
    case FilingStep::Account:
      switch (checkAccountNumber(value)) {
        case AccountCheck::Ok: break;
        case AccountCheck::Incomplete: problem = "filing.account.too_short"_k; break;
        case AccountCheck::CheckDigitWrong: problem = "filing.account.check_failed"_k; break;
      }
      break;
    case FilingStep::StartMonth:
      if (!isMonthText(startMonth)) problem = "filing.flex.month_prompt"_k;
      break;
    case FilingStep::Base:
      if (!isOfferedBase(baseFen)) problem = "filing.flex.base_prompt"_k;
      break;
    case FilingStep::Region:
      if (!regionComplete) problem = "filing.address.region_prompt"_k;
      break;
    case FilingStep::Street:
      if (visibleChars(street) < kMinStreetChars) problem = "filing.address.street_short"_k;
      break;
  }
  if (!problem.empty()) {
    entryProblemKey = std::string(problem);
    return Next::Stay;
  }
  entryProblemKey.clear();
  if (++step >= filingSteps(service).size()) {
    step = filingSteps(service).size() - 1;
    phase = FilingPhase::Confirming;
  }
  return Next::Moved;
}

bool FilingFlow::back() {
  entryProblemKey.clear();
  if (phase == FilingPhase::Confirming) {
    if (filingSteps(service).empty()) return false;
    phase = FilingPhase::Entering;   // correct the last step
    if (currentStep() == FilingStep::Region) back();
    return true;
  }
  if (phase != FilingPhase::Entering || !hasStep()) return false;
  if (currentStep() == FilingStep::Region && !region.empty()) {   // a level up
    wipeString(region.back().code);
    wipeString(region.back().name);
    region.pop_back();
    regionComplete = false;
    return true;
  }
  if (step == 0) return false;
  --step;
  if (currentStep() == FilingStep::Region) back();   // from the street: the last level again
  return true;
}

std::string FilingFlow::address() const {
  std::string out;
  for (const auto& r : region) out += r.name;
  return out + street;
}

std::vector<FilingDetail> FilingFlow::details() const {
  std::vector<FilingDetail> out;
  if (service == "change_phone") {
    out.push_back({"phone", value});
  } else if (service == "change_bank_account") {
    const Bank* b = findBank(bank);
    out.push_back({"bankName", b ? std::string(b->officialName) : std::string()});
    out.push_back({"accountNumber", value});
  } else if (service == "flexible_employment") {
    out.push_back({"startMonth", startMonth});
    out.push_back({"baseFen", {}, baseFen, true});
  } else if (service == "change_address") {
    std::string regionNames;
    for (const auto& r : region) regionNames += r.name;
    const std::size_t regionChars = decodeUtf8(regionNames).size();
    secureWipe(regionNames);
    out.push_back({"address", address(), 0, false, regionChars});
  }
  return out;
}

std::string_view FilingFlow::promptKey() const {
  switch (phase) {
    case FilingPhase::Entering:
      switch (currentStep()) {
        case FilingStep::Phone: return "filing.phone.prompt"_k;
        case FilingStep::Bank: return "filing.bank.prompt"_k;
        case FilingStep::Account: return "filing.account.prompt"_k;
        case FilingStep::StartMonth: return "filing.flex.month_prompt"_k;
        case FilingStep::Base: return "filing.flex.base_prompt"_k;
        case FilingStep::Region: return "filing.address.region_prompt"_k;
        case FilingStep::Street: return "filing.address.street_prompt"_k;
      }
      return "filing.phone.prompt"_k;
    case FilingPhase::Confirming:
      if (service != "report_card_loss") return "filing.confirm"_k;
      return current.cardLost ? "filing.card_loss.already_lost"_k : "filing.card_loss.confirm"_k;
    case FilingPhase::Submitting: return "filing.submitting"_k;
    case FilingPhase::Accepted: return "filing.accepted"_k;
    case FilingPhase::Provisional: return "filing.provisional"_k;
    case FilingPhase::Failed: return "filing.failed"_k;
  }
  return "filing.phone.prompt"_k;
}

}  // namespace onestop::core

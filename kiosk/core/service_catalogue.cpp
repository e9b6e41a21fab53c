#include "core/service_catalogue.hpp"
#include "core/i18n_key.hpp"

#include <algorithm>
#include <set>

namespace onestop::core {
namespace {

// Time limits follow common hall practice: queries and certificates on the spot, data
// changes reviewed by the back office within a few working days, registrations longer.
const std::vector<Service>& catalogue() {
  static const std::vector<Service> services = {
      // Queries: completed at the kiosk.
      {"query_participation", ServiceGroup::Query, Handling::Kiosk, true, 0, 0,
       {"id_card_or_essc"}, "gbt27768"},
      {"query_contributions", ServiceGroup::Query, Handling::Kiosk, true, 0, 0,
       {"id_card_or_essc"}, "gbt27768"},
      {"query_personal_account", ServiceGroup::Query, Handling::Kiosk, true, 0, 0,
       {"id_card_or_essc"}, "gbt27768"},
      {"query_benefits", ServiceGroup::Query, Handling::Kiosk, true, 0, 0,
       {"id_card_or_essc"}, "gbt27768"},
      {"query_progress", ServiceGroup::Query, Handling::Kiosk, false, 0, 0,
       {"acceptance_number_or_receipt"}, "gbt27768"},
      // Certificates: printed at the kiosk, signed by the central server.
      {"cert_participation", ServiceGroup::Certificate, Handling::Kiosk, true, 0, 0,
       {"id_card_or_essc"}, "social_insurance_law"},
      {"cert_rights_record", ServiceGroup::Certificate, Handling::Kiosk, true, 0, 0,
       {"id_card_or_essc"}, "social_insurance_law"},
      {"cert_benefit", ServiceGroup::Certificate, Handling::Kiosk, true, 0, 0,
       {"id_card_or_essc"}, "social_insurance_law"},
      {"cert_verify", ServiceGroup::Certificate, Handling::Kiosk, false, 0, 0,
       {"printed_certificate"}, "gbt27768"},
      // Filings: accepted at the kiosk, reviewed by the back office.
      {"change_phone", ServiceGroup::Filing, Handling::KioskBackOffice, true, 1, 0,
       {"id_card_or_essc", "new_phone"}, "registration_rules"},
      {"change_address", ServiceGroup::Filing, Handling::KioskBackOffice, true, 1, 0,
       {"id_card_or_essc", "new_address"}, "registration_rules"},
      {"change_bank_account", ServiceGroup::Filing, Handling::KioskBackOffice, true, 5, 0,
       {"id_card", "own_bank_card"}, "benefit_rules"},
      {"report_card_loss", ServiceGroup::Filing, Handling::Kiosk, true, 0, 0,
       {"id_card"}, "card_rules"},
      {"flexible_employment", ServiceGroup::Filing, Handling::KioskBackOffice, true, 5, 0,
       {"id_card", "residence_proof", "bank_card_for_debit"}, "flexible_employment_rules"},
      // Counter services: the kiosk explains them and issues a queue ticket.
      {"retirement_claim", ServiceGroup::Counter, Handling::Counter, false, 20, 0,
       {"id_card", "household_register", "personnel_file", "bank_card", "photo"},
       "pension_rules"},
      {"transfer_relationship", ServiceGroup::Counter, Handling::Counter, false, 15, 0,
       {"id_card", "transfer_certificate_from_old_place"}, "transfer_rules"},
      {"unemployment_claim", ServiceGroup::Counter, Handling::Counter, false, 10, 0,
       {"id_card", "termination_proof", "bank_card"}, "unemployment_rules"},
  };
  return services;
}

}  // namespace

std::string materialKey(std::string_view materialId) { return "material." + std::string(materialId); }
std::string basisKey(std::string_view basisId) { return "basis." + std::string(basisId); }

std::string_view groupKey(ServiceGroup group) {
  switch (group) {
    case ServiceGroup::Query: return "group.query"_k;
    case ServiceGroup::Certificate: return "group.certificate"_k;
    case ServiceGroup::Filing: return "group.filing"_k;
    case ServiceGroup::Counter: return "group.counter"_k;
  }
  return "group.query"_k;
}

std::string_view handlingKey(Handling handling) {
  switch (handling) {
    case Handling::Kiosk: return "handling.kiosk"_k;
    case Handling::KioskBackOffice: return "handling.kiosk_back_office"_k;
    case Handling::Counter: return "handling.counter"_k;
  }
  return "handling.kiosk"_k;
}

std::span<const Service> serviceCatalogue() { return catalogue(); }

const Service* findService(std::string_view id) {
  const auto& all = catalogue();
  auto it = std::find_if(all.begin(), all.end(), [&](const Service& s) { return s.id == id; });
  return it == all.end() ? nullptr : &*it;
}

std::vector<const Service*> servicesInGroup(ServiceGroup group) {
  std::vector<const Service*> out;
  for (const auto& s : catalogue())
    if (s.group == group) out.push_back(&s);
  return out;
}

std::vector<std::string> catalogueI18nKeys() {
  std::set<std::string> keys;
  for (const auto& s : catalogue()) {
    keys.insert(s.nameKey());
    keys.insert(s.summaryKey());
    keys.insert(basisKey(s.legalBasis));
    keys.insert(std::string(groupKey(s.group)));
    keys.insert(std::string(handlingKey(s.handling)));
    for (auto m : s.materials) keys.insert(materialKey(m));
  }
  return {keys.begin(), keys.end()};
}

}  // namespace onestop::core

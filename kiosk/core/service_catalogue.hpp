#pragma once
// The service catalogue: every service the hall offers through the kiosk or its counters,
// with what the one-time notification (一次性告知) must tell up front. Pure data; every
// piece of citizen-visible text is an i18n key, so the catalogue is language-neutral.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace onestop::core {

/// The groups on the home screen.
enum class ServiceGroup { Query, Certificate, Filing, Counter };

/// Where a service is completed.
enum class Handling {
  Kiosk,             ///< completed at the kiosk on the spot
  KioskBackOffice,   ///< accepted at the kiosk, approved by the back office
  Counter            ///< needs a staff counter (the kiosk issues a queue ticket)
};

struct Service {
  std::string_view id;                        ///< stable, e.g. "change_phone"
  ServiceGroup group;
  Handling handling;
  bool needsIdentity;                         ///< must the citizen identify first
  int timeLimitWorkingDays;                   ///< 0 = completed on the spot
  int feeFen;                                 ///< fee in fen; 0 = free
  std::vector<std::string_view> materials;    ///< ids; text under "material.<id>"
  std::string_view legalBasis;                ///< id; text under "basis.<id>"

  // i18n keys derived from the id.
  std::string nameKey() const { return "service." + std::string(id) + ".name"; }
  std::string summaryKey() const { return "service." + std::string(id) + ".summary"; }
};

std::string materialKey(std::string_view materialId);
std::string basisKey(std::string_view basisId);
std::string_view groupKey(ServiceGroup group);     ///< e.g. "group.query"
std::string_view handlingKey(Handling handling);   ///< e.g. "handling.kiosk"

/// The hall's catalogue, in display order.
std::span<const Service> serviceCatalogue();
const Service* findService(std::string_view id);
std::vector<const Service*> servicesInGroup(ServiceGroup group);

/// Every i18n key the catalogue refers to (for the catalog completeness test).
std::vector<std::string> catalogueI18nKeys();

}  // namespace onestop::core

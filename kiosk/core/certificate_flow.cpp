#include "core/certificate_flow.hpp"

namespace onestop::core {

std::optional<std::string_view> certificateTypeOfService(std::string_view serviceId) {
  if (serviceId == "cert_participation") return "participation";
  if (serviceId == "cert_rights_record") return "rights_record";
  if (serviceId == "cert_benefit") return "benefit";
  return std::nullopt;
}

}  // namespace onestop::core

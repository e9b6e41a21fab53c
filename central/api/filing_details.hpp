#pragma once
// What each kiosk filing must carry, checked strictly before anything is written.
#include <optional>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "api/problem.hpp"

namespace onestop::central::api {

/// The services a kiosk may file (the catalogue's Filing group).
bool isFileableService(std::string_view service);

/// Validates `details` for `service`; returns the normalised details to store.
std::variant<nlohmann::json, Problem> validateFilingDetails(std::string_view service, const nlohmann::json& details,
                                                            std::string_view currentMonth);

}  // namespace onestop::central::api

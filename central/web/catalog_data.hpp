#pragma once
// The JSON catalogs of central/web/i18n, embedded at build time (catalog_data.cpp.in).
#include <string_view>

namespace onestop::central::web {

extern const std::string_view kZhCnCatalogJson;
extern const std::string_view kEnCatalogJson;

}  // namespace onestop::central::web

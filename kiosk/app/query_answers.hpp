#pragma once
// The query endpoints of the central API for each QueryKind, and their answers turned into
// the session's rows (kiosk/core knows nothing of the API's types).
#include <optional>
#include <string>

#include "core/query_flow.hpp"
#include "sync/api_client.hpp"

namespace onestop::app {

sync::HttpRequest queryRequest(core::QueryKind kind, const std::string& sessionToken, std::optional<int> year);
sync::api::Answer<core::QueryAnswer> queryAnswer(core::QueryKind kind, const sync::HttpResult& result);

}  // namespace onestop::app

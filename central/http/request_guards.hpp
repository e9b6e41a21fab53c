#pragma once
// Checks every request passes before httplib routes it (and before it reads the body), plus
// a safe answer for handlers that throw. They close gaps in cpp-httplib 0.11, whose
// payload_max_length bounds only a body sent with Content-Length as it arrives on the wire.
#include <optional>
#include <string>

#include "http/httplib.hpp"

namespace onestop::central::http {

struct Refusal {
  int status = 400;
  std::string reason;  ///< response body and log text; names the problem, no request data
};

/// Why `request` must not reach a handler, or nullopt:
///  - 403 without a verified client identity (defence in depth: the handshake refuses first),
///    unless `requireClientCertificate` is false (a server-TLS-only listener);
///  - 411 with a Transfer-Encoding (chunked bodies are not bounded by maxBodyBytes);
///  - 415 with a Content-Encoding other than identity (httplib would inflate a compressed
///    body without bound: 1 KB of gzip becomes megabytes).
std::optional<Refusal> refusalBeforeRouting(const httplib::Request& request, bool requireClientCertificate = true);

/// Installs refusalBeforeRouting as the pre-routing handler (refusals close the connection,
/// since the unread body would otherwise be parsed as the next request) and an exception
/// handler that answers 500 without the exception text.
void installRequestGuards(httplib::Server& server, bool requireClientCertificate = true);

}  // namespace onestop::central::http

#pragma once
// Decoding what a browser sends: application/x-www-form-urlencoded bodies and query strings,
// and the Cookie header. Strict and bounded, so a forged or huge form is refused as a whole
// rather than half read.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace onestop::central::web {

/// Percent-decodes `text` ('+' is a space); nullopt for a broken escape or bytes that are
/// not valid UTF-8 or hold control characters other than tab, CR and LF.
std::optional<std::string> decodeComponent(std::string_view text);

/// name=value pairs joined by '&'. nullopt when any pair fails to decode, a name is empty,
/// longer than 64 bytes or repeated, or there are more than `maxFields` pairs.
std::optional<std::map<std::string, std::string>> decodeForm(std::string_view body, std::size_t maxFields = 32);

/// "a=1; b=2" → {a: 1, b: 2}. Malformed pieces are skipped; a repeated name keeps its first value.
std::map<std::string, std::string> parseCookies(std::string_view header);

/// Percent-encodes everything but unreserved characters (RFC 3986), for links with values.
std::string encodeComponent(std::string_view text);

}  // namespace onestop::central::web

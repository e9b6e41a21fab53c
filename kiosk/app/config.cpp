#include "app/config.hpp"

#include "core/code_payload.hpp"
#include "scanner/decoded_code.hpp"

#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <toml++/toml.h>

namespace onestop::app {
namespace {

using core::Error;

// Known keys per table: an unknown key is most likely a typo, so it is an error.
const std::map<std::string, std::set<std::string>>& schema() {
  static const std::map<std::string, std::set<std::string>> s = {
      {"kiosk", {"hall_name", "language", "large_text", "inactivity_seconds"}},
      {"display", {"width", "height", "fullscreen", "renderer"}},
      {"idcard", {"port", "baud", "probe_baud", "photo_decoder"}},
      {"scanner", {"camera", "formats", "seal_keys"}},
      {"central", {"url", "ca", "cert", "key", "pins", "data_dir"}},
      {"printer", {"queue", "cups_server", "receipt_device"}},
      {"documents", {"agency", "verify_url"}},
      {"log", {"level", "file"}},
  };
  return s;
}

template <class T>
std::optional<Error> read(const toml::table& root, std::string_view table, std::string_view key, T& out,
                          std::string_view typeName) {
  const toml::node* node = root.at_path(std::string(table) + "." + std::string(key)).node();
  if (!node) return std::nullopt;
  auto v = node->value<T>();
  if (!v || (std::is_same_v<T, bool> != node->is_boolean()))
    return Error{"[" + std::string(table) + "] " + std::string(key) + ": expected " + std::string(typeName)};
  out = *v;
  return std::nullopt;
}

}  // namespace

core::Result<Config> parseConfig(std::string_view text, std::string_view sourceName) {
  toml::table root;
  try {
    root = toml::parse(text, sourceName);
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << sourceName << ":" << e.source().begin.line << ":" << e.source().begin.column << ": " << e.description();
    return Error{msg.str()};
  }
  for (const auto& [name, node] : root) {
    const std::string table(name.str());
    auto it = schema().find(table);
    if (it == schema().end() || !node.is_table())
      return Error{std::string(sourceName) + ": unknown section [" + table + "] (expected kiosk, display, idcard, scanner, central, printer, documents, log)"};
    for (const auto& [k, v] : *node.as_table())
      if (!it->second.count(std::string(k.str())))
        return Error{std::string(sourceName) + ": unknown key [" + table + "] " + std::string(k.str())};
  }

  Config c;
  int64_t inactivity = c.inactivitySeconds, width = c.width, height = c.height, baud = c.idcardBaud;
  std::string renderer = "auto";
  for (auto err : {read(root, "kiosk", "hall_name", c.hallName, "a string"),
                   read(root, "kiosk", "language", c.language, "a string such as \"zh-CN\""),
                   read(root, "kiosk", "large_text", c.largeText, "true or false"),
                   read(root, "kiosk", "inactivity_seconds", inactivity, "an integer"),
                   read(root, "display", "width", width, "an integer"),
                   read(root, "display", "height", height, "an integer"),
                   read(root, "display", "fullscreen", c.fullscreen, "true or false"),
                   read(root, "display", "renderer", renderer, "\"auto\" or \"software\""),
                   read(root, "idcard", "port", c.idcardPort, "a device path such as \"/dev/ttyUSB0\""),
                   read(root, "idcard", "baud", baud, "an integer"),
                   read(root, "idcard", "probe_baud", c.idcardProbeBaud, "true or false"),
                   read(root, "idcard", "photo_decoder", c.idcardPhotoDecoder, "a library path"),
                   read(root, "scanner", "camera", c.scannerCamera, "a device path such as \"/dev/video0\""),
                   read(root, "scanner", "formats", c.scannerFormats, "a list such as \"qr,pdf417\""),
                   read(root, "scanner", "seal_keys", c.sealKeysFile, "a file path"),
                   read(root, "central", "url", c.centralUrl, "a URL such as \"https://central.example:8443\""),
                   read(root, "central", "ca", c.centralCa, "a file path"),
                   read(root, "central", "cert", c.centralCert, "a file path"),
                   read(root, "central", "key", c.centralKey, "a file path"),
                   read(root, "central", "pins", c.centralPins, "a comma-separated list of sha256//… pins"),
                   read(root, "central", "data_dir", c.dataDir, "a directory path"),
                   read(root, "printer", "queue", c.printerQueue, "a CUPS queue name"),
                   read(root, "printer", "cups_server", c.cupsServer, "a host[:port] or socket path"),
                   read(root, "printer", "receipt_device", c.receiptDevice, "a device path such as \"/dev/usb/lp0\""),
                   read(root, "documents", "agency", c.agencyName, "a string"),
                   read(root, "documents", "verify_url", c.verifyUrl, "a URL such as \"https://verify.example.gov.cn\""),
                   read(root, "log", "level", c.logLevel, "a string"),
                   read(root, "log", "file", c.logFile, "a string")})
    if (err) return Error{std::string(sourceName) + ": " + err->message};

  auto range = [&](const char* key, int64_t v, int64_t lo, int64_t hi) -> std::optional<Error> {
    if (v < lo || v > hi)
      return Error{std::string(sourceName) + ": " + key + " = " + std::to_string(v) + " is out of range (" +
                   std::to_string(lo) + "–" + std::to_string(hi) + ")"};
    return std::nullopt;
  };
  if (auto e = range("[kiosk] inactivity_seconds", inactivity, 15, 600)) return *e;
  if (auto e = range("[display] width", width, 640, 7680)) return *e;
  if (auto e = range("[display] height", height, 480, 4320)) return *e;
  static const std::set<int64_t> bauds = {9600, 19200, 38400, 57600, 115200};
  if (!bauds.count(baud))
    return Error{std::string(sourceName) + ": [idcard] baud = " + std::to_string(baud) +
                 " (expected 9600, 19200, 38400, 57600 or 115200)"};
  c.idcardBaud = static_cast<int>(baud);
  c.inactivitySeconds = static_cast<int>(inactivity);
  c.width = static_cast<int>(width);
  c.height = static_cast<int>(height);
  if (renderer != "auto" && renderer != "software")
    return Error{std::string(sourceName) + ": [display] renderer = \"" + renderer + "\" (expected \"auto\" or \"software\")"};
  c.softwareRenderer = renderer == "software";
  static const std::set<std::string> levels = {"trace", "debug", "info", "warn", "error"};
  if (!levels.count(c.logLevel))
    return Error{std::string(sourceName) + ": [log] level = \"" + c.logLevel + "\" (expected trace, debug, info, warn or error)"};
  if (peripherals::scanner::parseSymbologies(c.scannerFormats) == 0)
    return Error{std::string(sourceName) + ": [scanner] formats = \"" + c.scannerFormats +
                 "\" (expected a comma-separated list of qr, pdf417, datamatrix)"};
  if (!core::isUsableVerifyUrl(c.verifyUrl))
    return Error{std::string(sourceName) + ": [documents] verify_url = \"" + c.verifyUrl +
                 "\" (expected https://host[:port][/path], at most 64 characters, no query or fragment)"};
  if (!c.centralUrl.empty() && c.centralUrl.rfind("https://", 0) != 0)
    return Error{std::string(sourceName) + ": [central] url must start with https:// (the kiosk talks TLS only)"};
  if (!c.centralUrl.empty() && (c.centralCa.empty() || c.centralCert.empty() || c.centralKey.empty()))
    return Error{std::string(sourceName) + ": [central] url needs ca, cert and key (the agency CA and this kiosk's certificate)"};
  if (c.agencyName.size() > 200) return Error{std::string(sourceName) + ": [documents] agency is longer than 200 bytes"};
  if (c.hallName.size() > 200) return Error{std::string(sourceName) + ": [kiosk] hall_name is longer than 200 bytes"};
  return c;
}

core::Result<Config> loadConfig(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error{"cannot read config file " + file.string()};
  std::stringstream buf;
  buf << in.rdbuf();
  return parseConfig(buf.str(), file.string());
}

}  // namespace onestop::app

#pragma once
// The kiosk's typed configuration (TOML). Every key has a default; load() checks types and
// ranges and names the key and the problem on failure.
#include <filesystem>
#include <string>

#include "core/result.hpp"

namespace onestop::app {

struct Config {
  // [kiosk]
  std::string hallName;             ///< empty = the catalog's default hall name
  std::string language = "zh-CN";   ///< default language for every new session
  bool largeText = false;           ///< start in elderly mode
  int inactivitySeconds = 60;       ///< idle time before the session ends (15–600)
  // [display]
  int width = 1920, height = 1080;
  bool fullscreen = false;
  bool softwareRenderer = false;    ///< renderer = "software" | "auto"
  // [idcard]
  std::string idcardPort;           ///< serial device of the ID card reader; empty = none
  int idcardBaud = 115200;
  bool idcardProbeBaud = true;      ///< try the usual rates when the reader does not answer
  std::string idcardPhotoDecoder;   ///< optional vendor WLT decoder library (dlopen)
  // [scanner]
  std::string scannerCamera;        ///< V4L2 camera ("/dev/video0" or an index); empty = none
  std::string scannerFormats = "qr";   ///< qr, pdf417, datamatrix (comma-separated)
  std::string sealKeysFile;         ///< cached public keys for certificate seals (GET /v1/keys)
  // [central]
  std::string centralUrl;           ///< "https://central.example:8443"; empty = none (demo: embedded)
  std::string centralCa, centralCert, centralKey;   ///< agency CA, this kiosk's certificate and key
  std::string centralPins;          ///< comma-separated "sha256//…" pins of the server key(s)
  std::string dataDir = "/var/lib/onestop";   ///< outbox (encrypted), its key, cached catalogue and config
  // [printer]
  std::string printerQueue;         ///< CUPS queue of the A4 printer; empty = none
  std::string cupsServer;           ///< empty = libcups' default
  std::string receiptDevice;        ///< ESC/POS receipt printer node ("/dev/usb/lp0", a serial port); empty = none
  // [documents]
  std::string agencyName = "测试市社会保险事业管理中心";
  std::string verifyUrl = "https://verify.onestop.example";   ///< public verification page (QR links)
  // [log]
  std::string logLevel = "info";    ///< trace debug info warn error
  std::string logFile;              ///< empty = stderr only
};

/// Reads and validates a config file. A missing file is an error (the caller decides
/// whether a default path may be absent).
core::Result<Config> loadConfig(const std::filesystem::path& file);
/// Validates TOML text (used by load and by tests).
core::Result<Config> parseConfig(std::string_view toml, std::string_view sourceName);

}  // namespace onestop::app

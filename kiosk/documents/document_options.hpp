#pragma once
// What a hall configures about its printed documents.
#include <string>

namespace onestop::documents {

struct DocumentOptions {
  std::string agencyName = "测试市社会保险事业管理中心";   ///< issuing agency (demo default)
  std::string verifyUrl = "https://verify.onestop.example";  ///< where a code is checked by hand
  int utcOffsetMinutes = 480;                               ///< local time for printed dates
  std::string terminalId = "KIOSK-DEMO-01";                 ///< printed on receipts: the kiosk certificate's CN
};

}  // namespace onestop::documents

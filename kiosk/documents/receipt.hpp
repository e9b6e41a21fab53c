#pragma once
// Receipts (回执) for the 80 mm thermal printer, after every transaction (service-rules.md:
// acceptance number, time limit, how to follow up): a filing, a certificate printed, a
// queue ticket, a rating. Laid out here in 48 columns and encoded as ESC/POS bytes.
//
// Values the citizen submitted are masked by the layout itself, by kind (a phone number
// keeps 3 + 4 digits), so no caller can print one in full by mistake.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/filing_fields.hpp"
#include "core/result.hpp"

namespace onestop::documents {

enum class Masking { None, Phone, Number, Name, Address, BankAccount };

/// One thing the citizen submitted, e.g. {"新联系电话", "13800001234", Masking::Phone}.
struct SubmittedItem {
  std::string label;
  std::string value;
  Masking masking = Masking::None;   ///< None only for values that are not personal
  std::size_t clearChars = 0;        ///< Address: leading characters that are the region (in clear)
};

/// A filing accepted by the back office's queue (or, offline, held by the kiosk).
struct FilingReceipt {
  std::string serviceName;             ///< 联系电话变更
  std::string acceptanceNumber;        ///< empty when provisional
  std::chrono::sys_seconds acceptedAt{};
  int timeLimitWorkingDays = 0;        ///< 0 = completed on the spot
  std::optional<std::chrono::year_month_day> dueOn;
  std::vector<SubmittedItem> submitted;
  /// Filed while the kiosk was offline: the server has not confirmed it yet, so there is
  /// no acceptance number, only the kiosk's reference for it.
  bool provisional = false;
  std::string provisionalReference;
  /// How the service takes effect and what to do next (wording.hpp filingNote); may be empty.
  std::string note;
};

struct CertificateReceipt {
  std::string serviceName;             ///< 参保缴费证明
  std::string acceptanceNumber;
  std::chrono::sys_seconds issuedAt{};
  std::string serial;
  std::string verificationCodePrinted;
  int pages = 1;
  std::chrono::sys_seconds validUntil{};
};

struct QueueTicketReceipt {
  std::string serviceName;             ///< 养老保险关系转移
  std::string ticketNumber;            ///< A012
  std::chrono::year_month_day day{};   ///< the hall's local date of the ticket
  std::chrono::sys_seconds issuedAt{};
  std::optional<int> peopleAhead;      ///< unknown when the kiosk numbered it offline
};

struct RatingReceipt {
  std::string serviceName;
  std::string acceptanceNumber;
  int level = 5;                       ///< 5 非常满意 … 1 非常不满意
  std::chrono::sys_seconds ratedAt{};
  bool provisional = false;            ///< kept by the kiosk until it reconnects
};

using Receipt = std::variant<FilingReceipt, CertificateReceipt, QueueTicketReceipt, RatingReceipt>;

struct ReceiptOptions {
  std::string agencyName = "测试市社会保险事业管理中心";
  std::string kioskId = "KIOSK-DEMO-01";
  int utcOffsetMinutes = 480;
  int qrModuleDots = 7;                ///< 25 modules × 7 dots = 22 mm at 203 dpi
};

/// The values of a filing as its receipt lists them: the label of each field
/// (wording.hpp), its masking by kind (an account number keeps its last 4 digits, an
/// address its region and first characters), months and amounts written out.
std::vector<SubmittedItem> filingItems(const std::vector<core::FilingDetail>& details);

/// What the QR code on a receipt says (docs/qr-payloads.md): "OSR1.<acceptance number>"
/// for a transaction, "OSQ1.<YYYYMMDD>.<ticket>" for a queue ticket; empty when there is
/// nothing to look up yet (a provisional filing).
std::string receiptQrPayload(const Receipt& receipt);

/// The receipt as ESC/POS bytes, cut at the end. Errors name the field at fault.
core::Result<std::vector<std::uint8_t>> encodeReceipt(const Receipt& receipt, const ReceiptOptions& options = {});

/// Breaks `text` into lines of at most `columns` printer columns (a Chinese character
/// takes two), lines after the first indented by `indent` columns; a closing punctuation
/// mark never starts a line.
std::vector<std::string> wrapColumns(std::string_view text, int columns, int indent = 0);

}  // namespace onestop::documents

#include "documents/demo_receipts.hpp"

#include "documents/wording.hpp"

namespace onestop::documents {
namespace {

using namespace std::chrono;

// 2026-11-24 09:32 in the hall (UTC+8).
constexpr sys_seconds kAt = sys_days{2026y / November / 24} + 1h + 32min;

}  // namespace

std::vector<std::pair<std::string, Receipt>> demoReceipts() {
  FilingReceipt filing{"联系电话变更", "2026112488406611", kAt, 1, 2026y / November / 25,
                       {{"新联系电话", "13800001234", Masking::Phone, 0}}, false, {}, {}};
  FilingReceipt offline{"待遇领取账户变更", {}, kAt, 5, std::nullopt,
                        {{"开户银行", "测试银行", Masking::None, 0}, {"银行账号", "6222000012345673", Masking::BankAccount, 0}},
                        true, "K01-7F3A-29C4", std::string(filingNote("change_bank_account"))};
  CertificateReceipt certificate{"参保缴费证明", "2026112463093020", kAt, "ZM2026112493570516", "4694 4472 9725", 1,
                                 kAt + days{90}};
  QueueTicketReceipt ticket{"养老保险关系转移", "B002", 2026y / November / 24, kAt, 1};
  RatingReceipt rating{"联系电话变更", "2026112488406611", 5, kAt + 2min, false};
  return {{"filing", filing}, {"filing-offline", offline}, {"certificate", certificate}, {"queue-ticket", ticket},
          {"rating", rating}};
}

}  // namespace onestop::documents

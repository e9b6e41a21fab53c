#include "documents/wording.hpp"

#include "core/money.hpp"
#include "core/rating_flow.hpp"

#include <fmt/format.h>

namespace onestop::documents {

std::string_view certificateTitle(CertificateType type) {
  switch (type) {
    case CertificateType::Participation: return "参保缴费证明";
    case CertificateType::RightsRecord: return "个人权益记录单";
    case CertificateType::Benefit: return "待遇领取证明";
  }
  return "";
}

std::string_view insuranceName(InsuranceType type) {
  switch (type) {
    case InsuranceType::Pension: return "基本养老保险";
    case InsuranceType::Medical: return "基本医疗保险";
    case InsuranceType::Unemployment: return "失业保险";
    case InsuranceType::WorkInjury: return "工伤保险";
    case InsuranceType::Maternity: return "生育保险";
  }
  return "";
}

std::string_view statusName(ParticipationStatus status) {
  switch (status) {
    case ParticipationStatus::Active: return "参保缴费";
    case ParticipationStatus::Suspended: return "暂停缴费";
    case ParticipationStatus::Terminated: return "终止参保";
  }
  return "";
}

std::string yuan(std::int64_t fen) { return core::formatFen(fen); }

std::string chineseDate(std::chrono::year_month_day d) {
  return fmt::format("{:04d}年{:02d}月{:02d}日", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

std::string chineseMonth(Month m) { return fmt::format("{:04d}年{:02d}月", m.year, m.month); }

std::string periodLine(const Period& period) {
  return fmt::format("证明期间：{} 至 {}", chineseMonth(period.from), chineseMonth(period.to));
}

std::string yearsAndMonths(int months) {
  const int y = months / 12, m = months % 12;
  if (y == 0) return fmt::format("{}个月", m);
  if (m == 0) return fmt::format("{}年", y);
  return fmt::format("{}年{}个月", y, m);
}

std::chrono::year_month_day localDay(std::chrono::sys_seconds t, int utcOffsetMinutes) {
  return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(t + std::chrono::minutes{utcOffsetMinutes})};
}

std::string localDateTime(std::chrono::sys_seconds t, int utcOffsetMinutes) {
  const auto local = t + std::chrono::minutes{utcOffsetMinutes};
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{local - day};
  return fmt::format("{:04d}-{:02d}-{:02d} {:02d}:{:02d}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()), hms.hours().count(), hms.minutes().count());
}

std::string_view filingFieldLabel(std::string_view key) {
  if (key == "phone") return "新联系电话";
  if (key == "address") return "新通讯地址";
  if (key == "bankName") return "开户银行";
  if (key == "accountNumber") return "银行账号";
  if (key == "startMonth") return "参保起始月份";
  if (key == "baseFen") return "月缴费基数";
  return "";
}

std::string_view filingNote(std::string_view serviceId) {
  if (serviceId == "change_bank_account")
    return "待遇领取账户变更须经后台两级审核，审核通过后生效；生效前待遇仍发放至原账户。";
  if (serviceId == "report_card_loss")
    return "社会保障卡已挂失，即时生效，原卡暂停使用。请携带身份证到人工窗口或社保卡合作银行网点申请补卡。";
  if (serviceId == "flexible_employment")
    return "参保登记经后台审核后生效，自参保起始月份起按月缴费。";
  return "";
}

std::string ratingReasonText(std::uint32_t reasons, std::string_view comment) {
  static constexpr std::string_view kText[core::kRatingReasons] = {"等候时间长", "操作复杂、看不懂", "记录有误",
                                                                  "设备故障",   "事情没办成",       "其他"};
  std::string out;
  for (int i = 0; i < core::kRatingReasons; ++i)
    if ((reasons >> i) & 1u) out += (out.empty() ? "" : "、") + std::string(kText[i]);
  if (!comment.empty()) out += (out.empty() ? "留言：" : "；留言：") + std::string(comment);
  return out;
}

}  // namespace onestop::documents

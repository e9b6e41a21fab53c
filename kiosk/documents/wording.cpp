#include "documents/wording.hpp"

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

std::string yuan(std::int64_t fen) {
  const bool negative = fen < 0;
  const std::uint64_t abs = negative ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  std::string whole = std::to_string(abs / 100);
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(static_cast<std::size_t>(i), ",");
  return fmt::format("{}{}.{:02d}", negative ? "-" : "", whole, abs % 100);
}

std::string chineseDate(std::chrono::year_month_day d) {
  return fmt::format("{:04d}年{:02d}月{:02d}日", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

std::string chineseMonth(Month m) { return fmt::format("{:04d}年{:02d}月", m.year, m.month); }

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

}  // namespace onestop::documents

#pragma once
// The printed wording of certificates and receipts, and how figures are written on them.
//
// Documents are printed in Simplified Chinese whatever the screen language: they are the
// agency's official papers, handed to employers, banks and other offices. Their wording
// lives here, in one place, rather than in the screen catalogs (i18n/), which follow the
// citizen's language choice.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "documents/certificate.hpp"

namespace onestop::documents {

std::string_view certificateTitle(CertificateType type);      ///< 参保缴费证明 ...
std::string_view insuranceName(InsuranceType type);           ///< 基本养老保险 ...
std::string_view statusName(ParticipationStatus status);      ///< 参保缴费 / 暂停缴费 / 终止参保

/// 86420.55 yuan as "86,420.55".
std::string yuan(std::int64_t fen);
/// "2026年11月24日".
std::string chineseDate(std::chrono::year_month_day day);
/// "2009年04月".
std::string chineseMonth(Month month);
/// "证明期间：2021年01月 至 2025年12月".
std::string periodLine(const Period& period);
/// 212 months as "17年8个月" ("8个月" under a year, "17年" on whole years).
std::string yearsAndMonths(int months);
/// The calendar day at `utcOffsetMinutes` from UTC (China: +480).
std::chrono::year_month_day localDay(std::chrono::sys_seconds t, int utcOffsetMinutes);
/// "2026-11-24 00:58" at that offset.
std::string localDateTime(std::chrono::sys_seconds t, int utcOffsetMinutes);

/// A filing receipt's label for a value filed (core::FilingDetail::key): 新联系电话,
/// 新通讯地址, 开户银行, 银行账号, 参保起始月份, 月缴费基数; empty for a key it does not know.
std::string_view filingFieldLabel(std::string_view key);
/// What a filing's receipt adds for its service: how it takes effect and what to do next
/// (card loss: suspended at once, a new card at the counter or bank); may be empty.
std::string_view filingNote(std::string_view serviceId);

/// The reasons of a dissatisfied rating (bits of core::RatingReason) and the citizen's own
/// words, as the agency's staff read them: "等候时间长、操作复杂；留言：打印太慢". Empty when none.
std::string ratingReasonText(std::uint32_t reasons, std::string_view comment);

}  // namespace onestop::documents

#pragma once
// A certificate as the central server issues it (POST /v1/me/certificates, docs/api/
// openapi.yaml "IssuedCertificate"): the document data to print, the signed seal for the
// QR code, the verification code, serial and dates. Parsed strictly: a certificate that
// would print wrongly (an unknown insurance type, a full ID number, a seal that is not a
// seal) is refused before anything is drawn.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace onestop::documents {

enum class CertificateType {
  Participation,  ///< 参保缴费证明, API "participation"
  RightsRecord,   ///< 个人权益记录单, API "rights_record"
  Benefit,        ///< 待遇领取证明, API "benefit"
};
std::string_view apiName(CertificateType type);
std::optional<CertificateType> certificateTypeFromApiName(std::string_view name);

/// Insurance types and participation statuses as the API spells them.
enum class InsuranceType { Pension, Medical, Unemployment, WorkInjury, Maternity };
enum class ParticipationStatus { Active, Suspended, Terminated };

/// A calendar month, "YYYY-MM" in the API.
struct Month {
  int year = 0;
  unsigned month = 0;
  bool operator==(const Month&) const = default;
};

/// The months a certificate covers, both inclusive (`from` ≤ `to`).
struct Period {
  Month from, to;
};

struct Holder {
  std::string name;            ///< as on record (a certificate names its holder)
  std::string idNumberMasked;  ///< always masked by the server; refused otherwise
};

struct Participation {
  InsuranceType type = InsuranceType::Pension;
  ParticipationStatus status = ParticipationStatus::Active;
  Month since;
  int paidMonths = 0;
  int arrearsMonths = 0;
};

struct YearContribution {
  int year = 0;
  int paidMonths = 0;
  std::int64_t baseFen = 0;       ///< highest monthly base of the year
  std::int64_t employerFen = 0;   ///< employer amount over the year
  std::int64_t personalFen = 0;   ///< personal amount over the year
};

struct PensionAccount {
  std::int64_t balanceFen = 0;
  std::optional<int> asOfYear;
};

struct BenefitPayments {
  InsuranceType type = InsuranceType::Pension;
  Month since;
  Month latestMonth;
  int payments = 0;
  std::int64_t totalFen = 0;
  std::int64_t monthlyFen = 0;    ///< the latest payment
};

struct IssuedCertificate {
  CertificateType type = CertificateType::Participation;
  std::string serial;
  std::chrono::sys_seconds issuedAt{};
  std::chrono::sys_seconds validUntil{};
  std::string keyId;
  std::string seal;                     ///< OSS1 text for the QR code (docs/seal.md)
  std::string verificationCode;         ///< 12 digits
  std::string verificationCodePrinted;  ///< "4831 0297 5516"
  std::string acceptanceNumber;         ///< the completed application behind it

  Holder holder;
  Period period;                                     ///< every count is of months inside it
  std::vector<Participation> participations;         ///< participation, rights record
  std::vector<YearContribution> contributionsByYear; ///< rights record, ascending years
  std::optional<PensionAccount> pensionAccount;      ///< rights record
  std::vector<BenefitPayments> benefits;             ///< benefit certificate
};

/// Parses the JSON body of a 201 answer to POST /v1/me/certificates. The error names the
/// member at fault and the rule (never a value: the body holds personal data).
core::Result<IssuedCertificate> parseIssuedCertificate(std::string_view json);

/// "2026-11-23T16:58:57Z" (the server's RFC 3339 form, UTC, no fraction).
std::optional<std::chrono::sys_seconds> parseUtcTimestamp(std::string_view text);
/// "2009-04".
std::optional<Month> parseMonth(std::string_view text);

}  // namespace onestop::documents

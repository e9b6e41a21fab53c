#pragma once
// One citizen's rows for the record tables of central/api/schema.cpp, as plain values:
// generated and tested without a database, inserted by seed.cpp. Money in fen, months
// 'YYYY-MM', days 'YYYY-MM-DD', times epoch seconds.
#include <cstdint>
#include <string>
#include <vector>

namespace onestop::central::demo {

struct CitizenRow {
  std::string id;           ///< internal id, "C" + digits; the only key other tables use
  std::string idNumber;
  std::string cardType;     ///< mainland | hmtPermit | foreign2017 | foreign2023
  std::string name;
  std::string englishName;
  std::int64_t gender = 0;
  std::string birthDate;
  std::string phone;
  std::string address;
  std::string bankAccount;  ///< fictional, 19 digits with a Luhn check digit
  std::string employer;     ///< current employer; empty when none
  std::string cardStatus = "normal";
  std::int64_t createdAt = 0;

  bool operator==(const CitizenRow&) const = default;
};

struct ParticipationRow {
  std::string insuranceType;  ///< pension | medical | unemployment | workInjury | maternity
  std::string status;         ///< active | suspended | terminated
  std::string since;          ///< month of first enrolment

  bool operator==(const ParticipationRow&) const = default;
};

struct ParticipationPeriodRow {
  std::string insuranceType;
  std::int64_t seq = 0;       ///< 1, 2, … in time order
  std::string fromMonth;
  std::string toMonth;        ///< empty while the period is open
  std::string status;
  std::string employer;       ///< empty for flexible employment and after leaving

  bool operator==(const ParticipationPeriodRow&) const = default;
};

struct ContributionRow {
  std::string insuranceType;
  std::string month;
  std::int64_t baseFen = 0;
  std::int64_t employerFen = 0;
  std::int64_t personalFen = 0;
  std::string status;         ///< paid | arrears

  bool operator==(const ContributionRow&) const = default;
};

struct PensionAccountRow {
  std::int64_t year = 0;
  std::int64_t openingFen = 0;
  std::int64_t contributedFen = 0;  ///< credited to the personal account that year
  std::int64_t interestFen = 0;
  std::int64_t closingFen = 0;
  double interestRate = 0;          ///< e.g. 0.0831

  bool operator==(const PensionAccountRow&) const = default;
};

struct BenefitPaymentRow {
  std::string benefitType;
  std::string month;
  std::int64_t amountFen = 0;
  std::string paidOn;

  bool operator==(const BenefitPaymentRow&) const = default;
};

struct EsscTokenRow {
  std::string tokenHash;      ///< lowercase hex SHA-256 of the token string
  std::int64_t expiresAt = 0;

  bool operator==(const EsscTokenRow&) const = default;
};

/// Everything one citizen contributes to the database. Rows other than `citizen` carry no
/// citizen id: it is `citizen.id` for all of them.
struct CitizenRecords {
  std::string key;         ///< people.json key, or "synthetic-<n>"
  CitizenRow citizen;
  std::vector<ParticipationRow> participations;
  std::vector<ParticipationPeriodRow> history;
  std::vector<ContributionRow> contributions;
  std::vector<PensionAccountRow> pensionAccount;
  std::vector<BenefitPaymentRow> benefitPayments;
  std::string esscToken;   ///< the QR content a demo phone would show; only its hash is stored
  EsscTokenRow essc;

  bool operator==(const CitizenRecords&) const = default;
};

}  // namespace onestop::central::demo

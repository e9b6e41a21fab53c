#pragma once
// The central server's API as the kiosk uses it (docs/api/openapi.yaml): request builders
// and strict parsers of the answers. Transport-free: requests go through Network (or the
// Outbox), answers come back as HttpResult and are parsed here. Anything unexpected is an
// ApiFailure, never a crash or a half-filled record.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/certificate_flow.hpp"
#include "core/expected.hpp"
#include "core/identity.hpp"
#include "sync/http_types.hpp"

namespace onestop::sync::api {

struct ApiFailure {
  enum class Kind {
    Network,    ///< no answer (see net); the kiosk is offline or the server down
    Problem,    ///< the server said no (problem+json `code`, e.g. "citizen-not-found")
    Malformed,  ///< an answer the kiosk cannot trust (what says where)
  };
  Kind kind = Kind::Malformed;
  NetError net = NetError::None;
  long status = 0;
  std::string code;   ///< problem code, for the citizen's message (i18n "server_problem.<code>")
  std::string what;   ///< for the log; never personal data
};

template <class T>
using Answer = core::Expected<T, ApiFailure>;

// ---- requests --------------------------------------------------------------------------
HttpRequest identifyByCard(const core::Identity& identity);
HttpRequest identifyByEssc(const std::string& token);
HttpRequest endSession(const std::string& session);
HttpRequest participation(const std::string& session);
HttpRequest contributions(const std::string& session, std::optional<int> year);
/// `type`: participation | rights_record | benefit; `period`: the months it covers (none:
/// the whole record).
HttpRequest issueCertificate(const std::string& session, const std::string& type,
                             const std::optional<core::MonthPeriod>& period = std::nullopt);
HttpRequest verifySeal(const std::string& sealText);
/// Whether an issued certificate's paper came out (the issuing kiosk only; void when not).
HttpRequest printOutcome(const std::string& serial, bool printed);
HttpRequest file(const std::string& session, const std::string& service, const nlohmann::json& details);
HttpRequest progress(const std::string& acceptanceNumber);
HttpRequest rate(const std::string& acceptanceNumber, int level, const std::string& reason);
HttpRequest queueTicket(const std::string& service);
HttpRequest pensionAccount(const std::string& session);
HttpRequest benefits(const std::string& session);
HttpRequest applications(const std::string& session);
HttpRequest profile(const std::string& session);
/// The printed verification code as typed (spaces and hyphens allowed; the server checks it).
HttpRequest certificateByCode(const std::string& code);
/// `category`: complaint | suggestion. Anonymous without `session`; with one, linked to the
/// citizen. `acceptanceNumber` (optional) names the transaction complained about.
HttpRequest complain(const std::string& category, const std::string& text, const std::string& acceptanceNumber = {},
                     const std::string& session = {});
HttpRequest publicKeys();
/// Numbers this kiosk may hand out offline; `count` 1–20.
HttpRequest reserveQueueNumbers(const std::string& service, int count);
/// Reports a reserved number handed out offline on `day` at `issuedAt` (RFC 3339 UTC).
HttpRequest issueReservedNumber(const std::string& number, const std::string& day, const std::string& issuedAt);

// ---- answers ---------------------------------------------------------------------------
struct Session {
  std::string token, expiresAt, name, nameMasked, idNumberMasked, cardStatus;
};
struct Period {
  std::string from, to, status, employer;
};
struct Participation {
  std::string type, status, since;
  std::vector<Period> history;
};
struct ContributionItem {
  std::string type, status;
  std::int64_t baseFen = 0, employerFen = 0, personalFen = 0;
};
struct ContributionMonth {
  std::string month;
  std::vector<ContributionItem> items;
};
struct Contributions {
  std::vector<int> years;
  std::optional<int> year;
  std::vector<ContributionMonth> months;
  std::int64_t employerFen = 0, personalFen = 0, paidMonths = 0, arrearsMonths = 0, pensionPaidMonthsAllYears = 0;
};
struct Certificate {
  std::string serial, type, issuedAt, validUntil, keyId, seal, verificationCode, verificationCodePrinted,
      acceptanceNumber;
  core::MonthPeriod period;   ///< the months the document covers
  nlohmann::json document;   ///< for kiosk/documents; its holder and period are checked here
};
struct FilingReceipt {
  std::string acceptanceNumber, service, state, acceptedAt, dueOn;
  int timeLimitWorkingDays = 0;
};
struct Progress {
  std::string acceptanceNumber, service, state, reason, acceptedAt, dueOn, updatedAt;
  std::vector<std::pair<std::string, std::string>> history;   ///< state, at
};
struct SealVerdict {
  std::string status;   ///< valid | revoked | expired | malformed | unknown_key | key_expired | bad_signature | unknown_serial
  std::string serial, type, issuedAt, validUntil, holderNameMasked, holderIdNumberMasked, revokeReason;
};
struct QueueReservation {
  std::string service, day;
  std::vector<std::string> numbers;   ///< "A002", "A003"…
};
struct QueueTicket {
  std::string number, service, issuedAt;
  std::int64_t peopleAhead = 0;
};
struct PensionYear {
  int year = 0;
  std::int64_t openingFen = 0, contributedFen = 0, interestFen = 0, closingFen = 0;
  double interestRate = 0;   ///< a fraction: 0.0831 is 8.31%
};
struct PensionAccount {
  std::int64_t balanceFen = 0;      ///< the last year's closing
  std::vector<PensionYear> years;   ///< oldest first
};
struct BenefitPayment {
  std::string type, month, paidOn;
  std::int64_t amountFen = 0;
};
struct Application {
  std::string acceptanceNumber, service, state, reason, acceptedAt, dueOn, updatedAt;   ///< reason may be empty
};
struct PendingChange {
  std::string acceptanceNumber, service, state;
};
/// What a change would replace, masked by the server (a value without '*' is refused).
struct Profile {
  std::optional<std::string> phoneMasked, addressMasked, bankAccountMasked;   ///< none on record: nullopt
  std::string cardStatus;                 ///< normal | lost
  std::vector<PendingChange> pending;     ///< changes still being handled, oldest first
};
struct Rating {
  std::string acceptanceNumber;
  int level = 0;
};
struct ComplaintReceipt {
  std::string id, category, receivedAt;   ///< id: "FB" + year + 10 digits, the citizen's reference
};
struct PublicKey {
  std::string kid, alg, publicKey;   ///< publicKey: 32 bytes, base64url without padding
  std::int64_t notBefore = 0, verifyUntil = 0;   ///< epoch seconds
};

Answer<Session> parseSession(const HttpResult& r);
Answer<std::vector<Participation>> parseParticipation(const HttpResult& r);
Answer<Contributions> parseContributions(const HttpResult& r);
Answer<Certificate> parseCertificate(const HttpResult& r);
Answer<SealVerdict> parseSealVerdict(const HttpResult& r);
Answer<FilingReceipt> parseFilingReceipt(const HttpResult& r);
Answer<Progress> parseProgress(const HttpResult& r);
Answer<QueueTicket> parseQueueTicket(const HttpResult& r);
/// 201 of reserveQueueNumbers: a real day, 1–20 ascending numbers of one letter.
Answer<QueueReservation> parseQueueReservation(const HttpResult& r);
Answer<PensionAccount> parsePensionAccount(const HttpResult& r);
Answer<std::vector<BenefitPayment>> parseBenefits(const HttpResult& r);   ///< newest month first
Answer<std::vector<Application>> parseApplications(const HttpResult& r);  ///< newest first
Answer<Profile> parseProfile(const HttpResult& r);
/// The verdict of GET /v1/certificates/by-code: only valid | expired | revoked, with the
/// certificate's masked data (an unknown code is the problem `certificate-not-found`).
Answer<SealVerdict> parseCodeVerdict(const HttpResult& r);
Answer<Rating> parseRating(const HttpResult& r);
Answer<ComplaintReceipt> parseComplaintReceipt(const HttpResult& r);
Answer<std::vector<PublicKey>> parsePublicKeys(const HttpResult& r);
/// For answers the kiosk needs only to be a success (rating, end of session).
Answer<bool> parseSuccess(const HttpResult& r);

}  // namespace onestop::sync::api

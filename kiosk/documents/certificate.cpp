#include "documents/certificate.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

#include <nlohmann/json.hpp>

#include "core/utf8.hpp"

namespace onestop::documents {
namespace {

using nlohmann::json;

// Reads members of one JSON object; the first failure is kept with the member's path.
class Reader {
 public:
  Reader(const json& node, std::string path, std::string& error) : node_(node), path_(std::move(path)), error_(error) {}

  const json* member(std::string_view name, json::value_t kind) {
    const std::string where = path_ + std::string(name);
    if (!error_.empty()) return nullptr;
    if (!node_.is_object() || !node_.contains(name)) return fail(where + ": missing");
    const json& v = node_.at(std::string(name));
    const bool numberOk = kind == json::value_t::number_integer &&
                          (v.type() == json::value_t::number_integer || v.type() == json::value_t::number_unsigned);
    if (v.type() != kind && !numberOk) return fail(where + ": wrong type");
    return &v;
  }

  std::string text(std::string_view name, std::size_t maxBytes) {
    const json* v = member(name, json::value_t::string);
    if (!v) return {};
    auto s = v->get<std::string>();
    if (s.empty() || s.size() > maxBytes || !core::isValidUtf8(s)) {
      fail(path_ + std::string(name) + ": must be 1-" + std::to_string(maxBytes) + " bytes of UTF-8");
      return {};
    }
    return s;
  }

  std::int64_t integer(std::string_view name, std::int64_t min, std::int64_t max) {
    const json* v = member(name, json::value_t::number_integer);
    if (!v) return 0;
    if (v->type() == json::value_t::number_unsigned && v->get<std::uint64_t>() > static_cast<std::uint64_t>(max))
      return outOfRange(name, min, max);
    const auto n = v->get<std::int64_t>();
    if (n < min || n > max) return outOfRange(name, min, max);
    return n;
  }

  int smallInt(std::string_view name, int min, int max) { return static_cast<int>(integer(name, min, max)); }

  Month month(std::string_view name) {
    auto s = text(name, 7);
    if (!error_.empty()) return {};
    auto m = parseMonth(s);
    if (!m) fail(path_ + std::string(name) + ": must be YYYY-MM");
    return m.value_or(Month{});
  }

  std::chrono::sys_seconds timestamp(std::string_view name) {
    auto s = text(name, 20);
    if (!error_.empty()) return {};
    auto t = parseUtcTimestamp(s);
    if (!t) fail(path_ + std::string(name) + ": must be YYYY-MM-DDTHH:MM:SSZ");
    return t.value_or(std::chrono::sys_seconds{});
  }

  template <class Enum, std::size_t N>
  Enum oneOf(std::string_view name, const std::pair<std::string_view, Enum> (&names)[N]) {
    const json* v = member(name, json::value_t::string);
    if (!v) return names[0].second;
    const auto s = v->get<std::string>();
    for (const auto& [n, e] : names)
      if (n == s) return e;
    fail(path_ + std::string(name) + ": unknown value");
    return names[0].second;
  }

  std::nullptr_t fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return nullptr;
  }

 private:
  std::int64_t outOfRange(std::string_view name, std::int64_t min, std::int64_t max) {
    fail(path_ + std::string(name) + ": must be from " + std::to_string(min) + " to " + std::to_string(max));
    return 0;
  }

  const json& node_;
  std::string path_;
  std::string& error_;
};

constexpr std::pair<std::string_view, CertificateType> kTypes[] = {
    {"participation", CertificateType::Participation},
    {"rights_record", CertificateType::RightsRecord},
    {"benefit", CertificateType::Benefit},
};
constexpr std::pair<std::string_view, InsuranceType> kInsuranceTypes[] = {
    {"pension", InsuranceType::Pension},        {"medical", InsuranceType::Medical},
    {"unemployment", InsuranceType::Unemployment}, {"workInjury", InsuranceType::WorkInjury},
    {"maternity", InsuranceType::Maternity},
};
constexpr std::pair<std::string_view, ParticipationStatus> kStatuses[] = {
    {"active", ParticipationStatus::Active},
    {"suspended", ParticipationStatus::Suspended},
    {"terminated", ParticipationStatus::Terminated},
};

constexpr std::int64_t kMaxFen = 100'000'000'000;   // 1 billion yuan: far beyond any real figure
constexpr int kMaxMonths = 12 * 100;
constexpr std::size_t kMaxRows = 200;

bool isSealText(std::string_view s) {
  return !s.empty() && s.size() <= 250 && s.rfind("OSS1.", 0) == 0 &&
         std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                  c == '_' || c == '*';
         });
}

bool isSerial(std::string_view s) {
  return !s.empty() && s.size() <= 24 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool isDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// What a printed ID number may be: the masked form only (digits, X, at least one '*').
bool isMaskedIdNumber(std::string_view s) {
  return s.find('*') != std::string_view::npos && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '*';
         });
}

template <class T, class Fn>
std::vector<T> rows(Reader& parent, std::string_view name, const std::string& path,
                    std::string& error, Fn readRow) {
  std::vector<T> out;
  const json* list = parent.member(name, json::value_t::array);
  if (!list) return out;
  if (list->size() > kMaxRows) {
    parent.fail(path + std::string(name) + ": more than " + std::to_string(kMaxRows) + " rows");
    return out;
  }
  for (std::size_t i = 0; i < list->size() && error.empty(); ++i) {
    Reader r((*list)[i], path + std::string(name) + "[" + std::to_string(i) + "].", error);
    out.push_back(readRow(r));
  }
  return out;
}

}  // namespace

std::string_view apiName(CertificateType type) {
  for (const auto& [n, t] : kTypes)
    if (t == type) return n;
  return "participation";
}

std::optional<CertificateType> certificateTypeFromApiName(std::string_view name) {
  for (const auto& [n, t] : kTypes)
    if (n == name) return t;
  return std::nullopt;
}

std::optional<Month> parseMonth(std::string_view s) {
  if (s.size() != 7 || s[4] != '-' || !isDigits(s.substr(0, 4)) || !isDigits(s.substr(5, 2))) return std::nullopt;
  Month m{std::stoi(std::string(s.substr(0, 4))), static_cast<unsigned>(std::stoi(std::string(s.substr(5, 2))))};
  if (m.year < 1900 || m.month < 1 || m.month > 12) return std::nullopt;
  return m;
}

std::optional<std::chrono::sys_seconds> parseUtcTimestamp(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SSZ
  if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
    return std::nullopt;
  auto num = [&](std::size_t at, std::size_t len) -> int {
    int v = -1;
    if (!isDigits(s.substr(at, len))) return -1;
    std::from_chars(s.data() + at, s.data() + at + len, v);
    return v;
  };
  const int y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2), sec = num(17, 2);
  if (y < 1970 || mo < 1 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{sec};
}

core::Result<IssuedCertificate> parseIssuedCertificate(std::string_view text) {
  const json body = json::parse(text, nullptr, false);
  if (body.is_discarded()) return core::Error{"certificate: not valid JSON"};
  if (!body.is_object()) return core::Error{"certificate: not a JSON object"};

  std::string error;
  IssuedCertificate c;
  Reader top(body, "", error);
  c.type = top.oneOf("type", kTypes);
  c.serial = top.text("serial", 24);
  c.issuedAt = top.timestamp("issuedAt");
  c.validUntil = top.timestamp("validUntil");
  c.keyId = top.text("keyId", 12);
  c.seal = top.text("seal", 250);
  c.verificationCode = top.text("verificationCode", 12);
  c.verificationCodePrinted = top.text("verificationCodePrinted", 14);
  c.acceptanceNumber = top.text("acceptanceNumber", 16);
  if (error.empty() && !isSerial(c.serial)) top.fail("serial: must be 1-24 of [A-Za-z0-9-]");
  if (error.empty() && !isSealText(c.seal)) top.fail("seal: not an OSS1 seal text");
  if (error.empty() && (c.verificationCode.size() != 12 || !isDigits(c.verificationCode)))
    top.fail("verificationCode: must be 12 digits");
  if (error.empty() && (c.acceptanceNumber.size() != 16 || !isDigits(c.acceptanceNumber)))
    top.fail("acceptanceNumber: must be 16 digits");
  if (error.empty() && c.validUntil <= c.issuedAt) top.fail("validUntil: must be after issuedAt");

  const json* doc = top.member("document", json::value_t::object);
  if (!doc) return core::Error{"certificate: " + error};
  Reader d(*doc, "document.", error);
  // The document repeats what the seal's digest covers; it must describe this certificate.
  if (d.text("serial", 24) != c.serial && error.empty()) d.fail("document.serial: differs from serial");
  if (d.oneOf("type", kTypes) != c.type && error.empty()) d.fail("document.type: differs from type");

  const json* holder = d.member("holder", json::value_t::object);
  if (holder) {
    Reader h(*holder, "document.holder.", error);
    c.holder.name = h.text("name", 200);
    c.holder.idNumberMasked = h.text("idNumberMasked", 24);
    if (error.empty() && !isMaskedIdNumber(c.holder.idNumberMasked))
      h.fail("document.holder.idNumberMasked: not a masked ID number (a full number is never printed)");
  }

  if (const json* period = d.member("period", json::value_t::object)) {
    Reader r(*period, "document.period.", error);
    c.period.from = r.month("from");
    c.period.to = r.month("to");
    const auto index = [](const Month& m) { return m.year * 12 + static_cast<int>(m.month); };
    if (error.empty() && index(c.period.to) < index(c.period.from))
      r.fail("document.period.to: before document.period.from");
  }

  const bool needsParticipations = c.type != CertificateType::Benefit;
  if (needsParticipations && error.empty()) {
    c.participations = rows<Participation>(d, "participations", "document.", error, [](Reader& r) {
      Participation p;
      p.type = r.oneOf("type", kInsuranceTypes);
      p.status = r.oneOf("status", kStatuses);
      p.since = r.month("since");
      p.paidMonths = r.smallInt("paidMonths", 0, kMaxMonths);
      p.arrearsMonths = r.smallInt("arrearsMonths", 0, kMaxMonths);
      return p;
    });
    if (error.empty() && c.participations.empty()) d.fail("document.participations: empty");
  }
  if (c.type == CertificateType::RightsRecord && error.empty()) {
    c.contributionsByYear = rows<YearContribution>(d, "contributionsByYear", "document.", error, [](Reader& r) {
      YearContribution y;
      y.year = r.smallInt("year", 1900, 2999);
      y.paidMonths = r.smallInt("paidMonths", 0, 12);
      y.baseFen = r.integer("baseFen", 0, kMaxFen);
      y.employerFen = r.integer("employerFen", 0, kMaxFen);
      y.personalFen = r.integer("personalFen", 0, kMaxFen);
      return y;
    });
    if (error.empty() && c.contributionsByYear.empty()) d.fail("document.contributionsByYear: empty");
    const bool ascending = std::is_sorted(c.contributionsByYear.begin(), c.contributionsByYear.end(),
                                          [](const auto& a, const auto& b) { return a.year <= b.year; });
    if (error.empty() && !ascending) d.fail("document.contributionsByYear: years not ascending and unique");
    if (const json* account = d.member("pensionAccount", json::value_t::object)) {
      Reader a(*account, "document.pensionAccount.", error);
      PensionAccount pa;
      pa.balanceFen = a.integer("balanceFen", 0, kMaxFen);
      if (account->contains("asOfYear") && !account->at("asOfYear").is_null())
        pa.asOfYear = a.smallInt("asOfYear", 1900, 2999);
      c.pensionAccount = pa;
    }
  }
  if (c.type == CertificateType::Benefit && error.empty()) {
    c.benefits = rows<BenefitPayments>(d, "benefits", "document.", error, [](Reader& r) {
      BenefitPayments b;
      b.type = r.oneOf("type", kInsuranceTypes);
      b.since = r.month("since");
      b.latestMonth = r.month("latestMonth");
      b.payments = r.smallInt("payments", 0, kMaxMonths);
      b.totalFen = r.integer("totalFen", 0, kMaxFen);
      b.monthlyFen = r.integer("monthlyFen", 0, kMaxFen);
      return b;
    });
    if (error.empty() && c.benefits.empty()) d.fail("document.benefits: empty");
  }
  if (!error.empty()) return core::Error{"certificate: " + error};
  return c;
}

}  // namespace onestop::documents

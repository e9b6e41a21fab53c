#include "sync/api_client.hpp"

#include <cmath>
#include <cstdio>

#include "core/code_payload.hpp"
#include "core/iso_date.hpp"
#include "sync/json_reader.hpp"

namespace onestop::sync::api {
namespace {

using nlohmann::json;

constexpr std::int64_t kMaxFen = 100'000'000'000;   // a billion yuan: anything above is nonsense
constexpr std::size_t kShort = 64, kName = 160, kSeal = 512;

using core::isoDate;
using Error = std::optional<std::string>;

// openapi.yaml's enums, shared by the parsers that meet them.
const std::initializer_list<std::string_view> kApplicationStates = {
    "accepted", "in_review", "first_review_done", "approved", "rejected", "completed"};
const std::initializer_list<std::string_view> kCertificateTypes = {"participation", "rights_record", "benefit"};
const std::initializer_list<std::string_view> kFeedbackCategories = {"complaint", "suggestion"};
constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

// The spec's scalar formats (components/schemas Day, Month, Timestamp).
enum class Format { Day, Month, Timestamp };

bool fits(std::string_view s, Format f) {
  switch (f) {
    case Format::Day: return core::parseIsoDate(s).has_value();
    case Format::Month: return s.size() == 7 && core::parseIsoDate(std::string(s) + "-01").has_value();
    case Format::Timestamp: {
      const auto upTo = [&](std::size_t at, int max) {
        return s.substr(at, 2).find_first_not_of(kDigits) == std::string_view::npos &&
               (s[at] - '0') * 10 + (s[at + 1] - '0') <= max;
      };
      return s.size() == 20 && core::parseIsoDate(s.substr(0, 10)) && s[10] == 'T' && s[13] == ':' && s[16] == ':' &&
             s[19] == 'Z' && upTo(11, 23) && upTo(14, 59) && upTo(17, 59);
    }
  }
  return false;
}

// The readers below add to JsonReader what only some answers need; they report through
// the same error, so the first violation still wins.
std::string formatted(JsonReader& r, Error& e, std::string_view name, Format f) {
  auto s = r.text(name, 20);
  if (r.ok() && !fits(s, f)) e = r.at(name) + ": not in the API's format";
  return r.ok() ? s : std::string{};
}

/// `min`–`max` bytes, each from `allowed` (the spec's patterns).
std::string token(JsonReader& r, Error& e, std::string_view name, std::string_view allowed, std::size_t min,
                  std::size_t max) {
  auto s = r.text(name, max);
  if (r.ok() && (s.size() < min || s.find_first_not_of(allowed) != std::string::npos))
    e = r.at(name) + ": not in the API's format";
  return r.ok() ? s : std::string{};
}

std::string acceptanceNumberOf(JsonReader& r, Error& e) {
  auto s = r.text("acceptanceNumber", 16);
  if (r.ok() && !core::isWellFormedAcceptanceNumber(s)) e = r.at("acceptanceNumber") + ": not an acceptance number";
  return r.ok() ? s : std::string{};
}

/// A masked ID number: a clear one must never reach a screen or a log.
std::string maskedId(JsonReader& r, Error& e, std::string_view name, bool required = true) {
  auto s = r.text(name, kShort, required);
  if (r.ok() && !s.empty() && s.find('*') == std::string::npos) e = r.at(name) + ": not masked";
  return r.ok() ? s : std::string{};
}

/// A text the spec requires but allows empty (JsonReader's required texts may not be).
std::string presentText(JsonReader& r, const json& object, Error& e, std::string_view name, std::size_t maxBytes) {
  if (r.ok() && (!object.contains(std::string(name)) || object[std::string(name)].is_null())) e = r.at(name) + ": missing";
  return r.text(name, maxBytes, false);
}

/// A fraction in [0, 1] (an interest rate); JSON numbers of any kind.
double fraction(JsonReader& r, const json& object, Error& e, std::string_view name) {
  if (!r.ok()) return 0;
  const auto it = object.find(std::string(name));
  if (it == object.end() || !it->is_number()) return e = r.at(name) + ": not a number", 0;
  const double v = it->get<double>();
  if (!std::isfinite(v) || v < 0 || v > 1) return e = r.at(name) + ": out of range", 0;
  return v;
}

std::string item(std::string_view list, std::size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; }

/// Percent-encodes all but [A-Za-z0-9-] for a path segment: typed text cannot leave it.
std::string pathSegment(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '-' || kAlnum.find(c) != std::string_view::npos) {
      out += c;
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
      out += hex;
    }
  }
  return out;
}

// The masked certificate data of a verdict; `statuses` are those the endpoint may answer.
void readVerdict(JsonReader& top, Error& e, SealVerdict& v, std::initializer_list<std::string_view> statuses) {
  v.status = top.oneOf("status", statuses);
  if (v.status == "valid" || v.status == "revoked" || v.status == "expired") {
    v.serial = token(top, e, "serial", std::string(kAlnum) + "-", 1, 24);
    v.type = top.oneOf("type", kCertificateTypes);
    v.issuedAt = formatted(top, e, "issuedAt", Format::Timestamp);
    v.validUntil = formatted(top, e, "validUntil", Format::Timestamp);
    v.holderNameMasked = top.text("holderNameMasked", kName, false);
    v.holderIdNumberMasked = maskedId(top, e, "holderIdNumberMasked", false);
    v.revokeReason = top.text("revokeReason", 800, false);
  }
}

const char* cardTypeName(core::CardType t) {
  switch (t) {
    case core::CardType::Mainland: return "mainland";
    case core::CardType::HmtPermit: return "hmtPermit";
    case core::CardType::Foreign2017: return "foreign2017";
    case core::CardType::Foreign2023: return "foreign2023";
  }
  return "mainland";
}

HttpRequest make(std::string method, std::string path, const std::string& session = {}, const json* body = nullptr) {
  HttpRequest r;
  r.method = std::move(method);
  r.path = std::move(path);
  if (!session.empty()) r.headers["Authorization"] = "Bearer " + session;
  if (body) r.body = body->dump();
  return r;
}

// Turns anything but the expected status into a failure; parses the body as JSON.
template <class T, class Parse>
Answer<T> expect(const HttpResult& r, long wanted, Parse parse) {
  if (!r.answered()) return ApiFailure{ApiFailure::Kind::Network, r.error, 0, "", r.errorText};
  const auto body = json::parse(r.body, nullptr, false);
  if (r.status != wanted) {
    const std::string code = body.is_object() && body.contains("code") && body["code"].is_string()
                                 ? body["code"].get<std::string>().substr(0, kShort)
                                 : "";
    if (code.empty())
      return ApiFailure{ApiFailure::Kind::Malformed, NetError::None, r.status, "",
                        "HTTP " + std::to_string(r.status) + " without a problem code"};
    return ApiFailure{ApiFailure::Kind::Problem, NetError::None, r.status, code, "HTTP " + std::to_string(r.status)};
  }
  std::optional<std::string> error;
  if (body.is_discarded()) error = "answer is not JSON";
  T value{};
  if (!error) {
    JsonReader top(body, "", &error);
    parse(top, body, value, error);
  }
  if (error) return ApiFailure{ApiFailure::Kind::Malformed, NetError::None, r.status, "", *error};
  return value;
}

}  // namespace

HttpRequest identifyByCard(const core::Identity& id) {
  json card = {{"type", cardTypeName(id.cardType)},
               {"idNumber", id.idNumber},
               {"name", id.name},
               {"gender", id.genderCode},
               {"birthDate", isoDate(id.birthDate)},
               {"validFrom", isoDate(id.validFrom)},
               {"validTo", id.validTo ? isoDate(*id.validTo) : "long-term"}};
  if (!id.englishName.empty()) card["englishName"] = id.englishName;
  if (!id.nationality.empty()) card["nationality"] = id.nationality;
  const json body = {{"method", "id_card"}, {"card", card}};
  return make("POST", "/v1/identify", {}, &body);
}

HttpRequest identifyByEssc(const std::string& token) {
  const json body = {{"method", "essc"}, {"token", token}};
  return make("POST", "/v1/identify", {}, &body);
}

HttpRequest endSession(const std::string& session) { return make("DELETE", "/v1/session", session); }
HttpRequest participation(const std::string& session) { return make("GET", "/v1/me/participation", session); }
HttpRequest contributions(const std::string& session, std::optional<int> year) {
  return make("GET", "/v1/me/contributions" + (year ? "?year=" + std::to_string(*year) : std::string()), session);
}
HttpRequest issueCertificate(const std::string& session, const std::string& type,
                             const std::optional<core::MonthPeriod>& period) {
  json body = {{"type", type}};
  if (period) body["period"] = {{"from", period->from}, {"to", period->to}};
  return make("POST", "/v1/me/certificates", session, &body);
}
HttpRequest verifySeal(const std::string& sealText) {
  const json body = {{"seal", sealText}};
  return make("POST", "/v1/certificates/verify", {}, &body);
}
HttpRequest file(const std::string& session, const std::string& service, const json& details) {
  const json body = {{"service", service}, {"details", details}};
  return make("POST", "/v1/me/filings", session, &body);
}
HttpRequest progress(const std::string& acceptanceNumber) { return make("GET", "/v1/progress/" + acceptanceNumber); }
HttpRequest printOutcome(const std::string& serial, bool printed) {
  const json body = {{"outcome", printed ? "printed" : "not_printed"}};
  return make("POST", "/v1/certificates/" + pathSegment(serial) + "/print-outcome", {}, &body);
}
HttpRequest rate(const std::string& acceptanceNumber, int level, const std::string& reason) {
  json body = {{"acceptanceNumber", acceptanceNumber}, {"level", level}};
  if (!reason.empty()) body["reason"] = reason;
  return make("POST", "/v1/ratings", {}, &body);
}
HttpRequest queueTicket(const std::string& service) {
  const json body = {{"service", service}};
  return make("POST", "/v1/queue-tickets", {}, &body);
}
HttpRequest pensionAccount(const std::string& session) { return make("GET", "/v1/me/pension-account", session); }
HttpRequest benefits(const std::string& session) { return make("GET", "/v1/me/benefits", session); }
HttpRequest applications(const std::string& session) { return make("GET", "/v1/me/applications", session); }
HttpRequest profile(const std::string& session) { return make("GET", "/v1/me/profile", session); }
HttpRequest certificateByCode(const std::string& code) {
  return make("GET", "/v1/certificates/by-code/" + pathSegment(code));
}
HttpRequest complain(const std::string& category, const std::string& text, const std::string& acceptanceNumber,
                     const std::string& session) {
  json body = {{"category", category}, {"text", text}};
  if (!acceptanceNumber.empty()) body["acceptanceNumber"] = acceptanceNumber;
  return make("POST", "/v1/complaints", session, &body);
}
HttpRequest publicKeys() { return make("GET", "/v1/keys"); }
HttpRequest reserveQueueNumbers(const std::string& service, int count) {
  const json body{{"service", service}, {"count", count}};
  return make("POST", "/v1/queue-tickets/reservations", {}, &body);
}
HttpRequest issueReservedNumber(const std::string& number, const std::string& day, const std::string& issuedAt) {
  const json body{{"day", day}, {"issuedAt", issuedAt}};
  return make("POST", "/v1/queue-tickets/" + pathSegment(number) + "/issue", {}, &body);
}

Answer<Session> parseSession(const HttpResult& r) {
  return expect<Session>(r, 201, [](JsonReader& top, const json& body, Session& s, std::optional<std::string>& e) {
    s.token = top.text("sessionToken", 128);
    s.expiresAt = top.text("expiresAt", kShort);
    if (!top.object("citizen")) return;
    JsonReader c(body["citizen"], "citizen", &e);
    s.name = c.text("name", kName);
    s.nameMasked = c.text("nameMasked", kName);
    s.idNumberMasked = maskedId(c, e, "idNumberMasked");
    s.cardStatus = c.oneOf("socialSecurityCardStatus", {"normal", "lost"});
  });
}

Answer<std::vector<Participation>> parseParticipation(const HttpResult& r) {
  return expect<std::vector<Participation>>(r, 200, [](JsonReader& top, const json& body, auto& out, auto& e) {
    const auto* list = top.array("participations", 16);
    if (!list) return;
    for (std::size_t i = 0; i < list->size() && !e; ++i) {
      JsonReader p((*list)[i], "participations[" + std::to_string(i) + "]", &e);
      Participation item;
      item.type = p.oneOf("type", {"pension", "medical", "unemployment", "workInjury", "maternity"});
      item.status = p.oneOf("status", {"active", "suspended", "terminated"});
      item.since = p.text("since", 7);
      if (const auto* history = p.array("history", 200))
        for (std::size_t j = 0; j < history->size() && !e; ++j) {
          JsonReader h((*history)[j], p.at("history") + "[" + std::to_string(j) + "]", &e);
          item.history.push_back({h.text("from", 7), h.text("to", 7, false), h.text("status", kShort), h.text("employer", kName, false)});
        }
      out.push_back(std::move(item));
    }
    (void)body;
  });
}

Answer<Contributions> parseContributions(const HttpResult& r) {
  return expect<Contributions>(r, 200, [](JsonReader& top, const json& body, Contributions& c, auto& e) {
    if (const auto* years = top.array("years", 120))
      for (const auto& y : *years) {
        if (!y.is_number_integer() || y.get<int>() < 1950 || y.get<int>() > 2200) {
          e = "years: not a year";
          return;
        }
        c.years.push_back(y.get<int>());
      }
    if (body.contains("year") && !body["year"].is_null()) c.year = static_cast<int>(top.integer("year", 1950, 2200));
    if (const auto* months = top.array("months", 12))
      for (std::size_t i = 0; i < months->size() && !e; ++i) {
        JsonReader m((*months)[i], "months[" + std::to_string(i) + "]", &e);
        ContributionMonth month{m.text("month", 7), {}};
        if (const auto* items = m.array("items", 5))
          for (std::size_t j = 0; j < items->size() && !e; ++j) {
            JsonReader it((*items)[j], m.at("items") + "[" + std::to_string(j) + "]", &e);
            month.items.push_back({it.oneOf("type", {"pension", "medical", "unemployment", "workInjury", "maternity"}),
                                   it.oneOf("status", {"paid", "arrears", "back_paid"}), it.integer("baseFen", 0, kMaxFen),
                                   it.integer("employerFen", 0, kMaxFen), it.integer("personalFen", 0, kMaxFen)});
          }
        c.months.push_back(std::move(month));
      }
    if (top.object("yearTotals")) {
      JsonReader t(body["yearTotals"], "yearTotals", &e);
      c.employerFen = t.integer("employerFen", 0, kMaxFen);
      c.personalFen = t.integer("personalFen", 0, kMaxFen);
      c.paidMonths = t.integer("paidMonths", 0, 12);
      c.arrearsMonths = t.integer("arrearsMonths", 0, 12);
    }
    c.pensionPaidMonthsAllYears = top.integer("pensionPaidMonthsAllYears", 0, 12 * 100);
  });
}

Answer<Certificate> parseCertificate(const HttpResult& r) {
  return expect<Certificate>(r, 201, [](JsonReader& top, const json& body, Certificate& c, auto& e) {
    c.serial = top.text("serial", 24);
    c.type = top.oneOf("type", kCertificateTypes);
    c.issuedAt = top.text("issuedAt", kShort);
    c.validUntil = top.text("validUntil", kShort);
    c.keyId = top.text("keyId", 12);
    c.seal = top.text("seal", kSeal);
    c.verificationCode = top.text("verificationCode", 12);
    c.verificationCodePrinted = top.text("verificationCodePrinted", 14);
    c.acceptanceNumber = top.text("acceptanceNumber", 16);
    if (!top.object("document")) return;
    JsonReader doc(body["document"], "document", &e);
    if (!doc.object("holder")) return;
    JsonReader holder(body["document"]["holder"], "document.holder", &e);
    holder.text("name", kName);
    maskedId(holder, e, "idNumberMasked");
    if (!doc.object("period")) return;
    JsonReader period(body["document"]["period"], "document.period", &e);
    c.period.from = formatted(period, e, "from", Format::Month);
    c.period.to = formatted(period, e, "to", Format::Month);
    if (period.ok() && c.period.to < c.period.from) e = period.at("to") + ": before from";
    c.document = body["document"];
  });
}

Answer<SealVerdict> parseSealVerdict(const HttpResult& r) {
  return expect<SealVerdict>(r, 200, [](JsonReader& top, const json&, SealVerdict& v, Error& e) {
    readVerdict(top, e, v, {"valid", "revoked", "expired", "malformed", "unknown_key", "key_expired", "bad_signature",
                            "unknown_serial"});
  });
}

Answer<FilingReceipt> parseFilingReceipt(const HttpResult& r) {
  return expect<FilingReceipt>(r, 201, [](JsonReader& top, const json&, FilingReceipt& f, auto&) {
    f.acceptanceNumber = top.text("acceptanceNumber", 16);
    f.service = top.text("service", kShort);
    f.state = top.oneOf("state", {"accepted", "completed"});
    f.acceptedAt = top.text("acceptedAt", kShort);
    f.dueOn = top.text("dueOn", 10);
    f.timeLimitWorkingDays = static_cast<int>(top.integer("timeLimitWorkingDays", 0, 365));
  });
}

Answer<Progress> parseProgress(const HttpResult& r) {
  return expect<Progress>(r, 200, [](JsonReader& top, const json&, Progress& p, auto& e) {
    p.acceptanceNumber = top.text("acceptanceNumber", 16);
    p.service = top.text("service", kShort);
    p.state = top.oneOf("state", kApplicationStates);
    p.reason = top.text("reason", 800, false);
    p.acceptedAt = top.text("acceptedAt", kShort);
    p.dueOn = top.text("dueOn", 10);
    p.updatedAt = top.text("updatedAt", kShort);
    if (const auto* history = top.array("history", 100))
      for (std::size_t i = 0; i < history->size() && !e; ++i) {
        JsonReader h((*history)[i], "history[" + std::to_string(i) + "]", &e);
        p.history.emplace_back(h.text("state", kShort), h.text("at", kShort));
      }
  });
}

Answer<QueueTicket> parseQueueTicket(const HttpResult& r) {
  return expect<QueueTicket>(r, 201, [](JsonReader& top, const json&, QueueTicket& q, auto&) {
    q.number = top.text("number", 8);
    q.service = top.text("service", kShort);
    q.issuedAt = top.text("issuedAt", kShort);
    q.peopleAhead = top.integer("peopleAhead", 0, 100000);
  });
}

Answer<QueueReservation> parseQueueReservation(const HttpResult& r) {
  return expect<QueueReservation>(r, 201, [](JsonReader& top, const json&, QueueReservation& q, Error& e) {
    q.service = token(top, e, "service", "abcdefghijklmnopqrstuvwxyz_", 3, 40);
    q.day = formatted(top, e, "day", Format::Day);
    const auto* numbers = top.array("numbers", 20);
    if (!numbers) return;
    if (numbers->empty()) e = top.at("numbers") + ": empty";
    for (std::size_t i = 0; i < numbers->size() && !e; ++i) {
      const auto& n = (*numbers)[i];
      const std::string at = top.at("numbers") + "[" + std::to_string(i) + "]";
      const std::string s = n.is_string() ? n.get<std::string>() : std::string();
      const bool shaped = s.size() == 4 && s[0] >= 'A' && s[0] <= 'Z' && s.find_first_not_of(kDigits, 1) == std::string::npos;
      if (!shaped) e = at + ": not a ticket number";
      // One letter, ascending: the order in which the kiosk hands them out.
      else if (!q.numbers.empty() && (s[0] != q.numbers.front()[0] || s <= q.numbers.back())) e = at + ": out of order";
      else q.numbers.push_back(s);
    }
  });
}

Answer<PensionAccount> parsePensionAccount(const HttpResult& r) {
  return expect<PensionAccount>(r, 200, [](JsonReader& top, const json&, PensionAccount& a, Error& e) {
    a.balanceFen = top.integer("balanceFen", 0, kMaxFen);
    const auto* years = top.array("years", 100);
    if (!years) return;
    for (std::size_t i = 0; i < years->size() && !e; ++i) {
      const auto& row = (*years)[i];
      JsonReader y(row, item("years", i), &e);
      PensionYear py;
      py.year = static_cast<int>(y.integer("year", 1950, 2200));
      py.openingFen = y.integer("openingFen", 0, kMaxFen);
      py.contributedFen = y.integer("contributedFen", 0, kMaxFen);
      py.interestFen = y.integer("interestFen", 0, kMaxFen);
      py.closingFen = y.integer("closingFen", 0, kMaxFen);
      py.interestRate = fraction(y, row, e, "interestRate");
      // Oldest first, one row per year: anything else would be shown in the wrong order.
      if (y.ok() && !a.years.empty() && py.year <= a.years.back().year) e = y.at("year") + ": not after the row before";
      a.years.push_back(py);
    }
    // The balance is the last year's closing (openapi.yaml); two figures would be one too many.
    if (!e && a.balanceFen != (a.years.empty() ? 0 : a.years.back().closingFen))
      e = "balanceFen: not the last year's closing";
  });
}

Answer<std::vector<BenefitPayment>> parseBenefits(const HttpResult& r) {
  return expect<std::vector<BenefitPayment>>(r, 200, [](JsonReader& top, const json&, auto& out, Error& e) {
    const auto* list = top.array("payments", 120);
    if (!list) return;
    for (std::size_t i = 0; i < list->size() && !e; ++i) {
      JsonReader p((*list)[i], item("payments", i), &e);
      BenefitPayment b;
      b.type = p.text("type", kShort);
      b.month = formatted(p, e, "month", Format::Month);
      b.amountFen = p.integer("amountFen", 0, kMaxFen);
      b.paidOn = formatted(p, e, "paidOn", Format::Day);
      if (p.ok() && !out.empty() && b.month > out.back().month) e = p.at("month") + ": not newest first";
      out.push_back(std::move(b));
    }
  });
}

Answer<std::vector<Application>> parseApplications(const HttpResult& r) {
  return expect<std::vector<Application>>(r, 200, [](JsonReader& top, const json&, auto& out, Error& e) {
    const auto* list = top.array("applications", 50);
    if (!list) return;
    for (std::size_t i = 0; i < list->size() && !e; ++i) {
      const auto& row = (*list)[i];
      JsonReader a(row, item("applications", i), &e);
      Application app;
      app.acceptanceNumber = acceptanceNumberOf(a, e);
      app.service = token(a, e, "service", "abcdefghijklmnopqrstuvwxyz0123456789_", 1, kShort);
      app.state = a.oneOf("state", kApplicationStates);
      app.reason = presentText(a, row, e, "reason", 800);
      app.acceptedAt = formatted(a, e, "acceptedAt", Format::Timestamp);
      app.dueOn = formatted(a, e, "dueOn", Format::Day);
      app.updatedAt = formatted(a, e, "updatedAt", Format::Timestamp);
      if (a.ok() && !out.empty() && app.acceptedAt > out.back().acceptedAt) e = a.at("acceptedAt") + ": not newest first";
      out.push_back(std::move(app));
    }
  });
}

Answer<Profile> parseProfile(const HttpResult& r) {
  return expect<Profile>(r, 200, [](JsonReader& top, const json& body, Profile& p, Error& e) {
    // Present, and null or masked: the kiosk never needs (nor accepts) a clear value here.
    auto masked = [&](std::string_view name) -> std::optional<std::string> {
      if (!top.ok()) return std::nullopt;
      const std::string key(name);
      if (!body.contains(key)) return e = top.at(name) + ": missing", std::nullopt;
      if (body[key].is_null()) return std::nullopt;
      auto s = top.text(name, kName);
      if (top.ok() && s.find('*') == std::string::npos) return e = top.at(name) + ": not masked", std::nullopt;
      return top.ok() ? std::optional<std::string>(s) : std::nullopt;
    };
    p.phoneMasked = masked("phoneMasked");
    p.addressMasked = masked("addressMasked");
    p.bankAccountMasked = masked("bankAccountMasked");
    p.cardStatus = top.oneOf("socialSecurityCardStatus", {"normal", "lost"});
    const auto* list = top.array("pendingChanges", 50);
    if (!list) return;
    for (std::size_t i = 0; i < list->size() && !e; ++i) {
      JsonReader c((*list)[i], item("pendingChanges", i), &e);
      PendingChange change;
      change.acceptanceNumber = acceptanceNumberOf(c, e);
      change.service = token(c, e, "service", "abcdefghijklmnopqrstuvwxyz0123456789_", 1, kShort);
      change.state = c.oneOf("state", {"accepted", "in_review", "first_review_done", "approved"});
      p.pending.push_back(std::move(change));
    }
  });
}

Answer<SealVerdict> parseCodeVerdict(const HttpResult& r) {
  return expect<SealVerdict>(r, 200, [](JsonReader& top, const json&, SealVerdict& v, Error& e) {
    readVerdict(top, e, v, {"valid", "expired", "revoked"});
  });
}

Answer<Rating> parseRating(const HttpResult& r) {
  return expect<Rating>(r, 201, [](JsonReader& top, const json&, Rating& g, Error& e) {
    g.acceptanceNumber = acceptanceNumberOf(top, e);
    g.level = static_cast<int>(top.integer("level", 1, 5));
  });
}

Answer<ComplaintReceipt> parseComplaintReceipt(const HttpResult& r) {
  return expect<ComplaintReceipt>(r, 201, [](JsonReader& top, const json&, ComplaintReceipt& c, Error& e) {
    c.id = token(top, e, "id", "FB0123456789", 16, 16);   // "FB" and 14 digits
    if (top.ok() && (!c.id.starts_with("FB") || c.id.find_first_not_of(kDigits, 2) != std::string::npos))
      e = "id: not in the API's format";
    c.category = top.oneOf("category", kFeedbackCategories);
    c.receivedAt = formatted(top, e, "receivedAt", Format::Timestamp);
  });
}

Answer<std::vector<PublicKey>> parsePublicKeys(const HttpResult& r) {
  return expect<std::vector<PublicKey>>(r, 200, [](JsonReader& top, const json&, auto& out, Error& e) {
    const auto* list = top.array("keys", 32);
    if (!list) return;
    constexpr std::int64_t kMaxEpoch = 9'999'999'999;   // the seal's 10 digits (docs/seal.md)
    for (std::size_t i = 0; i < list->size() && !e; ++i) {
      JsonReader k((*list)[i], item("keys", i), &e);
      PublicKey key;
      key.kid = token(k, e, "kid", "abcdefghijklmnopqrstuvwxyz0123456789-", 1, 12);
      key.alg = k.oneOf("alg", {"Ed25519"});
      // 32 bytes in base64url without padding are 43 characters.
      key.publicKey = token(k, e, "publicKey", std::string(kAlnum) + "-_", 43, 43);
      key.notBefore = k.integer("notBefore", 0, kMaxEpoch);
      key.verifyUntil = k.integer("verifyUntil", 0, kMaxEpoch);
      if (k.ok() && key.verifyUntil <= key.notBefore) e = k.at("verifyUntil") + ": not after notBefore";
      out.push_back(std::move(key));
    }
  });
}

Answer<bool> parseSuccess(const HttpResult& r) {
  if (r.answered() && r.status >= 200 && r.status < 300) return true;
  return expect<bool>(r, -1, [](JsonReader&, const json&, bool&, auto&) {});
}

}  // namespace onestop::sync::api

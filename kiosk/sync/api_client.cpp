#include "core/iso_date.hpp"
#include "sync/api_client.hpp"

#include <cstdio>

#include "sync/json_reader.hpp"

namespace onestop::sync::api {
namespace {

using nlohmann::json;

constexpr std::int64_t kMaxFen = 100'000'000'000;   // a billion yuan: anything above is nonsense
constexpr std::size_t kShort = 64, kName = 160, kSeal = 512;

using core::isoDate;

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
HttpRequest issueCertificate(const std::string& session, const std::string& type) {
  const json body = {{"type", type}};
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
HttpRequest rate(const std::string& acceptanceNumber, int level, const std::string& reason) {
  json body = {{"acceptanceNumber", acceptanceNumber}, {"level", level}};
  if (!reason.empty()) body["reason"] = reason;
  return make("POST", "/v1/ratings", {}, &body);
}
HttpRequest queueTicket(const std::string& service) {
  const json body = {{"service", service}};
  return make("POST", "/v1/queue-tickets", {}, &body);
}

Answer<Session> parseSession(const HttpResult& r) {
  return expect<Session>(r, 201, [](JsonReader& top, const json& body, Session& s, std::optional<std::string>& e) {
    s.token = top.text("sessionToken", 128);
    s.expiresAt = top.text("expiresAt", kShort);
    if (!top.object("citizen")) return;
    JsonReader c(body["citizen"], "citizen", &e);
    s.name = c.text("name", kName);
    s.nameMasked = c.text("nameMasked", kName);
    s.idNumberMasked = c.text("idNumberMasked", kShort);
    s.cardStatus = c.oneOf("socialSecurityCardStatus", {"normal", "lost"});
    if (c.ok() && s.idNumberMasked.find('*') == std::string::npos) e = "citizen.idNumberMasked: not masked";
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
    c.type = top.oneOf("type", {"participation", "rights_record", "benefit"});
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
    const auto masked = holder.text("idNumberMasked", kShort);
    if (holder.ok() && masked.find('*') == std::string::npos) e = "document.holder.idNumberMasked: not masked";
    c.document = body["document"];
  });
}

Answer<SealVerdict> parseSealVerdict(const HttpResult& r) {
  return expect<SealVerdict>(r, 200, [](JsonReader& top, const json&, SealVerdict& v, auto&) {
    v.status = top.oneOf("status", {"valid", "revoked", "expired", "malformed", "unknown_key", "key_expired",
                                    "bad_signature", "unknown_serial"});
    if (v.status == "valid" || v.status == "revoked" || v.status == "expired") {
      v.serial = top.text("serial", 24);
      v.type = top.oneOf("type", {"participation", "rights_record", "benefit"});
      v.issuedAt = top.text("issuedAt", kShort);
      v.validUntil = top.text("validUntil", kShort);
      v.holderNameMasked = top.text("holderNameMasked", kName, false);
      v.holderIdNumberMasked = top.text("holderIdNumberMasked", kShort, false);
      v.revokeReason = top.text("revokeReason", 800, false);
    }
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
    p.state = top.oneOf("state", {"accepted", "in_review", "approved", "rejected", "completed"});
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

Answer<bool> parseSuccess(const HttpResult& r) {
  if (r.answered() && r.status >= 200 && r.status < 300) return true;
  return expect<bool>(r, -1, [](JsonReader&, const json&, bool&, auto&) {});
}

}  // namespace onestop::sync::api

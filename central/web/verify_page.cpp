// The public verification page (no log-in, rate-limited): GET /verify?code=… for the
// 12-digit code printed on a certificate, GET /v/<seal> for the URL form of its QR code.
// It shows whether the certificate is genuine, unrevoked and valid, with exactly the masked
// data the certificate prints — and says plainly "not genuine" for anything forged or altered.
#include <optional>

#include <spdlog/spdlog.h>

#include "api/rate_limit.hpp"
#include "seal/seal.hpp"
#include "web/formatting.hpp"
#include "web/pages.hpp"

namespace onestop::central::web {
namespace {

namespace vc = seal::verification_code;

enum class Verdict { Genuine, Expired, Revoked, NotGenuine, NoSuchCode, CannotCheck };

// What a genuine certificate prints about itself: shown, and nothing else.
struct Printed {
  std::string type;  ///< participation | rights_record | benefit
  std::string serial;
  std::string maskedName;
  std::string maskedIdNumber;
  std::int64_t issuedAt = 0;
  std::int64_t validUntil = 0;
  std::int64_t revokedAt = 0;
};

struct Outcome {
  Verdict verdict = Verdict::NotGenuine;
  std::optional<Printed> printed;
};

constexpr std::size_t kMaxTypedCode = 40;   // 12 digits with generous spacing
constexpr std::size_t kMaxSealInUrl = 512;  // twice a seal's 250: anything longer is not one

std::string_view verdictClass(Verdict v) {
  switch (v) {
    case Verdict::Genuine: return "genuine";
    case Verdict::Expired:
    case Verdict::Revoked:
    case Verdict::CannotCheck: return "warn";
    case Verdict::NotGenuine:
    case Verdict::NoSuchCode: return "bad";
  }
  return "bad";
}

std::string_view verdictKey(Verdict v) {
  switch (v) {
    case Verdict::Genuine: return "genuine";
    case Verdict::Expired: return "expired";
    case Verdict::Revoked: return "revoked";
    case Verdict::NotGenuine: return "not_genuine";
    case Verdict::NoSuchCode: return "no_such_code";
    case Verdict::CannotCheck: return "cannot_check";
  }
  return "not_genuine";
}

std::string renderOutcome(const PageContext& page, const Outcome& outcome) {
  const auto& t = page.t;
  const int offset = page.env.options.utcOffsetMinutes;
  const auto key = verdictKey(outcome.verdict);
  std::string out = "<section class=\"verdict " + std::string(verdictClass(outcome.verdict)) +
                    "\" role=\"status\" id=\"verdict\" data-verdict=\"" + std::string(key) + "\">";
  out += "<p class=\"verdict-title\">" + escape(t.of("verify.verdict", key)) + "</p>";
  out += "<p>" + escape(t.of("verify.explain", key)) + "</p>";
  if (outcome.printed) {
    const auto& p = *outcome.printed;
    auto row = [&](std::string_view labelKey, const std::string& value) {
      return "<dt>" + escape(t(labelKey)) + "</dt><dd>" + escape(value) + "</dd>";
    };
    out += "<dl class=\"facts\">";
    out += row("verify.field.type", t.of("certificate", p.type));
    out += row("verify.field.serial", p.serial);
    out += row("verify.field.holder", p.maskedName);
    out += row("verify.field.id_number", p.maskedIdNumber);
    out += row("verify.field.issued", formatDate(t, p.issuedAt, offset));
    out += row("verify.field.valid_until", formatDate(t, p.validUntil, offset));
    if (outcome.verdict == Verdict::Revoked) out += row("verify.field.revoked", formatDate(t, p.revokedAt, offset));
    out += "</dl>";
  }
  return out + "</section>";
}

std::string codeForm(const PageContext& page, std::string_view typed) {
  const auto& t = page.t;
  return "<form method=\"get\" action=\"/verify\" class=\"panel\">"
         "<label for=\"code\">" + escape(t("verify.code_label")) + "</label>"
         "<p class=\"hint\" id=\"code-hint\">" + escape(t("verify.code_hint")) + "</p>"
         "<input id=\"code\" name=\"code\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" maxlength=\"40\" "
         "aria-describedby=\"code-hint\" value=\"" + escape(typed) + "\">"
         "<button type=\"submit\">" + escape(t("verify.check")) + "</button></form>";
}

WebResponse verifyPage(PageContext& page, int status, const std::string& result, std::string_view typed) {
  page.frame.title = page.t("verify.title");
  std::string body = "<p class=\"lead\">" + escape(page.t("verify.intro")) + "</p>";
  body += result;
  body += codeForm(page, typed);
  body += "<p class=\"hint\">" + escape(page.t("verify.privacy")) + "</p>";
  return htmlResponse(status, renderPage(page.t, page.frame, body));
}

// Counts one check against the caller's and everyone's budget; nullopt when allowed.
std::optional<WebResponse> rateLimited(PageContext& page, store::Connection& c) {
  const auto now = page.env.now();
  const auto& o = page.env.options;
  auto own = api::hitRateLimit(c, "verify-web:" + page.request.clientAddress, now, o.verificationsPerMinutePerAddress);
  if (!own) {
    spdlog::error("web: verification rate limit: {}", own.error().message);
    return messagePage(page, 503, "error.unavailable.title", "error.unavailable.text");
  }
  auto all = own->allowed ? api::hitRateLimit(c, "verify-web:*", now, o.verificationsPerMinute) : own;
  if (!all) {
    spdlog::error("web: verification rate limit: {}", all.error().message);
    return messagePage(page, 503, "error.unavailable.title", "error.unavailable.text");
  }
  if (own->allowed && all->allowed) return std::nullopt;
  auto r = messagePage(page, 429, "verify.too_many.title", "verify.too_many.text");
  r.addHeader("Retry-After", std::to_string(own->allowed ? all->retryAfterSeconds : own->retryAfterSeconds));
  return r;
}

constexpr const char* kCertificateColumns =
    "SELECT serial, type, issued_at, valid_until, revoked_at, seal FROM certificates ";

// The row as printed; the masked holder data comes from the stored seal, which is exactly
// what the QR code carries.
std::optional<Printed> printedFrom(const store::Row& row) {
  auto parsed = seal::parseSeal(row.text(5));
  if (!parsed) return std::nullopt;
  return Printed{row.text(1),
                 row.text(0),
                 parsed->payload.maskedName,
                 parsed->payload.maskedIdNumber,
                 row.integer(2),
                 row.integer(3),
                 row.isNull(4) ? 0 : row.integer(4)};
}

Verdict verdictFor(const Printed& p, std::int64_t now) {
  if (p.revokedAt != 0) return Verdict::Revoked;
  return now < p.validUntil ? Verdict::Genuine : Verdict::Expired;
}

}  // namespace

WebResponse verifyByCodePage(PageContext& page) {
  const auto typed = page.request.queryValue("code");
  if (page.request.query.find("code") == page.request.query.end()) return verifyPage(page, 200, "", "");
  const auto code = typed.size() <= kMaxTypedCode ? vc::normalize(typed) : std::nullopt;
  if (!code) {
    // A typo (the check digit catches any single wrong digit or swapped pair) or garbage:
    // no lookup is made and the text is not echoed back.
    return verifyPage(page, 400, notice("error", page.t("verify.bad_code")), "");
  }
  auto lease = page.env.db.acquire();
  if (!lease) return messagePage(page, 503, "error.unavailable.title", "error.unavailable.text");
  auto& c = *lease.value();
  if (auto refused = rateLimited(page, c)) return *refused;
  auto rows = c.query(std::string(kCertificateColumns) + "WHERE verification_code = ?", {*code});
  if (!rows) {
    spdlog::error("web: verification by code: {}", rows.error().message);
    return messagePage(page, 503, "error.unavailable.title", "error.unavailable.text");
  }
  Outcome outcome{Verdict::NoSuchCode, std::nullopt};
  if (!rows->empty()) {
    outcome.printed = printedFrom(rows.value()[0]);
    outcome.verdict = outcome.printed ? verdictFor(*outcome.printed, page.env.now()) : Verdict::CannotCheck;
  }
  return verifyPage(page, 200, renderOutcome(page, outcome), vc::formatForPrint(*code));
}

WebResponse verifyBySealPage(PageContext& page, std::string_view sealText) {
  auto lease = page.env.db.acquire();
  if (!lease) return messagePage(page, 503, "error.unavailable.title", "error.unavailable.text");
  auto& c = *lease.value();
  if (auto refused = rateLimited(page, c)) return *refused;
  const auto now = page.env.now();
  Outcome outcome{Verdict::NotGenuine, std::nullopt};
  const auto v = sealText.size() <= kMaxSealInUrl ? seal::verifySeal(sealText, page.env.keys.publicKeys(now), now)
                                                  : seal::SealVerification{};
  if (v.status == seal::SealStatus::KeyExpired) {
    outcome.verdict = Verdict::CannotCheck;  // authentic or not, it is long past its validity
  } else if (v.payload) {
    auto rows = c.query(std::string(kCertificateColumns) + "WHERE serial = ?", {v.payload->serial});
    if (!rows) {
      spdlog::error("web: verification by seal: {}", rows.error().message);
      return messagePage(page, 503, "error.unavailable.title", "error.unavailable.text");
    }
    // Genuine only when this exact seal is the one recorded for the serial: a correctly
    // signed seal we never recorded is not a certificate we issued.
    if (!rows->empty() && rows.value()[0].text(5) == sealText) {
      outcome.printed = printedFrom(rows.value()[0]);
      outcome.verdict = outcome.printed ? verdictFor(*outcome.printed, now) : Verdict::CannotCheck;
    } else {
      spdlog::warn("web: a correctly signed seal does not match the certificate recorded for its serial");
    }
  }
  return verifyPage(page, 200, renderOutcome(page, outcome), "");
}

}  // namespace onestop::central::web

#pragma once
// The kiosk session: a pure state machine. `handle(event)` returns the effects the shell
// must carry out (speak, print, call the network...). Screens draw from `state()` and
// report intents as events; nothing here touches a device, the network or the clock.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/certificate_flow.hpp"
#include "core/complaint_flow.hpp"
#include "core/filing_flow.hpp"
#include "core/identity.hpp"
#include "core/query_flow.hpp"
#include "core/rating_flow.hpp"
#include "core/scan_result.hpp"
#include "core/service_catalogue.hpp"

namespace onestop::core {

enum class Screen {
  Home,            ///< attract/home: hall name, clock, service groups
  ServiceGuide,    ///< list of services (optionally one group), browsable without identifying
  ServiceDetail,   ///< one-time notification for one service
  DisplayCheck,    ///< operator screen: fonts and rare-character names
  Identify,        ///< "place your ID card on the reader"
  Identified,      ///< the card was read: who, masked, and what happens next
  Scan,            ///< "hold your code up to the camera": live preview, scanning on
  ScanResult,      ///< what the scanned code is, and what it says
  Certificate,     ///< a certificate: issuing, preview, printing, take it (or why not)
  Filing,          ///< a filing: key in, confirm, accepted (or kept for later) with a receipt
  Ticket,          ///< a queue number for a counter service, printed
  Query,           ///< the identified citizen's own records (participation, contributions…)
  Complaint,       ///< a complaint or suggestion, typed on the on-screen keyboard
  ProgressEntry,   ///< an acceptance number typed on a keypad, to look up its progress
};

/// The ID card reader as the citizen needs to know it.
enum class ReaderState { Unknown, Ready, Unavailable };
/// The camera code scanner, likewise.
enum class ScannerState { Unknown, Ready, Unavailable };

/// A filing's progress looked up by its acceptance number (a scanned receipt): only the
/// non-personal status the server gives without identification.
struct ProgressView {
  enum class Phase { Loading, Shown, Failed } phase = Phase::Loading;
  std::uint64_t request = 0;
  std::string state;                            ///< accepted | in_review | approved | rejected | completed
  std::string service, acceptedOn, dueOn, updatedOn, reason;
  std::string problemKey;                       ///< Failed
};

/// A queue number for a service only a counter can do (the server numbers the hall's queue).
struct TicketView {
  enum class Phase { Loading, Shown, Failed } phase = Phase::Loading;
  std::uint64_t request = 0;
  std::string number;        ///< "B002"
  std::optional<int> peopleAhead;   ///< unknown when the kiosk numbered it offline
  bool receiptPrinted = false;
  std::string problemKey;    ///< Failed
};

struct SessionState {
  Screen screen = Screen::Home;
  std::string language = "zh-CN";
  bool largeText = false;
  bool voice = false;
  std::optional<ServiceGroup> guideGroup;   ///< group filter of the guide; none = all
  std::string serviceId;                    ///< ServiceDetail: which service
  std::vector<Screen> backStack;            ///< where "back" returns to
  ReaderState reader = ReaderState::Unknown;
  std::string cardProblemKey;               ///< Identify: why the last card was refused
  std::optional<Identity> citizen;          ///< personal data: wiped when the session ends
  /// Identified by an electronic social security card: the token the server identifies the
  /// citizen by for each request (a credential: wiped with the session). The citizen's
  /// idNumber then holds only the masked number the server gave.
  std::string esscToken;
  std::uint64_t esscRequest = 0;            ///< an e-SSC being checked by the server (0: none)
  ScannerState scanner = ScannerState::Unknown;
  std::optional<core::ScanResult> scan;     ///< ScanResult: the last code (may hold a credential)
  LinkStatus link = LinkStatus::Unknown;    ///< the central system, as the banner shows it
  int queuedItems = 0;                      ///< items waiting in the outbox (not personal)
  bool printerReady = false;                ///< the A4 printer can take a job now
  int inactivitySeconds = 0;                ///< from the central kiosk config; 0 = the local config's
  std::optional<CertificateFlow> certificate;   ///< Certificate: the one being issued/printed
  std::optional<FilingFlow> filing;             ///< Filing: personal data, wiped with the session
  std::optional<ProgressView> progress;         ///< ScanResult of a receipt: its progress
  std::optional<TicketView> ticket;             ///< Ticket
  std::optional<QueryFlow> query;               ///< Query: personal data, wiped with the session
  std::optional<RatingFlow> rating;             ///< offered once a transaction has its acceptance number
  std::optional<ComplaintFlow> complaint;       ///< Complaint: its text is personal data, wiped with the session
  std::string progressNumber;                   ///< ProgressEntry: the digits typed so far
  std::string progressProblemKey;               ///< ProgressEntry: why the number cannot be right
  bool idRevealed = false;                      ///< Identified: the owner asked to see their full number
};

// ---- events: user intents and outside happenings -------------------------------------
namespace ev {
struct GoHome {};
struct Back {};
struct OpenGuide { std::optional<ServiceGroup> group; };
struct OpenService { std::string id; };
struct OpenDisplayCheck {};
struct SetLanguage { std::string code; };
struct ToggleLargeText {};
struct ToggleVoice {};
struct InactivityTimeout {};
struct StartIdentify { std::string serviceId; };   ///< the citizen wants to use a service
struct ReaderChanged { bool ready; };
/// A card was read. Either an identity (checks passed) or the i18n key of the problem.
struct CardRead {
  std::optional<Identity> identity;
  std::string problemKey;
};
struct Finish {};   ///< the citizen is done: end the session, wipe personal data
struct OpenScan {};                          ///< the citizen wants to show a code to the camera
struct ScannerChanged { bool ready; };
struct CodeScanned { core::ScanResult result; };   ///< classified (and, for seals, checked) by the app
struct LinkChanged { LinkStatus link; int queuedItems; };   ///< queuedItems < 0: unchanged
struct PrinterChanged { bool ready; };
struct RequestCertificate {};   ///< the identified citizen asks for the certificate of the service chosen
/// The period screen's tap, with the kiosk's today (year, month 1–12) the months count back
/// from: the session keeps no clock.
struct ChooseCertificatePeriod { PeriodChoice choice; int year; int month; };
/// The server issued it and the app rendered it (request matches CertificateFlow::request);
/// `period` is the months the document covers.
struct CertificateIssued {
  std::uint64_t request;
  std::string serial, verificationCode, validUntil, acceptanceNumber;
  int pages;
  MonthPeriod period;
};
struct CertificateFailed { std::uint64_t request; std::string problemKey; };
struct PrintCertificate {};     ///< the citizen confirmed the preview (or tries again)
/// completed: CUPS reported the certificate's job completed. receiptPrinted: its receipt
/// came out of the receipt printer too (it is reported printed only then).
/// The citizen's satisfaction with this transaction, 5 (very satisfied) … 1.
struct Rate { int level; };
/// The rating is safely in the kiosk's outbox (queuedOffline: it goes when the link is back),
/// or could not be kept.
struct RatingSaved { std::uint64_t request; bool saved; bool queuedOffline; };
struct RateReason { RatingReason reason; };   ///< a dissatisfied rating: toggle one reason
struct SendRating {};                        ///< …and keep it with the reasons chosen
struct WriteRatingComment {};                ///< …open the keyboard for a few words of their own
struct RatingCommentDone {};                 ///< …back to the reasons with what was typed
struct QueueChanged { int queuedItems; };   ///< items waiting in the outbox
struct KioskConfigChanged { int inactivitySeconds; };   ///< the central server's kiosk config
struct ProgressLoaded { std::uint64_t request; std::string state, service, acceptedOn, dueOn, updatedOn, reason; };
struct ProgressFailed { std::uint64_t request; std::string problemKey; };
struct TakeTicket {};   ///< on a counter service's notification: take a queue number
struct TicketTaken { std::uint64_t request; std::string number; std::optional<int> peopleAhead; bool receiptPrinted; };
struct TicketFailed { std::uint64_t request; std::string problemKey; };
struct StartFiling {};                   ///< the identified citizen files the service chosen
struct FilingKey { char key; };          ///< keypad: '0'–'9', '<' (delete one), 'C' (clear)
struct FilingNext {};                    ///< keyed in: confirm; confirmed: submit
struct FilingChoose { std::string value; };   ///< a big-button choice: bank id, "YYYY-MM", base in fen
struct FilingRegion { std::string code, name; bool leaf; };   ///< a region picked (leaf: no subdivisions)
struct TypedText { std::string committed; int deleteLast = 0; };   ///< the on-screen keyboard's result
/// The server accepted the filing (the relay delivered it while the citizen waited).
struct FilingAccepted { std::uint64_t request; std::string acceptanceNumber, dueOn; int timeLimitWorkingDays; bool receiptPrinted; };
/// Kept in the outbox, not yet confirmed by the server: a provisional receipt with `reference`.
struct FilingKept { std::uint64_t request; std::string reference; bool receiptPrinted; };
struct FilingFailed { std::uint64_t request; std::string problemKey; };
/// The citizen's current record (masked) for the filing's confirm screen, or none to be had.
struct ProfileLoaded { std::uint64_t request; ProfileView profile; };
struct ProfileFailed { std::uint64_t request; };
/// The identified citizen asks to see one of their records (Identified screen).
struct StartQuery { QueryKind kind; };
struct QueryYear { int year; };   ///< contributions: another year
struct QueryLoaded { std::uint64_t request; QueryAnswer answer; };
struct QueryFailed { std::uint64_t request; std::string problemKey; };
struct StartProgressEntry {};                ///< query_progress: type the acceptance number
struct ProgressKey { char key; };            ///< '0'–'9', '<' (delete one), 'C' (clear)
struct LookUpProgress {};                    ///< the number is typed: look it up
struct ToggleRevealId {};                    ///< Identified: show / mask the full ID number
struct OpenComplaint {};                     ///< home: "complaints and suggestions"
struct ComplaintKind { std::string category; };   ///< complaint | suggestion
struct SendComplaint {};
/// Kept in the outbox (offline: to be sent when the link is back), or not (problemKey).
struct ComplaintKept { std::uint64_t request; bool kept; bool offline; std::string problemKey; };
/// The server identified the citizen by their e-SSC (request matches esscRequest).
struct EsscIdentified { std::uint64_t request; std::string name, idNumberMasked; };
struct EsscRejected { std::uint64_t request; std::string problemKey; };
struct PrintFinished { std::uint64_t request; bool completed; std::string problemKey; bool receiptPrinted = false; };
}  // namespace ev

using Event = std::variant<ev::GoHome, ev::Back, ev::OpenGuide, ev::OpenService,
                           ev::OpenDisplayCheck, ev::SetLanguage, ev::ToggleLargeText,
                           ev::ToggleVoice, ev::InactivityTimeout, ev::StartIdentify,
                           ev::ReaderChanged, ev::CardRead, ev::Finish, ev::OpenScan,
                           ev::ScannerChanged, ev::CodeScanned, ev::LinkChanged, ev::PrinterChanged,
                           ev::RequestCertificate, ev::ChooseCertificatePeriod, ev::CertificateIssued, ev::CertificateFailed,
                           ev::PrintCertificate, ev::PrintFinished, ev::Rate, ev::RateReason, ev::SendRating, ev::RatingSaved,
                           ev::WriteRatingComment, ev::RatingCommentDone,
                           ev::QueueChanged, ev::KioskConfigChanged, ev::ProgressLoaded, ev::ProgressFailed,
                           ev::TakeTicket, ev::TicketTaken, ev::TicketFailed, ev::StartFiling, ev::FilingKey, ev::FilingNext,
                           ev::FilingChoose, ev::FilingRegion, ev::TypedText,
                           ev::FilingAccepted, ev::FilingKept, ev::FilingFailed, ev::ProfileLoaded, ev::ProfileFailed,
                           ev::StartQuery, ev::QueryYear,
                           ev::QueryLoaded, ev::QueryFailed, ev::EsscIdentified, ev::EsscRejected,
                           ev::OpenComplaint, ev::ComplaintKind, ev::SendComplaint, ev::ComplaintKept,
                           ev::StartProgressEntry, ev::ProgressKey, ev::LookUpProgress, ev::ToggleRevealId>;

// ---- effects: what the shell must do --------------------------------------------------
namespace fx {
struct LanguageChanged { std::string code; };   ///< reload fonts/voice for the language
struct LayoutChanged {};                        ///< text size changed: rebuild font atlas
struct Speak { std::string key; };              ///< read this i18n key aloud (voice on)
struct SessionEnded {};                         ///< wipe personal data held outside core
/// Ask the server for a certificate of `type` for the identified citizen over `period`
/// (none: the whole record), then render it.
struct IssueCertificate { std::uint64_t request; std::string type; std::optional<MonthPeriod> period; };
struct PrintCertificate { std::uint64_t request; };   ///< print the rendered certificate
/// Keep the rating in the outbox (then the relay sends it) and print its receipt.
/// Commit the filing to the outbox (identifying afresh when it is delivered), then wait
/// briefly for the server's acceptance number; print the receipt either way.
/// Look up a filing's progress by acceptance number (GET /v1/progress/{n}).
struct QueryProgress { std::uint64_t request; std::string acceptanceNumber; };
/// Take a queue number for `service` from the server and print the ticket.
struct IssueTicket { std::uint64_t request; std::string service; };
/// Identify the citizen to the server afresh and fetch one of their records (`year`:
/// contributions only; none = the latest).
struct RunQuery { std::uint64_t request; QueryKind kind; std::optional<int> year; };
/// Keep the complaint in the outbox (anonymous), to be sent to the central server.
struct SubmitComplaint { std::uint64_t request; std::string category; std::string text; };
/// Ask the server who the e-SSC code belongs to (POST /v1/identify, method essc).
struct IdentifyEssc { std::uint64_t request; std::string token; };
/// Fetch the identified citizen's current record, masked (GET /v1/me/profile).
struct LoadProfile { std::uint64_t request; };
struct SubmitFiling { std::uint64_t request; std::string service; std::vector<FilingDetail> details; };
struct SubmitRating {
  std::uint64_t request;
  std::string acceptanceNumber, serviceId;
  int level;
  std::uint32_t reasons;
  std::string comment;   ///< typed by the citizen (may be empty): zeroed by the shell once kept
};
}  // namespace fx

using Effect = std::variant<fx::LanguageChanged, fx::LayoutChanged, fx::Speak, fx::SessionEnded,
                            fx::IssueCertificate, fx::PrintCertificate, fx::SubmitRating, fx::SubmitFiling,
                            fx::QueryProgress, fx::IssueTicket, fx::RunQuery, fx::IdentifyEssc,
                            fx::SubmitComplaint, fx::LoadProfile>;
using Effects = std::vector<Effect>;

class Session {
 public:
  explicit Session(std::string defaultLanguage = "zh-CN");

  /// Applies one event; returns the effects in the order they must run.
  Effects handle(const Event& event);
  const SessionState& state() const { return state_; }

  /// i18n key of the current screen's main prompt (what voice guidance reads).
  std::string mainPromptKey() const;
  /// True while the session holds personal data (an inactivity timeout must end it).
  bool holdsPersonalData() const {
    return state_.citizen.has_value() || state_.scan.has_value() || state_.filing.has_value() ||
           state_.query.has_value() || !state_.esscToken.empty() || state_.complaint.has_value();
  }
  /// True while the kiosk works for the citizen (issuing, printing, filing): the idle clock
  /// stops, so a session never ends under someone waiting for their paper.
  bool busy() const {
    const auto& c = state_.certificate;
    const auto& f = state_.filing;
    return (c && (c->phase == CertificatePhase::Requesting || c->phase == CertificatePhase::Printing)) ||
           (f && f->phase == FilingPhase::Submitting);
  }
  /// True while the screen shown reads codes: the app turns the camera scanner on.
  /// On the Identify screen too: the citizen may show an e-SSC code instead of a card.
  bool wantsScanning() const { return state_.screen == Screen::Scan || state_.screen == Screen::Identify; }

 private:
  void navigate(Screen to, Effects& fx);
  Effects reset();
  void requestCertificate(Effects& fx);
  void chooseCertificatePeriod(const ev::ChooseCertificatePeriod& e, Effects& fx);
  void issueCertificate(Effects& fx);
  void certificateIssued(const ev::CertificateIssued& e, Effects& fx);
  void certificateFailed(std::string problemKey, bool printFailed, Effects& fx);
  void printCertificate(Effects& fx);
  void filingKey(char key);
  void filingNext(Effects& fx);
  void startQuery(QueryKind kind, std::optional<int> year, Effects& fx);
  void leaveQuery();
  void offerRating(const std::string& acceptanceNumber);
  void rate(int level, Effects& fx);
  void sendRating(Effects& fx);
  void identifyByEssc(const ScanResult& code, Effects& fx);
  void lookUpProgress(const ScanResult& receipt, Effects& fx);

  SessionState state_;
  std::string defaultLanguage_;
  std::uint64_t nextRequest_ = 1;   // never reused: an answer to an ended session finds no match
};

}  // namespace onestop::core

#include "core/session.hpp"
#include "core/code_payload.hpp"
#include "core/i18n_key.hpp"
#include "core/secure_wipe.hpp"

namespace onestop::core {
namespace {
template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

// A certificate of `type` at its first step, the period choice.
CertificateFlow freshCertificate(std::uint64_t request, std::string type) {
  CertificateFlow c;
  c.request = request;
  c.type = std::move(type);
  return c;
}
}  // namespace

Session::Session(std::string defaultLanguage) : defaultLanguage_(std::move(defaultLanguage)) {
  state_.language = defaultLanguage_;
}

void Session::navigate(Screen to, Effects& fx) {
  state_.idRevealed = false;   // the full number only on the screen where it was asked for
  if (state_.screen != to) state_.backStack.push_back(state_.screen);
  state_.screen = to;
  if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
}

Effects Session::reset() {
  // Language and text size are the citizen's choices: the next person starts fresh.
  const bool layoutChanged = state_.largeText;
  const bool languageChanged = state_.language != defaultLanguage_;
  const ReaderState reader = state_.reader;   // a device fact, not the citizen's
  const ScannerState scanner = state_.scanner;
  const LinkStatus link = state_.link;
  const int queued = state_.queuedItems;
  const bool printerReady = state_.printerReady;
  const int inactivity = state_.inactivitySeconds;
  if (state_.citizen) state_.citizen->wipe();
  if (state_.scan) state_.scan->wipe();
  if (state_.filing) state_.filing->wipe();
  leaveQuery();
  secureWipe(state_.esscToken);
  if (state_.complaint) state_.complaint->wipe();
  state_ = SessionState{};
  state_.language = defaultLanguage_;
  state_.reader = reader;
  state_.scanner = scanner;
  state_.link = link;
  state_.queuedItems = queued;
  state_.printerReady = printerReady;
  state_.inactivitySeconds = inactivity;
  Effects fx{fx::SessionEnded{}};
  if (languageChanged) fx.push_back(fx::LanguageChanged{state_.language});
  if (layoutChanged) fx.push_back(fx::LayoutChanged{});
  return fx;
}

Effects Session::handle(const Event& event) {
  Effects fx;
  std::visit(Overloaded{
                 [&](const ev::GoHome&) {
                   if (holdsPersonalData()) { fx = reset(); return; }   // home ends an identified session
                   state_.backStack.clear();
                   state_.ticket.reset();
                   state_.screen = Screen::Home;
                   if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
                 },
                 [&](const ev::Back&) {
                   if (state_.rating && state_.rating->phase == RatingFlow::Phase::Comment) {   // keyboard closed
                     state_.rating->phase = RatingFlow::Phase::Reason;
                     return;
                   }
                   if (state_.screen == Screen::Identify && !state_.citizen) {   // an e-SSC check abandoned
                     secureWipe(state_.esscToken);
                     state_.esscToken.clear();
                     state_.esscRequest = 0;
                   }
                   if (state_.screen == Screen::Ticket) state_.ticket.reset();
                   if (state_.screen == Screen::Query) leaveQuery();
                   if (state_.screen == Screen::Complaint && state_.complaint) {
                     auto& c = *state_.complaint;
                     if (c.phase == ComplaintFlow::Phase::Submitting) return;   // being kept: wait
                     c.wipe();
                     if (c.phase == ComplaintFlow::Phase::Typing) {   // back to "complaint or suggestion?"
                       c.phase = ComplaintFlow::Phase::Choosing;
                       return;
                     }
                     state_.complaint.reset();
                   }
                   if (state_.screen == Screen::Filing && state_.filing) {
                     auto& f = *state_.filing;
                     if (f.phase == FilingPhase::Submitting) return;   // being filed: wait for the outcome
                     if (f.back()) return;   // a step back inside the filing (a level up, correct it)
                     f.wipe();
                     state_.filing.reset();
                     state_.rating.reset();
                   }
                   if (state_.screen == Screen::Certificate) {
                     auto& c = state_.certificate;
                     // The paper is on its way: the citizen must stay to take it.
                     if (c && c->phase == CertificatePhase::Printing) return;
                     // Not printed yet: back to the period, to choose again (a late answer
                     // to the abandoned request matches nothing).
                     const bool unprinted = c && (c->phase == CertificatePhase::Requesting ||
                                                  c->phase == CertificatePhase::Preview ||
                                                  (c->phase == CertificatePhase::Failed && !c->printFailed));
                     if (unprinted) {
                       c = freshCertificate(0, std::move(c->type));
                       if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
                       return;
                     }
                     state_.certificate.reset();
                     state_.rating.reset();
                   }
                   if (state_.screen == Screen::ScanResult && state_.scan) {   // a result is not kept behind
                     state_.scan->wipe();
                     state_.scan.reset();
                     state_.progress.reset();
                   }
                   if (state_.backStack.empty() && holdsPersonalData()) { fx = reset(); return; }
                   if (state_.backStack.empty()) {
                     state_.screen = Screen::Home;
                   } else {
                     state_.screen = state_.backStack.back();
                     state_.backStack.pop_back();
                   }
                   if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
                 },
                 [&](const ev::OpenGuide& e) {
                   state_.guideGroup = e.group;
                   navigate(Screen::ServiceGuide, fx);
                 },
                 [&](const ev::OpenService& e) {
                   if (!findService(e.id)) return;   // unknown id from a stale view: ignore
                   state_.serviceId = e.id;
                   navigate(Screen::ServiceDetail, fx);
                 },
                 [&](const ev::OpenDisplayCheck&) { navigate(Screen::DisplayCheck, fx); },
                 [&](const ev::SetLanguage& e) {
                   if (e.code == state_.language) return;
                   state_.language = e.code;
                   fx.push_back(fx::LanguageChanged{e.code});
                   if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
                 },
                 [&](const ev::ToggleLargeText&) {
                   state_.largeText = !state_.largeText;
                   fx.push_back(fx::LayoutChanged{});
                 },
                 [&](const ev::ToggleVoice&) {
                   state_.voice = !state_.voice;
                   if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
                 },
                 [&](const ev::InactivityTimeout&) { fx = reset(); },
                 [&](const ev::Finish&) { fx = reset(); },
                 [&](const ev::StartIdentify& e) {
                   if (!findService(e.serviceId)) return;
                   state_.serviceId = e.serviceId;
                   state_.cardProblemKey.clear();
                   navigate(Screen::Identify, fx);
                 },
                 [&](const ev::ReaderChanged& e) {
                   state_.reader = e.ready ? ReaderState::Ready : ReaderState::Unavailable;
                 },
                 [&](const ev::CardRead& e) {
                   // A card counts on the screens where a citizen may start; elsewhere (a
                   // second card mid-session, the operator screen) it is ignored.
                   const Screen s = state_.screen;
                   if (s != Screen::Home && s != Screen::ServiceGuide && s != Screen::ServiceDetail &&
                       s != Screen::Identify)
                     return;
                   if (!e.identity) {
                     state_.cardProblemKey = e.problemKey;
                     if (s != Screen::Identify) navigate(Screen::Identify, fx);
                     return;
                   }
                   state_.cardProblemKey.clear();
                   state_.citizen = e.identity;
                   state_.backStack.clear();   // "back" must not leave an identified person's data behind
                   state_.screen = Screen::Identified;
                   if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
                 },
                 [&](const ev::OpenScan&) {
                   if (state_.scan) state_.scan->wipe();
                   state_.scan.reset();
                   state_.progress.reset();
                   if (state_.screen == Screen::ScanResult) {   // "scan another": no result left behind
                     state_.screen = Screen::Scan;
                     if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
                     return;
                   }
                   navigate(Screen::Scan, fx);
                 },
                 [&](const ev::ScannerChanged& e) {
                   state_.scanner = e.ready ? ScannerState::Ready : ScannerState::Unavailable;
                 },
                 [&](const ev::LinkChanged& e) {
                   state_.link = e.link;
                   if (e.queuedItems >= 0) state_.queuedItems = e.queuedItems;
                 },
                 [&](const ev::PrinterChanged& e) { state_.printerReady = e.ready; },
                 [&](const ev::RequestCertificate&) { requestCertificate(fx); },
                 [&](const ev::ChooseCertificatePeriod& e) { chooseCertificatePeriod(e, fx); },
                 [&](const ev::CertificateIssued& e) { certificateIssued(e, fx); },
                 [&](const ev::CertificateFailed& e) {
                   if (state_.certificate && state_.certificate->request == e.request &&
                       state_.certificate->phase == CertificatePhase::Requesting)
                     certificateFailed(e.problemKey, false, fx);
                 },
                 [&](const ev::PrintCertificate&) { printCertificate(fx); },
                 [&](const ev::PrintFinished& e) {
                   if (!state_.certificate || state_.certificate->request != e.request ||
                       state_.certificate->phase != CertificatePhase::Printing)
                     return;
                   if (!e.completed) { certificateFailed(e.problemKey, true, fx); return; }
                   state_.certificate->phase = CertificatePhase::Done;
                   state_.certificate->receiptPrinted = e.receiptPrinted;
                   offerRating(state_.certificate->acceptanceNumber);
                   if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
                 },
                 [&](const ev::Rate& e) { rate(e.level, fx); },
                 [&](const ev::RateReason& e) {
                   auto& r = state_.rating;
                   if (!r || r->phase != RatingFlow::Phase::Reason) return;
                   r->reasons ^= 1u << static_cast<int>(e.reason);
                 },
                 [&](const ev::SendRating&) { sendRating(fx); },
                 [&](const ev::WriteRatingComment&) {
                   auto& r = state_.rating;
                   if (!r || r->phase != RatingFlow::Phase::Reason) return;
                   r->phase = RatingFlow::Phase::Comment;
                   if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
                 },
                 [&](const ev::RatingCommentDone&) {
                   auto& r = state_.rating;
                   if (r && r->phase == RatingFlow::Phase::Comment) r->phase = RatingFlow::Phase::Reason;
                 },
                 [&](const ev::RatingSaved& e) {
                   auto& r = state_.rating;
                   if (!r || r->request != e.request || r->phase != RatingFlow::Phase::Saving) return;
                   r->phase = !e.saved          ? RatingFlow::Phase::Failed
                              : e.queuedOffline ? RatingFlow::Phase::SavedOffline
                                                : RatingFlow::Phase::Saved;
                 },
                 [&](const ev::QueueChanged& e) { state_.queuedItems = e.queuedItems; },
                 [&](const ev::TakeTicket&) {
                   const Service* svc = findService(state_.serviceId);
                   if (state_.screen != Screen::ServiceDetail || !svc || svc->handling != Handling::Counter) return;
                   state_.ticket = TicketView{};
                   state_.ticket->request = nextRequest_++;
                   // Offline too: the link hands out a number the server reserved for this kiosk.
                   fx.push_back(fx::IssueTicket{state_.ticket->request, state_.serviceId});
                   navigate(Screen::Ticket, fx);
                 },
                 [&](const ev::TicketTaken& e) {
                   auto& t = state_.ticket;
                   if (!t || t->request != e.request || t->phase != TicketView::Phase::Loading) return;
                   t->phase = TicketView::Phase::Shown;
                   t->number = e.number;
                   t->peopleAhead = e.peopleAhead;
                   t->receiptPrinted = e.receiptPrinted;
                   if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
                 },
                 [&](const ev::TicketFailed& e) {
                   auto& t = state_.ticket;
                   if (!t || t->request != e.request || t->phase != TicketView::Phase::Loading) return;
                   t->phase = TicketView::Phase::Failed;
                   t->problemKey = e.problemKey;
                 },
                 [&](const ev::ProgressLoaded& e) {
                   auto& p = state_.progress;
                   if (!p || p->request != e.request || p->phase != ProgressView::Phase::Loading) return;
                   p->phase = ProgressView::Phase::Shown;
                   p->state = e.state;
                   p->service = e.service;
                   p->acceptedOn = e.acceptedOn;
                   p->dueOn = e.dueOn;
                   p->updatedOn = e.updatedOn;
                   p->reason = e.reason;
                 },
                 [&](const ev::ProgressFailed& e) {
                   auto& p = state_.progress;
                   if (!p || p->request != e.request || p->phase != ProgressView::Phase::Loading) return;
                   p->phase = ProgressView::Phase::Failed;
                   p->problemKey = e.problemKey;
                 },
                 [&](const ev::KioskConfigChanged& e) {
                   if (e.inactivitySeconds >= 15 && e.inactivitySeconds <= 600) state_.inactivitySeconds = e.inactivitySeconds;
                 },
                 [&](const ev::StartFiling&) {
                   if (!state_.citizen || state_.screen != Screen::Identified || !isKioskFiling(state_.serviceId)) return;
                   state_.filing = FilingFlow::start(state_.serviceId);
                   auto& f = *state_.filing;
                   // The current record is fetched while the citizen types: the confirm
                   // screen shows old → new. Offline the filing goes on without it.
                   f.profileRequest = nextRequest_++;
                   if (state_.link == LinkStatus::Offline) f.current.state = CurrentRecord::State::Unavailable;
                   else fx.push_back(fx::LoadProfile{f.profileRequest});
                   navigate(Screen::Filing, fx);
                 },
                 [&](const ev::ProfileLoaded& e) {
                   auto& f = state_.filing;
                   if (!f || f->profileRequest != e.request || f->current.state != CurrentRecord::State::Loading) return;
                   f->profileLoaded(e.profile);
                 },
                 [&](const ev::ProfileFailed& e) {
                   auto& f = state_.filing;
                   if (!f || f->profileRequest != e.request || f->current.state != CurrentRecord::State::Loading) return;
                   f->current.state = CurrentRecord::State::Unavailable;
                 },
                 [&](const ev::FilingKey& e) { filingKey(e.key); },
                 [&](const ev::FilingNext&) { filingNext(fx); },
                 [&](const ev::FilingChoose& e) {
                   if (state_.screen != Screen::Filing || !state_.filing) return;
                   const auto before = state_.filing->promptKey();
                   state_.filing->choose(e.value);
                   if (state_.voice && state_.filing->promptKey() != before) fx.push_back(fx::Speak{mainPromptKey()});
                 },
                 [&](const ev::FilingRegion& e) {
                   if (state_.screen != Screen::Filing || !state_.filing) return;
                   const auto before = state_.filing->promptKey();
                   state_.filing->pickRegion({e.code, e.name}, e.leaf);
                   if (state_.voice && state_.filing->promptKey() != before) fx.push_back(fx::Speak{mainPromptKey()});
                 },
                 [&](const ev::TypedText& e) {
                   if (state_.screen == Screen::Filing && state_.filing) state_.filing->text(e.committed, e.deleteLast);
                   if (state_.screen == Screen::Complaint && state_.complaint) state_.complaint->type(e.committed, e.deleteLast);
                   if (state_.rating && state_.rating->phase == RatingFlow::Phase::Comment)
                     state_.rating->type(e.committed, e.deleteLast);
                 },
                 [&](const ev::FilingAccepted& e) {
                   auto& f = state_.filing;
                   if (!f || f->request != e.request || f->phase != FilingPhase::Submitting) return;
                   f->phase = FilingPhase::Accepted;
                   f->acceptanceNumber = e.acceptanceNumber;
                   offerRating(e.acceptanceNumber);
                   f->dueOn = e.dueOn;
                   f->timeLimitWorkingDays = e.timeLimitWorkingDays;
                   f->receiptPrinted = e.receiptPrinted;
                   f->wipe();   // filed: the number is no longer needed here
                   if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
                 },
                 [&](const ev::FilingKept& e) {
                   auto& f = state_.filing;
                   if (!f || f->request != e.request || f->phase != FilingPhase::Submitting) return;
                   f->phase = FilingPhase::Provisional;
                   f->reference = e.reference;
                   f->receiptPrinted = e.receiptPrinted;
                   f->wipe();
                   if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
                 },
                 [&](const ev::FilingFailed& e) {
                   auto& f = state_.filing;
                   if (!f || f->request != e.request || f->phase != FilingPhase::Submitting) return;
                   f->phase = FilingPhase::Failed;
                   f->problemKey = e.problemKey;
                   if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
                 },
                 [&](const ev::StartQuery& e) {
                   if (!state_.citizen || state_.screen != Screen::Identified) return;
                   // The query of the service chosen, or "my applications" (offered to everyone).
                   if (e.kind != QueryKind::Applications && queryKindOfService(state_.serviceId) != e.kind) return;
                   startQuery(e.kind, std::nullopt, fx);
                   navigate(Screen::Query, fx);
                 },
                 [&](const ev::QueryYear& e) {
                   const auto& q = state_.query;
                   if (state_.screen != Screen::Query || !q || q->kind != QueryKind::Contributions ||
                       q->phase == QueryFlow::Phase::Loading)
                     return;
                   startQuery(QueryKind::Contributions, e.year, fx);
                 },
                 [&](const ev::QueryLoaded& e) {
                   auto& q = state_.query;
                   if (!q || q->request != e.request || q->phase != QueryFlow::Phase::Loading) return;
                   q->phase = QueryFlow::Phase::Shown;
                   q->answer = e.answer;
                   if (q->answer.contributions) q->year = q->answer.contributions->year;
                   if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
                 },
                 [&](const ev::QueryFailed& e) {
                   auto& q = state_.query;
                   if (!q || q->request != e.request || q->phase != QueryFlow::Phase::Loading) return;
                   q->phase = QueryFlow::Phase::Failed;
                   q->problemKey = e.problemKey;
                   if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
                 },
                 [&](const ev::StartProgressEntry&) {
                   if (state_.screen != Screen::ServiceDetail || state_.serviceId != "query_progress") return;
                   state_.progressNumber.clear();
                   state_.progressProblemKey.clear();
                   navigate(Screen::ProgressEntry, fx);
                 },
                 [&](const ev::ProgressKey& e) {
                   if (state_.screen != Screen::ProgressEntry) return;
                   auto& n = state_.progressNumber;
                   state_.progressProblemKey.clear();
                   if (e.key == '<' && !n.empty()) n.pop_back();
                   else if (e.key == 'C') n.clear();
                   else if (e.key >= '0' && e.key <= '9' && n.size() < kAcceptanceNumberDigits) n.push_back(e.key);
                 },
                 [&](const ev::LookUpProgress&) {
                   if (state_.screen != Screen::ProgressEntry) return;
                   if (!isWellFormedAcceptanceNumber(state_.progressNumber)) {   // a digit mistyped: say so here
                     state_.progressProblemKey = state_.progressNumber.size() < kAcceptanceNumberDigits
                                                     ? "progress.entry.too_short"_k
                                                     : "progress.entry.check_failed"_k;
                     if (state_.voice) fx.push_back(fx::Speak{state_.progressProblemKey});
                     return;
                   }
                   ScanResult typed;
                   typed.kind = CodeKind::Receipt;
                   typed.value = state_.progressNumber;
                   state_.scan = typed;
                   lookUpProgress(typed, fx);
                   navigate(Screen::ScanResult, fx);
                 },
                 [&](const ev::ToggleRevealId&) {
                   if (state_.screen == Screen::Identified && state_.citizen && state_.esscToken.empty())
                     state_.idRevealed = !state_.idRevealed;
                 },
                 [&](const ev::OpenComplaint&) {
                   if (state_.screen != Screen::Home) return;
                   state_.complaint = ComplaintFlow{};
                   navigate(Screen::Complaint, fx);
                 },
                 [&](const ev::ComplaintKind& e) {
                   auto& c = state_.complaint;
                   if (state_.screen != Screen::Complaint || !c || c->phase != ComplaintFlow::Phase::Choosing) return;
                   if (e.category != "complaint" && e.category != "suggestion") return;
                   c->category = e.category;
                   c->phase = ComplaintFlow::Phase::Typing;
                   if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
                 },
                 [&](const ev::SendComplaint&) {
                   auto& c = state_.complaint;
                   if (state_.screen != Screen::Complaint || !c || c->phase != ComplaintFlow::Phase::Typing || !c->ready()) return;
                   c->phase = ComplaintFlow::Phase::Submitting;
                   c->request = nextRequest_++;
                   fx.push_back(fx::SubmitComplaint{c->request, c->category, c->text});
                   c->wipe();   // the outbox has it now (sealed)
                 },
                 [&](const ev::ComplaintKept& e) {
                   auto& c = state_.complaint;
                   if (!c || c->request != e.request || c->phase != ComplaintFlow::Phase::Submitting) return;
                   c->phase = e.kept ? ComplaintFlow::Phase::Kept : ComplaintFlow::Phase::Failed;
                   c->offline = e.offline;
                   c->problemKey = e.problemKey;
                   if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
                 },
                 [&](const ev::EsscIdentified& e) {
                   if (e.request == 0 || e.request != state_.esscRequest || state_.screen != Screen::Identify) return;
                   state_.esscRequest = 0;
                   Identity who;
                   who.name = e.name;
                   who.idNumber = e.idNumberMasked;   // all the kiosk is told
                   who.validTo = std::nullopt;
                   state_.citizen = std::move(who);
                   state_.cardProblemKey.clear();
                   state_.backStack.clear();
                   state_.screen = Screen::Identified;
                   if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
                 },
                 [&](const ev::EsscRejected& e) {
                   if (e.request == 0 || e.request != state_.esscRequest) return;
                   state_.esscRequest = 0;
                   secureWipe(state_.esscToken);
                   state_.esscToken.clear();
                   state_.cardProblemKey = e.problemKey;
                   if (state_.voice) fx.push_back(fx::Speak{e.problemKey});
                 },
                 [&](const ev::CodeScanned& e) {
                   // An e-SSC code on the Identify screen (or the scan screen): log in with it.
                   if (e.result.kind == CodeKind::EsscToken &&
                       (state_.screen == Screen::Identify || state_.screen == Screen::Scan) && !state_.citizen) {
                     identifyByEssc(e.result, fx);
                     return;
                   }
                   if (state_.screen != Screen::Scan) return;   // only the screen that asked
                   state_.scan = e.result;
                   state_.progress.reset();
                   if (e.result.kind == CodeKind::Receipt) lookUpProgress(e.result, fx);   // a receipt: its progress
                   state_.screen = Screen::ScanResult;          // "back" returns to where scanning began
                   if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
                 },
             },
             event);
  return fx;
}

// Only an identified citizen on the Identified screen of a certificate service may ask;
// offline there is nothing to ask (the screen says so). First the period; a failed issue
// may be asked again over the same months.
void Session::requestCertificate(Effects& fx) {
  const auto type = certificateTypeOfService(state_.serviceId);
  if (!state_.citizen || !type || state_.link == LinkStatus::Offline) return;
  const bool retry = state_.screen == Screen::Certificate && state_.certificate &&
                     state_.certificate->phase == CertificatePhase::Failed && !state_.certificate->printFailed;
  if (retry) return issueCertificate(fx);
  if (state_.screen != Screen::Identified) return;
  state_.certificate = freshCertificate(0, std::string(*type));
  navigate(Screen::Certificate, fx);
}

// One tap chooses the months and asks at once; a second tap while it is issued asks nothing.
void Session::chooseCertificatePeriod(const ev::ChooseCertificatePeriod& e, Effects& fx) {
  auto& c = state_.certificate;
  if (state_.screen != Screen::Certificate || !c || c->phase != CertificatePhase::ChoosingPeriod) return;
  if (!state_.citizen || state_.link == LinkStatus::Offline) return;
  auto months = periodOf(e.choice, e.year, e.month);
  if (!months && e.choice.kind != PeriodChoice::Kind::WholeRecord) return;   // not a choice offered
  c->choice = e.choice;
  c->asked = std::move(months);
  issueCertificate(fx);
  if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
}

// A new request number each time: an answer to an earlier one matches nothing.
void Session::issueCertificate(Effects& fx) {
  auto& c = *state_.certificate;
  auto next = freshCertificate(nextRequest_++, std::move(c.type));
  next.phase = CertificatePhase::Requesting;
  next.choice = c.choice;
  next.asked = std::move(c.asked);
  c = std::move(next);
  fx.push_back(fx::IssueCertificate{c.request, c.type, c.asked});
}

void Session::certificateIssued(const ev::CertificateIssued& e, Effects& fx) {
  auto& c = state_.certificate;
  if (!c || c->request != e.request || c->phase != CertificatePhase::Requesting) return;
  c->phase = CertificatePhase::Preview;
  c->serial = e.serial;
  c->verificationCode = e.verificationCode;
  c->validUntil = e.validUntil;
  c->acceptanceNumber = e.acceptanceNumber;
  c->pages = e.pages;
  c->period = e.period;
  if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
}

void Session::certificateFailed(std::string problemKey, bool printFailed, Effects& fx) {
  state_.certificate->phase = CertificatePhase::Failed;
  state_.certificate->problemKey = std::move(problemKey);
  state_.certificate->printFailed = printFailed;
  if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
}

// From the preview, or again after a failed print (same document, same request).
void Session::printCertificate(Effects& fx) {
  auto& c = state_.certificate;
  if (state_.screen != Screen::Certificate || !c) return;
  const bool fromPreview = c->phase == CertificatePhase::Preview;
  const bool again = c->phase == CertificatePhase::Failed && c->printFailed;
  if (!fromPreview && !again) return;
  c->phase = CertificatePhase::Printing;
  c->problemKey.clear();
  fx.push_back(fx::PrintCertificate{c->request});
  if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
}

void Session::filingKey(char key) {
  if (state_.screen == Screen::Filing && state_.filing) state_.filing->key(key);
}

void Session::filingNext(Effects& fx) {
  auto& f = state_.filing;
  if (state_.screen != Screen::Filing || !f) return;
  const auto next = f->next();   // Stay: the screen says in words what is missing
  if (next == FilingFlow::Next::Stay) return;
  if (next == FilingFlow::Next::Submit) {
    f->request = nextRequest_++;
    fx.push_back(fx::SubmitFiling{f->request, f->service, f->details()});
  }
  if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
}

// A fresh request (never reusing a number: a late answer to the last one matches nothing).
// Offline it fails at once: records live on the central server.
void Session::startQuery(QueryKind kind, std::optional<int> year, Effects& fx) {
  leaveQuery();
  state_.query = QueryFlow{};
  auto& q = *state_.query;
  q.kind = kind;
  q.request = nextRequest_++;
  q.year = year;
  if (state_.link == LinkStatus::Offline) {
    q.phase = QueryFlow::Phase::Failed;
    q.problemKey = "query.problem.offline"_k;
    return;
  }
  fx.push_back(fx::RunQuery{q.request, kind, year});
}

// The server says whose code it is (offline: at once, no). From the scan screen the citizen
// goes on as from a card on the reader: Identify shows "checking…", then Identified.
void Session::identifyByEssc(const ScanResult& code, Effects& fx) {
  if (state_.esscRequest != 0) return;   // one at a time: the camera sees the code many times
  if (state_.screen == Screen::Scan) navigate(Screen::Identify, fx);
  state_.cardProblemKey.clear();
  if (state_.link == LinkStatus::Offline) {
    state_.cardProblemKey = "identify.essc.offline"_k;
    return;
  }
  secureWipe(state_.esscToken);
  state_.esscToken = code.esscToken.empty() ? code.value : code.esscToken;
  state_.esscRequest = nextRequest_++;
  fx.push_back(fx::IdentifyEssc{state_.esscRequest, state_.esscToken});
}

// A finished transaction with an acceptance number may be rated (once).
void Session::offerRating(const std::string& acceptanceNumber) {
  if (acceptanceNumber.empty()) return;
  state_.rating = RatingFlow{};
  state_.rating->request = nextRequest_++;
  state_.rating->acceptanceNumber = acceptanceNumber;
  state_.rating->serviceId = state_.serviceId;
}

void Session::rate(int level, Effects& fx) {
  auto& r = state_.rating;
  const bool shown = state_.screen == Screen::Certificate || state_.screen == Screen::Filing;
  if (!shown || !r || r->phase != RatingFlow::Phase::Asking || level < 1 || level > 5) return;
  r->level = level;
  if (needsReason(level)) {   // what went wrong, before it is kept
    r->phase = RatingFlow::Phase::Reason;
    if (state_.voice) fx.push_back(fx::Speak{mainPromptKey()});
    return;
  }
  r->phase = RatingFlow::Phase::Saving;
  fx.push_back(fx::SubmitRating{r->request, r->acceptanceNumber, r->serviceId, level, 0, {}});
}

void Session::sendRating(Effects& fx) {
  auto& r = state_.rating;
  if (!r || r->phase != RatingFlow::Phase::Reason || !r->hasReason()) return;
  r->phase = RatingFlow::Phase::Saving;
  fx.push_back(fx::SubmitRating{r->request, r->acceptanceNumber, r->serviceId, r->level, r->reasons, r->comment});
  secureWipe(r->comment);   // handed over: the shell keeps it sealed in the outbox
  r->comment.clear();
}

// A receipt's progress by its acceptance number (scanned or typed): non-personal status only.
void Session::lookUpProgress(const ScanResult& receipt, Effects& fx) {
  state_.progress = ProgressView{};
  state_.progress->request = nextRequest_++;
  if (state_.link == LinkStatus::Offline) {
    state_.progress->phase = ProgressView::Phase::Failed;
    state_.progress->problemKey = "progress.problem.offline"_k;
    return;
  }
  fx.push_back(fx::QueryProgress{state_.progress->request, receipt.value});
}

void Session::leaveQuery() {
  if (state_.query) state_.query->answer.wipe();
  state_.query.reset();
}

std::string Session::mainPromptKey() const {
  // A dissatisfied rating asks its own question on the screen it was offered on.
  const auto& r = state_.rating;
  if (r && (state_.screen == Screen::Certificate || state_.screen == Screen::Filing)) {
    if (r->phase == RatingFlow::Phase::Reason) return std::string("rating.reason.prompt"_k);
    if (r->phase == RatingFlow::Phase::Comment) return std::string("rating.comment.prompt"_k);
  }
  switch (state_.screen) {
    case Screen::Home: return std::string("home.prompt"_k);
    case Screen::ServiceGuide: return std::string("guide.prompt"_k);
    case Screen::ServiceDetail: return std::string("detail.prompt"_k);
    case Screen::DisplayCheck: return std::string("display_check.title"_k);
    case Screen::Identify: return std::string("identify.prompt"_k);
    case Screen::Identified: return std::string("identified.prompt"_k);
    case Screen::Scan: return std::string("scan.prompt"_k);
    case Screen::ScanResult: return std::string(scanResultTitleKey(state_.scan ? state_.scan->kind : CodeKind::Unusable));
    case Screen::Ticket:
      return std::string(state_.ticket && state_.ticket->phase == TicketView::Phase::Shown ? "ticket.take_it"_k
                                                                                         : "ticket.loading"_k);
    case Screen::ProgressEntry: return std::string("progress.entry.prompt"_k);
    case Screen::Complaint: {
      if (!state_.complaint) return std::string("complaint.choose"_k);
      switch (state_.complaint->phase) {
        case ComplaintFlow::Phase::Choosing: return std::string("complaint.choose"_k);
        case ComplaintFlow::Phase::Typing: return std::string("complaint.type_prompt"_k);
        case ComplaintFlow::Phase::Submitting: return std::string("complaint.sending"_k);
        case ComplaintFlow::Phase::Kept: return std::string("complaint.thanks"_k);
        case ComplaintFlow::Phase::Failed: return std::string("complaint.not_kept"_k);
      }
      return std::string("complaint.choose"_k);
    }
    case Screen::Query: {
      if (!state_.query || state_.query->phase == QueryFlow::Phase::Loading) return std::string("query.loading"_k);
      if (state_.query->phase == QueryFlow::Phase::Failed) return state_.query->problemKey;
      switch (state_.query->kind) {
        case QueryKind::Participation: return std::string("query.participation.title"_k);
        case QueryKind::Contributions: return std::string("query.contributions.title"_k);
        case QueryKind::PensionAccount: return std::string("query.pension_account.title"_k);
        case QueryKind::Benefits: return std::string("query.benefits.title"_k);
        case QueryKind::Applications: return std::string("query.applications.title"_k);
      }
      return std::string("query.loading"_k);
    }
    case Screen::Filing: {
      return std::string(state_.filing ? state_.filing->promptKey() : "filing.phone.prompt"_k);
    }
    case Screen::Certificate: {
      if (!state_.certificate) return std::string("certificate.requesting"_k);
      switch (state_.certificate->phase) {
        case CertificatePhase::ChoosingPeriod: return std::string("certificate.period.prompt"_k);
        case CertificatePhase::Requesting: return std::string("certificate.requesting"_k);
        case CertificatePhase::Preview: return std::string("certificate.preview_prompt"_k);
        case CertificatePhase::Printing: return std::string("certificate.printing"_k);
        case CertificatePhase::Done: return std::string("certificate.take_it"_k);
        case CertificatePhase::Failed: return state_.certificate->problemKey;
      }
      return std::string("certificate.requesting"_k);
    }
  }
  return std::string("home.prompt"_k);
}

}  // namespace onestop::core

#include "app/document_desk.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "core/i18n_key.hpp"
#include "core/iso_date.hpp"
#include "core/secure_wipe.hpp"
#include "documents/wording.hpp"
#include "documents/receipt.hpp"
#include "printer/document_printer.hpp"
#include "printer/receipt_printer.hpp"

namespace onestop::app {
namespace {

std::string monthText(documents::Month m) { return core::isoMonth(m.year * 12 + static_cast<int>(m.month) - 1); }

// What the citizen reads when the job did not complete (the log gets CUPS' own words).
std::string_view printProblemKey(peripherals::CompletionCode code) {
  using peripherals::CompletionCode;
  switch (code) {
    case CompletionCode::DeviceNotReady: return "print.problem.not_ready"_k;
    case CompletionCode::UserError: return "print.problem.paper"_k;
    case CompletionCode::TimeOut: return "print.problem.timeout"_k;
    default: return "print.problem.failed"_k;
  }
}

}  // namespace

struct DocumentDesk::Prepared {
  std::uint64_t request = 0;
  std::string serial;
  bool printed = false;                       // CUPS completed it: not void when dropped
  bool printing = false;                      // with CUPS: the job's end decides, not discard()
  std::string pdf, title;
  std::vector<std::uint8_t> receipt;          // ESC/POS bytes of its receipt (empty: none could be made)
  std::optional<documents::Raster> preview;   // until the UI thread takes it
  ~Prepared() {
    core::secureWipe(pdf);
    core::secureWipe(receipt);
    if (preview) core::secureWipe(preview->pixels);
  }
};

DocumentDesk::DocumentDesk(EventQueue& queue, documents::DocumentOptions options,
                           peripherals::printer::DocumentPrinter* printer,
                           peripherals::printer::ReceiptPrinter* receipts)
    : queue_(queue), options_(std::move(options)), printer_(printer), receipts_(receipts), worker_([this] { run(); }) {}

documents::ReceiptOptions DocumentDesk::receiptOptions() const {
  documents::ReceiptOptions o;
  o.agencyName = options_.agencyName;
  o.utcOffsetMinutes = options_.utcOffsetMinutes;
  o.kioskId = options_.terminalId;
  return o;
}

DocumentDesk::~DocumentDesk() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

void DocumentDesk::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
    if (stopping_) return;
    auto job = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    job();
    lock.lock();
  }
}

void DocumentDesk::prepare(std::uint64_t request, std::string issuedBody) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back([this, request, body = std::move(issuedBody), g = generation_]() mutable {
      render(request, std::move(body), g);
    });
  }
  wake_.notify_all();
}

void DocumentDesk::render(std::uint64_t request, std::string body, std::uint64_t generation) {
  std::string serial;   // once known, an unusable certificate is reported not printed (void)
  auto fail = [&](const std::string& why) {
    spdlog::error("documents: certificate for request {} not usable: {}", request, why);
    core::secureWipe(body);
    if (!serial.empty()) report(serial, false);
    queue_.post(core::ev::CertificateFailed{request, std::string("certificate.problem.bad_answer"_k)});
  };
  if (!renderer_) {
    auto r = documents::CertificateRenderer::create(options_);
    if (!r) return fail(r.error());
    renderer_.emplace(std::move(r.value()));
  }
  auto cert = documents::parseIssuedCertificate(body);
  core::secureWipe(body);
  if (!cert) return fail(cert.error());
  serial = cert->serial;
  auto pdf = renderer_->pdf(cert.value());
  if (!pdf) return fail(pdf.error());
  auto preview = renderer_->raster(cert.value(), 0, kPreviewDpi);
  if (!preview) return fail(preview.error());
  auto prepared = std::make_unique<Prepared>();
  prepared->request = request;
  prepared->serial = cert->serial;
  prepared->pdf = std::move(pdf.value());
  // The job title reaches CUPS logs and spool files: type and serial, never a name.
  prepared->title = std::string(documents::certificateTitle(cert->type)) + " " + cert->serial;
  prepared->preview = std::move(preview.value());
  auto receipt = documents::encodeReceipt(
      documents::CertificateReceipt{std::string(documents::certificateTitle(cert->type)), cert->acceptanceNumber,
                                    cert->issuedAt, cert->serial, cert->verificationCodePrinted,
                                    renderer_->pageCount(cert.value()), cert->validUntil},
      receiptOptions());
  if (receipt) prepared->receipt = std::move(receipt.value());
  else spdlog::error("documents: receipt for certificate {} not made: {}", cert->serial, receipt.error());
  const core::ev::CertificateIssued issued{request, cert->serial, cert->verificationCodePrinted,
                                           core::isoDate(core::localDay(cert->validUntil, options_.utcOffsetMinutes)), cert->acceptanceNumber,
                                           renderer_->pageCount(cert.value()),
                                           core::MonthPeriod{monthText(cert->period.from), monthText(cert->period.to)}};
  const std::size_t pdfBytes = prepared->pdf.size();
  std::string replaced;   // an earlier document of this session that never printed
  bool stale = false;
  {
    std::lock_guard lock(mutex_);
    stale = generation != generation_;   // the session ended meanwhile: the document goes
    // The citizen went back and asked again (another period) before this answer came: the
    // newer document stays on screen and at the printer (request numbers only grow); this
    // one will never print.
    if (!stale && current_ && current_->request > request) stale = true;
    if (!stale) {
      if (current_ && !current_->printed && !current_->printing) replaced = current_->serial;
      current_ = std::move(prepared);
      ++previewSequence_;
    }
  }
  if (!replaced.empty()) report(replaced, false);
  if (stale) {
    report(cert->serial, false);
    return;
  }
  spdlog::info("documents: certificate {} rendered ({} pages, {} KiB PDF)", cert->serial, issued.pages,
               pdfBytes / 1024);
  queue_.post(issued);
}

void DocumentDesk::print(std::uint64_t request) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back([this, request] { printNow(request); });
  }
  wake_.notify_all();
}

void DocumentDesk::printNow(std::uint64_t request) {
  std::string pdf, title, serial;
  std::vector<std::uint8_t> receipt;
  {
    std::lock_guard lock(mutex_);
    if (!current_ || current_->request != request) return;   // discarded: the session ended
    pdf = current_->pdf;
    title = current_->title;
    serial = current_->serial;
    receipt = current_->receipt;
    current_->printing = true;
  }
  // After the job: still the current document (the citizen may try again), or dropped
  // meanwhile — then a job that did not complete makes it void.
  auto finished = [&](bool printed) {
    bool dropped = true;
    {
      std::lock_guard lock(mutex_);
      if (current_ && current_->request == request) {
        dropped = false;
        current_->printing = false;
        current_->printed = printed;
      }
    }
    if (printed || dropped) report(serial, printed);
  };
  if (!printer_) {
    spdlog::error("documents: no A4 printer configured; certificate {} not printed", title);
    core::secureWipe(pdf);
    finished(false);
    queue_.post(core::ev::PrintFinished{request, false, std::string("print.problem.no_printer"_k)});
    return;
  }
  auto handle = printer_->print(std::move(pdf), title, kPrintTimeout);
  const peripherals::Completion done = handle.completion.get();   // the worker waits, never the UI
  if (done.ok()) {
    spdlog::info("documents: {} printed (job completed)", title);
    finished(true);
    const bool receiptPrinted = printReceipt(std::move(receipt), title);
    queue_.post(core::ev::PrintFinished{request, true, {}, receiptPrinted});
  } else {
    core::secureWipe(receipt);
    spdlog::error("documents: {} not printed: {} ({})", title, peripherals::nameOf(done.code), done.description);
    finished(false);
    queue_.post(core::ev::PrintFinished{request, false, std::string(printProblemKey(done.code))});
  }
}

// The receipt after the certificate (the hall rules want one after every transaction).
// Reported printed only when the printer took every byte and still answered ready.
bool DocumentDesk::printReceipt(std::vector<std::uint8_t> bytes, const std::string& title) {
  if (!receipts_ || bytes.empty()) {
    spdlog::warn("documents: no receipt for {} ({})", title, receipts_ ? "it could not be made" : "no receipt printer");
    core::secureWipe(bytes);
    return false;
  }
  auto handle = receipts_->print(std::move(bytes), kReceiptTimeout);
  const peripherals::Completion done = handle.completion.get();
  if (done.ok()) {
    spdlog::info("documents: receipt for {} printed", title);
    return true;
  }
  spdlog::error("documents: receipt for {} not printed: {} ({})", title, peripherals::nameOf(done.code), done.description);
  return false;
}

void DocumentDesk::printFilingReceipt(std::uint64_t request, documents::FilingReceipt receipt) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back([this, request, receipt = std::move(receipt)]() mutable {
      auto bytes = documents::encodeReceipt(receipt, receiptOptions());
      for (auto& item : receipt.submitted) core::secureWipe(item.value);
      bool printed = false;
      if (!bytes) spdlog::error("documents: filing receipt not made: {}", bytes.error());
      else printed = printReceipt(std::move(bytes.value()), "filing " + (receipt.provisional ? receipt.provisionalReference
                                                                                            : receipt.acceptanceNumber));
      if (receipt.provisional)
        queue_.post(core::ev::FilingKept{request, receipt.provisionalReference, printed});
      else
        queue_.post(core::ev::FilingAccepted{request, receipt.acceptanceNumber, receipt.dueOn ? core::isoDate(*receipt.dueOn) : std::string(),
                                             receipt.timeLimitWorkingDays, printed});
    });
  }
  wake_.notify_all();
}

void DocumentDesk::printTicket(std::uint64_t request, documents::QueueTicketReceipt ticket) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back([this, request, ticket = std::move(ticket)] {
      auto bytes = documents::encodeReceipt(ticket, receiptOptions());
      bool printed = false;
      if (!bytes) spdlog::error("documents: queue ticket not made: {}", bytes.error());
      else printed = printReceipt(std::move(bytes.value()), "queue ticket " + ticket.ticketNumber);
      queue_.post(core::ev::TicketTaken{request, ticket.ticketNumber, ticket.peopleAhead, printed});
    });
  }
  wake_.notify_all();
}

void DocumentDesk::printRatingReceipt(std::string serviceName, std::string acceptanceNumber, int level, bool provisional) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back([this, serviceName = std::move(serviceName), acceptanceNumber = std::move(acceptanceNumber), level,
                     provisional] {
      const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
      auto bytes = documents::encodeReceipt(
          documents::RatingReceipt{serviceName, acceptanceNumber, level, now, provisional}, receiptOptions());
      if (!bytes) {
        spdlog::error("documents: rating receipt not made: {}", bytes.error());
        return;
      }
      printReceipt(std::move(bytes.value()), "rating " + acceptanceNumber);
    });
  }
  wake_.notify_all();
}

std::optional<documents::Raster> DocumentDesk::takePreview(std::uint64_t& shownSequence) {
  std::lock_guard lock(mutex_);
  if (!current_ || !current_->preview || previewSequence_ == shownSequence) return std::nullopt;
  shownSequence = previewSequence_;
  auto out = std::move(current_->preview);
  current_->preview.reset();
  return out;
}

void DocumentDesk::discard() {
  std::string unprinted;
  {
    std::lock_guard lock(mutex_);
    if (current_ && !current_->printed && !current_->printing) unprinted = current_->serial;
    current_.reset();
    ++generation_;
  }
  if (!unprinted.empty()) report(unprinted, false);
}

void DocumentDesk::onPrintOutcome(PrintOutcome outcome) {
  std::lock_guard lock(mutex_);
  printOutcome_ = std::move(outcome);
}

void DocumentDesk::report(const std::string& serial, bool printed) {
  PrintOutcome outcome;
  {
    std::lock_guard lock(mutex_);
    outcome = printOutcome_;
  }
  spdlog::info("documents: certificate {} {}", serial, printed ? "printed: reported" : "not printed: reported void");
  if (outcome) outcome(serial, printed);
}

}  // namespace onestop::app

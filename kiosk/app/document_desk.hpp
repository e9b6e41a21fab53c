#pragma once
// Where an issued certificate becomes paper, off the UI thread: a worker renders the PDF
// and a first-page preview (cairo/pango take a few hundred milliseconds), and sends the PDF
// to the A4 printer, following the job until CUPS says completed or failed. The session
// hears of each step as an event; the UI thread takes the preview pixels when they are
// ready. The document holds personal data: discard() wipes it (session end).
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "app/event_queue.hpp"
#include "documents/certificate_renderer.hpp"
#include "documents/receipt.hpp"

namespace onestop::peripherals::printer {
class DocumentPrinter;
class ReceiptPrinter;
}

namespace onestop::app {

class DocumentDesk {
 public:
  /// `printer` may be null (no A4 printer configured): printing then fails plainly.
  /// `receipts` may be null: the certificate then comes without its receipt, and says so.
  DocumentDesk(EventQueue& queue, documents::DocumentOptions options, peripherals::printer::DocumentPrinter* printer,
               peripherals::printer::ReceiptPrinter* receipts);
  ~DocumentDesk();
  DocumentDesk(const DocumentDesk&) = delete;
  DocumentDesk& operator=(const DocumentDesk&) = delete;

  /// Renders the 201 body of POST /v1/me/certificates (any thread). Then
  /// ev::CertificateIssued, or ev::CertificateFailed when it cannot be used.
  void prepare(std::uint64_t request, std::string issuedBody);
  /// Prints the prepared document of `request`; then ev::PrintFinished.
  void print(std::uint64_t request);
  /// The preview of the current document if newer than `shownSequence` (UI thread, never blocks long).
  std::optional<documents::Raster> takePreview(std::uint64_t& shownSequence);
  /// Prints a filing's receipt (accepted: with its acceptance number; kept: provisional,
  /// with the kiosk's reference), then ev::FilingAccepted / ev::FilingKept saying whether
  /// the receipt came out. `submitted` values are masked by the receipt layout.
  void printFilingReceipt(std::uint64_t request, documents::FilingReceipt receipt);
  /// Prints a queue ticket, then ev::TicketTaken saying whether it came out.
  void printTicket(std::uint64_t request, documents::QueueTicketReceipt ticket);
  /// Prints a rating's receipt (any thread; best effort, the outcome is logged).
  void printRatingReceipt(std::string serviceName, std::string acceptanceNumber, int level, bool provisional);
  /// Forgets the current document (and any work queued for it), wiping its bytes.
  void discard();
  /// Told once per issued certificate whether its paper came out (any thread): printed when
  /// CUPS completed the job; not printed when it is dropped unprinted — the session ended or
  /// moved on, or it arrived after the citizen left. Set before the first certificate.
  using PrintOutcome = std::function<void(const std::string& serial, bool printed)>;
  void onPrintOutcome(PrintOutcome outcome);

  static constexpr double kPreviewDpi = 96;
  static constexpr std::chrono::seconds kPrintTimeout{120};
  static constexpr std::chrono::seconds kReceiptTimeout{20};

 private:
  struct Prepared;
  void run();
  void render(std::uint64_t request, std::string body, std::uint64_t generation);
  void printNow(std::uint64_t request);
  bool printReceipt(std::vector<std::uint8_t> bytes, const std::string& title);
  documents::ReceiptOptions receiptOptions() const;   ///< the hall's agency and time zone

  EventQueue& queue_;
  documents::DocumentOptions options_;
  peripherals::printer::DocumentPrinter* printer_;
  peripherals::printer::ReceiptPrinter* receipts_;
  std::optional<documents::CertificateRenderer> renderer_;   // worker thread only (fonts found once)
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  std::unique_ptr<Prepared> current_;   // guarded by mutex_
  std::uint64_t previewSequence_ = 0;   // guarded by mutex_
  std::uint64_t generation_ = 0;        // guarded by mutex_; discard() moves it on
  bool stopping_ = false;
  PrintOutcome printOutcome_;           // guarded by mutex_
  void report(const std::string& serial, bool printed);   // outside mutex_
  std::thread worker_;
};

}  // namespace onestop::app

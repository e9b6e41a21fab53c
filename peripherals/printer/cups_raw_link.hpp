#pragma once
// PrinterLink to a receipt printer behind a CUPS raw queue: each write is one raw job
// (application/vnd.cups-raw), followed until CUPS reports it completed. No answers come
// back this way, so the receipt printer's status is "online, paper unknown" while the
// queue is ready.
#include <memory>
#include <string>

#include "printer/cups_connection.hpp"
#include "printer/printer_link.hpp"

namespace onestop::peripherals::printer {

class CupsRawLink final : public PrinterLink {
 public:
  CupsRawLink(CupsServer server, std::string queue);
  ~CupsRawLink() override;

  /// Checks that the queue exists and is ready.
  Completion open() override;
  void close() override { open_ = false; }
  bool isOpen() const override { return open_; }
  /// Submits the bytes as one job and waits for it to complete (aborted, canceled or
  /// stopped jobs fail; the timeout cancels the job).
  Completion write(std::span<const std::uint8_t> bytes, std::chrono::milliseconds timeout) override;
  Expected<std::optional<std::uint8_t>> readByte(std::chrono::milliseconds) override { return std::optional<std::uint8_t>{}; }
  void discardInput() override {}
  bool readsStatus() const override { return false; }
  std::string describe() const override;

 private:
  std::unique_ptr<CupsConnection> cups_;
  std::string queue_;
  bool open_ = false;
};

}  // namespace onestop::peripherals::printer

#pragma once
// PrinterLink over a file descriptor: USB printer node, serial port or pseudo terminal.
#include "printer/printer_link.hpp"

namespace onestop::peripherals::printer {

class FileLink final : public PrinterLink {
 public:
  explicit FileLink(FileLinkConfig config) : config_(std::move(config)) {}
  ~FileLink() override { close(); }
  FileLink(const FileLink&) = delete;
  FileLink& operator=(const FileLink&) = delete;

  Completion open() override;
  void close() override;
  bool isOpen() const override { return fd_ >= 0; }
  Completion write(std::span<const std::uint8_t> bytes, std::chrono::milliseconds timeout) override;
  Expected<std::optional<std::uint8_t>> readByte(std::chrono::milliseconds timeout) override;
  void discardInput() override;
  std::string describe() const override;

 private:
  FileLinkConfig config_;
  int fd_ = -1;
  bool tty_ = false;
};

}  // namespace onestop::peripherals::printer

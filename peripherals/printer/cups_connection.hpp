#pragma once
// The few IPP operations the document printer needs, over one libcups connection, with
// errors as Completions. libcups stays behind this header. One connection per thread.
#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "device/device.hpp"
#include "printer/cups_status.hpp"

namespace onestop::peripherals::printer {

struct CupsServer {
  std::string host;   ///< host name, or the path of the scheduler's socket; "" = libcups default
  int port = 631;
};

enum class JobState { Pending = 3, Held, Processing, Stopped, Canceled, Aborted, Completed };
std::string_view nameOf(JobState state);

struct JobStatus {
  JobState state = JobState::Pending;
  std::vector<std::string> reasons;   ///< job-state-reasons
  std::string message;                ///< job-printer-state-message
};

class CupsConnection {
 public:
  explicit CupsConnection(CupsServer server);
  ~CupsConnection();
  CupsConnection(const CupsConnection&) = delete;
  CupsConnection& operator=(const CupsConnection&) = delete;

  /// Get-Printer-Attributes. DeviceNotReady when the queue does not exist, HardwareError
  /// when the scheduler cannot be reached.
  Expected<CupsQueueState> queueState(const std::string& queue);
  /// Create-Job + Send-Document; the job id. A PDF goes with media A4, one-sided, 100 %.
  Expected<int> submitPdf(const std::string& queue, std::string_view pdf, const std::string& title);
  /// Bytes for the printer as they are (application/vnd.cups-raw), e.g. ESC/POS.
  Expected<int> submitRaw(const std::string& queue, std::string_view bytes, const std::string& title);
  Expected<JobStatus> jobStatus(const std::string& queue, int job);
  Completion cancelJob(const std::string& queue, int job);
  std::string describe() const;

 private:
  Completion connect();
  void disconnect();
  Expected<int> submit(const std::string& queue, std::string_view data, const std::string& title, const char* format);
  CupsServer server_;
  struct Http;
  std::unique_ptr<Http> http_;
};

}  // namespace onestop::peripherals::printer

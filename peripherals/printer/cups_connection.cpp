#include "printer/cups_connection.hpp"

#include <cups/cups.h>

#include <algorithm>

#include <fmt/format.h>

namespace onestop::peripherals::printer {
namespace {

struct IppDeleter {
  void operator()(ipp_t* ipp) const { ippDelete(ipp); }
};
using IppPtr = std::unique_ptr<ipp_t, IppDeleter>;

std::string lastError() { return cupsLastErrorString() ? cupsLastErrorString() : "unknown CUPS error"; }

// An IPP failure as a completion: a missing queue is "not ready", anything else a failure.
Completion ippFailure(std::string_view what) {
  const ipp_status_t s = cupsLastError();
  const auto code = s == IPP_STATUS_ERROR_NOT_FOUND ? CompletionCode::DeviceNotReady : CompletionCode::HardwareError;
  return {code, static_cast<int>(s), fmt::format("{}: {}", what, lastError())};
}

std::string printerUri(const std::string& queue) {
  char uri[HTTP_MAX_URI];
  httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", 0, "/printers/%s", queue.c_str());
  return uri;
}

}  // namespace

struct CupsConnection::Http {
  http_t* http = nullptr;
  ~Http() {
    if (http) httpClose(http);
  }
};

std::string_view nameOf(JobState s) {
  switch (s) {
    case JobState::Pending: return "pending";
    case JobState::Held: return "held";
    case JobState::Processing: return "processing";
    case JobState::Stopped: return "stopped";
    case JobState::Canceled: return "canceled";
    case JobState::Aborted: return "aborted";
    case JobState::Completed: return "completed";
  }
  return "unknown";
}

CupsConnection::CupsConnection(CupsServer server) : server_(std::move(server)) {}
CupsConnection::~CupsConnection() = default;

std::string CupsConnection::describe() const {
  const std::string host = server_.host.empty() ? cupsServer() : server_.host;
  return host.front() == '/' ? host : fmt::format("{}:{}", host, server_.port);
}

Completion CupsConnection::connect() {
  if (http_) return Completion::success();
  const std::string host = server_.host.empty() ? cupsServer() : server_.host;
  const int port = server_.host.empty() ? ippPort() : server_.port;
  http_t* h = httpConnect2(host.c_str(), port, nullptr, AF_UNSPEC, HTTP_ENCRYPTION_IF_REQUESTED, 1, 5000, nullptr);
  if (!h) return {CompletionCode::HardwareError, -1, fmt::format("CUPS at {} not reachable: {}", describe(), lastError())};
  http_ = std::make_unique<Http>();
  http_->http = h;
  return Completion::success();
}

void CupsConnection::disconnect() { http_.reset(); }

Expected<CupsQueueState> CupsConnection::queueState(const std::string& queue) {
  if (auto c = connect(); !c.ok()) return c;
  ipp_t* request = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
  ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, printerUri(queue).c_str());
  static const char* const kAttributes[] = {"printer-state", "printer-state-reasons", "printer-is-accepting-jobs",
                                            "printer-state-message"};
  ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 4, nullptr, kAttributes);
  IppPtr response(cupsDoRequest(http_->http, request, "/"));
  if (!response || cupsLastError() > IPP_STATUS_OK_CONFLICTING) {
    auto failure = ippFailure(fmt::format("queue {}", queue));
    if (!response) disconnect();   // the connection may be broken: reconnect next time
    return failure;
  }
  CupsQueueState s;
  if (auto* a = ippFindAttribute(response.get(), "printer-state", IPP_TAG_ENUM)) s.state = ippGetInteger(a, 0);
  if (auto* a = ippFindAttribute(response.get(), "printer-is-accepting-jobs", IPP_TAG_BOOLEAN))
    s.accepting = ippGetBoolean(a, 0) != 0;
  if (auto* a = ippFindAttribute(response.get(), "printer-state-reasons", IPP_TAG_KEYWORD))
    for (int i = 0; i < ippGetCount(a); ++i) s.reasons.emplace_back(ippGetString(a, i, nullptr));
  if (auto* a = ippFindAttribute(response.get(), "printer-state-message", IPP_TAG_TEXT))
    s.message = ippGetString(a, 0, nullptr) ? ippGetString(a, 0, nullptr) : "";
  return s;
}

Expected<int> CupsConnection::submitPdf(const std::string& queue, std::string_view pdf, const std::string& title) {
  return submit(queue, pdf, title, CUPS_FORMAT_PDF);
}

Expected<int> CupsConnection::submitRaw(const std::string& queue, std::string_view bytes, const std::string& title) {
  return submit(queue, bytes, title, CUPS_FORMAT_RAW);
}

Expected<int> CupsConnection::submit(const std::string& queue, std::string_view pdf, const std::string& title,
                                     const char* format) {
  if (auto c = connect(); !c.ok()) return c;
  cups_option_t* options = nullptr;
  int count = 0;
  if (std::string_view(format) == CUPS_FORMAT_PDF) {
    count = cupsAddOption("media", "iso_a4_210x297mm", count, &options);
    count = cupsAddOption("sides", "one-sided", count, &options);
    count = cupsAddOption("print-scaling", "none", count, &options);   // certificates print at 100 %
  }
  const int job = cupsCreateJob(http_->http, queue.c_str(), title.c_str(), count, options);
  cupsFreeOptions(count, options);
  if (job <= 0) return ippFailure(fmt::format("create job on {}", queue));
  if (cupsStartDocument(http_->http, queue.c_str(), job, title.c_str(), format, 1) != HTTP_STATUS_CONTINUE) {
    auto failure = ippFailure(fmt::format("send job {}", job));
    cupsCancelJob2(http_->http, queue.c_str(), job, 0);
    return failure;
  }
  constexpr std::size_t kChunk = 64 * 1024;
  for (std::size_t at = 0; at < pdf.size(); at += kChunk) {
    const auto n = std::min(kChunk, pdf.size() - at);
    if (cupsWriteRequestData(http_->http, pdf.data() + at, n) != HTTP_STATUS_CONTINUE) {
      cupsFinishDocument(http_->http, queue.c_str());
      cupsCancelJob2(http_->http, queue.c_str(), job, 0);
      return Completion{CompletionCode::HardwareError, -1, fmt::format("send job {}: {}", job, lastError())};
    }
  }
  if (cupsFinishDocument(http_->http, queue.c_str()) != IPP_STATUS_OK)
    return ippFailure(fmt::format("finish job {}", job));
  return job;
}

Expected<JobStatus> CupsConnection::jobStatus(const std::string& queue, int job) {
  if (auto c = connect(); !c.ok()) return c;
  ipp_t* request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
  ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, printerUri(queue).c_str());
  ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", job);
  static const char* const kAttributes[] = {"job-state", "job-state-reasons", "job-printer-state-message"};
  ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 3, nullptr, kAttributes);
  IppPtr response(cupsDoRequest(http_->http, request, "/"));
  if (!response || cupsLastError() > IPP_STATUS_OK_CONFLICTING) {
    auto failure = ippFailure(fmt::format("job {}", job));
    if (!response) disconnect();
    return failure;
  }
  JobStatus s;
  if (auto* a = ippFindAttribute(response.get(), "job-state", IPP_TAG_ENUM))
    s.state = static_cast<JobState>(std::clamp(ippGetInteger(a, 0), 3, 9));
  if (auto* a = ippFindAttribute(response.get(), "job-state-reasons", IPP_TAG_KEYWORD))
    for (int i = 0; i < ippGetCount(a); ++i) s.reasons.emplace_back(ippGetString(a, i, nullptr));
  if (auto* a = ippFindAttribute(response.get(), "job-printer-state-message", IPP_TAG_TEXT))
    s.message = ippGetString(a, 0, nullptr) ? ippGetString(a, 0, nullptr) : "";
  return s;
}

Completion CupsConnection::cancelJob(const std::string& queue, int job) {
  if (auto c = connect(); !c.ok()) return c;
  if (cupsCancelJob2(http_->http, queue.c_str(), job, 0) != IPP_STATUS_OK) return ippFailure(fmt::format("cancel job {}", job));
  return Completion::success();
}

}  // namespace onestop::peripherals::printer

#include "sync/network.hpp"

#include <csignal>
#include <cstring>
#include <map>
#include <memory>

#include <curl/curl.h>
#include <spdlog/spdlog.h>

namespace onestop::sync {

struct Network::Job {
  std::uint64_t id = 0;
  HttpRequest request;
  Completion done;
  HttpResult result;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  char errorBuffer[CURL_ERROR_SIZE] = {};
  bool tooBig = false;

  ~Job() {
    if (headers) curl_slist_free_all(headers);
    if (easy) curl_easy_cleanup(easy);
  }
};

namespace {

size_t onBody(char* data, size_t size, size_t count, void* user) {
  auto* job = static_cast<Network::Job*>(user);
  const size_t n = size * count;
  if (job->result.body.size() + n > Network::kMaxBodyBytes) {
    job->tooBig = true;
    return 0;   // aborts the transfer
  }
  job->result.body.append(data, n);
  return n;
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
  auto* job = static_cast<Network::Job*>(user);
  const std::string line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) job->result.headers.clear();   // a new response (e.g. after 100)
  const auto colon = line.find(':');
  if (colon != std::string::npos && job->result.headers.size() < 64) {
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto value = line.substr(colon + 1);
    const auto first = value.find_first_not_of(" \t"), last = value.find_last_not_of(" \t\r\n");
    job->result.headers[name] = first == std::string::npos ? "" : value.substr(first, last - first + 1);
  }
  return size * count;
}

NetError classify(CURLcode code, const char* message) {
  switch (code) {
    case CURLE_OK: return NetError::None;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT: return NetError::Connect;
    case CURLE_OPERATION_TIMEDOUT: return NetError::Timeout;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE: return NetError::Tls;
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
      // With TLS 1.3 the server refuses our certificate only after the handshake: the
      // alert arrives as a read error.
      if (std::strstr(message, "alert") || std::strstr(message, "SSL")) return NetError::Tls;
      return NetError::Interrupted;
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING: return NetError::Interrupted;
    default: return NetError::Other;
  }
}

void set(CURL* easy, CURLoption option, long value) { curl_easy_setopt(easy, option, value); }
void set(CURL* easy, CURLoption option, const char* value) { curl_easy_setopt(easy, option, value); }

}  // namespace

void initNetworking() {
  static std::once_flag once;
  std::call_once(once, [] {
    std::signal(SIGPIPE, SIG_IGN);
    curl_global_init(CURL_GLOBAL_DEFAULT);
  });
}

Network::Network(TrustConfig trust) : trust_(std::move(trust)) {
  initNetworking();
  multi_ = curl_multi_init();
  thread_ = std::thread([this] { run(); });
}

Network::~Network() { stop(); }

std::uint64_t Network::submit(HttpRequest request, Completion done) {
  auto job = std::make_unique<Job>();
  job->id = nextId_++;
  job->request = std::move(request);
  job->done = std::move(done);
  const auto id = job->id;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) {
      job->result.error = NetError::Cancelled;
      job->result.errorText = "network stopped";
      auto finish = std::move(job->done);
      finish(id, std::move(job->result));
      return id;
    }
    queued_.push_back(std::move(job));
  }
  curl_multi_wakeup(static_cast<CURLM*>(multi_));
  return id;
}

void Network::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_.exchange(true)) {
      if (thread_.joinable()) thread_.join();
      return;
    }
  }
  curl_multi_wakeup(static_cast<CURLM*>(multi_));
  if (thread_.joinable()) thread_.join();
  curl_multi_cleanup(static_cast<CURLM*>(multi_));
  multi_ = nullptr;
}

void Network::run() {
  auto* multi = static_cast<CURLM*>(multi_);
  std::map<CURL*, std::unique_ptr<Job>> active;
  std::string pins;
  for (const auto& p : trust_.pins) pins += (pins.empty() ? "" : ";") + p;

  auto configure = [&](Job& job) {
    CURL* e = job.easy = curl_easy_init();
    const auto url = trust_.serverUrl + job.request.path;
    set(e, CURLOPT_URL, url.c_str());
    set(e, CURLOPT_NOSIGNAL, 1L);
    set(e, CURLOPT_PROTOCOLS_STR, "https");
    set(e, CURLOPT_FOLLOWLOCATION, 0L);
    set(e, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    set(e, CURLOPT_SSL_VERIFYPEER, 1L);
    set(e, CURLOPT_SSL_VERIFYHOST, 2L);
    set(e, CURLOPT_CAINFO, trust_.caCert.c_str());
    curl_easy_setopt(e, CURLOPT_CAPATH, nullptr);   // the agency CA only, never the system store
    set(e, CURLOPT_SSLCERT, trust_.clientCert.c_str());
    set(e, CURLOPT_SSLKEY, trust_.clientKey.c_str());
    if (!pins.empty()) set(e, CURLOPT_PINNEDPUBLICKEY, pins.c_str());
    set(e, CURLOPT_CONNECTTIMEOUT_MS, trust_.connectTimeoutMs);
#if LIBCURL_VERSION_NUM >= 0x075700
    // A name lookup that times out is abandoned, not joined: without this, libcurl waits
    // for the resolver thread (getaddrinfo, up to resolv.conf's timeout × attempts) and
    // the whole network thread stalls behind a DNS server that never answers.
    set(e, CURLOPT_QUICK_EXIT, 1L);
#endif
    set(e, CURLOPT_TIMEOUT_MS, job.request.totalTimeoutMs);
    set(e, CURLOPT_LOW_SPEED_LIMIT, 1L);
    set(e, CURLOPT_LOW_SPEED_TIME, trust_.lowSpeedSeconds);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, job.errorBuffer);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &job);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, &job);
    curl_easy_setopt(e, CURLOPT_PRIVATE, &job);
    job.headers = curl_slist_append(job.headers, "Expect:");
    job.headers = curl_slist_append(job.headers, "Accept: application/json");
    for (const auto& [k, v] : job.request.headers) job.headers = curl_slist_append(job.headers, (k + ": " + v).c_str());
    if (job.request.method == "POST" || !job.request.body.empty()) {
      job.headers = curl_slist_append(job.headers, "Content-Type: application/json");
      curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, static_cast<long>(job.request.body.size()));
      curl_easy_setopt(e, CURLOPT_COPYPOSTFIELDS, job.request.body.c_str());
    }
    if (job.request.method != "GET" && job.request.method != "POST")
      set(e, CURLOPT_CUSTOMREQUEST, job.request.method.c_str());
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, job.headers);
  };
  auto finish = [](std::unique_ptr<Job> job) {
    auto done = std::move(job->done);
    const auto id = job->id;
    auto result = std::move(job->result);
    job.reset();
    done(id, std::move(result));
  };

  while (true) {
    std::deque<std::unique_ptr<Job>> incoming;
    {
      std::lock_guard lock(mutex_);
      incoming.swap(queued_);
    }
    if (stopping_) {
      auto cancel = [&](std::unique_ptr<Job> job) {
        job->result.error = NetError::Cancelled;
        job->result.errorText = "network stopped";
        finish(std::move(job));
      };
      for (auto& job : incoming) cancel(std::move(job));
      for (auto& [easy, job] : active) {
        curl_multi_remove_handle(multi, easy);
        cancel(std::move(job));
      }
      return;
    }
    for (auto& job : incoming) {
      configure(*job);
      curl_multi_add_handle(multi, job->easy);
      active.emplace(job->easy, std::move(job));
    }
    int running = 0;
    curl_multi_perform(multi, &running);
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      auto it = active.find(msg->easy_handle);
      if (it == active.end()) continue;
      auto job = std::move(it->second);
      active.erase(it);
      curl_multi_remove_handle(multi, job->easy);
      const CURLcode code = msg->data.result;
      if (code == CURLE_OK) {
        curl_easy_getinfo(job->easy, CURLINFO_RESPONSE_CODE, &job->result.status);
      } else {
        job->result.error = job->tooBig ? NetError::Other : classify(code, job->errorBuffer);
        job->result.errorText = job->tooBig ? "response larger than 1 MiB"
                                            : std::string(curl_easy_strerror(code)) + ": " + job->errorBuffer;
        job->result.body.clear();
        spdlog::warn("network: {} {} failed ({}): {}", job->request.method, job->request.path.substr(0, 40),
                     netErrorName(job->result.error), job->result.errorText);
      }
      finish(std::move(job));
    }
    curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
  }
}

}  // namespace onestop::sync

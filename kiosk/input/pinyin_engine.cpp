#include "input/pinyin_engine.hpp"

#include <rime_api.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <mutex>

#include "input/rime_user_data.hpp"

namespace onestop::input {
namespace {

// X11 keysyms librime expects.
constexpr int kBackSpace = 0xff08, kSpace = 0x20, kPageUp = 0xff55, kPageDown = 0xff56;

RimeApi& rime() {
  static RimeApi* api = rime_get_api();
  return *api;
}

// librime is one per process: one engine may run it at a time.
std::mutex gRuntimeMutex;
const PinyinEngine* gOwner = nullptr;
std::atomic<bool> gDeployFailed{false};

void onNotification(void*, RimeSessionId, const char* type, const char* value) {
  if (type && value && std::strcmp(type, "deploy") == 0 && std::strcmp(value, "failure") == 0)
    gDeployFailed = true;
}

// Logging set up once per process (glog refuses a second initialisation). Only fatal
// messages: librime's log files would otherwise land in /tmp, and our own log says why
// Chinese input is off.
void setupOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    RIME_STRUCT(RimeTraits, traits);
    traits.app_name = "rime.onestop";
    traits.min_log_level = 3;
    rime().setup(&traits);
  });
}

}  // namespace

PinyinEngine::PinyinEngine(EngineOptions options) : options_(std::move(options)) {}

PinyinEngine::~PinyinEngine() { stop(); }

bool PinyinEngine::fail(std::string message) {
  error_ = std::move(message);
  spdlog::error("pinyin input: {}; Chinese input is off, letters only", error_);
  return false;
}

bool PinyinEngine::start() {
  if (owner_ || failed()) return ready();
  const auto began = std::chrono::steady_clock::now();
  if (auto e = rime_data::checkSharedData(options_.sharedDataDir); !e.empty())
    return fail(e + " (install rime-data-luna-pinyin)");
  if (options_.userDataDir.empty()) return fail("no user data dir given");
  {
    std::lock_guard lock(gRuntimeMutex);
    if (gOwner) return fail("another pinyin engine is running in this process (librime is process-wide)");
    gOwner = this;
  }
  owner_ = true;
  rime_data::scrubLearnt(options_.userDataDir);
  if (auto e = rime_data::writeSettings(options_.userDataDir, options_.pageSize); !e.empty()) {
    stop();
    return fail(e);
  }

  setupOnce();
  const std::string shared = options_.sharedDataDir.string(), user = options_.userDataDir.string();
  RIME_STRUCT(RimeTraits, traits);
  traits.shared_data_dir = shared.c_str();
  traits.user_data_dir = user.c_str();
  traits.distribution_name = "OneStop";
  traits.distribution_code_name = "onestop";
  traits.distribution_version = "1";
  gDeployFailed = false;
  rime().set_notification_handler(onNotification, nullptr);
  rime().initialize(&traits);
  running_ = true;
  // Full check: compares the sources' checksums, so stale compiled data is rebuilt while
  // unchanged data is reused (a fraction of a second).
  if (rime().start_maintenance(True)) rime().join_maintenance_thread();
  if (gDeployFailed) {
    stop();
    return fail("librime could not compile the Luna Pinyin schemas from " + shared + " into " + user + "/build");
  }

  session_ = rime().create_session();
  if (session_ == 0 || !rime().select_schema(session_, rime_data::schemaFor(options_.script))) {
    stop();
    return fail(std::string("librime has no session with schema ") + rime_data::schemaFor(options_.script));
  }
  // A schema whose dictionary failed to load still "selects": ask it for a syllable.
  rime().process_key(session_, 'a', 0);
  Composition probe;
  readContext(probe);
  rime().clear_composition(session_);
  if (probe.candidates.empty()) {
    stop();
    return fail("the Luna Pinyin dictionary gives no candidates (compiled data in " + user + "/build unusable)");
  }
  spdlog::info("pinyin input: ready ({}, {:.2f} s)", rime_data::schemaFor(options_.script),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count());
  return true;
}

void PinyinEngine::stop() {
  if (session_ != 0) {
    rime().clear_composition(session_);
    rime().destroy_session(session_);
    session_ = 0;
  }
  if (running_) {
    rime().finalize();
    rime().set_notification_handler(nullptr, nullptr);
    running_ = false;
  }
  if (owner_) {
    rime_data::scrubLearnt(options_.userDataDir);
    std::lock_guard lock(gRuntimeMutex);
    gOwner = nullptr;
    owner_ = false;
  }
}

std::size_t PinyinEngine::inputLength() const {
  const char* in = rime().get_input(session_);
  return in ? std::strlen(in) : 0;
}

void PinyinEngine::readCommit(Composition& out) const {
  RIME_STRUCT(RimeCommit, commit);
  if (rime().get_commit(session_, &commit)) {
    if (commit.text) out.committed += commit.text;
    rime().free_commit(&commit);
  }
}

void PinyinEngine::readContext(Composition& out) const {
  out.preedit.clear();
  out.candidates.clear();
  out.page = 0;
  out.lastPage = true;
  RIME_STRUCT(RimeContext, ctx);
  if (!rime().get_context(session_, &ctx)) return;
  if (ctx.composition.length > 0 && ctx.composition.preedit) out.preedit = ctx.composition.preedit;
  if (!out.preedit.empty()) {
    out.page = ctx.menu.page_no;
    out.lastPage = ctx.menu.is_last_page != 0;
    for (int i = 0; i < ctx.menu.num_candidates; ++i)
      if (ctx.menu.candidates[i].text) out.candidates.emplace_back(ctx.menu.candidates[i].text);
  }
  rime().free_context(&ctx);
}

Composition PinyinEngine::state() const {
  Composition out;
  out.ready = ready();
  out.failed = failed();
  if (ready()) readContext(out);
  return out;
}

// Not ready: the keyboard is a plain Latin keyboard.
Composition PinyinEngine::fallback(const Key& key) const {
  Composition out = state();
  switch (key.kind) {
    case Key::Kind::Letter:
      if (key.ch >= 'a' && key.ch <= 'z') out.committed = std::string(1, key.ch);
      break;
    case Key::Kind::Text: out.committed = key.text; break;
    case Key::Kind::Space: out.committed = " "; break;
    case Key::Kind::Backspace: out.deleteLast = 1; break;
    default: break;
  }
  return out;
}

Composition PinyinEngine::apply(const Key& key) {
  if (!ready()) return fallback(key);
  Composition out;
  out.ready = true;
  const bool composing = inputLength() > 0;
  switch (key.kind) {
    case Key::Kind::Letter:
      if (key.ch >= 'a' && key.ch <= 'z' && inputLength() < kMaxPinyinLetters) rime().process_key(session_, key.ch, 0);
      break;
    case Key::Kind::Text:
      // Like punctuation in any IME: what is being composed goes in first, as it would with space.
      if (composing) {
        rime().process_key(session_, kSpace, 0);
        readCommit(out);
        if (inputLength() > 0 && rime().commit_composition(session_)) readCommit(out);
      }
      out.committed += key.text;
      break;
    case Key::Kind::Space:
      if (!composing || !rime().process_key(session_, kSpace, 0)) out.committed = " ";
      break;
    case Key::Kind::Backspace:
      if (!composing || !rime().process_key(session_, kBackSpace, 0)) out.deleteLast = 1;
      break;
    case Key::Kind::Select:
      if (composing && key.index >= 0) rime().select_candidate_on_current_page(session_, static_cast<size_t>(key.index));
      break;
    case Key::Kind::NextPage:
      if (composing) rime().process_key(session_, kPageDown, 0);
      break;
    case Key::Kind::PreviousPage:
      if (composing) rime().process_key(session_, kPageUp, 0);
      break;
    case Key::Kind::Clear: rime().clear_composition(session_); break;
  }
  // Text keys have already been read (their own text comes after the commit).
  if (key.kind != Key::Kind::Text) readCommit(out);
  readContext(out);
  return out;
}

void PinyinEngine::setScript(Script script) {
  if (script == options_.script) return;
  options_.script = script;
  if (!ready()) return;
  rime().clear_composition(session_);
  if (!rime().select_schema(session_, rime_data::schemaFor(script)))
    spdlog::error("pinyin input: cannot switch to schema {}", rime_data::schemaFor(script));
}

void PinyinEngine::clear() {
  if (ready()) rime().clear_composition(session_);
}

DeployReport PinyinEngine::deploy(const EngineOptions& options) {
  const auto began = std::chrono::steady_clock::now();
  DeployReport report;
  {
    PinyinEngine engine(options);
    report.ok = engine.start();
    report.error = engine.error();
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  return report;
}

}  // namespace onestop::input

#include "app/kiosk_app.hpp"

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <memory>
#include <random>
#include <set>
#include <sstream>

#include "app/central_link.hpp"
#include "voice/sdl_audio_sink.hpp"
#include "voice/voice_guide.hpp"
#include "voice/wav_file_sink.hpp"
#include "app/data_paths.hpp"
#include "app/document_desk.hpp"
#include "core/service_catalogue.hpp"
#include "documents/certificate.hpp"
#include "documents/wording.hpp"
#include "app/devices.hpp"
#include "app/embedded_central.hpp"
#include "app/event_queue.hpp"
#include "app/input.hpp"
#include "app/logging.hpp"
#include "app/render_target.hpp"
#include "app/scan_view.hpp"
#include "app/scenario.hpp"
#include "core/iso_date.hpp"
#include "core/secure_wipe.hpp"
#include "core/session.hpp"
#include "core/utf8.hpp"
#include "i18n/catalogs.hpp"
#include "input/pinyin_input.hpp"
#include "sync/trust.hpp"
#include "sync/json_reader.hpp"
#include "ui/fonts.hpp"
#include "ui/kiosk_ui.hpp"

namespace onestop::app {
namespace {

using Clock = std::chrono::steady_clock;
template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

// A random reference per session: keeps one citizen's outbox items in order without
// putting anything about them (an ID number, even hashed) into the outbox's clear columns.
std::string newCitizenRef() {
  static constexpr char kHex[] = "0123456789abcdef";
  std::random_device random;
  std::string out = "s-";
  for (int i = 0; i < 6; ++i) {
    const unsigned v = random();
    for (int shift = 0; shift < 16; shift += 4) out += kHex[(v >> shift) & 15];
  }
  return out;
}

double cpuMs() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return (static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 +
          static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0);
}

long long monotonicNs() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

// Figures for the benchmark (--stats): startup, idle cost, frame times, atlas.
struct FrameStats {
  double firstFrameMs = -1;   // since runKiosk started
  long long firstFrameMonoNs = 0;   // CLOCK_MONOTONIC, comparable with the launcher's clock
  double idleCpuStartMs = -1;       // CPU used when the idle window began (2 s after start)
  Clock::time_point idleStart;
  long frames = 0, steadyFrames = 0;
  double sumMs = 0, maxMs = 0;
  std::vector<double> frameMs;   // steady frames, for the p99 (bounded: about 1 MiB)
  std::vector<double> plainFrameMs;   // the same without the frames that rebuilt the font atlas
  ui::AtlasStats atlas;
  double atlasTotalMs = 0;
  int atlasBuilds = 0;
  // Per transaction (bench/scenarios): what the citizen did and what the software took.
  int taps = 0;                 // frames whose touch produced an intent or a keyboard key
  int screens = 0;              // changes of screen
  Clock::time_point certAsked, printAsked;
  double certIssueMs = 0;       // identify + issue at the server + render (no human, no device)
  double certPrintMs = 0;       // CUPS job to "completed" + the receipt
};

std::vector<std::string> readLines(const std::filesystem::path& file) {
  std::vector<std::string> out;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') out.push_back(line);
  return out;
}

class Kiosk {
 public:
  Kiosk(const Options& o, Config c, i18n::Catalogs cat, ui::FontLibrary f, RenderTarget* t)
      : opts_(o), cfg_(std::move(c)), catalogs_(std::move(cat)), fonts_(std::move(f)), target_(t),
        session_(cfg_.language), ui_(fonts_, catalogs_, cfg_.language),
        queue_(t->headless() ? 0u : SDL_RegisterEvents(1)) {}

  ~Kiosk() {
    dropDocumentPreview();                          // before the renderer goes
    if (desk_) desk_->onPrintOutcome(nullptr);      // the link goes before the desk
  }
  Kiosk(const Kiosk&) = delete;
  Kiosk& operator=(const Kiosk&) = delete;

  EventQueue& queue() { return queue_; }
  Devices& devices() { return devices_; }

  int run(Clock::time_point started);
  void setScenario(std::unique_ptr<ScenarioRunner> r) { scenario_ = std::move(r); }
  /// Voice guidance: through the speakers, or (demo) as numbered WAV files in `wavDir`.
  void startVoice(const std::string& wavDir) {
    std::unique_ptr<voice::AudioSink> sink;
    if (wavDir.empty()) sink = std::make_unique<voice::SdlAudioSink>();
    else sink = std::make_unique<voice::WavFileSink>(wavDir);
    voice_ = std::make_unique<voice::VoiceGuide>(std::move(sink));
  }
  void setSampleNames(std::vector<std::string> n) { ui_.env.sampleNames = std::move(n); }
  /// The region picker's divisions; a file that cannot be read or parsed leaves the
  /// address filing saying it is unavailable here.
  void loadDivisions(const std::filesystem::path& file);
  /// After the devices started: the certificate desk (needs the printer) and the server link.
  void startServices(const Config& c);
  CentralLink& link() { return *link_; }
  void setEmbeddedCentral(EmbeddedCentral* central) { central_ = central; }

 private:
  void applyEffects(core::Effects fx);   // by value: typed text in effects is zeroed after use
  // Once the first frame is up, the atlas learns every glyph of the language's catalog (and
  // again after a change of language): later screens then draw without stopping to rebuild
  // it — a rebuild costs tens of milliseconds, paid once here at the attract screen or at
  // the tap on a language. Names bring their own (rare) glyphs when they appear.
  void prewarmGlyphs() {
    if (stats_.firstFrameMs < 0 || prewarmed_ == ui_.tr.language()) return;
    prewarmed_ = ui_.tr.language();
    // Body and heading sizes: most text. Display-size text (titles) is asked for as it
    // appears; at 76 px its glyphs would make every rebuild twice as slow.
    for (const auto& key : catalogs_.keys(prewarmed_)) {
      const std::string& text = catalogs_.text(prewarmed_, key);
      for (char32_t cp : core::decodeUtf8(text)) catalogGlyphs_.insert(cp);
      for (ui::FontRole role : {ui::FontRole::Body, ui::FontRole::Heading}) fonts_.require(text, role);
    }
    framesWanted_ = std::max(framesWanted_, 1);
  }
  /// POST /v1/identify for the citizen of this session: by card data, or by e-SSC code.
  sync::HttpRequest identifyRequest() const {
    const auto& s = session_.state();
    return s.esscToken.empty() ? sync::api::identifyByCard(*s.citizen) : sync::api::identifyByEssc(s.esscToken);
  }
  void rebuildAtlas();
  void drawFrame();
  bool composeFrame();
  void waitForWork();
  bool settled() const { return framesWanted_ == 0 && !input_.pending() && !fonts_.dirty(); }
  bool handleEvent(const SDL_Event& e);
  void stepScenario();
  void updateClock();
  int waitTimeoutMs() const;
  bool sessionActive() const { return session_.state().screen != core::Screen::Home || session_.holdsPersonalData(); }
  /// Whole seconds left of an idle session while its countdown shows; 0 otherwise.
  int countdownSeconds(Clock::time_point now) const {
    if (!sessionActive() || session_.busy()) return 0;
    const auto left = lastInput_ + std::chrono::seconds(inactivitySeconds()) - now;
    const long ms = std::chrono::duration_cast<std::chrono::milliseconds>(left).count();
    if (ms <= 0 || ms > kCountdownSeconds * 1000L) return 0;
    return static_cast<int>((ms + 999) / 1000);
  }
  static constexpr int kCountdownSeconds = 15;
  /// The central kiosk config's idle time once known, else the local config's.
  int inactivitySeconds() const {
    return session_.state().inactivitySeconds > 0 ? session_.state().inactivitySeconds : cfg_.inactivitySeconds;
  }
  void writeStats() const;
  void updateDocumentPreview();
  void submitFiling(core::fx::SubmitFiling& f);   // zeroes the values it was handed
  /// Receipts are laid out in Chinese, as the hall's paper is: the catalog's zh-CN name.
  std::string paperServiceName(const std::string& serviceId) const {
    const core::Service* svc = core::findService(serviceId);
    return svc ? i18n::Translator(catalogs_, "zh-CN").tr(svc->nameKey()) : serviceId;
  }
  void dropDocumentPreview();
  /// The address filing's keyboard: the pinyin engine starts when a citizen first begins
  /// an address filing (its worker deploys librime off the UI thread, seconds the first
  /// time, then reused from <dataDir>/rime); its committed text goes to the session.
  void updateKeyboard();

  const Options& opts_;
  Config cfg_;
  i18n::Catalogs catalogs_;
  ui::FontLibrary fonts_;
  std::unique_ptr<RenderTarget> target_;
  ScanView scanView_;   // after target_: its texture goes before the renderer
  core::Session session_;
  ui::UiContext ui_;
  InputAdapter input_;
  EventQueue queue_;
  Devices devices_;   // after queue_: destroyed (threads joined) before it
  std::unique_ptr<DocumentDesk> desk_;   // after devices_: its printer outlives it
  std::unique_ptr<CentralLink> link_;
  std::unique_ptr<voice::VoiceGuide> voice_;   // created after SDL_Init, gone before SDL_Quit
  bool voiceOn_ = false;
  std::string prewarmed_;   // the language whose catalog glyphs the atlas holds
  std::set<char32_t> catalogGlyphs_;   // every character of the catalogs prewarmed: kept at session end
  core::Screen shownScreen_ = core::Screen::Home;
  bool scenarioUnderWay_ = false;
  EmbeddedCentral* central_ = nullptr;   // demo only
  std::string citizenRef_ = newCitizenRef();   // orders this citizen's outbox items; not personal data
  SDL_Texture* documentTexture_ = nullptr;
  std::uint64_t documentShown_ = 0;
  std::unique_ptr<ScenarioRunner> scenario_;
  std::string pendingScreenshot_;
  int framesWanted_ = 2;
  bool quit_ = false;
  int exitCode_ = 0;
  Clock::time_point lastInput_ = Clock::now();
  Clock::time_point lastFrame_ = Clock::now();
  Clock::time_point started_;
  int shownMinute_ = -1;
  FrameStats stats_;
  std::optional<core::Divisions> divisions_;
  std::filesystem::path rimeDir_;
  std::unique_ptr<input::PinyinInput> pinyin_;   // last: its worker posts to queue_
  std::uint64_t pinyinSeen_ = 0;
};

void Kiosk::rebuildAtlas() {
  ui_.theme = ui::makeTheme(static_cast<float>(target_->height()), session_.state().largeText);
  const float sizes[] = {ui_.theme.body(), ui_.theme.heading(), ui_.theme.display()};
  ImGui_ImplSDLRenderer_DestroyFontsTexture();
  stats_.atlas = fonts_.rebuild(*ImGui::GetIO().Fonts, sizes);
  ImGui_ImplSDLRenderer_CreateFontsTexture();
  stats_.atlasTotalMs += stats_.atlas.buildMs;
  ++stats_.atlasBuilds;
  spdlog::debug("font atlas: {} glyphs, {}x{}, {:.1f} ms", stats_.atlas.glyphs, stats_.atlas.width,
                stats_.atlas.height, stats_.atlas.buildMs);
}

void Kiosk::applyEffects(core::Effects fx) {
  for (auto& e : fx)
    std::visit(Overloaded{
                   [&](const core::fx::LanguageChanged& l) {
                     ui_.tr = i18n::Translator(catalogs_, l.code);
                     fonts_.preferTraditional(l.code == "zh-TW");
                     if (pinyin_) pinyin_->setScript(l.code == "zh-TW" ? input::Script::Traditional : input::Script::Simplified);
                     spdlog::info("language: {}", l.code);
                   },
                   [&](const core::fx::LayoutChanged&) { rebuildAtlas(); },
                   [&](const core::fx::Speak& s) {
                     if (!voice_ || !session_.state().voice) return;
                     voice_->say(ui_.tr.tr(s.key),
                                 voice::languageForLocale(session_.state().language).value_or(voice::Language::Mandarin));
                   },
                   [&](const core::fx::SessionEnded&) {
                     if (desk_) desk_->discard();
                     citizenRef_ = newCitizenRef();
                     dropDocumentPreview();
                     // The atlas must not keep the glyphs of the citizen's name: start again from
                     // the catalog (prewarmGlyphs) and what the next screen shows.
                     ui::forgetSession(ui_, catalogGlyphs_);
                     if (pinyin_) pinyin_->clear();   // nothing typed survives the session
                     ui_.env.keyboard = {};
                     ui_.env.keyboardChinese = true;
                     spdlog::info("session ended");
                   },
                   [&](const core::fx::IssueCertificate& c) {
                     stats_.certAsked = Clock::now();
                     if (session_.state().citizen) link_->issueCertificate(c.request, identifyRequest(), c.type, c.period);
                   },
                   [&](const core::fx::PrintCertificate& p) {
                     stats_.printAsked = Clock::now();
                     desk_->print(p.request);
                   },
                   [&](core::fx::SubmitFiling& f) { submitFiling(f); },
                   [&](const core::fx::QueryProgress& q) { link_->queryProgress(q.request, q.acceptanceNumber); },
                   [&](const core::fx::RunQuery& q) {
                     if (session_.state().citizen) link_->runQuery(q.request, identifyRequest(), q.kind, q.year);
                   },
                   [&](const core::fx::IdentifyEssc& i) { link_->identifyEssc(i.request, i.token); },
                   [&](const core::fx::LoadProfile& l) {
                     if (session_.state().citizen) link_->loadProfile(l.request, identifyRequest());
                   },
                   [&](core::fx::SubmitComplaint& c) {
                     std::string text = std::move(c.text);   // sealed in the outbox by the link's worker
                     link_->queueComplaint(c.request, c.category, std::move(text));
                   },
                   [&](const core::fx::IssueTicket& t) {
                     const std::string name = paperServiceName(t.service);
                     link_->takeTicket(t.request, t.service, [this, request = t.request, name](std::string number, std::optional<int> ahead,
                                                                                               std::string issuedAt) {
                       documents::QueueTicketReceipt r;
                       r.serviceName = name;
                       r.ticketNumber = std::move(number);
                       r.peopleAhead = ahead;
                       r.issuedAt = documents::parseUtcTimestamp(issuedAt).value_or(
                           std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
                       r.day = core::localDay(r.issuedAt, documents::DocumentOptions{}.utcOffsetMinutes);
                       desk_->printTicket(request, std::move(r));
                     });
                   },
                   [&](core::fx::SubmitRating& r) {
                     const std::string service = paperServiceName(r.serviceId);
                     std::string reason = documents::ratingReasonText(r.reasons, r.comment);
                     core::secureWipe(r.comment);
                     link_->queueRating(r.request, r.acceptanceNumber, r.level, std::move(reason),
                                        [this, service, number = r.acceptanceNumber, level = r.level](bool offline) {
                                          desk_->printRatingReceipt(service, number, level, offline);
                                        });
                   },
               },
               e);
  // Voice switched off (or the session ended, which switches it off): silence at once.
  if (voice_ && voiceOn_ && !session_.state().voice) voice_->stop();
  voiceOn_ = session_.state().voice;
}

// The filing goes to the outbox; once the server accepted it (or the kiosk kept it for
// later), its receipt is printed and the session told. The receipt is laid out in Chinese,
// as the hall's paper is; the value is masked by the layout.
void Kiosk::submitFiling(core::fx::SubmitFiling& f) {
  struct WipeValues {   // whatever way this returns
    core::fx::SubmitFiling& f;
    ~WipeValues() {
      for (auto& d : f.details) core::secureWipe(d.text);
    }
  } wipeValues{f};
  const auto& citizen = session_.state().citizen;
  const core::Service* svc = core::findService(f.service);
  if (!citizen || !svc || !link_) return;
  const std::string serviceName = paperServiceName(f.service);
  nlohmann::json details = nlohmann::json::object();
  for (const auto& d : f.details) {
    if (d.isNumber) details[d.key] = d.number;
    else details[d.key] = d.text;
  }
  auto items = documents::filingItems(f.details);   // wiped once the receipt is laid out
  spdlog::info("filing {}: {} submitted ({} fields)", f.request, f.service, f.details.size());
  link_->queueFiling(f.request, identifyRequest(), f.service, details, citizenRef_,
                     [this, request = f.request, serviceName, items = std::move(items),
                      note = std::string(documents::filingNote(f.service))](FilingOutcome o) mutable {
                       if (o.kind == FilingOutcome::Kind::NotKept) {
                         for (auto& item : items) core::secureWipe(item.value);
                         queue_.post(core::ev::FilingFailed{request, o.problemKey});
                         return;
                       }
                       documents::FilingReceipt r;
                       r.serviceName = serviceName;
                       r.submitted = std::move(items);
                       r.note = std::move(note);
                       r.acceptedAt = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
                       if (o.kind == FilingOutcome::Kind::Kept) {
                         r.provisional = true;
                         r.provisionalReference = o.reference;
                       } else {
                         r.acceptanceNumber = o.acceptanceNumber;
                         if (auto at = documents::parseUtcTimestamp(o.acceptedAt)) r.acceptedAt = *at;
                         r.timeLimitWorkingDays = o.timeLimitWorkingDays;
                         r.dueOn = core::parseIsoDate(o.dueOn);   // a malformed day is left off the receipt
                       }
                       desk_->printFilingReceipt(request, std::move(r));
                     });
  sync::wipeJsonStrings(details);
}

void Kiosk::loadDivisions(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  auto parsed = in ? core::Divisions::parse(buf.str())
                   : core::Result<core::Divisions>(core::Error{"cannot read " + file.string()});
  if (!parsed) {
    spdlog::error("address filing unavailable at this kiosk: {}", parsed.error());
    return;
  }
  divisions_ = std::move(parsed.value());
  ui_.env.divisions = &*divisions_;
  spdlog::info("divisions: {} places", divisions_->size());
}

void Kiosk::updateKeyboard() {
  const auto& s = session_.state();
  const bool wantsText = (s.screen == core::Screen::Filing && s.filing && s.filing->service == "change_address") ||
                         (s.screen == core::Screen::Complaint && s.complaint) ||
                         (s.rating && s.rating->phase == core::RatingFlow::Phase::Comment);
  if (!pinyin_ && wantsText) {
    input::EngineOptions options;
    options.userDataDir = rimeDir_;
    options.script = s.language == "zh-TW" ? input::Script::Traditional : input::Script::Simplified;
    // The listener runs on the engine's worker: it only wakes the UI thread, which takes
    // the text itself (an empty TypedText changes nothing).
    pinyin_ = std::make_unique<input::PinyinInput>(options, [this](const input::Composition&) {
      queue_.post(core::ev::TypedText{});
    });
    spdlog::info("keyboard: pinyin engine starting in {}", rimeDir_.string());
  }
  if (!pinyin_ || pinyin_->version() == pinyinSeen_) return;
  pinyinSeen_ = pinyin_->version();
  input::Composition c = pinyin_->take();
  if (!c.committed.empty() || c.deleteLast > 0)
    applyEffects(session_.handle(core::ev::TypedText{c.committed, c.deleteLast}));
  core::secureWipe(c.committed);
  c.committed.clear();
  c.deleteLast = 0;
  if (c.failed && !ui_.env.keyboard.failed) spdlog::warn("keyboard: pinyin unavailable, letters only: {}", pinyin_->error());
  ui_.env.keyboard = std::move(c);
  framesWanted_ = std::max(framesWanted_, 2);
}

void Kiosk::startServices(const Config& c) {
  rimeDir_ = std::filesystem::path(c.dataDir) / "rime";
  documents::DocumentOptions options;
  options.agencyName = c.agencyName;
  options.verifyUrl = c.verifyUrl;
  // Receipts name the terminal as the central server knows it: its certificate's CN.
  if (!c.centralCert.empty()) {
    if (auto cn = sync::certificateCommonName(c.centralCert)) options.terminalId = cn.value();
    else spdlog::warn("receipts: terminal id not read ({}); printing {}", cn.error(), options.terminalId);
  }
  desk_ = std::make_unique<DocumentDesk>(queue_, options, devices_.documentPrinter(), devices_.receiptPrinter());
  LinkSetup setup;
  setup.dataDir = c.dataDir;
  setup.version = ONESTOP_VERSION;
  setup.devices = [this] { return devices_.statuses(); };
  setup.utcOffsetMinutes = options.utcOffsetMinutes;
  link_ = std::make_unique<CentralLink>(queue_, std::move(setup), [this](std::uint64_t request, std::string body) {
    desk_->prepare(request, std::move(body));
  });
  desk_->onPrintOutcome([this](const std::string& serial, bool printed) { link_->reportPrintOutcome(serial, printed); });
  if (c.centralUrl.empty()) return;   // the demo starts the link when its embedded server is up
  sync::TrustConfig trust;
  trust.serverUrl = c.centralUrl;
  trust.caCert = c.centralCa;
  trust.clientCert = c.centralCert;
  trust.clientKey = c.centralKey;
  for (std::size_t at = 0; at < c.centralPins.size();) {
    const auto comma = c.centralPins.find(',', at);
    const auto pin = c.centralPins.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
    if (!pin.empty()) trust.pins.push_back(pin);
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  if (auto problem = sync::checkTrust(trust)) {
    spdlog::error("central: {}; the kiosk runs offline", *problem);
    queue_.post(core::ev::LinkChanged{core::LinkStatus::Offline, 0});
    return;
  }
  link_->start(std::move(trust));
}

// The certificate preview: the desk renders off the UI thread; here the pixels become a
// texture once (ARGB32 from cairo is SDL's ARGB8888 on little-endian machines).
void Kiosk::updateDocumentPreview() {
  if (!desk_) return;
  auto raster = desk_->takePreview(documentShown_);
  if (!raster) return;
  dropDocumentPreview();
  documentTexture_ = SDL_CreateTexture(target_->renderer(), SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC,
                                       raster->width, raster->height);
  if (!documentTexture_) {
    spdlog::error("certificate preview: {}", SDL_GetError());
  } else {
    SDL_SetTextureScaleMode(documentTexture_, SDL_ScaleModeLinear);
    SDL_UpdateTexture(documentTexture_, nullptr, raster->pixels.data(), raster->stride);
    ui_.env.documentPreview = documentTexture_;
    ui_.env.documentPreviewWidth = raster->width;
    ui_.env.documentPreviewHeight = raster->height;
  }
  core::secureWipe(raster->pixels);
  framesWanted_ = std::max(framesWanted_, 2);
}

void Kiosk::dropDocumentPreview() {
  if (documentTexture_) SDL_DestroyTexture(documentTexture_);
  documentTexture_ = nullptr;
  ui_.env.documentPreview = nullptr;
  ui_.env.documentPreviewWidth = ui_.env.documentPreviewHeight = 0;
}

// The banner shows the hall's time (the calendar of receipts and due dates), whatever zone
// the machine's clock is set to.
void Kiosk::updateClock() {
  const std::time_t now = std::time(nullptr) + std::time_t{documents::DocumentOptions{}.utcOffsetMinutes} * 60;
  std::tm tm{};
  gmtime_r(&now, &tm);
  ui_.env.today = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_wday};
  ui_.env.hour = tm.tm_hour;
  ui_.env.minute = tm.tm_min;
  if (tm.tm_min != shownMinute_) {
    shownMinute_ = tm.tm_min;
    framesWanted_ = std::max(framesWanted_, 1);
  }
}

// Builds one ImGui frame and applies the intents it produced. Returns false when the frame
// needed characters the atlas lacked: it must not be shown (it would show "?"), so the
// caller rebuilds the atlas and composes again.
bool Kiosk::composeFrame() {
  if (fonts_.dirty()) rebuildAtlas();
  ImGuiIO& io = ImGui::GetIO();
  const auto now = Clock::now();
  io.DisplaySize = ImVec2(static_cast<float>(target_->width()), static_cast<float>(target_->height()));
  io.DeltaTime = std::max(1e-4f, std::chrono::duration<float>(now - lastFrame_).count());
  lastFrame_ = now;
  input_.applyToImGui();
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui::NewFrame();
  ui_.animating = false;
  ui::drawFrame(ui_, session_.state());
  ImGui::Render();
  input_.afterFrame();
  const auto intents = ui_.intents;
  if (!intents.empty() || !ui_.typed.empty()) ++stats_.taps;   // a key of the on-screen keyboard is a tap too
  for (const auto& e : intents) applyEffects(session_.handle(e));
  for (auto& k : ui_.typed)   // keyboard taps: to the pinyin engine (its result comes back as TypedText)
    if (pinyin_) pinyin_->post(std::move(k));
  ui_.typed.clear();
  // ImGui needs a couple of frames to settle after input or a state change.
  if (!intents.empty()) framesWanted_ = std::max(framesWanted_, 2);
  return !fonts_.dirty();
}

void Kiosk::drawFrame() {
  const auto t0 = Clock::now();
  const int atlasBuildsBefore = stats_.atlasBuilds;
  for (int attempt = 0; attempt < 3 && !composeFrame(); ++attempt) {}
  SDL_Renderer* r = target_->renderer();
  const auto bg = ui_.theme.palette.background;
  SDL_SetRenderDrawColor(r, bg.r, bg.g, bg.b, 255);
  SDL_RenderClear(r);
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
  // A scenario's screenshot is a test instrument, not kiosk work: left out of the frame time.
  Clock::duration instrument{};
  if (!pendingScreenshot_.empty()) {
    const auto shotStart = Clock::now();
    if (auto ok = target_->screenshot(pendingScreenshot_); !ok) spdlog::error("screenshot: {}", ok.error());
    else spdlog::info("screenshot {}", pendingScreenshot_);
    pendingScreenshot_.clear();
    instrument = Clock::now() - shotStart;
  }
  target_->present();

  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0 - instrument).count();
  if (stats_.firstFrameMs < 0) {
    stats_.firstFrameMs = std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
    stats_.firstFrameMonoNs = monotonicNs();
  }
  ++stats_.frames;
  // Steady state, not start-up: 2 s in, or once a scenario is under way (its flow is what counts).
  if (Clock::now() - started_ > std::chrono::seconds(2) || scenarioUnderWay_) {
    ++stats_.steadyFrames;
    stats_.sumMs += ms;
    stats_.maxMs = std::max(stats_.maxMs, ms);
    if (!opts_.statsFile.empty() && stats_.frameMs.size() < 100000) {
      stats_.frameMs.push_back(ms);
      if (stats_.atlasBuilds == atlasBuildsBefore) stats_.plainFrameMs.push_back(ms);
    }
  }
  if (framesWanted_ > 0) --framesWanted_;
  if (fonts_.dirty() || input_.pending()) framesWanted_ = std::max(framesWanted_, 1);
}

bool Kiosk::handleEvent(const SDL_Event& e) {
  if (e.type == SDL_QUIT) { quit_ = true; return true; }
  if (e.type == SDL_KEYDOWN) {
    const auto mods = e.key.keysym.mod;
    // Technician shortcut: the display check (fonts and rare-character names).
    if ((mods & KMOD_CTRL) && (mods & KMOD_ALT) && e.key.keysym.sym == SDLK_d) {
      applyEffects(session_.handle(core::ev::OpenDisplayCheck{}));
      return true;
    }
    return false;
  }
  if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_EXPOSED) return true;
  const bool isInput = input_.handle(e, target_->width(), target_->height());
  if (isInput) lastInput_ = Clock::now();
  return isInput;
}

void Kiosk::stepScenario() {
  if (!scenario_ || !settled()) return;
  if (central_ && central_->starting()) return;   // the demo's server first: a scenario tests the kiosk, not a race
  scenarioUnderWay_ = true;
  const Action a = scenario_->advance(ui_.log, Clock::now());
  const float w = static_cast<float>(target_->width()), h = static_cast<float>(target_->height());
  std::visit(Overloaded{
                 [&](const act::None&) {},
                 [&](const act::TapAt& t) {
                   // A real finger: down now, up with the next events (the adapter holds it).
                   SDL_Event down{};
                   down.type = SDL_FINGERDOWN;
                   down.tfinger.x = t.x / w;
                   down.tfinger.y = t.y / h;
                   down.tfinger.pressure = 1;
                   SDL_Event up = down;
                   up.type = SDL_FINGERUP;
                   SDL_PushEvent(&down);
                   SDL_PushEvent(&up);
                 },
                 [&](const act::TypeText& t) {
                   SDL_Event ev{};
                   ev.type = SDL_TEXTINPUT;
                   SDL_utf8strlcpy(ev.text.text, t.text.c_str(), sizeof(ev.text.text));
                   SDL_PushEvent(&ev);
                 },
                 [&](const act::Screenshot& s) {
                   pendingScreenshot_ = s.path;
                   framesWanted_ = std::max(framesWanted_, 1);
                 },
                 [&](const act::Device& d) {
                   if (d.step.verb == "card" || d.step.verb == "qr" || d.step.verb == "receipt") {
                     std::string line = d.step.verb;
                     for (const auto& arg : d.step.args) line += " " + arg;
                     // An image for the synthetic camera is found beside the scenario file.
                     if (d.step.verb == "qr" && d.step.args.size() == 2 && d.step.args[0] == "show-image" &&
                         std::filesystem::path(d.step.args[1]).is_relative())
                       line = "qr show-image " +
                              (std::filesystem::path(opts_.scenarioFile).parent_path() / d.step.args[1]).string();
                     if (auto err = devices_.scenarioStep(line); !err.empty()) {
                       spdlog::error("scenario failed: line {}: {}: {}", d.step.line, line, err);
                       exitCode_ = 1;
                       quit_ = true;
                     }
                   }
                   if (d.step.verb == "central") {
                     const std::string& what = d.step.args[0];
                     std::string err = !central_ ? "no embedded central server (run with --demo --central DIR)"
                                       : what == "stop"  ? central_->pause()
                                       : what == "start" ? central_->resume()
                                                         : "central: expected stop or start";
                     if (!err.empty()) {
                       spdlog::error("scenario failed: line {}: central {}: {}", d.step.line, what, err);
                       exitCode_ = 1;
                       quit_ = true;
                     }
                   }
                   if (d.step.verb == "key") {
                     SDL_Event ev{};
                     ev.type = SDL_KEYDOWN;
                     const std::string& combo = d.step.args[0];
                     if (combo.find("ctrl+") != std::string::npos) ev.key.keysym.mod |= KMOD_LCTRL;
                     if (combo.find("alt+") != std::string::npos) ev.key.keysym.mod |= KMOD_LALT;
                     ev.key.keysym.sym = SDL_GetKeyFromName(combo.substr(combo.rfind('+') + 1).c_str());
                     SDL_PushEvent(&ev);
                   }
                 },
                 [&](const act::Finished&) {
                   spdlog::info("scenario passed ({} steps)", scenario_->stepsDone());
                   quit_ = true;
                 },
                 [&](const act::Failed& f) {
                   spdlog::error("scenario failed: {}", f.message);
                   const std::string shot = scenario_->screenshotDir() + "/failure.png";
                   if (target_->screenshot(shot)) spdlog::error("screen at failure: {}", shot);
                   exitCode_ = 1;
                   quit_ = true;
                 },
             },
             a);
}

int Kiosk::waitTimeoutMs() const {
  if (framesWanted_ > 0 || input_.pending()) return 0;
  if (ui_.animating) return 33;   // an animation on screen: about 30 frames a second
  auto now = Clock::now();
  // Next minute for the clock.
  const std::time_t t = std::time(nullptr);
  long ms = (60 - t % 60) * 1000L;
  if (sessionActive() && !session_.busy()) {
    // Wake when the countdown starts, then at each of its seconds.
    const auto idleLeft = lastInput_ + std::chrono::seconds(inactivitySeconds()) - now;
    const long leftMs = std::max<long>(0, std::chrono::duration_cast<std::chrono::milliseconds>(idleLeft).count());
    const long countdownMs = kCountdownSeconds * 1000L;
    ms = std::min<long>(ms, leftMs > countdownMs ? leftMs - countdownMs : leftMs % 1000 + 1);
  }
  if (scenario_ && central_ && central_->starting()) {
    ms = std::min<long>(ms, 50);   // the scenario waits for the demo's server: look again soon
  } else if (scenario_) {
    if (auto wake = scenario_->wakeAt())
      ms = std::min<long>(ms, std::max<long>(0, std::chrono::duration_cast<std::chrono::milliseconds>(*wake - now).count()));
    else
      ms = 0;   // the next step can run now
  }
  if (!opts_.statsFile.empty() && stats_.idleCpuStartMs < 0) {
    const auto left = started_ + std::chrono::seconds(2) - now;
    ms = std::min<long>(ms, std::max<long>(0, std::chrono::duration_cast<std::chrono::milliseconds>(left).count()));
  }
  if (opts_.exitAfterSeconds > 0) {
    const auto left = started_ + std::chrono::milliseconds(static_cast<long>(opts_.exitAfterSeconds * 1000)) - now;
    ms = std::min<long>(ms, std::max<long>(0, std::chrono::duration_cast<std::chrono::milliseconds>(left).count()));
  }
  return static_cast<int>(std::clamp<long>(ms, 0, 60000));
}

void Kiosk::writeStats() const {
  if (opts_.statsFile.empty()) return;
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  const double idleWallMs =
      stats_.idleCpuStartMs < 0 ? 0 : std::chrono::duration<double, std::milli>(Clock::now() - stats_.idleStart).count();
  const double idleCpuMs = stats_.idleCpuStartMs < 0 ? 0 : cpuMs() - stats_.idleCpuStartMs;
  std::vector<double> sorted = stats_.frameMs;
  std::sort(sorted.begin(), sorted.end());
  const double p99 = sorted.empty() ? 0 : sorted[std::min(sorted.size() - 1, sorted.size() * 99 / 100)];
  std::vector<double> plain = stats_.plainFrameMs;
  std::sort(plain.begin(), plain.end());
  const double plainP99 = plain.empty() ? 0 : plain[std::min(plain.size() - 1, plain.size() * 99 / 100)];
  std::ofstream out(opts_.statsFile);
  out << "{\"first_frame_ms\": " << stats_.firstFrameMs << ", \"first_frame_mono_ns\": " << stats_.firstFrameMonoNs
      << ", \"idle_wall_ms\": " << idleWallMs << ", \"idle_cpu_ms\": " << idleCpuMs << ", \"frames\": " << stats_.frames
      << ", \"frame_mean_ms\": " << (stats_.steadyFrames ? stats_.sumMs / static_cast<double>(stats_.steadyFrames) : 0)
      << ", \"frame_max_ms\": " << stats_.maxMs << ", \"frame_p99_ms\": " << p99
      << ", \"frame_p99_no_atlas_ms\": " << plainP99 << ", \"atlas_frames\": " << (stats_.frameMs.size() - stats_.plainFrameMs.size())
      << ", \"atlas_glyphs\": " << stats_.atlas.glyphs
      << ", \"atlas_width\": " << stats_.atlas.width << ", \"atlas_height\": " << stats_.atlas.height
      << ", \"atlas_build_ms\": " << (stats_.atlasBuilds ? stats_.atlasTotalMs / stats_.atlasBuilds : 0)
      << ", \"taps\": " << stats_.taps << ", \"screens\": " << stats_.screens
      << ", \"cert_issue_ms\": " << stats_.certIssueMs << ", \"cert_print_ms\": " << stats_.certPrintMs
      << ", \"atlas_builds\": " << stats_.atlasBuilds << ", \"peak_rss_kb\": " << ru.ru_maxrss << "}\n";
}

int Kiosk::run(Clock::time_point started) {
  started_ = started;
  fonts_.preferTraditional(cfg_.language == "zh-TW");
  if (cfg_.largeText) applyEffects(session_.handle(core::ev::ToggleLargeText{}));
  const bool animate = std::getenv("ONESTOP_BENCH_ANIMATE") != nullptr;   // bench: draw every frame
  while (!quit_) {
    SDL_Event e;
    bool redraw = false;
    if (target_->headless()) {
      // Scenario input is already in SDL's queue; otherwise sleep until posted to or timed out.
      if (!SDL_PollEvent(&e)) {
        queue_.waitFor(std::chrono::milliseconds(waitTimeoutMs()));
      } else {
        redraw |= handleEvent(e);
      }
      while (!quit_ && SDL_PollEvent(&e)) redraw |= handleEvent(e);
    } else if (SDL_WaitEventTimeout(&e, waitTimeoutMs())) {
      redraw |= handleEvent(e);
      while (!quit_ && SDL_PollEvent(&e)) redraw |= handleEvent(e);
    }
    for (auto& ev : queue_.drain()) {   // from device and network threads
      if (std::holds_alternative<core::ev::CertificateIssued>(ev))
        stats_.certIssueMs = std::chrono::duration<double, std::milli>(Clock::now() - stats_.certAsked).count();
      if (std::holds_alternative<core::ev::PrintFinished>(ev))
        stats_.certPrintMs = std::chrono::duration<double, std::milli>(Clock::now() - stats_.printAsked).count();
      applyEffects(session_.handle(ev));
      redraw = true;
    }
    updateKeyboard();
    prewarmGlyphs();
    const auto now = Clock::now();
    if (opts_.exitAfterSeconds > 0 && now - started_ >= std::chrono::milliseconds(static_cast<long>(opts_.exitAfterSeconds * 1000)))
      quit_ = true;
    if (session_.busy()) lastInput_ = now;   // nobody is idle while waiting for their paper
    if (sessionActive() && now - lastInput_ >= std::chrono::seconds(inactivitySeconds())) {
      applyEffects(session_.handle(core::ev::InactivityTimeout{}));
      lastInput_ = now;
      redraw = true;
    }
    // The last kCountdownSeconds are counted down on screen ("I need more time"): any touch
    // resets the idle clock, so the citizen is never cut off without warning.
    const int countdown = countdownSeconds(now);
    if (countdown != ui_.env.countdownSeconds) {
      ui_.env.countdownSeconds = countdown;
      redraw = true;
    }
    if (!opts_.statsFile.empty() && stats_.idleCpuStartMs < 0 && now - started_ >= std::chrono::seconds(2)) {
      stats_.idleCpuStartMs = cpuMs();
      stats_.idleStart = now;
    }
    updateClock();
    scanView_.update(devices_, session_, ui_.env, target_->renderer(), now);
    updateDocumentPreview();
    if (redraw || animate) framesWanted_ = std::max(framesWanted_, 2);
    // An animation on screen draws at about 30 fps without keeping the UI "unsettled".
    const bool animationDue = ui_.animating && now - lastFrame_ >= std::chrono::milliseconds(30);
    if ((framesWanted_ > 0 || animationDue) && !quit_) drawFrame();
    if (session_.state().screen != shownScreen_) {
      shownScreen_ = session_.state().screen;
      ++stats_.screens;
    }
    stepScenario();
  }
  writeStats();
  return exitCode_;
}

}  // namespace

int runKiosk(const Options& o) {
  const auto started = Clock::now();
  Config cfg;
  if (!o.configFile.empty()) {
    auto c = loadConfig(o.configFile);
    if (!c) { spdlog::error("config: {}", c.error()); return 2; }
    cfg = c.value();
  }
  if (o.width) cfg.width = *o.width;
  if (o.height) cfg.height = *o.height;
  if (o.fullscreen) cfg.fullscreen = *o.fullscreen;
  if (o.largeText) cfg.largeText = *o.largeText;
  if (o.language) cfg.language = *o.language;
  if (o.softwareRenderer) cfg.softwareRenderer = true;
  if (!o.logLevel.empty()) cfg.logLevel = o.logLevel;
  if (auto l = setupLogging(cfg.logLevel, cfg.logFile); !l) { spdlog::error("{}", l.error()); return 2; }

  const auto dataDir = findDataDir(o.dataDir);
  // Demo: trust the docs/seal.md test-vector key, so the documented seal checks out offline.
  if (o.demo && cfg.sealKeysFile.empty()) cfg.sealKeysFile = (dataDir / "assets" / "demo" / "seal-keys.json").string();
  auto catalogs = i18n::Catalogs::load(dataDir / "i18n");
  if (!catalogs) { spdlog::error("translations: {}", catalogs.error()); return 2; }
  if (!catalogs->language(cfg.language)) {
    std::string known;
    for (const auto& l : catalogs->languages()) known += (known.empty() ? "" : ", ") + l.code;
    spdlog::error("unknown language '{}' (available: {})", cfg.language, known);
    return 2;
  }

  std::unique_ptr<ScenarioRunner> runner;
  if (!o.scenarioFile.empty()) {
    std::ifstream in(o.scenarioFile);
    if (!in) { spdlog::error("cannot read scenario {}", o.scenarioFile); return 2; }
    std::stringstream buf;
    buf << in.rdbuf();
    auto steps =
        parseScenario(buf.str(), o.scenarioFile, {{"key", 1}, {"card", 1}, {"qr", 1}, {"central", 1}, {"receipt", 1}});
    if (!steps) { spdlog::error("scenario: {}", steps.error()); return 2; }
    runner = std::make_unique<ScenarioRunner>(std::move(steps.value()), o.screenshotDir);
  }

  auto fonts = ui::FontLibrary::locate();
  if (!fonts) { spdlog::error("{}", fonts.error()); return 2; }
  for (const auto& m : fonts->missingFallbacks())
    spdlog::warn("fallback font missing: {} — rare characters in names may not render", m);

  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");   // touches arrive once, as fingers
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
  if (SDL_Init(o.headless ? SDL_INIT_EVENTS | SDL_INIT_TIMER : SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER) != 0) {
    spdlog::error("SDL: {}", SDL_GetError());
    return 2;
  }
  auto target = RenderTarget::create({cfg.width, cfg.height, cfg.fullscreen, o.headless, cfg.softwareRenderer});
  if (!target) {
    spdlog::error("{}", target.error());
    SDL_Quit();
    return 2;
  }
  spdlog::info("OneStop kiosk {}: {}x{}, renderer {}{}", ONESTOP_VERSION, target.value()->width(),
               target.value()->height(), target.value()->rendererName(), o.headless ? " (headless)" : "");

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;   // a kiosk keeps no UI state on disk
  io.LogFilename = nullptr;
  ImGui_ImplSDLRenderer_Init(target.value()->renderer());

  int code = 0;
  {
    Kiosk kiosk(o, cfg, std::move(catalogs.value()), std::move(fonts.value()), target.value());
    kiosk.setSampleNames(readLines(dataDir / "assets" / "display-check-names.txt"));
    kiosk.loadDivisions(dataDir / "assets" / "divisions" / "divisions.tsv");
    if (runner) kiosk.setScenario(std::move(runner));
    // An interactive demo takes cards from a control socket; scenarios drive the simulator
    // directly (so parallel test runs never share a socket).
    // Demo receipts become PNGs beside the demo's central data (what would have printed).
    const std::string receiptsDir = o.demo && !o.centralDir.empty() ? o.centralDir + "/receipts" : "";
    std::error_code dirError;   // a directory that cannot be made: the simulator then keeps none
    if (!receiptsDir.empty()) std::filesystem::create_directories(receiptsDir, dirError);
    kiosk.devices().start(cfg, o.demo, kiosk.queue(), o.scenarioFile.empty() ? "/tmp/onestop-idcard.sock" : "",
                          receiptsDir);
    if (o.demo && !o.centralDir.empty()) cfg.dataDir = o.centralDir + "/kiosk";   // demo outbox and cache
    kiosk.startServices(cfg);
    kiosk.startVoice(o.demo && !o.centralDir.empty() ? o.centralDir + "/voice" : "");
    EmbeddedCentral central;
    if (o.demo && !o.centralDir.empty()) {
      kiosk.setEmbeddedCentral(&central);
      central.start(o.centralDir, [&kiosk](sync::TrustConfig trust) { kiosk.link().start(std::move(trust)); });
    }
    code = kiosk.run(started);
    kiosk.link().stop();
    central.stop();
    kiosk.devices().stop();
    ImGui_ImplSDLRenderer_Shutdown();
  }
  ImGui::DestroyContext();
  SDL_Quit();
  return code;
}

}  // namespace onestop::app

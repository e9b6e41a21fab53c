// onestop-devices scan: the kiosk's decode pipeline on image files (one line per image) or
// live on the camera. Decoded text goes to stdout for the technician, escaped so that each
// result stays on one line (e-SSC tokens hidden unless asked for); it is never logged.
#include <fmt/format.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <opencv2/imgcodecs.hpp>
#include <string>
#include <thread>

#include "command_table.hpp"
#include "core/code_payload.hpp"
#include "scanner/camera_source.hpp"
#include "scanner/code_decoder.hpp"
#include "scanner/file_source.hpp"
#include "scanner/scanner.hpp"

namespace onestop::peripherals::tools {
namespace {

namespace sc = scanner;
using namespace std::chrono_literals;

std::atomic<bool> interrupted{false};

// Printable ASCII and UTF-8 as is; control bytes and backslashes escaped.
std::string oneLine(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7F) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", c);
      out += hex;
    } else out += static_cast<char>(c);
  }
  return out;
}

// An e-SSC token is a credential: shown only when asked for (like idcard read --full-name).
std::string describe(const std::string& format, const std::string& text, bool classify, bool showToken) {
  const core::CodeKind kind = core::classifyCode(text).kind;
  const bool hide = kind == core::CodeKind::EsscToken && !showToken;
  std::string line = format + "\t" + (hide ? text.substr(0, 6) + "(token hidden: --show-token)" : oneLine(text));
  if (classify) line += "\t" + std::string(core::nameOf(kind));
  return line;
}

int scanImages(Args& args, sc::Symbologies formats) {
  if (args.positional().empty()) {
    std::fprintf(stderr, "onestop-devices: scan needs IMAGE files, or --camera\n");
    return kExitUsage;
  }
  const bool classify = args.has("classify");
  sc::CodeDecoder decoder({formats});
  int missed = 0, unreadable = 0;
  for (const auto& file : args.positional()) {
    cv::Mat image;
    try {
      image = cv::imread(file, cv::IMREAD_COLOR);
    } catch (const cv::Exception&) {
    }
    if (image.empty()) {
      std::printf("%s\terror: not an image OpenCV can read\n", file.c_str());
      ++unreadable;
      continue;
    }
    const auto codes = decoder.decodeStill(image);
    if (codes.empty()) {
      std::printf("%s\t-\t(nothing)\n", file.c_str());
      ++missed;
    }
    for (const auto& c : codes) {
      std::printf("%s\t%s", file.c_str(), describe(c.format, c.text, classify, args.has("show-token")).c_str());
      if (args.has("stage")) std::printf("\t%s", c.stage.c_str());
      std::printf("\n");
    }
  }
  return unreadable ? kExitDevice : missed ? kExitRefused : kExitOk;
}

int scanCamera(Args& args, sc::Symbologies formats) {
  sc::CameraConfig camera;
  camera.device = args.getOr("device", camera.device);
  camera.width = args.intOr("width", camera.width, 160, 4096);
  camera.height = args.intOr("height", camera.height, 120, 4096);
  const int seconds = args.intOr("seconds", 0, 0, 86400);
  if (!args.error().empty()) {
    std::fprintf(stderr, "onestop-devices: %s\n", args.error().c_str());
    return kExitUsage;
  }
  const bool classify = args.has("classify");
  const bool showToken = args.has("show-token");
  sc::ScannerConfig config;
  config.formats = formats;
  // --file plays a video (or an image) through the live scanner instead of a camera.
  const auto file = args.get("file");
  std::unique_ptr<sc::FrameSource> source;
  if (file) source = std::make_unique<sc::FileSource>(*file, camera.fps);
  else source = std::make_unique<sc::CameraSource>(camera);
  const std::string what = source->describe();
  sc::CodeScanner scanner(config, std::move(source));
  std::atomic<bool> failed{false};
  scanner.start([&](DeviceEvent e) {
    if (auto* c = std::get_if<CodeRead>(&e.body)) {
      std::printf("%s\n", describe(c->format, c->text, classify, showToken).c_str());
      std::fflush(stdout);
    } else if (auto* s = std::get_if<StatusChanged>(&e.body)) {
      std::fprintf(stderr, "camera: %s%s%s\n", std::string(nameOf(s->status.device)).c_str(),
                   s->status.description.empty() ? "" : ": ", s->status.description.c_str());
      failed = s->status.device != DeviceState::Online;
    }
  });
  scanner.setScanning(true);
  std::signal(SIGINT, [](int) { interrupted = true; });
  std::fprintf(stderr, "scanning %s (Ctrl-C to stop)\n", what.c_str());
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (!interrupted && (seconds == 0 || std::chrono::steady_clock::now() < until)) std::this_thread::sleep_for(100ms);
  scanner.stop();
  const auto st = scanner.stats();
  std::fprintf(stderr, "frames: %ld captured, %ld decoded, %ld dropped as stale; %.1f ms per decode; %ld codes\n",
               st.framesCaptured, st.framesDecoded, st.framesDropped, st.decodeMsMean, st.codesReported);
  return failed ? kExitDevice : kExitOk;
}

int runScan(Args& args) {
  const sc::Symbologies formats = sc::parseSymbologies(args.getOr("formats", "qr"));
  if (formats == 0) {
    std::fprintf(stderr, "onestop-devices: --formats takes a list of qr, pdf417, datamatrix\n");
    return kExitUsage;
  }
  return args.has("camera") ? scanCamera(args, formats) : scanImages(args, formats);
}

}  // namespace

bool printCameraListRow(const std::string& device) {
  sc::CameraConfig config;
  config.device = device;
  sc::CameraSource camera(config);
  const Completion c = camera.open();
  std::string state = "online", details;
  if (!c.ok()) {
    state = c.code == CompletionCode::DeviceNotReady ? "noDevice" : "hardwareError";
    details = c.description;
  } else {
    const auto& s = camera.settings();
    details = fmt::format("{} {}x{} @{:.0f}", s.fourcc, s.width, s.height, s.fps);
  }
  camera.close();
  std::printf("%-8s %-12s %-28s %-14s %s\n", "scanner", "BarcodeReader", device.c_str(), state.c_str(), details.c_str());
  return c.ok();
}

std::vector<Subcommand> scanCommands() {
  return {{{"scan"},
           "[--formats qr,pdf417,datamatrix] [--classify] [--stage] [--show-token] IMAGE... | --camera "
           "[--device /dev/video0 | --file VIDEO] [--width W] [--height H] [--seconds S]",
           "decodes codes in image files with the kiosk's pipeline (one line each: file, format, text), or live "
           "from the camera",
           {"camera", "classify", "stage", "show-token"},
           runScan}};
}

}  // namespace onestop::peripherals::tools

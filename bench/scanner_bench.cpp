// onestop-bench-scanner: decode success and time per image on the real-photo sample set
// (../shared/data/qr-samples, qrcode-1..6) for the kiosk's pipeline, plain ZXing-cpp (QR
// only, and all formats), zbar, and OpenCV's QRCodeDetector (Debian's OpenCV 4.6 has no
// QUIRC, so it can only detect: its column counts detections and times detect()); then the
// per-frame cost on 1280x720 frames with no code and with one code. One table, printed.
#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>
#include <string>
#include <vector>

#include "qr_samples.hpp"
#include "scanner/code_decoder.hpp"
#include "scanner/synthetic_source.hpp"
#include "scanner/zbar_stage.hpp"
#include "scanner/zxing_adapter.hpp"

namespace sc = onestop::peripherals::scanner;
namespace fs = std::filesystem;

namespace {

struct Reading {
  std::vector<std::string> texts;   // decoded texts (and bytes), to compare with the expectation
  bool detected = false;            // OpenCV: a QR code was located
};
using Reader = std::function<Reading(const cv::Mat& gray)>;

Reading zxingPlain(const cv::Mat& gray, ZXing::BarcodeFormats formats) {
  const ZXing::ImageView view(gray.data, gray.cols, gray.rows, ZXing::ImageFormat::Lum, static_cast<int>(gray.step));
  Reading r;
  for (const auto& res : ZXing::ReadBarcodes(view, ZXing::DecodeHints().setFormats(formats))) {
    if (!res.isValid()) continue;
    r.texts.push_back(res.text());
    r.texts.emplace_back(res.bytes().begin(), res.bytes().end());
  }
  return r;
}

Reading fromCodes(const std::vector<sc::DecodedCode>& codes) {
  Reading r;
  for (const auto& c : codes) {
    r.texts.push_back(c.text);
    r.texts.push_back(c.bytes);
  }
  return r;
}

struct Contender {
  std::string name;
  Reader still;       // on a sample image
  Reader frame;       // on a camera frame (the pipeline differs: one frame's worth of work)
  bool detectOnly = false;
};

// CPU time of this thread: stable on a shared machine, and what "a share of a core" means.
double threadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double msOf(const std::function<void()>& f) {
  const double t0 = threadCpuMs();
  f();
  return threadCpuMs() - t0;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5))];
}

// The same frame over and over, as a camera pointed at it would give (with fresh noise).
double meanFrameMs(const Reader& read, const cv::Mat& scene, int frames) {
  cv::Mat noise(scene.size(), CV_16SC1), gray;
  double total = 0;
  for (int i = 0; i < frames; ++i) {
    cv::randn(noise, 0, 3);
    cv::add(scene, noise, gray, cv::noArray(), CV_8UC1);
    total += msOf([&] { read(gray); });
  }
  return total / frames;
}

}  // namespace

int main() {
  const fs::path root = onestop::testing::qrSamplesRoot(ONESTOP_SOURCE_ROOT);
  std::vector<onestop::testing::QrSample> samples;
  for (int i = 1; i <= 6; ++i) {
    auto folder = onestop::testing::loadQrSamples(root / ("qrcode-" + std::to_string(i)));
    samples.insert(samples.end(), folder.begin(), folder.end());
  }
  if (samples.empty()) {
    std::fprintf(stderr, "onestop-bench-scanner: no samples under %s (set ONESTOP_QR_SAMPLES)\n", root.c_str());
    return 2;
  }

  sc::CodeDecoder stillPipeline({sc::kQrCode});
  sc::CodeDecoder framePipeline({sc::kQrCode});
  cv::QRCodeDetector opencv;
  const std::vector<Contender> contenders = {
      {"OneStop pipeline (QR)", [&](const cv::Mat& g) { return fromCodes(stillPipeline.decodeStill(g)); },
       [&](const cv::Mat& g) { return fromCodes(framePipeline.decodeFrame(g)); }, false},
      {"ZXing-cpp 1.4, QR only", [](const cv::Mat& g) { return zxingPlain(g, ZXing::BarcodeFormat::QRCode); },
       [](const cv::Mat& g) { return zxingPlain(g, ZXing::BarcodeFormat::QRCode); }, false},
      {"ZXing-cpp 1.4, all formats", [](const cv::Mat& g) { return zxingPlain(g, ZXing::BarcodeFormats{}); },
       [](const cv::Mat& g) { return zxingPlain(g, ZXing::BarcodeFormats{}); }, false},
      {"zbar 0.23 (QR)", [](const cv::Mat& g) { return fromCodes(sc::readQrWithZbar(g, "zbar")); },
       [](const cv::Mat& g) { return fromCodes(sc::readQrWithZbar(g, "zbar")); }, false},
      {"OpenCV 4.6 QRCodeDetector::detect", [&](const cv::Mat& g) {
         std::vector<cv::Point2f> corners;
         Reading r;
         r.detected = opencv.detect(g, corners);
         return r;
       },
       [&](const cv::Mat& g) {
         std::vector<cv::Point2f> corners;
         Reading r;
         r.detected = opencv.detect(g, corners);
         return r;
       }, true},
  };

  // ---- sample set -----------------------------------------------------------------------
  std::vector<cv::Mat> images;
  for (const auto& s : samples) images.push_back(cv::imread(s.image.string(), cv::IMREAD_GRAYSCALE));
  std::vector<std::vector<bool>> ok(contenders.size(), std::vector<bool>(samples.size()));
  std::vector<std::vector<double>> times(contenders.size());
  for (std::size_t c = 0; c < contenders.size(); ++c) {
    for (std::size_t i = 0; i < samples.size(); ++i) {
      if (images[i].empty()) continue;
      Reading r;
      times[c].push_back(msOf([&] { r = contenders[c].still(images[i]); }));
      ok[c][i] = contenders[c].detectOnly
                     ? r.detected
                     : std::find(r.texts.begin(), r.texts.end(), samples[i].expected) != r.texts.end();
    }
  }
  int unionOthers = 0, pipelineOfUnion = 0;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    bool any = false;
    for (std::size_t c = 1; c < contenders.size(); ++c) any = any || (!contenders[c].detectOnly && ok[c][i]);
    unionOthers += any ? 1 : 0;
    pipelineOfUnion += any && ok[0][i] ? 1 : 0;
  }

  // ---- 1280x720 frames ------------------------------------------------------------------
  // No code: a photo without one (falsepositives-2), scaled to 720p; one code: the
  // synthetic camera's QR of a receipt in a 720p scene.
  cv::Mat empty;
  for (const auto& s : onestop::testing::loadQrSamples(root / "falsepositives-2")) {
    cv::Mat m = cv::imread(s.image.string(), cv::IMREAD_GRAYSCALE);
    if (m.cols >= 400) {
      cv::resize(m, empty, {1280, 720}, 0, 0, cv::INTER_AREA);
      break;
    }
  }
  if (empty.empty()) empty = cv::Mat(720, 1280, CV_8UC1, cv::Scalar(140));
  sc::SyntheticSource camera({1280, 720, 1000});
  camera.open();
  camera.showText("OSR1.2025011500000124");
  cv::Mat withCode;
  cv::cvtColor(camera.read().value(), withCode, cv::COLOR_BGR2GRAY);
  constexpr int kFrames = 300;   // enough for the fallback budget to even out

  std::printf("Code reading on %zu real photos (qrcode-1..6 of %s)\n", samples.size(), root.c_str());
  std::printf("and per-frame cost on 1280x720 frames (%d frames each, mean); times are thread CPU ms\n\n", kFrames);
  std::printf("%-36s %9s %9s %9s %12s %12s\n", "decoder", "read", "median", "p95", "720p empty", "720p 1 code");
  std::printf("%-36s %9s %9s %9s %12s %12s\n", "", ("of " + std::to_string(samples.size())).c_str(), "ms", "ms", "ms/frame",
              "ms/frame");
  sc::DecodeStats emptyStats;
  for (std::size_t c = 0; c < contenders.size(); ++c) {
    const int n = static_cast<int>(std::count(ok[c].begin(), ok[c].end(), true));
    const double emptyMs = meanFrameMs(contenders[c].frame, empty, contenders[c].detectOnly ? 10 : kFrames);
    if (c == 0) emptyStats = framePipeline.stats();
    const double codeMs = meanFrameMs(contenders[c].frame, withCode, contenders[c].detectOnly ? 10 : kFrames);
    std::printf("%-36s %6d%-3s %9.2f %9.2f %12.2f %12.2f\n", contenders[c].name.c_str(), n,
                contenders[c].detectOnly ? " *" : "", percentile(times[c], 0.5), percentile(times[c], 0.95), emptyMs,
                codeMs);
  }
  const auto& fs = emptyStats;
  std::printf("\n* detected, not decoded (no QUIRC in Debian's OpenCV).\n");
  std::printf("Union of what the other decoders read: %d; the pipeline reads %d of them.\n", unionOthers,
              pipelineOfUnion);
  std::printf("Pipeline on 720p frames with no code: fast pass %.2f ms/frame, fallback stages %.2f ms/frame "
              "(%ld runs in %ld frames, budget %.0f %% of the fast pass).\n",
              fs.fastMs / static_cast<double>(fs.frames), fs.fallbackMs / static_cast<double>(fs.frames),
              fs.fallbackRuns, fs.frames, framePipeline.options().fallbackShare * 100);
  std::printf("At 30 fps with no code the pipeline uses %.1f %% of one core.\n",
              (fs.fastMs + fs.fallbackMs) / static_cast<double>(fs.frames) * 30 / 10);
  return 0;
}

#pragma once
// The kiosk's decode pipeline: one fast ZXing pass on every frame (full resolution only),
// then fallback stages that read codes the fast pass misses (ZXing's downscaled copies,
// another binarizer, Otsu threshold, a slight blur, thin-module erosion, zbar for strongly
// tilted codes).
//
// Camera frames: each frame gets the fast pass plus at most one fallback stage, in turn,
// and only while the fallbacks' total time stays within `fallbackShare` of the fast
// passes' — so a frame with no code (the common case) costs about one fast pass. A still
// image gets every stage at once, which is what a run of identical frames would get.
#include <chrono>
#include <vector>

#include <opencv2/core.hpp>

#include "scanner/decoded_code.hpp"

namespace onestop::peripherals::scanner {

struct DecoderOptions {
  Symbologies formats = kQrCode;
  /// Fallback CPU time allowed per unit of fast-pass CPU time, on camera frames.
  double fallbackShare = 0.25;
};

struct DecodeStats {
  long frames = 0;            ///< frames decoded
  long fallbackRuns = 0;      ///< fallback stages run
  double fastMs = 0;          ///< CPU time in fast passes (including grey conversion)
  double fallbackMs = 0;      ///< CPU time in fallback stages
};

class CodeDecoder {
 public:
  explicit CodeDecoder(DecoderOptions options = {});

  /// One camera frame (8-bit grey, BGR or BGRA): the fast pass and, budget permitting, the
  /// next fallback stage.
  std::vector<DecodedCode> decodeFrame(const cv::Mat& frame);
  /// A still image: every stage until one reads a code.
  std::vector<DecodedCode> decodeStill(const cv::Mat& image);

  const DecodeStats& stats() const { return stats_; }
  const DecoderOptions& options() const { return options_; }
  /// Number of fallback stages for the configured formats.
  int fallbackStages() const;

 private:
  std::vector<DecodedCode> fastPass(const cv::Mat& gray);
  std::vector<DecodedCode> fallback(int stage, const cv::Mat& gray);

  DecoderOptions options_;
  DecodeStats stats_;
  double credit_ = 0;   // fallback time (ms) earned and not yet spent
  int nextStage_ = 0;
};

/// 8-bit grey view or copy of a frame (grey, BGR, BGRA); empty for other types.
cv::Mat toGray(const cv::Mat& frame);

}  // namespace onestop::peripherals::scanner

#include "qr_samples.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace onestop::testing {
namespace fs = std::filesystem;
namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool isImage(const fs::path& p) {
  const auto ext = p.extension().string();
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".webp";
}

}  // namespace

fs::path qrSamplesRoot(const fs::path& sourceRoot) {
  if (const char* env = std::getenv("ONESTOP_QR_SAMPLES"); env && *env) return env;
  return sourceRoot.parent_path() / "shared" / "data" / "qr-samples";
}

std::vector<QrSample> loadQrSamples(const fs::path& folder) {
  std::vector<QrSample> out;
  std::error_code ec;
  const bool negatives = folder.filename().string().rfind("falsepositives", 0) == 0;
  for (const auto& e : fs::directory_iterator(folder, ec)) {
    if (!e.is_regular_file() || !isImage(e.path())) continue;
    auto stem = e.path();
    stem.replace_extension();
    const fs::path txt = stem.string() + ".txt", bin = stem.string() + ".bin";
    if (negatives) out.push_back({e.path(), {}, false});
    else if (fs::exists(txt)) out.push_back({e.path(), slurp(txt), false});
    else if (fs::exists(bin)) out.push_back({e.path(), slurp(bin), true});
  }
  std::sort(out.begin(), out.end(), [](const QrSample& a, const QrSample& b) { return a.image < b.image; });
  return out;
}

}  // namespace onestop::testing

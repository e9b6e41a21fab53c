#pragma once
// An A4 test page for technicians: the fonts with rare characters, sizes, a 10 mm grid to
// check scaling (it must print at 100 %), a QR code and the copy-evident background.
#include <string>

#include "core/result.hpp"
#include "documents/typesetter.hpp"

namespace onestop::documents {

/// The bytes of a one-page PDF.
core::Result<std::string> renderTestPagePdf(const Typesetter& typesetter);

}  // namespace onestop::documents

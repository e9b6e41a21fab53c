#pragma once
// The CUPS scheduler the "cups" ctest fixture started (tests/support/cups.sh).
#include <filesystem>
#include <string>

struct CupsTestServer {
  std::string socket;              ///< the scheduler's Unix socket
  std::filesystem::path out;       ///< where the PDF queue's and raw queue's output lands
};

/// REQUIREs that the fixture ran.
const CupsTestServer& server();

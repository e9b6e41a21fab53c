#pragma once
// Receipts of demo transactions (fictional people, docs/demo-data.md), for
// `onestop-devices render receipt`, printer test pages, tests and benchmarks.
#include <string>
#include <utility>
#include <vector>

#include "documents/receipt.hpp"

namespace onestop::documents {

/// {name, receipt}: "filing", "filing-offline", "certificate", "queue-ticket", "rating".
std::vector<std::pair<std::string, Receipt>> demoReceipts();

}  // namespace onestop::documents

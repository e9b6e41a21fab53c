#pragma once
// Amounts are whole fen (1/100 yuan) everywhere; shown as "12,345.67" (the unit is in the
// label, "元", so the same figure serves every language and the printed page).
#include <cstdint>
#include <string>

namespace onestop::core {

std::string formatFen(std::int64_t fen);

}  // namespace onestop::core

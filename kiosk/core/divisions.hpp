#pragma once
// China's administrative divisions (province → prefecture → county) for the address
// filing's region picker, read from assets/divisions/divisions.tsv (see its README).
// Parsing is strict: a file that is wrong anywhere is refused as a whole, so the kiosk
// never offers half a country.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"

namespace onestop::core {

struct Division {
  std::string code;     ///< 6 digits, "110101"
  std::string name;     ///< "东城区"
  std::string parent;   ///< empty for a province
};

class Divisions {
 public:
  /// "code<TAB>name<TAB>parent" lines; '#' comment lines and a trailing newline allowed.
  /// Refused: wrong field count, a code not 6 digits, duplicate codes, an empty or
  /// non-UTF-8 name, a parent that is not in the file, or no provinces at all.
  static Result<Divisions> parse(std::string_view text);

  /// The places under `parent` (empty: the provinces), in code order.
  std::vector<const Division*> children(std::string_view parent) const;
  bool hasChildren(std::string_view code) const;
  const Division* find(std::string_view code) const;
  std::size_t size() const { return all_.size(); }

 private:
  std::vector<Division> all_;   // in code order
  std::unordered_map<std::string, std::vector<std::size_t>> children_;
  std::unordered_map<std::string, std::size_t> byCode_;
};

}  // namespace onestop::core

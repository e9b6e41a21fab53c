#include "core/divisions.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace onestop::core {
namespace {

bool isCode(std::string_view s) {
  return s.size() == 6 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Result<Divisions> Divisions::parse(std::string_view text) {
  Divisions d;
  std::size_t lineNo = 0;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++lineNo;
    if (line.empty() && text.empty()) break;   // the final newline
    if (!line.empty() && line[0] == '#') continue;
    const std::string where = "divisions line " + std::to_string(lineNo) + ": ";
    const auto t1 = line.find('\t');
    const auto t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos || line.find('\t', t2 + 1) != std::string_view::npos)
      return Error{where + "expected code, name and parent separated by tabs"};
    const auto code = line.substr(0, t1), name = line.substr(t1 + 1, t2 - t1 - 1), parent = line.substr(t2 + 1);
    if (!isCode(code)) return Error{where + "the code is not 6 digits"};
    if (name.empty() || !isValidUtf8(name) || name.find('\r') != std::string_view::npos)
      return Error{where + "the name is empty or not UTF-8"};
    if (!parent.empty() && !isCode(parent)) return Error{where + "the parent code is not 6 digits"};
    if (d.byCode_.count(std::string(code))) return Error{where + "code " + std::string(code) + " appears twice"};
    d.byCode_.emplace(std::string(code), d.all_.size());
    d.all_.push_back({std::string(code), std::string(name), std::string(parent)});
  }
  std::sort(d.all_.begin(), d.all_.end(), [](const Division& a, const Division& b) { return a.code < b.code; });
  d.byCode_.clear();
  for (std::size_t i = 0; i < d.all_.size(); ++i) d.byCode_.emplace(d.all_[i].code, i);
  bool provinces = false;
  for (std::size_t i = 0; i < d.all_.size(); ++i) {
    const auto& div = d.all_[i];
    if (div.parent.empty()) provinces = true;
    else if (!d.byCode_.count(div.parent) || div.parent == div.code)
      return Error{"divisions: the parent " + div.parent + " of " + div.code + " is not in the file"};
    d.children_[div.parent].push_back(i);
  }
  if (!provinces) return Error{"divisions: no provinces"};
  return d;
}

std::vector<const Division*> Divisions::children(std::string_view parent) const {
  std::vector<const Division*> out;
  const auto it = children_.find(std::string(parent));
  if (it == children_.end()) return out;
  for (std::size_t i : it->second) out.push_back(&all_[i]);
  return out;
}

bool Divisions::hasChildren(std::string_view code) const { return children_.count(std::string(code)) > 0; }

const Division* Divisions::find(std::string_view code) const {
  const auto it = byCode_.find(std::string(code));
  return it == byCode_.end() ? nullptr : &all_[it->second];
}

}  // namespace onestop::core

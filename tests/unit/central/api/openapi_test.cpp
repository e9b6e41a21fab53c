// docs/api/openapi.yaml is kept true to the code:
//  - the (method, path) pairs the router serves and the operations the spec lists are the
//    same set, path parameters included;
//  - who may call each operation (its `security`) is what the handler enforces;
//  - the spec's problem codes are exactly the catalogue of central/api/problem.cpp, with the
//    same status and title, and every problem the handlers raise is in that catalogue.
// The YAML is read with a small, strict line parser rather than a YAML library: under
// `paths:` the spec keeps path keys at two spaces and method keys at four, and any other
// key at four spaces (a misspelt method, say) is an error.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/central_api.hpp"
#include "api/schema.hpp"
#include "seal/key_ring.hpp"
#include "store/database.hpp"
#include "support/test_db.hpp"

namespace onestop::central::api {
namespace {

namespace fs = std::filesystem;

const fs::path kSourceRoot = ONESTOP_SOURCE_ROOT;

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

std::size_t indentOf(const std::string& line) {
  const auto first = line.find_first_not_of(' ');
  return first == std::string::npos ? line.size() : first;
}

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

bool isBlankOrComment(const std::string& line) {
  const auto t = trim(line);
  return t.empty() || t.front() == '#';
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

// A double-quoted YAML scalar without its quotes (the spec uses no escapes but \" and \\).
std::string unquote(const std::string& value) {
  const auto v = trim(value);
  if (v.size() < 2 || v.front() != '"' || v.back() != '"') return v;
  std::string out;
  for (std::size_t i = 1; i + 1 < v.size(); ++i) {
    if (v[i] == '\\' && i + 2 < v.size()) ++i;
    out += v[i];
  }
  return out;
}

/// The names of a pattern's parameters: "/v1/a/{x}/b/{y}" → {x, y}.
std::set<std::string> templateParameters(const std::string& pattern) {
  std::set<std::string> names;
  static const std::regex kParam(R"(\{([^{}/]*)\})");
  for (std::sregex_iterator it(pattern.begin(), pattern.end(), kParam), end; it != end; ++it) names.insert((*it)[1]);
  return names;
}

// ---------------------------------------------------------------------------------------
// The spec's `paths:` section.

using Operation = std::pair<std::string, std::string>;  // ("GET", "/v1/keys")

struct SpecPaths {
  /// Each operation with the security schemes its `security` names (any alternative).
  std::map<Operation, std::set<std::string>> operations;
  std::vector<std::string> errors;  ///< empty when the section has the expected layout
};

SpecPaths parseSpecPaths(const std::string& yaml) {
  static const std::set<std::string> kMethods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};
  static const std::set<std::string> kPathItemKeys = {"summary", "description", "parameters", "servers"};
  static const std::set<std::string> kSchemes = {"kioskCertificate", "staffCertificate", "citizenSession"};
  static const std::regex kPathKey(R"((/[^\s:#'"]*):\s*)");
  static const std::regex kKey(R"(([A-Za-z$][A-Za-z0-9_$-]*):(.*))");
  static const std::regex kParamName(R"(- name:\s*([A-Za-z0-9_-]+)\s*)");
  static const std::regex kInPath(R"(in:\s*path\s*)");
  static const std::regex kSchemeItem(R"((- )?([A-Za-z]+):\s*\[\]\s*)");

  SpecPaths out;
  const auto lines = splitLines(yaml);
  std::size_t lineNo = 0;
  auto fail = [&](const std::string& why) { out.errors.push_back("openapi.yaml:" + std::to_string(lineNo) + ": " + why); };

  std::size_t start = 0;
  int sections = 0;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (trim(lines[i]) == "paths:" && indentOf(lines[i]) == 0) ++sections, start = i + 1;
  if (sections != 1) {
    out.errors.push_back("expected exactly one top-level `paths:`, found " + std::to_string(sections));
    return out;
  }

  std::string path, method;            // the current path item and operation
  std::set<std::string> paths;         // seen so far
  std::set<std::string> methods;       // of the current path
  std::set<std::string> pathParams;    // `in: path` parameters declared under it
  std::string pendingName;             // the `- name:` of the parameter being read
  bool inSecurity = false;
  bool sawSecurity = false;

  auto closeOperation = [&] {
    if (!method.empty() && !sawSecurity) fail(upper(method) + " " + path + " has no `security`");
    method.clear();
    inSecurity = sawSecurity = false;
  };
  auto closePath = [&] {
    closeOperation();
    if (path.empty()) return;
    if (methods.empty()) fail(path + " has no operation");
    if (pathParams != templateParameters(path))
      fail(path + ": the `in: path` parameters are not exactly the {names} of the path");
  };

  for (std::size_t i = start; i < lines.size(); ++i) {
    lineNo = i + 1;
    const auto& line = lines[i];
    if (line.find('\t') < line.find_first_not_of(" \t")) fail("a tab in the indentation");
    if (isBlankOrComment(line)) continue;
    const auto indent = indentOf(line);
    if (indent == 0) break;  // the next top-level section
    const auto text = trim(line);
    std::smatch m;

    if (indent == 1 || indent == 3) {
      fail("indentation of " + std::to_string(indent) + " under `paths:`: path keys take 2 spaces, methods 4");
      continue;
    }
    if (indent == 2) {
      closePath();
      path.clear();
      methods.clear();
      pathParams.clear();
      pendingName.clear();
      if (!std::regex_match(text, m, kPathKey)) {
        fail("expected a path key such as `/v1/keys:` at two spaces, got `" + text + "`");
        continue;
      }
      path = m[1];
      if (path.rfind("/v1/", 0) != 0) fail("path outside /v1: " + path);
      if (!paths.insert(path).second) fail("path listed twice: " + path);
      continue;
    }
    if (path.empty()) continue;  // under a bad path key: already reported
    if (indent == 4) {
      closeOperation();
      if (!std::regex_match(text, m, kKey)) {
        fail("expected a key at four spaces, got `" + text + "`");
        continue;
      }
      const std::string key = m[1];
      if (kMethods.count(key)) {
        if (!trim(m[2]).empty()) fail("`" + key + ":` must open a block");
        if (!methods.insert(key).second) fail(upper(key) + " " + path + " listed twice");
        method = key;
        out.operations[{upper(key), path}];
      } else if (!kPathItemKeys.count(key)) {
        fail("unknown key `" + key + "` under " + path + " (a misspelt method?)");
      }
      continue;
    }
    // Deeper lines: path parameters (at path or operation level) and the operation's security.
    if (text.rfind("- ", 0) == 0) pendingName.clear();
    if (std::regex_match(text, m, kParamName)) {
      pendingName = m[1];
    } else if (std::regex_match(text, kInPath)) {
      if (pendingName.empty()) fail("`in: path` of a parameter whose `- name:` does not come first");
      else pathParams.insert(pendingName);
    }
    if (method.empty()) continue;
    if (indent == 6) {
      inSecurity = text == "security:";
      if (inSecurity) {
        if (sawSecurity) fail(upper(method) + " " + path + " has two `security` sections");
        sawSecurity = true;
      }
    } else if (inSecurity) {
      if (!std::regex_match(text, m, kSchemeItem) || !kSchemes.count(m[2])) {
        fail("unknown security requirement `" + text + "`");
        continue;
      }
      out.operations[{upper(method), path}].insert(m[2]);
    }
  }
  closePath();
  return out;
}

// ---------------------------------------------------------------------------------------
// Problem codes: the catalogue in problem.cpp and the spec's x-problem-codes.

struct ProblemEntry {
  int status = 0;
  std::string code, title;
};

/// problems::function name → its entry, read from problem.cpp ("Problem f(...) { ... make(status, code, title").
std::map<std::string, ProblemEntry> parseCatalogue(const std::string& cpp) {
  static const std::regex kDefinition(
      R"re(Problem\s+(\w+)\s*\([^)]*\)\s*\{[^}]*?\bmake\(\s*(\d{3})\s*,\s*"([^"]+)"\s*,\s*"([^"]*)")re");
  std::map<std::string, ProblemEntry> catalogue;
  for (std::sregex_iterator it(cpp.begin(), cpp.end(), kDefinition), end; it != end; ++it)
    catalogue[(*it)[1]] = ProblemEntry{std::stoi((*it)[2]), (*it)[3], (*it)[4]};
  return catalogue;
}

std::size_t countMatches(const std::string& text, const std::regex& re) {
  const auto matches = std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator());
  return static_cast<std::size_t>(matches);
}

struct SpecCodes {
  std::map<std::string, ProblemEntry> codes;  ///< by code
  std::vector<std::string> errors;
};

SpecCodes parseSpecProblemCodes(const std::string& yaml) {
  static const std::regex kCode(R"(- code:\s*([a-z0-9-]+)\s*)");
  static const std::regex kField(R"((status|title|meaning):\s*(.*))");
  SpecCodes out;
  const auto lines = splitLines(yaml);
  std::size_t lineNo = 0;
  auto fail = [&](const std::string& why) { out.errors.push_back("openapi.yaml:" + std::to_string(lineNo) + ": " + why); };

  std::size_t start = lines.size(), base = 0;
  int lists = 0;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (trim(lines[i]) == "x-problem-codes:") ++lists, start = i + 1, base = indentOf(lines[i]);
  if (lists != 1) {
    out.errors.push_back("expected exactly one `x-problem-codes:`, found " + std::to_string(lists));
    return out;
  }
  std::string current;
  for (std::size_t i = start; i < lines.size(); ++i) {
    lineNo = i + 1;
    if (isBlankOrComment(lines[i])) continue;
    const auto indent = indentOf(lines[i]);
    if (indent <= base) break;
    const auto text = trim(lines[i]);
    std::smatch m;
    if (indent == base + 2 && std::regex_match(text, m, kCode)) {
      current = m[1];
      if (out.codes.count(current)) fail("code listed twice: " + current);
      out.codes[current].code = current;
    } else if (indent == base + 4 && !current.empty() && std::regex_match(text, m, kField)) {
      if (m[1] == "status") {
        const std::string digits = trim(m[2]);
        const bool threeDigits = digits.size() == 3 && std::all_of(digits.begin(), digits.end(), [](char c) {
                                   return c >= '0' && c <= '9';
                                 });
        if (threeDigits) out.codes[current].status = std::stoi(digits);
        else fail(current + ": status must be three digits");
      } else if (m[1] == "title") {
        out.codes[current].title = unquote(m[2]);
      }
    } else {
      fail("unexpected line in x-problem-codes: `" + text + "`");
    }
  }
  for (const auto& [code, entry] : out.codes)
    if (entry.status == 0 || entry.title.empty()) out.errors.push_back(code + ": needs a status and a title");
  return out;
}

// ---------------------------------------------------------------------------------------
// The API as the server builds it, on a fresh migrated SQLite database.

// Members in this order: the API refers to the database and the keys, so it goes first.
struct ApiUnderTest {
  std::unique_ptr<store::Database> db;
  seal::KeyRing keys;
  std::unique_ptr<CentralApi> api;

  ApiUnderTest() {
    auto opened = store::Database::open(onestop::test::freshSqlitePath("openapi"));
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? std::string{} : opened.error().message));
    db = std::move(opened.value());
    auto migrated = store::migrate(*db, centralMigrations());
    REQUIRE_MESSAGE(migrated.ok(), (migrated.ok() ? std::string{} : migrated.error().message));
    constexpr std::int64_t kNow = 1'790'000'000;
    keys.rotate(kNow);
    api = std::make_unique<CentralApi>(*db, keys, ApiOptions{}, [] { return kNow; });
  }

  std::set<Operation> served() const {
    std::set<Operation> out;
    for (const auto& route : api->router().routes())
      CHECK_MESSAGE(out.insert({route.method, route.pattern}).second,
                    "route registered twice: " << route.method << " " << route.pattern);
    return out;
  }
};

const SpecPaths& spec() {
  static const SpecPaths parsed = parseSpecPaths(readFile(kSourceRoot / "docs/api/openapi.yaml"));
  return parsed;
}

std::string describe(const Operation& op) { return op.first + " " + op.second; }

// ---------------------------------------------------------------------------------------

TEST_CASE("the spec's paths section has the layout the conformance checks read") {
  for (const auto& error : spec().errors) FAIL_CHECK(error);
  CHECK(spec().operations.size() >= 20);
}

TEST_CASE("every route the server serves is documented in docs/api/openapi.yaml") {
  ApiUnderTest t;
  const auto served = t.served();
  REQUIRE(!served.empty());
  for (const auto& op : served)
    CHECK_MESSAGE(spec().operations.count(op), describe(op) << " is served but not in docs/api/openapi.yaml");
}

TEST_CASE("every operation in docs/api/openapi.yaml is served") {
  ApiUnderTest t;
  const auto served = t.served();
  for (const auto& entry : spec().operations)
    CHECK_MESSAGE(served.count(entry.first), describe(entry.first) << " is documented but no route serves it");
}

TEST_CASE("who may call each operation is what its handler enforces") {
  // Every handler checks the caller before anything else, so a bare request shows whether
  // this kind of certificate gets past the door.
  ApiUnderTest t;
  const auto served = t.served();
  struct Answer {
    int status;
    std::string code;
  };
  auto call = [&](const Operation& op, Caller::Kind kind) {
    ApiRequest request;
    request.method = op.first;
    request.path = std::regex_replace(op.second, std::regex(R"(\{[^}/]+\})"), "x");
    request.caller = Caller{kind, kind == Caller::Kind::Staff ? "STAFF-T" : "KIOSK-T"};
    const auto response = t.api->handle(request);
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    return Answer{response.status, body.is_object() ? body.value("code", "") : std::string{}};
  };
  for (const auto& entry : spec().operations) {
    const Operation& op = entry.first;
    CAPTURE(describe(op));
    if (!served.count(op)) continue;  // reported by the test above
    const bool kiosk = entry.second.count("kioskCertificate") > 0, staff = entry.second.count("staffCertificate") > 0;
    CHECK_MESSAGE((kiosk || staff), "the security of " << describe(op) << " names no certificate");

    const auto byKiosk = call(op, Caller::Kind::Kiosk);
    if (kiosk) CHECK_MESSAGE(byKiosk.status != 403, "a kiosk is refused: " << byKiosk.code);
    else CHECK_MESSAGE(byKiosk.code == "staff-certificate-required", "a kiosk got " << byKiosk.status << ' ' << byKiosk.code);

    const auto byStaff = call(op, Caller::Kind::Staff);
    if (staff) CHECK_MESSAGE(byStaff.status != 403, "staff are refused: " << byStaff.code);
    else CHECK_MESSAGE(byStaff.code == "kiosk-certificate-required", "staff got " << byStaff.status << ' ' << byStaff.code);

    const auto byNeither = call(op, Caller::Kind::None);
    CHECK_MESSAGE(byNeither.status == 403, "a caller that is neither got " << byNeither.status << " " << byNeither.code);
  }
}

TEST_CASE("the spec lists exactly problem.cpp's problem codes, with their status and title") {
  const auto cpp = readFile(kSourceRoot / "central/api/problem.cpp");
  const auto catalogue = parseCatalogue(cpp);
  // Every make(status, …) must have been read, or a reformatted definition would be skipped.
  CHECK(catalogue.size() == countMatches(cpp, std::regex(R"(\bmake\(\s*\d{3})")));
  REQUIRE(catalogue.size() >= 20);

  const auto spec = parseSpecProblemCodes(readFile(kSourceRoot / "docs/api/openapi.yaml"));
  for (const auto& error : spec.errors) FAIL_CHECK(error);

  std::set<std::string> catalogueCodes;
  for (const auto& item : catalogue) {
    const std::string& function = item.first;
    const ProblemEntry& entry = item.second;
    CAPTURE(function);
    CHECK_MESSAGE(catalogueCodes.insert(entry.code).second, "two functions make the code " << entry.code);
    auto it = spec.codes.find(entry.code);
    if (it == spec.codes.end()) {
      FAIL_CHECK("problem code `" << entry.code << "` (problems::" << function << ") is not in x-problem-codes");
      continue;
    }
    CHECK_MESSAGE(it->second.status == entry.status, entry.code << ": the spec says " << it->second.status);
    CHECK_MESSAGE(it->second.title == entry.title, entry.code << ": the spec's title is \"" << it->second.title << "\"");
  }
  for (const auto& item : spec.codes)
    CHECK_MESSAGE(catalogueCodes.count(item.first), "x-problem-codes lists `" << item.first << "`, not in problem.cpp");
}

TEST_CASE("every problem the API code raises is in the catalogue, and so in the spec") {
  const auto catalogue = parseCatalogue(readFile(kSourceRoot / "central/api/problem.cpp"));

  // The header declares the catalogue; each declaration must have a definition read above.
  const auto hpp = readFile(kSourceRoot / "central/api/problem.hpp");
  const auto from = hpp.find("namespace problems {"), to = hpp.find("}  // namespace problems");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  const auto declarations = hpp.substr(from, to - from);
  static const std::regex kDeclaration(R"(Problem\s+(\w+)\s*\()");
  std::size_t declared = 0;
  for (std::sregex_iterator it(declarations.begin(), declarations.end(), kDeclaration), end; it != end; ++it, ++declared)
    CHECK_MESSAGE(catalogue.count((*it)[1]), "problems::" << (*it)[1] << " is declared but its code was not read");
  CHECK(declared == catalogue.size());

  const auto specCodes = parseSpecProblemCodes(readFile(kSourceRoot / "docs/api/openapi.yaml")).codes;
  static const std::regex kUse(R"(problems::(\w+))");
  std::size_t uses = 0;
  for (const auto& entry : fs::directory_iterator(kSourceRoot / "central/api")) {
    if (entry.path().extension() != ".cpp") continue;
    const auto source = readFile(entry.path());
    for (std::sregex_iterator it(source.begin(), source.end(), kUse), end; it != end; ++it, ++uses) {
      const std::string function = (*it)[1];
      CAPTURE(entry.path().filename().string());
      auto found = catalogue.find(function);
      if (found == catalogue.end()) {
        FAIL_CHECK("problems::" << function << " is not in problem.cpp's catalogue");
        continue;
      }
      CHECK_MESSAGE(specCodes.count(found->second.code), "`" << found->second.code << "` is raised but not documented");
    }
  }
  CHECK(uses > 20);
}

TEST_CASE("the spec's problem examples carry a known code with its status and title") {
  const auto yaml = readFile(kSourceRoot / "docs/api/openapi.yaml");
  std::map<std::string, ProblemEntry> byCode;
  for (const auto& item : parseCatalogue(readFile(kSourceRoot / "central/api/problem.cpp")))
    byCode[item.second.code] = item.second;
  // Examples are responses as served: members in alphabetical order (code, detail, status, title).
  static const std::regex kExample(R"re("code": "([^"]+)"[^{}]*?"status": (\d{3}), "title": "([^"]*)")re");
  std::size_t examples = 0;
  for (std::sregex_iterator it(yaml.begin(), yaml.end(), kExample), end; it != end; ++it, ++examples) {
    const std::string code = (*it)[1];
    auto found = byCode.find(code);
    if (found == byCode.end()) {
      FAIL_CHECK("an example has the unknown code `" << code << "`");
      continue;
    }
    CHECK_MESSAGE(found->second.status == std::stoi((*it)[2]), "an example gives `" << code << "` status " << (*it)[2]);
    CHECK_MESSAGE(found->second.title == (*it)[3].str(), "an example gives `" << code << "` the title " << (*it)[3]);
  }
  CHECK(examples >= 10);
}

TEST_CASE("the spec parser refuses a misspelt or misplaced key") {
  const std::string head = "openapi: 3.1.0\npaths:\n";
  const std::string op = "      security:\n        - kioskCertificate: []\n";
  auto errorsFor = [&](const std::string& paths) { return parseSpecPaths(head + paths + "components: {}\n").errors; };

  const auto good = parseSpecPaths(head + "  /v1/keys:\n    get:\n" + op + "  /v1/a/{id}:\n    parameters:\n" +
                                   "      - name: id\n        in: path\n    post:\n" + op + "components: {}\n");
  CHECK(good.errors.empty());
  CHECK(good.operations.size() == 2);
  CHECK(good.operations.count({"POST", "/v1/a/{id}"}));
  CHECK(good.operations.at({"GET", "/v1/keys"}) == std::set<std::string>{"kioskCertificate"});

  CHECK(!errorsFor("  /v1/keys:\n    gte:\n" + op).empty());                            // misspelt method
  CHECK(!errorsFor("  /v1/keys:\n    Get:\n" + op).empty());                            // wrong case
  CHECK(!errorsFor("  /v1/keys:\n   get:\n" + op).empty());                             // three spaces
  CHECK(!errorsFor("  v1/keys:\n    get:\n" + op).empty());                             // no leading slash
  CHECK(!errorsFor("  /v2/keys:\n    get:\n" + op).empty());                            // outside /v1
  CHECK(!errorsFor("  /v1/keys:\n    get:\n" + op + "    get:\n" + op).empty());        // listed twice
  CHECK(!errorsFor("  /v1/keys:\n    get:\n" + op + "  /v1/keys:\n    post:\n" + op).empty());  // path twice
  CHECK(!errorsFor(" /v1/keys:\n    get:\n" + op).empty());                             // one space
  CHECK(!errorsFor("  /v1/keys:\n    get:\n      summary: no security\n").empty());     // no security
  CHECK(!errorsFor("  /v1/keys:\n    get:\n      security:\n        - kioskCert: []\n").empty());
  CHECK(!errorsFor("  /v1/a/{id}:\n    get:\n" + op).empty());                          // {id} undeclared
  CHECK(!errorsFor("  /v1/a/{id}:\n    parameters:\n      - name: ident\n        in: path\n    get:\n" + op).empty());
  CHECK(!errorsFor("  /v1/keys:\n  \t  get:\n" + op).empty());                           // a tab
  CHECK(!parseSpecPaths("openapi: 3.1.0\n").errors.empty());                            // no paths at all
}

}  // namespace
}  // namespace onestop::central::api

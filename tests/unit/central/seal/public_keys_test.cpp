#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "seal_fixtures.hpp"

using namespace onestop::central::seal;
using namespace onestop::central::seal::testing;

TEST_CASE("the published key set has the documented shape and round-trips") {
  KeyRing ring = freshRing();
  ring.rotate(kT0 + kDay);
  const auto keys = ring.publicKeys(kT0 + kDay);
  const std::string json = publicKeysToJson(keys);

  const auto doc = nlohmann::json::parse(json);
  REQUIRE(doc["keys"].size() == 2);
  const auto& first = doc["keys"][0];
  CHECK(first["kid"] == ring.keys()[0].kid());
  CHECK(first["alg"] == "Ed25519");
  CHECK(first["publicKey"].get<std::string>().size() == 43);
  CHECK(first["notBefore"] == kT0);
  CHECK(first["verifyUntil"] == ring.keys()[0].times().verifyUntil);
  CHECK(first.size() == 5);

  const auto back = publicKeysFromJson(json);
  REQUIRE_MESSAGE(back.ok(), back.error());
  CHECK(back.value() == keys);

  // A kiosk verifies with what it cached.
  const std::string seal = ring.seal(sampleRequest(kT0 + kDay), kT0 + kDay).value().text;
  CHECK(verifySeal(seal, back.value(), kT0 + kDay).valid());
}

TEST_CASE("importing a key set is strict") {
  const std::string good = R"({"kid":"k1","alg":"Ed25519","publicKey":")" +
                           std::string(43, 'A') + R"(","notBefore":1,"verifyUntil":2})";
  auto set = [](const std::string& entries) { return R"({"keys":[)" + entries + "]}"; };
  REQUIRE(publicKeysFromJson(set(good)).ok());
  CHECK(publicKeysFromJson(set("")).value().empty());

  CHECK(publicKeysFromJson("").error().find("not valid JSON") != std::string::npos);
  CHECK(publicKeysFromJson("[]").error().find("not a JSON object") != std::string::npos);
  CHECK(publicKeysFromJson("{}").error().find("\"keys\"") != std::string::npos);
  CHECK(publicKeysFromJson(set(good + "," + good)).error().find("twice") != std::string::npos);
  CHECK(publicKeysFromJson(set("1")).error().find("keys[0] is not an object") != std::string::npos);

  auto with = [&](std::string_view from, std::string_view to) {
    std::string entry = good;
    entry.replace(entry.find(from), from.size(), to);
    return publicKeysFromJson(set(entry));
  };
  CHECK(with(R"("kid":"k1")", R"("kid":"K1")").error().find(".kid") != std::string::npos);
  CHECK(with(R"("kid":"k1",)", "").error().find(".kid") != std::string::npos);
  CHECK(with(std::string(43, 'A'), std::string(42, 'A')).error().find(".publicKey") !=
        std::string::npos);
  CHECK(with(std::string(43, 'A'), std::string(43, 'B')).error().find(".publicKey") !=
        std::string::npos);  // unused bits set: not canonical
  CHECK(with(R"("notBefore":1)", R"("notBefore":-1)").error().find("epoch seconds") !=
        std::string::npos);
  CHECK(with(R"("notBefore":1)", R"("notBefore":"1")").error().find("epoch seconds") !=
        std::string::npos);
  CHECK(with(R"("verifyUntil":2)", R"("verifyUntil":1)").error().find("not after") !=
        std::string::npos);
  CHECK(with(R"("verifyUntil":2)", R"("verifyUntil":18446744073709551615)").error().find(
            "epoch seconds") != std::string::npos);
  CHECK(with(R"("alg":"Ed25519",)", "").error().find(".alg") != std::string::npos);
  // Another algorithm is skipped, not an error: a verifier uses what it knows.
  const auto other = with(R"("alg":"Ed25519")", R"("alg":"ML-DSA-44")");
  REQUIRE(other.ok());
  CHECK(other.value().empty());
  CHECK(publicKeysFromJson(std::string(2 << 20, ' ')).error().find("1 MiB") != std::string::npos);
}

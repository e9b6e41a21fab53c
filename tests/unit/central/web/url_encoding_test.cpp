// Forms, queries and cookies as browsers send them, and what a forged one looks like.
#include <doctest/doctest.h>

#include "web/html.hpp"
#include "web/url_encoding.hpp"

namespace onestop::central::web::test {

TEST_CASE("a form body decodes percent escapes, plus signs and UTF-8") {
  const auto form = decodeForm("login=reviewer1&reason=%E8%B4%A6%E5%8F%B7+%E4%B8%8D%E7%AC%A6&csrf=ab-_");
  REQUIRE(form.has_value());
  CHECK(form->at("login") == "reviewer1");
  CHECK(form->at("reason") == "账号 不符");
  CHECK(form->at("csrf") == "ab-_");
  CHECK(decodeForm("")->empty());
  CHECK(decodeForm("a=")->at("a").empty());
}

TEST_CASE("a malformed or oversized form is refused as a whole") {
  CHECK_FALSE(decodeForm("a=%zz").has_value());
  CHECK_FALSE(decodeForm("a=%E8%B4").has_value());        // cut UTF-8
  CHECK_FALSE(decodeForm("a=1&a=2").has_value());          // a repeated field
  CHECK_FALSE(decodeForm("=1").has_value());
  CHECK_FALSE(decodeForm("a=%00").has_value());            // control character
  CHECK_FALSE(decodeForm(std::string(65, 'n') + "=1").has_value());
  std::string many;
  for (int i = 0; i < 40; ++i) many += "f" + std::to_string(i) + "=1&";
  CHECK_FALSE(decodeForm(many).has_value());
  CHECK(decodeForm("reason=line1%0D%0Aline2")->at("reason") == "line1\r\nline2");
}

TEST_CASE("cookies are split, trimmed, and the first of a repeated name kept") {
  const auto c = parseCookies("a=1; __Host-s=tok; a=2;bad; =x");
  CHECK(c.at("a") == "1");
  CHECK(c.at("__Host-s") == "tok");
  CHECK(c.size() == 2);
}

TEST_CASE("escape makes text safe in elements and quoted attributes") {
  CHECK(escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  CHECK(escape("测试䶮𠈌") == "测试䶮𠈌");
  CHECK(encodeComponent("a b/测") == "a%20b%2F%E6%B5%8B");
}

}  // namespace onestop::central::web::test

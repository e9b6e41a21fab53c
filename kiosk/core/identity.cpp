#include "core/identity.hpp"

#include "core/secure_wipe.hpp"

namespace onestop::core {

std::string_view cardTypeKey(CardType type) {
  switch (type) {
    case CardType::Mainland: return "card_type.mainland";
    case CardType::HmtPermit: return "card_type.hmt_permit";
    case CardType::Foreign2017: return "card_type.foreign_2017";
    case CardType::Foreign2023: return "card_type.foreign_2023";
  }
  return "card_type.mainland";
}

Identity::Identity(Identity&& other) noexcept
    : cardType(other.cardType),
      name(std::move(other.name)),
      englishName(std::move(other.englishName)),
      genderCode(other.genderCode),
      ethnicityCode(other.ethnicityCode),
      nationality(std::move(other.nationality)),
      birthDate(other.birthDate),
      address(std::move(other.address)),
      idNumber(std::move(other.idNumber)),
      passNumber(std::move(other.passNumber)),
      issueCount(other.issueCount),
      issuingAuthority(std::move(other.issuingAuthority)),
      validFrom(other.validFrom),
      validTo(other.validTo),
      photo(std::move(other.photo)) {
  // A moved-from short string keeps its characters in its inline buffer.
  other.wipe();
}

Identity& Identity::operator=(const Identity& other) {
  if (this != &other) {
    Identity copy(other);
    *this = std::move(copy);
  }
  return *this;
}

Identity& Identity::operator=(Identity&& other) noexcept {
  if (this != &other) {
    wipe();   // our old buffers are released by the moves below; zero them first
    cardType = other.cardType;
    name = std::move(other.name);
    englishName = std::move(other.englishName);
    genderCode = other.genderCode;
    ethnicityCode = other.ethnicityCode;
    nationality = std::move(other.nationality);
    birthDate = other.birthDate;
    address = std::move(other.address);
    idNumber = std::move(other.idNumber);
    passNumber = std::move(other.passNumber);
    issueCount = other.issueCount;
    issuingAuthority = std::move(other.issuingAuthority);
    validFrom = other.validFrom;
    validTo = other.validTo;
    photo = std::move(other.photo);
    other.wipe();
  }
  return *this;
}

void Identity::wipe() noexcept {
  secureWipe(name);
  secureWipe(englishName);
  secureWipe(nationality);
  secureWipe(address);
  secureWipe(idNumber);
  secureWipe(passNumber);
  secureWipe(issuingAuthority);
  secureWipe(photo);
  cardType = CardType::Mainland;
  genderCode = 0;
  ethnicityCode = 0;
  issueCount = 0;
  birthDate = {};
  validFrom = {};
  validTo.reset();
}

bool sameIdentity(const Identity& a, const Identity& b) {
  return a.cardType == b.cardType && a.name == b.name && a.englishName == b.englishName &&
         a.genderCode == b.genderCode && a.ethnicityCode == b.ethnicityCode &&
         a.nationality == b.nationality && a.birthDate == b.birthDate && a.address == b.address &&
         a.idNumber == b.idNumber && a.passNumber == b.passNumber && a.issueCount == b.issueCount &&
         a.issuingAuthority == b.issuingAuthority && a.validFrom == b.validFrom &&
         a.validTo == b.validTo && a.photo == b.photo;
}

}  // namespace onestop::core

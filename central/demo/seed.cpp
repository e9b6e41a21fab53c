#include "demo/seed.hpp"

#include <set>
#include <string>

#include "demo/batch_insert.hpp"
#include "demo/demo_citizens.hpp"
#include "demo/synthetic.hpp"

namespace onestop::central::demo {
namespace {

using store::Value;

// One batch per table; children flush their citizens first.
class RecordWriter {
 public:
  explicit RecordWriter(store::Connection& c)
      : citizens_(c, "citizens",
                  {"id", "id_number", "card_type", "name", "english_name", "gender", "birth_date", "phone", "address",
                   "bank_account", "employer", "card_status", "created_at"}),
        participations_(c, "participations", {"citizen_id", "insurance_type", "status", "since"}, &citizens_),
        history_(c, "participation_history",
                 {"citizen_id", "insurance_type", "seq", "from_month", "to_month", "status", "employer"}, &citizens_),
        contributions_(c, "contributions",
                       {"citizen_id", "insurance_type", "month", "base_fen", "employer_fen", "personal_fen", "status"},
                       &citizens_),
        accounts_(c, "pension_accounts",
                  {"citizen_id", "year", "opening_fen", "contributed_fen", "interest_fen", "closing_fen",
                   "interest_rate"},
                  &citizens_),
        benefits_(c, "benefit_payments", {"citizen_id", "benefit_type", "month", "amount_fen", "paid_on"},
                  &citizens_),
        tokens_(c, "essc_tokens", {"token_hash", "citizen_id", "expires_at"}, &citizens_) {}

  store::DbResult<store::Done> add(const CitizenRecords& r) {
    const CitizenRow& c = r.citizen;
    const Value id = c.id;
    if (auto done = citizens_.add({id, c.idNumber, c.cardType, c.name, c.englishName, c.gender, c.birthDate, c.phone,
                                   c.address, c.bankAccount, c.employer, c.cardStatus, c.createdAt});
        !done)
      return done;
    for (const auto& p : r.participations)
      if (auto done = participations_.add({id, p.insuranceType, p.status, p.since}); !done) return done;
    for (const auto& h : r.history)
      if (auto done = history_.add({id, h.insuranceType, h.seq, h.fromMonth, h.toMonth, h.status, h.employer}); !done)
        return done;
    for (const auto& x : r.contributions)
      if (auto done =
              contributions_.add({id, x.insuranceType, x.month, x.baseFen, x.employerFen, x.personalFen, x.status});
          !done)
        return done;
    for (const auto& a : r.pensionAccount)
      if (auto done = accounts_.add({id, a.year, a.openingFen, a.contributedFen, a.interestFen, a.closingFen,
                                     a.interestRate});
          !done)
        return done;
    for (const auto& b : r.benefitPayments)
      if (auto done = benefits_.add({id, b.benefitType, b.month, b.amountFen, b.paidOn}); !done) return done;
    return tokens_.add({r.essc.tokenHash, id, r.essc.expiresAt});
  }

  store::DbResult<store::Done> flush() {
    for (BatchInsert* b : {&citizens_, &participations_, &history_, &contributions_, &accounts_, &benefits_, &tokens_})
      if (auto done = b->flush(); !done) return done;
    return store::Done{};
  }

  void count(SeedSummary& s) const {
    s.citizens = citizens_.inserted();
    s.participations = participations_.inserted();
    s.participationHistory = history_.inserted();
    s.contributions = contributions_.inserted();
    s.pensionAccounts = accounts_.inserted();
    s.benefitPayments = benefits_.inserted();
    s.esscTokens = tokens_.inserted();
  }

 private:
  BatchInsert citizens_;
  BatchInsert participations_;
  BatchInsert history_;
  BatchInsert contributions_;
  BatchInsert accounts_;
  BatchInsert benefits_;
  BatchInsert tokens_;
};

store::DbResult<std::set<std::string>> existingIds(store::Connection& c, const std::vector<std::string>& ids) {
  std::set<std::string> found;
  if (ids.empty()) return found;
  std::string sql = "SELECT id FROM citizens WHERE id IN (";
  std::vector<Value> params;
  for (const auto& id : ids) {
    sql += params.empty() ? "?" : ", ?";
    params.emplace_back(id);
  }
  sql += ")";
  auto rows = c.query(sql, params);
  if (!rows) return rows.error();
  for (const auto& row : rows->rows) found.insert(row.text(0));
  return found;
}

}  // namespace

store::DbResult<SeedSummary> seedDemoCitizens(store::Connection& connection, const std::vector<DemoPerson>& people,
                                              std::chrono::year_month_day referenceDate) {
  auto expanded = expandDemoPeople(people, referenceDate);
  if (!expanded) return store::DbError{store::DbError::Kind::Other, expanded.error()};

  store::Transaction tx(connection);
  if (!tx.started()) return tx.started().error();
  std::vector<std::string> ids;
  for (const auto& r : expanded.value()) ids.push_back(r.citizen.id);
  auto present = existingIds(connection, ids);
  if (!present) return present.error();

  SeedSummary summary;
  RecordWriter writer(connection);
  for (const auto& r : expanded.value()) {
    if (present->count(r.citizen.id)) {
      ++summary.alreadyPresent;
      continue;
    }
    if (auto done = writer.add(r); !done) return done.error();
  }
  if (auto done = writer.flush(); !done) return done.error();
  if (auto done = tx.commit(); !done) return done.error();
  writer.count(summary);
  return summary;
}

store::DbResult<SeedSummary> seedSynthetic(store::Connection& connection, std::int64_t count, std::uint64_t seed,
                                           std::chrono::year_month_day referenceDate) {
  SeedSummary summary;
  if (count <= 0) return summary;
  store::Transaction tx(connection);
  if (!tx.started()) return tx.started().error();
  auto present = existingIds(connection, {syntheticCitizenId(0)});
  if (!present) return present.error();
  if (!present->empty()) {
    summary.alreadyPresent = count;
    return summary;
  }

  SyntheticPeople people(seed, referenceDate);
  RecordWriter writer(connection);
  for (std::int64_t i = 0; i < count; ++i)
    if (auto done = writer.add(people.next()); !done) return done.error();
  if (auto done = writer.flush(); !done) return done.error();
  if (auto done = tx.commit(); !done) return done.error();
  writer.count(summary);
  return summary;
}

}  // namespace onestop::central::demo

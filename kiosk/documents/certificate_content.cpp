#include "documents/certificate_content.hpp"

#include <fmt/format.h>

#include "documents/wording.hpp"

namespace onestop::documents {
namespace {

const TextStyle kBody{11.0};
const TextStyle kHeading{11.5, true};
const TextStyle kNote{9.0};

Paragraph heading(std::string text) { return {std::move(text), kHeading, 12, true}; }

std::string_view benefitName(InsuranceType type) {
  switch (type) {
    case InsuranceType::Pension: return "基本养老金";
    case InsuranceType::Medical: return "医疗保险待遇";
    case InsuranceType::Unemployment: return "失业保险金";
    case InsuranceType::WorkInjury: return "工伤保险待遇";
    case InsuranceType::Maternity: return "生育津贴";
  }
  return "";
}

std::string holderLine(const Holder& h) { return fmt::format("姓名：{}　　证件号码：{}", h.name, h.idNumberMasked); }

Table participationTable(const std::vector<Participation>& list) {
  Table t;
  t.columns = {{"险种", 1.5}, {"参保状态", 1.1, Align::Centre}, {"参保年月", 1.2, Align::Centre},
               {"期间缴费月数", 1.3, Align::Right}, {"欠费月数", 1.0, Align::Right}};
  for (const auto& p : list)
    t.rows.push_back({std::string(insuranceName(p.type)), std::string(statusName(p.status)), chineseMonth(p.since),
                      fmt::format("{}（{}）", p.paidMonths, yearsAndMonths(p.paidMonths)), std::to_string(p.arrearsMonths)});
  return t;
}

Table yearlyTable(const std::vector<YearContribution>& years) {
  Table t;
  t.columns = {{"年度", 0.8, Align::Centre}, {"缴费月数", 0.9, Align::Right}, {"缴费基数（元）", 1.3, Align::Right},
               {"单位缴纳（元）", 1.3, Align::Right}, {"个人缴纳（元）", 1.3, Align::Right}};
  int months = 0;
  std::int64_t employer = 0, personal = 0;
  for (const auto& y : years) {
    t.rows.push_back({std::to_string(y.year), std::to_string(y.paidMonths), yuan(y.baseFen), yuan(y.employerFen),
                      yuan(y.personalFen)});
    months += y.paidMonths;
    employer += y.employerFen;
    personal += y.personalFen;
  }
  t.rows.push_back({"合计", std::to_string(months), "—", yuan(employer), yuan(personal)});
  t.boldRows.push_back(t.rows.size() - 1);
  return t;
}

Table benefitTable(const std::vector<BenefitPayments>& list) {
  Table t;
  t.columns = {{"待遇项目", 1.3}, {"起始年月", 1.1, Align::Centre}, {"最近发放", 1.1, Align::Centre},
               {"发放月数", 0.9, Align::Right}, {"月发放金额（元）", 1.3, Align::Right}, {"累计发放（元）", 1.4, Align::Right}};
  for (const auto& b : list)
    t.rows.push_back({std::string(benefitName(b.type)), chineseMonth(b.since), chineseMonth(b.latestMonth),
                      std::to_string(b.payments), yuan(b.monthlyFen), yuan(b.totalFen)});
  return t;
}

Paragraph closing(const DocumentOptions& options, std::string_view issued) {
  return {fmt::format("{}\n{}", options.agencyName, issued), {11.0, false, Align::Right}, 24};
}

}  // namespace

std::vector<Block> certificateBody(const IssuedCertificate& c, const DocumentOptions& options) {
  const std::string issued = chineseDate(localDay(c.issuedAt, options.utcOffsetMinutes));
  const std::string who = fmt::format("{}（证件号码：{}）", c.holder.name, c.holder.idNumberMasked);
  std::vector<Block> body;
  body.push_back(Paragraph{holderLine(c.holder), {11.0, true}});
  body.push_back(Paragraph{periodLine(c.period), {11.0, true}, 6});
  switch (c.type) {
    case CertificateType::Participation:
      body.push_back(Paragraph{fmt::format("兹证明{}在本经办机构参加社会保险，截至{}，参保缴费情况如下：", who, issued),
                               kBody, 10});
      body.push_back(participationTable(c.participations));
      body.push_back(Paragraph{"特此证明。", kBody, 12});
      body.push_back(Paragraph{"说明：缴费月数、欠费月数均为证明期间内的月数，缴费月数不含欠费月数；参保年月为该险种首次参保缴费的年月。本证明仅反映出具之日的记录。",
                               kNote, 8});
      break;
    case CertificateType::RightsRecord: {
      body.push_back(heading("一、参保情况"));
      body.push_back(participationTable(c.participations));
      body.push_back(heading("二、历年缴费情况（基本养老保险）"));
      body.push_back(yearlyTable(c.contributionsByYear));
      body.push_back(heading("三、基本养老保险个人账户"));
      const auto& account = c.pensionAccount;
      const std::string asOf = account && account->asOfYear ? fmt::format("截至{}年末，", *account->asOfYear) : "";
      body.push_back(Paragraph{
          fmt::format("{}个人账户累计储存额：{} 元。", asOf, yuan(account ? account->balanceFen : 0)), kBody, 4});
      body.push_back(Paragraph{"说明：仅列证明期间内的缴费月份；缴费基数为该年度最高月缴费基数；欠费月份不计入缴费月数和个人账户。", kNote, 8});
      return body;   // a statement, not an attestation: no closing signature block
    }
    case CertificateType::Benefit:
      for (const auto& b : c.benefits)
        body.push_back(Paragraph{fmt::format("兹证明{}自{}起按月领取{}，截至{}已发放{}个月，最近一期月发放金额{}元。", who,
                                             chineseMonth(b.since), benefitName(b.type), chineseMonth(b.latestMonth),
                                             b.payments, yuan(b.monthlyFen)),
                                 kBody, 10});
      body.push_back(benefitTable(c.benefits));
      body.push_back(Paragraph{"特此证明。", kBody, 12});
      break;
  }
  body.push_back(closing(options, issued));
  return body;
}

}  // namespace onestop::documents

#include "documents/receipt.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/masking.hpp"
#include "core/utf8.hpp"
#include "documents/wording.hpp"
#include "printer/escpos/escpos_writer.hpp"

namespace onestop::documents {
namespace {

namespace esc = peripherals::escpos;
using esc::Alignment;

constexpr int kColumns = esc::kColumns;
constexpr std::u32string_view kNoLineStart = U"，。、；：！？）》」』”’…%";

std::string masked(const SubmittedItem& item) {
  switch (item.masking) {
    case Masking::None: return item.value;
    case Masking::Phone: return core::maskPhone(item.value);
    case Masking::Number: return core::maskIdNumber(item.value);
    case Masking::Name: return core::maskName(item.value);
    case Masking::Address: return core::maskAddress(item.value, item.clearChars);
    case Masking::BankAccount: return core::maskBankAccount(item.value);
  }
  return core::maskName(item.value);
}

std::string_view ratingName(int level) {
  static constexpr std::string_view kNames[] = {"非常不满意", "不满意", "基本满意", "满意", "非常满意"};
  return kNames[std::clamp(level, 1, 5) - 1];
}

std::string isoDay(std::chrono::year_month_day d) {
  return fmt::format("{:04d}{:02d}{:02d}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

// The receipt as it is written: a header, "label：value" fields, paragraphs, a QR code.
class Layout {
 public:
  explicit Layout(const ReceiptOptions& options) : options_(options) {
    w_.initialize().chineseMode(true);
  }

  void header(std::string_view title) {
    w_.align(Alignment::Centre).bold(true).line(options_.agencyName).bold(false);
    w_.size(2, 2).line(title).size(1, 1).align(Alignment::Left);
    rule();
  }
  void rule() { w_.line(std::string(kColumns, '-')); }
  void field(std::string_view label, std::string_view value, bool emphasise = false) {
    const std::string text = fmt::format("{}：{}", label, value);
    if (emphasise) w_.bold(true);
    for (const auto& l : wrapColumns(text, kColumns, esc::displayColumns(label) + 2)) w_.line(l);
    if (emphasise) w_.bold(false);
  }
  void paragraph(std::string_view text) {
    for (const auto& l : wrapColumns(text, kColumns)) w_.line(l);
  }
  void big(std::string_view text, int size) {
    w_.align(Alignment::Centre).size(size, size).bold(true).line(text).bold(false).size(1, 1).align(Alignment::Left);
  }
  void qr(std::string_view payload) {
    if (payload.empty()) return;
    w_.feed(1).align(Alignment::Centre).qrCode(payload, options_.qrModuleDots).feed(1).align(Alignment::Left);
  }
  void footer(std::string_view note) {
    rule();
    w_.line(fmt::format("终端编号：{}", options_.kioskId));
    paragraph(note);
    w_.feed(4).cut();
  }
  std::string time(std::chrono::sys_seconds t) const { return localDateTime(t, options_.utcOffsetMinutes); }
  std::string day(std::chrono::sys_seconds t) const { return chineseDate(localDay(t, options_.utcOffsetMinutes)); }
  esc::EscPosWriter& writer() { return w_; }

 private:
  const ReceiptOptions& options_;
  esc::EscPosWriter w_;
};

void layOut(Layout& l, const FilingReceipt& r) {
  l.header(r.provisional ? "临时受理凭证" : "受理回执");
  if (r.provisional) {
    l.field("临时凭证号", r.provisionalReference, true);
  } else {
    l.field("受理编号", r.acceptanceNumber, true);
  }
  l.field("办理事项", r.serviceName);
  l.field(r.provisional ? "提交时间" : "受理时间", l.time(r.acceptedAt));
  if (!r.submitted.empty()) {
    l.writer().line("提交内容：");
    for (const auto& item : r.submitted) l.paragraph(fmt::format("  {}：{}", item.label, masked(item)));
  }
  if (r.timeLimitWorkingDays == 0) {
    l.field("承诺时限", "当场办结");
  } else {
    const std::string due = r.dueOn ? fmt::format("，{}前办结", chineseDate(*r.dueOn)) : "";
    l.field("承诺时限", fmt::format("{}个工作日{}", r.timeLimitWorkingDays, due));
  }
  if (!r.note.empty()) l.paragraph(r.note);
  if (r.provisional) {
    l.rule();
    l.writer().bold(true);
    l.paragraph("终端暂时无法连接业务系统，本凭证为临时凭证，联网后将确认受理并生成受理编号。");
    l.writer().bold(false);
    l.paragraph("确认后可凭身份证在任一自助终端“办理进度查询”中查看；承诺时限自确认受理之日起计算。");
  } else {
    l.field("办理进度", "扫描下方二维码，或在自助终端“办理进度查询”中输入受理编号查看。");
    l.qr(receiptQrPayload(r));
  }
}

void layOut(Layout& l, const CertificateReceipt& r) {
  l.header("证明出具回执");
  l.field("受理编号", r.acceptanceNumber, true);
  l.field("办理事项", r.serviceName);
  l.field("出具时间", l.time(r.issuedAt));
  l.field("证明编号", r.serial);
  l.field("验证码", r.verificationCodePrinted);
  l.field("页数", fmt::format("{}页", r.pages));
  l.field("有效期至", l.day(r.validUntil));
  l.field("办理结果", "已当场办结");
  l.paragraph("证明真伪可扫描证明上的二维码，或凭验证码在验证网站核验。");
  l.qr(receiptQrPayload(r));
}

void layOut(Layout& l, const QueueTicketReceipt& r) {
  l.header("排队凭条");
  l.big(r.ticketNumber, 4);
  l.writer().feed(1);
  l.field("办理事项", r.serviceName);
  if (r.peopleAhead) l.field("等候人数", fmt::format("您前面还有{}人", *r.peopleAhead));
  else l.field("等候人数", "终端离线，暂无法统计");
  l.field("取号时间", l.time(r.issuedAt));
  if (!r.peopleAhead) l.paragraph("本号由本机在离线时发放，已为您保留，联网后自动登记；按取号时间先后叫号。");
  l.paragraph("请留意大厅叫号屏和语音提示；过号请重新取号。所需材料见本事项办事指南。");
  l.qr(receiptQrPayload(r));
}

void layOut(Layout& l, const RatingReceipt& r) {
  l.header("评价回执");
  l.field("受理编号", r.acceptanceNumber, true);
  l.field("办理事项", r.serviceName);
  l.field("评价", std::string(ratingName(r.level)));
  l.field("评价时间", l.time(r.ratedAt));
  if (r.provisional) l.paragraph("终端暂时离线，评价已保存，联网后自动提交。");
  l.paragraph("感谢您的评价，我们将持续改进服务。");
  l.qr(receiptQrPayload(r));
}

std::optional<std::string> check(const Receipt& receipt) {
  auto isAcceptance = [](const std::string& s) {
    return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  return std::visit(
      [&](const auto& r) -> std::optional<std::string> {
        using T = std::decay_t<decltype(r)>;
        if (r.serviceName.empty()) return "serviceName: empty";
        if constexpr (std::is_same_v<T, FilingReceipt>) {
          if (r.provisional && r.provisionalReference.empty()) return "provisionalReference: empty";
          if (!r.provisional && !isAcceptance(r.acceptanceNumber)) return "acceptanceNumber: not 16 digits";
          if (r.timeLimitWorkingDays < 0) return "timeLimitWorkingDays: negative";
        } else if constexpr (std::is_same_v<T, QueueTicketReceipt>) {
          if (r.ticketNumber.size() != 4 || r.ticketNumber[0] < 'A' || r.ticketNumber[0] > 'Z')
            return "ticketNumber: not a letter and three digits";
          if (!r.day.ok()) return "day: not a date";
        } else {
          if (!isAcceptance(r.acceptanceNumber)) return "acceptanceNumber: not 16 digits";
        }
        return std::nullopt;
      },
      receipt);
}

}  // namespace

std::vector<SubmittedItem> filingItems(const std::vector<core::FilingDetail>& details) {
  std::vector<SubmittedItem> out;
  for (const auto& d : details) {
    SubmittedItem item;
    item.label = std::string(filingFieldLabel(d.key));
    if (item.label.empty()) continue;   // a field without a printed label is not printed
    item.value = d.text;
    if (d.key == "phone") {
      item.masking = Masking::Phone;
    } else if (d.key == "accountNumber") {
      item.masking = Masking::BankAccount;
    } else if (d.key == "address") {
      item.masking = Masking::Address;
      item.clearChars = d.regionChars;
    } else if (d.key == "startMonth" && core::isMonthText(d.text)) {
      item.value = fmt::format("{}年{}月", d.text.substr(0, 4), d.text.substr(5, 2));
    } else if (d.key == "baseFen") {
      item.value = yuan(d.number) + "元";
    }
    out.push_back(std::move(item));
  }
  return out;
}

std::string receiptQrPayload(const Receipt& receipt) {
  return std::visit(
      [](const auto& r) -> std::string {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, QueueTicketReceipt>) {
          return "OSQ1." + isoDay(r.day) + "." + r.ticketNumber;
        } else if constexpr (std::is_same_v<T, FilingReceipt>) {
          return r.provisional ? std::string() : "OSR1." + r.acceptanceNumber;
        } else {
          return "OSR1." + r.acceptanceNumber;
        }
      },
      receipt);
}

core::Result<std::vector<std::uint8_t>> encodeReceipt(const Receipt& receipt, const ReceiptOptions& options) {
  if (auto problem = check(receipt)) return core::Error{"receipt: " + *problem};
  Layout layout(options);
  std::visit([&](const auto& r) { layOut(layout, r); }, receipt);
  layout.footer(std::holds_alternative<QueueTicketReceipt>(receipt) ? "请保管好本凭条，叫号后凭条到窗口办理。"
                                                                   : "请妥善保管本回执，办理进度以受理编号为准。");
  if (layout.writer().hasError()) return core::Error{"receipt: " + layout.writer().error()};
  return layout.writer().bytes();
}

std::vector<std::string> wrapColumns(std::string_view text, int columns, int indent) {
  std::vector<std::string> lines;
  const auto cps = core::decodeUtf8(text);
  std::string line;
  int used = 0;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const int w = esc::displayColumns(cps[i]);
    if (used + w > columns && used > indent) {
      // Carry the last character over when a closing mark would start the next line.
      std::string carry;
      if (kNoLineStart.find(cps[i]) != std::u32string_view::npos && i > 0) {
        const auto last = core::decodeUtf8(line);
        if (last.size() > 1) {
          line.clear();
          for (std::size_t k = 0; k + 1 < last.size(); ++k) core::appendUtf8(line, last[k]);
          core::appendUtf8(carry, last.back());
        }
      }
      lines.push_back(line);
      line = std::string(static_cast<std::size_t>(indent), ' ') + carry;
      used = indent + esc::displayColumns(carry);
    }
    core::appendUtf8(line, cps[i]);
    used += w;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

}  // namespace onestop::documents

#include "web/static_assets.hpp"

namespace onestop::central::web {

// Colours keep text at 4.5:1 or more against its background (shared/specs/accessibility.md);
// every coloured state also says so in words.
const std::string_view kConsoleCss = R"css(
*{box-sizing:border-box}
html{font-size:16px}
body{margin:0;font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei","PingFang SC","Source Han Sans SC",
"BabelStone Han","HanaMinA","HanaMinB",sans-serif;line-height:1.55;color:#1a1a1a;background:#f4f6f9}
header.top{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem;padding:.6rem 1.5rem;background:#1f3b63;color:#fff}
header.top .brand{font-weight:700;font-size:1.15rem}
header.top nav ul{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;margin:0;padding:0}
header.top nav a{display:block;padding:.45rem .8rem;border-radius:4px;color:#fff;text-decoration:none}
header.top nav a:hover,header.top nav a:focus{background:#2d5288}
header.top nav a[aria-current=page]{background:#fff;color:#1f3b63;font-weight:700}
header.top .tools{margin-left:auto;display:flex;align-items:center;gap:1rem}
header.top .who{display:flex;align-items:center;gap:.6rem}
header.top .who form{margin:0}
header.top a.lang,header.top button.link{color:#fff;background:none;border:1px solid #9db3d3;border-radius:4px;
padding:.3rem .7rem;margin:0;min-height:0;font:inherit;cursor:pointer;text-decoration:none}
main{max-width:1240px;margin:0 auto;padding:1.2rem 1.5rem 3rem}
h1{font-size:1.6rem;margin:.4rem 0 1rem}
h2{font-size:1.25rem;margin:1.6rem 0 .6rem}
p.lead{font-size:1.05rem}
.hint{color:#4a5463;font-size:.92rem}
a{color:#1a4f99}
table{border-collapse:collapse;width:100%;background:#fff;margin:.4rem 0 1rem}
th,td{border:1px solid #cfd6df;padding:.45rem .6rem;text-align:left;vertical-align:top}
th{background:#e8edf4;font-weight:700}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr.overdue td{background:#fde8e6}
tr.soon td{background:#fff6dc}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:3px;font-size:.9rem;font-weight:700;white-space:nowrap}
.badge.bad{background:#8a1c14;color:#fff}
.badge.warn{background:#6b4a00;color:#fff}
.badge.ok{background:#1e5b2e;color:#fff}
.badge.info{background:#1f3b63;color:#fff}
.notice{padding:.7rem 1rem;border-radius:4px;margin:.6rem 0 1rem;border:1px solid}
.notice.info{background:#eaf1fb;border-color:#9db3d3}
.notice.ok{background:#e6f4ea;border-color:#7fb48e;color:#1e5b2e}
.notice.warn{background:#fff6dc;border-color:#d9b45a;color:#5a3e00}
.notice.error{background:#fde8e6;border-color:#d9827a;color:#7a170f}
.panel{background:#fff;border:1px solid #cfd6df;border-radius:6px;padding:1rem 1.2rem;margin:.8rem 0 1.2rem;max-width:760px}
form label{display:block;font-weight:700;margin:.6rem 0 .25rem}
input[type=text],input[type=password],input[type=date],textarea,select{font:inherit;font-size:1.05rem;padding:.45rem .6rem;
border:1px solid #7d8896;border-radius:4px;width:100%;max-width:32rem;background:#fff;color:#1a1a1a}
textarea{min-height:5.5rem}
input[type=text] + button{margin-left:.6rem}
.nowrap{white-space:nowrap}
button{font:inherit;font-size:1rem;min-height:44px;padding:.45rem 1.2rem;margin:.7rem .5rem 0 0;border-radius:4px;
border:1px solid #1f3b63;background:#1f3b63;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1f3b63}
button.danger{background:#8a1c14;border-color:#8a1c14}
.inline-form{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:flex-end}
.inline-form label{margin:0 0 .25rem}
.inline-form input{width:auto}
.inline-form button{margin-top:0}
.columns{display:flex;flex-wrap:wrap;gap:1.5rem}
.columns>section{flex:1 1 420px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1.2rem;margin:.6rem 0}
dl.facts dt{font-weight:700;color:#333}
dl.facts dd{margin:0}
.change td.new{background:#e6f4ea;font-weight:700}
.verdict{border:2px solid;border-radius:6px;padding:1rem 1.3rem;margin:1rem 0;max-width:760px;background:#fff}
.verdict .verdict-title{font-size:1.45rem;font-weight:700;margin:0 0 .3rem}
.verdict.genuine{border-color:#1e5b2e}.verdict.genuine .verdict-title{color:#1e5b2e}
.verdict.bad{border-color:#8a1c14}.verdict.bad .verdict-title{color:#8a1c14}
.verdict.warn{border-color:#8a6100}.verdict.warn .verdict-title{color:#5a3e00}
.chain-ok{color:#1e5b2e;font-weight:700}.chain-bad{color:#8a1c14;font-weight:700}
.muted{color:#4a5463}
@media print{header.top{display:none}}
)css";

}  // namespace onestop::central::web

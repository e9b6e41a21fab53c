#include "documents/paged_body.hpp"

#include <cairo.h>

#include <algorithm>
#include <numeric>

namespace onestop::documents {
namespace {

constexpr double kCellPadX = 4;   // points
constexpr double kCellPadY = 3;

}  // namespace

PagedBody PagedBody::paginate(const Typesetter& ts, const std::vector<Block>& blocks, double width, double height) {
  PagedBody body;
  body.pages_.emplace_back();
  double y = 0;
  auto newPage = [&] {
    body.pages_.emplace_back();
    y = 0;
  };
  auto place = [&](Piece piece, double spaceBefore) {
    if (y > 0) y += spaceBefore;
    piece.y = y;
    y += piece.height;
    body.pages_.back().push_back(std::move(piece));
  };

  auto paragraphPiece = [&](const Paragraph& p) {
    Piece piece;
    Cell cell{ts.layout(p.text, p.style, width), 0, width, p.style.align};
    piece.height = Typesetter::size(cell.layout.get()).height;
    piece.cells.push_back(std::move(cell));
    return piece;
  };

  // A table row as a piece: cells laid out in their columns, the row as tall as its tallest cell.
  auto rowPiece = [&](const Table& t, const std::vector<std::string>& texts, bool header, bool bold) {
    const double shares = std::accumulate(t.columns.begin(), t.columns.end(), 0.0,
                                          [](double s, const Column& c) { return s + c.share; });
    Piece piece;
    piece.tableRow = true;
    piece.header = header;
    double x = 0, tallest = 0;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      const double w = width * t.columns[i].share / shares;
      TextStyle style = t.style;
      style.bold = bold || header;
      style.lineSpacing = 1.15;
      style.align = header ? Align::Centre : t.columns[i].align;
      Cell cell{ts.layout(i < texts.size() ? texts[i] : "", style, w - 2 * kCellPadX), x, w, style.align};
      tallest = std::max(tallest, Typesetter::size(cell.layout.get()).height);
      piece.cells.push_back(std::move(cell));
      x += w;
    }
    piece.height = tallest + 2 * kCellPadY;
    return piece;
  };

  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (const auto* p = std::get_if<Paragraph>(&blocks[b])) {
      Piece piece = paragraphPiece(*p);
      double needed = piece.height + (y > 0 ? p->spaceBefore : 0);
      if (p->keepWithNext && b + 1 < blocks.size()) {
        // Room for the heading and the first line of what follows (a table's header and first row).
        if (const auto* next = std::get_if<Table>(&blocks[b + 1])) {
          needed += next->spaceBefore + 2 * rowPiece(*next, {}, true, false).height;
        } else {
          needed += paragraphPiece(std::get<Paragraph>(blocks[b + 1])).height;
        }
      }
      if (y > 0 && y + needed > height) newPage();
      place(std::move(piece), p->spaceBefore);
      continue;
    }
    const auto& t = std::get<Table>(blocks[b]);
    std::vector<std::string> headers;
    for (const auto& c : t.columns) headers.push_back(c.header);
    auto header = rowPiece(t, headers, true, false);
    bool headerOnPage = false;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const bool bold = std::find(t.boldRows.begin(), t.boldRows.end(), r) != t.boldRows.end();
      Piece row = rowPiece(t, t.rows[r], false, bold);
      const double headerRoom = headerOnPage ? 0 : header.height + (y > 0 ? t.spaceBefore : 0);
      if (y > 0 && y + headerRoom + row.height > height) {
        newPage();
        headerOnPage = false;
      }
      if (!headerOnPage) {
        place(rowPiece(t, headers, true, false), t.spaceBefore);
        headerOnPage = true;
      }
      place(std::move(row), 0);
    }
  }
  return body;
}

void PagedBody::drawPage(cairo_t* cr, int index, double x0, double y0) const {
  if (index < 0 || index >= pageCount()) return;
  for (const auto& piece : pages_[static_cast<std::size_t>(index)]) {
    const double top = y0 + piece.y;
    if (piece.tableRow) {
      const double left = x0 + piece.cells.front().x;
      const double right = x0 + piece.cells.back().x + piece.cells.back().width;
      if (piece.header) {
        cairo_set_source_rgb(cr, 0.90, 0.92, 0.94);
        cairo_rectangle(cr, left, top, right - left, piece.height);
        cairo_fill(cr);
      }
      cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
      cairo_set_line_width(cr, 0.5);
      for (const auto& cell : piece.cells) cairo_rectangle(cr, x0 + cell.x, top, cell.width, piece.height);
      cairo_stroke(cr);
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (const auto& cell : piece.cells) {
      const double padX = piece.tableRow ? kCellPadX : 0;
      const double padY = piece.tableRow ? kCellPadY : 0;
      Typesetter::draw(cr, cell.layout.get(), x0 + cell.x + padX, top + padY);
    }
  }
}

}  // namespace onestop::documents

#pragma once
// The body of a multi-page document: paragraphs and tables, measured once and split into
// pages. A table that does not fit continues on the next page under a repeated header
// row; a heading marked keepWithNext never ends a page alone.
#include <string>
#include <variant>
#include <vector>

#include "documents/typesetter.hpp"

namespace onestop::documents {

struct Paragraph {
  std::string text;
  TextStyle style;
  double spaceBefore = 0;      ///< points above, dropped at the top of a page
  bool keepWithNext = false;   ///< a heading: moves to the next page with what follows
};

struct Column {
  std::string header;
  double share = 1;            ///< of the table width, relative to the other columns
  Align align = Align::Left;
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> boldRows;   ///< e.g. a total
  TextStyle style{10.0};
  double spaceBefore = 4;
};

using Block = std::variant<Paragraph, Table>;

class PagedBody {
 public:
  /// Measures and paginates `blocks` into pages of `width` × `height` points.
  static PagedBody paginate(const Typesetter& typesetter, const std::vector<Block>& blocks, double width,
                            double height);

  int pageCount() const { return static_cast<int>(pages_.size()); }
  /// Draws page `index` with its top-left corner at (x, y).
  void drawPage(cairo_t* cr, int index, double x, double y) const;

 private:
  struct Cell {
    LayoutPtr layout;
    double x = 0, width = 0;
    Align align = Align::Left;
  };
  // One paragraph or one table row, at y from the top of its page.
  struct Piece {
    std::vector<Cell> cells;
    double y = 0, height = 0;
    bool tableRow = false;
    bool header = false;
  };
  std::vector<std::vector<Piece>> pages_;
};

}  // namespace onestop::documents

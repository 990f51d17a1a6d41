/*
 * grid — the screen as an array of cells, which render fills and tui blits.
 *
 * A wide character owns its lead cell and a continuation cell; zero-width
 * characters (combining marks, ZWJ) ride on the cell before them. Every
 * character is sanitised (SPEC 3.5) on the way in and measured with
 * text_width, so the grid is exactly what the layout computed. Tests read
 * it. Depends on text and hanfold; never on curses.
 */
#ifndef FAYAN_GRID_H
#define FAYAN_GRID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hanfold.h"
#include "theme.h"

enum { CELL_MARKS = 2 };

struct cell {
	uint32_t ch;               /* 0 in a continuation cell */
	uint32_t marks[CELL_MARKS]; /* zero-width characters after ch */
	uint8_t style;
	uint8_t width; /* 1 or 2 for a lead cell, 0 for a continuation */
};

struct grid {
	int rows, cols;
	struct cell *cells;
	int ambiguous_width;
	/* t (SPEC 3.2): every character drawn in Simplified, one for one, so
	 * that the list, the title and the overlays read as the text does;
	 * NULL: as written */
	const struct hanfold *simplify;
	int cursor_row, cursor_col; /* -1: hidden */
	size_t work; /* overlay entries built by the last frame (a test counts them) */
};

void grid_init(struct grid *g);
void grid_fini(struct grid *g);
void grid_resize(struct grid *g, int rows, int cols);
void grid_clear(struct grid *g);
/* The cell at row, col (in the grid): inline, for a frame asks it of
 * every cell. */
static inline struct cell *grid_at(struct grid *g, int row, int col)
{
	return &g->cells[(size_t)row * (size_t)g->cols + (size_t)col];
}
/* Fills [col, end_col) of row with spaces of style st. */
void grid_fill(struct grid *g, int row, int col, int end_col, enum style st);
/*
 * Writes s at (row, col), stopping before end_col; a wide character that
 * would straddle end_col becomes a space. Returns the column after the
 * last cell written.
 */
int grid_put(struct grid *g, int row, int col, int end_col, const char *s, size_t len,
	     enum style st);
int grid_puts(struct grid *g, int row, int col, int end_col, const char *s, enum style st);
/* Row as UTF-8 text (continuation cells skipped), for tests. */
void grid_row_text(const struct grid *g, int row, char *out, size_t size);

#endif

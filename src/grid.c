#include "grid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "util.h"

void grid_init(struct grid *g)
{
	*g = (struct grid){.ambiguous_width = 1, .cursor_row = -1, .cursor_col = -1};
}

void grid_fini(struct grid *g)
{
	free(g->cells);
	g->cells = NULL;
	g->rows = g->cols = 0;
}

void grid_resize(struct grid *g, int rows, int cols)
{
	free(g->cells);
	g->rows = MAX(rows, 0);
	g->cols = MAX(cols, 0);
	g->cells = xcalloc((size_t)g->rows * (size_t)g->cols + 1, sizeof(struct cell));
	grid_clear(g);
}

void grid_clear(struct grid *g)
{
	int r;

	for (r = 0; r < g->rows; r++)
		grid_fill(g, r, 0, g->cols, ST_NORMAL);
	g->cursor_row = g->cursor_col = -1;
}

/* Before a cell is overwritten: a wide character it half covers becomes a
 * space, so no half of a wide character is ever left behind. */
static void claim(struct grid *g, int row, int col)
{
	struct cell *c = grid_at(g, row, col);

	if (c->width == 0 && col > 0 && grid_at(g, row, col - 1)->width == 2)
		*grid_at(g, row, col - 1) = (struct cell){.ch = ' ', .style = c->style, .width = 1};
	if (c->width == 2 && col + 1 < g->cols)
		*grid_at(g, row, col + 1) = (struct cell){.ch = ' ', .style = c->style, .width = 1};
}

/* Only the ends of the run are claimed: a wide character inside it is
 * overwritten whole (each frame fills every row, most of them whole). */
void grid_fill(struct grid *g, int row, int col, int end_col, enum style st)
{
	col = MAX(col, 0);
	end_col = MIN(end_col, g->cols);
	if (row < 0 || row >= g->rows || col >= end_col)
		return;
	claim(g, row, col);
	claim(g, row, end_col - 1);
	for (struct cell *c = grid_at(g, row, col), *end = c + (end_col - col); c < end; c++)
		*c = (struct cell){.ch = ' ', .style = st, .width = 1};
}

static void add_mark(struct cell *c, uint32_t uc)
{
	size_t i;

	for (i = 0; i < CELL_MARKS; i++)
		if (!c->marks[i]) {
			c->marks[i] = uc;
			return;
		}
}

int grid_put(struct grid *g, int row, int col, int end_col, const char *s, size_t len,
	     enum style st)
{
	size_t i = 0;
	uint32_t uc;
	int w;

	if (row < 0 || row >= g->rows)
		return col;
	end_col = MIN(end_col, g->cols);
	while (i < len && col < end_col) {
		i += text_next(s + i, len - i, &uc);
		if (g->simplify)
			uc = hanfold_simplify(g->simplify, uc);
		uc = text_sanitise(uc);
		if (text_is_invisible_format(uc))
			continue; /* each emoji of a ZWJ sequence stands on its own */
		w = text_width(uc, g->ambiguous_width);
		if (w == 0) {
			if (col > 0) {
				int lead = col - 1;
				while (lead > 0 && grid_at(g, row, lead)->width == 0)
					lead--;
				add_mark(grid_at(g, row, lead), uc);
			}
			continue;
		}
		if (col + w > end_col) {
			grid_fill(g, row, col, end_col, st);
			return end_col;
		}
		claim(g, row, col);
		if (w == 2)
			claim(g, row, col + 1);
		*grid_at(g, row, col) = (struct cell){.ch = uc, .style = st, .width = (uint8_t)w};
		if (w == 2)
			*grid_at(g, row, col + 1) = (struct cell){.style = st, .width = 0};
		col += w;
	}
	return col;
}

int grid_puts(struct grid *g, int row, int col, int end_col, const char *s, enum style st)
{
	return grid_put(g, row, col, end_col, s, strlen(s), st);
}

void grid_row_text(const struct grid *g, int row, char *out, size_t size)
{
	struct buf b = {0};
	int col;
	size_t i;

	for (col = 0; col < g->cols; col++) {
		const struct cell *c = &g->cells[(size_t)row * (size_t)g->cols + (size_t)col];
		if (c->width == 0)
			continue;
		buf_add_uc(&b, c->ch);
		for (i = 0; i < CELL_MARKS && c->marks[i]; i++)
			buf_add_uc(&b, c->marks[i]);
	}
	snprintf(out, size, "%s", b.data ? b.data : "");
	buf_fini(&b);
}

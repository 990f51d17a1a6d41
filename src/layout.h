/*
 * layout — screen size → where the title, panes and status line go, and the
 * "terminal too small" verdict (SPEC 3). Pure arithmetic; no curses.
 */
#ifndef FAYAN_LAYOUT_H
#define FAYAN_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

enum {
	LAYOUT_MIN_COLS = 20,
	LAYOUT_MIN_ROWS = 6,
	LAYOUT_LIST_MIN_COLS = 40, /* below this the list hides itself */
	LAYOUT_LIST_MIN_WIDTH = 10,
};

struct layout {
	bool too_small;
	bool list_shown;
	int list_width;   /* columns of the list, border excluded */
	int border_col;   /* column of the border between the panes */
	int text_col;     /* first column of the text */
	int text_width;   /* columns the text is wrapped to */
	int body_top;     /* first row of the panes */
	int body_rows;    /* rows of the panes */
	int status_row;
};

/* A rectangle of cells: an overlay's inner area, its frame around it. */
struct box {
	int top, left, rows, cols;
};

/* The overlay's box for count entries on a rows × cols screen laid out as l;
 * wide (the concordance) takes the screen's width. render draws it and the
 * mouse is tested against it. */
void layout_overlay_box(const struct layout *l, int cols, size_t count, bool wide, struct box *b);
/* Whether (row, col) is inside b, or inside its frame. */
bool layout_in_box(const struct box *b, int row, int col);
bool layout_in_frame(const struct box *b, int row, int col);

/* list_width is the wanted width of the list; it is clamped to the screen. */
/* text_width: the measure the text is wrapped to, 0 for the whole pane. */
void layout_compute(struct layout *l, int rows, int cols, bool list_hidden, int list_width,
		    int text_width);
/* The list's default width for a screen this wide. */
int layout_default_list_width(int cols);

#endif

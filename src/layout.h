/*
 * layout — screen size → where the title, panes and status line go, and the
 * "terminal too small" verdict (SPEC 3). Pure arithmetic; no curses.
 */
#ifndef FAYAN_LAYOUT_H
#define FAYAN_LAYOUT_H

#include <stdbool.h>

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

/* list_width is the wanted width of the list; it is clamped to the screen. */
void layout_compute(struct layout *l, int rows, int cols, bool list_hidden, int list_width);
/* The list's default width for a screen this wide. */
int layout_default_list_width(int cols);

#endif

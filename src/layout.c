#include "layout.h"

#include "util.h"

int layout_default_list_width(int cols)
{
	return MAX(LAYOUT_LIST_MIN_WIDTH, MIN(30, cols * 3 / 10));
}

/*
 *   row 0            title                                   部门: 全部
 *   rows 1..n-2      list │ text
 *   row n-1          status
 */
void layout_compute(struct layout *l, int rows, int cols, bool list_hidden, int list_width)
{
	*l = (struct layout){0};
	l->too_small = rows < LAYOUT_MIN_ROWS || cols < LAYOUT_MIN_COLS;
	l->body_top = 1;
	l->body_rows = MAX(rows - 2, 0);
	l->status_row = rows - 1;
	l->list_shown = !list_hidden && cols >= LAYOUT_LIST_MIN_COLS;
	if (l->list_shown) {
		l->list_width = MAX(LAYOUT_LIST_MIN_WIDTH, MIN(list_width, cols - 22));
		l->border_col = l->list_width;
		l->text_col = l->border_col + 2;
	} else {
		l->border_col = -1;
		l->text_col = 1;
	}
	l->text_width = MAX(cols - l->text_col - 1, 2);
}

#include "layout.h"

#include "util.h"

void layout_overlay_box(const struct layout *l, int cols, size_t count, bool wide, struct box *b)
{
	b->cols = MIN(cols - 6, wide ? cols - 6 : 64);
	b->rows = (int)MIN((size_t)MAX(l->body_rows - 2, 1), count);
	b->top = 1 + MAX((l->body_rows - b->rows) / 2, 1);
	b->left = (cols - b->cols) / 2;
}

bool layout_in_box(const struct box *b, int row, int col)
{
	return row >= b->top && row < b->top + b->rows && col >= b->left && col < b->left + b->cols;
}

bool layout_in_frame(const struct box *b, int row, int col)
{
	return row >= b->top - 1 && row <= b->top + b->rows && col >= b->left - 2 &&
	       col <= b->left + b->cols + 1;
}

int layout_default_list_width(int cols)
{
	return MAX(LAYOUT_LIST_MIN_WIDTH, MIN(30, cols * 3 / 10));
}

/*
 *   row 0            title                                   部门: 全部
 *   rows 1..n-2      list │ text
 *   row n-1          status
 */
void layout_compute(struct layout *l, int rows, int cols, bool list_hidden, int list_width,
		    int text_width)
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
	if (text_width > 0) /* a readable measure on a wide screen */
		l->text_width = MAX(MIN(l->text_width, text_width), 2);
}

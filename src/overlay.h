/*
 * overlay — the overlays as one mechanism (help, department picker,
 * outline, concordance, findings): each kind says what its title is, how
 * many rows it has, what each row shows (as up to three fields at columns
 * of the box), the text typing looks for in a row, and what choosing a row
 * does. The state moves, scrolls, narrows and chooses through this table;
 * render draws the rows it gives. Part of state; no curses.
 */
#ifndef FAYAN_OVERLAY_H
#define FAYAN_OVERLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "text.h"

struct state;

enum { ROW_FIELDS = 3 };

/* One row as text: field k starts at column col[k] of the box and is cut
 * (with …) where the next field, or the box, begins. */
struct overlay_row {
	int n;
	int col[ROW_FIELDS];
	struct buf text[ROW_FIELDS];
	bool plain; /* drawn as it is (the concordance's aligned lines), not cut */
	int mark_col, mark_width; /* columns drawn as a match (the concordance's term); 0 wide: none */
};

struct overlay_kind {
	const char *title;
	bool pager; /* no selection: its keys scroll it (help, findings) */
	bool wide;  /* as wide as the screen */
	bool counted; /* the title says which entry of how many (the concordance's i/N) */
	/* Prepares it; false (with a message) when there is nothing to show. */
	bool (*open)(struct state *st);
	size_t (*count)(const struct state *st);
	/* Row i (of all its rows) for a box cols wide at this Ambiguous width. */
	void (*row)(const struct state *st, size_t i, int cols, int ambiguous, struct overlay_row *out);
	/* The text typing looks for in row i (NULL for a pager). */
	struct str (*find_text)(const struct state *st, size_t i, struct buf *scratch);
	void (*choose)(struct state *st, size_t i);
	/* Gives back what open made (NULL: nothing to give back). */
	void (*close)(struct state *st);
};

/* The kind of an open overlay (ov is not OV_NONE). */
const struct overlay_kind *overlay_kind(int ov);
/* Whether ov reads like a pager (no selection): help, the findings. */
bool overlay_is_pager(int ov);

void overlay_row_init(struct overlay_row *r);
void overlay_row_fini(struct overlay_row *r);

#endif

/*
 * state — everything the reader shows, and state_apply, the one place keys
 * change it. Pure: no curses, no I/O. What needs the terminal (suspend,
 * pipe, repaint) is left in state.request for the main loop to carry out.
 *
 * A state borrows the corpus and lexicon (they must outlive it) and owns its
 * list rows, the laid-out page and its search results; state_fini frees them.
 */
#ifndef FAYAN_STATE_H
#define FAYAN_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "corpus.h"
#include "group.h"
#include "keymap.h"
#include "mark.h"
#include "layout.h"
#include "lexicon.h"
#include "page.h"
#include "search.h"
#include "view.h"

enum focus { FOCUS_LIST, FOCUS_TEXT };
enum overlay { OV_NONE, OV_HELP, OV_PICKER, OV_OUTLINE, OV_CONCORDANCE, OV_FINDINGS };
enum prompt { PROMPT_NONE, PROMPT_SEARCH, PROMPT_SPEAKER, PROMPT_PIPE };
enum request { REQ_NONE, REQ_QUIT, REQ_REDRAW, REQ_SUSPEND, REQ_PIPE, REQ_REPAINT_ALL, REQ_COPY };

enum { PROMPT_MAX = 256, HISTORY_MAX = 32, OV_QUERY_MAX = 32 };

#define ALL_DEPTS_NAME "全部" /* the picker's row 0, the title's filter when none */

/* The line of the text the reader is at, kept across relayouts and restarts. */
struct anchor {
	size_t para;   /* NO_PARA: a line outside the paragraphs */
	size_t offset; /* characters into the paragraph's block, or the line index */
};

struct state_opts {
	size_t dept;    /* GROUP_ALL, or the department to start filtered to */
	size_t speech;  /* the speech to open, (size_t)-1: the first */
	size_t scroll;  /* its first line shown */
	struct anchor at; /* or, with has_at, the place in its text to show first */
	bool has_at;
	bool focus_text;
	int ambiguous_width;
	bool fullwidth;
	const struct keymap *keys; /* borrowed, must outlive the state; NULL: the defaults */
	int list_width;  /* 0: in proportion to the screen */
	bool list_hidden;
	int text_width;  /* the text's measure; 0: the whole pane */
	enum view view;
	struct hanfold *han; /* 繁简 folding, made ready on first use; NULL: none */
	const struct mark *marks; /* MARK_COUNT of them, remembered; NULL: none */
	/* the configuration's wrong lines, for the ! list; borrowed */
	const struct config_error *config_errors;
	size_t config_error_count;
};



/*
 * The rows of one view for one filter (by department: every department's,
 * and a filter is a slice). ordinal maps a row to its speech's place among
 * the distinct speeches (a speech listed under two departments counts once,
 * where it first appears), first_row maps back, and speech_row finds a
 * speech's first row. In one department each speech is listed once: the
 * ordinal is the row.
 */
struct rowset {
	bool built;
	enum view view;
	size_t filter; /* GROUP_ALL in the department view */
	unsigned long used;
	struct group group;
	size_t *dept_row;  /* department (or depts.n: 未分部门) → its header row + 1 */
	size_t *dept_size; /* … → its speech rows */
	size_t *ordinal, *first_row, *speech_row;
	size_t all_distinct;
};

enum { ROWSETS = 4 };

struct state {
	const struct corpus *c;
	const struct lexicon *lex;
	const struct keymap *keys; /* opts' keys, or own_keys */
	struct keymap own_keys;
	int rows, cols;
	struct layout lay;

	/*
	 * The list: the rows of the view (rs, one of a few row sets kept, so
	 * that going back to a view or filter costs nothing however large the
	 * library), and the filter's slice of them (view, row_count).
	 */
	struct state_list {
		enum view view_kind;
		struct people people; /* built when the speaker view is first shown */
		struct rowset rowsets[ROWSETS];
		struct rowset *rs;
		unsigned long rs_clock;
		const struct group_row *view;
		size_t row_count;
		size_t filter;
		size_t distinct_count; /* of the filter */
		size_t sel, top;
		bool hidden;
		int width;
		int width_set; /* what the user asked for; 0: in proportion */
	} list;

	enum focus focus;
	int text_width_set; /* the measure asked for; 0: the whole pane */
	int ambiguous_width;
	bool fullwidth;
	struct hanfold *han; /* borrowed */

	/* The reading: the open speech, laid out at the text width. */
	struct state_reading {
		size_t speech;
		struct page page;
		size_t scroll;
		struct anchor place; /* where the last key left the reader */
		bool place_valid;
		bool raw;        /* r: the lines as the file has them */
		bool simplified; /* t: the text in Simplified */
	} reading;

	enum overlay overlay;
	size_t ov_sel, ov_top, ov_count; /* of the entries shown */
	uint32_t ov_query[OV_QUERY_MAX]; /* typed into a list overlay */
	size_t ov_query_len;
	bool ov_narrowed;  /* the entries shown are ov_items, those holding the query */
	size_t *ov_items, ov_items_n, ov_items_cap;
	/* The open overlay's own data, made by its open and given back when it
	 * closes; read and written by its ops alone (overlay.c), as tig's
	 * view->private. */
	union overlay_data {
		struct outline outline;
		struct {
			struct help_row rows[ACT_COUNT];
			size_t count;
		} help;
		struct {
			int speaker_width[2]; /* at Ambiguous width 1 and 2 */
		} concord;
	} ov_data;

	/* The prompt: /, s or |, what is typed, and /'s history. */
	struct state_prompt {
		enum prompt kind;
		uint32_t input[PROMPT_MAX];
		size_t input_len;
		char *history[HISTORY_MAX];
		size_t history_count, history_pos;
	} prompt;

	/* The search: the term and its matches (found), where it started. */
	struct state_search {
		struct search found;
		/* The matches on the page, found once per page and term (a
		 * paragraph of megabytes is not searched again each frame):
		 * offsets into page.text, in order; k is the match's place in
		 * its block. */
		struct page_hit {
			size_t off, len, k;
		} *hits;
		size_t hit_count, hit_cap;
		unsigned hits_page, hits_search; /* the generations they were found for */
		size_t hit_scans; /* how often they were found (a test counts it) */
		size_t from_speech, from_scroll, from_sel;
		size_t match_index; /* current match among found */
		/* The matches in the order the list shows them (n, N), and each
		 * one's place in it; for which run of the search, view and filter. */
		size_t *match_order, *match_place;
		size_t order_count, order_runs, order_filter, runs;
		int order_view;
		size_t filter; /* the filter the matches were found in */
		size_t hidden; /* the matches outside it */
	} search;

	const struct config_error *config_errors; /* borrowed, for the ! list */
	size_t config_error_count;

	/* m and ': the marks, and which of the two waits for its letter */
	struct mark marks[MARK_COUNT];
	enum action mark_pending; /* ACT_NONE when neither */

	char message[160];
	enum request request;
	char *pipe_command; /* REQ_PIPE: what to run, owned */
};

void state_init(struct state *st, const struct corpus *c, const struct lexicon *lex,
		const struct state_opts *opts, int rows, int cols);
void state_fini(struct state *st);
void state_resize(struct state *st, int rows, int cols);
/* Applies one key (after keymap lookup, or to the prompt). */
void state_key(struct state *st, uint32_t key);
void state_apply(struct state *st, enum action act, int arg);

/* The entry shown at i of the open overlay (the list may be narrowed). */
size_t overlay_item(const struct state *st, size_t i);
/* Where the open overlay is drawn. */
void state_overlay_box(const struct state *st, struct box *b);
/* A mouse event at screen cell (row, col) (SPEC 3.7). */
void state_mouse(struct state *st, enum mouse_kind kind, int row, int col);
/* Lays the page out again (after the ambiguous width changed, say). */
void state_relayout(struct state *st);

/* Where the reader is in the text (for the place file). */
struct anchor state_anchor(const struct state *st);
/* The filter's number of distinct speeches, and the selected one's ordinal. */
size_t state_position(const struct state *st, size_t *total);
/* How far into the speech the view is, 0-100. */
int state_percent(const struct state *st);
/* Short role of a list row: the role of the speech's last post there. */
struct str state_row_role(const struct state *st, size_t row);
/* The speech text as --print shows it, for |. Caller frees. */
char *state_plain_speech(const struct state *st, size_t *len);

#endif

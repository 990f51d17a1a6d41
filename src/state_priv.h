/*
 * state_priv — how the parts of the state call each other; not for other
 * modules. Calls go one way, down this list: the key dispatcher (state.c)
 * calls the parts; a part calls only the parts below it, never back up.
 *
 *     state.c        init, keys, mouse, resize: calls every part
 *     overlay.c      the overlays, and typing into a list overlay
 *     state_nav.c    moves of the panes, marks, =
 *     state_find.c   search, prompts, the matches in list order
 *     state_rows.c   the list's rows, views and filters
 *     state_page.c   the open speech, its page and scroll, the open row
 */
#ifndef FAYAN_STATE_PRIV_H
#define FAYAN_STATE_PRIV_H

#include "state.h"

/* overlay.c */
void open_overlay(struct state *st, enum overlay ov);
/* Closes the open overlay (if any), giving back its data. */
void overlay_close(struct state *st);
void overlay_apply(struct state *st, enum action act);
void overlay_keep_visible(struct state *st);
void overlay_mouse(struct state *st, enum mouse_kind kind, int row, int col);
/* Typing into a list overlay; false when key is not for the query. */
bool overlay_type(struct state *st, uint32_t key);

/* state_nav.c: the moves of the panes (rows, lines, pages, speeches,
 * collections, =); scroll_by moves the text by lines. */
void pane_apply(struct state *st, enum action act);
void scroll_by(struct state *st, long lines);
/* m and ': waits for the letter; then sets the mark, or goes to it. */
void mark_wait(struct state *st, enum action act);
void mark_key(struct state *st, uint32_t key);

/* state_find.c */
/* 繁简 folding made ready the first time a term has an ideograph (the
 * reader told once when it cannot be). */
void prepare_han(struct state *st, const char *term, size_t len);
void prompt_key(struct state *st, uint32_t key);
void open_prompt(struct state *st, enum prompt p);
void search_step(struct state *st, int dir);
void jump_to_match(struct state *st, size_t index);
/* Opens the page at a place in a paragraph (chars into its text). */
void show_in_para(struct state *st, size_t para, size_t chars);
/* The matches found again if the filter changed since they were. */
void refresh_matches(struct state *st);
/* Finds the search's matches on the page (search.hits) if the page or the term
 * changed since they were last found. */
void find_page_hits(struct state *st);

/* state_rows.c */
void free_rowsets(struct state *st);
/* The rows of the view for filter (all departments' in the department view). */
void build_rows(struct state *st, size_t filter);
size_t state_ordinal(const struct state *st, size_t row);
size_t row_of_ordinal(const struct state *st, size_t ord);
/* The row of speech in the list, or of the first speech when absent. */
size_t row_of(const struct state *st, size_t speech);
void set_filter(struct state *st, size_t filter);
void next_view(struct state *st);

/* state_page.c */
bool is_speech_row(const struct state *st, size_t row);
size_t max_scroll(const struct state *st);
/* Where the top line is, in terms that survive a relayout. */
struct anchor top_anchor(const struct state *st);
void scroll_to_anchor(struct state *st, struct anchor a);
void layout_page(struct state *st);
void ensure_page(struct state *st);
void open_speech(struct state *st, size_t speech, size_t scroll);
void keep_row_visible(struct state *st);
/* Selects row and shows its speech (from the top unless keep_scroll). */
void open_row(struct state *st, size_t row, bool keep_scroll);

#endif

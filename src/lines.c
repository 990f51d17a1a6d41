#include "lines.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "forkjoin.h"
#include "names.h"

enum { MIX_MIN_LINES = 2 };

static_assert((int)LAYOUT_COUNT <= 8, "a candidate bit for every layout");
static_assert(sizeof(struct pline) == 16, "a line record stays four words (the flags took the pad byte)");

/* ---- Step 1: lines ------------------------------------------------------ */

/*
 * The line starting at pos: its text without terminator in *raw; returns
 * where the next starts. When the decoder saw nothing but LF end lines and
 * no TAB (plain), memchr finds the ends; otherwise each byte is looked at,
 * CR, CRLF, U+0085, U+2028 and U+2029 end lines too, and TABs become spaces.
 */
static size_t next_line(char *text, size_t len, size_t pos, bool plain, struct str *raw)
{
	size_t end = pos, eol = 0;

	if (plain) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		end = nl ? (size_t)(nl - text) : len;
		eol = nl ? 1 : 0;
	} else {
		while (end < len && !(eol = decode_eol_len(text + end, len - end))) {
			if (text[end] == '\t')
				text[end] = ' ';
			end++;
		}
	}
	*raw = (struct str){text + pos, end - pos};
	return end + eol;
}

/* What the recognisers were last shown: line at's context. */
struct window {
	struct speaker_context ctx;
	size_t at; /* SIZE_MAX: nothing yet */
};

/* Moves the window to line i: slid on by one line, each line's text is
 * found once (as the next line) rather than twice. */
static void window_to(struct window *win, const struct lines *ls, const struct lexicon *lex,
		      size_t i, bool scan)
{
	struct speaker_context *ctx = &win->ctx;

	if (win->at != SIZE_MAX && win->at + 1 == i) {
		ctx->prev_bare = lines_has(ls, i - 1, LF_BARE);
		ctx->line = speaker_unmarked(lex, ctx->next);
		ctx->next = i + 1 < ls->n ? lines_text(ls, i + 1) : STR_NULL;
		ctx->next_bare = lines_has(ls, i + 1, LF_BARE);
		if (scan)
			speaker_scan(ctx);
	} else {
		*ctx = lines_context(ls, lex, i);
	}
	win->at = i;
}

/* Whether line i may be a speaker line of layout k: the first line is the
 * page's title when it reads as one (a quotation headline, 张三：把论文写在
 * 大地上, ends no sentence), unless the layout's own marks say otherwise. */
static bool may_speak(const struct lines *ls, size_t i, size_t k)
{
	return i > 0 || speaker_layout_marked((enum speech_layout)k) ||
	       (ls->v[0].flags & LF_COMPLETE);
}

/* Whether layout k's shape takes the window's line, its words aside: asked
 * where its lists refused it (words, the recogniser's count of the words it
 * asked, is not 0), of the layouts whose marks make a shape (bold's marks
 * are its names already). */
static bool shaped_as(struct window *win, enum speech_layout k, unsigned words,
		      struct speaker_line *sl)
{
	if (!words || !speaker_layout_marked(k) || k == LAYOUT_BOLD)
		return false;
	win->ctx.trust = NAMES_SHAPE;
	bool taken = speaker_match(&win->ctx, k, sl);
	win->ctx.trust = NAMES_LISTED;
	return taken;
}

/* The recognisers asked (a bit per layout) mark lines [from, to) of ls;
 * what they take is counted and kept in into's found, by line, and what
 * only their shape takes in into's shaped. */
static size_t mark_lines(struct lines *ls, const struct lexicon *lex, unsigned mask, size_t from,
			 size_t to, uint32_t *counts, struct window *win, struct lines *into)
{
	struct speaker_line sl;
	size_t i, k, marked = 0;
	unsigned words;

	for (i = from; i < to && i < ls->n; i++) {
		/* A credit, a trailer or preamble label is never a speaker's. */
		if (!mask || (ls->v[i].flags & (LF_BYLINE | LF_TRAILER | LF_PREAMBLE)))
			continue;
		window_to(win, ls, lex, i, speaker_needs_scan(mask));
		win->ctx.words_asked = &words;
		for (k = 0; k < LAYOUT_COUNT; k++) {
			if (!(mask >> k & 1) || !may_speak(ls, i, k))
				continue;
			words = 0;
			if (speaker_match(&win->ctx, (enum speech_layout)k, &sl)) {
				lines_keep_found(&into->found, i, (enum speech_layout)k, &sl, lines_text(ls, i));
				ls->v[i].cand |= (uint8_t)(1u << k);
				counts[k]++;
				marked++;
			} else if (shaped_as(win, (enum speech_layout)k, words, &sl)) {
				*VEC_PUSH(&into->shaped) = (struct shaped){(uint32_t)i, (uint8_t)k};
			}
		}
	}
	return marked;
}

static bool explains_better(const uint32_t *counts, enum speech_layout a, enum speech_layout b)
{
	if (b == LAYOUT_NONE)
		return true;
	return counts[a] > counts[b] ||
	       (counts[a] == counts[b] && speaker_layout_rank(a) < speaker_layout_rank(b));
}

/*
 * The layout with the most candidate lines wins (reported only where no
 * other has any); marked layouts with MIX_MIN_LINES candidates join it, as
 * their marks are evidence enough. Returns the active set as bits.
 */
static unsigned choose_layouts(const uint32_t *counts, enum speech_layout forced, enum speech_layout *primary)
{
	enum speech_layout best = LAYOUT_NONE;
	unsigned active;
	size_t k;

	if (forced != LAYOUT_NONE) {
		*primary = forced;
		return 1u << forced;
	}
	for (k = 0; k < LAYOUT_COUNT; k++)
		if (k != LAYOUT_REPORTED && counts[k] > 0 && explains_better(counts, (enum speech_layout)k, best))
			best = (enum speech_layout)k;
	if (best == LAYOUT_NONE)
		best = counts[LAYOUT_REPORTED] ? LAYOUT_REPORTED : LAYOUT_BOLD;
	active = 1u << best;
	for (k = 0; k < LAYOUT_COUNT; k++)
		if (speaker_layout_marked((enum speech_layout)k) && !speaker_layout_closes((enum speech_layout)k) &&
		    !speaker_layout_closes(best) && counts[k] >= MIX_MIN_LINES)
			active |= 1u << k;
	*primary = best;
	return active;
}

static void add_line(struct lines *ls, const struct lexicon *lex, struct str raw, size_t no)
{
	struct str trimmed = str_trim(raw);
	struct pline *l;

	if (trimmed.len == 0)
		return;
	l = VEC_PUSH(ls);
	l->raw_off = (uint32_t)(raw.s - ls->text);
	l->head_len = (uint32_t)(trimmed.s + trimmed.len - raw.s);
	l->lead = (uint8_t)MIN((size_t)(trimmed.s - raw.s), (size_t)LEAD_UNKNOWN);
	l->no = (uint32_t)no;
	l->flags = (uint16_t)lineclass_flags(lex, trimmed);
}

/* Room for the lines of a text with lf_count LFs at once: only the pages
 * written to are resident, and no doubling copies the array. */
static void reserve_lines(struct lines *ls, size_t n)
{
	ls->cap = MAX(n, (size_t)1);
	ls->v = n >= 4096 ? util_alloc_huge(ls->cap * sizeof(*ls->v)) : xmalloc(ls->cap * sizeof(*ls->v));
}

/* Reads the lines of in's text [from, to), numbering them on from *no. */
static void read_range(struct lines *ls, const struct lexicon *lex, const struct text_in *in,
		       size_t from, size_t to, size_t *no)
{
	size_t pos = from;
	struct str raw;

	while (pos < to) {
		if (in->plain && in->text[pos] == '\n') { /* a blank line: half of them */
			pos++;
			++*no;
			continue;
		}
		pos = next_line(in->text, to, pos, in->plain, &raw);
		add_line(ls, lex, raw, ++*no);
	}
}

/*
 * The reading, as a pipeline of fork-joins over the parts of the text
 * (whole lines each; one part for a short text), each step a barrier:
 *
 *   read    each part's lines into an array of its own, classified;
 *   place   each part's lines into the collection's array, numbered on;
 *   mark    each line by every recogniser (or the forced one), with both
 *           its neighbours in place: every line is asked, so a page's
 *           evidence is the whole file's (SPEC 1.5);
 *   choose  the layout from the counts of all the parts (this thread);
 *   mark    by reported too, where nothing else took a line.
 *
 * A part owns its array, its counts and what its recognisers found; the
 * lines a step writes are its part's alone. What the parts give, in
 * order, is what one part gives: the tests hold every cut to that.
 */
enum { MAX_PARTS = 32 };

struct part {
	size_t from, to;               /* its bytes of the text */
	size_t first;                  /* its first line in the collection's array */
	size_t no;                     /* the line ends before it */
	struct lines ls;               /* its lines until placed; then its found */
	size_t ends;                   /* its line ends */
	uint32_t counts[LAYOUT_COUNT]; /* its candidate lines */
};

struct reading {
	struct lines *ls;
	const struct lexicon *lex;
	const struct text_in *in;
	struct part parts[MAX_PARTS];
	size_t count;
	unsigned asked; /* the recognisers the mark step asks, a bit per layout */
};

static void read_part(void *arg, size_t k)
{
	struct reading *r = arg;
	struct part *p = &r->parts[k];
	const struct text_in *in = r->in;

	p->ls.text = in->text;
	if (r->count > 1) /* room for its share of the lines, as its share of the bytes */
		p->ls.cap = (size_t)((double)in->lf_count * (double)(p->to - p->from) /
				     (double)MAX(in->len, 1) * 1.125) + 16;
	else
		p->ls.cap = in->lf_count + 1;
	p->ls.v = xmalloc(p->ls.cap * sizeof(*p->ls.v));
	read_range(&p->ls, r->lex, in, p->from, p->to, &p->ends);
}

/* Moves part k's lines to their place and frees its array, so that the
 * collection's array fills as the parts' empty: the lines are held once,
 * but for a part or two. */
static void place_part(void *arg, size_t k)
{
	struct reading *r = arg;
	struct part *p = &r->parts[k];
	struct pline *to = r->ls->v + p->first;

	for (size_t i = 0; i < p->ls.n; i++) {
		to[i] = p->ls.v[i];
		to[i].no += (uint32_t)p->no;
	}
	free(p->ls.v);
	p->ls.v = NULL;
}

static void mark_part(void *arg, size_t k)
{
	struct reading *r = arg;
	struct part *p = &r->parts[k];
	struct window win = {.at = SIZE_MAX};

	p->ls.found_at = 0;
	mark_lines(r->ls, r->lex, r->asked, p->first, p->first + p->ls.n, p->counts, &win, &p->ls);
}

static bool found_before(const struct found *a, const struct found *b)
{
	return a->line < b->line || (a->line == b->line && a->layout < b->layout);
}

/* Merges what a later mark step found (in line order) into what the
 * earlier ones did: one list, by line, then layout. */
static void merge_found(struct found_list *into, struct found_list *more)
{
	struct found_list out = {0};
	size_t a = 0, b = 0;

	if (more->n == 0)
		return;
	out.cap = into->n + more->n;
	out.v = xmalloc(out.cap * sizeof(*out.v));
	while (a < into->n || b < more->n)
		out.v[out.n++] = b >= more->n || (a < into->n && found_before(&into->v[a], &more->v[b]))
					 ? into->v[a++]
					 : more->v[b++];
	free(into->v);
	*into = out;
}

/* Runs a mark step and adds up what the parts found, in line order. */
static void mark_all(struct reading *r, unsigned asked, uint32_t *counts)
{
	struct found_list found = {0};

	r->asked = asked;
	forkjoin(r->count, mark_part, r);
	for (size_t k = 0; k < r->count; k++) {
		struct part *p = &r->parts[k];
		for (size_t i = 0; i < p->ls.found.n; i++)
			*VEC_PUSH(&found) = p->ls.found.v[i];
		for (size_t i = 0; i < p->ls.shaped.n; i++)
			*VEC_PUSH(&r->ls->shaped) = p->ls.shaped.v[i];
		free(p->ls.shaped.v);
		p->ls.shaped = (shaped_list){0};
		for (size_t i = 0; i < LAYOUT_COUNT; i++)
			counts[i] += p->counts[i];
		free(p->ls.found.v);
		p->ls.found = (struct found_list){0};
		memset(p->counts, 0, sizeof(p->counts));
	}
	merge_found(&r->ls->found, &found);
	free(found.v);
}

/* The parts' lines in the collection's array, numbered on. */
static void place_all(struct reading *r)
{
	size_t n = 0, no = 0;

	for (size_t k = 0; k < r->count; k++) {
		r->parts[k].first = n;
		r->parts[k].no = no;
		n += r->parts[k].ls.n;
		no += r->parts[k].ends;
	}
	if (r->count == 1) { /* the part's array is the collection's */
		r->ls->v = r->parts[0].ls.v;
		r->ls->n = n;
		r->ls->cap = r->parts[0].ls.cap;
		r->parts[0].ls.v = NULL;
		return;
	}
	reserve_lines(r->ls, n);
	r->ls->n = n;
	forkjoin(r->count, place_part, r);
}

/*
 * The layouts found by their names (own-line, run-in) that start where the
 * primary's lines have ended, as bits: a page of bold speeches that turns
 * own-line after two thousand. Only after: before the primary's first line
 * stands a page's preamble, where a 主持人：… is no speaker's line.
 */
static unsigned late_layouts(const struct lines *ls, const uint32_t *counts,
			     enum speech_layout primary)
{
	size_t last = 0, k;
	uint32_t after[LAYOUT_COUNT] = {0};
	unsigned late = 0;

	for (size_t i = 0; i < ls->found.n; i++)
		if (ls->found.v[i].layout == primary)
			last = ls->found.v[i].line;
	for (size_t i = ls->found.n; i-- > 0 && ls->found.v[i].line > last;)
		after[ls->found.v[i].layout]++;
	for (k = 0; k < LAYOUT_COUNT; k++)
		if (k != primary && k != LAYOUT_REPORTED && !speaker_layout_marked((enum speech_layout)k) &&
		    after[k] >= MIX_MIN_LINES && after[k] == counts[k])
			late |= 1u << k;
	return late;
}

/* The layouts but reported, as bits: every line is asked them all. */
static unsigned layouts_but_reported(void)
{
	return ((1u << LAYOUT_COUNT) - 1) & ~(1u << LAYOUT_REPORTED);
}

void lines_read(struct lines *ls, const struct lexicon *lex, const struct text_in *in,
		struct layout_choice *choice)
{
	struct reading *r = xcalloc(1, sizeof(*r));
	size_t cuts[MAX_PARTS + 1];

	*r = (struct reading){.ls = ls, .lex = lex, .in = in};
	r->count = forkjoin_cut(in->text, in->len, in->split_at, in->chunk_len, cuts, MAX_PARTS);
	for (size_t k = 0; k < r->count; k++)
		r->parts[k] = (struct part){.from = cuts[k], .to = cuts[k + 1]};
	ls->text = in->text;
	memset(ls->settled, LAYOUT_NONE, sizeof(ls->settled)); /* nothing settled yet */
	forkjoin(r->count, read_part, r);
	place_all(r);
	if (choice->forced != LAYOUT_NONE) {
		mark_all(r, 1u << choice->forced, choice->counts);
	} else {
		mark_all(r, layouts_but_reported(), choice->counts);
		if (ls->found.n == 0) /* narrative only where nothing else fits */
			mark_all(r, 1u << LAYOUT_REPORTED, choice->counts);
	}
	choice->active = choose_layouts(choice->counts, choice->forced, &choice->primary);
	if (choice->forced == LAYOUT_NONE)
		choice->active |= late_layouts(ls, choice->counts, choice->primary);
	free(r);
}

void lines_fini(struct lines *ls)
{
	free(ls->v);
	free(ls->found.v);
	free(ls->by_pattern.v);
	free(ls->shaped.v);
	*ls = (struct lines){0};
}

/* ---- Step 2: the layout ------------------------------------------------ */

/* Each set of candidate marks settles on the first of the active layouts
 * in order: the primary, then the others by rank. */
void lines_settle(struct lines *ls, unsigned active, enum speech_layout primary)
{
	enum speech_layout order[LAYOUT_COUNT];
	size_t n = 0, k;

	order[n++] = primary;
	for (int rank = 0; rank < LAYOUT_COUNT; rank++)
		for (k = 0; k < LAYOUT_COUNT; k++)
			if (k != primary && (active >> k & 1) && speaker_layout_rank((enum speech_layout)k) == rank)
				order[n++] = (enum speech_layout)k;
	for (unsigned marks = 0; marks < ARRAY_LEN(ls->settled); marks++) {
		ls->settled[marks] = LAYOUT_NONE;
		for (k = 0; k < n; k++)
			if (marks >> order[k] & 1) {
				ls->settled[marks] = (uint8_t)order[k];
				break;
			}
	}
}


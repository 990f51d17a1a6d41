#include "lines.h"

#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "halves.h"
#include "names.h"

enum { MIX_MIN_LINES = 2, LAYOUT_SAMPLE_LINES = 4096 };

static_assert((int)LAYOUT_COUNT <= 8, "a candidate bit for every layout");

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

/* Moves the window to line i: slid on by one line, each line is found
 * once rather than three times. */
static void window_to(struct window *win, const struct lines *ls, const struct lexicon *lex,
		      size_t i)
{
	struct speaker_context *ctx = &win->ctx;

	if (win->at != SIZE_MAX && win->at + 1 == i) {
		ctx->prev = ctx->line;
		ctx->prev_bare = lines_has(ls, i - 1, LF_BARE);
		ctx->line = speaker_unmarked(lex, ctx->next);
		ctx->next = i + 1 < ls->n ? lines_text(ls, i + 1) : STR_NULL;
		ctx->next_bare = lines_has(ls, i + 1, LF_BARE);
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

/* Every recogniser marks its lines; the counts go to the collection. */
static size_t mark_lines(struct lines *ls, const struct lexicon *lex, unsigned mask, size_t from,
		  size_t to, uint32_t *counts, struct window *win)
{
	struct speaker_line sl;
	size_t i, k, marked = 0;

	for (i = from; i < to && i < ls->n; i++) {
		/* A credit, a trailer or preamble label is never a speaker's. */
		if (ls->v[i].flags & (LF_BYLINE | LF_TRAILER | LF_PREAMBLE))
			continue;
		window_to(win, ls, lex, i);
		for (k = 0; k < LAYOUT_COUNT; k++)
			if ((mask >> k & 1) && may_speak(ls, i, k) && speaker_match(&win->ctx, (enum speech_layout)k, &sl)) {
				lines_keep_found(ls, i, (enum speech_layout)k, &sl, lines_text(ls, i));
				ls->v[i].cand |= (uint8_t)(1u << k);
				counts[k]++;
				marked++;
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

/*
 * The recognisers mark lines while they are read, in one pass over the text
 * (a second would read it from memory again): the first LAYOUT_SAMPLE_LINES
 * lines by every recogniser, then, the layout chosen from their counts, each
 * further line by the chosen layouts alone. A line is marked once the next
 * one is read, for the recognisers look at it.
 *
 * A long text is read by two threads (SPEC 5: the line pass is most of a
 * load). The first reads its first chunk, the sample in it, and tells the
 * layouts it chose; the rest is cut into chunks (whole lines), which either
 * thread reads into lines of its own and marks but for the first line and
 * (unless the text ends there) the last; the first takes them in, in order,
 * marking the two lines that meet at each cut, and its caller may walk what
 * is final between one and the next:
 *
 *     text    [chunk 0 ......)[chunk 1 ....)[chunk 2 ....)[chunk 3 ....)
 *     first    read, sample, choose ─tell─┐  take 1, walk   read 3  take 2 …
 *     second                              └▶ read 1   read 2   …
 *
 * If the first chunk ends before the sample is full, the other chunks are
 * not marked where they are read but as they are taken in, line by line, as
 * one thread would have.
 */
struct chunk {
	size_t from, to;               /* its bytes of the text */
	struct lines ls;               /* its lines, offsets into the whole text */
	size_t no;                     /* its line ends */
	uint32_t counts[LAYOUT_COUNT]; /* its candidate lines */
	bool done;
};

struct reading {
	struct layout_choice *choice;
	bool chosen;
	size_t marked; /* lines [0, marked) are marked */
	struct window win;
	struct lines_pending *chunked; /* told the layouts once chosen; NULL: none */
};

/* A reading under way: what lines_read_start hands the calls after it. */
struct lines_pending {
	struct reading r;
	const struct lexicon *lex;
	const struct text_in *in;
	struct chunk *chunks; /* [1, count); chunk 0 is read into the lines themselves */
	size_t count, next_read, next_take;
	size_t no;            /* line ends taken in */
	int told;             /* the active layouts chunks are marked with; -1: not yet */
	bool threaded;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed;
};

/* Tells the chunks' readers which layouts to mark (0: none). */
static void tell_layouts(struct lines_pending *p, unsigned active)
{
	pthread_mutex_lock(&p->lock);
	p->told = (int)active;
	pthread_cond_broadcast(&p->changed);
	pthread_mutex_unlock(&p->lock);
}

static void choose_from_sample(struct lines *ls, const struct lexicon *lex, struct reading *r)
{
	const unsigned all = (1u << LAYOUT_COUNT) - 1, reported = 1u << LAYOUT_REPORTED;
	struct layout_choice *ch = r->choice;

	struct window fresh = {.at = SIZE_MAX};

	if (mark_lines(ls, lex, all & ~reported, 0, ls->n, ch->counts, &r->win) == 0)
		mark_lines(ls, lex, reported, 0, ls->n, ch->counts, &fresh);
	ch->active = choose_layouts(ch->counts, LAYOUT_NONE, &ch->primary);
	r->chosen = true;
	r->marked = ls->n;
	r->win.at = SIZE_MAX; /* the sample was looked at without the line after it */
	if (r->chunked)
		tell_layouts(r->chunked, ch->active);
}

/* After a line was read: mark what can be marked. */
static void mark_read(struct lines *ls, const struct lexicon *lex, struct reading *r)
{
	if (!r->chosen) {
		if (ls->n == LAYOUT_SAMPLE_LINES + 1) {
			ls->n--; /* the sample alone, its last line's next one read */
			choose_from_sample(ls, lex, r);
			ls->n++;
		}
		return;
	}
	if (r->marked + 2 <= ls->n) {
		mark_lines(ls, lex, r->choice->active, r->marked, r->marked + 1, r->choice->counts, &r->win);
		r->marked++;
	}
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
	l->flags = (uint8_t)lineclass_flags(lex, trimmed);
	l->speaker = LAYOUT_NONE;
}

/* Room for the lines of a text with lf_count LFs at once: only the pages
 * written to are resident, and no doubling copies the array. */
static void reserve_lines(struct lines *ls, size_t lf_count)
{
	if (lf_count >= 4096) {
		ls->cap = lf_count + 1;
		ls->v = util_alloc_huge(ls->cap * sizeof(*ls->v));
	}
}

/* Reads the lines of in's text [from, to), numbering them on from *no; r,
 * if any, marks them as they come. */
static void read_range(struct lines *ls, const struct lexicon *lex, const struct text_in *in,
		       size_t from, size_t to, size_t *no, struct reading *r)
{
	size_t pos = from, n;
	struct str raw;

	while (pos < to) {
		if (in->plain && in->text[pos] == '\n') { /* a blank line: half of them */
			pos++;
			++*no;
			continue;
		}
		pos = next_line(in->text, to, pos, in->plain, &raw);
		n = ls->n;
		add_line(ls, lex, raw, ++*no);
		if (r && ls->n > n)
			mark_read(ls, lex, r);
	}
}

/* Reads chunk k and, once told the layouts, marks it: all but its first
 * line, and its last too where the text ends. */
static void read_chunk(struct lines_pending *p, size_t k)
{
	struct chunk *ch = &p->chunks[k];
	struct window win = {.at = SIZE_MAX};
	bool last = ch->to == p->in->len;
	unsigned active;

	ch->ls.text = p->in->text;
	/* Room for its share of the text's lines, as its share of the bytes;
	 * a mebibyte at least, which malloc maps apart (main's mallopt) and
	 * gives back when it is taken in. */
	ch->ls.cap = MAX((size_t)((double)p->in->lf_count * (double)(ch->to - ch->from) /
				  (double)p->in->len * 1.125),
			 ((size_t)1 << 20) / sizeof(*ch->ls.v) + 1);
	ch->ls.v = xmalloc(ch->ls.cap * sizeof(*ch->ls.v));
	read_range(&ch->ls, p->lex, p->in, ch->from, ch->to, &ch->no, NULL);
	pthread_mutex_lock(&p->lock);
	while (p->told < 0)
		pthread_cond_wait(&p->changed, &p->lock);
	active = (unsigned)p->told;
	pthread_mutex_unlock(&p->lock);
	if (active && ch->ls.n > 1)
		mark_lines(&ch->ls, p->lex, active, 1, ch->ls.n - (last ? 0 : 1), ch->counts, &win);
}

/* Chunks read ahead of the one the first thread takes in next, at most:
 * each waits with arrays of its own, and the first thread catches up soon,
 * for walking a chunk costs less than reading one. */
enum { CHUNKS_AHEAD = 3 };

/* Reads the next chunk no thread has taken, if any and the window has
 * room (the lock held, and let go meanwhile). */
static bool read_a_chunk(struct lines_pending *p)
{
	size_t k;

	if (p->next_read >= p->count || p->next_read >= p->next_take + CHUNKS_AHEAD)
		return false;
	k = p->next_read++;
	pthread_mutex_unlock(&p->lock);
	read_chunk(p, k);
	pthread_mutex_lock(&p->lock);
	p->chunks[k].done = true;
	pthread_cond_broadcast(&p->changed);
	return true;
}

static void *read_chunks(void *arg)
{
	struct lines_pending *p = arg;

	pthread_mutex_lock(&p->lock);
	while (p->next_read < p->count)
		if (!read_a_chunk(p))
			pthread_cond_wait(&p->changed, &p->lock); /* for the window to move */
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* Cuts the text after its first chunk into chunks of chunk_len bytes or
 * so (all of it one without), and starts the second thread. */
static void start_chunks(struct lines_pending *p)
{
	const struct text_in *in = p->in;
	size_t from = in->split_at, cap = 0, to;

	while (from < in->len) {
		to = in->chunk_len ? halves_line_after(in->text, in->len, from + in->chunk_len - 1) : in->len;
		if (p->count + 1 >= cap)
			p->chunks = xgrow(p->chunks, &cap, p->count + 2, sizeof(*p->chunks));
		p->chunks[++p->count] = (struct chunk){.from = from, .to = to};
		from = to;
	}
	p->count++; /* chunk 0 is counted too */
	p->next_read = p->next_take = 1;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->changed, NULL);
	p->threaded = pthread_create(&p->thread, NULL, read_chunks, p) == 0;
}

struct lines_pending *lines_read_start(struct lines *ls, const struct lexicon *lex,
				       const struct text_in *in, struct layout_choice *choice)
{
	struct lines_pending *p = xcalloc(1, sizeof(*p));
	bool cut = in->split_at > 0 && in->split_at < in->len;

	*p = (struct lines_pending){.r = {.choice = choice, .win = {.at = SIZE_MAX}},
				    .lex = lex, .in = in, .told = -1};
	ls->text = in->text;
	reserve_lines(ls, in->lf_count);
	if (choice->forced != LAYOUT_NONE) {
		choice->active = choose_layouts(choice->counts, choice->forced, &choice->primary);
		p->r.chosen = true;
		p->told = (int)choice->active;
	}
	if (cut)
		start_chunks(p);
	p->r.chunked = p->count > 1 && p->told < 0 ? p : NULL;
	read_range(ls, lex, in, 0, cut ? in->split_at : in->len, &p->no, &p->r);
	if (p->r.chunked && p->told < 0) /* the sample is not full: they mark nothing */
		tell_layouts(p, 0);
	p->r.chunked = NULL;
	return p;
}

/* Appends chunk k's lines and marks (numbered on), marking the lines that
 * meet at its start; unmarked, it is marked line by line as it is taken. */
static void take_chunk(struct lines *ls, struct lines_pending *p, size_t k)
{
	struct chunk *ch = &p->chunks[k];
	struct reading *r = &p->r;
	size_t base = ls->n, i, end;
	bool last = ch->to == p->in->len;

	if (ls->cap < base + ch->ls.n)
		ls->v = xgrow(ls->v, &ls->cap, base + ch->ls.n, sizeof(*ls->v));
	for (i = 0; i < ch->ls.n; i++) {
		ls->v[base + i] = ch->ls.v[i];
		ls->v[base + i].no += (uint32_t)p->no;
	}
	p->no += ch->no;
	if (!r->chosen || p->told == 0) { /* one line at a time, as one thread would */
		while (ls->n < base + ch->ls.n) {
			ls->n++;
			mark_read(ls, p->lex, r);
		}
	} else if (ch->ls.n > 0) {
		ls->n = base + ch->ls.n;
		end = MIN(base + 1, last ? ls->n : ls->n - 1);
		r->win.at = SIZE_MAX;
		mark_lines(ls, p->lex, r->choice->active, r->marked, end, r->choice->counts, &r->win);
		for (i = 0; i < ch->ls.found.n; i++) {
			struct found *f = VEC_PUSH(&ls->found);
			*f = ch->ls.found.v[i];
			f->line += (uint32_t)base;
		}
		for (i = 0; i < LAYOUT_COUNT; i++)
			r->choice->counts[i] += ch->counts[i];
		r->marked = last ? ls->n : ls->n - 1;
	}
	lines_fini(&ch->ls);
}

bool lines_read_next(struct lines *ls, struct lines_pending *p)
{
	size_t k = p->next_take;

	if (k >= p->count)
		return false;
	pthread_mutex_lock(&p->lock);
	while (!p->chunks[k].done) /* read one meanwhile, or wait */
		if (!read_a_chunk(p))
			pthread_cond_wait(&p->changed, &p->lock);
	pthread_mutex_unlock(&p->lock);
	take_chunk(ls, p, k);
	pthread_mutex_lock(&p->lock);
	p->next_take++; /* the window moves on */
	pthread_cond_broadcast(&p->changed);
	pthread_mutex_unlock(&p->lock);
	return true;
}

size_t lines_ready(const struct lines *ls, const struct lines_pending *p)
{
	(void)ls;
	/* with one thread, all is read at once and marked when finished */
	return p->count > 1 && p->r.chosen ? p->r.marked : 0;
}

void lines_read_finish(struct lines *ls, const struct lexicon *lex, struct lines_pending *p)
{
	struct layout_choice *choice = p->r.choice;

	while (lines_read_next(ls, p))
		;
	if (p->count > 1) {
		if (p->threaded)
			pthread_join(p->thread, NULL);
		pthread_cond_destroy(&p->changed);
		pthread_mutex_destroy(&p->lock);
	}
	if (!p->r.chosen)
		choose_from_sample(ls, lex, &p->r);
	else
		mark_lines(ls, lex, choice->active, p->r.marked, ls->n, choice->counts, &p->r.win);
	free(p->chunks);
	free(p);
}

void lines_read(struct lines *ls, const struct lexicon *lex, const struct text_in *in,
		struct layout_choice *choice)
{
	lines_read_finish(ls, lex, lines_read_start(ls, lex, in, choice));
}

void lines_fini(struct lines *ls)
{
	free(ls->v);
	free(ls->found.v);
	free(ls->by_pattern.v);
	*ls = (struct lines){0};
}

struct speaker_context lines_context(const struct lines *ls, const struct lexicon *lex, size_t i)
{
	struct speaker_context ctx = {.lex = lex, .line = speaker_unmarked(lex, lines_text(ls, i))};

	if (i > 0) {
		ctx.prev = lines_text(ls, i - 1);
		ctx.prev_bare = lines_has(ls, i - 1, LF_BARE);
	}
	if (i + 1 < ls->n) {
		ctx.next = lines_text(ls, i + 1);
		ctx.next_bare = lines_has(ls, i + 1, LF_BARE);
	}
	return ctx;
}


/* ---- Step 2: the layout ------------------------------------------------ */

/* Each candidate line of the active layouts goes to one: the primary
 * first, then the others by rank. */
void lines_settle(struct lines *ls, unsigned active, enum speech_layout primary, size_t from)
{
	enum speech_layout order[LAYOUT_COUNT];
	size_t n = 0, i, k;

	order[n++] = primary;
	for (int rank = 0; rank < LAYOUT_COUNT; rank++)
		for (k = 0; k < LAYOUT_COUNT; k++)
			if (k != primary && (active >> k & 1) && speaker_layout_rank((enum speech_layout)k) == rank)
				order[n++] = (enum speech_layout)k;
	for (i = from; i < ls->n; i++)
		for (k = 0; k < n; k++)
			if (ls->v[i].cand >> order[k] & 1) {
				ls->v[i].speaker = (uint8_t)order[k];
				break;
			}
}


#include "parse.h"

#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "dept.h"
#include "forkjoin.h"
#include "lines.h"
#include "names.h"
#include "pattern.h"
#include "speaker.h"
#include "walk.h"

/*
 * A collection is parsed in four steps:
 *
 *   1. lines_read reads its non-blank lines into an array, classifying each
 *      (bare, byline, trailer, preamble), and the recognisers mark the lines
 *      they would take (every recogniser on every line, so that the choice
 *      rests on the whole file), then chooses the layout that explains the
 *      page best, with those found by name that start after its last line
 *      (lines.h; a long text in parts on two threads);
 *   2. the page's own pattern (pattern.h) takes the lines of its
 *      speaker-line shape and place whose words no list holds, and names
 *      the near misses;
 *   3. lines_settle gives each candidate line one recogniser (a table of
 *      the page by candidate marks, not a pass over the lines);
 *   4. the walk below builds the speeches and the parts of the page over the
 *      array (speechbuild.c the speech it is in), repairing the layout
 *      damage on the way, once.
 */

/* ---- Step 3: the walk -------------------------------------------------- */

static enum speech_layout speaker_at(const struct walk *w, size_t i)
{
	return i < w->lines.n ? lines_speaker_of(&w->lines, i) : LAYOUT_NONE;
}

static bool opens_speech(const struct walk *w, size_t i)
{
	enum speech_layout l = speaker_at(w, i);

	return l != LAYOUT_NONE && !speaker_layout_closes(l);
}

/* The next line at or after from that closes a speech (an attribution);
 * each line is looked at once over the whole walk. */
static size_t next_closing(struct walk *w, size_t from)
{
	size_t i;

	if (w->next_close != NO_LINE && w->next_close >= from)
		return w->next_close;
	for (i = MAX(from, w->scanned); i < w->lines.n; i++) {
		walk_work(w);
		if (speaker_at(w, i) != LAYOUT_NONE && speaker_layout_closes(speaker_at(w, i)))
			break;
	}
	w->scanned = i;
	w->next_close = i < w->lines.n ? i : NO_LINE;
	return w->next_close;
}

/* A bare line that heads a speech: before a speaker line, or (attribution)
 * outside a speech with a paragraph after it and an attribution ahead. */
static bool is_headline(struct walk *w, size_t i)
{
	if (!walk_has(w, i, LF_BARE) || walk_has(w, i, LF_BYLINE) || speaker_at(w, i) != LAYOUT_NONE)
		return false;
	if (opens_speech(w, i + 1))
		return true;
	return !w->cur && i + 1 < w->lines.n && !walk_has(w, i + 1, LF_BARE) &&
	       speaker_at(w, i + 1) == LAYOUT_NONE && next_closing(w, i + 1) != NO_LINE;
}

/* The next line after line i that opens a speech, or NO_LINE. The walk
 * asks for ever later lines, so each line is looked at once over it. */
static size_t next_opening(struct walk *w, size_t i)
{
	size_t k;

	if (w->next_open != NO_LINE && w->next_open > i)
		return w->next_open;
	for (k = MAX(i + 1, w->open_scanned); k < w->lines.n && !opens_speech(w, k); k++)
		walk_work(w);
	w->open_scanned = k;
	w->next_open = k < w->lines.n ? k : NO_LINE;
	return w->next_open;
}

/* Whether the next speech to open after line i has a headline. */
static bool next_speech_headed(struct walk *w, size_t i)
{
	size_t k = next_opening(w, i);

	return k != NO_LINE && walk_has(w, k - 1, LF_BARE) && speaker_at(w, k - 1) == LAYOUT_NONE;
}

/* Whether line i reads as a group header: on a page whose speeches have
 * no headlines any such line does, else one with a listed ending. */
static bool group_listed(const struct walk *w, size_t i)
{
	return w->headless || walk_has(w, i, LF_GROUP);
}

/* A short line over a headline: 专家学者. Inside an open speech only when
 * it reads as one (a listed ending), for it may be the speech's last line.
 * On a page whose speeches have no headlines, a listed one right over a
 * speaker line (北京代表团) is a group header, not that speech's headline. */
static bool is_group(struct walk *w, size_t i)
{
	/* bare, or a heading (一、领导发言); a credit (a dateline) never */
	if (!walk_has(w, i, LF_HEADING) || walk_has(w, i, LF_BYLINE) ||
	    speaker_at(w, i) != LAYOUT_NONE || i + 1 >= w->lines.n)
		return false;
	if (walk_has(w, i + 1, LF_BARE) && opens_speech(w, i + 2))
		return !w->cur || group_listed(w, i);
	/* the words last: every speech's headline comes this far (the
	 * look-ahead is found once for the whole walk) */
	return opens_speech(w, i + 1) && !next_speech_headed(w, i + 1) && group_listed(w, i);
}

/* Whether nothing but trailer lines follows line i: where the page's
 * tail of them starts is found once, from the end, before the walk. */
static bool only_trailer_after(const struct walk *w, size_t i)
{
	return i + 1 >= w->trailer_tail;
}

static size_t trailer_tail(struct walk *w)
{
	size_t i = w->lines.n;

	while (i > 0 && (walk_has(w, i - 1, LF_TRAILER) || walk_has(w, i - 1, LF_BRACKETED))) {
		walk_work(w);
		i--;
	}
	return i;
}

/* Line i is text outside any speech: it extends the run of such lines
 * before it, or starts one. Its finding is kept while --check would show
 * it; the rest are counted (output_check). */
static void add_unattached(struct walk *w, size_t i)
{
	struct corpus *c = w->c;
	struct unattached *u = c->unatt.n ? &c->unatt.v[c->unatt.n - 1] : NULL;
	struct str text = walk_text(w, i);

	if (u && u->coll == w->coll && w->last_unattached + 1 == i) {
		u->text.len = (size_t)(text.s + text.len - u->text.s);
		u->count++;
	} else {
		u = VEC_PUSH(&c->unatt);
		*u = (struct unattached){(uint32_t)w->coll, w->lines.v[i].no, 1, text};
	}
	w->last_unattached = i;
	if (++w->unattached_lines <= DIAG_SHOWN_PER_KIND + 1)
		walk_finding(w, DIAG_UNATTACHED, w->lines.v[i].no, text, 0);
}

/* Line i belongs to the preamble. */
static void add_preamble(struct walk *w, size_t i)
{
	struct line_run *last = w->preamble.n ? &w->preamble.v[w->preamble.n - 1] : NULL;

	if (last && last->first + last->count == i)
		last->count++;
	else
		*VEC_PUSH(&w->preamble) = (struct line_run){i, 1};
}

/* An attribution closes the speech it was found for; found alone, it makes
 * a speech without text. */
static void walk_closing(struct walk *w, size_t i)
{
	if (!w->cur || w->close_at != i)
		walk_start_speech(w, i, i);
	walk_extend_raw(w, i);
	walk_end_speech(w, "an attribution");
}

/* Text outside a speech: an attribution page's speech without headline, the
 * preamble before the first speech (or inside an editor's note), else stray. */
static void walk_outside(struct walk *w, size_t i)
{
	size_t close;

	if (!w->headed_attribution && !w->in_note && (close = next_closing(w, i)) != NO_LINE) {
		walk_start_speech(w, i, close);
		walk_add_body(w, i);
	} else if (!w->any_speech || w->in_note) {
		add_preamble(w, i);
	} else {
		add_unattached(w, i);
	}
}

/* The first line is the page's title unless it heads the first speech as
 * other speeches' headlines do theirs: a page with no headlines has none
 * to lose its title to. */
static bool title_heads_speech(struct walk *w)
{
	size_t i;

	if (!is_headline(w, 0))
		return false;
	for (i = 2; i < w->lines.n; i++, walk_work(w))
		if (opens_speech(w, i) && walk_has(w, i - 1, LF_BARE))
			return true;
	return false;
}

static bool walk_part(struct walk *w, size_t i)
{
	if (i == 0 && !title_heads_speech(w)) {
		w->c->colls.v[w->coll].title = walk_text(w, i);
	} else if (i == 1 && walk_has(w, 1, LF_DASH) && !w->any_speech &&
		   w->c->colls.v[w->coll].title.s) {
		w->c->colls.v[w->coll].subtitle = walk_text(w, i);
	} else if (walk_has(w, i, LF_TRAILER) && w->any_speech) {
		walk_end_speech(w, "the trailer");
		*VEC_PUSH(&w->trailer) = i;
	} else if (walk_has(w, i, LF_BRACKETED) && w->any_speech && only_trailer_after(w, i)) {
		walk_end_speech(w, "the trailer");
		*VEC_PUSH(&w->trailer) = i;
	} else if (walk_has(w, i, LF_PREAMBLE) && !w->cur) {
		add_preamble(w, i);
		w->in_note = true;
	} else {
		return false;
	}
	return true;
}

static void walk_line(struct walk *w, size_t i)
{
	enum speech_layout l = speaker_at(w, i);

	if (l != LAYOUT_NONE) {
		if (speaker_layout_closes(l))
			walk_closing(w, i);
		else
			walk_start_speech(w, w->headline != NO_LINE ? w->headline : i, i);
	} else if (walk_part(w, i)) {
		/* done */
	} else if (walk_has(w, i, LF_BYLINE) && w->cur && w->close_at == NO_LINE) {
		walk_add_byline(w, i);
	} else if (is_group(w, i)) {
		walk_end_speech(w, "a group header");
		w->group = (uint32_t)w->c->parts.n;
		*VEC_PUSH(&w->c->parts) = walk_text(w, i);
	} else if (is_headline(w, i)) {
		walk_end_speech(w, "a headline");
		w->headline = i;
		if (!opens_speech(w, i + 1))
			walk_start_speech(w, i, next_closing(w, i + 1));
	} else if (w->cur) {
		walk_add_body(w, i);
	} else {
		walk_outside(w, i);
	}
}

/*
 * The walk reads the text again only at speaker lines and bylines (their
 * names, posts and reporters), long after lines_read passed them: by then
 * they are out of the cache, and each is a wait for memory. They are asked
 * for a few lines ahead, so that the wait overlaps the work between.
 */
enum { PREFETCH_LINES = 32 };

static void prefetch_ahead(const struct walk *w, size_t i)
{
	const struct pline *l;

	if (i >= w->lines.n)
		return;
	l = &w->lines.v[i];
	if (lines_speaker_of(&w->lines, i) != LAYOUT_NONE || (l->flags & LF_BYLINE)) {
		const char *p = w->lines.text + l->raw_off;
		util_prefetch(p);
		util_prefetch(p + 64);
	}
}

/* Whether an attribution page heads its speeches: a bare line with a
 * paragraph after it before the first attribution. */
static bool attribution_headed(struct walk *w)
{
	size_t first = next_closing(w, 0), i;

	for (i = 1; first != NO_LINE && i + 1 < first; i++, walk_work(w))
		if (walk_has(w, i, LF_BARE) && !walk_has(w, i + 1, LF_BARE))
			return true;
	return false;
}

/* Whether fewer than half the page's speaker lines stand under a bare
 * line: then a bare line over one heads a group, not that speech. */
static bool headless_page(struct walk *w)
{
	size_t speakers = 0, headed = 0;

	for (size_t i = 1; i < w->lines.n; i++, walk_work(w))
		if (opens_speech(w, i)) {
			speakers++;
			headed += walk_has(w, i - 1, LF_BARE) && speaker_at(w, i - 1) == LAYOUT_NONE;
		}
	return speakers > 0 && headed * 2 < speakers;
}

static void walk_lines(struct walk *w, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		prefetch_ahead(w, i + PREFETCH_LINES);
		walk_line(w, i);
	}
}

/* A long text's parts (lines_read): thirty-two, so that neither thread
 * waits long for the other at the end of a step. */
enum { PARTS = 32, PREFAULT_MIN_LINES = 1 << 16 };

static void cut_text(const struct parse_opts *opts, struct text_in *in)
{
	if (opts->split_at) {
		in->split_at = opts->split_at;
		in->chunk_len = opts->chunk_len;
	} else if (in->len >= FORKJOIN_MIN_BYTES) {
		in->chunk_len = in->len / PARTS;
		in->split_at = forkjoin_line_after(in->text, in->len, in->chunk_len);
	}
}

/* Appends the preamble and the trailer to the corpus's parts; a page with
 * no speeches has no preamble either, and its text is reported as stray. */
static void store_parts(struct walk *w, struct collection *coll)
{
	size_t i, k;

	if (coll->speech_count == 0) {
		for (i = 0; i < w->preamble.n; i++)
			for (k = 0; k < w->preamble.v[i].count; k++)
				add_unattached(w, w->preamble.v[i].first + k);
		w->preamble.n = 0;
		coll->unatt_count = w->c->unatt.n - coll->unatt_first;
		coll->unatt_lines = w->unattached_lines;
	}
	coll->preamble_first = w->c->parts.n;
	for (i = 0; i < w->preamble.n; i++)
		for (k = 0; k < w->preamble.v[i].count; k++)
			*VEC_PUSH(&w->c->parts) = walk_text(w, w->preamble.v[i].first + k);
	coll->preamble_count = w->c->parts.n - coll->preamble_first;
	coll->trailer_first = w->c->parts.n;
	coll->trailer_count = w->trailer.n;
	for (i = 0; i < w->trailer.n; i++)
		*VEC_PUSH(&w->c->parts) = walk_text(w, w->trailer.v[i]);
	free(w->preamble.v);
	free(w->trailer.v);
}

/* The text of the collection: the bytes, or what they decode to (then the
 * bytes are given back, as their home says). */
static void decode_into(const struct loaded *in, const char *encoding, struct parse_prep *p)
{
	p->plain = decode_text(in->bytes, in->len, &in->check, encoding, &p->found, &p->text, &p->text_len,
			       &p->lf_count);
	if (p->text == in->bytes) {
		p->text_home = in->home;
		return;
	}
	p->text_home = TEXT_HEAP;
	if (in->home == TEXT_HEAP)
		free(in->bytes);
}

/* Adds the collection, its text and the decoder's findings to the corpus;
 * the walk starts on it. */
static struct collection *begin_collection(struct walk *w, const char *name, struct parse_prep *p)
{
	struct corpus *c = w->c;
	struct collection *coll = VEC_PUSH(&c->colls);
	size_t i;

	w->coll = c->colls.n - 1;
	coll->name = xstrdup(name);
	coll->shown = text_shown_name(name);
	coll->text = p->text;
	coll->text_len = p->text_len;
	coll->text_home = (uint8_t)p->text_home;
	for (i = 0; i < p->found.n; i++)
		corpus_add_finding(c, w->coll, p->found.v[i]);
	free(p->found.v);
	corpus_reserve(c, p->lf_count);
	coll->speech_first = c->speeches.n;
	coll->unatt_first = c->unatt.n;
	w->memo = w->opts->memo ? w->opts->memo : dept_memo_new();
	return coll;
}

/* The page's pattern's lines and findings (pattern.h), in the collection. */
static void apply_pattern(struct walk *w, struct layout_choice *choice)
{
	struct decode_findings found = {0};

	pattern_apply(&w->lines, w->opts->lex, choice, &found);
	for (size_t i = 0; i < found.n; i++)
		corpus_add_finding(w->c, w->coll, found.v[i]);
	free(found.v);
}

/* The walk over the lines, from the layout chosen to the end of the file. */
static void walk_all(struct walk *w, struct layout_choice *choice)
{
	lines_settle(&w->lines, choice->active, choice->primary);
	w->headed_attribution = attribution_headed(w);
	w->headless = headless_page(w);
	w->trailer_tail = trailer_tail(w);
	walk_lines(w, 0, w->lines.n);
	walk_end_speech(w, "the end of the file");
}

/*
 * The walk, and the first touch of the model's room beside it, a
 * fork-join of two: a long text's walk fills pages that the kernel must
 * clear first, much of its time on this machine, and the second core can
 * clear them ahead of it (corpus_room_populate). The room is what the walk
 * will fill: a speech a speaker line, a segment a line of the rest, a
 * paragraph half of those. The two parts share nothing: the walk writes
 * the model; the other only asks the kernel for pages.
 */
struct walk_beside {
	struct walk *w;
	struct layout_choice *choice;
	struct corpus_room room;
};

static void walk_beside_part(void *arg, size_t k)
{
	struct walk_beside *b = arg;

	if (k == 0)
		walk_all(b->w, b->choice);
	else
		corpus_room_populate(&b->room);
}

/* The room the walk of these lines will fill. */
static struct corpus_room room_ahead(const struct walk *w, const struct layout_choice *choice)
{
	size_t speakers = 0;

	for (size_t i = 0; i < LAYOUT_COUNT; i++)
		speakers += choice->counts[i];
	speakers = MIN(speakers, w->lines.n / 3);
	/* a speech's headline, speaker line and byline are no segment */
	return corpus_room_ahead(w->c, speakers, w->lines.n - 3 * speakers);
}

/* The walk over the lines, and the collection's counts and parts. */
static size_t end_collection(struct walk *w, struct layout_choice *choice)
{
	struct corpus *c = w->c;
	struct collection *coll = &c->colls.v[w->coll];
	struct walk_beside b = {w, choice, room_ahead(w, choice)};

	apply_pattern(w, choice);
	coll->layout = (uint8_t)choice->primary;
	/* the walk alone where the room is not reserved (corpus_reserve) */
	forkjoin(w->lines.n >= PREFAULT_MIN_LINES ? 2 : 1, walk_beside_part, &b);
	coll->speech_count = c->speeches.n - coll->speech_first;
	coll->unatt_count = c->unatt.n - coll->unatt_first;
	coll->unatt_lines = w->unattached_lines;
	store_parts(w, coll);
	if (coll->speech_count == 0)
		walk_finding(w, DIAG_NO_SPEECHES, 0, str_from(speaker_layout_list()), 0);
	lines_fini(&w->lines);
	if (!w->opts->memo)
		dept_memo_free(w->memo);
	return w->coll;
}

static struct walk walk_start(struct corpus *c, const struct parse_opts *opts)
{
	return (struct walk){.c = c, .opts = opts, .headline = NO_LINE, .close_at = NO_LINE,
			     .next_close = NO_LINE, .next_open = NO_LINE, .group = NO_GROUP,
			     .last_unattached = NO_LINE};
}

static enum speech_layout forced_layout(const struct parse_opts *opts)
{
	return opts->layout ? speaker_layout_from_name(opts->layout) : LAYOUT_NONE;
}

void parse_prepare(const struct loaded *file, const struct parse_opts *opts, struct parse_prep *p)
{
	*p = (struct parse_prep){0};
	decode_into(file, opts->encoding, p);
	/* one part: a library's files are made ready on two threads already */
	struct text_in in = {p->text, p->text_len, p->lf_count, p->plain, 0, 0};
	p->choice = (struct layout_choice){.forced = forced_layout(opts), .counts = p->counts};
	lines_read(&p->lines, opts->lex, &in, &p->choice);
}

size_t parse_build(struct corpus *c, const char *name, struct parse_prep *p,
		   const struct parse_opts *opts)
{
	struct walk w = walk_start(c, opts);
	struct collection *coll = begin_collection(&w, name, p);

	memcpy(coll->layout_counts, p->counts, sizeof(p->counts));
	p->choice.counts = coll->layout_counts;
	w.lines = p->lines;
	return end_collection(&w, &p->choice);
}

size_t parse_loaded(struct corpus *c, const char *name, const struct loaded *file,
		    const struct parse_opts *opts)
{
	struct walk w = walk_start(c, opts);
	struct parse_prep p = {0};

	decode_into(file, opts->encoding, &p);
	struct collection *coll = begin_collection(&w, name, &p);
	struct text_in in = {p.text, p.text_len, p.lf_count, p.plain, 0, 0};
	cut_text(opts, &in);
	struct layout_choice choice = {.forced = forced_layout(opts), .counts = coll->layout_counts};
	lines_read(&w.lines, opts->lex, &in, &choice);
	return end_collection(&w, &choice);
}

size_t parse_collection(struct corpus *c, const char *name, char *bytes, size_t len,
			const struct parse_opts *opts)
{
	struct loaded in = {.bytes = bytes, .len = len, .home = TEXT_HEAP};

	return parse_loaded(c, name, &in, opts);
}

#include "parse.h"

#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "dept.h"
#include "halves.h"
#include "lines.h"
#include "names.h"
#include "speaker.h"

/*
 * A collection is parsed in three steps:
 *
 *   1. lines_read reads its non-blank lines into an array, classifying each
 *      (bare, byline, trailer, preamble), and the recognisers mark the lines
 *      they would take: all of them on the first 4096 lines, from which the
 *      layout that explains the page best is chosen (with the marked layouts
 *      of strong evidence beside it), then the chosen ones on the rest;
 *   2. lines_settle gives each candidate line one recogniser;
 *   3. the walk below builds the speeches and the parts of the page over the
 *      array, repairing the layout damage on the way.
 */

#define NO_LINE ((size_t)-1)

/* The walker's state while it builds the speeches of one collection. */
struct walk {
	struct corpus *c;
	const struct parse_opts *opts;
	size_t coll;
	struct lines lines;
	struct speech *cur; /* NULL outside a speech */
	size_t headline;    /* the waiting headline, NO_LINE */
	size_t close_at;    /* the attribution that will close cur, NO_LINE */
	size_t next_close, scanned; /* the next closing speaker line, found once */
	uint32_t group; /* the group header in force, NO_GROUP */
	bool any_speech, in_note, headed_attribution;
	size_t last_seg_line; /* line of the last segment of the last paragraph */
	bool last_broken;
	VEC(size_t) preamble, trailer; /* line indices */
	struct dept_memo *memo;
};

static void add_finding(struct walk *w, enum diag_id id, size_t line, struct str arg, size_t num)
{
	corpus_add_finding(w->c, w->coll, (struct diag){.id = id, .line = line, .arg = arg, .num = num});
}

static struct str line_text(const struct walk *w, size_t i)
{
	return lines_text(&w->lines, i);
}

static struct str line_raw(const struct walk *w, size_t i)
{
	return lines_raw(&w->lines, i);
}

static bool has_flag(const struct walk *w, size_t i, unsigned flag)
{
	return lines_has(&w->lines, i, flag);
}

/* ---- Step 3: the walk -------------------------------------------------- */

static enum speech_layout speaker_at(const struct walk *w, size_t i)
{
	return i < w->lines.n ? (enum speech_layout)w->lines.v[i].speaker : LAYOUT_NONE;
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
	for (i = MAX(from, w->scanned); i < w->lines.n; i++)
		if (speaker_at(w, i) != LAYOUT_NONE && speaker_layout_closes(speaker_at(w, i)))
			break;
	w->scanned = i;
	w->next_close = i < w->lines.n ? i : NO_LINE;
	return w->next_close;
}

/* A bare line that heads a speech: before a speaker line, or (attribution)
 * outside a speech with a paragraph after it and an attribution ahead. */
static bool is_headline(struct walk *w, size_t i)
{
	if (!has_flag(w, i, LF_BARE) || speaker_at(w, i) != LAYOUT_NONE)
		return false;
	if (opens_speech(w, i + 1))
		return true;
	return !w->cur && i + 1 < w->lines.n && !has_flag(w, i + 1, LF_BARE) &&
	       speaker_at(w, i + 1) == LAYOUT_NONE && next_closing(w, i + 1) != NO_LINE;
}

/* Whether the next speech to open after line i has a headline. */
static bool next_speech_headed(const struct walk *w, size_t i)
{
	for (i++; i < w->lines.n; i++)
		if (opens_speech(w, i))
			return has_flag(w, i - 1, LF_BARE) && speaker_at(w, i - 1) == LAYOUT_NONE;
	return false;
}

/* A short line over a headline: 专家学者. Inside an open speech only when
 * it reads as one (a listed ending), for it may be the speech's last line.
 * On a page whose speeches have no headlines, a listed one right over a
 * speaker line (北京代表团) is a group header, not that speech's headline. */
static bool is_group(struct walk *w, size_t i)
{
	bool listed;

	/* bare, or a heading (一、领导发言) */
	if (!has_flag(w, i, LF_HEADING) || speaker_at(w, i) != LAYOUT_NONE || i + 1 >= w->lines.n)
		return false;
	listed = wordlist_suffix_of(&w->opts->lex->group, line_text(w, i)).s != NULL;
	if (has_flag(w, i + 1, LF_BARE) && opens_speech(w, i + 2))
		return !w->cur || listed;
	return listed && opens_speech(w, i + 1) && !next_speech_headed(w, i + 1);
}

/* Whether nothing but trailer lines follows line i. */
static bool only_trailer_after(const struct walk *w, size_t i)
{
	for (i++; i < w->lines.n; i++)
		if (!has_flag(w, i, LF_TRAILER) && !has_flag(w, i, LF_BRACKETED))
			return false;
	return true;
}

/* A join is recorded when the next part arrives, after any pull quote that
 * stood between: put the speech's repairs back in line order. */
static void sort_repairs(struct repair *r, size_t count)
{
	size_t i, k;

	for (i = 1; i < count; i++) {
		struct repair item = r[i];
		for (k = i; k > 0 && r[k - 1].line > item.line; k--)
			r[k] = r[k - 1];
		r[k] = item;
	}
}

/* Closes the open speech; a paragraph still broken stays so, with a warning. */
static void end_speech(struct walk *w, const char *before)
{
	if (!w->cur)
		return;
	if (w->cur->repair_count)
		sort_repairs(&w->c->repairs.v[w->cur->repair_first], w->cur->repair_count);
	if (w->last_broken && w->opts->repair)
		add_finding(w, DIAG_BROKEN_END, w->last_seg_line, str_from(before), 0);
	if (w->cur->para_count == 0)
		add_finding(w, DIAG_EMPTY_SPEECH, w->cur->line, w->cur->speaker, 0);
	w->cur = NULL;
	w->close_at = NO_LINE;
	w->last_broken = false;
}

static void extend_raw(struct walk *w, size_t i)
{
	struct str raw = line_raw(w, i);

	w->cur->raw.len = (size_t)(raw.s + raw.len - w->cur->raw.s);
}

static void add_repair(struct walk *w, size_t line, size_t to)
{
	struct repair *r = VEC_PUSH(&w->c->repairs);

	r->line = (uint32_t)line;
	r->to = (uint32_t)to;
	w->cur->repair_count++;
}

/* complete: whether the text ends a sentence (SPEC 1.2), found as the line
 * was read (the line's end is the text's end). */
static void add_paragraph(struct walk *w, struct str text, size_t line, bool complete)
{
	struct corpus *c = w->c;
	bool join = w->last_broken && w->opts->repair;

	if (join) {
		add_repair(w, w->last_seg_line, line);
		c->paras.v[c->paras.n - 1].seg_count++;
	} else {
		struct para *p = VEC_PUSH(&c->paras);
		p->seg_first = (uint32_t)c->segs.n;
		p->seg_count = 1;
		p->line = (uint32_t)line;
		w->cur->para_count++;
	}
	*VEC_PUSH(&c->segs) = text;
	w->last_seg_line = line;
	w->last_broken = !complete;
}

static void add_pullquote(struct walk *w, size_t i)
{
	struct pullquote *pq = VEC_PUSH(&w->c->pqs);

	pq->text = line_text(w, i);
	pq->line = w->lines.v[i].no;
	pq->after = w->cur->para_count ? w->cur->para_count - 1 : NO_PARA;
	w->cur->pq_count++;
	add_repair(w, pq->line, 0);
}

/*
 * SPEC 1.2: a bare line interrupting a sentence is a pull quote; a
 * heading-like line after a complete paragraph is the speaker's own
 * subheading and stays a paragraph of its own; the rest joins or starts a
 * paragraph as its predecessor is broken or complete.
 */
static void add_body(struct walk *w, size_t i)
{
	struct str text = line_text(w, i);
	size_t no = w->lines.v[i].no;
	bool complete = has_flag(w, i, LF_COMPLETE);

	extend_raw(w, i);
	if (!w->opts->repair) {
		add_paragraph(w, text, no, complete);
	} else if (has_flag(w, i, LF_BARE) && w->last_broken) {
		add_pullquote(w, i);
	} else if (has_flag(w, i, LF_HEADING) && !w->last_broken) {
		add_paragraph(w, text, no, true); /* a subheading is never joined on */
	} else {
		add_paragraph(w, text, no, complete);
	}
}

static void add_post(struct walk *w, struct str text, size_t *prev_dept)
{
	struct post_split split;
	struct post *p = VEC_PUSH(&w->c->posts);

	dept_split_memo(w->memo, w->opts->lex, text, &split);
	p->text = text;
	p->role_off = (uint32_t)(split.role.s - text.s);
	p->unit_off = split.unit.s ? (uint32_t)(split.unit.s - text.s) : POST_NO_UNIT;
	p->unit_len = (uint32_t)split.unit.len;
	p->dept = split.dept.s ? corpus_intern_dept(w->c, split.dept) : *prev_dept;
	w->cur->post_count++;
	if (!split.role_known)
		add_finding(w, DIAG_NO_ROLE, w->cur->speaker_line, text, 0);
	else if (p->dept == NO_DEPT)
		add_finding(w, DIAG_NO_DEPARTMENT, w->cur->speaker_line, text, 0);
	*prev_dept = p->dept;
}

static void add_posts(struct walk *w, struct str posts)
{
	struct corpus *c = w->c;
	size_t start = 0, end, sep, prev_dept = NO_DEPT, i;

	while (start < posts.len) {
		end = names_post_end(posts, start, &sep);
		struct str text = str_trim((struct str){posts.s + start, end - start});
		start = end + sep;
		if (text.len > 0)
			add_post(w, text, &prev_dept);
		if (!sep)
			break;
	}
	/* The speech's departments: its posts' departments, once each, in order. */
	w->cur->dept_first = (uint32_t)c->speech_depts.n;
	for (i = w->cur->post_first; i < c->posts.n; i++) {
		size_t d = c->posts.v[i].dept;
		if (d != NO_DEPT && !speech_in_dept(c, w->cur, d)) {
			*VEC_PUSH(&c->speech_depts) = (uint32_t)d;
			w->cur->dept_count++;
		}
	}
}

/* The speaker's name as a reader writes it (names_unpadded), a copy the
 * corpus owns where it had padding. */
static struct str unpadded(struct corpus *c, struct str name, struct str designation)
{
	size_t len;
	char *made = names_unpadded(name, designation, &len);

	if (!made)
		return name;
	*VEC_PUSH(&c->made) = made;
	return (struct str){made, len};
}

/* Opens a speech whose first line is first (its headline, or its speaker
 * line) and whose speaker line is speaker. */
static void start_speech(struct walk *w, size_t first, size_t speaker)
{
	struct corpus *c = w->c;
	struct speaker_line sl;
	struct speech *s;

	end_speech(w, "a speaker line");
	lines_speaker(&w->lines, w->opts->lex, speaker, (enum speech_layout)w->lines.v[speaker].speaker,
		      &sl);
	s = w->cur = VEC_PUSH(&c->speeches);
	s->coll = (uint32_t)w->coll;
	s->headline = w->headline != NO_LINE ? line_text(w, w->headline) : STR_NULL;
	s->group = w->group;
	s->designation_len = (uint8_t)(sl.designation.s ? sl.designation.len : 0);
	s->speaker = unpadded(c, sl.name, sl.designation);
	s->title = sl.posts;
	s->line = w->lines.v[first].no;
	s->speaker_line = w->lines.v[speaker].no;
	s->layout = w->lines.v[speaker].speaker;
	s->raw = line_raw(w, first);
	s->post_first = (uint32_t)c->posts.n;
	s->para_first = (uint32_t)c->paras.n;
	s->pq_first = (uint32_t)c->pqs.n;
	s->repair_first = (uint32_t)c->repairs.n;
	w->headline = NO_LINE;
	w->any_speech = true;
	w->in_note = false;
	add_posts(w, sl.posts);
	if (speaker_layout_closes(s->layout)) {
		w->close_at = speaker;
		return;
	}
	extend_raw(w, speaker);
	if (sl.text.len > 0)
		add_paragraph(w, sl.text, s->speaker_line, has_flag(w, speaker, LF_COMPLETE));
}

static void add_unattached(struct walk *w, size_t i)
{
	struct unattached *u = VEC_PUSH(&w->c->unatt);

	u->coll = w->coll;
	u->line = w->lines.v[i].no;
	u->text = line_text(w, i);
	add_finding(w, DIAG_UNATTACHED, u->line, u->text, 0);
}

static void add_byline(struct walk *w, size_t i)
{
	struct str s = line_text(w, i), reporter;
	bool bracketed;

	lineclass_byline(w->opts->lex, s, &bracketed, &reporter);
	w->cur->byline = s;
	/* a byline is 40 characters at most (lineclass_byline) */
	w->cur->reporter_off = (uint16_t)(reporter.s - s.s);
	w->cur->reporter_len = (uint16_t)reporter.len;
	extend_raw(w, i);
	end_speech(w, "a byline");
}

/* An attribution closes the speech it was found for; found alone, it makes
 * a speech without text. */
static void walk_closing(struct walk *w, size_t i)
{
	if (!w->cur || w->close_at != i)
		start_speech(w, i, i);
	extend_raw(w, i);
	end_speech(w, "an attribution");
}

/* Text outside a speech: an attribution page's speech without headline, the
 * preamble before the first speech (or inside an editor's note), else stray. */
static void walk_outside(struct walk *w, size_t i)
{
	size_t close;

	if (!w->headed_attribution && !w->in_note && (close = next_closing(w, i)) != NO_LINE) {
		start_speech(w, i, close);
		add_body(w, i);
	} else if (!w->any_speech || w->in_note) {
		*VEC_PUSH(&w->preamble) = i;
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
	for (i = 2; i < w->lines.n; i++)
		if (opens_speech(w, i) && has_flag(w, i - 1, LF_BARE))
			return true;
	return false;
}

static bool walk_part(struct walk *w, size_t i)
{
	if (i == 0 && !title_heads_speech(w)) {
		w->c->colls.v[w->coll].title = line_text(w, i);
	} else if (i == 1 && has_flag(w, 1, LF_DASH) && !w->any_speech &&
		   w->c->colls.v[w->coll].title.s) {
		w->c->colls.v[w->coll].subtitle = line_text(w, i);
	} else if (has_flag(w, i, LF_TRAILER) && w->any_speech) {
		end_speech(w, "the trailer");
		*VEC_PUSH(&w->trailer) = i;
	} else if (has_flag(w, i, LF_BRACKETED) && w->any_speech && only_trailer_after(w, i)) {
		end_speech(w, "the trailer");
		*VEC_PUSH(&w->trailer) = i;
	} else if (has_flag(w, i, LF_PREAMBLE) && !w->cur) {
		*VEC_PUSH(&w->preamble) = i;
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
			start_speech(w, w->headline != NO_LINE ? w->headline : i, i);
	} else if (walk_part(w, i)) {
		/* done */
	} else if (has_flag(w, i, LF_BYLINE) && w->cur && w->close_at == NO_LINE) {
		add_byline(w, i);
	} else if (is_group(w, i)) {
		end_speech(w, "a group header");
		w->group = (uint32_t)w->c->parts.n;
		*VEC_PUSH(&w->c->parts) = line_text(w, i);
	} else if (is_headline(w, i)) {
		end_speech(w, "a headline");
		w->headline = i;
		if (!opens_speech(w, i + 1))
			start_speech(w, i, next_closing(w, i + 1));
	} else if (w->cur) {
		add_body(w, i);
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
	if (l->speaker != LAYOUT_NONE || (l->flags & LF_BYLINE)) {
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

	for (i = 1; first != NO_LINE && i + 1 < first; i++)
		if (has_flag(w, i, LF_BARE) && !has_flag(w, i + 1, LF_BARE))
			return true;
	return false;
}

/* Appends the preamble and the trailer to the corpus's parts; a page with
 * no speeches has no preamble either, and its text is reported as stray. */
static void store_parts(struct walk *w, struct collection *coll)
{
	size_t i;

	if (coll->speech_count == 0) {
		for (i = 0; i < w->preamble.n; i++)
			add_unattached(w, w->preamble.v[i]);
		w->preamble.n = 0;
		coll->unatt_count = w->c->unatt.n - coll->unatt_first;
	}
	coll->preamble_first = w->c->parts.n;
	coll->preamble_count = w->preamble.n;
	for (i = 0; i < w->preamble.n; i++)
		*VEC_PUSH(&w->c->parts) = line_text(w, w->preamble.v[i]);
	coll->trailer_first = w->c->parts.n;
	coll->trailer_count = w->trailer.n;
	for (i = 0; i < w->trailer.n; i++)
		*VEC_PUSH(&w->c->parts) = line_text(w, w->trailer.v[i]);
	free(w->preamble.v);
	free(w->trailer.v);
}

/* The text of the collection: the bytes, or what they decode to (then the
 * bytes are given back, as their home says). */
static bool take_text(struct corpus *c, struct collection *coll, size_t index,
		      const struct loaded *in, const char *encoding, size_t *lines)
{
	bool plain = decode_text(in->bytes, in->len, encoding, c, index, &coll->text,
				 &coll->text_len, lines);

	if (coll->text == in->bytes) {
		coll->text_home = (uint8_t)in->home;
		return plain;
	}
	coll->text_home = TEXT_HEAP;
	if (in->home == TEXT_HEAP)
		free(in->bytes);
	return plain;
}

size_t parse_loaded(struct corpus *c, const char *name, const struct loaded *file,
		    const struct parse_opts *opts)
{
	struct walk w = {.c = c, .opts = opts, .coll = c->colls.n, .headline = NO_LINE,
			 .close_at = NO_LINE, .next_close = NO_LINE, .group = NO_GROUP};
	struct collection *coll = VEC_PUSH(&c->colls);
	size_t lines = 0, i;
	bool plain;

	coll->name = xstrdup(name);
	coll->shown = text_shown_name(name);
	w.memo = opts->memo ? opts->memo : dept_memo_new();
	plain = take_text(c, coll, w.coll, file, opts->encoding, &lines);
	corpus_reserve(c, lines);
	coll->speech_first = c->speeches.n;
	coll->unatt_first = c->unatt.n;
	struct text_in in = {coll->text, coll->text_len, lines, plain,
			     halves_split_point(coll->text, coll->text_len)};
	struct layout_choice choice = {
		.forced = opts->layout ? speaker_layout_from_name(opts->layout) : LAYOUT_NONE,
		.counts = coll->layout_counts,
	};
	lines_read(&w.lines, opts->lex, &in, &choice);
	coll->layout = (uint8_t)choice.primary;
	lines_settle(&w.lines, choice.active, choice.primary);
	w.headed_attribution = attribution_headed(&w);
	for (i = 0; i < w.lines.n; i++) {
		prefetch_ahead(&w, i + PREFETCH_LINES);
		walk_line(&w, i);
	}
	end_speech(&w, "the end of the file");
	coll = &c->colls.v[w.coll];
	coll->speech_count = c->speeches.n - coll->speech_first;
	coll->unatt_count = c->unatt.n - coll->unatt_first;
	store_parts(&w, coll);
	if (coll->speech_count == 0)
		add_finding(&w, DIAG_NO_SPEECHES, 0, str_from(speaker_layout_list()), 0);
	lines_fini(&w.lines);
	if (!opts->memo)
		dept_memo_free(w.memo);
	return w.coll;
}

size_t parse_collection(struct corpus *c, const char *name, char *bytes, size_t len,
			const struct parse_opts *opts)
{
	struct loaded in = {bytes, len, TEXT_HEAP};

	return parse_loaded(c, name, &in, opts);
}

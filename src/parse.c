#include "parse.h"

#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "dept.h"
#include "speaker.h"

enum { BARE_MAX_CHARS = 20, BYLINE_MAX_CHARS = 40 };

enum line_kind { LINE_BODY, LINE_TITLE, LINE_HEADLINE, LINE_SPEAKER, LINE_BYLINE };

/* A non-blank line of the file. */
struct line {
	struct str text; /* trimmed */
	struct str raw;  /* untrimmed, without its terminator */
	size_t no;
	enum line_kind kind;
	bool bare;
	struct speaker_line speaker;
	struct str reporter;
};

/* The walker's state while it builds the speeches of one collection. */
struct walk {
	struct corpus *c;
	const struct parse_opts *opts;
	size_t coll;
	struct speech *cur; /* NULL outside a speech (before one, after a byline) */
	size_t cur_index;
	struct line headline; /* the headline waiting for its speaker line */
	bool has_headline;
	size_t last_seg_line;        /* line of the last segment of the last paragraph */
	struct split_memo *memo;     /* MEMO_SLOTS of them */
	bool last_broken;
};

static void add_finding(struct walk *w, enum diag_id id, size_t line, struct str arg, size_t num)
{
	struct finding *f = VEC_PUSH(&w->c->findings);

	f->coll = w->coll;
	f->d = (struct diag){.id = id, .line = line, .arg = arg, .num = num};
}

static bool is_bare(const struct lexicon *lex, struct str s)
{
	size_t i = 0, chars = 0;
	uint32_t uc;

	if (s.len > BARE_MAX_CHARS * 4) /* no character is longer than 4 bytes */
		return false;
	while (i < s.len) {
		i += text_next(s.s + i, s.len - i, &uc);
		if (++chars > BARE_MAX_CHARS || charset_has(&lex->bare_forbidden, uc))
			return false;
	}
	return chars > 0;
}

/* A credit line: a listed prefix, then a short rest that is no sentence.
 * Several reporters may be joined by 、, so that alone does not disqualify. */
static bool match_byline(const struct lexicon *lex, struct str s, struct str *reporter)
{
	struct str prefix = wordlist_prefix_of(&lex->byline, s), rest;
	size_t i;
	uint32_t uc;

	if (!prefix.s || s.len > BYLINE_MAX_CHARS * 4 ||
	    text_char_count(s.s, s.len) > BYLINE_MAX_CHARS)
		return false;
	rest = str_trim((struct str){s.s + prefix.len, s.len - prefix.len});
	for (i = 0; i < rest.len;) {
		i += text_next(rest.s + i, rest.len - i, &uc);
		if (uc != 0x3001 && charset_has(&lex->bare_forbidden, uc))
			return false;
	}
	*reporter = rest;
	return rest.len > 0;
}

/* Whether a paragraph ending in s is complete (SPEC 1.2). */
static bool is_complete(const struct lexicon *lex, struct str s)
{
	size_t end = s.len;
	uint32_t uc;

	if (end == 0)
		return true;
	end = text_prev(s.s, end);
	text_next(s.s + end, s.len - end, &uc);
	if (charset_has(&lex->closing, uc) && end > 0) {
		end = text_prev(s.s, end);
		text_next(s.s + end, s.len - end, &uc);
	}
	return charset_has(&lex->complete_end, uc);
}

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

static void classify(const struct lexicon *lex, struct line *l)
{
	l->kind = LINE_BODY;
	l->bare = false;
	if (speaker_match(l->text, &l->speaker))
		l->kind = LINE_SPEAKER;
	else if (match_byline(lex, l->text, &l->reporter))
		l->kind = LINE_BYLINE;
	else
		l->bare = is_bare(lex, l->text);
}

/*
 * A line's kind can depend on the next non-blank line: a bare line right
 * before a speaker line is that speech's headline. The first non-blank line
 * is the title unless it is a headline (or a speaker line, or a byline).
 */
static void settle(struct line *l, const struct line *next, bool first)
{
	if (l->kind == LINE_BODY && l->bare && next && next->kind == LINE_SPEAKER)
		l->kind = LINE_HEADLINE;
	if (first && l->kind == LINE_BODY)
		l->kind = LINE_TITLE;
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
	w->last_broken = false;
}

static void extend_raw(struct walk *w, const struct line *l)
{
	w->cur->raw.len = (size_t)(l->raw.s + l->raw.len - w->cur->raw.s);
}

static void add_repair(struct walk *w, size_t line, size_t to)
{
	struct repair *r = VEC_PUSH(&w->c->repairs);

	r->line = (uint32_t)line;
	r->to = (uint32_t)to;
	w->cur->repair_count++;
}

static void add_paragraph(struct walk *w, struct str text, size_t line)
{
	struct corpus *c = w->c;
	bool join = w->last_broken && w->opts->repair;

	if (join) {
		add_repair(w, w->last_seg_line, line);
		c->paras.v[c->paras.n - 1].seg_count++;
	} else {
		struct para *p = VEC_PUSH(&c->paras);
		p->seg_first = c->segs.n;
		p->seg_count = 1;
		p->line = line;
		w->cur->para_count++;
	}
	*VEC_PUSH(&c->segs) = text;
	w->last_seg_line = line;
	w->last_broken = !is_complete(w->opts->lex, text);
}

static void add_pullquote(struct walk *w, const struct line *l)
{
	struct pullquote *pq = VEC_PUSH(&w->c->pqs);

	pq->text = l->text;
	pq->line = l->no;
	pq->after = w->cur->para_count ? w->cur->para_count - 1 : NO_PARA;
	w->cur->pq_count++;
	add_repair(w, l->no, 0);
}

/*
 * The splits of posts seen before, by their text: collections repeat the
 * same posts speech after speech. Results are kept as offsets into the post.
 */
struct split_memo {
	struct str post;
	uint16_t dept_len, unit_off, unit_len, role_off;
	bool has_dept, has_unit, role_known;
};

enum { MEMO_SLOTS = 4096 };

static size_t memo_hash(struct str s)
{
	size_t h = 5381, i;

	for (i = 0; i < s.len; i++)
		h = h * 33 + (unsigned char)s.s[i];
	return h % MEMO_SLOTS;
}

/* dept_split_post, remembered. A slot holds the last post that hashed to it;
 * the memo lives as long as one collection's parse, as the texts it points
 * into do. */
static void split_post(struct split_memo *memo, const struct lexicon *lex, struct str post,
		       struct post_split *out)
{
	struct split_memo *m = &memo[memo_hash(post)];

	if (post.len > UINT16_MAX || !m->post.s || !str_eq(m->post, post)) {
		dept_split_post(lex, post, out);
		if (post.len > UINT16_MAX)
			return;
		*m = (struct split_memo){
			.post = post,
			.dept_len = (uint16_t)out->dept.len,
			.unit_off = (uint16_t)(out->unit.s ? out->unit.s - post.s : 0),
			.unit_len = (uint16_t)out->unit.len,
			.role_off = (uint16_t)(out->role.s - post.s),
			.has_dept = out->dept.s != NULL,
			.has_unit = out->unit.s != NULL,
			.role_known = out->role_known,
		};
		return;
	}
	*out = (struct post_split){
		.dept = m->has_dept ? (struct str){post.s, m->dept_len} : STR_NULL,
		.unit = m->has_unit ? (struct str){post.s + m->unit_off, m->unit_len} : STR_NULL,
		.role = {post.s + m->role_off, post.len - m->role_off},
		.role_known = m->role_known,
	};
}

/* Posts are joined by 、 (U+3001). */
#define SEPARATOR "\xE3\x80\x81"
enum { SEPARATOR_LEN = 3 };

static size_t find_separator(struct str s, size_t from)
{
	for (; from + SEPARATOR_LEN <= s.len; from++)
		if (memcmp(s.s + from, SEPARATOR, SEPARATOR_LEN) == 0)
			return from;
	return s.len;
}

static void add_posts(struct walk *w, struct str posts)
{
	struct corpus *c = w->c;
	size_t start = 0, end, prev_dept = NO_DEPT, i;
	struct post_split split;

	while (start < posts.len) {
		end = find_separator(posts, start);
		struct str text = str_trim((struct str){posts.s + start, end - start});
		start = end < posts.len ? end + SEPARATOR_LEN : end;
		if (text.len == 0)
			continue;
		split_post(w->memo, w->opts->lex, text, &split);
		struct post *p = VEC_PUSH(&c->posts);
		p->text = text;
		p->role = split.role;
		p->unit = split.unit;
		p->dept = split.dept.s ? corpus_intern_dept(c, split.dept) : prev_dept;
		w->cur->post_count++;
		if (!split.role_known)
			add_finding(w, DIAG_NO_ROLE, w->cur->line, text, 0);
		else if (p->dept == NO_DEPT)
			add_finding(w, DIAG_NO_DEPARTMENT, w->cur->line, text, 0);
		prev_dept = p->dept;
	}
	/* The speech's departments: its posts' departments, once each, in order. */
	w->cur->dept_first = c->speech_depts.n;
	for (i = w->cur->post_first; i < c->posts.n; i++) {
		size_t d = c->posts.v[i].dept;
		if (d != NO_DEPT && !speech_in_dept(c, w->cur, d)) {
			*VEC_PUSH(&c->speech_depts) = d;
			w->cur->dept_count++;
		}
	}
}

static void start_speech(struct walk *w, const struct line *l)
{
	struct corpus *c = w->c;
	const struct line *head = w->has_headline ? &w->headline : NULL;
	struct speech *s;

	end_speech(w, "a speaker line");
	w->cur_index = c->speeches.n;
	s = w->cur = VEC_PUSH(&c->speeches);
	s->coll = w->coll;
	s->headline = head ? head->text : STR_NULL;
	s->speaker = l->speaker.name;
	s->title = l->speaker.posts;
	s->line = head ? head->no : l->no;
	s->raw = head ? head->raw : l->raw;
	s->line = s->line;
	s->post_first = c->posts.n;
	s->para_first = c->paras.n;
	s->pq_first = c->pqs.n;
	s->repair_first = c->repairs.n;
	extend_raw(w, l);
	w->has_headline = false;
	add_posts(w, l->speaker.posts);
	if (l->speaker.text.len > 0)
		add_paragraph(w, l->speaker.text, l->no);
}

static void add_unattached(struct walk *w, const struct line *l)
{
	struct unattached *u = VEC_PUSH(&w->c->unatt);

	u->coll = w->coll;
	u->line = l->no;
	u->text = l->text;
	add_finding(w, DIAG_UNATTACHED, l->no, l->text, 0);
}

static void walk_line(struct walk *w, const struct line *l)
{
	switch (l->kind) {
	case LINE_TITLE:
		w->c->colls.v[w->coll].title = l->text;
		break;
	case LINE_HEADLINE:
		end_speech(w, "a headline");
		w->headline = *l;
		w->has_headline = true;
		break;
	case LINE_SPEAKER:
		start_speech(w, l);
		break;
	case LINE_BYLINE:
		if (!w->cur) {
			add_unattached(w, l);
			break;
		}
		w->cur->byline = l->text;
		w->cur->reporter = l->reporter;
		extend_raw(w, l);
		end_speech(w, "a byline");
		break;
	case LINE_BODY:
		if (!w->cur) {
			add_unattached(w, l);
			break;
		}
		extend_raw(w, l);
		if (l->bare && w->opts->repair)
			add_pullquote(w, l);
		else
			add_paragraph(w, l->text, l->no);
		break;
	}
}

/* Reads the lines one by one, each walked once the next one settled it. */
static void walk_lines(struct walk *w, char *text, size_t len, bool plain)
{
	struct line prev, cur;
	bool have_prev = false, first = true;
	size_t pos = 0, no = 0;
	struct str raw;

	while (pos < len) {
		pos = next_line(text, len, pos, plain, &raw);
		no++;
		cur = (struct line){.raw = raw, .text = str_trim(raw), .no = no};
		if (cur.text.len == 0)
			continue;
		classify(w->opts->lex, &cur);
		if (have_prev) {
			settle(&prev, &cur, first);
			walk_line(w, &prev);
			first = false;
		}
		prev = cur;
		have_prev = true;
	}
	if (have_prev) {
		settle(&prev, NULL, first);
		walk_line(w, &prev);
	}
}

size_t parse_collection(struct corpus *c, const char *name, char *bytes, size_t len,
			const struct parse_opts *opts)
{
	struct walk w = {.c = c, .opts = opts, .coll = c->colls.n};
	struct collection *coll = VEC_PUSH(&c->colls);
	size_t lines = 0;
	bool plain;

	coll->name = xstrdup(name);
	w.memo = xcalloc(MEMO_SLOTS, sizeof(*w.memo));
	plain = decode_text(bytes, len, opts->encoding, c, w.coll, &coll->text, &coll->text_len,
			    &lines);
	corpus_reserve(c, lines);
	coll->speech_first = c->speeches.n;
	coll->unatt_first = c->unatt.n;
	walk_lines(&w, coll->text, coll->text_len, plain);
	end_speech(&w, "the end of the file");
	coll = &c->colls.v[w.coll];
	coll->speech_count = c->speeches.n - coll->speech_first;
	coll->unatt_count = c->unatt.n - coll->unatt_first;
	if (coll->speech_count == 0)
		add_finding(&w, DIAG_NO_SPEECHES, 0, STR_NULL, 0);
	free(w.memo);
	return w.coll;
}

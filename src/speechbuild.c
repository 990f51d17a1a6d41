#include "walk.h"

#include "names.h"
#include "speaker.h"

/* One speech as the walk builds it: its speaker line's name and posts, its
 * paragraphs, pull quotes and repairs (SPEC 1.2), its byline. */

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
void walk_end_speech(struct walk *w, const char *before)
{
	if (!w->cur)
		return;
	if (w->cur->repair_count)
		sort_repairs(&w->c->repairs.v[w->cur->repair_first], w->cur->repair_count);
	if (w->last_broken && w->opts->repair)
		walk_finding(w, DIAG_BROKEN_END, w->last_seg_line, str_from(before), 0);
	if (w->cur->para_count == 0)
		walk_finding(w, DIAG_EMPTY_SPEECH, w->cur->line, w->cur->speaker, 0);
	w->cur = NULL;
	w->close_at = NO_LINE;
	w->last_broken = false;
}

void walk_extend_raw(struct walk *w, size_t i)
{
	struct str raw = walk_raw(w, i);

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

	pq->text = walk_text(w, i);
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
void walk_add_body(struct walk *w, size_t i)
{
	struct str text = walk_text(w, i);
	size_t no = w->lines.v[i].no;
	bool complete = walk_has(w, i, LF_COMPLETE);

	walk_extend_raw(w, i);
	if (!w->opts->repair) {
		add_paragraph(w, text, no, complete);
	} else if (walk_has(w, i, LF_BARE) && w->last_broken) {
		add_pullquote(w, i);
	} else if (walk_has(w, i, LF_HEADING) && !w->last_broken) {
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
		walk_finding(w, DIAG_NO_ROLE, w->cur->speaker_line, text, 0);
	else if (p->dept == NO_DEPT)
		walk_finding(w, DIAG_NO_DEPARTMENT, w->cur->speaker_line, text, 0);
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
void walk_start_speech(struct walk *w, size_t first, size_t speaker)
{
	struct corpus *c = w->c;
	struct speaker_line sl;
	struct speech *s;

	walk_end_speech(w, "a speaker line");
	lines_speaker(&w->lines, w->opts->lex, speaker, lines_speaker_of(&w->lines, speaker),
		      &sl);
	s = w->cur = VEC_PUSH(&c->speeches);
	s->coll = (uint32_t)w->coll;
	s->headline = w->headline != NO_LINE ? walk_text(w, w->headline) : STR_NULL;
	s->group = w->group;
	s->designation_len = (uint8_t)(sl.designation.s ? sl.designation.len : 0);
	s->speaker = unpadded(c, sl.name, sl.designation);
	s->title = sl.posts;
	s->line = w->lines.v[first].no;
	s->speaker_line = w->lines.v[speaker].no;
	s->layout = (uint8_t)lines_speaker_of(&w->lines, speaker);
	s->by_pattern = lines_by_pattern(&w->lines, speaker);
	s->raw = walk_raw(w, first);
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
	walk_extend_raw(w, speaker);
	if (sl.text.len > 0)
		add_paragraph(w, sl.text, s->speaker_line, walk_has(w, speaker, LF_COMPLETE));
}

void walk_add_byline(struct walk *w, size_t i)
{
	struct str s = walk_text(w, i), reporter;
	bool bracketed;

	lineclass_byline(w->opts->lex, s, &bracketed, &reporter);
	w->cur->byline = s;
	/* a byline is 40 characters at most (lineclass_byline) */
	w->cur->reporter_off = (uint16_t)(reporter.s - s.s);
	w->cur->reporter_len = (uint16_t)reporter.len;
	walk_extend_raw(w, i);
	walk_end_speech(w, "a byline");
}

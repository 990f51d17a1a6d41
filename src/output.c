#include "output.h"

#include <stdlib.h>

#include "group.h"
#include "search.h"
#include "speaker.h"

enum { FINDINGS_PER_KIND = DIAG_SHOWN_PER_KIND };

/* Sanitised for the terminal (SPEC 3.5), with no full-width mapping. */
static void put_display(FILE *out, struct str s, struct buf *scratch)
{
	buf_clear(scratch);
	text_display(scratch, s.s, s.len, false);
	fwrite(scratch->data, 1, scratch->len, out);
}

/* "党组书记、局长": the posts of s in dept, without the department. */
static void put_posts_in(FILE *out, const struct corpus *c, const struct speech *s, size_t dept,
			 struct buf *scratch)
{
	bool first = true;
	size_t i;

	for (i = 0; i < s->post_count; i++) {
		const struct post *p = &c->posts.v[s->post_first + i];
		if (p->dept != dept)
			continue;
		fputs(first ? " " : "、", out);
		if (post_unit(p).s)
			put_display(out, post_unit(p), scratch);
		put_display(out, post_role(p), scratch);
		first = false;
	}
}

/*
 * The speakers already listed under one department: an open-addressing set
 * of names, emptied for the next department by a new generation rather
 * than by clearing (a library's department lists thousands of speeches).
 */
struct name_set {
	struct str *name;
	unsigned *gen;
	size_t mask;
	unsigned now;
};

static void name_set_init(struct name_set *ns, size_t most)
{
	size_t cap = 16;

	while (cap < 2 * most + 2)
		cap *= 2;
	*ns = (struct name_set){xcalloc(cap, sizeof(struct str)), xcalloc(cap, sizeof(unsigned)),
				cap - 1, 1};
}

static void name_set_fini(struct name_set *ns)
{
	free(ns->name);
	free(ns->gen);
}

/* Whether name was in the set; it is afterwards. */
static bool name_set_add(struct name_set *ns, struct str name)
{
	size_t i = (size_t)str_hash(name.s, name.len) & ns->mask;

	for (; ns->gen[i] == ns->now; i = (i + 1) & ns->mask)
		if (str_eq(ns->name[i], name))
			return true;
	ns->gen[i] = ns->now;
	ns->name[i] = name;
	return false;
}

/* A group's header as the list and --by show it: a department, a
 * collection's title (its file's name when it has none), a person's name. */
static struct str group_name(const struct corpus *c, enum view v, size_t key,
			     const struct people *pp)
{
	switch (v) {
	case VIEW_PAGE: {
		const struct collection *coll = &c->colls.v[key];
		return coll->title.s ? coll->title : str_from(coll->shown);
	}
	case VIEW_SPEAKER: return c->speeches.v[pp->first[key]].speaker;
	default: return key == NO_DEPT ? str_from(NO_DEPT_NAME) : c->depts.v[key];
	}
}

/* --list in page order or by speaker: each group's name, then a line per
 * speech: the speaker and their posts as written (in page order, a
 * speaker once per page), or the posts and the headline (by speaker). */
static void list_by(FILE *out, const struct corpus *c, const struct selection *sel, enum view v)
{
	struct people pp = {0};
	struct group g = {0};
	struct buf scratch = {0};
	size_t i, k, head = 0;

	if (v == VIEW_SPEAKER)
		people_build(c, &pp);
	view_build(c, v, sel->dept, &pp, &g);
	for (i = 0; i < g.n; i++) {
		const struct group_row *r = &g.v[i];
		if (r->speech == NO_SPEECH) {
			put_display(out, group_name(c, v, r->dept, &pp), &scratch);
			fputc('\n', out);
			head = i;
			continue;
		}
		const struct speech *s = &c->speeches.v[r->speech];
		bool repeat = false;
		for (k = head + 1; k < i && v == VIEW_PAGE && !repeat; k++)
			repeat = str_eq(c->speeches.v[g.v[k].speech].speaker, s->speaker);
		if (!selection_has(c, sel, r->speech) || repeat)
			continue;
		fputs("  ", out);
		put_display(out, v == VIEW_PAGE ? s->speaker : s->title.s ? s->title : s->speaker,
			    &scratch);
		struct str second = v == VIEW_PAGE ? s->title : s->headline;
		if (second.s) {
			fputs(v == VIEW_PAGE ? " " : " · ", out);
			put_display(out, second, &scratch);
		}
		fputc('\n', out);
	}
	group_fini(&g);
	people_fini(&pp);
	buf_fini(&scratch);
}

/* The most rows under one department: the set of names listed is emptied
 * at each, so it need hold no more (a library's set sized to all its rows
 * was megabytes of peak RSS). */
static size_t largest_group(const struct group *g)
{
	size_t i, run = 0, most = 0;

	for (i = 0; i < g->n; i++) {
		run = g->v[i].speech == NO_SPEECH ? 0 : run + 1;
		most = MAX(most, run);
	}
	return most;
}

void output_list(FILE *out, const struct corpus *c, const struct selection *sel, enum view v)
{
	struct group g = {0};
	struct buf scratch = {0};
	size_t i;

	if (v != VIEW_DEPARTMENT) {
		list_by(out, c, sel, v);
		return;
	}
	group_build(c, sel->dept, &g);
	struct name_set listed;
	name_set_init(&listed, largest_group(&g));
	for (i = 0; i < g.n; i++) {
		const struct group_row *r = &g.v[i];
		if (r->speech == NO_SPEECH) {
			listed.now++; /* a new department: nobody listed under it yet */
			if (r->dept == NO_DEPT)
				fputs(NO_DEPT_NAME, out);
			else
				put_display(out, c->depts.v[r->dept], &scratch);
			fputc('\n', out);
			continue;
		}
		if (!selection_has(c, sel, r->speech) ||
		    name_set_add(&listed, c->speeches.v[r->speech].speaker))
			continue;
		fputs("  ", out);
		put_display(out, c->speeches.v[r->speech].speaker, &scratch);
		put_posts_in(out, c, &c->speeches.v[r->speech], r->dept, &scratch);
		fputc('\n', out);
	}
	name_set_fini(&listed);
	group_fini(&g);
	buf_fini(&scratch);
}

/* A line as the terminal gets it: zero-width format characters (ZWJ, ZWSP,
 * BOM…) are not sent (SPEC 3.5), as on the screen; the page keeps them. */
static void put_line(FILE *out, const char *s, size_t len)
{
	size_t i = 0, from = 0, n;
	uint32_t uc;

	while (i < len) {
		n = text_next(s + i, len - i, &uc);
		if (text_is_invisible_format(uc)) {
			fwrite(s + from, 1, i - from, out);
			from = i + n;
		}
		i += n;
	}
	fwrite(s + from, 1, len - from, out);
	fputc('\n', out);
}

static void put_page(FILE *out, const struct page *pg)
{
	size_t i;

	for (i = 0; i < pg->line_count; i++)
		put_line(out, pg->text.data + pg->lines[i].off, pg->lines[i].draw_len);
}

/* A collection's title and subtitle, and a blank line. */
static void put_heading(FILE *out, struct page *pg, const struct collection *coll,
			const struct page_opts *opts)
{
	if (!coll->title.s && !coll->subtitle.s)
		return;
	pg->line_count = 0;
	buf_clear(&pg->text);
	if (coll->title.s)
		page_add_block(pg, PAGE_TITLE, coll->title, opts);
	if (coll->subtitle.s)
		page_add_block(pg, PAGE_TITLE, coll->subtitle, opts);
	put_page(out, pg);
	fputc('\n', out);
}

/* --print by department or by speaker: each group's name and a blank line,
 * then its speeches, each speech once (where it is first listed). */
static void print_grouped(FILE *out, const struct corpus *c, const struct selection *sel,
			  const struct page_opts *opts, enum view v)
{
	struct people pp = {0};
	struct group g = {0};
	struct page pg;
	bool *done = xcalloc(c->speeches.n + 1, sizeof(bool));
	size_t i, k;

	if (v == VIEW_SPEAKER)
		people_build(c, &pp);
	view_build(c, v, sel->dept, &pp, &g);
	page_init(&pg);
	for (i = 0; i < g.n; i++) {
		if (g.v[i].speech != NO_SPEECH)
			continue;
		bool named = false;
		for (k = i + 1; k < g.n && g.v[k].speech != NO_SPEECH; k++) {
			size_t s = g.v[k].speech;
			if (done[s] || !selection_has(c, sel, s))
				continue;
			if (!named) {
				pg.line_count = 0;
				buf_clear(&pg.text);
				page_add_block(&pg, PAGE_TITLE, group_name(c, v, g.v[i].dept, &pp), opts);
				put_page(out, &pg);
				fputc('\n', out);
				named = true;
			}
			done[s] = true;
			page_build(&pg, c, s, opts);
			put_page(out, &pg);
		}
	}
	page_fini(&pg);
	group_fini(&g);
	people_fini(&pp);
	free(done);
}

void output_print(FILE *out, const struct corpus *c, const struct selection *sel,
		  const struct page_opts *opts, enum view v)
{
	struct page pg;
	size_t i, coll = (size_t)-1;

	if (v != VIEW_PAGE) {
		print_grouped(out, c, sel, opts, v);
		return;
	}
	page_init(&pg);
	for (i = 0; i < c->speeches.n; i++) {
		if (!selection_has(c, sel, i))
			continue;
		if (c->speeches.v[i].coll != coll) {
			coll = c->speeches.v[i].coll;
			put_heading(out, &pg, &c->colls.v[coll], opts);
		}
		page_build(&pg, c, i, opts);
		put_page(out, &pg);
	}
	page_fini(&pg);
}

static int cmp_finding(const void *a, const void *b)
{
	const struct finding *x = *(const struct finding *const *)a;
	const struct finding *y = *(const struct finding *const *)b;

	if (x->coll != y->coll)
		return x->coll < y->coll ? -1 : 1;
	if (x->d.line != y->d.line)
		return x->d.line < y->d.line ? -1 : 1;
	if (x->d.col != y->d.col)
		return x->d.col < y->d.col ? -1 : 1;
	return x < y ? -1 : x > y; /* stable: order of discovery */
}

static void put_finding(FILE *out, const struct corpus *c, const struct finding *f,
			struct buf *msg, struct buf *scratch)
{
	buf_clear(msg);
	diag_message(msg, &f->d);
	fputs(c->colls.v[f->coll].shown, out);
	if (f->d.line)
		fprintf(out, ":%zu", f->d.line);
	if (f->d.col)
		fprintf(out, ":%zu", f->d.col);
	fprintf(out, ": %s: ", diag_level_name(diag_level(f->d.id)));
	put_display(out, (struct str){msg->data, msg->len}, scratch);
	fputc('\n', out);
}

/* After FINDINGS_PER_KIND of one kind in one file, the rest are counted. */
static void put_overflow(FILE *out, const struct corpus *c, size_t coll, const size_t *counts)
{
	size_t id;

	for (id = 0; id < DIAG_COUNT; id++)
		if (counts[id] > FINDINGS_PER_KIND)
			fprintf(out, "%s: %s: %zu more like the above\n", c->colls.v[coll].shown,
				diag_level_name(diag_level(id)), counts[id] - FINDINGS_PER_KIND);
}

/* The repairs of one collection as findings, in line order: its speeches
 * are in line order, and each speech's repairs sorted. */
struct repair_cursor {
	const struct corpus *c;
	size_t speech, end, k;
	size_t pq; /* the speech's pull quotes, in line order as its repairs are */
};

static bool next_repair(struct repair_cursor *rc, struct finding *f)
{
	const struct corpus *c = rc->c;

	for (; rc->speech < rc->end; rc->speech++, rc->k = 0, rc->pq = 0) {
		const struct speech *s = &c->speeches.v[rc->speech];
		if (rc->k >= s->repair_count)
			continue;
		const struct repair *r = &c->repairs.v[s->repair_first + rc->k++];
		*f = (struct finding){s->coll, {.line = r->line, .num = r->to}};
		f->d.id = repair_kind(r) == REPAIR_JOIN ? DIAG_JOIN : DIAG_PULLQUOTE;
		while (f->d.id == DIAG_PULLQUOTE && rc->pq < s->pq_count &&
		       c->pqs.v[s->pq_first + rc->pq].line < r->line)
			rc->pq++;
		if (f->d.id == DIAG_PULLQUOTE && rc->pq < s->pq_count &&
		    c->pqs.v[s->pq_first + rc->pq].line == r->line)
			f->d.arg = c->pqs.v[s->pq_first + rc->pq].text;
		return true;
	}
	return false;
}

struct check_out {
	FILE *out;
	const struct corpus *c;
	size_t counts[DIAG_COUNT];
	struct buf msg, scratch;
};

static void emit(struct check_out *co, const struct finding *f)
{
	if (++co->counts[f->d.id] <= FINDINGS_PER_KIND)
		put_finding(co->out, co->c, f, &co->msg, &co->scratch);
}

/* Findings and repairs of each collection, merged in line order (a repair
 * first where both fall on one line). */
size_t output_check(FILE *out, const struct corpus *c)
{
	size_t n = c->findings.n, i, coll, total = n;
	const struct finding **sorted = xmalloc((n ? n : 1) * sizeof(*sorted));
	struct check_out co = {.out = out, .c = c};
	struct finding rep;

	for (i = 0; i < n; i++)
		sorted[i] = &c->findings.v[i];
	qsort(sorted, n, sizeof(*sorted), cmp_finding);
	for (coll = 0, i = 0; coll < c->colls.n; coll++) {
		const struct collection *cl = &c->colls.v[coll];
		struct repair_cursor rc = {c, cl->speech_first, cl->speech_first + cl->speech_count, 0, 0};
		bool have = next_repair(&rc, &rep);
		memset(co.counts, 0, sizeof(co.counts));
		while (have || (i < n && sorted[i]->coll == coll)) {
			if (have && !(i < n && sorted[i]->coll == coll && sorted[i]->d.line < rep.d.line)) {
				emit(&co, &rep);
				have = next_repair(&rc, &rep);
				total++;
			} else {
				emit(&co, sorted[i++]);
			}
		}
		/* the parse kept the first of these only (parse.c: add_unattached) */
		co.counts[DIAG_UNATTACHED] = MAX(co.counts[DIAG_UNATTACHED], cl->unatt_lines);
		put_overflow(out, c, coll, co.counts);
	}
	free(sorted);
	buf_fini(&co.msg);
	buf_fini(&co.scratch);
	return total;
}

/* --check's report of the layout: the one chosen per collection with every
 * layout's candidate lines, and the recogniser of every speaker line. */
void output_layouts(FILE *out, const struct corpus *c)
{
	struct buf scratch = {0};
	size_t i, k;

	for (i = 0; i < c->colls.n; i++) {
		const struct collection *coll = &c->colls.v[i];
		fprintf(out, "%s: info: layout %s chosen; candidate lines:", coll->shown,
			speaker_layout_name(coll->layout));
		for (k = 0; k < LAYOUT_COUNT; k++)
			if (coll->layout_counts[k])
				fprintf(out, " %s %u", speaker_layout_name((enum speech_layout)k),
					(unsigned)coll->layout_counts[k]);
		fputc('\n', out);
		for (k = 0; k < coll->speech_count && k < FINDINGS_PER_KIND; k++) {
			const struct speech *s = &c->speeches.v[coll->speech_first + k];
			fprintf(out, "%s:%u: info: speaker line of ", coll->shown, (unsigned)s->speaker_line);
			put_display(out, s->speaker, &scratch);
			fprintf(out, " (%s%s)\n", speaker_layout_name(s->layout),
				s->by_pattern ? ", by the page's pattern" : "");
		}
		if (coll->speech_count > FINDINGS_PER_KIND)
			fprintf(out, "%s: info: %zu more like the above\n", coll->shown,
				coll->speech_count - FINDINGS_PER_KIND);
	}
	buf_fini(&scratch);
}

void output_grep(FILE *out, const struct corpus *c, const struct selection *sel, const char *term,
		 const struct page_opts *opts)
{
	struct search s;
	struct buf line = {0};
	size_t i, kept = 0;

	search_init(&s);
	s.han = opts->han;
	search_compile(&s, term, strlen(term));
	search_run(&s, c, sel->dept);
	for (i = 0; i < s.n; i++) /* -s narrows further */
		if (selection_has(c, sel, s.v[i].speech))
			s.v[kept++] = s.v[i];
	s.n = kept;
	struct kwic_opts ko = {opts->width,
			       search_speaker_width(c, s.v, s.n, opts->ambiguous_width),
			       opts->ambiguous_width, opts->fullwidth};
	for (i = 0; i < s.n; i++) {
		buf_clear(&line);
		search_kwic(&line, c, &s.v[i], &ko);
		put_line(out, line.data, line.len);
	}
	buf_fini(&line);
	search_fini(&s);
}

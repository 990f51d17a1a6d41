#include "page.h"

#include <stdio.h>
#include <stdlib.h>

#include "decode.h"
#include "text.h"
#include "util.h"

#define INDENT "\xE3\x80\x80\xE3\x80\x80" /* two U+3000 */
enum { INDENT_MIN_WIDTH = 10 };

void page_init(struct page *pg)
{
	*pg = (struct page){.speech = (size_t)-1};
}

void page_fini(struct page *pg)
{
	unsigned generation = pg->generation;

	buf_fini(&pg->text);
	free(pg->lines);
	page_init(pg);
	pg->generation = generation + 1; /* what was found on it is stale too */
}

static void reset(struct page *pg, size_t speech, const struct page_opts *opts, bool raw)
{
	buf_clear(&pg->text);
	pg->line_count = 0;
	pg->speech = speech;
	pg->width = opts->width;
	pg->ambiguous_width = opts->ambiguous_width;
	pg->fullwidth = opts->fullwidth;
	pg->simplified = opts->simplified;
	pg->raw = raw;
	pg->steps = 0;
	pg->generation++;
}

bool page_is_of(const struct page *pg, size_t speech, const struct page_opts *opts, bool raw)
{
	return pg->speech == speech && pg->width == opts->width &&
	       pg->ambiguous_width == opts->ambiguous_width && pg->fullwidth == opts->fullwidth &&
	       pg->simplified == opts->simplified && pg->raw == raw;
}

/* Text into the page as it is shown: sanitised, full-width mapped, and with
 * t in Simplified. */
static void put_text(struct page *pg, const char *s, size_t len, const struct page_opts *opts)
{
	size_t from = pg->text.len;

	text_display(&pg->text, s, len, opts->fullwidth);
	if (opts->simplified && opts->han)
		hanfold_apply(opts->han, &pg->text, from);
}

bool page_indents(int width)
{
	return width >= INDENT_MIN_WIDTH;
}

static void add_blank(struct page *pg)
{
	pg->lines = xgrow(pg->lines, &pg->line_cap, pg->line_count + 1, sizeof(*pg->lines));
	pg->lines[pg->line_count++] =
		(struct page_line){.style = PAGE_BLANK, .off = pg->text.len, .para = NO_PARA};
}

/* Wraps pg->text from start as one block of the given style. */
static void wrap_block(struct page *pg, size_t start, enum page_style style, size_t para,
		       const struct page_opts *opts)
{
	struct wrap_opts wo = {opts->width, opts->ambiguous_width, opts->lex};
	struct wrap_lines lines = {0};
	size_t i;

	wrap_text(pg->text.data + start, pg->text.len - start, start, &wo, &lines);
	pg->lines = xgrow(pg->lines, &pg->line_cap, pg->line_count + lines.n, sizeof(*pg->lines));
	for (i = 0; i < lines.n; i++)
		pg->lines[pg->line_count++] = (struct page_line){
			.style = style,
			.off = lines.v[i].off,
			.len = lines.v[i].len,
			.draw_len = lines.v[i].draw_len,
			.width = lines.v[i].width,
			.hard = lines.v[i].hard,
			.para = para,
		};
	free(lines.v);
}

void page_add_block(struct page *pg, enum page_style style, struct str text,
		    const struct page_opts *opts)
{
	size_t start = pg->text.len;

	put_text(pg, text.s, text.len, opts);
	wrap_block(pg, start, style, NO_PARA, opts);
}

/* The pull quotes lifted from after paragraph after: a speech's pull quotes
 * are in paragraph order, so *next walks them once over the whole page. */
static void add_pullquotes(struct page *pg, const struct corpus *c, const struct speech *s,
			   size_t after, size_t *next, const struct page_opts *opts)
{
	size_t start;

	for (; *next < s->pq_count; ++*next) {
		const struct pullquote *pq = &c->pqs.v[s->pq_first + *next];
		pg->steps++;
		if (pq->after != after)
			break;
		start = pg->text.len;
		buf_adds(&pg->text, "【");
		put_text(pg, pq->text.s, pq->text.len, opts);
		buf_adds(&pg->text, "】");
		wrap_block(pg, start, PAGE_PULLQUOTE, after, opts);
	}
}

static void add_speaker(struct page *pg, const struct speech *s, const struct page_opts *opts)
{
	size_t start = pg->text.len;

	put_text(pg, s->speaker.s, s->speaker.len, opts);
	if (s->designation_len)
		put_text(pg, speech_designation(s).s, s->designation_len, opts);
	if (s->title.len > 0) {
		buf_adds(&pg->text, " · ");
		put_text(pg, s->title.s, s->title.len, opts);
	}
	wrap_block(pg, start, PAGE_SPEAKER, NO_PARA, opts);
}

static void add_paragraph(struct page *pg, struct str text, enum page_style style, size_t para,
			  const struct page_opts *opts)
{
	size_t start = pg->text.len;

	if (page_indents(opts->width))
		buf_adds(&pg->text, INDENT);
	put_text(pg, text.s, text.len, opts);
	wrap_block(pg, start, style, para, opts);
}

/* What stands above the speech: the page's subtitle and preamble above its
 * first speech (its title is the screen's title row), the group header
 * where a group starts. */
static void add_parts_above(struct page *pg, const struct corpus *c, size_t speech,
			    const struct page_opts *opts)
{
	const struct speech *s = &c->speeches.v[speech];
	const struct collection *coll = &c->colls.v[s->coll];
	bool first = speech == coll->speech_first;
	size_t i;

	if (first && opts->subtitle && coll->subtitle.len) {
		page_add_block(pg, PAGE_TITLE, coll->subtitle, opts);
		add_blank(pg);
	}
	if (first && coll->preamble_count) {
		for (i = 0; i < coll->preamble_count; i++)
			add_paragraph(pg, c->parts.v[coll->preamble_first + i], PAGE_PREAMBLE, NO_PARA,
				      opts);
		add_blank(pg);
	}
	if (s->group != NO_GROUP && (first || c->speeches.v[speech - 1].group != s->group)) {
		page_add_block(pg, PAGE_GROUP, speech_group(c, s), opts);
		add_blank(pg);
	}
}

static void add_trailer(struct page *pg, const struct corpus *c, size_t speech,
			const struct page_opts *opts)
{
	const struct collection *coll = &c->colls.v[c->speeches.v[speech].coll];
	size_t i;

	if (speech + 1 != coll->speech_first + coll->speech_count)
		return;
	for (i = 0; i < coll->trailer_count; i++)
		page_add_block(pg, PAGE_TRAILER, c->parts.v[coll->trailer_first + i], opts);
}

void page_build(struct page *pg, const struct corpus *c, size_t speech,
		const struct page_opts *opts)
{
	const struct speech *s = &c->speeches.v[speech];
	struct buf scratch = {0};
	size_t i, pq = 0;

	reset(pg, speech, opts, false);
	add_parts_above(pg, c, speech, opts);
	if (s->headline.s)
		page_add_block(pg, PAGE_HEADLINE, s->headline, opts);
	add_speaker(pg, s, opts);
	add_blank(pg);
	add_pullquotes(pg, c, s, NO_PARA, &pq, opts);
	for (i = 0; i < s->para_count; i++) {
		add_paragraph(pg, corpus_para_text(c, speech_para(c, s, i), &scratch), PAGE_PARA, i,
			      opts);
		add_pullquotes(pg, c, s, i, &pq, opts);
	}
	add_blank(pg);
	if (s->byline.s) {
		page_add_block(pg, PAGE_BYLINE, s->byline, opts);
		add_blank(pg);
	}
	add_trailer(pg, c, speech, opts);
	buf_fini(&scratch);
}

/* Whether line was repaired: lines come in order, as the speech's repairs
 * are sorted, so *next walks the repairs once over the whole page. */
static bool line_repaired(struct page *pg, const struct corpus *c, const struct speech *s,
			  size_t line, size_t *next)
{
	for (; *next < s->repair_count; ++*next) {
		pg->steps++;
		if (c->repairs.v[s->repair_first + *next].line >= line)
			return c->repairs.v[s->repair_first + *next].line == line;
	}
	return false;
}

/* Each line numbered, a star where a repair was made (a broken line that was
 * joined, a pull quote that was lifted). */
/* One line of the file, numbered, wrapped so that its continuation lines
 * start under its text, not under the number (SPEC 3.3). */
static void add_raw_line(struct page *pg, const char *prefix, const char *s, size_t len,
			 size_t line, const struct page_opts *opts)
{
	size_t indent = strlen(prefix), i;
	struct buf text = {0};
	struct wrap_lines lines = {0};
	struct wrap_opts wo = {opts->width - (int)indent, opts->ambiguous_width, opts->lex};

	if (opts->width - (int)indent < 2) { /* too narrow to indent: as one block */
		size_t start = pg->text.len;
		buf_adds(&pg->text, prefix);
		text_display(&pg->text, s, len, false);
		wrap_block(pg, start, PAGE_RAW, line, opts);
		return;
	}
	text_display(&text, s, len, false);
	wrap_text(text.data ? text.data : "", text.len, 0, &wo, &lines);
	pg->lines = xgrow(pg->lines, &pg->line_cap, pg->line_count + lines.n + 1, sizeof(*pg->lines));
	for (i = 0; i < lines.n || i == 0; i++) {
		size_t start = pg->text.len;
		const struct wrap_line *w = i < lines.n ? &lines.v[i] : NULL;
		if (i == 0)
			buf_adds(&pg->text, prefix);
		else
			buf_addf(&pg->text, "%*s", (int)indent, "");
		if (w && w->len)
			buf_add(&pg->text, text.data + w->off, w->len);
		pg->lines[pg->line_count++] = (struct page_line){
			.style = PAGE_RAW,
			.off = start,
			.len = pg->text.len - start,
			.draw_len = indent + (w ? w->draw_len : 0),
			.width = (int)indent + (w ? w->width : 0),
			.hard = w && w->hard,
			.para = line,
		};
	}
	free(lines.v);
	buf_fini(&text);
}

void page_build_raw(struct page *pg, const struct corpus *c, size_t speech,
		    const struct page_opts *opts)
{
	const struct speech *s = &c->speeches.v[speech];
	size_t pos = 0, line = s->line, repair = 0;

	reset(pg, speech, opts, true);
	while (pos <= s->raw.len) {
		size_t end = pos, eol = 0;
		while (end < s->raw.len && !(eol = decode_eol_len(s->raw.s + end, s->raw.len - end)))
			end++;
		char prefix[32];
		snprintf(prefix, sizeof(prefix), "%4zu%s ", line,
			 line_repaired(pg, c, s, line, &repair) ? "*" : " ");
		add_raw_line(pg, prefix, s->raw.s + pos, end - pos, line, opts);
		line++;
		if (end >= s->raw.len)
			break;
		pos = end + eol;
	}
}

/* --json (SPEC 2.1): the parsed collections, compact, keys in the SPEC's
 * order. Part of output. */
#include "output.h"

#include "decode.h"

#include "speaker.h"
#include "text.h"
#include "util.h"

/* Characters JSON may carry raw but a terminal would act on, should the
 * output be shown: C1 controls, bidi controls, line and paragraph separators. */
static bool json_must_escape(uint32_t uc)
{
	return (uc >= 0x80 && uc <= 0x9F) || uc == 0x2028 || uc == 0x2029 ||
	       text_is_bidi_control(uc);
}

static void json_str(FILE *out, struct str s)
{
	size_t i = 0, n;
	uint32_t uc;

	if (!s.s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	while (i < s.len) {
		unsigned char ch = (unsigned char)s.s[i];
		n = text_next(s.s + i, s.len - i, &uc);
		if (ch == '"' || ch == '\\')
			fprintf(out, "\\%c", ch);
		else if (ch == '\n')
			fputs("\\n", out);
		else if (ch == '\r')
			fputs("\\r", out);
		else if (ch == '\t')
			fputs("\\t", out);
		else if (ch < 0x20 || ch == 0x7F || json_must_escape(uc) ||
			 (uc == REPLACEMENT_CHAR && n == 1)) /* an invalid byte (a file name's) */
			fprintf(out, "\\u%04x", (unsigned)uc);
		else
			fwrite(s.s + i, 1, n, out);
		i += n;
	}
	fputc('"', out);
}

static void json_posts(FILE *out, const struct corpus *c, const struct speech *s)
{
	size_t i;

	fputs("\"posts\":[", out);
	for (i = 0; i < s->post_count; i++) {
		const struct post *p = &c->posts.v[s->post_first + i];
		fputs(i ? ",{\"department\":" : "{\"department\":", out);
		json_str(out, p->dept == NO_DEPT ? STR_NULL : c->depts.v[p->dept]);
		fputs(",\"unit\":", out);
		json_str(out, post_unit(p));
		fputs(",\"role\":", out);
		json_str(out, post_role(p));
		fputc('}', out);
	}
	fputs("],\"departments\":[", out);
	for (i = 0; i < s->dept_count; i++) {
		if (i)
			fputc(',', out);
		json_str(out, c->depts.v[speech_dept(c, s, i)]);
	}
	fputc(']', out);
}

static void json_text(FILE *out, const struct corpus *c, const struct speech *s,
		      struct buf *scratch)
{
	size_t i;

	fputs(",\"paragraphs\":[", out);
	for (i = 0; i < s->para_count; i++) {
		if (i)
			fputc(',', out);
		json_str(out, corpus_para_text(c, speech_para(c, s, i), scratch));
	}
	fputs("],\"pullquotes\":[", out);
	for (i = 0; i < s->pq_count; i++) {
		if (i)
			fputc(',', out);
		json_str(out, c->pqs.v[s->pq_first + i].text);
	}
	fprintf(out, "],\"line\":%zu,\"layout\":\"%s\",\"repairs\":[", (size_t)s->line,
		speaker_layout_name(s->layout));
	for (i = 0; i < s->repair_count; i++) {
		const struct repair *r = &c->repairs.v[s->repair_first + i];
		fprintf(out, "%s{\"kind\":\"%s\",\"line\":%zu}", i ? "," : "",
			repair_kind(r) == REPAIR_JOIN ? "join" : "pullquote", (size_t)r->line);
	}
	fputc(']', out);
}

static void json_speech(FILE *out, const struct corpus *c, const struct speech *s,
			struct buf *scratch)
{
	fputs("{\"headline\":", out);
	json_str(out, s->headline);
	fputs(",\"group\":", out);
	json_str(out, speech_group(c, s));
	fputs(",\"speaker\":", out);
	json_str(out, s->speaker);
	fputs(",\"designation\":", out);
	json_str(out, speech_designation(s));
	fputs(",\"title\":", out);
	json_str(out, s->title);
	fputc(',', out);
	json_posts(out, c, s);
	fputs(",\"reporter\":", out);
	json_str(out, speech_reporter(s));
	json_text(out, c, s, scratch);
	fputc('}', out);
}

/* subtitle, layout, preamble and trailer (its lines joined by LF). */
static void json_parts(FILE *out, const struct corpus *c, const struct collection *coll,
		       struct buf *scratch)
{
	size_t k;

	fputs(",\"subtitle\":", out);
	json_str(out, coll->subtitle);
	fprintf(out, ",\"layout\":\"%s\",\"preamble\":[", speaker_layout_name(coll->layout));
	for (k = 0; k < coll->preamble_count; k++) {
		if (k)
			fputc(',', out);
		json_str(out, c->parts.v[coll->preamble_first + k]);
	}
	fputs("],\"trailer\":", out);
	buf_clear(scratch);
	for (k = 0; k < coll->trailer_count; k++) {
		struct str line = c->parts.v[coll->trailer_first + k];
		if (k)
			buf_addc(scratch, '\n');
		buf_add(scratch, line.s, line.len);
	}
	json_str(out, coll->trailer_count ? (struct str){scratch->data, scratch->len} : STR_NULL);
}

/* A run of unattached lines, a {"line","text"} each: its text split at the
 * line ends, blank lines counted but not shown. */
static void json_unattached(FILE *out, const struct unattached *u, bool *first)
{
	size_t pos = 0, no = u->line, shown = 0, end, eol;

	while (shown < u->count && pos <= u->text.len) {
		for (end = pos; end < u->text.len && !(eol = decode_eol_len(u->text.s + end, u->text.len - end));
		     end++)
			;
		if (end >= u->text.len)
			eol = 0;
		struct str line = str_trim((struct str){u->text.s + pos, end - pos});
		if (line.len) {
			fprintf(out, "%s{\"line\":%zu,\"text\":", *first ? "" : ",", no);
			json_str(out, line);
			fputc('}', out);
			*first = false;
			shown++;
		}
		if (!eol)
			break;
		pos = end + eol;
		no++;
	}
}

void output_json(FILE *out, const struct corpus *c, const struct selection *sel)
{
	struct buf scratch = {0};
	size_t i, k;

	fputs("{\"collections\":[", out);
	for (i = 0; i < c->colls.n; i++) {
		const struct collection *coll = &c->colls.v[i];
		fputs(i ? ",{\"path\":" : "{\"path\":", out);
		json_str(out, str_from(coll->name));
		fputs(",\"title\":", out);
		json_str(out, coll->title);
		json_parts(out, c, coll, &scratch);
		fputs(",\"speeches\":[", out);
		bool first = true;
		for (k = 0; k < coll->speech_count; k++) {
			if (sel && !selection_has(c, sel, coll->speech_first + k))
				continue;
			if (!first)
				fputc(',', out);
			first = false;
			json_speech(out, c, &c->speeches.v[coll->speech_first + k], &scratch);
		}
		fputs("],\"unattached\":[", out);
		bool first_line = true;
		for (k = 0; k < coll->unatt_count; k++)
			json_unattached(out, &c->unatt.v[coll->unatt_first + k], &first_line);
		fputs("]}", out);
	}
	fputs("]}\n", out);
	buf_fini(&scratch);
}


/* helpers.h — parse a string into a corpus for the unit tests. */
#ifndef FAYAN_TEST_HELPERS_H
#define FAYAN_TEST_HELPERS_H

#include "corpus.h"
#include "lexicon.h"
#include "parse.h"

static struct lexicon *test_lex;

static struct corpus *parse_string(const char *text, bool repair) __attribute__((unused));
static struct corpus *parse_string(const char *text, bool repair)
{
	struct corpus *c = corpus_new();
	struct parse_opts o = {.lex = test_lex, .repair = repair};

	parse_collection(c, "t.txt", xstrdup(text), strlen(text), &o);
	return c;
}

/* The text of paragraph i of speech s, NUL-terminated in scratch. */
static const char *para(const struct corpus *c, size_t s, size_t i, struct buf *scratch)
	__attribute__((unused));
static const char *para(const struct corpus *c, size_t s, size_t i, struct buf *scratch)
{
	struct buf tmp = {0};
	struct str t = corpus_para_text(c, speech_para(c, &c->speeches.v[s], i), &tmp);

	buf_clear(scratch);
	buf_add(scratch, t.s, t.len);
	buf_fini(&tmp);
	return scratch->data;
}

static const char *cstr(struct str s, struct buf *scratch) __attribute__((unused));
static const char *cstr(struct str s, struct buf *scratch)
{
	if (!s.s)
		return NULL;
	buf_clear(scratch);
	buf_add(scratch, s.s, s.len);
	return scratch->data;
}

static size_t count_findings(const struct corpus *c, enum diag_id id) __attribute__((unused));
static size_t count_findings(const struct corpus *c, enum diag_id id)
{
	size_t i, n = 0;

	for (i = 0; i < c->findings.n; i++)
		n += c->findings.v[i].d.id == id;
	return n;
}

#endif

/*
 * The layouts of SPEC 1.5 on small hand-made pages (layouts/cases.txt):
 * each page must be read in its layout, give exactly its speakers, and pass
 * its checks. Per layout, the speakers found right, missed and invented are
 * printed as TAP comments.
 */
#include "tap.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "helpers.h"
#include "load.h"
#include "speaker.h"

static struct buf b;

struct tally {
	size_t right, missed, invented;
};

static struct tally tallies[LAYOUT_COUNT];

/* The page's text with \u00a0 turned into U+00A0. */
static char *unescape(const char *s, size_t len)
{
	struct buf out = {0};
	size_t i;

	for (i = 0; i < len; i++) {
		if (i + 6 <= len && memcmp(s + i, "\\u00a0", 6) == 0) {
			buf_adds(&out, "\xC2\xA0");
			i += 5;
		} else {
			buf_addc(&out, s[i]);
		}
	}
	buf_addc(&out, '\0');
	return out.data;
}

static void speakers_of(const struct corpus *c, struct buf *out)
{
	size_t i;

	buf_clear(out);
	for (i = 0; i < c->speeches.n; i++) {
		if (i)
			buf_addc(out, '|');
		buf_add(out, c->speeches.v[i].speaker.s, c->speeches.v[i].speaker.len);
	}
	if (c->speeches.n == 0)
		buf_addc(out, '-');
	buf_addc(out, '\0');
}

/* How many of the |-joined names of a are in b (each taken once). */
static size_t common(const char *a, const char *bs)
{
	char *copy = xstrdup(bs), *tok, *save, *mark;
	char *list = xstrdup(a);
	size_t n = 0;

	for (tok = strtok_r(list, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
		size_t len = strlen(tok);
		for (mark = copy; (mark = strstr(mark, tok)); mark++)
			if ((mark == copy || mark[-1] == '|' || mark[-1] == '#') &&
			    (mark[len] == '|' || mark[len] == '\0')) {
				memset(mark, '#', len);
				n++;
				break;
			}
	}
	free(copy);
	free(list);
	return n;
}

static size_t count_names(const char *s)
{
	size_t n = 1;

	if (strcmp(s, "-") == 0)
		return 0;
	for (; *s; s++)
		n += *s == '|';
	return n;
}

static struct str trailer_of(const struct corpus *c, struct buf *scratch)
{
	const struct collection *coll = &c->colls.v[0];
	size_t i;

	buf_clear(scratch);
	for (i = 0; i < coll->trailer_count; i++)
		buf_add(scratch, c->parts.v[coll->trailer_first + i].s,
			c->parts.v[coll->trailer_first + i].len);
	return (struct str){scratch->data, scratch->len};
}

/* A test of generality uses words in no list (SPEC 1.5): each |-joined
 * name of want starts with no listed surname (unlisted-surname), or each
 * role ends in no listed role (unlisted-role). */
static void check_unlisted(const char *key, const char *want, size_t no)
{
	bool surname = strcmp(key, "unlisted-surname") == 0;
	const struct wordlist *list = surname ? &test_lex->surname : &test_lex->role;
	char *copy = xstrdup(want), *tok, *save;

	for (tok = strtok_r(copy, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
		struct str word = str_from(tok);
		struct str hit = surname ? wordlist_prefix_of(list, word) : wordlist_suffix_of(list, word);
		ok(!hit.s, "case at line %zu: %s is in no list", no, tok);
	}
	free(copy);
}

/* One key=value check on the parsed page. */
static void check(const struct corpus *c, const char *key, const char *want, size_t no)
{
	const struct collection *coll = &c->colls.v[0];
	const struct speech *first = c->speeches.n ? &c->speeches.v[0] : NULL;
	const struct speech *last = c->speeches.n ? &c->speeches.v[c->speeches.n - 1] : NULL;
	struct buf got = {0};
	const char *g = NULL;

	if (strncmp(key, "unlisted-", 9) == 0)
		check_unlisted(key, want, no);
	else if (strcmp(key, "preamble") == 0)
		is_num(coll->preamble_count, (size_t)atoi(want), "case at line %zu: preamble", no);
	else if (strcmp(key, "paras") == 0)
		is_num(first ? first->para_count : 0, (size_t)atoi(want), "case at line %zu: paragraphs",
		       no);
	else {
		if (strcmp(key, "trailer") == 0)
			g = cstr(trailer_of(c, &got), &b);
		else if (strcmp(key, "subtitle") == 0)
			g = cstr(coll->subtitle, &b);
		else if (strcmp(key, "title") == 0)
			g = cstr(coll->title, &b);
		else if (strcmp(key, "designation") == 0 && first)
			g = cstr(speech_designation(first), &b);
		else if (strcmp(key, "reporter") == 0 && last)
			g = cstr(speech_reporter(last), &b);
		else if (strcmp(key, "headline") == 0 && first)
			g = first->headline.s ? cstr(first->headline, &b) : "-";
		is_str(g, want, "case at line %zu: %s", no, key);
	}
	buf_fini(&got);
}

/* "k=v k=v…": a value runs to the next word with = in it (values may hold
 * spaces: reporter=胡杨 邵雪). */
static void run_checks(const struct corpus *c, char *rest, size_t no)
{
	char *key = rest ? strchr(rest, '=') : NULL;

	while (key) {
		char *eq = key, *next = strchr(eq + 1, '='), *end;
		while (key > rest && key[-1] != ' ')
			key--;
		if (next) { /* back to the start of the next key */
			while (next > eq && next[-1] != ' ')
				next--;
			end = next;
		} else {
			end = eq + strlen(eq);
		}
		while (end > eq + 1 && end[-1] == ' ')
			end--;
		*eq = '\0';
		char *value = strndup(eq + 1, (size_t)(end - eq - 1));
		check(c, key, value, no);
		free(value);
		key = next ? strchr(next, '=') : NULL;
		rest = next;
	}
}

static void run_case(char *header, const char *page, size_t page_len, size_t no)
{
	char *save, *layout = strtok_r(header, " ", &save);
	char *want = strtok_r(NULL, " ", &save);
	char *text = unescape(page, page_len);
	struct corpus *c = parse_string(text, true);
	enum speech_layout l = speaker_layout_from_name(layout);
	struct buf got = {0};
	size_t right;

	speakers_of(c, &got);
	is_str(speaker_layout_name(c->colls.v[0].layout), layout, "case at line %zu: layout", no);
	is_str(got.data, want, "case at line %zu: speakers", no);
	if (l < LAYOUT_COUNT) {
		right = strcmp(want, "-") == 0 ? 0 : common(want, got.data);
		tallies[l].right += right;
		tallies[l].missed += count_names(want) - right;
		tallies[l].invented += count_names(got.data) - right;
	}
	run_checks(c, save, no);
	buf_fini(&got);
	corpus_free(c);
	free(text);
}

int main(void)
{
	char *cases;
	size_t len, i, start, page = 0, no = 1, header_no = 0;
	char *header = NULL;
	int fd = open("layouts/cases.txt", O_RDONLY);

	setlocale(LC_ALL, "C.UTF-8");
	test_lex = lexicon_builtin();
	if (fd < 0 || !load_fd(fd, &cases, &len))
		return printf("Bail out! layouts/cases.txt\n"), 1;
	close(fd);
	for (i = 0; i <= len; no++) {
		start = i;
		while (i < len && cases[i] != '\n')
			i++;
		bool is_header = i - start >= 4 && memcmp(cases + start, "=== ", 4) == 0;
		if (is_header || i >= len) {
			if (header)
				run_case(header, cases + page, start - page, header_no);
			free(header);
			header = is_header ? strndup(cases + start + 4, i - start - 4) : NULL;
			header_no = no;
			page = i + 1;
		} else if (!header && start < len && cases[start] != '#' && i > start) {
			printf("Bail out! layouts/cases.txt:%zu: text before the first case\n", no);
			return 1;
		}
		i++;
	}
	free(header);
	for (i = 0; i < LAYOUT_COUNT; i++)
		printf("# %-12s right %zu, missed %zu, invented %zu\n",
		       speaker_layout_name((enum speech_layout)i), tallies[i].right, tallies[i].missed,
		       tallies[i].invented);
	free(cases);
	buf_fini(&b);
	lexicon_free(test_lex);
	return done_testing();
}

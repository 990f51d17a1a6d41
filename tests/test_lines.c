/* Reading a text's lines in parts on two threads (forkjoin) gives what one
 * part gives: the same lines, flags, candidate marks, kept findings and
 * counts, wherever the parts are cut, with the layout chosen or forced; the
 * same parse; and a library made ready in batches by two threads loads as
 * its files one by one. */
#include "tap.h"

#include "assets.h"
#include "dirwalk.h"
#include "forkjoin.h"
#include "lines.h"
#include "load.h"
#include "output.h"
#include "parse.h"
#include "utf8scan.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct lexicon *lex;

/* What lines_read gave, settled, for comparison. */
struct reading_result {
	struct lines ls;
	uint32_t counts[LAYOUT_COUNT];
	struct layout_choice choice;
	char *copy; /* the text the lines point into (TABs become spaces) */
};

/* The chunk lengths tried at each split: one chunk to the end, a chunk a
 * line (cut after each line's first byte), a few lines a chunk; a long
 * text's are longer (a chunk a line would be ten thousand hand-overs). */
static const size_t *chunk_lens, page_chunk_lens[] = {0, 1, 700}, long_chunk_lens[] = {0, 700, 5000};
enum { CHUNK_LENS = 3 };

static void read_text(const char *text, size_t len, size_t split_at, size_t chunk_len,
		      enum speech_layout forced, struct reading_result *out)
{
	size_t lf_count = 0;
	bool plain = false;

	*out = (struct reading_result){0};
	out->copy = malloc(len + 1);
	memcpy(out->copy, text, len);
	utf8_scan(out->copy, len, &plain, &lf_count);
	out->choice = (struct layout_choice){.forced = forced, .counts = out->counts};
	struct text_in in = {out->copy, len, lf_count, plain, split_at, chunk_len};
	lines_read(&out->ls, lex, &in, &out->choice);
	lines_settle(&out->ls, out->choice.active, out->choice.primary);
}

static void result_fini(struct reading_result *r)
{
	lines_fini(&r->ls);
	free(r->copy);
}

static bool same_span(struct line_span a, struct line_span b)
{
	return a.off == b.off && a.len == b.len;
}

static bool same_found(const struct found *a, const struct found *b)
{
	return a->line == b->line && a->layout == b->layout && same_span(a->posts, b->posts) &&
	       same_span(a->name, b->name) && same_span(a->designation, b->designation) &&
	       same_span(a->text, b->text);
}

/* Where a and b differ first, as text; NULL when they do not. */
static const char *difference(const struct reading_result *a, const struct reading_result *b)
{
	size_t i;

	if (a->ls.n != b->ls.n)
		return "line count";
	for (i = 0; i < a->ls.n; i++)
		if (memcmp(&a->ls.v[i], &b->ls.v[i], sizeof(a->ls.v[i])) != 0)
			return "a line's offsets, number, flags or marks";
	if (a->ls.found.n != b->ls.found.n)
		return "number of kept findings";
	for (i = 0; i < a->ls.found.n; i++)
		if (!same_found(&a->ls.found.v[i], &b->ls.found.v[i]))
			return "a kept finding";
	if (memcmp(a->counts, b->counts, sizeof(a->counts)) != 0)
		return "candidate counts";
	if (a->choice.active != b->choice.active || a->choice.primary != b->choice.primary)
		return "the layout chosen";
	return NULL;
}

/* Splits text at every line start (at most max_splits of them, evenly
 * spread), the rest in chunks of each length, and compares each reading
 * with the one-thread one; returns the first difference, and counts the
 * readings compared. */
static const char *compare_splits(const char *text, size_t len, enum speech_layout forced,
				  size_t max_splits, size_t *compared)
{
	struct reading_result one, two;
	const char *diff = NULL;
	size_t starts = 0, pos, every, seen = 0;

	for (pos = 1; pos < len; pos++)
		starts += text[pos - 1] == '\n';
	every = starts > max_splits ? starts / max_splits : 1;
	read_text(text, len, 0, 0, forced, &one);
	for (pos = 1; pos < len && !diff; pos++) {
		if (text[pos - 1] != '\n' || seen++ % every != 0)
			continue;
		for (size_t k = 0; k < CHUNK_LENS && !diff; k++) {
			read_text(text, len, pos, chunk_lens[k], forced, &two);
			diff = difference(&one, &two);
			result_fini(&two);
			++*compared;
		}
	}
	result_fini(&one);
	return diff;
}

/* The --json and --check of text parsed with its first chunk ending at
 * split_at (0: one thread), the others chunk_len long, malloc'd. */
static char *parsed(const char *text, size_t len, size_t split_at, size_t chunk_len,
		    const char *layout)
{
	struct parse_opts o = {.lex = lex, .repair = true, .layout = layout, .split_at = split_at,
			       .chunk_len = chunk_len};
	struct corpus *c = corpus_new();
	char *out = NULL;
	size_t out_len = 0;
	FILE *f = open_memstream(&out, &out_len);

	parse_collection(c, "page", xmemdup(text, len), len, &o);
	output_json(f, c, NULL);
	output_check(f, c);
	fclose(f);
	corpus_free(c);
	return out;
}

/* The same, the whole parse: the walk takes each chunk's lines in while the
 * second thread reads on. Returns the first split that differs, 0. */
static size_t compare_parses(const char *text, size_t len, const char *layout, size_t max_splits,
			     size_t *compared)
{
	char *one = parsed(text, len, 0, 0, layout), *two;
	size_t starts = 0, pos, every, seen = 0, differs = 0;

	for (pos = 1; pos < len; pos++)
		starts += text[pos - 1] == '\n';
	every = starts > max_splits ? starts / max_splits : 1;
	for (pos = 1; pos < len && !differs; pos++) {
		if (text[pos - 1] != '\n' || seen++ % every != 0)
			continue;
		for (size_t k = 0; k < CHUNK_LENS && !differs; k++) {
			two = parsed(text, len, pos, chunk_lens[k], layout);
			differs = strcmp(one, two) != 0 ? pos : 0;
			free(two);
			++*compared;
		}
	}
	free(one);
	return differs;
}

static char *read_file(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY);
	char *bytes = NULL;

	if (fd < 0)
		return NULL;
	if (!load_fd(fd, &bytes, len))
		bytes = NULL;
	close(fd);
	return bytes;
}

/* Compares the readings of the page at path, found and forced; false when
 * it is not a page (not UTF-8, or not there). */
static bool compare_page(const char *path, size_t *compared, const char **diff)
{
	size_t len;
	char *text = read_file(path, &len);
	bool plain, page = text && utf8_scan(text, len, &plain, &(size_t){0});

	if (page) {
		*diff = compare_splits(text, len, LAYOUT_NONE, 40, compared);
		for (int k = 0; k < LAYOUT_COUNT && !*diff; k++)
			*diff = compare_splits(text, len, (enum speech_layout)k, 8, compared);
		if (!*diff && compare_parses(text, len, NULL, 20, compared))
			*diff = "the parse (--json, --check)";
		for (int k = 0; k < LAYOUT_COUNT && !*diff; k++)
			if (compare_parses(text, len, speaker_layout_name((enum speech_layout)k), 4, compared))
				*diff = "the parse of a forced layout (--json, --check)";
		if (*diff)
			printf("# %s: %s\n", path, *diff);
	}
	free(text);
	return page;
}

/* The pages of each layout, and the fuzzer's saved inputs that are UTF-8. */
static void test_pages(void)
{
	const char *dirs[] = {"layouts/samples", "fuzz/corpus/parse"}, *diff = NULL;
	size_t pages = 0, compared = 0, k;
	char path[512];

	chunk_lens = page_chunk_lens;
	if (compare_page("layouts/cases.txt", &compared, &diff))
		pages++;
	for (k = 0; k < sizeof(dirs) / sizeof(dirs[0]); k++) {
		DIR *d = opendir(dirs[k]);
		struct dirent *e;
		while (d && (e = readdir(d)) && !diff) {
			snprintf(path, sizeof(path), "%s/%s", dirs[k], e->d_name);
			if (e->d_name[0] != '.' && compare_page(path, &compared, &diff))
				pages++;
		}
		if (d)
			closedir(d);
	}
	ok(pages >= 30 && compared > 9000, "%zu pages, %zu readings in two threads", pages, compared);
	ok(diff == NULL, "each the same as one thread's (%s)", diff ? diff : "no difference");
}

/* The bundled page many times over, cut in parts at many places. */
static void test_long_text(void)
{
	size_t copies = 70, len = copies * asset_collection_len, i, compared = 0;
	char *text = malloc(len);
	const char *diff;

	chunk_lens = long_chunk_lens;
	for (i = 0; i < copies; i++)
		memcpy(text + i * asset_collection_len, asset_collection, asset_collection_len);
	diff = compare_splits(text, len, LAYOUT_NONE, 30, &compared);
	ok(diff == NULL && compared >= 30, "a text of %zu copies, split %zu ways: %s", copies, compared,
	   diff ? diff : "as one thread reads it");
	compared = 0;
	size_t differs = compare_parses(text, len, NULL, 12, &compared);
	ok(differs == 0 && compared >= 36,
	   "parsed, split %zu ways: the same --json and --check%s",
	   compared, differs ? " (not so)" : "");
	/* CRLF line ends and TABs: each thread turns its own TABs into spaces */
	struct buf crlf = {0};
	for (i = 0; i < len; i++) {
		if (text[i] == '\n')
			buf_add(&crlf, "\r", 1);
		buf_add(&crlf, text[i] == ' ' && i % 7 == 0 ? "\t" : text + i, 1);
	}
	compared = 0;
	diff = compare_splits(crlf.data, crlf.len, LAYOUT_NONE, 30, &compared);
	ok(diff == NULL, "with CRLF and TABs, split %zu ways: %s", compared,
	   diff ? diff : "as one thread reads it");
	buf_fini(&crlf);
	free(text);
}

/* A first line that heads the first speech only because a later speech
 * has a headline too: the same at every cut. */
static void test_title_waits(void)
{
	struct buf text = {0};
	size_t i, compared = 0, differs;

	chunk_lens = page_chunk_lens;
	buf_adds(&text, "第一题\n局长**甲**:第一段。\n");
	for (i = 0; i < 40; i++)
		buf_adds(&text, "又一段话。\n");
	buf_adds(&text, "第二题\n局长**乙**:第二段。\n");
	differs = compare_parses(text.data, text.len, "bold", 50, &compared);
	ok(differs == 0 && compared > 40, "the first line's part waits for the line that decides it (%zu splits)",
	   compared);
	buf_fini(&text);
}

/* The --json and --check of a corpus, malloc'd. */
static char *printed(const struct corpus *c)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	output_json(f, c, NULL);
	output_check(f, c);
	for (size_t i = 0; i < c->unusable.n; i++) /* empty files, pages of no speeches */
		fprintf(f, "%s: %s\n", c->unusable.v[i].shown,
			load_unusable_text(&c->unusable.v[i], false, (char[160]){0}, 160));
	fclose(f);
	return out;
}

/* Copies the pages of dir (at most max) into root as p1.txt, p2.txt…;
 * returns how many. */
static size_t copy_pages(const char *dir, const char *root, size_t from, size_t max)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[512];
	size_t n = 0, len;

	while (d && n < max && (e = readdir(d))) {
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		char *text = e->d_name[0] == '.' ? NULL : read_file(path, &len);
		if (!text)
			continue;
		snprintf(path, sizeof(path), "%s/p%zu.txt", root, from + n++);
		FILE *f = fopen(path, "wb");
		if (f) {
			fwrite(text, 1, len, f);
			fclose(f);
		}
		free(text);
	}
	if (d)
		closedir(d);
	return n;
}

static void no_report(void *ctx, const char *path, int err)
{
	(void)ctx, (void)path, (void)err;
}

/* A library of the saved pages (UTF-8 or not, empty, GB18030), made ready
 * in batches by two threads: what its files give loaded one at a time, in
 * the same order. */
static void test_library(void)
{
	char root[] = "/tmp/fayan-lines-XXXXXX", *names[] = {root}, cmd[64];
	struct parse_opts o = {.lex = lex, .repair = true};
	struct corpus *two = corpus_new(), *one = corpus_new();
	struct pathlist files = {0};
	size_t n, i;

	if (!mkdtemp(root))
		return;
	n = copy_pages("layouts/samples", root, 1, 100);
	n += copy_pages("fuzz/corpus/parse", root, n + 1, 200);
	load_all(two, names, 1, &o, &(struct load_count){0});
	dirwalk_expand(names, 1, &files, no_report, NULL);
	for (i = 0; i < files.n; i++)
		load_all(one, &files.v[i], 1, &o, &(struct load_count){0});
	char *a = printed(two), *b = printed(one);
	ok(n > 150 && files.n == n && two->colls.n > 100 && two->unusable.n > 0,
	   "a library of %zu pages, %zu of no use", n, two->unusable.n);
	ok(strcmp(a, b) == 0 && two->findings.n > 0,
	   "made ready by two threads, the same --json and --check as one file at a time");
	free(a);
	free(b);
	pathlist_fini(&files);
	corpus_free(two);
	corpus_free(one);
	snprintf(cmd, sizeof(cmd), "rm -r '%s'", root);
	if (system(cmd) != 0)
		perror("rm");
}

/* The cuts: whole lines, the first where asked, then every part_len. */
static void test_cuts(void)
{
	const char text[] = "ab\ncd\nef\ngh\n";
	size_t len = sizeof(text) - 1, cuts[8], n;

	n = forkjoin_cut(text, len, 0, 0, cuts, 4);
	ok(n == 1 && cuts[0] == 0 && cuts[1] == len, "no first cut: one part, the whole text");
	n = forkjoin_cut(text, len, 3, 1, cuts, 7);
	ok(n == 4 && cuts[1] == 3 && cuts[2] == 6 && cuts[3] == 9 && cuts[4] == len,
	   "a part a line after the first: cut at each line's start");
	n = forkjoin_cut(text, len, 3, 4, cuts, 7);
	ok(n == 3 && cuts[2] == 9 && cuts[3] == len, "parts of four bytes end at the line after");
	n = forkjoin_cut(text, len, 3, 1, cuts, 2);
	ok(n == 2 && cuts[1] == 3 && cuts[2] == len, "at most max parts: the last takes the rest");
	is_num(forkjoin_line_after(text, len, 4), 6, "the line after the one at 4 starts at 6");
	is_num(forkjoin_line_after("abc", 3, 0), 3, "no line end: the text's end");
}

/* Every part runs once, whichever thread takes it. */
static void count_part(void *arg, size_t k)
{
	((int *)arg)[k]++;
}

static void test_forkjoin(void)
{
	int runs[1000] = {0};
	size_t k, once = 0;

	forkjoin(1000, count_part, runs);
	for (k = 0; k < 1000; k++)
		once += runs[k] == 1;
	is_num(once, 1000, "forkjoin: each of 1000 parts ran exactly once");
	forkjoin(0, count_part, runs);
	ok(runs[0] == 1, "forkjoin of none runs nothing");
}

int main(void)
{
	tap_setup();
	lex = lexicon_builtin();
	test_cuts();
	test_forkjoin();
	test_long_text();
	test_title_waits();
	test_pages();
	test_library();
	lexicon_free((struct lexicon *)lex);
	return done_testing();
}

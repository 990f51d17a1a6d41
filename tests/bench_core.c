/*
 * bench_core — the in-process half of the benchmark (bench.py runs it):
 *   bench_core load FILE          load time (wall, CPU) of FILE, as --check does
 *   bench_core search FILE TERM   time of one search across FILE (loaded first)
 *   bench_core keys FILE          CPU per key of 1,000 navigation keys (state +
 *                                 render, everything but the terminal) at 80x24
 *   bench_core pages              Space presses to read the bundled collection
 *                                 with the list hidden at 80x24, to its end
 *   bench_core layout FILE        layout time per MB at width 78
 *   bench_core switch FILE        CPU per v (view) and per filter key (1, 0), each
 *                                 view and filter shown once first (built once)
 *   bench_core concord FILE TERM  CPU per j in the concordance of TERM
 *   bench_core fold FILE TERM     a search with 繁简 folding on
 * FILE may be a directory (a library).
 * Each prints "name value" lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>
#include <locale.h>
#include <malloc.h>

#include "group.h"
#include "hanfold.h"
#include "text.h"
#include "load.h"
#include "page.h"
#include "render.h"
#include "search.h"
#include "state.h"
#include "util.h"

static double now(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct corpus *load(const char *path, struct lexicon *lex)
{
	struct corpus *c = corpus_new();
	struct parse_opts o = {.lex = lex, .repair = true};
	char *names[] = {(char *)path};

	load_all(c, path ? names : NULL, path ? 1 : 0, &o, &(struct load_count){0});
	return c;
}

static const char *const key_script = "jjJK b30Gg\tjk\t5J0\x01jj";

/* CPU per key of script, repeated to n keys, after the keys of setup. */
static double script_cpu(struct corpus *c, struct lexicon *lex, struct hanfold *han,
			 const char *setup, const char *script, int n)
{
	struct state_opts o = {.dept = GROUP_ALL, .speech = 0, .ambiguous_width = 1,
			       .fullwidth = true, .han = han};
	struct state st;
	struct grid g;
	double t0;
	int i;

	state_init(&st, c, lex, &o, 24, 80);
	grid_init(&g);
	for (const char *k = setup; *k;) {
		uint32_t uc;
		k += text_next(k, strlen(k), &uc);
		state_key(&st, uc);
	}
	st.request = REQ_NONE;
	render(&st, &g);
	t0 = now(CLOCK_PROCESS_CPUTIME_ID);
	for (i = 0; i < n; i++) {
		char k = script[i % strlen(script)];
		state_key(&st, k == '\x01' ? KEY_PGDN : (uint32_t)(unsigned char)k); /* ^A: PgDn */
		st.request = REQ_NONE;
		render(&st, &g);
	}
	t0 = now(CLOCK_PROCESS_CPUTIME_ID) - t0;
	grid_fini(&g);
	state_fini(&st);
	return t0 / n;
}

static int pages(struct corpus *c, struct lexicon *lex)
{
	struct state_opts o = {.dept = GROUP_ALL, .speech = 0, .ambiguous_width = 1, .fullwidth = true};
	struct state st;
	size_t total;
	int presses = 0;

	state_init(&st, c, lex, &o, 24, 80);
	state_key(&st, 'z');
	while (!(state_position(&st, &total) == total && state_percent(&st) == 100)) {
		state_key(&st, ' ');
		presses++;
	}
	state_fini(&st);
	return presses;
}

int main(int argc, char **argv)
{
	struct lexicon *lex;
	struct corpus *c;
	double w, t;

	setlocale(LC_ALL, "C.UTF-8");
	mallopt(M_MMAP_THRESHOLD, 1 << 20); /* as main does */
	if (argc < 2)
		return 2;
	lex = lexicon_builtin();
	if (strcmp(argv[1], "load") == 0 && argc == 3) {
		w = now(CLOCK_MONOTONIC);
		t = now(CLOCK_PROCESS_CPUTIME_ID);
		c = load(argv[2], lex);
		printf("load_wall %.4f\nload_cpu %.4f\nspeeches %zu\n", now(CLOCK_MONOTONIC) - w,
		       now(CLOCK_PROCESS_CPUTIME_ID) - t, c->speeches.n);
	} else if (strcmp(argv[1], "search") == 0 && argc == 4) {
		struct search s;
		double best = 1e9;
		c = load(argv[2], lex);
		search_init(&s);
		for (int k = 0; k < 5; k++) { /* the best of five, as for grep */
			w = now(CLOCK_MONOTONIC);
			search_compile(&s, argv[3], strlen(argv[3]));
			search_run(&s, c, GROUP_ALL);
			best = MIN(best, now(CLOCK_MONOTONIC) - w);
		}
		printf("search_wall %.4f\nmatches %zu\n", best, s.n);
		search_fini(&s);
	} else if (strcmp(argv[1], "keys") == 0 && argc == 3) {
		double best = 1e9;
		c = load(strcmp(argv[2], "-") == 0 ? NULL : argv[2], lex);
		for (int k = 0; k < 5; k++) /* the best of five runs of 1,000 keys */
			best = MIN(best, script_cpu(c, lex, NULL, "", key_script, 1000));
		printf("key_cpu %.9f\n", best);
	} else if (strcmp(argv[1], "pages") == 0) {
		c = load(NULL, lex);
		printf("pages %d\n", pages(c, lex));
	} else if (strcmp(argv[1], "layout") == 0 && argc == 3) {
		struct page_opts po = {78, 1, true, lex, NULL, false, true};
		struct page pg;
		size_t i, bytes = 0;
		c = load(argv[2], lex);
		page_init(&pg);
		w = now(CLOCK_PROCESS_CPUTIME_ID);
		for (i = 0; i < c->speeches.n && i < 20000; i++) {
			page_build(&pg, c, i, &po);
			bytes += pg.text.len;
		}
		w = now(CLOCK_PROCESS_CPUTIME_ID) - w;
		printf("layout_s_per_mb %.4f\nlayout_mb %.1f\n", w / ((double)bytes / 1048576.0),
		       (double)bytes / 1048576.0);
		page_fini(&pg);
	} else if (strcmp(argv[1], "switch") == 0 && argc == 3) {
		c = load(strcmp(argv[2], "-") == 0 ? NULL : argv[2], lex);
		printf("view_cpu %.9f\n", script_cpu(c, lex, NULL, "vvv", "v", 30));
		printf("filter_cpu %.9f\n", script_cpu(c, lex, NULL, "", "10", 200));
		printf("filter_page_view_cpu %.9f\n", script_cpu(c, lex, NULL, "v10", "10", 30));
	} else if (strcmp(argv[1], "concord") == 0 && argc == 4) {
		struct hanfold han;
		char setup[256];
		hanfold_init(&han);
		c = load(strcmp(argv[2], "-") == 0 ? NULL : argv[2], lex);
		snprintf(setup, sizeof(setup), "/%s\nc", argv[3]);
		printf("concord_cpu %.9f\n", script_cpu(c, lex, &han, setup, "jjjjjjjjjk", 1000));
		hanfold_fini(&han);
	} else if (strcmp(argv[1], "fold") == 0 && argc == 4) {
		struct search s;
		struct hanfold han;
		double best = 1e9;
		c = load(argv[2], lex);
		hanfold_init(&han);
		hanfold_ready(&han);
		search_init(&s);
		s.han = &han;
		for (int k = 0; k < 5; k++) {
			w = now(CLOCK_MONOTONIC);
			search_compile(&s, argv[3], strlen(argv[3]));
			search_run(&s, c, GROUP_ALL);
			best = MIN(best, now(CLOCK_MONOTONIC) - w);
		}
		printf("fold_wall %.4f\nmatches %zu\n", best, s.n);
		search_fini(&s);
		hanfold_fini(&han);
	} else {
		return 2;
	}
	corpus_free(c);
	lexicon_free(lex);
	return 0;
}

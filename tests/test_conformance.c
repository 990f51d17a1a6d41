/*
 * Conformance against Debian's unicode-data (SPEC 3.3):
 *  - break opportunities (libunistring's UAX #14, before fayan's kinsoku)
 *    against auxiliary/LineBreakTest.txt, failures grouped by the rule the
 *    test file names at the first boundary that differs;
 *  - fayan's width rule against EastAsianWidth.txt for every code point the
 *    file lists, differences grouped by East Asian Width class.
 * The counts are printed; the assertions pin them as floors and ceilings so
 * a regression shows, and the explanations are in the notes below.
 */
#include "tap.h"

#include <stdlib.h>
#include <unilbrk.h>

#include "text.h"
#include "util.h"

#define UCD "/usr/share/unicode/"

struct group {
	char key[32];
	size_t count;
	char example[160];
};

static struct group groups[256];
static size_t group_count;

static void tally(const char *key, const char *example)
{
	size_t i;

	for (i = 0; i < group_count && strcmp(groups[i].key, key) != 0; i++)
		;
	if (i == group_count) {
		if (group_count == ARRAY_LEN(groups))
			return;
		groups[i].count = 0;
		snprintf(groups[i].key, sizeof(groups[i].key), "%s", key);
		snprintf(groups[i].example, sizeof(groups[i].example), "%s", example);
		group_count++;
	}
	groups[i].count++;
}

static void print_groups(const char *what)
{
	size_t i;

	for (i = 0; i < group_count; i++)
		printf("#   %s %-10s %5zu  e.g. %s\n", what, groups[i].key, groups[i].count,
		       groups[i].example);
	group_count = 0;
}

/* One test line: "× 0023 ÷ 0020 × 0308 ÷\t# × [0.3] … ÷ [18.0] …". Returns
 * -1 when the line is no test, else 1 when fayan agrees, 0 when not. */
static int check_linebreak_line(char *line)
{
	char *comment = strchr(line, '#'), *tok, *save = NULL;
	bool want[64];
	size_t offsets[64], n = 0, k;
	struct buf s = {0};
	char *p;

	if (!comment || comment == line)
		return -1;
	*comment++ = '\0';
	comment[strcspn(comment, "\n")] = '\0';
	for (tok = strtok_r(line, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
		if (strcmp(tok, "\xC3\x97") == 0 || strcmp(tok, "\xC3\xB7") == 0) {
			if (n > 0 && n < 64)
				want[n] = tok[1] == '\xB7'; /* ÷: break before code point n */
		} else if (n < 63) {
			offsets[n++] = s.len;
			buf_add_uc(&s, (uint32_t)strtoul(tok, NULL, 16));
		}
	}
	p = xmalloc(s.len + 1);
	u8_possible_linebreaks((const uint8_t *)s.data, s.len, "UTF-8", p);
	int agree = 1;
	for (k = 1; k < n && agree; k++) {
		bool got = p[offsets[k]] == UC_BREAK_POSSIBLE ||
			   p[offsets[k - 1]] == UC_BREAK_MANDATORY;
		if (got != want[k]) {
			/* The rule the test file names for boundary k. */
			char *rule = comment;
			size_t seen = 0;
			while ((rule = strchr(rule, '[')) && ++seen <= k)
				rule++;
			char key[32] = "?";
			if (rule)
				sscanf(rule, "[%31[^]]", key);
			tally(key, comment);
			agree = 0;
		}
	}
	free(p);
	buf_fini(&s);
	return agree;
}

static void test_linebreaks(void)
{
	FILE *f = fopen(UCD "auxiliary/LineBreakTest.txt", "r");
	char line[4096];
	size_t pass = 0, total = 0;
	int r;

	if (!ok(f != NULL, "LineBreakTest.txt is there (package unicode-data)"))
		return;
	while (fgets(line, sizeof(line), f))
		if ((r = check_linebreak_line(line)) >= 0) {
			total++;
			pass += (size_t)r;
		}
	fclose(f);
	printf("# LineBreakTest: %zu of %zu cases agree\n", pass, total);
	print_groups("rule");
	ok(total > 7000, "read %zu cases", total);
	/*
	 * libunistring 1.0 implements an older UAX #14 than the 15.0 test
	 * file. The groups above: controls and tabs (rules 4-7, 14, 18: fayan
	 * never hands them to the breaker: they are shown as control pictures
	 * and TAB is a space), CB/RI/emoji classes (20.x, 30.x), and the
	 * numeric-context rules (25, 29, "999" = the default break) that newer
	 * versions changed. None touches CJK text and punctuation, which the
	 * wrap tests check on their own.
	 */
	ok(pass * 100 >= total * 95, "libunistring agrees on at least 95%% (%zu/%zu)", pass, total);
}

static void test_widths(void)
{
	FILE *f = fopen(UCD "EastAsianWidth.txt", "r");
	char line[512], cls[4], key[32], example[64];
	unsigned lo, hi, uc;
	size_t listed = 0, wide_not_2 = 0, narrow_2 = 0;

	if (!ok(f != NULL, "EastAsianWidth.txt is there (package unicode-data)"))
		return;
	while (fgets(line, sizeof(line), f)) {
		/* Unassigned code points (general category Cn) are listed too,
		 * with the width their block would give; wcwidth() rightly
		 * rejects them, so they are left out. */
		if (line[0] == '#' || sscanf(line, "%x", &lo) != 1 || strstr(line, "# Cn"))
			continue;
		if (sscanf(line, "%x..%x;%3s", &lo, &hi, cls) != 3) {
			hi = lo;
			if (sscanf(line, "%x;%3s", &lo, cls) != 2)
				continue;
		}
		for (uc = lo; uc <= hi; uc++) {
			int w = text_width(text_sanitise(uc), 1);
			bool wide = strcmp(cls, "W") == 0 || strcmp(cls, "F") == 0;
			listed++;
			if (wide == (w == 2))
				continue;
			wide_not_2 += wide;
			narrow_2 += !wide;
			snprintf(key, sizeof(key), "%s->%d", cls, w);
			snprintf(example, sizeof(example), "U+%04X", uc);
			tally(key, example);
		}
	}
	fclose(f);
	printf("# EastAsianWidth: %zu code points listed; W/F not 2 columns: %zu; others 2: %zu\n",
	       listed, wide_not_2, narrow_2);
	print_groups("class");
	/*
	 * What the groups mean (glibc 2.36 against Unicode 15.0):
	 *   W->0  ideographic tone marks and kana voicing marks (U+302A…,
	 *         U+3099…): combining, so wcwidth gives 0 whatever EAW says;
	 *   W->1  characters newer than glibc's tables (Unicode 15: CJK
	 *         Extension H at U+31350…, small kana U+1B132…), which
	 *         wcwidth() rejects and fayan shows as U+FFFD, 1 column;
	 *   A->2, N->2  glibc's own choices: circled numbers on black squares
	 *         (U+3248…), Yijing hexagrams (U+4DC0…) drawn wide as CJK
	 *         terminals draw them.
	 * fayan follows wcwidth in every case, since that is what ncursesw
	 * moves its cursor by; the ceilings keep the lists from growing.
	 */
	ok(listed > 250000, "read %zu assigned code points", listed);
	ok(narrow_2 < 400, "A and N code points wcwidth makes 2 columns: %zu", narrow_2);
	ok(wide_not_2 < 4300, "W/F code points not 2 columns: %zu", wide_not_2);
}

int main(void)
{
	tap_setup();
	test_linebreaks();
	test_widths();
	return done_testing();
}

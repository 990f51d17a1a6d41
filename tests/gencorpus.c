/*
 * gencorpus — a deterministic large collection in the seed's format, for the
 * benchmarks: the seed's speeches (everything after its title) repeated until
 * the output reaches SIZE megabytes, each copy with its own speaker names
 * (a number appended) and, every few copies, its own county (a place prefix
 * on each post), so departments and speakers vary. Layout damage (broken
 * sentences, pull quotes) is kept as the seed has it.
 * With LAYOUT own-line, each speaker line becomes "POSTS  NAME" on a line of
 * its own with its text below, and the names vary by one more character
 * (own-line names are found through the surname list, so no digits).
 * usage: gencorpus SEED SIZE_MB [bold|own-line] > out.txt
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const counties[] = {
	"东至县", "望江县", "宿松县", "太湖县", "潜山县", "岳西县", "怀宁县", "桐城县",
	"枞阳县", "石台县", "青阳县", "泾县",   "旌德县", "绩溪县", "歙县",   "休宁县",
};

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data;
	long n;

	if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0)
		return NULL;
	rewind(f);
	data = malloc((size_t)n + 1);
	if (!data || fread(data, 1, (size_t)n, f) != (size_t)n)
		return NULL;
	data[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return data;
}

/* Appended to names in the own-line layout: ten characters, three bytes each. */
static const char stems[] = "甲乙丙丁戊己庚辛壬癸";

/* POSTS  NAMEx, a blank line, the text: the seed's speaker line own-line. */
static void put_own_line(const char *line, size_t len, const char *open, const char *close,
			 unsigned copy)
{
	const char *text = close + 2, *end = line + len;

	fwrite(line, 1, (size_t)(open - line), stdout);
	fputs("  ", stdout);
	fwrite(open + 2, 1, (size_t)(close - open - 2), stdout);
	if (copy > 0)
		fwrite(stems + 3 * (copy % 10), 1, 3, stdout);
	fputs("\n\n", stdout);
	if (text < end && *text == ':')
		text++;
	fwrite(text, 1, (size_t)(end - text), stdout);
}

/* Writes one line, renaming a speaker line's speaker and prefixing its posts. */
static void put_line(const char *line, size_t len, unsigned copy, bool own_line)
{
	const char *open = memmem(line, len, "**", 2), *close;

	if (!open || !(close = memmem(open + 2, len - (size_t)(open + 2 - line), "**", 2))) {
		fwrite(line, 1, len, stdout);
		return;
	}
	if (copy > 0)
		fputs(counties[(copy / 4) % (sizeof(counties) / sizeof(counties[0]))], stdout);
	if (own_line) {
		put_own_line(line, len, open, close, copy);
		return;
	}
	fwrite(line, 1, (size_t)(close - line), stdout);
	if (copy > 0)
		printf("%u", copy);
	fwrite(close, 1, len - (size_t)(close - line), stdout);
}

int main(int argc, char **argv)
{
	size_t len, body, written = 0, target, pos;
	unsigned copy;
	char *seed;
	bool own_line = argc == 4 && strcmp(argv[3], "own-line") == 0;

	if (argc < 3 || argc > 4 || (argc == 4 && !own_line && strcmp(argv[3], "bold") != 0) ||
	    !(seed = read_all(argv[1], &len))) {
		fprintf(stderr, "usage: gencorpus SEED SIZE_MB [bold|own-line]\n");
		return 2;
	}
	target = (size_t)(atof(argv[2]) * 1024 * 1024);
	/* The title: the first non-blank line. */
	for (body = 0; body < len && seed[body] == '\n'; body++)
		;
	body = (size_t)(strchr(seed + body, '\n') - seed) + 1;
	fwrite(seed, 1, body, stdout);
	written = body;
	for (copy = 0; written < target; copy++) {
		for (pos = body; pos < len;) {
			const char *nl = memchr(seed + pos, '\n', len - pos);
			size_t end = nl ? (size_t)(nl - seed) + 1 : len;
			put_line(seed + pos, end - pos, copy, own_line);
			pos = end;
		}
		written += len - body + 64; /* near enough: names and places add a little */
	}
	free(seed);
	return 0;
}

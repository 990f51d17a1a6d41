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
 *
 * With dir, a library instead: N collections of about 10 KB in DIR (第1期.txt
 * …), each with its own title and a run of the seed's speeches (so the same
 * people speak on many pages, in several counties' departments), every fifth
 * in Traditional characters (a small table of common characters).
 * usage: gencorpus SEED N dir DIR
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

/* Simplified → Traditional for the commonest characters that differ. */
static const char trad_pairs[][2][4] = {
	{"发", "發"}, {"国", "國"}, {"这", "這"}, {"会", "會"}, {"时", "時"}, {"为", "為"},
	{"们", "們"}, {"经", "經"}, {"济", "濟"}, {"区", "區"}, {"县", "縣"}, {"务", "務"},
	{"业", "業"}, {"设", "設"}, {"进", "進"}, {"实", "實"}, {"现", "現"}, {"动", "動"},
	{"产", "產"}, {"开", "開"}, {"关", "關"}, {"长", "長"}, {"东", "東"}, {"门", "門"},
	{"问", "問"}, {"题", "題"}, {"对", "對"}, {"过", "過"}, {"还", "還"}, {"来", "來"},
	{"说", "說"}, {"学", "學"}, {"习", "習"}, {"应", "應"}, {"该", "該"}, {"点", "點"},
	{"个", "個"}, {"华", "華"}, {"书", "書"}, {"记", "記"}, {"传", "傳"}, {"创", "創"},
};

/* Writes s (NUL-ended) to f, in Traditional characters when trad. */
static void put_text(FILE *f, const char *s, size_t len, bool trad)
{
	size_t i, k;

	for (i = 0; i < len;) {
		for (k = 0; trad && k < sizeof(trad_pairs) / sizeof(trad_pairs[0]); k++)
			if (strncmp(s + i, trad_pairs[k][0], 3) == 0)
				break;
		if (trad && k < sizeof(trad_pairs) / sizeof(trad_pairs[0])) {
			fputs(trad_pairs[k][1], f);
			i += 3;
		} else {
			fputc(s[i++], f);
		}
	}
}

enum { SPEECHES_MAX = 64, LIBRARY_SPEECHES = 9, LIBRARY_PEOPLE = 40 };

/* The seed's speeches: each ends with its byline line (全媒体记者 …). */
static size_t split_speeches(const char *seed, size_t body, size_t len, size_t *start, size_t *end)
{
	size_t n = 0, pos = body, from = body;

	while (pos < len && n < SPEECHES_MAX) {
		const char *nl = memchr(seed + pos, '\n', len - pos);
		size_t next = nl ? (size_t)(nl - seed) + 1 : len;
		if (strncmp(seed + pos, "全媒体记者", strlen("全媒体记者")) == 0) {
			start[n] = from;
			end[n++] = next;
			from = next;
		}
		pos = next;
	}
	return n;
}

/* One speech into f: the speaker renamed to one of LIBRARY_PEOPLE people,
 * the posts in one of the counties. */
static void put_library_speech(FILE *f, const char *s, size_t len, unsigned person, bool trad)
{
	size_t pos = 0;

	while (pos < len) {
		const char *nl = memchr(s + pos, '\n', len - pos);
		size_t next = nl ? (size_t)(nl - s) + 1 : len;
		const char *open = memmem(s + pos, next - pos, "**", 2), *close = NULL;
		if (open)
			close = memmem(open + 2, (size_t)(s + next - open - 2), "**", 2);
		if (!close) {
			put_text(f, s + pos, next - pos, trad);
		} else {
			put_text(f, counties[person % (sizeof(counties) / sizeof(counties[0]))],
				 strlen(counties[person % (sizeof(counties) / sizeof(counties[0]))]), trad);
			put_text(f, s + pos, (size_t)(close - s - pos), trad);
			fprintf(f, "%u", person);
			put_text(f, close, (size_t)(s + next - close), trad);
		}
		pos = next;
	}
}

static int write_library(const char *seed, size_t len, size_t body, unsigned count, const char *dir)
{
	size_t start[SPEECHES_MAX], end[SPEECHES_MAX], n = split_speeches(seed, body, len, start, end);
	char path[4096];
	unsigned i, k;

	if (n == 0)
		return 1;
	for (i = 0; i < count; i++) {
		bool trad = i % 5 == 4;
		snprintf(path, sizeof(path), "%s/第%u期.txt", dir, i + 1);
		FILE *f = fopen(path, "w");
		if (!f)
			return 1;
		fprintf(f, "第%u期 考察活动之讨论发言摘要（%s）\n\n", i + 1, counties[i % 16]);
		for (k = 0; k < LIBRARY_SPEECHES; k++) {
			size_t sp = (i * 5 + k) % n;
			put_library_speech(f, seed + start[sp], end[sp] - start[sp],
					   (unsigned)((i + k * 7 + sp) % LIBRARY_PEOPLE), trad);
		}
		if (fclose(f) != 0)
			return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	size_t len, body, written = 0, target, pos;
	unsigned copy;
	char *seed;
	bool own_line = argc == 4 && strcmp(argv[3], "own-line") == 0;

	if (argc == 5 && strcmp(argv[3], "dir") == 0) {
		if (!(seed = read_all(argv[1], &len)))
			return 2;
		for (body = 0; body < len && seed[body] == '\n'; body++)
			;
		body = (size_t)(strchr(seed + body, '\n') - seed) + 1;
		int status = write_library(seed, len, body, (unsigned)atoi(argv[2]), argv[4]);
		free(seed);
		return status;
	}

	if (argc < 3 || argc > 4 || (argc == 4 && !own_line && strcmp(argv[3], "bold") != 0) ||
	    !(seed = read_all(argv[1], &len))) {
		fprintf(stderr, "usage: gencorpus SEED SIZE_MB [bold|own-line]\n"
				"       gencorpus SEED N dir DIR\n");
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

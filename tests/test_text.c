/* UTF-8 stepping, sanitising, widths and the full-width mapping. */
#include "tap.h"

#include <stdlib.h>

#include "text.h"
#include "utf8scan.h"
#include "forkjoin.h"
#include "load.h"
#include <unistd.h>
#include "util.h"

static struct buf b;

static const char *display(const char *s, bool fullwidth)
{
	buf_clear(&b);
	text_display(&b, s, strlen(s), fullwidth);
	return b.data;
}

static void test_decode(void)
{
	uint32_t uc;

	is_num(text_next("\xE4\xB8\xAD", 3, &uc), 3, "three-byte character");
	is_num(uc, 0x4E2D, "中");
	is_num(text_next("\xC0\xAF", 2, &uc), 1, "overlong encoding: one byte");
	is_num(uc, REPLACEMENT_CHAR, "as U+FFFD");
	text_next("\xED\xA0\x80", 3, &uc);
	is_num(uc, REPLACEMENT_CHAR, "surrogate rejected");
	text_next("\xF0\x9F\x98\x80", 4, &uc);
	is_num(uc, 0x1F600, "outside the BMP");
	is_num(text_next("\xE4\xB8", 2, &uc), 1, "truncated sequence");
	is_num(text_prev("a\xE4\xB8\xAD", 4), 1, "prev finds the lead byte");
	is_num(text_char_count("a中b", strlen("a中b")), 3, "character count");
	/* Counted eight bytes at a time, then the rest: every length and offset. */
	{
		const char *mix = "中文abc発言·😀de市委组织部副部长x";
		size_t n = strlen(mix), from, len, bad = 0;
		for (from = 0; from < n; from++)
			for (len = 0; from + len <= n; len++) {
				size_t want = 0, i;
				for (i = from; i < from + len; i++)
					want += ((unsigned char)mix[i] & 0xC0) != 0x80;
				bad += text_char_count(mix + from, len) != want;
			}
		is_num(bad, 0, "character count of every slice agrees with a byte loop");
	}
}

static void test_sanitise(void)
{
	is_num(text_sanitise(0x1B), 0x241B, "ESC shown as ␛");
	is_num(text_sanitise(0x7F), 0x2421, "DEL as ␡");
	is_num(text_sanitise(0x9B), REPLACEMENT_CHAR, "C1 CSI as U+FFFD");
	is_num(text_sanitise(0x202E), REPLACEMENT_CHAR, "bidi override as U+FFFD");
	is_num(text_sanitise(0x200D), 0x200D, "ZWJ passes");
	is_num(text_width(0x200D, 1), 0, "with width 0");
	is_str(display("a\x1b[2Jb", false), "a\xE2\x90\x9B[2Jb", "an escape sequence is defused");
}

static void test_widths(void)
{
	is_num(text_width(0x4E2D, 1), 2, "Han is 2 columns");
	is_num(text_width('a', 2), 1, "ASCII is 1 column");
	is_num(text_width(0x201C, 1), 1, "“ is 1 column by default");
	is_num(text_width(0x201C, 2), 2, "“ is 2 columns with --ambiguous=2");
	ok(text_is_ambiguous(0x00B7), "· is ambiguous");
	ok(!text_is_ambiguous(0x4E2D), "中 is not");
	is_num(text_width(0x0301, 2), 0, "a combining mark stays 0 even if ambiguous");
	is_num(text_str_width("中a“", strlen("中a“"), 1), 4, "string width");
	is_num(text_str_width("\x1b", 1, 1), 1, "a control counts as its picture");
}

static void test_fullwidth(void)
{
	is_str(display("你好,世界:是吗?对!", true), "你好，世界：是吗？对！", "mapped after Han");
	is_str(display("“好”,他说", true), "“好”，他说", "mapped after a closing quote");
	is_str(display("共3,000人", true), "共3,000人", "not after a digit");
	/* SPEC 3.3: beside Chinese on either side, unless between ASCII letters or digits. */
	is_str(display("中,3", true), "中，3", "before a digit, after Han");
	is_str(display("增长6.5%,高于全省;占85%", true), "增长6.5%，高于全省；占85%",
	       "after %% and before Han");
	is_str(display("发布,Python", true), "发布，Python", "before English");
	is_str(display("时间:9:30", true), "时间：9:30", "a time's colon stays");
	is_str(display("1,234和10:30和3:1", true), "1,234和10:30和3:1",
	       "thousands, times and ratios stay");
	is_str(display("a, b", true), "a, b", "Latin text untouched");
	is_str(display("你好,世界", false), "你好,世界", "--no-fullwidth");
	is_str(display("好?!", true), "好？！", "a run of marks");
}

static void test_trim(void)
{
	struct str s = str_trim(str_from("\xE3\x80\x80 x \t"));

	ok(s.len == 1 && s.s[0] == 'x', "trim removes spaces, tabs and U+3000");
	/* each end alone, and texts whose end bytes only look like a space's */
	static const char *const cases[][2] = {
		{"x\xE3\x80\x80", "x"}, {"\xE3\x80\x80x", "x"}, {"\tx", "x"}, {"x ", "x"},
		{"\xE4\xB8\x80", "\xE4\xB8\x80"},             /* 一 ends in 80 */
		{"\xE3\x80\x81\xE4\xB8\x80", "\xE3\x80\x81\xE4\xB8\x80"}, /* 、一 starts with E3 */
		{"\xE3\x80\x80", ""}, {"", ""}, {"ab", "ab"},
	};
	size_t i, right = 0;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = str_trim(str_from(cases[i][0]));
		right += s.len == strlen(cases[i][1]) && memcmp(s.s, cases[i][1], s.len) == 0;
	}
	is_num(right, sizeof(cases) / sizeof(cases[0]), "trim: one end at a time, and near misses kept");
}

/* The reference: step with text_next, which rejects what UTF-8 forbids. */
static bool reference_valid(const char *s, size_t len, bool *plain)
{
	size_t i = 0, n;
	uint32_t uc;

	*plain = true;
	while (i < len) {
		n = text_next(s + i, len - i, &uc);
		if (uc == REPLACEMENT_CHAR && n == 1)
			return false;
		if (uc == '\r' || uc == '\t' || uc == 0x85 || uc == 0x2028 || uc == 0x2029)
			*plain = false;
		i += n;
	}
	return true;
}

/* The fast validator (AVX2 where the machine has it) against the reference
 * on random strings built from the bytes that matter, at lengths around the
 * 32-byte blocks. */
static void test_scan(void)
{
	static const unsigned char pool[] = {'a', '\n', '\r', '\t', 0x80, 0x85, 0x8F, 0x90, 0x9F,
					     0xA0, 0xA8, 0xA9, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE2,
					     0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xB8, 0xAD};
	static const char *const good[] = {"中文", ("a\xE2\x80\x9C" "b"), "\xF0\x9F\x98\x80", "\xC2\x85"};
	char buf[200];
	size_t disagree = 0, valid = 0, i, k, disagree_split = 0, splits = 0;
	unsigned seed = 12345;

	for (i = 0; i < 200000; i++) {
		size_t len = (seed = seed * 1103515245 + 12345) % 100;
		for (k = 0; k < len;) {
			seed = seed * 1103515245 + 12345;
			if ((seed >> 16) % 3 == 0) { /* a whole valid character now and then */
				const char *g = good[(seed >> 20) % 4];
				size_t n = strlen(g);
				if (k + n > len)
					break;
				memcpy(buf + k, g, n);
				k += n;
			} else {
				buf[k++] = (char)pool[(seed >> 16) % sizeof(pool)];
			}
		}
		len = k;
		bool p1, p2, p3;
		size_t n1, n2, n3 = 0;
		bool v1 = utf8_scan(buf, len, &p1, &n1), v2 = utf8_scan_scalar(buf, len, &p2, &n2);
		bool v3 = reference_valid(buf, len, &p3);
		for (k = 0; k < len; k++)
			n3 += buf[k] == '\n';
		disagree += v1 != v3 || v2 != v3 || (v3 && (p1 != p3 || p2 != p3 || n1 != n3 || n2 != n3));
		valid += v3;
		for (k = 0; i % 64 == 0 && k < len; k++) { /* cut after each LF, two threads */
			bool p4;
			size_t n4;
			if (buf[k] != '\n')
				continue;
			bool v4 = utf8_scan_split(buf, len, k + 1, &p4, &n4);
			disagree_split += v4 != v3 || (v3 && (p4 != p3 || n4 != n3));
			splits++;
		}
	}
	ok(disagree == 0 && valid > 1000,
	   "utf8_scan agrees with text_next (validity, plainness, LF count) on 200000 random strings (%zu valid)", valid);
	ok(disagree_split == 0 && splits > 1000,
	   "cut after an LF and scanned by two threads, the same (%zu cuts)", splits);
	bool plain;
	size_t lines;
	ok(!utf8_scan("\xED\xA0\x80", 3, &plain, &lines), "a surrogate is invalid");
	ok(!utf8_scan("\xF4\x90\x80\x80", 4, &plain, &lines), "past U+10FFFF is invalid");
	ok(!utf8_scan("\xE0\x9F\xBF", 3, &plain, &lines), "an overlong form is invalid");
}

/* Writes len bytes to a new file and reads them back as the loader does;
 * the check it made must be a whole scan's. */
static bool check_is_scan(const char *bytes, size_t len)
{
	char path[] = "/tmp/fayan-check-XXXXXX", *back = NULL;
	int fd = mkstemp(path);
	struct utf8_tally check = {0};
	size_t back_len = 0, lines;
	bool plain, valid = utf8_scan(bytes, len, &plain, &lines), same;

	if (fd < 0 || write(fd, bytes, len) != (ssize_t)len || lseek(fd, 0, SEEK_SET) != 0)
		return false;
	same = load_fd_checked(fd, &back, &back_len, &check, NULL) && back_len == len && check.complete &&
	       check.valid == valid && (!valid || (check.plain == plain && check.newlines == lines));
	close(fd);
	unlink(path);
	free(back);
	return same;
}

/* A large file is checked as UTF-8 while it is read, a piece at a time,
 * each half from its own first line on, the seam and the last line after:
 * the check must be the whole text's wherever an odd byte stands. */
static void test_read_check(void)
{
	const size_t size = (size_t)FORKJOIN_MIN_BYTES + (2u << 20), piece = 1u << 20;
	const size_t mid = size / 2 & ~(HUGE_PAGE_BYTES - 1);
	const size_t spots[] = {0, 1, piece - 1, piece, mid - 2, mid - 1, mid, mid + 1, mid + 7,
				mid + piece, size - 4, size - 1};
	const char *odd[] = {"\t", "\r", "\xFF", "\xE4\xB8", "\xE2\x80\xA8", "\n"};
	const char line[] = "\xE5\x8F\x91\xE8\xA8\x80 speech\n"; /* 发言 */
	char *text = xmalloc(size);
	size_t bad = 0, tried = 0;

	for (size_t i = 0; i < size; i++)
		text[i] = line[i % (sizeof(line) - 1)];
	bad += !check_is_scan(text, size);
	for (size_t s = 0; s < sizeof(spots) / sizeof(*spots); s++)
		for (size_t o = 0; o < sizeof(odd) / sizeof(*odd); o++) {
			char *t = xmalloc(size);
			memcpy(t, text, size);
			memcpy(t + spots[s], odd[o], MIN(strlen(odd[o]), size - spots[s]));
			bad += !check_is_scan(t, size);
			tried++;
			free(t);
		}
	ok(bad == 0, "a large file's check while read is a whole scan's, an odd byte at %zu places", tried);
	/* lines only in the first half; then none at all */
	memset(text + piece, 'a', size - piece);
	ok(check_is_scan(text, size), "the same when the second half has no line end");
	memset(text, 'a', size);
	text[mid] = (char)0xC3;
	ok(check_is_scan(text, size), "the same when no line ends at all");
	free(text);
}

int main(void)
{
	tap_setup();
	test_decode();
	test_sanitise();
	test_widths();
	test_fullwidth();
	test_trim();
	test_scan();
	test_read_check();
	buf_fini(&b);
	return done_testing();
}

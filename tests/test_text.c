/* UTF-8 stepping, sanitising, widths and the full-width mapping. */
#include "tap.h"

#include <stdlib.h>

#include "text.h"
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
	is_str(display("中,3", true), "中,3", "not before a digit");
	is_str(display("a, b", true), "a, b", "Latin text untouched");
	is_str(display("你好,世界", false), "你好,世界", "--no-fullwidth");
	is_str(display("好?!", true), "好？！", "a run of marks");
}

static void test_trim(void)
{
	struct str s = str_trim(str_from("\xE3\x80\x80 x \t"));

	ok(s.len == 1 && s.s[0] == 'x', "trim removes spaces, tabs and U+3000");
}

int main(void)
{
	tap_setup();
	test_decode();
	test_sanitise();
	test_widths();
	test_fullwidth();
	test_trim();
	buf_fini(&b);
	return done_testing();
}

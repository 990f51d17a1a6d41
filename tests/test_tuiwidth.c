/*
 * The width rule with the screen linked in (issue 11): tui.c defines a
 * wcwidth of its own for ncursesw, which answers 2 for “ ” · … once the
 * screen is at Ambiguous width 2. The core's widths must not follow it:
 * they come from the C library and the width their caller hands in.
 */
#include "tap.h"

#include <wchar.h>

#include "text.h"
#include "tui.h"

int main(void)
{
	tap_setup();
	tui_set_ambiguous_width(2);
	is_num(wcwidth(0x201C), 2, "the screen's wcwidth makes “ two columns at width 2");
	is_num(text_libc_wcwidth(0x201C), 1, "the C library's answer is still 1");
	is_num(text_width(0x201C, 1), 1, "so the core's width at Ambiguous width 1 is 1");
	is_num(text_width(0x201C, 2), 2, "and at width 2 it is 2");
	is_num(text_str_width("“十四五”", strlen("“十四五”"), 1), 8,
	       "a quoted term at width 1: 1 + 6 + 1 columns, whatever the screen's setting");
	tui_set_ambiguous_width(1);
	is_num(wcwidth(0x201C), 1, "the screen's wcwidth back at 1");
	return done_testing();
}

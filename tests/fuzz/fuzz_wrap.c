/*
 * libFuzzer target: bytes → display mapping → wrap at a width taken from the
 * first byte (2-81), checking the properties of SPEC 3.3 on the way: no line
 * wider than the width, and the lines joined back give the text.
 */
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "text.h"
#include "util.h"
#include "wrap.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct lexicon *lex;
	struct buf shown = {0}, joined = {0};
	struct wrap_lines lines = {0};
	size_t i;

	if (!lex)
		lex = lexicon_builtin();
	if (size < 1)
		return 0;
	struct wrap_opts o = {2 + data[0] % 80, 1 + (data[0] >> 7), lex};
	text_display(&shown, (const char *)data + 1, size - 1, true);
	if (!shown.data)
		buf_add(&shown, "", 0);
	wrap_text(shown.data, shown.len, 0, &o, &lines);
	for (i = 0; i < lines.n; i++) {
		if (lines.v[i].width > o.width ||
		    (size_t)lines.v[i].width != text_str_width(shown.data + lines.v[i].off,
								lines.v[i].draw_len, o.ambiguous_width))
			abort();
		buf_add(&joined, shown.data + lines.v[i].off, lines.v[i].len);
	}
	if (joined.len != shown.len || (shown.len && memcmp(joined.data, shown.data, shown.len)))
		abort();
	free(lines.v);
	buf_fini(&shown);
	buf_fini(&joined);
	return 0;
}

/*
 * libFuzzer target: bytes → parse (encoding detection and decoding, line
 * classification, every recogniser, layout choice, repair, post splitting)
 * → one printing mode into /dev/null. The first byte chooses: its low three
 * bits and the next force one of the eight layouts (or let fayan choose),
 * then repair on or off, GB18030 forced or detected, and the mode. One parse
 * per input keeps the target fast (issue 11: it ran 200 inputs a second).
 * Nothing may crash, leak or hang.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "group.h"
#include "lexicon.h"
#include "output.h"
#include "parse.h"
#include "speaker.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct lexicon *lex;
	static FILE *null;
	unsigned how = size ? data[0] : 0;
	unsigned layout = how & 15; /* 0-7: forced, 8-15: chosen */
	struct corpus *c = corpus_new();
	struct parse_opts o = {.lex = lex, .repair = !(how & 16),
			       .encoding = (how & 32) ? "GB18030" : NULL,
			       .layout = layout < LAYOUT_COUNT ? speaker_layout_name(layout) : NULL};
	struct selection sel = {GROUP_ALL, STR_NULL};

	if (!lex) {
		lex = lexicon_builtin();
		null = fopen("/dev/null", "w");
		o.lex = lex;
	}
	if (size) {
		data++;
		size--;
	}
	struct page_opts po = {2 + (int)(size % 60), 1 + (int)(size % 2), true, lex, NULL, false, true};
	/* a third of the inputs are read by two threads, their first chunk to
	 * the middle's line end (the text must be as decoded: UTF-8, no BOM) */
	const char *nl = memchr(data + size / 2, '\n', size - size / 2);
	if (size % 3 == 1 && !o.encoding && nl && size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) != 0) {
		o.split_at = (size_t)(nl + 1 - (const char *)data);
		o.chunk_len = size % 64; /* the rest in chunks of a few lines, or one */
	}
	parse_collection(c, "fuzz", xmemdup((const char *)data, size), size, &o);
	switch (how >> 6) {
	case 0: output_check(null, c); output_layouts(null, c); break;
	case 1: output_json(null, c, NULL); break;
	case 2: output_list(null, c, &sel, (enum view)(how % VIEW_COUNT)); break;
	default:
		output_print(null, c, &sel, &po, (enum view)(how % VIEW_COUNT));
		output_grep(null, c, &sel, "是", &po);
		break;
	}
	corpus_free(c);
	return 0;
}

/*
 * libFuzzer target: bytes → parse (encoding detection and decoding, line
 * classification, repair, post splitting) → every printing mode into
 * /dev/null; then parsed again without repair and as forced GB18030.
 * Nothing may crash, leak or hang.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "lexicon.h"
#include "output.h"
#include "parse.h"
#include "group.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct lexicon *lex;
	static FILE *null;
	const char *encodings[] = {NULL, "GB18030"};

	if (!lex) {
		lex = lexicon_builtin();
		null = fopen("/dev/null", "w");
	}
	for (int pass = 0; pass < 3; pass++) {
		struct corpus *c = corpus_new();
		struct parse_opts o = {lex, pass != 1, encodings[pass == 2], NULL};
		struct page_opts po = {2 + (int)(size % 60), 1 + (int)(size % 2), true, lex};
		struct selection sel = {GROUP_ALL, STR_NULL};

		parse_collection(c, "fuzz", xmemdup((const char *)data, size), size, &o);
		output_check(null, c);
		if (pass == 0) { /* the other passes only vary the parse */
			output_json(null, c);
			output_list(null, c, &sel);
			output_print(null, c, &sel, &po);
			output_grep(null, c, &sel, "是", &po);
		}
		corpus_free(c);
	}
	return 0;
}

/*
 * libFuzzer target: a configuration file or a lexicon of anyone's (the
 * first byte chooses). A configuration is parsed, dumped, and the dump read
 * back: it must parse without a message and dump the same. A lexicon is
 * added to a small one with a section of each kind (words, characters,
 * outline) and a page parsed with it: the built-in lexicon, rebuilt for each
 * input, cost the target two thirds of its time. Nothing may crash, leak or
 * hang.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "corpus.h"
#include "lexicon.h"
#include "parse.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static char *dumped(const struct config *cfg, size_t *len)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, len);

	config_dump(cfg, f);
	fclose(f);
	return text;
}

static void fuzz_config(const char *text, size_t len)
{
	struct config a, b;
	FILE *null = fopen("/dev/null", "w");
	size_t a_len, b_len;

	config_init(&a);
	config_parse(&a, "fuzz", text, len, null);
	fclose(null);
	char *dump = dumped(&a, &a_len);
	config_init(&b);
	FILE *errs = fopen("/dev/null", "w");
	config_parse(&b, "dump", dump, a_len, errs);
	fclose(errs);
	char *again = dumped(&b, &b_len);
	if (b.errors || a_len != b_len || memcmp(dump, again, a_len) != 0)
		abort(); /* --dump-config must read back as itself */
	free(dump);
	free(again);
	config_fini(&a);
	config_fini(&b);
}

static void skip(void *ctx, size_t line)
{
	(void)ctx, (void)line;
}

static void fuzz_lexicon(const char *text, size_t len)
{
	static const char page[] = "题\n\n标题\n\n市长 张三\n　　一段话。\n\n局长**李四**:二。\n";
	static const char base[] = "[surname]\n张\n李\n欧阳\n[role]\n市长\n局长\n[dept-suffix]\n局\n"
				   "[person-noun] (chars)\n长员\n[outline]\n一、 二、 三、\n";
	size_t bad_line;
	struct lexicon *lex = lexicon_new(base, sizeof(base) - 1, &bad_line);
	struct corpus *c = corpus_new();
	struct parse_opts o = {.repair = true};

	lexicon_add(lex, text, len, skip, NULL);
	o.lex = lex;
	parse_collection(c, "page", xmemdup(page, sizeof(page) - 1), sizeof(page) - 1, &o);
	corpus_free(c);
	lexicon_free(lex);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	if (size == 0)
		return 0;
	if (data[0] & 1)
		fuzz_lexicon((const char *)data + 1, size - 1);
	else
		fuzz_config((const char *)data + 1, size - 1);
	return 0;
}

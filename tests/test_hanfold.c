/*
 * 繁简 folding (SPEC 3.2): OpenCC's character table, per character, in the
 * search (both ways, offsets one-to-one with the text) and for t; and off,
 * with a reason, when OpenCC's data cannot be found.
 */
#include "tap.h"

#include <stdlib.h>

#include "buf.h"
#include "hanfold.h"
#include "search.h"

struct hits {
	size_t n, off[8], len[8];
};

static void note(void *ctx, size_t off, size_t len)
{
	struct hits *h = ctx;

	if (h->n < 8)
		h->off[h->n] = off, h->len[h->n] = len;
	h->n++;
}

static size_t find(const struct hanfold *hf, const char *needle, const char *text, struct hits *h)
{
	struct search s;

	search_init(&s);
	s.han = hf;
	search_compile(&s, needle, strlen(needle));
	*h = (struct hits){0};
	search_text(&s, text, strlen(text), note, h);
	search_fini(&s);
	return h->n;
}

int main(void)
{
	static const struct {
		uint32_t trad, simp;
	} pairs[] = {
		{0x767C, 0x53D1}, /* 發 发 */ {0x9AEE, 0x53D1}, /* 髮 发 */
		{0x570B, 0x56FD}, /* 國 国 */ {0x9019, 0x8FD9}, /* 這 这 */
		{0x8B70, 0x8BAE}, /* 議 议 */ {0x5C55, 0x5C55}, /* 展 展 */
		{0x53D1, 0x53D1}, /* 发 发 */
	};
	struct hanfold hf;
	struct hits h;
	size_t i;

	tap_setup();
	hanfold_init(&hf);
	ok(hanfold_ready(&hf), "OpenCC's table is there (libopencc-data)");
	ok(hf.n > 2000, "thousands of pairs (%zu)", hf.n);
	for (i = 0; i < ARRAY_LEN(pairs); i++)
		is_num(hanfold_simplify(&hf, pairs[i].trad), pairs[i].simp, "U+%04X → U+%04X",
		       pairs[i].trad, pairs[i].simp);
	uint32_t src[8];
	size_t n = hanfold_sources(&hf, 0x53D1, src, 8);
	ok(n >= 2 && ((src[0] == 0x767C && src[1] == 0x9AEE) || (src[0] == 0x9AEE && src[1] == 0x767C)),
	   "发 comes from 發 and 髮");

	struct buf b = {0};
	buf_adds(&b, "前文：發展國家，這是議題。");
	hanfold_apply(&hf, &b, strlen("前文："));
	buf_addc(&b, '\0');
	is_str(b.data, "前文：发展国家，这是议题。", "t: each character simplified, from the offset on");

	is_num(find(&hf, "發展", "推动高质量发展，发展是第一要务", &h), 2, "發展 finds 发展 twice");
	ok(h.off[0] == strlen("推动高质量") && h.len[0] == strlen("发展"),
	   "at the text's own offsets and lengths");
	is_num(find(&hf, "发展", "推動高質量發展", &h), 1, "发展 finds 發展");
	ok(h.off[0] == strlen("推動高質量"), "  at its offset");
	is_num(find(&hf, "國際", "国际 國際 国際", &h), 3, "mixed forms: every mix found");
	is_num(find(&hf, "發展發", "發展發展發", &h), 1,
	   "looked for by its anchor (展): matches do not overlap, left to right");
	is_num(find(&hf, "高质量發展", "推動高質量發展和高质量发展", &h), 2, "a longer needle, both forms");
	ok(h.off[1] == strlen("推動高質量發展和"), "  the second at its offset");
	is_num(find(NULL, "發展", "推动发展", &h), 0, "without the table, no folding");
	hanfold_fini(&hf);

	setenv("FAYAN_OPENCC_CONFIG", "/nonexistent/t2s.json", 1);
	hanfold_init(&hf);
	ok(!hanfold_ready(&hf) && hf.why && strstr(hf.why, "OpenCC"),
	   "no OpenCC data: folding off, and why");
	is_num(hanfold_simplify(&hf, 0x767C), 0x767C, "  and nothing folds");
	is_num(find(&hf, "發展", "推动发展", &h), 0, "  nor does the search");
	hanfold_fini(&hf);
	buf_fini(&b);
	return done_testing();
}

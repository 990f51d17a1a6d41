#include "hanfold.h"

#include <opencc.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* The ranges converted: CJK Extension A, the Unified Ideographs, the
 * compatibility ideographs. */
static const struct {
	uint32_t first, last;
} ranges[] = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}};

void hanfold_init(struct hanfold *hf)
{
	*hf = (struct hanfold){0};
}

void hanfold_fini(struct hanfold *hf)
{
	free(hf->by_from);
	free(hf->by_to);
	hanfold_init(hf);
}

static int by_from_cmp(const void *a, const void *b)
{
	const struct han_pair *x = a, *y = b;

	return x->from < y->from ? -1 : x->from > y->from;
}

static int by_to_cmp(const void *a, const void *b)
{
	const struct han_pair *x = a, *y = b;

	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	return by_from_cmp(a, b);
}

/* Every character of the ranges, one a line. */
static void all_characters(struct buf *in)
{
	size_t r;
	uint32_t uc;

	for (r = 0; r < ARRAY_LEN(ranges); r++)
		for (uc = ranges[r].first; uc <= ranges[r].last; uc++) {
			buf_add_uc(in, uc);
			buf_addc(in, '\n');
		}
}

/* Pairs from OpenCC's answer: line i is what the i-th character became; a
 * line that is not one other character (none, or several) is no pair. */
static void read_pairs(struct hanfold *hf, const char *out, size_t len)
{
	size_t r, pos = 0, cap = 0;
	uint32_t uc, got;

	for (r = 0; r < ARRAY_LEN(ranges); r++)
		for (uc = ranges[r].first; uc <= ranges[r].last && pos < len; uc++) {
			const char *nl = memchr(out + pos, '\n', len - pos);
			size_t end = nl ? (size_t)(nl - out) : len;
			size_t n = text_next(out + pos, end - pos, &got);
			if (n == end - pos && got != uc) {
				hf->by_from = xgrow(hf->by_from, &cap, hf->n + 1, sizeof(*hf->by_from));
				hf->by_from[hf->n++] = (struct han_pair){uc, got};
			}
			pos = end + 1;
		}
}

bool hanfold_ready(struct hanfold *hf)
{
	const char *config = getenv("FAYAN_OPENCC_CONFIG");
	struct buf in = {0};
	opencc_t od;
	char *out;

	if (hf->tried)
		return hf->ok;
	hf->tried = true;
	od = opencc_open(config && *config ? config : OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP);
	if (od == (opencc_t)-1) {
		hf->why = "OpenCC's data files were not found";
		return false;
	}
	all_characters(&in);
	out = opencc_convert_utf8(od, in.data, in.len);
	if (out) {
		read_pairs(hf, out, strlen(out));
		opencc_convert_utf8_free(out);
	}
	opencc_close(od);
	buf_fini(&in);
	if (!hf->n) {
		hf->why = "OpenCC gave no character table";
		return false;
	}
	qsort(hf->by_from, hf->n, sizeof(*hf->by_from), by_from_cmp);
	hf->by_to = xmalloc(sizeof(*hf->by_to) * hf->n);
	memcpy(hf->by_to, hf->by_from, sizeof(*hf->by_to) * hf->n);
	qsort(hf->by_to, hf->n, sizeof(*hf->by_to), by_to_cmp);
	hf->ok = true;
	return true;
}

/* The first of n pairs (sorted by from, or by to) whose key is at least key. */
static size_t first_at_least(const struct han_pair *v, size_t n, uint32_t key, bool by_to)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if ((by_to ? v[mid].to : v[mid].from) < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

uint32_t hanfold_simplify(const struct hanfold *hf, uint32_t uc)
{
	size_t i;

	if (!hf->ok || uc < 0x3400)
		return uc;
	i = first_at_least(hf->by_from, hf->n, uc, false);
	return i < hf->n && hf->by_from[i].from == uc ? hf->by_from[i].to : uc;
}

size_t hanfold_sources(const struct hanfold *hf, uint32_t simp, uint32_t *out, size_t max)
{
	size_t lo, count = 0;

	if (!hf->ok)
		return 0;
	for (lo = first_at_least(hf->by_to, hf->n, simp, true);
	     lo < hf->n && hf->by_to[lo].to == simp && count < max; lo++)
		out[count++] = hf->by_to[lo].from;
	return count;
}

void hanfold_apply(const struct hanfold *hf, struct buf *b, size_t from)
{
	struct buf out = {0};
	size_t pos = from;
	uint32_t uc;

	if (!hf->ok || from >= b->len)
		return;
	while (pos < b->len) {
		size_t n = text_next(b->data + pos, b->len - pos, &uc);
		uint32_t s = hanfold_simplify(hf, uc);
		if (s == uc)
			buf_add(&out, b->data + pos, n);
		else
			buf_add_uc(&out, s);
		pos += n;
	}
	b->len = from;
	buf_add(b, out.data, out.len);
	buf_fini(&out);
}

#include "utf8scan.h"

#include <stdint.h>
#include <string.h>

#include "forkjoin.h"

/* Whether the 8 bytes of w hold byte b (the classic "has zero byte" trick). */
static bool word_has(uint64_t w, unsigned char b)
{
	uint64_t x = w ^ (0x0101010101010101ull * b);

	return ((x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull) != 0;
}

/* LF bytes in the 8 bytes of w. */
static size_t word_count_lf(uint64_t w)
{
	uint64_t x = w ^ 0x0A0A0A0A0A0A0A0Aull;

	/* A byte is zero exactly when its 7 low bits and its high bit are. */
	x = ~(((x & 0x7F7F7F7F7F7F7F7Full) + 0x7F7F7F7F7F7F7F7Full) | x | 0x7F7F7F7F7F7F7F7Full);
	return (size_t)__builtin_popcountll(x);
}

bool utf8_scan_scalar(const char *str, size_t len, bool *plain, size_t *newlines)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	unsigned c, c1;

	*plain = true;
	*newlines = 0;
	while (i < len) {
		c = s[i];
		if (c < 0x80) {
			/* A run of ASCII goes 8 bytes at a time. */
			while (i + 8 <= len) {
				uint64_t w;
				memcpy(&w, s + i, 8);
				if (w & 0x8080808080808080ull)
					break;
				if (word_has(w, '\r') || word_has(w, '\t'))
					*plain = false;
				*newlines += word_count_lf(w);
				i += 8;
			}
			for (; i < len && s[i] < 0x80; i++) {
				if (s[i] == '\r' || s[i] == '\t')
					*plain = false;
				*newlines += s[i] == '\n';
			}
			continue;
		}
		c1 = i + 1 < len ? s[i + 1] : 0;
		if (c >= 0xE0 && c <= 0xEF) {
			if (i + 2 >= len || (s[i + 2] & 0xC0) != 0x80 || (c1 & 0xC0) != 0x80 ||
			    (c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F))
				return false;
			if (c == 0xE2 && c1 == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))
				*plain = false; /* U+2028, U+2029 */
			i += 3;
		} else if (c >= 0xC2 && c <= 0xDF) {
			if ((c1 & 0xC0) != 0x80)
				return false;
			if (c == 0xC2 && c1 == 0x85)
				*plain = false; /* U+0085 */
			i += 2;
		} else if (c >= 0xF0 && c <= 0xF4) {
			if (i + 3 >= len || (c1 & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 ||
			    (s[i + 3] & 0xC0) != 0x80 || (c == 0xF0 && c1 < 0x90) ||
			    (c == 0xF4 && c1 > 0x8F))
				return false;
			i += 4;
		} else {
			return false;
		}
	}
	return true;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

/*
 * Each byte is checked against the one, two and three before it. Three
 * 16-entry tables, looked up by the high and low nibble of the byte before
 * and the high nibble of this one, give a set of error kinds each; an error
 * is a kind all three agree on. Continuations the lead bytes before demand
 * are checked apart (must23).
 */
enum {
	TOO_SHORT = 1 << 0,  /* a lead byte, then no continuation */
	TOO_LONG = 1 << 1,   /* a continuation after ASCII */
	OVERLONG_3 = 1 << 2, /* E0 80..9F */
	TOO_LARGE = 1 << 3,  /* past U+10FFFF */
	SURROGATE = 1 << 4,  /* ED A0..BF */
	OVERLONG_2 = 1 << 5, /* C0, C1 */
	TOO_LARGE_1000 = 1 << 6,
	OVERLONG_4 = 1 << 6, /* F0 80..8F */
	TWO_CONTS = 1 << 7,  /* two continuations in a row */
	CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

#define TABLE16(...) _mm256_setr_epi8(__VA_ARGS__, __VA_ARGS__)
#define AVX2 __attribute__((target("avx2")))

/* The input shifted n bytes later, the previous block's last bytes first. */
#define PREV(input, prev_input, n)                                                                 \
	_mm256_alignr_epi8((input), _mm256_permute2x128_si256((prev_input), (input), 0x21), 16 - (n))

AVX2 static __m256i nibble_hi(__m256i v)
{
	return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
}

AVX2 static __m256i check_block(__m256i input, __m256i prev_input)
{
	const __m256i t1_high = TABLE16(
		TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
		(char)TWO_CONTS, (char)TWO_CONTS, (char)TWO_CONTS, (char)TWO_CONTS, TOO_SHORT | OVERLONG_2, TOO_SHORT,
		TOO_SHORT | OVERLONG_3 | SURROGATE,
		(char)(TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4));
	const __m256i t1_low = TABLE16(
		(char)(CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4), (char)(CARRY | OVERLONG_2),
		(char)CARRY, (char)CARRY, (char)(CARRY | TOO_LARGE),
		(char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000),
		(char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000),
		(char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000),
		(char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000),
		(char)(CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE),
		(char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000));
	const __m256i t2_high = TABLE16(
		TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
		(char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4),
		(char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE),
		(char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE),
		(char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE), TOO_SHORT,
		TOO_SHORT, TOO_SHORT, TOO_SHORT);
	__m256i prev1 = PREV(input, prev_input, 1);
	__m256i low = _mm256_and_si256(prev1, _mm256_set1_epi8(0x0F));
	__m256i special = _mm256_and_si256(
		_mm256_and_si256(_mm256_shuffle_epi8(t1_high, nibble_hi(prev1)),
				 _mm256_shuffle_epi8(t1_low, low)),
		_mm256_shuffle_epi8(t2_high, nibble_hi(input)));
	__m256i third = _mm256_subs_epu8(PREV(input, prev_input, 2), _mm256_set1_epi8(0xE0 - 0x80));
	__m256i fourth = _mm256_subs_epu8(PREV(input, prev_input, 3), _mm256_set1_epi8(0xF0 - 0x80));
	__m256i must23 = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));

	return _mm256_xor_si256(must23, special);
}

/* CR, TAB, U+0085 (C2 85), U+2028 and U+2029 (E2 80 A8/A9) anywhere here. */
AVX2 static __m256i not_plain(__m256i input, __m256i prev_input)
{
	__m256i p1 = PREV(input, prev_input, 1), p2 = PREV(input, prev_input, 2);
	__m256i eq_cr = _mm256_cmpeq_epi8(input, _mm256_set1_epi8('\r'));
	__m256i eq_tab = _mm256_cmpeq_epi8(input, _mm256_set1_epi8('\t'));
	__m256i nel = _mm256_and_si256(_mm256_cmpeq_epi8(p1, _mm256_set1_epi8((char)0xC2)),
				       _mm256_cmpeq_epi8(input, _mm256_set1_epi8((char)0x85)));
	__m256i sep = _mm256_and_si256(
		_mm256_and_si256(_mm256_cmpeq_epi8(p2, _mm256_set1_epi8((char)0xE2)),
				 _mm256_cmpeq_epi8(p1, _mm256_set1_epi8((char)0x80))),
		_mm256_or_si256(_mm256_cmpeq_epi8(input, _mm256_set1_epi8((char)0xA8)),
				_mm256_cmpeq_epi8(input, _mm256_set1_epi8((char)0xA9))));

	return _mm256_or_si256(_mm256_or_si256(eq_cr, eq_tab), _mm256_or_si256(nel, sep));
}

/* Where the scalar loop must take over: the start of a character the last
 * block cut short, else end. */
static size_t resume_at(const unsigned char *s, size_t end)
{
	size_t k;

	for (k = end; k > 0 && end - k < 4; k--) {
		unsigned c = s[k - 1];
		if (c < 0x80)
			return end;
		if (c >= 0xC0) {
			size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
			return k - 1 + need > end ? k - 1 : end;
		}
	}
	return end;
}

AVX2 static bool scan_avx2(const char *str, size_t len, bool *plain, size_t *newlines)
{
	const unsigned char *s = (const unsigned char *)str;
	__m256i prev = _mm256_setzero_si256(), error = prev, odd = prev;
	const __m256i lf = _mm256_set1_epi8('\n');
	size_t i, tail, lines = 0, tail_lines;
	bool tail_plain;

	for (i = 0; i + 32 <= len; i += 32) {
		__m256i input = _mm256_loadu_si256((const __m256i *)(s + i));
		error = _mm256_or_si256(error, check_block(input, prev));
		odd = _mm256_or_si256(odd, not_plain(input, prev));
		lines += (size_t)__builtin_popcount(
			(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(input, lf)));
		prev = input;
	}
	tail = resume_at(s, i);
	/* Bytes from tail to i were counted already (none is LF: they are the
	 * start of a character cut short). */
	if (!utf8_scan_scalar(str + tail, len - tail, &tail_plain, &tail_lines))
		return false;
	*plain = tail_plain && _mm256_testz_si256(odd, odd);
	*newlines = lines + tail_lines;
	return _mm256_testz_si256(error, error);
}

bool utf8_scan(const char *s, size_t len, bool *plain, size_t *newlines)
{
	if (__builtin_cpu_supports("avx2"))
		return scan_avx2(s, len, plain, newlines);
	return utf8_scan_scalar(s, len, plain, newlines);
}
#else
bool utf8_scan(const char *s, size_t len, bool *plain, size_t *newlines)
{
	return utf8_scan_scalar(s, len, plain, newlines);
}
#endif

struct scan_half {
	const char *s;
	size_t len, newlines;
	bool valid, plain;
};

static void scan_half(void *arg, size_t k)
{
	struct scan_half *h = (struct scan_half *)arg + k;

	h->valid = utf8_scan(h->s, h->len, &h->plain, &h->newlines);
}

bool utf8_scan_split(const char *s, size_t len, size_t split, bool *plain, size_t *newlines)
{
	struct scan_half h[2] = {{.s = s, .len = split}, {.s = s + split, .len = len - split}};

	if (split == 0 || split >= len)
		return utf8_scan(s, len, plain, newlines);
	forkjoin(2, scan_half, h);
	*plain = h[0].plain && h[1].plain;
	*newlines = h[0].newlines + h[1].newlines;
	return h[0].valid && h[1].valid;
}

void utf8_tally_add(struct utf8_tally *t, const char *s, size_t len)
{
	struct utf8_tally piece = UTF8_TALLY_EMPTY;

	piece.valid = utf8_scan(s, len, &piece.plain, &piece.newlines);
	utf8_tally_merge(t, &piece);
}

void utf8_tally_merge(struct utf8_tally *a, const struct utf8_tally *b)
{
	a->valid = a->valid && b->valid;
	a->plain = a->plain && b->plain;
	a->newlines += b->newlines;
}

#include "text.h"

#include <dlfcn.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <wchar.h>

#include "util.h"

/*
 * The C library's wcwidth, found past this program: the screen defines a
 * wcwidth of its own (the Ambiguous override ncursesw must see), and the
 * name wcwidth here would be that one, whose answer depends on the screen's
 * setting. Every width in the core comes from the C library's answer and the
 * ambiguous_width its caller hands in, and from nothing else.
 */
int text_libc_wcwidth(wchar_t wc)
{
	/* atomic: a load's threads and the screen's ask at once; each finds
	 * the same function, so a race to store it is harmless but for that */
	static _Atomic(int (*)(wchar_t)) libc;
	int (*found)(wchar_t) = atomic_load_explicit(&libc, memory_order_relaxed);

	if (!found) {
		found = (int (*)(wchar_t))dlsym(RTLD_NEXT, "wcwidth");
		if (!found) /* linked statically: no override can stand in front */
			found = wcwidth;
		atomic_store_explicit(&libc, found, memory_order_relaxed);
	}
	return found(wc);
}

struct str str_from(const char *s)
{
	return (struct str){s, s ? strlen(s) : 0};
}

bool str_eq(struct str a, struct str b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.s, b.s, a.len) == 0);
}

bool str_eqs(struct str a, const char *s)
{
	return a.s && str_eq(a, str_from(s));
}

/* The first (last) byte is compared before memcmp: most candidates fail
 * there, and the parser asks these for every line and post. */
bool str_starts(struct str a, struct str prefix)
{
	if (a.len < prefix.len)
		return false;
	if (prefix.len >= 2 && (a.s[0] != prefix.s[0] || a.s[1] != prefix.s[1]))
		return false;
	return memcmp(a.s, prefix.s, prefix.len) == 0;
}

bool str_ends(struct str a, struct str suffix)
{
	return a.len >= suffix.len &&
	       (suffix.len == 0 || (a.s[a.len - 1] == suffix.s[suffix.len - 1] &&
				    memcmp(a.s + a.len - suffix.len, suffix.s, suffix.len) == 0));
}

uint64_t str_hash(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037u;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

static uint64_t mix_word(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0xFF51AFD7ED558CCDull;
	return h ^ h >> 32;
}

uint64_t str_hash_table(const char *s, size_t len)
{
	uint64_t h = len * 0x9E3779B97F4A7C15ull, w;
	size_t i;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = mix_word(h, w);
	}
	for (w = 0, i = 0; i < len; i++)
		w |= (uint64_t)(unsigned char)s[i] << (8 * i);
	h = mix_word(h, w);
	h *= 0xC4CEB9FE1A85EC53ull;
	return h ^ h >> 29;
}

const char *str_find(struct str hay, struct str needle)
{
	const char *p = hay.s, *end = hay.s + hay.len;

	if (needle.len == 0 || needle.len > hay.len)
		return needle.len == 0 ? hay.s : NULL;
	end -= needle.len - 1;
	while (p < end && (p = memchr(p, needle.s[0], (size_t)(end - p)))) {
		if (memcmp(p, needle.s, needle.len) == 0)
			return p;
		p++;
	}
	return NULL;
}

static size_t space_len_at(const char *s, size_t len)
{
	if (len >= 1 && (s[0] == ' ' || s[0] == '\t'))
		return 1;
	if (len >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) /* U+3000 */
		return 3;
	return 0;
}

struct str str_trim_slow(struct str a)
{
	size_t n;

	if (!a.s)
		return a;
	while ((n = space_len_at(a.s, a.len)) > 0) {
		a.s += n;
		a.len -= n;
	}
	for (;;) {
		if (a.len >= 1 && (a.s[a.len - 1] == ' ' || a.s[a.len - 1] == '\t'))
			a.len--;
		else if (a.len >= 3 && memcmp(a.s + a.len - 3, "\xE3\x80\x80", 3) == 0)
			a.len -= 3;
		else
			return a;
	}
}

size_t text_char_count(const char *s, size_t len)
{
	size_t count = len, i = 0;
	uint64_t w;

	/* Every character has one byte that is no continuation byte (10xxxxxx):
	 * the continuations are counted off, eight bytes at a time. */
	for (; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		uint64_t cont = (w & ~(w << 1) & 0x8080808080808080ull) >> 7; /* 0 or 1 a byte */
		count -= (size_t)((cont * 0x0101010101010101ull) >> 56); /* their sum */
	}
	for (; i < len; i++)
		count -= ((unsigned char)s[i] & 0xC0) == 0x80;
	return count;
}

bool text_is_bidi_control(uint32_t uc)
{
	return uc == 0x061C || uc == 0x200E || uc == 0x200F || (uc >= 0x202A && uc <= 0x202E) ||
	       (uc >= 0x2066 && uc <= 0x2069);
}

uint32_t text_sanitise(uint32_t uc)
{
	if (uc < 0x20)
		return 0x2400 + uc; /* Control Pictures: ␀ … ␟ */
	if (uc == 0x7F)
		return 0x2421; /* ␡ */
	if ((uc >= 0x80 && uc <= 0x9F) || text_is_bidi_control(uc))
		return REPLACEMENT_CHAR;
	if (uc >= 0x20 && uc < 0x7F)
		return uc;
	return text_libc_wcwidth((wchar_t)uc) < 0 ? REPLACEMENT_CHAR : uc;
}

static const struct range {
	uint32_t lo, hi;
} ambiguous[] = {
#include "ambiguous.inc"
};

static int cmp_range(const void *key, const void *elem)
{
	uint32_t uc = *(const uint32_t *)key;
	const struct range *r = elem;

	return uc < r->lo ? -1 : uc > r->hi ? 1 : 0;
}

bool text_is_ambiguous(uint32_t uc)
{
	return uc >= 0xA1 &&
	       bsearch(&uc, ambiguous, ARRAY_LEN(ambiguous), sizeof(ambiguous[0]), cmp_range);
}

bool text_is_invisible_format(uint32_t uc)
{
	return uc == 0x00AD || uc == 0x034F || uc == 0x180E || (uc >= 0x200B && uc <= 0x200D) ||
	       (uc >= 0x2060 && uc <= 0x2064) || uc == 0xFEFF || (uc >= 0xFE00 && uc <= 0xFE0F) ||
	       (uc >= 0xE0100 && uc <= 0xE01EF);
}

int text_width(uint32_t uc, int ambiguous_width)
{
	int w;

	if (uc >= 0x20 && uc < 0x7F)
		return 1;
	if (text_is_invisible_format(uc))
		return 0; /* never drawn (SPEC 3.5), so it takes no column */
	w = text_libc_wcwidth((wchar_t)uc);
	if (w < 0)
		return 1; /* not sanitised: stands for U+FFFD */
	if (w == 1 && ambiguous_width == 2 && text_is_ambiguous(uc))
		return 2;
	return w;
}

size_t text_str_width(const char *s, size_t len, int ambiguous_width)
{
	size_t i = 0, width = 0;
	uint32_t uc;

	while (i < len) {
		i += text_next(s + i, len - i, &uc);
		width += (size_t)text_width(text_sanitise(uc), ambiguous_width);
	}
	return width;
}

bool text_is_cjk_context(uint32_t uc)
{
	return uc_is_property_ideographic(uc) || (uc >= 0x3000 && uc <= 0x303F) ||
	       (uc >= 0xFF01 && uc <= 0xFF65) || uc == 0x201D || uc == 0x2019 || uc == 0x2014 ||
	       uc == 0x2026 || uc == 0x00B7;
}

static uint32_t fullwidth_of(uint32_t uc)
{
	switch (uc) {
	case ',': return 0xFF0C;
	case ':': return 0xFF1A;
	case ';': return 0xFF1B;
	case '?': return 0xFF1F;
	case '!': return 0xFF01;
	default: return 0;
	}
}

static bool is_ascii_alnum(uint32_t uc)
{
	return (uc >= '0' && uc <= '9') || (uc >= 'a' && uc <= 'z') || (uc >= 'A' && uc <= 'Z');
}

void text_display(struct buf *out, const char *s, size_t len, bool fullwidth)
{
	uint32_t prev = 0, uc, next, wide;
	size_t i = 0, n;

	while (i < len) {
		n = text_next(s + i, len - i, &uc);
		uc = text_sanitise(uc);
		/* SPEC 3.3: full-width beside Chinese on either side, unless it
		 * stands between two ASCII letters or digits (1,234 10:30 3:1). */
		if (fullwidth && (wide = fullwidth_of(uc))) {
			next = 0;
			if (i + n < len)
				text_next(s + i + n, len - i - n, &next);
			if ((text_is_cjk_context(prev) || text_is_cjk_context(next)) &&
			    !(is_ascii_alnum(prev) && is_ascii_alnum(next)))
				uc = wide;
		}
		buf_add_uc(out, uc);
		prev = uc;
		i += n;
	}
}

char *text_shown_name(const char *name)
{
	struct buf out = {0};

	text_display(&out, name, strlen(name), false);
	buf_addc(&out, '\0');
	return out.data;
}

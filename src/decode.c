#include "decode.h"
#include "forkjoin.h"
#include "utf8scan.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <strings.h>
#include <uniconv.h>

size_t decode_eol_len(const char *s, size_t len)
{
	if (len == 0)
		return 0;
	if (s[0] == '\n')
		return 1;
	if (s[0] == '\r')
		return len >= 2 && s[1] == '\n' ? 2 : 1;
	if (len >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0x85)
		return 2;
	if (len >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0xA8 || (unsigned char)s[2] == 0xA9))
		return 3;
	return 0;
}

bool decode_encoding_known(const char *name)
{
	iconv_t cd = iconv_open("UTF-8", name);

	if (cd == (iconv_t)-1)
		return false;
	iconv_close(cd);
	return true;
}


/* Each invalid byte becomes U+FFFD, reported with its line and column. */
static char *replace_invalid(const char *s, size_t len, struct decode_findings *found,
			     size_t *out_len)
{
	struct buf out = {0};
	size_t i = 0, line = 1, line_start = 0, n, eol;
	uint32_t uc;

	buf_reserve(&out, len);
	while (i < len) {
		eol = decode_eol_len(s + i, len - i);
		if (eol) {
			buf_add(&out, s + i, eol);
			i += eol;
			line++;
			line_start = i;
			continue;
		}
		n = text_next(s + i, len - i, &uc);
		if (uc == REPLACEMENT_CHAR && n == 1) {
			*VEC_PUSH(found) = (struct diag){.id = DIAG_BAD_UTF8, .line = line,
							 .col = i - line_start + 1,
							 .num = (unsigned char)s[i]};
			buf_add(&out, "\xEF\xBF\xBD", 3);
		} else {
			buf_add(&out, s + i, n);
		}
		i += n;
	}
	*out_len = out.len;
	return out.data ? out.data : xcalloc(1, 1);
}

/*
 * Whether s is a whole number of well-formed GB18030 sequences. iconv drops
 * an incomplete sequence at the very end silently, so this is checked here.
 */
static bool gb18030_complete(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
		} else if (s[i] == 0x80 || s[i] == 0xFF || i + 1 >= len) {
			return false;
		} else if (s[i + 1] >= 0x30 && s[i + 1] <= 0x39) {
			if (i + 3 >= len || s[i + 2] < 0x81 || s[i + 2] > 0xFE || s[i + 3] < 0x30 ||
			    s[i + 3] > 0x39)
				return false;
			i += 4;
		} else if (s[i + 1] >= 0x40 && s[i + 1] != 0x7F && s[i + 1] != 0xFF) {
			i += 2;
		} else {
			return false;
		}
	}
	return true;
}

static char *convert(const char *encoding, const char *s, size_t len, size_t *out_len)
{
	uint8_t *out;

	*out_len = 0;
	out = u8_conv_from_encoding(encoding, iconveh_error, s, len, NULL, NULL, out_len);
	if (out && *out_len == 0) {
		free(out);
		return xcalloc(1, 1);
	}
	return (char *)out;
}

static bool is_utf8_name(const char *encoding)
{
	return strcasecmp(encoding, "UTF-8") == 0 || strcasecmp(encoding, "UTF8") == 0;
}

static bool plain_text(const char *s, size_t len, size_t *lines)
{
	bool plain;

	utf8_scan(s, len, &plain, lines);
	return plain;
}

/* Whether bytes is UTF-8: what the reader found if it checked them all
 * (a BOM is valid and neither a line end nor a TAB), else a scan, a long
 * text's halves at once, cut after a line end. */
static bool is_utf8(const char *bytes, size_t len, const struct utf8_tally *check, bool *plain,
		    size_t *lines)
{
	size_t split;

	if (check && check->complete) {
		*plain = check->plain;
		*lines = check->newlines;
		return check->valid;
	}
	split = len >= FORKJOIN_MIN_BYTES ? forkjoin_line_after(bytes, len, len / 2) : 0;
	return utf8_scan_split(bytes, len, split, plain, lines);
}

bool decode_text(char *bytes, size_t len, const struct utf8_tally *check, const char *encoding,
		 struct decode_findings *found, char **text, size_t *text_len, size_t *lines)
{
	char *converted;
	size_t start = 0, conv_len;
	bool plain;

	if (!encoding || is_utf8_name(encoding)) {
		if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
			start = 3;
		if (is_utf8(bytes + start, len - start, check, &plain, lines)) {
			if (start)
				memmove(bytes, bytes + start, len - start);
			*text = bytes;
			*text_len = len - start;
			return plain;
		}
	}
	if (!encoding && gb18030_complete((const unsigned char *)bytes, len)) {
		converted = convert("GB18030", bytes, len, &conv_len);
		if (converted) {
			*VEC_PUSH(found) = (struct diag){.id = DIAG_GB18030};
			*text = converted;
			*text_len = conv_len;
			return plain_text(converted, conv_len, lines);
		}
	}
	if (encoding && !is_utf8_name(encoding)) {
		converted = convert(encoding, bytes, len, &conv_len);
		if (converted) {
			*text = converted;
			*text_len = conv_len;
			return plain_text(converted, conv_len, lines);
		}
		*VEC_PUSH(found) = (struct diag){.id = DIAG_BAD_ENCODING, .arg = str_from(encoding)};
	}
	*text = replace_invalid(bytes + start, len - start, found, text_len);
	return plain_text(*text, *text_len, lines);
}

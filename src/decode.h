/*
 * decode — file bytes to UTF-8 text (SPEC 1.4): a UTF-8 BOM is dropped,
 * valid UTF-8 is kept as is, GB18030 is detected and converted, and any other
 * invalid byte becomes U+FFFD with a finding naming its line and column.
 *
 * Also the one definition of a line end, shared with the parser so that
 * line numbers agree. Depends on diag, libunistring.
 */
#ifndef FAYAN_DECODE_H
#define FAYAN_DECODE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "utf8scan.h"
#include "util.h"

/* What decoding found (bad bytes, a guessed or unknown encoding), for the
 * collection the text becomes; the caller frees v. */
struct decode_findings {
	struct diag *v;
	size_t n, cap;
};

/* Length of the line terminator at s (CRLF, LF, CR, U+0085, U+2028,
 * U+2029), or 0. */
size_t decode_eol_len(const char *s, size_t len);

/* Whether iconv knows the encoding name (for --encoding). */
bool decode_encoding_known(const char *name);

/*
 * Decodes bytes (len of them, the caller's) into *text / *text_len: bytes
 * itself when it is UTF-8 already (a BOM moved off), else a new malloc'd
 * text, and then bytes is the caller's to release. encoding is NULL for
 * automatic detection. Findings are appended to found. Returns true when the
 * text is "plain": LF is its only line end and it has no TAB. *lines gets
 * the count of LF bytes (a size hint for the parser). check is what the
 * reader already found of the bytes (utf8scan.h), used when complete.
 */
bool decode_text(char *bytes, size_t len, const struct utf8_tally *check, const char *encoding,
		 struct decode_findings *found,
		 char **text, size_t *text_len, size_t *lines);

#endif

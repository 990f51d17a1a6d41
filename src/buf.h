/*
 * buf — a growable byte buffer, always NUL-terminated after its length.
 *
 * The caller owns the struct; buf_fini frees its storage. Depends on util.
 */
#ifndef FAYAN_BUF_H
#define FAYAN_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

struct buf {
	char *data;
	size_t len, cap;
};

void buf_fini(struct buf *b);
void buf_clear(struct buf *b);
void buf_add(struct buf *b, const void *data, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
/* Appends the UTF-8 encoding of one code point. */
void buf_add_uc(struct buf *b, uint32_t uc);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Makes room for extra more bytes and returns where they go (len unchanged). */
char *buf_reserve(struct buf *b, size_t extra);

#endif

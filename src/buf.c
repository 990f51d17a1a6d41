#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void buf_fini(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void buf_clear(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

char *buf_reserve(struct buf *b, size_t extra)
{
	b->data = xgrow(b->data, &b->cap, b->len + extra + 1, 1);
	return b->data + b->len;
}

void buf_add(struct buf *b, const void *data, size_t len)
{
	memcpy(buf_reserve(b, len), data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void buf_add_uc(struct buf *b, uint32_t uc)
{
	char tmp[4];
	size_t n;

	if (uc < 0x80) {
		tmp[0] = (char)uc;
		n = 1;
	} else if (uc < 0x800) {
		tmp[0] = (char)(0xC0 | (uc >> 6));
		tmp[1] = (char)(0x80 | (uc & 0x3F));
		n = 2;
	} else if (uc < 0x10000) {
		tmp[0] = (char)(0xE0 | (uc >> 12));
		tmp[1] = (char)(0x80 | ((uc >> 6) & 0x3F));
		tmp[2] = (char)(0x80 | (uc & 0x3F));
		n = 3;
	} else {
		tmp[0] = (char)(0xF0 | (uc >> 18));
		tmp[1] = (char)(0x80 | ((uc >> 12) & 0x3F));
		tmp[2] = (char)(0x80 | ((uc >> 6) & 0x3F));
		tmp[3] = (char)(0x80 | (uc & 0x3F));
		n = 4;
	}
	buf_add(b, tmp, n);
}

void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	va_start(ap, fmt);
	vsnprintf(buf_reserve(b, (size_t)n), (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

#include "encout.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

enum { PENDING_MAX = 8 };

struct encout {
	iconv_t cd;
	char pending[PENDING_MAX]; /* the start of a character the last write cut */
	size_t pending_len;
};

static bool write_all(const char *s, size_t len)
{
	while (len > 0) {
		ssize_t n = write(STDOUT_FILENO, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		s += n;
		len -= (size_t)n;
	}
	return true;
}

/* Converts in[0, len), keeping an incomplete last character for next time. */
static bool convert(struct encout *e, const char *in, size_t len)
{
	char out[4096], *op;
	size_t outleft;

	while (len > 0) {
		op = out;
		outleft = sizeof(out);
		size_t r = iconv(e->cd, (char **)&in, &len, &op, &outleft);
		if (!write_all(out, (size_t)(op - out)))
			return false;
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		if (errno == EINVAL) { /* cut short: keep it */
			memcpy(e->pending, in, len);
			e->pending_len = len;
			return true;
		}
		/* EILSEQ: not in the target character set */
		if (!write_all("?", 1))
			return false;
		do {
			in++;
			len--;
		} while (len > 0 && ((unsigned char)*in & 0xC0) == 0x80);
	}
	return true;
}

static size_t utf8_len(unsigned char lead)
{
	return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

static ssize_t encout_write(void *cookie, const char *buf, size_t size)
{
	struct encout *e = cookie;
	size_t take = 0;

	/* First finish the character a previous write cut. */
	if (e->pending_len) {
		size_t need = utf8_len((unsigned char)e->pending[0]) - e->pending_len;
		take = MIN(need, size);
		memcpy(e->pending + e->pending_len, buf, take);
		e->pending_len += take;
		if (take < need)
			return (ssize_t)size;
		char whole[PENDING_MAX];
		size_t n = e->pending_len;
		memcpy(whole, e->pending, n);
		e->pending_len = 0;
		if (!convert(e, whole, n))
			return -1;
	}
	if (!convert(e, buf + take, size - take))
		return -1;
	return (ssize_t)size;
}

static int encout_close(void *cookie)
{
	struct encout *e = cookie;

	iconv_close(e->cd);
	free(e);
	return 0;
}

FILE *encout_open(const char *codeset)
{
	cookie_io_functions_t io = {.write = encout_write, .close = encout_close};
	struct encout *e;
	iconv_t cd = iconv_open(codeset, "UTF-8");
	FILE *f;

	if (cd == (iconv_t)-1)
		return NULL;
	e = xcalloc(1, sizeof(*e));
	e->cd = cd;
	f = fopencookie(e, "w", io);
	if (!f)
		encout_close(e);
	return f;
}

/*
 * encout — standard output in the locale's character set (SPEC 4): in a
 * real GB18030 (or other non-UTF-8) locale the printing modes write that
 * encoding, converting from fayan's UTF-8 as they go. Characters the target
 * cannot hold become '?'. Depends on libc's iconv and fopencookie.
 */
#ifndef FAYAN_ENCOUT_H
#define FAYAN_ENCOUT_H

#include <stdio.h>

/* A stream that converts what is written to it from UTF-8 to codeset and
 * writes it to standard output, or NULL when iconv cannot. fclose it. */
FILE *encout_open(const char *codeset);

#endif

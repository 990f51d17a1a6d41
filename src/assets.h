/*
 * assets — files from assets/ compiled into the binary (see meson.build), so
 * a copied binary still opens the bundled collection. Each array is followed
 * by a NUL byte not counted in its _len.
 */
#ifndef FAYAN_ASSETS_H
#define FAYAN_ASSETS_H

#include <stddef.h>

extern const unsigned char asset_lexicon[];
extern const size_t asset_lexicon_len;
extern const unsigned char asset_collection[];
extern const size_t asset_collection_len;

#endif

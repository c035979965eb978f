/* fuzz_common.h — shared by the libFuzzer harnesses: the fuzz input as a dump in memory,
 * and checks on text the library hands out. */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "nf.h"

#define FUZZ_CHECK(cond)                                                              \
    do {                                                                              \
        if (!(cond)) {                                                                \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                  \
        }                                                                             \
    } while (0)

/* Writes data to an anonymous in-memory file; path gets a name open(2) can read it by.
 * Returns the descriptor (close it when done), or -1. */
static inline int fuzz_memfile(const void *data, size_t size, char *path, size_t pathlen)
{
    int fd = memfd_create("dump", 0);
    if (fd < 0)
        return -1;
    if (size && write(fd, data, size) != (ssize_t)size) {
        close(fd);
        return -1;
    }
    snprintf(path, pathlen, "/proc/self/fd/%d", fd);
    return fd;
}

/* The loader refuses a dump that opens with a UTF-16 byte order mark (and only that):
 * nf_loader_open returns NULL for such input by design. */
static inline int fuzz_refused_dump(const void *data, size_t n)
{
    const unsigned char *b = data;
    return n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF));
}

/* s[0..n) is valid UTF-8 (U+FFFD itself allowed) without NUL. */
static inline int fuzz_valid_utf8(const char *s, size_t n)
{
    const unsigned char *t = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        if (!t[i])
            return 0;
        int k = nf_utf8_decode(t + i, n - i, &cp);
        if (cp == 0xFFFD && !(k == 3 && t[i] == 0xEF))
            return 0;
        i += (size_t)k;
    }
    return 1;
}

#endif

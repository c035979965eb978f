/* Small shared pieces: growable buffers, the per-article arena, a string map, UTF-8,
 * and diagnostics. Nothing here depends on locale. */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "nf.h"

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("newsfacts: out of memory\n", stderr);
        exit(1);
    }
    return q;
}

void nf_grow(void **p, size_t *cap, size_t need, size_t sz)
{
    if (need <= *cap)
        return;
    size_t c = *cap ? *cap : 16;
    while (c < need)
        c *= 2;
    *p = xrealloc(*p, c * sz);
    *cap = c;
}

/* ---- nf_buf ---- */

void nf_buf_reserve(nf_buf *b, size_t extra)
{
    if (b->len + extra + 1 > b->cap) {
        size_t c = b->cap ? b->cap : 256;
        while (c < b->len + extra + 1)
            c *= 2;
        b->p = xrealloc(b->p, c);
        b->cap = c;
    }
}

void nf_buf_put(nf_buf *b, const void *s, size_t n)
{
    if (b->len + n + 1 > b->cap) /* (the common case, room enough, costs no call) */
        nf_buf_reserve(b, n);
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

void nf_buf_puts(nf_buf *b, const char *s) { nf_buf_put(b, s, strlen(s)); }

void nf_buf_putc(nf_buf *b, char c)
{
    if (b->len + 2 > b->cap)
        nf_buf_reserve(b, 1);
    b->p[b->len++] = c;
    b->p[b->len] = 0;
}

void nf_buf_printf(nf_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        nf_buf_put(b, tmp, (size_t)n);
        return;
    }
    nf_buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void nf_buf_free(nf_buf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

/* ---- nf_arena ---- */

struct nf_arena_blk {
    nf_arena_blk *next;
    size_t used, cap;
    max_align_t data[];
};

void *nf_arena_alloc(nf_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    nf_arena_blk *b = a->head;
    if (!b || b->used + n > b->cap) {
        size_t cap = 64 * 1024;
        if (b && b->cap * 2 > cap)
            cap = b->cap * 2 > 4 * 1024 * 1024 ? 4 * 1024 * 1024 : b->cap * 2;
        if (n > cap)
            cap = n;
        nf_arena_blk *nb = xrealloc(NULL, sizeof *nb + cap);
        nb->next = b;
        nb->used = 0;
        nb->cap = cap;
        a->head = b = nb;
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    return p;
}

char *nf_arena_strndup(nf_arena *a, const char *s, size_t n)
{
    char *p = nf_arena_alloc(a, n + 1);
    if (n)
        memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *nf_arena_printf(nf_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *p = nf_arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void nf_arena_reset(nf_arena *a)
{
    nf_arena_blk *b = a->head;
    if (!b)
        return;
    /* keep the last (oldest, first allocated) block only if it is the small one */
    while (b->next) {
        nf_arena_blk *n = b->next;
        free(b);
        b = n;
    }
    b->used = 0;
    a->head = b;
}

void nf_arena_free(nf_arena *a)
{
    nf_arena_blk *b = a->head;
    while (b) {
        nf_arena_blk *n = b->next;
        free(b);
        b = n;
    }
    a->head = NULL;
}

/* ---- nf_map ---- */

/* The slots are probed in place: each holds a 16-bit tag (0 = empty, else 15 bits of the
 * hash with the top bit set), so a probe compares the key only when the tag matches.  Most
 * misses end at the filter (below) before the table is touched, so most probes are hits,
 * and a hit reads one 32-byte slot (one cache line: the table is 64-byte aligned), not a
 * tag array's line and then the slot's. */
/* k8: the key's first 8 bytes (fewer: zero-padded), so that a short key is compared in the
 * slot, without reading the key itself (one cache miss less on a hit). */
typedef struct { uint64_t k8; uint32_t klen; uint16_t tag; char *key; void *val; } nf_slot;
/* Key copies are packed into chunks (one malloc per chunk, not per key): start-up makes
 * tens of thousands of keys, and packed keys share cache lines. */
typedef struct map_chunk { struct map_chunk *next; char data[]; } map_chunk;
struct nf_map {
    nf_slot *slot; size_t cap, n;
    map_chunk *chunks; char *pool; size_t pool_left;
    /* A filter of cap * 8 bits over a cheap signature of each key (length, first, middle and
     * last byte): most look-ups are misses, and most misses end here, before the key is
     * hashed or the table touched. */
    uint64_t *filt; unsigned fshift;
};

static inline uint64_t map_sig(const char *key, size_t klen)
{
    uint64_t s = klen;
    if (klen)
        s |= (uint64_t)(unsigned char)key[0] << 8 | (uint64_t)(unsigned char)key[klen / 2] << 16 |
             (uint64_t)(unsigned char)key[klen - 1] << 24;
    return s * 0x9E3779B97F4A7C15ULL;
}
static inline void map_filt_set(nf_map *m, uint64_t sig)
{
    uint64_t b = sig >> m->fshift;
    m->filt[b >> 6] |= (uint64_t)1 << (b & 63);
}
static inline int map_filt_may(const nf_map *m, const char *key, size_t klen)
{
    uint64_t b = map_sig(key, klen) >> m->fshift;
    return (m->filt[b >> 6] >> (b & 63)) & 1;
}

enum { MAP_CHUNK = 16384 };

static char *map_keycopy(nf_map *m, const char *key, size_t klen)
{
    if (klen + 1 > m->pool_left) {
        size_t sz = klen + 1 > MAP_CHUNK / 4 ? klen + 1 : MAP_CHUNK - sizeof(map_chunk);
        map_chunk *c = xrealloc(NULL, sizeof *c + sz);
        if (sz == klen + 1 && m->chunks) { /* a long key: its own chunk, keep the current pool */
            c->next = m->chunks->next;
            m->chunks->next = c;
            memcpy(c->data, key, klen);
            c->data[klen] = 0;
            return c->data;
        }
        c->next = m->chunks;
        m->chunks = c;
        m->pool = c->data;
        m->pool_left = sz;
    }
    char *k = m->pool;
    memcpy(k, key, klen);
    k[klen] = 0;
    m->pool += klen + 1;
    m->pool_left -= klen + 1;
    return k;
}

uint64_t nf_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    h ^= h >> 33; /* murmur3's finalizer: every bit of h reaches the low bits used as index */
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

/* The map's own hash (nf_hash stays as it is: corroborate.c keeps its values): whole words
 * of the key rather than byte by byte, the last word overlapping the one before, then
 * murmur3's finalizer. */
static inline uint64_t map_hash(const char *key, size_t n)
{
    const unsigned char *p = (const unsigned char *)key;
    uint64_t a = 0, b = 0;
    if (n >= 8) {
        for (size_t i = 0; i + 8 < n; i += 8) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            a = (a ^ w) * 0x9E3779B97F4A7C15ULL;
            a ^= a >> 29;
        }
        memcpy(&b, p + n - 8, 8);
    } else if (n >= 4) {
        uint32_t x, y;
        memcpy(&x, p, 4);
        memcpy(&y, p + n - 4, 4);
        a = x;
        b = y;
    } else if (n) {
        a = (uint64_t)p[0] << 16 | (uint64_t)p[n / 2] << 8 | p[n - 1];
    }
    uint64_t h = (a * 0x9E3779B97F4A7C15ULL) ^ ((b + n) * 0xC2B2AE3D27D4EB4FULL);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

static inline uint16_t map_tag(uint64_t h) { return (uint16_t)(0x8000u | (h >> 49)); }

void *nf_table_zalloc(size_t n, size_t size)
{
    size_t bytes = n * size;
    if (bytes >= (1u << 20)) {
        size_t hp = (size_t)2 << 20, round = (bytes + hp - 1) & ~(hp - 1);
        void *p = aligned_alloc(hp, round);
        if (p) {
#ifdef MADV_HUGEPAGE
            madvise(p, round, MADV_HUGEPAGE);
#endif
            memset(p, 0, bytes);
            return p;
        }
    }
    void *p = aligned_alloc(64, (bytes + 63) & ~(size_t)63);
    if (p)
        memset(p, 0, bytes);
    return p;
}

static void map_alloc(nf_map *m)
{
    m->filt = calloc(m->cap / 8, sizeof *m->filt);
    m->fshift = 64 - 3 - (unsigned)__builtin_ctzll(m->cap);
    if (!m->filt)
        exit(1);
    m->slot = nf_table_zalloc(m->cap, sizeof *m->slot);
    if (!m->slot)
        exit(1);
}

nf_map *nf_map_new(void)
{
    nf_map *m = xrealloc(NULL, sizeof *m);
    m->cap = 64;
    m->n = 0;
    m->chunks = NULL;
    m->pool = NULL;
    m->pool_left = 0;
    map_alloc(m);
    return m;
}

void nf_map_free(nf_map *m)
{
    if (!m)
        return;
    for (map_chunk *c = m->chunks, *nx; c; c = nx) {
        nx = c->next;
        free(c);
    }
    free(m->slot);
    free(m->filt);
    free(m);
}

/* The first 8 bytes of key (fewer: zero-padded), without a call: one word, two 4-byte
 * words overlapping in the middle (their common bytes OR'ed with themselves), or the
 * first, middle and last byte. */
static inline uint64_t key8(const char *key, size_t n)
{
    const unsigned char *p = (const unsigned char *)key;
    uint64_t x = 0;
    if (n >= 8) {
        memcpy(&x, p, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, p, 4);
        memcpy(&b, p + n - 4, 4);
        x = (uint64_t)a | (uint64_t)b << (8 * (n - 4));
    } else if (n) {
        x = (uint64_t)p[0] | (uint64_t)p[n / 2] << (8 * (n / 2)) | (uint64_t)p[n - 1] << (8 * (n - 1));
    }
    return x;
}

/* Index of key's slot, or of the empty slot where it would go (its tag 0). */
static inline size_t map_find(const nf_map *m, const char *key, size_t klen, uint64_t h)
{
    size_t mask = m->cap - 1, i = h & mask;
    uint16_t t = map_tag(h);
    for (;;) {
        const nf_slot *s = &m->slot[i];
        if (!s->tag)
            return i;
        if (s->tag == t) {
            if (s->klen == klen && s->k8 == key8(key, klen) &&
                (klen <= 8 || memcmp(s->key + 8, key + 8, klen - 8) == 0))
                return i;
        }
        i = (i + 1) & mask;
    }
}

const char *nf_map_put(nf_map *m, const char *key, size_t klen, void *val)
{
    if ((m->n + 1) * 2 > m->cap) { /* at most half full: most look-ups are misses */
        nf_slot *old = m->slot;
        uint64_t *ofilt = m->filt;
        size_t oc = m->cap;
        m->cap *= 2;
        map_alloc(m);
        for (size_t i = 0; i < oc; i++)
            if (old[i].tag) {
                size_t j = map_find(m, old[i].key, old[i].klen, map_hash(old[i].key, old[i].klen));
                m->slot[j] = old[i];
                map_filt_set(m, map_sig(old[i].key, old[i].klen));
            }
        free(old);
        free(ofilt);
    }
    uint64_t h = map_hash(key, klen);
    size_t i = map_find(m, key, klen, h);
    nf_slot *s = &m->slot[i];
    if (!s->tag) {
        s->key = map_keycopy(m, key, klen);
        s->klen = (uint32_t)klen;
        s->k8 = key8(key, klen);
        s->tag = map_tag(h);
        map_filt_set(m, map_sig(key, klen));
        m->n++;
    }
    s->val = val;
    return s->key;
}

/* The look-up past the filter, out of line: the common miss at the filter then costs no
 * saving of registers. The key's slot, NULL if absent. */
__attribute__((noinline)) static const nf_slot *map_lookup(const nf_map *m, const char *key, size_t klen)
{
    size_t i = map_find(m, key, klen, map_hash(key, klen));
    return m->slot[i].tag ? &m->slot[i] : NULL;
}

void *nf_map_get(const nf_map *m, const char *key, size_t klen)
{
    if (!m || !map_filt_may(m, key, klen))
        return NULL;
    const nf_slot *s = map_lookup(m, key, klen);
    return s ? s->val : NULL;
}

int nf_map_has(const nf_map *m, const char *key, size_t klen)
{
    return m && map_filt_may(m, key, klen) && map_lookup(m, key, klen) != NULL;
}

size_t nf_map_count(const nf_map *m) { return m ? m->n : 0; }

/* ---- UTF-8 ---- */

int nf_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4; v = c & 0x07; min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if ((size_t)len > n) {
        *cp = 0xFFFD;
        return 1;
    }
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return len;
}

int nf_utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF)
        cp = 0xFFFD;
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp > 0x10FFFF)
        return nf_utf8_encode(0xFFFD, out);
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}


static inline uint32_t lower4(uint32_t x)
{
    uint32_t lo = x & 0x7F7F7F7Fu;
    uint32_t ge_a = lo + 0x3F3F3F3Fu, gt_z = lo + 0x25252525u;
    return x | ((ge_a & ~gt_z & ~x & 0x80808080u) >> 2);
}

#ifdef __SSE2__
/* nf_lower of sixteen bytes: as signed bytes, one of 0x80 or more is below 'A', so only
 * A-Z gain 0x20. */
static inline void lower16(const char *s, char *out)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i up = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(x, _mm_set1_epi8('Z' + 1)));
    _mm_storeu_si128((__m128i *)(void *)out, _mm_or_si128(x, _mm_and_si128(up, _mm_set1_epi8(0x20))));
}
#endif

void nf_lower(const char *s, size_t n, char *out)
{
    /* Whole words at a time; the last word overlaps the one before it rather than going
     * byte by byte. Lower-casing twice changes nothing, so out may be s. */
#ifdef __SSE2__
    if (n >= 16) {
        for (size_t i = 0; i + 16 < n; i += 16)
            lower16(s + i, out + i);
        lower16(s + n - 16, out + n - 16);
        return;
    }
#endif
    if (n >= 8) {
        uint64_t x;
        for (size_t i = 0; i + 8 < n; i += 8) {
            memcpy(&x, s + i, 8);
            x = nf_lower8(x);
            memcpy(out + i, &x, 8);
        }
        memcpy(&x, s + n - 8, 8);
        x = nf_lower8(x);
        memcpy(out + n - 8, &x, 8);
    } else if (n >= 4) {
        uint32_t x, y;
        memcpy(&x, s, 4);
        memcpy(&y, s + n - 4, 4);
        x = lower4(x);
        y = lower4(y);
        memcpy(out, &x, 4);
        memcpy(out + n - 4, &y, 4);
    } else if (n) { /* 1 to 3 bytes: the first, middle and last cover them */
        char a = (char)nf_tolower((unsigned char)s[0]), b = (char)nf_tolower((unsigned char)s[n / 2]),
             c = (char)nf_tolower((unsigned char)s[n - 1]);
        out[0] = a;
        out[n / 2] = b;
        out[n - 1] = c;
    }
}

/* Does the word w hold no byte below 0x20 ((w - 0x20..) & ~w has a top bit there), none of
 * 0x80 or more, and no byte of c (a zero byte of w ^ c, c being the byte repeated)? Each
 * test is exact about whether such a byte exists. */
static inline int plain8(uint64_t w, uint64_t c1, uint64_t c2)
{
    const uint64_t ones = 0x0101010101010101ULL, top = 0x8080808080808080ULL;
    uint64_t a = w ^ c1, b = w ^ c2, d = w ^ (ones * 0x7F);
    return !((((w - ones * 0x20) & ~w) | ((a - ones) & ~a) | ((b - ones) & ~b) | ((d - ones) & ~d) | w) & top);
}

size_t nf_plain_prefix(const char *s, size_t n, unsigned char x1, unsigned char x2)
{
    const uint64_t c1 = 0x0101010101010101ULL * x1, c2 = 0x0101010101010101ULL * x2;
    size_t i = 0;
    uint64_t w;
    for (; i + 8 <= n; i += 8) { /* eight bytes at a time */
        memcpy(&w, s + i, 8);
        if (!plain8(w, c1, c2))
            break;
    }
    if (i + 8 > n && n >= 8 && i < n) { /* the last few: the last word, overlapping */
        memcpy(&w, s + n - 8, 8);
        if (plain8(w, c1, c2))
            return n;
    }
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c >= 0x7F || c == x1 || c == x2)
            break;
    }
    return i;
}

int nf_strncaseeq(const char *a, size_t an, const char *b)
{
    size_t i = 0;
    for (; i < an; i++)
        if (!b[i] || nf_tolower((unsigned char)a[i]) != nf_tolower((unsigned char)b[i]))
            return 0;
    return b[i] == 0;
}

/* ---- diagnostics ---- */

static int diag_quiet;
static atomic_long diag_warnings, diag_errors;

void nf_diag_setup(int quiet) { diag_quiet = quiet; }

static void diag(const char *file, long line, const char *fmt, va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    if (file && line > 0)
        fprintf(stderr, "newsfacts: %s:%ld: %s\n", file, line, msg);
    else if (file)
        fprintf(stderr, "newsfacts: %s: %s\n", file, msg);
    else
        fprintf(stderr, "newsfacts: %s\n", msg);
}

void nf_warn(const char *file, long line, const char *fmt, ...)
{
    atomic_fetch_add(&diag_warnings, 1);
    if (diag_quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    diag(file, line, fmt, ap);
    va_end(ap);
}

void nf_error(const char *file, long line, const char *fmt, ...)
{
    atomic_fetch_add(&diag_errors, 1);
    va_list ap;
    va_start(ap, fmt);
    diag(file, line, fmt, ap);
    va_end(ap);
}

long nf_diag_warnings(void) { return atomic_load(&diag_warnings); }
long nf_diag_errors(void) { return atomic_load(&diag_errors); }

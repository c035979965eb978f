/* write_tsv.c — TSV rows: TAB between fields, LF at the end; in a field, TAB, CR and LF
 * become spaces, other control characters (C0, DEL, C1) are dropped and invalid UTF-8
 * becomes U+FFFD, so every field is one line of valid UTF-8 without a TAB. */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "nf.h"

/* Does the word hold only printable ASCII (0x20..0x7E)? A top bit is set in x where a byte
 * is 0x80 or more; in x + 0x01.. where one is 0x7F (a carry into it comes only from an 0xFF,
 * found by x); in x - 0x20.. where one is below 0x20 (a borrow comes only out of such a
 * byte). With every byte printable there is no carry nor borrow and no top bit anywhere, so
 * the test is exact. */
static inline int printable8(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101ULL, top = 0x8080808080808080ULL;
    return !(((x - ones * 0x20) | (x + ones) | x) & top);
}

static inline int printable4(uint32_t x)
{
    const uint32_t ones = 0x01010101u, top = 0x80808080u;
    return !(((x - ones * 0x20) | (x + ones) | x) & top);
}

/* Writes field s[0..n) at d; returns the new end. At most 3n bytes (an invalid byte becomes
 * the three of U+FFFD; everything else stays as long or gets shorter). Runs of printable
 * ASCII and valid UTF-8 above U+009F are copied whole. */
static char *put_field(char *d, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n, *run = p;
    /* Most fields are printable ASCII throughout: copied a word at a time as it is checked,
     * the last word overlapping the one before (its bytes are written again, the same).
     * Printable bytes are written as they are, so at the first word that is not printable
     * the general loop below takes over where the copy stopped. */
    if (n >= 8) {
        uint64_t x;
        size_t i = 0;
#ifdef __SSE2__
        /* first sixteen bytes at a time (as signed bytes, printable ones are 0x20..0x7E;
         * one of 0x80 or more is below zero) */
        for (; i + 16 <= n; i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
            __m128i ok = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));
            if (_mm_movemask_epi8(ok) != 0xFFFF)
                break;
            _mm_storeu_si128((__m128i *)(void *)(d + i), v);
        }
        if (i == n)
            return d + n;
        if (n >= 16 && i + 16 > n) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(end - 16));
            __m128i ok = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));
            if (_mm_movemask_epi8(ok) == 0xFFFF) {
                _mm_storeu_si128((__m128i *)(void *)(d + n - 16), v);
                return d + n;
            }
        }
#endif
        for (; i + 8 <= n; i += 8) {
            memcpy(&x, p + i, 8);
            if (!printable8(x))
                break;
            memcpy(d + i, &x, 8);
        }
        if (i == n)
            return d + n;
        if (i + 8 > n) {
            memcpy(&x, end - 8, 8);
            if (printable8(x)) {
                memcpy(d + n - 8, &x, 8);
                return d + n;
            }
        }
        d += i;
        p = run = p + i;
    } else if (n >= 4) { /* the same with two 4-byte words */
        uint32_t x, y;
        memcpy(&x, p, 4);
        memcpy(&y, end - 4, 4);
        if (printable4(x) && printable4(y)) {
            memcpy(d, &x, 4);
            memcpy(d + n - 4, &y, 4);
            return d + n;
        }
    }
    for (;;) {
        uint64_t x;
        while (end - p >= 8 && (memcpy(&x, p, 8), printable8(x)))
            p += 8;
        while (p < end && *p >= 0x20 && *p < 0x7F)
            p++;
        if (p == end)
            break;
        unsigned c = *p;
        uint32_t cp = c;
        int k = 1, bad = 0;
        if (c >= 0x80) {
            k = nf_utf8_decode(p, (size_t)(end - p), &cp);
            bad = cp == 0xFFFD && !(k == 3 && c == 0xEF);
            if (!bad && cp > 0x9F) {
                p += k;
                continue;
            }
        }
        memcpy(d, run, (size_t)(p - run));
        d += p - run;
        if (c == '\t' || c == '\n' || c == '\r')
            *d++ = ' ';
        else if (bad) {
            memcpy(d, "\xEF\xBF\xBD", 3);
            d += 3;
        }
        p += k;
        run = p;
    }
    memcpy(d, run, (size_t)(p - run));
    return d + (p - run);
}

/* Where to write next in out, which holds used bytes: room for need more bytes and a NUL
 * (the buffer may move). */
static char *room(nf_buf *out, size_t used, size_t need)
{
    if (used + need + 1 > out->cap) {
        out->len = used;
        nf_buf_reserve(out, need);
    }
    return out->p + used;
}

/* The row, with m (NULL: none) remembering each column's last field (see nf_tsv_memo). */
static inline void write_row(const nf_options *o, const char *const *cols, nf_buf *out,
                             nf_tsv_memo *m)
{
    int n = nf_table_ncols(o);
    /* room for the TABs, the LF and the NUL; each field then makes sure of its own room */
    nf_buf_reserve(out, (size_t)n + 1);
    char *d = out->p + out->len;
    for (int i = 0; i < n; i++) {
        if (i)
            *d++ = '\t';
        int c = o->nfields ? o->fields[i] : i; /* nf_table_col, inline */
        const char *f = cols[c];
        if (!f || !*f)
            continue;
        /* the same string as this column's last one: its formatted bytes are in out */
        int memo = m && c != NF_COL_LINE, hit = memo && m->src[c] == f;
        size_t len = hit ? m->len[c] : strlen(f), used = (size_t)(d - out->p);
        /* the field (3 * len at most), the TABs after it, the LF; nf_buf_reserve adds the NUL */
        size_t need = (hit ? len : 3 * len) + (size_t)(n - i);
        d = room(out, used, need);
        if (hit) {
            memcpy(d, out->p + m->off[c], len);
            d += len;
            continue;
        }
        d = put_field(d, f, len);
        if (memo) {
            m->src[c] = f;
            m->off[c] = used;
            m->len[c] = (size_t)(d - out->p) - used;
        }
    }
    *d++ = '\n';
    *d = 0;
    out->len = (size_t)(d - out->p);
}

void nf_write_tsv(const nf_options *o, const char *const *cols, nf_buf *out)
{
    write_row(o, cols, out, NULL);
}

void nf_write_tsv_memo(const nf_options *o, const char *const *cols, nf_buf *out, nf_tsv_memo *m)
{
    write_row(o, cols, out, m);
}

/* v in decimal at d, as "%ld" prints it; returns the new end. Two digits at a time from the
 * end, once the number of digits is known. */
static char *put_dec(char *d, long v)
{
    static const char two[201] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                 "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                 "8081828384858687888990919293949596979899";
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    if (v < 0)
        *d++ = '-';
    size_t n = 1;
    for (unsigned long x = u; x >= 10; x /= 10)
        n++;
    char *e = d + n, *q = e;
    while (u >= 10) {
        q -= 2;
        memcpy(q, two + 2 * (u % 100), 2);
        u /= 100;
    }
    if (q > d)
        *--q = (char)('0' + u);
    return e;
}

/* The memo's copy of a field's formatted bytes: short ones (most are) without a call. */
static inline char *copy_short(char *d, const char *s, size_t n)
{
    if (n <= 16) {
        if (n >= 8) {
            uint64_t x, y;
            memcpy(&x, s, 8);
            memcpy(&y, s + n - 8, 8);
            memcpy(d, &x, 8);
            memcpy(d + n - 8, &y, 8);
        } else {
            for (size_t i = 0; i < n; i++)
                d[i] = s[i];
        }
        return d + n;
    }
    memcpy(d, s, n);
    return d + n;
}

void nf_write_tsv_rows(const nf_options *o, const nf_ana *a, const uint32_t *ix, nf_buf *out)
{
    const char *msrc[NF_NCOLS] = {0}; /* the memo of nf_tsv_memo, for columns DATE on */
    size_t moff[NF_NCOLS] = {0}, mlen[NF_NCOLS] = {0};
    size_t pre_off = 0, pre_len = 0; /* "FILE\tARTICLE\t", formatted, at out->p + pre_off */
    int pre = 0;
    size_t klen[NF_NKINDS];
    char kind8[NF_NKINDS][8]; /* the kind names, 8 bytes each to copy as one word */
    for (int k = 0; k < NF_NKINDS; k++) {
        klen[k] = strlen(nf_kind_names[k]);
        memset(kind8[k], 0, 8);
        memcpy(kind8[k], nf_kind_names[k], klen[k] < 8 ? klen[k] : 8);
    }
    for (size_t i = 0; i < a->nrow; i++) {
        const nf_row *r = &a->row[ix ? ix[i] : i];
        if (!nf_table_keep(o, r))
            continue;
        /* room for the prefix, the line (a sign and 20 digits at most), the kind, the TABs,
         * the LF and the NUL; each other field then makes sure of its own room */
        if (!pre) { /* the first row: the file and article columns as write_row formats them */
            const char *f = a->art->file, *n = a->art->name;
            size_t fl = f ? strlen(f) : 0, nl = n ? strlen(n) : 0;
            nf_buf_reserve(out, 3 * (fl + nl) + 2 + 24 + klen[r->kind] + NF_NCOLS);
            char *d = out->p + out->len;
            pre_off = out->len;
            if (fl)
                d = put_field(d, f, fl);
            *d++ = '\t';
            if (nl)
                d = put_field(d, n, nl);
            *d++ = '\t';
            pre_len = (size_t)(d - out->p) - pre_off;
            pre = 1;
        } else {
            nf_buf_reserve(out, pre_len + 24 + klen[r->kind] + NF_NCOLS);
            memcpy(out->p + out->len, out->p + pre_off, pre_len);
        }
        char *d = out->p + out->len + pre_len;
        d = put_dec(d, r->line - a->art->line_base);
        *d++ = '\t';
        if (klen[r->kind] <= 8) /* (plain lower-case ASCII; the room holds 8 bytes) */
            memcpy(d, kind8[r->kind], 8);
        else
            memcpy(d, nf_kind_names[r->kind], klen[r->kind]);
        d += klen[r->kind];
        for (int c = NF_COL_DATE; c < NF_NCOLS; c++) {
            *d++ = '\t';
            const char *f = r->f[c];
            if (!f || !*f)
                continue;
            size_t used = (size_t)(d - out->p);
            int hit = msrc[c] == f;
            size_t len = hit ? mlen[c] : strlen(f);
            /* the field (3 * len at most), the TABs after it, the LF; reserve adds the NUL */
            size_t need = (hit ? len : 3 * len) + (size_t)(NF_NCOLS - c);
            d = room(out, used, need);
            if (hit) {
                d = copy_short(d, out->p + moff[c], len);
                continue;
            }
            d = put_field(d, f, len);
            msrc[c] = f;
            moff[c] = used;
            mlen[c] = (size_t)(d - out->p) - used;
        }
        *d++ = '\n';
        *d = 0;
        out->len = (size_t)(d - out->p);
    }
}

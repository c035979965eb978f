/* write_tsv.c — TSV rows: TAB between fields, LF at the end; in a field, TAB, CR and LF
 * become spaces, other control characters (C0, DEL, C1) are dropped and invalid UTF-8
 * becomes U+FFFD, so every field is one line of valid UTF-8 without a TAB. */
#include <string.h>

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
        if (used + need + 1 > out->cap) {
            out->len = used;
            nf_buf_reserve(out, need);
            d = out->p + used;
        }
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

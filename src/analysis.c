/* analysis.c — the per-article analysis shared by the stages: rows, positions, sentence
 * text and dates. */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "nf.h"

/* The last segment of d (d->nseg > 0) with seg.off <= off (0 when there is none). */
static size_t seg_index(const nf_doc *d, uint32_t off)
{
    size_t lo = 0, hi = d->nseg;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (d->seg[mid].off <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static void seg_pos(const nf_seg *s, uint32_t off, long *line, long *col)
{
    *line = s->line;
    *col = s->col + (off >= s->off ? (long)(off - s->off) : 0);
}

void nf_doc_pos(const nf_doc *d, uint32_t off, long *line, long *col)
{
    if (!d->nseg) {
        *line = 1;
        *col = off;
        return;
    }
    seg_pos(&d->seg[seg_index(d, off)], off, line, col);
}

nf_row *nf_row_add(nf_ana *a, int kind, uint32_t off)
{
    nf_row *r = NF_PUSH(a->row, a->nrow, a->caprow);
    memset(r, 0, sizeof *r);
    r->kind = (uint8_t)kind;
    r->order = (uint32_t)(a->nrow - 1);
    /* A stage adds its rows in text order, mostly: the segment of the last row, or the one
     * after it, is seg_index's answer when off is at or past its start and before the next
     * one's (the last such segment: seg_index's). */
    const nf_doc *d = &a->doc;
    size_t h = a->row_seg;
    for (int k = 0; k < 2 && h < d->nseg; k++, h++)
        if (d->seg[h].off <= off && (h + 1 == d->nseg || d->seg[h + 1].off > off)) {
            seg_pos(&d->seg[h], off, &r->line, &r->col);
            a->row_seg = h;
            return r;
        }
    if (!d->nseg) {
        nf_doc_pos(d, off, &r->line, &r->col);
        return r;
    }
    a->row_seg = seg_index(d, off);
    seg_pos(&d->seg[a->row_seg], off, &r->line, &r->col);
    return r;
}

void nf_row_set(nf_ana *a, nf_row *r, int col, const char *s, size_t n)
{
    r->f[col] = s ? nf_arena_strndup(&a->arena, s, n) : NULL;
}

void nf_row_setz(nf_ana *a, nf_row *r, int col, const char *s)
{
    nf_row_set(a, r, col, s, s ? strlen(s) : 0);
}

/* Is s[0..n) (no whitespace at either end) already collapsed: every whitespace byte a
 * single ' ' between two non-space bytes? Sentences of doc.text nearly always are. */
static int collapsed(const char *s, size_t n)
{
    size_t i = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ /* s[i] is x's low byte */
    /* eight bytes at once; the top bit of each byte of sp is set where x has a space, of ws
     * where it has \t \n \v \f \r (exact per byte: the sums carry into no other byte) */
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL, top = 0x8080808080808080ULL;
    uint64_t before = 0; /* the top bit of its low byte: the byte before x is a space */
#ifdef __SSE2__
    /* first sixteen bytes at once: bit k of sp set where byte k is a space, of ws where it
     * is \t \n \v \f \r (9..13: as signed bytes, no byte of 0x80 or more is in range) */
    unsigned prev = 0; /* 1: the byte before the sixteen is a space */
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')));
        unsigned ws = (unsigned)_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(8)), _mm_cmplt_epi8(x, _mm_set1_epi8(14))));
        if (ws || (sp & ((sp << 1) | prev)))
            return 0;
        prev = sp >> 15;
    }
    before = (uint64_t)prev << 7;
#endif
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t b7 = x & low7, t = (x ^ 0x2020202020202020ULL) & low7;
        uint64_t sp = ~((t + low7) | x) & top;
        uint64_t ws = (b7 + 0x7777777777777777ULL) & ~(b7 + 0x7272727272727272ULL) & ~x & top;
        if (ws || (sp & ((sp << 8) | before)))
            return 0;
        before = (sp >> 56) & 0x80;
    }
    if (i && before && i < n && nf_isspace((unsigned char)s[i]))
        return 0;
#endif
    for (; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        /* s[n - 1] is no space, so a space at i has a next byte */
        if (ch <= ' ' && nf_isspace(ch) && (ch != ' ' || nf_isspace((unsigned char)s[i + 1])))
            return 0;
    }
    return 1;
}

const char *nf_span_text(nf_ana *a, const char *s, size_t n, int lower)
{
    while (n && nf_isspace((unsigned char)s[0]))
        s++, n--;
    while (n && nf_isspace((unsigned char)s[n - 1]))
        n--;
    char *out = nf_arena_alloc(&a->arena, n + 1);
    size_t k = 0;
    if (collapsed(s, n)) { /* copied whole */
        if (lower)
            nf_lower(s, n, out);
        else
            memcpy(out, s, n);
        k = n;
    } else {
        int sp = 0;
        for (size_t i = 0; i < n; i++) {
            unsigned char ch = (unsigned char)s[i];
            if (nf_isspace(ch)) {
                sp = k > 0;
                continue;
            }
            if (sp)
                out[k++] = ' ';
            sp = 0;
            out[k++] = (char)(lower ? nf_tolower(ch) : ch);
        }
    }
    out[k] = '\0';
    return out;
}

const char *nf_sent_text(nf_ana *a, const nf_sent *s)
{
    /* the cache lives in a->sent; a sentence from elsewhere is copied each time */
    size_t i = (size_t)((uintptr_t)s - (uintptr_t)a->sent) / sizeof *s;
    nf_sent *own = i < a->nsent && &a->sent[i] == s ? &a->sent[i] : NULL;
    if (own && own->text)
        return own->text;
    size_t n = s->end > s->start ? s->end - s->start : 0;
    const char *t = nf_span_text(a, a->doc.text + s->start, n, 0);
    if (own)
        own->text = t;
    return t;
}

const char *nf_sent_date(const nf_ana *a, const nf_sent *s)
{
    if (s && s->date_tx >= 0 && (size_t)s->date_tx < a->ntx && a->tx[s->date_tx].value[0])
        return a->tx[s->date_tx].value;
    return a->anchor;
}

size_t nf_sent_at(const nf_ana *a, uint32_t off)
{
    size_t lo = 0, hi = a->nsent;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (a->sent[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < a->nsent && a->sent[lo].start <= off)
        return lo;
    return a->nsent;
}

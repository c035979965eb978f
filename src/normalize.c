/* normalize stage: raw article -> clean body paragraphs with their input lines, plus the
 * article's metadata (date, source, title, url) and language.
 *
 *   1. a ` date YYYY-MM-DD` prefix on the first line is metadata;
 *   2. the article is cut into blocks: HTML pages through html.c (libxml2), text by reflow:
 *      a paragraph ends at a blank line or where the next line could not continue the
 *      sentence; hard-wrapped lines are re-joined with a space, a url broken over two lines
 *      without one, a word hyphenated at a line end keeps its hyphen unless the article
 *      elsewhere spells it whole; HTML entities are decoded;
 *   3. boilerplate.c classifies the blocks and chooses the body;
 *   4. metadata is read from the blocks left out (title, url, dates, site name) and from the
 *      HTML head;
 *   5. the kept blocks become doc.text, one paragraph each, with the line map.
 * Every byte of doc.text maps back to its input line and column through doc.seg. */
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "normalize.h"

#include <libxml/parser.h>

/* ------------------------------------------------------------------ work buffer */

/* memmem, portably. */
static const char *find(const char *h, size_t hn, const char *nd, size_t nn)
{
    if (!nn)
        return h;
    while (hn >= nn) {
        const char *p = memchr(h, nd[0], hn - nn + 1);
        if (!p)
            return NULL;
        if (!memcmp(p, nd, nn))
            return p;
        hn -= (size_t)(p + 1 - h);
        h = p + 1;
    }
    return NULL;
}

static void bl_reserve(nf_ana *a, nf_blocks *bl, size_t extra)
{
    if (bl->len + extra + 1 <= bl->cap)
        return;
    size_t nc = bl->cap ? bl->cap : 4096;
    while (nc < bl->len + extra + 1)
        nc *= 2;
    char *nb = nf_arena_alloc(&a->arena, nc);
    if (bl->len)
        memcpy(nb, bl->buf, bl->len);
    bl->buf = nb;
    bl->cap = (uint32_t)nc;
}

/* Eight bytes at once (SWAR): the top bit of each byte of the result is set where x has a
 * byte below 0x20 or a DEL (exact per byte: no carry crosses a byte). */
static inline uint64_t control_bytes(uint64_t x)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL, top = 0x8080808080808080ULL;
    uint64_t lt = ~(((x & low7) + 0x6060606060606060ULL) | x) & top; /* 0x20 + 0x60 = 0x80 */
    uint64_t del = ((x & low7) + 0x0101010101010101ULL) & ~x & top; /* 0x7F + 1 = 0x80 */
    return lt | del;
}

void nf_bl_put(nf_ana *a, nf_blocks *bl, const char *s, size_t n)
{
    bl_reserve(a, bl, n);
    char *d = bl->buf + bl->len;
    memcpy(d, s, n);
    /* tabs, NUL, controls: a space; whole words with none are left as copied */
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, d + i, 8);
        if (!control_bytes(x))
            continue;
        for (size_t k = i; k < i + 8; k++)
            if ((unsigned char)d[k] < 0x20 || d[k] == 0x7f)
                d[k] = ' ';
    }
    for (; i < n; i++)
        if ((unsigned char)d[i] < 0x20 || d[i] == 0x7f)
            d[i] = ' ';
    bl->len += (uint32_t)n;
}

void nf_bl_seg(nf_ana *a, nf_blocks *bl, long line, long col)
{
    if (bl->nseg && bl->seg[bl->nseg - 1].off == bl->len) {
        bl->seg[bl->nseg - 1].line = line; /* an empty seg: replace it */
        bl->seg[bl->nseg - 1].col = col;
        return;
    }
    if (bl->nseg == bl->capseg) {
        uint32_t nc = bl->capseg ? bl->capseg * 2 : 256;
        nf_seg *ns = nf_arena_alloc(&a->arena, nc * sizeof *ns);
        if (bl->nseg)
            memcpy(ns, bl->seg, bl->nseg * sizeof *ns);
        bl->seg = ns;
        bl->capseg = nc;
    }
    nf_seg *g = &bl->seg[bl->nseg++];
    g->off = bl->len;
    g->line = line;
    g->col = col;
}

nf_block *nf_bl_open(nf_ana *a, nf_blocks *bl, long line)
{
    if (bl->nb == bl->capb) {
        uint32_t nc = bl->capb ? bl->capb * 2 : 128;
        nf_block *nb = nf_arena_alloc(&a->arena, nc * sizeof *nb);
        if (bl->nb)
            memcpy(nb, bl->b, bl->nb * sizeof *nb);
        bl->b = nb;
        bl->capb = nc;
    }
    nf_block *b = &bl->b[bl->nb++];
    memset(b, 0, sizeof *b);
    b->start = b->end = bl->len;
    b->seg0 = bl->nseg;
    b->line = line;
    return b;
}

static int is_cjk(uint32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

/* Does the text end like a sentence (after closing quotes and brackets)? */
static int ends_sentence(const char *s, size_t n)
{
    /* closing quotes written with apostrophes (``...'' or '...'): look past them */
    size_t q = n;
    while (q && s[q - 1] == '\'')
        q--;
    if (q < n && q && (s[q - 1] == '.' || s[q - 1] == '!' || s[q - 1] == '?' || s[q - 1] == ','))
        return s[q - 1] != ',';
    while (n) {
        unsigned char c = (unsigned char)s[n - 1];
        if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"' || c == ')' ||
            c == ']')
            return 1;
        if (c < 0x80)
            return 0;
        /* the last code point */
        size_t k = n - 1;
        while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        uint32_t cp;
        nf_utf8_decode((const unsigned char *)s + k, n - k, &cp);
        return cp == 0x201D || cp == 0x2019 || cp == 0x00BB || cp == 0x2026 || cp == 0x3002 ||
               cp == 0xFF01 || cp == 0xFF1F || cp == 0x300D || cp == 0x300F || cp == 0xFF09;
    }
    return 0;
}

void nf_bl_close(nf_ana *a, nf_blocks *bl)
{
    NF_UNUSED(a);
    if (!bl->nb)
        return;
    nf_block *b = &bl->b[bl->nb - 1];
    if (b->end > b->start || b->chars)
        return; /* already closed */
    uint32_t e = bl->len;
    while (e > b->start && bl->buf[e - 1] == ' ')
        e--;
    if (e == b->start) { /* empty: forget it */
        bl->len = b->start;
        bl->nseg = b->seg0;
        bl->nb--;
        return;
    }
    bl->len = e;
    while (bl->nseg > b->seg0 && bl->seg[bl->nseg - 1].off >= e)
        bl->nseg--;
    b->end = e;
    b->nseg = bl->nseg - b->seg0;
    const unsigned char *s = (const unsigned char *)bl->buf + b->start;
    size_t n = e - b->start, i = 0;
    uint32_t chars = 0, words = 0;
    int inword = 0;
    while (i < n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ /* s[i] is x's low byte */
        uint64_t x;
        if (i + 8 <= n && (memcpy(&x, s + i, 8), !(x & 0x8080808080808080ULL))) {
            /* eight ASCII characters at once: the top bit of each byte of sp is set where x
             * has a space (exact per byte); a word starts at a non-space after a space */
            const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL, top = 0x8080808080808080ULL;
            uint64_t t = x ^ 0x2020202020202020ULL;
            uint64_t sp = ~((t + low7) | t) & top; /* t < 0x80 here: no carry */
            uint64_t starts = ~sp & top & ((sp << 8) | (inword ? 0 : 0x80));
            words += (uint32_t)(((starts >> 7) * 0x0101010101010101ULL) >> 56);
            inword = !(sp >> 63);
            chars += 8;
            i += 8;
            continue;
        }
#endif
        uint32_t cp;
        int k = s[i] < 0x80 ? (cp = s[i], 1) : nf_utf8_decode(s + i, n - i, &cp);
        chars += is_cjk(cp) ? 2 : 1;
        if (cp == ' ')
            inword = 0;
        else if (!inword)
            inword = 1, words++;
        i += (size_t)k;
    }
    b->chars = chars;
    b->words = words;
    b->end_punct = (uint8_t)ends_sentence((const char *)s, n);
    bl_reserve(a, bl, 1);
    bl->buf[bl->len++] = '\n'; /* blocks are separated in the work buffer */
}

/* ------------------------------------------------------------------ entities */

static const struct { const char *name; uint32_t cp; } entities[] = {
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", ' '},
    {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"sbquo", 0x201A}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bdquo", 0x201E},
    {"hellip", 0x2026}, {"laquo", 0xAB}, {"raquo", 0xBB}, {"copy", 0xA9}, {"reg", 0xAE},
    {"trade", 0x2122}, {"euro", 0x20AC}, {"pound", 0xA3}, {"yen", 0xA5}, {"cent", 0xA2},
    {"deg", 0xB0}, {"middot", 0xB7}, {"bull", 0x2022}, {"times", 0xD7}, {"eacute", 0xE9},
    {"egrave", 0xE8}, {"aacute", 0xE1}, {"agrave", 0xE0}, {"oacute", 0xF3}, {"uacute", 0xFA},
    {"iacute", 0xED}, {"ntilde", 0xF1}, {"ccedil", 0xE7}, {"uuml", 0xFC}, {"ouml", 0xF6},
    {"auml", 0xE4}, {"szlig", 0xDF}, {"Eacute", 0xC9}, {"Uuml", 0xDC}, {"Ouml", 0xD6},
    {"Auml", 0xC4}, {"shy", 0xAD}, {"zwnj", 0x200C}, {"zwj", 0x200D}, {"thinsp", 0x2009},
    {"ensp", 0x2002}, {"emsp", 0x2003}, {"prime", 0x2032}, {"frac12", 0xBD},
    {"frac14", 0xBC}, {"frac34", 0xBE}, {"sect", 0xA7}, {"para", 0xB6},
};

size_t nf_entity_decode(const char *s, size_t n, char out[8], size_t *outn)
{
    if (n < 3 || s[0] != '&')
        return 0;
    size_t i = 1;
    uint32_t cp = 0;
    if (s[1] == '#') {
        i = 2;
        int hex = i < n && (s[i] == 'x' || s[i] == 'X');
        if (hex)
            i++;
        size_t d0 = i;
        while (i < n && i - d0 < 8) {
            int c = (unsigned char)s[i], v;
            if (nf_isdigit(c)) v = c - '0';
            else if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
            else break;
            cp = cp * (hex ? 16 : 10) + (uint32_t)v;
            i++;
        }
        if (i == d0 || i >= n || s[i] != ';')
            return 0;
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            cp = 0xFFFD;
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
            cp = ' ';
    } else {
        while (i < n && i < 10 && nf_isalpha((unsigned char)s[i]) && !((unsigned char)s[i] & 0x80))
            i++;
        if (i >= n || s[i] != ';' || i == 1)
            return 0;
        size_t k;
        for (k = 0; k < sizeof entities / sizeof *entities; k++)
            if (strlen(entities[k].name) == i - 1 && memcmp(entities[k].name, s + 1, i - 1) == 0)
                break;
        if (k == sizeof entities / sizeof *entities)
            return 0;
        cp = entities[k].cp;
    }
    if (cp == 0xAD || cp == 0x200C || cp == 0x200D) {
        *outn = 0; /* soft hyphen, joiners: nothing */
        return i + 1;
    }
    if (cp == 0xA0 || cp == 0x2009 || cp == 0x2002 || cp == 0x2003)
        cp = ' ';
    *outn = (size_t)nf_utf8_encode(cp, out);
    return i + 1;
}

void nf_bl_put_decoded(nf_ana *a, nf_blocks *bl, const char *s, size_t n, long line, long col)
{
    nf_bl_seg(a, bl, line, col);
    const char *amp = memchr(s, '&', n);
    if (!amp) {
        nf_bl_put(a, bl, s, n);
        return;
    }
    size_t i = 0;
    while (i < n) {
        const char *p = memchr(s + i, '&', n - i);
        if (!p) {
            nf_bl_put(a, bl, s + i, n - i);
            break;
        }
        size_t j = (size_t)(p - s);
        nf_bl_put(a, bl, s + i, j - i);
        char out[8];
        size_t on = 0, el = nf_entity_decode(s + j, n - j, out, &on);
        if (!el) {
            nf_bl_put(a, bl, "&", 1);
            i = j + 1;
            continue;
        }
        nf_bl_put(a, bl, out, on);
        i = j + el;
        if (i < n)
            nf_bl_seg(a, bl, line, col + (long)i);
    }
}

/* ------------------------------------------------------------------ text reflow */

typedef struct { uint32_t s, e; long line, col; } tline;

static int is_lower_start(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if (nf_islower(c))
        return 1;
    if (c >= 0x80) {
        uint32_t cp;
        nf_utf8_decode((const unsigned char *)s, n, &cp);
        /* Latin-1 / Latin Extended lower case letters */
        return (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
               (cp >= 0x100 && cp <= 0x17F && (cp & 1)) || (cp >= 0x430 && cp <= 0x45F);
    }
    return 0;
}

/* Is the word s[0..n) (joined without hyphen) spelled whole elsewhere in the article? */
static int word_in(const char *t, size_t tn, const char *w, size_t wn)
{
    if (wn < 4)
        return 0;
    const char *p = t, *end = t + tn;
    while ((size_t)(end - p) >= wn) {
        const char *q = find(p, (size_t)(end - p), w, wn);
        if (!q)
            return 0;
        int before = q == t || !nf_isalpha((unsigned char)q[-1]);
        int after = q + wn == end || !nf_isalpha((unsigned char)q[wn]);
        if (before && after)
            return 1;
        p = q + 1;
    }
    return 0;
}

static void text_blocks(nf_ana *a, nf_blocks *bl, const char *t, size_t n, long line, long col0)
{
    size_t nl = 1;
    for (const char *p = t; (p = memchr(p, '\n', (size_t)(t + n - p))); p++)
        nl++;
    tline *L = nf_arena_alloc(&a->arena, nl * sizeof *L);
    size_t k = 0, i = 0;
    long col = col0;
    while (i <= n) {
        const char *p = i < n ? memchr(t + i, '\n', n - i) : NULL;
        size_t e = p ? (size_t)(p - t) : n;
        size_t s = i, f = e;
        while (s < f && (nf_isspace((unsigned char)t[s]) || t[s] == '\0'))
            s++;
        while (f > s && (nf_isspace((unsigned char)t[f - 1]) || t[f - 1] == '\0'))
            f--;
        /* a non-breaking space at the edges */
        while (f - s >= 2 && (unsigned char)t[s] == 0xC2 && (unsigned char)t[s + 1] == 0xA0)
            s += 2;
        while (f - s >= 2 && (unsigned char)t[f - 2] == 0xC2 && (unsigned char)t[f - 1] == 0xA0)
            f -= 2;
        L[k].s = (uint32_t)s;
        L[k].e = (uint32_t)f;
        L[k].line = line;
        L[k].col = col + (long)(s - i);
        k++;
        if (!p)
            break;
        i = e + 1;
        line++;
        col = 0;
    }
    nl = k;
    /* Hard wrap: most lines that run on into another line are of about the same width. */
    uint32_t hist[16] = {0}, nrun = 0;
    for (k = 0; k + 1 < nl; k++) {
        uint32_t len = L[k].e - L[k].s;
        if (!len || L[k + 1].e == L[k + 1].s)
            continue;
        nrun++;
        hist[len >= 150 ? 15 : len / 10]++;
    }
    uint32_t W = 0;
    int wrapped = 0;
    if (nrun >= 4) {
        /* the width: the longest decile holding at least a sixth of the run-on lines */
        for (int d = 14; d >= 3; d--)
            if (hist[d] + hist[d + 1] >= nrun / 3 + 1) {
                W = (uint32_t)(d + 1) * 10;
                break;
            }
        uint32_t near = 0;
        if (W && W <= 130) {
            for (k = 0; k + 1 < nl; k++) {
                uint32_t len = L[k].e - L[k].s;
                if (len && L[k + 1].e > L[k + 1].s && len + 25 >= W && len <= W + 5)
                    near++;
            }
            wrapped = near * 2 >= nrun && hist[15] * 10 <= nrun;
        }
    }
    int open = 0;
    for (k = 0; k < nl; k++) {
        const char *s = t + L[k].s;
        size_t len = L[k].e - L[k].s;
        if (!len) {
            if (open)
                nf_bl_close(a, bl);
            open = 0;
            continue;
        }
        if (open) {
            const char *ps = t + L[k - 1].s;
            size_t plen = L[k - 1].e - L[k - 1].s;
            int join = 0, sep = 1;
            int purl = nf_is_url(ps, plen), curl = nf_is_url(s, len);
            if (purl && !curl && !memchr(s, ' ', len) && wrapped && plen + 25 >= W) {
                join = 1, sep = 0; /* a url broken at the wrap */
            } else if (purl || curl) {
                join = 0;
            } else if (wrapped) {
                join = plen + 30 >= W || (!ends_sentence(ps, plen) && is_lower_start(s, len));
            } else {
                join = !ends_sentence(ps, plen) && is_lower_start(s, len) &&
                       ps[plen - 1] != '|' && plen >= 20;
            }
            if (join && sep && plen >= 2 && ps[plen - 1] == '-' && nf_isalpha((unsigned char)ps[plen - 2]) &&
                is_lower_start(s, len)) {
                /* a hyphen at the wrap: drop it only when the article spells the word whole */
                size_t a0 = plen - 1;
                while (a0 > 0 && nf_isalpha((unsigned char)ps[a0 - 1]))
                    a0--;
                size_t b1 = 0;
                while (b1 < len && nf_isalpha((unsigned char)s[b1]))
                    b1++;
                char w[128];
                size_t wl = (plen - 1 - a0) + b1;
                sep = 0;
                if (wl < sizeof w) {
                    memcpy(w, ps + a0, plen - 1 - a0);
                    memcpy(w + (plen - 1 - a0), s, b1);
                    /* look around the split only (64 KB each way): linear time */
                    size_t at = L[k].s, lo = at > 65536 ? at - 65536 : 0,
                           hi = n - at > 65536 ? at + 65536 : n;
                    if (word_in(t + lo, hi - lo, w, wl)) {
                        bl->len--; /* the hyphen was the last byte put */
                    }
                }
            }
            if (!join) {
                nf_bl_close(a, bl);
                nf_bl_open(a, bl, L[k].line);
            } else if (sep) {
                nf_bl_put(a, bl, " ", 1);
            }
        } else {
            nf_bl_open(a, bl, L[k].line);
            open = 1;
        }
        nf_bl_put_decoded(a, bl, s, len, L[k].line, L[k].col);
    }
    if (open)
        nf_bl_close(a, bl);
}

/* ------------------------------------------------------------------ metadata */

static int valid_ymd(int y, int m, int d)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1] &&
           !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

static int num(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!nf_isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + s[i] - '0';
    }
    return v;
}

static int set_date(char out[11], int y, int m, int d)
{
    if (!valid_ymd(y, m, d))
        return 0;
    out[0] = (char)('0' + y / 1000), out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10), out[3] = (char)('0' + y % 10), out[4] = '-';
    out[5] = (char)('0' + m / 10), out[6] = (char)('0' + m % 10), out[7] = '-';
    out[8] = (char)('0' + d / 10), out[9] = (char)('0' + d % 10), out[10] = '\0';
    return 1;
}

/* YYYY-MM-DD at s (ISO, also the start of a timestamp). */
static int iso_date(const char *s, size_t n, char out[11])
{
    if (n < 10 || s[4] != '-' || s[7] != '-')
        return 0;
    if (n > 10 && nf_isdigit((unsigned char)s[10]))
        return 0;
    return set_date(out, num(s, 4), num(s + 5, 2), num(s + 8, 2));
}

/* A date in a url path: /2022/01/12/, /2022-01-12, /20220112/. */
static int url_date(const char *u, char out[11])
{
    size_t n = strlen(u);
    for (size_t i = 0; i + 6 < n; i++) {
        if (u[i] != '/' || !nf_isdigit((unsigned char)u[i + 1]))
            continue;
        const char *s = u + i + 1;
        size_t r = n - i - 1;
        if (r >= 10 && (s[4] == '/' || s[4] == '-') && s[7] == s[4] && num(s, 4) > 0 &&
            set_date(out, num(s, 4), num(s + 5, 2), num(s + 8, 2)) &&
            (r == 10 || !nf_isdigit((unsigned char)s[10])))
            return 1;
        if (r >= 8 && num(s, 8) > 0 && (r == 8 || !nf_isdigit((unsigned char)s[8])) &&
            set_date(out, num(s, 4), num(s + 4, 2), num(s + 6, 2)))
            return 1;
    }
    return 0;
}

/* The url's host without "www." into h (NUL-terminated, lower case). */
static size_t url_host(const char *u, char *h, size_t cap)
{
    const char *p = strstr(u, "://");
    p = p ? p + 3 : u;
    if (!strncmp(p, "www.", 4))
        p += 4;
    size_t k = 0;
    while (p[k] && p[k] != '/' && p[k] != ':' && p[k] != '?' && p[k] != '#' && k + 1 < cap) {
        h[k] = (char)nf_tolower((unsigned char)p[k]);
        k++;
    }
    h[k] = '\0';
    return k;
}

static const char *site_by_host(const nf_norm *st, const char *u)
{
    char h[256];
    size_t n = url_host(u, h, sizeof h);
    const char *p = h;
    while (n) {
        const char *v = nf_map_get(st->sites, p, n);
        if (v)
            return v;
        const char *dot = memchr(p, '.', n);
        if (!dot || !memchr(dot + 1, '.', n - (size_t)(dot + 1 - p)))
            break;
        n -= (size_t)(dot + 1 - p);
        p = dot + 1;
    }
    return NULL;
}

/* A known site name at the start of s ("- Sputnik International, 1920"). */
static const char *site_by_name(const nf_norm *st, const char *s, size_t n)
{
    while (n && (*s == '-' || *s == ' ' || *s == '|' || *s == '@'))
        s++, n--;
    char low[96];
    size_t k = 0;
    for (; k < n && k < sizeof low; k++) {
        if (s[k] == ',' || s[k] == '|' || (s[k] == ' ' && k + 1 < n && s[k + 1] == '-'))
            break;
        low[k] = (char)nf_tolower((unsigned char)s[k]);
    }
    while (k && low[k - 1] == ' ')
        k--;
    if (k == 0 || k >= sizeof low)
        return NULL;
    return nf_map_get(st->sites, low, k);
}

/* How much the url looks like an article's own (not an author, tag or section page). */
static int url_rank(const char *u, size_t n)
{
    static const char *const bad[] = {"/author/", "/authors/", "/tag/", "/tags/", "/topic/",
                                      "/topics/", "/category/", "/profile/", "/people/",
                                      "/search", "/login", "/subscribe"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (find(u, n, bad[i], strlen(bad[i])))
            return 0;
    int r = 1;
    char d[11];
    char tmp[2048];
    if (n < sizeof tmp) {
        memcpy(tmp, u, n);
        tmp[n] = '\0';
        if (url_date(tmp, d))
            r += 2;
    }
    int hy = 0;
    for (size_t i = 0; i < n; i++)
        hy += u[i] == '-';
    if (hy >= 3)
        r++;
    return r;
}

/* Month number of the word at s (Jan, Jan., January, Sept), 0 if none; *len its length. */
static int month_at(const char *s, size_t n, size_t *len)
{
    static const char *const full[] = {"january", "february", "march", "april", "may", "june",
                                       "july", "august", "september", "october", "november",
                                       "december"};
    size_t w = 0;
    while (w < n && nf_isalpha((unsigned char)s[w]) && !((unsigned char)s[w] & 0x80))
        w++;
    if (w < 3 || w > 9)
        return 0;
    for (int m = 0; m < 12; m++) {
        size_t fl = strlen(full[m]);
        int ok = 1;
        for (size_t k = 0; k < w && ok; k++)
            ok = k < fl && nf_tolower((unsigned char)s[k]) == full[m][k];
        if (ok && (w == fl || w == 3 || (m == 8 && w == 4))) {
            *len = w + (w < fl && w < n && s[w] == '.');
            return m + 1;
        }
    }
    return 0;
}

/* A written date in a short line: "Nov. 19, 2019", "November 19, 2019", "19 November 2019". */
static int written_date(const char *s, size_t n, char out[11])
{
    for (size_t i = 0; i < n; i++) {
        if (i && nf_isalpha((unsigned char)s[i - 1]))
            continue;
        size_t ml;
        int m = month_at(s + i, n - i, &ml);
        if (!m)
            continue;
        /* Month D, YYYY */
        size_t j = i + ml;
        while (j < n && s[j] == ' ')
            j++;
        size_t d0 = j;
        while (j < n && nf_isdigit((unsigned char)s[j]) && j - d0 < 2)
            j++;
        if (j > d0 && (j == n || !nf_isdigit((unsigned char)s[j]))) {
            int d = num(s + d0, (int)(j - d0));
            if (j + 1 < n && (!strncmp(s + j, "st", 2) || !strncmp(s + j, "nd", 2) ||
                              !strncmp(s + j, "rd", 2) || !strncmp(s + j, "th", 2)))
                j += 2;
            if (j < n && s[j] == ',')
                j++;
            while (j < n && s[j] == ' ')
                j++;
            if (j + 4 <= n && num(s + j, 4) > 0 && (j + 4 == n || !nf_isdigit((unsigned char)s[j + 4])) &&
                set_date(out, num(s + j, 4), m, d))
                return 1;
        }
        /* D Month YYYY */
        size_t k = i;
        while (k > 0 && s[k - 1] == ' ')
            k--;
        size_t e = k;
        while (k > 0 && nf_isdigit((unsigned char)s[k - 1]) && e - k < 2)
            k--;
        if (k < e && (k == 0 || !nf_isdigit((unsigned char)s[k - 1]))) {
            j = i + ml;
            if (j < n && s[j] == ',')
                j++;
            while (j < n && s[j] == ' ')
                j++;
            if (j + 4 <= n && num(s + j, 4) > 0 && (j + 4 == n || !nf_isdigit((unsigned char)s[j + 4])) &&
                set_date(out, num(s + j, 4), m, num(s + k, (int)(e - k))))
                return 1;
        }
    }
    return 0;
}

static void read_metadata(nf_ana *a, nf_blocks *bl)
{
    const nf_norm *st = a->eng->norm;
    nf_doc *d = &a->doc;
    char date[11] = "";
    const char *url = bl->h_url, *title = bl->h_title, *source = bl->h_site;
    if (bl->h_date)
        iso_date(bl->h_date, strlen(bl->h_date), date);
    int best_url = url ? 100 : 0, title_words = 0;
    char dmy[11] = "", ymd8[11] = "", wd[11] = "";
    uint32_t first_keep = bl->nb;
    for (uint32_t i = 0; i < bl->nb; i++)
        if (bl->b[i].keep && !bl->b[i].headline) {
            first_keep = i;
            break;
        }
    for (uint32_t i = 0; i < bl->nb; i++) {
        nf_block *b = &bl->b[i];
        const char *s = bl->buf + b->start;
        size_t n = b->end - b->start;
        if (b->headline && !title) {
            title = nf_arena_strndup(&a->arena, s, n);
            title_words = 100;
            continue;
        }
        if (b->keep && b->cls == NF_B_GOOD)
            continue;
        if (nf_is_url(s, n)) {
            int r = url_rank(s, n) + (b->after_label ? 10 : 0);
            if (r > best_url) {
                best_url = r;
                url = nf_arena_strndup(&a->arena, s, n);
            }
            continue;
        }
        if (n == 8 && !ymd8[0] && num(s, 8) > 0)
            set_date(ymd8, num(s, 4), num(s + 4, 2), num(s + 6, 2));
        /* a caption or dateline date: 26.01.2022 at the end of a short line */
        if (!dmy[0] && n >= 10 && n <= 300 && !b->keep) {
            const char *q = s + n - 10;
            if (q[2] == '.' && q[5] == '.' && (n == 10 || q[-1] == ' ' || q[-1] == ','))
                set_date(dmy, num(q + 6, 4), num(q + 3, 2), num(q, 2));
        }
        /* a dateline near the top: "Nov. 19, 2019 8:03 am ET" */
        if (!wd[0] && n <= 80 && i < first_keep + 3 && b->cls != NF_B_GOOD)
            written_date(s, n, wd);
        if (!source && !b->keep && i < first_keep + 3 && n < 60)
            source = site_by_name(st, s, n);
        /* the title: a heading-like line before the body, long, close to the body, not a
         * menu ("a | b") or a byline */
        if (!bl->html && i < first_keep && !b->keep && b->cls != NF_B_DROP && b->cls != NF_B_META &&
            b->words >= 3 && b->words <= 30 && n <= 250 && !(b->end_punct && s[n - 1] == '.') &&
            !site_by_name(st, s, n)) {
            int sc = b->words > 14 ? 14 : (int)b->words;
            if (first_keep - i <= 8)
                sc += 6;
            if (memchr(s, '|', n) || memchr(s, '@', n))
                sc -= 12;
            if (n >= 3 && (nf_strncaseeq(s, 3, "by ") || nf_strncaseeq(s, 3, "von")))
                sc -= 12;
            char tmp[11];
            if (written_date(s, n, tmp))
                sc -= 6;
            if (sc >= title_words) {
                title_words = sc;
                title = nf_arena_strndup(&a->arena, s, n);
            }
        }
    }
    if (!date[0]) {
        if (ymd8[0])
            memcpy(date, ymd8, 11);
        else if (url && url_date(url, date))
            ;
        else if (dmy[0])
            memcpy(date, dmy, 11);
        else if (wd[0])
            memcpy(date, wd, 11);
    }
    if (!d->date[0] && date[0])
        memcpy(d->date, date, 11);
    if (url) {
        const char *s = site_by_host(st, url);
        if (s)
            source = s;
    }
    d->url = url;
    d->title = title;
    d->source = source;
}

/* ------------------------------------------------------------------ language */

/* The slot of a stop-word key (open addressing, linear probing; the table is at most a
 * quarter full). */
static inline size_t stop_hash(uint64_t key, size_t mask)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 40) & mask;
}

/* The two bits of key in the stop words' Bloom filter (of 8192 bits). */
static inline uint64_t stop_bloom_hash(uint64_t key) { return key * 0xC2B2AE3D27D4EB4FULL; }

static inline int stop_bloom_may(const nf_norm *st, uint64_t key)
{
    uint64_t h = stop_bloom_hash(key), a = h >> 51, b = (h >> 38) & 8191;
    return (st->stop_bloom[a >> 6] >> (a & 63)) & (st->stop_bloom[b >> 6] >> (b & 63)) & 1;
}

static inline void stop_bloom_add(nf_norm *st, uint64_t key)
{
    uint64_t h = stop_bloom_hash(key), a = h >> 51, b = (h >> 38) & 8191;
    st->stop_bloom[a >> 6] |= (uint64_t)1 << (a & 63);
    st->stop_bloom[b >> 6] |= (uint64_t)1 << (b & 63);
}

/* The languages whose stop words hold the word of key (0: none). Most words are no stop
 * word: the Bloom filter (1 KB, which stays in the cache) says so without the table, whose
 * lines the other stages' tables evict between articles (a miss a word). It has the bits of
 * every key of the table, so a word it rejects is in no list. */
static inline uint32_t stop_bits(const nf_norm *st, uint64_t key)
{
    if (!stop_bloom_may(st, key))
        return 0;
    for (size_t k = stop_hash(key, st->stop_mask);; k = (k + 1) & st->stop_mask) {
        if (st->stop[k].key == key)
            return st->stop[k].bits; /* (in the key's cache line) */
        if (!st->stop[k].key)
            return 0;
    }
}


/* The bytes of detect_lang's words: nf_isalpha (ASCII letters, bytes of 0x80 or more) and
 * the apostrophe. */
#define WC(c) (((c) >= 'A' && (c) <= 'Z') || ((c) >= 'a' && (c) <= 'z') || (c) >= 0x80 || (c) == '\'')
#define WC4(c) WC(c), WC(c + 1), WC(c + 2), WC(c + 3)
#define WC16(c) WC4(c), WC4(c + 4), WC4(c + 8), WC4(c + 12)
#define WC64(c) WC16(c), WC16(c + 16), WC16(c + 32), WC16(c + 48)
static const uint8_t WORDC[256] = {WC64(0), WC64(64), WC64(128), WC64(192)};
#undef WC64
#undef WC16
#undef WC4
#undef WC

/* The end of the run of WORDC bytes at s[i], not past lim. Eight bytes at a time where
 * eight are left: per byte, y = the byte's low 7 bits, z = y | 0x20 (A-Z folded to a-z, and
 * nothing else into a-z): z + 0x1F has its top bit set when z >= 'a', z + 0x05 when z > 'z';
 * y ^ 0x27 is 0 for an apostrophe, and (y ^ 0x27) + 0x7F then lacks the top bit. No sum
 * leaves its byte (all are below 0x100), so the tests are exact per byte; a byte with its
 * own top bit set is WORDC. The run ends at the lowest byte that is none (little-endian:
 * the lowest set bit). One loop exit a word instead of one a byte, which mispredicts. */
static inline size_t word_end(const unsigned char *s, size_t i, size_t lim)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ULL, top = 0x8080808080808080ULL;
    while (lim - i >= 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t y = x & ~top, z = y | ones * 0x20, a = y ^ ones * 0x27;
        uint64_t letter = (z + ones * 0x1F) & ~(z + ones * 0x05);
        uint64_t apos = ~(a + ones * 0x7F);
        uint64_t stop = ~(letter | apos | x) & top;
        if (stop)
            return i + (__builtin_ctzll(stop) >> 3);
        i += 8;
    }
#endif
    while (i < lim && WORDC[s[i]])
        i++;
    return i;
}

/* Per 64-byte chunk c of the sample s[0..n) (n <= 2560) from that of byte from on (the ones
 * before are not filled), summed from chunk c to the end: starts[c], the chunk's ASCII
 * letters not preceded by an ASCII letter (the byte before the first chunk filled taken as
 * none); splits[c], at most how many words of detect_lang start in the chunk right after a
 * word cut at its 24-byte limit: 3 (such starts are 24 bytes apart at least) when a run of
 * 24 WORDC bytes ends in the chunk or on the byte before it, else 0; high[c], its bytes of
 * 0x80 or more. Entry n_chunks is 0. */
typedef struct {
    uint16_t starts[41], splits[41], high[41];
} lang_suffix;

/* 1 when 24 WORDC bytes in a row end in the chunk of mask w (bit k: byte k) or on the last
 * byte of the one before (mask prev): the bits set in r at k and at the 23 bits below. */
static inline int run24_ends(uint64_t prev, uint64_t w)
{
#ifdef __SIZEOF_INT128__
    unsigned __int128 x = (unsigned __int128)w << 64 | prev;
    unsigned __int128 r2 = x & (x << 1), r4 = r2 & (r2 << 2), r8 = r4 & (r4 << 4),
                      r16 = r8 & (r8 << 8), r24 = r16 & (r8 << 16);
    return (r24 >> 63) != 0;
#else
    (void)prev;
    (void)w;
    return 1;
#endif
}

static void lang_suffix_fill(lang_suffix *sf, const unsigned char *s, size_t from, size_t n)
{
    size_t nc = (n + 63) / 64;
    uint64_t prev_top = 0; /* bit 0: the last byte of the previous chunk is an ASCII letter */
    uint64_t prev_wc = from >= 64 ? ~(uint64_t)0 : 0; /* (the chunk before: not read, any) */
    for (size_t c = from / 64; c < nc; c++) {
        uint64_t al = 0, hi = 0, wc = 0;
        size_t b = c * 64, i = b, e = b + 64 < n ? b + 64 : n;
#ifdef __SSE2__
        for (; i + 16 <= e; i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i t = _mm_or_si128(v, _mm_set1_epi8(0x20)); /* (signed: 0x80.. stay below 0) */
            __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(t, _mm_set1_epi8('a' - 1)),
                                           _mm_cmplt_epi8(t, _mm_set1_epi8('z' + 1)));
            uint64_t ml = (uint64_t)(unsigned)_mm_movemask_epi8(letter);
            uint64_t mh = (uint64_t)(unsigned)_mm_movemask_epi8(v);
            uint64_t mq = (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\'')));
            al |= ml << (i - b);
            hi |= mh << (i - b);
            wc |= (ml | mh | mq) << (i - b);
        }
#endif
        for (; i < e; i++) {
            uint64_t bit = (uint64_t)1 << (i - b);
            if (s[i] < 0x80 && nf_isalpha(s[i]))
                al |= bit;
            if (s[i] >= 0x80)
                hi |= bit;
            if (WORDC[s[i]])
                wc |= bit;
        }
        sf->starts[c] = (uint16_t)__builtin_popcountll(al & ~((al << 1) | prev_top));
        sf->splits[c] = run24_ends(prev_wc, wc) ? 3 : 0;
        sf->high[c] = (uint16_t)__builtin_popcountll(hi);
        prev_top = al >> 63;
        prev_wc = wc;
    }
    sf->starts[nc] = sf->splits[nc] = sf->high[nc] = 0;
    for (size_t c = nc; c-- > 0;) {
        sf->starts[c] = (uint16_t)(sf->starts[c] + sf->starts[c + 1]);
        sf->splits[c] = (uint16_t)(sf->splits[c] + sf->splits[c + 1]);
        sf->high[c] = (uint16_t)(sf->high[c] + sf->high[c + 1]);
    }
}

static void detect_lang(nf_ana *a)
{
    const nf_norm *st = a->eng->norm;
    nf_doc *d = &a->doc;
    const unsigned char *s = (const unsigned char *)d->text;
    size_t n = d->len > 2500 ? 2500 : d->len; /* a sample is enough */
    size_t latin = 0, other = 0, i = 0;
    size_t cyr = 0, ukr = 0, kana = 0, hangul = 0, han = 0, arab = 0, greek = 0, hebrew = 0,
           thai = 0, deva = 0;
    int counts[32] = {0}, words = 0;
    lang_suffix sf;
    int have_sf = 0; /* sf is filled at the first English stop word */
    while (i < n) {
        if (s[i] < 0x80) {
            if (nf_isalpha(s[i])) {
                size_t lim = n - i > 24 ? i + 24 : n, j = word_end(s, i, lim);
                /* a word (ASCII part): look it up */
                size_t wl = j - i;
                if (wl >= 2 && wl <= 8 && (j >= n || s[j] < 0x80)) {
                    /* the word lower-cased and zero-padded to 8 bytes */
                    uint64_t key = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
                    if (i + 8 <= d->len) { /* the 8 bytes at s + i, the word's first */
                        memcpy(&key, s + i, 8);
                        if (wl < 8)
                            key &= ((uint64_t)1 << (8 * wl)) - 1;
                    } else
#endif
                        memcpy(&key, s + i, wl);
                    key = nf_lower8(key);
                    uint32_t langs = stop_bits(st, key);
                    for (uint32_t l = 0, bits = langs; bits; l++, bits >>= 1)
                        if (bits & 1)
                            counts[l]++;
                    /* Stop early when the verdict can no longer change: whatever the rest
                     * of the sample (r bytes) holds, the text stays Latin (other can gain at
                     * most r / 2, each non-Latin letter being 2 bytes or more, and latin
                     * only grows) and English stays above its 12% (counts only grow;
                     * words can gain at most r / 2 + 1, every word but a 24-byte one
                     * being followed by a byte of no word). Both outcomes leave d->lang
                     * as it is, just as the full sample would. */
                    if (st->en >= 0 && (langs >> st->en) & 1) {
                        size_t r = n - j;
                        /* Tighter bounds from the suffix counts of j's chunk (a superset of
                         * the rest): other gains one a non-Latin code point, which takes
                         * two bytes of 0x80 or more at least; a word of the rest starts at
                         * j, or at an ASCII letter after no ASCII letter (a scan step ends
                         * inside a run of letters only at a word's 24-byte limit), or
                         * right after such a limit (at most splits[c]). */
                        size_t oth = r / 2, wds = r / 2 + 1;
                        /* (filled once the counts would do with a rest of English-like
                         * words, some 6 bytes each: any bound is right, this one is cheap) */
                        if (!have_sf && (size_t)counts[st->en] * 100 >= ((size_t)words + 1 + r / 7) * 12) {
                            lang_suffix_fill(&sf, s, j, n);
                            have_sf = 1;
                        }
                        if (have_sf) {
                            size_t c = j >> 6;
                            if (sf.high[c] / 2 < oth)
                                oth = sf.high[c] / 2;
                            if ((size_t)sf.starts[c] + sf.splits[c] + 1 < wds)
                                wds = (size_t)sf.starts[c] + sf.splits[c] + 1;
                        }
                        if (other + oth <= latin + wl &&
                            (size_t)counts[st->en] * 100 >= ((size_t)words + 1 + wds) * 12)
                            return;
                    }
                }
                words++;
                latin += wl;
                i = j;
                continue;
            }
            i++;
            continue;
        }
        uint32_t cp;
        int k = nf_utf8_decode(s + i, n - i, &cp);
        i += (size_t)k;
        if (cp < 0x250) latin++;
        else if (cp >= 0x400 && cp <= 0x4FF) { other++; cyr++; if (cp == 0x456 || cp == 0x457 || cp == 0x454 || cp == 0x491) ukr++; }
        else if (cp >= 0x3040 && cp <= 0x30FF) { other++; kana++; }
        else if (cp >= 0xAC00 && cp <= 0xD7AF) { other++; hangul++; }
        else if (cp >= 0x4E00 && cp <= 0x9FFF) { other++; han++; }
        else if (cp >= 0x600 && cp <= 0x6FF) { other++; arab++; }
        else if (cp >= 0x370 && cp <= 0x3FF) { other++; greek++; }
        else if (cp >= 0x590 && cp <= 0x5FF) { other++; hebrew++; }
        else if (cp >= 0xE00 && cp <= 0xE7F) { other++; thai++; }
        else if (cp >= 0x900 && cp <= 0x97F) { other++; deva++; }
    }
    if (other > latin && other >= 20) {
        const char *l = "und";
        if (cyr * 2 > other) l = ukr * 50 > cyr ? "uk" : "ru";
        else if (kana * 10 > other) l = "ja";
        else if (hangul * 2 > other) l = "ko";
        else if (han * 2 > other) l = "zh";
        else if (arab * 2 > other) l = "ar";
        else if (greek * 2 > other) l = "el";
        else if (hebrew * 2 > other) l = "he";
        else if (thai * 2 > other) l = "th";
        else if (deva * 2 > other) l = "hi";
        snprintf(d->lang, sizeof d->lang, "%s", l);
        return;
    }
    if (words < 20 || st->nlangs == 0)
        return;
    int en = -1, best = -1;
    for (int l = 0; l < st->nlangs; l++) {
        if (!strcmp(st->langs[l], "en"))
            en = l;
        else if (best < 0 || counts[l] > counts[best])
            best = l;
    }
    int ec = en >= 0 ? counts[en] : 0;
    if (ec * 100 >= words * 12)
        return; /* English: enough of its stop words */
    if (best >= 0 && counts[best] > 2 * ec && counts[best] * 100 >= words * 10)
        snprintf(d->lang, sizeof d->lang, "%s", st->langs[best]);
    else if (ec * 100 < words * 4)
        snprintf(d->lang, sizeof d->lang, "und");
}

/* ------------------------------------------------------------------ the stage */

/* Reads stopwords.tsv (NULL: none) into st->langs and, when st->stop is there, its
 * table. Returns the number of words of 2 to 8 bytes (no other is looked up). */
static int read_stop(nf_norm *st, const char *txt, size_t len)
{
    int nwords = 0;
    st->nlangs = 0;
    st->en = -1;
    if (!txt)
        return 0;
    nf_lines it;
    char *f[4];
    int nf;
    nf_lines_init(&it, txt, len);
    while ((nf = nf_lines_next(&it, f, 4)) >= 0) {
        if (nf < 2 || st->nlangs >= 32 || strlen(f[0]) != 2)
            continue;
        int l = st->nlangs++;
        memcpy(st->langs[l], f[0], 3);
        if (!strcmp(f[0], "en"))
            st->en = l; /* the last "en", as detect_lang's verdict chooses it */
        char *w = f[1];
        while (*w) {
            while (*w == ' ')
                w++;
            char *x = w;
            while (*x && *x != ' ')
                x++;
            size_t wl = (size_t)(x - w);
            if (wl >= 2 && wl <= 8) {
                nwords++;
                uint64_t key = 0;
                memcpy(&key, w, wl);
                if (st->stop) {
                    size_t k = stop_hash(key, st->stop_mask);
                    while (st->stop[k].key && st->stop[k].key != key)
                        k = (k + 1) & st->stop_mask;
                    st->stop[k].key = key;
                    st->stop[k].bits |= (uint32_t)1 << l;
                    stop_bloom_add(st, key);
                }
            }
            w = x;
        }
    }
    nf_lines_free(&it);
    return nwords;
}

int nf_normalize_init(nf_engine *e, char *err, size_t errlen)
{
    nf_norm *st = calloc(1, sizeof *st);
    if (!st) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    e->norm = st;
    xmlInitParser(); /* once, before any thread parses HTML */
    st->sites = nf_map_new();
    size_t len;
    const char *txt = nf_data_get(e, "sources.tsv", &len);
    if (txt) {
        nf_lines it;
        char *f[8];
        int nf;
        nf_lines_init(&it, txt, len);
        while ((nf = nf_lines_next(&it, f, 8)) >= 0) {
            if (nf < 2)
                continue;
            /* the canonical name is the stored key of its own spelling */
            char low[128];
            size_t nl = strlen(f[1]);
            if (nl >= sizeof low)
                continue;
            nf_lower(f[1], nl, low);
            const char *canon = nf_map_get(st->sites, low, nl);
            if (!canon) {
                canon = nf_map_put(st->sites, f[1], nl, NULL);
                nf_map_put(st->sites, f[1], nl, (void *)canon);
                nf_map_put(st->sites, low, nl, (void *)canon);
            }
            nf_map_put(st->sites, f[0], strlen(f[0]), (void *)canon);
            for (int k = 2; k < nf; k++) {
                size_t vl = strlen(f[k]);
                if (vl < sizeof low) {
                    nf_lower(f[k], vl, low);
                    nf_map_put(st->sites, low, vl, (void *)canon);
                }
            }
        }
        nf_lines_free(&it);
    }
    txt = nf_data_get(e, "stopwords.tsv", &len);
    /* the table of stop words, at most a quarter full */
    size_t slots = 64, nwords = (size_t)read_stop(st, txt, len);
    while (slots < nwords * 4)
        slots *= 2;
    st->stop = calloc(slots, sizeof *st->stop);
    if (!st->stop) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    st->stop_mask = slots - 1;
    read_stop(st, txt, len);
    return nf_bp_init(e, err, errlen);
}

void nf_normalize_fini(nf_engine *e)
{
    nf_norm *st = e->norm;
    if (!st)
        return;
    nf_bp_fini(e);
    nf_map_free(st->sites);
    free(st->stop);
    free(st);
    e->norm = NULL;
}

static int prefix_date(const char *t, size_t n, char out[11])
{
    if (n < 16 || memcmp(t, " date ", 6) != 0 || !iso_date(t + 6, n - 6, out))
        return 0;
    return n == 16 || t[16] == ' ' || t[16] == '\n';
}

int nf_normalize_run(nf_ana *a)
{
    const nf_article *art = a->art;
    nf_doc *d = &a->doc;
    const char *t = art->text;
    size_t n = art->len, i = 0;
    long col = art->first_col;
    if (art->piece == 0 && prefix_date(t, n, d->date)) {
        i = 16;
        col += 16;
    }
    nf_blocks bl;
    memset(&bl, 0, sizeof bl);
    if (nf_html_detect(t + i, n - i) && nf_html_blocks(a, &bl, t + i, n - i, art->first_line) == 0)
        bl.html = 1;
    else {
        memset(&bl, 0, sizeof bl);
        text_blocks(a, &bl, t + i, n - i, art->first_line, col);
    }
    nf_bp_classify(a, &bl);
#ifdef NF_NORM_DEBUG
    for (uint32_t k = 0; k < bl.nb; k++)
        fprintf(stderr, "%s %ld %c%c cls=%d cand=%d tag=%d ch=%u ln=%u | %.*s\n", art->name,
                bl.b[k].line, bl.b[k].keep ? 'K' : ' ', bl.b[k].heading ? 'H' : ' ', bl.b[k].cls,
                bl.b[k].cand, bl.b[k].tag, bl.b[k].chars, bl.b[k].link_chars,
                (int)(bl.b[k].end - bl.b[k].start > 120 ? 120 : bl.b[k].end - bl.b[k].start),
                bl.buf + bl.b[k].start);
#endif
    if (art->piece == 0) {
        read_metadata(a, &bl);
        /* the title repeated as the body's first heading is metadata, not body */
        size_t tl = d->title && bl.html ? strlen(d->title) : 0;
        for (uint32_t k = 0; tl && k < bl.nb && k < 64; k++) {
            nf_block *b = &bl.b[k];
            if (!b->keep)
                continue;
            if (b->heading && b->end - b->start == tl && !memcmp(bl.buf + b->start, d->title, tl))
                b->keep = 0;
            if (b->cls == NF_B_GOOD)
                break;
        }
    }
    /* the body */
    size_t total = 0;
    for (uint32_t k = 0; k < bl.nb; k++)
        if (bl.b[k].keep)
            total += bl.b[k].end - bl.b[k].start + 1;
    char *out = nf_arena_alloc(&a->arena, total + 1);
    uint32_t o = 0;
    for (uint32_t k = 0; k < bl.nb; k++) {
        nf_block *b = &bl.b[k];
        if (!b->keep)
            continue;
        nf_para *p = NF_PUSH(d->para, d->npara, d->cappara);
        p->start = o;
        p->kind = b->heading ? NF_PARA_HEADING : NF_PARA_BODY;
        for (uint32_t g = 0; g < b->nseg; g++) {
            nf_seg *src = &bl.seg[b->seg0 + g];
            nf_seg *dst = NF_PUSH(d->seg, d->nseg, d->capseg);
            dst->off = o + (src->off - b->start);
            dst->line = src->line;
            dst->col = src->col;
        }
        memcpy(out + o, bl.buf + b->start, b->end - b->start);
        o += b->end - b->start;
        p->end = o;
        out[o++] = '\n';
    }
    out[o] = '\0';
    d->text = out;
    d->len = o;
    detect_lang(a);
    return 0;
}

void nf_normalize_dump(const nf_ana *a, nf_buf *out)
{
    const nf_doc *d = &a->doc;
    if (a->art->piece == 0) {
        nf_buf_printf(out, "<<<FILE>>> %s\n", a->art->name);
        if (d->date[0])
            nf_buf_printf(out, " date %s\n", d->date);
    }
    for (size_t i = 0; i < d->npara; i++) {
        if (i || a->art->piece)
            nf_buf_putc(out, '\n');
        nf_buf_put(out, d->text + d->para[i].start, d->para[i].end - d->para[i].start);
        nf_buf_putc(out, '\n');
    }
}

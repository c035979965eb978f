/* numbers.c — the number grammar (see numbers.h). Exact decimal arithmetic on a 128-bit
 * mantissa and a power of ten; no floating point. */
#include <stdint.h>
#include <stdlib.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <string.h>

#include "nf.h"
#include "numbers.h"

/* ---- exact decimals: value = m * 10^e ---- */

typedef unsigned __int128 u128;
typedef struct { u128 m; int e; int ok; } dec;

static const u128 U128_MAX = ~(u128)0;

static dec dec_int(unsigned long long v) { dec d = {v, 0, 1}; return d; }

static int mul10(u128 *m, int k)
{
    while (k-- > 0) {
        if (*m > U128_MAX / 10)
            return 0;
        *m *= 10;
    }
    return 1;
}

static dec dec_norm_rest(dec d)
{
    if (!d.ok)
        return d;
    if (d.m == 0) {
        d.e = 0;
        return d;
    }
    if (d.m <= UINT64_MAX) { /* most values: 64-bit division is much cheaper */
        uint64_t m = (uint64_t)d.m;
        while (m % 10 == 0) {
            m /= 10;
            d.e++;
        }
        d.m = m;
        return d;
    }
    while (d.m % 10 == 0) {
        d.m /= 10;
        d.e++;
    }
    return d;
}

/* The value with no trailing zero in its mantissa (and 0 as 0e0): in line when it has none. */
static inline dec dec_norm(dec d)
{
    if (d.ok && d.m <= UINT64_MAX && (uint64_t)d.m % 10 != 0)
        return d;
    return dec_norm_rest(d);
}

static dec dec_add(dec a, dec b)
{
    dec r = {0, 0, 0};
    if (!a.ok || !b.ok)
        return r;
    if (a.m == 0)
        return b;
    if (b.m == 0)
        return a;
    int e = a.e < b.e ? a.e : b.e;
    if (!mul10(&a.m, a.e - e) || !mul10(&b.m, b.e - e) || a.m > U128_MAX - b.m)
        return r;
    r.m = a.m + b.m;
    r.e = e;
    r.ok = 1;
    return dec_norm(r);
}

/* -1, 0, 1 as a < = > b (both valid). */
static int dec_cmp(dec a, dec b)
{
    a = dec_norm(a);
    b = dec_norm(b);
    int e = a.e < b.e ? a.e : b.e;
    u128 am = a.m, bm = b.m;
    if (!mul10(&am, a.e - e))
        return 1;
    if (!mul10(&bm, b.e - e))
        return -1;
    return am < bm ? -1 : am > bm;
}

static dec dec_mul(dec a, dec b)
{
    dec r = {0, 0, 0};
    if (!a.ok || !b.ok)
        return r;
    a = dec_norm(a);
    b = dec_norm(b);
    if (a.m && b.m > U128_MAX / a.m)
        return r;
    r.m = a.m * b.m;
    r.e = a.e + b.e;
    r.ok = 1;
    return dec_norm(r);
}

/* a / den: exact when the quotient terminates within 12 more digits, else rounded to two
 * decimal places (two-thirds -> 0.67). */
static dec dec_div(dec a, unsigned den)
{
    dec r = {0, 0, 0};
    if (!a.ok || den == 0)
        return r;
    a = dec_norm(a);
    for (int k = 0; k <= 12; k++) {
        u128 m = a.m;
        if (!mul10(&m, k))
            break;
        if (m % den == 0) {
            r.m = m / den;
            r.e = a.e - k;
            r.ok = 1;
            return dec_norm(r);
        }
    }
    /* round to 0.01 */
    u128 m = a.m;
    int sh = a.e + 2;
    if (sh >= 0) {
        if (!mul10(&m, sh))
            return r;
    } else {
        for (int i = 0; i < -sh; i++)
            m /= 10;
    }
    r.m = (m + den / 2) / den;
    r.e = -2;
    r.ok = 1;
    return dec_norm(r);
}

static void dec_fmt(dec d, char *out, size_t outlen)
{
    char dig[64];
    int n = 0;
    d = dec_norm(d);
    if (!d.ok || outlen < 2) {
        if (outlen)
            out[0] = '\0';
        return;
    }
    if (d.e >= 0 && d.m <= UINT64_MAX && (size_t)d.e + 21 <= outlen) {
        /* an integer of 64 bits times a power of ten (the common value), that fits: its
         * digits from the end, then the zeros */
        uint64_t m64 = (uint64_t)d.m;
        char *p = dig + 20;
        do {
            *--p = (char)('0' + (int)(m64 % 10));
            m64 /= 10;
        } while (m64);
        size_t nd = (size_t)(dig + 20 - p);
        memcpy(out, p, nd);
        memset(out + nd, '0', d.m ? (size_t)d.e : 0);
        out[nd + (d.m ? (size_t)d.e : 0)] = '\0';
        return;
    }
    u128 m = d.m;
    while (m > UINT64_MAX && n < 60) {
        dig[n++] = (char)('0' + (int)(m % 10));
        m /= 10;
    }
    uint64_t m64 = (uint64_t)m; /* the rest in 64 bits, much cheaper */
    do {
        dig[n++] = (char)('0' + (int)(m64 % 10));
        m64 /= 10;
    } while (m64 && n < 60);
    /* dig holds the digits reversed */
    size_t k = 0;
#define PUT(c) do { if (k + 1 < outlen) out[k++] = (c); } while (0)
    if (d.e >= 0) {
        for (int i = n - 1; i >= 0; i--)
            PUT(dig[i]);
        if (d.m != 0)
            for (int i = 0; i < d.e; i++)
                PUT('0');
    } else {
        int frac = -d.e;
        if (frac >= n) {
            PUT('0');
            PUT('.');
            for (int i = 0; i < frac - n; i++)
                PUT('0');
            for (int i = n - 1; i >= 0; i--)
                PUT(dig[i]);
        } else {
            for (int i = n - 1; i >= 0; i--) {
                PUT(dig[i]);
                if (i == frac)
                    PUT('.');
            }
        }
    }
#undef PUT
    out[k] = '\0';
}

/* Digits with optional thousands commas and a decimal part: s[0..n). */
static dec dec_digits(const char *s, size_t n)
{
    dec d = {0, 0, 1};
    int after = 0;
    /* fewer than 20 digits: the mantissa fits in 64 bits (cheaper than 128 with its check) */
    int narrow = n <= 19;
    uint64_t m = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ',')
            continue;
        if (c == '.') {
            after = 1;
            continue;
        }
        if (narrow) {
            m = m * 10 + (uint64_t)(c - '0');
        } else {
            if (d.m > (U128_MAX - 9) / 10) {
                d.ok = 0;
                return d;
            }
            d.m = d.m * 10 + (u128)(c - '0');
        }
        d.e -= after;
    }
    if (narrow)
        d.m = m;
    return dec_norm(d);
}

/* ---- the word table ---- */

enum { W_NONE, W_UNIT, W_TENS, W_HUNDRED, W_SCALE, W_SUFFIX, W_DOZEN, W_FRAC, W_VAGUE,
       W_VAGUEPRE, W_CURRENCY, W_CURWORD, W_PERCENT, W_POINTS };

typedef struct { int kind; unsigned long long v; const char *unit; } wentry;

typedef struct { char *sym; size_t len; const char *unit; int alpha; } currency;

struct nf_numtab {
    nf_map *words;            /* lower-case word -> wentry* (one-word entries) */
    wentry *ent; size_t nent;
    currency cur[64]; size_t ncur;
    char *strings;            /* unit names */
    /* quick rejection: bit (len-1) of start[first][second] is set when some word that can
     * start a number has those first two letters and that length; curfirst marks the
     * first bytes of currency signs (1 + index in cur of the first sign with that byte) */
    uint32_t start[27][27];
    uint32_t known[27][27];   /* the same for every word of the map (lookup's quick no) */
    /* the same for the words without which no number can be read (nf_num_may_occur), and
     * bit (third letter) of those of three letters or more */
    uint32_t core[27][27], corethird[27][27];
    /* start plus the hundred words: what the grammar reads at a word that begins with the
     * first letter of a currency code (HK$: "Hundred") when no currency is there */
    uint32_t curstart[27][27];
    /* bit (third letter) of the words of start and curstart of three letters or more:
     * have, their, firm are no half, three, five */
    uint32_t third[27][27], curthird[27][27];
    unsigned char curfirst[256];
    unsigned char first[256]; /* FB_* by the first byte of a position (nf_num_may_start) */
    unsigned char lidx[256];  /* letter_index of an ASCII letter, 0 for any other byte */
    uint8_t pair[256][32];    /* nf_num_pairs */
};

/* What a number can start with: a digit (always), the first byte of a currency sign or code
 * (then the sign must be there), a letter of a number word (then the word must be one). */
enum { FB_DIGIT = 1, FB_CUR = 2, FB_WORD = 4 };

static int letter_index(unsigned char ch)
{
    ch = (unsigned char)nf_tolower(ch);
    return ch >= 'a' && ch <= 'z' ? ch - 'a' + 1 : -1;
}

static void mark(uint32_t bits[27][27], uint32_t third[27][27], const char *w, size_t n)
{
    if (n == 0 || n > 32)
        return;
    int a = letter_index((unsigned char)w[0]), b = n > 1 ? letter_index((unsigned char)w[1]) : 0;
    if (a < 0 || b < 0)
        return;
    bits[a][b] |= 1u << (n - 1);
    int c = n > 2 ? letter_index((unsigned char)w[2]) : -1;
    if (third && c > 0)
        third[a][b] |= 1u << c;
}

/* The kinds of word that every number read without a digit holds (see nf_num_may_occur). */
static int is_core(int kind)
{
    return kind == W_UNIT || kind == W_TENS || kind == W_HUNDRED || kind == W_SCALE ||
           kind == W_DOZEN || kind == W_FRAC || kind == W_VAGUE;
}

static void mark_start(nf_numtab *t, const char *w, size_t n) { mark(t->start, t->third, w, n); }

static const char *KINDS[] = {"", "unit", "tens", "hundred", "scale", "suffix", "dozen", "frac",
                              "vague", "vaguepre", "currency", "curword", "percent", "points"};

nf_numtab *nf_numtab_new(const char *text, size_t len, char *err, size_t errlen)
{
    nf_numtab *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    t->words = nf_map_new();
    size_t cap = 256;
    t->ent = calloc(cap, sizeof *t->ent);
    /* unit strings: keep a copy of the whole text to point into */
    t->strings = malloc(len + 1);
    size_t sused = 0;
    nf_lines it;
    nf_lines_init(&it, text, len);
    char *f[4];
    int n;
    while ((n = nf_lines_next(&it, f, 4)) >= 0) {
        if (n < 2)
            continue;
        int kind = W_NONE;
        for (int k = 1; k < (int)(sizeof KINDS / sizeof *KINDS); k++)
            if (!strcmp(f[1], KINDS[k]))
                kind = k;
        if (kind == W_NONE) {
            snprintf(err, errlen, "numbers.tsv:%ld: unknown kind '%s'", it.lineno, f[1]);
            nf_lines_free(&it);
            nf_numtab_free(t);
            return NULL;
        }
        const char *unit = NULL;
        unsigned long long v = 0;
        if (n >= 3 && f[2][0]) {
            if (nf_isdigit((unsigned char)f[2][0])) {
                v = strtoull(f[2], NULL, 10);
            } else {
                size_t ul = strlen(f[2]);
                memcpy(t->strings + sused, f[2], ul + 1);
                unit = t->strings + sused;
                sused += ul + 1;
            }
        }
        if (kind == W_CURRENCY) {
            if (t->ncur < sizeof t->cur / sizeof *t->cur) {
                currency *c = &t->cur[t->ncur++];
                c->len = strlen(f[0]);
                c->sym = strdup(f[0]);
                c->unit = unit;
                c->alpha = nf_isalpha((unsigned char)f[0][0]) && !(f[0][0] & 0x80);
                t->curfirst[(unsigned char)f[0][0]] = 1;
            }
            continue;
        }
        if (t->nent == cap) {
            /* never reallocate: map values point into ent */
            snprintf(err, errlen, "numbers.tsv: too many entries");
            nf_lines_free(&it);
            nf_numtab_free(t);
            return NULL;
        }
        wentry *e = &t->ent[t->nent++];
        e->kind = kind;
        e->v = v;
        e->unit = unit;
        char low[64];
        size_t wl = strlen(f[0]);
        if (wl >= sizeof low)
            continue;
        nf_lower(f[0], wl, low);
        nf_map_put(t->words, low, wl, e);
        mark(t->known, NULL, low, wl);
        if (kind == W_UNIT || kind == W_TENS || kind == W_FRAC || kind == W_VAGUE || kind == W_VAGUEPRE)
            mark_start(t, low, wl);
        if (kind == W_HUNDRED)
            mark(t->curstart, t->curthird, low, wl);
        if (is_core(kind))
            mark(t->core, t->corethird, low, wl);
    }
    nf_lines_free(&it);
    mark_start(t, "a", 1);
    mark_start(t, "an", 2);
    mark_start(t, "from", 4);
    mark_start(t, "between", 7);
    for (int a = 0; a < 27; a++)
        for (int b = 0; b < 27; b++)
            t->curstart[a][b] |= t->start[a][b], t->curthird[a][b] |= t->third[a][b];
    for (int ch = 0; ch < 256; ch++) {
        int a = letter_index((unsigned char)ch);
        unsigned char fb = nf_isdigit(ch) ? FB_DIGIT : 0;
        if (t->curfirst[ch])
            fb |= FB_CUR;
        for (int b = 0; a > 0 && b < 27; b++)
            if (t->start[a][b] || (t->curfirst[ch] && t->curstart[a][b]))
                fb |= FB_WORD;
        t->first[ch] = fb;
        t->lidx[ch] = (unsigned char)(a > 0 ? a : 0);
    }
    /* the first look of nf_num_may_start by the first two bytes: a digit, the first two bytes
     * of a currency sign (or its only one), or two letters (or one) that begin a word that can
     * start a number (curstart after the first byte of a currency sign, as there) */
    for (int c0 = 0; c0 < 256; c0++) {
        unsigned fb = t->first[c0];
        const uint32_t(*tab)[27] = (fb & FB_CUR) ? t->curstart : t->start;
        for (int c1 = 0; c1 < 256 && fb; c1++)
            if ((fb & FB_DIGIT) || tab[t->lidx[c0]][t->lidx[c1]])
                t->pair[c0][c1 >> 3] |= (uint8_t)(1u << (c1 & 7));
    }
    for (size_t k = 0; k < t->ncur; k++) {
        const unsigned char *sym = (const unsigned char *)t->cur[k].sym;
        for (int c1 = 0; c1 < 256; c1++)
            if (t->cur[k].len < 2 || sym[1] == c1)
                t->pair[sym[0]][c1 >> 3] |= (uint8_t)(1u << (c1 & 7));
    }
    /* grouped by first byte, the longest signs first ("US$" before "USD" and "U"); curfirst
     * becomes 1 + the index of the first sign of that byte */
    for (size_t i = 1; i < t->ncur; i++)
        for (size_t j = i; j > 0; j--) {
            unsigned char b0 = (unsigned char)t->cur[j].sym[0], b1 = (unsigned char)t->cur[j - 1].sym[0];
            if (b0 > b1 || (b0 == b1 && t->cur[j].len <= t->cur[j - 1].len))
                break;
            currency tmp = t->cur[j];
            t->cur[j] = t->cur[j - 1];
            t->cur[j - 1] = tmp;
        }
    for (size_t i = t->ncur; i-- > 0;)
        t->curfirst[(unsigned char)t->cur[i].sym[0]] = (unsigned char)(i + 1);
    return t;
}

void nf_numtab_free(nf_numtab *t)
{
    if (!t)
        return;
    nf_map_free(t->words);
    free(t->ent);
    for (size_t i = 0; i < t->ncur; i++)
        free(t->cur[i].sym);
    free(t->strings);
    free(t);
}

/* ---- scanning helpers ---- */

/* next_word's last answer (a parse asks for the word after a number up to three times:
 * scale, percent, range); at == (size_t)-1 when none. */
typedef struct { size_t at, ws, we; const void *e; } nw_memo;

typedef struct {
    const nf_numtab *t;
    const char *s;
    size_t len;
    nw_memo *nw; /* NULL: no memo */
} ctx;

static int is_letter(const ctx *c, size_t i) { return i < c->len && nf_isalpha((unsigned char)c->s[i]); }
static int is_digit(const ctx *c, size_t i) { return i < c->len && nf_isdigit((unsigned char)c->s[i]); }
static int is_alnum(const ctx *c, size_t i) { return is_letter(c, i) || is_digit(c, i); }

/* ASCII letters only from i: returns the end of the word (i when none). */
static size_t word_end(const ctx *c, size_t i)
{
    size_t j = i;
    while (j < c->len && (nf_isupper((unsigned char)c->s[j]) || nf_islower((unsigned char)c->s[j])))
        j++;
    if (j < c->len && (c->s[j] & 0x80))
        return i; /* glued to a non-ASCII letter: not one of our words */
    return j;
}

static const wentry *lookup(const ctx *c, size_t i, size_t j)
{
    char low[32];
    if (j <= i || j - i >= sizeof low)
        return NULL;
    /* most words are none of ours: known has a bit for each word of the map that begins with
     * two ASCII letters (or is one), by those letters and its length */
    int a = c->t->lidx[(unsigned char)c->s[i]], b = j - i > 1 ? c->t->lidx[(unsigned char)c->s[i + 1]] : 0;
    if (a && (b || j - i == 1) && !(c->t->known[a][b] & (1u << (j - i - 1))))
        return NULL;
    nf_lower(c->s + i, j - i, low);
    return nf_map_get(c->t->words, low, j - i);
}

static inline int word_is(const ctx *c, size_t i, size_t j, const char *w)
{
    /* the length first (w is a literal: strlen is a constant) */
    return j > i && j - i == strlen(w) && nf_strncaseeq(c->s + i, j - i, w);
}

/* Skips blanks (spaces, tabs, newlines, no-break space) from i. */
static size_t skip_sp(const ctx *c, size_t i)
{
    for (;;) {
        if (i < c->len && (c->s[i] == ' ' || c->s[i] == '\t' || c->s[i] == '\n' || c->s[i] == '\r'))
            i++;
        else if (i + 1 < c->len && (unsigned char)c->s[i] == 0xC2 && (unsigned char)c->s[i + 1] == 0xA0)
            i += 2;
        else
            return i;
    }
}

/* The next word after blanks: [*ws, *we). Returns its kind (W_NONE when not a number word). */
static const wentry *next_word_at(const ctx *c, size_t i, size_t *ws, size_t *we)
{
    *ws = skip_sp(c, i);
    *we = word_end(c, *ws);
    if (*we == *ws || is_digit(c, *we))
        return NULL;
    return lookup(c, *ws, *we);
}

/* (the same, remembered: it only reads the text from i) */
static const wentry *next_word(const ctx *c, size_t i, size_t *ws, size_t *we)
{
    nw_memo *m = c->nw;
    if (!m)
        return next_word_at(c, i, ws, we);
    if (m->at != i) {
        m->e = next_word_at(c, i, &m->ws, &m->we);
        m->at = i;
    }
    *ws = m->ws;
    *we = m->we;
    return m->e;
}

/* A dash between two numbers: '-', en dash, em dash. Returns its length at i, 0 if none. */
static size_t dash_at(const ctx *c, size_t i)
{
    if (i < c->len && c->s[i] == '-')
        return 1;
    if (i + 2 < c->len && (unsigned char)c->s[i] == 0xE2 && (unsigned char)c->s[i + 1] == 0x80 &&
        ((unsigned char)c->s[i + 2] == 0x93 || (unsigned char)c->s[i + 2] == 0x94))
        return 3;
    return 0;
}

/* A currency sign or code at p followed by a number (after a blank for a code such as USD,
 * after at most one space for a sign): the currency, and in *num where the number starts;
 * NULL when none. */
static const currency *currency_at(const ctx *c, size_t p, size_t *num)
{
    if (p >= c->len || !c->t->curfirst[(unsigned char)c->s[p]])
        return NULL;
    /* the signs with this first byte, longest first */
    for (size_t k = c->t->curfirst[(unsigned char)c->s[p]] - 1u;
         k < c->t->ncur && c->t->cur[k].sym[0] == c->s[p]; k++) {
        const currency *cu = &c->t->cur[k];
        if (p + cu->len <= c->len && (cu->len < 2 || c->s[p + 1] == cu->sym[1]) &&
            !memcmp(c->s + p, cu->sym, cu->len)) {
            size_t r = p + cu->len;
            if (cu->alpha) {
                r = skip_sp(c, r);
            } else if (r < c->len && c->s[r] == ' ') {
                r++;
            }
            if (!is_digit(c, r))
                continue;
            *num = r;
            return cu;
        }
    }
    return NULL;
}

/* ---- one quantity ---- */

typedef struct {
    size_t start, end, nstart, nend;
    dec v;
    unsigned flags;
    const char *unit;
    size_t hs, he, vs, ve;
    int has_scale;
} qty;

/* Spelled-out numbers and vague quantities at i. */
static int parse_words(const ctx *c, size_t i, qty *q)
{
    dec total = dec_int(0), group = dec_int(0);
    int have = 0, last = W_NONE, any = 0;
    size_t p = i, end = i;
    size_t ws, we;
    for (;;) {
        ws = p;
        we = word_end(c, ws);
        if (we == ws || is_digit(c, we))
            break;
        if (word_is(c, ws, we, "a") || word_is(c, ws, we, "an")) {
            size_t ns, ne;
            const wentry *n = next_word(c, we, &ns, &ne);
            if (!n || have)
                break;
            if (n->kind == W_HUNDRED || n->kind == W_SCALE || n->kind == W_DOZEN ||
                (n->kind == W_FRAC && n->v > 2 && !word_is(c, ns, ne, "halves"))) {
                group = dec_int(1);
                have = 1;
                last = W_UNIT;
                p = ns;
                continue;
            }
            if (word_is(c, ns, ne, "few")) { /* a few hundred */
                p = ns;
                continue;
            }
            break;
        }
        const wentry *e = lookup(c, ws, we);
        if (!e)
            break;
        if (e->kind == W_VAGUE && !have && !any) {
            dec v = dec_int(e->v);
            size_t vend = we;
            size_t os, oe, bs, be;
            next_word(c, we, &os, &oe);
            if (word_is(c, os, oe, "of")) {
                const wentry *b = next_word(c, oe, &bs, &be);
                if (b && b->kind == W_VAGUE && b->v > e->v && b->v >= 1000) {
                    v = dec_mul(v, dec_int(b->v));
                    vend = be;
                }
            }
            if (e->v == 10 && vend == we)
                return 0; /* "tens" alone */
            q->v = v;
            q->flags |= NF_NUM_VAGUE | NF_NUM_WORDS;
            q->vs = i;
            q->ve = vend;
            q->end = q->nend = vend;
            return v.ok;
        }
        if (e->kind == W_VAGUEPRE && !have && !any) {
            size_t bs, be;
            const wentry *b = next_word(c, we, &bs, &be);
            if (!b || (b->kind != W_HUNDRED && b->kind != W_SCALE && b->kind != W_DOZEN))
                return 0;
            dec v = dec_int(b->v);
            size_t vend = be, s2, e2;
            const wentry *b2 = next_word(c, be, &s2, &e2);
            if (b2 && b2->kind == W_SCALE && b2->v > b->v) {
                v = dec_mul(v, dec_int(b2->v));
                vend = e2;
            }
            q->v = v;
            q->flags |= NF_NUM_VAGUE | NF_NUM_WORDS;
            q->vs = i;
            q->ve = vend;
            q->end = q->nend = vend;
            return v.ok;
        }
        int took = 1;
        switch (e->kind) {
        case W_UNIT:
            if (last == W_UNIT || last == W_FRAC)
                took = 0;
            else if (last == W_TENS && e->v >= 10)
                took = 0;
            else if (last == W_TENS && e->v == 0)
                took = 0;
            else
                group = dec_add(group, dec_int(e->v));
            break;
        case W_TENS:
            if (last == W_UNIT || last == W_TENS || last == W_FRAC)
                took = 0;
            else
                group = dec_add(group, dec_int(e->v));
            break;
        case W_HUNDRED:
            if (last == W_HUNDRED || last == W_FRAC)
                took = 0;
            else
                group = dec_mul(have ? group : dec_int(1), dec_int(100));
            break;
        case W_SCALE:
            if (!have && !any)
                took = 0; /* "million" alone is not a number */
            else {
                total = dec_add(total, dec_mul(have ? group : dec_int(1), dec_int(e->v)));
                group = dec_int(0);
                have = 0;
                q->has_scale = 1;
            }
            break;
        case W_DOZEN:
            if (!have || last == W_FRAC)
                took = 0;
            else
                group = dec_mul(group, dec_int(e->v));
            break;
        case W_FRAC:
            if (have && (last == W_UNIT || last == W_TENS)) {
                /* numerator seen: three-quarters, a third; but "one half" too */
                if (e->v == 2 && !word_is(c, ws, we, "half") && !word_is(c, ws, we, "halves"))
                    took = 0;
                else
                    group = dec_div(group, (unsigned)e->v);
            } else if (!have && !any && e->v == 2 && word_is(c, ws, we, "half")) {
                group = dec_div(dec_int(1), 2); /* half, half a million */
            } else {
                took = 0;
            }
            if (took) {
                q->flags |= NF_NUM_FRACTION;
                /* half a million, a quarter of a million */
                size_t as, ae, ss, se;
                next_word(c, we, &as, &ae);
                size_t k = we;
                if (word_is(c, as, ae, "of")) {
                    next_word(c, ae, &as, &ae);
                }
                if (word_is(c, as, ae, "a") || word_is(c, as, ae, "an")) {
                    const wentry *sc = next_word(c, ae, &ss, &se);
                    if (sc && (sc->kind == W_SCALE || sc->kind == W_DOZEN)) { /* half a dozen */
                        total = dec_add(total, dec_mul(group, dec_int(sc->v)));
                        group = dec_int(0);
                        have = 0;
                        any = 1;
                        q->has_scale = 1;
                        q->flags &= ~(unsigned)NF_NUM_FRACTION;
                        end = se;
                        p = se;
                        last = W_SCALE;
                        (void)k;
                        goto next;
                    }
                }
            }
            break;
        default:
            took = 0;
        }
        if (!took)
            break;
        if (e->kind != W_SCALE)
            have = 1;
        any = 1;
        last = e->kind;
        end = we;
        p = we;
    next:
        /* separator: a hyphen into another number word, a blank, or "and" */
        if (p < c->len && c->s[p] == '-') {
            size_t ns = p + 1, ne = word_end(c, ns);
            const wentry *n = lookup(c, ns, ne);
            if (n && (n->kind == W_UNIT || n->kind == W_FRAC || n->kind == W_HUNDRED) && !is_digit(c, ne)) {
                p = ns;
                continue;
            }
            break;
        }
        size_t ns, ne;
        const wentry *n = next_word(c, p, &ns, &ne);
        if (word_is(c, ns, ne, "and")) {
            size_t ms, me;
            const wentry *m = next_word(c, ne, &ms, &me);
            int ok = 0;
            if (m && (m->kind == W_UNIT || m->kind == W_TENS) && (last == W_HUNDRED || last == W_SCALE))
                ok = 1;
            if ((word_is(c, ms, me, "a") || word_is(c, ms, me, "an")) && have) {
                size_t hs, he;
                next_word(c, me, &hs, &he);
                if (word_is(c, hs, he, "half") || word_is(c, hs, he, "quarter")) {
                    /* one and a half, two and a quarter */
                    const wentry *h = lookup(c, hs, he);
                    group = dec_add(group, dec_div(dec_int(1), (unsigned)h->v));
                    end = he;
                    p = he;
                    last = W_UNIT; /* a scale may follow */
                    size_t ss, se;
                    const wentry *sc = next_word(c, p, &ss, &se);
                    if (!(sc && sc->kind == W_SCALE))
                        break;
                    p = ss;
                    continue;
                }
            }
            if (!ok)
                break;
            p = ms;
            continue;
        }
        if (!n)
            break;
        if (ns == p)
            break; /* no blank between */
        p = ns;
    }
    if (!any)
        return 0;
    q->v = dec_add(total, group);
    q->flags |= NF_NUM_WORDS;
    q->end = q->nend = end;
    return q->v.ok;
}

/* One quantity at i: [currency] (digits [suffix] | words) [scale] [percent | currency word]
 * [-word]. */
static int parse_qty(const ctx *c, size_t i, qty *q)
{
    memset(q, 0, sizeof *q);
    q->start = i;
    size_t p = i;
    /* currency sign or code */
    const currency *cu = p < c->len && c->t->curfirst[(unsigned char)c->s[p]] ? currency_at(c, p, &p) : NULL;
    if (cu) {
        q->unit = cu->unit;
        q->flags |= NF_NUM_MONEY;
    }
    q->nstart = p;
    if (is_digit(c, p)) {
        size_t j = p;
        while (is_digit(c, j))
            j++;
        size_t lead = j - p;
        int comma = 0;
        /* thousands groups: ,ddd not followed by a digit */
        while (lead <= 3 && j + 3 < c->len && c->s[j] == ',' && is_digit(c, j + 1) && is_digit(c, j + 2) &&
               is_digit(c, j + 3) && !is_digit(c, j + 4)) {
            j += 4;
            comma = 1;
        }
        int point = 0;
        if (j + 1 < c->len && c->s[j] == '.' && is_digit(c, j + 1)) {
            j++;
            while (is_digit(c, j))
                j++;
            point = 1;
        }
        /* glued to more digits: dates, times, ids, version numbers */
        if (j + 1 < c->len && (c->s[j] == '.' || c->s[j] == ':' || c->s[j] == '/' || c->s[j] == ',') &&
            is_digit(c, j + 1))
            return 0;
        q->v = dec_digits(c->s + p, j - p);
        if (!q->v.ok)
            return 0;
        q->flags |= NF_NUM_DIGITS;
        if (!comma && !point && lead == 4)
            q->flags |= NF_NUM_PLAIN4;
        q->nend = q->end = j;
        /* glued suffix: 2bn, $1m, 10k; ordinals, decades and codes are not numbers */
        if (is_letter(c, j)) {
            size_t we = word_end(c, j);
            if (we == j) /* a non-ASCII letter or mark: judge it below */
                goto after_digits;
            if (we - j == 2 && word_is(c, j, we, "pc") && !is_alnum(c, we)) {
                /* 40pc (British papers) */
                q->v = dec_digits(c->s + p, j - p);
                q->flags |= NF_NUM_DIGITS | NF_NUM_PERCENT;
                q->unit = "percent";
                q->nend = j;
                q->end = we;
                return q->v.ok;
            }
            const wentry *e = lookup(c, j, we);
            if (!e || e->kind != W_SUFFIX || is_alnum(c, we))
                return 0;
            q->v = dec_mul(q->v, dec_int(e->v));
            q->flags |= NF_NUM_SCALED | NF_NUM_SUFFIX;
            q->has_scale = 1;
            q->end = q->nend = we;
        }
    after_digits:;
    } else if (is_letter(c, p) && !(q->flags & NF_NUM_MONEY)) {
        if (!parse_words(c, p, q))
            return 0;
    } else {
        return 0;
    }
    if (!q->v.ok)
        return 0;
    size_t ws, we;
    /* a scale word after digits: 1.9 million */
    if ((q->flags & NF_NUM_DIGITS) && !q->has_scale) {
        const wentry *e = next_word(c, q->end, &ws, &we);
        /* 1.9 million; 3.2 mln dlrs (a suffix of two letters or more as a word) */
        if (e && (e->kind == W_SCALE || (e->kind == W_SUFFIX && we - ws >= 2)) && ws > q->end) {
            q->v = dec_mul(q->v, dec_int(e->v));
            q->flags |= NF_NUM_SCALED;
            q->has_scale = 1;
            q->end = q->nend = we;
        }
    }
    /* percent */
    size_t r = q->end;
    if (r < c->len && c->s[r] == '%') {
        q->flags |= NF_NUM_PERCENT;
        q->unit = "percent";
        q->end = r + 1;
        return 1;
    }
    if (r + 1 < c->len && c->s[r] == ' ' && c->s[r + 1] == '%') {
        q->flags |= NF_NUM_PERCENT;
        q->unit = "percent";
        q->end = r + 2;
        return 1;
    }
    const wentry *e = next_word(c, r, &ws, &we);
    if (ws > r) {
        if (word_is(c, ws, we, "per")) {
            size_t s2, e2;
            next_word(c, we, &s2, &e2);
            if (word_is(c, s2, e2, "cent")) {
                q->flags |= NF_NUM_PERCENT;
                q->unit = "percent";
                q->end = e2;
                return 1;
            }
        }
        /* percentage points: a difference of two percentages, a quantity of its own (a rise
         * from 20% to 22% is 2 percentage points but 10 percent): unit "percentage points" */
        if (word_is(c, ws, we, "percentage")) {
            size_t s2, e2;
            next_word(c, we, &s2, &e2);
            if (word_is(c, s2, e2, "points") || word_is(c, s2, e2, "point")) {
                q->flags |= NF_NUM_PERCENT | NF_NUM_POINTS;
                q->unit = "percentage points";
                q->end = e2;
                return 1;
            }
        }
    }
    if (e && ws > r) {
        if (e->kind == W_PERCENT) {
            q->flags |= NF_NUM_PERCENT;
            q->unit = e->unit;
            q->end = we;
            return 1;
        }
        /* 5m euros, 5m Euros; not 12 Euro zone countries */
        if (e->kind == W_CURWORD && !(q->flags & NF_NUM_MONEY) &&
            (nf_islower((unsigned char)c->s[ws]) || (we - ws > 3 && c->s[we - 1] == 's'))) {
            q->flags |= NF_NUM_MONEY;
            q->unit = e->unit;
            q->end = we;
            return 1;
        }
    }
    /* -word: 5,000-strong, 1,200-mile, one-time; 17-million is a scale */
    if (r < c->len && c->s[r] == '-' && is_letter(c, r + 1)) {
        size_t he = word_end(c, r + 1);
        const wentry *sc = lookup(c, r + 1, he);
        if (sc && sc->kind == W_SCALE && !q->has_scale && !is_alnum(c, he)) {
            q->v = dec_mul(q->v, dec_int(sc->v));
            q->flags |= NF_NUM_SCALED;
            q->has_scale = 1;
            q->end = q->nend = he;
            return 1;
        }
        if (he > r + 1) {
            q->flags |= NF_NUM_HYPHEN;
            q->hs = r + 1;
            q->he = he;
            q->end = he;
        }
    }
    return 1;
}

static void put_value(dec v, char *out)
{
    dec_fmt(v, out, NF_NUM_VLEN);
}

/* The second number of a range inherits the first's scale and unit and vice versa:
 * 1-2 million, 15-20%, $1-2bn. */
static void share(qty *a, qty *b)
{
    if (!a->unit && b->unit) {
        a->unit = b->unit;
        a->flags |= b->flags & (NF_NUM_PERCENT | NF_NUM_MONEY | NF_NUM_POINTS);
    }
    if (!b->unit && a->unit) {
        b->unit = a->unit;
        b->flags |= a->flags & (NF_NUM_PERCENT | NF_NUM_MONEY | NF_NUM_POINTS);
    }
}

/* Scale factor of a quantity read with a scale (1.5 million -> 1000000), 0 if none. */
static unsigned long long scale_of(const ctx *c, const qty *q)
{
    if (!q->has_scale)
        return 0;
    if (q->flags & NF_NUM_SUFFIX) {
        size_t j = q->nstart;
        while (j < q->nend && !is_letter(c, j))
            j++;
        const wentry *e = lookup(c, j, word_end(c, j));
        return e ? e->v : 0;
    }
    /* the last word of the number is the scale */
    size_t j = q->nend;
    size_t k = j;
    while (k > q->nstart && is_letter(c, k - 1))
        k--;
    const wentry *e = lookup(c, k, j);
    return e && e->kind == W_SCALE ? e->v : 0;
}

/* Why a text without a digit and without a core word (is_core: one, twenty, hundred,
 * million, dozen, half, thousands) holds no number, except inside a word:
 *  - a currency sign or code is read only before a digit (currency_at); then parse_qty reads
 *    digits, or words from an ASCII letter (parse_words: word_end of anything else is empty),
 *    and "from" and "between" lead only to parse_qty after a blank;
 *  - parse_words succeeds only when it has taken a word of a core kind (any), or on the
 *    vague paths, where the word itself (W_VAGUE) or the word after it (W_VAGUEPRE: several
 *    hundred) is core; "a", "an" and "a few" only lead on to the next word;
 *  - every word it looks up is a whole run of ASCII letters [ws, word_end(ws)) (lookup is
 *    exact), and ws is the parse position or follows a blank or a hyphen. Unless the parse
 *    starts inside a word, that run begins at start or after a byte that is no ASCII letter.
 * So it is enough to look up those runs. Words that lookup can never match (longer than 31
 * letters, or with a byte that is no ASCII letter) are not marked in core, which changes
 * nothing. */
/* core_run once the first three letters fit (out of line: the rarer case). */
__attribute__((noinline)) static int core_run_rest(const nf_numtab *t, const unsigned char *u, size_t i,
                                                   size_t end, int a, int b, uint32_t bits)
{
    size_t j = i + 1;
    while (j < end && t->lidx[u[j]])
        j++;
    size_t n = j - i;
    if (n > 32 || !(bits & (1u << (n - 1))) || (n >= 3 && !((t->corethird[a][b] >> t->lidx[u[i + 2]]) & 1)))
        return 0;
    ctx C = {t, (const char *)u, end, NULL};
    const wentry *e = lookup(&C, i, j);
    return e && is_core(e->kind);
}

/* Eight bytes at a time: in a word of 8 bytes, the high bit of each byte that is an ASCII
 * letter (or digit). Each byte is looked at in its low 7 bits, where adding a constant
 * below 0x80 carries into its own high bit but never into the next byte. */
#define NF_BYTES(b) (0x0101010101010101ull * (b))
static inline uint64_t ascii_letters(uint64_t x)
{
    uint64_t y = (x | NF_BYTES(0x20)) & NF_BYTES(0x7F);          /* lower case */
    uint64_t from_a = y + NF_BYTES(0x80 - 'a'), past_z = y + NF_BYTES(0x80 - 'z' - 1);
    return from_a & ~past_z & ~x & NF_BYTES(0x80);
}

static inline uint64_t ascii_digits(uint64_t x)
{
    uint64_t y = x & NF_BYTES(0x7F);
    uint64_t from_0 = y + NF_BYTES(0x80 - '0'), past_9 = y + NF_BYTES(0x80 - '9' - 1);
    return from_0 & ~past_9 & ~x & NF_BYTES(0x80);
}

/* The run of ASCII letters that begins at u[p] (and ends by end) is a core word. Most words
 * are turned away in line: no core word has their first two letters, or their third, or their
 * length when they are shorter than three. */
static inline int core_run(const nf_numtab *t, const unsigned char *u, size_t end, size_t p)
{
    int a = t->lidx[u[p]], b = p + 1 < end ? t->lidx[u[p + 1]] : 0;
    uint32_t bits = t->core[a][b];
    if (!bits)
        return 0;
    int c = b && p + 2 < end ? t->lidx[u[p + 2]] : 0;
    if (!b ? !(bits & 1u) : !c ? !(bits & 2u) : !((t->corethird[a][b] >> c) & 1))
        return 0;
    return core_run_rest(t, u, p, end, a, b, bits);
}

int nf_num_may_occur(const nf_numtab *t, const char *s, size_t start, size_t end)
{
    const unsigned char *u = (const unsigned char *)s;
    uint64_t before = 0; /* letters of the eight bytes before (none before start) */
    size_t base = start;
#ifdef __SSE2__
    /* sixteen bytes at a time while there are: a byte is a digit or (with 0x20 set: lower
     * case) a letter by two signed compares (a byte from 0x80 is negative, so neither) */
    unsigned last = 0; /* the byte before was a letter */
    for (; end - base >= 16; base += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + base));
        __m128i dig = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
        if (_mm_movemask_epi8(dig))
            return 1;
        __m128i low = _mm_or_si128(x, _mm_set1_epi8(0x20));
        __m128i let = _mm_and_si128(_mm_cmpgt_epi8(low, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(low, _mm_set1_epi8('z' + 1)));
        unsigned letters = (unsigned)_mm_movemask_epi8(let); /* bit k: byte k */
        unsigned first = letters & ~((letters << 1) | last);
        last = letters >> 15;
        for (; first; first &= first - 1)
            if (core_run(t, u, end, base + (size_t)__builtin_ctz(first)))
                return 1;
    }
    before = (uint64_t)last << 63;
#endif
    for (; base < end; base += 8) {
        uint64_t x = 0; /* byte k of s[base..] in byte k of x (0 past end) */
        if (end - base >= 8)
            memcpy(&x, u + base, 8);
        else
            memcpy(&x, u + base, end - base);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        x = __builtin_bswap64(x);
#endif
        if (ascii_digits(x))
            return 1;
        uint64_t letters = ascii_letters(x);
        /* the letters that begin a run: no letter in the byte before */
        uint64_t first = letters & ~((letters << 8) | (before >> 56));
        before = letters;
        for (; first; first &= first - 1)
            if (core_run(t, u, end, base + ((size_t)__builtin_ctzll(first) >> 3)))
                return 1;
    }
    return 0;
}
#undef NF_BYTES

/* A currency sign or code with its number at s[pos] (out of line: the rare case). */
__attribute__((noinline)) static int currency_starts(const nf_numtab *t, const char *s, size_t len,
                                                     size_t pos)
{
    ctx C = {t, s, len, NULL};
    size_t num;
    return currency_at(&C, pos, &num) != NULL;
}

static inline int may_start_at(const nf_numtab *t, const char *s, size_t len, size_t pos, int lead);

/* "a", "an", "from" or "between" (any case), n letters at s[pos]: the words that only lead on to
 * a number. */
static int leading_word(const char *s, size_t pos, size_t n)
{
    const char *w = s + pos;
    switch (n) {
    case 1:
        return (w[0] | 0x20) == 'a';
    case 2:
        return (w[0] | 0x20) == 'a' && (w[1] | 0x20) == 'n';
    case 4:
        return nf_strncaseeq(w, 4, "from");
    case 7:
        return nf_strncaseeq(w, 7, "between");
    }
    return 0;
}

/* The word of n letters at s[pos] can begin a number, when it is a leading word: "a" and "an"
 * are read only before a word of the table (parse_words: next_word must find one), "from" and
 * "between" only before blanks and a quantity (parse_qty), where nf_num_may_start holds (a
 * quantity read at p is a number read at p, or p holds "from" or "between", which pass). */
__attribute__((noinline)) static int leads_on(const nf_numtab *t, const char *s, size_t len, size_t pos,
                                              size_t n)
{
    if (!leading_word(s, pos, n))
        return 1;
    const unsigned char *u = (const unsigned char *)s;
    size_t we = pos + n, p = we;
    /* skip_sp, in line for its common case: one space */
    if (p < len && u[p] == ' ' && !(p + 1 < len && (nf_isspace(u[p + 1]) || u[p + 1] == 0xC2)))
        p++;
    else {
        ctx C = {t, s, len, NULL};
        p = skip_sp(&C, p);
    }
    if ((u[pos] | 0x20) != 'a')
        return p > we && may_start_at(t, s, len, p, 0);
    /* a word of the table: ASCII letters (not glued to a non-ASCII letter: word_end) */
    size_t e = p;
    while (e < len && t->lidx[u[e]])
        e++;
    if (e == p || e - p >= 32 || (e < len && (u[e] & 0x80)))
        return 0;
    int a = t->lidx[u[p]], b = e - p > 1 ? t->lidx[u[p + 1]] : 0;
    return (t->known[a][b] >> (e - p - 1)) & 1;
}

/* nf_num_may_start; lead: also ask what follows a leading word (not when asked from there). */
static inline int may_start_at(const nf_numtab *t, const char *s, size_t len, size_t pos, int lead)
{
    if (pos >= len)
        return 0;
    unsigned char c0 = (unsigned char)s[pos];
    unsigned fb = t->first[c0];
    if (fb & FB_DIGIT)
        return 1;
    if (!fb)
        return 0; /* no number starts with this byte */
    /* a word: only those that can start a number (by first two letters and length) */
    const uint32_t(*tab)[27] = (fb & FB_CUR) ? t->curstart : t->start;
    int a = t->lidx[c0], b = pos + 1 < len ? t->lidx[(unsigned char)s[pos + 1]] : 0;
    uint32_t bits = tab[a][b];
    /* the third letter first (the, that: no), then the length */
    const uint32_t(*th)[27] = (fb & FB_CUR) ? t->curthird : t->third;
    int c = bits && b && pos + 2 < len ? t->lidx[(unsigned char)s[pos + 2]] : 0; /* 0: shorter */
    if (bits && (!c || ((th[a][b] >> c) & 1))) {
        size_t j = pos + 1;
        while (j < len && t->lidx[(unsigned char)s[j]])
            j++;
        size_t n = j - pos;
        if (n <= 32 && (bits & (1u << (n - 1))) && (!lead || n > 7 || leads_on(t, s, len, pos, n)))
            return 1;
    }
    return (fb & FB_CUR) && currency_starts(t, s, len, pos);
}

const uint8_t (*nf_num_pairs(const nf_numtab *t))[32]
{
    return (const uint8_t(*)[32])t->pair;
}

int nf_num_may_start(const nf_numtab *t, const char *s, size_t len, size_t pos)
{
    return may_start_at(t, s, len, pos, 1);
}

int nf_num_parse(const nf_numtab *t, const char *s, size_t len, size_t pos, nf_num *out)
{
    return nf_num_may_start(t, s, len, pos) && nf_num_parse_started(t, s, len, pos, out);
}

int nf_num_parse_started(const nf_numtab *t, const char *s, size_t len, size_t pos, nf_num *out)
{
    nw_memo memo = {(size_t)-1, 0, 0, NULL};
    ctx C = {t, s, len, &memo}, *c = &C;
    memset(out, 0, sizeof *out);
    int mode = 0; /* 1 from..to, 2 between..and */
    size_t p = pos;
    int fb = (s[pos] | 0x20) == 'f' || (s[pos] | 0x20) == 'b'; /* (pos < len: may_start) */
    size_t we = fb ? word_end(c, pos) : pos;
    if (!fb) {
        /* no leading word */
    } else if (word_is(c, pos, we, "from")) {
        mode = 1;
        p = skip_sp(c, we);
        if (p == we)
            return 0;
    } else if (word_is(c, pos, we, "between")) {
        mode = 2;
        p = skip_sp(c, we);
        if (p == we)
            return 0;
    }
    qty a, b;
    if (!parse_qty(c, p, &a))
        return 0;
    int two = 0;
    size_t r = a.end;
    if (!(a.flags & NF_NUM_HYPHEN) && !(a.flags & NF_NUM_VAGUE)) {
        size_t ws, we2;
        next_word(c, r, &ws, &we2);
        size_t d = dash_at(c, r);
        size_t ds = r;
        if (!d && r < c->len && c->s[r] == ' ') {
            ds = r + 1;
            d = dash_at(c, ds);
            if (d && !(ds + d < c->len && c->s[ds + d] == ' '))
                d = 0; /* "15 -20" is not a range */
        }
        if (mode == 1 && word_is(c, ws, we2, "to")) {
            if (parse_qty(c, skip_sp(c, we2), &b) && !(b.flags & NF_NUM_VAGUE))
                two = 1;
        } else if (mode == 2 && word_is(c, ws, we2, "and")) {
            if (parse_qty(c, skip_sp(c, we2), &b) && !(b.flags & NF_NUM_VAGUE))
                two = 1;
        } else if (mode == 0 && d && (a.flags & NF_NUM_DIGITS)) {
            size_t bs = skip_sp(c, ds + d);
            if (parse_qty(c, bs, &b) && (b.flags & NF_NUM_DIGITS))
                two = 1;
        } else if (mode == 0 && word_is(c, ws, we2, "to") && ws > r) {
            size_t bs = skip_sp(c, we2);
            /* 15 to 20 percent; not 7.8% to 830bn rupees */
            if (parse_qty(c, bs, &b) && !(b.flags & NF_NUM_VAGUE) &&
                ((a.flags & NF_NUM_DIGITS) == (b.flags & NF_NUM_DIGITS)) &&
                (!a.unit || (b.unit && !strcmp(a.unit, b.unit))))
                two = 1;
        }
    }
    if (mode && !two)
        return 0;
    if (two) {
        unsigned long long sa = scale_of(c, &a), sb = scale_of(c, &b);
        if (!sa && sb && !(a.flags & NF_NUM_PERCENT)) {
            a.v = dec_mul(a.v, dec_int(sb));
            a.has_scale = 1;
            a.flags |= NF_NUM_SCALED;
        }
        /* a range goes up: 3-2 and 6-4 are scores, not ranges */
        if (mode == 0 && dec_cmp(a.v, b.v) >= 0) {
            if (mode)
                return 0;
            two = 0;
        }
    }
    if (two) {
        share(&a, &b);
        out->flags = a.flags | (b.flags & (NF_NUM_HYPHEN));
        out->flags |= mode == 1 ? NF_NUM_CHANGE : NF_NUM_RANGE;
        out->n2start = b.nstart;
        out->n2end = b.nend;
        put_value(b.v, out->value2);
        out->end = b.end;
        out->hyph_start = b.hs;
        out->hyph_end = b.he;
        out->unit = a.unit ? a.unit : b.unit;
    } else {
        out->flags = a.flags;
        out->end = a.end;
        out->hyph_start = a.hs;
        out->hyph_end = a.he;
        out->unit = a.unit;
    }
    out->start = pos;
    out->nstart = a.nstart;
    out->nend = a.nend;
    out->vstart = a.vs;
    out->vend = a.ve;
    put_value(a.v, out->value);
    return out->value[0] != '\0';
}

int nf_num_value(const nf_numtab *t, const char *text, char *out, size_t outlen)
{
    size_t len = strlen(text);
    size_t i = 0;
    while (i < len && nf_isspace((unsigned char)text[i]))
        i++;
    while (len > i && nf_isspace((unsigned char)text[len - 1]))
        len--;
    nf_num n;
    if (!nf_num_parse(t, text, len, i, &n) || n.end != len)
        return 0;
    if (n.flags & NF_NUM_RANGE)
        snprintf(out, outlen, "%s..%s", n.value, n.value2);
    else if (n.flags & NF_NUM_CHANGE)
        snprintf(out, outlen, "%s->%s", n.value, n.value2);
    else
        snprintf(out, outlen, "%s", n.value);
    return 1;
}

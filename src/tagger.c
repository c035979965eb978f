/* tagger.c - greedy averaged-perceptron named-entity tagger (runtime).
 * See tagger.h for the API and the model image format. */
#define NF_TAGGER_INTERNAL
#include "tagger.h"

#include <stdlib.h>
#include <sys/mman.h>
#include <string.h>

/* ---------------------------------------------------------------- hashing */

uint32_t nf__fnv1a(const unsigned char *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 16777619u;
    }
    return h;
}

static uint32_t fmix(uint32_t h)
{
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}

static uint32_t nz(uint32_t h) { return h ? h : 1u; }

/* Feature keys of a template and one, two or three values.  Always inlined: the template
 * is a constant at every call, so its own mixing folds away. */
#define NF_INLINE static inline __attribute__((always_inline))

NF_INLINE uint32_t F1(uint32_t tmpl, uint32_t a) { return nz(fmix(fmix(tmpl * 0x9e3779b1u + 0x7f4a7c15u) ^ a)); }

/* F2 in two steps, F2(tmpl, a, b) == F2b(F2a(tmpl, a), b): a first step shared by many keys
 * is computed once (see nf_tagger.tagh). */
NF_INLINE uint32_t F2a(uint32_t tmpl, uint32_t a) { return fmix(fmix(tmpl * 0x9e3779b1u + 0x7f4a7c15u) ^ a) + 0x632be5abu; }

NF_INLINE uint32_t F2b(uint32_t h, uint32_t b) { return nz(fmix(h ^ b)); }

NF_INLINE uint32_t F2(uint32_t tmpl, uint32_t a, uint32_t b) { return F2b(F2a(tmpl, a), b); }

/* F3(tmpl, a, b, c) == F3c(F2(tmpl, a, b), c) */
NF_INLINE uint32_t F3c(uint32_t f2, uint32_t c) { return nz(fmix((f2 * 0x27d4eb2du) ^ c)); }

NF_INLINE uint32_t F3(uint32_t tmpl, uint32_t a, uint32_t b, uint32_t c) { return F3c(F2(tmpl, a, b), c); }

/* Streaming FNV-1a. */
typedef struct { uint32_t h; } hs;
static void hs_init(hs *s) { s->h = 2166136261u; }
static void hs_byte(hs *s, unsigned char c)
{
    s->h ^= c;
    s->h *= 16777619u;
}
static uint32_t hs_end(const hs *s) { return fmix(s->h ^ 0x5bd1e995u); }

/* ------------------------------------------------------- token analysis */

enum { C_UPPER = 1, C_LOWER, C_DIGIT, C_OTHER };

/* Decodes one "character" at w[i..len): its class, the shape symbol, and the
 * normalized (lowercased, digit->0) bytes.  Returns the number of input
 * bytes consumed (>= 1). */
static size_t next_char(const unsigned char *w, size_t i, size_t len, int *cls, unsigned char *sym,
                        unsigned char nb[4], size_t *nn)
{
    unsigned char c = w[i];
    if (c < 0x80) {
        if (c >= 'A' && c <= 'Z') {
            *cls = C_UPPER, *sym = 'X', nb[0] = (unsigned char)(c + 32);
        } else if (c >= 'a' && c <= 'z') {
            *cls = C_LOWER, *sym = 'x', nb[0] = c;
        } else if (c >= '0' && c <= '9') {
            *cls = C_DIGIT, *sym = 'd', nb[0] = '0';
        } else {
            *cls = C_OTHER;
            *sym = (c > 0x20 && c < 0x7f) ? c : '_';
            nb[0] = c;
        }
        *nn = 1;
        return 1;
    }
    /* Latin-1 supplement letters: U+00C0..U+00FF (except x and /). */
    if (c == 0xC3 && i + 1 < len && (w[i + 1] & 0xC0) == 0x80) {
        unsigned char d = w[i + 1];
        nb[0] = 0xC3;
        if (d <= 0x9E && d != 0x97) {
            *cls = C_UPPER, *sym = 'X', nb[1] = (unsigned char)(d + 0x20);
        } else if (d >= 0x9F && d != 0xB7) {
            *cls = C_LOWER, *sym = 'x', nb[1] = d;
        } else {
            *cls = C_OTHER, *sym = 'o', nb[1] = d;
        }
        *nn = 2;
        return 2;
    }
    /* Typographic quotes and dashes -> ASCII. */
    if (c == 0xE2 && i + 2 < len && w[i + 1] == 0x80) {
        unsigned char d = w[i + 2];
        unsigned char a = 0;
        if (d == 0x98 || d == 0x99)
            a = '\'';
        else if (d == 0x9C || d == 0x9D)
            a = '"';
        else if (d == 0x93 || d == 0x94)
            a = '-';
        if (a) {
            *cls = C_OTHER, *sym = a, nb[0] = a, *nn = 1;
            return 3;
        }
    }
    /* Generic UTF-8 sequence: treated as a (caseless) lower-case letter;
     * invalid bytes are single "other" characters. */
    size_t need = 0;
    if (c >= 0xC2 && c <= 0xDF)
        need = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        need = 3;
    else if (c >= 0xF0 && c <= 0xF4)
        need = 4;
    if (need && i + need <= len) {
        size_t k;
        for (k = 1; k < need; k++)
            if ((w[i + k] & 0xC0) != 0x80)
                break;
        if (k == need) {
            *cls = C_LOWER, *sym = 'x';
            for (k = 0; k < need; k++)
                nb[k] = w[i + k];
            *nn = need;
            return need;
        }
    }
    *cls = C_OTHER, *sym = '?', nb[0] = c, *nn = 1;
    return 1;
}

/* The closed-class words but `meanwhile`, each at slot closed_slot() of its lower-case bytes
 * (the multiplier was searched for so that the 66 words' slots differ; tests/test_tagger.c
 * checks the table against the word lists).  A word is closed when the entry at its slot
 * is the word: one multiplication and one word compare instead of a scan of a list. */
static const char closed_words[256][9] = {
    [0] = "some", [5] = "by", [9] = "who", [11] = "which", [12] = "the", [18] = "all", [20] = "with",
    [25] = "also", [26] = "though", [28] = "those", [29] = "under", [40] = "during", [43] = "most",
    [52] = "at", [56] = "if", [59] = "her", [61] = "this", [63] = "it", [65] = "we", [66] = "these",
    [70] = "they", [74] = "that", [75] = "over", [82] = "you", [88] = "for", [96] = "before", [100] = "when",
    [109] = "what", [114] = "until", [122] = "about", [123] = "an", [125] = "our", [127] = "however",
    [128] = "of", [129] = "its", [131] = "their", [133] = "in", [136] = "there", [141] = "he", [142] = "not",
    [146] = "after", [153] = "next", [155] = "so", [163] = "while", [165] = "more", [171] = "she",
    [181] = "no", [184] = "but", [195] = "last", [196] = "since", [199] = "although", [205] = "on",
    [211] = "both", [220] = "a", [221] = "many", [223] = "one", [226] = "because", [230] = "other",
    [231] = "i", [235] = "as", [237] = "from", [243] = "or", [247] = "his", [248] = "and", [253] = "to",
    [255] = "each",
};

/* The slot of a word of 1 to 8 lower-case bytes packed into x, the first byte lowest
 * (whatever the machine's byte order). */
static unsigned closed_slot(uint64_t x) { return (unsigned)((x * 0x614995baa8343bedull) >> 56); }

/* 1 if the n <= 8 bytes packed into x (as for closed_slot) are e[0..n) */
static int packed_is(uint64_t x, const char *e, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)e[i] != (x >> (8 * i) & 0xff))
            return 0;
    return 1;
}

int nf__closed(const char *w, size_t n)
{
    if (n == 0 || n > 9 || !((w[0] >= 'A' && w[0] <= 'Z') || (w[0] >= 'a' && w[0] <= 'z')))
        return 0;
    /* all capitals (`THE` in a heading) stays scored like any word in capitals */
    if (n > 1 && w[1] >= 'A' && w[1] <= 'Z')
        return 0;
    uint64_t x = 0; /* the word in lower case, the first byte lowest (the first 8 bytes) */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n >= 4) { /* eight bytes at a time, as maybe_name */
        size_t m = n < 8 ? n : 8;
        if (m == 8) {
            memcpy(&x, w, 8);
        } else {
            uint32_t a, b; /* overlapping: the bytes both hold are equal */
            memcpy(&a, w, 4);
            memcpy(&b, w + m - 4, 4);
            x = a | (uint64_t)b << (8 * (m - 4));
        }
        const uint64_t ones = 0x0101010101010101ull >> (8 * (8 - m)), high = 0x80 * ones;
        if (x & high)
            return 0;
        x |= 0x20 * ones; /* lower case for letters; a letter is then a byte in 'a' .. 'z' */
        if (((x + (0x80 - 'a') * ones) & ~(x + (0x80 - 'z' - 1) * ones) & high) != high)
            return 0;
    } else
#endif
    {
        for (size_t i = 0; i < n && i < 8; i++) {
            unsigned c = (unsigned char)w[i] | 0x20u; /* lower case for letters */
            if (c < 'a' || c > 'z')
                return 0;
            x |= (uint64_t)c << (8 * i);
        }
    }
    if (n == 9)
        return packed_is(x, "meanwhile", 8) && ((unsigned char)w[8] | 0x20u) == 'e';
    const char *e = closed_words[closed_slot(x)];
    return packed_is(x, e, n) && e[n] == 0;
}

void nf__tok_info(const char *word, size_t len, nf_tok *out)
{
    const unsigned char *w = (const unsigned char *)word;
    hs norm, exact, lsh, ssh;
    hs_init(&norm), hs_init(&exact), hs_init(&lsh), hs_init(&ssh);
    uint32_t preh[4] = {0}; /* FNV-1a state of norm after each of the first 4 chars */
    size_t pn = 0;
    unsigned char last[4][4]; /* ring of the last 4 chars */
    size_t lastn[4] = {0, 0, 0, 0};
    size_t nchars = 0, nupper = 0, nlower = 0, ndigit = 0, nupper_tail = 0;
    int first_cls = 0, hyphen = 0, period = 0;
    unsigned char prevsym = 0;
    size_t run = 0;

    for (size_t i = 0; i < len;) {
        int cls;
        unsigned char sym, nb[4] = {0, 0, 0, 0};
        size_t nn;
        if (w[i] < 0x80) { /* ASCII: next_char's first case, one byte in and out */
            unsigned char c = w[i++];
            if (c >= 'A' && c <= 'Z')
                cls = C_UPPER, sym = 'X', nb[0] = (unsigned char)(c + 32);
            else if (c >= 'a' && c <= 'z')
                cls = C_LOWER, sym = 'x', nb[0] = c;
            else if (c >= '0' && c <= '9')
                cls = C_DIGIT, sym = 'd', nb[0] = '0';
            else
                cls = C_OTHER, sym = (c > 0x20 && c < 0x7f) ? c : '_', nb[0] = c;
            nn = 1;
            hs_byte(&exact, c);
            hs_byte(&norm, nb[0]);
        } else {
            size_t adv = next_char(w, i, len, &cls, &sym, nb, &nn);
            for (size_t k = 0; k < adv; k++)
                hs_byte(&exact, w[i + k]);
            i += adv;
            for (size_t k = 0; k < nn; k++)
                hs_byte(&norm, nb[k]);
        }
        if (pn < 4)
            preh[pn++] = norm.h;
        memcpy(last[nchars & 3], nb, 4);
        lastn[nchars & 3] = nn;
        if (nchars == 0)
            first_cls = cls;
        nchars++;
        if (cls == C_UPPER) {
            nupper++;
            if (nchars > 1)
                nupper_tail++;
        } else if (cls == C_LOWER)
            nlower++;
        else if (cls == C_DIGIT)
            ndigit++;
        else if (sym == '-')
            hyphen = 1;
        else if (sym == '.')
            period = 1;
        if (sym == prevsym) {
            run++;
        } else {
            run = 1;
            hs_byte(&ssh, sym);
        }
        if (run <= 3)
            hs_byte(&lsh, sym);
        prevsym = sym;
    }

    out->norm = hs_end(&norm);
    out->exact = hs_end(&exact) ^ 0x1234567u;
    out->lshape = hs_end(&lsh) ^ 0x2345678u;
    out->sshape = hs_end(&ssh) ^ 0x3456789u;
    for (size_t k = 0; k < 4; k++) {
        /* the FNV-1a hash of the prefix's normalized bytes is norm's state after it */
        out->pre[k] = (k < pn) ? fmix(preh[k] + (uint32_t)k) : 0;
        if (k < nchars) {
            /* suffix of k+1 chars: chars nchars-k-1 .. nchars-1 */
            hs s;
            hs_init(&s);
            for (size_t j = nchars - k - 1; j < nchars; j++)
                for (size_t b = 0; b < lastn[j & 3]; b++)
                    hs_byte(&s, last[j & 3][b]);
            out->suf[k] = hs_end(&s) + (uint32_t)k * 0x9e3779b1u;
        } else {
            out->suf[k] = 0;
        }
    }
    uint32_t f = 0;
    size_t nalpha = nupper + nlower;
    if (first_cls == C_UPPER)
        f |= NF_TF_INITCAP;
    if (nupper > 0 && nlower == 0)
        f |= NF_TF_ALLCAPS;
    if (ndigit)
        f |= NF_TF_HASDIGIT;
    if (nchars && ndigit == nchars)
        f |= NF_TF_ALLDIGIT;
    if (hyphen)
        f |= NF_TF_HYPHEN;
    if (period)
        f |= NF_TF_PERIOD;
    if (nupper_tail && nlower)
        f |= NF_TF_MIXED;
    if (nalpha + ndigit == 0)
        f |= NF_TF_NOALNUM;
    if (nalpha)
        f |= NF_TF_HASALPHA;
    if (nlower)
        f |= NF_TF_HASLOWER;
    if (nupper)
        f |= NF_TF_UPPER;
    if (nupper && nf__closed(word, len))
        f |= NF_TF_CLOSED;
    if (nchars >= 8)
        f |= NF_TF_LONG;
    if (nchars <= 2)
        f |= NF_TF_SHORT;
    out->flags = f;
}

uint32_t nf__sent_flags(const char *const *words, const size_t *lens, size_t n)
{
    int upper = 0;
    for (size_t i = 0; i < n; i++) {
        const unsigned char *w = (const unsigned char *)words[i];
        for (size_t j = 0; j < lens[i]; j++) {
            if (w[j] >= 'a' && w[j] <= 'z')
                return 0;
            if (w[j] >= 'A' && w[j] <= 'Z')
                upper = 1;
        }
    }
    return upper ? NF_SF_ALLCAPS : 0;
}

/* Sentinels for positions outside the sentence. */
static const nf_tok BOS = {0x0b05b05u, 0x0b05b06u, 0x0b05b07u, 0x0b05b08u, {0, 0, 0, 0}, {0, 0, 0, 0}, 0};
static const nf_tok EOS = {0x0e05e05u, 0x0e05e06u, 0x0e05e07u, 0x0e05e08u, {0, 0, 0, 0}, {0, 0, 0, 0}, 0};

size_t nf__static_feats(const nf_tok *const win[5], size_t i, uint32_t sflags, uint32_t *out)
{
    const nf_tok *m2 = win[0] ? win[0] : &BOS, *m1 = win[1] ? win[1] : &BOS, *c = win[2];
    const nf_tok *p1 = win[3] ? win[3] : &EOS, *p2 = win[4] ? win[4] : &EOS;
    size_t n = 0;
    out[n++] = F1(1, 0);
    out[n++] = F1(2, c->norm);
    out[n++] = F1(3, c->exact);
    out[n++] = F1(4, c->lshape);
    out[n++] = F1(5, c->sshape);
    for (uint32_t k = 0; k < 4; k++) {
        if (c->pre[k])
            out[n++] = F1(6 + k, c->pre[k]);
        if (c->suf[k])
            out[n++] = F1(10 + k, c->suf[k]);
    }
    for (uint32_t b = 0; b < 12; b++)
        if (c->flags & (1u << b))
            out[n++] = F1(14, b);
    out[n++] = F1(15, m1->norm);
    out[n++] = F1(16, m2->norm);
    out[n++] = F1(17, p1->norm);
    out[n++] = F1(18, p2->norm);
    out[n++] = F1(19, m1->sshape);
    out[n++] = F1(20, m2->sshape);
    out[n++] = F1(21, p1->sshape);
    out[n++] = F1(22, p2->sshape);
    out[n++] = F2(23, m1->norm, c->norm);
    out[n++] = F2(24, c->norm, p1->norm);
    out[n++] = F2(25, m1->sshape, c->sshape);
    out[n++] = F2(26, c->sshape, p1->sshape);
    out[n++] = F3(27, m1->sshape, c->sshape, p1->sshape);
    if (i == 0) {
        out[n++] = F1(28, 0);
        out[n++] = F1(29, c->flags & NF_TF_INITCAP);
        out[n++] = F1(30, c->norm);
    }
    if (sflags & NF_SF_ALLCAPS) {
        out[n++] = F1(31, c->norm);
        out[n++] = F1(32, 0);
        out[n++] = F1(33, c->lshape);
    }
    /* no templates 34..39 since feature set 10: see nf__ctx_feats in tagger.h */
    out[n++] = F1(40, p1->suf[2]);
    out[n++] = F1(41, m1->suf[2]);
    return n;
}

size_t nf__dyn_feats(const nf_tok *const win[5], int p1, int p2, uint32_t *out)
{
    const nf_tok *c = win[2], *nx = win[3] ? win[3] : &EOS;
    uint32_t a = (uint32_t)(p1 + 1), b = (uint32_t)(p2 + 1);
    size_t n = 0;
    out[n++] = F1(101, a);
    out[n++] = F2(102, b, a);
    out[n++] = F2(103, a, c->norm);
    out[n++] = F2(104, a, c->sshape);
    out[n++] = F3(105, a, c->sshape, nx->sshape);
    return n;
}

size_t nf__role_feats(int role, const nf_tok *t, uint32_t *out)
{
    size_t n = 0;
    switch (role) {
        case NF_R_C:
            out[n++] = F1(1, 0);
            out[n++] = F1(2, t->norm);
            out[n++] = F1(3, t->exact);
            out[n++] = F1(4, t->lshape);
            out[n++] = F1(5, t->sshape);
            for (uint32_t k = 0; k < 4; k++) {
                if (t->pre[k])
                    out[n++] = F1(6 + k, t->pre[k]);
                if (t->suf[k])
                    out[n++] = F1(10 + k, t->suf[k]);
            }
            for (uint32_t b = 0; b < 12; b++)
                if (t->flags & (1u << b))
                    out[n++] = F1(14, b);
            break;
        case NF_R_M1:
            t = t ? t : &BOS;
            out[n++] = F1(15, t->norm);
            out[n++] = F1(19, t->sshape);
            out[n++] = F1(41, t->suf[2]);
            break;
        case NF_R_M2:
            t = t ? t : &BOS;
            out[n++] = F1(16, t->norm);
            out[n++] = F1(20, t->sshape);
            break;
        case NF_R_P1:
            t = t ? t : &EOS;
            out[n++] = F1(17, t->norm);
            out[n++] = F1(21, t->sshape);
            out[n++] = F1(40, t->suf[2]);
            break;
        case NF_R_P2:
            t = t ? t : &EOS;
            out[n++] = F1(18, t->norm);
            out[n++] = F1(22, t->sshape);
            break;
    }
    return n;
}

/* The first steps (F2a) of the templates 103 .. 105, which read the previous tag p1 first. */
static void tag_first(int p1, uint32_t h[3])
{
    uint32_t a = (uint32_t)(p1 + 1);
    h[0] = F2a(103, a), h[1] = F2a(104, a), h[2] = F2a(105, a);
}

/* nf__ctx_feats with the previous tag's first steps given (tag_first) */
NF_INLINE size_t ctx_feats(const nf_tok *const win[5], size_t i, uint32_t sflags, const uint32_t tagh[3], uint32_t *out)
{
    const nf_tok *m1 = win[1] ? win[1] : &BOS, *c = win[2], *nx = win[3] ? win[3] : &EOS;
    size_t n = 0;
    out[n++] = F2(23, m1->norm, c->norm);
    out[n++] = F2(24, c->norm, nx->norm);
    out[n++] = F2(25, m1->sshape, c->sshape);
    out[n++] = F2(26, c->sshape, nx->sshape);
    out[n++] = F3(27, m1->sshape, c->sshape, nx->sshape);
    if (i == 0) {
        out[n++] = F1(28, 0);
        out[n++] = F1(29, c->flags & NF_TF_INITCAP);
        out[n++] = F1(30, c->norm);
    }
    if (sflags & NF_SF_ALLCAPS) {
        out[n++] = F1(31, c->norm);
        out[n++] = F1(32, 0);
        out[n++] = F1(33, c->lshape);
    }
    out[n++] = F2b(tagh[0], c->norm);                    /* F2(103, a, c->norm) */
    out[n++] = F2b(tagh[1], c->sshape);                  /* F2(104, a, c->sshape) */
    out[n++] = F3c(F2b(tagh[2], c->sshape), nx->sshape); /* F3(105, a, c->sshape, nx->sshape) */
    return n;
}

size_t nf__ctx_feats(const nf_tok *const win[5], size_t i, uint32_t sflags, int p1, uint32_t *out)
{
    uint32_t tagh[3];
    tag_first(p1, tagh);
    return ctx_feats(win, i, sflags, tagh, out);
}

size_t nf__hist_feats(int p1, int p2, uint32_t *out)
{
    uint32_t a = (uint32_t)(p1 + 1), b = (uint32_t)(p2 + 1);
    out[0] = F1(101, a);
    out[1] = F2(102, b, a);
    return 2;
}

int nf__allowed(int prev, int tag)
{
    if (tag == NF_TAG_O || (tag & 1))
        return 1; /* O and B-X always allowed */
    return prev == tag || prev == tag - 1;
}

/* ---------------------------------------------------------------- model */

/* One open-addressing table: each slot holds a feature key and its weights, so a lookup
 * touches one cache line, or two.  Feature keys are already uniform 32-bit hashes, so a key's
 * home slot is key * nhome / 2^32 (nhome = 2 x the features: a found key is 1.5 slots from
 * its home on average, 3 at 1.25 x, and the shorter runs cost fewer instructions and cache
 * misses than the larger table adds): the model's keys come in ascending order, hence in
 * home order, and the loader lays the table out in one sequential pass (no sort, no random writes: start-up
 * is bound by memory access on loaded machines).  Within a run of occupied slots the keys
 * ascend, so a miss stops at the first larger key.  The table has a tail of spare slots
 * instead of wrapping around. */
typedef struct {
    uint32_t key; /* 0 = empty */
    int16_t w[NF_NTAGS];
    int16_t pad;
} nf_slot;

#define NF_TAB_SPARE 4096u /* slots past the last home slot */

/* In front of the table, a filter of the model's keys that stays in cache (1 to 2 bytes
 * a feature): a good third of the look-ups are of features the model lacks, and most of them
 * end here instead of reading the large table.  A blocked Bloom filter: a key's 64-bit word
 * and its two bits in it come from the key's own bits (keys are uniform hashes).  It has no
 * false negatives (every model key's bits are set at load), so look-ups find what they
 * found without it. */

struct nf_tagger {
    uint32_t nhome;  /* home slots: home = key * nhome >> 32 */
    uint32_t nslots; /* nhome + NF_TAB_SPARE */
    nf_slot *tab;    /* [nslots] */
    size_t tabbytes; /* bytes of tab */
    uint64_t *filt;  /* [1 << fbits]: a key's word is filt[key >> (32 - fbits)] */
    unsigned fbits;  /* >= 1 */
    uint32_t nfeat;
    /* weight sums fixed by the model alone (see nf__role_feats, nf__hist_feats):
     * edge[r]: role r's features of the BOS / EOS sentinel (r != NF_R_C);
     * hist[p1 + 1][p2 + 1]: templates 101 and 102 for the previous two tags */
    int32_t edge[NF_NROLES][NF_NTAGS];
    int32_t hist[NF_NTAGS + 1][NF_NTAGS + 1][NF_NTAGS];
    uint32_t tagh[NF_NTAGS + 1][3]; /* tag_first(p1) at [p1 + 1] (not of the model) */
};

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline int rdvar(const unsigned char *p, size_t len, size_t *pos, uint32_t *v)
{
    if (*pos < len && p[*pos] < 0x80) { /* one byte: most tag masks and many weights */
        *v = p[(*pos)++];
        return 1;
    }
    uint64_t x = 0;
    for (int k = 0; k < 5; k++) {
        if (*pos >= len)
            return 0;
        unsigned char c = p[(*pos)++];
        x |= (uint64_t)(c & 0x7f) << (7 * k);
        if (!(c & 0x80)) {
            if (x > 0xffffffffu)
                return 0;
            *v = (uint32_t)x;
            return 1;
        }
    }
    return 0;
}

static uint64_t *filt_word(const nf_tagger *t, uint32_t key)
{
    return &t->filt[key >> (32 - t->fbits)];
}

static uint64_t filt_bits(uint32_t key) { return 1ull << (key & 63) | 1ull << (key >> 6 & 63); }

/* 1 if key may be in the model (0: it is not) */
static int filt_may(const nf_tagger *t, uint32_t key)
{
    return (*filt_word(t, key) & filt_bits(key)) == filt_bits(key);
}

static const int16_t *lookup_at(const nf_tagger *t, uint32_t key, uint32_t h)
{
    for (;;) {
        uint32_t k = t->tab[h].key;
        if (k == key)
            return t->tab[h].w;
        if (k == 0 || k > key)
            return NULL;
        h++;
    }
}

typedef int16_t v8h __attribute__((vector_size(16)));
typedef int32_t v8i __attribute__((vector_size(32)));

/* Adds to sum[t] the weights for tag t of the n features keys[] (features the model lacks
 * add 0).  The home slots of the keys that pass the filter are prefetched first: the table
 * is large. */
static void sum_feats(const nf_tagger *t, const uint32_t *keys, size_t n, int32_t sum[NF_NTAGS])
{
    uint32_t key[NF_MAX_ROLE > NF_MAX_CTX ? NF_MAX_ROLE : NF_MAX_CTX];
    uint32_t slot[NF_MAX_ROLE > NF_MAX_CTX ? NF_MAX_ROLE : NF_MAX_CTX];
    size_t m = 0; /* the keys that pass the filter */
    for (size_t k = 0; k < n; k++)
        if (filt_may(t, keys[k])) {
            key[m] = keys[k];
            slot[m] = (uint32_t)(((uint64_t)keys[k] * t->nhome) >> 32);
            __builtin_prefetch(&t->tab[slot[m]]);
            m++;
        }
    /* tags 1..8 summed eight at a time (GCC vector extension), tag O alone */
    v8i acc;
    memcpy(&acc, sum + 1, sizeof acc);
    int32_t s0 = sum[0];
    for (size_t k = 0; k < m; k++) {
        const int16_t *w = lookup_at(t, key[k], slot[k]);
        if (w) {
            v8h v;
            memcpy(&v, w + 1, sizeof v);
            acc += __builtin_convertvector(v, v8i);
            s0 += w[0];
        }
    }
    memcpy(sum + 1, &acc, sizeof acc);
    sum[0] = s0;
}

/* Large zeroed blocks (the weight table, a word cache), 2 MB-aligned and on transparent
 * huge pages where the system has them: their look-ups land anywhere in megabytes, and with
 * 4 KB pages most of them also miss the TLB (the table alone is 1,600 such pages).  populate:
 * touch every page now (one page fault per page is costly on virtual machines). */
#define NF_HUGE ((size_t)2 << 20)

static size_t big_len(size_t bytes) { return (bytes + NF_HUGE - 1) & ~(NF_HUGE - 1); }

static void *big_alloc(size_t bytes, int populate)
{
#ifdef MAP_ANONYMOUS
    size_t len = big_len(bytes);
    unsigned char *p = mmap(NULL, len + NF_HUGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    unsigned char *a = (unsigned char *)(((uintptr_t)p + NF_HUGE - 1) & ~(uintptr_t)(NF_HUGE - 1));
    if (a > p)
        munmap(p, (size_t)(a - p));
    if (a + len < p + len + NF_HUGE)
        munmap(a + len, (size_t)(p + len + NF_HUGE - (a + len)));
#ifdef MADV_HUGEPAGE
    madvise(a, len, MADV_HUGEPAGE);
#endif
    if (populate)
        for (size_t off = 0; off < len; off += 4096)
            a[off] = 0;
    return a;
#else
    (void)populate;
    void *p = aligned_alloc(64, (bytes + 63) & ~(size_t)63);
    if (p)
        memset(p, 0, bytes);
    return p;
#endif
}

static void big_free(void *p, size_t bytes)
{
    if (!p)
        return;
#ifdef MAP_ANONYMOUS
    munmap(p, big_len(bytes));
#else
    free(p);
#endif
}

void nf_tagger_free(nf_tagger *t)
{
    if (!t)
        return;
    big_free(t->tab, t->tabbytes);
    free(t->filt);
    free(t);
}

nf_tagger *nf_tagger_load(const unsigned char *m, size_t len)
{
    if (!m || len < 32 || memcmp(m, NF_TAGGER_MAGIC, 8) != 0)
        return NULL;
    if (rd32(m + 8) != NF_TAGGER_VERSION || rd32(m + 12) != NF_NTAGS || rd32(m + 20) != NF_TAGGER_FEATSET)
        return NULL;
    uint32_t nfeat = rd32(m + 16);
    uint32_t plen = rd32(m + 24);
    if (nfeat == 0 || nfeat > NF_TAGGER_MAX_FEATS || (size_t)plen != len - 32 || plen / 3 < nfeat)
        return NULL;
    if (nf__fnv1a(m, len - 4) != rd32(m + len - 4))
        return NULL;

    nf_tagger *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->nhome = 2 * nfeat;
    t->nslots = t->nhome + NF_TAB_SPARE;
    t->nfeat = nfeat;
    t->tabbytes = (size_t)t->nslots * sizeof *t->tab;
    t->tab = big_alloc(t->tabbytes, 1);
    if (!t->tab)
        goto bad;
    t->fbits = 1;
    while (t->fbits < 26 && ((size_t)64 << t->fbits) < (size_t)nfeat * 8) /* >= 8 bits a key */
        t->fbits++;
    t->filt = calloc((size_t)1 << t->fbits, sizeof *t->filt);
    if (!t->filt)
        goto bad;

    const unsigned char *p = m + 28;
    size_t pos = 0;
    uint32_t key = 0, next = 0;
    for (uint32_t f = 0; f < nfeat; f++) {
        uint32_t d, mask;
        if (!rdvar(p, plen, &pos, &d) || !rdvar(p, plen, &pos, &mask))
            goto bad;
        if (f == 0) {
            if (d == 0)
                goto bad;
            key = d;
        } else {
            if (d == 0 || d > 0xffffffffu - key)
                goto bad;
            key += d;
        }
        if (mask == 0 || mask >= (1u << NF_NTAGS))
            goto bad;
        uint32_t h = (uint32_t)(((uint64_t)key * t->nhome) >> 32);
        if (h < next)
            h = next;
        if (h >= t->nslots - 1) /* keep the last slot empty */
            goto bad;
        next = h + 1;
        nf_slot *sl = &t->tab[h];
        sl->key = key;
        *filt_word(t, key) |= filt_bits(key);
        for (uint32_t bits = mask; bits; bits &= bits - 1) { /* the set bits, ascending */
            int tg = __builtin_ctz(bits);
            uint32_t z;
            if (!rdvar(p, plen, &pos, &z) || z == 0 || z > 65534u)
                goto bad;
            int32_t v = (z & 1) ? -(int32_t)((z + 1) >> 1) : (int32_t)(z >> 1);
            sl->w[tg] = (int16_t)v;
        }
    }
    if (pos != plen)
        goto bad;
    uint32_t f[NF_MAX_ROLE];
    for (int r = NF_R_M1; r < NF_NROLES; r++)
        sum_feats(t, f, nf__role_feats(r, NULL, f), t->edge[r]);
    for (int a = -1; a < NF_NTAGS; a++)
        for (int b = -1; b < NF_NTAGS; b++)
            sum_feats(t, f, nf__hist_feats(a, b, f), t->hist[a + 1][b + 1]);
    for (int a = -1; a < NF_NTAGS; a++)
        tag_first(a, t->tagh[a + 1]);
    return t;
bad:
    nf_tagger_free(t);
    return NULL;
}

const int16_t *nf__lookup(const nf_tagger *t, uint32_t key)
{
    if (!t || !key || !filt_may(t, key))
        return NULL;
    return lookup_at(t, key, (uint32_t)(((uint64_t)key * t->nhome) >> 32));
}

/* Upper-case letter anywhere and not a closed-class word: the token may be scored (see
 * nf__skip). */
static int maybe_name(const char *w, size_t n)
{
    if (n >= 4) {
        /* the word's bytes as two overlapping 4- or 8-byte loads (they hold every byte);
         * in ASCII (no byte >= 0x80), a capital is a byte >= 'A' and not >= 'Z' + 1: the
         * high bits of x + (0x80 - 'A') and of x + (0x80 - 'Z' - 1) say so, byte by byte
         * (no carry from one byte into the next below 0x80) */
        uint64_t x, y;
        if (n >= 8) {
            memcpy(&x, w, 8);
            memcpy(&y, w + n - 8, 8);
        } else {
            uint32_t a, b;
            memcpy(&a, w, 4);
            memcpy(&b, w + n - 4, 4);
            x = a, y = b;
        }
        const uint64_t ones = 0x0101010101010101ull, high = 0x80 * ones;
        if (!((x | y) & high)) {
            uint64_t cap = ((x + (0x80 - 'A') * ones) & ~(x + (0x80 - 'Z' - 1) * ones)) |
                           ((y + (0x80 - 'A') * ones) & ~(y + (0x80 - 'Z' - 1) * ones));
            if (!(cap & high))
                return 0;
            return !nf__closed(w, n);
        }
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 'A' && c <= 'Z')
            return !nf__closed(w, n);
        if (c == 0xC3 && i + 1 < n && (unsigned char)w[i + 1] >= 0x80 && (unsigned char)w[i + 1] <= 0x9E &&
            (unsigned char)w[i + 1] != 0x97)
            return !nf__closed(w, n); /* Latin-1 capitals, as nf__tok_info counts them */
    }
    return 0;
}

/* ------------------------------------------------------------ tagging */

/* What the tagger needs of one word, whatever its neighbours: its nf_tok and, per role
 * (NF_R_*), the summed weights of the word's features in that role (nf__role_feats).  A
 * function of the word's bytes (and the model) only.  The sums are computed when first
 * needed (a word seen only beside names never needs its centre sums): bit r of roles says
 * w[r] is. */
typedef struct {
    nf_tok tok;
    uint32_t roles;
    int32_t w[NF_NROLES][NF_NTAGS];
} word_info;

/* The cache: WC_SETS sets of two entries (the word's hash picks the set; a miss replaces
 * the entry of the set used less recently).  An entry is used only when its stored word
 * equals the word: a hash alone is never trusted.  Longer words are not cached.  The two
 * words of a set are kept together in one cache line (wc_keys), apart from the entries'
 * infos (wc_entry): a look-up reads one line to find the word's entry, or that the set
 * lacks it, and then only the parts of the info it needs. */
#define WC_SETS 8192u /* a power of two: 4 MB of entries, 512 KB of keys */
#define WC_MAXLEN 16u

/* A word of 1..WC_MAXLEN bytes as two 8-byte values that together hold every byte of it
 * (the bytes at [0, 8) and [len - 8, len) when len >= 8, [0, 4) and [len - 4, len) when
 * len >= 4, else the bytes at 0, len / 2 and len - 1): two words of one length are equal
 * exactly when their values are. */
typedef struct {
    uint64_t v[2];
} wc_word;

static void wc_word_of(const char *w, size_t len, wc_word *out)
{
    if (len >= 8) {
        memcpy(&out->v[0], w, 8);
        memcpy(&out->v[1], w + len - 8, 8);
    } else if (len >= 4) {
        uint32_t a, b;
        memcpy(&a, w, 4);
        memcpy(&b, w + len - 4, 4);
        out->v[0] = a, out->v[1] = b;
    } else {
        const unsigned char *u = (const unsigned char *)w;
        out->v[0] = u[0] | (uint64_t)u[len / 2] << 8 | (uint64_t)u[len - 1] << 16;
        out->v[1] = 0;
    }
}

typedef struct {
    wc_word word[2]; /* the entries' words */
    uint8_t len[2];  /* their lengths in bytes; 0 = empty */
    uint8_t mru;     /* the entry used last (0 or 1) */
    uint8_t pad[64 - 2 * sizeof(wc_word) - 3];
} wc_keys; /* 64 bytes */

typedef struct {
    _Alignas(64) word_info info;
} wc_entry; /* 256 bytes */

struct nf_tagger_cache {
    const nf_tagger *t; /* the model the entries' sums are of */
    wc_keys *k;         /* [WC_SETS] */
    wc_entry *e;        /* [2 * WC_SETS]: set s is e[2s], e[2s + 1] */
};

nf_tagger_cache *nf_tagger_cache_new(void)
{
    nf_tagger_cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    /* on cache-line boundaries (calloc's large blocks start 16 bytes past one) */
    c->k = big_alloc(WC_SETS * sizeof *c->k, 0);
    c->e = big_alloc(2 * WC_SETS * sizeof *c->e, 0);
    if (!c->k || !c->e) {
        nf_tagger_cache_free(c);
        return NULL;
    }
    return c;
}

void nf_tagger_cache_free(nf_tagger_cache *c)
{
    if (!c)
        return;
    big_free(c->k, WC_SETS * sizeof *c->k);
    big_free(c->e, 2 * WC_SETS * sizeof *c->e);
    free(c);
}

static void cache_clear(nf_tagger_cache *c) { memset(c->k, 0, WC_SETS * sizeof *c->k); }

/* A token of the window: its word's info, in the cache entry that holds the word (src), or
 * in own when the word is not cached.  An entry that a ring token points at is never
 * replaced (see ring_put), so the info stays the word's while the token is in the
 * ring, and the role sums computed later go straight into the cache. */
typedef struct {
    word_info *info; /* &src->info or &own */
    wc_entry *src;   /* NULL: not cached */
    word_info own;
} win_tok;

/* The tokens around the current one: token j in ring[j & 7] when have[j & 7] == j + 1. */
typedef struct {
    win_tok tok[8];
    size_t have[8];
} win_ring;

/* 1 if a token of the ring points at entry e */
static int entry_pinned(const win_ring *ring, const wc_entry *e)
{
    for (int x = 0; x < 8; x++)
        if (ring->have[x] && ring->tok[x].src == e)
            return 1;
    return 0;
}

/* The cache set of a word, -1 when it is not cached (no cache, too long), and the word's
 * wc_word in *wd.  The set's line of keys and the first lines of its entries are
 * prefetched: the cache is large. */
static long wc_set(const nf_tagger_cache *c, const char *w, size_t len, wc_word *wd)
{
    if (!c || len == 0 || len > WC_MAXLEN)
        return -1;
    wc_word_of(w, len, wd);
    uint64_t h = (wd->v[0] * 0x9e3779b97f4a7c15ull) ^ (wd->v[1] * 0xc2b2ae3d27d4eb4full) ^ len;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    size_t s = (size_t)(h >> 40) & (WC_SETS - 1);
    __builtin_prefetch(&c->k[s]);
    __builtin_prefetch(&c->e[2 * s]);
    __builtin_prefetch(&c->e[2 * s + 1]);
    return (long)s;
}

/* Puts token j (word w, len bytes; s, wd: wc_set of it) into the ring: its info from the
 * cache when the cache holds the word, else its nf_tok alone, cached in the set's entry used
 * less recently (or in the other one when a ring token points at it; in neither when ring
 * tokens point at both). */
static void ring_put(nf_tagger_cache *c, long s, const wc_word *wd, const char *w, size_t len, win_ring *ring,
                     size_t j)
{
    win_tok *out = &ring->tok[j & 7];
    ring->have[j & 7] = 0; /* the token leaving the slot pins nothing */
    out->src = NULL;
    if (s >= 0) {
        wc_keys *ks = &c->k[s];
        wc_entry *set = &c->e[2 * s];
        for (int k = 0; k < 2; k++)
            if (ks->len[k] == len && ks->word[k].v[0] == wd->v[0] && ks->word[k].v[1] == wd->v[1]) {
                ks->mru = (uint8_t)k;
                out->src = &set[k];
                /* the rest of the info: the token's role sums in the windows of the tokens
                 * around it (wc_set prefetched the first line) */
                for (size_t off = 64; off < sizeof set[k]; off += 64)
                    __builtin_prefetch((const char *)&set[k] + off);
            }
        if (!out->src) {
            int k = !ks->mru;
            if (entry_pinned(ring, &set[k]))
                k = !k;
            if (!entry_pinned(ring, &set[k])) {
                out->src = &set[k];
                ks->mru = (uint8_t)k;
                ks->len[k] = (uint8_t)len;
                ks->word[k] = *wd;
                nf__tok_info(w, len, &out->src->info.tok);
                out->src->info.roles = 0;
            }
        }
    }
    if (out->src) {
        out->info = &out->src->info;
    } else {
        out->info = &out->own;
        nf__tok_info(w, len, &out->own.tok);
        out->own.roles = 0;
    }
    ring->have[j & 7] = j + 1;
}

/* The token's sums for role r. */
static const int32_t *role_sums(const nf_tagger *t, win_tok *wt, int r)
{
    word_info *in = wt->info;
    if (!(in->roles & (1u << r))) {
        uint32_t f[NF_MAX_ROLE];
        memset(in->w[r], 0, sizeof in->w[r]);
        sum_feats(t, f, nf__role_feats(r, &in->tok, f), in->w[r]);
        in->roles |= 1u << r;
    }
    return in->w[r];
}

/* sum[0..NF_NTAGS) += add[0..NF_NTAGS) */
static void add_sums(int32_t *sum, const int32_t *add)
{
    v8i a, b;
    memcpy(&a, sum + 1, sizeof a);
    memcpy(&b, add + 1, sizeof b);
    a += b;
    memcpy(sum + 1, &a, sizeof a);
    sum[0] += add[0];
}

void nf_tagger_tag(const nf_tagger *t, const char *const *words, const size_t *lens, size_t n, uint8_t *tags)
{
    nf_tagger_tag_cached(t, NULL, words, lens, n, tags);
}

/* The score of tag g at token i is the sum of the weights for g of nf__static_feats and
 * nf__dyn_feats; here, the same sum regrouped: the five window words' role sums (word_info,
 * or the model's edge sums outside the sentence), the model's sums for the previous two
 * tags, and the nf__ctx_feats looked up one by one. */
void nf_tagger_tag_cached(const nf_tagger *t, nf_tagger_cache *c, const char *const *words, const size_t *lens,
                          size_t n, uint8_t *tags)
{
    if (n == 0)
        return;
    if (!t) {
        memset(tags, NF_TAG_O, n);
        return;
    }
    if (c && c->t != t) {
        if (c->t) /* entries of another model (a new cache is empty) */
            cache_clear(c);
        c->t = t;
    }
    static const int role_at[5] = {NF_R_M2, NF_R_M1, NF_R_C, NF_R_P1, NF_R_P2}; /* window position -> role */
    uint32_t sflags = nf__sent_flags(words, lens, n);
    win_ring ring; /* tokens i-2 .. i+2 */
    memset(ring.have, 0, sizeof ring.have);
    uint32_t feats[NF_MAX_CTX];
    int p1 = -1, p2 = -1;
    size_t hi = 0; /* the tokens below are or were in the ring */
    for (size_t i = 0; i < n; i++) {
        if (p1 <= 0 && !maybe_name(words[i], lens[i])) {
            tags[i] = NF_TAG_O;
            p2 = p1;
            p1 = NF_TAG_O;
            continue;
        }
        /* the window's words not yet in the ring, tokens from .. end - 1 (the ring holds the
         * tokens i - 2 .. hi - 1 of the windows before: a window's tokens are never more
         * than five, the ring's eight): their cache sets are read together */
        size_t lo = i >= 2 ? i - 2 : 0, end = i + 3 < n ? i + 3 : n, from = hi > lo ? hi : lo;
        long set[5];
        wc_word wd[5];
        for (size_t j = from; j < end; j++)
            set[j - from] = wc_set(c, words[j], lens[j], &wd[j - from]);
        for (size_t j = from; j < end; j++)
            ring_put(c, set[j - from], &wd[j - from], words[j], lens[j], &ring, j);
        if (end > hi)
            hi = end;
        const nf_tok *win[5];
        for (size_t k = 0; k < 5; k++) {
            size_t pos = i + k; /* position + 2 */
            win[k] = (pos < 2 || pos - 2 >= n) ? NULL : &ring.tok[(pos - 2) & 7].info->tok;
        }
        /* the window's features first, their filter words prefetched: they are read while
         * the role sums are added */
        size_t nfeat = ctx_feats(win, i, sflags, t->tagh[p1 + 1], feats);
        for (size_t k = 0; k < nfeat; k++)
            __builtin_prefetch(filt_word(t, feats[k]));
        int32_t sc[NF_NTAGS];
        memcpy(sc, t->hist[p1 + 1][p2 + 1], sizeof sc);
        for (size_t k = 0; k < 5; k++) {
            size_t pos = i + k; /* position + 2 */
            if (!win[k])
                add_sums(sc, t->edge[role_at[k]]);
            else
                add_sums(sc, role_sums(t, &ring.tok[(pos - 2) & 7], role_at[k]));
        }
        sum_feats(t, feats, nfeat, sc);
        /* the first best tag of those that may follow p1: O, the B-X, and the I-X of p1's X */
        int best = NF_TAG_O, cont = p1 > 0 ? (p1 + 1) & ~1 : 0; /* I-X after B-X or I-X */
        for (int tg = 1; tg < NF_NTAGS; tg++)
            if (((tg & 1) || tg == cont) && sc[tg] > sc[best])
                best = tg;
        tags[i] = (uint8_t)best;
        p2 = p1;
        p1 = best;
    }
}

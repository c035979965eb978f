/* sentences.c — tokens and sentences.
 *
 * One pass over each paragraph of nf_doc.text: tokens (words, numbers, punctuation, quote
 * marks, possessive clitics), then sentence boundaries at . ! ? … (with any closing quotes
 * and brackets after them) when the next word does not continue the sentence.
 * Abbreviations (data/abbrev.txt) and initials keep their period inside the word token.
 * A sentence never crosses a paragraph. Double quotes are tracked across sentences and
 * paragraphs: a sentence that starts inside a quote opened earlier gets in_quote. */
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "nf.h"

enum { AB_TITLE = 1, AB_END = 2, AB_MAYBE = 3 };

typedef struct {
    nf_map *abbrev;   /* abbreviation without its final period -> AB_* */
    nf_map *starter;  /* lower-case sentence openers */
    nf_map *tz;       /* time zones */
    size_t abbrev_max; /* the longest abbreviation's length */
} sent_engine;

#define MAX_SENT_TOKENS 600

static int load_list(const nf_engine *e, const char *name, nf_map *m, int classes, size_t *maxlen)
{
    size_t len = 0;
    const char *txt = nf_data_get(e, name, &len);
    if (!txt)
        return 0;
    nf_lines it;
    nf_lines_init(&it, txt, len);
    char *f[3];
    int n;
    while ((n = nf_lines_next(&it, f, 3)) >= 0) {
        if (n < 1 || !f[0][0])
            continue;
        intptr_t v = 1;
        if (classes && n >= 2) {
            if (!strcmp(f[1], "title"))
                v = AB_TITLE;
            else if (!strcmp(f[1], "end"))
                v = AB_END;
            else
                v = AB_MAYBE;
        }
        size_t klen = strlen(f[0]);
        nf_map_put(m, f[0], klen, (void *)v);
        if (klen > *maxlen)
            *maxlen = klen;
    }
    nf_lines_free(&it);
    return 0;
}

int nf_sentences_init(nf_engine *e, char *err, size_t errlen)
{
    NF_UNUSED(err); NF_UNUSED(errlen);
    sent_engine *se = calloc(1, sizeof *se);
    if (!se) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    se->abbrev = nf_map_new();
    se->starter = nf_map_new();
    size_t unused = 0;
    load_list(e, "abbrev.txt", se->abbrev, 1, &se->abbrev_max);
    se->tz = nf_map_new();
    load_list(e, "sentstart.txt", se->starter, 0, &unused);
    load_list(e, "timezones.txt", se->tz, 0, &unused);
    e->sents = se;
    return 0;
}

void nf_sentences_fini(nf_engine *e)
{
    sent_engine *se = e->sents;
    if (!se)
        return;
    nf_map_free(se->abbrev);
    nf_map_free(se->starter);
    nf_map_free(se->tz);
    free(se);
    e->sents = NULL;
}

/* ---- character classes ---- */

/* Classes of ASCII bytes, looked up in the tokenizer's inner loops (a byte of 0x80 or more
 * is in none: the code point decides). */
/* B_WEND: an ASCII byte that ends a word with nothing more to look at (not a letter,
 * digit, dot, hyphen, ampersand or apostrophe). B_MARK: an ASCII byte that is a token of
 * its own, whatever comes before or after it (tok_step's last case: no space, letter,
 * digit, quote mark or apostrophe, nor a mark that runs). B_RUN: a mark whose run is one
 * token (. - * = _ ! ?; tok_step's case before the last). */
enum { B_ALNUM = 1, B_UPPER = 2, B_LOWER = 4, B_SPACE = 8, B_WEND = 16, B_MARK = 32, B_RUN = 64 };
#define BCL(c)                                                                                  \
    (((c) >= 'A' && (c) <= 'Z') ? B_ALNUM | B_UPPER                                             \
     : ((c) >= 'a' && (c) <= 'z') ? B_ALNUM | B_LOWER                                           \
     : ((c) >= '0' && (c) <= '9') ? B_ALNUM                                                     \
     : ((c) == ' ' || ((c) >= '\t' && (c) <= '\r')) ? B_SPACE | B_WEND                         \
     : ((c) == '.' || (c) == '-') ? B_RUN                                                       \
     : ((c) == '\'') ? 0                                                                        \
     : ((c) == '&') ? B_MARK                                                                    \
     : ((c) == '*' || (c) == '=' || (c) == '_' || (c) == '!' || (c) == '?') ? B_WEND | B_RUN    \
     : ((c) == '"' || (c) == '`') ? B_WEND                                                      \
                                  : B_WEND | B_MARK)
#define BCL4(c) BCL(c), BCL(c + 1), BCL(c + 2), BCL(c + 3)
#define BCL16(c) BCL4(c), BCL4(c + 4), BCL4(c + 8), BCL4(c + 12)
#define BCL64(c) BCL16(c), BCL16(c + 16), BCL16(c + 32), BCL16(c + 48)
static const uint8_t bcl[256] = {BCL64(0), BCL64(64)}; /* the rest: 0 */
#undef BCL64
#undef BCL16
#undef BCL4
#undef BCL

/* The end of the run of ASCII letters and digits at q (bcl's B_ALNUM), not past qe. Eight
 * bytes at a time where eight are left: per byte, on y = the byte's low 7 bits, y + 0x50
 * has its top bit set when y >= '0', y + 0x46 when y > '9'; z = y | 0x20 folds upper case
 * to lower case (and only A-Z to a-z), z + 0x1F has its top bit set when z >= 'a', z + 0x05
 * when z > 'z'. No sum leaves its byte (y, z <= 0x7F), so each test is exact per byte; a
 * byte with its own top bit set (not ASCII) is no letter or digit. The run ends at the
 * lowest byte that is neither (little-endian: the lowest set bit). One loop exit a word
 * instead of one test a byte: the exit of a byte loop is a branch mispredicted per word. */
static inline const unsigned char *alnum_end(const unsigned char *q, const unsigned char *qe)
{
#ifdef __SSE2__
    /* sixteen bytes at a time where sixteen are left: as signed bytes, one of 0x80 or more
     * is below zero, so in neither range; x | 0x20 maps A-Z (and only A-Z) to a-z */
    while (qe - q >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)q);
        __m128i z = _mm_or_si128(x, _mm_set1_epi8(0x20));
        __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(z, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(z, _mm_set1_epi8('z' + 1)));
        __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
        unsigned stop = (unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digit)) ^ 0xFFFFu;
        if (stop)
            return q + __builtin_ctz(stop);
        q += 16;
    }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ULL, top = 0x8080808080808080ULL;
    while (qe - q >= 8) {
        uint64_t x;
        memcpy(&x, q, 8);
        uint64_t y = x & ~top, z = y | ones * 0x20;
        uint64_t digit = (y + ones * 0x50) & ~(y + ones * 0x46);
        uint64_t letter = (z + ones * 0x1F) & ~(z + ones * 0x05);
        uint64_t stop = ~((digit | letter) & ~x) & top;
        if (stop)
            return q + (__builtin_ctzll(stop) >> 3);
        q += 8;
    }
#endif
    while (q < qe && (bcl[*q] & B_ALNUM))
        q++;
    return q;
}

static uint32_t cp_at(const char *t, uint32_t i, uint32_t end, int *len)
{
    unsigned char c = (unsigned char)t[i];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    uint32_t cp;
    *len = nf_utf8_decode((const unsigned char *)t + i, end - i, &cp);
    return cp;
}

static inline int cp_space(uint32_t c)
{
    if (c < 0x80)
        return bcl[c] & B_SPACE;
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
           c == 0xA0 || (c >= 0x2000 && c <= 0x200D) || c == 0x202F || c == 0x205F ||
           c == 0x3000 || c == 0xFEFF || c == 0x2028 || c == 0x2029 || c == 0x00AD;
}

static int cp_digit(uint32_t c) { return c >= '0' && c <= '9'; }

static inline int cp_letter(uint32_t c)
{
    if (c < 0x80)
        return bcl[c] & (B_UPPER | B_LOWER);
    if (c < 0xC0)
        return c == 0xAA || c == 0xB5 || c == 0xBA;
    if (c == 0xD7 || c == 0xF7)
        return 0;
    if (c >= 0x2000 && c <= 0x2BFF) /* punctuation, symbols, arrows, currency... */
        return 0;
    if (c >= 0x3000 && c <= 0x303F)
        return 0;
    if (c >= 0xFE30 && c <= 0xFE6F)
        return 0;
    if (c >= 0xFF00 && c <= 0xFF0F)
        return 0;
    if (c == 0xFFFD || c == 0xFEFF)
        return 0;
    return 1;
}

static inline int cp_upper(uint32_t c)
{
    if (c < 0x80)
        return bcl[c] & B_UPPER;
    return (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
           (c >= 0x391 && c <= 0x3A9) || (c >= 0x400 && c <= 0x42F) ||
           (c >= 0x100 && c <= 0x17F && !(c & 1) && c != 0x138);
}

static int cp_lower(uint32_t c)
{
    return cp_letter(c) && !cp_upper(c);
}

static int is_apos(uint32_t c) { return c == '\'' || c == 0x2019; }

/* ---- tokenizer ---- */

typedef struct {
    nf_ana *a;
    const sent_engine *se;
    const char *t;
    int dq_open;    /* inside a double quote */
    int sq_open;    /* inside a single quote */
    /* The paragraph's tokens that split looks at (marks, words with their period), by
     * index: every other token only counts towards MAX_SENT_TOKENS. */
    uint32_t *cand;
    size_t ncand, capcand;
    int general;    /* for the tests: every token by tok_step, every token a candidate */
} tk_state;

static inline void push_cand(tk_state *st, size_t k)
{
    if (st->ncand == st->capcand)
        nf_grow((void **)&st->cand, &st->capcand, st->ncand + 1, sizeof *st->cand);
    st->cand[st->ncand++] = (uint32_t)k;
}

static void push_tok(tk_state *st, uint32_t s, uint32_t e, uint16_t fl)
{
    nf_ana *a = st->a;
    if (a->ntok == a->captok) /* (NF_PUSH, with its test inline) */
        nf_grow((void **)&a->tok, &a->captok, a->ntok + 1, sizeof *a->tok);
    if ((fl & (NF_T_PUNCT | NF_T_DOT)) || st->general)
        push_cand(st, a->ntok);
    nf_tok *k = &a->tok[a->ntok++];
    k->start = s;
    k->end = e;
    k->flags = fl;
}

/* Abbreviation class of word t[s..e) (without final period), 0 if none. */
static int abbrev_class(const sent_engine *se, const char *t, uint32_t s, uint32_t e)
{
    size_t n = e - s;
    if (!n || n > 24 || n > se->abbrev_max) /* (most words before a period are longer) */
        return 0;
    void *v = nf_map_get(se->abbrev, t + s, n);
    if (v)
        return (int)(intptr_t)v;
    char low[32];
    nf_lower(t + s, n, low);
    if (memcmp(low, t + s, n)) {
        v = nf_map_get(se->abbrev, low, n);
        /* only forms listed in lower case match case-insensitively */
        if (v) {
            /* the map holds the lower form itself only if listed in lower case */
            return (int)(intptr_t)v;
        }
    }
    return 0;
}

/* NF_T_CAP and NF_T_UPPER of the word t[s..e), whose first character is a letter: capitalized
 * when that letter is upper case; all upper case when it has two letters or more and no
 * letter that is not upper case (so the look ends at the first lower-case letter). */
static uint16_t case_flags(const char *t, uint32_t s, uint32_t e)
{
    int len;
    uint16_t fl = cp_upper(cp_at(t, s, e, &len)) ? NF_T_CAP : 0;
    int nletters = 0;
    for (uint32_t i = s; i < e; i += (uint32_t)len) {
        unsigned char b = (unsigned char)t[i];
        if (b < 0x80) { /* ASCII fast path */
            len = 1;
            if (bcl[b] & B_LOWER)
                return fl;
            nletters += (bcl[b] & B_UPPER) != 0;
            continue;
        }
        uint32_t c = cp_at(t, i, e, &len);
        if (cp_letter(c)) {
            if (!cp_upper(c))
                return fl;
            nletters++;
        }
    }
    return nletters >= 2 ? fl | NF_T_UPPER : fl;
}

/* One step of the tokenizer at t[i] (i < e), by the general rules: skips a space or appends
 * the token that starts there (and a possessive after it). Returns where the next step
 * starts. Out of line: tokenize's loop, which handles the common tokens itself, keeps its
 * registers. */
__attribute__((noinline)) static uint32_t tok_step(tk_state *st, uint32_t s, uint32_t i, uint32_t e)
{
    const char *t = st->t;
    int len;
    uint32_t c = cp_at(t, i, e, &len);
    if (cp_space(c))
        return i + (uint32_t)len;
    uint32_t p = i; /* token start */
    if (cp_digit(c)) {
        /* number: digits with inner , . : / before a digit, then letters (1990s, 10th, 5pm) */
        uint32_t j = i + 1;
        while (j < e) {
            unsigned char d = (unsigned char)t[j];
            if (nf_isdigit(d)) {
                j++;
            } else if ((d == ',' || d == '.' || d == ':' || d == '/') && j + 1 < e &&
                       nf_isdigit((unsigned char)t[j + 1])) {
                j += 2;
            } else {
                break;
            }
        }
        while (j < e && nf_isalpha((unsigned char)t[j]) && !((unsigned char)t[j] & 0x80))
            j++;
        push_tok(st, p, j, NF_T_NUM);
        i = j;
        /* possessive 's after a number: 2014's, the 1990's */
        if (i < e && is_apos(cp_at(t, i, e, &len))) {
            uint32_t k = i + (uint32_t)len;
            int l4 = 0;
            if (k < e && (t[k] == 's' || t[k] == 'S') &&
                (k + 1 >= e || (!cp_letter(cp_at(t, k + 1, e, &l4)) &&
                                !cp_digit(cp_at(t, k + 1, e, &l4))))) {
                push_tok(st, i, k + 1, NF_T_POSS);
                i = k + 1;
            }
        }
        return i;
    }
    if (cp_letter(c)) {
        uint32_t j = i + (uint32_t)len;
        int dotted = 0;
        for (;;) {
            const unsigned char *q = alnum_end((const unsigned char *)t + j, (const unsigned char *)t + e);
            j = (uint32_t)(q - (const unsigned char *)t);
            if (j >= e || (bcl[(unsigned char)t[j]] & B_SPACE))
                break; /* the common end of a word */
            int l2;
            uint32_t d = cp_at(t, j, e, &l2);
            if (cp_letter(d) || cp_digit(d)) {
                j += (uint32_t)l2;
                continue;
            }
            if ((d == '-' || d == 0x2010 || d == 0x2011) && j + (uint32_t)l2 < e) {
                int l3;
                uint32_t d3 = cp_at(t, j + (uint32_t)l2, e, &l3);
                if (cp_letter(d3) || cp_digit(d3)) {
                    j += (uint32_t)l2 + (uint32_t)l3;
                    continue;
                }
                break;
            }
            if (d == '&' && j + 1 < e && nf_isupper((unsigned char)t[j + 1]) &&
                nf_isupper((unsigned char)t[j - 1])) { /* AT&T, S&P */
                j += 1;
                continue;
            }
            if (is_apos(d) && j + (uint32_t)l2 < e) {
                int l3;
                uint32_t d3 = cp_at(t, j + (uint32_t)l2, e, &l3);
                if (!cp_letter(d3))
                    break;
                uint32_t after = j + (uint32_t)l2 + (uint32_t)l3;
                int l4 = 0;
                uint32_t d4 = after < e ? cp_at(t, after, e, &l4) : ' ';
                if ((d3 == 's' || d3 == 'S') && !cp_letter(d4) && !cp_digit(d4))
                    break; /* possessive 's: its own token */
                j = after; /* don't, O'Brien, we'll */
                continue;
            }
            if (d == '.' && j + 2 <= e) {
                /* dotted abbreviation: U.S., a.m., U.S.A. — single letters between dots */
                uint32_t k = j + 1;
                uint32_t seg0 = j;
                /* the segment before the dot must be a single letter */
                int l0;
                uint32_t back = j - 1;
                while (back > p && ((unsigned char)t[back] & 0xC0) == 0x80)
                    back--;
                (void)cp_at(t, back, e, &l0);
                int single = (back == p || t[back - 1] == '.' || t[back - 1] == '-') && (j - back) == (uint32_t)l0;
                if (single && k < e && nf_isalpha((unsigned char)t[k]) &&
                    !((unsigned char)t[k] & 0x80) &&
                    (k + 1 >= e || t[k + 1] == '.' || !cp_letter((unsigned char)t[k + 1]))) {
                    if (k + 1 < e && t[k + 1] == '.') {
                        j = k + 1; /* keep going: ...X. */
                        dotted = 1;
                        (void)seg0;
                        continue;
                    }
                }
                break;
            }
            break;
        }
        /* j: end of the letters; a final period may belong to the word */
        uint16_t fl = NF_T_WORD | case_flags(t, p, j);
        uint32_t wend = j;
        if (dotted) {
            /* j points at the last dot of X.Y. sequences (e.g. "U.S" + "."): include it */
            if (j < e && t[j] == '.') {
                wend = j + 1;
            }
        } else if (j < e && t[j] == '.') {
            int cls = abbrev_class(st->se, t, p, j);
            int initial = (j - p == 1 && nf_isupper((unsigned char)t[p]));
            if (cls || initial)
                wend = j + 1;
        }
        push_tok(st, p, wend, wend > j ? fl | NF_T_DOT : fl);
        i = wend;
        /* possessive 's / ’s */
        if (i < e && is_apos(cp_at(t, i, e, &len))) {
            uint32_t k = i + (uint32_t)len;
            if (k < e && (t[k] == 's' || t[k] == 'S')) {
                int l4 = 0;
                uint32_t d4 = k + 1 < e ? cp_at(t, k + 1, e, &l4) : ' ';
                if (!cp_letter(d4) && !cp_digit(d4)) {
                    push_tok(st, i, k + 1, NF_T_POSS);
                    i = k + 1;
                }
            } else if (!st->sq_open && wend > p && (t[wend - 1] == 's') &&
                       (k >= e || !cp_letter(cp_at(t, k, e, &len)))) {
                /* plural possessive: the countries' leaders */
                push_tok(st, i, k, NF_T_POSS);
                i = k;
            }
        }
        return i;
    }
    /* quotes */
    if (c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB ||
        (c == '`' && i + 1 < e && t[i + 1] == '`') ||
        (c == '\'' && i + 1 < e && t[i + 1] == '\'')) {
        uint32_t j = i + (uint32_t)len;
        if (c == '`' || c == '\'')
            j = i + 2;
        int open;
        if (c == 0x201C || c == 0x201E || c == '`' || c == 0x00AB)
            open = 1;
        else if (c == 0x201D || c == '\'' || c == 0x00BB)
            open = 0;
        else {
            /* ASCII ": by its neighbours, else by the state */
            int before_sp = (i == s) || cp_space((unsigned char)t[i - 1]) ||
                            (t[i - 1] && strchr("([{-", t[i - 1]) != NULL);
            int lj;
            uint32_t nx = j < e ? cp_at(t, j, e, &lj) : ' ';
            int after_sp = j >= e || cp_space(nx) || nx == ',' || nx == '.' || nx == ';' ||
                           nx == ':' || nx == ')' || nx == '?' || nx == '!';
            if (before_sp && !after_sp)
                open = 1;
            else if (after_sp && !before_sp)
                open = 0;
            else
                open = !st->dq_open;
        }
        st->dq_open = open;
        push_tok(st, i, j, NF_T_PUNCT | NF_T_QUOTE | (open ? NF_T_OPEN : 0));
        i = j;
        return i;
    }
    if (c == 0x2018 || c == '\'' || c == 0x2019) {
        int open;
        if (c == 0x2018)
            open = 1;
        else {
            int before_sp = (i == s) || cp_space((unsigned char)t[i - 1]) ||
                            (t[i - 1] && strchr("([{\"", t[i - 1]) != NULL);
            open = before_sp;
            if (before_sp && i + (uint32_t)len < e && nf_isdigit((unsigned char)t[i + len]))
                open = 0; /* '90s */
        }
        st->sq_open = open;
        push_tok(st, i, i + (uint32_t)len, NF_T_PUNCT | NF_T_QUOTE | (open ? NF_T_OPEN : 0));
        i += (uint32_t)len;
        return i;
    }
    /* runs of the same mark: ... -- */
    if (c == '.' || c == '-' || c == '*' || c == '=' || c == '_' || c == '!' || c == '?') {
        uint32_t j = i + 1;
        while (j < e && (uint32_t)(unsigned char)t[j] == c && j - i < 64)
            j++;
        push_tok(st, i, j, NF_T_PUNCT);
        i = j;
        return i;
    }
    push_tok(st, i, i + (uint32_t)len, NF_T_PUNCT);
    return i + (uint32_t)len;
}

/* Tokenizes t[s..e) (one paragraph) and appends tokens. */
static void tokenize(tk_state *st, uint32_t s, uint32_t e)
{
    nf_ana *a = st->a;
    const char *t = st->t;
    const unsigned char *u = (const unsigned char *)t, *p = u + s, *pe = u + e;
    if (st->general) { /* (the tests' reference) */
        for (uint32_t i = s; i < e;)
            i = tok_step(st, s, i, e);
        return;
    }
    /* the tokens pushed here go through tk (a->ntok is set before tok_step and after) */
    nf_grow((void **)&a->tok, &a->captok, a->ntok + 1, sizeof *a->tok);
    nf_tok *tk = a->tok + a->ntok, *tkend = a->tok + a->captok;
    while (p < pe) {
        if (tk == tkend) { /* room for the one token of the common cases */
            a->ntok = (size_t)(tk - a->tok);
            nf_grow((void **)&a->tok, &a->captok, a->ntok + 1, sizeof *a->tok);
            tk = a->tok + a->ntok;
            tkend = a->tok + a->captok;
        }
        /* The common tokens here, the rest by tok_step. First ASCII letters and digits from
         * a letter up to the end or an ASCII byte that can't go on a word (not a dot,
         * hyphen, ampersand or apostrophe; a letter or digit ends no run): tok_step would
         * make the same token, and nothing of what follows it (no possessive). */
        unsigned b0 = *p, cl = bcl[b0];
        if (cl & (B_UPPER | B_LOWER)) {
            const unsigned char *q = alnum_end(p + 1, pe);
            /* After two letters or more, a period ends the word unless the word is an
             * abbreviation (the period then goes with it: tok_step): a dotted acronym
             * (U.S.) has one letter before its first period. */
            if (q >= pe || (bcl[*q] & B_WEND) ||
                (*q == '.' && q > p + 1 && !abbrev_class(st->se, t, (uint32_t)(p - u), (uint32_t)(q - u)))) {
                /* (case_flags: a word from a lower-case letter has neither flag; one from an
                 * upper-case letter then a lower-case one is only capitalized) */
                uint32_t i = (uint32_t)(p - u), j = (uint32_t)(q - u);
                tk->flags = cl & B_LOWER                           ? NF_T_WORD
                            : q > p + 1 && (bcl[p[1]] & B_LOWER) ? NF_T_WORD | NF_T_CAP
                                                                 : NF_T_WORD | case_flags(t, i, j);
                tk->start = i;
                tk->end = j;
                tk++;
                p = q;
                continue;
            }
        } else if (b0 == ' ') {
            p++;
            continue;
        } else if (cl & (B_MARK | B_RUN)) { /* , ; : ( ) % $ & and the like; runs: ... -- */
            const unsigned char *q = p + 1;
            if (cl & B_RUN)
                while (q < pe && *q == b0 && q - p < 64)
                    q++;
            push_cand(st, (size_t)(tk - a->tok));
            tk->start = (uint32_t)(p - u);
            tk->end = (uint32_t)(q - u);
            tk->flags = NF_T_PUNCT;
            tk++;
            p = q;
            continue;
        }
        a->ntok = (size_t)(tk - a->tok);
        p = u + tok_step(st, s, (uint32_t)(p - u), e);
        tk = a->tok + a->ntok;
        tkend = a->tok + a->captok;
    }
    a->ntok = (size_t)(tk - a->tok);
}

/* ---- sentence boundaries ---- */

static int tok_is(const char *t, const nf_tok *k, const char *s)
{
    size_t n = strlen(s);
    return k->end - k->start == n && !memcmp(t + k->start, s, n);
}

static int is_double_quote(const char *t, const nf_tok *k)
{
    if (!(k->flags & NF_T_QUOTE))
        return 0;
    size_t n = k->end - k->start;
    const char *p = t + k->start;
    if (n == 1)
        return p[0] == '"';
    if (n == 2)
        return !memcmp(p, "``", 2) || !memcmp(p, "''", 2) || !memcmp(p, "\xC2\xAB", 2) ||
               !memcmp(p, "\xC2\xBB", 2);
    if (n == 3)
        return !memcmp(p, "\xE2\x80\x9C", 3) || !memcmp(p, "\xE2\x80\x9D", 3) ||
               !memcmp(p, "\xE2\x80\x9E", 3);
    return 0;
}

static int is_closer(const char *t, const nf_tok *k)
{
    if ((k->flags & NF_T_QUOTE) && !(k->flags & NF_T_OPEN))
        return 1;
    return tok_is(t, k, ")") || tok_is(t, k, "]");
}

static int is_terminal(const char *t, const nf_tok *k)
{
    if (!(k->flags & NF_T_PUNCT))
        return 0;
    char c = t[k->start];
    if (c == '.' || c == '!' || c == '?')
        return 1;
    return tok_is(t, k, "\xE2\x80\xA6"); /* … */
}

/* Does the token at index n (first after the candidate end) start a new sentence? */
static int starts_sentence(const nf_ana *a, size_t n, size_t end)
{
    if (n >= end)
        return 1;
    const nf_tok *k = &a->tok[n];
    /* skip opening quotes / brackets */
    while (n < end && (a->tok[n].flags & NF_T_PUNCT) &&
           (((a->tok[n].flags & NF_T_QUOTE) && (a->tok[n].flags & NF_T_OPEN)) ||
            tok_is(a->doc.text, &a->tok[n], "(") || tok_is(a->doc.text, &a->tok[n], "[")))
        n++;
    if (n >= end)
        return 1;
    k = &a->tok[n];
    if (k->flags & NF_T_NUM)
        return 1;
    if (k->flags & NF_T_WORD) {
        int len;
        uint32_t c = cp_at(a->doc.text, k->start, k->end, &len);
        return !cp_lower(c);
    }
    /* punctuation: a dash or bullet may open; a comma or other mark continues */
    char c = a->doc.text[k->start];
    return !(c == ',' || c == ';' || c == ':' || c == '.' || c == ')' || c == '%');
}

static int is_starter_word(const sent_engine *se, const nf_ana *a, size_t n, size_t end)
{
    if (n >= end)
        return 1;
    if ((a->tok[n].flags & NF_T_QUOTE) && (a->tok[n].flags & NF_T_OPEN))
        return 1; /* a quote opens: new sentence */
    const nf_tok *k = &a->tok[n];
    if (!(k->flags & NF_T_WORD) || !(k->flags & NF_T_CAP))
        return 0;
    size_t len = k->end - k->start;
    if (len > 31)
        return 0;
    char low[32];
    nf_lower(a->doc.text + k->start, len, low);
    return nf_map_has(se->starter, low, len);
}

static void add_sentence(nf_ana *a, size_t t0, size_t t1, uint32_t para, int heading, int inq)
{
    if (t1 <= t0)
        return;
    nf_sent *s = NF_PUSH(a->sent, a->nsent, a->capsent);
    s->start = a->tok[t0].start;
    s->end = a->tok[t1 - 1].end;
    s->tok0 = (uint32_t)t0;
    s->ntok = (uint32_t)(t1 - t0);
    s->para = para;
    s->heading = (uint8_t)heading;
    s->in_quote = (uint8_t)inq;
    s->date_tx = -1;
    s->text = NULL;
    for (size_t i = t0; i < t1; i++) {
        if (a->tok[i].flags & (NF_T_WORD | NF_T_NUM)) {
            a->tok[i].flags |= NF_T_SENT0;
            break;
        }
    }
}

/* Splits the tokens [t0, t1) of one paragraph into sentences. cand[0..ncand): ascending,
 * the indices of the tokens with NF_T_PUNCT or NF_T_DOT among them (every other token ends
 * no sentence and changes no quote state: it only counts towards MAX_SENT_TOKENS). */
static void split(const sent_engine *se, nf_ana *a, size_t t0, size_t t1, uint32_t para,
                  int heading, int *dq, const uint32_t *cand, size_t ncand)
{
    const char *t = a->doc.text;
    size_t s0 = t0;
    /* quote state at a paragraph start: a paragraph that opens with a quote mark opens it;
     * one that doesn't is outside any quote. */
    *dq = 0;
    int inq = 0;
    size_t ci = 0;
    for (size_t i = t0;; i++) {
        /* (here i - s0 < MAX_SENT_TOKENS) the next token to look at, and before it the
         * sentences that reach MAX_SENT_TOKENS tokens */
        while (ci < ncand && cand[ci] < i)
            ci++;
        size_t next = ci < ncand && cand[ci] < t1 ? cand[ci] : t1;
        while (next > s0 + MAX_SENT_TOKENS - 1) {
            add_sentence(a, s0, s0 + MAX_SENT_TOKENS, para, heading, inq);
            s0 += MAX_SENT_TOKENS;
            inq = *dq;
        }
        if (next >= t1)
            break;
        i = next;
        nf_tok *k = &a->tok[i];
        if (k->flags & NF_T_QUOTE) {
            int dbl = is_double_quote(t, k);
            if (dbl)
                *dq = (k->flags & NF_T_OPEN) ? 1 : 0;
        }
        size_t end_at = 0; /* index one past the sentence's last token, 0 = no end here */
        if (is_terminal(t, k)) {
            size_t j = i + 1;
            while (j < t1 && (is_closer(t, &a->tok[j]) || is_terminal(t, &a->tok[j])))
                j++;
            /* closing quotes after the mark end the quote */
            for (size_t q = i + 1; q < j; q++)
                if ((a->tok[q].flags & NF_T_QUOTE) && is_double_quote(t, &a->tok[q]))
                    *dq = 0;
            if (starts_sentence(a, j, t1))
                end_at = j; /* not when a lower-case word goes on: "Why?" he asked. */
            if (end_at) {
                add_sentence(a, s0, end_at, para, heading, inq);
                s0 = end_at;
                inq = *dq;
                i = end_at - 1;
                continue;
            }
        } else if ((k->flags & NF_T_DOT) && k->end > k->start + 1) {
            /* a word with its period: abbreviation or initial */
            size_t j = i + 1;
            while (j < t1 && is_closer(t, &a->tok[j]))
                j++;
            int ends = 0;
            if (j >= t1) {
                ends = 1;
            } else {
                const nf_tok *nx = &a->tok[j];
                size_t wl = k->end - 1 - k->start;
                int cls = abbrev_class(se, t, k->start, k->end - 1);
                int initial = wl == 1 && nf_isupper((unsigned char)t[k->start]);
                if (!cls && !initial)
                    cls = AB_MAYBE; /* dotted acronym */
                if (j > i + 1 && starts_sentence(a, j, t1))
                    ends = 1; /* closing quote after the period */
                else if (cls == AB_TITLE || initial)
                    ends = 0;
                else if (cls == AB_END)
                    ends = (nx->flags & NF_T_CAP) && starts_sentence(a, j, t1) &&
                           !(nx->flags & NF_T_NUM) &&
                           !nf_map_has(se->tz, t + nx->start, nx->end - nx->start); /* 5 p.m. EST */
                else
                    ends = is_starter_word(se, a, j, t1);
            }
            if (ends) {
                add_sentence(a, s0, j, para, heading, inq);
                s0 = j;
                inq = *dq;
                i = j - 1;
                continue;
            }
        }
        if (i + 1 - s0 >= MAX_SENT_TOKENS) {
            add_sentence(a, s0, i + 1, para, heading, inq);
            s0 = i + 1;
            inq = *dq;
        }
    }
    add_sentence(a, s0, t1, para, heading, inq);
}

static int sentences_run(nf_ana *a, int general)
{
    const sent_engine *se = a->eng ? a->eng->sents : NULL;
    sent_engine empty = {0};
    if (!se)
        se = &empty;
    a->ntok = 0;
    a->nsent = 0;
    const char *t = a->doc.text;
    if (!t || !a->doc.len)
        return 0;
    nf_map *m0 = NULL, *m1 = NULL, *m2 = NULL;
    if (!se->abbrev) { /* no engine state (tests without init): empty lists */
        m0 = nf_map_new();
        m1 = nf_map_new();
        m2 = nf_map_new();
        empty.abbrev = m0;
        empty.starter = m1;
        empty.tz = m2;
    }
    tk_state st = {a, se, t, 0, 0, NULL, 0, 0, general};
    nf_grow((void **)&st.cand, &st.capcand, 1024, sizeof *st.cand); /* (one block an article) */
    int dq = 0;
    if (a->doc.npara) {
        for (size_t p = 0; p < a->doc.npara; p++) {
            const nf_para *pp = &a->doc.para[p];
            uint32_t ps = pp->start, pe = pp->end;
            if (pe > a->doc.len)
                pe = a->doc.len;
            if (ps >= pe)
                continue;
            size_t t0 = a->ntok;
            st.sq_open = 0;
            st.ncand = 0;
            tokenize(&st, ps, pe);
            split(se, a, t0, a->ntok, (uint32_t)p, pp->kind == NF_PARA_HEADING, &dq, st.cand, st.ncand);
            st.dq_open = dq;
        }
    } else {
        uint32_t ps = 0, np = 0;
        while (ps < a->doc.len) {
            const char *nl = memchr(t + ps, '\n', a->doc.len - ps);
            uint32_t pe = nl ? (uint32_t)(nl - t) : a->doc.len;
            size_t t0 = a->ntok;
            st.sq_open = 0;
            st.ncand = 0;
            tokenize(&st, ps, pe);
            if (a->ntok > t0) {
                split(se, a, t0, a->ntok, np, 0, &dq, st.cand, st.ncand);
                st.dq_open = dq;
                np++;
            }
            ps = pe + 1;
        }
    }
    free(st.cand);
    if (m0) {
        nf_map_free(m0);
        nf_map_free(m1);
        nf_map_free(m2);
    }
    return 0;
}

int nf_sentences_run(nf_ana *a) { return sentences_run(a, 0); }

int nf__sentences_run_general(nf_ana *a) { return sentences_run(a, 1); }

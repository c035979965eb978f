/* boilerplate.c - which blocks of a page are the article.
 *
 * A general classifier in the spirit of jusText, made language-neutral: each block is
 * judged by its shape (length in characters, words, whether it ends like a sentence, a
 * title-case line, link density in HTML), then by the rules of data/boilerplate.rules (and
 * --rules FILE): PCRE2 patterns for page furniture every site has (copyright lines, cookie
 * notices, share buttons, photo credits, comment sections...). The body is then chosen as
 * the densest run of prose: the maximum-sum run of blocks where prose counts its length and
 * every furniture block a fixed penalty (the idea of Finn's Body Text Extraction), plus
 * further runs at least 30% as strong (an article interrupted by a promo block). Inside a
 * run, undecided blocks are kept and short furniture-shaped ones are kept as headings; outside,
 * nothing is.
 *
 * Rule file format, one rule a line, '#' comments:  ACTION <TAB> MAXCHARS <TAB> PCRE2
 *   ACTION  drop (boilerplate), meta (metadata line: read, never body), label (a metadata
 *           label such as "Original url:", the next block is its value), stop (a comment
 *           section starts: it and everything after it is dropped, once the body has begun)
 *   MAXCHARS  the rule only applies to blocks up to this many characters (0: any). */
#include <stdlib.h>
#include <string.h>

#include "normalize.h"

#ifndef GOOD_LEN
#define GOOD_LEN 80    /* a block this long that ends like a sentence is prose */
#endif
#ifndef PENALTY
#define PENALTY 100    /* what a furniture block costs a run of prose */
#endif
#ifndef RUN_SHARE
#define RUN_SHARE 0.3  /* further runs must be this strong relative to the best */
#endif
#define STOP_AFTER 400 /* characters of prose before a comment section can start */

/* ---- literal prefilters ----
 *
 * Most blocks match no rule, and a PCRE2 match costs tens of instructions a byte of the block.
 * So each rule's pattern is read once, at start-up, into a condition on the literal strings
 * any match must contain: "(?i)\bsubscribe\b|\bnewsletters?\b" needs "subscribe" or
 * "newsletter". A block is summed up once as the set of its bytes and of its byte pairs
 * (ASCII lower-cased, pairs hashed into 4096 bits); a rule whose literals can't all be there
 * is not matched at all.
 *
 * Why the answer is the same: every condition is necessary for a match, and the block
 * summary can only err towards "may be there". The reading is conservative: a construct it
 * doesn't know leaves the rule without a filter; an optional item or a class it can't list
 * adds no condition. Case: literals are compared lower-cased, which a case-sensitive match
 * implies too. Under (?i), PCRE2 (UTF mode, no UCP) matches an ASCII letter only to its two
 * ASCII cases, except k to U+212A KELVIN SIGN and s to U+017F LONG S (checked against every
 * code point): a block holding either of those is matched without filters. Other non-ASCII
 * characters are used as literals only where no case can apply: outside (?i), or symbols and
 * punctuation (U+00A0-U+00BF but U+00B5, U+2010-U+205F). */

enum { PF_TRUE, PF_LIT, PF_AND, PF_OR };

struct nf_bp_filter {
    uint8_t op;
    uint8_t len;            /* PF_LIT: bytes in lit */
    char lit[30];           /* PF_LIT: lower-cased */
    uint16_t pair[29];      /* PF_LIT: its byte pairs, hashed (pf_pair) */
    size_t nkid;
    nf_bp_filter **kid;     /* PF_AND, PF_OR */
};

/* a byte pair's slot in pf_block.pair (0 .. 4095: the top 12 bits of a 32-bit product) */
static inline unsigned pf_pair(unsigned a, unsigned b) { return (((a << 8 | b) * 0x9E3779B1u) >> 20) & 0xFFFu; }

static void pf_free(nf_bp_filter *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->nkid; i++)
        pf_free(f->kid[i]);
    free(f->kid);
    free(f);
}

static nf_bp_filter *pf_new(int op)
{
    nf_bp_filter *f = calloc(1, sizeof *f);
    if (f)
        f->op = (uint8_t)op;
    return f;
}

/* Adds child k to an AND or OR node (TRUE children of AND are dropped, a TRUE child makes
 * an OR TRUE; the children of an AND in an AND, an OR in an OR or a node of one child are
 * added instead of it). Returns 0 when out of memory. */
static int pf_add(nf_bp_filter *f, nf_bp_filter *k)
{
    if (!k)
        return 0;
    if ((k->op == PF_AND || k->op == PF_OR) && (k->op == f->op || k->nkid == 1)) {
        int ok = 1;
        for (size_t i = 0; i < k->nkid; i++)
            ok &= pf_add(f, k->kid[i]);
        free(k->kid);
        free(k);
        return ok;
    }
    if (f->op == PF_TRUE || (k->op == PF_TRUE && f->op == PF_AND)) {
        pf_free(k);
        return 1;
    }
    if (k->op == PF_TRUE) { /* OR with TRUE */
        for (size_t i = 0; i < f->nkid; i++)
            pf_free(f->kid[i]);
        free(f->kid);
        f->kid = NULL;
        f->nkid = 0;
        f->op = PF_TRUE;
        pf_free(k);
        return 1;
    }
    nf_bp_filter **nk = realloc(f->kid, (f->nkid + 1) * sizeof *nk);
    if (!nk) {
        pf_free(k);
        return 0;
    }
    f->kid = nk;
    f->kid[f->nkid++] = k;
    return 1;
}

static nf_bp_filter *pf_lit(const char *s, size_t n)
{
    nf_bp_filter *f = pf_new(PF_LIT);
    if (f) {
        f->len = (uint8_t)n;
        nf_lower(s, n, f->lit);
        for (size_t i = 1; i < n; i++)
            f->pair[i - 1] = (uint16_t)pf_pair((unsigned char)f->lit[i - 1], (unsigned char)f->lit[i]);
    }
    return f;
}

typedef struct {
    const char *p, *end;
    int fail;       /* a construct this reader doesn't know */
    int caseless;   /* the pattern has (?i somewhere */
    int depth;      /* of groups */
    int unanchored; /* a top-level branch starts with something else than ^ */
} pf_reader;

/* Length of the UTF-8 character at p, 0 if its lead byte is no lead byte. */
static size_t pf_charlen(const pf_reader *r, const char *p)
{
    unsigned c = (unsigned char)*p;
    size_t k = c < 0x80 ? 1 : c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    return k && (size_t)(r->end - p) >= k ? k : 0;
}

/* Can the character s[0..k) serve as a literal: no case folding can reach it? */
static int pf_caseproof(const pf_reader *r, const char *s, size_t k)
{
    if (k == 1 || !r->caseless)
        return 1;
    uint32_t cp;
    nf_utf8_decode((const unsigned char *)s, k, &cp);
    return (cp >= 0xA0 && cp <= 0xBF && cp != 0xB5) || (cp >= 0x2010 && cp <= 0x205F);
}

/* Reads a quantifier if one follows; returns its minimum (1 when there is none). */
static unsigned long pf_quant(pf_reader *r)
{
    unsigned long min = 1;
    if (r->p >= r->end)
        return 1;
    char c = *r->p;
    if (c == '?' || c == '*') {
        min = 0;
        r->p++;
    } else if (c == '+') {
        r->p++;
    } else if (c == '{') { /* {n} {n,} {n,m}; anything else is a literal in PCRE2: give up */
        const char *q = r->p + 1;
        if (q >= r->end || !nf_isdigit((unsigned char)*q)) {
            r->fail = 1;
            return 1;
        }
        min = strtoul(q, NULL, 10);
        while (q < r->end && nf_isdigit((unsigned char)*q))
            q++;
        if (q < r->end && *q == ',')
            q++;
        while (q < r->end && nf_isdigit((unsigned char)*q))
            q++;
        if (q >= r->end || *q != '}') {
            r->fail = 1;
            return 1;
        }
        r->p = q + 1;
    } else {
        return 1;
    }
    if (r->p < r->end && (*r->p == '?' || *r->p == '+')) /* lazy, possessive */
        r->p++;
    return min;
}

/* After a backslash: skips an escape that matches one character of a class (\d \s \w \h
 * \v and their negations, \R, \p{..}) or asserts (\b \B \A \z \Z \G). Returns 1, or 0 for
 * an escape it doesn't know. r->p is at the letter. */
static int pf_skip_class_escape(pf_reader *r)
{
    char c = *r->p++;
    if (strchr("dDsSwWhHvVRbBAzZG", c))
        return 1;
    if (c == 'p' || c == 'P') {
        if (r->p < r->end && *r->p == '{') {
            const char *q = memchr(r->p, '}', (size_t)(r->end - r->p));
            if (!q)
                return 0;
            r->p = q + 1;
        } else if (r->p < r->end) {
            r->p++;
        }
        return 1;
    }
    return 0;
}

/* A bracketed class, r->p after the '['. A plain list of characters ([|:], [>|»•·]) is an OR
 * of them; a negated class, a range or an escape like \d is TRUE. */
static nf_bp_filter *pf_class(pf_reader *r)
{
    nf_bp_filter *f = pf_new(PF_OR);
    if (!f)
        return NULL;
    int plain = 1;
    if (r->p < r->end && *r->p == '^') {
        plain = 0;
        r->p++;
    }
    for (int first = 1;; first = 0) {
        if (r->p >= r->end || *r->p == '[') { /* POSIX classes and the like: not read */
            r->fail = 1;
            return f;
        }
        if (*r->p == ']' && !first) {
            r->p++;
            break;
        }
        const char *m = r->p;
        size_t k = 1;
        if (*m == '\\') {
            if (m + 1 >= r->end) {
                r->fail = 1;
                return f;
            }
            if (nf_isalpha((unsigned char)m[1]) || nf_isdigit((unsigned char)m[1])) {
                r->p++;
                if (!pf_skip_class_escape(r))
                    r->fail = 1;
                plain = 0;
                continue;
            }
            m++; /* an escaped punctuation character stands for itself */
            r->p++;
        } else if (*m == '-' && !first && r->p + 1 < r->end && r->p[1] != ']') {
            plain = 0; /* a range */
        } else {
            k = pf_charlen(r, m);
            if (!k) {
                r->fail = 1;
                return f;
            }
        }
        r->p = m + k;
        if (plain && (!pf_caseproof(r, m, k) || !pf_add(f, pf_lit(m, k))))
            plain = 0;
    }
    if (!plain || !f->nkid) {
        pf_free(f);
        f = pf_new(PF_TRUE);
    }
    return f;
}

static nf_bp_filter *pf_alt(pf_reader *r);

/* Ends the literal run: it is necessary as a whole. */
static void pf_flush(pf_reader *r, nf_bp_filter *f, const char *run, size_t *nrun)
{
    if (*nrun && !pf_add(f, pf_lit(run, *nrun)))
        r->fail = 1;
    *nrun = 0;
}

/* One branch: the AND of its necessary parts. Stops at '|', ')' or the end. */
static nf_bp_filter *pf_seq(pf_reader *r)
{
    nf_bp_filter *f = pf_new(PF_AND);
    char run[sizeof f->lit]; /* literal characters read one after another */
    size_t nrun = 0;
    int first = 1;
    while (f && !r->fail && r->p < r->end && *r->p != '|' && *r->p != ')') {
        const char *m = r->p, *lit = NULL; /* lit: a literal character of k bytes */
        size_t k = 1;
        nf_bp_filter *item = NULL;         /* a class or a group */
        if (r->end - m >= 4 && !memcmp(m, "(?i)", 4)) { /* caseless from here on: known */
            r->p = m + 4;
            pf_flush(r, f, run, &nrun);
            continue;
        }
        if (first && r->depth == 0 && *m != '^')
            r->unanchored = 1;
        first = 0;
        if (*m == '\\') {
            if (m + 1 >= r->end) {
                r->fail = 1;
                break;
            }
            r->p = m + 1;
            if (nf_isalpha((unsigned char)m[1]) || nf_isdigit((unsigned char)m[1])) {
                if (!pf_skip_class_escape(r))
                    r->fail = 1;
            } else { /* an escaped punctuation character stands for itself */
                lit = m + 1;
                r->p = m + 2;
            }
        } else if (*m == '.' || *m == '^' || *m == '$') {
            r->p = m + 1;
        } else if (*m == '[') {
            r->p = m + 1;
            item = pf_class(r);
        } else if (*m == '(') {
            if (m + 1 < r->end && m[1] == '?' && (m + 2 >= r->end || m[2] != ':')) {
                r->fail = 1; /* lookaround, options, names...: not read */
                break;
            }
            r->p = m + (m + 1 < r->end && m[1] == '?' ? 3 : 1);
            r->depth++;
            item = pf_alt(r);
            r->depth--;
            if (r->p >= r->end || *r->p != ')')
                r->fail = 1;
            else
                r->p++;
        } else if (*m == '*' || *m == '+' || *m == '?' || *m == '{') {
            r->fail = 1; /* a quantifier with nothing before it, or a literal brace */
            break;
        } else {
            k = pf_charlen(r, m);
            if (!k) {
                r->fail = 1;
                break;
            }
            r->p = m + k;
            if (pf_caseproof(r, m, k))
                lit = m;
        }
        const char *q = r->p;
        unsigned long min = pf_quant(r);
        int quantified = r->p != q;
        if (lit && min > 0) {
            if (nrun + k > sizeof run)
                pf_flush(r, f, run, &nrun);
            memcpy(run + nrun, lit, k);
            nrun += k;
        }
        /* the run goes on only through unquantified literal characters */
        if (!lit || quantified)
            pf_flush(r, f, run, &nrun);
        if (item && min > 0) {
            if (!pf_add(f, item))
                r->fail = 1;
        } else {
            pf_free(item);
        }
    }
    if (f)
        pf_flush(r, f, run, &nrun);
    if (f && !f->nkid) /* nothing necessary: matches anywhere */
        f->op = PF_TRUE;
    return f;
}

/* Branches up to ')' or the end: the OR of theirs. */
static nf_bp_filter *pf_alt(pf_reader *r)
{
    nf_bp_filter *f = pf_new(PF_OR);
    for (;;) {
        if (!f || !pf_add(f, pf_seq(r)))
            r->fail = 1;
        if (r->fail || r->p >= r->end || *r->p != '|')
            break;
        r->p++;
    }
    return f;
}

/* The filter of a rule's pattern, NULL when it has none (not read, or no literal). An
 * anchored pattern for blocks of any length gets none: it fails fast anyway, and its filter
 * would have every long block summed up for nothing. */
static nf_bp_filter *pf_compile(const char *pat, uint32_t maxchars)
{
    pf_reader r = {pat, pat + strlen(pat), 0, strstr(pat, "(?i") != NULL, 0, 0};
    nf_bp_filter *f = pf_alt(&r);
    if (r.fail || r.p != r.end || (!maxchars && !r.unanchored) || !f || f->op == PF_TRUE) {
        pf_free(f);
        return NULL;
    }
    return f;
}

/* ---- first bytes of anchored patterns ----
 *
 * A rule whose every branch starts with ^ (no multiline mode: the start of the block) can
 * only match a block whose first byte starts one of its branches. The set of those bytes is
 * read from the first item after each ^: a literal character, an escaped punctuation mark,
 * \d, a plain list in brackets, or a group (the union of its branches' first items). Any
 * other start, a first item that may be absent (? * {0...}) or a non-ASCII literal leaves
 * the rule without a set. Case: when the pattern has (?i anywhere, a letter stands for both
 * its cases, and s and k also for the lead bytes of U+017F LONG S (C5) and U+212A KELVIN
 * SIGN (E2), the only other characters PCRE2 folds them to (see the literal prefilters). */

typedef nf_bp_bytes pf_bytes;

static inline void fb_add(pf_bytes *b, unsigned c) { b->w[c >> 6] |= (uint64_t)1 << (c & 63); }
static inline int fb_has(const pf_bytes *b, unsigned c) { return (b->w[c >> 6] >> (c & 63)) & 1; }

static void fb_add_char(pf_bytes *b, unsigned c, int caseless)
{
    fb_add(b, c);
    if (caseless && nf_isalpha((int)c)) {
        fb_add(b, c ^ 0x20);
        if (c == 's' || c == 'S')
            fb_add(b, 0xC5);
        if (c == 'k' || c == 'K')
            fb_add(b, 0xE2);
    }
}

/* Past the group or class that opens at p (p[0] is '(' or '['), or NULL. */
static const char *fb_skip(const char *p, const char *end)
{
    int depth = 0, cls = 0;
    for (; p < end; p++) {
        if (*p == '\\') {
            p++;
            cls += cls > 0; /* an escaped character in a class is one of its members */
            continue;
        }
        if (cls) {
            if (*p == '[')
                return NULL; /* POSIX classes and the like: not read */
            if (*p == ']' && cls > 1)
                cls = 0;
            else
                cls++;
            if (!cls && !depth)
                return p + 1;
            continue;
        }
        if (*p == '[') {
            cls = 1;
            if (p + 1 < end && p[1] == '^')
                p++;
        } else if (*p == '(') {
            depth++;
        } else if (*p == ')' && --depth == 0) {
            return p + 1;
        }
    }
    return NULL;
}

/* May the item just read (ending at p) be absent: a quantifier of minimum 0 after it? */
static int fb_optional(const char *p, const char *end)
{
    return p < end && (*p == '?' || *p == '*' || (*p == '{' && p + 1 < end && p[1] == '0'));
}

static int fb_branches(const char *p, const char *end, pf_bytes *b, int caseless, int top);

/* The first item of the branch at p (after its ^ at the top level). Returns 0 when unknown. */
static int fb_item(const char *p, const char *end, pf_bytes *b, int caseless)
{
    while (end - p >= 4 && !memcmp(p, "(?i)", 4))
        p += 4;
    if (p >= end)
        return 0;
    const char *q;
    unsigned c = (unsigned char)*p;
    if (c == '\\') {
        if (p + 1 >= end)
            return 0;
        unsigned e = (unsigned char)p[1];
        q = p + 2;
        if (e == 'd') {
            for (unsigned d = '0'; d <= '9'; d++)
                fb_add(b, d);
        } else if (e < 0x80 && !nf_isalpha((int)e) && !nf_isdigit((int)e)) {
            fb_add_char(b, e, caseless);
        } else {
            return 0;
        }
    } else if (c == '[') {
        q = fb_skip(p, end);
        if (!q || p[1] == '^')
            return 0;
        for (const char *m = p + 1; m < q - 1; m++) {
            if (*m == '\\' && m + 1 < q - 1 && !nf_isalpha((unsigned char)m[1]) && !nf_isdigit((unsigned char)m[1]))
                m++; /* an escaped punctuation mark */
            else if (*m == '\\' || (*m == '-' && m > p + 1 && m + 1 < q - 1) || (unsigned char)*m >= 0x80)
                return 0; /* escapes like \d, ranges, non-ASCII: not read */
            fb_add_char(b, (unsigned char)*m, caseless);
        }
    } else if (c == '(') {
        q = fb_skip(p, end);
        if (!q)
            return 0;
        const char *in = p + 1;
        if (in < end && *in == '?') {
            if (in + 1 >= end || in[1] != ':')
                return 0; /* lookaround, options, names...: not read */
            in += 2;
        }
        if (!fb_branches(in, q - 1, b, caseless, 0))
            return 0;
    } else if (c < 0x80 && !strchr("^$.|)*+?{", (int)c)) {
        fb_add_char(b, c, caseless);
        q = p + 1;
    } else {
        return 0;
    }
    return !fb_optional(q, end);
}

/* The first bytes of the branches of p[0..end), each starting with ^ when top. */
static int fb_branches(const char *p, const char *end, pf_bytes *b, int caseless, int top)
{
    for (;;) {
        const char *bar = p; /* the end of this branch: a '|' at depth 0 */
        while (bar < end && *bar != '|') {
            if (*bar == '\\')
                bar += 2;
            else if (*bar == '(' || *bar == '[')
                bar = fb_skip(bar, end);
            else
                bar++;
            if (!bar)
                return 0;
        }
        if (bar > end)
            return 0;
        const char *q = p;
        if (top) {
            while (bar - q >= 4 && !memcmp(q, "(?i)", 4))
                q += 4;
            if (q >= bar || *q != '^')
                return 0;
            q++;
        }
        if (!fb_item(q, bar, b, caseless))
            return 0;
        if (bar >= end)
            return 1;
        p = bar + 1;
    }
}

/* The first-byte set of pattern pat (see above) into *b: 1, or 0 when it has none. */
static int fb_compile(const char *pat, pf_bytes *b)
{
    memset(b, 0, sizeof *b);
    return fb_branches(pat, pat + strlen(pat), b, strstr(pat, "(?i") != NULL, 1);
}

int nf_bp_first_may(const char *pattern, const char *s, size_t n)
{
    pf_bytes b;
    if (!fb_compile(pattern, &b))
        return -1;
    return n > 0 && fb_has(&b, (unsigned char)s[0]);
}

/* How likely a byte is in a block of prose (per mille of its bytes, roughly: English
 * letter frequencies, the space, punctuation), to try the rarest literals and byte pairs
 * first: a filter that fails mostly fails on its first look-up then. The order of the
 * children of an AND and of a literal's pairs changes no answer, only how soon it comes. */
static double pf_freq(unsigned c)
{
    static const unsigned short letter[26] = {82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24,
                                              67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1};
    if (c >= 'a' && c <= 'z')
        return letter[c - 'a'];
    if (c == ' ')
        return 180;
    if (c == ',' || c == '.')
        return 10;
    if (nf_isdigit((int)c) || c == '\'' || c == '"' || c == '-')
        return 5;
    return 1;
}

/* The likelihood of a filter node (a rough score: the rarest pair of a literal, the rarest
 * child of an AND, the sum of an OR's children). */
static double pf_likely(const nf_bp_filter *f)
{
    if (f->op == PF_LIT) {
        if (f->len == 1)
            return pf_freq((unsigned char)f->lit[0]);
        double m = 1e9;
        for (size_t i = 0; i + 1 < f->len; i++) {
            double p = pf_freq((unsigned char)f->lit[i]) * pf_freq((unsigned char)f->lit[i + 1]) / 1000;
            m = p < m ? p : m;
        }
        return m;
    }
    if (f->op == PF_AND) {
        double m = 1e9;
        for (size_t i = 0; i < f->nkid; i++) {
            double p = pf_likely(f->kid[i]);
            m = p < m ? p : m;
        }
        return m;
    }
    if (f->op == PF_OR) {
        double sum = 0;
        for (size_t i = 0; i < f->nkid; i++)
            sum += pf_likely(f->kid[i]);
        return sum;
    }
    return 1e9;
}

/* Sorts the children of every AND of f, least likely first (insertion sort: few children). */
static void pf_order(nf_bp_filter *f)
{
    for (size_t i = 0; i < f->nkid; i++)
        pf_order(f->kid[i]);
    if (f->op != PF_AND)
        return;
    for (size_t i = 1; i < f->nkid; i++) {
        nf_bp_filter *k = f->kid[i];
        double p = pf_likely(k);
        size_t j = i;
        for (; j > 0 && pf_likely(f->kid[j - 1]) > p; j--)
            f->kid[j] = f->kid[j - 1];
        f->kid[j] = k;
    }
}

/* The filters as the classifier runs them: each rule's tree laid out flat, every rule's in
 * one array of the engine (a few KB in a row, where the tree's nodes lay scattered over the
 * heap, a cache miss each once the other stages had run). A node is [op, size, ...] in
 * uint16_t units, size counting the whole node: PF_LIT [op, size, len, byte] for one byte,
 * [op, size, len, pair...] (its len - 1 hashed pairs) for more; PF_AND and PF_OR
 * [op, size, kid, kid...]. Returns 0, or -1 when a node would be too large. */
static int pf_flatten(const nf_bp_filter *f, uint16_t **code, size_t *n, size_t *cap)
{
    size_t at = *n;
    nf_grow((void **)code, cap, at + 3 + (f->op == PF_LIT ? f->len : 0), sizeof **code);
    (*code)[at] = f->op;
    *n = at + 2;
    if (f->op == PF_LIT) {
        (*code)[(*n)++] = f->len;
        if (f->len == 1)
            (*code)[(*n)++] = (unsigned char)f->lit[0];
        /* the pairs, rarest first (stable selection: few pairs) */
        uint8_t done[sizeof f->pair / sizeof *f->pair] = {0};
        for (size_t k = 0; f->len > 1 && k + 1 < f->len; k++) {
            size_t best = 0;
            double bp = 1e18;
            for (size_t i = 0; i + 1 < f->len; i++) {
                double p = pf_freq((unsigned char)f->lit[i]) * pf_freq((unsigned char)f->lit[i + 1]);
                if (!done[i] && p < bp)
                    bp = p, best = i;
            }
            done[best] = 1;
            (*code)[(*n)++] = f->pair[best];
        }
    }
    for (size_t i = 0; (f->op == PF_AND || f->op == PF_OR) && i < f->nkid; i++)
        if (pf_flatten(f->kid[i], code, n, cap))
            return -1;
    if (*n - at > UINT16_MAX)
        return -1;
    (*code)[at + 1] = (uint16_t)(*n - at);
    return 0;
}

/* A block summed up for the filters: its bytes and byte pairs, ASCII lower-cased. A flag
 * byte each, not a bit: the scan then only stores (a bit set would read, modify and write
 * the same few words again and again, each update waiting for the one before). A flag is
 * set when it holds the summary's current stamp: each block gets the next stamp, so the
 * tables are cleared once every 255 blocks, not once a block (4 KB of stores each time). */
typedef struct {
    uint8_t byte[256];
    uint8_t pair[4096]; /* by pf_pair */
    uint8_t stamp;      /* of the block summed up last; 0: the tables are to be cleared */
    int exotic; /* may hold U+212A or U+017F: filters don't apply */
} pf_block;

static inline int pf_has_byte(const pf_block *sb, unsigned c) { return sb->byte[c] == sb->stamp; }
static inline int pf_has_pair(const pf_block *sb, unsigned h) { return sb->pair[h] == sb->stamp; }

/* Sums up s[0..n) in sb (whose stamp starts at 0). */
static void pf_scan(pf_block *sb, const char *s, size_t n)
{
    if (sb->stamp == UINT8_MAX || sb->stamp == 0) {
        memset(sb->byte, 0, sizeof sb->byte);
        memset(sb->pair, 0, sizeof sb->pair);
        sb->stamp = 0;
    }
    uint8_t stamp = ++sb->stamp;
    sb->exotic = 0;
    if (!n)
        return;
    const unsigned char *p = (const unsigned char *)s;
    unsigned prev = (unsigned)nf_tolower(p[0]);
    sb->byte[prev] = stamp;
    for (size_t i = 1; i < n; i++) {
        unsigned c = (unsigned)nf_tolower(p[i]);
        sb->byte[c] = stamp;
        sb->pair[pf_pair(prev, c)] = stamp;
        prev = c;
    }
    /* U+017F is C5 BF, U+212A is E2 84 AA (a hash collision only turns the filters off) */
    sb->exotic = pf_has_pair(sb, pf_pair(0xC5, 0xBF)) || pf_has_pair(sb, pf_pair(0x84, 0xAA));
}

/* May the block hold the literal of the flat node c (c[0] == PF_LIT)? */
static inline int pf_lit_may(const uint16_t *c, const pf_block *sb)
{
    if (c[2] == 1)
        return pf_has_byte(sb, c[3]);
    for (unsigned i = 0; i + 1 < c[2]; i++)
        if (!pf_has_pair(sb, c[3 + i]))
            return 0;
    return 1;
}

/* May the block hold what the flat filter node at c asks for? (Literals, most of the nodes,
 * are answered in place, not by a call.) */
static int pf_may(const uint16_t *c, const pf_block *sb)
{
    switch (c[0]) {
    case PF_LIT:
        return pf_lit_may(c, sb);
    case PF_AND:
        for (const uint16_t *k = c + 2, *e = c + c[1]; k < e; k += k[1])
            if (!(k[0] == PF_LIT ? pf_lit_may(k, sb) : pf_may(k, sb)))
                return 0;
        return 1;
    case PF_OR:
        for (const uint16_t *k = c + 2, *e = c + c[1]; k < e; k += k[1])
            if (k[0] == PF_LIT ? pf_lit_may(k, sb) : pf_may(k, sb))
                return 1;
        return 0;
    default:
        return 1;
    }
}

/* The flat filter of a rule's pattern into *code (malloc'd), or 0 when it has none. */
static int pf_build(const char *pat, uint32_t maxchars, uint16_t **code, size_t *n, size_t *cap)
{
    nf_bp_filter *f = pf_compile(pat, maxchars);
    size_t at = *n;
    if (f)
        pf_order(f);
    int ok = f && pf_flatten(f, code, n, cap) == 0;
    pf_free(f);
    if (!ok)
        *n = at;
    return ok;
}

/* ---- byte gates ----
 *
 * The filters need the block summed up, every byte of it, which costs more than the rules
 * it spares for long blocks (where most rules are past their length cap). So each rule also
 * gets a gate, read from its filter: a set of bytes, neither ASCII letters nor the space, at
 * least one of which every match holds. A literal's gate is its rarest such byte; an AND's
 * the best of its children's; an OR's the union of its children's (none when a child has
 * none). A block that holds no byte of the gate (memchr, no summary) is not matched.
 *
 * Why the answer is the same: the gate is a consequence of the filter (each literal's bytes
 * are necessary where the literal is), and the filter of a match. A byte that is no ASCII
 * letter has no other case: (?i) folds only letters (and k, s to U+212A, U+017F, letters
 * too); a literal's bytes of 0x80 or more are only there where no case applies
 * (pf_caseproof). So the block is searched as it is, not lower-cased, and the gate holds on
 * exotic blocks too. */

/* How common a gate byte is in prose (lower is better); 0: none (letters, the space). */
static unsigned gate_cost(unsigned c)
{
    if (c == ' ' || (c < 0x80 && nf_isalpha((int)c)))
        return 0;
    if (c == ',' || c == '.' || c == '\'' || c == '"' || c == '-' || nf_isdigit((int)c) ||
        c == 0xE2 || c == 0x80 || c == 0xC2 || c == 0xC3)
        return 4;
    return c >= 0x80 ? 2 : 1;
}

/* The gate of filter f into *g (empty on entry); returns its cost, 0 when it has none. */
static unsigned pf_gate(const nf_bp_filter *f, pf_bytes *g)
{
    if (f->op == PF_LIT) {
        unsigned best = 0, bc = 0;
        for (size_t i = 0; i < f->len; i++) {
            unsigned c = (unsigned char)f->lit[i], k = gate_cost(c);
            if (k && (!best || k < best))
                best = k, bc = c;
        }
        if (best)
            fb_add(g, bc);
        return best;
    }
    if (f->op == PF_AND) {
        unsigned best = 0;
        pf_bytes bg = {{0}};
        for (size_t i = 0; i < f->nkid; i++) {
            pf_bytes kg = {{0}};
            unsigned k = pf_gate(f->kid[i], &kg);
            if (k && (!best || k < best))
                best = k, bg = kg;
        }
        for (int w = 0; w < 4; w++)
            g->w[w] |= bg.w[w];
        return best;
    }
    if (f->op == PF_OR && f->nkid) {
        unsigned sum = 0;
        pf_bytes u = {{0}};
        for (size_t i = 0; i < f->nkid; i++) {
            unsigned k = pf_gate(f->kid[i], &u);
            if (!k)
                return 0;
            sum += k;
        }
        for (int w = 0; w < 4; w++)
            g->w[w] |= u.w[w];
        return sum;
    }
    return 0;
}

/* The gate of a rule's pattern into gate[] (up to 8 bytes): how many bytes it has, 0 when
 * it has none (the pattern is not read, or no byte of its filter can serve; a larger gate
 * costs more searches than it spares). Rules for blocks of any length get one too (read as
 * if for limited ones): memchr needs no summary. */
static uint8_t gate_compile(const char *pat, uint8_t gate[8])
{
    pf_bytes g;
    memset(&g, 0, sizeof g);
    nf_bp_filter *f = pf_compile(pat, 1);
    int ok = f && pf_gate(f, &g) > 0;
    pf_free(f);
    uint8_t n = 0;
    for (unsigned c = 0; ok && c < 256; c++)
        if (fb_has(&g, c)) {
            if (n == 8)
                return 0;
            gate[n++] = (uint8_t)c;
        }
    return ok ? n : 0;
}

/* Which gate bytes a block holds, found as they are asked for. */
typedef struct { pf_bytes known, present; } gate_cache;

/* Does s[0..n) hold one of the ng bytes of gate? */
static int gate_open(const uint8_t *gate, unsigned ng, gate_cache *gc, const char *s, size_t n)
{
    for (unsigned k = 0; k < ng; k++) {
        unsigned c = gate[k];
        if (!fb_has(&gc->known, c)) {
            fb_add(&gc->known, c);
            if (memchr(s, (int)c, n))
                fb_add(&gc->present, c);
        }
        if (fb_has(&gc->present, c))
            return 1;
    }
    return 0;
}

int nf_bp_gate_may(const char *pattern, const char *s, size_t n)
{
    uint8_t gate[8];
    uint8_t ng = gate_compile(pattern, gate);
    if (!ng)
        return -1;
    gate_cache gc;
    memset(&gc, 0, sizeof gc);
    return gate_open(gate, ng, &gc, s, n);
}

int nf_bp_filter_may(const char *pattern, const char *s, size_t n)
{
    uint16_t *code = NULL;
    size_t nc = 0, cap = 0;
    if (!pf_build(pattern, 1, &code, &nc, &cap)) {
        free(code);
        return -1;
    }
    pf_block sb = {.stamp = 0};
    pf_scan(&sb, s, n);
    int may = sb.exotic || pf_may(code, &sb);
    free(code);
    return may;
}

static int add_rules(nf_norm *st, const char *txt, size_t len, const char *src, char *err,
                     size_t errlen)
{
    nf_lines it;
    char *f[4];
    int nf;
    nf_lines_init(&it, txt, len);
    while ((nf = nf_lines_next(&it, f, 4)) >= 0) {
        if (nf < 3) {
            snprintf(err, errlen, "%s:%ld: a rule is ACTION<TAB>MAXCHARS<TAB>PATTERN", src,
                     it.lineno);
            nf_lines_free(&it);
            return -1;
        }
        uint8_t act = !strcmp(f[0], "drop")    ? NF_R_DROP
                      : !strcmp(f[0], "meta")  ? NF_R_META
                      : !strcmp(f[0], "stop")  ? NF_R_STOP
                      : !strcmp(f[0], "label") ? NF_R_LABEL
                                               : 0;
        if (!act) {
            snprintf(err, errlen, "%s:%ld: unknown rule action '%s'", src, it.lineno, f[0]);
            nf_lines_free(&it);
            return -1;
        }
        char e2[200];
        nf_re *re = nf_re_compile(f[2], 0, e2, sizeof e2);
        if (!re) {
            snprintf(err, errlen, "%s:%ld: %s", src, it.lineno, e2);
            nf_lines_free(&it);
            return -1;
        }
        if (st->nrules >= 250) {
            nf_re_free(re);
            continue; /* block->rule is a byte */
        }
        nf_bp_rule *nr = realloc(st->rules, (st->nrules + 1) * sizeof *nr);
        if (!nr) {
            nf_re_free(re);
            nf_lines_free(&it);
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        st->rules = nr;
        st->rules[st->nrules].re = re;
        st->rules[st->nrules].action = act;
        st->rules[st->nrules].maxchars = (uint32_t)strtoul(f[1], NULL, 10);
        /* (compiled with no options above: a (?i) in the pattern is its only caseless part) */
        size_t at = st->npf_code;
        st->rules[st->nrules].filter =
            pf_build(f[2], st->rules[st->nrules].maxchars, &st->pf_code, &st->npf_code, &st->cappf_code)
                ? (uint32_t)at + 1 : 0;
        st->rules[st->nrules].has_first = (uint8_t)fb_compile(f[2], &st->rules[st->nrules].first);
        st->rules[st->nrules].ngate = gate_compile(f[2], st->rules[st->nrules].gate);
        st->nrules++;
    }
    nf_lines_free(&it);
    return 0;
}

/* The rules of each length class (see nf_norm): a rule applies to a block of class k when
 * it has no cap or its cap is caps[k] or more (the caps are the rules' own, so a block of
 * class k has more characters than every cap below caps[k] and at most caps[k]: exactly the
 * rules the per-rule test `chars > maxchars` keeps). Returns 0, -1 when out of memory. */
static int by_len_build(nf_norm *st)
{
    st->caps = malloc((st->nrules + 1) * sizeof *st->caps);
    st->by_len_off = malloc((st->nrules + 2) * sizeof *st->by_len_off);
    st->by_len = malloc((st->nrules + 1) * (st->nrules + 1) + 1);
    if (!st->caps || !st->by_len_off || !st->by_len)
        return -1;
    st->ncaps = 0;
    for (size_t r = 0; r < st->nrules; r++) { /* insertion into the sorted distinct caps */
        uint32_t c = st->rules[r].maxchars;
        size_t k = 0;
        while (k < st->ncaps && st->caps[k] < c)
            k++;
        if (!c || (k < st->ncaps && st->caps[k] == c))
            continue;
        memmove(st->caps + k + 1, st->caps + k, (st->ncaps - k) * sizeof *st->caps);
        st->caps[k] = c;
        st->ncaps++;
    }
    uint32_t n = 0;
    for (size_t k = 0; k <= st->ncaps; k++) {
        st->by_len_off[k] = n;
        for (size_t r = 0; r < st->nrules; r++) {
            uint32_t c = st->rules[r].maxchars;
            if (!c || (k < st->ncaps && st->caps[k] <= c))
                st->by_len[n++] = (uint8_t)r;
        }
    }
    st->by_len_off[st->ncaps + 1] = n;
    return 0;
}

int nf_bp_init(nf_engine *e, char *err, size_t errlen)
{
    nf_norm *st = e->norm;
    size_t len;
    const char *txt = nf_data_get(e, "boilerplate.rules", &len);
    if (txt && add_rules(st, txt, len, "boilerplate.rules", err, errlen))
        return -1;
    for (int i = 0; i < e->opt.nrules; i++) {
        FILE *f = fopen(e->opt.rules[i], "rb");
        if (!f) {
            snprintf(err, errlen, "%s: cannot read the rules file", e->opt.rules[i]);
            return -1;
        }
        nf_buf b = {0};
        char tmp[8192];
        size_t k;
        while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
            nf_buf_put(&b, tmp, k);
        fclose(f);
        int r = add_rules(st, b.p ? b.p : "", b.len, e->opt.rules[i], err, errlen);
        nf_buf_free(&b);
        if (r)
            return -1;
    }
    if (by_len_build(st)) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 0;
}

void nf_bp_fini(nf_engine *e)
{
    nf_norm *st = e->norm;
    free(st->caps);
    free(st->by_len);
    free(st->by_len_off);
    st->caps = NULL;
    st->by_len = NULL;
    st->by_len_off = NULL;
    for (size_t i = 0; i < st->nrules; i++) {
        nf_re_free(st->rules[i].re);
    }
    free(st->rules);
    free(st->pf_code);
    st->pf_code = NULL;
    st->rules = NULL;
    st->nrules = 0;
}

int nf_is_url(const char *s, size_t n)
{
    if (n < 8 || memchr(s, ' ', n))
        return 0;
    return !strncmp(s, "http://", 7) || !strncmp(s, "https://", 8) || !strncmp(s, "www.", 4);
}

/* Title Case: three or more significant words, three in four capitalized (all of them
 * when strict). */
static int title_case_x(const char *s, size_t n, int strict)
{
    int sig = 0, caps = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        size_t wl = j - i;
        if (wl) {
            unsigned char c = (unsigned char)s[i];
            if (c == '"' || c == '\'' || c == '(' || c == '[')
                c = (unsigned char)s[i + (wl > 1)];
            int small = wl <= 3 && nf_islower(c);
            if (!small && nf_isalpha(c) && !(c & 0x80)) {
                sig++;
                caps += nf_isupper(c);
            } else if (!small && nf_isdigit(c)) {
                sig++;
                caps++;
            }
        }
        i = j;
    }
    return sig >= 3 && (strict ? caps == sig : caps * 4 >= sig * 3);
}

static int title_case(const char *s, size_t n) { return title_case_x(s, n, 0); }

/* A teaser from a list of links, scraped with the headline glued to its blurb:
 * "Customers Leave Without Paying $690 Bill At Troy SteakhouseA party of six left...".
 * The headline part is Title Case (four words or more) and ends where a word runs straight
 * into a capitalized one; the blurb after it is prose. */
/* The first i >= from with s[i] in A-Z, or end if none is before end. Eight bytes at a time
 * while eight are left: per byte, y = the byte's low 7 bits, y + 0x3F has its top bit set
 * when y >= 'A', y + 0x25 when y > 'Z' (no sum leaves its byte), and a byte with its own
 * top bit set is none; the lowest set bit is the first (little-endian). Most blocks have an
 * upper-case letter every dozen bytes or more, each checked as before. */
static size_t next_upper(const char *s, size_t from, size_t end)
{
    size_t i = from;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ULL, top = 0x8080808080808080ULL;
    for (; i + 8 <= end; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t y = x & ~top, up = (y + ones * 0x3F) & ~(y + ones * 0x25) & ~x & top;
        if (up)
            return i + (__builtin_ctzll(up) >> 3);
    }
#endif
    while (i < end && !nf_isupper((unsigned char)s[i]))
        i++;
    return i;
}

static int glued_teaser(const char *s, size_t n)
{
    size_t lim = n < 200 ? n : 200;
    /* (only an upper-case s[i] can glue: the loop visits those alone) */
    for (size_t i = 3; i + 2 < lim && (i = next_upper(s, i, lim - 2)) + 2 < lim; i++) {
        unsigned char p = (unsigned char)s[i - 1], c = (unsigned char)s[i], d = (unsigned char)s[i + 1];
        if (!nf_isupper(c) || (!nf_islower(d) && d != ' '))
            continue;
        if (!(nf_islower(p) || nf_isdigit(p) || p == '?' || p == '!' || p == '\'' ||
              (p == 0x99 && i >= 3 && (unsigned char)s[i - 2] == 0x80)))
            continue;
        /* the word before the glue: three letters or more (not McDonald, iPhone) */
        size_t w = i;
        while (w > 0 && s[w - 1] != ' ')
            w--;
        if (i - w < 3 || (!nf_isupper((unsigned char)s[w]) && !nf_isdigit((unsigned char)s[w])))
            continue;
        size_t words = 0;
        for (size_t k = 0; k < w; k++)
            words += s[k] == ' ';
        if (words + 1 < 4 || !title_case_x(s, w ? w - 1 : 0, 1) || n - i < 40)
            continue;
        return 1;
    }
    return 0;
}

/* Ends with an abbreviation like U.S. rather than a full stop? */
static int ends_abbrev(const char *s, size_t n)
{
    return n >= 4 && s[n - 1] == '.' && nf_isupper((unsigned char)s[n - 2]) && s[n - 3] == '.' &&
           nf_isupper((unsigned char)s[n - 4]);
}

/* Does a text block read like a sentence of prose, however short ("He declined to comment.",
 * "Putin said NATO would grow.", "Peru's minister said:")? It ends with . ! ? or a colon (past
 * closing quotes and brackets), holds two words or more, one of them a lower-case word, and is
 * no Title Case line. Plain text keeps such blocks when in doubt: page furniture rarely reads
 * like a sentence, and a lost sentence costs every later stage. */
static int sentence_like(const nf_block *b, const char *s, size_t n)
{
    if (!b->end_punct || b->words < 2 || b->words > 60)
        return 0;
    size_t e = n;
    while (e) {
        unsigned char c = (unsigned char)s[e - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '`')
            e--;
        else if (e >= 3 && c >= 0x98 && c <= 0x9D && (unsigned char)s[e - 2] == 0x80 &&
                 (unsigned char)s[e - 3] == 0xE2)
            e -= 3; /* curly quotes */
        else
            break;
    }
    if (!e)
        return 0;
    unsigned char c = (unsigned char)s[e - 1];
    int ok = c == '.' || c == '!' || c == '?' || c == ':' ||
             (e >= 3 && c == 0xA6 && (unsigned char)s[e - 2] == 0x80 && (unsigned char)s[e - 3] == 0xE2);
    if (!ok || memchr(s, '|', n))
        return 0;
    /* a lower-case word of two letters or more */
    int lower = 0;
    for (size_t i = 0; i + 1 < n && !lower; i++)
        lower = (i == 0 || s[i - 1] == ' ') && nf_islower((unsigned char)s[i]) &&
                nf_islower((unsigned char)s[i + 1]);
    return lower && !title_case_x(s, n, 1);
}

/* A line of a fact table in plain text: a short label, a colon and a number ("Total dead: 192",
 * "Injured: 4,877", "Turnout: 61.5%"), or a label line that heads such lines ("KENYA:"). Page
 * furniture has counters too, but not under a label with a colon. */
static int label_value(const char *s, size_t n)
{
    const char *c = memchr(s, ':', n);
    if (!c || c == s || c - s > 40 || !nf_isupper((unsigned char)s[0]))
        return 0;
    size_t i = (size_t)(c - s) + 1;
    while (i < n && s[i] == ' ')
        i++;
    if (i == n)
        return 0;
    size_t d = 0;
    for (; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (nf_isdigit(ch))
            d++;
        else if (ch != ',' && ch != '.' && ch != '%' && !(ch == ' ' && i + 1 < n && nf_isdigit((unsigned char)s[i + 1])))
            return 0;
    }
    return d > 0;
}

static int table_head(const nf_blocks *bl, uint32_t i)
{
    const nf_block *b = &bl->b[i];
    const char *s = bl->buf + b->start;
    size_t n = b->end - b->start;
    return n >= 2 && n <= 40 && s[n - 1] == ':' && b->words <= 4 && i + 1 < bl->nb &&
           label_value(bl->buf + bl->b[i + 1].start, bl->b[i + 1].end - bl->b[i + 1].start);
}

static int32_t best_run(const int32_t *sc, uint32_t lo, uint32_t hi, uint32_t *bs, uint32_t *be)
{
    int64_t best = 0, cur = 0;
    uint32_t s = lo;
    *bs = *be = lo;
    for (uint32_t i = lo; i < hi; i++) {
        if (cur <= 0) {
            cur = 0;
            s = i;
        }
        cur += sc[i];
        if (cur > best) {
            best = cur;
            *bs = s;
            *be = i + 1;
        }
    }
    return (int32_t)(best > INT32_MAX ? INT32_MAX : best);
}

void nf_bp_classify(nf_ana *a, nf_blocks *bl)
{
    const nf_norm *st = a->eng->norm;
    uint32_t nb = bl->nb;
    if (!nb)
        return;
    size_t ov[2];
    pf_block sb;
    sb.stamp = 0;
    uint32_t seen = 0;
    int stopped = 0;
    for (uint32_t i = 0; i < nb; i++) {
        nf_block *b = &bl->b[i];
        const char *s = bl->buf + b->start;
        size_t n = b->end - b->start;
        if (stopped) {
            b->cls = NF_B_DROP;
            continue;
        }
        int act = 0;
        int scanned = 0;
        gate_cache gc;
        memset(&gc, 0, sizeof gc);
        /* the rules of the block's length class: those whose cap it is not over */
        size_t k = 0;
        while (k < st->ncaps && b->chars > st->caps[k])
            k++;
        for (uint32_t q = st->by_len_off[k]; q < st->by_len_off[k + 1]; q++) {
            size_t r = st->by_len[q];
            const nf_bp_rule *R = &st->rules[r];
            if (R->has_first && !fb_has(&R->first, (unsigned char)s[0]))
                continue; /* an anchored rule, and no branch starts with that byte */
            if (R->ngate && !gate_open(R->gate, R->ngate, &gc, s, n))
                continue; /* none of the bytes every match holds (exact, where the
                           * summary's hashed pairs may collide) */
            if (R->filter) { /* can't match without its literals */
                if (!scanned) {
                    pf_scan(&sb, s, n);
                    scanned = 1;
                }
                if (!sb.exotic && !pf_may(st->pf_code + (R->filter - 1), &sb))
                    continue;
            }
            if (nf_re_match(R->re, a->w, s, n, 0, ov, 1) == 1) {
                act = R->action;
                b->rule = (uint8_t)(r + 1);
                break;
            }
        }
        if (act == NF_R_STOP) {
            if (seen >= STOP_AFTER && b->chars < 120) {
                stopped = 1;
                b->cls = NF_B_DROP;
                continue;
            }
            act = NF_R_DROP;
        }
        if (act == NF_R_DROP) {
            b->cls = NF_B_DROP;
        } else if (act == NF_R_META || act == NF_R_LABEL) {
            b->cls = NF_B_META;
            if (act == NF_R_LABEL && i + 1 < nb)
                bl->b[i + 1].after_label = 1;
        } else if (nf_is_url(s, n)) {
            b->cls = NF_B_META;
        } else if (!bl->html && glued_teaser(s, n)) {
            b->cls = NF_B_DROP;
        } else if (bl->html && b->cand < 0) {
            b->cls = NF_B_DROP;
        } else if (bl->html && b->link_chars * 2 > b->chars) {
            b->cls = NF_B_DROP;
        } else {
            uint32_t L = b->chars;
            int end = b->end_punct;
            if (L >= GOOD_LEN && (end || L >= 2 * GOOD_LEN))
                b->cls = NF_B_GOOD;
            else if (L >= GOOD_LEN / 2 && end && b->words >= 5)
                b->cls = NF_B_GOOD;
            else if (!end && title_case(s, n))
                b->cls = NF_B_BAD;
            else if (L < 20 || (!end && L < GOOD_LEN))
                b->cls = NF_B_BAD;
            else
                b->cls = NF_B_SHORT;
            if (bl->html && b->tag == NF_TAG_H && b->cls == NF_B_GOOD && !end)
                b->cls = NF_B_SHORT;
        }
        if (b->cls == NF_B_GOOD)
            seen += b->chars;
    }
    if (a->eng->opt.keep_boilerplate) {
        for (uint32_t i = 0; i < nb; i++) {
            nf_block *b = &bl->b[i];
            b->keep = b->cls != NF_B_META;
            b->heading = b->keep && b->cls != NF_B_GOOD && (!b->end_punct || b->words <= 12);
        }
        return;
    }
    /* A clean article (a wire story, a dump of bodies): hardly any furniture-shaped block
     * besides a title line. Then every block that no rule drops is body: short sentences and
     * sports results lists too. */
    {
        uint32_t nbad = 0, ndrop = 0;
        uint64_t good = 0, total = 0;
        for (uint32_t i = 0; i < nb; i++) {
            const nf_block *b = &bl->b[i];
            total += b->chars;
            if (b->cls == NF_B_GOOD ||
                (!bl->html && (b->cls == NF_B_SHORT || b->cls == NF_B_BAD) &&
                 sentence_like(b, bl->buf + b->start, b->end - b->start)))
                good += b->chars; /* short sentences are prose too */
            else if (b->cls == NF_B_BAD && i > 0)
                nbad++;
            else if (b->cls == NF_B_DROP)
                ndrop++;
        }
        if (!bl->html && nbad <= 1 + nb / 12 && ndrop <= 1 + nb / 12 && good * 10 >= total * 7) {
            for (uint32_t i = 0; i < nb; i++) {
                nf_block *b = &bl->b[i];
                const char *s = bl->buf + b->start;
                size_t n = b->end - b->start;
                if (b->cls == NF_B_DROP || b->cls == NF_B_META)
                    continue;
                if (i == 0 && nb > 1 && b->cls == NF_B_BAD && !b->end_punct) {
                    /* the title line: a headline standing directly on the story is kept as
                     * its heading (named things in it are the story's; headings make no
                     * claims); a title in a header of metadata lines (date, url) is not */
                    const nf_block *nx = &bl->b[1];
                    if (nx->cls != NF_B_META && nx->cls != NF_B_DROP && b->words <= 20) {
                        b->keep = b->heading = b->headline = 1;
                    }
                    continue;
                }
                b->keep = 1;
                b->heading = b->cls != NF_B_GOOD && b->words <= 20 &&
                             (!b->end_punct || ends_abbrev(s, n) || title_case(s, n));
            }
            return;
        }
    }
    int32_t *sc = nf_arena_alloc(&a->arena, nb * sizeof *sc);
    uint8_t *in = nf_arena_alloc(&a->arena, nb);
    for (uint32_t i = 0; i < nb; i++) {
        nf_block *b = &bl->b[i];
        sc[i] = b->cls == NF_B_GOOD ? (int32_t)b->chars : b->cls == NF_B_SHORT ? 0 : -PENALTY;
        in[i] = 0;
    }
    /* the best run, then the best runs left and right of it, as long as they are strong */
    uint32_t *stack = nf_arena_alloc(&a->arena, (2 * nb + 2) * sizeof *stack);
    size_t sp = 0;
    stack[sp++] = 0;
    stack[sp++] = nb;
    int32_t top = -1;
    while (sp) {
        uint32_t hi = stack[--sp], lo = stack[--sp], bs, be;
        int32_t v = best_run(sc, lo, hi, &bs, &be);
        if (v <= 0)
            continue;
        if (top < 0)
            top = v;
        if (v < top * RUN_SHARE)
            continue;
        /* a lede without its full stop just before the run belongs to it */
        while (bs > lo && bl->b[bs - 1].cls == NF_B_SHORT && bl->b[bs - 1].chars >= GOOD_LEN)
            bs--;
        /* so does a short first paragraph that reads like a sentence ("The talks failed.") */
        while (bs > lo && !bl->html && (bl->b[bs - 1].cls == NF_B_SHORT || bl->b[bs - 1].cls == NF_B_BAD) &&
               sentence_like(&bl->b[bs - 1], bl->buf + bl->b[bs - 1].start,
                             bl->b[bs - 1].end - bl->b[bs - 1].start))
            bs--;
        /* short sentences right after the run end the article ("He declined to comment.") */
        while (be < hi && ((bl->b[be].cls == NF_B_SHORT && bl->b[be].end_punct) ||
                           (!bl->html && bl->b[be].cls == NF_B_BAD &&
                            sentence_like(&bl->b[be], bl->buf + bl->b[be].start,
                                          bl->b[be].end - bl->b[be].start)) ||
                           (!bl->html && bl->b[be].cls != NF_B_DROP && bl->b[be].cls != NF_B_META &&
                            (label_value(bl->buf + bl->b[be].start, bl->b[be].end - bl->b[be].start) ||
                             table_head(bl, be)))))
            be++;
        for (uint32_t i = bs; i < be; i++)
            in[i] = 1;
        if (sp + 4 <= 2 * nb + 2) {
            stack[sp++] = lo;
            stack[sp++] = bs;
            stack[sp++] = be;
            stack[sp++] = hi;
        }
    }
    for (uint32_t i = 0; i < nb; i++) {
        nf_block *b = &bl->b[i];
        if (!in[i] && !(bl->html && b->cand >= 0 && b->cls != NF_B_DROP && b->cls != NF_B_META))
            continue;
        const char *s = bl->buf + b->start;
        size_t n = b->end - b->start;
        /* a short sentence inside the run is body ("He declined.", "Peru's minister said:") */
        int sent = !bl->html && b->cls == NF_B_BAD && in[i] &&
                   (sentence_like(b, s, n) || label_value(s, n) || table_head(bl, i));
        if (b->cls == NF_B_GOOD || b->cls == NF_B_SHORT || (b->cls == NF_B_BAD && b->chars >= 15) ||
            sent)
            b->keep = 1;
        if (b->keep && b->cls != NF_B_GOOD && b->words <= 20 && !sent &&
            (!b->end_punct || ends_abbrev(s, n) || title_case(s, n) || b->cls == NF_B_BAD))
            b->heading = 1;
        if (bl->html && b->tag == NF_TAG_H && b->keep)
            b->heading = 1;
    }
    /* a headline on the first line, standing directly on the body, is kept as its heading
     * (and read as the title), as in a clean article */
    if (!bl->html && nb > 1 && !in[0] && in[1] && bl->b[1].keep && bl->b[0].cls == NF_B_BAD &&
        !bl->b[0].end_punct && bl->b[0].words <= 20)
        bl->b[0].keep = bl->b[0].heading = bl->b[0].headline = 1;
}

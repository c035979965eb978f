/* numbers.h — the number grammar of the figures stage, as a pure function over text.
 *
 * A number expression is read at a given byte position of a UTF-8 text: digits with
 * thousands separators and decimals (70,000  1.9), scales (1.5 million, $1m, 2bn), spelled
 * numbers (eight, Thirty-two, a hundred thirty million, one and a half), fractions
 * (three-quarters, half a million), percentages (20%, 20 percent, 20 per cent), currencies
 * ($, £, €, US$), ranges (15-20 percent, between 15 and 20), changes (from 20 to 10), hyphenated
 * compounds (5,000-strong: the word after the hyphen is reported) and vague quantities
 * (dozens 12, hundreds 100, thousands 1000, tens of thousands 10000).
 *
 * Values are exact decimals computed in decimal arithmetic ("1900000", "1.5", "0.75"): no
 * floating point anywhere. The word lists come from data/numbers.tsv. The table is
 * read-only after nf_numtab_new and may be shared by threads. */
#ifndef NF_NUMBERS_H
#define NF_NUMBERS_H

#include <stddef.h>
#include <stdint.h>

enum {
    NF_NUM_DIGITS = 1 << 0,   /* written with digits */
    NF_NUM_WORDS = 1 << 1,    /* spelled out (some part of it) */
    NF_NUM_VAGUE = 1 << 2,    /* dozens, thousands, tens of thousands, several hundred */
    NF_NUM_PERCENT = 1 << 3,  /* 20%, 20 percent */
    NF_NUM_MONEY = 1 << 4,    /* a currency sign or code: $5m */
    NF_NUM_FRACTION = 1 << 5, /* three-quarters, half */
    NF_NUM_RANGE = 1 << 6,    /* 15-20, between 15 and 20: value is the lower bound, value2 the upper */
    NF_NUM_CHANGE = 1 << 7,   /* from 20 to 10: value is the old, value2 the new */
    NF_NUM_SCALED = 1 << 8,   /* a scale word or suffix was applied (million, bn) */
    NF_NUM_SUFFIX = 1 << 9,   /* an attached scale suffix (1m, 2bn, 10k) */
    NF_NUM_HYPHEN = 1 << 10,  /* followed by -word (5,000-strong): word in hyph_start..hyph_end */
    NF_NUM_PLAIN4 = 1 << 11,  /* bare 4-digit integer without separator (looks like a year) */
    NF_NUM_POINTS = 1 << 12,  /* percentage points */
};

#define NF_NUM_VLEN 64

typedef struct {
    size_t start, end;          /* the whole expression, bytes of the text */
    size_t nstart, nend;        /* the first number itself (without from/between/currency) */
    size_t n2start, n2end;      /* the second number of a range or change */
    size_t hyph_start, hyph_end;/* word after the hyphen (NF_NUM_HYPHEN) */
    size_t vstart, vend;        /* the vague words (NF_NUM_VAGUE) */
    unsigned flags;
    char value[NF_NUM_VLEN];    /* exact decimal */
    char value2[NF_NUM_VLEN];   /* upper bound (range) or new value (change), else "" */
    const char *unit;           /* intrinsic unit: "percent", "dollars", "pounds"... or NULL */
} nf_num;

typedef struct nf_numtab nf_numtab;

/* Builds the tables from the text of numbers.tsv. NULL with a message on error. */
nf_numtab *nf_numtab_new(const char *text, size_t len, char *err, size_t errlen);
void nf_numtab_free(nf_numtab *t);

/* Reads the longest number expression that starts exactly at s[pos] (s has len bytes).
 * Returns 1 and fills *out, or 0 when no number starts there. The caller decides whether
 * it is a figure (years, dates, ordinals and ids are not rejected here, except that a
 * number glued to letters or to other digits by '.', ':' or '/' is not read). */
int nf_num_parse(const nf_numtab *t, const char *s, size_t len, size_t pos, nf_num *out);

/* nf_num_parse for a caller that has just seen nf_num_may_start(t, s, len, pos) hold (it
 * does not ask again; the same answer when that holds, undefined when not). */
int nf_num_parse_started(const nf_numtab *t, const char *s, size_t len, size_t pos, nf_num *out);

/* A cheap test: can a number expression start at s[pos]? (0 means nf_num_parse fails.) */
int nf_num_may_start(const nf_numtab *t, const char *s, size_t len, size_t pos);
/* nf_num_may_start's first look, in a table a caller can test in line: when bit (c1 & 7) of
 * nf_num_pairs(t)[c0][c1 >> 3] is 0, no number starts at a byte c0 followed by c1 (c1 = 0 at
 * the end of the text). */
const uint8_t (*nf_num_pairs(const nf_numtab *t))[32];
static inline int nf_num_pair_may(const uint8_t (*pairs)[32], unsigned char c0, unsigned char c1)
{
    return (pairs[c0][c1 >> 3] >> (c1 & 7)) & 1;
}
/* Can a number expression lie in s[start, end)? 0 means that nf_num_parse(t, s, end, p, ...)
 * fails at every p of [start, end) except at an ASCII letter right after another one in it
 * (inside a word: the "one" of "someone"). A sentence filter: it looks for a digit or for a word that
 * every number without digits holds (numbers.c says why nothing else can make one). */
int nf_num_may_occur(const nf_numtab *t, const char *s, size_t start, size_t end);

/* Convenience for tests and tools: the value of a text that is one number expression
 * (leading and trailing blanks ignored). Writes the value (and, for ranges and changes,
 * "LOW..HIGH" / "OLD->NEW") into out. Returns 1, or 0 when the text is not exactly one
 * number expression. */
int nf_num_value(const nf_numtab *t, const char *text, char *out, size_t outlen);

#endif

/* normalize.h - internals shared by normalize.c, boilerplate.c and html.c.
 *
 * The normalizer first cuts an article into blocks (a paragraph of a text article after
 * reflow, or a block-level element of an HTML page), each with its own text and line map,
 * then classifies the blocks (boilerplate.c), reads the metadata and writes the kept blocks
 * as the body (normalize.c). */
#ifndef NF_NORMALIZE_H
#define NF_NORMALIZE_H

#include "nf.h"

/* Block classes (boilerplate.c). */
enum {
    NF_B_GOOD = 1,   /* prose */
    NF_B_SHORT,      /* undecided: kept inside the body region */
    NF_B_BAD,        /* furniture by its shape: kept inside the region only as a heading */
    NF_B_DROP,       /* boilerplate by a rule or a hard feature: never kept */
    NF_B_META,       /* a metadata line: read, never kept */
};

/* HTML tag families of a block. */
enum { NF_TAG_NONE, NF_TAG_P, NF_TAG_H, NF_TAG_LI, NF_TAG_TD, NF_TAG_PRE, NF_TAG_QUOTE, NF_TAG_OTHER };

typedef struct {
    uint32_t start, end;     /* the block's text in the work buffer: [start, end) */
    uint32_t seg0, nseg;     /* its line map: work segs [seg0, seg0 + nseg) */
    long line;               /* input line of its first byte */
    uint32_t chars;          /* weighted length in characters (CJK count double) */
    uint32_t words;
    uint32_t link_chars;     /* HTML: characters inside <a> */
    int32_t cand;            /* HTML: the content candidate holding it, -1 none */
    uint8_t tag;             /* NF_TAG_* */
    uint8_t cls;             /* NF_B_* */
    uint8_t keep, heading;
    uint8_t end_punct;       /* ends like a sentence */
    uint8_t rule;            /* index+1 of the rule that matched, 0 none */
    uint8_t after_label;     /* follows a "url:" label block */
    uint8_t headline;        /* the article's headline, kept as a heading of the body */
} nf_block;

typedef struct {
    char *buf; uint32_t len, cap;          /* work text (arena) */
    nf_seg *seg; uint32_t nseg, capseg;    /* work line map (arena) */
    nf_block *b; uint32_t nb, capb;        /* blocks (arena) */
    /* metadata found by the HTML reader (arena strings or NULL) */
    const char *h_date, *h_title, *h_site, *h_url;
    int html;
} nf_blocks;

/* A boilerplate rule (data/boilerplate.rules, --rules FILE). */
enum { NF_R_DROP = 1, NF_R_META, NF_R_STOP, NF_R_LABEL };
typedef struct nf_bp_filter nf_bp_filter; /* literals every match holds (boilerplate.c) */
typedef struct { uint64_t w[4]; } nf_bp_bytes; /* a set of bytes */
typedef struct {
    nf_re *re; uint8_t action; uint32_t maxchars;
    uint32_t filter;   /* its literal prefilter: offset + 1 in nf_norm.pf_code, 0 none */
    uint8_t has_first; nf_bp_bytes first; /* an anchored rule: the first bytes of its matches */
    uint8_t ngate, gate[8]; /* bytes, no letter or space, one of which every match holds
                             * (boilerplate.c); 0: no gate */
} nf_bp_rule;

/* The normalizer's compiled state (engine->norm). */
typedef struct {
    nf_bp_rule *rules; size_t nrules;
    /* the rules by block length (boilerplate.c): the distinct length caps, ascending
     * (ncaps of them), and for each class k (a block of at most caps[k] characters and
     * more than caps[k - 1]; k == ncaps: longer than every cap) the indexes of the rules
     * that apply, in order: by_len[by_len_off[k] .. by_len_off[k + 1]) */
    uint32_t *caps; size_t ncaps;
    uint8_t *by_len; uint32_t *by_len_off;
    uint16_t *pf_code; size_t npf_code, cappf_code; /* the rules' prefilters, flat (boilerplate.c) */
    nf_map *sites;     /* host ("themoscowtimes.com") or lower-cased name -> the site's name */
    /* stop words of 2 to 8 bytes (no longer word is looked up), open addressing: a word
     * zero-padded to 8 bytes is its own key (no word holds a NUL; 0 marks a free slot);
     * stop[k].bits is the bit set of languages (index in langs) of stop[k].key; key and
     * bits side by side, so that a look-up touches one cache line */
    struct { uint64_t key; uint32_t bits; } *stop; size_t stop_mask; /* slots - 1 (a power of 2) */
    uint64_t stop_bloom[128]; /* a Bloom filter of the stop keys, two bits a key (normalize.c) */
    char langs[32][3]; int nlangs;
    int en;            /* index of "en" in langs, or -1 */
} nf_norm;

/* Work-buffer helpers (normalize.c). */
void nf_bl_put(nf_ana *a, nf_blocks *bl, const char *s, size_t n);
void nf_bl_seg(nf_ana *a, nf_blocks *bl, long line, long col);
nf_block *nf_bl_open(nf_ana *a, nf_blocks *bl, long line);
/* Closes the open block: trims trailing spaces, measures it; drops it when empty. */
void nf_bl_close(nf_ana *a, nf_blocks *bl);
/* Appends s[0..n) decoding HTML entities, with segs after each entity (line, col of s). */
void nf_bl_put_decoded(nf_ana *a, nf_blocks *bl, const char *s, size_t n, long line, long col);
/* Decodes the entity at s (s[0] == '&'); returns its length and the UTF-8 in out (*outn),
 * or 0 when it is no entity. */
size_t nf_entity_decode(const char *s, size_t n, char out[8], size_t *outn);

/* boilerplate.c */
int nf_bp_init(nf_engine *e, char *err, size_t errlen);
void nf_bp_fini(nf_engine *e);
/* Classifies the blocks and chooses the body: sets cls, keep and heading. */
void nf_bp_classify(nf_ana *a, nf_blocks *bl);
/* For the unit tests: may a match of pattern (as a rule for blocks of limited length) be
 * in s[0..n), by its literal prefilter? 1 or 0; -1 when the pattern gets no filter. */
int nf_bp_filter_may(const char *pattern, const char *s, size_t n);
/* For the unit tests: may a match of pattern be at the start of s[0..n), by the first bytes
 * of an anchored pattern? 1 or 0; -1 when the pattern gets no first-byte set. */
int nf_bp_first_may(const char *pattern, const char *s, size_t n);
/* For the unit tests: may a match of pattern (as a rule for blocks of limited length) be in
 * s[0..n), by its byte gate? 1 or 0; -1 when the pattern gets no gate. */
int nf_bp_gate_may(const char *pattern, const char *s, size_t n);
/* Is the text a single url (no spaces, http/https/www)? */
int nf_is_url(const char *s, size_t n);

/* html.c: is the article an HTML page or fragment? */
int nf_html_detect(const char *s, size_t n);
/* Parses the page into blocks and metadata; returns 0, -1 when it can't be parsed. */
int nf_html_blocks(nf_ana *a, nf_blocks *bl, const char *s, size_t n, long line0);

#endif

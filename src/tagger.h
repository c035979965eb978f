/* tagger.h - small named-entity sequence tagger (PER / ORG / LOC / MISC).
 *
 * A greedy left-to-right averaged-perceptron tagger trained on CoNLL-2003
 * (train split only) by tools/train_tagger.c.  Tags are BIO (IOB2).  The
 * decoder never emits I-X unless the previous tag is B-X or I-X.
 *
 * Model image format ("NFTAGGR1", all integers little-endian)
 * ------------------------------------------------------------
 *   off  size  field
 *     0     8  magic "NFTAGGR1"
 *     8     4  u32 format version (= 1)
 *    12     4  u32 number of tags (= NF_NTAGS = 9)
 *    16     4  u32 number of features F (1 .. 4,000,000)
 *    20     4  u32 feature-set id (NF_TAGGER_FEATSET; the feature templates
 *                  the model was trained with; must match the code)
 *    24     4  u32 byte length P of the payload that follows
 *    28     P  payload: F feature records, keys strictly ascending:
 *                varint  key delta (first record: the key itself; later
 *                        records: key - previous key, must be >= 1; the
 *                        key is the 32-bit hash of the feature, never 0)
 *                varint  tag mask (bits 0..8; non-zero; bit t set means a
 *                        weight for tag t follows)
 *                zigzag varint weight, one per set bit, ascending tag
 *                        order, each in [-32767, 32767] and non-zero
 *  28+P     4  u32 FNV-1a-32 checksum of bytes [0, 28+P)
 *   (end of image: the total length must be exactly 32+P)
 *   varint = unsigned LEB128, at most 5 bytes, value < 2^32.
 *
 * Weights are the averaged perceptron weights scaled by a common factor and
 * rounded to int16; a feature's missing tags have weight 0.  The loader
 * validates every length, range and the checksum and returns NULL for any
 * malformed image.
 */
#ifndef NF_TAGGER_H
#define NF_TAGGER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum { NF_TAG_O = 0, NF_TAG_B_PER, NF_TAG_I_PER, NF_TAG_B_ORG, NF_TAG_I_ORG, NF_TAG_B_LOC, NF_TAG_I_LOC, NF_TAG_B_MISC, NF_TAG_I_MISC, NF_NTAGS };

typedef struct nf_tagger nf_tagger;

/* Builds a tagger from a model image in memory (the bytes of
 * data/tagger.model).  NULL on a malformed image.  The image is not
 * referenced after the call returns.  The returned tagger is immutable and
 * safe to share between threads. */
nf_tagger *nf_tagger_load(const unsigned char *model, size_t len);

void nf_tagger_free(nf_tagger *t);

/* For tests: the NF_NTAGS weights of a feature key, or NULL when the model has none. */
const int16_t *nf__lookup(const nf_tagger *t, uint32_t key);

/* Tags one sentence.  words[i] points at the i-th token (lens[i] bytes,
 * UTF-8, NOT NUL-terminated).  Writes one tag (NF_TAG_*) per token into
 * tags.  Thread-safe, allocation-free, O(n); handles n == 0, very long
 * sentences and arbitrary bytes. */
void nf_tagger_tag(const nf_tagger *t, const char *const *words, const size_t *lens, size_t n, uint8_t *tags);

/* A memo of word analyses (nf_tok and the word's summed one-word feature weights, keyed by
 * the exact word bytes), to keep from sentence to sentence and article to article: names
 * and the words around them repeat.  About 4.5 MB; one per thread (not thread-safe).
 * nf_tagger_cache_new returns NULL when out of memory (tagging then works without). */
typedef struct nf_tagger_cache nf_tagger_cache;
nf_tagger_cache *nf_tagger_cache_new(void);
void nf_tagger_cache_free(nf_tagger_cache *c);

/* nf_tagger_tag through a cache (NULL: none): the same tags, computed faster.  The cache
 * may be used with any tagger (it empties itself when the tagger changes). */
void nf_tagger_tag_cached(const nf_tagger *t, nf_tagger_cache *c, const char *const *words, const size_t *lens,
                          size_t n, uint8_t *tags);

/* ------------------------------------------------------------------------
 * Internal interface shared with tools/train_tagger.c.  Not part of the
 * public API; define NF_TAGGER_INTERNAL before including to get it.
 * ---------------------------------------------------------------------- */
#ifdef NF_TAGGER_INTERNAL

#define NF_TAGGER_MAGIC "NFTAGGR1"
#define NF_TAGGER_VERSION 1u
#define NF_TAGGER_FEATSET 10u /* 9 had the templates 34..39 and 106 too (see below) */
#define NF_TAGGER_MAX_FEATS 4000000u
#define NF_MAX_STATIC 64 /* upper bound of nf__static_feats() output */
#define NF_MAX_DYN 8     /* upper bound of nf__dyn_feats() output */

/* Per-token precomputed hashes and flags. */
typedef struct nf_tok {
    uint32_t norm;    /* lowercased word, digits mapped to 0 */
    uint32_t exact;   /* word as written */
    uint32_t lshape;  /* shape, runs capped at 3 */
    uint32_t sshape;  /* shape, runs collapsed */
    uint32_t pre[4];  /* prefixes of norm, 1..4 chars (0 if shorter) */
    uint32_t suf[4];  /* suffixes of norm, 1..4 chars (0 if shorter) */
    uint32_t flags;   /* NF_TF_* */
} nf_tok;

enum {
    NF_TF_INITCAP = 1u << 0,
    NF_TF_ALLCAPS = 1u << 1,
    NF_TF_HASDIGIT = 1u << 2,
    NF_TF_ALLDIGIT = 1u << 3,
    NF_TF_HYPHEN = 1u << 4,
    NF_TF_PERIOD = 1u << 5,
    NF_TF_MIXED = 1u << 6, /* upper case after the first char, not all caps */
    NF_TF_NOALNUM = 1u << 7,
    NF_TF_HASALPHA = 1u << 8,
    NF_TF_HASLOWER = 1u << 9,
    NF_TF_LONG = 1u << 10, /* >= 8 chars */
    NF_TF_SHORT = 1u << 11, /* <= 2 chars */
    NF_TF_UPPER = 1u << 12, /* some upper-case letter (not a feature; see nf__skip) */
    NF_TF_CLOSED = 1u << 13 /* a closed-class word (not a feature; see nf__skip) */
};

/* A token that is never scored when the previous tag is O (or at the start): no upper-case
 * letter (lower-case words, numbers, punctuation), or a closed-class word.  It is tagged
 * O directly, which
 * makes tagging several times faster; training does the same. */
#define nf__skip(tok, prev) (((prev) <= 0) && (!((tok)->flags & NF_TF_UPPER) || ((tok)->flags & NF_TF_CLOSED)))
/* Capitalized closed-class words (`The`, `But`, `He`) are never scored after O either. */
int nf__closed(const char *w, size_t n);

/* Sentence-level flags. */
enum { NF_SF_ALLCAPS = 1u << 0 /* no lowercase letter in the whole sentence (headline) */ };

void nf__tok_info(const char *w, size_t len, nf_tok *out);
uint32_t nf__sent_flags(const char *const *words, const size_t *lens, size_t n);
/* win[0..4] = tokens at i-2..i+2 (NULL when outside the sentence); win[2] != NULL. */
size_t nf__static_feats(const nf_tok *const win[5], size_t i, uint32_t sflags, uint32_t *out);
/* p1, p2 = tags at i-1, i-2 (-1 when outside the sentence). */
size_t nf__dyn_feats(const nf_tok *const win[5], int p1, int p2, uint32_t *out);

/* The same features split by what they read, for the runtime (nf_tagger_tag), which sums
 * the weights of a word's one-word features once per word type (exact int32 sums, so the
 * scores are those of the full lists above):
 *   nf__role_feats: the templates that read one token of the window only, by the token's
 *     role: NF_R_C the centre (1-14), NF_R_M1 the word before (15, 19, 41), NF_R_M2 two
 *     before (16, 20), NF_R_P1 the word after (17, 21, 40), NF_R_P2 two after (18, 22).
 *     tok == NULL: the position is outside the sentence (the BOS / EOS sentinel).
 *   nf__ctx_feats: every other static and dynamic template except 101 and 102 (pairs and
 *     triples of tokens, sentence start, headline, the previous tag with a token).  These
 *     are looked up one by one for every scored token, in a table of megabytes (cache
 *     misses): the tagger's main cost.  Feature set 10 dropped seven of the sixteen,
 *     34..39 (a word with the next or previous word's shape or suffix, the exact-case
 *     bigram, the word trigram) and 106 (previous tag + previous word), all nearly
 *     redundant with 23, 24, 40, 41 and 103, and training keeps only the features seen at
 *     least twice (--mincount 2): 54,000 features instead of 131,000, the table 2.6 MB
 *     instead of 6.4, and the tagger 17% fewer instructions, for 7-9% less run time in all;
 *     CoNLL dev F1 0.874 (was 0.875).
 *   nf__hist_feats: 101 and 102, which read the previous two tags only.
 * The multiset union over the five roles and the other two equals nf__static_feats +
 * nf__dyn_feats (tests/test_tagger_internal.c checks it). */
enum { NF_R_C, NF_R_M1, NF_R_M2, NF_R_P1, NF_R_P2, NF_NROLES };
#define NF_MAX_ROLE 32 /* upper bound of nf__role_feats() output */
#define NF_MAX_CTX 32  /* upper bound of nf__ctx_feats() output */
size_t nf__role_feats(int role, const nf_tok *tok, uint32_t *out);
size_t nf__ctx_feats(const nf_tok *const win[5], size_t i, uint32_t sflags, int p1, uint32_t *out);
size_t nf__hist_feats(int p1, int p2, uint32_t *out);

/* 1 if tag may follow prev (prev = -1 at sentence start). */
int nf__allowed(int prev, int tag);
uint32_t nf__fnv1a(const unsigned char *p, size_t n);

#endif /* NF_TAGGER_INTERNAL */

#ifdef __cplusplus
}
#endif

#endif /* NF_TAGGER_H */

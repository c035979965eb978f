/* claims.c — attributed claims: who said what, and when.
 *
 * Runs last, on the tokens and sentences (sentences.c), the date expressions (dates.c) and
 * the actor mentions (actors.c) of one article. Two passes:
 *
 *  1. cues: every reporting word (data/reporting.tsv: `said`, `told`, `according to`...) that
 *     is used in its reporting sense (not `so-called`, `claimed 217 lives`, `called off`,
 *     a passive `is said to`), with what extends it (`told reporters`, `said in a statement`);
 *     each cue finds its speaker: the subject before it (`Psaki noted`, skipping `also`, `has`,
 *     a date, an appositive between commas), or the words after it when inverted (`"...,"
 *     said Peskov`), or the words after `according to`. A cue with no subject of its own that
 *     continues an earlier one in its sentence (`said ..., noting`, `denies ... and accused`)
 *     joins that cue's row.
 *  2. rows: one `claim` row per attribution. The speaker is the actor stage's canonical name;
 *     a pronoun resolves to the most recent fitting actor (he/she: a person that spoke or acted
 *     last; they/it: a body), a description (data/descriptions.tsv) to the person with that
 *     role, else to what it stands for (`Russian officials` -> Russia), else it stays as
 *     written. The claim is the quote before the attribution (running back over sentences and
 *     paragraphs to where it opened) or the clause after it (running on to where an opened
 *     quote closes), quote marks stripped; a quote that goes on in the next sentences with no
 *     attribution of their own belongs to it too. The date is a date expression that goes with
 *     the cue (`told reporters on Wednesday evening`, `on Friday said`), else the article's.
 *
 * Engine state: the cue lexicon and the description lexicon (hash maps), read-only. */
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "nf.h"

enum { C_NONE, C_V, C_TELL, C_NP, C_WEAK, C_CITE, C_ACC, C_EXT, C_OBJ, C_ADV, C_NOUN };
enum { D_PERSON = 1, D_PEOPLE, D_ORG };

/* The lemmas the code asks about by name, as numbers (lexent.lid; L_OTHER: any other). */
enum { L_OTHER, L_SAY, L_TELL, L_CALL, L_DESCRIBE, L_LABEL, L_CLAIM, L_QUOTE, L_CITE, L_ALLEGE,
       L_ESTIMATE, L_STATE, L_ADD, L_REPORT, L_MAINTAIN, L_EXPRESS, L_INDICATE, L_AFFIRM,
       L_REAFFIRM, L_ANNOUNCE, L_N };
static const char *const LEMMAS[L_N] = {"", "say", "tell", "call", "describe", "label", "claim",
                                        "quote", "cite", "allege", "estimate", "state", "add",
                                        "report", "maintain", "express", "indicate", "affirm",
                                        "reaffirm", "announce"};

typedef struct lexent_s {
    const char *lemma;
    uint8_t cls;
    uint8_t lid;  /* L_*: the lemma as a number */
} lexent;

typedef struct {
    uint8_t kind;
    uint8_t own;   /* people who speak for themselves (roles `own`: `analysts`) */
    int nroles;
    const char **roles;
} descent;

/* multi-word phrases (ext, obj, acc): lower-case words */
typedef struct {
    const char *w[6];
    uint8_t n, cls;
    uint32_t gend; /* the phrases are grouped by first word: the end of this one's group */
} phrase;

static int phrase_cmp(const void *a, const void *b)
{
    return strcmp(((const phrase *)a)->w[0], ((const phrase *)b)->w[0]);
}

static const char *const PRONOUNS[] = {"he", "she", "they", "it", "i", "we", "you", NULL};
static const char *const NP_STOP[] = {"that", "and", "but", "or", "because", "as", "while", "when",
                                      "which", "who", "whom", "whose", "where", "if", "after",
                                      "before", "since", "though", "although", "so", "than", "to",
                                      "by", "with", "from", "on", "in", "at", "into", "about",
                                      "over", "under", "between", "against", "what", "how", "why",
                                      "whether", "not", "also", "is", "are", "was", "were", "be",
                                      "been", "has", "have", "had", "will", "would", "this",
                                      "there", "here", "during", "amid", "despite", "without",
                                      "through", "until", "nor", NULL};
static const char *const PREPS[] = {"of", "in", "from", "for", "at", NULL};
static const char *const BE[] = {"is", "are", "was", "were", "am", "'s", "'re", NULL};
static const char *const DETS[] = {"the", "a", "an", "its", "his", "her", "their", "our", "some",
                                   "several", "two", "three", "many", "other", "one", "another",
                                   "senior", "top", "both", "all", NULL};

static const char *const WHO_THAT[] = {"who", "that", NULL};
static const char *const BE_ALL[] = {"is", "are", "was", "were", "be", "been", "being", "'s", "am",
                                     NULL};
static const char *const NOT_BEFORE_NOUN[] = {"of", "for", "these", "those", "such", "no", "any",
                                              "whose", "with", NULL};
static const char *const ON_THIS[] = {"on", "late", "early", "earlier", "this", "in", NULL};
static const char *const ART[] = {"the", "a", "an", NULL};
static const char *const REL[] = {"who", "which", "that", NULL};
static const char *const HERE_ALSO[] = {"here", "there", "again", "also", "publicly", NULL};
static const char *const PREP_WITH[] = {"with", "to", "in", "at", "during", "from", "for", "by",
                                        NULL};
static const char *const AT_OCCASION[] = {"during", "after", "at", "following", "in", NULL};
static const char *const THAT_ON[] = {"that", "on", "late", "early", NULL};
static const char *const HERE[] = {"here", "there", NULL};
static const char *const PREP_VIA[] = {"in", "at", "on", "during", "before", "after", "from", "to",
                                       "with", "via", NULL};
static const char *const FROM_OF[] = {"from", "of", "at", "for", NULL};
static const char *const PREP_THAN[] = {"for", "of", "in", "at", "from", "with", "by", "to", "on",
                                        "into", "about", "over", "than", NULL};
static const char *const MODAL[] = {"would", "could", "can", "cannot", "will", "may", "might",
                                    "should", "must", "did", "do", "does", NULL};
static const char *const ON_LATE[] = {"on", "late", "early", "in", "at", NULL};
static const char *const ART_PREP[] = {"the", "a", "an", "of", "from", "at", "for", "and", NULL};
static const char *const SAID[] = {"said", "says", "told", "tells", NULL};
static const char *const ART_MOST[] = {"the", "a", "an", "most", NULL};
static const char *const CONJ_THEN[] = {"and", "but", "by", "while", "before", "after", "then",
                                        "also", NULL};
static const char *const AT_AHEAD[] = {"at", "in", "on", "during", "after", "before", "from", "to",
                                       "while", "ahead", NULL};
static const char *const ON_BY[] = {"on", "in", "at", "late", "early", "earlier", "later", "by",
                                    "during", NULL};
static const char *const MR[] = {"mr", "mr.", "sir", "lord", "king", "prince", "mister", NULL};
static const char *const MRS[] = {"ms", "ms.", "mrs", "mrs.", "miss", "lady", "dame", "queen",
                                  "princess", "madam", NULL};

/* The lists asked about most (at most 31): the engine maps each of their words to the lists that
 * hold it (setmap); each token's membership is found once (c->wset, in_set). */
enum {
    S_PRONOUNS, S_NP_STOP, S_PREPS, S_BE, S_DETS, S_WHO_THAT, S_BE_ALL, S_NOT_BEFORE_NOUN, S_ON_THIS,
    S_ART, S_REL, S_HERE_ALSO, S_PREP_WITH, S_AT_OCCASION, S_THAT_ON, S_HERE, S_PREP_VIA, S_FROM_OF,
    S_PREP_THAN, S_MODAL, S_ON_LATE, S_ART_PREP, S_SAID, S_ART_MOST, S_CONJ_THEN, S_AT_AHEAD, S_ON_BY,
    S_MR, S_MRS, S_N
};
static const char *const *const SETS[S_N] = {
    PRONOUNS, NP_STOP, PREPS, BE, DETS, WHO_THAT, BE_ALL, NOT_BEFORE_NOUN, ON_THIS,
    ART, REL, HERE_ALSO, PREP_WITH, AT_OCCASION, THAT_ON, HERE, PREP_VIA, FROM_OF,
    PREP_THAN, MODAL, ON_LATE, ART_PREP, SAID, ART_MOST, CONJ_THEN, AT_AHEAD, ON_BY,
    MR, MRS};
_Static_assert(S_N <= 31, "c->wset has a bit for each list");

/* Every word of every article is looked up in the cue lexicon, and most are no cue: the
 * lexicon's one-word forms are kept in a table of their own (lext) that finds a word with one
 * hash of its bytes and, on a hit, two 64-bit comparisons.
 *
 * A word of 1..WKEY_MAX bytes as a key: its bytes in two 64-bit words, zero past the word.
 * word_key reads 16 bytes at s: the buffers it reads are padded with LOW_PAD bytes. */
enum { WKEY_MAX = 15, LOW_PAD = 16 };
typedef struct { uint64_t a, b; } wkey;

/* The first k <= 8 bytes at s (8 readable), the rest zero (any byte order). */
static inline uint64_t first_bytes(const char *s, size_t k)
{
    static const unsigned char ONES[16] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    uint64_t v, m;
    memcpy(&v, s, 8);
    memcpy(&m, ONES + 8 - k, 8);
    return v & m;
}

static inline wkey word_key(const char *s, size_t n)
{
    wkey k = {first_bytes(s, n < 8 ? n : 8), first_bytes(s + 8, n > 8 ? n - 8 : 0)};
    return k;
}

static inline uint64_t wkey_hash(wkey k)
{
    return (k.a ^ k.b * 0xC2B2AE3D27D4EB4Full) * 0x9E3779B97F4A7C15ull;
}

/* Open addressing, at most a third full (so a miss mostly stops at the first slot). Keys hold
 * no length: neither forms nor tokens hold a NUL byte (normalize makes it a space), so two
 * zero-padded keys are equal only for words of one length. The tags are all a miss reads
 * (2 KB): bit 0 the slot is used, bit 1 the form may be a cue (its class is before C_EXT),
 * the rest bits of the hash. */
enum { LEXT_BITS = 10, LEXT_SIZE = 1 << LEXT_BITS, TAG_USED = 1, TAG_CUE = 2 };
static inline uint16_t wkey_tag(uint64_t h) { return (uint16_t)((h >> 8) & ~(uint64_t)TAG_CUE) | TAG_USED; }

/* Before the table, a filter (2 KB): one bit for the length, first two (of a longer word) and
 * last byte of each form; 7 words in 8 end there. */
enum { LEXF_BITS = 14 };
static inline uint32_t lexf_bit(const char *s, size_t n)
{
    uint32_t sig = (uint32_t)n | (uint32_t)(unsigned char)s[0] << 8 | (uint32_t)(unsigned char)s[n > 1] << 16 |
                   (uint32_t)(unsigned char)s[n - 1] << 24;
    return (sig * 0x9E3779B1u) >> (32 - LEXF_BITS);
}

enum { SETT_BITS = 9, SETT_SIZE = 1 << SETT_BITS };

struct nf_claims_eng {
    uint64_t lexf[(1 << LEXF_BITS) / 64]; /* the one-word forms of the cue lexicon (see above) */
    uint16_t lext_tag[LEXT_SIZE];
    wkey lext_key[LEXT_SIZE];
    const struct lexent_s *lext_le[LEXT_SIZE];
    nf_map *lexlong; /* forms longer than WKEY_MAX -> lexent* (reporting.tsv has none) */
    nf_map *desc;  /* word -> descent* */
    nf_map *things; /* bodies and documents that speak but are no actor (`report`) -> 1 */
    nf_map *given;  /* given names (firstnames.txt, shared with the actor stage) -> 1 */
    nf_map *led;    /* bodies named after their leader (`the Biden administration`) -> 1 */
    phrase *ph;
    size_t nph;
    nf_map *phfirst; /* first word of a phrase -> 1 + the first phrase of its group */
    nf_map *homo;    /* forms that are nouns too (`report`, `claims`) -> 1 */
    nf_map *setmap;  /* word of SETS -> bit 1 << set for each list that holds it */
    /* the same for the words of at most WKEY_MAX bytes (all of them), in a table like lext's
     * (a slot's mask is 0 while it is free: every word there is in a list) */
    wkey sett_key[SETT_SIZE];
    uint32_t sett_mask[SETT_SIZE];
};

/* The lexicon entry of the lower-case word s[0..n) (s readable for n + LOW_PAD bytes), NULL;
 * *cue: whether it may be a cue (its class is before C_EXT). The caller has asked the filter
 * (lexf_bit) first: most words end there. */
static const lexent *lex_find(const struct nf_claims_eng *x, const char *s, size_t n, int *cue)
{
    *cue = 0;
    if (n == 0 || n > WKEY_MAX) {
        const lexent *le = n ? nf_map_get(x->lexlong, s, n) : NULL;
        *cue = le && le->cls < C_EXT;
        return le;
    }
    wkey k = word_key(s, n);
    uint64_t h = wkey_hash(k);
    uint16_t tag = wkey_tag(h);
    for (size_t i = h >> (64 - LEXT_BITS); x->lext_tag[i]; i = (i + 1) % LEXT_SIZE)
        if ((x->lext_tag[i] & ~TAG_CUE) == tag && x->lext_key[i].a == k.a && x->lext_key[i].b == k.b) {
            *cue = (x->lext_tag[i] & TAG_CUE) != 0;
            return x->lext_le[i];
        }
    return NULL;
}

/* Adds form s (NUL-terminated, lower case) -> le; a form listed twice keeps its last entry. */
static void lex_put(struct nf_claims_eng *x, const char *s, const lexent *le)
{
    size_t n = strlen(s);
    if (n == 0 || n > WKEY_MAX) {
        nf_map_put(x->lexlong, s, n, (void *)le);
        return;
    }
    char pad[WKEY_MAX + LOW_PAD] = {0};
    memcpy(pad, s, n);
    wkey k = word_key(pad, n);
    uint64_t h = wkey_hash(k);
    size_t i = h >> (64 - LEXT_BITS);
    while (x->lext_tag[i] && !(x->lext_key[i].a == k.a && x->lext_key[i].b == k.b))
        i = (i + 1) % LEXT_SIZE;
    x->lext_tag[i] = (uint16_t)(wkey_tag(h) | (le->cls < C_EXT ? TAG_CUE : 0));
    uint32_t f = lexf_bit(pad, n);
    x->lexf[f / 64] |= (uint64_t)1 << (f % 64);
    x->lext_key[i] = k;
    x->lext_le[i] = le;
}

/* Adds list set to the memberships of the NUL-terminated word w in the table sett. */
static void sett_add(struct nf_claims_eng *x, const char *w, int set)
{
    size_t n = strlen(w);
    if (n == 0 || n > WKEY_MAX)
        return;
    char pad[WKEY_MAX + LOW_PAD] = {0};
    memcpy(pad, w, n);
    wkey k = word_key(pad, n);
    size_t i = wkey_hash(k) >> (64 - SETT_BITS);
    while (x->sett_mask[i] && !(x->sett_key[i].a == k.a && x->sett_key[i].b == k.b))
        i = (i + 1) % SETT_SIZE;
    x->sett_key[i] = k;
    x->sett_mask[i] |= (uint32_t)1 << set;
}

/* The lists of SETS that hold the lower-case word s[0..n) (s readable for n + LOW_PAD bytes):
 * bit 1 << set for each. */
static uint32_t sets_of(const struct nf_claims_eng *x, const char *s, size_t n)
{
    if (n == 0 || n > WKEY_MAX)
        return n ? (uint32_t)(uintptr_t)nf_map_get(x->setmap, s, n) : 0;
    wkey k = word_key(s, n);
    for (size_t i = wkey_hash(k) >> (64 - SETT_BITS); x->sett_mask[i]; i = (i + 1) % SETT_SIZE)
        if (x->sett_key[i].a == k.a && x->sett_key[i].b == k.b)
            return x->sett_mask[i];
    return 0;
}

static const char *const CLASS_NAMES[] = {"", "v", "tell", "np", "weak", "cite", "acc", "ext",
                                          "obj", "adv", "noun"};

/* Engine-lifetime strings: kept in one list freed at fini. */
typedef struct strpool { struct strpool *next; char s[]; } strpool;
static char *pool_dup(strpool **pool, const char *s)
{
    size_t n = strlen(s);
    strpool *p = malloc(sizeof *p + n + 1);
    if (!p)
        return NULL;
    memcpy(p->s, s, n + 1);
    p->next = *pool;
    *pool = p;
    return p->s;
}

/* Zeroed engine-lifetime storage of n bytes, aligned for any object. */
static void *pool_alloc(strpool **pool, size_t n)
{
    strpool *p = calloc(1, sizeof *p + n + 16);
    if (!p)
        return NULL;
    p->next = *pool;
    *pool = p;
    return (void *)(((uintptr_t)p->s + 15) & ~(uintptr_t)15);
}

typedef struct {
    struct nf_claims_eng pub;
    strpool *pool;
} claims_eng_full;

int nf_claims_init(nf_engine *e, char *err, size_t errlen)
{
    claims_eng_full *full = calloc(1, sizeof *full);
    if (!full) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    struct nf_claims_eng *x = &full->pub;
    x->lexlong = nf_map_new();
    x->desc = nf_map_new();
    x->things = nf_map_new();
    x->given = nf_map_new();
    x->led = nf_map_new();
    x->phfirst = nf_map_new();
    x->homo = nf_map_new();
    x->setmap = nf_map_new();
    {
        /* `according` passes the lexicon's filter too: lower_all asks lex_word, which finds
         * it a cue, about every word that passes */
        char pad[16] = "according";
        uint32_t f = lexf_bit(pad, 9);
        x->lexf[f / 64] |= (uint64_t)1 << (f % 64);
    }
    for (int set = 0; set < S_N; set++)
        for (const char *const *w = SETS[set]; *w; w++) {
            uintptr_t m = (uintptr_t)nf_map_get(x->setmap, *w, strlen(*w));
            nf_map_put(x->setmap, *w, strlen(*w), (void *)(m | (uintptr_t)1 << set));
            sett_add(x, *w, set);
        }
    size_t capph = 0;
    size_t len = 0;
    const char *txt = nf_data_get(e, "reporting.tsv", &len);
    if (txt) {
        nf_lines it;
        nf_lines_init(&it, txt, len);
        char *f[3];
        int n;
        while ((n = nf_lines_next(&it, f, 3)) >= 0) {
            if (n < 3 || !f[0][0])
                continue;
            int cls = C_NONE;
            for (int c = 1; c <= C_NOUN; c++)
                if (!strcmp(f[2], CLASS_NAMES[c]))
                    cls = c;
            if (cls == C_NONE)
                continue;
            char low[128];
            size_t fl = strlen(f[0]);
            if (fl >= sizeof low)
                continue;
            nf_lower(f[0], fl, low);
            low[fl] = 0;
            if (cls == C_NOUN) {
                nf_map_put(x->homo, low, fl, (void *)1);
                continue;
            }
            if (strchr(low, ' ')) {
                if (x->nph == capph) {
                    capph = capph ? capph * 2 : 64;
                    phrase *np = realloc(x->ph, capph * sizeof *np);
                    if (!np)
                        break;
                    x->ph = np;
                }
                phrase *p = &x->ph[x->nph];
                memset(p, 0, sizeof *p);
                p->cls = (uint8_t)cls;
                char *save = NULL;
                for (char *w = strtok_r(low, " ", &save); w && p->n < 6; w = strtok_r(NULL, " ", &save))
                    p->w[p->n++] = pool_dup(&full->pool, w);
                if (p->n >= 2) {
                    nf_map_put(x->phfirst, p->w[0], strlen(p->w[0]), (void *)1);
                    x->nph++;
                }
                continue;
            }
            lexent *le = pool_alloc(&full->pool, sizeof *le);
            if (!le)
                continue;
            le->lemma = pool_dup(&full->pool, f[1]);
            le->cls = (uint8_t)cls;
            le->lid = L_OTHER;
            for (int l = 1; l < L_N; l++)
                if (!strcmp(f[1], LEMMAS[l]))
                    le->lid = (uint8_t)l;
            /* single-word obj/ext entries live in the phrase list too */
            if (cls == C_OBJ || cls == C_EXT) {
                if (x->nph == capph) {
                    capph = capph ? capph * 2 : 64;
                    phrase *np = realloc(x->ph, capph * sizeof *np);
                    if (!np)
                        break;
                    x->ph = np;
                }
                phrase *ph = &x->ph[x->nph++];
                memset(ph, 0, sizeof *ph);
                ph->cls = (uint8_t)cls;
                ph->w[0] = pool_dup(&full->pool, low);
                ph->n = 1;
                nf_map_put(x->phfirst, low, fl, (void *)1);
                continue;
            }
            lex_put(x, low, le);
        }
        nf_lines_free(&it);
        /* group the phrases by first word: phrase_at tries only the group of a token */
        if (x->nph)
            qsort(x->ph, x->nph, sizeof *x->ph, phrase_cmp);
        for (size_t p = 0, g = 0; p < x->nph; p++) {
            if (p == 0 || strcmp(x->ph[p].w[0], x->ph[p - 1].w[0])) {
                g = p;
                nf_map_put(x->phfirst, x->ph[p].w[0], strlen(x->ph[p].w[0]), (void *)(uintptr_t)(p + 1));
            }
            for (size_t q = g; q <= p; q++)
                x->ph[q].gend = (uint32_t)(p + 1);
        }
    }
    txt = nf_data_get(e, "descriptions.tsv", &len);
    if (txt) {
        nf_lines it;
        nf_lines_init(&it, txt, len);
        char *f[3];
        int n;
        while ((n = nf_lines_next(&it, f, 3)) >= 0) {
            if (n < 2 || !f[0][0])
                continue;
            int kind = !strcmp(f[1], "person") ? D_PERSON : !strcmp(f[1], "people") ? D_PEOPLE
                     : !strcmp(f[1], "org") ? D_ORG : 0;
            if (!kind && (!strcmp(f[1], "thing") || !strcmp(f[1], "led")) && strlen(f[0]) < 128) {
                char low[128];
                size_t fl = strlen(f[0]);
                nf_lower(f[0], fl, low);
                nf_map_put(f[1][0] == 't' ? x->things : x->led, low, fl, (void *)1);
                continue;
            }
            if (!kind)
                continue;
            descent *d = pool_alloc(&full->pool, sizeof *d);
            if (!d)
                continue;
            d->kind = (uint8_t)kind;
            d->nroles = 0;
            d->roles = NULL;
            d->own = n >= 3 && !strcmp(f[2], "own");
            if (n >= 3 && strcmp(f[2], "-") && !d->own) {
                int cnt = 1;
                for (const char *q = f[2]; *q; q++)
                    cnt += *q == ',';
                d->roles = pool_alloc(&full->pool, (size_t)cnt * sizeof(char *));
                if (!d->roles)
                    continue;
                char *save = NULL;
                for (char *r = strtok_r(f[2], ",", &save); r; r = strtok_r(NULL, ",", &save)) {
                    char low[128];
                    size_t rl = strlen(r);
                    if (rl >= sizeof low)
                        continue;
                    nf_lower(r, rl, low);
                    low[rl] = 0;
                    d->roles[d->nroles++] = pool_dup(&full->pool, d->kind == D_ORG ? r : low);
                }
            }
            char low[128];
            size_t fl = strlen(f[0]);
            if (fl >= sizeof low)
                continue;
            nf_lower(f[0], fl, low);
            nf_map_put(x->desc, low, fl, d);
        }
        nf_lines_free(&it);
    }
    txt = nf_data_get(e, "firstnames.txt", &len);
    if (txt) {
        nf_lines it;
        nf_lines_init(&it, txt, len);
        char *f[1];
        while (nf_lines_next(&it, f, 1) >= 0) {
            char *save = NULL;
            for (char *w = strtok_r(f[0], " ", &save); w; w = strtok_r(NULL, " ", &save))
                nf_map_put(x->given, w, strlen(w), (void *)1);
        }
        nf_lines_free(&it);
    }
    e->claims = full;
    return 0;
}

void nf_claims_fini(nf_engine *e)
{
    claims_eng_full *full = e->claims;
    if (!full)
        return;
    strpool *p = full->pool;
    while (p) {
        strpool *n = p->next;
        free(p);
        p = n;
    }
    nf_map_free(full->pub.lexlong);
    nf_map_free(full->pub.desc);
    nf_map_free(full->pub.things);
    nf_map_free(full->pub.given);
    nf_map_free(full->pub.led);
    nf_map_free(full->pub.phfirst);
    nf_map_free(full->pub.homo);
    nf_map_free(full->pub.setmap);
    free(full->pub.ph);
    free(full);
    e->claims = NULL;
}

/* ------------------------------------------------------------------------------------------ */

typedef struct {
    uint32_t v, ve;      /* verb token, end of the cue (exclusive: verb + extensions) */
    uint32_t s;          /* sentence */
    uint32_t np0, np1;   /* speaker words [np0, np1); np0 == np1: none found */
    uint32_t c0, c1;     /* claim tokens [c0, c1) (may span sentences) */
    uint32_t cut;        /* where content after an earlier cue of the sentence must stop */
    int32_t tx;          /* date of the saying (index in a->tx), -1: the article's */
    int32_t join;        /* cue this one continues (its row), -1 */
    const lexent *le;
    uint8_t inverted;    /* speaker after the verb */
    uint8_t before;      /* claim before the attribution (quote or clause then comma) */
    uint8_t dead;        /* dropped */
    uint8_t passive;     /* `was announced`: no speaker to name */
    uint32_t a0;         /* where the attribution begins, when not at the speaker (0: there) */
    uint8_t nested;      /* inside a quote, spoken by the quote's speaker (`"I can confirm..."`) */
    uint8_t quoting;     /* nested, but part of the attribution (`X quoted Y as saying`) */
    uint8_t named_in;    /* a second speaker named inside a quote (named_inside) */
    uint8_t nr;          /* claim token ranges, once computed */
    uint32_t rb[4], re[4];
    const char *value;
    int32_t first_join, next_join; /* the cues that joined this one */
    const char *speaker; /* resolved */
    uint8_t sptype;      /* NF_ACT_* of the speaker, 255: unknown */
} cue;

typedef struct ctx_s {
    nf_ana *a;
    const struct nf_claims_eng *x;
    const char *t;
    nf_tok *tok;
    size_t ntok;
    int32_t *men_end;    /* token -> mention ending there, -1 */
    int32_t *men_start;  /* token -> mention starting there, -1 */
    uint32_t *mtok0, *mtok1; /* mention -> tok_at its start, its end */
    int32_t *tx_start;   /* token -> timex starting there, -1 */
    int32_t *tx_cover;   /* token -> timex covering it, -1 */
    uint32_t *tsent;     /* token -> sentence */
    uint8_t *caption;    /* sentence -> looks like a photo caption (CAPTION_UNKNOWN until asked) */
    uint8_t *hascue;     /* sentence -> holds a cue */
    cue *cues;
    size_t ncue, capcue;
    const char *lt;      /* the text lower-cased, each token's form at its offset (lower_tok;
                          * forms are not NUL-terminated), padded with LOW_PAD bytes */
    uint8_t *lowlen;     /* token -> the form's length (< LOW_MAX) */
    const lexent **lex;  /* token -> its lexicon entry (words only), NULL */
    uint32_t *wset;      /* token -> membership in the word lists SETS (in_set) */
    uint8_t *cand;       /* token -> may be a cue (find_cues looks no further at others) */
    uint8_t *dq;         /* token -> DQ_OPEN, DQ_CLOSE: a double quote mark, else 0 */
    cue *rec;            /* put_text records its ranges here */
    uint8_t *spoke;      /* token -> inside the speaker phrase of a cue */
    uint32_t *sm0;       /* sentence -> first of its mentions in smen (nsent + 1 entries) */
    uint32_t *smen;      /* mention indexes, by sentence, in text order */
    struct { const char *canon; int g; } *gender; /* persons with an honorific */
    size_t ngender, capgender;
    uint8_t gender_done; /* genders() has filled c->gender (on the first gender_of) */
    nf_map *personal;    /* canonical names the article shows to be persons (bodylike_person) */
} ctx;

static size_t tok_at(const struct ctx_s *c, uint32_t off);
static inline const char *tt(const ctx *c, size_t i) { return c->t + c->tok[i].start; }
static inline size_t tl(const ctx *c, size_t i) { return c->tok[i].end - c->tok[i].start; }

/* A token's lower-cased form: its first LOW_MAX - 1 bytes, lower-cased, with the first curly
 * apostrophe made straight (n’t -> n't). Made once per article by lower_all, in a lower-cased
 * copy of the text (c->lt) at the token's own offset. */
enum { LOW_MAX = 128 };

/* Makes the first ’ of the form s[0..l) a ' (in place: the form gets 2 bytes shorter, and
 * tokens never overlap); returns the form's length. */
static size_t straighten(char *s, size_t l)
{
    char *q = s;
    while (q + 3 <= s + l && !((unsigned char)q[0] == 0xE2 && (unsigned char)q[1] == 0x80 && (unsigned char)q[2] == 0x99))
        q++;
    if (q + 3 > s + l)
        return l;
    *q = '\'';
    memmove(q + 1, q + 3, (size_t)(s + l - (q + 3)));
    return l - 2;
}

static int dquote_at(const ctx *c, size_t i);
static int quote_opens(const ctx *c, size_t i);
enum { DQ_CLOSE = 1, DQ_OPEN = 3 }; /* c->dq: bit 0 a double quote, bit 1 it opens */

/* The lexicon entry and cue candidacy of word i, whose form (lower-cased, n bytes) is at w. */
static void lex_word(ctx *c, size_t i, const char *w, size_t n)
{
    int may_cue;
    const lexent *le = lex_find(c->x, w, n, &may_cue);
    c->lex[i] = le;
    /* most words are no cue: only a reporting word or `according` may be one */
    c->cand[i] = le ? (uint8_t)may_cue : n == 9 && !memcmp(w, "according", 9);
}

/* Per-token facts, found once per article: c->lt/lowlen (the lower-cased form) and c->dq for
 * every token, c->lex/cand for every word. The forms are in one lower-cased copy of the text
 * (not NUL-terminated: compare with low_eq); in a token that holds a ’ (a byte 0xE2 first) the
 * form is straightened in place. The loop does what every token needs and leaves the rest
 * (a ’, a quote mark, a word that passes the lexicon's filter) to calls that few tokens make. */
static void lower_all(ctx *c)
{
    nf_arena *ar = &c->a->arena;
    const char *t = c->t;
    const nf_tok *tok = c->tok;
    size_t len = c->a->doc.len, nt = c->ntok;
    char *lt = nf_arena_alloc(ar, len + LOW_PAD);
    nf_lower(t, len, lt);
    memset(lt + len, 0, LOW_PAD);
    c->lt = lt;
    uint8_t *lowlen = c->lowlen = nf_arena_alloc(ar, nt);
    const lexent **lex = c->lex = nf_arena_alloc(ar, nt * sizeof *c->lex);
    uint8_t *cand = c->cand = nf_arena_alloc(ar, nt);
    uint8_t *dq = c->dq = nf_arena_alloc(ar, nt);
    c->wset = nf_arena_alloc(ar, nt * sizeof *c->wset);
    memset(c->wset, 0, nt * sizeof *c->wset);
    memset(dq, 0, nt);
    /* no entry, no cue (all-zero bytes: NULL) but for the words lex_word finds */
    memset(lex, 0, nt * sizeof *lex);
    memset(cand, 0, nt);
    /* the words that pass the lexicon's filter (lex_find's first step; 1 word in 7), noted
     * without a branch (the filter's answer is not to be foreseen) and looked up after the loop */
    uint32_t *pass = nf_arena_alloc(ar, nt * sizeof *pass);
    size_t npass = 0;
    const uint64_t *lexf = c->x->lexf;
    /* the next 0xE2 byte at or after a token's start; the text's end when there is none */
    const char *e2 = memchr(t, 0xE2, len);
    if (!e2)
        e2 = t + len;
    for (size_t i = 0; i < nt; i++) {
        uint32_t st = tok[i].start;
        size_t n = tok[i].end - st;
        uint16_t fl = tok[i].flags;
        if (n >= LOW_MAX)
            n = LOW_MAX - 1;
        if (e2 < t + st + n) { /* a ’ in the token (or a byte 0xE2 before it) */
            while (e2 < t + st)
                e2 = (e2 = memchr(e2 + 1, 0xE2, len - (size_t)(e2 + 1 - t))) ? e2 : t + len;
            if (e2 < t + st + n)
                n = straighten(lt + st, n);
        }
        lowlen[i] = (uint8_t)n;
        if ((fl & NF_T_QUOTE) && dquote_at(c, i))
            dq[i] = quote_opens(c, i) ? DQ_OPEN : DQ_CLOSE;
        /* a form longer than WKEY_MAX passes (lex_find looks it up in a map), as does an empty
         * one (none: a token holds a byte; the filter reads its first then) */
        uint32_t f = lexf_bit(lt + st, n + (n == 0));
        unsigned take = (unsigned)((lexf[f / 64] >> (f % 64)) & 1) | (n - 1 >= WKEY_MAX);
        pass[npass] = (uint32_t)i;
        npass += take & (fl & NF_T_WORD);
    }
    for (size_t k = 0; k < npass; k++) {
        size_t i = pass[k];
        lex_word(c, i, lt + tok[i].start, lowlen[i]);
    }
}

static inline const char *lower_tok(const ctx *c, size_t i, size_t *n)
{
    *n = c->lowlen[i];
    return c->lt + c->tok[i].start;
}

/* Does token i's form, as a C string (up to a NUL), equal s: strcmp(form, s) == 0? */
static int low_eq(const ctx *c, size_t i, const char *s)
{
    size_t n;
    const char *w = lower_tok(c, i, &n);
    size_t k = 0;
    for (; k < n && w[k]; k++)
        if (w[k] != s[k])
            return 0;
    return s[k] == 0;
}

/* Is token i the lower-case word w? (Not an acronym: `the WHO said`.) */
static inline int is(const ctx *c, size_t i, const char *w)
{
    /* the first byte as written: a curly `’s` is no `'s` */
    if (i >= c->ntok || nf_tolower((unsigned char)tt(c, i)[0]) != (unsigned char)w[0])
        return 0;
    if ((c->tok[i].flags & NF_T_UPPER) && !(c->tok[i].flags & NF_T_SENT0))
        return 0; /* `the WHO said`, `the US`: an acronym is no function word */
    size_t n;
    const char *s = lower_tok(c, i, &n);
    /* strlen(w) == n && !memcmp(s, w, n), without the strlen */
    for (size_t k = 0; k < n; k++)
        if (!w[k] || s[k] != w[k])
            return 0;
    return w[n] == 0;
}

/* Is token i one of the words ws (NULL-terminated)? */
static int tok_in(const ctx *c, size_t i, const char *const *ws)
{
    if (i >= c->ntok)
        return 0;
    unsigned char f = (unsigned char)nf_tolower((unsigned char)tt(c, i)[0]);
    for (; *ws; ws++)
        if ((unsigned char)(*ws)[0] == f && is(c, i, *ws)) /* most words differ at once */
            return 1;
    return 0;
}

/* A double quote mark? (lower_all keeps the answer for every token in c->dq.) */
static int dquote_at(const ctx *c, size_t i)
{
    if (!(c->tok[i].flags & NF_T_QUOTE))
        return 0;
    const char *s = tt(c, i);
    size_t n = tl(c, i);
    if (n == 1)
        return s[0] == '"';
    if (n == 2)
        return (s[0] == '`' && s[1] == '`') || (s[0] == '\'' && s[1] == '\'');
    if (n == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80)
        return (unsigned char)s[2] == 0x9C || (unsigned char)s[2] == 0x9D;
    return 0;
}
/* Opening or closing: by the glyph (“ ``), else a straight quote by its neighbours: one that
 * follows a word or punctuation mark with no space between closes. */
static int quote_opens(const ctx *c, size_t i)
{
    const char *s = tt(c, i);
    size_t n = tl(c, i);
    if (n == 2)
        return s[0] == '`';
    if (n == 3)
        return (unsigned char)s[2] == 0x9C;
    uint32_t st = c->tok[i].start;
    if (st == 0)
        return 1;
    unsigned char pc = (unsigned char)c->t[st - 1];
    if (nf_isspace(pc)) {
        /* `months, " he said`: a stray space before a closing quote after , . ! ? */
        uint32_t en = c->tok[i].end;
        int after_sp = en >= c->a->doc.len || nf_isspace((unsigned char)c->t[en]);
        uint32_t k = st - 1;
        while (k > 0 && (c->t[k] == ' ' || c->t[k] == '\t'))
            k--;
        if (after_sp && k < st - 1 && strchr(",.!?", c->t[k]) && c->t[k] != '\n')
            return 0;
        return 1;
    }
    if (pc == '(' || pc == '[' || pc == '-')
        return 1;
    return 0;
}
static inline int is_dquote(const ctx *c, size_t i) { return c->dq[i] != 0; }
static inline int is_open(const ctx *c, size_t i) { return c->dq[i] == DQ_OPEN; }
static inline int is_close(const ctx *c, size_t i) { return c->dq[i] == DQ_CLOSE; }
static int is_punct(const ctx *c, size_t i, char ch)
{
    return (c->tok[i].flags & NF_T_PUNCT) && tl(c, i) == 1 && tt(c, i)[0] == ch;
}
static int is_word(const ctx *c, size_t i) { return (c->tok[i].flags & (NF_T_WORD | NF_T_NUM)) != 0; }
static int is_lower(const ctx *c, size_t i)
{
    return (c->tok[i].flags & NF_T_WORD) && !(c->tok[i].flags & NF_T_CAP);
}

static inline const lexent *lex_at(const ctx *c, size_t i) { return c->lex[i]; }

static inline int cls_at(const ctx *c, size_t i)
{
    const lexent *le = lex_at(c, i);
    return le ? le->cls : C_NONE;
}

/* Longest phrase of class cls starting at token i (within [i, lim)); returns its length. */
static size_t phrase_at(ctx *c, size_t i, size_t lim, int cls)
{
    size_t n;
    const char *s = lower_tok(c, i, &n);
    uintptr_t g = (uintptr_t)nf_map_get(c->x->phfirst, s, n);
    if (!g)
        return 0;
    /* the longest match: the order of the phrases does not matter */
    size_t best = 0;
    for (size_t p = g - 1; p < c->x->ph[g - 1].gend; p++) {
        const phrase *ph = &c->x->ph[p];
        if (ph->cls != cls || i + ph->n > lim || ph->n <= best)
            continue;
        size_t k = 0;
        while (k < ph->n && is(c, i + k, ph->w[k]))
            k++;
        if (k == ph->n)
            best = ph->n;
    }
    return best;
}

/* Token i's memberships in the lists SETS: 1 | (bit 1 << set for each list that holds its form),
 * found when first asked and kept in c->wset[i] (0 until then). */
static uint32_t word_sets(const ctx *c, size_t i)
{
    /* what is() asks of a token besides its form: the first byte as written (a curly `’s`
     * is no `'s`), no acronym */
    size_t n;
    const char *w = lower_tok(c, i, &n);
    uintptr_t in = 0;
    if (n && nf_tolower((unsigned char)tt(c, i)[0]) == (unsigned char)w[0] &&
        !((c->tok[i].flags & NF_T_UPPER) && !(c->tok[i].flags & NF_T_SENT0)))
        in = sets_of(c->x, w, n);
    return c->wset[i] = (uint32_t)(1u | in << 1);
}

/* tok_in(c, i, SETS[set]), in one load once the token is known. */
static inline int in_set(const ctx *c, size_t i, int set)
{
    if (i >= c->ntok)
        return 0;
    uint32_t m = c->wset[i];
    if (!m)
        m = word_sets(c, i);
    return (m >> (set + 1)) & 1;
}

static int is_ing(const ctx *c, size_t i)
{
    size_t n = tl(c, i);
    return n > 4 && !memcmp(tt(c, i) + n - 3, "ing", 3);
}

static int men_is_name(const ctx *c, int32_t m)
{
    return m >= 0 && !(c->a->men[m].flags & NF_M_DEMONYM);
}

/* The subject pronoun token i is (`he`, `I`...), also with a verb's clitic (`I'm`, `he's`,
 * `we’ve`: one token); NULL if none. */
static const char *pronoun_at(ctx *c, size_t i)
{
    if (i >= c->ntok || !is_word(c, i))
        return NULL;
    size_t n;
    const char *w = lower_tok(c, i, &n);
    size_t pl = 0;
    while (pl < n && w[pl] >= 'a' && w[pl] <= 'z')
        pl++;
    if (pl == n) {
        if (!in_set(c, i, S_PRONOUNS))
            return NULL;
    } else {
        size_t a = pl + (w[pl] == '\'' ? 1 : n - pl >= 3 && !memcmp(w + pl, "\xE2\x80\x99", 3) ? 3 : 0);
        if (a == pl || a >= n)
            return NULL;
        static const char *const CL[] = {"s", "m", "re", "ve", "ll", "d", NULL};
        int ok = 0;
        for (const char *const *cl = CL; *cl && !ok; cl++)
            ok = n - a == strlen(*cl) && !memcmp(w + a, *cl, n - a);
        if (!ok)
            return NULL;
    }
    for (const char *const *p = PRONOUNS; *p; p++)
        if (strlen(*p) == pl && !memcmp(w, *p, pl))
            return *p;
    return NULL;
}

/* Sentence s looks like a photo caption: caption_like, found when first asked (only the
 * sentences near a cue ever are). */
enum { CAPTION_UNKNOWN = 0xFF };
static int caption_like(ctx *c, size_t s);
static int is_caption(ctx *c, size_t s)
{
    if (c->caption[s] == CAPTION_UNKNOWN)
        c->caption[s] = (uint8_t)caption_like(c, s);
    return c->caption[s];
}

/* A short paragraph taken for a heading that ends like a sentence: `"...," X said.` */
static int sentence_like(const ctx *c, size_t s)
{
    const nf_sent *se = &c->a->sent[s];
    size_t e = se->tok0 + se->ntok;
    while (e > se->tok0 && (is_dquote(c, e - 1) || is_punct(c, e - 1, ')')))
        e--;
    return se->ntok >= 4 && e > se->tok0 &&
           (is_punct(c, e - 1, '.') || is_punct(c, e - 1, ',') || is_punct(c, e - 1, '!') ||
            is_punct(c, e - 1, '?'));
}

/* Is sentence s a caption or a heading? */
static int sent_skipped(ctx *c, size_t s)
{
    return is_caption(c, s) || (c->a->sent[s].heading && !sentence_like(c, s));
}

/* Collect the speaker phrase ending at token j (inclusive), going back at most to s0.
 * Returns its first token. */
static size_t np_back(ctx *c, size_t j, size_t s0)
{
    size_t b = j;
    size_t count = 0;
    while (b > s0 && count < 9) {
        size_t p = b - 1;
        int32_t m = c->men_end[p];
        if (m >= 0) { /* a whole mention */
            size_t ms = nf_sent_at(c->a, c->a->men[m].start);
            NF_UNUSED(ms);
            size_t k = p;
            while (k > s0 && c->tok[k].start > c->a->men[m].start)
                k--;
            b = k;
            count++;
            continue;
        }
        if (c->tok[p].flags & NF_T_POSS) {
            b = p;
            continue;
        }
        if (is_punct(c, p, '-') && p > s0 && c->tok[p - 1].end == c->tok[p].start && c->tok[p].end == c->tok[b].start) {
            b = p; /* `the 21-year-old` */
            continue;
        }
        if (!is_word(c, p))
            break;
        /* `a spokesman for the ministry`, `Cuban exiles in Miami`, `the head of NATO` */
        if (in_set(c, p, S_PREPS) && p > s0 && b <= j && (c->men_start[b] >= 0 || in_set(c, b, S_DETS)) &&
            is_word(c, p - 1) && !in_set(c, p - 1, S_NP_STOP) &&
            (cls_at(c, p - 1) == C_NONE || (cls_at(c, p - 1) != C_ADV && tt(c, p - 1)[tl(c, p - 1) - 1] == 's'))) {
            b = cls_at(c, p - 1) == C_NONE ? p : p - 1; /* `Media reports in Tanzania` */
            continue;
        }
        if (p > s0 + 1 && ((is(c, p, "to") && is(c, p - 1, "close")) || (is(c, p, "with") && is(c, p - 1, "familiar")))) {
            b = p - 1; /* `a diplomatic source close to the talks` */
            continue;
        }
        if (in_set(c, p, S_NP_STOP))
            break;
        if (is_lower(c, p) && cls_at(c, p) != C_NONE) {
            const lexent *pl = lex_at(c, p);
            size_t pn = tl(c, p);
            if (!(pl && pl->cls != C_ADV && b <= j && is_word(c, b) && strlen(pl->lemma) == pn &&
                  !memcmp(tt(c, p), pl->lemma, pn) && pl->lid != L_SAY && pl->lid != L_TELL))
                break; /* `state radio said` keeps `state` */
        }
        if (is_lower(c, p) && is_ing(c, p))
            break;
        if (in_set(c, p, S_DETS)) {
            b = p;
            if (!is(c, p, "senior") && !is(c, p, "top") && !is(c, p, "other"))
                break;
            continue;
        }
        /* a lower-case word that ends in -ed or -ly is no part of a name phrase */
        if (is_lower(c, p)) {
            size_t n = tl(c, p);
            const char *w = tt(c, p);
            if (n > 3 && (!memcmp(w + n - 2, "ed", 2) || !memcmp(w + n - 2, "ly", 2)))
                break;
        }
        b = p;
        count++;
    }
    return b;
}

/* The speaker phrase after an inverted verb at v: [v+1, end). It never ends on a determiner
 * or a preposition (`said Castaignede ahead of the 12 March tie`). */
static size_t np_fwd(ctx *c, size_t i, size_t lim)
{
    size_t e = i;
    size_t count = 0;
    while (e < lim && count < 10) {
        int32_t m = c->men_start[e];
        if (m >= 0) {
            while (e < lim && c->tok[e].start < c->a->men[m].end)
                e++;
            count++;
            continue;
        }
        if (c->tok[e].flags & NF_T_POSS) {
            e++;
            continue;
        }
        if (e > i && in_set(c, e, S_FROM_OF) && e + 1 < lim &&
            (c->men_start[e + 1] >= 0 || (e + 2 < lim && is(c, e + 1, "the") && c->men_start[e + 2] >= 0) ||
             (e + 2 < lim && is(c, e + 1, "the") && (c->tok[e + 2].flags & NF_T_CAP)))) {
            e++; /* `figures from the Office for National Statistics` */
            continue;
        }
        /* a pronoun right after a noun, or a determiner right after a name, opens the next
         * phrase: `told the Independent he expected`, `according to Microsoft the messages` */
        if (e > i && is_word(c, e - 1) && !in_set(c, e - 1, S_PREPS) && !in_set(c, e - 1, S_NP_STOP) &&
            !in_set(c, e - 1, S_DETS) &&
            (pronoun_at(c, e) || (c->men_end[e - 1] >= 0 && in_set(c, e, S_ART_MOST))))
            break;
        /* a day or month name that begins a name: `the Sunday Times`, `the Independent on Sunday` */
        int dayname = c->tx_cover[e] >= 0 && (c->tok[e].flags & NF_T_CAP) && e + 1 < lim &&
                      (c->tx_cover[e + 1] != c->tx_cover[e]) && (c->tok[e + 1].flags & NF_T_CAP) &&
                      c->tx_cover[e + 1] < 0 && e > i && (tok_in(c, e - 1, (const char *const[]){"the", NULL}) ||
                                                           (c->tok[e - 1].flags & NF_T_CAP));
        if (!is_word(c, e) || in_set(c, e, S_NP_STOP) || (c->tx_cover[e] >= 0 && !dayname) || is(c, e, "ahead") ||
            (e > i && in_set(c, e, S_SAID)) ||
            in_set(c, e, S_MODAL))
            break;
        if (e > i && is_lower(c, e) && cls_at(c, e) != C_NONE &&
            !(in_set(c, e - 1, S_DETS) || (is_lower(c, e - 1) && cls_at(c, e - 1) == C_NONE)))
            break; /* `according to the report` keeps `report` */
        if (e > i && is_lower(c, e) && tl(c, e) > 4 && !memcmp(tt(c, e) + tl(c, e) - 2, "ed", 2) && !in_set(c, e - 1, S_DETS))
            break; /* `an unnamed executive` goes on */
        e++;
        count++;
    }
    while (e > i && (in_set(c, e - 1, S_ART_PREP) ||
                     (!is_word(c, e - 1) && !(c->tok[e - 1].flags & NF_T_POSS))))
        e--;
    return e;
}

/* A dash that opens or closes a parenthesis: — – -- _ (a hyphen between spaces too). */
static int is_dash(const ctx *c, size_t i)
{
    const char *w = tt(c, i);
    size_t n = tl(c, i);
    if (n == 3 && (unsigned char)w[0] == 0xE2 && (unsigned char)w[1] == 0x80 &&
        ((unsigned char)w[2] == 0x94 || (unsigned char)w[2] == 0x93))
        return 1;
    if ((n == 1 && (w[0] == '_' || w[0] == '-')) || (n == 2 && w[0] == '-' && w[1] == '-'))
        return c->tok[i].start > 0 && nf_isspace((unsigned char)c->t[c->tok[i].start - 1]);
    return 0;
}

/* Skips back over adverbs, auxiliaries, a date, `to VERB` and a parenthesis between commas
 * from token j (inclusive) down to s0; sets *tx to a date expression passed. Returns the token
 * that ends the subject, or (size_t)-1. */
static int other_sense(ctx *c, size_t i, const lexent *le, size_t s0, size_t s1);
static size_t skip_back(ctx *c, size_t j, size_t s0, int32_t *tx, int *comma)
{
    /* the word lists of this function's tok_in calls (static: a list written in the call is
     * built on the stack at each call) */
    static const char *const ON_EARLIER[] = {"on", "in", "at", "late", "early", "earlier", NULL};
    static const char *const IN_TURN[] = {"particular", "turn", "addition", "response", "reply",
                                          "return", NULL};
    static const char *const ASKED[] = {"asked", "urged", "invited", "called", "told", "forced",
                                        "allowed", "encouraged", "pressed", NULL};
    static const char *const WHO_CITING[] = {"who", "which", "whose", "citing", "quoting", NULL};
    static const char *const ON_LATE_EARLIER[] = {"on", "late", "early", "earlier", NULL};
    static const char *const NO_SUBJECT[] = {"who", "which", "citing", "quoting", "the", "a", "an",
                                             "speaking", "in", "at", "on", "according", "however",
                                             "meanwhile", "though", "too", "also", "for", "his",
                                             "her", "whose", NULL};
    *comma = 0;
    for (int guard = 0; guard < 40; guard++) {
        if (j == (size_t)-1 || j < s0)
            return (size_t)-1;
        if (c->tx_cover[j] >= 0) {
            int32_t x = c->tx_cover[j];
            if (*tx < 0)
                *tx = x;
            while (j >= s0 && j != (size_t)-1 && c->tx_cover[j] == x)
                j--;
            if (j != (size_t)-1 && j >= s0 && tok_in(c, j, ON_EARLIER))
                j--;
            continue;
        }
        if (cls_at(c, j) == C_ADV) {
            j--;
            continue;
        }
        if (j > s0 && is(c, j - 1, "in") && tok_in(c, j, IN_TURN)) {
            j -= 2;
            continue;
        }
        if (in_set(c, j, S_BE)) { /* `are not saying` */
            j--;
            continue;
        }
        if (is(c, j, "to") && j > s0) { /* `declined to say`; `enable officials to declare` */
            j--;
            size_t wn;
            const char *ww = lower_tok(c, j, &wn);
            if (c->men_end[j] >= 0 || nf_map_has(c->x->desc, ww, wn))
                return j;
            if (tok_in(c, j, ASKED))
                return (size_t)-1; /* `Asked to comment`: someone else is asked */
            if ((is_lower(c, j) || (c->tok[j].flags & NF_T_SENT0)) && j > s0)
                j--;
            continue;
        }
        if ((c->tok[j].flags & NF_T_POSS) && j > s0 && (is(c, j, "'s"))) { /* `He's told me` */
            j--;
            continue;
        }
        if (is_dash(c, j)) {
            /* `Gonzalez _ perhaps under duress from the Castro regime _ has indicated` */
            size_t k = j;
            while (k > s0 && k + 25 > j && !is_dash(c, k - 1) && !is_dquote(c, k - 1))
                k--;
            if (k > s0 + 1 && is_dash(c, k - 1) && is_word(c, k - 2)) {
                j = k - 2;
                continue;
            }
            return (size_t)-1;
        }
        if (is_punct(c, j, ',') || is_punct(c, j, ')')) {
            /* `X, who ..., said`; `X, citing Y, said`; `X (R-Ohio) said` */
            char open = is_punct(c, j, ',') ? ',' : '(';
            size_t k = j;
            size_t lim = j > s0 + 25 ? j - 25 : s0;
            while (k > lim && !is_punct(c, k - 1, open) && !is_dquote(c, k - 1))
                k--;
            if (k > lim && k - 1 > s0 && is_punct(c, k - 1, open) && k < j && open == ',' &&
                !tok_in(c, k, WHO_CITING)) {
                /* `C, the Kremlin said, adding`: an attribution between commas is no
                 * parenthesis; the verb after it continues that attribution */
                size_t g = j - 1; /* the span ends with the verb, maybe a date after it */
                while (g > k && (c->tx_cover[g] >= 0 || tok_in(c, g, ON_LATE_EARLIER) ||
                                 cls_at(c, g) == C_ADV))
                    g--;
                int gc = is_lower(c, g) ? cls_at(c, g) : C_NONE;
                if (g > k && (gc == C_V || gc == C_TELL || gc == C_WEAK) && !is_ing(c, g) &&
                    !other_sense(c, g, lex_at(c, g), s0, j))
                    return (size_t)-1;
            }
            if (k > lim && k - 1 > s0 && is_punct(c, k - 1, open) && k < j) {
                /* the parenthesis must look like one: who/which/citing/the/a... or a date */
                int ok = open == '(' || tok_in(c, k, NO_SUBJECT) ||
                         c->tx_cover[k] >= 0;
                /* `Rep. Dan Burton, R-Ind., said`; `X, president of Y, told`; `One of them,
                 * Marisleysis Gonzalez, told`: a short or lower-case apposition after a name */
                int named = c->men_end[k - 2] >= 0 || (c->tok[k - 2].flags & NF_T_CAP);
                int relaxed = 0;
                if (!ok && ((named && (j - k <= 8 || (is_lower(c, k) && cls_at(c, k) == C_NONE))) ||
                            (j - k <= 3 && (c->tok[k].flags & NF_T_CAP))))
                    ok = relaxed = 1;
                for (size_t g = k; g < j && ok && relaxed && open == ','; g++)
                    if (is_lower(c, g) && cls_at(c, g) != C_NONE && cls_at(c, g) != C_ADV && cls_at(c, g) != C_CITE)
                        ok = 0;
                /* `His assistant, Alice Marchak, said`: the name in the apposition speaks */
                if (ok && open == ',' && c->men_start[k] >= 0 && c->a->men[c->men_start[k]].type == NF_ACT_PERSON &&
                    c->mtok1[c->men_start[k]] == j &&
                    !(c->men_end[k - 2] >= 0 && c->a->men[c->men_end[k - 2]].type == NF_ACT_PERSON))
                    return j - 1;
                if (ok && (c->men_end[k - 2] >= 0 || is_word(c, k - 2))) {
                    j = k - 2;
                    /* a second apposition before it: `Jose Basulto, founder of Brothers to the
                     * Rescue, a Cuban exile group that..., called` */
                    for (size_t g = j; g > s0 && g + 12 > j; g--) {
                        if (is_dquote(c, g) || (is_lower(c, g) && cls_at(c, g) != C_NONE && cls_at(c, g) != C_ADV))
                            break;
                        if (is_punct(c, g, ',')) {
                            int32_t pm = c->men_end[g - 1];
                            if (pm >= 0 && c->a->men[pm].type == NF_ACT_PERSON)
                                j = g - 1;
                            break;
                        }
                    }
                    *comma = 1;
                    continue;
                }
            }
            return (size_t)-1;
        }
        return j;
    }
    return (size_t)-1;
}

/* Does the phrase [b, e) name someone: a name, a description (`a U.S. official`), a pronoun
 * or a capitalized word? */
/* Is the capitalized word at i, first in its sentence, a name: followed by a possessive, or
 * capitalized elsewhere in the article where no sentence begins (`Elian printed his name`)? */
static int sent0_name(ctx *c, size_t i)
{
    if (!(c->tok[i].flags & NF_T_CAP) || !(c->tok[i].flags & NF_T_WORD) || in_set(c, i, S_DETS) || in_set(c, i, S_PRONOUNS) ||
        in_set(c, i, S_NP_STOP) || cls_at(c, i) != C_NONE || c->tx_cover[i] >= 0 || tl(c, i) < 3)
        return 0;
    if (i + 1 < c->ntok && (c->tok[i + 1].flags & NF_T_POSS))
        return 1;
    size_t n = tl(c, i);
    size_t k0 = i > 3000 ? i - 3000 : 0, k1 = i + 3000 < c->ntok ? i + 3000 : c->ntok; /* bounded: no quadratic time */
    for (size_t k = k0; k < k1; k++)
        if (k != i && tl(c, k) == n && !(c->tok[k].flags & NF_T_SENT0) && !memcmp(tt(c, k), tt(c, i), n) &&
            (k == 0 || !is_open(c, k - 1)))
            return 1;
    return 0;
}

static int np_speaks(ctx *c, size_t b, size_t e)
{
    for (size_t g = b; g < e; g++) {
        size_t gn;
        const char *gw = lower_tok(c, g, &gn);
        if (men_is_name(c, c->men_start[g]) || nf_map_has(c->x->desc, gw, gn) ||
            (g == b && in_set(c, g, S_PRONOUNS)))
            return 1;
        if ((c->tok[g].flags & NF_T_CAP) && !in_set(c, g, S_DETS) && !(c->tok[g].flags & NF_T_SENT0) &&
            !(c->men_start[g] >= 0 && (c->a->men[c->men_start[g]].flags & NF_M_DEMONYM)))
            return 1; /* a capitalized word, not a demonym (`The Russian proposal`) */
        if (g == b && (c->tok[g].flags & NF_T_SENT0) && sent0_name(c, g))
            return 1;
    }
    return 0;
}

/* Other senses of a reporting word at i (cls, lemma known). */
static int other_sense(ctx *c, size_t i, const lexent *le, size_t s0, size_t s1)
{
    /* the word lists of this function's tok_in calls (static: a list written in the call is
     * built on the stack at each call) */
    static const char *const THE_ITS[] = {"the", "a", "its", "his", "her", "their", NULL};
    static const char *const TELL_THING[] = {"story", "tale", "tales", "stories", "time",
                                             "difference", NULL};
    static const char *const CLAIMED_THING[] = {"responsibility", "credit", "lives", "victory",
                                                "ownership", "title", "asylum", "damages",
                                                "compensation", "seats", "territory", "the", "a",
                                                "an", "his", "her", "their", "its", "more", "at",
                                                NULL};
    static const char *const TOLL[] = {"lives", "victims", "casualties", "dead", "seats", "medals",
                                       "titles", NULL};
    static const char *const PARTICLE[] = {"off", "up", "in", "back", "out", "home", NULL};
    static const char *const OBJ_PRON[] = {"it", "him", "her", "them", "me", "us", "you", NULL};
    static const char *const ON_TO[] = {"on", "to", "and", "after", "before", NULL};
    static const char *const WH[] = {"whether", "if", "how", "what", "when", "why", "which", "who",
                                     "apart", NULL};
    static const char *const COUNT_DET[] = {"two", "three", "four", "five", "six", "seven", "eight",
                                            "nine", "ten", "another", "a", "an", "to", "up", "more",
                                            "its", "his", "her", "their", "the", NULL};
    static const char *const FOR_BACK[] = {"for", "back", NULL};
    static const char *const THE_SOME[] = {"the", "a", "an", "its", "his", "her", "their", "our",
                                           "some", NULL};
    static const char *const NOUN_FORMS[] = {"charges", "vows", "pledges", "promises", "states",
                                             "voices", "demands", "estimates", "signals", "calls",
                                             "labels", "stresses", "urges", "cautions", "quotes",
                                             "cites", "concerns", NULL};
    const char *lem = le->lemma;
    /* `so-called`, `so called` */
    if (i > s0 && is(c, i - 1, "so"))
        return 1;
    if (i > s0 && is_punct(c, i - 1, '-'))
        return 1;
    if (i + 1 < s1 && is_punct(c, i + 1, '-'))
        return 1; /* `said-to-be` compounds */
    /* `the film tells the story of`, `the name says it all` */
    if (le->lid == L_TELL && i + 2 < s1 && tok_in(c, i + 1, THE_ITS) &&
        tok_in(c, i + 2, TELL_THING))
        return 1;
    if (le->lid == L_SAY && i + 2 < s1 && is(c, i + 1, "it") && is(c, i + 2, "all"))
        return 1;
    /* passive: `is said to`, `was called`, `has been described as` */
    if (i > s0 && !is_ing(c, i) && in_set(c, i - 1, S_BE_ALL)) {
        if (le->lid == L_SAY || le->lid == L_CALL || le->lid == L_DESCRIBE ||
            le->lid == L_LABEL || le->lid == L_CLAIM || le->lid == L_QUOTE ||
            le->lid == L_CITE || le->lid == L_ALLEGE ||
            le->lid == L_ESTIMATE || le->lid == L_STATE)
            return 1;
    }
    if (le->lid == L_CLAIM && i + 1 < s1) {
        if (tok_in(c, i + 1, CLAIMED_THING))
            return 1;
        if (c->tok[i + 1].flags & NF_T_NUM) {
            for (size_t k = i + 2; k < s1 && k < i + 5; k++)
                if (tok_in(c, k, TOLL))
                    return 1;
        }
    }
    if (le->lid == L_CALL && i + 1 < s1 &&
        tok_in(c, i + 1, PARTICLE))
        return 1;
    if (le->lid == L_CALL && i + 1 < s1 &&
        tok_in(c, i + 1, OBJ_PRON) &&
        (i + 2 >= s1 || !is_word(c, i + 2) || in_set(c, i + 2, S_PREPS) || tok_in(c, i + 2, ON_TO)))
        return 1; /* `called him on Friday`: a telephone call */
    if (le->lid == L_TELL && i + 1 < s1 &&
        (tok_in(c, i + 1, WH) ||
         (is(c, i + 1, "the") && i + 2 < s1 && is(c, i + 2, "difference"))))
        return 1; /* `could not tell whether`: to know */
    if (le->lid == L_ADD && i + 1 < s1 &&
        ((c->tok[i + 1].flags & NF_T_NUM) || tok_in(c, i + 1, COUNT_DET)))
        return 1; /* `added two hits`, `added to the list` */
    if (le->lid == L_REPORT && i + 1 < s1 && tok_in(c, i + 1, FOR_BACK))
        return 1;
    if (le->lid == L_STATE && !(i + 1 < s1 && is(c, i + 1, "that")))
        return 1;
    if ((le->lid == L_MAINTAIN || le->lid == L_EXPRESS || le->lid == L_INDICATE ||
         le->lid == L_AFFIRM || le->lid == L_REAFFIRM) && i + 1 < s1 &&
        tok_in(c, i + 1, THE_SOME) &&
        le->lid != L_EXPRESS)
        return 1; /* `has maintained the site` */
    /* a noun, not a verb: `the claims`, `his comments`, `the report`, `a note` */
    if (i > s0 && in_set(c, i - 1, S_DETS) && !is(c, i - 1, "senior") && !is(c, i - 1, "top"))
        return 1;
    if (i > s0 && (c->tok[i - 1].flags & NF_T_POSS))
        return 1;
    {
        /* `its end-of-year report`, `the latest comments`: a noun after a determiner */
        size_t n = tl(c, i);
        const char *w = tt(c, i);
        /* an -s form that is a plural noun too (`the claims`, `his pledges`); not `says`,
         * `warns`, `insists` (`The minister says that...`) */
        size_t ln;
        const char *lw = lower_tok(c, i, &ln);
        int plural = n > 2 && w[n - 1] == 's' &&
                     (nf_map_has(c->x->homo, lw, ln) ||
                      tok_in(c, i, NOUN_FORMS));
        int nounish = plural || (n > 2 && n == strlen(lem) && !memcmp(w, lem, n));
        if (nounish) {
            size_t k = i;
            for (int g = 0; g < 5 && k > s0; g++) {
                size_t p = k - 1;
                if (in_set(c, p, S_DETS) || (c->tok[p].flags & NF_T_POSS))
                    return 1;
                if (!(is_lower(c, p) || is_punct(c, p, '-')) || cls_at(c, p) == C_ADV || in_set(c, p, S_NP_STOP) ||
                    in_set(c, p, S_PRONOUNS) || (is_lower(c, p) && tt(c, p)[tl(c, p) - 1] == 's'))
                    break; /* `his aides say`: a plural subject */
                k = p;
            }
        }
    }
    if (i > s0 && in_set(c, i - 1, S_NOT_BEFORE_NOUN) && le->lid != L_SAY)
        return 1;
    return 0;
}

/* A form that is a noun too (`report`, `reports`, `claims`) read as the noun: after `to`
 * with no statement following (`to report 2004 results`, `will report to Congress`), before a
 * preposition or a verb (`the PPI report was`, `media reports in both countries`, `reports
 * claimed`), after a name led by a determiner (`The Demos report looked`), or in a phrase
 * after a preposition (`put forward by the Tomlinson report`); any plural form counted by a
 * number before it (`911 calls`, `above 50 indicates`). */
static int noun_reading(ctx *c, size_t i, size_t s0, size_t s1)
{
    /* the word lists of this function's tok_in calls (static: a list written in the call is
     * built on the stack at each call) */
    static const char *const TO_MODAL[] = {"to", "will", "must", "should", "shall", NULL};
    static const char *const WHICH_WHAT[] = {"which", "that", "what", "who", NULL};
    static const char *const PREP_INTO[] = {"by", "of", "from", "in", "with", "for", "on", "at",
                                            "after", "about", "than", "into", NULL};
    static const char *const AFTER_NOUN[] = {"in", "on", "to", "of", "from", "by", "for", "into",
                                             "about", "at", "with", "over", "after", "since",
                                             "under", "is", "was", "are", "were", "has", "have",
                                             "had", "will", "would", "could", "can", "may", "might",
                                             "should", "must", "does", "did", "do", "found",
                                             "shows", "showed", "took", "gave", "made", "came",
                                             "put", "says", "suggests", "concludes", "recommends",
                                             "released", "published", "due", NULL};
    static const char *const IS_SHOWS[] = {"is", "was", "has", "had", "will", "would", "could",
                                           "shows", NULL};
    size_t n;
    const char *w = lower_tok(c, i, &n);
    if (i > s0 && (c->tok[i - 1].flags & NF_T_NUM) && n > 2 && w[n - 1] == 's' && !low_eq(c, i, "says") &&
        !low_eq(c, i, "states") && !(tl(c, i - 1) == 4 && (tt(c, i - 1)[0] == '1' || tt(c, i - 1)[0] == '2')))
        return 1; /* a count of them: `911 calls`, `300 reports` (not `the 2004 law says`) */
    if (!nf_map_has(c->x->homo, w, n))
        return 0;
    int bare = n > 0 && w[n - 1] != 's';
    size_t k = i + 1;
    int stmt = k < s1 && (is(c, k, "that") || is_open(c, k) || is_punct(c, k, ':') ||
                          (is_punct(c, k, ',') && k + 1 < s1 && is_open(c, k + 1)));
    if (i > s0 && tok_in(c, i - 1, TO_MODAL) && !stmt)
        return 1; /* `HSBC will report profits of £9.4bn`: nothing said yet */
    /* the phrase before: back over names and lower-case words to what opens it */
    size_t p = i;
    int caps = 0, det = 0;
    for (int g = 0; g < 7 && p > s0; g++) {
        size_t q = p - 1;
        if (c->tok[q].flags & NF_T_POSS)
            return 0; /* `the BBC's Jonathan Beale reports` */
        if (in_set(c, q, S_PRONOUNS) && q + 1 == i)
            return 0; /* `they report a number of calls` */
        if (tok_in(c, q, WHICH_WHAT))
            return 0; /* `a bill which critics claim would legalise` */
        if (in_set(c, q, S_ART)) {
            det = 1;
            break;
        }
        if (tok_in(c, q, PREP_INTO))
            return 1; /* a phrase after a preposition is no subject (`after reports claimed`) */
        if (!is_word(c, q) || in_set(c, q, S_NP_STOP) || cls_at(c, q) != C_NONE)
            break;
        caps |= (c->tok[q].flags & (NF_T_CAP | NF_T_UPPER)) != 0;
        p = q;
    }
    /* `The Demos report`: a singular name takes `reports` as its verb */
    if (det && bare && caps && i > s0 && !(c->tok[i - 1].flags & NF_T_SENT0) && (c->tok[i - 1].flags & (NF_T_CAP | NF_T_UPPER)))
        return 1;
    if (k < s1) {
        if (is(c, k, "to") && k + 1 < s1 && is_lower(c, k + 1) && !in_set(c, k + 1, S_DETS) && !in_set(c, k + 1, S_PRONOUNS))
            return 0; /* `Microsoft claims to update its index`: a claim */
        if (tok_in(c, k, AFTER_NOUN))
            return 1;
        if (is_lower(c, k) && (cls_at(c, k) == C_V || cls_at(c, k) == C_TELL || cls_at(c, k) == C_WEAK || cls_at(c, k) == C_NP))
            return 1; /* `the Sunday Telegraph report added` */
        if (is_lower(c, k) && tl(c, k) > 4 && (!memcmp(tt(c, k) + tl(c, k) - 2, "ed", 2) || is_ing(c, k)))
            return 1; /* `reports linking him`, `The Demos report looked` */
        if (is(c, k, "that") && k + 1 < s1 && is_lower(c, k + 1) &&
            (tok_in(c, k + 1, IS_SHOWS) ||
             (tl(c, k + 1) > 4 && !memcmp(tt(c, k + 1) + tl(c, k + 1) - 2, "ed", 2))))
            return 1; /* `a report that showed`: a relative clause */
    }
    return 0;
}

static void cue_add(ctx *c, const cue *q)
{
    cue *n = NF_PUSH(c->cues, c->ncue, c->capcue);
    *n = *q;
}

/* Nothing but a date, `on`, the end of the sentence or a continuing cue from token k on. */
static int rest_empty(ctx *c, size_t k, size_t s1)
{
    while (k < s1 && (c->tx_cover[k] >= 0 || in_set(c, k, S_ON_LATE)))
        k++;
    if (k >= s1 || is_punct(c, k, '.') || is_punct(c, k, '!') || is_punct(c, k, ';') || is_dquote(c, k))
        return 1;
    if (is_punct(c, k, ',') && k + 1 < s1 && ((is_lower(c, k + 1) && is_ing(c, k + 1)) || cls_at(c, k + 1) != C_NONE))
        return 1;
    if (c->tx_start[k] < 0 && is_word(c, k) && k + 1 < s1 && is_punct(c, k + 1, '.') && k + 2 >= s1)
        return 1; /* `..., X said Saturday.` with the date unresolved */
    if (is_punct(c, k, ',') && k + 1 < s1 && tok_in(c, k + 1, (const char *const[]){"and", "but", "while", "although", NULL}))
        return 1; /* `C, according to X, and ...` */
    if (in_set(c, k, S_AT_AHEAD)) {
        /* `..., the company said at the Detroit Motor Show.`: a place or occasion */
        size_t g = k + 1;
        while (g < s1 && !is(c, g, "that") && !is_dquote(c, g) && !is_punct(c, g, ',') && !is_punct(c, g, ':') &&
               !(is_lower(c, g) && cls_at(c, g) != C_NONE && cls_at(c, g) != C_ADV))
            g++;
        if (g >= s1 || (is_punct(c, g, ',') && g + 1 < s1 && is_lower(c, g + 1) && is_ing(c, g + 1)))
            return 1;
        while (g < s1 && (is_punct(c, g, '.') || is_punct(c, g, '!')))
            g++;
        return g >= s1;
    }
    return 0;
}

/* Pass 1 over one sentence: its cues. */
static void find_cues(ctx *c, size_t s)
{
    /* the word lists of this function's tok_in calls (static: a list written in the call is
     * built on the stack at each call) */
    static const char *const WAS[] = {"was", "were", "been", NULL};
    static const char *const HAVE[] = {"has", "have", "had", NULL};
    static const char *const ON_WIDELY[] = {"on", "late", "early", "earlier", "widely",
                                            "previously", "initially", NULL};
    static const char *const AUX_ADV[] = {"has", "have", "had", "was", "is", "been", "also",
                                          "already", "now", "later", NULL};
    static const char *const DEAD[] = {"dead", "killed", "injured", "wounded", "missing", "hurt",
                                       "safe", NULL};
    static const char *const FOR_ON[] = {"for", "on", NULL};
    static const char *const IN_TURN[] = {"particular", "turn", "addition", "response", "reply",
                                          "return", NULL};
    static const char *const PERSONAL[] = {"it", "they", "we", "i", "you", "them", "him", "her",
                                           "us", "me", NULL};
    static const char *const WHO_OF[] = {"who", "which", "that", "of", "in", "at", "from", "and",
                                         NULL};
    static const char *const ASKED_EXPECTED[] = {"asked", "urged", "invited", "called", "told",
                                                 "forced", "allowed", "encouraged", "pressed",
                                                 "expected", NULL};
    static const char *const AND_FROM[] = {"and", "from", "at", "of", "for", NULL};
    static const char *const WITH_ON[] = {"with", "to", "in", "at", "on", "during", "from", "for",
                                          "by", NULL};
    static const char *const ON_THE[] = {"on", "in", "at", "a", "an", "its", "his", "her", "their",
                                         "the", "late", "early", NULL};
    static const char *const THE_THIS[] = {"the", "that", "this", "their", "his", "her", NULL};
    const nf_sent *se = &c->a->sent[s];
    size_t s0 = se->tok0, s1 = se->tok0 + se->ntok;
    /* no word that may be a cue: nothing to do */
    if (s1 <= s0 || !memchr(c->cand + s0, 1, s1 - s0))
        return;
    if (sent_skipped(c, s))
        return;
    /* a question put to someone (outside quotes) is no claim */
    {
        size_t k = s1;
        while (k > s0 && (is_dquote(c, k - 1) || is_punct(c, k - 1, ')')))
            k--;
        if (k > s0 && is_punct(c, k - 1, '?') && !(k < s1 && is_dquote(c, k)) && !se->in_quote) {
            int q = 0;
            for (size_t i = s0; i < s1; i++)
                q |= is_dquote(c, i);
            if (!q)
                return;
        }
    }
    size_t first = c->ncue;
    for (size_t i = s0; i < s1; i++) {
        while (i < s1 && !c->cand[i])
            i++;
        if (i == s1)
            break;
        const lexent *le = lex_at(c, i);
        size_t n;
        const char *w = lower_tok(c, i, &n);
        cue q = {.s = (uint32_t)s, .tx = -1, .join = -1, .sptype = 255, .v = (uint32_t)i};
        if (!le && n == 9 && !memcmp(w, "according", 9) && i + 1 < s1 && is(c, i + 1, "to")) {
            static const lexent acc = {"according to", C_ACC, L_OTHER};
            q.le = &acc;
            q.ve = (uint32_t)(i + 2);
            /* speaker after: `according to X` */
            size_t e = np_fwd(c, i + 2, s1);
            if (e == i + 2)
                continue;
            q.np0 = (uint32_t)(i + 2);
            q.np1 = (uint32_t)e;
            q.inverted = 1;
            /* `C, according to X.`: claim before */
            q.before = i > s0 && is_punct(c, i - 1, ',') && rest_empty(c, e, s1);
            cue_add(c, &q);
            i = e - 1;
            continue;
        }
        if (!le || le->cls >= C_EXT)
            continue;
        if (c->tok[i].flags & NF_T_CAP && !(c->tok[i].flags & NF_T_SENT0))
            continue; /* `Tell`, `Say` inside a name */
        if ((c->tok[i].flags & NF_T_CAP) && n > 1 && (w[n - 1] == 's' || low_eq(c, i, le->lemma)))
            continue; /* `Reports reaching here said`, `Claims that...` */
        if (n > 2 && w[n - 1] == 's' && i + 1 < s1 && is(c, i + 1, "of"))
            continue; /* `reports of`, `claims of` */
        if (other_sense(c, i, le, s0, s1) || noun_reading(c, i, s0, s1))
            continue;
        q.le = le;
        /* extend the cue: told + hearer; said + in a statement */
        size_t ve = i + 1;
        if (le->cls == C_TELL) {
            size_t k = phrase_at(c, ve, s1, C_OBJ);
            if (k && !(ve + k < s1 && (c->tok[ve + k].flags & NF_T_POSS)))
                ve += k;
        }
        size_t ext = ve < s1 ? phrase_at(c, ve, s1, C_EXT) : 0;
        ve += ext;
        q.ve = (uint32_t)ve;
        /* a passive: `the decision was announced Wednesday`, `he was declared dead` */
        if (!is_ing(c, i)) {
            size_t p = i;
            while (p > s0 && cls_at(c, p - 1) == C_ADV && !is(c, p - 1, "been"))
                p--;
            if (p > s0 && ((in_set(c, p - 1, S_BE) && !is(c, p - 1, "'s")) || is(c, p - 1, "been") || is(c, p - 1, "be") || is(c, p - 1, "being"))) {
                /* `was told by U.S. officials that`: the agent speaks */
                size_t by = ve;
                while (by < s1 && c->tx_cover[by] >= 0)
                    by++;
                if (by + 1 < s1 && is(c, by, "by") && (le->cls == C_V || le->cls == C_TELL)) {
                    size_t e = np_fwd(c, by + 1, s1);
                    if (e > by + 1) {
                        q.np0 = (uint32_t)(by + 1);
                        q.np1 = (uint32_t)e;
                        q.inverted = 1;
                        q.ve = (uint32_t)ve;
                        cue_add(c, &q);
                        c->hascue[s] = 1;
                        continue;
                    }
                }
                if (le->lid != L_ANNOUNCE && le->lid != L_REPORT)
                    continue;
                if (!tok_in(c, p - 1, WAS) ||
                    (is(c, p - 1, "been") && p > s0 + 1 && !tok_in(c, p - 2, HAVE)))
                    continue; /* `will be announced next week`: nothing said yet */
                /* an agentless passive is an attribution only with what was said: `it was
                 * announced that C`, `C, it has been reported`, `X was reported to have...`,
                 * `seven were reported dead`; not `after the share offer was announced` */
                {
                    size_t a1 = ve;
                    while (a1 < s1 && (c->tx_cover[a1] >= 0 || cls_at(c, a1) == C_ADV ||
                                       tok_in(c, a1, ON_WIDELY)))
                        a1++;
                    size_t bp = p - 1; /* the auxiliary; `it` before it (`it has been reported`) */
                    while (bp > s0 && tok_in(c, bp - 1, AUX_ADV))
                        bp--;
                    int it = bp > s0 && is(c, bp - 1, "it");
                    int said = a1 < s1 && (is(c, a1, "that") || is_open(c, a1) || is_punct(c, a1, ':') ||
                                           (is(c, a1, "to") && a1 + 1 < s1 && is_lower(c, a1 + 1) && !in_set(c, a1 + 1, S_DETS)) ||
                                           tok_in(c, a1, DEAD));
                    if (!said && !(it && (a1 >= s1 || !is_word(c, a1))))
                        continue;
                    if (!said && it && bp > s0 + 2 && is_punct(c, bp - 2, ',')) {
                        q.before = 1; /* `C, it has been announced.` */
                        q.a0 = (uint32_t)(bp - 1);
                    }
                }
                q.passive = 1;
                {
                    size_t a1 = ve;
                    if (a1 + 1 < s1 && in_set(c, a1, S_ON_THIS) && c->tx_start[a1 + 1] >= 0)
                        a1++;
                    if (a1 < s1 && c->tx_start[a1] >= 0)
                        q.tx = c->tx_start[a1]; /* `was announced Wednesday` */
                }
                cue_add(c, &q);
                c->hascue[s] = 1;
                continue;
            }
        }
        /* `X quoted Y as saying C`, `Y was quoted Friday by local media as saying C`: Y speaks */
        if (is_ing(c, i) && i > s0 + 2 && is(c, i - 1, "as")) {
            size_t qv = i - 2;
            while (qv > s0 && qv + 10 > i && !(is_lower(c, qv) && lex_at(c, qv) && lex_at(c, qv)->lid == L_QUOTE))
                qv--;
            if (is_lower(c, qv) && lex_at(c, qv) && lex_at(c, qv)->lid == L_QUOTE) {
                size_t b = qv + 1, e = i - 1;
                while (b < e && c->tx_cover[b] >= 0)
                    b++;
                if (b < e && !is(c, b, "by")) {
                    q.np0 = (uint32_t)b;
                    q.np1 = (uint32_t)np_fwd(c, b, e);
                } else {
                    int32_t tx0 = -1;
                    int cm = 0;
                    size_t j = qv > s0 ? skip_back(c, qv - 1, s0, &tx0, &cm) : (size_t)-1;
                    if (j != (size_t)-1 && j >= s0 && is_word(c, j) && !in_set(c, j, S_NP_STOP)) {
                        q.np0 = (uint32_t)np_back(c, j, s0);
                        q.np1 = (uint32_t)(j + 1);
                    }
                }
                if (q.np1 > q.np0) {
                    /* `"...," Reuters quoted one trader as saying.` */
                    if (q.np0 > qv) {
                        int32_t tx0 = -1;
                        int cm = 0;
                        size_t j = qv > s0 ? skip_back(c, qv - 1, s0, &tx0, &cm) : (size_t)-1;
                        q.a0 = (uint32_t)(j != (size_t)-1 && j >= s0 && is_word(c, j) ? np_back(c, j, s0) : qv);
                    } else {
                        q.a0 = q.np0;
                    }
                    for (size_t o = first; o < c->ncue; o++)
                        if (c->cues[o].v == qv) {
                            c->cues[o].join = (int32_t)c->ncue;
                            c->cues[o].nested = 1; /* its words are this cue's speaker */
                            c->cues[o].quoting = 1;
                        }
                    goto have_speaker;
                }
            }
        }
        /* `a $500,000 reward announced earlier by Attorney General Janet Reno`: the agent */
        if (i > s0 && !is_ing(c, i) && tl(c, i) > 3 && (le->cls == C_V || le->cls == C_TELL) &&
            (!memcmp(tt(c, i) + tl(c, i) - 2, "ed", 2) || is(c, i, "said") || is(c, i, "told")) &&
            !in_set(c, i - 1, S_BE) && !is(c, i - 1, "been")) {
            size_t by = ve;
            while (by < s1 && (c->tx_cover[by] >= 0 || cls_at(c, by) == C_ADV))
                by++;
            if (by + 1 < s1 && is(c, by, "by")) {
                size_t e = np_fwd(c, by + 1, s1);
                if (e > by + 1 && np_speaks(c, by + 1, e) && (c->men_start[by + 1] >= 0 || (c->tok[by + 1].flags & NF_T_CAP) ||
                                                              in_set(c, by + 1, S_DETS))) {
                    q.np0 = (uint32_t)(by + 1);
                    q.np1 = (uint32_t)e;
                    q.inverted = 1;
                    goto have_speaker;
                }
            }
        }
        /* `C, said the US Agriculture Department.`: the speaker closes the sentence */
        if (i > s0 && (is_punct(c, i - 1, ',') || is_close(c, i - 1)) && !is_ing(c, i) &&
            (le->cls == C_V || le->cls == C_TELL) && ve < s1) {
            size_t e = np_fwd(c, ve, s1);
            if (e > ve && np_speaks(c, ve, e) && rest_empty(c, e, s1) &&
                !(e == ve + 1 && in_set(c, ve, S_PRONOUNS))) {
                q.np0 = (uint32_t)ve;
                q.np1 = (uint32_t)e;
                q.inverted = 1;
                goto have_speaker;
            }
        }
        /* the speaker: subject before, else inverted after */
        int32_t tx = -1;
        int comma = 0;
        size_t j = i > s0 ? skip_back(c, i - 1, s0, &tx, &comma) : (size_t)-1;
        q.tx = tx; /* `having earlier this week described`: the date goes with the verb */
        int has_subj = 0;
        /* `Committee sources who spoke on the condition of anonymity said`: the subject is
         * before the relative clause */
        if (j != (size_t)-1 && j > s0 && !in_set(c, j, S_REL)) {
            for (size_t r = j; r > s0 && r + 14 > j; r--) {
                if (!is_word(c, r) || is_dquote(c, r) || (is_lower(c, r) && cls_at(c, r) != C_NONE && cls_at(c, r) != C_WEAK && r != j))
                    break;
                if (in_set(c, r, S_WHO_THAT) && r - 1 > s0 && is_word(c, r - 1) &&
                    !in_set(c, r - 1, S_NP_STOP) && (c->men_end[r - 1] >= 0 || is_lower(c, r - 1)) &&
                    cls_at(c, r - 1) == C_NONE) {
                    size_t rn;
                    const char *rw = lower_tok(c, r - 1, &rn);
                    if (c->men_end[r - 1] >= 0 || nf_map_has(c->x->desc, rw, rn)) {
                        j = r - 1;
                        break;
                    }
                }
            }
        }
        /* `Reports reaching here said`: a participle phrase after the subject */
        if (j != (size_t)-1 && j >= s0 + 2 && in_set(c, j, S_HERE) &&
            is_lower(c, j - 1) && is_ing(c, j - 1) && is_word(c, j - 2) && !in_set(c, j - 2, S_NP_STOP))
            j -= 2;
        int relcl = 0; /* the subject is the antecedent of a relative clause */
        /* a relative clause: `a banner that said`, `residents who said`, `the West, which said` */
        if (j != (size_t)-1 && j > s0 && in_set(c, j, S_REL)) {
            size_t r = j - 1;
            if (is(c, r, "and") && is(c, j, "who")) {
                /* `Elian's relatives, who are fighting to keep the boy and who have said` */
                for (size_t g = r; g > s0 + 1 && g + 30 > r; g--)
                    if (is(c, g, "who") && is_punct(c, g - 1, ',')) {
                        r = g - 1;
                        break;
                    } else if (is_dquote(c, g) || is_punct(c, g, ';') || is_punct(c, g, ':')) {
                        break;
                    }
            }
            if (is_punct(c, r, ',') && r > s0)
                r--;
            int okr = is_word(c, r) && cls_at(c, r) == C_NONE && !in_set(c, r, S_NP_STOP);
            if (okr && is(c, j, "that") && is_lower(c, r)) {
                size_t rn = tl(c, r);
                const char *rw = tt(c, r);
                if (rn > 3 && (!memcmp(rw + rn - 2, "ed", 2) || !memcmp(rw + rn - 2, "ly", 2)))
                    okr = 0;
            }
            if (okr) {
                j = r;
                relcl = 1;
            }
        }
        if (j != (size_t)-1 && j >= s0 && is_word(c, j) && !in_set(c, j, S_NP_STOP) &&
            !(is_lower(c, j) && cls_at(c, j) != C_NONE) &&
            !in_set(c, j, S_ART)) { /* `used a speech to say` */
            size_t b = np_back(c, j, s0);
            if (b <= j && b > s0 &&
                in_set(c, b - 1, S_PREP_THAN)) {
                /* a phrase after a preposition belongs to the noun before it (`Bishop Henry
                 * Mansell of the Archdiocese of Buffalo`, `A voiceover to the footage`), or
                 * is no subject at all (`and for the first time said`) */
                size_t nb = (size_t)-1;
                if (b >= s0 + 2 && is_word(c, b - 2) && !in_set(c, b - 2, S_NP_STOP) &&
                    !(is_lower(c, b - 2) && cls_at(c, b - 2) != C_NONE && !(c->tok[b - 2].flags & NF_T_CAP)))
                    nb = np_back(c, b - 2, s0);
                if (nb != (size_t)-1 && (nb == s0 || in_set(c, nb, S_DETS) || c->men_start[nb] >= 0 ||
                                         (c->tok[nb].flags & NF_T_CAP) || (c->tok[nb].flags & NF_T_POSS)))
                    b = nb;
                else if (!(relcl && (is(c, j + 1, ",") || is(c, j + 1, "who"))))
                    b = j + 1; /* `opposed by Elian's relatives, who have said`, `aimed at
                                * those who say` keep them */
            }
            if (b <= j && is_lower(c, j) && c->men_end[j] < 0 && !in_set(c, j, S_PRONOUNS)) {
                /* a common noun as speaker: only with the plainest verbs (`witnesses said`,
                 * `the report says`); else `a video call`, `the proposals call for` */
                size_t h = j; /* the head: before `of`, `in`... (`people on both sides of the issue`) */
                for (size_t k = b + 1; k <= j; k++)
                    if (in_set(c, k, S_PREPS) || is(c, k, "on")) {
                        h = k - 1;
                        break;
                    }
                size_t hn;
                const char *hw = lower_tok(c, h, &hn);
                int plain = le->lid == L_SAY || le->lid == L_TELL;
                if (!plain && !nf_map_has(c->x->desc, hw, hn) && !(is_ing(c, i) && j + 1 == i)) {
                    /* ... unless what follows is a reported statement */
                    size_t a1 = ve;
                    int ok = a1 < s1 && is(c, i, "called") && tok_in(c, a1, FOR_ON);
                    for (size_t k2 = a1; k2 < s1 && k2 < a1 + 6 && !ok; k2++)
                        ok = is_open(c, k2);
                    if (!ok)
                        continue;
                }
            }
            if (b <= j && c->men_end[j] >= 0 && men_is_name(c, c->men_end[j]) && j + 1 == i &&
                c->mtok0[c->men_end[j]] <= b + 1) {
                /* `that NATO deny membership`: a bare verb after a singular name */
                if (low_eq(c, i, le->lemma))
                    continue;
            }
            if (b <= j) {
                q.np0 = (uint32_t)b;
                q.np1 = (uint32_t)(j + 1);
                has_subj = 1;
                q.tx = tx;
            }
        }
        int prev_sep = i > s0 && (is_punct(c, i - 1, ',') || is_close(c, i - 1) || is_punct(c, i - 1, ':'));
        if (!has_subj) {
            /* continuation: `, noting`, `and accused`, `but said`, `by emphasizing` */
            size_t p = i;
            int having = 0;
            for (;;) {
                if (p > s0 && is(c, p - 1, "having"))
                    having = 1;
                if (p > s0 && (cls_at(c, p - 1) == C_ADV || c->tx_cover[p - 1] >= 0))
                    p--;
                else if (p > s0 + 1 && is(c, p - 2, "in") && tok_in(c, p - 1, IN_TURN))
                    p -= 2;
                else
                    break;
            }
            int conj = p > s0 && in_set(c, p - 1, S_CONJ_THEN);
            if (p > s0 && is(c, p - 1, "as") && is_ing(c, i) && first < c->ncue)
                conj = 1; /* `quoted X as saying` */
            int ing = is_ing(c, i) || having;
            if (le->cls == C_CITE && first < c->ncue) {
                q.join = (int32_t)(c->ncue - 1);
            } else if ((conj || (ing && p > s0 && (is_punct(c, p - 1, ',') || (p > s0 + 1 && is_close(c, p - 1) && is_punct(c, p - 2, ','))))) && first < c->ncue) {
                /* join the latest live cue of the sentence */
                size_t lastc = c->ncue - 1;
                while (c->cues[lastc].join >= 0)
                    lastc = (size_t)c->cues[lastc].join;
                q.join = (int32_t)lastc;
            } else if (prev_sep || i == s0 || (i > s0 && is_open(c, i - 1))) {
                /* inverted: `"...," said X`; `Replied X, "..."` */
                size_t st = ve;
                size_t e = le->cls == C_NP || is_ing(c, i) ? st : np_fwd(c, st, s1);
                if (e > st && e == st + 1 && tok_in(c, st, PERSONAL))
                    e = st;
                if (e > st && le->lid != L_SAY && !np_speaks(c, st, e))
                    e = st; /* `"...," said a message read on television` is fine */
                if (e > st && e < s1 && is_word(c, e) && !rest_empty(c, e, s1) &&
                    !tok_in(c, e, WHO_OF))
                    e = st; /* `said the figures represented...`: no speaker, a claim */
                if (e > st) {
                    q.np0 = (uint32_t)st;
                    q.np1 = (uint32_t)e;
                    q.inverted = 1;
                } else if (conj || ing) {
                    /* no subject, no earlier cue: the sentence's subject (`Russia issued a
                     * statement, saying`) */
                    q.join = -2;
                } else {
                    /* `the decision, announced Wednesday by INS Commissioner Doris Meissner` */
                    size_t by = ve;
                    while (by < s1 && c->tx_cover[by] >= 0)
                        by++;
                    size_t e2 = by + 1 < s1 && is(c, by, "by") ? np_fwd(c, by + 1, s1) : by;
                    if (e2 <= by + 1 || !np_speaks(c, by + 1, e2))
                        continue;
                    q.np0 = (uint32_t)(by + 1);
                    q.np1 = (uint32_t)e2;
                    q.inverted = 1;
                }
            } else if (conj || ing ||
                       (p > s0 + 1 && is(c, p - 1, "to") && (le->cls == C_V || le->cls == C_TELL) &&
                        !tok_in(c, p - 2, ASKED_EXPECTED))) {
                q.join = -2; /* `was put in front of a camera to say that`: the sentence's subject */
            } else {
                continue;
            }
        }
    have_speaker:
        /* a weak verb needs that, a quote, a colon, or the claim before it */
        if (le->cls == C_WEAK && !q.inverted && q.join < 0) {
            size_t a1 = ve;
            while (a1 < s1 && cls_at(c, a1) == C_ADV)
                a1++;
            int ok = a1 < s1 && (is(c, a1, "that") || is_open(c, a1) || is_punct(c, a1, ':'));
            if (!ok && a1 + 1 < s1 && is_punct(c, a1, ',') && is_open(c, a1 + 1))
                ok = 1;
            if (!ok) {
                size_t e0 = q.np1 > q.np0 ? q.np0 : i;
                ok = e0 > s0 && (is_close(c, e0 - 1) || (e0 > s0 + 1 && is_punct(c, e0 - 1, ',') && is_close(c, e0 - 2)));
            }
            if (!ok) {
                /* `C, X suggested.` */
                size_t e = q.np0 ? q.np0 : i;
                ok = e > s0 && (is_punct(c, e - 1, ',') || is_close(c, e - 1)) &&
                     (ve >= s1 || is_punct(c, ve, '.') || is_punct(c, ve, ',')) ;
            }
            if (!ok)
                continue;
        }
        if (le->cls == C_WEAK && q.join >= 0) {
            size_t a1 = ve;
            int ok = a1 < s1 && (is(c, a1, "that") || is_open(c, a1) || is_punct(c, a1, ':'));
            if (!ok)
                continue;
        }
        /* the claim before the attribution: `"C," X said`, `C, X said.` */
        size_t np0 = q.a0 ? q.a0 : q.np1 > q.np0 && !q.inverted ? q.np0 : i;
        if (np0 > s0 && q.join == -1 && !(is_punct(c, np0 - 1, ',') || is_close(c, np0 - 1))) {
            /* the attribution may begin before the speaker's name: `"...," chairman and chief
             * executive Richard Parsons said`, `..., newspapers including El Watan reported` */
            for (size_t g = np0; g > s0 + 1 && g + 8 > np0; g--) {
                size_t p = g - 1;
                if (is_punct(c, p, ',') || is_close(c, p)) {
                    if (rest_empty(c, q.inverted ? q.np1 : ve, s1) || is_close(c, p))
                        np0 = g;
                    break;
                }
                if (!is_word(c, p) || (is_lower(c, p) && cls_at(c, p) != C_NONE && cls_at(c, p) != C_ADV) ||
                    (in_set(c, p, S_NP_STOP) && !tok_in(c, p, AND_FROM) &&
                     !is(c, p, "including")))
                    break;
            }
            q.a0 = (uint32_t)np0;
        }
        if (np0 > s0 && q.join == -1) {
            size_t p = np0 - 1;
            size_t after = q.inverted ? q.np1 : ve;
            if (le->cls == C_TELL && !q.inverted && after < s1) {
                /* `..., the firm's chief has told BBC News.` */
                size_t e = np_fwd(c, after, s1);
                if (e > after && np_speaks(c, after, e))
                    after = e;
            }
            if (is_close(c, p) || (is_punct(c, p, ',') && p > s0 && is_close(c, p - 1)))
                q.before = 1;
            else if (is_punct(c, p, ',') && rest_empty(c, after, s1))
                q.before = 1;
        }
        /* a date with the cue: after it (`said on Friday`, `told reporters Wednesday`) */
        if (q.tx < 0) {
            size_t a1 = q.inverted ? q.np1 : ve;
            if (a1 < s1 && in_set(c, a1, S_HERE_ALSO))
                a1++; /* `said here Friday` */
            for (size_t m = 0; m < 2 && a1 < s1; m++) {
                if (in_set(c, a1, S_ON_THIS) && a1 + 1 < s1 && c->tx_start[a1 + 1] >= 0) {
                    a1++;
                }
                if (c->tx_start[a1] >= 0) {
                    q.tx = c->tx_start[a1];
                    break;
                }
                if (m == 0 && !q.inverted && le->cls == C_TELL) {
                    /* `told him on Tuesday` */
                    if (is_word(c, a1) && !is(c, a1, "that"))
                        a1++;
                    continue;
                }
                if (m == 0 && q.inverted) {
                    a1 = ve;
                    continue;
                }
                break;
            }
        }
        /* `said in an interview with CNN on Sunday that`: a date after the occasion */
        if (q.tx < 0) {
            size_t a1 = q.inverted ? q.np1 : ve;
            /* only a prepositional phrase (`said Russia on Friday moved` dates the content) */
            int pp = a1 < s1 && in_set(c, a1, S_PREP_WITH);
            for (size_t k = a1; pp && k < s1 && k < a1 + 10; k++) {
                if (c->tx_start[k] >= 0) {
                    if (k > a1)
                        q.tx = c->tx_start[k];
                    break;
                }
                if (!(tok_in(c, k, WITH_ON) ||
                      in_set(c, k, S_DETS) || (c->tok[k].flags & NF_T_CAP) || (c->tok[k].flags & NF_T_POSS) ||
                      c->men_start[k] >= 0))
                    break;
            }
        }
        /* `On Friday, X said` / `In a statement Friday, X said`: a date that opens the
         * sentence goes with its main verb */
        if (q.tx < 0 && !q.inverted && q.np1 > q.np0 && q.np0 > s0 && is_punct(c, q.np0 - 1, ',')) {
            size_t k = s0;
            while (k < q.np0 - 1 && c->tx_start[k] < 0 && k < s0 + 5)
                k++;
            /* only a date that opens the sentence, after a preposition or `In a statement`
             * (`Prices will rise in March, the minister said`: March is the claim's) */
            int opens = k == s0 || in_set(c, s0, S_ON_BY);
            for (size_t g = s0 + 1; g < k && opens; g++)
                if (!(tok_in(c, g, ON_THE) ||
                      (is_lower(c, g) && cls_at(c, g) == C_NONE && c->men_start[g] < 0 && tl(c, g) > 3 &&
                       !in_set(c, g, S_NP_STOP))))
                    opens = 0;
            if (opens && c->tx_start[k] >= 0) {
                int32_t x = c->tx_start[k];
                size_t e = k;
                while (e < s1 && c->tx_cover[e] == x)
                    e++;
                if (e == q.np0 - 1)
                    q.tx = x;
            }
        }
        /* `During the conversation, Biden warned`, `After the call, Mr Biden said`: the
         * event named in the sentence before, with its date */
        if (q.tx < 0 && s > 0 && se->ntok > 4 &&
            in_set(c, s0, S_AT_OCCASION) &&
            tok_in(c, s0 + 1, THE_THIS)) {
            size_t cm = s0 + 2;
            while (cm < s0 + 6 && cm < i && is_word(c, cm) && c->tx_cover[cm] < 0)
                cm++;
            if (cm < i && is_punct(c, cm, ',')) {
                const nf_sent *pv = &c->a->sent[s - 1];
                for (size_t k = pv->tok0 + pv->ntok; k-- > pv->tok0;) {
                    int32_t x = c->tx_start[k];
                    if (x < 0 || !c->a->tx[x].value[0] || !nf_isdigit((unsigned char)c->a->tx[x].value[0]))
                        continue;
                    int said = 0; /* the date of an earlier saying is not this event's */
                    for (size_t o = c->ncue; o-- > 0 && c->cues[o].s + 1 >= s;)
                        said |= c->cues[o].tx == x;
                    if (!said)
                        q.tx = x;
                    break;
                }
            }
        }
        cue_add(c, &q);
        c->hascue[s] = 1;
        if (q.inverted)
            i = q.np1 > i ? q.np1 - 1 : i;
    }
}

/* ---------------------------------------------------------------------------------------- */

static int person_role_match(ctx *c, int32_t m, const descent *d, const char *aff)
{
    const nf_mention *mn = &c->a->men[m];
    /* the title: words before the name back to a punctuation, plus the actor stage's role */
    char buf[256];
    size_t o = 0;
    if (mn->role) {
        size_t rl = strlen(mn->role);
        if (rl > 100)
            rl = 100;
        nf_lower(mn->role, rl, buf);
        o = rl;
        buf[o++] = ' ';
    }
    /* words before the mention within its sentence */
    size_t ms = c->a->sent[mn->sent].tok0;
    size_t k = c->mtok0[m];
    NF_UNUSED(ms);
    const char *maff = NULL;
    size_t b = k;
    for (size_t cnt = 0; b > ms && cnt < 7; cnt++) {
        size_t p = b - 1;
        if (!is_word(c, p) && !(c->tok[p].flags & NF_T_POSS))
            break;
        if (c->men_end[p] >= 0 && c->a->men[c->men_end[p]].type != NF_ACT_PERSON) {
            maff = c->a->men[c->men_end[p]].canon;
        }
        b = p;
    }
    if (b < k) {
        size_t len = c->tok[k - 1].end - c->tok[b].start;
        if (len > sizeof buf - o - 1)
            len = sizeof buf - o - 1;
        nf_lower(c->t + c->tok[b].start, len, buf + o);
        o += len;
    }
    /* apposition after: `Karen Donfried, the State Department's deputy secretary` */
    size_t e = c->mtok1[m];
    if (e + 1 < c->ntok && is_punct(c, e, ',') && tok_in(c, e + 1, (const char *const[]){"the", "a", NULL})) {
        size_t f = e + 1;
        size_t se = c->a->sent[mn->sent].tok0 + c->a->sent[mn->sent].ntok;
        while (f < se && f < e + 12 && !is_punct(c, f, ',') && !is_punct(c, f, '.'))
            f++;
        for (size_t g = e + 1; g < f; g++)
            if (c->men_end[g] >= 0 && !maff && c->a->men[c->men_end[g]].type != NF_ACT_PERSON)
                maff = c->a->men[c->men_end[g]].canon;
        size_t len = c->tok[f - 1].end - c->tok[e + 1].start;
        if (o + 1 + len < sizeof buf) {
            buf[o++] = ' ';
            nf_lower(c->t + c->tok[e + 1].start, len, buf + o);
            o += len;
        }
    }
    buf[o] = 0;
    int role_ok = 0;
    for (int r = 0; r < d->nroles && !role_ok; r++)
        if (strstr(buf, d->roles[r]))
            role_ok = 1;
    if (!role_ok)
        return 0;
    if (aff && maff && strcmp(aff, maff))
        return 0;
    if (aff && !maff)
        return 1; /* a weaker match */
    return 2;
}

/* Index of the first token at or after offset off, known to lie in [lo, hi]. */
static size_t tok_halve(const ctx *c, uint32_t off, size_t lo, size_t hi)
{
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->tok[mid].start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Index of the first token at or after offset off. */
static size_t tok_at(const ctx *c, uint32_t off) { return tok_halve(c, off, 0, c->ntok); }

/* tok_at, searching from k on (k: the answer for an offset before off; mentions and dates
 * come in text order), in steps that double, then halving. */
static size_t tok_at_from(const ctx *c, uint32_t off, size_t k)
{
    if (k > c->ntok || (k > 0 && c->tok[k - 1].start >= off))
        return tok_at(c, off);
    /* every token before lo starts before off; hi is ntok or starts at or after off */
    size_t lo = k, hi = k, step = 1;
    while (hi < c->ntok && c->tok[hi].start < off) {
        lo = hi + 1;
        hi += step;
        step *= 2;
    }
    return tok_halve(c, off, lo, hi > c->ntok ? c->ntok : hi);
}

/* tok_at_from for a span's end, which is mostly a token or three on: one step at a time. */
static size_t tok_end_from(const ctx *c, uint32_t off, size_t k)
{
    if (k > c->ntok || (k > 0 && c->tok[k - 1].start >= off))
        return tok_at(c, off);
    while (k < c->ntok && c->tok[k].start < off) /* (every token before k starts before off) */
        k++;
    return k;
}

typedef struct {
    const char *canon;
    uint8_t type;
} who;

/* How far (in cues) a cue looks for the claim it lies in. */
#define CUE_WINDOW 40

static void genders(ctx *c);

/* A person's gender as the article shows it by an honorific (Mr, Ms, Mrs...) before one of
 * its mentions: 'm', 'f', or 0 when unknown. */
static int gender_of(ctx *c, const char *canon)
{
    if (!c->gender_done) { /* once per article, when first asked (most articles never ask) */
        c->gender_done = 1;
        genders(c);
    }
    for (size_t g = 0; g < c->ngender; g++)
        if (!strcmp(c->gender[g].canon, canon))
            return c->gender[g].g;
    return 0;
}

static void genders(ctx *c)
{
    for (size_t m = 0; m < c->a->nmen; m++) {
        const nf_mention *mn = &c->a->men[m];
        if (mn->type != NF_ACT_PERSON || (mn->flags & NF_M_DEMONYM))
            continue;
        size_t k = c->mtok0[m];
        int g = 0;
        for (size_t t = k > 0 ? k - 1 : k; t <= k && t < c->ntok; t++)
            g = in_set(c, t, S_MR) ? 'm' : in_set(c, t, S_MRS) ? 'f' : g;
        if (!g || gender_of(c, mn->canon))
            continue;
        if (c->ngender == c->capgender) {
            size_t nc = c->capgender ? c->capgender * 2 : 16;
            void *np = nf_arena_alloc(&c->a->arena, nc * sizeof *c->gender);
            if (c->ngender)
                memcpy(np, c->gender, c->ngender * sizeof *c->gender);
            c->gender = np;
            c->capgender = nc;
        }
        c->gender[c->ngender].canon = mn->canon;
        c->gender[c->ngender++].g = g;
    }
}

/* Is mention mn, typed a person by the actor stage, maybe a body? A company's name is often
 * tagged as a person (`Nestle`, `Qantas`, `Krispy Kreme`). A person's name counts as one only
 * while the article shows nothing of a person: no honorific, no role or title, no given name
 * first, never a shorter form (a person named in full is then called by the surname: `Tony
 * Blair` ... `Blair`). Only
 * `it` and `the company` ask: they never stand for a person. */
/* Is the word before token k a person's title written in lower case (`chief executive Todd
 * Stitzer`, `administrator Enrico Bondi`, `analyst Ian Fogg`), not a body's (`airline
 * Qantas`, `retailer Next`)? */
static int title_before(ctx *c, size_t k)
{
    if (k == 0 || !is_lower(c, k - 1) || !is_word(c, k - 1))
        return 0;
    size_t n;
    const char *w = lower_tok(c, k - 1, &n);
    const descent *d = nf_map_get(c->x->desc, w, n);
    if (d)
        return d->kind == D_PERSON;
    if (nf_map_has(c->x->things, w, n))
        return 0; /* `distributor Toho` */
    static const char *const END[] = {"er", "or", "ist", "ent", "ant", "ive", "man", "woman", NULL};
    for (const char *const *e = END; *e; e++) {
        size_t el = strlen(*e);
        if (n > el + 2 && !memcmp(w + n - el, *e, el))
            return !in_set(c, k - 1, S_NP_STOP) && cls_at(c, k - 1) == C_NONE;
    }
    return 0;
}

static int bodylike_canon(ctx *c, const char *canon)
{
    if (!c->personal) { /* once per article: the canonical names with a person's signs */
        c->personal = nf_map_new();
        for (size_t m = 0; m < c->a->nmen; m++) {
            const nf_mention *o = &c->a->men[m];
            if (o->type != NF_ACT_PERSON || (o->flags & NF_M_DEMONYM))
                continue;
            size_t cl = strlen(o->canon);
            int shorter = o->end - o->start < cl || memcmp(c->t + o->start, o->canon, cl);
            const char *sp = strchr(o->canon, ' ');
            int given = sp && nf_map_has(c->x->given, o->canon, (size_t)(sp - o->canon));
            if (o->role || shorter || given || gender_of(c, o->canon) || title_before(c, c->mtok0[m]))
                nf_map_put(c->personal, o->canon, cl, (void *)1);
        }
    }
    return !nf_map_has(c->personal, canon, strlen(canon));
}

static int bodylike_person(ctx *c, const nf_mention *mn)
{
    return mn->type == NF_ACT_PERSON && !(mn->flags & NF_M_DEMONYM) && bodylike_canon(c, mn->canon);
}

/* The type of mention mn as the actor `recent` found for want: a person's name that `it`
 * stands for is an organization's. */
static uint8_t fit_type(const nf_mention *mn, int want)
{
    return want == 5 ? NF_ACT_ORG : mn->type;
}

/* The most recent actor before token i (going back up to maxs sentences) of a fitting kind.
 * want: 0 person, 1 body (org/country/group), 2 a man or a person of unknown gender (he),
 * 3 a woman or unknown (she), 5 a person's name that may be a body's (bodylike_person). */
static who recent(ctx *c, size_t i, int want, size_t maxs)
{
    who w = {NULL, 255};
    uint32_t off = c->tok[i].start;
    size_t s = c->tsent[i];
    const char *fallback = NULL;
    uint8_t ftype = 255;
    /* spoke last: a cue's speaker counts as a subject */
    size_t lo = c->sm0[s > maxs ? s - maxs : 0];
    for (size_t mi = c->sm0[s + 1]; mi-- > lo;) {
        size_t m = c->smen[mi];
        const nf_mention *mn = &c->a->men[m];
        if (mn->start >= off)
            continue;
        if (sent_skipped(c, mn->sent))
            continue;
        if (mn->flags & NF_M_DEMONYM)
            continue;
        if (want >= 2 && mn->type == NF_ACT_PERSON && gender_of(c, mn->canon) == (want == 2 ? 'f' : 'm'))
            continue; /* he: not Ms Donfried; she: not Mr Biden */
        int fit = want == 5 ? bodylike_person(c, mn)
                  : want == 1 ? (mn->type == NF_ACT_ORG || mn->type == NF_ACT_COUNTRY || mn->type == NF_ACT_GROUP)
                              : mn->type == NF_ACT_PERSON;
        if (!fit)
            continue;
        if (mn->flags & NF_M_SUBJECT) {
            w.canon = mn->canon;
            w.type = fit_type(mn, want);
            return w;
        }
        /* a speaker of an earlier cue */
        size_t tk = c->mtok0[m];
        if (tk < c->ntok && c->spoke[tk]) {
            w.canon = mn->canon;
            w.type = fit_type(mn, want);
            return w;
        }
        if (!fallback) {
            fallback = mn->canon;
            ftype = fit_type(mn, want);
        }
    }
    w.canon = fallback;
    w.type = ftype;
    return w;
}

static void np_text(ctx *c, size_t b, size_t e, const char **out)
{
    if (e <= b) {
        *out = NULL;
        return;
    }
    *out = nf_arena_strndup(&c->a->arena, c->t + c->tok[b].start, c->tok[e - 1].end - c->tok[b].start);
    /* collapse whitespace */
    char *p = (char *)*out, *q = p;
    int sp = 0;
    for (; *p; p++) {
        if (nf_isspace((unsigned char)*p)) {
            sp = 1;
            continue;
        }
        if (sp && q > *out)
            *q++ = ' ';
        sp = 0;
        *q++ = *p;
    }
    *q = 0;
}

/* The head word of cue o's speaker phrase (np0 < np1): its last word before a preposition
 * (`a spokesman for the ministry`: spokesman). */
static size_t np_head(ctx *c, const cue *o)
{
    for (size_t k = o->np0 + 1; k < o->np1; k++)
        if (in_set(c, k, S_PREPS))
            return k - 1;
    return o->np1 - 1;
}

/* What a speaker kept as written stands for, by its head word (the last word, or the one
 * before `of`, `in`...): 'p' several people or bodies (`the MPs`, `analysts`, `the
 * researchers`), 's' one body or document that is no actor (`the report`, `the committee`:
 * data/descriptions.tsv kind `thing`), 0 a person or unknown. `they` and `it` stand for them. */
static int written_kind(ctx *c, const cue *o)
{
    if (o->np1 <= o->np0 || o->sptype != 255 || !o->speaker)
        return 0;
    size_t head = np_head(c, o);
    if (!is_word(c, head) || in_set(c, head, S_PRONOUNS) || c->men_end[head] >= 0)
        return 0;
    size_t n;
    const char *w = lower_tok(c, head, &n);
    if (nf_map_has(c->x->things, w, n))
        return 's';
    const descent *d = nf_map_get(c->x->desc, w, n);
    if (d)
        return d->kind == D_PEOPLE ? 'p' : 0;
    /* a plural: `campaigners`, `MPs` (not `the boss`, `Reuters`) */
    const char *raw = tt(c, head);
    if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && is_lower(c, head))
        return 'p';
    if (n >= 3 && tl(c, head) == n && nf_isupper((unsigned char)raw[0]) && nf_isupper((unsigned char)raw[n - 2]) &&
        raw[n - 1] == 's')
        return 'p';
    return 0;
}

/* Is the speaker of cue o one person described, not named (`a spokeswoman for X`, `the
 * official`)? 'm', 'f' by the word (`spokesman`, `chairwoman`), '?' unknown; 0: no. */
static int person_described(ctx *c, const cue *o)
{
    if (o->np1 <= o->np0)
        return 0;
    size_t head = np_head(c, o);
    if (!is_lower(c, head) || c->men_end[head] >= 0)
        return 0;
    size_t n;
    const char *w = lower_tok(c, head, &n);
    const descent *d = nf_map_get(c->x->desc, w, n);
    if (!d || d->kind != D_PERSON)
        return 0;
    if (n > 5 && !memcmp(w + n - 5, "woman", 5))
        return 'f';
    if (n > 3 && !memcmp(w + n - 3, "man", 3))
        return 'm';
    return '?';
}

/* Resolves the speaker of cue q (index qi). */
static void resolve_1(ctx *c, size_t qi)
{
    cue *q = &c->cues[qi];
    if (q->np1 <= q->np0)
        return;
    /* a phrase that ends on a subject pronoun has that pronoun as its subject: the words
     * before it open the sentence or a reduced relative clause (`Last month it said`,
     * `Afterwards he said`, `a target he says he has met`, `five banks it had accused`) */
    if (q->np1 - q->np0 > 1 && !q->inverted && pronoun_at(c, q->np1 - 1) &&
        c->men_end[q->np1 - 1] < 0) {
        if (!q->a0)
            q->a0 = q->np0; /* the attribution still begins where it did */
        q->np0 = q->np1 - 1;
    }
    size_t b = q->np0, e = q->np1;
    /* a name in the phrase: the last person, else the last non-demonym mention */
    int32_t best = -1, body = -1, demo = -1;
    size_t head = e - 1;
    for (size_t k = b + 1; k < e; k++)
        if ((in_set(c, k, S_PREPS) && c->men_end[k - 1] < 0) ||
            (k + 1 < e && ((is(c, k, "close") && is(c, k + 1, "to")) || (is(c, k, "familiar") && is(c, k + 1, "with"))))) {
            head = k - 1;
            if (is(c, k, "close") || is(c, k, "familiar"))
                head = k - 1;
            break;
        }
    for (size_t k = b; k < e; k++) {
        int32_t m = c->men_start[k];
        if (m < 0)
            continue;
        const nf_mention *mn = &c->a->men[m];
        if (mn->flags & NF_M_DEMONYM)
            demo = m;
        else if (mn->type == NF_ACT_PERSON && k <= head)
            best = m;
        else if (mn->type != NF_ACT_PERSON && (mn->type != NF_ACT_PLACE || k <= head) && (body < 0 || k <= head))
            body = m;
    }
    size_t n;
    /* the head word: the last word of the phrase (inverted: the one before `in`, `of`) */
    const char *hw = lower_tok(c, head, &n);
    char hbuf[64];
    if (n >= sizeof hbuf)
        n = sizeof hbuf - 1;
    memcpy(hbuf, hw, n);
    hbuf[n] = 0;
    const descent *d = nf_map_get(c->x->desc, hbuf, n);
    int32_t hm = c->men_end[head];
    /* a person's name before a body named after its leader is that body, an organization
     * (`the Biden administration`, `a senior Biden administration official`, `Blair's
     * government`): the surname and the word */
    for (size_t k = b; k <= head && k < e; k++) {
        int32_t m = c->men_start[k];
        if (m < 0 || c->a->men[m].type != NF_ACT_PERSON || (c->a->men[m].flags & NF_M_DEMONYM))
            continue;
        size_t w = c->mtok1[m];
        if (w < e && (c->tok[w].flags & NF_T_POSS))
            w++;
        size_t wn;
        const char *ww = w < e && w <= head && is_lower(c, w) ? lower_tok(c, w, &wn) : NULL;
        if (!ww || !nf_map_has(c->x->led, ww, wn))
            continue;
        const char *sur = strrchr(c->a->men[m].canon, ' '); /* the surname: `Biden` */
        sur = sur ? sur + 1 : c->a->men[m].canon;
        size_t l0 = strlen(sur), l1 = tl(c, w);
        char *name = nf_arena_alloc(&c->a->arena, l0 + l1 + 2);
        memcpy(name, sur, l0);
        name[l0] = ' ';
        memcpy(name + l0 + 1, tt(c, w), l1);
        name[l0 + 1 + l1] = 0;
        q->speaker = name;
        q->sptype = NF_ACT_ORG;
        return;
    }
    if (!d && hm < 0 && is_lower(c, head) && !in_set(c, head, S_PRONOUNS)) {
        /* a common noun that names no role: `Europe's biggest drugmaker`, `Elian's great-uncle`
         * stay as written; `figures from the Office for National Statistics` are the office's */
        for (size_t k = head + 1; k < e; k++) {
            int32_t m = c->men_start[k];
            if (m >= 0 && !(c->a->men[m].flags & NF_M_DEMONYM) &&
                (c->a->men[m].type == NF_ACT_ORG || c->a->men[m].type == NF_ACT_GROUP)) {
                q->speaker = c->a->men[m].canon;
                q->sptype = c->a->men[m].type;
                return;
            }
        }
        np_text(c, b, e, &q->speaker);
        return;
    }
    if (best >= 0 && (!d || c->men_end[head] >= 0 || d->kind == D_PERSON)) {
        q->speaker = c->a->men[best].canon;
        q->sptype = NF_ACT_PERSON;
        return;
    }
    if (hm >= 0 && men_is_name(c, hm)) {
        q->speaker = c->a->men[hm].canon;
        q->sptype = c->a->men[hm].type;
        return;
    }
    const char *pr = e - b == 1 ? pronoun_at(c, b) : NULL;
    if (pr) {
        if (!strcmp(pr, "i") || !strcmp(pr, "we") || !strcmp(pr, "you"))
            return; /* inside a quote, or an interview: no speaker we can name */
        if (!strcmp(pr, "he") || !strcmp(pr, "she")) {
            who w = recent(c, b, !strcmp(pr, "he") ? 2 : 3, 12);
            /* no person named: `A spokesman for X said ... He added`, a person described
             * who spoke just before is the one (the row takes what the description stood for) */
            for (size_t p = qi; !w.canon && p-- > 0;) {
                const cue *o = &c->cues[p];
                if (o->s + 2 < q->s)
                    break;
                if (o->dead || !o->speaker || o->sptype == NF_ACT_PERSON)
                    continue; /* (one resolved to a named person: recent() knows no gender) */
                int g = person_described(c, o);
                if (g && g != (pr[0] == 'h' ? 'f' : 'm')) {
                    q->speaker = o->speaker;
                    q->sptype = o->sptype;
                    return;
                }
            }
            if (w.canon) {
                q->speaker = w.canon;
                q->sptype = NF_ACT_PERSON;
            }
            return;
        }
        /* they / it: the body that spoke last (`The MPs said... They said`, `the report
         * said... It added`), else the last body acting */
        int it = !strcmp(pr, "it");
        for (size_t p = qi; p-- > 0;) {
            const cue *o = &c->cues[p];
            if (o->s + 4 < q->s)
                break;
            if (!o->speaker || o->dead)
                continue;
            int wk = written_kind(c, o);
            if ((o->sptype != NF_ACT_PERSON && o->sptype != 255) || wk == (it ? 's' : 'p')) {
                q->speaker = o->speaker;
                q->sptype = o->sptype;
                return;
            }

        }
        /* `it`: a name typed a person that may be a body's, in its own sentence (`Qantas
         * shares fell after it warned`), else the last body, else such a name further back */
        who w = {NULL, 255};
        if (it)
            w = recent(c, b, 5, 0);
        if (!w.canon)
            w = recent(c, b, 1, 4);
        if (!w.canon && it)
            w = recent(c, b, 5, 4);
        if (w.canon) {
            q->speaker = w.canon;
            q->sptype = w.type;
        }
        return;
    }
    const char *aff = body >= 0 ? c->a->men[body].canon : demo >= 0 ? c->a->men[demo].canon : NULL;
    uint8_t afftype = body >= 0 ? c->a->men[body].type : demo >= 0 ? NF_ACT_COUNTRY : 255;
    if (d && d->kind == D_PERSON) {
        /* the person of that role: before the cue first, else anywhere in the article */
        int32_t pick = -1;
        int pscore = 0;
        uint32_t off = c->tok[b].start;
        size_t slo = q->s > 300 ? q->s - 300 : 0, shi = q->s + 100 < c->a->nsent ? q->s + 100 : c->a->nsent;
        for (uint32_t mi = c->sm0[slo]; mi < c->sm0[shi]; mi++) {
            size_t m = c->smen[mi];
            const nf_mention *mn = &c->a->men[m];
            if (mn->type != NF_ACT_PERSON || (mn->flags & NF_M_DEMONYM))
                continue;
            int sc = person_role_match(c, (int32_t)m, d, aff);
            if (!sc)
                continue;
            sc = sc * 2 + (mn->start < off);
            if (sc >= pscore && (pick < 0 || mn->start < off || sc > pscore)) {
                if (sc > pscore || mn->start < off) {
                    pick = (int32_t)m;
                    pscore = sc;
                }
            }
        }
        int indefinite = tok_in(c, b, (const char *const[]){"a", "an", "one", "another", NULL});
        if (pick >= 0 && (pscore >= 3 || !aff) && !indefinite) {
            q->speaker = c->a->men[pick].canon;
            q->sptype = NF_ACT_PERSON;
            return;
        }
        if (aff) {
            q->speaker = aff;
            q->sptype = afftype;
            return;
        }
    } else if (d && d->kind == D_PEOPLE) {
        if (aff) {
            q->speaker = aff;
            q->sptype = afftype;
            return;
        }
        int bare = !d->own && (e - b == 1 || (e - b == 2 && tok_in(c, b, (const char *const[]){"the", "its", "their", NULL})));
        for (size_t p = qi; bare && p-- > 0;) {
            const cue *o = &c->cues[p];
            if (o->s + 3 < q->s)
                break;
            if (o->speaker && o->sptype != NF_ACT_PERSON && o->sptype != 255) {
                q->speaker = o->speaker;
                q->sptype = o->sptype;
                return;
            }
        }
    } else if (d && d->kind == D_ORG) {
        if (aff) {
            q->speaker = aff;
            q->sptype = afftype;
            return;
        }
        uint32_t off = c->tok[b].start;
        int any = d->nroles == 1 && !strcmp(d->roles[0], "*");
        if (any && !tok_in(c, b, (const char *const[]){"the", NULL}))
            any = -1; /* `a company`: not one named before */
        /* `the company`: the organization that acted or spoke last (a subject, a speaker),
         * else the last one named */
        const nf_mention *last = NULL;
        for (size_t m = c->a->nmen; any >= 0 && m-- > 0;) {
            const nf_mention *mn = &c->a->men[m];
            if (mn->start >= off || (mn->flags & NF_M_DEMONYM))
                continue;
            if (mn->sent + (any ? 10 : 60) < q->s)
                break;
            /* (a heading counts: `the firm` in the first lines is often the headline's) */
            if (any && (mn->type == NF_ACT_ORG || mn->type == NF_ACT_GROUP) && !is_caption(c, mn->sent)) {
                size_t tk = c->mtok0[m];
                if (!(mn->flags & NF_M_SUBJECT) && !(tk < c->ntok && c->spoke[tk])) {
                    if (!last)
                        last = mn;
                    continue;
                }
                q->speaker = mn->canon;
                q->sptype = mn->type;
                return;
            }
            for (int r = 0; r < d->nroles; r++)
                if (!strcmp(mn->canon, d->roles[r])) {
                    q->speaker = mn->canon;
                    q->sptype = mn->type;
                    return;
                }
        }
        if (last) {
            q->speaker = last->canon;
            q->sptype = last->type;
            return;
        }
        if (any > 0 && tok_in(c, head, (const char *const[]){"company", "firm", "group", NULL})) {
            /* no organization named before: a name typed a person that may be one (`Shares
             * in Krispy Kreme fell ... the firm warned`) */
            who w = recent(c, b, 5, 3);
            if (w.canon) {
                q->speaker = w.canon;
                q->sptype = w.type;
                return;
            }
        }
    }
    if (body >= 0) {
        q->speaker = c->a->men[body].canon;
        q->sptype = c->a->men[body].type;
        return;
    }
    if (demo >= 0 && (d || e - b <= 3)) {
        q->speaker = c->a->men[demo].canon;
        q->sptype = NF_ACT_COUNTRY;
        return;
    }
    /* as written, when it looks like a noun phrase */
    if (!in_set(c, b, S_PRONOUNS) && !(e - b == 1 && is_lower(c, b) && !d && !is_word(c, b)))
        np_text(c, b, e, &q->speaker);
}

/* ---------------------------------------------------------------------------------------- */

/* A speaker never ends on a determiner or a preposition (a mention `Office of the` before
 * `Deputy Prime Minister`): such a name gives way to the words as written. */
static void resolve(ctx *c, size_t qi)
{
    resolve_1(c, qi);
    cue *q = &c->cues[qi];
    const char *sp = q->speaker;
    if (!sp)
        return;
    const char *last = strrchr(sp, ' ');
    last = last ? last + 1 : sp;
    static const char *const ENDS[] = {"the", "a", "an", "of", "from", "at", "for", "and", "The", "A", "An", NULL};
    if (strlen(last) > 4) /* longer than any of ENDS */
        return;
    for (const char *const *w = ENDS; *w; w++)
        if (!strcmp(last, *w)) {
            q->speaker = NULL;
            q->sptype = 255;
            if (last == sp || q->np1 <= q->np0)
                return;
            size_t b = q->np0; /* from the mention that gave the name: `figures from [the Office...]` */
            for (size_t k = q->np0; k < q->np1; k++)
                if (c->men_start[k] >= 0 && c->a->men[c->men_start[k]].canon == sp) {
                    b = k > q->np0 && is(c, k - 1, "the") ? k - 1 : k;
                    break;
                }
            np_text(c, b, q->np1, &q->speaker);
            return;
        }
}

/* The token of the opening quote for a closing quote at qc, scanning back; -1 if none. */
static long open_for(ctx *c, size_t qc, size_t lim)
{
    for (size_t k = qc; k-- > 0 && qc - k < lim;) {
        if (is_open(c, k)) {
            /* a paragraph that reopens a quote left open by the one before: go on back */
            size_t s = c->tsent[k];
            if (k == c->a->sent[s].tok0 && s > 0) {
                uint32_t para = c->a->sent[s].para;
                size_t j = k;
                while (j-- > 0 && qc - j < lim && !is_dquote(c, j))
                    ;
                if (j != (size_t)-1 && j < k && is_open(c, j) && c->a->sent[c->tsent[j]].para + 1 == para) {
                    k = j + 1;
                    continue;
                }
            }
            return (long)k;
        }
        if (is_close(c, k))
            return -1;
    }
    return -1;
}

/* The closing quote for an opening quote at qo; -1 if none within reach. A paragraph that
 * ends inside the quote goes on only when the next one reopens it. */
static long close_for(ctx *c, size_t qo, size_t lim)
{
    size_t para = c->a->sent[c->tsent[qo]].para;
    for (size_t k = qo + 1; k < c->ntok && k - qo < lim; k++) {
        size_t p = c->a->sent[c->tsent[k]].para;
        if (p != para) {
            if (!is_open(c, k))
                return -1;
            para = p;
            continue;
        }
        if (is_close(c, k))
            return (long)k;
        if (is_open(c, k))
            return -1;
    }
    return -1;
}

/* Appends the text of tokens [b, e) to buf without quote marks, collapsing whitespace. */
/* Copies s[0..n) to d with each white-space byte made a space. Eight bytes at a time while
 * they hold no byte below 0x20 (white space but the space itself is below it): (w - 0x20..) &
 * ~w has a top bit set exactly when there is one. */
static void copy_spaced(char *d, const char *s, size_t n)
{
    const uint64_t ones = 0x2020202020202020ULL, top = 0x8080808080808080ULL;
    size_t x = 0;
    for (; x + 8 <= n; x += 8) {
        uint64_t w;
        memcpy(&w, s + x, 8);
        if ((w - ones) & ~w & top)
            break;
        memcpy(d + x, &w, 8);
    }
    for (; x < n; x++)
        d[x] = nf_isspace((unsigned char)s[x]) ? ' ' : s[x];
}

static void put_text(ctx *c, nf_buf *buf, size_t b, size_t e)
{
    while (b < e && (is_dquote(c, b) || is_punct(c, b, ',') || is_punct(c, b, ':')))
        b++;
    while (e > b && (is_dquote(c, e - 1) || is_punct(c, e - 1, ',') || is_punct(c, e - 1, '.') ||
                     is_punct(c, e - 1, ':') || is_punct(c, e - 1, ';') || is_punct(c, e - 1, '-')))
        e--;
    if (e <= b)
        return;
    if (c->rec && c->rec->nr < 4) {
        c->rec->rb[c->rec->nr] = (uint32_t)b;
        c->rec->re[c->rec->nr++] = (uint32_t)e;
    }
    if (buf->len)
        nf_buf_puts(buf, " ");
    /* the words, with one space for each gap between two of them: no more bytes than the
     * span holds */
    nf_buf_reserve(buf, c->tok[e - 1].end - c->tok[b].start);
    char *d = buf->p + buf->len;
    uint32_t last = 0;
    int first = 1;
    for (size_t k = b; k < e;) {
        if (is_dquote(c, k)) {
            k++;
            continue;
        }
        if (!first && c->tok[k].start > last)
            *d++ = ' ';
        else if (!first && is_dquote(c, k - 1) && c->tok[k - 1].start > last)
            *d++ = ' ';
        /* tokens k..j and the gaps between them in one copy, while each gap is nothing or one
         * white-space byte (which the copy makes the one space the loop would put) */
        size_t j = k;
        while (j + 1 < e && !is_dquote(c, j + 1)) {
            uint32_t g = c->tok[j].end, nx = c->tok[j + 1].start;
            if (nx != g && !(nx == g + 1 && nf_isspace((unsigned char)c->t[g])))
                break;
            j++;
        }
        const char *s = tt(c, k);
        size_t n = c->tok[j].end - c->tok[k].start;
        copy_spaced(d, s, n);
        d += n;
        last = c->tok[j].end;
        first = 0;
        k = j + 1;
    }
    buf->len = (size_t)(d - buf->p);
    *d = 0;
}

/* The claim of cue qi: token ranges appended to buf. */
/* The end of what is claimed when it stands before an attribution that ends the sentence
 * with no comma to mark it (`This equated to growth of 8% Axa said.`, `Prices rose for the
 * first time since July according to new data.`): the sentence's words from s0 to attr0, less
 * a short phrase after a last comma (`..., the UN's Food & Agriculture Organisation has
 * warned`: the comma before the speaker's own words) and trailing punctuation.  0 when the
 * words before are no clause: fewer than five tokens or two lower-case words (`Mr Kashyap's
 * lawyer Mihir Desai said.`), a relative (`a charge which the administration denies`, `as
 * the man says`), a passive (`was warned by the umpire`), or more after the attribution. */
static size_t bare_claim_end(ctx *c, const cue *q, size_t s0, size_t s1, size_t attr0)
{
    if (q->passive || q->before || attr0 < s0 + 5 || !rest_empty(c, q->inverted ? q->np1 : q->ve, s1))
        return 0;
    size_t last = attr0 - 1; /* the last word before the attribution, adverbs skipped */
    while (last > s0 && cls_at(c, last) == C_ADV)
        last--;
    if (tok_in(c, last, (const char *const[]){"charge", "claim", "claims", "allegation", "allegations", "accusation",
                                             "accusations", "anything", "everything", "something", "nothing", "as",
                                             NULL}) || in_set(c, last, S_BE))
        return 0; /* `a charge the company denies`, `anything Mr Blair told him`, `as the man says` */
    const lexent *lv = lex_at(c, last);
    if (lv && lv->cls < C_EXT)
        return 0; /* `"C," said X said.`: the attribution once more, the claim already had */
    for (size_t k = attr0; k-- > s0 && k + 3 >= attr0;)
        if (tok_in(c, k, (const char *const[]){"which", "that", "who", "whom", "what", NULL}))
            return 0; /* a relative: `which was perhaps the most telling` */
    size_t lower = 0, comma = 0;
    for (size_t k = s0; k < attr0; k++) {
        lower += is_lower(c, k) && is_word(c, k);
        if (is_punct(c, k, ','))
            comma = k;
    }
    if (lower < 2 || (q->inverted && q->np0 > 0 && is(c, q->np0 - 1, "by")))
        return 0; /* `... and was warned by the umpire`: the subject is acted on */
    if (!q->inverted && is_lower(c, attr0) && !in_set(c, attr0, S_DETS) && !in_set(c, attr0, S_PRONOUNS) &&
        tok_in(c, attr0 - 1, (const char *const[]){"or", "and", "to", NULL}))
        return 0; /* a verb phrase, no subject (`... or make 911 calls`): the cue is no verb of saying */
    /* the speaker's words before attr0 (`, the joint report from X and`): a short phrase
     * after the last comma that opens like a noun phrase (never so with `according to`,
     * whose speaker comes after it) */
    size_t e = attr0;
    if (comma > s0 && attr0 - comma <= 14 && q->le->cls != C_ACC &&
        (in_set(c, comma + 1, S_DETS) || (c->tok[comma + 1].flags & NF_T_CAP)))
        e = comma;
    while (e > s0 && (is_punct(c, e - 1, ',') || is_dash(c, e - 1) || is_punct(c, e - 1, ';') || is_punct(c, e - 1, ':')))
        e--;
    return e >= s0 + 3 ? e : 0;
}

static void content(ctx *c, size_t qi, nf_buf *buf)
{
    /* the word lists of this function's tok_in calls (static: a list written in the call is
     * built on the stack at each call) */
    static const char *const OBJ_PRON[] = {"him", "her", "them", "me", "us", "you", NULL};
    static const char *const IN_TURN[] = {"particular", "turn", "addition", NULL};
    static const char *const AND_AS[] = {"and", "but", "while", "whereas", "by", "as", NULL};
    static const char *const AND_BY[] = {"and", "but", "by", "while", NULL};
    cue *q = &c->cues[qi];
    const nf_sent *se = &c->a->sent[q->s];
    size_t s0 = se->tok0, s1 = se->tok0 + se->ntok;
    size_t attr0 = q->a0 ? q->a0 : q->np1 > q->np0 && !q->inverted ? q->np0 : q->v;
    if (q->before) {
        size_t e = attr0; /* exclusive */
        size_t p = e;
        while (p > s0 && (is_punct(c, p - 1, ',') || is_close(c, p - 1)))
            p--;
        /* the quote that closes here: back to where it opened (maybe sentences earlier) */
        size_t qc = p;
        while (qc < e && !is_close(c, qc))
            qc++;
        size_t b = s0;
        if (qc < e) {
            long o = open_for(c, qc, 2000);
            if (o >= 0)
                b = (size_t)o;
        } else if (se->in_quote) {
            for (size_t k = s0; k-- > 0 && s0 - k < 2000;)
                if (is_open(c, k)) {
                    b = k;
                    break;
                }
        }
        put_text(c, buf, b, p);
        /* `"C," X said. "C2..."`: a quote that goes on in the next sentences */
        size_t after = q->inverted ? q->np1 : q->ve;
        while (after < s1 && (c->tx_cover[after] >= 0 || is(c, after, "on") || is_punct(c, after, '.')))
            after++;
        /* `"C1," he said, "C2."`: the quote goes on in the same sentence */
        if (after + 1 < s1 && (is_punct(c, after, ',') || is_punct(c, after, ':')) && is_open(c, after + 1)) {
            long cl = close_for(c, after + 1, 2000);
            size_t end = cl >= 0 ? (size_t)cl + 1 : s1;
            if (buf->len && !strchr(".!?", buf->p[buf->len - 1]))
                nf_buf_putc(buf, ',');
            put_text(c, buf, after + 1, end);
            return;
        }
        if (after >= s1) {
            size_t ns = q->s + 1;
            while (ns < c->a->nsent && ns < q->s + 6) {
                const nf_sent *nx = &c->a->sent[ns];
                if (c->hascue[ns] || sent_skipped(c, ns) || !nx->ntok || !is_open(c, nx->tok0) ||
                    nx->para > se->para + 1)
                    break;
                long cl = close_for(c, nx->tok0, 2000);
                size_t end = cl >= 0 ? (size_t)cl : nx->tok0 + nx->ntok;
                /* only when the quote is all the sentence holds */
                size_t last = nx->tok0 + nx->ntok;
                if (cl >= 0 && (size_t)cl + 2 < last)
                    break;
                /* the running quote: its parts joined as sentences */
                if (buf->len && !strchr(".!?", buf->p[buf->len - 1]))
                    nf_buf_putc(buf, '.');
                put_text(c, buf, nx->tok0, end);
                size_t es = c->tsent[end < c->ntok ? end : c->ntok - 1];
                ns = es + 1;
                if (cl >= 0 && c->hascue[es])
                    break;
            }
        }
        return;
    }
    /* the claim after the cue */
    size_t b = q->inverted && q->le->cls != C_ACC ? q->np1 : q->ve;
    if (q->le->cls == C_ACC) {
        b = q->np1;
    }
    if (q->le->cls == C_TELL && !q->inverted) {
        /* the hearer: a name, a pronoun or a short phrase before that/quote/comma */
        size_t k = b;
        while (k < s1 && k < b + 6 && !is(c, k, "that") && !is_open(c, k) && !is_punct(c, k, ',') &&
               !is_punct(c, k, ':') && c->tx_cover[k] < 0)
            k++;
        if (k < s1 && k < b + 6)
            b = k;
        else if (b < s1 && tok_in(c, b, OBJ_PRON))
            b++;
        else if (b < s1) {
            /* `told the Observer his worst moment was...` */
            size_t e = np_fwd(c, b, s1);
            if (e > b && e < s1 && np_speaks(c, b, e) && (c->tok[e - 1].flags & NF_T_CAP))
                b = e;
        }
    }
    /* `said at the annual Jackson Hole symposium that ...`: the occasion is no part of it */
    if (b < s1 && in_set(c, b, S_PREP_VIA)) {
        for (size_t k = b + 1; k < s1 && k < b + 20; k++) {
            if (is(c, k, "that")) {
                b = k + 1;
                break;
            }
            if (is_dquote(c, k) || is_punct(c, k, ':') || is_punct(c, k, ';') || (is_lower(c, k) && cls_at(c, k) != C_NONE && cls_at(c, k) != C_ADV))
                break;
        }
    }
    /* skip a date with the cue, `that`, a comma */
    for (int g = 0; g < 8 && b < s1; g++) {
        if (c->tx_cover[b] >= 0 && (q->tx < 0 || c->tx_cover[b] == q->tx)) {
            b++;
            continue;
        }
        if (in_set(c, b, S_THAT_ON) || is_punct(c, b, ',') ||
            is_punct(c, b, ':'))
        {
            b++;
            continue;
        }
        break;
    }
    /* ends at the sentence end, or where a later cue of the sentence begins */
    size_t e = s1;
    for (size_t o = qi + 1; o < c->ncue; o++) {
        const cue *oc = &c->cues[o];
        if (oc->s != q->s)
            break;
        if (oc->nested)
            continue;
        size_t st = oc->join >= 0 || oc->inverted ? oc->v : oc->np0;
        if (oc->join >= 0) /* `, and in particular added` */
            for (;;) {
                if (st > b && cls_at(c, st - 1) == C_ADV)
                    st--;
                else if (st > b + 1 && is(c, st - 2, "in") && tok_in(c, st - 1, IN_TURN))
                    st -= 2;
                else
                    break;
            }
        /* `A has indicated B, Perez said`: a later attribution of what comes before it
         * ends this claim where its own words begin */
        /* only a cue that opens a clause of its own ends the claim; one inside it (`what US
         * officials have said`, `actions that he said undermined`) is part of it */
        int boundary = st > 0 && (is_punct(c, st - 1, ',') || is_punct(c, st - 1, ';') || is_punct(c, st - 1, ':') ||
                                  is_close(c, st - 1) ||
                                  tok_in(c, st - 1, AND_AS));
        if (st > b && st < e && boundary) {
            e = st;
            while (e > b && (tok_in(c, e - 1, AND_BY) || is_punct(c, e - 1, ',')))
                e--;
        }
    }
    /* an opened quote that runs on past the sentence */
    long lastopen = -1;
    for (size_t k = b; k < e; k++) {
        if (is_open(c, k))
            lastopen = (long)k;
        else if (is_close(c, k))
            lastopen = -1;
    }
    if (lastopen >= 0 && e == s1) {
        long cl = close_for(c, (size_t)lastopen, 2000);
        if (cl >= 0)
            e = (size_t)cl + 1;
    }
    /* `a Justice Department spokesman said:` and the quote in the next paragraph */
    if (b >= e && e == s1 && s1 > s0 && is_punct(c, s1 - 1, ':') && q->s + 1 < c->a->nsent) {
        const nf_sent *nx = &c->a->sent[q->s + 1];
        if (nx->ntok && is_open(c, nx->tok0) && nx->para <= se->para + 1) {
            long cl = close_for(c, nx->tok0, 2000);
            size_t end = nx->tok0 + nx->ntok;
            if (cl >= 0)
                end = (size_t)cl + 1;
            else /* unclosed: to the end of its paragraph */
                for (size_t k = q->s + 1; k < c->a->nsent && c->a->sent[k].para == nx->para; k++)
                    end = c->a->sent[k].tok0 + c->a->sent[k].ntok;
            put_text(c, buf, nx->tok0, end);
            return;
        }
    }
    size_t w = b;
    while (w < e && !is_word(c, w))
        w++;
    if (w >= e) {
        /* no word after the cue: `C X said.` with no comma, `C according to new data.` */
        size_t ce = bare_claim_end(c, q, s0, s1, q->le->cls == C_ACC ? q->v : attr0);
        if (ce > s0) {
            put_text(c, buf, s0, ce);
            return;
        }
    }
    put_text(c, buf, b, e);
}

/* Is the nested cue o the row speaker's own act: its subject `I`/`we` inside the speaker's
 * quote, or a pronoun that resolved to the same speaker? */
static int own_act(ctx *c, const cue *row, const cue *o)
{
    if (!o->inverted && o->np1 <= o->np0) {
        /* no subject of its own: the clause's (`"Today I'm here to tell you...`, `"We must be
         * clear in explaining that...`): the nearest word back that can be one, within a few
         * words and no clause break */
        size_t s0 = c->a->sent[o->s].tok0, s1 = s0 + c->a->sent[o->s].ntok;
        /* ... with what is said after it (`that`, `you`), not `stop saying`, `calling upon` */
        size_t a = o->ve;
        if (a >= s1 || !tok_in(c, a, (const char *const[]){"that", "you", "us", NULL}))
            return 0;
        for (size_t k = o->v; k-- > s0 && k + 8 > o->v;) {
            if (tok_in(c, k, (const char *const[]){"'m", "'re", "'ve", "'ll", "'d", "’m", "’re", "’ve", "’ll", "’d", NULL}))
                continue; /* `I'm` */
            if (!is_word(c, k) || tok_in(c, k, (const char *const[]){"that", "who", "which", "if", "when", "and", "but",
                                                                     "not", "never", "stop", NULL}))
                return 0;
            const char *pr = pronoun_at(c, k);
            if (pr)
                return !strcmp(pr, "i") || !strcmp(pr, "we");
        }
        return 0;
    }
    if (o->inverted || o->np1 != o->np0 + 1)
        return 0;
    const char *pr = pronoun_at(c, o->np0);
    if (!pr)
        return 0;
    for (size_t k = o->np1; k < o->v; k++)
        if (tok_in(c, k, (const char *const[]){"not", "n't", "never", NULL}))
            return 0; /* `I'm not going to say` */
    if (!strcmp(pr, "i") || !strcmp(pr, "we"))
        return 1;
    return (!strcmp(pr, "he") || !strcmp(pr, "she") || !strcmp(pr, "they")) && o->speaker && row->speaker &&
           !strcmp(o->speaker, row->speaker);
}

/* Is the speaker of cue cu, inside a quote, named there: its subject a name (`Elian
 * tells me`), not a pronoun or a description, and not the cue's own quote's speaker? */
static int named_inside(ctx *c, const cue *cu)
{
    if (cu->inverted || cu->np1 <= cu->np0 || !cu->speaker || cu->sptype == 255)
        return 0;
    int32_t m = c->men_start[cu->np0];
    if (!men_is_name(c, m) || c->mtok1[m] != cu->np1 || cu->le->cls == C_CITE)
        return 0;
    /* something said follows (not `"Hollywood was calling,"`); not `what X said`, `X does
     * not say`, `X will add` (nothing said yet) */
    size_t s1 = c->a->sent[cu->s].tok0 + c->a->sent[cu->s].ntok;
    if (cu->ve >= s1 || !(is_word(c, cu->ve) || is_open(c, cu->ve) || is_punct(c, cu->ve, ':')))
        return 0;
    if (cu->np0 > 0 && tok_in(c, cu->np0 - 1, (const char *const[]){"what", "as", NULL}))
        return 0;
    for (size_t k = cu->np1; k < cu->v; k++)
        if (tok_in(c, k, (const char *const[]){"not", "n't", "never", "will", "would", "could", "may", "might",
                                               "can", "to", NULL}))
            return 0;
    /* the quote's own attribution, when it follows in the sentence (`"...," said X`) */
    for (size_t o = 0; o < c->ncue; o++) {
        const cue *oc = &c->cues[o];
        if (oc != cu && oc->s == cu->s && oc->v > cu->v && oc->speaker && !strcmp(oc->speaker, cu->speaker))
            return 0;
    }
    return 1;
}

/* Is token v inside a double quote (opened before it in its paragraph, or earlier)? */
static int inside_quote(ctx *c, size_t v)
{
    size_t para = c->a->sent[c->tsent[v]].para;
    for (size_t k = v; k-- > 0 && v - k < 600;) {
        if (c->a->sent[c->tsent[k]].para != para)
            return c->a->sent[c->tsent[v]].in_quote && c->a->sent[c->tsent[v]].tok0 > k;
        if (is_open(c, k))
            return 1;
        if (is_close(c, k))
            return 0;
    }
    return 0;
}

static int caption_like(ctx *c, size_t s)
{
    const nf_sent *se = &c->a->sent[s];
    size_t s0 = se->tok0, s1 = se->tok0 + se->ntok;
    /* ends with a photo credit in brackets: (John Thys/AFP/Getty Images) */
    if (s1 - s0 >= 3 && is_punct(c, s1 - 1, ')')) {
        for (size_t k = s1 - 1; k-- > s0 && k + 12 > s1;) {
            if (is_punct(c, k, '('))
                break;
            if (is(c, k, "getty") || is(c, k, "afp") || is(c, k, "photo") || is(c, k, "reuters") ||
                is(c, k, "ap") || is(c, k, "images") || is_punct(c, k, '/'))
                return 1;
        }
    }
    /* `X is seen`, `X are pictured`: first a filter without branches on the forms (is(c, k,
     * "seen") needs the 4-byte form `seen`; "pictured" the 8-byte form that starts `pict`; lt
     * is readable LOW_PAD bytes past every form), then the exact test where it passes */
    uint32_t seen, pict, hit = 0;
    memcpy(&seen, "seen", 4);
    memcpy(&pict, "pict", 4);
    for (size_t k = s0 + 1; k < s1; k++) {
        uint32_t w, l = c->lowlen[k];
        memcpy(&w, c->lt + c->tok[k].start, 4);
        hit |= ((l == 4) & (w == seen)) | ((l == 8) & (w == pict));
    }
    if (!hit)
        return 0;
    for (size_t k = s0 + 1; k < s1; k++)
        if ((c->lowlen[k] == 4 || c->lowlen[k] == 8) && (is(c, k, "seen") || is(c, k, "pictured")) &&
            (is(c, k - 1, "are") || is(c, k - 1, "is")))
            return 1;
    return 0;
}

int nf_claims_run(nf_ana *a)
{
    const claims_eng_full *full = a->eng->claims;
    if (!full || !a->ntok || !a->nsent)
        return 0;
    ctx C;
    memset(&C, 0, sizeof C);
    ctx *c = &C;
    c->a = a;
    c->x = &full->pub;
    c->t = a->doc.text;
    c->tok = a->tok;
    c->ntok = a->ntok;
    size_t nt = a->ntok;
    c->men_end = nf_arena_alloc(&a->arena, nt * sizeof(int32_t));
    c->men_start = nf_arena_alloc(&a->arena, nt * sizeof(int32_t));
    c->tx_start = nf_arena_alloc(&a->arena, nt * sizeof(int32_t));
    c->tx_cover = nf_arena_alloc(&a->arena, nt * sizeof(int32_t));
    c->tsent = nf_arena_alloc(&a->arena, nt * sizeof(uint32_t));
    c->caption = nf_arena_alloc(&a->arena, a->nsent);
    c->hascue = nf_arena_alloc(&a->arena, a->nsent);
    c->spoke = nf_arena_alloc(&a->arena, nt);
    c->sm0 = nf_arena_alloc(&a->arena, (a->nsent + 1) * sizeof(uint32_t));
    c->smen = nf_arena_alloc(&a->arena, (a->nmen + 1) * sizeof(uint32_t));
    memset(c->sm0, 0, (a->nsent + 1) * sizeof(uint32_t));
    for (size_t m = 0; m < a->nmen; m++)
        if (a->men[m].sent < a->nsent)
            c->sm0[a->men[m].sent + 1]++;
    for (size_t s = 0; s < a->nsent; s++)
        c->sm0[s + 1] += c->sm0[s];
    {
        uint32_t *fill = nf_arena_alloc(&a->arena, (a->nsent + 1) * sizeof(uint32_t));
        memcpy(fill, c->sm0, (a->nsent + 1) * sizeof(uint32_t));
        for (size_t m = 0; m < a->nmen; m++)
            if (a->men[m].sent < a->nsent)
                c->smen[fill[a->men[m].sent]++] = (uint32_t)m;
    }
    memset(c->spoke, 0, nt);
    for (size_t i = 0; i < nt; i++)
        c->men_end[i] = c->men_start[i] = c->tx_start[i] = c->tx_cover[i] = -1;
    memset(c->hascue, 0, a->nsent);
    for (size_t s = 0; s < a->nsent; s++) {
        size_t k1 = a->sent[s].tok0 + a->sent[s].ntok;
        if (k1 > nt)
            k1 = nt;
        for (size_t k = a->sent[s].tok0; k < k1; k++)
            c->tsent[k] = (uint32_t)s;
    }
    c->mtok0 = nf_arena_alloc(&a->arena, (a->nmen + 1) * sizeof(uint32_t));
    c->mtok1 = nf_arena_alloc(&a->arena, (a->nmen + 1) * sizeof(uint32_t));
    for (size_t m = 0, b = 0; m < a->nmen; m++) {
        b = tok_at_from(c, a->men[m].start, b);
        size_t e = tok_end_from(c, a->men[m].end, b);
        c->mtok0[m] = (uint32_t)b;
        c->mtok1[m] = (uint32_t)e;
        if (b >= nt || e <= b)
            continue;
        if (c->men_start[b] < 0 || a->men[c->men_start[b]].end < a->men[m].end)
            c->men_start[b] = (int32_t)m;
        if (c->men_end[e - 1] < 0 || a->men[c->men_end[e - 1]].start > a->men[m].start)
            c->men_end[e - 1] = (int32_t)m;
    }
    for (size_t x = 0, b = 0; x < a->ntx; x++) {
        if (a->tx[x].type != NF_TX_DATE && a->tx[x].type != NF_TX_TIME)
            continue;
        b = tok_at_from(c, a->tx[x].start, b);
        size_t e = tok_end_from(c, a->tx[x].end, b);
        if (b >= nt)
            continue;
        c->tx_start[b] = (int32_t)x;
        for (size_t k = b; k < e && k < nt; k++)
            c->tx_cover[k] = (int32_t)x;
    }
    lower_all(c);
    memset(c->caption, CAPTION_UNKNOWN, a->nsent);
    for (size_t s = 0; s < a->nsent; s++)
        find_cues(c, s);
    for (size_t q = 0; q < c->ncue; q++)
        for (size_t k = c->cues[q].np0; k < c->cues[q].np1 && k < nt; k++)
            c->spoke[k] = 1;
    for (size_t q = 0; q < c->ncue; q++) /* `Media reports in Tanzania have said`: a noun */
        if (c->spoke[c->cues[q].v] && c->cues[q].join < 0)
            c->cues[q].dead = 1;
    /* resolve speakers in order (pronouns look at earlier cues) */
    for (size_t q = 0; q < c->ncue; q++) {
        cue *cu = &c->cues[q];
        if (cu->join == -2 && inside_quote(c, cu->v)) {
            cu->join = -1;
            cu->nested = 1;
            continue;
        }
        if (cu->join == -2) {
            /* the sentence's subject: the words that open it, when they name someone
             * (`Investigators would not divulge ... but said`, `Earlier Friday, Cuba's
             * communist government celebrated ..., calling`), a name in apposition to them
             * (`the former ambassador — now a deputy foreign minister — Alexander Grushko`),
             * else its first subject mention */
            const nf_sent *se = &a->sent[cu->s];
            size_t k = se->tok0, s1 = se->tok0 + se->ntok;
            while (k < cu->v && tok_in(c, k, (const char *const[]){"but", "and", "however", "yet", "so", NULL}))
                k++;
            if (k < cu->v && (c->tx_cover[k] >= 0 || in_set(c, k, S_PREPS) || tok_in(c, k, (const char *const[]){"late", "earlier", "later", "after", "before", "on", "with", "when", "while", "as", "during", "following", NULL}))) {
                size_t cm = k;
                while (cm < cu->v && cm < k + 10 && !is_punct(c, cm, ','))
                    cm++;
                if (cm < cu->v && is_punct(c, cm, ','))
                    k = cm + 1;
            }
            size_t e = np_fwd(c, k, cu->v < s1 ? cu->v : s1);
            if (e > k && np_speaks(c, k, e)) {
                cu->np0 = (uint32_t)k;
                cu->np1 = (uint32_t)e;
                if (e < cu->v && (is_punct(c, e, ',') || is_punct(c, e, '-') || !is_word(c, e)))
                    for (size_t g = e + 1; g < e + 9 && g < cu->v; g++) {
                        int32_t m = c->men_start[g];
                        if (m >= 0 && a->men[m].type == NF_ACT_PERSON) {
                            size_t me = c->mtok1[m];
                            if (me < cu->v && (is_lower(c, me) || !is_word(c, me))) {
                                cu->np0 = (uint32_t)g;
                                cu->np1 = (uint32_t)me;
                            }
                            break;
                        }
                    }
            }
            for (uint32_t mi = c->sm0[cu->s]; mi < c->sm0[cu->s + 1] && cu->np1 <= cu->np0; mi++) {
                size_t m = c->smen[mi];
                const nf_mention *mn = &a->men[m];
                if (mn->start >= c->tok[cu->v].start)
                    continue;
                if (!(mn->flags & NF_M_SUBJECT) || (mn->flags & NF_M_DEMONYM))
                    continue;
                size_t mt = c->mtok0[m];
                if (mt > 0 && (in_set(c, mt - 1, S_PREPS) || tok_in(c, mt - 1, (const char *const[]){"on", "with", "by", "to", "near", "against", NULL})))
                    continue; /* `Elian's relatives in Miami have fought`: Miami is no subject */
                cu->np0 = (uint32_t)mt;
                cu->np1 = c->mtok1[m];
                break;
            }
            cu->join = -1;
            if (cu->np1 <= cu->np0) {
                cu->dead = 1;
                continue;
            }
        }
        if (cu->join >= 0)
            continue;
        resolve(c, q);
    }
    /* cues inside a quote with no speaker of their own belong to the quote's attribution */
    for (size_t q = 0; q < c->ncue; q++) {
        cue *cu = &c->cues[q];
        if (cu->join >= 0 || cu->dead || cu->passive)
            continue;
        /* reported speech inside someone's quote is part of that quote; but a second
         * speaker named there has a reporting clause of their own (`"Elian tells me he does
         * not want to go back," said his uncle`: Elian claims it, a row of its own) */
        if (inside_quote(c, cu->v)) {
            if (named_inside(c, cu))
                cu->named_in = 1;
            else
                cu->nested = 1;
        }
    }
    /* the claims */
    nf_buf vb = {0}, ub = {0}, mb = {0};
    for (size_t q = 0; q < c->ncue; q++) {
        cue *cu = &c->cues[q];
        if (cu->join >= 0 || cu->dead || cu->nested)
            continue;
        vb.len = 0;
        c->rec = cu;
        content(c, q, &vb);
        c->rec = NULL;
        cu->value = nf_arena_strndup(&a->arena, vb.p ? vb.p : "", vb.len);
    }
    /* `Satcher said he will report to Congress`: a cue inside another's claim, with the same
     * speaker, is part of that statement */
    for (size_t q = 0; q < c->ncue; q++) {
        cue *cu = &c->cues[q];
        if (cu->nested || cu->join >= 0 || cu->dead || !cu->speaker || cu->passive)
            continue;
        size_t o0 = q > CUE_WINDOW ? q - CUE_WINDOW : 0;
        for (size_t o = o0; o < c->ncue && o < q + CUE_WINDOW; o++) {
            cue *oc = &c->cues[o];
            if (o == q || oc->nested || oc->join >= 0 || oc->dead || !oc->speaker ||
                (oc->speaker != cu->speaker && strcmp(oc->speaker, cu->speaker)))
                continue;
            int in = 0;
            for (int r = 0; r < oc->nr; r++)
                in |= cu->v >= oc->rb[r] && cu->v < oc->re[r];
            if (in) {
                cu->join = (int32_t)o;
                cu->nested = 1;
                break;
            }
        }
    }
    for (size_t q = 0; q < c->ncue; q++) {
        cue *cu = &c->cues[q];
        if (!cu->nested || cu->join >= 0)
            continue;
        cu->dead = 1;
        size_t o0 = q > CUE_WINDOW ? q - CUE_WINDOW : 0;
        for (size_t o = o0; o < c->ncue && o < q + CUE_WINDOW && cu->dead; o++) {
            const cue *oc = &c->cues[o];
            if (oc->nested || oc->join >= 0 || oc->dead || !oc->speaker)
                continue;
            for (int r = 0; r < oc->nr; r++)
                if (cu->v >= oc->rb[r] && cu->v < oc->re[r]) {
                    cu->join = (int32_t)o;
                    cu->dead = 0;
                    break;
                }
        }
    }
    const char *text = NULL; /* the text of sentence text_s */
    uint32_t text_s = UINT32_MAX;
    /* rows: each with the cues that joined it, in text order */
    for (size_t q = 0; q < c->ncue; q++)
        c->cues[q].first_join = c->cues[q].next_join = -1;
    for (size_t q = c->ncue; q-- > 0;) {
        cue *cu = &c->cues[q];
        if (cu->join < 0 || cu->dead || (size_t)cu->join >= c->ncue)
            continue;
        cue *t = &c->cues[cu->join];
        cu->next_join = t->first_join;
        t->first_join = (int32_t)q;
    }
    for (size_t q = 0; q < c->ncue; q++) {
        cue *cu = &c->cues[q];
        if (cu->join >= 0 || cu->dead || cu->nested)
            continue;
        if (cu->named_in && (!cu->value || !cu->value[0]) && cu->first_join < 0)
            continue; /* `"Oskar told me the news,"`: nothing said that we can show */
        if (!cu->speaker && !cu->passive) {
            if (cu->np1 <= cu->np0)
                continue;
            np_text(c, cu->np0, cu->np1, &cu->speaker);
        }
        vb.len = ub.len = mb.len = 0;
        nf_buf_puts(&vb, cu->value ? cu->value : "");
        /* the cue and the cues that continue it */
        nf_buf_put(&ub, tt(c, cu->v), c->tok[cu->ve - 1].end - c->tok[cu->v].start);
        nf_buf_put(&mb, tt(c, cu->v), c->tok[cu->ve - 1].end - c->tok[cu->v].start);
        int32_t tx = cu->tx;
        for (int32_t o = cu->first_join; o >= 0; o = c->cues[o].next_join) {
            cue *oc = &c->cues[o];
            /* a verb inside the claim (`"... too early to say," he said`, `"Elian tells me..."`)
             * belongs to the claim, unless it is the speaker's own act (`"I can confirm..."`,
             * `Freeh said he cannot confirm`) */
            if (oc->nested && !oc->quoting && !own_act(c, cu, oc))
                continue;
            nf_buf_puts(&ub, ", ");
            nf_buf_put(&ub, tt(c, oc->v), c->tok[oc->ve - 1].end - c->tok[oc->v].start);
            if (oc->nested)
                continue;
            if (tx < 0)
                tx = oc->tx;
            nf_buf v2 = {0};
            content(c, o, &v2);
            if (v2.len) {
                if (vb.len)
                    nf_buf_puts(&vb, "; ");
                nf_buf_put(&vb, v2.p, v2.len);
            }
            nf_buf_free(&v2);
        }
        /* collapse whitespace in the cue; the cue is lower case (`According to` ->
         * `according to`), the mention keeps the words as written */
        for (size_t k = 0; k < ub.len; k++)
            if (nf_isspace((unsigned char)ub.p[k]))
                ub.p[k] = ' ';
        nf_lower(ub.p, ub.len, ub.p);
        for (size_t k = 0; k < mb.len; k++)
            if (nf_isspace((unsigned char)mb.p[k]))
                mb.p[k] = ' ';
        nf_row *r = nf_row_add(a, NF_KIND_CLAIM, c->tok[cu->v].start);
        r->f[NF_COL_ACTOR] = cu->speaker;
        nf_row_set(a, r, NF_COL_VALUE, vb.p ? vb.p : "", vb.len);
        nf_row_set(a, r, NF_COL_UNIT, ub.p, ub.len);
        nf_row_set(a, r, NF_COL_MENTION, mb.p, mb.len);
        const char *date = a->anchor;
        if (tx >= 0 && a->tx[tx].value[0])
            date = a->tx[tx].value;
        nf_row_setz(a, r, NF_COL_DATE, date);
        if (cu->s != text_s) { /* rows of one sentence share its text */
            text = nf_sent_text(a, &a->sent[cu->s]);
            text_s = cu->s;
        }
        r->f[NF_COL_TEXT] = text;
    }
    nf_buf_free(&vb);
    nf_buf_free(&ub);
    nf_buf_free(&mb);
    free(c->cues);
    if (c->personal)
        nf_map_free(c->personal);
    return 0;
}

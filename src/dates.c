/* dates.c — temporal expressions: find, type and resolve them (TIMEX3 values).
 *
 * The grammar is data, HeidelTime-style: data/timex_lex.tsv holds the words (months,
 * weekdays, number words, units, seasons, parts of day, holidays, modifiers, tense cues) and
 * data/dates.rules the patterns over tokens with the normalization each one applies.
 * A rule is   PATTERN <TAB> TYPE <TAB> FUNCTION(ARGS)
 *   PATTERN elements, space-separated, each optionally suffixed with '?' (optional) and/or
 *   prefixed with '~' (context: must match, not part of the mention):
 *     word|word      literal (lower case; also punctuation such as , - 's)
 *     @CLASS         a word of that class in timex_lex.tsv
 *     %SHAPE         a number shape: %YEAR %DAY %MON %NUM %DECADE %DOTDATE %SLASHDATE
 *                    %CLOCK (10:35) %HOUR (1-12) %HOURAP (10pm)
 *   TYPE: DATE TIME DURATION SET
 *   ARGS: $N (the N-th element's value; 0 when an optional one is absent) or constants.
 * At each token the longest matching rule whose function succeeds wins.
 * Resolution is against the article's date (a->anchor_*), in the tense of the sentence. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "nf.h"

/* ---- lexicon ---- */

enum {
    C_NONE, C_MONTH, C_WDAY, C_NUMW, C_ORD, C_UNIT, C_UNITS, C_SEASON, C_POD, C_REL, C_MOD,
    C_HOLIDAY, C_FUTURE, C_PAST, C_REPORT, C_QTY, C_COUNTNOUN, C_PREP, C_UNITX, C_RGAP, C_RATE, C_REFNEXT, C_NCLASS
};
_Static_assert(C_NCLASS <= 32, "lexword.mask holds one bit per class");
static const char *const class_names[C_NCLASS] = {
    "", "MONTH", "WDAY", "NUMW", "ORD", "UNIT", "UNITS", "SEASON", "POD", "REL", "MOD",
    "HOLIDAY", "FUTURE", "PAST", "REPORT", "QTY", "COUNTNOUN", "PREP", "UNITX", "RGAP", "RATE", "REFNEXT"};

enum { LF_CAP = 1, LF_ABBR = 2 };

typedef struct {
    uint8_t cls, flags;
    int32_t ival;
    char sval[12];
} lexent;

#define MAXLEX 4
typedef struct rlist rlist;
typedef struct {
    lexent e[MAXLEX];
    int n;
    uint32_t mask;      /* 1 << class of each entry */
    const rlist *trig;  /* rules whose first element is this literal word */
    int starts;         /* some rule can start at this word (its trig or one of its classes) */
    uint8_t core;       /* LX_CORE or LX_CORECAP: a core word (mark_core) */
    const char *key;    /* the word (lower case), as kept by the map */
    size_t klen;
} lexword;

/* ---- rules ---- */

enum { EL_LIT, EL_CLASS, EL_SHAPE };
enum {
    S_YEAR, S_DAY, S_MON, S_NUM, S_DECADE, S_DOTDATE, S_SLASHDATE, S_CLOCK, S_HOUR, S_HOURAP,
    S_NSHAPE
};
static const char *const shape_names[S_NSHAPE] = {"YEAR", "DAY", "MON", "NUM", "DECADE",
                                                  "DOTDATE", "SLASHDATE", "CLOCK", "HOUR",
                                                  "HOURAP"};

/* Tokens up to this length are looked up in the lexicon (a longer one is no lexicon word for
 * the rules, whatever the data). */
#define LOOKMAX 40
#define MAXALT 16
#define MAXEL 10
#define MAXARG 5

/* A literal word of a rule element (kept in date_engine.alts). */
typedef struct {
    const char *s;   /* the word (in date_engine.strings) */
    uint8_t len;
    uint16_t lex;    /* 1 + its index in lexpool (every literal is a lexicon word) */
} palt;

/* An element: 10 bytes, so that a rule's elements share two cache lines (the rules are
 * tried at every candidate token, and were 1.6 KB each with the literals inline). */
typedef struct {
    uint8_t kind, opt, ctx, cls;
    uint8_t low;   /* =word: only lower case (else a name: Jamie Noon), or opening a sentence */
    uint8_t capo;  /* ^word: only with a capital (the Mail on Sunday) */
    uint8_t nalt;
    uint16_t alt0; /* kind EL_LIT: its words are date_engine.alts[alt0 .. alt0 + nalt) */
} pel;

typedef struct {
    uint8_t isref;
    int ref;       /* element index (0-based) */
    long ival;
    const char *sval;
} parg;

enum {
    F_DATE, F_MONTH, F_YEAR, F_DECADE, F_CENTURY, F_WDAY, F_WDAYREL, F_WDAYPOD, F_DAYPOD, F_DAY,
    F_REL, F_AGO, F_LATER, F_DUR, F_DURX, F_SET, F_VAL, F_SEASON, F_SEASONY, F_QUARTER,
    F_QUARTERY, F_CLOCK, F_CLOCKW, F_DMY, F_MDY, F_HOLIDAY, F_HOLIDAYY, F_MONTHREL, F_MONTHR, F_NONE, F_HALF, F_HALFY, F_DATER, F_CLOCKZ, F_DECADEY, F_ANAPH, F_HOLIDAYW, F_WEEKOF, F_WEEKEND, F_NFN
};
static const char *const fn_names[F_NFN] = {
    "date", "month", "year", "decade", "century", "wday", "wdayrel", "wdaypod", "daypod", "day",
    "rel", "ago", "later", "dur", "durx", "set", "val", "season", "seasony", "quarter",
    "quartery", "clock", "clockw", "dmy", "mdy", "holiday", "holidayy", "monthrel", "monthr", "none", "half", "halfy", "dater", "clockz", "decadey", "anaph", "holidayw", "weekof", "weekend"};

/* What the rules that can start at a token need of the next token: the union of the needs
 * (rlist) of every list best_at tries there. best_at tries no rule when the next token meets
 * none of them, so a token whose need is not met starts no match: the scan skips it
 * (may_start). In a pneed: what one element needs of its token (elem_need). */
typedef struct {
    uint32_t words;  /* needing one of some words: bit (lexpool index + 1) % 32 of each */
    uint32_t cls;    /* needing a word of a class: bit per class */
    uint8_t any;     /* some rule needs nothing: every next token, or none, meets it */
    uint8_t num;     /* needing a number */
} rneed;

/* What a match at token i needs of the tokens after i for an element k >= 1 that is not
 * optional: each element takes one token, an optional one none or one, so element k matches
 * one of the tokens i + lo .. i + hi, hi = k, lo = k - the optional elements before k. That
 * token must meet nd (elem_need) and, for a shape element, have the shape (shapes_of). */
typedef struct {
    rneed nd;
    uint16_t shapes; /* a shape element's shape (bit per S_*); 0 for the others */
    uint8_t lo, hi;
} pneed;
_Static_assert(sizeof(pneed) == 16 && S_NSHAPE <= 16, "four pneeds a cache line");

/* At most this many elements of a rule are checked before a try (rpre). */
#define MAXPRE 3

/* What the first n elements of a rule after the first that are not optional need of their
 * tokens: when the tokens after i miss one, match_rule fails at i, and a try there is
 * skipped without it (pre_met). One cache line a rule, apart from the rule (date_engine.pre):
 * most tries stop here, and never read the rule's own five lines. */
typedef struct {
    _Alignas(64) uint8_t n;
    pneed p[MAXPRE];
} rpre;
_Static_assert(sizeof(rpre) == 64, "one cache line");

typedef struct {
    int nel;
    uint8_t type;
    int fn;
    pel el[MAXEL];
    parg arg[MAXARG];
    int narg;
    int order;
} rule;

/* An entry of a list by a key: a class, or a lexicon word (its index in lexpool + 1). */
typedef struct { uint32_t key; int code; } rkey;

/* The rules a token can start, by what their next element needs of the next token (the
 * element after the one the list is indexed by, when it is not optional): nothing, a number,
 * a word of a class, or one of some literal words. At a token only the entries whose need
 * the next token meets are tried; the others could not match (match_rule would fail). */
struct rlist {
    int *idx;               /* every entry (code), as loaded */
    size_t n, cap;
    int *any, *num;         /* needing nothing; a number */
    size_t nany, nnum;
    rkey *cls, *word;       /* needing a class; a word: sorted by key */
    size_t ncls, nword;
};

/* lexslot.bits */
enum {
    LX_START = 1,   /* lexword.starts */
    LX_CORE = 2,    /* a core word (mark_core) */
    LX_CORECAP = 4, /* a core word when it has a capital (May, not may) */
};

/* A slot of the table every token is looked up in (lex_find): the word's first bytes, its
 * length and what the scan needs of it inline, so that a token that is no lexicon word, and
 * the test whether a word starts a rule, touch only this table (16 bytes a slot) and never
 * the lexword (120 bytes) nor the map's copy of its key: the other stages evict those from
 * the cache between two articles, and a miss per token was most of this stage's time. */
typedef struct {
    uint64_t head;   /* the word's first 8 bytes, zero-padded (word_head) */
    uint32_t mask;   /* lexword.mask */
    uint16_t lex;    /* 1 + the word's index in lexpool; 0: an empty slot */
    uint8_t len;     /* the word's length (rule literals and lexicon words are < 256) */
    uint8_t bits;    /* LX_* */
} lexslot;
_Static_assert(sizeof(lexslot) == 16, "four slots a cache line");

/* What best_at needs of a lexicon word some rule can start at, in one cache line (the
 * lexword's own fields are two lines away, and seldom in the cache). */
typedef struct {
    rneed need;                     /* of lists */
    const rlist *lists[1 + MAXLEX]; /* word_lists */
    int nl;
} wstart;

typedef struct {
    nf_map *lex;            /* lower-case word -> lexword* */
    lexword *lexpool;
    size_t nlex, caplex;
    size_t maxlen;          /* of the longest word in lex */
    size_t lookmax;         /* min(maxlen, LOOKMAX) */
    /* the same words in an open-addressing table for the look-up of every token (lex_find),
     * at most half full */
    lexslot *slot;
    unsigned slot_bits;
    /* a bit per word (bits 40-51 of its hash, lex_hash), set: a token whose bit is clear is
     * no word without a look at the table. Most tokens that are no word stop here: its
     * 512 bytes stay in the cache, where the table's 32 KB are gone after the other
     * stages' turn. */
    uint64_t filter[64];
    /* the one-byte words (marks such as , - . and words such as a) by their byte: 1 + the
     * index of their slot, 0 when the byte is no word. One token in seven has one byte. */
    uint32_t byte1[256];
    rule *rules;
    size_t nrules;
    nf_map *trig;           /* literal first word -> rlist* */
    rlist *trigpool;
    size_t ntrig;
    rlist bycls[C_NCLASS];
    rlist byshape[S_NSHAPE]; /* rules starting with a shape */
    palt *alts;             /* the literal words of the rules' elements (pel.alt0) */
    size_t nalts, capalts;
    wstart *wstart;         /* by lexpool index */
    rneed sneed[S_NSHAPE];  /* the need of byshape[k] */
    rpre *pre;              /* by rule (64-byte aligned) */
    rneed *wneed;           /* by lexpool index: wstart.need, 12 bytes a word (may_start) */
    uint32_t shapes;        /* the shapes some rule starts with (bit per S_*) */
    /* The core of the rules (mark_core): every rule that makes an expression has an element
     * that only a core word (lexword.core) or a number of a core shape meets. A sentence
     * without such a token has no expression, and is skipped (sent_may_match). corefilter
     * is de->filter for the core words only; coreall: some rule has no core (never skip). */
    uint64_t corefilter[64];
    uint32_t coreshapes;
    int coreall;
    /* by a word's first two bytes (core_pair): bit l for each core word of length l */
    uint32_t corelen[1024];
    char *strings;          /* pool of literal strings */
} date_engine;

/* The first 8 bytes of the word s[0..n), the bytes after its end zero: equal heads and
 * lengths mean equal words up to n = 8. Reads s[0..8), which must be readable (the
 * lower-case copy of the text has 8 bytes of padding). */
static inline uint64_t word_head(const char *s, size_t n)
{
    uint64_t h;
    memcpy(&h, s, sizeof h);
    if (n >= 8)
        return h;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return n ? h & ~(~0ull >> (8 * n)) : 0;
#else
    return h & ((1ull << (8 * n)) - 1);
#endif
}

static inline uint64_t lex_hash(uint64_t head, size_t n)
{
    return (head ^ n) * 0x9E3779B97F4A7C15ull;
}

static inline size_t lex_slot(const date_engine *de, uint64_t h)
{
    return (size_t)(h >> (64 - de->slot_bits));
}

/* The word's bit in de->filter: in filter[f >> 6], bit f & 63. */
static inline unsigned lex_filter_bit(uint64_t h)
{
    return (unsigned)(h >> 40) & 4095;
}

/* The index in de->corelen of a word of 2 bytes or more by its first two (lower case) bytes:
 * five bits of each, which tell the letters apart. */
static inline unsigned core_pair(const char *s)
{
    return ((unsigned char)s[0] & 31u) | ((unsigned char)s[1] & 31u) << 5;
}

/* Builds the look-up table of lex_find from the words of lexpool (once, after loading and
 * after lexword.starts is known). */
static int lex_index(date_engine *de)
{
    if (de->nlex >= UINT16_MAX)
        return -1;
    de->slot_bits = 4;
    while ((size_t)1 << de->slot_bits < de->nlex * 2)
        de->slot_bits++;
    size_t mask = ((size_t)1 << de->slot_bits) - 1;
    de->slot = calloc(mask + 1, sizeof *de->slot);
    if (!de->slot)
        exit(1);
    for (size_t k = 0; k < de->nlex; k++) {
        const lexword *w = &de->lexpool[k];
        char pad[8] = {0};
        memcpy(pad, w->key, w->klen < 8 ? w->klen : 8);
        uint64_t head = word_head(pad, w->klen), h = lex_hash(head, w->klen);
        unsigned f = lex_filter_bit(h);
        de->filter[f >> 6] |= 1ull << (f & 63);
        size_t i = lex_slot(de, h);
        while (de->slot[i].lex)
            i = (i + 1) & mask;
        de->slot[i] = (lexslot){head, w->mask, (uint16_t)(k + 1), (uint8_t)w->klen,
                                (uint8_t)((w->starts ? LX_START : 0) | w->core)};
        if (w->core) {
            de->corefilter[f >> 6] |= 1ull << (f & 63);
            if (w->klen >= 2 && w->klen < 32)
                de->corelen[core_pair(w->key)] |= 1u << w->klen;
            else
                de->coreall = 1; /* not in corelen: no sentence is skipped */
        }
        if (w->klen == 1)
            de->byte1[(unsigned char)w->key[0]] = (uint32_t)(i + 1);
        if (w->klen > de->maxlen)
            de->maxlen = w->klen;
    }
    de->lookmax = de->maxlen < LOOKMAX ? de->maxlen : LOOKMAX;
    return 0;
}

/* The slot of the lower-case word s[0..n) (s[0..8) readable, see word_head), or NULL when
 * the lexicon has no such word (as nf_map_get(de->lex) == NULL). With filter, a word whose
 * bit in de->filter is clear is none (exact: every word's bit is set). */
static inline const lexslot *lex_find(const date_engine *de, const char *s, size_t n, int filter)
{
    if (n == 1 && filter) /* the same slot as below: the table of the one-byte words */
        return de->byte1[(unsigned char)s[0]] ? &de->slot[de->byte1[(unsigned char)s[0]] - 1] : NULL;
    uint64_t head = word_head(s, n), h = lex_hash(head, n);
    unsigned f = lex_filter_bit(h);
    if (filter && !(de->filter[f >> 6] >> (f & 63) & 1))
        return NULL;
    size_t mask = ((size_t)1 << de->slot_bits) - 1;
    for (size_t i = lex_slot(de, h);; i = (i + 1) & mask) {
        const lexslot *x = &de->slot[i];
        if (!x->lex)
            return NULL;
        if (x->head == head && x->len == n &&
            (n <= 8 || !memcmp(de->lexpool[x->lex - 1].key + 8, s + 8, n - 8)))
            return x;
    }
}

/* The lexicon's entry for the lower-case word s[0..n) (s[0..8) readable), or NULL. */
static inline const lexword *lex_get(const date_engine *de, const char *s, size_t n)
{
    const lexslot *x = lex_find(de, s, n, 1);
    return x ? &de->lexpool[x->lex - 1] : NULL;
}

static void rlist_add(rlist *l, int r)
{
    *(int *)NF_PUSH(l->idx, l->n, l->cap) = r;
}

static int rkey_cmp(const void *x, const void *y)
{
    const rkey *a = x, *b = y;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return (a->code > b->code) - (a->code < b->code);
}

/* Splits l's entries by what they need of the next token (code bits 24-25: 0 nothing, 1 one
 * of the literal words of element k+1, 2 a number, 3 a word of class bits 26-31). */
static void rlist_split(const date_engine *de, rlist *l)
{
    size_t ncap = l->n, nw = 0;
    for (size_t q = 0; q < l->n; q++) {
        int code = l->idx[q];
        const rule *r = &de->rules[code & 0x3FFFFF];
        if (((code >> 24) & 3) == 1)
            nw += r->el[((code >> 22) & 1) + 1].nalt;
    }
    l->any = calloc(ncap + 1, sizeof *l->any);
    l->num = calloc(ncap + 1, sizeof *l->num);
    l->cls = calloc(ncap + 1, sizeof *l->cls);
    l->word = calloc(nw + 1, sizeof *l->word);
    if (!l->any || !l->num || !l->cls || !l->word)
        exit(1);
    for (size_t q = 0; q < l->n; q++) {
        int code = l->idx[q];
        const rule *r = &de->rules[code & 0x3FFFFF];
        switch ((code >> 24) & 3) {
        case 0:
            l->any[l->nany++] = code;
            break;
        case 2:
            l->num[l->nnum++] = code;
            break;
        case 3:
            l->cls[l->ncls++] = (rkey){(uint32_t)(code >> 26) & 63, code};
            break;
        default: {
            const pel *p = &r->el[((code >> 22) & 1) + 1];
            size_t first = l->nword;
            for (int a = 0; a < p->nalt; a++) {
                uint32_t key = de->alts[p->alt0 + a].lex;
                int dup = 0;
                for (size_t d = first; d < l->nword; d++)
                    dup |= l->word[d].key == key;
                if (!dup)
                    l->word[l->nword++] = (rkey){key, code};
            }
        }
        }
    }
    qsort(l->cls, l->ncls, sizeof *l->cls, rkey_cmp);
    qsort(l->word, l->nword, sizeof *l->word, rkey_cmp);
}

static void rlist_free(rlist *l)
{
    free(l->idx);
    free(l->any);
    free(l->num);
    free(l->cls);
    free(l->word);
}

/* The lists of the rules that can start at lexicon word w: those whose first element is
 * the literal w, and those starting with a class of w. Returns their number (<= 1 + MAXLEX). */
static int word_lists(const date_engine *de, const lexword *w, const rlist **lists)
{
    int nl = 0;
    if (w->trig)
        lists[nl++] = w->trig;
    for (int e = 0; e < w->n; e++)
        if (de->bycls[w->e[e].cls].n)
            lists[nl++] = &de->bycls[w->e[e].cls];
    return nl;
}

static void rneed_add(rneed *nd, const rlist *l)
{
    nd->any |= l->nany > 0;
    nd->num |= l->nnum > 0;
    for (size_t q = 0; q < l->ncls; q++)
        nd->cls |= 1u << l->cls[q].key;
    for (size_t q = 0; q < l->nword; q++)
        nd->words |= 1u << (l->word[q].key & 31);
}

/* The first of v's n entries with this key (v sorted by key); n when none. */
static size_t rkey_first(const rkey *v, size_t n, uint32_t key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && v[lo].key == key ? lo : n;
}

/* ---- init ---- */

static int find_name(const char *const *names, int n, const char *s)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(names[i], s))
            return i;
    return -1;
}

static int load_lex(nf_engine *e, date_engine *de, char *err, size_t errlen)
{
    size_t len = 0;
    const char *txt = nf_data_get(e, "timex_lex.tsv", &len);
    if (!txt) {
        snprintf(err, errlen, "timex_lex.tsv: missing");
        return -1;
    }
    /* first pass: count */
    nf_lines it;
    char *f[4];
    int n;
    size_t cap = nf_lines_count(txt, len);
    de->caplex = cap + 4096; /* room for the rules' literal words */
    de->lexpool = calloc(de->caplex, sizeof *de->lexpool);
    de->lex = nf_map_new();
    nf_lines_init(&it, txt, len);
    while ((n = nf_lines_next(&it, f, 4)) >= 0) {
        if (n < 2)
            continue;
        int cls = find_name(class_names, C_NCLASS, f[1]);
        if (cls <= 0) {
            snprintf(err, errlen, "timex_lex.tsv:%ld: unknown class %s", it.lineno, f[1]);
            nf_lines_free(&it);
            return -1;
        }
        char low[64];
        size_t wl = strlen(f[0]);
        if (wl >= sizeof low)
            continue;
        nf_lower(f[0], wl, low);
        lexword *w = nf_map_get(de->lex, low, wl);
        if (!w) {
            w = &de->lexpool[de->nlex++];
            w->key = nf_map_put(de->lex, low, wl, w);
            w->klen = wl;
        }
        if (w->n >= MAXLEX)
            continue;
        lexent *le = &w->e[w->n++];
        le->cls = (uint8_t)cls;
        w->mask |= 1u << cls;
        const char *v = n >= 3 ? f[2] : "";
        le->ival = (int32_t)strtol(v, NULL, 10);
        snprintf(le->sval, sizeof le->sval, "%s", v);
        if (n >= 4 && strstr(f[3], "cap"))
            le->flags |= LF_CAP;
        if (n >= 4 && strstr(f[3], "abbr"))
            le->flags |= LF_ABBR;
    }
    nf_lines_free(&it);
    return 0;
}

static int parse_rule(date_engine *de, rule *r, char *pat, const char *type, char *fn,
                      char **pool, char *err, size_t errlen, long lineno)
{
    memset(r, 0, sizeof *r);
    static const char *const types[] = {"DATE", "TIME", "DURATION", "SET"};
    int t = find_name(types, 4, type);
    if (t < 0) {
        snprintf(err, errlen, "dates.rules:%ld: bad type %s", lineno, type);
        return -1;
    }
    r->type = (uint8_t)t;
    char *save = NULL;
    for (char *tok = strtok_r(pat, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
        if (r->nel >= MAXEL) {
            snprintf(err, errlen, "dates.rules:%ld: too many elements", lineno);
            return -1;
        }
        pel *p = &r->el[r->nel++];
        size_t tl = strlen(tok);
        if (tl > 1 && tok[tl - 1] == '?') {
            p->opt = 1;
            tok[--tl] = 0;
        }
        if (tl > 1 && tok[0] == '~') {
            p->ctx = 1;
            tok++;
            tl--;
        }
        if (tl > 1 && tok[0] == '^') {
            p->capo = 1;
            tok++;
            tl--;
        }
        if (tl > 1 && tok[0] == '=') {
            p->low = 1;
            tok++;
            tl--;
        }
        if (tok[0] == '@' && tl > 1) {
            p->kind = EL_CLASS;
            int c = find_name(class_names, C_NCLASS, tok + 1);
            if (c <= 0) {
                snprintf(err, errlen, "dates.rules:%ld: unknown class %s", lineno, tok);
                return -1;
            }
            p->cls = (uint8_t)c;
        } else if (tok[0] == '%' && tl > 1) {
            p->kind = EL_SHAPE;
            int s = find_name(shape_names, S_NSHAPE, tok + 1);
            if (s < 0) {
                snprintf(err, errlen, "dates.rules:%ld: unknown shape %s", lineno, tok);
                return -1;
            }
            p->cls = (uint8_t)s;
        } else {
            p->kind = EL_LIT;
            if (de->nalts + MAXALT > UINT16_MAX) {
                snprintf(err, errlen, "dates.rules:%ld: too many words", lineno);
                return -1;
            }
            p->alt0 = (uint16_t)de->nalts;
            char *s2 = NULL;
            for (char *a = strtok_r(tok, "|", &s2); a; a = strtok_r(NULL, "|", &s2)) {
                if (p->nalt >= MAXALT)
                    break;
                size_t al = strlen(a);
                memcpy(*pool, a, al + 1);
                *(palt *)NF_PUSH(de->alts, de->nalts, de->capalts) = (palt){*pool, (uint8_t)al, 0};
                p->nalt++;
                *pool += al + 1;
            }
        }
    }
    if (!r->nel) {
        snprintf(err, errlen, "dates.rules:%ld: empty pattern", lineno);
        return -1;
    }
    /* function */
    char *paren = strchr(fn, '(');
    char *close = paren ? strrchr(paren, ')') : NULL;
    if (!paren || !close) {
        snprintf(err, errlen, "dates.rules:%ld: bad function %s", lineno, fn);
        return -1;
    }
    *paren = 0;
    *close = 0;
    r->fn = find_name(fn_names, F_NFN, fn);
    if (r->fn < 0) {
        snprintf(err, errlen, "dates.rules:%ld: unknown function %s", lineno, fn);
        return -1;
    }
    char *s3 = NULL;
    for (char *a = strtok_r(paren + 1, ",", &s3); a; a = strtok_r(NULL, ",", &s3)) {
        while (*a == ' ')
            a++;
        if (r->narg >= MAXARG)
            break;
        parg *g = &r->arg[r->narg++];
        if (a[0] == '$') {
            g->isref = 1;
            g->ref = atoi(a + 1) - 1;
            if (g->ref < 0 || g->ref >= r->nel) {
                snprintf(err, errlen, "dates.rules:%ld: bad reference %s", lineno, a);
                return -1;
            }
        } else {
            size_t al = strlen(a);
            memcpy(*pool, a, al + 1);
            g->sval = *pool;
            *pool += al + 1;
            g->ival = strtol(a, NULL, 10);
        }
    }
    return 0;
}

/* What a token must be for element p to match it (match_el fails otherwise): a number for a
 * shape, a word of its class for a class, one of its words for a literal (anything when one
 * is longer than LOOKMAX: such a token is no lexicon word, match_el compares its text). */
static rneed elem_need(const date_engine *de, const pel *p)
{
    rneed nd = {0};
    if (p->kind == EL_SHAPE)
        nd.num = 1;
    else if (p->kind == EL_CLASS)
        nd.cls = 1u << p->cls;
    else
        for (int a = 0; a < p->nalt; a++) {
            const palt *x = &de->alts[p->alt0 + a];
            nd.any |= x->len > LOOKMAX;
            nd.words |= 1u << (x->lex & 31);
        }
    return nd;
}

static int load_rules(nf_engine *e, date_engine *de, char *err, size_t errlen)
{
    size_t len = 0;
    const char *txt = nf_data_get(e, "dates.rules", &len);
    if (!txt) {
        snprintf(err, errlen, "dates.rules: missing");
        return -1;
    }
    de->strings = malloc(len + 1);
    char *pool = de->strings;
    nf_lines it;
    char *f[3];
    int n;
    size_t cap = nf_lines_count(txt, len);
    de->rules = calloc(cap + 1, sizeof *de->rules);
    de->pre = aligned_alloc(64, (cap + 1) * sizeof *de->pre);
    if (!de->rules || !de->pre)
        exit(1);
    de->trig = nf_map_new();
    de->trigpool = calloc(cap * MAXALT + 1, sizeof *de->trigpool);
    nf_lines_init(&it, txt, len);
    while ((n = nf_lines_next(&it, f, 3)) >= 0) {
        if (n < 3) {
            snprintf(err, errlen, "dates.rules:%ld: needs 3 fields", it.lineno);
            nf_lines_free(&it);
            return -1;
        }
        rule *r = &de->rules[de->nrules];
        if (parse_rule(de, r, f[0], f[1], f[2], &pool, err, errlen, it.lineno)) {
            nf_lines_free(&it);
            return -1;
        }
        r->order = (int)de->nrules;
        int ri = (int)de->nrules++;
        for (int k = 0; k < r->nel; k++) {
            const pel *p = &r->el[k];
            for (int a = 0; p->kind == EL_LIT && a < p->nalt; a++) {
                palt *x = &de->alts[p->alt0 + a];
                const lexword *had = nf_map_get(de->lex, x->s, x->len);
                if (had) {
                    x->lex = (uint16_t)(had - de->lexpool + 1);
                    continue;
                }
                if (de->nlex >= de->caplex) {
                    snprintf(err, errlen, "dates.rules: too many words");
                    nf_lines_free(&it);
                    return -1;
                }
                lexword *w = &de->lexpool[de->nlex++];
                w->key = nf_map_put(de->lex, x->s, x->len, w);
                w->klen = x->len;
                x->lex = (uint16_t)de->nlex;
            }
        }
        rpre *pr = &de->pre[ri];
        pr->n = 0;
        for (int k = 1, nopt = r->el[0].opt; k < r->nel && pr->n < MAXPRE; k++) {
            const pel *p = &r->el[k];
            if (p->opt) {
                nopt++;
                continue;
            }
            pr->p[pr->n++] = (pneed){elem_need(de, p), (uint16_t)(p->kind == EL_SHAPE ? 1u << p->cls : 0),
                                        (uint8_t)(k - nopt), (uint8_t)k};
        }
        /* index by its first element (and the next, when the first is optional) */
        for (int k = 0; k < r->nel; k++) {
            const pel *p = &r->el[k];
            /* list entry: rule index, the element it is indexed by (bit 22), then what the
             * next token must be (bits 24-25: 1 one of the words of lit2, 2 a number, 3 a
             * word of class bits 26-31) */
            int need = 0;
            if (k <= 1 && k + 1 < r->nel && !r->el[k + 1].opt)
                need = r->el[k + 1].kind == EL_SHAPE ? 2 : r->el[k + 1].kind == EL_CLASS ? 3 : 1;
            int code = ri | (k << 22) | (need << 24) | (need == 3 ? r->el[k + 1].cls << 26 : 0);
            if (p->kind == EL_LIT) {
                for (int a = 0; a < p->nalt; a++) {
                    const palt *x = &de->alts[p->alt0 + a];
                    rlist *l = nf_map_get(de->trig, x->s, x->len);
                    if (!l) {
                        l = &de->trigpool[de->ntrig++];
                        nf_map_put(de->trig, x->s, x->len, l);
                        de->lexpool[x->lex - 1].trig = l;
                    }
                    if (!l->n || l->idx[l->n - 1] != code)
                        rlist_add(l, code);
                }
            } else if (p->kind == EL_CLASS) {
                rlist_add(&de->bycls[p->cls], code);
            } else {
                rlist_add(&de->byshape[p->cls], code);
            }
            if (!p->opt)
                break;
        }
    }
    nf_lines_free(&it);
    for (size_t i = 0; i < de->ntrig; i++)
        rlist_split(de, &de->trigpool[i]);
    for (int c = 0; c < C_NCLASS; c++)
        rlist_split(de, &de->bycls[c]);
    for (int k = 0; k < S_NSHAPE; k++)
        rlist_split(de, &de->byshape[k]);
    return 0;
}

/* The classes of date words (a token of one is rare outside dates). */
static const uint32_t date_classes = 1u << C_MONTH | 1u << C_WDAY | 1u << C_SEASON |
                                     1u << C_POD | 1u << C_UNIT | 1u << C_UNITS |
                                     1u << C_UNITX | 1u << C_HOLIDAY;

/* How common the tokens that meet element p are, roughly (lower: rarer), for the choice of
 * a rule's core (mark_core): a number of a narrow shape (a year, a clock time), a date word
 * or one of the literal date words, a number of a broad shape, other literals (the longer
 * the rarer), other classes (tense cues, modifiers: common words). -1: p can be no core (a
 * literal longer than LOOKMAX is no lexicon word). */
static int core_rank(const date_engine *de, const pel *p)
{
    if (p->kind == EL_SHAPE)
        return p->cls == S_DAY || p->cls == S_MON || p->cls == S_NUM || p->cls == S_HOUR ? 3 : 1;
    if (p->kind == EL_CLASS)
        return date_classes >> p->cls & 1 ? 2 : 9;
    int all_date = 1, minlen = INT_MAX;
    for (int a = 0; a < p->nalt; a++) {
        const palt *x = &de->alts[p->alt0 + a];
        if (x->len > LOOKMAX)
            return -1;
        all_date &= (de->lexpool[x->lex - 1].mask & date_classes) != 0;
        if (x->len < minlen)
            minlen = x->len;
    }
    return all_date ? 2 : minlen >= 4 ? 4 : 8 - minlen;
}

/* Chooses the core of each rule that makes an expression (not none()): one of its elements
 * that are not optional (each must meet a token for the rule to match), the rarest by
 * core_rank, the last of equal ones. Marks what meets it: the words of its literal or
 * class (lexword.core; LX_CORECAP when each entry of the class is a word only with a
 * capital) or its shape (de->coreshapes). A rule without one sets de->coreall. */
static void mark_core(date_engine *de)
{
    uint32_t corecls = 0; /* the classes chosen */
    for (size_t ri = 0; ri < de->nrules; ri++) {
        const rule *r = &de->rules[ri];
        if (r->fn == F_NONE)
            continue; /* a negative rule makes no expression: a sentence without one skipped
                       * loses nothing when it has no other */
        int best = -1, bestrank = INT_MAX;
        for (int k = 0; k < r->nel; k++) {
            int rank = r->el[k].opt ? -1 : core_rank(de, &r->el[k]);
            if (rank >= 0 && rank <= bestrank)
                best = k, bestrank = rank;
        }
        if (best < 0) {
            de->coreall = 1;
            continue;
        }
        const pel *p = &r->el[best];
        if (p->kind == EL_SHAPE) {
            de->coreshapes |= 1u << p->cls;
        } else if (p->kind == EL_LIT) {
            for (int a = 0; a < p->nalt; a++)
                de->lexpool[de->alts[p->alt0 + a].lex - 1].core = LX_CORE;
        } else {
            corecls |= 1u << p->cls;
        }
    }
    for (size_t k = 0; k < de->nlex; k++) {
        lexword *w = &de->lexpool[k];
        for (int e = 0; e < w->n && w->core != LX_CORE; e++)
            if (corecls >> w->e[e].cls & 1)
                w->core = (w->e[e].flags & LF_CAP) ? LX_CORECAP : LX_CORE;
    }
}

void nf_dates_fini(nf_engine *e)
{
    date_engine *de = e->dates;
    if (!de)
        return;
    if (de->lex)
        nf_map_free(de->lex);
    free(de->slot);
    free(de->wstart);
    free(de->lexpool);
    if (de->trig)
        nf_map_free(de->trig);
    for (size_t i = 0; i < de->ntrig; i++)
        rlist_free(&de->trigpool[i]);
    free(de->trigpool);
    for (int c = 0; c < C_NCLASS; c++)
        rlist_free(&de->bycls[c]);
    for (int k = 0; k < S_NSHAPE; k++)
        rlist_free(&de->byshape[k]);
    free(de->rules);
    free(de->pre);
    free(de->wneed);
    free(de->alts);
    free(de->strings);
    free(de);
    e->dates = NULL;
}

int nf_dates_init(nf_engine *e, char *err, size_t errlen)
{
    date_engine *de = calloc(1, sizeof *de);
    if (!de) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    e->dates = de;
    if (load_lex(e, de, err, errlen) || load_rules(e, de, err, errlen)) {
        nf_dates_fini(e);
        return -1;
    }
    de->wstart = calloc(de->nlex + 1, sizeof *de->wstart);
    if (!de->wstart) {
        snprintf(err, errlen, "out of memory");
        nf_dates_fini(e);
        return -1;
    }
    de->wneed = calloc(de->nlex + 1, sizeof *de->wneed);
    if (!de->wneed)
        exit(1);
    for (size_t k = 0; k < de->nlex; k++) {
        lexword *w = &de->lexpool[k];
        wstart *ws = &de->wstart[k];
        ws->nl = word_lists(de, w, ws->lists);
        w->starts = ws->nl > 0;
        for (int q = 0; q < ws->nl; q++)
            rneed_add(&ws->need, ws->lists[q]);
        de->wneed[k] = ws->need;
    }
    for (int k = 0; k < S_NSHAPE; k++) {
        rneed_add(&de->sneed[k], &de->byshape[k]);
        if (de->byshape[k].n)
            de->shapes |= 1u << k;
    }
    mark_core(de);
    if (lex_index(de)) {
        snprintf(err, errlen, "dates: too many words");
        nf_dates_fini(e);
        return -1;
    }
    return 0;
}

/* ---- calendar ---- */

static long days_from_civil(long y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *py, int *pm, int *pd)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *py = (int)(y + (m <= 2));
    *pm = m;
    *pd = d;
}

static int weekday(long days) /* ISO: 1 = Monday */
{
    long w = (days + 3) % 7; /* 1970-01-01 was a Thursday (3 with Monday = 0) */
    if (w < 0)
        w += 7;
    return (int)w + 1;
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2)
        return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
    return dm[m - 1];
}

static void iso_week(long days, int *wy, int *wn)
{
    int wd = weekday(days);
    long thu = days - wd + 4;
    int y, m, d;
    civil_from_days(thu, &y, &m, &d);
    long jan1 = days_from_civil(y, 1, 1);
    *wy = y;
    *wn = (int)((thu - jan1) / 7 + 1);
}

/* ---- per-article work ---- */

/* dtok.flags: NF_T_* and */
enum { DT_START = 1 << 15 }; /* a lexicon word some rule can start at (lexword.starts) */
_Static_assert((int)NF_T_POSS < (int)DT_START, "DT_START is no NF_T_ flag");

typedef struct {
    uint32_t start, end;
    const char *low;   /* lower-cased text (in the arena copy) */
    uint16_t len;      /* of low, without a final abbreviation period */
    uint16_t flags;
    uint32_t mask;     /* lw->mask (0 without lw): a class test reads no lexword */
    const lexword *lw;
} dtok;

typedef struct {
    long ival;
    const char *s;
    int has;
    int y, m, d;      /* shapes with dates */
} cap;

typedef struct {
    nf_ana *a;
    const date_engine *de;
    dtok *t;
    size_t n;
    int ay, am, ad;   /* anchor */
    long aday;        /* anchor as days */
    int tense;        /* of the current match: -1 past, 1 future, 0 unknown */
    int type_ovr;     /* set by normalize: the match's type differs from its rule's (-1: no) */
    int slow;         /* nf_dates_run_slow: no fast path; check them instead */
    long missed;      /* with slow: matches and shapes a fast path would have missed */
} ctx;

static const lexent *lex_has(const dtok *t, int cls)
{
    if (!(t->mask & (1u << cls))) /* 0 without t->lw */
        return NULL;
    for (int i = 0; i < t->lw->n; i++)
        if (t->lw->e[i].cls == cls)
            return &t->lw->e[i];
    return NULL;
}

static int all_digits(const char *s, size_t n)
{
    if (!n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!nf_isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

static long atol_n(const char *s, size_t n)
{
    long v = 0;
    for (size_t i = 0; i < n && i < 12; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

static int match_shape(const ctx *c, const dtok *t, int shape, cap *cp)
{
    const char *s = t->low;
    size_t n = t->len;
    if (!(t->flags & NF_T_NUM))
        return 0;
    switch (shape) {
    case S_YEAR:
        if (n == 4 && all_digits(s, 4)) {
            long v = atol_n(s, 4);
            if (v >= 1000 && v <= 2199) {
                cp->ival = v;
                return 1;
            }
        }
        return 0;
    case S_DAY: {
        size_t k = 0;
        while (k < n && nf_isdigit((unsigned char)s[k]))
            k++;
        if (k < 1 || k > 2)
            return 0;
        if (k < n && !(n - k == 2 && (!memcmp(s + k, "st", 2) || !memcmp(s + k, "nd", 2) ||
                                      !memcmp(s + k, "rd", 2) || !memcmp(s + k, "th", 2))))
            return 0;
        long v = atol_n(s, k);
        if (v < 1 || v > 31)
            return 0;
        cp->ival = v;
        return 1;
    }
    case S_MON:
        if (n >= 1 && n <= 2 && all_digits(s, n)) {
            long v = atol_n(s, n);
            if (v >= 1 && v <= 12) {
                cp->ival = v;
                return 1;
            }
        }
        return 0;
    case S_NUM:
        if (all_digits(s, n) && n <= 6) {
            cp->ival = atol_n(s, n);
            return 1;
        }
        return 0;
    case S_DECADE:
        if (n == 5 && s[4] == 's' && all_digits(s, 4) && s[3] == '0') {
            cp->ival = atol_n(s, 3);
            return 1;
        }
        if (n == 3 && s[2] == 's' && all_digits(s, 2) && s[1] == '0') {
            long v = atol_n(s, 2);
            cp->ival = (v >= 30 || !c->ay || c->ay < 2000 ? 190 : 200) + v / 10;
            return 1;
        }
        return 0;
    case S_DOTDATE:
    case S_SLASHDATE: {
        char sep = shape == S_DOTDATE ? '.' : '/';
        int parts[3], np = 0;
        size_t i = 0;
        int lens[3];
        while (i < n && np < 3) {
            size_t j = i;
            while (j < n && nf_isdigit((unsigned char)s[j]))
                j++;
            if (j == i)
                return 0;
            lens[np] = (int)(j - i);
            parts[np++] = (int)atol_n(s + i, j - i);
            if (j < n && s[j] != sep)
                return 0;
            i = j + 1;
        }
        if (np != 3 || i < n)
            return 0;
        int y = parts[2];
        int m, d;
        if (lens[0] == 4 && lens[2] <= 2) { /* 2022/02/24 */
            y = parts[0], m = parts[1], d = parts[2];
            if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
                return 0;
            cp->y = y, cp->m = m, cp->d = d;
            return 1;
        }
        if (lens[2] == 2)
            y += y < 50 ? 2000 : 1900;
        else if (lens[2] != 4)
            return 0;
        if (sep == '.') {
            d = parts[0], m = parts[1];
        } else {
            m = parts[0], d = parts[1];
            if (m > 12 && d <= 12) { int x = m; m = d; d = x; }
        }
        if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
            return 0;
        cp->y = y, cp->m = m, cp->d = d;
        return 1;
    }
    case S_CLOCK: {
        const char *colon = memchr(s, ':', n);
        if (!colon && n >= 5 && (!memcmp(s + n - 2, "am", 2) || !memcmp(s + n - 2, "pm", 2)))
            colon = memchr(s, '.', n); /* 9.30am */
        if (!colon)
            return 0;
        size_t hl = (size_t)(colon - s);
        size_t ml = 0;
        while (hl + 1 + ml < n && nf_isdigit((unsigned char)colon[1 + ml]))
            ml++;
        if (hl < 1 || hl > 2 || ml != 2 || !all_digits(s, hl))
            return 0;
        long h = atol_n(s, hl), mi = atol_n(colon + 1, 2);
        if (h > 24 || mi > 59)
            return 0;
        size_t rest = n - hl - 1 - ml;
        cp->ival = h * 100 + mi;
        cp->s = NULL;
        if (rest == 2 && (!memcmp(colon + 3, "am", 2) || !memcmp(colon + 3, "pm", 2)))
            cp->s = colon[3] == 'a' ? "am" : "pm";
        else if (rest)
            return 0;
        return 1;
    }
    case S_HOUR:
        if (n >= 1 && n <= 2 && all_digits(s, n)) {
            long v = atol_n(s, n);
            if (v >= 1 && v <= 12) {
                cp->ival = v * 100;
                return 1;
            }
        }
        return 0;
    case S_HOURAP:
        if (n >= 3 && n <= 4 && (!memcmp(s + n - 2, "am", 2) || !memcmp(s + n - 2, "pm", 2)) &&
            all_digits(s, n - 2)) {
            long v = atol_n(s, n - 2);
            if (v >= 1 && v <= 12) {
                cp->ival = v * 100;
                cp->s = s[n - 2] == 'a' ? "am" : "pm";
                return 1;
            }
        }
        return 0;
    }
    return 0;
}

/* Token i opens a sentence or a quoted or introduced one (He said: "Today we...), where a
 * capital says nothing about a name. */
static int opens_clause(const ctx *c, size_t i)
{
    if (c->t[i].flags & (NF_T_SENT0 | NF_T_UPPER))
        return 1;
    if (i == 0)
        return 0;
    const dtok *p = &c->t[i - 1];
    return ((p->flags & NF_T_QUOTE) && (p->flags & NF_T_OPEN)) ||
           ((p->flags & NF_T_PUNCT) && p->end - p->start == 1 && c->a->doc.text[p->start] == ':');
}

static int match_el(const ctx *c, const pel *p, size_t i, cap *cp)
{
    const dtok *t = &c->t[i];
    memset(cp, 0, sizeof *cp);
    if (p->low && (t->flags & NF_T_CAP) && !opens_clause(c, i))
        return 0;
    if (p->capo && !(t->flags & NF_T_CAP))
        return 0;
    switch (p->kind) {
    case EL_LIT: {
        /* the token's text is the literal's when its lexicon word is: a literal is a lexicon
         * word, and a token of its length (<= LOOKMAX) was looked up (a longer one is
         * compared) */
        const palt *al = &c->de->alts[p->alt0];
        size_t tl = t->lw ? (size_t)(t->lw - c->de->lexpool) + 1 : 0;
        for (int a = 0; a < p->nalt; a++)
            if (al[a].len <= LOOKMAX ? al[a].lex == tl
                                : al[a].len == t->len && !memcmp(al[a].s, t->low, t->len)) {
                cp->has = 1;
                cp->ival = a;
                cp->s = al[a].s;
                return 1;
            }
        return 0;
    }
    case EL_CLASS: {
        const lexent *le = lex_has(t, p->cls);
        if (!le)
            return 0;
        if ((le->flags & LF_CAP) && !(t->flags & NF_T_CAP))
            return 0;
        if ((le->flags & LF_ABBR) && t->len == t->end - t->start &&
            !(i + 1 < c->n && (c->t[i + 1].flags & NF_T_NUM)))
            return 0;
        cp->has = 1;
        cp->ival = le->ival;
        cp->s = le->sval;
        return 1;
    }
    default:
        if (!match_shape(c, t, p->cls, cp))
            return 0;
        cp->has = 1;
        return 1;
    }
}

/* Matches rule r at token i; fills caps and returns the end token (exclusive), or 0. Tries
 * the longest way first (optional elements taken when they match). */
static size_t match_rule(const ctx *c, const rule *r, int k, size_t i, cap *caps)
{
    if (k == r->nel)
        return i;
    const pel *p = &r->el[k];
    if (i < c->n && match_el(c, p, i, &caps[k])) {
        size_t e = match_rule(c, r, k + 1, i + 1, caps);
        if (e)
            return e;
    }
    if (p->opt) {
        memset(&caps[k], 0, sizeof caps[k]);
        return match_rule(c, r, k + 1, i, caps);
    }
    return 0;
}

/* ---- tense ---- */

static int tok_is(const dtok *t, const char *w)
{
    size_t n = strlen(w);
    return t->len == n && !memcmp(t->low, w, n);
}


static int is_pastword(const dtok *t)
{
    /* a capitalized word inside a sentence is a name (United States, Said Musa), no verb */
    if ((t->flags & NF_T_CAP) && !(t->flags & (NF_T_SENT0 | NF_T_UPPER)))
        return 0;
    if (lex_has(t, C_PAST) || lex_has(t, C_REPORT))
        return 1;
    return t->len > 3 && t->low[t->len - 1] == 'd' && t->low[t->len - 2] == 'e' &&
           !(t->flags & NF_T_CAP) && !lex_has(t, C_FUTURE);
}

static int is_be(const dtok *t)
{
    return (t->len == 2 && !memcmp(t->low, "be", 2)) || (t->len == 5 && !memcmp(t->low, "being", 5));
}

static int tense_at(const ctx *c, size_t i0, size_t i1)
{
    /* nearest cue before the expression, else after it */
    for (size_t k = i0; k-- > 0;) {
        const dtok *t = &c->t[k];
        const lexent *f = lex_has(t, C_FUTURE);
        if (f && f->ival == 4 && k >= 1 && c->t[k - 1].len == 2 && !memcmp(c->t[k - 1].low, "to", 2))
            continue; /* a schedule verb as an infinitive: the tense is elsewhere */
        if (f && f->ival == 1) {
            /* a weak cue (planned, hopes, may) against a past verb after the expression (a
             * service planned for Saturday was canceled): the tense is unknown */
            for (size_t q = i1; q < c->n && q < i1 + 6; q++) {
                const dtok *v = &c->t[q];
                if (!is_pastword(v) || !lex_has(v, C_PAST))
                    continue;
                if (!tok_is(v, "was") && !tok_is(v, "were") && !tok_is(v, "had"))
                    return 0;
                /* an auxiliary: past only before a past participle (was canceled, not
                 * were planning) */
                const dtok *pp = q + 1 < c->n ? &c->t[q + 1] : NULL;
                if (pp && pp->len > 3 && pp->low[pp->len - 2] == 'e' && pp->low[pp->len - 1] == 'd' &&
                    !lex_has(pp, C_FUTURE))
                    return 0;
            }
        }
        if (f)
            return 1;
        if (is_pastword(t)) {
            /* a passive infinitive (would be held) is no past */
            if ((k >= 1 && is_be(&c->t[k - 1])) || (k >= 2 && is_be(&c->t[k - 2])))
                continue;
            return -1;
        }
    }
    for (size_t k = i1; k < c->n && k < i1 + 10; k++) {
        const dtok *t = &c->t[k];
        const lexent *f = lex_has(t, C_FUTURE);
        if (f && (f->ival == 2 || (f->ival == 3 && k + 1 < c->n && c->t[k + 1].len == 2 &&
                                   !memcmp(c->t[k + 1].low, "to", 2))))
            return 1; /* after the expression only auxiliaries, or "plans to" */
        if (is_pastword(t))
            return -1;
    }
    return 0;
}

/* ---- normalization ---- */

static long argi(const rule *r, const cap *caps, int k, int *has)
{
    if (k >= r->narg) {
        if (has)
            *has = 0;
        return 0;
    }
    const parg *g = &r->arg[k];
    if (g->isref) {
        if (has)
            *has = caps[g->ref].has;
        return caps[g->ref].ival;
    }
    if (has)
        *has = !(g->sval && !strcmp(g->sval, "-"));
    return g->ival;
}

static const char *args(const rule *r, const cap *caps, int k)
{
    if (k >= r->narg)
        return "";
    const parg *g = &r->arg[k];
    if (g->isref)
        return caps[g->ref].has && caps[g->ref].s ? caps[g->ref].s : "";
    return g->sval ? g->sval : "";
}

/* out = a b c, as snprintf(out, n, "%s%s%s", a, b, c) (n > 0). */
static void fmt_cat(char *out, size_t n, const char *a, const char *b, const char *c)
{
    const char *part[3] = {a, b, c};
    size_t k = 0;
    for (int q = 0; q < 3; q++)
        for (const char *p = part[q]; *p && k + 1 < n; p++)
            out[k++] = *p;
    out[k] = 0;
}

/* out = y, y-m or y-m-d (parts 1, 2, 3) as snprintf's "%04ld-%02ld-%02ld" prints them;
 * without printf when the numbers have their widths (most values are such dates). */
static void fmt_ymd(char *out, size_t n, long y, long m, long d, int parts)
{
    if (n >= 11 && y >= 0 && y <= 9999 && m >= 0 && m <= 99 && d >= 0 && d <= 99) {
        char *o = out;
        *o++ = (char)('0' + y / 1000), *o++ = (char)('0' + y / 100 % 10);
        *o++ = (char)('0' + y / 10 % 10), *o++ = (char)('0' + y % 10);
        if (parts >= 2)
            *o++ = '-', *o++ = (char)('0' + m / 10), *o++ = (char)('0' + m % 10);
        if (parts >= 3)
            *o++ = '-', *o++ = (char)('0' + d / 10), *o++ = (char)('0' + d % 10);
        *o = 0;
        return;
    }
    char tmp[72]; /* three longs; cut at n as snprintf(out, n, ...) would */
    if (parts == 1)
        snprintf(tmp, sizeof tmp, "%04ld", y);
    else if (parts == 2)
        snprintf(tmp, sizeof tmp, "%04ld-%02ld", y, m);
    else
        snprintf(tmp, sizeof tmp, "%04ld-%02ld-%02ld", y, m, d);
    fmt_cat(out, n, tmp, "", "");
}

static void fmt_day(char *out, size_t n, long days)
{
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    fmt_ymd(out, n, y, m, d, 3);
}

static void fmt_unit(char *out, size_t n, const char *u, long num, int x)
{
    /* u: Y M W D DE CE Q H MIN S WE */
    char nb[24];
    if (x) {
        snprintf(nb, sizeof nb, "X");
    } else if (num >= 0 && num < 1000000000) { /* "%ld" without printf */
        char rev[12];
        int k = 0;
        do
            rev[k++] = (char)('0' + num % 10);
        while (num /= 10);
        for (int q = 0; q < k; q++)
            nb[q] = rev[k - 1 - q];
        nb[k] = 0;
    } else {
        snprintf(nb, sizeof nb, "%ld", num);
    }
    if (!strcmp(u, "H"))
        fmt_cat(out, n, "PT", nb, "H");
    else if (!strcmp(u, "MIN"))
        fmt_cat(out, n, "PT", nb, "M");
    else if (!strcmp(u, "S"))
        fmt_cat(out, n, "PT", nb, "S");
    else if (!strcmp(u, "WE"))
        fmt_cat(out, n, "P", nb, "WE");
    else
        fmt_cat(out, n, "P", nb, u);
}

/* Year for a month (d <= 0) or a month and day without one: in the past tense the last
 * occurrence unless the next one is close (reported plans: "would be held Jan. 14"), in the
 * future the next one unless the last one is very close, else the nearest. */
static int infer_year(const ctx *c, int m, int d)
{
    int y = c->ay;
    long a, back, fwd;
    if (d <= 0) {
        a = (long)c->ay * 12 + c->am - 1;
        long x = (long)c->ay * 12 + m - 1;
        back = x <= a ? x : x - 12;
        fwd = x >= a ? x : x + 12;
        long db = a - back, df = fwd - a;
        long pick;
        if (c->tense < 0)
            pick = df <= 2 && db > 0 ? fwd : back;
        else if (c->tense > 0)
            pick = db == 0 ? back : fwd;
        else
            pick = df <= 2 && df < db ? fwd : back;
        return (int)(pick / 12);
    }
    a = c->aday;
    int dd = d > days_in_month(y, m) ? days_in_month(y, m) : d;
    long x = days_from_civil(y, m, dd);
    int yb = x <= a ? y : y - 1, yf = x >= a ? y : y + 1;
    int db2 = d > days_in_month(yb, m) ? days_in_month(yb, m) : d;
    int df2 = d > days_in_month(yf, m) ? days_in_month(yf, m) : d;
    back = days_from_civil(yb, m, db2);
    fwd = days_from_civil(yf, m, df2);
    long db = a - back, df = fwd - a;
    if (c->tense < 0)
        return df <= 60 && db > 0 ? yf : yb;
    if (c->tense > 0)
        return db <= 30 ? yb : yf;
    return df <= 90 && df < db ? yf : yb;
}

static long wday_resolve(const ctx *c, int w, int rel)
{
    int aw = weekday(c->aday);
    long back = c->aday - ((aw - w + 7) % 7);      /* on or before */
    long fwd = c->aday + ((w - aw + 7) % 7);       /* on or after */
    if (rel < 0)
        return back == c->aday ? back - 7 : back;  /* last Friday */
    if (rel > 0)
        return fwd == c->aday ? fwd + 7 : fwd;     /* next Friday */
    if (w == aw)
        return c->aday;
    if (c->tense > 0)
        return fwd;
    return back;
}

static void add_months(int *y, int *m, long k)
{
    long t = (long)*y * 12 + (*m - 1) + k;
    *y = (int)(t / 12);
    *m = (int)(t % 12) + 1;
}

/* A date at the granularity of unit u, shifted by k units from the anchor. */
static int rel_value(const ctx *c, const char *u, long k, char *out, size_t n)
{
    if (!c->ay)
        return 0;
    if (!strcmp(u, "D")) {
        fmt_day(out, n, c->aday + k);
    } else if (!strcmp(u, "W") || !strcmp(u, "WE")) {
        int wy, wn;
        iso_week(c->aday + 7 * k, &wy, &wn);
        snprintf(out, n, "%04d-W%02d%s", wy, wn, !strcmp(u, "WE") ? "-WE" : "");
    } else if (!strcmp(u, "M")) {
        int y = c->ay, m = c->am;
        add_months(&y, &m, k);
        fmt_ymd(out, n, y, m, 0, 2);
    } else if (!strcmp(u, "Q")) {
        int y = c->ay, m = c->am;
        add_months(&y, &m, 3 * k);
        snprintf(out, n, "%04d-Q%d", y, (m - 1) / 3 + 1);
    } else if (!strcmp(u, "Y")) {
        snprintf(out, n, "%04ld", c->ay + k);
    } else if (!strcmp(u, "DE")) {
        snprintf(out, n, "%03ld", c->ay / 10 + k);
    } else if (!strcmp(u, "CE")) {
        snprintf(out, n, "%02ld", c->ay / 100 + k);
    } else if (!strcmp(u, "H") || !strcmp(u, "MIN")) {
        fmt_day(out, n, c->aday);
    } else {
        return 0;
    }
    return 1;
}

static int holiday_day(const char *h, int y, int *m, int *d)
{
    /* MM-DD fixed, or NTH-WDAY-MONTH like 4-4-11 (4th Thursday of November) */
    int a, b, cc;
    if (!strncmp(h, "EASTER", 6)) { /* Easter Sunday (Gregorian computus), EASTER-2 Good Friday */
        int ga = y % 19, gb = y / 100, gc = y % 100, dd = gb / 4, e = gb % 4, f = (gb + 8) / 25;
        int g = (gb - f + 1) / 3, hh = (19 * ga + gb - dd - g + 15) % 30, i = gc / 4, k = gc % 4;
        int l = (32 + 2 * e + 2 * i - hh - k) % 7, mm = (ga + 11 * hh + 22 * l) / 451;
        int em = (hh + l - 7 * mm + 114) / 31, ed = (hh + l - 7 * mm + 114) % 31 + 1;
        long day = days_from_civil(y, em, ed) + atol(h + 6);
        int yy;
        civil_from_days(day, &yy, m, d);
        return 1;
    }
    if (!strcmp(h, "BLACKFRIDAY") || !strcmp(h, "CYBERMONDAY")) { /* after Thanksgiving */
        long first = days_from_civil(y, 11, 1);
        long thanks = first + ((4 - weekday(first) + 7) % 7) + 21;
        int yy;
        civil_from_days(thanks + (h[0] == 'B' ? 1 : 4), &yy, m, d);
        return 1;
    }
    if (!strcmp(h, "ELECTION")) { /* the Tuesday after the first Monday of November */
        long first = days_from_civil(y, 11, 2);
        long day = first + ((2 - weekday(first) + 7) % 7);
        int yy;
        civil_from_days(day, &yy, m, d);
        return 1;
    }
    if (sscanf(h, "%d-%d-%d", &a, &b, &cc) == 3) {
        long first = days_from_civil(y, cc, 1);
        int wd = weekday(first);
        long day = first + ((b - wd + 7) % 7) + 7L * (a - 1);
        int yy;
        civil_from_days(day, &yy, m, d);
        return 1;
    }
    if (sscanf(h, "%d-%d", &a, &b) == 2) {
        *m = a;
        *d = b;
        return 1;
    }
    return 0;
}

static void clock_value(const rule *r, const cap *caps, int k, int *hh, int *mm)
{
    long v = argi(r, caps, k, NULL);
    const char *ap = args(r, caps, k + 1);
    if (!ap[0] && r->arg[k].isref)
        ap = caps[r->arg[k].ref].s ? caps[r->arg[k].ref].s : "";
    int h = (int)(v / 100), mi = (int)(v % 100);
    if (ap[0] == 'p' && h < 12)
        h += 12;
    if (ap[0] == 'a' && h == 12)
        h = 0;
    *hh = h;
    *mm = mi;
}

/* Applies rule r's function; writes the value (may be "" when it can't be resolved).
 * Returns 0 when the match must be rejected. */
static int normalize(ctx *c, const rule *r, const cap *caps, size_t i0, size_t i1, char *out,
                     size_t n)
{
    out[0] = 0;
    int h1, h2, h3;
    switch (r->fn) {
    case F_DATE: {
        long y = argi(r, caps, 0, &h1), m = argi(r, caps, 1, &h2), d = argi(r, caps, 2, &h3);
        if (!h2 || !h3 || m < 1 || m > 12 || d < 1 || d > 31)
            return 0;
        if (!h1) {
            if (!c->ay) {
                snprintf(out, n, "XXXX-%02ld-%02ld", m, d);
                return 1;
            }
            y = infer_year(c, (int)m, (int)d);
        }
        if (d > days_in_month((int)y, (int)m))
            return 0;
        fmt_ymd(out, n, y, m, d, 3);
        return 1;
    }
    case F_DATER: { /* $1 -1 last / 1 next, $2 month, $3 day: last Oct. 23 */
        long k = argi(r, caps, 0, NULL), m = argi(r, caps, 1, &h2), d = argi(r, caps, 2, &h3);
        if (!h2 || !h3 || m < 1 || m > 12 || d < 1 || d > 31)
            return 0;
        if (!c->ay)
            return 1;
        c->tense = k < 0 ? -1 : k > 0 ? 1 : c->tense;
        long y = infer_year(c, (int)m, (int)d);
        if (d > days_in_month((int)y, (int)m))
            return 0;
        fmt_ymd(out, n, y, m, d, 3);
        return 1;
    }
    case F_MONTH: {
        long y = argi(r, caps, 0, &h1), m = argi(r, caps, 1, &h2);
        if (!h2 || m < 1 || m > 12)
            return 0;
        if (!h1) {
            if (!c->ay) {
                snprintf(out, n, "XXXX-%02ld", m);
                return 1;
            }
            y = infer_year(c, (int)m, 0);
        }
        fmt_ymd(out, n, y, m, 0, 2);
        return 1;
    }
    case F_MONTHR: { /* $1 month, $2 -1 last / 0 this / 1 next */
        long m = argi(r, caps, 0, &h1), k = argi(r, caps, 1, NULL);
        if (!h1 || m < 1 || m > 12)
            return 0;
        if (!c->ay)
            return 1;
        long y = c->ay;
        if (k < 0 && m >= c->am)
            y--;
        else if (k > 0 && m <= c->am)
            y++;
        fmt_ymd(out, n, y, m, 0, 2);
        return 1;
    }
    case F_MONTHREL: { /* month $1 with year offset $2 (last year / next year / this year) */
        long m = argi(r, caps, 0, &h1), k = argi(r, caps, 1, &h2);
        if (!h1)
            return 0;
        if (!c->ay)
            return 1;
        snprintf(out, n, "%04ld-%02ld", c->ay + k, m);
        return 1;
    }
    case F_YEAR: {
        long y = argi(r, caps, 0, &h1);
        if (!h1)
            return 0;
        /* a number that only looks like a year: 2000 people, about 1500 */
        if (i1 < c->n) {
            const dtok *nx = &c->t[i1];
            int yearprep = 0; /* in 1999 people voted */
            if (i0 > 0) {
                const dtok *pv = &c->t[i0 - 1];
                static const char *const yp[] = {"in", "since", "until", "till", "before",
                                                 "after", "during"};
                for (size_t q = 0; q < sizeof yp / sizeof *yp; q++)
                    if (pv->len == strlen(yp[q]) && !memcmp(pv->low, yp[q], pv->len))
                        yearprep = 1;
            }
            if ((lex_has(nx, C_COUNTNOUN) && !yearprep) || lex_has(nx, C_UNIT) ||
                lex_has(nx, C_UNITS))
                return 0;
            if (nx->len == 1 && (nx->low[0] == '%' || nx->low[0] == '-') && i1 + 1 < c->n &&
                nx->low[0] == '%')
                return 0;
        }
        if (i0 > 0) {
            const dtok *pv = &c->t[i0 - 1];
            if (lex_has(pv, C_QTY) || (pv->len == 1 && pv->low[0] && strchr("$#", pv->low[0])) ||
                (pv->len == 2 && (!memcmp(pv->low, "\xC2\xA3", 2) || !memcmp(pv->low, "\xC2\xA5", 2))) ||
                (pv->len == 3 && !memcmp(pv->low, "\xE2\x82\xAC", 3)))
                return 0;
            if (pv->len == 1 && pv->low[0] == '-' && i0 >= 2 && (c->t[i0 - 2].flags & NF_T_NUM) &&
                !(c->t[i0 - 2].len == 4 && all_digits(c->t[i0 - 2].low, 4)))
                return 0; /* 15-2000, but 1999-2000 */
        }
        if (y < 1900 && !(i0 > 0 && lex_has(&c->t[i0 - 1], C_PREP)))
            return 0;
        fmt_ymd(out, n, y, 0, 0, 1);
        return 1;
    }
    case F_DECADE: {
        long d = argi(r, caps, 0, &h1);
        if (!h1)
            return 0;
        snprintf(out, n, "%03ld", d);
        return 1;
    }
    case F_DECADEY: { /* the 1990's */
        long y = argi(r, caps, 0, &h1);
        if (!h1 || y % 10)
            return 0;
        snprintf(out, n, "%03ld", y / 10);
        return 1;
    }
    case F_ANAPH: { /* $1 unit D M Y W, $2 offset: the last date the text named (else the
                     * article's), at the granularity it has: later that day, the next day */
        const char *u = args(r, caps, 0);
        long k = argi(r, caps, 1, NULL);
        int need = !strcmp(u, "Y") ? 4 : !strcmp(u, "M") ? 7 : 10;
        int y = c->ay, m = c->am, d = c->ad, have = c->ay ? 10 : 0;
        for (size_t q = c->a->ntx; q-- > 0;) {
            const char *v = c->a->tx[q].value;
            if (!(c->a->tx[q].type == NF_TX_DATE || c->a->tx[q].type == NF_TX_TIME))
                continue;
            size_t vl = strlen(v);
            if (vl < 4 || !all_digits(v, 4) || (vl > 4 && v[4] != '-'))
                continue;
            int vy = (int)atol_n(v, 4), vm = 0, vd = 0, vh = 4;
            if (vl >= 7 && all_digits(v + 5, 2)) {
                vm = (int)atol_n(v + 5, 2);
                vh = 7;
                if (vl >= 10 && v[7] == '-' && all_digits(v + 8, 2)) {
                    vd = (int)atol_n(v + 8, 2);
                    vh = 10;
                }
            } else if (vl > 4) {
                continue; /* a week, quarter or season: no day in it */
            }
            if ((vh >= 7 && (vm < 1 || vm > 12)) || (vh == 10 && (vd < 1 || vd > days_in_month(vy, vm))))
                continue;
            y = vy, m = vm, d = vd, have = vh;
            break;
        }
        if (!have)
            return 1;
        if (have < need)
            need = have; /* that same day, after "last October": 1998-10 */
        if (need == 4) {
            snprintf(out, n, "%04ld", y + (!strcmp(u, "Y") ? k : 0));
        } else if (need == 7) {
            add_months(&y, &m, !strcmp(u, "M") ? k : 0);
            fmt_ymd(out, n, y, m, 0, 2);
        } else if (!strcmp(u, "W")) {
            int wy, wn;
            iso_week(days_from_civil(y, m, d) + 7 * k, &wy, &wn);
            snprintf(out, n, "%04d-W%02d", wy, wn);
        } else {
            fmt_day(out, n, days_from_civil(y, m, d) + k);
        }
        return 1;
    }
    case F_CENTURY: { /* $1: ordinal century (20th -> 19) */
        long k = argi(r, caps, 0, &h1);
        if (!h1 || k < 1 || k > 30)
            return 0;
        snprintf(out, n, "%02ld", k - 1);
        return 1;
    }
    case F_WDAY:
    case F_WDAYREL:
    case F_WDAYPOD: {
        long w = argi(r, caps, 0, &h1);
        if (!h1 || w < 1 || w > 7)
            return 0;
        if (!c->ay)
            return 1;
        long rel = r->fn == F_WDAYREL ? argi(r, caps, 1, NULL) : 0;
        long day = wday_resolve(c, (int)w, (int)rel);
        fmt_day(out, n, day);
        if (r->fn == F_WDAYPOD) {
            const char *p = args(r, caps, 1);
            size_t l = strlen(out);
            if (p[0] == 'T')
                snprintf(out + l, n - l, "%s", p);
            else if (p[0])
                snprintf(out + l, n - l, "T%s", p);
        }
        return 1;
    }
    case F_DAYPOD: { /* $1 day offset, $2 part of day */
        long k = argi(r, caps, 0, NULL);
        if (!c->ay)
            return 1;
        fmt_day(out, n, c->aday + k);
        const char *p = args(r, caps, 1);
        size_t l = strlen(out);
        if (p[0] == 'T')
            snprintf(out + l, n - l, "%s", p);
        else if (p[0])
            snprintf(out + l, n - l, "T%s", p);
        return 1;
    }
    case F_DAY: {
        long k = argi(r, caps, 0, NULL);
        if (!c->ay)
            return 1;
        fmt_day(out, n, c->aday + k);
        return 1;
    }
    case F_WEEKOF: { /* $1 year (- = inferred), $2 month, $3 day: the ISO week holding it */
        long y = argi(r, caps, 0, &h1), m = argi(r, caps, 1, &h2), d = argi(r, caps, 2, &h3);
        if (!h2 || !h3 || m < 1 || m > 12 || d < 1 || d > 31)
            return 0;
        if (!h1) {
            if (!c->ay)
                return 1;
            y = infer_year(c, (int)m, (int)d);
        }
        if (d > days_in_month((int)y, (int)m))
            return 0;
        int wy, wn;
        iso_week(days_from_civil((int)y, (int)m, (int)d), &wy, &wn);
        snprintf(out, n, "%04d-W%02d", wy, wn);
        return 1;
    }
    case F_WEEKEND: { /* the weekend: this one on a Saturday or Sunday, else the last one in
                       * the past tense (news reports the past) and the coming one in the future */
        if (!c->ay)
            return 1;
        int aw = weekday(c->aday);
        long k = (aw >= 6 || c->tense > 0) ? 0 : -1;
        rel_value(c, "WE", k, out, n);
        return 1;
    }
    case F_REL: {
        const char *u = args(r, caps, 0);
        long k = argi(r, caps, 1, NULL);
        if (!u[0])
            return 0;
        if (!rel_value(c, u, k, out, n))
            out[0] = 0;
        return 1;
    }
    case F_AGO:
    case F_LATER: {
        long k = argi(r, caps, 0, &h1);
        const char *u = args(r, caps, 1);
        if (!h1 || !u[0] || k > 10000)
            return 0;
        if (!strcmp(args(r, caps, 0), "X")) {
            snprintf(out, n, "%s", r->fn == F_AGO ? "PAST_REF" : "FUTURE_REF");
            return 1;
        }
        if (!c->ay)
            return 1;
        if (r->fn == F_AGO)
            k = -k;
        if (!strcmp(u, "DE")) {
            snprintf(out, n, "%04ld", c->ay + 10 * k);
            return 1;
        }
        if (!strcmp(u, "CE")) {
            snprintf(out, n, "%04ld", c->ay + 100 * k);
            return 1;
        }
        if (!strcmp(u, "H") || !strcmp(u, "MIN"))
            k = 0;
        if (!rel_value(c, u, k, out, n))
            out[0] = 0;
        return 1;
    }
    case F_DUR: {
        long k = argi(r, caps, 0, &h1);
        const char *u = args(r, caps, 1);
        if (!h1 || !u[0] || k > 100000)
            return 0;
        if (i1 > 0 && (c->t[i1 - 1].flags & NF_T_CAP) && !(c->t[i1 - 1].flags & NF_T_SENT0) &&
            i1 - 1 > i0)
            return 0; /* a name: 60 Minutes */
        fmt_unit(out, n, u, k, !strcmp(args(r, caps, 0), "X"));
        /* "50 million copies a year", "10% a year": a rate, that is a set */
        if (k == 1 && i0 < c->n && (c->t[i0].len == 1 || c->t[i0].len == 2) &&
            (c->t[i0].low[0] == 'a' || c->t[i0].low[0] == 'p')) {
            for (size_t q = i0; q-- > 0 && q + 4 > i0;) {
                const dtok *pv = &c->t[q];
                if ((pv->flags & NF_T_NUM) || lex_has(pv, C_RATE)) {
                    c->type_ovr = NF_TX_SET;
                    break;
                }
            }
        }
        return 1;
    }
    case F_DURX: {
        const char *u = args(r, caps, 0);
        if (!u[0])
            return 0;
        if ((c->t[i1 - 1].flags & NF_T_CAP) && !(c->t[i1 - 1].flags & NF_T_SENT0))
            return 0; /* a name: 60 Minutes */
        fmt_unit(out, n, u, 0, 1);
        return 1;
    }
    case F_SET: {
        const char *u = args(r, caps, 0);
        long k = r->narg > 1 ? argi(r, caps, 1, NULL) : 1;
        if (!u[0])
            return 0;
        fmt_unit(out, n, u, k ? k : 1, 0);
        return 1;
    }
    case F_NONE:
        return 1;
    case F_VAL: {
        const char *v = args(r, caps, 0);
        if (!strcmp(v, "FUTURE_REF") || !strcmp(v, "PAST_REF")) {
            /* the future of the party, the future leadership: no time */
            if (i1 < c->n && (c->t[i1].flags & NF_T_WORD) && !lex_has(&c->t[i1], C_REFNEXT))
                return 0;
        }
        if (r->type == NF_TX_SET && i0 < c->n && (c->t[i0].flags & NF_T_CAP) &&
            !(c->t[i0].flags & NF_T_SENT0))
            return 0; /* the Daily Mail */
        fmt_cat(out, n, v, "", "");
        return 1;
    }
    case F_SEASON: { /* $1 season, $2 -1 last / 0 this / 1 next, or T: by tense */
        const char *sn = args(r, caps, 0);
        long k = argi(r, caps, 1, NULL);
        int bytense = !r->arg[1].isref && r->arg[1].sval && !strcmp(r->arg[1].sval, "T");
        if (!sn[0])
            return 0;
        if (i1 < c->n && c->t[i1].len == 2 && !memcmp(c->t[i1].low, "of", 2))
            return 0; /* the fall of Kabul */
        if (bytense && !strcmp(sn, "FA") && i1 < c->n && lex_has(&c->t[i1], C_REFNEXT))
            return 0; /* the fall in prices */
        if (!c->ay)
            return 1;
        /* seasons in year order: SP 1, SU 2, FA 3, WI 4 (December to February) */
        int t = !strcmp(sn, "SP") ? 1 : !strcmp(sn, "SU") ? 2 : !strcmp(sn, "FA") ? 3 : 4;
        int cs = c->am >= 3 && c->am <= 5 ? 1 : c->am >= 6 && c->am <= 8 ? 2
                 : c->am >= 9 && c->am <= 11 ? 3 : 4;
        int cy = c->am <= 2 ? c->ay - 1 : c->ay;
        int y;
        if (bytense)
            k = c->tense > 0 ? 2 : -2;
        if (k == -1)
            y = t < cs ? cy : cy - 1;
        else if (k == 1)
            y = t > cs ? cy : cy + 1;
        else if (k == -2)
            y = t <= cs ? cy : cy - 1;
        else if (k == 2)
            y = t >= cs ? cy : cy + 1;
        else
            y = c->ay;
        snprintf(out, n, "%04d-%s", y, sn);
        return 1;
    }
    case F_SEASONY: {
        const char *s = args(r, caps, 0);
        long y = argi(r, caps, 1, &h2);
        if (!s[0] || !h2)
            return 0;
        snprintf(out, n, "%04ld-%s", y, s);
        return 1;
    }
    case F_QUARTER: /* $1 quarter number, $2 year offset, or T: by tense */
    case F_HALF: {
        long q = argi(r, caps, 0, &h1), k = argi(r, caps, 1, NULL);
        int nq = r->fn == F_QUARTER ? 4 : 2;
        if (!h1 || q < 1 || q > nq)
            return 0;
        if (!c->ay)
            return 1;
        int cq = r->fn == F_QUARTER ? (c->am - 1) / 3 + 1 : (c->am - 1) / 6 + 1;
        if (!r->arg[1].isref && r->arg[1].sval && !strcmp(r->arg[1].sval, "T"))
            k = (q > cq && c->tense <= 0) ? -1 : 0;
        snprintf(out, n, "%04ld-%c%ld", c->ay + k, r->fn == F_QUARTER ? 'Q' : 'H', q);
        return 1;
    }
    case F_HALFY: {
        long q = argi(r, caps, 0, &h1), y = argi(r, caps, 1, &h2);
        if (!h1 || !h2 || q < 1 || q > 2)
            return 0;
        snprintf(out, n, "%04ld-H%ld", y, q);
        return 1;
    }
    case F_QUARTERY: {
        long q = argi(r, caps, 0, &h1), y = argi(r, caps, 1, &h2);
        if (!h1 || !h2 || q < 1 || q > 4)
            return 0;
        snprintf(out, n, "%04ld-Q%ld", y, q);
        return 1;
    }
    case F_CLOCKZ: /* a clock reading only with its am/pm: 9:30am (not Duration 2:05) */
        if (!r->arg[0].isref || !caps[r->arg[0].ref].s)
            return 0;
        /* fall through */
    case F_CLOCK:
    case F_CLOCKW: { /* $1 clock value (HHMM), $2 am/pm; clockw: $3 weekday */
        int hh, mm;
        clock_value(r, caps, 0, &hh, &mm);
        if (hh > 24 || mm > 59)
            return 0;
        if (!c->ay)
            return 1;
        long day = c->aday;
        long w = 0;
        if (r->fn == F_CLOCKW) {
            w = argi(r, caps, 2, &h3);
            if (!h3)
                w = 0;
        }
        /* the day it falls on: a weekday or today/yesterday/tomorrow close by */
        long dayoff = 0;
        int found = w >= 1 && w <= 7;
        for (size_t q = i1; !found && q < c->n && q < i1 + 6; q++) {
            const lexent *le = lex_has(&c->t[q], C_WDAY);
            if (le) {
                w = le->ival;
                found = 1;
            } else if (c->t[q].len == 9 && !memcmp(c->t[q].low, "yesterday", 9)) {
                dayoff = -1, found = 2;
            } else if (c->t[q].len == 8 && !memcmp(c->t[q].low, "tomorrow", 8)) {
                dayoff = 1, found = 2;
            } else if (c->t[q].len == 1 && (c->t[q].low[0] == ',' || c->t[q].low[0] == ';')) {
                break;
            }
        }
        for (size_t q = i0; !found && q-- > 0 && q + 4 > i0;) {
            const lexent *le = lex_has(&c->t[q], C_WDAY);
            if (le) {
                w = le->ival;
                found = 1;
            }
        }
        if (found == 1 && w >= 1 && w <= 7)
            day = wday_resolve(c, (int)w, 0);
        else if (found == 2)
            day = c->aday + dayoff;
        fmt_day(out, n, day);
        size_t l = strlen(out);
        snprintf(out + l, n - l, "T%02d:%02d", hh, mm);
        return 1;
    }
    case F_DMY:
    case F_MDY: {
        if (!r->arg[0].isref)
            return 0;
        const cap *cp = &caps[r->arg[0].ref];
        if (!cp->y)
            return 0;
        fmt_ymd(out, n, cp->y, cp->m, cp->d, 3);
        return 1;
    }
    case F_HOLIDAYW:
    case F_HOLIDAY:
    case F_HOLIDAYY: {
        const char *h = args(r, caps, 0);
        int m, d;
        long y;
        if (r->fn == F_HOLIDAYY) {
            y = argi(r, caps, 1, &h2);
            if (!h2)
                return 0;
        } else {
            if (!c->ay)
                return 1;
            long k = argi(r, caps, 1, &h2);
            y = c->ay + (h2 ? k : 0);
            if (!h2) {
                int mm, dd;
                if (!holiday_day(h, (int)y, &mm, &dd))
                    return 0;
                long x = days_from_civil(y, mm, dd);
                if (c->tense <= 0 && x > c->aday + 2 && x - c->aday > 183)
                    y--;
                else if (c->tense > 0 && x < c->aday - 2)
                    y++;
                else if (c->tense < 0 && x > c->aday + 7)
                    y--;
            }
        }
        if (!holiday_day(h, (int)y, &m, &d))
            return 0;
        if (r->fn == F_HOLIDAYW) { /* Easter week */
            int wy, wn;
            iso_week(days_from_civil(y, m, d), &wy, &wn);
            snprintf(out, n, "%04d-W%02d", wy, wn);
            return 1;
        }
        fmt_ymd(out, n, y, m, d, 3);
        return 1;
    }
    }
    return 0;
}

/* The first occurrence of pat (n bytes) in s[0..len), or NULL (memmem is not C17). */
static const char *find_str(const char *s, size_t len, const char *pat, size_t n)
{
    const char *end = s + len;
    while ((size_t)(end - s) >= n) {
        const char *p = memchr(s, pat[0], (size_t)(end - s) - n + 1);
        if (!p)
            return NULL;
        if (!memcmp(p, pat, n))
            return p;
        s = p + 1;
    }
    return NULL;
}

/* The first "www." in s[0..len), or NULL: found by its dot (rarer in text than a w). */
static const char *find_www(const char *s, size_t len)
{
    for (size_t i = 3; i < len; i++) {
        const char *dot = memchr(s + i, '.', len - i);
        if (!dot)
            return NULL;
        i = (size_t)(dot - s);
        if (!memcmp(dot - 3, "www", 3))
            return dot - 3;
    }
    return NULL;
}

/* ---- the sentence's date ---- */

/* A value on the calendar (2021-12-17, 2021-W49, XXXX-12-07), not PRESENT_REF and the like. */
static int is_calendar(const char *v)
{
    return nf_isdigit((unsigned char)v[0]) || !strncmp(v, "XXXX-", 5);
}

static int is_report_word(const ctx *c, size_t k)
{
    /* lower case: "said", not the United "States" */
    return lex_has(&c->t[k], C_REPORT) != NULL && !(c->t[k].flags & NF_T_CAP);
}

/* Token k starts a name or title: a capitalized word inside the clause that is no date word
 * (June Carter, Saturday Night Takeaway; not "in May Labour won", where May is preceded by a
 * preposition, nor "Monday, December 6"). */
static int name_word(const ctx *c, size_t k)
{
    if (k >= c->n)
        return 0;
    const dtok *t = &c->t[k];
    if (!(t->flags & NF_T_WORD) || !(t->flags & NF_T_CAP) || (t->flags & NF_T_UPPER) ||
        opens_clause(c, k))
        return 0;
    const uint32_t datecls = (1u << C_MONTH) | (1u << C_WDAY) | (1u << C_POD) |
                             (1u << C_HOLIDAY) | (1u << C_SEASON) | (1u << C_UNIT) | (1u << C_UNITS);
    return !(t->mask & datecls);
}

/* A date word used in a name or title, not as a date: the match [s, e) of rule r is
 * - a bare month name before a name, with no word that introduces a date in front of it
 *   (with June Carter Cash, rival May Department Stores, the annual March for Life; kept:
 *   in May Labour won, the September Tankan);
 * - a weekday after "the" or a possessive, before a name (GMTV's Sunday Programme, Ant &
 *   Dec's Saturday Night Takeaway; kept: on Wednesday Irish ministers...), or with its part
 *   of the day in capitals before a name (for Saturday Night Takeaway);
 * - daily, weekly or monthly naming a newspaper (the Swiss daily Le Matin, trade weekly
 *   Screen International, a daily newspaper). */
static int name_use(const ctx *c, const rule *r, size_t s, size_t e)
{
    const dtok *t = &c->t[s];
    const dtok *p = s > 0 ? &c->t[s - 1] : NULL;
    const lexent *mon = lex_has(t, C_MONTH);
    if (r->fn == F_MONTH && e == s + 1 && mon && !(mon->flags & LF_ABBR)) {
        if (!(name_word(c, e) || (e + 1 < c->n && (tok_is(&c->t[e], "for") || tok_is(&c->t[e], "of")) &&
                                  name_word(c, e + 1))))
            return 0;
        if (!p || (t->flags & NF_T_SENT0))
            return 1;
        if (lex_has(p, C_PREP) || lex_has(p, C_REL) || lex_has(p, C_MOD) || lex_has(p, C_NUMW) ||
            lex_has(p, C_ORD) || (p->flags & NF_T_NUM) || tok_is(p, "'s") || tok_is(p, "\xe2\x80\x99s"))
            return 0;
        /* besides the prepositions before a year (PREP: in, since, by, of, early...) */
        static const char *const lead[] = {"the", "on", "and", "or", "this", "every", "each", "last",
                                           "next"};
        for (size_t k = 0; k < sizeof lead / sizeof *lead; k++)
            if (tok_is(p, lead[k]))
                return 0;
        return !(p->flags & NF_T_PUNCT) || (p->flags & NF_T_QUOTE);
    }
    if (r->fn == F_WDAYPOD && e == s + 2 && lex_has(t, C_WDAY) && (c->t[s + 1].flags & NF_T_CAP) &&
        !(c->t[s + 1].flags & NF_T_UPPER) && name_word(c, e))
        return 1; /* a title in capitals: Saturday Night Takeaway, Monday Night Football */
    if ((r->fn == F_WDAY || r->fn == F_WDAYPOD) && lex_has(t, C_WDAY) && p && name_word(c, e))
        return tok_is(p, "the") || tok_is(p, "'s") || tok_is(p, "\xe2\x80\x99s") || tok_is(p, "like");
    if (r->type == NF_TX_SET && e == s + 1 &&
        (tok_is(t, "daily") || tok_is(t, "weekly") || tok_is(t, "monthly")) && e < c->n) {
        static const char *const paper[] = {"newspaper", "newspapers", "paper", "papers", "magazine",
                                            "magazines", "tabloid", "broadsheet", "newsletter",
                                            "publication", "journal", "newsmagazine"};
        for (size_t k = 0; k < sizeof paper / sizeof *paper; k++)
            if (tok_is(&c->t[e], paper[k]))
                return 1;
        return name_word(c, e);
    }
    return 0;
}

/* The best match at a token so far: the longest, then the first rule. */
typedef struct {
    size_t end;   /* token after the match, 0: none yet */
    int rule;
    char val[32];
    size_t s, e;  /* the mention's tokens */
    int type;
} rmatch;

/* The shapes of token t (bit per S_*): those k where match_shape(c, t, k) holds, found
 * without asking match_shape of each. A number of digits only (most numbers) has no shape
 * with a separator or suffix (%DECADE 1990s, %DOTDATE, %SLASHDATE, %CLOCK, %HOURAP need one,
 * and %DAY then takes the digits alone); other numbers have none of the all-digit shapes
 * (%YEAR %MON %NUM %HOUR) and ask match_shape for the rest. */
static uint32_t shapes_of(const ctx *c, const dtok *t)
{
    if (!(t->flags & NF_T_NUM))
        return 0;
    const char *s = t->low;
    size_t n = t->len, k = 0;
    while (k < n && nf_isdigit((unsigned char)s[k]))
        k++;
    uint32_t m = 0;
    if (k == n) {
        long v = atol_n(s, n);
        if (n == 4 && v >= 1000 && v <= 2199)
            m |= 1u << S_YEAR;
        if (n <= 2 && v >= 1 && v <= 31)
            m |= 1u << S_DAY;
        if (n <= 2 && v >= 1 && v <= 12)
            m |= 1u << S_MON | 1u << S_HOUR;
        if (n >= 1 && n <= 6)
            m |= 1u << S_NUM;
        return m;
    }
    /* Each of those shapes has one mark right after its first digits: %DAY a suffix (3rd
     * 21st 2nd 4th), %DECADE an s (1990s), %DOTDATE a dot, %SLASHDATE a slash, %CLOCK a colon
     * or dot (10:35 9.30am), %HOURAP am|pm (10pm). Only those the mark allows are asked (most
     * marked numbers, 70,000 1.5, have none). */
    static const int8_t marked[] = {S_DAY, S_DECADE, S_DOTDATE, S_SLASHDATE, S_CLOCK, S_HOURAP};
    uint32_t may;
    switch (s[k]) {
    case 's':
        may = 1u << S_DAY | 1u << S_DECADE;
        break;
    case 'n': case 'r': case 't':
        may = 1u << S_DAY;
        break;
    case '.':
        may = 1u << S_DOTDATE | 1u << S_CLOCK;
        break;
    case '/':
        may = 1u << S_SLASHDATE;
        break;
    case ':':
        may = 1u << S_CLOCK;
        break;
    case 'a': case 'p':
        may = 1u << S_HOURAP;
        break;
    default:
        return 0;
    }
    for (size_t q = 0; q < sizeof marked; q++) {
        cap cp;
        if ((may & 1u << marked[q]) && match_shape(c, t, marked[q], &cp))
            m |= 1u << marked[q];
    }
    return m;
}

/* Whether next token nx (NULL: none) meets need nd (see rneed). */
static inline int need_met(const date_engine *de, const rneed *nd, const dtok *nx)
{
    if (nd->any)
        return 1;
    if (!nx)
        return 0;
    if ((nd->num && (nx->flags & NF_T_NUM)) || (nd->cls & nx->mask))
        return 1;
    return nx->lw && (nd->words >> (((size_t)(nx->lw - de->lexpool) + 1) & 31) & 1);
}

/* Whether the tokens after i meet what a rule's fixed elements need of them (its rpre r):
 * when not, match_rule(c, rule, 0, i) fails. */
static inline int pre_met(const ctx *c, const rpre *r, size_t i)
{
    for (int k = 0; k < r->n; k++) {
        const pneed *p = &r->p[k];
        int met = 0;
        for (size_t o = i + p->lo; o <= i + p->hi && !met; o++) {
            const dtok *t = o < c->n ? &c->t[o] : NULL;
            /* a token that meets a need of a shape is a number (nd.num) */
            met = need_met(c->de, &p->nd, t) && (!p->shapes || (shapes_of(c, t) & p->shapes));
        }
        if (!met)
            return 0;
    }
    return 1;
}

/* Tries the rule of list entry code at token i and keeps it in *b when it is better. The
 * result does not depend on the order in which rules are tried. */
static void try_rule(ctx *c, int code, size_t i, rmatch *b)
{
    int ri = code & 0x3FFFFF;
    const rule *r = &c->de->rules[ri];
    cap caps[MAXEL];
    size_t e = match_rule(c, r, 0, i, caps);
    if (!e || e < b->end || (e == b->end && ri > b->rule))
        return;
    /* mention span: without context elements */
    size_t ms = i, me = e, pos = i;
    int seen = 0;
    for (int k = 0; k < r->nel; k++) {
        if (!caps[k].has && r->el[k].opt)
            continue;
        if (!r->el[k].ctx) {
            if (!seen)
                ms = pos;
            seen = 1;
            me = pos + 1;
        }
        pos++;
    }
    if (!seen)
        return;
    c->tense = tense_at(c, ms, me);
    c->type_ovr = -1;
    char val[32];
    if (!normalize(c, r, caps, ms, me, val, sizeof val))
        return;
    b->end = e;
    b->rule = ri;
    memcpy(b->val, val, sizeof val);
    b->type = c->type_ovr >= 0 ? c->type_ovr : r->type;
    b->s = ms, b->e = me;
}

/* Tries list entry code at token i (try_rule), unless the tokens after i miss what its rule
 * needs of them (pre_met): then match_rule would fail, and with c->slow it is asked, and
 * counted in c->missed when it does not. */
static inline void try_entry(ctx *c, int code, size_t i, rmatch *b)
{
    if (pre_met(c, &c->de->pre[code & 0x3FFFFF], i)) {
        try_rule(c, code, i, b);
    } else if (c->slow) {
        cap caps[MAXEL];
        c->missed += match_rule(c, &c->de->rules[code & 0x3FFFFF], 0, i, caps) != 0;
    }
}

/* The shapes of t some rule starts with: shapes_of, or with c->slow match_shape of each
 * (counting in c->missed where shapes_of differs). */
static uint32_t start_shapes(ctx *c, const dtok *t)
{
    uint32_t m = shapes_of(c, t) & c->de->shapes;
    if (c->slow) {
        uint32_t ref = 0;
        for (int k = 0; k < S_NSHAPE; k++) {
            cap cp;
            if ((c->de->shapes & 1u << k) && match_shape(c, t, k, &cp))
                ref |= 1u << k;
        }
        c->missed += ref != m;
        m = ref;
    }
    return m;
}

/* Whether a rule can match at token i with its start shapes (start_shapes): false when
 * best_at would try no rule there (a word no rule starts with, or whose rules all need
 * something else of the next token), so that skipping i changes nothing. */
static int may_start(const ctx *c, size_t i, uint32_t shapes)
{
    const dtok *t = &c->t[i];
    const dtok *nx = i + 1 < c->n ? &c->t[i + 1] : NULL;
    if ((t->flags & DT_START) && need_met(c->de, &c->de->wneed[t->lw - c->de->lexpool], nx))
        return 1;
    for (; shapes; shapes &= shapes - 1)
        if (need_met(c->de, &c->de->sneed[__builtin_ctz(shapes)], nx))
            return 1;
    return 0;
}

/* The best rule match at token i, whose start shapes are shapes (start_shapes), into *b
 * (b->rule < 0: none). */
static void best_at(ctx *c, size_t i, uint32_t shapes, rmatch *b)
{
    const date_engine *de = c->de;
    const dtok *t = &c->t[i];
    *b = (rmatch){0, -1, "", 0, 0, 0};
    /* candidate rules */
    const rlist *lists[1 + MAXLEX + S_NSHAPE];
    int nl = 0;
    if (t->lw) { /* word_lists */
        const wstart *ws = &de->wstart[t->lw - de->lexpool];
        for (; nl < ws->nl; nl++)
            lists[nl] = ws->lists[nl];
    }
    for (; shapes; shapes &= shapes - 1)
        lists[nl++] = &de->byshape[__builtin_ctz(shapes)];
    const dtok *nx = i + 1 < c->n ? &c->t[i + 1] : NULL;
    for (int li = 0; li < nl; li++) {
        const rlist *l = lists[li];
        for (size_t q = 0; q < l->nany; q++)
            try_entry(c, l->any[q], i, b);
        if (!nx)
            continue;
        for (size_t q = 0; (nx->flags & NF_T_NUM) && q < l->nnum; q++)
            try_entry(c, l->num[q], i, b);
        if (!nx->lw)
            continue;
        for (uint32_t m = nx->mask; m && l->ncls; m &= m - 1) {
            uint32_t cls = (uint32_t)__builtin_ctz(m);
            for (size_t q = rkey_first(l->cls, l->ncls, cls); q < l->ncls && l->cls[q].key == cls; q++)
                try_entry(c, l->cls[q].code, i, b);
        }
        uint32_t wk = (uint32_t)(nx->lw - de->lexpool) + 1;
        for (size_t q = rkey_first(l->word, l->nword, wk); q < l->nword && l->word[q].key == wk; q++)
            try_entry(c, l->word[q].code, i, b);
    }
}

/* "the day before|after" right before a date of a day: that day's neighbour (the day before
 * last Tuesday's hearing, the day after Boxing Day), one expression. Extends *b and returns 1. */
static int day_next_to(ctx *c, rmatch *b)
{
    const rule *r = &c->de->rules[b->rule];
    if (r->fn != F_ANAPH || b->e != b->end || b->e - b->s != 3 || b->end >= c->n ||
        !tok_is(&c->t[b->s + 1], "day"))
        return 0;
    int k = tok_is(&c->t[b->s + 2], "before") ? -1 : tok_is(&c->t[b->s + 2], "after") ? 1 : 0;
    if (!k)
        return 0;
    rmatch n;
    best_at(c, b->end, start_shapes(c, &c->t[b->end]), &n);
    if (n.rule < 0 || c->de->rules[n.rule].fn == F_NONE || n.type != NF_TX_DATE ||
        strlen(n.val) != 10 || !all_digits(n.val, 4))
        return 0;
    long d = days_from_civil((int)atol_n(n.val, 4), (int)atol_n(n.val + 5, 2), (int)atol_n(n.val + 8, 2));
    fmt_day(b->val, sizeof b->val, d + k);
    b->e = n.e;
    b->end = n.end;
    return 1;
}

/* "April 24 and 25", "May 3-4": the second day of a date with its month (and year) is a date
 * of its own. Sets *cont to it when the tokens after the match b are a conjunction and a
 * later day of the month, not a count (April 24 and 25 people). */
static void second_day(const ctx *c, const rmatch *b, rmatch *cont)
{
    size_t j = b->end;
    if (b->e != b->end || j + 1 >= c->n || strlen(b->val) != 10 || !all_digits(b->val + 8, 2))
        return;
    const dtok *cj = &c->t[j], *d = &c->t[j + 1];
    if (!(tok_is(cj, "and") || tok_is(cj, "or") || tok_is(cj, "to") || tok_is(cj, "through") ||
          (cj->len == 1 && cj->low[0] == '-')))
        return;
    cap cp;
    if (!match_shape(c, d, S_DAY, &cp) || cp.ival <= atol_n(b->val + 8, 2))
        return;
    if (all_digits(b->val, 4) &&
        cp.ival > days_in_month((int)atol_n(b->val, 4), (int)atol_n(b->val + 5, 2)))
        return;
    if (j + 2 < c->n) {
        const dtok *f = &c->t[j + 2];
        if ((f->flags & NF_T_NUM) || lex_has(f, C_MONTH) ||
            ((f->flags & NF_T_WORD) && !(f->flags & NF_T_CAP) &&
             (lex_has(f, C_COUNTNOUN) || (f->len > 2 && f->low[f->len - 1] == 's'))))
            return;
    }
    *cont = *b;
    snprintf(cont->val + 8, sizeof cont->val - 8, "%02ld", cp.ival);
    cont->s = j + 1;
    cont->e = cont->end = j + 2;
}

/* Whether the token of text [s, e) with flags (as sent_tokens makes it), a number or a word
 * that may be a core word (core_may), meets a rule's core (mark_core): a core word, or a
 * number of a core shape. The text is not lower-cased yet (dates_run lower-cases only the
 * sentences that are not skipped): the token is, here. */
static int core_tok(const ctx *c, const char *tx, uint32_t s, uint32_t e, uint16_t flags)
{
    const date_engine *de = c->de;
    size_t l = e - s;
    char low[64 + 8]; /* + 8: word_head reads 8 bytes */
    if (flags & NF_T_NUM) {
        size_t n = l > 60 ? 60 : l; /* as dtok_add */
        nf_lower(tx + s, n, low);
        dtok d = {.low = low, .len = (uint16_t)n, .flags = flags};
        return (shapes_of(c, &d) & de->coreshapes) != 0;
    }
    if ((flags & NF_T_WORD) && l > 1 && tx[e - 1] == '.')
        l--;
    if (l - 1 >= de->lookmax) /* as dtok_add: no lexicon word (lookmax <= LOOKMAX < 64) */
        return 0;
    nf_lower(tx + s, l, low);
    memset(low + l, 0, 8);
    uint64_t h = lex_hash(word_head(low, l), l);
    unsigned f = lex_filter_bit(h);
    if (!(de->corefilter[f >> 6] >> (f & 63) & 1))
        return 0; /* no core word (the filter holds a bit of each) */
    const lexslot *x = lex_find(de, low, l, 1);
    return x && ((x->bits & LX_CORE) || ((x->bits & LX_CORECAP) && (flags & NF_T_CAP)));
}

/* Whether the token of text [s, e) with flags may meet a rule's core (core_tok): a number,
 * or a token of 2 bytes or more (core words have) whose first two bytes some core word of
 * its length (l, or l - 1 without a final period) has. Nineteen tokens in twenty are no
 * candidate (one look-up in a 4 KB table). */
static inline int core_may(const date_engine *de, const char *tx, uint32_t s, uint32_t e, uint16_t flags)
{
    uint32_t l = e - s; /* core_pair is blind to case: the text need not be lower-cased */
    return (flags & NF_T_NUM) || (l - 2 < 31 && (de->corelen[core_pair(tx + s)] >> (l - 1) & 3));
}

/* Whether a rule that makes an expression may match in sentence se: false when none of the
 * tokens sent_tokens would make of it (hyphenated words split) meets a rule's core, so that
 * the sentence has no expression. Half the sentences of news have no date word and no
 * number of a date's shape, and are skipped at the cost of a table look-up per token. */
static int sent_may_match(const ctx *c, const nf_sent *se)
{
    const date_engine *de = c->de;
    if (de->coreall)
        return 1;
    const nf_ana *a = c->a;
    const char *tx = a->doc.text;
    const nf_tok *t = a->tok + se->tok0, *tlast = t + se->ntok;
    if (t == tlast)
        return 0;
    /* the next hyphen at or after the current token (as in sent_tokens) */
    uint32_t tend = tlast[-1].end;
    const char *h = memchr(tx + t->start, '-', tend - t->start);
    uint32_t hy = h ? (uint32_t)(h - tx) : UINT32_MAX;
    for (; t < tlast; t++) {
        if (t->end <= hy || !(t->flags & NF_T_WORD)) {
            if (core_may(de, tx, t->start, t->end, t->flags) &&
                core_tok(c, tx, t->start, t->end, t->flags))
                return 1;
            continue;
        }
        if (hy < t->start) { /* the next hyphen, and this token again */
            h = memchr(tx + hy + 1, '-', tend - (hy + 1));
            hy = h ? (uint32_t)(h - tx) : UINT32_MAX;
            t--;
            continue;
        }
        /* a word with hyphen hy: its pieces and hyphens */
        uint32_t p = t->start;
        for (uint32_t q = t->start; q <= t->end; q++)
            if (q == t->end || tx[q] == '-') {
                uint16_t pf = (uint16_t)((nf_isdigit((unsigned char)tx[p]) ? NF_T_NUM : NF_T_WORD) |
                                         (nf_isupper((unsigned char)tx[p]) ? NF_T_CAP : 0));
                if (q > p && core_may(de, tx, p, q, pf) && core_tok(c, tx, p, q, pf))
                    return 1;
                if (q < t->end && core_may(de, tx, q, q + 1, NF_T_PUNCT) &&
                    core_tok(c, tx, q, q + 1, NF_T_PUNCT))
                    return 1;
                p = q + 1;
            }
    }
    return 0;
}

/* The sentence's tokens as sent_tokens makes them, and the candidates among them: the
 * indices, in order, of the tokens a match can start at (numbers and words some rule starts
 * with: best_at finds none elsewhere), or of every token (all, for the slow run). */
typedef struct {
    dtok *t;
    size_t n, cap;
    uint32_t *cand;
    size_t ncand;
    int all;
} dtoks;

/* Adds the token of text [s, e) with flags to *T: its lower-case text (in low), its length
 * without a final abbreviation period, its lexicon word; and to T's candidates when it is
 * one. */
static inline void dtok_add(const date_engine *de, dtoks *T, const char *low, uint32_t s,
                            uint32_t e, uint16_t flags)
{
    dtok *d = &T->t[T->n];
    T->cand[T->ncand] = (uint32_t)T->n++;
    d->start = s, d->end = e;
    d->low = low + s;
    size_t l = e - s;
    if ((flags & NF_T_WORD) && l > 1 && d->low[l - 1] == '.')
        l--;
    if (l > 60)
        l = 60;
    d->len = (uint16_t)l;
    /* 1 <= l <= LOOKMAX, and no longer than the longest word */
    const lexslot *x = l - 1 < de->lookmax ? lex_find(de, d->low, l, 1) : NULL;
    d->lw = x ? &de->lexpool[x->lex - 1] : NULL;
    d->mask = x ? x->mask : 0;
    d->flags = x && (x->bits & LX_START) ? flags | DT_START : flags;
    T->ncand += (d->flags & (DT_START | NF_T_NUM)) != 0 || T->all;
}

/* The tokens of sentence se into T (room for T->cap), hyphenated words split at their
 * hyphens, and their candidates (dtoks). */
static void sent_tokens(const date_engine *de, const nf_ana *a, const nf_sent *se,
                        const char *low, dtoks *out)
{
    const char *tx = a->doc.text;
    dtoks L = *out, *T = &L; /* a copy the compiler keeps in registers */
    T->n = T->ncand = 0;
    /* the hyphens under the sentence's tokens (in text order, not overlapping), one memchr
     * per hyphen: hy is the first at or after the current token, UINT32_MAX when none */
    uint32_t tbeg = se->ntok ? a->tok[se->tok0].start : se->start;
    uint32_t tend = se->ntok ? a->tok[se->tok0 + se->ntok - 1].end : se->start;
    const char *h = memchr(tx + tbeg, '-', tend - tbeg);
    uint32_t hy = h ? (uint32_t)(h - tx) : UINT32_MAX;
    /* bounds in locals: the stores to T's tokens could alias se's fields */
    const nf_tok *t = a->tok + se->tok0, *tlast = t + se->ntok;
    size_t lim = T->cap - 3;
    while (t < tlast && T->n < lim) {
        /* the tokens that end before hyphen hy hold none: each is one token (as many as there
         * is room for, lim - T->n) */
        size_t room = lim - T->n;
        const nf_tok *stop = (size_t)(tlast - t) < room ? tlast : t + room;
        for (; t < stop && t->end <= hy; t++)
            dtok_add(de, T, low, t->start, t->end, t->flags);
        if (t == stop)
            continue;
        if (hy < t->start) { /* the next hyphen */
            h = memchr(tx + hy + 1, '-', tend - (hy + 1));
            hy = h ? (uint32_t)(h - tx) : UINT32_MAX;
            continue;
        }
        /* hyphen hy is under t: a word is split at its hyphens */
        if (!(t->flags & NF_T_WORD)) {
            dtok_add(de, T, low, t->start, t->end, t->flags);
            t++;
            continue;
        }
        uint32_t p = t->start;
        for (uint32_t q = t->start; q <= t->end && T->n < lim; q++) {
            if (q == t->end || tx[q] == '-') {
                if (q > p)
                    dtok_add(de, T, low, p, q,
                             (uint16_t)((nf_isdigit((unsigned char)tx[p]) ? NF_T_NUM : NF_T_WORD) |
                                        (nf_isupper((unsigned char)tx[p]) ? NF_T_CAP : 0)));
                if (q < t->end)
                    dtok_add(de, T, low, q, q + 1, NF_T_PUNCT);
                p = q + 1;
            }
        }
        t++;
    }
    *out = L;
}

/* The date stage; with slow, without its fast paths (see nf_dates_run_slow). */
static int dates_run(nf_ana *a, int slow)
{
    const date_engine *de = a->eng ? a->eng->dates : NULL;
    a->ntx = 0;
    if (!de || !a->nsent || !a->doc.text)
        return 0;
    ctx c = {0};
    c.a = a;
    c.de = de;
    c.slow = slow;
    c.ay = a->anchor_y, c.am = a->anchor_m, c.ad = a->anchor_d;
    if (c.ay && (c.am < 1 || c.am > 12 || c.ad < 1 || c.ad > 31))
        c.ay = 0;
    if (c.ay)
        c.aday = days_from_civil(c.ay, c.am, c.ad);
    /* a lower-case copy of the text, made sentence by sentence for those not skipped */
    char *low = nf_arena_alloc(&a->arena, a->doc.len + 8); /* + 8: word_head reads 8 bytes */
    memset(low + a->doc.len, 0, 8);
    size_t capt = 0;
    for (size_t s = 0; s < a->nsent; s++)
        if (a->sent[s].ntok > capt)
            capt = a->sent[s].ntok;
    capt = capt * 3 + 8;
    dtoks T = {nf_arena_alloc(&a->arena, capt * sizeof *T.t), 0, capt,
               nf_arena_alloc(&a->arena, capt * sizeof *T.cand), 0, slow};
    c.t = T.t;
    const uint32_t *cand = T.cand;
    const char *tx = a->doc.text;
    for (size_t s = 0; s < a->nsent; s++) {
        nf_sent *se = &a->sent[s];
        se->date_tx = -1;
        /* a sentence no rule's core meets has no expression (the slow run counts in missed
         * the skipped sentences that have one) */
        int skip = !sent_may_match(&c, se);
        if (skip && !slow)
            continue;
        {
            /* lower-cased: the sentence, its tokens and the 8 bytes after them (word_head) */
            uint32_t lo = se->start, hi = se->end;
            if (se->ntok) {
                lo = a->tok[se->tok0].start < lo ? a->tok[se->tok0].start : lo;
                hi = a->tok[se->tok0 + se->ntok - 1].end > hi ? a->tok[se->tok0 + se->ntok - 1].end : hi;
            }
            hi = hi + 8 < a->doc.len ? hi + 8 : a->doc.len;
            if (lo < hi)
                nf_lower(tx + lo, hi - lo, low + lo);
        }
        size_t ntx0 = a->ntx;
        /* the sentence's tokens, hyphenated words split at their hyphens */
        sent_tokens(de, a, se, low, &T);
        c.n = T.n;
        for (size_t k = 0; slow && k < c.n; k++) { /* lex_find's filter, checked */
            size_t l = c.t[k].len;
            const lexslot *x = l && l <= LOOKMAX ? lex_find(de, c.t[k].low, l, 0) : NULL;
            c.missed += c.t[k].lw != (x ? &de->lexpool[x->lex - 1] : NULL);
        }
        /* urls (ids and dates in paths are no dates): their tokens match nothing */
        for (uint32_t p = se->start; p + 4 <= se->end;) {
            const char *h1 = find_str(tx + p, se->end - p, "://", 3);
            const char *h2 = find_www(low + p, se->end - p);
            const char *hit = h1;
            if (h2 && (!hit || (size_t)(h2 - low) < (size_t)(hit - tx)))
                hit = tx + (h2 - low);
            if (!hit)
                break;
            uint32_t us = (uint32_t)(hit - tx), ue = us;
            while (us > se->start && !nf_isspace((unsigned char)tx[us - 1]))
                us--;
            while (ue < se->end && !nf_isspace((unsigned char)tx[ue]))
                ue++;
            for (size_t k = 0; k < c.n; k++)
                if (c.t[k].start >= us && c.t[k].end <= ue) {
                    c.t[k].len = 0;
                    c.t[k].lw = NULL;
                    c.t[k].mask = 0;
                    c.t[k].flags = NF_T_PUNCT;
                }
            p = ue + 1;
        }
        /* only the candidates start a match (a token of a url, which was one, is none now:
         * may_start is false at it, its flags are NF_T_PUNCT) */
        size_t ncand = T.ncand;
        int first_tx = -1, any_calendar = 0;
        const char *stext = NULL;
        rmatch cont = {0, -1, "", (size_t)-1, 0, 0};
        for (size_t i = 0, ci = 0;;) {
            while (ci < ncand && cand[ci] < i) /* past a match */
                ci++;
            if (ci == ncand)
                break;
            i = cand[ci];
            const dtok *t = &c.t[i];
            rmatch b;
            if (i == cont.s && cont.rule >= 0) {
                b = cont; /* the second day of "April 24 and 25" */
                cont.rule = -1;
            } else {
                uint32_t shapes = (t->flags & NF_T_NUM) || slow ? start_shapes(&c, t) : 0;
                int may = (t->flags & (DT_START | NF_T_NUM)) && may_start(&c, i, shapes);
                if (!may && !slow) {
                    i++;
                    continue;
                }
                best_at(&c, i, shapes, &b);
                c.missed += !may && b.rule >= 0;
                if (b.rule >= 0)
                    day_next_to(&c, &b);
            }
            size_t best_end = b.end, best_s = b.s, best_e = b.e;
            int best_rule = b.rule, best_type = b.type;
            const char *best_val = b.val;
            if (best_rule < 0) {
                i++;
                continue;
            }
            const rule *r = &de->rules[best_rule];
            if (r->fn == F_NONE || name_use(&c, r, best_s, best_e)) {
                /* a negative rule, or a name: these words are no date */
                i = best_end;
                continue;
            }
            nf_timex *x = NF_PUSH(a->tx, a->ntx, a->captx);
            x->start = c.t[best_s].start;
            x->end = c.t[best_e - 1].end;
            x->sent = (uint32_t)s;
            x->type = (uint8_t)best_type;
            memcpy(x->value, best_val, sizeof x->value);
            x->value[sizeof x->value - 1] = 0;
            static const char *const tnames[] = {"DATE", "TIME", "DURATION", "SET"};
            nf_row *row = nf_row_add(a, NF_KIND_DATE, x->start);
            nf_row_setz(a, row, NF_COL_DATE, x->value[0] ? x->value : NULL);
            nf_row_setz(a, row, NF_COL_VALUE, x->value[0] ? x->value : NULL);
            row->f[NF_COL_UNIT] = tnames[x->type];
            nf_row_set(a, row, NF_COL_MENTION, tx + x->start, x->end - x->start);
            if (!stext) /* one copy of the sentence's text for all its expressions */
                stext = nf_sent_text(a, se);
            row->f[NF_COL_TEXT] = stext;
            /* the sentence's date */
            int txi = (int)(a->ntx - 1);
            /* the sentence's date: with a reporting verb the date that goes with it (below),
             * else its first calendar date outside quotes */
            int concrete = (x->type == NF_TX_DATE || x->type == NF_TX_TIME) && x->value[0] &&
                           is_calendar(x->value);
            any_calendar |= concrete;
            if (concrete && first_tx < 0) {
                int inq = 0;
                for (uint32_t k = se->tok0; k < se->tok0 + se->ntok && a->tok[k].start < x->start; k++)
                    if ((a->tok[k].flags & NF_T_QUOTE) &&
                        (a->doc.text[a->tok[k].start] == '"' ||
                         (unsigned char)a->doc.text[a->tok[k].start] == 0xE2 ||
                         a->doc.text[a->tok[k].start] == '`'))
                        inq = (a->tok[k].flags & NF_T_OPEN) ? 1 : 0;
                if (se->in_quote && !inq) {
                    /* the sentence began inside a quote: outside only after a closer */
                    int closed = 0;
                    for (uint32_t k = se->tok0; k < se->tok0 + se->ntok && a->tok[k].start < x->start; k++)
                        if ((a->tok[k].flags & NF_T_QUOTE) && !(a->tok[k].flags & NF_T_OPEN))
                            closed = 1;
                    inq = !closed;
                }
                if (!inq)
                    first_tx = txi;
            }
            if (r->fn == F_DATE)
                second_day(&c, &b, &cont);
            i = best_end;
        }
        c.missed += skip && a->ntx > ntx0;
        se->date_tx = first_tx;
        size_t nreport_k = (size_t)-1;
        for (size_t k = 0; any_calendar && k < c.n; k++)
            if (is_report_word(&c, k)) {
                nreport_k = k;
                break;
            }
        if (nreport_k != (size_t)-1) {
            /* a reporting sentence: the date that goes with its (first) verb, if any */
            se->date_tx = -1;
            for (uint32_t k = se->tok0; k < se->tok0 + se->ntok; k++)
                if (a->tok[k].start == c.t[nreport_k].start) {
                    se->date_tx = nf_dates_attached(a, k);
                    break;
                }
        }
    }
    return slow ? (int)(c.missed < INT_MAX ? c.missed : INT_MAX) : 0;
}

int nf_dates_run(nf_ana *a)
{
    return dates_run(a, 0);
}

int nf_dates_run_slow(nf_ana *a)
{
    return dates_run(a, 1);
}

/* ---- for the later stages (dates.h) ---- */

int nf_dates_overlap(const nf_ana *a, uint32_t s, uint32_t e)
{
    size_t lo = 0, hi = a->ntx; /* the first expression ending after s */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (a->tx[mid].end <= s)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < a->ntx && a->tx[lo].start < e)
        return (int)lo;
    return -1;
}

int nf_dates_at(const nf_ana *a, uint32_t off)
{
    return nf_dates_overlap(a, off, off + 1); /* offsets stay far below 2^32 (16 MB pieces) */
}

static int gap_word_ok(const nf_ana *a, const date_engine *de, const nf_tok *t)
{
    if ((t->flags & NF_T_WORD) && (t->flags & NF_T_CAP))
        return 1; /* told CNN on Friday */
    size_t n = t->end - t->start;
    char low[48] = {0}; /* zero: lex_get reads 8 bytes */
    if (!(t->flags & NF_T_WORD) || n >= sizeof low)
        return 0;
    nf_lower(a->doc.text + t->start, n, low);
    const lexword *w = lex_get(de, low, n);
    if (!w)
        return 0;
    for (int i = 0; i < w->n; i++)
        if (w->e[i].cls == C_RGAP)
            return 1;
    return 0;
}

int nf_dates_attached(const nf_ana *a, uint32_t verb_tok)
{
    const date_engine *de = a->eng ? a->eng->dates : NULL;
    if (!de || verb_tok >= a->ntok || !a->ntx)
        return -1;
    const nf_tok *vt = &a->tok[verb_tok];
    size_t s = nf_sent_at(a, vt->start);
    if (s >= a->nsent)
        return -1;
    const nf_sent *se = &a->sent[s];
    int best = -1;
    uint32_t bestgap = UINT32_MAX;
    size_t lo = 0, hi = a->ntx; /* the first expression of sentence s (tx are in order) */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (a->tx[mid].sent < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < a->ntx && a->tx[i].sent == s; i++) {
        const nf_timex *x = &a->tx[i];
        if (!(x->type == NF_TX_DATE || x->type == NF_TX_TIME) ||
            !is_calendar(x->value))
            continue;
        /* the expression's first and last tokens */
        uint32_t f = UINT32_MAX, l = 0;
        for (uint32_t k = se->tok0; k < se->tok0 + se->ntok; k++)
            if (a->tok[k].start >= x->start && a->tok[k].end <= x->end) {
                if (f == UINT32_MAX)
                    f = k;
                l = k;
            }
        if (f == UINT32_MAX)
            continue;
        uint32_t g0, g1;
        if (f > verb_tok)
            g0 = verb_tok + 1, g1 = f;
        else if (l < verb_tok)
            g0 = l + 1, g1 = verb_tok;
        else
            continue;
        int ok = g1 - g0 <= 5;
        for (uint32_t k = g0; ok && k < g1; k++)
            ok = gap_word_ok(a, de, &a->tok[k]);
        /* "On Friday, NATO officials said": a date opening the sentence, before the verb */
        if (!ok && l < verb_tok && f <= se->tok0 + 1 && verb_tok - l <= 8) {
            ok = 1;
            for (uint32_t k = l + 1; ok && k < verb_tok; k++)
                ok = !(a->tok[k].flags & NF_T_QUOTE);
        }
        if (ok && g1 - g0 < bestgap) {
            best = (int)i;
            bestgap = g1 - g0;
        }
    }
    return best;
}

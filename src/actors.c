/* actors stage: named actors, one canonical name each.
 *
 * Per sentence: the NER tagger (tagger.c, trained on CoNLL-2003) proposes person,
 * organization and place spans; the dictionaries (countries.tsv, places.tsv, orgs.tsv,
 * people.tsv, titles.txt) match names by longest match over tokens; patterns join
 * `<country>['s] <field> Ministry`. Leftmost-longest spans win. Each span is then typed and
 * canonicalized: countries and organizations by dictionary, capitals acting for their state
 * as the state, demonyms as affiliations without a row, persons by title/honorific cues,
 * dictionary full names and within-article coreference (surname, `Mr. X` -> the full name
 * seen earlier; else a known newsmaker of that surname in office at the article's date). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "actors.h"
#include "nf.h"
#include "tagger.h"

/* ---- engine state ---- */

enum { T_NONE, T_TITLE, T_HONOR };

typedef struct {
    const char *canon; /* as a name (country, org, place, person), NULL if none */
    uint8_t type;      /* NF_ACT_* of canon */
    int16_t adj;       /* country index whose adjective/demonym this is, -1 */
    int16_t cap;       /* country index whose capital this is, -1 */
    int16_t org_country; /* for orgs: the country index, -1 */
    int16_t country;   /* for type country: country_index(canon) (the first country of that
                        * name), fixed at load time, -1 */
    int32_t surname;   /* first person index of a lone-surname alias chain, -1 */
    const char *key;   /* its dict key (the dict map's copy) */
    uint32_t klen;     /* the key's length */
} dent;

/* An entry of the prefix table: one per distinct byte prefix of the dict keys, and the
 * dent of the key that is the whole prefix, if any (see dent_get). */
typedef struct {
    uint64_t h;    /* pfx hash of the prefix (0 is stored as 1); 0 = an empty slot */
    uint32_t dent; /* index + 1 of the dent whose whole key hashes to h, 0 if none */
    uint32_t next; /* next_bit() of every byte that follows the prefix in some key */
} pfx_ent;

/* The prefix filter: a blocked Bloom filter of the prefix table's hashes (2^19 bits, 64 KB,
 * which stays in the cache where the 1 MB table does not).  Most probes are of a token that
 * is no prefix of any key; the filter answers most of them without touching the table. */
enum { PF_WORDS = 8192 };

typedef struct {
    const char *canon;
    int y0, y1;       /* years; 0 = open */
    int32_t next;     /* next person with the same surname alias, -1 */
} person;

typedef struct {
    const char *canon;    /* United States */
    const char *adj;      /* American (first adjective), or canon */
} country;

struct nf_actors_eng {
    nf_map *dict;    /* name key (token texts concatenated, ’ -> ') -> dent* */
    pfx_ent *pfx;    /* the prefix table: every byte prefix of a dict key, by its 64-bit hash */
    size_t npfx, cappfx; /* cappfx: a power of two */
    int pfx_clash;   /* two whole keys share a hash: dent_get asks the dict map instead */
    uint64_t pfilt[PF_WORDS]; /* the prefix filter (pf_may): two bits per prefix added */
    nf_map *titles;  /* lower-cased title, tokens joined by ' ' -> (void *)T_TITLE / T_HONOR */
    nf_map *title_first, *title_last; /* the first and the last ' '-separated piece of each
                                       * title key (see title_word_may) */
    uint32_t tf_bits[32], tl_bits[32]; /* those pieces' (length, first letter) seen:
                                        * bit piece_bit(letter) of [piece_len(length)] */
    nf_map *verbs;   /* lower-case words that show the preceding name acts */
    nf_map *fields;  /* ministry fields: Foreign, Defence ... */
    nf_map *stop;    /* capitalized words that never start a name on their own */
    nf_map *things;  /* THINGS */
    nf_map *descr;   /* ORG_DESCR */
    nf_map *orghead; /* ORG_HEAD */
    nf_map *event;   /* EVENT_HEADS */
    nf_map *product; /* PRODUCT_TAILS */
    nf_map *orgsuf;  /* last words of organization names */
    nf_map *noname;  /* NONAME_HEAD */
    nf_map *sport;   /* words of sports reports */
    nf_map *team_sport; /* words of team sports reports only (TEAM_SPORT) */
    nf_map *first;   /* given names (firstnames.txt) */
    int max_title;   /* longest title in tokens */
    dent *dents; size_t ndent, capdent;
    person *people; size_t npeople, cappeople;
    country *countries; size_t ncountry, capcountry;
    char **strs; size_t nstr, capstr; /* owned strings */
    const nf_tagger *tagger;
};

static const char *own(struct nf_actors_eng *x, const char *s)
{
    char *p = strdup(s);
    *NF_PUSH(x->strs, x->nstr, x->capstr) = p;
    return p;
}

/* Normalizes a name piece into out: ’ -> ', whitespace dropped. Returns the length. */
static size_t keynorm(const char *s, size_t n, char *out, size_t cap)
{
    /* fast path: the bytes before the first one that needs care are copied as they are
     * (k == i there).  Care: a space (<= ' ') or a ’ (0xE2 ...); the test lets only
     * 0x21..0xE1 through, the few other bytes take the loop below, which copies them too */
    size_t k = 0, i = 0, lim = cap ? (n < cap - 1 ? n : cap - 1) : 0;
    while (i < lim && (unsigned char)(s[i] - 0x21) < 0xE2 - 0x21) {
        out[i] = s[i];
        i++;
    }
    k = i;
    for (; i < n && k + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x98)) {
            out[k++] = '\'';
            i += 2;
        } else if (!nf_isspace(c)) {
            out[k++] = (char)c;
        }
    }
    return k;
}

/* The prefix table holds hashes, not strings: building it is one FNV-1a step and one probe
 * per byte of each dict key (no allocation per prefix).  A false hit (p < 2^-50) only
 * lets a scan go on; the dictionary look-up itself is exact (dent_get compares the key).
 * One probe answers both questions of a scan's step, "is this a prefix of a key" and "is
 * it a key, and whose", so the step costs one cache miss, not one here and more in a map. */
#define PFX_SEED 0xcbf29ce484222325ull
static uint64_t pfx_step(uint64_t h, unsigned char c) { return (h ^ c) * 0x100000001b3ull; }
static size_t pfx_slot(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return (size_t)h;
}

/* The filter's two bits for the prefix whose pfx_slot mix is s (the table's slot takes the
 * low bits of s, the filter the high ones). */
static uint64_t pf_bits(uint64_t s) { return (1ull << ((s >> 39) & 63)) | (1ull << ((s >> 45) & 63)); }
static size_t pf_word(uint64_t s) { return (size_t)(s >> 51) & (PF_WORDS - 1); }

/* 0 if the prefix whose pfx_slot mix is s is in no key (exact); 1 if it may be. */
static int pf_may(const struct nf_actors_eng *x, uint64_t s)
{
    uint64_t m = pf_bits(s);
    return (x->pfilt[pf_word(s)] & m) == m;
}

/* A byte's bit in pfx_ent.next (upper and lower case apart: `UnitedStates`, `Bankof`). */
static uint32_t next_bit(unsigned char b) { return 1u << ((b * 0x9E3779B1u) >> 27); }

/* The pfx hash of key[0..k), from PFX_SEED; 0 (the empty slot's mark) as 1. */
static uint64_t pfx_hash(const char *key, size_t k)
{
    uint64_t h = PFX_SEED;
    for (size_t i = 0; i < k; i++)
        h = pfx_step(h, (unsigned char)key[i]);
    return h ? h : 1;
}

/* Adds the prefix hashed to h, followed in its key by the byte `next` (< 0: none); with
 * dent_ix > 0, the prefix is the whole key of dent dent_ix - 1. */
static void pfx_add(struct nf_actors_eng *x, uint64_t h, uint32_t dent_ix, int next)
{
    if (!h)
        h = 1;
    /* (the filter first: it holds every prefix in the table, and more when out of memory) */
    x->pfilt[pf_word(pfx_slot(h))] |= pf_bits(pfx_slot(h));
    if ((x->npfx + 1) * 2 > x->cappfx) {
        size_t oc = x->cappfx, nc = oc ? oc * 2 : 4096;
        pfx_ent *o = x->pfx, *t = nf_table_zalloc(nc, sizeof *t); /* probed at random, right after the tagger evicted it */
        if (!t) {
            /* out of memory: the table stays as it is (scans stop early), and whole keys
             * are looked up in the dict map */
            x->pfx_clash = 1;
            return;
        }
        for (size_t i = 0; i < oc; i++)
            if (o[i].h) {
                size_t j = pfx_slot(o[i].h) & (nc - 1);
                while (t[j].h)
                    j = (j + 1) & (nc - 1);
                t[j] = o[i];
            }
        free(o);
        x->pfx = t;
        x->cappfx = nc;
    }
    size_t j = pfx_slot(h) & (x->cappfx - 1);
    while (x->pfx[j].h && x->pfx[j].h != h)
        j = (j + 1) & (x->cappfx - 1);
    pfx_ent *e = &x->pfx[j];
    if (!e->h) {
        e->h = h;
        x->npfx++;
    }
    if (dent_ix) {
        if (e->dent && e->dent != dent_ix)
            x->pfx_clash = 1; /* two keys, one hash (p < 2^-37): the map decides */
        e->dent = dent_ix;
    }
    if (next >= 0)
        e->next |= next_bit((unsigned char)next);
}

/* The entry of the bytes hashed to h (from PFX_SEED by pfx_step), NULL when they are no
 * prefix of any dict key. */
static const pfx_ent *pfx_find(const struct nf_actors_eng *x, uint64_t h)
{
    if (!x->cappfx)
        return NULL;
    if (!h)
        h = 1;
    uint64_t s = pfx_slot(h);
    if (!pf_may(x, s))
        return NULL;
    size_t j = s & (x->cappfx - 1);
    for (;;) {
        const pfx_ent *e = &x->pfx[j];
        if (e->h == h)
            return e;
        if (!e->h)
            return NULL;
        j = (j + 1) & (x->cappfx - 1);
    }
}

/* Starts loading the table's line for the prefix hashed to h (a look-up soon after hits). */
static void pfx_prefetch(const struct nf_actors_eng *x, uint64_t h)
{
    uint64_t s = pfx_slot(h ? h : 1);
    if (x->cappfx && pf_may(x, s)) /* (pfx_find will not look at the table otherwise) */
        __builtin_prefetch(&x->pfx[s & (x->cappfx - 1)]);
}

/* 1 if key[0..k) is a byte prefix of some dict key. */
static int prefix_has(const struct nf_actors_eng *x, const char *key, size_t k)
{
    return k && pfx_find(x, pfx_hash(key, k)) != NULL;
}

/* The dent of the key key[0..k) whose prefix entry is e (or NULL): exact, since a key's
 * own entry names its dent unless two keys share a hash (pfx_clash), and the key itself
 * is compared. */
static dent *ent_dent(const struct nf_actors_eng *x, const pfx_ent *e, const char *key, size_t k)
{
    if (x->pfx_clash) {
        size_t idx = k ? (size_t)nf_map_get(x->dict, key, k) : 0;
        return idx ? &x->dents[idx - 1] : NULL;
    }
    if (!e || !e->dent)
        return NULL;
    dent *d = &x->dents[e->dent - 1];
    return d->klen == k && memcmp(d->key, key, k) == 0 ? d : NULL;
}

static dent *dent_for(struct nf_actors_eng *x, const char *alias)
{
    char key[512];
    size_t k = keynorm(alias, strlen(alias), key, sizeof key);
    if (!k)
        return NULL;
    size_t idx = (size_t)nf_map_get(x->dict, key, k);
    if (idx)
        return &x->dents[idx - 1];
    dent *d = NF_PUSH(x->dents, x->ndent, x->capdent);
    d->canon = NULL;
    d->type = 0;
    d->adj = d->cap = d->org_country = d->country = -1;
    d->surname = -1;
    d->key = nf_map_put(x->dict, key, k, (void *)(x->ndent));
    d->klen = (uint32_t)k;
    uint64_t h = PFX_SEED;
    for (size_t i = 0; i < k; i++) {
        h = pfx_step(h, (unsigned char)key[i]);
        pfx_add(x, h, i + 1 == k ? (uint32_t)x->ndent : 0, i + 1 < k ? (unsigned char)key[i + 1] : -1);
    }
    return d;
}

/* The dent of key[0..k), NULL if none.  Dents are stored by index (+1) since the array
 * grows. */
static dent *dent_get(const struct nf_actors_eng *x, const char *key, size_t k)
{
    if (!k)
        return NULL; /* (no key is empty) */
    return ent_dent(x, pfx_find(x, pfx_hash(key, k)), key, k);
}

static void set_name(dent *d, const char *canon, int type)
{
    if (!d->canon) {
        d->canon = canon;
        d->type = (uint8_t)type;
    }
}

static int country_index(const struct nf_actors_eng *x, const char *name)
{
    for (size_t i = 0; i < x->ncountry; i++)
        if (strcmp(x->countries[i].canon, name) == 0)
            return (int)i;
    return -1;
}

typedef void (*field_fn)(struct nf_actors_eng *x, char **f, int n);

static void each_line(const nf_engine *e, struct nf_actors_eng *x, const char *name, field_fn fn)
{
    size_t len;
    const char *text = nf_data_get(e, name, &len);
    if (!text)
        return;
    nf_lines it;
    nf_lines_init(&it, text, len);
    char *f[8];
    int n;
    while ((n = nf_lines_next(&it, f, 8)) >= 0)
        fn(x, f, n);
    nf_lines_free(&it);
}

/* Calls fn for each |-separated alias of s. */
static void each_alias(char *s, void (*fn)(struct nf_actors_eng *, const char *, void *),
                       struct nf_actors_eng *x, void *arg)
{
    if (!s)
        return;
    char *p = s;
    while (*p) {
        char *bar = strchr(p, '|');
        if (bar)
            *bar = '\0';
        if (*p)
            fn(x, p, arg);
        if (!bar)
            break;
        p = bar + 1;
    }
}

typedef struct {
    const char *canon;
    int type;
    int idx;
    int country; /* countries: country_index(canon) */
} alias_arg;

/* The alias as written and, for names of 4 letters or more, in capitals (`ITALY` in an
 * upper-case heading). */
static int alias_forms(const char *alias, char upper[256])
{
    size_t n = strlen(alias), nl = 0;
    if (n < 4 || n >= 256)
        return 1;
    for (size_t i = 0; i <= n; i++) {
        nl += nf_islower((unsigned char)alias[i]);
        upper[i] = nf_islower((unsigned char)alias[i]) ? (char)(alias[i] - 32) : alias[i];
    }
    return nl ? 2 : 1;
}

static void add_name_alias(struct nf_actors_eng *x, const char *alias, void *arg)
{
    alias_arg *a = arg;
    char up[256];
    int nf = alias_forms(alias, up);
    for (int k = 0; k < nf; k++) {
        dent *d = dent_for(x, k ? up : alias);
        if (d && !d->canon && a->type == NF_ACT_COUNTRY)
            d->country = (int16_t)a->country;
        if (d)
            set_name(d, a->canon, a->type);
    }
}

static void add_adj_alias(struct nf_actors_eng *x, const char *alias, void *arg)
{
    alias_arg *a = arg;
    char up[256];
    int nf = alias_forms(alias, up);
    for (int k = 0; k < nf; k++) {
        dent *d = dent_for(x, k ? up : alias);
        if (d && d->adj < 0)
            d->adj = (int16_t)a->idx;
    }
}

static void add_cap_alias(struct nf_actors_eng *x, const char *alias, void *arg)
{
    alias_arg *a = arg;
    char up[256];
    int nf = alias_forms(alias, up);
    for (int k = 0; k < nf; k++) {
        dent *d = dent_for(x, k ? up : alias);
        if (d && d->cap < 0)
            d->cap = (int16_t)a->idx;
    }
}

static void load_country(struct nf_actors_eng *x, char **f, int n)
{
    if (n < 1 || !f[0][0])
        return;
    country *c = NF_PUSH(x->countries, x->ncountry, x->capcountry);
    c->canon = own(x, f[0]);
    c->adj = c->canon;
    if (n >= 3 && f[2] && f[2][0]) {
        char tmp[128];
        size_t k = strcspn(f[2], "|");
        if (k < sizeof tmp) {
            memcpy(tmp, f[2], k);
            tmp[k] = '\0';
            c->adj = own(x, tmp);
        }
    }
    /* the countries loaded so far are a prefix of the final list: the same first match */
    alias_arg a = {c->canon, NF_ACT_COUNTRY, (int)(x->ncountry - 1), country_index(x, c->canon)};
    add_name_alias(x, c->canon, &a);
    if (n >= 2)
        each_alias(f[1], add_name_alias, x, &a);
    if (n >= 3)
        each_alias(f[2], add_adj_alias, x, &a);
    if (n >= 4)
        each_alias(f[3], add_cap_alias, x, &a);
}

static void load_place(struct nf_actors_eng *x, char **f, int n)
{
    if (n < 1 || !f[0][0])
        return;
    alias_arg a = {own(x, f[0]), NF_ACT_PLACE, -1, -1};
    add_name_alias(x, a.canon, &a);
    if (n >= 3)
        each_alias(f[2], add_name_alias, x, &a);
}

static void add_org_alias(struct nf_actors_eng *x, const char *alias, void *arg)
{
    alias_arg *a = arg;
    char up[256];
    int nf = alias_forms(alias, up);
    for (int k = 0; k < nf; k++) {
        dent *d = dent_for(x, k ? up : alias);
        if (d) {
            set_name(d, a->canon, a->type);
            if (d->org_country < 0)
                d->org_country = (int16_t)a->idx;
        }
    }
}

static void load_org(struct nf_actors_eng *x, char **f, int n)
{
    if (n < 1 || !f[0][0])
        return;
    int type = n >= 2 && f[1] && strcmp(f[1], "group") == 0 ? NF_ACT_GROUP : NF_ACT_ORG;
    int ci = n >= 4 && f[3] && f[3][0] ? country_index(x, f[3]) : -1;
    alias_arg a = {own(x, f[0]), type, ci, -1};
    add_org_alias(x, a.canon, &a);
    if (n >= 3)
        each_alias(f[2], add_org_alias, x, &a);
}

static void add_person_alias(struct nf_actors_eng *x, const char *alias, void *arg)
{
    alias_arg *a = arg;
    dent *d = dent_for(x, alias);
    if (!d)
        return;
    if (strchr(alias, ' ')) {
        set_name(d, a->canon, NF_ACT_PERSON);
        return;
    }
    /* a lone surname: chain the people */
    if (d->surname < 0) {
        d->surname = a->idx;
    } else {
        int32_t i = d->surname;
        while (x->people[i].next >= 0) {
            if (i == a->idx)
                return;
            i = x->people[i].next;
        }
        if (i != a->idx)
            x->people[i].next = a->idx;
    }
}

static void load_person(struct nf_actors_eng *x, char **f, int n)
{
    if (n < 1 || !f[0][0])
        return;
    person *p = NF_PUSH(x->people, x->npeople, x->cappeople);
    p->canon = own(x, f[0]);
    p->y0 = p->y1 = 0;
    p->next = -1;
    if (n >= 3 && f[2]) {
        p->y0 = atoi(f[2]);
        const char *dash = strchr(f[2], '-');
        if (dash)
            p->y1 = atoi(dash + 1);
    }
    alias_arg a = {p->canon, NF_ACT_PERSON, (int)(x->npeople - 1), -1};
    add_person_alias(x, p->canon, &a);
    if (n >= 2)
        each_alias(f[1], add_person_alias, x, &a);
}

static void title_key(const char *s, char *out, size_t cap, int *ntok)
{
    size_t k = 0;
    int toks = 1;
    for (size_t i = 0; s[i] && k + 1 < cap; i++) {
        if (s[i] == ' ') {
            toks++;
            out[k++] = ' ';
        } else {
            out[k++] = (char)nf_tolower((unsigned char)s[i]);
        }
    }
    out[k] = '\0';
    *ntok = toks;
}

/* The (length, first letter) filter of title_first / title_last pieces (title_word_may). */
static size_t piece_len(size_t n) { return n < 31 ? n : 31; }
static uint32_t piece_bit(char ch)
{
    unsigned char u = (unsigned char)ch;
    return 1u << (u >= 'a' && u <= 'z' ? u - 'a' : 26);
}

static void load_title(struct nf_actors_eng *x, char **f, int n)
{
    if (n < 1 || !f[0][0])
        return;
    char key[128];
    int nt;
    title_key(f[0], key, sizeof key, &nt);
    long kind = n >= 2 && f[1] && strcmp(f[1], "honorific") == 0 ? T_HONOR : T_TITLE;
    /* a title written capitalized (`Major`, `General`) is one only when capitalized */
    if (nf_isupper((unsigned char)f[0][0]))
        kind |= 16;
    size_t klen = strlen(key), first = strcspn(key, " "), last = klen;
    while (last > 0 && key[last - 1] != ' ')
        last--;
    nf_map_put(x->titles, key, klen, (void *)kind);
    nf_map_put(x->title_first, key, first, (void *)1);
    nf_map_put(x->title_last, key + last, klen - last, (void *)1);
    x->tf_bits[piece_len(first)] |= piece_bit(key[0]);
    x->tl_bits[piece_len(klen - last)] |= piece_bit(key[last]);
    if (nt > x->max_title)
        x->max_title = nt;
}

static void put_words(nf_map *m, const char *words)
{
    const char *p = words;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *s = p;
        while (*p && *p != ' ')
            p++;
        if (p > s)
            nf_map_put(m, s, (size_t)(p - s), (void *)1);
    }
}

static const char VERBS[] =
    "said says say told tells has have had is are was were will would wants wanted want could "
    "can cannot should must may might did does do sees saw insists insisted accused accuses "
    "rejected rejects denied denies warned warns demanded demands responded respond sent sends "
    "announced announces hopes hoped fears feared believes believed considers considered refused "
    "refuses agreed agrees claimed claims argued argues called calls urged urges expects expected "
    "plans planned seeks sought published proposed proposes offered offers asked asks added adds "
    "noted notes stressed stresses insisted threatened threatens continues continued remains "
    "needs needed tried tries appears appeared launched invaded attacked signed opposes opposed "
    "supports supported made makes took takes gave gives announced reiterated confirmed confirms "
    "insist criticized criticised condemned condemns welcomed welcomes imposed imposes pledged "
    "pledges promised promises suggested suggests moved moves deployed deploys reported reports "
    "also already still now recently";

/* Last words that make a name an organization (`Johnson Controls Inc`, `Kansai Electric
 * Power`, `Boatmen's Bancshares`). */
static const char ORG_SUFFIX[] =
    "Inc Inc. Corp Corp. Co Co. Ltd Ltd. LLC PLC Plc plc AG SA S.A. NV N.V. GmbH SpA Bhd Group "
    "Bancorp Bancshares Holdings Holding Industries Pharmaceuticals Airlines Airways Motors "
    "Electric Power Petroleum Telecom Communications Systems Technologies Partners Securities "
    "Bros Bros. Association Federation Council Committee Commission Agency Ministry Party "
    "Movement University College Institute Court Parliament Assembly Club FC Rovers Wanderers "
    "Athletic Exchange Board Authority Bureau Police Airport Bank Foundation Organization "
    "Organisation Corporation Company Enterprises Trust Fund Institution Society League Workers";

/* Words that head no person's name after a title: organization suffixes (`Premier
 * League`, `General Motors`, `Justice Department`), events (`General Election`), another
 * title (`Chief Executive`), and names the dictionary knows as other than a person
 * (`chief US economist`). */
static const char NONAME_HEAD[] = "Election Elections Department Office Cup Championship "
                                  "Championships Games Open Prize Award Awards Trophy Festival";


static const char SPORT[] =
    "beat beats won win wins draw drew drawn lost lose loses defeat defeated defeats league match "
    "matches game games season coach scored score goal goals innings runs wickets wicket inning "
    "homer homers points cup championship victory fixture fixtures striker midfielder "
    "goalkeeper batsman bowler pitcher quarterback playoff playoffs tournament semifinal final "
    "halftime equaliser equalizer penalty touchdown rally";

/* Words that few reports but those of team sports use (article_sporty). */
static const char TEAM_SPORT[] =
    "league match matches season coach striker midfielder goalkeeper fixture fixtures playoff "
    "playoffs equaliser equalizer halftime half-time touchdown innings wickets batsman bowler "
    "pitcher quarterback scrum fly-half winger premiership semi-final quarter-final relegation "
    "kick-off";

/* Head words of organizations' names besides ORG_SUFFIX (org_run). */
static const char ORG_HEAD[] = "Union Department Service Office Confederation Congress Alliance Network";

/* Common nouns that, right before a name, say it is an organization's (org_descriptor). */
static const char ORG_DESCR[] =
    "firm company airline carrier bank group band retailer supermarket carmaker maker broadcaster "
    "channel network newspaper magazine label studio chain operator insurer giant brand club side "
    "charity watchdog regulator conglomerate airport outfit franchise";

/* Last words of events and documents, not actors (`Cold War`, `INF Treaty`, `World Cup`,
 * `Identity Cards Bill`, `Academy Awards`). */
static const char EVENT_HEADS[] =
    "War Treaty Agreement Accord Accords Act Doctrine Plan Summit Games Cup Olympics Prize Award "
    "Presence Initiative Day Bill Bills Charter Awards Championship Championships Marathon "
    "Trophy Festival";

/* Last words of products' names (`MacBook Pro`, `iPhone 12 Pro Max`). */
static const char PRODUCT_TAILS[] = "Pro Max Mini Air Plus Ultra Lite XL SE Edition";

static const char FIELDS[] =
    "Foreign Defence Defense Interior Finance Economy Economic Energy Justice Health Emergencies "
    "Emergency Trade Agriculture Education Culture Information Transport Labour Labor Environment "
    "Industry Communications Home Security Intelligence War Digital";

static const char STOP[] =
    "The A An This That These Those It Its He She They We I You Our Their His Her My Your But And "
    "Or If When While As At In On Of For From To By With After Before Since Until During Under "
    "Over About Among Between Into Through Despite However Meanwhile Also Still Yet So Then There "
    "Here What Who Why How Which Where Some Many Most More Other Such Both Each Every All Any No "
    "Not Now Today Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "January February March April May June July August September October November December "
    "Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sir Read Subscribe Related Watch WATCH Photo Image Video Click "
    "Christmas Easter Ramadan Eid Thanksgiving Hanukkah Diwali Oscar Oscars Grammy Grammys Emmy "
    "Emmys Muslim Muslims Christian Christians Jew Jews Jewish Catholic Catholics Protestant "
    "Protestants Hindu Hindus Sikh Sikhs Buddhist Buddhists Sunni Sunnis Shia Shiite Shiites Tory "
    "PC PCs DVD DVDs CD CDs TV TVs HDTV GDP CEO HIV AIDS SMS MP3 DNA MP MPs PM ID RFID UWB PSP PPI "
    "CPI VAT GMT BST USB LCD VoIP PhD MBA SUV WiFi Wi-Fi 3G 4G 5G AI "
    "Regarding Including Following Despite Although Unlike Like Besides Perhaps Currently "
    "Additionally Furthermore Moreover Nevertheless Instead Overall Tonight Earlier Later "
    "Recently Finally Black White Red Blue iPhone iPhones iPad iPod MacBook iMac AirPods PlayStation "
    "Xbox Kindle Android Bitcoin "
    "Sign Share Advertisement According Reporting Editing Writing Additional European Asian African Arab Latin West East North South Western Eastern Northern Southern "
    "DJ DJs MEP MEPs MSP MSPs CSO CSOs PCSO PCSOs QC OBE MBE CBE XP OS IT";

/* Acronyms of things, trades and honours, not of organizations (`DVR`, `PDA`, `MEP`): no name
 * alone, and they end a name (`Guy Mansfield QC`, `Nintendo DS`); unlike STOP they may open
 * one (`SSL International`). */
static const char THINGS[] =
    "DVR DVRs PVR PVRs PDA PDAs VCR VCRs VHS IPTV DTT DAB DVB HSDPA GPRS GSM CDMA UMTS WAP MMS "
    "RSS XML HTML URL URLs PDF ADSL DSL ISP ISPs P2P GPS SIM LAN WLAN CPU GPU RAM ROM UMD DRM "
    "SSL ICT MMORPG CGI GCSE GCSEs ASBO ASBOs IVF SARS BSE MRSA ISA ISAs IPO IPOs AGM CFO COO "
    "CTO DIY AWOL CCTV LNG UV ISBN WWII DS";

int nf_actors_init(nf_engine *e, char *err, size_t errlen)
{
    struct nf_actors_eng *x = calloc(1, sizeof *x);
    if (!x) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    x->dict = nf_map_new();
    x->titles = nf_map_new();
    x->title_first = nf_map_new();
    x->title_last = nf_map_new();
    x->verbs = nf_map_new();
    x->fields = nf_map_new();
    x->stop = nf_map_new();
    x->things = nf_map_new();
    x->descr = nf_map_new();
    x->orghead = nf_map_new();
    x->event = nf_map_new();
    x->product = nf_map_new();
    x->orgsuf = nf_map_new();
    x->noname = nf_map_new();
    x->sport = nf_map_new();
    x->team_sport = nf_map_new();
    x->first = nf_map_new();
    e->actors = x;
    if (!x->dict || !x->titles || !x->title_first || !x->title_last || !x->verbs || !x->fields || !x->stop || !x->things || !x->descr || !x->orghead || !x->event || !x->product || !x->orgsuf || !x->noname || !x->sport || !x->team_sport || !x->first) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    /* order matters: the first name given to a key wins */
    each_line(e, x, "countries.tsv", load_country);
    each_line(e, x, "orgs.tsv", load_org);
    each_line(e, x, "people.tsv", load_person);
    each_line(e, x, "places.tsv", load_place);
    each_line(e, x, "titles.txt", load_title);
    {
        size_t flen;
        const char *ft = nf_data_get(e, "firstnames.txt", &flen);
        nf_lines it;
        nf_lines_init(&it, ft, ft ? flen : 0);
        char *f[1];
        while (nf_lines_next(&it, f, 1) >= 0)
            put_words(x->first, f[0]);
        nf_lines_free(&it);
    }
    put_words(x->verbs, VERBS);
    put_words(x->fields, FIELDS);
    put_words(x->stop, STOP);
    put_words(x->things, THINGS);
    put_words(x->descr, ORG_DESCR);
    put_words(x->orghead, ORG_HEAD);
    put_words(x->event, EVENT_HEADS);
    put_words(x->product, PRODUCT_TAILS);
    put_words(x->orgsuf, ORG_SUFFIX);
    put_words(x->noname, NONAME_HEAD);
    put_words(x->sport, SPORT);
    put_words(x->team_sport, TEAM_SPORT);
    size_t mlen;
    const char *model = nf_data_get(e, "tagger.model", &mlen);
    if (model && !e->tagger) {
        e->tagger = nf_tagger_load((const unsigned char *)model, mlen);
        if (!e->tagger) {
            snprintf(err, errlen, "tagger.model: not a valid tagger model");
            return -1;
        }
    }
    x->tagger = e->tagger;
    return 0;
}

void nf_actors_fini(nf_engine *e)
{
    struct nf_actors_eng *x = e->actors;
    if (x) {
        nf_map_free(x->dict);
        free(x->pfx);
        nf_map_free(x->titles);
        nf_map_free(x->title_first);
        nf_map_free(x->title_last);
        nf_map_free(x->verbs);
        nf_map_free(x->fields);
        nf_map_free(x->stop);
        nf_map_free(x->things);
        nf_map_free(x->descr);
        nf_map_free(x->orghead);
        nf_map_free(x->event);
        nf_map_free(x->product);
        nf_map_free(x->orgsuf);
        nf_map_free(x->noname);
        nf_map_free(x->sport);
        nf_map_free(x->team_sport);
        nf_map_free(x->first);
        for (size_t i = 0; i < x->nstr; i++)
            free(x->strs[i]);
        free(x->strs);
        free(x->dents);
        free(x->people);
        free(x->countries);
        free(x);
        e->actors = NULL;
    }
    nf_tagger_free(e->tagger);
    e->tagger = NULL;
}

/* ---- per article ---- */

enum { CR_WEAK, CR_FULL, CR_ORG, CR_FIRST, CR_ORG1 }; /* a lone surname, a full name's
                                      * surname, an org's word, a full name's given name, a
                                      * one-word org */
/* How a mention's type was decided, kept in the high bits of its flags while the stage runs
 * (stage-private: cleared before nf_actors_run returns; NF_M_* use the low bits). One
 * article settles a name on one type (settle_types): a type the context showed (a title, a
 * club in a sports sentence, `in Liverpool`) stays; a dictionary's type (LV_DICT) outranks
 * the tagger's guess (LV_TAGGER). */
enum {
    LV_TAGGER = 0, /* the tagger's type only */
    LV_DICT = 1,   /* a dictionary entry's type, or a tagged multi-word person */
    LV_CTX = 2,    /* the context's: a title or honorific, coreference, an organization's suffix */
    LV_CLUB = 4,   /* with LV_CTX: a place the tagger calls an organization in a sports
                    * sentence (a club: the article's other mentions of it are the club) */
    LV_SHIFT = 5   /* flags bits 5..7 */
};

typedef struct {
    const char *key; size_t klen; /* surname as written (normalized) */
    const char *canon;
    int kind;
} coref;

typedef struct {
    nf_ana *a;
    const struct nf_actors_eng *x;
    const char *t;          /* doc text */
    const nf_tok *tok;      /* the sentence's tokens */
    size_t n;               /* their count */
    uint32_t si;            /* sentence index */
    coref *cr; size_t ncr, capcr;
    uint32_t *dm_end; const dent **dm_d; uint8_t *dm_lost, *dm_done; /* dict_match cache */
    uint8_t *tw;            /* title_word_may cache, per token of the sentence */
    uint32_t *tb_start; uint8_t *tb_kind; /* title_before cache, per token of the sentence
                             * and one past it; tb_kind 0xFF: not yet */
    struct { const char *role, *aff, *canon; } *roles; size_t nroles, caproles; /* titled persons */
    int sporty;             /* the sentence speaks of a game */
    struct { const char *w; uint32_t n; uint16_t k[4]; } *votes; size_t nvotes, capvotes;
                            /* the tagger's types of one-word names over the article */
    int lax;                /* titles match in lower case too (appositions) */
    int dateline;           /* country of the article's dateline capital, -1 */
    int lvl;                /* the evidence level (LV_*) of the next add_mention, then LV_CTX */
    size_t tok0;            /* c->tok - a->tok: the sentence's first token in the article */
    /* Per token of the article (index tok0 + i), for those with a capital or a digit, filled
     * by prefetch_dict one sentence ahead (tf zeroed per article; a token it has not seen has
     * tf 0 and takes the slow paths, which give the same results): */
    uint8_t *tf;            /* TF_* */
    uint64_t *th;           /* with TF_PLAIN: the pfx hash state (from PFX_SEED, not mapped
                             * 0 -> 1) of the token's bytes, its key's hash */
    const dent **td;        /* with TF_DENT: dent_get of the token's own bytes */
    const uint32_t *cun, *cun0; /* the tokens with a capital or a digit (where a dictionary
                             * scan starts), sentence s's at cun[cun0[s] .. cun0[s + 1]), as
                             * indices in the sentence */
    char key[1024];
} ctx;

enum {
    TF_PLAIN = 1, /* 0 < length < 256 and every byte in 0x21..0xE1: keynorm (into 256 bytes
                   * or more) copies the token as it is, so its key is its own bytes */
    TF_DENT = 2   /* td is known */
};

static const char *tx(const ctx *c, size_t i) { return c->t + c->tok[i].start; }
static size_t tl(const ctx *c, size_t i) { return c->tok[i].end - c->tok[i].start; }

/* (always inlined: with a literal w the strlen folds to a constant; most calls end at the
 * first-byte test) */
static inline __attribute__((always_inline)) int tok_is(const ctx *c, size_t i, const char *w)
{
    if (i >= c->n)
        return 0;
    size_t n = tl(c, i);
    if (n && tx(c, i)[0] != w[0]) /* most calls end here, before the strlen */
        return 0;
    return strlen(w) == n && memcmp(tx(c, i), w, n) == 0;
}

/* An acronym of a thing (THINGS: `DVR`, `PDAs`, `P2P`): short, its second letter no lower case. */
static int is_thing(const ctx *c, size_t i)
{
    size_t n = tl(c, i);
    return n >= 2 && n <= 6 && !nf_islower((unsigned char)tx(c, i)[1]) &&
           nf_map_has(c->x->things, tx(c, i), n);
}

/* 1 if every token of [b, e) is one of STOP's words (no name alone, nor together) */
static int all_stop(const ctx *c, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++)
        if (!nf_map_has(c->x->stop, tx(c, i), tl(c, i)))
            return 0;
    return 1;
}

static int is_poss(const ctx *c, size_t i) { return i < c->n && (c->tok[i].flags & NF_T_POSS); }

static int is_lower_word(const ctx *c, size_t i)
{
    return i < c->n && (c->tok[i].flags & NF_T_WORD) && nf_islower((unsigned char)tx(c, i)[0]);
}

static int is_cap_word(const ctx *c, size_t i)
{
    return i < c->n && (c->tok[i].flags & NF_T_WORD) && (c->tok[i].flags & (NF_T_CAP | NF_T_UPPER));
}

/* dent_get(x, tx(c, i), tl(c, i)), once per token of the article. */
static const dent *tok_dent(ctx *c, size_t i)
{
    size_t g = c->tok0 + i;
    if (!(c->tf[g] & TF_DENT)) {
        c->td[g] = c->tf[g] & TF_PLAIN ? ent_dent(c->x, pfx_find(c->x, c->th[g]), tx(c, i), tl(c, i))
                                       : dent_get(c->x, tx(c, i), tl(c, i));
        c->tf[g] |= TF_DENT;
    }
    return c->td[g];
}

/* Token i's key (keynorm of it alone, as into a 256-byte buffer): the token's own bytes when
 * keynorm would copy them as they are (TF_PLAIN), else normalized into buf. */
static const char *tok_key(const ctx *c, size_t i, char buf[256], size_t *len)
{
    if (c->tf[c->tok0 + i] & TF_PLAIN) {
        *len = tl(c, i);
        return tx(c, i);
    }
    *len = keynorm(tx(c, i), tl(c, i), buf, 256);
    return buf;
}

/* dent_get of token i's key k (from tok_key(c, i, ...)). */
static const dent *tok_key_dent(ctx *c, size_t i, const char *k, size_t n)
{
    return k == tx(c, i) ? tok_dent(c, i) : dent_get(c->x, k, n);
}

/* Longest dictionary match starting at token i: returns its end (exclusive) or i. */
static size_t dict_match_raw(ctx *c, size_t i, const dent **out, int *lost_s);

/* Fills the dict_match cache of token i (out of line: the callers inline the cache's test,
 * the scan needs many registers). */
static __attribute__((noinline)) void dict_match_fill(ctx *c, size_t i)
{
    const dent *d;
    int l;
    c->dm_end[i] = (uint32_t)dict_match_raw(c, i, &d, &l);
    c->dm_d[i] = d;
    c->dm_lost[i] = (uint8_t)l;
    c->dm_done[i] = 1;
}

/* The same, computed once per token of the sentence. */
static inline size_t dict_match(ctx *c, size_t i, const dent **out, int *lost_s)
{
    /* (dict_match_raw's own first test, before the cache) */
    if (i >= c->n || !(c->tok[i].flags & (NF_T_CAP | NF_T_UPPER | NF_T_NUM))) {
        *out = NULL;
        *lost_s = 0;
        return i;
    }
    if (!c->dm_done[i])
        dict_match_fill(c, i);
    *out = c->dm_d[i];
    *lost_s = c->dm_lost[i];
    return c->dm_end[i];
}

static size_t dict_match_raw(ctx *c, size_t i, const dent **out, int *lost_s)
{
    const struct nf_actors_eng *x = c->x;
    size_t best = i, k = 0;
    *out = NULL;
    *lost_s = 0;
    if (!(c->tok[i].flags & (NF_T_CAP | NF_T_UPPER)) && !(c->tok[i].flags & NF_T_NUM))
        return i;
    uint64_t h = PFX_SEED;
    const pfx_ent *ent = NULL; /* the entry of key[0..k) */
    const char *key = c->key; /* key[0..k): c->key, or the first token itself while the key is
                               * its bytes (copied into c->key when the scan goes on) */
    for (size_t j = i; j < c->n && j < i + 12; j++) {
        /* the next-byte test below, before normalizing token j: when its first byte is one
         * keynorm copies as it is (0x21..0xE1) and the key has room, that byte becomes
         * key[k0], so a byte the test rejects ends the scan there just the same */
        if (ent && tl(c, j) && k + 1 < sizeof c->key) {
            unsigned char b0 = (unsigned char)tx(c, j)[0];
            if ((unsigned char)(b0 - 0x21) < 0xE2 - 0x21 && !(ent->next & next_bit(b0)))
                break; /* (j > i here: no lost apostrophe to check) */
        }
        size_t k0 = k, add;
        int plain0 = j == i && (c->tf[c->tok0 + i] & TF_PLAIN);
        if (plain0) {
            /* the first token's key is its bytes, their hash is known (prefetch_dict) */
            add = tl(c, i);
            key = tx(c, i);
            h = c->th[c->tok0 + i];
        } else {
            if (key != c->key) {
                memcpy(c->key, key, k);
                key = c->key;
            }
            add = keynorm(tx(c, j), tl(c, j), c->key + k, sizeof c->key - k);
            for (size_t q = k; q < k + add; q++)
                h = pfx_step(h, (unsigned char)c->key[q]);
        }
        k += add;
        /* key[0..k) can be a prefix only if its byte k0 follows key[0..k0) in some key
         * (ent->next, exact: every key's every byte is in its prefix's bits), so most
         * scans end here without a second probe; no bytes added: the same entry */
        if (ent && add && !(ent->next & next_bit((unsigned char)key[k0])))
            ent = NULL;
        else if (!ent || add)
            ent = k ? pfx_find(x, h) : NULL;
        if (plain0 && !(c->tf[c->tok0 + i] & TF_DENT)) {
            /* (dent_get of the token's bytes: the same key, the same entry) */
            c->td[c->tok0 + i] = ent_dent(x, ent, key, k);
            c->tf[c->tok0 + i] |= TF_DENT;
        }
        if (!ent) {
            /* lost apostrophe: NATOs, Russias */
            if (j == i && k > 4 && key[k - 1] == 's') {
                const dent *d = dent_get(x, key, k - 1);
                if (d && d->canon && (d->type == NF_ACT_COUNTRY || d->type == NF_ACT_ORG || d->type == NF_ACT_GROUP)) {
                    *out = d;
                    *lost_s = 1;
                    return i + 1;
                }
            }
            break;
        }
        const dent *d = plain0 ? c->td[c->tok0 + i] : ent_dent(x, ent, key, k);
        if (d) {
            best = j + 1;
            *out = d;
        }
    }
    return best;
}

/* A quick test before the title look-ups: 0 when no title key can end (last) or start
 * (!last) with token j.  The look-ups join lower-cased tokens with ' '; a key equal to such
 * a join has as its last (first) ' '-separated piece the part of token j after its last
 * (before its first) space, which is then in title_last (title_first).  A token that is no
 * word or too long for c->key fails every look-up too. */
static int title_word_may_raw(ctx *c, size_t j, int last, uint8_t known);
static inline int title_word_may(ctx *c, size_t j, int last)
{
    /* cached per token of the sentence: bit 0 (first) / 2 (last) = known, bit 1 / 3 = value */
    uint8_t known = last ? 4 : 1;
    if (c->tw[j] & known)
        return (c->tw[j] & (known << 1)) != 0;
    return title_word_may_raw(c, j, last, known);
}

static __attribute__((noinline)) int title_word_may_raw(ctx *c, size_t j, int last, uint8_t known)
{
    c->tw[j] |= known;
    size_t n = tl(c, j);
    if (!(c->tok[j].flags & NF_T_WORD) || n + 2 >= sizeof c->key)
        return 0;
    /* the filter: a token without a space is its own piece; its lower-cased first byte is
     * an ASCII letter's (a non-ASCII first byte is not filtered).  (The bits first: the
     * space is looked for only when they reject, in a loop: tokens are short.) */
    unsigned char f0 = (unsigned char)tx(c, j)[0];
    if (f0 < 0x80 &&
        !((last ? c->x->tl_bits : c->x->tf_bits)[piece_len(n)] & piece_bit((char)nf_tolower(f0)))) {
        const char *w = tx(c, j);
        size_t q = 0;
        while (q < n && w[q] != ' ')
            q++;
        if (q == n)
            return 0;
    }
    nf_lower(tx(c, j), n, c->key);
    size_t b = 0, e = n; /* the piece: key[b, e) */
    if (last)
        for (b = n; b > 0 && c->key[b - 1] != ' ';)
            b--;
    else
        for (e = 0; e < n && c->key[e] != ' ';)
            e++;
    int v = nf_map_has(last ? c->x->title_last : c->x->title_first, c->key + b, e - b);
    if (v)
        c->tw[j] |= (uint8_t)(known << 1);
    return v;
}

/* Title ending just before token b: returns its start (or b) and kind. */
static size_t title_before_raw(ctx *c, size_t b, int *kind)
{
    const struct nf_actors_eng *x = c->x;
    *kind = T_NONE;
    if (b == 0 || !title_word_may(c, b - 1, 1))
        return b;
    for (int L = x->max_title; L >= 1; L--) {
        if ((size_t)L > b)
            continue;
        size_t s = b - (size_t)L, k = 0;
        int ok = 1;
        for (size_t j = s; j < b && ok; j++) {
            if (!(c->tok[j].flags & NF_T_WORD)) {
                ok = 0;
                break;
            }
            if (j > s)
                c->key[k++] = ' ';
            size_t n = tl(c, j);
            if (k + n + 2 >= sizeof c->key) {
                ok = 0;
                break;
            }
            nf_lower(tx(c, j), n, c->key + k);
            k += n;
        }
        if (!ok)
            continue;
        long v = (long)nf_map_get(x->titles, c->key, k);
        if (v && (!(v & 16) || c->lax || nf_isupper((unsigned char)tx(c, s)[0]))) {
            *kind = (int)(v & 15);
            return s;
        }
    }
    return b;
}

/* The same, computed once per token of the sentence when titles match in their own case
 * only (!c->lax): the result depends on nothing else than the sentence's tokens, the titles
 * and c->lax (run_sentence and resolve ask it of the same token in turn). */
static inline size_t title_before(ctx *c, size_t b, int *kind)
{
    if (c->lax || b > c->n)
        return title_before_raw(c, b, kind);
    if (c->tb_kind[b] == 0xFF) {
        int k = T_NONE;
        /* (title_before_raw's own first test, inlined) */
        c->tb_start[b] = (uint32_t)(b == 0 || !title_word_may(c, b - 1, 1) ? b : title_before_raw(c, b, &k));
        c->tb_kind[b] = (uint8_t)k;
    }
    *kind = c->tb_kind[b];
    return c->tb_start[b];
}

static size_t title_at_raw(ctx *c, size_t b, size_t e, int *kind);

/* Longest title starting at token b and ending at or before e: its end, or b.  (The quick
 * test inlined, the look-ups out of line.) */
static inline size_t title_at(ctx *c, size_t b, size_t e, int *kind)
{
    *kind = T_NONE;
    if (b >= e || !title_word_may(c, b, 0))
        return b;
    return title_at_raw(c, b, e, kind);
}

static __attribute__((noinline)) size_t title_at_raw(ctx *c, size_t b, size_t e, int *kind)
{
    const struct nf_actors_eng *x = c->x;
    size_t k = 0, best = b;
    for (size_t j = b; j < e && j < b + (size_t)x->max_title; j++) {
        if (!(c->tok[j].flags & NF_T_WORD))
            break;
        if (j > b)
            c->key[k++] = ' ';
        size_t n = tl(c, j);
        if (k + n + 2 >= sizeof c->key)
            break;
        nf_lower(tx(c, j), n, c->key + k);
        k += n;
        long v = (long)nf_map_get(x->titles, c->key, k);
        if (v && (!(v & 16) || c->lax || nf_isupper((unsigned char)tx(c, b)[0]))) {
            *kind = (int)(v & 15);
            best = j + 1;
        }
    }
    return best;
}

static const char *span_str(ctx *c, size_t b, size_t e)
{
    /* tokens joined by one space, possessives dropped */
    size_t cap = 1;
    for (size_t i = b; i < e; i++)
        cap += tl(c, i) + 1;
    char *out = nf_arena_alloc(&c->a->arena, cap);
    size_t k = 0;
    for (size_t i = b; i < e; i++) {
        if (is_poss(c, i))
            continue;
        if (k && !(c->tok[i].flags & NF_T_PUNCT && (tx(c, i)[0] == ',' || tx(c, i)[0] == '.')) &&
            c->tok[i].start > c->tok[i - 1].end)
            out[k++] = ' ';
        memcpy(out + k, tx(c, i), tl(c, i));
        k += tl(c, i);
    }
    /* `Sport.` at a sentence's end: the point is not the name's (`Co.`, `Jr.` keep theirs) */
    if (k > 5 && out[k - 1] == '.' && nf_islower((unsigned char)out[k - 2]) &&
        nf_islower((unsigned char)out[k - 3]) && nf_islower((unsigned char)out[k - 4]) &&
        nf_islower((unsigned char)out[k - 5]))
        out[--k] = '\0';
    out[k] = '\0';
    return out;
}

static const person *pick_person(const ctx *c, int32_t first)
{
    const struct nf_actors_eng *x = c->x;
    int y = c->a->anchor_y;
    const person *fallback = NULL;
    for (int32_t i = first; i >= 0; i = x->people[i].next) {
        const person *p = &x->people[i];
        if (!fallback)
            fallback = p;
        if (y && p->y0 <= y && (p->y1 == 0 || y <= p->y1))
            return p;
    }
    return y ? NULL : fallback;
}

static void coref_add(ctx *c, const char *key, size_t klen, const char *canon, int kind)
{
    for (size_t i = 0; i < c->ncr; i++)
        if (c->cr[i].klen == klen && (!klen || c->cr[i].key[0] == key[0]) && memcmp(c->cr[i].key, key, klen) == 0) {
            static const int rank[] = {[CR_ORG1] = 0, [CR_FIRST] = 1, [CR_WEAK] = 1, [CR_ORG] = 2,
                                       [CR_FULL] = 3};
            if (rank[kind] >= rank[c->cr[i].kind]) {
                c->cr[i].canon = canon; /* the most recent wins */
                c->cr[i].kind = kind;
            }
            return;
        }
    if (c->ncr >= 2048)
        return; /* a list, not an article: keep lookups bounded */
    coref *r = NF_PUSH(c->cr, c->ncr, c->capcr);
    r->key = nf_arena_strndup(&c->a->arena, key, klen);
    r->klen = klen;
    r->canon = canon;
    r->kind = kind;
}

static const coref *coref_find(const ctx *c, const char *key, size_t klen)
{
    /* (the first byte before memcmp: most keys of one length differ there) */
    for (size_t i = 0; i < c->ncr; i++)
        if (c->cr[i].klen == klen && (!klen || c->cr[i].key[0] == key[0]) && memcmp(c->cr[i].key, key, klen) == 0)
            return &c->cr[i];
    return NULL;
}

static const char *coref_get(const ctx *c, const char *key, size_t klen)
{
    const coref *r = coref_find(c, key, klen);
    return r && r->kind != CR_ORG && r->kind != CR_ORG1 ? r->canon : NULL;
}

static int is_initial(const ctx *c, size_t i)
{
    const char *s = tx(c, i);
    size_t n = tl(c, i);
    return (n == 2 && nf_isupper((unsigned char)s[0]) && s[1] == '.') ||
           (n == 4 && nf_isupper((unsigned char)s[0]) && s[1] == '.' && nf_isupper((unsigned char)s[2]) && s[3] == '.');
}

/* Canonical name of a person written as tokens [b,e) (titles already stripped). */
static const char *person_canon(ctx *c, size_t ts, size_t b, size_t e)
{
    const struct nf_actors_eng *x = c->x;
    while (e > b && (is_poss(c, e - 1) || (c->tok[e - 1].flags & NF_T_PUNCT)))
        e--;
    if (e <= b)
        return NULL;
    if (ts < b) { /* a title that is part of the name: `King Hussein`, `Pope Francis` */
        size_t k = 0;
        for (size_t i = ts; i < e; i++)
            k += keynorm(tx(c, i), tl(c, i), c->key + k, sizeof c->key - k);
        const dent *d = dent_get(x, c->key, k);
        if (d && d->canon && d->type == NF_ACT_PERSON) {
            char k1[256];
            size_t sk;
            const char *kp = tok_key(c, e - 1, k1, &sk);
            coref_add(c, kp, sk, d->canon, CR_FULL);
            return d->canon;
        }
    }
    size_t last = e - 1;
    if (e - b >= 2 && (tok_is(c, last, "Jr.") || tok_is(c, last, "Jr") || tok_is(c, last, "Sr.")))
        last--;
    char k1[256];
    size_t sk;
    const char *kp = tok_key(c, last, k1, &sk);
    if (last == b) { /* a lone surname */
        const char *cn = coref_get(c, kp, sk);
        if (cn)
            return cn;
        const dent *d = tok_key_dent(c, last, kp, sk);
        if (d && d->canon && d->type == NF_ACT_PERSON)
            cn = d->canon;
        else if (d && d->surname >= 0) {
            const person *p = pick_person(c, d->surname);
            if (p)
                cn = p->canon;
        }
        if (!cn)
            cn = span_str(c, b, e);
        coref_add(c, kp, sk, cn, CR_WEAK);
        return cn;
    }
    /* a full name: the dictionary, else the words without middle initials */
    size_t k = 0;
    for (size_t i = b; i < e; i++)
        k += keynorm(tx(c, i), tl(c, i), c->key + k, sizeof c->key - k);
    const dent *d = dent_get(x, c->key, k);
    if (!(d && d->canon && d->type == NF_ACT_PERSON) && e - b >= 3) {
        /* `Sergey V. Lavrov` as `Sergey Lavrov` */
        k = 0;
        for (size_t i = b; i < e; i++)
            if (!(i > b && i < e - 1 && is_initial(c, i)))
                k += keynorm(tx(c, i), tl(c, i), c->key + k, sizeof c->key - k);
        d = dent_get(x, c->key, k);
    }
    const char *cn;
    if (d && d->canon && d->type == NF_ACT_PERSON) {
        cn = d->canon;
    } else {
        size_t cap = 1;
        for (size_t i = b; i < e; i++)
            cap += tl(c, i) + 1;
        char *out = nf_arena_alloc(&c->a->arena, cap);
        size_t o = 0;
        for (size_t i = b; i < e; i++) {
            if (i > b && i < e - 1 && is_initial(c, i))
                continue;
            if (o)
                out[o++] = ' ';
            memcpy(out + o, tx(c, i), tl(c, i));
            o += tl(c, i);
        }
        out[o] = '\0';
        cn = out;
        /* `Juan Miguel` after `Juan Miguel Gonzalez`: the longer name seen earlier */
        for (size_t r = c->ncr; r-- > 0;)
            if (c->cr[r].kind == CR_FULL && strncmp(c->cr[r].canon, out, o) == 0 &&
                c->cr[r].canon[o] == ' ') {
                cn = c->cr[r].canon;
                break;
            }
        /* the same name written shorter earlier (a surname alone) keeps the full form */
    }
    coref_add(c, kp, sk, cn, CR_FULL);
    if (is_cap_word(c, b) && !is_initial(c, b) && tl(c, b) > 2) {
        /* `Steven` after `Steven Gerrard` */
        kp = tok_key(c, b, k1, &sk);
        coref_add(c, kp, sk, cn, CR_FIRST);
    }
    return cn;
}

static int verbish(const ctx *c, size_t j);

static void add_mention(ctx *c, size_t b, size_t e, const char *canon, int type, const char *role,
                        int flags)
{
    if (!canon || e <= b)
        return;
    /* SUBJECT: the next word acts (`Russia on Friday published` too) */
    size_t j = e;
    while (j < c->n && is_poss(c, j))
        j++;
    if (j < c->n && is_lower_word(c, j)) {
        const char *w = tx(c, j);
        size_t n = tl(c, j);
        NF_UNUSED(w), NF_UNUSED(n);
        if (verbish(c, j))
            flags |= NF_M_SUBJECT;
        else if ((tok_is(c, j, "on") || tok_is(c, j, "last") || tok_is(c, j, "this")) && j + 2 < c->n &&
                 is_lower_word(c, j + 2) && nf_map_has(c->x->verbs, tx(c, j + 2), tl(c, j + 2)))
            flags |= NF_M_SUBJECT;
    }
    nf_mention *m = NF_PUSH(c->a->men, c->a->nmen, c->a->capmen);
    m->start = c->tok[b].start;
    m->end = c->tok[e - 1].end;
    m->sent = c->si;
    m->canon = canon;
    m->role = role;
    m->type = (uint8_t)type;
    m->flags = (uint8_t)(flags | (c->lvl << LV_SHIFT));
    c->lvl = LV_CTX;
}

static int verbish(const ctx *c, size_t j)
{
    if (!is_lower_word(c, j))
        return 0;
    const char *w = tx(c, j);
    size_t n = tl(c, j);
    if (nf_map_has(c->x->verbs, w, n))
        return 1;
    if (n > 4 && memcmp(w + n - 2, "ed", 2) == 0)
        return 1;
    if (n > 3 && (memcmp(w + n - 2, "nt", 2) == 0 || memcmp(w + n - 3, "n't", 3) == 0 ||
                  (n > 5 && memcmp(w + n - 5, "n\xE2\x80\x99t", 5) == 0)))
        return 1; /* doesn't, wont (apostrophe lost) */
    return 0;
}

/* Is token i one of the words of map m? */
static int in_map(const ctx *c, size_t i, const nf_map *m)
{
    return i < c->n && nf_map_has(m, tx(c, i), tl(c, i));
}

static int word_in(const ctx *c, size_t j, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (tok_is(c, j, list[i]))
            return 1;
    return 0;
}

/* Does the capital at [b,e) act for its state (`Moscow wants`, `Moscow's demands`, `talks
 * between Washington and Moscow`) rather than name the city (`in Moscow`, `its Moscow office`,
 * a dateline)? */
static int capital_acts(ctx *c, size_t b, size_t e)
{
    static const char *const loc[] = {"in", "at", "near", "outside", "around", "across", "inside",
                                      "into", "via", "through", "visit", "visited", "visiting",
                                      "central", "downtown", "suburban", "arrived", "arriving",
                                      "arrive", "arrives", "flew", "fly", "flying", "travel",
                                      "traveled", "travelled", "traveling", "travelling",
                                      "heading", "headed", "leave", "leaving", "left", NULL};
    static const char *const citynoun[] = {"streets", "street", "airport", "airports", "suburbs",
                                           "outskirts", "center", "centre", "downtown", "mayor",
                                           "residents", "population", "subway", "metro", "port",
                                           "harbor", "harbour", "hospitals", "hospital", "hotels",
                                           "hotel", "districts", "district", "neighborhoods",
                                           "neighbourhoods", "squares", "square", "skyline",
                                           "stock", "bourse", "university", "schools", "city",
                                           "police", "region", "suburb", NULL};
    static const char *const dirs[] = {"east", "west", "north", "south", "northeast", "northwest",
                                       "southeast", "southwest", "outskirts", "miles", "kilometers",
                                       "kilometres", "km", "suburbs", "center", "centre", NULL};
    /* `Havana's streets`, `Havana's Plaza of the Revolution`: the city */
    if (is_poss(c, e) && (word_in(c, e + 1, citynoun) || is_cap_word(c, e + 1)))
        return 0;
    /* `east of Havana`, `Nairobi, Kenya` */
    if (b >= 2 && tok_is(c, b - 1, "of") && word_in(c, b - 2, dirs))
        return 0;
    if (tok_is(c, e, ",") && e + 1 < c->n) {
        const dent *d2;
        int l2;
        size_t q = dict_match(c, e + 1, &d2, &l2);
        if (q > e + 1 && d2 && d2->canon && d2->type == NF_ACT_COUNTRY) {
            const dent *me = tok_dent(c, b);
            if (me && me->cap >= 0 && strcmp(c->x->countries[me->cap].canon, d2->canon) == 0)
                return 0;
        }
    }
    static const char *const func[] = {"and", "or", "to", "on", "in", "for", "with", "of", "as",
                                       "that", "than", "but", "over", "about", "against", NULL};
    if (is_poss(c, e))
        return 1;
    static const char *const pre[] = {"with", "between", "against", "urged", "told", "warned",
                                      "pressed", "by", "accused", "asked", "pressure", NULL};
    if (b > 0 && word_in(c, b - 1, pre))
        return 1;
    if (b > 0 && (word_in(c, b - 1, loc) || tok_is(c, b - 1, "In") || tok_is(c, b - 1, "At"))) {
        /* `from Moscow` is the state when it comes with a demand: keep it a place only
         * when nothing acts */
        return 0;
    }
    if (b == 0 || (c->tok[b].flags & NF_T_SENT0)) {
        /* a dateline: `MOSCOW (Reuters) -`, `Moscow, Russia` */
        if (e < c->n && (c->tok[e].flags & NF_T_PUNCT) && !is_poss(c, e) &&
            (tx(c, e)[0] == '(' || tx(c, e)[0] == '-' || tx(c, e)[0] == ',' ||
             (tl(c, e) == 3 && memcmp(tx(c, e), "\xE2\x80", 2) == 0 &&
              ((unsigned char)tx(c, e)[2] == 0x93 || (unsigned char)tx(c, e)[2] == 0x94))))
            return 0;
        if (is_cap_word(c, e))
            return 0;
    }
    if (e >= c->n)
        return 1;
    if (verbish(c, e) || word_in(c, e, func))
        return 1;
    if (is_lower_word(c, e))
        return 0; /* `Moscow meetings`: a modifier */
    return 1;
}

static const char *TYPE_NAMES[] = {"person", "organization", "country", "place", "group"};

/* `<country|demonym>['s] <Field> Ministry`, `Ministry of <Field> [Affairs]`: returns the end
 * of the span starting at b, or b. */
static size_t ministry(ctx *c, size_t b, const char **canon)
{
    const struct nf_actors_eng *x = c->x;
    if (!(c->tok[b].flags & NF_T_CAP))
        return b;
    size_t i = b;
    int ci = -1;
    const dent *d;
    int lost;
    size_t de = dict_match(c, i, &d, &lost);
    if (de > i && d) {
        if (d->adj >= 0 && (!d->canon || d->type != NF_ACT_COUNTRY || !is_poss(c, de)))
            ci = d->adj;
        else if (d->canon && d->type == NF_ACT_COUNTRY)
            ci = d->country;
        if (ci >= 0) {
            i = de;
            if (is_poss(c, i))
                i++;
        }
    }
    /* lower-case body after a country, demonym or place: `Egypt's foreign ministry`,
     * `The Russian defence ministry`, `the Gaza health ministry` -> Egyptian Foreign Ministry */
    const dent *pl = NULL;
    if (ci < 0 && de > b && d && d->canon && d->type == NF_ACT_PLACE && is_lower_word(c, de)) {
        pl = d;
        i = de;
    } else if (ci < 0 && de > b && d && d->canon && d->type == NF_ACT_PLACE && is_poss(c, de) &&
               is_lower_word(c, de + 1)) {
        pl = d;
        i = de + 1;
    }
    if ((ci >= 0 || pl) && i > b && i + 1 < c->n && is_lower_word(c, i) && tl(c, i) < 24 &&
        (tok_is(c, i + 1, "ministry") || tok_is(c, i + 1, "Ministry"))) {
        char fb[24];
        memcpy(fb, tx(c, i), tl(c, i));
        fb[0] = (char)(fb[0] - 'a' + 'A');
        if (nf_map_has(x->fields, fb, tl(c, i))) {
            if (pl && pl->cap >= 0)
                ci = pl->cap; /* `Bonn's foreign ministry`: the capital's state */
            const char *pre = ci >= 0 ? c->x->countries[ci].adj : pl->canon;
            *canon = nf_arena_printf(&c->a->arena, "%s %.*s Ministry", pre, (int)tl(c, i), fb);
            return i + 2;
        }
    }
    if (pl)
        return b;
    /* <Field> Ministry */
    if (i + 1 < c->n &&
        (tok_is(c, i + 1, "Ministry") || tok_is(c, i + 1, "Office") || tok_is(c, i + 1, "Department")) &&
        nf_map_has(x->fields, tx(c, i), tl(c, i))) {
        if (tok_is(c, i + 1, "Department") && ci < 0)
            return b; /* `State Department` and kin are in orgs.tsv */
        if (ci < 0)
            ci = c->dateline; /* `MOSCOW (Reuters) - ... the Foreign Ministry said` */
        const char *adj = ci >= 0 ? c->x->countries[ci].adj : NULL;
        *canon = nf_arena_printf(&c->a->arena, "%s%s%.*s %.*s", adj ? adj : "", adj ? " " : "",
                                 (int)tl(c, i), tx(c, i), (int)tl(c, i + 1), tx(c, i + 1));
        return i + 2;
    }
    /* Ministry of <Field> [Affairs] [of <country>] */
    if (tok_is(c, i, "Ministry") && tok_is(c, i + 1, "of") && i + 2 < c->n &&
        nf_map_has(x->fields, tx(c, i + 2), tl(c, i + 2))) {
        size_t e = i + 3;
        if (tok_is(c, e, "Affairs"))
            e++;
        if (ci < 0 && tok_is(c, e, "of") && e + 1 < c->n) {
            de = dict_match(c, e + 1, &d, &lost);
            if (de > e + 1 && d && d->canon && d->type == NF_ACT_COUNTRY) {
                ci = d->country;
                e = de;
            }
        }
        if (ci < 0)
            ci = c->dateline; /* `MOSCOW (Reuters) - ... the Foreign Ministry said` */
        const char *adj = ci >= 0 ? c->x->countries[ci].adj : NULL;
        *canon = nf_arena_printf(&c->a->arena, "%s%s%.*s Ministry", adj ? adj : "", adj ? " " : "",
                                 (int)tl(c, i + 2), tx(c, i + 2));
        return e;
    }
    return b;
}

static int tag_type(uint8_t t) { return t == NF_TAG_O ? 0 : (t + 1) / 2; } /* 1 PER 2 ORG 3 LOC 4 MISC */

/* The article's votes for the one-word name at token i: counts[1..3] = PER ORG LOC. */
static int vote_find(const ctx *c, const char *w, size_t n)
{
    for (size_t v = 0; v < c->nvotes; v++)
        if (c->votes[v].n == n && memcmp(c->votes[v].w, w, n) == 0)
            return (int)v;
    return -1;
}

static void vote_add(ctx *c, const char *w, size_t n, int tt)
{
    int v = vote_find(c, w, n);
    if (v < 0) {
        if (c->nvotes >= 1024)
            return;
        __typeof__(*c->votes) *r = NF_PUSH(c->votes, c->nvotes, c->capvotes);
        memset(r, 0, sizeof *r);
        r->w = w;
        r->n = (uint32_t)n;
        v = (int)c->nvotes - 1;
    }
    if (c->votes[v].k[tt] < 60000)
        c->votes[v].k[tt]++;
}

/* Sports: a place named as a team (`Kent beat Somerset`, `gave Texas a 2-0 lead`). */
static int is_sporty(ctx *c)
{
    if (c->sporty >= 0)
        return c->sporty;
    c->sporty = 0;
    for (size_t k = 0; k < c->n && !c->sporty; k++) {
        if (is_lower_word(c, k) && nf_map_has(c->x->sport, tx(c, k), tl(c, k)))
            c->sporty = 1;
        else if ((c->tok[k].flags & NF_T_NUM) && k + 2 < c->n && tl(c, k + 1) == 1 &&
                 tx(c, k + 1)[0] == '-' && (c->tok[k + 2].flags & NF_T_NUM) && tl(c, k) <= 2)
            c->sporty = 1;
        else if ((c->tok[k].flags & NF_T_NUM) && memchr(tx(c, k), '-', tl(c, k)) && tl(c, k) <= 5)
            c->sporty = 1;
    }
    return c->sporty;
}

/* Types one span [b,e) of tagger type tt (0: none) with dictionary entry d covering [b,de). */
/* A role in apposition: `Sergey V. Lavrov, Russia's foreign minister`, `the bloc's foreign
 * policy chief, Josep Borrell`. NULL if none. */
static const char *appositive_role(ctx *c, size_t b, size_t e)
{
    int kk;
    /* after: `, [the] [X's] <title>` */
    if (tok_is(c, e, ",")) {
        size_t p = e + 1;
        if (tok_is(c, p, "the") || tok_is(c, p, "a") || tok_is(c, p, "an"))
            p++;
        for (int k = 0; k < 4 && p < c->n; k++) {
            size_t te = title_at(c, p, c->n, &kk);
            if (te > p && kk == T_TITLE) {
                size_t t2 = te; /* `deputy secretary of state for European affairs`: the title */
                return span_str(c, p, t2);
            }
            if (is_poss(c, p) || is_cap_word(c, p))
                p++;
            else
                break;
        }
    }
    /* before: `<title>, <name>` */
    if (b >= 2 && tok_is(c, b - 1, ",")) {
        size_t s = title_before(c, b - 1, &kk);
        if (s < b - 1 && kk == T_TITLE)
            return span_str(c, s, b - 1);
    }
    return NULL;
}

/* Does the word at token i (a capitalized sentence start) occur in lower case elsewhere
 * in the article (`Missiles stationed...` when the text also says `missiles`)? */
static int common_word(const ctx *c, size_t i)
{
    size_t n = tl(c, i);
    const char *w = tx(c, i);
    if (n < 3 || n > 40 || !nf_isupper((unsigned char)w[0]))
        return 0;
    char low[48];
    nf_lower(w, n, low);
    for (size_t k = 1; k < n; k++)
        if (low[k] != w[k])
            return 0; /* NATO, McCain: not a common word written capitalized */
    const char *t = c->a->doc.text, *end = t + c->a->doc.len;
    int plural = n > 4 && low[n - 1] == 's';
    if (plural)
        n--; /* `Missiles` ... `missile`, `missiles` */
    for (const char *p = t; p + n <= end; p++) {
        p = memchr(p, low[0], (size_t)(end - p));
        if (!p || p + n > end)
            return 0;
        if (p[1] == low[1] && memcmp(p, low, n) == 0 && (p == t || !nf_isalpha((unsigned char)p[-1])) &&
            (p + n == end || !nf_isalpha((unsigned char)p[n]) ||
             (plural && p[n] == 's' && (p + n + 1 == end || !nf_isalpha((unsigned char)p[n + 1])))))
            return 1;
    }
    return 0;
}

static int not_name_after_title(ctx *c, size_t p, int split)
{
    const struct nf_actors_eng *x = c->x;
    if (p >= c->n)
        return 1;
    if (word_in(c, p, (const char *const[]){"Executive", "Officer", "Superintendent", "Inspector", "Constable", NULL}))
        return !split;
    if (nf_map_has(x->orgsuf, tx(c, p), tl(c, p)) || nf_map_has(x->noname, tx(c, p), tl(c, p)))
        return 1;
    int kk;
    if (title_at(c, p, c->n, &kk) > p && kk == T_TITLE)
        return 1;
    const dent *d;
    int lost;
    if (dict_match(c, p, &d, &lost) == p + 1 && d && d->canon && d->type != NF_ACT_PERSON && d->surname < 0)
        return 1;
    return 0;
}

static int is_org_head(const ctx *c, size_t i)
{
    return i < c->n && (c->tok[i].flags & NF_T_CAP) &&
           (nf_map_has(c->x->orgsuf, tx(c, i), tl(c, i)) || nf_map_has(c->x->orghead, tx(c, i), tl(c, i)));
}

/* Is the title at p (in the tagged span [i,te)) part of an organization's name: a head word
 * after it (`General Workers Union`), or one before it with `of`/`for` between
 * (`Association of Chief Police Officers`)? */
static int title_in_org_name(const ctx *c, size_t i, size_t p, size_t te)
{
    for (size_t q = p + 1; q < te; q++)
        if (is_org_head(c, q))
            return 1;
    int of = 0;
    for (size_t q = p; q-- > i;) {
        if (tok_is(c, q, "of") || tok_is(c, q, "for"))
            of = 1;
        else if (of && is_org_head(c, q))
            return 1;
    }
    return 0;
}

/* An organization's name of several capitalized parts joined by `and`, `&`, `of`, `for`,
 * `the`, starting at token i: `Public and Commercial Services Union` (parts joined by `and`
 * up to a head word, the tagger seeing no second name in it), `Royal Society for the
 * Protection of Birds` (a head word, then `of`/`for` and capitalized words). Returns its end,
 * or i. Not from a title (`President of the European Commission`) or a stop word. */
/* `and`, `&`, `of`, `for` (bytes compared in place: org_run's first test runs at every
 * capitalized word) */
static int is_connector(const ctx *c, size_t j)
{
    const char *w = tx(c, j);
    switch (tl(c, j)) {
    case 1: return w[0] == '&';
    case 2: return w[0] == 'o' && w[1] == 'f';
    case 3: return (w[0] == 'a' && w[1] == 'n' && w[2] == 'd') || (w[0] == 'f' && w[1] == 'o' && w[2] == 'r');
    default: return 0;
    }
}

/* org_run's cheap first test, inlined where it is called at every capitalized word:
 * capitalized words (or possessions) from i, then a connector */
static inline int org_run_may(const ctx *c, size_t i)
{
    if (!is_cap_word(c, i))
        return 0;
    size_t j = i + 1;
    while (j < c->n && j < i + 6 && (c->tok[j].flags & (NF_T_CAP | NF_T_POSS)))
        j++;
    return j < c->n && is_connector(c, j);
}

static size_t org_run(ctx *c, size_t i, const uint8_t *tags)
{
    const struct nf_actors_eng *x = c->x;
    if (!org_run_may(c, i))
        return i;
    size_t j;
    if (nf_map_has(x->stop, tx(c, i), tl(c, i)) ||
        ((c->tok[i].flags & NF_T_SENT0) && tags[i] == NF_TAG_O && i + 1 < c->n && (tags[i + 1] & 1)))
        return i; /* (`Five Bank of America ...`: the tagger's name starts after the first word) */
    int kk;
    if (title_at(c, i, c->n, &kk) > i)
        return i;
    static const char *const no_complement[] = {"Parliament", "Assembly", "Inc", "Inc.", "Corp", "Corp.",
                                                "Co", "Co.", "Ltd", "Ltd.", "Plc", "PLC", "plc", "AG",
                                                "SA", "NV", "Bhd", "Group", "LLC", NULL};
    size_t end = i, head = i; /* head: after the last head word seen */
    int joined = 0, after_head = 0, btag = 0;
    for (j = i; j < c->n && j < i + 12;) {
        if (is_cap_word(c, j)) {
            size_t w = j++;
            if (w > i && (tags[w] & 1) && !after_head)
                btag = 1; /* the tagger starts a name of its own here */
            if (is_poss(c, j)) {
                /* `UK's Royal Bank of Scotland`, `FDA's Office of Drug Safety`: a name the
                 * dictionary knows, then its possession: two names */
                const dent *d0;
                int l0;
                if (dict_match(c, i, &d0, &l0) == j && d0 && d0->canon)
                    return i;
            }
            int poss = is_poss(c, j);
            while (j < c->n && is_poss(c, j))
                j++;
            end = j;
            if (is_org_head(c, w))
                head = end;
            if (poss && after_head)
                break; /* `the University of Michigan's August index` */
            continue;
        }
        int conn_and = tok_is(c, j, "and") || tok_is(c, j, "&");
        int conn_of = tok_is(c, j, "of") || tok_is(c, j, "for");
        if (!(conn_and || conn_of) || j == i)
            break;
        size_t k = j + 1;
        if (conn_of && tok_is(c, k, "the"))
            k++; /* `for the Protection of`; not `and the` (`the Department of Justice and the SEC`) */
        if (!is_cap_word(c, k) || nf_map_has(x->stop, tx(c, k), tl(c, k)))
            break;
        if (conn_of && head == end && !word_in(c, head - 1, no_complement))
            after_head = 1; /* `Society for the ...`: the head's complement (not a seat's:
                             * `Member of Parliament for Sheffield Brightside`; not a
                             * company's seat: `Dow Chemical Co of the United States`) */
        else if (conn_of && !after_head)
            break;
        if (conn_and) {
            /* `Bank of England and Barclays`: a second name (the tagger starts one, or the
             * words before are a name the dictionary knows) ends it */
            size_t s0 = end;
            while (s0 > i && (is_cap_word(c, s0 - 1) || is_poss(c, s0 - 1)))
                s0--;
            const dent *d1;
            int l1;
            if ((tags[k] & 1) || (dict_match(c, s0, &d1, &l1) == end && d1 && d1->canon))
                break;
            joined = 1;
        }
        j = k;
    }
    if (after_head && end > head)
        return end;
    if (joined && head > i && !btag)
        return head;
    return i;
}

/* `in Liverpool`, `the city of Leeds`: the name at b is the place itself, whatever the
 * article's other mentions of it are */
static int locative(const ctx *c, size_t b)
{
    /* (cheap first test: the word before starts as the prepositions do) */
    if (b == 0 || !strchr("iInoactsf", tx(c, b - 1)[0]))
        return 0;
    int loc = b > 0 && (word_in(c, b - 1, (const char *const[]){"in", "In", "near", "outside", "across",
                                                                "throughout", NULL}) ||
                        (b > 1 && tok_is(c, b - 1, "of") &&
                         word_in(c, b - 2, (const char *const[]){"city", "town", "streets", "centre",
                                                                 "center", NULL})));
    /* not `shares in Cairn Energy`, `a stake in Liverpool` */
    return loc && !(b > 1 && word_in(c, b - 2, (const char *const[]){"shares", "Shares", "stake", "stakes",
                                                                      "interest", "investment", "investors",
                                                                      "investor", NULL}));
}

/* A common noun right before a name that says it is an organization's (`energy firm Burren
 * Energy`, `the airline Aer Lingus`, `Premiership side Chelsea`, `the band Keane`). */
static int org_descriptor(const ctx *c, size_t b)
{
    return b > 0 && is_lower_word(c, b - 1) && !(c->tok[b - 1].flags & NF_T_POSS) &&
           nf_map_has(c->x->descr, tx(c, b - 1), tl(c, b - 1));
}

static void resolve(ctx *c, size_t b, size_t e, int tt, const dent *d, size_t de)
{
    const struct nf_actors_eng *x = c->x;
    /* titles and honorifics before the span */
    int tkind;
    size_t ts = title_before(c, b, &tkind);
    const char *role = NULL;
    if (tkind == T_TITLE) {
        size_t k = ts;
        role = span_str(c, k, b);
    }
    /* a title needs a name after it: `Premier League`, `General Election`, `chief US
     * economist`, `Chief Executive` are no person */
    if (tkind == T_TITLE && e - b == 1 && not_name_after_title(c, b, 0)) {
        if (!(d && de == e && d->canon && d->type != NF_ACT_PERSON))
            return;
        tkind = T_NONE;
        role = NULL;
    }
    /* a span that is all title, no name (`the Lord Chancellor said`, `Chief Justice`
     * tagged as a person): a description, no row */
    if (e - b >= 2 && tt == 1) {
        size_t e2 = e, kk_end;
        int kk;
        while (e2 > b && is_poss(c, e2 - 1))
            e2--;
        kk_end = title_at(c, b, e2, &kk);
        if (e2 - b >= 2 && kk_end == e2 && kk == T_TITLE)
            return;
    }
    /* a leading title inside the span (`President Bill Clinton` tagged whole) */
    if (e - b >= 2 && tt == 1) {
        int kk;
        size_t te = title_at(c, b, e - 1, &kk);
        if (te > b) {
            /* the title may begin before the span (`Secretary` + `General Jens Stoltenberg`) */
            int k2;
            size_t s2 = title_before(c, te, &k2);
            if (k2 == T_TITLE && s2 < b)
                role = span_str(c, s2, te);
            else if (kk == T_TITLE)
                role = span_str(c, b, te);
            if (tkind == T_NONE || kk == T_HONOR)
                ts = k2 == T_TITLE && s2 < b ? s2 : b;
            tkind = kk;
            b = te;
            d = NULL;
            de = b;
        }
    }
    while (e > b && is_poss(c, e - 1))
        e--;
    if (e <= b)
        return;
    if (tkind == T_TITLE && e - b == 1 && !(d && de == e) && not_name_after_title(c, b, 0))
        return; /* `Chief Executive` tagged as one person */
    int whole = d && de == e;
    /* `US and Japan`, `Arsenal and Manchester United`: two names the dictionary knows, joined
     * by `and` into one span, are two names (not when the dictionary knows the whole span:
     * `Trinidad and Tobago`) */
    if (!whole && tkind == T_NONE && e - b >= 3) {
        size_t k = b + 1;
        while (k + 1 < e && !tok_is(c, k, "and"))
            k++;
        const dent *d1, *d2;
        int l1, l2;
        if (k + 1 < e && dict_match(c, b, &d1, &l1) == k && d1 && d1->canon &&
            dict_match(c, k + 1, &d2, &l2) == e && d2 && d2->canon) {
            resolve(c, b, k, d1->type == NF_ACT_PERSON ? tt : 0, d1, k);
            resolve(c, k + 1, e, d2->type == NF_ACT_PERSON ? tt : 0, d2, e);
            return;
        }
    }
    /* a single word the article has used for someone (`Washington` after `MaliVai
     * Washington`) or for an organization (`Eagles` after `Philadelphia Eagles`) */
    if (e - b == 1 && tkind == T_NONE) {
        char k1[256];
        size_t sk;
        const char *kp = tok_key(c, b, k1, &sk);
        const coref *r = coref_find(c, kp, sk);
        if (r && (!whole || !d->canon || d->type == NF_ACT_PLACE || (tt == 1 && r->kind == CR_FULL))) {
            if (r->kind == CR_FULL || r->kind == CR_FIRST || (r->kind == CR_WEAK && tt == 1)) {
                /* (the evidence is the full name's, which is in the same group) */
                c->lvl = LV_TAGGER;
                add_mention(c, b, e, r->canon, NF_ACT_PERSON, NULL, NF_M_ROW);
                return;
            }
            if ((r->kind == CR_ORG || r->kind == CR_ORG1) && tt && (tt != 3 || !whole)) {
                c->lvl = LV_TAGGER;
                add_mention(c, b, e, r->canon, NF_ACT_ORG, NULL, NF_M_ROW);
                return;
            }
        }
    }
    /* one word the tagger types differently across the article (`Pirelli` person here,
     * organization thrice elsewhere): the article's majority */
    if (e - b == 1 && tkind == T_NONE && !whole && tt >= 1 && tt <= 3) {
        int v = vote_find(c, tx(c, b), tl(c, b));
        if (v >= 0) {
            int best = tt;
            for (int k = 1; k <= 3; k++)
                if (c->votes[v].k[k] > c->votes[v].k[best])
                    best = k;
            tt = best;
        }
    }
    /* `Christmas`, `Muslims`, `PC`: words the tagger takes for names that are none */
    if (e - b == 1 && tkind == T_NONE && !whole && (nf_map_has(x->stop, tx(c, b), tl(c, b)) || is_thing(c, b)))
        return;
    /* `Western European`, `North African`: a span of such words only is no name either */
    if (e - b >= 2 && tkind == T_NONE && !whole && all_stop(c, b, e))
        return;
    /* products: `MacBook Pro`, `iPhone 12 Pro Max` */
    if (e - b >= 2 && !whole && in_map(c, e - 1, x->product))
        return;
    /* a name the article gave a person in full, tagged otherwise here (`Taylor Swift`) */
    if (e - b >= 2 && tkind == T_NONE && tt != 1 && (!whole || !d->canon)) {
        const char *str = span_str(c, b, e);
        for (size_t r = 0; r < c->ncr; r++)
            if (c->cr[r].kind == CR_FULL && strcmp(c->cr[r].canon, str) == 0) {
                c->lvl = LV_TAGGER;
                add_mention(c, b, e, c->cr[r].canon, NF_ACT_PERSON, NULL, NF_M_ROW);
                return;
            }
    }
    /* the tagger's organization over a place name: a club or a company (`Kent`, `Milan`) */
    if (whole && e - b == 1 && tt == 2 && d->canon && d->type == NF_ACT_PLACE && tkind == T_NONE && is_sporty(c)) {
        c->lvl = LV_CTX | LV_CLUB;
        add_mention(c, b, e, span_str(c, b, e), NF_ACT_ORG, NULL, NF_M_ROW);
        return;
    }
    /* `Seven Iraqis`, `Eastern European`: a span ending in a demonym is no name */
    if (!whole && e - b >= 2) {
        const dent *dl = tok_dent(c, e - 1);
        if (dl && dl->adj >= 0 && !dl->canon)
            return;
    }
    if (whole && d->canon && d->type != NF_ACT_PERSON && tkind == T_NONE) {
        int type = d->type;
        const char *canon = d->canon;
        c->lvl = LV_DICT;
        if (d->cap >= 0 && type == NF_ACT_PLACE) {
            if (capital_acts(c, b, e)) {
                canon = x->countries[d->cap].canon;
                type = NF_ACT_COUNTRY;
                c->lvl = LV_CTX;
            }
        }
        if (type == NF_ACT_PLACE && locative(c, b))
            c->lvl = LV_CTX;
        add_mention(c, b, e, canon, type, NULL, NF_M_ROW);
        return;
    }
    if (whole && !d->canon && d->cap >= 0 && tkind == T_NONE) {
        c->lvl = LV_DICT;
        add_mention(c, b, e, x->countries[d->cap].canon, NF_ACT_COUNTRY, NULL, NF_M_ROW);
        return;
    }
    if (whole && d->adj >= 0 && !d->canon && tkind == T_NONE) {
        add_mention(c, b, e, x->countries[d->adj].canon, NF_ACT_COUNTRY, NULL, NF_M_DEMONYM);
        return;
    }
    /* persons: tagged PER, a title or honorific before, a known person, or a surname seen */
    /* `Elon Musk` tagged as an organization: a given name opens a person's name */
    if ((tt == 2 || tt == 3) && !whole && e - b >= 2 && e - b <= 3 && tkind == T_NONE &&
        nf_map_has(x->first, tx(c, b), tl(c, b)) && !nf_map_has(x->orgsuf, tx(c, e - 1), tl(c, e - 1)) &&
        is_cap_word(c, b + 1)) {
        const dent *dl = tok_dent(c, e - 1);
        if (!dl || !dl->canon || dl->type == NF_ACT_PERSON)
            tt = 1;
    }
    /* `Johnson Controls Inc` tagged as a person: the last word makes it an organization */
    if (tt && e - b >= 2 && tkind == T_NONE && !whole && nf_map_has(x->orgsuf, tx(c, e - 1), tl(c, e - 1)))
        tt = 2;
    /* `Hong Kong-listed`, `United Nations-sponsored`: modifiers, not names */
    {
        const char *w = tx(c, e - 1), *h = NULL;
        for (size_t k = tl(c, e - 1); k-- > 1;)
            if (w[k] == '-') {
                h = w + k;
                break;
            }
        if (h && h + 1 < w + tl(c, e - 1) && nf_islower((unsigned char)h[1]) && !whole)
            return;
    }
    /* `Missiles stationed...`: a sentence's first word that the article also writes in
     * lower case is no name */
    if (e - b == 1 && !whole && tkind == T_NONE && (c->tok[b].flags & NF_T_SENT0) && common_word(c, b))
        return;
    /* `energy firm Burren Energy` tagged as a person or a place: the noun before it decides */
    int descr = 0;
    if (tt && tkind == T_NONE && !whole && org_descriptor(c, b)) {
        tt = 2;
        descr = 1;
    }
    /* `Film Festival`, `Brit Awards` tagged as a person: an event's name (not `Doris Day`) */
    if (tt == 1 && tkind == T_NONE && !whole && e - b >= 2 && in_map(c, e - 1, x->event) &&
        !nf_map_has(x->first, tx(c, b), tl(c, b)))
        return;
    int is_person = tt == 1 || tkind != T_NONE || (whole && ((d->canon && d->type == NF_ACT_PERSON) || d->surname >= 0));
    /* `the Biden administration`, `the Blair government`: the government a person leads is an
     * organization, named by the surname and the noun (`Bush administration`) */
    if (is_person && tkind == T_NONE && e - b <= 3 && is_lower_word(c, e) &&
        word_in(c, e, (const char *const[]){"administration", "government", "regime", "cabinet", NULL})) {
        c->lvl = LV_CTX;
        add_mention(c, b, e + 1,
                    nf_arena_printf(&c->a->arena, "%.*s %.*s", (int)tl(c, e - 1), tx(c, e - 1), (int)tl(c, e), tx(c, e)),
                    NF_ACT_ORG, NULL, NF_M_ROW);
        return;
    }
    if (is_person) {
        /* an honorific alone before a word that is no name (`Mr. President`) */
        const char *cn = person_canon(c, tkind == T_TITLE ? ts : b, b, e);
        if (!role) {
            c->lax = 1;
            role = appositive_role(c, b, e);
            c->lax = 0;
        }
        /* the evidence: a title or honorific, a known person (context); a tagged name that
         * opens with a given name (dictionary-strong); else the tagger's guess */
        c->lvl = tkind != T_NONE || role || (whole && ((d->canon && d->type == NF_ACT_PERSON) || d->surname >= 0))
                     ? LV_CTX
                     : e - b >= 2 && nf_map_has(x->first, tx(c, b), tl(c, b)) ? LV_DICT : LV_TAGGER;
        add_mention(c, tkind == T_HONOR ? ts : b, e, cn, NF_ACT_PERSON, role, NF_M_ROW);
        if (role && cn) {
            /* remember who holds the role, and for whom (`NATO Secretary-General X`) */
            const char *aff = NULL;
            uint32_t before = ts > 0 ? c->tok[ts - 1].end : 0;
            if (ts > 0 && is_poss(c, ts - 1) && ts > 1)
                before = c->tok[ts - 2].end;
            for (size_t m = c->a->nmen - 1; m-- > 0 && c->a->men[m].sent == c->si;)
                if (c->a->men[m].end == before && c->a->men[m].type != NF_ACT_PERSON) {
                    aff = c->a->men[m].canon;
                    break;
                }
            if (c->nroles < 256) {
                __typeof__(*c->roles) *r = NF_PUSH(c->roles, c->nroles, c->caproles);
                r->role = role;
                r->aff = aff;
                r->canon = cn;
            }
        }
        return;
    }
    if (tt == 4 || tt == 0)
        return; /* MISC (events, nationalities) make no actor */
    /* ORG / LOC not in the dictionary as a whole: drop a leading country (`U.S. State
     * Department`), else take the words as written */
    if (d && de < e && d->canon && d->type == NF_ACT_COUNTRY) {
        size_t k = 0, s = de;
        if (is_poss(c, s))
            s++;
        for (size_t i = s; i < e; i++)
            k += keynorm(tx(c, i), tl(c, i), c->key + k, sizeof c->key - k);
        const dent *d2 = k ? dent_get(x, c->key, k) : NULL;
        if (d2 && d2->canon && d2->type != NF_ACT_PERSON && d2->type != NF_ACT_COUNTRY) {
            add_mention(c, b, de, d->canon, NF_ACT_COUNTRY, NULL, NF_M_ROW);
            add_mention(c, s, e, d2->canon, d2->type, NULL, NF_M_ROW);
            return;
        }
    }
    /* `NATO-Russia meeting`, `U.S.-Russian talks`: compounds of names are modifiers */
    if (e - b == 1 && memchr(tx(c, b), '-', tl(c, b))) {
        const char *w = tx(c, b), *end = w + tl(c, b);
        int all = 1;
        while (w < end && all) {
            const char *h = memchr(w, '-', (size_t)(end - w));
            size_t n = h ? (size_t)(h - w) : (size_t)(end - w);
            const dent *dd = dent_get(x, w, n);
            all = dd != NULL;
            w = h ? h + 1 : end;
        }
        if (all)
            return;
    }
    /* `Eastern European`: a span ending in a demonym is an adjective phrase */
    {
        const dent *dl = tok_dent(c, e - 1);
        if (dl && dl->adj >= 0 && !dl->canon)
            return;
    }
    /* events and documents: `Cold War`, `INF Treaty`, `World Cup` */
    {
        const nf_map *heads = x->event;
        if (in_map(c, e - 1, heads))
            return;
        /* `Intermediate-Range Nuclear Forces (INF) Treaty`: the name of a treaty, not its parties */
        if (in_map(c, e, heads) || (tok_is(c, e, ")") && in_map(c, e + 1, heads)) ||
            (tok_is(c, e, "(") && e + 3 < c->n && tok_is(c, e + 2, ")") && in_map(c, e + 3, heads)))
            return;
    }
    /* `Central and Eastern Europe`, `North and South Korea`: two names */
    if (e - b == 4 && tok_is(c, b + 1, "and")) {
        char k2[256];
        size_t n1 = keynorm(tx(c, b), tl(c, b), k2, sizeof k2);
        n1 += keynorm(tx(c, e - 1), tl(c, e - 1), k2 + n1, sizeof k2 - n1);
        const dent *d1 = dent_get(x, k2, n1);
        size_t n2 = keynorm(tx(c, b + 2), tl(c, b + 2), k2, sizeof k2);
        n2 += keynorm(tx(c, e - 1), tl(c, e - 1), k2 + n2, sizeof k2 - n2);
        const dent *d2 = dent_get(x, k2, n2);
        if (d1 && d1->canon && d2 && d2->canon && d1->type != NF_ACT_PERSON && d2->type != NF_ACT_PERSON) {
            add_mention(c, b, b + 1, d1->canon, d1->type, NULL, NF_M_ROW);
            add_mention(c, b + 2, e, d2->canon, d2->type, NULL, NF_M_ROW);
            return;
        }
    }
    /* `Central and Eastern Europe` tagged as two: `Central` stands for `Central Europe` */
    if (e - b == 1 && tok_is(c, e, "and")) {
        const dent *d2;
        int l2;
        size_t q = dict_match(c, e + 1, &d2, &l2);
        if (q >= e + 3 && d2 && d2->canon) {
            char k2[256];
            size_t n1 = keynorm(tx(c, b), tl(c, b), k2, sizeof k2);
            n1 += keynorm(tx(c, q - 1), tl(c, q - 1), k2 + n1, sizeof k2 - n1);
            const dent *d1 = dent_get(x, k2, n1);
            if (d1 && d1->canon && d1->type == d2->type) {
                add_mention(c, b, e, d1->canon, d1->type, NULL, NF_M_ROW);
                return;
            }
        }
    }
    /* one-token stop words the tagger took for names */
    if (e - b >= 2 && nf_map_has(x->stop, tx(c, e - 1), tl(c, e - 1)))
        return;
    if (e - b == 1 && nf_map_has(x->stop, tx(c, b), tl(c, b)))
        return;
    int type = tt == 2 ? NF_ACT_ORG : NF_ACT_PLACE;
    const char *cn = span_str(c, b, e);
    /* the tagger's type, unless an organization's last word shows it */
    int lvl = (type == NF_ACT_ORG && (descr || (e - b >= 2 && nf_map_has(x->orgsuf, tx(c, e - 1), tl(c, e - 1))))) ||
                      (type == NF_ACT_PLACE && locative(c, b))
                  ? LV_CTX
                  : LV_TAGGER;
    if (type == NF_ACT_ORG) {
        /* `Rotor Volgograd` ... `Rotor`; `Philadelphia Eagles` ... `Eagles`; `Boatmen` */
        size_t ends[2] = {b, e - 1};
        for (int k = 0; k < 2; k++) {
            size_t w = ends[k];
            if (!is_cap_word(c, w) || tok_dent(c, w) || nf_map_has(x->stop, tx(c, w), tl(c, w)))
                continue;
            char k1[256];
            size_t sk;
            const char *kp = tok_key(c, w, k1, &sk);
            coref_add(c, kp, sk, cn, e - b == 1 ? CR_ORG1 : CR_ORG);
        }
    }
    c->lvl = lvl;
    add_mention(c, b, e, cn, type, NULL, NF_M_ROW);
}

/* Last word of a role, lower-cased, into out. */
static size_t role_head(const char *role, char *out, size_t cap)
{
    const char *sp = strrchr(role, ' ');
    const char *h = sp ? sp + 1 : role;
    size_t n = strlen(h);
    if (n >= cap)
        n = cap - 1;
    nf_lower(h, n, out);
    out[n] = '\0';
    return n;
}

/* `the NATO chief`, `the Kremlin's spokesman`, `Russian Foreign Minister` with no name after:
 * a description standing for the person named earlier with that role (NF_M_DESCRIPTION, no
 * row). Runs over the mentions of the sentence just found. */
static void descriptions(ctx *c, size_t m0)
{
    size_t m1 = c->a->nmen;
    for (size_t m = m0; m < m1 && c->nroles; m++) {
        const nf_mention mn = c->a->men[m];
        if (mn.type == NF_ACT_PERSON)
            continue;
        size_t lo = 0, hi = c->n; /* first token at or after the mention's end */
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (c->tok[mid].start < mn.end)
                lo = mid + 1;
            else
                hi = mid;
        }
        size_t p = lo;
        if (is_poss(c, p))
            p++;
        int kk;
        size_t te = title_at(c, p, c->n, &kk);
        if (te == p || kk != T_TITLE || is_cap_word(c, te))
            continue;
        char want[64], have[64];
        char role[128];
        size_t rn = tl(c, te - 1) < sizeof role ? tl(c, te - 1) : sizeof role - 1;
        memcpy(role, tx(c, te - 1), rn);
        role[rn] = '\0';
        role_head(role, want, sizeof want);
        int generic = strcmp(want, "chief") == 0 || strcmp(want, "head") == 0 || strcmp(want, "leader") == 0;
        const char *who = NULL;
        for (size_t r = c->nroles; r-- > 0;) {
            if (!c->roles[r].aff || strcmp(c->roles[r].aff, mn.canon) != 0)
                continue;
            role_head(c->roles[r].role, have, sizeof have);
            if (generic || strcmp(have, want) == 0) {
                who = c->roles[r].canon;
                break;
            }
        }
        if (!who)
            continue;
        nf_mention *d = NF_PUSH(c->a->men, c->a->nmen, c->a->capmen);
        d->start = mn.start;
        d->end = c->tok[te - 1].end;
        d->sent = c->si;
        d->canon = who;
        d->role = nf_arena_strndup(&c->a->arena, tx(c, p), c->tok[te - 1].end - c->tok[p].start);
        d->type = NF_ACT_PERSON;
        d->flags = NF_M_DESCRIPTION;
    }
}

/* Starts loading the prefix-table lines that sentence s's dictionary scans will read
 * first: the entry of every token where dict_match can start (a capital or a digit).  It
 * runs one sentence ahead (while sentence s - 1 is worked on), so the loads overlap with that
 * work instead of each scan waiting for its own (the table is large and the tagger has just
 * evicted it).  Only a hint: no result depends on it.  (A scan's later steps are rarer:
 * pfx_ent.next ends most scans before a second probe.) */
static void prefetch_dict(ctx *c, size_t s)
{
    const nf_ana *a = c->a;
    if (s >= a->nsent || a->sent[s].tok0 + a->sent[s].ntok > a->ntok)
        return;
    const nf_tok *tok = a->tok + a->sent[s].tok0;
    const char *text = a->doc.text;
    uint8_t *tf = c->tf + a->sent[s].tok0;
    uint64_t *th = c->th + a->sent[s].tok0;
    for (const uint32_t *p = c->cun + c->cun0[s], *end = c->cun + c->cun0[s + 1]; p < end; p++) {
        size_t i = *p;
        size_t len = tok[i].end - tok[i].start;
        const char *w = text + tok[i].start;
        uint64_t h = PFX_SEED;
        size_t q = 0;
        if (len < 256)
            for (; q < len && (unsigned char)((unsigned char)w[q] - 0x21) < 0xE2 - 0x21; q++)
                h = pfx_step(h, (unsigned char)w[q]);
        if (len && q == len) { /* (TF_PLAIN: kept for dict_match and tok_dent) */
            th[i] = h;
            tf[i] |= TF_PLAIN;
        } else {
            h = pfx_hash(c->key, keynorm(w, len, c->key, sizeof c->key));
        }
        pfx_prefetch(c->x, h);
    }
}

/* Is the sentence c->tok[0..c->n) a title-case heading (most longer words capitalized) or a
 * fragment of one or two words (`Newsfeed`, page furniture)?  Such sentences take names from
 * the dictionaries only.  Given its counts of words longer than 3 bytes (nlong), of those
 * capitalized (ncap), of words and numbers (nword), which the tagging pass takes as far as
 * they decide the answer (nlong 0 with fewer than 3 ncap, nword up to 3). */
static int is_headline(const ctx *c, size_t nlong, size_t ncap, size_t nword)
{
    static const char *const small[] = {"with", "from", "over", "into", "than", "that", "amid",
                                        "after", "about", "upon", "onto", "says", "said", NULL};
    size_t nlow = 0;
    if (nlong >= 3 && ncap * 10 >= nlong * 7)
        for (size_t k = 0; k < c->n; k++)
            if ((c->tok[k].flags & NF_T_WORD) && tl(c, k) > 3)
                nlow += is_lower_word(c, k) && !word_in(c, k, small);
    return (nlong >= 3 && ncap * 10 >= nlong * 7 && nlow == 0) || nword <= 2;
}

static void run_sentence(ctx *c, const nf_sent *s, const uint8_t *tags, int headline)
{
    const struct nf_actors_eng *x = c->x;
    c->tok = c->a->tok + s->tok0;
    c->tok0 = s->tok0;
    c->n = s->ntok;
    memset(c->dm_done, 0, c->n);
    memset(c->tw, 0, c->n);
    memset(c->tb_kind, 0xFF, c->n + 1);
    c->sporty = -1; /* computed when needed (is_sporty) */
    const nf_tok *tok = c->tok;
    const size_t n = c->n;
    size_t i = 0;
    while (i < n) {
        /* an untagged token without a capital or a digit: every rule below ends in `i++`
         * for it (no ministry, no dictionary match, no title or coreference cue); skip them
         * all in a tight loop */
        while (tags[i] == NF_TAG_O && !(tok[i].flags & (NF_T_CAP | NF_T_UPPER | NF_T_NUM)))
            if (++i == n)
                return;
        /* a ministry pattern */
        const char *mcanon = NULL;
        size_t me = ministry(c, i, &mcanon);
        if (me > i) {
            add_mention(c, i, me, mcanon, NF_ACT_ORG, NULL, NF_M_ROW);
            i = me;
            continue;
        }
        /* the tagger's span */
        int tt = tag_type(tags[i]);
        size_t te = i;
        if (tt) {
            te = i + 1;
            while (te < c->n && tag_type(tags[te]) == tt && !(tags[te] & 1))
                te++;
        }
        /* no lower-case words at a span's end (`European partners`), no capitalized
         * function word inside it (`Russia The latest`) */
        if (tt) {
            for (size_t p = i + 1; p < te; p++)
                if ((c->tok[p].flags & NF_T_CAP) &&
                    ((nf_map_has(x->stop, tx(c, p), tl(c, p)) && !prefix_has(x, tx(c, p), tl(c, p))) ||
                     is_thing(c, p))) {
                    te = p;
                    break;
                }
            /* `Robin van Persie gave Henry`, `Stone Roses singer Ian Brown`: a lower-case word
             * other than a name particle ends the span */
            static const char *const particles[] = {"of", "and", "the", "for", "de", "da", "van",
                                                    "von", "der", "den", "du", "le", "la", "di",
                                                    "del", "dos", "das", "el", "al", "bin", "ibn",
                                                    "ben", "y", "e", "on", "upon", "des", "ter",
                                                    "zu", "af", NULL};
            for (size_t p = i + 1; p < te; p++)
                if (is_lower_word(c, p) && !word_in(c, p, particles)) {
                    te = p;
                    break;
                }
            while (te > i + 1 && (is_lower_word(c, te - 1) || tok_is(c, te - 1, "&")))
                te--;
        }
        /* no name starts with a punctuation mark (`& Lomason` after a cut) */
        if (tt && (c->tok[i].flags & (NF_T_PUNCT | NF_T_POSS))) {
            i++;
            continue;
        }
        /* the rest of a span cut short above: no name starts with a lower-case word */
        if (tt && is_lower_word(c, i)) {
            i++;
            continue;
        }
        /* `The White House`: no article in the span; no `Subscribe According` */
        if (tt && te - i >= 2 && (tok_is(c, i, "The") || tok_is(c, i, "the") ||
                                  (nf_map_has(x->stop, tx(c, i), tl(c, i)) &&
                                   !prefix_has(x, tx(c, i), tl(c, i))))) {
            i++;
            continue;
        }
        /* a dateline's credit: `MOSCOW (Reuters) -`, `KYIV, Ukraine (AP) —` */
        if (tt && i > 0 && i <= 5 && tok_is(c, i - 1, "(") && tok_is(c, te, ")") &&
            te + 1 < c->n && (c->tok[te + 1].flags & NF_T_PUNCT) && !tok_is(c, te + 1, ",")) {
            i = te;
            continue;
        }
        /* photo credits: `(John Thys/AFP/Getty Images)`, `© AP Photo / Olivier Matthys` */
        if (tt && ((i > 0 && (tok_is(c, i - 1, "/") || tok_is(c, i - 1, "\xC2\xA9"))) ||
                   tok_is(c, te, "/"))) {
            i = te;
            continue;
        }
        const dent *d;
        int lost;
        size_t de = dict_match(c, i, &d, &lost);
        if (de > i && d && !d->canon && d->adj < 0 && d->cap < 0 && d->surname < 0)
            de = i;
        /* the rest of a span cut above (`OSCE` | `Chechnya`): the dictionary decides */
        if (tt && !(tags[i] & 1) && de > i)
            te = i;
        if (headline) /* title-case headings: the dictionaries only */
            te = i;
        if (tt && te > de && de > i) {
            /* `NATOs European`, `Moscow Russia`: a tagger span made of names the
             * dictionary knows separately keeps them apart */
            const dent *d2;
            int l2;
            if (lost || ((tt == 3 || tt == 2) && d->canon && d->type != NF_ACT_PERSON &&
                         dict_match(c, de, &d2, &l2) == te && d2 && d2->canon &&
                         (d2->type == NF_ACT_PLACE || d2->type == NF_ACT_COUNTRY)))
                te = de;
        }
        /* `George W Bush`: a person's middle initial written without its point splits the
         * tagger's span; join it */
        if (tt == 1) {
            while (te + 1 < c->n && tl(c, te) == 1 && nf_isupper((unsigned char)tx(c, te)[0]) &&
                   is_cap_word(c, te + 1) && tag_type(tags[te + 1]) == 1) {
                te += 2;
                while (te < c->n && tag_type(tags[te]) == 1 && !(tags[te] & 1))
                    te++;
            }
        }
        /* `Lebed Chechnya`: a person span ending in a country or place name */
        if (tt == 1 && te - i >= 2) {
            for (size_t p = i + 1; p < te; p++) {
                const dent *d2;
                int l2;
                const dent *h = p == i + 1 ? tok_dent(c, i) : NULL;
                if (dict_match(c, p, &d2, &l2) == te && d2 && d2->canon &&
                    (d2->type == NF_ACT_COUNTRY ||
                     (d2->type == NF_ACT_PLACE && ((h && h->surname >= 0) || p + 1 < te)))) {
                    te = p;
                    break;
                }
            }
        }
        /* `Tono Eitel of Germany`, `Kia Motor Corp of South Korea`, `Benetton of Italy`: a
         * person or a company `of` a country or place is two names; an institution named
         * by its head noun is one (`Bank of England`, `University of Chicago`) */
        if (tt == 1 || tt == 2 || tt == 4) {
            int tk0;
            int titled = title_before(c, i, &tk0) < i && tk0 != T_NONE;
            static const char *const legal[] = {"Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Ltd",
                                                "Ltd.", "Plc", "PLC", "AG", "SA", "NV", "Bhd",
                                                "Group", NULL};
            static const char *const heads[] = {"Church", "Republic", "Government", "Kingdom",
                                                "Museum", "State", "States", "Province", "City",
                                                "Port", "Gulf", "Sea", "Isle", "Duke", "Duchess",
                                                "Prince", "Princess", "King", "Queen", "Emperor",
                                                "Archbishop", "Bishop", "Mayor", "Governor",
                                                "President", "Secretary", "Minister", NULL};
            for (size_t p = i + 1; p + 1 < te; p++) {
                if (!tok_is(c, p, "of"))
                    continue;
                size_t q = p + 1;
                if (tok_is(c, q, "the") && q + 1 < te)
                    q++;
                const dent *d2;
                int l2;
                int inst = (nf_map_has(x->orgsuf, tx(c, p - 1), tl(c, p - 1)) && !word_in(c, p - 1, legal)) ||
                           word_in(c, p - 1, heads);
                if (dict_match(c, q, &d2, &l2) == te && d2 && d2->canon &&
                    (d2->type == NF_ACT_PLACE || d2->type == NF_ACT_COUNTRY) &&
                    (tt == 1 || titled || !inst)) {
                    te = p;
                    break;
                }
            }
        }
        /* an honorific opens a person's name, whatever the tagger calls the span (`Sir Alex
         * Ferguson`, `Lord Goldsmith`, `Dame Judi Dench` tagged as an organization); not
         * `Lord of the Rings` (no capitalized word right after it) nor a name ending in an
         * organization's suffix */
        if (tt && tt != 1 && te - i >= 2 && is_cap_word(c, i + 1) &&
            !nf_map_has(x->orgsuf, tx(c, te - 1), tl(c, te - 1))) {
            int kk;
            size_t hend = title_at(c, i, te - 1, &kk);
            if (hend > i && kk == T_HONOR)
                tt = 1;
        }
        /* a title the tagger took for an organization (`US President Joe Biden`) */
        if (tt && tt != 1) {
            int kk;
            size_t tend = title_at(c, i, c->n, &kk);
            const dent *dt;
            int lt;
            if (tend > i && kk == T_TITLE && nf_isupper((unsigned char)tx(c, i)[0]) &&
                (tend >= te || is_cap_word(c, tend)) && dict_match(c, i, &dt, &lt) <= tend &&
                !(te > tend && not_name_after_title(c, te - 1, 1))) {
                i = tend;
                continue;
            }
        }
        /* a title inside an ORG/LOC/MISC span (`NATO Secretary-General`, `US President`) ends it;
         * not one inside an organization's own name (`Transport and General Workers Union`,
         * `Association of Chief Police Officers`) */
        if (tt && tt != 1) {
            for (size_t p = i + 1; p < te; p++) {
                int kk;
                if (title_at(c, p, c->n, &kk) > p && kk == T_TITLE &&
                    nf_isupper((unsigned char)tx(c, p)[0]) && !title_in_org_name(c, i, p, te)) {
                    te = p;
                    while (te > i + 1 && (is_lower_word(c, te - 1) || tok_is(c, te - 1, "&")))
                        te--;
                    break;
                }
            }
        }
        /* an organization's name of several parts the tagger missed or split (`Public and
         * Commercial Services Union`, `Royal Society for the Protection of Birds`) */
        if (!headline && org_run_may(c, i)) {
            size_t oe = org_run(c, i, tags);
            if (oe > te && oe > i + 2) {
                const dent *d0;
                int l0;
                size_t d0e = dict_match(c, i, &d0, &l0);
                if (d0e >= oe)
                    oe = i; /* the dictionary knows it */
                if (oe > i) {
                    resolve(c, i, oe, 2, NULL, i);
                    i = oe;
                    continue;
                }
            }
        }
        if (de <= i && te <= i) {
            /* a surname the article has given in full, untagged (`Vasnetsov added`) */
            if (is_cap_word(c, i) && !is_cap_word(c, i + 1)) {
                char k1[256];
                size_t sk;
                const char *kp = tok_key(c, i, k1, &sk);
                const coref *r = coref_find(c, kp, sk);
                if (r && r->kind == CR_FULL) {
                    resolve(c, i, i + 1, 1, NULL, i);
                    i++;
                    continue;
                }
            }
            /* a name after a title or honorific the tagger missed */
            int tk;
            if (is_cap_word(c, i) && !(c->tok[i].flags & NF_T_SENT0) &&
                !nf_map_has(x->stop, tx(c, i), tl(c, i)) && title_before(c, i, &tk) < i && tk != T_NONE) {
                size_t e = i + 1;
                while (e < c->n && e < i + 4 && is_cap_word(c, e))
                    e++;
                resolve(c, i, e, 1, NULL, i);
                i = e;
                continue;
            }
            i++;
            continue;
        }
        if (de >= te) {
            /* the dictionary's span is the longer (or the same): its type, the tagger's only
             * when it says person for a word the dictionary knows as no person */
            int t2 = (de == te) ? tt : 0;
            resolve(c, i, de, t2 == 1 && d->canon && d->type != NF_ACT_PERSON ? 0 : t2, d, de);
            i = de;
        } else {
            resolve(c, i, te, tt, de > i ? d : NULL, de);
            i = te;
        }
    }
}

/* One article settles a name on one type (`Liverpool` the club in a sports report, not the
 * club here and the city there): the row mentions of one canonical name that were typed
 * differently take the type with the strongest evidence (LV_*: the highest level, then the
 * most mentions at that level; a club reading outranks the dictionary's place). Mentions whose
 * context showed their type (LV_CTX: a title, `in Liverpool`) keep it. */
typedef struct {
    const char *canon;
    uint32_t m; /* the mention's index */
} canon_ix;

static int cmp_canon(const void *p, const void *q)
{
    const canon_ix *a = p, *b = q;
    int k = strcmp(a->canon, b->canon);
    return k ? k : (a->m > b->m) - (a->m < b->m);
}

/* A sports report: two sentences or more name a team game's words (not `game`, `won`,
 * `final`, which other reports use too). */
static int article_sporty(ctx *c)
{
    nf_ana *a = c->a;
    size_t k = 0;
    for (size_t s = 0; s < a->nsent && k < 2; s++) {
        if (a->sent[s].tok0 + a->sent[s].ntok > a->ntok)
            continue;
        const nf_tok *tok = a->tok + a->sent[s].tok0;
        for (size_t i = 0; i < a->sent[s].ntok; i++)
            if ((tok[i].flags & NF_T_WORD) && nf_islower((unsigned char)a->doc.text[tok[i].start]) &&
                nf_map_has(c->x->team_sport, a->doc.text + tok[i].start, tok[i].end - tok[i].start)) {
                k++;
                break;
            }
    }
    return k >= 2;
}

/* A hash of a canonical name from its length and its first and last 8 bytes (settle_types
 * compares the names that share one; most of them are the same name). */
static uint32_t canon_hash(const char *s)
{
    size_t n = strlen(s);
    uint64_t a = 0, b = 0;
    if (n >= 8) {
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
    } else {
        for (size_t k = 0; k < n; k++)
            a = a << 8 | (unsigned char)s[k];
    }
    uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b + n) * 0xC2B2AE3D27D4EB4Full;
    return (uint32_t)(h >> 32);
}

static void settle_types(ctx *c, size_t m0)
{
    nf_ana *a = c->a;
    int art_sporty = -1;
    size_t n = 0;
    for (size_t m = m0; m < a->nmen; m++)
        n += (a->men[m].flags & NF_M_ROW) != 0;
    if (n < 2)
        return;
    /* a small hash table of the names: only those seen with two types (few) are sorted into
     * groups below */
    size_t cap = 16;
    while (cap < 2 * n)
        cap <<= 1;
    struct { const char *canon; uint32_t h; uint8_t type, mixed; } *tab = nf_arena_alloc(&a->arena, cap * sizeof *tab);
    uint32_t *slot = nf_arena_alloc(&a->arena, (a->nmen - m0) * sizeof *slot);
    memset(tab, 0, cap * sizeof *tab);
    size_t nmixed = 0;
    for (size_t m = m0; m < a->nmen; m++) {
        const nf_mention *mn = &a->men[m];
        if (!(mn->flags & NF_M_ROW))
            continue;
        uint32_t h = canon_hash(mn->canon);
        size_t i = h & (cap - 1);
        while (tab[i].canon && (tab[i].h != h || (tab[i].canon != mn->canon && strcmp(tab[i].canon, mn->canon) != 0)))
            i = (i + 1) & (cap - 1);
        if (!tab[i].canon) {
            tab[i].canon = mn->canon;
            tab[i].h = h;
            tab[i].type = mn->type;
        } else if (tab[i].type != mn->type && !tab[i].mixed) {
            tab[i].mixed = 1;
            nmixed++;
        }
        slot[m - m0] = (uint32_t)i;
    }
    if (!nmixed)
        return;
    canon_ix *cx = nf_arena_alloc(&a->arena, n * sizeof *cx);
    n = 0;
    for (size_t m = m0; m < a->nmen; m++)
        if ((a->men[m].flags & NF_M_ROW) && tab[slot[m - m0]].mixed)
            cx[n++] = (canon_ix){a->men[m].canon, (uint32_t)m};
    qsort(cx, n, sizeof *cx, cmp_canon);
    for (size_t g = 0, h; g < n; g = h) {
        int mixed = 0;
        for (h = g + 1; h < n && strcmp(cx[h].canon, cx[g].canon) == 0; h++)
            mixed |= a->men[cx[h].m].type != a->men[cx[g].m].type;
        if (!mixed)
            continue;
        /* per type: the highest level and the count at it */
        int top[NF_ACT_GROUP + 1], cnt[NF_ACT_GROUP + 1], club = 0;
        for (int t = 0; t <= NF_ACT_GROUP; t++)
            top[t] = -1, cnt[t] = 0;
        for (size_t k = g; k < h; k++)
            club |= (a->men[cx[k].m].flags >> LV_SHIFT) & LV_CLUB;
        if (club && art_sporty < 0)
            art_sporty = article_sporty(c);
        if (club && !art_sporty) {
            club = 0; /* a club named once in a report of another kind: no more than that */
            for (size_t k = g; k < h; k++)
                if ((a->men[cx[k].m].flags >> LV_SHIFT) & LV_CLUB)
                    a->men[cx[k].m].flags = (uint8_t)(a->men[cx[k].m].flags & ~(LV_CLUB << LV_SHIFT));
        }
        for (size_t k = g; k < h; k++) {
            const nf_mention *mn = &a->men[cx[k].m];
            int lv = (mn->flags >> LV_SHIFT) & 3;
            if (club && mn->type == NF_ACT_PLACE && lv == LV_DICT)
                lv = LV_TAGGER; /* the dictionary's city, where the article names its club */
            if (club && mn->type == NF_ACT_ORG && ((mn->flags >> LV_SHIFT) & LV_CLUB))
                lv = LV_CTX + 1;
            if (lv > top[mn->type])
                top[mn->type] = lv, cnt[mn->type] = 0;
            if (lv == top[mn->type])
                cnt[mn->type]++;
        }
        int best = -1, tie = -1;
        for (int t = 0; t <= NF_ACT_GROUP; t++) {
            if (top[t] < 0)
                continue;
            if (best < 0 || top[t] > top[best] || (top[t] == top[best] && cnt[t] > cnt[best]))
                best = t, tie = -1;
            else if (top[t] == top[best] && cnt[t] == cnt[best])
                tie = tie < 0 ? t : NF_ACT_GROUP + 1;
        }
        /* the tagger's even split between a person and an organization (or a place): a
         * name that opens with a given name is a person's, else an organization's */
        if (tie >= 0 && tie <= NF_ACT_GROUP && top[best] == LV_TAGGER && best == NF_ACT_PERSON &&
            (tie == NF_ACT_ORG || tie == NF_ACT_PLACE)) {
            const char *cn = a->men[cx[g].m].canon, *sp = strchr(cn, ' ');
            if (!sp || !nf_map_has(c->x->first, cn, (size_t)(sp - cn)))
                best = tie == NF_ACT_ORG ? NF_ACT_ORG : -1;
            tie = -1;
        } else if (tie >= 0 && tie <= NF_ACT_GROUP && top[best] == LV_TAGGER && best == NF_ACT_ORG &&
                   tie == NF_ACT_PLACE) {
            tie = -1; /* a company or a club more often than a place the dictionary lacks */
        }
        if (best < 0 || tie >= 0)
            continue;
        for (size_t k = g; k < h; k++) {
            nf_mention *mn = &a->men[cx[k].m];
            if (mn->type != best && ((mn->flags >> LV_SHIFT) & 3) != LV_CTX)
                mn->type = (uint8_t)best;
        }
    }
}

int nf_actors_run(nf_ana *a)
{
    const struct nf_actors_eng *x = a->eng->actors;
    if (!x)
        return 0;
    ctx c;
    memset(&c, 0, offsetof(ctx, key)); /* (key is scratch, written before it is read) */
    c.a = a;
    c.x = x;
    c.t = a->doc.text;
    c.lvl = LV_CTX;
    size_t maxn = 0, ntot = 0;
    for (size_t s = 0; s < a->nsent; s++) {
        if (a->sent[s].ntok > maxn)
            maxn = a->sent[s].ntok;
        ntot += a->sent[s].ntok;
    }
    if (!maxn)
        return 0;
    const char **words = nf_arena_alloc(&a->arena, maxn * sizeof *words);
    size_t *lens = nf_arena_alloc(&a->arena, maxn * sizeof *lens);
    uint8_t *tags = nf_arena_alloc(&a->arena, maxn);
    c.dm_end = nf_arena_alloc(&a->arena, maxn * sizeof *c.dm_end);
    c.dm_d = nf_arena_alloc(&a->arena, maxn * sizeof *c.dm_d);
    c.dm_lost = nf_arena_alloc(&a->arena, maxn);
    c.dm_done = nf_arena_alloc(&a->arena, maxn);
    c.tw = nf_arena_alloc(&a->arena, maxn);
    c.tb_start = nf_arena_alloc(&a->arena, (maxn + 1) * sizeof *c.tb_start);
    c.tb_kind = nf_arena_alloc(&a->arena, maxn + 1);
    size_t m0 = a->nmen;
    if (!a->tagcache)
        a->tagcache = nf_tagger_cache_new(); /* NULL when out of memory: tags without */
    /* tag every sentence first: the article's votes on one-word names */
    uint8_t *alltags = nf_arena_alloc(&a->arena, a->ntok ? a->ntok : 1);
    uint8_t *heads = nf_arena_alloc(&a->arena, a->nsent); /* is_headline, per sentence */
    c.tf = nf_arena_alloc(&a->arena, a->ntok ? a->ntok : 1);
    memset(c.tf, 0, a->ntok);
    c.th = nf_arena_alloc(&a->arena, (a->ntok ? a->ntok : 1) * sizeof *c.th);
    c.td = nf_arena_alloc(&a->arena, (a->ntok ? a->ntok : 1) * sizeof *c.td);
    /* per sentence: the tokens with a capital or a digit, for prefetch_dict (written without
     * branches: a store at every token, the count moved on when it is one) */
    uint32_t *cun = nf_arena_alloc(&a->arena, ntot * sizeof *cun);
    uint32_t *cun0 = nf_arena_alloc(&a->arena, (a->nsent + 1) * sizeof *cun0);
    size_t ncun = 0;
    c.cun = cun;
    c.cun0 = cun0;
    for (size_t s = 0; s < a->nsent; s++) {
        const nf_sent *se = &a->sent[s];
        cun0[s] = (uint32_t)ncun;
        if (se->tok0 + se->ntok > a->ntok)
            continue;
        const nf_tok *stok = a->tok + se->tok0;
        const char *text = a->doc.text;
        const size_t n = se->ntok; /* (locals: the stores to words and lens may alias a) */
        for (size_t i = 0; i < n; i++) {
            const nf_tok *t = &stok[i];
            size_t len = t->end - t->start;
            words[i] = text + t->start;
            lens[i] = len;
            cun[ncun] = (uint32_t)i;
            ncun += (t->flags & (NF_T_CAP | NF_T_UPPER | NF_T_NUM)) != 0;
        }
        /* is_headline's counts, as far as they decide: the capitalized long words (ncap,
         * among cun); fewer than 3 of them fail `nlong >= 3 && ncap * 10 >= nlong * 7`
         * whatever nlong is (so nlong is counted only with 3 or more, and only until it
         * fails that test: a larger count fails it too); nword counted up to 3 */
        size_t nlong = 0, ncap = 0, nword = 0;
        for (size_t k = cun0[s]; k < ncun; k++) {
            const nf_tok *t = &stok[cun[k]];
            ncap += (t->flags & NF_T_WORD) && (t->flags & (NF_T_CAP | NF_T_UPPER)) && t->end - t->start > 3;
        }
        if (ncap >= 3)
            for (size_t i = 0; i < n && ncap * 10 >= nlong * 7; i++)
                nlong += (stok[i].flags & NF_T_WORD) & (stok[i].end - stok[i].start > 3);
        for (size_t i = 0; i < n && nword <= 2; i++)
            nword += (stok[i].flags & (NF_T_WORD | NF_T_NUM)) != 0;
        c.tok = a->tok + se->tok0;
        c.tok0 = se->tok0;
        c.n = se->ntok;
        heads[s] = (uint8_t)is_headline(&c, nlong, ncap, nword);
        uint8_t *tg = alltags + se->tok0;
        nf_tagger_tag_cached(x->tagger, a->tagcache, words, lens, se->ntok, tg);
        for (size_t i = 0; i < n; i++) {
            uint64_t w8;
            if (i + 8 <= n && (memcpy(&w8, tg + i, 8), w8 == 0)) {
                i += 7; /* eight untagged tokens (NF_TAG_O is 0) */
                continue;
            }
            if (tg[i] == NF_TAG_O) /* (most tokens) */
                continue;
            int tt = (tg[i] + 1) / 2;
            if (tt >= 1 && tt <= 3 && (tg[i] & 1) && (i + 1 >= n || tg[i + 1] != tg[i] + 1) &&
                !(stok[i].flags & NF_T_SENT0))
                vote_add(&c, words[i], lens[i], tt);
        }
    }
    NF_UNUSED(tags);
    cun0[a->nsent] = (uint32_t)ncun;
    prefetch_dict(&c, 0);
    /* a dateline: the first sentence opens with a capital in capitals (`MOSCOW (Reuters) -`,
     * `KYIV, Ukraine -`); an unnamed ministry is then that country's */
    c.dateline = -1;
    if (a->nsent && a->sent[0].ntok >= 2) {
        c.tok = a->tok + a->sent[0].tok0;
        c.tok0 = a->sent[0].tok0;
        c.n = a->sent[0].ntok;
        memset(c.dm_done, 0, c.n);
        const dent *d;
        int l;
        size_t de = dict_match(&c, 0, &d, &l);
        if (de > 0 && d && d->cap >= 0 && (c.tok[0].flags & NF_T_UPPER) && de < c.n &&
            (c.tok[de].flags & NF_T_PUNCT))
            c.dateline = d->cap;
    }
    for (size_t s = 0; s < a->nsent; s++) {
        c.si = (uint32_t)s;
        size_t before = a->nmen;
        prefetch_dict(&c, s + 1);
        if (a->sent[s].tok0 + a->sent[s].ntok > a->ntok)
            continue;
        run_sentence(&c, &a->sent[s], alltags + a->sent[s].tok0, heads[s]);
        descriptions(&c, before);
        /* keep the sentence's mentions in text order (a description after its name) */
        for (size_t m = before + 1; m < a->nmen; m++) {
            nf_mention tmp = a->men[m];
            size_t k = m;
            while (k > before && a->men[k - 1].start > tmp.start) {
                a->men[k] = a->men[k - 1];
                k--;
            }
            a->men[k] = tmp;
        }
    }
    settle_types(&c, m0);
    /* the rows, sentence by sentence in text order as the mentions are */
    const char *text = NULL;
    uint32_t text_sent = UINT32_MAX;
    for (size_t m = m0; m < a->nmen; m++) {
        nf_mention *mn = &a->men[m];
        mn->flags &= (uint8_t)~(7u << LV_SHIFT); /* the stage's private bits */
        if (!(mn->flags & NF_M_ROW))
            continue;
        const nf_sent *se = &a->sent[mn->sent];
        if (mn->sent != text_sent) {
            text = nf_sent_text(a, se);
            text_sent = mn->sent;
        }
        nf_row *r = nf_row_add(a, NF_KIND_ACTOR, mn->start);
        r->f[NF_COL_ACTOR] = mn->canon;
        r->f[NF_COL_VALUE] = TYPE_NAMES[mn->type];
        r->f[NF_COL_UNIT] = mn->role;
        nf_row_set(a, r, NF_COL_MENTION, a->doc.text + mn->start, mn->end - mn->start);
        r->f[NF_COL_DATE] = nf_sent_date(a, se);
        r->f[NF_COL_TEXT] = text;
    }
    NF_UNUSED(m0);
    free(c.cr);
    free(c.roles);
    free(c.votes);
    return 0;
}

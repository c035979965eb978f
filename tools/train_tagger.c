/* train_tagger.c - trains the named-entity tagger model (see src/tagger.h).
 *
 * usage: train_tagger CONLL_TRAIN OUT_MODEL [--epochs N] [--dev CONLL_DEV]
 *                     [--mincount K] [--prune Q] [--seed S]
 *
 * Greedy left-to-right averaged perceptron, features from src/tagger.c.
 * Learns from CONLL_TRAIN only; CONLL_DEV is only tagged (with the exact
 * quantized model the runtime would load) to print entity-level P/R/F1
 * after every epoch.  Deterministic: integer perceptron updates, a fixed
 * shuffle seed, no dependence on time or locale.
 */
#define NF_TAGGER_INTERNAL
#include "../src/tagger.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die(const char *msg)
{
    fprintf(stderr, "train_tagger: %s\n", msg);
    exit(1);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

/* ------------------------------------------------------------- corpus */

typedef struct {
    char *text;         /* all words, concatenated */
    size_t *woff;       /* [ntok] offset of word in text */
    size_t *wlen;       /* [ntok] */
    uint8_t *gold;      /* [ntok] */
    size_t *sstart;     /* [nsent+1] first token of sentence */
    size_t ntok, nsent;
} corpus;

static int tag_id(const char *s)
{
    if (strcmp(s, "O") == 0)
        return NF_TAG_O;
    if ((s[0] != 'B' && s[0] != 'I') || s[1] != '-')
        return -1;
    int base;
    if (strcmp(s + 2, "PER") == 0)
        base = NF_TAG_B_PER;
    else if (strcmp(s + 2, "ORG") == 0)
        base = NF_TAG_B_ORG;
    else if (strcmp(s + 2, "LOC") == 0)
        base = NF_TAG_B_LOC;
    else if (strcmp(s + 2, "MISC") == 0)
        base = NF_TAG_B_MISC;
    else
        return -1;
    return s[0] == 'B' ? base : base + 1;
}

static void read_corpus(const char *path, corpus *c)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "train_tagger: cannot open %s\n", path);
        exit(1);
    }
    memset(c, 0, sizeof *c);
    size_t tcap = 1 << 20, tlen = 0, cap = 1 << 16, scap = 1 << 12;
    c->text = xmalloc(tcap);
    c->woff = xmalloc(cap * sizeof *c->woff);
    c->wlen = xmalloc(cap * sizeof *c->wlen);
    c->gold = xmalloc(cap);
    c->sstart = xmalloc(scap * sizeof *c->sstart);
    c->sstart[0] = 0;
    char line[4096];
    size_t lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        size_t l = strlen(line);
        while (l && (line[l - 1] == '\n' || line[l - 1] == '\r'))
            line[--l] = 0;
        char *fields[8];
        int nfld = 0;
        for (char *p = strtok(line, " \t"); p && nfld < 8; p = strtok(NULL, " \t"))
            fields[nfld++] = p;
        if (nfld == 0) { /* sentence boundary */
            if (c->ntok > c->sstart[c->nsent]) {
                if (c->nsent + 2 > scap) {
                    scap *= 2;
                    c->sstart = xrealloc(c->sstart, scap * sizeof *c->sstart);
                }
                c->sstart[++c->nsent] = c->ntok;
            }
            continue;
        }
        if (strcmp(fields[0], "-DOCSTART-") == 0)
            continue;
        if (nfld < 2) {
            fprintf(stderr, "train_tagger: %s:%zu: bad line\n", path, lineno);
            exit(1);
        }
        int tg = tag_id(fields[nfld - 1]);
        if (tg < 0) {
            fprintf(stderr, "train_tagger: %s:%zu: bad tag %s\n", path, lineno, fields[nfld - 1]);
            exit(1);
        }
        if (c->ntok + 1 > cap) {
            cap *= 2;
            c->woff = xrealloc(c->woff, cap * sizeof *c->woff);
            c->wlen = xrealloc(c->wlen, cap * sizeof *c->wlen);
            c->gold = xrealloc(c->gold, cap);
        }
        size_t wl = strlen(fields[0]);
        while (tlen + wl > tcap) {
            tcap *= 2;
            c->text = xrealloc(c->text, tcap);
        }
        memcpy(c->text + tlen, fields[0], wl);
        c->woff[c->ntok] = tlen;
        c->wlen[c->ntok] = wl;
        tlen += wl;
        /* IOB1 -> IOB2: an I-X that does not continue an X entity is B-X. */
        if (tg != NF_TAG_O && !(tg & 1)) {
            int prev = c->ntok > c->sstart[c->nsent] ? c->gold[c->ntok - 1] : NF_TAG_O;
            if (prev != tg && prev != tg - 1)
                tg = tg - 1;
        }
        c->gold[c->ntok++] = (uint8_t)tg;
    }
    fclose(f);
    if (c->ntok > c->sstart[c->nsent]) {
        if (c->nsent + 2 > scap)
            c->sstart = xrealloc(c->sstart, (scap + 2) * sizeof *c->sstart);
        c->sstart[++c->nsent] = c->ntok;
    }
}

/* --------------------------------------------------- entity evaluation */

typedef struct {
    size_t b, e;
    int type;
} chunk;

static int ttype(int tg) { return tg == NF_TAG_O ? 0 : (tg + 1) / 2; } /* 1 PER 2 ORG 3 LOC 4 MISC */

/* conlleval chunking of one sentence's tags */
static size_t chunks(const uint8_t *tg, size_t n, chunk *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        int ty = ttype(tg[i]);
        if (!ty) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && ttype(tg[j]) == ty && !(tg[j] & 1))
            j++;
        out[k].b = i, out[k].e = j, out[k].type = ty;
        k++;
        i = j;
    }
    return k;
}

typedef struct {
    size_t gold[5], pred[5], ok[5];
} prf;

static void prf_add(prf *s, const uint8_t *g, const uint8_t *p, size_t n, chunk *cg, chunk *cp)
{
    size_t ng = chunks(g, n, cg), np = chunks(p, n, cp);
    for (size_t i = 0; i < ng; i++)
        s->gold[cg[i].type]++;
    for (size_t i = 0; i < np; i++)
        s->pred[cp[i].type]++;
    size_t a = 0, b = 0;
    while (a < ng && b < np) {
        if (cg[a].b == cp[b].b) {
            if (cg[a].e == cp[b].e && cg[a].type == cp[b].type)
                s->ok[cg[a].type]++;
            a++, b++;
        } else if (cg[a].b < cp[b].b)
            a++;
        else
            b++;
    }
}

static double f1(size_t ok, size_t g, size_t p, double *P, double *R)
{
    *P = p ? (double)ok / (double)p : 0;
    *R = g ? (double)ok / (double)g : 0;
    return (*P + *R) > 0 ? 2 * *P * *R / (*P + *R) : 0;
}

static double evaluate(const nf_tagger *t, const corpus *c, int verbose)
{
    prf s;
    memset(&s, 0, sizeof s);
    size_t maxn = 0;
    for (size_t i = 0; i < c->nsent; i++)
        if (c->sstart[i + 1] - c->sstart[i] > maxn)
            maxn = c->sstart[i + 1] - c->sstart[i];
    const char **w = xmalloc(maxn * sizeof *w);
    uint8_t *pred = xmalloc(maxn);
    chunk *cg = xmalloc(maxn * sizeof *cg), *cp = xmalloc(maxn * sizeof *cp);
    size_t tokok = 0;
    for (size_t i = 0; i < c->nsent; i++) {
        size_t b = c->sstart[i], n = c->sstart[i + 1] - b;
        for (size_t j = 0; j < n; j++)
            w[j] = c->text + c->woff[b + j];
        nf_tagger_tag(t, w, c->wlen + b, n, pred);
        for (size_t j = 0; j < n; j++)
            tokok += pred[j] == c->gold[b + j];
        prf_add(&s, c->gold + b, pred, n, cg, cp);
    }
    static const char *names[5] = {"", "PER", "ORG", "LOC", "MISC"};
    size_t G = 0, P = 0, K = 0, G3 = 0, P3 = 0, K3 = 0;
    for (int ty = 1; ty <= 4; ty++) {
        G += s.gold[ty], P += s.pred[ty], K += s.ok[ty];
        if (ty <= 3)
            G3 += s.gold[ty], P3 += s.pred[ty], K3 += s.ok[ty];
    }
    double pr, rc;
    double fall = f1(K, G, P, &pr, &rc);
    printf("  dev: tokacc %.4f  all P %.4f R %.4f F1 %.4f", (double)tokok / (double)c->ntok, pr, rc, fall);
    double f3 = f1(K3, G3, P3, &pr, &rc);
    printf("  | PER/ORG/LOC P %.4f R %.4f F1 %.4f\n", pr, rc, f3);
    if (verbose)
        for (int ty = 1; ty <= 4; ty++) {
            double ff = f1(s.ok[ty], s.gold[ty], s.pred[ty], &pr, &rc);
            printf("    %-4s P %.4f R %.4f F1 %.4f (gold %zu)\n", names[ty], pr, rc, ff, s.gold[ty]);
        }
    fflush(stdout);
    free(w), free(pred), free(cg), free(cp);
    return fall;
}

/* ------------------------------------------------------- feature table */

typedef struct {
    uint32_t *keys; /* 0 = empty */
    uint32_t *ids;
    uint32_t mask;
} fmap;

static uint32_t mixh(uint32_t h)
{
    h ^= h >> 16;
    h *= 0x7feb352du;
    h ^= h >> 15;
    h *= 0x846ca68bu;
    h ^= h >> 16;
    return h;
}

static int64_t fmap_get(const fmap *m, uint32_t key)
{
    uint32_t h = mixh(key) & m->mask;
    for (;;) {
        if (m->keys[h] == key)
            return m->ids[h];
        if (m->keys[h] == 0)
            return -1;
        h = (h + 1) & m->mask;
    }
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* ------------------------------------------------------------ training */

typedef struct {
    uint32_t nfeat;
    uint32_t *keys; /* [nfeat] ascending */
    int32_t *w;     /* [nfeat*NT] */
    int64_t *u;     /* [nfeat*NT] sum of c*delta */
    int64_t c;      /* update clock */
} model;

static void update(model *m, const int64_t *ids, size_t n, int tag, int d)
{
    for (size_t k = 0; k < n; k++) {
        if (ids[k] < 0)
            continue;
        size_t o = (size_t)ids[k] * NF_NTAGS + (size_t)tag;
        m->w[o] += d;
        m->u[o] += m->c * d;
    }
}

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v, p[1] = (unsigned char)(v >> 8), p[2] = (unsigned char)(v >> 16),
    p[3] = (unsigned char)(v >> 24);
}

static size_t putvar(unsigned char *p, uint32_t v)
{
    size_t n = 0;
    while (v >= 0x80) {
        p[n++] = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    p[n++] = (unsigned char)v;
    return n;
}

/* Averages, quantizes and serializes the model.  Returns the image. */
static unsigned char *export_model(const model *m, int prune, size_t *outlen, uint32_t *kept)
{
    size_t nw = (size_t)m->nfeat * NF_NTAGS;
    double *avg = xmalloc(nw * sizeof *avg);
    double maxabs = 0;
    for (size_t i = 0; i < nw; i++) {
        avg[i] = (double)m->w[i] - (double)m->u[i] / (double)m->c;
        if (fabs(avg[i]) > maxabs)
            maxabs = fabs(avg[i]);
    }
    double scale = maxabs > 0 ? 32767.0 / maxabs : 1.0;
    unsigned char *img = xmalloc(32 + nw * 3 + (size_t)m->nfeat * 10);
    size_t pos = 28;
    uint32_t nk = 0, prev = 0;
    for (uint32_t f = 0; f < m->nfeat; f++) {
        int q[NF_NTAGS];
        uint32_t mask = 0;
        for (int t = 0; t < NF_NTAGS; t++) {
            long v = lround(avg[(size_t)f * NF_NTAGS + (size_t)t] * scale);
            if (v > 32767)
                v = 32767;
            if (v < -32767)
                v = -32767;
            if (labs(v) < prune)
                v = 0;
            q[t] = (int)v;
            if (v)
                mask |= 1u << t;
        }
        if (!mask)
            continue;
        pos += putvar(img + pos, nk ? m->keys[f] - prev : m->keys[f]);
        prev = m->keys[f];
        pos += putvar(img + pos, mask);
        for (int t = 0; t < NF_NTAGS; t++)
            if (q[t])
                pos += putvar(img + pos, q[t] < 0 ? (uint32_t)(-2 * q[t] - 1) : (uint32_t)(2 * q[t]));
        nk++;
    }
    memcpy(img, NF_TAGGER_MAGIC, 8);
    put32(img + 8, NF_TAGGER_VERSION);
    put32(img + 12, NF_NTAGS);
    put32(img + 16, nk);
    put32(img + 20, NF_TAGGER_FEATSET);
    put32(img + 24, (uint32_t)(pos - 28));
    put32(img + pos, nf__fnv1a(img, pos));
    pos += 4;
    free(avg);
    *outlen = pos;
    *kept = nk;
    return img;
}

static void window(const nf_tok *toks, size_t b, size_t n, size_t i, const nf_tok *win[5])
{
    for (size_t k = 0; k < 5; k++) {
        size_t p = i + k;
        win[k] = (p >= 2 && p - 2 < n) ? &toks[b + p - 2] : NULL;
    }
}

int main(int argc, char **argv)
{
    const char *trainp = NULL, *outp = NULL, *devp = NULL;
    int epochs = 10, mincount = 1, prune = 0;
    uint64_t seed = 12345;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--epochs") == 0 && i + 1 < argc)
            epochs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--dev") == 0 && i + 1 < argc)
            devp = argv[++i];
        else if (strcmp(argv[i], "--mincount") == 0 && i + 1 < argc)
            mincount = atoi(argv[++i]);
        else if (strcmp(argv[i], "--prune") == 0 && i + 1 < argc)
            prune = atoi(argv[++i]);
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (argv[i][0] == '-' && argv[i][1] == '-') {
            fprintf(stderr, "train_tagger: unknown option %s\n", argv[i]);
            return 2;
        } else if (!trainp)
            trainp = argv[i];
        else if (!outp)
            outp = argv[i];
        else {
            fprintf(stderr, "train_tagger: extra argument %s\n", argv[i]);
            return 2;
        }
    }
    if (!trainp || !outp || epochs < 1) {
        fprintf(stderr, "usage: train_tagger CONLL_TRAIN OUT_MODEL [--epochs N] [--dev CONLL_DEV]"
                        " [--mincount K] [--prune Q] [--seed S]\n");
        return 2;
    }

    corpus tr, dev;
    read_corpus(trainp, &tr);
    printf("train: %zu sentences, %zu tokens\n", tr.nsent, tr.ntok);
    if (devp) {
        read_corpus(devp, &dev);
        printf("dev:   %zu sentences, %zu tokens\n", dev.nsent, dev.ntok);
    }

    /* Token info and static features of every training token. */
    nf_tok *toks = xmalloc(tr.ntok * sizeof *toks);
    for (size_t i = 0; i < tr.ntok; i++)
        nf__tok_info(tr.text + tr.woff[i], tr.wlen[i], &toks[i]);
    size_t *foff = xmalloc((tr.ntok + 1) * sizeof *foff);
    uint32_t *fh = xmalloc(tr.ntok * NF_MAX_STATIC * sizeof *fh);
    size_t nfh = 0;
    size_t maxn = 0;
    for (size_t s = 0; s < tr.nsent; s++) {
        size_t b = tr.sstart[s], n = tr.sstart[s + 1] - b;
        if (n > maxn)
            maxn = n;
        const char **wp = xmalloc(n * sizeof *wp);
        for (size_t j = 0; j < n; j++)
            wp[j] = tr.text + tr.woff[b + j];
        uint32_t sf = nf__sent_flags(wp, tr.wlen + b, n);
        free(wp);
        for (size_t i = 0; i < n; i++) {
            const nf_tok *win[5];
            window(toks, b, n, i, win);
            foff[b + i] = nfh;
            nfh += nf__static_feats(win, i, sf, fh + nfh);
        }
    }
    foff[tr.ntok] = nfh;

    /* Feature set: static features + dynamic features under gold history,
     * kept when seen >= mincount times. */
    size_t nall = nfh + tr.ntok * NF_MAX_DYN;
    uint32_t *all = xmalloc(nall * sizeof *all);
    memcpy(all, fh, nfh * sizeof *all);
    size_t na = nfh;
    for (size_t s = 0; s < tr.nsent; s++) {
        size_t b = tr.sstart[s], n = tr.sstart[s + 1] - b;
        for (size_t i = 0; i < n; i++) {
            const nf_tok *win[5];
            window(toks, b, n, i, win);
            int p1 = i >= 1 ? tr.gold[b + i - 1] : -1, p2 = i >= 2 ? tr.gold[b + i - 2] : -1;
            na += nf__dyn_feats(win, p1, p2, all + na);
        }
    }
    qsort(all, na, sizeof *all, cmp_u32);
    model m;
    memset(&m, 0, sizeof m);
    m.keys = xmalloc(na * sizeof *m.keys);
    size_t distinct = 0;
    for (size_t i = 0; i < na;) {
        size_t j = i;
        while (j < na && all[j] == all[i])
            j++;
        distinct++;
        if (j - i >= (size_t)mincount)
            m.keys[m.nfeat++] = all[i];
        i = j;
    }
    free(all);
    printf("features: %zu distinct, %u kept (mincount %d)\n", distinct, m.nfeat, mincount);
    fmap map;
    uint32_t size = 1;
    while (size < 2 * m.nfeat)
        size <<= 1;
    map.mask = size - 1;
    map.keys = calloc(size, sizeof *map.keys);
    map.ids = xmalloc((size_t)size * sizeof *map.ids);
    if (!map.keys)
        die("out of memory");
    for (uint32_t f = 0; f < m.nfeat; f++) {
        uint32_t h = mixh(m.keys[f]) & map.mask;
        while (map.keys[h])
            h = (h + 1) & map.mask;
        map.keys[h] = m.keys[f];
        map.ids[h] = f;
    }
    int64_t *fid = xmalloc(nfh * sizeof *fid);
    for (size_t i = 0; i < nfh; i++)
        fid[i] = fmap_get(&map, fh[i]);
    free(fh);
    m.w = calloc((size_t)m.nfeat * NF_NTAGS, sizeof *m.w);
    m.u = calloc((size_t)m.nfeat * NF_NTAGS, sizeof *m.u);
    if (!m.w || !m.u)
        die("out of memory");
    m.c = 1;

    size_t *order = xmalloc(tr.nsent * sizeof *order);
    for (size_t s = 0; s < tr.nsent; s++)
        order[s] = s;
    uint8_t *pred = xmalloc(maxn ? maxn : 1);
    uint64_t rng = seed * 2862933555777941757ull + 3037000493ull;
    unsigned char *img = NULL;
    size_t imglen = 0;
    for (int ep = 1; ep <= epochs; ep++) {
        /* Fisher-Yates shuffle with a fixed-seed 64-bit LCG. */
        for (size_t s = tr.nsent; s > 1; s--) {
            rng = rng * 6364136223846793005ull + 1442695040888963407ull;
            size_t j = (size_t)((rng >> 33) % s);
            size_t tmp = order[s - 1];
            order[s - 1] = order[j];
            order[j] = tmp;
        }
        size_t errors = 0;
        for (size_t si = 0; si < tr.nsent; si++) {
            size_t s = order[si];
            size_t b = tr.sstart[s], n = tr.sstart[s + 1] - b;
            int p1 = -1, p2 = -1;
            for (size_t i = 0; i < n; i++) {
                if (nf__skip(&toks[b + i], p1)) {
                    errors += tr.gold[b + i] != NF_TAG_O;
                    m.c++;
                    pred[i] = NF_TAG_O;
                    p2 = p1;
                    p1 = NF_TAG_O;
                    continue;
                }
                const nf_tok *win[5];
                window(toks, b, n, i, win);
                uint32_t dh[NF_MAX_DYN];
                int64_t did[NF_MAX_DYN];
                size_t nd = nf__dyn_feats(win, p1, p2, dh);
                for (size_t k = 0; k < nd; k++)
                    did[k] = fmap_get(&map, dh[k]);
                int64_t sc[NF_NTAGS] = {0};
                const int64_t *sid = fid + foff[b + i];
                size_t ns = foff[b + i + 1] - foff[b + i];
                for (size_t k = 0; k < ns + nd; k++) {
                    int64_t id = k < ns ? sid[k] : did[k - ns];
                    if (id < 0)
                        continue;
                    const int32_t *w = m.w + (size_t)id * NF_NTAGS;
                    for (int t = 0; t < NF_NTAGS; t++)
                        sc[t] += w[t];
                }
                int best = NF_TAG_O;
                for (int t = 1; t < NF_NTAGS; t++)
                    if (nf__allowed(p1, t) && sc[t] > sc[best])
                        best = t;
                int g = tr.gold[b + i];
                if (best != g) {
                    errors++;
                    update(&m, sid, ns, g, 1);
                    update(&m, sid, ns, best, -1);
                    update(&m, did, nd, g, 1);
                    update(&m, did, nd, best, -1);
                }
                m.c++;
                pred[i] = (uint8_t)best;
                p2 = p1;
                p1 = best;
            }
        }
        uint32_t kept;
        free(img);
        img = export_model(&m, prune, &imglen, &kept);
        printf("epoch %d: train token errors %zu (%.4f), model %zu bytes, %u features\n", ep, errors,
               (double)errors / (double)tr.ntok, imglen, kept);
        if (devp) {
            nf_tagger *t = nf_tagger_load(img, imglen);
            if (!t)
                die("exported model does not load");
            evaluate(t, &dev, ep == epochs);
            nf_tagger_free(t);
        }
        fflush(stdout);
    }
    FILE *o = fopen(outp, "wb");
    if (!o || fwrite(img, 1, imglen, o) != imglen || fclose(o) != 0)
        die("cannot write model");
    printf("wrote %s (%zu bytes)\n", outp, imglen);
    free(img), free(order), free(pred), free(fid), free(foff), free(toks);
    free(map.keys), free(map.ids), free(m.keys), free(m.w), free(m.u);
    free(tr.text), free(tr.woff), free(tr.wlen), free(tr.gold), free(tr.sstart);
    if (devp)
        free(dev.text), free(dev.woff), free(dev.wlen), free(dev.gold), free(dev.sstart);
    return 0;
}

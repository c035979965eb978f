/* pipeline.c — the engine and the run: a reader (the calling thread) feeds articles into a
 * bounded ring, worker threads run the stages on them, a writer thread prints their rows in
 * input order. With one thread everything happens in the calling thread. Output is the
 * same byte for byte whatever the number of threads. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "nf.h"
#include "tagger.h"

/* ---- the engine ---- */

void nf_options_default(nf_options *o)
{
    memset(o, 0, sizeof *o);
    o->format = NF_FMT_TSV;
    o->header = 1;
    o->threads = 1;
    o->max_piece = (size_t)16 << 20;
}

static int parse_ymd(const char *s, int *y, int *m, int *d)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !nf_isdigit((unsigned char)s[i]))
            return -1;
    *y = atoi(s);
    *m = atoi(s + 5);
    *d = atoi(s + 8);
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (*m < 1 || *m > 12 || *d < 1 || *d > mdays[*m - 1])
        return -1;
    int leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
    if (*m == 2 && *d == 29 && !leap)
        return -1;
    return 0;
}

int nf_parse_date(const char *s, int *y, int *m, int *d) { return parse_ymd(s, y, m, d); }

nf_engine *nf_engine_new(const nf_options *o, char *err, size_t errlen)
{
    nf_engine *e = calloc(1, sizeof *e);
    if (!e) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    e->opt = *o;
    if (e->opt.threads < 1)
        e->opt.threads = 1;
    if (!e->opt.max_piece)
        e->opt.max_piece = (size_t)16 << 20;
    if (o->anchor_date && parse_ymd(o->anchor_date, &e->anchor_y, &e->anchor_m, &e->anchor_d)) {
        snprintf(err, errlen, "--date %s: not a date of the form YYYY-MM-DD", o->anchor_date);
        free(e);
        return NULL;
    }
    if (nf_data_load(e, err, errlen) || nf_normalize_init(e, err, errlen) ||
        nf_sentences_init(e, err, errlen) || nf_dates_init(e, err, errlen) ||
        nf_actors_init(e, err, errlen) || nf_figures_init(e, err, errlen) ||
        nf_claims_init(e, err, errlen)) {
        nf_engine_free(e);
        return NULL;
    }
    return e;
}

void nf_engine_free(nf_engine *e)
{
    if (!e)
        return;
    nf_claims_fini(e);
    nf_figures_fini(e);
    nf_actors_fini(e);
    nf_dates_fini(e);
    nf_sentences_fini(e);
    nf_normalize_fini(e);
    nf_data_free(e);
    free(e);
}

/* ---- one article ---- */

void nf_ana_init(nf_ana *a, const nf_engine *e, nf_worker *w)
{
    memset(a, 0, sizeof *a);
    a->eng = e;
    a->w = w;
}

void nf_ana_free(nf_ana *a)
{
    nf_arena_free(&a->arena);
    free(a->doc.seg);
    free(a->doc.para);
    free(a->tok);
    free(a->sent);
    free(a->tx);
    free(a->men);
    free(a->row);
    nf_tagger_cache_free(a->tagcache);
    memset(a, 0, sizeof *a);
}

static void ana_reset(nf_ana *a, const nf_article *art)
{
    nf_arena_reset(&a->arena);
    nf_doc d = {0};
    d.seg = a->doc.seg;
    d.capseg = a->doc.capseg;
    d.para = a->doc.para;
    d.cappara = a->doc.cappara;
    a->doc = d;
    a->art = art;
    a->ntok = a->nsent = a->ntx = a->nmen = a->nrow = 0;
    a->anchor_y = a->anchor_m = a->anchor_d = 0;
    a->anchor[0] = '\0';
}

static atomic_long not_english; /* articles given only their article row */
/* After a large article, gives back what its analysis grew (the arrays are otherwise
 * kept from article to article), so that one huge article does not hold on to its memory. */
static void ana_trim(nf_ana *a, const nf_article *art)
{
    if (art->len <= ((size_t)4 << 20))
        return;
    const nf_engine *e = a->eng;
    nf_worker *w = a->w;
    nf_ana_free(a);
    nf_ana_init(a, e, w);
}

void nf_process(nf_ana *a, const nf_article *art, nf_buf *out)
{
    const nf_engine *e = a->eng;
    ana_reset(a, art);
    nf_normalize_run(a);
    int y, m, d;
    int dated = a->doc.date[0] && parse_ymd(a->doc.date, &y, &m, &d) == 0;
    if (dated) {
        memcpy(a->anchor, a->doc.date, 11);
        a->anchor_y = y, a->anchor_m = m, a->anchor_d = d;
    } else if (e->anchor_y) {
        snprintf(a->anchor, sizeof a->anchor, "%04d-%02d-%02d", e->anchor_y, e->anchor_m,
                 e->anchor_d);
        a->anchor_y = e->anchor_y, a->anchor_m = e->anchor_m, a->anchor_d = e->anchor_d;
    }
    if (e->opt.text_mode) {
        nf_normalize_dump(a, out);
        return;
    }
    if (art->piece == 0) {
        nf_row *r = NF_PUSH(a->row, a->nrow, a->caprow);
        memset(r, 0, sizeof *r);
        r->kind = NF_KIND_ARTICLE;
        r->line = art->marker_line ? art->marker_line : 1;
        r->col = -1;
        r->order = (uint32_t)(a->nrow - 1);
        r->f[NF_COL_DATE] = dated ? a->doc.date : NULL; /* a real date only */
        r->f[NF_COL_ACTOR] = a->doc.source;
        r->f[NF_COL_VALUE] = a->doc.title;
        r->f[NF_COL_UNIT] = a->doc.lang[0] ? a->doc.lang : NULL;
        r->f[NF_COL_MENTION] = a->doc.url;
    }
    if (a->doc.lang[0] && art->piece == 0)
        atomic_fetch_add(&not_english, 1);
    if (!a->doc.lang[0]) {
        nf_sentences_run(a);
        nf_dates_run(a);
        nf_actors_run(a);
        nf_figures_run(a);
        nf_claims_run(a);
    }
    if (e->opt.corroborate)
        nf_corr_serialize(e, a, out);
    else
        nf_table_article(e, a, out);
}

int nf_analyze_text(nf_engine *e, const char *file, const char *name, const char *text,
                    size_t len, char **buf, size_t *len_out)
{
    nf_worker *w = nf_worker_new();
    if (!w)
        return -1;
    nf_article art = {0};
    art.file = file;
    art.name = (char *)name;
    /* the stages get what the loader gives them: valid UTF-8 without NUL, LF line ends */
    nf_buf t = {0};
    const unsigned char *s = (const unsigned char *)text;
    size_t i = len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    nf_buf_reserve(&t, len + 16);
    while (i < len) {
        size_t j = i;
        while (j < len && s[j] < 0x80 && s[j] != 0 && s[j] != '\r')
            j++;
        nf_buf_put(&t, s + i, j - i);
        if ((i = j) >= len)
            break;
        uint32_t cp;
        int k = s[i] ? nf_utf8_decode(s + i, len - i, &cp) : (cp = 0xFFFD, 1);
        if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
            ; /* CR of CRLF */
        else if (cp == 0xFFFD && !(k == 3 && s[i] == 0xEF))
            nf_buf_put(&t, "\xEF\xBF\xBD", 3);
        else
            nf_buf_put(&t, s + i, (size_t)k);
        i += (size_t)k;
    }
    art.text = t.p;
    art.len = t.len;
    art.first_line = 1;
    nf_ana a;
    nf_ana_init(&a, e, w);
    nf_buf out = {0};
    nf_process(&a, &art, &out);
    nf_ana_free(&a);
    nf_worker_free(w);
    free(art.text);
    nf_buf_putc(&out, '\0');
    *buf = out.p;
    *len_out = out.len - 1;
    return 0;
}

/* ---- output ---- */

typedef struct {
    FILE *out;
    atomic_int failed;  /* a write error other than a closed pipe */
    atomic_int closed;  /* the reader went away (EPIPE): stop quietly */
} sink;             /* (written by the writer thread, read by all: atomic) */

static void sink_write(sink *k, const nf_buf *b)
{
    if (k->failed || k->closed || !b->len)
        return;
    if (fwrite(b->p, 1, b->len, k->out) != b->len) {
        if (errno == EPIPE)
            k->closed = 1;
        else
            k->failed = errno ? errno : EIO;
    }
}

/* ---- progress ---- */

typedef struct {
    int on;
    double t0, last;
    long articles;
    size_t done_bytes, total;
} progress;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress_show(progress *p, size_t bytes, int final)
{
    if (!p->on)
        return;
    double t = now();
    if (!final && t - p->last < 0.5)
        return;
    p->last = t;
    double mb = (double)bytes / 1e6, el = t - p->t0;
    double rate = el > 0 ? mb / el : 0;
    char eta[32] = "";
    if (p->total > bytes && rate > 0)
        snprintf(eta, sizeof eta, ", ETA %.0fs", ((double)(p->total - bytes) / 1e6) / rate);
    fprintf(stderr, "\rnewsfacts: %ld articles, %.1f MB, %.1f MB/s%s\033[K%s", p->articles, mb,
            rate, eta, final ? "\n" : "");
}

/* ---- the threaded run ----
 *
 * Articles travel in batches (up to BATCH_BYTES of text or BATCH_ARTS articles, at least
 * one), so that the threads meet once per batch, not once per article: with small
 * articles the locking would otherwise cost more than the work. */

#define BATCH_BYTES (256 * 1024)
#define BATCH_ARTS 256

enum { SLOT_EMPTY, SLOT_FILLING, SLOT_READY, SLOT_DONE };

typedef struct {
    nf_article *art;
    size_t nart, capart, bytes;
    nf_buf out;
    int state;
} slot;

typedef struct {
    const nf_engine *e;
    slot *slots;
    size_t nslots;
    pthread_mutex_t mu;
    pthread_cond_t work, done, space;
    size_t next_read, next_work, next_write;
    int reader_done;
    int filling;    /* the reader's own: slot next_read is being filled */
    size_t inflight, budget; /* article bytes published and not yet written; their cap */
    sink *k;
} ring;

static void slot_clear(slot *s)
{
    for (size_t i = 0; i < s->nart; i++)
        nf_article_free(&s->art[i]);
    s->nart = 0;
    s->bytes = 0;
}

static void *worker_main(void *arg)
{
    ring *r = arg;
    nf_worker *w = nf_worker_new();
    nf_ana a;
    nf_ana_init(&a, r->e, w);
    for (;;) {
        pthread_mutex_lock(&r->mu);
        while (r->next_work == r->next_read && !r->reader_done)
            pthread_cond_wait(&r->work, &r->mu);
        if (r->next_work == r->next_read) {
            pthread_mutex_unlock(&r->mu);
            break;
        }
        slot *s = &r->slots[r->next_work++ % r->nslots];
        pthread_mutex_unlock(&r->mu);
        s->out.len = 0;
        for (size_t i = 0; i < s->nart && !r->k->closed && !r->k->failed; i++) {
            nf_process(&a, &s->art[i], &s->out);
            ana_trim(&a, &s->art[i]);
        }
        pthread_mutex_lock(&r->mu);
        s->state = SLOT_DONE;
        if (s == &r->slots[r->next_write % r->nslots])
            pthread_cond_signal(&r->done); /* only the writer waits on done */
        pthread_mutex_unlock(&r->mu);
    }
    nf_ana_free(&a);
    nf_worker_free(w);
    return NULL;
}

static void *writer_main(void *arg)
{
    ring *r = arg;
    for (;;) {
        pthread_mutex_lock(&r->mu);
        slot *s = &r->slots[r->next_write % r->nslots];
        while (s->state != SLOT_DONE && !(r->reader_done && r->next_write == r->next_read))
            pthread_cond_wait(&r->done, &r->mu);
        if (s->state != SLOT_DONE) {
            pthread_mutex_unlock(&r->mu);
            break;
        }
        pthread_mutex_unlock(&r->mu);
        sink_write(r->k, &s->out);
        size_t bytes = s->bytes;
        slot_clear(s);
        if (s->out.cap > 4 * BATCH_BYTES * 4) /* a huge article's rows: give the memory back */
            nf_buf_free(&s->out);
        pthread_mutex_lock(&r->mu);
        r->inflight -= bytes;
        s->state = SLOT_EMPTY;
        r->next_write++;
        pthread_cond_signal(&r->space); /* only the reader waits on space */
        pthread_mutex_unlock(&r->mu);
    }
    return NULL;
}

/* Reader side: the slot being filled, waiting for it to be free first. */
static slot *ring_filling(ring *r)
{
    slot *s = &r->slots[r->next_read % r->nslots];
    if (r->filling)
        return s;
    pthread_mutex_lock(&r->mu);
    while (s->state != SLOT_EMPTY)
        pthread_cond_wait(&r->space, &r->mu);
    s->state = SLOT_FILLING;
    pthread_mutex_unlock(&r->mu);
    r->filling = 1;
    return s;
}

static void ring_publish(ring *r);

/* Adds an article for the workers. A large one (a piece of a huge article) goes alone and
 * waits until the article bytes in flight leave room for it under the budget (one piece,
 * 16 MB): analysing a piece takes some 20 times its size, so two at once would double the
 * peak memory. Small articles are bounded by the batches alone. */
static void ring_add(ring *r, const nf_article *art)
{
    if (art->len > BATCH_BYTES) {
        ring_publish(r);
        pthread_mutex_lock(&r->mu);
        while (r->inflight > 0 && r->inflight + art->len > r->budget)
            pthread_cond_wait(&r->space, &r->mu);
        pthread_mutex_unlock(&r->mu);
    }
    slot *s = ring_filling(r);
    *(nf_article *)NF_PUSH(s->art, s->nart, s->capart) = *art;
    s->bytes += art->len;
    if (s->bytes >= BATCH_BYTES || s->nart >= BATCH_ARTS)
        ring_publish(r);
}

/* Hands the slot being filled (if any) to the workers. */
static void ring_publish(ring *r)
{
    slot *s = &r->slots[r->next_read % r->nslots];
    if (!r->filling)
        return;
    r->filling = 0;
    pthread_mutex_lock(&r->mu);
    r->inflight += s->bytes;
    s->state = SLOT_READY;
    r->next_read++;
    pthread_cond_signal(&r->work);
    pthread_mutex_unlock(&r->mu);
}

static size_t total_size(const char *const *paths, int n)
{
    size_t t = 0;
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") == 0 ? fstat(0, &st) : stat(paths[i], &st))
            continue;
        if (S_ISREG(st.st_mode))
            t += (size_t)st.st_size;
    }
    return t;
}

int nf_run(nf_engine *e, const char *const *paths, int npaths, FILE *out)
{
    static const char *const stdin_path[] = {"-"};
    if (npaths == 0) {
        paths = stdin_path;
        npaths = 1;
    }
    sink k = {out, 0, 0};
    nf_buf head = {0};
    if (!e->opt.text_mode)
        nf_table_begin(&e->opt, &head);
    sink_write(&k, &head);
    nf_buf_free(&head);
    FILE *corr = NULL; /* --corroborate: the rows wait here for the end of the input */
    if (e->opt.corroborate && !(k.out = corr = tmpfile())) {
        nf_error(NULL, 0, "--corroborate: cannot make a temporary file: %s", strerror(errno));
        return 1;
    }

    progress pg = {0};
    pg.on = e->opt.progress;
    pg.t0 = pg.last = now();
    pg.total = pg.on ? total_size(paths, npaths) : 0;
    size_t bytes_before = 0;

    int threads = e->opt.threads;
    ring r = {0};
    pthread_t *tid = NULL, wtid;
    nf_worker *w = NULL;
    nf_ana a;
    nf_buf obuf = {0};
    if (threads > 1) {
        r.e = e;
        r.nslots = (size_t)threads * 2 + 2;
        r.budget = e->opt.max_piece;
        r.slots = calloc(r.nslots, sizeof *r.slots);
        tid = calloc((size_t)threads, sizeof *tid);
        r.k = &k;
        pthread_mutex_init(&r.mu, NULL);
        pthread_cond_init(&r.work, NULL);
        pthread_cond_init(&r.done, NULL);
        pthread_cond_init(&r.space, NULL);
        for (int i = 0; i < threads; i++)
            pthread_create(&tid[i], NULL, worker_main, &r);
        pthread_create(&wtid, NULL, writer_main, &r);
    } else {
        w = nf_worker_new();
        nf_ana_init(&a, e, w);
    }

    for (int i = 0; i < npaths && !k.closed && !k.failed; i++) {
        nf_loader *l = nf_loader_open(paths[i], &e->opt);
        if (!l)
            continue;
        nf_article art;
        int rc;
        while (!k.closed && !k.failed && (rc = nf_loader_next(l, &art)) == 1) {
            if (art.piece == 0) /* (art is freed below) */
                pg.articles++;
            if (threads > 1) {
                ring_add(&r, &art);
            } else {
                obuf.len = 0;
                nf_process(&a, &art, &obuf);
                sink_write(&k, &obuf);
                ana_trim(&a, &art);
                if (obuf.cap > 16 * BATCH_BYTES)
                    nf_buf_free(&obuf);
                nf_article_free(&art);
            }
            progress_show(&pg, bytes_before + nf_loader_bytes(l), 0);
        }
        bytes_before += nf_loader_bytes(l);
        nf_loader_close(l);
    }

    if (threads > 1) {
        ring_publish(&r);
        pthread_mutex_lock(&r.mu);
        r.reader_done = 1;
        pthread_cond_broadcast(&r.work);
        pthread_cond_broadcast(&r.done);
        pthread_mutex_unlock(&r.mu);
        for (int i = 0; i < threads; i++)
            pthread_join(tid[i], NULL);
        pthread_mutex_lock(&r.mu);
        pthread_cond_broadcast(&r.done);
        pthread_mutex_unlock(&r.mu);
        pthread_join(wtid, NULL);
        for (size_t i = 0; i < r.nslots; i++) {
            slot_clear(&r.slots[i]);
            free(r.slots[i].art);
            nf_buf_free(&r.slots[i].out);
        }
        free(r.slots);
        free(tid);
        pthread_mutex_destroy(&r.mu);
        pthread_cond_destroy(&r.work);
        pthread_cond_destroy(&r.done);
        pthread_cond_destroy(&r.space);
    } else {
        nf_ana_free(&a);
        nf_worker_free(w);
    }
    nf_buf_free(&obuf);
    progress_show(&pg, bytes_before, 1);

    if (corr) {
        if (!k.closed && !k.failed && (fflush(corr) != 0 || nf_corr_finish(e, corr, out) != 0)) {
            if (errno == EPIPE)
                k.closed = 1;
            else
                k.failed = errno ? errno : EIO;
        }
        fclose(corr);
        k.out = out;
    }
    nf_buf tail = {0};
    if (!e->opt.text_mode)
        nf_table_end(&e->opt, &tail);
    sink_write(&k, &tail);
    nf_buf_free(&tail);
    if (!k.closed && !k.failed && fflush(out) != 0) {
        if (errno == EPIPE)
            k.closed = 1;
        else
            k.failed = errno ? errno : EIO;
    }
    long ne = atomic_exchange(&not_english, 0);
    if (ne && !e->opt.quiet && !e->opt.text_mode)
        fprintf(stderr, "newsfacts: %ld article%s not in English: article row%s only\n", ne,
                ne == 1 ? "" : "s", ne == 1 ? "" : "s");
    if (k.closed)
        return 0;
    if (k.failed) {
        nf_error(NULL, 0, "write error: %s", strerror(k.failed));
        return 1;
    }
    if (nf_diag_errors() || (e->opt.strict && nf_diag_warnings()))
        return 1;
    return 0;
}

/* fuzz_normalize.c — libFuzzer harness for the normalizer (src/normalize.c and its
 * helpers), on plain text and on HTML pages.
 *
 * The first byte chooses: bit 0 wraps the rest in an HTML page, bit 1 keeps boilerplate,
 * bit 2 adds a ` date` prefix. The result is read by the loader (as the normalizer always
 * gets it) and each article normalized; the document must be consistent: NUL-terminated
 * valid UTF-8, paragraphs and line map inside the text and in order, metadata valid. */
#include "fuzz_common.h"

static nf_engine *eng[2];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    nf_diag_setup(1);
    for (int i = 0; i < 2; i++) {
        nf_options o;
        nf_options_default(&o);
        o.quiet = 1;
        o.keep_boilerplate = i;
        char err[512];
        eng[i] = nf_engine_new(&o, err, sizeof err);
        if (!eng[i]) {
            fprintf(stderr, "fuzz_normalize: %s\n", err);
            abort();
        }
    }
    return 0;
}

static void check_doc(const nf_ana *a)
{
    const nf_doc *d = &a->doc;
    FUZZ_CHECK(d->text != NULL);
    FUZZ_CHECK(d->text[d->len] == '\0');
    FUZZ_CHECK(fuzz_valid_utf8(d->text, d->len));
    uint32_t prev_end = 0;
    for (size_t i = 0; i < d->npara; i++) {
        FUZZ_CHECK(d->para[i].start <= d->para[i].end);
        FUZZ_CHECK(d->para[i].end <= d->len);
        FUZZ_CHECK(d->para[i].start >= prev_end);
        prev_end = d->para[i].end;
    }
    for (size_t i = 0; i < d->nseg; i++) {
        FUZZ_CHECK(d->seg[i].off <= d->len);
        FUZZ_CHECK(d->seg[i].line >= 1);
        FUZZ_CHECK(d->seg[i].col >= 0);
        if (i)
            FUZZ_CHECK(d->seg[i].off >= d->seg[i - 1].off);
    }
    FUZZ_CHECK(d->date[0] == '\0' || strlen(d->date) == 10);
    FUZZ_CHECK(strlen(d->lang) <= 3);
    const char *meta[] = {d->source, d->title, d->url};
    for (int i = 0; i < 3; i++)
        if (meta[i])
            FUZZ_CHECK(fuzz_valid_utf8(meta[i], strlen(meta[i])));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t mode = data[0];
    data++;
    size--;
    nf_buf dump = {0};
    nf_buf_puts(&dump, "<<<FILE>>> fuzz\n");
    if (mode & 4)
        nf_buf_puts(&dump, " date 2022-02-24 ");
    if (mode & 1)
        nf_buf_puts(&dump, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>T</title>"
                           "</head>\n<body><article>\n");
    nf_buf_put(&dump, data, size);
    if (mode & 1)
        nf_buf_puts(&dump, "\n</article></body></html>\n");

    char path[64];
    int fd = fuzz_memfile(dump.p, dump.len, path, sizeof path);
    int refusable = fuzz_refused_dump(dump.p, dump.len);
    nf_buf_free(&dump);
    if (fd < 0)
        return 0;
    const nf_engine *e = eng[(mode >> 1) & 1];
    nf_loader *l = nf_loader_open(path, &e->opt);
    if (!l) { /* refused by design, and only a UTF-16 dump may be */
        FUZZ_CHECK(refusable);
        close(fd);
        return 0;
    }
    nf_worker *w = nf_worker_new();
    nf_ana a;
    nf_ana_init(&a, e, w);
    nf_article art;
    nf_buf out = {0};
    while (nf_loader_next(l, &art) == 1) {
        /* as the pipeline's ana_reset does: arrays reused, counts reset */
        nf_arena_reset(&a.arena);
        nf_seg *seg = a.doc.seg;
        nf_para *para = a.doc.para;
        size_t capseg = a.doc.capseg, cappara = a.doc.cappara;
        memset(&a.doc, 0, sizeof a.doc);
        a.doc.seg = seg, a.doc.capseg = capseg, a.doc.para = para, a.doc.cappara = cappara;
        a.art = &art;
        a.ntok = a.nsent = a.ntx = a.nmen = a.nrow = 0;
        a.anchor[0] = '\0';
        a.anchor_y = a.anchor_m = a.anchor_d = 0;
        nf_normalize_run(&a);
        check_doc(&a);
        out.len = 0;
        nf_normalize_dump(&a, &out);
        FUZZ_CHECK(fuzz_valid_utf8(out.p ? out.p : "", out.len));
        nf_article_free(&art);
    }
    nf_buf_free(&out);
    nf_ana_free(&a);
    nf_worker_free(w);
    nf_loader_close(l);
    close(fd);
    return 0;
}

/* fuzz_extract.c — libFuzzer harness for the whole extraction: nf_analyze_text (the public
 * one-article call, given raw bytes) and nf_process on the loader's articles, in every
 * output format.
 *
 * The first byte chooses the format (TSV, CSV, JSONL, XML, --text) and the entry point;
 * the rest is the text. The table must be well formed: TSV rows of 14 fields without
 * control characters, CSV records of 14 fields, JSONL lines that are objects, XML that
 * libxml2 parses; everything valid UTF-8; the same input twice gives the same bytes. */
#include <libxml/parser.h>

#include "fuzz_common.h"

static nf_engine *eng[5];

static void quiet_xml(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    nf_diag_setup(1);
    xmlSetGenericErrorFunc(NULL, quiet_xml);
    for (int i = 0; i < 5; i++) {
        nf_options o;
        nf_options_default(&o);
        o.quiet = 1;
        o.threads = 1;
        if (i == 4)
            o.text_mode = 1;
        else
            o.format = i; /* NF_FMT_TSV, CSV, JSONL, XML */
        char err[512];
        eng[i] = nf_engine_new(&o, err, sizeof err);
        if (!eng[i]) {
            fprintf(stderr, "fuzz_extract: %s\n", err);
            abort();
        }
    }
    return 0;
}

static void check_tsv(const char *s, size_t n)
{
    size_t tabs = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\t') {
            tabs++;
        } else if (c == '\n') {
            FUZZ_CHECK(tabs == NF_NCOLS - 1);
            tabs = 0;
        } else {
            FUZZ_CHECK(c >= 0x20 && c != 0x7F);
        }
    }
    FUZZ_CHECK(n == 0 || s[n - 1] == '\n');
}

static void check_csv(const char *s, size_t n)
{
    size_t fields = 1;
    int inq = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (inq) {
            if (c == '"') {
                if (i + 1 < n && s[i + 1] == '"')
                    i++;
                else
                    inq = 0;
            }
        } else if (c == '"') {
            inq = 1;
        } else if (c == ',') {
            fields++;
        } else if (c == '\r') {
            FUZZ_CHECK(i + 1 < n && s[i + 1] == '\n');
            FUZZ_CHECK(fields == NF_NCOLS);
            fields = 1;
            i++;
        } else {
            FUZZ_CHECK(c != '\n'); /* a bare LF only inside quotes */
        }
    }
    FUZZ_CHECK(!inq);
    FUZZ_CHECK(n == 0 || (n >= 2 && s[n - 2] == '\r' && s[n - 1] == '\n'));
}

static void check_jsonl(const char *s, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        FUZZ_CHECK(c >= 0x20 || c == '\n'); /* control characters escaped */
        if (c == '\n') {
            FUZZ_CHECK(i > start + 1 && s[start] == '{' && s[i - 1] == '}');
            start = i + 1;
        }
    }
    FUZZ_CHECK(start == n);
}

static void check_xml(const char *s, size_t n)
{
    nf_buf doc = {0};
    nf_buf_puts(&doc, "<newsfacts>\n");
    nf_buf_put(&doc, s, n);
    nf_buf_puts(&doc, "</newsfacts>\n");
    xmlDocPtr x = xmlReadMemory(doc.p, (int)doc.len, "rows.xml", "UTF-8", XML_PARSE_NONET);
    FUZZ_CHECK(x != NULL);
    xmlFreeDoc(x);
    nf_buf_free(&doc);
}

static void check_out(int fmt, const char *s, size_t n)
{
    FUZZ_CHECK(fuzz_valid_utf8(s, n));
    switch (fmt) {
    case 0: check_tsv(s, n); break;
    case 1: check_csv(s, n); break;
    case 2: check_jsonl(s, n); break;
    case 3: check_xml(s, n); break;
    default: break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t mode = data[0];
    data++;
    size--;
    int fmt = (mode & 7) % 5;
    nf_engine *e = eng[fmt];
    if (mode & 8) { /* the public call on raw bytes, twice */
        char *b1 = NULL, *b2 = NULL;
        size_t n1 = 0, n2 = 0;
        FUZZ_CHECK(nf_analyze_text(e, "f", "a", (const char *)data, size, &b1, &n1) == 0);
        check_out(fmt, b1, n1);
        if (mode & 16) {
            FUZZ_CHECK(nf_analyze_text(e, "f", "a", (const char *)data, size, &b2, &n2) == 0);
            FUZZ_CHECK(n1 == n2 && memcmp(b1, b2, n1) == 0);
            free(b2);
        }
        free(b1);
        return 0;
    }
    /* a dump through the loader, each article through nf_process with one reused ana */
    char path[64];
    int fd = fuzz_memfile(data, size, path, sizeof path);
    if (fd < 0)
        return 0;
    nf_loader *l = nf_loader_open(path, &e->opt);
    if (!l) { /* refused by design, and only a UTF-16 dump may be */
        FUZZ_CHECK(fuzz_refused_dump(data, size));
        close(fd);
        return 0;
    }
    nf_worker *w = nf_worker_new();
    nf_ana a;
    nf_ana_init(&a, e, w);
    nf_article art;
    nf_buf out = {0};
    while (nf_loader_next(l, &art) == 1) {
        out.len = 0;
        nf_process(&a, &art, &out);
        check_out(fmt, out.p ? out.p : "", out.len);
        nf_article_free(&art);
    }
    nf_buf_free(&out);
    nf_ana_free(&a);
    nf_worker_free(w);
    nf_loader_close(l);
    close(fd);
    return 0;
}

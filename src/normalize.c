/* normalize stage — minimal version: the ` date YYYY-MM-DD` prefix, paragraphs at blank
 * lines, one line-map entry per input line. (Boilerplate, reflow, HTML and metadata come
 * with issue 3.) */
#include <string.h>

#include "nf.h"

int nf_normalize_init(nf_engine *e, char *err, size_t errlen)
{
    NF_UNUSED(e); NF_UNUSED(err); NF_UNUSED(errlen);
    return 0;
}

static int valid_ymd(const char *s)
{
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : !nf_isdigit((unsigned char)s[i]))
            return 0;
    int m = (s[5] - '0') * 10 + s[6] - '0', d = (s[8] - '0') * 10 + s[9] - '0';
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

int nf_normalize_run(nf_ana *a)
{
    const nf_article *art = a->art;
    nf_doc *d = &a->doc;
    const char *t = art->text;
    size_t n = art->len, i = 0;
    long line = art->first_line, col = art->first_col;
    if (art->piece == 0 && n >= 16 && memcmp(t, " date ", 6) == 0 && valid_ymd(t + 6) &&
        (n == 16 || t[16] == ' ' || t[16] == '\n')) {
        memcpy(d->date, t + 6, 10);
        d->date[10] = '\0';
        i = 16;
        col = 16;
    }
    char *out = nf_arena_alloc(&a->arena, n - i + 2);
    uint32_t k = 0;
    int in_para = 0;
    while (i < n) {
        const char *nl = memchr(t + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - t) : n;
        size_t s = i;
        while (s < e && nf_isspace((unsigned char)t[s]))
            s++;
        if (s == e) {
            if (in_para) {
                d->para[d->npara - 1].end = k;
                in_para = 0;
            }
        } else {
            if (!in_para) {
                nf_para *p = NF_PUSH(d->para, d->npara, d->cappara);
                p->start = k;
                p->kind = NF_PARA_BODY;
                in_para = 1;
            } else {
                out[k - 1] = ' ';
            }
            nf_seg *g = NF_PUSH(d->seg, d->nseg, d->capseg);
            g->off = k;
            g->line = line;
            g->col = col + (long)(s - i);
            memcpy(out + k, t + s, e - s);
            k += (uint32_t)(e - s);
            out[k++] = '\n';
        }
        i = e + 1;
        line++;
        col = 0;
    }
    if (in_para)
        d->para[d->npara - 1].end = k;
    out[k] = '\0';
    d->text = out;
    d->len = k;
    return 0;
}

void nf_normalize_dump(const nf_ana *a, nf_buf *out)
{
    const nf_doc *d = &a->doc;
    if (a->art->piece == 0) {
        nf_buf_printf(out, "<<<FILE>>> %s\n", a->art->name);
        if (d->date[0])
            nf_buf_printf(out, " date %s\n", d->date);
    }
    for (size_t i = 0; i < d->npara; i++) {
        if (i)
            nf_buf_putc(out, '\n');
        nf_buf_put(out, d->text + d->para[i].start, d->para[i].end - d->para[i].start);
    }
}

void nf_normalize_fini(nf_engine *e) { NF_UNUSED(e); }

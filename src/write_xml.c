/* write_xml.c — XML rows through libxml2's xmlTextWriter: one <row> per row, one child
 * element per column in column order, inside the <newsfacts> element that table.c opens
 * and closes. Characters XML 1.0 cannot hold (most C0 controls, U+FFFE, U+FFFF) are
 * dropped, and so are DEL and C1 controls, as in TSV and CSV; invalid UTF-8 becomes U+FFFD. */
#include <libxml/xmlwriter.h>
#include <string.h>

#include "nf.h"

static void clean(const char *s, nf_buf *b)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t n = strlen((const char *)p);
    b->len = 0;
    nf_buf_reserve(b, 3 * n + 1); /* an invalid byte becomes three; and two NULs */
    char *d = b->p;
    for (size_t i = 0; i < n;) {
        size_t r = nf_plain_prefix((const char *)p + i, n - i, 0x7F, 0x7F); /* as it is */
        if (r) {
            memcpy(d, p + i, r);
            d += r;
            i += r;
            if (i == n)
                break;
        }
        uint32_t cp;
        int k = nf_utf8_decode(p + i, n - i, &cp);
        int bad = cp == 0xFFFD && !(k == 3 && p[i] == 0xEF);
        if (bad) {
            memcpy(d, "\xEF\xBF\xBD", 3);
            d += 3;
        } else if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F ||
                   (cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF) {
            ; /* dropped */
        } else {
            memcpy(d, p + i, (size_t)k);
            d += k;
        }
        i += (size_t)k;
    }
    *d++ = '\0';
    *d = '\0';
    b->len = (size_t)(d - b->p); /* the NUL counted, as nf_buf_putc(b, 0) left it */
}

void nf_write_xml(const nf_options *o, const char *const *cols, nf_buf *out)
{
    xmlBufferPtr xb = xmlBufferCreate();
    xmlTextWriterPtr w = xb ? xmlNewTextWriterMemory(xb, 0) : NULL;
    if (!w) {
        if (xb)
            xmlBufferFree(xb);
        return;
    }
    nf_buf tmp = {0};
    int n = nf_table_ncols(o);
    xmlTextWriterStartElement(w, BAD_CAST "row");
    for (int i = 0; i < n; i++) {
        int c = nf_table_col(o, i);
        clean(cols[c], &tmp);
        xmlTextWriterWriteElement(w, BAD_CAST nf_col_names[c], BAD_CAST tmp.p);
    }
    xmlTextWriterEndElement(w);
    xmlTextWriterFlush(w);
    xmlFreeTextWriter(w);
    nf_buf_put(out, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
    nf_buf_putc(out, '\n');
    xmlBufferFree(xb);
    nf_buf_free(&tmp);
}

/* write_xml.c — XML rows through libxml2's xmlTextWriter: one <row> per row, one child
 * element per column in column order, inside the <newsfacts> element that table.c opens
 * and closes. Characters XML 1.0 cannot hold (most C0 controls, U+FFFE, U+FFFF) are
 * dropped, and so are DEL and C1 controls, as in TSV and CSV; invalid UTF-8 becomes U+FFFD. */
#include <libxml/xmlwriter.h>
#include <string.h>

#include "nf.h"

static void clean(const char *s, nf_buf *b)
{
    b->len = 0;
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t n = strlen((const char *)p);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = nf_utf8_decode(p + i, n - i, &cp);
        int bad = cp == 0xFFFD && !(k == 3 && p[i] == 0xEF);
        if (bad)
            nf_buf_put(b, "\xEF\xBF\xBD", 3);
        else if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F ||
                 (cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF)
            ;
        else
            nf_buf_put(b, p + i, (size_t)k);
        i += (size_t)k;
    }
    nf_buf_putc(b, '\0');
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

/* write_xml.c — XML rows through libxml2's xmlTextWriter: one <row> per row, one child
 * element per column in column order, inside the <newsfacts> element that table.c opens
 * and closes. (A row with nothing to escape is written directly, byte for byte as the
 * writer would: see nf_write_xml and test_xml_as_libxml.) Characters XML 1.0 cannot hold (most C0 controls, U+FFFE, U+FFFF) are
 * dropped, and so are DEL and C1 controls, as in TSV and CSV; invalid UTF-8 becomes U+FFFD. */
#include <libxml/xmlwriter.h>
#include <string.h>

#include "nf.h"

/* Appends s, cleaned, and a NUL to b; returns where it starts in b. */
static size_t clean(const char *s, nf_buf *b)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t n = strlen((const char *)p), start = b->len;
    nf_buf_reserve(b, 3 * n + 1); /* an invalid byte becomes three; and the NUL */
    char *d = b->p + b->len;
    for (size_t i = 0; i < n;) {
        i += nf_copy_plain(&d, (const char *)p + i, n - i, 0x7F, 0x7F); /* as it is */
        if (i == n)
            break;
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
    b->len = (size_t)(d - b->p);
    return start;
}

/* The row through libxml2's writer. */
static void row_libxml(const nf_options *o, const char *fields, const size_t *off, nf_buf *out)
{
    xmlBufferPtr xb = xmlBufferCreate();
    xmlTextWriterPtr w = xb ? xmlNewTextWriterMemory(xb, 0) : NULL;
    if (!w) {
        if (xb)
            xmlBufferFree(xb);
        return;
    }
    int n = nf_table_ncols(o);
    xmlTextWriterStartElement(w, BAD_CAST "row");
    for (int i = 0; i < n; i++)
        xmlTextWriterWriteElement(w, BAD_CAST nf_col_names[nf_table_col(o, i)], BAD_CAST(fields + off[i]));
    xmlTextWriterEndElement(w);
    xmlTextWriterFlush(w);
    xmlFreeTextWriter(w);
    nf_buf_put(out, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
    nf_buf_putc(out, '\n');
    xmlBufferFree(xb);
}

/* A row whose cleaned fields hold nothing the writer escapes (< > & " and CR: libxml2 2.9's
 * xmlEncodeSpecialChars) is written here as the writer writes it: <row>, then
 * <name>text</name> for each column (<name></name> when empty), </row>; setting up a writer
 * for it would cost some forty times more. Any other row goes through the writer. */
void nf_write_xml(const nf_options *o, const char *const *cols, nf_buf *out)
{
    nf_buf tmp = {0};
    int n = nf_table_ncols(o);
    size_t off[NF_NCOLS];
    int plain = 1;
    for (int i = 0; i < n; i++) {
        off[i] = clean(cols[nf_table_col(o, i)], &tmp);
        plain = plain && !strpbrk(tmp.p + off[i], "<>&\"\r");
    }
    if (!plain) {
        row_libxml(o, tmp.p, off, out);
        nf_buf_free(&tmp);
        return;
    }
    nf_buf_put(out, "<row>", 5);
    for (int i = 0; i < n; i++) {
        const char *name = nf_col_names[nf_table_col(o, i)], *f = tmp.p + off[i];
        size_t nl = strlen(name), fl = strlen(f);
        nf_buf_reserve(out, 2 * nl + fl + 5);
        char *d = out->p + out->len;
        *d++ = '<';
        memcpy(d, name, nl);
        d += nl;
        *d++ = '>';
        memcpy(d, f, fl);
        d += fl;
        *d++ = '<';
        *d++ = '/';
        memcpy(d, name, nl);
        d += nl;
        *d++ = '>';
        *d = 0;
        out->len = (size_t)(d - out->p);
    }
    nf_buf_put(out, "</row>\n", 7);
    nf_buf_free(&tmp);
}

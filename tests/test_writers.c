/* Writer tests: TSV never holds TAB/CR/LF/control characters in a field; CSV is RFC 4180
 * and parses back; every JSONL line is valid JSON for any input byte; XML is well formed;
 * header, --fields, --kind, --no-header and row order through nf_table_article. The CSV
 * and JSON are checked with small strict parsers written here (the CLI tests check them
 * with Python's csv and json as well). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "nf.h"

/* ---- helpers ---- */

static int valid_utf8(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = nf_utf8_decode(p + i, n - i, &cp);
        if (cp == 0xFFFD && !(k == 3 && p[i] == 0xEF))
            return 0;
        i += (size_t)k;
    }
    return 1;
}

/* Nasty field values, each with the value a writer should show for it after dropping
 * control characters (TAB, CR, LF kept: each writer treats those on its own). */
typedef struct { const char *in, *clean; } nasty;
static const nasty nasties[] = {
    {"plain", "plain"},
    {"", ""},
    {"tab\there", "tab\there"},
    {"line\nbreak", "line\nbreak"},
    {"cr\rlf\r\n", "cr\rlf\r\n"},
    {"c0 \x01\x02\x1b\x1f end", "c0  end"},
    {"del \x7f end", "del  end"},
    {"c1 \xC2\x80\xC2\x85\xC2\x9F end", "c1  end"},
    {"nbsp \xC2\xA0 and \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", "nbsp \xC2\xA0 and \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"},
    {"quote \"x\" and 'y'", "quote \"x\" and 'y'"},
    {"comma, semicolon; pipe|", "comma, semicolon; pipe|"},
    {" lead and trail ", " lead and trail "},
    {"xml <a href=\"x\">&amp; ]]> </a>", "xml <a href=\"x\">&amp; ]]> </a>"},
    {"backslash \\ and \\u0041 slash /", "backslash \\ and \\u0041 slash /"},
    {"bad \xff \xC0\xAF \xED\xA0\x80 \xE2\x82", "bad \xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD"},
    {"ends in C2 \xC2", "ends in C2 \xEF\xBF\xBD"},
    {"nonchar \xEF\xBF\xBE\xEF\xBF\xBF ok", NULL}, /* U+FFFE U+FFFF: legal UTF-8, not XML */
};
#define NNASTY (sizeof nasties / sizeof *nasties)

/* Every byte 1..255 in one string. */
static char allbytes[256];

static void fill_cols(const char **cols, const char *v)
{
    for (int i = 0; i < NF_NCOLS; i++)
        cols[i] = v;
    cols[NF_COL_LINE] = "12";
    cols[NF_COL_KIND] = "claim";
}

static nf_options opts(int format)
{
    nf_options o;
    nf_options_default(&o);
    o.format = format;
    return o;
}

/* Expected TSV form of a clean value: TAB, CR, LF -> space. */
static char *tsv_expect(const char *clean)
{
    char *s = strdup(clean);
    for (char *p = s; *p; p++)
        if (*p == '\t' || *p == '\r' || *p == '\n')
            *p = ' ';
    return s;
}

/* ---- TSV ---- */

static void check_tsv_line(const char *s, size_t n, int ncols)
{
    assert_true(n > 0 && s[n - 1] == '\n');
    int tabs = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        unsigned c = (unsigned char)s[i];
        if (c == '\t') {
            tabs++;
            continue;
        }
        assert_true(c >= 0x20 && c != 0x7F);
        if (c == 0xC2)
            assert_false((unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F);
    }
    assert_int_equal(tabs, ncols - 1);
    assert_true(valid_utf8(s, n));
}

static void test_tsv_fields(void **st)
{
    (void)st;
    nf_options o = opts(NF_FMT_TSV);
    for (size_t k = 0; k < NNASTY; k++) {
        const char *cols[NF_NCOLS];
        fill_cols(cols, nasties[k].in);
        nf_buf b = {0};
        nf_write_tsv(&o, cols, &b);
        check_tsv_line(b.p, b.len, NF_NCOLS);
        if (nasties[k].clean) {
            /* the last field is the value itself */
            char *want = tsv_expect(nasties[k].clean);
            const char *last = strrchr(b.p, '\t') + 1;
            assert_int_equal(strlen(last), strlen(want) + 1);
            assert_memory_equal(last, want, strlen(want));
            free(want);
        }
        nf_buf_free(&b);
    }
    const char *cols[NF_NCOLS];
    fill_cols(cols, allbytes);
    nf_buf b = {0};
    nf_write_tsv(&o, cols, &b);
    check_tsv_line(b.p, b.len, NF_NCOLS);
    nf_buf_free(&b);
}

/* nf_write_tsv_memo writes what nf_write_tsv writes, row after row: fields repeated by
 * address (copied from the buffer), a line buffer rewritten for every row (never copied),
 * nasty values, --fields with a column twice, a buffer that grows from nothing. */
static void test_tsv_memo(void **st)
{
    (void)st;
    static const int fields[] = {NF_COL_TEXT, NF_COL_LINE, NF_COL_FILE, NF_COL_TEXT, NF_COL_ACTOR};
    for (int variant = 0; variant < 2; variant++) {
        nf_options o = opts(NF_FMT_TSV);
        if (variant) {
            o.nfields = (int)(sizeof fields / sizeof *fields);
            memcpy(o.fields, fields, sizeof fields);
        }
        nf_buf plain = {0}, memo = {0};
        nf_tsv_memo m = {0};
        char line[24];
        unsigned seed = 7;
        for (int row = 0; row < 400; row++) {
            const char *cols[NF_NCOLS];
            for (int c = 0; c < NF_NCOLS; c++) {
                seed = seed * 1103515245u + 12345u;
                cols[c] = nasties[(seed >> 16) % 3 ? (size_t)c % NNASTY : (seed >> 8) % NNASTY].in;
            }
            cols[NF_COL_FILE] = allbytes;
            snprintf(line, sizeof line, "%d", row * 7 % 13);
            cols[NF_COL_LINE] = line;
            nf_write_tsv(&o, cols, &plain);
            nf_write_tsv_memo(&o, cols, &memo, &m);
        }
        assert_int_equal(plain.len, memo.len);
        assert_memory_equal(plain.p, memo.p, plain.len);
        nf_buf_free(&plain);
        nf_buf_free(&memo);
    }
}

static void test_tsv_null_and_fields(void **st)
{
    (void)st;
    nf_options o = opts(NF_FMT_TSV);
    const char *cols[NF_NCOLS] = {0};
    cols[NF_COL_FILE] = "f";
    cols[NF_COL_KIND] = "article";
    cols[NF_COL_LINE] = "3";
    nf_buf b = {0};
    nf_write_tsv(&o, cols, &b);
    assert_string_equal(b.p, "f\t\t3\tarticle\t\t\t\t\t\t\t\t\t\t\n");
    b.len = 0;
    o.nfields = 3;
    o.fields[0] = NF_COL_KIND, o.fields[1] = NF_COL_LINE, o.fields[2] = NF_COL_FILE;
    nf_write_tsv(&o, cols, &b);
    assert_string_equal(b.p, "article\t3\tf\n");
    b.len = 0;
    nf_table_begin(&o, &b);
    assert_string_equal(b.p, "kind\tline\tfile\n");
    nf_buf_free(&b);
}

/* ---- CSV ---- */

/* Parses one RFC 4180 record at s (records end in CRLF). Fills fields (malloc'd) and
 * returns the bytes consumed, or 0 when the record is malformed. */
static size_t csv_record(const char *s, size_t n, char **fields, int maxf, int *nf)
{
    size_t i = 0;
    *nf = 0;
    for (;;) {
        nf_buf f = {0};
        nf_buf_putc(&f, '\0');
        f.len = 0;
        if (i < n && s[i] == '"') {
            i++;
            for (;;) {
                if (i >= n)
                    goto bad;
                if (s[i] == '"') {
                    if (i + 1 < n && s[i + 1] == '"') {
                        nf_buf_putc(&f, '"');
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                nf_buf_putc(&f, s[i++]);
            }
        } else {
            while (i < n && s[i] != ',' && s[i] != '\r') {
                if (s[i] == '"' || s[i] == '\n')
                    goto bad;
                nf_buf_putc(&f, s[i++]);
            }
        }
        if (*nf >= maxf)
            goto bad;
        fields[(*nf)++] = f.p;
        if (i < n && s[i] == ',') {
            i++;
            continue;
        }
        if (i + 1 < n && s[i] == '\r' && s[i + 1] == '\n')
            return i + 2;
        return 0;
    bad:
        nf_buf_free(&f);
        for (int k = 0; k < *nf; k++)
            free(fields[k]);
        *nf = 0;
        return 0;
    }
}

static void test_csv_roundtrip(void **st)
{
    (void)st;
    nf_options o = opts(NF_FMT_CSV);
    for (size_t k = 0; k < NNASTY; k++) {
        const char *cols[NF_NCOLS];
        fill_cols(cols, nasties[k].in);
        nf_buf b = {0};
        nf_write_csv(&o, cols, &b);
        char *f[NF_NCOLS + 1];
        int nf;
        size_t used = csv_record(b.p, b.len, f, NF_NCOLS + 1, &nf);
        assert_int_equal(used, b.len);
        assert_int_equal(nf, NF_NCOLS);
        assert_string_equal(f[NF_COL_LINE], "12");
        assert_true(valid_utf8(b.p, b.len));
        if (nasties[k].clean)
            assert_string_equal(f[NF_COL_TEXT], nasties[k].clean);
        for (int i = 0; i < nf; i++)
            free(f[i]);
        nf_buf_free(&b);
    }
    const char *cols[NF_NCOLS];
    fill_cols(cols, allbytes);
    nf_buf b = {0};
    nf_write_csv(&o, cols, &b);
    char *f[NF_NCOLS + 1];
    int nf;
    assert_int_equal(csv_record(b.p, b.len, f, NF_NCOLS + 1, &nf), b.len);
    assert_int_equal(nf, NF_NCOLS);
    for (size_t i = 0; f[NF_COL_TEXT][i]; i++) {
        unsigned c = (unsigned char)f[NF_COL_TEXT][i];
        assert_true(c >= 0x20 || c == '\t' || c == '\r' || c == '\n');
        assert_true(c != 0x7F);
    }
    for (int i = 0; i < nf; i++)
        free(f[i]);
    nf_buf_free(&b);
}

static void test_csv_exact(void **st)
{
    (void)st;
    nf_options o = opts(NF_FMT_CSV);
    o.nfields = 4;
    o.fields[0] = NF_COL_FILE, o.fields[1] = NF_COL_ARTICLE, o.fields[2] = NF_COL_VALUE,
    o.fields[3] = NF_COL_TEXT;
    const char *cols[NF_NCOLS] = {0};
    cols[NF_COL_FILE] = "a,b";
    cols[NF_COL_ARTICLE] = "say \"hi\"";
    cols[NF_COL_VALUE] = NULL;
    cols[NF_COL_TEXT] = "two\nlines";
    nf_buf b = {0};
    nf_table_begin(&o, &b);
    nf_write_csv(&o, cols, &b);
    assert_string_equal(b.p, "file,article,value,text\r\n"
                             "\"a,b\",\"say \"\"hi\"\"\",,\"two\nlines\"\r\n");
    nf_buf_free(&b);
}

/* ---- JSONL ---- */

typedef struct { char *key[32]; char *val[32]; int isnum[32]; int n; } jobj;

static int hexval(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* A strict JSON string at s[*i] (on the opening quote); the decoded UTF-8 or NULL. */
static char *jstring(const char *s, size_t n, size_t *i)
{
    if (*i >= n || s[*i] != '"')
        return NULL;
    (*i)++;
    nf_buf b = {0};
    nf_buf_putc(&b, '\0');
    b.len = 0;
    while (*i < n) {
        unsigned c = (unsigned char)s[*i];
        if (c == '"') {
            (*i)++;
            return b.p;
        }
        if (c < 0x20)
            break;
        if (c != '\\') {
            nf_buf_putc(&b, (char)c);
            (*i)++;
            continue;
        }
        if (++*i >= n)
            break;
        c = (unsigned char)s[(*i)++];
        const char *esc = strchr("\"\\/bfnrt", (int)c);
        if (c && esc) {
            nf_buf_putc(&b, "\"\\/\b\f\n\r\t"[esc - "\"\\/bfnrt"]);
            continue;
        }
        if (c != 'u' || *i + 4 > n)
            break;
        uint32_t cp = 0;
        for (int k = 0; k < 4; k++) {
            int h = hexval(s[*i + (size_t)k]);
            if (h < 0)
                goto bad;
            cp = cp * 16 + (uint32_t)h;
        }
        *i += 4;
        if (cp >= 0xD800 && cp <= 0xDFFF)
            break; /* our writer never needs surrogates */
        char u[4];
        nf_buf_put(&b, u, (size_t)nf_utf8_encode(cp, u));
    }
bad:
    nf_buf_free(&b);
    return NULL;
}

static int jparse(const char *s, size_t n, jobj *o)
{
    memset(o, 0, sizeof *o);
    if (!valid_utf8(s, n))
        return -1;
    size_t i = 0;
    if (n < 2 || s[i++] != '{')
        return -1;
    for (;;) {
        if (o->n >= 32)
            return -1;
        char *k = jstring(s, n, &i);
        if (!k || i >= n || s[i++] != ':')
            return free(k), -1;
        o->key[o->n] = k;
        if (i < n && s[i] == '"') {
            o->val[o->n] = jstring(s, n, &i);
            if (!o->val[o->n])
                return -1;
        } else {
            size_t j = i;
            if (j < n && s[j] == '-')
                j++;
            size_t d = j;
            while (j < n && nf_isdigit((unsigned char)s[j]))
                j++;
            if (j == d || (s[d] == '0' && j > d + 1))
                return -1;
            o->val[o->n] = strndup(s + i, j - i);
            o->isnum[o->n] = 1;
            i = j;
        }
        o->n++;
        if (i < n && s[i] == ',') {
            i++;
            continue;
        }
        if (i < n && s[i] == '}') {
            i++;
            break;
        }
        return -1;
    }
    return i == n ? 0 : -1;
}

static void jfree(jobj *o)
{
    for (int i = 0; i < o->n; i++)
        free(o->key[i]), free(o->val[i]);
}

static void test_jsonl(void **st)
{
    (void)st;
    nf_options o = opts(NF_FMT_JSONL);
    for (size_t k = 0; k <= NNASTY; k++) {
        const char *v = k < NNASTY ? nasties[k].in : allbytes;
        const char *cols[NF_NCOLS];
        fill_cols(cols, v);
        nf_buf b = {0};
        nf_write_jsonl(&o, cols, &b);
        assert_true(b.len > 0 && b.p[b.len - 1] == '\n');
        assert_null(memchr(b.p, '\n', b.len - 1));
        jobj j;
        assert_int_equal(jparse(b.p, b.len - 1, &j), 0);
        assert_int_equal(j.n, NF_NCOLS);
        for (int i = 0; i < NF_NCOLS; i++) {
            assert_string_equal(j.key[i], nf_col_names[i]);
            assert_int_equal(j.isnum[i], i == NF_COL_LINE);
        }
        assert_string_equal(j.val[NF_COL_LINE], "12");
        if (k < NNASTY && nasties[k].clean) {
            /* JSON keeps control characters (escaped); only bad UTF-8 changes */
            nf_buf want = {0};
            const unsigned char *p = (const unsigned char *)v;
            for (size_t i = 0, n = strlen(v); i < n;) {
                uint32_t cp;
                int len = nf_utf8_decode(p + i, n - i, &cp);
                if (cp == 0xFFFD && !(len == 3 && p[i] == 0xEF))
                    nf_buf_puts(&want, "\xEF\xBF\xBD");
                else
                    nf_buf_put(&want, p + i, (size_t)len);
                i += (size_t)len;
            }
            nf_buf_putc(&want, '\0');
            assert_string_equal(j.val[NF_COL_TEXT], want.p);
            nf_buf_free(&want);
        }
        jfree(&j);
        nf_buf_free(&b);
    }
    /* no header in JSONL, even when asked */
    nf_buf b = {0};
    nf_table_begin(&o, &b);
    nf_table_end(&o, &b);
    assert_int_equal(b.len, 0);
    /* --fields: only those keys, in that order */
    o.nfields = 2;
    o.fields[0] = NF_COL_LINE, o.fields[1] = NF_COL_ARTICLE;
    const char *cols[NF_NCOLS] = {0};
    cols[NF_COL_LINE] = "7";
    cols[NF_COL_ARTICLE] = "a\"b";
    nf_write_jsonl(&o, cols, &b);
    assert_string_equal(b.p, "{\"line\":7,\"article\":\"a\\\"b\"}\n");
    nf_buf_free(&b);
}

/* ---- XML ---- */

static void xml_silent(void *ctx, const char *msg, ...) { (void)ctx, (void)msg; }

static xmlDocPtr xml_parse(const char *s, size_t n)
{
    xmlSetGenericErrorFunc(NULL, xml_silent);
    return xmlReadMemory(s, (int)n, "t.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                    XML_PARSE_NOWARNING);
}

static void test_xml(void **st)
{
    (void)st;
    nf_options o = opts(NF_FMT_XML);
    nf_buf b = {0};
    nf_table_begin(&o, &b);
    for (size_t k = 0; k <= NNASTY; k++) {
        const char *cols[NF_NCOLS];
        fill_cols(cols, k < NNASTY ? nasties[k].in : allbytes);
        nf_write_xml(&o, cols, &b);
    }
    nf_table_end(&o, &b);
    xmlDocPtr d = xml_parse(b.p, b.len);
    assert_non_null(d);
    xmlNodePtr root = xmlDocGetRootElement(d);
    assert_string_equal((const char *)root->name, "newsfacts");
    size_t nrow = 0;
    for (xmlNodePtr r = root->children; r; r = r->next) {
        if (r->type != XML_ELEMENT_NODE)
            continue;
        assert_string_equal((const char *)r->name, "row");
        int c = 0;
        for (xmlNodePtr f = r->children; f; f = f->next) {
            if (f->type != XML_ELEMENT_NODE)
                continue;
            assert_true(c < NF_NCOLS);
            assert_string_equal((const char *)f->name, nf_col_names[c]);
            if (c == NF_COL_TEXT && nrow < NNASTY && nasties[nrow].clean &&
                !strchr(nasties[nrow].clean, '\r')) {
                xmlChar *t = xmlNodeGetContent(f);
                assert_string_equal((const char *)t, nasties[nrow].clean);
                xmlFree(t);
            }
            c++;
        }
        assert_int_equal(c, NF_NCOLS);
        nrow++;
    }
    assert_int_equal(nrow, NNASTY + 1);
    xmlFreeDoc(d);
    nf_buf_free(&b);
}

static void test_xml_fields_empty(void **st)
{
    (void)st;
    nf_options o = opts(NF_FMT_XML);
    o.header = 0;
    o.nfields = 2;
    o.fields[0] = NF_COL_KIND, o.fields[1] = NF_COL_DATE;
    nf_buf b = {0};
    nf_table_begin(&o, &b);
    nf_table_end(&o, &b);
    xmlDocPtr d = xml_parse(b.p, b.len); /* no rows: still a document */
    assert_non_null(d);
    xmlFreeDoc(d);
    b.len = 0;
    nf_table_begin(&o, &b);
    const char *cols[NF_NCOLS] = {0};
    cols[NF_COL_KIND] = "date";
    nf_write_xml(&o, cols, &b);
    nf_table_end(&o, &b);
    assert_non_null(strstr(b.p, "<row><kind>date</kind><date></date></row>"));
    d = xml_parse(b.p, b.len);
    assert_non_null(d);
    xmlFreeDoc(d);
    nf_buf_free(&b);
}

/* write_xml.c writes rows that need no escaping itself: byte for byte what libxml2's
 * writer makes of them (checked here against the writer, with rows that need escaping too,
 * so a libxml2 that writes differently shows up here). */
static void test_xml_as_libxml(void **st)
{
    (void)st;
    static const char *const pieces[] = {"plain", " ", "\t", "\n", "\xC3\xA9", "\xE2\x80\x99",
                                         "", "x", "<", ">", "&", "\"", "\r", "'", "]]"};
    srand(9);
    for (int round = 0; round < 300; round++) {
        nf_options o = opts(NF_FMT_XML);
        if (round % 5 == 4) { /* --fields, a column twice */
            o.nfields = 3;
            o.fields[0] = NF_COL_TEXT, o.fields[1] = NF_COL_KIND, o.fields[2] = NF_COL_TEXT;
        }
        char vals[NF_NCOLS][64];
        const char *cols[NF_NCOLS];
        int special = round % 3 == 0;
        for (int c = 0; c < NF_NCOLS; c++) {
            vals[c][0] = 0;
            for (int k = rand() % 5; k > 0; k--)
                strcat(vals[c], pieces[rand() % (special ? 15 : 10)]);
            cols[c] = rand() % 4 ? vals[c] : NULL;
        }
        nf_buf got = {0};
        nf_write_xml(&o, cols, &got);
        xmlBufferPtr xb = xmlBufferCreate();
        xmlTextWriterPtr w = xmlNewTextWriterMemory(xb, 0);
        xmlTextWriterStartElement(w, BAD_CAST "row");
        for (int i = 0; i < nf_table_ncols(&o); i++) {
            int c = nf_table_col(&o, i);
            xmlTextWriterWriteElement(w, BAD_CAST nf_col_names[c], BAD_CAST(cols[c] ? cols[c] : ""));
        }
        xmlTextWriterEndElement(w);
        xmlTextWriterFlush(w);
        xmlFreeTextWriter(w);
        assert_int_equal(got.len, (size_t)xmlBufferLength(xb) + 1);
        assert_memory_equal(got.p, xmlBufferContent(xb), got.len - 1);
        assert_int_equal(got.p[got.len - 1], '\n');
        xmlBufferFree(xb);
        nf_buf_free(&got);
    }
}

/* ---- header ---- */

static void test_header(void **st)
{
    (void)st;
    nf_options o = opts(NF_FMT_TSV);
    nf_buf b = {0};
    nf_table_begin(&o, &b);
    assert_string_equal(b.p, "file\tarticle\tline\tkind\tdate\tactor\tvalue\tunit\tmention\ttext\t"
                             "qualifier\tcategory\tcluster\tsources\n");
    b.len = 0;
    o.format = NF_FMT_CSV;
    nf_table_begin(&o, &b);
    assert_string_equal(b.p, "file,article,line,kind,date,actor,value,unit,mention,text,"
                             "qualifier,category,cluster,sources\r\n");
    b.len = 0;
    o.header = 0;
    nf_table_begin(&o, &b);
    o.format = NF_FMT_TSV;
    nf_table_begin(&o, &b);
    nf_table_end(&o, &b);
    assert_int_equal(b.len, 0);
    nf_buf_free(&b);
}

/* ---- nf_table_article: order, --kind, line base ---- */

static void test_table_order_kinds(void **st)
{
    (void)st;
    nf_engine e;
    memset(&e, 0, sizeof e);
    nf_options_default(&e.opt);
    e.opt.header = 0;
    e.opt.nfields = 4;
    e.opt.fields[0] = NF_COL_LINE, e.opt.fields[1] = NF_COL_KIND, e.opt.fields[2] = NF_COL_VALUE,
    e.opt.fields[3] = NF_COL_ARTICLE;
    nf_article art = {0};
    art.file = "f.dump";
    art.name = "art";
    nf_ana a;
    nf_ana_init(&a, &e, NULL);
    a.art = &art;
    struct { int kind; long line, col; const char *v; } in[] = {
        {NF_KIND_CLAIM, 5, 0, "c5"}, {NF_KIND_DATE, 5, 0, "d5"}, {NF_KIND_ACTOR, 3, 10, "a3.10"},
        {NF_KIND_FIGURE, 3, 2, "f3.2"}, {NF_KIND_ARTICLE, 1, -1, "art"},
        {NF_KIND_DATE, 3, 2, "d3.2"}, {NF_KIND_CLAIM, 5, 0, "c5b"},
    };
    for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
        nf_row *r = NF_PUSH(a.row, a.nrow, a.caprow);
        memset(r, 0, sizeof *r);
        r->kind = (uint8_t)in[i].kind;
        r->line = in[i].line;
        r->col = in[i].col;
        r->order = (uint32_t)i;
        r->f[NF_COL_VALUE] = in[i].v;
    }
    nf_buf b = {0};
    nf_table_article(&e, &a, &b);
    assert_string_equal(b.p, "1\tarticle\tart\tart\n3\tdate\td3.2\tart\n3\tfigure\tf3.2\tart\n"
                             "3\tactor\ta3.10\tart\n5\tdate\td5\tart\n5\tclaim\tc5\tart\n"
                             "5\tclaim\tc5b\tart\n");
    /* --kind date,claim and --lines article (line base 2) */
    e.opt.kinds = (1u << NF_KIND_DATE) | (1u << NF_KIND_CLAIM);
    art.line_base = 2;
    b.len = 0;
    nf_table_article(&e, &a, &b);
    assert_string_equal(b.p, "1\tdate\td3.2\tart\n3\tdate\td5\tart\n3\tclaim\tc5\tart\n"
                             "3\tclaim\tc5b\tart\n");
    /* every format writes the same rows */
    e.opt.kinds = 0;
    e.opt.nfields = 0;
    int fmts[] = {NF_FMT_CSV, NF_FMT_JSONL, NF_FMT_XML};
    for (int i = 0; i < 3; i++) {
        e.opt.format = fmts[i];
        b.len = 0;
        nf_table_article(&e, &a, &b);
        size_t lines = 0;
        for (size_t k = 0; k < b.len; k++)
            lines += b.p[k] == '\n';
        assert_int_equal(lines, 7);
    }
    nf_buf_free(&b);
    nf_ana_free(&a);
}

/* nf_table_sort against the definition (line, col, kind, order), with random rows: few
 * distinct lines and columns (many ties), now and then a line beyond 32 bits. */
static int order_cmp(const void *x, const void *y)
{
    const nf_row *a = x, *b = y;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

static void test_table_sort_random(void **st)
{
    (void)st;
    nf_engine e;
    memset(&e, 0, sizeof e);
    nf_options_default(&e.opt);
    srand(5);
    for (int round = 0; round < 300; round++) {
        nf_ana a;
        nf_ana_init(&a, &e, NULL);
        size_t n = (size_t)(rand() % 200);
        for (size_t i = 0; i < n; i++) {
            nf_row *r = NF_PUSH(a.row, a.nrow, a.caprow);
            memset(r, 0, sizeof *r);
            r->kind = (uint8_t)(rand() % NF_NKINDS);
            r->line = rand() % 6 + (round % 50 == 7 && i == n / 2 ? 5000000000L : 0);
            r->col = rand() % 4 - 1;
            r->order = (uint32_t)((i * 7919u) % 100003u); /* unique, not in row order */
        }
        nf_row *want = malloc((n ? n : 1) * sizeof *want);
        if (n)
            memcpy(want, a.row, n * sizeof *want);
        qsort(want, n, sizeof *want, order_cmp);
        nf_table_sort(&a);
        for (size_t i = 0; i < n; i++)
            assert_int_equal(a.row[i].order, want[i].order);
        free(want);
        nf_ana_free(&a);
    }
}

/* nf_table_article's TSV rows (nf_write_tsv_rows) are what nf_table_cols and nf_write_tsv
 * make row by row: random rows in random order with nasty values, values repeated by
 * address in a row and across rows, NULL and empty values, negative and huge lines, a line
 * base, --kind, a nasty file and article name, NULL ones, a buffer that starts small and one
 * that already holds bytes. */
static void test_tsv_rows(void **st)
{
    (void)st;
    nf_engine e;
    memset(&e, 0, sizeof e);
    nf_options_default(&e.opt);
    srand(11);
    char big[3000];
    for (size_t i = 0; i + 1 < sizeof big; i++)
        big[i] = (char)(' ' + i % 90);
    big[sizeof big - 1] = '\0';
    for (int round = 0; round < 200; round++) {
        nf_article art = {0};
        art.file = round % 7 == 3 ? NULL : round % 3 ? "f.dump" : allbytes;
        art.name = round % 11 == 5 ? "" : round % 2 ? (char *)"news/a b.txt" : (char *)nasties[round % NNASTY].in;
        art.line_base = round % 4 == 1 ? 3 : 0;
        nf_ana a;
        nf_ana_init(&a, &e, NULL);
        a.art = &art;
        size_t n = (size_t)(rand() % 60);
        for (size_t i = 0; i < n; i++) {
            nf_row *r = NF_PUSH(a.row, a.nrow, a.caprow);
            memset(r, 0, sizeof *r);
            r->kind = (uint8_t)(rand() % NF_NKINDS);
            r->line = rand() % 5 == 0 ? -(long)(rand() % 1000) : rand() % 5 == 1 ? rand() % 100000000 : rand() % 50;
            if (rand() % 40 == 0)
                r->line = rand() % 2 ? 9223372036854775807L : -9223372036854775807L + 2; /* (- line base 3) */
            r->col = rand() % 30;
            r->order = (uint32_t)i;
            for (int c = NF_COL_DATE; c < NF_NCOLS; c++) {
                int k = rand() % (NNASTY + 4);
                r->f[c] = k < (int)NNASTY ? nasties[k].in : k == (int)NNASTY ? NULL : k == (int)NNASTY + 1 ? big
                        : k == (int)NNASTY + 2 ? allbytes : "";
            }
            if (i && rand() % 2) /* the same strings as the row before */
                memcpy(r->f, r[-1].f, sizeof r->f);
        }
        e.opt.kinds = round % 5 == 2 ? (1u << NF_KIND_ACTOR) | (1u << NF_KIND_CLAIM) : 0;
        nf_buf fast = {0}, want = {0};
        if (round % 2) { /* some bytes in the buffer already */
            nf_buf_puts(&fast, "head\n");
            nf_buf_puts(&want, "head\n");
        }
        nf_table_article(&e, &a, &fast);
        nf_table_sort(&a);
        for (size_t i = 0; i < a.nrow; i++) {
            if (!nf_table_keep(&e.opt, &a.row[i]))
                continue;
            char line[24];
            const char *cols[NF_NCOLS];
            nf_table_cols(&a, &a.row[i], line, cols);
            nf_write_tsv(&e.opt, cols, &want);
        }
        assert_int_equal(fast.len, want.len);
        if (want.len)
            assert_memory_equal(fast.p, want.p, want.len);
        nf_buf_free(&fast);
        nf_buf_free(&want);
        nf_ana_free(&a);
    }
}

static int setup(void **st)
{
    (void)st;
    for (int i = 1; i < 256; i++)
        allbytes[i - 1] = (char)i;
    allbytes[255] = '\0';
    xmlInitParser();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tsv_fields),
        cmocka_unit_test(test_tsv_null_and_fields),
        cmocka_unit_test(test_tsv_memo),
        cmocka_unit_test(test_csv_roundtrip),
        cmocka_unit_test(test_csv_exact),
        cmocka_unit_test(test_jsonl),
        cmocka_unit_test(test_xml),
        cmocka_unit_test(test_xml_fields_empty),
        cmocka_unit_test(test_xml_as_libxml),
        cmocka_unit_test(test_header),
        cmocka_unit_test(test_table_order_kinds),
        cmocka_unit_test(test_table_sort_random),
        cmocka_unit_test(test_tsv_rows),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}

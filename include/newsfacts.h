/* newsfacts — a corpus analyzer for news articles.
 *
 * Public interface of libnewsfacts: build an engine from options (it compiles the
 * embedded dictionaries and rules once), then run it over input dumps. The table's
 * columns, formats and exit statuses are those of CONTRACT.md; README.md has them too. */
#ifndef NEWSFACTS_H
#define NEWSFACTS_H

#include <stddef.h>
#include <stdio.h>

#define NEWSFACTS_VERSION "0.1.0"

/* Output formats. */
enum { NF_FMT_TSV, NF_FMT_CSV, NF_FMT_JSONL, NF_FMT_XML };

/* Row kinds, in the order rows of one mention position are printed. */
enum { NF_KIND_ARTICLE, NF_KIND_DATE, NF_KIND_ACTOR, NF_KIND_FIGURE, NF_KIND_CLAIM, NF_NKINDS };

/* Columns, in output order. New columns only ever go at the end. */
enum {
    NF_COL_FILE, NF_COL_ARTICLE, NF_COL_LINE, NF_COL_KIND, NF_COL_DATE, NF_COL_ACTOR,
    NF_COL_VALUE, NF_COL_UNIT, NF_COL_MENTION, NF_COL_TEXT, NF_COL_QUALIFIER,
    NF_COL_CATEGORY, NF_COL_CLUSTER, NF_COL_SOURCES, NF_NCOLS
};

typedef struct nf_options {
    int format;              /* NF_FMT_* */
    int header;              /* print the header row (TSV, CSV) */
    unsigned kinds;          /* bit (1u << NF_KIND_*) set = print that kind; 0 = all */
    int fields[NF_NCOLS];    /* columns to print, in this order */
    int nfields;             /* 0 = all columns */
    const char *anchor_date; /* --date YYYY-MM-DD, or NULL */
    int strict;              /* warnings make the exit status 1 */
    int quiet;               /* no warnings on stderr */
    int lines_article;       /* line numbers count from each article's marker */
    int text_mode;           /* --text: print normalized articles, not facts */
    int keep_boilerplate;    /* --keep-boilerplate */
    int corroborate;         /* --corroborate */
    int threads;             /* worker threads, >= 1 */
    int progress;            /* progress line on stderr */
    const char *data_dir;    /* --data DIR, or NULL */
    const char *rules[16];   /* --rules FILE ... */
    int nrules;
    size_t max_piece;        /* article piece size limit in bytes (16 MB) */
} nf_options;

typedef struct nf_engine nf_engine;

/* Fills *o with the defaults. */
void nf_options_default(nf_options *o);

/* Compiles data and rules. On failure returns NULL and writes a message to err. */
nf_engine *nf_engine_new(const nf_options *o, char *err, size_t errlen);
void nf_engine_free(nf_engine *e);

/* Runs the engine over the inputs ("-" is standard input) and writes the table to out.
 * Returns the exit status of the contract: 0, or 1 when some input could not be read,
 * was malformed under --strict, or output could not be written. */
int nf_run(nf_engine *e, const char *const *paths, int npaths, FILE *out);

/* Analyzes one article given as text and appends its table rows (no header) to *buf
 * (malloc'd, *len bytes). name and file label the rows. Returns 0, or -1 on failure. */
int nf_analyze_text(nf_engine *e, const char *file, const char *name, const char *text,
                    size_t len, char **buf, size_t *len_out);

#endif

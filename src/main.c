/* newsfacts — command line: parse the options, build the engine, run it. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "newsfacts.h"

int nf_parse_date(const char *s, int *y, int *m, int *d);
void nf_diag_setup(int quiet);

static const char usage_text[] =
    "usage: newsfacts [OPTION]... [FILE]...\n"
    "Extract dated claims, actors, figures and dates from a dump of news articles\n"
    "(a line starting with <<<FILE opens each article) and print them as one table.\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Output:\n"
    "  -o, --output FILE      write the table to FILE instead of standard output\n"
    "      --format FMT       tsv (default), csv, jsonl or xml\n"
    "      --no-header        no header row (tsv, csv)\n"
    "      --kind K[,K...]    only rows of these kinds: article, date, actor, figure, claim\n"
    "      --fields F[,F...]  only these columns, in this order: file, article, line, kind,\n"
    "                         date, actor, value, unit, mention, text, qualifier, category,\n"
    "                         cluster, sources\n"
    "      --lines MODE       line numbers of the file (default) or of the article, counted\n"
    "                         from its marker line (MODE = article)\n"
    "      --text             print the normalized articles (dump format), not facts\n"
    "      --keep-boilerplate keep navigation, captions and the like in the text\n"
    "      --corroborate      fill cluster and sources for claims and figures several\n"
    "                         articles report\n"
    "Input:\n"
    "      --date YYYY-MM-DD  anchor date for articles that state none\n"
    "      --data DIR         data files in DIR extend (or, starting #!replace, replace)\n"
    "                         the compiled-in ones of the same name\n"
    "      --rules FILE       more boilerplate rules, in the format of\n"
    "                         data/boilerplate.rules (repeatable, up to 16)\n"
    "Running:\n"
    "  -j, --threads N        worker threads (default: the number of cores)\n"
    "      --progress         a progress line on standard error (default: when it is a\n"
    "                         terminal and the input a large file); --no-progress: never\n"
    "      --strict           warnings (invalid UTF-8, text before the first marker or\n"
    "                         after an end marker, cut articles) make the exit status 1\n"
    "  -q, --quiet            no warnings on standard error\n"
    "  -h, --help             this help\n"
    "      --version          the version\n"
    "\n"
    "Exit status: 0 success (also when no fact is found), 1 an input could not be read,\n"
    "was malformed under --strict, or the output could not be written, 2 usage error.\n";

enum {
    OPT_FORMAT = 256, OPT_NOHEADER, OPT_KIND, OPT_FIELDS, OPT_LINES, OPT_TEXT, OPT_KEEP,
    OPT_CORROB, OPT_DATE, OPT_DATA, OPT_RULES, OPT_PROGRESS, OPT_NOPROGRESS, OPT_STRICT, OPT_VERSION,
};

static const struct option long_opts[] = {
    {"output", required_argument, 0, 'o'},
    {"format", required_argument, 0, OPT_FORMAT},
    {"no-header", no_argument, 0, OPT_NOHEADER},
    {"kind", required_argument, 0, OPT_KIND},
    {"fields", required_argument, 0, OPT_FIELDS},
    {"lines", required_argument, 0, OPT_LINES},
    {"text", no_argument, 0, OPT_TEXT},
    {"keep-boilerplate", no_argument, 0, OPT_KEEP},
    {"corroborate", no_argument, 0, OPT_CORROB},
    {"date", required_argument, 0, OPT_DATE},
    {"data", required_argument, 0, OPT_DATA},
    {"rules", required_argument, 0, OPT_RULES},
    {"threads", required_argument, 0, 'j'},
    {"progress", no_argument, 0, OPT_PROGRESS},
    {"no-progress", no_argument, 0, OPT_NOPROGRESS},
    {"strict", no_argument, 0, OPT_STRICT},
    {"quiet", no_argument, 0, 'q'},
    {"help", no_argument, 0, 'h'},
    {"version", no_argument, 0, OPT_VERSION},
    {0, 0, 0, 0},
};

static int usage_error(const char *fmt, const char *arg)
{
    fputs("newsfacts: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'newsfacts --help' for more information.\n", stderr);
    return 2;
}

static const char *const kinds[] = {"article", "date", "actor", "figure", "claim"};
static const char *const cols[] = {"file", "article", "line", "kind", "date", "actor", "value",
                                   "unit", "mention", "text", "qualifier", "category",
                                   "cluster", "sources"};

/* Parses a comma-separated list of names into indexes; -1 on an unknown name. */
static int parse_list(const char *arg, const char *const *names, int nnames, int *out,
                      int maxout, const char **bad)
{
    int n = 0;
    const char *p = arg;
    for (;;) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        int found = -1;
        for (int i = 0; i < nnames; i++)
            if (strlen(names[i]) == len && strncmp(names[i], p, len) == 0)
                found = i;
        if (found < 0 || n >= maxout) {
            static char word[64];
            snprintf(word, sizeof word, "%.*s", (int)(len < 60 ? len : 60), p);
            *bad = word;
            return -1;
        }
        out[n++] = found;
        if (!e)
            break;
        p = e + 1;
    }
    return n;
}

int main(int argc, char **argv)
{
    nf_options o;
    nf_options_default(&o);
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    o.threads = ncpu > 0 ? (int)(ncpu > 64 ? 64 : ncpu) : 1;
    const char *output = NULL;
    int progress = -1;
    int c;
    while ((c = getopt_long(argc, argv, "o:j:qh", long_opts, NULL)) != -1) {
        const char *bad = NULL;
        switch (c) {
        case 'o': output = optarg; break;
        case OPT_FORMAT:
            if (!strcmp(optarg, "tsv")) o.format = NF_FMT_TSV;
            else if (!strcmp(optarg, "csv")) o.format = NF_FMT_CSV;
            else if (!strcmp(optarg, "jsonl")) o.format = NF_FMT_JSONL;
            else if (!strcmp(optarg, "xml")) o.format = NF_FMT_XML;
            else return usage_error("unknown format '%s' (tsv, csv, jsonl or xml)", optarg);
            break;
        case OPT_NOHEADER: o.header = 0; break;
        case OPT_KIND: {
            int k[32];
            int n = parse_list(optarg, kinds, 5, k, 32, &bad);
            if (n < 0)
                return usage_error("unknown kind '%s' (article, date, actor, figure, claim)", bad);
            o.kinds = 0;
            for (int i = 0; i < n; i++)
                o.kinds |= 1u << k[i];
            break;
        }
        case OPT_FIELDS: {
            int n = parse_list(optarg, cols, NF_NCOLS, o.fields, NF_NCOLS, &bad);
            if (n < 0)
                return usage_error("unknown or repeated field '%s'", bad);
            for (int i = 1; i < n; i++)
                for (int j = 0; j < i; j++)
                    if (o.fields[i] == o.fields[j])
                        return usage_error("repeated field '%s'", cols[o.fields[i]]);
            o.nfields = n;
            break;
        }
        case OPT_LINES:
            if (!strcmp(optarg, "article")) o.lines_article = 1;
            else if (!strcmp(optarg, "file")) o.lines_article = 0;
            else return usage_error("--lines takes 'article' or 'file', not '%s'", optarg);
            break;
        case OPT_TEXT: o.text_mode = 1; break;
        case OPT_KEEP: o.keep_boilerplate = 1; break;
        case OPT_CORROB: o.corroborate = 1; break;
        case OPT_DATE: {
            int y, m, d;
            if (nf_parse_date(optarg, &y, &m, &d))
                return usage_error("--date '%s': expected a date YYYY-MM-DD", optarg);
            o.anchor_date = optarg;
            break;
        }
        case OPT_DATA: o.data_dir = optarg; break;
        case OPT_RULES:
            if (o.nrules >= (int)(sizeof o.rules / sizeof o.rules[0]))
                return usage_error("%s: at most 16 --rules files", optarg);
            o.rules[o.nrules++] = optarg;
            break;
        case 'j': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end || n < 1 || n > 256)
                return usage_error("-j '%s': expected a number of threads from 1 to 256", optarg);
            o.threads = (int)n;
            break;
        }
        case OPT_PROGRESS: progress = 1; break;
        case OPT_NOPROGRESS: progress = 0; break;
        case OPT_STRICT: o.strict = 1; break;
        case 'q': o.quiet = 1; break;
        case 'h': fputs(usage_text, stdout); return 0;
        case OPT_VERSION: printf("newsfacts %s\n", NEWSFACTS_VERSION); return 0;
        default:
            fputs("Try 'newsfacts --help' for more information.\n", stderr);
            return 2;
        }
    }
    if (progress < 0) { /* automatic: a terminal, and a large input file */
        progress = 0;
        if (isatty(2) && optind < argc) {
            FILE *f = strcmp(argv[optind], "-") ? fopen(argv[optind], "rb") : NULL;
            if (f && fseek(f, 0, SEEK_END) == 0 && ftell(f) > 50L * 1000 * 1000)
                progress = 1;
            if (f)
                fclose(f);
        }
    }
    o.progress = progress;
    nf_diag_setup(o.quiet);
    signal(SIGPIPE, SIG_IGN);

    FILE *out = stdout;
    if (output && strcmp(output, "-") != 0) {
        out = fopen(output, "wb");
        if (!out) {
            fprintf(stderr, "newsfacts: %s: cannot write: %s\n", output, strerror(errno));
            return 1;
        }
    }
    static char obuf[1 << 16];
    setvbuf(out, obuf, _IOFBF, sizeof obuf);

    char err[512];
    nf_engine *e = nf_engine_new(&o, err, sizeof err);
    if (!e) {
        fprintf(stderr, "newsfacts: %s\n", err);
        return 1;
    }
    int status = nf_run(e, (const char *const *)argv + optind, argc - optind, out);
    nf_engine_free(e);
    if (out != stdout && fclose(out) != 0 && status == 0) {
        fprintf(stderr, "newsfacts: %s: %s\n", output, strerror(errno));
        status = 1;
    }
    return status;
}

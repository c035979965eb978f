/* html.c - an HTML article reduced to the blocks of its main content.
 *
 * libxml2's HTML parser (recover mode, no network, no errors printed; it never loads
 * external entities) builds the tree. Script, style, navigation, header, footer, aside,
 * forms, figures, comments and hidden elements are skipped, as are elements whose class or
 * id names page furniture (comment, share, related, sidebar...) unless they also name the
 * content. The remaining text is cut into blocks at block-level elements; every entity is
 * decoded by the parser. The main content is the element whose paragraphs hold the most
 * prose (readability's scoring: each paragraph gives its parent one point, one per comma and
 * one per 100 characters up to three, half of that to its grandparent); blocks outside it and
 * its strong siblings are dropped by the classifier. The head gives the metadata: published
 * time, title, site name, canonical url. */
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "normalize.h"

#ifndef CLIMB
#define CLIMB 3
#endif
#ifndef PROSE_SHARE
#define PROSE_SHARE 0.75
#endif

int nf_html_detect(const char *s, size_t n)
{
    size_t i = 0, lim = n < 65536 ? n : 65536;
    while (i < lim && (nf_isspace((unsigned char)s[i]) || (unsigned char)s[i] == 0xEF ||
                       (unsigned char)s[i] == 0xBB || (unsigned char)s[i] == 0xBF))
        i++;
    static const char *const open[] = {"<!doctype html", "<html", "<head", "<body", "<?xml"};
    for (size_t k = 0; k < sizeof open / sizeof *open; k++)
        if (lim - i >= strlen(open[k]) && nf_strncaseeq(s + i, strlen(open[k]), open[k]))
            return 1;
    /* a fragment: several well-known tags */
    static const char *const tags[] = {"p>", "p ", "/p>", "div", "/div>", "br>", "br/", "br ",
                                       "a href", "/a>", "span", "li>", "ul>", "h1", "h2",
                                       "h3", "table", "td>", "img ", "strong>", "em>", "script"};
    int hits = 0;
    for (const char *p = s; (p = memchr(p, '<', (size_t)(s + lim - p))) && hits < 3; p++) {
        size_t r = (size_t)(s + lim - p) - 1;
        for (size_t k = 0; k < sizeof tags / sizeof *tags; k++) {
            size_t tl = strlen(tags[k]);
            if (r >= tl && nf_strncaseeq(p + 1, tl, tags[k])) {
                hits++;
                break;
            }
        }
    }
    return hits >= 3;
}

typedef struct {
    nf_ana *a;
    nf_blocks *bl;
    long line0;
    int open;            /* a block is open */
    int space;           /* the last byte put was a space (or nothing yet) */
    int in_a;            /* inside <a> */
    uint8_t tag;         /* tag family of the open block */
    xmlNode *owner;      /* block-level element of the open block */
    long last_line;
    /* candidate scores, indexed by node->_private - 1 */
    double *score; xmlNode **snode; uint32_t nscore, capscore;
    xmlNode **owners; uint32_t capown; /* owner element of each block */
    const char *title;   /* <title> */
    int noclass;         /* do not skip elements by class or id */
} hctx;

static int name_is(const xmlNode *n, const char *s)
{
    return n->name && n->name[0] == (unsigned char)s[0] && !strcmp((const char *)n->name, s);
}

/* Is s one of list[0..n)? (The first byte is compared before calling strcmp.) */
static int in_list(const char *s, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (s[0] == list[k][0] && !strcmp(s, list[k]))
            return 1;
    return 0;
}

static const char *attr(xmlNode *n, const char *name)
{
    for (xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && a->name[0] == (unsigned char)name[0] && !strcmp((const char *)a->name, name) && a->children &&
            a->children->type == XML_TEXT_NODE)
            return (const char *)a->children->content;
    return NULL;
}

static int tag_of(const xmlNode *n)
{
    const char *s = (const char *)n->name;
    if (!s)
        return -1;
    if (!strcmp(s, "p")) return NF_TAG_P;
    if (s[0] == 'h' && s[1] >= '1' && s[1] <= '6' && !s[2]) return NF_TAG_H;
    if (!strcmp(s, "li") || !strcmp(s, "dd") || !strcmp(s, "dt")) return NF_TAG_LI;
    if (!strcmp(s, "td") || !strcmp(s, "th")) return NF_TAG_TD;
    if (!strcmp(s, "pre")) return NF_TAG_PRE;
    if (!strcmp(s, "blockquote")) return NF_TAG_QUOTE;
    static const char *const blk[] = {"div", "section", "article", "main", "ul", "ol", "dl",
                                      "table", "tr", "tbody", "thead", "body", "center",
                                      "address", "fieldset", "hr", "br", "caption", "details",
                                      "summary", "header", "footer", "nav", "aside", "form"};
    return in_list(s, blk, sizeof blk / sizeof *blk) ? NF_TAG_OTHER : -1; /* else inline */
}

static int skip_elem(xmlNode *n, int noclass)
{
    static const char *const skip[] = {"script", "style", "noscript", "template", "nav", "header",
                                       "footer", "aside", "form", "iframe", "svg", "button",
                                       "select", "option", "textarea", "input", "label",
                                       "figure", "figcaption", "menu", "dialog", "object",
                                       "embed", "canvas", "video", "audio", "map",
                                       "title", "meta", "link", "math", "picture", "source"};
    if (n->name && in_list((const char *)n->name, skip, sizeof skip / sizeof *skip))
        return 1;
    if (attr(n, "hidden"))
        return 1;
    const char *v = attr(n, "aria-hidden");
    if (v && !strcmp(v, "true"))
        return 1;
    v = attr(n, "style");
    if (v && (strstr(v, "display:none") || strstr(v, "display: none") ||
              strstr(v, "visibility:hidden") || strstr(v, "visibility: hidden")))
        return 1;
    if (noclass || name_is(n, "body") || name_is(n, "article") || name_is(n, "main") ||
        name_is(n, "html"))
        return 0;
    /* class and id naming page furniture (readability's "unlikely candidates"), matched as
     * words: "comments", "share-bar", "relatedPosts" but not "pageRow" */
    const char *c = attr(n, "class"), *id = attr(n, "id"), *role = attr(n, "role");
    int bad = 0, good = 0, never = 0;
    for (int w = 0; w < 3; w++) {
        const char *s = w == 0 ? c : w == 1 ? id : role;
        if (!s)
            continue;
        size_t i = 0, n2 = strlen(s);
        while (i < n2) {
            /* a class name (between spaces) */
            size_t j = i;
            while (j < n2 && !nf_isspace((unsigned char)s[j]))
                j++;
            if (j > i) {
                static const char *const hid[] = {"hidden", "sr-only", "visually-hidden",
                                                  "screen-reader-text", "d-none", "hide"};
                for (size_t k = 0; k < sizeof hid / sizeof *hid; k++)
                    if (strlen(hid[k]) == j - i && nf_strncaseeq(s + i, j - i, hid[k]))
                        never = 1;
            }
            /* its words: split at - _ digits and lower-to-upper case changes */
            size_t p = i;
            while (p < j) {
                while (p < j && !nf_isalpha((unsigned char)s[p]))
                    p++;
                size_t q = p + 1;
                while (q < j && nf_isalpha((unsigned char)s[q]) &&
                       !(nf_isupper((unsigned char)s[q]) && nf_islower((unsigned char)s[q - 1])))
                    q++;
                if (p < j) {
                    char word[32];
                    size_t wl = q - p < sizeof word ? q - p : sizeof word - 1;
                    nf_lower(s + p, wl, word);
                    word[wl] = '\0';
                    static const char *const badw[] = {
                        "comment", "comments", "share", "sharing", "shares", "social", "related",
                        "footer", "sidebar", "navbar", "nav", "navigation", "menu", "breadcrumb",
                        "breadcrumbs", "cookie", "cookies", "newsletter", "subscribe",
                        "subscription", "promo", "advert", "advertisement", "ad", "ads",
                        "sponsor", "sponsored", "popup", "modal", "banner", "masthead", "widget",
                        "caption", "byline", "pagination", "pager", "recommend", "recommended",
                        "outbrain", "taboola", "disqus", "signup", "gdpr", "consent", "toolbar",
                        "rss", "tags", "teaser", "trending", "dialog", "complementary",
                        "contentinfo", "promotion", "overlay", "paywall", "login", "author",
                        "bio", "skip", "print", "email", "subnav", "topbar", "header"};
                    static const char *const neverw[] = {"comment", "comments", "share",
                                                         "sharing", "related", "caption",
                                                         "outbrain", "taboola", "disqus",
                                                         "newsletter", "cookie", "gdpr"};
                    static const char *const goodw[] = {"article", "content", "main", "story",
                                                        "entry", "text", "body", "post"};
                    bad |= in_list(word, badw, sizeof badw / sizeof *badw);
                    never |= in_list(word, neverw, sizeof neverw / sizeof *neverw);
                    good |= in_list(word, goodw, sizeof goodw / sizeof *goodw);
                }
                p = q;
            }
            i = j + 1;
        }
    }
    return never || (bad && !good);
}

static void close_block(hctx *h)
{
    if (!h->open)
        return;
    nf_blocks *bl = h->bl;
    uint32_t before = bl->nb;
    nf_bl_close(h->a, bl);
    if (bl->nb == before) { /* kept: remember its owner */
        nf_block *b = &bl->b[bl->nb - 1];
        b->tag = h->tag;
        if (bl->nb > h->capown) {
            uint32_t nc = h->capown ? h->capown * 2 : 256;
            xmlNode **no = nf_arena_alloc(&h->a->arena, nc * sizeof *no);
            if (h->capown)
                memcpy(no, h->owners, h->capown * sizeof *no);
            h->owners = no;
            h->capown = nc;
        }
        h->owners[bl->nb - 1] = h->owner;
    }
    h->open = 0;
}

static void put_text(hctx *h, const char *s, long line)
{
    nf_blocks *bl = h->bl;
    size_t n = strlen(s);
    size_t i = 0;
    while (i < n) {
        /* collapse whitespace (also no-break spaces) */
        size_t j = i;
        int ws = 0;
        while (j < n) {
            if (nf_isspace((unsigned char)s[j])) {
                if (s[j] == '\n')
                    line++; /* the text node's own line breaks */
                j++, ws = 1;
            } else if ((unsigned char)s[j] == 0xC2 && j + 1 < n && (unsigned char)s[j + 1] == 0xA0) {
                j += 2, ws = 1;
            } else {
                break;
            }
        }
        if (ws) {
            if (h->open && !h->space) {
                nf_bl_put(h->a, bl, " ", 1);
                h->space = 1;
            }
            i = j;
            continue;
        }
        while (j < n && !nf_isspace((unsigned char)s[j]) &&
               !((unsigned char)s[j] == 0xC2 && j + 1 < n && (unsigned char)s[j + 1] == 0xA0))
            j++;
        if (!h->open) {
            nf_block *b = nf_bl_open(h->a, bl, line);
            b->cand = 0;
            h->open = 1;
            h->space = 1;
            h->last_line = -1;
        }
        if (line != h->last_line) {
            nf_bl_seg(h->a, bl, line, 0);
            h->last_line = line;
        }
        nf_bl_put(h->a, bl, s + i, j - i);
        if (h->in_a)
            bl->b[bl->nb - 1].link_chars += (uint32_t)(j - i);
        h->space = 0;
        i = j;
    }
}

static void meta_tag(hctx *h, xmlNode *n)
{
    nf_blocks *bl = h->bl;
    const char *k = attr(n, "property");
    if (!k) k = attr(n, "name");
    if (!k) k = attr(n, "itemprop");
    const char *v = attr(n, "content");
    if (!k || !v)
        return;
    char key[64];
    size_t kl = strlen(k);
    if (kl >= sizeof key)
        return;
    nf_lower(k, kl, key);
    key[kl] = '\0';
    nf_arena *ar = &h->a->arena;
    static const char *const dk[] = {"article:published_time", "og:published_time",
                                     "datepublished", "date", "pubdate", "publishdate",
                                     "publish-date", "publish_date", "dc.date", "dc.date.issued",
                                     "dcterms.date", "dcterms.created", "sailthru.date",
                                     "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime",
                                     "originalpublicationdate", "article_date_original", "pub_date"};
    for (size_t i = 0; i < sizeof dk / sizeof *dk; i++)
        if (!strcmp(key, dk[i]) && !bl->h_date && strlen(v) >= 10)
            bl->h_date = nf_arena_strndup(ar, v, strlen(v));
    if ((!strcmp(key, "og:title") || !strcmp(key, "twitter:title")) && !bl->h_title && *v)
        bl->h_title = nf_arena_strndup(ar, v, strlen(v));
    if (!strcmp(key, "og:site_name") && !bl->h_site && *v)
        bl->h_site = nf_arena_strndup(ar, v, strlen(v));
    if (!strcmp(key, "og:url") && !bl->h_url && !strncmp(v, "http", 4))
        bl->h_url = nf_arena_strndup(ar, v, strlen(v));
}

static void walk(hctx *h, xmlNode *n, int depth)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content) {
                /* libxml2's HTML parser gives a text node the line where it ends */
                long nl = 0;
                for (const char *c = (const char *)n->content; (c = strchr(c, '\n')); c++)
                    nl++;
                long ln = (long)xmlGetLineNo(n) - nl;
                put_text(h, (const char *)n->content, h->line0 + (ln > 1 ? ln : 1) - 1);
            }
            continue;
        }
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (name_is(n, "meta")) {
            meta_tag(h, n);
            continue;
        }
        if (name_is(n, "link")) {
            const char *rel = attr(n, "rel"), *href = attr(n, "href");
            if (rel && href && !strcmp(rel, "canonical") && !strncmp(href, "http", 4))
                h->bl->h_url = nf_arena_strndup(&h->a->arena, href, strlen(href));
            continue;
        }
        if (name_is(n, "title") && !h->title && n->children && n->children->content) {
            h->title = (const char *)n->children->content;
            continue;
        }
        if (name_is(n, "time") && !h->bl->h_date) {
            const char *dt = attr(n, "datetime");
            if (dt && strlen(dt) >= 10)
                h->bl->h_date = nf_arena_strndup(&h->a->arena, dt, strlen(dt));
        }
        if (name_is(n, "script")) {
            const char *ty = attr(n, "type");
            if (ty && strstr(ty, "ld+json") && n->children && n->children->content &&
                !h->bl->h_date) {
                const char *c = strstr((const char *)n->children->content, "\"datePublished\"");
                if (c) {
                    c = strchr(c + 15, '"');
                    if (c && strlen(c + 1) >= 10)
                        h->bl->h_date = nf_arena_strndup(&h->a->arena, c + 1, 10);
                }
            }
            continue;
        }
        if (depth > 200 || skip_elem(n, h->noclass))
            continue;
        int t = tag_of(n);
        if (name_is(n, "br")) {
            close_block(h);
            continue;
        }
        int was_a = h->in_a;
        if (name_is(n, "a"))
            h->in_a = 1;
        if (t >= 0) {
            close_block(h);
            xmlNode *saved = h->owner;
            uint8_t savedt = h->tag;
            h->owner = n;
            h->tag = (uint8_t)t;
            walk(h, n->children, depth + 1);
            close_block(h);
            h->owner = saved;
            h->tag = savedt;
        } else {
            walk(h, n->children, depth + 1);
        }
        h->in_a = was_a;
    }
}

static uint32_t score_slot(hctx *h, xmlNode *n)
{
    if (n->_private)
        return (uint32_t)(uintptr_t)n->_private - 1;
    if (h->nscore == h->capscore) {
        uint32_t nc = h->capscore ? h->capscore * 2 : 64;
        double *ns = nf_arena_alloc(&h->a->arena, nc * sizeof *ns);
        xmlNode **nn = nf_arena_alloc(&h->a->arena, nc * sizeof *nn);
        if (h->nscore) {
            memcpy(ns, h->score, h->nscore * sizeof *ns);
            memcpy(nn, h->snode, h->nscore * sizeof *nn);
        }
        h->score = ns;
        h->snode = nn;
        h->capscore = nc;
    }
    h->score[h->nscore] = 0;
    h->snode[h->nscore] = n;
    n->_private = (void *)(uintptr_t)(++h->nscore);
    return h->nscore - 1;
}

static void clear_private(xmlNode *n)
{
    for (; n; n = n->next) {
        n->_private = NULL;
        if (n->type == XML_ELEMENT_NODE)
            clear_private(n->children);
    }
}

/* Strips a " | Site" or " - Site" tail from a page title. */
static const char *clean_title(nf_arena *ar, const char *t)
{
    size_t n = strlen(t);
    while (n && nf_isspace((unsigned char)t[n - 1]))
        n--;
    while (n && nf_isspace((unsigned char)*t))
        t++, n--;
    for (size_t i = n; i-- > 1;) {
        if ((t[i] == '|' || (t[i] == '-' && t[i - 1] == ' ')) && n - i <= 40 && i >= 15) {
            size_t e = i;
            while (e && t[e - 1] == ' ')
                e--;
            n = e;
            break;
        }
    }
    char *o = nf_arena_strndup(ar, t, n);
    for (char *p = o; *p; p++)
        if (*p == '\n' || *p == '\t' || *p == '\r')
            *p = ' ';
    return o;
}

/* Walks the tree into blocks and scores the content candidates; returns the best score. */
static double content_walk(hctx *h, xmlNode *root, int noclass)
{
    nf_blocks *bl = h->bl;
    clear_private(root);
    bl->len = bl->nseg = bl->nb = 0;
    h->nscore = 0;
    h->open = 0;
    h->space = 1;
    h->in_a = 0;
    h->owner = NULL;
    h->tag = 0;
    h->noclass = noclass;
    walk(h, root, 0);
    close_block(h);
    /* readability's content score */
    for (uint32_t i = 0; i < bl->nb; i++) {
        nf_block *b = &bl->b[i];
        xmlNode *o = h->owners[i];
        if (!o || b->chars < 25 || (b->tag != NF_TAG_P && b->tag != NF_TAG_PRE &&
                                    b->tag != NF_TAG_OTHER && b->tag != NF_TAG_TD &&
                                    b->tag != NF_TAG_QUOTE))
            continue;
        if (b->link_chars * 2 > b->chars)
            continue;
        double sc = 1;
        for (uint32_t k = b->start; k < b->end; k++)
            sc += bl->buf[k] == ',';
        sc += b->chars / 100 > 3 ? 3 : b->chars / 100;
        xmlNode *p = o->parent;
        if (b->tag == NF_TAG_OTHER)
            p = o; /* text right in a div: the div holds it */
        /* the parent gets it all, the grandparent half, older ancestors less (readability) */
        for (int lvl = 0; p && p->type == XML_ELEMENT_NODE && lvl < 5; lvl++, p = p->parent) {
            uint32_t k = score_slot(h, p);
            h->score[k] += lvl == 0 ? sc : lvl == 1 ? sc / 2 : sc / (lvl * 3);
        }
    }
    double top = 0;
    for (uint32_t i = 0; i < h->nscore; i++)
        if (h->score[i] > top)
            top = h->score[i];
    return top;
}

int nf_html_blocks(nf_ana *a, nf_blocks *bl, const char *s, size_t n, long line0)
{
    if (n > 0x7fffffff)
        return -1;
    htmlDocPtr doc = htmlReadMemory(s, (int)n, NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
    if (!doc)
        return -1;
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root) {
        xmlFreeDoc(doc);
        return -1;
    }
    hctx h;
    memset(&h, 0, sizeof h);
    h.a = a;
    h.bl = bl;
    h.line0 = line0;
    /* Skipping elements by class or id can lose the article when a theme wraps it in a
     * "sidebar" layout div: measure the best content score with and without that rule and
     * drop the rule when it costs more than half the score. */
    double top_all = content_walk(&h, root, 1);
    double top_f = content_walk(&h, root, 0);
    if (top_f < 0.5 * top_all)
        content_walk(&h, root, 1);
    if (!bl->h_title && h.title)
        bl->h_title = h.title;
    if (bl->h_title)
        bl->h_title = clean_title(&a->arena, bl->h_title);
    if (bl->h_site)
        bl->h_site = clean_title(&a->arena, bl->h_site);
    int32_t top = -1;
    for (uint32_t i = 0; i < h.nscore; i++)
        if (top < 0 || h.score[i] > h.score[top])
            top = (int32_t)i;
    if (top >= 0) {
        /* mark the chosen elements: the top one and its strong siblings */
        xmlNode *tn = h.snode[top];
        /* readability: when three of the next best candidates scoring 3/4 of the top share
         * an ancestor with it, the ancestor is the content (an article split in columns) */
        int32_t alt[4] = {0};
        int nalt = 0;
        for (int r = 0; r < 4; r++) {
            int32_t best = -1;
            for (uint32_t i = 0; i < h.nscore; i++) {
                if ((int32_t)i == top || h.score[i] < 0.75 * h.score[top])
                    continue;
                int dup = 0;
                for (int k = 0; k < nalt; k++)
                    dup |= alt[k] == (int32_t)i;
                if (!dup && (best < 0 || h.score[i] > h.score[best]))
                    best = (int32_t)i;
            }
            if (best < 0)
                break;
            alt[nalt++] = best;
        }
        if (nalt >= 3) {
            for (xmlNode *p = tn->parent; p && p->type == XML_ELEMENT_NODE && !name_is(p, "body");
                 p = p->parent) {
                int cnt = 0;
                for (int k = 0; k < nalt; k++)
                    for (xmlNode *q = h.snode[alt[k]]; q; q = q->parent)
                        if (q == p) {
                            cnt++;
                            break;
                        }
                if (cnt >= 3) {
                    tn = p;
                    break;
                }
            }
        } else {
            /* climb while the parent scores better (it holds more of the prose) */
            double last = h.score[top], th3 = last / 3;
            for (xmlNode *p = tn->parent; p && p->type == XML_ELEMENT_NODE && !name_is(p, "body");
                 p = p->parent) {
                if (!p->_private)
                    continue;
                double ps = h.score[(uintptr_t)p->_private - 1];
                if (ps < th3)
                    break;
                if (ps > last) {
                    tn = p;
                    break;
                }
                last = ps;
            }
        }
        /* Climb until the candidate holds most of the page's prose (paragraphs of 80
         * characters or more, few links): an article split over sections or columns. */
        {
            double total = 0, mine = 0;
            for (uint32_t i = 0; i < bl->nb; i++) {
                nf_block *b = &bl->b[i];
                if (b->chars < 80 || b->tag != NF_TAG_P || b->link_chars * 4 > b->chars || !h.owners[i])
                    continue;
                total += b->chars;
            }
            for (int guard = 0; guard <= CLIMB; guard++) {
                mine = 0;
                for (uint32_t i = 0; i < bl->nb; i++) {
                    nf_block *b = &bl->b[i];
                    if (b->chars < 80 || b->tag != NF_TAG_P || b->link_chars * 4 > b->chars ||
                        !h.owners[i])
                        continue;
                    for (xmlNode *q = h.owners[i]; q; q = q->parent)
                        if (q == tn) {
                            mine += b->chars;
                            break;
                        }
                }
                if (mine >= PROSE_SHARE * total || guard == CLIMB || !tn->parent ||
                    tn->parent->type != XML_ELEMENT_NODE || name_is(tn, "body"))
                    break;
                tn = tn->parent;
            }
        }
        top = tn->_private ? (int32_t)((uintptr_t)tn->_private - 1) : (int32_t)score_slot(&h, tn);
        double th = h.score[top] * 0.2 > 10 ? h.score[top] * 0.2 : 10;
        uint8_t *chosen = nf_arena_alloc(&a->arena, h.nscore);
        memset(chosen, 0, h.nscore);
        chosen[top] = 1;
        if (tn->parent)
            for (xmlNode *sib = tn->parent->children; sib; sib = sib->next)
                if (sib != tn && sib->_private && h.score[(uintptr_t)sib->_private - 1] >= th)
                    chosen[(uintptr_t)sib->_private - 1] = 1;
        for (uint32_t i = 0; i < bl->nb; i++) {
            int in = 0;
            for (xmlNode *p = h.owners[i]; p && p->type == XML_ELEMENT_NODE && !in; p = p->parent)
                if (p->_private && chosen[(uintptr_t)p->_private - 1])
                    in = 1;
            bl->b[i].cand = in ? 0 : -1;
        }
    }
    clear_private(root);
    xmlFreeDoc(doc);
    return 0;
}

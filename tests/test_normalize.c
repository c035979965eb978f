/* Unit tests for the normalizer: reflow and line map, de-hyphenation, urls, entities,
 * boilerplate rules and the classifier, metadata forms, HTML, language, --text dump, and
 * (when ../shared is there) that no body line of the seeds is lost. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <fcntl.h>
#include <unistd.h>

#include <cmocka.h>

#include "normalize.h"

static nf_engine *eng, *eng_keep;
static nf_worker *wk;

static int setup(void **st)
{
    (void)st;
    nf_options o;
    nf_options_default(&o);
    char err[256];
    eng = nf_engine_new(&o, err, sizeof err);
    o.keep_boilerplate = 1;
    eng_keep = nf_engine_new(&o, err, sizeof err);
    wk = nf_worker_new();
    return eng && eng_keep && wk ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    nf_engine_free(eng);
    nf_engine_free(eng_keep);
    nf_worker_free(wk);
    return 0;
}

static nf_ana A;
static nf_article ART;

static void run_with(const nf_engine *e, const char *text)
{
    nf_ana_free(&A);
    nf_ana_init(&A, e, wk);
    memset(&ART, 0, sizeof ART);
    ART.file = "t";
    ART.name = "t#1";
    ART.text = (char *)text;
    ART.len = strlen(text);
    ART.first_line = 1;
    A.art = &ART;
    nf_normalize_run(&A);
}

static void run(const char *text) { run_with(eng, text); }

static int has(const char *s) { return strstr(A.doc.text, s) != NULL; }

static long line_of(const char *s)
{
    const char *p = strstr(A.doc.text, s);
    assert_non_null(p);
    long line, col;
    nf_doc_pos(&A.doc, (uint32_t)(p - A.doc.text), &line, &col);
    return line;
}

static long col_of(const char *s)
{
    const char *p = strstr(A.doc.text, s);
    assert_non_null(p);
    long line, col;
    nf_doc_pos(&A.doc, (uint32_t)(p - A.doc.text), &line, &col);
    return col;
}

/* ---- prefix date, paragraphs, line map ---- */

static void test_prefix_date(void **st)
{
    (void)st;
    run(" date 2021-12-17 NATO officials said on Friday that the proposals were unacceptable.\n\n"
        "Officials also suggested that NATO would strongly consider moving more troops.\n");
    assert_string_equal(A.doc.date, "2021-12-17");
    assert_int_equal(A.doc.npara, 2);
    assert_memory_equal(A.doc.text, "NATO officials", 14);
    assert_int_equal(line_of("NATO officials"), 1);
    assert_int_equal(col_of("NATO officials"), 17);
    assert_int_equal(line_of("Officials also"), 3);
    assert_false(has("date 2021"));
    /* paragraphs end in '\n' */
    assert_int_equal(A.doc.text[A.doc.para[0].end], '\n');
}

static void test_no_prefix_is_body(void **st)
{
    (void)st;
    run("The date 2021-12-17 was mentioned here in a long enough sentence of the body text.\n");
    assert_string_equal(A.doc.date, "");
    assert_true(has("The date 2021-12-17 was"));
}

/* ---- reflow ---- */

static const char *WRAPPED =
    " NATO allies rejected Russia's demand for a new security settlement in Europe on Wednesday,\n"
    "challenging President Vladimir Putin to withdraw troops deployed near Ukraine and join talks\n"
    "on reducing the threat of open conflict.\n"
    "\n"
    "Meeting senior Kremlin envoys at their headquarters in Brussels, the NATO members said\n"
    "Moscow would have no veto on Ukraine or any other country joining the alliance, warning it\n"
    "would pay a high price if it invaded, and invited the envoys to a series of confidence-\n"
    "building talks. The nego-\n"
    "tiations went on while other negotiations were planned for the spring, said officials.\n"
    "\n"
    "Russia's massive troop build-up on Ukraine's borders has forced Washington to engage\n"
    "diplomatically, with bilateral security talks in Geneva on Monday and a meeting in Vienna.\n"
    "\n"
    "Original url:\n"
    "https://www.themoscowtimes.com/2022/01/12/nato-and-russia-lay-out-stark-differences-on-ukraine-cri\n"
    "sis-a76022\n";

static void test_reflow_wrapped(void **st)
{
    (void)st;
    run(WRAPPED);
    assert_true(has("Wednesday, challenging President"));
    assert_true(has("join talks on reducing"));
    assert_int_equal(line_of("challenging President"), 2);
    assert_int_equal(col_of("challenging President"), 0);
    assert_int_equal(line_of("on reducing the threat"), 3);
    assert_int_equal(line_of("Russia's massive"), 11);
    assert_int_equal(A.doc.npara, 3);
}

static void test_dehyphenate(void **st)
{
    (void)st;
    run(WRAPPED);
    assert_true(has("confidence-building talks")); /* a real compound keeps its hyphen */
    assert_true(has("The negotiations went on"));   /* a split word is joined */
    assert_int_equal(line_of("went on while"), 9);
}

static void test_url_rejoined(void **st)
{
    (void)st;
    run(WRAPPED);
    assert_non_null(A.doc.url);
    assert_string_equal(A.doc.url, "https://www.themoscowtimes.com/2022/01/12/"
                                   "nato-and-russia-lay-out-stark-differences-on-ukraine-crisis-a76022");
    assert_string_equal(A.doc.date, "2022-01-12");
    assert_non_null(A.doc.source);
    assert_string_equal(A.doc.source, "The Moscow Times");
    assert_false(has("Original url"));
    assert_false(has("https://"));
}

static void test_unwrapped_lines_stay(void **st)
{
    (void)st;
    run("The first paragraph is one long line that ends with a full stop like prose does.\n"
        "The second paragraph follows on the next line without a blank line between them.\n");
    assert_int_equal(A.doc.npara, 2);
    assert_int_equal(line_of("The second"), 2);
}

/* ---- entities ---- */

static void test_entities_in_text(void **st)
{
    (void)st;
    run("AT&amp;T said it doesn&#8217;t expect the deal &ndash; worth &#x24;5 billion &mdash; to close "
        "soon, and R&D spending stays &unknown; the same.\n");
    assert_true(has("AT&T said it doesn\u2019t expect the deal \u2013 worth $5 billion \u2014 to close"));
    assert_true(has("R&D spending stays &unknown; the same."));
    assert_int_equal(col_of("said it"), 9); /* columns after an entity stay the input's */
    assert_int_equal(col_of("to close"), (long)strlen("AT&amp;T said it doesn&#8217;t expect the deal &ndash; worth &#x24;5 billion &mdash; "));
}

/* ---- boilerplate ---- */

static const char *CLUTTERED =
    "Russia sets out tough demands for security pact with NATO\n"
    "20211217\n"
    "https://www.detroitnews.com/story/news/world/2021/12/17/russia-sets-out-tough-demands-security-pact-nato/8938875002/\n"
    "NATO Secretary-General Jens Stoltenberg said the alliance had received the Russian documents and would study them.\n"
    "Ukrainian President Volodymyr Zelensky, left, and NATO Secretary General Jens Stoltenberg are seen at a news conference in Brussels on Thursday. (John Thys/AFP/Getty Images)\n"
    "The draft proposals contain a ban on the deployment of warships and aircraft to areas where they can strike targets.\n"
    "WATCH | Biden threatens Putin with sanctions if Russia attacks Ukraine Duration 2:05 In a meeting with Russian President Vladimir Putin, the president spoke.\n"
    "Subscribe\n"
    "Moscow has long complained about patrol flights by strategic bombers near its borders, describing them as provocative.\n"
    "Related article: Russia Issues Demands to Limit NATO Influence in Post-Soviet Space\n"
    "The Russian demands would oblige Washington and its allies to pledge to halt the eastward expansion of the alliance.\n"
    "12 comments\n"
    "I think this is a really long comment from a reader that looks like a sentence of prose, right?\n"
    "Another reader writes a long comment which looks like prose too, and it must not be kept either.\n";

static void test_boilerplate_dropped(void **st)
{
    (void)st;
    run(CLUTTERED);
    assert_true(has("Stoltenberg said the alliance had received"));
    assert_true(has("The draft proposals"));
    assert_true(has("Moscow has long complained"));
    assert_true(has("The Russian demands would oblige"));
    assert_false(has("Getty Images"));
    assert_false(has("WATCH"));
    assert_false(has("Subscribe"));
    assert_false(has("Related article"));
    assert_false(has("comment"));
    assert_false(has("20211217"));
    assert_false(has("detroitnews"));
    assert_false(has("tough demands"));
}

static void test_metadata_text(void **st)
{
    (void)st;
    run(CLUTTERED);
    assert_string_equal(A.doc.date, "2021-12-17");
    assert_string_equal(A.doc.title, "Russia sets out tough demands for security pact with NATO");
    assert_string_equal(A.doc.source, "The Detroit News");
    assert_string_equal(A.doc.url, "https://www.detroitnews.com/story/news/world/2021/12/17/"
                                   "russia-sets-out-tough-demands-security-pact-nato/8938875002/");
}

static void test_keep_boilerplate(void **st)
{
    (void)st;
    run_with(eng_keep, CLUTTERED);
    assert_true(has("Subscribe"));
    assert_true(has("Getty Images"));
    assert_false(has("20211217")); /* metadata lines never reach the body */
}

static void test_site_caption_date(void **st)
{
    (void)st;
    run("- Sputnik International, 1920\n"
        "Russia\n"
        "The latest news and stories from Russia. Stay tuned for updates and breaking news on defense, politics, economy and more.\n"
        "\n"
        "NATO Has Delivered Written Responses to Russian Security Proposal, Stoltenberg Says\n"
        "\n"
        "\u00a9 AP Photo / Olivier MatthysFlags of Alliance members flap in the wind outside NATO headquarters in Brussels, Friday, Feb. 28, 2020\n"
        "Flags of Alliance members flap in the wind outside NATO headquarters in Brussels, Friday, Feb. 28, 2020 - Sputnik International, 1920, 26.01.2022\n"
        "Subscribe\n"
        "According to the Secretary of State, the written responses will be delivered not long after Washington sent its own responses.\n"
        "The Russian Foreign Ministry said the responses had been handed over to the Russian ambassador in Brussels on Wednesday evening.\n"
        "Stoltenberg also proposed that Russia and NATO should re-establish their respective offices in Brussels and Moscow, he said.\n"
        "The offices were shuttered in October by Moscow in retaliation for the alliance pulling the accreditation of its diplomats.\n"
        "Newsfeed\n0\nTo participate in the discussion\nlog in or register\nloader\nChats\n");
    assert_string_equal(A.doc.date, "2022-01-26");
    assert_string_equal(A.doc.source, "Sputnik International");
    assert_string_equal(A.doc.title, "NATO Has Delivered Written Responses to Russian Security Proposal, Stoltenberg Says");
    assert_false(has("latest news"));
    assert_false(has("Flags"));
    assert_false(has("Newsfeed"));
    assert_false(has("register"));
    assert_true(has("According to the Secretary"));
    assert_true(has("accreditation of its diplomats."));
}

static void test_headings(void **st)
{
    (void)st;
    run("The publication of the demands comes amid soaring tensions over a troop buildup near the border.\n\n"
        "Demands for immediate talks with U.S.\n\n"
        "Deputy Foreign Minister Sergei Ryabkov said relations have approached a dangerous point, noting the drills.\n");
    assert_int_equal(A.doc.npara, 3);
    assert_int_equal(A.doc.para[0].kind, NF_PARA_BODY);
    assert_int_equal(A.doc.para[1].kind, NF_PARA_HEADING);
    assert_int_equal(A.doc.para[2].kind, NF_PARA_BODY);
}

/* ---- HTML ---- */

static void test_html(void **st)
{
    (void)st;
    run("<!DOCTYPE html><html><head><title>Talks stall again | Example News</title>\n"
        "<meta property=\"article:published_time\" content=\"2019-11-18T10:00:00Z\">\n"
        "<meta property=\"og:title\" content=\"Talks stall again\">\n"
        "<link rel=\"canonical\" href=\"https://www.reuters.com/article/talks-stall-again-idUS1\">\n"
        "<script>var x = 'not text';</script><style>p{}</style></head>\n"
        "<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n"
        "<div class=\"sidebar\"><p>Most read: a story about something else entirely, with commas, many, of them.</p></div>\n"
        "<article><h1>Talks stall again</h1>\n"
        "<p>Negotiators from both sides met in Geneva on Monday, but the talks stalled again over tariffs, officials said.</p>\n"
        "<p>&ldquo;We are not there yet,&rdquo; said one official, who asked not to be named, adding that more meetings were planned.</p>\n"
        "<p>The next round is expected in December, according to people familiar with the matter, who spoke on Tuesday.</p>\n"
        "<div style=\"display:none\"><p>Hidden text that must never appear in the body of the article at all, really.</p></div>\n"
        "</article>\n"
        "<footer><p>Copyright 2019 Example News. All rights reserved.</p></footer></body></html>\n");
    assert_string_equal(A.doc.date, "2019-11-18");
    assert_string_equal(A.doc.title, "Talks stall again");
    assert_string_equal(A.doc.url, "https://www.reuters.com/article/talks-stall-again-idUS1");
    assert_string_equal(A.doc.source, "Reuters");
    assert_true(has("Negotiators from both sides"));
    assert_true(has("\u201cWe are not there yet,\u201d said"));
    assert_true(has("The next round"));
    assert_false(has("Home"));
    assert_false(has("Most read"));
    assert_false(has("Hidden"));
    assert_false(has("not text"));
    assert_false(has("Copyright"));
    assert_int_equal(line_of("Negotiators"), 9);
}

/* ---- language ---- */

static void test_language(void **st)
{
    (void)st;
    run("Наши герои знают толк не только во вкусе, но и в красоте еды. За их аккаунтами следят тысячи "
        "подписчиков, а фотографии блюд собирают множество лайков и комментариев каждый день.\n");
    assert_string_equal(A.doc.lang, "ru");
    run("Die Digitalisierung als Wachstums- und Entwicklungstreiber zieht sich bereits heute durch fast alle "
        "Branchen und Anwendungsgebiete, sei es im Finanzbereich oder in der Industrie, und sie wird auch "
        "im Gesundheitswesen immer wichtiger, weil die Daten der Patienten in den Systemen der Kliniken liegen.\n");
    assert_string_equal(A.doc.lang, "de");
    run("Russia on Friday published draft security demands that NATO deny membership to Ukraine and other "
        "former Soviet countries and roll back the alliance's military deployments in Central and Eastern "
        "Europe, a move that was quickly rejected by the West as a non-starter for talks.\n");
    assert_string_equal(A.doc.lang, "");
}

/* ---- more rules and metadata forms ---- */

static void test_glued_teasers(void **st)
{
    (void)st;
    run("Menu\nSports\nLatest Headlines\n"
        "Police: 2 In Custody After Death Of Student-AthleteA 24-year-old woman and a 28-year-old man have been arrested in connection with the death.\n"
        "Customers Leave Without Paying Bill At Troy SteakhouseA party of six left the steakhouse in Troy without paying their bill after a fight.\n"
        "Under Mr Ebbers' leadership, WorldCom emerged from Mississippi obscurity to become a $160bn telecoms giant and the darling of investors.\n"
        "Yet as competition intensified and the telecoms boom petered out, WorldCom found itself under growing financial stress, officials said.\n");
    assert_false(has("SteakhouseA"));
    assert_false(has("AthleteA"));
    assert_true(has("WorldCom emerged")); /* a CamelCase name in prose is no glue */
    /* the glue at every offset modulo 8 from the capital before it (next_upper reads eight
     * bytes at a time from there) */
    for (int k = 3; k < 14; k++) {
        char text[1024], word[16];
        memset(word, 'e', sizeof word);
        word[0] = 'S';
        word[k] = '\0';
        snprintf(text, sizeof text,
                 "Under Mr Ebbers' leadership, WorldCom emerged from Mississippi obscurity to become a $160bn telecoms giant and the darling of investors.\n\n"
                 "Customers Leave Without Paying Bill At Troy %sA party of six left the steakhouse in Troy without paying their bill after a fight.\n\n"
                 "Yet as competition intensified and the telecoms boom petered out, WorldCom found itself under growing financial stress, officials said.\n",
                 word);
        run(text);
        assert_false(has("party of six"));
        assert_true(has("WorldCom emerged"));
        char *glue = strstr(text, "eA party");
        glue[1] = 'a'; /* unglued: prose, kept */
        run(text);
        assert_true(has("party of six"));
    }
}

static void test_written_dateline(void **st)
{
    (void)st;
    run("Menu\nWorld\nBusiness\n"
        "Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play\n"
        "By\nSarah E. Needleman\n"
        "Nov. 19, 2019 8:03 am ET\n"
        "Gaming used to be so simple. We would buy a game, sit down in front of a console or PC, grind our way to the end, then repeat.\n"
        "Now we spend money over and over on virtual perks. We play on phones and tablets while socializing with far-flung friends.\n");
    assert_string_equal(A.doc.date, "2019-11-19");
    assert_string_equal(A.doc.title, "Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play");
    assert_true(has("Gaming used to be"));
    assert_false(has("8:03"));
}

static void test_clean_article_keeps_short_lines(void **st)
{
    (void)st;
    run("Shearer named England captain\n"
        "The world's costliest footballer Alan Shearer was named as the new England captain on Friday.\n"
        "The 26-year-old, who joined Newcastle for 15 million pounds sterling, takes over from Tony Adams.\n"
        "Adams and Platt are both injured and will miss the opening World Cup qualifier against Moldova on Sunday.\n"
        "Shearer takes the captaincy on a trial basis, but the new coach said he saw no reason why he should not keep it.\n"
        "Only Russia has chosen to do so.\n"
        "Arsenal win 4-2 on penalties\n");
    /* the headline standing on the story: the title, and kept as the body's first heading
     * (its names are the story's; a heading makes no claim) */
    assert_string_equal(A.doc.title, "Shearer named England captain");
    assert_true(has("Shearer named England captain"));
    assert_int_equal(A.doc.para[0].kind, NF_PARA_HEADING);
    assert_int_equal(A.doc.para[1].kind, NF_PARA_BODY);
    assert_true(has("Only Russia has chosen to do so."));
    assert_true(has("Arsenal win 4-2 on penalties"));
}

/* Plain text keeps short sentences: a one-sentence article, an article of short paragraphs,
 * the last short paragraph, "X said:" before its quote. */
static void test_short_articles_keep_body(void **st)
{
    (void)st;
    run("Putin said NATO would grow.\n");
    assert_int_equal(A.doc.npara, 1);
    assert_true(has("Putin said NATO would grow."));
    assert_int_equal(A.doc.para[0].kind, NF_PARA_BODY);
    assert_null(A.doc.title);

    run("The man said the deal was bad for all.\n\nThe talks failed.\n\nHe has used 29 aliases, Freeh said.\n");
    assert_int_equal(A.doc.npara, 3);
    assert_true(has("The talks failed."));
    assert_true(has("He has used 29 aliases, Freeh said."));

    run("ATLANTA (AP) --\n\nThe man said the deal was bad.\n\nHe has used 29 aliases, Freeh said.\n");
    assert_true(has("The man said the deal was bad."));
    assert_true(has("He has used 29 aliases, Freeh said."));

    run("Peru said:\n\n\"We will not accept this deal.\"\n");
    assert_true(has("Peru said:"));
    assert_true(has("\"We will not accept this deal.\""));
    assert_int_equal(A.doc.para[0].kind, NF_PARA_BODY);
    assert_true(A.doc.title == NULL || strcmp(A.doc.title, "\"We will not accept this deal.\""));

    /* a two-line article: a short line with a full stop is body, not a title */
    run("Jeans Mate Corp - 6mth parent forecast.\nNOTE - Jeans Mate Corp is the full company name.\n");
    assert_true(has("Jeans Mate Corp - 6mth parent forecast."));
}

/* A fact table after the prose of a wire story ("KENYA:" / "Total dead: 192") is body; a
 * lone counter is not. */
static void test_fact_table_kept(void **st)
{
    (void)st;
    run("NAIROBI, Kenya (AP) _\n\n"
        "The following are the latest figures as of Monday for the dead and injured in the bombings of the embassies.\n\n"
        "The source for the figures is the Department of Relief and Rehabilitation in the office of the president.\n\n"
        "KENYA:\nTotal Dead: 192\nAmericans: 12\nInjured: 4,877\n\n"
        "TANZANIA:\nTotal dead: 10\nInjured: 74\n");
    assert_true(has("Total Dead: 192"));
    assert_true(has("Injured: 4,877"));
    assert_true(has("TANZANIA:"));
    assert_true(has("Injured: 74"));
    run("NATO allies rejected Russia's demand for a new security settlement in Europe on Wednesday, officials said.\n\n"
        "0\n\n"
        "Russia's massive troop build-up on Ukraine's borders has forced Washington to engage diplomatically.\n");
    assert_false(has("\n0\n"));
}

/* An article with a list in it (not "clean"): its headline still stands on the body, and is
 * kept as its heading and read as the title. */
static void test_headline_before_run(void **st)
{
    (void)st;
    run("Call centre users 'lose patience'\n\n"
        "Customers trying to get through to call centres are getting impatient and quicker to hang up, a survey suggests.\n\n"
        "Once past the welcome message, callers on average wait longer than before to speak to an agent, the study found.\n\n"
        "- call centre operations are part of their business\n"
        "- they are worried about the risk of going abroad\n"
        "- they fear that they will damage their brand if customers are unhappy with the service they get from abroad.\n");
    assert_string_equal(A.doc.title, "Call centre users 'lose patience'");
    assert_true(has("Call centre users 'lose patience'"));
    assert_int_equal(A.doc.para[0].kind, NF_PARA_HEADING);
    assert_int_equal(A.doc.para[1].kind, NF_PARA_BODY);
}

/* Quotes closed with apostrophes (``...'') end a sentence: a last short quote is body. */
static void test_apostrophe_quotes_end_sentences(void **st)
{
    (void)st;
    run("Home | World | Business | Sport\n\nSubscribe\n\nLatest stories\n\n"
        "Abortion rights supporters gathered on Saturday outside the clinic where the doctor had worked for twenty years, police said.\n\n"
        "``They paid an awful price,'' she said. ``They risked their lives.''\n\n"
        "Share this article\n\nRelated stories\n");
    assert_true(has("They risked their lives.''"));
    assert_false(has("Subscribe"));
}

/* A title in a header of metadata lines (title, date line, url) is metadata only; a first
 * line that ends like a sentence is body, not a title. */
static void test_title_header_vs_body_line(void **st)
{
    (void)st;
    run("Russia sets out tough demands for security pact with NATO\n"
        "20211217\n"
        "https://www.detroitnews.com/story/news/world/2021/12/17/russia-sets-out-tough-demands/8938875002/\n"
        "NATO Secretary-General Jens Stoltenberg said the alliance had received the Russian documents on Friday.\n"
        "The draft proposals contain a ban on the deployment of warships to areas where they can strike targets.\n");
    assert_string_equal(A.doc.title, "Russia sets out tough demands for security pact with NATO");
    assert_false(has("tough demands"));
    assert_string_equal(A.doc.date, "2021-12-17");
    run("West Indian all-rounder Phil Simmons took four for 38 on Friday as Leicestershire beat Somerset.\n"
        "Their stay on top, though, may be short-lived as title rivals Essex and Surrey closed in on victory.\n");
    assert_null(A.doc.title);
    assert_int_equal(A.doc.npara, 2);
    assert_int_equal(A.doc.para[0].kind, NF_PARA_BODY);
}

/* A scraped page: the short paragraphs of the body (before, inside and after the run of
 * prose) stay, as body, not headings; the furniture around it goes. */
static void test_short_sentences_in_page(void **st)
{
    (void)st;
    run("Home | World | Business | Sport\n"
        "Subscribe\n"
        "The talks failed.\n\n"
        "Russia's foreign ministry warned on Tuesday that it would respond to any further expansion "
        "of the alliance toward its borders, officials in Moscow said.\n\n"
        "The deputy foreign minister said the proposals sent to Washington last week were still on "
        "the table and that Moscow expected a written answer soon.\n\n"
        "Peru's foreign minister said:\n\n"
        "\"We will not accept this deal under any circumstances.\"\n\n"
        "Ryabkov said the drills had ended and that the troops had gone back to their bases in the east.\n\n"
        "He declined.\n"
        "Share this article\n"
        "Related stories\n");
    assert_true(has("The talks failed."));
    assert_true(has("He declined."));
    assert_true(has("Peru's foreign minister said:"));
    assert_false(has("Subscribe"));
    assert_false(has("Share this"));
    assert_false(has("Home |"));
    for (size_t i = 0; i < A.doc.npara; i++) {
        const char *p = A.doc.text + A.doc.para[i].start;
        if (!strncmp(p, "He declined.", 12) || !strncmp(p, "Peru's", 6) || !strncmp(p, "The talks", 9))
            assert_int_equal(A.doc.para[i].kind, NF_PARA_BODY);
    }
}

static void test_rules_file(void **st)
{
    (void)st;
    char path[] = "/tmp/nf_test_rules_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *rule = "# test rule\ndrop\t0\tZEBRA-CROSSING\n";
    assert_int_equal(write(fd, rule, strlen(rule)), (ssize_t)strlen(rule));
    close(fd);
    nf_options o;
    nf_options_default(&o);
    o.rules[0] = path;
    o.nrules = 1;
    char err[256];
    nf_engine *e = nf_engine_new(&o, err, sizeof err);
    assert_non_null(e);
    run_with(e, "The first paragraph is a sentence long enough to count as prose in this test here.\n\n"
                "A ZEBRA-CROSSING paragraph that is also long enough to count as prose in this test.\n\n"
                "The third paragraph is a sentence long enough to count as prose in this test too.\n");
    assert_false(has("ZEBRA"));
    assert_true(has("The third paragraph"));
    nf_ana_free(&A);
    memset(&A, 0, sizeof A);
    nf_engine_free(e);
    /* length caps: a rule applies to a block of exactly its cap, not to one a character
     * longer (the rules are chosen by the block's length class) */
    fd = open(path, O_WRONLY | O_TRUNC);
    assert_true(fd >= 0);
    const char *capped = "drop\t84\tQUAGGA\ndrop\t83\tOKAPI\ndrop\t85\tTAPIR\n";
    assert_int_equal(write(fd, capped, strlen(capped)), (ssize_t)strlen(capped));
    close(fd);
    e = nf_engine_new(&o, err, sizeof err);
    assert_non_null(e);
    static const char *const animals[] = {"QUAGGA", "OKAPI", "TAPIR"};
    for (int len = 82; len <= 86; len++)
        for (int k = 0; k < 3; k++) {
            char para[128], text[512];
            int m = snprintf(para, sizeof para, "A %s paragraph long enough to count as prose in this test", animals[k]);
            while (m < len - 1)
                para[m++] = 'x';
            para[m++] = '.';
            para[m] = '\0';
            snprintf(text, sizeof text, "The first paragraph is a sentence long enough to count as prose in this test here.\n\n"
                     "%s\n\nThe third paragraph is a sentence long enough to count as prose in this test too.\n", para);
            run_with(e, text);
            int cap = k == 0 ? 84 : k == 1 ? 83 : 85;
            if (has(animals[k]) != (len > cap))
                print_message("%s at %d characters: %s\n", animals[k], len, has(animals[k]) ? "kept" : "dropped");
            assert_int_equal(has(animals[k]), len > cap);
        }
    nf_ana_free(&A);
    memset(&A, 0, sizeof A);
    nf_engine_free(e);
    /* a bad rule is an error at start-up */
    fd = open(path, O_WRONLY | O_TRUNC);
    assert_true(fd >= 0);
    const char *bad = "drop\t0\t(unclosed\n";
    assert_int_equal(write(fd, bad, strlen(bad)), (ssize_t)strlen(bad));
    close(fd);
    e = nf_engine_new(&o, err, sizeof err);
    assert_null(e);
    unlink(path);
}

/* Every rule family: a furniture line inside an article is dropped, prose that merely
 * shares a word with a rule is kept. */
static void test_rule_families(void **st)
{
    (void)st;
    static const char *const furniture[] = {
        "\u00a9 2019 Associated Press. All Rights Reserved.",
        "Copyright 2021 Example Media Group",
        "We use cookies to improve your experience on our website. By browsing this website, you agree to our use of cookies.",
        "Sign up for our newsletter",
        "Share this article",
        "Related stories: Russia Issues Demands to Limit NATO Influence",
        "Read more: Biden warns Putin of sanctions",
        "Protesters have worn masks to protect their identities (Image: GETTY )",
        "A reference habitation module for a crewed Mars mission. Credit: ESA",
        "Plane passengers quarantined after BUBONIC PLAGUE outbreak [NEWS]",
        "By Jane Doe",
        "Updated 12:30 pm",
        "3 min read",
        "Advertisement",
        "Tags: NATO, Russia, Ukraine",
        "Home > World > Europe",
        "Image 3 of 10",
        "Citation: Hibernating astronauts would need smaller spacecraft (2019, November 18)",
        "Explore further",
        "August 8, 2018 at 3:17 pm",
        "Loading...",
        "Skip to content",
        "Most read",
        "Newsfeed",
        "Chats",
        "Back to top",
    };
    static const char *const prose[] = {
        "Shares in Cairn Energy have jumped 6% after the firm said an Indian oilfield was larger than thought.",
        "Japan's Honda has won a copyright case in Beijing, further evidence that China is taking a tougher line.",
        "The Kremlin declined to comment on the report, which cited three people familiar with the talks.",
        "He refused to share details of the plan, saying only that the allies would be consulted first.",
        "More troops arrived.",
        "He declined to comment.",
        "Home, he said.",
        "Lib Dems target the student vote",
    };
    for (size_t i = 0; i < sizeof furniture / sizeof *furniture; i++) {
        char text[2048];
        snprintf(text, sizeof text,
                 "NATO allies rejected Russia's demand for a new security settlement in Europe on Wednesday, officials said.\n\n"
                 "%s\n\n"
                 "Meeting senior Kremlin envoys in Brussels, the members said Moscow would have no veto on Ukraine joining.\n\n"
                 "Russia's massive troop build-up on Ukraine's borders has forced Washington to engage diplomatically.\n",
                 furniture[i]);
        run(text);
        if (has(furniture[i]))
            print_message("kept: %s\n", furniture[i]);
        assert_false(has(furniture[i]));
        assert_true(has("Meeting senior Kremlin envoys"));
    }
    for (size_t i = 0; i < sizeof prose / sizeof *prose; i++) {
        char text[2048];
        snprintf(text, sizeof text,
                 "NATO allies rejected Russia's demand for a new security settlement in Europe on Wednesday, officials said.\n\n"
                 "%s\n\n"
                 "Russia's massive troop build-up on Ukraine's borders has forced Washington to engage diplomatically.\n",
                 prose[i]);
        run(text);
        if (!has(prose[i]))
            print_message("lost: %s\n", prose[i]);
        assert_true(has(prose[i]));
    }
}

/* Random rules for the tests of a fast "may this rule match?" answer: patterns of up to
 * maxatoms pieces (atoms with quantifiers, groups, alternatives, (?i)), each a rule
 * anchored at the start when anchored (then every branch opens with ^), and random subjects
 * of fewer than maxwords words of subj.  Fails when a pattern matches a subject for which
 * may(pattern, subject) says 0 (what names the answer in the message).  Returns how many
 * patterns may() reads (does not answer -1 for an empty subject). */
typedef struct {
    const char *const *atoms; size_t natoms;
    const char *const *quants; size_t nquants;
    const char *const *subj; size_t nsubj;
} rand_rules;

#define PICK(arr, n) (arr)[(unsigned)rand() % (n)]

static int never_misses(const rand_rules *rr, int npat, int maxatoms, int anchored, int nsubjects, int maxwords,
                        int (*may)(const char *, const char *, size_t), const char *what)
{
    size_t ov[2];
    int read = 0;
    for (int t = 0; t < npat; t++) {
        char pat[256];
        size_t n = 0;
        int depth = 0;
        if (anchored)
            n += (size_t)sprintf(pat + n, "%s^", rand() % 3 ? "" : "(?i)");
        for (int k = 0; k < maxatoms && n < 200; k++) {
            int r = rand() % 12;
            if (r == 0 && depth < 2) {
                n += (size_t)sprintf(pat + n, anchored && rand() % 2 ? "(?:" : "(");
                depth++;
                continue;
            }
            if (r == 1 && depth) {
                n += (size_t)sprintf(pat + n, ")%s", PICK(rr->quants, rr->nquants));
                depth--;
                continue;
            }
            n += (size_t)sprintf(pat + n, "%s%s%s", r == 2 ? "(?i)" : r == 3 ? (anchored && !depth ? "|^" : "|") : "",
                                 PICK(rr->atoms, rr->natoms), PICK(rr->quants, rr->nquants));
        }
        while (depth--)
            n += (size_t)sprintf(pat + n, ")");
        char err[200];
        nf_re *re = nf_re_compile(pat, 0, err, sizeof err);
        if (!re)
            continue;
        read += may(pat, "", 0) >= 0;
        for (int i = 0; i < nsubjects; i++) {
            char s[128];
            size_t m = 0;
            for (int k = rand() % maxwords; k > 0; k--)
                m += (size_t)sprintf(s + m, "%s", PICK(rr->subj, rr->nsubj));
            if (nf_re_match(re, wk, s, m, 0, ov, 1) == 1 && may(pat, s, m) == 0) {
                print_message("/%s/ matches \"%.*s\" but its %s says no\n", pat, (int)m, s, what);
                fail();
            }
        }
        nf_re_free(re);
    }
    return read;
}
#undef PICK

/* The rules' literal prefilters (boilerplate.c): never in the way of a match. Patterns the
 * reader doesn't know get no filter; a block with U+212A or U+017F (which (?i) k and s
 * match) passes every filter; random patterns and subjects agree with PCRE2. */
static void test_rule_prefilter(void **st)
{
    (void)st;
    static const struct { const char *pat, *s; int may; } cases[] = {
        {"(?i)\\bsubscribe\\b|\\bnewsletters?\\b", "Sign up for our NEWSLETTER", 1},
        {"(?i)\\bsubscribe\\b|\\bnewsletters?\\b", "The talks failed.", 0},
        {"(?i)\\bsubscribe\\b", "\xC5\xBF" "ub\xC5\xBF" "cribe now", 1}, /* long s */
        {"(?i)\\bkremlin\\b", "the \xE2\x84\xAA" "remlin", 1},         /* Kelvin sign */
        {"(?i)\\bcookies\\b.*\\b(use|accept)\\b", "we use cookies", 1}, /* order is not checked */
        {"(?i)\\bcookies\\b.*\\b(use|accept)\\b", "cookies we use", 1},
        {"\\bDuration \\d{1,2}:\\d\\d\\b", "duration 3:45", 1},     /* lower-cased, still may */
        {"\\bDuration \\d{1,2}:\\d\\d\\b", "Duration of the war", 0},
        {"^[^.!?]*(\\s[>|\xC2\xBB\xE2\x80\xA2]\\s[^.!?]*){2,}$", "Home \xC2\xBB World \xC2\xBB Europe", 1},
        {"^[^.!?]*(\\s[>|\xC2\xBB\xE2\x80\xA2]\\s[^.!?]*){2,}$", "Home and World", 0},
        {"(?i)\\b(image|photo)? ?credits?\\s*:", "Credit: ESA", 1},
        {"(?i)\\bphotos?\\b", "a photograph", 1},
        {"(?=look)ahead", "anything", -1}, /* not read: no filter */
        {"(?x) a b", "anything", -1},
        {"[[:alpha:]]+x", "anything", -1},
        {"a{,3}", "anything", -1},
        {"\\d+", "12", -1},             /* no literal */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int may = nf_bp_filter_may(cases[i].pat, cases[i].s, strlen(cases[i].s));
        if (may != cases[i].may)
            print_message("/%s/ on \"%s\": %d\n", cases[i].pat, cases[i].s, may);
        assert_int_equal(may, cases[i].may);
    }
    /* random patterns from pieces, random subjects: a match is never filtered out */
    static const char *const atoms[] = {"a", "b", "k", "s", "K", "S", "ab", "\\.", "\\(", "\\|",
                                        ".", "\\d", "\\s", "\\b", "^", "$", "[ab]", "[^ab]", "[a-c]",
                                        "[|:]", "\xC2\xBB", "\xC3\xA9", "\\p{Lu}", "-", " "};
    static const char *const quants[] = {"", "", "", "?", "*", "+", "{2}", "{0,2}", "+?"};
    static const char *const subj[] = {"a", "b", "k", "s", "K", "S", "A", ".", "(", "|", " ", "1",
                                       "\xC2\xBB", "\xC3\xA9", "\xC3\x89", "\xC5\xBF", "\xE2\x84\xAA"};
    static const rand_rules rr = {atoms, sizeof atoms / sizeof *atoms, quants, sizeof quants / sizeof *quants,
                                  subj, sizeof subj / sizeof *subj};
    srand(7);
    never_misses(&rr, 3000, 8, 0, 50, 10, nf_bp_filter_may, "filter");
}

/* The rules' byte gates (boilerplate.c): a block without any of the bytes (no letter, no
 * space) that every match holds is not matched, whatever its case; random patterns and
 * subjects agree with PCRE2. */
static void test_rule_gate(void **st)
{
    (void)st;
    static const struct { const char *pat, *s; int may; } cases[] = {
        {"\\bDuration \\d{1,2}:\\d\\d\\b", "Duration of the war", 0},
        {"\\bDuration \\d{1,2}:\\d\\d\\b", "duration 3:45", 1},
        {"(?i)^(original |source )?(url|link)\\s*:\\s*(https?://|www\\.)", "URL: http://x", 1},
        {"(?i)^(original |source )?(url|link)\\s*:\\s*(https?://|www\\.)", "Link to the past", 0},
        {"^[^.!?]*(\\s[>|\xC2\xBB\xE2\x80\xA2]\\s[^.!?]*){2,}$", "Home \xC2\xBB World \xC2\xBB Europe", 1},
        {"^[^.!?]*(\\s[>|\xC2\xBB\xE2\x80\xA2]\\s[^.!?]*){2,}$", "Home \xE2\x80\xA2 World \xE2\x80\xA2 Europe", 1},
        {"^[^.!?]*(\\s[>|\xC2\xBB\xE2\x80\xA2]\\s[^.!?]*){2,}$", "Home and World", 0},
        {"(?i)\\((image|photo)s?\\s*:[^()]{1,60}\\)\\s*$|(?i)\\bcredits?\\s*:", "(Image: GETTY)", 1},
        {"(?i)\\((image|photo)s?\\s*:[^()]{1,60}\\)\\s*$|(?i)\\bcredits?\\s*:", "Image credit ESA", 0},
        {"\\[[A-Z][A-Z ]{2,15}\\]", "Watch [VIDEO]", 1},
        {"\\[[A-Z][A-Z ]{2,15}\\]", "Watch VIDEO", 0},
        {"(?i)\\bsubscribe\\b|\\bnewsletters?\\b", "anything", -1}, /* letters only */
        {"(?i)\\bgetty images\\b|\\(a/b\\)", "anything", -1},      /* a branch of letters */
        {"(?=look):", "anything", -1},                                /* not read */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int may = nf_bp_gate_may(cases[i].pat, cases[i].s, strlen(cases[i].s));
        if (may != cases[i].may)
            print_message("/%s/ on \"%s\": %d\n", cases[i].pat, cases[i].s, may);
        assert_int_equal(may, cases[i].may);
    }
    static const char *const atoms[] = {"a", "b", "k", "S", "ab", "\\.", "\\(", "\\|", ":", "a:",
                                        ".", "\\d", "\\s", "\\b", "^", "$", "[ab]", "[^:]", "[a-c]",
                                        "[|:]", "[:,]", "\xC2\xBB", "\xC3\xA9", "\\p{Lu}", "-", " ", ",", "1"};
    static const char *const quants[] = {"", "", "", "?", "*", "+", "{2}", "{0,2}", "+?"};
    static const char *const subj[] = {"a", "b", "k", "S", "A", ".", "(", "|", " ", "1", ":", ",", "-",
                                       "\xC2\xBB", "\xC3\xA9", "\xC3\x89", "\xC5\xBF", "\xE2\x84\xAA"};
    static const rand_rules rr = {atoms, sizeof atoms / sizeof *atoms, quants, sizeof quants / sizeof *quants,
                                  subj, sizeof subj / sizeof *subj};
    srand(13);
    int with_gate = never_misses(&rr, 4000, 8, 0, 50, 10, nf_bp_gate_may, "gate");
    assert_true(with_gate > 500); /* the test tests something */
}

/* The first bytes of anchored rules (boilerplate.c): a block whose first byte starts no
 * branch is not matched; patterns the reader doesn't know get no set; random anchored
 * patterns and subjects agree with PCRE2. */
static void test_rule_first_bytes(void **st)
{
    (void)st;
    static const struct { const char *pat, *s; int may; } cases[] = {
        {"^WATCH\\s*[|:]|(?i)^(video|watch|listen|audio|podcast)\\s*[:|]", "Video: the talks", 1},
        {"^WATCH\\s*[|:]|(?i)^(video|watch|listen|audio|podcast)\\s*[:|]", "PODCAST |", 1},
        {"^WATCH\\s*[|:]|(?i)^(video|watch|listen|audio|podcast)\\s*[:|]", "The talks failed.", 0},
        {"(?i)^(search|skip to content)$", "\xC5\xBF" "earch", 1}, /* long s */
        {"(?i)^(kremlin)$", "\xE2\x84\xAA" "remlin", 1},             /* Kelvin sign */
        {"^(19|20)\\d{6}$", "20220112", 1},
        {"^(19|20)\\d{6}$", "30220112", 0},
        {"(?i)^\\d+\\s+comments?$", "12 comments", 1},
        {"(?i)^\\d+\\s+comments?$", "x12 comments", 0},
        {"^[\\[(]\\s*comments", "[comments", 1},
        {"^[\\[(]\\s*comments", "comments", 0},
        {"^[\\[(]?\\s*comments", "comments", -1}, /* an optional first item: no set */
        {"^@\\w+$", "@bbc", 1},
        {"^(a|)b", "b", -1},          /* an empty branch */
        {"^a?b", "b", -1},            /* an optional item */
        {"^a{0,2}b", "b", -1},
        {"^.b", "xb", -1},
        {"a|^b", "a", -1},            /* a branch without ^ */
        {"^[[:alpha:]]", "a", -1},
        {"^[^a]", "b", -1},
        {"^[a-c]", "b", -1},
        {"^\xC3\xA9t\xC3\xA9", "\xC3\xA9t\xC3\xA9", -1}, /* non-ASCII: not read */
        {"^(?=a)a", "a", -1},
        {"^a", "", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int may = nf_bp_first_may(cases[i].pat, cases[i].s, strlen(cases[i].s));
        if (may != cases[i].may)
            print_message("/%s/ on \"%s\": %d\n", cases[i].pat, cases[i].s, may);
        assert_int_equal(may, cases[i].may);
    }
    static const char *const atoms[] = {"a", "b", "k", "s", "K", "S", "ab", "\\.", "\\(", "\\|", "\\]",
                                        ".", "\\d", "\\s", "\\b", "$", "[ab]", "[^ab]", "[a-c]", "[]a]",
                                        "[\\]k]", "[|:]", "[s-]", "\xC2\xBB", "\xC3\xA9", "-", " ", "1"};
    static const char *const quants[] = {"", "", "", "?", "*", "+", "{2}", "{0,2}", "+?", "{1,}"};
    static const char *const subj[] = {"a", "b", "k", "s", "K", "S", "A", ".", "(", "|", " ", "1", "]",
                                       "-", ":", "\xC2\xBB", "\xC3\xA9", "\xC3\x89", "\xC5\xBF", "\xE2\x84\xAA"};
    static const rand_rules rr = {atoms, sizeof atoms / sizeof *atoms, quants, sizeof quants / sizeof *quants,
                                  subj, sizeof subj / sizeof *subj};
    srand(11);
    int with_set = never_misses(&rr, 4000, 6, 1, 60, 6, nf_bp_first_may, "first bytes");
    assert_true(with_set > 500); /* the test tests something */
}

/* An article of many blocks (the block summaries' stamps wrap around every 255 blocks):
 * furniture lines between paragraphs of prose are dropped wherever they come. */
static void test_many_blocks(void **st)
{
    (void)st;
    nf_buf b = {0};
    for (int i = 0; i < 700; i++) {
        if (i % 7 == 3)
            nf_buf_printf(&b, "Subscribe to our newsletter %d\n\n", i);
        else if (i % 7 == 5)
            nf_buf_printf(&b, "Copyright %d Example News\n\n", 1900 + i);
        else
            nf_buf_printf(&b, "Paragraph %d of the story is a sentence long enough to count as prose, officials said.\n\n", i);
    }
    nf_buf_putc(&b, '\0');
    run(b.p);
    assert_true(has("Paragraph 694 of the story"));
    assert_true(has("Paragraph 300 of the story"));
    assert_true(has("Paragraph 0 of the story"));
    assert_false(has("Subscribe"));
    assert_false(has("Copyright"));
    nf_ana_free(&A);
    nf_buf_free(&b);
}

/* ---- the --text dump ---- */

static void test_dump(void **st)
{
    (void)st;
    run(" date 2021-12-17 The first paragraph is a sentence long enough to count as prose here.\n\n"
        "The second paragraph is also a sentence long enough to count as prose in this test.\n");
    nf_buf b = {0};
    nf_normalize_dump(&A, &b);
    nf_buf_putc(&b, '\0');
    assert_string_equal(b.p, "<<<FILE>>> t#1\n date 2021-12-17\n"
                             "The first paragraph is a sentence long enough to count as prose here.\n\n"
                             "The second paragraph is also a sentence long enough to count as prose in this test.\n");
    nf_buf_free(&b);
}

/* ---- the seeds: no body line lost, no boilerplate line kept ---- */

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    nf_buf b = {0};
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
        nf_buf_put(&b, tmp, k);
    fclose(f);
    nf_buf_putc(&b, '\0');
    *n = b.len - 1;
    return b.p;
}

static void collapse(char *s)
{
    char *o = s;
    int sp = 1;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\n' || *s == '\t') {
            if (!sp)
                *o++ = ' ';
            sp = 1;
        } else {
            *o++ = *s;
            sp = 0;
        }
    }
    if (o > s && o[-1] == ' ')
        o--;
    *o = '\0';
}

static void test_seeds_body_kept(void **st)
{
    (void)st;
    const char *dump = "../shared/corpus/seeds.dump", *gold = "../shared/gold/seeds.boilerplate.tsv";
    size_t dn, gn;
    char *dtext = slurp(dump, &dn), *gtext = slurp(gold, &gn);
    if (!dtext || !gtext) {
        free(dtext);
        free(gtext);
        skip();
    }
    /* the gold's lines: drop, meta, heading */
    static unsigned char listed[100000];
    memset(listed, 0, sizeof listed);
    for (char *p = gtext; p && *p;) {
        char *nl = strchr(p, '\n');
        long ln = strtol(p, NULL, 10);
        if (ln > 0 && ln < (long)sizeof listed)
            listed[ln] = strstr(p, "\tdrop") && (!nl || strstr(p, "\tdrop") < nl) ? 2
                         : strstr(p, "\tmeta") && (!nl || strstr(p, "\tmeta") < nl) ? 2 : 1;
        p = nl ? nl + 1 : NULL;
    }
    /* the whole normalized text of the dump, and per line where its text went */
    nf_options o;
    nf_options_default(&o);
    nf_loader *l = nf_loader_open(dump, &o);
    assert_non_null(l);
    nf_buf all = {0};
    static long kept_line[100000];
    memset(kept_line, 0, sizeof kept_line);
    nf_article art;
    memset(&art, 0, sizeof art);
    while (nf_loader_next(l, &art) == 1) {
        nf_ana_free(&A);
        nf_ana_init(&A, eng, wk);
        A.art = &art;
        nf_normalize_run(&A);
        nf_buf_put(&all, A.doc.text, A.doc.len);
        nf_buf_putc(&all, '\n');
        for (size_t g = 0; g < A.doc.nseg; g++)
            if (A.doc.seg[g].line > 0 && A.doc.seg[g].line < 100000)
                kept_line[A.doc.seg[g].line] = 1;
        nf_article_free(&art);
        memset(&art, 0, sizeof art);
    }
    nf_loader_close(l);
    nf_buf_putc(&all, '\0');
    collapse(all.p);
    long line = 1, lost = 0, leaked = 0;
    for (char *p = dtext; *p; line++) {
        char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char *ln = malloc(n + 1);
        memcpy(ln, p, n);
        ln[n] = '\0';
        collapse(ln);
        char *body = ln;
        if (!strncmp(body, "date ", 5) && strlen(body) >= 15)
            body += 15 + (body[15] == ' ');
        if (strncmp(ln, "<<<FILE", 7) && *body && line < 100000) {
            if (!listed[line] && !strstr(all.p, body)) {
                print_message("lost line %ld: %.60s\n", line, body);
                lost++;
            }
            if (listed[line] == 2 && kept_line[line]) {
                print_message("kept boilerplate line %ld: %.60s\n", line, body);
                leaked++;
            }
        }
        free(ln);
        p = nl ? nl + 1 : p + n;
    }
    assert_int_equal(lost, 0);
    assert_int_equal(leaked, 0);
    nf_buf_free(&all);
    free(dtext);
    free(gtext);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prefix_date),
        cmocka_unit_test(test_no_prefix_is_body),
        cmocka_unit_test(test_reflow_wrapped),
        cmocka_unit_test(test_dehyphenate),
        cmocka_unit_test(test_url_rejoined),
        cmocka_unit_test(test_unwrapped_lines_stay),
        cmocka_unit_test(test_entities_in_text),
        cmocka_unit_test(test_boilerplate_dropped),
        cmocka_unit_test(test_metadata_text),
        cmocka_unit_test(test_keep_boilerplate),
        cmocka_unit_test(test_site_caption_date),
        cmocka_unit_test(test_headings),
        cmocka_unit_test(test_html),
        cmocka_unit_test(test_language),
        cmocka_unit_test(test_rule_families),
        cmocka_unit_test(test_rule_prefilter),
        cmocka_unit_test(test_rule_gate),
        cmocka_unit_test(test_rule_first_bytes),
        cmocka_unit_test(test_many_blocks),
        cmocka_unit_test(test_glued_teasers),
        cmocka_unit_test(test_written_dateline),
        cmocka_unit_test(test_clean_article_keeps_short_lines),
        cmocka_unit_test(test_short_articles_keep_body),
        cmocka_unit_test(test_short_sentences_in_page),
        cmocka_unit_test(test_title_header_vs_body_line),
        cmocka_unit_test(test_fact_table_kept),
        cmocka_unit_test(test_apostrophe_quotes_end_sentences),
        cmocka_unit_test(test_headline_before_run),
        cmocka_unit_test(test_rules_file),
        cmocka_unit_test(test_dump),
        cmocka_unit_test(test_seeds_body_kept),
    };
    int r = cmocka_run_group_tests(tests, setup, teardown);
    nf_ana_free(&A);
    return r;
}

/* Unit tests for dates.c: each expression family with its anchor date and expected value. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dates.h"
#include "nf.h"

#include "helpers.h"

/* Runs the sentence and date stages over text (one paragraph per line) with the anchor
 * date (or none) and returns the date expressions as "mention=value/TYPE;" in order. */
static char got[8192];
static nf_ana A;

static int missed; /* of the last slow run */

static void run_as(const char *anchor, const char *text, int slow)
{
    nf_ana_free(&A);
    A.eng = eng;
    A.doc.text = (char *)text;
    A.doc.len = (uint32_t)strlen(text);
    if (anchor) {
        snprintf(A.anchor, sizeof A.anchor, "%s", anchor);
        A.anchor_y = atoi(anchor);
        A.anchor_m = atoi(anchor + 5);
        A.anchor_d = atoi(anchor + 8);
    }
    nf_sentences_run(&A);
    missed = slow ? nf_dates_run_slow(&A) : nf_dates_run(&A);
}

/* The expressions and sentence dates found in text by the date stage, with or without its
 * fast paths, as one string (into out). */
static void found(const char *anchor, const char *text, int slow, char *out, size_t n)
{
    run_as(anchor, text, slow);
    size_t k = 0;
    out[0] = 0;
    for (size_t i = 0; i < A.ntx && k < n; i++) {
        const nf_timex *x = &A.tx[i];
        k += (size_t)snprintf(out + k, n - k, "%u-%u=%s/%d@%u;", x->start, x->end, x->value,
                              x->type, x->sent);
    }
    for (size_t s = 0; s < A.nsent && k < n; s++)
        k += (size_t)snprintf(out + k, n - k, "s%d;", A.sent[s].date_tx);
    assert_true(k < n);
}

/* The fast paths (the scan's skip of tokens where no rule can start, the shapes of a
 * number without asking each) change nothing: the same expressions as without them, and
 * the slow run finds no match or shape they would miss. */
static void same_as_slow(const char *anchor, const char *text)
{
    static char fast[1 << 16], slow[1 << 16];
    found(anchor, text, 0, fast, sizeof fast);
    found(anchor, text, 1, slow, sizeof slow);
    assert_int_equal(missed, 0);
    assert_string_equal(fast, slow);
}

static void run(const char *anchor, const char *text)
{
    same_as_slow(anchor, text);
    run_as(anchor, text, 0);
}

static const char *tag(const char *anchor, const char *text)
{
    run(anchor, text);
    static const char *const tn[] = {"DATE", "TIME", "DURATION", "SET"};
    size_t k = 0;
    got[0] = 0;
    for (size_t i = 0; i < A.ntx && k < sizeof got; i++) {
        const nf_timex *x = &A.tx[i];
        k += (size_t)snprintf(got + k, sizeof got - k, "%.*s=%s/%s;", (int)(x->end - x->start),
                              A.doc.text + x->start, x->value, tn[x->type]);
    }
    /* every expression has its date row */
    size_t nrows = 0;
    for (size_t i = 0; i < A.nrow; i++)
        nrows += A.row[i].kind == NF_KIND_DATE;
    assert_int_equal(nrows, A.ntx);
    return got;
}

#define EXPECT(anchor, text, want) assert_string_equal(tag(anchor, text), want)

static void test_absolute(void **st)
{
    (void)st;
    EXPECT("2021-12-17", "They met on December 7.", "December 7=2021-12-07/DATE;");
    EXPECT("2021-12-17", "It was signed Dec. 7, 2021, in Geneva.", "Dec. 7, 2021=2021-12-07/DATE;");
    EXPECT("2022-01-20", "It began on 7 December 2021.", "7 December 2021=2021-12-07/DATE;");
    EXPECT("2022-01-20", "Dated 2021-12-17 and 26.01.2022 and 12/17/2021.",
           "2021-12-17=2021-12-17/DATE;26.01.2022=2022-01-26/DATE;12/17/2021=2021-12-17/DATE;");
    EXPECT("2022-01-20", "Sales fell in October 2021.", "October 2021=2021-10/DATE;");
    EXPECT("2022-01-12", "It was withdrawn in October last year.", "October last year=2021-10/DATE;");
    EXPECT("2022-01-26", "Proposals came in mid-December.", "mid-December=2021-12/DATE;");
    /* past tense: last occurrence; a close future date stays in the coming year */
    EXPECT("2000-01-06", "The deadline would be Jan. 14.", "Jan. 14=2000-01-14/DATE;");
    EXPECT("1999-05-06", "He was seen after the Oct. 23 slaying.", "Oct. 23=1998-10-23/DATE;");
    /* leap day */
    EXPECT("2024-03-10", "It happened on Feb. 29.", "Feb. 29=2024-02-29/DATE;");
    EXPECT("2023-03-10", "It happened on Feb. 29.", "Feb.=2023-02/DATE;"); /* no such day */
    /* no anchor: partial values */
    EXPECT(NULL, "They met on December 7.", "December 7=XXXX-12-07/DATE;");
    EXPECT(NULL, "They met last week.", "last week=/DATE;");
}

static void test_years(void **st)
{
    (void)st;
    EXPECT("2021-12-17", "NATO grew in 1999 and since 2019.", "1999=1999/DATE;2019=2019/DATE;");
    EXPECT("2022-01-26", "In the 1990s and 2000s, in the '80s.",
           "the 1990s=199/DATE;2000s=200/DATE;the '80s=198/DATE;");
    EXPECT("2021-12-17", "It has killed 1,999 people and 2000 troops.", "");
    EXPECT("2021-12-17", "About 1500 protesters came.", "");
    EXPECT("2021-12-17", "In 1999 people voted.", "1999=1999/DATE;");
    EXPECT("2021-12-17", "It cost \xC2\xA3" "2000 and \xE2\x82\xAC" "1999 and $2005.", "");
    EXPECT("2021-12-17", "In 1999-2000 and Q3 2021.", "1999=1999/DATE;2000=2000/DATE;Q3 2021=2021-Q3/DATE;");
    EXPECT("2021-12-17", "Scores of 15-2000 points.", "");
    EXPECT("2021-12-17", "Plans for early next year.", "early next year=2022/DATE;");
    EXPECT("2021-12-17", "In the 1990's, not 1999's budget.", "the 1990's=199/DATE;1999=1999/DATE;");
    EXPECT("2021-12-17", "The now-defunct firm saw the fall in prices.", "");
    EXPECT("2021-12-17", "In the 20th century.", "the 20th century=19/DATE;");
}

static void test_weekdays(void **st)
{
    (void)st;
    /* 2021-12-17 is a Friday */
    EXPECT("2021-12-17", "NATO officials said on Friday that it was over.", "Friday=2021-12-17/DATE;");
    EXPECT("2021-12-17", "The chief met him on Thursday.", "Thursday=2021-12-16/DATE;");
    EXPECT("2021-12-17", "They will meet on Thursday.", "Thursday=2021-12-23/DATE;");
    EXPECT("2021-12-17", "He arrived last Friday.", "last Friday=2021-12-10/DATE;");
    EXPECT("2021-12-17", "They meet next Monday.", "next Monday=2021-12-20/DATE;");
    /* 2022-01-12 is a Wednesday */
    EXPECT("2022-01-12", "Before Wednesday, talks were held on Monday.",
           "Wednesday=2022-01-12/DATE;Monday=2022-01-10/DATE;");
    EXPECT("2022-01-26", "He told reporters on Wednesday evening.",
           "Wednesday evening=2022-01-26TEV/TIME;");
}

static void test_relative(void **st)
{
    (void)st;
    EXPECT("2021-12-17", "He said so last week.", "last week=2021-W49/DATE;");
    EXPECT("2021-12-17", "It was sent earlier this week.", "earlier this week=2021-W50/DATE;");
    /* year boundary, ISO weeks */
    EXPECT("2022-01-03", "He said so last week.", "last week=2021-W52/DATE;");
    EXPECT("2020-12-31", "It came this week.", "this week=2020-W53/DATE;");
    EXPECT("2021-01-01", "It came this week.", "this week=2020-W53/DATE;");
    EXPECT("2022-01-12", "Talks today, not yesterday or tomorrow.",
           "today=2022-01-12/DATE;yesterday=2022-01-11/DATE;tomorrow=2022-01-13/DATE;");
    EXPECT("2022-01-12", "It fell next year, last month and this year.",
           "next year=2023/DATE;last month=2021-12/DATE;this year=2022/DATE;");
    EXPECT("2005-02-10", "Sales rose 4.5%, less than the 5.1% seen a year earlier.",
           "a year earlier=2004/DATE;");
    EXPECT("2000-01-28", "He fled in 1998. Later that year, he came back. The next day, it rained.",
           "1998=1998/DATE;Later that year=1998/DATE;The next day=1998/DATE;");
    EXPECT("1999-10-24", "The doctor was shot on Oct. 23, 1998. Earlier that day, he prayed.",
           "Oct. 23, 1998=1998-10-23/DATE;Earlier that day=1998-10-23/DATE;");
    EXPECT("1999-02-06", "It happened last October. It was crossed out that same day.",
           "last October=1998-10/DATE;that same day=1998-10/DATE;");
    EXPECT("2022-01-12", "He left two years ago, a decade ago.",
           "two years ago=2020/DATE;a decade ago=2012/DATE;");
    EXPECT("2022-01-12", "Prices rose in the third quarter.", "the third quarter=2021-Q3/DATE;");
    EXPECT("2022-01-12", "Prices will rise in the third quarter.", "the third quarter=2022-Q3/DATE;");
    EXPECT("2022-01-12", "It passed Resolution 1973.", "");
    EXPECT("2022-01-12", "It was hot last summer.", "last summer=2021-SU/DATE;");
    EXPECT("1998-12-05", "It began last fall.", "last fall=1998-FA/DATE;");
    EXPECT("1998-08-07", "The blast came at about 10:35 a.m. (0735 GMT) Friday.",
           "10:35 a.m.=1998-08-07T10:35/TIME;Friday=1998-08-07/DATE;");
    EXPECT("2022-01-26", "It ends at 10 p.m. sharp.", "10 p.m.=2022-01-26T22:00/TIME;");
    EXPECT("2022-01-26", "It ended at 10 p.m. yesterday.",
           "10 p.m.=2022-01-25T22:00/TIME;yesterday=2022-01-25/DATE;");
}

static void test_vague(void **st)
{
    (void)st;
    EXPECT("2021-12-17", "It is now clear.", "now=PRESENT_REF/DATE;");
    EXPECT("2021-12-17", "He spoke in recent weeks.", "recent weeks=PAST_REF/DATE;");
    EXPECT("2021-12-17", "In the past, and in the future.",
           "the past=PAST_REF/DATE;the future=FUTURE_REF/DATE;");
    EXPECT("2021-12-17", "They decide their future.", "");
    EXPECT("2021-12-17", "He spoke of the future leadership.", "");
    EXPECT("2021-12-17", "The Daily Mail said so.", "");
}

static void test_durations_sets(void **st)
{
    (void)st;
    EXPECT("2021-12-17", "It took five days and two years, over decades.",
           "five days=P5D/DURATION;two years=P2Y/DURATION;decades=PXDE/DURATION;");
    EXPECT("2021-12-17", "A 16-hour wait, within days, in minutes.",
           "16-hour=PT16H/DURATION;days=PXD/DURATION;minutes=PTXM/DURATION;");
    EXPECT("2021-12-17", "They meet every week and report daily.",
           "every week=P1W/SET;daily=P1D/SET;");
    EXPECT("2021-12-17", "Watch: Duration 2:05 of the video.", "");
    EXPECT("2022-02-24", "It began at 9.30am, at 05:00 GMT and by 20:00.",
           "9.30am=2022-02-24T09:30/TIME;05:00=2022-02-24T05:00/TIME;20:00=2022-02-24T20:00/TIME;");
    EXPECT("2022-03-01", "Dated 2022/02/24 and 24/02/2022.",
           "2022/02/24=2022-02-24/DATE;24/02/2022=2022-02-24/DATE;");
    EXPECT("2019-12-10", "Sales on Black Friday and at Thanksgiving rose.",
           "Black Friday=2019-11-29/DATE;Thanksgiving=2019-11-28/DATE;");
    EXPECT("2024-04-10", "On Good Friday and Easter Monday, said the Sunday Times.",
           "Good Friday=2024-03-29/DATE;Easter Monday=2024-04-01/DATE;");
    EXPECT("2022-03-01", "They met earlier in the week.", "earlier in the week=2022-W09/DATE;");
    EXPECT("2022-03-01", "See https://example.com/2022/01/12/nato-2019-talks and www.x.org/1999.",
           "");
    EXPECT("2021-12-17", "It sold 50 million copies a year.", "a year=P1Y/SET;");
    EXPECT("2021-12-17", "It took a year.", "a year=P1Y/DURATION;");
    EXPECT("2021-12-17", "A 44-year-old man.", "");
    EXPECT("2021-12-17", "He watched 60 Minutes when he was in his 30s.", "");
}

static void test_sentence_date(void **st)
{
    (void)st;
    run("2021-12-17", "Russia's Foreign Ministry said in a statement last week that Moscow wants "
                      "talks early next year. U.S. officials say Russia is preparing an invasion "
                      "early next year. The chief met him on Thursday.\n");
    assert_int_equal(A.nsent, 3);
    assert_string_equal(nf_sent_date(&A, &A.sent[0]), "2021-W49");
    assert_string_equal(nf_sent_date(&A, &A.sent[1]), "2021-12-17");
    assert_string_equal(nf_sent_date(&A, &A.sent[2]), "2021-12-16");
    /* the date that goes with each reporting verb */
    uint32_t said = UINT32_MAX, say = UINT32_MAX;
    for (uint32_t k = 0; k < A.ntok; k++) {
        size_t n = A.tok[k].end - A.tok[k].start;
        if (n == 4 && !memcmp(A.doc.text + A.tok[k].start, "said", 4))
            said = k;
        if (n == 3 && !memcmp(A.doc.text + A.tok[k].start, "say", 3))
            say = k;
    }
    int x = nf_dates_attached(&A, said);
    assert_true(x >= 0);
    assert_string_equal(A.tx[x].value, "2021-W49");
    assert_int_equal(nf_dates_attached(&A, say), -1);
    assert_int_equal(nf_dates_at(&A, A.tx[x].start + 1), x);
    assert_int_equal(nf_dates_at(&A, 0), -1);
    assert_int_equal(nf_dates_overlap(&A, 0, A.tx[x].start + 2), x);
    assert_int_equal(nf_dates_overlap(&A, 0, 3), -1);
    run("2021-12-17", "On Friday, NATO officials said the talks would start next week.\n");
    for (uint32_t k = 0; k < A.ntok; k++)
        if (A.tok[k].end - A.tok[k].start == 4 && !memcmp(A.doc.text + A.tok[k].start, "said", 4))
            said = k;
    x = nf_dates_attached(&A, said);
    assert_true(x >= 0);
    assert_string_equal(A.tx[x].value, "2021-12-17");
    run("2022-01-26", "Washington's 2018 turn threatens the United States' position.\n");
    assert_string_equal(nf_sent_date(&A, &A.sent[0]), "2018");
    run("2022-01-26", "\"We will talk in March,\" Stoltenberg told reporters on Wednesday evening.\n");
    assert_string_equal(nf_sent_date(&A, &A.sent[0]), "2022-01-26TEV");
    nf_ana_free(&A);
}

/* Fractions, names and titles that only look like dates. */
static void test_not_dates(void **st)
{
    (void)st;
    EXPECT("2005-02-10", "A quarter of workers said they were unhappy.", "");
    EXPECT("2005-02-10", "Rates rose by a quarter point.", "");
    EXPECT("2005-02-10", "Profits rose in the first quarter.", "the first quarter=2005-Q1/DATE;");
    EXPECT("2005-02-10", "Sales fell a quarter earlier.", "a quarter earlier=2004-Q4/DATE;");
    EXPECT("2005-02-10", "It is a quarter century old.", "a quarter century=P25Y/DURATION;");
    EXPECT("2005-02-10", "His team-mate Jamie Noon fumbled.", "");
    EXPECT("2005-02-10", "Shares were up by noon.", "noon=2005-02-10T12:00/TIME;");
    EXPECT("2005-02-10", "He told the Mail on Sunday he was fine.", "");
    EXPECT("2005-02-10", "It came by mail on Sunday.", "Sunday=2005-02-06/DATE;");
}

/* half an hour, the week of March 6, the weekend, times with a weekday after them. */
static void test_more_forms(void **st)
{
    (void)st;
    EXPECT("2000-04-24", "He waited half an hour.", "half an hour=PT30M/DURATION;");
    EXPECT("2000-04-24", "It lasted a quarter of an hour.", "a quarter of an hour=PT15M/DURATION;");
    EXPECT("2000-02-24", "Talks are set for the week of March 6.", "the week of March 6=2000-W10/DATE;");
    /* 2000-04-24 is a Monday: the last weekend in the past, the coming one in the future */
    EXPECT("2000-04-24", "Protesters marched over the weekend.", "the weekend=2000-W16-WE/DATE;");
    EXPECT("2000-04-24", "Protesters will march over the weekend.", "the weekend=2000-W17-WE/DATE;");
    /* 2000-04-23 is a Sunday: its own weekend */
    EXPECT("2000-04-23", "Protesters marched over the weekend.", "the weekend=2000-W16-WE/DATE;");
    EXPECT("2000-04-03", "INS extended its deadline until 9 a.m. EST Tuesday.",
           "9 a.m. EST Tuesday=2000-04-04T09:00/TIME;");
    EXPECT("2000-04-03", "INS extended its deadline until 9:30 p.m. Tuesday.",
           "9:30 p.m. Tuesday=2000-04-04T21:30/TIME;");
    /* an hour with the part of the day in words */
    EXPECT("2000-04-03", "The plane leaves at 5 in the morning on Tuesday.",
           "5 in the morning=2000-04-04T05:00/TIME;Tuesday=2000-04-04/DATE;");
    EXPECT("2000-04-03", "The polls closed at 9 in the evening.", "9 in the evening=2000-04-03T21:00/TIME;");
    EXPECT("2000-04-03", "He was one of 9 in the morning class.", "");
}

/* Tense: names are no verbs; present-tense schedules are the future. 2000-04-05 is a Wednesday. */
static void test_weekday_tense(void **st)
{
    (void)st;
    EXPECT("2000-04-05", "The father would be traveling to the United States Thursday.",
           "Thursday=2000-04-06/DATE;");
    EXPECT("2000-04-05", "The council meets on Thursday to decide.", "Thursday=2000-04-06/DATE;");
    EXPECT("2000-04-05", "Chelsea face Arsenal on Sunday.", "Sunday=2000-04-09/DATE;");
    EXPECT("2000-04-05", "Ministers are due to meet on Friday.", "Friday=2000-04-07/DATE;");
    EXPECT("2000-04-05", "They failed to meet on Friday.", "Friday=2000-03-31/DATE;");
    EXPECT("2000-04-05", "He faces trial after he was arrested on Friday.", "Friday=2000-03-31/DATE;");
    /* a weak future cue against a past verb after the expression: the nearest past day */
    EXPECT("2000-04-09", "A rally planned for Saturday was cancelled after threats.",
           "Saturday=2000-04-08/DATE;");
    EXPECT("2000-04-09", "Unions planned a march on Saturday and were planning more.",
           "Saturday=2000-04-15/DATE;");
}

/* Date words in names and titles are no dates; the same words as dates still are. */
static void test_names_titles(void **st)
{
    (void)st;
    EXPECT("2005-02-10", "She told BBC Radio One's Today show she was fine.", "");
    EXPECT("2005-02-10", "He said: \"Today we start again.\"", "Today=2005-02-10/DATE;");
    EXPECT("2005-02-10", "Today the market fell.", "Today=2005-02-10/DATE;");
    EXPECT("2005-02-10", "Her hit Come Back Tomorrow sold well.", "");
    EXPECT("2005-02-10", "He sang a duet with April Stevens.", "");
    EXPECT("2005-02-10", "June Whitfield opened the fair.", "");
    EXPECT("2005-02-10", "In June Labour won.", "June=2004-06/DATE;");
    EXPECT("2005-02-10", "Talks ended in the September round.", "September=2004-09/DATE;");
    EXPECT("2005-02-10", "He missed the three November Tests.", "November=2004-11/DATE;");
    EXPECT("2005-02-10", "Thousands joined the annual March for Peace.", "");
    EXPECT("2005-02-10", "He spoke on ITV's Sunday Edition.", "");
    EXPECT("2005-02-10", "On Sunday Oxfam said it would help.", "Sunday=2005-02-06/DATE;");
    EXPECT("2005-02-10", "She won an award for Friday Night Lights.", "");
    EXPECT("2005-02-10", "On Friday night Oxfam said it would help.", "Friday night=2005-02-04TNI/TIME;");
    EXPECT("2005-02-10", "He told the sports daily Gazzetta it was over.", "");
    EXPECT("2005-02-10", "She writes for a weekly magazine.", "");
    EXPECT("2005-02-10", "The paper is published daily.", "daily=P1D/SET;");
}

/* "the last year" is the past twelve months, as "the past year"; "last year" is a date. */
static void test_the_last_unit(void **st)
{
    (void)st;
    EXPECT("2005-02-10", "Sales rose 5% in the last year.", "the last year=P1Y/DURATION;");
    EXPECT("2005-02-10", "Sales rose 5% last year.", "last year=2004/DATE;");
    EXPECT("2005-02-10", "Prices fell in the last week of 2004.", "2004=2004/DATE;");
    EXPECT("2005-02-10", "Growth slowed in the last quarter.", "last quarter=2004-Q4/DATE;");
    EXPECT("2005-02-10", "The yen had hit a high earlier in the day.", "earlier in the day=2005-02-10/DATE;");
}

/* The second day of "April 24 and 25" is a date of its own; a count after "and" is not. */
static void test_second_day(void **st)
{
    (void)st;
    EXPECT("1999-02-10", "The summit will be held on April 24 and 25.",
           "April 24=1999-04-24/DATE;25=1999-04-25/DATE;");
    EXPECT("1999-02-10", "Talks ran on February 2 or 3, officials said.",
           "February 2=1999-02-02/DATE;3=1999-02-03/DATE;");
    EXPECT("1999-02-10", "Rioting on February 2 and 40 arrests followed.", "February 2=1999-02-02/DATE;");
    EXPECT("1999-02-10", "It opened on February 9 and 3 people came.", "February 9=1999-02-09/DATE;");
    EXPECT("1999-02-10", "It closes on February 28 and 30 staff leave.", "February 28=1999-02-28/DATE;");
}

/* "the day before|after" a day: that day's neighbour, as one expression. 2000-02-24 is a
 * Thursday. */
static void test_day_next_to(void **st)
{
    (void)st;
    EXPECT("2000-02-24", "The day before last Tuesday's vote, he resigned.",
           "The day before last Tuesday=2000-02-21/DATE;");
    EXPECT("2000-02-24", "They met the day after Christmas Day.", "the day after Christmas Day=1999-12-26/DATE;");
    EXPECT("2000-02-24", "He arrived on March 3, the day before the vote.",
           "March 3=2000-03-03/DATE;the day before=2000-03-02/DATE;");
}

/* The checks before a rule's try (rule.pre): an element after optional ones is looked for
 * in its window of tokens (March of next year, Monday, 3 March), a number by its shape
 * (at 10:35 GMT, not at 10,000), and the near misses of each stay no dates. */
static void test_rule_prechecks(void **st)
{
    (void)st;
    EXPECT("2005-02-10", "They meet in March of next year.", "March of next year=2006-03/DATE;");
    EXPECT("2005-02-10", "They met in March next year.", "March next year=2006-03/DATE;");
    EXPECT("2005-02-10", "They met on Monday, 3 March 2003.", "Monday, 3 March 2003=2003-03-03/DATE;");
    EXPECT("2005-02-10", "The 22nd of May suits, the 23rd quarter too.",
           "The 22nd of May=2004-05-22/DATE;");
    EXPECT("2005-02-10", "At 10:35 GMT, Monday he left; at 10,000 feet he slept.",
           "10:35 GMT, Monday=2005-02-07T10:35/TIME;");
    static const char *const texts[] = {
        "March of next week. March of this year. March, 2004. March of the year.",
        "Monday , 3 March ; Monday 3rd March ; Monday , March 3 , 2003 ; Monday 3 .",
        "the 1st - quarter ; 2nd quarter of last year ; the 3rd half of 2004 ; the 4th century .",
        "at 9.30am GMT , Monday ; at 10pm ( Monday ; until 10:35 ; about 1.5 ; by 2,000 BST .",
        "the 1990s ; the '80s ; 26.01.2022 ; 12/17/2021 ; 21st ; 2nd of May ; 3rd May 1999 .",
        "at the present ; at the time ; at present ; by the end of the year ; the day before .",
    };
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        same_as_slow("2005-02-10", texts[k]);
        same_as_slow(NULL, texts[k]);
    }
}

/* The sentences skipped for want of a rule's core (a date word or a number of a date's
 * shape): the core inside a hyphenated word (mid-March, pre-2000), after a period-ended
 * abbreviation (Dec.), a month only with its capital (May, not may), the sentences with no
 * core between those that have one, and each core family. */
static void test_core_skip(void **st)
{
    (void)st;
    EXPECT("2005-02-10", "It may rain. They met in mid-March. He may go.", "mid-March=2005-03/DATE;");
    EXPECT("2005-02-10", "The plan may work. It was signed in May.", "May=2004-05/DATE;");
    EXPECT("2005-02-10", "No. Troops left pre-2000 bases. Yes.", "pre-2000=2000/DATE;");
    EXPECT("2005-02-10", "It was signed Dec. 7 in Geneva.", "Dec. 7=2004-12-07/DATE;");
    EXPECT("2005-02-10", "The talks stalled, officials said. Nothing else happened.", "");
    static const char *const texts[] = {
        "Right now . right now . The past . The future . At the moment . these days .",
        "at 10pm . 9.30am . 10:35 . 26.01.2022 . 12/17/2021 . the 1990s . '80s . 1999 .",
        "Daily . a fortnight . Halloween . Easter Sunday . Good Friday . Black Friday .",
        "MAY . May . may . MARCH . march . Sept. 3 . sept . Mon . mon .",
        "mid-May . mid-may . pre-war . post-2001 . two-week . week-long . 5-4 .",
        "at noon . Jamie Noon . tonight . Tonight . the present . at present .",
    };
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        same_as_slow("2005-02-10", texts[k]);
        same_as_slow(NULL, texts[k]);
    }
}

/* The fast paths against the slow run on random sentences of the grammar's own words (each
 * rule literal and lexicon word, some capitalized) mixed with numbers of every shape and
 * other words and marks: a word the scan skips or a need it misreads would show here. */
static void test_fast_paths(void **st)
{
    (void)st;
    static const char *const extra[] = {
        "1999", "2021", "12", "7", "31", "3rd", "21st", "1990s", "90s", "'80s", "26.01.2022",
        "12/17/2021", "2022/02/24", "10:35", "9.30am", "10pm", "3am", "13", "0", "123456",
        "1234567", "2,000", "1.5", "Q3", "mid-December", "pre-war", "two-year", "-", ",", ".",
        ":", "\"", "'s", "the", "people", "troops", "Reuters", "Labour", "Carter", "said",
        "www.example.com/2021/12/07", "http://x.org/1999", "week-long", "5-4", "1999-2000",
        "2021-12-17", "1000", "999", "2199", "2200", "32", "00", "24:00", "12:60", "1.2.3",
        "1/2/3", "31st", "32nd", "2000s", "1995s", "5am", "13pm", "11.45pm"};
    const char *words[4096];
    size_t nw = 0;
    for (size_t k = 0; k < sizeof extra / sizeof *extra; k++)
        words[nw++] = extra[k];
    /* the words of the lexicon and of the rules (their literals), from the engine's data */
    static char pool[1 << 17];
    size_t np = 0;
    const char *files[] = {"timex_lex.tsv", "dates.rules"};
    for (int f = 0; f < 2; f++) {
        size_t len = 0;
        const char *d = nf_data_get(eng, files[f], &len);
        assert_non_null(d);
        for (size_t i = 0; i < len;) {
            size_t e = i;
            while (e < len && d[e] != '\n')
                e++;
            if (d[i] != '#') {
                /* the first field; for rules its elements, split at spaces and bars */
                size_t j = i;
                while (j < e && d[j] != '\t')
                    j++;
                for (size_t p = i; p < j;) {
                    size_t q = p;
                    while (q < j && d[q] != ' ' && d[q] != '|')
                        q++;
                    size_t a = p, b = q;
                    while (a < b && (d[a] == '~' || d[a] == '^' || d[a] == '='))
                        a++;
                    if (b > a && d[b - 1] == '?')
                        b--;
                    if (b > a && d[a] != '@' && d[a] != '%' && nw < 4096 && np + (b - a) + 1 < sizeof pool) {
                        memcpy(pool + np, d + a, b - a);
                        pool[np + (b - a)] = 0;
                        words[nw++] = pool + np;
                        np += b - a + 1;
                    }
                    p = q + 1;
                }
            }
            i = e + 1;
        }
    }
    assert_true(nw > 500);
    static char text[1 << 15];
    uint32_t seed = 12345;
    for (int round = 0; round < 40; round++) {
        size_t k = 0;
        for (int sent = 0; sent < 60; sent++) {
            int ntok = 2 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 10;
            for (int t = 0; t < ntok; t++) {
                seed = seed * 1103515245u + 12345u;
                const char *w = words[(seed >> 8) % nw];
                int cap = (seed >> 4) % 4 == 0;
                if (k + strlen(w) + 4 >= sizeof text)
                    break;
                if (t > 0)
                    text[k++] = ' ';
                for (size_t q = 0; w[q]; q++)
                    text[k++] = (char)(cap && q == 0 && w[q] >= 'a' && w[q] <= 'z' ? w[q] - 32 : w[q]);
            }
            text[k++] = '.';
            text[k++] = sent % 5 == 4 ? '\n' : ' ';
        }
        text[k++] = '\n';
        text[k] = 0;
        same_as_slow(round % 3 ? "2021-12-17" : NULL, text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_absolute),   cmocka_unit_test(test_years),
        cmocka_unit_test(test_weekdays),   cmocka_unit_test(test_relative),
        cmocka_unit_test(test_vague),      cmocka_unit_test(test_durations_sets),
        cmocka_unit_test(test_sentence_date),
        cmocka_unit_test(test_not_dates),  cmocka_unit_test(test_more_forms),
        cmocka_unit_test(test_weekday_tense), cmocka_unit_test(test_names_titles),
        cmocka_unit_test(test_day_next_to),
        cmocka_unit_test(test_second_day),
        cmocka_unit_test(test_the_last_unit),
        cmocka_unit_test(test_rule_prechecks),
        cmocka_unit_test(test_core_skip),
        cmocka_unit_test(test_fast_paths),
    };
    return cmocka_run_group_tests_name("dates", tests, setup, teardown);
}

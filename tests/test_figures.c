/* Unit tests for figures.c: which numbers are figures, what they count, whose they are.
 * Each test splits a text into sentences, adds the actor mentions an actor stage would find
 * (so that these tests do not depend on it), runs the figures stage and checks its rows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "nf.h"
#include "helpers.h"

static nf_ana A;
static char text[4096];

static void prepare(const char *t)
{
    nf_ana_free(&A);
    A.eng = eng;
    snprintf(text, sizeof text, "%s\n", t);
    A.doc.text = text;
    A.doc.len = (uint32_t)strlen(text);
    nf_sentences_run(&A);
}

/* Adds a mention over the first occurrence of words (after from, if given). */
static void mention(const char *words, const char *canon, int type, int flags)
{
    const char *p = strstr(text, words);
    assert_non_null(p);
    nf_mention *m = NF_PUSH(A.men, A.nmen, A.capmen);
    memset(m, 0, sizeof *m);
    m->start = (uint32_t)(p - text);
    m->end = m->start + (uint32_t)strlen(words);
    m->sent = (uint32_t)nf_sent_at(&A, m->start);
    m->canon = canon;
    m->type = (uint8_t)type;
    m->flags = (uint8_t)flags;
}

static void run(void) { nf_figures_run(&A); }

static size_t nfig(void)
{
    size_t n = 0;
    for (size_t i = 0; i < A.nrow; i++)
        n += A.row[i].kind == NF_KIND_FIGURE;
    return n;
}

static const nf_row *fig(size_t k)
{
    for (size_t i = 0; i < A.nrow; i++)
        if (A.row[i].kind == NF_KIND_FIGURE && k-- == 0)
            return &A.row[i];
    fail_msg("no figure %zu", k);
    return NULL;
}

static const char *col(const nf_row *r, int c) { return r->f[c] ? r->f[c] : ""; }

static void only(const char *t, const char *value, const char *unit)
{
    prepare(t);
    run();
    if (nfig() != 1)
        fail_msg("'%s': %zu figures, want 1", t, nfig());
    assert_string_equal(col(fig(0), NF_COL_VALUE), value);
    assert_string_equal(col(fig(0), NF_COL_UNIT), unit);
}

static void none(const char *t)
{
    prepare(t);
    run();
    if (nfig() != 0)
        fail_msg("'%s': %zu figures (first %s %s), want none", t, nfig(), col(fig(0), NF_COL_VALUE),
                 col(fig(0), NF_COL_UNIT));
}

static void test_troops_owner(void **st)
{
    (void)st;
    prepare("U.S. intelligence officials say Russia has moved 70,000 troops to its border with Ukraine.");
    mention("U.S.", "United States", NF_ACT_COUNTRY, NF_M_ROW);
    mention("Russia", "Russia", NF_ACT_COUNTRY, NF_M_ROW);
    mention("Ukraine", "Ukraine", NF_ACT_COUNTRY, NF_M_ROW);
    run();
    assert_int_equal(nfig(), 1);
    assert_string_equal(col(fig(0), NF_COL_VALUE), "70000");
    assert_string_equal(col(fig(0), NF_COL_UNIT), "troops");
    assert_string_equal(col(fig(0), NF_COL_ACTOR), "Russia");
    assert_string_equal(col(fig(0), NF_COL_MENTION), "70,000 troops");
    assert_string_equal(col(fig(0), NF_COL_CATEGORY), "military");
}

static void test_casualties(void **st)
{
    (void)st;
    only("It has killed over 14,000 people and devastated the region.", "14000", "people");
    assert_string_equal(col(fig(0), NF_COL_QUALIFIER), "over");
    assert_string_equal(col(fig(0), NF_COL_CATEGORY), "casualties");
    assert_string_equal(col(fig(0), NF_COL_MENTION), "over 14,000 people");
}

static void test_np_owner(void **st)
{
    (void)st;
    prepare("He added that the 30 NATO countries have made clear their position.");
    mention("NATO", "NATO", NF_ACT_ORG, NF_M_ROW);
    run();
    assert_int_equal(nfig(), 1);
    assert_string_equal(col(fig(0), NF_COL_UNIT), "countries");
    assert_string_equal(col(fig(0), NF_COL_ACTOR), "NATO");
    prepare("NATO expelled eight Russian officials from its headquarters.");
    mention("NATO", "NATO", NF_ACT_ORG, NF_M_ROW);
    mention("Russian", "Russia", NF_ACT_COUNTRY, NF_M_DEMONYM);
    run();
    assert_int_equal(nfig(), 1);
    assert_string_equal(col(fig(0), NF_COL_VALUE), "8");
    assert_string_equal(col(fig(0), NF_COL_ACTOR), "Russia");
}

static void test_possessive_and_of(void **st)
{
    (void)st;
    prepare("In addition to NATO's 5,000-strong force, Biden said a separate US force of 8,500 troops had been readied.");
    mention("NATO", "NATO", NF_ACT_ORG, NF_M_ROW);
    mention("Biden", "Joe Biden", NF_ACT_PERSON, NF_M_ROW);
    mention("US", "United States", NF_ACT_COUNTRY, NF_M_ROW);
    run();
    assert_int_equal(nfig(), 2);
    assert_string_equal(col(fig(0), NF_COL_VALUE), "5000");
    assert_string_equal(col(fig(0), NF_COL_UNIT), "force");
    assert_string_equal(col(fig(0), NF_COL_ACTOR), "NATO");
    assert_string_equal(col(fig(1), NF_COL_VALUE), "8500");
    assert_string_equal(col(fig(1), NF_COL_UNIT), "troops");
    assert_string_equal(col(fig(1), NF_COL_ACTOR), "United States");
}

static void test_previous_sentence_owner(void **st)
{
    (void)st;
    prepare("It is Russia that has used force against Ukraine. And then they are building up, with around 100,000 troops.");
    mention("Russia", "Russia", NF_ACT_COUNTRY, NF_M_ROW);
    mention("Ukraine", "Ukraine", NF_ACT_COUNTRY, NF_M_ROW);
    run();
    assert_int_equal(nfig(), 1);
    assert_string_equal(col(fig(0), NF_COL_VALUE), "100000");
    assert_string_equal(col(fig(0), NF_COL_QUALIFIER), "around");
    assert_string_equal(col(fig(0), NF_COL_ACTOR), "Russia"); /* not Ukraine: object of "against" */
}

static void test_vague(void **st)
{
    (void)st;
    only("They deployed tens of thousands of combat-ready troops.", "10000", "troops");
    assert_string_equal(col(fig(0), NF_COL_QUALIFIER), "tens of thousands");
    only("NATO claims thousands of Russian troops are poised for an invasion.", "1000", "troops");
    assert_string_equal(col(fig(0), NF_COL_QUALIFIER), "thousands");
    only("Dozens of people were still missing.", "12", "people");
}

static void test_percent_range(void **st)
{
    (void)st;
    only("Unemployment rose to 20% last year.", "20", "percent");
    assert_string_equal(col(fig(0), NF_COL_CATEGORY), "share");
    only("Some 15-20 percent of voters stayed at home.", "15", "percent");
    assert_string_equal(col(fig(0), NF_COL_QUALIFIER), "15-20 percent");
    only("Iraq holds 20 per cent of the world's oil reserves.", "20", "percent");
    /* percentage points are a quantity of their own (a difference of two percentages) */
    only("Labour's lead fell 2.5 percentage points.", "2.5", "percentage points");
    assert_string_equal(col(fig(0), NF_COL_CATEGORY), "share");
    only("Rates rose by one percentage point.", "1", "percentage points");
}

static void test_change(void **st)
{
    (void)st;
    prepare("NATO had also already halved the staff at its Moscow office from 20 to 10.");
    run();
    assert_int_equal(nfig(), 2);
    assert_string_equal(col(fig(0), NF_COL_VALUE), "20");
    assert_string_equal(col(fig(0), NF_COL_UNIT), "staff");
    assert_string_equal(col(fig(1), NF_COL_VALUE), "10");
    assert_string_equal(col(fig(1), NF_COL_UNIT), "staff");
    prepare("The enlargement of NATO from 16 members to 19 was slow.");
    run();
    assert_int_equal(nfig(), 2);
    assert_string_equal(col(fig(1), NF_COL_VALUE), "19");
    assert_string_equal(col(fig(1), NF_COL_UNIT), "members");
}

static void test_spelled_and_money(void **st)
{
    (void)st;
    only("Thirty-two people were hurt in the blast.", "32", "people");
    only("\"Thirty-two people were hurt,\" he said.", "32", "people");
    only("Russia's diplomatic mission was withdrawn after eight of its staff were expelled.", "8", "staff");
    only("The firm signed a $1m deal.", "1000000", "dollars");
    assert_string_equal(col(fig(0), NF_COL_CATEGORY), "money");
    only("Sales climbed to 364.4m euros.", "364400000", "euros");
    only("Iraq has 17 million residents.", "17000000", "residents");
    only("Car ownership has risen, and there are now two and a half million cars on the roads.", "2500000", "cars");
}

static void test_member_states(void **st)
{
    (void)st;
    prepare("NATO met Russia. NATO allies said no. Instead, the 30 member states invited the Russian envoys.");
    mention("NATO", "NATO", NF_ACT_ORG, NF_M_ROW);
    mention("Russia", "Russia", NF_ACT_COUNTRY, NF_M_ROW);
    mention("NATO allies", "NATO", NF_ACT_ORG, NF_M_ROW);
    mention("Russian", "Russia", NF_ACT_COUNTRY, NF_M_DEMONYM);
    run();
    assert_int_equal(nfig(), 1);
    assert_string_equal(col(fig(0), NF_COL_UNIT), "member states");
    assert_string_equal(col(fig(0), NF_COL_ACTOR), "NATO");
}

static void test_demonym_unit(void **st)
{
    (void)st;
    only("More than 1,500 Americans were evacuated from the city.", "1500", "americans");
    assert_string_equal(col(fig(0), NF_COL_ACTOR), "United States");
    assert_string_equal(col(fig(0), NF_COL_QUALIFIER), "more than");
}

static void test_unit_before(void **st)
{
    (void)st;
    only("Iraq has a force of 200,000 in Kuwait.", "200000", "force");
    only("Iraq has a 300,000-man army in Kuwait.", "300000", "army");
    only("A 12-man team was sent.", "12", "team");
    only("The 1,200-mile border is closed.", "1200", "mile");
    only("Reservists numbering 40,000 were called up.", "40000", "reservists");
    only("The country has a population of 17 million.", "17000000", "population");
    only("The U.S. government already has contributed dlrs 3.2 million in assistance.", "3200000", "dollars");
}

static void test_never(void **st)
{
    (void)st;
    none("Poland joined NATO in 1999, followed in 2004 by Bulgaria.");
    none("Fighting began after Russia's 2014 annexation of Crimea and a 2008 promise.");
    none("Flags flap outside NATO headquarters in Brussels, Friday, Feb. 28, 2020.");
    none("The offices were shuttered in October 2021 by Moscow.");
    none("Sputnik International, 1920, 26.01.2022");
    none("Biden threatens Putin Duration 2:05 In a meeting. 2:05");
    none("Original url: https://www.themoscowtimes.com/2022/01/12/nato-and-russia-cri sis-a76022");
    none("20211217");
    none("The attacks on Aug. 7 shocked the world.");
    none("A force could be ready in five days' time.");
    none("He scored in the 78th minute.");
    none("Newsfeed 0");
    none("It was one of the most important countries in the region.");
    none("Oil prices were at a record at one point.");
    none("Profits were three times higher.");
    none("A 45-year-old man was arrested.");
    none("The Boeing 747 jets were grounded.");
    none("Rapper 50 Cent topped the chart.");
    none("In the 1990s and 2000s several former Warsaw Pact members joined.");
    none("Only one in five loans is repaid.");
    none("Four in ten business leaders were confident.");
    none("The one-time Warsaw Pact allies met.");
    none("Liverpool won 2-1 at home.");
}

static void test_distance(void **st)
{
    (void)st;
    /* a bare 60m / 10k before a race or event word is a distance, not millions */
    none("Jackson won the 60m hurdles in Birmingham.");
    none("She took the 200m world indoor title.");
    none("He added the 1500m AAAs title to his 800m heats win.");
    none("The Olympic 400m man pulled out.");
    none("She ran the 10k race in Boston.");
    only("The 508m tall tower opened in Taipei.", "508", "metres");
    assert_string_equal(col(fig(0), NF_COL_CATEGORY), "count");
    /* millions with a currency or a counted noun */
    only("Some 1.7m people voted.", "1700000", "people");
    only("The club paid $60m for the striker.", "60000000", "dollars");
    only("Sales rose to 15.8m euros.", "15800000", "euros");
}

static void test_weight(void **st)
{
    (void)st;
    only("Kopp weighs 150 to 175 pounds.", "150", "pounds");
    assert_string_equal(col(fig(0), NF_COL_CATEGORY), "count");
    prepare("She announced a gift of 500 pounds (225 kilograms) of medical supplies.");
    run();
    assert_string_equal(col(fig(0), NF_COL_VALUE), "500");
    assert_string_equal(col(fig(0), NF_COL_CATEGORY), "count");
    only("The jet dropped a 2,000-pound bomb.", "2000", "pound");
    assert_string_equal(col(fig(0), NF_COL_CATEGORY), "count");
    /* currency pounds stay money */
    only("The club paid 500,000 pounds for him.", "500000", "pounds");
    assert_string_equal(col(fig(0), NF_COL_CATEGORY), "money");
    only("The bank lost several hundred million pounds.", "100000000", "pounds");
    assert_string_equal(col(fig(0), NF_COL_CATEGORY), "money");
}

static void test_attribution_owner(void **st)
{
    (void)st;
    /* the attribution after a military figure wins over the sentence before */
    prepare("Egypt's foreign ministry said it had not agreed. About 300,000 reservists have been called up, Israel's army said.");
    mention("Egypt", "Egypt", NF_ACT_COUNTRY, NF_M_ROW);
    mention("Israel", "Israel", NF_ACT_COUNTRY, NF_M_ROW);
    run();
    assert_int_equal(nfig(), 1);
    assert_string_equal(col(fig(0), NF_COL_VALUE), "300000");
    assert_string_equal(col(fig(0), NF_COL_ACTOR), "Israel");
    prepare("Egypt protested. Some 5,000 troops were moved north, said the Israeli military.");
    mention("Egypt", "Egypt", NF_ACT_COUNTRY, NF_M_ROW);
    mention("Israeli", "Israel", NF_ACT_COUNTRY, NF_M_DEMONYM);
    run();
    assert_int_equal(nfig(), 1);
    assert_string_equal(col(fig(0), NF_COL_ACTOR), "Israel");
    /* an object of a preposition after the figure is not an attribution */
    prepare("Russia massed its army. Some 5,000 troops were moved towards Ukraine.");
    mention("Russia", "Russia", NF_ACT_COUNTRY, NF_M_ROW);
    mention("Ukraine", "Ukraine", NF_ACT_COUNTRY, NF_M_ROW);
    run();
    assert_int_equal(nfig(), 1);
    assert_string_equal(col(fig(0), NF_COL_ACTOR), "Russia");
}

static void test_plural_head(void **st)
{
    (void)st;
    /* a plural head noun ends the unit: the singular word after it is a verb */
    only("About 1m websites run the software.", "1000000", "websites");
    only("Four American MTV gongs won praise.", "4", "gongs");
    only("Every day 14,000 people contract the virus.", "14000", "people");
    only("At least 23,000 people killed in the quake were buried.", "23000", "people");
    only("Profits fell to 3.4bn Danish kroner.", "3400000000", "kroner");
    assert_string_equal(col(fig(0), NF_COL_CATEGORY), "money");
    only("The claims were of 100,000 Kenyan shillings each.", "100000", "shillings");
    assert_string_equal(col(fig(0), NF_COL_CATEGORY), "money");
    prepare("The bomb went off, killing 247 people.");
    run();
    assert_string_equal(col(fig(0), NF_COL_CATEGORY), "casualties");
}

static void test_ranks_codes(void **st)
{
    (void)st;
    /* ranks, clock times and codes with a leading zero are not figures */
    none("Fears grow that the world's number two economy is stuck.");
    none("Last week's number one album slipped.");
    none("The world No. 1 player lost.");
    none("The world No 3 pulled out.");
    none("The fight broke out at about 0200 local time.");
    none("The new 007 game is out.");
    /* a squad is what an N-man counts; local government workers are workers */
    only("He named a 30-man squad for the tour.", "30", "squad");
    only("Unison will ballot 800,000 local government workers.", "800000", "workers");
}

/* A number in front of a name is part of the name, not a count. */
static void test_name_numbers(void **st)
{
    (void)st;
    none("Airlines ordered its 737 Skyliner plane last year.");
    none("He sold his 21 Media company in 2003.");
    none("Critics praised 21 Savage's new songs.");
    none("It sells the 5-Series saloon.");
    none("They flew the 380 Superjet aircraft.");
    only("Some 300 British troops were sent.", "300", "troops");
    only("The film won 11 Oscar nominations.", "11", "nominations");
    only("The firm made 3.4bn Danish kroner.", "3400000000", "kroner");
    only("They bought 12,500 Ford cars.", "12500", "cars");
}

/* After a verb of giving the actor named next receives the amount; the giver owns it. */
static void test_receiver_owner(void **st)
{
    (void)st;
    prepare("Japan lent Kenya $3bn last year.");
    mention("Japan", "Japan", NF_ACT_COUNTRY, NF_M_ROW);
    mention("Kenya", "Kenya", NF_ACT_COUNTRY, NF_M_ROW);
    run();
    assert_int_equal(nfig(), 1);
    assert_string_equal(col(fig(0), NF_COL_ACTOR), "Japan");
    prepare("The floods will cost Kenya $3bn.");
    mention("Kenya", "Kenya", NF_ACT_COUNTRY, NF_M_ROW);
    run();
    assert_int_equal(nfig(), 1);
    assert_string_equal(col(fig(0), NF_COL_ACTOR), "Kenya");
}

/* The adjective of an amount's currency owns nothing after it. */
static void test_currency_adjective(void **st)
{
    (void)st;
    prepare("Shares lost 40 Swiss francs or 12% on Monday.");
    mention("Swiss", "Switzerland", NF_ACT_COUNTRY, NF_M_DEMONYM);
    run();
    assert_int_equal(nfig(), 2);
    assert_string_equal(col(fig(1), NF_COL_VALUE), "12");
    assert_string_equal(col(fig(1), NF_COL_ACTOR), "");
    prepare("The Swiss economy grew 2% last year.");
    mention("Swiss", "Switzerland", NF_ACT_COUNTRY, NF_M_DEMONYM);
    run();
    assert_int_equal(nfig(), 1);
    assert_string_equal(col(fig(0), NF_COL_ACTOR), "Switzerland");
}

/* A chart band between a count and its noun is a rank, not a count. */
static void test_chart_band(void **st)
{
    (void)st;
    only("The band scored four top 20 singles in 2003.", "4", "singles");
    only("She has had seven UK top 10 albums.", "7", "albums");
    only("The top 12 films were all American.", "12", "films");
}

/* A change of a measure (an age, a rate, a price) counts nothing. */
static void test_measure_change(void **st)
{
    (void)st;
    none("Ministers will raise the pension age for nurses from 62 to 67.");
    none("The bank cut the interest rate from 5 to 4.");
    prepare("The firm cut its staff from 200 to 150.");
    run();
    assert_int_equal(nfig(), 2);
    assert_string_equal(col(fig(0), NF_COL_UNIT), "staff");
}

/* The sentence filter (nf_num_may_occur) skips the sentences without a number: a figure in
 * words, alone in its sentence or after sentences that were skipped, is still found, and an
 * owner is still taken from a skipped sentence before it. */
static void test_sentence_filter(void **st)
{
    (void)st;
    static const struct { const char *text, *value, *unit; } cases[] = {
        {"Several hundred troops arrived.", "100", "troops"},
        {"A dozen soldiers were killed.", "12", "soldiers"},
        {"Half of the staff left.", "0.5", "staff"},
        {"He left. She stayed. Eleven people were hurt.", "11", "people"},
        {"Officials said so. They said hundreds of people fled.", "100", "people"},
        {"It was over. \"Twenty soldiers died,\" he said.", "20", "soldiers"},
        {"Nothing here. Then a million people marched.", "1000000", "people"},
        {"Nothing here.\nA third of the staff quit.", "0.33", "staff"},
        {"He said so. Two-thirds of voters agreed.", "0.67", "voters"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        only(cases[i].text, cases[i].value, cases[i].unit);
    prepare("Russia has used force against Ukraine. And then they built up tens of thousands of troops.");
    mention("Russia", "Russia", NF_ACT_COUNTRY, NF_M_ROW);
    mention("Ukraine", "Ukraine", NF_ACT_COUNTRY, NF_M_ROW);
    run();
    assert_int_equal(nfig(), 1);
    assert_string_equal(col(fig(0), NF_COL_VALUE), "10000");
    assert_string_equal(col(fig(0), NF_COL_ACTOR), "Russia");
    none("Many of them said few of their staff were there. Someone left.");
}

/* Every qualifier phrase of qualifiers.tsv is found before a count (find_qual looks up the
 * phrases that end with the word before the number only), and a word that ends none is no
 * qualifier. */
static void test_qualifiers(void **st)
{
    (void)st;
    size_t tried = 0;
    for (size_t i = 0; i < nf_nblobs; i++) {
        if (strcmp(nf_blobs[i].name, "qualifiers.tsv"))
            continue;
        const char *p = (const char *)nf_blobs[i].data, *end = p + nf_blobs[i].len;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p)), *le = nl ? nl : end;
            const char *tab1 = memchr(p, '\t', (size_t)(le - p));
            size_t wl = (size_t)((tab1 ? tab1 : le) - p);
            char ph[64], t[128];
            int plain = *p != '#' && wl > 0 && wl < sizeof ph;
            for (size_t k = 0; plain && k < wl; k++)
                plain = (p[k] >= 'a' && p[k] <= 'z') || p[k] == ' ';
            /* (not those that end in a number word: more than half) */
            if (plain && !(wl > 5 && !memcmp(p + wl - 5, " half", 5))) {
                memcpy(ph, p, wl);
                ph[wl] = '\0';
                snprintf(t, sizeof t, "They sent %s 500 troops there.", ph);
                prepare(t);
                run();
                if (nfig() != 1 || strcmp(col(fig(0), NF_COL_QUALIFIER), ph))
                    fail_msg("'%s': qualifier '%s', want '%s'", t, nfig() ? col(fig(0), NF_COL_QUALIFIER) : "-", ph);
                tried++;
            }
            p = nl ? nl + 1 : end;
        }
    }
    assert_true(tried > 40);
    prepare("They sent quite 500 troops there.");
    run();
    assert_int_equal(nfig(), 1);
    assert_string_equal(col(fig(0), NF_COL_QUALIFIER), "");
}

/* An actor after a preposition (any of governed's, in any case) owns no figure; without one
 * it does. */
static void test_governed(void **st)
{
    (void)st;
    static const char *const preps[] = {"to", "In", "ON", "at", "from", "against", "including",
                                        "towards", "versus", "among", "or", "and", "Like", "via"};
    char t[160];
    for (size_t i = 0; i < sizeof preps / sizeof *preps; i++) {
        snprintf(t, sizeof t, "Officials said that %s Ukraine, 500 troops were sent.", preps[i]);
        prepare(t);
        mention("Ukraine", "Ukraine", NF_ACT_COUNTRY, NF_M_ROW);
        run();
        if (nfig() != 1)
            fail_msg("'%s': %zu figures, want 1", t, nfig());
        if (strcmp(col(fig(0), NF_COL_ACTOR), ""))
            fail_msg("'%s': owner %s, want none", t, col(fig(0), NF_COL_ACTOR));
    }
    static const char *const others[] = {"then", "inside-out", "intoxicated", "t"};
    for (size_t i = 0; i < sizeof others / sizeof *others; i++) {
        snprintf(t, sizeof t, "Officials said that %s Ukraine, 500 troops were sent.", others[i]);
        prepare(t);
        mention("Ukraine", "Ukraine", NF_ACT_COUNTRY, NF_M_ROW);
        run();
        if (nfig() != 1)
            fail_msg("'%s': %zu figures, want 1", t, nfig());
        if (strcmp(col(fig(0), NF_COL_ACTOR), "Ukraine"))
            fail_msg("'%s': owner '%s', want Ukraine", t, col(fig(0), NF_COL_ACTOR));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_troops_owner),
        cmocka_unit_test(test_casualties),
        cmocka_unit_test(test_np_owner),
        cmocka_unit_test(test_possessive_and_of),
        cmocka_unit_test(test_previous_sentence_owner),
        cmocka_unit_test(test_vague),
        cmocka_unit_test(test_percent_range),
        cmocka_unit_test(test_change),
        cmocka_unit_test(test_spelled_and_money),
        cmocka_unit_test(test_member_states),
        cmocka_unit_test(test_demonym_unit),
        cmocka_unit_test(test_unit_before),
        cmocka_unit_test(test_never),
        cmocka_unit_test(test_distance),
        cmocka_unit_test(test_weight),
        cmocka_unit_test(test_attribution_owner),
        cmocka_unit_test(test_plural_head),
        cmocka_unit_test(test_ranks_codes),
        cmocka_unit_test(test_name_numbers),
        cmocka_unit_test(test_measure_change),
        cmocka_unit_test(test_receiver_owner),
        cmocka_unit_test(test_currency_adjective),
        cmocka_unit_test(test_chart_band),
        cmocka_unit_test(test_sentence_filter),
        cmocka_unit_test(test_qualifiers),
        cmocka_unit_test(test_governed),
    };
    int r = cmocka_run_group_tests(tests, setup, teardown);
    nf_ana_free(&A);
    return r;
}

/* Unit tests for claims.c: every attribution pattern family, speakers (names, pronouns,
 * descriptions), claim text (quotes stripped, running quotes over paragraphs), the date of the
 * saying, and what is no claim. Each test runs the whole analysis on a small article. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "nf.h"

#include "helpers.h"

/* The claim rows of one analysis: date, actor, value, unit, mention, line. */
typedef struct {
    char date[1024], actor[1024], value[1024], unit[1024], mention[1024];
    long line;
} claim;
static claim C[32];
static int NC;

static void field(const char **p, char *out, size_t cap)
{
    const char *s = *p;
    size_t n = 0;
    while (*s && *s != '\t' && *s != '\n') {
        if (n + 1 < cap)
            out[n++] = *s;
        s++;
    }
    out[n] = 0;
    if (*s == '\t')
        s++;
    *p = s;
}

/* Analyzes text as an article dated 2021-12-17 (a Friday) and collects its claims. */
static void run(const char *text)
{
    char *doc = malloc(strlen(text) + 32);
    sprintf(doc, " date 2021-12-17 %s\n", text);
    char *buf = NULL;
    size_t len = 0;
    assert_int_equal(nf_analyze_text(eng, "t", "t", doc, strlen(doc), &buf, &len), 0);
    NC = 0;
    for (const char *p = buf; p && p < buf + len && *p;) {
        char f[10][1024];
        const char *q = p;
        for (int i = 0; i < 10; i++)
            field(&q, f[i], sizeof f[i]);
        if (!strcmp(f[3], "claim") && NC < 32) {
            claim *c = &C[NC++];
            snprintf(c->date, sizeof c->date, "%.1000s", f[4]);
            snprintf(c->actor, sizeof c->actor, "%.1000s", f[5]);
            snprintf(c->value, sizeof c->value, "%.1000s", f[6]);
            snprintf(c->unit, sizeof c->unit, "%.1000s", f[7]);
            snprintf(c->mention, sizeof c->mention, "%.1000s", f[8]);
            c->line = atol(f[2]);
        }
        const char *nl = strchr(p, '\n');
        if (!nl)
            break;
        p = nl + 1;
    }
    free(buf);
    free(doc);
}

static void test_said_that_noting(void **st)
{
    (void)st;
    run("Deputy Foreign Minister Sergei Ryabkov said Russia's relations with the U.S. and NATO have "
        "approached a \"dangerous point,\" noting that alliance deployments and drills near Russia "
        "have raised \"unacceptable\" threats to its security.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Sergei Ryabkov");
    assert_string_equal(C[0].unit, "said, noting");
    assert_string_equal(C[0].mention, "said");
    assert_string_equal(C[0].date, "2021-12-17");
    assert_non_null(strstr(C[0].value, "Russia's relations with the U.S. and NATO have approached a dangerous point"));
    assert_non_null(strstr(C[0].value, "alliance deployments"));
    assert_null(strchr(C[0].value, '"'));
}

static void test_pronoun(void **st)
{
    (void)st;
    run("NATO Secretary-General Jens Stoltenberg met ministers in Brussels on Thursday.\n\n"
        "\"There are significant differences between NATO allies and Russia,\" he warned.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Jens Stoltenberg");
    assert_string_equal(C[0].unit, "warned");
    assert_string_equal(C[0].value, "There are significant differences between NATO allies and Russia");
    assert_int_equal(C[0].line, 3);
    /* she: not the man who acted last */
    run("Joe Biden spoke with Karen Donfried on Wednesday. Mr Biden welcomed Ms Donfried in Brussels on Friday. "
        "She said the talks had been useful.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Karen Donfried");
}

static void test_inverted(void **st)
{
    (void)st;
    run("\"We would not like to throw around threats,\" said Kremlin spokesman Dmitry Peskov.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Dmitry Peskov");
    assert_string_equal(C[0].value, "We would not like to throw around threats");
}

static void test_according_to(void **st)
{
    (void)st;
    run("According to US Secretary of State Antony Blinken, the written responses will be delivered soon.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Antony Blinken");
    assert_string_equal(C[0].unit, "according to"); /* the cue in lower case */
    assert_string_equal(C[0].mention, "According to"); /* the words as written */
    assert_string_equal(C[0].value, "the written responses will be delivered soon");
    run("The talks will resume in January, according to Russian officials.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Russia");
    assert_string_equal(C[0].value, "The talks will resume in January");
}

static void test_told_reporters_date(void **st)
{
    (void)st;
    run("Jens Stoltenberg told reporters on Wednesday that the alliance was ready to listen.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].unit, "told reporters");
    assert_string_equal(C[0].date, "2021-12-15");
    assert_string_equal(C[0].value, "the alliance was ready to listen");
}

static void test_date_inside_claim(void **st)
{
    (void)st;
    /* `early next year` belongs to what is claimed: the claim has the article's date */
    run("U.S. intelligence officials say Russia is preparing for a possible invasion early next year.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "United States");
    assert_string_equal(C[0].date, "2021-12-17");
    run("Russia's Foreign Ministry said in a statement last week that Moscow was seeking guarantees.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Russian Foreign Ministry");
    assert_string_equal(C[0].unit, "said in a statement");
    assert_string_equal(C[0].date, "2021-W49");
}

static void test_descriptions(void **st)
{
    (void)st;
    run("Russian officials said the proposal was forwarded on Wednesday.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Russia");
    run("NATO Secretary-General Jens Stoltenberg arrived in Brussels.\n\n"
        "The NATO chief said that NATO is a defense alliance.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Jens Stoltenberg");
    run("NATO met in Brussels. The alliance said it would not accept any veto.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "NATO");
}

static void test_more_shapes(void **st)
{
    (void)st;
    /* a description with its body: the person of that role */
    run("Kremlin spokesman Dmitry Peskov met reporters in Moscow on Tuesday.\n\n"
        "The Kremlin spokesman said the talks had been useful.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Dmitry Peskov");
    /* the date after the occasion of the saying */
    run("Jens Stoltenberg said in an interview with CNN on Sunday that the allies were ready for talks.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].date, "2021-12-12");
    assert_string_equal(C[0].unit, "said in an interview");
    assert_string_equal(C[0].value, "the allies were ready for talks");
    /* a parenthesis between dashes, and a later attribution of the whole */
    run("Gonzalez _ perhaps under pressure from the government _ has indicated he does not want to travel, Perez said.");
    assert_int_equal(NC, 2);
    assert_string_equal(C[0].unit, "indicated");
    assert_string_equal(C[0].value, "he does not want to travel");
    assert_string_equal(C[1].actor, "Perez");
    /* `X said:` and the quote in the next paragraph */
    run("The Justice Department met lawyers for the family in Washington on Thursday to discuss the case.\n\n"
        "Asked to comment on the announcement, a Justice Department spokesman said:\n\n"
        "\"Certainly it changes things, and we will look at what the father decides to do next week.\"");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].value, "Certainly it changes things, and we will look at what the father decides to do next week");
}

static void test_running_quote(void **st)
{
    (void)st;
    /* a quote that opens a paragraph, runs on into the next and closes before its attribution */
    run("NATO Secretary-General Jens Stoltenberg spoke to reporters in Brussels on Friday after the meeting.\n\n"
        "\"Ukraine as a sovereign nation has the right to self-defense. Ukraine is not a threat to Russia.\n\n"
        "\"It is Russia that is the aggressor,\" he said.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Jens Stoltenberg");
    assert_int_equal(C[0].line, 5); /* the ` date` line is line 1 */
    assert_non_null(strstr(C[0].value, "Ukraine is not a threat to Russia"));
    assert_non_null(strstr(C[0].value, "It is Russia that is the aggressor"));
    /* `"C," X said. "C2"`: the quote goes on after the attribution */
    run("\"There will be no talks without our allies,\" Psaki said. \"We will not compromise the key principles.\"");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Jen Psaki");
    assert_string_equal(C[0].value, "There will be no talks without our allies. We will not compromise the key principles");
    /* `"C1," he said, "C2."` */
    run("NATO Secretary-General Jens Stoltenberg spoke in Brussels on Friday after the meeting of ministers.\n\n"
        "\"Russia must choose,\" he said, \"and we are ready for both paths.\"");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].value, "Russia must choose, and we are ready for both paths");
}

static void test_two_speakers(void **st)
{
    (void)st;
    run("Joe Biden said the talks were useful, and Vladimir Putin said they were constructive.");
    assert_int_equal(NC, 2);
    assert_string_equal(C[0].actor, "Joe Biden");
    assert_string_equal(C[0].value, "the talks were useful");
    assert_string_equal(C[1].actor, "Vladimir Putin");
    assert_string_equal(C[1].value, "they were constructive");
    /* the same speaker: `denies ... and accused` is one attribution */
    run("Moscow denies any intention to attack and accused Ukraine of planning an offensive.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Russia");
    assert_string_equal(C[0].unit, "denies, accused");
}

static void test_quoted_as_saying(void **st)
{
    (void)st;
    run("The newspaper quoted Foreign Minister Sergei Lavrov as saying that the talks had failed.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Sergei Lavrov");
    assert_string_equal(C[0].value, "the talks had failed");
}

static void test_not_claims(void **st)
{
    (void)st;
    run("Troops moved into the so-called buffer zone. The earthquake claimed 217 lives. "
        "No group claimed responsibility for the attack. The match was called off.");
    assert_int_equal(NC, 0);
    run("Will Putin say whether he plans to invade?");
    assert_int_equal(NC, 0);
    run("Russia on Friday published draft security demands that NATO deny membership to Ukraine.");
    assert_int_equal(NC, 0);
    run("Putin raised the demand in last week's video call with Joe Biden.");
    assert_int_equal(NC, 0);
}

/* review fix 6: in `C, X said`, a date inside C is the claim's, not the saying's */
static void test_inverted_date(void **st)
{
    (void)st;
    run("Prices will rise in March, the minister said.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].date, "2021-12-17");
    assert_string_equal(C[0].value, "Prices will rise in March");
    run("On Wednesday, the minister said prices would rise.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].date, "2021-12-15");
}

/* review fix 3: a verb inside the claim belongs to the claim, not to the cue */
static void test_verb_inside_claim(void **st)
{
    (void)st;
    run("\"It is too early to say what the outcome will be,\" the minister said.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].unit, "said");
    run("\"My son tells me he does not want to go back,\" said Delfin Gonzalez.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].unit, "said");
    /* the speaker's own act stays: `"I can confirm..."` */
    run("\"I can confirm that an individual was arrested,\" police spokesman Rod Beer said.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].unit, "said, confirm");
}

/* review fix 1: `report`/`reports` as a noun is no cue */
static void test_report_noun(void **st)
{
    (void)st;
    run("The Demos report looked at the impact of broadband. Shell is expected to report 2004 results next week. "
        "Media reports in both countries describe the deal as a major step. "
        "Gordon Brown made an appeal for unity after reports claimed Mr Blair went back on a pledge. "
        "The Bank of England's inflation report was published on Wednesday.");
    for (int k = 0; k < NC; k++) {
        assert_null(strstr(C[k].unit, "report"));
        assert_string_not_equal(C[k].actor, "Gordon Brown");
    }
    /* the verb stays: `state media report`, `they report`, `which Yukos claims was` */
    run("The economy will slow in 2005, state media report.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].unit, "report");
    run("They report a number of worried calls from travellers.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].unit, "report");
    run("The ruling is a blow to efforts to get damages for the sale of Yugansk, which Yukos claims was illegally sold.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Yukos");
}

/* review fix 2: a speaker is never only a determiner, nor ends on one */
static void test_speaker_not_determiner(void **st)
{
    (void)st;
    run("The WHO said 34 attacks on health facilities had been recorded.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "WHO");
    run("Inflation will stay low, according to the Sunday Times.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "the Sunday Times");
    run("\"All the chat in France has been about how France will play,\" said Castaignede ahead of the 12 March tie.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Castaignede");
    run("A weekend report in the Telegraph quoted an unnamed executive at Euronext as saying the group would bid.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "an unnamed executive at Euronext");
    run("A day ahead of the report, Mr Kennedy used a speech to say his party was facing painful realities.");
    for (int k = 0; k < NC; k++)
        assert_string_not_equal(C[k].actor, "a");
}

/* review fix 4: `C, the X said, adding ...` is one row, its speaker X */
static void test_inverted_then_adding(void **st)
{
    (void)st;
    run("The talks failed, the Kremlin said, adding that new sanctions were illegal.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Kremlin");
    assert_string_equal(C[0].unit, "said, adding");
    assert_non_null(strstr(C[0].value, "new sanctions were illegal"));
    run("Israel ordered a million people to move south, the United Nations said on Thursday, warning that such a "
        "movement was impossible.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].unit, "said, warning");
    assert_string_equal(C[0].date, "2021-12-16");
}

/* review fix 5: an agentless passive is a claim only with what was said */
static void test_agentless_passive(void **st)
{
    (void)st;
    run("Shares fell after the share offer was announced. The takeover was announced on Monday.");
    assert_int_equal(NC, 0);
    run("Jack Straw will visit Auschwitz for the anniversary, it has been announced.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "");
    assert_string_equal(C[0].value, "Jack Straw will visit Auschwitz for the anniversary");
    run("It was announced last July that three agencies would be brought under government control.");
    assert_int_equal(NC, 1);
    assert_non_null(strstr(C[0].value, "three agencies would be brought"));
}

/* a closing quote written with a space before it (`months, " he said`) */
static void test_spaced_close_quote(void **st)
{
    (void)st;
    run("Philip Shaw is chief economist at Investec.\n\n"
        "\"The economic landscape has changed quite considerably over the last couple of months, \" he said.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Philip Shaw");
}

/* `X, who ... and who have said C`; an antecedent inside a by-phrase */
static void test_relative_clauses(void **st)
{
    (void)st;
    run("The request was likely to be opposed by the Miami relatives of Elian Gonzalez, who are fighting to keep the "
        "boy and who have said they think his father is being controlled by Havana.");
    assert_int_equal(NC, 1);
    assert_non_null(strstr(C[0].value, "they think his father is being controlled"));
}

/* The word tests read forms lower-cased once per article: an acronym is no function word
 * (`The WHO said`), a curly apostrophe inside a word is kept in the claim, a capitalized
 * `According to` is the cue `according to`. */
static void test_word_forms(void **st)
{
    (void)st;
    run("The WHO said on Friday that cases were rising. He\xE2\x80\x99s told reporters the vaccine "
        "works, and Dr Tedros said the virus \xE2\x80\x9Cwon\xE2\x80\x99t go away\xE2\x80\x9D soon. "
        "According to the U.S. Department of State, talks will resume.");
    assert_int_equal(NC, 3);
    assert_string_equal(C[0].actor, "WHO");
    assert_string_equal(C[0].value, "cases were rising");
    assert_string_equal(C[1].actor, "Tedros");
    assert_string_equal(C[1].value, "the virus won\xE2\x80\x99t go away soon");
    assert_string_equal(C[2].unit, "according to");
    assert_string_equal(C[2].mention, "According to");
    assert_string_equal(C[2].value, "talks will resume");
}

/* A speaker phrase that ends on a subject pronoun is that pronoun, resolved (`Later that week
 * he said`, `a figure she says`). */
static void test_pronoun_after_words(void **st)
{
    (void)st;
    run("Finance Minister Maria Ortiz met bankers in Lisbon. Later that week she said the budget "
        "would be balanced.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Maria Ortiz");
    run("Mr Kowalski has cut spending twice, a record he says no rival can match.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Kowalski");
}

/* `they` and `it` stand for a speaker kept as written: plural people (`the engineers`), a
 * document or body that is no actor (`the survey`). */
static void test_pronoun_written_speaker(void **st)
{
    (void)st;
    run("The engineers said the bridge was safe. They added that repairs would start in May.");
    assert_int_equal(NC, 2);
    assert_string_equal(C[1].actor, "The engineers");
    run("The MPs said the law was wrong. They said it should change.");
    assert_int_equal(NC, 2);
    assert_string_equal(C[1].actor, "The MPs");
    run("The survey said rents rose by a fifth. It also said that wages were flat.");
    assert_int_equal(NC, 2);
    assert_string_equal(C[0].actor, "The survey");
    assert_string_equal(C[1].actor, "The survey");
}

/* `it` and `the company` never stand for a person: a name the actor stage typed a person, with
 * no sign of a person in the article (no given name, title, honorific, shorter form), is the
 * body they stand for; a real person is not. */
static void test_it_bodylike_name(void **st)
{
    (void)st;
    run("Zentrova said sales rose. However, it warned that costs would climb.");
    assert_int_equal(NC, 2);
    assert_string_equal(C[1].actor, "Zentrova");
    run("Peter Hallsworth said sales rose. However, it warned that costs would climb.");
    assert_int_equal(NC, 2);
    assert_string_not_equal(C[1].actor, "Peter Hallsworth");
}

/* A body named after its leader is an organization, named by the leader's surname and the
 * word (`the Marlow administration`), also in a description (`a Marlow administration
 * official`), and `it` stands for it later. */
static void test_led_body(void **st)
{
    (void)st;
    run("President Ellen Marlow met her aides. The Marlow administration said the tariffs would "
        "stay. It added that talks were possible.");
    assert_int_equal(NC, 2);
    assert_string_equal(C[0].actor, "Marlow administration");
    assert_string_equal(C[1].actor, "Marlow administration");
    run("President Ellen Marlow met her aides. A senior Marlow administration official said the "
        "tariffs would stay.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Marlow administration");
}

/* People who speak for themselves (`analysts`, `critics`) are never the body of the claim
 * before them. */
static void test_own_voices(void **st)
{
    (void)st;
    run("The Bank of England said rates would stay at 4%. Analysts said a cut was likely in May.");
    assert_int_equal(NC, 2);
    assert_string_equal(C[1].actor, "Analysts");
}

/* The speaker's own act inside the quote joins the cue: a clitic pronoun (`I'm`, `we've`) is
 * a pronoun, a verb with no subject of its own takes the clause's (`I'm here to tell you`);
 * not a negated one (`I'm not going to say`). */
static void test_own_act_clitics(void **st)
{
    (void)st;
    run("\"Tonight I'm here to tell you that the strike is over,\" said union leader Dara Quill.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].unit, "said, tell");
    run("\"I'm not going to say who will start,\" said coach Dara Quill.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].unit, "said");
    run("\"As we've said before, the plan is safe,\" said Dara Quill.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].unit, "said, said");
}

/* A common noun as speaker is judged by its head, before `of`/`for` (`Lawyers for the firm
 * denied`); a relative clause after a preposition keeps its antecedent (`was answered by
 * nurses who said`). */
static void test_subject_heads(void **st)
{
    (void)st;
    run("Lawyers for the builder denied that the site was unsafe.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "Lawyers for the builder");
    run("The plan was criticised by nurses who said that wards were short of staff.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].actor, "nurses");
    assert_string_equal(C[0].value, "wards were short of staff");
}

/* `he`/`she` with no person named before: the person described who spoke just before (`A
 * spokeswoman for X said... she added`), taking what the description stood for; not across
 * genders. */
static void test_pronoun_after_description(void **st)
{
    (void)st;
    run("A spokeswoman for the Red Cross said the convoy had arrived. \"We expect more trucks,\" "
        "she added.");
    assert_int_equal(NC, 2);
    assert_string_equal(C[1].actor, C[0].actor);
    run("A spokeswoman for the Red Cross said the convoy had arrived. \"We expect more trucks,\" "
        "he added.");
    assert_int_equal(NC, 2);
    assert_string_equal(C[1].actor, "he");
}

/* A second speaker named inside a quote has a row of its own (`"Oskar told me the deal is
 * dead," said X`); not `what Oskar said`, nor a negated or future act. */
static void test_named_inside_quote(void **st)
{
    (void)st;
    run("\"Oskar Lindqvist told me that the deal is dead,\" said agent Mara Collins.");
    assert_int_equal(NC, 2);
    int lind = strcmp(C[0].actor, "Oskar Lindqvist") == 0 ? 0 : 1;
    assert_string_equal(C[lind].actor, "Oskar Lindqvist");
    assert_string_equal(C[lind].value, "the deal is dead");
    assert_string_equal(C[1 - lind].actor, "Mara Collins");
    run("\"We listened to what Oskar Lindqvist said about the deal,\" said agent Mara Collins.");
    assert_int_equal(NC, 1);
    run("\"Oskar Lindqvist will not say that the deal is dead,\" said agent Mara Collins.");
    assert_int_equal(NC, 1);
    run("\"Oskar Lindqvist told me the news,\" said agent Mara Collins.");
    assert_int_equal(NC, 1);
}

/* `says`, `warns` after a common noun are verbs (`The ministry says that...`), `the claims`
 * stay nouns; `tells the story`, `says it all` are no claims; a pronoun or a determiner after
 * a name opens the next phrase (`told the Herald he would`, `according to Zentel the sales`). */
static void test_says_after_noun(void **st)
{
    (void)st;
    run("The ministry says that prices will rise. The union warns that strikes are likely.");
    assert_int_equal(NC, 2);
    assert_string_equal(C[0].unit, "says");
    assert_string_equal(C[1].unit, "warns");
    run("The latest claims were rejected. The film tells the story of a miner. The title says it all.");
    assert_int_equal(NC, 0);
    run("Mayor Ana Ruiz told the Herald she would run again.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].value, "she would run again");
}

/* `the company` stands for the organization that acted or spoke last, not the last named. */
/* The per-article fast paths give the answers of the plain look-ups: the lexicon table (cue
 * forms that cross its 8-byte key words, a word with a cue's first bytes, a word longer than
 * the table's keys), the phrases grouped by first word (`told reporters`, `said in a
 * statement`), a form with a curly apostrophe straightened in place, and the caption test made
 * only for the sentences that hold a cue. */
static void test_fast_paths(void **st)
{
    (void)st;
    run("John Smith acknowledged that the plan had failed. Mary Jones told reporters on Thursday "
        "that prices would rise. The ministry said in a statement that talks would resume. "
        "Analysts\xE2\x80\x99 sayings were ignored. Internationalisations said nothing.\n\n"
        "The company\xE2\x80\x99s chief executive said that profits doubled.\n\n"
        "Protesters are seen outside the court in London, and one said it was unfair (Getty Images)");
    assert_int_equal(NC, 5);
    assert_string_equal(C[0].actor, "John Smith");
    assert_string_equal(C[0].unit, "acknowledged");
    assert_string_equal(C[0].value, "the plan had failed");
    assert_string_equal(C[1].actor, "Mary Jones");
    assert_string_equal(C[1].unit, "told reporters");
    assert_string_equal(C[1].value, "prices would rise");
    assert_string_equal(C[2].unit, "said in a statement");
    assert_string_equal(C[2].value, "talks would resume");
    assert_string_equal(C[3].actor, "Internationalisations");
    assert_string_equal(C[3].unit, "said");
    assert_string_equal(C[4].actor, "The company\xE2\x80\x99s chief executive");
    assert_string_equal(C[4].value, "profits doubled");
}

/* The claim's words with one space for each gap, whatever white space the gap holds (put_text
 * copies runs of words whose gaps are one white-space byte at once). */
static void test_claim_spacing(void **st)
{
    (void)st;
    run("Officials said that the\tnew  tax would\nhelp families across the whole country.\n\n"
        "The minister said \"the  reform is\tlong overdue\" on Monday.");
    assert_int_equal(NC, 2);
    assert_string_equal(C[0].value, "the new tax would help families across the whole country");
    assert_string_equal(C[1].value, "the reform is long overdue on Monday");
}

static void test_the_company(void **st)
{
    (void)st;
    run("Kestrel Corp said sales rose 5%. Its shares were bought by Bravo Bank. The company said "
        "profits would rise.");
    assert_int_equal(NC, 2);
    assert_string_equal(C[1].actor, "Kestrel Corp");
}

/* What is claimed before an attribution that ends the sentence without a comma; nothing
 * when the words before are no claim of the speaker's. */
static void test_bare_before(void **st)
{
    (void)st;
    run("Exports rose by 8% in the third quarter the ministry said.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].value, "Exports rose by 8% in the third quarter");
    run("Consumer confidence rose for the first time since July according to new data.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].value, "Consumer confidence rose for the first time since July");
    /* the speaker's own words after a last comma are no part of it */
    run("Grain output fell sharply last year, the joint report from the two agencies said.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].value, "Grain output fell sharply last year");
    /* a relative clause, a charge denied, a passive: nothing before is claimed */
    run("He could no longer believe anything Mr Blair told him.");
    for (int i = 0; i < NC; i++)
        assert_string_equal(C[i].value, "");
    run("The firm was accused of hiding losses, a charge the company denies.");
    for (int i = 0; i < NC; i++)
        assert_string_equal(C[i].value, "");
    run("The striker protested loudly after the match and was warned by the referee.");
    for (int i = 0; i < NC; i++)
        assert_string_equal(C[i].value, "");
    /* a count of calls is no call: no claim; a year before the verb leaves it one */
    run("The outage left thousands of people without a way to get news or make 911 calls.");
    assert_int_equal(NC, 0);
    run("The 1998 law says all is fine.");
    assert_int_equal(NC, 1);
    assert_string_equal(C[0].value, "all is fine");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_said_that_noting),
        cmocka_unit_test(test_pronoun),
        cmocka_unit_test(test_inverted),
        cmocka_unit_test(test_according_to),
        cmocka_unit_test(test_told_reporters_date),
        cmocka_unit_test(test_date_inside_claim),
        cmocka_unit_test(test_descriptions),
        cmocka_unit_test(test_more_shapes),
        cmocka_unit_test(test_running_quote),
        cmocka_unit_test(test_two_speakers),
        cmocka_unit_test(test_quoted_as_saying),
        cmocka_unit_test(test_not_claims),
        cmocka_unit_test(test_inverted_date),
        cmocka_unit_test(test_verb_inside_claim),
        cmocka_unit_test(test_report_noun),
        cmocka_unit_test(test_speaker_not_determiner),
        cmocka_unit_test(test_inverted_then_adding),
        cmocka_unit_test(test_agentless_passive),
        cmocka_unit_test(test_spaced_close_quote),
        cmocka_unit_test(test_relative_clauses),
        cmocka_unit_test(test_word_forms),
        cmocka_unit_test(test_pronoun_after_words),
        cmocka_unit_test(test_pronoun_written_speaker),
        cmocka_unit_test(test_it_bodylike_name),
        cmocka_unit_test(test_led_body),
        cmocka_unit_test(test_own_voices),
        cmocka_unit_test(test_own_act_clitics),
        cmocka_unit_test(test_subject_heads),
        cmocka_unit_test(test_pronoun_after_description),
        cmocka_unit_test(test_named_inside_quote),
        cmocka_unit_test(test_says_after_noun),
        cmocka_unit_test(test_the_company),
        cmocka_unit_test(test_claim_spacing),
        cmocka_unit_test(test_bare_before),
        cmocka_unit_test(test_fast_paths),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

package io.nudge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.nudge.testing.TestRuleBook;

class RuleCompilerTest {

    private static final String HEADER = """
            package nudge;

            import io.nudge.vocabulary.*;
            import function io.nudge.vocabulary.Candidate.discount;

            """;

    private final RuleCompiler compiler = new RuleCompiler();

    private static RuleSources sources(Map<String, String> drl) {
        return new RuleSources(new TreeMap<>(drl), new TreeMap<>());
    }

    @Test
    void shouldNotMistakeACommentedOutRuleOrALookedUpSkuForAMistake() {
        var compilation = compiler.compile(sources(Map.of("promotions.drl", """
                package nudge;

                import io.nudge.vocabulary.*;
                import function io.nudge.vocabulary.Candidate.crossSell;

                global io.nudge.vocabulary.Catalog catalog;

                /* The old promotion, kept for reference:
                rule "Spend more, save 10% (old)"
                when
                    $threshold : Threshold() from Threshold.of( $cart, "75.00" )
                then
                    insert( discount( $threshold, "Spend {amount} more" ) );
                end */

                rule "A mug in the size of the first line"
                    @description("ok")
                when
                    $item : LineItem()
                    $mug : Product() from catalog.product( "MUG-" + $item.sku )
                then
                    insert( crossSell( catalog.product( "MUG-" + $item.sku() ), "Take a mug along" ) );
                end
                """)));
        assertThat(compilation.errors()).isEmpty();
        assertThat(DrlLint.messages("promotions.drl", compilation.book() == null ? "" : """
                then
                    insert( crossSell( catalog.product( "MUG-" + $item.sku() ), "Take a mug along" ) );
                end
                """)).extracting(DrlLint.Message::text).containsExactly("Take a mug along");
    }

    @Test
    void shouldCompileARuleBookWithoutErrorsOrWarnings() {
        var compilation = compiler.compile(RuleSources.fromFolder(TestRuleBook.FOLDER));
        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.warnings()).isEmpty();
        assertThat(compilation.book().rules()).hasSize(7);
    }

    @Test
    void shouldReportEveryErrorWithFileLineColumnAndRule() {
        var compilation = compiler.compile(sources(Map.of(
                "promotions.drl", HEADER + """
                        rule "Ten percent off"
                            @description("ok")
                        when
                            $cart : Cart( subtotl >= 60.00 )
                        then
                        end

                        rule "Members' gift"
                            @description("ok")
                        when
                            Shopper( segmnts contains "member" )
                        then
                        end
                        """,
                "shipping.drl", HEADER + """
                        rule "Free shipping"
                            @description("ok")
                        when
                            $cart : Cart( subtotal > )
                        then
                        end
                        """)));
        assertThat(compilation.compiled()).isFalse();
        assertThat(compilation.errors()).containsExactlyInAnyOrder(
                new RuleProblem("promotions.drl", 9, 5, "Ten percent off", "Cart has no property \"subtotl\""),
                new RuleProblem("promotions.drl", 16, 5, "Members' gift", "Shopper has no property \"segmnts\""),
                new RuleProblem("shipping.drl", 9, 30, "Free shipping", "\")\" is not expected here: check this line against the rules around it"));
    }

    @Test
    void shouldWarnOfARuleWithoutDescription() {
        var compilation = compiler.compile(sources(Map.of("promotions.drl", HEADER + """
                rule "Ten percent off"
                when
                    $cart : Cart( subtotal >= 60.00 )
                then
                end
                """)));
        assertThat(compilation.compiled()).isTrue();
        assertThat(compilation.warnings()).containsExactly(new RuleProblem("promotions.drl", 6, 1, "Ten percent off",
                "has no @description(\"...\") saying what it does"));
    }

    @Test
    void shouldWarnAtItsLineOfARuleThatPicksProductsOfALookUpByConditionsAndNotOfOneThatNarrowsTheLookUp() {
        var compilation = compiler.compile(sources(Map.of("cross-sell.drl", """
                package nudge;

                import java.util.List;
                import io.nudge.vocabulary.*;
                import function io.nudge.vocabulary.Candidate.crossSell;

                global io.nudge.vocabulary.Catalog catalog;

                rule "Weights for a reel, picked one by one"
                    @description("ok")
                when
                    $item : LineItem( category == "fishing/reels" )
                    $tag : String() from $item.tags
                    $offer : List( size > 0 ) from collect( Product( tags contains $tag, availableIn( "M" ) ) from catalog.inCategory( "fishing/terminal-tackle" ) )
                then
                    insert( crossSell( $offer, "Grab weights" ) );
                end

                rule "Weights for a reel, narrowed in the look-up"
                    @description("ok")
                when
                    $item : LineItem( category == "fishing/reels" )
                    $tag : String() from $item.tags
                    $offer : List( size > 0 ) from collect( Product() from catalog.inCategory( "fishing/terminal-tackle" ).tagged( $tag ).inSize( "M" ) )
                    $pair : Product( sku != "X" )   from catalog.boughtWith( $item.sku )
                    $gift : Product( available ) from catalog.product( "GIFT" )
                then
                    insert( crossSell( $offer, "Grab weights" ) );
                end
                """)));

        assertThat(compilation.compiled()).isTrue();
        assertThat(compilation.warnings()).extracting(RuleProblem::line, RuleProblem::column, RuleProblem::rule).containsExactly(
                tuple(14, 45, "Weights for a reel, picked one by one"),
                tuple(25, 13, "Weights for a reel, narrowed in the look-up"));
        assertThat(compilation.warnings().get(0).message()).isEqualTo("picks products of catalog.inCategory( ... ) by their own"
                + " conditions, but a look-up offers only its first 24 products in stock, so this rule misses the rest: narrow the"
                + " look-up instead, as in Product() from catalog.inCategory( \"...\" ).tagged( $tag ), .inSize( ... ) or .inAnyColorOf( ... )");
        assertThat(compilation.warnings().get(1).message()).startsWith("picks products of catalog.boughtWith( ... )");
    }

    @Test
    void shouldRefuseTwoRulesWithOneName() {
        String rule = """
                rule "Same"
                    @description("ok")
                when
                    Cart()
                then
                end
                """;
        var compilation = compiler.compile(sources(Map.of("a.drl", HEADER + rule, "b.drl", HEADER + rule)));
        assertThat(compilation.errors()).extracting(RuleProblem::toString).containsExactly("b.drl:6:1 rule \"Same\": another rule has this name, in a.drl");
    }

    @Test
    void shouldRefuseAReplacementOfARuleThatDoesNotExist() {
        var compilation = compiler.compile(sources(Map.of("sale.drl", HEADER + """
                rule "Sale"
                    @description("ok")
                    @replaces("Free shiping")
                when
                    Cart()
                then
                end
                """)));
        assertThat(compilation.errors()).extracting(RuleProblem::message)
                .containsExactly("@replaces(\"Free shiping\") names no rule and no group");
    }

    @Test
    void shouldFindTheRuleThatCrashesTheBuildInsteadOfCrashingWithIt() {
        var compilation = compiler.compile(sources(Map.of("promotions.drl", HEADER + """
                rule "Fine"
                    @description("ok")
                when
                    Cart( subtotal >= 60.00 )
                then
                end

                rule "Ten percent off"
                    @description("ok")
                when
                    Cart( subtotal >= "sixty" )
                then
                end
                """)));
        assertThat(compilation.compiled()).isFalse();
        assertThat(compilation.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("promotions.drl");
            assertThat(error.line()).as("the line of the comparison").isEqualTo(16);
            assertThat(error.rule()).isEqualTo("Ten percent off");
            assertThat(error.message()).isEqualTo("subtotal is compared with the text \"sixty\": if subtotal is a number or an amount,"
                    + " write a number without quotes");
        });
    }

    @Test
    void shouldRefuseRulesThatReplaceEachOther() {
        var compilation = compiler.compile(sources(Map.of("shipping.drl", HEADER + """
                rule "Standard"
                    @description("ok")
                    @replaces("Express")
                when
                    Cart()
                then
                end

                rule "Express"
                    @description("ok")
                    @replaces("Standard")
                when
                    Cart()
                then
                end
                """)));
        assertThat(compilation.compiled()).isFalse();
        assertThat(compilation.errors()).extracting(RuleProblem::rule, RuleProblem::message).containsExactlyInAnyOrder(
                tuple("Standard", "@replaces goes round in a circle, so each of these rules would silence the other:"
                        + " Standard replaces Express replaces Standard"),
                tuple("Express", "@replaces goes round in a circle, so each of these rules would silence the other:"
                        + " Express replaces Standard replaces Express"));
    }

    @Test
    void shouldRefuseAFileWithoutRules() {
        assertThat(compiler.compile(sources(Map.of("empty.drl", HEADER))).errors()).extracting(RuleProblem::message)
                .containsExactly("no rule in any .drl file or decision table");
    }

    @Test
    void shouldLocateAnUnreadableCampaignDate() {
        var compilation = compiler.compile(sources(Map.of("sale.drl", HEADER + """
                rule "Sale"
                    @description("ok")
                    @effective("first of July")
                when
                    Cart()
                then
                end
                """)));
        assertThat(compilation.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("sale.drl");
            assertThat(error.line()).as("the line of the annotation").isEqualTo(8);
            assertThat(error.rule()).isEqualTo("Sale");
            assertThat(error.message()).isEqualTo("@effective(\"first of July\") is neither a date such as 2027-07-31"
                    + " nor a moment such as 2027-07-31T18:00Z");
        });
    }

    @Test
    void shouldRefuseAnAmountFinerThanItsCurrencysMinorUnit() {
        var compilation = compiler.compile(sources(Map.of("shipping.drl", HEADER + """
                rule "Free shipping"
                    @description("ok")
                when
                    $cart : Cart()
                    $threshold : Threshold() from Threshold.of( $cart, "USD 35.001", "JPY 1500.5", "EUR 40.000", "KWD 12.500" )
                then
                    insert( Candidate.freeShipping( $threshold, "Add {remaining} more for free shipping" ) );
                end
                """)));
        assertThat(compilation.errors()).extracting(RuleProblem::message).containsExactly(
                "\"USD 35.001\" is not an amount: write a currency in use and a number with a decimal point, with no more decimals than"
                        + " the currency has, such as \"USD 35.00\" or \"JPY 5000\"",
                "\"JPY 1500.5\" is not an amount: write a currency in use and a number with a decimal point, with no more decimals than"
                        + " the currency has, such as \"USD 35.00\" or \"JPY 5000\"");
    }

    @Test
    void shouldTakeARulesNamedMessageForAMessageOfItsOwnThatMayGreetByName() {
        assertThat(DrlLint.messages("shipping.drl", """
                rule "Free shipping"
                    @named("{firstName}, add {remaining} more for free shipping")
                when
                then
                end
                """)).singleElement().satisfies(message -> {
                    assertThat(message.text()).isEqualTo("{firstName}, add {remaining} more for free shipping");
                    assertThat(message.forNamedShopper()).isTrue();
                    assertThat(message.rule()).isEqualTo("Free shipping");
                    assertThat(message.line()).isEqualTo(2);
                });
    }
}

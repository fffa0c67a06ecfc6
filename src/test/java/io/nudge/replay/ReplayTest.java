package io.nudge.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nudge.testing.ScratchRules;
import io.nudge.testing.TestRuleBook;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code ./check-rules DRAFT --against LIVE --replay FILE}: known carts through the test rule book and a draft
 * that moves its USD free-shipping threshold from 35.00 to 40.00.
 */
@QuarkusTest
class ReplayTest {

    static final Path DRAFT = ScratchRules.folder("replay-draft");
    static final Path CARTS = Path.of("src/test/resources/replay/carts.jsonl");
    static final String AT = "2026-03-02T10:00:00Z";

    @Inject
    CheckRulesCommand command;
    @Inject
    ObjectMapper json;

    /** What the command printed and returned. */
    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void draftWithAHigherThreshold() {
        ScratchRules.reset(DRAFT);
        ScratchRules.edit(DRAFT, "shipping.drl", "\"USD 35.00\"", "\"USD 40.00\"");
    }

    @Test
    void shouldCountTheCartsAndRulesADraftChanges() throws IOException {
        Run run = run(DRAFT.toString(), "--against", TestRuleBook.FOLDER.toString(), "--replay", CARTS.toString(), "--at", AT, "--json");

        // The draft fails the test book's scenario of a cart 5.00 from free shipping: refused, but replayed all the same.
        assertThat(run.exit()).isEqualTo(1);
        JsonNode report = json.readTree(run.out());
        assertThat(report.at("/check/passed").asBoolean()).isFalse();
        JsonNode replay = report.get("replay");
        assertThat(replay.get("liveVersion").asText()).isNotEqualTo(replay.get("draftVersion").asText());
        assertThat(replay.get("cartsWithoutTimeAt").asText()).isEqualTo(AT);
        // The recorded decision has a time of its own; the 7 bodies that were read say none.
        assertThat(replay.get("cartsWithoutTime").asInt()).isEqualTo(7);
        // 10 carts: 8 replayed, 2 the service would refuse; an outcome and a decision without its cart are no carts.
        assertThat(replay.get("carts").asInt()).isEqualTo(10);
        assertThat(replay.get("replayed").asInt()).isEqualTo(8);
        assertThat(replay.get("skipped").asInt()).isEqualTo(2);
        assertThat(replay.get("notCarts").asInt()).isEqualTo(2);
        // Under 35.00 the amount to go changes; from 35.00 to 39.99 (the recorded decision's 37.00 too) the nudge is new.
        // 40.00, 50.00 and the EUR cart stay as they were.
        assertThat(replay.get("changed").asInt()).isEqualTo(5);
        assertThat(replay.get("changedShare").asDouble()).isEqualTo(0.625);
        assertThat(count(replay, "rules", "Free shipping from 35")).containsExactly(3, 6, 3, 6);
        assertThat(count(replay, "rules", "Next-day shipping near the usual order")).containsExactly(0, 0, 0, 0);
        assertThat(count(replay, "types", "FREE_SHIPPING")).containsExactly(3, 6, 3, 6);
        assertThat(replay.get("faultsBefore").asInt()).isZero();
        assertThat(replay.get("faultsAfter").asInt()).isZero();

        JsonNode first = replay.at("/changedCarts/0");
        assertThat(first.get("where").asText()).isEqualTo("carts.jsonl:1");
        assertThat(first.at("/before/0/message").asText()).isEqualTo("Add $25.00 more for free shipping");
        assertThat(first.at("/after/0/message").asText()).isEqualTo("Add $30.00 more for free shipping");
        JsonNode newNudge = replay.at("/changedCarts/2");
        assertThat(newNudge.get("where").asText()).isEqualTo("carts.jsonl:3");
        assertThat(newNudge.get("before")).isEmpty();
        assertThat(newNudge.at("/after/0/amountRemaining").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(replay.at("/changedCarts/4/where").asText()).isEqualTo("carts.jsonl:13");

        assertThat(replay.at("/skippedCarts/0/where").asText()).isEqualTo("carts.jsonl:8");
        assertThat(replay.at("/skippedCarts/0/why").asText()).isEqualTo("cart.items[0].quantity must be a whole number from 1 to 1000000");
        assertThat(replay.at("/skippedCarts/1/why").asText()).isEqualTo("cart.items[0].price must be a number");
    }

    @Test
    void shouldPrintTheReplayForAMerchandiser() {
        Run run = run(DRAFT.toString(), "--against", TestRuleBook.FOLDER.toString(), "--replay", CARTS.toString(), "--at", AT, "--show", "1");

        assertThat(run.out())
                .contains("FAIL    scenarios/test-book.yaml: A serum at 30.00 is 5.00 from free shipping")
                .contains("Replay: 10 carts through the draft")
                .contains("7 carts say no time: they are decided at " + AT)
                .contains("2 carts skipped: the service would refuse them")
                .contains("carts.jsonl:8: cart.items[0].quantity must be a whole number from 1 to 1000000")
                .doesNotContain("carts.jsonl:9:")
                .contains("5 of 8 carts replayed change: 62.5%")
                .containsPattern("Free shipping from 35 +3 +6 +3 +6   changed")
                .contains("Rules that fire in no cart, before or after: A mug for the road, Complete the line, Next-day shipping")
                .contains("carts.jsonl:1: USD 10.00, 1 line")
                .contains("before: FREE_SHIPPING from \"Free shipping from 35\": \"Add $25.00 more for free shipping\"")
                .contains("after:  FREE_SHIPPING from \"Free shipping from 35\": \"Add $30.00 more for free shipping\"");
    }

    @Test
    void shouldFindNothingChangedWhenTheDraftIsTheLiveRules() {
        Run run = run(TestRuleBook.FOLDER.toString(), "--against", TestRuleBook.FOLDER.toString(), "--replay", CARTS.toString(), "--at", AT);

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("0 of 8 carts replayed change: 0.0%").doesNotContain("   changed");
    }

    @Test
    void shouldReplayAFolderOfEventFilesOldestFirst() throws IOException {
        Path events = Files.createDirectories(ScratchRules.folder("replay-events"));
        List<String> lines = Files.readAllLines(CARTS);
        Files.write(events.resolve("events.jsonl"), lines.subList(0, 1));
        Files.write(events.resolve("events.jsonl.1"), lines.subList(2, 3));
        Files.write(events.resolve("events.jsonl.99999999999"), List.of());
        Files.writeString(events.resolve("notes.txt"), "not read");

        JsonNode replay = json.readTree(run(DRAFT.toString(), "--against", TestRuleBook.FOLDER.toString(), "--replay", events.toString(),
                "--at", AT, "--json").out()).get("replay");

        assertThat(replay.get("carts").asInt()).isEqualTo(2);
        assertThat(replay.at("/changedCarts/0/where").asText()).isEqualTo("events.jsonl.1:1");
        assertThat(replay.at("/changedCarts/1/where").asText()).isEqualTo("events.jsonl:1");
    }

    @Test
    void shouldSkipLinesTheServiceWouldRefuseWithoutStopping() throws IOException {
        Path odd = ScratchRules.folder("replay-odd").resolve("odd.jsonl");
        Files.createDirectories(odd.getParent());
        String cart = Files.readAllLines(CARTS).get(0);
        try (var out = Files.newOutputStream(odd)) {
            out.write("[1, 2]\n\"a cart\"\n".getBytes(StandardCharsets.UTF_8));
            // A line cut short in the middle of a character, as a crash leaves it.
            out.write(new byte[] { '{', '"', 'c', 'a', (byte) 0xC3, '\n' });
            // Read as the service reads it, to the last digit: more decimals than the limit allows.
            out.write(cart.replace("10.00", "10.000000000000000001").concat("\n").getBytes(StandardCharsets.UTF_8));
            out.write((cart + "\n").getBytes(StandardCharsets.UTF_8));
        }

        JsonNode replay = json.readTree(run(DRAFT.toString(), "--against", TestRuleBook.FOLDER.toString(), "--replay", odd.toString(),
                "--at", AT, "--json").out()).get("replay");

        assertThat(replay.get("carts").asInt()).isEqualTo(5);
        assertThat(replay.get("replayed").asInt()).isEqualTo(1);
        assertThat(replay.get("changed").asInt()).isEqualTo(1);
        assertThat(replay.get("skippedCarts").findValuesAsText("why")).containsExactly(
                "is not a JSON object: each line is a request body or an event",
                "is not a JSON object: each line is a request body or an event",
                "body is not valid JSON at line 1, column 6: Unexpected end-of-input in field name",
                "cart.items[0].price must be a number from 0 to 1000000000 with at most 10 decimal places");
    }

    @Test
    void shouldSayWhenTheDraftIsTheRulesItIsComparedWith() {
        Run run = run(TestRuleBook.FOLDER.toString(), "--replay", CARTS.toString(), "--at", AT);

        assertThat(run.err()).contains("NOTE: the draft is the rules built into Nudge (version ").contains("so nothing can change");
        assertThat(run.out()).contains("0 of 8 carts replayed change");
    }

    @Test
    void shouldNotReplayADraftThatCannotBeBuilt() {
        ScratchRules.edit(DRAFT, "shipping.drl", "Cart( subtotal > 0 )", "Cart( subtotl > 0 )");

        Run run = run(DRAFT.toString(), "--against", TestRuleBook.FOLDER.toString(), "--replay", CARTS.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("REFUSED").doesNotContain("Replay:");
        assertThat(run.err()).contains("No replay: the draft cannot be built until its errors are fixed");
        // The draft's errors come first: carts that could not be read are no news until it builds.
        Run unreadable = run(DRAFT.toString(), "--replay", "no/such/carts.jsonl");
        assertThat(unreadable.exit()).isEqualTo(1);
        assertThat(unreadable.out()).contains("ERROR   shipping.drl");
    }

    @Test
    void shouldSayWhatIsWrongWithTheArguments() throws IOException {
        assertThat(run(DRAFT.toString(), "--replay", "no/such/carts.jsonl")).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("Cannot read the carts: no/such/carts.jsonl");
        });
        assertThat(run(DRAFT.toString(), "--against", TestRuleBook.FOLDER.toString())).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("--against compares a replay: give --replay FILE too").contains("Usage: ./check-rules");
        });
        assertThat(run("--replay", CARTS.toString(), "--at", "yesterday").err()).contains("--at must be a time such as 2026-11-30T10:00:00Z");
        Path empty = Files.createDirectories(ScratchRules.folder("replay-empty"));
        assertThat(run(DRAFT.toString(), "--replay", empty.toString())).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("Cannot read the carts: " + empty + ": the folder holds no *.jsonl file");
        });
        assertThat(run("--help")).satisfies(run -> {
            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("--replay FILE");
        });
    }

    private static List<Integer> count(JsonNode replay, String list, String name) {
        for (JsonNode count : replay.get(list)) {
            if (count.get("name").asText().equals(name)) {
                return List.of(count.get("firedBefore").asInt(), count.get("firedAfter").asInt(), count.get("shownBefore").asInt(),
                        count.get("shownAfter").asInt());
            }
        }
        throw new AssertionError(name + " is not in " + list + ": " + replay.get(list));
    }
}

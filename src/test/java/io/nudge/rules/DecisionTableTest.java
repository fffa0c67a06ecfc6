package io.nudge.rules;

import static io.nudge.rules.RuleCheckTest.printed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.nudge.decision.RuleInfo;
import io.nudge.testing.DecisionTables;
import io.nudge.testing.ScratchRules;
import io.quarkus.test.junit.QuarkusTest;

/** Spreadsheet decision tables (*.drl.xlsx) through the check that ./check-rules and every reload run. */
@QuarkusTest
class DecisionTableTest {

    static final Path FOLDER = ScratchRules.folder("tables");
    private static final String TABLE = "spend.drl.xlsx";
    private static final byte[] SPEND_GOALS = DecisionTables.workbook("Spend goals", DecisionTables.SPEND_GOALS);
    private static final String SCENARIO = """
            - name: Fifty dollars is ten from five percent off
              cart:
                currency: USD
                items: [{sku: SER-1, quantity: 1, price: 50.00}]
              context: {at: "2026-03-02T10:00:00Z"}
              expect:
                - type: DISCOUNT
                  rule: "Spend USD 60, save 5%"
                  amountRemaining: 10.00
                  messageContains: Spend $10.00 more and save 5%
            - name: Fifty euros is ten from five percent off
              cart:
                currency: EUR
                items: [{sku: SER-1, quantity: 1, price: 50.00}]
              context: {at: "2026-03-02T10:00:00Z"}
              expect:
                - type: DISCOUNT
                  rule: "Spend EUR 60, save 5%"
            """;

    @Inject
    RuleCheck check;

    @BeforeEach
    void startFromTheTestRulesAndATable() {
        ScratchRules.reset(FOLDER);
        DecisionTables.write(FOLDER, TABLE, SPEND_GOALS);
        ScratchRules.write(FOLDER, "scenarios/spend.yaml", SCENARIO);
    }

    @Test
    void shouldMakeEachRowARuleWithItsFileSheetAndRow() {
        CheckReport report = check.check(FOLDER);

        assertThat(printed(report)).contains("9 rules, 0 errors, 0 warnings; 7 scenarios, 7 passed, 0 failed");
        assertThat(report.book().rules()).filteredOn(rule -> TABLE.equals(rule.file()))
                .extracting(RuleInfo::name, RuleInfo::sheet, RuleInfo::row, RuleInfo::description)
                .containsExactly(
                        tuple("Spend USD 60, save 5%", "Spend goals", 10, "A cart within 20% of USD 60.00 is told what is left to save 5%."),
                        tuple("Spend EUR 60, save 5%", "Spend goals", 11, "A cart within 20% of EUR 60.00 is told what is left to save 5%."));
    }

    @Test
    void shouldShowTheScenarioThatAChangedCellBreaks() {
        String before = check.check(FOLDER).version();
        DecisionTables.write(FOLDER, TABLE, DecisionTables.withCell(SPEND_GOALS, "D10", "USD 70.00"));

        CheckReport report = check.check(FOLDER);

        assertThat(report.version()).isNotEqualTo(before);
        assertThat(printed(report)).contains("FAIL    scenarios/spend.yaml: Fifty dollars is ten from five percent off")
                .contains("REFUSED");
    }

    @Test
    void shouldNameTheSheetAndCellOfAMistakeInARow() {
        DecisionTables.write(FOLDER, TABLE, DecisionTables.withCell(SPEND_GOALS, "D11", "EUR 60,00"));

        CheckReport report = check.check(FOLDER);

        assertThat(report.errors()).extracting(RuleProblem::file, RuleProblem::sheet, RuleProblem::cell, RuleProblem::line, RuleProblem::rule)
                .containsExactly(tuple(TABLE, "Spend goals", "D11", 11, "Spend EUR 60, save 5%"));
        assertThat(printed(report)).contains("ERROR   spend.drl.xlsx, sheet \"Spend goals\", cell D11 rule \"Spend EUR 60, save 5%\":")
                .contains("\"EUR 60,00\"");
    }

    @Test
    void shouldNameTheCellOfAConditionThatDoesNotCompile() {
        DecisionTables.write(FOLDER, TABLE, DecisionTables.withCell(SPEND_GOALS, "D8",
                "$cart : Cart()\n$threshold : Threshold( remaning > 0 ) from Threshold.of( $cart, \"$param\" )"));

        CheckReport report = check.check(FOLDER);

        assertThat(report.passed()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo(TABLE);
            assertThat(error.sheet()).isEqualTo("Spend goals");
            assertThat(error.cell()).as("the snippet's own cell").isEqualTo("D8");
        });
        assertThat(printed(report)).doesNotContain("Exception").doesNotContain("Rule_");
    }

    @Test
    void shouldWarnOfARowWithoutADescriptionAtItsName() {
        DecisionTables.write(FOLDER, TABLE, DecisionTables.withCell(SPEND_GOALS, "C11", ""));

        CheckReport report = check.check(FOLDER);

        assertThat(report.passed()).isTrue();
        assertThat(report.warnings()).extracting(RuleProblem::file, RuleProblem::cell, RuleProblem::message)
                .containsExactly(tuple(TABLE, "B11", "has no description saying what it does: give the table a METADATA column description(\"$param\")"));
    }

    @Test
    void shouldRefuseAnAnnotationNudgeDoesNotRead() {
        DecisionTables.write(FOLDER, TABLE, DecisionTables.withCell(SPEND_GOALS, "C8", "comment(\"$param\")"));

        assertThat(check.check(FOLDER).errors()).extracting(RuleProblem::cell, RuleProblem::message)
                .as("the snippet's mistake, once at its cell").containsExactly(tuple("C8", "@comment is not an annotation Nudge reads; those it"
                        + " reads are @description, @effective, @expires, @group, @holdout, @limit, @named, @priority, @replaces"));
    }

    @Test
    void shouldRefuseAFileThatIsNoSpreadsheetNamingIt() {
        ScratchRules.write(FOLDER, TABLE, "Rule,Spend goal\nSpend USD 60,USD 60.00\n");

        CheckReport report = check.check(FOLDER);

        assertThat(report.passed()).isFalse();
        assertThat(report.errors()).extracting(RuleProblem::file, RuleProblem::message)
                .containsExactly(tuple(TABLE, "cannot be read as a spreadsheet: save it as an Excel workbook (.xlsx)"));
    }

    @Test
    void shouldRefuseASpreadsheetThatUnpacksToFarMoreThanItsSizeWithoutRunningOutOfMemory() throws Exception {
        // A zip bomb: 300 MB of one character in a file of a few hundred KB, where a sheet would be.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 300; i++) {
                zip.write(spaces);
            }
        }
        DecisionTables.write(FOLDER, TABLE, bomb.toByteArray());

        CheckReport report = check.check(FOLDER);

        assertThat(report.passed()).isFalse();
        assertThat(report.errors()).extracting(RuleProblem::file, RuleProblem::message)
                .containsExactly(tuple(TABLE, "unpacks to far more than a table holds, as a damaged or crafted file does: save it again"
                        + " as an Excel workbook (.xlsx)"));
    }

    @Test
    void shouldRefuseAMisspeltRuleTableThatDroolsWouldSilentlySkip() {
        DecisionTables.write(FOLDER, TABLE, DecisionTables.withCell(SPEND_GOALS, "B5", "Rule Table Spend goals"));

        assertThat(check.check(FOLDER).errors()).extracting(RuleProblem::file, RuleProblem::sheet, RuleProblem::cell, RuleProblem::message)
                .containsExactly(tuple(TABLE, "Spend goals", "B5", "\"Rule Table Spend goals\" is not read as the start of a table, so its"
                        + " rows would be left out: write RuleTable, in one word, then the table's name"));
    }

    @ParameterizedTest
    @CsvSource({"D6, CONDITON, CONDITION", "E6, ACTON, ACTION", "C6, METADATE, METADATA", "E6, Actions, ACTION"})
    void shouldRefuseAMisspeltColumnKeywordThatDroolsWouldReadByItsFirstLetter(String cell, String typed, String meant) {
        DecisionTables.write(FOLDER, TABLE, DecisionTables.withCell(SPEND_GOALS, cell, typed));

        assertThat(check.check(FOLDER).errors()).extracting(RuleProblem::file, RuleProblem::sheet, RuleProblem::cell, RuleProblem::message)
                .containsExactly(tuple(TABLE, "Spend goals", cell, "\"" + typed + "\" is not a column keyword: did you mean " + meant
                        + "? (the keywords are NAME, DESCRIPTION, METADATA, CONDITION, ACTION, PRIORITY, SALIENCE, DURATION, TIMER,"
                        + " ENABLED, CALENDARS, NO-LOOP, LOCK-ON-ACTIVE, AUTO-FOCUS, ACTIVATION-GROUP, AGENDA-GROUP, RULEFLOW-GROUP,"
                        + " DATE-EFFECTIVE, DATE-EXPIRES)"));
    }

    @Test
    void shouldReadAColumnKeywordInAnyCaseWithOrWithoutItsHyphens() {
        DecisionTables.write(FOLDER, TABLE, DecisionTables.withCell(DecisionTables.withCell(SPEND_GOALS, "D6", "Condition"), "E6", "action"));

        assertThat(check.check(FOLDER).errors()).isEmpty();
    }

    @Test
    void shouldReadADateTypedAsASpreadsheetDateAsTheGuideWritesIt() {
        // "What it does" of the first row typed as a date: Drools alone would read the day's serial number, 46600.
        DecisionTables.write(FOLDER, TABLE, DecisionTables.withDateCell(SPEND_GOALS, "C10", LocalDate.of(2027, 8, 1)));

        CheckReport report = check.check(FOLDER);

        assertThat(report.errors()).isEmpty();
        assertThat(report.book().rule("Spend USD 60, save 5%").description()).isEqualTo("2027-08-01");
    }

    @Test
    void shouldGiveTheBuildsCopyOfATableItsDatesAsText() throws Exception {
        Path classes = Files.createTempDirectory("tables-classes");
        Path compiled = Files.createTempDirectory("tables-compiled");
        byte[] dated = DecisionTables.withDateCell(SPEND_GOALS, "C10", LocalDate.of(2027, 8, 1));
        DecisionTables.write(classes, TABLE, dated);
        DecisionTables.write(compiled, TABLE, dated);

        DecisionTable.main(new String[] {classes.toString(), compiled.toString()});

        assertThat(Files.readAllBytes(classes.resolve(TABLE))).as("the classpath copy keeps its bytes, and so its version").isEqualTo(dated);
        assertThat(DecisionTable.read(TABLE, Files.readAllBytes(compiled.resolve(TABLE))).drl()).contains("@description(\"2027-08-01\")");
        assertThat(DecisionTable.datesAsText(Files.readAllBytes(compiled.resolve(TABLE)))).as("no date left").isEmpty();
    }

    @Test
    void shouldTellAMistakeInASnippetOnceAtTheSnippetsCellAndOneInAValueAtItsCell() {
        String snippet = DecisionTables.SPEND_GOALS[6][2];
        DecisionTables.write(FOLDER, TABLE, DecisionTables.withCell(DecisionTables.withCell(SPEND_GOALS, "D8",
                snippet.replace("remaining > 0", "remaning > 0")), "D11", "EUR 60,00"));

        assertThat(check.check(FOLDER).errors()).extracting(RuleProblem::cell, RuleProblem::rule, RuleProblem::message)
                .containsExactlyInAnyOrder(tuple("D8", null, "Threshold has no property \"remaning\""), tuple("D11", "Spend EUR 60, save 5%",
                        "\"EUR 60,00\" is not an amount: write a currency in use and a number with a decimal point, with no more decimals"
                                + " than the currency has, such as \"USD 35.00\" or \"JPY 5000\""));
    }

    @Test
    void shouldRefuseARowThatSetsNothing() {
        DecisionTables.write(FOLDER, TABLE, DecisionTables.workbook("Spend goals", Arrays.copyOf(DecisionTables.SPEND_GOALS, 8)));

        assertThat(check.check(FOLDER).errors()).extracting(RuleProblem::file, RuleProblem::cell, RuleProblem::message)
                .containsExactly(tuple(TABLE, "B10", "row 10 sets no condition and no action: fill it in, or delete it (an empty row ends a table)"));
    }

    @Test
    void shouldRefuseATableOnASecondSheetThatDroolsWouldNotRead() {
        DecisionTables.write(FOLDER, TABLE, DecisionTables.withSheet(SPEND_GOALS, "More goals", new String[] {"RuleTable More goals"}));

        assertThat(check.check(FOLDER).errors()).extracting(RuleProblem::file, RuleProblem::sheet, RuleProblem::cell, RuleProblem::message)
                .containsExactly(tuple(TABLE, "More goals", "B2", "only the first sheet of a table file is read, so this table would be left out:"
                        + " move it to the first sheet or to a file of its own"));
    }

    @Test
    void shouldNameTheCellOfATableLaidOutWrongly() {
        DecisionTables.write(FOLDER, TABLE, DecisionTables.withCell(SPEND_GOALS, "E8", ""));

        assertThat(check.check(FOLDER).errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo(TABLE);
            assertThat(error.sheet()).isEqualTo("Spend goals");
            assertThat(error.cell()).isEqualTo("E10");
            assertThat(error.message()).startsWith("is not laid out as a decision table:").doesNotContain("Exception");
        });
    }

    @Test
    void shouldRefuseATableSavedInAFormatTheBuildCannotRead() {
        ScratchRules.write(FOLDER, "spend.drl.csv", "RuleSet,nudge\n");

        assertThat(check.check(FOLDER).errors()).extracting(RuleProblem::file, RuleProblem::message)
                .containsExactly(tuple("spend.drl.csv", "is not read: a rule file's name must end in .drl, and a decision table's"
                        + " in .drl.xlsx, in lower case"));
    }
}

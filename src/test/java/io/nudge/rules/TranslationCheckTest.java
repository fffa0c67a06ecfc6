package io.nudge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nudge.catalog.ProductCatalog;
import io.nudge.testing.FixedDecisionConfig;
import io.nudge.testing.FixedRulesConfig;
import io.nudge.testing.ScratchRules;

/** The check of a shop that serves English and German: every message needs its German, every placeholder must be one Nudge fills. */
class TranslationCheckTest {

    private static final Path FOLDER = ScratchRules.folder("translations");

    private final FixedRulesConfig englishAndGerman = new FixedRulesConfig(FOLDER.toString(), RulesConfig.Reload.OFF, Duration.ofMillis(500),
            Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC, Duration.ofSeconds(5), Duration.ofMinutes(2), List.of("en", "de"));
    // No scenario runs here, so no validator is needed.
    private final RuleCheck check = new RuleCheck(new ScenarioCheck(FixedDecisionConfig.DEFAULTS, null, englishAndGerman), englishAndGerman,
            () -> ProductCatalog.EMPTY);

    @BeforeEach
    void germanForOneMessage() {
        ScratchRules.delete(FOLDER);
        ScratchRules.reset(FOLDER);
        // What is checked here is the rules and their messages; the scenarios are other tests' business.
        ScratchRules.delete(FOLDER.resolve("scenarios"));
        FOLDER.resolve("messages").toFile().mkdirs();
        ScratchRules.write(FOLDER, "messages/de.yaml", """
                "Add {remaining} more for free shipping": "Noch {remaining} bis zum kostenlosen Versand"
                """);
    }

    @Test
    void shouldWarnOfEachMessageWithoutTranslationAtItsLine() {
        CheckReport report = check.check(FOLDER);

        assertThat(report.passed()).isTrue();
        assertThat(report.warnings()).extracting(RuleProblem::toString)
                .contains("shipping.drl:25 rule \"Next-day shipping near the usual order\": \"Add just {remaining} more for free"
                        + " next-day shipping\" has no translation into de in messages/de.yaml")
                .contains("products.drl:37 rule \"Complete the line\": \"{firstName}, complete your {line} routine\" has no"
                        + " translation into de in messages/de.yaml")
                .noneMatch(warning -> warning.contains("\"Add {remaining} more for free shipping\""));
    }

    @Test
    void shouldRefuseAPlaceholderNudgeDoesNotFillInATranslation() {
        ScratchRules.write(FOLDER, "messages/de.yaml", """
                # German
                "Add {remaining} more for free shipping": "Noch {rest} bis zum kostenlosen Versand"
                """);

        CheckReport report = check.check(FOLDER);

        assertThat(report.passed()).isFalse();
        assertThat(report.errors()).extracting(RuleProblem::toString).contains("messages/de.yaml:2: {rest} is not a placeholder"
                + " Nudge fills: use {remaining}, {threshold}, {firstName}, {product} or {line}");
    }

    @Test
    void shouldRefuseAnEmptyTranslationOrOneWithAPlaceholderTheTextLacks() {
        ScratchRules.write(FOLDER, "messages/de.yaml", """
                "Add {remaining} more for free shipping": "{firstName}, noch {remaining} bis zum kostenlosen Versand"
                "Add just {remaining} more for free next-day shipping":
                """);

        assertThat(check.check(FOLDER).errors()).extracting(RuleProblem::toString).containsExactlyInAnyOrder(
                "messages/de.yaml:1: the translation of \"Add {remaining} more for free shipping\" uses a placeholder the rule's"
                        + " text does not, which Nudge would leave unfilled",
                "messages/de.yaml:2: \"Add just {remaining} more for free next-day shipping\" has no translation after the colon");
    }

    @Test
    void shouldRefuseATranslationFileNotNamedAfterALanguage() {
        ScratchRules.write(FOLDER, "messages/german.yaml", "\"Add {remaining} more for free shipping\": \"Noch {remaining}\"\n");

        assertThat(check.check(FOLDER).errors()).extracting(RuleProblem::toString)
                .containsExactly("messages/german.yaml: is not named after a language: name it de.yaml, fr.yaml or de-AT.yaml");
    }
}

package io.nudge.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A message in the shopper's language: the exact tag, then the language, then the rules' own text. */
class MessagesTest {

    private static final String TEXT = "Add {remaining} more for free shipping";
    private final Messages messages = new Messages(Map.of(
            "de", Map.of(TEXT, "Noch {remaining} bis zum kostenlosen Versand"),
            "de-AT", Map.of(TEXT, "Nur noch {remaining} bis zur Gratiszustellung"),
            "zh", Map.of(TEXT, "再买{remaining}即可免运费"),
            "zh-TW", Map.of(TEXT, "再買{remaining}即可免運費")));

    @Test
    void shouldReadTheRegionsFileForALocaleThatNamesAScriptToo() {
        assertThat(messages.in(Locale.forLanguageTag("zh-Hant-TW"), TEXT)).isEqualTo("再買{remaining}即可免運費");
        assertThat(messages.in(Locale.forLanguageTag("zh-Hans-CN"), TEXT)).isEqualTo("再买{remaining}即可免运费");
    }

    @Test
    void shouldPreferTheShoppersRegion() {
        assertThat(messages.in(Locale.forLanguageTag("de-AT"), TEXT)).isEqualTo("Nur noch {remaining} bis zur Gratiszustellung");
    }

    @Test
    void shouldFallBackToTheLanguage() {
        assertThat(messages.in(Locale.forLanguageTag("de-CH"), TEXT)).isEqualTo("Noch {remaining} bis zum kostenlosen Versand");
        assertThat(messages.in(Locale.GERMANY, TEXT)).isEqualTo("Noch {remaining} bis zum kostenlosen Versand");
    }

    @Test
    void shouldFallBackToTheRulesOwnTextForALanguageWithoutTranslation() {
        assertThat(messages.in(Locale.JAPAN, TEXT)).isEqualTo(TEXT);
        assertThat(messages.in(null, TEXT)).isEqualTo(TEXT);
        assertThat(messages.in(Locale.GERMANY, "Something else")).isEqualTo("Something else");
    }
}

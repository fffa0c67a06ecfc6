package io.nudge.decision;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The translations of a rule book's messages: for each language tag ({@code de}, {@code de-at}),
 * the rules' text and its translation. A text is shown in the shopper's language as
 * {@code context.locale} asks: {@code de-AT}, else {@code de}, else the rules' own text, which is
 * in the shop's default language.
 */
public final class Messages {

    public static final Messages NONE = new Messages(Map.of());

    private final Map<String, Map<String, String>> byLanguage;

    public Messages(Map<String, Map<String, String>> byLanguage) {
        this.byLanguage = byLanguage.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                entry -> entry.getKey().toLowerCase(Locale.ROOT), entry -> Map.copyOf(entry.getValue())));
    }

    /** {@code text} as a shopper of {@code locale} reads it. */
    public String in(Locale locale, String text) {
        if (locale == null || byLanguage.isEmpty()) {
            return text;
        }
        Map<String, String> exact = byLanguage.get(locale.toLanguageTag().toLowerCase(Locale.ROOT));
        String translated = exact == null ? null : exact.get(text);
        if (translated == null) {
            Map<String, String> language = byLanguage.get(locale.getLanguage());
            translated = language == null ? null : language.get(text);
        }
        return translated == null ? text : translated;
    }

    /** True when {@code language} has a translation of {@code text}. */
    public boolean translates(String language, String text) {
        Map<String, String> translations = byLanguage.get(language.toLowerCase(Locale.ROOT));
        return translations != null && translations.containsKey(text);
    }
}

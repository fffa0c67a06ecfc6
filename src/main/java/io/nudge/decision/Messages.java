package io.nudge.decision;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
        String translated = null;
        for (String tag : tagsOf(locale)) {
            Map<String, String> translations = byLanguage.get(tag);
            translated = translations == null ? null : translations.get(text);
            if (translated != null) {
                break;
            }
        }
        return translated == null ? text : translated;
    }

    /**
     * The files a shopper of {@code locale} reads, most particular first: {@code zh-Hant-TW} reads zh-hant-tw, zh-tw,
     * zh-hant, then zh; {@code de-AT} reads de-at, then de.
     */
    private static List<String> tagsOf(Locale locale) {
        String language = locale.getLanguage();
        String script = locale.getScript().isEmpty() ? null : language + "-" + locale.getScript().toLowerCase(Locale.ROOT);
        String region = locale.getCountry().isEmpty() ? null : language + "-" + locale.getCountry().toLowerCase(Locale.ROOT);
        return Stream.of(locale.toLanguageTag().toLowerCase(Locale.ROOT), region, script, language)
                .filter(Objects::nonNull).distinct().toList();
    }

    /** True when {@code language} has a translation of {@code text}. */
    public boolean translates(String language, String text) {
        Map<String, String> translations = byLanguage.get(language.toLowerCase(Locale.ROOT));
        return translations != null && translations.containsKey(text);
    }
}

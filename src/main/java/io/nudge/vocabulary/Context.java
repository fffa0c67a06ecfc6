package io.nudge.vocabulary;

import java.time.Instant;
import java.util.Locale;

/** Where and when the shopper is shopping; {@code weather} is lower case, such as "rain". */
public record Context(String channel, String country, String region, Locale locale, String weather, Instant at) {
}

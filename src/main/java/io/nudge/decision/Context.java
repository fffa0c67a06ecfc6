package io.nudge.decision;

import java.time.Instant;
import java.util.Locale;

/** Where and when the shopper is shopping. */
public final class Context {

    private final String channel;
    private final String country;
    private final String region;
    private final Locale locale;
    private final String weather;
    private final Instant at;

    public Context(String channel, String country, String region, Locale locale, String weather, Instant at) {
        this.channel = channel;
        this.country = country;
        this.region = region;
        this.locale = locale;
        this.weather = weather;
        this.at = at;
    }

    public String getChannel() {
        return channel;
    }

    public String getCountry() {
        return country;
    }

    public String getRegion() {
        return region;
    }

    public Locale getLocale() {
        return locale;
    }

    /** Lower case, such as "rain" or "sunny"; null when unknown. */
    public String getWeather() {
        return weather;
    }

    public Instant getAt() {
        return at;
    }
}

package io.nudge.testing;

import static io.restassured.RestAssured.when;

/** Reads one sample of /q/metrics, the way Prometheus scrapes it. */
public final class Metrics {

    private Metrics() {
    }

    /** The value of {@code series} (name and labels, as Prometheus prints them), 0 while it does not exist. */
    public static double value(String series) {
        String scrape = when().get("/q/metrics").then().statusCode(200).extract().asString();
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).strip()))
                .orElse(0.0);
    }
}

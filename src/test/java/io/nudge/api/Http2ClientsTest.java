package io.nudge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.nudge.testing.AdminToken;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client that asks for HTTP/2 (an h2c upgrade, as Java's own HttpClient does by default) is answered, never with a 5xx:
 * over HTTP/2, Quarkus REST answered a POST without a body with a 500.
 */
@QuarkusTest
class Http2ClientsTest {

    @TestHTTPResource("/")
    URI root;

    private final HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

    @Test
    void shouldAnswerAPostWithoutABodyFromAClientThatAsksForHttp2() throws Exception {
        HttpResponse<String> reload = http2.send(HttpRequest.newBuilder(root.resolve("/v1/rules/reload"))
                .header("Authorization", "Bearer " + AdminToken.TEST_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> outcome = http2.send(HttpRequest.newBuilder(root.resolve("/v1/outcomes"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(reload.statusCode()).isLessThan(500);
        assertThat(outcome.statusCode()).isBetween(400, 499);
        assertThat(outcome.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
}

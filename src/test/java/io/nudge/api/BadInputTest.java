package io.nudge.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.nudge.testing.NudgeApi;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class BadInputTest {

    private static final String ONE_ITEM = """
            {"cart": {"currency": "USD", "items": [{"sku": "HYD-SER", "quantity": %s, "price": %s}]}}
            """;

    static Stream<Arguments> invalidCarts() {
        return Stream.of(
                Arguments.of("no cart", "{}", "cart"),
                Arguments.of("no currency", """
                        {"cart": {"items": []}}""", "cart.currency"),
                Arguments.of("currency without minor unit", """
                        {"cart": {"currency": "XXX", "items": []}}""", "cart.currency"),
                Arguments.of("gold is no currency", """
                        {"cart": {"currency": "XAU", "items": []}}""", "cart.currency"),
                Arguments.of("a replaced currency", """
                        {"cart": {"currency": "ESP", "items": []}}""", "cart.currency"),
                Arguments.of("a fund with four decimals is no currency a shop charges in", """
                        {"cart": {"currency": "CLF", "items": []}}""", "cart.currency"),
                Arguments.of("lower-case currency", """
                        {"cart": {"currency": "usd", "items": []}}""", "cart.currency"),
                Arguments.of("no items", """
                        {"cart": {"currency": "USD"}}""", "cart.items"),
                Arguments.of("items not a list", """
                        {"cart": {"currency": "USD", "items": {"sku": "A"}}}""", "cart.items"),
                Arguments.of("null item", """
                        {"cart": {"currency": "USD", "items": [null]}}""", "cart.items[0]"),
                Arguments.of("no sku", """
                        {"cart": {"currency": "USD", "items": [{"quantity": 1, "price": 1}]}}""", "cart.items[0].sku"),
                Arguments.of("blank sku", """
                        {"cart": {"currency": "USD", "items": [{"sku": " ", "quantity": 1, "price": 1}]}}""", "cart.items[0].sku"),
                Arguments.of("sku too long", """
                        {"cart": {"currency": "USD", "items": [{"sku": "%s", "quantity": 1, "price": 1}]}}""".formatted("S".repeat(129)),
                        "cart.items[0].sku"),
                Arguments.of("no quantity", """
                        {"cart": {"currency": "USD", "items": [{"sku": "A", "price": 1}]}}""", "cart.items[0].quantity"),
                Arguments.of("zero quantity", ONE_ITEM.formatted("0", "1"), "cart.items[0].quantity"),
                Arguments.of("fractional quantity", ONE_ITEM.formatted("1.5", "1"), "cart.items[0].quantity"),
                Arguments.of("quantity as text", ONE_ITEM.formatted("\"two\"", "1"), "cart.items[0].quantity"),
                Arguments.of("huge quantity", ONE_ITEM.formatted("1000001", "1"), "cart.items[0].quantity"),
                Arguments.of("400-digit quantity", ONE_ITEM.formatted("9".repeat(400), "1"), "cart.items[0].quantity"),
                Arguments.of("absurd exponent quantity", ONE_ITEM.formatted("1e999999999", "1"), "cart.items[0].quantity"),
                Arguments.of("no price", """
                        {"cart": {"currency": "USD", "items": [{"sku": "A", "quantity": 1}]}}""", "cart.items[0].price"),
                Arguments.of("negative price", ONE_ITEM.formatted("1", "-0.01"), "cart.items[0].price"),
                Arguments.of("price above a billion", ONE_ITEM.formatted("1", "1000000000.01"), "cart.items[0].price"),
                Arguments.of("absurd exponent price", ONE_ITEM.formatted("1", "1e999999999"), "cart.items[0].price"),
                Arguments.of("absurd negative exponent price", ONE_ITEM.formatted("1", "1e-999999999"), "cart.items[0].price"),
                Arguments.of("zero with an absurd exponent", ONE_ITEM.formatted("1", "0E-999999999"), "cart.items[0].price"),
                Arguments.of("zero with an absurd positive exponent", ONE_ITEM.formatted("1", "0E+999999999"), "cart.items[0].price"),
                Arguments.of("400-digit price", ONE_ITEM.formatted("1", "9".repeat(400)), "cart.items[0].price"),
                Arguments.of("price as word", ONE_ITEM.formatted("1", "\"cheap\""), "cart.items[0].price"),
                Arguments.of("too many items", """
                        {"cart": {"currency": "USD", "items": [%s]}}""".formatted(
                        String.join(",", java.util.Collections.nCopies(501, "{\"sku\": \"A\", \"quantity\": 1, \"price\": 1}"))),
                        "cart.items"),
                Arguments.of("negative average order", """
                        {"cart": {"currency": "USD", "items": []}, "shopper": {"averageOrderValue": -5}}""",
                        "shopper.averageOrderValue"),
                Arguments.of("segments not a list", """
                        {"cart": {"currency": "USD", "items": []}, "shopper": {"segments": "vip"}}""", "shopper.segments"),
                Arguments.of("child age out of range", """
                        {"cart": {"currency": "USD", "items": []}, "shopper": {"childrenAges": [3, -1]}}""",
                        "shopper.childrenAges[1]"),
                Arguments.of("malformed locale", """
                        {"cart": {"currency": "USD", "items": []}, "context": {"locale": "en_US!"}}""", "context.locale"),
                Arguments.of("locale too long", """
                        {"cart": {"currency": "USD", "items": []}, "context": {"locale": "en-%s"}}""".formatted("a1b2c3d4-".repeat(20) + "x1"),
                        "context.locale"),
                Arguments.of("unreadable date", """
                        {"cart": {"currency": "USD", "items": []}, "context": {"at": "next tuesday"}}""", "context.at"),
                Arguments.of("date as seconds", """
                        {"cart": {"currency": "USD", "items": []}, "context": {"at": 1700000000}}""", "context.at"),
                Arguments.of("date as an absurd number", """
                        {"cart": {"currency": "USD", "items": []}, "context": {"at": 1e999999999}}""", "context.at"),
                Arguments.of("duplicate key", """
                        {"cart": {"currency": "USD", "currency": "EUR", "items": []}}""", "body"),
                Arguments.of("malformed JSON", "{\"cart\": {\"currency\": \"USD\",", "body"),
                Arguments.of("trailing garbage", "{\"cart\": {\"currency\": \"USD\", \"items\": []}} extra", "body"),
                Arguments.of("not an object", "[1, 2, 3]", "body"),
                Arguments.of("empty body", "", "body"),
                Arguments.of("nested too deep", "{\"cart\": {\"currency\": \"USD\", \"items\": []}, \"x\": %s%s}"
                        .formatted("[".repeat(1001), "]".repeat(1001)), "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCarts")
    void shouldAnswerProblem400NamingTheField(String name, String body, String field) {
        expectProblem(post(body), 400)
                .body("type", equalTo("urn:nudge:problem:invalid-request"))
                .body("errors.field", hasItem(field))
                .body("errors[0].message", notNullValue());
    }

    @Test
    void shouldListEveryInvalidField() {
        expectProblem(post("""
                {"cart": {"currency": "XXX", "items": [{"sku": "", "quantity": 0, "price": -1}]}}
                """), 400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder(
                        "cart.currency", "cart.items[0].sku", "cart.items[0].quantity", "cart.items[0].price"))
                .body("detail", equalTo("4 fields are invalid"));
    }

    @Test
    void shouldAnswerInEnglishWhateverLanguageTheCallerAccepts() {
        given().contentType(ContentType.JSON).header("Accept-Language", "de-DE, de;q=0.9")
                .body("""
                        {"cart": {"currency": "USD", "items": [{"quantity": 1, "price": 1}]}, "shopper": {"childrenAges": [121]}}
                        """)
                .post("/v1/nudges").then().statusCode(400)
                .body("errors.message", org.hamcrest.Matchers.contains("must not be blank", "must be less than or equal to 120"));
    }

    @Test
    void shouldSayWhereTheJsonBreaksWithoutJacksonsWords() {
        expectProblem(post("{\"cart\": ]"), 400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("is not valid JSON at line 1, column 10"))
                .body(not(containsString("Source")))
                .body(not(containsString("StreamReadFeature")));
    }

    @Test
    void shouldStateTheLimitInTheMessage() {
        expectProblem(post(ONE_ITEM.formatted("1", "-1")), 400)
                .body("errors[0].message", equalTo("must be a number from 0 to 1000000000 with at most 10 decimal places"));
    }

    @Test
    void shouldAnswer413ForAnOversizedBody() {
        String big = "{\"cart\": {\"currency\": \"USD\", \"items\": []}, \"padding\": \"" + "x".repeat(300 * 1024) + "\"}";
        expectProblem(post(big), 413).body("type", equalTo("urn:nudge:problem:body-too-large"));
    }

    @TestHTTPResource("/v1/nudges")
    URI endpoint;

    @Test
    void shouldAnswer413ForAnOversizedBodySentInChunks() throws Exception {
        byte[] big = ("{\"cart\": {\"currency\": \"USD\", \"items\": []}, \"padding\": \"" + "x".repeat(300 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        // A body of unknown length goes chunked: no Content-Length announces the size.
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("urn:nudge:problem:body-too-large");
    }

    @Test
    void shouldDecideOnACartSentInChunks() throws Exception {
        byte[] cart = "{\"cart\": {\"currency\": \"USD\", \"items\": [{\"sku\": \"SER-1\", \"quantity\": 1, \"price\": 30.00}]}}"
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(cart))).build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"subtotal\":30.00");
    }

    @Test
    void shouldAnswer415ForABodyThatIsNotJson() {
        expectProblem(given().contentType(ContentType.TEXT).body("cart=1").when().post("/v1/nudges").then(), 415);
        expectProblem(given().contentType(ContentType.XML).body("<cart/>").when().post("/v1/nudges").then(), 415);
    }

    private static ValidatableResponse post(String body) {
        return NudgeApi.decide(body);
    }

    /** A problem document of this status that gives nothing of the implementation away. */
    static ValidatableResponse expectProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("java.")))
                .body(not(containsString("jackson")))
                .body(not(containsString("\tat ")));
    }
}

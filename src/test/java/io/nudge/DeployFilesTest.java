package io.nudge;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The deployment files agree with the service: the paths they probe answer, on the port it listens on, as a non-root user. */
@QuarkusTest
class DeployFilesTest {

    private static final int SERVICE_PORT = 8080;
    private static final Pattern HEALTHCHECK = Pattern.compile("HEALTHCHECK[^\\n]*\\n?\\s*CMD curl -fs http://localhost:(\\d+)(\\S+)");

    @Test
    void shouldProbeKubernetesPathsThatAnswerOnTheServicePort() throws IOException {
        JsonNode deployment = manifests().stream().filter(doc -> doc.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        JsonNode container = deployment.at("/spec/template/spec/containers/0");

        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(SERVICE_PORT);
        assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            String path = container.at("/" + probe + "/httpGet/path").asText();
            assertThat(path).as(probe).isNotEmpty();
            when().get(path).then().statusCode(200);
        }
        assertThat(manifests()).extracting(doc -> doc.path("kind").asText())
                .contains("Service", "HorizontalPodAutoscaler");
    }

    @Test
    void shouldNotWriteEventsToAFileThatDiesWithTheContainer() throws IOException {
        JsonNode deployment = manifests().stream().filter(doc -> doc.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        List<String> sinks = new java.util.ArrayList<>();
        deployment.at("/spec/template/spec/containers/0/env").forEach(env -> {
            if (env.path("name").asText().equals("NUDGE_EVENTS_SINK")) {
                sinks.add(env.path("value").asText());
            }
        });
        assertThat(sinks).singleElement().isIn("stdout", "kafka");
    }

    @ParameterizedTest
    @ValueSource(strings = { "docker/Dockerfile.jvm", "docker/Dockerfile.native" })
    void shouldRunAsNonRootAndCheckAReadinessPathThatAnswers(String dockerfile) throws IOException {
        String text = Files.readString(Path.of(dockerfile));

        assertThat(text).contains("EXPOSE " + SERVICE_PORT);
        assertThat(text.lines().filter(line -> line.startsWith("USER ")).reduce((first, last) -> last).orElseThrow())
                .isNotIn("USER root", "USER 0");
        Matcher check = HEALTHCHECK.matcher(text.replace("\\\n", "\n"));
        assertThat(check.find()).as("a HEALTHCHECK with curl").isTrue();
        assertThat(Integer.parseInt(check.group(1))).isEqualTo(SERVICE_PORT);
        when().get(check.group(2)).then().statusCode(200);
    }

    private static List<JsonNode> manifests() throws IOException {
        try (var docs = new YAMLMapper().readerFor(JsonNode.class).readValues(Path.of("deploy/kubernetes.yaml").toFile())) {
            return docs.readAll().stream().map(JsonNode.class::cast).toList();
        }
    }
}

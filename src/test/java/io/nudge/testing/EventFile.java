package io.nudge.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The events file the test profile writes (target/test-events/events.jsonl). */
public final class EventFile {

    public static final Path PATH = Path.of("target/test-events/events.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventFile() {
    }

    /** The event with {@code type} about {@code decisionId}, once the writer thread has written it. */
    public static JsonNode awaitEvent(String type, String decisionId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> (found[0] = find(type, decisionId)) != null);
        return found[0];
    }

    private static JsonNode find(String type, String decisionId) {
        return events(PATH, type).stream().filter(e -> e.path("decisionId").asText().equals(decisionId)).findFirst().orElse(null);
    }

    /** The events of type {@code type} written to {@code file} so far; none while it does not exist. */
    public static List<JsonNode> events(Path file, String type) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (var lines = Files.lines(file)) {
            return lines.map(EventFile::parse).filter(e -> e.path("event").asText().equals(type)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

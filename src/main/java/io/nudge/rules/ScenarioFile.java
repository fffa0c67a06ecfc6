package io.nudge.rules;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.nudge.request.MomentAsText;

/**
 * One file of {@code rules/scenarios/}: a list of scenarios, or, to set when they all happen,
 * {@code at: 2027-07-15T12:00:00Z} and {@code scenarios:} with the list. A scenario's own
 * {@code context.at} wins over the file's.
 */
public record ScenarioFile(String name, List<Scenario> scenarios) {

    // Strict: a misspelled key in a scenario must fail loudly, not be ignored.
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .findAndAddModules()
            .build();

    /** The file-level form: when its scenarios happen, and the scenarios. */
    private record Timed(@JsonDeserialize(using = MomentAsText.class) Instant at, List<Scenario> scenarios) {
    }

    public static ScenarioFile parse(String name, String yaml) throws IOException {
        JsonNode root = YAML.readTree(yaml);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ScenarioFile(name, List.of());
        }
        if (root.isObject()) {
            Timed timed = YAML.readValue(yaml, Timed.class);
            List<Scenario> scenarios = timed.scenarios() == null ? List.of() : timed.scenarios();
            return new ScenarioFile(name, timed.at() == null ? scenarios
                    : scenarios.stream().map(scenario -> scenario.atUnlessSaid(timed.at())).toList());
        }
        return new ScenarioFile(name, YAML.readValue(yaml, YAML.getTypeFactory().constructCollectionType(List.class, Scenario.class)));
    }
}

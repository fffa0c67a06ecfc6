package io.nudge.rules;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** One file of {@code rules/scenarios/}: a list of scenarios. */
public record ScenarioFile(String name, List<Scenario> scenarios) {

    // Strict: a misspelled key in a scenario must fail loudly, not be ignored.
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .findAndAddModules()
            .build();

    public static ScenarioFile parse(String name, String yaml) throws IOException {
        List<Scenario> scenarios = YAML.readValue(yaml, YAML.getTypeFactory().constructCollectionType(List.class, Scenario.class));
        return new ScenarioFile(name, scenarios == null ? List.of() : scenarios);
    }
}

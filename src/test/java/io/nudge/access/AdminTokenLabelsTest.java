package io.nudge.access;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

/** Each admin token names one person in the history and the audit trail: a shared label or token is refused at start. */
class AdminTokenLabelsTest {

    private static final String TOKEN = "a-test-only-admin-token-of-32-characters-or-more";

    private record Access(Optional<String> adminToken, Map<String, String> adminTokens, Optional<List<String>> apiKeys) implements AccessConfig {
    }

    @Test
    void shouldRefuseALabelTakenByTheAdminToken() {
        assertThatThrownBy(() -> new TokenAuthentication(new Access(Optional.of(TOKEN), Map.of("admin", "another-" + TOKEN), Optional.empty())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("nudge.access.admin-tokens.admin: the label admin is taken (admin is nudge.access.admin-token's): choose another");
    }

    @Test
    void shouldRefuseOneTokenUnderTwoLabels() {
        assertThatThrownBy(() -> new TokenAuthentication(new Access(Optional.of(TOKEN), Map.of("alice", TOKEN), Optional.empty())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("nudge.access.admin-tokens.alice is the same token as another: give each person their own");
    }

    @Test
    void shouldReadATokenWithoutTheNewlineItsSecretFileEndsIn() {
        assertThatThrownBy(() -> new TokenAuthentication(new Access(Optional.of(TOKEN + "\n"), Map.of("alice", " " + TOKEN), Optional.empty())))
                .as("both are the same token once the whitespace around them is gone")
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("nudge.access.admin-tokens.alice is the same token as another: give each person their own");
    }

    @Test
    void shouldRefuseAShortLabelledToken() {
        assertThatThrownBy(() -> new TokenAuthentication(new Access(Optional.empty(), Map.of("bob", "short"), Optional.empty())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("nudge.access.admin-tokens.bob must be at least 32 characters");
    }
}

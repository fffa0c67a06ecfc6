package io.nudge.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Who may do what. Nothing here has a default: unset, decisions are open and rule administration is closed. */
@ConfigMapping(prefix = "nudge.access")
public interface AccessConfig {

    /** The bearer token rule administration needs ({@code Authorization: Bearer ...}), at least 32 characters. */
    Optional<String> adminToken();

    /**
     * More admin tokens, each under a label that the rule history and the audit trail name as who made a change:
     * {@code nudge.access.admin-tokens.alice=...}. {@code admin-token} is labelled {@code admin}.
     */
    Map<String, String> adminTokens();

    /** Keys storefronts send in {@code X-Api-Key}. Once any is set, decisions need one. */
    Optional<List<String>> apiKeys();
}

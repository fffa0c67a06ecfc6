package io.nudge.access;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Who may do what. Nothing here has a default: unset, decisions are open and rule administration is closed. */
@ConfigMapping(prefix = "nudge.access")
public interface AccessConfig {

    /** The bearer token rule administration needs ({@code Authorization: Bearer ...}), at least 32 characters. */
    Optional<String> adminToken();

    /** Keys storefronts send in {@code X-Api-Key}. Once any is set, decisions need one. */
    Optional<List<String>> apiKeys();
}

package io.nudge.decision;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One rule of the active rule book, as merchandisers wrote it; {@code window} only for a campaign. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleInfo(String name, String file, String description, CampaignWindow window) {
}

package io.nudge.lift;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.nudge.rules.RuleBookChange;

/** A load, refusal or rollback of the rules, in the event log beside the decisions it changed: the audit trail's event. */
@JsonPropertyOrder({ "event" })
record RulesEvent(String event, @JsonUnwrapped RuleBookChange change) {

    static final String TYPE = "rules";

    static RulesEvent of(RuleBookChange change) {
        return new RulesEvent(TYPE, change);
    }
}

package io.nudge.decision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import io.nudge.vocabulary.NudgeType;

/**
 * What became of one proposed nudge: shown, held out of the shopper's experiment group, or
 * dropped by arbitration for a {@link Reason}. Arbitration, the explanation, the metrics and the
 * events all read this one record.
 *
 * @param by what the reason names: the rule that replaced the nudge, the guard that vetoed its
 *        product, or the cap that was reached; null when the reason names nothing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fate(String rule, NudgeType type, Outcome outcome, Reason reason, String by) {

    public enum Outcome {
        SHOWN, HELD_OUT, DROPPED
    }

    public static Fate shown(Proposal proposal) {
        return new Fate(proposal.rule().name(), proposal.type(), Outcome.SHOWN, null, null);
    }

    public static Fate heldOut(Proposal proposal) {
        return new Fate(proposal.rule().name(), proposal.type(), Outcome.HELD_OUT, null, null);
    }

    public static Fate dropped(Proposal proposal, Reason reason, String by) {
        return new Fate(proposal.rule().name(), proposal.type(), Outcome.DROPPED, reason, by);
    }

    /** Why, in a merchandiser's words; null unless dropped. */
    public String why() {
        return reason == null ? null : reason.sentence(by);
    }

    /**
     * Why a nudge or one of its products is not shown: a short code for metrics and events, and
     * the sentence the explanation gives, with {@code %s} standing for what the fate is {@code by}.
     */
    public enum Reason {
        REPLACED("replaced", "replaced by \"%s\""),
        GOAL_REACHED("goal-reached", "goal already reached"),
        IN_CART("in-cart", "already in cart"),
        OUT_OF_STOCK("out-of-stock", "out of stock"),
        EXCLUDED("excluded", "excluded by guard \"%s\""),
        NO_PRODUCT("no-product", "no product to suggest"),
        ONE_FREE_SHIPPING("one-free-shipping", "one free-shipping nudge per answer"),
        GROUP("group", "one nudge of group \"%s\" per answer"),
        RULE_LIMIT("rule-limit", "the rule's limit of %s per answer"),
        DUPLICATE_PRODUCT("duplicate-product", "duplicate product"),
        CAP("cap", "cap of %s nudges");

        private final String code;
        private final String sentence;

        Reason(String code, String sentence) {
            this.code = code;
            this.sentence = sentence;
        }

        @JsonValue
        public String code() {
            return code;
        }

        public String sentence(String by) {
            return sentence.formatted(by);
        }

        @JsonCreator
        public static Reason ofCode(String code) {
            for (Reason reason : values()) {
                if (reason.code.equals(code)) {
                    return reason;
                }
            }
            throw new IllegalArgumentException("no reason has the code " + code);
        }
    }
}

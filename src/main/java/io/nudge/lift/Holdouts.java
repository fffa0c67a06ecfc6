package io.nudge.lift;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.nudge.decision.HoldoutPolicy;
import io.nudge.decision.RuleInfo;

/**
 * Puts shoppers in a rule's holdout group by a hash of salt, rule and shopper: sticky across
 * requests and replicas with no state kept, and independent from one rule to the next.
 */
public final class Holdouts implements HoldoutPolicy {

    private static final int BUCKETS = 10_000;

    private final String salt;
    private final int defaultPercent;

    public Holdouts(String salt, int defaultPercent) {
        if (defaultPercent < 0 || defaultPercent > 100) {
            throw new IllegalArgumentException("nudge.lift.holdout must be a percent from 0 to 100, not " + defaultPercent);
        }
        this.salt = salt;
        this.defaultPercent = defaultPercent;
    }

    @Override
    public int percent(RuleInfo rule) {
        return rule.holdout() == null ? defaultPercent : rule.holdout();
    }

    /** Whether the shopper is held out of {@code rule}: by its own {@code @holdout}, else by the default. */
    @Override
    public boolean heldOut(RuleInfo rule, String shopperKey) {
        return heldOut(rule.name(), rule.holdout(), shopperKey);
    }

    /**
     * Whether the shopper known by {@code shopperKey} is held out of {@code rule}, whose own
     * share is {@code rulePercent} (null: the default). No key, no experiment: the nudge shows.
     */
    public boolean heldOut(String rule, Integer rulePercent, String shopperKey) {
        int percent = rulePercent == null ? defaultPercent : rulePercent;
        if (percent == 0 || shopperKey == null) {
            return false;
        }
        byte[] hash = sha256(salt + '\n' + rule + '\n' + shopperKey);
        long value = ((hash[0] & 0xffL) << 24) | ((hash[1] & 0xffL) << 16) | ((hash[2] & 0xffL) << 8) | (hash[3] & 0xffL);
        return value % BUCKETS < percent * (BUCKETS / 100);
    }

    /** The shopper key as events carry it: hashed with the salt, so no id leaves the service. */
    public String pseudonym(String shopperKey) {
        return shopperKey == null ? null : HexFormat.of().formatHex(sha256(salt + '\n' + shopperKey), 0, 8);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

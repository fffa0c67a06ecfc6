package io.nudge.decision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

import io.nudge.vocabulary.Candidate;
import io.nudge.vocabulary.Exclusion;

/**
 * Records, during one session, each candidate and exclusion the rules insert together with
 * the rule that inserted it, so rules need not name themselves in their consequences.
 */
final class Proposals implements RuleRuntimeEventListener {

    private final RuleBook book;
    private final List<Proposal> candidates = new ArrayList<>();
    private final Map<String, String> excludedSkus = new HashMap<>();

    Proposals(RuleBook book) {
        this.book = book;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        Rule rule = event.getRule();
        if (rule == null) {
            return;
        }
        if (event.getObject() instanceof Candidate candidate) {
            candidates.add(new Proposal(candidate, book.rule(rule.getName())));
        } else if (event.getObject() instanceof Exclusion exclusion) {
            excludedSkus.putIfAbsent(exclusion.product().sku(), rule.getName());
        }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        if (event.getOldObject() instanceof Candidate candidate) {
            candidates.removeIf(proposal -> proposal.candidate() == candidate);
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Candidates are immutable: nothing to follow.
    }

    List<Proposal> candidates() {
        return candidates;
    }

    /** Excluded sku to the name of the guard rule that excluded it. */
    Map<String, String> excludedSkus() {
        return excludedSkus;
    }
}

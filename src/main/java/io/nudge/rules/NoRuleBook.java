package io.nudge.rules;

/** No rule book serves (the built-in one could not be read, and no rule folder replaced it): decisions must wait. */
public class NoRuleBook extends RuntimeException {

    NoRuleBook(String why) {
        super(why);
    }
}

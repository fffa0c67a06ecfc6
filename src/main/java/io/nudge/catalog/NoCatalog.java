package io.nudge.catalog;

/** No catalog serves yet: decisions wait for one (503), and readiness says why. */
public class NoCatalog extends RuntimeException {

    public NoCatalog(String why) {
        super(why, null, false, false);
    }
}

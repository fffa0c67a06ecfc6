package io.nudge.catalog;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.nudge.catalog.CatalogException.RowProblem;

/** One catalog reload: what started it, when, the version read, and whether it went live; a refused one says why. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CatalogReload(String trigger, Instant at, String version, Result result, List<RowProblem> problems) {

    public enum Result {
        /** The feeds changed, were read, and now serve. */
        LOADED,
        /** The feeds hold the catalog already serving. */
        UNCHANGED,
        /** A feed could not be read or had too many bad rows; the catalog before keeps serving. */
        REFUSED
    }
}

package io.nudge.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The pair rules kept as data, looked up by the sku that triggers them. */
public final class PairTable {

    private final Map<String, List<Workload.Pair>> byIfSku;

    public PairTable(List<Workload.Pair> pairs) {
        this.byIfSku = pairs.stream().collect(Collectors.groupingBy(Workload.Pair::ifSku));
    }

    public List<Workload.Pair> forSku(String sku) {
        return byIfSku.getOrDefault(sku, List.of());
    }
}

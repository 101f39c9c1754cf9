// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.trace.ctf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The names a writer declares for event fields: whoever knows the system (the toolchain, from its configuration)
 * says which number means which partition, plan, state...; the trace module itself knows no configuration.
 */
public final class CtfNames {

    /** No names: every field is a plain number, as in traces written before names existed. */
    public static final CtfNames NONE = new Builder().build();

    /** The field whose value picks the table of fields counted within a partition. */
    static final String PARTITION_FIELD = "partition";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** TSDL keywords cannot name a variant option; babeltrace2 refuses the whole metadata otherwise. */
    private static final Set<String> KEYWORDS = Set.of("align", "callsite", "const", "char", "clock", "double",
            "enum", "env", "event", "floating_point", "float", "integer", "int", "long", "short", "signed",
            "stream", "string", "struct", "trace", "typealias", "typedef", "unsigned", "variant", "void", "id",
            "timestamp");

    private final Map<String, SortedMap<Long, String>> byField;
    private final Map<String, List<SortedMap<Long, String>>> perPartition;

    private CtfNames(Builder b) {
        this.byField = Map.copyOf(b.byField);
        this.perPartition = Map.copyOf(b.perPartition);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How {@code field} of an event with {@code eventFields} is declared. */
    CtfFieldLabels labelsFor(List<String> eventFields, String field) {
        List<SortedMap<Long, String>> tables = perPartition.get(field);
        SortedMap<Long, String> partitions = byField.get(PARTITION_FIELD);
        if (tables != null && partitions != null && eventFields.indexOf(PARTITION_FIELD) >= 0
                && eventFields.indexOf(PARTITION_FIELD) < eventFields.indexOf(field) && usableAsOptions(partitions)) {
            Map<String, SortedMap<Long, String>> byTag = new LinkedHashMap<>();
            partitions.forEach((index, name) -> byTag.put(name,
                    index >= 0 && index < tables.size() ? tables.get((int) (long) index) : new TreeMap<>()));
            return CtfFieldLabels.tagged(PARTITION_FIELD, byTag);
        }
        SortedMap<Long, String> labels = byField.get(field);
        return labels == null ? CtfFieldLabels.NONE : CtfFieldLabels.of(labels);
    }

    /** Variant options are identifiers named after the tag's labels, one per label. */
    private static boolean usableAsOptions(SortedMap<Long, String> labels) {
        Set<String> seen = new HashSet<>();
        for (String l : labels.values()) {
            if (!IDENTIFIER.matcher(l).matches() || KEYWORDS.contains(l) || !seen.add(l)) {
                return false;
            }
        }
        return true;
    }

    public static final class Builder {
        private final Map<String, SortedMap<Long, String>> byField = new HashMap<>();
        private final Map<String, List<SortedMap<Long, String>>> perPartition = new HashMap<>();

        private Builder() {
        }

        /** {@code labels} name the numbers of each of {@code fields}, in every event that has them. */
        public Builder field(Map<Long, String> labels, String... fields) {
            for (String f : fields) {
                byField.put(f, new TreeMap<>(labels));
            }
            return this;
        }

        /**
         * {@code field} counts within a partition: {@code byPartition.get(i)} names its numbers in events of
         * partition {@code i}. Needs the partitions named with {@link #field} on {@code partition}, each name a
         * plain identifier; otherwise the field stays a plain number.
         */
        public Builder perPartition(String field, List<? extends Map<Long, String>> byPartition) {
            List<SortedMap<Long, String>> copy = new ArrayList<>();
            byPartition.forEach(m -> copy.add(new TreeMap<>(m)));
            perPartition.put(field, List.copyOf(copy));
            return this;
        }

        public CtfNames build() {
            return new CtfNames(this);
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
package org.orrery.os.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validator's fixture table: one row per check, each a mutation of a valid sample that must report exactly
 * its problem (field and message) and nothing else unless the row says why. The validator is the only guard
 * for a hand-made configuration file, so the guard test below fails when a check exists without a row.
 */
class ConfigValidatorFixturesTest {
    private static final Set<String> VALIDATOR_FILES = CheckSites.validatorFiles();
    private static final List<Fixture> ROWS = Stream.of(BoardFixtures.rows(), PartitionFixtures.rows(),
            ScheduleFixtures.rows(), ChannelFixtures.rows(), HealthAndServiceFixtures.rows())
            .flatMap(List::stream).toList();
    /** Each row is validated once for both tests: a few rows build tens of thousands of entries. */
    private static final Map<Fixture, SiteRecorder> RUNS = new ConcurrentHashMap<>();

    static Stream<Fixture> rows() {
        return ROWS.stream();
    }

    private static SiteRecorder run(Fixture row) {
        return RUNS.computeIfAbsent(row, r -> {
            SiteRecorder recorder = new SiteRecorder(VALIDATOR_FILES);
            ConfigValidator.validate(recorder, r.mutation().get().config());
            return recorder;
        });
    }

    @Test
    void theSamplesRowsMutateAreValid() {
        assertEquals(List.of(), ConfigValidator.validate(Fixture.full().config()));
        assertEquals(List.of(), ConfigValidator.validate(Fixture.minimal().config()));
        assertEquals(List.of(), ConfigValidator.validate(Fixture.spare().config()));
        assertEquals(List.of(), ConfigValidator.validate(Fixture.withFillers(3).config()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void mutationReportsExactlyItsProblem(Fixture row) {
        assertEquals(sorted(row.all()), sorted(run(row).list));
    }

    /**
     * Each row's problem comes from a different check (validator frames on the stack plus the Problems helper
     * line), and together the rows pass through every reporting line found in the validator sources and every
     * line where a Problems helper adds a problem.
     */
    @Test
    void everyCheckHasExactlyOneRow() {
        Map<SiteRecorder.Check, Fixture> rowOf = new HashMap<>();
        Set<String> reached = new TreeSet<>();
        Set<String> helpersReached = new TreeSet<>();
        Set<String> reportingLines = CheckSites.reportingLines();
        for (Fixture row : ROWS) {
            SiteRecorder.Check check = run(row).checkOf(row.expected());
            assertNotNull(check, () -> "not reported: " + row);
            Fixture other = rowOf.put(check, row);
            assertNull(other, () -> "rows '" + other + "' and '" + row + "' test the same check " + check);
            // The innermost frame calls into Problems, so the scan must know it: else the scan is blind.
            assertTrue(reportingLines.contains(check.path().getFirst()), () -> "the source scan missed "
                    + check.path().getFirst() + " (" + row + ")");
            reached.addAll(check.path());
            helpersReached.add(check.helper());
        }
        Set<String> withoutRow = new TreeSet<>(reportingLines);
        withoutRow.removeAll(reached);
        assertEquals(Set.of(), withoutRow, "reporting lines no row passes through; add a row for each check there");
        Set<String> helpersWithoutRow = new TreeSet<>(CheckSites.helperLines());
        helpersWithoutRow.removeAll(helpersReached);
        assertEquals(Set.of(), helpersWithoutRow, "Problems helper branches no row reaches");
        assertTrue(VALIDATOR_FILES.containsAll(Set.of("ConfigValidator.java", "ScheduleValidator.java",
                "ReferenceValidator.java")), VALIDATOR_FILES::toString);
    }

    private static List<ConfigProblem> sorted(List<ConfigProblem> problems) {
        return problems.stream().sorted(Comparator.comparing(ConfigProblem::toString)).toList();
    }
}

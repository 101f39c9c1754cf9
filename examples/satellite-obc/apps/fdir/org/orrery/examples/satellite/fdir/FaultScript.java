// SPDX-License-Identifier: EPL-2.0
package org.orrery.examples.satellite.fdir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.orrery.os.api.ErrorCode;

/**
 * The fault-injection telecommands packaged with the application ({@code faults.txt}): one
 * {@code <time> ms <ERROR_CODE>} per line, ascending times, {@code #} starts a comment. A bad line is
 * reported through {@code problems} and skipped, so a typo in the script cannot stop the partition.
 */
final class FaultScript {

    record Fault(long atNs, ErrorCode error) {
    }

    private final List<Fault> faults;

    private FaultScript(List<Fault> faults) {
        this.faults = List.copyOf(faults);
    }

    static FaultScript load(String resource, Consumer<String> problems) {
        List<Fault> faults = new ArrayList<>();
        InputStream in = FaultScript.class.getResourceAsStream("/" + resource);
        if (in == null) {
            problems.accept(resource + ": not packaged with the application, no faults scripted");
            return new FaultScript(faults);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int lineNo = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                String text = line.replaceFirst("#.*", "").trim();
                if (text.isEmpty()) {
                    continue;
                }
                String[] f = text.split("\\s+");
                try {
                    if (f.length != 3 || !f[1].equals("ms")) {
                        throw new IllegalArgumentException("expected '<time> ms <ERROR_CODE>'");
                    }
                    long at = Long.parseLong(f[0]) * 1_000_000L;
                    if (!faults.isEmpty() && at < faults.get(faults.size() - 1).atNs()) {
                        throw new IllegalArgumentException("times must ascend");
                    }
                    faults.add(new Fault(at, ErrorCode.valueOf(f[2])));
                } catch (IllegalArgumentException e) {
                    problems.accept(resource + ":" + lineNo + ": " + e.getMessage() + ", line skipped");
                }
            }
        } catch (IOException e) {
            problems.accept(resource + ": " + e.getMessage());
        }
        return new FaultScript(faults);
    }

    /** Index of the first fault scripted strictly after {@code nowNs} (faults at or before it were sent). */
    int firstAfter(long nowNs) {
        int i = 0;
        while (i < faults.size() && faults.get(i).atNs() <= nowNs) {
            i++;
        }
        return i;
    }

    int size() {
        return faults.size();
    }

    Fault get(int i) {
        return faults.get(i);
    }
}

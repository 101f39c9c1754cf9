// SPDX-License-Identifier: EPL-2.0
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.orrery.dsl.OrreryStandaloneSetup;
import org.orrery.dsl.arinc.ArincExporter;
import org.orrery.dsl.generator.ConfigBuilder;
import org.orrery.dsl.generator.ConstantsGenerator;
import org.orrery.dsl.generator.ResourceReport;
import org.orrery.dsl.generator.ScheduleReport;
import org.orrery.dsl.model.SystemView;
import org.orrery.dsl.orrery.Model;
import org.orrery.os.config.ConfigException;
import org.orrery.os.config.ConfigWriter;
import org.orrery.os.config.SystemConfig;

import com.google.inject.Injector;

/**
 * Times the DSL pipeline phase by phase, in one JVM, for one .orrery file. Not a test: run by run.sh.
 * Generation is timed even when validation reported errors, except for the binary configuration, which the
 * writer refuses for an invalid model.
 */
public final class PipelineBenchmark {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        long t0 = System.nanoTime();
        Injector injector = new OrreryStandaloneSetup().createInjectorAndDoEMFRegistration();
        long setup = System.nanoTime() - t0;
        System.out.printf(Locale.ROOT, "%-28s %8.1f ms%n", "injector (once)", setup / 1e6);
        for (int round = 1; round <= rounds; round++) {
            XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
            long a = System.nanoTime();
            Resource r = set.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true);
            long b = System.nanoTime();
            EcoreUtil.resolveAll(r);
            long c = System.nanoTime();
            List<Issue> issues = injector.getInstance(IResourceValidator.class).validate(r, CheckMode.ALL, CancelIndicator.NullImpl);
            long d = System.nanoTime();
            SystemConfig config = ConfigBuilder.build(SystemView.of((Model) r.getContents().get(0)));
            long e = System.nanoTime();
            String xml = ArincExporter.export(config);
            String reports = ScheduleReport.table(config) + ResourceReport.memoryMap(config) + ResourceReport.utilisation(config);
            int svgs = ScheduleReport.gantt(config).size();
            int constants = ConstantsGenerator.generate(config).size();
            long f = System.nanoTime();
            String binary;
            try {
                binary = ConfigWriter.write(config).length + " bytes";
            } catch (ConfigException ex) {
                binary = "refused: " + ex.problems().size() + " problems (" + ex.field() + ")";
            }
            long g = System.nanoTime();
            System.out.printf(Locale.ROOT, "round %d (%d lines, %d issues)%n", round, Files.readAllLines(file).size(), issues.size());
            System.out.printf(Locale.ROOT, "  %-26s %8.1f ms%n", "parse", (b - a) / 1e6);
            System.out.printf(Locale.ROOT, "  %-26s %8.1f ms%n", "link", (c - b) / 1e6);
            System.out.printf(Locale.ROOT, "  %-26s %8.1f ms%n", "validate", (d - c) / 1e6);
            System.out.printf(Locale.ROOT, "  %-26s %8.1f ms%n", "build records", (e - d) / 1e6);
            System.out.printf(Locale.ROOT, "  %-26s %8.1f ms  (%d KB XML, %d KB text, %d SVG, %d constant classes)%n",
                    "ARINC + reports + constants", (f - e) / 1e6, xml.length() / 1024, reports.length() / 1024, svgs, constants);
            System.out.printf(Locale.ROOT, "  %-26s %8.1f ms  (%s)%n", "binary configuration", (g - f) / 1e6, binary);
            System.out.printf(Locale.ROOT, "  %-26s %8.1f ms%n", "total", (g - a) / 1e6);
        }
    }
}

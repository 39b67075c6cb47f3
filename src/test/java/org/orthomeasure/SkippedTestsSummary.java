package org.orthomeasure;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Names, at the end of a test run, every test that did not run and why (an assumption that failed, such
 * as missing {@code ../shared} data or an absent tool, or a disabled test), grouped by reason, on the
 * console and in {@code target/skipped-tests.txt}. Registered for the JUnit Platform through
 * {@code META-INF/services}, so Maven's summary line "Skipped: N" always comes with the names.
 */
public final class SkippedTestsSummary implements TestExecutionListener {

    private final Map<String, List<String>> byReason = new TreeMap<>();

    @Override
    public synchronized void executionSkipped(TestIdentifier test, String reason) {
        add(test, "disabled: " + reason);
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            add(test, result.getThrowable().map(Throwable::getMessage).filter(m -> m != null && !m.isBlank())
                    .orElse("aborted without a reason"));
        }
    }

    private void add(TestIdentifier test, String reason) {
        String name = test.getDisplayName();
        TestSource source = test.getSource().orElse(null);
        if (source instanceof MethodSource m) {
            name = shortName(m.getClassName()) + "." + m.getMethodName() + "()";
        } else if (source instanceof ClassSource c) {
            name = shortName(c.getClassName()) + " (the whole class)";
        }
        String key = reason.replaceAll("\\s+", " ").strip();
        if (key.startsWith("Assumption failed: ")) {
            key = key.substring("Assumption failed: ".length());
        }
        byReason.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
    }

    private static String shortName(String className) {
        return className.replaceFirst("^org\\.orthomeasure\\.", "");
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        int n = byReason.values().stream().mapToInt(List::size).sum();
        StringBuilder sb = new StringBuilder();
        if (n == 0) {
            sb.append("SKIPPED TESTS: none, every test ran\n");
        } else {
            sb.append("SKIPPED TESTS: ").append(n).append(" did not run\n");
            byReason.forEach((reason, tests) -> {
                sb.append("  because ").append(reason).append(" (").append(tests.size()).append("):\n");
                tests.forEach(t -> sb.append("    ").append(t).append('\n'));
            });
        }
        System.out.print(sb);
        System.out.flush();
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("skipped-tests.txt"), sb.toString(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            System.out.println("(could not write target/skipped-tests.txt: " + e.getMessage() + ")");
        }
    }
}

package org.orthomeasure.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Starts JMH ({@code org.openjdk.jmh.Main}) from {@code mvn -Pbench exec:java}. Under exec:java the
 * project's classes live in Maven's class loader, not on {@code java.class.path}, so JMH's forked
 * JVMs could not find them ("Could not find or load main class ...ForkedMain"); this copies the
 * class loader's path into {@code java.class.path} first. Arguments are JMH's.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader cl = Thread.currentThread().getContextClassLoader(); cl != null; cl = cl.getParent()) {
            if (cl instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a file URL: not needed by the fork
                    }
                }
            }
        }
        if (!entries.isEmpty()) {
            System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
        }
        org.openjdk.jmh.Main.main(args);
    }
}

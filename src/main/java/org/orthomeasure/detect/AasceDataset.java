package org.orthomeasure.detect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A labelled folder in the AASCE 2019 format: {@code images/}, {@code filenames.csv} (one name per line),
 * {@code landmarks.csv} (per row 68 x then 68 y, each divided by the image width or height; 17 vertebrae
 * T1..L5 with corners TL, TR, BL, BR) and {@code angles.csv} (major, upper, lower in degrees).
 */
public final class AasceDataset {

    /** One labelled film: x and y fractions (68 each) and the reference angles. */
    public record Entry(String name, Path image, double[] xFraction, double[] yFraction, double[] angles) {
        /** Labelled corner {@code i} (0..67) in film px for a film of {@code width} x {@code height}. */
        public double[] cornerPx(int i, int width, int height) {
            return new double[] {xFraction[i] * width, yFraction[i] * height};
        }
    }

    private final List<Entry> entries;

    private AasceDataset(List<Entry> entries) {
        this.entries = entries;
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * Reads the folder's three CSV files.
     *
     * @throws IOException with a message naming the file and line at fault
     */
    public static AasceDataset read(Path folder) throws IOException {
        Path names = folder.resolve("filenames.csv");
        Path lm = folder.resolve("landmarks.csv");
        Path ang = folder.resolve("angles.csv");
        for (Path p : List.of(names, lm, ang, folder.resolve("images"))) {
            if (!Files.exists(p)) {
                throw new IOException(folder + " is not a labelled spine folder: " + p.getFileName() + " is missing");
            }
        }
        List<String> n = nonEmpty(names);
        List<String> l = nonEmpty(lm);
        List<String> a = nonEmpty(ang);
        if (n.size() != l.size() || n.size() != a.size()) {
            throw new IOException("filenames.csv, landmarks.csv and angles.csv have " + n.size() + ", " + l.size()
                    + " and " + a.size() + " rows in " + folder);
        }
        List<Entry> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            double[] row = numbers(l.get(i), 136, lm, i);
            double[] angles = numbers(a.get(i), 3, ang, i);
            double[] xs = new double[68];
            double[] ys = new double[68];
            System.arraycopy(row, 0, xs, 0, 68);
            System.arraycopy(row, 68, ys, 0, 68);
            String name = n.get(i).trim();
            out.add(new Entry(name, folder.resolve("images").resolve(name), xs, ys, angles));
        }
        return new AasceDataset(Collections.unmodifiableList(out));
    }

    private static List<String> nonEmpty(Path p) throws IOException {
        List<String> out = new ArrayList<>();
        for (String s : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (!s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }

    private static double[] numbers(String line, int expected, Path file, int row) throws IOException {
        String[] parts = line.split(",");
        if (parts.length != expected) {
            throw new IOException(file.getFileName() + " row " + (row + 1) + ": expected " + expected
                    + " numbers, got " + parts.length);
        }
        double[] out = new double[expected];
        for (int i = 0; i < expected; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IOException(file.getFileName() + " row " + (row + 1) + ": '" + parts[i].trim()
                        + "' is not a number", e);
            }
        }
        return out;
    }
}

package org.orthomeasure.detect.longleg;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The layout of the OAI long-leg training data ({@code ../shared/data/oai-legs-seg}): {@code PART/images/NAME.jpg}
 * (one right leg, 128 × 1024 grey, CLAHE) and {@code PART/masks/NAME.png} (RGB: blue background, green femur,
 * red tibia), PART being {@code train} or {@code test}.
 */
public final class OaiLegsDataset {

    /** One crop: its name, image file and mask file. */
    public record Crop(String name, Path image, Path mask) {
    }

    private OaiLegsDataset() {
    }

    /** True when {@code dir} looks like the data set (a test or train folder with images and masks). */
    public static boolean looksLike(Path dir) {
        return Files.isDirectory(dir.resolve("test").resolve("masks")) || Files.isDirectory(dir.resolve("train").resolve("masks"));
    }

    /** The crops of {@code part} ("train" or "test") in name order. */
    public static List<Crop> crops(Path dir, String part) throws IOException {
        Path images = dir.resolve(part).resolve("images");
        Path masks = dir.resolve(part).resolve("masks");
        if (!Files.isDirectory(images) || !Files.isDirectory(masks)) {
            throw new IOException(dir + ": no " + part + "/images and " + part + "/masks folders (not the oai-legs-seg layout)");
        }
        List<Crop> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(images)) {
            for (Path p : s.sorted().toList()) {
                String file = p.getFileName().toString();
                if (file.endsWith(".jpg")) {
                    String name = file.substring(0, file.length() - 4);
                    Path mask = masks.resolve(name + ".png");
                    if (Files.isRegularFile(mask)) {
                        out.add(new Crop(name, p, mask));
                    }
                }
            }
        }
        return out;
    }

    /** The hand-drawn outlines of a crop as a mask: green femur, red tibia, anything else background. */
    public static BoneMask readMask(Path file) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new IOException(file + ": not a readable PNG mask");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] labels = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (g > 127 && g >= r && g >= b) {
                    labels[y * w + x] = BoneMask.FEMUR;
                } else if (r > 127 && r > g && r >= b) {
                    labels[y * w + x] = BoneMask.TIBIA;
                }
            }
        }
        return BoneMask.of(w, h, labels);
    }
}

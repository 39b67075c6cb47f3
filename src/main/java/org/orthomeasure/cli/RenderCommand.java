package org.orthomeasure.cli;

import org.orthomeasure.io.AtomicFiles;
import org.orthomeasure.io.image.Radiograph;
import org.orthomeasure.io.image.WindowLevel;
import org.orthomeasure.io.image.WindowPreset;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code render FILE OUT.png [--window C W] [--max-size N] [--invert | --no-invert]}: writes the
 * image as displayed (default window and polarity unless given), 8-bit grey or RGB PNG, scaled down
 * (box filter, aspect kept) so its longer side is at most N.
 */
public final class RenderCommand implements Subcommand {

    @Override
    public String help() {
        return String.join("\n",
                "usage: render FILM OUT.png [--window CENTRE WIDTH] [--max-size N] [--invert|--no-invert]",
                "",
                "  --window CENTRE WIDTH  window centre, then width, in the film's stored values (e.g. --window 1500 2000)",
                "  --max-size N           scale down so that the longer side is at most N px",
                "  --invert / --no-invert show the film inverted or not (default: as the film says)");
    }

    @Override
    public String summary() {
        return "the displayed 8-bit image as PNG (FILE OUT.png [--window C W] [--max-size N] [--invert|--no-invert])";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws UsageException, InputException {
        String in = null;
        String png = null;
        WindowLevel window = null;
        int maxSize = Integer.MAX_VALUE;
        Boolean invert = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--window" -> {
                    if (i + 2 >= args.length) {
                        throw new UsageException("--window needs a centre and a width");
                    }
                    double c = number(args[++i], "window centre");
                    double w = number(args[++i], "window width");
                    if (!(w >= 1)) {
                        throw new UsageException("window width must be at least 1, got " + args[i]);
                    }
                    window = WindowLevel.of(c, w);
                }
                case "--max-size" -> {
                    if (i + 1 >= args.length) {
                        throw new UsageException("--max-size needs a number of pixels");
                    }
                    try {
                        maxSize = Integer.parseInt(args[++i]);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--max-size needs a whole number, got '" + args[i] + "'");
                    }
                    if (maxSize < 1) {
                        throw new UsageException("--max-size must be positive, got " + maxSize);
                    }
                }
                case "--invert" -> invert = true;
                case "--no-invert" -> invert = false;
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new UsageException("unknown option " + args[i]);
                    } else if (in == null) {
                        in = args[i];
                    } else if (png == null) {
                        png = args[i];
                    } else {
                        throw new UsageException("unexpected argument '" + args[i] + "'");
                    }
                }
            }
        }
        if (in == null || png == null) {
            throw new UsageException("usage: render FILE OUT.png [--window C W] [--max-size N] [--invert|--no-invert]");
        }
        Radiograph r = InfoCommand.open(in);
        WindowPreset preset = window == null ? r.defaultWindow() : new WindowPreset("command line", window, Optional.empty());
        Radiograph.Rendered view = r.renderFit(maxSize, preset, invert == null ? r.invertedByDefault() : invert);
        BufferedImage image;
        if (r.isColor()) {
            image = new BufferedImage(view.width(), view.height(), BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, view.width(), view.height(), view.argb(), 0, view.width());
        } else {
            image = new BufferedImage(view.width(), view.height(), BufferedImage.TYPE_BYTE_GRAY);
            byte[] grey = new byte[view.argb().length];
            for (int i = 0; i < grey.length; i++) {
                grey[i] = (byte) view.argb()[i];
            }
            image.getRaster().setDataElements(0, 0, view.width(), view.height(), grey);
        }
        Path target = Path.of(png);
        try {
            AtomicFiles.write(target, tmp -> {
                if (!ImageIO.write(image, "png", tmp.toFile())) {
                    throw new IOException("no PNG writer available");
                }
            });
        } catch (IOException | RuntimeException e) {
            throw new InputException("cannot write " + png + " (" + e.getMessage() + ")", e);
        }
        out.println(OneLine.of("wrote " + png + " (" + view.width() + "x" + view.height() + ", window " + preset.center() + "/"
                + preset.width() + (r.notes().isEmpty() ? "" : "; " + String.join("; ", r.notes())) + ")"));
        return 0;
    }

    private static double number(String s, String what) throws UsageException {
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException(what + " must be a number, got '" + s + "'");
        }
    }
}

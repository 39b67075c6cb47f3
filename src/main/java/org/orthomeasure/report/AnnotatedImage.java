package org.orthomeasure.report;

import org.orthomeasure.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.orthomeasure.core.overlay.Bounds;
import org.orthomeasure.core.overlay.LabelLayout;
import org.orthomeasure.core.overlay.TextLabel;
import org.orthomeasure.io.image.PatientOrientation;
import org.orthomeasure.core.overlay.Overlay;
import org.orthomeasure.core.overlay.OverlayGroup;
import org.orthomeasure.core.overlay.OverlayItem;
import org.orthomeasure.io.image.Radiograph;

/**
 * The annotated picture of a film: the windowed image (or a black canvas when there is no image)
 * with one or more overlays painted on it, cropped around the annotations or showing the whole film,
 * scaled down (never up) so that its longer side is at most {@code maxSize} pixels.
 */
public final class AnnotatedImage {

    /** What part of the film the picture shows. */
    public enum Framing {
        /** The whole film. */
        WHOLE_FILM,
        /** The annotations with a margin (the whole film when there are none). */
        AROUND_LANDMARKS
    }

    /** One overlay and the colours it is painted in (check mode paints two readings). */
    public record Layer(Overlay overlay, Palette palette) {
        public Layer {
            Objects.requireNonNull(overlay, "overlay");
            Objects.requireNonNull(palette, "palette");
        }

        public static Layer standard(Overlay overlay) {
            return new Layer(overlay, Palette.standard());
        }
    }

    /** The R/L marker's size, relative to the label text. */
    static final float MARKER_SIZE = 1.8f;
    /** The colour of the plausibility lines (amber, as the report's warnings). */
    static final Color FLAG = new Color(255, 190, 80);

    /** Margin around the annotations: this fraction of their larger extent, at least {@link #MIN_MARGIN_PX}. */
    static final double MARGIN_FRACTION = 0.08;
    static final double MIN_MARGIN_PX = 40;

    private AnnotatedImage() {
    }

    /**
     * Renders the picture with every overlay group visible.
     *
     * @return empty when there is nothing to show (no film and no annotation)
     */
    public static Optional<BufferedImage> render(Optional<FilmView> film, List<Layer> layers, Framing framing,
                                                 int maxSize) {
        return render(film, layers, framing, maxSize, EnumSet.allOf(OverlayGroup.class));
    }

    /**
     * Renders the picture showing only the {@code visible} overlay groups.
     *
     * @return empty when there is nothing to show (no film and no annotation)
     */
    public static Optional<BufferedImage> render(Optional<FilmView> film, List<Layer> layers, Framing framing,
                                                 int maxSize, Set<OverlayGroup> visible) {
        return render(film, layers, framing, maxSize, visible, List.of());
    }

    /**
     * Renders the picture showing only the {@code visible} overlay groups, with the R/L marker of the
     * film in the top corners and {@code flags} (plausibility findings, one line each) at the bottom
     * left; no label covers either.
     *
     * @return empty when there is nothing to show (no film and no annotation)
     */
    public static Optional<BufferedImage> render(Optional<FilmView> film, List<Layer> layers, Framing framing,
                                                 int maxSize, Set<OverlayGroup> visible, List<String> flags) {
        Objects.requireNonNull(film, "film");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(framing, "framing");
        if (maxSize < 16) {
            throw new IllegalArgumentException("picture size must be at least 16 px, got " + maxSize);
        }
        Optional<Region> region = region(film, layers, framing);
        if (region.isEmpty()) {
            return Optional.empty();
        }
        Region r = region.get();
        double scale = Math.min(1.0, maxSize / (double) Math.max(r.w, r.h));
        int outW = Math.max(1, (int) Math.round(r.w * scale));
        int outH = Math.max(1, (int) Math.round(r.h * scale));
        float unit = (float) Math.max(1.0, Math.max(outW, outH) / 900.0);
        return Optional.of(paint(film, layers, r, outW, outH, unit, visible, flags));
    }

    /** A picture sized for print: the image and the size it is meant to be shown at, in points. */
    public record Printed(BufferedImage image, float widthPt, float heightPt) {
    }

    /** Pixels per point of a printed picture (216 dpi). */
    static final double PRINT_PX_PER_PT = 3.0;
    /** Height of overlay text in a printed picture, points. */
    static final double PRINT_TEXT_PT = 6.0;

    /**
     * Renders the picture to fill a box of {@code boxWidthPt} × {@code boxHeightPt} points (aspect kept)
     * at about 216 dpi (never enlarging the film), with overlay text about 6 pt high on paper, showing
     * the {@code visible} groups.
     *
     * @return empty when there is nothing to show (no film and no annotation)
     */
    public static Optional<Printed> renderForPrint(Optional<FilmView> film, List<Layer> layers, Framing framing,
                                                  float boxWidthPt, float boxHeightPt, Set<OverlayGroup> visible) {
        Objects.requireNonNull(film, "film");
        if (!(boxWidthPt > 0 && boxHeightPt > 0)) {
            throw new IllegalArgumentException("print box must be positive, got " + boxWidthPt + " x " + boxHeightPt);
        }
        Optional<Region> region = region(film, layers, framing);
        if (region.isEmpty()) {
            return Optional.empty();
        }
        Region r = region.get();
        double fit = Math.min(boxWidthPt / r.w, boxHeightPt / r.h); // points per source pixel
        float wPt = (float) (r.w * fit);
        float hPt = (float) (r.h * fit);
        double pxScale = Math.min(1.0, PRINT_PX_PER_PT * fit); // output pixels per source pixel
        int outW = Math.max(1, (int) Math.round(r.w * pxScale));
        int outH = Math.max(1, (int) Math.round(r.h * pxScale));
        double pxPerPt = outW / (double) wPt;
        // OverlayPainter text is 11 units high.
        float unit = (float) (PRINT_TEXT_PT / 11.0 * pxPerPt);
        return Optional.of(new Printed(paint(film, layers, r, outW, outH, unit, visible, List.of()),
                wPt, hPt));
    }

    private static Optional<Region> region(Optional<FilmView> film, List<Layer> layers, Framing framing) {
        Optional<Bounds> annotations = layers.stream().map(l -> l.overlay().bounds())
                .flatMap(Optional::stream).reduce(Bounds::union);
        return region(film.map(FilmView::radiograph), annotations, framing);
    }

    private static BufferedImage paint(Optional<FilmView> film, List<Layer> layers, Region r, int outW, int outH,
                                       float unit, Set<OverlayGroup> visible, List<String> flags) {
        BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        if (film.isPresent()) {
            FilmView f = film.get();
            int[] argb = new int[outW * outH];
            f.radiograph().renderRegion(r.x, r.y, r.w, r.h, outW, outH, f.window(), f.invert(), argb);
            out.setRGB(0, 0, outW, outH, argb, 0, outW);
        }
        Graphics2D g = out.createGraphics();
        try {
            if (film.isEmpty()) {
                g.setColor(Color.BLACK);
                g.fillRect(0, 0, outW, outH);
            }
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            AffineTransform t = new AffineTransform();
            t.scale(outW / (double) r.w, outH / (double) r.h);
            t.translate(-r.x, -r.y);
            List<OverlayPainter> painters = new ArrayList<>();
            for (Layer layer : layers) {
                OverlayPainter painter = new OverlayPainter(g, t, layer.palette(), unit);
                painters.add(painter);
                for (OverlayItem item : layer.overlay().visible(visible)) {
                    painter.paintShape(item);
                }
            }
            // One layout for every label of every layer, after the fixed texts it must keep clear of.
            LabelLayout layout = LabelLayout.within(outW, outH);
            OverlayPainter fixed = new OverlayPainter(g, t, Palette.standard(), unit);
            double pad = 4 * unit;
            if (film.isPresent()) {
                PatientOrientation o = PatientOrientation.of(film.get().radiograph().header());
                LabelLayout.Box left = fixed.fixedText(o.leftEdge(), pad, pad, Color.WHITE, MARKER_SIZE, false, false);
                layout.reserve(left);
                layout.reserve(fixed.fixedText(o.rightEdge(), outW - pad, pad, Color.WHITE, MARKER_SIZE, true, false));
                if (!o.fromFile()) {
                    layout.reserve(fixed.fixedText("R/L assumed (AP)", pad, left.bottom() + unit, Color.WHITE, 0.8f, false, false));
                }
            }
            double y = outH - pad;
            for (int i = flags.size() - 1; i >= 0; i--) {
                LabelLayout.Box at = fixed.fixedText("Check: " + flags.get(i), pad, y, FLAG, 0.9f, false, true);
                layout.reserve(at);
                y = at.top() - unit;
            }
            for (int i = 0; i < layers.size(); i++) {
                for (OverlayItem item : layers.get(i).overlay().visible(visible)) {
                    painters.get(i).markerBox(item).ifPresent(layout::reserve);
                }
            }
            List<OverlayPainter.PlacedLabel> placed = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                List<OverlayItem> labels = new ArrayList<>(layers.get(i).overlay().visible(visible).stream()
                        .filter(item -> item.shape() instanceof TextLabel).toList());
                // values first, so that they sit nearest their arcs; landmark names give way
                labels.sort(java.util.Comparator.comparing(item -> item.group() == OverlayGroup.LANDMARK_LABELS));
                for (OverlayItem item : labels) {
                    placed.add(painters.get(i).place((TextLabel) item.shape(), layers.get(i).palette().colour(item.role()),
                            layout));
                }
            }
            // every leader under every label box: a leader never crosses a label's text
            placed.forEach(fixed::paintLeader);
            placed.forEach(fixed::paintLabel);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Writes {@code image} as PNG to {@code file} atomically (a temporary file beside it, then a move). */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** A source rectangle in image pixels. */
    private record Region(int x, int y, int w, int h) {
    }

    private static Optional<Region> region(Optional<Radiograph> film, Optional<Bounds> annotations, Framing framing) {
        if (film.isEmpty()) {
            // No image: a canvas around the annotations.
            return annotations.map(b -> {
                Bounds e = b.expanded(margin(b));
                int x0 = (int) Math.floor(e.minX());
                int y0 = (int) Math.floor(e.minY());
                return new Region(x0, y0, Math.max(1, (int) Math.ceil(e.maxX()) - x0),
                        Math.max(1, (int) Math.ceil(e.maxY()) - y0));
            });
        }
        Radiograph r = film.get();
        Region whole = new Region(0, 0, r.width(), r.height());
        if (framing == Framing.WHOLE_FILM || annotations.isEmpty()) {
            return Optional.of(whole);
        }
        Bounds e = annotations.get().expanded(margin(annotations.get()));
        int x0 = clamp((int) Math.floor(e.minX()), 0, r.width() - 1);
        int y0 = clamp((int) Math.floor(e.minY()), 0, r.height() - 1);
        int x1 = clamp((int) Math.ceil(e.maxX()), x0 + 1, r.width());
        int y1 = clamp((int) Math.ceil(e.maxY()), y0 + 1, r.height());
        return Optional.of(new Region(x0, y0, x1 - x0, y1 - y0));
    }

    private static double margin(Bounds b) {
        return Math.max(MIN_MARGIN_PX, MARGIN_FRACTION * Math.max(b.width(), b.height()));
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}

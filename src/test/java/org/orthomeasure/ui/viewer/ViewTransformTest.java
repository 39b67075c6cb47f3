package org.orthomeasure.ui.viewer;

import org.junit.jupiter.api.Test;
import org.orthomeasure.core.geometry.Point2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ViewTransformTest {

    private static final double EPS = 1e-9;

    private static void assertPoint(double x, double y, Point2 p) {
        assertEquals(x, p.x(), EPS, "x of " + p);
        assertEquals(y, p.y(), EPS, "y of " + p);
    }

    @Test
    void fitCentresTheWholeImageWithAMargin() {
        ViewTransform t = ViewTransform.fit(1000, 4000, 800, 800);
        assertEquals(0.98 * 800 / 4000, t.scale(), EPS);
        assertPoint(400, 400, t.toScreen(Point2.of(500, 2000)));
        assertEquals(0.98 * 800, t.displayedHeight(), EPS);
    }

    @Test
    void zoomKeepsThePointUnderTheCursor() {
        ViewTransform t = ViewTransform.fit(1000, 4000, 800, 800);
        Point2 under = t.toImage(123, 456);
        ViewTransform z = t.zoomAt(3.7, 123, 456);
        assertEquals(t.scale() * 3.7, z.scale(), EPS);
        assertPoint(123, 456, z.toScreen(under));
    }

    @Test
    void zoomIsClampedAndStillKeepsTheAnchor() {
        ViewTransform t = ViewTransform.fit(100, 100, 800, 800);
        Point2 under = t.toImage(10, 20);
        ViewTransform z = t.zoomAt(1e6, 10, 20);
        assertEquals(ViewTransform.MAX_SCALE, z.scale(), EPS);
        assertPoint(10, 20, z.toScreen(under));
    }

    @Test
    void oneToOneShowsOneImagePixelPerScreenPixel() {
        ViewTransform t = ViewTransform.fit(3000, 3000, 600, 600).oneToOne(300, 300);
        assertEquals(1.0, t.scale(), EPS);
        assertPoint(1500, 1500, t.toImage(300, 300));
        assertPoint(1501, 1500, t.toImage(301, 300));
    }

    @Test
    void panMovesByScreenPixels() {
        ViewTransform t = ViewTransform.fit(200, 200, 400, 400);
        Point2 before = t.toScreen(Point2.of(50, 60));
        assertPoint(before.x() + 7, before.y() - 3, t.panBy(7, -3).toScreen(Point2.of(50, 60)));
    }

    @Test
    void clockwiseRotationSendsImageRightToScreenDown() {
        ViewTransform t = new ViewTransform(100, 50, 1, 0, 0, 1, false, false);
        Point2 centre = t.toScreen(Point2.of(50, 25));
        Point2 right = t.toScreen(Point2.of(60, 25));
        Point2 down = t.toScreen(Point2.of(50, 35));
        assertPoint(centre.x(), centre.y() + 10, right);
        assertPoint(centre.x() - 10, centre.y(), down);
        assertEquals(50, t.displayedWidth(), EPS);
        assertEquals(100, t.displayedHeight(), EPS);
    }

    @Test
    void everyOrientationRoundTrips() {
        Point2 p = Point2.of(12.25, 301.5);
        for (int q = 0; q < 4; q++) {
            for (boolean fh : new boolean[] {false, true}) {
                for (boolean fv : new boolean[] {false, true}) {
                    ViewTransform t = new ViewTransform(640, 480, 1.7, 33, -12, q, fh, fv);
                    Point2 s = t.toScreen(p);
                    assertPoint(p.x(), p.y(), t.toImage(s.x(), s.y()));
                    // the affine form used for drawing agrees with toScreen
                    assertEquals(s.x(), t.scale() * (t.m00() * p.x() + t.m01() * p.y()) + t.tx(), EPS);
                    assertEquals(s.y(), t.scale() * (t.m10() * p.x() + t.m11() * p.y()) + t.ty(), EPS);
                }
            }
        }
    }

    @Test
    void fourRotationsAreTheIdentityAndKeepTheAnchor() {
        ViewTransform t = ViewTransform.fit(1000, 4000, 800, 600);
        Point2 anchorImage = t.toImage(400, 300);
        ViewTransform r = t;
        for (int i = 0; i < 4; i++) {
            r = r.rotate(true, 400, 300);
            assertPoint(400, 300, r.toScreen(anchorImage));
        }
        assertEquals(0, r.quarterTurns());
        assertPoint(t.centreX(), t.centreY(), Point2.of(r.centreX(), r.centreY()));
    }

    @Test
    void horizontalFlipMirrorsTheScreenXEvenWhenRotated() {
        for (int q = 0; q < 4; q++) {
            ViewTransform t = new ViewTransform(300, 200, 2, 0, 0, q, false, false);
            ViewTransform f = t.flipHorizontal(0, 0);
            Point2 p = Point2.of(10, 170);
            Point2 a = t.toScreen(p);
            Point2 b = f.toScreen(p);
            assertPoint(-a.x(), a.y(), b);
            ViewTransform v = t.flipVertical(0, 0);
            Point2 c = v.toScreen(p);
            assertPoint(a.x(), -a.y(), c);
        }
    }

    @Test
    void rejectsDegenerateInput() {
        assertThrows(IllegalArgumentException.class, () -> new ViewTransform(0, 10, 1, 0, 0, 0, false, false));
        assertThrows(IllegalArgumentException.class, () -> new ViewTransform(10, 10, Double.NaN, 0, 0, 0, false, false));
        ViewTransform t = ViewTransform.fit(10, 10, 100, 100);
        assertThrows(IllegalArgumentException.class, () -> t.zoomAt(0, 0, 0));
    }
}

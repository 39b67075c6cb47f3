package org.orthomeasure.io.dicom;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PixelMedConsoleTest {

    @Test
    void ourOwnLinesPassThrough() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream filtered = new PixelMedConsole.Filtered(new PrintStream(sink, true, StandardCharsets.UTF_8));
        filtered.println("orthomeasure info: x.dcm: truncated DICOM file");
        assertEquals("orthomeasure info: x.dcm: truncated DICOM file" + System.lineSeparator(),
                sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noPixelMedFrameOnAPlainTestStack() {
        assertFalse(PixelMedConsole.calledFromPixelMed());
    }
}

package org.orthomeasure.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.io.dicom.Dciodvfy;

/** The committed sample films and freshly generated ones are valid DX images: dciodvfy reports no error. */
class PhantomConformanceTest {

    @Test
    void committedSamplesHaveNoConformanceError() throws Exception {
        for (String name : List.of("longleg-phantom", "spine-phantom")) {
            Path f = Path.of("sample-dicom", name + ".dcm");
            assertEquals(List.of(), Dciodvfy.errors(f), name);
            String out = Dciodvfy.output(f);
            assertEquals(true, out.contains("DXImageForPresentation"), name + " is checked as a DX image: " + out);
        }
    }

    @Test
    void generatedFilmsHaveNoConformanceError(@TempDir Path dir) throws Exception {
        for (PhantomFilm film : PhantomGenerator.films(PhantomGenerator.SEED + 1)) {
            Path f = PhantomGenerator.write(film, dir);
            assertEquals(List.of(), Dciodvfy.errors(f), film.name());
        }
    }
}

package org.orthomeasure.io.dicom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.orthomeasure.io.image.ImageReadException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The external-tool path: lookup, failure and timeout, with stand-in scripts (POSIX only). */
class DcmtkToolsTest {

    @TempDir
    Path dir;

    private Path script(String name, String body) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void findsOnlyExecutablesInTheSearchPath() throws Exception {
        script("dcmdjpls", "exit 0");
        assertTrue(DcmtkTools.onPath(dir.toString()).find("dcmdjpls").isPresent());
        assertTrue(DcmtkTools.onPath("").find("dcmdjpls").isEmpty());
        assertTrue(DcmtkTools.onPath(dir.toString()).find("dcmdjpeg").isEmpty());
    }

    /** Any input file: the stand-in scripts never read it (and no shared data is needed to test the tool path). */
    private Path input() throws Exception {
        return Files.write(dir.resolve("in.dcm"), new byte[] {0, 1, 2, 3});
    }

    @Test
    void aFailingToolGivesItsMessage() throws Exception {
        script("dcmdjpls", "echo 'E: cannot decode' >&2; exit 1");
        Path in = input();
        ImageReadException e = assertThrows(ImageReadException.class, () -> DcmtkTools.onPath(dir.toString())
                .decompress("dcmdjpls", in, "JPEG-LS lossless"));
        assertTrue(e.getMessage().contains("dcmdjpls could not decode the JPEG-LS lossless pixel data (E: cannot decode)"),
                e.getMessage());
    }

    @Test
    @Timeout(30)
    void aHangingToolIsKilled() throws Exception {
        script("dcmdjpls", "sleep 60");
        Path in = input();
        ImageReadException e = assertThrows(ImageReadException.class, () -> DcmtkTools.onPath(dir.toString())
                .withTimeout(1).decompress("dcmdjpls", in, "JPEG-LS lossless"));
        assertTrue(e.getMessage().contains("did not finish decoding JPEG-LS lossless within 1 s"), e.getMessage());
    }
}

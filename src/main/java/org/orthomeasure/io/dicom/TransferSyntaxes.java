package org.orthomeasure.io.dicom;

import java.util.Map;

/** What OrthoMeasure knows about each DICOM transfer syntax (PS3.5 Annex A, PS3.6 Annex A). */
enum TransferSyntaxes {
    ;

    /** How a transfer syntax's pixel data gets decoded. */
    enum Route { JAVA, DCMDJPLS, DCMDJPEG_IF_OVER_8_BITS, UNSUPPORTED }

    record Info(String name, boolean lossy, Route route) {
    }

    private static final Map<String, Info> KNOWN = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2", new Info("Implicit VR Little Endian", false, Route.JAVA)),
            Map.entry("1.2.840.10008.1.2.1", new Info("Explicit VR Little Endian", false, Route.JAVA)),
            Map.entry("1.2.840.10008.1.2.2", new Info("Explicit VR Big Endian", false, Route.JAVA)),
            Map.entry("1.2.840.10008.1.2.1.99", new Info("Deflated Explicit VR Little Endian", false, Route.JAVA)),
            Map.entry("1.2.840.10008.1.2.5", new Info("RLE Lossless", false, Route.JAVA)),
            Map.entry("1.2.840.10008.1.2.4.50", new Info("JPEG Baseline (8-bit lossy)", true, Route.JAVA)),
            Map.entry("1.2.840.10008.1.2.4.51", new Info("JPEG Extended (12-bit lossy)", true, Route.DCMDJPEG_IF_OVER_8_BITS)),
            Map.entry("1.2.840.10008.1.2.4.57", new Info("JPEG Lossless", false, Route.JAVA)),
            Map.entry("1.2.840.10008.1.2.4.70", new Info("JPEG Lossless SV1", false, Route.JAVA)),
            Map.entry("1.2.840.10008.1.2.4.80", new Info("JPEG-LS lossless", false, Route.DCMDJPLS)),
            Map.entry("1.2.840.10008.1.2.4.81", new Info("JPEG-LS near-lossless", true, Route.DCMDJPLS)),
            Map.entry("1.2.840.10008.1.2.4.90", new Info("JPEG 2000 lossless", false, Route.JAVA)),
            Map.entry("1.2.840.10008.1.2.4.91", new Info("JPEG 2000 (lossy)", true, Route.JAVA)),
            Map.entry("1.2.840.10008.1.2.4.92", new Info("JPEG 2000 Part 2 multi-component lossless", false, Route.UNSUPPORTED)),
            Map.entry("1.2.840.10008.1.2.4.93", new Info("JPEG 2000 Part 2 multi-component", true, Route.UNSUPPORTED)),
            Map.entry("1.2.840.10008.1.2.4.201", new Info("HTJ2K lossless", false, Route.UNSUPPORTED)),
            Map.entry("1.2.840.10008.1.2.4.202", new Info("HTJ2K lossless RPCL", false, Route.UNSUPPORTED)),
            Map.entry("1.2.840.10008.1.2.4.203", new Info("HTJ2K", true, Route.UNSUPPORTED)),
            Map.entry("1.2.840.10008.1.2.4.100", new Info("MPEG-2 video", true, Route.UNSUPPORTED)),
            Map.entry("1.2.840.10008.1.2.4.102", new Info("MPEG-4 video", true, Route.UNSUPPORTED)),
            Map.entry("1.2.840.10008.1.2.4.103", new Info("MPEG-4 video", true, Route.UNSUPPORTED)),
            Map.entry("1.2.840.10008.1.2.4.110", new Info("MPEG-4 video", true, Route.UNSUPPORTED)),
            Map.entry("1.2.840.10008.1.2.4.111", new Info("MPEG-4 video", true, Route.UNSUPPORTED)),
            Map.entry("1.2.840.10008.1.2.4.112", new Info("MPEG-4 video", true, Route.UNSUPPORTED)),
            Map.entry("1.2.840.10008.1.2.4.113", new Info("MPEG-4 video", true, Route.UNSUPPORTED)),
            Map.entry("1.2.840.10008.1.2.4.114", new Info("MPEG-4 video", true, Route.UNSUPPORTED)),
            Map.entry("1.2.840.10008.1.2.4.115", new Info("HEVC video", true, Route.UNSUPPORTED)),
            Map.entry("1.2.840.10008.1.2.4.116", new Info("HEVC video", true, Route.UNSUPPORTED)));

    /** Info for {@code uid}; unknown syntaxes are unsupported. */
    static Info of(String uid) {
        Info info = KNOWN.get(uid);
        return info != null ? info : new Info("transfer syntax " + uid, false, Route.UNSUPPORTED);
    }
}

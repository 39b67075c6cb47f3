package org.orthomeasure.io.dicom.net;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a C-STORE of several files achieved.
 *
 * @param sent    the files the PACS accepted
 * @param refused each file not stored, with the reason (status or problem)
 */
public record SendResult(List<Path> sent, Map<Path, String> refused) {

    public SendResult {
        sent = List.copyOf(sent);
        refused = Map.copyOf(refused);
    }

    public boolean allSent() {
        return refused.isEmpty();
    }
}

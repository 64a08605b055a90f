package dev.weft.protocol;

import java.util.List;
import java.util.UUID;

/**
 * {@code 40 history_versions} (extension): a document's versions, oldest first (docs/protocol.md
 * §10). Version {@code k} (from 1) is the {@code k}-th entry.
 *
 * @param documentId the document
 * @param versions editing sessions in time order, none overlapping
 */
public record HistoryVersions(UUID documentId, List<Version> versions) implements Message {
    public static final int TYPE = 40;

    public HistoryVersions {
        Fields.present(documentId, "documentId");
        versions = List.copyOf(versions);
        for (int i = 1; i < versions.size(); i++) {
            if (Long.compareUnsigned(versions.get(i).from(), versions.get(i - 1).to()) <= 0) {
                throw new IllegalArgumentException("versions out of time order");
            }
        }
    }

    /**
     * One editing session: its first and last change, the devices that inserted text in it (by
     * name) and how many code points it inserted and deleted.
     */
    public record Version(long from, long to, List<String> devices, int inserted, int deleted) {
        public Version {
            devices = List.copyOf(devices);
            if (Long.compareUnsigned(from, to) > 0) {
                throw new IllegalArgumentException("a version that ends before it starts");
            }
            if (inserted < 0 || deleted < 0) {
                throw new IllegalArgumentException("negative counts");
            }
            for (String device : devices) {
                TextRules.requirePlainText(device, 1, SessionPeer.MAX_DEVICE_NAME_BYTES, "device");
            }
        }
    }

    @Override
    public int type() {
        return TYPE;
    }
}

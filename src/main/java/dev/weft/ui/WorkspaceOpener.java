package dev.weft.ui;

import java.io.IOException;
import java.nio.file.Path;

/** Opens the vault in a folder with what goes with it; {@code app} wires the sync client and the server. */
@FunctionalInterface
public interface WorkspaceOpener {
    /** Blocks (importing a big folder takes a while); called off the event thread. */
    Workspace open(Path folder) throws IOException;
}

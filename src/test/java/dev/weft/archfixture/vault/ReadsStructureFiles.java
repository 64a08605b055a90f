package dev.weft.archfixture.vault;

import dev.weft.archfixture.protocol.StructureFile;

/** Keeps the vault rule: the structure file format. */
public final class ReadsStructureFiles {
    public StructureFile file;
    public StructureFile.Header header;
}

package dev.weft.archfixture.protocol;

/** Stands for the structure file codec, which vault may use. */
public final class StructureFile {
    /** Stands for its header record. */
    public record Header(long lastModified) {
    }
}

package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A document record keeps its creator: the device whose change made it, and no later editor. */
class DocumentRecordTest {
    @Test
    void theChangeThatMadeTheDocumentNamesItsCreator() {
        DocumentRecord made = new DocumentRecord("plans", false, 10, 10, 10).editedBy(3, 10);
        assertThat(made.creator()).isEqualTo(3);
        DocumentRecord later = made.with("plans", false, 20, 10).editedBy(5, 20);
        assertThat(later.creator()).isEqualTo(3);
        assertThat(DocumentRecord.decode(later.encode())).isEqualTo(later);
    }

    @Test
    void aRecordWrittenBeforeCreatorsReadsAsUnknownAndAnEditDoesNotClaimIt() {
        DocumentRecord old = new DocumentRecord("plans", false, 30, 10, 10);
        byte[] bytes = old.encode();
        assertThat(bytes[0] & 32).isZero(); // no creator byte: the layout written before
        DocumentRecord read = DocumentRecord.decode(bytes);
        assertThat(read.creator()).isZero();
        assertThat(read.editedBy(4, 30).creator()).as("an edit after creation is not the creator").isZero();
    }
}

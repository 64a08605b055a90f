package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which name a note takes back when the server refuses the one its upload carried. */
class RefusedNameTest {
    private static final LocalOp INSERT = new LocalOp.Insert(1, 0, new Atom(Pid.single(3, 1), 'x'));

    @Test
    void theServersNameComesBackWhenTheRefusedUploadCarriedThePendingRename() {
        List<LocalOp> pending = List.of(INSERT, new LocalOp.Rename(2, 0, "long"));
        assertThat(RefusedName.of(pending, Optional.of("mine"), 2)).contains(new RefusedName("long", "mine", true));
        assertThat(RefusedName.of(pending, Optional.of("mine"), 5)).contains(new RefusedName("long", "mine", true));
    }

    @Test
    void aNoteTheServerDoesNotHaveIsUntitled() {
        List<LocalOp> pending = List.of(new LocalOp.Rename(1, 0, "long"), INSERT);
        assertThat(RefusedName.of(pending, Optional.empty(), 2)).contains(new RefusedName("long", "Untitled", false));
        // a server name this device could not take is no name to go back to
        assertThat(RefusedName.of(pending, Optional.of(".hidden"), 2)).contains(new RefusedName("long", "Untitled", false));
    }

    @Test
    void nothingComesBackWithoutARefusedRename() {
        assertThat(RefusedName.of(List.of(INSERT), Optional.of("mine"), 1)).isEmpty();
        // renamed again after the refused upload left: the newer name goes in the next upload
        assertThat(RefusedName.of(List.of(INSERT, new LocalOp.Rename(4, 0, "newer")), Optional.of("mine"), 3)).isEmpty();
        // the pending name is the server's: the refusal was not about a rename made here
        assertThat(RefusedName.of(List.of(new LocalOp.Rename(2, 0, "mine")), Optional.of("mine"), 2)).isEmpty();
    }

    @Test
    void theMessageSaysWhichNameWhyAndWhatNow() {
        RefusedName refused = new RefusedName("a".repeat(100), "mine", true);
        assertThat(refused.message("mine", "taken")).isEqualTo("The server refused the name '" + "a".repeat(80)
                + "…' (taken): the note is named 'mine' again and its changes sync on");
        assertThat(new RefusedName("x", "Untitled", false).message("Untitled (2)", "taken"))
                .endsWith("the note is named 'Untitled (2)' here and its changes sync on");
    }
}

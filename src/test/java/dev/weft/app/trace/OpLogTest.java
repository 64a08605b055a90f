package dev.weft.app.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.crdt.SequenceDoc;
import org.junit.jupiter.api.Test;

class OpLogTest {
    @Test
    void recordsLocalEditsInOrderAndReplaysThemOnAnotherReplica() {
        OpLog log = new OpLog(1);
        SequenceDoc local = Replicas.empty(1);
        local.insert(0, "hello", log);
        local.delete(1, 3, log);
        local.insert(1, "ey", log);
        assertThat(log.size()).isEqualTo(5 + 3 + 2);

        SequenceDoc remote = Replicas.empty(2);
        log.applyTo(remote);
        assertThat(remote.text()).isEqualTo("heyo").isEqualTo(local.text());
        assertThat(remote.atomCount()).isEqualTo(local.atomCount());
    }

    @Test
    void appliesARangeOfOperations() {
        OpLog log = new OpLog(0);
        Replicas.empty(1).insert(0, "abc", log);
        SequenceDoc remote = Replicas.empty(2);
        log.applyTo(remote, 1, 3);
        assertThat(remote.text()).isEqualTo("bc");
        assertThatThrownBy(() -> log.applyTo(remote, 2, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void clearForgetsTheOperations() {
        OpLog log = new OpLog(0);
        Replicas.empty(1).insert(0, "abc", log);
        log.clear();
        assertThat(log.size()).isZero();
        SequenceDoc remote = Replicas.empty(2);
        log.applyTo(remote);
        assertThat(remote.atomCount()).isZero();
    }
}
